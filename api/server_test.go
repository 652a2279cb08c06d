package api

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// echoBackend answers with the words of the last message, one delta each.
// It stands in for the engine so that these tests exercise the API layer's
// own behaviour: wire format, validation, auth, streaming and metrics.
type echoBackend struct{ err error }

func (b echoBackend) Chat(ctx context.Context, req *ChatRequest, emit func(ChatDelta) error) (*ChatResult, error) {
	if b.err != nil {
		return nil, b.err
	}
	words := strings.Fields(string(req.Messages[len(req.Messages)-1].Content))
	for i, w := range words {
		if i > 0 {
			w = " " + w
		}
		d := ChatDelta{Content: w}
		if req.Logprobs {
			d.Logprobs = []TokenLogprob{{Token: w, Logprob: -0.5, Bytes: []int{}}}
		}
		if err := emit(d); err != nil {
			return nil, err
		}
	}
	return &ChatResult{FinishReason: "stop", Usage: Usage{PromptTokens: 3, CompletionTokens: len(words), TotalTokens: 3 + len(words)},
		Sources: []Source{{Text: "chunk", Document: "doc.md", DocumentID: "doc_1", Score: 0.9}}}, nil
}

func (b echoBackend) Complete(ctx context.Context, req *CompletionRequest, emit func(ChatDelta) error) (*ChatResult, error) {
	if err := emit(ChatDelta{Content: " world"}); err != nil {
		return nil, err
	}
	return &ChatResult{FinishReason: "length", Usage: Usage{PromptTokens: 1, CompletionTokens: 1, TotalTokens: 2}}, nil
}

func (b echoBackend) Embed(ctx context.Context, model string, inputs []string) ([][]float32, int, error) {
	out := make([][]float32, len(inputs))
	for i := range inputs {
		out[i] = []float32{0.6, 0.8, 0}
	}
	return out, 2 * len(inputs), nil
}

func newTestServer(t *testing.T, b echoBackend, opt Options) *httptest.Server {
	t.Helper()
	s := New(Backends{Chat: b, Completion: b, Embedding: b,
		Models: func() []Model {
			return []Model{{ID: "chat-model", Object: "model"}, {ID: "embed-model", Object: "model"}}
		},
		Info: func() any { return map[string]string{"node_id": "0xabc"} },
	}, opt)
	mountAPI(s)
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return srv
}

// mountAPI mounts this package's routes on s as a node does (node/routes.go
// lists them with the node's own routes).
func mountAPI(s *Server) {
	s.Handle(
		Route{Pattern: "POST /v1/chat/completions", Handler: s.ChatCompletions},
		Route{Pattern: "POST /v1/completions", Handler: s.Completions},
		Route{Pattern: "POST /v1/embeddings", Handler: s.Embeddings},
		Route{Pattern: "GET /v1/models", Handler: s.Models},
		Route{Pattern: "GET /v1/info", Handler: s.Info},
		Route{Pattern: "GET /health", Handler: s.Health, Public: true},
		Route{Pattern: "GET /metrics", Handler: s.ServeMetrics},
	)
	for _, m := range []string{"GET", "POST", "PUT", "PATCH", "DELETE"} {
		s.Handle(Route{Pattern: m + " /v1/", Handler: UnknownEndpoint})
	}
}

