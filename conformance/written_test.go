package conformance

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/internal/sharedtest"
	"github.com/gaianet-go/gaianet/kernels"
)

// writtenModels are small models of architectures that no shared
// reference covers: the test writes each with the project's GGUF writer
// (tensor names and metadata as llama.cpp's loader expects for the
// architecture, random weights from a fixed seed, the Llama 2
// vocabulary), and llama.cpp ran the same bytes (`llamaref ref`) to make
// testdata/<name>.json; the file's SHA-256 is pinned in
// testdata/<name>.sha256. Loading and running the file in llama.cpp is
// itself part of the check.
var writtenModels = []struct {
	name     string
	arch     string
	parallel bool // stablelm without ffn_norm: attention and feed-forward in parallel
}{
	{"stablelm-seq", "stablelm", false},
	{"stablelm-par", "stablelm", true},
	{"exaone", "exaone", false},
}

// writeSmallModel writes a 2-layer model: for stablelm, LayerNorms with
// biases, q/k/v biases and rope over a quarter of each head, as StableLM 2;
// for exaone, the llama block (RMS norms, no biases, full rope).
func writeSmallModel(t testing.TB, path, arch string, parallel bool) {
	t.Helper()
	const (
		dim, layers, heads, kv, ffn, nv = 128, 2, 4, 2, 256, 32000
		hd                              = dim / heads
	)
	ln := arch == "stablelm"
	var md gguf.Metadata
	md.Set("general.architecture", arch)
	md.Set("general.name", arch+" test")
	md.Set(arch+".context_length", uint32(4096))
	md.Set(arch+".embedding_length", uint32(dim))
	md.Set(arch+".block_count", uint32(layers))
	md.Set(arch+".feed_forward_length", uint32(ffn))
	if ln {
		md.Set(arch+".rope.dimension_count", uint32(hd/4)) // partial rotary, 25% as StableLM 2
	} else {
		md.Set(arch+".rope.dimension_count", uint32(hd))
		md.Set(arch+".rope.freq_base", float32(1e6))
	}
	md.Set(arch+".attention.head_count", uint32(heads))
	md.Set(arch+".attention.head_count_kv", uint32(kv))
	if ln {
		md.Set(arch+".attention.layer_norm_epsilon", float32(1e-5))
	} else {
		md.Set(arch+".attention.layer_norm_rms_epsilon", float32(1e-5))
	}
	setLlama2Vocab(t, &md)
	w := newTensorWriter(rand.New(rand.NewPCG(14, 3)))
	add := w.add
	f32 := gguf.TypeF32
	mat := func(name string, rows, cols uint64) { add(name, f32, math.Sqrt(3/float64(cols)), 0, cols, rows) }
	add("token_embd.weight", gguf.TypeF16, 1, 0, dim, nv)
	add("output_norm.weight", f32, 0.1, 1, dim)
	if ln {
		add("output_norm.bias", f32, 0.1, 0, dim)
	}
	add("output.weight", gguf.TypeF16, math.Sqrt(3/float64(dim)), 0, dim, nv)
	for l := range layers {
		p := fmt.Sprintf("blk.%d.", l)
		add(p+"attn_norm.weight", f32, 0.1, 1, dim)
		if ln {
			add(p+"attn_norm.bias", f32, 0.1, 0, dim)
		}
		mat(p+"attn_q.weight", heads*hd, dim)
		mat(p+"attn_k.weight", kv*hd, dim)
		mat(p+"attn_v.weight", kv*hd, dim)
		if ln {
			add(p+"attn_q.bias", f32, 0.1, 0, heads*hd)
			add(p+"attn_k.bias", f32, 0.1, 0, kv*hd)
			add(p+"attn_v.bias", f32, 0.1, 0, kv*hd)
		}
		mat(p+"attn_output.weight", dim, heads*hd)
		if !parallel {
			add(p+"ffn_norm.weight", f32, 0.1, 1, dim)
			if ln {
				add(p+"ffn_norm.bias", f32, 0.1, 0, dim)
			}
		}
		mat(p+"ffn_gate.weight", ffn, dim)
		mat(p+"ffn_up.weight", ffn, dim)
		mat(p+"ffn_down.weight", dim, ffn)
	}
	if err := gguf.WriteFile(path, md, w.ts); err != nil {
		t.Fatal(err)
	}
}

