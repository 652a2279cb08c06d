package qdrant

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"net"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/vectorstore"
)

// forEachBackend runs fn against the in-process stand-in server and, when
// QDRANT_URL is set, against that real Qdrant (QDRANT_API_KEY optional).
func forEachBackend(t *testing.T, fn func(t *testing.T, s *Store)) {
	t.Run("standin", func(t *testing.T) {
		_, url := startFake(t, "")
		fn(t, openTest(t, url, ""))
	})
	t.Run("qdrant", func(t *testing.T) {
		url := os.Getenv("QDRANT_URL")
		if url == "" {
			t.Skip("QDRANT_URL is not set (e.g. http://localhost:6334): no real Qdrant to test against; the stand-in ran instead")
		}
		fn(t, openTest(t, url, os.Getenv("QDRANT_API_KEY")))
	})
}

func openTest(t *testing.T, url, key string) *Store {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	s, err := Open(ctx, url, key, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// collectionName returns a unique collection name, dropped at cleanup
// (the real server is shared).
func collectionName(t *testing.T, s *Store) string {
	name := fmt.Sprintf("gaianet_test_%s_%d", strings.NewReplacer("/", "_", " ", "_").Replace(t.Name()), time.Now().UnixNano())
	if len(name) > 200 {
		name = name[len(name)-200:]
	}
	t.Cleanup(func() { s.DeleteCollection(context.Background(), name) })
	return name
}

// newCollection creates a uniquely named collection, dropped at cleanup.
func newCollection(t *testing.T, s *Store, cfg vectorstore.CollectionConfig) string {
	t.Helper()
	name := collectionName(t, s)
	if err := s.CreateCollection(context.Background(), name, cfg); err != nil {
		t.Fatal(err)
	}
	return name
}

func randVec(r *rand.Rand, dim int) []float32 {
	v := make([]float32, dim)
	for i := range v {
		v[i] = float32(r.NormFloat64())
	}
	return v
}

func uuidN(i int) vectorstore.PointID {
	var u [16]byte
	u[0], u[15] = 0xa0, byte(i)
	u[6], u[8] = 0x40, 0x80
	return vectorstore.UUIDID(u)
}

// testPoints returns n points, ids alternating numeric and UUID, with
// payloads exercising every filter kind.
func testPoints(r *rand.Rand, n, dim int) []vectorstore.Point {
	pts := make([]vectorstore.Point, n)
	for i := range pts {
		id := vectorstore.NumID(uint64(1000 - i))
		if i%2 == 1 {
			id = uuidN(i)
		}
		p := map[string]any{
			"file":   fmt.Sprintf("f%d.md", i%4),
			"index":  i,
			"score":  float64(i) / 10,
			"tags":   []any{fmt.Sprintf("t%d", i%3), fmt.Sprintf("u%d", i%2)},
			"chunks": []any{map[string]any{"lang": []string{"en", "de"}[i%2], "n": i}, map[string]any{"lang": "fr", "n": -i}},
		}
		if i%5 == 0 {
			p["heading"] = nil
		} else {
			p["heading"] = "h"
		}
		if i%7 != 0 {
			p["opt"] = "x"
		}
		if i%6 == 0 {
			p["tags"] = []any{}
		}
		pts[i] = vectorstore.Point{ID: id, Vector: randVec(r, dim), Payload: p}
	}
	return pts
}

func TestCollections(t *testing.T) {
	forEachBackend(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		cfg := vectorstore.CollectionConfig{Dim: 8, Distance: vectorstore.Dot, EmbeddingModel: "bert-f16",
			Metadata: map[string]string{"owner": "test"}, HNSW: vectorstore.HNSWConfig{M: 12, EfConstruction: 90}}
		name := newCollection(t, s, cfg)
		info, err := s.CollectionInfo(name)
		if err != nil {
			t.Fatal(err)
		}
		c := info.Config
		if info.Name != name || c.Dim != 8 || c.Distance != vectorstore.Dot || c.EmbeddingModel != "bert-f16" ||
			c.Metadata["owner"] != "test" || c.HNSW.M != 12 || c.HNSW.EfConstruction != 90 || info.Points != 0 {
			t.Errorf("info %+v", info)
		}
		if err := s.CreateCollection(ctx, name, cfg); !errors.Is(err, vectorstore.ErrExists) {
			t.Errorf("second create: %v", err)
		}
		if err := s.CreateCollection(ctx, "bad/name", cfg); !errors.Is(err, vectorstore.ErrInvalid) {
			t.Errorf("bad name: %v", err)
		}
		if err := s.CreateCollection(ctx, name+"x", vectorstore.CollectionConfig{Dim: 0, Distance: vectorstore.Dot}); !errors.Is(err, vectorstore.ErrInvalid) {
			t.Errorf("bad dim: %v", err)
		}
		names, err := s.ListCollections(ctx)
		if err != nil || !slices.Contains(names, name) || !slices.IsSorted(names) {
			t.Errorf("list %v %v", names, err)
		}
		if ok, err := s.DeleteCollection(ctx, name); !ok || err != nil {
			t.Errorf("delete: %v %v", ok, err)
		}
		if ok, err := s.DeleteCollection(ctx, name); ok || err != nil {
			t.Errorf("second delete: %v %v", ok, err)
		}
		missing := name
		_, err = s.CollectionInfo(missing)
		checkNotFound(t, "info", err)
		checkNotFound(t, "upsert", s.Upsert(ctx, missing, []vectorstore.Point{{ID: vectorstore.NumID(1), Vector: make([]float32, 8)}}))
		_, err = s.Search(ctx, missing, vectorstore.SearchRequest{Vector: make([]float32, 8)})
		checkNotFound(t, "search", err)
		_, err = s.Scroll(ctx, missing, vectorstore.ScrollRequest{})
		checkNotFound(t, "scroll", err)
		_, err = s.Count(ctx, missing, nil)
		checkNotFound(t, "count", err)
		_, err = s.DeleteByFilter(ctx, missing, nil)
		checkNotFound(t, "delete by filter", err)
		_, err = s.Get(ctx, missing, []vectorstore.PointID{vectorstore.NumID(1)}, vectorstore.With{})
		checkNotFound(t, "get", err)
	})
}

func checkNotFound(t *testing.T, op string, err error) {
	t.Helper()
	if !errors.Is(err, vectorstore.ErrNotFound) {
		t.Errorf("%s on a missing collection: %v, want ErrNotFound", op, err)
	}
}

func TestPointsRoundTrip(t *testing.T) {
	forEachBackend(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		name := newCollection(t, s, vectorstore.CollectionConfig{Dim: 4, Distance: vectorstore.Cosine})
		r := rand.New(rand.NewPCG(1, 2))
		pts := testPoints(r, 12, 4)
		pts[3].Payload["deep"] = map[string]any{"a": []any{1.5, map[string]any{"b": nil}}, "big": int64(1) << 60}
		if err := s.Upsert(ctx, name, pts); err != nil {
			t.Fatal(err)
		}
		ids := []vectorstore.PointID{pts[3].ID, pts[0].ID, vectorstore.NumID(5), pts[3].ID, pts[1].ID}
		got, err := s.Get(ctx, name, ids, vectorstore.With{WithPayload: true, WithVector: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 3 || got[0].ID != pts[3].ID || got[1].ID != pts[0].ID || got[2].ID != pts[1].ID {
			t.Fatalf("get order/dedup: %v", got)
		}
		for i, rec := range got {
			src := pts[[]int{3, 0, 1}[i]]
			if want := jsonRoundTrip(t, src.Payload); !reflect.DeepEqual(rec.Payload, want) {
				t.Errorf("%s payload\n got  %#v\n want %#v", rec.ID, rec.Payload, want)
			}
			want := slices.Clone(src.Vector)
			normalize(want)
			if !closeVec(rec.Vector, want, 1e-5) {
				t.Errorf("%s vector %v, want normalised %v", rec.ID, rec.Vector, want)
			}
		}
		bare, err := s.Get(ctx, name, ids[:1], vectorstore.With{})
		if err != nil || len(bare) != 1 || bare[0].Payload != nil || bare[0].Vector != nil {
			t.Errorf("get without payload/vector: %+v %v", bare, err)
		}
		// Upsert replaces the whole point.
		if err := s.Upsert(ctx, name, []vectorstore.Point{{ID: pts[0].ID, Vector: []float32{0, 0, 0, 1}, Payload: map[string]any{"new": true}}}); err != nil {
			t.Fatal(err)
		}
		got, _ = s.Get(ctx, name, ids[1:2], vectorstore.With{WithPayload: true})
		if len(got) != 1 || !reflect.DeepEqual(got[0].Payload, map[string]any{"new": true}) {
			t.Errorf("replaced point: %+v", got)
		}
		if n, err := s.Count(ctx, name, nil); n != 12 || err != nil {
			t.Errorf("count %d %v", n, err)
		}
		if err := s.Upsert(ctx, name, []vectorstore.Point{{ID: vectorstore.NumID(1), Vector: []float32{1, 2, 3}}}); !errors.Is(err, vectorstore.ErrInvalid) {
			t.Errorf("wrong dimension: %v", err)
		}
		if err := s.Upsert(ctx, name, nil); err != nil {
			t.Errorf("empty upsert: %v", err)
		}
	})
}

func normalize(v []float32) {
	var n float64
	for _, x := range v {
		n += float64(x) * float64(x)
	}
	n = math.Sqrt(n)
	for i := range v {
		v[i] = float32(float64(v[i]) / n)
	}
}

func closeVec(a, b []float32, tol float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Abs(float64(a[i]-b[i])) > tol {
			return false
		}
	}
	return true
}

// bruteForce scores every point as vectorstore.Distance defines, best first.
func bruteForce(pts []vectorstore.Point, q []float32, d vectorstore.Distance) []vectorstore.ScoredPoint {
	out := make([]vectorstore.ScoredPoint, len(pts))
	for i, p := range pts {
		var dot, nq, np, l2 float64
		for j := range q {
			a, b := float64(q[j]), float64(p.Vector[j])
			dot += a * b
			nq += a * a
			np += b * b
			l2 += (a - b) * (a - b)
		}
		var s float64
		switch d {
		case vectorstore.Cosine:
			s = dot / math.Sqrt(nq*np)
		case vectorstore.Dot:
			s = dot
		case vectorstore.Euclid:
			s = math.Sqrt(l2)
		}
		out[i] = vectorstore.ScoredPoint{ID: p.ID, Score: float32(s)}
	}
	slices.SortFunc(out, func(a, b vectorstore.ScoredPoint) int {
		if d.HigherIsBetter() {
			return -cmpF(a.Score, b.Score)
		}
		return cmpF(a.Score, b.Score)
	})
	return out
}

func cmpF(a, b float32) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func TestSearchMatchesBruteForce(t *testing.T) {
	forEachBackend(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		for _, d := range []vectorstore.Distance{vectorstore.Cosine, vectorstore.Dot, vectorstore.Euclid} {
			t.Run(string(d), func(t *testing.T) {
				name := newCollection(t, s, vectorstore.CollectionConfig{Dim: 6, Distance: d})
				r := rand.New(rand.NewPCG(3, uint64(len(d))))
				pts := testPoints(r, 40, 6)
				if err := s.Upsert(ctx, name, pts); err != nil {
					t.Fatal(err)
				}
				q := randVec(r, 6)
				want := bruteForce(pts, q, d)
				got, err := s.Search(ctx, name, vectorstore.SearchRequest{Vector: q, Limit: 10, Params: vectorstore.SearchParams{Exact: true}})
				if err != nil {
					t.Fatal(err)
				}
				checkHits(t, "top 10", got, want[:10])
				// Offset pages through the same ranking.
				got, err = s.Search(ctx, name, vectorstore.SearchRequest{Vector: q, Limit: 5, Offset: 7, Params: vectorstore.SearchParams{Exact: true}})
				if err != nil {
					t.Fatal(err)
				}
				checkHits(t, "offset 7", got, want[7:12])
				// The threshold keeps exactly the points on the better side of
				// it: similarity >= t for Cosine/Dot, distance <= t for Euclid.
				th := (want[5].Score + want[6].Score) / 2
				got, err = s.Search(ctx, name, vectorstore.SearchRequest{Vector: q, Limit: 30, ScoreThreshold: &th,
					With: vectorstore.With{WithPayload: true, WithVector: true}, Params: vectorstore.SearchParams{Exact: true}})
				if err != nil {
					t.Fatal(err)
				}
				checkHits(t, "threshold", got, want[:6])
				for _, h := range got {
					if h.Payload["file"] == nil || len(h.Vector) != 6 {
						t.Errorf("hit %s without payload or vector: %+v", h.ID, h)
					}
				}
				// Default limit is 10.
				got, err = s.Search(ctx, name, vectorstore.SearchRequest{Vector: q})
				if err != nil || len(got) != 10 {
					t.Errorf("default limit: %d hits, %v", len(got), err)
				}
				if _, err := s.Search(ctx, name, vectorstore.SearchRequest{Vector: q[:5]}); !errors.Is(err, vectorstore.ErrInvalid) {
					t.Errorf("wrong query dimension: %v", err)
				}
			})
		}
	})
}

