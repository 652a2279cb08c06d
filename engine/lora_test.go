package engine

import (
	"context"
	"errors"
	"math"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/gaianet-go/gaianet/internal/sharedtest"
)

// rowRecorder is a greedy Sampler that keeps every logits row it sees, bit
// for bit.
type rowRecorder struct{ rows [][]uint32 }

func (r *rowRecorder) Sample(row []float32) int32 {
	bits := make([]uint32, len(row))
	for i, v := range row {
		bits[i] = math.Float32bits(v)
	}
	r.rows = append(r.rows, bits)
	return argmax(row)
}

func (r *rowRecorder) Accept(int32) {}

func genRows(t *testing.T, e *Engine, prompt []int32, lora []float32) [][]uint32 {
	t.Helper()
	rec := &rowRecorder{}
	_, err := e.Generate(context.Background(), Request{Prompt: prompt, MaxTokens: 6, Sampler: rec, LoRA: lora}, func(Token) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	return rec.rows
}

func equalRows(a, b [][]uint32) bool {
	return slices.EqualFunc(a, b, func(x, y []uint32) bool { return slices.Equal(x, y) })
}

// TestLoRAPerRequest checks adapter selection per request: scale 0 is the
// base model bit for bit; requests with different adapters batched
// together, or following each other in a slot with the same prompt, get
// exactly what they get alone.
func TestLoRAPerRequest(t *testing.T) {
	mpath := sharedtest.Model(t, "llama-spm-q8_0.gguf")
	apath := sharedtest.Path(t, "conformance", "lora", "llama-spm-lora-r8.gguf")
	base, err := Load(mpath, Options{Threads: 2, CtxSize: 64, Parallel: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer base.Close()
	e, err := Load(mpath, Options{Threads: 2, CtxSize: 64, Parallel: 4, LoRA: []LoRAFile{{Path: apath, Scale: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	prompt := []int32{1, 450, 4996, 17354, 1701, 29916, 432, 17204}

	want0 := genRows(t, base, prompt, nil)
	if got := genRows(t, e, prompt, []float32{0}); !equalRows(got, want0) {
		t.Fatal("adapter at scale 0 differs from the base model")
	}
	wantA := genRows(t, e, prompt, nil)
	wantHalf := genRows(t, e, prompt, []float32{0.5})
	if equalRows(wantA, want0) || equalRows(wantA, wantHalf) {
		t.Fatal("the adapter or its scale changes nothing")
	}
	// Same prompt right after another adapter's run in the same slots:
	// the cached prefix must not be reused across adapters.
	if got := genRows(t, e, prompt, []float32{0}); !equalRows(got, want0) {
		t.Error("base after adapter reused the adapter's cache")
	}

	cases := [][]float32{nil, {0}, {0.5}, nil, {0}, {0.5}, {1}, {0}}
	want := [][][]uint32{wantA, want0, wantHalf, wantA, want0, wantHalf, wantA, want0}
	got := make([][][]uint32, len(cases))
	var wg sync.WaitGroup
	for i, sc := range cases {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = genRows(t, e, prompt, sc)
		}()
	}
	wg.Wait()
	for i := range cases {
		if !equalRows(got[i], want[i]) {
			t.Errorf("request %d (scales %v) batched with others differs from alone", i, cases[i])
		}
	}

	// The default scales.
	if err := e.SetLoRAScales([]float32{0.5}); err != nil {
		t.Fatal(err)
	}
	if got := genRows(t, e, prompt, nil); !equalRows(got, wantHalf) {
		t.Error("default scale 0.5 differs from the per-request scale 0.5")
	}
	if info := e.LoRA(); len(info) != 1 || info[0].Scale != 0.5 || info[0].Path != apath {
		t.Errorf("LoRA() = %+v", info)
	}
	for _, bad := range [][]float32{{}, {1, 1}, {float32(math.NaN())}, {1e9}} {
		_, err := e.Generate(context.Background(), Request{Prompt: prompt, LoRA: bad}, func(Token) error { return nil })
		if !errors.Is(err, ErrRequest) {
			t.Errorf("scales %v: err %v, want ErrRequest", bad, err)
		}
		if err := e.SetLoRAScales(bad); !errors.Is(err, ErrRequest) {
			t.Errorf("SetLoRAScales(%v): err %v", bad, err)
		}
	}
}

// TestLoRALoadErrors: files that are not adapters for the model fail to
// load with a message naming the problem.
func TestLoRALoadErrors(t *testing.T) {
	mpath := sharedtest.Model(t, "llama-spm-q8_0.gguf")
	apath := sharedtest.Path(t, "conformance", "lora", "llama-spm-lora-r8.gguf")
	for _, c := range []struct {
		name string
		lora []LoRAFile
	}{
		{"a model, not an adapter", []LoRAFile{{Path: mpath, Scale: 1}}},
		{"another shape", []LoRAFile{{Path: apath, Scale: 1}}},
		{"missing", []LoRAFile{{Path: "/nonexistent.gguf", Scale: 1}}},
		{"bad scale", []LoRAFile{{Path: apath, Scale: float32(math.Inf(1))}}},
	} {
		m := mpath
		if c.name == "another shape" {
			m = sharedtest.Model(t, "llama-spm-tiny-f16.gguf")
		}
		e, err := Load(m, Options{Threads: 1, CtxSize: 16, LoRA: c.lora})
		if err == nil {
			e.Close()
			t.Errorf("%s: loaded", c.name)
			continue
		}
		t.Logf("%s: %v", c.name, err)
	}
}

func TestParseLoRA(t *testing.T) {
	for _, c := range []struct {
		in    string
		path  string
		scale float32
		bad   bool
	}{
		{"a.gguf", "a.gguf", 1, false},
		{"a.gguf:0.5", "a.gguf", 0.5, false},
		{"C:\\x\\a.gguf", "C:\\x\\a.gguf", 1, false},
		{"dir:x/a.gguf:-2", "dir:x/a.gguf", -2, false},
		{":1", "", 0, true},
		{"", "", 0, true},
		{"a.gguf:NaN", "", 0, true},
		{"a.gguf:1e9", "", 0, true},
	} {
		lf, err := ParseLoRA(c.in)
		if (err != nil) != c.bad || !c.bad && (lf.Path != c.path || lf.Scale != c.scale) {
			t.Errorf("ParseLoRA(%q) = %+v, %v", c.in, lf, err)
		}
	}
}

func FuzzParseLoRA(f *testing.F) {
	for _, s := range []string{"a.gguf", "a:1", "a:b:0.5", ":", "x:inf", "x:-0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lf, err := ParseLoRA(s)
		if err != nil {
			return
		}
		if lf.Path == "" || checkScale(lf.Scale) != nil || !strings.HasPrefix(s, lf.Path) {
			t.Fatalf("ParseLoRA(%q) = %+v", s, lf)
		}
	})
}
