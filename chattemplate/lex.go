package chattemplate

// The lexer turns template source into one flat token stream, applying
// Jinja2's whitespace rules as Hugging Face configures them
// (trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False):
//
//	source:  "A\n  {%- if x %}\nB{{ y -}}  \n{# c #}\n"
//	tokens:  text "A"  blockBegin  name if  name x  blockEnd
//	         text "B"  varBegin  name y  varEnd
//	         (comment dropped; "  \n" removed by "-}}"; the final "\n"
//	         after "#}" removed by trim_blocks)
//
// Rules, in the order Jinja2 applies them:
//   - newlines (\r\n, \r) become \n and one trailing newline is dropped;
//   - "{%-", "{{-", "{#-" strip all whitespace before the tag;
//   - otherwise, for "{%" and "{#" (not "{{") without "+", spaces and tabs
//     between the start of the line and the tag are removed (lstrip_blocks);
//   - "-%}", "-}}", "-#}" strip all whitespace after the tag;
//   - "%}" and "#}" without "+" eat one following newline (trim_blocks).

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

type tokKind uint8

const (
	tEOF tokKind = iota
	tText
	tVarBegin
	tVarEnd
	tBlockBegin
	tBlockEnd
	tName
	tString
	tInt
	tFloat
	tOp
)

type token struct {
	kind tokKind
	val  string // text, name, operator, decoded string literal, number text
	line int
}

func (t token) String() string {
	switch t.kind {
	case tEOF:
		return "end of template"
	case tText:
		return "text"
	case tVarBegin:
		return "'{{'"
	case tVarEnd:
		return "'}}'"
	case tBlockBegin:
		return "'{%'"
	case tBlockEnd:
		return "'%}'"
	case tString:
		return "string literal"
	}
	return fmt.Sprintf("%q", t.val)
}

type lexer struct {
	src  string
	pos  int
	line int
	toks []token
}

// normalizeSource applies Jinja2's newline normalisation and drops one
// trailing newline (keep_trailing_newline=False).
func normalizeSource(src string) string {
	if strings.IndexByte(src, '\r') >= 0 {
		src = strings.ReplaceAll(src, "\r\n", "\n")
		src = strings.ReplaceAll(src, "\r", "\n")
	}
	return strings.TrimSuffix(src, "\n")
}

func isPySpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

func trimRightSpace(s string) string { return strings.TrimRightFunc(s, isPySpace) }

// skipSpace returns the index of the first non-space byte at or after i.
func skipSpace(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isPySpace(r) {
			break
		}
		i += n
	}
	return i
}

func lex(src string) ([]token, error) {
	lx := &lexer{src: normalizeSource(src), line: 1}
	if err := lx.run(); err != nil {
		return nil, err
	}
	return lx.toks, nil
}

func (lx *lexer) errf(format string, args ...any) error {
	return syntaxErr(lx.line, format, args...)
}

func (lx *lexer) emit(k tokKind, v string) {
	lx.toks = append(lx.toks, token{kind: k, val: v, line: lx.line})
}

// advance moves pos to p, counting newlines for line numbers.
func (lx *lexer) advance(p int) {
	lx.line += strings.Count(lx.src[lx.pos:p], "\n")
	lx.pos = p
}

// nextTag finds the next "{{", "{%" or "{#" at or after pos.
func (lx *lexer) nextTag() int {
	s := lx.src
	for i := lx.pos; ; {
		j := strings.IndexByte(s[i:], '{')
		if j < 0 || i+j+1 >= len(s) {
			return -1
		}
		i += j
		if c := s[i+1]; c == '{' || c == '%' || c == '#' {
			return i
		}
		i++
	}
}

// stripBefore applies "-" / lstrip_blocks to the text before a tag.
// lineStarting reports whether text begins at the start of a line.
func stripBefore(text string, sign byte, isVar, lineStarting bool) string {
	if sign == '-' {
		return trimRightSpace(text)
	}
	if sign == '+' || isVar {
		return text
	}
	lpos := strings.LastIndexByte(text, '\n') + 1
	if lpos > 0 || lineStarting {
		tail := text[lpos:]
		if tail != "" && strings.TrimLeftFunc(tail, isPySpace) == "" {
			return text[:lpos]
		}
	}
	return text
}