func do(t *testing.T, method, url, body string, hdr ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

func TestErrors(t *testing.T) {
	srv := newTestServer(t, echoBackend{}, Options{MaxBodyBytes: 1024})
	big := `{"messages":[{"role":"user","content":"` + strings.Repeat("x", 2000) + `"}]}`
	tests := []struct {
		name, method, path, body string
		status                   int
		code                     string
	}{
		{"bad json", "POST", "/v1/chat/completions", `{"messages":`, 400, "invalid_request"},
		{"empty body", "POST", "/v1/chat/completions", ``, 400, "invalid_request"},
		{"wrong type", "POST", "/v1/chat/completions", `{"messages":"hi"}`, 400, "invalid_request"},
		{"no messages", "POST", "/v1/chat/completions", `{"messages":[]}`, 400, "invalid_request"},
		{"bad role", "POST", "/v1/chat/completions", `{"messages":[{"role":"wizard","content":"x"}]}`, 400, "invalid_request"},
		{"temperature", "POST", "/v1/chat/completions", `{"temperature":3,"messages":[{"role":"user","content":"x"}]}`, 400, "invalid_request"},
		{"n", "POST", "/v1/chat/completions", `{"n":2,"messages":[{"role":"user","content":"x"}]}`, 400, "invalid_request"},
		{"logit bias key", "POST", "/v1/chat/completions", `{"logit_bias":{"abc":1},"messages":[{"role":"user","content":"x"}]}`, 400, "invalid_request"},
		{"top_logprobs without logprobs", "POST", "/v1/chat/completions", `{"top_logprobs":2,"messages":[{"role":"user","content":"x"}]}`, 400, "invalid_request"},
		{"unknown model", "POST", "/v1/chat/completions", `{"model":"gpt-9","messages":[{"role":"user","content":"x"}]}`, 404, "model_not_found"},
		{"too large", "POST", "/v1/chat/completions", big, 413, "request_too_large"},
		{"unknown endpoint", "GET", "/v1/nothing", ``, 404, "unknown_url"},
		{"empty embedding input", "POST", "/v1/embeddings", `{"input":[]}`, 400, "invalid_request"},
		{"bad encoding", "POST", "/v1/embeddings", `{"input":"a","encoding_format":"hex"}`, 400, "invalid_request"},
		{"prompt array", "POST", "/v1/completions", `{"prompt":["a","b"]}`, 400, "invalid_request"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := do(t, tt.method, srv.URL+tt.path, tt.body)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tt.status, body)
			}
			var e struct {
				Error struct {
					Message string  `json:"message"`
					Type    string  `json:"type"`
					Code    *string `json:"code"`
				} `json:"error"`
			}
			if err := json.Unmarshal(body, &e); err != nil || e.Error.Message == "" || e.Error.Type == "" {
				t.Fatalf("not an OpenAI error: %s", body)
			}
			if e.Error.Code == nil || *e.Error.Code != tt.code {
				t.Errorf("code %v, want %s", e.Error.Code, tt.code)
			}
		})
	}
}

func TestBackendErrors(t *testing.T) {
	srv := newTestServer(t, echoBackend{err: ErrBusy(1500 * time.Millisecond)}, Options{})
	resp, body := do(t, "POST", srv.URL+"/v1/chat/completions", `{"messages":[{"role":"user","content":"x"}]}`)
	if resp.StatusCode != 429 || resp.Header.Get("Retry-After") != "2" {
		t.Errorf("busy: %d Retry-After=%q %s", resp.StatusCode, resp.Header.Get("Retry-After"), body)
	}
	srv = newTestServer(t, echoBackend{err: ErrContextLength(5000, 100, 4096)}, Options{})
	resp, body = do(t, "POST", srv.URL+"/v1/chat/completions", `{"messages":[{"role":"user","content":"x"}]}`)
	if resp.StatusCode != 400 || !strings.Contains(string(body), "5000") || !strings.Contains(string(body), "4096") {
		t.Errorf("context length: %d %s", resp.StatusCode, body)
	}
	srv = newTestServer(t, echoBackend{err: io.ErrUnexpectedEOF}, Options{})
	resp, body = do(t, "POST", srv.URL+"/v1/chat/completions", `{"messages":[{"role":"user","content":"x"}]}`)
	if resp.StatusCode != 500 || strings.Contains(string(body), "unexpected EOF") {
		t.Errorf("internal error leaked or wrong status: %d %s", resp.StatusCode, body)
	}
}

func TestAPIKeys(t *testing.T) {
	srv := newTestServer(t, echoBackend{}, Options{APIKeys: []string{"k1", "k2"}})
	chat := `{"messages":[{"role":"user","content":"hi"}]}`
	for _, tt := range []struct {
		name, method, path, body string
		hdr                      []string
		status                   int
	}{
		{"no key", "POST", "/v1/chat/completions", chat, nil, 401},
		{"wrong key", "POST", "/v1/chat/completions", chat, []string{"Authorization", "Bearer nope"}, 401},
		{"not bearer", "POST", "/v1/chat/completions", chat, []string{"Authorization", "Basic k1"}, 401},
		{"good key", "POST", "/v1/chat/completions", chat, []string{"Authorization", "Bearer k2"}, 200},
		{"x-api-key", "GET", "/v1/models", "", []string{"X-Api-Key", "k1"}, 200},
		{"qdrant api-key", "GET", "/v1/models", "", []string{"Api-Key", "k2"}, 200},
		{"wrong api-key", "GET", "/v1/models", "", []string{"Api-Key", "k3"}, 401},
		{"models need key", "GET", "/v1/models", "", nil, 401},
		{"metrics need key", "GET", "/metrics", "", nil, 401},
		{"unknown route needs key", "GET", "/v1/nothing", "", nil, 401},
		{"health is open", "GET", "/health", "", nil, 200},
	} {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := do(t, tt.method, srv.URL+tt.path, tt.body, tt.hdr...)
			if resp.StatusCode != tt.status {
				t.Errorf("status %d, want %d: %s", resp.StatusCode, tt.status, body)
			}
			if tt.status == 401 && !strings.Contains(string(body), "authentication_error") {
				t.Errorf("401 body: %s", body)
			}
		})
	}
}

