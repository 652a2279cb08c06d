package vectorstore

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func addSeedFile(f *testing.F, name string) []byte {
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		f.Fatalf("seed %s: %v", name, err)
	}
	f.Add(data)
	return data
}

// FuzzWAL feeds arbitrary bytes to the WAL scanner: it must return an error
// or a valid prefix, never panic, and never allocate more than the input
// justifies (record lengths are checked against the bytes present).
func FuzzWAL(f *testing.F) {
	good := addSeedFile(f, "golden.wal")
	f.Add(good[:len(good)-3])
	named := namedWAL(f)
	f.Add(named)
	f.Add(named[:len(named)-5])
	f.Add([]byte(walMagic))
	f.Add(append(walHeader(), 0xff, 0xff, 0xff, 0x0f, 0, 0, 0, 0))
	f.Fuzz(func(t *testing.T, data []byte) {
		cfgs := map[string]CollectionConfig{"n": namedCfg(), "mv": mvCfg()}
		for n, cfg := range cfgs {
			if err := cfg.Validate(); err != nil {
				t.Fatal(err)
			}
			cfgs[n] = cfg
		}
		good, err := scanWAL(data, func(op walOp) error {
			if op.op == opUpsertNamed {
				cfg, ok := cfgs[op.name]
				if !ok {
					cfg = cfgs["n"]
				}
				pts, err := decodeNamedPoints(&op, &cfg)
				if err != nil && !errors.Is(err, ErrCorrupt) {
					t.Fatalf("error not ErrCorrupt: %v", err)
				}
				if err == nil {
					if _, err := preparePoints(&cfg, pointsOf(&cfg, pts)); err != nil {
						t.Fatalf("decoded points an upsert refuses: %v", err)
					}
				}
			}
			if op.op == opUpsert {
				for _, p := range op.points {
					if len(p.vec) != op.dim {
						t.Fatalf("point of dim %d in record of dim %d", len(p.vec), op.dim)
					}
				}
			}
			return nil
		})
		if good < 0 || good > len(data) {
			t.Fatalf("good prefix %d of %d bytes", good, len(data))
		}
		_ = err
	})
}

// FuzzSnapshot feeds arbitrary bytes to the snapshot decoder and, for
// inputs that decode, checks that import accepts them too.
func FuzzSnapshot(f *testing.F) {
	good := addSeedFile(f, "golden.vsnap")
	f.Add(good[:20])
	f.Add([]byte(snapshotMagic + "\x01\x00\x00\x00\xff\xff\xff\xff"))
	for _, tomb := range []bool{false, true} {
		_, s := mvSeedStore(f, tomb)
		var buf bytes.Buffer
		if err := s.ExportSnapshot(context.Background(), "mv", &buf); err != nil {
			f.Fatal(err)
		}
		f.Add(buf.Bytes())
		s.Close()
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, cfg, n, err := DecodeSnapshot(bytes.NewReader(data))
		if err != nil {
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("error not ErrCorrupt: %v", err)
			}
			return
		}
		if cfg.Dim < 0 || cfg.Dim > MaxDim || (cfg.Dim == 0 && !cfg.hasNamed()) || n < 0 {
			t.Fatalf("decoded nonsense: %+v %d", cfg, n)
		}
		s, _ := Open(context.Background(), "", nil)
		if _, err := s.ImportSnapshot(context.Background(), bytes.NewReader(data), ImportOptions{}); err != nil {
			t.Fatalf("decodes but does not import: %v", err)
		}
	})
}

