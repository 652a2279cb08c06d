// Package rag owns retrieval over a node's knowledge base.
//
// This part of the package is the keyword side of retrieval and the rules
// that merge keyword and vector results. It is made of pure functions and
// in-memory data structures and does no I/O:
//
//   - BM25 is an Okapi BM25 inverted index over chunk texts keyed by chunk
//     id, with Add, Remove and Search. It lives in memory only: the node
//     rebuilds it from the stored chunk texts when it starts.
//   - Tokenizer is the simple analyzer BM25 uses: lowercase runs of Unicode
//     letters and digits, with an optional English stopword list.
//   - Hybrid is GaiaNet's hybrid rule: min-max normalize each list of scores
//     on its own, then fuse them as 0.7*keyword + 0.3*vector (weights are
//     configurable). RRF is Reciprocal Rank Fusion with k=60 by default.
//
// InsertContext is the node's rule for placing retrieved chunks in a
// chat (config.json's rag_prompt and rag_policy); the node serves prompts
// by it and finetune builds training examples by it, so the two agree.
//
// Scores are float64 and every ranked result list is ordered by descending
// score, ties broken by ascending ID, so results are deterministic.
//
// It imports only vectorstore and chattemplate from this module; it must
// not import node, api, engine or kb.
package rag
