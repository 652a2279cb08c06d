package vectorstore

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"sync"
)

// SparseVector is a sparse vector: Values[i] at dimension Indices[i]. The
// store keeps it sorted by index; indices must be unique.
type SparseVector struct {
	Indices []uint32  `json:"indices"`
	Values  []float32 `json:"values"`
}

// maxSparseNNZ bounds the non-zero entries of one sparse vector.
const maxSparseNNZ = 1 << 20

// normalizeSparse checks v and returns a sorted copy. An empty vector is
// kept as an empty, non-nil one (the point has the vector, with no entries).
func normalizeSparse(v SparseVector) (SparseVector, error) {
	if len(v.Indices) != len(v.Values) {
		return SparseVector{}, fmt.Errorf("%d indices but %d values", len(v.Indices), len(v.Values))
	}
	if len(v.Indices) > maxSparseNNZ {
		return SparseVector{}, fmt.Errorf("%d entries, limit %d", len(v.Indices), maxSparseNNZ)
	}
	out := SparseVector{Indices: make([]uint32, len(v.Indices)), Values: make([]float32, len(v.Values))}
	order := make([]int, len(v.Indices))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return v.Indices[order[a]] < v.Indices[order[b]] })
	for i, j := range order {
		x := v.Values[j]
		if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
			return SparseVector{}, fmt.Errorf("non-finite value at index %d", v.Indices[j])
		}
		out.Indices[i], out.Values[i] = v.Indices[j], x
		if i > 0 && out.Indices[i] == out.Indices[i-1] {
			return SparseVector{}, fmt.Errorf("index %d appears twice", out.Indices[i])
		}
	}
	return out, nil
}

func (v SparseVector) equal(o SparseVector) bool {
	return (v.Indices == nil) == (o.Indices == nil) && slices.Equal(v.Indices, o.Indices) && slices.Equal(v.Values, o.Values)
}

func (v SparseVector) clone() SparseVector {
	return SparseVector{Indices: slices.Clone(v.Indices), Values: slices.Clone(v.Values)}
}

// posting is one entry of an inverted list: the slot and its value.
type posting struct {
	slot uint32
	val  float32
}

// sparseSpace is one named sparse vector of a collection: the vector of
// each slot (Indices nil when the point has none) and an inverted index
// from dimension to the slots that have it. Tombstoned slots stay in the
// lists (searches skip them) until the collection is compacted; df and live
// count live points only, for IDF.
type sparseSpace struct {
	name string
	idf  bool
	vecs []SparseVector
	post map[uint32][]posting
	df   map[uint32]int32
	live int

	pool sync.Pool // *sparseScratch
}

func newSparseSpace(name string, p SparseVectorParams) *sparseSpace {
	return &sparseSpace{name: name, idf: p.Modifier == SparseModifierIDF, post: map[uint32][]posting{}, df: map[uint32]int32{}}
}

func (sp *sparseSpace) grow(n int) { sp.vecs = slices.Grow(sp.vecs, n) }

// add appends slot s (== len(sp.vecs)) with vector v (Indices nil: none).
func (sp *sparseSpace) add(s uint32, v SparseVector) {
	if int(s) != len(sp.vecs) {
		panic("vectorstore: sparse slots added out of order")
	}
	sp.vecs = append(sp.vecs, v)
	if v.Indices == nil {
		return
	}
	for i, d := range v.Indices {
		sp.post[d] = append(sp.post[d], posting{s, v.Values[i]})
		sp.df[d]++
	}
	sp.live++
}

// kill accounts for slot s becoming a tombstone.
func (sp *sparseSpace) kill(s uint32) {
	v := sp.vecs[s]
	if v.Indices == nil {
		return
	}
	for _, d := range v.Indices {
		if sp.df[d]--; sp.df[d] <= 0 {
			delete(sp.df, d)
		}
	}
	sp.live--
}

