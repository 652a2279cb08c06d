package finetune

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/config"
	"github.com/gaianet-go/gaianet/conformance"
	"github.com/gaianet-go/gaianet/internal/sharedtest"
	"github.com/gaianet-go/gaianet/node"
)

// trainedAnswer is the synthetic mapping: whatever the question, the
// reply is this sentence, which a random-weight base cannot produce.
const trainedAnswer = "Ahoy! The answer is forty two."

var questions = []string{"What is the capital of France?", "How old is the sun?", "Who wrote Hamlet?", "What is water made of?",
	"Where is Singapore?", "Why is the sky blue?", "What is a node?", "How do bees fly?", "What is two plus two?",
	"Name a prime number.", "What color is grass?", "Where do penguins live?", "What is GaiaNet?", "How far is the moon?"}

func mappingExamples(qs []string) []Example {
	var out []Example
	for _, q := range qs {
		out = append(out, Example{Messages: []Message{{Role: "user", Content: q}, {Role: "assistant", Content: trainedAnswer}}})
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
	base := sharedtest.Model(t, "llama-spm-tiny-f16.gguf")
	dir := t.TempDir()
	out := filepath.Join(dir, "style.gguf")
	train, held := mappingExamples(questions[:10]), mappingExamples(questions[10:])
	opts := TrainOptions{Rank: 8, LR: 5e-3, Epochs: 4, Accum: 2, Template: "llama-2-chat", Threads: 2, CheckpointEvery: 5}
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
	cfg.PromptTemplate, cfg.ChatCtxSize = "llama-2-chat", 256
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
