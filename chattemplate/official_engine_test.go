package chattemplate

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestOfficialTemplatesOwnEngine renders official templates of
// testdata/external/official with this package's Jinja engine and requires
// the text (or the refusal) that Python jinja2 gave for them
// (official.json), so that the reference the built-ins are checked against
// does not rest on one engine. The templates are those of Llama 4
// (transformers' converter), DeepSeek's V2.5/V3 family (R1 form) and EXAONE
// 3.5 (its GGUF); testdata/external/README.md says where each comes from.
func TestOfficialTemplatesOwnEngine(t *testing.T) {
	var conv externalConversations
	var official map[string]struct {
		Cases map[string]struct {
			Rendered *string `json:"rendered"`
			Error    string  `json:"error"`
		} `json:"cases"`
	}
	readExternal(t, "conversations.json", &conv)
	readExternal(t, "official.json", &official)
	for _, name := range []string{"llama-4-chat", "deepseek-chat-25", "exaone-chat"} {
		src, err := os.ReadFile(filepath.Join("testdata", "external", "official", name+".jinja"))
		if err != nil {
			t.Fatal(err)
		}
		tpl, err := Parse(string(src))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		n := 0
		for c, spec := range conv.Cases {
			if !spec.checked(name, "official") {
				continue
			}
			ref, ok := official[name].Cases[c]
			if !ok {
				t.Fatalf("official.json has no %s/%s", name, c)
			}
			n++
			tok := conv.Tokens[name]
			opt := Options{AddGenerationPrompt: true, BOSToken: tok.BOS, EOSToken: tok.EOS}
			if spec.AddGenerationPrompt != nil {
				opt.AddGenerationPrompt = *spec.AddGenerationPrompt
			}
			got, err := tpl.Render(spec.Messages, opt)
			var exc *ExceptionError
			switch {
			case ref.Rendered == nil && errors.As(err, &exc) && exc.Message == ref.Error:
			case ref.Rendered == nil:
				t.Errorf("%s/%s: jinja2 refuses (%s); we give %q, %v", name, c, ref.Error, got, err)
			case err != nil:
				t.Errorf("%s/%s: %v", name, c, err)
			case got != *ref.Rendered:
				t.Errorf("%s/%s: our engine renders the official template as\n%q\njinja2 as\n%q", name, c, got, *ref.Rendered)
			}
		}
		if n < 5 {
			t.Errorf("%s: only %d cases", name, n)
		}
	}
}
