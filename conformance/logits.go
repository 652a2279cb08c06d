package conformance

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"

	"github.com/gaianet-go/gaianet/engine"
	"github.com/gaianet-go/gaianet/kernels"
	"github.com/gaianet-go/gaianet/model"
)

// logitsFile is the decoded logits/<model>.json of a logits suite.
type logitsFile struct {
	Model  string       `json:"model"`
	NVocab int          `json:"n_vocab"`
	Cases  []logitsCase `json:"cases"`
}

type logitsCase struct {
	Name       string       `json:"name"`
	Prompt     string       `json:"prompt"`
	Tokens     []int32      `json:"tokens"`
	Top        [][]topLogit `json:"top"`
	LastLogits []float32    `json:"last_logits"`
	Greedy     []int32      `json:"greedy"`
	GreedyTop  [][]topLogit `json:"greedy_top"`
}

type topLogit struct {
	ID    int32   `json:"id"`
	Logit float32 `json:"logit"`
}

// margin returns top1 - top2 of a reference top list, or 0 when it has
// fewer than two entries.
func margin(t []topLogit) float64 {
	if len(t) < 2 {
		return 0
	}
	return float64(t[0].Logit - t[1].Logit)
}

// tokenize tokenizes a prompt with special tokens added and parsed, or
// reports (ok false) that no tokenizer is available for the model.
func tokenize(e *engine.Engine, text string) (toks []int32, ok bool, err error) {
	t := e.Tokenizer()
	if t == nil {
		return nil, false, nil
	}
	return t.Encode(text, true, true), true, nil
}

// CheckLogits runs a "logits" suite: for every case the engine must
// tokenize the prompt to the reference tokens, match the full logit vector
// at the last prompt position within the normalized RMS error bound (float
// or quantized, decided by the model's weight types), and, teacher-forced
// over tokens+greedy, pick the reference's arg-max wherever the
// reference's top-1 margin is at least tol.ArgmaxMargin.
func CheckLogits(ctx context.Context, s Suite, tol Tolerances) Result {
	return CheckLogitsKV(ctx, s, tol, "")
}

// CheckLogitsKV is CheckLogits with the engine's KV cache of element type
// kv (engine.Options.KVType: "f16", "q8_0"...; "" is the engine's
// default), for callers that check a cache type against wider tolerances.
func CheckLogitsKV(ctx context.Context, s Suite, tol Tolerances, kv string) Result {
	return checkLogits(ctx, s, tol, kv, 0)
}

