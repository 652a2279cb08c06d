package node

// Structured output, tool calls and reasoning for the local engine: what a
// request asks of the reply's shape becomes an engine.Constraint (a
// grammar.Matcher per sequence, switched on lazily at a trigger where the
// model may also answer freely), extra prompt text, and parsers that split
// the generated text into reasoning, content and tool calls.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/bits"
	"net/http"
	"strings"

	"github.com/gaianet-go/gaianet/api"
	"github.com/gaianet-go/gaianet/engine"
	"github.com/gaianet-go/gaianet/grammar"
	"github.com/gaianet-go/gaianet/reasoning"
	"github.com/gaianet-go/gaianet/tokenizer"
	"github.com/gaianet-go/gaianet/toolcall"
)

// toolChoice is a request's tool_choice.
type toolChoice struct {
	mode string // "none", "auto", "required", or "named"
	name string // for "named"
}

func parseToolChoice(raw json.RawMessage) (toolChoice, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return toolChoice{mode: "auto"}, nil
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		switch s {
		case "none", "auto", "required":
			return toolChoice{mode: s}, nil
		}
		return toolChoice{}, badField("tool_choice", "tool_choice must be none, auto, required or {\"type\":\"function\",\"function\":{\"name\":...}}, got %q", s)
	}
	var obj struct {
		Type     string `json:"type"`
		Function struct {
			Name string `json:"name"`
		} `json:"function"`
	}
	if err := json.Unmarshal(raw, &obj); err != nil || obj.Type != "function" || obj.Function.Name == "" {
		return toolChoice{}, badField("tool_choice", `tool_choice must be none, auto, required or {"type":"function","function":{"name":...}}`)
	}
	return toolChoice{mode: "named", name: obj.Function.Name}, nil
}

func badField(param, format string, args ...any) *api.Error {
	e := api.Errorf(http.StatusBadRequest, "invalid_request_error", "invalid_request", format, args...)
	e.Param = param
	return e
}

// outputPlan is how one reply is shaped.
type outputPlan struct {
	// tools offered, and the format the template speaks; nil tools when
	// tool_choice is none or no tools were sent.
	tools    []toolcall.Tool
	format   toolcall.Format
	choice   toolChoice
	parallel bool
	// grammar constrains the whole reply (response_format, grammar) or,
	// with tools, one call.
	grammar *grammar.Grammar
	// prefix is written after the rendered prompt (a required call's
	// opening, a closed thinking block).
	prefix string
	// thinkClose is the tag that ends the thinking block the prompt
	// opened (for gpt-oss: the opening of the final channel); the
	// constraint starts after it.
	thinkClose string
	// harmonyTools holds, for gpt-oss, each tool's arguments grammar: the
	// function is named in the message header, the arguments follow.
	harmonyTools map[string]*grammar.Grammar
	// argsTools and nameGrammar constrain a MistralArgs call: the name
	// (one of the tools, then [ARGS]), then that tool's arguments.
	argsTools   map[string]*grammar.Grammar
	nameGrammar *grammar.Grammar
	// answer constrains the reply, with tools and tool_choice auto, when
	// it is not a call (response_format, grammar).
	answer *grammar.Grammar
}

// planOutput reads the fields of req that shape the reply. The grammar of
// tool calls is made later, once the prompt shows whether it opened a
// thinking block.
func (n *Node) planOutput(req *api.ChatRequest) (*outputPlan, error) {
	p := &outputPlan{format: n.toolFmt, parallel: req.ParallelToolCalls == nil || *req.ParallelToolCalls}
	choice, err := parseToolChoice(req.ToolChoice)
	if err != nil {
		return nil, err
	}
	p.choice = choice
	if choice.mode != "none" {
		for i, t := range req.Tools {
			if t.Type != "" && t.Type != "function" {
				return nil, badField("tools", "tools[%d].type %q is not supported (only function)", i, t.Type)
			}
			tool, err := toolcall.ParseTool(t.Function)
			if err != nil {
				return nil, badField("tools", "tools[%d]: %v", i, err)
			}
			p.tools = append(p.tools, tool)
		}
	}
	if len(p.tools) == 0 && (choice.mode == "required" || choice.mode == "named") {
		return nil, badField("tool_choice", "tool_choice %s needs tools", choice.mode)
	}
	g, err := responseGrammar(req.ResponseFormat, req.Grammar)
	if err != nil {
		return nil, err
	}
	if g != nil && len(p.tools) > 0 {
		// With tool_choice auto the reply is a call or an answer in the
		// format. With required or named it is a call, which the format
		// does not shape; as OpenAI does, the request is accepted (the
		// format is meant for the answer of a later turn, after the tool
		// results).
		p.answer = g
		return p, nil
	}
	p.grammar = g
	return p, nil
}

