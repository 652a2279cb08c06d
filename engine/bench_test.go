package engine

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/gaianet-go/gaianet/model/modeltest"
)

func TestBench(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.gguf")
	if err := modeltest.Write(path, modeltest.Spec{Seed: 3}); err != nil {
		t.Fatal(err)
	}
	r, err := Bench(context.Background(), path, 1, 16, 4, 3, false)
	if err != nil {
		t.Fatal(err)
	}
	if !(r.Prefill > 0 && r.Decode > 0 && r.Aggregate > 0) || r.Parallel != 3 {
		t.Fatalf("result %+v", r)
	}
	if _, err := Bench(context.Background(), path, 1, 0, 4, 1, false); err == nil {
		t.Error("Bench with no prompt succeeded")
	}
}
