package engine

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/gaianet-go/gaianet/internal/sharedtest"
	"github.com/gaianet-go/gaianet/sample"
)

// invarianceModels are the conformance models the engine serves, one per
// weight type family (K-quants, legacy quants, F16) and architecture.
var invarianceModels = []string{
	"llama-spm-q8_0.gguf",
	"llama-spm-q4_0.gguf",
	"llama-spm-q4_k_m.gguf",
	"llama-spm-tiny-f16.gguf",
	"qwen2-spm-q6_k.gguf",
	// Sliding windows of 16 and 32 with batches of 8: rings of 23 and
	// 39 cells, which the sequences below wrap around.
	"gemma2-spm-q8_0.gguf",
	"gemma3-spm-q8_0.gguf",
}

// invarianceBatch is the batch size of a model's run: small for the
// sliding-window models, so that their rings are short.
func invarianceBatch(name string) int {
	if strings.HasPrefix(name, "gemma") {
		return 8
	}
	return 64
}

// evalTrace is one sequence's greedy continuation through Eval: the
// logits row of every generated position, bit for bit, and the tokens.
type evalTrace struct {
	tokens []int32
	logits [][]uint32
}

func (tr *evalTrace) add(row []float32) int32 {
	bits := make([]uint32, len(row))
	for i, v := range row {
		bits[i] = math.Float32bits(v)
	}
	tr.logits = append(tr.logits, bits)
	tok := argmax(row)
	tr.tokens = append(tr.tokens, tok)
	return tok
}

// diff describes the first difference between two traces, or "".
func (tr *evalTrace) diff(o *evalTrace) string {
	for i := range min(len(tr.logits), len(o.logits)) {
		for j, v := range tr.logits[i] {
			if w := o.logits[i][j]; v != w {
				return fmt.Sprintf("step %d: logit %d is %v, alone %v (tokens %v vs %v)", i, j,
					math.Float32frombits(w), math.Float32frombits(v), o.tokens, tr.tokens)
			}
		}
	}
	if len(tr.logits) != len(o.logits) {
		return fmt.Sprintf("%d steps, alone %d", len(o.logits), len(tr.logits))
	}
	return ""
}

// other is a companion sequence sharing the batches: a prompt fed in
// chunks, then greedy decoding.
type other struct {
	slot    int32
	pending []int32
	pos     int32
	next    int32
	started bool
}

// runMixed evaluates target (prompt then steps greedy tokens) in slot
// tslot, starting after the first reuse positions already cached there,
// with companions sharing every batch: prompt chunks of the given sizes,
// the target's entries at varying places in the batch.
func runMixed(t *testing.T, e *Engine, r *rand.Rand, prompt []int32, reuse, steps int, tslot int32, others []*other, chunk func() int) *evalTrace {
	t.Helper()
	tr := &evalTrace{}
	pending := prompt[reuse:]
	pos := int32(reuse)
	var next int32
	decoding := false
	for len(tr.tokens) < steps {
		var b Batch
		add := func(tok, p, s int32, logits bool) {
			b.Tokens = append(b.Tokens, tok)
			b.Pos = append(b.Pos, p)
			b.Slot = append(b.Slot, s)
			b.Logits = append(b.Logits, logits)
		}
		targetAt := -1
		addTarget := func() {
			if decoding {
				targetAt = len(b.Tokens)
				add(next, pos, tslot, true)
				pos++
				return
			}
			k := min(chunk(), len(pending))
			for i, tk := range pending[:k] {
				last := i == len(pending)-1
				if last {
					targetAt = len(b.Tokens)
				}
				add(tk, pos, tslot, last)
				pos++
			}
			pending = pending[k:]
		}
		// The target goes first, last or in between, by turns.
		place := r.IntN(len(others) + 1)
		for i, o := range others {
			if i == place {
				addTarget()
			}
			if o.started && len(o.pending) == 0 {
				add(o.next, o.pos, o.slot, false)
				o.pos++
				o.next = (o.next*7 + 3) % 100
				continue
			}
			o.started = true
			k := min(chunk(), len(o.pending))
			for _, tk := range o.pending[:k] {
				add(tk, o.pos, o.slot, false)
				o.pos++
			}
			o.pending = o.pending[k:]
		}
		if place == len(others) {
			addTarget()
		}
		l, err := e.Eval(context.Background(), b)
		if err != nil {
			t.Fatal(err)
		}
		if targetAt < 0 {
			continue
		}
		row := 0
		for i := range targetAt {
			if b.Logits[i] {
				row++
			}
		}
		vocab := e.Model().Config.Vocab
		next = tr.add(l[row*vocab : (row+1)*vocab])
		decoding = true
	}
	return tr
}

