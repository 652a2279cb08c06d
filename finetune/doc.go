// Package finetune owns what a node owner does to make a model their own:
// merging LoRA adapters into a base model (Merge), building training sets
// (chat JSONL) and training LoRA adapters on the CPU.
//
// Adapters use llama.cpp's GGUF adapter format (see package model's
// LoadLoRA); merged models are ordinary GGUF files that llama.cpp and the
// engine both load.
//
// It must not import node, engine or domain/...: the node serves
// what finetune makes, and reaches a QA writer only over HTTP (upstream).
package finetune