// FuzzCheckpoint feeds arbitrary bytes to the format-2 checkpoint decoder,
// seeded with the fixture the format-2 code wrote and with format-2
// checkpoints of a store with and without tombstones.
func FuzzCheckpoint(f *testing.F) {
	addSeedFile(f, filepath.Join("v2store", checkpointFile))
	for _, withGraph := range []bool{true, false} {
		s := fuzzSeedStore(f, !withGraph)
		var buf bytes.Buffer
		if err := writeCheckpointV2(&buf, s); err != nil {
			f.Fatal(err)
		}
		s.Close()
		f.Add(buf.Bytes())
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, snaps, err := readCheckpoint(context.Background(), bytes.NewReader(data))
		if err != nil {
			return
		}
		// What decodes must load: install the graphs and search them.
		for _, d := range snaps {
			c := newCollection(d.name, d.cfg)
			if d.graph != nil {
				c.loadWithGraph(d.points, d.graph)
			} else {
				c.upsert(d.points)
			}
			if _, err := c.search(&SearchRequest{Vector: make([]float32, d.cfg.Dim), Params: SearchParams{HNSWEf: 8}}, nil); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// fuzzSeedStore returns an in-memory store with two small collections
// ("c": Euclid, with payloads and UUIDs; "q": Cosine, SQ8-quantized), and
// optionally a tombstone in each.
func fuzzSeedStore(f *testing.F, tombstone bool) *Store {
	ctx := context.Background()
	s, _ := Open(ctx, "", nil)
	s.CreateCollection(ctx, "c", CollectionConfig{Dim: 2, Distance: Euclid, HNSW: HNSWConfig{M: 4}})
	s.CreateCollection(ctx, "q", CollectionConfig{Dim: 64, Distance: Cosine, HNSW: HNSWConfig{M: 2}})
	var pts, qpts []Point
	for i := range 40 {
		p := Point{ID: NumID(uint64(i)), Vector: []float32{float32(i), float32(i % 7)}, Payload: map[string]any{"i": i}}
		if i%9 == 0 {
			p.ID = UUIDID([16]byte{byte(i), 1})
		}
		pts = append(pts, p)
	}
	for i := range quantMin {
		qpts = append(qpts, v2Point(i, 64))
	}
	if err := s.Upsert(ctx, "c", pts); err != nil {
		f.Fatal(err)
	}
	if err := s.Upsert(ctx, "q", qpts); err != nil {
		f.Fatal(err)
	}
	if tombstone {
		s.Delete(ctx, "c", []PointID{NumID(3)})
		s.Delete(ctx, "q", []PointID{NumID(3)})
	}
	return s
}

// fuzzSeedDir writes fuzzSeedStore as a format-3 checkpoint into a new
// directory and returns the directory and its checkpoint.vsc.
func fuzzSeedDir(f *testing.F, tombstone bool) (string, []byte) {
	ctx := context.Background()
	dir := f.TempDir()
	s, err := Open(ctx, dir, &Options{NoSync: true})
	if err != nil {
		f.Fatal(err)
	}
	mem := fuzzSeedStore(f, tombstone)
	for _, name := range mem.ListCollections() {
		info, _ := mem.CollectionInfo(name)
		page, _ := mem.Scroll(ctx, name, ScrollRequest{Limit: 1 << 20, With: With{WithPayload: true, WithVector: true}})
		var pts []Point
		for _, r := range page.Points {
			pts = append(pts, Point{ID: r.ID, Vector: r.Vector, Payload: r.Payload})
		}
		if _, err := s.ReplaceCollection(ctx, name, info.Config, pts); err != nil {
			f.Fatal(err)
		}
	}
	if tombstone {
		s.Delete(ctx, "c", []PointID{NumID(3)})
	}
	addNamedCollection(f, s, tombstone)
	if err := s.Checkpoint(ctx); err != nil {
		f.Fatal(err)
	}
	s.Close()
	data, err := os.ReadFile(filepath.Join(dir, checkpointFile))
	if err != nil {
		f.Fatal(err)
	}
	return dir, data
}

// fuzzOpen opens the store in dir and, if it opens, exercises what Open
// built: searches (graph and exact), scrolls with payloads (decoding them)
// and a write.
func fuzzOpen(t *testing.T, dir string) {
	ctx := context.Background()
	s, err := Open(ctx, dir, &Options{NoSync: true})
	if err != nil {
		if !errors.Is(err, ErrCorrupt) {
			t.Fatalf("error not ErrCorrupt: %v", err)
		}
		return
	}
	defer s.Close()
	for _, name := range s.ListCollections() {
		info, _ := s.CollectionInfo(name)
		for vname, vp := range info.Config.Vectors {
			q := make([]float32, vp.Size)
			q[0] = 1
			if _, err := s.Search(ctx, name, SearchRequest{Vector: q, Using: vname, Limit: 5, With: With{WithVector: true}}); err != nil {
				t.Fatal(err)
			}
		}
		for vname := range info.Config.SparseVectors {
			sq := SparseVector{Indices: []uint32{1, 5}, Values: []float32{1, 1}}
			if _, err := s.Query(ctx, name, QueryRequest{Query: &Query{Nearest: &VectorInput{Sparse: &sq}}, Using: vname}); err != nil {
				t.Fatal(err)
			}
		}
		for field := range info.PayloadSchema {
			if _, err := s.Count(ctx, name, &Filter{Must: []Condition{{Key: field, Match: &Match{Value: "x"}}}}); err != nil {
				t.Fatal(err)
			}
		}
		if info.Config.Dim == 0 {
			if _, err := s.Scroll(ctx, name, ScrollRequest{Limit: 1 << 20, With: With{WithPayload: true, WithVector: true}}); err != nil {
				t.Fatal(err)
			}
			continue
		}
		q := make([]float32, info.Config.Dim)
		q[0] = 1
		for _, exact := range []bool{false, true} {
			if _, err := s.Search(ctx, name, SearchRequest{Vector: q, Limit: 5, With: With{WithPayload: true}, Params: SearchParams{Exact: exact, HNSWEf: 8}}); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.Scroll(ctx, name, ScrollRequest{Limit: 1 << 20, With: With{WithPayload: true, WithVector: true}}); err != nil {
			t.Fatal(err)
		}
		if err := s.Upsert(ctx, name, []Point{{ID: NumID(1 << 50), Vector: q}}); err != nil {
			t.Fatal(err)
		}
	}
}

// FuzzManifest feeds arbitrary bytes to the format-3 checkpoint.vsc decoder
// (the fuzzer's bytes with a valid CRC appended, so that mutations reach
// the parser), beside the seed's real segment files, and opens what
// decodes.
func FuzzManifest(f *testing.F) {
	var dirs []string
	for _, tomb := range []bool{false, true} {
		dir, data := fuzzSeedDir(f, tomb)
		dirs = append(dirs, dir)
		f.Add(data[:len(data)-4])
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		data := appendU32(slices.Clone(body), crc32Castagnoli(body))
		if _, err := parseManifest(data); err != nil {
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("error not ErrCorrupt: %v", err)
			}
			return
		}
		for _, src := range dirs {
			dir := copyDir(t, src)
			if err := os.WriteFile(filepath.Join(dir, checkpointFile), data, 0o600); err != nil {
				t.Fatal(err)
			}
			fuzzOpen(t, dir)
		}
	})
}

// FuzzSegment feeds arbitrary bytes as a segment file (with a valid trailer
// CRC appended, and checkpoint.vsc's record of the segment updated to
// match, so that mutations reach the decoder) and opens the store.
func FuzzSegment(f *testing.F) {
	dir, manifest := fuzzSeedDir(f, true)
	segs := segmentFiles(f, dir)
	mf, err := parseManifest(manifest)
	if err != nil {
		f.Fatal(err)
	}
	type target struct {
		file   string
		record int // offset of the segment's size field in checkpoint.vsc
	}
	var targets []target
	for _, e := range mf.entries {
		for _, sg := range e.segs {
			rec := appendU64(nil, sg.id)
			rec = appendU64(rec, uint64(sg.first))
			rec = appendU64(rec, uint64(sg.count))
			rec = appendU64(rec, uint64(sg.size))
			rec = appendU32(rec, sg.crc)
			off := bytes.Index(manifest, rec)
			if off < 0 {
				f.Fatal("segment record not found")
			}
			data, err := os.ReadFile(filepath.Join(dir, segmentName(sg.id)))
			if err != nil {
				f.Fatal(err)
			}
			if len(data) > 64<<10 {
				// The quantized collection's segment (SQ8 needs 1024
				// points) is too large to mutate usefully; its sections
				// are read by the same code as the small one's.
				continue
			}
			targets = append(targets, target{segmentName(sg.id), off + 24})
			f.Add(uint8(len(targets)-1), data[:len(data)-4])
		}
	}
	if len(targets) == 0 || len(segs) != 4 { // one per collection of fuzzSeedDir
		f.Fatalf("segments %v, fuzz targets %d", segs, len(targets))
	}
	f.Fuzz(func(t *testing.T, which uint8, body []byte) {
		tg := targets[int(which)%len(targets)]
		seg := appendU32(slices.Clone(body), crc32Castagnoli(body))
		m := slices.Clone(manifest)
		binary.LittleEndian.PutUint64(m[tg.record:], uint64(len(seg)))
		binary.LittleEndian.PutUint32(m[tg.record+8:], crc32Castagnoli(body))
		m = appendU32(m[:len(m)-4], crc32Castagnoli(m[:len(m)-4]))
		d := copyDir(t, dir)
		if err := os.WriteFile(filepath.Join(d, checkpointFile), m, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d, tg.file), seg, 0o600); err != nil {
			t.Fatal(err)
		}
		fuzzOpen(t, d)
	})
}

// FuzzFilter decodes arbitrary JSON as a filter and evaluates what compiles
// against a few payloads.
func FuzzFilter(f *testing.F) {
	for _, s := range filterSeeds {
		f.Add([]byte(s))
	}
	// The forms added for Qdrant's suite: one-object clauses, slices,
	// empty texts, date-times without seconds.
	f.Add([]byte(`{"must":{"key":"source","match":{"prefix":""}},"should":null}`))
	f.Add([]byte(`{"must_not":{"slice":{"total":4,"index":1}}}`))
	f.Add([]byte(`{"must":[{"key":"t","match":{"phrase":""}},{"key":"d","range":{"gte":"2024-01-01T10:30"}}]}`))
	payloads := []map[string]any{
		nil,
		{"a": 1.0, "b": "x", "c": []any{1.0, "y", map[string]any{"d": true}}, "n": nil},
		{"a": map[string]any{"b": []any{map[string]any{"c": 2.0}}}},
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var flt Filter
		if err := json.Unmarshal(data, &flt); err != nil {
			return
		}
		cf, err := compileFilter(&flt)
		if err != nil {
			return
		}
		for _, p := range payloads {
			cf.matches(NumID(1), p)
		}
	})
}

