// Package demo makes the offline demo node: a tiny chat model and a tiny
// embedding model with random weights, written with the project's own GGUF
// writer, and a small knowledge base about the project itself. Nothing is
// downloaded. The models' answers are noise; the point is to try every part
// of a node — API, streaming, chat page, retrieval — on any machine.
//
// It must not import node, engine or api.
package demo
