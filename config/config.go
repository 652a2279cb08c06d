package config

import (
	"encoding/json"
	"reflect"
	"slices"
)

// RAG policies understood by LlamaEdge's rag-api-server and by our node:
// where the retrieved context goes in the prompt.
const (
	// RAGPolicySystemMessage merges the context into the system message.
	RAGPolicySystemMessage = "system-message"
	// RAGPolicyLastUserMessage prepends the context to the last user message.
	RAGPolicyLastUserMessage = "last-user-message"
)

// ExtensionsKey is the JSON key of the nested object that holds the
// project's own settings (see Extensions).
const ExtensionsKey = "gaianet_go"

// Config is a GaiaNet node's config.json. The JSON names are GaiaNet's,
// and the `json:` tags are the one place they are named: Decode and Encode
// read them (with `config:"required"` for the keys GaiaNet's scripts
// require), and the field order below is the order Encode writes new keys
// in (GaiaNet's default config.json's order). The
// zero value means "nothing set"; call ApplyDefaults to fill GaiaNet's
// defaults and Validate before use. A Config is a plain value: it is not safe
// for concurrent mutation, and Clone gives an independent copy.
type Config struct {
	// Address is the node ID, an EIP-55 Ethereum address ("0x..."). Empty
	// until `gaianet init` creates the identity.
	Address string `json:"address" config:"required"`
	// Description is free text shown in the dashboard and the domain.
	Description string `json:"description" config:"required"`
	// Domain is the GaiaNet domain the node joins, e.g. "gaia.domains".
	Domain string `json:"domain" config:"required"`

	// LlamaEdgeChatPort is the internal port of GaiaNet's chat server
	// (v0.5+). Our node serves chat in-process but keeps the field.
	LlamaEdgeChatPort int `json:"llamaedge_chat_port" config:"required"`
	// LlamaEdgeEmbeddingPort is the internal port of GaiaNet's embedding
	// server (v0.5+).
	LlamaEdgeEmbeddingPort int `json:"llamaedge_embedding_port" config:"required"`
	// LlamaEdgePort is the public port of the node's OpenAI-compatible API.
	LlamaEdgePort int `json:"llamaedge_port" config:"required"`
	// ServerHealthURL is an optional URL polled for node health (a few
	// presets set it).
	ServerHealthURL string `json:"server_health_url"`
	// ServerInfoURL is an optional URL that publishes node information.
	ServerInfoURL string `json:"server_info_url"`

	// Chat is the chat model: an http(s) URL of a GGUF file, or a local path
	// (GaiaNet resolves a bare file name against the node's base directory).
	Chat string `json:"chat" config:"required"`
	// ChatName is the model name the API reports; empty means "derive it
	// from the file name".
	ChatName string `json:"chat_name"`
	// ChatCtxSize is the chat model's context size in tokens.
	ChatCtxSize int `json:"chat_ctx_size" config:"required"`
	// ChatBatchSize is the logical batch size for prompt processing.
	ChatBatchSize int `json:"chat_batch_size" config:"required"`
	// ChatUbatchSize is the physical micro-batch size; 0 means "same as
	// ChatBatchSize" (GaiaNet's rule). See ChatUbatch.
	ChatUbatchSize int `json:"chat_ubatch_size"`
	// PromptTemplate names the chat template, e.g. "llama-3-chat", "chatml".
	PromptTemplate string `json:"prompt_template" config:"required"`
	// ReversePrompt is an extra stop string, e.g. "<|im_end|>"; may be empty.
	ReversePrompt string `json:"reverse_prompt" config:"required"`
	// SystemPrompt is the default system message.
	SystemPrompt string `json:"system_prompt" config:"required"`
	// ContextWindow is how many of the latest user messages are used to
	// build the retrieval query (LlamaEdge's --context-window); 0 = unset,
	// which LlamaEdge treats as 1.
	ContextWindow int `json:"context_window"`

	// Embedding is the embedding model: an http(s) URL or a local path.
	Embedding string `json:"embedding" config:"required"`
	// EmbeddingName is the embedding model name the API reports.
	EmbeddingName string `json:"embedding_name"`
	// EmbeddingCtxSize is the embedding model's context size in tokens.
	EmbeddingCtxSize int `json:"embedding_ctx_size" config:"required"`
	// EmbeddingBatchSize is the embedding model's batch size.
	EmbeddingBatchSize int `json:"embedding_batch_size" config:"required"`
	// EmbeddingUbatchSize is the embedding micro-batch; 0 means "same as
	// EmbeddingBatchSize". See EmbeddingUbatch.
	EmbeddingUbatchSize int `json:"embedding_ubatch_size"`

	// Snapshot is the knowledge base: a URL or path of a Qdrant snapshot
	// (.snapshot, or .tar.gz holding one). Empty means no RAG.
	Snapshot string `json:"snapshot" config:"required"`
	// EmbeddingCollectionName is the vector collection the snapshot is
	// loaded into.
	EmbeddingCollectionName string `json:"embedding_collection_name" config:"required"`
	// QdrantLimit is how many search hits are put into the prompt.
	QdrantLimit int `json:"qdrant_limit" config:"required"`
	// QdrantScoreThreshold is the minimum similarity score of a hit.
	QdrantScoreThreshold float64 `json:"qdrant_score_threshold" config:"required"`
	// RAGPolicy is RAGPolicySystemMessage or RAGPolicyLastUserMessage.
	RAGPolicy string `json:"rag_policy"`
	// RAGPrompt is the text placed before the retrieved context.
	RAGPrompt string `json:"rag_prompt"`

	// Ext holds the project's own settings, stored under ExtensionsKey.
	Ext Extensions `json:"gaianet_go"`

	// Extra holds top-level keys this package does not know, as compact
	// JSON, written back verbatim on save. Nil when there are none.
	Extra map[string]json.RawMessage `json:"-"`

	// order is the key order of the decoded file, kept so Save does not
	// reshuffle a user's file. Keys set later are placed canonically.
	order []string
	// thresholdSet records that a decoded file gave qdrant_score_threshold
	// a value, so that an explicit 0 survives ApplyDefaults.
	thresholdSet bool
}

