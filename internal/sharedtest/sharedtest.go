package sharedtest

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// RequiredEnv is the variable that makes missing prerequisites failures.
const RequiredEnv = "GAIANET_TEST_REQUIRED"

// Required reports whether a missing prerequisite fails a test instead of
// skipping it: under GAIANET_TEST_REQUIRED=1, CI=true or E2E_REQUIRED=1.
func Required() bool {
	return requiredBy(os.Getenv)
}

func requiredBy(getenv func(string) string) bool {
	return getenv(RequiredEnv) == "1" || getenv("CI") == "true" || getenv("E2E_REQUIRED") == "1"
}

// Missing ends tb because a prerequisite is missing: format says which,
// e.g. "RocksDB's ldb is not on PATH (Debian: rocksdb-tools)". It skips tb,
// or fails it when Required.
func Missing(tb testing.TB, format string, args ...any) {
	tb.Helper()
	missing(tb, Required(), format, args...)
}

func missing(tb testing.TB, required bool, format string, args ...any) {
	tb.Helper()
	msg := fmt.Sprintf(format, args...)
	if required {
		tb.Fatalf("%s, and missing test prerequisites are failures here (%s=1 or CI=true)", msg, RequiredEnv)
	}
	tb.Skip(msg)
}

// Tool returns the path of the executable name on PATH, or ends tb with
// Missing; pkg names the Debian package that installs it.
func Tool(tb testing.TB, name, pkg string) string {
	tb.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		Missing(tb, "%s is not on PATH (Debian: apt-get install %s)", name, pkg)
	}
	return p
}

// ModuleRoot returns the directory holding go.mod, found by walking up
// from the working directory (a test's is its package's directory).
func ModuleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("sharedtest: no go.mod above the working directory")
		}
		dir = parent
	}
}

// Root returns the shared folder (../shared from the directory holding
// go.mod), or "" when there is none. Use it only for optional extras (e.g.
// fuzz seeds); tests that need the folder call Path.
func Root() string {
	dir, err := ModuleRoot()
	if err != nil {
		return ""
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		return ""
	}
	return shared
}

// Path returns the path of elem inside the shared folder, or ends tb with
// Missing when that path does not exist.
func Path(tb testing.TB, elem ...string) string {
	tb.Helper()
	return pathIn(tb, Root(), Required(), elem...)
}

func pathIn(tb testing.TB, root string, required bool, elem ...string) string {
	tb.Helper()
	if root == "" {
		missing(tb, required, "shared test data (../shared beside the module root) is absent")
	}
	p := filepath.Join(append([]string{root}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		missing(tb, required, "shared test data %s is absent", filepath.Join(elem...))
	}
	return p
}

// Conformance returns ../shared/conformance, or ends tb with Missing.
func Conformance(tb testing.TB) string {
	tb.Helper()
	return Path(tb, "conformance")
}

// Model returns the path of a conformance model file (e.g.
// "bert-f16.gguf"), or ends tb with Missing.
func Model(tb testing.TB, name string) string {
	tb.Helper()
	return Path(tb, "conformance", "models", name)
}

// Llamaref runs ../shared/tools/llamaref (llama.cpp behind a small CLI)
// with args and extra environment (e.g. "LLAMAREF_LORA=FILE:SCALE"),
// failing tb on error, or ends tb with Missing when the tool is absent.
func Llamaref(tb testing.TB, env []string, args ...string) {
	tb.Helper()
	cmd := exec.Command(Path(tb, "tools", "llamaref"), args...)
	cmd.Env = append(os.Environ(), env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("llamaref %v: %v\n%s", args, err, out)
	}
}

// llamarefPrompts are the prompts of logits references made on the fly.
var llamarefPrompts = []map[string]string{
	{"name": "fox", "prompt": "The quick brown fox jumps over the lazy dog."},
	{"name": "code", "prompt": "func main() { fmt.Println(\"hello\") }"},
	{"name": "short", "prompt": "Hi"},
}

// LlamarefLogits makes a logits reference (the format of
// conformance/logits) with `llamaref ref` for model, three prompts and 12
// greedy tokens each, applying the adapter lora ("FILE:SCALE", none when
// empty); it returns the reference file, written in dir.
func LlamarefLogits(tb testing.TB, dir, model, lora string) string {
	tb.Helper()
	prompts := filepath.Join(dir, "prompts.json")
	b, _ := json.Marshal(llamarefPrompts)
	if err := os.WriteFile(prompts, b, 0o644); err != nil {
		tb.Fatal(err)
	}
	out, err := os.CreateTemp(dir, "ref-*.json")
	if err != nil {
		tb.Fatal(err)
	}
	out.Close()
	var env []string
	if lora != "" {
		env = []string{"LLAMAREF_LORA=" + lora}
	}
	Llamaref(tb, env, "ref", model, prompts, out.Name(), "12")
	return out.Name()
}

// JSONLines returns the lines of the JSON Lines file ../shared/<elem...>
// (found as Path finds it), or fails tb.
func JSONLines(tb testing.TB, elem ...string) iter.Seq[[]byte] {
	tb.Helper()
	b, err := os.ReadFile(Path(tb, elem...))
	if err != nil {
		tb.Fatal(err)
	}
	return bytes.Lines(b)
}

// ReadGzip returns the uncompressed contents of the gzip file at path, or
// fails tb.
func ReadGzip(tb testing.TB, path string) []byte {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	return b
}
