package conformance

import (
	"context"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/gaianet-go/gaianet/internal/sharedtest"
)

// TestLlamarefAdapters makes rank-16 adapters with llama.cpp's own tools
// (`llamaref lora`, a PEFT adapter, converted by `llamaref
// convert-adapter`) for two base models and checks the engine against
// llama.cpp running them, at several scales.
func TestLlamarefAdapters(t *testing.T) {
	if testing.Short() {
		t.Skip("runs llama.cpp")
	}
	tol := Tolerances{LogitsNRMSEFloat: 0.01, LogitsNRMSEQuantized: 0.06, ArgmaxMargin: 1}
	for _, c := range []struct {
		model string
		flags []string
		scale []float32
	}{
		{"llama-spm-q4_k_m.gguf", []string{"-rank", "16", "-alpha", "32", "-seed", "3"}, []float32{1, -0.7}},
		{"llama-spm-tiny-f16.gguf", []string{"-rank", "4", "-alpha", "0", "-dim", "128", "-layers", "2", "-heads", "2", "-kv", "1", "-ffn", "384", "-seed", "4"}, []float32{2}},
	} {
		dir := t.TempDir()
		model := sharedtest.Model(t, c.model)
		sharedtest.Llamaref(t, nil, append([]string{"lora", "-out", filepath.Join(dir, "hf")}, c.flags...)...)
		adapter := filepath.Join(dir, "adapter.gguf")
		sharedtest.Llamaref(t, nil, "convert-adapter", filepath.Join(dir, "hf"), model, adapter)
		for _, sc := range c.scale {
			s := Suite{Kind: "logits", Name: c.model + "+lora", Model: model, Data: sharedtest.LlamarefLogits(t, dir, model, adapter+":"+strconv.FormatFloat(float64(sc), 'g', -1, 32)),
				LoRA: []SuiteLoRA{{Path: adapter, Scale: sc}}}
			r := CheckLogits(context.Background(), s, tol)
			if !r.Passed {
				t.Errorf("FAIL %s scale %v: %s\n%s", c.model, sc, r.Summary, r.Detail)
				continue
			}
			t.Logf("PASS %s scale %v: %s", c.model, sc, r.Summary)
			// Without the adapter the same reference must fail: the
			// adapter is really applied.
			s.LoRA = nil
			if r := CheckLogits(context.Background(), s, tol); r.Passed {
				t.Errorf("%s scale %v: passes without the adapter (%s)", c.model, sc, r.Summary)
			}
		}
	}
}
