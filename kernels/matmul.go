package kernels

import (
	"fmt"
	"math"

	"github.com/gaianet-go/gaianet/gguf"
)

// actKind is the activation format a weight type is multiplied with
// (ggml's vec_dot_type).
type actKind int

const (
	actF32  actKind = iota // F32 weights: activations as is
	actF16                 // F16 weights: activations rounded to F16
	actBF16                // BF16 weights: activations rounded to BF16
	actQ8_0                // Q4_0, Q5_0, Q8_0, MXFP4
	actQ8_1                // Q4_1, Q5_1 (Q8_0 plus per-block d*sum)
	actQ8K                 // K-quants
)

// kernelSet holds the dot product used for each weight type.
type kernelSet struct {
	dot [gguf.TypeMXFP4 + 1]dotFunc
	// dot4, where set, computes four activation columns at once (batched
	// MatMul); its definition is dot4Generic.
	dot4 [gguf.TypeMXFP4 + 1]dot4Func
	// dotNx4, where set, computes several weight rows × four activation
	// columns at once, exactly as one call of dot4 per row would; its
	// definition is dotNx4Generic.
	dotNx4 [gguf.TypeMXFP4 + 1]dotNx4
	// halfActs says that F16 batches (of four or more rows) also need
	// their rounded activations as half-precision bits (act.h): the F16
	// dotNx4 kernel reads those.
	halfActs bool
	// interleave marks the types whose dot4 kernel reads the Q8_0
	// activations of batches of four or more rows interleaved
	// (scratch.qsI, filled on first use per prepared batch).
	interleave [gguf.TypeMXFP4 + 1]bool
	// exact1, where set, is a one-column kernel that gives bit for bit what
	// dot4 gives for each of its columns: a batch-invariant Pool uses it
	// for the columns of a batch that is not a multiple of four instead of
	// padding the batch.
	exact1 [gguf.TypeMXFP4 + 1]dotFunc
	// exact4 says that every dot4 and dotNx4 kernel gives bit for bit what
	// dot gives for each column, so a batch-invariant Pool need not pad
	// (the generic set, whose four-column kernels are dot per column).
	exact4 bool
}

// dotNx4 is a kernel for rows weight rows × four activation columns: f
// sets m.out[(b+c)*m.rows+r+k] for c < 4, k < rows, given w holding
// weight rows r to r+rows-1.
type dotNx4 struct {
	f    dot4Func
	rows int
}

// dot4Func sets m.out[(b+c)*m.rows+r] to the dot product of weight row r
// (w) with activation column b+c of m, for c < 4.
type dot4Func func(m *mmTask, w []byte, b, r int)

// dot4Generic is the definition every dot4 kernel must match.
func dot4Generic(dot dotFunc, m *mmTask, w []byte, b, r int) {
	var o [4]float32
	for c := range o {
		o[c] = dot(w, &m.acts[b+c])
	}
	m.put4(&o, b, r)
}

// dotNx4Generic is the definition every dotNx4 kernel for rows weight
// rows must match bit for bit: w holds weight rows r to r+rows-1, each
// multiplied by dot4.
func dotNx4Generic(dot4 dot4Func, rows int, m *mmTask, w []byte, b, r int) {
	for k := range rows {
		dot4(m, w[k*m.rowSize:(k+1)*m.rowSize], b, r+k)
	}
}

// put4 stores a four-column result.
func (m *mmTask) put4(o *[4]float32, b, r int) {
	m.out[b*m.rows+r] = o[0]
	m.out[(b+1)*m.rows+r] = o[1]
	m.out[(b+2)*m.rows+r] = o[2]
	m.out[(b+3)*m.rows+r] = o[3]
}

func actKindOf(t gguf.TensorType) actKind {
	switch t {
	case gguf.TypeF32:
		return actF32
	case gguf.TypeF16:
		return actF16
	case gguf.TypeBF16:
		return actBF16
	case gguf.TypeQ4_0, gguf.TypeQ5_0, gguf.TypeQ8_0, gguf.TypeMXFP4:
		return actQ8_0
	case gguf.TypeQ4_1, gguf.TypeQ5_1:
		return actQ8_1
	default:
		return actQ8K
	}
}