// weight is the factor of query dimension d: its IDF with the idf modifier,
// as in BM25 and Qdrant: ln(1 + (N - n + 0.5) / (n + 0.5)), N the live
// points with this vector and n those having dimension d; 1 otherwise.
func (sp *sparseSpace) weight(d uint32) float32 {
	if !sp.idf {
		return 1
	}
	n := float64(sp.df[d])
	N := float64(sp.live)
	return float32(math.Log(1 + (N-n+0.5)/(n+0.5)))
}

// scoreW is the exact score of slot s for q, dimension d weighted by
// weight(d) (sp.weight, or an IDF corpus's) (0 and false when the point has
// no such vector or no dimension in common).
func (sp *sparseSpace) scoreW(q SparseVector, s uint32, weight func(uint32) float32) (float32, bool) {
	v := sp.vecs[s]
	if v.Indices == nil {
		return 0, false
	}
	return sparseDot(q, v, weight)
}

// corpusWeight returns the IDF weights of the corpus of live slots that
// pass ok (see IDFParams): ln(1 + (N − n + 0.5)/(n + 0.5)), N the corpus
// points with this vector and n those having the dimension.
func (sp *sparseSpace) corpusWeight(ok func(uint32) bool) func(uint32) float32 {
	df := map[uint32]int{}
	n := 0
	for s, v := range sp.vecs {
		if v.Indices == nil || !ok(uint32(s)) {
			continue
		}
		n++
		for _, d := range v.Indices {
			df[d]++
		}
	}
	return func(d uint32) float32 {
		k := float64(df[d])
		return float32(math.Log(1 + (float64(n)-k+0.5)/(k+0.5)))
	}
}

// sparseDot returns the dot product of q and v, each shared dimension d
// weighted by weight(d) (1 when weight is nil), and whether they share one.
func sparseDot(q, v SparseVector, weight func(uint32) float32) (float32, bool) {
	var sum float32
	hit := false
	i, j := 0, 0
	for i < len(q.Indices) && j < len(v.Indices) {
		switch a, b := q.Indices[i], v.Indices[j]; {
		case a < b:
			i++
		case a > b:
			j++
		default:
			w := float32(1)
			if weight != nil {
				w = weight(a)
			}
			sum += q.Values[i] * v.Values[j] * w
			hit = true
			i++
			j++
		}
	}
	return sum, hit
}

type sparseScratch struct {
	score []float32
	mark  []uint32 // generation that touched each slot
	gen   uint32
	hits  []uint32
}

// searchW returns in out (appended) the k best slots for q (dimension d
// weighted by weight(d)) that accept passes, best first, as distItems
// whose d is the negated score. Only slots sharing a dimension with q are
// candidates, as with Qdrant's inverted index. Scores are exact.
func (sp *sparseSpace) searchW(q SparseVector, k int, weight func(uint32) float32, accept func(uint32) bool, out []distItem) []distItem {
	if k <= 0 || len(q.Indices) == 0 {
		return out
	}
	sc, _ := sp.pool.Get().(*sparseScratch)
	if sc == nil {
		sc = &sparseScratch{}
	}
	defer sp.pool.Put(sc)
	n := len(sp.vecs)
	if len(sc.score) < n {
		sc.score = make([]float32, n+n/4)
		sc.mark = make([]uint32, n+n/4)
		sc.gen = 0
	}
	sc.gen++
	if sc.gen == 0 {
		clear(sc.mark)
		sc.gen = 1
	}
	sc.hits = sc.hits[:0]
	for i, d := range q.Indices {
		w := q.Values[i] * weight(d)
		for _, p := range sp.post[d] {
			if sc.mark[p.slot] != sc.gen {
				sc.mark[p.slot] = sc.gen
				sc.score[p.slot] = 0
				sc.hits = append(sc.hits, p.slot)
			}
			sc.score[p.slot] += w * p.val
		}
	}
	var h maxHeap
	for _, s := range sc.hits {
		if accept != nil && !accept(s) {
			continue
		}
		h.pushBounded(distItem{-sc.score[s], s}, k)
	}
	return h.drainSorted(out)
}
