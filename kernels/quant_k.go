package kernels

import (
	"encoding/binary"
	"math"
)

// Reference K-quant quantizers, following ggml's quantize_row_q{2..6}_K_ref
// (what llama-quantize uses without an importance matrix) step for step:
// the same scale searches (make_qx_quants, make_q3_quants,
// make_qkx2_quants) in float32 with round-half-even nearestInt.
//
// Where a product feeds an addition, fma32 fuses the two where GCC does
// when it compiles ggml for FMA-capable x86 (the reference llama.cpp build):
// GCC contracts a*b+c (-ffp-contract=fast) except in loop-carried
// accumulations (acc += a*b stays a rounded product plus an add, GCC's
// avoid-FMA-chains tuning). This matters: the scale searches compare
// errors, and nearest_int(a*b) inlines to fma(a, b, 1.5*2^23).
// TestQuantizeMatchesLlama checks the output byte for byte against
// llama.cpp's (testdata/llama_quant.json).

// groupMaxEps is ggml's GROUP_MAX_EPS: groups with a smaller absolute
// maximum are treated as all zero.
const groupMaxEps = 1e-15

func f32abs(v float32) float32 { return math.Float32frombits(math.Float32bits(v) &^ (1 << 31)) }

func f32sqrt(v float32) float32 { return float32(math.Sqrt(float64(v))) }

func clampInt(l, lo, hi int32) int32 { return max(lo, min(hi, l)) }

// mul rounds a product to float32. The explicit conversion is what keeps
// Go from fusing the product into a following add on architectures where
// it fuses by default (arm64, ppc64, s390x); a plain a*b would be fused
// once mul is inlined, and quantization would then differ from llama.cpp's.
func mul(a, b float32) float32 { return float32(a * b) }

// groupScales fits the levels of the 16 groups of 16 values of x with
// makeQ3Quants (q3) or makeQXQuants at nmax, leaving level+nmax in L, and
// returns the groups' scales, the one of largest magnitude (signed) and
// that magnitude. A group with no value above groupMaxEps gets scale 0
// and levels 0.
func groupScales(x []float32, nmax int32, q3 bool, L *[256]int8) (scales [16]float32, maxScale, maxAbs float32) {
	for j := range scales {
		xs, l := x[16*j:16*j+16], L[16*j:16*j+16]
		mx, amax := signedAbsMax(xs)
		switch {
		case amax < groupMaxEps:
			clear(l)
		case q3:
			scales[j] = makeQ3Quants(xs, mx, nmax, l)
		default:
			scales[j] = makeQXQuants(xs, mx, nmax, l)
		}
	}
	maxScale, maxAbs = signedAbsMax(scales[:])
	return scales, maxScale, maxAbs
}

// makeQXQuants fits symmetric levels -nmax..nmax-1 to x, mx its value of
// largest magnitude (weights x², ggml's rmse_type 1 without importance
// weights), trying 18 scales around nmax/mx. It stores level+nmax in L and
// returns the scale.
func makeQXQuants(x []float32, mx float32, nmax int32, L []int8) float32 {
	fn := float32(nmax)
	// The first pass fuses its accumulations, the search passes do not
	// (see the file comment: GCC treats the two loops differently).
	sums := func(iscale float32, fused bool) (sumlx, suml2 float32) {
		for _, v := range x {
			l := float32(clampInt(nearestIntMul(iscale, v), -nmax, nmax-1))
			w := mul(v, v)
			if fused {
				sumlx = fma32(mul(w, v), l, sumlx)
				suml2 = fma32(mul(w, l), l, suml2)
			} else {
				sumlx += mul(mul(w, v), l)
				suml2 += mul(mul(w, l), l)
			}
		}
		return sumlx, suml2
	}
	setL := func(iscale float32) {
		for i, v := range x {
			L[i] = int8(nmax + clampInt(nearestIntMul(iscale, v), -nmax, nmax-1))
		}
	}
	iscale := -fn / mx
	setL(iscale)
	sumlx, suml2 := sums(iscale, true)
	var scale float32
	if suml2 != 0 {
		scale = sumlx / suml2
	}
	best := mul(scale, sumlx)
	for is := -9; is <= 9; is++ {
		if is == 0 {
			continue
		}
		iscale = -fma32(0.1, float32(is), fn) / mx
		sumlx, suml2 = sums(iscale, false)
		if suml2 > 0 && mul(sumlx, sumlx) > mul(best, suml2) {
			setL(iscale)
			scale = sumlx / suml2
			best = mul(scale, sumlx)
		}
	}
	return scale
}

