package vectorstore

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
)

// Fusion names a way to merge the results of several prefetches.
type Fusion string

// The fusions, as Qdrant defines them:
//
//   - RRF (reciprocal rank fusion): a point's score is the sum over the
//     lists it appears in of 1 / (rank + k), rank counted from 0, k = 2
//     unless RRFParams says otherwise; with weights, list i contributes
//     1 / ((rank + 1) / w_i + k - 1).
//   - DBSF (distribution-based score fusion): each list's scores are
//     mapped to (s - (μ - 3σ)) / 6σ, with μ the mean and σ the sample
//     standard deviation of that list (a list of one point scores 0.5, and
//     so do all points of a list whose σ is 0), and summed per point.
const (
	FusionRRF  Fusion = "rrf"
	FusionDBSF Fusion = "dbsf"
)

// RRFParams tunes reciprocal rank fusion.
type RRFParams struct {
	// K is the rank constant; 0 means 2 (Qdrant's default).
	K int `json:"k,omitempty"`
	// Weights, when set, has one weight per prefetch.
	Weights []float32 `json:"weights,omitempty"`
}

// VectorInput is a query vector: exactly one of Dense, Sparse or ID (the
// stored vector of that point, for the vector the query uses; the point
// itself is then left out of the results).
//
// Multi is a multi-vector query (a list of vectors) for a multi-vector;
// a Dense query on a multi-vector counts as a list of one.
type VectorInput struct {
	Dense  []float32     `json:"dense,omitempty"`
	Sparse *SparseVector `json:"sparse,omitempty"`
	Multi  [][]float32   `json:"multi,omitempty"`
	ID     *PointID      `json:"id,omitempty"`
}

// RecommendStrategy is how Recommend combines its examples.
type RecommendStrategy string

// The strategies, as Qdrant defines them: AverageVector searches for
// avg(positive) + (avg(positive) - avg(negative)) (avg(positive) alone
// without negatives); BestScore scores each point by its best similarity
// to a positive, unless its best similarity to a negative is higher, in
// which case the score is minus that similarity squared; SumScores adds
// the similarities to the positives and subtracts those to the negatives.
// Similarity is the score for Cosine and Dot, minus the distance for
// Euclid and Manhattan.
const (
	RecommendAverageVector RecommendStrategy = "average_vector"
	RecommendBestScore     RecommendStrategy = "best_score"
	RecommendSumScores     RecommendStrategy = "sum_scores"
)

// Recommend finds points like Positive and unlike Negative.
type Recommend struct {
	Positive []VectorInput     `json:"positive,omitempty"`
	Negative []VectorInput     `json:"negative,omitempty"`
	Strategy RecommendStrategy `json:"strategy,omitempty"`
}

// ContextPair is a positive and a negative example.
type ContextPair struct {
	Positive VectorInput `json:"positive"`
	Negative VectorInput `json:"negative"`
}

// Discover searches near Target within the zone Context describes. As in
// Qdrant, a point scores rank + (1 + t/(1+|t|))/2, where rank adds +1 for
// each pair whose positive is more similar to it than its negative and -1
// otherwise, and t is its similarity to Target.
type Discover struct {
	Target  VectorInput   `json:"target"`
	Context []ContextPair `json:"context"`
}

// OrderBy orders points by a numeric or datetime payload field, which
// needs an integer, float or datetime payload index (as in Qdrant).
type OrderBy struct {
	Key string `json:"key"`
	// Desc orders from the largest value.
	Desc bool `json:"desc,omitempty"`
	// StartFrom skips values before it (after it when Desc); datetimes
	// are Unix seconds.
	StartFrom *float64 `json:"start_from,omitempty"`
}

// Query is what a QueryRequest or Prefetch computes: exactly one field
// set, or none (the points passing the filter in id order, score 0).
type Query struct {
	Nearest   *VectorInput `json:"nearest,omitempty"`
	Fusion    Fusion       `json:"fusion,omitempty"`
	RRF       *RRFParams   `json:"rrf,omitempty"`
	Recommend *Recommend   `json:"recommend,omitempty"`
	Discover  *Discover    `json:"discover,omitempty"`
	// Context scores a point by the sum over pairs of
	// d/(1+|d|) with d = min(sim(positive) - sim(negative) - ε, 0), ε
	// the float32 epsilon: 0 inside every pair's positive zone (Qdrant's
	// context search).
	Context []ContextPair `json:"context,omitempty"`
	OrderBy *OrderBy      `json:"order_by,omitempty"`
	// Sample "random" returns points in random order: a random sample of
	// those passing the filter, or the prefetched points shuffled. Their
	// score is 0.
	Sample string `json:"sample,omitempty"`
	// MMR, with Nearest, re-ranks the nearest candidates by maximal
	// marginal relevance (see MMR).
	MMR *MMR `json:"mmr,omitempty"`
}

// SampleRandom is the one Query.Sample.
const SampleRandom = "random"

// MMR is Qdrant's maximal marginal relevance: the CandidatesLimit nearest
// points (default the query's limit) are picked greedily, each time the
// one maximising (1 − Diversity)·sim(query, p) − Diversity·max over the
// points already picked of sim(p, picked), where sim is the vector's
// similarity (the score, negated for Euclid and Manhattan; for sparse
// vectors the plain dot product). Diversity is in [0, 1], default 0.5.
// The score of each result is that MMR value.
type MMR struct {
	Diversity       *float32 `json:"diversity,omitempty"`
	CandidatesLimit int      `json:"candidates_limit,omitempty"`
}

