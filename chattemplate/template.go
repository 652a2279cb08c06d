package chattemplate

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
)

// Errors returned by Parse and Render wrap one of these; test with errors.Is.
var (
	// ErrSyntax marks a template that does not parse.
	ErrSyntax = errors.New("chattemplate: syntax error")
	// ErrRaised marks a template that called raise_exception; the
	// ExceptionError in the chain carries the template's message.
	ErrRaised = errors.New("chattemplate: template raised an exception")
	// ErrUndefined marks use of an undefined value where Jinja2 raises
	// UndefinedError (arithmetic on it, looking into it, calling it).
	ErrUndefined = errors.New("chattemplate: undefined value")
	// ErrType marks an operation on values of the wrong type, or an
	// unknown filter, test or method.
	ErrType = errors.New("chattemplate: type error")
	// ErrLimit marks a template that exceeded a resource limit (output
	// size, evaluation steps, nesting); hostile templates end here.
	ErrLimit = errors.New("chattemplate: limit exceeded")
	// ErrInput marks caller data that cannot be given to a template.
	ErrInput = errors.New("chattemplate: bad input")
)

// Error is a template error with the template line it happened on.
type Error struct {
	Line int   // 1-based line in the template source; 0 if unknown
	Err  error // wraps one of the Err* sentinels
}

// Error implements error.
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%v (template line %d)", e.Err, e.Line)
	}
	return e.Err.Error()
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

func syntaxErr(line int, format string, args ...any) error {
	return &Error{Line: line, Err: fmt.Errorf("%w: %s", ErrSyntax, fmt.Sprintf(format, args...))}
}

// ExceptionError is the error raised by the template's own
// raise_exception(msg); Message is msg as the template wrote it, fit to
// show to the API client ("Conversation roles must alternate ...").
type ExceptionError struct {
	Message string
}

// Error implements error.
func (e *ExceptionError) Error() string {
	return "chattemplate: template raised exception: " + e.Message
}

// Unwrap makes errors.Is(err, ErrRaised) true.
func (e *ExceptionError) Unwrap() error { return ErrRaised }

// ToolCall is one tool call of an assistant message, shaped like OpenAI's.
type ToolCall struct {
	ID       string       `json:"id,omitempty"`
	Type     string       `json:"type,omitempty"`
	Function FunctionCall `json:"function"`
}

// FunctionCall names the function a ToolCall invokes. Arguments is the
// JSON text of the arguments, as OpenAI sends it.
type FunctionCall struct {
	Name      string `json:"name"`
	Arguments string `json:"arguments"`
}

// Message is one chat message, shaped like OpenAI's chat message. The
// template sees it as a dict with keys role and content, plus name,
// tool_calls, tool_call_id and reasoning_content when they are set.
type Message struct {
	Role       string     `json:"role"`
	Content    string     `json:"content"`
	Name       string     `json:"name,omitempty"`
	ToolCalls  []ToolCall `json:"tool_calls,omitempty"`
	ToolCallID string     `json:"tool_call_id,omitempty"`
	// ReasoningContent is an assistant turn's reasoning, kept apart from
	// Content (Qwen3 and DeepSeek templates read it).
	ReasoningContent string `json:"reasoning_content,omitempty"`
	// Thinking is the same reasoning under the key gpt-oss's harmony
	// template reads ("thinking"): it renders it as an analysis message
	// before a tool call that no final answer follows yet. The node sets it
	// from reasoning_content for gpt-oss, as llama.cpp does.
	Thinking string `json:"thinking,omitempty"`
}

// value is the dict a template sees for m: role and content always, the
// other keys only when set, in OpenAI's order.
func (m Message) value() (any, error) { return m.valueArgs(false) }

// valueArgs is value, with tool-call arguments kept as JSON text when
// textArgs is set (see Template.argumentsAsText).
func (m Message) valueArgs(textArgs bool) (any, error) {
	d := newDict(5)
	d.set("role", m.Role)
	d.set("content", m.Content)
	if m.Name != "" {
		d.set("name", m.Name)
	}
	if len(m.ToolCalls) > 0 {
		calls := make([]any, len(m.ToolCalls))
		for i, tc := range m.ToolCalls {
			v, err := tc.valueArgs(textArgs)
			if err != nil {
				return nil, err
			}
			calls[i] = v
		}
		d.set("tool_calls", calls)
	}
	if m.ToolCallID != "" {
		d.set("tool_call_id", m.ToolCallID)
	}
	if m.ReasoningContent != "" {
		d.set("reasoning_content", m.ReasoningContent)
	}
	if m.Thinking != "" {
		d.set("thinking", m.Thinking)
	}
	return d, nil
}

