package node

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gaianet-go/gaianet/api"
	"github.com/gaianet-go/gaianet/attest"
	"github.com/gaianet-go/gaianet/chattemplate"
	"github.com/gaianet-go/gaianet/config"
	"github.com/gaianet-go/gaianet/egress"
	"github.com/gaianet-go/gaianet/embedding"
	"github.com/gaianet-go/gaianet/engine"
	"github.com/gaianet-go/gaianet/grammar"
	"github.com/gaianet-go/gaianet/ingest"
	"github.com/gaianet-go/gaianet/plugin"
	"github.com/gaianet-go/gaianet/rag"
	"github.com/gaianet-go/gaianet/tokenizer"
	"github.com/gaianet-go/gaianet/toolcall"
	"github.com/gaianet-go/gaianet/tools"
	"github.com/gaianet-go/gaianet/upstream"
)

// Options configure Open beyond config.json.
type Options struct {
	// Base is the node's directory: relative model paths and the file
	// names of downloaded models resolve against it, and the vector store
	// lives in Base/vectors.
	Base string
	// Threads for each model's forward passes; 0 means GOMAXPROCS.
	Threads int
	// NodeID and DeviceID are reported by /v1/info.
	NodeID, DeviceID string
	// Version is the software version reported by /v1/info.
	Version string
	// Logger receives request and lifecycle logs; nil discards them.
	Logger *slog.Logger
	// Instance is echoed by GET /health (see api.Options.Instance).
	Instance string
	// Signer, the node's identity key, signs chat answers and
	// /v1/info?nonce=N (package attest); nil signs nothing.
	Signer attest.Signer
	// Outbound guards the requests node tools make (HTTPS tools, MCP
	// servers over HTTP); nil builds one from gaianet_go.outbound_allow.
	Outbound *egress.Policy
	// Plugins, when set, resolves node tools of kind "plugin" instead of
	// the plugins gaianet_go.plugins loads.
	Plugins tools.PluginTools
}

// Node is a running node's components. It is safe for concurrent use.
type Node struct {
	cfg *config.Config
	opt Options
	log *slog.Logger

	engine   *engine.Engine
	tok      *tokenizer.Tokenizer
	tmpl     *chattemplate.Template
	tmplName string
	tmplSrc  string          // the template's Jinja source
	toolFmt  toolcall.Format // how the template's model calls tools

	gvocabOnce sync.Once
	gvocab     *grammar.Vocab // the chat vocabulary for grammars, built on first use
	chatName   string
	bosText    string
	eosText    string
	stops      []string

	chatUp *upstream.Client // set when chat_upstream answers chats instead of engine

	tools *tools.Registry // node tools; nil when none are configured
	mcp   http.Handler    // the MCP server at /mcp

	embed     embedder // the local model or an upstream
	embedTok  ingest.TokenCounter
	embedName string
	files     *fileStore

	store       VectorStore
	retriever   *rag.Retriever
	collections []string
	fusion      rag.Fusion
	keywords    map[string]*rag.BM25 // by collection; nil without hybrid search

	// admit bounds the generations in the node: one place per slot plus
	// queue_size waiting; a request that finds it full gets 429.
	admit  chan struct{}
	slots  int
	queued atomic.Int64 // admitted generations, waiting or running

	// embedAdmit bounds /v1/embeddings requests the same way; their
	// tokens are bounded by maxEmbedTokens.
	embedAdmit     *admission
	maxEmbedTokens int

	server  *api.Server
	metrics *api.Metrics
	started time.Time

	// fileHashes hashes the model and knowledge-base files once, for
	// /v1/info attestations.
	fileHashes func() (fileHashes, error)

	pluginHost *plugin.Host     // nil without gaianet_go.plugins
	plugins    *plugin.Registry // nil without gaianet_go.plugins
	// setHooks are the hooks of each prompt set that chooses them
	// ("hooks"); a set without the key runs the registry's.
	setHooks map[string]*plugin.Hooks
}

// fileHashes are the SHA-256 digests of the files a node serves.
type fileHashes struct{ chat, embedding, snapshot string }

// DefaultQueueSize is how many requests may wait for a slot when
// queue_size is not set.
const DefaultQueueSize = 32

// ModelPath returns where the model named by a config value lives: a URL's
// file name in base, a relative path joined to base, an absolute path as is.
func ModelPath(base, ref string) string {
	if u, err := url.Parse(ref); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		return filepath.Join(base, path.Base(u.Path))
	}
	if filepath.IsAbs(ref) {
		return ref
	}
	return filepath.Join(base, ref)
}

