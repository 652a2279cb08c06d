package vectorstore

import (
	"math"
	"math/rand/v2"
	"slices"
	"sync"
	"sync/atomic"
)

// vectorSet stores vectors of one dimension back to back in one []float32, so
// that node i's vector is data[i*dim:(i+1)*dim] and a scan touches memory in
// order. Distances are "lower is nearer": the negated dot product for Cosine
// (vectors are normalised when stored, so it is the negated cosine) and Dot,
// the squared Euclidean distance for Euclid.
type vectorSet struct {
	dim     int
	euclid  bool
	l1      bool // Manhattan: the L1 distance (never quantized)
	noQuant bool
	data    []float32

	quant bool      // step is trained and codes are kept
	step  []float32 // per dimension
	codes []int8    // node i's codes are codes[i*dim:(i+1)*dim]
	qnorm []float32 // Euclid: squared norm of each decoded vector
}

func (v *vectorSet) len() int { return len(v.data) / v.dim }

func (v *vectorSet) at(i uint32) []float32 {
	o := int(i) * v.dim
	return v.data[o : o+v.dim : o+v.dim]
}

func (v *vectorSet) dist(q []float32, i uint32) float32 {
	if v.euclid {
		return sqL2(q, v.at(i))
	}
	if v.l1 {
		return l1(q, v.at(i))
	}
	return -dot(q, v.at(i))
}

// newVectorSet returns an empty set for vectors of dimension dim compared
// by d.
func newVectorSet(dim int, d Distance, noQuant bool) *vectorSet {
	return &vectorSet{dim: dim, euclid: d == Euclid, l1: d == Manhattan, noQuant: noQuant || d == Manhattan}
}

func (v *vectorSet) distNodes(i, j uint32) float32 { return v.dist(v.at(i), j) }

// SQ8 scalar quantization. Once a set of large vectors holds quantMin of
// them it learns a per-dimension step (the largest magnitude seen in that
// dimension / 127) and keeps an int8 code per component beside the float32
// data; later vectors are encoded with the same steps, clipping outliers.
// Graph walks compute distances from the codes, a quarter of the memory
// traffic, as the query (pre-multiplied by the steps and rounded to int16)
// times the codes; results are then re-ranked with the exact float32
// distance.
const (
	quantMin    = 1024
	quantMinDim = 64
)

// encodePending trains the quantizer when due and encodes every vector that
// has no code yet. Only the writer calls it, before inserting new nodes.
func (v *vectorSet) encodePending() {
	n := v.len()
	if !v.quant {
		if v.noQuant || v.dim < quantMinDim || n < quantMin {
			return
		}
		v.step = make([]float32, v.dim)
		for i := range n {
			for d, x := range v.at(uint32(i)) {
				v.step[d] = max(v.step[d], float32(math.Abs(float64(x))))
			}
		}
		for d := range v.step {
			if v.step[d] == 0 {
				v.step[d] = 1
			}
			v.step[d] /= 127
		}
		v.quant = true
	}
	v.codes = slices.Grow(v.codes, n*v.dim-len(v.codes))
	for i := len(v.codes) / v.dim; i < n; i++ {
		var norm float32
		for d, x := range v.at(uint32(i)) {
			q := math.Round(float64(x / v.step[d]))
			q = max(-127, min(127, q))
			v.codes = append(v.codes, int8(q))
			y := float32(q) * v.step[d]
			norm += y * y
		}
		if v.euclid {
			v.qnorm = append(v.qnorm, norm)
		}
	}
}

// withQuantizer returns an empty set with v's configuration and trained
// steps, for rebuilding.
func (v *vectorSet) withQuantizer() *vectorSet {
	return &vectorSet{dim: v.dim, euclid: v.euclid, l1: v.l1, noQuant: v.noQuant, quant: v.quant, step: v.step}
}

// query is a search vector prepared for both distance paths.
type query struct {
	vec    []float32 // exact (normalised for Cosine)
	scaled []float32 // vec ⊙ step, when the set is quantized
	q16    []int16   // scaled × scale, rounded
	scale  float32
	norm2  float32 // |vec|², for Euclid
}

