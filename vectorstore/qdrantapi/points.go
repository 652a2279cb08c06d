package qdrantapi

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/gaianet-go/gaianet/vectorstore"
)

// record is a point as Qdrant returns it (Record, or ScoredPoint when
// Score is set; ScoredPoint requires version and score).
type record struct {
	ID         vectorstore.PointID `json:"id"`
	Version    *uint64             `json:"version,omitempty"`
	Score      *float32            `json:"score,omitempty"`
	Payload    any                 `json:"payload,omitempty"` // a map (even empty) when asked for, else nil
	Vector     any                 `json:"vector,omitempty"`
	OrderValue any                 `json:"order_value,omitempty"`
}

// with converts the selectors into the store's With; def is Qdrant's
// with_payload default for the route.
func with(wp *withPayload, wv *withVector, def bool) vectorstore.With {
	w := vectorstore.With{WithPayload: wp.enabled(def), WithVector: wv.on}
	if wv.on && wv.names != nil {
		w.VectorNames = wv.names
	}
	return w
}

func (s *Server) records(recs []vectorstore.Record, wp *withPayload, def bool, wv bool) []record {
	out := make([]record, 0, len(recs))
	for _, r := range recs {
		rec := record{ID: r.ID}
		if wv {
			rec.Vector = vectorOutput(r.Vector, r.Vectors, r.MultiVectors, r.Sparse)
		}
		if wp.enabled(def) {
			rec.Payload = wp.apply(r.Payload)
		}
		out = append(out, rec)
	}
	return out
}

func (s *Server) scored(hits []vectorstore.ScoredPoint, wp *withPayload, wv bool) []record {
	out := make([]record, 0, len(hits))
	for _, h := range hits {
		score := h.Score
		version := h.Version
		rec := record{ID: h.ID, Score: &score, Version: &version}
		if wv {
			rec.Vector = vectorOutput(h.Vector, h.Vectors, h.MultiVectors, h.Sparse)
		}
		if wp.enabled(false) {
			rec.Payload = wp.apply(h.Payload)
		}
		if h.OrderValue != nil {
			rec.OrderValue = *h.OrderValue
		}
		out = append(out, rec)
	}
	return out
}

func (s *Server) updateResult() any {
	return map[string]any{"operation_id": s.ops.Add(1), "status": "completed"}
}

type pointJSON struct {
	ID      *vectorstore.PointID `json:"id"`
	Vector  json.RawMessage      `json:"vector"`
	Payload map[string]any       `json:"payload"`
}

// upsertReq is Qdrant's PointInsertOperations: a list or a batch.
type upsertReq struct {
	Points *[]pointJSON `json:"points"`
	Batch  *struct {
		IDs      []vectorstore.PointID `json:"ids"`
		Vectors  json.RawMessage       `json:"vectors"`
		Payloads []map[string]any      `json:"payloads"`
	} `json:"batch"`
	ShardKey     json.RawMessage     `json:"shard_key"`
	UpdateFilter *vectorstore.Filter `json:"update_filter"`
	UpdateMode   *string             `json:"update_mode"`
}

// options are the upsert's update_mode and update_filter.
func (req *upsertReq) options() (vectorstore.UpsertOptions, error) {
	opts := vectorstore.UpsertOptions{Filter: req.UpdateFilter}
	if req.UpdateMode != nil {
		switch m := vectorstore.UpsertMode(*req.UpdateMode); m {
		case vectorstore.UpsertDefault, vectorstore.UpsertInsertOnly, vectorstore.UpsertUpdateOnly:
			opts.Mode = m
		default:
			return opts, badRequest("update_mode %q: want upsert, insert_only or update_only", *req.UpdateMode)
		}
	}
	return opts, nil
}

// upsert writes the request's points under its options.
func (s *Server) upsert(ctx context.Context, coll string, req *upsertReq) error {
	pts, err := req.storePoints()
	if err != nil {
		return err
	}
	opts, err := req.options()
	if err != nil {
		return err
	}
	_, err = s.store.UpsertWith(ctx, coll, pts, opts)
	return err
}

// storePoints decodes the points of an upsert.
func (req *upsertReq) storePoints() ([]vectorstore.Point, error) {
	switch {
	case present(req.ShardKey):
		return nil, refusedField("shard_key", "sharding")
	case (req.Points == nil) == (req.Batch == nil):
		return nil, badRequest("give either points or batch")
	}
	var pts []vectorstore.Point
	if req.Points != nil {
		for i, pj := range *req.Points {
			if pj.ID == nil {
				return nil, badRequest("points[%d].id is required", i)
			}
			if pj.Vector == nil {
				return nil, badRequest("points[%d].vector is required", i)
			}
			pv, err := decodeVectorStruct(pj.Vector, fmt.Sprintf("points[%d].vector", i))
			if err != nil {
				return nil, err
			}
			pts = append(pts, pv.point(*pj.ID, pj.Payload))
		}
		return pts, nil
	}
	b := req.Batch
	if b.Payloads != nil && len(b.Payloads) != len(b.IDs) {
		return nil, badRequest("batch: %d ids but %d payloads", len(b.IDs), len(b.Payloads))
	}
	vecs, err := decodeBatchVectors(b.Vectors, len(b.IDs))
	if err != nil {
		return nil, err
	}
	for i, id := range b.IDs {
		p := vecs[i].point(id, nil)
		if b.Payloads != nil {
			p.Payload = b.Payloads[i]
		}
		pts = append(pts, p)
	}
	return pts, nil
}

