package ingest

import (
	"context"
	"errors"
	"os"
	"reflect"
	"testing"
)

func TestParseText(t *testing.T) {
	p := func(s string) Block { return Block{Kind: Paragraph, Text: s} }
	tests := []struct {
		name string
		in   string
		want []Section
	}{
		{"empty", "", nil},
		{"whitespace", " \n\t\n", nil},
		{"paragraphs", "a\nb  \n\n\n  c\n", []Section{{Blocks: []Block{p("a\nb"), p("c")}}}},
		{"crlf, bom, controls", "\uFEFFa\r\n\r\nb\x00\x07c\rd", []Section{{Blocks: []Block{p("a"), p("bc\nd")}}}},
		{"invalid utf8", "ok \xff\xfe", []Section{{Blocks: []Block{p("ok \uFFFD")}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ParseText(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseText(%q) = %#v, want %#v", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseDispatch(t *testing.T) {
	ctx := context.Background()
	for _, f := range []struct {
		file   string
		format Format
	}{{"sample.txt", FormatText}, {"sample.md", FormatMarkdown}, {"sample.csv", FormatCSV}, {"sample.html", FormatHTML}, {"sample.pdf", FormatPDF}} {
		data, err := os.ReadFile("testdata/" + f.file)
		if err != nil {
			t.Fatal(err)
		}
		if got, ok := FormatForPath(f.file); !ok || got != f.format {
			t.Errorf("FormatForPath(%s) = %q, %v", f.file, got, ok)
		}
		secs, err := Parse(ctx, f.format, data, "")
		if err != nil || len(secs) == 0 {
			t.Errorf("Parse(%s) = %d sections, %v", f.file, len(secs), err)
		}
	}
	if _, err := Parse(ctx, "docx", []byte("x"), ""); !errors.Is(err, ErrUnsupported) {
		t.Errorf("Parse(docx) error = %v", err)
	}
	if _, err := Parse(ctx, FormatMarkdown, []byte("# only a heading"), ""); !errors.Is(err, ErrNoText) {
		t.Errorf("Parse(heading only) error = %v", err)
	}
	utf16 := []byte{0xFF, 0xFE, 'h', 0, 'i', 0, '\n', 0, 0x2F, 0x00 /* "/" */, 0xE9, 0x00 /* é */}
	if secs, err := Parse(ctx, FormatText, utf16, ""); err != nil || secs[0].Blocks[0].Text != "hi\n/é" {
		t.Errorf("Parse(utf-16le text) = %#v, %v", secs, err)
	}
	secs, err := Parse(ctx, FormatText, []byte("caf\xe9"), "text/plain; charset=windows-1252")
	if err != nil || secs[0].Blocks[0].Text != "café" {
		t.Errorf("Parse(latin1 text) = %#v, %v", secs, err)
	}
}