// responseGrammar compiles response_format or grammar; nil when neither
// constrains the reply.
func responseGrammar(rf *api.ResponseFormat, gbnf string) (*grammar.Grammar, error) {
	var g *grammar.Grammar
	if rf != nil {
		switch rf.Type {
		case "", "text":
		case "json_object":
			g = grammar.JSONObject()
		case "json_schema":
			if rf.JSONSchema == nil || len(bytes.TrimSpace(rf.JSONSchema.Schema)) == 0 {
				return nil, badField("response_format", "response_format json_schema needs json_schema.schema")
			}
			var err error
			g, err = grammar.FromJSONSchema(rf.JSONSchema.Schema, responseSchemaOptions)
			if err != nil {
				return nil, schemaError("response_format", err)
			}
		default:
			return nil, badField("response_format", "response_format.type must be text, json_object or json_schema, got %q", rf.Type)
		}
	}
	if gbnf != "" {
		if g != nil {
			return nil, badField("grammar", "grammar and response_format cannot both constrain a reply")
		}
		var err error
		if g, err = grammar.ParseGBNF(gbnf); err != nil {
			return nil, badField("grammar", "grammar: %v", err)
		}
	}
	return g, nil
}

// schemaError turns a schema compile error into a 400 naming the keyword.
func schemaError(param string, err error) error {
	var ue *grammar.UnsupportedError
	if errors.As(err, &ue) {
		e := badField(param, "JSON Schema keyword %q (at %s) is not supported: %v", ue.Keyword, ue.Path, err)
		e.Code = "unsupported_schema_keyword"
		return e
	}
	return badField(param, "invalid JSON Schema: %v", err)
}

// toolsActive reports whether the reply may hold tool calls.
func (p *outputPlan) toolsActive() bool { return len(p.tools) > 0 }

// forced reports whether the reply must be a call from its first token.
func (p *outputPlan) forced() bool {
	return p.toolsActive() && (p.choice.mode == "required" || p.choice.mode == "named")
}

// finish completes the plan once the prompt is rendered: it closes an
// opened thinking block when the reply must be a call, and compiles the
// call grammar.
func (p *outputPlan) finish(prompt string) error {
	if p.format.Family == toolcall.Harmony {
		return p.finishHarmony()
	}
	if c, open := reasoning.OpenIn(prompt); open {
		p.thinkClose = c
	}
	if !p.toolsActive() {
		return nil
	}
	only := ""
	if p.choice.mode == "named" {
		only = p.choice.name
	}
	if p.format.Family == toolcall.MistralArgs {
		if err := p.finishMistralArgs(only); err != nil {
			return err
		}
		p.finishForced()
		return nil
	}
	schema, err := p.format.CallSchema(p.tools, only, p.parallel)
	if err != nil {
		return badField("tool_choice", "%v", err)
	}
	g, err := grammar.FromJSONSchema(schema, callSchemaOptions)
	if err != nil {
		return schemaError("tools", err)
	}
	p.grammar = g
	p.finishForced()
	return nil
}

// responseSchemaOptions compile a response_format's schema: compact, and
// object properties in schema order (as OpenAI's structured outputs write
// them), which also lets a required key be fast-forwarded. `gaianet dev
// jsonschema` measures the engine in any order by default, since the
// benchmark's instances keep their keys as published; see
// docs/performance.md.
var responseSchemaOptions = grammar.SchemaOptions{SchemaOrder: true}

// callSchemaOptions compile the JSON of tool calls: with the whitespace
// the families' templates write in calls (a response_format stays
// compact), and in schema order: "name" first, as most families write it
// and Llama 3's trigger ({"name") expects (a Hermes call may also put its
// arguments first, as Hermes 2 Pro does: toolcall.Format.CallSchema), and
// the arguments' properties as the tool declares them.
var callSchemaOptions = grammar.SchemaOptions{Whitespace: toolcall.CallWhitespace, SchemaOrder: true}

// finishForced writes the opening of a required call after the prompt
// (closing an opened thinking block first).
func (p *outputPlan) finishForced() {
	if !p.forced() {
		return
	}
	if p.thinkClose != "" {
		p.prefix = p.thinkClose + "\n\n"
		p.thinkClose = ""
	}
	p.prefix += p.format.Prefix()
}

// toolGrammars compiles each tool's parameters (only the one named only,
// when not empty).
func (p *outputPlan) toolGrammars(only string) (map[string]*grammar.Grammar, error) {
	gs := map[string]*grammar.Grammar{}
	for _, t := range p.tools {
		if only != "" && t.Name != only {
			continue
		}
		g, err := grammar.FromJSONSchema(t.Parameters, callSchemaOptions)
		if err != nil {
			return nil, schemaError("tools", err)
		}
		gs[t.Name] = g
	}
	if len(gs) == 0 {
		return nil, badField("tool_choice", "tool_choice names %q, which is not in tools", only)
	}
	return gs, nil
}

// finishMistralArgs compiles the grammars of a [TOOL_CALLS]name[ARGS]{...}
// call: the name is one of the tools (names are letters, digits, _, -
// and dots, so they need no escaping in GBNF), then the named tool's
// parameters.
func (p *outputPlan) finishMistralArgs(only string) error {
	gs, err := p.toolGrammars(only)
	if err != nil {
		return err
	}
	names := make([]string, 0, len(gs))
	for _, t := range p.tools {
		if gs[t.Name] != nil {
			names = append(names, `"`+t.Name+`"`)
		}
	}
	g, err := grammar.ParseGBNF("root ::= (" + strings.Join(names, " | ") + `) "` + argsTag + `"`)
	if err != nil {
		return fmt.Errorf("node: tool name grammar: %w", err)
	}
	p.argsTools, p.nameGrammar = gs, g
	return nil
}

