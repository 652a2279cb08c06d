package vectorstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// filterFixture: points 0..9 with varied payloads.
func filterFixture(t *testing.T, s *Store, name string) {
	t.Helper()
	ctx := context.Background()
	mustCreate(t, s, name, CollectionConfig{Dim: 2, Distance: Dot, Vectors: map[string]VectorParams{"img": {Size: 2, Distance: Cosine}}})
	payloads := []string{
		`{"tags": ["a", "b"], "city": {"lon": 13.40, "lat": 52.52}, "at": "2024-01-01T00:00:00Z", "text": "The quick brown fox"}`,
		`{"tags": [], "city": {"lon": 2.35, "lat": 48.86}, "at": "2024-06-01T12:00:00Z", "text": "quick foxes jump"}`,
		`{"tags": ["a"], "city": [{"lon": -0.13, "lat": 51.51}], "at": "2023-12-31T23:59:59Z", "text": "brown the fox"}`,
		`{"tags": null, "text": "lazy dog"}`,
		`{"name": "keyword-1", "text": "Quick Brown"}`,
		`{"name": "keyword-2", "n": 5}`,
		`{"name": "other", "n": 7.5}`,
		`{}`,
		`{"tags": ["x", "y", "z"]}`,
		`{"nested": [{"k": 1, "v": "a"}, {"k": 2, "v": "b"}]}`,
	}
	var pts []Point
	for i, js := range payloads {
		var pay map[string]any
		if err := json.Unmarshal([]byte(js), &pay); err != nil {
			t.Fatal(err)
		}
		p := Point{ID: NumID(uint64(i)), Vector: []float32{1, float32(i)}, Payload: pay}
		if i%2 == 0 {
			p.Vectors = map[string][]float32{"img": {1, 1}}
		}
		pts = append(pts, p)
	}
	if err := s.Upsert(ctx, name, pts); err != nil {
		t.Fatal(err)
	}
}

func matchIDs(t *testing.T, s *Store, coll, filter string) []uint64 {
	t.Helper()
	var f Filter
	if err := json.Unmarshal([]byte(filter), &f); err != nil {
		t.Fatalf("%s: %v", filter, err)
	}
	page, err := s.Scroll(context.Background(), coll, ScrollRequest{Filter: &f, Limit: 1 << 20})
	if err != nil {
		t.Fatalf("%s: %v", filter, err)
	}
	var out []uint64
	for _, r := range page.Points {
		out = append(out, r.ID.Num())
	}
	n, err := s.Count(context.Background(), coll, &f)
	if err != nil || n != len(out) {
		t.Fatalf("%s: count %d, %v; scroll %d", filter, n, err, len(out))
	}
	return out
}

