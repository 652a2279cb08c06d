// Package upstream is a client of OpenAI-compatible HTTP servers
// (llama-server, vLLM, Ollama, another GaiaNet node): requests through the
// guarded dialer of package egress, their failures mapped to the *api.Error
// a client of ours should see, server-sent event streams read, and the
// /embeddings endpoint as an embedder.
//
// It owns the wire between us and such a server. What to send and how to
// relay a reply (the node's system prompt, retrieval, agent steps) belong
// to the caller: package node answers chats through a Client.
//
// It must not import node, domain/..., engine or model: both the node and
// the domain gateway can use it.
package upstream
