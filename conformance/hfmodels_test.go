package conformance

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/internal/sharedtest"
	"github.com/gaianet-go/gaianet/model"
	"github.com/gaianet-go/gaianet/model/modeltest"
)

// hfModels are small models of architectures no shared reference covers
// whose Hugging Face checkpoints llama.cpp's toolchain can convert: the
// test writes each checkpoint (config.json and model.safetensors, random
// weights from a fixed seed; the SentencePiece 32k tokenizer of
// ../shared/conformance/hf-tokenizers/spm32k), and `llamaref convert`
// (ollama v0.17.4's converter) turned it into testdata/<name>.gguf,
// `llamaref quant` where noted, and `llamaref ref` (llama.cpp) made
// testdata/<name>.json from that GGUF. The checkpoint's SHA-256 is pinned
// in testdata/<name>.hf.sha256, so the committed GGUF's provenance is
// checked each run; the logits check runs the committed GGUF.
//
// The converted GGUF is F16; to keep the repository small, the committed
// file has its token embedding and output projection (the 32k-row
// matrices) re-encoded as Q8_0 by mixGGUF, everything else as converted,
// and llama.cpp's reference was made from that committed file.
//
// Developer hooks: CONFORMANCE_WRITE_HF=DIR writes the checkpoints to
// DIR/<ckpt> for conversion; CONFORMANCE_MIX_GGUF=DIR turns
// DIR/<ckpt>-f16.gguf into DIR/<name>.gguf.
var hfModels = []struct {
	name, ckpt string // the GGUF and the checkpoint it comes from
	write      func(w *hfWriter)
	// edit, when set, changes the converted GGUF's metadata and tensors
	// (mixGGUF) to exercise what the converter does not write.
	edit func(md *gguf.Metadata, ts []gguf.WriteTensor) []gguf.WriteTensor
}{
	{"deepseek2", "deepseek2", writeDeepseek2HF, nil},
	{"deepseek2-v3route", "deepseek2", writeDeepseek2HF, deepseekV3Route},
	{"deepseek2-lite", "deepseek2-lite", func(w *hfWriter) { deepseek2HF(w, ds2Lite) }, renameLiteQ},
	{"llama4", "llama4", writeLlama4HF, nil},
}

// renameLiteQ names V2-Lite's query projection as llama.cpp expects
// (attn_q): ollama's converter maps q_a_proj and q_b_proj but leaves
// self_attn.q_proj unrenamed, the one thing it lacks for V2-Lite.
func renameLiteQ(md *gguf.Metadata, ts []gguf.WriteTensor) []gguf.WriteTensor {
	for i := range ts {
		if l, ok := strings.CutSuffix(ts[i].Name, ".self_attn.q_proj.weight"); ok {
			ts[i].Name = l + ".attn_q.weight"
		}
	}
	return ts
}

// deepseekV3Route turns the deepseek2 model's routing into DeepSeek V3's:
// sigmoid gating, renormalized weights, a selection bias per expert
// (exp_probs_b, uniform in ±0.3) and group-limited routing (4 groups of 2
// experts, 2 groups used), none of which ollama's converter writes for
// this checkpoint; llama.cpp reads them all.
func deepseekV3Route(md *gguf.Metadata, ts []gguf.WriteTensor) []gguf.WriteTensor {
	md.Set("deepseek2.expert_gating_func", uint32(2))
	md.Set("deepseek2.expert_weights_norm", true)
	md.Set("deepseek2.expert_group_count", uint32(4))
	md.Set("deepseek2.expert_group_used_count", uint32(2))
	r := rand.New(rand.NewPCG(14, 3))
	for l := 1; l < 3; l++ {
		b := make([]byte, 0, 4*8)
		for range 8 {
			b = binary.LittleEndian.AppendUint32(b, math.Float32bits(float32(0.3*(2*r.Float64()-1))))
		}
		ts = append(ts, gguf.WriteTensor{Name: fmt.Sprintf("blk.%d.exp_probs_b.bias", l), Dims: []uint64{8}, Type: gguf.TypeF32, Data: b})
	}
	return ts
}

// hfWriter collects a checkpoint's tensors (F32, row-major, Hugging Face
// shapes) and config.
type hfWriter struct {
	r       *rand.Rand
	config  map[string]any
	tensors map[string]hfTensor
}

