package embedding

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/model"
)

// decoder runs a decoder-only architecture of package model (qwen2 for
// gte-Qwen2, or any other it loads) as an embedding model: causal
// attention over one text at a time, then pooling of the final hidden
// states after the output norm, as llama.cpp's embeddings mode pools them.
// Its pooling is <arch>.pooling_type; a file without one is accepted only
// when its general.name names an embedding model, and then pools the last
// token (gte-Qwen2's pooling).
type decoder struct {
	m     *model.Model
	st    *model.State
	cache *model.Cache
	b     model.Batch
}

// Supported reports whether architecture arch can be loaded as an
// embedding model: the BERT family, or a decoder package model runs.
func Supported(arch string) bool {
	switch arch {
	case "bert", "nomic-bert":
		return true
	}
	return model.Supported(arch)
}

// newDecoder loads f's decoder and fills h for it; the State and cache
// are sized for maxTokens (0: the model's context, at most 8192).
func newDecoder(f *gguf.File, h *hparams, opt *Options) (*decoder, error) {
	m, err := model.Load(f.Metadata, f)
	if err != nil {
		if errors.Is(err, model.ErrUnsupported) {
			return nil, fmt.Errorf("%w: %w", ErrUnsupported, err)
		}
		return nil, fmt.Errorf("embedding: %w", err)
	}
	arch := m.Config.Arch
	if causal, ok := f.Metadata.Bool(arch + ".attention.causal"); ok && !causal {
		return nil, fmt.Errorf("%w: %s with bidirectional attention", ErrUnsupported, arch)
	}
	*h = hparams{arch: arch, nEmbd: m.Config.Dim, nCtx: m.Config.CtxTrain, pooling: PoolLast}
	if p, ok := f.Metadata.Uint(arch + ".pooling_type"); ok {
		h.pooling = Pooling(p)
	} else if name, _ := f.Metadata.String("general.name"); !embeddingName(name) {
		// A chat model is not an embedding model: pooling its states
		// would give vectors nobody trained.
		return nil, fmt.Errorf("%w: %s model without %s.pooling_type (a chat model, not an embedding model)", ErrUnsupported, arch, arch)
	}
	switch h.pooling {
	case PoolMean, PoolCLS, PoolLast:
	default:
		return nil, fmt.Errorf("%w: pooling type %d (supported: mean, cls, last)", ErrUnsupported, h.pooling)
	}
	if opt.MaxTokens <= 0 || opt.MaxTokens > h.nCtx {
		opt.MaxTokens = min(h.nCtx, 8192)
	}
	cache, err := model.NewCache(m, 1, opt.MaxTokens, gguf.TypeF16)
	if err != nil {
		return nil, err
	}
	return &decoder{m: m, st: model.NewState(m, min(opt.MaxTokens, 512), opt.MaxTokens, opt.Threads), cache: cache}, nil
}

// embeddingName reports whether a model name says it is an embedding
// model (gte-Qwen2 files converted before llama.cpp wrote their pooling).
func embeddingName(name string) bool {
	n := strings.ToLower(name)
	return strings.Contains(n, "gte-") || strings.Contains(n, "embed")
}

// embed writes the pooled hidden states of each sequence to out.
func (d *decoder) embed(ctx context.Context, pooling Pooling, seqs [][]int32, out [][]float32) error {
	dim := d.m.Config.Dim
	for i, s := range seqs {
		n := len(s)
		b := &d.b
		b.Tokens = append(b.Tokens[:0], s...)
		b.Pos, b.Slot, b.Logits = b.Pos[:0], b.Slot[:0], b.Logits[:0]
		for p := range n {
			b.Pos = append(b.Pos, int32(p))
			b.Slot = append(b.Slot, 0)
			b.Logits = append(b.Logits, pooling == PoolMean || (pooling == PoolLast && p == n-1) || (pooling == PoolCLS && p == 0))
		}
		hs, err := d.m.Hidden(ctx, d.st, d.cache, *b)
		if err != nil {
			return fmt.Errorf("embedding: %w", err)
		}
		v := make([]float32, dim)
		rows := len(hs) / dim
		for r := range rows {
			for j, x := range hs[r*dim : (r+1)*dim] {
				v[j] += x
			}
		}
		if rows > 1 {
			inv := 1 / float32(rows)
			for j := range v {
				v[j] *= inv
			}
		}
		out[i] = v
	}
	return nil
}

func (d *decoder) close() { d.st.Close() }
