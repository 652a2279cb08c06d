package tokenizer

import (
	"strings"
	"sync"
)

// encodeState is the scratch space of one Encode call, pooled.
type encodeState struct {
	frags, frags2 []fragment
	cp            cpText
	ends, ends2   []int32
	syms          []bpeSym
	heap          bigramHeap
	spmSyms       []spmSym
	spmHeap       spmHeap
	buf, scratch  []byte
	words         []int32
	count         []int32
}

var statePool = sync.Pool{New: func() any { return new(encodeState) }}

// fragment is a piece of the input: a special token (tok >= 0) or the raw
// text [lo, hi).
type fragment struct {
	tok    int32
	lo, hi int
}

// Encode returns the tokens of text, as llama.cpp's llama_tokenize.
// addSpecial adds BOS/EOS (CLS/SEP for BERT) as the model's metadata says;
// parseSpecial turns the text of control and unknown tokens found in text
// into those tokens (user-defined tokens are always recognised). The caller
// owns the returned slice.
func (t *Tokenizer) Encode(text string, addSpecial, parseSpecial bool) []int32 {
	return t.AppendEncode(nil, text, addSpecial, parseSpecial)
}

// CountTokens returns len(Encode(text, false, false)), so a Tokenizer can
// size chunks of text for the model.
func (t *Tokenizer) CountTokens(text string) int {
	st := statePool.Get().(*encodeState)
	ids := t.appendEncode(st, st.count[:0], text, false, false)
	n := len(ids)
	st.count = ids[:0]
	statePool.Put(st)
	return n
}

// AppendEncode appends the tokens of text to dst and returns the extended
// slice; see Encode.
func (t *Tokenizer) AppendEncode(dst []int32, text string, addSpecial, parseSpecial bool) []int32 {
	st := statePool.Get().(*encodeState)
	dst = t.appendEncode(st, dst, text, addSpecial, parseSpecial)
	statePool.Put(st)
	return dst
}

// AppendEncodeContinuation appends the tokens of text as the model
// writes it after other text: SentencePiece's add_space_prefix, which
// llama_tokenize applies at the start of a text (and after special
// tokens), is not applied to its start, so the tokens spell exactly text.
// No BOS/EOS is added and special-token text is not parsed. For other
// vocabularies this is AppendEncode(dst, text, false, false). Constrained
// decoding uses it to tokenize forced text and to feed instances to a
// grammar: with the prefix, SentencePiece text would start with a space
// the grammar does not allow.
func (t *Tokenizer) AppendEncodeContinuation(dst []int32, text string) []int32 {
	st := statePool.Get().(*encodeState)
	dst = t.encode(st, dst, text, false, false, true)
	statePool.Put(st)
	return dst
}

func (t *Tokenizer) appendEncode(st *encodeState, out []int32, text string, addSpecial, parseSpecial bool) []int32 {
	return t.encode(st, out, text, addSpecial, parseSpecial, false)
}

// encode is appendEncode; with continuation, SentencePiece text does not
// get the space prefix at its start.
func (t *Tokenizer) encode(st *encodeState, out []int32, text string, addSpecial, parseSpecial, continuation bool) []int32 {
	frags := t.partition(st, text, parseSpecial)
	switch t.kind {
	case KindSPM:
		if addSpecial && t.addBOS && t.bos != Null {
			out = append(out, t.bos)
		}
		prevSpecial := !continuation
		for _, f := range frags {
			if f.tok >= 0 {
				out = append(out, f.tok)
				prevSpecial = true
				continue
			}
			out = t.encodeSPM(st, text[f.lo:f.hi], t.addSpacePrefix && prevSpecial, out)
			prevSpecial = false
		}
		if addSpecial && t.addEOS && t.eos != Null {
			out = append(out, t.eos)
		}
	case KindBPE:
		if addSpecial && t.addBOS && t.bos != Null {
			out = append(out, t.bos)
		}
		for _, f := range frags {
			if f.tok >= 0 {
				out = append(out, f.tok)
				continue
			}
			out = t.encodeBPE(st, text[f.lo:f.hi], out)
		}
		if addSpecial && t.addEOS && t.eos != Null {
			out = append(out, t.eos)
		}
	case KindWPM:
		if addSpecial && t.bos != Null {
			out = append(out, t.bos)
		}
		for _, f := range frags {
			if f.tok >= 0 {
				out = append(out, f.tok)
				continue
			}
			out = t.encodeWPM(st, text[f.lo:f.hi], out)
		}
		if addSpecial && t.sep != Null {
			out = append(out, t.sep)
		}
	}
	return out
}

