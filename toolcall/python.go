package toolcall

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Llama 4's Python list of calls, as Meta documents it (llama-models,
// models/llama4/prompt_format.md) and reads it (models/llama3/tool_utils.py:
// the reply is one Python list expression whose items are calls of a plain
// name with keyword arguments only, each a literal):
//
//	[get_weather(city="San Francisco"), get_weather(city="Seattle")]
//	[get_user_info(user_id=7890, special='black')]
//
// Literals are Python's: strings in single or double quotes with escapes,
// integers, floats, True, False, None, lists, tuples and dicts; they become
// JSON (tuples as arrays, True as true, None as null, dict keys as strings).

// pythonTrigger starts a Python list of calls at the start of a Llama 4
// reply.
var pythonTrigger = Trigger{Text: "[", AtStart: true}

// llama4Markers are Llama 4's special tokens around code; its template
// writes an assistant turn with calls as <|python_start|>content<|python_end|>
// followed by the calls, so they are dropped from the reply before it is
// parsed.
var llama4Markers = []string{"<|python_start|>", "<|python_end|>"}

// maxPythonDepth bounds the nesting of a Python literal.
const maxPythonDepth = 64

// pyState is where the streaming scan of a Python list stands.
type pyState uint8

const (
	pyOpen  pyState = iota // after "[" or ",": before a call's name
	pyName                 // in the name
	pyParen                // after the name, before "("
	pyArgs                 // inside the parentheses
	pyAfter                // after a call: "," or "]"
)

// pyScan follows a Python list of calls byte by byte, to find where each
// call ends; parsePythonCall then reads it.
type pyScan struct {
	state pyState
	depth int    // bracket depth inside the call's parentheses
	quote byte   // the open string's quote, or 0
	esc   bool   // after a backslash in a string
	comma bool   // a "," came after the last call
	n     int    // calls read
	cur   []byte // the call being read
}

// pyStep is the result of one byte of a Python list.
type pyStep uint8

const (
	pyMore pyStep = iota // keep reading
	pyCall               // a call ended: cur holds it
	pyEnd                // the list ended
	pyBad                // not a list of calls
)

// feed takes the next byte.
func (s *pyScan) feed(c byte) pyStep {
	switch s.state {
	case pyOpen:
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
		case identStart(c):
			s.state, s.cur = pyName, append(s.cur[:0], c)
		case c == ']' && s.comma && s.n > 0:
			return pyEnd // Python allows a trailing comma
		default:
			return pyBad
		}
	case pyName:
		switch {
		case identByte(c):
			s.cur = append(s.cur, c)
		case c == '(':
			s.cur = append(s.cur, c)
			s.state, s.depth = pyArgs, 1
		case c == ' ' || c == '\t':
			s.state = pyParen
		default:
			return pyBad
		}
	case pyParen:
		switch c {
		case ' ', '\t':
		case '(':
			s.cur = append(s.cur, c)
			s.state, s.depth = pyArgs, 1
		default:
			return pyBad
		}
	case pyArgs:
		s.cur = append(s.cur, c)
		switch {
		case s.quote != 0:
			switch {
			case s.esc:
				s.esc = false
			case c == '\\':
				s.esc = true
			case c == s.quote:
				s.quote = 0
			case c == '\n':
				return pyBad
			}
		case c == '"' || c == '\'':
			s.quote = c
		case c == '(' || c == '[' || c == '{':
			s.depth++
			if s.depth > maxPythonDepth {
				return pyBad
			}
		case c == ')' || c == ']' || c == '}':
			s.depth--
			if s.depth == 0 {
				if c != ')' {
					return pyBad
				}
				s.state, s.comma = pyAfter, false
				s.n++
				return pyCall
			}
		}
	case pyAfter:
		switch c {
		case ' ', '\t', '\r', '\n':
		case ',':
			s.state, s.comma = pyOpen, true
		case ']':
			return pyEnd
		default:
			return pyBad
		}
	}
	return pyMore
}