// prepare fills q for vec, reusing q's buffers. vec is kept, not copied.
func (v *vectorSet) prepare(q *query, vec []float32) {
	q.vec = vec
	if !v.quant {
		return
	}
	q.scaled = q.scaled[:0]
	var n, mx float32
	for d, x := range vec {
		y := x * v.step[d]
		q.scaled = append(q.scaled, y)
		mx = max(mx, float32(math.Abs(float64(y))))
		n += x * x
	}
	q.norm2 = n
	// The walk multiplies int16 query values with the int8 codes in
	// integer lanes, twice the work per instruction of the float path.
	q.scale = 1
	if mx > 0 {
		q.scale = 32767 / mx
	}
	q.q16 = q.q16[:0]
	for _, y := range q.scaled {
		q.q16 = append(q.q16, int16(math.Round(float64(y*q.scale))))
	}
}

// prefetch starts loading what approx(q, i) will read.
func (v *vectorSet) prefetch(i uint32) {
	if v.quant {
		o := int(i) * v.dim
		prefetch(v.codes[o : o+v.dim])
	}
}

// prefetchVec starts loading node i's float32 vector.
func (v *vectorSet) prefetchVec(i uint32) {
	o := int(i) * v.dim
	prefetchF32(v.data[o : o+v.dim])
}

// approx is the distance the graph walk uses: from the codes when the set is
// quantized, else exact.
func (v *vectorSet) approx(q *query, i uint32) float32 {
	if !v.quant {
		return v.dist(q.vec, i)
	}
	o := int(i) * v.dim
	d := float32(dotI16I8(q.q16, v.codes[o:o+v.dim:o+v.dim])) / q.scale
	if v.euclid {
		return q.norm2 - 2*d + v.qnorm[i]
	}
	return -d
}

// rerank replaces the approximate distances in items with exact ones and
// sorts them nearest first; a no-op for an unquantized set.
func (v *vectorSet) rerank(q []float32, items []distItem) {
	if !v.quant {
		return
	}
	for _, it := range items {
		v.prefetchVec(it.id)
	}
	for j := range items {
		items[j].d = v.dist(q, items[j].id)
	}
	sortByDist(items)
}

// rerankCount is how many of the best approximate candidates a search
// re-ranks exactly when it wants k results: the SQ8 order is close enough
// that the true top k lie well within the first 3k.
func rerankCount(k int) int { return max(3*k, 32) }

// hnswGraph is a Hierarchical Navigable Small World graph (Malkov and
// Yashunin, 2016) over the vectors of a vectorSet; node i is vector i.
//
// Layer 0 links live in one flat slice (m0 slots per node plus a count), so
// the hot loop of a search reads neighbours without chasing pointers; the few
// nodes above layer 0 keep their upper links in a per-node slice laid out as
// (count, m ids) per level.
//
// The owning collection's mu guards the graph: insertBatch needs the write
// lock; search runs under the read lock, any number at once, each with its
// own searchCtx from the pool. Inside one insertBatch, worker goroutines
// coordinate through the per-node locks and entryMu below.
type hnswGraph struct {
	vecs   *vectorSet
	m, m0  int
	efC    int
	mult   float64
	levels []uint8
	links0 []uint32
	cnt0   []uint16
	upper  [][]uint32
	entry  uint32
	top    int // level of entry; -1 when the graph is empty
	rng    *rand.Rand
	pool   sync.Pool // *searchCtx

	// Concurrent batch insert (insertBatch): locked is set while workers
	// run; locks[i] guards node i's links then, and entryMu guards entry
	// and top.
	locked  bool
	locks   []sync.Mutex
	entryMu sync.Mutex
}

