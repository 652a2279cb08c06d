package vectorstore

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

const (
	crashEnvDir  = "VECTORSTORE_CRASH_DIR"
	crashEnvBase = "VECTORSTORE_CRASH_BASE"
	crashDim     = 16
)

// crashVector is the vector the crash child writes for id: fixed, so the
// parent can check it.
func crashVector(id uint64) []float32 {
	v := make([]float32, crashDim)
	for i := range v {
		v[i] = float32(math.Sin(float64(id)*0.37 + float64(i)))
	}
	return v
}

// TestCrashRecovery kills a writing process with SIGKILL at random moments
// and checks that everything it acknowledged survives. The test re-executes
// its own binary as the child (see crashChild), which upserts and deletes
// points and prints each acknowledged id. A small checkpoint threshold makes
// some kills land during a checkpoint.
func TestCrashRecovery(t *testing.T) {
	if dir := os.Getenv(crashEnvDir); dir != "" {
		crashChild(dir)
		return
	}
	if testing.Short() {
		t.Skip("crash test skipped in -short mode")
	}
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	present := map[uint64]bool{}   // acknowledged and not deleted
	maybeGone := map[uint64]bool{} // a delete was started but not acknowledged
	deleted := map[uint64]bool{}   // delete acknowledged
	const rounds = 8
	for round := range rounds {
		base := uint64(round+1) * 1_000_000
		lines := runAndKill(t, "TestCrashRecovery", []string{crashEnvDir + "=" + dir, crashEnvBase + "=" + strconv.FormatUint(base, 10)},
			time.Duration(150+rng.IntN(600))*time.Millisecond)
		acks := 0
		for _, l := range lines {
			f := strings.Fields(l)
			if len(f) != 2 {
				continue
			}
			id, err := strconv.ParseUint(f[1], 10, 64)
			if err != nil {
				continue
			}
			switch f[0] {
			case "ack":
				present[id] = true
				acks++
			case "delstart":
				maybeGone[id] = true
			case "del":
				delete(present, id)
				delete(maybeGone, id)
				deleted[id] = true
			}
		}
		s, err := Open(context.Background(), dir, nil)
		if err != nil {
			t.Fatalf("round %d: reopen after kill: %v", round, err)
		}
		var ids []PointID
		for id := range present {
			ids = append(ids, NumID(id))
		}
		recs, err := s.Get(context.Background(), "crash", ids, With{WithPayload: true, WithVector: true})
		if err != nil {
			s.Close()
			t.Fatalf("round %d: %v", round, err)
		}
		got := map[uint64]Record{}
		for _, r := range recs {
			got[r.ID.Num()] = r
		}
		for id := range present {
			r, ok := got[id]
			if !ok {
				if maybeGone[id] {
					delete(present, id)
					continue
				}
				s.Close()
				t.Fatalf("round %d: acknowledged point %d is missing", round, id)
			}
			want := crashVector(id)
			normalize(want)
			if !slices.Equal(r.Vector, want) || r.Payload["id"] != float64(id) {
				s.Close()
				t.Fatalf("round %d: point %d damaged: %+v", round, id, r)
			}
		}
		var gone []PointID
		for id := range deleted {
			gone = append(gone, NumID(id))
		}
		if recs, _ := s.Get(context.Background(), "crash", gone, With{}); len(recs) != 0 {
			s.Close()
			t.Fatalf("round %d: %d points whose delete was acknowledged came back", round, len(recs))
		}
		n, _ := s.Count(context.Background(), "crash", nil)
		s.Close()
		t.Logf("round %d: %d acks this round, %d points expected, %d stored", round, acks, len(present), n)
		if acks == 0 {
			t.Logf("round %d: killed before the first ack", round)
		}
	}
}

// runAndKill re-executes the test binary as the child test, with env
// added, kills it with SIGKILL after delay, and returns what it printed.
// It fails unless the child died of that signal.
func runAndKill(t *testing.T, test string, env []string, delay time.Duration) []string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$", "-test.v=false")
	cmd.Env = append(os.Environ(), env...)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan []string, 1)
	go func() {
		var ls []string
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			ls = append(ls, sc.Text())
		}
		lines <- ls
	}()
	time.Sleep(delay)
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	got := <-lines
	err = cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("child %s did not die of SIGKILL: %v", test, err)
	}
	return got
}

// crashChild is the writer process: it upserts small batches and deletes
// some earlier points until it is killed, printing "ack ID" after each
// acknowledged upsert, "delstart ID" before a delete and "del ID" after it
// is acknowledged. It exits by itself after 30 s in case the parent died.
func crashChild(dir string) {
	base, _ := strconv.ParseUint(os.Getenv(crashEnvBase), 10, 64)
	go func() {
		time.Sleep(30 * time.Second)
		os.Exit(3)
	}()
	ctx := context.Background()
	s, err := Open(ctx, dir, &Options{CheckpointBytes: 32 << 10})
	if err != nil {
		fmt.Fprintln(os.Stderr, "crash child:", err)
		os.Exit(2)
	}
	err = s.CreateCollection(ctx, "crash", CollectionConfig{Dim: crashDim, Distance: Cosine, HNSW: HNSWConfig{M: 8, EfConstruction: 32}})
	if err != nil && !errors.Is(err, ErrExists) {
		fmt.Fprintln(os.Stderr, "crash child:", err)
		os.Exit(2)
	}
	w := bufio.NewWriter(os.Stdout)
	rng := rand.New(rand.NewPCG(base, 2))
	next := base
	var acked []uint64
	for {
		if len(acked) > 10 && rng.IntN(8) == 0 {
			id := acked[rng.IntN(len(acked))]
			fmt.Fprintf(w, "delstart %d\n", id)
			w.Flush()
			if _, err := s.Delete(ctx, "crash", []PointID{NumID(id)}); err != nil {
				fmt.Fprintln(os.Stderr, "crash child:", err)
				os.Exit(2)
			}
			fmt.Fprintf(w, "del %d\n", id)
			w.Flush()
			continue
		}
		k := 1 + rng.IntN(5)
		pts := make([]Point, k)
		for i := range pts {
			id := next
			next++
			pts[i] = Point{ID: NumID(id), Vector: crashVector(id), Payload: map[string]any{"id": id, "text": strings.Repeat("x", rng.IntN(200))}}
		}
		if err := s.Upsert(ctx, "crash", pts); err != nil {
			fmt.Fprintln(os.Stderr, "crash child:", err)
			os.Exit(2)
		}
		for _, p := range pts {
			fmt.Fprintf(w, "ack %d\n", p.ID.Num())
			acked = append(acked, p.ID.Num())
		}
		w.Flush()
	}
}
