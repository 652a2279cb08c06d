package kernels

import (
	"encoding/binary"
	"math"

	"github.com/gaianet-go/gaianet/gguf"
)

// Quantizers follow ggml's reference C quantizers (quantize_row_*_ref)
// operation for operation: same float32 scale computation, same rounding
// (roundf for Q8_0/Q8_1, truncation after +0.5 / +8.5 / +16.5 for the
// 4/5-bit types, round-half-even nearest_int for Q8_K).

// Quantizable reports whether Quantize can produce tensors of type t.
func Quantizable(t gguf.TensorType) bool { return isFloat(t) || codecOf(t).enc != nil }

// Quantize encodes src as type t into dst, which must hold at least
// t.RowSize(len(src)) bytes; len(src) must be a multiple of t.BlockSize().
// It returns an error for a type it cannot produce or bad sizes.
// Safe for concurrent use.
func Quantize(t gguf.TensorType, src []float32, dst []byte) error {
	need, err := rowBytes("quantize", t, Quantizable(t), len(src), len(dst))
	if err != nil {
		return err
	}
	dst = dst[:need]
	switch t {
	case gguf.TypeF32:
		for i, v := range src {
			binary.LittleEndian.PutUint32(dst[4*i:], math.Float32bits(v))
		}
		return nil
	case gguf.TypeF16:
		for i, v := range src {
			binary.LittleEndian.PutUint16(dst[2*i:], F32ToF16(v))
		}
		return nil
	case gguf.TypeBF16:
		for i, v := range src {
			binary.LittleEndian.PutUint16(dst[2*i:], F32ToBF16(v))
		}
		return nil
	}
	f := codecOf(t).enc
	bs, ts := t.BlockSize(), t.TypeSize()
	for i := 0; i < len(src)/bs; i++ {
		f(src[i*bs:(i+1)*bs], dst[i*ts:(i+1)*ts])
	}
	return nil
}

// roundf rounds half away from zero, like C's roundf.
func roundf(x float32) float32 { return float32(math.Round(float64(x))) }

// nearestInt rounds to the nearest integer, ties to even, exactly like
// ggml's nearest_int (valid for |x| < 2^22).
func nearestInt(x float32) int32 {
	v := x + 12582912
	return int32(math.Float32bits(v)&0x007fffff) - 0x00400000
}

// gtMax is m, or a where a > m: unlike the builtin max it keeps m when a is
// NaN.
func gtMax(m, a float32) float32 {
	if a > m {
		return a
	}
	return m
}

// absMax returns max |x| (NaNs are skipped).
func absMax(x []float32) float32 {
	// Four running maxima break the compare dependency chain.
	var m0, m1, m2, m3 float32
	i := 0
	for ; i+4 <= len(x); i += 4 {
		a0 := f32abs(x[i])
		a1 := f32abs(x[i+1])
		a2 := f32abs(x[i+2])
		a3 := f32abs(x[i+3])
		m0, m1, m2, m3 = gtMax(m0, a0), gtMax(m1, a1), gtMax(m2, a2), gtMax(m3, a3)
	}
	for ; i < len(x); i++ {
		m0 = gtMax(m0, f32abs(x[i]))
	}
	return gtMax(gtMax(m0, m1), gtMax(m2, m3))
}

// signedAbsMax returns the value with the largest magnitude (the first
// one on ties) and its magnitude.
func signedAbsMax(x []float32) (mx, amax float32) {
	for _, v := range x {
		if a := math.Float32frombits(math.Float32bits(v) &^ (1 << 31)); amax < a {
			amax, mx = a, v
		}
	}
	return mx, amax
}

func minMax(x []float32) (lo, hi float32) {
	lo, hi = math.MaxFloat32, -math.MaxFloat32
	for _, v := range x {
		if v < lo {
			lo = v
		}
		if v > hi {
			hi = v
		}
	}
	return lo, hi
}

func inv(d float32) float32 {
	if d == 0 {
		return 0
	}
	return 1 / d
}

// trunc8 converts like C's (int8_t)f for in-range f (truncation).
func trunc8(f float32) int { return int(int8(int32(f))) }

func quantBlockQ8_0(x []float32, b []byte) {
	x = x[:32]
	id := putScale(b, absMax(x)/127)
	qs := b[2:34]
	for j, v := range x {
		qs[j] = byte(int8(roundf(v * id)))
	}
}