func newHNSW(vecs *vectorSet, cfg HNSWConfig) *hnswGraph {
	g := &hnswGraph{
		vecs: vecs,
		m:    cfg.M,
		m0:   2 * cfg.M,
		efC:  cfg.EfConstruction,
		mult: 1 / math.Log(float64(cfg.M)),
		top:  -1,
		rng:  rand.New(rand.NewPCG(cfg.Seed, 0x9e3779b97f4a7c15)),
	}
	g.pool.New = func() any { return new(searchCtx) }
	return g
}

// searchCtx is the per-search scratch space: a generation-stamped visited set
// and the heaps. It is reused through hnswGraph.pool, so a search in steady
// state allocates nothing.
type searchCtx struct {
	marks []uint32
	gen   uint32
	cand  minHeap
	res   maxHeap
	out   []distItem
	tmp   []distItem // entry points
	sel   []distItem // neighbours chosen for the node being inserted
	prune []distItem // addLink: candidates
	kept  []distItem // addLink: survivors
	qbuf  []float32  // the normalised query
	nb    []uint32   // copy of a link list during concurrent inserts
	q     query      // the prepared query
	fresh []uint32   // unvisited neighbours of the node being expanded
}

func (c *searchCtx) reset(n int) {
	if len(c.marks) < n {
		c.marks = make([]uint32, n+n/4+64)
		c.gen = 0
	}
	c.gen++
	if c.gen == 0 { // wrapped: clear stale stamps
		clear(c.marks)
		c.gen = 1
	}
	c.cand = c.cand[:0]
	c.res = c.res[:0]
}

// visit marks i visited and reports whether it was already.
func (c *searchCtx) visit(i uint32) bool {
	if c.marks[i] == c.gen {
		return true
	}
	c.marks[i] = c.gen
	return false
}

func (g *hnswGraph) getCtx() *searchCtx  { return g.pool.Get().(*searchCtx) }
func (g *hnswGraph) putCtx(c *searchCtx) { g.pool.Put(c) }

func (g *hnswGraph) size() int { return len(g.levels) }

// neighbors returns node i's links at level l. The slice aliases the graph.
func (g *hnswGraph) neighbors(i uint32, l int) []uint32 {
	if l == 0 {
		o := int(i) * g.m0
		return g.links0[o : o+int(g.cnt0[i])]
	}
	u := g.upper[i]
	o := (l - 1) * (g.m + 1)
	return u[o+1 : o+1+int(u[o])]
}

func (g *hnswGraph) setNeighbors(i uint32, l int, ns []distItem) {
	if l == 0 {
		o := int(i) * g.m0
		for j, n := range ns {
			g.links0[o+j] = n.id
		}
		g.cnt0[i] = uint16(len(ns))
		return
	}
	u := g.upper[i]
	o := (l - 1) * (g.m + 1)
	u[o] = uint32(len(ns))
	for j, n := range ns {
		u[o+1+j] = n.id
	}
}

func (g *hnswGraph) maxLinks(l int) int {
	if l == 0 {
		return g.m0
	}
	return g.m
}

func (g *hnswGraph) randomLevel() int {
	u := 1 - g.rng.Float64() // (0, 1]
	l := int(-math.Log(u) * g.mult)
	return min(l, 32)
}

// acceptor decides which nodes may be returned by a layer-0 search; nodes it
// rejects (tombstones, filtered out) are still walked through. A nil
// *acceptor accepts every node.
type acceptor struct {
	deleted []bool
	filter  *cfilter
	ids     []PointID
	payload *payloadSet
	// owner, for the graph of a named vector, maps its nodes to the
	// collection's slots; nil for the unnamed vector's graph.
	owner []uint32
}

func (a *acceptor) ok(i uint32) bool {
	if a == nil {
		return true
	}
	if a.owner != nil {
		i = a.owner[i]
	}
	if a.deleted[i] {
		return false
	}
	return a.filter == nil || a.filter.matches(a.ids[i], a.payload.at(i))
}

