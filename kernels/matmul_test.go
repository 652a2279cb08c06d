package kernels

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/gguf"
)

var matmulTypes = []gguf.TensorType{
	gguf.TypeF32, gguf.TypeF16, gguf.TypeBF16,
	gguf.TypeQ4_0, gguf.TypeQ4_1, gguf.TypeQ5_0, gguf.TypeQ5_1, gguf.TypeQ8_0,
	gguf.TypeQ2_K, gguf.TypeQ3_K, gguf.TypeQ4_K, gguf.TypeQ5_K, gguf.TypeQ6_K, gguf.TypeQ8_K,
}

// normals returns n standard normal values drawn from r.
func normals(r *rand.Rand, n int) []float32 {
	x := make([]float32, n)
	for i := range x {
		x[i] = float32(r.NormFloat64())
	}
	return x
}

// randomWeights returns rows×cols weights of type t: quantized from random
// floats where a quantizer exists, otherwise random block bytes with sane
// f16 scales.
func randomWeights(r *rand.Rand, t gguf.TensorType, rows, cols int) []byte {
	rs := t.RowSize(cols)
	w := make([]byte, rows*rs)
	if Quantizable(t) && t != gguf.TypeQ8_K {
		x := normals(r, rows*cols)
		if err := Quantize(t, x, w); err != nil {
			panic(err)
		}
		return w
	}
	for i := range w {
		w[i] = byte(r.Uint32())
	}
	scale := func() uint16 { return F32ToF16(float32(r.Float64()*0.01 + 0.001)) }
	ts := t.TypeSize()
	for off := 0; off < len(w); off += ts {
		b := w[off : off+ts]
		switch t {
		case gguf.TypeQ2_K:
			binary.LittleEndian.PutUint16(b[80:], scale())
			binary.LittleEndian.PutUint16(b[82:], scale())
		case gguf.TypeQ3_K:
			binary.LittleEndian.PutUint16(b[108:], scale())
		case gguf.TypeQ4_K, gguf.TypeQ5_K:
			binary.LittleEndian.PutUint16(b[0:], scale())
			binary.LittleEndian.PutUint16(b[2:], scale())
		case gguf.TypeQ6_K:
			binary.LittleEndian.PutUint16(b[208:], scale())
		case gguf.TypeQ8_K:
			binary.LittleEndian.PutUint32(b, math.Float32bits(float32(r.Float64()*0.01+0.001)))
		}
	}
	return w
}

// refActs returns the activations as the kernels see them: quantized to
// the weight type's 8-bit partner and decoded again (or rounded to F16/BF16).
func refActs(t gguf.TensorType, x []float32) []float32 {
	y := make([]float32, len(x))
	var at gguf.TensorType
	switch actKindOf(t) {
	case actF32:
		copy(y, x)
		return y
	case actF16:
		for i, v := range x {
			y[i] = F16ToF32(F32ToF16(v))
		}
		return y
	case actBF16:
		for i, v := range x {
			y[i] = BF16ToF32(F32ToBF16(v))
		}
		return y
	case actQ8_0, actQ8_1:
		at = gguf.TypeQ8_0
	case actQ8K:
		at = gguf.TypeQ8_K
	}
	b := make([]byte, at.RowSize(len(x)))
	if err := Quantize(at, x, b); err != nil {
		panic(err)
	}
	if err := Dequantize(at, b, y); err != nil {
		panic(err)
	}
	return y
}

