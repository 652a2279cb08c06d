// Package model owns the transformer architectures the engine runs: reading
// their hyperparameters from GGUF metadata (Config), binding their weights
// to memory-mapped tensor data with shape checks (Load), and the forward
// pass over a batch of tokens (Forward) built from shared blocks (norm,
// attention with a KV cache, feed-forward).
//
// Each architecture is one small file that registers an Arch describing how
// it differs from the common decoder block: rotary embedding order, q/k/v
// biases, per-head q/k normalization. Supported today: llama (Llama 2/3,
// Mistral, TinyLlama, SmolLM), qwen2 and qwen3.
//
// Weights are never copied: matrices are views into the mapped file and are
// multiplied in their stored type by package kernels; F32 vectors (norms,
// biases) are reinterpreted in place. The KV cache (Cache) stores keys and
// values in F16 (or Q8_0, or F32) per sequence slot; the caller (package
// engine) decides which slot and position each token of a batch occupies.
//
// Numerics follow llama.cpp's CPU backend: matrix products quantize their
// activations as ggml does (package kernels), norms and softmax accumulate
// in float64 like ggml_float, rope angles are computed as ggml_rope_ext
// computes them, and keys and values are rounded to the cache type when
// stored. Against llama.cpp's reference logits the normalized RMS error is
// below 0.001 for F16 weights and about 0.02-0.03 for quantized ones.
//
// It must not import engine, tokenizer, sample, node or api.
package model