// addNamedCollection adds to s a collection "n" with named dense and sparse
// vectors, a payload index and an alias, so that the checkpoint seeds hold
// format 4's extension and store blocks.
func addNamedCollection(f *testing.F, s *Store, tombstone bool) {
	ctx := context.Background()
	if err := s.CreateCollection(ctx, "n", namedCfg()); err != nil {
		f.Fatal(err)
	}
	pts := namedPoints(rand.New(rand.NewPCG(9, 9)), 30, 0)
	for i := range pts {
		pts[i].Payload["kw"] = fmt.Sprint("k", i%3)
	}
	if err := s.Upsert(ctx, "n", pts); err != nil {
		f.Fatal(err)
	}
	if err := s.CreatePayloadIndex(ctx, "n", "kw", PayloadIndexParams{Type: SchemaKeyword}); err != nil {
		f.Fatal(err)
	}
	if err := s.UpdateAliases(ctx, []AliasAction{{Create: &CreateAlias{Collection: "n", Alias: "nn"}}}); err != nil {
		f.Fatal(err)
	}
	if tombstone {
		s.Delete(ctx, "n", []PointID{NumID(4), NumID(5)})
	}
	addMultiCollection(f, s, tombstone)
}

// mvCfg is a collection with an unnamed vector, a multi-vector and a
// sparse vector.
func mvCfg() CollectionConfig {
	cfg := multiCfg(Cosine)
	cfg.Dim, cfg.Distance = 3, Dot
	return cfg
}