// value gives the arguments to the template as a parsed object when they
// are a JSON object, as Hugging Face templates expect ("arguments | tojson"
// re-serialises them); other text is passed as a string.
func (tc ToolCall) value() (any, error) { return tc.valueArgs(false) }

// valueArgs is value, with the arguments left as text when textArgs is set.
func (tc ToolCall) valueArgs(textArgs bool) (any, error) {
	fn := newDict(2)
	fn.set("name", tc.Function.Name)
	var args any = tc.Function.Arguments
	if t := strings.TrimSpace(tc.Function.Arguments); !textArgs && strings.HasPrefix(t, "{") {
		if v, err := decodeJSON([]byte(t)); err == nil {
			args = v
		}
	}
	fn.set("arguments", args)
	d := newDict(3)
	if tc.ID != "" {
		d.set("id", tc.ID)
	}
	typ := tc.Type
	if typ == "" {
		typ = "function"
	}
	d.set("type", typ)
	d.set("function", fn)
	return d, nil
}

// Default limits; see Options.
const (
	DefaultMaxOutput = 8 << 20
	DefaultMaxSteps  = 1_000_000
	// MaxTemplateSize bounds the source Parse accepts.
	MaxTemplateSize = 4 << 20
)

// Options are the inputs of one rendering besides the messages. The zero
// value renders without tools or generation prompt, with empty special
// tokens and the real clock.
type Options struct {
	// Tools is the tools list (JSON-like: maps, slices, json.RawMessage,
	// or structs, which go through encoding/json). Nil gives the template
	// tools=None. Go maps have no order, so their keys are sorted;
	// json.RawMessage keeps the order it was written in.
	Tools []any
	// AddGenerationPrompt asks the template to open an assistant turn.
	AddGenerationPrompt bool
	// BOSToken and EOSToken are the model's special-token texts.
	BOSToken, EOSToken string
	// Extra holds further template variables (enable_thinking,
	// date_string, documents, ...). They may override bos_token,
	// eos_token and documents, as Hugging Face's kwargs do, but not
	// messages, tools or add_generation_prompt.
	Extra map[string]any
	// Now is the clock behind strftime_now; nil means time.Now.
	Now func() time.Time
	// MaxOutput bounds the rendered text and every string built on the
	// way, in bytes; 0 means DefaultMaxOutput.
	MaxOutput int
	// MaxSteps bounds evaluation work (statements, loop iterations,
	// calls, filters); 0 means DefaultMaxSteps.
	MaxSteps int
}

// Template is a parsed chat template. It is immutable and safe for
// concurrent use by multiple goroutines.
type Template struct {
	nodes []node
	// argsProbe decides, once, whether tool-call arguments go to the
	// template as text (textArgs); see argumentsAsText.
	argsProbe sync.Once
	textArgs  bool
}

// Parse parses a Jinja2 chat template as found in a GGUF file's
// tokenizer.chat_template. Errors wrap ErrSyntax (or ErrLimit for sources
// over MaxTemplateSize or nested too deeply).
func Parse(src string) (*Template, error) {
	if len(src) > MaxTemplateSize {
		return nil, fmt.Errorf("%w: template is %d bytes, more than %d", ErrLimit, len(src), MaxTemplateSize)
	}
	nodes, err := parse(src)
	if err != nil {
		return nil, err
	}
	return &Template{nodes: nodes}, nil
}

// MustParse is like Parse but panics on error; for templates compiled
// into the program.
func MustParse(src string) *Template {
	t, err := Parse(src)
	if err != nil {
		panic(err)
	}
	return t
}

// Render renders the conversation. Errors wrap ErrRaised (the template
// rejected the conversation: see ExceptionError), ErrUndefined, ErrType,
// ErrLimit or ErrInput.
func (t *Template) Render(messages []Message, opt Options) (string, error) {
	textArgs := hasToolCalls(messages) && t.argumentsAsText(opt)
	msgs := make([]any, len(messages))
	for i, m := range messages {
		v, err := m.valueArgs(textArgs)
		if err != nil {
			return "", err
		}
		msgs[i] = v
	}
	return t.render(msgs, opt)
}