// checkMatMul runs MatMul on p and compares every output with a float64
// dot product of dequantized weights and reference activations.
func checkMatMul(t *testing.T, p *Pool, typ gguf.TensorType, rows, cols, batch int, seed uint64) {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, uint64(typ)))
	w := randomWeights(r, typ, rows, cols)
	x := normals(r, batch*cols)
	out := make([]float32, batch*rows+3)
	for i := range out {
		out[i] = float32(math.NaN())
	}
	MatMul(p, typ, w, rows, cols, x, batch, out)
	wf := make([]float32, rows*cols)
	if err := Dequantize(typ, w, wf); err != nil {
		t.Fatal(err)
	}
	tol := 2e-5
	if actKindOf(typ) == actQ8_1 {
		tol = 2e-3 // the s = f16(d*sum) term is rounded
	}
	for b := 0; b < batch; b++ {
		xa := refActs(typ, x[b*cols:(b+1)*cols])
		for rr := 0; rr < rows; rr++ {
			want, mag := refRowDot(wf[rr*cols:(rr+1)*cols], xa)
			got := float64(out[b*rows+rr])
			if math.IsNaN(got) || math.Abs(got-want) > tol*mag+1e-6 {
				t.Fatalf("%v %dx%d batch %d: out[%d][%d] = %v, want %v (mag %v)", typ, rows, cols, batch, b, rr, got, want, mag)
			}
		}
	}
	for i := batch * rows; i < len(out); i++ {
		if !math.IsNaN(float64(out[i])) {
			t.Fatalf("MatMul wrote past the output")
		}
	}
}

func TestMatMul(t *testing.T) {
	pools := map[string]*Pool{"1": NewPool(1), "3": NewPool(3)}
	defer func() {
		for _, p := range pools {
			p.Close()
		}
	}()
	gen := NewPool(2)
	gen.ks = genericKernels
	defer gen.Close()
	pools["generic"] = gen
	inv := NewPool(2)
	inv.SetBatchInvariant(true)
	defer inv.Close()
	pools["invariant"] = inv
	shapes := []struct{ rows, cols, batch int }{
		{1, 256, 1}, {37, 512, 1}, {37, 512, 3}, {19, 256, 40}, {23, 512, 7}, {5, 256, 4},
	}
	for _, typ := range matmulTypes {
		for name, p := range pools {
			for _, s := range shapes {
				t.Run(fmt.Sprintf("%v/pool%s/%dx%dx%d", typ, name, s.rows, s.cols, s.batch), func(t *testing.T) {
					checkMatMul(t, p, typ, s.rows, s.cols, s.batch, 7)
				})
			}
		}
	}
}

// TestMatMulBatchInvariant checks that on a batch-invariant Pool every
// column's products are bit for bit the same whatever batch it is in (1 to
// 12 columns, at every place), for every weight type, alone and through
// MatMulShared, with this machine's kernels and the generic ones.
func TestMatMulBatchInvariant(t *testing.T) {
	for _, threads := range []int{1, 2} {
		p := NewPool(threads)
		checkBatchInvariant(t, p)
		p.ks = genericKernels
		checkBatchInvariant(t, p)
		p.Close()
	}
}

// checkBatchInvariant runs TestMatMulBatchInvariant's check on p (made
// batch-invariant) and reports whether, without invariance, some column's
// products did differ between batches.
func checkBatchInvariant(t *testing.T, p *Pool) (differs bool) {
	t.Helper()
	const rows, cols, n = 29, 512, 12
	defer p.SetBatchInvariant(false)
	for _, typ := range matmulTypes {
		r := rand.New(rand.NewPCG(5, uint64(typ)))
		w := randomWeights(r, typ, rows, cols)
		x := normals(r, n*cols)
		mul := func(lo, hi int, shared bool) []float32 {
			out := make([]float32, (hi-lo)*rows)
			if shared {
				out2 := make([]float32, (hi-lo)*rows)
				MatMulShared(p, x[lo*cols:hi*cols], hi-lo, cols, []MatMulOp{{Type: typ, W: w, Rows: rows, Out: out}, {Type: typ, W: w, Rows: rows, Out: out2}})
				if !slices.Equal(out, out2) {
					t.Fatalf("%v: MatMulShared gave two results for one matrix", typ)
				}
				return out
			}
			MatMul(p, typ, w, rows, cols, x[lo*cols:hi*cols], hi-lo, out)
			return out
		}
		for _, invariant := range []bool{true, false} {
			p.SetBatchInvariant(invariant)
			alone := make([][]float32, n)
			for b := range n {
				alone[b] = mul(b, b+1, false)
			}
			for lo := 0; lo < n; lo++ {
				for hi := lo + 1; hi <= n; hi++ {
					got := mul(lo, hi, (lo+hi)%2 == 0)
					for b := lo; b < hi; b++ {
						for rr := range rows {
							v, want := got[(b-lo)*rows+rr], alone[b][rr]
							if math.Float32bits(v) == math.Float32bits(want) {
								continue
							}
							if invariant {
								t.Fatalf("%v threads %d: column %d in batch [%d,%d): row %d = %v, alone %v", typ, p.Size(), b, lo, hi, rr, v, want)
							}
							differs = true
						}
					}
				}
			}
		}
	}
	return differs
}

