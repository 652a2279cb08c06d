package node

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/gaianet-go/gaianet/api"
	"github.com/gaianet-go/gaianet/config"
	"github.com/gaianet-go/gaianet/toolcall"
	"github.com/gaianet-go/gaianet/tools"
)

// weatherPlugin is an in-process tool with package plugin's shape: it
// records its calls and fails for the city "Atlantis".
type weatherPlugin struct {
	mu    sync.Mutex
	calls []string
}

func (w *weatherPlugin) Name() string        { return "get_weather" }
func (w *weatherPlugin) Description() string { return "Current weather of a city" }
func (w *weatherPlugin) Parameters() json.RawMessage {
	return json.RawMessage(`{"type":"object","properties":{"city":{"type":"string","maxLength":8}},"required":["city"],"additionalProperties":false}`)
}
func (w *weatherPlugin) Call(_ context.Context, args json.RawMessage) (json.RawMessage, error) {
	w.mu.Lock()
	w.calls = append(w.calls, string(args))
	w.mu.Unlock()
	var a struct{ City string }
	if err := json.Unmarshal(args, &a); err != nil {
		return nil, err
	}
	if a.City == "Atlantis" {
		return nil, errors.New("no weather station in Atlantis")
	}
	return json.RawMessage(fmt.Sprintf(`{"city":%q,"temp_c":21}`, a.City)), nil
}

func (w *weatherPlugin) count() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.calls)
}

// agentOptions configure a node with get_weather as a node tool.
func agentOptions(w *weatherPlugin) (func(*config.Config), Options) {
	mutate := func(c *config.Config) {
		c.Ext.Tools = []config.ToolSpec{{Name: "get_weather", Kind: "plugin", Plugin: "weather"}}
		c.Ext.AgentMaxSteps = 3
		quiet := "Answer in one word."
		c.Ext.PromptSets = map[string]config.PromptSet{"quiet": {SystemPrompt: &quiet, Tools: &[]string{}}}
	}
	plugins := tools.PluginToolsFunc(func(plugin, function string) (tools.PluginTool, error) {
		if plugin != "weather" {
			return nil, fmt.Errorf("no plugin %q", plugin)
		}
		return w, nil
	})
	return mutate, Options{Plugins: plugins}
}

// chatOut is a chat reply with the extension fields.
type chatOut struct {
	Choices []struct {
		Message struct {
			Content   *string        `json:"content"`
			ToolCalls []api.ToolCall `json:"tool_calls"`
		} `json:"message"`
		FinishReason string `json:"finish_reason"`
	} `json:"choices"`
	Usage    api.Usage     `json:"usage"`
	ToolRuns []api.ToolRun `json:"tool_runs"`
	Error    *api.Error    `json:"error"`
}

func postChat(t *testing.T, url, body string, header map[string]string) (int, chatOut) {
	t.Helper()
	req, _ := http.NewRequest("POST", url+"/v1/chat/completions", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var out chatOut
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("%d %s", resp.StatusCode, b)
	}
	return resp.StatusCode, out
}

