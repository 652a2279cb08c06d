package conformance

import (
	"context"
	"os"
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
