package conformance

import (
	"context"
	"fmt"

	"github.com/gaianet-go/gaianet/tokenizer"
)

// CheckTokenizer runs a "tokenizer" suite: every line's ids, ids_with_special
// and decoded text must equal llama.cpp's exactly.
func CheckTokenizer(ctx context.Context, s Suite, tol Tolerances) Result {
	lines, bad, first, err := tokenizer.RunConformance(ctx, s.Model, s.Data)
	r := Result{Suite: s, Passed: err == nil && bad == 0 && lines > 0,
		Summary: fmt.Sprintf("lines=%d mismatches=%d", lines, bad), Detail: first}
	if err != nil {
		r.Detail = err.Error()
	} else if lines == 0 {
		r.Detail = "no cases in the data file"
	}
	return r
}
