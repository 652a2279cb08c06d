package conformance

import (
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/chattemplate"
	"github.com/gaianet-go/gaianet/embedding"
	"github.com/gaianet-go/gaianet/internal/sharedtest"
	"github.com/gaianet-go/gaianet/model"
	"github.com/gaianet-go/gaianet/tokenizer"
)

// families maps a GGUF file name, as GaiaNet's presets link it, to the GGUF
// architecture (general.architecture) llama.cpp's converter writes for that
// model. The first matching pattern wins.
var families = []struct {
	pattern *regexp.Regexp
	arch    string
}{
	{regexp.MustCompile(`(?i)^gemma-1\.1-|^codegemma-`), "gemma"},
	{regexp.MustCompile(`(?i)^gemma-2-`), "gemma2"},
	{regexp.MustCompile(`(?i)^gemma-3-`), "gemma3"},
	{regexp.MustCompile(`(?i)^phi-3(\.5)?-`), "phi3"},
	{regexp.MustCompile(`(?i)^exaone-`), "exaone"},
	{regexp.MustCompile(`(?i)^stablelm-2-`), "stablelm"},
	{regexp.MustCompile(`(?i)^deepseek-v2`), "deepseek2"},
	{regexp.MustCompile(`(?i)^gpt-oss-`), "gpt-oss"},
	{regexp.MustCompile(`(?i)^llama-4-`), "llama4"},
	{regexp.MustCompile(`(?i)qwen3-|^osmosis-structure-`), "qwen3"}, // Osmosis-Structure-0.6B is a Qwen3 0.6B fine-tune
	{regexp.MustCompile(`(?i)^qwen1\.5-|^qwen2(\.5)?-|^qwq-`), "qwen2"},
	{regexp.MustCompile(`(?i)^gte-qwen2-`), "qwen2"}, // embedding: a qwen2 decoder, last-token pooling
	{regexp.MustCompile(`(?i)^yi-`), "llama"},        // Yi 1.5 and Yi-Coder use the llama architecture
	{regexp.MustCompile(`(?i)llama-?[23]|^llama-3|^meta-llama-3|^deepseek-r1-distill-llama-|^reflection-llama-`), "llama"},
	{regexp.MustCompile(`(?i)^mistral-|^mathstral-|^codestral-|^openchat-`), "llama"}, // Mistral family: llama architecture
	{regexp.MustCompile(`(?i)^unsloth\.`), "llama"},                                   // Llama-3-8B fine-tune (the preset says so)
	{regexp.MustCompile(`(?i)^vitalik\.eth-7b`), "llama"},                             // Llama 2 7B fine-tune
	{regexp.MustCompile(`(?i)^nomic-embed-text-`), "nomic-bert"},
	{regexp.MustCompile(`(?i)^all-minilm-`), "bert"},
}

// preTokenizers maps a GGUF file name, as GaiaNet's presets link it, to
// the tokenizer.ggml.pre that llama.cpp's converter writes for that model's
// byte-level BPE vocabulary; "" is a SentencePiece or WordPiece vocabulary,
// which has none. The first matching pattern wins.
var preTokenizers = []struct {
	pattern *regexp.Regexp
	pre     string
}{
	{regexp.MustCompile(`(?i)^deepseek-v2`), "deepseek-llm"},
	{regexp.MustCompile(`(?i)^gpt-oss-`), "gpt-4o"},
	{regexp.MustCompile(`(?i)^llama-4-`), "llama4"},
	{regexp.MustCompile(`(?i)^exaone-`), "exaone"},
	{regexp.MustCompile(`(?i)^stablelm-2-`), "stablelm2"},
	{regexp.MustCompile(`(?i)^mistral-small-24b-instruct-2501`), "tekken"},
	{regexp.MustCompile(`(?i)qwen|^qwq-|^osmosis-structure-`), "qwen2"},
	{regexp.MustCompile(`(?i)llama-3|^meta-llama-3|^deepseek-r1-distill-llama-|^reflection-llama-|^unsloth\.`), "llama-bpe"},
	{regexp.MustCompile(`.`), ""}, // Gemma, Phi-3, Llama 2, Mistral 7B, Yi, OpenChat: SentencePiece; BERT-style embedders: WordPiece
}

func preTokenizerOf(file string) string {
	for _, p := range preTokenizers {
		if p.pattern.MatchString(file) {
			return p.pre
		}
	}
	return ""
}

// stillMissingTemplates are the prompt_template names of GaiaNet's presets
// that have no built-in template (package chattemplate); with them the node
// uses the chat model's own GGUF template. The presets test fails when one
// of these gains a built-in (remove it here) or a new name appears.
var stillMissingTemplates = map[string]bool{
	"llama-3-tool": true, "exaone-deep-chat": true, "mistral-tool": true,
	"mistral-small-tool": true, "groq-llama3-tool": true, "gpt-oss": true, "openchat": true, "stablelm-zephyr": true,
}

// stillMissing are the architectures of GaiaNet's presets the engine may
// still lack; every other preset family must load. None is left: all 99
// presets' families load.
var stillMissing = map[string]bool{}

func familyOf(file string) (string, bool) {
	for _, f := range families {
		if f.pattern.MatchString(file) {
			return f.arch, true
		}
	}
	return "", false
}

