package ingest

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// Format names a parser.
type Format string

// The formats Parse understands.
const (
	FormatText     Format = "txt"
	FormatMarkdown Format = "md"
	FormatCSV      Format = "csv"
	FormatPDF      Format = "pdf"
	FormatHTML     Format = "html"
)

var (
	// ErrUnsupported marks an input whose format is not known.
	ErrUnsupported = errors.New("ingest: unsupported format")
	// ErrNoText marks an input that parsed but holds no text, such as an
	// empty file or a PDF made only of images.
	ErrNoText = errors.New("ingest: no text")
)

// FormatForPath returns the format that a file name's extension selects
// (case-insensitive): .txt .text, .md .markdown, .csv, .pdf, .html .htm .xhtml.
func FormatForPath(name string) (Format, bool) {
	switch strings.ToLower(path.Ext(strings.ReplaceAll(name, `\`, "/"))) {
	case ".txt", ".text":
		return FormatText, true
	case ".md", ".markdown":
		return FormatMarkdown, true
	case ".csv":
		return FormatCSV, true
	case ".pdf":
		return FormatPDF, true
	case ".html", ".htm", ".xhtml":
		return FormatHTML, true
	}
	return "", false
}

// BlockKind says how the chunker may treat a block.
type BlockKind int

const (
	// Paragraph is prose: it may share a chunk with neighbours and may be
	// split at line, sentence or word boundaries when it is too long.
	Paragraph BlockKind = iota
	// Code is a fenced or preformatted block: it may share a chunk with
	// neighbours but is never split, even when longer than a chunk.
	Code
	// Record is a CSV record: it always becomes exactly one chunk of its
	// own, whatever its length.
	Record
)

// Block is one unit of parsed content.
type Block struct {
	Kind BlockKind
	// Text is the block's text, trimmed of surrounding blank lines.
	Text string
	// EmbedText, when not empty, is the text to embed instead of Text; only
	// Record blocks set it.
	EmbedText string
}

// headings holds the current heading of each level: headings[i] is the
// one of level i+1, "" if none.
type headings [6]string

// enter makes title the heading of level (1-6), forgets the deeper ones,
// and returns the section path: "# A > ## B > ### C".
func (h *headings) enter(level int, title string) string {
	h[level-1] = title
	clear(h[level:])
	var path []string
	for i, t := range h {
		if t != "" {
			path = append(path, strings.Repeat("#", i+1)+" "+t)
		}
	}
	return strings.Join(path, " > ")
}

// Section is a run of blocks under one heading path. Chunks never span
// sections.
type Section struct {
	// Heading is the heading path, as in Chunk.Heading.
	Heading string
	Blocks  []Block
}

// ParseOptions tune parsers beyond the format.
type ParseOptions struct {
	// CSV chooses how CSV records become chunks; the zero value is
	// CSVTable.
	CSV CSVMode
}

// Parse reads data in the given format into sections of clean text with
// the default ParseOptions; see ParseOptions.Parse.
func Parse(ctx context.Context, format Format, data []byte, contentType string) ([]Section, error) {
	return ParseOptions{}.Parse(ctx, format, data, contentType)
}

// Parse reads data in the given format into sections of clean text.
// contentType, when known (from an HTTP response), gives the character set
// of text formats; otherwise UTF-8 is assumed, and for HTML the document's
// own meta tags are consulted. Errors wrap ErrUnsupported, ErrNoText or the
// parser's error, and start with "ingest:".
func (o ParseOptions) Parse(ctx context.Context, format Format, data []byte, contentType string) ([]Section, error) {
	var (
		secs []Section
		err  error
	)
	switch format {
	case FormatText:
		secs = ParseText(decodeText(data, contentType))
	case FormatMarkdown:
		secs = ParseMarkdown(decodeText(data, contentType))
	case FormatCSV:
		secs, err = ParseCSV(decodeText(data, contentType), o.CSV)
	case FormatHTML:
		secs, err = ParseHTML(data, contentType)
	case FormatPDF:
		secs, err = ParsePDF(ctx, data)
	default:
		return nil, fmt.Errorf("%w %q", ErrUnsupported, format)
	}
	if err != nil {
		return nil, err
	}
	if len(secs) == 0 {
		return nil, ErrNoText
	}
	return secs, nil
}

// cleanText makes parser input uniform: it drops a UTF-8 byte order mark,
// replaces invalid UTF-8 with U+FFFD, turns CRLF and lone CR into LF and
// removes control characters other than tab and newline.
func cleanText(s string) string {
	s = strings.TrimPrefix(s, "\uFEFF")
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if unicode.IsControl(r) || r == '\uFEFF' {
			return -1
		}
		return r
	}, s)
}

// paragraphs splits text at blank lines into trimmed, non-empty paragraphs.
func paragraphs(text string) []Block {
	var out []Block
	var cur []string
	flush := func() {
		if p := strings.TrimSpace(strings.Join(cur, "\n")); p != "" {
			out = append(out, Block{Kind: Paragraph, Text: p})
		}
		cur = cur[:0]
	}
	for line := range strings.SplitSeq(text, "\n") {
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		cur = append(cur, strings.TrimRight(line, " \t"))
	}
	flush()
	return out
}

// ParseText reads plain text: one section with no heading whose paragraphs
// are separated by blank lines. Empty text gives no sections.
func ParseText(text string) []Section {
	blocks := paragraphs(cleanText(text))
	if len(blocks) == 0 {
		return nil
	}
	return []Section{{Blocks: blocks}}
}

// decodeText converts data to a UTF-8 string using the charset parameter
// of contentType when there is one and it names a known encoding other
// than UTF-8. Otherwise data is taken as UTF-8 (invalid bytes are replaced
// later by cleanText).
//
// UTF-16 text with a byte order mark is decoded whatever the content type
// says, as editors on Windows still write it.
func decodeText(data []byte, contentType string) string {
	var label string
	switch {
	case len(data) >= 2 && data[0] == 0xFF && data[1] == 0xFE:
		label = "utf-16le"
	case len(data) >= 2 && data[0] == 0xFE && data[1] == 0xFF:
		label = "utf-16be"
	}
	if label != "" {
		if enc, _ := charset.Lookup(label); enc != nil {
			if out, err := enc.NewDecoder().Bytes(data); err == nil {
				return string(out)
			}
		}
	}
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		if label := params["charset"]; label != "" {
			if enc, name := charset.Lookup(label); enc != nil && name != "utf-8" {
				if out, err := enc.NewDecoder().Bytes(data); err == nil {
					return string(out)
				}
			}
		}
	}
	return string(data)
}