// makeQ3Quants fits levels -nmax..nmax-1 to x, mx its value of largest
// magnitude, and refines them one at a time (ggml's make_q3_quants with
// do_rmse), storing level+nmax in L.
func makeQ3Quants(x []float32, mx float32, nmax int32, L []int8) float32 {
	iscale := -float32(nmax) / mx
	var sumlx, suml2 float32
	for i, v := range x {
		l := clampInt(nearestIntMul(iscale, v), -nmax, nmax-1)
		L[i] = int8(l)
		w := mul(v, v)
		sumlx += mul(mul(w, v), float32(l))
		suml2 += mul(mul(w, float32(l)), float32(l))
	}
	for itry := 0; itry < 5; itry++ {
		changed := 0
		for i, v := range x {
			w := mul(v, v)
			wv := mul(w, v)
			li := float32(L[i])
			slx := fma32(-wv, li, sumlx)
			if slx > 0 {
				sl2 := fma32(-mul(w, li), li, suml2)
				nl := clampInt(nearestInt(mul(v, sl2)/slx), -nmax, nmax-1)
				if nl != int32(L[i]) {
					fl := float32(nl)
					slx = fma32(wv, fl, slx)
					sl2 = fma32(mul(w, fl), fl, sl2)
					if sl2 > 0 && mul(mul(slx, slx), suml2) > mul(mul(sumlx, sumlx), sl2) {
						L[i] = int8(nl)
						sumlx, suml2 = slx, sl2
						changed++
					}
				}
			}
		}
		if changed == 0 {
			break
		}
	}
	for i := range x {
		L[i] += int8(nmax)
	}
	if suml2 > 0 {
		return sumlx / suml2
	}
	return 0
}

// makeQKX2Quants fits x ≈ scale*L - min with L in 0..nmax (weighted least
// squares, or least absolute deviation with useMAD), trying nstep+1 scales
// from (nmax+rmin)/(max-min) in steps of rdelta. It returns scale and min.
func makeQKX2Quants(x, weights []float32, nmax int32, L, Laux []uint8, rmin, rdelta float32, nstep int, useMAD bool) (scale, theMin float32) {
	n := len(x)
	mn, mx := x[0], x[0]
	sumW := weights[0]
	sumX := mul(sumW, x[0])
	for i := 1; i < n; i++ {
		if x[i] < mn {
			mn = x[i]
		}
		if x[i] > mx {
			mx = x[i]
		}
		sumW += weights[i]
		sumX = fma32(weights[i], x[i], sumX)
	}
	if mn > 0 {
		mn = 0
	}
	if mx == mn {
		clear(L[:n])
		return 0, -mn
	}
	fn := float32(nmax)
	errOf := func(s, m float32, q []uint8) float32 {
		var e float32
		for i, v := range x {
			d := fma32(s, float32(q[i]), m) - v
			if useMAD {
				d = f32abs(d)
			} else {
				d = mul(d, d)
			}
			e += mul(weights[i], d)
		}
		return e
	}
	iscale := fn / (mx - mn)
	scale = 1 / iscale
	for i, v := range x {
		L[i] = uint8(clampInt(nearestIntMul(iscale, v-mn), 0, nmax))
	}
	bestErr := errOf(scale, mn, L)
	for is := 0; is <= nstep; is++ {
		iscale = (fma32(rdelta, float32(is), rmin) + fn) / (mx - mn)
		var sumL, sumL2, sumXL float32
		for i, v := range x {
			l := clampInt(nearestIntMul(iscale, v-mn), 0, nmax)
			Laux[i] = uint8(l)
			wl := mul(weights[i], float32(l))
			sumL += wl
			sumL2 = fma32(wl, float32(l), sumL2)
			sumXL = fma32(wl, v, sumXL)
		}
		D := fmaFirst(sumW, sumL2, sumL, sumL)
		if D > 0 {
			thisScale := fmaFirst(sumW, sumXL, sumX, sumL) / D
			thisMin := fmaFirst(sumL2, sumX, sumL, sumXL) / D
			if thisMin > 0 {
				thisMin = 0
				thisScale = sumXL / sumL2
			}
			if e := errOf(thisScale, thisMin, Laux); e < bestErr {
				copy(L[:n], Laux[:n])
				bestErr, scale, mn = e, thisScale, thisMin
			}
		}
	}
	return scale, -mn
}