type hfTensor struct {
	shape []int
	data  []float32
}

// add stores a tensor of uniform random values offset ± scale.
func (w *hfWriter) add(name string, scale, offset float64, shape ...int) {
	n := 1
	for _, d := range shape {
		n *= d
	}
	v := make([]float32, n)
	for i := range v {
		v[i] = float32(offset + scale*(2*w.r.Float64()-1))
	}
	w.tensors[name] = hfTensor{shape: shape, data: v}
}

// mat stores an out x in projection with the variance of 1/in.
func (w *hfWriter) mat(name string, out, in int) {
	w.add(name, math.Sqrt(3/float64(in)), 0, out, in)
}

// head stores the output projection, 8 times wider than mat's so that the
// logits spread enough for the arg-max check to have margins of 1 and
// more.
func (w *hfWriter) head(name string, out, in int) {
	w.add(name, 8*math.Sqrt(3/float64(in)), 0, out, in)
}

// ends stores the token embedding, the output norm and the output
// projection under prefix.
func (w *hfWriter) ends(prefix string, dim int) {
	w.add(prefix+"model.embed_tokens.weight", 1, 0, hfVocab, dim)
	w.norm(prefix+"model.norm.weight", dim)
	w.head(prefix+"lm_head.weight", hfVocab, dim)
}

// norm stores an RMS norm weight around 1.
func (w *hfWriter) norm(name string, n int) { w.add(name, 0.1, 1, n) }

// writeSafetensors writes the tensors, sorted by name, as F32 safetensors
// to out and returns nothing; the bytes depend only on the tensors.
func (w *hfWriter) writeSafetensors(out io.Writer) error {
	names := make([]string, 0, len(w.tensors))
	for n := range w.tensors {
		names = append(names, n)
	}
	sort.Strings(names)
	type entry struct {
		Dtype   string `json:"dtype"`
		Shape   []int  `json:"shape"`
		Offsets [2]int `json:"data_offsets"`
	}
	header := map[string]entry{}
	off := 0
	for _, n := range names {
		t := w.tensors[n]
		header[n] = entry{"F32", t.shape, [2]int{off, off + 4*len(t.data)}}
		off += 4 * len(t.data)
	}
	hb, err := json.Marshal(header) // map keys are sorted: deterministic
	if err != nil {
		return err
	}
	for len(hb)%8 != 0 {
		hb = append(hb, ' ')
	}
	var lb [8]byte
	binary.LittleEndian.PutUint64(lb[:], uint64(len(hb)))
	if _, err := out.Write(lb[:]); err != nil {
		return err
	}
	if _, err := out.Write(hb); err != nil {
		return err
	}
	buf := make([]byte, 0, 1<<16)
	for _, n := range names {
		for _, v := range w.tensors[n].data {
			buf = binary.LittleEndian.AppendUint32(buf, math.Float32bits(v))
			if len(buf) == cap(buf) {
				if _, err := out.Write(buf); err != nil {
					return err
				}
				buf = buf[:0]
			}
		}
	}
	_, err = out.Write(buf)
	return err
}

// hfVocab is the vocabulary size of the spm32k tokenizer.
const hfVocab = 32000

// writeDeepseek2HF writes a DeepSeek-V2-shaped checkpoint: 3 layers (the
// first dense), low-rank queries (q_lora_rank 32), a 64-value latent with
// 16 rotary values, key length 32 and value length 16 per head, 8 routed
// experts of which 2 are used (softmax, not renormalized, scaled by 1.5),
// 2 shared experts, YaRN factor 40 over an original context of 64 with
// mscale_all_dim 0.707 (V2.5's values apart from the context). ollama's
// converter knows this layout as DeepseekV3ForCausalLM (the same deepseek2
// GGUF layout; V2's softmax gating comes from scoring_func).
func writeDeepseek2HF(w *hfWriter) { deepseek2HF(w, ds2Tiny) }

// ds2Shape sizes a deepseek2 checkpoint.
type ds2Shape struct {
	dim, layers, heads, qlora, kvlora, nope, rope, vd int
	ffn, experts, used, eff, shared                   int
	lite                                              bool // one query projection (q_lora_rank null)
}

