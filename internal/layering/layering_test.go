package layering

import (
	"bytes"
	"encoding/json"
	"errors"
	"go/parser"
	"go/token"
	"io"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/internal/sharedtest"
)

const module = "github.com/gaianet-go/gaianet"

// pkg is what go list reports of a package.
type pkg struct {
	ImportPath string
	Name       string
	Dir        string
	GoFiles    []string
	Imports    []string
	Deps       []string
}

// rules are the import rules one package's doc comment states.
type rules struct {
	nothing   bool     // imports nothing from the module
	only      []string // its direct module imports are among these
	mustNot   []string // none of its dependencies matches these
	testsOnly bool     // no non-test package depends on it
}

var (
	nothingRE   = regexp.MustCompile(`\bIt imports nothing from this module\b`)
	onlyRE      = regexp.MustCompile(`\bIt imports only ((?:[^.:]|\.\.\.)+?) from this module\b`)
	mustNotRE   = regexp.MustCompile(`\bIt must not import ((?:[^.:]|\.\.\.)+?)[.:](?:\s|$)`)
	testsOnlyRE = regexp.MustCompile(`\bIt is imported by tests only\.`)
	listSepRE   = regexp.MustCompile(`,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+`)
)

// parseRules reads the rule sentences of a package's doc text.
func parseRules(doc string) (rules, bool) {
	doc = strings.Join(strings.Fields(doc), " ")
	var r rules
	found := false
	if nothingRE.MatchString(doc) {
		r.nothing, found = true, true
	}
	if m := onlyRE.FindStringSubmatch(doc); m != nil {
		r.only, found = splitList(m[1]), true
	}
	if m := mustNotRE.FindStringSubmatch(doc); m != nil {
		r.mustNot, found = splitList(m[1]), true
	}
	if testsOnlyRE.MatchString(doc) {
		r.testsOnly, found = true, true
	}
	return r, found
}

func splitList(s string) []string {
	var out []string
	for _, p := range listSepRE.Split(s, -1) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// matches reports whether the module-relative path p is named by pattern
// (a path, or "x/..." for x and below).
func matches(pattern, p string) bool {
	if base, ok := strings.CutSuffix(pattern, "/..."); ok {
		return p == base || strings.HasPrefix(p, base+"/")
	}
	return p == pattern
}

// rel returns p relative to the module, and whether it is in the module.
func rel(p string) (string, bool) {
	if p == module {
		return ".", true
	}
	r, ok := strings.CutPrefix(p, module+"/")
	return r, ok
}

func own(paths []string) []string {
	var out []string
	for _, p := range paths {
		if r, ok := rel(p); ok {
			out = append(out, r)
		}
	}
	return out
}

// packageDoc returns the doc comments of a package's files, joined.
func packageDoc(t *testing.T, p pkg) string {
	t.Helper()
	var docs []string
	fset := token.NewFileSet()
	for _, name := range p.GoFiles {
		f, err := parser.ParseFile(fset, filepath.Join(p.Dir, name), nil, parser.PackageClauseOnly|parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		if f.Doc == nil {
			continue
		}
		for line := range strings.Lines(f.Doc.Text()) {
			if !strings.HasPrefix(line, "\t") { // not a code block
				docs = append(docs, line)
			}
		}
	}
	return strings.Join(docs, "")
}

func listPackages(t *testing.T) []pkg {
	t.Helper()
	goBin := sharedtest.Tool(t, "go", "golang-go")
	cmd := exec.Command(goBin, "list", "-e", "-json=ImportPath,Name,Dir,GoFiles,Imports,Deps", module+"/...")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.Bytes())
	}
	var pkgs []pkg
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p pkg
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
	if len(pkgs) < 20 {
		t.Fatalf("go list found only %d packages", len(pkgs))
	}
	return pkgs
}