// packK4Scales stores 6-bit scale ls and min lm of sub-block j in the 12
// scale bytes of a Q4_K/Q5_K block (the inverse of scaleMinK4).
func packK4Scales(s []byte, j int, ls, lm uint8) {
	if j < 4 {
		s[j] = ls
		s[j+4] = lm
		return
	}
	s[j+4] = ls&15 | (lm&15)<<4
	s[j-4] |= (ls >> 4) << 6
	s[j] |= (lm >> 4) << 6
}

// groupScaleMins fits scale and min to each group of g values of x (16 or
// 32) with makeQKX2Quants, weighting each value by |v| (Q2_K, g 16) or by
// |v| plus the group's root mean square (Q4_K, Q5_K: g 32), with the levels
// in L. It returns the scales and mins (256/g of them) and their maxima.
func groupScaleMins(x []float32, g int, nmax int32, L *[256]uint8, rmin, rdelta float32, nstep int, useMAD bool) (scales, mins [16]float32, maxScale, maxMin float32) {
	var laux [32]uint8
	var weights [32]float32
	for j := range 256 / g {
		xs := x[g*j : g*j+g]
		var avX float32
		if g == 32 {
			var sumX2 float32
			for _, v := range xs {
				sumX2 += mul(v, v)
			}
			avX = f32sqrt(sumX2 / 32)
		}
		for l, v := range xs {
			weights[l] = avX + f32abs(v)
		}
		scales[j], mins[j] = makeQKX2Quants(xs, weights[:g], nmax, L[g*j:g*j+g], laux[:g], rmin, rdelta, nstep, useMAD)
		maxScale = max(maxScale, scales[j])
		maxMin = max(maxMin, mins[j])
	}
	return scales, mins, maxScale, maxMin
}

// groupLevels sets the levels L of the group x to round((x+dm)/dl) in
// 0..nmax, for the group's rounded scale dl and min dm; with dl 0 it
// leaves them.
func groupLevels(x []float32, L []uint8, dl, dm float32, nmax int32) {
	if dl == 0 {
		return
	}
	L = L[:len(x)]
	for l, v := range x {
		L[l] = uint8(clampInt(nearestInt((v+dm)/dl), 0, nmax))
	}
}

