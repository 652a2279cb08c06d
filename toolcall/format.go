package toolcall

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// Family is a tool-call text format.
type Family string

// The families; see the package comment.
const (
	Hermes  Family = "hermes"
	Groq    Family = "groq"
	Llama3  Family = "llama3"
	Mistral Family = "mistral"
	// MistralArgs is the newer Mistral form (Mistral Small 3.2, Magistral,
	// Devstral): [TOOL_CALLS]name[ARGS]{...} for each call.
	MistralArgs Family = "mistral-args"
	// Harmony is gpt-oss: channels (analysis, commentary, final) and
	// calls addressed to functions.NAME; see HarmonyParser.
	Harmony Family = "harmony"
	// Llama4 is Llama 4: the JSON calls of its official template,
	// {"name": ..., "parameters": {...}}, or the Python list of calls Meta
	// documents, [f(a=1), g(b="x")].
	Llama4 Family = "llama4"
)

// Format is how one chat template's model calls tools.
type Format struct {
	Family Family
	// Native reports that the template renders tool definitions, tool
	// calls and tool results itself (it reads "tools"); otherwise the
	// caller writes them with SystemPrompt, CallText and ResultText.
	Native bool
}

// namedFamilies maps LlamaEdge's prompt-template names that imply a tool
// format to it.
var namedFamilies = map[string]Family{
	"llama-3-tool":       Llama3,
	"groq-llama3-tool":   Groq,
	"mistral-tool":       Mistral,
	"mistral-small-tool": Mistral,
	"chatml":             Hermes,
	"qwen3-no-think":     Hermes,
	"gpt-oss":            Harmony,
	"llama-4-chat":       Llama4,
}

// Detect returns the tool format of a chat template: the format its
// LlamaEdge name implies (name may be empty or "gguf"), else what its
// source writes, else the generic fallback (Hermes tags, written into the
// prompt by the caller).
func Detect(name, source string) Format {
	f := Format{Family: Hermes, Native: strings.Contains(source, "tools")}
	if fam, ok := namedFamilies[name]; ok {
		f.Family = fam
		if fam == Mistral && strings.Contains(source, "[ARGS]") {
			f.Family = MistralArgs // the model's own template writes the newer form
		}
		return f
	}
	switch {
	case strings.Contains(source, "<|channel|>"):
		f.Family = Harmony
	case strings.Contains(source, "[TOOL_CALLS]") && strings.Contains(source, "[ARGS]"):
		f.Family = MistralArgs
	case strings.Contains(source, "[TOOL_CALLS]"):
		f.Family = Mistral
	case strings.Contains(source, "<tool_call>") && strings.Contains(source, `"id"`) && strings.Contains(source, "<|start_header_id|>"):
		f.Family = Groq
	case strings.Contains(source, "<tool_call>"):
		f.Family = Hermes
	case strings.Contains(source, "<|header_start|>"):
		f.Family = Llama4 // Llama 4's header tokens (Llama 3's are <|start_header_id|>)
	case strings.Contains(source, "<|python_tag|>"),
		strings.Contains(source, "<|start_header_id|>") && strings.Contains(source, "parameters"):
		f.Family = Llama3
	}
	return f
}

// Prefix is the text that opens a call, written into the prompt after the
// generation prompt when a call is required: the model then writes the
// call's JSON from its first token.
func (f Format) Prefix() string {
	switch f.Family {
	case Mistral, MistralArgs:
		return "[TOOL_CALLS]"
	case Llama3, Llama4:
		return ""
	}
	return "<tool_call>\n"
}

// Lead is the whitespace f's models customarily write between a trigger
// and the call's JSON (Hermes and Qwen: a newline after <tool_call>); the
// call's grammar lets it through once, optionally.
func (f Format) Lead() string {
	switch f.Family {
	case Hermes, Groq:
		return "\n"
	}
	return ""
}

// CallWhitespace bounds the JSON whitespace a call may hold at each place
// formatters write it (after "{", "[", "," and ":", before "}" and "]"):
// the chat templates of every family render earlier calls with Jinja's
// tojson, whose separators are ", " and ": " (Qwen3's writes
// {"name": "f", "arguments": {"location": "Singapore"}}), so models write
// calls that way; one byte allows that, or compact JSON, and no wandering.
const CallWhitespace = 1

