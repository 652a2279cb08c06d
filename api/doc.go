// Package api serves a node's OpenAI-compatible HTTP API: chat and text
// completions, embeddings, models, node information, health and Prometheus
// metrics.
//
// The package owns the wire: request decoding and validation, JSON errors
// shaped as OpenAI's ({"error":{"message","type","code"}}), server-sent
// event streaming, API-key checks, CORS, body limits and metrics. What
// answers a request is behind small interfaces (ChatBackend,
// CompletionBackend, EmbeddingBackend) that the node package implements with
// the local engine, retrieval and prompts, or with an upstream server.
// A Server mounts no route by itself: its caller lists them all, this
// package's handlers among its own (Server.Handle; a node's list is
// node/routes.go).
//
// It must not import node, engine, model or config: what answers a request
// is behind its interfaces.
package api