// partition splits text at special tokens as llama.cpp's
// tokenizer_st_partition: each special token in turn, longest text first,
// splits every remaining raw-text fragment at its non-overlapping
// occurrences, left to right.
func (t *Tokenizer) partition(st *encodeState, text string, parseSpecial bool) []fragment {
	frags := st.frags[:0]
	if text == "" {
		st.frags = frags
		return frags
	}
	frags = append(frags, fragment{tok: -1, lo: 0, hi: len(text)})
	next := st.frags2[:0]
	for _, id := range t.special {
		a := t.attrs[id]
		if !parseSpecial && a&(AttrControl|AttrUnknown) != 0 {
			continue
		}
		pat := t.tokens[id]
		if !strings.Contains(text, pat) {
			continue
		}
		next = next[:0]
		for _, f := range frags {
			if f.tok >= 0 {
				next = append(next, f)
				continue
			}
			lo, hi := f.lo, f.hi
			for lo < hi {
				i := strings.Index(text[lo:hi], pat)
				if i < 0 {
					break
				}
				m := lo + i
				if m > lo {
					l := m
					if a&AttrLStrip != 0 {
						for l > lo && isCSpace(text[l-1]) {
							l--
						}
					}
					if l > lo {
						next = append(next, fragment{tok: -1, lo: lo, hi: l})
					}
				}
				next = append(next, fragment{tok: id})
				lo = m + len(pat)
				if a&AttrRStrip != 0 {
					for lo < hi && isCSpace(text[lo]) {
						lo++
					}
				}
			}
			if lo < hi {
				next = append(next, fragment{tok: -1, lo: lo, hi: hi})
			}
		}
		frags, next = next, frags
	}
	st.frags, st.frags2 = frags, next
	return frags
}

// isCSpace is C's isspace in the "C" locale.
func isCSpace(b byte) bool {
	return b == ' ' || (b >= '\t' && b <= '\r')
}

// spmSym is a SentencePiece symbol: bytes [start, start+n) of the escaped
// text (n == 0 once merged away) and its neighbours.
type spmSym struct {
	start, n   int32
	prev, next int32
}

type spmBigram struct {
	score             float32
	left, right, size int32
}

// spmHeap is a max-heap on score, leftmost first on ties, as llama.cpp's
// llm_bigram_spm::comparator.
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
type spmHeap []spmBigram

func (h spmHeap) less(i, j int) bool {
	return h[i].score > h[j].score || (h[i].score == h[j].score && h[i].left < h[j].left)
}

