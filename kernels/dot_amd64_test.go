//go:build !noasm

package kernels

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/gaianet-go/gaianet/gguf"
)

// needAVX2 skips t on machines without the AVX2 kernels.
func needAVX2(t *testing.T) {
	t.Helper()
	if !hasAVX2 {
		t.Skip("no AVX2/FMA/F16C")
	}
}

// randAct returns an activation row of nb blocks of kind k carved out of a
// larger random buffer, so reads past the end would see garbage.
func randAct(r *rand.Rand, t gguf.TensorType, cols int) *act {
	x := normals(r, cols+300)
	p := NewPool(1)
	defer p.Close()
	p.prepareActs(actKindOf(t), x[:cols], 1, 1, cols)
	a := p.scratch.acts[0]
	return &a
}

// TestAsmMatchesGeneric compares every assembly dot product with its
// pure-Go twin over random block counts, weights and activations.
func TestAsmMatchesGeneric(t *testing.T) {
	needAVX2(t)
	r := rand.New(rand.NewPCG(11, 12))
	for _, typ := range matmulTypes {
		asm, gen := avx2Kernels.dot[typ], genericKernels.dot[typ]
		bs := typ.BlockSize()
		unit := max(bs, 8)
		for iter := 0; iter < 60; iter++ {
			nb := 1 + r.IntN(24)
			cols := nb * unit
			if bs == 1 {
				cols += r.IntN(8) // float tails
			}
			// Weights with a random prefix offset and trailing garbage.
			off := r.IntN(64)
			wbuf := randomWeights(r, typ, 1, cols+unit)
			buf := make([]byte, off+len(wbuf))
			for i := range buf[:off] {
				buf[i] = byte(r.Uint32())
			}
			copy(buf[off:], wbuf)
			w := buf[off : off+typ.RowSize(cols)]
			a := randAct(r, typ, cols)
			got, want := asm(w, a), gen(w, a)
			var mag float64
			wf := make([]float32, cols)
			if err := Dequantize(typ, w, wf); err != nil {
				t.Fatal(err)
			}
			for i := range wf {
				var xv float64
				if a.f != nil {
					xv = float64(a.f[i])
				} else {
					xv = float64(a.qs[i]) * float64(a.d[i/max(bs, 32)])
				}
				mag += math.Abs(float64(wf[i]) * xv)
			}
			if d := math.Abs(float64(got - want)); d > 1e-5*mag+1e-6 {
				t.Fatalf("%v nb=%d cols=%d: asm %v, generic %v (diff %g, mag %g)", typ, nb, cols, got, want, d, mag)
			}
		}
	}
}

func TestAsmFloatHelpers(t *testing.T) {
	needAVX2(t)
	r := rand.New(rand.NewPCG(5, 6))
	for iter := 0; iter < 200; iter++ {
		n := r.IntN(300)
		off := r.IntN(8)
		a := make([]float32, n+off+8)
		b := make([]float32, n+off+8)
		h := make([]uint16, n+off+8)
		for i := range a {
			a[i] = float32(r.NormFloat64())
			b[i] = float32(r.NormFloat64())
			h[i] = F32ToF16(float32(r.NormFloat64()))
		}
		aa, bb, hh := a[off:off+n], b[off:off+n], h[off:off+n]
		var mag, magh float64
		for i := range aa {
			mag += math.Abs(float64(aa[i] * bb[i]))
			magh += math.Abs(float64(F16ToF32(hh[i]) * bb[i]))
		}
		if got, want := DotF32(aa, bb), dotF32Generic(aa, bb); math.Abs(float64(got-want)) > 1e-5*mag {
			t.Fatalf("DotF32 n=%d: %v, generic %v", n, got, want)
		}
		if got, want := DotF16F32(hh, bb), dotF16F32Generic(hh, bb); math.Abs(float64(got-want)) > 1e-5*magh {
			t.Fatalf("DotF16F32 n=%d: %v, generic %v", n, got, want)
		}
		alpha := float32(r.NormFloat64())
		for _, c := range []struct {
			name     string
			asm, gen func(y []float32)
		}{
			{"AxpyF32", func(y []float32) { AxpyF32(alpha, aa, y) }, func(y []float32) { axpyF32Generic(alpha, aa, y) }},
			{"AxpyF16", func(y []float32) { AxpyF16(alpha, hh, y) }, func(y []float32) { axpyF16Generic(alpha, hh, y) }},
		} {
			y1 := append([]float32(nil), b...)
			y2 := append([]float32(nil), b...)
			c.asm(y1[off : off+n])
			c.gen(y2[off : off+n])
			for i := range y1 {
				if math.Abs(float64(y1[i]-y2[i])) > 1e-5*(math.Abs(float64(y2[i]))+1) {
					t.Fatalf("%s n=%d: y[%d] = %v, generic %v", c.name, n, i, y1[i], y2[i])
				}
				if (i < off || i >= off+n) && y1[i] != b[i] {
					t.Fatalf("%s wrote outside y at %d", c.name, i)
				}
			}
		}
	}
}

