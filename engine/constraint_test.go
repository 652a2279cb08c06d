package engine

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sync"
	"testing"

	"github.com/gaianet-go/gaianet/sample"
)

// modConstraint allows tokens whose id is a multiple of mod (and EOS).
type modConstraint struct {
	mod      int32
	vocab    int
	accepted []int32
}

func (c *modConstraint) Mask(dst []uint64) bool {
	clear(dst)
	for i := range int32(c.vocab) {
		if i%c.mod == 0 || i == eos {
			dst[i/64] |= 1 << uint(i%64)
		}
	}
	return true
}

func (c *modConstraint) Accept(tok int32) error {
	if tok%c.mod != 0 {
		return fmt.Errorf("token %d not allowed", tok)
	}
	c.accepted = append(c.accepted, tok)
	return nil
}

func (c *modConstraint) Done() bool { return false }

// literal forces the tokens of lit, then allows anything; with force set
// it is a Forcer, otherwise it only masks. done ends it after lit.
type literal struct {
	lit      []int32
	pos      int
	done     bool
	accepted []int32
}

func (c *literal) Mask(dst []uint64) bool {
	if c.pos >= len(c.lit) {
		return false
	}
	clear(dst)
	t := c.lit[c.pos]
	dst[t/64] |= 1 << uint(t%64)
	return true
}

func (c *literal) Accept(tok int32) error {
	if c.pos < len(c.lit) {
		if tok != c.lit[c.pos] {
			return fmt.Errorf("token %d, want %d", tok, c.lit[c.pos])
		}
		c.pos++
	}
	c.accepted = append(c.accepted, tok)
	return nil
}

func (c *literal) Done() bool { return c.done && c.pos == len(c.lit) }

type forcingLiteral struct{ literal }

func (c *forcingLiteral) ForcedTokens(dst []int32) []int32 { return append(dst, c.lit[c.pos:]...) }

func TestApplyMask(t *testing.T) {
	row := make([]float32, 130)
	mask := make([]uint64, maskWords(len(row)))
	mask[0] = ^uint64(0)
	mask[1] = 1 << 3
	mask[2] = 1<<1 | 1<<5 // bit 5 is past the vocabulary
	if n := applyMask(row, mask); n != 66 {
		t.Errorf("allowed %d, want 66", n)
	}
	for i, v := range row {
		want := i < 64 || i == 67 || i == 129
		if got := !math.IsInf(float64(v), -1); got != want {
			t.Errorf("token %d allowed %v, want %v", i, got, want)
		}
	}
}

// TestConstraintMasks samples at temperature 1 from parallel requests
// under a constraint; every token must be one it allows.
func TestConstraintMasks(t *testing.T) {
	e := testEngine(t, Options{Threads: 2, CtxSize: 64, Parallel: 2})
	var wg sync.WaitGroup
	for seed := range uint64(4) {
		wg.Go(func() {
			c := &modConstraint{mod: 3, vocab: e.model.Config.Vocab}
			p := sample.DefaultParams()
			p.Seed, p.TopK = seed, 0
			_, res, err := collect(context.Background(), e, Request{Prompt: []int32{1, 5, 9}, MaxTokens: 20,
				Sampler: sample.New(p), Constraint: c})
			if err != nil {
				t.Error(err)
				return
			}
			if res.GeneratedTokens != len(c.accepted) && res.GeneratedTokens != len(c.accepted)+1 {
				t.Errorf("seed %d: %d tokens generated, %d accepted", seed, res.GeneratedTokens, len(c.accepted))
			}
		})
	}
	wg.Wait()
}

// TestForcedTokensMatchSampled checks fast-forward: forcing a literal's
// tokens must give the same text and the same free continuation (so the
// KV cache holds the forced tokens at the right positions) as sampling
// them one step at a time under a mask.
func TestForcedTokensMatchSampled(t *testing.T) {
	e := testEngine(t, Options{Threads: 2, CtxSize: 64, Parallel: 1})
	prompt := []int32{1, 17, 33}
	lit := []int32{40, 41, 42, 43, 44, 45}
	masked := &literal{lit: lit}
	if _, _, err := collect(context.Background(), e, Request{Prompt: prompt, MaxTokens: 14, Sampler: &noEOS{}, Constraint: masked}); err != nil {
		t.Fatal(err)
	}
	forced := &forcingLiteral{literal{lit: lit}}
	smp := &noEOS{}
	_, res, err := collect(context.Background(), e, Request{Prompt: prompt, MaxTokens: 14, Sampler: smp, Constraint: forced})
	if err != nil {
		t.Fatal(err)
	}
	if !equal(masked.accepted, forced.accepted) || len(forced.accepted) != 14 {
		t.Fatalf("masked %v, forced %v", masked.accepted, forced.accepted)
	}
	if !equal(smp.accepted, forced.accepted) {
		t.Errorf("sampler accepted %v, want %v", smp.accepted, forced.accepted)
	}
	if res.GeneratedTokens != 14 || res.FinishReason != FinishLength {
		t.Errorf("result %+v", res)
	}
	// The reference: the literal as part of the prompt, then greedy.
	want := reference(t, e, append(append([]int32{}, prompt...), lit...), 8, true)
	if !equal(forced.accepted[len(lit):], want) {
		t.Errorf("continuation %v, want %v", forced.accepted[len(lit):], want)
	}
}

func TestConstraintDoneAndDeadEnd(t *testing.T) {
	e := testEngine(t, Options{Threads: 2, CtxSize: 64, Parallel: 1})
	c := &forcingLiteral{literal{lit: []int32{7, 8, 9}, done: true}}
	_, res, err := collect(context.Background(), e, Request{Prompt: []int32{1, 2}, MaxTokens: 30, Constraint: c})
	if err != nil {
		t.Fatal(err)
	}
	if res.FinishReason != FinishStop || res.GeneratedTokens != 3 || !equal(c.accepted, []int32{7, 8, 9}) {
		t.Errorf("result %+v, accepted %v", res, c.accepted)
	}
	// A constraint that allows nothing fails the request clearly.
	_, _, err = collect(context.Background(), e, Request{Prompt: []int32{1, 2}, MaxTokens: 3, Constraint: &modConstraint{mod: 1 << 20, vocab: 0}})
	if !errors.Is(err, ErrConstraint) {
		t.Errorf("err %v, want ErrConstraint", err)
	}
}