// genericKernels are the pure-Go dot products.
var genericKernels = func() *kernelSet {
	ks := &kernelSet{exact4: true, dot: [gguf.TypeMXFP4 + 1]dotFunc{
		gguf.TypeF32: dotF32W, gguf.TypeF16: dotF16W, gguf.TypeBF16: dotBF16W,
		gguf.TypeQ4_0: dotQ4_0Generic, gguf.TypeQ4_1: dotQ4_1Generic, gguf.TypeQ5_0: dotQ5_0Generic,
		gguf.TypeQ5_1: dotQ5_1Generic, gguf.TypeQ8_0: dotQ8_0Generic, gguf.TypeQ8_K: dotQ8KGeneric,
		gguf.TypeQ2_K: dotQ2KGeneric, gguf.TypeQ3_K: dotQ3KGeneric, gguf.TypeQ4_K: dotQ4KGeneric,
		gguf.TypeQ5_K: dotQ5KGeneric, gguf.TypeQ6_K: dotQ6KGeneric,
	}}
	for t, dot := range ks.dot {
		if dot != nil {
			ks.dot4[t] = func(m *mmTask, w []byte, b, r int) { dot4Generic(dot, m, w, b, r) }
		}
	}
	// The float types walk rows as the assembly does, by definition with
	// the same results as one row at a time.
	for t, n := range map[gguf.TensorType]int{gguf.TypeF16: 3, gguf.TypeF32: 2} {
		dot4 := ks.dot4[t]
		ks.dotNx4[t] = dotNx4{func(m *mmTask, w []byte, b, r int) { dotNx4Generic(dot4, n, m, w, b, r) }, n}
	}
	return ks
}()

