package kernels

import (
	"encoding/binary"
	"fmt"
	"math"

	"github.com/gaianet-go/gaianet/gguf"
)

// Block layouts (ggml-common.h), little-endian, "f16" an IEEE half:
//
//	Q4_0  18 B / 32: d f16 | qs[16]          x[j]    = (qs[j]&15 - 8)*d
//	                                          x[j+16] = (qs[j]>>4 - 8)*d
//	Q4_1  20 B / 32: d f16 | m f16 | qs[16]  x = q*d + m (nibbles as Q4_0)
//	Q5_0  22 B / 32: d f16 | qh u32 | qs[16] 5th bit of x[j] is qh bit j;
//	                                          x = (q - 16)*d
//	Q5_1  24 B / 32: d | m | qh u32 | qs[16] x = q*d + m
//	Q8_0  34 B / 32: d f16 | qs[32] int8     x = qs*d
//	Q8_1  36 B / 32: d f16 | s f16 | qs[32]  s = d*sum(qs)
//
// K-quants cover 256 values as sub-blocks with 6-bit (Q4_K, Q5_K), 4-bit
// (Q2_K), 6-bit packed (Q3_K) or 8-bit (Q6_K) scales:
//
//	Q2_K  84 B: scales[16] (lo nibble scale, hi nibble min) | qs[64] (2-bit)
//	            | d f16 | dmin f16
//	Q3_K 110 B: hmask[32] (3rd bit) | qs[64] (2 low bits) | scales[12]
//	            (16 x 6-bit, biased by 32) | d f16
//	Q4_K 144 B: d f16 | dmin f16 | scales[12] (8 scales + 8 mins, 6-bit) | qs[128]
//	Q5_K 176 B: d | dmin | scales[12] | qh[32] (5th bit) | qs[128]
//	Q6_K 210 B: ql[128] (low 4 bits) | qh[64] (high 2 bits) | scales[16] int8 | d f16
//	Q8_K 292 B: d f32 | qs[256] int8 | bsums[16] int16 (sums of 16 qs)
//
// For example the Q4_0 block 00 3c | 98 ... (d = 1.0, first byte 0x98)
// decodes to x[0] = 8-8 = 0 and x[16] = 9-8 = 1.
//
// Arithmetic is float32 and matches ggml's dequantize_row_* as the
// reference llama.cpp build computes it: GCC compiles ggml for FMA-capable
// x86 with contraction on, so q*d + m (Q4_1, Q5_1) and d*q - m (Q2_K, Q4_K,
// Q5_K) are single fused multiply-adds there and here (fma32); the other
// types only multiply. (quant_k.go explains how the contraction was
// established against llama.cpp's quantizer output.)

// blockCodec is a quantized type's block decoder (dequantBlock*: one block
// b to its values y) and encoder (quantBlock*: the values x to the block
// b); either is nil where the type has none.
type blockCodec struct {
	dec func(b []byte, y []float32)
	enc func(x []float32, b []byte)
}

// blockCodecs holds the codecs of the quantized types, by type, two a
// line.
var blockCodecs = [...]blockCodec{
	gguf.TypeQ4_0: {dequantBlockQ4_0, quantBlockQ4_0}, gguf.TypeQ4_1: {dequantBlockQ4_1, quantBlockQ4_1},
	gguf.TypeQ5_0: {dequantBlockQ5_0, quantBlockQ5_0}, gguf.TypeQ5_1: {dequantBlockQ5_1, quantBlockQ5_1},
	gguf.TypeQ8_0: {dequantBlockQ8_0, quantBlockQ8_0}, gguf.TypeQ8_1: {nil, quantBlockQ8_1},
	gguf.TypeQ2_K: {dequantBlockQ2K, quantBlockQ2K}, gguf.TypeQ3_K: {dequantBlockQ3K, quantBlockQ3K},
	gguf.TypeQ4_K: {dequantBlockQ4K, quantBlockQ4K}, gguf.TypeQ5_K: {dequantBlockQ5K, quantBlockQ5K},
	gguf.TypeQ6_K: {dequantBlockQ6K, quantBlockQ6K}, gguf.TypeQ8_K: {dequantBlockQ8K, quantBlockQ8K},
	gguf.TypeMXFP4: {dequantBlockMXFP4, quantBlockMXFP4},
}

// codecOf returns the block codec of t (the zero one for the float types
// and the types the package does not handle).
func codecOf(t gguf.TensorType) blockCodec {
	if uint(t) < uint(len(blockCodecs)) {
		return blockCodecs[t]
	}
	return blockCodec{}
}

// isFloat reports whether t is one of the float types every operation
// handles.
func isFloat(t gguf.TensorType) bool {
	return t == gguf.TypeF32 || t == gguf.TypeF16 || t == gguf.TypeBF16
}

// Supported reports whether Dequantize and MatMul handle tensors of type t.
func Supported(t gguf.TensorType) bool { return isFloat(t) || codecOf(t).dec != nil }