// Extensions are the project's own settings, kept in config.json under the
// "gaianet_go" object so GaiaNet's tools ignore them and a future GaiaNet key
// cannot collide with them. Every field is optional; the zero value means
// "off" or "use the built-in behaviour".
type Extensions struct {
	// ChatUpstream is the base URL of an OpenAI-compatible server that
	// answers chat requests instead of a local model, e.g.
	// "https://api.example.com/v1". When set, Config.Chat may be empty.
	ChatUpstream string `json:"chat_upstream"`
	// EmbeddingUpstream is the same for embeddings.
	EmbeddingUpstream string `json:"embedding_upstream"`
	// UpstreamAPIKey is sent as a bearer token to the upstreams.
	UpstreamAPIKey string `json:"upstream_api_key"`
	// APIKeys, when not empty, are the bearer tokens clients must present to
	// the node's API. A single comma-separated string is also accepted.
	APIKeys []string `json:"api_keys"`
	// CORSOrigins lists origins allowed by CORS: "*" or "scheme://host[:port]".
	// Empty means the server's default.
	CORSOrigins []string `json:"cors_origins"`
	// Parallel is the number of sequences decoded at once (slots); 0 means
	// the engine's default.
	Parallel int `json:"parallel"`
	// BatchVariant lets the engine use the fastest kernels for each batch
	// size, so that an answer may depend on what else the node serves at
	// the time; by default answers are batch-invariant (replayable by a
	// domain). See engine.Options.BatchVariant.
	BatchVariant bool `json:"batch_variant"`
	// QueueSize bounds the requests waiting for a slot; 0 means the server's
	// default. Requests past it are refused with 503.
	QueueSize int `json:"queue_size"`
	// ForceRAG turns retrieval on even without a snapshot, like
	// `gaianet start --force-rag`.
	ForceRAG bool `json:"force_rag"`
	// QdrantURL, when set, keeps the knowledge base's vectors in an external
	// Qdrant server or cluster instead of the embedded store: the base URL of
	// its gRPC endpoint, e.g. "http://qdrant.internal:6334" ("https" for TLS).
	QdrantURL string `json:"qdrant_url"`
	// QdrantAPIKey is sent as Qdrant's "api-key" with every request to
	// QdrantURL; empty sends none.
	QdrantAPIKey string `json:"qdrant_api_key"`
	// SearchFusion chooses how chats retrieve: "" or "vector" (vector search
	// only), "hybrid" (a BM25 keyword index fused with vector scores as
	// GaiaNet does: min-max normalized, 0.7 keyword + 0.3 vector) or "rrf"
	// (reciprocal rank fusion).
	SearchFusion string `json:"search_fusion"`
	// OutboundAllow lists what the node's outbound requests (URL
	// ingestion, downloads) may reach beyond public addresses: CIDR ranges,
	// addresses or host names, e.g. ["10.0.0.0/8", "models.internal"].
	// Loopback, private, link-local and metadata addresses are refused
	// otherwise (see package egress).
	OutboundAllow []string `json:"outbound_allow"`
	// HTTPReadTimeout bounds a pause while a client sends a request body,
	// in seconds; 0 means the server's default (30). (Headers get 10 s.)
	HTTPReadTimeout int `json:"http_read_timeout"`
	// HTTPWriteTimeout bounds a pause while a client reads a response, in
	// seconds, re-armed as bytes move so streams are never cut; 0 means
	// the default (60).
	HTTPWriteTimeout int `json:"http_write_timeout"`
	// HTTPIdleTimeout closes keep-alive connections idle this long, in
	// seconds; 0 means the default (30).
	HTTPIdleTimeout int `json:"http_idle_timeout"`
	// MaxConnections bounds the open client connections, and
	// MaxConnectionsPerIP those from one address (loopback exempt: a
	// reverse proxy); 0 means the defaults (1024 and 64).
	MaxConnections      int `json:"max_connections"`
	MaxConnectionsPerIP int `json:"max_connections_per_ip"`
	// Reasoning is what a reasoning model's thinking becomes: "" or
	// "separate" (reasoning_content, apart from the answer), "inline" (left
	// in the answer as the model wrote it) or "none" (the template's
	// no-think variant is rendered where it has one, e.g. Qwen3's
	// enable_thinking=false).
	Reasoning string `json:"reasoning"`
	// Plugins are the WebAssembly plugins the node loads, each with the
	// capabilities it is granted: a JSON array of manifests, parsed and
	// validated by package plugin (plugin.ParseManifests) when the node
	// starts. Empty means none.
	Plugins json.RawMessage `json:"plugins"`

	// Tools are node tools the model may call and the node runs (see
	// ToolSpec); MCPServers are MCP servers whose tools join them.
	Tools      []ToolSpec  `json:"tools"`
	MCPServers []MCPServer `json:"mcp_servers"`
	// PromptSets are named prompt profiles chosen per request.
	PromptSets map[string]PromptSet `json:"prompt_sets"`
	// AgentMaxSteps bounds the model calls of one chat request when node
	// tools run (0 means 8); AgentTimeout bounds, in seconds, the time
	// after which no further node tool runs (0 means 120): the model
	// then answers with what it has.
	AgentMaxSteps int `json:"agent_max_steps"`
	AgentTimeout  int `json:"agent_timeout"`

	// Extra holds keys of the "gaianet_go" object this package does not
	// know, as compact JSON.
	Extra map[string]json.RawMessage `json:"-"`

	order []string
}