func TestCORS(t *testing.T) {
	srv := newTestServer(t, echoBackend{}, Options{CORSOrigins: []string{"https://app.example"}})
	resp, _ := do(t, "OPTIONS", srv.URL+"/v1/chat/completions", "", "Origin", "https://app.example", "Access-Control-Request-Method", "POST")
	if resp.StatusCode != 204 || resp.Header.Get("Access-Control-Allow-Origin") != "https://app.example" ||
		!strings.Contains(resp.Header.Get("Access-Control-Allow-Headers"), "Authorization") {
		t.Errorf("preflight: %d %v", resp.StatusCode, resp.Header)
	}
	resp, _ = do(t, "GET", srv.URL+"/v1/models", "", "Origin", "https://evil.example")
	if resp.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Error("foreign origin allowed")
	}
}

func TestChatNonStreaming(t *testing.T) {
	srv := newTestServer(t, echoBackend{}, Options{})
	resp, body := do(t, "POST", srv.URL+"/v1/chat/completions",
		`{"messages":[{"role":"system","content":"s"},{"role":"user","content":[{"type":"text","text":"hello there"}]}],"logprobs":true,"unknown_field":1}`)
	if resp.StatusCode != 200 {
		t.Fatalf("%d %s", resp.StatusCode, body)
	}
	var c chatCompletion
	if err := json.Unmarshal(body, &c); err != nil {
		t.Fatal(err)
	}
	if c.Object != "chat.completion" || c.Model != "chat-model" || len(c.Choices) != 1 ||
		*c.Choices[0].Message.Content != "hello there" || c.Choices[0].FinishReason != "stop" ||
		c.Usage.TotalTokens != 5 || c.Choices[0].Logprobs == nil || len(c.Choices[0].Logprobs.Content) != 2 ||
		len(c.Sources) != 1 || !strings.HasPrefix(c.ID, "chatcmpl-") {
		t.Errorf("unexpected completion: %s", body)
	}
}

func readSSE(t *testing.T, r io.Reader) []string {
	t.Helper()
	var events []string
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			continue
		}
		data, ok := strings.CutPrefix(line, "data: ")
		if !ok {
			t.Fatalf("bad SSE line %q", line)
		}
		events = append(events, data)
	}
	return events
}

func TestChatStreaming(t *testing.T) {
	srv := newTestServer(t, echoBackend{}, Options{})
	resp, body := do(t, "POST", srv.URL+"/v1/chat/completions",
		`{"model":"chat-model","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"one two three"}]}`)
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("%d %v", resp.StatusCode, resp.Header)
	}
	events := readSSE(t, strings.NewReader(string(body)))
	if len(events) != 3+1+1+1 || events[len(events)-1] != "[DONE]" {
		t.Fatalf("events: %q", events)
	}
	var text strings.Builder
	for i, e := range events[:3] {
		var c chatChunk
		if err := json.Unmarshal([]byte(e), &c); err != nil {
			t.Fatal(err)
		}
		if c.Object != "chat.completion.chunk" || (i == 0) != (c.Choices[0].Delta.Role == "assistant") {
			t.Errorf("chunk %d: %s", i, e)
		}
		text.WriteString(*c.Choices[0].Delta.Content)
	}
	if text.String() != "one two three" {
		t.Errorf("streamed %q", text.String())
	}
	var last, usage chatChunk
	json.Unmarshal([]byte(events[3]), &last)
	json.Unmarshal([]byte(events[4]), &usage)
	if last.Choices[0].FinishReason == nil || *last.Choices[0].FinishReason != "stop" || len(last.Sources) != 1 {
		t.Errorf("final chunk: %s", events[3])
	}
	if usage.Usage == nil || usage.Usage.CompletionTokens != 3 || len(usage.Choices) != 0 {
		t.Errorf("usage chunk: %s", events[4])
	}
}