// finishHarmony plans a gpt-oss reply: a format constrains the final
// channel; a call's arguments are constrained by the grammar of the
// function its header names (prefilled when one function is required).
func (p *outputPlan) finishHarmony() error {
	if p.grammar != nil {
		p.thinkClose = "<|channel|>final<|message|>"
		return nil
	}
	if !p.toolsActive() {
		return nil
	}
	gs, err := p.toolGrammars("")
	if err != nil {
		return err
	}
	p.harmonyTools = gs
	name := p.choice.name
	if p.choice.mode == "required" && len(p.tools) == 1 {
		name = p.tools[0].Name
	}
	switch {
	case name != "":
		g, ok := p.harmonyTools[name]
		if !ok {
			return badField("tool_choice", "tool_choice names %q, which is not in tools", name)
		}
		p.prefix, p.grammar = toolcall.HarmonyPrefix(name), g
	case p.forced():
		// The model writes one of the tools' names, then the header's end.
		p.prefix = harmonyChannel + "commentary " + harmonyTo
		names := make([]string, 0, len(p.tools))
		for _, t := range p.tools {
			names = append(names, `"`+t.Name+`"`) // names need no escaping: toolcall.ParseTool
		}
		g, err := grammar.ParseGBNF("root ::= (" + strings.Join(names, " | ") + `) " "`)
		if err != nil {
			return fmt.Errorf("node: tool name grammar: %w", err)
		}
		p.nameGrammar = g
	}
	return nil
}

// constraint returns the engine constraint of the plan, nil for free text.
func (n *Node) constraint(p *outputPlan, fastForward bool) engine.Constraint {
	if p.harmonyTools != nil && p.grammar == nil {
		return n.harmonyConstraint(p, fastForward)
	}
	if p.argsTools != nil {
		cc := &nameArgsConstraint{name: p.nameGrammar.Matcher(n.grammarVocab()), tools: p.argsTools,
			vocab: n.grammarVocab(), tok: n.tok, fastForward: fastForward, argsTok: controlToken(n.tok, argsTag)}
		if p.forced() {
			return cc
		}
		if p.answer != nil {
			return n.afterThinking(p, n.eitherConstraint(p, cc, fastForward))
		}
		return &lazyConstraint{mc: cc, tok: n.tok, triggers: p.format.Triggers(), gate: p.thinkClose, repeat: p.parallel,
			thinkChecked: p.thinkClose != ""}
	}
	if p.grammar == nil {
		return nil
	}
	if p.harmonyTools != nil {
		return &matcherConstraint{m: p.grammar.Matcher(n.grammarVocab()), tok: n.tok, fastForward: fastForward}
	}
	mc := &matcherConstraint{m: p.grammar.Matcher(n.grammarVocab()), tok: n.tok, fastForward: fastForward}
	switch {
	case p.toolsActive() && !p.forced():
		triggers := p.format.Triggers()
		var cc callConstraint = mc
		if lead := p.format.Lead(); lead != "" {
			cc = &leadConstraint{inner: mc, probe: p.grammar.Matcher(n.grammarVocab()), tok: n.tok, lead: []byte(lead)}
		}
		if p.answer != nil {
			return n.afterThinking(p, n.eitherConstraint(p, cc, fastForward))
		}
		return &lazyConstraint{mc: cc, tok: n.tok, triggers: triggers, gate: p.thinkClose, repeat: p.parallel,
			thinkChecked: p.thinkClose != ""}
	case p.thinkClose != "":
		// Free thinking, then (after a little whitespace) the constrained answer.
		return &lazyConstraint{mc: &spaceLead{inner: mc, tok: n.tok, room: thinkGap}, tok: n.tok,
			triggers: []toolcall.Trigger{{Text: p.thinkClose}}, thinkChecked: true}
	default:
		return mc
	}
}

// grammarVocab builds the grammar engine's view of the vocabulary once.
func (n *Node) grammarVocab() *grammar.Vocab {
	n.gvocabOnce.Do(func() {
		size := n.tok.VocabSize()
		toks := make([][]byte, size)
		for i := range toks {
			toks[i] = n.tok.TokenBytes(int32(i))
		}
		n.gvocab = grammar.NewVocab(toks, n.tok.EOGTokens())
	})
	return n.gvocab
}

// matcherConstraint is a grammar.Matcher as an engine.Constraint; with
// fastForward it is a Forcer that tokenizes the bytes the grammar forces.
type matcherConstraint struct {
	m           *grammar.Matcher
	tok         *tokenizer.Tokenizer
	fastForward bool
	scratch     []int32
	cut         string // forced bytes from this text on are not forced
}

func (c *matcherConstraint) Mask(dst []uint64) bool     { c.m.FillMask(dst); return true }
func (c *matcherConstraint) Accept(tok int32) error     { return c.m.Accept(tok) }
func (c *matcherConstraint) Done() bool                 { return c.m.Done() }
func (c *matcherConstraint) reset()                     { c.m.Reset() }
func (c *matcherConstraint) acceptBytes(b []byte) error { return c.m.AcceptBytes(b) }

// callConstraint constrains one tool call; lazyConstraint switches it on
// at a trigger, feeding it the text that followed the trigger.
type callConstraint interface {
	engine.Forcer
	reset()
	acceptBytes(b []byte) error
}

