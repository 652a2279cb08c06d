package chattemplate

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
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
		Cases  map[string]struct {
			Rendered *string `json:"rendered"`
			Error    string  `json:"error"`
		} `json:"cases"`
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
			var exc *ExceptionError
			switch {
			case want.Rendered == nil && errors.As(err, &exc) && exc.Message == want.Error:
			case want.Rendered == nil && err != nil && !errors.As(err, &exc) && strings.Contains(err.Error(), want.Error):
				// jinja2 failed with a Python TypeError, not raise_exception; we fail with the same words.
			case want.Rendered == nil && want.Error == "maximum recursion depth exceeded" && errors.Is(err, ErrLimit):
				// Python's RecursionError (Hermes 2 Pro's template recurses forever on a type list); our depth limit.
			case want.Rendered == nil:
				t.Errorf("%s/%s: jinja2 refuses (%s); we give %q, %v", key, c, want.Error, got, err)
			case err != nil:
				t.Errorf("%s/%s: %v", key, c, err)
			case got != *want.Rendered:
				t.Errorf("%s/%s: our engine renders\n%q\njinja2\n%q", key, c, got, *want.Rendered)
			default:
				rendered++
			}
		}
		if rendered == 0 {
			t.Errorf("%s: no case rendered", key)
		}
	}
}
