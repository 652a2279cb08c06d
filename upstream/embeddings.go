package upstream

import (
	"context"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"sync"

	"github.com/gaianet-go/gaianet/api"
)

// Embeddings embeds texts with the /embeddings endpoint of an
// OpenAI-compatible server; it implements kb.Embedder and
// ingest.TokenCounter, so that tools outside the node (the kb command) can
// use embedding_upstream too. It learns the vector dimension from the first
// reply: Dim is 0 until then (call Probe before creating a collection). It
// is safe for concurrent use.
type Embeddings struct {
	up        *Client
	maxTokens int
	check     func(dim int) error // vets a newly learned dimension; may be nil
	mu        sync.Mutex          // guards dim
	dim       int
}

// NewEmbeddings returns an Embeddings for the server at base
// (e.g. "http://host:8080/v1"), sending apiKey as a bearer token when not
// empty and model as the model name. maxTokens is what MaxTokens reports
// (the server's own limit is unknown). It does not contact the server.
func NewEmbeddings(base, apiKey, model string, maxTokens int) (*Embeddings, error) {
	up, err := New(base, apiKey)
	if err != nil {
		return nil, err
	}
	up.SetModel(model)
	return up.Embeddings(maxTokens, nil), nil
}

// Embeddings returns an Embeddings that uses u; maxTokens is what
// MaxTokens reports, and check, when not nil, vets the dimension the first
// reply shows (its error fails that Embed, and the dimension stays
// unknown).
func (u *Client) Embeddings(maxTokens int, check func(dim int) error) *Embeddings {
	return &Embeddings{up: u, maxTokens: maxTokens, check: check}
}

// Probe embeds a short text to learn the dimension and returns it.
func (e *Embeddings) Probe(ctx context.Context) (int, error) {
	if _, _, err := e.Embed(ctx, []string{"dimension probe"}); err != nil {
		return 0, err
	}
	return e.Dim(), nil
}

// String returns the server's base URL, as Client.String.
func (e *Embeddings) String() string { return e.up.String() }

// Dim returns the dimension, 0 while it is not known.
func (e *Embeddings) Dim() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.dim
}

// MaxTokens returns embedding_ctx_size: the upstream's own limit is unknown.
func (e *Embeddings) MaxTokens() int { return e.maxTokens }

// Close releases idle connections.
func (e *Embeddings) Close() error { e.up.Close(); return nil }

// Embed embeds texts with the upstream; the token count is the upstream's
// (0 when it reports none).
func (e *Embeddings) Embed(ctx context.Context, texts []string) ([][]float32, int, error) {
	resp, err := e.up.Request(ctx, http.MethodPost, "embeddings",
		map[string]any{"model": e.up.ModelFor(""), "input": texts, "encoding_format": "float"})
	if err != nil {
		return nil, 0, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, MaxBody))
	if err != nil {
		return nil, 0, e.up.TransportError(ctx, err)
	}
	vecs, tokens, err := decodeEmbeddings(b, len(texts))
	if err != nil {
		return nil, 0, api.Errorf(http.StatusBadGateway, "server_error", "upstream_error",
			"upstream %s sent unreadable embeddings: %v", e.up.host, err)
	}
	if err := e.learnDim(len(vecs[0])); err != nil {
		return nil, 0, err
	}
	return vecs, tokens, nil
}

func (e *Embeddings) learnDim(d int) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.dim != 0 {
		if e.dim != d {
			return api.Errorf(http.StatusBadGateway, "server_error", "upstream_error",
				"the embedding upstream %s changed its vector dimension from %d to %d", e.up.host, e.dim, d)
		}
		return nil
	}
	if e.check != nil {
		if err := e.check(d); err != nil {
			return err
		}
	}
	e.dim = d
	return nil
}

// decodeEmbeddings reads an embeddings reply with want vectors of equal,
// non-zero length, each a float array or base64 of little-endian float32s.
func decodeEmbeddings(b []byte, want int) ([][]float32, int, error) {
	var r struct {
		Data []struct {
			Index     int             `json:"index"`
			Embedding json.RawMessage `json:"embedding"`
		} `json:"data"`
		Usage struct {
			PromptTokens int `json:"prompt_tokens"`
			TotalTokens  int `json:"total_tokens"`
		} `json:"usage"`
	}
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, 0, err
	}
	if len(r.Data) != want {
		return nil, 0, fmt.Errorf("%d vectors for %d inputs", len(r.Data), want)
	}
	out := make([][]float32, want)
	for _, d := range r.Data {
		if d.Index < 0 || d.Index >= want || out[d.Index] != nil {
			return nil, 0, fmt.Errorf("bad or repeated index %d", d.Index)
		}
		v, err := decodeVector(d.Embedding)
		if err != nil {
			return nil, 0, fmt.Errorf("vector %d: %w", d.Index, err)
		}
		if len(v) == 0 || (d.Index > 0 && out[0] != nil && len(v) != len(out[0])) {
			return nil, 0, fmt.Errorf("vector %d has %d dimensions", d.Index, len(v))
		}
		out[d.Index] = v
	}
	for i := 1; i < want; i++ {
		if len(out[i]) != len(out[0]) {
			return nil, 0, fmt.Errorf("vectors of %d and %d dimensions", len(out[0]), len(out[i]))
		}
	}
	tokens := r.Usage.PromptTokens
	if tokens == 0 {
		tokens = r.Usage.TotalTokens
	}
	return out, tokens, nil
}

func decodeVector(raw json.RawMessage) ([]float32, error) {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		b, err := base64.StdEncoding.DecodeString(s)
		if err != nil || len(b)%4 != 0 {
			return nil, fmt.Errorf("bad base64 vector")
		}
		v := make([]float32, len(b)/4)
		for i := range v {
			v[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))
		}
		return v, nil
	}
	var v []float32
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil, err
	}
	return v, nil
}

// CountTokens estimates the tokens of text, for chunking, since the
// tokenizer is remote: one token per 3 bytes, rounded up, which
// over-counts English (about 4 bytes a token) and matches CJK (3 bytes a
// character), so chunks stay within the model's limit.
func (e *Embeddings) CountTokens(text string) int { return (len(text) + 2) / 3 }
