package node

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/internal/sharedtest"

	"github.com/gaianet-go/gaianet/config"
	"github.com/gaianet-go/gaianet/engine"
	"github.com/gaianet-go/gaianet/rag"
	"github.com/gaianet-go/gaianet/vectorstore"
)

const kbText = "The GaiaNet test node keeps its knowledge in an embedded vector store."

// testConfig is the node configuration of the tests and benchmarks: the
// conformance llama-spm-q8_0 chat model and, when embed is set, the
// bert-f16 embedding model; mutate may change it before defaults apply.
func testConfig(tb testing.TB, embed bool, mutate func(*config.Config)) *config.Config {
	tb.Helper()
	models := sharedtest.Path(tb, "conformance", "models")
	cfg := config.Default()
	cfg.Chat = filepath.Join(models, "llama-spm-q8_0.gguf")
	cfg.ChatName = "tiny-llama"
	cfg.ChatCtxSize = 512
	cfg.PromptTemplate = "llama-2-chat"
	cfg.Embedding, cfg.EmbeddingName = "", ""
	if embed {
		cfg.Embedding = filepath.Join(models, "bert-f16.gguf")
		cfg.EmbeddingName = "tiny-bert"
		cfg.EmbeddingCtxSize = 512
	}
	cfg.QdrantScoreThreshold = 0.2
	cfg.Ext.Parallel = 2
	if mutate != nil {
		mutate(cfg)
	}
	cfg.ApplyDefaults()
	return cfg
}

