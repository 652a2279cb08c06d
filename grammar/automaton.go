package grammar

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"sync"
	"unsafe"
)

// automaton is a grammar bound to a vocabulary: the lazily built
// deterministic automaton over configurations of the rule-calling NFA, plus
// cached token masks. A configuration is a set of (NFA state, call stack)
// pairs; configurations are interned, numbered, and their byte transitions
// memoized, so after warm-up walking a token or the token trie costs one
// table lookup per byte, whatever the grammar.
//
// mu guards everything below it; a Matcher holds it during each call.
type automaton struct {
	p    *program
	v    *Vocab
	ncls int
	// plainSeqs spell every plain character (see Vocab) as byte ranges.
	plainSeqs [][]byteRange
	frontier  []int32
	frontier2 []int32
	// plainNext memoizes plainStep per configuration: unknown, -2 for
	// "not uniform", else the state.
	plainNext []int32

	// local is the frame-abstracted twin (see localConf); nil for the
	// twin itself, whose isLocal is set.
	local   *automaton
	isLocal bool
	// localOf memoizes localConf per configuration: unknown, -2 for none.
	localOf []int32
	// escOf marks the twin's configurations that reached a frame below
	// the token (an escape); escs are the escape points of its masks.
	escOf []bool
	escs  map[int32][]escPoint
	// freeMasks are mask buffers of an emptied cache, for reuse.
	freeMasks [][]uint64
	escBuf    []escPoint

	mu sync.Mutex
	// bytes estimates the memory of the tables below; epoch counts the
	// times they were dropped (see shrinkLocked).
	bytes    int
	tableCap int // maxTableBytes but in tests
	epoch    uint32
	stacks   []stackNode
	stackK   map[stackNode]int32
	confs    []conf
	confK    map[string]int32
	rows     [][]int32 // transitions per chunk of configurations; unknown = -1, 0 = dead
	masks    map[int32][]uint64
	start    int32

	// scratch for closures
	seen    map[elem]uint32 // elem -> closure generation that saw it
	seenQ   []uint32        // per NFA state: generation of its first elem
	seenK   []int32         // per NFA state: that elem's stack
	gen     uint32
	kernel  []elem
	accept  bool
	esc     bool
	keyBuf  []byte
	walkBuf []int32
}

// elem is an NFA state with the call stack under it (index into stacks,
// -1 for the empty stack).
type elem struct{ q, k int32 }

type stackNode struct {
	ret, parent int32
	depth       int32
	// data is the members seen by an any-order object whose rule this
	// frame runs: bits 0..47 declared members, bits 48.. the count of
	// additional ones.
	data uint64
}

const (
	permMaskBits = 48
	permMask     = 1<<permMaskBits - 1
)

type conf struct {
	elems   []elem
	accept  bool
	rowDone bool // dead classes filled in trans
}

// escPoint is where a mask walk of the local twin left the frames it
// knows: the subtree of trie node node of tr, or (tr nil) token tok.
type escPoint struct {
	tr   *trie
	node int32
	tok  int32
}

const (
	unknown = -1
	dead    = 0
	// maskCacheBytes bounds the cache of whole masks of an automaton and
	// of its twin each (16 KiB a mask for a 128k vocabulary: 512 masks);
	// when full, the cache is emptied.
	maskCacheBytes = 8 << 20
	// maxTableBytes bounds the lazily built tables of an automaton and
	// its twin together (configurations, transitions, stacks). Above it
	// the tables are dropped at the next matcher call and built again as
	// needed; matchers find their place again by replaying their text.
	maxTableBytes = 128 << 20
)

// maxMasks is how many masks the cache of one automaton holds.
func (a *automaton) maxMasks() int { return max(16, maskCacheBytes/(8*max(1, a.v.words))) }

// tableBytes estimates the memory of the lazily built tables of a and its twin.
func (a *automaton) tableBytes() int {
	n := a.bytes
	if a.local != nil {
		n += a.local.bytes
	}
	return n
}

// shrinkLocked drops the tables when they exceed maxTableBytes; epoch
// tells matchers that their configuration numbers are stale.
func (a *automaton) shrinkLocked() {
	if a.tableBytes() <= a.tableCap {
		return
	}
	a.reset()
	if a.local != nil {
		a.local.reset()
	}
	a.epoch++
}