// modelName derives an API model name from a config name or a file path.
func modelName(name, ref string) string {
	if name != "" {
		return name
	}
	return strings.TrimSuffix(path.Base(filepath.ToSlash(ref)), ".gguf")
}

// Open loads everything cfg names. cfg must be valid (config.Validate).
func Open(ctx context.Context, cfg *config.Config, opt Options) (n *Node, err error) {
	log := opt.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	n = &Node{cfg: cfg, opt: opt, log: log, started: time.Now()}
	opened := n // "return nil, err" clears n
	defer func() {
		if err != nil {
			opened.Close()
		}
	}()
	if cfg.Chat == "" && cfg.Ext.ChatUpstream == "" {
		return nil, errors.New("node: no chat model: set chat (a GGUF file path or download URL) or " +
			config.ExtensionsKey + ".chat_upstream (the base URL of an OpenAI-compatible server, e.g. http://host:8080/v1)")
	}
	if cfg.Ext.ChatUpstream != "" {
		err = n.openChatUpstream(ctx)
	} else {
		err = n.openChat()
	}
	if err != nil {
		return nil, err
	}
	switch {
	case cfg.Ext.EmbeddingUpstream != "":
		err = n.openEmbeddingUpstream(ctx)
	case cfg.Embedding != "":
		err = n.openEmbedding()
	}
	if err != nil {
		return nil, err
	}
	if err := n.openKnowledge(ctx); err != nil {
		return nil, err
	}
	if err := n.openKeywords(ctx); err != nil {
		return nil, err
	}
	if err := n.openPlugins(ctx); err != nil {
		return nil, err
	}
	if err := n.openTools(ctx); err != nil {
		return nil, err
	}
	n.slots = max(n.cfg.Ext.Parallel, 1)
	if n.engine != nil {
		n.slots = n.engine.Options().Parallel
	}
	queue := n.cfg.Ext.QueueSize
	if queue <= 0 {
		queue = DefaultQueueSize
	}
	n.admit = make(chan struct{}, n.slots+queue)
	embedSlots := 1 // a local model embeds one batch at a time
	if cfg.Ext.EmbeddingUpstream != "" {
		embedSlots = n.slots
	}
	n.embedAdmit = newAdmission(embedSlots, queue, time.Second)
	n.maxEmbedTokens = DefaultMaxEmbeddingTokens
	n.fileHashes = sync.OnceValues(n.hashFiles)
	if opt.Signer != nil {
		go n.fileHashes() // ready before a domain first asks
	}
	n.server = api.New(api.Backends{
		Chat: n, Completion: n, Embedding: n.embeddingBackend(),
		Models: n.models, Info: n.info, Attest: n.attest,
	}, api.Options{
		APIKeys: cfg.Ext.APIKeys, CORSOrigins: cfg.Ext.CORSOrigins, Logger: log, Instance: opt.Instance, Signer: opt.Signer,
		Gauges: api.Gauges{
			QueueDepth:  func() int { return max(int(n.queued.Load())-n.slots, 0) },
			ActiveSlots: func() int { return min(int(n.queued.Load()), n.slots) },
		},
	})
	n.server.Handle(n.routes(n.server)...)
	n.metrics = n.server.Metrics()
	return n, nil
}

// snapshotDir is where the Qdrant API keeps snapshots, in the base folder.
const snapshotDir = "snapshots"

// tightenBase takes group and other permissions off what an older version
// left readable in the base folder: config.json (it holds API keys) and the
// snapshots folder. The vector store and the uploads tighten their own.
func tightenBase(base string) error {
	if err := config.Tighten(filepath.Join(base, config.FileName), config.FileMode); err != nil {
		return fmt.Errorf("node: %w", err)
	}
	if err := tightenTree(filepath.Join(base, snapshotDir)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("node: %w", err)
	}
	return nil
}