// greedyC walks level l from (cur, curD) to a local minimum of the
// distance to q.
func (g *hnswGraph) greedyC(c *searchCtx, q *query, cur uint32, curD float32, l int) (uint32, float32) {
	for changed := true; changed; {
		changed = false
		for _, n := range g.nbrs(c, cur, l) {
			if d := g.vecs.approx(q, n); d < curD {
				cur, curD, changed = n, d, true
			}
		}
	}
	return cur, curD
}

// searchLayer runs the beam search of width ef on level l from the entry
// points eps and leaves the up to ef nearest accepted nodes in c.out, nearest
// first.
func (g *hnswGraph) searchLayer(c *searchCtx, q *query, eps []distItem, ef, l int, acc *acceptor) {
	c.reset(g.size())
	bound := float32(math.Inf(1))
	for _, e := range eps {
		if c.visit(e.id) {
			continue
		}
		c.cand.push(e)
		if acc.ok(e.id) {
			c.res.pushBounded(e, ef)
		}
	}
	if len(c.res) == ef {
		bound = c.res[0].d
	}
	for len(c.cand) > 0 {
		cur := c.cand.pop()
		if cur.d > bound {
			break
		}
		// Collect the unvisited neighbours first and prefetch their codes
		// all at once: the loads then overlap instead of each distance
		// waiting for memory in turn.
		fresh := c.fresh[:0]
		for _, n := range g.nbrs(c, cur.id, l) {
			if !c.visit(n) {
				fresh = append(fresh, n)
			}
		}
		c.fresh = fresh
		for _, n := range fresh {
			g.vecs.prefetch(n)
		}
		for _, n := range fresh {
			d := g.vecs.approx(q, n)
			if d >= bound {
				continue
			}
			c.cand.push(distItem{d, n})
			if acc.ok(n) {
				c.res.pushBounded(distItem{d, n}, ef)
				if len(c.res) == ef {
					bound = c.res[0].d
				}
			}
		}
	}
	c.out = c.res.drainSorted(c.out[:0])
}

// insertBatch links nodes first..first+n-1 (vectors already in g.vecs) with
// up to workers goroutines. Concurrent inserts follow hnswlib: every node's
// link lists are read and written under that node's lock in g.locks, and
// entryMu guards the entry point. Searches must not run meanwhile (the
// caller holds the collection's write lock); with one worker no lock is
// taken and the build is reproducible from HNSWConfig.Seed.
func (g *hnswGraph) insertBatch(first, n uint32, workers int) {
	g.insertBatchSkip(first, n, workers, nil)
}

// insertBatchSkip is insertBatch leaving the nodes i with skip[i] set
// unlinked (level 0, no links, never the entry point): a search never
// reaches them. A collection's points without the unnamed vector keep
// such a node so that nodes stay slot-aligned. skip is nil or covers the
// batch.
func (g *hnswGraph) insertBatchSkip(first, n uint32, workers int, skip []bool) {
	if uint32(g.size()) != first {
		panic("vectorstore: hnsw nodes inserted out of order")
	}
	g.levels = slices.Grow(g.levels, int(n))
	g.links0 = slices.Grow(g.links0, int(n)*g.m0)
	g.cnt0 = slices.Grow(g.cnt0, int(n))
	g.upper = slices.Grow(g.upper, int(n))
	for i := first; i < first+n; i++ {
		level := g.randomLevel()
		if skip != nil && skip[i] {
			level = 0
		}
		g.levels = append(g.levels, uint8(level))
		g.links0 = append(g.links0, make([]uint32, g.m0)...)
		g.cnt0 = append(g.cnt0, 0)
		var up []uint32
		if level > 0 {
			up = make([]uint32, level*(g.m+1))
		}
		g.upper = append(g.upper, up)
	}
	start := first
	skipped := func(i uint32) bool { return skip != nil && skip[i] }
	for start < first+n && skipped(start) {
		start++
	}
	if g.top < 0 && start < first+n { // the first node becomes the entry point
		g.link(nil, start)
		start++
	}
	if workers <= 1 || n < 32 {
		c := g.getCtx()
		for i := start; i < first+n; i++ {
			if !skipped(i) {
				g.link(c, i)
			}
		}
		g.putCtx(c)
		return
	}
	if len(g.locks) < g.size() {
		g.locks = make([]sync.Mutex, g.size()+g.size()/2)
	}
	g.locked = true
	var next atomic.Uint32
	next.Store(start)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := g.getCtx()
			defer g.putCtx(c)
			for {
				i := next.Add(1) - 1
				if i >= first+n {
					return
				}
				if !skipped(i) {
					g.link(c, i)
				}
			}
		}()
	}
	wg.Wait()
	g.locked = false
}