// TestAsm4MatchesGeneric compares the four-column kernels with the
// one-column generic kernels over random shapes and column offsets.
func TestAsm4MatchesGeneric(t *testing.T) {
	needAVX2(t)
	r := rand.New(rand.NewPCG(21, 22))
	p := NewPool(1)
	defer p.Close()
	for typ, k4 := range avx2Kernels.dot4 {
		if k4 == nil {
			continue
		}
		tt := gguf.TensorType(typ)
		gen := genericKernels.dot[tt]
		for iter := 0; iter < 30; iter++ {
			nb := 1 + r.IntN(12)
			cols := nb * tt.BlockSize()
			batch := 4 + r.IntN(9)
			x := normals(r, batch*cols)
			w := randomWeights(r, tt, 1, cols)
			p.prepareActs(actKindOf(tt), x, batch, batch, cols)
			p.transposeActs(batch, cols)
			m := &mmTask{rows: 1, cols: cols, batch: batch, acts: p.scratch.acts,
				out: make([]float32, batch), qs: p.scratch.qs, dT: p.scratch.dT, dsT: p.scratch.dsT, bsT: p.scratch.bsT}
			b := r.IntN(batch - 3)
			k4(m, w, b, 0)
			ref := *m
			ref.out = make([]float32, batch)
			dot4Generic(gen, &ref, w, b, 0)
			for c := 0; c < 4; c++ {
				want := ref.out[b+c]
				got := m.out[b+c]
				if d := math.Abs(float64(got - want)); d > 1e-4*math.Abs(float64(want))+1e-3 {
					t.Fatalf("%v nb=%d batch=%d col %d: asm %v, generic %v", tt, nb, batch, b+c, got, want)
				}
			}
		}
	}
}

// TestAsmF16Rows checks the F16C row conversions against the exact scalar
// ones for every half and for floats around every rounding boundary.
func TestAsmF16Rows(t *testing.T) {
	needAVX2(t)
	r := rand.New(rand.NewPCG(9, 9))
	n := 1<<16 + 5
	h := make([]uint16, n)
	for i := range h {
		h[i] = uint16(i)
	}
	f := make([]float32, n)
	F16ToF32Row(f, h)
	for i, v := range f {
		want := F16ToF32(h[i])
		if math.Float32bits(v) != math.Float32bits(want) && !(math.IsNaN(float64(v)) && math.IsNaN(float64(want))) {
			t.Fatalf("F16ToF32Row(%#04x) = %v, want %v", h[i], v, want)
		}
	}
	// Floats: exact halves, midpoints (ties), near-midpoints, out of range.
	var xs []float32
	for i := 0; i < 0x7c00; i += 7 {
		a, b := F16ToF32(uint16(i)), F16ToF32(uint16(i+1))
		mid := (float64(a) + float64(b)) / 2
		xs = append(xs, a, float32(mid), math.Nextafter32(float32(mid), 1e9), math.Nextafter32(float32(mid), -1e9), -float32(mid))
	}
	for i := 0; i < 1000; i++ {
		xs = append(xs, float32(math.Ldexp(r.NormFloat64(), r.IntN(60)-30)))
	}
	xs = append(xs, float32(math.Inf(1)), float32(math.Inf(-1)), 1e10, -1e-10)
	got := make([]uint16, len(xs))
	F32ToF16Row(got, xs)
	rounded := make([]float32, len(xs))
	roundF16Row(rounded, xs)
	roundedH := make([]float32, len(xs))
	bits := make([]uint16, len(xs))
	roundF16HRow(roundedH, bits, xs)
	for i, x := range xs {
		if want := F32ToF16(x); got[i] != want || bits[i] != want {
			t.Fatalf("F32ToF16Row(%g) = %#04x, roundF16HRow %#04x, want %#04x", x, got[i], bits[i], want)
		}
		if want := F16ToF32(F32ToF16(x)); rounded[i] != want || roundedH[i] != want {
			t.Fatalf("roundF16Row(%g) = %v, roundF16HRow %v, want %v", x, rounded[i], roundedH[i], want)
		}
	}
}