// ForcedTokens tokenizes the forced bytes and keeps all tokens but the
// last (which a longer token might have covered together with what
// follows), and only when their bytes spell a prefix of the forced text.
func (c *matcherConstraint) ForcedTokens(dst []int32) []int32 {
	if !c.fastForward {
		return dst
	}
	forced := c.m.Forced()
	if c.cut != "" {
		if i := bytes.Index(forced, []byte(c.cut)); i >= 0 {
			forced = forced[:i]
		}
	}
	if len(forced) < 2 {
		return dst
	}
	c.scratch = c.tok.AppendEncodeContinuation(c.scratch[:0], string(forced))
	if len(c.scratch) < 2 {
		return dst
	}
	toks := c.scratch[:len(c.scratch)-1]
	off := 0
	for _, t := range toks {
		b := c.tok.TokenBytes(t)
		if len(b) == 0 || !bytes.HasPrefix(forced[off:], b) {
			return dst
		}
		off += len(b)
	}
	return append(dst, toks...)
}

// lazyConstraint leaves generation free until one of its triggers appears
// in the text (after gate, when set: the end of the thinking block), then
// constrains the rest with the matcher, which reads the text after the
// trigger (or from it, for a trigger that is part of the JSON). With
// repeat, a completed call sets it free again for the next trigger.
type lazyConstraint struct {
	mc       callConstraint
	tok      *tokenizer.Tokenizer
	triggers []toolcall.Trigger
	gate     string
	repeat   bool

	text         []byte // free text since the start (or the gate, or the last call)
	started      bool   // free text other than whitespace was written
	thinkChecked bool   // the reply's start was checked for a thinking block
	active       bool
	failed       bool // the text after a trigger did not fit the grammar
	done         bool
}

func (c *lazyConstraint) Mask(dst []uint64) bool {
	if !c.active {
		return false
	}
	return c.mc.Mask(dst)
}

func (c *lazyConstraint) Done() bool { return c.done }

// ForcedTokens forwards to the matcher while it is on.
func (c *lazyConstraint) ForcedTokens(dst []int32) []int32 {
	if !c.active {
		return dst
	}
	return c.mc.ForcedTokens(dst)
}

func (c *lazyConstraint) Accept(tok int32) error {
	if c.active {
		if err := c.mc.Accept(tok); err != nil {
			return err
		}
		c.afterCall()
		return nil
	}
	if c.failed {
		return nil
	}
	c.text = append(c.text, c.tok.SpecialPiece(tok)...)
	if !c.thinkChecked && c.gate == "" {
		// A reply that opens a thinking block itself (Qwen3 with
		// thinking on): calls count only after it.
		trim := bytes.TrimLeft(c.text, " \t\r\n")
		if len(trim) == 0 {
			return nil
		}
		for _, t := range [][2]string{{"<think>", "</think>"}, {"<thought>", "</thought>"}} {
			if bytes.HasPrefix(trim, []byte(t[0])) {
				c.gate = t[1]
				break
			}
			if strings.HasPrefix(t[0], string(trim)) {
				return nil // may still open one
			}
		}
		c.thinkChecked = true
	}
	if c.gate != "" {
		i := bytes.Index(c.text, []byte(c.gate))
		if i < 0 {
			c.text = keepTail(c.text, len(c.gate))
			return nil
		}
		c.text = append(c.text[:0], c.text[i+len(c.gate):]...)
		c.gate = ""
	}
	for _, t := range c.triggers {
		i := bytes.Index(c.text, []byte(t.Text))
		if i < 0 || t.AtStart && (c.started || len(bytes.Trim(c.text[:i], " \t\r\n")) > 0) {
			continue
		}
		rest := c.text[i+len(t.Text):]
		if t.InJSON {
			rest = c.text[i:]
		} else {
			rest = bytes.TrimLeft(rest, " \t\r\n")
		}
		c.mc.reset()
		if err := c.mc.acceptBytes(rest); err != nil {
			c.failed = !c.repeat // the parser gives the text back as content
			c.text = c.text[:0]
			return nil
		}
		c.active = true
		c.text = c.text[:0]
		c.afterCall()
		return nil
	}
	if len(bytes.Trim(c.text, " \t\r\n")) > 0 && !c.atStartPending() {
		c.started = true
	}
	c.text = keepTail(c.text, 64)
	return nil
}

// atStartPending reports whether the free text so far may still grow into
// an at-start trigger.
func (c *lazyConstraint) atStartPending() bool {
	trim := bytes.TrimLeft(c.text, " \t\r\n")
	for _, t := range c.triggers {
		if t.AtStart && !c.started && strings.HasPrefix(t.Text, string(trim)) {
			return true
		}
	}
	return false
}

// afterCall ends or re-arms the constraint when a call is complete.
func (c *lazyConstraint) afterCall() {
	if !c.mc.Done() {
		return
	}
	if !c.repeat {
		c.done = true
		return
	}
	c.active = false
	c.started = true
}

// keepTail keeps the last n bytes of b (enough to find a trigger split
// across tokens).
func keepTail(b []byte, n int) []byte {
	if len(b) <= n {
		return b
	}
	return append(b[:0], b[len(b)-n:]...)
}

// afterThinking returns c, or, when the prompt opened a thinking block,
// c behind a gate that leaves the block free.
func (n *Node) afterThinking(p *outputPlan, c engine.Forcer) engine.Forcer {
	if p.thinkClose == "" {
		return c
	}
	return &gateConstraint{gate: []byte(p.thinkClose), inner: &spaceLead{inner: c, tok: n.tok, room: thinkGap}, tok: n.tok}
}

