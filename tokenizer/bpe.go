package tokenizer

import (
	"fmt"
	"strings"
)

// bpeModel is the byte-level BPE state derived from tokenizer.ggml.merges.
//
// Byte-level BPE works on the GPT-2 encoding of a word's bytes, where every
// byte is one code point. When every byte's code point is a token and every
// merge of two tokens yields a token (true of real vocabularies), merging
// runs on token ids alone: merges maps a pair of ids to the merge's rank and
// resulting id. Otherwise the string-based path (ranks) reproduces llama.cpp
// literally.
type bpeModel struct {
	pre     *preTokenizer
	byteEnc [256]string // GPT-2 code point of each byte, UTF-8 encoded
	byteTok [256]int32  // token of byteEnc[b], or Null
	merges  map[uint64]bpeMerge
	fast    bool
	ranks   map[[2]string]int32 // only when !fast
}

type bpeMerge struct{ rank, result int32 }

func pairKey(a, b int32) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }

func newBPEModel(t *Tokenizer, md Metadata, pre *preTokenizer) (*bpeModel, error) {
	merges, ok := md.Strings("tokenizer.ggml.merges")
	if !ok {
		return nil, fmt.Errorf("%w: tokenizer.ggml.merges", ErrMissing)
	}
	m := &bpeModel{pre: pre, merges: make(map[uint64]bpeMerge, len(merges)), fast: true}
	for b := 0; b < 256; b++ {
		m.byteEnc[b] = string(byteToRune[b])
		m.byteTok[b] = Null
		if id, ok := t.ids[m.byteEnc[b]]; ok {
			m.byteTok[b] = id
		} else {
			m.fast = false
		}
	}
	var concat []byte
	for rank, w := range merges {
		first, second, ok := splitMerge(w)
		if !ok {
			continue
		}
		a, okA := t.ids[first]
		b, okB := t.ids[second]
		if !okA || !okB {
			continue // can never apply to token symbols
		}
		key := pairKey(a, b)
		if _, dup := m.merges[key]; dup {
			continue // the first rank wins, as with std::unordered_map::emplace
		}
		concat = append(append(concat[:0], first...), second...)
		res, ok := t.ids[string(concat)]
		if !ok {
			m.fast = false
			res = Null
		}
		m.merges[key] = bpeMerge{rank: int32(rank), result: res}
	}
	if !m.fast {
		m.buildRanks(merges)
	}
	return m, nil
}

// buildRanks fills the string-keyed ranks the slow path uses.
func (m *bpeModel) buildRanks(merges []string) {
	m.ranks = make(map[[2]string]int32, len(merges))
	for rank, w := range merges {
		first, second, _ := splitMerge(w)
		k := [2]string{first, second}
		if _, dup := m.ranks[k]; !dup {
			m.ranks[k] = int32(rank)
		}
	}
}

// splitMerge splits a merge rule "left right" as llama.cpp does: at the
// first space after the first byte. A rule without one is an empty pair that
// never matches (ok is false).
func splitMerge(w string) (first, second string, ok bool) {
	if len(w) > 1 {
		if i := strings.IndexByte(w[1:], ' '); i >= 0 {
			return w[:i+1], w[i+2:], true
		}
	}
	return "", "", false
}

// bpeSym is one symbol of a word being merged: bytes [start, start+n) of the
// word (n == 0 once merged away), its token id, and its neighbours.
type bpeSym struct {
	id         int32
	start, n   int32
	prev, next int32
}

// bpeBigram is a candidate merge of symbols left and right.
type bpeBigram struct {
	rank, left, right, size int32
	result                  int32
}

// bigramHeap is a min-heap on (rank, left): lowest rank first, leftmost on
// ties, as llama.cpp's llm_bigram_bpe::comparator.
//
// Hand-written on purpose, like the other heaps of the module
// (tokenizer's bigramHeap and spmHeap, vectorstore's minHeap and maxHeap,
// rag's topK): a generic heap was measured and loses. With the order passed
// as a func, or as a type parameter's method, the compiler does not inline
// sift-down, so every comparison becomes an indirect call: in per-thread
// CPU time (issue 12, item 4; min of 30 alternated rounds, same binary) it
// was 2.4x slower on BPE-like merges and 1.3-1.4x on a candidate queue,
// and only a bounded top-64 that rarely sifts came out even (0.91x). Keep
// the sift loops identical between them when changing one.
type bigramHeap []bpeBigram

func (h bigramHeap) less(i, j int) bool {
	return h[i].rank < h[j].rank || (h[i].rank == h[j].rank && h[i].left < h[j].left)
}

func (h *bigramHeap) push(b bpeBigram) {
	*h = append(*h, b)
	s := *h
	for i := len(s) - 1; i > 0; {
		p := (i - 1) / 2
		if !s.less(i, p) {
			break
		}
		s[i], s[p] = s[p], s[i]
		i = p
	}
}

func (h *bigramHeap) pop() bpeBigram {
	s := *h
	top := s[0]
	last := len(s) - 1
	s[0] = s[last]
	s = s[:last]
	for i := 0; ; {
		l := 2*i + 1
		if l >= len(s) {
			break
		}
		m := l
		if r := l + 1; r < len(s) && s.less(r, l) {
			m = r
		}
		if !s.less(m, i) {
			break
		}
		s[i], s[m] = s[m], s[i]
		i = m
	}
	*h = s
	return top
}

