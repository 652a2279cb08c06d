package finetune

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/conformance"
	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/internal/sharedtest"
)

var tol = conformance.Tolerances{LogitsNRMSEFloat: 0.01, LogitsNRMSEQuantized: 0.06, ArgmaxMargin: 1}

// makeAdapter makes a PEFT adapter with `llamaref lora` and converts it
// with llama.cpp's converter; flags set its shape, rank and seed.
func makeAdapter(t *testing.T, dir, name, base string, flags ...string) string {
	t.Helper()
	hf := filepath.Join(dir, name)
	sharedtest.Llamaref(t, nil, append([]string{"lora", "-out", hf}, flags...)...)
	out := hf + ".gguf"
	sharedtest.Llamaref(t, nil, "convert-adapter", hf, base, out)
	return out
}

// TestMergeAgreesWithAdapters merges adapters into a model with Merge and
// checks the engine running base + adapters against llama.cpp running the
// merged file: two adapters at scales 1 and -0.5 merged into an F16 model
// in float32 (F32 output, float tolerance), and the shared adapter
// merged into a Q8_0 model and requantized to Q8_0.
func TestMergeAgreesWithAdapters(t *testing.T) {
	dir := t.TempDir()
	tiny := sharedtest.Model(t, "llama-spm-tiny-f16.gguf")
	shape := []string{"-dim", "128", "-layers", "2", "-heads", "2", "-kv", "1", "-ffn", "384"}
	a1 := makeAdapter(t, dir, "a1", tiny, append(shape, "-rank", "4", "-alpha", "8", "-seed", "11")...)
	a2 := makeAdapter(t, dir, "a2", tiny, append(shape, "-rank", "8", "-alpha", "8", "-seed", "12")...)
	q8 := sharedtest.Model(t, "llama-spm-q8_0.gguf")
	shared := sharedtest.Path(t, "conformance", "lora", "llama-spm-lora-r8.gguf")
	for _, c := range []struct {
		name, base, typ string
		adapters        []Adapter
	}{
		{"f16+2 adapters as f32", tiny, "f32", []Adapter{{a1, 1}, {a2, -0.5}}},
		{"q8_0+adapter as q8_0", q8, "", []Adapter{{shared, 0.7}}},
	} {
		merged := filepath.Join(dir, "merged.gguf")
		if err := Merge(context.Background(), c.base, c.adapters, merged, MergeOptions{Type: c.typ}); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		ref := sharedtest.LlamarefLogits(t, dir, merged, "")
		s := conformance.Suite{Kind: "logits", Name: c.name, Model: c.base, Data: ref}
		for _, a := range c.adapters {
			s.LoRA = append(s.LoRA, conformance.SuiteLoRA{Path: a.Path, Scale: a.Scale})
		}
		r := conformance.CheckLogits(context.Background(), s, tol)
		if !r.Passed {
			t.Errorf("%s: engine with adapters vs llama.cpp on the merged file: %s\n%s", c.name, r.Summary, r.Detail)
			continue
		}
		t.Logf("%s: %s", c.name, r.Summary)
		s.LoRA = nil
		if r := conformance.CheckLogits(context.Background(), s, tol); r.Passed {
			t.Errorf("%s: the base model alone agrees with the merged file (%s)", c.name, r.Summary)
		}
	}
}

func TestMergeErrors(t *testing.T) {
	dir := t.TempDir()
	q8 := sharedtest.Model(t, "llama-spm-q8_0.gguf")
	tiny := sharedtest.Model(t, "llama-spm-tiny-f16.gguf")
	shared := sharedtest.Path(t, "conformance", "lora", "llama-spm-lora-r8.gguf")
	out := filepath.Join(dir, "out.gguf")
	for _, c := range []struct {
		name     string
		base     string
		adapters []Adapter
		typ      string
	}{
		{"no adapters", q8, nil, ""},
		{"adapter for another shape", tiny, []Adapter{{shared, 1}}, ""},
		{"a model as adapter", q8, []Adapter{{q8, 1}}, ""},
		{"bad type", q8, []Adapter{{shared, 1}}, "q4_0"},
	} {
		err := Merge(context.Background(), c.base, c.adapters, out, MergeOptions{Type: c.typ})
		if err == nil {
			t.Errorf("%s: merged", c.name)
		} else {
			t.Logf("%s: %v", c.name, err)
		}
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "*")); len(m) != 0 {
		t.Errorf("failed merges left %v", m)
	}
	// phi3 keeps q, k and v in one attn_qkv matrix: merging an adapter of
	// it is refused by name (not implemented), never merged into the wrong
	// rows or dropped.
	phi3 := sharedtest.Model(t, "phi3-spm-q4_k_m.gguf")
	md := gguf.NewMetadata()
	md.Set("general.architecture", "phi3")
	md.Set("general.type", "adapter")
	md.Set("adapter.type", "lora")
	md.Set("adapter.lora.alpha", float32(2))
	ad := filepath.Join(t.TempDir(), "phi3-qkv.gguf")
	if err := gguf.WriteFile(ad, md, []gguf.WriteTensor{
		{Name: "blk.0.attn_qkv.weight.lora_a", Dims: []uint64{256, 2}, Type: gguf.TypeF32, Data: make([]byte, 4*2*256)},
		{Name: "blk.0.attn_qkv.weight.lora_b", Dims: []uint64{2, 512}, Type: gguf.TypeF32, Data: make([]byte, 4*2*512)},
	}); err != nil {
		t.Fatal(err)
	}
	if err := Merge(context.Background(), phi3, []Adapter{{ad, 1}}, out, MergeOptions{}); err == nil || !strings.Contains(err.Error(), "merging into blk.0.attn_qkv.weight") {
		t.Errorf("phi3 adapter on attn_qkv: %v, want a refusal naming attn_qkv", err)
	}
}
