// Package ingest owns document ingestion for a node's knowledge base: it
// reads inputs, extracts clean text with its structure, and cuts it into
// chunks ready to be embedded and stored.
//
// Inputs are files, directories (walked recursively) and http(s) URLs.
// Parsers exist for plain text (ParseText), Markdown split by headings with
// fenced code kept whole (ParseMarkdown), CSV with one record per chunk
// keeping every column under its header name, or GaiaNet's two-column rule
// when asked (ParseCSV),
// PDF (ParsePDF) and HTML reduced to its readable text (ParseHTML). Each
// yields Sections of Blocks; a Chunker packs them into token-bounded Chunks
// with overlap, counting tokens through the TokenCounter interface. An
// Ingester ties it together: it expands inputs, fetches URLs (Fetcher),
// picks the parser (DetectFormat), reports progress through a callback, and
// returns one Result per input, going on past inputs that fail.
//
// # Dedup and updates
//
// Every Document carries Hash, the SHA-256 of its raw bytes, and every Chunk
// a Hash of its text. The intended flow for a caller that keeps a vector
// store across runs:
//
//  1. Store, for each source, the Document.Hash it was last ingested from.
//  2. Set Ingester.Skip to report whether the stored hash for a source
//     equals the hash it is given; unchanged inputs are then neither parsed
//     nor chunked and come back with Result.Skipped set.
//  3. For each Result with a Doc, delete every chunk stored for Doc.Source,
//     insert Doc.Chunks, and store Doc.Hash for the source. A Result with
//     Err leaves the source's old chunks in place.
//  4. Sources stored earlier that appear in no Result were removed (or
//     moved) since; the caller may delete their chunks.
//
// Chunk.Hash can further key an embedding cache, so that a changed
// document's unchanged chunks need not be embedded again.
//
// The package does no logging; errors start with "ingest:" and a failing
// input's error is an *InputError naming it.
//
// It imports only egress from this module.
package ingest
