// Package node assembles a GaiaNet node from its config: the chat engine,
// the embedding model, the knowledge base, prompts and templates, behind the
// OpenAI-compatible API and the web chat page.
//
// A chat request flows: api (decode, validate, auth) → Node.Chat (default
// system prompt, retrieval from the knowledge base inserted by rag_policy,
// chat template, tokenization, sampler) → engine.Generate (scheduled into a
// slot, batched with other streams) → tokens streamed back through api as
// server-sent events.
//
// Every HTTP route of the process is listed in routes.go, top to bottom.
// What talks to another OpenAI-compatible server (chat_upstream,
// embedding_upstream) is package upstream; node keeps the relay.
//
// It must not import domain/..., chain/..., tunnel or cmd/...: the node is
// assembled from the capabilities below it and started by the command line.
package node
