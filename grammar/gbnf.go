package grammar

import (
	"fmt"
	"strconv"
	"unicode/utf8"
)

// GBNF as llama.cpp writes it:
//
//	# comment
//	root   ::= object
//	object ::= "{" ws ( pair ( "," ws pair )* )? "}"
//	pair   ::= string ":" ws value
//	string ::= "\"" ( [^"\\\x00-\x1f] | "\\" ["\\/bfnrt] )* "\""
//	digits ::= [0-9]{1,10}
//	ws     ::= [ \t\n]*
//
// A rule is NAME ::= alternatives, ending at a newline that is not inside
// parentheses. Elements are "literals", [character classes] (ranges,
// ^negation), . (any character), rule names and ( groups ), each optionally
// followed by *, +, ?, {m}, {m,} or {m,n}. Literals and classes take the
// escapes \n \r \t \\ \" \[ \] \- \xHH \uHHHH \UHHHHHHHH. Characters are
// code points matched as UTF-8. The start rule is "root".

// maxGBNFRepeat bounds the counts of {m,n}.
const maxGBNFRepeat = 10000

// ParseGBNF compiles a GBNF grammar (llama.cpp's dialect) whose start rule
// is "root". Errors give the line and column.
func ParseGBNF(src string) (*Grammar, error) {
	p := &gbnfParser{src: src, index: map[string]int{}}
	rules, err := p.parse()
	if err != nil {
		return nil, err
	}
	return newGrammar(rules)
}

type gbnfParser struct {
	src     string
	pos     int
	rules   []rule
	index   map[string]int
	defined []bool
	usedAt  []int
}

func (p *gbnfParser) errorf(format string, args ...any) error {
	line, col := 1, 1
	for i := 0; i < p.pos && i < len(p.src); i++ {
		if p.src[i] == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return fmt.Errorf("grammar: gbnf line %d col %d: %s", line, col, fmt.Sprintf(format, args...))
}

func (p *gbnfParser) ruleIndex(name string) int {
	if i, ok := p.index[name]; ok {
		return i
	}
	i := len(p.rules)
	p.rules = append(p.rules, rule{name: name, body: nothingExpr})
	p.defined = append(p.defined, false)
	p.usedAt = append(p.usedAt, p.pos)
	p.index[name] = i
	return i
}

func (p *gbnfParser) parse() ([]rule, error) {
	p.ruleIndex("root")
	for {
		p.space(true)
		if p.pos >= len(p.src) {
			break
		}
		name := p.name()
		if name == "" {
			return nil, p.errorf("expected a rule name")
		}
		p.space(false)
		if !p.consume("::=") {
			return nil, p.errorf("expected ::= after %q", name)
		}
		p.space(true)
		body, err := p.alternatives(false)
		if err != nil {
			return nil, err
		}
		i := p.ruleIndex(name)
		if p.defined[i] {
			return nil, p.errorf("rule %q defined twice", name)
		}
		p.defined[i] = true
		p.rules[i].body = body
		if p.pos < len(p.src) && p.src[p.pos] != '\n' && p.src[p.pos] != '\r' {
			return nil, p.errorf("unexpected %q", p.src[p.pos])
		}
	}
	for i, d := range p.defined {
		if !d {
			p.pos = p.usedAt[i]
			if i == 0 {
				return nil, fmt.Errorf("grammar: gbnf has no root rule")
			}
			return nil, p.errorf("undefined rule %q", p.rules[i].name)
		}
	}
	return p.rules, nil
}

func isWordChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
}

func (p *gbnfParser) name() string {
	start := p.pos
	for p.pos < len(p.src) && isWordChar(p.src[p.pos]) {
		p.pos++
	}
	return p.src[start:p.pos]
}

func (p *gbnfParser) consume(s string) bool {
	if len(p.src)-p.pos >= len(s) && p.src[p.pos:p.pos+len(s)] == s {
		p.pos += len(s)
		return true
	}
	return false
}

// space skips blanks and comments, and newlines when newlines is true.
func (p *gbnfParser) space(newlines bool) {
	for p.pos < len(p.src) {
		switch c := p.src[p.pos]; {
		case c == ' ' || c == '\t':
			p.pos++
		case c == '#':
			for p.pos < len(p.src) && p.src[p.pos] != '\n' {
				p.pos++
			}
		case (c == '\n' || c == '\r') && newlines:
			p.pos++
		default:
			return
		}
	}
}

func (p *gbnfParser) alternatives(nested bool) (*expr, error) {
	var alts []*expr
	for {
		s, err := p.sequence(nested)
		if err != nil {
			return nil, err
		}
		alts = append(alts, s)
		if p.pos < len(p.src) && p.src[p.pos] == '|' {
			p.pos++
			p.space(true)
			continue
		}
		break
	}
	if len(alts) == 1 {
		return alts[0], nil
	}
	return alt(alts...), nil
}

