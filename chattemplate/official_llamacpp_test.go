package chattemplate

import (
	"os"
	"path/filepath"
	"testing"
)

// TestLlamaCppTemplatesOwnEngine renders the official chat templates kept in
// testdata/external/llamacpp (from llama.cpp's models/templates: gpt-oss,
// Llama 3.1-3.3 with tool use, Mistral Nemo / Small 3.2 / Devstral, Qwen 2.5 /
// 3 / QwQ, DeepSeek R1 distill, Gemma 2, Phi-3.5, Hermes 2 Pro tool use) on
// every conversation of conversations.json with this package's Jinja engine,
// and requires the text, or the refusal, that Python jinja2 set up as Hugging
// Face transformers gave (engine.json, from gen_official.py engine). These
// are the templates GGUF files of those families carry and the node renders
// when a preset names no built-in (gpt-oss's prompt_template "gpt-oss",
// "llama-3-tool", "mistral-tool", ...).
func TestLlamaCppTemplatesOwnEngine(t *testing.T) {
	var conv externalConversations
	var engine map[string]struct {
		Source string         `json:"source"`
		BOS    string         `json:"bos"`
		EOS    string         `json:"eos"`
		Extra  map[string]any `json:"extra"`
		// TextArgs: the template renders tool-call arguments only as text.
		TextArgs bool                   `json:"text_args"`
		Cases    map[string]jinjaResult `json:"cases"`
	}
	readExternal(t, "conversations.json", &conv)
	readExternal(t, "engine.json", &engine)
	if len(engine) < 10 {
		t.Fatalf("engine.json has %d templates", len(engine))
	}
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
		if got := tpl.argumentsAsText(probe); got != ref.TextArgs {
			t.Errorf("%s: arguments as text %v, jinja2's probe says %v", key, got, ref.TextArgs)
		}
		rendered := 0
		for c, want := range ref.Cases {
			spec, ok := conv.Cases[c]
			if !ok {
				t.Fatalf("%s: engine.json has case %s that conversations.json lacks", key, c)
			}
			opt := Options{AddGenerationPrompt: true, BOSToken: ref.BOS, EOSToken: ref.EOS, Extra: ref.Extra, Now: ConformanceClock}
			if spec.AddGenerationPrompt != nil {
				opt.AddGenerationPrompt = *spec.AddGenerationPrompt
			}
			for _, tool := range spec.Tools {
				opt.Tools = append(opt.Tools, tool)
			}
			got, err := tpl.Render(spec.Messages, opt)
			if want.check(t, key+"/"+c, got, err) {
				rendered++
			}
		}
		if rendered == 0 {
			t.Errorf("%s: no case rendered", key)
		}
	}
}