// thinkGap bounds the whitespace a reply may write between the end of its
// thinking block and the constrained answer: reasoning models write a
// newline or two there ("</think>\n\n{"), and no more is let through, so
// that whitespace cannot be generated forever.
const thinkGap = 2

// spaceLead lets up to room bytes of whitespace, in tokens that are only
// whitespace, come before the first token of inner (which is constrained
// from its start); tokens inner itself accepts go to inner. Tokens that
// mix whitespace with the answer's first bytes are inner's to accept.
type spaceLead struct {
	inner engine.Forcer
	tok   *tokenizer.Tokenizer
	room  int // whitespace bytes still allowed

	started bool    // inner has accepted a token
	spaces  []int32 // the vocabulary's whitespace-only tokens of at most thinkGap bytes
	known   bool
	scratch []uint64
}

// whitespaceTokens lists the tokens whose text is 1 to n bytes of
// whitespace.
func whitespaceTokens(tok *tokenizer.Tokenizer, n int) []int32 {
	var ids []int32
	for id := range int32(tok.VocabSize()) {
		b := tok.TokenBytes(id)
		if len(b) > 0 && len(b) <= n && len(bytes.Trim(b, " \t\r\n")) == 0 {
			ids = append(ids, id)
		}
	}
	return ids
}

func (c *spaceLead) Mask(dst []uint64) bool {
	if !c.inner.Mask(dst) {
		return false
	}
	if c.started || c.room == 0 {
		return true
	}
	if !c.known {
		c.spaces, c.known = whitespaceTokens(c.tok, thinkGap), true
	}
	for _, id := range c.spaces {
		if len(c.tok.TokenBytes(id)) <= c.room {
			dst[id/64] |= 1 << (id % 64)
		}
	}
	return true
}

func (c *spaceLead) Accept(tok int32) error {
	if !c.started && c.room > 0 {
		b := c.tok.TokenBytes(tok)
		if len(b) > 0 && len(b) <= c.room && len(bytes.Trim(b, " \t\r\n")) == 0 {
			if c.scratch == nil {
				c.scratch = make([]uint64, (c.tok.VocabSize()+63)/64)
			}
			if !c.inner.Mask(c.scratch) || c.scratch[tok/64]&(1<<(tok%64)) == 0 {
				c.room -= len(b) // inner refuses it: the lead takes it
				return nil
			}
		}
	}
	c.started = true
	return c.inner.Accept(tok)
}

func (c *spaceLead) Done() bool { return c.inner.Done() }

// ForcedTokens forwards inner's: bytes inner forces are exact with or
// without the optional whitespace before them.
func (c *spaceLead) ForcedTokens(dst []int32) []int32 { return c.inner.ForcedTokens(dst) }

// reset and acceptBytes make a spaceLead over a callConstraint one too
// (lazyConstraint restarts it at its trigger).
func (c *spaceLead) reset() {
	c.started, c.room = false, thinkGap
	if cc, ok := c.inner.(callConstraint); ok {
		cc.reset()
	}
}

func (c *spaceLead) acceptBytes(b []byte) error {
	cc, ok := c.inner.(callConstraint)
	if !ok {
		return fmt.Errorf("node: %T cannot read text", c.inner)
	}
	if len(b) > 0 {
		c.started = true
	}
	return cc.acceptBytes(b)
}

// gateConstraint leaves the reply free until gate (the end of the
// thinking block the prompt opened) is written, then constrains the rest
// with inner. Whitespace in the token that closes the block is dropped;
// other text there leaves the reply free (the parser reads it).
type gateConstraint struct {
	gate  []byte
	inner engine.Forcer
	tok   *tokenizer.Tokenizer

	text []byte
	open bool // the gate is passed
	free bool // ... but the text went on in the same token
}

func (c *gateConstraint) Mask(dst []uint64) bool {
	return c.open && !c.free && c.inner.Mask(dst)
}

func (c *gateConstraint) Accept(tok int32) error {
	switch {
	case c.free:
		return nil
	case c.open:
		return c.inner.Accept(tok)
	}
	c.text = append(c.text, c.tok.SpecialPiece(tok)...)
	i := bytes.Index(c.text, c.gate)
	if i < 0 {
		c.text = keepTail(c.text, len(c.gate))
		return nil
	}
	c.open = true
	c.free = len(bytes.TrimSpace(c.text[i+len(c.gate):])) > 0
	return nil
}

func (c *gateConstraint) Done() bool { return c.open && !c.free && c.inner.Done() }

func (c *gateConstraint) ForcedTokens(dst []int32) []int32 {
	if !c.open || c.free {
		return dst
	}
	return c.inner.ForcedTokens(dst)
}

