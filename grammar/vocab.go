package grammar

import (
	"bytes"
	"slices"
	"unicode/utf8"
)

// Vocab is a model's vocabulary prepared for mask computation: its tokens'
// bytes in a prefix trie. Build one per model with NewVocab and share it; it
// is immutable and safe for concurrent use.
type Vocab struct {
	tokens [][]byte
	eog    []int32
	isEOG  []bool
	all    trie // every token but control and end tokens
	words  int  // mask length in uint64 words

	// Plain tokens are whole UTF-8 characters with no quote, backslash or
	// control character: text that a JSON string body takes as it is.
	// plainUpTo[k] has the plain tokens of at most k characters; rest is
	// the trie of the other tokens.
	plainUpTo [][]uint64
	longPlain []int32 // plain tokens of more than probeDepth characters
	rest      trie
	// rootChild[c] is the node of all for first byte c (0: none) and
	// rootIDs[c] the range of all.ids under it.
	rootChild [256]int32
	rootIDs   [256][2]int32
}

// trie is a prefix tree of tokens.
type trie struct {
	nodes []trieNode
	ids   []int32 // token ids in trie order; a node's tokens are ids[tok0:tok1]
}

// trieNode is one node of the token trie, stored in depth-first pre-order so
// that a node's subtree is the contiguous run nodes[i+1 : next].
type trieNode struct {
	b     byte
	depth uint16
	tok0  int32
	tok1  int32
	next  int32
}

// NewVocab prepares a vocabulary: tokens[i] is the raw bytes token i stands
// for (nil or empty for control tokens, which are never allowed), eog the
// end-of-generation tokens, allowed exactly when the grammar may end. The
// slices are copied.
func NewVocab(tokens [][]byte, eog []int32) *Vocab {
	v := &Vocab{tokens: make([][]byte, len(tokens)), isEOG: make([]bool, len(tokens))}
	for i, t := range tokens {
		v.tokens[i] = append([]byte(nil), t...)
	}
	for _, e := range eog {
		if e >= 0 && int(e) < len(tokens) && !v.isEOG[e] {
			v.isEOG[e] = true
			v.eog = append(v.eog, e)
		}
	}
	v.words = (len(tokens) + 63) / 64
	order := make([]int32, 0, len(tokens))
	for i, t := range v.tokens {
		if len(t) > 0 && len(t) < 1<<16 && !v.isEOG[i] {
			order = append(order, int32(i))
		}
	}
	slices.SortFunc(order, func(a, b int32) int {
		if c := bytes.Compare(v.tokens[a], v.tokens[b]); c != 0 {
			return c
		}
		return int(a - b)
	})
	v.all = buildTrie(v.tokens, order)
	for i := 1; i < len(v.all.nodes); i = int(v.all.nodes[i].next) {
		n := v.all.nodes[i]
		v.rootChild[n.b] = int32(i)
		lo, hi := int32(-1), int32(-1)
		for j := i; j < int(n.next); j++ {
			if m := v.all.nodes[j]; m.tok0 >= 0 {
				if lo < 0 {
					lo = m.tok0
				}
				hi = m.tok1
			}
		}
		if lo >= 0 {
			v.rootIDs[n.b] = [2]int32{lo, hi}
		}
	}
	var rest []int32
	for _, id := range order {
		t := v.tokens[id]
		if n, ok := plainChars(t); ok {
			for len(v.plainUpTo) <= n {
				v.plainUpTo = append(v.plainUpTo, make([]uint64, v.words))
			}
			v.plainUpTo[n][id>>6] |= 1 << (id & 63)
			if n > probeDepth {
				v.longPlain = append(v.longPlain, id)
			}
		} else {
			rest = append(rest, id)
		}
	}
	for k := 1; k < len(v.plainUpTo); k++ {
		for w := range v.plainUpTo[k] {
			v.plainUpTo[k][w] |= v.plainUpTo[k-1][w]
		}
	}
	v.rest = buildTrie(v.tokens, rest)
	return v
}

// plainChars returns the number of characters of t when t is plain.
func plainChars(t []byte) (int, bool) {
	n := 0
	for i := 0; i < len(t); {
		c := t[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == '"' || c == '\\' {
				return 0, false
			}
			i++
		} else {
			r, size := utf8.DecodeRune(t[i:])
			if r == utf8.RuneError && size <= 1 {
				return 0, false
			}
			i += size
		}
		n++
	}
	return n, true
}

// buildTrie builds the trie of the tokens ids, which are sorted by bytes.
func buildTrie(tokens [][]byte, ids []int32) trie {
	v := trie{ids: ids}
	v.nodes = append(v.nodes, trieNode{})
	// path[d] is the node index at depth d of the current branch.
	path := []int32{0}
	var prev []byte
	for i, id := range ids {
		t := tokens[id]
		common := 0
		for common < len(prev) && common < len(t) && prev[common] == t[common] {
			common++
		}
		// close nodes deeper than the common prefix
		for len(path)-1 > common {
			n := path[len(path)-1]
			v.nodes[n].next = int32(len(v.nodes))
			path = path[:len(path)-1]
		}
		for d := common; d < len(t); d++ {
			v.nodes = append(v.nodes, trieNode{b: t[d], depth: uint16(d + 1), tok0: -1, tok1: -1})
			path = append(path, int32(len(v.nodes)-1))
		}
		n := path[len(t)]
		if v.nodes[n].tok0 < 0 {
			v.nodes[n].tok0 = int32(i)
		}
		v.nodes[n].tok1 = int32(i + 1)
		prev = t
	}
	for len(path) > 0 {
		v.nodes[path[len(path)-1]].next = int32(len(v.nodes))
		path = path[:len(path)-1]
	}
	return v
}

// Size is the number of tokens, the length of a mask in bits.
func (v *Vocab) Size() int { return len(v.tokens) }

// MaskWords is the number of uint64 words FillMask writes.
func (v *Vocab) MaskWords() int { return v.words }

// Token returns the bytes of token id (shared, do not modify).
func (v *Vocab) Token(id int32) []byte {
	if id < 0 || int(id) >= len(v.tokens) {
		return nil
	}
	return v.tokens[id]
}

// IsEOG reports whether id ends generation.
func (v *Vocab) IsEOG(id int32) bool { return id >= 0 && int(id) < len(v.isEOG) && v.isEOG[id] }
