package rag

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
)

// Scored is one ranked result: a chunk id and its score (higher is better).
type Scored struct {
	ID    string
	Score float64
}

// Tokenizer is the analyzer BM25 uses for documents and queries. It emits
// lowercase runs of Unicode letters, digits and combining marks; every other
// rune separates tokens. Han, Hiragana and Katakana characters, which are
// written without spaces, become one token each. With Stopwords set, common
// English function words ("the", "of", ...) are dropped. The zero value is
// ready to use and it is safe for concurrent use.
type Tokenizer struct {
	Stopwords bool
}

// Tokens returns the tokens of text in order. The returned slice is owned by
// the caller.
func (t Tokenizer) Tokens(text string) []string {
	return t.appendTokens(nil, text)
}

func (t Tokenizer) appendTokens(dst []string, text string) []string {
	var b strings.Builder
	flush := func() {
		if b.Len() == 0 {
			return
		}
		tok := b.String()
		b.Reset()
		if t.Stopwords && isStopword(tok) {
			return
		}
		dst = append(dst, tok)
	}
	for _, r := range text {
		switch {
		case isIdeograph(r):
			flush()
			b.WriteRune(r)
			flush()
		case unicode.IsLetter(r) || unicode.IsDigit(r) || (unicode.IsMark(r) && b.Len() > 0):
			b.WriteRune(unicode.ToLower(r))
		default:
			flush()
		}
	}
	flush()
	return dst
}

func isIdeograph(r rune) bool {
	return r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r))
}

// isStopword reports whether s is in the built-in English stopword list.
func isStopword(s string) bool {
	switch s {
	case "a", "about", "above", "after", "again", "against", "all", "am", "an", "and",
		"any", "are", "as", "at", "be", "because", "been", "before", "being", "below",
		"between", "both", "but", "by", "can", "could", "did", "do", "does", "doing",
		"down", "during", "each", "few", "for", "from", "further", "had", "has", "have",
		"having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how",
		"i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more",
		"most", "my", "myself", "no", "nor", "not", "of", "off", "on", "once", "only",
		"or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she",
		"should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them",
		"themselves", "then", "there", "these", "they", "this", "those", "through", "to",
		"too", "under", "until", "up", "very", "was", "we", "were", "what", "when",
		"where", "which", "while", "who", "whom", "why", "will", "with", "would", "you",
		"your", "yours", "yourself", "yourselves":
		return true
	}
	return false
}

// BM25Config holds the parameters of a BM25 index.
type BM25Config struct {
	// K1 controls term-frequency saturation; must be finite and >= 0.
	K1 float64 `json:"k1"`
	// B controls document-length normalization; must be in [0, 1].
	B float64 `json:"b"`
	// Stopwords drops common English words from documents and queries.
	Stopwords bool `json:"stopwords"`
}

// DefaultBM25Config returns the usual Okapi parameters k1=1.2, b=0.75, with
// stopwords kept.
func DefaultBM25Config() BM25Config {
	return BM25Config{K1: 1.2, B: 0.75}
}

// Validate reports whether c holds usable parameters.
func (c BM25Config) Validate() error {
	if math.IsNaN(c.K1) || math.IsInf(c.K1, 0) || c.K1 < 0 {
		return fmt.Errorf("rag: bm25 k1 %v must be finite and >= 0", c.K1)
	}
	if math.IsNaN(c.B) || c.B < 0 || c.B > 1 {
		return fmt.Errorf("rag: bm25 b %v must be in [0, 1]", c.B)
	}
	return nil
}

// BM25 is an in-memory Okapi BM25 index over chunk texts keyed by chunk id.
//
// A document's score for a query is the sum over the distinct query terms t
// that it contains of
//
//	idf(t) * tf*(k1+1) / (tf + k1*(1 - b + b*len/avglen))
//	idf(t) = ln(1 + (N - n(t) + 0.5) / (n(t) + 0.5))
//
// where tf is the term's count in the document, len the document's token
// count, avglen the mean over all N documents and n(t) the number of documents
// holding t. This idf (Lucene's) is always positive, so a matching term never
// lowers a score.
//
// BM25 is safe for concurrent use. Create one with NewBM25.
type BM25 struct {
	mu sync.RWMutex // guards every field below

	cfg BM25Config
	tok Tokenizer

	ids      map[string]uint32 // chunk id -> slot in docs
	docs     []docInfo         // by slot; free slots have live == false
	free     []uint32          // free slots, reused by Add
	postings map[string][]posting
	totalLen uint64 // sum of live documents' lengths
}

type docInfo struct {
	id     string
	length uint64
	terms  []termFreq // sorted by term
	live   bool
}

type termFreq struct {
	term string
	tf   uint32
}

type posting struct {
	doc uint32
	tf  uint32
}

// NewBM25 returns an empty index with parameters cfg.
func NewBM25(cfg BM25Config) (*BM25, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	ix := &BM25{cfg: cfg, tok: Tokenizer{Stopwords: cfg.Stopwords}}
	ix.initLocked()
	return ix, nil
}

func (ix *BM25) initLocked() {
	if ix.ids == nil {
		ix.ids = make(map[string]uint32)
	}
	if ix.postings == nil {
		ix.postings = make(map[string][]posting)
	}
}

// Config returns the index's parameters.
func (ix *BM25) Config() BM25Config {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.cfg
}

// Len returns the number of indexed documents.
func (ix *BM25) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.ids)
}

// Has reports whether a document with the given id is indexed.
func (ix *BM25) Has(id string) bool {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	_, ok := ix.ids[id]
	return ok
}

