package grammar

import (
	"bytes"
	"slices"
)

// Vocab is a model's vocabulary prepared for mask computation: its tokens'
// bytes in a prefix trie. Build one per model with NewVocab and share it; it
// is immutable and safe for concurrent use.
type Vocab struct {
	tokens [][]byte
	eog    []int32
	isEOG  []bool
	nodes  []trieNode
	ids    []int32 // token ids in trie order; a node's tokens are ids[tok0:tok1]
	words  int     // mask length in uint64 words
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
	v.ids = order
	v.buildTrie()
	return v
}

func (v *Vocab) buildTrie() {
	v.nodes = append(v.nodes[:0], trieNode{})
	// path[d] is the node index at depth d of the current branch.
	path := []int32{0}
	var prev []byte
	for i, id := range v.ids {
		t := v.tokens[id]
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
