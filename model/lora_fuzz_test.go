package model_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/internal/sharedtest"
	"github.com/gaianet-go/gaianet/model"
)

// FuzzLoadLoRA feeds mutated adapter files to LoadLoRA for the tiny
// conformance model: it must reject them or return an adapter that runs a
// token, never panic.
func FuzzLoadLoRA(f *testing.F) {
	root := sharedtest.Root()
	if root == "" {
		f.Skip("../shared is absent")
	}
	// Small seeds (the fuzzer minimizes every new input; the shared
	// 600 KB adapter would take minutes each): one rank-1 pair for the
	// tiny model's attn_q (128 × 128), in F32 and F16.
	for _, typ := range []gguf.TensorType{gguf.TypeF32, gguf.TypeF16} {
		md := gguf.NewMetadata()
		md.Set("general.architecture", "llama")
		md.Set("general.type", "adapter")
		md.Set("adapter.type", "lora")
		md.Set("adapter.lora.alpha", float32(2))
		vec := make([]byte, 128*typ.TypeSize())
		var buf bytes.Buffer
		if err := gguf.Write(&buf, md, []gguf.WriteTensor{
			{Name: "blk.1.attn_q.weight.lora_a", Dims: []uint64{128, 1}, Type: typ, Data: vec},
			{Name: "blk.1.attn_q.weight.lora_b", Dims: []uint64{1, 128}, Type: typ, Data: vec},
		}); err != nil {
			f.Fatal(err)
		}
		f.Add(buf.Bytes())
	}
	mf, err := gguf.Open(root + "/conformance/models/llama-spm-tiny-f16.gguf")
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
