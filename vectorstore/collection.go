package vectorstore

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"math"
	"runtime"
	"slices"
	"sync"
)

// collection is one named set of points with its vectors, payloads and index.
//
// Locking: the Store's writeMu makes the store's single writer; only that
// writer mutates a collection, so it may read the fields below without mu.
// mu guards vecs, ids, payloads, deleted, dead, byID and graph against
// concurrent readers: readers (Get, Scroll, Count, Search) hold mu.RLock for
// the whole request, and the writer holds mu.Lock only while it changes them.
// Methods whose names end in Locked need mu held (read or write as they say).
type collection struct {
	name string
	cfg  CollectionConfig // immutable

	mu       sync.RWMutex
	vecs     *vectorSet
	ids      []PointID   // slot -> id
	payloads *payloadSet // slot -> payload
	deleted  []bool      // slot -> tombstone
	dead     int         // number of tombstones
	byID     map[PointID]uint32
	graph    *hnswGraph

	// sortMu guards sorted, the live ids in order for Scroll, which readers
	// rebuild lazily; the writer clears it (under mu.Lock) on every change.
	// A built slice is never modified, so readers may keep using it.
	sortMu sync.Mutex
	sorted []PointID

	// deferCompact, set by the writer while it replays the WAL, holds
	// compaction back until the replay is done (see Store.recover).
	deferCompact bool

	// What the last checkpoint holds of this collection (writer only):
	// segs are its segment files, covering slots 0..persisted-1, and
	// dirtyFrom is the first of those slots whose payload changed since
	// (persisted when none did). See checkpoint.go.
	segs      []segmentRef
	persisted int
	dirtyFrom int
}

func newCollection(name string, cfg CollectionConfig) *collection {
	c := &collection{name: name, cfg: cfg}
	c.resetLocked()
	return c
}

func (c *collection) resetLocked() {
	c.vecs = &vectorSet{dim: c.cfg.Dim, euclid: c.cfg.Distance == Euclid, noQuant: c.cfg.HNSW.NoQuantization}
	c.ids = nil
	c.payloads = c.newPayloadSet()
	c.deleted = nil
	c.dead = 0
	c.byID = make(map[PointID]uint32)
	c.graph = newHNSW(c.vecs, c.cfg.HNSW)
	c.sorted = nil
	c.segs, c.persisted, c.dirtyFrom = nil, 0, 0
}

// newPayloadSet returns an empty payload set that reports payloads that
// fail to decode.
func (c *collection) newPayloadSet() *payloadSet {
	return &payloadSet{corrupt: func(s uint32, err error) {
		slog.Error("vectorstore: stored payload does not decode; the point reads without payload",
			"collection", c.name, "slot", s, "err", err)
	}}
}

// preparedPoint is a validated point ready to log and apply: its vector is
// normalised for Cosine and its payload is both canonical JSON bytes and the
// map decoded from them.
type preparedPoint struct {
	id          PointID
	vec         []float32
	payloadJSON []byte // nil when the point has no payload
	payload     map[string]any
}

// preparePoints validates pts against cfg and copies them into the form the
// store logs and keeps.
func preparePoints(cfg *CollectionConfig, pts []Point) ([]preparedPoint, error) {
	out := make([]preparedPoint, len(pts))
	for i := range pts {
		p := &pts[i]
		if len(p.Vector) != cfg.Dim {
			return nil, fmt.Errorf("%w: point %v has dimension %d, collection wants %d", ErrInvalid, p.ID, len(p.Vector), cfg.Dim)
		}
		vec := slices.Clone(p.Vector)
		for _, x := range vec {
			if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
				return nil, fmt.Errorf("%w: point %v has a non-finite vector component", ErrInvalid, p.ID)
			}
		}
		if cfg.Distance == Cosine {
			normalize(vec)
		}
		pp := preparedPoint{id: p.ID, vec: vec}
		if len(p.Payload) > 0 {
			b, err := json.Marshal(p.Payload)
			if err != nil {
				return nil, fmt.Errorf("%w: point %v payload: %v", ErrInvalid, p.ID, err)
			}
			if len(b) > maxPayloadSize {
				return nil, fmt.Errorf("%w: point %v payload is %d bytes, limit %d", ErrInvalid, p.ID, len(b), maxPayloadSize)
			}
			if err := json.Unmarshal(b, &pp.payload); err != nil {
				return nil, fmt.Errorf("%w: point %v payload: %v", ErrInvalid, p.ID, err)
			}
			pp.payloadJSON = b
		}
		out[i] = pp
	}
	return out, nil
}

