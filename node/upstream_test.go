package node

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/api"
	"github.com/gaianet-go/gaianet/config"
	"github.com/gaianet-go/gaianet/internal/sharedtest"
	"github.com/gaianet-go/gaianet/upstream"
	"github.com/gaianet-go/gaianet/vectorstore"
)

// upstreamCall is a request node A received, as a test sees it.
type upstreamCall struct {
	Path   string
	Auth   string
	Body   []byte
	Events int64 // SSE events A wrote in reply
	Done   time.Time
}

// recorder wraps node A's handler to capture what B sends and how A's
// replies end.
type recorder struct {
	h     http.Handler
	mu    sync.Mutex // guards calls
	calls []upstreamCall
	ended chan upstreamCall // completions and chats, as they end
}

func (rc *recorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	r.Body = io.NopCloser(bytes.NewReader(body))
	rc.mu.Lock()
	rc.calls = append(rc.calls, upstreamCall{Path: r.URL.Path, Auth: r.Header.Get("Authorization"), Body: body})
	i := len(rc.calls) - 1
	rc.mu.Unlock()
	cw := &countingWriter{ResponseWriter: w}
	rc.h.ServeHTTP(cw, r)
	rc.mu.Lock()
	rc.calls[i].Events, rc.calls[i].Done = cw.events.Load(), time.Now()
	c := rc.calls[i]
	rc.mu.Unlock()
	if strings.HasSuffix(c.Path, "completions") {
		select {
		case rc.ended <- c:
		default:
		}
	}
}

// last returns the latest call to a path ending in suffix.
func (rc *recorder) last(t *testing.T, suffix string) upstreamCall {
	t.Helper()
	rc.mu.Lock()
	defer rc.mu.Unlock()
	for i := len(rc.calls) - 1; i >= 0; i-- {
		if strings.HasSuffix(rc.calls[i].Path, suffix) {
			return rc.calls[i]
		}
	}
	t.Fatalf("upstream got no request to *%s", suffix)
	return upstreamCall{}
}

func (rc *recorder) count() int {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return len(rc.calls)
}

type countingWriter struct {
	http.ResponseWriter
	events atomic.Int64
}

func (w *countingWriter) Write(b []byte) (int, error) {
	w.events.Add(int64(bytes.Count(b, []byte("data: "))))
	return w.ResponseWriter.Write(b)
}

func (w *countingWriter) Flush() { w.ResponseWriter.(http.Flusher).Flush() }

