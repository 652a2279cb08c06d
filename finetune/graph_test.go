package finetune

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/internal/sharedtest"
	"github.com/gaianet-go/gaianet/model"
)

// loadNet binds a conformance model for training with random LoRA pairs
// (B too, so that every gradient is non-zero).
func loadNet(t *testing.T, name string, rank int, seed uint64) *net {
	t.Helper()
	f, err := gguf.Open(sharedtest.Model(t, name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	m, err := model.Load(f.Metadata, f)
	if err != nil {
		t.Fatal(err)
	}
	nt, err := newNet(m, rank, float32(rank), 2, seed)
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(seed, 9))
	for _, lps := range nt.lora {
		for _, p := range lps {
			for i := range p.b {
				p.b[i] = float32(r.NormFloat64() * 0.05)
			}
		}
	}
	return nt
}

func lossOf(nt *net, toks []int32, mask []bool) float64 {
	l, _, _ := lossGrad(nt.forward(toks), mask, nt.cfg.Vocab)
	return l
}

// TestGradientsFiniteDifference checks the LoRA gradients of every
// projection of every block (so the backward pass of each block's norm,
// attention with rope, SwiGLU and residuals, and of the output) against
// central finite differences of the masked loss.
func TestGradientsFiniteDifference(t *testing.T) {
	for _, name := range []string{"llama-spm-tiny-f16.gguf", "llama-spm-q4_k_m.gguf"} {
		nt := loadNet(t, name, 4, 3)
		toks := []int32{1, 450, 4996, 17354, 1701, 29916, 432, 17204, 975, 278}
		mask := []bool{false, false, false, false, true, true, true, false, true, true}
		f := nt.forward(toks)
		_, dl, _ := lossGrad(f, mask, nt.cfg.Vocab)
		nt.backward(f, dl)
		r := rand.New(rand.NewPCG(5, 5))
		const eps = 1e-2
		worst := 0.0
		for l := range nt.lora {
			for p, lp := range nt.lora[l] {
				for _, which := range []string{"A", "B"} {
					w, g := lp.a, lp.ga
					if which == "B" {
						w, g = lp.b, lp.gb
					}
					for range 2 {
						i := r.IntN(len(w))
						old := w[i]
						w[i] = old + eps
						up := lossOf(nt, toks, mask)
						w[i] = old - eps
						down := lossOf(nt, toks, mask)
						w[i] = old
						fd := (up - down) / (2 * eps)
						got := float64(g[i])
						err := math.Abs(got - fd)
						if err > 0.03*max(math.Abs(got), math.Abs(fd))+2e-4 {
							t.Errorf("%s block %d %v %s[%d]: gradient %.6g, finite difference %.6g", name, l, model.Projection(p), which, i, got, fd)
						}
						worst = max(worst, err/(math.Abs(fd)+1e-3))
					}
				}
			}
		}
		t.Logf("%s: worst relative gradient error %.4f", name, worst)
	}
}
