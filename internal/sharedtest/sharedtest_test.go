package sharedtest

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestPath(t *testing.T) {
	root := Root()
	if root == "" {
		Missing(t, "no shared folder here")
	}
	if got := Conformance(t); got != filepath.Join(root, "conformance") {
		t.Errorf("Conformance = %s", got)
	}
}

// outcome is what a test helper did to a testing.TB.
type outcome struct {
	skipped, failed bool
	msg             string
}

// recorder is a testing.TB whose Skip and Fatal record the call and end
// the goroutine, as the real ones do.
type recorder struct {
	testing.TB
	out outcome
}

func (r *recorder) Helper() {}
func (r *recorder) Skip(args ...any) {
	r.out = outcome{skipped: true, msg: fmt.Sprint(args...)}
	runtime.Goexit()
}
func (r *recorder) Fatalf(format string, args ...any) {
	r.out = outcome{failed: true, msg: fmt.Sprintf(format, args...)}
	runtime.Goexit()
}

// run calls f with a recorder on its own goroutine and returns what f did
// to it.
func run(t *testing.T, f func(tb testing.TB)) outcome {
	r := &recorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		f(r)
	}()
	<-done
	return r.out
}

// TestMissingRule checks the one rule: without the required flag a missing
// prerequisite skips, with it the test fails; present data passes through.
func TestMissingRule(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "conformance", "models"), 0o700); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		root     string
		elem     []string
		required bool
		want     outcome
	}{
		{"present", root, []string{"conformance", "models"}, true, outcome{}},
		{"absent file", root, []string{"conformance", "models", "x.gguf"}, false, outcome{skipped: true}},
		{"absent file, required", root, []string{"conformance", "models", "x.gguf"}, true, outcome{failed: true}},
		{"no shared folder", "", []string{"conformance"}, false, outcome{skipped: true}},
		{"no shared folder, required", "", []string{"conformance"}, true, outcome{failed: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got string
			out := run(t, func(tb testing.TB) { got = pathIn(tb, tc.root, tc.required, tc.elem...) })
			if out.skipped != tc.want.skipped || out.failed != tc.want.failed {
				t.Fatalf("pathIn: %+v, want skipped=%v failed=%v", out, tc.want.skipped, tc.want.failed)
			}
			if out == (outcome{}) && got != filepath.Join(append([]string{tc.root}, tc.elem...)...) {
				t.Errorf("pathIn = %q", got)
			}
			if out.failed && !strings.Contains(out.msg, RequiredEnv) {
				t.Errorf("failure message %q does not name %s", out.msg, RequiredEnv)
			}
		})
	}
}

func TestRequiredBy(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want bool
	}{
		{nil, false},
		{map[string]string{RequiredEnv: "1"}, true},
		{map[string]string{RequiredEnv: "0"}, false},
		{map[string]string{"CI": "true"}, true},
		{map[string]string{"CI": "false"}, false},
		{map[string]string{"E2E_REQUIRED": "1"}, true},
	} {
		if got := requiredBy(func(k string) string { return tc.env[k] }); got != tc.want {
			t.Errorf("requiredBy(%v) = %v, want %v", tc.env, got, tc.want)
		}
	}
}

// TestToolRequired runs Tool for a program that does not exist: under the
// flag it must fail the test, never skip it.
func TestToolRequired(t *testing.T) {
	t.Setenv(RequiredEnv, "1")
	out := run(t, func(tb testing.TB) { Tool(tb, "gaianet-no-such-tool", "nothing") })
	if !out.failed || !strings.Contains(out.msg, "gaianet-no-such-tool is not on PATH") {
		t.Fatalf("Tool with %s=1: %+v", RequiredEnv, out)
	}
	t.Setenv(RequiredEnv, "")
	t.Setenv("CI", "")
	t.Setenv("E2E_REQUIRED", "")
	if out := run(t, func(tb testing.TB) { Tool(tb, "gaianet-no-such-tool", "nothing") }); !out.skipped {
		t.Fatalf("Tool without the flag: %+v", out)
	}
}
