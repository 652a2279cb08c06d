package node

import (
	"context"
	"fmt"

	"github.com/gaianet-go/gaianet/engine"
	"github.com/gaianet-go/gaianet/grammar"
)

// SchemaBench compares generation under a JSON Schema with free
// generation on the same model and sequences.
type SchemaBench struct {
	Parallel    int
	Free        engine.GenBenchResult
	Constrained engine.GenBenchResult
}

// Cost is the constrained slowdown, in percent of the free speed, by
// wall clock and by CPU time.
func (b SchemaBench) Cost() (wall, cpu float64) {
	pct := func(free, c float64) float64 {
		if free <= 0 || c <= 0 {
			return 0
		}
		return 100 * (free/c - 1)
	}
	return pct(b.Free.TokensPerSec, b.Constrained.TokensPerSec), pct(b.Free.TokensPerCPUSec, b.Constrained.TokensPerCPUSec)
}

// BenchJSONSchema loads the model at path and measures nGen tokens of
// each of parallel sequences generated under schema (compiled as
// response_format json_schema is, masks and fast-forward included) and
// freely, in alternating rounds so that a changing machine load touches
// both. A constrained reply ends when its JSON does, so the free run of a
// round replays the constrained run's request lengths: both evaluate the
// same prompts and generate the same number of tokens. A short
// constrained warm-up first builds the grammar's lazy tables.
//
// With fastForward false, every token is sampled under the mask (no
// forced tokens appended), which isolates the cost of masking.
func BenchJSONSchema(ctx context.Context, path string, schema []byte, threads, nGen, parallel, rounds int, fastForward bool) (SchemaBench, error) {
	res := SchemaBench{Parallel: max(parallel, 1)}
	g, err := grammar.FromJSONSchema(schema, grammar.SchemaOptions{})
	if err != nil {
		return res, fmt.Errorf("node: bench schema: %w", err)
	}
	e, err := engine.Load(path, engine.Options{Threads: threads, CtxSize: nGen + 256, Parallel: res.Parallel})
	if err != nil {
		return res, err
	}
	defer e.Close()
	tok := e.Tokenizer()
	if tok == nil {
		return res, fmt.Errorf("node: bench: %s has no tokenizer", path)
	}
	n := &Node{tok: tok}
	v := n.grammarVocab()
	newC := func() engine.Constraint {
		return &matcherConstraint{m: g.Matcher(v), tok: tok, fastForward: fastForward}
	}
	prompt := tok.Encode("Describe a city as a JSON object.", true, false)
	if _, err := e.BenchGenerate(ctx, prompt, max(nGen/4, 1), res.Parallel, newC, nil); err != nil {
		return res, err
	}
	rounds = max(rounds, 1)
	for range rounds {
		con, err := e.BenchGenerate(ctx, prompt, nGen, res.Parallel, newC, nil)
		if err != nil {
			return res, err
		}
		free, err := e.BenchGenerate(ctx, prompt, nGen, res.Parallel, nil, con.Lengths)
		if err != nil {
			return res, err
		}
		add := func(sum *engine.GenBenchResult, r engine.GenBenchResult) {
			sum.Tokens, sum.Lengths = r.Tokens, r.Lengths // of the last round
			sum.TokensPerSec += r.TokensPerSec / float64(rounds)
			sum.TokensPerCPUSec += r.TokensPerCPUSec / float64(rounds)
		}
		add(&res.Free, free)
		add(&res.Constrained, con)
	}
	return res, nil
}