func checkHits(t *testing.T, what string, got, want []vectorstore.ScoredPoint) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d hits, want %d", what, len(got), len(want))
		return
	}
	for i := range got {
		if got[i].ID != want[i].ID || math.Abs(float64(got[i].Score-want[i].Score)) > 1e-4 {
			t.Errorf("%s: hit %d is %s %.5f, want %s %.5f", what, i, got[i].ID, got[i].Score, want[i].ID, want[i].Score)
		}
	}
}

// filterCases are evaluated by the backend and by the embedded store over
// the same points; they must select the same ids.
func filterCases() map[string]*vectorstore.Filter {
	must := func(c ...vectorstore.Condition) *vectorstore.Filter { return &vectorstore.Filter{Must: c} }
	return map[string]*vectorstore.Filter{
		"keyword":         must(vectorstore.Condition{Key: "file", Match: &vectorstore.Match{Value: "f1.md"}}),
		"integer":         must(vectorstore.Condition{Key: "index", Match: &vectorstore.Match{Value: 7}}),
		"any keywords":    must(vectorstore.Condition{Key: "file", Match: &vectorstore.Match{Any: []any{"f0.md", "f2.md"}}}),
		"any integers":    must(vectorstore.Condition{Key: "index", Match: &vectorstore.Match{Any: []any{1, 2, 30}}}),
		"any mixed":       must(vectorstore.Condition{Key: "index", Match: &vectorstore.Match{Any: []any{"3", 4, 5.0}}}),
		"except keywords": must(vectorstore.Condition{Key: "file", Match: &vectorstore.Match{Except: []any{"f0.md", "f3.md"}}}),
		"except integers": must(vectorstore.Condition{Key: "index", Match: &vectorstore.Match{Except: []any{0, 1, 2}}}),
		"array element":   must(vectorstore.Condition{Key: "tags", Match: &vectorstore.Match{Value: "t2"}}),
		"text":            must(vectorstore.Condition{Key: "file", Match: &vectorstore.Match{Text: "f3"}}),
		"range":           must(vectorstore.Condition{Key: "index", Range: &vectorstore.Range{GTE: f64(5), LT: f64(15)}}),
		"float range":     must(vectorstore.Condition{Key: "score", Range: &vectorstore.Range{GT: f64(0.55), LTE: f64(2)}}),
		"has_id":          must(vectorstore.Condition{HasID: []vectorstore.PointID{vectorstore.NumID(1000), uuidN(3), vectorstore.NumID(1)}}),
		"is_empty tags":   must(vectorstore.Condition{IsEmpty: &vectorstore.FieldRef{Key: "tags"}}),
		"is_empty opt":    must(vectorstore.Condition{IsEmpty: &vectorstore.FieldRef{Key: "opt"}}),
		"is_null":         must(vectorstore.Condition{IsNull: &vectorstore.FieldRef{Key: "heading"}}),
		"nested": must(vectorstore.Condition{Nested: &vectorstore.Nested{Key: "chunks", Filter: vectorstore.Filter{
			Must: []vectorstore.Condition{{Key: "lang", Match: &vectorstore.Match{Value: "en"}}, {Key: "n", Range: &vectorstore.Range{GTE: f64(10)}}}}}}),
		"array path": must(vectorstore.Condition{Key: "chunks[].lang", Match: &vectorstore.Match{Value: "de"}}),
		"should and must_not": {
			Should: []vectorstore.Condition{
				{Key: "file", Match: &vectorstore.Match{Value: "f0.md"}},
				{Key: "index", Range: &vectorstore.Range{GT: f64(25)}},
			},
			MustNot: []vectorstore.Condition{{Key: "tags", Match: &vectorstore.Match{Value: "u1"}}},
		},
		"nested filter": must(vectorstore.Condition{Filter: &vectorstore.Filter{Should: []vectorstore.Condition{
			{Key: "file", Match: &vectorstore.Match{Value: "f1.md"}},
			{IsNull: &vectorstore.FieldRef{Key: "heading"}},
		}}}, vectorstore.Condition{Key: "index", Range: &vectorstore.Range{LT: f64(20)}}),
	}
}