// lockNode and unlockNode guard node i's link lists during a concurrent
// batch insert; they do nothing otherwise.
func (g *hnswGraph) lockNode(i uint32) {
	if g.locked {
		g.locks[i].Lock()
	}
}

func (g *hnswGraph) unlockNode(i uint32) {
	if g.locked {
		g.locks[i].Unlock()
	}
}

// nbrs returns node i's links at level l: the graph's own slice when no
// insert runs concurrently, else a copy taken under the node's lock.
func (g *hnswGraph) nbrs(c *searchCtx, i uint32, l int) []uint32 {
	if !g.locked {
		return g.neighbors(i, l)
	}
	g.locks[i].Lock()
	c.nb = append(c.nb[:0], g.neighbors(i, l)...)
	g.locks[i].Unlock()
	return c.nb
}

// link connects the already allocated node i (the HNSW insert algorithm).
func (g *hnswGraph) link(c *searchCtx, i uint32) {
	level := int(g.levels[i])
	if g.locked {
		g.entryMu.Lock()
	}
	entry, top := g.entry, g.top
	if top < 0 {
		g.entry, g.top = i, level
		if g.locked {
			g.entryMu.Unlock()
		}
		return
	}
	// A node that will become the new entry point keeps entryMu for its
	// whole insert, so no other node is linked against a half-built top.
	holdEntry := g.locked && level > top
	if g.locked && !holdEntry {
		g.entryMu.Unlock()
	}
	q := &c.q
	g.vecs.prepare(q, g.vecs.at(i))
	cur := entry
	curD := g.vecs.approx(q, cur)
	for l := top; l > level; l-- {
		cur, curD = g.greedyC(c, q, cur, curD, l)
	}
	eps := append(c.tmp[:0], distItem{curD, cur})
	for l := min(level, top); l >= 0; l-- {
		g.searchLayer(c, q, eps, g.efC, l, nil)
		g.vecs.rerank(q.vec, c.out)
		sel := g.selectNeighbors(c.sel[:0], c.out, g.maxLinks(l))
		c.sel = sel
		g.lockNode(i)
		if existing := g.neighbors(i, l); len(existing) > 0 {
			// Concurrent inserts already linked to i on this level
			// (they found it on a level above): merge rather than
			// overwrite, or those links would be lost.
			kept := g.mergeLinks(c, i, sel, existing, g.maxLinks(l))
			sel = append(c.sel[:0], kept...) // addLink reuses c.kept
			c.sel = sel
		}
		g.setNeighbors(i, l, sel)
		g.unlockNode(i)
		for _, n := range sel {
			g.addLink(c, n.id, i, n.d, l)
		}
		eps = append(eps[:0], c.out...)
	}
	c.tmp = eps
	if level > top {
		if !g.locked {
			g.entry, g.top = i, level
		} else {
			g.entry, g.top = i, level
			g.entryMu.Unlock()
		}
	}
}

// mergeLinks returns the heuristic's choice among sel and node i's existing
// links (at most m). It uses c.prune and c.kept as scratch space.
func (g *hnswGraph) mergeLinks(c *searchCtx, i uint32, sel []distItem, existing []uint32, m int) []distItem {
	cands := append(c.prune[:0], sel...)
	for _, n := range existing {
		if !slices.ContainsFunc(sel, func(x distItem) bool { return x.id == n }) {
			cands = append(cands, distItem{g.vecs.distNodes(i, n), n})
		}
	}
	sortByDist(cands)
	kept := g.selectNeighbors(c.kept[:0], cands, m)
	c.prune, c.kept = cands, kept
	return kept
}

