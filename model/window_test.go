package model

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/internal/sharedtest"
)

// TestWindowedCacheMatchesFull runs the gemma2 and gemma3 conformance
// models (windows 16 and 32) with rings of Window+7 cells against a cache
// that keeps every position: prompt logits, teacher-forced decoding far
// past the window, a prefix reused from the middle of a longer sequence, a
// prefix copied to another slot and a context shift must all give the same
// logits bit for bit, and a prefix whose window the ring lost is refused.
func TestWindowedCacheMatchesFull(t *testing.T) {
	for _, file := range []string{"gemma2-spm-q8_0.gguf", "gemma3-spm-q8_0.gguf"} {
		for _, typ := range []gguf.TensorType{gguf.TypeF16, gguf.TypeQ8_0, gguf.TypeF32} {
			t.Run(file+"/"+typ.String(), func(t *testing.T) {
				testWindowed(t, file, typ)
			})
		}
	}
}

func testWindowed(t *testing.T, file string, typ gguf.TensorType) {
	m := loadFile(t, sharedtest.Model(t, file))
	const ctx, chunk = 192, 8
	w := m.Config.Window
	full, err := NewCacheBatch(m, 2, ctx, ctx, typ)
	if err != nil {
		t.Fatal(err)
	}
	ring, err := NewCacheBatch(m, 2, ctx, chunk, typ)
	if err != nil {
		t.Fatal(err)
	}
	if full.Ring != 0 || ring.Ring != w+chunk-1 {
		t.Fatalf("rings %d and %d, want 0 and %d", full.Ring, ring.Ring, w+chunk-1)
	}
	if ring.Bytes() >= full.Bytes() {
		t.Fatalf("ring cache %d bytes, full %d", ring.Bytes(), full.Bytes())
	}
	st := NewState(m, 32, ctx, 2)
	defer st.Close()
	vocab := m.Config.Vocab
	tok := func(i int) int32 { return int32(1 + (i*7919)%(vocab-1)) }
	seqBatch := func(slot, from, to, salt int) Batch {
		var b Batch
		for p := from; p < to; p++ {
			b.Tokens = append(b.Tokens, tok(p+salt))
			b.Pos = append(b.Pos, int32(p))
			b.Slot = append(b.Slot, int32(slot))
			b.Logits = append(b.Logits, true)
		}
		return b
	}
	same := func(what string, b Batch) {
		t.Helper()
		want, err := m.Forward(context.Background(), st, full, b)
		if err != nil {
			t.Fatal(err)
		}
		want = append([]float32(nil), want...)
		got, err := m.Forward(context.Background(), st, ring, b)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		for i := range want {
			if math.Float32bits(got[i]) != math.Float32bits(want[i]) {
				t.Fatalf("%s: entry %d logit %d: ring %v, full %v", what, i/vocab, i%vocab, got[i], want[i])
			}
		}
	}
	n := 3*w + 11
	same("prompt", seqBatch(0, 0, n, 0))
	for p := n; p < n+w+5; p++ {
		same("decode", seqBatch(0, p, p+1, 0))
	}
	n += w + 5
	// Continue from a prefix the ring still holds, with other tokens.
	reuse := n - (ring.Ring - w + 1)
	if !ring.Holds(0, reuse) || ring.Holds(0, reuse-1) {
		t.Fatalf("Holds around %d of %d positions: ring %d, window %d", reuse, n, ring.Ring, w)
	}
	same("reused prefix", seqBatch(0, reuse, reuse+5, 1))
	n = reuse + 5
	// A prefix whose window is lost is refused.
	if _, err := m.Forward(context.Background(), st, ring, seqBatch(0, w+2, w+3, 0)); !errors.Is(err, ErrBatch) {
		t.Fatalf("continuing past the ring's floor: %v", err)
	}
	if ring.Holds(0, w+2) {
		t.Fatal("Holds true for a lost window")
	}
	// Copy the prefix to slot 1 and continue there.
	full.Copy(1, 0, n-2)
	ring.Copy(1, 0, n-2)
	same("copied prefix", seqBatch(1, n-2, n+3, 2))
	// A context shift, then decoding.
	keep, discard := 4, w/2
	for _, c := range []*Cache{full, ring} {
		if err := m.Shift(c, 1, keep, discard, n+3); err != nil {
			t.Fatal(err)
		}
	}
	n = n + 3 - discard
	same("after a shift", seqBatch(1, n, n+4, 3))
	// A fresh sequence in a used slot.
	same("fresh", seqBatch(0, 0, w+4, 4))
}