func quantBlockQ8_1(x []float32, b []byte) {
	x = x[:32]
	d := absMax(x) / 127
	id := putScale(b, d)
	qs := b[4:36]
	sum := 0
	for j, v := range x {
		q := int8(roundf(v * id))
		qs[j] = byte(q)
		sum += int(q)
	}
	binary.LittleEndian.PutUint16(b[2:], F32ToF16(float32(sum)*d))
}

func quantBlockQ8K(x []float32, b []byte) {
	x = x[:256]
	qs := b[4:260]
	mx, amax := signedAbsMax(x)
	if amax == 0 {
		clear(b[:292])
		return
	}
	iscale := -127 / mx
	for j, v := range x {
		qs[j] = byte(int8(min(127, nearestIntMul(iscale, v))))
	}
	for j := 0; j < 16; j++ {
		sum := 0
		for _, q := range qs[16*j : 16*j+16] {
			sum += int(int8(q))
		}
		binary.LittleEndian.PutUint16(b[260+2*j:], uint16(int16(sum)))
	}
	binary.LittleEndian.PutUint32(b, math.Float32bits(1/iscale))
}

func quantBlockQ4_0(x []float32, b []byte) {
	x = x[:32]
	mx, _ := signedAbsMax(x)
	id := putScale(b, mx/-8)
	qs := b[2:18]
	for j := range qs {
		x0 := min(15, trunc8(fma32(x[j], id, 8.5)))
		x1 := min(15, trunc8(fma32(x[16+j], id, 8.5)))
		qs[j] = byte(x0) | byte(x1)<<4
	}
}

// putScale writes the scale d as an f16 into the header of a Q4_0, Q5_0,
// Q8_0 or Q8_1 block b and returns 1/d (0 for 0).
func putScale(b []byte, d float32) (id float32) {
	binary.LittleEndian.PutUint16(b, F32ToF16(d))
	return inv(d)
}

// putScaleMin writes the f16 scale (max-min)/levels and min of x into the
// header of a Q4_1/Q5_1 block b and returns the min and 1/scale.
func putScaleMin(x []float32, b []byte, levels float32) (lo, id float32) {
	lo, hi := minMax(x)
	d := (hi - lo) / levels
	binary.LittleEndian.PutUint16(b, F32ToF16(d))
	binary.LittleEndian.PutUint16(b[2:], F32ToF16(lo))
	return lo, inv(d)
}

func quantBlockQ4_1(x []float32, b []byte) {
	x = x[:32]
	lo, id := putScaleMin(x, b, 15)
	qs := b[4:20]
	for j := range qs {
		x0 := min(15, trunc8(fma32(x[j]-lo, id, 0.5)))
		x1 := min(15, trunc8(fma32(x[16+j]-lo, id, 0.5)))
		qs[j] = byte(x0) | byte(x1)<<4
	}
}

func quantBlockQ5_0(x []float32, b []byte) {
	x = x[:32]
	mx, _ := signedAbsMax(x)
	id := putScale(b, mx/-16)
	qs := b[6:22]
	var qh uint32
	for j := range qs {
		x0 := min(31, trunc8(fma32(x[j], id, 16.5)))
		x1 := min(31, trunc8(fma32(x[16+j], id, 16.5)))
		qs[j] = byte(x0&15) | byte(x1&15)<<4
		qh |= uint32(x0>>4&1) << j
		qh |= uint32(x1>>4&1) << (j + 16)
	}
	binary.LittleEndian.PutUint32(b[2:], qh)
}

func quantBlockQ5_1(x []float32, b []byte) {
	x = x[:32]
	lo, id := putScaleMin(x, b, 31)
	qs := b[8:24]
	var qh uint32
	for j := range qs {
		x0 := byte(int32(fma32(x[j]-lo, id, 0.5)))
		x1 := byte(int32(fma32(x[16+j]-lo, id, 0.5)))
		qs[j] = x0&15 | (x1&15)<<4
		qh |= uint32(x0>>4&1) << j
		qh |= uint32(x1>>4&1) << (j + 16)
	}
	binary.LittleEndian.PutUint32(b[4:], qh)
}
