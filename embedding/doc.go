// Package embedding runs text-embedding models: BERT-family encoders (BERT,
// MiniLM, bge, e5, gte) and nomic-bert (nomic-embed-text v1/v1.5, GaiaNet's
// default embedding model) from GGUF files, on the same kernels as the chat
// engine; and decoder-only embedding models (gte-Qwen2: a qwen2 decoder
// whose final normed hidden state of the last token is the embedding),
// run by package model's forward pass (decoder.go).
//
// An encoder reads a whole text at once (attention is not causal), then
// pools its last hidden states into one vector as the GGUF's
// <arch>.pooling_type says (mean, CLS or last token) and, by default, scales
// it to unit length. Many texts go through one forward pass: every weight
// product runs over all their tokens together, while attention stays within
// each text.
//
// The arithmetic follows llama.cpp's llm_build_bert: weight products
// quantize activations as ggml does, GELU is ggml's half-precision table
// lookup, and attention is two matrix products per (text, head) with a
// softmax between them (attention.go), so results agree with llama.cpp's
// embeddings to a cosine of 0.99999 or better. Element-wise work is spread
// over the same worker pool as the products; buffers are reused from pass
// to pass.
//
// It must not import engine, node or api.
package embedding
