package model

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/kernels"
)

// TestAbsorbBatchInvariant checks latent attention's absorbed queries
// (absorbTask) for batches of 1 to 14 tokens against each token alone, bit
// for bit (whole tiles of tokens take kernels.MulF32, the others the axpy
// loop), and against the product in float64 within rounding; for F16 and
// Q8_0 key expansions, with kv_lora_rank a multiple of 16 and not.
func TestAbsorbBatchInvariant(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for _, typ := range []gguf.TensorType{gguf.TypeF16, gguf.TypeQ8_0} {
		for _, kvlora := range []int{64, 96} {
			a := &MLAConfig{KVLoRA: kvlora, Nope: 24, Rope: 8, VDim: 16}
			heads, maxN := 3, 14
			per, kd, hd := a.Nope+a.VDim, a.Nope+a.Rope, a.Rope+a.KVLoRA
			vals := make([]float32, heads*per*kvlora)
			for i := range vals {
				vals[i] = float32(r.NormFloat64())
			}
			data := make([]byte, typ.RowSize(kvlora)*heads*per)
			if err := kernels.Quantize(typ, vals, data); err != nil {
				t.Fatal(err)
			}
			kvb := &Weight{Name: "kv_b", Type: typ, Rows: heads * per, Cols: kvlora, Data: data}
			deq := make([]float32, len(vals))
			if err := kernels.Dequantize(typ, data, deq); err != nil {
				t.Fatal(err)
			}
			qf := make([]float32, maxN*heads*kd)
			for i := range qf {
				qf[i] = float32(r.NormFloat64())
			}
			run := func(qf []float32, n int) []float32 {
				c := &Config{Heads: heads, MLA: a}
				s := newMLAScratch(c, n, 2)
				ab := &s.ab
				ab.kvb, ab.n, ab.qf, ab.q = kvb, n, qf, make([]float32, n*heads*hd)
				pool := kernels.NewPool(2)
				defer pool.Close()
				pool.Parallel(len(ab.bufs), ab.fn)
				for _, err := range ab.errs {
					if err != nil {
						t.Fatal(err)
					}
				}
				return ab.q
			}
			alone := make([][]float32, maxN)
			for i := range maxN {
				alone[i] = run(qf[i*heads*kd:(i+1)*heads*kd], 1)
				for hh := range heads {
					for j := range kvlora {
						var want float64
						for rr := range a.Nope {
							want += float64(qf[(i*heads+hh)*kd+rr]) * float64(deq[(hh*per+rr)*kvlora+j])
						}
						got := alone[i][hh*hd+a.Rope+j]
						if math.Abs(float64(got)-want) > 1e-4*(math.Abs(want)+1) {
							t.Fatalf("%v kv_lora %d: token %d head %d value %d = %v, want %v", typ, kvlora, i, hh, j, got, want)
						}
					}
				}
			}
			for n := 1; n <= maxN; n++ {
				q := run(qf[:n*heads*kd], n)
				for i := range n {
					for hh := range heads {
						for j := a.Rope; j < hd; j++ {
							got, want := q[(i*heads+hh)*hd+j], alone[i][hh*hd+j]
							if math.Float32bits(got) != math.Float32bits(want) {
								t.Fatalf("%v kv_lora %d: token %d of %d, head %d value %d = %v, alone %v", typ, kvlora, i, n, hh, j, got, want)
							}
						}
					}
				}
			}
		}
	}
}
