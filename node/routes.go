package node

import (
	"net/http"
	"path/filepath"

	"github.com/gaianet-go/gaianet/api"
	"github.com/gaianet-go/gaianet/egress"
	"github.com/gaianet-go/gaianet/vectorstore"
	"github.com/gaianet-go/gaianet/vectorstore/qdrantapi"
	"github.com/gaianet-go/gaianet/webui"
)

// routes lists every HTTP route of the node process, served by s: the
// OpenAI-compatible API (package api's handlers), files and retrieval,
// knowledge-base management, the web page, the MCP server, the embedded
// vector store's Qdrant API, and JSON 404s for the rest of /v1/. Every
// route needs the API key unless marked Public; bodies are bounded to
// the standard size unless marked otherwise.
func (n *Node) routes(s *api.Server) []api.Route {
	rs := []api.Route{
		// The OpenAI-compatible API.
		{Pattern: "POST /v1/chat/completions", Handler: s.ChatCompletions},
		{Pattern: "POST /v1/completions", Handler: s.Completions},
		{Pattern: "POST /v1/embeddings", Handler: s.Embeddings},
		{Pattern: "GET /v1/models", Handler: s.Models},
		{Pattern: "GET /v1/info", Handler: s.Info},
		{Pattern: "GET /health", Handler: s.Health, Public: true},
		{Pattern: "GET /metrics", Handler: s.ServeMetrics},

		// Files and LlamaEdge's RAG endpoints (files.go).
		{Pattern: "POST /v1/files", Handler: n.uploadFile, Body: api.UploadBody},
		{Pattern: "GET /v1/files", Handler: n.listFiles},
		{Pattern: "GET /v1/files/{id}", Handler: n.getFile},
		{Pattern: "GET /v1/files/{id}/content", Handler: n.fileContent},
		{Pattern: "DELETE /v1/files/{id}", Handler: n.deleteFile},
		{Pattern: "POST /v1/chunks", Handler: n.chunkFile},
		{Pattern: "POST /v1/create/rag", Handler: n.createRAG, Body: api.UploadBody},
		{Pattern: "POST /v1/retrieve", Handler: n.retrieveRoute},

		// Knowledge-base management (knowledge.go).
		{Pattern: "GET /v1/knowledge/collections", Handler: n.listCollections},
		{Pattern: "GET /v1/knowledge/collections/{c}", Handler: n.collectionStats},
		{Pattern: "GET /v1/knowledge/collections/{c}/documents", Handler: n.listDocuments},
		{Pattern: "POST /v1/knowledge/collections/{c}/documents", Handler: n.ingestDocument, Body: api.UploadBody},
		{Pattern: "DELETE /v1/knowledge/collections/{c}/documents/{id}", Handler: n.deleteDocument},
		{Pattern: "POST /v1/knowledge/collections/{c}/search", Handler: n.searchKnowledge},

		// The web chat page (package webui).
		{Pattern: "GET /", Handler: api.Handler(webui.Handler()), Public: true, Body: api.OwnBody},
	}

	// The MCP server: the node's tools and knowledge search (nodetools.go).
	if n.mcp != nil {
		for _, m := range []string{"GET", "POST", "DELETE"} {
			rs = append(rs, api.Route{Pattern: m + " /mcp", Handler: api.Handler(n.mcp), Body: api.OwnBody})
		}
	}

	// The chat model's LoRA adapters, as llama-server serves them (lora.go).
	if n.engine != nil {
		rs = append(rs, api.Route{Pattern: "GET /lora-adapters", Handler: n.listLoRA},
			api.Route{Pattern: "POST /lora-adapters", Handler: n.setLoRA})
	}

	// The embedded vector store's Qdrant-compatible REST API under
	// /qdrant/ (an external Qdrant serves its own). One pattern per method
	// keeps these and the ones below clear of "GET /".
	if store, ok := n.store.(*vectorstore.Store); ok {
		// Snapshot recovery from a URL goes through the guarded dialer; a
		// bad outbound_allow leaves it at public addresses only (nil).
		pol := n.opt.Outbound
		if pol == nil {
			pol, _ = egress.NewPolicy(n.cfg.Ext.OutboundAllow...)
		}
		q := http.StripPrefix("/qdrant", qdrantapi.New(store, qdrantapi.Options{
			SnapshotDir: filepath.Join(n.opt.Base, snapshotDir), Egress: pol}))
		for _, m := range []string{"GET", "POST", "PUT", "PATCH", "DELETE"} {
			rs = append(rs, api.Route{Pattern: m + " /qdrant/", Handler: api.Handler(q), Body: api.OwnBody})
		}
	}

	// Anything else under /v1/ is an unknown endpoint, answered in JSON.
	for _, m := range []string{"GET", "POST", "PUT", "PATCH", "DELETE"} {
		rs = append(rs, api.Route{Pattern: m + " /v1/", Handler: api.UnknownEndpoint})
	}
	return rs
}
