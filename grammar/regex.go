package grammar

import (
	"fmt"
	"strconv"
	"unicode/utf8"
)

// The regex subset of JSON Schema's "pattern" (ECMA-262 syntax):
// alternation, groups ((...), (?:...), (?<name>...)), character classes with
// ranges and negation, . \d \w \s \D \W \S, escapes (\n \t \xHH \uHHHH
// \u{H...} \cX ...), quantifiers * + ? {n} {n,} {n,m} (lazy forms match the
// same strings), and anchors ^ and $ at the start and end of top-level
// alternatives. Lookaround, backreferences, \b, \B and \p{...} are refused
// with an error: they cannot be compiled to a finite automaton here.
//
// A pattern matches anywhere in the string unless anchored, so an
// unanchored side gets an implicit "any characters".

// Anchors exist only while parsing a regex.
const (
	exAnchorStart exprKind = 100 + iota
	exAnchorEnd
)

// RegexError reports a pattern outside the supported subset or malformed.
type RegexError struct {
	Pattern string
	Pos     int
	Msg     string
}

func (e *RegexError) Error() string {
	return fmt.Sprintf("grammar: regex %q at %d: %s", e.Pattern, e.Pos, e.Msg)
}

const maxRegexRepeat = 1000

var (
	anyCP      = []cpRange{{0, utf8.MaxRune}}
	digitCP    = []cpRange{{'0', '9'}}
	wordCP     = []cpRange{{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}}
	spaceCP    = normRanges([]cpRange{{'\t', '\r'}, {' ', ' '}, {0xa0, 0xa0}, {0x1680, 0x1680}, {0x2000, 0x200a}, {0x2028, 0x2029}, {0x202f, 0x202f}, {0x205f, 0x205f}, {0x3000, 0x3000}, {0xfeff, 0xfeff}})
	dotCP      = negateRanges(normRanges([]cpRange{{'\n', '\n'}, {'\r', '\r'}, {0x2028, 0x2029}}))
	anyCPStar  = repeat(class(anyCP), 0, -1)
	anchorS    = &expr{kind: exAnchorStart}
	anchorE    = &expr{kind: exAnchorEnd}
	maxRegexSz = 100000
)

// parseRegex compiles pattern to an expr over code points matching the
// strings the pattern finds a match in (search semantics).
func parseRegex(pattern string) (*expr, error) {
	if len(pattern) > maxRegexSz {
		return nil, &RegexError{pattern, 0, "pattern too long"}
	}
	p := &regexParser{src: pattern}
	e, err := p.alternation(0)
	if err != nil {
		return nil, err
	}
	if p.pos < len(p.src) {
		return nil, p.errorf("unexpected %q", p.src[p.pos])
	}
	branches := []*expr{e}
	if e.kind == exAlt {
		branches = e.kids
	}
	var out []*expr
	for _, b := range branches {
		kids := []*expr{b}
		if b.kind == exSeq {
			kids = b.kids
		}
		start, end := false, false
		for len(kids) > 0 && kids[0] == anchorS {
			kids, start = kids[1:], true
		}
		for len(kids) > 0 && kids[len(kids)-1] == anchorE {
			kids, end = kids[:len(kids)-1], true
		}
		body := seq(kids...)
		if hasAnchor(body) {
			return nil, &RegexError{pattern, 0, "anchors (^ $) are supported only at the start and end of the pattern"}
		}
		if !start {
			body = seq(anyCPStar, body)
		}
		if !end {
			body = seq(body, anyCPStar)
		}
		out = append(out, body)
	}
	return alt(out...), nil
}

func hasAnchor(e *expr) bool {
	if e.kind == exAnchorStart || e.kind == exAnchorEnd {
		return true
	}
	for _, k := range e.kids {
		if hasAnchor(k) {
			return true
		}
	}
	return false
}

type regexParser struct {
	src string
	pos int
}

