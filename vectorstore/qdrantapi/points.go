package qdrantapi

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/gaianet-go/gaianet/vectorstore"
)

// withPayload is Qdrant's with_payload: a bool, a list of keys to include,
// or {"include": [...]} / {"exclude": [...]}.
type withPayload struct {
	set     bool // the field was present
	on      bool
	include []string
	exclude []string
}

func (p *withPayload) UnmarshalJSON(b []byte) error {
	p.set = true
	var on bool
	if err := json.Unmarshal(b, &on); err == nil {
		p.on = on
		return nil
	}
	var keys []string
	if err := json.Unmarshal(b, &keys); err == nil {
		p.on, p.include = true, keys
		return nil
	}
	var sel struct {
		Include []string `json:"include"`
		Exclude []string `json:"exclude"`
	}
	if err := json.Unmarshal(b, &sel); err != nil {
		return badRequest("with_payload must be a bool, a list of keys or {include|exclude: [...]}")
	}
	p.on, p.include, p.exclude = true, sel.Include, sel.Exclude
	return nil
}

// enabled reports whether payloads are wanted, def being Qdrant's default
// for the route.
func (p *withPayload) enabled(def bool) bool {
	if !p.set {
		return def
	}
	return p.on
}

// apply trims a payload to the selected keys (top-level keys only).
func (p *withPayload) apply(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	if len(p.include) > 0 {
		out := map[string]any{}
		for _, k := range p.include {
			if v, ok := m[k]; ok {
				out[k] = v
			}
		}
		return out
	}
	for _, k := range p.exclude {
		delete(m, k)
	}
	return m
}

// record is a point as Qdrant returns it.
type record struct {
	ID      vectorstore.PointID `json:"id"`
	Version int                 `json:"version,omitempty"`
	Score   *float32            `json:"score,omitempty"`
	Payload map[string]any      `json:"payload,omitempty"`
	Vector  []float32           `json:"vector,omitempty"`
}

func (s *Server) records(recs []vectorstore.Record, wp *withPayload, def bool) []record {
	out := make([]record, 0, len(recs))
	for _, r := range recs {
		rec := record{ID: r.ID, Vector: r.Vector}
		if wp.enabled(def) {
			rec.Payload = wp.apply(r.Payload)
		}
		out = append(out, rec)
	}
	return out
}

func (s *Server) scored(hits []vectorstore.ScoredPoint, wp *withPayload) []record {
	out := make([]record, 0, len(hits))
	for _, h := range hits {
		score := h.Score
		rec := record{ID: h.ID, Score: &score, Vector: h.Vector}
		if wp.enabled(false) {
			rec.Payload = wp.apply(h.Payload)
		}
		out = append(out, rec)
	}
	return out
}

func (s *Server) updateResult() any {
	return map[string]any{"operation_id": s.ops.Add(1), "status": "completed"}
}

type pointJSON struct {
	ID      vectorstore.PointID `json:"id"`
	Vector  json.RawMessage     `json:"vector"`
	Payload map[string]any      `json:"payload"`
}

type upsertReq struct {
	Points []pointJSON `json:"points"`
	Batch  *struct {
		IDs      []vectorstore.PointID `json:"ids"`
		Vectors  []json.RawMessage     `json:"vectors"`
		Payloads []map[string]any      `json:"payloads"`
	} `json:"batch"`
}

// decodeVector accepts a plain array, or a named-vector object holding only
// the unnamed vector "".
func decodeVector(raw json.RawMessage) ([]float32, error) {
	var v []float32
	if err := json.Unmarshal(raw, &v); err == nil {
		return v, nil
	}
	var named map[string][]float32
	if err := json.Unmarshal(raw, &named); err == nil {
		if v, ok := named[""]; ok && len(named) == 1 {
			return v, nil
		}
	}
	return nil, badRequest("vector must be an array of numbers (named vectors are not supported)")
}