func TestFiltersMatchEmbeddedStore(t *testing.T) {
	forEachBackend(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		cfg := vectorstore.CollectionConfig{Dim: 4, Distance: vectorstore.Dot}
		name := newCollection(t, s, cfg)
		pts := testPoints(rand.New(rand.NewPCG(5, 6)), 36, 4)
		if err := s.Upsert(ctx, name, pts); err != nil {
			t.Fatal(err)
		}
		ref, err := vectorstore.Open(ctx, "", nil)
		if err != nil {
			t.Fatal(err)
		}
		defer ref.Close()
		if err := ref.CreateCollection(ctx, "ref", cfg); err != nil {
			t.Fatal(err)
		}
		if err := ref.Upsert(ctx, "ref", pts); err != nil {
			t.Fatal(err)
		}
		q := []float32{1, -1, 0.5, 0}
		for caseName, f := range filterCases() {
			t.Run(caseName, func(t *testing.T) {
				wantN, err := ref.Count(ctx, "ref", f)
				if err != nil {
					t.Fatal(err)
				}
				if wantN == 0 || wantN == len(pts) {
					t.Fatalf("filter case selects %d of %d points: not a useful case", wantN, len(pts))
				}
				n, err := s.Count(ctx, name, f)
				if err != nil || n != wantN {
					t.Errorf("count %d %v, want %d", n, err, wantN)
				}
				wantPage, _ := ref.Scroll(ctx, "ref", vectorstore.ScrollRequest{Limit: 100, Filter: f})
				page, err := s.Scroll(ctx, name, vectorstore.ScrollRequest{Limit: 100, Filter: f})
				if err != nil || !reflect.DeepEqual(recordIDs(page.Points), recordIDs(wantPage.Points)) {
					t.Errorf("scroll ids %v %v\nwant %v", recordIDs(page.Points), err, recordIDs(wantPage.Points))
				}
				wantHits, _ := ref.Search(ctx, "ref", vectorstore.SearchRequest{Vector: q, Limit: 5, Filter: f, Params: vectorstore.SearchParams{Exact: true}})
				hits, err := s.Search(ctx, name, vectorstore.SearchRequest{Vector: q, Limit: 5, Filter: f, Params: vectorstore.SearchParams{Exact: true}})
				if err != nil {
					t.Fatal(err)
				}
				checkHits(t, "filtered search", hits, wantHits)
			})
		}
	})
}

