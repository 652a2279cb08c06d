package qdrantapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/gaianet-go/gaianet/vectorstore"
)

// updateVectors serves PUT /points/vectors: the given vectors of existing
// points replace theirs; their other vectors and payload stay (the store's
// vector-only write, atomic). A missing point is a 404.
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
		ShardKey     json.RawMessage     `json:"shard_key"`
		UpdateFilter *vectorstore.Filter `json:"update_filter"`
	}
	if err := decodeJSON(body, &req); err != nil {
		return err
	}
	switch {
	case present(req.ShardKey):
		return refusedField("shard_key", "sharding")
	case req.Points == nil:
		return badRequest("points is required")
	}
	// A point given twice takes the vectors of both, the later ones
	// winning, as if the edits ran in order.
	var pts []vectorstore.Point
	pos := map[vectorstore.PointID]int{}
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
		j, seen := pos[*p.ID]
		if !seen {
			pos[*p.ID] = len(pts)
			pts = append(pts, pv.point(*p.ID, nil))
			continue
		}
		var merged pointVectors
		merged.merge(pointVectors{unnamed: pts[j].Vector, dense: pts[j].Vectors, multi: pts[j].MultiVectors, sparse: pts[j].Sparse})
		merged.merge(pv)
		pts[j] = merged.point(*p.ID, nil)
	}
	if len(pts) == 0 {
		return nil
	}
	ids := make([]vectorstore.PointID, len(pts))
	for i := range pts {
		ids[i] = pts[i].ID
	}
	_, err := s.store.UpdateVectorsWhere(ctx, coll, pts, req.UpdateFilter)
	return s.missingPoint(ctx, coll, ids, err)
}

// missingPoint words a store error about a missing point as Qdrant does
// ("No point with id N found"), naming the first of ids that is missing.
func (s *Server) missingPoint(ctx context.Context, coll string, ids []vectorstore.PointID, err error) error {
	if !errors.Is(err, vectorstore.ErrNotFound) {
		return err
	}
	recs, gerr := s.store.Get(ctx, coll, ids, vectorstore.With{})
	if gerr != nil {
		return gerr // the collection is missing
	}
	have := make(map[vectorstore.PointID]bool, len(recs))
	for _, r := range recs {
		have[r.ID] = true
	}
	for _, id := range ids {
		if !have[id] {
			return qdrantError(http.StatusNotFound, "Not found: ", "No point with id %v found", id)
		}
	}
	return err
}

// deleteVectors serves POST /points/vectors/delete: the named vectors are
// removed from the selected points (by ids, missing ones skipped, or by a
// filter), their other vectors and payload kept.
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
		if !hasVector(info.Config, n) {
			return wrongInput("Not existing vector name error: %s", n)
		}
	}
	var ids []vectorstore.PointID
	if req.Points != nil {
		ids = *req.Points
		if len(ids) == 0 {
			return nil
		}
	}
	_, err = s.store.DeleteVectors(ctx, coll, ids, req.Filter, *req.Vector)
	return err
}
