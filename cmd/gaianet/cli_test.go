package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/internal/sharedtest"
)

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func writeTinyModel(t *testing.T) string {
	t.Helper()
	md := gguf.NewMetadata(
		gguf.KV{Key: "general.architecture", Value: "llama"},
		gguf.KV{Key: "general.name", Value: "tiny"},
		gguf.KV{Key: "llama.context_length", Value: uint32(128)},
		gguf.KV{Key: "tokenizer.ggml.model", Value: "llama"},
		gguf.KV{Key: "tokenizer.ggml.tokens", Value: gguf.NewArray([]string{"<unk>", "<s>", "</s>"})},
		gguf.KV{Key: "tokenizer.chat_template", Value: "{{ messages }}"},
	)
	p := filepath.Join(t.TempDir(), "tiny.gguf")
	err := gguf.WriteFile(p, md, []gguf.WriteTensor{
		{Name: "token_embd.weight", Dims: []uint64{32, 3}, Type: gguf.TypeF32, Data: make([]byte, 32*3*4)},
		{Name: "output.weight", Dims: []uint64{32, 3}, Type: gguf.TypeQ8_0, Data: make([]byte, 3*34)},
	})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCLI(t *testing.T) {
	model := writeTinyModel(t)
	unsupported := filepath.Join(t.TempDir(), "mamba.gguf")
	if err := gguf.WriteFile(unsupported, gguf.NewMetadata(gguf.KV{Key: "general.architecture", Value: "mamba"}), nil); err != nil {
		t.Fatal(err)
	}
	// A vocabulary whose pre-tokenizer llama.cpp knows and this engine does
	// not, and a chat template that does not parse.
	unsupportedTok := filepath.Join(t.TempDir(), "pre.gguf")
	if err := gguf.WriteFile(unsupportedTok, gguf.NewMetadata(
		gguf.KV{Key: "general.architecture", Value: "llama"},
		gguf.KV{Key: "tokenizer.ggml.model", Value: "gpt2"},
		gguf.KV{Key: "tokenizer.ggml.pre", Value: "poro-chat"},
		gguf.KV{Key: "tokenizer.ggml.tokens", Value: gguf.NewArray([]string{"a", "b"})},
		gguf.KV{Key: "tokenizer.ggml.merges", Value: gguf.NewArray([]string{"a b"})},
		gguf.KV{Key: "tokenizer.chat_template", Value: "{% for m in messages %}"},
	), nil); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(t.TempDir(), "bad.gguf")
	os.WriteFile(bad, []byte("GGUF\x03\x00\x00\x00"), 0o644)
	tests := []struct {
		name     string
		args     []string
		code     int
		stdout   []string
		stderr   []string
		jsonOut  bool
		notFound bool
	}{
		{name: "help", args: []string{"help"}, stdout: []string{"Commands:", "model", "dev"}},
		{name: "no args", args: nil, stdout: []string{"Usage: gaianet"}},
		{name: "help subcommand", args: []string{"help", "model", "info"}, stdout: []string{"Usage: gaianet model info", "--json"}},
		{name: "--help", args: []string{"model", "info", "--help"}, stdout: []string{"tensor types"}},
		{name: "version", args: []string{"version"}, stdout: []string{"gaianet "}},
		{name: "unknown command", args: []string{"frobnicate"}, code: 2, stderr: []string{`unknown command "frobnicate"`}},
		{name: "unknown flag", args: []string{"model", "info", "--nope", model}, code: 2, stderr: []string{"nope"}},
		{name: "model info", args: []string{"model", "info", model}, stdout: []string{"architecture:   llama", "F32×1, Q8_0×1", "context length: 128", "chat template:  yes", "parameters:     192",
			`runs here:      no: model: invalid model: metadata "llama.embedding_length" is missing`}},
		{name: "model info unsupported", args: []string{"model", "info", unsupported}, stdout: []string{`runs here:      no: architecture "mamba" is not implemented`}},
		{name: "model info unsupported tokenizer", args: []string{"model", "info", unsupportedTok}, stdout: []string{
			"tokenizer:      gpt2 (pre: poro-chat), 2 tokens", `runs here:      no: `, `pre-tokenizer "poro-chat"`,
			"chat template:  yes, but it does not parse"}},
		{name: "model info flag after file", args: []string{"model", "info", model, "--json"}, jsonOut: true, stdout: []string{`"architecture": "llama"`}},
		{name: "model info missing args", args: []string{"model", "info"}, code: 2},
		{name: "model info truncated", args: []string{"model", "info", bad}, code: 1, stderr: []string{"truncated"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, out, errOut)
			}
			for _, s := range tt.stdout {
				if !strings.Contains(out, s) {
					t.Errorf("stdout lacks %q:\n%s", s, out)
				}
			}
			for _, s := range tt.stderr {
				if !strings.Contains(errOut, s) {
					t.Errorf("stderr lacks %q:\n%s", s, errOut)
				}
			}
			if tt.jsonOut {
				var v map[string]any
				if err := json.Unmarshal([]byte(out), &v); err != nil {
					t.Errorf("not JSON: %v", err)
				}
			}
		})
	}
}

func TestConformanceCommandUnknownKind(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "manifest.json"), []byte(`{"version":1,"suites":[{"kind":"mystery","name":"x/y"}]}`), 0o644)
	code, out, _ := runCLI(t, "dev", "conformance", dir)
	if code != 1 || !strings.Contains(out, "FAIL x/y") || !strings.Contains(out, "0 passed, 1 failed") {
		t.Errorf("exit %d, output:\n%s", code, out)
	}
	if code, _, _ := runCLI(t, "dev", "conformance", filepath.Join(dir, "missing")); code != 1 {
		t.Errorf("missing folder: exit %d", code)
	}
}

// TestJSONSchemaCommand runs `dev jsonschema` on a few corpus files and
// checks both output forms (the full corpus runs in grammar/maskbench).
func TestJSONSchemaCommand(t *testing.T) {
	corpus := sharedtest.Path(t, "jsonschema", "maskbench")
	vocab := sharedtest.Path(t, "conformance", "vocab", "llama3-bpe.gguf")
	dir := t.TempDir()
	for _, name := range []string{"Github_easy---o66309.json", "Glaiveai2K---calculate_area_4bbe47e7.json", "BFCL_java_1.json"} {
		data, err := os.ReadFile(filepath.Join(corpus, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errOut := runCLI(t, "dev", "jsonschema", "--vocab", vocab, dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if last := lines[len(lines)-1]; !regexp.MustCompile(`^\d+ passed, \d+ failed$`).MatchString(last) {
		t.Errorf("last line %q", last)
	}
	if !strings.Contains(out, "format 1") { // o66309 uses format "regex"
		t.Errorf("refusal by keyword not reported:\n%s", out)
	}
	code, out, errOut = runCLI(t, "dev", "jsonschema", "--json", "--vocab", vocab, dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines = strings.Split(strings.TrimSpace(out), "\n")
	var r map[string]any
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &r); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"schemas", "passed", "failed", "valid_instances", "invalid_instances", "validation_errors", "invalidation_errors", "mask_us_mean", "mask_us_p50", "mask_us_p99", "compile_us_p50"} {
		if _, ok := r[k]; !ok {
			t.Errorf("--json lacks %q", k)
		}
	}
	if r["schemas"] != 3.0 || r["invalidation_errors"] != 0.0 {
		t.Errorf("report %v", r)
	}
	if code, _, _ := runCLI(t, "dev", "jsonschema", dir); code != 2 {
		t.Errorf("missing --vocab: exit %d, want 2", code)
	}
}