func (n *Node) openChat() error {
	p := ModelPath(n.opt.Base, n.cfg.Chat)
	t0 := time.Now()
	var lora []engine.LoRAFile
	for _, l := range n.cfg.Ext.LoRA {
		lora = append(lora, engine.LoRAFile{Path: ModelPath(n.opt.Base, l.Path), Scale: float32(l.ScaleOr1())})
	}
	eng, err := engine.Load(p, engine.Options{Threads: n.opt.Threads, CtxSize: n.cfg.ChatCtxSize,
		Parallel: n.cfg.Ext.Parallel, BatchSize: n.cfg.ChatBatchSize, BatchVariant: n.cfg.Ext.BatchVariant, LoRA: lora})
	if err != nil {
		return fmt.Errorf("node: chat model: %w", err)
	}
	n.engine = eng
	n.tok, err = tokenizer.FromGGUF(eng.Metadata())
	if err != nil {
		return fmt.Errorf("node: chat model %s: %w", p, err)
	}
	n.chatName = modelName(n.cfg.ChatName, n.cfg.Chat)
	n.bosText = n.tok.Text(n.tok.BOS())
	n.eosText = n.tok.Text(n.tok.EOS())
	if err := n.chooseTemplate(eng.Metadata()); err != nil {
		return err
	}
	if n.cfg.ReversePrompt != "" {
		n.stops = append(n.stops, n.cfg.ReversePrompt)
	}
	n.log.Info("chat model loaded", "path", p, "name", n.chatName, "template", n.tmplName,
		"ctx_size", eng.Options().CtxSize, "slots", eng.Options().Parallel, "took", time.Since(t0).Round(time.Millisecond))
	return nil
}

// chooseTemplate picks the chat template: prompt_template when it names a
// built-in template (what GaiaNet configs set, as LlamaEdge reads them);
// the GGUF's own template when prompt_template is empty or "gguf".
func (n *Node) chooseTemplate(md interface{ String(string) (string, bool) }) error {
	name := n.cfg.PromptTemplate
	if name != "" && name != "gguf" {
		t, ok := chattemplate.Lookup(name)
		if ok {
			n.tmpl, n.tmplName = t, name
			n.tmplSrc, _ = chattemplate.Source(name)
			n.toolFmt = toolcall.Detect(name, n.tmplSrc)
			if info, ok := chattemplate.Info(name); ok {
				n.stops = append(n.stops, info.Stop...)
			}
			return nil
		}
		n.log.Warn("prompt_template is not a built-in template; using the model's own", "prompt_template", name,
			"built_in", strings.Join(chattemplate.Names(), ", "))
	}
	src, ok := md.String("tokenizer.chat_template")
	if !ok {
		return fmt.Errorf("node: the chat model has no chat template and prompt_template %q is not one of: %s",
			name, strings.Join(chattemplate.Names(), ", "))
	}
	t, err := chattemplate.Parse(src)
	if err != nil {
		return fmt.Errorf("node: the chat model's template: %w", err)
	}
	n.tmpl, n.tmplName, n.tmplSrc = t, "gguf", src
	// A LlamaEdge tool template name (llama-3-tool, mistral-tool...)
	// still says which format the model writes.
	n.toolFmt = toolcall.Detect(name, src)
	return nil
}

func (n *Node) openEmbedding() error {
	p := ModelPath(n.opt.Base, n.cfg.Embedding)
	m, tok, err := embedding.Open(p, embedding.Options{Threads: n.opt.Threads, MaxTokens: n.cfg.EmbeddingCtxSize})
	if err != nil {
		return fmt.Errorf("node: embedding model: %w", err)
	}
	n.embedTok = tok
	n.embed = m
	n.embedName = modelName(n.cfg.EmbeddingName, n.cfg.Embedding)
	n.log.Info("embedding model loaded", "path", p, "name", n.embedName, "dim", m.Dim())
	return nil
}

// openKnowledge opens the vector store and the uploaded-files area. With an
// embedding model, retrieval is on: chats search the configured collection
// once it exists (an upload through /v1/create/rag may create it later).
func (n *Node) openKnowledge(ctx context.Context) error {
	if n.opt.Base == "" {
		return nil
	}
	if err := tightenBase(n.opt.Base); err != nil {
		return err
	}
	files, err := openFileStore(filepath.Join(n.opt.Base, archivesDir))
	if err != nil {
		return err
	}
	n.files = files
	store, err := OpenVectorStore(ctx, n.cfg, n.opt.Base)
	if err != nil {
		return err
	}
	n.store = store
	if n.embed == nil {
		return nil
	}
	coll := n.cfg.EmbeddingCollectionName
	n.collections = []string{coll}
	n.retriever = &rag.Retriever{Embedder: n.embed, Vectors: store}
	info, err := store.CollectionInfo(coll)
	switch {
	case err != nil:
		n.log.Info("the knowledge base collection is empty; answering without retrieval until documents are added", "collection", coll)
	case n.embed.Dim() != 0 && info.Config.Dim != n.embed.Dim(): // 0: an upstream's, learned later
		return fmt.Errorf("node: collection %q has %d-dimensional vectors but the embedding model makes %d", coll, info.Config.Dim, n.embed.Dim())
	default:
		n.log.Info("knowledge base ready", "collection", coll, "points", info.Points)
	}
	return nil
}

