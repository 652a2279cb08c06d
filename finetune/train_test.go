package finetune

import (
	"context"
	"encoding/json"
	"io"
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

// TestTrainEndToEnd trains an adapter on a tiny random model (made by
// llamaref) to answer every question with one fixed sentence, then checks:
// the held-out loss falls by at least 10x; an interrupted run resumes from
// its checkpoint; llama.cpp loads the adapter and agrees with the engine
// running it; and a node with the adapter in gaianet_go.lora answers
// held-out questions with the sentence, greedy.
func TestTrainEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("trains for a while")
	}
	trainEndToEnd(t, sharedtest.Model(t, "llama-spm-tiny-f16.gguf"), "llama-2-chat")
}

// TestTrainEndToEndQwen3 is TestTrainEndToEnd on the default preset's
// family: a tiny random qwen3 model (per-head q/k norms, NeoX rope) with
// the ChatML template.
func TestTrainEndToEndQwen3(t *testing.T) {
	if testing.Short() {
		t.Skip("trains for a while")
	}
	trainEndToEnd(t, qwen3Tiny(t), "chatml")
}

// TestTrainEndToEndMixtral is TestTrainEndToEnd on a Mixtral-style MoE
// model (llama with 4 experts, top-2 routing; Q4_K_M): the pairs sit on
// the attention projections, the gradient flows through the routed
// experts and the router.
func TestTrainEndToEndMixtral(t *testing.T) {
	if testing.Short() {
		t.Skip("trains for a while")
	}
	trainEndToEnd(t, sharedtest.Model(t, "mixtral-spm-q4_k_m.gguf"), "llama-2-chat")
}

// TestTrainEndToEndStablelm is TestTrainEndToEnd on a StableLM 2 style
// model (LayerNorms with biases, rope over a quarter of each head, q/k/v
// biases) made from llama.cpp's tiny random llama model (stablelmTiny).
func TestTrainEndToEndStablelm(t *testing.T) {
	if testing.Short() {
		t.Skip("trains for a while")
	}
	trainEndToEnd(t, stablelmTiny(t), "llama-2-chat")
}

