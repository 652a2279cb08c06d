package model_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/model"
)

// archFuzzKeys are the hyperparameters deepseek2 and llama4 read beyond
// the common ones.
var archFuzzKeys = []string{
	"attention.q_lora_rank", "attention.kv_lora_rank", "attention.key_length", "attention.value_length",
	"rope.dimension_count", "leading_dense_block_count", "expert_shared_count", "expert_gating_func",
	"expert_group_count", "expert_group_used_count", "expert_count", "expert_used_count",
	"expert_feed_forward_length", "interleave_moe_layer_step", "attention.sliding_window",
	"rope.scaling.original_context_length", "attention.head_count", "attention.head_count_kv",
}

// FuzzLoadArchVariants takes the tiny deepseek2 and llama4 models that the
// conformance suite checks against llama.cpp (../conformance/testdata),
// sets one of their own hyperparameters (or a YaRN float) to a hostile
// value, and checks that Load rejects the file or returns a model that
// runs a token, never panicking.
func FuzzLoadArchVariants(f *testing.F) {
	var files [2][]byte
	for i, n := range []string{"deepseek2", "llama4"} {
		b, err := os.ReadFile(filepath.Join("..", "conformance", "testdata", n+".gguf"))
		if err != nil {
			f.Fatal(err)
		}
		files[i] = b
	}
	f.Add(uint8(0), uint8(1), uint32(0), float32(0))
	f.Add(uint8(0), uint8(8), uint32(4), float32(1))
	f.Add(uint8(0), uint8(9), uint32(8), float32(40))
	f.Add(uint8(0), uint8(5), uint32(3), float32(-1))
	f.Add(uint8(1), uint8(13), uint32(0), float32(0))
	f.Add(uint8(1), uint8(14), uint32(0), float32(0))
	f.Add(uint8(0), uint8(4), uint32(200), float32(1e9))
	f.Fuzz(func(t *testing.T, which, key uint8, v uint32, fv float32) {
		gf, err := gguf.Parse(files[which%2])
		if err != nil {
			t.Fatal(err)
		}
		md := gf.Metadata
		arch, _ := md.String("general.architecture")
		md.Set(arch+"."+archFuzzKeys[int(key)%len(archFuzzKeys)], v)
		if fv != 0 {
			md.Set(arch+".rope.scaling.factor", fv)
			md.Set(arch+".rope.scaling.yarn_log_multiplier", fv)
		}
		var ts []gguf.WriteTensor
		for i := range gf.Tensors {
			ti := &gf.Tensors[i]
			ts = append(ts, gguf.WriteTensor{Name: ti.Name, Dims: ti.Dims, Type: ti.Type, Data: gf.TensorData(ti)})
		}
		var buf bytes.Buffer
		if err := gguf.Write(&buf, md, ts); err != nil {
			t.Skip(err)
		}
		g2, err := gguf.Parse(buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		m, err := model.Load(g2.Metadata, g2)
		if err != nil {
			return
		}
		runTokens(t, m, 1, 2)
	})
}

// runTokens runs the tokens as one sequence through m, failing t on any
// error: a model that loaded must run.
func runTokens(t *testing.T, m *model.Model, toks ...int32) {
	t.Helper()
	st := model.NewState(m, 2, 4, 1)
	defer st.Close()
	c, err := model.NewCache(m, 1, 4, gguf.TypeF16)
	if err != nil {
		t.Fatal(err)
	}
	b := model.Batch{Tokens: toks}
	for i := range toks {
		b.Pos, b.Slot, b.Logits = append(b.Pos, int32(i)), append(b.Slot, 0), append(b.Logits, i == len(toks)-1)
	}
	if _, err := m.Forward(context.Background(), st, c, b); err != nil {
		t.Fatal(err)
	}
}