// TestAgentLoopLocal drives the local engine (random weights) with a
// named tool_choice on a node tool: the node runs the tool, feeds the
// result back and the model answers; streamed, progress events come.
func TestAgentLoopLocal(t *testing.T) {
	w := &weatherPlugin{}
	mutate, opt := agentOptions(w)
	cfg := testConfig(t, false, mutate)
	n, err := Open(context.Background(), cfg, opt)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(n.Handler())
	t.Cleanup(func() { srv.Close(); n.Close() })

	body := `{"messages":[{"role":"user","content":"Weather in Paris?"}],"max_tokens":80,"seed":1,
		"tool_choice":{"type":"function","function":{"name":"get_weather"}}}`
	code, out := postChat(t, srv.URL, body, nil)
	if code != 200 || len(out.ToolRuns) == 0 {
		t.Fatalf("%d %+v", code, out)
	}
	r := out.ToolRuns[0]
	if r.Name != "get_weather" || r.Step != 1 || r.Status != "ok" || r.ID == "" || !json.Valid([]byte(r.Arguments)) {
		t.Errorf("tool run %+v", r)
	}
	if w.count() != len(out.ToolRuns) {
		t.Errorf("the tool ran %d times, tool_runs lists %d", w.count(), len(out.ToolRuns))
	}
	fr := out.Choices[0].FinishReason
	if fr == "tool_calls" || len(out.Choices[0].Message.ToolCalls) > 0 {
		t.Errorf("a node tool call reached the client: %+v", out.Choices[0])
	}
	if out.Usage.PromptTokens <= 0 || out.Usage.CompletionTokens <= 0 {
		t.Errorf("usage %+v", out.Usage)
	}

	// Streamed: a running and a finished event per run, then the runs.
	resp, err := http.Post(srv.URL+"/v1/chat/completions", "application/json",
		strings.NewReader(strings.Replace(body, `"seed":1`, `"seed":2,"stream":true`, 1)))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var progress []string
	var final []any
	for _, e := range readEvents(t, resp.Body) {
		if tr, ok := e["tool_run"].(map[string]any); ok {
			progress = append(progress, fmt.Sprint(tr["name"], ":", tr["status"]))
			if c, _ := e["choices"].([]any); c == nil || len(c) != 0 {
				t.Errorf("a tool_run chunk has choices %v", e["choices"])
			}
		}
		if tr, ok := e["tool_runs"].([]any); ok {
			final = tr
		}
		for _, c := range asSlice(e["choices"]) {
			if d, ok := c.(map[string]any)["delta"].(map[string]any); ok && d["tool_calls"] != nil {
				t.Errorf("a node tool call was streamed to the client: %v", d)
			}
		}
	}
	if len(progress) < 2 || progress[0] != "get_weather:running" || progress[1] != "get_weather:ok" || len(final) != len(progress)/2 {
		t.Errorf("progress %v, final tool_runs %v", progress, final)
	}

	// A response_format without client tools works whatever the model's
	// tool format: node tools are left out where it cannot combine them.
	code, out = postChat(t, srv.URL, `{"messages":[{"role":"user","content":"JSON?"}],"max_tokens":40,"seed":3,
		"response_format":{"type":"json_object"}}`, nil)
	fits := n.toolsFitFormat(&api.ChatRequest{Grammar: "x"})
	if code != 200 || !fits && len(out.ToolRuns) > 0 {
		t.Errorf("response_format with node tools (format %s): %d %+v", n.toolFmt.Family, code, out)
	}

	// The prompt set "quiet" offers no node tool: naming it is a 400.
	code, out = postChat(t, srv.URL, strings.Replace(body, `"messages"`, `"model":"tiny-llama:quiet","messages"`, 1), nil)
	if code != 400 || out.Error == nil || !strings.Contains(out.Error.Message, "needs tools") {
		t.Errorf("named node tool under a set without tools: %d %+v", code, out.Error)
	}
}

func asSlice(v any) []any { s, _ := v.([]any); return s }

// scriptedModel is an upstream chat server that calls get_weather until
// a tool result is in the conversation, then answers with that result; it
// keeps every request.
type scriptedModel struct {
	mu   sync.Mutex
	reqs []upstreamChatRequest
	// call is the tool call made first (its arguments).
	call string
	name string
}

func (s *scriptedModel) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/v1/models" {
		w.WriteHeader(404)
		return
	}
	var req upstreamChatRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, err.Error(), 400)
		return
	}
	s.mu.Lock()
	s.reqs = append(s.reqs, req)
	s.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	last := req.Messages[len(req.Messages)-1]
	if last.Role == "tool" {
		fmt.Fprintf(w, `{"choices":[{"index":0,"message":{"role":"assistant","content":%q},"finish_reason":"stop"}],"usage":{"prompt_tokens":20,"completion_tokens":5,"total_tokens":25}}`,
			"Result: "+*last.Content)
		return
	}
	name := s.name
	if name == "" {
		name = "get_weather"
	}
	fmt.Fprintf(w, `{"choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_9","type":"function","function":{"name":%q,"arguments":%q}}]},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":10,"completion_tokens":3,"total_tokens":13}}`,
		name, s.call)
}

