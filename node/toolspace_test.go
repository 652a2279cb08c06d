package node

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/api"
	"github.com/gaianet-go/gaianet/engine"
	"github.com/gaianet-go/gaianet/internal/sharedtest"
	"github.com/gaianet-go/gaianet/toolcall"
)

// templateCall returns the tools and the assistant's call text of the
// Qwen3 tool-result case rendered by the real template (Python jinja2,
// ../shared/conformance/templates/renderings.jsonl).
func templateCall(t *testing.T) ([]api.Tool, string) {
	t.Helper()
	for line := range sharedtest.JSONLines(t, "conformance", "templates", "renderings.jsonl") {
		var c struct {
			Template, Case, Rendered string
			Tools                    []api.Tool
		}
		if err := json.Unmarshal(line, &c); err != nil {
			t.Fatal(err)
		}
		if c.Template != "qwen3" || c.Case != "tool-result" {
			continue
		}
		i := strings.LastIndex(c.Rendered, "<tool_call>")
		j := strings.LastIndex(c.Rendered, "</tool_call>")
		if i < 0 || j < i {
			t.Fatalf("no call in %q", c.Rendered)
		}
		return c.Tools, c.Rendered[i : j+len("</tool_call>")]
	}
	t.Fatal("no qwen3 tool-result rendering")
	return nil, ""
}

// TestCallWhitespace feeds calls spaced as the families' templates write
// them (Jinja's tojson: ", " and ": "), starting with the real Qwen3
// rendering, through the constraints of tool_choice auto and required:
// every token must be allowed and the call parsed; whitespace beyond the
// bound, or where no formatter writes it, is refused.
func TestCallWhitespace(t *testing.T) {
	n := openTestNode(t, nil)
	tools, qwenCall := templateCall(t)
	if !strings.Contains(qwenCall, `{"name": "get_current_weather", "arguments": {"location": "Singapore", "unit": "celsius"}}`) {
		t.Fatalf("the rendering changed: %q", qwenCall)
	}
	const args = `{"location": "Singapore", "unit": "celsius"}`
	mask := make([]uint64, (n.tok.VocabSize()+63)/64)
	for _, tc := range []struct {
		fam    toolcall.Family
		choice string
		text   string // the reply (for required: after the prefix the node writes)
		ok     bool
	}{
		{toolcall.Hermes, "auto", qwenCall, true},
		{toolcall.Hermes, "auto", "Let me check.\n" + qwenCall, true},
		{toolcall.Hermes, "required", strings.TrimSuffix(strings.TrimPrefix(qwenCall, "<tool_call>\n"), "\n</tool_call>"), true},
		{toolcall.Hermes, "auto", `<tool_call>{"name":"get_current_weather","arguments":{"location":"Singapore"}}</tool_call>`, true},
		{toolcall.Hermes, "auto", "<tool_call>\n{\n\"name\": \"get_current_weather\",\n\"arguments\": {\n\"location\": \"Singapore\"\n}\n}\n</tool_call>", true},
		{toolcall.Groq, "auto", qwenCall, true},
		{toolcall.Llama3, "auto", `{"name": "get_current_weather", "parameters": ` + args + `}`, true},
		{toolcall.Mistral, "auto", `[TOOL_CALLS][{"name": "get_current_weather", "arguments": ` + args + `}]`, true},
		{toolcall.MistralArgs, "auto", `[TOOL_CALLS]get_current_weather[ARGS]` + args, true},
		{toolcall.Hermes, "auto", `<tool_call>{"name":  "get_current_weather", "arguments": {}}</tool_call>`, false},
		{toolcall.Hermes, "auto", `<tool_call>{"name" : "get_current_weather", "arguments": {}}</tool_call>`, false},
		{toolcall.Hermes, "required", `{"name": "get_current_weather" , "arguments": {}}`, false},
		{toolcall.Llama3, "auto", `{"name": "get_current_weather", "parameters": {"location":   "x"}}`, false},
	} {
		req := &api.ChatRequest{Messages: []api.Message{{Role: "user", Content: "Weather?"}}, Tools: tools,
			ToolChoice: json.RawMessage(`"` + tc.choice + `"`)}
		n.toolFmt = toolcall.Format{Family: tc.fam}
		plan, c := planConstraint(t, n, req, "<|im_start|>assistant\n")
		ok := feedAllowed(t, c, mask, n.tok.AppendEncodeContinuation(nil, tc.text))
		if ok != tc.ok {
			t.Errorf("%s %s %q: accepted %v, want %v", tc.fam, tc.choice, tc.text, ok, tc.ok)
			continue
		}
		if !ok {
			continue
		}
		d, calls := shapeReply(plan, tc.text)
		if len(calls) != 1 || calls[0].Function.Name != "get_current_weather" || !json.Valid([]byte(calls[0].Function.Arguments)) {
			t.Errorf("%s %s %q: calls %+v, content %q", tc.fam, tc.choice, tc.text, calls, d.Content)
		}
	}
}