var (
	ds2Tiny = ds2Shape{64, 3, 4, 32, 64, 16, 16, 16, 128, 8, 2, 32, 2, false}
	// ds2Lite has V2-Lite's 26 layers (llama.cpp tells the lite variants,
	// whose query is one projection, by their layer count); both of its
	// 2 experts are used, so that no near-tie of the router flips a choice
	// over the 26 layers (the routing is checked by the other two).
	ds2Lite = ds2Shape{64, 26, 2, 0, 32, 16, 16, 16, 128, 2, 2, 32, 1, true}
	// ds2Bench is the speed comparison's shape (docs/performance.md):
	// 8 layers, 16 experts of 384 (2 used), 2 shared.
	ds2Bench = ds2Shape{768, 8, 12, 256, 256, 64, 32, 64, 2048, 16, 2, 384, 2, false}
)

func deepseek2HF(w *hfWriter, z ds2Shape) {
	dim, layers, heads, qlora, kvlora, nope, rope, vd := z.dim, z.layers, z.heads, z.qlora, z.kvlora, z.nope, z.rope, z.vd
	ffn, experts, used, eff, shared := z.ffn, z.experts, z.used, z.eff, z.shared
	w.config = map[string]any{
		"architectures": []string{"DeepseekV3ForCausalLM"}, "model_type": "deepseek_v2",
		"vocab_size": hfVocab, "hidden_size": dim, "num_hidden_layers": layers,
		"intermediate_size": ffn, "num_attention_heads": heads, "num_key_value_heads": heads,
		"max_position_embeddings": 2560, "rms_norm_eps": 1e-6, "rope_theta": 10000.0,
		"q_lora_rank": any(qlora), "kv_lora_rank": kvlora, "qk_nope_head_dim": nope, "qk_rope_head_dim": rope,
		"v_head_dim": vd, "n_routed_experts": experts, "n_shared_experts": shared,
		"moe_intermediate_size": eff, "num_experts_per_tok": used, "norm_topk_prob": false,
		"routed_scaling_factor": 1.5, "scoring_func": "softmax", "topk_method": "greedy",
		"first_k_dense_replace": 1, "tie_word_embeddings": false,
		"bos_token_id": 1, "eos_token_id": 2, "torch_dtype": "float32",
		"rope_scaling": map[string]any{"type": "yarn", "factor": 40.0, "original_max_position_embeddings": 64,
			"beta_fast": 32, "beta_slow": 1, "mscale": 0.707, "mscale_all_dim": 0.707},
	}
	if z.lite {
		w.config["q_lora_rank"] = nil
	}
	w.ends("", dim)
	for l := range layers {
		p := fmt.Sprintf("model.layers.%d.", l)
		w.norm(p+"input_layernorm.weight", dim)
		if z.lite {
			w.mat(p+"self_attn.q_proj.weight", heads*(nope+rope), dim)
		} else {
			w.mat(p+"self_attn.q_a_proj.weight", qlora, dim)
			w.norm(p+"self_attn.q_a_layernorm.weight", qlora)
			w.mat(p+"self_attn.q_b_proj.weight", heads*(nope+rope), qlora)
		}
		w.mat(p+"self_attn.kv_a_proj_with_mqa.weight", kvlora+rope, dim)
		w.norm(p+"self_attn.kv_a_layernorm.weight", kvlora)
		w.mat(p+"self_attn.kv_b_proj.weight", heads*(nope+vd), kvlora)
		w.mat(p+"self_attn.o_proj.weight", dim, heads*vd)
		w.norm(p+"post_attention_layernorm.weight", dim)
		if l == 0 {
			w.mat(p+"mlp.gate_proj.weight", ffn, dim)
			w.mat(p+"mlp.up_proj.weight", ffn, dim)
			w.mat(p+"mlp.down_proj.weight", dim, ffn)
			continue
		}
		// A router with a wide spread, so that the choice of experts is
		// decided by more than rounding.
		w.add(p+"mlp.gate.weight", 4*math.Sqrt(3/float64(dim)), 0, experts, dim)
		for e := range experts {
			q := fmt.Sprintf("%smlp.experts.%d.", p, e)
			w.mat(q+"gate_proj.weight", eff, dim)
			w.mat(q+"up_proj.weight", eff, dim)
			w.mat(q+"down_proj.weight", dim, eff)
		}
		w.mat(p+"mlp.shared_experts.gate_proj.weight", shared*eff, dim)
		w.mat(p+"mlp.shared_experts.up_proj.weight", shared*eff, dim)
		w.mat(p+"mlp.shared_experts.down_proj.weight", dim, shared*eff)
	}
}

