package node

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/api"
	"github.com/gaianet-go/gaianet/chattemplate"
	"github.com/gaianet-go/gaianet/toolcall"
)

// harmonyTools are two tools whose names share a prefix.
var harmonyTools = []api.Tool{
	{Type: "function", Function: json.RawMessage(`{"name":"get_weather","parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"],"additionalProperties":false}}`)},
	{Type: "function", Function: json.RawMessage(`{"name":"get_time","parameters":{"type":"object","properties":{"tz":{"enum":["UTC","CET"]}},"required":["tz"],"additionalProperties":false}}`)},
}

// TestHarmonyRequiredName: with tool_choice required and several tools,
// a gpt-oss call's function name is one of the tools, then the header's
// end is written as fixed tokens, then that tool's arguments.
func TestHarmonyRequiredName(t *testing.T) {
	n := openTestNode(t, nil)
	n.toolFmt = toolcall.Format{Family: toolcall.Harmony}
	mask := make([]uint64, (n.tok.VocabSize()+63)/64)
	allowed := func(tok int32) bool { return mask[tok/64]&(1<<(tok%64)) != 0 }
	for _, tc := range []struct {
		name, args string
		ok         bool
	}{
		{"get_time", `{"tz":"CET"}`, true},
		{"get_weather", `{"city": "Paris"}`, true},
		{"get_weather", `{"tz":"CET"}`, false},
		{"get_date", `{}`, false},
		{"get_timezone", `{}`, false},
	} {
		req := &api.ChatRequest{Messages: []api.Message{{Role: "user", Content: "hi"}}, Tools: harmonyTools, ToolChoice: json.RawMessage(`"required"`)}
		plan, c := planConstraint(t, n, req, "<|start|>assistant")
		if plan.prefix != "<|channel|>commentary to=functions." {
			t.Fatalf("prefix %q", plan.prefix)
		}
		var reply strings.Builder
		ok := true
		feed := func(toks []int32) {
			for _, tok := range toks {
				if !ok {
					return
				}
				if !c.Mask(mask) || !allowed(tok) {
					ok = false
					return
				}
				if err := c.Accept(tok); err != nil {
					t.Fatal(err)
				}
				reply.WriteString(string(n.tok.SpecialPiece(tok)))
			}
		}
		feed(charTokens(t, n, tc.name+" "))
		// The header's end: one allowed token at a time.
		for ok && !strings.HasSuffix(reply.String(), "<|message|>") {
			c.Mask(mask)
			next := int32(-1)
			for id := range int32(n.tok.VocabSize()) {
				if allowed(id) {
					if next >= 0 {
						t.Fatalf("%s: header tokens %d and %d both allowed", tc.name, next, id)
					}
					next = id
				}
			}
			feed([]int32{next})
		}
		feed(charTokens(t, n, tc.args))
		if ok != tc.ok || ok && !c.Done() {
			t.Errorf("%s %s: accepted %v (done %v), want %v; reply %q", tc.name, tc.args, ok, c.Done(), tc.ok, reply.String())
			continue
		}
		if !ok {
			continue
		}
		if want := tc.name + " <|constrain|>json<|message|>" + tc.args; reply.String() != want {
			t.Errorf("reply %q, want %q", reply.String(), want)
		}
		d, calls := shapeReply(plan, reply.String())
		if len(calls) != 1 || calls[0].Function.Name != tc.name || calls[0].Function.Arguments != tc.args {
			t.Errorf("%s: calls %+v, content %q", tc.name, calls, d.Content)
		}
	}
	// Real generations (the engine fast-forwards the header's end).
	checkForcedCalls(t, n)
}