// stablelmTiny writes a stablelm model with the weights of llama.cpp's
// tiny random llama model (as qwen3Tiny) plus random LayerNorm biases and
// q/k/v biases, and rope over 16 of each head's 64 values. (The modeltest
// models' small random weights learn the mapping too slowly for a test.)
func stablelmTiny(t *testing.T) string {
	t.Helper()
	f, err := gguf.Open(sharedtest.Model(t, "llama-spm-tiny-f16.gguf"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	md := gguf.NewMetadata()
	for _, kv := range f.Metadata.KVs() {
		key := kv.Key
		if rest, ok := strings.CutPrefix(key, "llama."); ok {
			key = "stablelm." + rest
		}
		switch key {
		case "general.architecture":
			md.Set(key, "stablelm")
		case "stablelm.rope.dimension_count":
			md.Set(key, uint32(16))
		case "stablelm.attention.layer_norm_rms_epsilon":
			md.Set("stablelm.attention.layer_norm_epsilon", float32(1e-5))
		default:
			md.Set(key, kv.Value)
		}
	}
	r := rand.New(rand.NewPCG(16, 3))
	bias := func(name string, n int) gguf.WriteTensor {
		v := make([]float32, n)
		for i := range v {
			v[i] = 0.2 * (2*r.Float32() - 1)
		}
		b := make([]byte, 4*n)
		if err := kernels.Quantize(gguf.TypeF32, v, b); err != nil {
			t.Fatal(err)
		}
		return gguf.WriteTensor{Name: name, Dims: []uint64{uint64(n)}, Type: gguf.TypeF32, Data: b}
	}
	var ts []gguf.WriteTensor
	for i := range f.Tensors {
		ti := &f.Tensors[i]
		ts = append(ts, gguf.WriteTensor{Name: ti.Name, Dims: ti.Dims, Type: ti.Type, Data: f.TensorData(ti)})
		if base, ok := strings.CutSuffix(ti.Name, "norm.weight"); ok {
			ts = append(ts, bias(base+"norm.bias", ti.Dim(0)))
		}
		for _, p := range []string{"attn_q", "attn_k", "attn_v"} {
			if base, ok := strings.CutSuffix(ti.Name, p+".weight"); ok {
				ts = append(ts, bias(base+p+".bias", ti.Dim(1)))
			}
		}
	}
	out := filepath.Join(t.TempDir(), "stablelm-tiny-f16.gguf")
	if err := gguf.WriteFile(out, md, ts); err != nil {
		t.Fatal(err)
	}
	return out
}

// qwen3Tiny writes a qwen3 model with llama.cpp's tiny random llama model
// (SPM vocabulary, dim 128, 2 layers, 2 heads of 64, 1 KV head) as its
// weights and random per-head q/k norm weights around 1 (llamaref cannot
// convert Qwen3ForCausalLM). With random weights, the llama file's
// rope-order permutation of q and k does not matter.
func qwen3Tiny(t *testing.T) string {
	t.Helper()
	f, err := gguf.Open(sharedtest.Model(t, "llama-spm-tiny-f16.gguf"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	md := gguf.NewMetadata()
	for _, kv := range f.Metadata.KVs() {
		key := kv.Key
		if rest, ok := strings.CutPrefix(key, "llama."); ok {
			key = "qwen3." + rest
		}
		if key == "general.architecture" {
			md.Set(key, "qwen3")
			continue
		}
		md.Set(key, kv.Value)
	}
	heads, _ := f.Metadata.Uint("llama.attention.head_count")
	dim, _ := f.Metadata.Uint("llama.embedding_length")
	hd := int(dim / heads)
	r := rand.New(rand.NewPCG(15, 3))
	norm := func(name string) gguf.WriteTensor {
		v := make([]float32, hd)
		for i := range v {
			v[i] = 1 + 0.4*(r.Float32()-0.5)
		}
		b := make([]byte, 4*hd)
		if err := kernels.Quantize(gguf.TypeF32, v, b); err != nil {
			t.Fatal(err)
		}
		return gguf.WriteTensor{Name: name, Dims: []uint64{uint64(hd)}, Type: gguf.TypeF32, Data: b}
	}
	var ts []gguf.WriteTensor
	for i := range f.Tensors {
		ti := &f.Tensors[i]
		ts = append(ts, gguf.WriteTensor{Name: ti.Name, Dims: ti.Dims, Type: ti.Type, Data: f.TensorData(ti)})
		if p, ok := strings.CutSuffix(ti.Name, "attn_q.weight"); ok {
			ts = append(ts, norm(p+"attn_q_norm.weight"), norm(p+"attn_k_norm.weight"))
		}
	}
	out := filepath.Join(t.TempDir(), "qwen3-tiny-f16.gguf")
	if err := gguf.WriteFile(out, md, ts); err != nil {
		t.Fatal(err)
	}
	return out
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
	cfg := config.Default()
	cfg.Chat, cfg.Embedding, cfg.EmbeddingName = base, "", ""
	cfg.PromptTemplate, cfg.ChatCtxSize = template, 256
	cfg.Ext.LoRA = []config.LoRAAdapter{{Path: out}}
	cfg.ApplyDefaults()
	n, err := node.Open(context.Background(), cfg, node.Options{Base: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close()
	srv := httptest.NewServer(n.Handler())
	defer srv.Close()
	ask := func(q, extra string) string {
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
	for _, q := range questions[10:] {
		if got := ask(q, ""); got != trainedAnswer {
			t.Errorf("%q: the node answers %q, want %q", q, got, trainedAnswer)
		}
		if got := ask(q, `,"lora":[]`); got == trainedAnswer {
			t.Errorf("%q: the base model answers as trained", q)
		}
	}
}
