package kernels

import (
	"encoding/binary"
	"unsafe"
)

// act is one quantized (or float) activation row in the layout the dot
// kernels read: int8 values contiguous, one scale per block in float32
// (already rounded to f16 where ggml stores an f16), plus block sums.
type act struct {
	qs    []int8    // Q8_0, Q8_1, Q8_K values
	d     []float32 // per-block scale (32 or 256 values)
	s     []float32 // Q8_1: d*sum(qs) per 32 values, rounded to f16
	ds    []float32 // Q8_0: d*sum(qs) per 32 values (for unsigned kernels)
	bsums []int16   // Q8_K: sums of 16 consecutive qs
	f     []float32 // float weights: activations (rounded to the weight type)
	h     []uint16  // F16 weights, batches, if kernelSet.halfActs: f as half-precision bits
}

// dotFunc returns the dot product of one weight row (raw GGUF bytes) and an
// activation row of matching length.
type dotFunc func(w []byte, a *act) float32

func u16s(b []byte) []uint16 {
	if len(b) < 2 {
		return nil
	}
	return unsafe.Slice((*uint16)(unsafe.Pointer(&b[0])), len(b)/2)
}

func f32s(b []byte) []float32 {
	if len(b) < 4 {
		return nil
	}
	return unsafe.Slice((*float32)(unsafe.Pointer(&b[0])), len(b)/4)
}

// The pure-Go dot products below follow ggml's scalar vec_dot_*_q8_*:
// integer sums per block, scaled in float32.

// Each type keeps its own block loop: a shared loop over blocks would call
// the per-type unpacking through a func value once per block.
func dotQ4_0Generic(w []byte, a *act) float32 {
	var sum float32
	for i, xd := range a.d {
		b := w[i*18 : i*18+18]
		q := a.qs[i*32 : i*32+32]
		var s int32
		for j, v := range b[2:18] {
			s += (int32(v&15)-8)*int32(q[j]) + (int32(v>>4)-8)*int32(q[j+16])
		}
		sum += f16at(b, 0) * xd * float32(s)
	}
	return sum
}

func dotQ4_1Generic(w []byte, a *act) float32 {
	var sum float32
	for i, xd := range a.d {
		b := w[i*20 : i*20+20]
		q := a.qs[i*32 : i*32+32]
		var s int32
		for j, v := range b[4:20] {
			s += int32(v&15)*int32(q[j]) + int32(v>>4)*int32(q[j+16])
		}
		sum += f16at(b, 0)*xd*float32(s) + f16at(b, 2)*a.s[i]
	}
	return sum
}

// dot5 is the integer dot of one Q5_0/Q5_1 block's 32 five-bit values
// (low nibbles qs, fifth bits qh), each less off, with the activations q.
func dot5(qs []byte, qh uint32, q []int8, off int32) int32 {
	qs, q = qs[:16], q[:32]
	var s int32
	for j, v := range qs {
		h0 := int32(qh>>j<<4) & 0x10
		h1 := int32(qh>>(j+12)) & 0x10
		s += (int32(v&15)|h0-off)*int32(q[j]) + (int32(v>>4)|h1-off)*int32(q[j+16])
	}
	return s
}

func dotQ5_0Generic(w []byte, a *act) float32 {
	var sum float32
	for i, xd := range a.d {
		b := w[i*22 : i*22+22]
		s := dot5(b[6:22], binary.LittleEndian.Uint32(b[2:]), a.qs[i*32:i*32+32], 16)
		sum += f16at(b, 0) * xd * float32(s)
	}
	return sum
}

func dotQ5_1Generic(w []byte, a *act) float32 {
	var sum float32
	for i, xd := range a.d {
		b := w[i*24 : i*24+24]
		s := dot5(b[8:24], binary.LittleEndian.Uint32(b[4:]), a.qs[i*32:i*32+32], 0)
		sum += f16at(b, 0)*xd*float32(s) + f16at(b, 2)*a.s[i]
	}
	return sum
}

func dotQ8_0Generic(w []byte, a *act) float32 {
	var sum float32
	for i, xd := range a.d {
		b := w[i*34 : i*34+34]
		q := a.qs[i*32 : i*32+32]
		var s int32
		for j, v := range b[2:34] {
			s += int32(int8(v)) * int32(q[j])
		}
		sum += f16at(b, 0) * xd * float32(s)
	}
	return sum
}

func dotQ8KGeneric(w []byte, a *act) float32 {
	var sum float32
	for i, xd := range a.d {
		b := w[i*292 : i*292+292]
		q := a.qs[i*256 : i*256+256]
		var s int32
		for j, v := range b[4:260] {
			s += int32(int8(v)) * int32(q[j])
		}
		sum += f32s(b[:4])[0] * xd * float32(s)
	}
	return sum
}

func dotQ2KGeneric(w []byte, a *act) float32 {
	var sum float32
	for i, xd := range a.d {
		b := w[i*84 : i*84+84]
		sc := b[0:16]
		qs := b[16:80]
		q8 := a.qs[i*256 : i*256+256]
		bs := a.bsums[i*16 : i*16+16]
		var summs int32
		for j, v := range sc {
			summs += int32(bs[j]) * int32(v>>4)
		}
		var isum int32
		for g := 0; g < 16; g++ { // group of 16 values
			n, s, h := g/8, uint(g/2%4), g%2
			q2 := qs[32*n+16*h : 32*n+16*h+16]
			x := q8[16*g : 16*g+16]
			var t int32
			for l, v := range q2 {
				t += int32(x[l]) * int32(v>>(2*s)&3)
			}
			isum += int32(sc[g]&15) * t
		}
		d, dmin := f16at(b, 80), f16at(b, 82)
		sum += xd*d*float32(isum) - xd*dmin*float32(summs)
	}
	return sum
}

