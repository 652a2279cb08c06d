// Package domain is a GaiaNet domain: one gateway that admits nodes, keeps
// a tunnel to each (package tunnel), monitors them, spreads users' OpenAI
// API requests across them and bills every request in the double-entry
// ledger (packages domain/ledger and domain/store).
//
// A request's path: the user's key is checked against the stored hashes
// and the balance against 0 (402 when empty); the body is read once and,
// for a streamed generation, asks the node for its usage; a node is picked
// (power of two choices over outstanding requests weighted by measured
// speed, among healthy nodes serving the model); the request goes through
// that node's tunnel without the user's key; a failure before the first
// byte is retried on another node; the response streams back (the usage
// chunk removed when the user did not ask for it; a failure mid-stream ends
// with an SSE error event); the node's final usage is priced and posted
// exactly once under the request's id.
//
// Everything that decides admission or money lives in the store, so domain
// replicas sharing one PostgreSQL database work together; each replica
// balances over the tunnels it holds.
//
// It must not import node, engine, model, kernels or tokenizer: it routes
// requests and never runs a model.
package domain
