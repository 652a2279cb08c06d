package qdrantapi

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"

	"github.com/gaianet-go/gaianet/vectorstore"
)

// updateVectors serves PUT /points/vectors: the given vectors of existing
// points replace theirs; their other vectors and payload stay. The store
// has no partial-vector write, so this reads the points and upserts them
// whole, serialised with the other vector edits of this server (vecMu);
// an upsert of the same point by another route between the read and the
// write would be overwritten (docs/qdrant-compatibility.md).
func (s *Server) updateVectors(w http.ResponseWriter, r *http.Request) (any, error) {
	body, err := s.readBody(w, r)
	if err != nil {
		return nil, err
	}
	if err := s.updateVectorsOp(r.Context(), r.PathValue("c"), body); err != nil {
		return nil, err
	}
	return s.updateResult(), nil
}

func (s *Server) updateVectorsOp(ctx context.Context, coll string, body []byte) error {
	var req struct {
		Points *[]struct {
			ID     *vectorstore.PointID `json:"id"`
			Vector json.RawMessage      `json:"vector"`
			// Payload is not part of Qdrant's PointVectors, which ignores
			// it when clients (and its own tests) send it; so does this.
			Payload json.RawMessage `json:"payload"`
		} `json:"points"`
		ShardKey     json.RawMessage `json:"shard_key"`
		UpdateFilter json.RawMessage `json:"update_filter"`
	}
	if err := decodeJSON(body, &req); err != nil {
		return err
	}
	switch {
	case present(req.ShardKey):
		return refusedField("shard_key", "sharding")
	case present(req.UpdateFilter):
		return refusedField("update_filter", "conditional updates")
	case req.Points == nil:
		return badRequest("points is required")
	}
	ids := make([]vectorstore.PointID, 0, len(*req.Points))
	edits := make([]pointVectors, 0, len(*req.Points))
	for i, p := range *req.Points {
		if p.ID == nil {
			return badRequest("points[%d].id is required", i)
		}
		pv, err := decodeVectorStruct(p.Vector, fmt.Sprintf("points[%d].vector", i))
		if err != nil {
			return err
		}
		if pv.empty() {
			return unprocessable("points[%d].vector: must specify vectors to update for point", i)
		}
		ids = append(ids, *p.ID)
		edits = append(edits, pv)
	}
	return s.rewritePoints(ctx, coll, ids, func(i int, p *vectorstore.Point) {
		e := edits[i]
		if e.unnamed != nil {
			p.Vector = e.unnamed
		}
		for n, v := range e.dense {
			if p.Vectors == nil {
				p.Vectors = map[string][]float32{}
			}
			p.Vectors[n] = v
		}
		for n, v := range e.multi {
			if p.MultiVectors == nil {
				p.MultiVectors = map[string][][]float32{}
			}
			p.MultiVectors[n] = v
		}
		for n, v := range e.sparse {
			if p.Sparse == nil {
				p.Sparse = map[string]vectorstore.SparseVector{}
			}
			p.Sparse[n] = v
		}
	})
}

// deleteVectors serves POST /points/vectors/delete: the named vectors are
// removed from the selected points (same read-and-upsert as updateVectors).
func (s *Server) deleteVectors(w http.ResponseWriter, r *http.Request) (any, error) {
	body, err := s.readBody(w, r)
	if err != nil {
		return nil, err
	}
	if err := s.deleteVectorsOp(r.Context(), r.PathValue("c"), body); err != nil {
		return nil, err
	}
	return s.updateResult(), nil
}

func (s *Server) deleteVectorsOp(ctx context.Context, coll string, body []byte) error {
	var req struct {
		pointsSelector
		Vector *[]string `json:"vector"`
	}
	if err := decodeJSON(body, &req); err != nil {
		return err
	}
	if err := req.check(); err != nil {
		return err
	}
	if req.Vector == nil {
		return badRequest("vector (the names to delete) is required")
	}
	info, err := s.store.CollectionInfo(coll)
	if err != nil {
		return err
	}
	for _, n := range *req.Vector {
		_, dense := info.Config.Vectors[n]
		_, sparse := info.Config.SparseVectors[n]
		if !dense && !sparse && !(n == "" && info.Config.Dim > 0) {
			return badRequest("Wrong input: Not existing vector name error: %s", n)
		}
	}
	var ids []vectorstore.PointID
	if req.Points != nil {
		ids = *req.Points
	} else if ids, err = s.matching(ctx, coll, req.Filter); err != nil {
		return err
	}
	return s.rewritePoints(ctx, coll, ids, func(_ int, p *vectorstore.Point) {
		for _, n := range *req.Vector {
			if n == "" {
				p.Vector = nil
			}
			delete(p.Vectors, n)
			delete(p.MultiVectors, n)
			delete(p.Sparse, n)
		}
	}, true)
}

// rewritePoints reads the points ids (all vectors and payload), lets edit
// change each (i is the index in ids), and upserts them. A missing point
// is an error (404) unless skipMissing.
func (s *Server) rewritePoints(ctx context.Context, coll string, ids []vectorstore.PointID, edit func(i int, p *vectorstore.Point), skipMissing ...bool) error {
	s.vecMu.Lock()
	defer s.vecMu.Unlock()
	recs, err := s.store.Get(ctx, coll, ids, vectorstore.With{WithPayload: true, WithVector: true})
	if err != nil {
		return err
	}
	byID := make(map[vectorstore.PointID]*vectorstore.Record, len(recs))
	for i := range recs {
		byID[recs[i].ID] = &recs[i]
	}
	pts := make([]vectorstore.Point, 0, len(ids))
	pos := map[vectorstore.PointID]int{}
	for i, id := range ids {
		rec, ok := byID[id]
		if !ok {
			if len(skipMissing) > 0 && skipMissing[0] {
				continue
			}
			return qdrantError(http.StatusNotFound, "Not found: ", "No point with id %v found", id)
		}
		j, seen := pos[id]
		if !seen {
			j = len(pts)
			pos[id] = j
			pts = append(pts, vectorstore.Point{ID: id, Vector: rec.Vector, Vectors: rec.Vectors, MultiVectors: rec.MultiVectors, Sparse: rec.Sparse, Payload: rec.Payload})
		}
		edit(i, &pts[j])
	}
	pts = slices.Clip(pts)
	if len(pts) == 0 {
		return nil
	}
	return s.store.Upsert(ctx, coll, pts)
}