func quantBlockQ2K(x []float32, b []byte) {
	x = x[:256]
	var L [256]uint8
	scales, mins, maxScale, maxMin := groupScaleMins(x, 16, 3, &L, -0.5, 0.1, 15, true)
	sc := b[0:16]
	clear(sc)
	if maxScale > 0 {
		iscale := 15 / maxScale
		for j := range sc {
			sc[j] = uint8(nearestIntMul(iscale, scales[j]))
		}
		binary.LittleEndian.PutUint16(b[80:], F32ToF16(maxScale/15))
	} else {
		binary.LittleEndian.PutUint16(b[80:], 0)
	}
	if maxMin > 0 {
		iscale := 15 / maxMin
		for j := range sc {
			sc[j] |= uint8(nearestIntMul(iscale, mins[j])) << 4
		}
		binary.LittleEndian.PutUint16(b[82:], F32ToF16(maxMin/15))
	} else {
		binary.LittleEndian.PutUint16(b[82:], 0)
	}
	d, dmin := f16at(b, 80), f16at(b, 82)
	for j := 0; j < 16; j++ {
		groupLevels(x[16*j:16*j+16], L[16*j:16*j+16], mul(d, float32(sc[j]&15)), mul(dmin, float32(sc[j]>>4)), 3)
	}
	qs := b[16:80]
	for j := 0; j < 256; j += 128 {
		for l := 0; l < 32; l++ {
			qs[j/4+l] = L[j+l] | L[j+l+32]<<2 | L[j+l+64]<<4 | L[j+l+96]<<6
		}
	}
}

func quantBlockQ3K(x []float32, b []byte) {
	x = x[:256]
	var L [256]int8
	scales, maxScale, _ := groupScales(x, 4, true, &L)
	hmask, qs, sc := b[0:32], b[32:96], b[96:108]
	clear(sc)
	if maxScale != 0 {
		iscale := -32 / maxScale
		for j := 0; j < 16; j++ {
			l := uint8(clampInt(int32(int8(nearestIntMul(iscale, scales[j]))), -32, 31) + 32)
			if j < 8 {
				sc[j] = l & 15
			} else {
				sc[j-8] |= (l & 15) << 4
			}
			sc[j%4+8] |= (l >> 4) << (2 * uint(j/4))
		}
		binary.LittleEndian.PutUint16(b[108:], F32ToF16(1/iscale))
	} else {
		binary.LittleEndian.PutUint16(b[108:], 0)
	}
	d := f16at(b, 108)
	scs := unpackQ3KScales(sc)
	for j := 0; j < 16; j++ {
		dl := mul(d, float32(scs[j]))
		if dl == 0 {
			continue
		}
		for l := 0; l < 16; l++ {
			L[16*j+l] = int8(clampInt(nearestInt(x[16*j+l]/dl), -4, 3) + 4)
		}
	}
	clear(hmask)
	for j := 0; j < 256; j++ {
		if L[j] > 3 {
			hmask[j%32] |= 1 << uint(j/32)
			L[j] -= 4
		}
	}
	for j := 0; j < 256; j += 128 {
		for l := 0; l < 32; l++ {
			qs[j/4+l] = uint8(L[j+l]) | uint8(L[j+l+32])<<2 | uint8(L[j+l+64])<<4 | uint8(L[j+l+96])<<6
		}
	}
}

// quantK4Levels is the shared part of the Q4_K and Q5_K quantizers: scale
// and min search per 32 values, 6-bit packing of both, then levels 0..nmax
// against the rounded scales. It fills b[0:16] (d, dmin, scales) and L.
func quantK4Levels(x []float32, b []byte, nmax int32, rmin, rdelta float32, nstep int, L *[256]uint8) {
	scales, mins, maxScale, maxMin := groupScaleMins(x, 32, nmax, L, rmin, rdelta, nstep, false)
	var invScale, invMin float32
	if maxScale > 0 {
		invScale = 63 / maxScale
	}
	if maxMin > 0 {
		invMin = 63 / maxMin
	}
	sc := b[4:16]
	clear(sc)
	for j := 0; j < 8; j++ {
		ls := min(63, uint8(nearestIntMul(invScale, scales[j])))
		lm := min(63, uint8(nearestIntMul(invMin, mins[j])))
		packK4Scales(sc, j, ls, lm)
	}
	binary.LittleEndian.PutUint16(b[0:], F32ToF16(maxScale/63))
	binary.LittleEndian.PutUint16(b[2:], F32ToF16(maxMin/63))
	d, dmin := f16at(b, 0), f16at(b, 2)
	for j := 0; j < 8; j++ {
		s, m := scaleMinK4(j, sc)
		groupLevels(x[32*j:32*j+32], L[32*j:32*j+32], mul(d, float32(s)), mul(dmin, float32(m)), nmax)
	}
}

