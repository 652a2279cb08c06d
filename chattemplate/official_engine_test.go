package chattemplate

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
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
		Cases map[string]jinjaResult `json:"cases"`
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
			ref.check(t, name+"/"+c, got, err)
		}
		if n < 5 {
			t.Errorf("%s: only %d cases", name, n)
		}
	}
}

// jinjaResult is what Python jinja2 gave for one rendering: the text, or
// the message of the exception it raised.
type jinjaResult struct {
	Rendered *string `json:"rendered"`
	Error    string  `json:"error"`
}

// check requires our rendering (got, err) to equal jinja2's, and reports
// whether it rendered text. A refusal matches when raise_exception's message
// is the same, when a Python TypeError's words are in our error (or, for
// str + non-str, ours says the same), or, for Python's RecursionError, when
// our nesting limit stopped the rendering.
func (r jinjaResult) check(t *testing.T, label, got string, err error) bool {
	t.Helper()
	var exc *ExceptionError
	switch {
	case r.Rendered == nil && errors.As(err, &exc) && exc.Message == r.Error:
	case r.Rendered == nil && err != nil && !errors.As(err, &exc) && strings.Contains(err.Error(), r.Error):
	case r.Rendered == nil && r.Error == "maximum recursion depth exceeded" && errors.Is(err, ErrLimit):
	case r.Rendered == nil && strings.HasPrefix(r.Error, "can only concatenate str (not") && errors.Is(err, ErrType) && strings.Contains(err.Error(), "operand types for +: 'str'"):
		// Python's TypeError for str + non-str, in our words.
	case r.Rendered == nil:
		t.Errorf("%s: jinja2 refuses (%s); we give %q, %v", label, r.Error, got, err)
	case err != nil:
		t.Errorf("%s: %v", label, err)
	case got != *r.Rendered:
		t.Errorf("%s: our engine renders\n%q\njinja2\n%q", label, got, *r.Rendered)
	default:
		return true
	}
	return false
}
