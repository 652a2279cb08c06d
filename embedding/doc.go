// Package embedding runs text-embedding models: BERT-family encoders (BERT,
// MiniLM, bge, e5, gte) and nomic-bert (nomic-embed-text v1/v1.5, GaiaNet's
// default embedding model) from GGUF files, on the same kernels as the chat
// engine.
//
// An encoder reads a whole text at once (attention is not causal), then
// pools its last hidden states into one vector as the GGUF's
// <arch>.pooling_type says (mean, CLS or last token) and, by default, scales
// it to unit length. Many texts go through one forward pass: every weight
// product runs over all their tokens together, while attention stays within
// each text.
package embedding