// decodeBatchVectors decodes a batch's BatchVectorStruct: a list of
// vectors, or an object mapping names to lists of (dense or sparse)
// vectors.
func decodeBatchVectors(raw json.RawMessage, n int) ([]pointVectors, error) {
	out := make([]pointVectors, n)
	var list []json.RawMessage
	if err := json.Unmarshal(raw, &list); err == nil {
		if len(list) != n {
			return nil, badRequest("batch: %d ids but %d vectors", n, len(list))
		}
		for i, v := range list {
			d, err := decodeDense(v, fmt.Sprintf("batch.vectors[%d]", i))
			if err != nil {
				return nil, err
			}
			out[i].unnamed = d
		}
		return out, nil
	}
	var named map[string][]json.RawMessage
	if err := json.Unmarshal(raw, &named); err != nil {
		return nil, badRequest("batch.vectors must be a list of vectors or an object of named vector lists")
	}
	for name, vs := range named {
		if len(vs) != n {
			return nil, badRequest("batch: %d ids but %d vectors named %q", n, len(vs), name)
		}
		for i, v := range vs {
			one, err := decodeVectorStruct(json.RawMessage(fmt.Sprintf(`{%q:%s}`, name, v)), fmt.Sprintf("batch.vectors[%d]", i))
			if err != nil {
				return nil, err
			}
			out[i].merge(one)
		}
	}
	return out, nil
}

func (pv *pointVectors) merge(o pointVectors) {
	if o.unnamed != nil {
		pv.unnamed = o.unnamed
	}
	for n, v := range o.dense {
		if pv.dense == nil {
			pv.dense = map[string][]float32{}
		}
		pv.dense[n] = v
	}
	for n, v := range o.multi {
		if pv.multi == nil {
			pv.multi = map[string][][]float32{}
		}
		pv.multi[n] = v
	}
	for n, v := range o.sparse {
		if pv.sparse == nil {
			pv.sparse = map[string]vectorstore.SparseVector{}
		}
		pv.sparse[n] = v
	}
}

func (s *Server) upsertPoints(w http.ResponseWriter, r *http.Request) (any, error) {
	var req upsertReq
	if err := s.decodeBody(w, r, &req); err != nil {
		return nil, err
	}
	if err := s.upsert(r.Context(), r.PathValue("c"), &req); err != nil {
		return nil, err
	}
	return s.updateResult(), nil
}

// pointsSelector is Qdrant's PointsSelector: {"points": [...]} or
// {"filter": {...}}.
type pointsSelector struct {
	Points   *[]vectorstore.PointID `json:"points"`
	Filter   *vectorstore.Filter    `json:"filter"`
	ShardKey json.RawMessage        `json:"shard_key"`
}

func (ps *pointsSelector) check() error {
	switch {
	case present(ps.ShardKey):
		return refusedField("shard_key", "sharding")
	case ps.Points != nil && ps.Filter != nil:
		return badRequest("give either points or filter, not both")
	case ps.Points == nil && ps.Filter == nil:
		return badRequest("points or filter is required")
	}
	return nil
}

func (s *Server) deleteSelected(r *http.Request, coll string, ps *pointsSelector) error {
	if err := ps.check(); err != nil {
		return err
	}
	var err error
	if ps.Filter != nil {
		_, err = s.store.DeleteByFilter(r.Context(), coll, ps.Filter)
	} else {
		_, err = s.store.Delete(r.Context(), coll, *ps.Points)
	}
	return err
}

func (s *Server) deletePoints(w http.ResponseWriter, r *http.Request) (any, error) {
	var req pointsSelector
	if err := s.decodeBody(w, r, &req); err != nil {
		return nil, err
	}
	if err := s.deleteSelected(r, r.PathValue("c"), &req); err != nil {
		return nil, err
	}
	return s.updateResult(), nil
}