// feedAllowed feeds toks to c while its mask allows them (a free
// constraint allows all) and reports whether it allowed every one.
func feedAllowed(t *testing.T, c engine.Constraint, mask []uint64, toks []int32) bool {
	t.Helper()
	for _, tok := range toks {
		if c.Mask(mask) && mask[tok/64]&(1<<(tok%64)) == 0 {
			return false
		}
		if err := c.Accept(tok); err != nil {
			t.Fatalf("token %q: %v", tok, err)
		}
	}
	return true
}

// checkFeed feeds toks to c and checks that all were allowed, and c done
// after them, exactly when want; it reports whether the reply went
// through (to be checked further).
func checkFeed(t *testing.T, c engine.Constraint, mask []uint64, toks []int32, want bool, what string) bool {
	t.Helper()
	ok := feedAllowed(t, c, mask, toks)
	if ok != want || ok && !c.Done() {
		t.Errorf("%q: accepted %v (done %v), want %v", what, ok, c.Done(), want)
		return false
	}
	return ok
}

// shapeReply shapes a whole reply as the node streams it, and returns
// the content and reasoning deltas' sum and the calls parsed.
func shapeReply(plan *outputPlan, text string) (api.ChatDelta, []api.ToolCall) {
	sh := newReplyShaper(plan, "separate")
	var d api.ChatDelta
	sh.write(&d, text, true)
	return d, sh.toolCalls()
}

// TestToolsWithResponseFormatAfterThinking: the prompt opens a thinking
// block (Qwen3 with thinking on); with tools, tool_choice auto and a
// response_format, the block is free and the reply after it is a call or
// an answer in the format.
func TestToolsWithResponseFormatAfterThinking(t *testing.T) {
	n := openTestNode(t, nil)
	n.toolFmt = toolcall.Format{Family: toolcall.Hermes}
	answer := `{"type":"object","properties":{"answer":{"type":"string"}},"required":["answer"],"additionalProperties":false}`
	mask := make([]uint64, (n.tok.VocabSize()+63)/64)
	for _, tc := range []struct {
		text      string
		ok        bool
		reasoning string
		content   string
		calls     int
	}{
		{`Maybe {"bad": 1}.</think>{"answer":"hi"}`, true, `Maybe {"bad": 1}.`, `{"answer":"hi"}`, 0},
		{"Call it.</think><tool_call>\n{\"name\": \"f\", \"arguments\": {\"x\": 1}}", true, "Call it.", "", 1},
		{`Hmm.</think>Sunny.`, false, "", "", 0},
		{`Hmm.</think>{"answer":1}`, false, "", "", 0},
	} {
		req := &api.ChatRequest{Messages: []api.Message{{Role: "user", Content: "hi"}},
			ResponseFormat: &api.ResponseFormat{Type: "json_schema", JSONSchema: &api.JSONSchema{Name: "a", Schema: json.RawMessage(answer)}},
			Tools:          []api.Tool{{Type: "function", Function: json.RawMessage(`{"name":"f","parameters":{"type":"object","properties":{"x":{"type":"integer"}},"required":["x"],"additionalProperties":false}}`)}}}
		plan, c := planConstraint(t, n, req, "<|im_start|>assistant\n<think>\n")
		if !checkFeed(t, c, mask, charTokens(t, n, tc.text), tc.ok, tc.text) {
			continue
		}
		d, calls := shapeReply(plan, tc.text)
		if d.ReasoningContent != tc.reasoning || d.Content != tc.content || len(calls) != tc.calls {
			t.Errorf("%q: reasoning %q, content %q, calls %+v", tc.text, d.ReasoningContent, d.Content, calls)
		}
	}
}
