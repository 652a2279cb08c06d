package conformance

import (
	"context"
	"fmt"

	"github.com/gaianet-go/gaianet/chattemplate"
)

// CheckTemplates runs the chat-template renderings suite: every rendering in
// Data (a renderings.jsonl whose templates lie beside it) must match byte
// for byte, and every expected error must be an error.
func CheckTemplates(ctx context.Context, s Suite, tol Tolerances) Result {
	passed, failed, first, err := chattemplate.RunConformance(s.Model)
	r := Result{Suite: s, Passed: err == nil && failed == 0 && passed > 0,
		Summary: fmt.Sprintf("renderings=%d mismatches=%d", passed+failed, failed), Detail: first}
	if err != nil {
		r.Detail = err.Error()
	}
	return r
}
