package qdrantapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gaianet-go/gaianet/vectorstore"
)

// searchParams is Qdrant's SearchParams.
type searchParams struct {
	HNSWEf       *int                   `json:"hnsw_ef"`
	Exact        bool                   `json:"exact"`
	Quantization json.RawMessage        `json:"quantization"`
	IndexedOnly  bool                   `json:"indexed_only"`
	Acorn        json.RawMessage        `json:"acorn"`
	IDF          *vectorstore.IDFParams `json:"idf"`
}

func (p *searchParams) store() (vectorstore.SearchParams, error) {
	var out vectorstore.SearchParams
	if p == nil {
		return out, nil
	}
	switch {
	case present(p.Quantization):
		return out, refusedField("params.quantization", "quantization configs")
	case present(p.Acorn):
		return out, refusedField("params.acorn", "ACORN filtered search")
	}
	if p.HNSWEf != nil {
		switch {
		case *p.HNSWEf == 0:
			return out, unprocessable("params.hnsw_ef: value 0 invalid, must be 1 or larger")
		case *p.HNSWEf < 0:
			return out, badRequest("params.hnsw_ef: %d is not a non-negative integer", *p.HNSWEf)
		}
		out.HNSWEf = *p.HNSWEf
	}
	out.Exact = p.Exact
	out.IDF = p.IDF
	return out, nil
}

// queryJSON is the part of Qdrant's QueryRequest that a Prefetch shares.
type queryJSON struct {
	Prefetch       json.RawMessage     `json:"prefetch"`
	Query          json.RawMessage     `json:"query"`
	Using          *string             `json:"using"`
	Filter         *vectorstore.Filter `json:"filter"`
	Params         *searchParams       `json:"params"`
	ScoreThreshold *float32            `json:"score_threshold"`
	Limit          *count              `json:"limit"`
	LookupFrom     json.RawMessage     `json:"lookup_from"`
}

// queryReq is Qdrant's QueryRequest.
type queryReq struct {
	queryJSON
	Offset      *count          `json:"offset"`
	WithPayload withPayload     `json:"with_payload"`
	WithVector  withVector      `json:"with_vector"`
	WithVectors withVector      `json:"with_vectors"`
	ShardKey    json.RawMessage `json:"shard_key"`
}

// maxPrefetchDepth bounds nested prefetches (hostile requests).
const maxPrefetchDepth = 16

// decodePrefetches decodes a prefetch: one object or a list.
func decodePrefetches(raw json.RawMessage, depth int, lk lookupFunc) ([]vectorstore.Prefetch, error) {
	if !present(raw) {
		return nil, nil
	}
	if depth > maxPrefetchDepth {
		return nil, badRequest("prefetch nested deeper than %d levels", maxPrefetchDepth)
	}
	var list []json.RawMessage
	raw = bytes.TrimSpace(raw)
	if raw[0] == '[' {
		if err := json.Unmarshal(raw, &list); err != nil {
			return nil, badRequest("prefetch: %v", err)
		}
	} else {
		list = []json.RawMessage{raw}
	}
	out := make([]vectorstore.Prefetch, 0, len(list))
	for _, one := range list {
		var q queryJSON
		if err := decodeJSON(one, &q); err != nil {
			return nil, err
		}
		pf, err := q.prefetch(depth, lk)
		if err != nil {
			return nil, err
		}
		out = append(out, pf)
	}
	return out, nil
}

