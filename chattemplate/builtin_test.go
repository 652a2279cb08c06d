package chattemplate

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/builtin/*.golden")

// specialTokens are the BOS/EOS texts of each family's tokenizer.
var specialTokens = map[string][2]string{
	"llama-2-chat":     {"<s>", "</s>"},
	"llama-3-chat":     {"<|begin_of_text|>", "<|eot_id|>"},
	"chatml":           {"", "<|im_end|>"},
	"mistral-instruct": {"<s>", "</s>"},
	"qwen3-no-think":   {"", "<|im_end|>"},
	"gemma-3":          {"<bos>", "<eos>"},
	"phi-3-chat":       {"<s>", "<|endoftext|>"},
}

type goldenCase struct {
	name string
	msgs []Message
	gen  bool
	opt  Options
}

func goldenCases(name string) []goldenCase {
	weather := []any{map[string]any{"type": "function", "function": map[string]any{
		"name": "get_weather", "description": "Get the weather in a city",
		"parameters": map[string]any{"type": "object", "properties": map[string]any{
			"city": map[string]any{"type": "string"}}, "required": []string{"city"}}}}}
	cases := []goldenCase{
		{name: "user", gen: true, msgs: []Message{{Role: "user", Content: "What is GaiaNet?"}}},
		{name: "system-multi-turn", gen: true, msgs: []Message{
			{Role: "system", Content: "You are a helpful assistant."},
			{Role: "user", Content: "Hi"},
			{Role: "assistant", Content: "Hello! How can I help?"},
			{Role: "user", Content: "Tell me a joke."},
		}},
		{name: "no-generation-prompt", gen: false, msgs: []Message{
			{Role: "user", Content: "Hi"},
			{Role: "assistant", Content: "Hello."},
		}},
		{name: "roles-not-alternating", gen: true, msgs: []Message{
			{Role: "user", Content: "one"},
			{Role: "user", Content: "two"},
		}},
	}
	if name == "qwen3-no-think" {
		cases = append(cases,
			goldenCase{name: "reasoning-dropped", gen: true, msgs: []Message{
				{Role: "user", Content: "2+2?"},
				{Role: "assistant", Content: "<think>\nadd them\n</think>\n\n4"},
				{Role: "user", Content: "3+3?"},
			}},
			goldenCase{name: "tools", gen: true, opt: Options{Tools: weather}, msgs: []Message{
				{Role: "system", Content: "Be brief."},
				{Role: "user", Content: "Weather in Paris?"},
				{Role: "assistant", ToolCalls: []ToolCall{{ID: "c1", Function: FunctionCall{Name: "get_weather", Arguments: `{"city":"Paris"}`}}}},
				{Role: "tool", ToolCallID: "c1", Content: `{"temp_c": 21}`},
			}})
	}
	return cases
}

func renderGolden(t *testing.T, name string) string {
	tpl, ok := Lookup(name)
	if !ok {
		t.Fatalf("Lookup(%q) failed", name)
	}
	tok := specialTokens[name]
	var b strings.Builder
	for _, c := range goldenCases(name) {
		opt := c.opt
		opt.AddGenerationPrompt = c.gen
		opt.BOSToken, opt.EOSToken = tok[0], tok[1]
		out, err := tpl.Render(c.msgs, opt)
		b.WriteString("-- " + c.name + " --\n")
		if err != nil {
			var exc *ExceptionError
			if !errors.As(err, &exc) {
				t.Errorf("%s/%s: unexpected error kind: %v", name, c.name, err)
			}
			out = "ERROR: " + err.Error()
		}
		b.WriteString(out + "\n")
	}
	return b.String()
}

func TestBuiltinGolden(t *testing.T) {
	for _, name := range Names() {
		t.Run(name, func(t *testing.T) {
			got := renderGolden(t, name)
			path := filepath.Join("testdata", "builtin", name+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create)", err)
			}
			if got != string(want) {
				t.Errorf("rendering differs from %s:\ngot:\n%s\nwant:\n%s", path, got, want)
			}
		})
	}
}

func TestBuiltinRegistry(t *testing.T) {
	want := []string{"chatml", "gemma-3", "llama-2-chat", "llama-3-chat", "mistral-instruct", "phi-3-chat", "qwen3-no-think"}
	got := Names()
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("Names() = %v, want %v", got, want)
	}
	for _, n := range got {
		info, ok := Info(n)
		if !ok || info.Name != n || len(info.Stop) == 0 || info.Description == "" {
			t.Errorf("Info(%q) = %+v, %v", n, info, ok)
		}
		if src, ok := Source(n); !ok || src == "" {
			t.Errorf("Source(%q) empty", n)
		}
	}
	if _, ok := Lookup("no-such-template"); ok {
		t.Error("Lookup of an unknown name succeeded")
	}
	if _, ok := Info("no-such-template"); ok {
		t.Error("Info of an unknown name succeeded")
	}
}
