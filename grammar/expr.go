package grammar

import (
	"fmt"
	"sort"
	"unicode/utf8"
)

// exprKind says what an expr node matches.
type exprKind uint8

const (
	exNothing exprKind = iota // matches no string
	exEmpty                   // matches the empty string
	exLit                     // the bytes lit
	exClass                   // one code point in ranges, written as UTF-8
	exBytes                   // one byte in the set bytes
	exSeq                     // kids one after another
	exAlt                     // any one of kids
	exRepeat                  // kids[0] repeated min..max times (max < 0: unbounded)
	exRef                     // the rule numbered ref
	exPerm                    // object members in any order (perm)
)

// expr is the grammar's intermediate form: GBNF, JSON Schema and regexes all
// compile to a list of rules whose bodies are expr trees over bytes and code
// points. Trees are immutable once built and may share subtrees.
type expr struct {
	kind     exprKind
	lit      []byte
	ranges   []cpRange // exClass: sorted, disjoint, non-adjacent
	bytes    *byteSet  // exBytes
	kids     []*expr
	min, max int
	ref      int
	perm     *permExpr
}

// permExpr is the body of an object whose members may come in any order,
// each declared member at most once: members[i] matches `"key":value`,
// extra one additional member (nil if none). Commas are added between
// members. It must be the body (between the braces) of a rule marked perm,
// whose call frame records the members seen.
type permExpr struct {
	members  []*expr
	required uint64
	extra    *expr
	minP     int
	maxP     int // -1: unbounded
	comma    *expr
	// extraLate offers additional members only once the required ones
	// are there (generation); a oneOf proof needs every order, so it
	// leaves it false.
	extraLate bool
}

// cpRange is an inclusive range of code points.
type cpRange struct{ lo, hi rune }

// byteSet is a set of byte values.
type byteSet [4]uint64

func (s *byteSet) add(b byte)      { s[b>>6] |= 1 << (b & 63) }
func (s *byteSet) has(b byte) bool { return s[b>>6]&(1<<(b&63)) != 0 }
func (s *byteSet) addRange(lo, hi byte) {
	for c := int(lo); c <= int(hi); c++ {
		s.add(byte(c))
	}
}

var (
	nothingExpr = &expr{kind: exNothing}
	emptyExpr   = &expr{kind: exEmpty}
)

func lit(s string) *expr {
	if s == "" {
		return emptyExpr
	}
	return &expr{kind: exLit, lit: []byte(s)}
}

func litBytes(b []byte) *expr {
	if len(b) == 0 {
		return emptyExpr
	}
	return &expr{kind: exLit, lit: append([]byte(nil), b...)}
}

func seq(kids ...*expr) *expr {
	var out []*expr
	for _, k := range kids {
		switch k.kind {
		case exNothing:
			return nothingExpr
		case exEmpty:
			continue
		case exSeq:
			out = append(out, k.kids...)
		default:
			out = append(out, k)
		}
	}
	switch len(out) {
	case 0:
		return emptyExpr
	case 1:
		return out[0]
	}
	return &expr{kind: exSeq, kids: out}
}

func alt(kids ...*expr) *expr {
	var out []*expr
	for _, k := range kids {
		switch k.kind {
		case exNothing:
			continue
		case exAlt:
			out = append(out, k.kids...)
		default:
			out = append(out, k)
		}
	}
	switch len(out) {
	case 0:
		return nothingExpr
	case 1:
		return out[0]
	}
	return &expr{kind: exAlt, kids: out}
}

func repeat(e *expr, min, max int) *expr {
	if max >= 0 && max < min {
		return nothingExpr
	}
	if max == 0 || e.kind == exEmpty {
		return emptyExpr
	}
	if e.kind == exNothing {
		if min == 0 {
			return emptyExpr
		}
		return nothingExpr
	}
	if min == 1 && max == 1 {
		return e
	}
	return &expr{kind: exRepeat, kids: []*expr{e}, min: min, max: max}
}

func opt(e *expr) *expr { return repeat(e, 0, 1) }

func ref(rule int) *expr { return &expr{kind: exRef, ref: rule} }

// class returns an expr matching one code point in ranges (any order,
// overlapping allowed). An empty set matches nothing.
func class(ranges []cpRange) *expr {
	r := normRanges(ranges)
	if len(r) == 0 {
		return nothingExpr
	}
	return &expr{kind: exClass, ranges: r}
}

func byteClass(s byteSet) *expr {
	if s == (byteSet{}) {
		return nothingExpr
	}
	return &expr{kind: exBytes, bytes: &s}
}

func normRanges(in []cpRange) []cpRange {
	r := make([]cpRange, 0, len(in))
	for _, x := range in {
		if x.lo < 0 {
			x.lo = 0
		}
		if x.hi > utf8.MaxRune {
			x.hi = utf8.MaxRune
		}
		if x.lo <= x.hi {
			r = append(r, x)
		}
	}
	sort.Slice(r, func(i, j int) bool { return r[i].lo < r[j].lo })
	out := r[:0]
	for _, x := range r {
		if n := len(out); n > 0 && x.lo <= out[n-1].hi+1 {
			if x.hi > out[n-1].hi {
				out[n-1].hi = x.hi
			}
			continue
		}
		out = append(out, x)
	}
	return out
}

// negateRanges returns the code points not in r (r normalized).
func negateRanges(r []cpRange) []cpRange {
	var out []cpRange
	next := rune(0)
	for _, x := range r {
		if x.lo > next {
			out = append(out, cpRange{next, x.lo - 1})
		}
		next = x.hi + 1
	}
	if next <= utf8.MaxRune {
		out = append(out, cpRange{next, utf8.MaxRune})
	}
	return out
}

func intersectRanges(a, b []cpRange) []cpRange {
	var out []cpRange
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		lo, hi := max(a[i].lo, b[j].lo), min(a[i].hi, b[j].hi)
		if lo <= hi {
			out = append(out, cpRange{lo, hi})
		}
		if a[i].hi < b[j].hi {
			i++
		} else {
			j++
		}
	}
	return out
}

// rule is one named production of a grammar.
type rule struct {
	name     string
	body     *expr
	noinline bool // always called, never copied into its callers
	perm     bool // holds an exPerm: always called with its own frame
}

// Grammar is a compiled context-free grammar over bytes: the result of
// ParseGBNF, FromJSONSchema or JSONObject. It is independent of any
// vocabulary, immutable and safe for concurrent use; Matcher binds it to a
// Vocab. A Grammar caches one token-mask automaton per Vocab it is used
// with, so reuse a Grammar (e.g. keyed by its source text) across requests.
type Grammar struct {
	rules []rule // rules[0] is the start rule
	prog  *program
	binds bindings
}

func newGrammar(rules []rule) (*Grammar, error) {
	p, err := compileProgram(rules, 0)
	if err != nil {
		return nil, err
	}
	return &Grammar{rules: rules, prog: p}, nil
}

// String describes g for debugging: rule count and NFA size.
func (g *Grammar) String() string {
	return fmt.Sprintf("grammar(%d rules, %d states)", len(g.rules), len(g.prog.states))
}