// Default returns GaiaNet's default node config (v0.6.0's config.json: a
// Qwen3-4B chat model, the Nomic v1.5 embedding model, no knowledge base)
// plus the LlamaEdge defaults for the RAG fields that file leaves out. It is
// the single source of defaults for ApplyDefaults.
func Default() *Config {
	return &Config{
		Address:                 "",
		Description:             "The default GaiaNet node config with a Llama-3.2-3B-Instruct model.",
		Domain:                  "gaia.domains",
		LlamaEdgeChatPort:       9068,
		LlamaEdgeEmbeddingPort:  9069,
		LlamaEdgePort:           8080,
		Chat:                    "https://huggingface.co/second-state/Qwen3-4B-GGUF/resolve/main/Qwen3-4B-Q5_K_M.gguf",
		ChatName:                "Qwen3-4B",
		ChatCtxSize:             16384,
		ChatBatchSize:           128,
		ChatUbatchSize:          128,
		PromptTemplate:          "qwen3-no-think",
		ReversePrompt:           "",
		SystemPrompt:            "You are a helpful AI assistant. Please answer questions as clearly and concisely as possible.",
		Embedding:               "https://huggingface.co/gaianet/Nomic-embed-text-v1.5-Embedding-GGUF/resolve/main/nomic-embed-text-v1.5.f16.gguf",
		EmbeddingName:           "Nomic-embed-text-v1.5",
		EmbeddingCtxSize:        8192,
		EmbeddingBatchSize:      8192,
		EmbeddingUbatchSize:     8192,
		Snapshot:                "",
		EmbeddingCollectionName: "default",
		QdrantLimit:             1,
		QdrantScoreThreshold:    0.5,
	}
}