// rowBytes returns the bytes n values of type t take, or the error of op
// (quantize, dequantize) when t cannot be handled (ok false), n is not a
// whole number of blocks or have bytes are too few.
func rowBytes(op string, t gguf.TensorType, ok bool, n, have int) (int, error) {
	if !ok {
		return 0, fmt.Errorf("kernels: %s %v: %w", op, t, ErrUnsupported)
	}
	need := t.RowSize(n)
	if need < 0 {
		return 0, fmt.Errorf("kernels: %s %v: %d values is not a multiple of the block size %d", op, t, n, t.BlockSize())
	}
	if have < need {
		return 0, fmt.Errorf("kernels: %s %v: %d values need %d bytes, have %d", op, t, n, need, have)
	}
	return need, nil
}

// Dequantize decodes len(dst) values of type t from src into dst.
// len(dst) must be a multiple of t.BlockSize() and src must hold at least
// t.RowSize(len(dst)) bytes. It returns an error for an unsupported type or
// bad sizes and never panics on the content of src. Safe for concurrent use.
func Dequantize(t gguf.TensorType, src []byte, dst []float32) error {
	need, err := rowBytes("dequantize", t, Supported(t), len(dst), len(src))
	if err != nil {
		return err
	}
	dequantRow(t, src[:need], dst)
	return nil
}

// dequantRow decodes len(dst) values; sizes must already be checked.
func dequantRow(t gguf.TensorType, src []byte, dst []float32) {
	bs, ts := t.BlockSize(), t.TypeSize()
	switch t {
	case gguf.TypeF32:
		for i := range dst {
			dst[i] = math.Float32frombits(binary.LittleEndian.Uint32(src[4*i:]))
		}
		return
	case gguf.TypeF16:
		for i := range dst {
			dst[i] = f16Table[binary.LittleEndian.Uint16(src[2*i:])]
		}
		return
	case gguf.TypeBF16:
		for i := range dst {
			dst[i] = BF16ToF32(binary.LittleEndian.Uint16(src[2*i:]))
		}
		return
	}
	if dequantRowAsm(t, src, dst) {
		return
	}
	f := codecOf(t).dec
	if f == nil {
		panic("kernels: dequantRow: unchecked type " + t.String())
	}
	for i := 0; i < len(dst)/bs; i++ {
		f(src[i*ts:(i+1)*ts], dst[i*bs:(i+1)*bs])
	}
}

func f16at(b []byte, off int) float32 {
	return f16Table[binary.LittleEndian.Uint16(b[off:])]
}

func dequantBlockQ4_0(b []byte, y []float32) {
	d := f16at(b, 0)
	qs := b[2:18]
	y = y[:32]
	for j, q := range qs {
		y[j] = float32(int(q&15)-8) * d
		y[j+16] = float32(int(q>>4)-8) * d
	}
}

func dequantBlockQ4_1(b []byte, y []float32) {
	d, m := f16at(b, 0), f16at(b, 2)
	qs := b[4:20]
	y = y[:32]
	for j, q := range qs {
		y[j] = fma32(float32(q&15), d, m)
		y[j+16] = fma32(float32(q>>4), d, m)
	}
}

// unpack5 spreads the 32 five-bit values of a Q5_0/Q5_1 block (low nibbles
// qs, fifth bits qh) into l in value order.
func unpack5(qs []byte, qh uint32, l *[32]byte) {
	for j, q := range qs[:16] {
		l[j] = q&15 | byte(qh>>j<<4)&0x10
		l[j+16] = q>>4 | byte(qh>>(j+12))&0x10
	}
}

func dequantBlockQ5_0(b []byte, y []float32) {
	d := f16at(b, 0)
	var l [32]byte
	unpack5(b[6:22], binary.LittleEndian.Uint32(b[2:]), &l)
	y = y[:32]
	for j, v := range l {
		y[j] = float32(int(v)-16) * d
	}
}

func dequantBlockQ5_1(b []byte, y []float32) {
	d, m := f16at(b, 0), f16at(b, 2)
	var l [32]byte
	unpack5(b[8:24], binary.LittleEndian.Uint32(b[4:]), &l)
	y = y[:32]
	for j, v := range l {
		y[j] = fma32(float32(v), d, m)
	}
}

func dequantBlockQ8_0(b []byte, y []float32) {
	d := f16at(b, 0)
	qs := b[2:34]
	y = y[:32]
	for j, q := range qs {
		y[j] = float32(int8(q)) * d
	}
}

func dequantBlockQ8K(b []byte, y []float32) {
	d := math.Float32frombits(binary.LittleEndian.Uint32(b))
	qs := b[4:260]
	y = y[:256]
	for j, q := range qs {
		y[j] = float32(int8(q)) * d
	}
}

func dequantBlockQ2K(b []byte, y []float32) {
	scales := b[0:16]
	qs := b[16:80]
	d, dmin := f16at(b, 80), f16at(b, 82)
	y = y[:256]
	is := 0
	for n := 0; n < 2; n++ {
		q := qs[32*n : 32*n+32]
		for shift := uint(0); shift < 8; shift += 2 {
			for half := 0; half < 2; half++ {
				sc := scales[is]
				is++
				dl := d * float32(sc&15)
				ml := dmin * float32(sc>>4)
				for l := 0; l < 16; l++ {
					y[l] = fma32(dl, float32(q[16*half+l]>>shift&3), -ml)
				}
				y = y[16:]
			}
		}
	}
}