// eitherConstraint builds the constraint of a reply that is either a
// call (the family's trigger, then cc) or the answer in p.answer.
func (n *Node) eitherConstraint(p *outputPlan, cc callConstraint, fastForward bool) *eitherConstraint {
	var trig []byte // the family's trigger before a call's JSON; Llama 4 has none
	for _, t := range p.format.Triggers() {
		if !t.InJSON {
			trig = []byte(t.Text)
			break
		}
	}
	c := &eitherConstraint{answer: &matcherConstraint{m: p.answer.Matcher(n.grammarVocab()), tok: n.tok, fastForward: fastForward},
		call: cc, tok: n.tok, trigger: trig}
	if trig == nil {
		c.got = -1
	}
	for id := range int32(n.tok.VocabSize()) {
		if b := n.tok.SpecialPiece(id); len(b) > 0 && trig != nil && bytes.Contains(trig, b) {
			c.pieces = append(c.pieces, id)
		}
	}
	for _, t := range p.format.Triggers() {
		if t.InJSON && t.AtStart {
			// Llama 3: the call's JSON may start the reply itself.
			c.direct = &matcherConstraint{m: p.grammar.Matcher(n.grammarVocab()), tok: n.tok, fastForward: fastForward}
			c.directTrigger = []byte(t.Text)
			c.scratch = make([]uint64, (n.tok.VocabSize()+63)/64)
		}
	}
	return c
}

// eitherConstraint constrains a reply that is either tool calls or an
// answer in the requested format: both stay possible while the tokens
// fit both (the answer's grammar, and a prefix of the trigger); the
// trigger written whole commits to the call, any other token to the
// answer. For a family whose call's JSON may start the reply without a
// trigger (Llama 3), the call's grammar runs beside the answer's from the
// first token (direct), and whichever refuses a token drops out; a text
// both accept to the end is a call (as the parser reads it). A complete
// call ends the reply (no parallel calls here).
type eitherConstraint struct {
	answer  *matcherConstraint // nil once the reply is a call
	call    callConstraint
	tok     *tokenizer.Tokenizer
	trigger []byte
	pieces  []int32 // tokens whose text occurs in the trigger
	direct  *matcherConstraint
	scratch []uint64
	// directTrigger is the text a direct call starts with (the parser
	// reads a call only there); directGot its bytes written so far.
	directTrigger []byte
	directGot     int

	got     int // trigger bytes written; -1 once the reply cannot be a call
	calling bool
}

func (c *eitherConstraint) Mask(dst []uint64) bool {
	if c.calling {
		return c.call.Mask(dst)
	}
	if c.answer != nil {
		c.answer.Mask(dst)
	} else {
		clear(dst)
	}
	if c.direct != nil {
		c.direct.Mask(c.scratch)
		if c.directGot < len(c.directTrigger) {
			// Only tokens that go on writing the trigger.
			for i, w := range c.scratch {
				for w != 0 {
					b := bits.TrailingZeros64(w)
					w &= w - 1
					if !c.onTrigger(int32(i*64 + b)) {
						c.scratch[i] &^= 1 << b
					}
				}
			}
		}
		for i, w := range c.scratch {
			dst[i] |= w
		}
	}
	if c.got >= 0 {
		for _, id := range c.pieces {
			if bytes.HasPrefix(c.trigger[c.got:], c.tok.SpecialPiece(id)) {
				dst[id/64] |= 1 << (id % 64)
			}
		}
	}
	return true
}

func (c *eitherConstraint) Accept(tok int32) error {
	if c.calling {
		return c.call.Accept(tok)
	}
	piece := c.tok.SpecialPiece(tok)
	inTrigger := c.got >= 0 && len(piece) > 0 && bytes.HasPrefix(c.trigger[c.got:], piece)
	var answerErr error = errors.New("not the answer")
	if c.answer != nil {
		answerErr = c.answer.Accept(tok)
	}
	if answerErr != nil {
		c.answer = nil
	}
	var directErr error = errors.New("not a call")
	if c.direct != nil {
		if c.directGot < len(c.directTrigger) && !c.onTrigger(tok) {
			c.direct = nil
		} else if directErr = c.direct.Accept(tok); directErr != nil {
			c.direct = nil
		} else {
			c.directGot += len(c.tok.TokenBytes(tok))
		}
	}
	if !inTrigger {
		c.got = -1
		if c.direct != nil && c.answer == nil {
			c.call, c.calling, c.direct = c.direct, true, nil
		}
		if directErr == nil {
			return nil
		}
		return answerErr
	}
	c.got += len(piece)
	if c.got == len(c.trigger) {
		c.answer, c.calling = nil, true
		c.call.reset()
		return c.call.acceptBytes(nil)
	}
	return nil
}

// onTrigger reports whether tok's bytes go on writing the direct call's
// trigger (they may also go beyond it).
func (c *eitherConstraint) onTrigger(tok int32) bool {
	b, rest := c.tok.TokenBytes(tok), c.directTrigger[c.directGot:]
	return len(b) > 0 && (bytes.HasPrefix(rest, b) || bytes.HasPrefix(b, rest))
}

func (c *eitherConstraint) Done() bool {
	if c.calling {
		return c.call.Done()
	}
	if c.direct != nil && c.direct.Done() {
		return true
	}
	return c.answer != nil && c.got < 0 && c.answer.Done()
}

// ForcedTokens forwards to the branch the reply is committed to.
func (c *eitherConstraint) ForcedTokens(dst []int32) []int32 {
	switch {
	case c.calling:
		return c.call.ForcedTokens(dst)
	case c.got < 0 && c.answer != nil && c.direct == nil:
		return c.answer.ForcedTokens(dst)
	}
	return dst
}

