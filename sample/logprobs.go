package sample

import "math"

// TokenLogprob is a token id with its natural-log probability.
type TokenLogprob struct {
	ID      int32   `json:"id"`
	Logprob float32 `json:"logprob"`
}

// Logprobs is what SampleLogprobs reports for one step. A caller reuses one
// value across steps so Top's storage is reused; Top is overwritten by the
// next call, so copy whatever must outlive it.
type Logprobs struct {
	// Chosen is the sampled token and its log-probability.
	Chosen TokenLogprob
	// Top holds the Params.TopLogprobs most likely tokens, best first (ties:
	// lower id first). Tokens with probability 0 (banned) are left out, so
	// it can be shorter.
	Top []TokenLogprob
}

// SampleLogprobs is Sample that also fills lp with log-probabilities taken
// from the log-softmax over the whole vocabulary after logit bias and
// penalties, before truncation and temperature (see the package comment for
// why). It costs one extra pass of exp over the vocabulary.
func (s *Sampler) SampleLogprobs(logits []float32, lp *Logprobs) int32 {
	s.prepare(logits)
	lse := logSumExp(logits)
	lp.Top = lp.Top[:0]
	if n := s.p.TopLogprobs; n > 0 {
		s.top = selectTopK(s.top, logits, min(n, len(logits)))
		for _, c := range s.top {
			lp.Top = append(lp.Top, TokenLogprob{ID: c.id, Logprob: float32(float64(c.logit) - lse)})
		}
	}
	id := s.pick(logits)
	lp.Chosen = TokenLogprob{ID: id, Logprob: float32(float64(logits[id]) - lse)}
	return id
}

// logSumExp returns ln Σ exp(logits), computed around the maximum; -Inf if
// no logit is finite, +Inf if one is +Inf.
func logSumExp(logits []float32) float64 {
	mx := maxLogit(logits)
	if math.IsInf(float64(mx), 0) {
		return float64(mx)
	}
	m := float64(mx)
	return m + ln(sumExp(logits, m, 1))
}
