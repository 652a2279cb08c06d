package conformance

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/gaianet-go/gaianet/engine"
	"github.com/gaianet-go/gaianet/gguf"
)

// writeGptOss writes a small gpt-oss model with the project's GGUF
// writer, in the layout llama.cpp's loader expects for LLM_ARCH_OPENAI_MOE
// ("gpt-oss"): two layers (the first sliding, window 8, the second full),
// 4 query and 2 KV heads of 64 with q/k/v/output biases and attention
// sinks, YaRN rope (factor 32 over an original context of 4096, base
// 150000, as gpt-oss-20b), and 4 experts in MXFP4 (2 used) with biases and
// a router with a bias; the Llama 2 vocabulary.
// gptOssShape is the size of a written gpt-oss model; attn is the type
// of its attention and output matrices.
type gptOssShape struct {
	dim, layers, heads, kv, hd  int
	experts, used, effn, window int
	attn                        gguf.TensorType
}

// gptOssTest is the conformance model's shape.
var gptOssTest = gptOssShape{dim: 128, layers: 2, heads: 4, kv: 2, hd: 64, experts: 4, used: 2, effn: 128, window: 8, attn: gguf.TypeF32}

func writeGptOss(t testing.TB, path string, sh gptOssShape) {
	t.Helper()
	const arch, nv, orig = "gpt-oss", 32000, 4096
	dim, layers, heads, kv, hd := uint64(sh.dim), sh.layers, uint64(sh.heads), uint64(sh.kv), uint64(sh.hd)
	experts, effn := uint64(sh.experts), uint64(sh.effn)
	var md gguf.Metadata
	md.Set("general.architecture", arch)
	md.Set("general.name", "gpt-oss test")
	md.Set(arch+".context_length", uint32(131072))
	md.Set(arch+".embedding_length", uint32(dim))
	md.Set(arch+".block_count", uint32(layers))
	md.Set(arch+".feed_forward_length", uint32(effn))
	md.Set(arch+".expert_feed_forward_length", uint32(effn))
	md.Set(arch+".expert_count", uint32(experts))
	md.Set(arch+".expert_used_count", uint32(sh.used))
	md.Set(arch+".attention.head_count", uint32(heads))
	md.Set(arch+".attention.head_count_kv", uint32(kv))
	md.Set(arch+".attention.key_length", uint32(hd))
	md.Set(arch+".attention.value_length", uint32(hd))
	md.Set(arch+".attention.layer_norm_rms_epsilon", float32(1e-5))
	md.Set(arch+".attention.sliding_window", uint32(sh.window))
	md.Set(arch+".rope.freq_base", float32(150000))
	md.Set(arch+".rope.scaling.type", "yarn")
	md.Set(arch+".rope.scaling.factor", float32(32))
	md.Set(arch+".rope.scaling.original_context_length", uint32(orig))
	setLlama2Vocab(t, &md)
	w := newTensorWriter(rand.New(rand.NewPCG(20, 8)))
	f32, mx := gguf.TypeF32, gguf.TypeMXFP4
	mat := func(name string, typ gguf.TensorType, rows, cols uint64, n ...uint64) {
		w.add(name, typ, math.Sqrt(3/float64(cols)), 0, append([]uint64{cols, rows}, n...)...)
	}
	w.add("token_embd.weight", gguf.TypeF16, 1, 0, dim, nv)
	w.add("output_norm.weight", f32, 0.1, 1, dim)
	// Output rows four times the usual scale: wider logit margins, so
	// that the arg-max check has positions to check.
	w.add("output.weight", gguf.TypeF16, 4*math.Sqrt(3/float64(dim)), 0, dim, nv)
	for l := range layers {
		p := fmt.Sprintf("blk.%d.", l)
		w.add(p+"attn_norm.weight", f32, 0.1, 1, dim)
		mat(p+"attn_q.weight", sh.attn, heads*hd, dim)
		mat(p+"attn_k.weight", sh.attn, kv*hd, dim)
		mat(p+"attn_v.weight", sh.attn, kv*hd, dim)
		w.add(p+"attn_q.bias", f32, 0.1, 0, heads*hd)
		w.add(p+"attn_k.bias", f32, 0.1, 0, kv*hd)
		w.add(p+"attn_v.bias", f32, 0.1, 0, kv*hd)
		mat(p+"attn_output.weight", sh.attn, dim, heads*hd)
		w.add(p+"attn_output.bias", f32, 0.1, 0, dim)
		w.add(p+"attn_sinks.weight", f32, 1.5, 0.5, heads)
		w.add(p+"post_attention_norm.weight", f32, 0.1, 1, dim)
		mat(p+"ffn_gate_inp.weight", f32, experts, dim)
		w.add(p+"ffn_gate_inp.bias", f32, 0.5, 0, experts)
		// Expert weights large enough that the clamp at ±7 is reached.
		w.add(p+"ffn_gate_exps.weight", mx, 4*math.Sqrt(3/float64(dim)), 0, dim, effn, experts)
		w.add(p+"ffn_up_exps.weight", mx, 4*math.Sqrt(3/float64(dim)), 0, dim, effn, experts)
		w.add(p+"ffn_down_exps.weight", mx, math.Sqrt(3/float64(effn)), 0, effn, dim, experts)
		w.add(p+"ffn_gate_exps.bias", f32, 0.5, 0, effn, experts)
		w.add(p+"ffn_up_exps.bias", f32, 0.5, 0, effn, experts)
		w.add(p+"ffn_down_exps.bias", f32, 1, 0, dim, experts)
	}
	if w.err != nil {
		t.Fatal(w.err)
	}
	if err := gguf.WriteFile(path, md, w.ts); err != nil {
		t.Fatal(err)
	}
}

