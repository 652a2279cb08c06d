package finetune

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/gaianet-go/gaianet/conformance"
	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/internal/sharedtest"
	"github.com/gaianet-go/gaianet/kernels"
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
	// phi3 keeps q, k and v in one attn_qkv matrix and gate and up in one
	// ffn_up: a trainer-written adapter (one pair per fused matrix) merges
	// into each part's rows. (On an F32 copy, so that the engine's 8-bit
	// activations on Q4_K do not blur the comparison with the F32 merge.)
	phi3 := widenF32(t, sharedtest.Model(t, "phi3-spm-q4_k_m.gguf"))
	phiAd := trainerAdapter(t, phi3, filepath.Join(dir, "phi3-ad.gguf"), 21)
	// A MoE model's adapter changes only its attention matrices.
	moe := widenF32(t, sharedtest.Model(t, "mixtral-spm-q4_k_m.gguf"))
	moeAd := trainerAdapter(t, moe, filepath.Join(dir, "moe-ad.gguf"), 22)
	for _, c := range []struct {
		name, base, typ string
		adapters        []Adapter
	}{
		{"f16+2 adapters as f32", tiny, "f32", []Adapter{{a1, 1}, {a2, -0.5}}},
		{"phi3 (fused matrices) as f32", phi3, "f32", []Adapter{{phiAd, 0.8}}},
		{"mixtral (experts) as f32", moe, "f32", []Adapter{{moeAd, 0.8}}},
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

// trainerAdapter writes to path an adapter as the trainer writes it for
// the model at base: random pairs, B large enough to change the model.
func trainerAdapter(t *testing.T, base, path string, seed uint64) string {
	t.Helper()
	nt := loadNet(t, base, 4, seed)
	for _, lps := range nt.lora {
		for _, p := range lps {
			if p != nil {
				kernels.Scale(p.b, 20)
			}
		}
	}
	if err := writeAdapter(path, gguf.NewMetadata(), nt, 4); err != nil {
		t.Fatal(err)
	}
	return path
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
}
