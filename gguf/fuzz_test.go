package gguf

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse feeds hostile bytes to the decoder: it must return an error or a
// file whose every tensor lies inside the data, never panic.
func FuzzParse(f *testing.F) {
	md, ts := sampleFile(f)
	f.Add(encode(f, md, ts))
	f.Add(encode(f, NewMetadata(), ts[:1]))
	f.Add(encode(f, md, nil))
	seeds, _ := filepath.Glob(filepath.Join("testdata", "fuzz-seed-*.gguf"))
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Parse(data)
		if err != nil {
			return
		}
		for i := range file.Tensors {
			ti := &file.Tensors[i]
			if uint64(len(file.TensorData(ti))) != ti.Size {
				t.Fatalf("tensor %q size mismatch", ti.Name)
			}
		}
	})
}