func (h *spmHeap) push(b spmBigram) {
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

func (h *spmHeap) pop() spmBigram {
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

// encodeSPM is llama.cpp's llm_tokenizer_spm_session on one fragment:
// spaces become "▁" (with one prepended when prefix is set), code points are
// merged pairwise by highest token score, and pieces that are not tokens fall
// back to <0xNN> byte tokens.
func (t *Tokenizer) encodeSPM(st *encodeState, text string, prefix bool, out []int32) []int32 {
	const sp = "▁"
	b := st.buf[:0]
	if prefix {
		b = append(b, sp...)
	}
	for i := 0; i < len(text); i++ {
		if text[i] == ' ' {
			b = append(b, sp...)
		} else {
			b = append(b, text[i])
		}
	}
	st.buf = b
	if !t.spmChunks {
		return t.spmMerge(st, b, out)
	}
	// Merges never cross a "▁" that follows another character, so each
	// chunk from such a "▁" to the next is merged on its own.
	for lo := 0; lo < len(b); {
		hi := lo + 1
		for hi < len(b) {
			if b[hi] == 0xE2 && hi+3 <= len(b) && b[hi+1] == 0x96 && b[hi+2] == 0x81 &&
				!(hi >= 3 && b[hi-3] == 0xE2 && b[hi-2] == 0x96 && b[hi-1] == 0x81) {
				break
			}
			hi++
		}
		chunk := b[lo:hi]
		lo = hi
		if ids, ok := t.cache.get(chunk); ok {
			out = append(out, ids...)
			continue
		}
		n := len(out)
		out = t.spmMerge(st, chunk, out)
		t.cache.put(chunk, out[n:])
	}
	return out
}

// spmMerge merges the code points of b by token score and appends the
// resulting tokens.
func (t *Tokenizer) spmMerge(st *encodeState, b []byte, out []int32) []int32 {
	if len(b) == 0 {
		return out
	}
	syms := st.spmSyms[:0]
	for off := 0; off < len(b); {
		n := min(utf8Len(b[off]), len(b)-off)
		next := int32(len(syms) + 1)
		if off+n == len(b) {
			next = -1
		}
		syms = append(syms, spmSym{start: int32(off), n: int32(n), prev: int32(len(syms) - 1), next: next})
		off += n
	}
	h := st.spmHeap[:0]
	try := func(l, r int32) {
		if l < 0 || r < 0 {
			return
		}
		s := b[syms[l].start : syms[r].start+syms[r].n]
		id, ok := t.ids[string(s)]
		if !ok {
			return
		}
		h.push(spmBigram{score: t.scores[id], left: l, right: r, size: int32(len(s))})
	}
	for i := int32(1); i < int32(len(syms)); i++ {
		try(i-1, i)
	}
	for len(h) > 0 {
		bg := h.pop()
		ls, rs := &syms[bg.left], &syms[bg.right]
		if ls.n == 0 || rs.n == 0 || ls.n+rs.n != bg.size {
			continue
		}
		ls.n += rs.n
		rs.n = 0
		ls.next = rs.next
		if rs.next >= 0 {
			syms[rs.next].prev = bg.left
		}
		try(ls.prev, bg.left)
		try(bg.left, ls.next)
	}
	for i := int32(0); i >= 0; i = syms[i].next {
		s := b[syms[i].start : syms[i].start+syms[i].n]
		if id, ok := t.ids[string(s)]; ok {
			out = append(out, id)
			continue
		}
		for _, c := range s {
			if id := t.byteTokens[c]; id != Null {
				out = append(out, id)
			} else if t.unk != Null {
				out = append(out, t.unk)
			}
		}
	}
	st.spmSyms, st.spmHeap = syms, h
	return out
}

// encodeWPM is llama.cpp's llm_tokenizer_wpm_session on one fragment. Its
// normaliser lower-cases and maps every code point to the first code point
// of its canonical decomposition (so precomposed accents go, while
// combining marks in the input stay).
func (t *Tokenizer) encodeWPM(st *encodeState, text string, out []int32) []int32 {
	tab := classTable()
	nfd := nfdTable()
	// Words are built in st.buf; st.words holds their end offsets.
	buf := st.buf[:0]
	ends := st.words[:0]
	wordStart := 0
	finish := func() {
		if len(buf) > wordStart {
			ends = append(ends, int32(len(buf)))
			wordStart = len(buf)
		}
	}
	for i := 0; i < len(text); {
		cpt, n := decodeLenient(text[i:])
		i += n
		if cpt >= 0xC0 {
			if d, ok := nfd[cpt]; ok {
				cpt = d
			}
		}
		f := classOf(tab, cpt)
		if f&cWhitespace != 0 {
			finish()
			continue
		}
		if cpt == 0 || cpt == 0xFFFD || f&cControl != 0 {
			continue
		}
		low := toLower(cpt)
		if f&cPunct != 0 || (cpt < 0x7F && f&cSymbol != 0) || isCJK(cpt) {
			finish()
			buf = appendLenient(buf, low)
			finish()
		} else {
			buf = appendLenient(buf, low)
		}
	}
	finish()
	st.buf, st.words = buf, ends

	w1 := st.scratch[:0]
	lo := int32(0)
	for _, e := range ends {
		word := buf[lo:e]
		lo = e
		if ids, ok := t.cache.get(word); ok {
			out = append(out, ids...)
			continue
		}
		w1 = append(w1[:0], "▁"...)
		w1 = append(w1, word...)
		n := len(w1)
		cur := len(out)
		for i := 0; i < n; i++ {
			match := false
			for j := min(n, i+t.maxLen+1); j > i; j-- {
				if id, ok := t.ids[string(w1[i:j])]; ok {
					out = append(out, id)
					match = true
					i = j - 1
					break
				}
			}
			if !match {
				out = out[:cur]
				break
			}
		}
		if len(out) == cur && t.unk != Null {
			out = append(out, t.unk)
		}
		t.cache.put(word, out[cur:])
	}
	st.scratch = w1
	return out
}
