package engine

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime/pprof"
	"time"

	"github.com/gaianet-go/gaianet/sample"
)

// BenchResult holds the speeds Bench measured, in tokens per second.
type BenchResult struct {
	Threads, Prompt, Gen, Parallel int
	// Prefill is prompt tokens evaluated per second in one batch.
	Prefill float64
	// Decode is tokens per second generating one sequence.
	Decode float64
	// Aggregate is tokens per second summed over Parallel sequences
	// decoding together (each step a batch of Parallel tokens).
	Aggregate float64
	// PrefillCPU, DecodeCPU and AggregateCPU are the same rates per CPU
	// second used by the whole process (0 where not measured): on a
	// machine shared with other work they show the engine's own cost.
	PrefillCPU, DecodeCPU, AggregateCPU float64
}

// String formats r as one line per measurement.
func (r BenchResult) String() string {
	return fmt.Sprintf("prefill %d tokens: %.2f tok/s (%.2f per CPU-s)\ndecode %d tokens: %.2f tok/s (%.2f per CPU-s)\ndecode x%d: %.2f tok/s aggregate (%.2f per CPU-s)",
		r.Prompt, r.Prefill, r.PrefillCPU, r.Gen, r.Decode, r.DecodeCPU, r.Parallel, r.Aggregate, r.AggregateCPU)
}

// Bench loads the model at path and measures, with the given threads:
// prefill of nPrompt random tokens as one batch, then nGen decode steps of
// that sequence, then nGen steps of parallel sequences decoding together
// (each a copy of the prompt). Token ids are random and fixed by a seed;
// decode feeds back the arg-max, as a greedy generation does. variant
// measures the batch-variant kernels (Options.BatchVariant); lora
// adapters, if any, run at their scales in every phase.
func Bench(ctx context.Context, path string, threads, nPrompt, nGen, parallel int, variant bool, lora ...LoRAFile) (BenchResult, error) {
	res := BenchResult{Threads: threads, Prompt: nPrompt, Gen: nGen, Parallel: max(parallel, 1)}
	if nPrompt < 1 || nGen < 1 {
		return res, fmt.Errorf("engine: bench needs a prompt and generated tokens, got %d and %d", nPrompt, nGen)
	}
	e, err := Load(path, Options{Threads: threads, CtxSize: nPrompt + nGen + 1, Parallel: res.Parallel, BatchSize: max(nPrompt, res.Parallel), BatchVariant: variant, LoRA: lora})
	if err != nil {
		return res, err
	}
	defer e.Close()
	vocab := e.model.Config.Vocab
	r := rand.New(rand.NewPCG(1, 2))
	b := Batch{}
	for i := range nPrompt {
		b.Tokens = append(b.Tokens, int32(r.IntN(vocab)))
		b.Pos = append(b.Pos, int32(i))
		b.Slot = append(b.Slot, 0)
		b.Logits = append(b.Logits, i == nPrompt-1)
	}
	// Warm up: touch every weight page once.
	if _, err := e.Eval(ctx, Batch{Tokens: b.Tokens[:1], Pos: b.Pos[:1], Slot: b.Slot[:1], Logits: []bool{true}}); err != nil {
		return res, err
	}
	// Each phase runs under a pprof label (phase=prefill, decode,
	// parallel), so that a CPU profile of a benchmark can be split by
	// phase (pprof -tagfocus); work of other pool goroutines is unlabelled.
	defer pprof.SetGoroutineLabels(ctx)
	phase := func(name string) {
		pprof.SetGoroutineLabels(pprof.WithLabels(ctx, pprof.Labels("phase", name)))
	}
	phase("prefill")
	t0, c0 := time.Now(), processCPU()
	logits, err := e.Eval(ctx, b)
	if err != nil {
		return res, err
	}
	res.Prefill, res.PrefillCPU = rates(nPrompt, t0, c0)

	one := Batch{Tokens: []int32{0}, Pos: []int32{0}, Slot: []int32{0}, Logits: []bool{true}}
	next := argmax(logits)
	phase("decode")
	t0, c0 = time.Now(), processCPU()
	for i := range nGen {
		one.Tokens[0], one.Pos[0] = next, int32(nPrompt+i)
		l, err := e.Eval(ctx, one)
		if err != nil {
			return res, err
		}
		next = argmax(l)
	}
	res.Decode, res.DecodeCPU = rates(nGen, t0, c0)

	p := res.Parallel
	for s := 1; s < p; s++ {
		if err := e.CopySlot(s, 0, nPrompt); err != nil {
			return res, err
		}
	}
	many := Batch{Tokens: make([]int32, p), Pos: make([]int32, p), Slot: make([]int32, p), Logits: make([]bool, p)}
	for s := range p {
		many.Tokens[s] = int32(r.IntN(vocab))
		many.Slot[s] = int32(s)
		many.Logits[s] = true
	}
	phase("parallel")
	t0, c0 = time.Now(), processCPU()
	for i := range nGen {
		for s := range p {
			many.Pos[s] = int32(nPrompt + i)
		}
		l, err := e.Eval(ctx, many)
		if err != nil {
			return res, err
		}
		for s := range p {
			many.Tokens[s] = argmax(l[s*vocab : (s+1)*vocab])
		}
	}
	res.Aggregate, res.AggregateCPU = rates(p*nGen, t0, c0)
	return res, nil
}