// Add indexes text under id, replacing any document already stored under
// that id. A text with no tokens is still counted as a (never matching)
// document.
func (ix *BM25) Add(id, text string) {
	counts := make(map[string]uint32)
	for _, t := range ix.tok.appendTokens(nil, text) {
		counts[t]++
	}
	terms := make([]termFreq, 0, len(counts))
	for t, n := range counts {
		terms = append(terms, termFreq{term: t, tf: n})
	}
	slices.SortFunc(terms, func(a, b termFreq) int { return strings.Compare(a.term, b.term) })

	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.initLocked()
	ix.removeLocked(id)
	ix.insertLocked(id, terms)
}

// insertLocked stores a document that is known not to be present. terms must
// be sorted by term with no duplicates.
func (ix *BM25) insertLocked(id string, terms []termFreq) {
	var length uint64
	for _, t := range terms {
		length += uint64(t.tf)
	}
	var slot uint32
	if n := len(ix.free); n > 0 {
		slot = ix.free[n-1]
		ix.free = ix.free[:n-1]
	} else {
		slot = uint32(len(ix.docs))
		ix.docs = append(ix.docs, docInfo{})
	}
	ix.docs[slot] = docInfo{id: id, length: length, terms: terms, live: true}
	ix.ids[id] = slot
	ix.totalLen += length
	for _, t := range terms {
		ix.postings[t.term] = append(ix.postings[t.term], posting{doc: slot, tf: t.tf})
	}
}

// Remove deletes the document stored under id and reports whether there was
// one.
func (ix *BM25) Remove(id string) bool {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.removeLocked(id)
}

func (ix *BM25) removeLocked(id string) bool {
	slot, ok := ix.ids[id]
	if !ok {
		return false
	}
	d := &ix.docs[slot]
	for _, t := range d.terms {
		ps := ix.postings[t.term]
		for i := range ps {
			if ps[i].doc == slot {
				ps[i] = ps[len(ps)-1]
				ps = ps[:len(ps)-1]
				break
			}
		}
		if len(ps) == 0 {
			delete(ix.postings, t.term)
		} else {
			ix.postings[t.term] = ps
		}
	}
	ix.totalLen -= d.length
	*d = docInfo{}
	delete(ix.ids, id)
	ix.free = append(ix.free, slot)
	return true
}

// Search returns up to k documents matching query, best first; ties are
// ordered by ascending id. Documents that share no term with the query are
// not returned. The returned slice is owned by the caller.
func (ix *BM25) Search(query string, k int) []Scored {
	if k <= 0 {
		return nil
	}
	qterms := ix.tok.appendTokens(nil, query)
	slices.Sort(qterms)
	qterms = slices.Compact(qterms)

	ix.mu.RLock()
	defer ix.mu.RUnlock()
	n := len(ix.ids)
	if n == 0 || len(qterms) == 0 {
		return nil
	}
	avg := float64(ix.totalLen) / float64(n)
	k1, b := ix.cfg.K1, ix.cfg.B

	var acc []float64
	var touched []uint32
	for _, t := range qterms {
		ps := ix.postings[t]
		if len(ps) == 0 {
			continue
		}
		if acc == nil {
			acc = make([]float64, len(ix.docs))
		}
		df := float64(len(ps))
		idf := math.Log(1 + (float64(n)-df+0.5)/(df+0.5))
		for _, p := range ps {
			norm := 1.0
			if avg > 0 {
				norm = 1 - b + b*float64(ix.docs[p.doc].length)/avg
			}
			tf := float64(p.tf)
			if acc[p.doc] == 0 {
				touched = append(touched, p.doc)
			}
			acc[p.doc] += idf * tf * (k1 + 1) / (tf + k1*norm)
		}
	}
	if len(touched) == 0 {
		return nil
	}
	top := topK{k: k}
	for _, slot := range touched {
		top.push(Scored{ID: ix.docs[slot].id, Score: acc[slot]})
	}
	return top.sorted()
}

// better reports whether a ranks before b: higher score, then smaller id.
func better(a, b Scored) bool {
	if a.Score != b.Score {
		return a.Score > b.Score
	}
	return a.ID < b.ID
}

// compareRank orders results best first for slices.SortFunc.
func compareRank(a, b Scored) int {
	switch {
	case better(a, b):
		return -1
	case better(b, a):
		return 1
	}
	return 0
}

// topK keeps the k best results seen, in a min-heap whose root is the worst
// kept result.
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
type topK struct {
	k int
	h []Scored
}

func (t *topK) push(s Scored) {
	if len(t.h) < t.k {
		t.h = append(t.h, s)
		// sift up
		i := len(t.h) - 1
		for i > 0 {
			p := (i - 1) / 2
			if !better(t.h[p], t.h[i]) {
				break
			}
			t.h[p], t.h[i] = t.h[i], t.h[p]
			i = p
		}
		return
	}
	if !better(s, t.h[0]) {
		return
	}
	t.h[0] = s
	// sift down
	i := 0
	for {
		l, r, w := 2*i+1, 2*i+2, i
		if l < len(t.h) && better(t.h[w], t.h[l]) {
			w = l
		}
		if r < len(t.h) && better(t.h[w], t.h[r]) {
			w = r
		}
		if w == i {
			return
		}
		t.h[i], t.h[w] = t.h[w], t.h[i]
		i = w
	}
}

func (t *topK) sorted() []Scored {
	slices.SortFunc(t.h, compareRank)
	return t.h
}
