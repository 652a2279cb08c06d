package grammar

import (
	"errors"
	"fmt"
	"unicode/utf8"
)

// The program is a Thompson NFA over bytes with one extension: a state may
// call a rule (push a return state, continue at the rule's start) and a
// rule's end state returns to the caller. Rules that are not recursive and
// not too large are inlined, so most grammars (every JSON Schema without
// recursive $refs) compile to a single NFA with no calls at all.

// nstate is one NFA state. A state may carry byte edges, epsilon edges and
// one call; end marks the end of a rule body.
type nstate struct {
	edges []nedge
	eps   []int32
	call  int32 // rule called, -1 for none
	ret   int32 // where the call returns
	end   bool
	// perm is set on the loop state of an any-order object.
	perm *permInfo
	// permBit >= 0 marks the end of a member: record it in the frame and
	// go back to permLoop (permExtra for an additional member).
	permBit  int8
	permLoop int32
}

const permExtra = 63

// permInfo is what the loop state of an any-order object offers.
type permInfo struct {
	first, next []int32 // per member: entry without and with a comma
	extraFirst  int32   // -1: no additional members
	extraNext   int32
	close       int32
	required    uint64
	minP, maxP  int
	extraLate   bool // additional members only after the required ones
}

type nedge struct {
	set int32 // index into program.sets
	to  int32
}

// program is a grammar compiled to an NFA, ready to be bound to vocabularies.
type program struct {
	states  []nstate
	sets    []byteSet
	start   []int32 // per rule (−1 until compiled)
	stop    []int32 // per rule end state
	rules   []rule
	root    int32 // start state of rule 0
	classOf [256]uint8
	rep     []byte // a representative byte per class
}

// Limits that keep a hostile or huge grammar from exhausting memory.
const (
	maxStates     = 1 << 21 // NFA states per grammar
	inlineLimit   = 4000    // largest rule body (in NFA states) inlined at each use
	hoistLimit    = 64      // repeated bodies larger than this become rule calls
	maxStackDepth = 2048    // rule-call nesting at run time
)

// ErrTooLarge reports a grammar whose automaton would exceed the package's
// size limits.
var ErrTooLarge = errors.New("grammar: grammar too large")

type builder struct {
	p         *program
	setIndex  map[byteSet]int32
	recursive []bool
	size      []int // estimated inlined size per rule, -1 unknown
	queue     []int32
	inlining  []bool
}

func compileProgram(rules []rule, root int) (*program, error) {
	if root < 0 || root >= len(rules) {
		return nil, errors.New("grammar: no rules")
	}
	p := &program{rules: rules}
	b := &builder{p: p, setIndex: map[byteSet]int32{}}
	b.recursive = recursiveRules(rules)
	b.size = make([]int, len(rules))
	for i := range b.size {
		b.size[i] = -1
	}
	b.inlining = make([]bool, len(rules))
	p.start = make([]int32, len(rules))
	p.stop = make([]int32, len(rules))
	for i := range p.start {
		p.start[i], p.stop[i] = -1, -1
	}
	if err := b.compileRule(int32(root)); err != nil {
		return nil, err
	}
	for len(b.queue) > 0 {
		r := b.queue[len(b.queue)-1]
		b.queue = b.queue[:len(b.queue)-1]
		if err := b.compileRule(r); err != nil {
			return nil, err
		}
	}
	p.root = p.start[root]
	if err := checkLeftRecursion(p); err != nil {
		return nil, err
	}
	p.buildClasses()
	return p, nil
}

func (b *builder) newState() int32 {
	b.p.states = append(b.p.states, nstate{call: -1, ret: -1, permBit: -1})
	return int32(len(b.p.states) - 1)
}

func (b *builder) compileRule(r int32) error {
	p := b.p
	if p.start[r] >= 0 {
		return nil
	}
	in, out := b.newState(), b.newState()
	p.start[r], p.stop[r] = in, out
	p.states[out].end = true
	b.inlining[r] = true
	err := b.build(p.rules[r].body, in, out)
	b.inlining[r] = false
	return err
}

func (b *builder) edge(from, to int32, s byteSet) {
	idx, ok := b.setIndex[s]
	if !ok {
		idx = int32(len(b.p.sets))
		b.p.sets = append(b.p.sets, s)
		b.setIndex[s] = idx
	}
	b.p.states[from].edges = append(b.p.states[from].edges, nedge{idx, to})
}

