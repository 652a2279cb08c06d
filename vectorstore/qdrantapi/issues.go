package qdrantapi

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gaianet-go/gaianet/vectorstore"
)

// slowFilteredRequest is how long a filtered read may take before the
// unindexed fields of its filter are reported as an issue (Qdrant reports
// unindexed fields of slow searches the same way).
const slowFilteredRequest = time.Second

// issueLog holds the issues GET /issues reports, by code: today one kind,
// Qdrant's UNINDEXED_FIELD, a payload field without an index that a slow
// filtered request used. DELETE /issues clears it.
type issueLog struct {
	mu     sync.Mutex
	issues map[string]issue
	slow   atomic.Int64 // nanoseconds: slowFilteredRequest; tests lower it
}

type issue struct {
	ID          string         `json:"id"`
	Description string         `json:"description"`
	Solution    map[string]any `json:"solution"`
	Timestamp   string         `json:"timestamp"`
}

// maxIssues bounds the log (filters come from clients).
const maxIssues = 1000

// noteFiltered records, after a filtered read of collection coll that
// began at start, an issue for each field its filters test that has no
// payload index, when the read was slow.
func (s *Server) noteFiltered(coll string, start time.Time, filters ...*vectorstore.Filter) {
	took := s.now().Sub(start)
	if took < time.Duration(s.issues.slow.Load()) {
		return
	}
	info, err := s.store.CollectionInfo(coll)
	if err != nil {
		return
	}
	fields := map[string]string{}
	for _, f := range filters {
		filterFields(f, "", fields)
	}
	now := s.now().UTC().Format(time.RFC3339Nano)
	s.issues.mu.Lock()
	defer s.issues.mu.Unlock()
	for field, schema := range fields {
		if _, indexed := info.PayloadSchema[field]; indexed || len(s.issues.issues) >= maxIssues {
			continue
		}
		code := fmt.Sprintf("UNINDEXED_FIELD,%s,%s,%s", coll, field, schema)
		s.issues.issues[code] = issue{
			ID:          code,
			Description: fmt.Sprintf("Unindexed field '%s' of type '%s' is slowing down queries in collection '%s' (a filtered request took %s)", field, schema, coll, took.Round(time.Millisecond)),
			Solution: map[string]any{"immediate": map[string]any{
				"message": fmt.Sprintf("Create an index on field '%s' of schema type '%s'", field, schema),
				"action": map[string]any{
					"method": http.MethodPut, "uri": "/collections/" + coll + "/index",
					"headers": map[string]string{"content-type": "application/json"},
					"body":    map[string]any{"field_name": field, "field_schema": schema},
				},
			}},
			Timestamp: now,
		}
	}
}

// filterFields adds to out each payload field f tests, with the index
// schema that would serve the test; prefix is the path of an enclosing
// nested condition.
func filterFields(f *vectorstore.Filter, prefix string, out map[string]string) {
	if f == nil {
		return
	}
	conds := slices.Concat(f.Must, f.Should, f.MustNot)
	if f.MinShould != nil {
		conds = append(conds, f.MinShould.Conditions...)
	}
	for i := range conds {
		c := &conds[i]
		switch {
		case c.Filter != nil:
			filterFields(c.Filter, prefix, out)
		case c.Nested != nil:
			filterFields(&c.Nested.Filter, prefix+c.Nested.Key+"[].", out)
		case c.Key != "":
			if schema := conditionSchema(c); schema != "" {
				out[prefix+c.Key] = schema
			}
		}
	}
}

// conditionSchema is the payload index type that serves condition c ("" when
// none does, as for is_empty).
func conditionSchema(c *vectorstore.Condition) string {
	switch {
	case c.Match != nil:
		m := c.Match
		if m.Text != "" || m.TextAny != "" || m.Phrase != "" {
			return "text"
		}
		v := m.Value
		if v == nil && len(m.Any) > 0 {
			v = m.Any[0]
		}
		if v == nil && len(m.Except) > 0 {
			v = m.Except[0]
		}
		switch t := v.(type) {
		case bool:
			return "bool"
		case float64:
			if t == float64(int64(t)) {
				return "integer"
			}
			return "float"
		case string:
			if _, err := parseUUID(t); err == nil {
				return "uuid"
			}
		}
		return "keyword"
	case c.Range != nil:
		if c.Range.Datetime {
			return "datetime"
		}
		return "float"
	case c.GeoBoundingBox != nil, c.GeoRadius != nil, c.GeoPolygon != nil:
		return "geo"
	}
	return ""
}

// parseUUID reports whether s is a UUID in its hyphenated form.
func parseUUID(s string) (string, error) {
	if len(s) != 36 || strings.Count(s, "-") != 4 {
		return "", fmt.Errorf("not a UUID")
	}
	var id vectorstore.PointID
	if err := id.UnmarshalJSON([]byte(`"` + s + `"`)); err != nil {
		return "", err
	}
	return s, nil
}

func (s *Server) listIssues(w http.ResponseWriter, r *http.Request) (any, error) {
	s.issues.mu.Lock()
	defer s.issues.mu.Unlock()
	list := make([]issue, 0, len(s.issues.issues))
	for _, is := range s.issues.issues {
		list = append(list, is)
	}
	slices.SortFunc(list, func(a, b issue) int { return strings.Compare(a.ID, b.ID) })
	return map[string]any{"issues": list}, nil
}

func (s *Server) clearIssues(w http.ResponseWriter, r *http.Request) (any, error) {
	s.issues.mu.Lock()
	defer s.issues.mu.Unlock()
	clear(s.issues.issues)
	return true, nil
}
