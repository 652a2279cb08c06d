package qdrantapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"slices"

	"github.com/gaianet-go/gaianet/vectorstore"
)

// lookupFunc resolves a query's point-id examples through a lookup_from
// location (Qdrant's LookupLocation) into the vectors they name, given the
// query's own `using`.
type lookupFunc func(raw json.RawMessage, using string, q *vectorstore.Query) error

// lookupLocation is Qdrant's LookupLocation.
type lookupLocation struct {
	Collection string          `json:"collection"`
	Vector     *string         `json:"vector"`
	ShardKey   json.RawMessage `json:"shard_key"`
}

// lookup returns the lookupFunc of a request: the examples given as point
// ids are read from the location's collection (its vector `vector`, else
// the query's `using`) and replaced by those vectors, as Qdrant does for
// recommend, discover, context and nearest-by-id queries with lookup_from.
// A missing collection or point is a 404, a vector the lookup collection
// lacks a 400.
func (s *Server) lookup(ctx context.Context) lookupFunc {
	return func(raw json.RawMessage, using string, q *vectorstore.Query) error {
		var loc lookupLocation
		if err := decodeJSON(raw, &loc); err != nil {
			return err
		}
		if present(loc.ShardKey) {
			return refusedField("lookup_from.shard_key", "sharding")
		}
		if loc.Collection == "" {
			return unprocessable("lookup_from.collection: must not be empty")
		}
		info, err := s.store.CollectionInfo(loc.Collection)
		if err != nil {
			return lookupCollectionErr(loc.Collection, err)
		}
		name := using
		if loc.Vector != nil {
			name = *loc.Vector
		}
		inputs := queryInputs(q)
		var ids []vectorstore.PointID
		for _, in := range inputs {
			if in.ID != nil && !slices.Contains(ids, *in.ID) {
				ids = append(ids, *in.ID)
			}
		}
		if len(ids) == 0 {
			return nil
		}
		recs, err := s.store.Get(ctx, loc.Collection, ids, vectorstore.With{WithVector: true})
		if err != nil {
			return err
		}
		byID := make(map[vectorstore.PointID]vectorstore.Record, len(recs))
		for _, r := range recs {
			byID[r.ID] = r
		}
		for _, id := range ids {
			if _, ok := byID[id]; !ok {
				return qdrantError(http.StatusNotFound, "Not found: ", "No point with id %v found", id)
			}
		}
		if !hasVector(info.Config, name) {
			return wrongInput("Not existing vector name error: %s", name)
		}
		for _, in := range inputs {
			if in.ID == nil {
				continue
			}
			r := byID[*in.ID]
			var v vectorstore.VectorInput
			switch {
			case name == "" && r.Vector != nil:
				v.Dense = r.Vector
			case r.Vectors[name] != nil:
				v.Dense = r.Vectors[name]
			case r.MultiVectors[name] != nil:
				v.Multi = r.MultiVectors[name]
			default:
				sv, ok := r.Sparse[name]
				if !ok {
					return wrongInput("point %v of collection %s has no vector %s", *in.ID, loc.Collection, displayName(name))
				}
				v.Sparse = &sv
			}
			*in = v
		}
		return nil
	}
}

// lookupCollectionErr words a missing lookup collection as Qdrant does.
func lookupCollectionErr(name string, err error) error {
	if errors.Is(err, vectorstore.ErrNotFound) {
		return qdrantError(http.StatusNotFound, "Not found: ", "Collection %s not found", name)
	}
	return err
}

func hasVector(cfg vectorstore.CollectionConfig, name string) bool {
	if name == "" {
		return cfg.Dim > 0
	}
	_, dense := cfg.Vectors[name]
	_, sparse := cfg.SparseVectors[name]
	return dense || sparse
}

func displayName(name string) string {
	if name == "" {
		return `"" (the unnamed vector)`
	}
	return name
}

// queryInputs lists every example of q that may be a point id.
func queryInputs(q *vectorstore.Query) []*vectorstore.VectorInput {
	if q == nil {
		return nil
	}
	var out []*vectorstore.VectorInput
	if q.Nearest != nil {
		out = append(out, q.Nearest)
	}
	if r := q.Recommend; r != nil {
		for i := range r.Positive {
			out = append(out, &r.Positive[i])
		}
		for i := range r.Negative {
			out = append(out, &r.Negative[i])
		}
	}
	pairs := q.Context
	if d := q.Discover; d != nil {
		out = append(out, &d.Target)
		pairs = d.Context
	}
	for i := range pairs {
		out = append(out, &pairs[i].Positive, &pairs[i].Negative)
	}
	return out
}

// withLookup is Qdrant's WithLookupInterface: a collection name, or
// {"collection", "with_payload" (default true), "with_vectors" (default
// false)}.
type withLookup struct {
	collection  string
	withPayload withPayload
	withVector  withVector
}

func (wl *withLookup) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		return json.Unmarshal(b, &wl.collection)
	}
	var obj struct {
		Collection  string          `json:"collection"`
		WithPayload withPayload     `json:"with_payload"`
		WithVector  withVector      `json:"with_vector"`
		WithVectors withVector      `json:"with_vectors"`
		ShardKey    json.RawMessage `json:"shard_key"`
	}
	if err := decodeJSON(b, &obj); err != nil {
		return err
	}
	if present(obj.ShardKey) {
		return refusedField("with_lookup.shard_key", "sharding")
	}
	if err := obj.WithVector.alias(obj.WithVectors); err != nil {
		return err
	}
	wl.collection, wl.withPayload, wl.withVector = obj.Collection, obj.WithPayload, obj.WithVector
	return nil
}

// lookupGroups fills each group's lookup: the record of wl's collection
// whose id is the group id (none when the id is not a point id there).
func (s *Server) lookupGroups(ctx context.Context, wl *withLookup, groups []groupJSON) error {
	if wl.collection == "" {
		return unprocessable("with_lookup.collection: must not be empty")
	}
	if _, err := s.store.CollectionInfo(wl.collection); err != nil {
		return lookupCollectionErr(wl.collection, err)
	}
	var ids []vectorstore.PointID
	idx := map[vectorstore.PointID][]int{}
	for i, g := range groups {
		id, ok := groupPointID(g.ID)
		if !ok {
			continue
		}
		if _, seen := idx[id]; !seen {
			ids = append(ids, id)
		}
		idx[id] = append(idx[id], i)
	}
	if len(ids) == 0 {
		return nil
	}
	recs, err := s.store.Get(ctx, wl.collection, ids, with(&wl.withPayload, &wl.withVector, true))
	if err != nil {
		return err
	}
	for _, r := range s.records(recs, &wl.withPayload, true, wl.withVector.on) {
		for _, i := range idx[r.ID] {
			rec := r
			groups[i].Lookup = &rec
		}
	}
	return nil
}

// groupPointID reads a group id (a string or an integer) as a point id.
func groupPointID(v any) (vectorstore.PointID, bool) {
	var id vectorstore.PointID
	b, err := json.Marshal(v)
	if err != nil || json.Unmarshal(b, &id) != nil {
		return id, false
	}
	return id, true
}
