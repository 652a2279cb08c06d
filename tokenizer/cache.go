package tokenizer

import (
	"hash/maphash"
	"sync"
	"unsafe"
)

// unsafeBytes views s as a byte slice for read-only use.
func unsafeBytes(s string) []byte {
	return unsafe.Slice(unsafe.StringData(s), len(s))
}

// wordCache remembers the tokens of recently seen words (pre-tokenized words
// for BPE, "▁"-delimited chunks for SentencePiece, normalised words for
// WordPiece), which repeat heavily in real text. It is bounded: a shard that
// fills up is emptied. Safe for concurrent use; stored slices are never
// modified.
type wordCache struct {
	seed   maphash.Seed
	shards [cacheShards]cacheShard
}

const (
	cacheShards   = 32
	cacheShardCap = 4096 // entries per shard
	maxCachedWord = 64   // bytes; longer words are not cached
)

type cacheShard struct {
	mu sync.Mutex
	m  map[string][]int32 // guarded by mu
}

func newWordCache() *wordCache {
	return &wordCache{seed: maphash.MakeSeed()}
}

func (c *wordCache) shard(word []byte) *cacheShard {
	return &c.shards[maphash.Bytes(c.seed, word)%cacheShards]
}

// get returns the cached tokens of word.
func (c *wordCache) get(word []byte) ([]int32, bool) {
	if len(word) > maxCachedWord {
		return nil, false
	}
	s := c.shard(word)
	s.mu.Lock()
	ids, ok := s.m[string(word)]
	s.mu.Unlock()
	return ids, ok
}

// put stores a copy of ids as the tokens of word.
func (c *wordCache) put(word []byte, ids []int32) {
	if len(word) > maxCachedWord {
		return
	}
	v := append([]int32(nil), ids...)
	s := c.shard(word)
	s.mu.Lock()
	if s.m == nil || len(s.m) >= cacheShardCap {
		s.m = make(map[string][]int32, 256)
	}
	s.m[string(word)] = v
	s.mu.Unlock()
}
