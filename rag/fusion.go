package rag

import (
	"fmt"
	"math"
	"slices"
)

// DefaultRRFK is the rank constant of Reciprocal Rank Fusion used when RRF is
// given k <= 0 (the value from Cormack, Clarke and Büttcher, 2009).
const DefaultRRFK = 60

// HybridWeights are the weights of GaiaNet's hybrid fusion rule.
type HybridWeights struct {
	// Keyword weighs the min-max normalized keyword (BM25) score.
	Keyword float64 `json:"keyword"`
	// Vector weighs the min-max normalized vector similarity.
	Vector float64 `json:"vector"`
}

// DefaultHybridWeights returns GaiaNet's weights: 0.7 keyword, 0.3 vector.
func DefaultHybridWeights() HybridWeights {
	return HybridWeights{Keyword: 0.7, Vector: 0.3}
}

// Validate reports whether w holds finite, non-negative weights that are not
// both zero.
func (w HybridWeights) Validate() error {
	for _, v := range []float64{w.Keyword, w.Vector} {
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			return fmt.Errorf("rag: hybrid weights %+v must be finite and >= 0", w)
		}
	}
	if w.Keyword == 0 && w.Vector == 0 {
		return fmt.Errorf("rag: hybrid weights are both zero")
	}
	return nil
}

// MinMax returns a copy of in with every score mapped linearly onto [0, 1]:
// (s - min) / (max - min). When all scores are equal (including a single
// result) each becomes 1, since each is the best of its list. Entries whose
// score is NaN or infinite are dropped; when an id appears more than once
// only its best score is kept. Order is preserved otherwise. The returned
// slice is owned by the caller.
func MinMax(in []Scored) []Scored {
	out := make([]Scored, 0, len(in))
	seen := make(map[string]int, len(in))
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, s := range in {
		if math.IsNaN(s.Score) || math.IsInf(s.Score, 0) {
			continue
		}
		if i, ok := seen[s.ID]; ok {
			out[i].Score = max(out[i].Score, s.Score)
		} else {
			seen[s.ID] = len(out)
			out = append(out, s)
		}
		lo, hi = min(lo, s.Score), max(hi, s.Score)
	}
	span := hi - lo
	for i := range out {
		if span > 0 {
			out[i].Score = (out[i].Score - lo) / span
		} else {
			out[i].Score = 1
		}
	}
	return out
}

// Hybrid fuses a keyword result list and a vector result list with
// GaiaNet's rule: each list is min-max normalized on its own (see MinMax),
// then every id in either list scores
//
//	w.Keyword*keyword + w.Vector*vector
//
// where a list that does not hold the id contributes 0. The result is sorted
// best first, ties by ascending id. Invalid weights (see Validate) are
// replaced by DefaultHybridWeights. The returned slice is owned by the
// caller.
func Hybrid(keyword, vector []Scored, w HybridWeights) []Scored {
	if w.Validate() != nil {
		w = DefaultHybridWeights()
	}
	fused := make(map[string]float64, len(keyword)+len(vector))
	for _, s := range MinMax(keyword) {
		fused[s.ID] += w.Keyword * s.Score
	}
	for _, s := range MinMax(vector) {
		fused[s.ID] += w.Vector * s.Score
	}
	return rank(fused)
}

// RRF fuses ranked lists with Reciprocal Rank Fusion: an id scores the sum,
// over the lists that hold it, of 1/(k + rank), where rank is its 1-based
// position in that list. Each list is taken in the order given (best first)
// and its scores are ignored; an id repeated within one list counts at its
// first position only. k <= 0 selects DefaultRRFK. The result is sorted best
// first, ties by ascending id. The returned slice is owned by the caller.
func RRF(k float64, lists ...[]Scored) []Scored {
	if k <= 0 || math.IsNaN(k) || math.IsInf(k, 0) {
		k = DefaultRRFK
	}
	fused := make(map[string]float64)
	for _, list := range lists {
		seen := make(map[string]bool, len(list))
		for i, s := range list {
			if seen[s.ID] {
				continue
			}
			seen[s.ID] = true
			fused[s.ID] += 1 / (k + float64(i+1))
		}
	}
	return rank(fused)
}

// rank turns a score map into a list sorted best first.
func rank(scores map[string]float64) []Scored {
	out := make([]Scored, 0, len(scores))
	for id, s := range scores {
		out = append(out, Scored{ID: id, Score: s})
	}
	slices.SortFunc(out, compareRank)
	return out
}