func (s *Server) upsertPoints(w http.ResponseWriter, r *http.Request) (any, error) {
	var req upsertReq
	if err := s.decodeBody(w, r, &req); err != nil {
		return nil, err
	}
	var pts []vectorstore.Point
	switch {
	case req.Batch != nil:
		b := req.Batch
		if len(b.Vectors) != len(b.IDs) || (b.Payloads != nil && len(b.Payloads) != len(b.IDs)) {
			return nil, badRequest("batch ids, vectors and payloads differ in length")
		}
		for i, id := range b.IDs {
			v, err := decodeVector(b.Vectors[i])
			if err != nil {
				return nil, err
			}
			p := vectorstore.Point{ID: id, Vector: v}
			if b.Payloads != nil {
				p.Payload = b.Payloads[i]
			}
			pts = append(pts, p)
		}
	default:
		for _, pj := range req.Points {
			v, err := decodeVector(pj.Vector)
			if err != nil {
				return nil, err
			}
			pts = append(pts, vectorstore.Point{ID: pj.ID, Vector: v, Payload: pj.Payload})
		}
	}
	if err := s.store.Upsert(r.Context(), r.PathValue("c"), pts); err != nil {
		return nil, err
	}
	return s.updateResult(), nil
}

func (s *Server) deletePoints(w http.ResponseWriter, r *http.Request) (any, error) {
	var req struct {
		Points []vectorstore.PointID `json:"points"`
		Filter *vectorstore.Filter   `json:"filter"`
	}
	if err := s.decodeBody(w, r, &req); err != nil {
		return nil, err
	}
	var err error
	switch {
	case req.Points != nil && req.Filter != nil:
		return nil, badRequest("give either points or filter, not both")
	case req.Filter != nil:
		_, err = s.store.DeleteByFilter(r.Context(), r.PathValue("c"), req.Filter)
	case req.Points != nil:
		_, err = s.store.Delete(r.Context(), r.PathValue("c"), req.Points)
	default:
		return nil, badRequest("points or filter is required")
	}
	if err != nil {
		return nil, err
	}
	return s.updateResult(), nil
}

func (s *Server) getPoints(w http.ResponseWriter, r *http.Request) (any, error) {
	var req struct {
		IDs         []vectorstore.PointID `json:"ids"`
		WithPayload withPayload           `json:"with_payload"`
		WithVector  bool                  `json:"with_vector"`
	}
	if err := s.decodeBody(w, r, &req); err != nil {
		return nil, err
	}
	recs, err := s.store.Get(r.Context(), r.PathValue("c"), req.IDs, vectorstore.With{WithPayload: req.WithPayload.enabled(true), WithVector: req.WithVector})
	if err != nil {
		return nil, err
	}
	return s.records(recs, &req.WithPayload, true), nil
}

func (s *Server) getPoint(w http.ResponseWriter, r *http.Request) (any, error) {
	id, err := vectorstore.ParsePointID(r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	recs, err := s.store.Get(r.Context(), r.PathValue("c"), []vectorstore.PointID{id}, vectorstore.With{WithPayload: true, WithVector: true})
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, &httpError{code: http.StatusNotFound, err: fmt.Errorf("qdrantapi: point %v not found", id)}
	}
	wp := withPayload{}
	return s.records(recs, &wp, true)[0], nil
}

type searchParams struct {
	HNSWEf int  `json:"hnsw_ef"`
	Exact  bool `json:"exact"`
}

type searchReq struct {
	Vector         json.RawMessage     `json:"vector"`
	Filter         *vectorstore.Filter `json:"filter"`
	Limit          int                 `json:"limit"`
	Offset         int                 `json:"offset"`
	ScoreThreshold *float32            `json:"score_threshold"`
	WithPayload    withPayload         `json:"with_payload"`
	WithVector     bool                `json:"with_vector"`
	Params         searchParams        `json:"params"`
}

// decodeQueryVector accepts an array, {"name": "", "vector": [...]} (the
// search form) or a named-vector map.
func decodeQueryVector(raw json.RawMessage) ([]float32, error) {
	var nv struct {
		Name   string    `json:"name"`
		Vector []float32 `json:"vector"`
	}
	if err := json.Unmarshal(raw, &nv); err == nil && nv.Vector != nil {
		if nv.Name != "" {
			return nil, badRequest("named vectors are not supported")
		}
		return nv.Vector, nil
	}
	return decodeVector(raw)
}