func (n *Node) embeddingBackend() api.EmbeddingBackend {
	if n.embed == nil {
		return nil
	}
	return embedBackend{n}
}

type embedBackend struct{ n *Node }

// DefaultMaxEmbeddingTokens bounds the tokens one /v1/embeddings request
// may have embedded, summed over its inputs (each counted up to the
// model's limit, where it is truncated): OpenAI's limit.
const DefaultMaxEmbeddingTokens = 300_000

// Embed answers /v1/embeddings: it refuses requests over the token limit,
// then runs under the embedding admission (one request at a time on a
// local model, queue_size waiting, then 429), so a flood of embeddings
// cannot starve chats of the CPU without bound.
func (b embedBackend) Embed(ctx context.Context, model string, inputs []string) ([][]float32, int, error) {
	n := b.n
	if err := n.checkEmbeddingTokens(inputs); err != nil {
		return nil, 0, err
	}
	release, err := n.embedAdmit.acquire(ctx)
	if err != nil {
		return nil, 0, err
	}
	defer release()
	return n.embed.Embed(ctx, inputs)
}

// checkEmbeddingTokens refuses inputs whose tokens, each counted up to the
// model's limit, add up to more than maxEmbedTokens. Texts short enough in
// bytes are not tokenized: no tokenizer makes more tokens than bytes plus
// a few special ones.
func (n *Node) checkEmbeddingTokens(inputs []string) error {
	limit, per := n.maxEmbedTokens, n.embed.MaxTokens()
	if per <= 0 {
		per = 1 << 30
	}
	bound := 0
	for _, in := range inputs {
		bound += min(len(in)+4, per)
	}
	if bound <= limit || n.embedTok == nil {
		return nil
	}
	total := 0
	for _, in := range inputs {
		total += min(n.embedTok.CountTokens(in), per)
		if total > limit {
			return api.BadRequest("input", "the inputs have more than %d tokens in all, the limit per request; send them in several requests", limit)
		}
	}
	return nil
}

func (n *Node) models() []api.Model {
	created := n.started.Unix()
	out := []api.Model{{ID: n.chatName, Object: "model", Created: created, OwnedBy: "gaianet"}}
	// Each prompt set is a model name too: "MODEL:SET".
	for _, set := range sortedKeys(n.cfg.Ext.PromptSets) {
		out = append(out, api.Model{ID: n.chatName + ":" + set, Object: "model", Created: created, OwnedBy: "gaianet"})
	}
	if n.embed != nil {
		out = append(out, api.Model{ID: n.embedName, Object: "model", Created: created, OwnedBy: "gaianet"})
	}
	return out
}

// attest returns the facts the node signs in /v1/info?nonce=N: file
// hashes (computed once, in the background from Open), the system
// prompt's hash and the chat context size.
func (n *Node) attest() (attest.Info, error) {
	h, err := n.fileHashes()
	if err != nil {
		return attest.Info{}, err
	}
	i := attest.Info{NodeID: n.opt.NodeID, ChatModel: n.chatName, ChatModelSHA256: h.chat,
		EmbeddingModelSHA256: h.embedding, KnowledgeBaseSHA256: h.snapshot}
	if n.embed != nil {
		i.EmbeddingModel = n.embedName
	}
	if n.plugins != nil {
		i.PluginsSHA256 = n.plugins.SHA256s()
	}
	if n.cfg.SystemPrompt != "" {
		i.SystemPromptSHA256 = attest.Hash([]byte(n.cfg.SystemPrompt))
	}
	if n.chatUp == nil {
		i.ContextSize = n.engine.Options().CtxSize
	}
	return i, nil
}