func newAutomaton(p *program, v *Vocab) *automaton {
	a := &automaton{p: p, v: v, ncls: len(p.rep), plainSeqs: plainUTF8Seqs(), tableCap: maxTableBytes}
	a.reset()
	if hasCalls(p) {
		a.local = &automaton{p: p, v: v, ncls: a.ncls, plainSeqs: a.plainSeqs, isLocal: true}
		a.local.reset()
	}
	return a
}

// hasCalls reports whether p calls rules at all: without calls every
// configuration has empty stacks and the local twin would be the same.
func hasCalls(p *program) bool {
	for i := range p.states {
		if p.states[i].call >= 0 {
			return true
		}
	}
	return false
}

func (a *automaton) reset() {
	a.stacks = a.stacks[:0]
	a.stackK = map[stackNode]int32{}
	a.confs = []conf{{}} // 0 = dead
	a.confK = map[string]int32{"": 0}
	a.rows = a.rows[:0]
	a.addRow()
	a.bytes = 0
	a.masks = map[int32][]uint64{}
	a.escs = map[int32][]escPoint{}
	a.escOf = append(a.escOf[:0], false)
	a.localOf = a.localOf[:0]
	a.plainNext = a.plainNext[:0]
	a.seen = map[elem]uint32{}
	a.seenQ = make([]uint32, len(a.p.states))
	a.seenK = make([]int32, len(a.p.states))
	a.beginClosure()
	a.closure(elem{a.p.root, -1})
	a.start = a.internLocked()
}

func (a *automaton) beginClosure() {
	a.gen++
	if a.gen == 0 || len(a.seen) > 1<<20 {
		clear(a.seen)
		clear(a.seenQ)
		a.gen = 1
	}
	a.kernel = a.kernel[:0]
	a.accept = false
	a.esc = false
}

func (a *automaton) closure(e elem) {
	// Most states appear with one stack per closure: a dense array
	// answers those, the map the rest.
	if a.seenQ[e.q] != a.gen {
		a.seenQ[e.q] = a.gen
		a.seenK[e.q] = e.k
	} else if a.seenK[e.q] == e.k || a.seen[e] == a.gen {
		return
	} else {
		a.seen[e] = a.gen
	}
	st := &a.p.states[e.q]
	if len(st.edges) > 0 {
		a.kernel = append(a.kernel, e)
	}
	if st.end {
		if e.k < 0 {
			a.accept = true
		} else if s := a.stacks[e.k]; s.ret < 0 {
			a.esc = true // returns into a frame the twin does not know
		} else {
			a.closure(elem{s.ret, s.parent})
		}
	}
	for _, t := range st.eps {
		a.closure(elem{t, e.k})
	}
	if st.perm != nil && e.k >= 0 {
		if a.stacks[e.k].ret < 0 {
			a.esc = true
		} else {
			a.permClosure(st.perm, e.k)
		}
	}
	if st.permBit >= 0 && e.k >= 0 {
		if f := a.stacks[e.k]; f.ret < 0 {
			a.esc = true // the frame's members are unknown here
		} else {
			if st.permBit == permExtra {
				f.data += 1 << permMaskBits
			} else {
				f.data |= 1 << uint(st.permBit)
			}
			a.closure(elem{st.permLoop, a.internStack(f)})
		}
	}
	if st.call >= 0 {
		if r := &a.p.states[st.ret]; !a.p.rules[st.call].perm && r.end && len(r.edges) == 0 && len(r.eps) == 0 && r.call < 0 {
			// A tail call: the callee returns where the caller would.
			a.closure(elem{a.p.start[st.call], e.k})
			return
		}
		depth := int32(1)
		if e.k >= 0 {
			depth = a.stacks[e.k].depth + 1
		}
		if a.isLocal && depth > localDepth {
			a.esc = true // deeper than the twin follows: the real walk decides
		} else if depth <= maxStackDepth {
			k := a.internStack(stackNode{ret: st.ret, parent: e.k, depth: depth})
			a.closure(elem{a.p.start[st.call], k})
		}
	}
}

func (a *automaton) internStack(n stackNode) int32 {
	k, ok := a.stackK[n]
	if !ok {
		k = int32(len(a.stacks))
		a.stacks = append(a.stacks, n)
		a.stackK[n] = k
		a.bytes += 3 * int(unsafe.Sizeof(n))
	}
	return k
}

