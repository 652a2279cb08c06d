package model

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"testing"

	"github.com/gaianet-go/gaianet/internal/sharedtest"

	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/kernels"
)

type refCase struct {
	Name       string    `json:"name"`
	Tokens     []int32   `json:"tokens"`
	LastLogits []float32 `json:"last_logits"`
	Top        [][]struct {
		ID    int32   `json:"id"`
		Logit float32 `json:"logit"`
	} `json:"top"`
}

// TestReferenceLogits runs each tiny model over the reference prompts and
// compares the last position's logits with llama.cpp's.
func TestReferenceLogits(t *testing.T) {
	for _, tc := range []struct {
		model string
		kv    gguf.TensorType
		tol   float64
	}{
		{"llama-spm-tiny-f16", gguf.TypeF16, 0.01},
		{"llama-spm-q8_0", gguf.TypeF16, 0.06},
		{"llama-spm-q4_0", gguf.TypeF16, 0.06},
		{"llama-spm-q4_k_m", gguf.TypeF16, 0.06},
		{"qwen2-spm-q6_k", gguf.TypeF16, 0.06},
		// A Q8_0 cache adds quantization noise but must stay in bounds.
		{"llama-spm-tiny-f16", gguf.TypeQ8_0, 0.03},
		{"llama-spm-q8_0", gguf.TypeQ8_0, 0.06},
	} {
		t.Run(tc.model+"/kv="+tc.kv.String(), func(t *testing.T) {
			f, err := gguf.Open(sharedtest.Model(t, tc.model+".gguf"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			m, err := Load(f.Metadata, f)
			if err != nil {
				t.Fatal(err)
			}
			raw, err := os.ReadFile(sharedtest.Path(t, "conformance", "logits", tc.model+".json"))
			if err != nil {
				t.Fatal(err)
			}
			var ref struct {
				Cases []refCase `json:"cases"`
			}
			if err := json.Unmarshal(raw, &ref); err != nil {
				t.Fatal(err)
			}
			st := NewState(m, 64, 128, 2)
			defer st.Close()
			c, err := NewCache(m, 1, 128, tc.kv)
			if err != nil {
				t.Fatal(err)
			}
			for _, rc := range ref.Cases {
				n := len(rc.Tokens)
				b := Batch{Tokens: rc.Tokens, Pos: make([]int32, n), Slot: make([]int32, n), Logits: make([]bool, n)}
				for i := range n {
					b.Pos[i] = int32(i)
					b.Logits[i] = true
				}
				logits, err := m.Forward(context.Background(), st, c, b)
				if err != nil {
					t.Fatal(err)
				}
				v := m.Config.Vocab
				last := logits[(n-1)*v : n*v]
				if e := nrmse(last, rc.LastLogits); e > tc.tol {
					t.Errorf("%s: nrmse %.4f > %.4f", rc.Name, e, tc.tol)
				} else {
					t.Logf("%s: nrmse %.4f", rc.Name, e)
				}
				for i := range n {
					top := rc.Top[i]
					if top[0].Logit-top[1].Logit < 1 {
						continue
					}
					if got := kernels.Argmax(logits[i*v : (i+1)*v]); int32(got) != top[0].ID {
						t.Errorf("%s: position %d argmax %d, want %d", rc.Name, i, got, top[0].ID)
					}
				}
			}
		})
	}
}

func nrmse(got, want []float32) float64 {
	var mean float64
	for _, w := range want {
		mean += float64(w)
	}
	mean /= float64(len(want))
	var se, vr float64
	for i, w := range want {
		d := float64(got[i]) - float64(w)
		se += d * d
		dv := float64(w) - mean
		vr += dv * dv
	}
	return math.Sqrt(se/float64(len(want))) / math.Sqrt(vr/float64(len(want)))
}
