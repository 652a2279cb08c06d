package node

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/gaianet-go/gaianet/engine"
	"github.com/gaianet-go/gaianet/grammar"
)

// SchemaBench compares generation under a JSON Schema with free
// generation on the same model and sequences.
type SchemaBench struct {
	Parallel    int
	Free        engine.GenBenchResult
	Constrained engine.GenBenchResult
	// ConstraintUs is the wall time the scheduler spent in the
	// constraints' calls (masks, accepts, forced tokens) per constrained
	// token, and ConstraintShare that time as a fraction of the
	// constrained runs' wall time: the most that computing masks while
	// the batch's forward pass runs could save.
	ConstraintUs, ConstraintShare float64
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
	g, err := grammar.FromJSONSchema(schema, responseSchemaOptions)
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
	var spent atomic.Int64
	newC := func() engine.Constraint {
		return &timedConstraint{c: &matcherConstraint{m: g.Matcher(v), tok: tok, fastForward: fastForward}, ns: &spent}
	}
	prompt := tok.Encode("Describe a city as a JSON object.", true, false)
	if _, err := e.BenchGenerate(ctx, prompt, max(nGen/4, 1), res.Parallel, newC, nil); err != nil {
		return res, err
	}
	rounds = max(rounds, 1)
	var conTokens int
	var conWall float64
	for range rounds {
		spent.Store(0)
		con, err := e.BenchGenerate(ctx, prompt, nGen, res.Parallel, newC, nil)
		if err != nil {
			return res, err
		}
		if con.Tokens > 0 && con.TokensPerSec > 0 {
			res.ConstraintUs += float64(spent.Load()) / 1e3
			conTokens += con.Tokens
			conWall += float64(con.Tokens) / con.TokensPerSec
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
	if conTokens > 0 {
		res.ConstraintShare = res.ConstraintUs / 1e6 / conWall
		res.ConstraintUs /= float64(conTokens)
	}
	return res, nil
}

// timedConstraint adds the wall time of each call of its constraint to
// ns.
type timedConstraint struct {
	c  engine.Forcer
	ns *atomic.Int64
}

func (t *timedConstraint) Mask(dst []uint64) bool {
	t0 := time.Now()
	ok := t.c.Mask(dst)
	t.ns.Add(int64(time.Since(t0)))
	return ok
}

func (t *timedConstraint) Accept(tok int32) error {
	t0 := time.Now()
	err := t.c.Accept(tok)
	t.ns.Add(int64(time.Since(t0)))
	return err
}

func (t *timedConstraint) Done() bool { return t.c.Done() }

func (t *timedConstraint) ForcedTokens(dst []int32) []int32 {
	t0 := time.Now()
	dst = t.c.ForcedTokens(dst)
	t.ns.Add(int64(time.Since(t0)))
	return dst
}
