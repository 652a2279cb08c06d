package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/ledongthuc/pdf"
)

// Limits ParsePDF applies to a (possibly hostile) PDF.
const (
	// MaxPDFPages bounds how many pages are read, whatever the file claims.
	MaxPDFPages = 10000
	// MaxPDFParseTime bounds one ParsePDF call on top of its context.
	MaxPDFParseTime = 2 * time.Minute

	maxPDFTreeDepth = 64              // page tree depth; real trees are a few levels
	maxPDFTreeNodes = 4 * MaxPDFPages // page tree nodes visited, cycles included
	maxPDFNesting   = 100000          // [ and << nesting in the raw file
	maxPDFXrefWidth = 16              // bytes per field of an xref stream (/W)
)

// ErrPDF marks a PDF that could not be read.
var ErrPDF = errors.New("ingest: pdf")

// ParsePDF extracts the text of a PDF, page by page, into one section with
// no heading. Each page's text is split into paragraphs at blank lines and a
// page break always ends a paragraph. Encrypted PDFs are not supported. A
// PDF with pages but no extractable text (scanned images) gives no sections.
//
// Malformed files give an error wrapping ErrPDF, never a panic. The text
// extractor (github.com/ledongthuc/pdf) trusts its input in places, so
// ParsePDF guards it: it first rejects files whose cross-reference tables
// name object numbers far beyond the file's size, whose objects nest
// absurdly deep (memory and stack exhaustion) or whose compressed streams
// inflate past 64 MiB each or 512 MiB in all (decompression bombs), walks the page tree and
// inherited resources itself with depth and visit bounds (cycles would
// otherwise loop forever), recovers the extractor's panics, and stops
// waiting after MaxPDFParseTime or when ctx ends. In that last case the
// extraction goroutine is abandoned and may keep running until it
// finishes: a cost paid only for hostile files.
func ParsePDF(ctx context.Context, data []byte) ([]Section, error) {
	if err := precheckPDF(data); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, MaxPDFParseTime)
	defer cancel()
	type result struct {
		secs []Section
		err  error
	}
	done := make(chan result, 1)
	go func() {
		secs, err := extractPDF(ctx, data)
		done <- result{secs, err}
	}()
	select {
	case r := <-done:
		return r.secs, r.err
	case <-ctx.Done():
		return nil, fmt.Errorf("%w: %w", ErrPDF, ctx.Err())
	}
}

func extractPDF(ctx context.Context, data []byte) (secs []Section, err error) {
	defer func() {
		if r := recover(); r != nil {
			secs, err = nil, fmt.Errorf("%w: malformed file: %v", ErrPDF, r)
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrPDF, err)
	}
	pages, err := pdfPages(r.Trailer().Key("Root").Key("Pages"))
	if err != nil {
		return nil, err
	}
	if len(pages) == 0 {
		return nil, fmt.Errorf("%w: no pages", ErrPDF)
	}
	var blocks []Block
	for i, page := range pages {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("%w: page %d: %w", ErrPDF, i+1, err)
		}
		// The extractor looks fonts up through the page's /Parent chain
		// without a bound; pdfInherited checks first that the walk ends.
		if _, err := pdfInherited(page, "Resources"); err != nil {
			return nil, err
		}
		text := layoutPDFText(pdf.Page{V: page}.Content().Text)
		blocks = append(blocks, paragraphs(cleanText(strings.ReplaceAll(text, "\u00a0", " ")))...)
	}
	if len(blocks) == 0 {
		return nil, nil
	}
	return []Section{{Blocks: blocks}}, nil
}

