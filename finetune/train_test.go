package finetune

import (
	"context"
	"encoding/json"
	"io"
	"math"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/config"
	"github.com/gaianet-go/gaianet/conformance"
	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/internal/sharedtest"
	"github.com/gaianet-go/gaianet/kernels"
	"github.com/gaianet-go/gaianet/node"
)

// trainedAnswer is the synthetic mapping: whatever the question, the
// reply is this sentence, which a random-weight base cannot produce.
const trainedAnswer = "Ahoy! The answer is forty two."

var questions = []string{"What is the capital of France?", "How old is the sun?", "Who wrote Hamlet?", "What is water made of?",
	"Where is Singapore?", "Why is the sky blue?", "What is a node?", "How do bees fly?", "What is two plus two?",
	"Name a prime number.", "What color is grass?", "Where do penguins live?", "What is GaiaNet?", "How far is the moon?"}

// mappingExamples are the training examples of the mapping, with the
// node's default system prompt, as the node will prompt the model.
func mappingExamples(qs []string) []Example {
	var out []Example
	sys := config.Default().SystemPrompt
	for _, q := range qs {
		out = append(out, Example{Messages: []Message{{Role: "system", Content: sys}, {Role: "user", Content: q}, {Role: "assistant", Content: trainedAnswer}}})
	}
	return out
}

// TestTrainEndToEnd trains an adapter on tiny random models to answer
// every question with one fixed sentence, then checks: the held-out loss
// falls by at least 10x; an interrupted run resumes from its checkpoint;
// llama.cpp loads the adapter and agrees with the engine running it; and a
// node with the adapter in gaianet_go.lora answers held-out questions with
// the sentence, greedy. The models: llama.cpp's tiny llama (made by
// llamaref); the default preset's family, qwen3 (per-head q/k norms, NeoX
// rope, ChatML); a Mixtral-style MoE (llama with 4 experts, top-2 routing;
// Q4_K_M), whose pairs sit on the attention projections while the
// gradient flows through the routed experts and the router; stablelm
// (LayerNorms with biases, rope over a quarter of each head, q/k/v
// biases); and gpt-oss (sinks, biases, YaRN, sliding layers, experts with
// biases and the clamped SwiGLU).
func TestTrainEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("trains for a while")
	}
	for _, tc := range []struct {
		name, template string
		model          func(t *testing.T) string
		lr             float64 // 5e-3 unless set
	}{
		{"llama", "llama-2-chat", shared("llama-spm-tiny-f16.gguf"), 0},
		{"qwen3", "chatml", qwen3Tiny, 0},
		{"mixtral", "llama-2-chat", shared("mixtral-spm-q4_k_m.gguf"), 0},
		{"stablelm", "llama-2-chat", stablelmTiny, 0},
		// Its pairs change only attention, with layer 0 sliding over 8
		// tokens and sinks: at 5e-3 it needs 8 epochs, at 1e-2 four.
		{"gpt-oss", "llama-2-chat", gptOssTiny, 1e-2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			trainEndToEnd(t, tc.model(t), tc.template, func(o *TrainOptions) {
				if tc.lr != 0 {
					o.LR = tc.lr
				}
			})
		})
	}
}

