// Package sharedtest locates the project's shared test data — the shared/
// folder beside the module root, holding llama.cpp's conformance data and
// GaiaNet's config files — for tests, which skip cleanly where it is absent.
package sharedtest

import (
	"os"
	"path/filepath"
	"testing"
)

// Root returns the shared folder (../shared from the directory holding
// go.mod), or "" when there is none.
func Root() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		return ""
	}
	return shared
}

// Path returns the path of elem inside the shared folder, and skips tb when
// that path does not exist.
func Path(tb testing.TB, elem ...string) string {
	tb.Helper()
	root := Root()
	if root == "" {
		tb.Skip("shared test data (../shared beside the module root) is absent")
	}
	p := filepath.Join(append([]string{root}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("shared test data %s is absent", filepath.Join(elem...))
	}
	return p
}

// Conformance returns ../shared/conformance, or skips tb.
func Conformance(tb testing.TB) string {
	tb.Helper()
	return Path(tb, "conformance")
}

// Model returns the conformance model file name (e.g. "bert-f16.gguf"), or
// skips tb.
func Model(tb testing.TB, name string) string {
	tb.Helper()
	return Path(tb, "conformance", "models", name)
}