// testNode starts a node on the conformance models with a one-chunk
// knowledge base, served over a real HTTP server.
func testNode(t *testing.T, mutate func(*config.Config)) (*Node, *httptest.Server) {
	t.Helper()
	base := t.TempDir()
	cfg := testConfig(t, true, mutate)

	// Build the knowledge base the way ingestion does: embed, upsert.
	ctx := context.Background()
	store, err := vectorstore.Open(ctx, filepath.Join(base, "vectors"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.CreateCollection(ctx, cfg.EmbeddingCollectionName, vectorstore.CollectionConfig{Dim: 256, Distance: vectorstore.Cosine}); err != nil {
		t.Fatal(err)
	}
	n0, err := Open(ctx, &config.Config{Chat: cfg.Chat, Embedding: cfg.Embedding, PromptTemplate: "llama-2-chat", ChatCtxSize: 128}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	vecs, _, err := n0.embed.Embed(ctx, []string{kbText, "Unrelated: bananas are yellow."})
	n0.Close()
	if err != nil {
		t.Fatal(err)
	}
	err = store.Upsert(ctx, cfg.EmbeddingCollectionName, []vectorstore.Point{
		{ID: vectorstore.NumID(1), Vector: vecs[0], Payload: map[string]any{rag.PayloadText: kbText, rag.PayloadFile: "kb.md"}},
		{ID: vectorstore.NumID(2), Vector: vecs[1], Payload: map[string]any{rag.PayloadText: "Unrelated: bananas are yellow.", rag.PayloadFile: "fruit.md"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	store.Close()

	n, err := Open(ctx, cfg, Options{Base: base, NodeID: "0x0000000000000000000000000000000000000001", Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(n.Handler())
	t.Cleanup(func() { srv.Close(); n.Close() })
	return n, srv
}

func post(t *testing.T, url, body string) (int, []byte) {
	t.Helper()
	resp, err := http.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

type completionOut struct {
	Model   string `json:"model"`
	Choices []struct {
		Text    string `json:"text"`
		Message struct {
			Content string `json:"content"`
		} `json:"message"`
		Logprobs *struct {
			Content []struct {
				Token       string            `json:"token"`
				Logprob     float64           `json:"logprob"`
				TopLogprobs []json.RawMessage `json:"top_logprobs"`
			} `json:"content"`
		} `json:"logprobs"`
		FinishReason string `json:"finish_reason"`
	} `json:"choices"`
	Usage struct {
		PromptTokens     int `json:"prompt_tokens"`
		CompletionTokens int `json:"completion_tokens"`
		TotalTokens      int `json:"total_tokens"`
	} `json:"usage"`
	Sources []struct {
		Text       string  `json:"text"`
		Document   string  `json:"document"`
		DocumentID string  `json:"document_id"`
		Score      float64 `json:"score"`
	} `json:"sources"`
}

// TestCompletionMatchesEngine checks that /v1/completions at temperature 0
// returns exactly the engine's greedy continuation, with correct usage.
func TestCompletionMatchesEngine(t *testing.T) {
	n, srv := testNode(t, nil)
	prompt := "The capital of France is"
	toks := n.tok.Encode(prompt, true, true)
	var want strings.Builder
	res, err := n.engine.Generate(context.Background(), engine.Request{Prompt: toks, MaxTokens: 12}, func(tk engine.Token) error {
		want.WriteString(tk.Text)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// The reference continuation of this prompt is 12 visible tokens; an
	// empty text would mean detokenization is broken.
	if strings.TrimSpace(want.String()) == "" || res.GeneratedTokens != 12 {
		t.Fatalf("engine greedy text %q after %d tokens", want.String(), res.GeneratedTokens)
	}
	code, body := post(t, srv.URL+"/v1/completions", `{"prompt":"The capital of France is","max_tokens":12,"temperature":0}`)
	var out completionOut
	if err := json.Unmarshal(body, &out); code != 200 || err != nil {
		t.Fatalf("%d %s", code, body)
	}
	if out.Choices[0].Text != want.String() {
		t.Errorf("API text %q, engine greedy %q", out.Choices[0].Text, want.String())
	}
	if out.Usage.PromptTokens != len(toks) || out.Usage.CompletionTokens != res.GeneratedTokens ||
		out.Usage.TotalTokens != len(toks)+res.GeneratedTokens || out.Choices[0].FinishReason != res.FinishReason {
		t.Errorf("usage %+v finish %q; want prompt %d completion %d finish %q", out.Usage, out.Choices[0].FinishReason,
			len(toks), res.GeneratedTokens, res.FinishReason)
	}
}

func readEvents(t *testing.T, r io.Reader) []map[string]any {
	t.Helper()
	var out []map[string]any
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		data, ok := strings.CutPrefix(sc.Text(), "data: ")
		if !ok || data == "[DONE]" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(data), &m); err != nil {
			t.Fatalf("bad event %q", data)
		}
		out = append(out, m)
	}
	return out
}

// TestChatStreamAndRAG checks a seeded chat: streamed and non-streamed
// replies agree, usage adds up, and the knowledge-base chunk matching the
// question is retrieved and reported.
func TestChatStreamAndRAG(t *testing.T) {
	_, srv := testNode(t, nil)
	req := `{"model":"tiny-llama","seed":42,"temperature":0.8,"max_tokens":10,"messages":[{"role":"user","content":"` + kbText + `"}]%s}`
	code, body := post(t, srv.URL+"/v1/chat/completions", fmt.Sprintf(req, ""))
	var out completionOut
	if err := json.Unmarshal(body, &out); code != 200 || err != nil {
		t.Fatalf("%d %s", code, body)
	}
	if out.Model != "tiny-llama" || out.Usage.CompletionTokens < 1 || out.Usage.CompletionTokens > 10 ||
		out.Usage.TotalTokens != out.Usage.PromptTokens+out.Usage.CompletionTokens {
		t.Errorf("unexpected reply: %s", body)
	}
	if len(out.Sources) == 0 || out.Sources[0].Text != kbText || out.Sources[0].Document != "kb.md" ||
		!strings.HasPrefix(out.Sources[0].DocumentID, "doc_") {
		t.Errorf("sources: %+v", out.Sources)
	}

	resp, err := http.Post(srv.URL+"/v1/chat/completions", "application/json",
		strings.NewReader(fmt.Sprintf(req, `,"stream":true,"stream_options":{"include_usage":true}`)))
	if err != nil {
		t.Fatal(err)
	}
	events := readEvents(t, resp.Body)
	resp.Body.Close()
	var text strings.Builder
	var usage map[string]any
	for _, e := range events {
		if u, ok := e["usage"].(map[string]any); ok {
			usage = u
		}
		for _, c := range e["choices"].([]any) {
			if d, ok := c.(map[string]any)["delta"].(map[string]any); ok {
				if s, ok := d["content"].(string); ok {
					text.WriteString(s)
				}
			}
		}
	}
	if text.String() != out.Choices[0].Message.Content {
		t.Errorf("streamed %q, non-streamed %q (same seed)", text.String(), out.Choices[0].Message.Content)
	}
	if usage == nil || int(usage["completion_tokens"].(float64)) != out.Usage.CompletionTokens {
		t.Errorf("stream usage %v, want %d completion tokens", usage, out.Usage.CompletionTokens)
	}
}

func TestLogprobsAndErrors(t *testing.T) {
	_, srv := testNode(t, func(c *config.Config) { c.ChatCtxSize = 64 })
	code, body := post(t, srv.URL+"/v1/chat/completions",
		`{"max_tokens":3,"temperature":0,"logprobs":true,"top_logprobs":2,"messages":[{"role":"user","content":"hi"}]}`)
	var out completionOut
	json.Unmarshal(body, &out)
	if code != 200 || out.Choices[0].Logprobs == nil || len(out.Choices[0].Logprobs.Content) != out.Usage.CompletionTokens {
		t.Fatalf("%d %s", code, body)
	}
	for _, lp := range out.Choices[0].Logprobs.Content {
		if lp.Logprob > 0 || len(lp.TopLogprobs) != 2 {
			t.Errorf("logprob entry %+v", lp)
		}
	}
	long := strings.Repeat("word ", 200)
	code, body = post(t, srv.URL+"/v1/chat/completions", `{"messages":[{"role":"user","content":"`+long+`"}]}`)
	if code != 400 || !bytes.Contains(body, []byte("context_length_exceeded")) || !bytes.Contains(body, []byte("64 tokens")) {
		t.Errorf("long prompt: %d %s", code, body)
	}
	code, body = post(t, srv.URL+"/v1/chat/completions", `{"model":"nope","messages":[{"role":"user","content":"x"}]}`)
	if code != 404 {
		t.Errorf("unknown model: %d %s", code, body)
	}
}

func TestEmbeddingsInfoModels(t *testing.T) {
	_, srv := testNode(t, nil)
	code, body := post(t, srv.URL+"/v1/embeddings", `{"model":"tiny-bert","input":["hello","world"]}`)
	var out struct {
		Data []struct {
			Embedding []float64 `json:"embedding"`
		} `json:"data"`
	}
	if err := json.Unmarshal(body, &out); code != 200 || err != nil || len(out.Data) != 2 || len(out.Data[0].Embedding) != 256 {
		t.Fatalf("%d %.300s", code, body)
	}
	var ss float64
	for _, x := range out.Data[0].Embedding {
		ss += x * x
	}
	if ss < 0.999 || ss > 1.001 {
		t.Errorf("embedding norm² %v", ss)
	}
	resp, err := http.Get(srv.URL + "/v1/info")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, want := range []string{`"node_id":"0x0000000000000000000000000000000000000001"`, `"prompt_template":"llama-2-chat"`, `"points":2`, "tiny-bert"} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("info lacks %s: %s", want, b)
		}
	}
	resp, _ = http.Get(srv.URL + "/")
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !bytes.Contains(page, []byte("GaiaNet node")) {
		t.Error("web page not served at /")
	}
}

// TestClientDisconnectFreesSlot cancels a long stream and checks that the
// node keeps answering with its single slot.
func TestClientDisconnectFreesSlot(t *testing.T) {
	_, srv := testNode(t, func(c *config.Config) { c.Ext.Parallel = 1 })
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "POST", srv.URL+"/v1/chat/completions",
		strings.NewReader(`{"stream":true,"max_tokens":400,"messages":[{"role":"user","content":"go on"}]}`))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(resp.Body)
	r.ReadString('\n') // the stream has started
	cancel()
	resp.Body.Close()
	done := make(chan struct{})
	go func() {
		defer close(done)
		code, body := post(t, srv.URL+"/v1/chat/completions", `{"max_tokens":2,"messages":[{"role":"user","content":"x"}]}`)
		if code != 200 {
			t.Errorf("after disconnect: %d %s", code, body)
		}
	}()
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("slot not freed after the client disconnected")
	}
}

// TestQueueFull fills the only slot and the only queue place with streams
// and checks that a third request is refused with 429 and Retry-After,
// and that the node serves again once they end.
func TestQueueFull(t *testing.T) {
	_, srv := testNode(t, func(c *config.Config) { c.Ext.Parallel = 1; c.Ext.QueueSize = 1 })
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for i := 0; i < 2; i++ {
		req, _ := http.NewRequestWithContext(ctx, "POST", srv.URL+"/v1/chat/completions",
			strings.NewReader(`{"stream":true,"max_tokens":400,"logit_bias":{"2":-100},"messages":[{"role":"user","content":"go on"}]}`))
		req.Header.Set("Content-Type", "application/json")
		go func() {
			resp, err := http.DefaultClient.Do(req)
			if err == nil {
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		}()
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(srv.URL + "/metrics")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if bytes.Contains(b, []byte("gaianet_queue_depth 1")) && bytes.Contains(b, []byte("gaianet_active_slots 1")) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the two streams never filled the slot and the queue:\n%s", b)
		}
		time.Sleep(10 * time.Millisecond)
	}
	resp, err := http.Post(srv.URL+"/v1/chat/completions", "application/json",
		strings.NewReader(`{"max_tokens":1,"messages":[{"role":"user","content":"x"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 429 || resp.Header.Get("Retry-After") == "" || !bytes.Contains(b, []byte("rate_limit_error")) {
		t.Fatalf("full node: %d Retry-After=%q %s", resp.StatusCode, resp.Header.Get("Retry-After"), b)
	}
	cancel()
	deadline = time.Now().Add(30 * time.Second)
	for {
		code, body := post(t, srv.URL+"/v1/chat/completions", `{"max_tokens":1,"messages":[{"role":"user","content":"x"}]}`)
		if code == 200 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("node still refusing after the streams ended: %d %s", code, body)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