func recordIDs(rs []vectorstore.Record) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.ID.String()
	}
	return out
}

func TestScrollPaging(t *testing.T) {
	forEachBackend(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		name := newCollection(t, s, vectorstore.CollectionConfig{Dim: 3, Distance: vectorstore.Euclid})
		pts := testPoints(rand.New(rand.NewPCG(7, 8)), 25, 3)
		if err := s.Upsert(ctx, name, pts); err != nil {
			t.Fatal(err)
		}
		var want []vectorstore.PointID
		for _, p := range pts {
			want = append(want, p.ID)
		}
		slices.SortFunc(want, vectorstore.PointID.Compare) // numbers, then UUIDs
		for _, f := range []*vectorstore.Filter{nil, filterCases()["any keywords"]} {
			var got []vectorstore.PointID
			req := vectorstore.ScrollRequest{Limit: 7, Filter: f, With: vectorstore.With{WithPayload: true}}
			pages := 0
			for {
				res, err := s.Scroll(ctx, name, req)
				if err != nil {
					t.Fatal(err)
				}
				pages++
				if len(res.Points) > 7 || pages > 10 {
					t.Fatalf("page of %d, page %d", len(res.Points), pages)
				}
				for _, p := range res.Points {
					if p.Payload["file"] == nil {
						t.Errorf("%s: no payload", p.ID)
					}
					got = append(got, p.ID)
				}
				if res.NextOffset == nil {
					break
				}
				req.Offset = res.NextOffset
			}
			exp := want
			if f != nil {
				exp = nil
				for _, id := range want {
					i := slices.IndexFunc(pts, func(p vectorstore.Point) bool { return p.ID == id })
					if file := pts[i].Payload["file"]; file == "f0.md" || file == "f2.md" {
						exp = append(exp, id)
					}
				}
			}
			if !slices.Equal(got, exp) {
				t.Errorf("filter %v: scrolled %v\nwant %v", f != nil, got, exp)
			}
		}
		res, err := s.Scroll(ctx, name, vectorstore.ScrollRequest{})
		if err != nil || len(res.Points) != 10 || res.NextOffset == nil || res.Points[0].Payload != nil {
			t.Errorf("default page: %d points, next %v, %v", len(res.Points), res.NextOffset, err)
		}
	})
}

