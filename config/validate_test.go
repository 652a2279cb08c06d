package config

import (
	"errors"
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	valid := func() *Config {
		c := Default()
		c.ApplyDefaults()
		return c
	}
	tests := []struct {
		name    string
		edit    func(c *Config)
		wantErr []string // substrings; empty means valid
	}{
		{"default", func(c *Config) {}, nil},
		{"local paths", func(c *Config) {
			c.Chat, c.Embedding, c.Snapshot = "Qwen3-4B-Q5_K_M.gguf", "/models/nomic.gguf", "./kb.snapshot.tar.gz"
		}, nil},
		{"address ok", func(c *Config) { c.Address = "0x5Aa8a7E1B6d2bB0b7BfB6F5B2e0B2E7d0D6C2a11" }, nil},
		{"upstream replaces chat", func(c *Config) { c.Chat, c.Ext.ChatUpstream = "", "http://127.0.0.1:9000/v1" }, nil},
		{"last-user-message", func(c *Config) { c.RAGPolicy = RAGPolicyLastUserMessage }, nil},
		{"cors", func(c *Config) { c.Ext.CORSOrigins = []string{"*", "https://a.example:8443"} }, nil},
		{"port zero", func(c *Config) { c.LlamaEdgePort = 0 }, []string{"llamaedge_port: port must be in 1..65535, got 0"}},
		{"port high", func(c *Config) { c.LlamaEdgeChatPort = 70000 }, []string{"llamaedge_chat_port", "70000"}},
		{"ctx negative", func(c *Config) { c.ChatCtxSize = -1 }, []string{"chat_ctx_size: must be a positive number, got -1"}},
		{"embedding batch zero", func(c *Config) { c.EmbeddingBatchSize = 0 }, []string{"embedding_batch_size"}},
		{"ubatch negative", func(c *Config) { c.ChatUbatchSize = -2 }, []string{"chat_ubatch_size: must not be negative"}},
		{"rag policy", func(c *Config) { c.RAGPolicy = "prepend" }, []string{`rag_policy: want "system-message" or "last-user-message", got "prepend"`}},
		{"chat missing", func(c *Config) { c.Chat = "" }, []string{"chat: is empty", "chat_upstream"}},
		{"chat ftp", func(c *Config) { c.Chat = "ftp://host/m.gguf" }, []string{`chat: want an http(s) URL or a local path, got scheme "ftp"`}},
		{"chat no host", func(c *Config) { c.Chat = "https:///m.gguf" }, []string{"chat: URL", "has no host"}},
		{"embedding control char", func(c *Config) { c.Embedding = "a\nb.gguf" }, []string{"embedding: contains control characters"}},
		{"snapshot scheme", func(c *Config) { c.Snapshot = "s3://bucket/x" }, []string{"snapshot:"}},
		{"address", func(c *Config) { c.Address = "0x123" }, []string{"address: want empty or 0x"}},
		{"domain", func(c *Config) { c.Domain = "https://gaia.domains/" }, []string{"domain:"}},
		{"collection", func(c *Config) { c.EmbeddingCollectionName = "" }, []string{"embedding_collection_name: is empty"}},
		{"qdrant limit", func(c *Config) { c.QdrantLimit = 0 }, []string{"qdrant_limit"}},
		{"threshold", func(c *Config) { c.QdrantScoreThreshold = 1.5 }, []string{"qdrant_score_threshold: must be in [-1, 1], got 1.5"}},
		{"upstream scheme", func(c *Config) { c.Ext.EmbeddingUpstream = "localhost:9000" }, []string{"gaianet_go.embedding_upstream"}},
		{"api key blank", func(c *Config) { c.Ext.APIKeys = []string{"ok", ""} }, []string{"gaianet_go.api_keys[1]"}},
		{"origin with path", func(c *Config) { c.Ext.CORSOrigins = []string{"https://a.example/app"} }, []string{"gaianet_go.cors_origins[0]"}},
		{"parallel negative", func(c *Config) { c.Ext.Parallel = -1 }, []string{"gaianet_go.parallel"}},
		{"qdrant url", func(c *Config) { c.Ext.QdrantURL, c.Ext.QdrantAPIKey = "https://qdrant.example:6334/", "k" }, nil},
		{"qdrant url no port", func(c *Config) { c.Ext.QdrantURL = "http://localhost" }, nil},
		{"qdrant url scheme", func(c *Config) { c.Ext.QdrantURL = "grpc://localhost:6334" }, []string{"gaianet_go.qdrant_url: want an http or https URL"}},
		{"qdrant url bare host", func(c *Config) { c.Ext.QdrantURL = "localhost:6334" }, []string{"gaianet_go.qdrant_url"}},
		{"qdrant url path", func(c *Config) { c.Ext.QdrantURL = "http://localhost:6334/v1" }, []string{"gaianet_go.qdrant_url: want http(s)://host[:port]"}},
		{"qdrant url port", func(c *Config) { c.Ext.QdrantURL = "http://localhost:99999" }, []string{"gaianet_go.qdrant_url: port"}},
		{"search fusion", func(c *Config) { c.Ext.SearchFusion = "bm42" }, []string{"gaianet_go.search_fusion: must be vector, hybrid or rrf"}},
		{"qdrant api key space", func(c *Config) { c.Ext.QdrantAPIKey = "a b" }, []string{"gaianet_go.qdrant_api_key"}},
		{"several at once", func(c *Config) { c.LlamaEdgePort, c.ChatCtxSize = -5, 0 }, []string{"llamaedge_port", "chat_ctx_size"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := valid()
			tt.edit(c)
			err := c.Validate()
			if len(tt.wantErr) == 0 {
				if err != nil {
					t.Fatalf("Validate: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatal("Validate accepted an invalid config")
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("error does not wrap ErrInvalid: %v", err)
			}
			for _, want := range tt.wantErr {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q lacks %q", err, want)
				}
			}
		})
	}
}

func TestIsURL(t *testing.T) {
	for in, want := range map[string]bool{
		"https://x/y.gguf": true, "HTTP://x": true, "x.gguf": false, "/abs/x.gguf": false, "file:///x": false,
	} {
		if got := IsURL(in); got != want {
			t.Errorf("IsURL(%q) = %v", in, got)
		}
	}
}

// TestValidateOutboundAndServerLimits checks the egress allow-list and the
// HTTP server limits of gaianet_go.
func TestValidateOutboundAndServerLimits(t *testing.T) {
	ok := Default()
	ok.Ext.OutboundAllow = []string{"10.0.0.0/8", "::1", "models.internal"}
	ok.Ext.HTTPIdleTimeout, ok.Ext.MaxConnectionsPerIP = 30, 8
	if err := ok.Validate(); err != nil {
		t.Fatalf("valid config refused: %v", err)
	}
	for _, mutate := range []func(*Config){
		func(c *Config) { c.Ext.OutboundAllow = []string{"10.0.0.0/99"} },
		func(c *Config) { c.Ext.OutboundAllow = []string{"not a host"} },
		func(c *Config) { c.Ext.HTTPReadTimeout = -1 },
		func(c *Config) { c.Ext.MaxConnections = -5 },
	} {
		c := Default()
		mutate(c)
		if err := c.Validate(); !errors.Is(err, ErrInvalid) {
			t.Errorf("%+v: Validate = %v", c.Ext, err)
		}
	}
	// The new keys round-trip through config.json.
	data, err := ok.Encode()
	if err != nil {
		t.Fatal(err)
	}
	back, err := Decode(data)
	if err != nil || len(back.Ext.OutboundAllow) != 3 || back.Ext.HTTPIdleTimeout != 30 || back.Ext.MaxConnectionsPerIP != 8 {
		t.Fatalf("round trip: %+v, %v\n%s", back.Ext, err, data)
	}
}