func identStart(c byte) bool { return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func identByte(c byte) bool  { return identStart(c) || c >= '0' && c <= '9' }

// parsePythonCall reads one call, name(key=value, ...), and returns the
// name and the arguments as a JSON object, keys in the order written.
func parsePythonCall(s string) (name, args string, ok bool) {
	p := pyParser{s: s}
	i := 0
	for i < len(s) && identByte(s[i]) {
		i++
	}
	if i == 0 || !identStart(s[0]) {
		return "", "", false
	}
	name, p.i = s[:i], i
	p.space()
	if !p.eat('(') {
		return "", "", false
	}
	var kv pairs
	_, ok = p.items(')', func() bool {
		k := p.i
		for p.i < len(s) && identByte(s[p.i]) {
			p.i++
		}
		if k == p.i || !identStart(s[k]) {
			return false
		}
		key := s[k:p.i]
		p.space()
		if !p.eat('=') {
			return false // positional arguments are not calls Meta's reader takes
		}
		var kb, vb strings.Builder
		writeJSONString(&kb, key)
		if !p.value(&vb, 0) {
			return false
		}
		kv.set(kb.String(), vb.String())
		return true
	})
	if !ok {
		return "", "", false
	}
	if p.i != len(s) {
		return "", "", false
	}
	return name, kv.object(), true
}

// pairs are the members of a JSON object being built; a repeated key keeps
// its first place and takes the last value, as a Python dict does.
type pairs struct {
	keys, vals []string
}

func (o *pairs) set(k, v string) {
	for i, have := range o.keys {
		if have == k {
			o.vals[i] = v
			return
		}
	}
	o.keys, o.vals = append(o.keys, k), append(o.vals, v)
}

func (o *pairs) object() string {
	var b strings.Builder
	b.WriteByte('{')
	for i, k := range o.keys {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(k + ": " + o.vals[i])
	}
	b.WriteByte('}')
	return b.String()

}

// pyParser reads Python literals from s into JSON.
type pyParser struct {
	s string
	i int
}

func (p *pyParser) space() {
	for p.i < len(p.s) && strings.IndexByte(" \t\r\n", p.s[p.i]) >= 0 {
		p.i++
	}
}

// items reads comma-separated items up to end (after the opening
// bracket), each with item, and reports whether a comma ended the
// sequence (Python allows one).
func (p *pyParser) items(end byte, item func() bool) (trailing, ok bool) {
	p.space()
	if p.eat(end) {
		return false, true
	}
	for {
		if !item() {
			return false, false
		}
		p.space()
		if p.eat(end) {
			return false, true
		}
		if !p.eat(',') {
			return false, false
		}
		p.space()
		if p.eat(end) {
			return true, true
		}
	}
}

func (p *pyParser) eat(c byte) bool {
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

// value reads one literal and writes it as JSON.
func (p *pyParser) value(b *strings.Builder, depth int) bool {
	if depth > maxPythonDepth {
		return false
	}
	p.space()
	if p.i >= len(p.s) {
		return false
	}
	switch c := p.s[p.i]; {
	case c == '"' || c == '\'':
		s, ok := p.str()
		if ok {
			writeJSONString(b, s)
		}
		return ok
	case c == '[' || c == '(':
		p.i++
		end := byte(']')
		if c == '(' {
			end = ')'
		}
		var items []string
		trailing, ok := p.items(end, func() bool {
			var ib strings.Builder
			items = append(items, "")
			if !p.value(&ib, depth+1) {
				return false
			}
			items[len(items)-1] = ib.String()
			return true
		})
		if !ok {
			return false
		}
		if c == '(' && len(items) == 1 && !trailing {
			b.WriteString(items[0]) // (x) is x; (x,) is a tuple
			return true
		}
		b.WriteString("[" + strings.Join(items, ", ") + "]")
		return true
	case c == '{':
		p.i++
		var kv pairs
		_, ok := p.items('}', func() bool {
			var kb, vb strings.Builder
			if !p.key(&kb) {
				return false
			}
			p.space()
			if !p.eat(':') || !p.value(&vb, depth+1) {
				return false
			}
			kv.set(kb.String(), vb.String())
			return true
		})
		if !ok {
			return false
		}
		b.WriteString(kv.object())
		return true
	}
	return p.scalar(b)
}

// key reads a dict key (a string or a number literal) and writes it as a
// JSON string, as Python's json.dumps writes keys.
func (p *pyParser) key(b *strings.Builder) bool {
	if p.i < len(p.s) && (p.s[p.i] == '"' || p.s[p.i] == '\'') {
		s, ok := p.str()
		if ok {
			writeJSONString(b, s)
		}
		return ok
	}
	var sb strings.Builder
	if !p.scalar(&sb) {
		return false
	}
	writeJSONString(b, sb.String())
	return true
}

// scalar reads a number, True, False or None.
func (p *pyParser) scalar(b *strings.Builder) bool {
	for _, w := range [...]struct{ py, js string }{{"True", "true"}, {"False", "false"}, {"None", "null"}} {
		if strings.HasPrefix(p.s[p.i:], w.py) && (p.i+len(w.py) == len(p.s) || !identByte(p.s[p.i+len(w.py)])) {
			p.i += len(w.py)
			b.WriteString(w.js)
			return true
		}
	}
	j := p.i
	if j < len(p.s) && (p.s[j] == '-' || p.s[j] == '+') {
		j++
	}
	k := j
	for k < len(p.s) && (p.s[k] >= '0' && p.s[k] <= '9' || strings.IndexByte(".eE_", p.s[k]) >= 0 ||
		(p.s[k] == '-' || p.s[k] == '+') && (p.s[k-1] == 'e' || p.s[k-1] == 'E')) {
		k++
	}
	if k == j {
		return false
	}
	text := strings.ReplaceAll(p.s[p.i:k], "_", "")
	if strings.Contains(p.s[j:k], "__") || strings.HasPrefix(p.s[j:k], "_") || strings.HasSuffix(p.s[j:k], "_") {
		return false
	}
	if !strings.ContainsAny(text, ".eE") {
		digits := strings.TrimLeft(text, "+-")
		if len(digits) > 1 && digits[0] == '0' && strings.Trim(digits, "0") != "" {
			return false // Python 3 has no leading-zero integers
		}
		n, ok := new(big.Int).SetString(text, 10)
		if !ok {
			return false
		}
		b.WriteString(n.String()) // 00 is 0, -0 is 0, as Python reads them
		p.i = k
		return true
	}
	f, err := strconv.ParseFloat(text, 64)
	if err != nil || text[len(text)-1] == 'e' || text[len(text)-1] == 'E' {
		return false
	}
	if math.IsInf(f, 0) {
		return false // Python reads inf, which JSON cannot hold
	}
	b.WriteString(pyFloat(f))
	p.i = k
	return true
}

// str reads a quoted string with Python's escapes (no prefixes, no triple
// quotes).
func (p *pyParser) str() (string, bool) {
	q := p.s[p.i]
	p.i++
	var b strings.Builder
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == q:
			p.i++
			return b.String(), true
		case c == '\n':
			return "", false
		case c != '\\':
			b.WriteByte(c)
			p.i++
			continue
		}
		p.i++
		if p.i >= len(p.s) {
			return "", false
		}
		e := p.s[p.i]
		p.i++
		switch e {
		case '\n':
		case '\\', '\'', '"':
			b.WriteByte(e)
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'v':
			b.WriteByte('\v')
		case 'a':
			b.WriteByte('\a')
		case '0', '1', '2', '3', '4', '5', '6', '7':
			n, k := int(e-'0'), 1
			for k < 3 && p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '7' {
				n, k = n*8+int(p.s[p.i]-'0'), k+1
				p.i++
			}
			b.WriteRune(rune(n))
		case 'x', 'u', 'U':
			w := map[byte]int{'x': 2, 'u': 4, 'U': 8}[e]
			if p.i+w > len(p.s) {
				return "", false
			}
			n, err := strconv.ParseUint(p.s[p.i:p.i+w], 16, 32)
			if err != nil || n > utf8.MaxRune || n >= 0xD800 && n <= 0xDFFF && e != 'x' {
				return "", false
			}
			p.i += w
			b.WriteRune(rune(n))
		default:
			b.WriteByte('\\') // Python keeps an unknown escape as written
			b.WriteByte(e)
		}
	}
	return "", false
}

// pyFloat is Python's repr of f, which json.dumps writes: the shortest
// digits that read back, in exponent form below 1e-4 and from 1e16 on,
// else with a decimal point.
func pyFloat(f float64) string {
	e := strconv.FormatFloat(f, 'e', -1, 64)
	exp, _ := strconv.Atoi(e[strings.IndexByte(e, 'e')+1:])
	if f != 0 && (exp < -4 || exp >= 16) {
		return e
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

// writeJSONString writes s as a JSON string as Python's json.dumps does
// with ensure_ascii=False: only quotes, backslashes and control characters
// are escaped (invalid UTF-8 becomes U+FFFD).
func writeJSONString(b *strings.Builder, s string) {
	const hex = "0123456789abcdef"
	b.WriteByte('"')
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\b':
			b.WriteString(`\b`)
		case r == '\f':
			b.WriteString(`\f`)
		case r < 0x20:
			b.WriteString(`\u`)
			for sh := 12; sh >= 0; sh -= 4 {
				b.WriteByte(hex[r>>sh&0xF])
			}
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
}