func (w *countingWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// nodeA starts a plain model server on the conformance models: chat and
// embeddings, no system prompt, no knowledge base.
func nodeA(t *testing.T, mutate func(*config.Config)) (*recorder, *httptest.Server) {
	t.Helper()
	models := sharedtest.Path(t, "conformance", "models")
	cfg := &config.Config{Chat: filepath.Join(models, "llama-spm-q8_0.gguf"), ChatName: "tiny-llama", ChatCtxSize: 512,
		PromptTemplate: "llama-2-chat", Embedding: filepath.Join(models, "bert-f16.gguf"), EmbeddingName: "tiny-bert",
		EmbeddingCtxSize: 512}
	cfg.Ext.Parallel = 2
	if mutate != nil {
		mutate(cfg)
	}
	cfg.ApplyDefaults()
	n, err := Open(context.Background(), cfg, Options{})
	if err != nil {
		t.Fatal(err)
	}
	rc := &recorder{h: n.Handler(), ended: make(chan upstreamCall, 16)}
	srv := httptest.NewServer(rc)
	t.Cleanup(func() { srv.Close(); n.Close() })
	return rc, srv
}

const systemB = "You are the GaiaNet test node."

// nodeB starts a node whose chat and embeddings are answered by upstream
// (a base URL), with its own system prompt and knowledge base directory.
func nodeB(t *testing.T, upstream string, mutate func(*config.Config)) (*Node, *httptest.Server) {
	t.Helper()
	cfg := &config.Config{SystemPrompt: systemB, RAGPrompt: "Use this context:", QdrantScoreThreshold: 0.2, EmbeddingName: "tiny-bert"}
	cfg.Ext.ChatUpstream = upstream
	cfg.Ext.EmbeddingUpstream = upstream
	if mutate != nil {
		mutate(cfg)
	}
	cfg.ApplyDefaults()
	n, err := Open(context.Background(), cfg, Options{Base: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(n.Handler())
	t.Cleanup(func() { srv.Close(); n.Close() })
	return n, srv
}

// addKnowledge adds a document to a node's knowledge base through
// /v1/create/rag.
func addKnowledge(t *testing.T, url, name, text string) {
	t.Helper()
	if code, body := upload(t, url+"/v1/create/rag", name, text); code != 200 {
		t.Fatalf("create/rag: %d %s", code, body)
	}
}

// streamed reads a streamed chat or text completion: its text, the usage
// event's counts, the sources and the finish reason.
type streamed struct {
	text    string
	usage   map[string]any
	sources []any
	finish  string
	errMsg  string
}

func readStream(t *testing.T, r io.Reader) streamed {
	t.Helper()
	var s streamed
	var text strings.Builder
	for _, e := range readEvents(t, r) {
		if u, ok := e["usage"].(map[string]any); ok {
			s.usage = u
		}
		if src, ok := e["sources"].([]any); ok {
			s.sources = src
		}
		if er, ok := e["error"].(map[string]any); ok {
			s.errMsg, _ = er["message"].(string)
		}
		choices, _ := e["choices"].([]any)
		for _, c := range choices {
			cm := c.(map[string]any)
			if f, ok := cm["finish_reason"].(string); ok {
				s.finish = f
			}
			if txt, ok := cm["text"].(string); ok {
				text.WriteString(txt)
			}
			if d, ok := cm["delta"].(map[string]any); ok {
				if str, ok := d["content"].(string); ok {
					text.WriteString(str)
				}
			}
		}
	}
	s.text = text.String()
	return s
}

func postStream(t *testing.T, url, body string) streamed {
	t.Helper()
	resp, err := http.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		b, _ := io.ReadAll(resp.Body)
		t.Fatalf("stream: %d %s", resp.StatusCode, b)
	}
	return readStream(t, resp.Body)
}

func decodeOut(t *testing.T, code int, body []byte) completionOut {
	t.Helper()
	var out completionOut
	if err := json.Unmarshal(body, &out); code != 200 || err != nil {
		t.Fatalf("%d %s", code, body)
	}
	return out
}

// TestUpstreamChat runs node B on node A: B's system prompt and retrieved
// knowledge go upstream, A's reply comes back unchanged, streamed or not,
// with A's usage and B's sources.
func TestUpstreamChat(t *testing.T) {
	rc, a := nodeA(t, nil)
	b, bs := nodeB(t, a.URL+"/v1", nil)
	if b.chatName != "tiny-llama" {
		t.Errorf("B's chat name %q, want tiny-llama learned from A's /v1/models", b.chatName)
	}
	addKnowledge(t, bs.URL, "kb.md", kbText)
	for path, wants := range map[string][]string{
		"/v1/info":   {`"upstream":"` + a.URL + `/v1"`, `"system_prompt":"` + systemB + `"`, `"points":1`},
		"/v1/models": {`"id":"tiny-llama"`, `"id":"tiny-bert"`},
	} {
		code, body := get(t, "GET", bs.URL+path)
		for _, w := range wants {
			if code != 200 || !bytes.Contains(body, []byte(w)) {
				t.Errorf("%s lacks %s: %d %s", path, w, code, body)
			}
		}
	}

	req := `{"temperature":0,"max_tokens":12,"messages":[{"role":"user","content":"` + kbText + `"}]%s}`
	code, body := post(t, bs.URL+"/v1/chat/completions", fmt.Sprintf(req, ""))
	outB := decodeOut(t, code, body)
	sent := rc.last(t, "/v1/chat/completions")
	var up struct {
		Model         string            `json:"model"`
		Stream        bool              `json:"stream"`
		StreamOptions map[string]bool   `json:"stream_options"`
		Messages      []json.RawMessage `json:"messages"`
		Temperature   *float64          `json:"temperature"`
		MaxTokens     *int              `json:"max_tokens"`
	}
	if err := json.Unmarshal(sent.Body, &up); err != nil {
		t.Fatal(err)
	}
	if !up.Stream || !up.StreamOptions["include_usage"] || up.Model != "tiny-llama" || up.Temperature == nil ||
		*up.Temperature != 0 || up.MaxTokens == nil || *up.MaxTokens != 12 {
		t.Errorf("B sent upstream: %s", sent.Body)
	}
	var msgs []struct{ Role, Content string }
	json.Unmarshal(mustJSON(up.Messages), &msgs)
	if len(msgs) != 2 || msgs[0].Role != "system" || !strings.HasPrefix(msgs[0].Content, systemB) ||
		!strings.Contains(msgs[0].Content, "Use this context:\n"+kbText) || msgs[1].Content != kbText {
		t.Errorf("B's messages upstream: %+v", msgs)
	}
	if len(outB.Sources) == 0 || outB.Sources[0].Text != kbText || outB.Sources[0].Document != "kb.md" {
		t.Errorf("B's sources: %+v", outB.Sources)
	}
	if outB.Model != "tiny-llama" {
		t.Errorf("B's model %q", outB.Model)
	}

	// A, given exactly what B sent, answers the same text and usage.
	direct := `{"temperature":0,"max_tokens":12,"messages":` + string(mustJSON(up.Messages)) + `}`
	code, body = post(t, a.URL+"/v1/chat/completions", direct)
	outA := decodeOut(t, code, body)
	if strings.TrimSpace(outA.Choices[0].Message.Content) == "" {
		t.Fatalf("A's reply is empty: %s", body)
	}
	if outB.Choices[0].Message.Content != outA.Choices[0].Message.Content || outB.Usage != outA.Usage ||
		outB.Choices[0].FinishReason != outA.Choices[0].FinishReason {
		t.Errorf("B: %q %+v %s; A: %q %+v %s", outB.Choices[0].Message.Content, outB.Usage, outB.Choices[0].FinishReason,
			outA.Choices[0].Message.Content, outA.Usage, outA.Choices[0].FinishReason)
	}

	// Streamed through B: the same text, usage and sources.
	s := postStream(t, bs.URL+"/v1/chat/completions", fmt.Sprintf(req, `,"stream":true,"stream_options":{"include_usage":true}`))
	if s.text != outA.Choices[0].Message.Content || s.finish != outA.Choices[0].FinishReason {
		t.Errorf("B streamed %q (%s), A said %q", s.text, s.finish, outA.Choices[0].Message.Content)
	}
	if s.usage == nil || int(s.usage["prompt_tokens"].(float64)) != outA.Usage.PromptTokens ||
		int(s.usage["completion_tokens"].(float64)) != outA.Usage.CompletionTokens {
		t.Errorf("B's streamed usage %v, A's %+v", s.usage, outA.Usage)
	}
	if len(s.sources) == 0 {
		t.Error("B's stream reported no sources")
	}

	// Logprobs come through.
	lpReq := `{"temperature":0,"max_tokens":4,"logprobs":true,"top_logprobs":2,"messages":[{"role":"system","content":"x"},{"role":"user","content":"hi"}]}`
	code, body = post(t, bs.URL+"/v1/chat/completions", lpReq)
	lpB := decodeOut(t, code, body)
	var sentLP map[string]json.RawMessage
	json.Unmarshal(rc.last(t, "/v1/chat/completions").Body, &sentLP)
	code, body = post(t, a.URL+"/v1/chat/completions",
		`{"temperature":0,"max_tokens":4,"logprobs":true,"top_logprobs":2,"messages":`+string(sentLP["messages"])+`}`)
	lpA := decodeOut(t, code, body)
	if lpB.Choices[0].Logprobs == nil || lpA.Choices[0].Logprobs == nil ||
		!reflect.DeepEqual(lpB.Choices[0].Logprobs.Content, lpA.Choices[0].Logprobs.Content) ||
		len(lpB.Choices[0].Logprobs.Content) != lpB.Usage.CompletionTokens {
		t.Errorf("logprobs through B: %+v; A: %+v", lpB.Choices[0].Logprobs, lpA.Choices[0].Logprobs)
	}
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

// TestUpstreamStreamsToolCallsAndReasoning checks that an upstream's
// reasoning and tool-call deltas reach a streaming client as they come.
func TestUpstreamStreamsToolCallsAndReasoning(t *testing.T) {
	up := scripted(t, 200, map[string]string{"Content-Type": "text/event-stream"},
		"data: {\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":\"hmm\"}}]}\n\n"+
			"data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"get\",\"arguments\":\"{\\\"a\\\"\"}}]}}]}\n\n"+
			"data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\":1}\"}}]},\"finish_reason\":\"tool_calls\"}]}\n\ndata: [DONE]\n\n")
	_, bs := nodeB(t, up, func(c *config.Config) { c.ChatName = "m"; c.Ext.EmbeddingUpstream = "" })
	code, body := post(t, bs.URL+"/v1/chat/completions", `{"stream":true,"messages":[{"role":"user","content":"hi"}]}`)
	if code != 200 {
		t.Fatalf("%d %s", code, body)
	}
	for _, want := range []string{`"delta":{"role":"assistant","reasoning_content":"hmm"}`,
		`"delta":{"tool_calls":[{"index":0,"id":"c1","type":"function","function":{"name":"get","arguments":"{\"a\""}}]}`,
		`"delta":{"tool_calls":[{"index":0,"function":{"arguments":":1}"}}]}`, `"finish_reason":"tool_calls"`} {
		if !bytes.Contains(body, []byte(want)) {
			t.Errorf("stream lacks %s:\n%s", want, body)
		}
	}
}

// TestUpstreamPassesFields checks that the sampling, tool and format fields
// reach the upstream as the client sent them.
func TestUpstreamPassesFields(t *testing.T) {
	rc, a := nodeA(t, nil)
	_, bs := nodeB(t, a.URL+"/v1", func(c *config.Config) { c.ChatName = "tiny-llama" })
	fields := map[string]string{
		"temperature": `0.5`, "top_p": `0.9`, "max_tokens": `3`, "stop": `["\n\n","END"]`, "seed": `7`,
		"presence_penalty": `0.1`, "frequency_penalty": `0.2`, "logit_bias": `{"5":-1}`, "logprobs": `true`,
		"top_logprobs": `1`, "top_k": `40`,
		"tools":               `[{"type":"function","function":{"name":"f","parameters":{"type":"object"}}}]`,
		"tool_choice":         `"none"`,
		"parallel_tool_calls": `false`,
		"response_format":     `{"type":"json_object"}`,
	}
	var b strings.Builder
	b.WriteString(`{"model":"tiny-llama","messages":[{"role":"user","content":"hi"}]`)
	for k, v := range fields {
		fmt.Fprintf(&b, `,%q:%s`, k, v)
	}
	b.WriteString("}")
	code, body := post(t, bs.URL+"/v1/chat/completions", b.String())
	if code != 200 {
		t.Fatalf("%d %s", code, body)
	}
	var got map[string]json.RawMessage
	json.Unmarshal(rc.last(t, "/v1/chat/completions").Body, &got)
	for k, v := range fields {
		var want, have any
		json.Unmarshal([]byte(v), &want)
		json.Unmarshal(got[k], &have)
		if !reflect.DeepEqual(want, have) {
			t.Errorf("%s: sent %s upstream, client sent %s", k, got[k], v)
		}
	}
	for _, k := range []string{"min_p", "repeat_penalty", "n", "max_completion_tokens"} {
		if _, ok := got[k]; ok {
			t.Errorf("%s sent upstream though the client did not set it", k)
		}
	}
}

// TestUpstreamCompletions compares /v1/completions through B with A's.
func TestUpstreamCompletions(t *testing.T) {
	rc, a := nodeA(t, nil)
	_, bs := nodeB(t, a.URL+"/v1", nil)
	req := `{"prompt":"The capital of France is","max_tokens":8,"temperature":0%s}`
	code, body := post(t, a.URL+"/v1/completions", fmt.Sprintf(req, ""))
	outA := decodeOut(t, code, body)
	code, body = post(t, bs.URL+"/v1/completions", fmt.Sprintf(req, ""))
	outB := decodeOut(t, code, body)
	if outB.Choices[0].Text != outA.Choices[0].Text || outB.Usage != outA.Usage || outB.Usage.CompletionTokens != 8 {
		t.Errorf("B: %q %+v; A: %q %+v", outB.Choices[0].Text, outB.Usage, outA.Choices[0].Text, outA.Usage)
	}
	if sent := rc.last(t, "/v1/completions"); !bytes.Contains(sent.Body, []byte(`"prompt":"The capital of France is"`)) {
		t.Errorf("sent upstream: %s", sent.Body)
	}
	s := postStream(t, bs.URL+"/v1/completions", fmt.Sprintf(req, `,"stream":true,"stream_options":{"include_usage":true}`))
	if s.text != outA.Choices[0].Text || s.usage == nil || int(s.usage["completion_tokens"].(float64)) != 8 {
		t.Errorf("B streamed %q usage %v; A %q", s.text, s.usage, outA.Choices[0].Text)
	}
}

// TestUpstreamAPIKey checks the bearer token: A requires a key, and B works
// only with the right one; a wrong key is the operator's problem (502).
func TestUpstreamAPIKey(t *testing.T) {
	rc, a := nodeA(t, func(c *config.Config) { c.Ext.APIKeys = []string{"sesame"} })
	for _, tc := range []struct {
		key  string
		want int
	}{{"sesame", 200}, {"wrong", 502}, {"", 502}} {
		t.Run("key="+tc.key, func(t *testing.T) {
			_, bs := nodeB(t, a.URL+"/v1", func(c *config.Config) {
				c.Ext.UpstreamAPIKey = tc.key
				c.ChatName = "tiny-llama"
				c.Ext.EmbeddingUpstream = ""
			})
			code, body := post(t, bs.URL+"/v1/chat/completions", `{"max_tokens":2,"messages":[{"role":"user","content":"hi"}]}`)
			if code != tc.want {
				t.Fatalf("%d %s", code, body)
			}
			if got := rc.last(t, "/v1/chat/completions").Auth; tc.key != "" && got != "Bearer "+tc.key {
				t.Errorf("Authorization %q", got)
			}
			if code != 200 && (!bytes.Contains(body, []byte("upstream_api_key")) || !bytes.Contains(body, []byte(strings.TrimPrefix(a.URL, "http://")))) {
				t.Errorf("unhelpful error: %s", body)
			}
		})
	}
}

// freeAddr returns a loopback address nothing listens on.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// TestUpstreamDown checks that a node whose upstream is down starts, and
// answers 502 naming the upstream.
func TestUpstreamDown(t *testing.T) {
	addr := freeAddr(t)
	_, bs := nodeB(t, "http://"+addr+"/v1", func(c *config.Config) { c.ChatName = "m"; c.EmbeddingName = "e" })
	for _, tc := range []struct{ path, body string }{
		{"/v1/chat/completions", `{"messages":[{"role":"user","content":"hi"}]}`},
		{"/v1/chat/completions", `{"stream":true,"messages":[{"role":"user","content":"hi"}]}`},
		{"/v1/completions", `{"prompt":"hi"}`},
		{"/v1/embeddings", `{"input":"hi"}`},
	} {
		code, body := post(t, bs.URL+tc.path, tc.body)
		var e struct {
			Error struct{ Message, Code string }
		}
		json.Unmarshal(body, &e)
		if code != 502 || e.Error.Code != "upstream_unavailable" || !strings.Contains(e.Error.Message, "upstream unavailable") ||
			!strings.Contains(e.Error.Message, addr) {
			t.Errorf("%s %s: %d %s", tc.path, tc.body, code, body)
		}
	}
}

// TestUpstreamErrorsPassThrough checks a 4xx from a real upstream: A's
// context is too small for the prompt.
func TestUpstreamErrorsPassThrough(t *testing.T) {
	_, a := nodeA(t, func(c *config.Config) { c.ChatCtxSize = 64 })
	_, bs := nodeB(t, a.URL+"/v1", func(c *config.Config) { c.Ext.EmbeddingUpstream = ""; c.ChatName = "tiny-llama" })
	long := strings.Repeat("word ", 200)
	code, body := post(t, bs.URL+"/v1/chat/completions", `{"messages":[{"role":"user","content":"`+long+`"}]}`)
	if code != 400 || !bytes.Contains(body, []byte("context_length_exceeded")) || !bytes.Contains(body, []byte("64 tokens")) {
		t.Errorf("%d %s", code, body)
	}
	// A model A does not serve: B passes A's 404 on.
	_, bs2 := nodeB(t, a.URL+"/v1", func(c *config.Config) { c.Ext.EmbeddingUpstream = ""; c.ChatName = "other" })
	code, body = post(t, bs2.URL+"/v1/chat/completions", `{"messages":[{"role":"user","content":"x"}]}`)
	if code != 404 || !bytes.Contains(body, []byte(`\"other\"`)) {
		t.Errorf("%d %s", code, body)
	}
}

// TestUpstreamDisconnect cancels a long stream through B and checks that A
// stops generating (its reply ends early) and its only slot is free.
func TestUpstreamDisconnect(t *testing.T) {
	rc, a := nodeA(t, func(c *config.Config) { c.Ext.Parallel = 1 })
	_, bs := nodeB(t, a.URL+"/v1", func(c *config.Config) { c.Ext.EmbeddingUpstream = ""; c.ChatName = "tiny-llama" })
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// logit_bias bans the end-of-sequence token (2) so that, uncancelled,
	// A would write all 400 tokens.
	req, _ := http.NewRequestWithContext(ctx, "POST", bs.URL+"/v1/chat/completions",
		strings.NewReader(`{"stream":true,"max_tokens":400,"logit_bias":{"2":-100},"messages":[{"role":"user","content":"go on"}]}`))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(resp.Body)
	if _, err := r.ReadString('\n'); err != nil { // the stream has started
		t.Fatal(err)
	}
	cancel()
	resp.Body.Close()
	select {
	case c := <-rc.ended:
		t.Logf("A wrote %d events", c.Events)
		if c.Events >= 400 {
			t.Errorf("A wrote %d events: the upstream stream was not cancelled", c.Events)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("A's stream did not end after the client disconnected")
	}
	start := time.Now()
	code, body := post(t, bs.URL+"/v1/chat/completions", `{"max_tokens":2,"messages":[{"role":"user","content":"x"}]}`)
	if code != 200 {
		t.Errorf("after disconnect: %d %s", code, body)
	}
	t.Logf("follow-up request took %v", time.Since(start))
}

// TestUpstreamEmbeddings checks embeddings through B against A's, and the
// knowledge base built through them.
func TestUpstreamEmbeddings(t *testing.T) {
	_, a := nodeA(t, nil)
	b, bs := nodeB(t, a.URL+"/v1", nil)
	if b.embed.Dim() != 256 {
		t.Errorf("B learned dimension %d, want 256", b.embed.Dim())
	}
	in := `{"model":"tiny-bert","input":["hello","world"]}`
	code, body := post(t, a.URL+"/v1/embeddings", in)
	codeB, bodyB := post(t, bs.URL+"/v1/embeddings", in)
	var ea, eb struct {
		Data []struct {
			Embedding []float32 `json:"embedding"`
		} `json:"data"`
		Usage struct {
			PromptTokens int `json:"prompt_tokens"`
		} `json:"usage"`
	}
	if json.Unmarshal(body, &ea) != nil || json.Unmarshal(bodyB, &eb) != nil || code != 200 || codeB != 200 {
		t.Fatalf("A %d %.200s; B %d %.200s", code, body, codeB, bodyB)
	}
	if !reflect.DeepEqual(ea, eb) || len(eb.Data) != 2 || len(eb.Data[0].Embedding) != 256 || eb.Usage.PromptTokens == 0 {
		t.Errorf("B's embeddings differ from A's (usage B %d, A %d)", eb.Usage.PromptTokens, ea.Usage.PromptTokens)
	}

	addKnowledge(t, bs.URL, "kb.md", kbText)
	code, body = post(t, bs.URL+"/v1/retrieve", `{"messages":[{"role":"user","content":"`+kbText+`"}]}`)
	if code != 200 || !bytes.Contains(body, []byte(`kb.md"`)) || !bytes.Contains(body, []byte(kbText)) {
		t.Errorf("retrieve: %d %s", code, body)
	}
	info, err := b.store.CollectionInfo("default")
	if err != nil || info.Config.Dim != 256 || info.Points == 0 {
		t.Errorf("collection %+v %v", info, err)
	}

	// Standalone, as the kb command would use it.
	e, err := upstream.NewEmbeddings(a.URL+"/v1", "", "tiny-bert", 512)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	if e.Dim() != 0 {
		t.Errorf("dimension %d before any reply", e.Dim())
	}
	if d, err := e.Probe(context.Background()); d != 256 || err != nil || e.Dim() != 256 {
		t.Errorf("Probe: %d %v", d, err)
	}
	vecs, _, err := e.Embed(context.Background(), []string{"hello", "world"})
	if err != nil || !reflect.DeepEqual(vecs[0], ea.Data[0].Embedding) || !reflect.DeepEqual(vecs[1], ea.Data[1].Embedding) {
		t.Errorf("standalone Embed differs from A's /v1/embeddings: %v", err)
	}
}

// TestUpstreamDimensionMismatch: a collection of another dimension stops
// the node at start, as with a local model.
func TestUpstreamDimensionMismatch(t *testing.T) {
	_, a := nodeA(t, nil)
	base := t.TempDir()
	store, err := vectorstore.Open(context.Background(), filepath.Join(base, "vectors"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.CreateCollection(context.Background(), "default", vectorstore.CollectionConfig{Dim: 8, Distance: vectorstore.Cosine}); err != nil {
		t.Fatal(err)
	}
	store.Close()
	cfg := &config.Config{EmbeddingName: "tiny-bert", ChatName: "tiny-llama"}
	cfg.Ext.ChatUpstream, cfg.Ext.EmbeddingUpstream = a.URL+"/v1", a.URL+"/v1"
	cfg.ApplyDefaults()
	n, err := Open(context.Background(), cfg, Options{Base: base})
	if err == nil {
		n.Close()
		t.Fatal("opened a node whose collection does not match the upstream's dimension")
	}
	if !strings.Contains(err.Error(), "8-dimensional") || !strings.Contains(err.Error(), "256") {
		t.Errorf("error: %v", err)
	}
}

// TestUpstreamDimensionLearnedLate: an embedding upstream that is down at
// start is checked against the collection on its first reply.
func TestUpstreamDimensionLearnedLate(t *testing.T) {
	rc, _ := nodeA(t, nil)
	addr := freeAddr(t)
	b, bs := nodeB(t, "http://"+addr+"/v1", func(c *config.Config) { c.ChatName = "tiny-llama" })
	if d := b.embed.Dim(); d != 0 {
		t.Fatalf("dimension %d known before the upstream answered", d)
	}
	// A collection of another dimension appears meanwhile (an import).
	ctx := context.Background()
	if err := b.store.CreateCollection(ctx, "default", vectorstore.CollectionConfig{Dim: 8, Distance: vectorstore.Cosine}); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Skipf("cannot listen on %s again: %v", addr, err)
	}
	late := httptest.NewUnstartedServer(rc)
	late.Listener.Close()
	late.Listener = ln
	late.Start()
	defer late.Close()
	code, body := post(t, bs.URL+"/v1/embeddings", `{"input":"hello"}`)
	if code != 500 || !bytes.Contains(body, []byte("8-dimensional")) || !bytes.Contains(body, []byte("makes 256")) {
		t.Errorf("with a mismatched collection: %d %.300s", code, body)
	}
	if _, err := b.store.(*vectorstore.Store).DeleteCollection(ctx, "default"); err != nil {
		t.Fatal(err)
	}
	code, body = post(t, bs.URL+"/v1/embeddings", `{"input":"hello"}`)
	if code != 200 || !bytes.Contains(body, []byte(`"embedding":[`)) || b.embed.Dim() != 256 {
		t.Errorf("after the upstream came up: %d %.200s (dim %d)", code, body, b.embed.Dim())
	}
}

// TestChatURLIsNotUpstream: a URL in "chat" is a model file to load, never
// a server to call; and a config with neither is refused with a clear
// message.
func TestChatURLIsNotUpstream(t *testing.T) {
	rc, a := nodeA(t, nil)
	before := rc.count()
	cfg := &config.Config{Chat: a.URL + "/v1"}
	cfg.ApplyDefaults()
	n, err := Open(context.Background(), cfg, Options{Base: t.TempDir()})
	if err == nil {
		n.Close()
		t.Fatal("a server URL in chat was accepted as a model")
	}
	if rc.count() != before {
		t.Errorf("the node called the URL in chat as a server")
	}

	empty := &config.Config{}
	empty.ApplyDefaults()
	if err := empty.Validate(); err == nil || !strings.Contains(err.Error(), "chat_upstream") {
		t.Errorf("Validate: %v", err)
	}
	_, err = Open(context.Background(), empty, Options{})
	if err == nil || !strings.Contains(err.Error(), "chat_upstream") || !strings.Contains(err.Error(), "GGUF") {
		t.Errorf("Open: %v", err)
	}
}

// scripted is an upstream that answers every request with a fixed reply,
// for the behaviours a real node does not produce.
func scripted(t *testing.T, status int, header map[string]string, body string) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/v1/models" {
			w.WriteHeader(404)
			return
		}
		for k, v := range header {
			w.Header().Set(k, v)
		}
		w.WriteHeader(status)
		io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/v1"
}

func TestUpstreamScripted(t *testing.T) {
	sse := map[string]string{"Content-Type": "text/event-stream"}
	tests := []struct {
		name    string
		status  int
		header  map[string]string
		body    string
		code    int
		want    string // in B's non-streamed answer
		retryAf string
	}{
		{name: "busy", status: 429, header: map[string]string{"Retry-After": "7"}, body: `{"error":{"message":"slow down"}}`,
			code: 429, want: "slow down", retryAf: "7"},
		{name: "busy without Retry-After", status: 429, body: `too many`, code: 429, want: "too many", retryAf: "2"},
		{name: "server error", status: 500, body: `{"detail":"GPU on fire"}`, code: 502, want: "GPU on fire"},
		{name: "bad request", status: 400, body: `{"object":"error","message":"bad top_k","type":"BadRequestError"}`,
			code: 400, want: "bad top_k"},
		{name: "error event", status: 200, header: sse,
			body: "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\n\ndata: {\"error\":{\"code\":500,\"message\":\"slot crashed\"}}\n\n",
			code: 502, want: "slot crashed"},
		{name: "error event type", status: 200, header: sse, body: "event: error\ndata: {\"message\":\"boom\"}\n\n", code: 502, want: "boom"},
		{name: "error event with code", status: 200, header: sse, body: "event: error\ndata: {\"error\":{\"code\":400,\"message\":\"bad grammar\"}}\n\n",
			code: 400, want: "bad grammar"},
		{name: "cut short", status: 200, header: sse, body: "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\n\n",
			code: 502, want: "before the reply was finished"},
		{name: "garbage", status: 200, header: sse, body: "data: {nope\n\n", code: 502, want: "unreadable"},
		{name: "no usage", status: 200, header: sse,
			body: "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}\n\n" +
				": keep-alive\n\ndata:{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"length\"}]}\r\n\r\ndata: [DONE]\n\n",
			code: 200, want: `"content":"Hi"},"logprobs":null,"finish_reason":"length"}],"usage":{"prompt_tokens":0,"completion_tokens":0,"total_tokens":0}`},
		{name: "tool calls", status: 200, header: sse,
			body: "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"get\",\"arguments\":\"{\\\"a\\\"\"}}]}}]}\n\n" +
				"data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\":1}\"}}]},\"finish_reason\":\"tool_calls\"}]}\n\n" +
				"data: {\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":3,\"total_tokens\":8}}\n\ndata: [DONE]\n\n",
			code: 200, want: `"tool_calls":[{"id":"c1","type":"function","function":{"name":"get","arguments":"{\"a\":1}"}}]},"logprobs":null,"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":5,"completion_tokens":3,"total_tokens":8}`},
		{name: "plain JSON reply", status: 200, header: map[string]string{"Content-Type": "application/json"},
			body: `{"choices":[{"index":0,"message":{"role":"assistant","content":"whole"},"finish_reason":"stop"}],"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}`,
			code: 200, want: `"content":"whole"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			up := scripted(t, tc.status, tc.header, tc.body)
			_, bs := nodeB(t, up, func(c *config.Config) { c.ChatName = "m"; c.Ext.EmbeddingUpstream = "" })
			resp, err := http.Post(bs.URL+"/v1/chat/completions", "application/json",
				strings.NewReader(`{"messages":[{"role":"user","content":"hi"}]}`))
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tc.code || !bytes.Contains(body, []byte(tc.want)) {
				t.Errorf("%d %s; want %d with %s", resp.StatusCode, body, tc.code, tc.want)
			}
			if got := resp.Header.Get("Retry-After"); got != tc.retryAf {
				t.Errorf("Retry-After %q, want %q", got, tc.retryAf)
			}
			if tc.code == 200 {
				return
			}
			// Streamed: an error before any output is a plain error;
			// after output it ends the stream as an error event.
			resp, err = http.Post(bs.URL+"/v1/chat/completions", "application/json",
				strings.NewReader(`{"stream":true,"messages":[{"role":"user","content":"hi"}]}`))
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			if resp.StatusCode == 200 {
				if s := readStream(t, resp.Body); !strings.Contains(s.errMsg, tc.want) {
					t.Errorf("stream ended without the error: %+v", s)
				}
			} else if resp.StatusCode != tc.code {
				t.Errorf("streamed: %d", resp.StatusCode)
			}
		})
	}
}

// FuzzUpstreamReply feeds arbitrary bytes to the SSE reader and the chunk
// decoder, as an upstream could.
func FuzzUpstreamReply(f *testing.F) {
	f.Add([]byte("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\n\ndata: [DONE]\n\n"))
	f.Add([]byte("data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":3,\"function\":{\"arguments\":\"x\"}}]}}]}\n\n"))
	f.Add([]byte("event: error\ndata: {\"error\":{\"code\":429,\"message\":\"m\"}}\r\n\r\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		acc := &replyAccumulator{emit: func(api.ChatDelta) error { return nil }}
		upstream.ReadSSE(bytes.NewReader(b), 1<<12, func(e upstream.Event) error {
			acc.add([]byte(e.Data))
			return nil
		})
		acc.add(b)
		acc.toolCalls()
	})
}
