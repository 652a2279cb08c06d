package chattemplate

import (
	"path/filepath"
	"testing"

	"github.com/gaianet-go/gaianet/internal/sharedtest"
)

func TestConformance(t *testing.T) {
	dir := filepath.Dir(filepath.Dir(sharedtest.Path(t, "conformance", "templates", "renderings.jsonl")))
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
	dir := filepath.Dir(filepath.Dir(sharedtest.Path(t, "conformance", "templates", "renderings.jsonl")))
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