func (lx *lexer) run() error {
	s := lx.src
	lineStarting := true
	for lx.pos < len(s) {
		i := lx.nextTag()
		if i < 0 {
			lx.emit(tText, s[lx.pos:])
			lx.advance(len(s))
			break
		}
		kind := s[i+1]
		var sign byte
		if i+2 < len(s) && (s[i+2] == '-' || s[i+2] == '+') {
			sign = s[i+2]
		}
		text := stripBefore(s[lx.pos:i], sign, kind == '{', lineStarting)
		if text != "" {
			lx.emit(tText, text)
		}
		lx.advance(i)
		start := i + 2
		if sign != 0 {
			start++
		}
		var err error
		switch kind {
		case '#':
			lineStarting, err = lx.comment(start)
		case '%':
			if end, ok := lx.rawBegin(start); ok {
				lineStarting, err = lx.raw(end)
			} else {
				lineStarting, err = lx.tag(start, tBlockBegin, tBlockEnd, '%')
			}
		default:
			lineStarting, err = lx.tag(start, tVarBegin, tVarEnd, '}')
		}
		if err != nil {
			return err
		}
	}
	lx.emit(tEOF, "")
	return nil
}

// afterEnd handles the text right after a closing delimiter that ends at
// p: "-" strips all whitespace, a block or comment end eats one newline.
// It reports whether the consumed end ended with a newline.
func (lx *lexer) afterEnd(p int, sign byte, trim bool) bool {
	s := lx.src
	switch {
	case sign == '-':
		q := skipSpace(s, p)
		lx.advance(q)
		return q > p && s[q-1] == '\n'
	case sign != '+' && trim && p < len(s) && s[p] == '\n':
		lx.advance(p + 1)
		return true
	}
	lx.advance(p)
	return false
}

func (lx *lexer) comment(start int) (bool, error) {
	s := lx.src
	j := strings.Index(s[start:], "#}")
	if j < 0 {
		return false, lx.errf("unterminated comment")
	}
	end := start + j
	var sign byte
	if end > start && (s[end-1] == '-' || s[end-1] == '+') {
		sign = s[end-1]
	}
	return lx.afterEnd(end+2, sign, true), nil
}

// rawBegin reports whether a "{% raw %}" tag starts at start (just past
// "{%" and its sign) and returns the index just past its "%}".
func (lx *lexer) rawBegin(start int) (int, bool) {
	s := lx.src
	p := skipSpace(s, start)
	if !strings.HasPrefix(s[p:], "raw") {
		return 0, false
	}
	p = skipSpace(s, p+3)
	if strings.HasPrefix(s[p:], "-%}") {
		return skipSpace(s, p+3), true
	}
	if strings.HasPrefix(s[p:], "%}") {
		return p + 2, true
	}
	return 0, false
}

func (lx *lexer) raw(bodyStart int) (bool, error) {
	s := lx.src
	for i := bodyStart; ; {
		j := strings.Index(s[i:], "{%")
		if j < 0 {
			return false, lx.errf("missing endraw")
		}
		tagAt := i + j
		p := tagAt + 2
		var sign byte
		if p < len(s) && (s[p] == '-' || s[p] == '+') {
			sign = s[p]
			p++
		}
		p = skipSpace(s, p)
		if !strings.HasPrefix(s[p:], "endraw") {
			i = tagAt + 2
			continue
		}
		p = skipSpace(s, p+6)
		var endSign byte
		if p < len(s) && (s[p] == '-' || s[p] == '+') {
			endSign = s[p]
			p++
		}
		if !strings.HasPrefix(s[p:], "%}") {
			i = tagAt + 2
			continue
		}
		text := stripBefore(s[bodyStart:tagAt], sign, false, false)
		lx.advance(bodyStart)
		if text != "" {
			lx.emit(tText, text)
		}
		lx.advance(tagAt)
		return lx.afterEnd(p+2, endSign, true), nil
	}
}

var operators = []string{
	"**", "//", "==", "!=", "<=", ">=",
	"+", "-", "*", "/", "%", "~", "<", ">", "=", "(", ")", "[", "]", "{", "}", ",", ".", ":", "|",
}