// addMultiCollection adds to s a collection "mv" (mvCfg) whose points
// carry a multi-vector or not and the unnamed vector or not, with
// versions that differ, so that the seeds hold format 5's sections.
func addMultiCollection(f testing.TB, s *Store, tombstone bool) {
	ctx := context.Background()
	if err := s.CreateCollection(ctx, "mv", mvCfg()); err != nil {
		f.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(5, 5))
	pts := multiPoints(rng, 20)
	for i := range pts {
		if i%3 != 0 {
			pts[i].Vector = randVec(rng, 3)
		}
		pts[i].Payload = map[string]any{"kw": fmt.Sprint("k", i%2)}
	}
	for i := 0; i < len(pts); i += 7 {
		if err := s.Upsert(ctx, "mv", pts[i:min(i+7, len(pts))]); err != nil {
			f.Fatal(err)
		}
	}
	if err := s.CreatePayloadIndex(ctx, "mv", "kw", PayloadIndexParams{Type: SchemaKeyword}); err != nil {
		f.Fatal(err)
	}
	if tombstone {
		s.Delete(ctx, "mv", []PointID{NumID(1), NumID(2)})
	}
}

// mvSeedStore returns an in-memory store holding only addMultiCollection's
// collection.
func mvSeedStore(f *testing.F, tombstone bool) (string, *Store) {
	s, err := Open(context.Background(), "", nil)
	if err != nil {
		f.Fatal(err)
	}
	addMultiCollection(f, s, tombstone)
	return "mv", s
}

