package chattemplate

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/gaianet-go/gaianet/internal/sharedtest"
)

var fuzzMessages = []Message{
	{Role: "system", Content: "sys"},
	{Role: "user", Content: "hi  "},
	{Role: "assistant", Content: "<think>r</think>ok", ToolCalls: []ToolCall{{Function: FunctionCall{Name: "f", Arguments: `{"a": [1, 2.5, null]}`}}}},
	{Role: "tool", Content: "42"},
}

func fuzzOptions() Options {
	return Options{
		AddGenerationPrompt: true, BOSToken: "<s>", EOSToken: "</s>",
		Tools:     []any{json.RawMessage(`{"type": "function", "function": {"name": "f"}}`)},
		Extra:     map[string]any{"enable_thinking": false},
		Now:       ConformanceClock,
		MaxSteps:  20000,
		MaxOutput: 1 << 16,
	}
}

func addTemplateSeeds(f *testing.F) {
	for _, n := range Names() {
		src, _ := Source(n)
		f.Add(src)
	}
	if b, err := os.ReadFile("testdata/reference.json"); err == nil {
		var ref struct{ Cases []struct{ Template string } }
		if json.Unmarshal(b, &ref) == nil {
			for _, c := range ref.Cases {
				f.Add(c.Template)
			}
		}
	}
	if root := sharedtest.Root(); root != "" {
		dir := filepath.Join(root, "conformance")
		files, _ := filepath.Glob(filepath.Join(dir, "templates", "*.jinja"))
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(string(b))
			}
		}
	}
}

// FuzzTemplate parses and renders arbitrary template source: it must never
// panic, hang or report an internal error.
func FuzzTemplate(f *testing.F) {
	addTemplateSeeds(f)
	f.Fuzz(func(t *testing.T, src string) {
		tpl, err := Parse(src)
		if err != nil {
			if errors.Is(err, errInternal) {
				t.Fatalf("Parse(%q): %v", src, err)
			}
			return
		}
		_, err = tpl.Render(fuzzMessages, fuzzOptions())
		if errors.Is(err, errInternal) {
			t.Fatalf("Render(%q): %v", src, err)
		}
	})
}

// FuzzMessagesJSON renders built-in templates over arbitrary message JSON,
// as an API client could send it.
func FuzzMessagesJSON(f *testing.F) {
	f.Add(`[{"role": "user", "content": "hi"}]`)
	f.Add(`[{"role": "system", "content": "s"}, {"role": "user", "content": [{"type": "text", "text": "x"}]}]`)
	f.Add(`[{"role": "assistant", "content": null, "tool_calls": [{"function": {"name": "f", "arguments": {"a": 1}}}]}, {"role": "tool", "content": "r"}]`)
	f.Add(`[[[[[]]]], 1e400, "x"]`)
	f.Add(`{"role": "user"}`)
	f.Add(`[{"role": "user", "content": "x"}, {"role": "assistant", "content": "", "tool_calls": [{"type": "function", "function": {"name": "f", "arguments": "{\"a\": [1, {\"b\": null}]}"}}, {"function": {"name": "g", "arguments": 5}}]}]`)
	f.Add(`[{"role": "assistant", "tool_calls": [{"function": {"name": "f", "arguments": "not json"}}, {"function": "x"}, 3]}]`)
	// Templates that take arguments only as text (DeepSeek V3.1) and only as
	// objects (Qwen3-Coder iterates them), so that RenderJSON fits them.
	tpls := map[string]*Template{}
	for _, n := range Names() {
		tpls[n], _ = Lookup(n)
	}
	for _, file := range []string{"llamacpp/deepseek-ai-DeepSeek-V3.1.jinja", "minja/Qwen-Qwen3-Coder-30B-A3B-Instruct.jinja"} {
		src, err := os.ReadFile(filepath.Join("testdata", "external", file))
		if err != nil {
			f.Fatal(err)
		}
		tpls[file] = MustParse(string(src))
	}
	f.Fuzz(func(t *testing.T, msgs string) {
		for n, tpl := range tpls {
			_, err := tpl.RenderJSON(json.RawMessage(msgs), fuzzOptions())
			if errors.Is(err, errInternal) {
				t.Fatalf("%s: RenderJSON(%q): %v", n, msgs, err)
			}
		}
	})
}