// tag lexes the inside of "{{ ... }}" or "{% ... %}" starting at start.
// close is '}' for variables and '%' for blocks.
func (lx *lexer) tag(start int, begin, end tokKind, close byte) (bool, error) {
	s := lx.src
	lx.emit(begin, "")
	lx.advance(start)
	depth := 0
	for {
		p := skipSpace(s, lx.pos)
		lx.advance(p)
		if p >= len(s) {
			return false, lx.errf("unexpected end of template, expected '%c}'", close)
		}
		if depth == 0 {
			switch {
			case strings.HasPrefix(s[p:], "-"+string(close)+"}"):
				lx.emit(end, "")
				return lx.afterEnd(p+3, '-', close == '%'), nil
			case close == '%' && strings.HasPrefix(s[p:], "+%}"):
				lx.emit(end, "")
				return lx.afterEnd(p+3, '+', true), nil
			case strings.HasPrefix(s[p:], string(close)+"}"):
				lx.emit(end, "")
				return lx.afterEnd(p+2, 0, close == '%'), nil
			}
		}
		c := s[p]
		switch {
		case c == '_' || c < utf8.RuneSelf && unicode.IsLetter(rune(c)):
			q := p + 1
			for q < len(s) && (s[q] == '_' || s[q] < utf8.RuneSelf && (unicode.IsLetter(rune(s[q])) || unicode.IsDigit(rune(s[q])))) {
				q++
			}
			lx.emit(tName, s[p:q])
			lx.advance(q)
		case c >= '0' && c <= '9' || c == '.' && p+1 < len(s) && s[p+1] >= '0' && s[p+1] <= '9' && !lx.afterPostfix():
			if err := lx.number(p); err != nil {
				return false, err
			}
		case c == '\'' || c == '"':
			if err := lx.str(p, c); err != nil {
				return false, err
			}
		default:
			op := ""
			for _, o := range operators {
				if strings.HasPrefix(s[p:], o) {
					op = o
					break
				}
			}
			if op == "" {
				r, _ := utf8.DecodeRuneInString(s[p:])
				return false, lx.errf("unexpected character %q", r)
			}
			switch op {
			case "(", "[", "{":
				depth++
			case ")", "]", "}":
				if depth > 0 {
					depth--
				}
			}
			lx.emit(tOp, op)
			lx.advance(p + len(op))
		}
	}
}

// afterPostfix reports whether the previous token can be followed by
// ".digits" as an attribute access (x.0) rather than a float (.5).
func (lx *lexer) afterPostfix() bool {
	if len(lx.toks) == 0 {
		return false
	}
	t := lx.toks[len(lx.toks)-1]
	return t.kind == tName || t.kind == tString || t.kind == tInt || t.kind == tFloat ||
		t.kind == tOp && (t.val == ")" || t.val == "]" || t.val == "}")
}

func (lx *lexer) number(p int) error {
	s := lx.src
	q := p
	digits := func() {
		for q < len(s) && (s[q] >= '0' && s[q] <= '9' || s[q] == '_' && q+1 < len(s) && s[q+1] >= '0' && s[q+1] <= '9') {
			q++
		}
	}
	digits()
	isFloat := false
	if q+1 < len(s) && s[q] == '.' && s[q+1] >= '0' && s[q+1] <= '9' {
		isFloat = true
		q++
		digits()
	}
	if q < len(s) && (s[q] == 'e' || s[q] == 'E') {
		r := q + 1
		if r < len(s) && (s[r] == '+' || s[r] == '-') {
			r++
		}
		if r < len(s) && s[r] >= '0' && s[r] <= '9' {
			isFloat = true
			q = r
			digits()
		}
	}
	text := strings.ReplaceAll(s[p:q], "_", "")
	if isFloat {
		lx.emit(tFloat, text)
	} else {
		lx.emit(tInt, text)
	}
	lx.advance(q)
	return nil
}

// str lexes a string literal and decodes Python escapes the way Jinja2
// does (unicode-escape over the raw text; unknown escapes are kept).
func (lx *lexer) str(p int, quote byte) error {
	s := lx.src
	q := p + 1
	for q < len(s) && s[q] != quote {
		if s[q] == '\\' {
			q++
		}
		q++
	}
	if q >= len(s) {
		return lx.errf("unterminated string literal")
	}
	val, err := unescape(s[p+1 : q])
	if err != nil {
		return lx.errf("%v", err)
	}
	lx.emit(tString, val)
	lx.advance(q + 1)
	return nil
}

func hexVal(s string) (rune, bool) {
	var r rune
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			r = r*16 + rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r*16 + rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r*16 + rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

func unescape(s string) (string, error) {
	if strings.IndexByte(s, '\\') < 0 {
		return s, nil
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			b.WriteByte(c)
			continue
		}
		i++
		switch e := s[i]; e {
		case '\n':
		case '\\', '\'', '"':
			b.WriteByte(e)
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'a':
			b.WriteByte(7)
		case 'b':
			b.WriteByte(8)
		case 'f':
			b.WriteByte(12)
		case 'v':
			b.WriteByte(11)
		case 'x', 'u', 'U':
			n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[e]
			if i+n >= len(s) {
				return "", fmt.Errorf("truncated \\%c escape", e)
			}
			r, ok := hexVal(s[i+1 : i+1+n])
			if !ok || r > unicode.MaxRune {
				return "", fmt.Errorf("bad \\%c escape", e)
			}
			b.WriteRune(r)
			i += n
		case '0', '1', '2', '3', '4', '5', '6', '7':
			r := rune(e - '0')
			for k := 0; k < 2 && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '7'; k++ {
				i++
				r = r*8 + rune(s[i]-'0')
			}
			b.WriteRune(r)
		default:
			b.WriteByte('\\')
			b.WriteByte(e)
		}
	}
	return b.String(), nil
}
