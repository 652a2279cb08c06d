package sample

import "math"

// Constants for exp: x = (64q + j)·ln2/64 + r, so e**x = 2**q · 2**(j/64) ·
// e**r with |r| <= ln2/128. ln2/64 is split in a high part with trailing
// zero bits (so k·ln2Hi64 is exact) and a low part (Cody–Waite).
const (
	log2e64 = 64 * 1.44269504088896338700e+00
	ln2Hi64 = ln2Hi / 64
	ln2Lo64 = ln2Lo / 64

	ln2Hi = 6.93147180369123816490e-01
	ln2Lo = 1.90821492927058770002e-10

	roundMagic = 0x1.8p52 // x + 1.5·2⁵² - 1.5·2⁵² rounds x to an integer

	inv2 = 1.0 / 2
	inv3 = 1.0 / 6
	inv4 = 1.0 / 24
)

// exp2Table[j] is 2**(j/64), correctly rounded, written out so that it is
// the same on every platform (math.Exp2 need not be).
var exp2Table = [64]float64{
	0x1.0000000000000p+0, // 2^(0/64)
	0x1.02c9a3e778061p+0, // 2^(1/64)
	0x1.059b0d3158574p+0, // 2^(2/64)
	0x1.0874518759bc8p+0, // 2^(3/64)
	0x1.0b5586cf9890fp+0, // 2^(4/64)
	0x1.0e3ec32d3d1a2p+0, // 2^(5/64)
	0x1.11301d0125b51p+0, // 2^(6/64)
	0x1.1429aaea92de0p+0, // 2^(7/64)
	0x1.172b83c7d517bp+0, // 2^(8/64)
	0x1.1a35beb6fcb75p+0, // 2^(9/64)
	0x1.1d4873168b9aap+0, // 2^(10/64)
	0x1.2063b88628cd6p+0, // 2^(11/64)
	0x1.2387a6e756238p+0, // 2^(12/64)
	0x1.26b4565e27cddp+0, // 2^(13/64)
	0x1.29e9df51fdee1p+0, // 2^(14/64)
	0x1.2d285a6e4030bp+0, // 2^(15/64)
	0x1.306fe0a31b715p+0, // 2^(16/64)
	0x1.33c08b26416ffp+0, // 2^(17/64)
	0x1.371a7373aa9cbp+0, // 2^(18/64)
	0x1.3a7db34e59ff7p+0, // 2^(19/64)
	0x1.3dea64c123422p+0, // 2^(20/64)
	0x1.4160a21f72e2ap+0, // 2^(21/64)
	0x1.44e086061892dp+0, // 2^(22/64)
	0x1.486a2b5c13cd0p+0, // 2^(23/64)
	0x1.4bfdad5362a27p+0, // 2^(24/64)
	0x1.4f9b2769d2ca7p+0, // 2^(25/64)
	0x1.5342b569d4f82p+0, // 2^(26/64)
	0x1.56f4736b527dap+0, // 2^(27/64)
	0x1.5ab07dd485429p+0, // 2^(28/64)
	0x1.5e76f15ad2148p+0, // 2^(29/64)
	0x1.6247eb03a5585p+0, // 2^(30/64)
	0x1.6623882552225p+0, // 2^(31/64)
	0x1.6a09e667f3bcdp+0, // 2^(32/64)
	0x1.6dfb23c651a2fp+0, // 2^(33/64)
	0x1.71f75e8ec5f74p+0, // 2^(34/64)
	0x1.75feb564267c9p+0, // 2^(35/64)
	0x1.7a11473eb0187p+0, // 2^(36/64)
	0x1.7e2f336cf4e62p+0, // 2^(37/64)
	0x1.82589994cce13p+0, // 2^(38/64)
	0x1.868d99b4492edp+0, // 2^(39/64)
	0x1.8ace5422aa0dbp+0, // 2^(40/64)
	0x1.8f1ae99157736p+0, // 2^(41/64)
	0x1.93737b0cdc5e5p+0, // 2^(42/64)
	0x1.97d829fde4e50p+0, // 2^(43/64)
	0x1.9c49182a3f090p+0, // 2^(44/64)
	0x1.a0c667b5de565p+0, // 2^(45/64)
	0x1.a5503b23e255dp+0, // 2^(46/64)
	0x1.a9e6b5579fdbfp+0, // 2^(47/64)
	0x1.ae89f995ad3adp+0, // 2^(48/64)
	0x1.b33a2b84f15fbp+0, // 2^(49/64)
	0x1.b7f76f2fb5e47p+0, // 2^(50/64)
	0x1.bcc1e904bc1d2p+0, // 2^(51/64)
	0x1.c199bdd85529cp+0, // 2^(52/64)
	0x1.c67f12e57d14bp+0, // 2^(53/64)
	0x1.cb720dcef9069p+0, // 2^(54/64)
	0x1.d072d4a07897cp+0, // 2^(55/64)
	0x1.d5818dcfba487p+0, // 2^(56/64)
	0x1.da9e603db3285p+0, // 2^(57/64)
	0x1.dfc97337b9b5fp+0, // 2^(58/64)
	0x1.e502ee78b3ff6p+0, // 2^(59/64)
	0x1.ea4afa2a490dap+0, // 2^(60/64)
	0x1.efa1bee615a27p+0, // 2^(61/64)
	0x1.f50765b6e4540p+0, // 2^(62/64)
	0x1.fa7c1819e90d8p+0, // 2^(63/64)
}

