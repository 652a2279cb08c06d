package qdrantapi

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/gaianet-go/gaianet/vectorstore"
)

// setPayloadReq is Qdrant's SetPayload (also the body of overwrite).
type setPayloadReq struct {
	Payload *map[string]any `json:"payload"`
	pointsSelector
	Key *string `json:"key"`
}

func (req *setPayloadReq) op(overwrite bool) (payloadEdit, error) {
	if req.Payload == nil {
		return payloadEdit{}, badRequest("payload is required")
	}
	if err := req.check(); err != nil {
		return payloadEdit{}, err
	}
	op := payloadEdit{Filter: req.Filter, Set: *req.Payload, Overwrite: overwrite}
	if req.Points != nil {
		op.IDs = *req.Points
	}
	if req.Key != nil {
		if overwrite {
			return op, badRequest("key is not allowed when overwriting a payload")
		}
		if _, err := parsePayloadPath(*req.Key); err != nil {
			return op, err
		}
		op.Key = *req.Key
	}
	return op, nil
}

type deletePayloadReq struct {
	Keys *[]string `json:"keys"`
	pointsSelector
}

func (req *deletePayloadReq) op() (payloadEdit, error) {
	if req.Keys == nil {
		return payloadEdit{}, badRequest("keys is required")
	}
	if err := req.check(); err != nil {
		return payloadEdit{}, err
	}
	for _, k := range *req.Keys {
		if _, err := parsePayloadPath(k); err != nil {
			return payloadEdit{}, err
		}
	}
	op := payloadEdit{Filter: req.Filter, DeleteKeys: *req.Keys}
	if req.Points != nil {
		op.IDs = *req.Points
	}
	return op, nil
}

func clearOp(ps *pointsSelector) (payloadEdit, error) {
	if err := ps.check(); err != nil {
		return payloadEdit{}, err
	}
	op := payloadEdit{Filter: ps.Filter, Clear: true}
	if ps.Points != nil {
		op.IDs = *ps.Points
	}
	return op, nil
}

func (s *Server) payloadHandler(overwrite bool) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) (any, error) {
		var req setPayloadReq
		if err := s.decodeBody(w, r, &req); err != nil {
			return nil, err
		}
		op, err := req.op(overwrite)
		if err != nil {
			return nil, err
		}
		return s.applyPayload(r, r.PathValue("c"), op)
	}
}

func (s *Server) deletePayload(w http.ResponseWriter, r *http.Request) (any, error) {
	var req deletePayloadReq
	if err := s.decodeBody(w, r, &req); err != nil {
		return nil, err
	}
	op, err := req.op()
	if err != nil {
		return nil, err
	}
	return s.applyPayload(r, r.PathValue("c"), op)
}

func (s *Server) clearPayload(w http.ResponseWriter, r *http.Request) (any, error) {
	var req pointsSelector
	if err := s.decodeBody(w, r, &req); err != nil {
		return nil, err
	}
	op, err := clearOp(&req)
	if err != nil {
		return nil, err
	}
	return s.applyPayload(r, r.PathValue("c"), op)
}

func (s *Server) applyPayload(r *http.Request, coll string, op payloadEdit) (any, error) {
	if err := s.editPayload(r.Context(), coll, op); err != nil {
		return nil, err
	}
	return s.updateResult(), nil
}

// payloadEdit is one payload operation: exactly one selector (IDs or
// Filter) and one of Set (merged at top level or at Key; replacing the
// payload with Overwrite), DeleteKeys or Clear.
type payloadEdit struct {
	IDs        []vectorstore.PointID
	Filter     *vectorstore.Filter
	Set        map[string]any
	Key        string
	Overwrite  bool
	DeleteKeys []string
	Clear      bool
}

// editPayload applies op through the store's payload-only write, atomic
// under its write lock (the points keep their vectors). Keys are Qdrant's
// JSON paths, array steps (key[], key[N]) included. A point id that does
// not exist is an error (404) and nothing changes, as in Qdrant.
func (s *Server) editPayload(ctx context.Context, coll string, op payloadEdit) error {
	var keyPath []pathSeg
	if op.Key != "" {
		var err error
		if keyPath, err = parsePayloadPath(op.Key); err != nil {
			return err
		}
	}
	var delPaths [][]pathSeg
	for _, k := range op.DeleteKeys {
		segs, err := parsePayloadPath(k)
		if err != nil {
			return err
		}
		delPaths = append(delPaths, segs)
	}
	sop := vectorstore.PayloadOp{IDs: op.IDs, Filter: op.Filter, RequireAll: true}
	if op.Filter == nil && sop.IDs == nil {
		sop.IDs = []vectorstore.PointID{}
	}
	sop.Edit = func(p map[string]any) (map[string]any, error) {
		switch {
		case op.Clear:
			return nil, nil
		case op.DeleteKeys != nil:
			for _, path := range delPaths {
				exclude(p, path)
			}
			return p, nil
		case op.Overwrite:
			return copyJSONMap(op.Set), nil
		}
		if p == nil {
			p = map[string]any{}
		}
		if keyPath != nil {
			setAt(p, keyPath, op.Set)
			return p, nil
		}
		for k, v := range copyJSONMap(op.Set) {
			p[k] = v
		}
		return p, nil
	}
	_, err := s.store.UpdatePayload(ctx, coll, sop)
	if op.Filter == nil {
		return s.missingPoint(ctx, coll, op.IDs, err)
	}
	return err
}