// Trigger is a text that starts a call in a free reply.
type Trigger struct {
	Text string
	// AtStart: the trigger counts only at the start of the reply
	// (whitespace aside).
	AtStart bool
	// InJSON: the trigger is the start of the call's JSON itself, so the
	// grammar reads it too; otherwise the JSON follows it.
	InJSON bool
}

// Triggers lists the texts that start a call in f.
func (f Format) Triggers() []Trigger {
	switch f.Family {
	case Mistral, MistralArgs:
		return []Trigger{{Text: "[TOOL_CALLS]"}}
	case Llama3:
		return []Trigger{{Text: "<|python_tag|>"}, {Text: `{"name"`, AtStart: true, InJSON: true}}
	case Llama4:
		// The JSON form, which a grammar can hold; the Parser also reads
		// the Python list (pythonTrigger), which the node leaves free.
		return []Trigger{{Text: `{"name"`, AtStart: true, InJSON: true}}
	}
	return []Trigger{{Text: "<tool_call>"}}
}

// Tool is a function tool a request offers.
type Tool struct {
	Name        string          `json:"name"`
	Description string          `json:"description,omitempty"`
	Parameters  json.RawMessage `json:"parameters,omitempty"`
	Strict      bool            `json:"strict,omitempty"`
}

// ErrBadTool marks a tool definition that cannot be used.
var ErrBadTool = errors.New("toolcall: bad tool")

// ParseTool reads an OpenAI tool's "function" object.
func ParseTool(function json.RawMessage) (Tool, error) {
	var t Tool
	if err := json.Unmarshal(function, &t); err != nil {
		return t, fmt.Errorf("%w: function: %v", ErrBadTool, err)
	}
	if t.Name == "" {
		return t, fmt.Errorf("%w: function.name is empty", ErrBadTool)
	}
	for i := range len(t.Name) {
		if !nameByte(t.Name[i]) {
			return t, fmt.Errorf("%w: function name %q may only contain letters, digits, _, - and dots", ErrBadTool, t.Name)
		}
	}
	p := bytes.TrimSpace(t.Parameters)
	if len(p) == 0 || bytes.Equal(p, []byte("null")) {
		t.Parameters = json.RawMessage(`{"type":"object","properties":{}}`)
	} else if p[0] != '{' {
		return t, fmt.Errorf("%w: function %s: parameters must be a JSON Schema object", ErrBadTool, t.Name)
	}
	return t, nil
}

// argsKey is the key of a call's arguments in f's JSON.
func (f Format) argsKey() string {
	if f.Family == Llama3 || f.Family == Llama4 {
		return "parameters"
	}
	return "arguments"
}

// CallSchema returns the JSON Schema of the JSON that follows Prefix (or a
// trigger that is not InJSON) when the model calls one of tools (or only
// the one named only, when not empty): an object {"name", arguments} for
// most families, an array of them for Mistral (at most one when parallel
// is false). Properties are in the order the model writes them: "name"
// first, except that a Hermes call may also put the arguments first, as
// Hermes 2 Pro is trained to (its system prompt shows
// {"arguments": <args-dict>, "name": <function-name>}), while Qwen's
// templates write the name first; each order keeps the tool's schema for
// its arguments.
func (f Format) CallSchema(tools []Tool, only string, parallel bool) ([]byte, error) {
	if f.Family == MistralArgs {
		return nil, fmt.Errorf("%w: a %s call is not JSON; constrain its name and then the named tool's parameters", ErrBadTool, f.Family)
	}
	var alts []json.RawMessage
	for _, t := range tools {
		if only != "" && t.Name != only {
			continue
		}
		name, _ := json.Marshal(t.Name)
		obj := fmt.Sprintf(`{"type":"object","properties":{"name":{"const":%s},%q:%s},"required":["name",%q],"additionalProperties":false}`,
			name, f.argsKey(), t.Parameters, f.argsKey())
		alts = append(alts, json.RawMessage(obj))
		if f.Family == Hermes {
			obj := fmt.Sprintf(`{"type":"object","properties":{%q:%s,"name":{"const":%s}},"required":[%q,"name"],"additionalProperties":false}`,
				f.argsKey(), t.Parameters, name, f.argsKey())
			alts = append(alts, json.RawMessage(obj))
		}
	}
	if len(alts) == 0 {
		if only != "" {
			return nil, fmt.Errorf("%w: tool_choice names %q, which is not in tools", ErrBadTool, only)
		}
		return nil, fmt.Errorf("%w: no tools", ErrBadTool)
	}
	var one json.RawMessage = alts[0]
	if len(alts) > 1 {
		b, _ := json.Marshal(map[string]any{"anyOf": alts})
		one = b
	}
	if f.Family != Mistral {
		return one, nil
	}
	arr := fmt.Sprintf(`{"type":"array","items":%s,"minItems":1`, one)
	if !parallel {
		arr += `,"maxItems":1`
	}
	return []byte(arr + "}"), nil
}