// TestBatchInvariance checks that a sequence's logits are bit for bit the
// same whatever shares its batches (nothing, one to three other sequences
// of other lengths, in prompt or decode phase), however its prompt is
// chunked, in whichever slot, and after a prefix copied from another slot,
// on the conformance models and every KV cache type.
func TestBatchInvariance(t *testing.T) {
	const steps = 24
	for _, name := range invarianceModels {
		batch := invarianceBatch(name)
		for _, kv := range []string{"f16", "q8_0"} {
			t.Run(name+"/"+kv, func(t *testing.T) {
				e, err := Load(sharedtest.Model(t, name), Options{Threads: 2, CtxSize: 96, Parallel: 4, BatchSize: batch, KVType: kv})
				if err != nil {
					t.Fatal(err)
				}
				defer e.Close()
				r := rand.New(rand.NewPCG(1, 2))
				vocab := e.Model().Config.Vocab
				prompt := make([]int32, 19)
				for i := range prompt {
					prompt[i] = int32(1 + r.IntN(vocab-1))
				}
				whole := func() int { return len(prompt) }
				alone := runMixed(t, e, r, prompt, 0, steps, 0, nil, whole)
				randomChunk := func() int { return 1 + r.IntN(9) }
				companions := func(n int, tslot int32) []*other {
					var os []*other
					for s := int32(0); len(os) < n; s++ {
						if s == tslot {
							continue
						}
						p := make([]int32, 3+r.IntN(30))
						for i := range p {
							p[i] = int32(1 + r.IntN(vocab-1))
						}
						os = append(os, &other{slot: s, pending: p, next: int32(r.IntN(100))})
					}
					return os
				}
				for n := 0; n <= 3; n++ {
					tslot := int32(3 - n)
					got := runMixed(t, e, r, prompt, 0, steps, tslot, companions(n, tslot), randomChunk)
					if d := alone.diff(got); d != "" {
						t.Fatalf("with %d others, slot %d: %s", n, tslot, d)
					}
				}
				// A prefix cached in slot 1 (by a shorter request) is
				// copied to slot 2, which continues the prompt from there.
				reuse := 11
				pre := runMixed(t, e, r, prompt[:reuse+1], 0, 1, 1, companions(1, 1), randomChunk)
				if len(pre.tokens) != 1 {
					t.Fatal("prefix run")
				}
				if err := e.CopySlot(2, 1, reuse); err != nil {
					t.Fatal(err)
				}
				got := runMixed(t, e, r, prompt, reuse, steps, 2, companions(2, 2), randomChunk)
				if d := alone.diff(got); d != "" {
					t.Fatalf("after a prefix hit: %s", d)
				}
			})
		}
	}
}

// genTrace is what Generate streamed for one request: token ids and, bit
// for bit, each token's log-probability and its top alternatives'.
type genTrace struct {
	ids []int32
	lp  []uint32
}

func generateTrace(t *testing.T, e *Engine, prompt []int32, seed uint64, greedy bool, n int) genTrace {
	t.Helper()
	p := sample.DefaultParams()
	p.Seed, p.TopLogprobs = seed, 3
	if greedy {
		p.Temperature = 0
	}
	var tr genTrace
	_, err := e.Generate(context.Background(), Request{Prompt: prompt, MaxTokens: n, Sampler: sample.New(p), Logprobs: true}, func(tk Token) error {
		if tk.ID < 0 {
			return nil
		}
		tr.ids = append(tr.ids, tk.ID)
		tr.lp = append(tr.lp, math.Float32bits(tk.Logprobs.Chosen.Logprob))
		for _, a := range tk.Logprobs.Top {
			tr.lp = append(tr.lp, uint32(a.ID), math.Float32bits(a.Logprob))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// TestGenerateBatchInvariance serves a greedy and a seeded request alone,
// then each with one to three others of other lengths at once (parallel
// 4), then again with their prompt prefix cached, and checks that the
// streamed tokens and log-probabilities are bit for bit the same. This is
// the scenario that used to diverge after some 80 characters.
func TestGenerateBatchInvariance(t *testing.T) {
	for _, name := range []string{"llama-spm-q8_0.gguf", "qwen2-spm-q6_k.gguf"} {
		t.Run(name, func(t *testing.T) {
			e, err := Load(sharedtest.Model(t, name), Options{Threads: 2, CtxSize: 160, Parallel: 4, BatchSize: 32})
			if err != nil {
				t.Fatal(err)
			}
			defer e.Close()
			tok := e.Tokenizer()
			prompt := tok.Encode("The history of the printing press begins in", true, true)
			const n = 48
			for _, greedy := range []bool{true, false} {
				alone := generateTrace(t, e, prompt, 42, greedy, n)
				for others := 1; others <= 3; others++ {
					var wg sync.WaitGroup
					for k := range others {
						wg.Add(1)
						go func() {
							defer wg.Done()
							p := tok.Encode(strings.Repeat("Another request, of another length. ", 1+3*k), true, true)
							generateTrace(t, e, p, uint64(k), k%2 == 0, 20+15*k)
						}()
					}
					got := generateTrace(t, e, prompt, 42, greedy, n)
					wg.Wait()
					if !slices.Equal(got.ids, alone.ids) || !slices.Equal(got.lp, alone.lp) {
						t.Fatalf("greedy %v with %d others: tokens %v, alone %v (or log-probabilities differ)", greedy, others, got.ids, alone.ids)
					}
				}
			}
		})
	}
}
