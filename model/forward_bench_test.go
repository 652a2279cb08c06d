package model_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/model"
	"github.com/gaianet-go/gaianet/model/modeltest"
)

// BenchmarkForward times one forward step of a small Q8_0 model: decode
// steps of 1 and 4 sequences at position 64, and a 64-token prefill.
func BenchmarkForward(b *testing.B) {
	path := filepath.Join(b.TempDir(), "m.gguf")
	spec := modeltest.Spec{Dim: 512, Layers: 4, Heads: 8, KVHeads: 2, FFN: 1408, Vocab: 4096, Type: gguf.TypeQ8_0}
	if err := modeltest.Write(path, spec); err != nil {
		b.Fatal(err)
	}
	f, err := gguf.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	m, err := model.Load(f.Metadata, f)
	if err != nil {
		b.Fatal(err)
	}
	const ctxLen = 256
	st := model.NewState(m, 64, ctxLen, 0)
	defer st.Close()
	c, _ := model.NewCache(m, 4, ctxLen, gguf.TypeF16)
	ctx := context.Background()
	// Fill 64 positions of every slot.
	for s := range 4 {
		b64 := model.Batch{}
		for i := range 64 {
			b64.Tokens = append(b64.Tokens, int32(i))
			b64.Pos = append(b64.Pos, int32(i))
			b64.Slot = append(b64.Slot, int32(s))
			b64.Logits = append(b64.Logits, false)
		}
		if _, err := m.Forward(ctx, st, c, b64); err != nil {
			b.Fatal(err)
		}
	}
	for _, n := range []int{1, 4} {
		b.Run(fmt.Sprintf("decode/seqs=%d", n), func(b *testing.B) {
			batch := model.Batch{Tokens: make([]int32, n), Pos: make([]int32, n), Slot: make([]int32, n), Logits: make([]bool, n)}
			for s := range n {
				batch.Pos[s], batch.Slot[s], batch.Logits[s] = 64, int32(s), true
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := m.Forward(ctx, st, c, batch); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tok/s")
		})
	}
	b.Run("prefill/tokens=64", func(b *testing.B) {
		batch := model.Batch{}
		for i := range 64 {
			batch.Tokens = append(batch.Tokens, int32(i))
			batch.Pos = append(batch.Pos, int32(64+i))
			batch.Slot = append(batch.Slot, 0)
			batch.Logits = append(batch.Logits, i == 63)
		}
		b.ReportAllocs()
		for b.Loop() {
			if _, err := m.Forward(ctx, st, c, batch); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(64*b.N)/b.Elapsed().Seconds(), "tok/s")
	})
}
