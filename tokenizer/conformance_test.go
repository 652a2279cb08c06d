package tokenizer

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/internal/sharedtest"
)

var vocabNames = []string{"llama2-spm", "llama3-bpe", "qwen2-bpe", "bert-wpm"}

var (
	vocabMu    sync.Mutex
	vocabCache = map[string]*Tokenizer{}
)

// loadVocab loads a conformance vocabulary once per test binary.
func loadVocab(t testing.TB, name string) *Tokenizer {
	t.Helper()
	shared := sharedDir(t)
	vocabMu.Lock()
	defer vocabMu.Unlock()
	if tk, ok := vocabCache[name]; ok {
		return tk
	}
	tk, err := Load(filepath.Join(shared, "conformance", "vocab", name+".gguf"))
	if err != nil {
		t.Fatal(err)
	}
	vocabCache[name] = tk
	return tk
}

func readCases(t testing.TB, path string) []ConformanceCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []ConformanceCase
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var c ConformanceCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

// TestConformance checks every line of the llama.cpp reference files, plus
// the extra cases in testdata/<vocab>.jsonl (llama.cpp's answers for strings
// found while fuzzing against llamaref).
// sharedDir returns the shared test data folder, or skips t when it has no
// tokenizer conformance data.
func sharedDir(t testing.TB) string {
	t.Helper()
	sharedtest.Path(t, "conformance", "vocab")
	return sharedtest.Root()
}

func TestConformance(t *testing.T) {
	shared := sharedDir(t)
	for _, name := range vocabNames {
		t.Run(name, func(t *testing.T) {
			tk := loadVocab(t, name)
			files := []string{filepath.Join(shared, "conformance", "tokenizer", name+".jsonl")}
			if _, err := os.Stat(filepath.Join("testdata", name+".jsonl")); err == nil {
				files = append(files, filepath.Join("testdata", name+".jsonl"))
			}
			n := 0
			for _, file := range files {
				for i, c := range readCases(t, file) {
					n++
					if msg := tk.Check(c); msg != "" {
						t.Errorf("%s:%d: %s", filepath.Base(file), i+1, msg)
					}
				}
			}
			if n < 100 {
				t.Errorf("only %d cases", n)
			}
		})
	}
}

func TestRunConformance(t *testing.T) {
	shared := sharedDir(t)
	lines, bad, first, err := RunConformance(context.Background(),
		filepath.Join(shared, "conformance", "vocab", "llama3-bpe.gguf"),
		filepath.Join(shared, "conformance", "tokenizer", "llama3-bpe.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if lines != 105 || bad != 0 {
		t.Fatalf("lines %d, mismatches %d, first %s", lines, bad, first)
	}
	if _, _, _, err := RunConformance(context.Background(), "/nonexistent.gguf", "x"); err == nil {
		t.Fatal("missing model: no error")
	}
}

// refVariant is a conformance vocabulary with some metadata replaced, to
// exercise settings the shipped vocabularies do not use.
type refVariant struct {
	name, base string
	set        map[string]any
}

// writeVariant writes the variant's GGUF into dir and returns its path.
func writeVariant(t *testing.T, shared, dir string, v refVariant) string {
	f, err := gguf.Open(filepath.Join(shared, "conformance", "vocab", v.base+".gguf"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var kvs []gguf.KV
	seen := map[string]bool{}
	for _, kv := range f.Metadata.KVs() {
		if nv, ok := v.set[kv.Key]; ok {
			kv.Value = nv
			seen[kv.Key] = true
		}
		kvs = append(kvs, kv)
	}
	for k, nv := range v.set {
		if !seen[k] {
			kvs = append(kvs, gguf.KV{Key: k, Value: nv})
		}
	}
	path := filepath.Join(dir, v.name+".gguf")
	if err := gguf.WriteFile(path, gguf.NewMetadata(kvs...), nil); err != nil {
		t.Fatal(err)
	}
	return path
}