// exp returns e**x with a relative error below 1e-13, bit-identical on every
// platform: math.Exp is assembly on amd64 and pure Go elsewhere, where the
// compiler may fuse multiply-adds, so it can differ in the last bit between
// machines, and a last-bit difference in a cumulative sum can change a
// sampled token. Every product here is rounded explicitly (float64(...)),
// which the Go spec guarantees prevents fusion, and the rounding of
// x·64/ln2 to an integer uses exact IEEE additions.
//
// x <= -708 (and NaN, -Inf) returns 0: such weights are below 1e-307 of the
// largest one, which is always exp(0) = 1 here. x > 709 returns +Inf.
//
// Algorithm: k = round(x·64/ln2), r = x - k·ln2/64 (|r| <= 0.0055), e**r
// by its Taylor series to degree 4 (truncation error < 5e-14), times
// 2**((k mod 64)/64) from the table, times 2**(k div 64) through the
// exponent bits.
func exp(x float64) float64 {
	if !(x > -708) {
		return 0
	}
	if x > 709 {
		return math.Inf(1)
	}
	return expJoin(expSplit(x))
}

// exp's body is in two parts small enough to inline (exp itself is not:
// the loops below would pay a call per element, about a third of their
// time): expSplit reduces x, expJoin evaluates. expJoin rounds its result
// explicitly, so that no caller's addition fuses with its last product.

// expSplit returns k = round(x·64/ln2) and r = x - k·ln2/64.
func expSplit(x float64) (k, r float64) {
	k = float64(float64(x*log2e64)+roundMagic) - roundMagic
	r = x - float64(k*ln2Hi64)
	r -= float64(k * ln2Lo64)
	return k, r
}

// expJoin returns e**r (Taylor, degree 4) times 2**(k/64).
func expJoin(k, r float64) float64 {
	r2 := float64(r * r)
	p := (1 + r) + float64(r2*(float64(inv2+float64(inv3*r))+float64(r2*inv4)))
	ki := int64(k)
	return float64(float64(exp2Table[ki&63]*p) * math.Float64frombits(uint64(ki>>6+1023)<<52))
}

// The loops below share exp's body through expSplit and expJoin, which
// inline; TestBatchExpMatchesExp checks they agree with exp bit for bit.

// sumExp returns Σ exp((logits[i] - m) · inv), summed in index order.
// m must be finite (it is the maximum logit) and inv >= 0.
func sumExp(logits []float32, m, inv float64) float64 {
	sum := 0.0
	for _, v := range logits {
		x := float64((float64(v) - m) * inv)
		if !(x > -708) {
			continue
		}
		if x > 709 {
			sum += math.Inf(1)
			continue
		}
		e := expJoin(expSplit(x))
		sum += e
	}
	return sum
}

// expInto sets dst[i] = exp((logits[i] - m) · inv) for every logit
// (dst must be at least as long) and returns their sum in index order.
func expInto(dst []float64, logits []float32, m, inv float64) float64 {
	dst = dst[:len(logits)]
	sum := 0.0
	for i, v := range logits {
		x := float64((float64(v) - m) * inv)
		if !(x > -708) {
			dst[i] = 0
			continue
		}
		if x > 709 {
			dst[i] = math.Inf(1)
			sum += dst[i]
			continue
		}
		e := expJoin(expSplit(x))
		dst[i] = e
		sum += e
	}
	return sum
}

// ln returns the natural logarithm of x > 0 (NaN for x <= 0 or NaN, +Inf
// for +Inf), bit-identical on every platform for the same reason as exp.
// x = 2**q · f with f in [√½, √2); ln f = 2·atanh(s), s = (f-1)/(f+1),
// |s| < 0.1716, by its series to s**23 (truncation error < 1e-19).
func ln(x float64) float64 {
	if !(x > 0) {
		return math.NaN()
	}
	if math.IsInf(x, 1) {
		return x
	}
	f, q := math.Frexp(x) // exact: f in [0.5, 1)
	if f < math.Sqrt2/2 {
		f *= 2 // exact
		q--
	}
	s := float64((f - 1) / (f + 1))
	s2 := float64(s * s)
	sum := 0.0
	for n := 23; n >= 3; n -= 2 {
		sum = float64(float64(sum+1/float64(n)) * s2)
	}
	lnf := float64(2 * float64(s+float64(s*sum)))
	return float64(float64(q)*ln2Hi) + float64(float64(q)*ln2Lo) + lnf
}