func (s *scriptedModel) requests() []upstreamChatRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]upstreamChatRequest(nil), s.reqs...)
}

func toolNames(ts []api.Tool) []string {
	var out []string
	for _, t := range ts {
		var f struct{ Name string }
		json.Unmarshal(t.Function, &f)
		out = append(out, f.Name)
	}
	return out
}

// TestAgentLoopUpstream checks the conversation the loop builds, through
// a chat upstream that scripts the model: the node tool is offered next to
// the client's, its result comes back as a tool message, errors reach the
// model as the result, client calls go back to the client, and prompt sets
// change the prompt and the tools.
func TestAgentLoopUpstream(t *testing.T) {
	w := &weatherPlugin{}
	model := &scriptedModel{call: `{"city":"Paris"}`}
	up := httptest.NewServer(model)
	t.Cleanup(up.Close)
	mutate, opt := agentOptions(w)
	cfg := &config.Config{SystemPrompt: systemB, ChatName: "up"}
	cfg.Ext.ChatUpstream = up.URL + "/v1"
	mutate(cfg)
	cfg.ApplyDefaults()
	opt.Base = t.TempDir()
	n, err := Open(context.Background(), cfg, opt)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(n.Handler())
	t.Cleanup(func() { srv.Close(); n.Close() })

	clientTool := `{"type":"function","function":{"name":"send_email","parameters":{"type":"object","properties":{"to":{"type":"string"}}}}}`
	body := `{"messages":[{"role":"user","content":"Weather in Paris?"}],"tools":[` + clientTool + `]}`
	code, out := postChat(t, srv.URL, body, nil)
	if code != 200 {
		t.Fatalf("%d %+v", code, out)
	}
	if got := *out.Choices[0].Message.Content; got != `Result: {"city":"Paris","temp_c":21}` || out.Choices[0].FinishReason != "stop" {
		t.Errorf("answer %q, finish %q", got, out.Choices[0].FinishReason)
	}
	if len(out.ToolRuns) != 1 || out.ToolRuns[0].Status != "ok" || out.ToolRuns[0].Arguments != `{"city":"Paris"}` || out.ToolRuns[0].ID != "call_9" {
		t.Errorf("tool_runs %+v", out.ToolRuns)
	}
	if out.Usage != (api.Usage{PromptTokens: 30, CompletionTokens: 8, TotalTokens: 38}) {
		t.Errorf("usage %+v; want both steps summed", out.Usage)
	}
	reqs := model.requests()
	if len(reqs) != 2 {
		t.Fatalf("%d upstream requests; want 2", len(reqs))
	}
	if got := strings.Join(toolNames(reqs[0].Tools), ","); got != "send_email,get_weather" {
		t.Errorf("tools offered %s", got)
	}
	m := reqs[1].Messages
	if len(m) != 4 || m[0].Role != "system" || *m[0].Content != systemB || m[2].Role != "assistant" || len(m[2].ToolCalls) != 1 ||
		m[3].Role != "tool" || m[3].ToolCallID != "call_9" || *m[3].Content != `{"city":"Paris","temp_c":21}` {
		t.Errorf("second step's conversation: %s", mustJSON(m))
	}

	// A tool error is the tool's result, not a failed request.
	model.call = `{"city":"Atlantis"}`
	code, out = postChat(t, srv.URL, body, nil)
	if code != 200 || len(out.ToolRuns) != 1 || out.ToolRuns[0].Status != "error" ||
		!strings.Contains(*out.Choices[0].Message.Content, `{"error":"no weather station in Atlantis"}`) {
		t.Errorf("tool error: %d %+v", code, out)
	}

	// A call of the client's tool goes to the client.
	model.name, model.call = "send_email", `{"to":"a@b.c"}`
	code, out = postChat(t, srv.URL, body, nil)
	if code != 200 || out.Choices[0].FinishReason != "tool_calls" || len(out.Choices[0].Message.ToolCalls) != 1 ||
		out.Choices[0].Message.ToolCalls[0].Function.Name != "send_email" || len(out.ToolRuns) != 0 {
		t.Errorf("client call: %d %+v", code, out)
	}

	// A client tool may not take a node tool's name.
	code, out = postChat(t, srv.URL, strings.Replace(body, "send_email", "get_weather", 1), nil)
	if code != 400 || !strings.Contains(out.Error.Message, "runs itself") {
		t.Errorf("shadowing client tool: %d %+v", code, out.Error)
	}

	// Prompt sets: by model suffix or header; "quiet" replaces the system
	// prompt and offers no node tool.
	model.name, model.call = "", `{"city":"Paris"}`
	for _, h := range []struct {
		body   string
		header map[string]string
	}{
		{strings.Replace(body, `{"messages"`, `{"model":"up:quiet","messages"`, 1), nil},
		{body, map[string]string{"X-Prompt-Set": "quiet"}},
	} {
		before := len(model.requests())
		code, out = postChat(t, srv.URL, h.body, h.header)
		reqs = model.requests()[before:]
		if code != 200 || len(reqs) != 1 || *reqs[0].Messages[0].Content != "Answer in one word." ||
			strings.Join(toolNames(reqs[0].Tools), ",") != "send_email" || reqs[0].Model != "up" {
			t.Errorf("prompt set: %d %+v %s", code, out, mustJSON(reqs))
		}
	}
	code, out = postChat(t, srv.URL, body, map[string]string{"X-Prompt-Set": "loud"})
	if code != 400 || !strings.Contains(out.Error.Message, `prompt set "loud" is not configured; this node has: quiet`) {
		t.Errorf("unknown set: %d %+v", code, out.Error)
	}
	var info struct {
		Tools      []struct{ Name, Kind string }
		PromptSets []string `json:"prompt_sets"`
	}
	if getJSONInto(t, srv.URL+"/v1/info", &info); len(info.Tools) != 1 || info.Tools[0].Name != "get_weather" || info.Tools[0].Kind != "plugin" ||
		len(info.PromptSets) != 1 || info.PromptSets[0] != "quiet" {
		t.Errorf("/v1/info tools %+v, prompt sets %v", info.Tools, info.PromptSets)
	}
	var models struct{ Data []api.Model }
	if getJSONInto(t, srv.URL+"/v1/models", &models); len(models.Data) != 2 || models.Data[1].ID != "up:quiet" {
		t.Errorf("models %+v", models.Data)
	}
}