// leadConstraint lets the whitespace a model family customarily writes
// after a trigger (lead) through once, optionally, before its call: a
// token that is the lead, or the lead and a start of the call the call's
// grammar accepts.
type leadConstraint struct {
	inner *matcherConstraint
	probe *grammar.Matcher // a fresh matcher of the call's grammar
	tok   *tokenizer.Tokenizer
	lead  []byte

	open  bool    // the lead may come next
	leads []int32 // tokens allowed at the start besides the call's own, once computed
	known bool
}

func (c *leadConstraint) Mask(dst []uint64) bool {
	c.inner.Mask(dst)
	if !c.open {
		return true
	}
	if !c.known {
		for id := range int32(c.tok.VocabSize()) {
			b := c.tok.TokenBytes(id)
			if !bytes.HasPrefix(b, c.lead) {
				continue
			}
			c.probe.Reset()
			if c.probe.AcceptBytes(b[len(c.lead):]) == nil {
				c.leads = append(c.leads, id)
			}
		}
		c.known = true
	}
	for _, id := range c.leads {
		dst[id/64] |= 1 << (id % 64)
	}
	return true
}

func (c *leadConstraint) Accept(tok int32) error {
	if c.open {
		c.open = false
		if b := c.tok.TokenBytes(tok); bytes.HasPrefix(b, c.lead) {
			return c.inner.acceptBytes(b[len(c.lead):])
		}
	}
	return c.inner.Accept(tok)
}

func (c *leadConstraint) Done() bool { return c.inner.Done() }

// ForcedTokens forces nothing while the lead is still optional.
func (c *leadConstraint) ForcedTokens(dst []int32) []int32 {
	if c.open {
		return dst
	}
	return c.inner.ForcedTokens(dst)
}

func (c *leadConstraint) reset() { c.inner.reset(); c.open = true }

// acceptBytes reads the text after the trigger (whitespace already cut
// by the caller): the lead stays possible only when there is none.
func (c *leadConstraint) acceptBytes(b []byte) error {
	if len(b) == 0 {
		return nil
	}
	c.open = false
	return c.inner.acceptBytes(b)
}

// argsTag separates a MistralArgs call's name from its arguments.
const argsTag = "[ARGS]"

// controlToken returns the control token whose text is text, or -1 when
// the vocabulary writes text with ordinary tokens.
func controlToken(tok *tokenizer.Tokenizer, text string) int32 {
	toks := tok.Encode(text, false, true)
	if len(toks) == 1 && len(tok.TokenBytes(toks[0])) == 0 && string(tok.SpecialPiece(toks[0])) == text {
		return toks[0]
	}
	return -1
}

// nameArgsConstraint constrains a MistralArgs call: the name grammar (one
// of the tools, then [ARGS] as text, or the vocabulary's [ARGS] control
// token once the name is whole), then the named tool's arguments.
type nameArgsConstraint struct {
	name        *grammar.Matcher
	tools       map[string]*grammar.Grammar
	vocab       *grammar.Vocab
	tok         *tokenizer.Tokenizer
	fastForward bool
	argsTok     int32 // the [ARGS] control token, -1 none

	text []byte             // the name so far
	args *matcherConstraint // once the name is complete
}

func (c *nameArgsConstraint) Mask(dst []uint64) bool {
	if c.args != nil {
		return c.args.Mask(dst)
	}
	c.name.FillMask(dst)
	if c.argsTok >= 0 && c.tools[string(c.text)] != nil {
		dst[c.argsTok/64] |= 1 << (c.argsTok % 64)
	}
	// Tokens that finish the name and go on into the arguments ("]{"):
	// allowed when the arguments' grammar accepts what they go on with.
	if rest, name := c.nameRest(); name != "" {
		probe := c.tools[name].Matcher(c.vocab)
		for id := range int32(c.tok.VocabSize()) {
			b := c.tok.TokenBytes(id)
			if len(b) <= len(rest) || !bytes.HasPrefix(b, rest) {
				continue
			}
			probe.Reset()
			if probe.AcceptBytes(b[len(rest):]) == nil {
				dst[id/64] |= 1 << (id % 64)
			}
		}
	}
	return true
}

// nameRest returns, when the name grammar forces the rest of one tool's
// name and [ARGS], those forced bytes and that tool's name.
func (c *nameArgsConstraint) nameRest() ([]byte, string) {
	rest := c.name.Forced()
	whole := string(c.text) + string(rest)
	if len(rest) == 0 || !strings.HasSuffix(whole, argsTag) || c.tools[strings.TrimSuffix(whole, argsTag)] == nil {
		return nil, ""
	}
	return rest, strings.TrimSuffix(whole, argsTag)
}

func (c *nameArgsConstraint) Accept(tok int32) error {
	if c.args != nil {
		return c.args.Accept(tok)
	}
	if tok == c.argsTok && c.argsTok >= 0 {
		return c.startArgs(string(c.text))
	}
	if rest, name := c.nameRest(); name != "" {
		if b := c.tok.TokenBytes(tok); len(b) > len(rest) && bytes.HasPrefix(b, rest) {
			if err := c.name.AcceptBytes(rest); err != nil {
				return err
			}
			if err := c.startArgs(name); err != nil {
				return err
			}
			return c.args.acceptBytes(b[len(rest):])
		}
	}
	if err := c.name.Accept(tok); err != nil {
		return err
	}
	c.text = append(c.text, c.tok.TokenBytes(tok)...)
	if c.name.Done() {
		return c.startArgs(strings.TrimSuffix(string(c.text), argsTag))
	}
	return nil
}