// scratch holds one MatMul call's quantized activations.
type scratch struct {
	qs    []int8
	d     []float32
	s     []float32
	ds    []float32
	bsums []int16
	f     []float32
	h     []uint16
	acts  []act
	// Block-major copies for the four-column kernels: dT[i*batch+b] is the
	// scale of block i of column b, bsT[(i*batch+b)*16+k] its k-th sum.
	dT  []float32
	dsT []float32
	bsT []int16
	// qsI holds the Q8_0 values of each whole group of four columns
	// interleaved for the four-column kernels that read them (see
	// interleaveQ8_0); qsIReady says it matches the prepared batch.
	qsI      []int8
	qsIReady bool
	// xsI holds, with qsI, -128 times the sum of each block's Q8_0
	// values: xsI[b*nb+4*i+c] for block i of column b+c, b a multiple of
	// 4 (the offset the Q8_0 kernel over qsI subtracts; see dotQ8_0x4Z).
	xsI []int32
	// out receives the products of a padded batch (see Pool.padBatch)
	// before its real columns are copied to the caller's output.
	out []float32
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// mmTask is one MatMul call split over rows.
type mmTask struct {
	dot     dotFunc
	dot4    dot4Func // nil: one column at a time
	dotN    dotNx4   // f nil: one weight row at a time (with dot4)
	w       []byte
	rowSize int
	rows    int
	cols    int
	batch   int // columns computed: the real ones plus any padding
	real    int // real columns; the one-column kernel skips padding
	acts    []act
	out     []float32
	tile    int // weight rows per tile (batch > 1), a multiple of dotN.rows
	// Batch activations, for dot4.
	qs  []int8
	dT  []float32
	dsT []float32
	bsT []int16
	qsI []int8  // nil unless the kernel reads it (see scratch.qsI)
	xsI []int32 // with qsI (see scratch.xsI)
}

// Row and column tile sizes for batch > 1: a tile of about mmTileRows
// weight rows stays in cache while mmTileCols activation rows stream past
// it.
const (
	mmTileRows = 16
	mmTileCols = 32
)

// tileRows is the row tile for a multi-row kernel of n rows (0 or 1: none):
// mmTileRows rounded up to a multiple of n, so that no row of a full tile
// falls back to the one-row kernel.
func tileRows(n int) int {
	n = max(n, 1)
	return (mmTileRows + n - 1) / n * n
}

func (m *mmTask) do(lo, hi int) {
	batch := m.batch
	if batch == 1 {
		a := &m.acts[0]
		for r := lo; r < hi; r++ {
			m.out[r] = m.dot(m.w[r*m.rowSize:(r+1)*m.rowSize], a)
		}
		return
	}
	tile := max(m.tile, 1)
	for r0 := lo; r0 < hi; r0 += tile {
		r1 := min(r0+tile, hi)
		for b0 := 0; b0 < batch; b0 += mmTileCols {
			b1 := min(b0+mmTileCols, batch)
			b := b0
			if m.dot4 != nil {
				for ; b+4 <= b1; b += 4 {
					r := r0
					if n := m.dotN.rows; m.dotN.f != nil {
						for ; r+n <= r1; r += n {
							m.dotN.f(m, m.w[r*m.rowSize:(r+n)*m.rowSize], b, r)
						}
					}
					for ; r < r1; r++ {
						m.dot4(m, m.w[r*m.rowSize:(r+1)*m.rowSize], b, r)
					}
				}
			}
			for ; b < min(b1, m.real); b++ {
				a := &m.acts[b]
				o := m.out[b*m.rows : (b+1)*m.rows]
				for r := r0; r < r1; r++ {
					o[r] = m.dot(m.w[r*m.rowSize:(r+1)*m.rowSize], a)
				}
			}
		}
	}
}

// MatMul computes out = x · Wᵀ for a rows×cols weight matrix W of type t
// stored as raw GGUF bytes (row-major, each row t.RowSize(cols) bytes) and
// batch activation rows x (batch×cols, row-major):
//
//	out[b*rows+r] = dot(W[r], x[b*cols:(b+1)*cols])
//
// As in llama.cpp, quantized weights are multiplied with activations
// quantized once per call to the matching 8-bit format (Q8_0, Q8_1 or Q8_K)
// using integer dot products; F16 and BF16 weights use activations rounded
// to that type and float32 sums. Rows are spread over the Pool's workers;
// for batch > 1 tiles of rows × activations keep each weight row in cache
// while it is used for all activations. In steady state MatMul does not
// allocate (scratch lives in the Pool).
//
// out must not overlap x or w. MatMul panics if t is not Supported or the
// slices are too short: shapes
// are the caller's responsibility, checked once when a model is loaded.
// Like every Pool method it must not be called concurrently on one Pool.
func MatMul(p *Pool, t gguf.TensorType, w []byte, rows, cols int, x []float32, batch int, out []float32) {
	checkMatMulArgs(t, w, rows, cols, x, batch, out)
	if rows == 0 || batch == 0 {
		return
	}
	if cols == 0 {
		clear(out[:batch*rows])
		return
	}
	pb := p.padBatch(t, batch)
	p.prepareActs(actKindOf(t), x, batch, pb, cols)
	p.mulPrepared(t, w, rows, cols, batch, pb, out, false)
}

// MatMulOp is one weight matrix of a MatMulShared call: a Rows×cols matrix
// of type Type in raw GGUF bytes W, and the output Out (batch×Rows).
type MatMulOp struct {
	Type gguf.TensorType
	W    []byte
	Rows int
	Out  []float32
}

// MatMulShared computes, for each op in order,
//
//	MatMul(p, op.Type, op.W, op.Rows, cols, x, batch, op.Out)
//
// with identical results, but quantizes x only once for all consecutive ops
// whose weight types share an activation format: the Q, K and V
// projections of one normed input, or the gate and up projections.
// It panics like MatMul; it does not allocate in steady state.
func MatMulShared(p *Pool, x []float32, batch, cols int, ops []MatMulOp) {
	for i := range ops {
		o := &ops[i]
		checkMatMulArgs(o.Type, o.W, o.Rows, cols, x, batch, o.Out)
	}
	if batch == 0 {
		return
	}
	pb := batch
	for i := range ops {
		pb = max(pb, p.padBatch(ops[i].Type, batch))
	}
	if cols > 0 && p.mulShared(x, batch, pb, cols, ops) {
		return
	}
	prepared := actKind(-1)
	transposed := false
	for i := range ops {
		o := &ops[i]
		if o.Rows == 0 {
			continue
		}
		if cols == 0 {
			clear(o.Out[:batch*o.Rows])
			continue
		}
		if k := actKindOf(o.Type); k != prepared {
			p.prepareActs(k, x, batch, pb, cols)
			prepared, transposed = k, false
		}
		transposed = p.mulPrepared(o.Type, o.W, o.Rows, cols, batch, pb, o.Out, transposed)
	}
}

// maxShared is how many matrices mulShared runs as one job.
const maxShared = 4

// mmMulti is several MatMul tasks over the same activations run as one
// job: rows [ends[i-1], ends[i]) of the job are rows of tasks[i].
type mmMulti struct {
	tasks [maxShared]mmTask
	ends  [maxShared]int
	n     int
}

func (mm *mmMulti) do(lo, hi int) {
	start := 0
	for i := 0; i < mm.n && lo < hi; i++ {
		end := mm.ends[i]
		if lo < end {
			h := min(hi, end)
			mm.tasks[i].do(lo-start, h-start)
			lo = h
		}
		start = end
	}
}

// mulShared runs ops (checked, cols > 0) as one job over the Pool when
// they share one activation format and are few enough; it reports whether
// it did. Each output element is computed by the same kernel as in MatMul,
// so the results are identical; one job instead of one per matrix saves
// the workers' hand-offs. pb is the padded batch (see padBatch).
func (p *Pool) mulShared(x []float32, batch, pb, cols int, ops []MatMulOp) bool {
	if len(ops) > maxShared || len(ops) < 2 {
		return false
	}
	k := actKindOf(ops[0].Type)
	for i := range ops {
		if actKindOf(ops[i].Type) != k || ops[i].Rows == 0 {
			return false
		}
	}
	p.prepareActs(k, x, batch, pb, cols)
	ks := p.kernels()
	mm := &p.multi
	transposed := false
	total := 0
	for i := range ops {
		total += ops[i].Rows
	}
	if pb > batch {
		p.scratch.out = grow(p.scratch.out, pb*total)
	}
	total = 0
	for i := range ops {
		o := &ops[i]
		t := o.Type
		m := &mm.tasks[i]
		out := o.Out
		if pb > batch {
			out = p.scratch.out[pb*total : pb*(total+o.Rows)]
		}
		transposed = p.setTask(m, ks, t, o.W, o.Rows, cols, batch, pb, out, transposed)
		total += o.Rows
		mm.ends[i] = total
	}
	mm.n = len(ops)
	chunk := 0
	if pb > 1 {
		chunk = batchChunk(total, mm.tasks[0].tile, p.n)
	}
	p.dispatch(total, chunk, mm)
	if pb > batch {
		for i := range ops {
			copy(ops[i].Out[:batch*ops[i].Rows], mm.tasks[i].out)
		}
	}
	*mm = mmMulti{}
	return true
}

// SetBatchInvariant makes every MatMul result independent of the batch it
// is computed in (on) or lets each batch size use its fastest kernels
// (off, the default). The four-column kernels sum in another order than
// the one-column ones, so by default a column's products depend on
// whether it falls in a group of four: on the batch size and the column's
// place in it. Invariant, the columns of a batch that is not a multiple of
// four go through a one-column kernel that sums in the four-column
// kernel's order where the weight type has one (on amd64 Q4_0, Q5_0,
// Q4_K, Q5_K, Q6_K, and Q8_0 without the AVX-512 Z kernel),
// and otherwise the batch is padded with copies of its last column so that
// every column goes through the four-column kernel (where the weight type
// has one); a padded one-sequence decode step costs about as much as a
// four-sequence one. Serving engines
// turn it on, so that a request's tokens do not depend on what else is
// served with it (replay verification relies on that).
func (p *Pool) SetBatchInvariant(on bool) { p.invariant = on }

// padBatch is the number of columns MatMul computes for batch columns of
// weight type t: batch rounded up to a multiple of four on a
// batch-invariant Pool whose four-column kernel for t sums differently from
// every one-column kernel it has (no exact1), batch otherwise.
func (p *Pool) padBatch(t gguf.TensorType, batch int) int {
	ks := p.kernels()
	if !p.invariant || batch%4 == 0 || ks.exact4 || ks.dot4[t] == nil || ks.exact1[t] != nil {
		return batch
	}
	return (batch + 3) &^ 3
}

// checkMatMulArgs panics if MatMul's arguments do not fit together.
func checkMatMulArgs(t gguf.TensorType, w []byte, rows, cols int, x []float32, batch int, out []float32) {
	if !Supported(t) {
		panic(fmt.Sprintf("kernels: MatMul: unsupported weight type %v", t))
	}
	rs := t.RowSize(cols)
	switch {
	case rs < 0:
		panic(fmt.Sprintf("kernels: MatMul: %d columns is not a multiple of the %v block size %d", cols, t, t.BlockSize()))
	case len(w) < rows*rs:
		panic(fmt.Sprintf("kernels: MatMul: %v weights %dx%d need %d bytes, have %d", t, rows, cols, rows*rs, len(w)))
	case len(x) < batch*cols:
		panic(fmt.Sprintf("kernels: MatMul: activations %dx%d need %d values, have %d", batch, cols, batch*cols, len(x)))
	case len(out) < batch*rows:
		panic(fmt.Sprintf("kernels: MatMul: output %dx%d needs %d values, have %d", batch, rows, batch*rows, len(out)))
	}
}

// mulPrepared runs the products of one checked MatMul (rows, cols and
// batch above zero) over activations prepareActs already converted to t's
// format, padded to pb columns. transposed says whether scratch's
// block-major copies are already filled for them; mulPrepared reports
// whether they are afterwards.
// setTask fills m for one weight matrix of type t over the prepared
// activations (pb padded rows of cols values, batch of them real), picking
// the four-column kernels when the batch allows and transposing or
// interleaving the activations they read on first need; it returns whether
// the activations are now transposed.
func (p *Pool) setTask(m *mmTask, ks *kernelSet, t gguf.TensorType, w []byte, rows, cols, batch, pb int, out []float32, transposed bool) bool {
	*m = mmTask{dot: ks.dot[t], w: w, rowSize: t.RowSize(cols), rows: rows, cols: cols, batch: pb, real: batch, acts: p.scratch.acts, out: out}
	if p.invariant && ks.exact1[t] != nil {
		m.dot = ks.exact1[t]
	}
	if pb >= 4 && ks.dot4[t] != nil {
		if t.IsQuantized() && !transposed {
			p.transposeActs(pb, cols)
			transposed = true
		}
		m.dot4, m.qs, m.dT, m.dsT, m.bsT = ks.dot4[t], p.scratch.qs, p.scratch.dT, p.scratch.dsT, p.scratch.bsT
		if ks.interleave[t] {
			m.qsI, m.xsI = p.interleavedActs(pb, cols)
		}
		m.dotN = ks.dotNx4[t]
	}
	m.tile = tileRows(m.dotN.rows)
	return transposed
}

func (p *Pool) mulPrepared(t gguf.TensorType, w []byte, rows, cols, batch, pb int, out []float32, transposed bool) bool {
	m := &p.mm
	ks := p.kernels()
	dst := out
	if pb > batch {
		p.scratch.out = grow(p.scratch.out, pb*rows)
		dst = p.scratch.out
	}
	transposed = p.setTask(m, ks, t, w, rows, cols, batch, pb, dst, transposed)
	chunk := 0
	if pb > 1 {
		chunk = batchChunk(rows, m.tile, p.n)
	}
	p.dispatch(rows, chunk, m)
	if pb > batch {
		copy(out[:batch*rows], dst)
	}
	*m = mmTask{}
	return transposed
}

// batchChunk is the number of weight rows a worker takes at a time in a
// batched product of n rows: a few chunks per worker, as for one column,
// but whole tiles. Long runs of adjacent rows keep each worker's weight
// stream sequential for the prefetchers.
func batchChunk(n, tile, workers int) int {
	c := (n + 4*workers - 1) / (4 * workers)
	return max(tile, (c+tile-1)/tile*tile)
}

// kernels returns the dot products this Pool uses.
func (p *Pool) kernels() *kernelSet {
	if p.ks != nil {
		return p.ks
	}
	return defaultKernels
}

// prepareActs converts the batch activation rows to kind k in p.scratch,
// followed by pb-batch copies of the last row (padding, see padBatch).
func (p *Pool) prepareActs(k actKind, x []float32, batch, pb, cols int) {
	s := &p.scratch
	s.qsIReady = false
	s.acts = grow(s.acts, pb)
	switch k {
	case actF32:
		if pb > batch {
			s.f = grow(s.f, pb*cols)
			copy(s.f, x[:batch*cols])
			padRows(s.f, batch, pb, cols)
			x = s.f
		}
		for b := range pb {
			s.acts[b] = act{f: x[b*cols : (b+1)*cols]}
		}
		return
	case actF16, actBF16:
		n := batch * cols
		s.f = grow(s.f, pb*cols)
		p.rt = roundTask{dst: s.f, src: x[:n], bf16: k == actBF16}
		half := k == actF16 && pb >= 4 && p.kernels().halfActs
		if half {
			s.h = grow(s.h, pb*cols)
			p.rt.h = s.h
		}
		p.dispatch(n, roundChunk(n, p.n), &p.rt)
		p.rt = roundTask{}
		padRows(s.f, batch, pb, cols)
		if half {
			padRows(s.h, batch, pb, cols)
		}
		for b := range pb {
			s.acts[b] = act{f: s.f[b*cols : (b+1)*cols]}
			if half {
				s.acts[b].h = s.h[b*cols : (b+1)*cols]
			}
		}
		return
	}
	bs := 32
	if k == actQ8K {
		bs = 256
	}
	nb := cols / bs
	s.qs = grow(s.qs, pb*cols)
	s.d = grow(s.d, pb*nb)
	if k == actQ8_1 {
		s.s = grow(s.s, pb*nb)
	}
	if k == actQ8_0 {
		s.ds = grow(s.ds, pb*nb)
	}
	if k == actQ8K {
		s.bsums = grow(s.bsums, pb*cols/16)
	}
	p.qt = quantTask{s: s, k: k, x: x, cols: cols, nb: nb, last: batch - 1}
	p.dispatch(pb, 1, &p.qt)
	p.qt = quantTask{}
}

// padRows fills rows [batch,pb) of the row-major buf (cols per row) with
// copies of row batch-1.
func padRows[T any](buf []T, batch, pb, cols int) {
	last := buf[(batch-1)*cols : batch*cols]
	for b := batch; b < pb; b++ {
		copy(buf[b*cols:(b+1)*cols], last)
	}
}

// roundTask rounds activations [lo,hi) of src to F16 (or BF16) into dst,
// and for F16 into h as half-precision bits too if h is not nil. Each
// value is rounded on its own, so any split gives the same result.
type roundTask struct {
	dst, src []float32
	h        []uint16
	bf16     bool
}

func (r *roundTask) do(lo, hi int) {
	dst, src := r.dst[lo:hi], r.src[lo:hi]
	if r.h != nil {
		roundF16HRow(dst, r.h[lo:hi], src)
		return
	}
	if !r.bf16 {
		roundF16Row(dst, src)
		return
	}
	for i, v := range src {
		dst[i] = BF16ToF32(F32ToBF16(v))
	}
}

// minRoundChunk is the fewest values a roundTask chunk converts: below
// that, handing work to other goroutines costs more than it saves (a
// decoding step's activations are rounded inline).
const minRoundChunk = 1 << 14

// roundChunk is the chunk size for rounding n activations on a pool of
// size workers: a few chunks per worker, a multiple of 8 values (the
// vector width of the F16 conversion), at least minRoundChunk.
func roundChunk(n, workers int) int {
	c := (n + 4*workers - 1) / (4 * workers)
	return max(minRoundChunk, (c+7)&^7)
}

// quantTask quantizes activation rows [lo,hi) of a batch into scratch.
type quantTask struct {
	s    *scratch
	k    actKind
	x    []float32
	cols int
	nb   int
	last int // the last real row: padding rows repeat it
}

func (q *quantTask) do(lo, hi int) {
	s, cols, nb := q.s, q.cols, q.nb
	for b := lo; b < hi; b++ {
		a := act{qs: s.qs[b*cols : (b+1)*cols], d: s.d[b*nb : (b+1)*nb]}
		xb := min(b, q.last)
		xr := q.x[xb*cols : (xb+1)*cols]
		switch q.k {
		case actQ8_0:
			a.ds = s.ds[b*nb : (b+1)*nb]
			quantActQ8_0(xr, a.qs, a.d, a.ds)
		case actQ8_1:
			a.s = s.s[b*nb : (b+1)*nb]
			quantActQ8_1(xr, a.qs, a.d, a.s)
		case actQ8K:
			a.bsums = s.bsums[b*cols/16 : (b+1)*cols/16]
			quantActQ8K(xr, a.qs, a.d, a.bsums)
		}
		s.acts[b] = a
	}
}

// transposeActs fills scratch.dT (and bsT for Q8_K) from the per-column
// scales and sums of the current batch.
func (p *Pool) transposeActs(batch, cols int) {
	s := &p.scratch
	nb := len(s.acts[0].d)
	s.dT = grow(s.dT, nb*batch)
	for b := range batch {
		for i, v := range s.acts[b].d {
			s.dT[i*batch+b] = v
		}
	}
	if s.acts[0].ds != nil {
		s.dsT = grow(s.dsT, nb*batch)
		for b := range batch {
			for i, v := range s.acts[b].ds {
				s.dsT[i*batch+b] = v
			}
		}
	}
	if s.acts[0].bsums == nil {
		return
	}
	s.bsT = grow(s.bsT, nb*batch*16)
	for b := range batch {
		bs := s.acts[b].bsums
		for i := range nb {
			copy(s.bsT[(i*batch+b)*16:(i*batch+b+1)*16], bs[i*16:(i+1)*16])
		}
	}
}

// interleavedActs returns scratch.qsI and scratch.xsI for the prepared
// Q8_0 batch, filling them on first use.
func (p *Pool) interleavedActs(batch, cols int) ([]int8, []int32) {
	s := &p.scratch
	if !s.qsIReady {
		s.qsI = grow(s.qsI, batch/4*4*cols)
		interleaveQ8_0(s.qsI, s.qs, batch, cols)
		s.xsI = grow(s.xsI, batch/4*4*(cols/32))
		offsetSumsQ8_0(s.xsI, s.qs, batch, cols)
		s.qsIReady = true
	}
	return s.qsI, s.xsI
}

// offsetSumsQ8_0 fills dst with -128 times the sum of each 32-value block
// of the Q8_0 activation values qs (batch rows of cols), for each whole
// group of four columns: dst[b*nb+4*i+c] for block i of column b+c.
func offsetSumsQ8_0(dst []int32, qs []int8, batch, cols int) {
	nb := cols / 32
	for b := 0; b+4 <= batch; b += 4 {
		g := dst[b*nb : (b+4)*nb]
		for c := range 4 {
			src := qs[(b+c)*cols : (b+c+1)*cols]
			for i := range nb {
				sum := int32(0)
				for _, v := range src[32*i : 32*i+32] {
					sum += int32(v)
				}
				g[4*i+c] = -128 * sum
			}
		}
	}
}

// interleaveQ8_0 fills dst with the Q8_0 activation values qs (batch rows
// of cols) of each whole group of four columns interleaved: for the group
// at column b, block i (32 values) takes the 128 bytes at b*cols+128*i,
// where bytes 64h+16c to 64h+16c+15 are values 32i+16h to 32i+16h+15 of
// column b+c (h < 2, c < 4). One 64-byte vector then holds the same 16
// values of all four columns, each column in its own 128-bit lane, where
// the block's 16 weight bytes broadcast to every lane meet them.
func interleaveQ8_0(dst, qs []int8, batch, cols int) {
	for b := 0; b+4 <= batch; b += 4 {
		g := dst[b*cols : (b+4)*cols]
		for c := range 4 {
			src := qs[(b+c)*cols : (b+c+1)*cols]
			for j := 0; j < cols; j += 16 {
				// j = 32i + 16h: destination 128i + 64h + 16c.
				o := j*4 + 16*c
				copy(g[o:o+16], src[j:j+16])
			}
		}
	}
}

// quantActBlockQ8 rounds the 32 values of xb into q at the scale
// max|x|/127 (before f16 rounding, as quantize_row_q8_0 and q8_1 use it)
// and returns that scale and the sum of q.
func quantActBlockQ8(xb []float32, q []int8) (di float32, sum int32) {
	q = q[:len(xb)]
	di = absMax(xb) / 127
	id := inv(di)
	for j, v := range xb {
		q[j] = int8(roundHalfAway(v * id))
		sum += int32(q[j])
	}
	return di, sum
}

// quantActQ8_0Generic quantizes x like quantize_row_q8_0 into the split
// layout; d receives the f16-rounded scales and ds the products d*sum(q).
// It is the twin of the assembly behind quantActQ8_0.
func quantActQ8_0Generic(x []float32, qs []int8, d, ds []float32) {
	for i := range d {
		di, sum := quantActBlockQ8(x[32*i:32*i+32], qs[32*i:32*i+32])
		d[i] = f16Table[F32ToF16(di)]
		ds[i] = d[i] * float32(sum)
	}
}

// quantActQ8_1 is quantActQ8_0 plus s = f16(d*sum(q)) per block, like
// quantize_row_q8_1.
func quantActQ8_1(x []float32, qs []int8, d, s []float32) {
	for i := range d {
		di, sum := quantActBlockQ8(x[32*i:32*i+32], qs[32*i:32*i+32])
		d[i] = f16Table[F32ToF16(di)]
		s[i] = f16Table[F32ToF16(float32(sum)*di)]
	}
}

// quantActQ8KGeneric quantizes x like quantize_row_q8_K (with the product
// fused into nearest_int, as in the reference build; see quant_k.go). It is
// the twin of the assembly behind quantActQ8K.
func quantActQ8KGeneric(x []float32, qs []int8, d []float32, bsums []int16) {
	for i := range d {
		xb := x[256*i : 256*i+256]
		q := qs[256*i : 256*i+256]
		bs := bsums[16*i : 16*i+16]
		mx, amax := signedAbsMax(xb)
		if amax == 0 || math.IsNaN(float64(amax)) {
			d[i] = 0
			clear(q)
			clear(bs)
			continue
		}
		iscale := -127 / mx
		for j, v := range xb {
			q[j] = int8(min(127, nearestIntMul(iscale, v)))
		}
		blockSums(q, bs)
		d[i] = 1 / iscale
	}
}

// roundHalfAway is C's roundf for |x| < 2^30, without a call: in float64
// x ± 0.5 is exact, so truncating it rounds halves away from zero.
func roundHalfAway(x float32) int32 {
	if x < 0 {
		return int32(float64(x) - 0.5)
	}
	return int32(float64(x) + 0.5)
}

// blockSums sets bs[j] to the sum of q[16*j:16*j+16].
func blockSums(q []int8, bs []int16) {
	for j := range bs {
		sum := 0
		for _, v := range q[16*j : 16*j+16] {
			sum += int(v)
		}
		bs[j] = int16(sum)
	}
}
