package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/vectorstore"
)

// qdrantFixture is a snapshot made by Qdrant 1.3: 98 points of one unnamed
// 256-dimensional vector.
const qdrantFixture = "../../vectorstore/qdrantsnap/testdata/qdrant-1.3-unnamed-vector.snapshot.gz"

// failingStore fails every Upsert after the first ok ones.
type failingStore struct {
	*vectorstore.Store
	ok int
}

func (f *failingStore) Upsert(ctx context.Context, c string, pts []vectorstore.Point) error {
	if f.ok == 0 {
		return errors.New("connection reset")
	}
	f.ok--
	return f.Store.Upsert(ctx, c, pts)
}

// TestLoadQdrantSnapshot loads a Qdrant snapshot batch by batch, the path
// taken for an external Qdrant cluster, here into the embedded store.
func TestLoadQdrantSnapshot(t *testing.T) {
	ctx := context.Background()
	store, err := vectorstore.Open(ctx, t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	var out, errb bytes.Buffer
	env := &cmdEnv{stdout: &out, stderr: &errb}
	si := snapshotImport{collection: "default", model: "bert", scratch: t.TempDir()}

	si.dim = 768
	if err := loadQdrantSnapshot(ctx, env, store, qdrantFixture, si); !errors.Is(err, vectorstore.ErrMismatch) {
		t.Fatalf("dimension 768: %v", err)
	}
	si.dim = 256
	if err := loadQdrantSnapshot(ctx, env, &failingStore{Store: store}, qdrantFixture, si); err == nil || !strings.Contains(err.Error(), "loaded 0 of 98 points") {
		t.Fatalf("failing store: %v", err)
	}
	if err := loadQdrantSnapshot(ctx, env, store, qdrantFixture, si); err != nil {
		t.Fatal(err)
	}
	if n, err := store.Count(ctx, "default", nil); err != nil || n != 98 {
		t.Fatalf("count = %d, %v", n, err)
	}
	if !strings.Contains(out.String(), `loaded 98 points into collection "default"`) {
		t.Errorf("output: %s", out.String())
	}
	// The store's own snapshots cannot go this way.
	var own bytes.Buffer
	if err := store.ExportSnapshot(ctx, "default", &own); err != nil {
		t.Fatal(err)
	}
	p := t.TempDir() + "/own.snapshot"
	if err := os.WriteFile(p, own.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := loadQdrantSnapshot(ctx, env, store, p, si); err == nil || !strings.Contains(err.Error(), "Qdrant snapshots only") {
		t.Fatalf("own format: %v", err)
	}
}