func (b *builder) eps(from, to int32) {
	b.p.states[from].eps = append(b.p.states[from].eps, to)
}

// build adds states so that the strings of e lead from in to out.
func (b *builder) build(e *expr, in, out int32) error {
	if len(b.p.states) > maxStates {
		return ErrTooLarge
	}
	switch e.kind {
	case exNothing:
	case exEmpty:
		b.eps(in, out)
	case exLit:
		cur := in
		for i, c := range e.lit {
			next := out
			if i < len(e.lit)-1 {
				next = b.newState()
			}
			var s byteSet
			s.add(c)
			b.edge(cur, next, s)
			cur = next
		}
	case exBytes:
		b.edge(in, out, *e.bytes)
	case exClass:
		b.buildClass(e.ranges, in, out)
	case exSeq:
		cur := in
		for i, k := range e.kids {
			next := out
			if i < len(e.kids)-1 {
				next = b.newState()
			}
			if err := b.build(k, cur, next); err != nil {
				return err
			}
			cur = next
		}
	case exAlt:
		for _, k := range e.kids {
			s := b.newState()
			b.eps(in, s)
			if err := b.build(k, s, out); err != nil {
				return err
			}
		}
	case exRepeat:
		return b.buildRepeat(e, in, out)
	case exRef:
		return b.buildRef(int32(e.ref), in, out)
	case exPerm:
		return b.buildPerm(e.perm, in, out)
	default:
		return fmt.Errorf("grammar: internal error: expr kind %d", e.kind)
	}
	return nil
}

func (b *builder) buildPerm(pe *permExpr, in, out int32) error {
	loop := b.newState()
	b.eps(in, loop)
	info := &permInfo{close: out, required: pe.required, minP: pe.minP, maxP: pe.maxP, extraFirst: -1, extraNext: -1, extraLate: pe.extraLate}
	entry := func(e *expr, bit int8) (int32, int32, error) {
		first, next, done := b.newState(), b.newState(), b.newState()
		if err := b.build(pe.comma, next, first); err != nil {
			return 0, 0, err
		}
		if err := b.build(e, first, done); err != nil {
			return 0, 0, err
		}
		b.p.states[done].permBit = bit
		b.p.states[done].permLoop = loop
		return first, next, nil
	}
	for i, m := range pe.members {
		f, n, err := entry(m, int8(i))
		if err != nil {
			return err
		}
		info.first = append(info.first, f)
		info.next = append(info.next, n)
	}
	if pe.extra != nil {
		f, n, err := entry(pe.extra, permExtra)
		if err != nil {
			return err
		}
		info.extraFirst, info.extraNext = f, n
	}
	b.p.states[loop].perm = info
	return nil
}

func (b *builder) buildRef(r int32, in, out int32) error {
	if !b.recursive[r] && !b.inlining[r] && !b.p.rules[r].noinline && !b.p.rules[r].perm && b.estimate(b.p.rules[r].body, 0) <= inlineLimit {
		b.inlining[r] = true
		err := b.build(b.p.rules[r].body, in, out)
		b.inlining[r] = false
		return err
	}
	q := b.newState()
	b.eps(in, q)
	b.p.states[q].call, b.p.states[q].ret = r, out
	if b.p.start[r] < 0 {
		b.queue = append(b.queue, r)
	}
	return nil
}

func (b *builder) buildRepeat(e *expr, in, out int32) error {
	body := e.kids[0]
	copies := e.min
	if e.max > e.min {
		copies = e.max
	}
	if copies > 1 && b.estimate(body, 0) > hoistLimit {
		// Copy a call, not the body.
		b.p.rules = append(b.p.rules, rule{name: "(repeat)", body: body})
		b.recursive = append(b.recursive, false)
		b.size = append(b.size, -1)
		b.inlining = append(b.inlining, false)
		b.p.start = append(b.p.start, -1)
		b.p.stop = append(b.p.stop, -1)
		r := len(b.p.rules) - 1
		b.queue = append(b.queue, int32(r))
		body = &expr{kind: exRef, ref: r}
		b.recursive[r] = true // never inline it
	}
	cur := in
	for i := 0; i < e.min; i++ {
		next := b.newState()
		if err := b.build(body, cur, next); err != nil {
			return err
		}
		cur = next
	}
	if e.max < 0 {
		loop := b.newState()
		b.eps(cur, loop)
		after := b.newState()
		if err := b.build(body, loop, after); err != nil {
			return err
		}
		b.eps(after, loop)
		b.eps(loop, out)
		return nil
	}
	for i := e.min; i < e.max; i++ {
		b.eps(cur, out)
		next := out
		if i < e.max-1 {
			next = b.newState()
		}
		if err := b.build(body, cur, next); err != nil {
			return err
		}
		cur = next
	}
	if e.max == e.min {
		b.eps(cur, out)
	}
	return nil
}