// normalize scales v to unit length; a zero vector stays zero.
func normalize(v []float32) {
	var s float64
	for _, x := range v {
		s += float64(x) * float64(x)
	}
	if s == 0 {
		return
	}
	inv := float32(1 / math.Sqrt(s))
	for i := range v {
		v[i] *= inv
	}
}

// normalizeIfNeeded normalises v unless it is already of unit length up to
// float32 rounding, so that stored vectors read back from a snapshot stay
// bit-identical.
func normalizeIfNeeded(v []float32) {
	var s float64
	for _, x := range v {
		s += float64(x) * float64(x)
	}
	if math.Abs(s-1) > 1e-5 {
		normalize(v)
	}
}

// applyChunk bounds how many points the writer inserts per hold of mu, so
// that readers are not shut out for the whole of a large batch. Readers may
// therefore see part of a batch that is still being applied.
const applyChunk = 256

// upsert stores pts (already prepared). Caller is the store's writer.
func (c *collection) upsert(pts []preparedPoint) {
	workers := runtime.GOMAXPROCS(0)
	if len(pts) > applyChunk {
		// Size the arrays for the whole batch once, rather than letting
		// append double them (which can leave half the memory unused).
		c.mu.Lock()
		c.vecs.data = slices.Grow(c.vecs.data, len(pts)*c.cfg.Dim)
		c.ids = slices.Grow(c.ids, len(pts))
		c.payloads.grow(len(pts))
		c.deleted = slices.Grow(c.deleted, len(pts))
		c.mu.Unlock()
	}
	for len(pts) > 0 {
		n := min(len(pts), applyChunk)
		c.mu.Lock()
		first := uint32(len(c.ids))
		for i := range pts[:n] {
			c.upsertOneLocked(&pts[i])
		}
		c.vecs.encodePending()
		c.graph.insertBatch(first, uint32(len(c.ids))-first, workers)
		c.sorted = nil
		c.mu.Unlock()
		pts = pts[n:]
	}
	c.maybeCompact()
}

func (c *collection) upsertOneLocked(p *preparedPoint) {
	if s, ok := c.byID[p.id]; ok {
		if slices.Equal(c.vecs.at(s), p.vec) {
			c.payloads.set(s, p.payloadJSON)
			if int(s) < c.persisted {
				c.dirtyFrom = min(c.dirtyFrom, int(s))
			}
			return
		}
		c.deleted[s] = true
		c.dead++
	}
	s := uint32(len(c.ids))
	c.vecs.data = append(c.vecs.data, p.vec...)
	c.ids = append(c.ids, p.id)
	c.payloads.add(p.payloadJSON)
	c.deleted = append(c.deleted, false)
	c.byID[p.id] = s
}

// deleteIDs removes the given points; unknown ids are ignored. It returns
// how many were removed. Caller is the store's writer.
func (c *collection) deleteIDs(ids []PointID) int {
	n := 0
	c.mu.Lock()
	for _, id := range ids {
		if s, ok := c.byID[id]; ok {
			delete(c.byID, id)
			c.deleted[s] = true
			c.payloads.set(s, nil)
			c.dead++
			n++
		}
	}
	c.sorted = nil
	c.mu.Unlock()
	c.maybeCompact()
	return n
}

// liveLocked returns the number of live points. Needs mu (read).
func (c *collection) liveLocked() int { return len(c.ids) - c.dead }

// maybeCompact rebuilds the collection without its tombstones once they are
// a quarter of the slots. The rebuild runs without mu (readers keep using
// the old index) and swaps the result in under mu.Lock. Caller is the
// store's writer.
func (c *collection) maybeCompact() {
	if c.deferCompact || c.dead < 64 || c.dead*4 < len(c.ids) {
		return
	}
	c.compact()
}

func (c *collection) compact() {
	vecs := c.vecs.withQuantizer()
	live := len(c.ids) - c.dead
	vecs.data = make([]float32, 0, live*c.cfg.Dim)
	ids := make([]PointID, 0, live)
	payloads := c.newPayloadSet()
	payloads.grow(live)
	byID := make(map[PointID]uint32, live)
	g := newHNSW(vecs, c.cfg.HNSW)
	for s := range c.ids {
		if c.deleted[s] {
			continue
		}
		n := uint32(len(ids))
		vecs.data = append(vecs.data, c.vecs.at(uint32(s))...)
		ids = append(ids, c.ids[s])
		payloads.add(c.payloads.raw[s])
		byID[c.ids[s]] = n
	}
	vecs.encodePending()
	g.insertBatch(0, uint32(len(ids)), runtime.GOMAXPROCS(0))
	c.mu.Lock()
	c.vecs, c.ids, c.payloads, c.byID, c.graph = vecs, ids, payloads, byID, g
	c.deleted = make([]bool, len(ids))
	c.dead = 0
	c.sorted = nil
	c.segs, c.persisted, c.dirtyFrom = nil, 0, 0 // slots renumbered: the next checkpoint rewrites all
	c.mu.Unlock()
}

