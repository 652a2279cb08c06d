package engine

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/model"
	"github.com/gaianet-go/gaianet/model/modeltest"
	"github.com/gaianet-go/gaianet/sample"
)

const eos = 2 // modeltest's tokenizer.ggml.eos_token_id

func testEngine(t *testing.T, opts Options) *Engine {
	t.Helper()
	path := filepath.Join(t.TempDir(), "m.gguf")
	if err := modeltest.Write(path, modeltest.Spec{Arch: "llama", Seed: 11, Type: gguf.TypeF32, Heads: 2, KVHeads: 1}); err != nil {
		t.Fatal(err)
	}
	e, err := Load(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}

// noEOS is a greedy sampler that never ends the sequence and records what
// it was told to accept.
type noEOS struct{ accepted []int32 }

func (s *noEOS) Sample(l []float32) int32 {
	best := -1
	for i, v := range l {
		if i != eos && (best < 0 || v > l[best]) {
			best = i
		}
	}
	return int32(best)
}
func (s *noEOS) Accept(id int32) { s.accepted = append(s.accepted, id) }

// reference generates greedily with Eval in slot 0 (no scheduler).
func reference(t *testing.T, e *Engine, prompt []int32, n int, skipEOS bool) []int32 {
	t.Helper()
	ctx := context.Background()
	b := Batch{}
	for i, tk := range prompt {
		b.Tokens = append(b.Tokens, tk)
		b.Pos = append(b.Pos, int32(i))
		b.Slot = append(b.Slot, 0)
		b.Logits = append(b.Logits, i == len(prompt)-1)
	}
	var out []int32
	for len(out) < n {
		l, err := e.Eval(ctx, b)
		if err != nil {
			t.Fatal(err)
		}
		var tok int32
		if skipEOS {
			tok = (&noEOS{}).Sample(l)
		} else {
			tok = argmax(l)
			if tok == eos {
				break
			}
		}
		out = append(out, tok)
		b = Batch{Tokens: []int32{tok}, Pos: []int32{int32(len(prompt) + len(out) - 1)}, Slot: []int32{0}, Logits: []bool{true}}
	}
	return out
}

func collect(ctx context.Context, e *Engine, req Request) ([]int32, Result, error) {
	var got []int32
	res, err := e.Generate(ctx, req, func(tk Token) error {
		if tk.ID >= 0 {
			got = append(got, tk.ID)
		}
		return nil
	})
	return got, res, err
}

func equal(a, b []int32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestGenerateMatchesEval(t *testing.T) {
	e := testEngine(t, Options{Threads: 2, CtxSize: 64, Parallel: 1})
	prompt := []int32{1, 17, 33, 5, 9}
	want := reference(t, e, prompt, 12, true)
	smp := &noEOS{}
	got, res, err := collect(context.Background(), e, Request{Prompt: prompt, MaxTokens: 12, Sampler: smp})
	if err != nil {
		t.Fatal(err)
	}
	if !equal(got, want) {
		t.Fatalf("Generate %v, Eval greedy %v", got, want)
	}
	if !equal(smp.accepted, want) {
		t.Errorf("sampler accepted %v, want %v", smp.accepted, want)
	}
	if res.FinishReason != FinishLength || res.GeneratedTokens != 12 || res.PromptTokens != 5 {
		t.Errorf("result %+v", res)
	}
	// Built-in greedy stops at the end-of-sequence token.
	want = reference(t, e, prompt, 40, false)
	got, res, err = collect(context.Background(), e, Request{Prompt: prompt, MaxTokens: 40})
	if err != nil {
		t.Fatal(err)
	}
	if !equal(got, want) {
		t.Fatalf("greedy Generate %v, want %v", got, want)
	}
	if len(want) < 40 && res.FinishReason != FinishStop {
		t.Errorf("finish %q after EOS, want stop", res.FinishReason)
	}
}

// TestContinuousBatching runs more requests than slots at once; each must
// produce exactly what it produces alone.
func TestContinuousBatching(t *testing.T) {
	for _, kv := range []string{"f16", "q8_0"} {
		t.Run(kv, func(t *testing.T) { testContinuousBatching(t, kv) })
	}
}

func testContinuousBatching(t *testing.T, kv string) {
	e := testEngine(t, Options{Threads: 2, CtxSize: 64, Parallel: 3, BatchSize: 8, KVType: kv})
	prompts := [][]int32{{1, 4, 8}, {1, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 3}, {1, 60}, {1, 4, 8, 15, 16, 23, 42}, {1, 33}}
	want := make([][]int32, len(prompts))
	for i, p := range prompts {
		want[i] = reference(t, e, p, 10, true)
	}
	var wg sync.WaitGroup
	got := make([][]int32, len(prompts))
	errs := make([]error, len(prompts))
	for i, p := range prompts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i], _, errs[i] = collect(context.Background(), e, Request{Prompt: p, MaxTokens: 10, Sampler: &noEOS{}})
		}()
	}
	wg.Wait()
	for i := range prompts {
		if errs[i] != nil {
			t.Fatalf("request %d: %v", i, errs[i])
		}
		if !equal(got[i], want[i]) {
			t.Errorf("request %d: batched %v, alone %v", i, got[i], want[i])
		}
	}
}