// Prefetch is a sub-query whose results the enclosing query re-scores or
// fuses. The enclosing request's filter applies to it too.
type Prefetch struct {
	Prefetch       []Prefetch
	Query          *Query
	Using          string // vector name, "" = the unnamed one
	Filter         *Filter
	Params         SearchParams
	ScoreThreshold *float32
	Limit          int // 0 means 10
}

// QueryRequest is a universal query, like Qdrant's /points/query. Without
// prefetches the query runs over the whole collection; with prefetches it
// runs over the union of their results (a fusion merges their lists).
type QueryRequest struct {
	Prefetch       []Prefetch
	Query          *Query
	Using          string
	Filter         *Filter
	Params         SearchParams
	ScoreThreshold *float32
	Limit          int // 0 means 10
	Offset         int
	With
}

// maxPrefetchDepth bounds nested prefetches.
const maxPrefetchDepth = 8

// Query runs req and returns its results, best first (for nearest queries
// the order of the distance: see Distance; for fusions higher is better;
// for OrderBy the order asked, with OrderValue set).
func (s *Store) Query(ctx context.Context, collection string, req QueryRequest) ([]ScoredPoint, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if req.Offset < 0 || req.Limit < 0 {
		return nil, fmt.Errorf("%w: negative limit or offset", ErrInvalid)
	}
	c, err := s.collection(collection)
	if err != nil {
		return nil, err
	}
	root := stage{prefetch: req.Prefetch, query: req.Query, using: req.Using, filter: req.Filter, params: req.Params, threshold: req.ScoreThreshold, limit: req.Limit}
	if root.limit == 0 {
		root.limit = 10
	}
	root.limit += req.Offset
	c.mu.RLock()
	defer c.mu.RUnlock()
	hits, err := c.runStageLocked(ctx, &root, nil, 0)
	if err != nil {
		return nil, err
	}
	if req.Offset >= len(hits) {
		return []ScoredPoint{}, nil
	}
	hits = hits[req.Offset:]
	out := make([]ScoredPoint, 0, len(hits))
	for _, h := range hits {
		p := ScoredPoint{ID: c.ids[h.slot], Version: c.versions[h.slot], Score: h.score}
		if root.query != nil && root.query.OrderBy != nil {
			v := h.order
			p.OrderValue = &v
		}
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

// stage is a QueryRequest or a Prefetch.
type stage struct {
	prefetch  []Prefetch
	query     *Query
	using     string
	filter    *Filter
	params    SearchParams
	threshold *float32
	limit     int
}

// hit is one result inside a query: a slot, its score, and for OrderBy
// the value it was ordered by.
type hit struct {
	slot  uint32
	score float32
	order float64
}

// andFilters returns the conjunction of compiled filters (nil ones are
// dropped).
func andFilters(fs ...*cfilter) *cfilter {
	var out *cfilter
	for _, f := range fs {
		if f == nil {
			continue
		}
		if out == nil {
			out = f
			continue
		}
		out = &cfilter{must: []ccond{{kind: condFilter, sub: out}, {kind: condFilter, sub: f}}}
	}
	return out
}

// runStageLocked computes one stage under the collection's read lock.
// parent is the enclosing stages' filter, which applies here too.
func (c *collection) runStageLocked(ctx context.Context, st *stage, parent *cfilter, depth int) ([]hit, error) {
	if depth > maxPrefetchDepth {
		return nil, fmt.Errorf("%w: prefetches nested deeper than %d", ErrInvalid, maxPrefetchDepth)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	own, err := compileFilter(st.filter)
	if err != nil {
		return nil, err
	}
	c.bindFilterLocked(own)
	cf := andFilters(parent, own)
	q := st.query
	if err := q.check(); err != nil {
		return nil, err
	}
	if len(st.prefetch) == 0 {
		return c.searchAllLocked(st, cf)
	}
	lists := make([][]hit, len(st.prefetch))
	for i := range st.prefetch {
		p := &st.prefetch[i]
		sub := stage{prefetch: p.Prefetch, query: p.Query, using: p.Using, filter: p.Filter, params: p.Params, threshold: p.ScoreThreshold, limit: p.Limit}
		if sub.limit == 0 {
			sub.limit = 10
		}
		if sub.limit < 0 {
			return nil, fmt.Errorf("%w: negative prefetch limit", ErrInvalid)
		}
		if lists[i], err = c.runStageLocked(ctx, &sub, cf, depth+1); err != nil {
			return nil, err
		}
	}
	switch {
	case q == nil:
		return nil, fmt.Errorf("%w: a query with prefetch needs a query (a fusion, nearest, recommend or order_by)", ErrInvalid)
	case q.Fusion != "" || q.RRF != nil:
		var fused []hit
		if q.Fusion == FusionDBSF {
			fused = fuseDBSF(lists)
		} else {
			if fused, err = fuseRRF(lists, q.RRF); err != nil {
				return nil, err
			}
		}
		out := fused[:0]
		for _, h := range fused {
			if st.threshold != nil && h.score < *st.threshold {
				continue
			}
			out = append(out, h)
		}
		return out[:min(len(out), st.limit)], nil
	}
	// Re-score the union of the prefetched points.
	seen := map[uint32]bool{}
	var cands []uint32
	for _, l := range lists {
		for _, h := range l {
			if !seen[h.slot] {
				seen[h.slot] = true
				cands = append(cands, h.slot)
			}
		}
	}
	slices.Sort(cands)
	if q.OrderBy != nil {
		return c.orderByLocked(q.OrderBy, cands, nil, st.limit)
	}
	if q.Sample != "" {
		return randomHits(cands, st.limit), nil
	}
	sc, err := c.scorerLocked(st.using, q, st.params)
	if err != nil {
		return nil, err
	}
	var out []hit
	for _, s := range cands {
		if sc.exclude[s] {
			continue
		}
		if score, ok := sc.score(s); ok {
			out = append(out, hit{slot: s, score: score})
		}
	}
	if q.MMR != nil {
		return c.mmrRerankLocked(q.MMR, st.using, sc.finish(out, st.threshold, q.MMR.candidates(st.limit)), st.limit)
	}
	return sc.finish(out, st.threshold, st.limit), nil
}

// check reports a malformed query.
func (q *Query) check() error {
	if q == nil {
		return nil
	}
	n := 0
	if q.Nearest != nil {
		n++
	}
	if q.Fusion != "" || q.RRF != nil {
		n++
		if q.Fusion != "" && q.Fusion != FusionRRF && q.Fusion != FusionDBSF {
			return fmt.Errorf("%w: unknown fusion %q (want rrf or dbsf)", ErrInvalid, q.Fusion)
		}
		if q.RRF != nil && q.Fusion == FusionDBSF {
			return fmt.Errorf("%w: rrf parameters with dbsf fusion", ErrInvalid)
		}
	}
	if q.Recommend != nil {
		n++
	}
	if q.Discover != nil {
		n++
	}
	if q.Context != nil {
		n++
		if len(q.Context) == 0 {
			return fmt.Errorf("%w: a context query needs pairs", ErrInvalid)
		}
	}
	if q.OrderBy != nil {
		n++
	}
	if q.Sample != "" {
		n++
		if q.Sample != SampleRandom {
			return fmt.Errorf("%w: unknown sample %q (want random)", ErrInvalid, q.Sample)
		}
	}
	if n > 1 {
		return fmt.Errorf("%w: a query takes one of nearest, fusion, recommend, discover, context, order_by or sample", ErrInvalid)
	}
	if m := q.MMR; m != nil {
		if q.Nearest == nil {
			return fmt.Errorf("%w: mmr goes with a nearest query", ErrInvalid)
		}
		if m.Diversity != nil && (*m.Diversity < 0 || *m.Diversity > 1) {
			return fmt.Errorf("%w: mmr diversity %v outside [0, 1]", ErrInvalid, *m.Diversity)
		}
		if m.CandidatesLimit < 0 {
			return fmt.Errorf("%w: negative mmr candidates_limit", ErrInvalid)
		}
	}
	return nil
}

// searchAllLocked runs a stage without prefetches over the collection.
func (c *collection) searchAllLocked(st *stage, cf *cfilter) ([]hit, error) {
	q := st.query
	switch {
	case q == nil:
		// The points passing the filter, in id order, score 0.
		var out []hit
		for _, id := range c.sortedIDsLocked() {
			if len(out) == st.limit {
				break
			}
			s := c.byID[id]
			if cf == nil || cf.matches(id, c.payloads.at(s)) {
				out = append(out, hit{slot: s})
			}
		}
		return out, nil
	case q.Fusion != "" || q.RRF != nil:
		return nil, fmt.Errorf("%w: a fusion needs prefetches to fuse", ErrInvalid)
	case q.OrderBy != nil:
		return c.orderByLocked(q.OrderBy, nil, cf, st.limit)
	case q.Sample != "":
		var cands []uint32
		for s := range c.ids {
			if !c.deleted[s] && (cf == nil || cf.matches(c.ids[s], c.payloads.at(uint32(s)))) {
				cands = append(cands, uint32(s))
			}
		}
		return randomHits(cands, st.limit), nil
	case q.MMR != nil:
		return c.mmrLocked(st, cf)
	}
	sc, err := c.scorerLocked(st.using, q, st.params)
	if err != nil {
		return nil, err
	}
	if len(sc.exclude) > 0 {
		ids := make([]PointID, 0, len(sc.exclude))
		for s := range sc.exclude {
			ids = append(ids, c.ids[s])
		}
		ex, _ := compileFilter(&Filter{MustNot: []Condition{{HasID: ids}}})
		cf = andFilters(cf, ex)
	}
	switch {
	case sc.dense != nil:
		// An approximate nearest search with the index.
		ctx := sc.space.graph.getCtx()
		defer sc.space.graph.putCtx(ctx)
		c.nearestLocked(ctx, &sc.space, sc.dense, st.limit, st.params, cf)
		out := make([]hit, 0, len(ctx.out))
		for _, h := range ctx.out {
			out = append(out, hit{slot: sc.space.slot(h.id), score: scoreOf(sc.space.dist, h.d)})
		}
		return sc.finish(out, st.threshold, st.limit), nil
	case sc.sparseQ != nil:
		accept := func(s uint32) bool {
			return !c.deleted[s] && (cf == nil || cf.matches(c.ids[s], c.payloads.at(s)))
		}
		items := sc.sparseSp.searchW(*sc.sparseQ, st.limit, sc.sparseWeight(), accept, nil)
		out := make([]hit, 0, len(items))
		for _, it := range items {
			out = append(out, hit{slot: it.id, score: -it.d})
		}
		return sc.finish(out, st.threshold, st.limit), nil
	}
	// A custom score (recommend best_score / sum_scores, a multi-vector):
	// exact scan of the points that have the vector.
	return c.scanLocked(sc, cf, st.threshold, st.limit), nil
}

// randomHits returns up to limit of slots in random order, score 0.
func randomHits(slots []uint32, limit int) []hit {
	rand.Shuffle(len(slots), func(i, j int) { slots[i], slots[j] = slots[j], slots[i] })
	out := make([]hit, 0, min(limit, len(slots)))
	for _, s := range slots[:min(limit, len(slots))] {
		out = append(out, hit{slot: s})
	}
	return out
}

// mmrLocked runs a nearest query with MMR (see MMR): the candidates come
// from the query without MMR, and are re-ranked greedily.
func (c *collection) mmrLocked(st *stage, cf *cfilter) ([]hit, error) {
	plain := *st
	q := *st.query
	q.MMR = nil
	plain.query = &q
	plain.limit = st.query.MMR.candidates(st.limit)
	cands, err := c.searchAllLocked(&plain, cf)
	if err != nil {
		return nil, err
	}
	return c.mmrRerankLocked(st.query.MMR, st.using, cands, st.limit)
}

// candidates is how many candidates m re-ranks for a query of limit.
func (m *MMR) candidates(limit int) int {
	if m.CandidatesLimit > 0 {
		return m.CandidatesLimit
	}
	return limit
}

// mmrRerankLocked picks up to limit of cands (scored on the vector called
// using, best first) greedily by maximal marginal relevance (see MMR).
func (c *collection) mmrRerankLocked(m *MMR, using string, cands []hit, limit int) ([]hit, error) {
	div := float32(0.5)
	if m.Diversity != nil {
		div = *m.Diversity
	}
	sim, higher, err := c.pairSimLocked(using)
	if err != nil {
		return nil, err
	}
	rel := make([]float32, len(cands))
	for i, h := range cands {
		rel[i] = h.score
		if !higher {
			rel[i] = -h.score
		}
	}
	// maxSim[i]: the largest similarity of candidate i to those picked.
	maxSim := make([]float32, len(cands))
	for i := range maxSim {
		maxSim[i] = float32(math.Inf(-1))
	}
	picked := make([]bool, len(cands))
	out := make([]hit, 0, min(limit, len(cands)))
	for len(out) < limit && len(out) < len(cands) {
		best, bestScore := -1, float32(0)
		for i := range cands {
			if picked[i] {
				continue
			}
			score := (1 - div) * rel[i]
			if len(out) > 0 {
				score -= div * maxSim[i]
			}
			if best < 0 || score > bestScore {
				best, bestScore = i, score
			}
		}
		picked[best] = true
		out = append(out, hit{slot: cands[best].slot, score: bestScore})
		for i := range cands {
			if !picked[i] {
				maxSim[i] = max(maxSim[i], sim(cands[i].slot, cands[best].slot))
			}
		}
	}
	return out, nil
}

// pairSimLocked returns the similarity between two points' vectors called
// using (higher is more similar) and whether the vector's scores are
// higher-is-better.
func (c *collection) pairSimLocked(using string) (func(a, b uint32) float32, bool, error) {
	if sp := c.sparseSpace(using); sp != nil && using != "" {
		return func(a, b uint32) float32 {
			x, _ := sparseDot(sp.vecs[a], sp.vecs[b], nil)
			return x
		}, true, nil
	}
	sp, err := c.spaceLocked(using)
	if err != nil {
		return nil, false, err
	}
	if sp.named != nil && sp.named.multi {
		ds := sp.named
		return func(a, b uint32) float32 {
			x, _ := ds.maxSim(ds.flat(a), b)
			if !sp.dist.HigherIsBetter() {
				x = -x
			}
			return x
		}, sp.dist.HigherIsBetter(), nil
	}
	return func(a, b uint32) float32 {
		na, okA := sp.nodeOf(a)
		nb, okB := sp.nodeOf(b)
		if !okA || !okB {
			return 0
		}
		x := scoreOf(sp.dist, sp.vecs.dist(sp.vecs.at(na), nb))
		if !sp.dist.HigherIsBetter() {
			x = -x
		}
		return x
	}, sp.dist.HigherIsBetter(), nil
}

// scanLocked scores every live point passing cf that has sc's vector and
// returns the best limit, best first. Needs mu (read).
func (c *collection) scanLocked(sc *scorer, cf *cfilter, threshold *float32, limit int) []hit {
	var out []hit
	for s := range c.ids {
		s := uint32(s)
		if c.deleted[s] || sc.exclude[s] || (cf != nil && !cf.matches(c.ids[s], c.payloads.at(s))) {
			continue
		}
		if score, ok := sc.score(s); ok {
			out = append(out, hit{slot: s, score: score})
		}
	}
	return sc.finish(out, threshold, limit)
}

// multiInputLocked returns the query vectors of in for multi-vector ds,
// back to back (each normalised for Cosine), noting an example point to
// exclude.
func (c *collection) multiInputLocked(ds *denseSpace, in *VectorInput, sc *scorer) ([]float32, error) {
	if err := in.check(); err != nil {
		return nil, err
	}
	d := ds.params.Size
	var flat []float32
	switch {
	case in.Sparse != nil:
		return nil, fmt.Errorf("%w: a sparse query vector for multi-vector %q", ErrInvalid, ds.name)
	case in.ID != nil:
		s, ok := c.byID[*in.ID]
		if !ok {
			return nil, fmt.Errorf("%w: point %v (used as a query) does not exist", ErrInvalid, *in.ID)
		}
		v := ds.flat(s)
		if v == nil {
			return nil, fmt.Errorf("%w: point %v has no vector %q", ErrInvalid, *in.ID, ds.name)
		}
		sc.exclude[s] = true
		return slices.Clone(v), nil
	case in.Dense != nil:
		flat = slices.Clone(in.Dense)
		if len(flat) != d {
			return nil, fmt.Errorf("%w: query has dimension %d, the vector has %d", ErrInvalid, len(flat), d)
		}
	default:
		if len(in.Multi) == 0 || len(in.Multi) > maxMultiVectors {
			return nil, fmt.Errorf("%w: a multi-vector query needs 1 to %d vectors", ErrInvalid, maxMultiVectors)
		}
		for _, v := range in.Multi {
			if len(v) != d {
				return nil, fmt.Errorf("%w: query has a vector of dimension %d, the vector has %d", ErrInvalid, len(v), d)
			}
			flat = append(flat, v...)
		}
	}
	if err := checkFiniteVec(flat); err != nil {
		return nil, fmt.Errorf("%w: query vector: %v", ErrInvalid, err)
	}
	if ds.params.Distance == Cosine {
		for i := 0; i < len(flat); i += d {
			normalize(flat[i : i+d])
		}
	}
	return flat, nil
}

// maxSim returns slot s's MaxSim score against the query vectors q (back
// to back): the sum over them of the best score among the point's
// vectors; false when the point has none.
func (ds *denseSpace) maxSim(q []float32, s uint32) (float32, bool) {
	first, k := ds.nodes(s)
	if k == 0 {
		return 0, false
	}
	d := ds.params.Size
	var sum float32
	for i := 0; i+d <= len(q); i += d {
		best := float32(math.Inf(1))
		for n := first; n < first+k; n++ {
			best = min(best, ds.vecs.dist(q[i:i+d], n))
		}
		sum += scoreOf(ds.params.Distance, best)
	}
	return sum, true
}

// scorer scores slots for a nearest or recommend query on one vector.
type scorer struct {
	space    space        // dense vector queried
	dense    []float32    // nearest (or average_vector) query, prepared
	sparseSp *sparseSpace // sparse vector queried
	sparseQ  *SparseVector
	// sparseW weighs the sparse query's dimensions (IDFParams); nil: the
	// space's own weights.
	sparseW func(uint32) float32
	// best_score / sum_scores over sparse examples
	sparsePos, sparseNeg []SparseVector
	multiQ               []float32 // query vectors of a multi-vector, back to back
	// best_score / sum_scores over dense examples
	pos, neg [][]float32
	strategy RecommendStrategy
	// discover / context
	target  []float32
	pairs   [][2][]float32
	mode    int             // 0 nearest/recommend, modeDiscover, modeContext
	exclude map[uint32]bool // example points, left out of the results
	higher  bool            // higher scores are better
}

// sparseWeight returns the weights of the sparse dimensions.
func (sc *scorer) sparseWeight() func(uint32) float32 {
	if sc.sparseW != nil {
		return sc.sparseW
	}
	return sc.sparseSp.weight
}

// scorerLocked prepares the scoring of q on the vector called using, with
// the idf parameter of params.
func (c *collection) scorerLocked(using string, q *Query, params SearchParams) (*scorer, error) {
	sc, err := c.scorerLocked1(using, q)
	if err != nil || params.IDF == nil {
		return sc, err
	}
	if sc.sparseSp == nil || !sc.sparseSp.idf {
		return nil, fmt.Errorf("%w: the idf parameter applies to sparse vectors with the idf modifier, not %q", ErrInvalid, using)
	}
	if params.IDF.Corpus != nil {
		corpus, err := compileFilter(params.IDF.Corpus)
		if err != nil {
			return nil, err
		}
		c.bindFilterLocked(corpus)
		sc.sparseW = sc.sparseSp.corpusWeight(func(s uint32) bool {
			return !c.deleted[s] && (corpus == nil || corpus.matches(c.ids[s], c.payloads.at(s)))
		})
	}
	return sc, nil
}

func (c *collection) scorerLocked1(using string, q *Query) (*scorer, error) {
	if q.Nearest == nil && q.Recommend == nil && q.Discover == nil && q.Context == nil {
		return nil, fmt.Errorf("%w: empty query", ErrInvalid)
	}
	sc := &scorer{exclude: map[uint32]bool{}, higher: true}
	if sp := c.sparseSpace(using); sp != nil && using != "" {
		sc.sparseSp = sp
		if q.Recommend != nil {
			return sc, c.sparseRecommendLocked(sp, q.Recommend, sc)
		}
		if q.Nearest == nil {
			return nil, fmt.Errorf("%w: discover and context on sparse vector %q are not supported", ErrInvalid, using)
		}
		v, err := c.sparseInputLocked(sp, q.Nearest, sc)
		if err != nil {
			return nil, err
		}
		sc.sparseQ = &v
		return sc, nil
	}
	sp, err := c.spaceLocked(using)
	if err != nil {
		return nil, err
	}
	sc.space = sp
	sc.higher = sp.dist.HigherIsBetter()
	if sp.named != nil && sp.named.multi {
		if q.Nearest == nil {
			return nil, fmt.Errorf("%w: recommend, discover and context on multi-vector %q are not supported", ErrInvalid, using)
		}
		v, err := c.multiInputLocked(sp.named, q.Nearest, sc)
		if err != nil {
			return nil, err
		}
		sc.multiQ = v
		return sc, nil
	}
	if q.Nearest != nil {
		v, err := c.denseInputLocked(&sp, q.Nearest, sc)
		if err != nil {
			return nil, err
		}
		sc.dense = v
		return sc, nil
	}
	if q.Discover != nil || q.Context != nil {
		pairs := q.Context
		sc.mode = modeContext
		if q.Discover != nil {
			pairs = q.Discover.Context
			sc.mode = modeDiscover
			t, err := c.denseInputLocked(&sp, &q.Discover.Target, sc)
			if err != nil {
				return nil, err
			}
			sc.target = t
		}
		for _, p := range pairs {
			pv, err := c.denseInputLocked(&sp, &p.Positive, sc)
			if err != nil {
				return nil, err
			}
			nv, err := c.denseInputLocked(&sp, &p.Negative, sc)
			if err != nil {
				return nil, err
			}
			sc.pairs = append(sc.pairs, [2][]float32{pv, nv})
		}
		sc.higher = true
		return sc, nil
	}
	r := q.Recommend
	if len(r.Positive) == 0 && (r.Strategy == "" || r.Strategy == RecommendAverageVector) {
		return nil, fmt.Errorf("%w: recommend with average_vector needs a positive example", ErrInvalid)
	}
	if len(r.Positive)+len(r.Negative) == 0 {
		return nil, fmt.Errorf("%w: recommend needs examples", ErrInvalid)
	}
	for _, in := range r.Positive {
		v, err := c.denseInputLocked(&sp, &in, sc)
		if err != nil {
			return nil, err
		}
		sc.pos = append(sc.pos, v)
	}
	for _, in := range r.Negative {
		v, err := c.denseInputLocked(&sp, &in, sc)
		if err != nil {
			return nil, err
		}
		sc.neg = append(sc.neg, v)
	}
	switch r.Strategy {
	case "", RecommendAverageVector:
		avg := func(vs [][]float32) []float32 {
			out := make([]float32, sp.dim)
			for _, v := range vs {
				for i, x := range v {
					out[i] += x / float32(len(vs))
				}
			}
			return out
		}
		ap := avg(sc.pos)
		q := slices.Clone(ap)
		if len(sc.neg) > 0 {
			an := avg(sc.neg)
			for i := range q {
				q[i] += ap[i] - an[i]
			}
		}
		sc.dense = q
		sc.pos, sc.neg = nil, nil
	case RecommendBestScore, RecommendSumScores:
		sc.strategy = r.Strategy
		sc.higher = true
	default:
		return nil, fmt.Errorf("%w: unknown recommend strategy %q", ErrInvalid, r.Strategy)
	}
	return sc, nil
}

// denseInputLocked returns the dense vector of in for sp (for Cosine,
// normalised), noting an example point to exclude.
func (c *collection) denseInputLocked(sp *space, in *VectorInput, sc *scorer) ([]float32, error) {
	if err := in.check(); err != nil {
		return nil, err
	}
	switch {
	case in.Sparse != nil:
		return nil, fmt.Errorf("%w: a sparse query vector for a dense vector", ErrInvalid)
	case in.Multi != nil:
		return nil, fmt.Errorf("%w: a multi-vector query for a dense vector", ErrInvalid)
	case in.ID != nil:
		s, ok := c.byID[*in.ID]
		if !ok {
			return nil, fmt.Errorf("%w: point %v (used as a query) does not exist", ErrInvalid, *in.ID)
		}
		n, ok := sp.nodeOf(s)
		if !ok {
			return nil, fmt.Errorf("%w: point %v has no such vector", ErrInvalid, *in.ID)
		}
		sc.exclude[s] = true
		return slices.Clone(sp.vecs.at(n)), nil
	}
	if len(in.Dense) != sp.dim {
		return nil, fmt.Errorf("%w: query has dimension %d, the vector has %d", ErrInvalid, len(in.Dense), sp.dim)
	}
	v := slices.Clone(in.Dense)
	if err := checkFiniteVec(v); err != nil {
		return nil, fmt.Errorf("%w: query vector: %v", ErrInvalid, err)
	}
	if sp.dist == Cosine {
		normalize(v)
	}
	return v, nil
}

func (c *collection) sparseInputLocked(sp *sparseSpace, in *VectorInput, sc *scorer) (SparseVector, error) {
	if err := in.check(); err != nil {
		return SparseVector{}, err
	}
	switch {
	case in.Dense != nil:
		return SparseVector{}, fmt.Errorf("%w: a dense query vector for sparse vector %q", ErrInvalid, sp.name)
	case in.ID != nil:
		s, ok := c.byID[*in.ID]
		if !ok {
			return SparseVector{}, fmt.Errorf("%w: point %v (used as a query) does not exist", ErrInvalid, *in.ID)
		}
		v := sp.vecs[s]
		if v.Indices == nil {
			return SparseVector{}, fmt.Errorf("%w: point %v has no vector %q", ErrInvalid, *in.ID, sp.name)
		}
		sc.exclude[s] = true
		return v, nil
	}
	v, err := normalizeSparse(*in.Sparse)
	if err != nil {
		return SparseVector{}, fmt.Errorf("%w: sparse query: %v", ErrInvalid, err)
	}
	return v, nil
}

func (in *VectorInput) check() error {
	n := 0
	if in.Dense != nil {
		n++
	}
	if in.Sparse != nil {
		n++
	}
	if in.ID != nil {
		n++
	}
	if in.Multi != nil {
		n++
	}
	if n != 1 {
		return fmt.Errorf("%w: a query vector needs exactly one of dense, sparse, multi or id", ErrInvalid)
	}
	return nil
}

// score returns slot s's score, false when the point lacks the vector.
func (sc *scorer) score(s uint32) (float32, bool) {
	if sc.sparseQ != nil {
		return sc.sparseSp.scoreW(*sc.sparseQ, s, sc.sparseWeight())
	}
	if sc.multiQ != nil {
		return sc.space.named.maxSim(sc.multiQ, s)
	}
	if sc.sparseSp != nil {
		// best_score / sum_scores over sparse examples: the points that
		// share a dimension with some example.
		overlap := false
		sim := func(neg bool, i int) float32 {
			v := sc.sparsePos
			if neg {
				v = sc.sparseNeg
			}
			x, hit := sc.sparseSp.scoreW(v[i], s, sc.sparseWeight())
			overlap = overlap || hit
			return x
		}
		score := recoScore(sc.strategy, len(sc.sparsePos), len(sc.sparseNeg), sim)
		return score, overlap
	}
	n, ok := sc.space.nodeOf(s)
	if !ok {
		return 0, false
	}
	if sc.dense != nil {
		return scoreOf(sc.space.dist, sc.space.vecs.dist(sc.dense, n)), true
	}
	sim := func(v []float32) float32 {
		x := scoreOf(sc.space.dist, sc.space.vecs.dist(v, n))
		if !sc.space.dist.HigherIsBetter() {
			x = -x
		}
		return x
	}
	switch sc.mode {
	case modeDiscover:
		rank := 0
		for _, p := range sc.pairs {
			if sim(p[0]) > sim(p[1]) {
				rank++
			} else {
				rank--
			}
		}
		t := sim(sc.target)
		return float32(rank) + 0.5*(t/(1+abs32(t))+1), true
	case modeContext:
		var sum float32
		for _, p := range sc.pairs {
			d := min(sim(p[0])-sim(p[1])-epsilon32, 0)
			sum += d / (1 + abs32(d))
		}
		return sum, true
	}
	return recoScore(sc.strategy, len(sc.pos), len(sc.neg), func(neg bool, i int) float32 {
		if neg {
			return sim(sc.neg[i])
		}
		return sim(sc.pos[i])
	}), true
}

// recoScore combines the similarities sim(false, i) to np positive and
// sim(true, i) to nn negative examples by a best_score or sum_scores
// strategy (see RecommendStrategy).
func recoScore(strategy RecommendStrategy, np, nn int, sim func(neg bool, i int) float32) float32 {
	if strategy == RecommendSumScores {
		var sum float32
		for i := range np {
			sum += sim(false, i)
		}
		for i := range nn {
			sum -= sim(true, i)
		}
		return sum
	}
	bestPos, bestNeg := float32(math.Inf(-1)), float32(math.Inf(-1))
	for i := range np {
		bestPos = max(bestPos, sim(false, i))
	}
	for i := range nn {
		bestNeg = max(bestNeg, sim(true, i))
	}
	if bestNeg > bestPos {
		return -bestNeg * bestNeg
	}
	return bestPos
}

// sparseRecommendLocked prepares a recommend query on sparse vector sp:
// average_vector becomes a sparse query (the average of the positives,
// plus that average minus the negatives' when there are negatives, as for
// dense vectors), the other strategies keep the examples.
func (c *collection) sparseRecommendLocked(sp *sparseSpace, r *Recommend, sc *scorer) error {
	if len(r.Positive)+len(r.Negative) == 0 {
		return fmt.Errorf("%w: recommend needs examples", ErrInvalid)
	}
	for _, in := range r.Positive {
		v, err := c.sparseInputLocked(sp, &in, sc)
		if err != nil {
			return err
		}
		sc.sparsePos = append(sc.sparsePos, v)
	}
	for _, in := range r.Negative {
		v, err := c.sparseInputLocked(sp, &in, sc)
		if err != nil {
			return err
		}
		sc.sparseNeg = append(sc.sparseNeg, v)
	}
	switch r.Strategy {
	case "", RecommendAverageVector:
		if len(sc.sparsePos) == 0 {
			return fmt.Errorf("%w: recommend with average_vector needs a positive example", ErrInvalid)
		}
		acc := map[uint32]float32{}
		add := func(vs []SparseVector, w float32) {
			for _, v := range vs {
				for i, d := range v.Indices {
					acc[d] += w * v.Values[i] / float32(len(vs))
				}
			}
		}
		if len(sc.sparseNeg) == 0 {
			add(sc.sparsePos, 1)
		} else {
			add(sc.sparsePos, 2)
			add(sc.sparseNeg, -1)
		}
		var q SparseVector
		for _, d := range sortedKeysU32(acc) {
			q.Indices = append(q.Indices, d)
			q.Values = append(q.Values, acc[d])
		}
		sc.sparseQ = &q
		sc.sparsePos, sc.sparseNeg = nil, nil
	case RecommendBestScore, RecommendSumScores:
		sc.strategy = r.Strategy
	default:
		return fmt.Errorf("%w: unknown recommend strategy %q", ErrInvalid, r.Strategy)
	}
	return nil
}

func sortedKeysU32(m map[uint32]float32) []uint32 {
	ks := make([]uint32, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// Scorer modes besides nearest and recommend.
const (
	modeDiscover = 1 + iota
	modeContext
)

// epsilon32 is the float32 machine epsilon, Qdrant's context margin.
const epsilon32 = 1.1920929e-07

// finish orders hits best first, applies the threshold and the limit.
func (sc *scorer) finish(hits []hit, threshold *float32, limit int) []hit {
	higher := sc.higher
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].score != hits[j].score {
			if higher {
				return hits[i].score > hits[j].score
			}
			return hits[i].score < hits[j].score
		}
		return hits[i].slot < hits[j].slot
	})
	out := hits[:0]
	for _, h := range hits {
		if threshold != nil && ((higher && h.score < *threshold) || (!higher && h.score > *threshold)) {
			continue
		}
		out = append(out, h)
	}
	return out[:min(len(out), limit)]
}

// fuseRRF merges lists by reciprocal rank fusion (see FusionRRF).
func fuseRRF(lists [][]hit, p *RRFParams) ([]hit, error) {
	k := 2
	var weights []float32
	if p != nil {
		if p.K < 0 {
			return nil, fmt.Errorf("%w: rrf k %d", ErrInvalid, p.K)
		}
		if p.K > 0 {
			k = p.K
		}
		if p.Weights != nil && len(p.Weights) != len(lists) {
			return nil, fmt.Errorf("%w: %d rrf weights for %d prefetches", ErrInvalid, len(p.Weights), len(lists))
		}
		weights = p.Weights
	}
	acc := map[uint32]float32{}
	var order []uint32
	for i, l := range lists {
		w := float32(1)
		if weights != nil {
			w = weights[i]
		}
		for rank, h := range l {
			var sc float32
			if w > 0 {
				sc = 1 / (float32(rank+1)/w + float32(k) - 1)
			}
			if _, ok := acc[h.slot]; !ok {
				order = append(order, h.slot)
			}
			acc[h.slot] += sc
		}
	}
	return sortFused(acc, order), nil
}

// fuseDBSF merges lists by distribution-based score fusion (see
// FusionDBSF).
func fuseDBSF(lists [][]hit) []hit {
	acc := map[uint32]float32{}
	var order []uint32
	for _, l := range lists {
		var lo, hi float32
		if len(l) >= 2 {
			var mean, agg float64
			for i, h := range l { // Welford
				x := float64(h.score)
				d := x - mean
				mean += d / float64(i+1)
				agg += d * (x - mean)
			}
			sd := math.Sqrt(agg / float64(len(l)-1))
			lo, hi = float32(mean-3*sd), float32(mean+3*sd)
		}
		for _, h := range l {
			sc := float32(0.5)
			if len(l) >= 2 && hi != lo {
				sc = (h.score - lo) / (hi - lo)
			}
			if _, ok := acc[h.slot]; !ok {
				order = append(order, h.slot)
			}
			acc[h.slot] += sc
		}
	}
	return sortFused(acc, order)
}

// sortFused returns the fused scores, highest first (ties in first-seen
// order).
func sortFused(acc map[uint32]float32, order []uint32) []hit {
	out := make([]hit, len(order))
	for i, s := range order {
		out[i] = hit{slot: s, score: acc[s]}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].score > out[j].score })
	return out
}