// setLlama2Vocab copies the shared Llama 2 vocabulary's tokenizer
// metadata into md.
func setLlama2Vocab(t testing.TB, md *gguf.Metadata) {
	t.Helper()
	vocab, err := gguf.Open(sharedtest.Path(t, "conformance", "vocab", "llama2-spm.gguf"))
	if err != nil {
		t.Fatal(err)
	}
	defer vocab.Close()
	for _, e := range vocab.Metadata.KVs() {
		if strings.HasPrefix(e.Key, "tokenizer.") {
			md.Set(e.Key, e.Value)
		}
	}
}

// tensorWriter makes the tensors of a written model: random values from
// r, uniform in offset ± scale, stored as typ (F32, F16, or a type
// kernels.Quantize encodes).
type tensorWriter struct {
	r   *rand.Rand
	ts  []gguf.WriteTensor
	err error
}

func newTensorWriter(r *rand.Rand) *tensorWriter { return &tensorWriter{r: r} }

func (w *tensorWriter) add(name string, typ gguf.TensorType, scale, offset float64, dims ...uint64) {
	n := uint64(1)
	for _, d := range dims {
		n *= d
	}
	v := make([]float32, n)
	for i := range v {
		v[i] = float32(offset + scale*(2*w.r.Float64()-1))
	}
	var b []byte
	switch typ {
	case gguf.TypeF16:
		h := make([]uint16, n)
		kernels.F32ToF16Row(h, v)
		b = make([]byte, 2*n)
		for i, x := range h {
			binary.LittleEndian.PutUint16(b[2*i:], x)
		}
	case gguf.TypeF32:
		b = make([]byte, 4*n)
		for i, x := range v {
			binary.LittleEndian.PutUint32(b[4*i:], math.Float32bits(x))
		}
	default:
		b = make([]byte, typ.RowSize(int(n)))
		if err := kernels.Quantize(typ, v, b); err != nil && w.err == nil {
			w.err = fmt.Errorf("%s: %w", name, err)
		}
	}
	w.ts = append(w.ts, gguf.WriteTensor{Name: name, Dims: dims, Type: typ, Data: b})
}

// TestWrittenModelsMatchLlamaCpp runs the logits check on the models this
// test writes, against llama.cpp's logits for the same files.
func TestWrittenModelsMatchLlamaCpp(t *testing.T) {
	tol := Tolerances{LogitsNRMSEFloat: 0.01, LogitsNRMSEQuantized: 0.06, ArgmaxMargin: 1}
	for _, v := range writtenModels {
		t.Run(v.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), v.name+".gguf")
			if dir := os.Getenv("CONFORMANCE_WRITE_MODELS"); dir != "" {
				// Developer hook: write the model for `llamaref ref`.
				path = filepath.Join(dir, v.name+".gguf")
			}
			writeSmallModel(t, path, v.arch, v.parallel)
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			sum := sha256.Sum256(raw)
			if got, want := hex.EncodeToString(sum[:]), pinnedSHA(t, filepath.Join("testdata", v.name+".sha256")); got != want {
				t.Fatalf("model file has SHA-256 %s, the reference was made from %s", got, want)
			}
			r := CheckLogits(context.Background(), Suite{Kind: "logits", Name: v.name, Model: path, Data: filepath.Join("testdata", v.name+".json")}, tol)
			t.Logf("%s: %s", v.name, r.Summary)
			if !r.Passed {
				t.Fatalf("%s: %s", r.Summary, r.Detail)
			}
		})
	}
}
