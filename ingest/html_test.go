package ingest

import (
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseHTMLSample(t *testing.T) {
	data, err := os.ReadFile("testdata/sample.html")
	if err != nil {
		t.Fatal(err)
	}
	got, err := ParseHTML(data, "")
	if err != nil {
		t.Fatal(err)
	}
	want := []Section{
		{Heading: "# Node Docs", Blocks: []Block{
			{Kind: Paragraph, Text: "Node Docs"},
			{Kind: Paragraph, Text: "A GaiaNet node serves a model and a knowledge base."},
		}},
		{Heading: "# Node Docs > ## Install", Blocks: []Block{
			{Kind: Paragraph, Text: "Install"},
			{Kind: Paragraph, Text: "Steps to install:"},
			{Kind: Paragraph, Text: "- Download the installer\n- Run it"},
			{Kind: Code, Text: "gaianet init\n  gaianet start"},
		}},
		{Heading: "# Node Docs > ## Empty > ### Details", Blocks: []Block{
			{Kind: Paragraph, Text: "Details"},
			{Kind: Paragraph, Text: "Details paragraph.\nSecond line."},
		}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ParseHTML(sample.html) =\n%#v\nwant\n%#v", got, want)
	}
	all := ""
	for _, s := range got {
		for _, b := range s.Blocks {
			all += b.Text + "\n"
		}
	}
	for _, junk := range []string{"tracking", "color", "Menu item", "banner", "sidebar", "footer", "Hidden", "Node Docs</title>"} {
		if strings.Contains(all, junk) {
			t.Errorf("extracted text contains %q", junk)
		}
	}
}

func TestParseHTML(t *testing.T) {
	p := func(s string) Block { return Block{Kind: Paragraph, Text: s} }
	tests := []struct {
		name        string
		in          string
		contentType string
		want        []Section
	}{
		{"empty", "", "", nil},
		{"fragment text", "hello <i>world</i>", "", []Section{{Blocks: []Block{p("hello world")}}}},
		{"main only", "<div>outside</div><main><p>inside</p></main>", "", []Section{{Blocks: []Block{p("inside")}}}},
		{"two mains read whole body", "<main>a</main><main>b</main>", "", []Section{{Blocks: []Block{p("a"), p("b")}}}},
		{"roles dropped", `<div role="navigation">nav</div><div role=search>s</div><p>x</p>`, "", []Section{{Blocks: []Block{p("x")}}}},
		{"display none dropped", `<p style="display: none">no</p><p>yes</p>`, "", []Section{{Blocks: []Block{p("yes")}}}},
		{"nested lists", "<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>", "", []Section{{Blocks: []Block{p("- a\n  - b\n- c")}}}},
		{"table cells spaced", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "", []Section{{Blocks: []Block{p("a b"), p("c")}}}},
		{"entities decoded", "<p>a &amp; b &lt;c&gt; &nbsp;d</p>", "", []Section{{Blocks: []Block{p("a & b <c> d")}}}},
		{"latin1 from header", "<p>caf\xe9</p>", "text/html; charset=iso-8859-1", []Section{{Blocks: []Block{p("café")}}}},
		{"latin1 from meta", `<meta charset="windows-1252"><p>caf` + "\xe9</p>", "", []Section{{Blocks: []Block{p("café")}}}},
		{"heading with inline markup", "<h2>The <em>big</em> one</h2><p>t</p>", "", []Section{{Heading: "## The big one", Blocks: []Block{p("The big one"), p("t")}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseHTML([]byte(tt.in), tt.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseHTML(%q) =\n%#v\nwant\n%#v", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseHTMLDeepNesting(t *testing.T) {
	in := strings.Repeat("<div><span>", 20000) + "deep" + strings.Repeat("</span></div>", 20000)
	// x/net/html refuses more than 512 open elements: an error, not a
	// crash.
	if _, err := ParseHTML([]byte(in), ""); err == nil || !strings.HasPrefix(err.Error(), "ingest: html:") {
		t.Fatalf("ParseHTML(deep) error = %v", err)
	}
	shallow := strings.Repeat("<div>", 100) + "ok" + strings.Repeat("</div>", 100)
	if secs, err := ParseHTML([]byte(shallow), ""); err != nil || len(secs) != 1 {
		t.Errorf("ParseHTML(100 divs) = %#v, %v", secs, err)
	}
}

func FuzzParseHTML(f *testing.F) {
	if data, err := os.ReadFile("testdata/sample.html"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("<h1>a<h2>b</h1><pre>x</pre><ul><li><ul><li>y"))
	f.Add([]byte("<meta charset=shift_jis><p>\x82\xa0</p><script>"))
	f.Fuzz(func(t *testing.T, in []byte) {
		secs, err := ParseHTML(in, "")
		if err != nil {
			return
		}
		for _, s := range secs {
			if len(s.Blocks) == 0 || !utf8.ValidString(s.Heading) {
				t.Fatalf("bad section %+v", s)
			}
			for _, b := range s.Blocks {
				if strings.TrimSpace(b.Text) == "" || !utf8.ValidString(b.Text) {
					t.Fatalf("bad block %q", b.Text)
				}
			}
		}
	})
}
