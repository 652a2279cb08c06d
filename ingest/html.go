package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// ParseHTML extracts the readable text of an HTML page.
//
// Page chrome is dropped: script, style, noscript, template, svg, iframe,
// form controls, nav, header, footer and aside elements, elements with the
// ARIA roles navigation, banner, contentinfo, complementary or search, and
// hidden elements. When the page has exactly one <main> element only its
// content is read. Headings h1-h6 start sections whose Heading is the path
// in Markdown notation ("# Title > ## Part"), and the heading's text is the
// first block of its section; sections holding only their heading are
// dropped. <pre> elements become Code blocks, keeping their white space.
// List items become "- item" lines, one paragraph per list; other block
// elements become paragraphs with white space collapsed.
//
// The character set comes from contentType's charset parameter, then from
// a byte order mark or <meta> tag, else UTF-8 is assumed.
func ParseHTML(data []byte, contentType string) ([]Section, error) {
	enc, _, _ := charset.DetermineEncoding(data[:min(len(data), 1024)], contentType)
	decoded, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		decoded = data
	}
	doc, err := html.Parse(bytes.NewReader(decoded))
	if err != nil {
		return nil, fmt.Errorf("ingest: html: %w", err)
	}
	root := doc
	if mains := findAll(doc, atom.Main, 2); len(mains) == 1 {
		root = mains[0]
	}
	w := htmlWalker{}
	w.walk(root)
	w.flushSection()
	return w.out, nil
}

// findAll returns up to limit elements with the given atom, in document
// order.
func findAll(n *html.Node, a atom.Atom, limit int) []*html.Node {
	var out []*html.Node
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if len(out) >= limit {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == a {
			out = append(out, n)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return out
}

type htmlWalker struct {
	out    []Section
	cur    Section
	levels headings

	inline strings.Builder // text of the paragraph being read
	list   []string        // items of the list being read
	inList int             // depth of ul/ol nesting
	depth  int             // element nesting depth, bounded against hostile input
}

// maxHTMLDepth bounds recursion; x/net/html already limits the tree it
// builds, this is a second guard.
const maxHTMLDepth = 512

func skipElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Math,
		atom.Iframe, atom.Object, atom.Embed, atom.Canvas, atom.Audio, atom.Video,
		atom.Nav, atom.Header, atom.Footer, atom.Aside, atom.Head,
		atom.Button, atom.Select, atom.Textarea, atom.Input, atom.Label:
		return true
	}
	for _, a := range n.Attr {
		switch strings.ToLower(a.Key) {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(strings.TrimSpace(a.Val), "true") {
				return true
			}
		case "role":
			switch strings.ToLower(strings.TrimSpace(a.Val)) {
			case "navigation", "banner", "contentinfo", "complementary", "search":
				return true
			}
		case "style":
			v := strings.ToLower(strings.ReplaceAll(a.Val, " ", ""))
			if strings.Contains(v, "display:none") || strings.Contains(v, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

func isBlockElement(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Main, atom.Blockquote,
		atom.Table, atom.Thead, atom.Tbody, atom.Tfoot, atom.Tr, atom.Caption,
		atom.Dl, atom.Dt, atom.Dd, atom.Figure, atom.Figcaption, atom.Address,
		atom.Hr, atom.Details, atom.Summary, atom.Body, atom.Html, atom.Center:
		return true
	}
	return false
}

func headingLevel(a atom.Atom) int {
	switch a {
	case atom.H1:
		return 1
	case atom.H2:
		return 2
	case atom.H3:
		return 3
	case atom.H4:
		return 4
	case atom.H5:
		return 5
	case atom.H6:
		return 6
	}
	return 0
}

func (w *htmlWalker) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.DocumentNode:
		w.children(n)
		return
	case html.ElementNode:
	default:
		return
	}
	if skipElement(n) || w.depth >= maxHTMLDepth {
		return
	}
	w.depth++
	defer func() { w.depth-- }()

	switch a := n.DataAtom; {
	case headingLevel(a) > 0:
		w.flushPara()
		w.flushList()
		title := collapseSpace(textContent(n))
		if title == "" {
			return
		}
		w.heading(headingLevel(a), title)
	case a == atom.Pre:
		w.flushPara()
		w.flushList()
		code := strings.Trim(textContent(n), "\n")
		if strings.TrimSpace(code) != "" {
			w.cur.Blocks = append(w.cur.Blocks, Block{Kind: Code, Text: code})
		}
	case a == atom.Ul || a == atom.Ol || a == atom.Menu:
		w.flushPara()
		w.inList++
		w.children(n)
		w.inList--
		if w.inList == 0 {
			w.flushList()
		}
	case a == atom.Li:
		w.flushPara()
		w.children(n)
		if item := collapseSpace(w.inline.String()); item != "" {
			w.list = append(w.list, strings.Repeat("  ", max(w.inList-1, 0))+"- "+item)
		}
		w.inline.Reset()
	case a == atom.Br:
		w.inline.WriteString("\n")
	case a == atom.Td || a == atom.Th:
		w.inline.WriteString(" ")
		w.children(n)
		w.inline.WriteString(" ")
	case a == atom.Img:
		// Images carry no text; alt text is usually decorative.
	case isBlockElement(a):
		w.flushPara()
		if w.inList == 0 {
			w.flushList()
		}
		w.children(n)
		w.flushPara()
	default:
		w.children(n)
	}
}

func (w *htmlWalker) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
}

