package node

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/gaianet-go/gaianet/grammar"
	"github.com/gaianet-go/gaianet/tokenizer"
)

// Harmony (gpt-oss) message framing, as the model writes it.
const (
	harmonyStart     = "<|start|>"
	harmonyChannel   = "<|channel|>"
	harmonyMessage   = "<|message|>"
	harmonyTo        = "to=functions."
	harmonyConstrain = "<|constrain|>"
)

// harmonyConstraint shapes a gpt-oss reply: free until a message header
// is complete, then the message is constrained by what the header says:
// a call addressed to an offered function (to=functions.NAME) by that
// function's arguments grammar, the final channel by the answer's format
// (response_format or grammar, when the request sets one); other messages
// (analysis, commentary to no one) stay free. A complete call or answer
// ends the reply (gpt-oss ends it there with <|call|> or <|return|>).
//
// With tool_choice required and several tools, the prompt ends in
// "<|channel|>commentary to=functions." and name constrains the function's
// name to the offered ones (followed by the space that ends it); the rest
// of the header is then written as fixed tokens.
type harmonyConstraint struct {
	tools       map[string]*grammar.Grammar
	answer      *grammar.Grammar
	vocab       *grammar.Vocab
	tok         *tokenizer.Tokenizer
	fastForward bool

	name    *grammar.Matcher // a required call's name, until it is complete
	nameBuf []byte
	header  []int32 // tokens closing a required call's header, not yet written
	callee  string  // the function header names

	text []byte             // the reply since the current header began
	mc   *matcherConstraint // the current message's matcher
	done bool
}

// harmonyConstraint returns the constraint of a gpt-oss reply that may
// or must call tools.
func (n *Node) harmonyConstraint(p *outputPlan, fastForward bool) *harmonyConstraint {
	c := &harmonyConstraint{tools: p.harmonyTools, vocab: n.grammarVocab(), tok: n.tok,
		fastForward: fastForward, text: []byte(p.prefix)}
	if p.forced() {
		c.name = p.nameGrammar.Matcher(c.vocab)
	} else {
		c.answer = p.answer
	}
	return c
}

func (c *harmonyConstraint) Mask(dst []uint64) bool {
	switch {
	case c.name != nil:
		c.name.FillMask(dst)
		return true
	case len(c.header) > 0:
		clear(dst)
		dst[c.header[0]/64] |= 1 << (c.header[0] % 64)
		return true
	}
	return c.mc != nil && c.mc.Mask(dst)
}

func (c *harmonyConstraint) Done() bool { return c.done }

func (c *harmonyConstraint) ForcedTokens(dst []int32) []int32 {
	switch {
	case c.name != nil:
		return dst
	case len(c.header) > 0:
		if !c.fastForward {
			return dst
		}
		return append(dst, c.header...)
	case c.mc != nil:
		return c.mc.ForcedTokens(dst)
	}
	return dst
}

func (c *harmonyConstraint) Accept(tok int32) error {
	switch {
	case c.name != nil:
		if err := c.name.Accept(tok); err != nil {
			return err
		}
		c.nameBuf = append(c.nameBuf, c.tok.TokenBytes(tok)...)
		if c.name.Done() {
			c.callee = strings.TrimSuffix(string(c.nameBuf), " ")
			c.name = nil
			c.header = c.headerTokens()
		}
		return nil
	case len(c.header) > 0:
		if tok != c.header[0] {
			return fmt.Errorf("node: the call's header goes on with token %d, not %d", c.header[0], tok)
		}
		c.header = c.header[1:]
		if len(c.header) == 0 {
			c.mc = &matcherConstraint{m: c.tools[c.callee].Matcher(c.vocab), tok: c.tok, fastForward: c.fastForward}
		}
		return nil
	case c.mc != nil:
		err := c.mc.Accept(tok)
		c.done = c.mc.m.Done()
		return err
	}
	c.text = append(c.text, c.tok.SpecialPiece(tok)...)
	m := bytes.Index(c.text, []byte(harmonyMessage))
	if m < 0 {
		c.text = keepTail(c.text, 512) // a header is short
		return nil
	}
	g := c.messageGrammar(c.text[:m])
	rest := c.text[m+len(harmonyMessage):]
	c.text = c.text[:0]
	if g == nil {
		return nil // a free message: the next header starts at its end
	}
	mt := g.Matcher(c.vocab)
	if err := mt.AcceptBytes(rest); err != nil {
		return nil // left to the parser
	}
	c.mc = &matcherConstraint{m: mt, tok: c.tok, fastForward: c.fastForward}
	c.done = mt.Done()
	return nil
}

// headerTokens returns the tokens that end a call's header after the
// name and its space: gpt-oss's control tokens where the vocabulary has
// them, the rest as text that continues the reply.
func (c *harmonyConstraint) headerTokens() []int32 {
	var toks []int32
	for _, piece := range []string{harmonyConstrain, "json", harmonyMessage} {
		if id := controlToken(c.tok, piece); id >= 0 {
			toks = append(toks, id)
		} else {
			toks = c.tok.AppendEncodeContinuation(toks, piece)
		}
	}
	return toks
}

// messageGrammar returns the grammar of the message whose header text
// (with any free text before it) is h: a call's arguments, the final
// answer's format, or nil for a free message.
func (c *harmonyConstraint) messageGrammar(h []byte) *grammar.Grammar {
	if i := bytes.LastIndex(h, []byte(harmonyStart)); i >= 0 {
		h = h[i:]
	} else if i := bytes.LastIndex(h, []byte(harmonyChannel)); i >= 0 {
		h = h[i:]
	}
	if i := bytes.Index(h, []byte(harmonyTo)); i >= 0 {
		name := h[i+len(harmonyTo):]
		if k := bytes.IndexAny(name, " <"); k >= 0 {
			name = name[:k]
		}
		return c.tools[string(name)] // nil: not an offered function, left to the parser
	}
	if c.answer == nil {
		return nil
	}
	i := bytes.Index(h, []byte(harmonyChannel))
	if i < 0 {
		return nil
	}
	ch := h[i+len(harmonyChannel):]
	if k := bytes.IndexAny(ch, " <"); k >= 0 {
		ch = ch[:k]
	}
	if string(ch) == "final" {
		return c.answer
	}
	return nil
}