// SystemPrompt describes tools and how to call them in f, for templates
// that cannot render tools themselves.
func (f Format) SystemPrompt(tools []Tool) string {
	var b strings.Builder
	b.WriteString("You can call the following tools (functions). Their definitions, as JSON Schema:\n<tools>\n")
	for _, t := range tools {
		j, _ := json.Marshal(map[string]any{"type": "function", "function": t})
		b.Write(j)
		b.WriteByte('\n')
	}
	b.WriteString("</tools>\n\nTo call a tool, reply with ")
	switch f.Family {
	case MistralArgs:
		b.WriteString(`[TOOL_CALLS], the function name, [ARGS] and the arguments object, for each call: [TOOL_CALLS]<function name>[ARGS]<arguments object>`)
	case Mistral:
		b.WriteString(`[TOOL_CALLS] followed by a JSON array of calls: [TOOL_CALLS][{"name": <function name>, "arguments": <arguments object>}]`)
	case Llama3, Llama4:
		b.WriteString(`only a JSON object {"name": <function name>, "parameters": <arguments object>}`)
	default:
		b.WriteString(`a JSON object inside tags for each call: <tool_call>{"name": <function name>, "arguments": <arguments object>}</tool_call>`)
	}
	b.WriteString(". Otherwise answer normally.")
	return b.String()
}

// CallText writes earlier calls of an assistant turn as f's model writes
// them, for templates that cannot render tool_calls.
func (f Format) CallText(calls []Call) string {
	var b strings.Builder
	obj := func(c Call) string {
		name, _ := json.Marshal(c.Name)
		return fmt.Sprintf(`{"name": %s, %q: %s}`, name, f.argsKey(), argsJSON(c.Arguments))
	}
	switch f.Family {
	case MistralArgs:
		for _, c := range calls {
			b.WriteString("[TOOL_CALLS]" + c.Name + "[ARGS]" + argsJSON(c.Arguments))
		}
	case Mistral:
		b.WriteString("[TOOL_CALLS][")
		for i, c := range calls {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(obj(c))
		}
		b.WriteString("]")
	case Llama3:
		for i, c := range calls {
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString(obj(c))
		}
	case Llama4:
		for _, c := range calls {
			b.WriteString(obj(c)) // one after another, as Llama 4's template writes them
		}
	default:
		for i, c := range calls {
			if i > 0 {
				b.WriteByte('\n')
			}
			b.WriteString("<tool_call>\n" + obj(c) + "\n</tool_call>")
		}
	}
	return b.String()
}

// argsJSON is a call's arguments as JSON text: as they are when valid,
// else as a JSON string.
func argsJSON(a string) string {
	args := strings.TrimSpace(a)
	if !json.Valid([]byte(args)) {
		q, _ := json.Marshal(a)
		args = string(q)
	}
	return args
}

// ResultText writes a tool's result as a user turn, for templates that
// cannot render the "tool" role.
func ResultText(name, content string) string {
	if name != "" {
		return "<tool_response>\n" + `{"name": ` + quote(name) + `, "content": ` + quote(content) + "}\n</tool_response>"
	}
	return "<tool_response>\n" + content + "\n</tool_response>"
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