// prefetch converts q; lk resolves the point ids of a query with
// lookup_from (nil refuses lookup_from).
func (q *queryJSON) prefetch(depth int, lk lookupFunc) (vectorstore.Prefetch, error) {
	var pf vectorstore.Prefetch
	if present(q.LookupFrom) && lk == nil {
		return pf, refusedField("lookup_from", "looking up vectors in another collection")
	}
	sub, err := decodePrefetches(q.Prefetch, depth+1, lk)
	if err != nil {
		return pf, err
	}
	query, err := decodeQuery(q.Query)
	if err != nil {
		return pf, err
	}
	if query != nil && query.Fusion != "" && q.Using != nil && *q.Using != "" {
		return pf, badRequest("Fusion queries cannot be combined with the 'using' field.")
	}
	if present(q.LookupFrom) {
		using := ""
		if q.Using != nil {
			using = *q.Using
		}
		if err := lk(q.LookupFrom, using, query); err != nil {
			return pf, err
		}
	}
	params, err := q.Params.store()
	if err != nil {
		return pf, err
	}
	limit, err := limitOf(q.Limit)
	if err != nil {
		return pf, err
	}
	pf = vectorstore.Prefetch{Prefetch: sub, Query: query, Filter: q.Filter, Params: params,
		ScoreThreshold: q.ScoreThreshold, Limit: limit}
	if q.Using != nil {
		pf.Using = *q.Using
	}
	return pf, nil
}

func limitOf(l *count) (int, error) {
	if l == nil {
		return 10, nil
	}
	if *l < 1 {
		return 0, unprocessable("internal.limit: value %d invalid, must be 1 or larger", *l)
	}
	return int(*l), nil
}

// maxCount is the largest limit or offset this API passes on; Qdrant takes
// any uint64 (clients send u64::MAX for "everything"), and no collection
// here holds more points than this.
const maxCount = 1<<31 - 1

// count is a limit or offset: an integer, clamped to maxCount.
type count int

func (c *count) UnmarshalJSON(b []byte) error {
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return err
	}
	i, err := strconv.ParseInt(string(n), 10, 64)
	if err != nil {
		if _, uerr := strconv.ParseUint(string(n), 10, 64); uerr != nil {
			return badRequest("%s is not an integer", n)
		}
		i = maxCount
	}
	*c = count(min(i, maxCount))
	return nil
}

