//go:build amd64 && !noasm

package vectorstore

import (
	"unsafe"

	"golang.org/x/sys/cpu"
)

// useAVX2 reports whether the AVX2+FMA kernels are used. It is read-only after
// package initialisation except in tests, which flip it to exercise the
// generic path (tests in this package do not run in parallel with that).
var useAVX2 = cpu.X86.HasAVX2 && cpu.X86.HasFMA

// dotAVX2 returns the dot product of the n float32 values at a and b.
// Its loop is dotGeneric's: for i < n { s += a[i]*b[i] }, with eight lanes
// times four accumulators.
//
// Its main loop is the same as kernels' dotF32AVX2 (behind kernels.DotF32),
// which adds two Go calls and a Go tail loop. Kept for that: measured for
// issue 12 in per-thread CPU time (the machine was at load 28-32), 3 runs
// of 40 alternated rounds, kernels.DotF32 was 3-7% slower at 384
// dimensions (min 18.2-23.3 ns against 17.0-22.5 ns) and equal at 768 and
// 1024. Fold it when kernels' dot is called without the extra layers.
//
//go:noescape
func dotAVX2(a, b *float32, n int) float32

// sqL2AVX2 returns the squared Euclidean distance of the n float32 values at
// a and b: for i < n { d := a[i]-b[i]; s += d*d }.
//
//go:noescape
func sqL2AVX2(a, b *float32, n int) float32

// dotF32I8AVX2 returns sum(q[i]*float32(c[i])) for i < n; n must be a
// multiple of 8. Its loop is dotF32I8Generic's.
//
//go:noescape
func dotF32I8AVX2(q *float32, c *int8, n int) float32

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

// prefetchLines asks the CPU to pull the lines cache lines starting at p
// into cache; it never faults, whatever p is.
//
//go:noescape
func prefetchLines(p *int8, lines int)

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

// dotI16I8AVX2 returns sum(int32(q[i])*int32(c[i])) for i < n; n must be
// a multiple of 16. Its loop is dotI16I8Generic's. With |q[i]| <= 32767,
// |c[i]| <= 127 and n <= 65536 the int32 lanes cannot overflow.
//
//go:noescape
func dotI16I8AVX2(q *int16, c *int8, n int) int32

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