func TestMatMulNoAlloc(t *testing.T) {
	p := NewPool(2)
	defer p.Close()
	r := rand.New(rand.NewPCG(1, 1))
	// Batch 40 makes the F16 and BF16 rounding of the activations a job
	// over the pool (more than minRoundChunk values).
	for _, tc := range []struct {
		typ   gguf.TensorType
		batch int
	}{{gguf.TypeQ4_0, 4}, {gguf.TypeQ4_K, 4}, {gguf.TypeF16, 4}, {gguf.TypeF16, 40}, {gguf.TypeBF16, 40}} {
		typ, rows, cols, batch := tc.typ, 64, 512, tc.batch
		w := randomWeights(r, typ, rows, cols)
		x := make([]float32, batch*cols)
		out := make([]float32, batch*rows)
		MatMul(p, typ, w, rows, cols, x, batch, out)
		n := testing.AllocsPerRun(20, func() {
			MatMul(p, typ, w, rows, cols, x, batch, out)
			MatMul(p, typ, w, rows, cols, x, 1, out)
		})
		if n != 0 {
			t.Errorf("%v batch %d: %v allocations per call", typ, batch, n)
		}
	}
}

func TestMatMulPanics(t *testing.T) {
	p := NewPool(1)
	defer p.Close()
	for name, f := range map[string]func(){
		"type": func() {
			MatMul(p, gguf.TypeIQ2_XXS, make([]byte, 66), 1, 256, make([]float32, 256), 1, make([]float32, 1))
		},
		"cols":   func() { MatMul(p, gguf.TypeQ4_0, make([]byte, 100), 1, 33, make([]float32, 33), 1, make([]float32, 1)) },
		"weight": func() { MatMul(p, gguf.TypeQ4_0, make([]byte, 17), 1, 32, make([]float32, 32), 1, make([]float32, 1)) },
		"x":      func() { MatMul(p, gguf.TypeQ4_0, make([]byte, 18), 1, 32, make([]float32, 31), 1, make([]float32, 1)) },
		"out":    func() { MatMul(p, gguf.TypeQ4_0, make([]byte, 18), 1, 32, make([]float32, 64), 2, make([]float32, 1)) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			f()
		}()
	}
}

func TestParallel(t *testing.T) {
	for _, workers := range []int{1, 2, 5} {
		p := NewPool(workers)
		for _, n := range []int{0, 1, 2, 7, 100, 1001} {
			hits := make([]atomic.Int32, n)
			p.Parallel(n, func(lo, hi int) {
				if lo < 0 || hi > n || lo >= hi {
					t.Errorf("bad range [%d,%d) of %d", lo, hi, n)
					return
				}
				for i := lo; i < hi; i++ {
					hits[i].Add(1)
				}
			})
			for i := range hits {
				if h := hits[i].Load(); h != 1 {
					t.Fatalf("workers %d n %d: index %d visited %d times", workers, n, i, h)
				}
			}
		}
		if p.Size() != workers {
			t.Errorf("Size() = %d, want %d", p.Size(), workers)
		}
		p.Close()
		p.Close()
	}
	p0 := NewPool(0)
	defer p0.Close()
	if p0.Size() < 1 {
		t.Error("NewPool(0) has no workers")
	}
}