// permClosure offers what may follow in an any-order object whose frame
// is k: a member not seen yet, an additional member once the required ones
// are there, or the close.
func (a *automaton) permClosure(pi *permInfo, k int32) {
	data := a.stacks[k].data
	seen := data & permMask
	count := bits.OnesCount64(seen) + int(data>>permMaskBits)
	first := data == 0
	more := pi.maxP < 0 || count < pi.maxP
	if more {
		for i := range pi.first {
			if seen&(1<<uint(i)) != 0 {
				continue
			}
			if first {
				a.closure(elem{pi.first[i], k})
			} else {
				a.closure(elem{pi.next[i], k})
			}
		}
		// Additional members come after the required ones: a model is
		// led to the keys it must write (and a weak one finishes), at the
		// cost of refusing objects with an additional key first.
		if pi.extraFirst >= 0 && (!pi.extraLate || seen&pi.required == pi.required) {
			if first {
				a.closure(elem{pi.extraFirst, k})
			} else {
				a.closure(elem{pi.extraNext, k})
			}
		}
	}
	if seen&pi.required == pi.required && count >= pi.minP && (pi.maxP < 0 || count <= pi.maxP) {
		a.closure(elem{pi.close, k})
	}
}

// internLocked numbers the configuration collected by the closure.
func (a *automaton) internLocked() int32 {
	if len(a.kernel) == 0 && !a.accept && !a.esc {
		return dead
	}
	slices.SortFunc(a.kernel, func(x, y elem) int {
		if x.q != y.q {
			return int(x.q - y.q)
		}
		return int(x.k - y.k)
	})
	key := a.keyBuf[:0]
	var flags byte
	if a.accept {
		flags |= 1
	}
	if a.esc {
		flags |= 2
	}
	key = append(key, flags)
	for _, e := range a.kernel {
		key = binary.LittleEndian.AppendUint32(key, uint32(e.q))
		key = binary.LittleEndian.AppendUint32(key, uint32(e.k))
	}
	a.keyBuf = key
	if id, ok := a.confK[string(key)]; ok {
		return id
	}
	id := int32(len(a.confs))
	a.confs = append(a.confs, conf{elems: slices.Clone(a.kernel), accept: a.accept})
	a.escOf = append(a.escOf, a.esc)
	a.confK[string(key)] = id
	// the conf, its elems, its key twice (map and string), its row
	a.bytes += int(unsafe.Sizeof(conf{})) + 8*len(a.kernel) + 2*len(key) + 48 + 4*a.ncls + 8
	a.addRow()
	return id
}

// Transitions are stored in chunks of 1<<rowShift configurations, so
// that the table grows without copying.
const (
	rowShift = 8
	rowMask  = 1<<rowShift - 1
)

// addRow appends the (unknown) transitions of a new configuration.
func (a *automaton) addRow() {
	n := len(a.confs) - 1
	if n>>rowShift == len(a.rows) {
		c := 1 << rowShift
		if len(a.rows) == 0 {
			c = 16 // small grammars stay small; the first chunk grows
		}
		a.rows = append(a.rows, make([]int32, 0, a.ncls*c))
	}
	ch := &a.rows[n>>rowShift]
	for range a.ncls {
		*ch = append(*ch, unknown)
	}
}

// row returns the transitions of configuration s by byte class.
func (a *automaton) row(s int32) []int32 {
	i := int(s&rowMask) * a.ncls
	return a.rows[s>>rowShift][i : i+a.ncls]
}

// step returns the configuration after byte c from configuration s.
func (a *automaton) step(s int32, c byte) int32 {
	t := a.rows[s>>rowShift][int(s&rowMask)*a.ncls+int(a.p.classOf[c])]
	if t != unknown {
		return t
	}
	return a.stepSlow(s, c)
}

func (a *automaton) stepSlow(s int32, c byte) int32 {
	row := a.row(s)
	if !a.confs[s].rowDone {
		// First visit of s: every class no edge takes is dead at once.
		a.confs[s].rowDone = true
		for cls, rep := range a.p.rep {
			live := false
			for _, e := range a.confs[s].elems {
				for _, ed := range a.p.states[e.q].edges {
					if a.p.sets[ed.set].has(rep) {
						live = true
						break
					}
				}
				if live {
					break
				}
			}
			if !live {
				row[cls] = dead
			}
		}
		if t := row[a.p.classOf[c]]; t != unknown {
			return t
		}
	}
	a.beginClosure()
	for _, e := range a.confs[s].elems {
		for _, ed := range a.p.states[e.q].edges {
			if a.p.sets[ed.set].has(c) {
				a.closure(elem{ed.to, e.k})
			}
		}
	}
	t := a.internLocked()
	a.row(s)[a.p.classOf[c]] = t // row may have moved: the first chunk grows
	return t
}