func (p *gbnfParser) sequence(nested bool) (*expr, error) {
	var items []*expr
	depth := 0
	for p.pos < len(p.src) {
		var e *expr
		c := p.src[p.pos]
		switch {
		case c == '"':
			p.pos++
			var buf []byte
			for {
				if p.pos >= len(p.src) {
					return nil, p.errorf("unterminated literal")
				}
				if p.src[p.pos] == '"' {
					p.pos++
					break
				}
				r, err := p.char()
				if err != nil {
					return nil, err
				}
				buf = utf8.AppendRune(buf, r)
			}
			e = litBytes(buf)
		case c == '[':
			var err error
			if e, err = p.charClass(); err != nil {
				return nil, err
			}
		case c == '.':
			p.pos++
			e = class([]cpRange{{0, utf8.MaxRune}})
		case c == '(':
			p.pos++
			p.space(true)
			depth++
			if depth > 1000 {
				return nil, p.errorf("groups nested too deeply")
			}
			inner, err := p.alternatives(true)
			if err != nil {
				return nil, err
			}
			if p.pos >= len(p.src) || p.src[p.pos] != ')' {
				return nil, p.errorf("expected )")
			}
			p.pos++
			e = inner
		case isWordChar(c):
			name := p.name()
			e = ref(p.ruleIndex(name))
		default:
			goto done
		}
		p.space(nested)
		for p.pos < len(p.src) {
			var err error
			switch p.src[p.pos] {
			case '*':
				p.pos++
				e = repeat(e, 0, -1)
			case '+':
				p.pos++
				e = repeat(e, 1, -1)
			case '?':
				p.pos++
				e = repeat(e, 0, 1)
			case '{':
				if e, err = p.braces(e); err != nil {
					return nil, err
				}
			default:
				goto postDone
			}
			p.space(nested)
		}
	postDone:
		items = append(items, e)
	}
done:
	// A name followed by ::= means the previous rule ended without a newline;
	// the caller reports it.
	return seq(items...), nil
}

func (p *gbnfParser) braces(e *expr) (*expr, error) {
	p.pos++ // {
	p.space(false)
	readInt := func() (int, bool, error) {
		start := p.pos
		for p.pos < len(p.src) && p.src[p.pos] >= '0' && p.src[p.pos] <= '9' {
			p.pos++
		}
		if start == p.pos {
			return 0, false, nil
		}
		n, err := strconv.Atoi(p.src[start:p.pos])
		if err != nil || n > maxGBNFRepeat {
			return 0, false, p.errorf("repetition count %s too large (max %d)", p.src[start:p.pos], maxGBNFRepeat)
		}
		return n, true, nil
	}
	lo, ok, err := readInt()
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, p.errorf("expected a number after {")
	}
	p.space(false)
	hi := lo
	if p.pos < len(p.src) && p.src[p.pos] == ',' {
		p.pos++
		p.space(false)
		n, ok, err := readInt()
		if err != nil {
			return nil, err
		}
		hi = -1
		if ok {
			hi = n
		}
		p.space(false)
	}
	if p.pos >= len(p.src) || p.src[p.pos] != '}' {
		return nil, p.errorf("expected }")
	}
	p.pos++
	if hi >= 0 && hi < lo {
		return nil, p.errorf("repetition {%d,%d} has max below min", lo, hi)
	}
	return repeat(e, lo, hi), nil
}

func (p *gbnfParser) charClass() (*expr, error) {
	return bracketClass(p.src, &p.pos, p.errorf, func(ranges []cpRange) ([]cpRange, error) {
		lo, err := p.char()
		if err != nil {
			return nil, err
		}
		hi := lo
		if p.pos+1 < len(p.src) && p.src[p.pos] == '-' && p.src[p.pos+1] != ']' {
			p.pos++
			if hi, err = p.char(); err != nil {
				return nil, err
			}
			if hi < lo {
				return nil, p.errorf("character range %q-%q is reversed", lo, hi)
			}
		}
		return append(ranges, cpRange{lo, hi}), nil
	})
}

// bracketClass parses the bracket class at src[*pos] (its '[') for the GBNF
// and regex parsers: an optional '^', then items up to the closing ']',
// each read by item, which appends its ranges. errorf reports at *pos.
func bracketClass(src string, pos *int, errorf func(format string, args ...any) error, item func([]cpRange) ([]cpRange, error)) (*expr, error) {
	*pos++ // [
	neg := *pos < len(src) && src[*pos] == '^'
	if neg {
		*pos++
	}
	var ranges []cpRange
	for {
		if *pos >= len(src) {
			return nil, errorf("unterminated character class")
		}
		if src[*pos] == ']' {
			*pos++
			break
		}
		var err error
		if ranges, err = item(ranges); err != nil {
			return nil, err
		}
	}
	r := normRanges(ranges)
	if neg {
		r = negateRanges(r)
	}
	return class(r), nil
}

// char reads one (possibly escaped) character of a literal or class.
func (p *gbnfParser) char() (rune, error) {
	c := p.src[p.pos]
	if c != '\\' {
		r, n := utf8.DecodeRuneInString(p.src[p.pos:])
		if r == utf8.RuneError && n <= 1 {
			return 0, p.errorf("invalid UTF-8")
		}
		p.pos += n
		return r, nil
	}
	p.pos++
	if p.pos >= len(p.src) {
		return 0, p.errorf("unterminated escape")
	}
	c = p.src[p.pos]
	p.pos++
	hex := 0
	switch c {
	case 'n':
		return '\n', nil
	case 'r':
		return '\r', nil
	case 't':
		return '\t', nil
	case '\\', '"', '[', ']', '-', '^', '/', '\'':
		return rune(c), nil
	case 'x':
		hex = 2
	case 'u':
		hex = 4
	case 'U':
		hex = 8
	default:
		return 0, p.errorf("unknown escape \\%c", c)
	}
	if p.pos+hex > len(p.src) {
		return 0, p.errorf("short \\%c escape", c)
	}
	v, err := strconv.ParseUint(p.src[p.pos:p.pos+hex], 16, 32)
	if err != nil || v > utf8.MaxRune {
		return 0, p.errorf("bad \\%c escape %q", c, p.src[p.pos:p.pos+hex])
	}
	p.pos += hex
	return rune(v), nil
}
