// Package kb manages a node's knowledge base: it ingests documents into a
// vector-store collection (parse, chunk, embed, upsert), skips inputs whose
// content has not changed, replaces the chunks of inputs that have, and
// answers searches.
//
// Each chunk is a point whose payload follows GaiaNet's convention (the
// chunk text under "source") plus the document it came from ("file"), its
// heading path, the document's content hash ("hash") and its position
// ("index"). Point ids are UUIDs derived from the document and the chunk
// position, so re-ingesting the same file writes the same ids.
//
// It must not import node, api or engine.
package kb