func TestCompletions(t *testing.T) {
	srv := newTestServer(t, echoBackend{}, Options{})
	resp, body := do(t, "POST", srv.URL+"/v1/completions", `{"prompt":"hello","echo":true}`)
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"text":"hello world"`) || !strings.Contains(string(body), `"finish_reason":"length"`) {
		t.Errorf("%d %s", resp.StatusCode, body)
	}
	resp, body = do(t, "POST", srv.URL+"/v1/completions", `{"prompt":"hello","stream":true}`)
	if ev := readSSE(t, strings.NewReader(string(body))); resp.StatusCode != 200 || len(ev) != 3 || ev[2] != "[DONE]" {
		t.Errorf("stream: %q", ev)
	}
}

func TestEmbeddings(t *testing.T) {
	srv := newTestServer(t, echoBackend{}, Options{})
	resp, body := do(t, "POST", srv.URL+"/v1/embeddings", `{"input":["a","b"]}`)
	var out struct {
		Data []struct {
			Index     int       `json:"index"`
			Embedding []float32 `json:"embedding"`
		} `json:"data"`
		Usage map[string]int `json:"usage"`
	}
	if err := json.Unmarshal(body, &out); err != nil || resp.StatusCode != 200 || len(out.Data) != 2 || out.Data[1].Index != 1 || out.Usage["prompt_tokens"] != 4 {
		t.Fatalf("%d %s", resp.StatusCode, body)
	}
	resp, body = do(t, "POST", srv.URL+"/v1/embeddings", `{"input":"a","encoding_format":"base64","dimensions":2}`)
	if resp.StatusCode != 200 {
		t.Fatalf("base64: %d %s", resp.StatusCode, body)
	}
	var b64 struct {
		Data []struct {
			Embedding string `json:"embedding"`
		} `json:"data"`
	}
	json.Unmarshal(body, &b64)
	raw, err := base64.StdEncoding.DecodeString(b64.Data[0].Embedding)
	if err != nil || len(raw) != 8 {
		t.Fatalf("base64: %s", body)
	}
	if x := math.Float32frombits(binary.LittleEndian.Uint32(raw)); math.Abs(float64(x)-0.6) > 1e-6 {
		t.Errorf("first component %v", x)
	}
}

func TestMetricsAndInfo(t *testing.T) {
	srv := newTestServer(t, echoBackend{}, Options{})
	do(t, "POST", srv.URL+"/v1/chat/completions", `{"messages":[{"role":"user","content":"x"}]}`)
	do(t, "POST", srv.URL+"/v1/chat/completions", `{"messages":[]}`)
	_, body := do(t, "GET", srv.URL+"/metrics", "")
	for _, want := range []string{
		`gaianet_http_requests_total{code="200",route="POST /v1/chat/completions"} 1`,
		`gaianet_http_requests_total{code="400",route="POST /v1/chat/completions"} 1`,
		"gaianet_queue_depth 0", "gaianet_active_slots 0", "go_goroutines",
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	resp, body := do(t, "GET", srv.URL+"/v1/info", "")
	if resp.StatusCode != 200 || !strings.Contains(string(body), "0xabc") {
		t.Errorf("info: %d %s", resp.StatusCode, body)
	}
	_, body = do(t, "GET", srv.URL+"/v1/models", "")
	if !strings.Contains(string(body), `"object":"list"`) || !strings.Contains(string(body), "embed-model") {
		t.Errorf("models: %s", body)
	}
}

// TestHealthInstance: /health names the run it answers for, so `gaianet
// start` can tell its own node from another program on the port.
func TestHealthInstance(t *testing.T) {
	for _, tt := range []struct{ instance, want string }{
		{"", `{"status":"ok"}`},
		{"3f9a0c", `{"instance":"3f9a0c","status":"ok"}`},
	} {
		srv := newTestServer(t, echoBackend{}, Options{Instance: tt.instance, APIKeys: []string{"k"}})
		resp, body := do(t, "GET", srv.URL+"/health", "")
		if resp.StatusCode != 200 || strings.TrimSpace(string(body)) != tt.want {
			t.Errorf("instance %q: %d %s, want %s", tt.instance, resp.StatusCode, body, tt.want)
		}
	}
}
