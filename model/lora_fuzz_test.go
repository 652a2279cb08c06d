package model_test

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/model"
	"github.com/gaianet-go/gaianet/model/modeltest"
)

// FuzzLoadLoRA feeds mutated adapter files to LoadLoRA for a tiny model:
// it must reject them or return an adapter that runs a token, never panic.
//
// The model is a modeltest one (dim 16, vocabulary 32), not the
// conformance one: the fuzzer minimizes every new input by running its
// variants (on the order of the input's length squared), most variants of
// a valid adapter stay valid and run a token, and on the conformance model
// (vocabulary 32000, 1.3 KB seeds) that token took 1.7 ms, so minimizing
// one input took up to the 60 s limit. Here a token costs microseconds and
// the seeds are 0.4 KB.
func FuzzLoadLoRA(f *testing.F) {
	// Small seeds: one rank-1 pair for the model's attn_q (16 × 16), in
	// F32 and F16.
	for _, typ := range []gguf.TensorType{gguf.TypeF32, gguf.TypeF16} {
		md := gguf.NewMetadata()
		md.Set("general.architecture", "llama")
		md.Set("general.type", "adapter")
		md.Set("adapter.type", "lora")
		md.Set("adapter.lora.alpha", float32(2))
		vec := make([]byte, 16*typ.TypeSize())
		var buf bytes.Buffer
		if err := gguf.Write(&buf, md, []gguf.WriteTensor{
			{Name: "blk.1.attn_q.weight.lora_a", Dims: []uint64{16, 1}, Type: typ, Data: vec},
			{Name: "blk.1.attn_q.weight.lora_b", Dims: []uint64{1, 16}, Type: typ, Data: vec},
		}); err != nil {
			f.Fatal(err)
		}
		f.Add(buf.Bytes())
	}
	path := filepath.Join(f.TempDir(), "tiny.gguf")
	if err := modeltest.Write(path, modeltest.Spec{Dim: 16, Heads: 2, KVHeads: 1, FFN: 32, Vocab: 32, Type: gguf.TypeF16, Seed: 1}); err != nil {
		f.Fatal(err)
	}
	mf, err := gguf.Open(path)
	if err != nil {
		f.Fatal(err)
	}
	defer mf.Close()
	m, err := model.Load(mf.Metadata, mf)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		af, err := gguf.Parse(data)
		if err != nil {
			return
		}
		names := make([]string, len(af.Tensors))
		for i := range af.Tensors {
			names[i] = af.Tensors[i].Name
		}
		a, err := model.LoadLoRA(af.Metadata, af, names, m)
		if err != nil {
			return
		}
		st := model.NewState(m, 1, 4, 1)
		defer st.Close()
		c, _ := model.NewCache(m, 1, 4, gguf.TypeF32)
		st.SetLoRA(0, []model.LoRAUse{{Adapter: a, Scale: 1}})
		if _, err := m.Forward(context.Background(), st, c, model.Batch{Tokens: []int32{1}, Pos: []int32{0}, Slot: []int32{0}, Logits: []bool{true}}); err != nil {
			t.Fatal(err)
		}
	})
}