// TestWindowedCacheChunks checks the batch rules of rings: a slot may not
// write positions spanning more than the ring spares in one chunk, and
// Forward splits long batches into chunks that fit.
func TestWindowedCacheChunks(t *testing.T) {
	m := loadFile(t, sharedtest.Model(t, "gemma2-spm-q8_0.gguf"))
	c, err := NewCacheBatch(m, 1, 64, 4, gguf.TypeF16)
	if err != nil {
		t.Fatal(err)
	}
	st := NewState(m, 16, 64, 1)
	defer st.Close()
	gap := Batch{Tokens: []int32{1, 2}, Pos: []int32{0, 10}, Slot: []int32{0, 0}, Logits: []bool{false, true}}
	// Split into chunks of 4: both entries land in the first chunk.
	if _, err := m.Forward(context.Background(), st, c, gap); !errors.Is(err, ErrBatch) {
		t.Fatalf("positions 0 and 10 in one chunk of a %d-cell ring: %v", c.Ring, err)
	}
	long := Batch{}
	for p := range 40 {
		long.Tokens = append(long.Tokens, int32(1+p%50))
		long.Pos = append(long.Pos, int32(p))
		long.Slot = append(long.Slot, 0)
		long.Logits = append(long.Logits, p == 39)
	}
	if _, err := m.Forward(context.Background(), st, c, long); err != nil {
		t.Fatal(err)
	}
}

// TestWindowedCacheMemory states the memory per sequence of a
// gemma3-1B-shaped cache (26 layers, 1 KV head of 256, window 512, five
// sliding layers in six) at a 4096 context in F16, with rings sized for
// the engine's default batch of 512, against keeping every position.
func TestWindowedCacheMemory(t *testing.T) {
	cfg := Config{Arch: "gemma3", Layers: 26, KVHeads: 1, HeadDim: 256, Window: 512}
	if err := slidingEvery(&cfg, 6); err != nil {
		t.Fatal(err)
	}
	m := &Model{Config: cfg}
	full, err := NewCacheBatch(m, 1, 4096, 4096, gguf.TypeF16)
	if err != nil {
		t.Fatal(err)
	}
	ring, err := NewCacheBatch(m, 1, 4096, 512, gguf.TypeF16)
	if err != nil {
		t.Fatal(err)
	}
	// 4 global layers x 4096 + 22 sliding layers x 1023 cells, 1 KiB each
	// (keys and values of one 256-value F16 head).
	if want := int64(4*4096+22*1023) * 1024; ring.Bytes() != want {
		t.Fatalf("ring cache %d bytes, want %d", ring.Bytes(), want)
	}
	if want := int64(26*4096) * 1024; full.Bytes() != want {
		t.Fatalf("full cache %d bytes, want %d", full.Bytes(), want)
	}
	t.Logf("gemma3-1B shape, ctx 4096, F16: %.1f MiB per sequence with rings, %.1f MiB keeping every position",
		float64(ring.Bytes())/(1<<20), float64(full.Bytes())/(1<<20))
}