// decodeQuery decodes Qdrant's QueryInterface: a vector input (nearest),
// or one of {"nearest"}, {"recommend"}, {"discover"}, {"context"},
// {"order_by"}, {"fusion"}, {"rrf"}, {"sample"}. Formula and relevance
// feedback queries and MMR are out of scope and refused by name.
func decodeQuery(raw json.RawMessage) (*vectorstore.Query, error) {
	if !present(raw) {
		return nil, nil
	}
	raw = bytes.TrimSpace(raw)
	if raw[0] != '{' {
		vi, err := decodeVectorInput(raw, "query")
		if err != nil {
			return nil, err
		}
		return &vectorstore.Query{Nearest: &vi}, nil
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		return nil, badRequest("query: %v", err)
	}
	if _, ok := obj["indices"]; ok { // a sparse vector
		vi, err := decodeVectorInput(raw, "query")
		if err != nil {
			return nil, err
		}
		return &vectorstore.Query{Nearest: &vi}, nil
	}
	if len(obj) == 0 {
		return nil, badRequest("query: empty object")
	}
	for _, k := range []string{"formula", "relevance_feedback"} {
		if _, ok := obj[k]; ok {
			return nil, refusedField("query."+k, map[string]string{"formula": "score formulas", "relevance_feedback": "relevance feedback"}[k])
		}
	}
	var mmr *vectorstore.MMR
	if raw, ok := obj["mmr"]; ok {
		if _, near := obj["nearest"]; !near {
			return nil, badRequest("query.mmr goes with query.nearest")
		}
		var err error
		if mmr, err = decodeMMR(raw); err != nil {
			return nil, err
		}
		delete(obj, "mmr")
	}
	if _, ok := obj["model"]; ok {
		return nil, refusedField("query as a document/image/inference object", "server-side inference")
	}
	if len(obj) != 1 {
		return nil, badRequest("query: give exactly one of nearest, recommend, discover, context, order_by, fusion, rrf, sample")
	}
	q := &vectorstore.Query{MMR: mmr}
	for k, v := range obj {
		switch k {
		case "nearest":
			vi, err := decodeVectorInput(v, "query.nearest")
			if err != nil {
				return nil, err
			}
			q.Nearest = &vi
		case "recommend":
			rec, err := decodeRecommend(v)
			if err != nil {
				return nil, err
			}
			q.Recommend = rec
		case "discover":
			var d struct {
				Target  json.RawMessage `json:"target"`
				Context json.RawMessage `json:"context"`
			}
			if err := decodeJSON(v, &d); err != nil {
				return nil, err
			}
			if !present(d.Target) || d.Context == nil {
				return nil, badRequest("query.discover needs target and context")
			}
			t, err := decodeVectorInput(d.Target, "query.discover.target")
			if err != nil {
				return nil, err
			}
			pairs, err := decodeContext(d.Context, "query.discover.context")
			if err != nil {
				return nil, err
			}
			q.Discover = &vectorstore.Discover{Target: t, Context: pairs}
		case "context":
			pairs, err := decodeContext(v, "query.context")
			if err != nil {
				return nil, err
			}
			q.Context = pairs
			if q.Context == nil {
				q.Context = []vectorstore.ContextPair{}
			}
		case "order_by":
			ob, err := decodeOrderBy(v)
			if err != nil {
				return nil, err
			}
			q.OrderBy = ob
		case "fusion":
			var f string
			if err := json.Unmarshal(v, &f); err != nil || (f != "rrf" && f != "dbsf") {
				return nil, badRequest("query.fusion must be \"rrf\" or \"dbsf\"")
			}
			q.Fusion = vectorstore.Fusion(f)
		case "rrf":
			var rrf struct {
				K       *int      `json:"k"`
				Weights []float32 `json:"weights"`
			}
			if err := decodeJSON(v, &rrf); err != nil {
				return nil, err
			}
			q.Fusion = vectorstore.FusionRRF
			if rrf.K != nil || rrf.Weights != nil {
				q.RRF = &vectorstore.RRFParams{Weights: rrf.Weights}
				if rrf.K != nil {
					if *rrf.K < 1 {
						return nil, unprocessable("query.rrf.k: must be at least 1")
					}
					q.RRF.K = *rrf.K
				}
			}
		case "sample":
			var kind string
			if err := json.Unmarshal(v, &kind); err != nil || kind != vectorstore.SampleRandom {
				return nil, badRequest("query.sample must be \"random\"")
			}
			q.Sample = kind
		default:
			return nil, badRequest("query: unknown query kind %q", k)
		}
	}
	return q, nil
}

// decodeMMR decodes Qdrant's Mmr: diversity in [0, 1] (default 0.5) and
// candidates_limit (default: the query's limit).
func decodeMMR(raw json.RawMessage) (*vectorstore.MMR, error) {
	var m struct {
		Diversity       *float32 `json:"diversity"`
		CandidatesLimit *count   `json:"candidates_limit"`
	}
	if err := decodeJSON(raw, &m); err != nil {
		return nil, err
	}
	if m.Diversity != nil && (*m.Diversity < 0 || *m.Diversity > 1) {
		return nil, unprocessable("query.mmr.diversity: value %v invalid, must be in [0, 1]", *m.Diversity)
	}
	out := &vectorstore.MMR{Diversity: m.Diversity}
	if m.CandidatesLimit != nil {
		if *m.CandidatesLimit < 0 {
			return nil, badRequest("query.mmr.candidates_limit: %d is not a non-negative integer", *m.CandidatesLimit)
		}
		out.CandidatesLimit = int(*m.CandidatesLimit)
	}
	return out, nil
}