func sortByDist(s []distItem) {
	slices.SortFunc(s, func(a, b distItem) int {
		switch {
		case a.d < b.d:
			return -1
		case a.d > b.d:
			return 1
		}
		return 0
	})
}

// selectNeighbors applies the HNSW heuristic to candidates sorted nearest
// first: a candidate is kept only if it is nearer to the base than to every
// neighbour already kept, which spreads links in different directions. It
// appends at most m items to dst.
func (g *hnswGraph) selectNeighbors(dst, cands []distItem, m int) []distItem {
	if len(cands) <= m {
		// Few candidates: keep all, the heuristic could only drop links.
		return append(dst, cands...)
	}
	start := len(dst)
	for j, c := range cands {
		if j+1 < len(cands) {
			g.vecs.prefetchVec(cands[j+1].id)
		}
		good := true
		for _, s := range dst[start:] {
			if g.vecs.distNodes(c.id, s.id) < c.d {
				good = false
				break
			}
		}
		if good {
			dst = append(dst, c)
			if len(dst)-start == m {
				break
			}
		}
	}
	return dst
}

// addLink adds the link from -> to (at distance d) on level l, pruning from's
// list with the heuristic when it is full.
func (g *hnswGraph) addLink(c *searchCtx, from, to uint32, d float32, l int) {
	g.lockNode(from)
	defer g.unlockNode(from)
	ns := g.neighbors(from, l)
	if slices.Contains(ns, to) {
		return
	}
	mx := g.maxLinks(l)
	if len(ns) < mx {
		if l == 0 {
			g.links0[int(from)*g.m0+len(ns)] = to
			g.cnt0[from]++
		} else {
			u := g.upper[from]
			o := (l - 1) * (g.m + 1)
			u[o+1+len(ns)] = to
			u[o]++
		}
		return
	}
	for _, n := range ns {
		g.vecs.prefetchVec(n)
	}
	cands := append(c.prune[:0], distItem{d, to})
	for _, n := range ns {
		cands = append(cands, distItem{g.vecs.distNodes(from, n), n})
	}
	sortByDist(cands)
	kept := g.selectNeighbors(c.kept[:0], cands, mx)
	g.setNeighbors(from, l, kept)
	c.prune, c.kept = cands, kept
}

// search returns, in c.out, the k nearest accepted nodes to q (nearest
// first), exploring with beam width max(ef, k).
func (g *hnswGraph) search(c *searchCtx, vec []float32, k, ef int, acc *acceptor) {
	c.out = c.out[:0]
	if g.top < 0 || k <= 0 {
		return
	}
	q := &c.q
	g.vecs.prepare(q, vec)
	cur := g.entry
	curD := g.vecs.approx(q, cur)
	for l := g.top; l > 0; l-- {
		cur, curD = g.greedyC(c, q, cur, curD, l)
	}
	eps := append(c.tmp[:0], distItem{curD, cur})
	c.tmp = eps
	g.searchLayer(c, q, eps, max(ef, k), 0, acc)
	if g.vecs.quant && len(c.out) > rerankCount(k) {
		c.out = c.out[:rerankCount(k)]
	}
	g.vecs.rerank(vec, c.out)
	if len(c.out) > k {
		c.out = c.out[:k]
	}
}

// appendUnlinked adds n nodes at level 0 without links and without making
// any of them the entry point: the graph of a collection that has no
// unnamed vector (Dim 0) keeps one node per slot, so that its slot
// numbering and the checkpoint format stay those of every collection, but
// is never searched.
func (g *hnswGraph) appendUnlinked(n uint32) {
	g.levels = append(g.levels, make([]uint8, n)...)
	g.links0 = append(g.links0, make([]uint32, int(n)*g.m0)...)
	g.cnt0 = append(g.cnt0, make([]uint16, n)...)
	g.upper = append(g.upper, make([][]uint32, n)...)
}
