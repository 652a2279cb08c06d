package embedding

import (
	"context"
	"fmt"
	"math"
	"sync"

	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/kernels"
	"github.com/gaianet-go/gaianet/model"
	"github.com/gaianet-go/gaianet/tokenizer"
)

// Tokenizer turns text into token IDs; the tokenizer package provides one
// built from the same GGUF file.
type Tokenizer interface {
	Encode(text string, addSpecial, parseSpecial bool) []int32
}

// Options configure a Model. The zero value is usable.
type Options struct {
	// Threads is the number of worker goroutines; 0 means GOMAXPROCS.
	Threads int
	// MaxTokens is the longest input, in tokens, special tokens included;
	// 0 means the model's context length. It cannot exceed it.
	MaxTokens int
	// RejectLong makes an input longer than MaxTokens an error; by default
	// it is truncated (its final special token kept).
	RejectLong bool
	// BatchTokens bounds the tokens of one forward pass, into which whole
	// texts are packed; 0 means 1024, and it is raised to MaxTokens. Larger passes hold more scratch memory (about
	// 4*(6*dim+2*ffn) bytes a token) without running measurably faster:
	// weight products already keep each weight tile in cache across a
	// pass's tokens.
	BatchTokens int
	// Raw disables L2 normalization of the pooled vectors.
	Raw bool
}

// Model is a loaded embedding model. It is safe for concurrent use; forward
// passes run one at a time, each spread over all workers.
type Model struct {
	f    *gguf.File
	h    hparams
	w    *weights
	tok  Tokenizer
	opt  Options
	name string

	// dec runs decoder-only models (gte-Qwen2 style); nil for encoders.
	dec *decoder

	mu   sync.Mutex // guards pool, heads, s and dec
	pool *kernels.Pool
	// heads holds one attention workspace per pool goroutine; a goroutine
	// takes one for each batch of (sequence, head) jobs and returns it.
	heads chan *headScratch
	s     scratch
}

// Load opens the GGUF embedding model at path. tok tokenizes input text for
// Embed; it may be nil when only EmbedTokens is used. The caller must Close
// the model.
func Load(path string, tok Tokenizer, opt Options) (*Model, error) {
	f, err := gguf.Open(path)
	if err != nil {
		return nil, err
	}
	m, err := New(f, tok, opt)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// New binds an embedding model to an opened GGUF file, which then belongs to
// the model (Close closes it).
func New(f *gguf.File, tok Tokenizer, opt Options) (*Model, error) {
	if a := f.Metadata.Architecture(); a != "bert" && a != "nomic-bert" && model.Supported(a) {
		var h hparams
		dec, err := newDecoder(f, &h, &opt)
		if err != nil {
			return nil, err
		}
		name, _ := f.Metadata.String("general.name")
		opt.BatchTokens = opt.MaxTokens
		return &Model{f: f, h: h, tok: tok, opt: opt, name: name, dec: dec, pool: dec.st.Pool()}, nil
	}
	h, err := readHparams(f.Metadata)
	if err != nil {
		return nil, err
	}
	w, err := bindWeights(f, h)
	if err != nil {
		return nil, err
	}
	if opt.MaxTokens <= 0 || opt.MaxTokens > h.nCtx {
		opt.MaxTokens = h.nCtx
	}
	if opt.BatchTokens <= 0 {
		opt.BatchTokens = 1024
	}
	opt.BatchTokens = max(opt.BatchTokens, opt.MaxTokens)
	name, _ := f.Metadata.String("general.name")
	m := &Model{f: f, h: h, w: w, tok: tok, opt: opt, name: name, pool: kernels.NewPool(opt.Threads)}
	m.heads = make(chan *headScratch, m.pool.Size())
	for range m.pool.Size() {
		m.heads <- &headScratch{}
	}
	return m, nil
}

// Close releases the model's workers and file mapping.
func (m *Model) Close() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.dec != nil {
		if m.pool != nil {
			m.dec.close()
		}
	} else if m.pool != nil {
		m.pool.Close()
	}
	m.pool = nil
	return m.f.Close()
}

// Dim returns the length of the vectors the model produces.
func (m *Model) Dim() int { return m.h.nEmbd }

