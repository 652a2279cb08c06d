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
// other keys only when set, in OpenAI's order. Tool-call arguments stay
// JSON text.
func (m Message) value() (any, error) { return m.valueArgs(false) }

// valueArgs is value, with tool-call arguments parsed into objects when
// objects is set (see Template.argumentForm).
func (m Message) valueArgs(objects bool) (any, error) {
	d := newDict(5)
	d.set("role", m.Role)
	d.set("content", m.Content)
	if m.Name != "" {
		d.set("name", m.Name)
	}
	if len(m.ToolCalls) > 0 {
		calls := make([]any, len(m.ToolCalls))
		for i, tc := range m.ToolCalls {
			calls[i] = tc.valueArgs(objects)
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

// value gives the call to the template with its arguments as the JSON text
// OpenAI sends, as llama.cpp passes them to templates that do not need
// objects.
func (tc ToolCall) value() any { return tc.valueArgs(false) }

// valueArgs is value, with the arguments parsed into a JSON value when
// objects is set; text that is not JSON stays text (as llama.cpp leaves it).
func (tc ToolCall) valueArgs(objects bool) any {
	fn := newDict(2)
	fn.set("name", tc.Function.Name)
	fn.set("arguments", argumentValue(tc.Function.Arguments, objects))
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
	return d
}

// argumentValue is a call's arguments text as the template gets it: the
// text itself, or with objects set the JSON value it holds.
func argumentValue(text string, objects bool) any {
	if !objects {
		return text
	}
	v, err := decodeJSON([]byte(text))
	if err != nil {
		return text
	}
	return v
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
	// argsProbe decides, once, the form in which tool-call arguments go
	// to the template (argForm); see argumentForm.
	argsProbe sync.Once
	argForm   argForm
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

// Render renders the conversation. Tool-call arguments go to the template
// as llama.cpp gives them: as the JSON text OpenAI sends, unless the
// template renders them only as objects (see argumentForm). Errors wrap
// ErrRaised (the template rejected the conversation: see ExceptionError),
// ErrUndefined, ErrType, ErrLimit or ErrInput.
func (t *Template) Render(messages []Message, opt Options) (string, error) {
	objects := hasToolCalls(messages) && t.argumentForm(opt) == argsObject
	msgs := make([]any, len(messages))
	for i, m := range messages {
		v, err := m.valueArgs(objects)
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
// Tool-call arguments are brought to the template's form as RenderJSON
// says.
func (t *Template) RenderMaps(messages []map[string]any, opt Options) (string, error) {
	msgs := make([]any, len(messages))
	for i, m := range messages {
		v, err := toValue(m, 0)
		if err != nil {
			return "", err
		}
		msgs[i] = v
	}
	if err := t.fitArguments(msgs, opt); err != nil {
		return "", err
	}
	return t.render(msgs, opt)
}

// RenderJSON renders messages given as one JSON array, keeping key order.
// Each tool call's function.arguments may be JSON text (as OpenAI sends it)
// or a JSON value. It reaches the template as given, except where the
// template takes only one form (see argumentForm): a template that renders
// arguments only as objects gets JSON text parsed (as llama.cpp's minja
// does), and one that renders them only as text gets other values written
// as compact JSON text (as llama.cpp's message parser writes them).
func (t *Template) RenderJSON(messages json.RawMessage, opt Options) (string, error) {
	v, err := decodeJSON(messages)
	if err != nil {
		return "", err
	}
	msgs, ok := v.([]any)
	if !ok {
		return "", fmt.Errorf("%w: messages must be a JSON array", ErrInput)
	}
	if err := t.fitArguments(msgs, opt); err != nil {
		return "", err
	}
	return t.render(msgs, opt)
}

// fitArguments brings the tool-call arguments of msgs (template values, as
// decoded from JSON) to the form the template takes; see RenderJSON.
// Malformed tool calls are left for the template to meet as they are.
func (t *Template) fitArguments(msgs []any, opt Options) error {
	var fns []*dict
	for _, m := range msgs {
		md, ok := m.(*dict)
		if !ok {
			continue
		}
		calls, _ := md.get("tool_calls")
		list, _ := calls.([]any)
		for _, c := range list {
			cd, ok := c.(*dict)
			if !ok {
				continue
			}
			fn, _ := cd.get("function")
			if fd, ok := fn.(*dict); ok {
				if _, ok := fd.get("arguments"); ok {
					fns = append(fns, fd)
				}
			}
		}
	}
	if len(fns) == 0 {
		return nil
	}
	form := t.argumentForm(opt)
	if form == argsAsGiven {
		return nil
	}
	for _, fd := range fns {
		a, _ := fd.get("arguments")
		switch text, isText := a.(string); {
		case form == argsObject && isText:
			fd.set("arguments", argumentValue(text, true))
		case form == argsText && !isText:
			s, err := compactJSON(a)
			if err != nil {
				return err
			}
			fd.set("arguments", s)
		}
	}
	return nil
}

// compactJSON writes v as JSON without spaces, as llama.cpp's message
// parser turns arguments given as an object into text (nlohmann's dump()).
func compactJSON(v any) (string, error) {
	s := &state{maxSteps: DefaultMaxSteps, maxOut: DefaultMaxOutput}
	var b strings.Builder
	if err := s.writeJSON(&b, v, &jsonOpts{itemSep: ",", keySep: ":"}, 0); err != nil {
		return "", fmt.Errorf("%w: tool-call arguments: %v", ErrInput, err)
	}
	return b.String(), nil
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

// argForm is the form in which a template takes tool-call arguments.
type argForm uint8

const (
	// argsAsGiven: the template renders the arguments both as JSON text and
	// as an object (or neither); llama.cpp gives it the text OpenAI sends.
	argsAsGiven argForm = iota
	// argsObject: it renders them only when they are an object (Llama 3.1's
	// and Qwen 2.5's tojson, templates that iterate arguments.items()):
	// minja's requires_object_arguments, which makes llama.cpp parse the
	// text.
	argsObject
	// argsText: it renders them only when they are text (DeepSeek V3.1's
	// template concatenates them to strings).
	argsText
)

// The probe call's arguments, and what they look like rendered, as minja's
// chat_template capability probe writes and looks for them.
const probeArgs = `{"argument_needle":"print('Hello, World!')"}`

var probeNeedles = []string{"<parameter=argument_needle>", `"argument_needle"`, "'argument_needle':", ">argument_needle<"}

// argumentForm decides, once per template, the form its tool-call
// arguments take, the way llama.cpp decides it (minja's chat_template
// constructor): a user message and an assistant message with one call whose
// arguments hold a needle are rendered with the arguments as JSON text and
// as an object (no tools, no generation prompt, no extra variables); the
// template requires objects when only the object's rendering shows the
// needle. argsText, the reverse, only matters for arguments given as
// objects to RenderJSON or RenderMaps.
func (t *Template) argumentForm(opt Options) argForm {
	t.argsProbe.Do(func() {
		probe := Options{BOSToken: opt.BOSToken, EOSToken: opt.EOSToken, Now: opt.Now,
			MaxOutput: opt.MaxOutput, MaxSteps: opt.MaxSteps}
		call := []ToolCall{{ID: "call_1___", Type: "function",
			Function: FunctionCall{Name: "ipython", Arguments: probeArgs}}}
		msgs := []Message{{Role: "user", Content: "<User Needle>"}, {Role: "assistant", ToolCalls: call}}
		renders := func(objects bool) bool {
			vals := make([]any, len(msgs))
			for i, m := range msgs {
				v, err := m.valueArgs(objects)
				if err != nil {
					return false
				}
				vals[i] = v
			}
			out, err := t.render(vals, probe)
			if err != nil {
				return false
			}
			for _, n := range probeNeedles {
				if strings.Contains(out, n) {
					return true
				}
			}
			return false
		}
		text, obj := renders(false), renders(true)
		switch {
		case obj && !text:
			t.argForm = argsObject
		case text && !obj:
			t.argForm = argsText
		}
	})
	return t.argForm
}