// TestVNNI4MatchesAVX2 checks that the VNNI four-column kernels give bit
// for bit the results of the AVX2 ones they replace (which
// TestAsm4MatchesGeneric covers only on machines without VNNI).
func TestVNNI4MatchesAVX2(t *testing.T) {
	if !hasVNNI {
		t.Skip("no AVX512_VNNI/AVX512VL")
	}
	pairs := []struct {
		typ        gguf.TensorType
		vnni, avx2 dot4Func
	}{
		{gguf.TypeQ4_0, dotQ4_0x4VNNIAsm, dotQ4_0x4Asm},
		{gguf.TypeQ8_0, dotQ8_0x4VNNIAsm, dotQ8_0x4Asm},
		{gguf.TypeQ4_K, dotQ4Kx4VNNIAsm, dotQ4Kx4Asm},
		{gguf.TypeQ6_K, dotQ6Kx4VNNIAsm, dotQ6Kx4Asm},
	}
	r := rand.New(rand.NewPCG(23, 24))
	p := NewPool(1)
	defer p.Close()
	for _, pr := range pairs {
		for iter := 0; iter < 50; iter++ {
			nb := 1 + r.IntN(12)
			cols := nb * pr.typ.BlockSize()
			batch := 4 + r.IntN(9)
			x := batchNormals(r, iter, batch*cols)
			w := randomWeights(r, pr.typ, 1, cols)
			if pr.typ == gguf.TypeQ8_0 && iter%3 == 0 {
				for i := 2; i < len(w); i += 34 {
					w[i] = 0x80 // -128 weights: the largest pair sums
				}
			}
			p.prepareActs(actKindOf(pr.typ), x, batch, batch, cols)
			p.transposeActs(batch, cols)
			mk := func() *mmTask {
				return &mmTask{rows: 1, cols: cols, batch: batch, acts: p.scratch.acts,
					out: make([]float32, batch), qs: p.scratch.qs, dT: p.scratch.dT, dsT: p.scratch.dsT, bsT: p.scratch.bsT}
			}
			b := r.IntN(batch - 3)
			mv, ma := mk(), mk()
			pr.vnni(mv, w, b, 0)
			pr.avx2(ma, w, b, 0)
			for c := b; c < b+4; c++ {
				if math.Float32bits(mv.out[c]) != math.Float32bits(ma.out[c]) {
					t.Fatalf("%v nb=%d col %d: VNNI %v, AVX2 %v", pr.typ, nb, c, mv.out[c], ma.out[c])
				}
			}
		}
	}
}

// batchNormals returns n normal values; every fifth iteration makes every
// seventh value large, so that some blocks saturate at -127/127.
func batchNormals(r *rand.Rand, iter, n int) []float32 {
	x := make([]float32, n)
	for i := range x {
		x[i] = float32(r.NormFloat64())
		if iter%5 == 0 && i%7 == 0 {
			x[i] = -x[i] * 100
		}
	}
	return x
}

// quantIters runs body for iters rows of n random values (scaledNormals;
// body edits some into special cases and checks an assembly quantizer
// against its twin), on machines with the AVX2 kernels.
func quantIters(t *testing.T, seed uint64, n, iters int, body func(iter int, r *rand.Rand, x []float32, scale float32)) {
	t.Helper()
	needAVX2(t)
	r := rand.New(rand.NewPCG(seed, seed+1))
	for iter := range iters {
		x, scale := scaledNormals(r, n)
		body(iter, r, x, scale)
	}
}

// inf32 and nan32 are +Inf and NaN for the quantizer tests.
var inf32, nan32 = float32(math.Inf(1)), float32(math.NaN())

