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
	cfg  CollectionConfig // changed only by setConfig, under mu

	// indexes are the payload indexes by field (payloadindex.go).
	indexes map[string]*payloadIndex

	mu       sync.RWMutex
	vecs     *vectorSet
	ids      []PointID   // slot -> id
	payloads *payloadSet // slot -> payload
	deleted  []bool      // slot -> tombstone
	dead     int         // number of tombstones
	byID     map[PointID]uint32
	graph    *hnswGraph // over vecs; nodes unlinked when Dim is 0

	// noVec marks the slots whose point has no unnamed vector (their
	// vecs entry is zeros and their graph node unlinked); nil until the
	// first such point, then slot-aligned. Dim 0 collections leave it nil.
	noVec []bool
	// versions holds each slot's version: the WAL seq of the write that
	// last set the point (Qdrant's point version).
	versions []uint64

	// dense and sparse are the named vectors (named.go, sparse.go),
	// sorted by name, slot-aligned with ids through their nodeOf/vecs.
	dense  []*denseSpace
	sparse []*sparseSpace

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
	c.vecs = newVectorSet(c.cfg.Dim, c.cfg.Distance, c.cfg.HNSW.NoQuantization)
	c.ids = nil
	c.payloads = c.newPayloadSet()
	c.deleted = nil
	c.dead = 0
	c.byID = make(map[PointID]uint32)
	c.noVec, c.versions = nil, nil
	c.graph = newHNSW(c.vecs, c.cfg.HNSW)
	c.dense, c.sparse = namedSpaces(&c.cfg)
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
	version     uint64    // the seq of the WAL record that carries it
	vec         []float32 // the unnamed vector (empty when Dim is 0 or the point has none)
	payloadJSON []byte    // nil when the point has no payload
	payload     map[string]any
	named       map[string][]float32    // named dense vectors, if any
	sparse      map[string]SparseVector // named sparse vectors, sorted
}

