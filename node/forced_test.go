package node

import (
	"bytes"
	"testing"

	"github.com/gaianet-go/gaianet/grammar"
)

// TestFastForwardSentencePiece: on the SentencePiece test model, the
// bytes a grammar forces are tokenized as a continuation (no space
// prefix), so fast-forward fires and its tokens spell the forced text.
func TestFastForwardSentencePiece(t *testing.T) {
	n := openTestNode(t, nil)
	for _, tc := range []struct {
		schema string
		feed   string // accepted first, as text
		want   string // the forced text fast-forward must cover, but its last token
	}{
		{`{"type":"object","properties":{"alpha_beta":{"type":"string"}},"required":["alpha_beta"],"additionalProperties":false}`, "", `{"alpha_beta":"`},
		{`{"type":"object","properties":{"a":{"type":"integer"},"second key":{"const":"two words"}},"required":["a","second key"],"additionalProperties":false}`, `{"a":12,`, `"second key":"two words"}`},
		{`{"enum":["north pole","south pole"]}`, `"n`, `orth pole"`},
	} {
		g, err := grammar.FromJSONSchema([]byte(tc.schema), grammar.SchemaOptions{})
		if err != nil {
			t.Fatal(err)
		}
		c := &matcherConstraint{m: g.Matcher(n.grammarVocab()), tok: n.tok, fastForward: true}
		if err := c.acceptBytes([]byte(tc.feed)); err != nil {
			t.Fatal(err)
		}
		if got := string(c.m.Forced()); got != tc.want {
			t.Fatalf("%s after %q: forced %q, want %q", tc.schema, tc.feed, got, tc.want)
		}
		toks := c.ForcedTokens(nil)
		var spelled []byte
		for _, id := range toks {
			spelled = append(spelled, n.tok.TokenBytes(id)...)
		}
		// All tokens but the last of the forced text are fast-forwarded.
		if len(toks) == 0 || !bytes.HasPrefix([]byte(tc.want), spelled) || len(spelled) < len(tc.want)/2 {
			t.Errorf("%s after %q: fast-forward %q of forced %q", tc.schema, tc.feed, spelled, tc.want)
		}
		// Each is allowed by the mask in turn.
		mask := make([]uint64, (n.tok.VocabSize()+63)/64)
		for _, id := range toks {
			c.Mask(mask)
			if mask[id/64]&(1<<(id%64)) == 0 {
				t.Fatalf("%s: forced token %q refused by the mask", tc.schema, n.tok.Piece(id))
			}
			if err := c.Accept(id); err != nil {
				t.Fatal(err)
			}
		}
	}
}