// zeroNaNInf makes the second block of bs values of x zero, x[nan] NaN and
// x[inf] -Inf.
func zeroNaNInf(x []float32, bs, nan, inf int) {
	clear(x[bs : 2*bs])
	x[nan] = nan32
	x[inf] = -inf32
}

// scaledNormals returns n normal values times a random power of ten from
// 1e-8 to 1e7, and that power.
func scaledNormals(r *rand.Rand, n int) (x []float32, scale float32) {
	x = make([]float32, n)
	scale = float32(math.Pow(10, float64(r.IntN(16)-8)))
	for i := range x {
		x[i] = float32(r.NormFloat64()) * scale
	}
	return x, scale
}

// sameQuants fails unless the assembly quantizer's values q1 of x equal
// the generic ones q2.
func sameQuants(t *testing.T, iter int, x []float32, q1, q2 []int8) {
	t.Helper()
	for i := range q1 {
		if q1[i] != q2[i] {
			t.Fatalf("iter %d: q[%d] = %d, generic %d (x %v)", iter, i, q1[i], q2[i], x[i])
		}
	}
}

// TestQuantQ8_0MatchesGeneric checks the assembly activation quantizer
// against quantActQ8_0Generic bit for bit: random rows at many scales,
// exact rounding ties, zeros, NaN, infinities and subnormal blocks.
func TestQuantQ8_0MatchesGeneric(t *testing.T) {
	const nb = 9
	quantIters(t, 31, 32*nb, 400, func(iter int, r *rand.Rand, x []float32, _ float32) {
		switch iter % 8 {
		case 1: // ties: with max|x| = 127 the scale is 1, so k+0.5 is a tie
			for i := range x {
				x[i] = float32(r.IntN(254)-127) + 0.5
				if i%32 == 0 {
					x[i] = 127
				}
			}
		case 2:
			zeroNaNInf(x, 32, 100, 200)
		case 3:
			for i := range x {
				x[i] = math.Float32frombits(uint32(r.IntN(1 << 20))) // subnormal
				if r.IntN(2) == 0 {
					x[i] = -x[i]
				}
			}
		case 4:
			for i := 0; i < 32; i++ {
				x[i] = nan32
			}
			x[40] = inf32
			x[70] = 7e4 // f16 overflow of the scale
		case 5:
			for i := range x {
				x[i] = float32(r.IntN(7) - 3) // small integers, many ties
			}
		}
		q1, q2 := make([]int8, len(x)), make([]int8, len(x))
		d1, d2 := make([]float32, nb), make([]float32, nb)
		s1, s2 := make([]float32, nb), make([]float32, nb)
		quantActQ8_0(x, q1, d1, s1)
		quantActQ8_0Generic(x, q2, d2, s2)
		sameQuants(t, iter, x, q1, q2)
		for i := range d1 {
			if math.Float32bits(d1[i]) != math.Float32bits(d2[i]) || math.Float32bits(s1[i]) != math.Float32bits(s2[i]) {
				if !(math.IsNaN(float64(s1[i])) && math.IsNaN(float64(s2[i]))) {
					t.Fatalf("iter %d block %d: d, ds = %v, %v; generic %v, %v", iter, i, d1[i], s1[i], d2[i], s2[i])
				}
			}
		}
	})
}