func (p *regexParser) errorf(format string, args ...any) error {
	return &RegexError{p.src, p.pos, fmt.Sprintf(format, args...)}
}

func (p *regexParser) peek() byte {
	if p.pos < len(p.src) {
		return p.src[p.pos]
	}
	return 0
}

func (p *regexParser) alternation(depth int) (*expr, error) {
	if depth > 200 {
		return nil, p.errorf("groups nested too deeply")
	}
	var alts []*expr
	for {
		s, err := p.sequence(depth)
		if err != nil {
			return nil, err
		}
		alts = append(alts, s)
		if p.peek() != '|' {
			break
		}
		p.pos++
	}
	if len(alts) == 1 {
		return alts[0], nil
	}
	// alt() would drop "nothing" branches; keep structure simple.
	return alt(alts...), nil
}

func (p *regexParser) sequence(depth int) (*expr, error) {
	var items []*expr
	for p.pos < len(p.src) && p.peek() != '|' && p.peek() != ')' {
		atom, err := p.atom(depth)
		if err != nil {
			return nil, err
		}
		if atom, err = p.quantifiers(atom); err != nil {
			return nil, err
		}
		items = append(items, atom)
	}
	return seq(items...), nil
}

func (p *regexParser) quantifiers(e *expr) (*expr, error) {
	if p.pos < len(p.src) {
		lo, hi := 0, 0
		start := p.pos
		switch p.src[p.pos] {
		case '*':
			lo, hi = 0, -1
			p.pos++
		case '+':
			lo, hi = 1, -1
			p.pos++
		case '?':
			lo, hi = 0, 1
			p.pos++
		case '{':
			var ok bool
			lo, hi, ok = p.braces()
			if !ok {
				p.pos = start
				return e, nil // a literal '{', handled by the next atom
			}
		default:
			return e, nil
		}
		if lo > maxRegexRepeat || hi > maxRegexRepeat {
			return nil, p.errorf("repetition count above %d", maxRegexRepeat)
		}
		if hi >= 0 && hi < lo {
			return nil, p.errorf("repetition {%d,%d} out of order", lo, hi)
		}
		if e.kind == exAnchorStart || e.kind == exAnchorEnd {
			return nil, p.errorf("quantified anchor")
		}
		if p.peek() == '?' { // lazy: same language
			p.pos++
		}
		e = repeat(e, lo, hi)
		if c := p.peek(); c == '*' || c == '+' || c == '?' {
			return nil, p.errorf("nothing to repeat")
		}
		if p.peek() == '{' {
			save := p.pos
			if _, _, ok := p.braces(); ok {
				return nil, p.errorf("nothing to repeat")
			}
			p.pos = save
		}
	}
	return e, nil
}

// braces parses {n}, {n,} or {n,m}; ok is false when the text is not a
// quantifier (then it is a literal brace).
func (p *regexParser) braces() (lo, hi int, ok bool) {
	i := p.pos + 1
	num := func() (int, bool) {
		s := i
		for i < len(p.src) && p.src[i] >= '0' && p.src[i] <= '9' {
			i++
		}
		if s == i {
			return 0, false
		}
		n, err := strconv.Atoi(p.src[s:i])
		if err != nil {
			return maxRegexRepeat + 1, true
		}
		return n, true
	}
	lo, ok = num()
	if !ok {
		return 0, 0, false
	}
	hi = lo
	if i < len(p.src) && p.src[i] == ',' {
		i++
		if n, ok := num(); ok {
			hi = n
		} else {
			hi = -1
		}
	}
	if i >= len(p.src) || p.src[i] != '}' {
		return 0, 0, false
	}
	p.pos = i + 1
	return lo, hi, true
}

