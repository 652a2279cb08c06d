package conformance

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"slices"

	"github.com/gaianet-go/gaianet/embedding"
	"github.com/gaianet-go/gaianet/gguf"
)

type embeddingCase struct {
	Text      string    `json:"text"`
	Tokens    []int32   `json:"tokens"`
	Embedding []float64 `json:"embedding"`
}

// CheckEmbeddings runs an "embeddings" suite: each text must tokenize to the
// reference tokens exactly, and the pooled embedding must have a cosine
// similarity with the reference of at least the manifest's bound (f16 or
// quantized, by the model's weight types).
func CheckEmbeddings(ctx context.Context, s Suite, tol Tolerances) Result {
	r := Result{Suite: s}
	var ref struct {
		Cases []embeddingCase `json:"cases"`
	}
	b, err := os.ReadFile(s.Data)
	if err == nil {
		err = json.Unmarshal(b, &ref)
	}
	if err != nil {
		r.Summary, r.Detail = "cannot read reference", err.Error()
		return r
	}
	bound := tol.EmbeddingCosineF16
	if quantized, err := hasQuantizedWeights(s.Model); err != nil {
		r.Summary, r.Detail = "cannot open model", err.Error()
		return r
	} else if quantized {
		bound = tol.EmbeddingCosineQuantized
	}
	m, tok, err := embedding.Open(s.Model, embedding.Options{Raw: true})
	if err != nil {
		r.Summary, r.Detail = "cannot load model", err.Error()
		return r
	}
	defer m.Close()
	tokenMismatch, cosFail, worst := 0, 0, 1.0
	for _, c := range ref.Cases {
		got := tok.Encode(c.Text, true, true)
		if !slices.Equal(got, c.Tokens) {
			tokenMismatch++
			if r.Detail == "" {
				r.Detail = fmt.Sprintf("text %q: tokens %v, want %v", c.Text, got, c.Tokens)
			}
		}
		vecs, err := m.EmbedTokens(ctx, [][]int32{c.Tokens})
		if err != nil {
			r.Summary, r.Detail = "embedding failed", err.Error()
			return r
		}
		cs := cosine(vecs[0], c.Embedding)
		worst = math.Min(worst, cs)
		if !(cs >= bound) {
			cosFail++
			if r.Detail == "" {
				r.Detail = fmt.Sprintf("text %q: cosine %.5f < %.3f", c.Text, cs, bound)
			}
		}
	}
	r.Passed = len(ref.Cases) > 0 && tokenMismatch == 0 && cosFail == 0
	r.Summary = fmt.Sprintf("cases=%d token_mismatch=%d cosine_min=%.6f (bound %.3f)", len(ref.Cases), tokenMismatch, worst, bound)
	return r
}

func cosine(a []float32, b []float64) float64 {
	if len(a) != len(b) {
		return math.NaN()
	}
	var dot, na, nb float64
	for i := range a {
		dot += float64(a[i]) * b[i]
		na += float64(a[i]) * float64(a[i])
		nb += b[i] * b[i]
	}
	return dot / math.Sqrt(na*nb)
}

// hasQuantizedWeights reports whether any matrix in the model file is stored
// in a block-quantized type.
func hasQuantizedWeights(path string) (bool, error) {
	f, err := gguf.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	for i := range f.Tensors {
		if len(f.Tensors[i].Dims) >= 2 && f.Tensors[i].Type.IsQuantized() {
			return true, nil
		}
	}
	return false, nil
}