// decodeVectorInput decodes Qdrant's VectorInput: a dense vector, a sparse
// vector, or a point id (its stored vector).
func decodeVectorInput(raw json.RawMessage, field string) (vectorstore.VectorInput, error) {
	var vi vectorstore.VectorInput
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return vi, badRequest("%s is empty", field)
	}
	switch raw[0] {
	case '[':
		if isMulti(raw) {
			m, err := decodeMulti(raw, field)
			vi.Multi = m
			return vi, err
		}
		d, err := decodeDense(raw, field)
		vi.Dense = d
		return vi, err
	case '{':
		var obj map[string]json.RawMessage
		if json.Unmarshal(raw, &obj) == nil {
			if _, ok := obj["model"]; ok {
				return vi, refusedField(field+" as a document/image/inference object", "server-side inference")
			}
		}
		sv, err := decodeSparse(raw, field)
		if err != nil {
			return vi, err
		}
		vi.Sparse = &sv
		return vi, nil
	default:
		var id vectorstore.PointID
		if err := json.Unmarshal(raw, &id); err != nil {
			return vi, badRequest("%s must be a vector, a sparse vector or a point id: %v", field, err)
		}
		vi.ID = &id
		return vi, nil
	}
}

func decodeInputs(raw json.RawMessage, field string) ([]vectorstore.VectorInput, error) {
	if !present(raw) {
		return nil, nil
	}
	var list []json.RawMessage
	if err := json.Unmarshal(raw, &list); err != nil {
		return nil, badRequest("%s must be a list", field)
	}
	out := make([]vectorstore.VectorInput, 0, len(list))
	for i, one := range list {
		vi, err := decodeVectorInput(one, fmt.Sprintf("%s[%d]", field, i))
		if err != nil {
			return nil, err
		}
		out = append(out, vi)
	}
	return out, nil
}

func decodeRecommend(raw json.RawMessage) (*vectorstore.Recommend, error) {
	var r struct {
		Positive json.RawMessage `json:"positive"`
		Negative json.RawMessage `json:"negative"`
		Strategy *string         `json:"strategy"`
	}
	if err := decodeJSON(raw, &r); err != nil {
		return nil, err
	}
	pos, err := decodeInputs(r.Positive, "query.recommend.positive")
	if err != nil {
		return nil, err
	}
	neg, err := decodeInputs(r.Negative, "query.recommend.negative")
	if err != nil {
		return nil, err
	}
	rec := &vectorstore.Recommend{Positive: pos, Negative: neg}
	if r.Strategy != nil {
		switch *r.Strategy {
		case "average_vector", "best_score", "sum_scores":
			rec.Strategy = vectorstore.RecommendStrategy(*r.Strategy)
		default:
			return nil, badRequest("query.recommend.strategy %q: want average_vector, best_score or sum_scores", *r.Strategy)
		}
	}
	if len(pos) == 0 && (len(neg) == 0 || rec.Strategy == "" || rec.Strategy == vectorstore.RecommendAverageVector) {
		return nil, unprocessable("query.recommend: at least one positive example is needed (or negatives with the best_score or sum_scores strategy)")
	}
	return rec, nil
}

// decodeContext decodes a list of {"positive", "negative"} pairs (or one).
func decodeContext(raw json.RawMessage, field string) ([]vectorstore.ContextPair, error) {
	raw = bytes.TrimSpace(raw)
	if !present(raw) {
		return nil, nil
	}
	var list []json.RawMessage
	if raw[0] == '[' {
		if err := json.Unmarshal(raw, &list); err != nil {
			return nil, badRequest("%s: %v", field, err)
		}
	} else {
		list = []json.RawMessage{raw}
	}
	out := make([]vectorstore.ContextPair, 0, len(list))
	for i, one := range list {
		var p struct {
			Positive json.RawMessage `json:"positive"`
			Negative json.RawMessage `json:"negative"`
		}
		if err := decodeJSON(one, &p); err != nil {
			return nil, err
		}
		if !present(p.Positive) || !present(p.Negative) {
			return nil, badRequest("%s[%d] needs positive and negative", field, i)
		}
		pos, err := decodeVectorInput(p.Positive, fmt.Sprintf("%s[%d].positive", field, i))
		if err != nil {
			return nil, err
		}
		neg, err := decodeVectorInput(p.Negative, fmt.Sprintf("%s[%d].negative", field, i))
		if err != nil {
			return nil, err
		}
		out = append(out, vectorstore.ContextPair{Positive: pos, Negative: neg})
	}
	return out, nil
}

