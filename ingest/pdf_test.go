package ingest

import (
	"bytes"
	"compress/zlib"
	"context"
	"encoding/ascii85"
	"errors"
	"flag"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite generated files in testdata/")

const helveticaDict = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"

// buildPDF writes a minimal, valid PDF 1.4 file: one Helvetica font with
// WinAnsiEncoding and one page per element of pages, each page showing its
// lines top to bottom.
func buildPDF(pages [][]string) []byte {
	esc := strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`)
	contents := make([]string, len(pages))
	for p, lines := range pages {
		var cs strings.Builder
		cs.WriteString("BT /F1 12 Tf 14 TL 72 720 Td\n")
		for i, l := range lines {
			if i > 0 {
				cs.WriteString("T* ")
			}
			fmt.Fprintf(&cs, "(%s) Tj\n", esc.Replace(l))
		}
		cs.WriteString("ET")
		contents[p] = cs.String()
	}
	return buildPDFRaw(helveticaDict, contents)
}

// buildPDFRaw writes a valid PDF 1.4 file with one page per content stream,
// each using fontDict as its font /F1. Object offsets in the xref table are
// exact.
func buildPDFRaw(fontDict string, contents []string) []byte {
	streams := make([]pdfStream, len(contents))
	for i, c := range contents {
		streams[i] = pdfStream{data: []byte(c)}
	}
	return buildPDFStreams(fontDict, streams)
}

// pdfStream is a page's content stream: its data as stored and the
// dictionary entries beside /Length (e.g. "/Filter /FlateDecode").
type pdfStream struct {
	dict string
	data []byte
}

// buildPDFStreams is buildPDFRaw with content streams given as stored.
func buildPDFStreams(fontDict string, contents []pdfStream) []byte {
	var b bytes.Buffer
	var offsets []int
	obj := func(body string) int {
		offsets = append(offsets, b.Len())
		n := len(offsets)
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", n, body)
		return n
	}
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	// Objects 1 (catalog), 2 (pages) and 3 (font) come first; each page
	// then takes two objects: its content stream and the page itself.
	kids := make([]string, len(contents))
	for i := range contents {
		kids[i] = fmt.Sprintf("%d 0 R", 5+2*i)
	}
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	obj(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(contents)))
	obj(fontDict)
	for _, cs := range contents {
		dict := fmt.Sprintf("/Length %d", len(cs.data))
		if cs.dict != "" {
			dict += " " + cs.dict
		}
		content := obj(fmt.Sprintf("<< %s >>\nstream\n%s\nendstream", dict, cs.data))
		obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", content))
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
	return b.Bytes()
}

func TestParsePDFLayout(t *testing.T) {
	// A font with widths, so that glyph positions are real, and a page
	// drawn the way TeX does it: no space characters, the pen moved by TJ
	// offsets and Td.
	widths := strings.TrimSpace(strings.Repeat("500 ", 95))
	font := "<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 126 /Widths [" + widths + "] >>"
	page := "BT /F1 10 Tf 72 700 Td [(Hello)-333(World)-20(!)] TJ 0 -12 Td [(Next)] TJ 30 0 Td (line) Tj 0 -36 Td (New paragraph) Tj ET"
	secs, err := ParsePDF(context.Background(), buildPDFRaw(font, []string{page}))
	if err != nil {
		t.Fatal(err)
	}
	want := []Section{{Blocks: []Block{
		{Kind: Paragraph, Text: "Hello World!\nNext line"},
		{Kind: Paragraph, Text: "New paragraph"},
	}}}
	if !reflect.DeepEqual(secs, want) {
		t.Errorf("ParsePDF = %#v, want %#v", secs, want)
	}
}

var samplePDFPages = [][]string{
	{"GaiaNet Node Guide", "A node serves a model and a knowledge base (KB)."},
	{"Page two explains the vector store.", "Price: 100% free"},
}

// corruptPDF is sample.pdf with its body garbled and its xref pointing
// nowhere, as a damaged download would be.
func corruptPDF(good []byte) []byte {
	bad := bytes.Clone(good[:len(good)/2])
	bad = append(bad, []byte("\x00\x13garbage obj << /Kids [9 0 R\nxref\n0 3\n0000099999 00000 n \ntrailer << /Root 7 0 R >>\nstartxref\n99999\n%%EOF\n")...)
	return bad
}

func TestTestdataPDFs(t *testing.T) {
	good := buildPDF(samplePDFPages)
	files := map[string][]byte{"testdata/sample.pdf": good, "testdata/corrupt.pdf": corruptPDF(good)}
	for name, want := range files {
		if *update {
			if err := os.WriteFile(name, want, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		got, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale; run go test -run TestTestdataPDFs -update", name)
		}
	}
}

func TestParsePDFSample(t *testing.T) {
	data, err := os.ReadFile("testdata/sample.pdf")
	if err != nil {
		t.Fatal(err)
	}
	got, err := ParsePDF(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	want := []Section{{Blocks: []Block{
		{Kind: Paragraph, Text: "GaiaNet Node Guide\nA node serves a model and a knowledge base (KB)."},
		{Kind: Paragraph, Text: "Page two explains the vector store.\nPrice: 100% free"},
	}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ParsePDF(sample.pdf) =\n%#v\nwant\n%#v", got, want)
	}
}

func TestParsePDFErrors(t *testing.T) {
	good := buildPDF(samplePDFPages)
	corrupt, err := os.ReadFile("testdata/corrupt.pdf")
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string][]byte{
		"empty":            nil,
		"not a pdf":        []byte("hello world, this is not a PDF at all"),
		"corrupt.pdf":      corrupt,
		"truncated":        good[:len(good)-40],
		"header only":      []byte("%PDF-1.4\n%%EOF\n"),
		"bad startxref":    bytes.Replace(good, []byte("startxref\n"), []byte("startxref\n9"), 1),
		"zero pages":       buildPDF(nil),
		"garbled contents": bytes.Replace(good, []byte("BT /F1 12 Tf"), []byte("BT /F1 Tf ]"), 1),
	}
	for name, data := range tests {
		t.Run(name, func(t *testing.T) {
			secs, err := ParsePDF(context.Background(), data)
			if err == nil {
				t.Fatalf("ParsePDF succeeded with %d sections", len(secs))
			}
			if !errors.Is(err, ErrPDF) || !strings.HasPrefix(err.Error(), "ingest: pdf") {
				t.Errorf("error %v does not wrap ErrPDF", err)
			}
		})
	}
}

func TestParsePDFCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := ParsePDF(ctx, buildPDF(samplePDFPages))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error = %v, want context.Canceled", err)
	}
}

func TestParsePDFNoText(t *testing.T) {
	secs, err := ParsePDF(context.Background(), buildPDF([][]string{{}, {"   "}}))
	if err != nil || secs != nil {
		t.Fatalf("ParsePDF(blank pages) = %v, %v; want no sections, no error", secs, err)
	}
	if _, err := Parse(context.Background(), FormatPDF, buildPDF([][]string{{}}), ""); !errors.Is(err, ErrNoText) {
		t.Errorf("Parse(blank pdf) error = %v, want ErrNoText", err)
	}
}

func FuzzParsePDF(f *testing.F) {
	good := buildPDF(samplePDFPages)
	f.Add(good)
	f.Add(corruptPDF(good))
	f.Add(buildPDF([][]string{{"x"}}))
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		secs, err := ParsePDF(ctx, data)
		if err != nil && !errors.Is(err, ErrPDF) {
			t.Fatalf("error %v does not wrap ErrPDF", err)
		}
		for _, s := range secs {
			for _, b := range s.Blocks {
				if strings.TrimSpace(b.Text) == "" {
					t.Fatal("empty block")
				}
			}
		}
	})
}

func TestParsePDFGuards(t *testing.T) {
	good := buildPDF(samplePDFPages)
	replace := func(old, new string) []byte {
		if len(old) != len(new) {
			panic("replacement must keep offsets") // test bug
		}
		if !bytes.Contains(good, []byte(old)) {
			panic("missing " + old)
		}
		return bytes.Replace(good, []byte(old), []byte(new), 1)
	}
	tests := map[string][]byte{
		// Each of these made the extractor loop forever or allocate
		// without bound before the guards.
		"cyclic page tree": replace("/Kids [5 0 R 7 0 R]", "/Kids [2 0 R 2 0 R]"),
		"cyclic parent":    bytes.Replace(replace("/Parent 2 0 R /MediaBox [0 0 612 792] /Resources", "/Parent 5 0 R /MediaBox [0 0 612 792] /Resourcez"), []byte("/Resources"), []byte("/Resourcez"), -1),
		"huge xref start":  bytes.Replace(good, []byte("xref\n0 "), []byte("xref\n9999999999 "), 1),
		"huge xref index":  append(bytes.Clone(good), "% /Index [0 1 99999999999 2]\n"...),
		"escaped index":    append(bytes.Clone(good), "/Ind#65x [99999999999 2]\n"...),
		"huge xref width":  append(bytes.Clone(good), "/W [1 99999999999 1]\n"...),
		"deep nesting":     append(bytes.Clone(good), bytes.Repeat([]byte("[<<"), maxPDFNesting)...),
	}
	for name, data := range tests {
		t.Run(name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			_, err := ParsePDF(ctx, data)
			if !errors.Is(err, ErrPDF) || errors.Is(err, context.DeadlineExceeded) {
				t.Fatalf("ParsePDF error = %v, want a guard's ErrPDF", err)
			}
		})
	}
}

// TestParsePDFRefusesStreamBombs builds PDFs whose page content is a
// deflated stream: a real page of text reads, while one that inflates
// past the bound (a few hundred kilobytes of file for 100 MiB of "(A) Tj")
// is refused before the extractor inflates and keeps it.
func TestParsePDFRefusesStreamBombs(t *testing.T) {
	deflate := func(b []byte, ascii bool) []byte {
		var z bytes.Buffer
		zw, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
		zw.Write(b)
		zw.Close()
		if !ascii {
			return z.Bytes()
		}
		var a bytes.Buffer
		aw := ascii85.NewEncoder(&a)
		aw.Write(z.Bytes())
		aw.Close()
		a.WriteString("~>")
		return a.Bytes()
	}
	page := []byte("BT /F1 12 Tf 72 720 Td (Deflated text reads.) Tj ET")
	secs, err := ParsePDF(context.Background(), buildPDFStreams(helveticaDict, []pdfStream{{dict: "/Filter /FlateDecode", data: deflate(page, false)}}))
	if err != nil || len(secs) != 1 || secs[0].Blocks[0].Text != "Deflated text reads." {
		t.Fatalf("deflated page: %v, %v", secs, err)
	}
	bomb := bytes.Repeat([]byte("(A) Tj\n"), (maxPDFStreamBytes+1<<20)/7)
	for _, tc := range []struct {
		name  string
		dict  string
		ascii bool
	}{
		{"flate", "/Filter /FlateDecode", false},
		{"escaped name", "/Filter /Fl#61teDecode", false},
		{"filter chain", "/Filter [/ASCII85Decode /FlateDecode]", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pdf := buildPDFStreams(helveticaDict, []pdfStream{{dict: tc.dict, data: deflate(bomb, tc.ascii)}})
			_, err := ParsePDF(context.Background(), pdf)
			if !errors.Is(err, ErrPDF) || !strings.Contains(err.Error(), "decompresses to more than") {
				t.Fatalf("%d-byte PDF inflating to %d bytes: %v", len(pdf), len(bomb), err)
			}
		})
	}
}
