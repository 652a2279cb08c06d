package kernels

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/gaianet-go/gaianet/gguf"
)

// TestMatMulShared checks that MatMulShared gives bit for bit the results
// of one MatMul per matrix, for runs of matrices that share an activation
// format and for runs that switch between formats.
func TestMatMulShared(t *testing.T) {
	seqs := [][]gguf.TensorType{
		{gguf.TypeQ4_0, gguf.TypeQ4_0, gguf.TypeQ4_0},
		{gguf.TypeQ4_K, gguf.TypeQ4_K, gguf.TypeQ6_K},
		{gguf.TypeQ4_0, gguf.TypeQ8_0, gguf.TypeQ4_K, gguf.TypeQ6_K, gguf.TypeQ5_0},
		{gguf.TypeF16, gguf.TypeQ4_1, gguf.TypeQ5_1, gguf.TypeF32, gguf.TypeQ4_K},
		{gguf.TypeF16, gguf.TypeF16, gguf.TypeF16},
		{gguf.TypeBF16, gguf.TypeBF16, gguf.TypeF32, gguf.TypeF32},
	}
	pools := map[string]*Pool{"1": NewPool(1), "3": NewPool(3)}
	gen := NewPool(2)
	gen.ks = genericKernels
	pools["generic"] = gen
	inv := NewPool(2)
	inv.SetBatchInvariant(true)
	pools["invariant"] = inv
	defer func() {
		for _, p := range pools {
			p.Close()
		}
	}()
	const cols = 512
	for si, seq := range seqs {
		for _, batch := range []int{1, 3, 4, 9, 40} {
			for name, p := range pools {
				t.Run(fmt.Sprintf("seq%d/batch%d/pool%s", si, batch, name), func(t *testing.T) {
					r := rand.New(rand.NewPCG(uint64(si), uint64(batch)))
					x := normals(r, batch*cols)
					ops := make([]MatMulOp, len(seq))
					want := make([][]float32, len(seq))
					for i, typ := range seq {
						rows := 17 + 8*i
						w := randomWeights(r, typ, rows, cols)
						ops[i] = MatMulOp{Type: typ, W: w, Rows: rows, Out: make([]float32, batch*rows)}
						want[i] = make([]float32, batch*rows)
						MatMul(p, typ, w, rows, cols, x, batch, want[i])
					}
					MatMulShared(p, x, batch, cols, ops)
					for i, o := range ops {
						for j, v := range o.Out {
							if math.Float32bits(v) != math.Float32bits(want[i][j]) {
								t.Fatalf("op %d (%v) out[%d] = %v, MatMul gives %v", i, o.Type, j, v, want[i][j])
							}
						}
					}
				})
			}
		}
	}
}

func TestMatMulSharedNoAlloc(t *testing.T) {
	p := NewPool(2)
	defer p.Close()
	r := rand.New(rand.NewPCG(3, 4))
	const cols, batch = 256, 4
	x := normals(r, batch*cols)
	// One job (one activation format) and one job per matrix (two).
	for _, types := range [][]gguf.TensorType{{gguf.TypeQ4_0, gguf.TypeQ4_0, gguf.TypeQ8_0}, {gguf.TypeQ4_0, gguf.TypeQ4_0, gguf.TypeQ4_K}} {
		ops := []MatMulOp{}
		for _, typ := range types {
			ops = append(ops, MatMulOp{Type: typ, W: randomWeights(r, typ, 64, cols), Rows: 64, Out: make([]float32, batch*64)})
		}
		MatMulShared(p, x, batch, cols, ops)
		if n := testing.AllocsPerRun(20, func() { MatMulShared(p, x, batch, cols, ops) }); n != 0 {
			t.Errorf("MatMulShared(%v) allocates %v times per call", types, n)
		}
	}
}

func TestMatMulSharedPanics(t *testing.T) {
	p := NewPool(1)
	defer p.Close()
	defer func() {
		if recover() == nil {
			t.Error("MatMulShared with a short output did not panic")
		}
	}()
	w := make([]byte, gguf.TypeQ8_0.RowSize(32)*2)
	MatMulShared(p, make([]float32, 32), 1, 32, []MatMulOp{{Type: gguf.TypeQ8_0, W: w, Rows: 2, Out: make([]float32, 1)}})
}