// walk returns the configuration after bytes b from s (dead if refused;
// in the local twin, escaped if the walk escapes).
func (a *automaton) walk(s int32, b []byte) int32 {
	for _, c := range b {
		s = a.step(s, c)
		if s == dead {
			return dead
		}
		if a.isLocal && a.escOf[s] {
			return escaped
		}
	}
	return s
}

// escaped is what the local twin's walk returns for a walk that escapes.
const escaped = -3

// fillMask writes the allowed tokens of configuration s into dst.
func (a *automaton) fillMask(s int32, dst []uint64) {
	if m, ok := a.masks[s]; ok {
		copy(dst, m)
		return
	}
	clear(dst)
	if s != dead {
		if l := a.localConf(s); l >= 0 {
			// The part of the mask that stays in the frames the
			// configuration has pushed comes from the twin, shared by
			// every configuration that differs only below them; the
			// tokens that reach further down are walked here.
			eps := a.local.localMask(l, dst)
			for _, ep := range eps {
				a.resolve(s, ep, dst)
			}
			if len(eps) == 0 {
				// the twin's cached mask is the whole answer: caching
				// it again per configuration would only cost memory
				a.addEOG(s, dst)
				return
			}
		} else {
			a.computeMask(s, dst)
		}
		a.addEOG(s, dst)
	}
	a.cacheMask(s, dst)
}

// addEOG allows the end tokens in dst when s may end.
func (a *automaton) addEOG(s int32, dst []uint64) {
	if a.confs[s].accept {
		for _, e := range a.v.eog {
			dst[e>>6] |= 1 << (e & 63)
		}
	}
}

// cacheMask keeps a copy of mask m of configuration s. A full cache is
// emptied, its buffers kept for reuse.
func (a *automaton) cacheMask(s int32, m []uint64) {
	if len(a.masks) >= a.maxMasks() {
		for _, b := range a.masks {
			a.freeMasks = append(a.freeMasks, b)
		}
		clear(a.masks)
		clear(a.escs)
	}
	var b []uint64
	if n := len(a.freeMasks); n > 0 {
		b, a.freeMasks = a.freeMasks[n-1], a.freeMasks[:n-1]
	} else {
		b = make([]uint64, a.v.words)
	}
	copy(b, m)
	a.masks[s] = b
}

// localDepth bounds how many frames the local twin pushes on top of the
// frames it abstracts; deeper calls are escapes.
const localDepth = 64

// localConf returns the local twin's configuration for s: the same NFA
// states with every distinct call stack replaced by an opaque frame. It
// is -1 when s has no stacks (or stacks too deep to abstract exactly).
//
// Why: in an any-order object the frame records the members seen, so the
// configurations inside a member's value differ for every set of members
// before it, though the value's tokens do not care. The twin's masks
// are the same for all of them; only tokens that finish the value (an
// escape from the opaque frame) are walked per configuration.
func (a *automaton) localConf(s int32) int32 {
	if a.local == nil {
		return -1
	}
	if int(s) < len(a.localOf) {
		if l := a.localOf[s]; l != unknown {
			return max(l, -1)
		}
	}
	l := a.localConfSlow(s)
	for len(a.localOf) <= int(s) {
		a.localOf = append(a.localOf, unknown)
	}
	if l < 0 {
		a.localOf[s] = -2
	} else {
		a.localOf[s] = l
	}
	return l
}

func (a *automaton) localConfSlow(s int32) int32 {
	la := a.local
	la.beginClosure()
	var ks [8]int32
	distinct := ks[:0]
	for _, e := range a.confs[s].elems {
		if e.k < 0 {
			la.kernel = append(la.kernel, e)
			continue
		}
		if a.stacks[e.k].depth > maxStackDepth-localDepth {
			return -1
		}
		j := slices.Index(distinct, e.k)
		if j < 0 {
			j = len(distinct)
			distinct = append(distinct, e.k)
		}
		la.kernel = append(la.kernel, elem{e.q, la.internStack(stackNode{ret: int32(-2 - j), parent: -1})})
	}
	if len(distinct) == 0 {
		return -1
	}
	return la.internLocked()
}

// localMask writes the twin's mask of configuration l into dst (cleared)
// and returns its escape points.
func (a *automaton) localMask(l int32, dst []uint64) []escPoint {
	if m, ok := a.masks[l]; ok {
		copy(dst, m)
		return a.escs[l]
	}
	a.escBuf = a.escBuf[:0]
	a.computeMask(l, dst)
	a.cacheMask(l, dst)
	eps := slices.Clone(a.escBuf)
	a.escs[l] = eps
	return eps
}

