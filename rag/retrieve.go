package rag

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/gaianet-go/gaianet/vectorstore"
)

// Payload keys of a knowledge-base point. GaiaNet's tools store a chunk's
// text under "source"; we keep that, so GaiaNet's snapshots and ours read
// the same, and add the document it came from under "file".
const (
	PayloadText    = "source"
	PayloadFile    = "file"
	PayloadHeading = "heading"
	PayloadHash    = "hash"
)

// Embedder turns query texts into vectors.
type Embedder interface {
	Embed(ctx context.Context, texts []string) ([][]float32, int, error)
}

// VectorSearcher finds the nearest points of a collection: the embedded
// vector store, or an external Qdrant.
type VectorSearcher interface {
	Search(ctx context.Context, collection string, req vectorstore.SearchRequest) ([]vectorstore.ScoredPoint, error)
}

// KeywordIndex finds chunks by keywords; *BM25 implements it. Its ids are
// point ids as strings.
type KeywordIndex interface {
	Search(query string, k int) []Scored
}

// Chunk is a retrieved piece of knowledge.
type Chunk struct {
	Text       string
	Source     string // the document it came from, when known
	Score      float64
	Collection string
}

// Fusion selects how keyword and vector results are combined.
type Fusion string

// Fusion methods.
const (
	FusionNone   Fusion = ""       // vector search only
	FusionHybrid Fusion = "hybrid" // GaiaNet's min-max weighted sum
	FusionRRF    Fusion = "rrf"    // reciprocal rank fusion
)

// Query is one retrieval.
type Query struct {
	Text        string
	Collections []string
	Limit       int     // hits to return; 0 means 1 (GaiaNet's qdrant_limit default)
	Threshold   float64 // minimum vector score; 0 keeps everything
	Fusion      Fusion
	Weights     HybridWeights // for FusionHybrid; zero means DefaultHybridWeights
}

// Retriever answers queries from a vector store, optionally fused with
// keyword indexes. It is safe for concurrent use if its parts are.
type Retriever struct {
	Embedder Embedder
	Vectors  VectorSearcher
	// Keywords maps a collection to its keyword index; collections without
	// one are searched by vector only.
	Keywords map[string]KeywordIndex
}

// Retrieve embeds q.Text, searches every collection and returns the best
// q.Limit chunks, best first.
func (r *Retriever) Retrieve(ctx context.Context, q Query) ([]Chunk, error) {
	if strings.TrimSpace(q.Text) == "" || len(q.Collections) == 0 {
		return nil, nil
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 1
	}
	vecs, _, err := r.Embedder.Embed(ctx, []string{q.Text})
	if err != nil {
		return nil, fmt.Errorf("rag: embed query: %w", err)
	}
	var all []Chunk
	for _, coll := range q.Collections {
		chunks, err := r.searchCollection(ctx, coll, vecs[0], q, limit)
		if err != nil {
			return nil, err
		}
		all = append(all, chunks...)
	}
	slices.SortStableFunc(all, func(a, b Chunk) int {
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		}
		return 0
	})
	if len(all) > limit {
		all = all[:limit]
	}
	return all, nil
}

func (r *Retriever) searchCollection(ctx context.Context, coll string, vec []float32, q Query, limit int) ([]Chunk, error) {
	req := vectorstore.SearchRequest{Vector: vec, Limit: limit, With: vectorstore.With{WithPayload: true}}
	kw := r.Keywords[coll]
	fused := q.Fusion != FusionNone && kw != nil
	if fused {
		req.Limit = 4 * limit // fusion re-ranks a wider pool
	}
	if q.Threshold > 0 {
		t := float32(q.Threshold)
		req.ScoreThreshold = &t
	}
	hits, err := r.Vectors.Search(ctx, coll, req)
	if err != nil {
		return nil, fmt.Errorf("rag: search %q: %w", coll, err)
	}
	byID := make(map[string]vectorstore.ScoredPoint, len(hits))
	vector := make([]Scored, len(hits))
	for i, h := range hits {
		id := h.ID.String()
		byID[id] = h
		vector[i] = Scored{ID: id, Score: float64(h.Score)}
	}
	ranked := vector
	if fused {
		keyword := kw.Search(q.Text, 4*limit)
		// Keyword hits must pass the same filter as vector hits: only
		// points the vector search returned have their payload here.
		keyword = slices.DeleteFunc(keyword, func(s Scored) bool { _, ok := byID[s.ID]; return !ok })
		switch q.Fusion {
		case FusionRRF:
			ranked = RRF(DefaultRRFK, keyword, vector)
		default:
			w := q.Weights
			if w == (HybridWeights{}) {
				w = DefaultHybridWeights()
			}
			ranked = Hybrid(keyword, vector, w)
		}
	}
	out := make([]Chunk, 0, min(limit, len(ranked)))
	for _, s := range ranked {
		if len(out) == limit {
			break
		}
		h := byID[s.ID]
		text, _ := h.Payload[PayloadText].(string)
		file, _ := h.Payload[PayloadFile].(string)
		if text == "" {
			continue
		}
		out = append(out, Chunk{Text: text, Source: file, Score: s.Score, Collection: coll})
	}
	return out, nil
}