func (c *nameArgsConstraint) startArgs(name string) error {
	g := c.tools[name]
	if g == nil {
		return fmt.Errorf("node: tool %q is not offered", name)
	}
	c.args = &matcherConstraint{m: g.Matcher(c.vocab), tok: c.tok, fastForward: c.fastForward}
	return nil
}

func (c *nameArgsConstraint) Done() bool { return c.args != nil && c.args.Done() }

// ForcedTokens forces the rest of a name (not [ARGS], which the model
// may write as its control token), then what the arguments force.
func (c *nameArgsConstraint) ForcedTokens(dst []int32) []int32 {
	if c.args != nil {
		return c.args.ForcedTokens(dst)
	}
	mc := matcherConstraint{m: c.name, tok: c.tok, fastForward: c.fastForward, cut: argsTag}
	return mc.ForcedTokens(dst)
}

func (c *nameArgsConstraint) reset() {
	c.name.Reset()
	c.text, c.args = c.text[:0], nil
}

// acceptBytes reads the text that followed the trigger in the token that
// wrote it: part of the name, or the name, [ARGS] and part of the
// arguments.
func (c *nameArgsConstraint) acceptBytes(b []byte) error {
	i := bytes.Index(b, []byte(argsTag))
	if i < 0 {
		if err := c.name.AcceptBytes(b); err != nil {
			return err
		}
		c.text = append(c.text, b...)
		return nil
	}
	if err := c.name.AcceptBytes(b[:i+len(argsTag)]); err != nil {
		return err
	}
	c.text = append(c.text, b[:i]...)
	if err := c.startArgs(string(c.text)); err != nil {
		return err
	}
	return c.args.acceptBytes(b[i+len(argsTag):])
}

// replyShaper turns generated text into the deltas of a reply: reasoning
// apart (reasoning "separate"), tool calls parsed.
type replyShaper struct {
	split   *reasoning.Splitter     // nil: reasoning stays inline
	parser  *toolcall.Parser        // nil: no tools
	harmony *toolcall.HarmonyParser // gpt-oss: channels and calls
	// harmonyPrefix is the prompt's end the harmony parser reads first.
	harmonyPrefix string
	inline        bool
}

func newReplyShaper(p *outputPlan, mode string) *replyShaper {
	s := &replyShaper{inline: mode == "inline"}
	if p.format.Family == toolcall.Harmony {
		// The prefix the prompt holds (a required call's header) is
		// written with the first piece, so that its call's id and name
		// are streamed too.
		s.harmony, s.harmonyPrefix = toolcall.NewHarmonyParser(""), p.prefix
		return s
	}
	if mode != "inline" {
		s.split = reasoning.NewSplitter(p.thinkClose)
	}
	if p.toolsActive() {
		s.parser = toolcall.NewParser(p.format, p.forced())
	}
	return s
}

// write shapes one piece of text into d.
func (s *replyShaper) write(d *api.ChatDelta, text string, final bool) {
	if s.harmony != nil {
		text, s.harmonyPrefix = s.harmonyPrefix+text, ""
		r, c, deltas := s.harmony.Write(text)
		if final {
			r2, c2, d2 := s.harmony.Close()
			r, c, deltas = r+r2, c+c2, append(deltas, d2...)
		}
		if s.inline {
			r, c = "", r+c
		}
		d.ReasoningContent, d.Content, d.ToolCalls = r, c, toolDeltas(deltas)
		return
	}
	var r, content string
	switch {
	case s.split == nil:
		content = text
	case final:
		r1, c1 := s.split.Write(text)
		r2, c2 := s.split.Close()
		r, content = r1+r2, c1+c2
	default:
		r, content = s.split.Write(text)
	}
	d.ReasoningContent = r
	if s.parser == nil {
		d.Content = content
		return
	}
	c, deltas := s.parser.Write(content)
	if final {
		c2, d2 := s.parser.Close()
		c, deltas = c+c2, append(deltas, d2...)
	}
	d.Content = c
	d.ToolCalls = toolDeltas(deltas)
}

// toolDeltas converts parsed call pieces to the API's.
func toolDeltas(deltas []toolcall.Delta) []api.ToolCall {
	var out []api.ToolCall
	for _, td := range deltas {
		i := td.Index
		tc := api.ToolCall{Index: &i, Function: api.FunctionCall{Name: td.Name, Arguments: td.Arguments}}
		if td.ID != "" {
			tc.ID, tc.Type = td.ID, "function"
		}
		out = append(out, tc)
	}
	return out
}

// toolCalls returns the parsed calls for the final reply.
func (s *replyShaper) toolCalls() []api.ToolCall {
	var calls []toolcall.Call
	switch {
	case s.harmony != nil:
		calls = s.harmony.Calls()
	case s.parser != nil:
		calls = s.parser.Calls()
	}
	var out []api.ToolCall
	for _, c := range calls {
		out = append(out, api.ToolCall{ID: c.ID, Type: "function", Function: api.FunctionCall{Name: c.Name, Arguments: c.Arguments}})
	}
	return out
}

// errConstraintReply maps an engine constraint failure.
func errConstraintReply(err error) error {
	return api.Errorf(http.StatusInternalServerError, "server_error", "constraint_failed",
		"the reply could not be kept to the requested format: %v", err)
}
