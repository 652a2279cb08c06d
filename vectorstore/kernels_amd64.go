//go:build amd64 && !noasm

package vectorstore

import (
	"unsafe"

	"golang.org/x/sys/cpu"
)

// The assembly (kernels_amd64.s) and its declarations (kernels_decl_amd64.go)
// are generated with avo by package kernels' generator: edit the
// description in kernels/asm/vectorstore.go, then run go generate ./kernels.

// useAVX2 reports whether the AVX2+FMA kernels are used. It is read-only after
// package initialisation except in tests, which flip it to exercise the
// generic path (tests in this package do not run in parallel with that).
var useAVX2 = cpu.X86.HasAVX2 && cpu.X86.HasFMA

func dotF32I8(q []float32, c []int8) float32 {
	if useAVX2 && len(c) >= 8 {
		_ = q[len(c)-1]
		m := len(c) &^ 7
		s := dotF32I8AVX2(&q[0], &c[0], m)
		if m < len(c) {
			s += dotF32I8Generic(q[m:len(c)], c[m:])
		}
		return s
	}
	return dotF32I8Generic(q, c)
}

// prefetch starts loading b into cache ahead of its use.
func prefetch(b []int8) {
	if len(b) > 0 {
		prefetchLines(&b[0], (len(b)+63)/64)
	}
}

// prefetchF32 starts loading b into cache ahead of its use.
func prefetchF32(b []float32) {
	if len(b) > 0 {
		prefetchLines((*int8)(unsafe.Pointer(&b[0])), (4*len(b)+63)/64)
	}
}

func dotI16I8(q []int16, c []int8) int32 {
	if useAVX2 && len(c) >= 16 {
		_ = q[len(c)-1]
		m := len(c) &^ 15
		s := dotI16I8AVX2(&q[0], &c[0], m)
		if m < len(c) {
			s += dotI16I8Generic(q[m:len(c)], c[m:])
		}
		return s
	}
	return dotI16I8Generic(q, c)
}

// dot runs dotAVX2, whose main loop is the same as kernels' dotF32AVX2
// (behind kernels.DotF32), which adds two Go calls and a Go tail loop.
// Kept for that: measured for issue 12 in per-thread CPU time (the machine
// was at load 28-32), 3 runs of 40 alternated rounds, kernels.DotF32 was
// 3-7% slower at 384 dimensions (min 18.2-23.3 ns against 17.0-22.5 ns)
// and equal at 768 and 1024. Fold it when kernels' dot is called without
// the extra layers.
func dot(a, b []float32) float32 {
	if useAVX2 && len(a) > 0 {
		_ = b[len(a)-1]
		return dotAVX2(&a[0], &b[0], len(a))
	}
	return dotGeneric(a, b)
}

func sqL2(a, b []float32) float32 {
	if useAVX2 && len(a) > 0 {
		_ = b[len(a)-1]
		return sqL2AVX2(&a[0], &b[0], len(a))
	}
	return sqL2Generic(a, b)
}
