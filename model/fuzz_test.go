package model_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/internal/sharedtest"
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
		runTokens(t, m, 1)
	})
}

// FuzzLoadArchs rewrites the hyperparameters the newer architectures read
// (experts, sliding window, soft-caps, LongRoPE's factor and original
// context) in the gemma2, phi3 and Mixtral conformance models, and checks
// that Load rejects the file or returns a model that runs a short batch.
func FuzzLoadArchs(f *testing.F) {
	type source struct {
		arch string
		md   gguf.Metadata
		ts   []gguf.WriteTensor
	}
	var srcs []source
	for _, name := range []string{"gemma2-spm-q8_0.gguf", "phi3-spm-q4_k_m.gguf", "mixtral-spm-q4_k_m.gguf"} {
		gf, err := gguf.Open(sharedtest.Model(f, name))
		if err != nil {
			f.Fatal(err)
		}
		s := source{arch: gf.Metadata.Architecture()}
		for _, kv := range gf.Metadata.KVs() {
			s.md.Set(kv.Key, kv.Value)
		}
		for i := range gf.Tensors {
			ti := &gf.Tensors[i]
			s.ts = append(s.ts, gguf.WriteTensor{Name: ti.Name, Dims: ti.Dims, Type: ti.Type, Data: append([]byte(nil), gf.TensorData(ti)...)})
		}
		gf.Close()
		srcs = append(srcs, s)
	}
	f.Add(uint8(0), uint32(0), uint32(0), uint32(16), float32(8), float32(1), uint32(0))
	f.Add(uint8(1), uint32(0), uint32(0), uint32(0), float32(0), float32(1.3), uint32(128))
	f.Add(uint8(2), uint32(4), uint32(2), uint32(0), float32(0), float32(1), uint32(0))
	f.Add(uint8(2), uint32(4), uint32(5), uint32(1), float32(-1), float32(0), uint32(1<<31))
	f.Add(uint8(0), uint32(1<<30), uint32(0), uint32(1<<30), float32(1e-30), float32(1e30), uint32(1))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, which uint8, experts, used, window uint32, softcap, attnFactor float32, origCtx uint32) {
		s := srcs[int(which)%len(srcs)]
		var md gguf.Metadata
		for _, kv := range s.md.KVs() {
			md.Set(kv.Key, kv.Value)
		}
		a := s.arch
		md.Set(a+".expert_count", experts)
		md.Set(a+".expert_used_count", used)
		md.Set(a+".attention.sliding_window", window)
		md.Set(a+".attn_logit_softcapping", softcap)
		md.Set(a+".final_logit_softcapping", softcap)
		md.Set(a+".rope.scaling.attn_factor", attnFactor)
		md.Set(a+".rope.scaling.original_context_length", origCtx)
		path := filepath.Join(dir, "fuzz.gguf")
		defer os.Remove(path)
		if err := gguf.WriteFile(path, md, s.ts); err != nil {
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
		st := model.NewState(m, 4, 8, 1)
		defer st.Close()
		c, err := model.NewCache(m, 1, 8, gguf.TypeF16)
		if err != nil {
			t.Fatal(err)
		}
		b := model.Batch{Tokens: []int32{1, 2, 3}, Pos: []int32{0, 1, 2}, Slot: []int32{0, 0, 0}, Logits: []bool{false, false, true}}
		if _, err := m.Forward(context.Background(), st, c, b); err != nil {
			t.Fatal(err)
		}
	})
}