// text adds source text to the paragraph; its line breaks are white space
// like any other, only <br> breaks a line.
func (w *htmlWalker) text(s string) {
	w.inline.WriteString(strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return ' '
		}
		return r
	}, s))
}

// flushPara ends the paragraph being read. Inside a list item the text
// stays pending for the item.
func (w *htmlWalker) flushPara() {
	if w.inList > 0 {
		if item := collapseSpace(w.inline.String()); item != "" {
			w.list = append(w.list, strings.Repeat("  ", max(w.inList-1, 0))+"- "+item)
		}
		w.inline.Reset()
		return
	}
	var lines []string
	for l := range strings.SplitSeq(w.inline.String(), "\n") {
		if l = collapseSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	w.inline.Reset()
	if len(lines) > 0 {
		w.cur.Blocks = append(w.cur.Blocks, Block{Kind: Paragraph, Text: strings.Join(lines, "\n")})
	}
}

func (w *htmlWalker) flushList() {
	if len(w.list) > 0 {
		w.cur.Blocks = append(w.cur.Blocks, Block{Kind: Paragraph, Text: strings.Join(w.list, "\n")})
	}
	w.list = nil
}

func (w *htmlWalker) heading(level int, title string) {
	w.flushSection()
	w.cur = Section{Heading: w.levels.enter(level, title), Blocks: []Block{{Kind: Paragraph, Text: title}}}
}

func (w *htmlWalker) flushSection() {
	w.flushPara()
	w.flushList()
	if n := len(w.cur.Blocks); n > 1 || (n == 1 && w.cur.Heading == "") {
		w.out = append(w.out, w.cur)
	}
	w.cur = Section{}
}

// textContent returns the text under n, skipping elements skipElement
// drops, with white space as written.
func textContent(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node, int)
	rec = func(n *html.Node, depth int) {
		if depth > maxHTMLDepth {
			return
		}
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
		case html.ElementNode:
			if skipElement(n) {
				return
			}
			if n.DataAtom == atom.Br {
				b.WriteString("\n")
			}
			fallthrough
		default:
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				rec(c, depth+1)
			}
		}
	}
	rec(n, 0)
	return cleanText(b.String())
}

// collapseSpace trims s and replaces each run of white space with one
// space.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(cleanText(s)), " ")
}