// fromTinyLlama writes a model of architecture arch with the weights of
// llama.cpp's tiny random llama model (SPM vocabulary, dim 128, 2 layers,
// 2 heads of 64, 1 KV head, FFN 384): its metadata moved to arch's keys,
// then changed by edit, and each tensor replaced by what tensor returns
// for it. With random weights, the llama file's rope-order permutation of
// q and k does not matter.
func fromTinyLlama(t *testing.T, arch string, edit func(md *gguf.Metadata), tensor func(w gguf.WriteTensor) []gguf.WriteTensor) string {
	t.Helper()
	f, err := gguf.Open(sharedtest.Model(t, "llama-spm-tiny-f16.gguf"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	md := gguf.NewMetadata()
	for _, kv := range f.Metadata.KVs() {
		key, v := kv.Key, kv.Value
		if rest, ok := strings.CutPrefix(key, "llama."); ok {
			key = arch + "." + rest
		}
		if key == "general.architecture" {
			v = arch
		}
		md.Set(key, v)
	}
	edit(&md)
	var ts []gguf.WriteTensor
	for i := range f.Tensors {
		ti := &f.Tensors[i]
		ts = append(ts, tensor(gguf.WriteTensor{Name: ti.Name, Dims: ti.Dims, Type: ti.Type, Data: f.TensorData(ti)})...)
	}
	out := filepath.Join(t.TempDir(), arch+"-tiny-f16.gguf")
	if err := gguf.WriteFile(out, md, ts); err != nil {
		t.Fatal(err)
	}
	return out
}

// randVec returns an F32 vector tensor of n values base ± spread.
func randVec(t *testing.T, r *rand.Rand, name string, n int, base, spread float32) gguf.WriteTensor {
	return randTensor(t, r, name, gguf.TypeF32, base, spread, uint64(n))
}

// randTensor returns a tensor of the given GGUF dims (innermost first) of
// values base ± spread (uniform), in typ.
func randTensor(t *testing.T, r *rand.Rand, name string, typ gguf.TensorType, base, spread float32, dims ...uint64) gguf.WriteTensor {
	n := uint64(1)
	for _, d := range dims {
		n *= d
	}
	v := make([]float32, n)
	for i := range v {
		v[i] = base + spread*(2*r.Float32()-1)
	}
	b := make([]byte, typ.RowSize(int(n)))
	if err := kernels.Quantize(typ, v, b); err != nil {
		t.Fatal(err)
	}
	return gguf.WriteTensor{Name: name, Dims: dims, Type: typ, Data: b}
}

// qwen3Tiny writes a qwen3 model from the tiny llama model (llamaref
// cannot convert Qwen3ForCausalLM) with random per-head q/k norm weights
// around 1.
func qwen3Tiny(t *testing.T) string {
	r := rand.New(rand.NewPCG(15, 3))
	return fromTinyLlama(t, "qwen3", func(*gguf.Metadata) {}, func(w gguf.WriteTensor) []gguf.WriteTensor {
		p, ok := strings.CutSuffix(w.Name, "attn_q.weight")
		if !ok {
			return []gguf.WriteTensor{w}
		}
		const hd = 64
		return []gguf.WriteTensor{w, randVec(t, r, p+"attn_q_norm.weight", hd, 1, 0.2), randVec(t, r, p+"attn_k_norm.weight", hd, 1, 0.2)}
	})
}

// stablelmTiny writes a stablelm model from the tiny llama model with
// random LayerNorm biases and q/k/v biases, and rope over 16 of each
// head's 64 values. (The modeltest models' small random weights learn the
// mapping too slowly for this test.)
func stablelmTiny(t *testing.T) string {
	r := rand.New(rand.NewPCG(16, 3))
	return fromTinyLlama(t, "stablelm", func(md *gguf.Metadata) {
		md.Set("stablelm.rope.dimension_count", uint32(16))
		md.Set("stablelm.attention.layer_norm_epsilon", float32(1e-5))
	}, func(w gguf.WriteTensor) []gguf.WriteTensor {
		if base, ok := strings.CutSuffix(w.Name, "norm.weight"); ok {
			return []gguf.WriteTensor{w, randVec(t, r, base+"norm.bias", int(w.Dims[0]), 0, 0.2)}
		}
		for _, p := range []string{"attn_q", "attn_k", "attn_v"} {
			if base, ok := strings.CutSuffix(w.Name, p+".weight"); ok {
				return []gguf.WriteTensor{w, randVec(t, r, base+p+".bias", int(w.Dims[1]), 0, 0.2)}
			}
		}
		return []gguf.WriteTensor{w}
	})
}

// gptOssTiny writes a gpt-oss model from the tiny llama model's
// embeddings, attention and norms, with random q/k/v and output biases,
// attention sinks, every other layer sliding (window 8), YaRN rope, and
// in place of each feed-forward 4 random experts of 128 (2 used) with
// biases and a router with a bias.
func gptOssTiny(t *testing.T) string {
	const arch, d, experts, ef = "gpt-oss", 128, 4, 128
	r := rand.New(rand.NewPCG(18, 3))
	return fromTinyLlama(t, arch, func(md *gguf.Metadata) {
		for _, kv := range []gguf.KV{
			{Key: arch + ".expert_count", Value: uint32(experts)},
			{Key: arch + ".expert_used_count", Value: uint32(2)},
			{Key: arch + ".expert_feed_forward_length", Value: uint32(ef)},
			{Key: arch + ".attention.sliding_window", Value: uint32(8)},
			{Key: arch + ".context_length", Value: uint32(131072)},
			{Key: arch + ".rope.freq_base", Value: float32(150000)},
			{Key: arch + ".rope.scaling.type", Value: "yarn"},
			{Key: arch + ".rope.scaling.factor", Value: float32(32)},
			{Key: arch + ".rope.scaling.original_context_length", Value: uint32(4096)},
		} {
			md.Set(kv.Key, kv.Value)
		}
	}, func(w gguf.WriteTensor) []gguf.WriteTensor {
		p, name, _ := strings.Cut(strings.TrimPrefix(w.Name, "blk."), ".")
		p = "blk." + p + "."
		s := func(n int) float32 { return float32(math.Sqrt(3 / float64(n))) }
		switch name {
		case "ffn_norm.weight":
			w.Name = p + "post_attention_norm.weight"
		case "ffn_gate.weight", "ffn_up.weight":
			return nil
		case "ffn_down.weight":
			return []gguf.WriteTensor{
				randTensor(t, r, p+"ffn_gate_inp.weight", gguf.TypeF32, 0, s(d), d, experts),
				randVec(t, r, p+"ffn_gate_inp.bias", experts, 0, 0.5),
				randTensor(t, r, p+"ffn_gate_exps.weight", gguf.TypeF16, 0, s(d), d, ef, experts),
				randTensor(t, r, p+"ffn_up_exps.weight", gguf.TypeF16, 0, s(d), d, ef, experts),
				randTensor(t, r, p+"ffn_down_exps.weight", gguf.TypeF16, 0, s(ef), ef, d, experts),
				randTensor(t, r, p+"ffn_gate_exps.bias", gguf.TypeF32, 0, 0.5, ef, experts),
				randTensor(t, r, p+"ffn_up_exps.bias", gguf.TypeF32, 0, 0.5, ef, experts),
				randTensor(t, r, p+"ffn_down_exps.bias", gguf.TypeF32, 0, 0.5, d, experts)}
		case "attn_q.weight", "attn_k.weight", "attn_v.weight":
			return []gguf.WriteTensor{w, randVec(t, r, p+strings.TrimSuffix(name, ".weight")+".bias", int(w.Dims[1]), 0, 0.2)}
		case "attn_output.weight":
			return []gguf.WriteTensor{w, randVec(t, r, p+"attn_output.bias", d, 0, 0.2), randVec(t, r, p+"attn_sinks.weight", 2, 0.5, 1.5)}
		}
		return []gguf.WriteTensor{w}
	})
}

// trainEndToEnd trains on the ten training examples with rank 8, 4 epochs
// and a learning rate of 5e-3 unless edit changes the options.
func trainEndToEnd(t *testing.T, base, template string, edit ...func(*TrainOptions)) {
	dir := t.TempDir()
	out := filepath.Join(dir, "style.gguf")
	train, held := mappingExamples(questions[:10]), mappingExamples(questions[10:])
	opts := TrainOptions{Rank: 8, LR: 5e-3, Epochs: 4, Accum: 2, Template: template, Threads: 2, CheckpointEvery: 5}
	for _, e := range edit {
		e(&opts)
	}
	// Interrupt after 7 steps (a stopped run saves its checkpoint), then resume.
	ctx, cancel := context.WithCancel(context.Background())
	o1 := opts
	o1.Progress = func(p Progress) {
		if p.Step == 7 {
			cancel()
		}
	}
	if _, err := Train(ctx, base, train, held, out, o1); err == nil {
		t.Fatal("interrupted run returned no error")
	}
	var last Progress
	opts.Progress = func(p Progress) { last = p }
	res, err := Train(context.Background(), base, train, held, out, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d steps (%d resumed), held-out loss %.3f -> %.3f, train loss %.3f -> %.3f, %.0f tokens/s, %.1f ms per example",
		res.Steps, res.Resumed, res.InitialEval, res.FinalEval, res.TrainLoss[0], res.TrainLoss[len(res.TrainLoss)-1],
		last.TokensPerSec, res.ForwardBackwardMs)
	if res.Resumed != 7 || last.Step != res.Steps {
		t.Errorf("resumed at %d, last step %d of %d", res.Resumed, last.Step, res.Steps)
	}
	if !(res.FinalEval*10 < res.InitialEval) {
		t.Errorf("held-out loss %.3f -> %.3f: not 10x lower", res.InitialEval, res.FinalEval)
	}
	if svg, err := os.ReadFile(res.Curve); err != nil || !strings.Contains(string(svg), "<polyline") {
		t.Errorf("loss curve: %v", err)
	}

	// llama.cpp runs the adapter and agrees with the engine.
	ref := sharedtest.LlamarefLogits(t, dir, base, out+":1")
	s := conformance.Suite{Kind: "logits", Name: "trained", Model: base, Data: ref, LoRA: []conformance.SuiteLoRA{{Path: out, Scale: 1}}}
	tol := conformance.Tolerances{LogitsNRMSEFloat: 0.01, LogitsNRMSEQuantized: 0.06, ArgmaxMargin: 1}
	if r := conformance.CheckLogits(context.Background(), s, tol); !r.Passed {
		t.Errorf("engine vs llama.cpp with the trained adapter: %s\n%s", r.Summary, r.Detail)
	} else {
		t.Logf("engine vs llama.cpp with the trained adapter: %s", r.Summary)
	}

	// The node answers as trained.
	ask := nodeWithAdapter(t, dir, base, template, out)
	for _, q := range questions[10:] {
		if got := ask(q, ""); got != trainedAnswer {
			t.Errorf("%q: the node answers %q, want %q", q, got, trainedAnswer)
		}
		if got := ask(q, `,"lora":[]`); got == trainedAnswer {
			t.Errorf("%q: the base model answers as trained", q)
		}
	}
}

// nodeWithAdapter opens a node (the default config changed by edit, with
// no knowledge base) on base with adapter in gaianet_go.lora and returns a
// function asking it question q, greedy, with extra request fields.
func nodeWithAdapter(t *testing.T, dir, base, template, adapter string, edit ...func(*config.Config)) func(q, extra string) string {
	t.Helper()
	cfg := config.Default()
	for _, e := range edit {
		e(cfg)
	}
	cfg.Chat, cfg.Embedding, cfg.EmbeddingName = base, "", ""
	cfg.PromptTemplate, cfg.ChatCtxSize = template, 256
	cfg.Ext.LoRA = []config.LoRAAdapter{{Path: adapter}}
	cfg.ApplyDefaults()
	n, err := node.Open(context.Background(), cfg, node.Options{Base: dir})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { n.Close() })
	srv := httptest.NewServer(n.Handler())
	t.Cleanup(srv.Close)
	return func(q, extra string) string {
		body, _ := json.Marshal(q)
		resp, err := http.Post(srv.URL+"/v1/chat/completions", "application/json",
			strings.NewReader(`{"temperature":0,"max_tokens":24,"messages":[{"role":"user","content":`+string(body)+`}]`+extra+`}`))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		raw, _ := io.ReadAll(resp.Body)
		var r struct {
			Choices []struct {
				Message struct{ Content string } `json:"message"`
			} `json:"choices"`
		}
		if json.Unmarshal(raw, &r) != nil || len(r.Choices) != 1 {
			t.Fatalf("%s", raw)
		}
		return strings.TrimSpace(r.Choices[0].Message.Content)
	}
}

// TestTrainWithNodeSystemPrompt trains the mapping from examples without
// a system message, as chat histories and 'finetune data' pairs come, on
// the tiny llama twice: with the node's system prompt added by AddSystem
// (what 'finetune data' and 'finetune train' do by default) and as they
// are. The held-out examples are scored as the node serves them (its
// system prompt first). Trained as they are, the examples reach a low loss
// on their own form (0.017 when this was written) but not on the served
// one, and the node, which puts its system prompt before every
// conversation, answers garbage; with the system prompt added, the
// served-form loss is low and the node answers as trained. A learning
// rate of 3e-3 keeps the adapter from learning the mapping so thoroughly
// that any prompt gives it (at 5e-3 both answer as trained).
func TestTrainWithNodeSystemPrompt(t *testing.T) {
	// A node's system prompt, as long as GaiaNet's published nodes' are.
	sys := "You are a travel guide for London, written by the city's tourist office. Answer every question a visitor asks " +
		"about places to see, transport, food, museums, parks and the history of the city. Keep answers short, friendly and " +
		"accurate, recommend the Underground for long trips, and say so plainly when you do not know."
	base := sharedtest.Model(t, "llama-spm-tiny-f16.gguf")
	var train, held []Example
	for i, q := range questions {
		ex := Example{Messages: []Message{{Role: "user", Content: q}, {Role: "assistant", Content: trainedAnswer}}}
		if i < 10 {
			train = append(train, ex)
		} else {
			held = append(held, ex)
		}
	}
	served, _ := AddSystem(held, sys)
	evals := map[string]float64{}
	for _, tc := range []struct {
		name   string
		system string
	}{{"with", sys}, {"without", ""}} {
		dir := t.TempDir()
		out := filepath.Join(dir, "a.gguf")
		tr, n := AddSystem(train, tc.system)
		if tc.system != "" && n != len(train) {
			t.Fatalf("AddSystem added %d of %d", n, len(train))
		}
		res, err := Train(context.Background(), base, tr, served, out, TrainOptions{Rank: 8, LR: 3e-3, Epochs: 4, Accum: 2,
			Template: "llama-2-chat", Threads: 2})
		if err != nil {
			t.Fatal(err)
		}
		evals[tc.name] = res.FinalEval
		ask := nodeWithAdapter(t, dir, base, "llama-2-chat", out, func(c *config.Config) { c.SystemPrompt = sys })
		right := 0
		for _, q := range questions[10:] {
			got := ask(q, "")
			if got == trainedAnswer {
				right++
			} else {
				t.Logf("%s the system prompt: %q -> %q", tc.name, q, got)
			}
		}
		t.Logf("trained %s the system prompt: served-form held-out loss %.3f -> %.3f; the node answers %d of %d held-out questions as trained",
			tc.name, res.InitialEval, res.FinalEval, right, len(questions[10:]))
		switch {
		case tc.system != "" && (right != len(questions[10:]) || res.FinalEval > 0.1):
			t.Errorf("trained with the node's system prompt: want every answer as trained and a served-form loss under 0.1")
		case tc.system == "" && right == len(questions[10:]):
			t.Errorf("trained without the system prompt, the node still answers every held-out question as trained: the test cannot show that the system prompt matters")
		}
	}
	if !(evals["with"]*10 < evals["without"]) {
		t.Errorf("served-form held-out loss %.3f with the system prompt, %.3f without: want 10x lower with it", evals["with"], evals["without"])
	}
}
