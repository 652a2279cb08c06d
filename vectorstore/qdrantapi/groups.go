package qdrantapi

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/gaianet-go/gaianet/vectorstore"
)

// queryGroupsReq is Qdrant's QueryGroupsRequest.
type queryGroupsReq struct {
	queryJSON
	WithPayload withPayload     `json:"with_payload"`
	WithVector  withVector      `json:"with_vector"`
	WithVectors withVector      `json:"with_vectors"`
	ShardKey    json.RawMessage `json:"shard_key"`
	GroupBy     *string         `json:"group_by"`
	GroupSize   *count          `json:"group_size"`
	WithLookup  *withLookup     `json:"with_lookup"`
}

type groupJSON struct {
	ID     any      `json:"id"`
	Hits   []record `json:"hits"`
	Lookup *record  `json:"lookup,omitempty"`
}

// maxGroupFetch bounds how many hits one groups query walks through.
const maxGroupFetch = 1 << 20

// queryGroups serves POST /points/query/groups: the query's hits in score
// order are grouped by the value(s) of the payload field group_by (a point
// whose field is an array joins one group per value; points without a
// string or integer value there are skipped); the first limit groups are
// returned, each with its best group_size hits. Hits are fetched in
// growing rounds until those groups are full or the query is exhausted.
func (s *Server) queryGroups(w http.ResponseWriter, r *http.Request) (any, error) {
	var req queryGroupsReq
	if err := s.decodeBody(w, r, &req); err != nil {
		return nil, err
	}
	if err := req.WithVector.alias(req.WithVectors); err != nil {
		return nil, err
	}
	if req.GroupBy == nil {
		return nil, badRequest("group_by is required")
	}
	path, err := parsePayloadPath(*req.GroupBy)
	if err != nil {
		return nil, err
	}
	groupSize := 3
	if req.GroupSize != nil {
		if *req.GroupSize < 1 {
			return nil, unprocessable("group_size: must be at least 1")
		}
		groupSize = int(*req.GroupSize)
	}
	groups, err := limitOf(req.Limit)
	if err != nil {
		return nil, err
	}
	q := queryReq{queryJSON: req.queryJSON, WithPayload: withPayload{set: true, on: true}, WithVector: req.WithVector, ShardKey: req.ShardKey}
	fetch := count(min(min(groups, maxGroupFetch)*min(groupSize, maxGroupFetch)*2, maxGroupFetch))
	for {
		q.Limit = &fetch
		sr, err := q.storeRequest(true, s.lookup(r.Context()))
		if err != nil {
			return nil, err
		}
		start := s.now()
		hits, err := s.store.Query(r.Context(), r.PathValue("c"), sr)
		if err != nil {
			return nil, err
		}
		s.noteFiltered(r.PathValue("c"), start, requestFilters(sr.Filter, sr.Prefetch)...)
		out, full := groupHits(hits, path, groups, groupSize)
		if full || len(hits) < int(fetch) || fetch >= maxGroupFetch {
			rendered := s.renderGroups(out, &req.WithPayload, req.WithVector.on)
			if req.WithLookup != nil {
				if err := s.lookupGroups(r.Context(), req.WithLookup, rendered); err != nil {
					return nil, err
				}
			}
			return map[string]any{"groups": rendered}, nil
		}
		fetch = min(fetch*4, maxGroupFetch)
	}
}

type hitGroup struct {
	id   any
	hits []vectorstore.ScoredPoint
}

// groupHits groups hits (best first) by the value at path; full reports
// whether the first n groups all hold size hits.
func groupHits(hits []vectorstore.ScoredPoint, path []pathSeg, n, size int) ([]*hitGroup, bool) {
	var order []*hitGroup
	byKey := map[string]*hitGroup{}
	for _, h := range hits {
		for _, v := range groupValues(h.Payload, path) {
			key := fmt.Sprintf("%T:%v", v, v)
			g := byKey[key]
			if g == nil {
				if len(order) == n {
					continue
				}
				g = &hitGroup{id: v}
				byKey[key] = g
				order = append(order, g)
			}
			if len(g.hits) < size && (len(g.hits) == 0 || g.hits[len(g.hits)-1].ID != h.ID) {
				g.hits = append(g.hits, h)
			}
		}
	}
	full := len(order) == n
	for _, g := range order {
		full = full && len(g.hits) == size
	}
	return order, full
}

// groupValues returns the string and integer values at path (each element
// of an array).
func groupValues(payload map[string]any, path []pathSeg) []any {
	v, ok := project(payload, path)
	if !ok {
		return nil
	}
	for _, seg := range path {
		v = v.(map[string]any)[seg.key]
		if seg.all || seg.index >= 0 {
			break // an array selection: collect below
		}
	}
	var out []any
	var add func(any)
	add = func(x any) {
		switch t := x.(type) {
		case string:
			out = append(out, t)
		case float64:
			if t == float64(int64(t)) {
				out = append(out, int64(t))
			}
		case []any:
			for _, e := range t {
				add(e)
			}
		}
	}
	add(v)
	return out
}

func (s *Server) renderGroups(gs []*hitGroup, wp *withPayload, wv bool) []groupJSON {
	out := make([]groupJSON, 0, len(gs))
	for _, g := range gs {
		out = append(out, groupJSON{ID: g.id, Hits: s.scored(g.hits, wp, wv)})
	}
	return out
}