// estimate returns the approximate number of NFA states e compiles to with
// inlining, stopping early above inlineLimit.
func (b *builder) estimate(e *expr, depth int) int {
	if depth > 64 {
		return inlineLimit + 1
	}
	switch e.kind {
	case exLit:
		return len(e.lit)
	case exClass:
		return 2 * len(e.ranges)
	case exRef:
		r := e.ref
		if b.recursive[r] || b.inlining[r] {
			return 1
		}
		if b.size[r] < 0 {
			b.size[r] = inlineLimit + 1 // guards cycles during the estimate
			b.size[r] = b.estimate(b.p.rules[r].body, depth+1)
		}
		return b.size[r]
	case exSeq, exAlt:
		n := 1
		for _, k := range e.kids {
			n += b.estimate(k, depth+1)
			if n > inlineLimit {
				return n
			}
		}
		return n
	case exPerm:
		return inlineLimit + 1
	case exRepeat:
		c := max(e.min, e.max, 1)
		k := b.estimate(e.kids[0], depth+1)
		if c > 1 && k > hoistLimit {
			k = 1
		}
		if k > 0 && c > inlineLimit/k {
			return inlineLimit + 1
		}
		return 1 + c*k
	}
	return 1
}

// buildClass adds UTF-8 byte paths for every code point in ranges. Paths
// share their tails: all the continuation bytes after a leading byte range
// that are the same ranges end in the same states.
func (b *builder) buildClass(ranges []cpRange, in, out int32) {
	var ascii byteSet
	tails := map[string]int32{} // remaining ranges -> state expecting them
	var key []byte
	for _, r := range ranges {
		forEachUTF8Seq(r.lo, r.hi, func(seq []byteRange) {
			if len(seq) == 1 {
				ascii.addRange(seq[0].lo, seq[0].hi)
				return
			}
			// find or build the state that reads seq[1:] and reaches out
			key = key[:0]
			for _, br := range seq[1:] {
				key = append(key, br.lo, br.hi)
			}
			tail, ok := tails[string(key)]
			if !ok {
				next := out
				for i := len(seq) - 1; i >= 1; i-- {
					st := b.newState()
					var s byteSet
					s.addRange(seq[i].lo, seq[i].hi)
					b.edge(st, next, s)
					next = st
				}
				tail = next
				tails[string(key)] = tail
			}
			var s byteSet
			s.addRange(seq[0].lo, seq[0].hi)
			b.edge(in, tail, s)
		})
	}
	if ascii != (byteSet{}) {
		b.edge(in, out, ascii)
	}
}

type byteRange struct{ lo, hi byte }

// forEachUTF8Seq calls f with byte-range sequences whose concatenations are
// exactly the UTF-8 encodings of the code points lo..hi (surrogates
// excluded).
func forEachUTF8Seq(lo, hi rune, f func([]byteRange)) {
	if lo <= 0xD7FF && hi >= 0xD800 {
		if hi > 0xDFFF {
			forEachUTF8Seq(0xE000, hi, f)
		}
		hi = 0xD7FF
	} else if lo >= 0xD800 && lo <= 0xDFFF {
		if hi <= 0xDFFF {
			return
		}
		lo = 0xE000
	}
	if lo > hi {
		return
	}
	for _, limit := range []rune{0x7F, 0x7FF, 0xFFFF} {
		if lo <= limit && hi > limit {
			forEachUTF8Seq(lo, limit, f)
			forEachUTF8Seq(limit+1, hi, f)
			return
		}
	}
	n := utf8.RuneLen(lo)
	if n == 1 {
		f([]byteRange{{byte(lo), byte(hi)}})
		return
	}
	for i := 1; i < n; i++ {
		m := rune(1)<<(6*i) - 1
		if lo&^m != hi&^m {
			if lo&m != 0 {
				forEachUTF8Seq(lo, lo|m, f)
				forEachUTF8Seq((lo|m)+1, hi, f)
				return
			}
			if hi&m != m {
				forEachUTF8Seq(lo, (hi&^m)-1, f)
				forEachUTF8Seq(hi&^m, hi, f)
				return
			}
		}
	}
	var a, z [4]byte
	utf8.EncodeRune(a[:], lo)
	utf8.EncodeRune(z[:], hi)
	seq := make([]byteRange, n)
	for i := range seq {
		seq[i] = byteRange{a[i], z[i]}
	}
	f(seq)
}