// decodeOrderBy decodes Qdrant's OrderByInterface: a key, or {"key",
// "direction", "start_from"} (start_from a number or an RFC 3339 time).
func decodeOrderBy(raw json.RawMessage) (*vectorstore.OrderBy, error) {
	var key string
	if json.Unmarshal(raw, &key) == nil {
		return &vectorstore.OrderBy{Key: key}, nil
	}
	var ob struct {
		Key       string          `json:"key"`
		Direction *string         `json:"direction"`
		StartFrom json.RawMessage `json:"start_from"`
	}
	if err := decodeJSON(raw, &ob); err != nil {
		return nil, err
	}
	if ob.Key == "" {
		return nil, badRequest("order_by.key is required")
	}
	out := &vectorstore.OrderBy{Key: ob.Key}
	if ob.Direction != nil {
		if *ob.Direction != "asc" && *ob.Direction != "desc" {
			return nil, badRequest("order_by.direction must be asc or desc")
		}
		out.Desc = *ob.Direction == "desc"
	}
	if present(ob.StartFrom) {
		var f float64
		var ts string
		switch {
		case json.Unmarshal(ob.StartFrom, &f) == nil:
		case json.Unmarshal(ob.StartFrom, &ts) == nil:
			t, err := parseDatetime(ts)
			if err != nil {
				return nil, badRequest("order_by.start_from %q: %v", ts, err)
			}
			f = float64(t.UnixNano()) / 1e9 // exactly as the store converts stored date-times
		default:
			return nil, badRequest("order_by.start_from must be a number or a datetime")
		}
		out.StartFrom = &f
	}
	return out, nil
}

// parseDatetime accepts the datetime forms Qdrant's payload index does.
func parseDatetime(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02 15:04:05.999999999Z07:00", "2006-01-02 15:04:05.999999999", "2006-01-02",
		"2006-01-02T15:04Z07:00", "2006-01-02T15:04", "2006-01-02 15:04Z07:00", "2006-01-02 15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("not an RFC 3339 datetime")
}

// storeRequest converts a decoded QueryRequest; lk resolves lookup_from
// (nil refuses it).
func (req *queryReq) storeRequest(def bool, lk lookupFunc) (vectorstore.QueryRequest, error) {
	var out vectorstore.QueryRequest
	if err := req.WithVector.alias(req.WithVectors); err != nil {
		return out, err
	}
	req.WithVectors = withVector{}
	if present(req.ShardKey) {
		return out, refusedField("shard_key", "sharding")
	}
	pf, err := req.prefetch(0, lk)
	if err != nil {
		return out, err
	}
	if pf.Query == nil && len(pf.Prefetch) > 0 {
		return out, badRequest("A query is needed to merge the prefetches. Can't have prefetches without defining a query.")
	}
	if pf.Query == nil && req.ScoreThreshold != nil {
		return out, badRequest("A query is needed to use the score_threshold. Can't have score_threshold without defining a query.")
	}
	if pf.Query != nil && pf.Query.OrderBy != nil && req.ScoreThreshold != nil {
		return out, badRequest("Can't use score_threshold with an order_by query.")
	}
	out = vectorstore.QueryRequest{Prefetch: pf.Prefetch, Query: pf.Query, Using: pf.Using, Filter: pf.Filter,
		Params: pf.Params, ScoreThreshold: pf.ScoreThreshold, Limit: pf.Limit,
		With: with(&req.WithPayload, &req.WithVector, def)}
	if req.Offset != nil {
		if *req.Offset < 0 {
			return out, unprocessable("offset: must not be negative")
		}
		out.Offset = int(*req.Offset)
	}
	return out, nil
}

// requestFilters lists a query's filter and its prefetches' filters.
func requestFilters(f *vectorstore.Filter, pfs []vectorstore.Prefetch) []*vectorstore.Filter {
	out := []*vectorstore.Filter{f}
	for i := range pfs {
		out = append(out, requestFilters(pfs[i].Filter, pfs[i].Prefetch)...)
	}
	return out
}