// MaxTokens returns the longest input in tokens.
func (m *Model) MaxTokens() int { return m.opt.MaxTokens }

// Pooling returns how the model pools token states.
func (m *Model) Pooling() Pooling { return m.h.pooling }

// Architecture returns the GGUF architecture ("bert", "nomic-bert", or a
// decoder's such as "qwen2").
func (m *Model) Architecture() string { return m.h.arch }

// Embed tokenizes texts (special tokens added, as llama.cpp does for
// embeddings) and embeds them. It returns one vector per text and the number
// of tokens processed, which counts a truncated text at its truncated
// length. The vectors belong to the caller.
func (m *Model) Embed(ctx context.Context, texts []string) ([][]float32, int, error) {
	if m.tok == nil {
		return nil, 0, fmt.Errorf("embedding: model has no tokenizer")
	}
	seqs := make([][]int32, len(texts))
	for i, t := range texts {
		seqs[i] = m.tok.Encode(t, true, false)
	}
	return m.embed(ctx, seqs)
}

// EmbedTokens embeds token sequences (special tokens included). Sequences
// longer than MaxTokens are truncated (keeping their last token, the
// closing special token) or rejected per Options; seqs itself is not
// modified. The vectors belong to the caller.
func (m *Model) EmbedTokens(ctx context.Context, seqs [][]int32) ([][]float32, error) {
	vecs, _, err := m.embed(ctx, seqs)
	return vecs, err
}

// embed is EmbedTokens that also returns the number of tokens processed.
func (m *Model) embed(ctx context.Context, seqs [][]int32) ([][]float32, int, error) {
	var vocab int
	if m.dec != nil {
		vocab = m.dec.m.Config.Vocab
	} else {
		vocab = m.w.tokEmbd.rows
	}
	seqs = append([][]int32(nil), seqs...) // truncation must not reach the caller's slice
	total := 0
	for i, s := range seqs {
		if len(s) == 0 {
			return nil, 0, fmt.Errorf("embedding: input %d has no tokens", i)
		}
		for _, id := range s {
			if id < 0 || int(id) >= vocab {
				return nil, 0, fmt.Errorf("embedding: input %d: token %d is outside the vocabulary (%d)", i, id, vocab)
			}
		}
		if len(s) > m.opt.MaxTokens {
			if m.opt.RejectLong {
				return nil, 0, fmt.Errorf("embedding: input %d has %d tokens, more than the limit of %d", i, len(s), m.opt.MaxTokens)
			}
			seqs[i] = append(s[:m.opt.MaxTokens-1:m.opt.MaxTokens-1], s[len(s)-1])
		}
		total += len(seqs[i])
	}
	out := make([][]float32, len(seqs))
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.pool == nil {
		return nil, 0, fmt.Errorf("embedding: model is closed")
	}
	for start := 0; start < len(seqs); {
		if err := ctx.Err(); err != nil {
			return nil, 0, err
		}
		end, n := start, 0
		for end < len(seqs) && n+len(seqs[end]) <= m.opt.BatchTokens {
			n += len(seqs[end])
			end++
		}
		if m.dec != nil {
			if err := m.dec.embed(ctx, m.h.pooling, seqs[start:end], out[start:end]); err != nil {
				return nil, 0, err
			}
		} else {
			m.forwardLocked(seqs[start:end], out[start:end])
		}
		start = end
	}
	if !m.opt.Raw {
		for _, v := range out {
			normalize(v)
		}
	}
	return out, total, nil
}

func normalize(v []float32) {
	var ss float64
	for _, x := range v {
		ss += float64(x) * float64(x)
	}
	if ss == 0 {
		return
	}
	inv := float32(1 / math.Sqrt(ss))
	for i := range v {
		v[i] *= inv
	}
}

// Open loads the embedding model at path with the tokenizer its own GGUF
// metadata describes, and returns both (the tokenizer also counts tokens for
// chunking). The caller must Close the model.
func Open(path string, opt Options) (*Model, *tokenizer.Tokenizer, error) {
	f, err := gguf.Open(path)
	if err != nil {
		return nil, nil, err
	}
	tok, err := tokenizer.FromGGUF(f.Metadata)
	if err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	m, err := New(f, tok, opt)
	if err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, tok, nil
}