// preparePoints validates pts against cfg and copies them into the form the
// store logs and keeps.
func preparePoints(cfg *CollectionConfig, pts []Point) ([]preparedPoint, error) {
	out := make([]preparedPoint, len(pts))
	for i := range pts {
		p := &pts[i]
		if cfg.Dim == 0 && len(p.Vector) > 0 {
			return nil, fmt.Errorf("%w: point %v has an unnamed vector, but the collection has only named vectors", ErrInvalid, p.ID)
		}
		if len(p.Vector) != cfg.Dim && len(p.Vector) > 0 {
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
		if err := prepareNamed(cfg, p, &pp); err != nil {
			return nil, err
		}
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
		c.versions = slices.Grow(c.versions, len(pts))
		c.mu.Unlock()
	}
	for len(pts) > 0 {
		n := min(len(pts), applyChunk)
		c.mu.Lock()
		first := uint32(len(c.ids))
		for i := range pts[:n] {
			c.upsertOneLocked(&pts[i])
		}
		if c.cfg.Dim > 0 {
			c.vecs.encodePending()
			c.graph.insertBatchSkip(first, uint32(len(c.ids))-first, workers, c.noVec)
		} else {
			c.graph.appendUnlinked(uint32(len(c.ids)) - first)
		}
		c.indexNamedLocked(workers)
		c.sorted = nil
		c.mu.Unlock()
		pts = pts[n:]
	}
	c.maybeCompact()
}

// hasVecLocked reports whether slot s has the unnamed vector. Needs mu
// (read) or the writer.
func (c *collection) hasVecLocked(s uint32) bool {
	return c.cfg.Dim > 0 && (c.noVec == nil || !c.noVec[s])
}

// sameVecLocked reports whether p's unnamed vector equals slot s's.
func (c *collection) sameVecLocked(s uint32, p *preparedPoint) bool {
	if !c.hasVecLocked(s) {
		return len(p.vec) == 0
	}
	return slices.Equal(c.vecs.at(s), p.vec)
}

func (c *collection) upsertOneLocked(p *preparedPoint) {
	if s, ok := c.byID[p.id]; ok {
		if c.sameVecLocked(s, p) && (len(c.dense)+len(c.sparse) == 0 || c.sameNamedLocked(s, p)) {
			c.payloads.set(s, p.payloadJSON)
			c.versions[s] = p.version
			c.indexSlotLocked(s, p.payload)
			if int(s) < c.persisted {
				c.dirtyFrom = min(c.dirtyFrom, int(s))
			}
			return
		}
		c.deleted[s] = true
		c.killNamedLocked(s)
		c.dead++
	}
	s := uint32(len(c.ids))
	if len(p.vec) == 0 && c.cfg.Dim > 0 {
		if c.noVec == nil {
			c.noVec = make([]bool, s, cap(c.ids))
		}
		c.noVec = append(c.noVec, true)
		c.vecs.data = append(c.vecs.data, make([]float32, c.cfg.Dim)...)
	} else {
		if c.noVec != nil {
			c.noVec = append(c.noVec, false)
		}
		c.vecs.data = append(c.vecs.data, p.vec...)
	}
	c.versions = append(c.versions, p.version)
	c.ids = append(c.ids, p.id)
	c.payloads.add(p.payloadJSON)
	c.deleted = append(c.deleted, false)
	c.byID[p.id] = s
	c.appendNamedLocked(s, p)
	c.indexSlotLocked(s, p.payload)
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
			c.killNamedLocked(s)
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
	versions := make([]uint64, 0, live)
	var noVec []bool
	if c.noVec != nil {
		noVec = make([]bool, 0, live)
	}
	g := newHNSW(vecs, c.cfg.HNSW)
	keep := make([]int32, len(c.ids))
	for s := range c.ids {
		if c.deleted[s] {
			keep[s] = -1
			continue
		}
		n := uint32(len(ids))
		keep[s] = int32(n)
		vecs.data = append(vecs.data, c.vecs.at(uint32(s))...)
		ids = append(ids, c.ids[s])
		payloads.add(c.payloads.raw[s])
		versions = append(versions, c.versions[s])
		if noVec != nil {
			noVec = append(noVec, c.noVec[s])
		}
		byID[c.ids[s]] = n
	}
	if c.cfg.Dim > 0 {
		vecs.encodePending()
		g.insertBatchSkip(0, uint32(len(ids)), runtime.GOMAXPROCS(0), noVec)
	} else {
		g.appendUnlinked(uint32(len(ids)))
	}
	dense, sparse := c.rebuildNamed(keep, len(ids))
	indexes := c.rebuildIndexes(payloads)
	c.mu.Lock()
	c.indexes = indexes
	c.vecs, c.ids, c.payloads, c.byID, c.graph = vecs, ids, payloads, byID, g
	c.versions, c.noVec = versions, noVec
	c.dense, c.sparse = dense, sparse
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
	c.bindFilterLocked(cf)
	if cands, ok := c.indexCandidatesLocked(cf); ok {
		for _, s := range cands {
			if !c.deleted[s] && cf.matches(c.ids[s], c.payloads.at(s)) {
				out = append(out, c.ids[s])
			}
		}
		return out
	}
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
	// VectorNames, with WithVector, selects which vectors to return: ""
	// is the unnamed one, other names the named dense or sparse ones; nil
	// returns all.
	VectorNames []string `json:"vector_names,omitempty"`
}

func (c *collection) recordLocked(s uint32, w With) Record {
	r := Record{ID: c.ids[s], Version: c.versions[s]}
	if w.WithPayload {
		r.Payload = copyPayload(c.payloads.at(s))
	}
	if w.WithVector {
		r.Vector, r.Vectors, r.Sparse, r.MultiVectors = c.vectorsLocked(s, w.VectorNames)
	}
	return r
}

// vectorsLocked returns copies of slot s's vectors selected by names (nil:
// all). Needs mu (read).
func (c *collection) vectorsLocked(s uint32, names []string) ([]float32, map[string][]float32, map[string]SparseVector, map[string][][]float32) {
	var v []float32
	if c.hasVecLocked(s) && (names == nil || slices.Contains(names, "")) {
		v = slices.Clone(c.vecs.at(s))
	}
	if len(c.dense)+len(c.sparse) == 0 {
		return v, nil, nil, nil
	}
	d, sp, m := c.namedOfLocked(s, names)
	return v, d, sp, m
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
	c.bindFilterLocked(cf)
	n := 0
	if cands, ok := c.indexCandidatesLocked(cf); ok {
		for _, s := range cands {
			if !c.deleted[s] && cf.matches(c.ids[s], c.payloads.at(s)) {
				n++
			}
		}
		return n
	}
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
	c.bindFilterLocked(cf)
	ids := c.sortedIDsLocked()
	if cands, ok := c.indexCandidatesLocked(cf); ok {
		// Only the index's candidates can match: page through them.
		ids = make([]PointID, 0, len(cands))
		for _, s := range cands {
			if !c.deleted[s] {
				ids = append(ids, c.ids[s])
			}
		}
		slices.SortFunc(ids, PointID.Compare)
	}
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
	// Vector is the query; its length must be the dimension of the vector
	// searched.
	Vector []float32
	// Using names the dense vector to search; "" is the unnamed one.
	Using string
	// Limit is the number of results; 0 means 10.
	Limit int
	// Offset skips this many of the best results (for paging).
	Offset int
	// ScoreThreshold, when set, drops worse results: for Cosine and Dot
	// those scoring below it, for Euclid and Manhattan those farther than
	// it.
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
	// IDF, for a sparse vector with the idf modifier, chooses the points
	// whose statistics weigh the query's dimensions.
	IDF *IDFParams `json:"idf,omitempty"`
}

// IDFParams is Qdrant's per-query idf parameter: the statistics of the
// whole collection (Corpus nil, "global" in JSON) or of the points
// passing Corpus ({"corpus": filter}), whatever the query's own filter.
// An empty corpus weighs every dimension ln 2.
type IDFParams struct {
	Corpus *Filter
}

// MarshalJSON writes "global" or {"corpus": filter}.
func (p IDFParams) MarshalJSON() ([]byte, error) {
	if p.Corpus == nil {
		return []byte(`"global"`), nil
	}
	return json.Marshal(struct {
		Corpus *Filter `json:"corpus"`
	}{p.Corpus})
}

// UnmarshalJSON reads "global" or {"corpus": filter}.
func (p *IDFParams) UnmarshalJSON(b []byte) error {
	var s string
	if json.Unmarshal(b, &s) == nil {
		if s != "global" {
			return fmt.Errorf("%w: idf %q (want \"global\" or a corpus)", ErrInvalid, s)
		}
		*p = IDFParams{}
		return nil
	}
	var c struct {
		Corpus *Filter `json:"corpus"`
	}
	if err := decodeStrict(b, &c); err != nil {
		return fmt.Errorf("%w: idf: %v", ErrInvalid, err)
	}
	if c.Corpus == nil {
		return fmt.Errorf("%w: idf needs \"global\" or a corpus filter", ErrInvalid)
	}
	*p = IDFParams{Corpus: c.Corpus}
	return nil
}

// space is a dense vector space of a collection as a search sees it: the
// unnamed vector (owner nil, nodes are slots) or a named one.
type space struct {
	absent []bool // slot -> no unnamed vector (c.noVec); nil for named ones
	vecs   *vectorSet
	graph  *hnswGraph
	owner  []uint32 // node -> slot; nil for the unnamed vector
	named  *denseSpace
	dist   Distance
	hnsw   HNSWConfig
	dim    int
}

// spaceLocked returns the dense space called using. Needs mu (read).
func (c *collection) spaceLocked(using string) (space, error) {
	if using == "" {
		if c.cfg.Dim == 0 {
			return space{}, fmt.Errorf("%w: collection %q has no unnamed vector; name one of its vectors", ErrInvalid, c.name)
		}
		return space{absent: c.noVec, vecs: c.vecs, graph: c.graph, dist: c.cfg.Distance, hnsw: c.cfg.HNSW, dim: c.cfg.Dim}, nil
	}
	ds := c.denseSpace(using)
	if ds == nil {
		if c.sparseSpace(using) != nil {
			return space{}, fmt.Errorf("%w: %q is a sparse vector; query it with a sparse vector", ErrInvalid, using)
		}
		return space{}, fmt.Errorf("%w: collection %q has no vector named %q", ErrInvalid, c.name, using)
	}
	return space{vecs: ds.vecs, graph: ds.graph, owner: ds.owner, named: ds, dist: ds.params.Distance, hnsw: ds.hnsw, dim: ds.params.Size}, nil
}

// slot returns the collection slot of node i.
func (sp *space) slot(i uint32) uint32 {
	if sp.owner == nil {
		return i
	}
	return sp.owner[i]
}

// nodeOf returns the node of slot s, if that point has this vector.
func (sp *space) nodeOf(s uint32) (uint32, bool) {
	if sp.named == nil {
		return s, sp.absent == nil || !sp.absent[s]
	}
	return sp.named.node(s)
}

// nodes is the number of nodes, tombstones included.
func (sp *space) nodes() int { return sp.graph.size() }

// scoreOf converts an internal distance (lower is nearer) to the score of
// distance d: see Distance.
func scoreOf(d Distance, x float32) float32 {
	switch d {
	case Euclid:
		return float32(math.Sqrt(float64(max(x, 0))))
	case Manhattan:
		return x
	}
	return -x
}

// worse reports whether score a is worse than threshold t under d.
func worse(d Distance, a, t float32) bool {
	if d.HigherIsBetter() {
		return a < t
	}
	return a > t
}

func (c *collection) search(req *SearchRequest, cf *cfilter) ([]ScoredPoint, error) {
	limit := req.Limit
	if limit <= 0 {
		limit = 10
	}
	if req.Offset < 0 {
		return nil, fmt.Errorf("%w: negative offset", ErrInvalid)
	}
	if req.Params.IDF != nil {
		return nil, fmt.Errorf("%w: the idf parameter applies to sparse vectors with the idf modifier, not dense ones", ErrInvalid)
	}
	c.mu.RLock()
	defer c.mu.RUnlock()
	c.bindFilterLocked(cf)
	sp, err := c.spaceLocked(req.Using)
	if err != nil {
		return nil, err
	}
	if len(req.Vector) != sp.dim {
		return nil, fmt.Errorf("%w: query has dimension %d, collection %q wants %d", ErrInvalid, len(req.Vector), c.name, sp.dim)
	}
	if sp.named != nil && sp.named.multi {
		return c.searchMultiLocked(req, &sp, cf, limit)
	}
	ctx := sp.graph.getCtx()
	defer sp.graph.putCtx(ctx)
	c.nearestLocked(ctx, &sp, req.Vector, limit+req.Offset, req.Params, cf)
	hits := ctx.out
	if req.Offset >= len(hits) {
		return []ScoredPoint{}, nil
	}
	hits = hits[req.Offset:]
	out := make([]ScoredPoint, 0, len(hits))
	for _, h := range hits {
		score := scoreOf(sp.dist, h.d)
		if t := req.ScoreThreshold; t != nil && worse(sp.dist, score, *t) {
			break
		}
		s := sp.slot(h.id)
		p := ScoredPoint{ID: c.ids[s], Version: c.versions[s], Score: score}
		if req.WithPayload {
			p.Payload = copyPayload(c.payloads.at(s))
		}
		if req.WithVector {
			p.Vector, p.Vectors, p.Sparse, p.MultiVectors = c.vectorsLocked(s, req.VectorNames)
		}
		out = append(out, p)
	}
	return out, nil
}

// searchMultiLocked serves a search on a multi-vector: an exact MaxSim
// scan with req.Vector as a query of one vector. Needs mu (read).
func (c *collection) searchMultiLocked(req *SearchRequest, sp *space, cf *cfilter, limit int) ([]ScoredPoint, error) {
	sc := &scorer{space: *sp, higher: sp.dist.HigherIsBetter(), exclude: map[uint32]bool{}}
	q, err := c.multiInputLocked(sp.named, &VectorInput{Dense: req.Vector}, sc)
	if err != nil {
		return nil, err
	}
	sc.multiQ = q
	hits := c.scanLocked(sc, cf, req.ScoreThreshold, limit+req.Offset)
	out := []ScoredPoint{}
	for _, h := range hits[min(req.Offset, len(hits)):] {
		p := ScoredPoint{ID: c.ids[h.slot], Version: c.versions[h.slot], Score: h.score}
		if req.WithPayload {
			p.Payload = copyPayload(c.payloads.at(h.slot))
		}
		if req.WithVector {
			p.Vector, p.Vectors, p.Sparse, p.MultiVectors = c.vectorsLocked(h.slot, req.VectorNames)
		}
		out = append(out, p)
	}
	return out, nil
}

// nearestLocked leaves in ctx.out the k nearest nodes of sp to vec that are
// live and pass cf, nearest first, with the index or an exact scan. vec is
// copied (and normalised for Cosine). Needs mu (read).
func (c *collection) nearestLocked(ctx *searchCtx, sp *space, vec []float32, k int, params SearchParams, cf *cfilter) {
	qv := append(ctx.qbuf[:0], vec...)
	ctx.qbuf = qv
	if sp.dist == Cosine {
		normalize(qv)
	}
	ef := sp.hnsw.EfSearch
	if params.HNSWEf > 0 {
		ef = params.HNSWEf
	}
	if cands, ok := c.indexCandidatesLocked(cf); ok && (params.Exact || len(cands) <= sp.hnsw.FullScanThreshold) {
		// Few candidates from a payload index: score just them.
		ctx.res = ctx.res[:0]
		for _, s := range cands {
			n, has := sp.nodeOf(s)
			if !has || c.deleted[s] || !cf.matches(c.ids[s], c.payloads.at(s)) {
				continue
			}
			ctx.res.pushBounded(distItem{sp.vecs.dist(qv, n), n}, k)
		}
		ctx.out = ctx.res.drainSorted(ctx.out[:0])
	} else if c.useExactLocked(sp, params.Exact, cf) {
		c.exactLocked(ctx, sp, qv, k, cf)
	} else {
		sp.graph.search(ctx, qv, k, ef, &acceptor{deleted: c.deleted, filter: cf, ids: c.ids, payload: c.payloads, owner: sp.owner})
		if sp.absent != nil {
			// Nodes without the vector are unlinked, never reached; a
			// damaged graph could still link them: drop them.
			ctx.out = slices.DeleteFunc(ctx.out, func(d distItem) bool { return sp.absent[sp.slot(d.id)] })
		}
	}
}

// useExactLocked decides between the brute-force scan and the index: exact
// when asked, when the space is small, or when the filter is expected
// (from a sample of up to 256 points) to match few points, where a filtered
// graph walk would visit most of the graph anyway.
func (c *collection) useExactLocked(sp *space, forced bool, cf *cfilter) bool {
	th := sp.hnsw.FullScanThreshold
	if forced {
		return true
	}
	if th < 0 {
		return false
	}
	n := sp.nodes()
	live := c.liveLocked()
	if sp.owner != nil {
		live = min(live, n)
	}
	if live <= th {
		return true
	}
	if cf == nil {
		return false
	}
	step := max(1, n/256)
	sampled, matched := 0, 0
	for i := 0; i < n; i += step {
		s := sp.slot(uint32(i))
		if c.deleted[s] {
			continue
		}
		sampled++
		if cf.matches(c.ids[s], c.payloads.at(s)) {
			matched++
		}
	}
	if sampled == 0 {
		return true
	}
	return float64(matched)/float64(sampled)*float64(live) <= float64(th)
}

// exactLocked leaves the k nearest live nodes of sp passing cf in ctx.out,
// nearest first, by scanning every vector. Needs mu (read).
func (c *collection) exactLocked(ctx *searchCtx, sp *space, q []float32, k int, cf *cfilter) {
	ctx.res = ctx.res[:0]
	n := sp.nodes()
	for i := range n {
		s := sp.slot(uint32(i))
		if c.deleted[s] || (sp.absent != nil && sp.absent[s]) {
			continue
		}
		if cf != nil && !cf.matches(c.ids[s], c.payloads.at(s)) {
			continue
		}
		ctx.res.pushBounded(distItem{sp.vecs.dist(q, uint32(i)), uint32(i)}, k)
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