func (p *regexParser) atom(depth int) (*expr, error) {
	c := p.src[p.pos]
	switch c {
	case '(':
		p.pos++
		if p.peek() == '?' {
			switch {
			case len(p.src) > p.pos+1 && p.src[p.pos+1] == ':':
				p.pos += 2
			case len(p.src) > p.pos+2 && p.src[p.pos+1] == '<' && p.src[p.pos+2] != '=' && p.src[p.pos+2] != '!':
				end := p.pos + 2
				for end < len(p.src) && p.src[end] != '>' {
					end++
				}
				if end >= len(p.src) {
					return nil, p.errorf("unterminated group name")
				}
				p.pos = end + 1
			default:
				return nil, p.errorf("lookaround is not supported")
			}
		}
		e, err := p.alternation(depth + 1)
		if err != nil {
			return nil, err
		}
		if p.peek() != ')' {
			return nil, p.errorf("missing )")
		}
		p.pos++
		return e, nil
	case ')':
		return nil, p.errorf("unmatched )")
	case '[':
		return p.charClass()
	case '.':
		p.pos++
		return class(dotCP), nil
	case '^':
		p.pos++
		return anchorS, nil
	case '$':
		p.pos++
		return anchorE, nil
	case '*', '+', '?':
		return nil, p.errorf("nothing to repeat")
	case '\\':
		r, set, err := p.escape(false)
		if err != nil {
			return nil, err
		}
		if set != nil {
			return class(set), nil
		}
		return class([]cpRange{{r, r}}), nil
	}
	r, n := utf8.DecodeRuneInString(p.src[p.pos:])
	p.pos += n
	return class([]cpRange{{r, r}}), nil
}

// escape reads an escape at p.pos ('\\'); it returns either a character or
// a set (for \d \w \s and their negations).
func (p *regexParser) escape(inClass bool) (rune, []cpRange, error) {
	p.pos++
	if p.pos >= len(p.src) {
		return 0, nil, p.errorf("trailing backslash")
	}
	c := p.src[p.pos]
	p.pos++
	switch c {
	case 'd':
		return 0, digitCP, nil
	case 'D':
		return 0, negateRanges(digitCP), nil
	case 'w':
		return 0, wordCP, nil
	case 'W':
		return 0, negateRanges(wordCP), nil
	case 's':
		return 0, spaceCP, nil
	case 'S':
		return 0, negateRanges(spaceCP), nil
	case 'n':
		return '\n', nil, nil
	case 'r':
		return '\r', nil, nil
	case 't':
		return '\t', nil, nil
	case 'v':
		return '\v', nil, nil
	case 'f':
		return '\f', nil, nil
	case '0':
		return 0, nil, nil
	case 'b':
		if inClass {
			return '\b', nil, nil
		}
		return 0, nil, p.errorf(`\b (word boundary) is not supported`)
	case 'B':
		return 0, nil, p.errorf(`\B is not supported`)
	case 'p', 'P':
		return 0, nil, p.errorf(`unicode property escapes (\p) are not supported`)
	case 'c':
		if p.pos < len(p.src) {
			l := p.src[p.pos] | 0x20
			if l >= 'a' && l <= 'z' {
				p.pos++
				return rune(l-'a') + 1, nil, nil
			}
		}
		return 'c', nil, nil
	case 'x', 'u':
		n := 2
		if c == 'u' {
			n = 4
			if p.peek() == '{' {
				end := p.pos + 1
				for end < len(p.src) && p.src[end] != '}' {
					end++
				}
				v, err := strconv.ParseUint(p.src[p.pos+1:min(end, len(p.src))], 16, 32)
				if end >= len(p.src) || err != nil || v > utf8.MaxRune {
					return 0, nil, p.errorf(`bad \u{...} escape`)
				}
				p.pos = end + 1
				return rune(v), nil, nil
			}
		}
		if p.pos+n <= len(p.src) {
			if v, err := strconv.ParseUint(p.src[p.pos:p.pos+n], 16, 32); err == nil {
				p.pos += n
				return rune(v), nil, nil
			}
		}
		return rune(c), nil, nil // identity escape (annex B)
	}
	if c >= '1' && c <= '9' {
		return 0, nil, p.errorf("backreferences are not supported")
	}
	if c >= utf8.RuneSelf {
		p.pos--
		r, n := utf8.DecodeRuneInString(p.src[p.pos:])
		p.pos += n
		return r, nil, nil
	}
	return rune(c), nil, nil
}