func TestParallelNoAlloc(t *testing.T) {
	p := NewPool(3)
	defer p.Close()
	var sum atomic.Int64
	fn := func(lo, hi int) { sum.Add(int64(hi - lo)) }
	if n := testing.AllocsPerRun(100, func() { p.Parallel(64, fn) }); n != 0 {
		t.Errorf("Parallel: %v allocations per call", n)
	}
}

func TestRoundHalfAway(t *testing.T) {
	for _, x := range []float32{0, 0.5, -0.5, 1.5, -1.5, 2.5, 0.49999997, -0.49999997, 126.5, -127, 3.2, -3.7} {
		if got, want := roundHalfAway(x), int32(roundf(x)); got != want {
			t.Errorf("roundHalfAway(%v) = %d, want %d", x, got, want)
		}
	}
}

// TestActQuantMatchesQuantize checks the split-layout activation
// quantizers produce exactly what Quantize writes in ggml blocks.
func TestActQuantMatchesQuantize(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 9))
	cols := 512
	x := make([]float32, cols)
	for i := range x {
		x[i] = float32(r.NormFloat64())
		if i%7 == 0 {
			x[i] = float32(r.IntN(20)) - 10 // exact values produce ties
		}
	}
	qs := make([]int8, cols)
	d := make([]float32, cols/32)
	s := make([]float32, cols/32)
	quantActQ8_1(x, qs, d, s)
	b := quantizeRow(t, gguf.TypeQ8_1, x)
	forBlocks(gguf.TypeQ8_1, b, func(i int, blk []byte) {
		if F16ToF32(binary.LittleEndian.Uint16(blk)) != d[i] || F16ToF32(binary.LittleEndian.Uint16(blk[2:])) != s[i] {
			t.Fatalf("Q8_1 block %d scale mismatch", i)
		}
		sameBlockValues(t, "Q8_1", i, blk[4:36], qs[32*i:])
	})
	quantActQ8_0(x, qs, d, s)
	for i := range d {
		if F16ToF32(binary.LittleEndian.Uint16(b[36*i:])) != d[i] {
			t.Fatalf("Q8_0 block %d scale mismatch", i)
		}
	}
	dk := make([]float32, cols/256)
	bs := make([]int16, cols/16)
	quantActQ8K(x, qs, dk, bs)
	forBlocks(gguf.TypeQ8_K, quantizeRow(t, gguf.TypeQ8_K, x), func(i int, blk []byte) {
		if math.Float32frombits(binary.LittleEndian.Uint32(blk)) != dk[i] {
			t.Fatalf("Q8_K block %d scale mismatch", i)
		}
		sameBlockValues(t, "Q8_K", i, blk[4:260], qs[256*i:])
		for j := 0; j < 16; j++ {
			if int16(binary.LittleEndian.Uint16(blk[260+2*j:])) != bs[16*i+j] {
				t.Fatalf("Q8_K block %d bsum %d mismatch", i, j)
			}
		}
	})
}

// forBlocks runs check on each block of the typ row b.
func forBlocks(typ gguf.TensorType, b []byte, check func(i int, blk []byte)) {
	ts := typ.TypeSize()
	for i := range len(b) / ts {
		check(i, b[ts*i:ts*i+ts])
	}
}

// quantizeRow returns x quantized as typ (Quantize), failing t on error.
func quantizeRow(t *testing.T, typ gguf.TensorType, x []float32) []byte {
	t.Helper()
	b := make([]byte, typ.RowSize(len(x)))
	if err := Quantize(typ, x, b); err != nil {
		t.Fatal(err)
	}
	return b
}

// sameBlockValues fails t unless the int8 values of block i of a typ row,
// vals, start qs.
func sameBlockValues(t *testing.T, typ string, i int, vals []byte, qs []int8) {
	t.Helper()
	for j, v := range vals {
		if int8(v) != qs[j] {
			t.Fatalf("%s block %d value %d: %d vs %d", typ, i, j, qs[j], int8(v))
		}
	}
}