// runQuery answers one QueryRequest with Qdrant's QueryResponse points.
func (s *Server) runQuery(r *http.Request, coll string, req *queryReq) ([]record, error) {
	sr, err := req.storeRequest(false, s.lookup(r.Context()))
	if err != nil {
		return nil, err
	}
	start := s.now()
	hits, err := s.store.Query(r.Context(), coll, sr)
	if err != nil {
		return nil, err
	}
	s.noteFiltered(coll, start, requestFilters(sr.Filter, sr.Prefetch)...)
	return s.scored(hits, &req.WithPayload, req.WithVector.on), nil
}

func (s *Server) query(w http.ResponseWriter, r *http.Request) (any, error) {
	b, err := s.readBody(w, r)
	if err != nil {
		return nil, err
	}
	var req queryReq
	if err := decodeJSON(b, &req); err != nil {
		// An unknown field is refused; but when the rest of the request
		// is wrong too, that is the error Qdrant (which ignores unknown
		// fields here) reports, so it is reported first.
		var lenient queryReq
		if strings.Contains(err.Error(), "unknown field") && json.Unmarshal(b, &lenient) == nil {
			if _, verr := lenient.storeRequest(false, nil); verr != nil && !strings.Contains(verr.Error(), "lookup_from") {
				return nil, verr
			}
		}
		return nil, err
	}
	pts, err := s.runQuery(r, r.PathValue("c"), &req)
	if err != nil {
		return nil, err
	}
	return map[string]any{"points": pts}, nil
}

func (s *Server) queryBatch(w http.ResponseWriter, r *http.Request) (any, error) {
	var req struct {
		Searches []json.RawMessage `json:"searches"`
	}
	if err := s.decodeBody(w, r, &req); err != nil {
		return nil, err
	}
	if req.Searches == nil {
		return nil, badRequest("searches is required")
	}
	out := make([]any, 0, len(req.Searches))
	for _, one := range req.Searches {
		var q queryReq
		if err := decodeJSON(one, &q); err != nil {
			return nil, err
		}
		pts, err := s.runQuery(r, r.PathValue("c"), &q)
		if err != nil {
			return nil, err
		}
		out = append(out, map[string]any{"points": pts})
	}
	return out, nil
}

// search serves the legacy POST /points/search (removed from Qdrant's
// v1.19 spec, still sent by older clients) through the query engine.
func (s *Server) search(w http.ResponseWriter, r *http.Request) (any, error) {
	var req struct {
		Vector         json.RawMessage     `json:"vector"`
		Filter         *vectorstore.Filter `json:"filter"`
		Params         *searchParams       `json:"params"`
		Limit          *count              `json:"limit"`
		Offset         *count              `json:"offset"`
		WithPayload    withPayload         `json:"with_payload"`
		WithVector     withVector          `json:"with_vector"`
		WithVectors    withVector          `json:"with_vectors"`
		ScoreThreshold *float32            `json:"score_threshold"`
		ShardKey       json.RawMessage     `json:"shard_key"`
	}
	if err := s.decodeBody(w, r, &req); err != nil {
		return nil, err
	}
	if !present(req.Vector) {
		return nil, badRequest("vector is required")
	}
	if err := req.WithVector.alias(req.WithVectors); err != nil {
		return nil, err
	}
	// The search form of a named vector is {"name": ..., "vector": ...}.
	var named struct {
		Name   string          `json:"name"`
		Vector json.RawMessage `json:"vector"`
	}
	query, using := req.Vector, ""
	if json.Unmarshal(req.Vector, &named) == nil && present(named.Vector) {
		query, using = named.Vector, named.Name
	}
	q := queryReq{queryJSON: queryJSON{Query: query, Using: &using, Filter: req.Filter, Params: req.Params,
		ScoreThreshold: req.ScoreThreshold, Limit: req.Limit}, Offset: req.Offset,
		WithPayload: req.WithPayload, WithVector: req.WithVector, ShardKey: req.ShardKey}
	return s.runQuery(r, r.PathValue("c"), &q)
}
