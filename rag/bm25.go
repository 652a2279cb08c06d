package rag

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// BM25 binary layout (version 1). All integers are little endian; "uv" is an
// unsigned varint as written by encoding/binary.AppendUvarint.
//
//	off  size  field
//	0    4     magic "BM25"
//	4    2     version (1)
//	6    2     flags; bit 0 = stopwords removed; other bits must be zero
//	8    8     k1, IEEE-754 float64 bits
//	16   8     b,  IEEE-754 float64 bits
//	24   ...   uv nterms, then nterms × (uv len, term bytes): the term
//	           dictionary, sorted strictly ascending (so no duplicates)
//	...  ...   uv ndocs, then ndocs × (uv idlen, id bytes, uv npairs,
//	           npairs × (uv term index, uv tf)); docs sorted by id, each
//	           doc's term indexes strictly ascending, tf >= 1
//	n-4  4     CRC-32C (Castagnoli) of bytes [0, n-4)
//
// An empty index with the default parameters is 34 bytes:
//
//	42 4d 32 35  01 00  00 00  33 33 33 33 33 33 f3 3f  00 00 00 00 00 00 e8 3f
//	"BM25"       v1     flags  k1 = 1.2                 b = 0.75
//	00  00  xx xx xx xx
//	nterms ndocs crc
//
// Postings are not stored: they are rebuilt from the per-document term
// frequencies, which keeps the encoding small and its invariants checkable.

const (
	bm25Magic      = "BM25"
	bm25Version    = 1
	bm25HeaderSize = 24
	bm25FlagStop   = 1 << 0
	// maxTF bounds a decoded term frequency so that document lengths cannot
	// overflow.
	maxTF = 1 << 31
)