func argmax(x []float32) int32 {
	best := 0
	for i, v := range x {
		if v > x[best] {
			best = i
		}
	}
	return int32(best)
}

// rates returns n per wall second and per CPU second since t0 and c0.
func rates(n int, t0 time.Time, c0 time.Duration) (wall, cpu float64) {
	wall = float64(n) / time.Since(t0).Seconds()
	if c := processCPU() - c0; c > 0 && c0 > 0 {
		cpu = float64(n) / c.Seconds()
	}
	return wall, cpu
}

// GenBenchResult is what BenchGenerate measured.
type GenBenchResult struct {
	Tokens int
	// TokensPerSec is generated tokens per wall second, summed over the
	// sequences; TokensPerCPUSec the same per CPU second of the process
	// (0 where not measured), steadier on a shared machine.
	TokensPerSec, TokensPerCPUSec float64
	// Lengths are the generated tokens of each request, by sequence.
	Lengths [][]int
}

// BenchGenerate measures generation through the scheduler, as requests
// are served: parallel sequences each generate nGen tokens after prompt,
// sampled at temperature 1 with a fixed seed per sequence, restarting a
// request that ends early (its prompt cached, its last token evaluated
// again). With newConstraint each request runs under a fresh constraint.
// With replay (a constrained run's Lengths), each sequence instead runs
// requests of exactly those lengths with end-of-generation tokens banned,
// so that a free run does the same requests and tokens as the constrained
// one and the difference is the constraint alone.
func (e *Engine) BenchGenerate(ctx context.Context, prompt []int32, nGen, parallel int, newConstraint func() Constraint, replay [][]int) (GenBenchResult, error) {
	res := GenBenchResult{Lengths: make([][]int, parallel)}
	if nGen < 1 || parallel < 1 || len(prompt) == 0 || replay != nil && len(replay) != parallel {
		return res, fmt.Errorf("engine: bench needs a prompt, generated tokens and sequences")
	}
	var ban map[int32]float32
	if replay != nil && e.tok != nil {
		ban = map[int32]float32{}
		for _, id := range e.tok.EOGTokens() {
			ban[id] = sample.BanBias
		}
	}
	errs := make(chan error, parallel)
	t0, c0 := time.Now(), processCPU()
	for i := range parallel {
		go func() {
			p := sample.DefaultParams()
			p.Seed, p.LogitBias = uint64(i+1), ban
			smp := sample.New(p)
			for done, k := 0, 0; done < nGen; k++ {
				limit := nGen - done
				if replay != nil {
					if k >= len(replay[i]) {
						break
					}
					limit = replay[i][k]
				}
				req := Request{Prompt: prompt, MaxTokens: limit, Sampler: smp}
				if newConstraint != nil {
					req.Constraint = newConstraint()
				}
				r, err := e.Generate(ctx, req, func(Token) error { return nil })
				if err != nil {
					errs <- err
					return
				}
				done += r.GeneratedTokens
				res.Lengths[i] = append(res.Lengths[i], r.GeneratedTokens)
			}
			errs <- nil
		}()
	}
	var first error
	for range parallel {
		if err := <-errs; err != nil && first == nil {
			first = err
		}
	}
	if first != nil {
		return res, first
	}
	for _, ls := range res.Lengths {
		for _, n := range ls {
			res.Tokens += n
		}
	}
	res.TokensPerSec, res.TokensPerCPUSec = rates(res.Tokens, t0, c0)
	return res, nil
}
