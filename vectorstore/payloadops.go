package vectorstore

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// PayloadOp changes the payload of the points selected by IDs or Filter
// (exactly one), like Qdrant's payload endpoints. Exactly one change is
// given:
//
//   - Set: merge these keys into the payload (set_payload); with Key, into
//     the object at that dotted path, created when missing;
//   - Overwrite: replace the whole payload with Set (overwrite_payload);
//   - DeleteKeys: remove these keys (dotted paths) (delete_payload);
//   - Clear: remove the whole payload (clear_payload);
//   - Edit: any change, computed by the caller from the stored payload
//     (a deep copy it may modify) under the write lock; it returns the
//     new payload, or an error that cancels the whole operation.
//
// With RequireAll (and IDs), an id that does not exist is an error
// wrapping ErrNotFound and nothing changes.
type PayloadOp struct {
	IDs        []PointID
	Filter     *Filter
	Set        map[string]any
	Key        string
	Overwrite  bool
	DeleteKeys []string
	Clear      bool
	Edit       func(old map[string]any) (map[string]any, error)
	RequireAll bool
}

func (op *PayloadOp) check() error {
	if (op.IDs != nil) == (op.Filter != nil) {
		return fmt.Errorf("%w: a payload change selects points by ids or by a filter (one of them)", ErrInvalid)
	}
	n := 0
	if op.Set != nil {
		n++
	}
	if op.DeleteKeys != nil {
		n++
	}
	if op.Clear {
		n++
	}
	if op.Edit != nil {
		n++
	}
	if n != 1 || (op.Overwrite && op.Set == nil) || (op.Key != "" && (op.Set == nil || op.Overwrite)) {
		return fmt.Errorf("%w: a payload change needs exactly one of set, overwrite, delete keys, clear or edit", ErrInvalid)
	}
	for _, k := range append(slices.Clone(op.DeleteKeys), op.Key) {
		if strings.Contains(k, "[]") {
			return fmt.Errorf("%w: payload key %q: array paths are not supported in payload changes", ErrInvalid, k)
		}
	}
	return nil
}

// apply returns the new payload for old (which it does not modify).
func (op *PayloadOp) apply(old map[string]any) map[string]any {
	switch {
	case op.Clear:
		return nil
	case op.Overwrite:
		return copyPayload(op.Set)
	case op.DeleteKeys != nil:
		out := copyPayload(old)
		for _, k := range op.DeleteKeys {
			deletePath(out, strings.Split(k, "."))
		}
		return out
	}
	out := copyPayload(old)
	if out == nil {
		out = map[string]any{}
	}
	dst := out
	if op.Key != "" {
		for _, seg := range strings.Split(op.Key, ".") {
			next, ok := dst[seg].(map[string]any)
			if !ok {
				next = map[string]any{}
				dst[seg] = next
			}
			dst = next
		}
	}
	maps.Copy(dst, copyPayload(op.Set))
	return out
}

func deletePath(m map[string]any, path []string) {
	if m == nil {
		return
	}
	if len(path) == 1 {
		delete(m, path[0])
		return
	}
	if sub, ok := m[path[0]].(map[string]any); ok {
		deletePath(sub, path[1:])
	}
}

// UpdatePayload applies op and returns how many points it changed. The
// points keep their vectors; the change is durable when it returns.
func (s *Store) UpdatePayload(ctx context.Context, collection string, op PayloadOp) (int, error) {
	if err := op.check(); err != nil {
		return 0, err
	}
	if op.Set != nil {
		if _, err := json.Marshal(op.Set); err != nil {
			return 0, fmt.Errorf("%w: payload: %v", ErrInvalid, err)
		}
	}
	c, cf, err := s.beginFilteredWrite(ctx, collection, op.Filter)
	if err != nil {
		return 0, err
	}
	defer s.writeMu.Unlock()
	ids := op.IDs
	if op.Filter != nil {
		ids = c.matchingIDs(cf)
	}
	return s.rewritePointsLocked(ctx, c, ids, op.RequireAll && op.Filter == nil, func(p *Point) (map[string]bool, error) {
		if op.Edit != nil {
			pay, err := op.Edit(p.Payload)
			if err != nil {
				return nil, err
			}
			p.Payload = pay
			return nil, nil
		}
		p.Payload = op.apply(p.Payload)
		return nil, nil
	})
}

// rewritePointsLocked rewrites the stored points ids (unknown ones are
// skipped, or an error when strict), each rebuilt from its stored vectors
// and payload and changed by edit, which returns the vector names ("" the
// unnamed one) it set or removed. It logs and applies them as an upsert
// and returns how many it rewrote. Needs writeMu (c from
// beginCollectionWrite).
func (s *Store) rewritePointsLocked(ctx context.Context, c *collection, ids []PointID, strict bool, edit func(*Point) (map[string]bool, error)) (int, error) {
	pts := make([]Point, 0, len(ids))
	touched := make([]map[string]bool, 0, len(ids))
	seen := map[PointID]bool{}
	for _, id := range ids {
		slot, ok := c.byID[id] // the writer may read without c.mu
		if !ok && strict {
			return 0, fmt.Errorf("%w: no point with id %v", ErrNotFound, id)
		}
		if !ok || seen[id] {
			continue
		}
		seen[id] = true
		p := Point{ID: id, Payload: copyPayload(c.payloads.at(slot))}
		p.Vector, p.Vectors, p.Sparse, p.MultiVectors = c.vectorsLocked(slot, nil)
		t, err := edit(&p)
		if err != nil {
			return 0, err
		}
		pts = append(pts, p)
		touched = append(touched, t)
	}
	if len(pts) == 0 {
		return 0, nil
	}
	pp, err := preparePoints(&c.cfg, pts)
	if err != nil {
		return 0, err
	}
	// Stored Cosine vectors are unit length already; normalising again
	// could change their last bits and so their slot: keep the vectors
	// edit did not touch as stored.
	for i := range pp {
		slot := c.byID[pp[i].id]
		if c.hasVecLocked(slot) && !touched[i][""] {
			pp[i].vec = slices.Clone(c.vecs.at(slot))
		}
		for _, ds := range c.dense {
			if flat := ds.flat(slot); flat != nil && !touched[i][ds.name] {
				pp[i].named[ds.name] = slices.Clone(flat)
			}
		}
	}
	if err := s.logUpsertLocked(c, pp); err != nil {
		return 0, err
	}
	c.upsert(pp)
	s.replayCost += upsertCost(c.cfg.replayDim(), len(pp))
	return len(pp), s.afterWriteLocked(ctx)
}

