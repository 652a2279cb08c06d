package qdrantsnap

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"

	"github.com/gaianet-go/gaianet/vectorstore"
)

// Detect reports whether head, the first bytes of a file (512 or more for
// a reliable answer), looks like a Qdrant snapshot: a gzip stream or a tar
// archive. The vector store's own snapshots start with "GAIAVSNP" and are
// never mistaken for one.
func Detect(head []byte) bool {
	if len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b {
		return true
	}
	// POSIX and GNU tar headers carry "ustar" at offset 257.
	return len(head) >= 262 && bytes.Equal(head[257:262], []byte("ustar"))
}

// ImportOptions controls Import.
type ImportOptions struct {
	Options
	// Target is the vector store collection to create or replace; empty
	// means the name Qdrant gave the collection.
	Target string
	// EmbeddingModel names the model the vectors are expected to come from.
	// Qdrant snapshots do not record it, so it is recorded on the imported
	// collection; the store's own snapshots do, and ImportAny checks it.
	EmbeddingModel string
	// Dim, when set, must equal the snapshot's vector size.
	Dim int
}

// Import reads the Qdrant snapshot r and makes its points the whole content
// of a collection of store, with Qdrant's vector size and distance. Nothing
// changes when reading fails. It returns the collection as stored and what
// was read.
func Import(ctx context.Context, store *vectorstore.Store, r io.Reader, opts ImportOptions) (vectorstore.CollectionInfo, *Collection, error) {
	c, err := Read(ctx, r, opts.Options)
	if err != nil {
		return vectorstore.CollectionInfo{}, nil, err
	}
	name := opts.Target
	if name == "" {
		name = c.Name
	}
	if name == "" {
		return vectorstore.CollectionInfo{}, c, fmt.Errorf("qdrantsnap: the snapshot does not name its collection; name the target")
	}
	if opts.Dim != 0 && opts.Dim != c.Dim {
		return vectorstore.CollectionInfo{}, c, fmt.Errorf("%w: Qdrant snapshot vectors have dimension %d, the embedding model %d", vectorstore.ErrMismatch, c.Dim, opts.Dim)
	}
	cfg := vectorstore.CollectionConfig{Dim: c.Dim, Distance: c.Distance, EmbeddingModel: opts.EmbeddingModel}
	if c.Name != "" {
		cfg.Metadata = map[string]string{"qdrant_collection": c.Name}
	}
	info, err := store.ReplaceCollection(ctx, name, cfg, c.Points)
	if err != nil {
		return vectorstore.CollectionInfo{}, c, fmt.Errorf("qdrantsnap: import into %q: %w", name, err)
	}
	return info, c, nil
}

// ImportAny imports a snapshot in either format, told apart by its first
// bytes: Qdrant's (with Import) or the vector store's own (with
// Store.ImportSnapshot). opts.Target, EmbeddingModel and Dim apply to both.
// The returned Collection is nil for the store's own format.
func ImportAny(ctx context.Context, store *vectorstore.Store, r io.Reader, opts ImportOptions) (vectorstore.CollectionInfo, *Collection, error) {
	br := bufio.NewReaderSize(r, 4096)
	head, _ := br.Peek(512)
	if Detect(head) {
		return Import(ctx, store, br, opts)
	}
	info, err := store.ImportSnapshot(ctx, br, vectorstore.ImportOptions{Collection: opts.Target, EmbeddingModel: opts.EmbeddingModel, Dim: opts.Dim})
	return info, nil, err
}