var (
	// ErrCorrupt marks an encoded BM25 index that fails validation: bad
	// magic, bad checksum, truncation or inconsistent contents.
	ErrCorrupt = errors.New("rag: corrupt bm25 index")
	// ErrVersion marks an encoded BM25 index written by an unknown format
	// version.
	ErrVersion = errors.New("rag: unsupported bm25 index version")
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

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
// BM25 is safe for concurrent use. Create one with NewBM25 or DecodeBM25; the
// zero value is only fit as the target of UnmarshalBinary.
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

// MarshalBinary encodes the index in the layout described at the top of this
// file. The encoding is deterministic: equal indexes encode to equal bytes.
func (ix *BM25) MarshalBinary() ([]byte, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()

	terms := make([]string, 0, len(ix.postings))
	for t := range ix.postings {
		terms = append(terms, t)
	}
	slices.Sort(terms)
	index := make(map[string]uint64, len(terms))
	for i, t := range terms {
		index[t] = uint64(i)
	}
	ids := make([]string, 0, len(ix.ids))
	for id := range ix.ids {
		ids = append(ids, id)
	}
	slices.Sort(ids)

	out := make([]byte, 0, bm25HeaderSize+16*len(terms)+32*len(ids)+4)
	out = append(out, bm25Magic...)
	out = binary.LittleEndian.AppendUint16(out, bm25Version)
	var flags uint16
	if ix.cfg.Stopwords {
		flags |= bm25FlagStop
	}
	out = binary.LittleEndian.AppendUint16(out, flags)
	out = binary.LittleEndian.AppendUint64(out, math.Float64bits(ix.cfg.K1))
	out = binary.LittleEndian.AppendUint64(out, math.Float64bits(ix.cfg.B))
	out = binary.AppendUvarint(out, uint64(len(terms)))
	for _, t := range terms {
		out = binary.AppendUvarint(out, uint64(len(t)))
		out = append(out, t...)
	}
	out = binary.AppendUvarint(out, uint64(len(ids)))
	for _, id := range ids {
		d := &ix.docs[ix.ids[id]]
		out = binary.AppendUvarint(out, uint64(len(id)))
		out = append(out, id...)
		out = binary.AppendUvarint(out, uint64(len(d.terms)))
		for _, tf := range d.terms {
			out = binary.AppendUvarint(out, index[tf.term])
			out = binary.AppendUvarint(out, uint64(tf.tf))
		}
	}
	out = binary.LittleEndian.AppendUint32(out, crc32.Checksum(out, castagnoli))
	return out, nil
}

// UnmarshalBinary replaces the contents and parameters of ix with the index
// encoded in data. On error ix is left unchanged. Errors wrap ErrCorrupt or
// ErrVersion. data is not retained.
func (ix *BM25) UnmarshalBinary(data []byte) error {
	dec, err := DecodeBM25(data)
	if err != nil {
		return err
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.cfg, ix.tok = dec.cfg, dec.tok
	ix.ids, ix.docs, ix.free = dec.ids, dec.docs, dec.free
	ix.postings, ix.totalLen = dec.postings, dec.totalLen
	return nil
}

// DecodeBM25 decodes an index written by MarshalBinary. Every length and
// count is checked against the bytes that remain before anything is
// allocated. Errors wrap ErrCorrupt or ErrVersion. data is not retained.
func DecodeBM25(data []byte) (*BM25, error) {
	if len(data) < bm25HeaderSize+2+4 {
		return nil, fmt.Errorf("%w: %d bytes is too short", ErrCorrupt, len(data))
	}
	if string(data[:4]) != bm25Magic {
		return nil, fmt.Errorf("%w: bad magic %q", ErrCorrupt, data[:4])
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	if got := crc32.Checksum(body, castagnoli); got != sum {
		return nil, fmt.Errorf("%w: checksum %08x, want %08x", ErrCorrupt, got, sum)
	}
	if v := binary.LittleEndian.Uint16(body[4:]); v != bm25Version {
		return nil, fmt.Errorf("%w: %d", ErrVersion, v)
	}
	flags := binary.LittleEndian.Uint16(body[6:])
	if flags&^bm25FlagStop != 0 {
		return nil, fmt.Errorf("%w: unknown flags %#x", ErrCorrupt, flags)
	}
	cfg := BM25Config{
		K1:        math.Float64frombits(binary.LittleEndian.Uint64(body[8:])),
		B:         math.Float64frombits(binary.LittleEndian.Uint64(body[16:])),
		Stopwords: flags&bm25FlagStop != 0,
	}
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrCorrupt, err)
	}
	ix, err := NewBM25(cfg)
	if err != nil {
		return nil, err
	}

	r := byteReader{b: body[bm25HeaderSize:]}
	nterms := r.count(1)
	terms := make([]string, 0, nterms)
	for i := uint64(0); i < nterms && r.err == nil; i++ {
		t := r.str()
		if r.err != nil {
			break
		}
		if t == "" || !utf8.ValidString(t) {
			return nil, fmt.Errorf("%w: term %d is empty or not UTF-8", ErrCorrupt, i)
		}
		if i > 0 && t <= terms[i-1] {
			return nil, fmt.Errorf("%w: term dictionary not sorted at %d", ErrCorrupt, i)
		}
		terms = append(terms, t)
	}
	ndocs := r.count(2)
	var prevID string
	for i := uint64(0); i < ndocs && r.err == nil; i++ {
		id := r.str()
		npairs := r.count(2)
		if r.err != nil {
			break
		}
		if i > 0 && id <= prevID {
			return nil, fmt.Errorf("%w: document ids not sorted at %d", ErrCorrupt, i)
		}
		prevID = id
		doc := make([]termFreq, 0, npairs)
		var length uint64
		for j := uint64(0); j < npairs; j++ {
			ti, tf := r.uvarint(), r.uvarint()
			if r.err != nil {
				break
			}
			if ti >= uint64(len(terms)) || (j > 0 && terms[ti] <= doc[j-1].term) {
				return nil, fmt.Errorf("%w: document %q: bad term index %d", ErrCorrupt, id, ti)
			}
			if tf == 0 || tf > maxTF {
				return nil, fmt.Errorf("%w: document %q: term frequency %d out of range", ErrCorrupt, id, tf)
			}
			length += tf
			doc = append(doc, termFreq{term: terms[ti], tf: uint32(tf)})
		}
		if r.err != nil {
			break
		}
		if ix.totalLen > math.MaxUint64-length {
			return nil, fmt.Errorf("%w: total length overflows", ErrCorrupt)
		}
		ix.insertLocked(id, doc)
	}
	if r.err != nil {
		return nil, fmt.Errorf("%w: %w", ErrCorrupt, r.err)
	}
	if len(r.b) != 0 {
		return nil, fmt.Errorf("%w: %d trailing bytes", ErrCorrupt, len(r.b))
	}
	return ix, nil
}

// byteReader reads varints and strings from b; its first error is sticky and
// every later read returns zero values.
type byteReader struct {
	b   []byte
	err error
}

var errTruncated = errors.New("truncated")

func (r *byteReader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errTruncated
		if n < 0 {
			r.err = errors.New("varint overflows 64 bits")
		}
		return 0
	}
	r.b = r.b[n:]
	return v
}

// count reads a count of items that take at least minSize bytes each and
// rejects one that the remaining bytes cannot hold.
func (r *byteReader) count(minSize uint64) uint64 {
	v := r.uvarint()
	if r.err == nil && v > uint64(len(r.b))/minSize {
		r.err = fmt.Errorf("count %d exceeds remaining %d bytes", v, len(r.b))
		return 0
	}
	return v
}

func (r *byteReader) str() string {
	n := r.uvarint()
	if r.err != nil {
		return ""
	}
	if n > uint64(len(r.b)) {
		r.err = fmt.Errorf("string of %d bytes exceeds remaining %d", n, len(r.b))
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}