// setAt merges obj into the object at path (created where missing; a
// non-object value there is replaced). Array steps apply to every element
// (key[]) or one (key[N]) that exists.
func setAt(m map[string]any, path []pathSeg, obj map[string]any) {
	seg := path[0]
	if seg.all || seg.index >= 0 {
		arr, _ := m[seg.key].([]any)
		for i := range arr {
			if seg.index >= 0 && i != seg.index {
				continue
			}
			if len(path) == 1 {
				em, ok := arr[i].(map[string]any)
				if !ok {
					em = map[string]any{}
					arr[i] = em
				}
				mergeInto(em, copyJSONMap(obj))
				continue
			}
			if em, ok := arr[i].(map[string]any); ok {
				setAt(em, path[1:], obj)
			}
		}
		return
	}
	child, ok := m[seg.key].(map[string]any)
	if !ok {
		child = map[string]any{}
		m[seg.key] = child
	}
	if len(path) == 1 {
		for k, v := range copyJSONMap(obj) {
			child[k] = v
		}
		return
	}
	setAt(child, path[1:], obj)
}

// copyJSONMap deep-copies a decoded JSON object, so that one request's
// value is not shared by several points' payloads.
func copyJSONMap(m map[string]any) map[string]any {
	if m == nil {
		return nil
	}
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = copyJSON(v)
	}
	return out
}

func copyJSON(v any) any {
	switch t := v.(type) {
	case map[string]any:
		return copyJSONMap(t)
	case []any:
		out := make([]any, len(t))
		for i, e := range t {
			out[i] = copyJSON(e)
		}
		return out
	}
	return v
}

// batch serves POST /points/batch: the operations run in order, each
// durable before the next (as in Qdrant, the batch is not atomic: an
// error stops it and earlier operations stay applied).
func (s *Server) batch(w http.ResponseWriter, r *http.Request) (any, error) {
	var req struct {
		Operations *[]map[string]json.RawMessage `json:"operations"`
	}
	if err := s.decodeBody(w, r, &req); err != nil {
		return nil, err
	}
	if req.Operations == nil {
		return nil, badRequest("operations is required")
	}
	coll := r.PathValue("c")
	var out []any
	for i, opObj := range *req.Operations {
		if len(opObj) != 1 {
			return nil, badRequest("operations[%d] must have exactly one operation", i)
		}
		for kind, body := range opObj {
			if err := s.batchOp(r, coll, kind, body); err != nil {
				return nil, err
			}
		}
		out = append(out, s.updateResult())
	}
	if out == nil {
		out = []any{}
	}
	return out, nil
}

func (s *Server) batchOp(r *http.Request, coll, kind string, body json.RawMessage) error {
	ctx := r.Context()
	switch kind {
	case "upsert":
		var req upsertReq
		if err := decodeJSON(body, &req); err != nil {
			return err
		}
		return s.upsert(ctx, coll, &req)
	case "delete":
		var req pointsSelector
		if err := decodeJSON(body, &req); err != nil {
			return err
		}
		return s.deleteSelected(r, coll, &req)
	case "set_payload", "overwrite_payload":
		var req setPayloadReq
		if err := decodeJSON(body, &req); err != nil {
			return err
		}
		op, err := req.op(kind == "overwrite_payload")
		if err != nil {
			return err
		}
		return s.editPayload(ctx, coll, op)
	case "delete_payload":
		var req deletePayloadReq
		if err := decodeJSON(body, &req); err != nil {
			return err
		}
		op, err := req.op()
		if err != nil {
			return err
		}
		return s.editPayload(ctx, coll, op)
	case "clear_payload":
		var req pointsSelector
		if err := decodeJSON(body, &req); err != nil {
			return err
		}
		op, err := clearOp(&req)
		if err != nil {
			return err
		}
		return s.editPayload(ctx, coll, op)
	case "update_vectors":
		return s.updateVectorsOp(ctx, coll, body)
	case "delete_vectors":
		return s.deleteVectorsOp(ctx, coll, body)
	}
	return badRequest("unknown batch operation %q", kind)
}