func getJSONInto(t *testing.T, url string, v any) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatal(err)
	}
}

func TestToolsFitFormat(t *testing.T) {
	json := &api.ResponseFormat{Type: "json_object"}
	clientTool := []api.Tool{{Type: "function"}}
	cases := []struct {
		family toolcall.Family
		req    api.ChatRequest
		want   bool
	}{
		{toolcall.Llama3, api.ChatRequest{}, true},
		{toolcall.Llama3, api.ChatRequest{ResponseFormat: &api.ResponseFormat{Type: "text"}}, true},
		{toolcall.Llama3, api.ChatRequest{ResponseFormat: json}, false},
		{toolcall.Harmony, api.ChatRequest{Grammar: "root ::= \"a\""}, false},
		{toolcall.Llama3, api.ChatRequest{ResponseFormat: json, Tools: clientTool}, true}, // the client's 400 stays
		{toolcall.Hermes, api.ChatRequest{ResponseFormat: json}, true},
		{toolcall.MistralArgs, api.ChatRequest{Grammar: "root ::= \"a\""}, true},
	}
	for _, c := range cases {
		n := &Node{toolFmt: toolcall.Format{Family: c.family}}
		if got := n.toolsFitFormat(&c.req); got != c.want {
			t.Errorf("%s %+v: %v, want %v", c.family, c.req, got, c.want)
		}
	}
}
