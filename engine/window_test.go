package engine

import (
	"context"
	"testing"

	"github.com/gaianet-go/gaianet/internal/sharedtest"
)

// TestWindowedPrefixReuse serves the gemma2 conformance model (window 16)
// with batches of 4, so its sliding-window layers keep rings of 19 cells:
// a request sharing only an early prefix with the cached sequence must not
// reuse it (the ring lost that prefix's window) and one sharing a recent
// prefix must; both must produce what a fresh evaluation produces.
func TestWindowedPrefixReuse(t *testing.T) {
	e, err := Load(sharedtest.Model(t, "gemma2-spm-q8_0.gguf"), Options{Threads: 2, CtxSize: 128, Parallel: 1, BatchSize: 4})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	if r := e.cache.Ring; r != 19 {
		t.Fatalf("ring of %d cells, want 19", r)
	}
	prompt := make([]int32, 40)
	for i := range prompt {
		prompt[i] = int32(3 + (i*37)%250)
	}
	early := append(append([]int32(nil), prompt[:20]...), 7, 8, 9)
	// References first: Eval uses slot 0 and forgets what it cached.
	wantLong := reference(t, e, prompt, 10, true)
	wantEarly := reference(t, e, early, 3, true)
	run := func(p []int32, n int, want []int32) Result {
		t.Helper()
		got, res, err := collect(context.Background(), e, Request{Prompt: p, MaxTokens: n, Sampler: &noEOS{}})
		if err != nil {
			t.Fatal(err)
		}
		if !equal(got, want) {
			t.Fatalf("prompt of %d (cached %d): %v, fresh %v", len(p), res.CachedTokens, got, want)
		}
		return res
	}
	run(prompt, 10, wantLong)
	if res := run(early, 3, wantEarly); res.CachedTokens != 0 {
		t.Errorf("early prefix: cached %d tokens, want 0 (its window left the ring)", res.CachedTokens)
	}
	if res := run(early, 3, wantEarly); res.CachedTokens != len(early)-1 {
		t.Errorf("repeat: cached %d tokens, want %d", res.CachedTokens, len(early)-1)
	}
}