// checkLogits runs a logits suite with the engine's batch size set to
// batch (0: the longest case, at least 16); a small batch gives the
// sliding-window layers short rings that long cases wrap around.
func checkLogits(ctx context.Context, s Suite, tol Tolerances, kv string, batch int) Result {
	res := Result{Suite: s}
	fail := func(format string, args ...any) Result {
		res.Passed = false
		if res.Detail == "" {
			res.Detail = fmt.Sprintf(format, args...)
		}
		return res
	}
	raw, err := os.ReadFile(s.Data)
	if err != nil {
		return fail("conformance: %v", err)
	}
	var ref logitsFile
	if err := json.Unmarshal(raw, &ref); err != nil {
		return fail("conformance: %s: %v", s.Data, err)
	}
	maxLen := 0
	for _, c := range ref.Cases {
		maxLen = max(maxLen, len(c.Tokens)+len(c.Greedy))
	}
	// The context is at least 512 positions, as in the reference runs:
	// LongRoPE models choose their rope factors by context length.
	if batch == 0 {
		batch = max(maxLen, 16)
	}
	opts := engine.Options{CtxSize: max(maxLen, 512), BatchSize: batch, KVType: kv}
	for _, l := range s.LoRA {
		opts.LoRA = append(opts.LoRA, engine.LoRAFile{Path: l.Path, Scale: l.Scale})
	}
	eng, err := engine.Load(s.Model, opts)
	if err != nil {
		return fail("conformance: %v", err)
	}
	defer eng.Close()
	m := eng.Model()
	vocab := m.Config.Vocab
	if ref.NVocab != 0 && ref.NVocab != vocab {
		return fail("n_vocab %d, model has %d", ref.NVocab, vocab)
	}
	bound := tol.LogitsNRMSEFloat
	kind := "float"
	if quantized(m) {
		bound, kind = tol.LogitsNRMSEQuantized, "quantized"
	}

	var (
		worst                float64
		checked, mismatches  int
		tokMismatch, tokUsed int
		tokNote              = "tokens=engine"
		passed               = true
	)
	for _, c := range ref.Cases {
		if len(c.Tokens) == 0 || len(c.LastLogits) != vocab || len(c.Top) < len(c.Tokens) || len(c.GreedyTop) < len(c.Greedy) {
			passed = false
			fail("case %s: malformed reference", c.Name)
			continue
		}
		// 1. Tokenization.
		toks, ok, err := tokenize(eng, c.Prompt)
		switch {
		case err != nil:
			passed = false
			fail("case %s: tokenize: %v", c.Name, err)
		case !ok:
			tokNote = "tokens=reference (no tokenizer)"
		default:
			tokUsed++
			if !equalTokens(toks, c.Tokens) {
				tokMismatch++
				passed = false
				fail("case %s: tokens %v, want %v", c.Name, toks, c.Tokens)
			}
		}
		// 2 and 3. One teacher-forced pass over tokens + greedy.
		seq := append(append([]int32(nil), c.Tokens...), c.Greedy...)
		n := len(seq)
		b := engine.Batch{Tokens: seq, Pos: make([]int32, n), Slot: make([]int32, n), Logits: make([]bool, n)}
		for i := range n {
			b.Pos[i] = int32(i)
			b.Logits[i] = true
		}
		logits, err := eng.Eval(ctx, b)
		if err != nil {
			return fail("case %s: eval: %v", c.Name, err)
		}
		last := len(c.Tokens) - 1
		e := nrmse(logits[last*vocab:(last+1)*vocab], c.LastLogits)
		worst = max(worst, e)
		if !(e <= bound) {
			passed = false
			fail("case %s: nrmse %.4f > %.4f (%s weights)", c.Name, e, bound, kind)
		}
		check := func(pos int, want int32, top []topLogit, what string) {
			if margin(top) < tol.ArgmaxMargin {
				return
			}
			checked++
			if got := int32(kernels.Argmax(logits[pos*vocab : (pos+1)*vocab])); got != want {
				mismatches++
				passed = false
				fail("case %s: %s: arg-max %d, want %d (margin %.2f)", c.Name, what, got, want, margin(top))
			}
		}
		for i := range c.Tokens {
			check(i, c.Top[i][0].ID, c.Top[i], fmt.Sprintf("prompt position %d", i))
		}
		for k, g := range c.Greedy {
			check(last+k, g, c.GreedyTop[k], fmt.Sprintf("greedy step %d", k))
		}
	}
	if tokUsed > 0 {
		tokNote = fmt.Sprintf("token_mismatch=%d/%d", tokMismatch, tokUsed)
	}
	res.Passed = passed
	res.Summary = fmt.Sprintf("cases=%d nrmse_max=%.4f (%s, bound %.3f) argmax_mismatch=%d/%d %s",
		len(ref.Cases), worst, kind, bound, mismatches, checked, tokNote)
	return res
}

// quantized reports whether any weight matrix of m is stored quantized.
func quantized(m *model.Model) bool {
	ws := []*model.Weight{&m.TokenEmbd, &m.Output}
	for i := range m.Layers {
		y := &m.Layers[i]
		ws = append(ws, &y.Wq, &y.Wk, &y.Wv, &y.Wo, &y.Gate, &y.Up, &y.Down, &y.ExpGate, &y.ExpUp, &y.ExpDown)
	}
	for _, w := range ws {
		if w.Type.IsQuantized() {
			return true
		}
	}
	return false
}

func equalTokens(a, b []int32) bool {
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

// nrmse returns rms(got - want) / std(want).
func nrmse(got, want []float32) float64 {
	if len(want) == 0 || len(got) != len(want) {
		return math.Inf(1)
	}
	var mean float64
	for _, w := range want {
		mean += float64(w)
	}
	mean /= float64(len(want))
	var se, vr float64
	for i, w := range want {
		d := float64(got[i]) - float64(w)
		se += d * d
		dv := float64(w) - mean
		vr += dv * dv
	}
	if vr == 0 {
		return math.Inf(1)
	}
	return math.Sqrt(se / vr)
}
