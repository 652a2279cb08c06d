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
	dir := filepath.Dir(sharedtest.Path(t, "conformance", "manifest.json"))
	results, err := Run(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(results) == 0 {
		t.Fatal("no suites ran")
	}
	for _, r := range results {
		if !r.Passed {
			t.Errorf("FAIL %s: %s\n%s", r.Suite.Name, r.Summary, r.Detail)
		} else {
			t.Logf("PASS %s: %s", r.Suite.Name, r.Summary)
		}
	}
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
	dir := filepath.Dir(sharedtest.Path(t, "conformance", "archs", "manifest.json"))
	results, err := Run(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(results) == 0 {
		t.Fatal("no suites ran")
	}
	for _, r := range results {
		if !r.Passed {
			t.Errorf("FAIL %s: %s\n%s", r.Suite.Name, r.Summary, r.Detail)
		} else {
			t.Logf("PASS %s: %s", r.Suite.Name, r.Summary)
		}
	}
}