// TestGptOssMatchesLlamaCpp checks the gpt-oss model this test writes
// against llama.cpp's logits for the same file (`llamaref ref`, in
// testdata/gpt-oss.json; the file's SHA-256 is pinned in
// testdata/gpt-oss.sha256): prompts longer than the window of 8, the
// greedy continuations past it, the MXFP4 experts, sinks and YaRN.
func TestGptOssMatchesLlamaCpp(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gpt-oss.gguf")
	if dir := os.Getenv("CONFORMANCE_WRITE_MODELS"); dir != "" {
		path = filepath.Join(dir, "gpt-oss.gguf") // developer hook, as for the written models
	}
	writeGptOss(t, path, gptOssTest)
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(raw)
	if got, want := hex.EncodeToString(sum[:]), pinnedSHA(t, filepath.Join("testdata", "gpt-oss.sha256")); got != want {
		t.Fatalf("model file has SHA-256 %s, the reference was made from %s", got, want)
	}
	tol := Tolerances{LogitsNRMSEFloat: 0.01, LogitsNRMSEQuantized: 0.06, ArgmaxMargin: 1}
	for _, batch := range []int{0, 4} { // 4: rings of 11 cells on the sliding layer
		r := checkLogits(context.Background(), Suite{Kind: "logits", Name: "gpt-oss", Model: path, Data: filepath.Join("testdata", "gpt-oss.json")}, tol, "", batch)
		t.Logf("gpt-oss (batch %d): %s", batch, r.Summary)
		if !r.Passed {
			t.Fatalf("batch %d: %s: %s", batch, r.Summary, r.Detail)
		}
	}
}

// TestWriteGptOssBench writes, when GAIANET_WRITE_GPTOSS_BENCH names a
// folder, a gpt-oss-shaped model for the speed comparison of
// docs/performance.md: 8 layers of 1024, 16 query and 4 KV heads of 64,
// 16 experts of 1024 in MXFP4 (4 used), Q8_0 attention, window 128.
func TestWriteGptOssBench(t *testing.T) {
	dir := os.Getenv("GAIANET_WRITE_GPTOSS_BENCH")
	if dir == "" {
		t.Skip("GAIANET_WRITE_GPTOSS_BENCH is not set")
	}
	writeGptOss(t, filepath.Join(dir, "gpt-oss-bench.gguf"), gptOssShape{dim: 1024, layers: 8, heads: 16, kv: 4, hd: 64,
		experts: 16, used: 4, effn: 1024, window: 128, attn: gguf.TypeQ8_0})
}

// TestGptOssServing serves the written gpt-oss model through the engine's
// scheduler (two slots, batches of 4: rings of 11 cells on the sliding
// layer): two requests at once and then one that continues the first's
// conversation (reusing its cached prefix) must each produce, token for token, the greedy continuation that
// a fresh teacher-forced evaluation (Eval) gives.
func TestGptOssServing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gpt-oss.gguf")
	writeGptOss(t, path, gptOssTest)
	e, err := engine.Load(path, engine.Options{Threads: 2, CtxSize: 128, Parallel: 2, BatchSize: 4})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	tok := e.Tokenizer()
	a := tok.Encode("The history of the city begins with a small fishing village on the river bank", true, true)
	b := tok.Encode("Paris is the capital of", true, true)
	const n = 12
	// pick is greedy without the end-of-generation tokens, so that every
	// request runs its n tokens.
	pick := func(l []float32) int32 {
		best := -1
		for i, v := range l {
			if !tok.EOG(int32(i)) && (best < 0 || v > l[best]) {
				best = i
			}
		}
		return int32(best)
	}
	greedy := func(prompt []int32) []int32 { // Eval, slot 0, from position 0
		t.Helper()
		seq := append([]int32(nil), prompt...)
		var out []int32
		for len(out) < n {
			bt := engine.Batch{Tokens: seq, Pos: make([]int32, len(seq)), Slot: make([]int32, len(seq)), Logits: make([]bool, len(seq))}
			for i := range seq {
				bt.Pos[i] = int32(i)
			}
			bt.Logits[len(seq)-1] = true
			l, err := e.Eval(context.Background(), bt)
			if err != nil {
				t.Fatal(err)
			}
			next := pick(l)
			out = append(out, next)
			seq = append(seq, next)
		}
		return out
	}
	wantA := greedy(a)
	// The third prompt continues a's conversation: a's prompt and ten of
	// its tokens, then more text; the ring of a's slot still holds the
	// window before that prefix.
	long := append(append(append([]int32(nil), a...), wantA[:10]...), b[1:]...)
	want := [][]int32{wantA, greedy(b), greedy(long)}
	run := func(prompt []int32) ([]int32, engine.Result) {
		var got []int32
		res, err := e.Generate(context.Background(), engine.Request{Prompt: prompt, MaxTokens: n, Sampler: samplerFunc(pick)}, func(tk engine.Token) error {
			if tk.ID >= 0 {
				got = append(got, tk.ID)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return got, res
	}
	var wg sync.WaitGroup
	got := make([][]int32, 2)
	for i, p := range [][]int32{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i], _ = run(p)
		}()
	}
	wg.Wait()
	third, res := run(long)
	got = append(got, third)
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("request %d: %v, fresh %v", i, got[i], want[i])
		}
	}
	if want := len(a) + 10; res.CachedTokens != want {
		t.Errorf("the third request reused %d cached tokens, want %d", res.CachedTokens, want)
	}
}

// samplerFunc is an engine.Sampler made of a pick function.
type samplerFunc func([]float32) int32

func (f samplerFunc) Sample(l []float32) int32 { return f(l) }
func (samplerFunc) Accept(int32)               {}