// namedWAL returns a WAL holding every record type added with named
// vectors (ops 5 to 8) besides the older ones.
func namedWAL(f *testing.F) []byte {
	ctx := context.Background()
	dir := f.TempDir()
	s, err := Open(ctx, dir, &Options{NoSync: true})
	if err != nil {
		f.Fatal(err)
	}
	addNamedCollection(f, s, true)
	if err := s.UpdateCollection(ctx, "n", CollectionUpdate{HNSW: &HNSWConfig{EfSearch: 50}}); err != nil {
		f.Fatal(err)
	}
	if _, err := s.DeletePayloadIndex(ctx, "n", "kw"); err != nil {
		f.Fatal(err)
	}
	s.Close()
	data, err := os.ReadFile(filepath.Join(dir, walFile))
	if err != nil {
		f.Fatal(err)
	}
	return data
}

// pointsOf turns decoded points of a collection of cfg back into Points.
func pointsOf(cfg *CollectionConfig, pp []preparedPoint) []Point {
	out := make([]Point, len(pp))
	for i, p := range pp {
		out[i] = Point{ID: p.id, Vector: p.vec, Sparse: p.sparse, Payload: p.payload}
		for n, v := range p.named {
			if vp := cfg.Vectors[n]; vp.isMulti() {
				if out[i].MultiVectors == nil {
					out[i].MultiVectors = map[string][][]float32{}
				}
				out[i].MultiVectors[n] = splitFlat(v, vp.Size)
				continue
			}
			if out[i].Vectors == nil {
				out[i].Vectors = map[string][]float32{}
			}
			out[i].Vectors[n] = v
		}
	}
	return out
}

// FuzzParams decodes arbitrary JSON as a payload index's parameters (text
// options with stopwords) and as search parameters (the idf corpus), and
// uses what decodes: a valid index tokenizes, a valid corpus compiles.
func FuzzParams(f *testing.F) {
	for _, s := range []string{
		`{"type": "text", "tokenizer": "word", "lowercase": true, "stopwords": "english"}`,
		`{"type": "text", "stopwords": {"languages": ["english"], "custom": ["Dune", "x"]}}`,
		`{"type": "keyword", "prefix": true}`,
		`{"type": "geo"}`,
		`{"idf": "global", "exact": true}`,
		`{"idf": {"corpus": {"must": {"key": "tenant", "match": {"value": "a"}}}}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var p PayloadIndexParams
		if json.Unmarshal(data, &p) == nil && p.check() == nil {
			p.tokenize("The robot of the future, Dune x")
			if _, err := json.Marshal(p); err != nil {
				t.Fatalf("valid params do not encode: %v", err)
			}
		}
		var sp SearchParams
		if json.Unmarshal(data, &sp) == nil && sp.IDF != nil {
			if _, err := compileFilter(sp.IDF.Corpus); err != nil && !errors.Is(err, ErrInvalid) {
				t.Fatalf("corpus error not ErrInvalid: %v", err)
			}
		}
	})
}
