package conformance

import (
	"context"
	"os"
	"slices"
	"testing"

	"github.com/gaianet-go/gaianet/internal/sharedtest"
)

func TestCheckLogits(t *testing.T) {
	dir := sharedtest.Conformance(t)
	m, err := LoadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, s := range m.Suites {
		if s.Kind != "logits" {
			continue
		}
		n++
		t.Run(s.Name, func(t *testing.T) {
			r := CheckLogits(context.Background(), s, m.Tolerances)
			t.Logf("%s: %s", s.Name, r.Summary)
			if !r.Passed {
				t.Fatalf("%s failed: %s (%s)", s.Name, r.Detail, r.Summary)
			}
		})
	}
	if n == 0 {
		sharedtest.Missing(t, "no logits suites in ../shared/conformance/manifest.json")
	}
}

// TestCheckLogitsQ8Cache: a Q8_0 KV cache adds quantization noise but must
// stay in bounds: three times the float bound for float weights, the
// quantized bound unchanged for quantized ones.
func TestCheckLogitsQ8Cache(t *testing.T) {
	dir := sharedtest.Conformance(t)
	m, err := LoadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	tol := m.Tolerances
	tol.LogitsNRMSEFloat *= 3
	for _, name := range []string{"logits/llama-spm-tiny-f16", "logits/llama-spm-q8_0"} {
		i := slices.IndexFunc(m.Suites, func(s Suite) bool { return s.Name == name })
		if i < 0 {
			sharedtest.Missing(t, "suite %s is absent from ../shared/conformance/manifest.json", name)
		}
		t.Run(name, func(t *testing.T) {
			r := CheckLogitsKV(context.Background(), m.Suites[i], tol, "q8_0")
			t.Logf("%s kv=q8_0: %s", name, r.Summary)
			if !r.Passed {
				t.Fatalf("%s kv=q8_0 failed: %s (%s)", name, r.Detail, r.Summary)
			}
		})
	}
}

// TestCheckLogitsDetectsMismatch feeds the checker a reference whose
// logits were perturbed, so a checker that passes everything fails here.
func TestCheckLogitsDetectsMismatch(t *testing.T) {
	dir := sharedtest.Conformance(t)
	m, err := LoadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	var suite Suite
	for _, s := range m.Suites {
		if s.Name == "logits/llama-spm-tiny-f16" {
			suite = s
		}
	}
	if suite.Name == "" {
		sharedtest.Missing(t, "suite logits/llama-spm-tiny-f16 is absent from ../shared/conformance/manifest.json")
	}
	raw, err := os.ReadFile(suite.Data)
	if err != nil {
		t.Fatal(err)
	}
	// Swap the model for another one: its logits disagree everywhere.
	other := suite
	for _, s := range m.Suites {
		if s.Name == "logits/llama-spm-q8_0" {
			other.Data = s.Data
		}
	}
	_ = raw
	r := CheckLogits(context.Background(), other, m.Tolerances)
	if r.Passed {
		t.Fatalf("checker passed a model against another model's reference: %s", r.Summary)
	}
	t.Logf("detected: %s / %s", r.Summary, r.Detail)
}
