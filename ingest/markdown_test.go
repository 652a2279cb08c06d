package ingest

import (
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseMarkdownSample(t *testing.T) {
	data, err := os.ReadFile("testdata/sample.md")
	if err != nil {
		t.Fatal(err)
	}
	got := ParseMarkdown(string(data))
	want := []Section{
		{Heading: "", Blocks: []Block{{Kind: Paragraph, Text: "Intro text before any heading."}}},
		{Heading: "# Guide", Blocks: []Block{
			{Kind: Paragraph, Text: "# Guide"},
			{Kind: Paragraph, Text: "Welcome to the node guide."},
		}},
		{Heading: "# Guide > ## Install", Blocks: []Block{
			{Kind: Paragraph, Text: "## Install"},
			{Kind: Paragraph, Text: "Download the binary and run the installer. It checks your hardware first."},
			{Kind: Code, Text: "```bash\n# this is a comment, not a heading\ngaianet init\ngaianet start\n```"},
		}},
		{Heading: "# Guide > ## Install > ### Linux", Blocks: []Block{
			{Kind: Paragraph, Text: "### Linux"},
			{Kind: Paragraph, Text: "Use the tarball."},
		}},
		{Heading: "# Guide > ## Usage", Blocks: []Block{
			{Kind: Paragraph, Text: "## Usage"},
			{Kind: Paragraph, Text: "Run `gaianet start` to serve."},
		}},
		{Heading: "# Guide > ## Setext Heading", Blocks: []Block{
			{Kind: Paragraph, Text: "Setext Heading\n--------------"},
			{Kind: Paragraph, Text: "Text under a setext heading."},
		}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ParseMarkdown(sample.md) =\n%#v\nwant\n%#v", got, want)
	}
}

func TestParseMarkdown(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Section
	}{
		{"empty", "", nil},
		{"blank lines only", "\n\n  \n", nil},
		{"heading only dropped", "# A\n## B\n", nil},
		{"closing hashes and indent", "   ## Title ##\nbody", []Section{{Heading: "## Title", Blocks: []Block{
			{Kind: Paragraph, Text: "## Title ##"}, {Kind: Paragraph, Text: "body"}}}}},
		{"hash without space is text", "#hashtag\n#5", []Section{{Blocks: []Block{{Kind: Paragraph, Text: "#hashtag\n#5"}}}}},
		{"seven hashes is text", "####### x", []Section{{Blocks: []Block{{Kind: Paragraph, Text: "####### x"}}}}},
		{"deeper level reset", "# A\n### C\nc\n## B\nb", []Section{
			{Heading: "# A > ### C", Blocks: []Block{{Kind: Paragraph, Text: "### C"}, {Kind: Paragraph, Text: "c"}}},
			{Heading: "# A > ## B", Blocks: []Block{{Kind: Paragraph, Text: "## B"}, {Kind: Paragraph, Text: "b"}}},
		}},
		{"unclosed fence runs to end", "text\n~~~\n# not heading\n\n\nmore", []Section{{Blocks: []Block{
			{Kind: Paragraph, Text: "text"},
			{Kind: Code, Text: "~~~\n# not heading\n\n\nmore"},
		}}}},
		{"shorter fence does not close", "````\n```\nstill code\n````\nafter", []Section{{Blocks: []Block{
			{Kind: Code, Text: "````\n```\nstill code\n````"},
			{Kind: Paragraph, Text: "after"},
		}}}},
		{"other fence char does not close", "```\n~~~\n```", []Section{{Blocks: []Block{
			{Kind: Code, Text: "```\n~~~\n```"},
		}}}},
		{"indented fence in list", "- item\n\n    ```go\n    x := 1\n\n    y := 2\n    ```\n", []Section{{Blocks: []Block{
			{Kind: Paragraph, Text: "- item"},
			{Kind: Code, Text: "    ```go\n    x := 1\n\n    y := 2\n    ```"},
		}}}},
		{"inline backticks are not a fence", "```not a fence``` text", []Section{{Blocks: []Block{
			{Kind: Paragraph, Text: "```not a fence``` text"}}}}},
		{"thematic break splits paragraphs", "a\n\n* * *\nb", []Section{{Blocks: []Block{
			{Kind: Paragraph, Text: "a"}, {Kind: Paragraph, Text: "b"}}}}},
		{"setext h1", "Title\n=====\nx", []Section{{Heading: "# Title", Blocks: []Block{
			{Kind: Paragraph, Text: "Title\n====="}, {Kind: Paragraph, Text: "x"}}}}},
		{"crlf and bom", "\uFEFF# T\r\nline\r\n", []Section{{Heading: "# T", Blocks: []Block{
			{Kind: Paragraph, Text: "# T"}, {Kind: Paragraph, Text: "line"}}}}},
		{"unterminated front matter kept", "---\nnot: closed\n", []Section{{Blocks: []Block{
			{Kind: Paragraph, Text: "not: closed"}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ParseMarkdown(tt.in)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseMarkdown(%q) =\n%#v\nwant\n%#v", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzParseMarkdown(f *testing.F) {
	if data, err := os.ReadFile("testdata/sample.md"); err == nil {
		f.Add(string(data))
	}
	f.Add("# a\n```\n# b\n```\n## c\n~~~~\n")
	f.Add("x\n===\n---\n***\n\r\n\x00\xff")
	f.Fuzz(func(t *testing.T, in string) {
		secs := ParseMarkdown(in)
		for _, s := range secs {
			if len(s.Blocks) == 0 {
				t.Fatal("empty section")
			}
			if !utf8.ValidString(s.Heading) {
				t.Fatal("invalid UTF-8 heading")
			}
			for _, b := range s.Blocks {
				if strings.TrimSpace(b.Text) == "" || !utf8.ValidString(b.Text) {
					t.Fatalf("bad block %q", b.Text)
				}
			}
		}
		// Every fence opened in the output is whole: chunking with a tiny
		// size must keep each code block in one chunk.
		c := Chunker{Counter: wordCounter{}, Size: 3, Overlap: 1}
		chunks, err := c.Chunk(t.Context(), "fuzz.md", secs)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range secs {
			for _, b := range s.Blocks {
				if b.Kind != Code {
					continue
				}
				found := false
				for _, ch := range chunks {
					if strings.Contains(ch.Text, strings.TrimSpace(b.Text)) {
						found = true
						break
					}
				}
				if !found {
					t.Fatalf("code block %q split across chunks", b.Text)
				}
			}
		}
	})
}