// encodeBPE appends the tokens of one raw-text fragment.
func (t *Tokenizer) encodeBPE(st *encodeState, text string, out []int32) []int32 {
	m := t.bpe
	st.scratch = st.cp.reset(text, classTable(), st.scratch)
	c := &st.cp
	if len(c.cps) == 0 {
		return out
	}
	ends := append(st.ends[:0], int32(len(c.cps)))
	for _, pass := range m.pre.passes {
		st.ends2 = pass(c, ends, st.ends2[:0])
		ends, st.ends2 = st.ends2, ends
	}
	st.ends = ends
	lo := int32(0)
	for _, e := range ends {
		word := c.s[c.off[lo]:c.off[e]]
		lo = e
		key := unsafeBytes(word)
		if ids, ok := t.cache.get(key); ok {
			out = append(out, ids...)
			continue
		}
		n := len(out)
		if m.fast {
			out = t.bpeWordFast(st, word, out)
		} else {
			out = t.bpeWordSlow(st, word, out)
		}
		t.cache.put(key, out[n:])
	}
	return out
}

// wordEncoding returns the GPT-2 byte-level encoding of word in st.buf.
func (m *bpeModel) wordEncoding(st *encodeState, word string) []byte {
	b := st.buf[:0]
	for i := 0; i < len(word); i++ {
		b = append(b, m.byteEnc[word[i]]...)
	}
	st.buf = b
	return b
}

// bpeWordFast merges one word on token ids.
func (t *Tokenizer) bpeWordFast(st *encodeState, word string, out []int32) []int32 {
	m := t.bpe
	if t.ignoreMerges || len(word) == 1 {
		if id, ok := t.ids[string(m.wordEncoding(st, word))]; ok {
			return append(out, id)
		}
	}
	syms := st.syms[:0]
	for i := 0; i < len(word); i++ {
		next := int32(i + 1)
		if i == len(word)-1 {
			next = -1
		}
		syms = append(syms, bpeSym{id: m.byteTok[word[i]], start: int32(i), n: 1, prev: int32(i - 1), next: next})
	}
	h := st.heap[:0]
	try := func(l, r int32) {
		if l < 0 || r < 0 {
			return
		}
		mg, ok := m.merges[pairKey(syms[l].id, syms[r].id)]
		if !ok {
			return
		}
		h.push(bpeBigram{rank: mg.rank, left: l, right: r, size: syms[l].n + syms[r].n, result: mg.result})
	}
	for i := int32(1); i < int32(len(syms)); i++ {
		try(i-1, i)
	}
	for len(h) > 0 {
		bg := h.pop()
		ls, rs := &syms[bg.left], &syms[bg.right]
		if ls.n == 0 || rs.n == 0 || ls.n+rs.n != bg.size {
			continue // stale: one side has changed since it was queued
		}
		ls.n += rs.n
		ls.id = bg.result
		rs.n = 0
		ls.next = rs.next
		if rs.next >= 0 {
			syms[rs.next].prev = bg.left
		}
		try(ls.prev, bg.left)
		try(bg.left, ls.next)
	}
	for i := int32(0); i >= 0; i = syms[i].next {
		out = append(out, syms[i].id)
	}
	st.syms, st.heap = syms, h
	return out
}

// bpeWordSlow is llama.cpp's llm_tokenizer_bpe_session on strings, for
// vocabularies whose merges do not all stay inside the token set.
func (t *Tokenizer) bpeWordSlow(st *encodeState, word string, out []int32) []int32 {
	m := t.bpe
	enc := string(m.wordEncoding(st, word))
	type sym struct{ start, n, prev, next int }
	var syms []sym
	if t.ignoreMerges {
		if _, ok := t.ids[enc]; ok {
			syms = append(syms, sym{0, len(enc), -1, -1})
		}
	}
	if syms == nil {
		for off := 0; off < len(enc); {
			n := min(utf8Len(enc[off]), len(enc)-off)
			next := len(syms) + 1
			if off+n == len(enc) {
				next = -1
			}
			syms = append(syms, sym{off, n, len(syms) - 1, next})
			off += n
		}
	}
	h := st.heap[:0]
	try := func(l, r int) {
		if l < 0 || r < 0 {
			return
		}
		k := [2]string{enc[syms[l].start : syms[l].start+syms[l].n], enc[syms[r].start : syms[r].start+syms[r].n]}
		rank, ok := m.ranks[k]
		if !ok {
			return
		}
		h.push(bpeBigram{rank: rank, left: int32(l), right: int32(r), size: int32(syms[l].n + syms[r].n)})
	}
	for i := 1; i < len(syms); i++ {
		try(i-1, i)
	}
	for len(h) > 0 {
		bg := h.pop()
		ls, rs := &syms[bg.left], &syms[bg.right]
		if ls.n == 0 || rs.n == 0 || int32(ls.n+rs.n) != bg.size {
			continue
		}
		ls.n += rs.n
		rs.n = 0
		ls.next = rs.next
		if rs.next >= 0 {
			syms[rs.next].prev = int(bg.left)
		}
		try(ls.prev, int(bg.left))
		try(int(bg.left), ls.next)
	}
	st.heap = h
	for i := 0; i >= 0 && i < len(syms); i = syms[i].next {
		s := enc[syms[i].start : syms[i].start+syms[i].n]
		if id, ok := t.ids[s]; ok {
			out = append(out, id)
			continue
		}
		for j := 0; j < len(s); j++ {
			if id, ok := t.ids[s[j:j+1]]; ok {
				out = append(out, id)
			}
		}
	}
	return out
}
