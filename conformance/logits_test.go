package conformance

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// sharedConformance returns ../shared/conformance beside the project root,
// or skips the test.
func sharedConformance(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("project root not found")
		}
		dir = parent
	}
	d := filepath.Join(dir, "..", "shared", "conformance")
	if _, err := os.Stat(filepath.Join(d, "manifest.json")); err != nil {
		t.Skip("../shared/conformance/manifest.json is absent")
	}
	return d
}

func TestCheckLogits(t *testing.T) {
	dir := sharedConformance(t)
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
		t.Skip("no logits suites in the manifest")
	}
}

// TestCheckLogitsDetectsMismatch feeds the checker a reference whose
// logits were perturbed, so a checker that passes everything fails here.
func TestCheckLogitsDetectsMismatch(t *testing.T) {
	dir := sharedConformance(t)
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
		t.Skip("tiny-f16 suite absent")
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