func quantBlockQ4K(x []float32, b []byte) {
	x = x[:256]
	var L [256]uint8
	quantK4Levels(x, b, 15, -1, 0.1, 20, &L)
	qs := b[16:144]
	for j := 0; j < 256; j += 64 {
		for l := 0; l < 32; l++ {
			qs[j/2+l] = L[j+l] | L[j+l+32]<<4
		}
	}
}

func quantBlockQ5K(x []float32, b []byte) {
	x = x[:256]
	var L [256]uint8
	quantK4Levels(x, b, 31, -0.5, 0.1, 15, &L)
	qh, qs := b[16:48], b[48:176]
	clear(qh)
	m1, m2 := uint8(1), uint8(2)
	for n := 0; n < 256; n += 64 {
		for j := 0; j < 32; j++ {
			l1, l2 := L[n+j], L[n+j+32]
			if l1 > 15 {
				l1 -= 16
				qh[j] |= m1
			}
			if l2 > 15 {
				l2 -= 16
				qh[j] |= m2
			}
			qs[n/2+j] = l1 | l2<<4
		}
		m1 <<= 2
		m2 <<= 2
	}
}

func quantBlockQ6K(x []float32, b []byte) {
	x = x[:256]
	var L [256]int8
	scales, maxScale, maxAbs := groupScales(x, 32, false, &L)
	b = b[:210]
	if maxAbs < groupMaxEps {
		clear(b)
		return
	}
	ql, qh, sc := b[0:128], b[128:192], b[192:208]
	iscale := -128 / maxScale
	binary.LittleEndian.PutUint16(b[208:], F32ToF16(1/iscale))
	for ib := range sc {
		sc[ib] = uint8(int8(min(127, nearestIntMul(iscale, scales[ib]))))
	}
	d := f16at(b, 208)
	for j := 0; j < 16; j++ {
		dl := mul(d, float32(int8(sc[j])))
		if dl == 0 {
			continue
		}
		for l := 0; l < 16; l++ {
			L[16*j+l] = int8(clampInt(nearestInt(x[16*j+l]/dl), -32, 31) + 32)
		}
	}
	for j := 0; j < 256; j += 128 {
		o, h := ql[j/2:j/2+64], qh[j/4:j/4+32]
		for l := 0; l < 32; l++ {
			q1, q2 := uint8(L[j+l]), uint8(L[j+l+32])
			q3, q4 := uint8(L[j+l+64]), uint8(L[j+l+96])
			o[l] = q1&15 | (q3&15)<<4
			o[l+32] = q2&15 | (q4&15)<<4
			h[l] = q1>>4 | (q2>>4)<<2 | (q3>>4)<<4 | (q4>>4)<<6
		}
	}
}

// fma32 returns a*b+c rounded once, as the FMA instruction does. (Computed
// in float64: the product is exact there; the sum is rounded twice, which
// can differ from a single float32 rounding only in vanishingly rare
// near-tie cases.)
func fma32(a, b, c float32) float32 {
	return float32(math.FMA(float64(a), float64(b), float64(c)))
}

// nearestIntMul is nearestInt(a*b) with the product fused into the
// rounding add, as GCC compiles ggml's inlined nearest_int(a*b).
func nearestIntMul(a, b float32) int32 {
	v := fma32(a, b, 12582912)
	return int32(math.Float32bits(v)&0x007fffff) - 0x00400000
}

// fmaFirst returns a*b - c*d with the first product fused, as GCC
// contracts the expression.
func fmaFirst(a, b, c, d float32) float32 { return fma32(a, b, -mul(c, d)) }