func TestPrefixReuse(t *testing.T) {
	e := testEngine(t, Options{Threads: 1, CtxSize: 64, Parallel: 2})
	base := []int32{1, 10, 11, 12, 13, 14, 15}
	ext := append(append([]int32(nil), base...), 20, 21)
	want := reference(t, e, ext, 6, true)
	if _, _, err := collect(context.Background(), e, Request{Prompt: base, MaxTokens: 3, Sampler: &noEOS{}}); err != nil {
		t.Fatal(err)
	}
	got, res, err := collect(context.Background(), e, Request{Prompt: ext, MaxTokens: 6, Sampler: &noEOS{}})
	if err != nil {
		t.Fatal(err)
	}
	if res.CachedTokens != len(base) {
		t.Errorf("cached %d tokens, want %d", res.CachedTokens, len(base))
	}
	if !equal(got, want) {
		t.Errorf("with reused prefix %v, fresh %v", got, want)
	}
	// The same prompt again reuses all but its last token.
	_, res, err = collect(context.Background(), e, Request{Prompt: ext, MaxTokens: 1, Sampler: &noEOS{}})
	if err != nil {
		t.Fatal(err)
	}
	if res.CachedTokens != len(ext)-1 {
		t.Errorf("repeat cached %d tokens, want %d", res.CachedTokens, len(ext)-1)
	}
}

