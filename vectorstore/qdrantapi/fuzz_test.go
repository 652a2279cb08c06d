package qdrantapi

import (
	"encoding/json"
	"errors"
	"net/http"
	"testing"
)

// checkDecodeErr fails t unless err is nil or an httpError with a 4xx code
// (a decoder never answers a request body with a server error).
func checkDecodeErr(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	var he *httpError
	if !errors.As(err, &he) || he.code < 400 || he.code > 499 {
		t.Fatalf("decoder error is not a 4xx: %v", err)
	}
}

// FuzzQueryRequest decodes arbitrary bodies as a Query API request (the
// largest decoder: prefetch trees, every query kind, selectors, filters)
// and converts them into the store's request.
func FuzzQueryRequest(f *testing.F) {
	for _, s := range []string{
		`{"query":[0.1,0.2],"limit":3,"with_payload":{"include":["a.b","c[].d"]},"with_vector":["text"]}`,
		`{"prefetch":[{"query":{"indices":[1,2],"values":[0.5,0.5]},"using":"sparse","limit":5},{"prefetch":{"query":[1,2]},"query":{"nearest":[1,2]}}],"query":{"fusion":"rrf"}}`,
		`{"query":{"recommend":{"positive":[1,"5c56c793-69f3-4fbf-87e6-c4bf54c28c26"],"negative":[[1,2]],"strategy":"best_score"}}}`,
		`{"query":{"discover":{"target":3,"context":[{"positive":1,"negative":2}]}}}`,
		`{"query":{"context":{"positive":1,"negative":2}},"filter":{"must":[{"key":"a","match":{"value":1}}]}}`,
		`{"query":{"order_by":{"key":"price","direction":"desc","start_from":"2024-01-01T00:00:00Z"}}}`,
		`{"query":{"rrf":{}},"score_threshold":0.5,"offset":2,"params":{"hnsw_ef":64,"exact":true}}`,
		`{"query":{"formula":{}}}`, `{"query":{"sample":"random"}}`, `{"query":{"model":"x","text":"y"}}`,
		`{"query":{"nearest":[[1,2],[3,4]],"mmr":{"diversity":0.5,"candidates_limit":100}},"using":"colbert","limit":18446744073709551615}`,
		`{"query":{"recommend":{"positive":[7]}},"lookup_from":{"collection":"other","vector":"v"}}`,
		`{"query":[1,0],"group_by":"doc","group_size":2,"with_lookup":{"collection":"docs","with_payload":["a"],"with_vector":true}}`,
		`{"query":[1,0],"group_by":"doc","with_lookup":"docs"}`,
		`{"query":{"indices":[1],"values":[1]},"using":"s","params":{"idf":{"corpus":{"must":{"key":"a","match":{"value":1}}}}}}`, `{"query":[1],"params":{"idf":"global"}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var req queryReq
		if err := decodeJSON(b, &req); err != nil {
			checkDecodeErr(t, err)
			return
		}
		_, err := req.storeRequest(false, nil)
		checkDecodeErr(t, err)
		var groups queryGroupsReq
		if err := decodeJSON(b, &groups); err != nil {
			checkDecodeErr(t, err)
		}
	})
}

// FuzzPointsRequests decodes arbitrary bodies as upserts (list and batch,
// named dense and sparse vectors) and payload edits.
func FuzzPointsRequests(f *testing.F) {
	for _, s := range []string{
		`{"points":[{"id":1,"vector":[1,2,3],"payload":{"a":1}},{"id":"5c56c793-69f3-4fbf-87e6-c4bf54c28c26","vector":{"text":[1,2],"sparse":{"indices":[3],"values":[0.1]}}}]}`,
		`{"batch":{"ids":[1,2],"vectors":{"text":[[1,2],[3,4]],"sp":[{"indices":[],"values":[]},{"indices":[1],"values":[2]}]},"payloads":[{},null]}}`,
		`{"batch":{"ids":[1],"vectors":[[1,2]]}}`, `{"points":[{"id":1,"vector":[1]}],"update_mode":"insert_only","update_filter":{"must":{"key":"v","range":{"lt":4}}}}`,
		`{"points":[{"id":1,"vector":{}}]}`, `{"points":[{"id":1,"vector":[[1,2],[3,4]]}]}`,
		`{"payload":{"a":{"b":1}},"points":[1,2],"key":"x.y[0]"}`, `{"keys":["a","b[].c"],"filter":{}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var up upsertReq
		if err := decodeJSON(b, &up); err != nil {
			checkDecodeErr(t, err)
		} else if pts, err := up.storePoints(); err != nil {
			checkDecodeErr(t, err)
		} else if _, err := up.options(); err != nil {
			checkDecodeErr(t, err)
		} else {
			for _, p := range pts {
				for name, sv := range p.Sparse {
					if len(sv.Indices) != len(sv.Values) {
						t.Fatalf("sparse vector %q accepted with %d indices and %d values", name, len(sv.Indices), len(sv.Values))
					}
				}
			}
		}
		var sp setPayloadReq
		if err := decodeJSON(b, &sp); err != nil {
			checkDecodeErr(t, err)
		} else {
			_, err := sp.op(false)
			checkDecodeErr(t, err)
		}
		var dp deletePayloadReq
		if err := decodeJSON(b, &dp); err != nil {
			checkDecodeErr(t, err)
		} else {
			_, err := dp.op()
			checkDecodeErr(t, err)
		}
	})
}

// FuzzPayloadSelector decodes with_payload selectors and applies them to a
// nested payload: an include never adds data that was not there.
func FuzzPayloadSelector(f *testing.F) {
	for _, s := range []string{`true`, `["a","b.c"]`, `{"include":["b.c","d[].e","d[1].e"]}`, `{"exclude":["b","d[].e"]}`, `{"include":[]}`, `"x"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var wp withPayload
		if err := json.Unmarshal(b, &wp); err != nil {
			checkDecodeErr(t, unwrapJSON(err))
			return
		}
		payload := func() map[string]any {
			var m map[string]any
			json.Unmarshal([]byte(`{"a":1,"b":{"c":[1,2],"x":"y"},"d":[{"e":1,"f":2},{"e":3},5]}`), &m)
			return m
		}
		got := wp.apply(payload())
		if wp.include != nil {
			full, _ := json.Marshal(payload())
			part, _ := json.Marshal(got)
			if len(part) > len(full) {
				t.Fatalf("include selected more than the payload: %s from %s", part, full)
			}
		}
	})
}

// unwrapJSON returns the httpError inside a json.Unmarshal error, if any.
func unwrapJSON(err error) error {
	var he *httpError
	if errors.As(err, &he) {
		return he
	}
	return &httpError{code: http.StatusBadRequest, err: err}
}
