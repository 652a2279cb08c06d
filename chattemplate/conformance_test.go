package chattemplate

import (
	"os"
	"path/filepath"
	"testing"
)

// sharedDir finds ../shared next to the directory holding go.mod, or
// skips the test.
func sharedDir(t testing.TB) string {
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
			t.Skip("no go.mod above the package directory")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(filepath.Join(shared, "conformance", "templates", "renderings.jsonl")); err != nil {
		t.Skipf("shared conformance data not found: %v", err)
	}
	return filepath.Join(shared, "conformance")
}

func TestConformance(t *testing.T) {
	dir := sharedDir(t)
	cases, err := loadConformance(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 28 {
		t.Errorf("only %d conformance cases, want at least 28", len(cases))
	}
	cache := map[string]*Template{}
	for i := range cases {
		c := &cases[i]
		t.Run(c.name(), func(t *testing.T) {
			msg, err := c.run(dir, cache)
			if err != nil {
				t.Fatal(err)
			}
			if msg != "" {
				t.Error(msg)
			}
		})
	}
}

func TestRunConformance(t *testing.T) {
	dir := sharedDir(t)
	passed, failed, first, err := RunConformance(dir)
	if err != nil {
		t.Fatal(err)
	}
	if failed != 0 || passed < 28 {
		t.Errorf("RunConformance: %d passed, %d failed; first failure: %s", passed, failed, first)
	}
	if _, _, _, err := RunConformance(t.TempDir()); err == nil {
		t.Error("RunConformance on an empty directory: want error")
	}
}
