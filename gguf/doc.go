// Package gguf reads and writes GGUF files, the model container used by
// llama.cpp and every engine built on it.
//
// A GGUF file is a little-endian header, a list of typed metadata key/value
// pairs, a list of tensor descriptions, and an aligned data section holding
// the tensors' bytes:
//
//	offset  size  field
//	0       4     magic "GGUF" (47 47 55 46)
//	4       4     version (2 or 3)
//	8       8     tensor count
//	16      8     metadata count
//	24      ...   metadata: key (u64 length + bytes), value type (u32), value
//	...     ...   tensor infos: name, n_dims (u32), dims (u64 each), type (u32),
//	              offset (u64, relative to the data section)
//	...     pad   zero padding to general.alignment (default 32)
//	...     ...   tensor data
//
// A value is one of twelve scalar types, a string (u64 length + UTF-8 bytes)
// or an array (element type u32, count u64, elements); arrays may nest.
//
// Open memory-maps the file so that weights are never copied into the Go
// heap; Parse decodes a header from bytes already in memory. Both treat every
// byte as hostile: lengths and counts are checked against the bytes that
// remain before anything is allocated, and every failure is an error that
// wraps ErrFormat and names the offset where decoding stopped.
//
// This package imports no other package of the project; tokenizers and
// models read what they need through its typed accessors.
//
// It imports nothing from this module.
package gguf