// writeLlama4HF writes a Llama-4-Scout-shaped text checkpoint: 4 layers
// (layer 3 without rope), MoE on every second layer (4 experts, top 1, one
// shared expert), dense layers of 128, head length 32.
func writeLlama4HF(w *hfWriter) { llama4HF(w, l4Tiny) }

// l4Shape sizes a llama4 checkpoint.
type l4Shape struct{ dim, layers, heads, kv, hd, ffn, experts, eff int }

var (
	l4Tiny = l4Shape{64, 4, 2, 1, 32, 128, 4, 64}
	// l4Bench is the speed comparison's shape: 8 layers (MoE on odd
	// ones), 8 experts of 1024, top 1, and the shared expert.
	l4Bench = l4Shape{768, 8, 12, 4, 64, 2048, 8, 1024}
)

func llama4HF(w *hfWriter, z l4Shape) {
	dim, layers, heads, kv, hd, ffn, experts, eff := z.dim, z.layers, z.heads, z.kv, z.hd, z.ffn, z.experts, z.eff
	w.config = map[string]any{
		"architectures": []string{"Llama4ForConditionalGeneration"}, "model_type": "llama4",
		"vocab_size": hfVocab, "tie_word_embeddings": false, "torch_dtype": "float32",
		"text_config": map[string]any{
			"vocab_size": hfVocab, "hidden_size": dim, "num_hidden_layers": layers,
			"intermediate_size": eff, "intermediate_size_mlp": ffn, "num_attention_heads": heads,
			"num_key_value_heads": kv, "head_dim": hd, "rope_theta": 500000.0, "rms_norm_eps": 1e-5,
			"max_position_embeddings": 16384, "num_local_experts": experts, "num_experts_per_tok": 1,
			"interleave_moe_layer_step": 2, "use_qk_norm": true, "attention_chunk_size": 8192,
			"bos_token_id": 1, "eos_token_id": 2,
		},
	}
	w.ends("language_model.", dim)
	for l := range layers {
		p := fmt.Sprintf("language_model.model.layers.%d.", l)
		w.norm(p+"input_layernorm.weight", dim)
		w.mat(p+"self_attn.q_proj.weight", heads*hd, dim)
		w.mat(p+"self_attn.k_proj.weight", kv*hd, dim)
		w.mat(p+"self_attn.v_proj.weight", kv*hd, dim)
		w.mat(p+"self_attn.o_proj.weight", dim, heads*hd)
		w.norm(p+"post_attention_layernorm.weight", dim)
		if (l+1)%2 != 0 {
			w.mat(p+"feed_forward.gate_proj.weight", ffn, dim)
			w.mat(p+"feed_forward.up_proj.weight", ffn, dim)
			w.mat(p+"feed_forward.down_proj.weight", dim, ffn)
			continue
		}
		w.add(p+"feed_forward.router.weight", 4*math.Sqrt(3/float64(dim)), 0, experts, dim)
		// Experts as Llama 4 stores them: [experts, in, out], gate and up
		// side by side.
		w.add(p+"feed_forward.experts.gate_up_proj", math.Sqrt(3/float64(dim)), 0, experts, dim, 2*eff)
		w.add(p+"feed_forward.experts.down_proj", math.Sqrt(3/float64(eff)), 0, experts, eff, dim)
		w.mat(p+"feed_forward.shared_expert.gate_proj.weight", eff, dim)
		w.mat(p+"feed_forward.shared_expert.up_proj.weight", eff, dim)
		w.mat(p+"feed_forward.shared_expert.down_proj.weight", dim, eff)
	}
}