// layoutPDFText turns positioned glyphs, in content order, into text. PDF
// producers often draw no space characters (TeX moves the pen instead), so
// spaces and line breaks are inferred from positions: a vertical move of
// more than about half the font size starts a line, one of nearly two lines
// or more starts a paragraph (a blank line), and a horizontal gap wider than
// a thin space, or a move back to the left, is a space.
func layoutPDFText(glyphs []pdf.Text) string {
	var b strings.Builder
	var prev pdf.Text
	have := false
	for _, g := range glyphs {
		if g.S == "" || g.S == "\n" { // the extractor marks each TJ end with "\n"
			continue
		}
		if have {
			size := max(math.Abs(prev.FontSize), math.Abs(g.FontSize), 1)
			dy := prev.Y - g.Y
			gap := g.X - (prev.X + prev.W)
			switch {
			case math.Abs(dy) > 0.6*size:
				if dy > 1.9*size || dy < 0 {
					b.WriteString("\n\n")
				} else {
					b.WriteString("\n")
				}
			case (gap > 0.15*size || g.X < prev.X-size) && prev.S != " " && g.S != " ":
				b.WriteString(" ")
			}
		}
		b.WriteString(g.S)
		prev, have = g, true
	}
	return b.String()
}

// pdfPages returns the leaves of a page tree in order, at most MaxPDFPages.
// A node with /Kids is an inner node whatever its /Type says; any other
// dictionary is a page.
func pdfPages(root pdf.Value) ([]pdf.Value, error) {
	var out []pdf.Value
	visits := 0
	var walk func(n pdf.Value, depth int) error
	walk = func(n pdf.Value, depth int) error {
		visits++
		if visits > maxPDFTreeNodes {
			return fmt.Errorf("%w: page tree has over %d nodes", ErrPDF, maxPDFTreeNodes)
		}
		if depth > maxPDFTreeDepth {
			return fmt.Errorf("%w: page tree deeper than %d (cyclic?)", ErrPDF, maxPDFTreeDepth)
		}
		if n.Kind() != pdf.Dict {
			return nil
		}
		kids := n.Key("Kids")
		if kids.Kind() != pdf.Array {
			if n.Key("Type").Name() != "Pages" {
				out = append(out, n)
			}
			return nil
		}
		for i := 0; i < kids.Len() && len(out) < MaxPDFPages; i++ {
			if err := walk(kids.Index(i), depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(root, 0); err != nil {
		return nil, err
	}
	return out, nil
}

// pdfInherited looks key up in page and then its /Parent chain, following
// at most maxPDFTreeDepth links.
func pdfInherited(page pdf.Value, key string) (pdf.Value, error) {
	v := page
	for range maxPDFTreeDepth {
		if v.IsNull() {
			return pdf.Value{}, nil
		}
		if r := v.Key(key); !r.IsNull() {
			return r, nil
		}
		v = v.Key("Parent")
	}
	return pdf.Value{}, fmt.Errorf("%w: /Parent chain longer than %d (cyclic?)", ErrPDF, maxPDFTreeDepth)
}

var (
	// pdfIndexRE and pdfWidthRE find the /Index and /W arrays of
	// cross-reference streams, whose dictionaries are never compressed.
	pdfIndexRE = regexp.MustCompile(`/Index\s*\[([^\]]*)\]`)
	pdfWidthRE = regexp.MustCompile(`/W\s*\[([^\]]*)\]`)
	// pdfNameEscRE finds #xx escapes in names.
	pdfNameEscRE = regexp.MustCompile(`#[0-9A-Fa-f]{2}`)
)

// precheckPDF rejects inputs that would make the extractor allocate memory
// out of proportion to the file or recurse deep enough to overflow the
// stack. No real file is refused: a file cannot hold more objects than
// bytes, nor need thousands of nested arrays.
func precheckPDF(data []byte) error {
	if !bytes.HasPrefix(bytes.TrimLeft(data[:min(len(data), 1024)], "\x00\t\n\f\r "), []byte("%PDF-")) && !bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-")) {
		return fmt.Errorf("%w: no %%PDF header", ErrPDF)
	}
	maxObj := int64(len(data))
	// Decode name escapes so that "/Ind#65x" is seen as "/Index".
	scan := pdfNameEscRE.ReplaceAllFunc(data, func(m []byte) []byte {
		b, _ := strconv.ParseUint(string(m[1:]), 16, 8)
		return []byte{byte(b)}
	})
	for _, m := range pdfIndexRE.FindAllSubmatch(scan, -1) {
		for _, v := range pdfInts(m[1]) {
			if v < 0 || v > maxObj {
				return fmt.Errorf("%w: xref stream /Index entry %d out of range", ErrPDF, v)
			}
		}
	}
	for _, m := range pdfWidthRE.FindAllSubmatch(scan, -1) {
		for _, v := range pdfInts(m[1]) {
			if v < 0 || v > maxPDFXrefWidth {
				return fmt.Errorf("%w: xref stream /W entry %d out of range", ErrPDF, v)
			}
		}
	}
	// Cross-reference tables: after "xref" come subsection headers
	// "start count" and entries "offset gen f|n" up to "trailer". Every
	// number there is at most the file size (or 65535, the generation of
	// the free list head) in a real file. Regions are
	// scanned once each, so this is linear in the file.
	for off := 0; ; {
		i := bytes.Index(scan[off:], []byte("xref"))
		if i < 0 {
			break
		}
		i += off
		off = i + 4
		if i > 0 && isPDFRegular(scan[i-1]) || off < len(scan) && isPDFRegular(scan[off]) {
			continue // part of a longer word such as startxref
		}
		for {
			tok, next := pdfNextToken(scan, off)
			if tok == "" || tok == "trailer" {
				break
			}
			if tok != "f" && tok != "n" {
				v, err := strconv.ParseInt(tok, 10, 64)
				if err != nil {
					break
				}
				if v < 0 || v > max(maxObj, 65535) {
					return fmt.Errorf("%w: xref table number %d out of range", ErrPDF, v)
				}
			}
			off = next
		}
	}
	// Nesting of arrays and dictionaries, counted over the raw bytes
	// (binary stream data only adds noise that balances out).
	depth, maxDepth := 0, 0
	for i := 0; i < len(scan); i++ {
		switch c := scan[i]; {
		case c == '[':
			depth++
		case c == '<' && i+1 < len(scan) && scan[i+1] == '<':
			depth++
			i++
		case c == ']':
			depth = max(depth-1, 0)
		case c == '>' && i+1 < len(scan) && scan[i+1] == '>':
			depth = max(depth-1, 0)
			i++
		}
		maxDepth = max(maxDepth, depth)
	}
	if maxDepth > maxPDFNesting {
		return fmt.Errorf("%w: objects nest %d deep", ErrPDF, maxDepth)
	}
	return checkPDFStreams(data)
}

// isPDFRegular reports whether c can be part of a PDF keyword.
func isPDFRegular(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// pdfNextToken returns the token of b starting at or after off, skipping
// PDF white space and % comments, and the offset just past it; "" at the
// end.
func pdfNextToken(b []byte, off int) (string, int) {
	for off < len(b) {
		switch c := b[off]; {
		case c == '%':
			j := bytes.IndexAny(b[off:], "\r\n")
			if j < 0 {
				return "", len(b)
			}
			off += j
		case c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ':
			off++
		default:
			j := bytes.IndexAny(b[off:], "\x00\t\n\f\r %")
			if j < 0 {
				j = len(b) - off
			}
			return string(b[off : off+j]), off + j
		}
	}
	return "", len(b)
}

// pdfTokens splits b at PDF white space, dropping % comments, returning at
// most limit tokens.
func pdfTokens(b []byte, limit int) []string {
	var out []string
	for len(b) > 0 && len(out) < limit {
		switch c := b[0]; {
		case c == '%':
			if j := bytes.IndexAny(b, "\r\n"); j >= 0 {
				b = b[j:]
			} else {
				b = nil
			}
		case c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ':
			b = b[1:]
		default:
			j := bytes.IndexAny(b, "\x00\t\n\f\r %")
			if j < 0 {
				j = len(b)
			}
			out = append(out, string(b[:j]))
			b = b[j:]
		}
	}
	return out
}

// pdfInts returns the integer tokens of b.
func pdfInts(b []byte) []int64 {
	var out []int64
	for _, t := range pdfTokens(b, 1<<16) {
		if v, err := strconv.ParseInt(t, 10, 64); err == nil {
			out = append(out, v)
		} else if len(t) > 0 && (t[0] >= '0' && t[0] <= '9' || t[0] == '-' || t[0] == '+') {
			out = append(out, -1) // an unparsable number counts as out of range
		}
	}
	return out
}