func (s *Server) runSearch(r *http.Request, req *searchReq, vec []float32) ([]record, error) {
	limit := req.Limit
	if limit <= 0 {
		limit = 10
	}
	hits, err := s.store.Search(r.Context(), r.PathValue("c"), vectorstore.SearchRequest{
		Vector: vec, Limit: limit, Offset: req.Offset, ScoreThreshold: req.ScoreThreshold, Filter: req.Filter,
		With:   vectorstore.With{WithPayload: req.WithPayload.enabled(false), WithVector: req.WithVector},
		Params: vectorstore.SearchParams{HNSWEf: req.Params.HNSWEf, Exact: req.Params.Exact},
	})
	if err != nil {
		return nil, err
	}
	return s.scored(hits, &req.WithPayload), nil
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) (any, error) {
	var req searchReq
	if err := s.decodeBody(w, r, &req); err != nil {
		return nil, err
	}
	if len(req.Vector) == 0 {
		return nil, badRequest("vector is required")
	}
	vec, err := decodeQueryVector(req.Vector)
	if err != nil {
		return nil, err
	}
	return s.runSearch(r, &req, vec)
}

// query serves the universal query API for its nearest-vector form:
// "query" is a vector, {"nearest": vector}, or absent (then points come in
// id order, like scroll).
func (s *Server) query(w http.ResponseWriter, r *http.Request) (any, error) {
	var req struct {
		searchReq
		Query json.RawMessage `json:"query"`
	}
	if err := s.decodeBody(w, r, &req); err != nil {
		return nil, err
	}
	if len(req.Query) == 0 || string(req.Query) == "null" {
		limit := req.Limit
		if limit <= 0 {
			limit = 10
		}
		page, err := s.store.Scroll(r.Context(), r.PathValue("c"), vectorstore.ScrollRequest{
			Limit: limit + req.Offset, Filter: req.Filter,
			With: vectorstore.With{WithPayload: req.WithPayload.enabled(false), WithVector: req.WithVector},
		})
		if err != nil {
			return nil, err
		}
		pts := page.Points[min(req.Offset, len(page.Points)):]
		return map[string]any{"points": s.records(pts, &req.WithPayload, false)}, nil
	}
	var nearest struct {
		Nearest json.RawMessage `json:"nearest"`
	}
	raw := req.Query
	if json.Unmarshal(raw, &nearest) == nil && len(nearest.Nearest) > 0 {
		raw = nearest.Nearest
	}
	vec, err := decodeQueryVector(raw)
	if err != nil {
		return nil, badRequest("query must be a vector or {\"nearest\": vector}; other query kinds are not supported")
	}
	pts, err := s.runSearch(r, &req.searchReq, vec)
	if err != nil {
		return nil, err
	}
	return map[string]any{"points": pts}, nil
}

func (s *Server) scroll(w http.ResponseWriter, r *http.Request) (any, error) {
	var req struct {
		Offset      *vectorstore.PointID `json:"offset"`
		Limit       int                  `json:"limit"`
		Filter      *vectorstore.Filter  `json:"filter"`
		WithPayload withPayload          `json:"with_payload"`
		WithVector  bool                 `json:"with_vector"`
	}
	if err := s.decodeBody(w, r, &req); err != nil {
		return nil, err
	}
	page, err := s.store.Scroll(r.Context(), r.PathValue("c"), vectorstore.ScrollRequest{
		Offset: req.Offset, Limit: req.Limit, Filter: req.Filter,
		With: vectorstore.With{WithPayload: req.WithPayload.enabled(true), WithVector: req.WithVector},
	})
	if err != nil {
		return nil, err
	}
	return map[string]any{
		"points":           s.records(page.Points, &req.WithPayload, true),
		"next_page_offset": page.NextOffset,
	}, nil
}

func (s *Server) count(w http.ResponseWriter, r *http.Request) (any, error) {
	var req struct {
		Filter *vectorstore.Filter `json:"filter"`
		Exact  *bool               `json:"exact"`
	}
	if err := s.decodeBody(w, r, &req); err != nil {
		return nil, err
	}
	n, err := s.store.Count(r.Context(), r.PathValue("c"), req.Filter)
	if err != nil {
		return nil, err
	}
	return map[string]int{"count": n}, nil
}