func dotQ3KGeneric(w []byte, a *act) float32 {
	var sum float32
	for i, xd := range a.d {
		b := w[i*110 : i*110+110]
		hmask := b[0:32]
		qs := b[32:96]
		sc := unpackQ3KScales(b[96:108])
		q8 := a.qs[i*256 : i*256+256]
		var isum int32
		for g := 0; g < 16; g++ {
			n, s, h := g/8, uint(g/2%4), g%2
			q3 := qs[32*n+16*h : 32*n+16*h+16]
			hm := hmask[16*h : 16*h+16]
			m := byte(1) << (4*uint(n) + s)
			x := q8[16*g : 16*g+16]
			var t int32
			for l, v := range q3 {
				q := int32(v >> (2 * s) & 3)
				if hm[l]&m == 0 {
					q -= 4
				}
				t += int32(x[l]) * q
			}
			isum += int32(sc[g]) * t
		}
		sum += f16at(b, 108) * xd * float32(isum)
	}
	return sum
}

// sumK4 finishes one Q4_K/Q5_K block b of dotQ4KGeneric/dotQ5KGeneric
// from t, the integer dots of its eight 32-value sub-blocks with the
// activations: each scaled by its 6-bit scale, less the mins times the
// activations' 16-value block sums bs, times d, dmin and the activations'
// scale xd.
func sumK4(b []byte, xd float32, t *[8]int32, bs []int16) float32 {
	scales := b[4:16]
	bs = bs[:16]
	var isum, summ int32
	for k := range t {
		sc, m := scaleMinK4(k, scales)
		isum += int32(sc) * t[k]
		summ += int32(m) * (int32(bs[2*k]) + int32(bs[2*k+1]))
	}
	return xd*f16at(b, 0)*float32(isum) - xd*f16at(b, 2)*float32(summ)
}

func dotQ4KGeneric(w []byte, a *act) float32 {
	var sum float32
	for i, xd := range a.d {
		b := w[i*144 : i*144+144]
		qs := b[16:144]
		q8 := a.qs[i*256 : i*256+256]
		var t [8]int32
		for j := 0; j < 4; j++ {
			q := qs[32*j : 32*j+32]
			x := q8[64*j : 64*j+64]
			var t1, t2 int32
			for l, v := range q {
				t1 += int32(v&15) * int32(x[l])
				t2 += int32(v>>4) * int32(x[l+32])
			}
			t[2*j], t[2*j+1] = t1, t2
		}
		sum += sumK4(b, xd, &t, a.bsums[i*16:])
	}
	return sum
}

func dotQ5KGeneric(w []byte, a *act) float32 {
	var sum float32
	for i, xd := range a.d {
		b := w[i*176 : i*176+176]
		qh := b[16:48]
		qs := b[48:176]
		q8 := a.qs[i*256 : i*256+256]
		var t [8]int32
		for j := 0; j < 4; j++ {
			q := qs[32*j : 32*j+32]
			x := q8[64*j : 64*j+64]
			u1, u2 := uint(2*j), uint(2*j+1)
			var t1, t2 int32
			for l, v := range q {
				t1 += (int32(v&15) | int32(qh[l]>>u1&1)<<4) * int32(x[l])
				t2 += (int32(v>>4) | int32(qh[l]>>u2&1)<<4) * int32(x[l+32])
			}
			t[2*j], t[2*j+1] = t1, t2
		}
		sum += sumK4(b, xd, &t, a.bsums[i*16:])
	}
	return sum
}

func dotQ6KGeneric(w []byte, a *act) float32 {
	var sum float32
	for i, xd := range a.d {
		b := w[i*210 : i*210+210]
		ql := b[0:128]
		qh := b[128:192]
		sc := b[192:208]
		q8 := a.qs[i*256 : i*256+256]
		var isum int32
		for n := 0; n < 2; n++ {
			l0 := ql[64*n : 64*n+64]
			h := qh[32*n : 32*n+32]
			x := q8[128*n : 128*n+128]
			s := sc[8*n : 8*n+8]
			var t [8]int32
			for l := 0; l < 32; l++ {
				is := l / 16
				t[is] += (int32(l0[l]&15|(h[l]&3)<<4) - 32) * int32(x[l])
				t[is+2] += (int32(l0[l+32]&15|(h[l]>>2&3)<<4) - 32) * int32(x[l+32])
				t[is+4] += (int32(l0[l]>>4|(h[l]>>4&3)<<4) - 32) * int32(x[l+64])
				t[is+6] += (int32(l0[l+32]>>4|(h[l]>>6&3)<<4) - 32) * int32(x[l+96])
			}
			for k := range t {
				isum += int32(int8(s[k])) * t[k]
			}
		}
		sum += f16at(b, 208) * xd * float32(isum)
	}
	return sum
}

func dotF32W(w []byte, a *act) float32  { return dotF32(f32s(w)[:len(a.f)], a.f) }
func dotF16W(w []byte, a *act) float32  { return dotF16F32(u16s(w)[:len(a.f)], a.f) }
func dotBF16W(w []byte, a *act) float32 { return dotBF16F32Generic(u16s(w)[:len(a.f)], a.f) }
