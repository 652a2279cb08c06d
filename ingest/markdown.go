package ingest

import (
	"strings"
)

// ParseMarkdown splits Markdown into one section per heading. Each section's
// Heading is the path of headings above and including its own, as
// "# Guide > ## Install"; content before the first heading has an empty
// path. The heading line itself is the first block of its section, so the
// first chunk of a section reads like the source. Sections holding nothing
// but their heading are dropped (their heading still appears in the paths of
// the sections below them).
//
// ATX headings ("## Title") and setext headings (a paragraph underlined with
// === or ---) are recognized. Fenced code blocks (``` or ~~~) become Code
// blocks, which the chunker never splits; headings inside them are text. An
// unclosed fence runs to the end of the document. A leading YAML front
// matter block (between --- lines) is dropped. Everything else is kept as
// Paragraph blocks separated by blank lines, with its Markdown syntax.
func ParseMarkdown(text string) []Section {
	p := mdParser{}
	lines := strings.Split(cleanText(text), "\n")
	lines = skipFrontMatter(lines)
	for _, line := range lines {
		p.line(line)
	}
	p.finish()
	return p.out
}

// skipFrontMatter drops a leading "---" ... "---" (or "...") block.
func skipFrontMatter(lines []string) []string {
	if len(lines) == 0 || strings.TrimRight(lines[0], " \t") != "---" {
		return lines
	}
	for i := 1; i < len(lines); i++ {
		if l := strings.TrimRight(lines[i], " \t"); l == "---" || l == "..." {
			return lines[i+1:]
		}
	}
	return lines
}

type mdParser struct {
	out    []Section
	cur    Section
	levels headings
	para   []string // lines of the paragraph being read

	fence     []string // lines of the open fence, including the opening line
	fenceChar byte
	fenceLen  int
}

func (p *mdParser) line(line string) {
	if p.fence != nil {
		p.fence = append(p.fence, line)
		if isClosingFence(line, p.fenceChar, p.fenceLen) {
			p.closeFence()
		}
		return
	}
	if c, n, ok := openingFence(line); ok {
		p.flushPara()
		p.fence, p.fenceChar, p.fenceLen = []string{line}, c, n
		return
	}
	if level, title, ok := atxHeading(line); ok {
		p.flushPara()
		p.heading(level, title, strings.TrimSpace(line))
		return
	}
	trimmed := strings.TrimSpace(line)
	if trimmed == "" {
		p.flushPara()
		return
	}
	if level := setextLevel(line); level > 0 && len(p.para) > 0 {
		title := strings.TrimSpace(strings.Join(p.para, " "))
		src := strings.Join(p.para, "\n") + "\n" + trimmed
		p.para = p.para[:0]
		p.heading(level, title, src)
		return
	}
	if isThematicBreak(trimmed) {
		p.flushPara()
		return
	}
	p.para = append(p.para, strings.TrimRight(line, " \t"))
}

func (p *mdParser) finish() {
	if p.fence != nil {
		p.closeFence()
	}
	p.flushPara()
	p.flushSection()
}

func (p *mdParser) closeFence() {
	code := strings.TrimRight(strings.Join(p.fence, "\n"), " \t\n")
	p.fence = nil
	p.cur.Blocks = append(p.cur.Blocks, Block{Kind: Code, Text: code})
}

func (p *mdParser) flushPara() {
	if t := strings.TrimSpace(strings.Join(p.para, "\n")); t != "" {
		p.cur.Blocks = append(p.cur.Blocks, Block{Kind: Paragraph, Text: t})
	}
	p.para = p.para[:0]
}

// flushSection emits the current section unless it holds only its heading.
func (p *mdParser) flushSection() {
	n := len(p.cur.Blocks)
	// A section with a heading always starts with its heading block.
	if n > 1 || (n == 1 && p.cur.Heading == "") {
		p.out = append(p.out, p.cur)
	}
	p.cur = Section{}
}

func (p *mdParser) heading(level int, title, src string) {
	p.flushSection()
	p.cur = Section{Heading: p.levels.enter(level, title), Blocks: []Block{{Kind: Paragraph, Text: src}}}
}

// atxHeading parses "#..###### title #*" with up to three spaces of indent.
func atxHeading(line string) (level int, title string, ok bool) {
	s := strings.TrimLeft(line, " ")
	if len(line)-len(s) > 3 {
		return 0, "", false
	}
	for level < len(s) && s[level] == '#' {
		level++
	}
	if level == 0 || level > 6 {
		return 0, "", false
	}
	rest := s[level:]
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return 0, "", false
	}
	rest = strings.TrimSpace(rest)
	// Drop an optional closing sequence of #s preceded by a space.
	if t := strings.TrimRight(rest, "#"); t != rest && (t == "" || strings.HasSuffix(t, " ") || strings.HasSuffix(t, "\t")) {
		rest = strings.TrimSpace(t)
	}
	if rest == "" {
		return 0, "", false
	}
	return level, rest, true
}

// setextLevel returns 1 for a "===" underline, 2 for "---", else 0.
func setextLevel(line string) int {
	s := strings.TrimLeft(line, " ")
	if len(line)-len(s) > 3 {
		return 0
	}
	s = strings.TrimRight(s, " \t")
	if s == "" {
		return 0
	}
	switch {
	case strings.Trim(s, "=") == "":
		return 1
	case strings.Trim(s, "-") == "":
		return 2
	}
	return 0
}

// isThematicBreak reports whether a trimmed line is ***, --- or ___ (three
// or more, spaces allowed between).
func isThematicBreak(s string) bool {
	s = strings.ReplaceAll(strings.ReplaceAll(s, " ", ""), "\t", "")
	if len(s) < 3 {
		return false
	}
	c := s[0]
	return (c == '*' || c == '-' || c == '_') && strings.Trim(s, string(c)) == ""
}

// openingFence recognizes ``` or ~~~ (three or more) after any indent. A
// backtick fence's info string may not contain backticks.
func openingFence(line string) (c byte, n int, ok bool) {
	s := strings.TrimLeft(line, " \t")
	if s == "" || (s[0] != '`' && s[0] != '~') {
		return 0, 0, false
	}
	c = s[0]
	for n < len(s) && s[n] == c {
		n++
	}
	if n < 3 || (c == '`' && strings.IndexByte(s[n:], '`') >= 0) {
		return 0, 0, false
	}
	return c, n, true
}

// isClosingFence reports whether line closes a fence of n characters c.
func isClosingFence(line string, c byte, n int) bool {
	s := strings.TrimSpace(line)
	if len(s) < n {
		return false
	}
	return strings.Trim(s, string(c)) == ""
}
