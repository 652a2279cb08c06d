package kernels

import "math"

// SoftmaxVec replaces x with exp(x - max(x)) / sum, in place, like
// Softmax, but computes the exponentials eight at a time (AVX2 assembly
// on amd64; softmaxVecGeneric is the pure-Go twin, bit for bit) with a
// single-precision polynomial whose relative error is below 1e-7, as
// ggml's vectorised soft_max does, and sums them in single precision over
// eight lanes. It is several times faster than Softmax for rows of tens
// of values or more; results agree with Softmax to a few float32 ulps.
// Entries equal to -Inf (masked), and any more than about 87 below the
// maximum, become 0. An empty x is left alone; x must not hold NaNs (the
// result is then unspecified). Safe for concurrent use on distinct x.
func SoftmaxVec(x []float32) {
	if len(x) == 0 {
		return
	}
	softmaxVec(x)
}

// Constants of expVec: x = n·ln2 + r with ln2 split in two (Cody–Waite,
// ln2Hi has few enough bits that n·ln2Hi is exact), e^r ≈ 1 + r +
// r²·P(r) on |r| <= ln2/2 with the degree-5 P of Cephes' expf, and 2^n
// put into the exponent bits.
const (
	expLo    = -87.33654 // below: 0 (e^x is no longer a normal float32)
	expHi    = 88.3      // above: clamped (n stays <= 127)
	expLog2e = 1.44269504088896341
	expLn2Hi = 0.693359375
	expLn2Lo = -2.12194440e-4
	expP0    = 1.9875691500e-4
	expP1    = 1.3981999507e-3
	expP2    = 8.3334519073e-3
	expP3    = 4.1665795894e-2
	expP4    = 1.6666665459e-1
	expP5    = 5.0000001201e-1
)

// expVec is e^x as the assembly computes each lane, with every product
// rounded on its own (no fused multiply-add), so that Go computes it the
// same on every architecture.
func expVec(x float32) float32 {
	if !(x >= expLo) {
		return 0
	}
	x = min(x, expHi)
	n := float32(math.RoundToEven(float64(float32(x * expLog2e))))
	r := x - float32(n*expLn2Hi)
	r -= float32(n * expLn2Lo)
	p := float32(expP0)
	p = float32(p*r) + expP1
	p = float32(p*r) + expP2
	p = float32(p*r) + expP3
	p = float32(p*r) + expP4
	p = float32(p*r) + expP5
	y := float32(p*float32(r*r)) + r + 1
	return y * math.Float32frombits(uint32(int32(n)+127)<<23)
}

// softmaxVecGeneric is the definition of the assembly softmax: the
// maximum, then e^(x[i]-max) in lane i%8 of eight running sums for the
// values of whole groups of eight, the lanes added as reduce8 does, the
// remaining values added in order, and every value multiplied by 1/sum.
func softmaxVecGeneric(x []float32) {
	mx := x[0]
	for _, v := range x {
		mx = max(mx, v)
	}
	n := len(x) &^ 7
	var lanes [8]float32
	for i := 0; i < n; i++ {
		e := expVec(x[i] - mx)
		x[i] = e
		lanes[i&7] += e
	}
	sum := reduce8(&lanes)
	inv := expTailInv(x[n:], mx, sum)
	for i := range x {
		x[i] *= inv
	}
}

// expTailInv is the end of both softmaxes: it replaces the values of the
// last partial group of eight with e^(v-mx), adds them to sum in order and
// returns 1/sum.
func expTailInv(x []float32, mx, sum float32) float32 {
	for i, v := range x {
		e := expVec(v - mx)
		x[i] = e
		sum += e
	}
	return 1 / sum
}

// reduce8 adds eight lanes the way the assembly does: halves, then
// quarters, then pairs.
func reduce8(l *[8]float32) float32 {
	a0, a1, a2, a3 := l[0]+l[4], l[1]+l[5], l[2]+l[6], l[3]+l[7]
	b0, b1 := a0+a2, a1+a3
	return b0 + b1
}