// TestHarmonyResponseFormat: with tools, tool_choice auto and a
// response_format, gpt-oss's final channel follows the format and calls
// their tools' arguments; analysis stays free. With required the format
// is accepted and the reply is a call.
func TestHarmonyResponseFormat(t *testing.T) {
	n := openTestNode(t, nil)
	n.toolFmt = toolcall.Format{Family: toolcall.Harmony, Native: true}
	answer := `{"type":"object","properties":{"answer":{"type":"string"}},"required":["answer"],"additionalProperties":false}`
	mask := make([]uint64, (n.tok.VocabSize()+63)/64)
	const analysis = `<|channel|>analysis<|message|>Think {"bad": 1}.<|end|><|start|>assistant`
	for _, tc := range []struct {
		text    string
		ok      bool
		content string
		call    string
	}{
		{analysis + `<|channel|>final<|message|>{"answer":"hi"}`, true, `{"answer":"hi"}`, ""},
		{`<|channel|>final<|message|>{"answer":"hi"}`, true, `{"answer":"hi"}`, ""},
		{analysis + `<|channel|>final<|message|>{"bad":1}`, false, "", ""},
		{analysis + `<|channel|>final<|message|>Sunny.`, false, "", ""},
		{analysis + `<|channel|>commentary to=functions.get_time <|constrain|>json<|message|>{"tz":"UTC"}`, true, "", `{"tz":"UTC"}`},
		{analysis + `<|channel|>commentary to=functions.get_time <|constrain|>json<|message|>{"answer":"hi"}`, false, "", ""},
	} {
		req := &api.ChatRequest{Messages: []api.Message{{Role: "user", Content: "hi"}}, Tools: harmonyTools,
			ResponseFormat: &api.ResponseFormat{Type: "json_schema", JSONSchema: &api.JSONSchema{Name: "a", Schema: json.RawMessage(answer)}}}
		plan, c := planConstraint(t, n, req, "<|start|>assistant")
		if !checkFeed(t, c, mask, n.tok.AppendEncodeContinuation(nil, tc.text), tc.ok, tc.text) {
			continue
		}
		d, calls := shapeReply(plan, tc.text)
		if d.Content != tc.content || tc.call == "" && len(calls) != 0 || tc.call != "" && (len(calls) != 1 || calls[0].Function.Arguments != tc.call) {
			t.Errorf("%q: content %q, calls %+v", tc.text, d.Content, calls)
		}
	}
	// required: accepted, the reply is a call.
	req := &api.ChatRequest{Messages: []api.Message{{Role: "user", Content: "hi"}}, Tools: harmonyTools, ToolChoice: json.RawMessage(`"required"`),
		ResponseFormat: &api.ResponseFormat{Type: "json_schema", JSONSchema: &api.JSONSchema{Name: "a", Schema: json.RawMessage(answer)}}}
	if plan, _ := planConstraint(t, n, req, "<|start|>assistant"); !plan.forced() || plan.nameGrammar == nil {
		t.Errorf("required with response_format: plan %+v", plan)
	}
}

// TestHarmonyThinkingRendered: for gpt-oss the request's reasoning_content
// reaches the template as "thinking", so OpenAI's harmony template keeps
// the analysis message before a tool call that awaits its answer (llama.cpp
// does the same); other families see reasoning_content only.
func TestHarmonyThinkingRendered(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "chattemplate", "testdata", "external", "llamacpp", "openai-gpt-oss-120b.jinja"))
	if err != nil {
		t.Fatal(err)
	}
	tpl, err := chattemplate.Parse(string(src))
	if err != nil {
		t.Fatal(err)
	}
	req := &api.ChatRequest{Messages: []api.Message{
		{Role: "user", Content: "Weather in Paris?"},
		{Role: "assistant", ReasoningContent: "I should call get_weather.", ToolCalls: []api.ToolCall{
			{ID: "c1", Type: "function", Function: api.FunctionCall{Name: "get_weather", Arguments: `{"city":"Paris"}`}}}},
		{Role: "tool", ToolCallID: "c1", Content: `{"temp_c": 21}`},
	}}
	const analysis = "<|start|>assistant<|channel|>analysis<|message|>I should call get_weather.<|end|><|start|>assistant to=functions.get_weather"
	for _, family := range []toolcall.Family{toolcall.Harmony, toolcall.Hermes} {
		n := &Node{toolFmt: toolcall.Format{Family: family, Native: true}}
		msgs, err := n.templateMessages(req, &profile{})
		if err != nil {
			t.Fatal(err)
		}
		text, err := tpl.Render(msgs, chattemplate.Options{AddGenerationPrompt: true, Now: chattemplate.ConformanceClock})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := strings.Contains(text, analysis), family == toolcall.Harmony; got != want {
			t.Errorf("family %s: analysis before the call rendered %v, want %v:\n%s", family, got, want, text)
		}
	}
}