func (s *Server) getPoints(w http.ResponseWriter, r *http.Request) (any, error) {
	var req struct {
		IDs         *[]vectorstore.PointID `json:"ids"`
		WithPayload withPayload            `json:"with_payload"`
		WithVector  withVector             `json:"with_vector"`
		WithVectors withVector             `json:"with_vectors"`
		ShardKey    json.RawMessage        `json:"shard_key"`
	}
	if err := s.decodeBody(w, r, &req); err != nil {
		return nil, err
	}
	if err := req.WithVector.alias(req.WithVectors); err != nil {
		return nil, err
	}
	if present(req.ShardKey) {
		return nil, refusedField("shard_key", "sharding")
	}
	if req.IDs == nil {
		return nil, badRequest("ids is required")
	}
	recs, err := s.store.Get(r.Context(), r.PathValue("c"), *req.IDs, with(&req.WithPayload, &req.WithVector, true))
	if err != nil {
		return nil, err
	}
	return s.records(recs, &req.WithPayload, true, req.WithVector.on), nil
}

func (s *Server) getPoint(w http.ResponseWriter, r *http.Request) (any, error) {
	id, err := vectorstore.ParsePointID(r.PathValue("id"))
	if err != nil {
		return nil, badRequest("point id %q: %v", r.PathValue("id"), err)
	}
	recs, err := s.store.Get(r.Context(), r.PathValue("c"), []vectorstore.PointID{id}, vectorstore.With{WithPayload: true, WithVector: true})
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, qdrantError(http.StatusNotFound, "Not found: ", "No point with id %v found", id)
	}
	wp := withPayload{}
	return s.records(recs, &wp, true, true)[0], nil
}

func (s *Server) scroll(w http.ResponseWriter, r *http.Request) (any, error) {
	var req struct {
		Offset      *vectorstore.PointID `json:"offset"`
		Limit       *count               `json:"limit"`
		Filter      *vectorstore.Filter  `json:"filter"`
		WithPayload withPayload          `json:"with_payload"`
		WithVector  withVector           `json:"with_vector"`
		WithVectors withVector           `json:"with_vectors"`
		OrderBy     json.RawMessage      `json:"order_by"`
		ShardKey    json.RawMessage      `json:"shard_key"`
	}
	if err := s.decodeBody(w, r, &req); err != nil {
		return nil, err
	}
	if err := req.WithVector.alias(req.WithVectors); err != nil {
		return nil, err
	}
	if present(req.ShardKey) {
		return nil, refusedField("shard_key", "sharding")
	}
	limit := 10
	if req.Limit != nil {
		if *req.Limit < 1 {
			return nil, unprocessable("limit: must be at least 1")
		}
		limit = int(*req.Limit)
	}
	if present(req.OrderBy) {
		ob, err := decodeOrderBy(req.OrderBy)
		if err != nil {
			return nil, err
		}
		if req.Offset != nil {
			return nil, badRequest("Can't use offset with order_by (use order_by.start_from)")
		}
		start := s.now()
		defer func() { s.noteFiltered(r.PathValue("c"), start, req.Filter) }()
		hits, err := s.store.Query(r.Context(), r.PathValue("c"), vectorstore.QueryRequest{
			Query: &vectorstore.Query{OrderBy: ob}, Filter: req.Filter, Limit: limit,
			With: with(&req.WithPayload, &req.WithVector, true),
		})
		if err != nil {
			return nil, err
		}
		recs := make([]record, 0, len(hits))
		for _, h := range hits {
			rec := record{ID: h.ID}
			if req.WithVector.on {
				rec.Vector = vectorOutput(h.Vector, h.Vectors, h.MultiVectors, h.Sparse)
			}
			if req.WithPayload.enabled(true) {
				rec.Payload = req.WithPayload.apply(h.Payload)
			}
			if h.OrderValue != nil {
				rec.OrderValue = *h.OrderValue
			}
			recs = append(recs, rec)
		}
		return map[string]any{"points": recs, "next_page_offset": nil}, nil
	}
	start := s.now()
	defer func() { s.noteFiltered(r.PathValue("c"), start, req.Filter) }()
	page, err := s.store.Scroll(r.Context(), r.PathValue("c"), vectorstore.ScrollRequest{
		Offset: req.Offset, Limit: limit, Filter: req.Filter,
		With: with(&req.WithPayload, &req.WithVector, true),
	})
	if err != nil {
		return nil, err
	}
	return map[string]any{
		"points":           s.records(page.Points, &req.WithPayload, true, req.WithVector.on),
		"next_page_offset": page.NextOffset,
	}, nil
}

func (s *Server) count(w http.ResponseWriter, r *http.Request) (any, error) {
	var req struct {
		Filter   *vectorstore.Filter `json:"filter"`
		Exact    *bool               `json:"exact"`
		ShardKey json.RawMessage     `json:"shard_key"`
	}
	if err := s.decodeBody(w, r, &req); err != nil {
		return nil, err
	}
	if present(req.ShardKey) {
		return nil, refusedField("shard_key", "sharding")
	}
	start := s.now()
	n, err := s.store.Count(r.Context(), r.PathValue("c"), req.Filter)
	if err != nil {
		return nil, err
	}
	s.noteFiltered(r.PathValue("c"), start, req.Filter)
	return map[string]int{"count": n}, nil
}