// TestPresetFamiliesSupported walks every GaiaNet node preset of
// ../shared/gaianet-configs and checks that its chat model's architecture
// loads in package model and its embedding model's in package embedding,
// apart from the known gaps (architectures model.Needs explains), which it
// lists.
func TestPresetFamiliesSupported(t *testing.T) {
	dir := sharedtest.Path(t, "gaianet-configs")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	gaps := map[string][]string{}
	templateGaps := map[string][]string{}
	presets := 0
	for _, e := range entries {
		cfgPath := filepath.Join(dir, e.Name(), "config.json")
		raw, err := os.ReadFile(cfgPath)
		if !e.IsDir() || err != nil {
			continue
		}
		presets++
		var cfg struct {
			Chat           string `json:"chat"`
			Embedding      string `json:"embedding"`
			PromptTemplate string `json:"prompt_template"`
		}
		if err := json.Unmarshal(raw, &cfg); err != nil {
			t.Errorf("%s: %v", cfgPath, err)
			continue
		}
		if _, ok := chattemplate.Lookup(cfg.PromptTemplate); !ok {
			templateGaps[cfg.PromptTemplate] = append(templateGaps[cfg.PromptTemplate], e.Name())
		}
		for _, m := range []struct {
			kind, url string
			ok        func(string) bool
		}{{"chat", cfg.Chat, model.Supported}, {"embedding", cfg.Embedding, embedding.Supported}} {
			file := path.Base(m.url)
			arch, known := familyOf(file)
			if pre := preTokenizerOf(file); pre != "" && !tokenizer.SupportsPreTokenizer(pre) {
				t.Errorf("%s: %s model %s has pre-tokenizer %q, which package tokenizer does not implement", e.Name(), m.kind, file, pre)
			}
			switch {
			case m.url == "":
				t.Errorf("%s: no %s model", e.Name(), m.kind)
			case !known:
				t.Errorf("%s: %s model %s is of no family in the table", e.Name(), m.kind, file)
			case m.ok(arch):
			case model.Needs(arch) != "":
				// A known gap: model.Needs says what is missing, and
				// Load's error (and gaianet model info) repeat it.
				gaps[arch] = append(gaps[arch], e.Name())
			default:
				t.Errorf("%s: %s model %s needs architecture %s, which is unsupported and not a known gap (model.Needs)", e.Name(), m.kind, file, arch)
			}
		}
	}
	if presets < 98 {
		t.Errorf("found %d presets, want at least 98", presets)
	}
	n := 0
	for arch, names := range gaps {
		n += len(names)
		t.Logf("known gap %s (%s): %s", arch, model.Needs(arch), strings.Join(names, ", "))
		if !stillMissing[arch] {
			t.Errorf("architecture %s (%s) was supported and is a gap again", arch, strings.Join(names, ", "))
		}
	}
	t.Logf("%d presets: %d supported, %d need an unsupported architecture", presets, presets-n, n)
	nt := 0
	for name, presetNames := range templateGaps {
		nt += len(presetNames)
		t.Logf("prompt_template %q has no built-in (the node uses the GGUF's own template): %s", name, strings.Join(presetNames, ", "))
		if !stillMissingTemplates[name] {
			t.Errorf("prompt_template %q (%s) has no built-in template and is not listed in stillMissingTemplates", name, strings.Join(presetNames, ", "))
		}
	}
	for name := range stillMissingTemplates {
		if _, ok := chattemplate.Lookup(name); ok {
			t.Errorf("prompt_template %q now has a built-in: remove it from stillMissingTemplates", name)
		}
	}
	t.Logf("%d presets name a built-in prompt_template, %d do not", presets-nt, nt)
}

func TestPreTokenizerTable(t *testing.T) {
	for file, want := range map[string]string{
		"DeepSeek-V2.5-Q4_0.gguf":                     "deepseek-llm",
		"Llama-4-Scout-17B-16E-Instruct-Q2_K.gguf":    "llama4",
		"gpt-oss-20b-MXFP4_MOE.gguf":                  "gpt-4o",
		"EXAONE-3.5-7.8B-Instruct-Q5_K_M.gguf":        "exaone",
		"DeepSeek-R1-0528-Qwen3-8B-Q5_K_M.gguf":       "qwen2",
		"DeepSeek-R1-Distill-Llama-8B-Q5_K_M.gguf":    "llama-bpe",
		"Mistral-Small-24B-Instruct-2501-Q5_K_M.gguf": "tekken",
		"gemma-2-9b-it-Q5_K_M.gguf":                   "",
		"Mistral-7B-Instruct-v0.3.Q5_K_M.gguf":        "",
	} {
		if got := preTokenizerOf(file); got != want {
			t.Errorf("%s: pre-tokenizer %q, want %q", file, got, want)
		}
	}
}

func TestFamilyTable(t *testing.T) {
	for file, want := range map[string]string{
		"gemma-2-9b-it-Q5_K_M.gguf":                "gemma2",
		"Phi-3.5-mini-instruct-Q5_K_M.gguf":        "phi3",
		"DeepSeek-R1-0528-Qwen3-8B-Q5_K_M.gguf":    "qwen3",
		"DeepSeek-R1-Distill-Llama-8B-Q5_K_M.gguf": "llama",
		"Qwen2.5-Coder-7B-Instruct-Q5_K_M.gguf":    "qwen2",
		"gte-Qwen2-1.5B-instruct-Q5_K_M.gguf":      "qwen2",
		"DeepSeek-V2.5-Q4_0.gguf":                  "deepseek2",
		"gpt-oss-20b-MXFP4_MOE.gguf":               "gpt-oss",
		"Llama-4-Scout-17B-16E-Instruct-Q2_K.gguf": "llama4",
	} {
		if got, _ := familyOf(file); got != want {
			t.Errorf("%s: family %q, want %q", file, got, want)
		}
	}
	if _, ok := familyOf("t5-small.gguf"); ok {
		t.Error("unknown file matched a family")
	}
}
