package vectorstore

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

const crashNamedEnv = "VECTORSTORE_CRASH_NAMED_DIR"

// crashMulti is the multi-vector the named crash child writes for id (nil:
// none), and crashUnnamed its unnamed vector (nil on odd ids).
func crashMulti(id uint64) [][]float32 {
	if id%3 == 0 {
		return nil
	}
	v := crashVector(id)
	out := make([][]float32, id%3)
	for i := range out {
		out[i] = v[8+4*i : 12+4*i]
	}
	return out
}

func crashUnnamed(id uint64) []float32 {
	if id%2 == 1 {
		return nil
	}
	return crashVector(id)[4:8]
}

// crashSparse is the sparse vector the named crash child writes for id.
func crashSparse(id uint64) SparseVector {
	return SparseVector{Indices: []uint32{uint32(id % 50), 1000 + uint32(id%13)}, Values: []float32{float32(id%5 + 1), 0.5}}
}

// TestCrashRecoveryNamed is TestCrashRecovery for the structures added with
// named vectors: a child process upserts points with a named dense vector,
// a sparse vector (IDF), an unnamed vector on some points only, a
// multi-vector on some, and an indexed payload field, and creates aliases,
// until it is killed with SIGKILL at a random moment. After each kill the
// store must hold every acknowledged point with its vectors, its sparse
// index must score like a recomputation from the stored vectors, its
// payload index must count like a scan, and every acknowledged alias must
// be there; point versions must survive too (never 0, never going back for
// later writes).
func TestCrashRecoveryNamed(t *testing.T) {
	if dir := os.Getenv(crashNamedEnv); dir != "" {
		crashNamedChild(dir)
		return
	}
	if testing.Short() {
		t.Skip("crash test skipped in -short mode")
	}
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	acked := map[uint64]bool{}
	aliases := map[string]bool{}
	indexed := false
	for round := range 6 {
		base := uint64(round+1) * 1_000_000
		lines := runAndKill(t, "TestCrashRecoveryNamed", []string{crashNamedEnv + "=" + dir, crashEnvBase + "=" + strconv.FormatUint(base, 10)},
			time.Duration(200+rng.IntN(700))*time.Millisecond)
		acks := 0
		for _, l := range lines {
			f := strings.Fields(l)
			if len(f) != 2 {
				continue
			}
			switch f[0] {
			case "ack":
				id, _ := strconv.ParseUint(f[1], 10, 64)
				acked[id] = true
				acks++
			case "alias":
				aliases[f[1]] = true
			case "index":
				indexed = true
			}
		}
		s, err := Open(context.Background(), dir, nil)
		if err != nil {
			t.Fatalf("round %d: reopen after kill: %v", round, err)
		}
		checkCrashNamed(t, s, round, acked, aliases, indexed)
		s.Close()
		t.Logf("round %d: %d acks, %d points, %d aliases", round, acks, len(acked), len(aliases))
	}
}