// matchingIDs returns the ids of live points that pass cf, in slot order.
// Caller is the store's writer (or holds mu).
func (c *collection) matchingIDs(cf *cfilter) []PointID {
	var out []PointID
	for s, id := range c.ids {
		if !c.deleted[s] && (cf == nil || cf.matches(id, c.payloads.at(uint32(s)))) {
			out = append(out, id)
		}
	}
	return out
}

// --- reads ---

// With selects what reads return besides ids.
type With struct {
	WithPayload bool `json:"with_payload"`
	WithVector  bool `json:"with_vector"`
}

func (c *collection) recordLocked(s uint32, w With) Record {
	r := Record{ID: c.ids[s]}
	if w.WithPayload {
		r.Payload = copyPayload(c.payloads.at(s))
	}
	if w.WithVector {
		r.Vector = slices.Clone(c.vecs.at(s))
	}
	return r
}

func (c *collection) get(ids []PointID, w With) []Record {
	c.mu.RLock()
	defer c.mu.RUnlock()
	out := make([]Record, 0, len(ids))
	seen := make(map[PointID]bool, len(ids))
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		if s, ok := c.byID[id]; ok {
			out = append(out, c.recordLocked(s, w))
		}
	}
	return out
}

func (c *collection) count(cf *cfilter) int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if cf == nil {
		return c.liveLocked()
	}
	n := 0
	for s, id := range c.ids {
		if !c.deleted[s] && cf.matches(id, c.payloads.at(uint32(s))) {
			n++
		}
	}
	return n
}

// sortedIDsLocked returns the live ids in ascending order. Needs mu (read).
func (c *collection) sortedIDsLocked() []PointID {
	c.sortMu.Lock()
	defer c.sortMu.Unlock()
	if c.sorted == nil {
		ids := make([]PointID, 0, c.liveLocked())
		for id := range c.byID {
			ids = append(ids, id)
		}
		slices.SortFunc(ids, PointID.Compare)
		c.sorted = ids
	}
	return c.sorted
}

// ScrollRequest pages through a collection in id order.
type ScrollRequest struct {
	// Offset is the first id to return (inclusive); nil starts at the
	// smallest id.
	Offset *PointID
	// Limit is the page size; 0 means 10.
	Limit  int
	Filter *Filter
	With
}

// ScrollResult is one page. NextOffset is the id to pass as Offset for the
// next page, or nil at the end.
type ScrollResult struct {
	Points     []Record `json:"points"`
	NextOffset *PointID `json:"next_page_offset"`
}

func (c *collection) scroll(req *ScrollRequest, cf *cfilter) ScrollResult {
	limit := req.Limit
	if limit <= 0 {
		limit = 10
	}
	c.mu.RLock()
	defer c.mu.RUnlock()
	ids := c.sortedIDsLocked()
	i := 0
	if req.Offset != nil {
		i, _ = slices.BinarySearchFunc(ids, *req.Offset, PointID.Compare)
	}
	res := ScrollResult{Points: []Record{}}
	for ; i < len(ids); i++ {
		s := c.byID[ids[i]]
		if cf != nil && !cf.matches(ids[i], c.payloads.at(s)) {
			continue
		}
		if len(res.Points) == limit {
			next := ids[i]
			res.NextOffset = &next
			break
		}
		res.Points = append(res.Points, c.recordLocked(s, req.With))
	}
	return res
}

// SearchRequest is a nearest-neighbour query.
type SearchRequest struct {
	// Vector is the query; its length must be the collection's dimension.
	Vector []float32
	// Limit is the number of results; 0 means 10.
	Limit int
	// Offset skips this many of the best results (for paging).
	Offset int
	// ScoreThreshold, when set, drops worse results: for Cosine and Dot
	// those scoring below it, for Euclid those farther than it.
	ScoreThreshold *float32
	Filter         *Filter
	With
	Params SearchParams
}

// SearchParams tunes one search, like Qdrant's search params.
type SearchParams struct {
	// HNSWEf overrides the collection's EfSearch for this query.
	HNSWEf int `json:"hnsw_ef,omitempty"`
	// Exact forces the brute-force scan (exact results).
	Exact bool `json:"exact,omitempty"`
}