// recursiveRules marks the rules that can reach themselves through references.
func recursiveRules(rules []rule) []bool {
	refs := make([][]int, len(rules))
	for i, r := range rules {
		seen := map[int]bool{}
		var walk func(e *expr)
		walk = func(e *expr) {
			if e.kind == exRef {
				if !seen[e.ref] {
					seen[e.ref] = true
					refs[i] = append(refs[i], e.ref)
				}
				return
			}
			for _, k := range e.kids {
				walk(k)
			}
		}
		walk(r.body)
	}
	rec := make([]bool, len(rules))
	for i := range rules {
		seen := make([]bool, len(rules))
		stack := append([]int(nil), refs[i]...)
		for len(stack) > 0 {
			r := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if r == i {
				rec[i] = true
				break
			}
			if seen[r] {
				continue
			}
			seen[r] = true
			stack = append(stack, refs[r]...)
		}
	}
	return rec
}

// checkLeftRecursion rejects grammars where a rule can call itself without
// consuming a byte: the run-time stack would grow without bound.
func checkLeftRecursion(p *program) error {
	n := len(p.rules)
	nullable := make([]bool, n)
	for changed := true; changed; {
		changed = false
		for r := 0; r < n; r++ {
			if p.start[r] < 0 || nullable[r] {
				continue
			}
			if _, reachEnd := leftReach(p, int32(r), nullable); reachEnd {
				nullable[r] = true
				changed = true
			}
		}
	}
	left := make([][]int32, n)
	for r := 0; r < n; r++ {
		if p.start[r] >= 0 {
			left[r], _ = leftReach(p, int32(r), nullable)
		}
	}
	state := make([]uint8, n) // 0 new, 1 on stack, 2 done
	var visit func(r int32) error
	visit = func(r int32) error {
		state[r] = 1
		for _, c := range left[r] {
			if state[c] == 1 {
				return fmt.Errorf("grammar: rule %q is left-recursive", p.rules[c].name)
			}
			if state[c] == 0 {
				if err := visit(c); err != nil {
					return err
				}
			}
		}
		state[r] = 2
		return nil
	}
	for r := 0; r < n; r++ {
		if p.start[r] >= 0 && state[r] == 0 {
			if err := visit(int32(r)); err != nil {
				return err
			}
		}
	}
	return nil
}

// leftReach explores rule r from its start without consuming bytes and
// returns the rules it calls on the way and whether its end is reachable.
func leftReach(p *program, r int32, nullable []bool) (calls []int32, end bool) {
	seen := map[int32]bool{}
	called := map[int32]bool{}
	stack := []int32{p.start[r]}
	for len(stack) > 0 {
		q := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[q] {
			continue
		}
		seen[q] = true
		st := &p.states[q]
		if q == p.stop[r] {
			end = true
		}
		stack = append(stack, st.eps...)
		if st.call >= 0 {
			if !called[st.call] {
				called[st.call] = true
				calls = append(calls, st.call)
			}
			if nullable[st.call] {
				stack = append(stack, st.ret)
			}
		}
	}
	return calls, end
}

// buildClasses partitions the 256 byte values into classes that no byte
// set of the program tells apart.
func (p *program) buildClasses() {
	// Refine: class id by the membership vector across all sets.
	keys := make(map[string]uint8)
	var key []byte
	p.rep = p.rep[:0]
	for c := 0; c < 256; c++ {
		key = key[:0]
		for i := range p.sets {
			if p.sets[i].has(byte(c)) {
				key = append(key, byte(i), byte(i>>8), byte(i>>16), 1)
			}
		}
		id, ok := keys[string(key)]
		if !ok {
			id = uint8(len(p.rep))
			keys[string(key)] = id
			p.rep = append(p.rep, byte(c))
		}
		p.classOf[c] = id
	}
}
