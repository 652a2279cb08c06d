// Package conformance checks the project's tokenizers, chat templates and
// inference engine against llama.cpp's reference outputs.
//
// A conformance folder holds manifest.json, which lists suites; each suite
// has a kind ("tokenizer", "logits", "embeddings"), a name, a model file
// and a data file, with paths relative to the folder. Run reads any folder
// laid out this way, so new suites need no code. The tolerances that
// "agrees" means come from the manifest (see ../shared/conformance/README.md).
//
// It must not import node, api or domain/....
package conformance
