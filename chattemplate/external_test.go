package chattemplate

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The built-in templates checked against references written by others
// (testdata/external/README.md): LlamaEdge's chat-prompts crate, whose
// template names GaiaNet's presets use, and each family's official Jinja
// chat template rendered by Python jinja2. Every difference is listed in
// testdata/external/differences.json as an edit from the reference's text
// to ours; these tests apply the edits and require equality, and fail when
// a listed difference no longer occurs.

type externalConversations struct {
	Tokens map[string]struct{ BOS, EOS string } `json:"tokens"`
	Cases  map[string]externalCase              `json:"cases"`
}

// externalCase is one conversation of conversations.json.
type externalCase struct {
	Messages            []Message         `json:"messages"`
	AddGenerationPrompt *bool             `json:"add_generation_prompt"` // default true
	Tools               []json.RawMessage `json:"tools"`                 // raw: keeps the written key order
	Templates           []string          `json:"templates"`             // default: every built-in
	References          []string          `json:"references"`            // default: llamaedge and official
}

// checked reports whether the case applies to the built-in name and is
// compared with reference.
func (c externalCase) checked(name, reference string) bool {
	return (c.Templates == nil || slices.Contains(c.Templates, name)) &&
		(c.References == nil || slices.Contains(c.References, reference))
}

type difference struct {
	Reference string `json:"reference"` // "llamaedge" or "official"
	Template  string `json:"template"`
	Case      string `json:"case"` // empty: every case
	ID        string `json:"id"`
	// Kind is "replace" (every occurrence of From by To), "suffix" (the
	// text ends with From, replaced by To), "error" (the reference refuses
	// with message From what we render on purpose) or "refused" (we refuse
	// with message From what the reference renders).
	Kind string `json:"kind"`
	From string `json:"from"`
	To   string `json:"to"`
}

func readExternal(t *testing.T, name string, v any) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "external", name))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// renderExternal renders builtin name on a conversation of
// conversations.json.
func renderExternal(t *testing.T, conv externalConversations, name, c string) (string, error) {
	t.Helper()
	tpl, ok := Lookup(name)
	if !ok {
		t.Fatalf("no built-in template %q", name)
	}
	tok, ok := conv.Tokens[name]
	if !ok {
		t.Fatalf("conversations.json has no tokens for %q", name)
	}
	spec := conv.Cases[c]
	opt := Options{AddGenerationPrompt: true, BOSToken: tok.BOS, EOSToken: tok.EOS}
	if spec.AddGenerationPrompt != nil {
		opt.AddGenerationPrompt = *spec.AddGenerationPrompt
	}
	for _, tool := range spec.Tools {
		opt.Tools = append(opt.Tools, tool)
	}
	return tpl.Render(spec.Messages, opt)
}

// findDifference returns the index of the difference of kind listed for
// (reference, name, c) whose message is msg, or -1.
func findDifference(diffs []difference, reference, kind, name, c, msg string) int {
	return slices.IndexFunc(diffs, func(d difference) bool {
		return d.Reference == reference && d.Kind == kind && d.Template == name && d.Case == c && d.From == msg
	})
}

// applyDifferences edits ref, the reference's text for (name, c), into what
// the built-in template should produce, and counts each difference used.
func applyDifferences(t *testing.T, diffs []difference, reference, name, c, ref string, used map[int]int) string {
	t.Helper()
	for i, d := range diffs {
		if d.Reference != reference || d.Template != name || (d.Case != "" && d.Case != c) || d.Kind == "error" || d.Kind == "refused" {
			continue
		}
		switch d.Kind {
		case "replace":
			if strings.Contains(ref, d.From) {
				ref = strings.ReplaceAll(ref, d.From, d.To)
				used[i]++
			}
		case "suffix":
			if s, ok := strings.CutSuffix(ref, d.From); ok {
				ref = s + d.To
				used[i]++
			}
		default:
			t.Fatalf("difference %d: unknown kind %q", i, d.Kind)
		}
	}
	return ref
}

func checkUsed(t *testing.T, diffs []difference, reference string, used map[int]int) {
	t.Helper()
	for i, d := range diffs {
		if d.Reference == reference && used[i] == 0 {
			t.Errorf("difference %s/%s %q (%s %q) no longer occurs: remove it from differences.json and the README", d.Reference, d.Template, d.ID, d.Kind, d.From)
		}
	}
}