// resolve adds to dst the tokens of escape point ep allowed from s.
func (a *automaton) resolve(s int32, ep escPoint, dst []uint64) {
	if ep.tr == nil {
		if a.walk(s, a.v.tokens[ep.tok]) != dead {
			dst[ep.tok>>6] |= 1 << (ep.tok & 63)
		}
		return
	}
	nodes := ep.tr.nodes
	n := &nodes[ep.node]
	d := int(n.depth)
	// The node's bytes are the first d bytes of any token under it.
	var prefix []byte
	for j := ep.node; j < n.next; j++ {
		if nodes[j].tok0 >= 0 {
			prefix = a.v.tokens[ep.tr.ids[nodes[j].tok0]][:d]
			break
		}
	}
	if t := a.walk(s, prefix[:d-1]); t != dead {
		a.trieWalk(t, ep.tr, int(ep.node), int(n.next), dst)
	}
}

// computeMask sets the allowed non-end tokens of s in dst (cleared).
func (a *automaton) computeMask(s int32, dst []uint64) {
	v := a.v
	all := &v.all
	if n, ok := a.plainDepth(s); ok {
		// Every plain character leads to the same place: plain tokens
		// are decided by their length; walk only the other tokens.
		if n > 0 {
			copy(dst, v.plainUpTo[min(n, len(v.plainUpTo)-1)])
		}
		if n == probeDepth && n < len(v.plainUpTo)-1 {
			for _, id := range v.longPlain {
				if t := a.walk(s, v.tokens[id]); t == escaped {
					a.escBuf = append(a.escBuf, escPoint{tok: id})
				} else if t != dead {
					dst[id>>6] |= 1 << (id & 63)
				}
			}
		}
		a.trieWalk(s, &v.rest, 1, len(v.rest.nodes), dst)
		return
	}
	if minority, ok := a.mostlyPlain(s); ok {
		// Most first characters lead into an unbounded plain loop (a
		// string body): all plain tokens but those starting with a
		// minority byte are allowed; walk those and the other tokens.
		copy(dst, v.plainUpTo[len(v.plainUpTo)-1])
		for c := 0; c < 256; c++ {
			if !minority.has(byte(c)) || v.rootChild[c] == 0 {
				continue
			}
			n := &all.nodes[v.rootChild[c]]
			for _, id := range all.ids[v.rootIDs[c][0]:v.rootIDs[c][1]] {
				dst[id>>6] &^= 1 << (id & 63)
			}
			a.trieWalk(s, all, int(v.rootChild[c]), int(n.next), dst)
		}
		a.trieWalk(s, &v.rest, 1, len(v.rest.nodes), dst)
		return
	}
	a.trieWalk(s, all, 1, len(all.nodes), dst)
}

// trieWalk sets the tokens of trie nodes [from, to) allowed from s; the
// range must cover whole subtrees whose roots have the depth of from, and
// s is the state before from's byte. In the local twin, a subtree whose
// walk escapes is recorded in escBuf and skipped.
func (a *automaton) trieWalk(s int32, tr *trie, from, to int, dst []uint64) {
	nodes := tr.nodes[:to]
	ids := tr.ids
	stack := a.walkBuf[:0]
	for range nodes[from].depth {
		stack = append(stack, s)
	}
	local := a.isLocal
	for i := from; i < len(nodes); {
		nd := &nodes[i]
		d := int(nd.depth)
		if d < len(stack) {
			stack = stack[:d]
		}
		t := a.step(stack[d-1], nd.b)
		if t == dead {
			i = int(nd.next)
			continue
		}
		if local {
			if a.escOf[t] {
				a.escBuf = append(a.escBuf, escPoint{tr: tr, node: int32(i)})
				i = int(nd.next)
				continue
			}
		}
		stack = append(stack, t)
		for j := nd.tok0; j < nd.tok1; j++ {
			id := ids[j]
			dst[id>>6] |= 1 << (id & 63)
		}
		i++
	}
	a.walkBuf = stack
}

// plainUTF8Seqs returns byte-range sequences whose strings are exactly the
// UTF-8 encodings of plain characters.
func plainUTF8Seqs() [][]byteRange {
	var out [][]byteRange
	for _, r := range negateRanges(normRanges(jsonSpecialCP)) {
		forEachUTF8Seq(r.lo, r.hi, func(seq []byteRange) {
			out = append(out, append([]byteRange(nil), seq...))
		})
	}
	return out
}