// loadFile loads the model at path; the file stays open until the test
// ends.
func loadFile(t testing.TB, path string) *Model {
	t.Helper()
	f, err := gguf.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	m, err := Load(f.Metadata, f)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// BenchmarkWindowedDecode times decode steps from position 600 on of the
// gemma3 conformance model (five layers in six slide, window 32) with the
// sliding layers' rings (batch 8: 39 cells) and with every position kept.
func BenchmarkWindowedDecode(b *testing.B) {
	f, err := gguf.Open(sharedtest.Model(b, "gemma3-spm-q8_0.gguf"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	m, err := Load(f.Metadata, f)
	if err != nil {
		b.Fatal(err)
	}
	const ctx = 4096
	for _, bc := range []struct {
		name  string
		batch int
	}{{"ring", 8}, {"full", ctx}} {
		b.Run(bc.name, func(b *testing.B) {
			c, err := NewCacheBatch(m, 1, ctx, bc.batch, gguf.TypeF16)
			if err != nil {
				b.Fatal(err)
			}
			st := NewState(m, 8, ctx, 1)
			defer st.Close()
			step := func(p int) {
				bt := Batch{Tokens: []int32{int32(1 + p%200)}, Pos: []int32{int32(p)}, Slot: []int32{0}, Logits: []bool{true}}
				if _, err := m.Forward(context.Background(), st, c, bt); err != nil {
					b.Fatal(err)
				}
			}
			for p := range 600 {
				step(p)
			}
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				p := 600 + i%(ctx-600)
				if p == 600 && i > 0 { // out of context: refill from 0
					b.StopTimer()
					for q := range 600 {
						step(q)
					}
					b.StartTimer()
				}
				step(p)
			}
			b.ReportMetric(float64(c.Bytes()), "cache-bytes")
		})
	}
}

// FuzzWindowedCache drives a ring cache and a full one through the same
// random operations on the gemma2 conformance model (window 16, rings of
// 19 cells): appends of 1-4 tokens, continuing from an earlier position
// when the ring still holds its window, prefix copies between slots and
// context shifts. Every forward pass must give the same logits bit for
// bit, and the ring must refuse exactly what it cannot serve.
func FuzzWindowedCache(f *testing.F) {
	f.Add([]byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 2, 0, 3, 0})
	f.Add([]byte{4, 8, 12, 16, 20, 24, 28, 32, 36, 5, 9, 13, 6, 10, 7, 11, 15})
	m := loadFile(f, sharedtest.Path(f, "conformance", "models", "gemma2-spm-q8_0.gguf"))
	f.Fuzz(func(t *testing.T, ops []byte) {
		const ctx, batch, slots = 64, 4, 2
		full, _ := NewCacheBatch(m, slots, ctx, ctx, gguf.TypeF16)
		ring, _ := NewCacheBatch(m, slots, ctx, batch, gguf.TypeF16)
		st := NewState(m, batch, ctx, 1)
		defer st.Close()
		top := make([]int, slots)
		vocab := m.Config.Vocab
		forward := func(s, from, k int, salt byte) {
			var b Batch
			for p := from; p < from+k; p++ {
				b.Tokens = append(b.Tokens, int32(1+(p*31+int(salt))%(vocab-1)))
				b.Pos = append(b.Pos, int32(p))
				b.Slot = append(b.Slot, int32(s))
				b.Logits = append(b.Logits, p == from+k-1)
			}
			want, err := m.Forward(context.Background(), st, full, b)
			if err != nil {
				t.Fatal(err)
			}
			want = append([]float32(nil), want...)
			got, err := m.Forward(context.Background(), st, ring, b)
			if err != nil {
				t.Fatalf("ring refused positions %d..%d of slot %d: %v", from, from+k-1, s, err)
			}
			for i := range want {
				if math.Float32bits(got[i]) != math.Float32bits(want[i]) {
					t.Fatalf("slot %d positions %d..%d: logit %d differs", s, from, from+k-1, i)
				}
			}
			top[s] = from + k
		}
		for i, op := range ops {
			if i > 40 {
				break
			}
			s, arg := int(op>>2)%slots, int(op>>3)
			switch op % 4 {
			case 0: // append
				if k := 1 + arg%batch; top[s]+k <= ctx {
					forward(s, top[s], k, op)
				}
			case 1: // continue from an earlier position
				n := arg % (top[s] + 1)
				if ring.Holds(s, n) && n < ctx {
					forward(s, n, 1, op)
				}
			case 2: // copy a prefix to the other slot
				n := arg % (top[s] + 1)
				d := 1 - s
				if ring.Holds(s, n) && n < ctx {
					full.Copy(d, s, n)
					ring.Copy(d, s, n)
					top[d] = n
					forward(d, n, 1, op)
				}
			case 3: // context shift
				if top[s] >= 4 {
					keep, discard := arg%2, 1+arg%(top[s]/2)
					if keep+discard <= top[s] {
						if err := m.Shift(ring, s, keep, discard, top[s]); err != nil {
							top[s] = 0 // refused: start the slot over
							continue
						}
						if err := m.Shift(full, s, keep, discard, top[s]); err != nil {
							t.Fatal(err)
						}
						top[s] -= discard
						if top[s] < ctx {
							forward(s, top[s], 1, op)
						}
					}
				}
			}
		}
	})
}
