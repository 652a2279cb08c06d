package domain

import (
	"net/http"
	"testing"

	"github.com/gaianet-go/gaianet/domain/ledger"
)

// TestMinEstimate: no request is held at less than MinEstimate (the
// leftover limit of a wallet rebind), and the smallest one is held at
// exactly it.
func TestMinEstimate(t *testing.T) {
	p := ledger.Prices{InputPerMillion: 100_000, OutputPerMillion: 400_000, PerRequest: 50_000}
	s := &Server{cfg: Config{Prices: p}}
	least, err := MinEstimate(p)
	if err != nil {
		t.Fatal(err)
	}
	if least != 50_002 { // $0.05 + 16 input tokens at $100 per million, rounded up
		t.Fatalf("MinEstimate = %s, want 0.050002", least)
	}
	for _, c := range []struct {
		path      string
		body      int
		maxTokens int64
	}{{"/v1/embeddings", 0, 0}, {"/v1/embeddings", 5000, 0}, {"/v1/chat/completions", 0, 1}, {"/v1/chat/completions", 70, 0},
		{"/v1/completions", 10, 1}} {
		e, err := s.estimate(http.MethodPost, c.path, c.body, c.maxTokens)
		if err != nil {
			t.Fatal(err)
		}
		if e < least || (c.body == 0 && c.maxTokens == 0 && e != least) {
			t.Fatalf("%s with %d bytes, max_tokens %d: estimate %s against MinEstimate %s", c.path, c.body, c.maxTokens, e, least)
		}
	}
}