// plainFrom returns the single state every plain character starting with
// byte first leads to from s (ok false if they lead to different states or
// first starts none).
func (a *automaton) plainFrom(s int32, first byte) (target int32, ok bool) {
	target = -1
	for _, seq := range a.plainSeqs {
		if first < seq[0].lo || first > seq[0].hi {
			continue
		}
		cur := append(a.frontier[:0], a.step(s, first))
		for _, br := range seq[1:] {
			next := a.frontier2[:0]
			for _, f := range cur {
				if f == dead || a.escOf[f] {
					return dead, false
				}
				var done [256]bool
				for c := int(br.lo); c <= int(br.hi); c++ {
					cls := a.p.classOf[c]
					if done[cls] {
						continue
					}
					done[cls] = true
					t := a.step(f, byte(c))
					if !slices.Contains(next, t) {
						next = append(next, t)
					}
				}
			}
			a.frontier2 = cur[:0]
			cur = next
		}
		a.frontier = cur
		for _, t := range cur {
			if target >= 0 && t != target || a.escOf[t] {
				return target, false
			}
			target = t
		}
	}
	return target, target >= 0
}

// plainStep returns the state every plain character leads to from s, if
// there is one.
func (a *automaton) plainStep(s int32) (int32, bool) {
	if int(s) < len(a.plainNext) {
		if t := a.plainNext[s]; t != unknown {
			return t, t >= 0
		}
	}
	t, ok := a.plainStepSlow(s)
	for len(a.plainNext) <= int(s) {
		a.plainNext = append(a.plainNext, unknown)
	}
	if !ok {
		t = -2
	}
	a.plainNext[s] = t
	return t, ok
}

func (a *automaton) plainStepSlow(s int32) (int32, bool) {
	target := int32(-1)
	for c := 0x20; c < 0xF5; c++ {
		if c == '"' || c == '\\' || c >= 0x80 && c < 0xC2 {
			continue
		}
		t, ok := a.plainFrom(s, byte(c))
		if !ok || target >= 0 && t != target {
			return 0, false
		}
		target = t
	}
	return target, target >= 0
}

// plainDepth reports whether configuration s treats every plain character
// alike for as many characters as the longest plain token: then n is how
// many plain characters in a row s accepts (capped there), and a plain
// token is allowed exactly when it has at most n characters. This is the
// case inside JSON strings without a pattern, where it saves walking most
// of the vocabulary.
func (a *automaton) plainDepth(s int32) (n int, ok bool) {
	if len(a.v.plainUpTo) == 0 {
		return 0, false
	}
	limit := len(a.v.plainUpTo) - 1
	cur := s
	for n = 0; n < limit; n++ {
		if n == probeDepth {
			// A long chain (a string with a large maxLength): tokens up
			// to probeDepth characters are decided here, longer plain
			// tokens are walked one by one by the caller.
			return probeDepth, true
		}
		next, ok := a.plainStep(cur)
		if !ok {
			return 0, false
		}
		if next == dead {
			return n, true
		}
		if next == cur {
			return limit, true
		}
		cur = next
	}
	return limit, true
}

// probeDepth bounds how many plain characters plainDepth follows.
const probeDepth = 24

// mostlyPlain reports whether from s most plain characters lead to one
// state that accepts any run of plain characters; minority holds the first
// bytes of the characters that do not.
func (a *automaton) mostlyPlain(s int32) (minority byteSet, ok bool) {
	if len(a.v.plainUpTo) == 0 {
		return minority, false
	}
	var target [256]int32
	count := map[int32]int{}
	best, bestN := int32(dead), 0
	for c := 0x20; c < 0xF5; c++ {
		target[c] = -1
		if c == '"' || c == '\\' || c >= 0x80 && c < 0xC2 {
			continue
		}
		t, ok := a.plainFrom(s, byte(c))
		if !ok {
			minority.add(byte(c))
			continue
		}
		target[c] = t
		count[t]++
		if t != dead && count[t] > bestN {
			best, bestN = t, count[t]
		}
	}
	if best == dead || bestN < 128 {
		return minority, false
	}
	if n, ok := a.plainDepth(best); !ok || n < len(a.v.plainUpTo)-1 || n == probeDepth {
		return minority, false
	}
	for c := 0x20; c < 0xF5; c++ {
		if target[c] >= 0 && target[c] != best {
			minority.add(byte(c))
		}
	}
	return minority, true
}
