package sample

import (
	"errors"
	"fmt"
	"math"
)

// BanBias is the logit bias at or below which a token is banned outright
// (its logit becomes -Inf), following OpenAI's "-100 should result in a ban".
const BanBias = -100

// ErrInvalidParams is wrapped by every error [Params.Validate] returns.
var ErrInvalidParams = errors.New("sample: invalid params")

// Params configures a [Sampler]. The zero value is greedy decoding with no
// penalties; request handlers should start from [DefaultParams] and override
// the fields the client set.
type Params struct {
	// Temperature divides the logits that survive truncation. <= 0 selects
	// greedy decoding (arg-max after bias and penalties).
	Temperature float32 `json:"temperature"`
	// TopK keeps the TopK most likely tokens; <= 0 keeps all.
	TopK int `json:"top_k"`
	// TopP keeps the smallest set of most likely tokens whose probability
	// mass (after top-k, at temperature 1) is at least TopP; >= 1 keeps all,
	// <= 0 keeps only the most likely token.
	TopP float32 `json:"top_p"`
	// MinP keeps tokens whose probability is at least MinP times that of the
	// most likely one; <= 0 keeps all.
	MinP float32 `json:"min_p"`
	// RepeatPenalty divides positive logits and multiplies non-positive ones
	// of tokens seen in the window; 1 disables it, and so does 0 (the zero
	// value; llama.cpp would divide by zero). Negative or NaN is read as 1.
	RepeatPenalty float32 `json:"repeat_penalty"`
	// RepeatLastN is the penalty window in accepted tokens: 0 disables all
	// penalties, -1 (any negative) means every token accepted since the
	// last Reset (llama.cpp's "context size").
	RepeatLastN int `json:"repeat_last_n"`
	// FrequencyPenalty is subtracted once per occurrence in the window.
	FrequencyPenalty float32 `json:"frequency_penalty"`
	// PresencePenalty is subtracted once from every token in the window.
	PresencePenalty float32 `json:"presence_penalty"`
	// LogitBias is added to the logits of the given token ids before
	// anything else; ids outside the vocabulary are ignored, a bias <=
	// [BanBias] bans the token. New copies the map.
	LogitBias map[int32]float32 `json:"logit_bias,omitempty"`
	// Seed seeds the generator; the same Seed and logits give the same
	// tokens. Callers that want fresh randomness pass a random seed.
	Seed uint64 `json:"seed"`
	// TopLogprobs is how many alternatives [Sampler.SampleLogprobs]
	// reports (0 reports only the chosen token).
	TopLogprobs int `json:"top_logprobs"`
}

// DefaultParams returns the defaults for an OpenAI-style request that sets
// nothing: temperature 1 and top_p 1 (OpenAI's defaults), top_k 40 and
// min_p 0.05 (llama-server's defaults, which OpenAI has no field for),
// repeat_last_n 64 with every penalty disabled (repeat 1, frequency 0,
// presence 0, as both OpenAI and llama-server default), no logprobs.
//
// Seed is 0: a request handler must put a fresh random seed there when the
// client sends none, or every such request draws the same stream.
// (llama-server's own defaults differ in temperature 0.8 and top_p 0.95.)
func DefaultParams() Params {
	return Params{
		Temperature:   1,
		TopK:          40,
		TopP:          1,
		MinP:          0.05,
		RepeatPenalty: 1,
		RepeatLastN:   64,
	}
}

// Validate reports the first field of p a request should be rejected for:
// non-finite numbers, a negative temperature, TopP or MinP outside [0, 1],
// a negative RepeatPenalty, RepeatLastN < -1, a negative TopLogprobs, or a
// negative or NaN LogitBias entry. The error wraps [ErrInvalidParams].
// [New] accepts any Params; Validate is for rejecting bad requests early.
func (p Params) Validate() error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: "+format, append([]any{ErrInvalidParams}, args...)...)
	}
	finite := func(f float32) bool { return !math.IsNaN(float64(f)) && !math.IsInf(float64(f), 0) }
	switch {
	case !finite(p.Temperature) || p.Temperature < 0:
		return bad("temperature %v must be finite and >= 0", p.Temperature)
	case !finite(p.TopP) || p.TopP < 0 || p.TopP > 1:
		return bad("top_p %v must be in [0, 1]", p.TopP)
	case !finite(p.MinP) || p.MinP < 0 || p.MinP > 1:
		return bad("min_p %v must be in [0, 1]", p.MinP)
	case !finite(p.RepeatPenalty) || p.RepeatPenalty < 0:
		return bad("repeat_penalty %v must be finite and >= 0 (0 disables)", p.RepeatPenalty)
	case p.RepeatLastN < -1:
		return bad("repeat_last_n %d must be >= -1", p.RepeatLastN)
	case !finite(p.FrequencyPenalty):
		return bad("frequency_penalty %v must be finite", p.FrequencyPenalty)
	case !finite(p.PresencePenalty):
		return bad("presence_penalty %v must be finite", p.PresencePenalty)
	case p.TopLogprobs < 0:
		return bad("top_logprobs %d must be >= 0", p.TopLogprobs)
	}
	for id, b := range p.LogitBias {
		if id < 0 {
			return bad("logit_bias token id %d is negative", id)
		}
		if math.IsNaN(float64(b)) || math.IsInf(float64(b), 1) {
			return bad("logit_bias for token %d is %v", id, b)
		}
	}
	return nil
}