// RenderMaps renders messages given as JSON-like maps, for message fields
// Message lacks (content parts, extra keys). Values may be nested maps,
// slices, scalars or json.RawMessage. Go maps have no order, so the
// template sees their keys sorted; use RenderJSON to keep an order.
func (t *Template) RenderMaps(messages []map[string]any, opt Options) (string, error) {
	msgs := make([]any, len(messages))
	for i, m := range messages {
		v, err := toValue(m, 0)
		if err != nil {
			return "", err
		}
		msgs[i] = v
	}
	return t.render(msgs, opt)
}

// RenderJSON renders messages given as one JSON array, keeping key order.
func (t *Template) RenderJSON(messages json.RawMessage, opt Options) (string, error) {
	v, err := decodeJSON(messages)
	if err != nil {
		return "", err
	}
	msgs, ok := v.([]any)
	if !ok {
		return "", fmt.Errorf("%w: messages must be a JSON array", ErrInput)
	}
	return t.render(msgs, opt)
}

func (t *Template) render(msgs []any, opt Options) (string, error) {
	if msgs == nil {
		msgs = []any{}
	}
	ctx := newDict(8 + len(opt.Extra))
	ctx.set("bos_token", opt.BOSToken)
	ctx.set("eos_token", opt.EOSToken)
	ctx.set("documents", nil)
	if len(opt.Extra) > 0 {
		extra, err := toValue(opt.Extra, 0)
		if err != nil {
			return "", err
		}
		for _, e := range extra.(*dict).entries {
			ctx.set(e.key, e.val)
		}
	}
	ctx.set("messages", msgs)
	var tools any
	if opt.Tools != nil {
		var err error
		if tools, err = toValue(opt.Tools, 0); err != nil {
			return "", err
		}
	}
	ctx.set("tools", tools)
	ctx.set("add_generation_prompt", opt.AddGenerationPrompt)
	return t.renderCtx(ctx, opt)
}

// errInternal marks a bug in this package caught while rendering; the
// fuzz tests fail on it.
var errInternal = errors.New("chattemplate: internal error")

// renderCtx renders with the given top-level variables.
func (t *Template) renderCtx(ctx *dict, opt Options) (out string, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = "", fmt.Errorf("%w: %v", errInternal, r)
		}
	}()
	s := &state{
		maxSteps: opt.MaxSteps,
		maxOut:   opt.MaxOutput,
		now:      opt.Now,
		ctx:      ctx,
	}
	if s.maxSteps <= 0 {
		s.maxSteps = DefaultMaxSteps
	}
	if s.maxOut <= 0 {
		s.maxOut = DefaultMaxOutput
	}
	if s.now == nil {
		s.now = time.Now
	}
	var b strings.Builder
	s.out = &b
	if err := s.execNodes(t.nodes, &frame{}); err != nil {
		return "", err
	}
	if s.sticky != nil {
		return "", s.sticky
	}
	return b.String(), nil
}

func hasToolCalls(messages []Message) bool {
	for _, m := range messages {
		if len(m.ToolCalls) > 0 {
			return true
		}
	}
	return false
}

// argumentsAsText reports whether the template renders a tool call's
// arguments only when they are JSON text, not when they are an object as
// Hugging Face callers pass them (DeepSeek V3.1's template concatenates them
// to strings, and fails on an object). It renders a probe call both ways,
// once per template, as llama.cpp probes templates (minja's
// requires_object_arguments); objects stay the default.
func (t *Template) argumentsAsText(opt Options) bool {
	t.argsProbe.Do(func() {
		probe := opt
		probe.Tools, probe.AddGenerationPrompt = nil, false
		call := []ToolCall{{ID: "call_probe1", Type: "function",
			Function: FunctionCall{Name: "probe_tool", Arguments: `{"argument_needle": "probe"}`}}}
		msgs := []Message{{Role: "user", Content: "probe"}, {Role: "assistant", ToolCalls: call}}
		renders := func(textArgs bool) bool {
			vals := make([]any, len(msgs))
			for i, m := range msgs {
				v, err := m.valueArgs(textArgs)
				if err != nil {
					return false
				}
				vals[i] = v
			}
			out, err := t.render(vals, probe)
			return err == nil && (strings.Contains(out, `"argument_needle":`) || strings.Contains(out, `'argument_needle':`) ||
				strings.Contains(out, "<parameter=argument_needle>"))
		}
		t.textArgs = !renders(false) && renders(true)
	})
	return t.textArgs
}