func TestFilterConditions(t *testing.T) {
	s, _ := openTemp(t, nil)
	filterFixture(t, s, "f")
	ctx := context.Background()
	cases := []struct {
		filter string
		want   []uint64
	}{
		// min_should: at least 2 of 3.
		{`{"min_should": {"conditions": [{"key": "tags", "match": {"value": "a"}}, {"key": "tags", "match": {"value": "b"}}, {"has_id": [0, 8]}], "min_count": 2}}`, []uint64{0}},
		{`{"min_should": {"conditions": [{"key": "tags", "match": {"value": "a"}}, {"has_id": [8]}], "min_count": 1}}`, []uint64{0, 2, 8}},
		{`{"must": [{"key": "tags", "values_count": {"gte": 2}}]}`, []uint64{0, 8}},
		{`{"must": [{"key": "tags", "values_count": {"lt": 1}}]}`, []uint64{1, 3, 4, 5, 6, 7, 9}}, // a missing field has 0 values
		{`{"must": [{"has_vector": "img"}]}`, []uint64{0, 2, 4, 6, 8}},
		{`{"must": [{"has_vector": ""}]}`, []uint64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}},
		{`{"must": [{"key": "tags", "is_empty": true}]}`, []uint64{1, 3, 4, 5, 6, 7, 9}},
		{`{"must": [{"key": "tags", "is_empty": false}]}`, []uint64{0, 2, 8}},
		{`{"must": [{"is_null": {"key": "tags"}}]}`, []uint64{3}},
		{`{"must": [{"key": "tags", "is_null": true}]}`, []uint64{3}},
		// Berlin and Paris are in the box, London (an array value) too.
		{`{"must": [{"key": "city", "geo_bounding_box": {"top_left": {"lon": -1, "lat": 53}, "bottom_right": {"lon": 14, "lat": 48}}}]}`, []uint64{0, 1, 2}},
		// 400 km around Paris: London (344 km) yes, Berlin (878 km) no.
		{`{"must": [{"key": "city", "geo_radius": {"center": {"lon": 2.35, "lat": 48.86}, "radius": 400000}}]}`, []uint64{1, 2}},
		{`{"must": [{"key": "city", "geo_polygon": {"exterior": {"points": [{"lon": 10, "lat": 50}, {"lon": 15, "lat": 50}, {"lon": 15, "lat": 55}, {"lon": 10, "lat": 55}, {"lon": 10, "lat": 50}]}}}]}`, []uint64{0}},
		{`{"must": [{"key": "city", "geo_polygon": {"exterior": {"points": [{"lon": 10, "lat": 50}, {"lon": 15, "lat": 50}, {"lon": 15, "lat": 55}, {"lon": 10, "lat": 55}, {"lon": 10, "lat": 50}]}, "interiors": [{"points": [{"lon": 13, "lat": 52}, {"lon": 14, "lat": 52}, {"lon": 14, "lat": 53}, {"lon": 13, "lat": 53}, {"lon": 13, "lat": 52}]}]}}]}`, nil},
		{`{"must": [{"key": "at", "range": {"gte": "2024-01-01T00:00:00Z"}}]}`, []uint64{0, 1}},
		{`{"must": [{"key": "at", "range": {"lt": "2024-01-01T00:00:00+00:00"}}]}`, []uint64{2}},
		{`{"must": [{"key": "name", "match": {"prefix": "keyword-"}}]}`, []uint64{4, 5}},
		// Without a text index: substring semantics (Qdrant's).
		{`{"must": [{"key": "text", "match": {"text": "quick"}}]}`, []uint64{0, 1}},
		{`{"must": [{"key": "text", "match": {"phrase": "brown fox"}}]}`, []uint64{0}},
		{`{"must": [{"key": "text", "match": {"text_any": "lazy jump"}}]}`, []uint64{1, 3}},
		{`{"must": [{"key": "n", "match": {"except": [5]}}]}`, []uint64{6}},
		{`{"must": [{"nested": {"key": "nested", "filter": {"must": [{"key": "k", "match": {"value": 2}}, {"key": "v", "match": {"value": "b"}}]}}}]}`, []uint64{9}},
		{`{"must": [{"nested": {"key": "nested", "filter": {"must": [{"key": "k", "match": {"value": 2}}, {"key": "v", "match": {"value": "a"}}]}}}]}`, nil},
	}
	for _, c := range cases {
		if got := matchIDs(t, s, "f", c.filter); !slices.Equal(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.filter, got, c.want)
		}
	}
	// With a text index: token semantics, lower-cased.
	if err := s.CreatePayloadIndex(ctx, "f", "text", PayloadIndexParams{Type: SchemaText}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		filter string
		want   []uint64
	}{
		{`{"must": [{"key": "text", "match": {"text": "quick"}}]}`, []uint64{0, 1, 4}},
		{`{"must": [{"key": "text", "match": {"text": "fox brown"}}]}`, []uint64{0, 2}},
		{`{"must": [{"key": "text", "match": {"phrase": "brown fox"}}]}`, []uint64{0}},
		{`{"must": [{"key": "text", "match": {"text_any": "dog jump"}}]}`, []uint64{1, 3}},
	} {
		if got := matchIDs(t, s, "f", c.filter); !slices.Equal(got, c.want) {
			t.Errorf("indexed %s: got %v, want %v", c.filter, got, c.want)
		}
	}
	if err := s.CreatePayloadIndex(ctx, "f", "text", PayloadIndexParams{Type: SchemaText, Tokenizer: TokenizerPrefix}); err != nil {
		t.Fatal(err)
	}
	if got := matchIDs(t, s, "f", `{"must": [{"key": "text", "match": {"text": "qui bro"}}]}`); !slices.Equal(got, []uint64{0, 4}) {
		t.Errorf("prefix tokenizer: got %v", got)
	}
	for _, bad := range []string{
		`{"min_should": {"conditions": [], "min_count": 0}}`,
		`{"must": [{"key": "tags", "values_count": {"gt": 1, "gte": 2}}]}`,
		`{"must": [{"key": "c", "geo_radius": {"center": {"lon": 200, "lat": 0}, "radius": 1}}]}`,
		`{"must": [{"key": "c", "geo_polygon": {"exterior": {"points": [{"lon": 1, "lat": 1}]}}}]}`,
		`{"must": [{"key": "at", "range": {"gt": "yesterday"}}]}`,
		`{"must": [{"key": "at", "range": {"gt": "2024-01-01", "lt": 5}}]}`,
		`{"must": [{"key": "text", "match": {"text": "a", "phrase": "b"}}]}`,
	} {
		var f Filter
		err := json.Unmarshal([]byte(bad), &f)
		if err == nil {
			_, err = s.Count(ctx, "f", &f)
		}
		if !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: err = %v, want ErrInvalid", bad, err)
		}
	}
}