// unpackQ3KScales expands the 12 packed bytes of a Q3_K block into 16
// signed scales (6-bit values minus 32).
func unpackQ3KScales(s []byte) (out [16]int8) {
	s = s[:12]
	for j := 0; j < 16; j++ {
		var lo, hi byte
		if j < 8 {
			lo = s[j] & 15
		} else {
			lo = s[j-8] >> 4
		}
		hi = s[8+j%4] >> (2 * uint(j/4)) & 3
		out[j] = int8(lo|hi<<4) - 32
	}
	return out
}

func dequantBlockQ3K(b []byte, y []float32) {
	hmask := b[0:32]
	qs := b[32:96]
	sc := unpackQ3KScales(b[96:108])
	d := f16at(b, 108)
	y = y[:256]
	is := 0
	m := byte(1)
	for n := 0; n < 2; n++ {
		q := qs[32*n : 32*n+32]
		for shift := uint(0); shift < 8; shift += 2 {
			for half := 0; half < 2; half++ {
				dl := d * float32(sc[is])
				is++
				for l := 0; l < 16; l++ {
					v := int(q[16*half+l] >> shift & 3)
					if hmask[16*half+l]&m == 0 {
						v -= 4
					}
					y[l] = dl * float32(v)
				}
				y = y[16:]
			}
			m <<= 1
		}
	}
}

// scaleMinK4 returns the 6-bit scale and min of sub-block j (0..7) from the
// 12 packed scale bytes of a Q4_K or Q5_K block.
func scaleMinK4(j int, q []byte) (sc, m byte) {
	if j < 4 {
		return q[j] & 63, q[j+4] & 63
	}
	return q[j+4]&15 | (q[j-4]>>6)<<4, q[j+4]>>4 | (q[j]>>6)<<4
}

// scaleMinPairK4 returns the scales and mins of sub-blocks 2j and 2j+1 of a
// Q4_K/Q5_K block, times the block's d and dmin.
func scaleMinPairK4(j int, d, dmin float32, scales []byte) (d1, m1, d2, m2 float32) {
	s1, n1 := scaleMinK4(2*j, scales)
	s2, n2 := scaleMinK4(2*j+1, scales)
	return d * float32(s1), dmin * float32(n1), d * float32(s2), dmin * float32(n2)
}

func dequantBlockQ4K(b []byte, y []float32) { dequantK45(b, nil, b[16:144], y) }
func dequantBlockQ5K(b []byte, y []float32) { dequantK45(b, b[16:48], b[48:176], y) }

// dequantK45 decodes a Q4_K block b (qh nil) or a Q5_K block (qh its fifth
// bits) whose nibbles are qs.
func dequantK45(b, qh, qs []byte, y []float32) {
	d, dmin := f16at(b, 0), f16at(b, 2)
	scales := b[4:16]
	y = y[:256]
	for j := 0; j < 4; j++ {
		d1, mm1, d2, mm2 := scaleMinPairK4(j, d, dmin, scales)
		q := qs[32*j : 32*j+32]
		if qh == nil {
			for l, v := range q {
				y[64*j+l] = fma32(d1, float32(v&15), -mm1)
				y[64*j+32+l] = fma32(d2, float32(v>>4), -mm2)
			}
			continue
		}
		u1, u2 := byte(1)<<(2*j), byte(2)<<(2*j)
		for l, v := range q {
			lo, hi := v&15, v>>4
			if qh[l]&u1 != 0 {
				lo += 16
			}
			if qh[l]&u2 != 0 {
				hi += 16
			}
			y[64*j+l] = fma32(d1, float32(lo), -mm1)
			y[64*j+32+l] = fma32(d2, float32(hi), -mm2)
		}
	}
}

func dequantBlockQ6K(b []byte, y []float32) {
	ql := b[0:128]
	qh := b[128:192]
	sc := b[192:208]
	d := f16at(b, 208)
	y = y[:256]
	for n := 0; n < 2; n++ {
		l0 := ql[64*n : 64*n+64]
		h := qh[32*n : 32*n+32]
		s := sc[8*n : 8*n+8]
		yy := y[128*n : 128*n+128]
		for l := 0; l < 32; l++ {
			is := l / 16
			q1 := int(l0[l]&15|(h[l]&3)<<4) - 32
			q2 := int(l0[l+32]&15|(h[l]>>2&3)<<4) - 32
			q3 := int(l0[l]>>4|(h[l]>>4&3)<<4) - 32
			q4 := int(l0[l+32]>>4|(h[l]>>6&3)<<4) - 32
			yy[l] = d * float32(int8(s[is])) * float32(q1)
			yy[l+32] = d * float32(int8(s[is+2])) * float32(q2)
			yy[l+64] = d * float32(int8(s[is+4])) * float32(q3)
			yy[l+96] = d * float32(int8(s[is+6])) * float32(q4)
		}
	}
}
