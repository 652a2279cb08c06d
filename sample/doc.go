// Package sample owns next-token selection for the inference engine: turning
// one row of logits into a token id, the log-probabilities an OpenAI client
// asks for, and the stop-string matching that decides what generated text is
// safe to stream.
//
// # Sampling chain
//
// A [Sampler] applies, in this order, the stages llama-server runs by default
// (common/sampling.cpp builds the chain logit-bias → penalties → top-k →
// top-p → min-p → temperature → dist; DRY, typical-p, XTC, top-n-sigma and
// mirostat are disabled by default there and are not implemented here):
//
//  1. logit bias: logits[id] += bias; a bias of -100 or lower bans the token
//     (sets it to -Inf), as OpenAI documents for logit_bias;
//  2. penalties over the last RepeatLastN accepted tokens, exactly as
//     llama.cpp's penalties sampler: for each token seen c > 0 times,
//     divide a positive logit by RepeatPenalty (multiply a non-positive one),
//     then subtract c*FrequencyPenalty + PresencePenalty;
//  3. top-k: keep the TopK highest logits (partial selection with a heap,
//     never a full sort);
//  4. top-p: softmax over what is left (at temperature 1, as llama.cpp does),
//     keep the smallest best-first prefix whose mass reaches TopP (without
//     top-k: a histogram of the mass by logit, sorting only the bucket where
//     the mass crosses TopP);
//  5. min-p: keep tokens whose probability is at least MinP times the best
//     one's, i.e. logit >= max + ln(MinP);
//  6. temperature: divide the surviving logits by Temperature;
//  7. dist: draw one token from the softmax of the survivors.
//
// Temperature <= 0 is greedy: the arg-max after stages 1 and 2 (truncation
// cannot change the arg-max). Stages 1 and 2 write into the caller's logits;
// later stages only read them.
//
// # Cost
//
// With top-k (the default) a call is one comparison pass over the logits
// plus work on k candidates; greedy is the same pass. Without top-k, top-p,
// a plain softmax draw and log-probabilities each cost one exp per token
// (a table-driven exp, about 4 ns). No call allocates after the first one
// for a given vocabulary size; see BenchmarkSample for numbers.
//
// # Determinism
//
// Each Sampler owns a PCG generator (math/rand/v2's PCG-DXSM) seeded with
// (Seed, Seed^0x9e3779b97f4a7c15). A non-greedy Sample consumes exactly one
// 64-bit output, turned into a uniform u = (x>>11)·2⁻⁵³ in [0,1). All
// arithmetic that decides a token is ordered and rounded explicitly (no
// fused multiply-add; own exp and ln in place of math.Exp and math.Log,
// which are assembly on some platforms and pure Go, open to FMA fusion, on
// others), so the same Seed and the same logits give the same tokens on
// every platform and every run; testdata/golden/tokens.txt pins this. Ties
// between equal logits go to the lower token id.
//
// # Log-probabilities
//
// [Sampler.SampleLogprobs] also reports the chosen token's log-probability and
// the TopLogprobs most likely tokens, taken from the log-softmax of the full
// vocabulary after logit bias and penalties but before truncation and
// temperature. That is the distribution the request's bias and penalties
// define, independent of how it was then truncated or sharpened, which is how
// OpenAI reports logprobs: they do not change with temperature or top_p, and
// a banned token never appears. (llama-server's default n_probs instead reports
// the raw model distribution before bias and penalties.)
//
// # Stop strings
//
// A [StopMatcher] takes generated text piece by piece and returns only text
// that can no longer turn out to be the start of a stop string; at a match it
// returns the text before the stop string and reports the stop.
//
// A Sampler or StopMatcher is one sequence's state: not safe for concurrent
// use; use one per sequence.
//
// It imports nothing from this module.
package sample
