package ingest

import (
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func rec(text, embed string) Section {
	return Section{Blocks: []Block{{Kind: Record, Text: text, EmbedText: embed}}}
}

func TestParseCSVSample(t *testing.T) {
	data, err := os.ReadFile("testdata/sample.csv")
	if err != nil {
		t.Fatal(err)
	}
	got, err := ParseCSV(string(data), CSVGaiaNet)
	if err != nil {
		t.Fatal(err)
	}
	want := []Section{
		rec("What is GaiaNet?", "GaiaNet question"),
		rec("GaiaNet is a network of AI agent nodes, each with its own knowledge base.", "What is a GaiaNet node, in one line?"),
		rec("Single column row", ""),
		rec("A field with \"quotes\" and a\nnewline inside", "embedded text two"),
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ParseCSV(sample.csv) =\n%#v\nwant\n%#v", got, want)
	}
}

func TestParseCSVGaiaNet(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Section
	}{
		{"empty", "", nil},
		{"first row is data, not header", "text,embed\nrow,x\n", []Section{rec("text", "embed"), rec("row", "x")}},
		{"ragged rows and extra columns", "a\nb,c,d,e\n", []Section{rec("a", ""), rec("b", "c")}},
		{"blank second column", "a, \n", []Section{rec("a", "")}},
		{"same second column", "a,a\n", []Section{rec("a", "")}},
		{"crlf", "a,b\r\nc,d\r\n", []Section{rec("a", "b"), rec("c", "d")}},
		{"no trailing newline", "a,b", []Section{rec("a", "b")}},
		{"bom", "\uFEFF\"q\",e", []Section{rec("q", "e")}},
		{"stray quote kept", `ab"c,d`, []Section{rec(`ab"c`, "d")}},
		{"blank lines skipped", "\n\na\n\n", []Section{rec("a", "")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseCSV(tt.in, CSVGaiaNet)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseCSV(%q) =\n%#v\nwant\n%#v", tt.in, got, tt.want)
			}
		})
	}
}

// TestParseCSVTable checks the default mode: a header row names the
// columns and every column of every row is kept.
func TestParseCSVTable(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Section
	}{
		{"empty", "", nil},
		{"every column kept", "name,price,stock,notes\nwidget,3.50,12,blue\n",
			[]Section{rec("name: widget\nprice: 3.50\nstock: 12\nnotes: blue", "")}},
		{"blank cells left out", "a,b,c\n1,,3\n", []Section{rec("a: 1\nc: 3", "")}},
		{"cells beyond the header", "a\n1,2\n", []Section{rec("a: 1\ncolumn 2: 2", "")}},
		{"blank header name", "a,,c\n1,2,3\n", []Section{rec("a: 1\ncolumn 2: 2\nc: 3", "")}},
		{"header spaces folded", " first  name ,x\nAda,1\n", []Section{rec("first name: Ada\nx: 1", "")}},
		{"blank rows skipped", "\n,,\na,b\n,\n1,2\n\n", []Section{rec("a: 1\nb: 2", "")}},
		{"multi-line value", "q,a\n\"why\",\"line 1\nline 2\"\n", []Section{rec("q: why\na: line 1\nline 2", "")}},
		{"header only kept", "just,one,row\n", []Section{rec("column 1: just\ncolumn 2: one\ncolumn 3: row", "")}},
		{"bom and crlf", "\uFEFFk,v\r\n1,2\r\n", []Section{rec("k: 1\nv: 2", "")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseCSV(tt.in, CSVTable)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseCSV(%q) =\n%#v\nwant\n%#v", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseCSVMode(t *testing.T) {
	for in, want := range map[string]CSVMode{"": CSVTable, "table": CSVTable, "GaiaNet": CSVGaiaNet, "two-column": CSVGaiaNet} {
		if got, err := ParseCSVMode(in); err != nil || got != want {
			t.Errorf("ParseCSVMode(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := ParseCSVMode("columns"); err == nil {
		t.Error("ParseCSVMode accepted an unknown mode")
	}
}

func TestParseCSVUnterminatedQuote(t *testing.T) {
	// Lenient like GaiaNet: an unterminated quoted field runs to the end.
	got, err := ParseCSV("a,b\n\"unterminated,field\nmore", CSVGaiaNet)
	if err != nil {
		t.Fatal(err)
	}
	want := []Section{rec("a", "b"), rec("unterminated,field\nmore", "")}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ParseCSV = %#v, want %#v", got, want)
	}
}

func FuzzParseCSV(f *testing.F) {
	if data, err := os.ReadFile("testdata/sample.csv"); err == nil {
		f.Add(string(data))
	}
	f.Add("a,\"b\"\"c\"\n\"x\ny\",z")
	f.Add("\"\n\"\",,,\r\r\n\xff\x00")
	f.Fuzz(func(t *testing.T, in string) {
		for _, mode := range []CSVMode{CSVTable, CSVGaiaNet} {
			fuzzCSV(t, in, mode)
		}
	})
}

func fuzzCSV(t *testing.T, in string, mode CSVMode) {
	{
		secs, err := ParseCSV(in, mode)
		if err != nil {
			return
		}
		for _, s := range secs {
			if len(s.Blocks) != 1 || s.Blocks[0].Kind != Record {
				t.Fatalf("section %+v is not one record", s)
			}
			b := s.Blocks[0]
			if strings.TrimSpace(b.Text) == "" || !utf8.ValidString(b.Text) || !utf8.ValidString(b.EmbedText) {
				t.Fatalf("bad record %q / %q", b.Text, b.EmbedText)
			}
		}
		chunks, err := Chunker{Counter: wordCounter{}, Size: 2}.Chunk(t.Context(), "f.csv", secs)
		if err != nil {
			t.Fatal(err)
		}
		if len(chunks) != len(secs) {
			t.Fatalf("%d records gave %d chunks", len(secs), len(chunks))
		}
	}
}
