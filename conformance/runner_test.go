package conformance

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/gaianet-go/gaianet/internal/sharedtest"
)

// TestSharedConformance runs every suite of ../shared/conformance; each must
// pass.
func TestSharedConformance(t *testing.T) {
	runSuites(t, 1, nil, "conformance")
}

// runSuites runs every suite of the manifest in ../shared/<dir...>, at
// least min of them, and fails t for each that does not pass; check, if
// not nil, looks at each result too.
func runSuites(t *testing.T, min int, check func(Result), dir ...string) {
	t.Helper()
	root := filepath.Dir(sharedtest.Path(t, append(dir, "manifest.json")...))
	results, err := Run(context.Background(), root)
	if err != nil {
		t.Fatal(err)
	}
	if len(results) < min {
		t.Fatalf("%d suites ran, want at least %d", len(results), min)
	}
	for _, r := range results {
		if check != nil {
			check(r)
		}
		if !r.Passed {
			t.Errorf("FAIL %s: %s\n%s", r.Suite.Name, r.Summary, r.Detail)
		} else {
			t.Logf("PASS %s: %s", r.Suite.Name, r.Summary)
		}
	}
}

// TestSharedLoRAConformance runs ../shared/conformance/lora: llama.cpp's
// logits with a LoRA adapter applied at two scales.
func TestSharedLoRAConformance(t *testing.T) {
	runSuites(t, 2, func(r Result) {
		if len(r.Suite.LoRA) == 0 {
			t.Errorf("suite %s has no adapter", r.Suite.Name)
		}
	}, "conformance", "lora")
}

func TestRunUnknownKindAndMissingManifest(t *testing.T) {
	dir := t.TempDir()
	if _, err := Run(context.Background(), dir); err == nil {
		t.Error("missing manifest accepted")
	}
	os.WriteFile(filepath.Join(dir, "manifest.json"), []byte(`{"suites":[{"kind":"x","name":"a"}]}`), 0o644)
	res, err := Run(context.Background(), dir)
	if err != nil || len(res) != 1 || res[0].Passed {
		t.Errorf("unknown kind: %+v %v", res, err)
	}
	os.WriteFile(filepath.Join(dir, "manifest.json"), []byte(`{"suites":`), 0o644)
	if _, err := Run(context.Background(), dir); err == nil {
		t.Error("malformed manifest accepted")
	}
}

// TestArchsConformance runs every suite of ../shared/conformance/archs (the
// gemma, gemma2, gemma3, phi3 and Mixtral-style MoE references); each must
// pass.
func TestArchsConformance(t *testing.T) {
	runSuites(t, 1, nil, "conformance", "archs")
}

// TestArchsConformanceRings runs the sliding-window suites (gemma2, window
// 16; gemma3, window 32) with batches of 4, so that their windowed layers
// keep rings of 19 and 35 cells, which the cases' 48-token prompts and
// greedy continuations wrap around: they must still agree with llama.cpp.
func TestArchsConformanceRings(t *testing.T) {
	dir := filepath.Dir(sharedtest.Path(t, "conformance", "archs", "manifest.json"))
	m, err := LoadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, s := range m.Suites {
		if s.Name != "logits/gemma2-spm-q8_0" && s.Name != "logits/gemma3-spm-q8_0" {
			continue
		}
		n++
		r := checkLogits(context.Background(), s, m.Tolerances, "", 4)
		if !r.Passed {
			t.Errorf("FAIL %s with rings: %s\n%s", s.Name, r.Summary, r.Detail)
		} else {
			t.Logf("PASS %s with rings: %s", s.Name, r.Summary)
		}
	}
	if n != 2 {
		sharedtest.Missing(t, "the gemma2 and gemma3 suites are absent from ../shared/conformance/archs/manifest.json")
	}
}