// TestParallelParkAndWake exercises workers that have parked (idle longer
// than spinTime) and are woken, and Close of a Pool with parked workers.
func TestParallelParkAndWake(t *testing.T) {
	p := NewPool(3)
	for round := 0; round < 5; round++ {
		var n atomic.Int64
		p.Parallel(300, func(lo, hi int) { n.Add(int64(hi - lo)) })
		if n.Load() != 300 {
			t.Fatalf("round %d: covered %d of 300", round, n.Load())
		}
		time.Sleep(3 * spinTime)
	}
	p.Close()
	defer func() {
		if recover() == nil {
			t.Error("Parallel after Close did not panic")
		}
	}()
	p.Parallel(10, func(lo, hi int) {})
}

// TestPrepareActsRoundsInParallel checks that F16 and BF16 activation
// rounding split over a pool gives every value exactly as the one-goroutine
// conversion does, for sizes below, at and well above one chunk.
func TestPrepareActsRoundsInParallel(t *testing.T) {
	p := NewPool(3)
	defer p.Close()
	r := rand.New(rand.NewPCG(5, 6))
	for _, k := range []actKind{actF16, actBF16} {
		for _, n := range []int{7, minRoundChunk, 5*minRoundChunk + 13} {
			x := make([]float32, n)
			for i := range x {
				x[i] = float32(r.NormFloat64() * 100)
			}
			p.prepareActs(k, x, 1, 1, n)
			for i, v := range x {
				want := f16Table[F32ToF16(v)]
				if k == actBF16 {
					want = BF16ToF32(F32ToBF16(v))
				}
				if got := p.scratch.acts[0].f[i]; math.Float32bits(got) != math.Float32bits(want) {
					t.Fatalf("kind %d n=%d: value %d rounds to %v, want %v", k, n, i, got, want)
				}
			}
		}
	}
}

// TestInterleavedActs checks the layouts interleavedActs builds for the
// four-column kernels over interleaved Q8_0 activations, against their
// definitions: qsI byte 128i+64h+16c+k of the group at column b is value
// 32i+16h+k of column b+c, and xsI[b*nb+4i+c] is -128 times the sum of
// block i of column b+c; columns past the last whole group are left out.
func TestInterleavedActs(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	p := NewPool(1)
	defer p.Close()
	for _, tc := range []struct{ batch, nb int }{{4, 1}, {5, 3}, {8, 2}, {11, 7}} {
		cols := 32 * tc.nb
		x := normals(r, tc.batch*cols)
		p.prepareActs(actQ8_0, x, tc.batch, tc.batch, cols)
		qsI, xsI := p.interleavedActs(tc.batch, cols)
		groups := tc.batch / 4
		if len(qsI) != groups*4*cols || len(xsI) != groups*4*tc.nb {
			t.Fatalf("batch=%d nb=%d: %d and %d values, want %d and %d", tc.batch, tc.nb, len(qsI), len(xsI), groups*4*cols, groups*4*tc.nb)
		}
		for b := 0; b < groups*4; b += 4 {
			for c := range 4 {
				q := p.scratch.acts[b+c].qs
				for i := range tc.nb {
					sum := int32(0)
					for j := range 32 {
						h, k := j/16, j%16
						if got, want := qsI[b*cols+128*i+64*h+16*c+k], q[32*i+j]; got != want {
							t.Fatalf("batch=%d nb=%d: column %d value %d is %d, want %d", tc.batch, tc.nb, b+c, 32*i+j, got, want)
						}
						sum += int32(q[32*i+j])
					}
					if got := xsI[b*tc.nb+4*i+c]; got != -128*sum {
						t.Fatalf("batch=%d nb=%d: column %d block %d offset sum %d, want %d", tc.batch, tc.nb, b+c, i, got, -128*sum)
					}
				}
			}
		}
	}
}

// refRowDot is the float64 reference for one output of a matrix product:
// the dot of weight row w with activations xa, and the sum of the terms'
// magnitudes that scales the tolerance.
func refRowDot(w, xa []float32) (want, mag float64) {
	for c, x := range xa[:len(w)] {
		v := float64(w[c]) * float64(x)
		want += v
		mag += math.Abs(v)
	}
	return want, mag
}