// hashFiles hashes the local chat and embedding model files and the
// knowledge-base snapshot file; a remote model or a snapshot not on disk
// gets "".
func (n *Node) hashFiles() (fileHashes, error) {
	var h fileHashes
	for _, f := range []struct {
		ref string
		dst *string
		use bool
	}{
		{n.cfg.Chat, &h.chat, n.chatUp == nil},
		{n.cfg.Embedding, &h.embedding, n.embed != nil && upstreamName(n.embed) == ""},
		{n.cfg.Snapshot, &h.snapshot, true},
	} {
		if f.ref == "" || !f.use {
			continue
		}
		p := ModelPath(n.opt.Base, f.ref)
		d, err := sha256File(p)
		if errors.Is(err, fs.ErrNotExist) && f.dst == &h.snapshot {
			continue // a snapshot imported and since removed
		}
		if err != nil {
			return h, fmt.Errorf("node: hash %s: %w", p, err)
		}
		*f.dst = d
	}
	return h, nil
}

func sha256File(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func (n *Node) info() any {
	type model struct {
		Name           string `json:"name"`
		Type           string `json:"type"`
		CtxSize        int    `json:"ctx_size"`
		PromptTemplate string `json:"prompt_template,omitempty"`
		Upstream       string `json:"upstream,omitempty"`
		SystemPrompt   string `json:"system_prompt,omitempty"`
		RAGPrompt      string `json:"rag_prompt,omitempty"`
		RAGPolicy      string `json:"rag_policy,omitempty"`
	}
	chat := model{Name: n.chatName, Type: "chat", PromptTemplate: n.tmplName,
		SystemPrompt: n.cfg.SystemPrompt, RAGPrompt: n.cfg.RAGPrompt, RAGPolicy: n.cfg.RAGPolicy}
	if n.chatUp != nil {
		chat.Upstream = n.chatUp.String() // its context size is not known
	} else {
		chat.CtxSize = n.engine.Options().CtxSize
	}
	out := map[string]any{
		"version":        n.opt.Version,
		"node_id":        n.opt.NodeID,
		"device_id":      n.opt.DeviceID,
		"chat":           chat,
		"uptime_seconds": int(time.Since(n.started).Seconds()),
	}
	if n.tools.Len() > 0 {
		type tool struct {
			Name string `json:"name"`
			Kind string `json:"kind"`
		}
		ts := []tool{}
		for _, e := range n.tools.List() {
			ts = append(ts, tool{Name: e.Tool.Definition().Name, Kind: e.Kind})
		}
		out["tools"] = ts
	}
	if len(n.cfg.Ext.PromptSets) > 0 {
		out["prompt_sets"] = sortedKeys(n.cfg.Ext.PromptSets)
	}
	if n.embed != nil {
		out["embedding"] = model{Name: n.embedName, Type: "embedding", CtxSize: n.embed.MaxTokens(), Upstream: upstreamName(n.embed)}
	}
	if n.store != nil {
		kb := map[string]any{"collections": n.collections, "qdrant_limit": n.cfg.QdrantLimit,
			"qdrant_score_threshold": n.cfg.QdrantScoreThreshold}
		var points int
		for _, c := range n.collections {
			if ci, err := n.store.CollectionInfo(c); err == nil {
				points += ci.Points
			}
		}
		kb["points"] = points
		out["knowledge_base"] = kb
	}
	return out
}

// ServerLimits returns the HTTP server limits config.json sets
// (gaianet_go.http_*_timeout, max_connections, max_connections_per_ip),
// zero fields meaning the api package's defaults. Serve the node with
// limits.NewServer(n.Handler(), ...) on limits.Listener(ln).
func (n *Node) ServerLimits() api.ServerLimits {
	sec := func(v int) time.Duration { return time.Duration(v) * time.Second }
	e := &n.cfg.Ext
	return api.ServerLimits{BodyTimeout: sec(e.HTTPReadTimeout), WriteTimeout: sec(e.HTTPWriteTimeout),
		IdleTimeout: sec(e.HTTPIdleTimeout), MaxConnections: e.MaxConnections, MaxConnectionsPerIP: e.MaxConnectionsPerIP}
}

// Handler returns the node's HTTP handler: the API and the web chat page.
func (n *Node) Handler() http.Handler { return n.server }

// Close releases the models and the vector store.
func (n *Node) Close() error {
	var errs []error
	if n.engine != nil {
		errs = append(errs, n.engine.Close())
	}
	if n.chatUp != nil {
		n.chatUp.Close()
	}
	if n.embed != nil {
		errs = append(errs, n.embed.Close())
	}
	if n.store != nil {
		errs = append(errs, n.store.Close())
	}
	errs = append(errs, n.closePlugins())
	errs = append(errs, n.tools.Close())
	return errors.Join(errs...)
}
