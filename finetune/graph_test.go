package finetune

import (
	"context"
	"math"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/conformance"
	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/internal/sharedtest"
	"github.com/gaianet-go/gaianet/kernels"
	"github.com/gaianet-go/gaianet/model"
	"github.com/gaianet-go/gaianet/model/modeltest"
)

// loadNet binds a model file for training with random LoRA pairs (B too,
// so that every gradient is non-zero).
func loadNet(t *testing.T, path string, rank int, seed uint64) *net {
	t.Helper()
	f, err := gguf.Open(path)
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
			if p == nil {
				continue
			}
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

// gradModels are the models whose gradients and forward pass are checked,
// one per block variant: the llama block (F16 and quantized), qwen2's
// q/k/v biases, qwen3's per-head q/k norms (a modeltest model: its head
// length differs from Dim/Heads), exaone's NeoX rope on the llama block,
// Gemma's GeGLU and scaled embeddings, gemma2's post-norms, soft-caps and
// sliding window (16 tokens, so the sequence is longer), and gemma3's q/k
// norms with the local rope base, phi3's fused q/k/v and gate/up matrices
// with LongRoPE factors and attention factor.
var gradModels = []struct {
	name   string
	tokens int // sequence length (beyond a sliding window where there is one)
	path   func(t *testing.T) string
}{
	{"llama-spm-tiny-f16.gguf", 10, shared("llama-spm-tiny-f16.gguf")},
	{"llama-spm-q4_k_m.gguf", 10, shared("llama-spm-q4_k_m.gguf")},
	{"qwen2-spm-q6_k.gguf", 10, shared("qwen2-spm-q6_k.gguf")},
	{"qwen3 (modeltest, head length 24)", 10, func(t *testing.T) string {
		path := filepath.Join(t.TempDir(), "qwen3.gguf")
		if err := modeltest.Write(path, modeltest.Spec{Arch: "qwen3", HeadDim: 24, Vocab: 96, Type: gguf.TypeQ8_0, Seed: 11}); err != nil {
			t.Fatal(err)
		}
		return path
	}},
	{"exaone (modeltest)", 10, func(t *testing.T) string {
		path := filepath.Join(t.TempDir(), "exaone.gguf")
		if err := modeltest.Write(path, modeltest.Spec{Arch: "exaone", Vocab: 96, Type: gguf.TypeQ8_0, Seed: 12}); err != nil {
			t.Fatal(err)
		}
		return path
	}},
	{"gemma-spm-q8_0.gguf", 10, shared("gemma-spm-q8_0.gguf")},
	{"gemma2-spm-q8_0.gguf", 20, shared("gemma2-spm-q8_0.gguf")},
	{"gemma3-spm-q8_0.gguf", 10, shared("gemma3-spm-q8_0.gguf")},
	{"phi3-spm-q4_k_m.gguf", 10, shared("phi3-spm-q4_k_m.gguf")},
	{"stablelm (modeltest: LayerNorms with biases, rope over a quarter of each head, q/k/v biases)", 10, stablelm(false, false)},
	{"stablelm parallel (modeltest: no ffn_norm)", 10, stablelm(true, false)},
	{"mixtral-spm-q4_k_m.gguf", 10, shared("mixtral-spm-q4_k_m.gguf")},
	{"gpt-oss (modeltest: sinks, biases, YaRN, window 4, clamped SwiGLU experts)", 10, gptOss(false)},
}

// llamaVocabKVs returns the tokenizer metadata of llama.cpp's tiny llama
// model (SPM, for llama.cpp to tokenize prompts) and its vocabulary size.
func llamaVocabKVs(t *testing.T) ([]gguf.KV, int) {
	f, err := gguf.Open(sharedtest.Model(t, "llama-spm-tiny-f16.gguf"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var kvs []gguf.KV
	for _, kv := range f.Metadata.KVs() {
		if strings.HasPrefix(kv.Key, "tokenizer.") {
			kvs = append(kvs, kv)
		}
	}
	n, _ := f.Metadata.Uint("llama.vocab_size")
	return kvs, int(n)
}

// gptOss returns a maker of a gpt-oss model (model/gptoss.go): q/k/v and
// output biases, attention sinks, every other layer sliding (window 4),
// YaRN rope (factor 32 over 4096, base 150000), the feed-forward pre-norm
// named post_attention_norm, and 4 experts (2 used) with biases, large
// enough that the SwiGLU's clamps at ±7 are reached, and a router with a
// bias. With llamaVocab it has the tiny llama's vocabulary and F16
// matrices, else 96 tokens and Q8_0.
func gptOss(llamaVocab bool) func(t *testing.T) string {
	return func(t *testing.T) string {
		const arch, experts, used = "gpt-oss", 4, 2
		path := filepath.Join(t.TempDir(), "gpt-oss.gguf")
		spec := modeltest.Spec{Arch: arch, Dim: 64, Heads: 4, KVHeads: 2, FFN: 96, Vocab: 96, Type: gguf.TypeQ8_0, Seed: 17}
		var vocab []gguf.KV
		if llamaVocab {
			vocab, spec.Vocab = llamaVocabKVs(t)
			spec.Type = gguf.TypeF16
		}
		d, ef := uint64(spec.Dim), uint64(spec.FFN)
		r := rand.New(rand.NewPCG(17, 1))
		spec.Edit = func(md *gguf.Metadata, ts []gguf.WriteTensor) []gguf.WriteTensor {
			for _, kv := range append(vocab,
				gguf.KV{Key: arch + ".expert_count", Value: uint32(experts)},
				gguf.KV{Key: arch + ".expert_used_count", Value: uint32(used)},
				gguf.KV{Key: arch + ".expert_feed_forward_length", Value: uint32(ef)},
				gguf.KV{Key: arch + ".attention.sliding_window", Value: uint32(4)},
				gguf.KV{Key: arch + ".context_length", Value: uint32(131072)},
				gguf.KV{Key: arch + ".rope.freq_base", Value: float32(150000)},
				gguf.KV{Key: arch + ".rope.scaling.type", Value: "yarn"},
				gguf.KV{Key: arch + ".rope.scaling.factor", Value: float32(32)},
				gguf.KV{Key: arch + ".rope.scaling.original_context_length", Value: uint32(4096)}) {
				md.Set(kv.Key, kv.Value)
			}
			var out []gguf.WriteTensor
			for _, w := range ts {
				if llamaVocab && w.Name == "output.weight" {
					// Logits wide enough (std ~6) for the arg-max check to count.
					w = randTensor(t, r, w.Name, w.Type, 0, 1.3, w.Dims...)
				}
				p, name, _ := strings.Cut(strings.TrimPrefix(w.Name, "blk."), ".")
				p = "blk." + p + "."
				switch name {
				case "ffn_norm.weight":
					w.Name = p + "post_attention_norm.weight"
				case "ffn_gate.weight", "ffn_up.weight":
					continue
				case "ffn_down.weight":
					big := 4 * float32(math.Sqrt(3/float64(d)))
					out = append(out,
						randTensor(t, r, p+"ffn_gate_inp.weight", gguf.TypeF32, 0, float32(math.Sqrt(3/float64(d))), d, experts),
						randVec(t, r, p+"ffn_gate_inp.bias", experts, 0, 0.5),
						randTensor(t, r, p+"ffn_gate_exps.weight", spec.Type, 0, big, d, ef, experts),
						randTensor(t, r, p+"ffn_up_exps.weight", spec.Type, 0, big, d, ef, experts),
						randTensor(t, r, p+"ffn_down_exps.weight", spec.Type, 0, float32(math.Sqrt(3/float64(ef))), ef, d, experts),
						randTensor(t, r, p+"ffn_gate_exps.bias", gguf.TypeF32, 0, 0.5, ef, experts),
						randTensor(t, r, p+"ffn_up_exps.bias", gguf.TypeF32, 0, 0.5, ef, experts),
						randTensor(t, r, p+"ffn_down_exps.bias", gguf.TypeF32, 0, 1, d, experts))
					continue
				case "attn_q.weight", "attn_k.weight", "attn_v.weight":
					out = append(out, w, randVec(t, r, p+strings.TrimSuffix(name, ".weight")+".bias", int(w.Dims[1]), 0, 0.3))
					continue
				case "attn_output.weight":
					out = append(out, w, randVec(t, r, p+"attn_output.bias", int(d), 0, 0.3),
						randVec(t, r, p+"attn_sinks.weight", spec.Heads, 0.5, 1.5))
					continue
				}
				out = append(out, w)
			}
			return out
		}
		if err := modeltest.Write(path, spec); err != nil {
			t.Fatal(err)
		}
		return path
	}
}

// stablelm returns a maker of a StableLM 2 style model: LayerNorms with
// random weights and biases (output norm too), token embeddings with a
// common offset, q/k/v biases, rope over a
// quarter of each head (rope.dimension_count 4 of 16), and, when
// parallel, no ffn_norm (attention and feed-forward in parallel on the
// same normed input). With llamaVocab it has llama.cpp's tiny llama
// model's SPM vocabulary (32000 tokens, for llama.cpp to tokenize) and F16
// matrices, else 96 tokens and Q8_0.
func stablelm(parallel, llamaVocab bool) func(t *testing.T) string {
	return func(t *testing.T) string {
		path := filepath.Join(t.TempDir(), "stablelm.gguf")
		spec := modeltest.Spec{Arch: "stablelm", Vocab: 96, Type: gguf.TypeQ8_0, Seed: 13}
		var vocab []gguf.KV
		if llamaVocab {
			vocab, spec.Vocab = llamaVocabKVs(t)
			spec.Type = gguf.TypeF16
		}
		r := rand.New(rand.NewPCG(13, 1))
		spec.Edit = func(md *gguf.Metadata, ts []gguf.WriteTensor) []gguf.WriteTensor {
			md.Set("stablelm.rope.dimension_count", uint32(4))
			md.Set("stablelm.attention.layer_norm_epsilon", float32(1e-5))
			for _, kv := range vocab {
				md.Set(kv.Key, kv.Value)
			}
			var out []gguf.WriteTensor
			for _, w := range ts {
				if w.Name == "token_embd.weight" || (llamaVocab && w.Name == "output.weight") {
					// Embeddings off centre, as LayerNorm models'
					// hidden states are: the norms' mean terms matter.
					// With the large vocabulary, logits spread wide
					// enough (std ~6) for the arg-max check to count.
					base, spread := float32(0.3), float32(0.5)
					if w.Name == "output.weight" {
						base, spread = 0, 1.3
					}
					v := make([]float32, w.Dims[0]*w.Dims[1])
					for i := range v {
						v[i] = base + (2*r.Float32()-1)*spread
					}
					if err := kernels.Quantize(w.Type, v, w.Data); err != nil {
						t.Fatal(err)
					}
				}
				if parallel && strings.HasSuffix(w.Name, "ffn_norm.weight") {
					continue
				}
				out = append(out, w)
				if base, ok := strings.CutSuffix(w.Name, "norm.weight"); ok {
					out = append(out, randVec(t, r, base+"norm.bias", int(w.Dims[0]), 0, 0.2))
				}
				if base, ok := strings.CutSuffix(w.Name, ".weight"); ok && (strings.HasSuffix(base, "attn_q") || strings.HasSuffix(base, "attn_k") || strings.HasSuffix(base, "attn_v")) {
					out = append(out, randVec(t, r, base+".bias", int(w.Dims[1]), 0, 0.3))
				}
			}
			return out
		}
		if err := modeltest.Write(path, spec); err != nil {
			t.Fatal(err)
		}
		return path
	}
}

func shared(name string) func(t *testing.T) string {
	return func(t *testing.T) string { return sharedtest.Model(t, name) }
}

// TestGradientsFiniteDifference checks the LoRA gradients of every
// projection of every block (so the backward pass of each block's norms,
// attention with rope, the feed-forward and residuals, and of the output)
// against central finite differences of the masked loss.
func TestGradientsFiniteDifference(t *testing.T) {
	for _, gm := range gradModels {
		t.Run(gm.name, func(t *testing.T) {
			if strings.HasPrefix(gm.name, "gemma-") {
				t.Skip("GeGLU and the embedding scale are checked in gemma2 and gemma3")
			}
			nt := loadNet(t, gm.path(t), 4, 3)
			if nt.cfg.FinalSoftcap != 0 {
				// The random model's logits stay far below its caps
				// (25 and 8); tighter ones make the caps' derivatives
				// count.
				nt.cfg.FinalSoftcap, nt.cfg.AttnSoftcap = 1.5, 0.5
			}
			base := []int32{1, 450, 4996, 17354, 1701, 29916, 432, 17204, 975, 278}
			toks, mask := make([]int32, gm.tokens), make([]bool, gm.tokens)
			for i := range toks {
				toks[i] = (base[i%len(base)] + int32(i/len(base))) % int32(nt.cfg.Vocab)
				mask[i] = i >= 4 && i%4 != 3
			}
			f := nt.forward(toks)
			_, dl, _ := lossGrad(f, mask, nt.cfg.Vocab)
			nt.backward(f, dl)
			r := rand.New(rand.NewPCG(5, 5))
			// Entries checked per matrix: more on the tiny (modeltest)
			// models, where a forward pass takes microseconds.
			// The worst relative error allowed over all of them is tighter
			// there too (correct gradients stay below 0.004).
			samples, worstMax := 1, math.Inf(1)
			if nt.cfg.Vocab < 1000 {
				samples, worstMax = 4, 0.01
			}
			const eps = 1e-2
			worst := 0.0
			for l := range nt.lora {
				for p, lp := range nt.lora[l] {
					if lp == nil {
						continue
					}
					for _, which := range []string{"A", "B"} {
						w, g := lp.a, lp.ga
						if which == "B" {
							w, g = lp.b, lp.gb
						}
						for range samples {
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
								t.Errorf("block %d %v %s[%d]: gradient %.6g, finite difference %.6g", l, model.Projection(p), which, i, got, fd)
							}
							worst = max(worst, err/(math.Abs(fd)+1e-3))
						}
					}
				}
			}
			t.Logf("worst relative gradient error %.4f", worst)
			if worst > worstMax {
				t.Errorf("worst relative gradient error %.4f > %.2f", worst, worstMax)
			}
		})
	}
}

// TestTrainRefusesByName: architectures and variants the graph does not
// implement are refused with their name, never trained wrong.
func TestTrainRefusesByName(t *testing.T) {
	for _, tc := range []struct {
		cfg  model.Config
		want string
	}{
		{model.Config{Arch: "deepseek2"}, "deepseek2 architecture"},
		{model.Config{Arch: "gpt-oss", Experts: 4, OAIMoE: true, MoE: &model.MoEConfig{}}, "mixture of experts"},
		{model.Config{Arch: "llama4"}, "llama4 architecture"},
		{model.Config{Arch: "llama", Experts: 8, MoE: &model.MoEConfig{Sigmoid: true}}, "mixture of experts"},
		{model.Config{Arch: "llama", Experts: 8, OAIMoE: true}, "mixture of experts"},
		{model.Config{Arch: "llama", LayerNorm: true}, "LayerNorm"},
	} {
		err := trainable(&tc.cfg)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: %v, want a refusal with %q", tc.cfg, err, tc.want)
		}
	}
}

// TestForwardMatchesEngine: the training graph's forward pass, with random
// LoRA pairs, gives the logits of the engine running the same pairs
// written as an adapter, per block variant, over a sequence longer than
// the sliding windows. The finite-difference test proves the gradients
// fit the graph; this proves the graph is the model the node runs. The
// models are widened to F32 first: on quantized weights the engine also
// quantizes the activations (as llama.cpp does), which the training graph
// does not, and that difference (2-4% here) would hide real mistakes.
func TestForwardMatchesEngine(t *testing.T) {
	for _, gm := range gradModels {
		t.Run(gm.name, func(t *testing.T) {
			nt := loadNet(t, widenF32(t, gm.path(t)), 4, 3)
			n := 40
			toks := make([]int32, n)
			for i := range toks {
				toks[i] = int32((i*7919 + 13) % nt.cfg.Vocab)
			}
			got := nt.forward(toks).logits
			path := filepath.Join(t.TempDir(), "a.gguf")
			if err := writeAdapter(path, gguf.NewMetadata(), nt, 4); err != nil {
				t.Fatal(err)
			}
			a, err := LoadAdapter(path, nt.m)
			if err != nil {
				t.Fatal(err)
			}
			st := model.NewState(nt.m, n, n, 2)
			defer st.Close()
			c, err := model.NewCache(nt.m, 1, n, gguf.TypeF32)
			if err != nil {
				t.Fatal(err)
			}
			st.SetLoRA(0, []model.LoRAUse{{Adapter: a, Scale: 1}})
			b := model.Batch{Tokens: toks, Pos: make([]int32, n), Slot: make([]int32, n), Logits: make([]bool, n)}
			for i := range n {
				b.Pos[i], b.Logits[i] = int32(i), true
			}
			want, err := nt.m.Forward(context.Background(), st, c, b)
			if err != nil {
				t.Fatal(err)
			}
			var num, den float64
			for i, w := range want[:len(got)] {
				e := float64(got[i] - w)
				num += e * e
				den += float64(w) * float64(w)
			}
			nrmse := math.Sqrt(num / den)
			t.Logf("training forward vs engine: relative RMS error %.2g", nrmse)
			if nrmse > 2e-3 {
				t.Errorf("training forward vs engine: relative RMS error %.3g", nrmse)
			}
		})
	}
}

// widenF32 writes a copy of the model at path with every tensor in F32.
func widenF32(t *testing.T, path string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "f32.gguf")
	f32 := func(string, gguf.TensorType) gguf.TensorType { return gguf.TypeF32 }
	if err := modeltest.Convert(path, out, f32, nil); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestAdapterAgreesWithLlamaCpp: an adapter the trainer writes (random
// pairs, B large enough to change the model) for qwen2 (biases), gemma2
// (post-norms, soft-caps, sliding window) and gemma3 (q/k norms, local rope
// base) and phi3 (one pair per fused attn_qkv and ffn_up) loads in llama.cpp, and the engine running it agrees with
// llama.cpp's logits within the conformance tolerances, while the engine
// without it does not. (qwen3 is checked end to end in
// TestTrainEndToEnd.)
func TestAdapterAgreesWithLlamaCpp(t *testing.T) {
	if testing.Short() {
		t.Skip("runs llama.cpp once per model")
	}
	for _, tc := range []struct {
		name string
		path func(t *testing.T) string
	}{
		{"qwen2-spm-q6_k.gguf", shared("qwen2-spm-q6_k.gguf")},
		{"gemma2-spm-q8_0.gguf", shared("gemma2-spm-q8_0.gguf")},
		{"gemma3-spm-q8_0.gguf", shared("gemma3-spm-q8_0.gguf")},
		{"phi3-spm-q4_k_m.gguf", shared("phi3-spm-q4_k_m.gguf")},
		{"mixtral-spm-q4_k_m.gguf", shared("mixtral-spm-q4_k_m.gguf")},
		{"stablelm (modeltest, F16)", stablelm(false, true)},
		{"stablelm parallel (modeltest, F16)", stablelm(true, true)},
		{"gpt-oss (modeltest, F16)", gptOss(true)},
	} {
		name := tc.name
		t.Run(name, func(t *testing.T) {
			base := tc.path(t)
			dir := t.TempDir()
			path := trainerAdapter(t, base, filepath.Join(dir, "a.gguf"), 7)
			ref := sharedtest.LlamarefLogits(t, dir, base, path+":1")
			s := conformance.Suite{Kind: "logits", Name: name, Model: base, Data: ref, LoRA: []conformance.SuiteLoRA{{Path: path, Scale: 1}}}
			tol := conformance.Tolerances{LogitsNRMSEFloat: 0.01, LogitsNRMSEQuantized: 0.06, ArgmaxMargin: 1}
			r := conformance.CheckLogits(context.Background(), s, tol)
			t.Logf("engine vs llama.cpp with a trainer-written adapter: %s", r.Summary)
			if !r.Passed {
				t.Errorf("%s\n%s", r.Summary, r.Detail)
			}
			s.LoRA = nil
			if r := conformance.CheckLogits(context.Background(), s, tol); r.Passed {
				t.Errorf("the engine without the adapter agrees too (%s): the adapter changes nothing", r.Summary)
			} else {
				t.Logf("without the adapter: %s", r.Summary)
			}
		})
	}
}
