package model_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/model"
	"github.com/gaianet-go/gaianet/model/modeltest"
)

// FuzzLoad writes a valid tiny model with hostile hyperparameters and
// checks that Load either rejects it or returns a model that runs a token,
// never panicking or allocating without bound.
func FuzzLoad(f *testing.F) {
	f.Add(uint32(64), uint32(2), uint32(4), uint32(2), uint32(96), uint32(16), uint32(16), "llama")
	f.Add(uint32(64), uint32(2), uint32(4), uint32(2), uint32(96), uint32(32), uint32(32), "qwen3")
	f.Add(uint32(64), uint32(1<<30), uint32(4), uint32(0), uint32(96), uint32(0), uint32(7), "qwen2")
	f.Add(uint32(0), uint32(2), uint32(3), uint32(2), uint32(1<<31), uint32(1<<20), uint32(1), "llama")
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, dim, layers, heads, kv, ffn, keyLen, ropeDim uint32, arch string) {
		path := filepath.Join(dir, "fuzz.gguf")
		defer os.Remove(path)
		err := modeltest.Write(path, modeltest.Spec{Arch: "llama", Edit: func(md *gguf.Metadata, ts []gguf.WriteTensor) []gguf.WriteTensor {
			md.Set("general.architecture", arch)
			md.Set(arch+".embedding_length", dim)
			md.Set(arch+".block_count", layers)
			md.Set(arch+".attention.head_count", heads)
			md.Set(arch+".attention.head_count_kv", kv)
			md.Set(arch+".feed_forward_length", ffn)
			md.Set(arch+".attention.key_length", keyLen)
			md.Set(arch+".rope.dimension_count", ropeDim)
			return ts
		}})
		if err != nil {
			t.Skip(err)
		}
		gf, err := gguf.Open(path)
		if err != nil {
			t.Skip(err)
		}
		defer gf.Close()
		m, err := model.Load(gf.Metadata, gf)
		if err != nil {
			return
		}
		st := model.NewState(m, 2, 4, 1)
		defer st.Close()
		c, err := model.NewCache(m, 1, 4, gguf.TypeF16)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := m.Forward(context.Background(), st, c, model.Batch{Tokens: []int32{1}, Pos: []int32{0}, Slot: []int32{0}, Logits: []bool{true}}); err != nil {
			t.Fatal(err)
		}
	})
}