func (c *collection) search(req *SearchRequest, cf *cfilter) ([]ScoredPoint, error) {
	if len(req.Vector) != c.cfg.Dim {
		return nil, fmt.Errorf("%w: query has dimension %d, collection %q wants %d", ErrInvalid, len(req.Vector), c.name, c.cfg.Dim)
	}
	limit := req.Limit
	if limit <= 0 {
		limit = 10
	}
	if req.Offset < 0 {
		return nil, fmt.Errorf("%w: negative offset", ErrInvalid)
	}
	k := limit + req.Offset
	c.mu.RLock()
	defer c.mu.RUnlock()
	g := c.graph
	ctx := g.getCtx()
	defer g.putCtx(ctx)
	qv := append(ctx.qbuf[:0], req.Vector...)
	ctx.qbuf = qv
	if c.cfg.Distance == Cosine {
		normalize(qv)
	}
	ef := c.cfg.HNSW.EfSearch
	if req.Params.HNSWEf > 0 {
		ef = req.Params.HNSWEf
	}
	if c.useExactLocked(req.Params.Exact, cf) {
		c.exactLocked(ctx, qv, k, cf)
	} else {
		g.search(ctx, qv, k, ef, &acceptor{deleted: c.deleted, filter: cf, ids: c.ids, payload: c.payloads})
	}
	hits := ctx.out
	if req.Offset >= len(hits) {
		return []ScoredPoint{}, nil
	}
	hits = hits[req.Offset:]
	out := make([]ScoredPoint, 0, len(hits))
	for _, h := range hits {
		score := c.score(h.d)
		if t := req.ScoreThreshold; t != nil {
			if c.cfg.Distance.HigherIsBetter() && score < *t || !c.cfg.Distance.HigherIsBetter() && score > *t {
				break
			}
		}
		sp := ScoredPoint{ID: c.ids[h.id], Score: score}
		if req.WithPayload {
			sp.Payload = copyPayload(c.payloads.at(h.id))
		}
		if req.WithVector {
			sp.Vector = slices.Clone(c.vecs.at(h.id))
		}
		out = append(out, sp)
	}
	return out, nil
}

func (c *collection) score(d float32) float32 {
	if c.cfg.Distance == Euclid {
		return float32(math.Sqrt(float64(max(d, 0))))
	}
	return -d
}

// useExactLocked decides between the brute-force scan and the index: exact
// when asked, when the collection is small, or when the filter is expected
// (from a sample of up to 256 points) to match few points, where a filtered
// graph walk would visit most of the graph anyway.
func (c *collection) useExactLocked(forced bool, cf *cfilter) bool {
	th := c.cfg.HNSW.FullScanThreshold
	if forced {
		return true
	}
	if th < 0 {
		return false
	}
	live := c.liveLocked()
	if live <= th {
		return true
	}
	if cf == nil {
		return false
	}
	n := len(c.ids)
	step := max(1, n/256)
	sampled, matched := 0, 0
	for s := 0; s < n; s += step {
		if c.deleted[s] {
			continue
		}
		sampled++
		if cf.matches(c.ids[s], c.payloads.at(uint32(s))) {
			matched++
		}
	}
	if sampled == 0 {
		return true
	}
	return float64(matched)/float64(sampled)*float64(live) <= float64(th)
}

// exactLocked leaves the k nearest live points passing cf in ctx.out,
// nearest first, by scanning every vector. Needs mu (read).
func (c *collection) exactLocked(ctx *searchCtx, q []float32, k int, cf *cfilter) {
	ctx.res = ctx.res[:0]
	n := len(c.ids)
	for s := range n {
		if c.deleted[s] {
			continue
		}
		if cf != nil && !cf.matches(c.ids[s], c.payloads.at(uint32(s))) {
			continue
		}
		ctx.res.pushBounded(distItem{c.vecs.dist(q, uint32(s)), uint32(s)}, k)
	}
	ctx.out = ctx.res.drainSorted(ctx.out[:0])
}

// copyPayload deep-copies a payload decoded from JSON so that callers can
// modify what they get without touching the store.
func copyPayload(p map[string]any) map[string]any {
	if p == nil {
		return nil
	}
	out := make(map[string]any, len(p))
	for k, v := range p {
		out[k] = copyJSON(v)
	}
	return out
}

func copyJSON(v any) any {
	switch x := v.(type) {
	case map[string]any:
		return copyPayload(x)
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = copyJSON(e)
		}
		return out
	}
	return v
}