// TestImportRules checks every package of the module against the import
// rule its doc comment states.
func TestImportRules(t *testing.T) {
	pkgs := listPackages(t)
	var paths []string
	for _, p := range pkgs {
		r, _ := rel(p.ImportPath)
		paths = append(paths, r)
	}
	known := func(pattern string) bool {
		return slices.ContainsFunc(paths, func(p string) bool { return matches(pattern, p) })
	}
	for _, p := range pkgs {
		name, _ := rel(p.ImportPath)
		// Commands sit on top of everything; packages with no Go files
		// for this platform (wasip1 only) cannot be listed.
		if p.Name == "main" || len(p.GoFiles) == 0 {
			continue
		}
		r, ok := parseRules(packageDoc(t, p))
		if !ok {
			t.Errorf("%s: its doc comment states no import rule (see package layering)", name)
			continue
		}
		imports, deps := own(p.Imports), own(p.Deps)
		if r.nothing && len(imports) > 0 {
			t.Errorf("%s imports nothing from this module, says its doc, but imports %s", name, strings.Join(imports, ", "))
		}
		for _, allowed := range r.only {
			if !known(allowed) {
				t.Errorf("%s: its rule names %q, which is no package of this module", name, allowed)
			}
		}
		if r.only != nil {
			for _, imp := range imports {
				if !slices.ContainsFunc(r.only, func(a string) bool { return matches(a, imp) }) {
					t.Errorf("%s imports only %s from this module, says its doc, but imports %s", name, strings.Join(r.only, ", "), imp)
				}
			}
		}
		for _, banned := range r.mustNot {
			if !known(banned) {
				t.Errorf("%s: its rule names %q, which is no package of this module", name, banned)
			}
			for _, d := range deps {
				if matches(banned, d) {
					t.Errorf("%s must not import %s, says its doc, but depends on %s", name, banned, d)
				}
			}
		}
		if r.testsOnly {
			for _, q := range pkgs {
				qn, _ := rel(q.ImportPath)
				if slices.Contains(own(q.Deps), name) && !testsOnlyPkg(t, q) {
					t.Errorf("%s is imported by tests only, says its doc, but %s depends on it", name, qn)
				}
			}
		}
	}
}

// testsOnlyPkg reports whether q is itself a test helper: its own rule says
// tests only.
func testsOnlyPkg(t *testing.T, q pkg) bool {
	if len(q.GoFiles) == 0 {
		return false
	}
	r, _ := parseRules(packageDoc(t, q))
	return r.testsOnly
}

// TestParseRules checks the sentence reader on the forms package
// layering documents, so that a rule cannot be silently skipped.
func TestParseRules(t *testing.T) {
	for _, tc := range []struct {
		doc  string
		want rules
		ok   bool
	}{
		{"Package x does y.\n\nIt imports nothing from this module.", rules{nothing: true}, true},
		{"It imports only gguf\nand kernels from this module.", rules{only: []string{"gguf", "kernels"}}, true},
		{"It imports only a, b and c/d from this module.", rules{only: []string{"a", "b", "c/d"}}, true},
		{"It must not import node, api or vectorstore/....", rules{mustNot: []string{"node", "api", "vectorstore/..."}}, true},
		{"It must not import node or cmd/...: it is a library.", rules{mustNot: []string{"node", "cmd/..."}}, true},
		{"It imports only egress from this module (for its rules).", rules{only: []string{"egress"}}, true},
		{"It must not import node.\nIt imports only api from this module.", rules{only: []string{"api"}, mustNot: []string{"node"}}, true},
		{"It is imported by tests only.", rules{testsOnly: true}, true},
		{"It imports things.", rules{}, false},
	} {
		got, ok := parseRules(tc.doc)
		if ok != tc.ok || got.nothing != tc.want.nothing || got.testsOnly != tc.want.testsOnly ||
			!slices.Equal(got.only, tc.want.only) || !slices.Equal(got.mustNot, tc.want.mustNot) {
			t.Errorf("%q: got %+v %v, want %+v %v", tc.doc, got, ok, tc.want, tc.ok)
		}
	}
	if !matches("vectorstore/...", "vectorstore") || !matches("vectorstore/...", "vectorstore/qdrant") || matches("vectorstore/...", "vectorstores") {
		t.Error("matches")
	}
}