// ApplyDefaults fills every unset operational field from Default: the ports,
// the domain, context and batch sizes, the collection name, the Qdrant limit
// and threshold, and the RAG policy (LlamaEdge's "system-message"). It does
// not choose models, prompts, a snapshot or a description: a config without a
// chat model stays without one, and Validate says so. A score threshold of 0
// read from a file is kept; on a Config built in code 0 means "unset". Micro-batch sizes stay
// 0 ("same as batch"); read them through ChatUbatch and EmbeddingUbatch.
// ApplyDefaults is idempotent.
func (c *Config) ApplyDefaults() {
	d := Default()
	setStr := func(p *string, v string) {
		if *p == "" {
			*p = v
		}
	}
	setInt := func(p *int, v int) {
		if *p == 0 {
			*p = v
		}
	}
	setStr(&c.Domain, d.Domain)
	setInt(&c.LlamaEdgePort, d.LlamaEdgePort)
	setInt(&c.LlamaEdgeChatPort, d.LlamaEdgeChatPort)
	setInt(&c.LlamaEdgeEmbeddingPort, d.LlamaEdgeEmbeddingPort)
	setInt(&c.ChatCtxSize, d.ChatCtxSize)
	setInt(&c.ChatBatchSize, d.ChatBatchSize)
	setInt(&c.EmbeddingCtxSize, d.EmbeddingCtxSize)
	setInt(&c.EmbeddingBatchSize, d.EmbeddingBatchSize)
	setStr(&c.EmbeddingCollectionName, d.EmbeddingCollectionName)
	setInt(&c.QdrantLimit, d.QdrantLimit)
	if c.QdrantScoreThreshold == 0 && !c.thresholdSet {
		c.QdrantScoreThreshold = d.QdrantScoreThreshold
	}
	setStr(&c.RAGPolicy, RAGPolicySystemMessage)
}

// ChatUbatch returns the effective chat micro-batch size: ChatUbatchSize, or
// ChatBatchSize when that is unset.
func (c *Config) ChatUbatch() int {
	if c.ChatUbatchSize > 0 {
		return c.ChatUbatchSize
	}
	return c.ChatBatchSize
}

// EmbeddingUbatch returns the effective embedding micro-batch size.
func (c *Config) EmbeddingUbatch() int {
	if c.EmbeddingUbatchSize > 0 {
		return c.EmbeddingUbatchSize
	}
	return c.EmbeddingBatchSize
}

// EffectiveContextWindow returns ContextWindow, or LlamaEdge's default 1.
func (c *Config) EffectiveContextWindow() int {
	if c.ContextWindow > 0 {
		return c.ContextWindow
	}
	return 1
}

// RAGEnabled reports whether the node should retrieve context: a snapshot
// is configured or Ext.ForceRAG is set.
func (c *Config) RAGEnabled() bool { return c.Snapshot != "" || c.Ext.ForceRAG }

// Clone returns a deep copy of c.
func (c *Config) Clone() *Config {
	n := *c
	n.Extra = cloneRaw(c.Extra)
	n.order = slices.Clone(c.order)
	n.Ext.Extra = cloneRaw(c.Ext.Extra)
	n.Ext.order = slices.Clone(c.Ext.order)
	n.Ext.APIKeys = slices.Clone(c.Ext.APIKeys)
	n.Ext.CORSOrigins = slices.Clone(c.Ext.CORSOrigins)
	n.Ext.OutboundAllow = slices.Clone(c.Ext.OutboundAllow)
	n.Ext.Plugins = slices.Clone(c.Ext.Plugins)
	cloneJSON(&n.Ext.Tools, c.Ext.Tools)
	cloneJSON(&n.Ext.MCPServers, c.Ext.MCPServers)
	cloneJSON(&n.Ext.PromptSets, c.Ext.PromptSets)
	return &n
}

// Equal reports whether c and o hold the same settings: every field, the
// extensions and the unknown keys. It ignores bookkeeping that does not
// change meaning, such as the key order of the file they came from.
func (c *Config) Equal(o *Config) bool {
	a, b := c.Clone(), o.Clone()
	for _, x := range []*Config{a, b} {
		x.order, x.Ext.order, x.thresholdSet = nil, nil, false
	}
	return reflect.DeepEqual(a, b)
}

// cloneJSON deep-copies src into dst through JSON (the structured
// extensions hold only JSON-shaped values); nil stays nil.
func cloneJSON[T any](dst *T, src T) {
	var zero T
	*dst = zero
	if b, err := json.Marshal(src); err == nil && string(b) != "null" {
		_ = json.Unmarshal(b, dst)
	}
}

func cloneRaw(m map[string]json.RawMessage) map[string]json.RawMessage {
	if m == nil {
		return nil
	}
	n := make(map[string]json.RawMessage, len(m))
	for k, v := range m {
		n[k] = append(json.RawMessage(nil), v...)
	}
	return n
}