// TestQuantQ8KMatchesGeneric checks the assembly Q8_K quantizer against
// quantActQ8KGeneric bit for bit, including ties for the largest
// magnitude, zero and NaN blocks and infinities.
func TestQuantQ8KMatchesGeneric(t *testing.T) {
	const nb = 5
	quantIters(t, 41, 256*nb, 300, func(iter int, r *rand.Rand, x []float32, scale float32) {
		switch iter % 7 {
		case 1: // magnitude ties of both signs: the first one sets the sign
			for b := 0; b < nb; b++ {
				x[256*b+r.IntN(256)] = 9 * scale
				x[256*b+r.IntN(256)] = -9 * scale
			}
		case 2:
			zeroNaNInf(x, 256, 600, 1000)
		case 3:
			for i := range x {
				x[i] = float32(r.IntN(255) - 127) // many exact halves after scaling
			}
		case 4:
			for i := 0; i < 256; i++ {
				x[i] = nan32
			}
			for i := 256; i < 512; i++ {
				x[i] = float32(math.Copysign(0, float64(r.IntN(2)-1)))
			}
		case 5:
			for i := range x {
				x[i] = math.Float32frombits(uint32(r.IntN(1 << 23))) // subnormal
			}
		}
		q1, q2 := make([]int8, len(x)), make([]int8, len(x))
		d1, d2 := make([]float32, nb), make([]float32, nb)
		b1, b2 := make([]int16, 16*nb), make([]int16, 16*nb)
		quantActQ8K(x, q1, d1, b1)
		quantActQ8KGeneric(x, q2, d2, b2)
		sameQuants(t, iter, x, q1, q2)
		for i := range d1 {
			if math.Float32bits(d1[i]) != math.Float32bits(d2[i]) {
				t.Fatalf("iter %d: d[%d] = %v, generic %v", iter, i, d1[i], d2[i])
			}
		}
		for i := range b1 {
			if b1[i] != b2[i] {
				t.Fatalf("iter %d: bsums[%d] = %d, generic %d", iter, i, b1[i], b2[i])
			}
		}
	})
}

