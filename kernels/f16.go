package kernels

import "math"

// f16Table maps every IEEE 754 binary16 bit pattern to its float32 value.
// It is filled once by init and only read afterwards.
var f16Table = func() *[1 << 16]float32 {
	var t [1 << 16]float32
	for i := range t {
		t[i] = math.Float32frombits(f16ToF32Bits(uint16(i)))
	}
	return &t
}()

// f16ToF32Bits widens a binary16 to binary32 bits exactly (every half is
// representable as a float). NaN payloads are kept in the top mantissa bits.
func f16ToF32Bits(h uint16) uint32 {
	sign := uint32(h&0x8000) << 16
	exp := uint32(h>>10) & 0x1f
	mant := uint32(h & 0x3ff)
	switch exp {
	case 0x1f: // inf, nan
		return sign | 0x7f800000 | mant<<13
	case 0:
		if mant == 0 {
			return sign
		}
		// Subnormal half: value mant * 2^-24; normalize.
		e := uint32(127 - 15 + 1)
		for mant&0x400 == 0 {
			mant <<= 1
			e--
		}
		return sign | e<<23 | (mant&0x3ff)<<13
	default:
		return sign | (exp+127-15)<<23 | mant<<13
	}
}

// F16ToF32 returns the float32 value of the IEEE 754 half-precision number
// with bits h. The conversion is exact, including subnormals, infinities
// and NaNs.
func F16ToF32(h uint16) float32 { return f16Table[h] }

// F32ToF16 rounds f to the nearest IEEE 754 half-precision value (ties to
// even, as the F16C instruction VCVTPS2PH and ggml do) and returns its bits.
// Values too large become infinity, NaNs stay NaN (quieted).
func F32ToF16(f float32) uint16 {
	b := math.Float32bits(f)
	sign := uint16(b>>16) & 0x8000
	exp := int(b>>23) & 0xff
	mant := b & 0x7fffff
	if exp == 0xff {
		if mant != 0 {
			return sign | 0x7e00 | uint16(mant>>13)
		}
		return sign | 0x7c00
	}
	e := exp - 127 + 15
	if e >= 0x1f {
		return sign | 0x7c00
	}
	var m uint32
	var shift uint
	if e <= 0 {
		// Result is subnormal (or zero): keep the implicit bit and shift
		// further right.
		if exp == 0 || e < -10 {
			return sign // |f| < 2^-25 (f32 subnormals included) rounds to zero
		}
		m = mant | 0x800000
		shift = uint(14 - e)
	} else {
		m = mant
		shift = 13
	}
	hm := m >> shift
	rem := m & (1<<shift - 1)
	half := uint32(1) << (shift - 1)
	if rem > half || (rem == half && hm&1 == 1) {
		hm++ // a carry into the exponent field is the correct result
	}
	if e <= 0 {
		return sign | uint16(hm)
	}
	return sign | (uint16(e)<<10 + uint16(hm))
}

// BF16ToF32 returns the float32 value of the bfloat16 number with bits h
// (exact: bfloat16 is the top half of a float32).
func BF16ToF32(h uint16) float32 { return math.Float32frombits(uint32(h) << 16) }

// F32ToBF16 rounds f to bfloat16 (ties to even) the way ggml does and
// returns its bits; NaNs stay NaN.
func F32ToBF16(f float32) uint16 {
	u := math.Float32bits(f)
	if u&0x7fffffff > 0x7f800000 {
		return uint16(u>>16) | 64 // quiet NaN
	}
	return uint16((u + (0x7fff + (u>>16)&1)) >> 16)
}

// F16ToF32Row converts len(dst) half-precision values from src to float32.
// src must hold at least len(dst) values. Safe for concurrent use.
func F16ToF32Row(dst []float32, src []uint16) {
	f16ToF32Row(dst, src[:len(dst)])
}

// F32ToF16Row rounds len(dst) float32 values from src to half precision
// (exactly as F32ToF16). src must hold at least len(dst) values. Safe for
// concurrent use.
func F32ToF16Row(dst []uint16, src []float32) {
	f32ToF16Row(dst, src[:len(dst)])
}

func f16ToF32RowGeneric(dst []float32, src []uint16) {
	src = src[:len(dst)]
	for i, h := range src {
		dst[i] = f16Table[h]
	}
}

func f32ToF16RowGeneric(dst []uint16, src []float32) {
	src = src[:len(dst)]
	for i, f := range src {
		dst[i] = F32ToF16(f)
	}
}

// roundF16RowGeneric sets dst[i] to src[i] rounded to half precision.
func roundF16RowGeneric(dst, src []float32) {
	src = src[:len(dst)]
	for i, f := range src {
		dst[i] = f16Table[F32ToF16(f)]
	}
}

// roundF16HRowGeneric sets h[i] to src[i] rounded to half precision and
// dst[i] to its value.
func roundF16HRowGeneric(dst []float32, h []uint16, src []float32) {
	src, h = src[:len(dst)], h[:len(dst)]
	for i, f := range src {
		h[i] = F32ToF16(f)
		dst[i] = f16Table[h[i]]
	}
}