func (p *regexParser) charClass() (*expr, error) {
	return bracketClass(p.src, &p.pos, p.errorf, func(ranges []cpRange) ([]cpRange, error) {
		lo, set, err := p.classAtom()
		if err != nil {
			return nil, err
		}
		if set != nil {
			return append(ranges, set...), nil
		}
		if p.peek() == '-' && p.pos+1 < len(p.src) && p.src[p.pos+1] != ']' {
			save := p.pos
			p.pos++
			hi, set2, err := p.classAtom()
			if err != nil {
				return nil, err
			}
			if set2 != nil { // [a-\d]: '-' is literal
				p.pos = save + 1
				return append(ranges, cpRange{lo, lo}, cpRange{'-', '-'}), nil
			}
			if hi < lo {
				return nil, p.errorf("range out of order")
			}
			return append(ranges, cpRange{lo, hi}), nil
		}
		return append(ranges, cpRange{lo, lo}), nil
	})
}

func (p *regexParser) classAtom() (rune, []cpRange, error) {
	if p.src[p.pos] == '\\' {
		return p.escape(true)
	}
	r, n := utf8.DecodeRuneInString(p.src[p.pos:])
	p.pos += n
	return r, nil, nil
}

// JSON string bodies: the characters of a string value as they appear
// between the quotes, escaped as JSON requires.

var (
	jsonSpecialCP = []cpRange{{0, 0x1f}, {'"', '"'}, {'\\', '\\'}}
	hexDigit      = class([]cpRange{{'0', '9'}, {'A', 'F'}, {'a', 'f'}})
)

// jsonClass matches one character in ranges written as in a JSON string:
// raw UTF-8, or an escape where JSON requires or allows one.
func jsonClass(ranges []cpRange) *expr {
	plain := intersectRanges(ranges, negateRanges(normRanges(jsonSpecialCP)))
	alts := []*expr{class(plain)}
	has := func(r rune) bool {
		for _, x := range ranges {
			if r >= x.lo && r <= x.hi {
				return true
			}
		}
		return false
	}
	for _, e := range []struct {
		r   rune
		esc string
	}{{'"', `\"`}, {'\\', `\\`}, {'/', `\/`}, {'\b', `\b`}, {'\f', `\f`}, {'\n', `\n`}, {'\r', `\r`}, {'\t', `\t`}} {
		if has(e.r) {
			alts = append(alts, lit(e.esc))
		}
	}
	for c := rune(0); c < 0x20; c++ {
		if has(c) {
			hexes := "0123456789abcdef"
			lo := rune(hexes[c&15])
			lc := []cpRange{{lo, lo}}
			if lo >= 'a' {
				lc = append(lc, cpRange{lo - 32, lo - 32})
			}
			alts = append(alts, seq(lit(`\u00`+string(hexes[c>>4])), class(lc)))
		}
	}
	return alt(alts...)
}

// jsonify rewrites a code-point expr (from a regex) to match the JSON
// string-body encodings of its strings.
func jsonify(e *expr) *expr {
	switch e.kind {
	case exClass:
		return jsonClass(e.ranges)
	case exLit:
		var kids []*expr
		for _, r := range string(e.lit) {
			kids = append(kids, jsonClass([]cpRange{{r, r}}))
		}
		return seq(kids...)
	case exSeq, exAlt, exRepeat:
		kids := make([]*expr, len(e.kids))
		for i, k := range e.kids {
			kids[i] = jsonify(k)
		}
		switch e.kind {
		case exSeq:
			return seq(kids...)
		case exAlt:
			return alt(kids...)
		}
		return repeat(kids[0], e.min, e.max)
	}
	return e
}
