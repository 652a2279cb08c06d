// Package tokenizer owns text <-> token conversion for GGUF models, built
// from a file's tokenizer.ggml.* metadata and kept in exact agreement with
// llama.cpp (llama_tokenize / llama_detokenize).
//
// Three vocabulary kinds are supported, chosen by tokenizer.ggml.model:
//
//   - "llama": SentencePiece BPE driven by token scores, with "▁" for spaces,
//     an optional leading space and <0xNN> byte fallback (llama.cpp's
//     llm_tokenizer_spm).
//   - "gpt2": byte-level BPE driven by tokenizer.ggml.merges, after a
//     pre-tokenizer chosen by tokenizer.ggml.pre: "default", the Llama 3
//     family ("llama-bpe", ...), the Qwen2 family ("qwen2",
//     "deepseek-r1-qwen", ...), GPT-2 ("gpt-2", "phi-2", ...), StarCoder
//     ("starcoder", "smollm", "command-r", "exaone", ...), "falcon",
//     "tekken", "gpt-4o"/"llama4", DeepSeek LLM ("deepseek-llm", V2/V2.5),
//     "deepseek-coder" and "deepseek-v3" (see preTokenizers). Each
//     pre-tokenizer's regular expressions are hand-written scanners that reproduce llama.cpp's
//     splitting exactly, including its look-ahead rules and the way its
//     std::regex fallback sees Unicode categories. As in llama.cpp an
//     unknown name means "default"; known names not implemented here are
//     refused with ErrUnsupported.
//   - "bert": WordPiece with BERT's normalizer (lower-casing, accent
//     stripping, punctuation and CJK splitting).
//
// Special tokens (control, user-defined, unknown) can be recognised in the
// input text, BOS/EOS/SEP are added as the metadata says, and detokenization
// follows llama.cpp's rules (leading-space removal for SentencePiece, GPT-2
// byte decoding, clean-up of spaces before punctuation). StreamDecoder turns
// generated tokens into text while holding back incomplete UTF-8.
//
// A Tokenizer is fixed after FromGGUF and safe for concurrent use.
// RunConformance checks a tokenizer against a llama.cpp reference file.
//
// It must not import model, engine, sample, node or api.
package tokenizer
