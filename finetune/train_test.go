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

// TestTrainEndToEnd trains an adapter on tiny random models to answer
// every question with one fixed sentence, then checks: the held-out loss
// falls by at least 10x; an interrupted run resumes from its checkpoint;
// llama.cpp loads the adapter and agrees with the engine running it; and a
// node with the adapter in gaianet_go.lora answers held-out questions with
// the sentence, greedy. The models: llama.cpp's tiny llama (made by
// llamaref); the default preset's family, qwen3 (per-head q/k norms, NeoX
// rope, ChatML); a Mixtral-style MoE (llama with 4 experts, top-2 routing;
// Q4_K_M), whose pairs sit on the attention projections while the
// gradient flows through the routed experts and the router; and stablelm
// (LayerNorms with biases, rope over a quarter of each head, q/k/v
// biases).
func TestTrainEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("trains for a while")
	}
	for _, tc := range []struct {
		name, template string
		model          func(t *testing.T) string
	}{
		{"llama", "llama-2-chat", shared("llama-spm-tiny-f16.gguf")},
		{"qwen3", "chatml", qwen3Tiny},
		{"mixtral", "llama-2-chat", shared("mixtral-spm-q4_k_m.gguf")},
		{"stablelm", "llama-2-chat", stablelmTiny},
	} {
		t.Run(tc.name, func(t *testing.T) { trainEndToEnd(t, tc.model(t), tc.template) })
	}
}

// fromTinyLlama writes a model of architecture arch with the weights of
// llama.cpp's tiny random llama model (SPM vocabulary, dim 128, 2 layers,
// 2 heads of 64, 1 KV head): its metadata moved to arch's keys (rename
// may give a key another name and value, or "" to keep it), and after each
// tensor the ones extra returns. With random weights, the llama file's
// rope-order permutation of q and k does not matter.
func fromTinyLlama(t *testing.T, arch string, rename func(key string) (string, any), extra func(ti *gguf.TensorInfo) []gguf.WriteTensor) string {
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
		if k, nv := rename(key); k != "" {
			key, v = k, nv
		}
		md.Set(key, v)
	}
	var ts []gguf.WriteTensor
	for i := range f.Tensors {
		ti := &f.Tensors[i]
		ts = append(ts, gguf.WriteTensor{Name: ti.Name, Dims: ti.Dims, Type: ti.Type, Data: f.TensorData(ti)})
		ts = append(ts, extra(ti)...)
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
	keep := func(string) (string, any) { return "", nil }
	return fromTinyLlama(t, "qwen3", keep, func(ti *gguf.TensorInfo) []gguf.WriteTensor {
		p, ok := strings.CutSuffix(ti.Name, "attn_q.weight")
		if !ok {
			return nil
		}
		hd := ti.Dim(0) / 2 // 2 heads
		return []gguf.WriteTensor{randVec(t, r, p+"attn_q_norm.weight", hd, 1, 0.2), randVec(t, r, p+"attn_k_norm.weight", hd, 1, 0.2)}
	})
}

// stablelmTiny writes a stablelm model from the tiny llama model with
// random LayerNorm biases and q/k/v biases, and rope over 16 of each
// head's 64 values. (The modeltest models' small random weights learn the
// mapping too slowly for this test.)
func stablelmTiny(t *testing.T) string {
	r := rand.New(rand.NewPCG(16, 3))
	rename := func(key string) (string, any) {
		switch key {
		case "stablelm.rope.dimension_count":
			return key, uint32(16)
		case "stablelm.attention.layer_norm_rms_epsilon":
			return "stablelm.attention.layer_norm_epsilon", float32(1e-5)
		}
		return "", nil
	}
	return fromTinyLlama(t, "stablelm", rename, func(ti *gguf.TensorInfo) []gguf.WriteTensor {
		if base, ok := strings.CutSuffix(ti.Name, "norm.weight"); ok {
			return []gguf.WriteTensor{randVec(t, r, base+"norm.bias", ti.Dim(0), 0, 0.2)}
		}
		for _, p := range []string{"attn_q", "attn_k", "attn_v"} {
			if base, ok := strings.CutSuffix(ti.Name, p+".weight"); ok {
				return []gguf.WriteTensor{randVec(t, r, base+p+".bias", ti.Dim(1), 0, 0.2)}
			}
		}
		return nil
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