func TestDeletes(t *testing.T) {
	forEachBackend(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		name := newCollection(t, s, vectorstore.CollectionConfig{Dim: 3, Distance: vectorstore.Cosine})
		pts := testPoints(rand.New(rand.NewPCG(9, 10)), 20, 3)
		if err := s.Upsert(ctx, name, pts); err != nil {
			t.Fatal(err)
		}
		f := filterCases()["keyword"] // file f1.md: indexes 1, 5, 9, 13, 17
		n, err := s.DeleteByFilter(ctx, name, f)
		if err != nil || n != 5 {
			t.Errorf("delete by filter: %d %v", n, err)
		}
		if n, _ := s.Count(ctx, name, f); n != 0 {
			t.Errorf("%d left after delete", n)
		}
		if n, err := s.DeleteByFilter(ctx, name, f); n != 0 || err != nil {
			t.Errorf("second delete: %d %v", n, err)
		}
		n, err = s.Delete(ctx, name, []vectorstore.PointID{pts[0].ID, pts[1].ID, pts[2].ID, vectorstore.NumID(424242)})
		if err != nil || n != 2 { // pts[1] went with f1.md
			t.Errorf("delete ids: %d %v", n, err)
		}
		if n, _ := s.Count(ctx, name, nil); n != 13 {
			t.Errorf("count after deletes %d, want 13", n)
		}
		if _, err := s.DeleteByFilter(ctx, name, &vectorstore.Filter{Must: []vectorstore.Condition{{}}}); !errors.Is(err, vectorstore.ErrInvalid) {
			t.Errorf("bad filter: %v", err)
		}
		n, err = s.DeleteByFilter(ctx, name, nil)
		if err != nil || n != 13 {
			t.Errorf("delete all: %d %v", n, err)
		}
		if n, _ := s.Count(ctx, name, nil); n != 0 {
			t.Errorf("%d left after deleting all", n)
		}
	})
}