// UpdateVectors sets the given vectors of existing points (Qdrant's PUT
// /points/vectors): each Point's ID names a stored point, and the vectors
// it carries (Vector, and the entries of Vectors, Sparse and MultiVectors)
// replace that point's vectors of those names; its other vectors and its
// payload stay. Payload must be nil. An id that does not exist is an error
// wrapping ErrNotFound, and nothing changes. It returns how many points
// it changed.
func (s *Store) UpdateVectors(ctx context.Context, collection string, points []Point) (int, error) {
	return s.UpdateVectorsWhere(ctx, collection, points, nil)
}

// UpdateVectorsWhere is UpdateVectors where only the points matching
// filter (Qdrant's update_filter; nil: all) are changed; the others are
// left out, not an error.
func (s *Store) UpdateVectorsWhere(ctx context.Context, collection string, points []Point, filter *Filter) (int, error) {
	byID := make(map[PointID]*Point, len(points))
	ids := make([]PointID, 0, len(points))
	for i := range points {
		p := &points[i]
		if p.Payload != nil {
			return 0, fmt.Errorf("%w: a vector update carries no payload", ErrInvalid)
		}
		if len(p.Vector)+len(p.Vectors)+len(p.Sparse)+len(p.MultiVectors) == 0 {
			return 0, fmt.Errorf("%w: point %v: no vectors to update", ErrInvalid, p.ID)
		}
		if _, dup := byID[p.ID]; dup {
			return 0, fmt.Errorf("%w: point %v given twice", ErrInvalid, p.ID)
		}
		byID[p.ID] = p
		ids = append(ids, p.ID)
	}
	c, cf, err := s.beginFilteredWrite(ctx, collection, filter)
	if err != nil {
		return 0, err
	}
	defer s.writeMu.Unlock()
	if cf != nil {
		for _, id := range ids {
			if _, ok := c.byID[id]; !ok {
				return 0, fmt.Errorf("%w: no point with id %v", ErrNotFound, id)
			}
		}
		c.bindFilterLocked(cf)
		ids = slices.DeleteFunc(ids, func(id PointID) bool { return !cf.matches(id, c.payloads.at(c.byID[id])) })
	}
	return s.rewritePointsLocked(ctx, c, ids, true, func(p *Point) (map[string]bool, error) {
		u := byID[p.ID]
		t := map[string]bool{}
		if len(u.Vector) > 0 {
			p.Vector, t[""] = u.Vector, true
		}
		for n, v := range u.Vectors {
			p.Vectors = setKey(p.Vectors, n, v)
			delete(p.MultiVectors, n)
			t[n] = true
		}
		for n, v := range u.MultiVectors {
			p.MultiVectors = setKey(p.MultiVectors, n, v)
			delete(p.Vectors, n)
			t[n] = true
		}
		for n, v := range u.Sparse {
			p.Sparse = setKey(p.Sparse, n, v)
			t[n] = true
		}
		return t, nil
	})
}

func setKey[V any](m map[string]V, k string, v V) map[string]V {
	if m == nil {
		m = map[string]V{}
	}
	m[k] = v
	return m
}

// DeleteVectors removes the vectors called names ("" is the unnamed one)
// from the points selected by ids or by filter (exactly one, as in
// PayloadOp), keeping their other vectors and payload (Qdrant's POST
// /points/vectors/delete). A name the collection does not have is an
// error. It returns how many points it rewrote.
func (s *Store) DeleteVectors(ctx context.Context, collection string, ids []PointID, filter *Filter, names []string) (int, error) {
	if (ids != nil) == (filter != nil) {
		return 0, fmt.Errorf("%w: a vector deletion selects points by ids or by a filter (one of them)", ErrInvalid)
	}
	if len(names) == 0 {
		return 0, fmt.Errorf("%w: no vector names to delete", ErrInvalid)
	}
	c, cf, err := s.beginFilteredWrite(ctx, collection, filter)
	if err != nil {
		return 0, err
	}
	defer s.writeMu.Unlock()
	for _, n := range names {
		_, dense := c.cfg.Vectors[n]
		_, sparse := c.cfg.SparseVectors[n]
		if (n == "" && c.cfg.Dim == 0) || (n != "" && !dense && !sparse) {
			return 0, fmt.Errorf("%w: collection %q has no vector named %q", ErrInvalid, c.name, n)
		}
	}
	if filter != nil {
		ids = c.matchingIDs(cf)
	}
	return s.rewritePointsLocked(ctx, c, ids, false, func(p *Point) (map[string]bool, error) {
		t := map[string]bool{}
		for _, n := range names {
			if n == "" {
				p.Vector = nil
			}
			delete(p.Vectors, n)
			delete(p.Sparse, n)
			delete(p.MultiVectors, n)
			t[n] = true
		}
		return t, nil
	})
}
