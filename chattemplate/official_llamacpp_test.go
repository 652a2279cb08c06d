package chattemplate

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestLlamaCppTemplatesOwnEngine renders the official chat templates kept in
// testdata/external/llamacpp (from llama.cpp's models/templates: gpt-oss,
// Llama 3.1-3.3 with tool use, Mistral Nemo / Small 3.2 / Devstral, Qwen 2.5 /
// 3 / QwQ, DeepSeek R1 distill, Gemma 2, Phi-3.5, Hermes 2 Pro tool use; and
// Qwen3-Coder from minja's tests, whose template iterates the arguments) on
// every conversation of conversations.json with this package's Jinja engine,
// and requires the text, or the refusal, that Python jinja2 set up as Hugging
// Face transformers gave (engine.json, from gen_official.py engine). These
// are the templates GGUF files of those families carry and the node renders
// when a preset names no built-in (gpt-oss's prompt_template "gpt-oss",
// "llama-3-tool", "mistral-tool", ...).
//
// Tool-call arguments reach jinja2 in the form llama.cpp gives them to each
// template (JSON text, or objects where the template requires them), decided
// by gen_official.py's own probe with jinja2; our probe must decide the same.
// Each conversation is also given to RenderJSON as written, and each one with
// tool calls with its arguments as objects (object_argument_cases).
func TestLlamaCppTemplatesOwnEngine(t *testing.T) {
	var conv externalConversations
	var raw struct {
		Cases map[string]struct {
			Messages json.RawMessage `json:"messages"`
		} `json:"cases"`
	}
	var engine map[string]struct {
		Source string         `json:"source"`
		BOS    string         `json:"bos"`
		EOS    string         `json:"eos"`
		Extra  map[string]any `json:"extra"`
		// ArgumentsForm is what jinja2's probe says: "object", "text" or
		// "given".
		ArgumentsForm string                 `json:"arguments_form"`
		Cases         map[string]jinjaResult `json:"cases"`
		ObjectCases   map[string]jinjaResult `json:"object_argument_cases"`
	}
	readExternal(t, "conversations.json", &conv)
	readExternal(t, "conversations.json", &raw)
	readExternal(t, "engine.json", &engine)
	if len(engine) < 10 {
		t.Fatalf("engine.json has %d templates", len(engine))
	}
	forms := map[string]int{}
	for key, ref := range engine {
		src, err := os.ReadFile(filepath.Join("testdata", "external", ref.Source))
		if err != nil {
			t.Fatal(err)
		}
		tpl, err := Parse(string(src))
		if err != nil {
			t.Fatalf("%s: %v", key, err)
		}
		if len(ref.Cases) != len(conv.Cases) {
			t.Errorf("%s: engine.json has %d cases, conversations.json %d: regenerate it", key, len(ref.Cases), len(conv.Cases))
		}
		probe := Options{BOSToken: ref.BOS, EOSToken: ref.EOS, Extra: ref.Extra, Now: ConformanceClock}
		forms[ref.ArgumentsForm]++
		if got := argFormNames[tpl.argumentForm(probe)]; got != ref.ArgumentsForm {
			t.Errorf("%s: arguments form %q, jinja2's probe says %q", key, got, ref.ArgumentsForm)
		}
		rendered := 0
		for c, want := range ref.Cases {
			spec, ok := conv.Cases[c]
			if !ok {
				t.Fatalf("%s: engine.json has case %s that conversations.json lacks", key, c)
			}
			opt := spec.options(ref.BOS, ref.EOS, ref.Extra)
			got, err := tpl.Render(spec.Messages, opt)
			if want.check(t, key+"/"+c, got, err) {
				rendered++
			}
			// The same messages as JSON, arguments as text.
			got, err = tpl.RenderJSON(raw.Cases[c].Messages, opt)
			want.check(t, key+"/"+c+" (JSON)", got, err)
		}
		if rendered == 0 {
			t.Errorf("%s: no case rendered", key)
		}
		if len(ref.ObjectCases) < 4 {
			t.Errorf("%s: %d object-argument cases: regenerate engine.json", key, len(ref.ObjectCases))
		}
		for c, want := range ref.ObjectCases {
			msgs := objectArguments(t, raw.Cases[c].Messages)
			got, err := tpl.RenderJSON(msgs, conv.Cases[c].options(ref.BOS, ref.EOS, ref.Extra))
			want.check(t, key+"/"+c+" (object arguments)", got, err)
		}
	}
	// The set must keep a template of each form.
	for _, f := range []string{"object", "text", "given"} {
		if forms[f] == 0 {
			t.Errorf("no template of engine.json takes arguments as %q", f)
		}
	}
}