func checkCrashNamed(t *testing.T, s *Store, round int, acked map[uint64]bool, aliases map[string]bool, indexed bool) {
	t.Helper()
	ctx := context.Background()
	if len(acked) == 0 && !indexed && len(aliases) == 0 {
		return
	}
	page, err := s.Scroll(ctx, "hyb", ScrollRequest{Limit: 1 << 30, With: With{WithPayload: true, WithVector: true}})
	if err != nil {
		t.Fatalf("round %d: %v", round, err)
	}
	stored := map[PointID]Point{}
	versions := map[uint64]uint64{}
	for _, r := range page.Points {
		stored[r.ID] = Point{ID: r.ID, Vector: r.Vector, Vectors: r.Vectors, MultiVectors: r.MultiVectors, Sparse: map[string]SparseVector{"s": r.Sparse["sp"]}, Payload: r.Payload}
		versions[r.ID.Num()] = r.Version
	}
	for id := range acked {
		p, ok := stored[NumID(id)]
		if !ok {
			t.Fatalf("round %d: acknowledged point %d is missing", round, id)
		}
		want := crashVector(id)[:8]
		if !slices.Equal(p.Vectors["d"], want) || !p.Sparse["s"].equal(crashSparse(id)) || p.Payload["tag"] != fmt.Sprint(id%7) ||
			!slices.Equal(p.Vector, crashUnnamed(id)) || !slices.EqualFunc(p.MultiVectors["m"], crashMulti(id), slices.Equal[[]float32]) {
			t.Fatalf("round %d: point %d damaged: %+v", round, id, p)
		}
		if versions[id] == 0 || (acked[id+1] && versions[id+1] < versions[id]) {
			t.Fatalf("round %d: point %d version %d, next point's %d", round, id, versions[id], versions[id+1])
		}
	}
	// The sparse index against a recomputation (sparseTruth reads "s").
	for _, d := range []uint32{3, 17, 1004} {
		q := SparseVector{Indices: []uint32{d}, Values: []float32{1}}
		res, err := s.Query(ctx, "hyb", QueryRequest{Query: &Query{Nearest: &VectorInput{Sparse: &q}}, Using: "sp", Limit: 1 << 20})
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		truth := sparseTruth(stored, q)
		if len(res) != len(truth) {
			t.Fatalf("round %d: sparse dim %d: %d hits, want %d", round, d, len(res), len(truth))
		}
		for _, r := range res {
			if math.Abs(float64(r.Score)-truth[r.ID]) > 1e-4*math.Max(1, truth[r.ID]) {
				t.Fatalf("round %d: sparse dim %d point %v: %v, want %v", round, d, r.ID, r.Score, truth[r.ID])
			}
		}
	}
	if indexed {
		info, _ := s.CollectionInfo("hyb")
		if _, ok := info.PayloadSchema["tag"]; !ok {
			t.Fatalf("round %d: acknowledged payload index is missing", round)
		}
		for tag := range 7 {
			f := &Filter{Must: []Condition{{Key: "tag", Match: &Match{Value: fmt.Sprint(tag)}}}}
			n, _ := s.Count(ctx, "hyb", f)
			want := 0
			for _, p := range stored {
				if p.Payload["tag"] == fmt.Sprint(tag) {
					want++
				}
			}
			if n != want {
				t.Fatalf("round %d: tag %d: index counts %d, scan %d", round, tag, n, want)
			}
		}
	}
	have := map[string]bool{}
	for _, a := range s.Aliases("hyb") {
		have[a.Alias] = true
	}
	for a := range aliases {
		if !have[a] {
			t.Fatalf("round %d: acknowledged alias %s is missing", round, a)
		}
	}
}

// crashNamedChild writes until killed: points (printing "ack ID"), a
// payload index once ("index 1") and an alias every few batches ("alias
// NAME"), with a small checkpoint threshold so kills land in checkpoints.
func crashNamedChild(dir string) {
	base, _ := strconv.ParseUint(os.Getenv(crashEnvBase), 10, 64)
	go func() {
		time.Sleep(30 * time.Second)
		os.Exit(3)
	}()
	ctx := context.Background()
	fail := func(err error) {
		fmt.Fprintln(os.Stderr, "crash child:", err)
		os.Exit(2)
	}
	s, err := Open(ctx, dir, &Options{CheckpointBytes: 16 << 10})
	if err != nil {
		fail(err)
	}
	cfg := CollectionConfig{
		Dim: 4, Distance: Euclid,
		Vectors: map[string]VectorParams{"d": {Size: 8, Distance: Dot},
			"m": {Size: 4, Distance: Dot, MultiVector: &MultiVectorConfig{Comparator: MaxSim}}},
		SparseVectors: map[string]SparseVectorParams{"sp": {Modifier: SparseModifierIDF}},
		HNSW:          HNSWConfig{M: 8, EfConstruction: 32},
	}
	if err := s.CreateCollection(ctx, "hyb", cfg); err != nil && !errors.Is(err, ErrExists) {
		fail(err)
	}
	w := bufio.NewWriter(os.Stdout)
	if err := s.CreatePayloadIndex(ctx, "hyb", "tag", PayloadIndexParams{Type: SchemaKeyword}); err != nil {
		fail(err)
	}
	fmt.Fprintln(w, "index 1")
	w.Flush()
	rng := rand.New(rand.NewPCG(base, 3))
	next := base
	for batch := 0; ; batch++ {
		if batch%4 == 3 {
			name := fmt.Sprintf("a%d", next)
			if err := s.UpdateAliases(ctx, []AliasAction{{Create: &CreateAlias{Collection: "hyb", Alias: name}}}); err != nil {
				fail(err)
			}
			fmt.Fprintf(w, "alias %s\n", name)
			w.Flush()
		}
		pts := make([]Point, 1+rng.IntN(4))
		for i := range pts {
			id := next
			next++
			pts[i] = Point{ID: NumID(id), Vector: crashUnnamed(id), Vectors: map[string][]float32{"d": crashVector(id)[:8]},
				Sparse: map[string]SparseVector{"sp": crashSparse(id)}, Payload: map[string]any{"tag": fmt.Sprint(id % 7)}}
			if mv := crashMulti(id); mv != nil {
				pts[i].MultiVectors = map[string][][]float32{"m": mv}
			}
		}
		if err := s.Upsert(ctx, "hyb", pts); err != nil {
			fail(err)
		}
		for _, p := range pts {
			fmt.Fprintf(w, "ack %d\n", p.ID.Num())
		}
		w.Flush()
	}
}
