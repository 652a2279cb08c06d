// Package kernels owns the numeric core of the inference engine: decoding
// GGUF tensor blocks to float32 (Dequantize), encoding float32 into ggml
// block formats (Quantize), the matrix product behind every linear layer
// (MatMul), the float helpers attention needs (DotF32, DotF16F32, AxpyF32,
// AxpyF16, MulF32, SoftmaxVec, F16/BF16 conversions, and the grouped-query
// AttnScoresF16 and AttnMixF16, attn_avx2_amd64.s, which score and mix all query
// heads of a GQA group against each half-precision cache row at once), the
// vectorised
// element-wise steps of the embedding encoders (GELUF16, AddLayerNorm) and
// a Pool of persistent workers that runs them in parallel. Element-wise
// layer operations (norms, RoPE, softmax, activations) live in ops*.go,
// owned by the engine.
//
// # Numerics
//
// Block layouts and dequantization follow ggml's dequantize_row_* (layout
// table in dequant.go); Quantize follows quantize_row_*_ref for Q4_0, Q4_1,
// Q5_0, Q5_1, Q8_0, Q8_1, Q8_K and Q2_K..Q6_K (what llama-quantize does
// without an importance matrix) and quantize_row_mxfp4_ref for MXFP4
// (gpt-oss's expert weights, mxfp4.go). Both compute as the reference llama.cpp
// build does, including where its compiler fuses a*b+c into one FMA (see
// quant_k.go): checked byte for byte against llama.cpp's own quantizer
// output (testdata/llama_quant.json; on whole tensors every block of Q4_0,
// Q5_0, Q8_0, Q3_K, Q5_K, Q6_K and BF16 matches, and all but 0.3% of Q2_K
// and 0.05% of Q4_K blocks).
//
// MatMul computes like llama.cpp's CPU backend: the activations are
// quantized once per call (MatMulShared: once for several matrices of the
// same input, such as Q/K/V or gate/up) to the weight type's partner
// format (Q8_0 for Q4_0/Q5_0/Q8_0/MXFP4, Q8_1 for Q4_1/Q5_1, Q8_K for the
// K-quants; rounded to F16/BF16 for F16/BF16 weights) and the dot products
// are integer sums per block, scaled in float32. Results agree with
// llama.cpp up to summation order (relative differences around 1e-6 of the
// sum of |products|).
//
// # Speed
//
// On amd64 with AVX2, FMA and F16C (checked at run time with
// golang.org/x/sys/cpu) the dot products run in Go assembly
// (dot_avx2_amd64.s: one weight row × one activation row, for decoding;
// dot4_avx2_amd64.s: one weight row × four activation rows, for prompt
// processing and batched decoding, so each weight block is loaded and
// unpacked once per four products; for F16 and F32 weights three or two
// weight rows × four activation rows at once, each product summed exactly
// as the one-row kernel does, so that enough independent accumulators hide
// the FMA latency; on CPUs with AVX-512 VNNI the Q4_0 and Q8_0 ones use
// VPDPBUSD and the Q4_K and Q6_K ones VPDPWSSD, with identical results
// (dot4_vnni_amd64.s);
// with VBMI and GFNI too, Q4_0 and Q8_0 use dotQ4_0x4Z and dotQ8_0x4Z in
// dot4_avx512_amd64.s, 512-bit over activations interleaved per four columns
// so that no per-block horizontal sums are needed, eight weight rows per
// call (Q8_0's signed weights go in offset by 128, the sums starting from
// precomputed -128 times the activation block sums); the one-column
// kernels and the four-column kernels of the types a decoding step streams
// from memory prefetch the weights 2 KB ahead; for Q4_0, Q5_0, Q4_K,
// Q5_K and Q6_K,
// exact one-column kernels sum in the four-column kernels' order and give
// their per-column results bit for bit, so that a batch-invariant Pool
// need not pad a lone column to four), the row dequantization of Q8_0,
// Q4_K and Q6_K (dequant_avx2_amd64.s, bit-identical to the Go twins), and
// the Q8_0 and Q8_K activation quantizers (quant_avx2_amd64.s, bit-identical to
// their Go twins). Every assembly kernel has a pure-Go twin, used on other
// architectures, on CPUs without the features, and with -tags noasm; the
// tests compare each kernel with its twin. On CPUs with AVX-512 (F and VL)
// the F16 and F32 batch products use six weight rows × four activation
// rows instead (dot6x4_avx512_amd64.s: 24 accumulators in the 32 YMM registers,
// each product still summed exactly as the one-row kernel sums it, results
// stored straight into the output), and F16 batches keep their rounded
// activations as half-precision bits too, which halves the bytes streamed
// per multiply-add once rows no longer fit in L1. MatMul splits rows over
// the Pool and, for batches, walks tiles of about 16 rows (a multiple of
// the multi-row kernel's rows) × 32 activation rows; the activation
// quantization (or F16/BF16 rounding) before it is spread over the Pool
// too.
//
// MulF32 (gemm_avx2_amd64.s) is a register-tiled float32 product, 6 rows × 16
// columns in twelve accumulators with broadcast operands, for products
// of two activation matrices (attention scores and outputs). SoftmaxVec,
// SwiGLU, GELUF16, AddLayerNorm and Add run eight values at a time in AVX2
// (softmax_avx2_amd64.s, gelu_avx2_amd64.s, layernorm_avx2_amd64.s,
// vec_avx2_amd64.s), each
// bit for bit like its pure-Go twin; SoftmaxVec's exponential, which
// SwiGLU shares, is a single-precision polynomial (relative error below
// 1e-7 against math.Exp), as ggml's vectorised softmax uses.
//
// # Generated assembly
//
// Every *_amd64.s file, and the Go declaration of each of its functions
// (the *_amd64.go file of the same name), is generated by the avo
// (github.com/mmcloughlin/avo) descriptions in asm/, one per kernel family
// and parameterised by weight type, tile shape and ISA, with block layouts
// taken from the gguf type table. asm/ is a module of its own, so this one
// does not depend on avo. Change a kernel there and run
// `go generate ./kernels` (generate.go); CI regenerates and fails on any
// difference. Two Go files are generated there too, each from one template
// per shape and a table of types: the pure-Go dot loops of the quantized
// types (dotloops.go) and the Go wrappers that bounds-check and call the
// assembly (wrappers_amd64.go). A shared Go function in their place would
// reach the per-type part through a func value, interface or type-parameter
// dictionary, an indirect call per block or row (the standard library
// generates sort's zsortfunc.go for the same reason). CPU feature checks,
// dispatch and the other pure-Go twins are hand-written in the *_amd64.go,
// *_generic.go and other files. Package vectorstore's assembly is
// generated here as well (asm/vectorstore.go).
//
// # Concurrency
//
// A Pool (and MatMul, which uses the Pool's scratch memory) is driven by one
// goroutine at a time; use one Pool per concurrent caller. Everything else
// in the package is safe for concurrent use.
//
// It imports only gguf from this module.
package kernels