// orderByLocked orders the live points (cands, or all passing cf when
// cands is nil) by ob.Key's values, which must have a numeric or datetime
// index. A point with several values appears once per value, as in
// Qdrant.
func (c *collection) orderByLocked(ob *OrderBy, cands []uint32, cf *cfilter, limit int) ([]hit, error) {
	ix := c.indexes[ob.Key]
	if ix == nil || (ix.params.Type != SchemaInteger && ix.params.Type != SchemaFloat && ix.params.Type != SchemaDatetime) {
		return nil, fmt.Errorf("%w: order_by %q needs an integer, float or datetime payload index on that key", ErrInvalid, ob.Key)
	}
	var allowed map[uint32]bool
	if cands != nil {
		allowed = make(map[uint32]bool, len(cands))
		for _, s := range cands {
			allowed[s] = true
		}
	}
	nums := ix.sortedNums()
	var out []hit
	type seenKey struct {
		slot uint32
		v    float64
	}
	seen := map[seenKey]bool{}
	take := func(e numEntry) bool {
		s := e.slot
		if seen[seenKey{s, e.v}] {
			return true
		}
		seen[seenKey{s, e.v}] = true
		if c.deleted[s] || (allowed != nil && !allowed[s]) || (cf != nil && !cf.matches(c.ids[s], c.payloads.at(s))) {
			return true
		}
		// The index may hold values a slot no longer has (see
		// payloadIndex): keep only current ones.
		if !ix.hasValue(c.payloads.at(s), e.v) {
			return true
		}
		out = append(out, hit{slot: s, order: e.v})
		return len(out) < limit
	}
	if ob.Desc {
		for i := len(nums) - 1; i >= 0; i-- {
			if ob.StartFrom != nil && nums[i].v > *ob.StartFrom {
				continue
			}
			if !take(nums[i]) {
				break
			}
		}
	} else {
		i := 0
		if ob.StartFrom != nil {
			i = sort.Search(len(nums), func(j int) bool { return nums[j].v >= *ob.StartFrom })
		}
		for ; i < len(nums); i++ {
			if !take(nums[i]) {
				break
			}
		}
	}
	return out, nil
}
