package vectorstore

import "math"

// kernels holds the vector arithmetic used by search. The exported-to-package
// functions dot and sqL2 dispatch to an assembly implementation when the CPU
// supports it (see kernels_amd64.go) and otherwise to the pure-Go twins below.
// Every variant must agree with the generic one up to float32 rounding; the
// differential test in kernels_test.go checks that over random lengths.

// dotGeneric returns sum(a[i]*b[i]) for i < len(a). b must be at least as long
// as a.
func dotGeneric(a, b []float32) float32 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+4 <= len(a); i += 4 {
		s0 += a[i] * b[i]
		s1 += a[i+1] * b[i+1]
		s2 += a[i+2] * b[i+2]
		s3 += a[i+3] * b[i+3]
	}
	for ; i < len(a); i++ {
		s0 += a[i] * b[i]
	}
	return (s0 + s1) + (s2 + s3)
}

// sqL2Generic returns sum((a[i]-b[i])^2) for i < len(a). b must be at least
// as long as a.
func sqL2Generic(a, b []float32) float32 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+4 <= len(a); i += 4 {
		d0 := a[i] - b[i]
		d1 := a[i+1] - b[i+1]
		d2 := a[i+2] - b[i+2]
		d3 := a[i+3] - b[i+3]
		s0 += d0 * d0
		s1 += d1 * d1
		s2 += d2 * d2
		s3 += d3 * d3
	}
	for ; i < len(a); i++ {
		d := a[i] - b[i]
		s0 += d * d
	}
	return (s0 + s1) + (s2 + s3)
}

// dotF32I8Generic returns sum(q[i]*float32(c[i])) for i < len(c). q must be
// at least as long as c.
func dotF32I8Generic(q []float32, c []int8) float32 {
	q = q[:len(c)]
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+4 <= len(c); i += 4 {
		s0 += q[i] * float32(c[i])
		s1 += q[i+1] * float32(c[i+1])
		s2 += q[i+2] * float32(c[i+2])
		s3 += q[i+3] * float32(c[i+3])
	}
	for ; i < len(c); i++ {
		s0 += q[i] * float32(c[i])
	}
	return (s0 + s1) + (s2 + s3)
}

// dotI16I8Generic returns sum(int32(q[i])*int32(c[i])) for i < len(c). q
// must be at least as long as c.
func dotI16I8Generic(q []int16, c []int8) int32 {
	q = q[:len(c)]
	var s int32
	for i, x := range c {
		s += int32(q[i]) * int32(x)
	}
	return s
}

// l1 is the Manhattan distance between a and b (same length).
func l1(a, b []float32) float32 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+4 <= len(a); i += 4 {
		s0 += abs32(a[i] - b[i])
		s1 += abs32(a[i+1] - b[i+1])
		s2 += abs32(a[i+2] - b[i+2])
		s3 += abs32(a[i+3] - b[i+3])
	}
	for ; i < len(a); i++ {
		s0 += abs32(a[i] - b[i])
	}
	return (s0 + s1) + (s2 + s3)
}

func abs32(x float32) float32 { return math.Float32frombits(math.Float32bits(x) &^ (1 << 31)) }
