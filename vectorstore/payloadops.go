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
//   - Clear: remove the whole payload (clear_payload).
type PayloadOp struct {
	IDs        []PointID
	Filter     *Filter
	Set        map[string]any
	Key        string
	Overwrite  bool
	DeleteKeys []string
	Clear      bool
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
	if n != 1 || (op.Overwrite && op.Set == nil) || (op.Key != "" && (op.Set == nil || op.Overwrite)) {
		return fmt.Errorf("%w: a payload change needs exactly one of set, overwrite, delete keys or clear", ErrInvalid)
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
	cf, err := compileFilter(op.Filter)
	if err != nil {
		return 0, err
	}
	if op.Set != nil {
		if _, err := json.Marshal(op.Set); err != nil {
			return 0, fmt.Errorf("%w: payload: %v", ErrInvalid, err)
		}
	}
	c, err := s.beginCollectionWrite(ctx, collection, nil)
	if err != nil {
		return 0, err
	}
	defer s.writeMu.Unlock()
	ids := op.IDs
	if op.Filter != nil {
		ids = c.matchingIDs(cf)
	}
	// Rebuild each point with its stored vectors and the new payload; the
	// upsert then only replaces payloads (equal vectors).
	pts := make([]Point, 0, len(ids))
	seen := map[PointID]bool{}
	for _, id := range ids {
		slot, ok := c.byID[id] // the writer may read without c.mu
		if !ok || seen[id] {
			continue
		}
		seen[id] = true
		p := Point{ID: id, Payload: op.apply(c.payloads.at(slot))}
		p.Vector, p.Vectors, p.Sparse, p.MultiVectors = c.vectorsLocked(slot, nil)
		pts = append(pts, p)
	}
	if len(pts) == 0 {
		return 0, nil
	}
	pp, err := preparePoints(&c.cfg, pts)
	if err != nil {
		return 0, err
	}
	// Stored Cosine vectors are unit length already; normalising again
	// could change their last bits and so their slot: keep them as stored.
	for i := range pp {
		slot := c.byID[pp[i].id]
		if c.hasVecLocked(slot) {
			pp[i].vec = slices.Clone(c.vecs.at(slot))
		}
		for _, ds := range c.dense {
			if flat := ds.flat(slot); flat != nil {
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