// buildHF writes checkpoint name's tensors through h (and, when dir is not
// empty, the whole folder into dir).
func buildHF(t testing.TB, name string, write func(*hfWriter), dir string, h hash.Hash) {
	t.Helper()
	w := &hfWriter{r: rand.New(rand.NewPCG(14, uint64(len(name)))), tensors: map[string]hfTensor{}}
	write(w)
	var out io.Writer = h
	if dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		f, err := os.Create(filepath.Join(dir, "model.safetensors"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		out = io.MultiWriter(h, f)
		cfg, err := json.MarshalIndent(w.config, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "config.json"), cfg, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, f := range []string{"tokenizer.model", "tokenizer.json", "tokenizer_config.json"} {
			raw, err := os.ReadFile(sharedtest.Path(t, "conformance", "hf-tokenizers", "spm32k", f))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, f), raw, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := w.writeSafetensors(out); err != nil {
		t.Fatal(err)
	}
	cfg, err := json.Marshal(w.config)
	if err != nil {
		t.Fatal(err)
	}
	h.Write(cfg)
}

// TestHFModelsMatchLlamaCpp checks the committed GGUF of each hfModels
// entry against llama.cpp's logits, after checking that this test still
// writes the checkpoint it was converted from.
func TestHFModelsMatchLlamaCpp(t *testing.T) {
	tol := Tolerances{LogitsNRMSEFloat: 0.01, LogitsNRMSEQuantized: 0.06, ArgmaxMargin: 1}
	for _, v := range hfModels {
		t.Run(v.name, func(t *testing.T) {
			dir := ""
			if d := os.Getenv("CONFORMANCE_WRITE_HF"); d != "" {
				dir = filepath.Join(d, v.ckpt)
			}
			if d := os.Getenv("CONFORMANCE_MIX_GGUF"); d != "" {
				mixGGUF(t, filepath.Join(d, v.ckpt+"-f16.gguf"), filepath.Join(d, v.name+".gguf"), v.edit)
			}
			if d := os.Getenv("CONFORMANCE_WRITE_HF_BENCH"); d != "" && v.name == v.ckpt && v.ckpt != "deepseek2-lite" {
				// The speed comparison's larger shapes (not checked here).
				bench := map[string]func(*hfWriter){
					"deepseek2": func(w *hfWriter) { deepseek2HF(w, ds2Bench) },
					"llama4":    func(w *hfWriter) { llama4HF(w, l4Bench) },
				}[v.ckpt]
				buildHF(t, v.ckpt, bench, filepath.Join(d, v.ckpt+"-bench"), sha256.New())
			}
			h := sha256.New()
			buildHF(t, v.ckpt, v.write, dir, h)
			if got, want := hex.EncodeToString(h.Sum(nil)), pinnedSHA(t, filepath.Join("testdata", v.ckpt+".hf.sha256")); got != want {
				t.Fatalf("checkpoint has SHA-256 %s, the committed GGUF was converted from %s", got, want)
			}
			path := filepath.Join("testdata", v.name+".gguf")
			if v.name != v.ckpt && v.edit != nil && v.ckpt == "deepseek2" {
				// A variant of a committed model: made from it here, and
				// pinned as the file llama.cpp ran.
				path = filepath.Join(t.TempDir(), v.name+".gguf")
				mixGGUF(t, filepath.Join("testdata", v.ckpt+".gguf"), path, v.edit)
				raw, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				sum := sha256.Sum256(raw)
				if got, want := hex.EncodeToString(sum[:]), pinnedSHA(t, filepath.Join("testdata", v.name+".sha256")); got != want {
					t.Fatalf("%s has SHA-256 %s, llama.cpp ran %s", path, got, want)
				}
			}
			r := CheckLogits(context.Background(), Suite{Kind: "logits", Name: v.name, Model: path, Data: filepath.Join("testdata", v.name+".json")}, tol)
			t.Logf("%s: %s", v.name, r.Summary)
			if !r.Passed {
				t.Fatalf("%s: %s", r.Summary, r.Detail)
			}
		})
	}
}

// mixGGUF copies the GGUF at in to out with token_embd.weight and
// output.weight re-encoded as Q8_0 (kernels.Quantize) unless they are
// already, and everything else byte for byte, then applies edit if not
// nil.
func mixGGUF(t *testing.T, in, out string, edit func(*gguf.Metadata, []gguf.WriteTensor) []gguf.WriteTensor) {
	t.Helper()
	to := func(name string, typ gguf.TensorType) gguf.TensorType {
		if name == "token_embd.weight" || name == "output.weight" {
			return gguf.TypeQ8_0
		}
		return typ
	}
	if err := modeltest.Convert(in, out, to, edit); err != nil {
		t.Fatal(err)
	}
}

// TestLlama4ChunkedAttention checks chunked attention where llama.cpp
// cannot be asked (llamaref's prompts are limited to 512 tokens, Llama 4's
// chunks are 8192): with chunks of 4 and every layer chunked, the last
// position's logits of an 11-token sequence must equal those of its last
// chunk (positions 8-10) run alone in a fresh slot, and must differ when
// chunking is off.
func TestLlama4ChunkedAttention(t *testing.T) {
	m := loadTestModel(t, "llama4")
	if m.Config.Chunk != 8192 {
		t.Fatalf("chunk %d, want llama.cpp's 8192", m.Config.Chunk)
	}
	for l := range m.Config.NoRope {
		m.Config.NoRope[l] = false
	}
	toks := []int32{1, 450, 4955, 310, 278, 4272, 16410, 411, 263, 2319, 9427}
	last := func(chunk int) (full, alone []float32) {
		m.Config.Chunk = chunk
		st := model.NewState(m, 16, 16, 1)
		defer st.Close()
		c, err := model.NewCache(m, 2, 16, gguf.TypeF16)
		if err != nil {
			t.Fatal(err)
		}
		run := func(slot int32, pos0 int, tk []int32) []float32 {
			b := model.Batch{Tokens: tk}
			for i := range tk {
				b.Pos = append(b.Pos, int32(pos0+i))
				b.Slot = append(b.Slot, slot)
				b.Logits = append(b.Logits, i == len(tk)-1)
			}
			out, err := m.Forward(context.Background(), st, c, b)
			if err != nil {
				t.Fatal(err)
			}
			return append([]float32(nil), out...)
		}
		return run(0, 0, toks), run(1, 8, toks[8:])
	}
	diff := func(a, b []float32) float64 {
		d := 0.0
		for i := range a {
			d = max(d, math.Abs(float64(a[i]-b[i])))
		}
		return d
	}
	full, alone := last(4)
	if d := diff(full, alone); d > 1e-3 {
		t.Errorf("chunks of 4: the last chunk alone differs by %g", d)
	}
	full, alone = last(0)
	if d := diff(full, alone); d < 0.1 {
		t.Errorf("without chunks the last chunk alone differs by only %g: the check cannot fail", d)
	}
}

// TestHFModelsBatchInvariant checks that the new architectures' blocks
// (latent attention, the routing variants, shared experts, NoPE and
// chunked layers) keep the engine's batch invariance: two sequences
// prefilled in one batch give the logits each gives alone, bit for bit.
func TestHFModelsBatchInvariant(t *testing.T) {
	for _, name := range []string{"deepseek2", "deepseek2-lite", "llama4"} {
		t.Run(name, func(t *testing.T) {
			m := loadTestModel(t, name)
			seqs := [2][]int32{{1, 450, 4955, 310, 278, 4272}, {1, 3681, 338, 278}}
			step := func(st *model.State, c *model.Cache, slots []int32, toks [][]int32) []float32 {
				var b model.Batch
				for k, s := range slots {
					for i, tk := range toks[k] {
						b.Tokens = append(b.Tokens, tk)
						b.Pos = append(b.Pos, int32(i))
						b.Slot = append(b.Slot, s)
						b.Logits = append(b.Logits, i == len(toks[k])-1)
					}
				}
				out, err := m.Forward(context.Background(), st, c, b)
				if err != nil {
					t.Fatal(err)
				}
				return append([]float32(nil), out...)
			}
			st := model.NewState(m, 16, 16, 2)
			defer st.Close()
			st.Pool().SetBatchInvariant(true) // as package engine runs it
			c, err := model.NewCache(m, 2, 16, gguf.TypeF16)
			if err != nil {
				t.Fatal(err)
			}
			both := step(st, c, []int32{0, 1}, seqs[:])
			v := m.Config.Vocab
			for k := range seqs {
				alone := step(st, c, []int32{int32(k)}, seqs[k:k+1])
				for i, x := range alone {
					if both[k*v+i] != x {
						t.Fatalf("sequence %d logit %d: %v in the batch, %v alone", k, i, both[k*v+i], x)
					}
				}
			}
		})
	}
}

// loadTestModel loads the model of testdata/NAME.gguf; the file stays open
// until the test ends.
func loadTestModel(t *testing.T, name string) *model.Model {
	t.Helper()
	f, err := gguf.Open(filepath.Join("testdata", name+".gguf"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	m, err := model.Load(f.Metadata, f)
	if err != nil {
		t.Fatal(err)
	}
	return m
}
