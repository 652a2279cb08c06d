package kernels

import "unsafe"

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

// The pure-Go dot products of the quantized types are in dotloops.go
// (generated); the helpers they share are here.

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

func dotF32W(w []byte, a *act) float32  { return dotF32(f32s(w)[:len(a.f)], a.f) }
func dotF16W(w []byte, a *act) float32  { return dotF16F32(u16s(w)[:len(a.f)], a.f) }
func dotBF16W(w []byte, a *act) float32 { return dotBF16F32Generic(u16s(w)[:len(a.f)], a.f) }
