package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/gaianet-go/gaianet/vectorstore"
	"github.com/gaianet-go/gaianet/vectorstore/qdrantsnap"
)

// snapshotImport says where a knowledge-base snapshot goes.
type snapshotImport struct {
	collection string // target collection
	model      string // embedding model name, recorded or checked
	dim        int    // embedding dimension to check; 0 skips the check
	scratch    string // where a Qdrant snapshot is unpacked while read
	indent     string // prefix of the lines printed (init nests them)
}

// importSnapshotFile imports the snapshot at path, in Qdrant's format (as
// GaiaNet publishes knowledge bases) or the vector store's own, replacing
// the target collection, with a progress bar on stderr.
func importSnapshotFile(ctx context.Context, env *cmdEnv, store *vectorstore.Store, path string, si snapshotImport) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	bar := newProgressBar(env.stderr, si.indent+"reading "+filepath.Base(path), "B")
	r := &countingReader{r: f, progress: func(n int64) { bar.update(n, st.Size()) }}
	info, qc, err := qdrantsnap.ImportAny(ctx, store, r, qdrantsnap.ImportOptions{
		Options:        qdrantsnap.Options{TempDir: si.scratch},
		Target:         si.collection,
		EmbeddingModel: si.model,
		Dim:            si.dim,
	})
	bar.finish()
	if err != nil {
		return fmt.Errorf("snapshot %s: %w", path, err)
	}
	if qc != nil {
		vec := "unnamed vector"
		if qc.Vector != "" {
			vec = fmt.Sprintf("vector %q", qc.Vector)
		}
		name := "unnamed collection"
		if qc.Name != "" {
			name = fmt.Sprintf("collection %q", qc.Name)
		}
		fmt.Fprintf(env.stdout, si.indent+"Qdrant snapshot: %s, %d segments, %s, %d dimensions, %s distance\n",
			name, qc.Segments, vec, qc.Dim, qc.Distance)
		if qc.WithoutVector > 0 {
			fmt.Fprintf(env.stdout, si.indent+"left out %d points that have no %s\n", qc.WithoutVector, vec)
		}
	}
	fmt.Fprintf(env.stdout, si.indent+"imported %d points into collection %q\n", info.Points, info.Name)
	return nil
}

// pointStore is a vector store that points can be loaded into one batch at
// a time: an external Qdrant cluster (or, in tests, the embedded store).
type pointStore interface {
	DeleteCollection(ctx context.Context, name string) (bool, error)
	CreateCollection(ctx context.Context, name string, cfg vectorstore.CollectionConfig) error
	Upsert(ctx context.Context, collection string, points []vectorstore.Point) error
}

// upsertBatch is how many points go to an external store per request.
const upsertBatch = 256

// loadQdrantSnapshot reads the Qdrant snapshot at path and loads its points
// into store batch by batch, replacing the target collection. Unlike the
// embedded store's import it is not one atomic step: a failure part way
// leaves the collection partly loaded, and says so.
func loadQdrantSnapshot(ctx context.Context, env *cmdEnv, store pointStore, path string, si snapshotImport) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	if !qdrantsnap.Detect(head[:n]) {
		return fmt.Errorf("snapshot %s: an external vector store takes Qdrant snapshots only; import this one into the embedded store", path)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	c, err := qdrantsnap.Read(ctx, f, qdrantsnap.Options{TempDir: si.scratch})
	if err != nil {
		return fmt.Errorf("snapshot %s: %w", path, err)
	}
	if si.dim != 0 && si.dim != c.Dim {
		return fmt.Errorf("snapshot %s: %w: Qdrant snapshot vectors have dimension %d, the embedding model %d", path, vectorstore.ErrMismatch, c.Dim, si.dim)
	}
	if _, err := store.DeleteCollection(ctx, si.collection); err != nil {
		return fmt.Errorf("snapshot: replacing collection %q: %w", si.collection, err)
	}
	cfg := vectorstore.CollectionConfig{Dim: c.Dim, Distance: c.Distance, EmbeddingModel: si.model}
	if err := store.CreateCollection(ctx, si.collection, cfg); err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	bar := newProgressBar(env.stderr, si.indent+"loading "+filepath.Base(path), "points")
	for i := 0; i < len(c.Points); i += upsertBatch {
		batch := c.Points[i:min(i+upsertBatch, len(c.Points))]
		if err := store.Upsert(ctx, si.collection, batch); err != nil {
			bar.finish()
			return fmt.Errorf("snapshot: loaded %d of %d points into %q, then: %w", i, len(c.Points), si.collection, err)
		}
		bar.update(int64(i+len(batch)), int64(len(c.Points)))
	}
	bar.finish()
	fmt.Fprintf(env.stdout, si.indent+"loaded %d points into collection %q\n", len(c.Points), si.collection)
	return nil
}

// countingReader reports how many bytes have been read through it.
type countingReader struct {
	r        io.Reader
	n        int64
	progress func(n int64)
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	c.progress(c.n)
	return n, err
}