// TestPrefixCopiedFromBusySlot starts a long request, then a second one
// sharing its prompt while the first still runs: the second must copy the
// prefix from the busy slot and still produce the right tokens.
func TestPrefixCopiedFromBusySlot(t *testing.T) {
	e := testEngine(t, Options{Threads: 1, CtxSize: 64, Parallel: 2})
	prompt := []int32{1, 30, 31, 32, 33, 34}
	ext := append(append([]int32(nil), prompt...), 40)
	want := reference(t, e, ext, 5, true)
	started := make(chan struct{})
	release := make(chan struct{})
	done := make(chan error)
	go func() {
		first := true
		_, err := e.Generate(context.Background(), Request{Prompt: prompt, MaxTokens: 20, Sampler: &noEOS{}}, func(Token) error {
			if first {
				first = false
				close(started)
				<-release
			}
			return nil
		})
		done <- err
	}()
	<-started
	got, res, err := collect(context.Background(), e, Request{Prompt: ext, MaxTokens: 5, Sampler: &noEOS{}})
	close(release)
	if err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if res.CachedTokens != len(prompt) {
		t.Errorf("cached %d, want %d", res.CachedTokens, len(prompt))
	}
	if !equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestCancelFreesSlot(t *testing.T) {
	e := testEngine(t, Options{Threads: 1, CtxSize: 64, Parallel: 1})
	stop := errors.New("client went away")
	n := 0
	_, err := e.Generate(context.Background(), Request{Prompt: []int32{1, 2, 3}, MaxTokens: 50, Sampler: &noEOS{}}, func(Token) error {
		n++
		if n == 2 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Fatalf("err %v, want the callback's", err)
	}
	// The only slot must be free again for the next request.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, _, err := collect(ctx, e, Request{Prompt: []int32{1, 5}, MaxTokens: 3, Sampler: &noEOS{}}); err != nil {
		t.Fatalf("after a cancelled request: %v", err)
	}
	// A request waiting for a slot returns when its context ends.
	// The holder's first token proves it has the slot (a fixed sleep was
	// not enough on a loaded machine).
	hold, holding := make(chan struct{}), make(chan struct{})
	var once sync.Once
	go e.Generate(context.Background(), Request{Prompt: []int32{1}, MaxTokens: 1000, Sampler: &noEOS{}}, func(Token) error {
		once.Do(func() { close(holding) })
		<-hold
		return nil
	})
	<-holding
	short, cancel2 := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel2()
	if _, _, err := collect(short, e, Request{Prompt: []int32{1}, MaxTokens: 1}); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("waiting request: %v, want deadline exceeded", err)
	}
	if _, err := e.Eval(context.Background(), Batch{Tokens: []int32{1}, Pos: []int32{0}, Slot: []int32{0}, Logits: []bool{true}}); !errors.Is(err, ErrBusy) {
		t.Errorf("Eval while serving: %v, want ErrBusy", err)
	}
	close(hold)
}

func TestContextFull(t *testing.T) {
	tests := []struct {
		name  string
		shift bool
		want  error
	}{
		{"shift", true, nil},
		{"no shift", false, ErrContextFull},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := testEngine(t, Options{Threads: 1, CtxSize: 16, ContextShift: tc.shift})
			got, res, err := collect(context.Background(), e, Request{Prompt: []int32{1, 7, 8, 9, 10, 11}, MaxTokens: 40, Sampler: &noEOS{}, Keep: 2})
			if !errors.Is(err, tc.want) {
				t.Fatalf("err %v, want %v", err, tc.want)
			}
			if tc.want == nil && (len(got) != 40 || res.FinishReason != FinishLength) {
				t.Fatalf("generated %d tokens (%+v), want 40", len(got), res)
			}
			if tc.want != nil && (len(got) != 16-6+1 || res.FinishReason != FinishLength || res.GeneratedTokens != len(got)) {
				t.Fatalf("generated %d tokens before the context filled, want %d", len(got), 16-6+1)
			}
		})
	}
	e := testEngine(t, Options{Threads: 1, CtxSize: 4})
	if _, _, err := collect(context.Background(), e, Request{Prompt: []int32{1, 2, 3, 4, 5}}); !errors.Is(err, ErrContextFull) {
		t.Errorf("long prompt: %v, want ErrContextFull", err)
	}
}

// TestShiftKeepsDecoding generates far past a small context, shifting
// several times.
func TestShiftKeepsDecoding(t *testing.T) {
	e := testEngine(t, Options{Threads: 1, CtxSize: 12, ContextShift: true})
	got, _, err := collect(context.Background(), e, Request{Prompt: []int32{1, 7, 8, 9}, MaxTokens: 30, Sampler: &noEOS{}})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 30 {
		t.Fatalf("generated %d tokens", len(got))
	}
}

