package ingest

import (
	"crypto/sha256"
	"encoding/hex"
)

// Chunk is one retrievable piece of a document.
type Chunk struct {
	// Text is what the knowledge base stores and hands to the LLM as
	// context.
	Text string `json:"text"`
	// EmbedText is what gets embedded. It equals Text except for CSV
	// records read in CSVGaiaNet mode with a second column (column 1 is
	// stored, column 2 is embedded). It is never empty when Text is not.
	EmbedText string `json:"embed_text"`
	// Source names the input: a file path as given or found by the walk, or
	// a URL.
	Source string `json:"source"`
	// Heading is the path of headings above the chunk, outermost first, in
	// Markdown notation: "# Guide > ## Install". Empty for formats without
	// headings.
	Heading string `json:"heading,omitempty"`
	// Index is the chunk's position in its document, from 0.
	Index int `json:"index"`
	// Hash is the hex SHA-256 of the chunk (see ChunkHash), usable as a
	// stable id for the chunk's content.
	Hash string `json:"hash"`
}

// Document is one ingested input and its chunks in document order.
type Document struct {
	// Source names the input, as in Chunk.Source.
	Source string `json:"source"`
	// Format is the parser that read the input.
	Format Format `json:"format"`
	// Hash is the hex SHA-256 of the raw input bytes (see HashContent). A
	// caller compares it with the hash it stored for Source to decide
	// whether the input changed.
	Hash string `json:"hash"`
	// Chunks are the document's chunks, Chunks[i].Index == i.
	Chunks []Chunk `json:"chunks"`
}

// HashContent returns the hex SHA-256 of raw input bytes: the value of
// Document.Hash and the value passed to Ingester.Skip.
func HashContent(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// ChunkHash returns the hex SHA-256 of a chunk's text, followed, when the
// embedded text differs, by a NUL byte and the embedded text.
func ChunkHash(text, embedText string) string {
	h := sha256.New()
	h.Write([]byte(text))
	if embedText != text {
		h.Write([]byte{0})
		h.Write([]byte(embedText))
	}
	return hex.EncodeToString(h.Sum(nil))
}