// TestAsmNx4MatchesDot4 checks every multi-row kernel against its
// definition, dotNx4Generic over the same type's four-column kernel, bit
// for bit, on
// column counts with and without a tail past the vector width and with
// odd and even starting rows.
func TestAsmNx4MatchesDot4(t *testing.T) {
	needAVX2(t)
	r := rand.New(rand.NewPCG(25, 26))
	p := NewPool(1)
	defer p.Close()
	n := 0
	kernels := []struct {
		typ  gguf.TensorType
		kern dotNx4
	}{
		{gguf.TypeF16, dotNx4{dotF16x3x4Asm, 3}},
		{gguf.TypeF32, dotNx4{dotF32x2x4Asm, 2}},
	}
	for typ, k := range avx2Kernels.dotNx4 {
		if k.f != nil {
			kernels = append(kernels, struct {
				typ  gguf.TensorType
				kern dotNx4
			}{gguf.TensorType(typ), k})
		}
	}
	for _, kk := range kernels {
		k2, nr := kk.kern.f, kk.kern.rows
		n++
		tt := kk.typ
		k4 := avx2Kernels.dot4[tt]
		for iter := 0; iter < 40; iter++ {
			cols := 1 + r.IntN(200)
			if iter%2 == 0 {
				cols = 8 * (1 + r.IntN(40))
			}
			if tt.IsQuantized() {
				cols = tt.BlockSize() * (1 + r.IntN(12))
			}
			batch := 4 + r.IntN(9)
			rows := nr + r.IntN(4)
			x := normals(r, batch*cols)
			w := randomWeights(r, tt, rows, cols)
			p.prepareActs(actKindOf(tt), x, batch, batch, cols)
			if tt.IsQuantized() {
				p.transposeActs(batch, cols)
			}
			if avx2Kernels.interleave[tt] {
				p.interleavedActs(batch, cols)
			}
			s := &p.scratch
			mk := func() *mmTask {
				return &mmTask{rowSize: tt.RowSize(cols), rows: rows, cols: cols, batch: batch,
					acts: s.acts, out: make([]float32, batch*rows), qs: s.qs, dT: s.dT, dsT: s.dsT, bsT: s.bsT, qsI: s.qsI, xsI: s.xsI}
			}
			b := r.IntN(batch - 3)
			if iter%4 != 3 {
				b &^= 3 // where MatMul calls them
			}
			row := r.IntN(rows - nr + 1)
			rs := tt.RowSize(cols)
			wr := w[row*rs : (row+nr)*rs]
			got, want := mk(), mk()
			k2(got, wr, b, row)
			dotNx4Generic(k4, nr, want, wr, b, row)
			for i, v := range want.out {
				if math.Float32bits(got.out[i]) != math.Float32bits(v) {
					t.Fatalf("%v %dx4 cols=%d rows=%d row=%d b=%d: out[%d] = %v, dot4 per row gives %v", tt, nr, cols, rows, row, b, i, got.out[i], v)
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no multi-row kernels to test")
	}
}

// TestZ4MatchesGeneric checks the 512-bit four-column kernels over
// interleaved activations against the generic one-column kernels, for
// groups of four columns at multiples of 4 (where MatMul uses them) and at
// other offsets (where they fall back).
func TestZ4MatchesGeneric(t *testing.T) {
	if !hasZ4 {
		t.Skip("no AVX512_VBMI/AVX512_VNNI")
	}
	r := rand.New(rand.NewPCG(25, 26))
	p := NewPool(1)
	defer p.Close()
	for _, tc := range []struct {
		typ gguf.TensorType
		k4  dot4Func
	}{{gguf.TypeQ4_0, dotQ4_0x4ZAsm}, {gguf.TypeQ8_0, dotQ8_0x4ZAsm}} {
		gen := genericKernels.dot[tc.typ]
		for iter := 0; iter < 200; iter++ {
			nb := 1 + r.IntN(12)
			cols := nb * 32
			batch := 4 + r.IntN(13)
			if iter%3 == 0 {
				batch = 4 // adjacent scales: the kernels' dense path
			}
			x := batchNormals(r, iter, batch*cols)
			w := randomWeights(r, tc.typ, 1, cols)
			p.prepareActs(actKindOf(tc.typ), x, batch, batch, cols)
			p.transposeActs(batch, cols)
			p.interleavedActs(batch, cols)
			if len(p.scratch.qsI) != batch/4*4*cols {
				t.Fatalf("qsI has %d values, want %d", len(p.scratch.qsI), batch/4*4*cols)
			}
			if len(p.scratch.xsI) != batch/4*4*nb {
				t.Fatalf("xsI has %d values, want %d", len(p.scratch.xsI), batch/4*4*nb)
			}
			b := r.IntN(batch-3) &^ 3
			if iter%4 == 3 {
				b = r.IntN(batch - 3)
			}
			m := &mmTask{rows: 1, cols: cols, batch: batch, acts: p.scratch.acts, out: make([]float32, batch),
				qs: p.scratch.qs, dT: p.scratch.dT, dsT: p.scratch.dsT, bsT: p.scratch.bsT, qsI: p.scratch.qsI, xsI: p.scratch.xsI}
			tc.k4(m, w, b, 0)
			ref := *m
			ref.out = make([]float32, batch)
			dot4Generic(gen, &ref, w, b, 0)
			for c := b; c < b+4; c++ {
				want, got := ref.out[c], m.out[c]
				if d := math.Abs(float64(got - want)); d > 1e-4*math.Abs(float64(want))+1e-3 {
					t.Fatalf("%v nb=%d batch=%d col %d: Z4 %v, generic %v", tc.typ, nb, batch, c, got, want)
				}
			}
		}
	}
}

// TestMatMulBatchInvariantAVX2 runs the batch-invariance check with the
// AVX2 four-column kernels in place of the AVX-512 ones this machine may
// pick (the kernels a machine without VNNI uses), and checks that without
// invariance the batch does change results, so that the check can fail.
func TestMatMulBatchInvariantAVX2(t *testing.T) {
	needAVX2(t)
	ks := *avx2Kernels
	ks.dot4[gguf.TypeQ4_0], ks.dot4[gguf.TypeQ8_0] = dotQ4_0x4Asm, dotQ8_0x4Asm
	ks.dot4[gguf.TypeQ4_K], ks.dot4[gguf.TypeQ6_K] = dotQ4Kx4Asm, dotQ6Kx4Asm
	ks.dotNx4[gguf.TypeQ4_0], ks.dotNx4[gguf.TypeQ8_0] = dotNx4{}, dotNx4{}
	ks.dotNx4[gguf.TypeF16] = dotNx4{dotF16x3x4Asm, 3}
	ks.dotNx4[gguf.TypeF32] = dotNx4{dotF32x2x4Asm, 2}
	ks.interleave = [len(ks.interleave)]bool{}
	ks.halfActs = false
	ks.exact1[gguf.TypeQ4_0] = dotQ4_0ExactAsm // the AVX2 kernels' twins
	ks.exact1[gguf.TypeQ8_0] = dotQ8_0ExactAsm
	for _, set := range []*kernelSet{&ks, avx2Kernels} {
		p := NewPool(2)
		p.ks = set
		if !checkBatchInvariant(t, p) {
			t.Error("without invariance every column gave the same products: the check cannot fail")
		}
		p.Close()
	}
}