var argFormNames = map[argForm]string{argsAsGiven: "given", argsObject: "object", argsText: "text"}

// options are the rendering options of the case, as gen_official.py renders.
func (c externalCase) options(bos, eos string, extra map[string]any) Options {
	opt := Options{AddGenerationPrompt: true, BOSToken: bos, EOSToken: eos, Extra: extra, Now: ConformanceClock}
	if c.AddGenerationPrompt != nil {
		opt.AddGenerationPrompt = *c.AddGenerationPrompt
	}
	for _, tool := range c.Tools {
		opt.Tools = append(opt.Tools, tool)
	}
	return opt
}

// objectArguments is the messages JSON with each tool call's arguments text
// replaced by the JSON value it holds, keys in their written order.
func objectArguments(t *testing.T, msgs json.RawMessage) json.RawMessage {
	t.Helper()
	v, err := decodeJSON(msgs)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range v.([]any) {
		calls, _ := m.(*dict).get("tool_calls")
		list, _ := calls.([]any)
		for _, c := range list {
			fn, _ := c.(*dict).get("function")
			a, _ := fn.(*dict).get("arguments")
			obj, err := decodeJSON([]byte(a.(string)))
			if err != nil {
				t.Fatal(err)
			}
			fn.(*dict).set("arguments", obj)
		}
	}
	s, err := compactJSON(v)
	if err != nil {
		t.Fatal(err)
	}
	return json.RawMessage(s)
}

// TestArgumentFormAsMinja checks the probe against the expectations of
// minja's own capability tests (github.com/ochafik/minja,
// tests/test-capabilities.cpp at 158c01c4, requires_object_arguments) for
// the templates of testdata/external that those tests cover.
func TestArgumentFormAsMinja(t *testing.T) {
	for _, tc := range []struct {
		file    string
		objects bool
	}{
		{"llamacpp/Qwen-QwQ-32B.jinja", true},
		{"minja/Qwen-Qwen3-Coder-30B-A3B-Instruct.jinja", true},
		{"llamacpp/meta-llama-Llama-3.1-8B-Instruct.jinja", true},
		{"llamacpp/meta-llama-Llama-3.2-3B-Instruct.jinja", true},
		{"llamacpp/mistralai-Mistral-Nemo-Instruct-2407.jinja", true},
		// minja tests the Llama 70B distill; the 8B's template is the same family's.
		{"llamacpp/deepseek-ai-DeepSeek-R1-Distill-Llama-8B.jinja", false},
		// minja's "Hermes2Pro" test reads the Hermes 3 template; Hermes 2 Pro's
		// has the same "arguments is string" branch.
		{"llamacpp/NousResearch-Hermes-2-Pro-Llama-3-8B-tool_use.jinja", false},
	} {
		src, err := os.ReadFile(filepath.Join("testdata", "external", tc.file))
		if err != nil {
			t.Fatal(err)
		}
		if got := MustParse(string(src)).argumentForm(Options{}) == argsObject; got != tc.objects {
			t.Errorf("%s: requires object arguments = %v, minja's test says %v", tc.file, got, tc.objects)
		}
	}
}
