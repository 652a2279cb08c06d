package engine

import (
	"fmt"
	"math"
	"math/bits"
)

// Constraint restricts the tokens one sequence may generate: a grammar
// matcher (JSON Schema, GBNF, a tool call), possibly switched on lazily.
// The scheduler asks for the mask before each sample, sets the logits of
// disallowed tokens to -Inf, samples, and feeds the chosen token back. One
// Constraint serves one request; the scheduler calls it from its own
// goroutine only.
type Constraint interface {
	// Mask fills dst, one bit per vocabulary token (bit i%64 of dst[i/64]),
	// with the tokens allowed next and reports true; or it reports false,
	// leaving dst alone, when every token is allowed at this point (a lazy
	// constraint before its trigger). End-of-generation tokens are allowed
	// exactly when the constrained text may end here.
	Mask(dst []uint64) bool
	// Accept advances past tok; an error ends the generation with it.
	Accept(tok int32) error
	// Done reports that the constrained text is complete and nothing may
	// follow: the generation then ends as if by an end-of-generation token.
	Done() bool
}

// Forcer is a Constraint that knows tokens it forces next (the rest of a
// property name, a closing bracket): the scheduler appends them without
// sampling and evaluates them in one forward step with the sampled token.
// ForcedTokens appends them to dst, without advancing; the scheduler then
// calls Accept for each one it takes.
type Forcer interface {
	Constraint
	ForcedTokens(dst []int32) []int32
}

// applyMask sets the logits of tokens whose bit is clear in mask to -Inf
// and reports how many tokens stay allowed. Whole words of allowed tokens
// are skipped, so a permissive mask costs one pass over len(row)/64 words.
func applyMask(row []float32, mask []uint64) int {
	inf := float32(math.Inf(-1))
	allowed := 0
	for w, word := range mask {
		base := w * 64
		if base >= len(row) {
			break
		}
		n := min(64, len(row)-base)
		if n < 64 {
			word &= 1<<uint(n) - 1
		}
		allowed += bits.OnesCount64(word)
		if word == ^uint64(0) {
			continue
		}
		r := row[base : base+n]
		for i := range r {
			if word&(1<<uint(i)) == 0 {
				r[i] = inf
			}
		}
	}
	for i := len(mask) * 64; i < len(row); i++ {
		row[i] = inf
	}
	return allowed
}

// maskWords is the number of mask words for a vocabulary of n tokens.
func maskWords(n int) int { return (n + 63) / 64 }

func allowedBy(mask []uint64, tok int32) bool {
	return int(tok)/64 < len(mask) && mask[tok/64]&(1<<uint(tok%64)) != 0
}

func errConstraint(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrConstraint}, args...)...)
}
