package e2e

import (
	"context"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/internal/wasmbuild"
	"github.com/modelcontextprotocol/go-sdk/mcp"
	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/shared"
)

// toolRun is an entry of the "tool_runs" extension field.
type toolRun struct {
	Step       int    `json:"step"`
	ID         string `json:"id"`
	Name       string `json:"name"`
	Arguments  string `json:"arguments"`
	Status     string `json:"status"`
	DurationMs int64  `json:"duration_ms"`
	Error      string `json:"error"`
}

// weatherService is the HTTPS endpoint behind the node tool get_weather: a
// local TLS server that records the cities it was asked about.
type weatherService struct {
	srv    *httptest.Server
	mu     sync.Mutex
	cities []string
}

func (w *weatherService) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") != "Bearer weather-key-42" {
		http.Error(rw, "missing key", http.StatusUnauthorized)
		return
	}
	city := r.URL.Query().Get("city")
	w.mu.Lock()
	w.cities = append(w.cities, city)
	w.mu.Unlock()
	rw.Header().Set("Content-Type", "application/json")
	fmt.Fprintf(rw, `{"city":%q,"temp_c":21,"sky":"clear"}`, city)
}

func (w *weatherService) calls() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.cities...)
}

// TestAgentLoopNode runs the agent loop on a real node: an HTTPS tool (a
// local TLS server, allow-listed), a tool of an MCP server the test builds
// with the SDK (stdio) and a WebAssembly plugin's tool, called by the conformance model forced with a
// named tool_choice through the official openai-go client; then the node's
// /mcp endpoint through the SDK's client, behind the API key.
func TestAgentLoopNode(t *testing.T) {
	mainNode(t)
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Minute)
	defer cancel()

	mcpBin := filepath.Join(env.tmp, "mcpforecast")
	build := exec.CommandContext(ctx, "go", "build", "-o", mcpBin, "./e2e/testdata/mcpforecast")
	build.Dir = env.root
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the MCP server: %v\n%s", err, out)
	}
	callsFile := filepath.Join(t.TempDir(), "forecast-calls")
	// The plugin leg: the repository's Go example plugin (word_count),
	// built for wasip1 by the test.
	wcWasm := wasmbuild.Go(t, "plugin/examples/go-wordcount", false)

	weather := &weatherService{}
	weather.srv = httptest.NewTLSServer(weather)
	defer weather.srv.Close()
	// The node trusts the test server's certificate through SSL_CERT_FILE.
	certFile := filepath.Join(t.TempDir(), "ca.pem")
	pemBytes := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: weather.srv.Certificate().Raw})
	if err := os.WriteFile(certFile, pemBytes, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("SSL_CERT_FILE", certFile)
	t.Setenv("E2E_WEATHER_KEY", "weather-key-42")

	const key = "e2e-agent-key"
	citySchema := map[string]any{"type": "object", "properties": map[string]any{
		"city": map[string]any{"type": "string", "maxLength": 8}}, "required": []string{"city"}, "additionalProperties": false}
	n := startExtraNode(t, "agent", map[string]any{
		"api_keys":        []string{key},
		"outbound_allow":  []string{"127.0.0.1"},
		"agent_max_steps": 2,
		"tools": []any{
			map[string]any{"name": "get_weather", "kind": "https", "description": "Current weather of a city",
				"url": weather.srv.URL + "/weather", "parameters": citySchema, "timeout": 10,
				"headers": map[string]any{"Authorization": map[string]any{"env": "E2E_WEATHER_KEY", "prefix": "Bearer "}}},
			map[string]any{"name": "forecast", "kind": "mcp", "server": "forecaster", "parameters": citySchema},
			// The schema is the plugin's, with a bound the random model
			// needs to finish its call within max_tokens.
			map[string]any{"name": "word_count", "kind": "plugin", "plugin": "wc", "function": "word_count",
				"parameters": map[string]any{"type": "object", "properties": map[string]any{
					"text": map[string]any{"type": "string", "maxLength": 12}}, "required": []string{"text"}, "additionalProperties": false}},
		},
		"plugins": []any{map[string]any{"name": "wc", "path": wcWasm, "timeout": "5s"}},
		"mcp_servers": []any{map[string]any{"name": "forecaster", "command": mcpBin,
			"env": map[string]any{"FORECAST_CALLS": callsFile}}},
	})
	c := newClient(n.URL, key)

	ask := func(tool string) openai.ChatCompletionNewParams {
		return openai.ChatCompletionNewParams{
			Model:       chatModel,
			Messages:    []openai.ChatCompletionMessageParamUnion{openai.UserMessage("What is the weather in Paris?")},
			ToolChoice:  openai.ToolChoiceOptionFunctionToolChoice(openai.ChatCompletionNamedToolChoiceFunctionParam{Name: tool}),
			MaxTokens:   openai.Int(80),
			Temperature: openai.Float(0.7),
			Seed:        openai.Int(11),
		}
	}
	runsOf := func(raw string) []toolRun {
		t.Helper()
		var runs []toolRun
		if err := json.Unmarshal([]byte(raw), &runs); err != nil || len(runs) == 0 {
			t.Fatalf("tool_runs %q: %v", raw, err)
		}
		return runs
	}

	// The HTTPS tool, not streamed.
	resp, err := c.Chat.Completions.New(ctx, ask("get_weather"))
	if err != nil {
		t.Fatal(err)
	}
	runs := runsOf(resp.JSON.ExtraFields["tool_runs"].Raw())
	t.Logf("HTTPS tool: %d run(s), first %d ms; tokens %d prompt, %d completion", len(runs), runs[0].DurationMs, resp.Usage.PromptTokens, resp.Usage.CompletionTokens)
	if r := runs[0]; r.Name != "get_weather" || r.Status != "ok" || r.Step != 1 {
		t.Fatalf("first run %+v", r)
	}
	var args struct{ City string }
	if err := json.Unmarshal([]byte(runs[0].Arguments), &args); err != nil {
		t.Fatalf("arguments %q: %v", runs[0].Arguments, err)
	}
	if got := weather.calls(); len(got) == 0 || got[0] != args.City {
		t.Errorf("the weather service saw %q; the model asked for %q", got, args.City)
	}
	if ch := resp.Choices[0]; ch.FinishReason == "tool_calls" || len(ch.Message.ToolCalls) > 0 {
		t.Errorf("a node tool call reached the client: %+v", ch)
	}

	// The MCP tool, streamed: tool_run chunks show progress.
	stream := c.Chat.Completions.NewStreaming(ctx, ask("forecast"))
	var acc openai.ChatCompletionAccumulator
	var progress []string
	var final []toolRun
	for stream.Next() {
		chunk := stream.Current()
		acc.AddChunk(chunk)
		if f, ok := chunk.JSON.ExtraFields["tool_run"]; ok {
			var r toolRun
			if err := json.Unmarshal([]byte(f.Raw()), &r); err != nil {
				t.Fatal(err)
			}
			progress = append(progress, r.Name+":"+r.Status)
		}
		if f, ok := chunk.JSON.ExtraFields["tool_runs"]; ok {
			final = runsOf(f.Raw())
		}
	}
	if err := stream.Err(); err != nil {
		t.Fatal(err)
	}
	if len(final) > 0 {
		t.Logf("MCP tool (streamed): progress %v, first run %d ms", progress, final[0].DurationMs)
	}
	if len(progress) < 2 || progress[0] != "forecast:running" || progress[1] != "forecast:ok" || len(final) == 0 || final[0].Status != "ok" {
		t.Errorf("progress %v, tool_runs %+v", progress, final)
	}
	if len(acc.Choices) != 1 || len(acc.Choices[0].Message.ToolCalls) != 0 {
		t.Errorf("accumulated %+v", acc.Choices)
	}
	if b, err := os.ReadFile(callsFile); err != nil || !strings.Contains(string(b), `"city"`) {
		t.Errorf("the MCP server recorded %q (%v)", b, err)
	}

	// The plugin tool, not streamed.
	resp, err = c.Chat.Completions.New(ctx, ask("word_count"))
	if err != nil {
		t.Fatal(err)
	}
	runs = runsOf(resp.JSON.ExtraFields["tool_runs"].Raw())
	t.Logf("plugin tool: %d run(s), first %d ms", len(runs), runs[0].DurationMs)
	if r := runs[0]; r.Name != "word_count" || r.Status != "ok" {
		t.Errorf("plugin run %+v", r)
	}

	// A client tool next to the node tools still goes to the client.
	p := ask("get_weather")
	p.Tools = []openai.ChatCompletionToolUnionParam{openai.ChatCompletionFunctionTool(shared.FunctionDefinitionParam{
		Name: "show_map", Parameters: shared.FunctionParameters{"type": "object", "properties": map[string]any{
			"zoom": map[string]any{"type": "integer", "minimum": 1, "maximum": 9}}, "required": []string{"zoom"},
			"additionalProperties": false}})}
	p.ToolChoice = openai.ToolChoiceOptionFunctionToolChoice(openai.ChatCompletionNamedToolChoiceFunctionParam{Name: "show_map"})
	resp, err = c.Chat.Completions.New(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	if ch := resp.Choices[0]; ch.FinishReason != "tool_calls" || len(ch.Message.ToolCalls) != 1 || ch.Message.ToolCalls[0].Function.Name != "show_map" {
		t.Errorf("client tool: %+v", ch)
	}

	// The same tools from the command line, built as the node builds them.
	base := filepath.Join(env.tmp, "agent", "base")
	out, err := run(t, "tools", "list", "--base", base)
	if err != nil || !strings.Contains(out, "get_weather  https") || !strings.Contains(out, "forecast     mcp") {
		t.Errorf("tools list: %v\n%s", err, out)
	}
	out, err = run(t, "tools", "call", "get_weather", "--base", base, "--args", `{"city":"Bergen"}`)
	if err != nil || !strings.Contains(out, `"city": "Bergen"`) || weather.calls()[len(weather.calls())-1] != "Bergen" {
		t.Errorf("tools call get_weather: %v\n%s", err, out)
	}
	out, err = run(t, "tools", "call", "forecast", "--base", base, "--args", `{"city":"Oslo"}`)
	if err != nil || !strings.Contains(out, `"forecast": "rain"`) {
		t.Errorf("tools call forecast: %v\n%s", err, out)
	}
	out, err = run(t, "tools", "call", "word_count", "--base", base, "--args", `{"text":"one two three"}`)
	if err != nil || !strings.Contains(out, `"words": 3`) {
		t.Errorf("tools call word_count: %v\n%s", err, out)
	}
	out, err = run(t, "tools", "call", "nope", "--base", base)
	if err == nil || !strings.Contains(out, `no node tool "nope"; the node has: get_weather, forecast, word_count`) {
		t.Errorf("tools call nope: %v\n%s", err, out)
	}
	if out, err = run(t, "tools", "call", "forecast", "--base", base, "--args", `[1]`); err == nil || !strings.Contains(out, "--args must be a JSON object") {
		t.Errorf("tools call with bad --args: %v\n%s", err, out)
	}

	// The node as an MCP server: refused without the key, then its tools
	// and knowledge search through the SDK's client.
	if r, err := http.Post(n.URL+"/mcp", "application/json", strings.NewReader(`{"jsonrpc":"2.0","id":1,"method":"tools/list"}`)); err != nil || r.StatusCode != http.StatusUnauthorized {
		t.Errorf("POST /mcp without the key: %v %v; want 401", r.StatusCode, err)
	} else {
		r.Body.Close()
	}
	client := mcp.NewClient(&mcp.Implementation{Name: "e2e", Version: "1"}, nil)
	if s, err := client.Connect(ctx, &mcp.StreamableClientTransport{Endpoint: n.URL + "/mcp", DisableStandaloneSSE: true, MaxRetries: -1}, nil); err == nil {
		s.Close()
		t.Error("/mcp accepted a session without the API key")
	}
	hc := &http.Client{Transport: bearer{key: key}}
	session, err := client.Connect(ctx, &mcp.StreamableClientTransport{Endpoint: n.URL + "/mcp", HTTPClient: hc, DisableStandaloneSSE: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer session.Close()
	var names []string
	for tool, err := range session.Tools(ctx, nil) {
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, tool.Name)
	}
	if strings.Join(names, ",") != "forecast,get_weather,knowledge_search,word_count" {
		t.Errorf("/mcp tools %v", names)
	}
	res, err := session.CallTool(ctx, &mcp.CallToolParams{Name: "get_weather", Arguments: map[string]any{"city": "Oslo"}})
	if err != nil || res.IsError || len(res.Content) != 1 || !strings.Contains(res.Content[0].(*mcp.TextContent).Text, `"city":"Oslo"`) {
		t.Errorf("get_weather over /mcp: %+v, %v", res, err)
	}
	res, err = session.CallTool(ctx, &mcp.CallToolParams{Name: "knowledge_search", Arguments: map[string]any{"query": "capital of France", "limit": 2}})
	if err != nil || res.IsError || len(res.Content) != 1 || !strings.Contains(res.Content[0].(*mcp.TextContent).Text, `"document":"`) {
		t.Errorf("knowledge_search over /mcp: %+v, %v", res, err)
	}
}

// bearer adds the node's API key.
type bearer struct{ key string }

func (b bearer) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("Authorization", "Bearer "+b.key)
	return http.DefaultTransport.RoundTrip(r)
}