func TestBuiltinsMatchLlamaEdge(t *testing.T) {
	var conv externalConversations
	var le struct {
		Source    string                       `json:"source"`
		Templates map[string]map[string]string `json:"templates"`
	}
	var diffs struct{ Differences []difference }
	readExternal(t, "conversations.json", &conv)
	readExternal(t, "llamaedge.json", &le)
	readExternal(t, "differences.json", &diffs)
	if got, want := slices.Sorted(maps.Keys(le.Templates)), Names(); !slices.Equal(got, want) {
		t.Fatalf("llamaedge.json covers %v, built-ins are %v", got, want)
	}
	used := map[int]int{}
	for _, name := range Names() {
		for c, spec := range conv.Cases {
			if !spec.checked(name, "llamaedge") {
				continue
			}
			t.Run(name+"/"+c, func(t *testing.T) {
				ref, ok := le.Templates[name][c]
				if !ok {
					t.Fatalf("llamaedge.json has no %s/%s", name, c)
				}
				got, err := renderExternal(t, conv, name, c)
				var exc *ExceptionError
				if errors.As(err, &exc) {
					i := findDifference(diffs.Differences, "llamaedge", "refused", name, c, exc.Message)
					if i < 0 {
						t.Fatalf("we refuse (%v) what LlamaEdge renders as %q, and no difference says why", err, ref)
					}
					used[i]++
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				if want := applyDifferences(t, diffs.Differences, "llamaedge", name, c, ref, used); got != want {
					t.Errorf("differs from LlamaEdge (%s) beyond the listed differences:\ngot  %q\nwant %q\nLlamaEdge %q", le.Source, got, want, ref)
				}
			})
		}
	}
	checkUsed(t, diffs.Differences, "llamaedge", used)
}

func TestBuiltinsMatchOfficialJinja(t *testing.T) {
	var conv externalConversations
	var official map[string]struct {
		Source string `json:"source"`
		Cases  map[string]struct {
			Rendered *string `json:"rendered"`
			Error    string  `json:"error"`
		} `json:"cases"`
	}
	var diffs struct{ Differences []difference }
	readExternal(t, "conversations.json", &conv)
	readExternal(t, "official.json", &official)
	readExternal(t, "differences.json", &diffs)
	if got, want := slices.Sorted(maps.Keys(official)), Names(); !slices.Equal(got, want) {
		t.Fatalf("official.json covers %v, built-ins are %v", got, want)
	}
	used := map[int]int{}
	for _, name := range Names() {
		for c, spec := range conv.Cases {
			if !spec.checked(name, "official") {
				continue
			}
			t.Run(name+"/"+c, func(t *testing.T) {
				ref, ok := official[name].Cases[c]
				if !ok {
					t.Fatalf("official.json has no %s/%s (rerun gen_official.py)", name, c)
				}
				got, err := renderExternal(t, conv, name, c)
				var exc *ExceptionError
				if ref.Rendered == nil && errors.As(err, &exc) {
					// Both refuse the conversation, for the same reason.
					if exc.Message != ref.Error {
						t.Fatalf("we refuse with %q, the official template with %q", exc.Message, ref.Error)
					}
					return
				}
				if ref.Rendered == nil {
					// The official template refuses this conversation; ours
					// must be listed as accepting it on purpose.
					i := findDifference(diffs.Differences, "official", "error", name, c, ref.Error)
					if i < 0 {
						t.Fatalf("the official template (%s) refuses: %s; ours rendered %q, err %v, and no difference says why", official[name].Source, ref.Error, got, err)
					}
					used[i]++
					if err != nil {
						t.Fatalf("listed as rendered on purpose, but: %v", err)
					}
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				if want := applyDifferences(t, diffs.Differences, "official", name, c, *ref.Rendered, used); got != want {
					t.Errorf("differs from the official template (%s):\ngot  %q\nwant %q", official[name].Source, got, want)
				}
			})
		}
	}
	checkUsed(t, diffs.Differences, "official", used)
}

// TestDifferencesDocumented checks that every difference id is explained in
// testdata/external/README.md.
func TestDifferencesDocumented(t *testing.T) {
	var diffs struct{ Differences []difference }
	readExternal(t, "differences.json", &diffs)
	readme, err := os.ReadFile(filepath.Join("testdata", "external", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diffs.Differences {
		row := fmt.Sprintf("| %s | `%s` |", d.Template, d.ID)
		if !strings.Contains(string(readme), row) {
			t.Errorf("README.md has no row starting %q", row)
		}
	}
}
