// Package engine runs a GGUF language model for serving: it owns the KV
// cache and its sequence slots, batches every active request into each
// forward step (continuous batching), reuses cached prompt prefixes,
// shifts a full context, and streams sampled tokens to callers.
//
// Load opens a model file (weights stay memory-mapped) and starts one
// scheduler goroutine. Generate submits a request and blocks, calling its
// callback with each token, until the request stops, fails or its context
// is cancelled; many Generate calls may run at once, up to Options.Parallel
// of them are served together and the rest wait for a free slot. Each
// forward step evaluates one new token of every decoding request plus
// chunks of pending prompts, so all streams share every weight read.
//
// A Request may carry a Constraint (structured output, tool calls): before
// each of its samples the scheduler asks it for the allowed tokens, masks
// the others' logits to -Inf, and feeds the chosen token back; tokens a
// Forcer forces are appended without sampling and evaluated in the next
// step together with the sampled one. Each sequence has its own
// Constraint, so constrained and free requests share every step.
//
// Eval is the low-level entry point for conformance tests and benchmarks:
// one forward pass over an explicit batch of (token, position, slot,
// want-logits) entries, like llama.cpp's llama_decode.
//
// It must not import node, api, config, vectorstore/..., rag, kb or
// domain/....
package engine