// TestIndexPlannerMatchesScan runs random filters on two collections with
// the same points, one with payload indexes on every field and one
// without: every answer must be the same, and the indexed collection's
// planner must have been used.
func TestIndexPlannerMatchesScan(t *testing.T) {
	ctx := context.Background()
	s, dir := openTemp(t, nil)
	rng := rand.New(rand.NewPCG(5, 6))
	words := []string{"alpha", "beta", "gamma", "delta", "eps"}
	mk := func(i int) map[string]any {
		p := map[string]any{
			"kw":  words[rng.IntN(len(words))],
			"i":   float64(rng.IntN(50)),
			"f":   rng.Float64() * 10,
			"b":   rng.IntN(2) == 0,
			"dt":  fmt.Sprintf("2024-%02d-%02dT10:00:00Z", rng.IntN(12)+1, rng.IntN(28)+1),
			"txt": words[rng.IntN(5)] + " " + words[rng.IntN(5)],
			"geo": map[string]any{"lon": rng.Float64()*360 - 180, "lat": rng.Float64()*180 - 90},
		}
		if rng.IntN(5) == 0 {
			p["kw"] = []any{words[rng.IntN(5)], words[rng.IntN(5)]}
		}
		return p
	}
	for _, name := range []string{"plain", "indexed"} {
		mustCreate(t, s, name, CollectionConfig{Dim: 2, Distance: Dot})
	}
	idx := map[string]PayloadIndexParams{"kw": {Type: SchemaKeyword}, "i": {Type: SchemaInteger}, "f": {Type: SchemaFloat}, "b": {Type: SchemaBool}, "dt": {Type: SchemaDatetime}, "txt": {Type: SchemaText}, "geo": {Type: SchemaGeo}}
	for f, p := range idx {
		if err := s.CreatePayloadIndex(ctx, "indexed", f, p); err != nil {
			t.Fatal(err)
		}
	}
	for round := range 3 {
		var pts []Point
		for i := range 400 {
			pts = append(pts, Point{ID: NumID(uint64(rng.IntN(600))), Vector: []float32{1, float32(i)}, Payload: mk(i)})
		}
		for _, name := range []string{"plain", "indexed"} {
			if err := s.Upsert(ctx, name, pts); err != nil {
				t.Fatal(err)
			}
			if round == 1 {
				if _, err := s.Delete(ctx, name, []PointID{NumID(1), NumID(2), NumID(3)}); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	conds := []func() string{
		func() string { return fmt.Sprintf(`{"key": "kw", "match": {"value": %q}}`, words[rng.IntN(5)]) },
		func() string {
			return fmt.Sprintf(`{"key": "kw", "match": {"any": [%q, %q]}}`, words[rng.IntN(5)], words[rng.IntN(5)])
		},
		func() string { return fmt.Sprintf(`{"key": "i", "match": {"value": %d}}`, rng.IntN(50)) },
		func() string {
			return fmt.Sprintf(`{"key": "i", "range": {"gte": %d, "lt": %d}}`, rng.IntN(50), rng.IntN(50))
		},
		func() string {
			return fmt.Sprintf(`{"key": "f", "range": {"gt": %g, "lte": %g}}`, rng.Float64()*10, rng.Float64()*10)
		},
		func() string { return fmt.Sprintf(`{"key": "b", "match": {"value": %v}}`, rng.IntN(2) == 0) },
		func() string {
			return fmt.Sprintf(`{"key": "dt", "range": {"gte": "2024-%02d-01T00:00:00Z", "lt": "2024-%02d-01T00:00:00Z"}}`, rng.IntN(6)+1, rng.IntN(6)+6)
		},
		func() string { return fmt.Sprintf(`{"key": "txt", "match": {"text": %q}}`, words[rng.IntN(5)]) },
		func() string { return fmt.Sprintf(`{"key": "kw", "match": {"prefix": %q}}`, words[rng.IntN(5)][:2]) },
		func() string {
			lat, lon := rng.Float64()*160-80, rng.Float64()*280-150
			return fmt.Sprintf(`{"key": "geo", "geo_bounding_box": {"top_left": {"lon": %g, "lat": %g}, "bottom_right": {"lon": %g, "lat": %g}}}`, lon, lat+10, lon+40, lat-10)
		},
		func() string {
			return fmt.Sprintf(`{"key": "geo", "geo_radius": {"center": {"lon": %g, "lat": %g}, "radius": %g}}`, rng.Float64()*360-180, rng.Float64()*180-90, rng.Float64()*3e6)
		},
		func() string {
			lat, lon := rng.Float64()*140-70, rng.Float64()*300-150
			return fmt.Sprintf(`{"key": "geo", "geo_polygon": {"exterior": {"points": [{"lon": %g, "lat": %g}, {"lon": %g, "lat": %g}, {"lon": %g, "lat": %g}, {"lon": %g, "lat": %g}]}}}`,
				lon, lat, lon+30, lat+5, lon+10, lat+20, lon, lat)
		},
	}
	planned := 0
	check := func(s *Store, when string) {
		for range 300 {
			f := fmt.Sprintf(`{"must": [%s, %s]}`, conds[rng.IntN(len(conds))](), conds[rng.IntN(len(conds))]())
			if rng.IntN(3) == 0 {
				f = fmt.Sprintf(`{"must": [%s]}`, conds[rng.IntN(len(conds))]())
			}
			var flt Filter
			if err := json.Unmarshal([]byte(f), &flt); err != nil {
				t.Fatal(err)
			}
			a := matchIDs(t, s, "plain", f)
			b := matchIDs(t, s, "indexed", f)
			if !slices.Equal(a, b) {
				t.Fatalf("%s: %s: scan %v, index %v", when, f, a, b)
			}
			c, _ := s.collection("indexed")
			c.mu.RLock()
			cf, _ := compileFilter(&flt)
			c.bindFilterLocked(cf)
			if _, ok := c.indexCandidatesLocked(cf); ok {
				planned++
			}
			c.mu.RUnlock()
			// Filtered vector search agrees too.
			ra, _ := s.Search(ctx, "plain", SearchRequest{Vector: []float32{0, 1}, Filter: &flt, Limit: 5})
			rb, _ := s.Search(ctx, "indexed", SearchRequest{Vector: []float32{0, 1}, Filter: &flt, Limit: 5})
			if !slices.Equal(hitIDs(ra), hitIDs(rb)) {
				t.Fatalf("%s: %s: search %v vs %v", when, f, hitIDs(ra), hitIDs(rb))
			}
		}
	}
	check(s, "live")
	if planned < 100 {
		t.Fatalf("the planner used an index for %d of 300 filters", planned)
	}
	info, _ := s.CollectionInfo("indexed")
	if len(info.PayloadSchema) != len(idx) || info.PayloadSchema["i"].Points == 0 {
		t.Fatalf("payload schema %+v", info.PayloadSchema)
	}
	s.Close()
	for _, phase := range []string{"wal", "checkpoint"} {
		s2, err := Open(ctx, dir, nil)
		if err != nil {
			t.Fatal(err)
		}
		info2, _ := s2.CollectionInfo("indexed")
		if len(info2.PayloadSchema) != len(idx) || info2.PayloadSchema["i"] != info.PayloadSchema["i"] {
			t.Fatalf("%s: payload schema %+v, want %+v", phase, info2.PayloadSchema, info.PayloadSchema)
		}
		check(s2, phase)
		if phase == "wal" {
			if err := s2.Checkpoint(ctx); err != nil {
				t.Fatal(err)
			}
			if ok, err := s2.DeletePayloadIndex(ctx, "indexed", "nope"); ok || err != nil {
				t.Fatalf("delete a missing index: %v %v", ok, err)
			}
		}
		s2.Close()
	}
}

// TestFilterQdrantForms: must/should/must_not given as one condition
// object, a key-only condition (ErrValidation, Qdrant's 422), and
// date-times without seconds.
func TestFilterQdrantForms(t *testing.T) {
	s, _ := openTemp(t, nil)
	filterFixture(t, s, "f")
	one := matchIDs(t, s, "f", `{"must": {"key": "name", "match": {"value": "other"}}, "must_not": null}`)
	list := matchIDs(t, s, "f", `{"must": [{"key": "name", "match": {"value": "other"}}]}`)
	if !slices.Equal(one, list) || len(one) != 1 {
		t.Fatalf("single-object must %v, list %v", one, list)
	}
	if got := matchIDs(t, s, "f", `{"must_not": {"has_id": [0, 1, 2, 3, 4, 5, 6, 7, 8]}}`); !slices.Equal(got, []uint64{9}) {
		t.Fatalf("single-object must_not: %v", got)
	}
	var f Filter
	if err := json.Unmarshal([]byte(`{"must": [{"key": "name"}]}`), &f); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Count(context.Background(), "f", &f); !errors.Is(err, ErrValidation) || !errors.Is(err, ErrInvalid) {
		t.Fatalf("key-only condition: %v", err)
	}
	if err := json.Unmarshal([]byte(`{"must": {"key": "name"}, "bogus": 1}`), &f); !errors.Is(err, ErrInvalid) {
		t.Fatalf("unknown filter key: %v", err)
	}
	// A key looks inside an array only when the path says so.
	for f, want := range map[string][]uint64{
		`{"must": {"key": "nested.v", "match": {"value": "a"}}}`:    nil,
		`{"must": {"key": "nested[].v", "match": {"value": "a"}}}`:  {9},
		`{"must": {"key": "nested[1].v", "match": {"value": "b"}}}`: {9},
		`{"must": {"key": "nested[1].v", "match": {"value": "a"}}}`: nil,
		`{"must": {"key": "tags[2]", "match": {"value": "z"}}}`:     {8},
	} {
		if got := matchIDs(t, s, "f", f); !slices.Equal(got, want) {
			t.Fatalf("%s: %v, want %v", f, got, want)
		}
	}
	// An empty prefix matches every string; an empty phrase or text nothing.
	if got := matchIDs(t, s, "f", `{"must": {"key": "name", "match": {"prefix": ""}}}`); !slices.Equal(got, []uint64{4, 5, 6}) {
		t.Fatalf("empty prefix: %v", got)
	}
	for _, m := range []string{`{"phrase": ""}`, `{"text": ""}`} {
		if got := matchIDs(t, s, "f", `{"must": {"key": "text", "match": `+m+`}}`); len(got) != 0 {
			t.Fatalf("%s: %v", m, got)
		}
	}
	for _, in := range []string{"2024-06-01T12:00", "2024-06-01 12:00", "2024-06-01T12:00+00:00"} {
		got := matchIDs(t, s, "f", `{"must": [{"key": "at", "range": {"gte": "`+in+`", "lte": "`+in+`"}}]}`)
		if !slices.Equal(got, []uint64{1}) {
			t.Fatalf("datetime %q: %v", in, got)
		}
	}
}

// TestTextStopwords: an English (or custom) stopwords list keeps those
// tokens out of the index and of queries, the option survives a
// checkpoint, and a language that is not built in is refused.
func TestTextStopwords(t *testing.T) {
	ctx := context.Background()
	s, dir := openTemp(t, nil)
	mustCreate(t, s, "t", CollectionConfig{Dim: 2, Distance: Dot})
	titles := []string{"The robot of the future", "A star is born", "Lord of the rings", "Robot and star", "Dune"}
	var pts []Point
	for i, ti := range titles {
		pts = append(pts, Point{ID: NumID(uint64(i)), Vector: []float32{1, 0}, Payload: map[string]any{"title": ti}})
	}
	if err := s.Upsert(ctx, "t", pts); err != nil {
		t.Fatal(err)
	}
	var sw Stopwords
	if err := json.Unmarshal([]byte(`{"languages": ["english"], "custom": ["Dune"]}`), &sw); err != nil {
		t.Fatal(err)
	}
	if err := s.CreatePayloadIndex(ctx, "t", "title", PayloadIndexParams{Type: SchemaText, Stopwords: &sw}); err != nil {
		t.Fatal(err)
	}
	check := func(s *Store, stage string) {
		t.Helper()
		anyIDs := matchIDs(t, s, "t", `{"must": {"key": "title", "match": {"text_any": "robot of the star"}}}`)
		split := matchIDs(t, s, "t", `{"should": [{"key": "title", "match": {"text": "robot"}}, {"key": "title", "match": {"text": "star"}}]}`)
		if !slices.Equal(anyIDs, split) || !slices.Equal(anyIDs, []uint64{0, 1, 3}) {
			t.Fatalf("%s: text_any %v, split %v", stage, anyIDs, split)
		}
		if got := matchIDs(t, s, "t", `{"must": {"key": "title", "match": {"text_any": "dune"}}}`); len(got) != 0 {
			t.Fatalf("%s: custom stopword matched %v", stage, got)
		}
	}
	s = checkThroughReopen(t, s, dir, check)
	info, _ := s.CollectionInfo("t")
	if got, _ := json.Marshal(info.PayloadSchema["title"].Params.Stopwords); string(got) != `{"languages":["english"],"custom":["Dune"]}` {
		t.Fatalf("stopwords echoed as %s", got)
	}
	for _, bad := range []string{`"klingon"`, `{"languages": ["french"]}`} {
		var sw Stopwords
		if err := json.Unmarshal([]byte(bad), &sw); err != nil {
			t.Fatal(err)
		}
		if err := s.CreatePayloadIndex(ctx, "t", "other", PayloadIndexParams{Type: SchemaText, Stopwords: &sw}); !errors.Is(err, ErrInvalid) {
			t.Fatalf("%s: %v", bad, err)
		}
	}
}
