package kernels

import (
	"math"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/gaianet-go/gaianet/internal/sharedtest"

	"github.com/gaianet-go/gaianet/gguf"
)

// TestMatMulRealModels runs MatMul on the weight matrices of the
// conformance models, quantized by llama.cpp, and compares with a float64
// product of Dequantize'd weights and reference-quantized activations.
func TestMatMulRealModels(t *testing.T) {
	models, err := filepath.Glob(filepath.Join(sharedtest.Path(t), "conformance", "models", "*.gguf"))
	if err != nil || len(models) == 0 {
		sharedtest.Missing(t, "no conformance models (*.gguf) in ../shared/conformance/models")
	}
	p := NewPool(2)
	defer p.Close()
	r := rand.New(rand.NewPCG(3, 3))
	seen := map[gguf.TensorType]bool{}
	for _, path := range models {
		f, err := gguf.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		for i := range f.Tensors {
			ti := &f.Tensors[i]
			if len(ti.Dims) != 2 || !Supported(ti.Type) {
				continue
			}
			cols, rows := ti.Dim(0), min(ti.Dim(1), 48)
			w := f.TensorData(ti)[:rows*ti.Type.RowSize(cols)]
			seen[ti.Type] = true
			checkMatMulRef(t, p, r, ti.Type, w, rows, cols, filepath.Base(path)+" "+ti.Name)
		}
		f.Close()
	}
	t.Logf("types checked: %v", seen)
}

// checkMatMulRef runs MatMul on rows x cols weights w of type typ, with
// batches of one and five random columns, against the dequantized weights
// times the activations rounded as the kernels round them (refActs).
func checkMatMulRef(t *testing.T, p *Pool, r *rand.Rand, typ gguf.TensorType, w []byte, rows, cols int, name string) {
	t.Helper()
	wf := make([]float32, rows*cols)
	if err := Dequantize(typ, w, wf); err != nil {
		t.Fatal(err)
	}
	for _, batch := range []int{1, 5} {
		x := make([]float32, batch*cols)
		for j := range x {
			x[j] = float32(r.NormFloat64())
		}
		out := make([]float32, batch*rows)
		MatMul(p, typ, w, rows, cols, x, batch, out)
		for b := 0; b < batch; b++ {
			xa := refActs(typ, x[b*cols:(b+1)*cols])
			for rr := 0; rr < rows; rr++ {
				want, mag := refRowDot(wf[rr*cols:(rr+1)*cols], xa)
				got := float64(out[b*rows+rr])
				if math.Abs(got-want) > 2e-5*mag+1e-6 {
					t.Fatalf("%s (%v) batch %d row %d: got %v, want %v", name, typ, batch, rr, got, want)
				}
			}
		}
	}
}
