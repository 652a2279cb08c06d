package model

import (
	"context"
	"math"
	"path/filepath"
	"testing"

	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/internal/sharedtest"
	"github.com/gaianet-go/gaianet/model/modeltest"
)

// TestShiftRerotatesKeys checks Shift against a fresh evaluation: layer 0's
// keys depend only on token and position, so after dropping positions
// [keep, keep+discard) the moved keys must equal those computed directly at
// their new positions, and values must have moved unchanged.
func TestShiftRerotatesKeys(t *testing.T) {
	for _, tc := range []struct {
		arch  string
		heads int
		typ   gguf.TensorType
		tol   float64
		file  string // a conformance model instead of a modeltest one
	}{
		{"llama", 4, gguf.TypeF16, 4e-3, ""},
		{"qwen2", 4, gguf.TypeF16, 4e-3, ""},
		{"llama", 2, gguf.TypeQ8_0, 3e-2, ""},
		{"qwen2", 4, gguf.TypeF32, 1e-5, ""},
		// Layer 0 of gemma3 slides with its own rope base; phi3's keys
		// carry LongRoPE's factors and attention factor.
		{"gemma3", 0, gguf.TypeF32, 1e-5, "gemma3-spm-q8_0.gguf"},
		{"phi3", 0, gguf.TypeF32, 1e-5, "phi3-spm-q4_k_m.gguf"},
		// deepseek2's cache rows are [YaRN-rotated key part | latent], the
		// latent also being the value; llama4's layer 0 normalizes its
		// rotated keys. Both are the conformance suite's models.
		{"deepseek2", 0, gguf.TypeF32, 1e-5, "../conformance/testdata/deepseek2.gguf"},
		{"llama4", 0, gguf.TypeF32, 1e-5, "../conformance/testdata/llama4.gguf"},
	} {
		arch := tc.arch
		t.Run(arch+"/"+tc.typ.String(), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "m.gguf")
			if filepath.IsAbs(tc.file) || filepath.Dir(tc.file) != "." {
				path = tc.file
			} else if tc.file != "" {
				path = sharedtest.Model(t, tc.file)
			} else if err := modeltest.Write(path, modeltest.Spec{Arch: arch, Seed: 5, Heads: tc.heads, KVHeads: 2}); err != nil {
				t.Fatal(err)
			}
			m := loadFile(t, path)
			toks := []int32{1, 8, 9, 10, 11, 12, 13, 14, 15, 16}
			const keep, discard = 2, 4
			run := func(toks []int32) *Cache {
				st := NewState(m, 16, 16, 1)
				defer st.Close()
				c, err := NewCache(m, 1, 16, tc.typ)
				if err != nil {
					t.Fatal(err)
				}
				n := len(toks)
				b := Batch{Tokens: toks, Pos: make([]int32, n), Slot: make([]int32, n), Logits: make([]bool, n)}
				for i := range n {
					b.Pos[i] = int32(i)
				}
				if _, err := m.Forward(context.Background(), st, c, b); err != nil {
					t.Fatal(err)
				}
				return c
			}
			shifted := run(toks)
			if err := m.Shift(shifted, 0, keep, discard, len(toks)); err != nil {
				t.Fatal(err)
			}
			kept := append(append([]int32(nil), toks[:keep]...), toks[keep+discard:]...)
			fresh := run(kept)
			hd, n := m.Config.HeadDim, len(kept)
			for h := range m.Config.KVHeads {
				sk, sv := make([]float32, n*hd), make([]float32, n*hd)
				fk, fv := make([]float32, n*hd), make([]float32, n*hd)
				shifted.widen(0, 0, h, 0, n, sk, sv)
				fresh.widen(0, 0, h, 0, n, fk, fv)
				for j := range sk {
					x, y := sk[j], fk[j]
					if math.Abs(float64(x-y)) > tc.tol*(1+math.Abs(float64(y))) {
						t.Fatalf("head %d position %d key %d: shifted %v, fresh %v", h, j/hd, j%hd, x, y)
					}
					if m.Config.SharedKV && j%hd < m.Config.MLA.Rope {
						continue // MLA: the "values" there are the rotated keys
					}
					if sv[j] != fv[j] {
						t.Fatalf("head %d position %d value %d: shifted %v, fresh %v", h, j/hd, j%hd, sv[j], fv[j])
					}
				}
			}
			if err := m.Shift(shifted, 0, 5, 10, 6); err == nil {
				t.Error("Shift past the end accepted")
			}
		})
	}
}