// The tests below need the stand-in: they look at its side of the wire.

func TestAPIKey(t *testing.T) {
	f, url := startFake(t, "s3cret")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := Open(ctx, url, "wrong", nil); err == nil || !strings.Contains(err.Error(), "api-key") {
		t.Errorf("wrong key accepted: %v", err)
	}
	if _, err := Open(ctx, url, "", nil); err == nil {
		t.Error("missing key accepted")
	}
	s, err := Open(ctx, url, "s3cret", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.ListCollections(ctx); err != nil {
		t.Errorf("list with key: %v", err)
	}
	if f.callCount("/qdrant.Collections/List") != 1 {
		t.Errorf("calls %v", f.calls)
	}
}

func TestUpsertBatches(t *testing.T) {
	f, url := startFake(t, "")
	ctx := context.Background()
	s, err := Open(ctx, url, "", &Options{UpsertBatch: 3})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	name := newCollection(t, s, vectorstore.CollectionConfig{Dim: 2, Distance: vectorstore.Dot})
	pts := testPoints(rand.New(rand.NewPCG(1, 1)), 10, 2)
	if err := s.Upsert(ctx, name, pts); err != nil {
		t.Fatal(err)
	}
	if got := f.callCount("/qdrant.Points/Upsert"); got != 4 {
		t.Errorf("%d upsert requests for 10 points in batches of 3, want 4", got)
	}
	if n, _ := s.Count(ctx, name, nil); n != 10 {
		t.Errorf("count %d", n)
	}
	// A bad point anywhere stops the batch before anything is sent.
	pts[9].Vector = []float32{1}
	if err := s.Upsert(ctx, name, pts); !errors.Is(err, vectorstore.ErrInvalid) || f.callCount("/qdrant.Points/Upsert") != 4 {
		t.Errorf("bad batch: %v, %d requests", err, f.callCount("/qdrant.Points/Upsert"))
	}
}

func TestClosedAndUnreachable(t *testing.T) {
	_, url := startFake(t, "")
	s := openTest(t, url, "")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second close: %v", err)
	}
	if _, err := s.CollectionInfo("x"); !errors.Is(err, vectorstore.ErrClosed) {
		t.Errorf("after close: %v", err)
	}
	if _, err := s.Search(context.Background(), "x", vectorstore.SearchRequest{Vector: []float32{1}}); !errors.Is(err, vectorstore.ErrClosed) {
		t.Errorf("search after close: %v", err)
	}
	// A port nobody listens on.
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := lis.Addr().String()
	lis.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if _, err := Open(ctx, "http://"+addr, "", nil); err == nil || !strings.HasPrefix(err.Error(), "qdrant: health check") {
		t.Errorf("unreachable server: %v", err)
	}
	if _, err := Open(ctx, "ftp://"+addr, "", nil); err == nil {
		t.Error("ftp URL accepted")
	}
}

