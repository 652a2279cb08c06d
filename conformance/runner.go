package conformance

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// Manifest is the decoded manifest.json of a conformance folder.
type Manifest struct {
	Version    int        `json:"version"`
	Tolerances Tolerances `json:"tolerances"`
	Suites     []Suite    `json:"suites"`
}

// Tolerances are the bounds within which the engine agrees with the reference.
type Tolerances struct {
	LogitsNRMSEFloat         float64 `json:"logits_nrmse_float"`
	LogitsNRMSEQuantized     float64 `json:"logits_nrmse_quantized"`
	ArgmaxMargin             float64 `json:"argmax_margin"`
	EmbeddingCosineF16       float64 `json:"embedding_cosine_f16"`
	EmbeddingCosineQuantized float64 `json:"embedding_cosine_quantized"`
}

// Suite is one manifest entry. Model, Data and the LoRA paths are absolute
// after LoadManifest.
type Suite struct {
	Kind  string `json:"kind"`
	Name  string `json:"name"`
	Model string `json:"model"`
	Data  string `json:"data"`
	// LoRA lists adapters a logits suite runs the model with (the
	// reference was made by llama.cpp with the same adapters and scales).
	LoRA []SuiteLoRA `json:"lora,omitempty"`
}

// SuiteLoRA is an adapter of a suite and its scale.
type SuiteLoRA struct {
	Path  string  `json:"path"`
	Scale float32 `json:"scale"`
}

// Result is the outcome of one suite.
type Result struct {
	Suite  Suite
	Passed bool
	// Summary holds the figures: counts of cases and mismatches, worst error.
	Summary string
	// Detail describes the first failure, if any.
	Detail string
}

// Checker runs one kind of suite.
type Checker func(ctx context.Context, s Suite, tol Tolerances) Result

// LoadManifest reads dir/manifest.json and resolves suite paths against dir.
func LoadManifest(dir string) (*Manifest, error) {
	b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		return nil, fmt.Errorf("conformance: %w", err)
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("conformance: %s: %w", filepath.Join(dir, "manifest.json"), err)
	}
	for i := range m.Suites {
		s := &m.Suites[i]
		if s.Model != "" {
			s.Model = filepath.Join(dir, s.Model)
		}
		if s.Data != "" {
			s.Data = filepath.Join(dir, s.Data)
		}
		for j := range s.LoRA {
			s.LoRA[j].Path = filepath.Join(dir, s.LoRA[j].Path)
		}
	}
	return &m, nil
}

// checkers maps a suite kind to the function that runs it.
func checkers() map[string]Checker {
	return map[string]Checker{
		"tokenizer":  CheckTokenizer,
		"logits":     CheckLogits,
		"embeddings": CheckEmbeddings,
		"templates":  CheckTemplates,
	}
}

// Run runs every suite of the conformance folder dir, in manifest order, and
// the chat-template renderings when dir/templates/renderings.jsonl exists.
// A suite of an unknown kind fails. Run returns an error only when the
// manifest cannot be read or ctx is done.
func Run(ctx context.Context, dir string) ([]Result, error) {
	m, err := LoadManifest(dir)
	if err != nil {
		return nil, err
	}
	// The chat-template renderings are not in the manifest; they run
	// whenever the folder has them.
	if _, err := os.Stat(filepath.Join(dir, "templates", "renderings.jsonl")); err == nil {
		m.Suites = append(m.Suites, Suite{Kind: "templates", Name: "templates/renderings", Model: dir,
			Data: filepath.Join(dir, "templates", "renderings.jsonl")})
	}
	check := checkers()
	var results []Result
	for _, s := range m.Suites {
		if err := ctx.Err(); err != nil {
			return results, err
		}
		c, ok := check[s.Kind]
		if !ok {
			results = append(results, Result{Suite: s, Summary: fmt.Sprintf("unknown suite kind %q", s.Kind)})
			continue
		}
		results = append(results, c(ctx, s, m.Tolerances))
	}
	return results, nil
}