func TestRequestErrors(t *testing.T) {
	e := testEngine(t, Options{Threads: 1, CtxSize: 16})
	for name, req := range map[string]Request{
		"empty":     {},
		"token":     {Prompt: []int32{64}},
		"negative":  {Prompt: []int32{-1}},
		"maxtokens": {Prompt: []int32{1}, MaxTokens: -1},
	} {
		if _, _, err := collect(context.Background(), e, req); !errors.Is(err, ErrRequest) {
			t.Errorf("%s: %v, want ErrRequest", name, err)
		}
	}
	e.Close()
	if _, _, err := collect(context.Background(), e, Request{Prompt: []int32{1}}); !errors.Is(err, ErrClosed) {
		t.Errorf("after Close: %v, want ErrClosed", err)
	}
	if _, err := Load(filepath.Join(t.TempDir(), "absent.gguf"), Options{}); err == nil {
		t.Error("Load of a missing file succeeded")
	}
	if _, err := Load("x", Options{KVType: "q4_0"}); !errors.Is(err, model.ErrUnsupported) {
		t.Error("unsupported KV type accepted")
	}
}

// TestSampleSamplerLogprobs plugs in package sample's Sampler: at
// temperature 0 it must agree with the built-in greedy choice and report
// log-probabilities whose best alternative is the chosen token.
func TestSampleSamplerLogprobs(t *testing.T) {
	e := testEngine(t, Options{Threads: 1, CtxSize: 32})
	prompt := []int32{1, 20, 21}
	want := reference(t, e, prompt, 6, false)
	p := sample.DefaultParams()
	p.Temperature = 0
	p.TopLogprobs = 3
	p.RepeatPenalty = 1
	var got []int32
	_, err := e.Generate(context.Background(), Request{Prompt: prompt, MaxTokens: 6, Sampler: sample.New(p), Logprobs: true}, func(tk Token) error {
		if tk.ID < 0 {
			return nil
		}
		got = append(got, tk.ID)
		lp := tk.Logprobs
		if lp == nil || lp.Chosen.ID != tk.ID || len(lp.Top) != 3 || lp.Top[0].ID != tk.ID || lp.Chosen.Logprob > 0 {
			t.Errorf("token %d: logprobs %+v", tk.ID, lp)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !equal(got, want) {
		t.Errorf("sample.Sampler greedy %v, built-in %v", got, want)
	}
	if _, _, err := collect(context.Background(), e, Request{Prompt: prompt, Logprobs: true}); !errors.Is(err, ErrRequest) {
		t.Errorf("logprobs without a sampler: %v, want ErrRequest", err)
	}
}

// TestSlowConsumerLeaves fills a request's stream buffer (the scheduler
// then waits on the consumer), then has the consumer give up: the slot
// must be freed for the next request.
func TestSlowConsumerLeaves(t *testing.T) {
	e := testEngine(t, Options{Threads: 1, CtxSize: 128, Parallel: 1})
	gone := errors.New("gone")
	for range 3 {
		_, err := e.Generate(context.Background(), Request{Prompt: []int32{1, 3}, MaxTokens: 100, Sampler: &noEOS{}}, func(Token) error {
			time.Sleep(100 * time.Millisecond) // the buffer fills meanwhile
			return gone
		})
		if !errors.Is(err, gone) {
			t.Fatalf("err %v", err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		_, _, err = collect(ctx, e, Request{Prompt: []int32{1, 4}, MaxTokens: 2, Sampler: &noEOS{}})
		cancel()
		if err != nil {
			t.Fatalf("next request: %v", err)
		}
	}
}

type badSampler struct{}

func (badSampler) Sample([]float32) int32 { return 1 << 20 }
func (badSampler) Accept(int32)           {}

// TestBadSamplerIsolated checks that a sampler returning an impossible
// token fails only its own request.
func TestBadSamplerIsolated(t *testing.T) {
	e := testEngine(t, Options{Threads: 1, CtxSize: 32, Parallel: 2})
	if _, _, err := collect(context.Background(), e, Request{Prompt: []int32{1}, Sampler: badSampler{}}); !errors.Is(err, ErrRequest) {
		t.Fatalf("bad sampler: %v, want ErrRequest", err)
	}
	if _, _, err := collect(context.Background(), e, Request{Prompt: []int32{1}, MaxTokens: 3, Sampler: &noEOS{}}); err != nil {
		t.Fatalf("next request: %v", err)
	}
}