func TestCanceledContext(t *testing.T) {
	_, url := startFake(t, "")
	s := openTest(t, url, "")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.ListCollections(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("canceled: %v", err)
	}
}

// TestConcurrentUse runs searches, upserts and counts from several
// goroutines, then closes the store while they may still run (-race checks
// the locking).
func TestConcurrentUse(t *testing.T) {
	_, url := startFake(t, "")
	s := openTest(t, url, "")
	ctx := context.Background()
	name := newCollection(t, s, vectorstore.CollectionConfig{Dim: 4, Distance: vectorstore.Cosine})
	pts := testPoints(rand.New(rand.NewPCG(11, 12)), 30, 4)
	if err := s.Upsert(ctx, name, pts); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 8)
	for g := range 8 {
		go func() {
			r := rand.New(rand.NewPCG(uint64(g), 1))
			for i := range 20 {
				var err error
				switch i % 3 {
				case 0:
					_, err = s.Search(ctx, name, vectorstore.SearchRequest{Vector: randVec(r, 4), Limit: 3})
				case 1:
					err = s.Upsert(ctx, name, pts[i:i+2])
				default:
					_, err = s.Count(ctx, name, filterCases()["keyword"])
				}
				if err != nil && !errors.Is(err, vectorstore.ErrClosed) {
					done <- err
					return
				}
			}
			done <- nil
		}()
	}
	for range 4 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
	s.Close()
	for range 4 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
