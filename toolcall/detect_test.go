package toolcall

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/chattemplate"
	"github.com/gaianet-go/gaianet/internal/sharedtest"
	"github.com/gaianet-go/gaianet/reasoning"
)

// TestDetectRealTemplates runs detection on the real chat templates of the
// conformance data and on every built-in template.
func TestDetectRealTemplates(t *testing.T) {
	dir := sharedtest.Path(t, "conformance", "templates")
	want := map[string]Format{
		"gemma3.jinja":   {Family: Hermes, Native: false},
		"llama3.jinja":   {Family: Hermes, Native: false},
		"llama3_1.jinja": {Family: Hermes, Native: false},
		"qwen3.jinja":    {Family: Hermes, Native: true},
	}
	for file, w := range want {
		src, err := os.ReadFile(dir + "/" + file)
		if err != nil {
			t.Fatal(err)
		}
		if got := Detect("gguf", string(src)); got != w {
			t.Errorf("%s: %+v, want %+v", file, got, w)
		}
	}
	builtins := map[string]Format{
		"chatml": {Hermes, false}, "qwen3-no-think": {Hermes, true}, "llama-2-chat": {Hermes, false},
		"llama-3-chat": {Hermes, false}, "mistral-instruct": {Hermes, false}, "gemma-3": {Hermes, false}, "phi-3-chat": {Hermes, false},
		"llama-4-chat": {Llama4, false}, "deepseek-chat-25": {Hermes, false}, "exaone-chat": {Hermes, false}, "gemma-instruct": {Hermes, false},
	}
	for _, name := range chattemplate.Names() {
		src, _ := chattemplate.Source(name)
		w, ok := builtins[name]
		if !ok {
			t.Errorf("built-in template %s has no expected format here", name)
			continue
		}
		if got := Detect(name, src); got != w {
			t.Errorf("built-in %s: %+v, want %+v", name, got, w)
		}
	}
	// LlamaEdge's tool template names used by GaiaNet presets name the
	// format; the template then comes from the GGUF file.
	for name, fam := range map[string]Family{"llama-3-tool": Llama3, "groq-llama3-tool": Groq, "mistral-tool": Mistral, "mistral-small-tool": Mistral} {
		if got := Detect(name, "{{ tools }}"); got.Family != fam || !got.Native {
			t.Errorf("%s: %+v, want %s", name, got, fam)
		}
	}
	// A Mistral preset whose model's template writes the newer form.
	if got := Detect("mistral-small-tool", "{{ tools }}[TOOL_CALLS]{{ name }}[ARGS]"); got.Family != MistralArgs {
		t.Errorf("mistral-small-tool with an [ARGS] template: %s, want %s", got.Family, MistralArgs)
	}
	// Formats written by the sources of other families.
	for src, fam := range map[string]Family{
		`{{- '[TOOL_CALLS]' + tool_calls|tojson }}`:                                            Mistral,
		`{{- '[TOOL_CALLS]' + tc.function.name + '[ARGS]' + tc.function.arguments }}`:          MistralArgs,
		`<|start_header_id|>ipython<|end_header_id|>{{ '<|python_tag|>' }}`:                    Llama3,
		`<|start_header_id|>{% for tool in tools %}{"name": .., "parameters": ..}{% endfor %}`: Llama3,
		`<|start_header_id|><tool_call>{"id": {{ loop.index0 }}, "name": ...}</tool_call>`:     Groq,
		`<|header_start|>assistant<|header_end|>{{ '<|python_start|>' }}`:                      Llama4,
	} {
		if got := Detect("gguf", src); got.Family != fam {
			t.Errorf("%q: %s, want %s", src, got.Family, fam)
		}
	}
}

// TestTemplateCallsParseBack renders an assistant turn with tool calls
// through templates that write calls (the real Qwen3 template and the
// built-in qwen3-no-think) and, for templates that cannot, through
// CallText; the parser must read the same calls back from that text.
func TestTemplateCallsParseBack(t *testing.T) {
	calls := []chattemplate.ToolCall{
		{ID: "a", Type: "function", Function: chattemplate.FunctionCall{Name: "get_weather", Arguments: `{"city":"Paris","days":2}`}},
		{ID: "b", Type: "function", Function: chattemplate.FunctionCall{Name: "get_time", Arguments: `{"tz":"CET"}`}},
	}
	msgs := []chattemplate.Message{{Role: "user", Content: "Weather and time in Paris?"}, {Role: "assistant", ToolCalls: calls}}
	tools := []any{json.RawMessage(`{"type":"function","function":{"name":"get_weather","parameters":{"type":"object"}}}`)}
	qwen3, err := os.ReadFile(sharedtest.Path(t, "conformance", "templates", "qwen3.jinja"))
	if err != nil {
		t.Fatal(err)
	}
	noThink, _ := chattemplate.Source("qwen3-no-think")
	mistralArgs, err := os.ReadFile("testdata/mistral-args.jinja")
	if err != nil {
		t.Fatal(err)
	}
	for name, src := range map[string]string{"qwen3.jinja": string(qwen3), "qwen3-no-think": noThink, "mistral-args.jinja": string(mistralArgs)} {
		tmpl, err := chattemplate.Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		out, err := tmpl.Render(msgs, chattemplate.Options{Tools: tools})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out, `"name": "get_weather"`) {
			t.Errorf("%s: tools not rendered:\n%s", name, out)
		}
		turn := out[strings.LastIndex(out, "<|im_start|>assistant\n")+len("<|im_start|>assistant\n"):]
		turn = strings.TrimSuffix(strings.TrimSpace(turn), "<|im_end|>")
		if i := strings.LastIndex(out, "[/INST]"); i >= 0 && !strings.Contains(out, "<|im_start|>") {
			turn = out[i+len("[/INST]"):] // the Mistral turn ends at EOS, empty here
		}
		// The node takes the thinking block apart first, as here.
		split := reasoning.NewSplitter("")
		_, answer := split.Write(turn)
		_, rest := split.Close()
		turn = answer + rest
		checkParsed(t, name, Detect("gguf", src), turn, calls)
	}
	for _, fam := range []Family{Hermes, Groq, Llama3, Mistral, MistralArgs} {
		f := Format{Family: fam}
		var cs []Call
		for _, c := range calls {
			cs = append(cs, Call{Name: c.Function.Name, Arguments: c.Function.Arguments})
		}
		checkParsed(t, string(fam), f, f.CallText(cs), calls)
	}
}

func checkParsed(t *testing.T, name string, f Format, text string, want []chattemplate.ToolCall) {
	t.Helper()
	got := run(f, false, []string{text})
	if strings.TrimSpace(got.content) != "" || len(got.calls) != len(want) {
		t.Fatalf("%s: content %q, calls %+v from %q", name, got.content, got.calls, text)
	}
	for i, c := range got.calls {
		var a, b any
		json.Unmarshal([]byte(c.Arguments), &a)
		json.Unmarshal([]byte(want[i].Function.Arguments), &b)
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if c.Name != want[i].Function.Name || string(ja) != string(jb) {
			t.Errorf("%s: call %d = %s %s, want %s %s", name, i, c.Name, c.Arguments, want[i].Function.Name, want[i].Function.Arguments)
		}
	}
}
