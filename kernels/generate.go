package kernels

// The amd64 assembly (the *_amd64.s files that say "Code generated") and
// the Go declarations of its functions are written by the avo descriptions
// in asm/, a module of its own so that this one does not depend on avo.
// Edit the description, then run `go generate ./kernels`; CI regenerates
// and fails when the files differ from the commit.

//go:generate go run -C asm . -family dot -pkg kernels -out ../dot_avx2_amd64.s -stubs ../dot_avx2_amd64.go
//go:generate go run -C asm . -family vec -pkg kernels -out ../vec_avx2_amd64.s -stubs ../vec_avx2_amd64.go
//go:generate go run -C asm . -family dot4 -pkg kernels -out ../dot4_avx2_amd64.s -stubs ../dot4_avx2_amd64.go
//go:generate go run -C asm . -family dot4vnni -pkg kernels -out ../dot4_vnni_amd64.s -stubs ../dot4_vnni_amd64.go
//go:generate go run -C asm . -family dot6x4 -pkg kernels -out ../dot6x4_avx512_amd64.s -stubs ../dot6x4_avx512_amd64.go
//go:generate go run -C asm . -family attn -pkg kernels -out ../attn_avx2_amd64.s -stubs ../attn_avx2_amd64.go
//go:generate go run -C asm . -family gemm -pkg kernels -out ../gemm_avx2_amd64.s -stubs ../gemm_avx2_amd64.go
//go:generate go run -C asm . -family gelu -pkg kernels -out ../gelu_avx2_amd64.s -stubs ../gelu_avx2_amd64.go
//go:generate go run -C asm . -family layernorm -pkg kernels -out ../layernorm_avx2_amd64.s -stubs ../layernorm_avx2_amd64.go
//go:generate go run -C asm . -family softmax -pkg kernels -out ../softmax_avx2_amd64.s -stubs ../softmax_avx2_amd64.go
//go:generate go run -C asm . -family quant -pkg kernels -out ../quant_avx2_amd64.s -stubs ../quant_avx2_amd64.go
//go:generate go run -C asm . -family dot4z -pkg kernels -out ../dot4_avx512_amd64.s -stubs ../dot4_avx512_amd64.go
//go:generate go run -C asm . -family dequant -pkg kernels -out ../dequant_avx2_amd64.s -stubs ../dequant_avx2_amd64.go

// Package vectorstore's kernels are written from here too (their Go
// wrappers and pure-Go twins stay in vectorstore).
//
//go:generate go run -C asm . -family vectorstore -pkg vectorstore -out ../../vectorstore/kernels_amd64.s -stubs ../../vectorstore/kernels_decl_amd64.go

// The per-type Go drivers that share one shape are written from one
// template each (kernels/asm/gosrc.go).
//
//go:generate go run -C asm . -family dotloops -go ../dotloops.go
//go:generate go run -C asm . -family wrappers -go ../wrappers_amd64.go
