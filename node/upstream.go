package node

// Upstream backends: the chat or embedding model is served by another
// OpenAI-compatible server (llama-server, vLLM, Ollama, another node) named
// by gaianet_go.chat_upstream / gaianet_go.embedding_upstream, a base URL
// such as "http://host:8080/v1". The node keeps its own behaviour on top:
// the default system prompt, retrieval placed by rag_policy, the sources it
// reports. Only the dedicated fields name upstreams; a URL in "chat" or
// "embedding" is always a model file to download.
//
// Chat requests always go upstream with "stream": true and
// stream_options.include_usage, whatever the client asked; the node relays
// each delta as it arrives and answers the client streamed or not. The
// upstream's reply is read as server-sent events:
//
//	data: {"choices":[{"index":0,"delta":{"role":"assistant","content":"Hel"}}]}
//
//	data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}
//
//	data: {"choices":[],"usage":{"prompt_tokens":9,"completion_tokens":2,"total_tokens":11}}
//
//	data: [DONE]
//
// An event whose JSON has an "error" member (llama-server and this node
// send one when a stream fails midway) ends the reply with that error. An
// upstream that answers with plain JSON despite "stream": true is accepted
// too. When the upstream reports no usage, the node reports usage as zeros:
// it does not count tokens it did not see (see upstreamStep).

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gaianet-go/gaianet/api"
	"github.com/gaianet-go/gaianet/chattemplate"
	"github.com/gaianet-go/gaianet/egress"
)

// Limits and timeouts of upstream requests.
const (
	upstreamDialTimeout   = 10 * time.Second
	upstreamHeaderTimeout = 5 * time.Minute // a busy upstream may queue us
	upstreamProbeTimeout  = 10 * time.Second
	maxUpstreamEvent      = 16 << 20 // one SSE event
	maxUpstreamErrorBody  = 64 << 10
	maxUpstreamBody       = 256 << 20 // a non-streamed reply or embeddings
	defaultUpstreamRetry  = 2 * time.Second
)

// embedder is what the node needs of an embedding model: the local
// *embedding.Model or an EmbeddingUpstream.
type embedder interface {
	Embed(ctx context.Context, texts []string) ([][]float32, int, error)
	// Dim is the vector dimension, 0 while an upstream's is not known yet.
	Dim() int
	MaxTokens() int
	Close() error
}

// upstream is an OpenAI-compatible server. It is safe for concurrent use.
type upstream struct {
	base   *url.URL // e.g. http://host:8080/v1
	host   string   // host[:port], for messages
	key    string   // bearer token; may be empty
	model  string   // model name sent upstream; empty means the client's
	client *http.Client
}

func newUpstream(raw, key string) (*upstream, error) {
	u, err := url.Parse(strings.TrimRight(raw, "/"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("node: upstream %q is not an http(s) base URL like http://host:8080/v1", raw)
	}
	// The operator configured this server, so it is allowed wherever it
	// is (often on the same machine or network); through the same guarded
	// dialer as every outbound request, so its redirects are not.
	pol, err := egress.Public.With(u.Hostname())
	if err != nil {
		return nil, fmt.Errorf("node: upstream %q: %w", raw, err)
	}
	client := pol.Client(egress.Options{ConnectTimeout: upstreamDialTimeout, HeaderTimeout: upstreamHeaderTimeout})
	return &upstream{base: u, host: u.Host, key: key, client: client}, nil
}

// String returns the base URL without credentials or query, for /v1/info
// and logs.
func (u *upstream) String() string {
	c := *u.base
	c.User, c.RawQuery, c.Fragment = nil, "", ""
	return c.String()
}

func (u *upstream) close() { u.client.CloseIdleConnections() }

// request sends a request to endpoint (relative to the base URL) and returns
// the response when its status is 2xx; any other outcome is an *api.Error
// for the client, or ctx's error when the client is gone.
func (u *upstream) request(ctx context.Context, method, endpoint string, body any) (*http.Response, error) {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return nil, fmt.Errorf("node: upstream request: %w", err)
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, u.base.JoinPath(endpoint).String(), rd)
	if err != nil {
		return nil, fmt.Errorf("node: upstream request: %w", err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Accept", "text/event-stream, application/json")
	if u.key != "" {
		req.Header.Set("Authorization", "Bearer "+u.key)
	}
	resp, err := u.client.Do(req)
	if err != nil {
		return nil, u.transportError(ctx, err)
	}
	if resp.StatusCode/100 != 2 {
		defer resp.Body.Close()
		b, _ := io.ReadAll(io.LimitReader(resp.Body, maxUpstreamErrorBody))
		return nil, u.statusError(resp.StatusCode, resp.Header, b)
	}
	return resp, nil
}

// transportError explains a failure to reach the upstream or to read its
// reply: 502 naming the host, or ctx's error when the client went away.
func (u *upstream) transportError(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return api.Errorf(http.StatusBadGateway, "server_error", "upstream_unavailable",
			"upstream unavailable: %s did not answer in time", u.host)
	}
	reason := err.Error()
	var ue *url.Error
	if errors.As(err, &ue) {
		reason = ue.Err.Error()
	}
	return api.Errorf(http.StatusBadGateway, "server_error", "upstream_unavailable",
		"upstream unavailable: cannot reach %s: %s", u.host, reason)
}

// statusError maps an upstream's non-2xx answer to the client's error:
// 429 stays 429 with Retry-After; 401 and 403 mean the node's own key is
// wrong, which is the operator's problem, so 502; other 4xx pass through
// with the upstream's message; 5xx become 502.
func (u *upstream) statusError(status int, h http.Header, body []byte) *api.Error {
	msg, typ, code := errorDetails(body)
	if msg == "" {
		msg = http.StatusText(status)
	}
	var e *api.Error
	switch {
	case status == http.StatusTooManyRequests:
		e = api.Errorf(status, "rate_limit_error", "upstream_busy", "upstream %s is busy: %s", u.host, msg)
		e.RetryAfter = retryAfter(h.Get("Retry-After"), time.Now())
	case status == http.StatusUnauthorized || status == http.StatusForbidden:
		e = api.Errorf(http.StatusBadGateway, "server_error", "upstream_auth_failed",
			"upstream %s refused the node's credentials (HTTP %d: %s); check gaianet_go.upstream_api_key", u.host, status, msg)
	case status >= 400 && status < 500:
		if typ == "" {
			typ = "invalid_request_error"
		}
		if code == "" {
			code = "upstream_error"
		}
		e = api.Errorf(status, typ, code, "upstream %s: %s", u.host, msg)
	default:
		e = api.Errorf(http.StatusBadGateway, "server_error", "upstream_error", "upstream %s failed (HTTP %d): %s", u.host, status, msg)
		if ra := h.Get("Retry-After"); ra != "" {
			e.RetryAfter = retryAfter(ra, time.Now())
		}
	}
	return e
}

// errorDetails finds the message of an error body in the shapes servers
// use: {"error":{"message","type","code"}} (OpenAI, llama-server, this
// node), {"error":"text"} (Ollama), {"message":...} or {"detail":...}
// (vLLM, FastAPI), or plain text.
func errorDetails(body []byte) (msg, typ, code string) {
	var v struct {
		Error   json.RawMessage `json:"error"`
		Message any             `json:"message"`
		Detail  any             `json:"detail"`
	}
	if json.Unmarshal(body, &v) == nil {
		var obj struct {
			Message string `json:"message"`
			Type    string `json:"type"`
			Code    any    `json:"code"`
		}
		var s string
		switch {
		case len(v.Error) > 0 && json.Unmarshal(v.Error, &obj) == nil && obj.Message != "":
			msg, typ = obj.Message, obj.Type
			if c, ok := obj.Code.(string); ok {
				code = c
			}
		case len(v.Error) > 0 && json.Unmarshal(v.Error, &s) == nil && s != "":
			msg = s
		case v.Message != nil:
			msg = fmt.Sprint(v.Message)
		case v.Detail != nil:
			msg = fmt.Sprint(v.Detail)
		}
	}
	if msg == "" {
		msg = strings.TrimSpace(string(body))
	}
	if len(msg) > 1000 {
		msg = msg[:1000] + "…"
	}
	return msg, typ, code
}

// retryAfter reads a Retry-After header: seconds or an HTTP date. Absent or
// unreadable means the default.
func retryAfter(v string, now time.Time) time.Duration {
	if s, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && s > 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return defaultUpstreamRetry
}

// probeModel asks the upstream's /models for the first model it serves.
func (u *upstream) probeModel(ctx context.Context) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, upstreamProbeTimeout)
	defer cancel()
	resp, err := u.request(ctx, http.MethodGet, "models", nil)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var list struct {
		Data []struct {
			ID string `json:"id"`
		} `json:"data"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, maxUpstreamErrorBody)).Decode(&list); err != nil {
		return "", fmt.Errorf("node: upstream %s: /models: %w", u.host, err)
	}
	if len(list.Data) == 0 || list.Data[0].ID == "" {
		return "", fmt.Errorf("node: upstream %s lists no models", u.host)
	}
	return list.Data[0].ID, nil
}

// openChatUpstream sets the node up to answer chats through chat_upstream.
// The model name is chat_name, else the first model the upstream lists
// (asked once, here), else the upstream's host; the name sent upstream is
// chat_name or the listed model, or the client's when neither is known.
func (n *Node) openChatUpstream(ctx context.Context) error {
	up, err := newUpstream(n.cfg.Ext.ChatUpstream, n.cfg.Ext.UpstreamAPIKey)
	if err != nil {
		return err
	}
	if n.cfg.Chat != "" {
		n.log.Info("chat_upstream is set; the chat model file is not loaded", "chat", n.cfg.Chat)
	}
	up.model = n.cfg.ChatName
	n.chatName = n.cfg.ChatName
	if n.chatName == "" {
		if id, err := up.probeModel(ctx); err != nil {
			n.chatName = up.host
			n.log.Warn("cannot list the chat upstream's models; set chat_name to the model it serves", "upstream", up.String(), "err", err)
		} else {
			up.model, n.chatName = id, id
		}
	}
	n.chatUp = up
	n.log.Info("chat answered by upstream", "upstream", up.String(), "name", n.chatName)
	return nil
}

// upstreamMessage is a chat message as sent upstream.
type upstreamMessage struct {
	Role       string         `json:"role"`
	Content    *string        `json:"content"`
	Name       string         `json:"name,omitempty"`
	ToolCalls  []api.ToolCall `json:"tool_calls,omitempty"`
	ToolCallID string         `json:"tool_call_id,omitempty"`
	// ReasoningContent is passed back as clients send it.
	ReasoningContent string `json:"reasoning_content,omitempty"`
}

// upstreamSampling are the sampling fields passed through; absent fields
// stay absent (some servers reject fields they do not know, even null).
type upstreamSampling struct {
	Temperature         *float64           `json:"temperature,omitempty"`
	TopP                *float64           `json:"top_p,omitempty"`
	TopK                *int               `json:"top_k,omitempty"`
	MinP                *float64           `json:"min_p,omitempty"`
	RepeatPenalty       *float64           `json:"repeat_penalty,omitempty"`
	PresencePenalty     *float64           `json:"presence_penalty,omitempty"`
	FrequencyPenalty    *float64           `json:"frequency_penalty,omitempty"`
	LogitBias           map[string]float64 `json:"logit_bias,omitempty"`
	Seed                *int64             `json:"seed,omitempty"`
	Stop                []string           `json:"stop,omitempty"`
	MaxTokens           *int               `json:"max_tokens,omitempty"`
	MaxCompletionTokens *int               `json:"max_completion_tokens,omitempty"`
	N                   *int               `json:"n,omitempty"`
	User                string             `json:"user,omitempty"`
}

func passSampling(s *api.Sampling) upstreamSampling {
	return upstreamSampling{Temperature: s.Temperature, TopP: s.TopP, TopK: s.TopK, MinP: s.MinP,
		RepeatPenalty: s.RepeatPenalty, PresencePenalty: s.PresencePenalty, FrequencyPenalty: s.FrequencyPenalty,
		LogitBias: s.LogitBias, Seed: s.Seed, Stop: s.Stop, MaxTokens: s.MaxTokens,
		MaxCompletionTokens: s.MaxCompletionTokens, N: s.N, User: s.User}
}

type upstreamChatRequest struct {
	Model    string            `json:"model,omitempty"`
	Messages []upstreamMessage `json:"messages"`
	upstreamSampling
	Stream            bool                `json:"stream"`
	StreamOptions     *api.StreamOptions  `json:"stream_options,omitempty"`
	Logprobs          bool                `json:"logprobs,omitempty"`
	TopLogprobs       *int                `json:"top_logprobs,omitempty"`
	Tools             []api.Tool          `json:"tools,omitempty"`
	ToolChoice        json.RawMessage     `json:"tool_choice,omitempty"`
	ParallelToolCalls *bool               `json:"parallel_tool_calls,omitempty"`
	ResponseFormat    *api.ResponseFormat `json:"response_format,omitempty"`
	Grammar           string              `json:"grammar,omitempty"`
}

type upstreamCompletionRequest struct {
	Model  string `json:"model,omitempty"`
	Prompt string `json:"prompt"`
	upstreamSampling
	Stream         bool                `json:"stream"`
	StreamOptions  *api.StreamOptions  `json:"stream_options,omitempty"`
	ResponseFormat *api.ResponseFormat `json:"response_format,omitempty"`
	Grammar        string              `json:"grammar,omitempty"`
}

func upstreamMessages(msgs []chattemplate.Message) []upstreamMessage {
	out := make([]upstreamMessage, len(msgs))
	for i, m := range msgs {
		content := m.Content
		um := upstreamMessage{Role: m.Role, Content: &content, Name: m.Name, ToolCallID: m.ToolCallID,
			ReasoningContent: m.ReasoningContent}
		for _, tc := range m.ToolCalls {
			um.ToolCalls = append(um.ToolCalls, api.ToolCall{ID: tc.ID, Type: tc.Type,
				Function: api.FunctionCall{Name: tc.Function.Name, Arguments: tc.Function.Arguments}})
		}
		if len(um.ToolCalls) > 0 && content == "" {
			um.Content = nil
		}
		out[i] = um
	}
	return out
}

// upstreamStep answers one model call through the chat upstream: msgs,
// built by the node (system prompt, retrieval, agent steps), are sent.
// Usage is the upstream's; when it reports none, Usage is zero.
func (n *Node) upstreamStep(ctx context.Context, req *api.ChatRequest, msgs []chattemplate.Message, emit func(api.ChatDelta) error) (*api.ChatResult, error) {
	start := time.Now()
	body := upstreamChatRequest{Model: n.chatUp.modelFor(req.Model), Messages: upstreamMessages(msgs),
		upstreamSampling: passSampling(&req.Sampling), Stream: true,
		StreamOptions: &api.StreamOptions{IncludeUsage: true}, Logprobs: req.Logprobs, TopLogprobs: req.TopLogprobs,
		Tools: req.Tools, ToolChoice: req.ToolChoice, ParallelToolCalls: req.ParallelToolCalls,
		ResponseFormat: req.ResponseFormat, Grammar: req.Grammar}
	return n.relay(ctx, "chat/completions", body, emit, start)
}

// upstreamComplete answers a text completion through the chat upstream.
func (n *Node) upstreamComplete(ctx context.Context, req *api.CompletionRequest, emit func(api.ChatDelta) error) (*api.ChatResult, error) {
	body := upstreamCompletionRequest{Model: n.chatUp.modelFor(req.Model), Prompt: req.Prompt[0],
		upstreamSampling: passSampling(&req.Sampling), Stream: true, StreamOptions: &api.StreamOptions{IncludeUsage: true},
		ResponseFormat: req.ResponseFormat, Grammar: req.Grammar}
	return n.relay(ctx, "completions", body, emit, time.Now())
}

func (u *upstream) modelFor(client string) string {
	if u.model != "" {
		return u.model
	}
	return client
}

// relay sends body to the chat upstream and streams its reply through emit.
func (n *Node) relay(ctx context.Context, endpoint string, body any, emit func(api.ChatDelta) error, start time.Time) (*api.ChatResult, error) {
	up := n.chatUp
	resp, err := up.request(ctx, http.MethodPost, endpoint, body)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close() // before the reply is complete, this aborts it upstream
	acc := &replyAccumulator{emit: emit}
	if ct := resp.Header.Get("Content-Type"); strings.HasPrefix(ct, "application/json") {
		var b []byte
		b, err = io.ReadAll(io.LimitReader(resp.Body, maxUpstreamBody))
		if err == nil {
			err = acc.add(b)
			acc.done = true
		}
	} else {
		err = readSSE(resp.Body, maxUpstreamEvent, func(ev sseEvent) error {
			if ev.Data == "[DONE]" {
				acc.done = true
				return errStopSSE
			}
			if ev.Type == "error" {
				if err := acc.add([]byte(ev.Data)); err != nil {
					return err // {"error":{...}}, with its code
				}
				msg, _, _ := errorDetails([]byte(ev.Data))
				return &upstreamEventError{msg: msg}
			}
			return acc.add([]byte(ev.Data))
		})
		if errors.Is(err, errStopSSE) {
			err = nil
		}
	}
	var ee *upstreamEventError
	switch {
	case err == nil:
	case acc.emitErr != nil:
		return nil, acc.emitErr // the client is gone
	case errors.As(err, &ee), errors.Is(err, errBadReply):
		return nil, up.eventError(err)
	case ctx.Err() != nil:
		return nil, ctx.Err()
	default:
		return nil, api.Errorf(http.StatusBadGateway, "server_error", "upstream_error",
			"upstream %s broke off the reply: %v", up.host, err)
	}
	if !acc.done && acc.finish == "" {
		return nil, api.Errorf(http.StatusBadGateway, "server_error", "upstream_error",
			"upstream %s closed the stream before the reply was finished", up.host)
	}
	res := &api.ChatResult{Model: n.chatName, FinishReason: acc.finish, ToolCalls: acc.toolCalls()}
	if res.FinishReason == "" {
		res.FinishReason = "stop"
		if len(res.ToolCalls) > 0 {
			res.FinishReason = "tool_calls"
		}
	}
	if acc.usage != nil {
		res.Usage = *acc.usage
		if res.Usage.TotalTokens == 0 {
			res.Usage.TotalTokens = res.Usage.PromptTokens + res.Usage.CompletionTokens
		}
		if n.metrics != nil && !acc.first.IsZero() {
			n.metrics.ObserveGeneration(n.chatName, res.Usage.PromptTokens, res.Usage.CompletionTokens,
				acc.first.Sub(start), time.Since(acc.first))
		}
	} else {
		n.log.Debug("the chat upstream reported no usage; reporting zeros", "upstream", up.host)
	}
	return res, nil
}

// upstreamEventError is an error event in an upstream's stream.
type upstreamEventError struct {
	msg    string
	status int // the event's numeric code, 0 when it has none
}

func (e *upstreamEventError) Error() string { return e.msg }

// eventError maps an error reported inside the upstream's reply.
func (u *upstream) eventError(err error) error {
	var ee *upstreamEventError
	if !errors.As(err, &ee) {
		return api.Errorf(http.StatusBadGateway, "server_error", "upstream_error", "upstream %s sent an unreadable reply: %v", u.host, err)
	}
	if ee.status >= 400 && ee.status < 600 {
		body, _ := json.Marshal(map[string]any{"error": map[string]string{"message": ee.msg}})
		return u.statusError(ee.status, http.Header{}, body)
	}
	return api.Errorf(http.StatusBadGateway, "server_error", "upstream_error", "upstream %s failed: %s", u.host, ee.msg)
}

// upstreamChunk is a streamed chunk, or a whole reply, of a chat or text
// completion.
type upstreamChunk struct {
	Choices []struct {
		Index int `json:"index"`
		Delta *struct {
			Content          *string         `json:"content"`
			ReasoningContent *string         `json:"reasoning_content"`
			ToolCalls        []toolCallDelta `json:"tool_calls"`
		} `json:"delta"`
		Message *struct {
			Content          *string        `json:"content"`
			ReasoningContent *string        `json:"reasoning_content"`
			ToolCalls        []api.ToolCall `json:"tool_calls"`
		} `json:"message"`
		Text         *string         `json:"text"`
		Logprobs     json.RawMessage `json:"logprobs"`
		FinishReason *string         `json:"finish_reason"`
	} `json:"choices"`
	Usage *api.Usage      `json:"usage"`
	Error json.RawMessage `json:"error"`
}

type toolCallDelta struct {
	Index    *int   `json:"index"`
	ID       string `json:"id"`
	Type     string `json:"type"`
	Function struct {
		Name      string `json:"name"`
		Arguments string `json:"arguments"`
	} `json:"function"`
}

// replyAccumulator turns upstream chunks into deltas and the final result.
type replyAccumulator struct {
	emit    func(api.ChatDelta) error
	emitErr error // emit's error: the client is gone
	first   time.Time
	finish  string
	usage   *api.Usage
	calls   []api.ToolCall
	done    bool
}

// add handles one chunk's JSON.
func (a *replyAccumulator) add(data []byte) error {
	var c upstreamChunk
	if err := json.Unmarshal(data, &c); err != nil {
		return fmt.Errorf("%w: %.200q: %v", errBadReply, data, err)
	}
	if len(c.Error) > 0 && !bytes.Equal(c.Error, []byte("null")) {
		msg, _, _ := errorDetails(data)
		var code struct {
			Code any `json:"code"`
		}
		json.Unmarshal(c.Error, &code)
		ee := &upstreamEventError{msg: msg}
		if f, ok := code.Code.(float64); ok {
			ee.status = int(f)
		}
		return ee
	}
	if c.Usage != nil {
		u := *c.Usage
		a.usage = &u
	}
	for _, ch := range c.Choices {
		if ch.Index != 0 {
			continue // the node asks for one choice
		}
		var d api.ChatDelta
		switch {
		case ch.Delta != nil:
			if ch.Delta.Content != nil {
				d.Content = *ch.Delta.Content
			}
			if ch.Delta.ReasoningContent != nil {
				d.ReasoningContent = *ch.Delta.ReasoningContent
			}
			for _, tc := range ch.Delta.ToolCalls {
				d.ToolCalls = append(d.ToolCalls, a.addToolCall(tc))
			}
		case ch.Message != nil:
			if ch.Message.Content != nil {
				d.Content = *ch.Message.Content
			}
			if ch.Message.ReasoningContent != nil {
				d.ReasoningContent = *ch.Message.ReasoningContent
			}
			for _, tc := range ch.Message.ToolCalls {
				i := len(a.calls)
				a.calls = append(a.calls, tc)
				tc.Index = &i
				d.ToolCalls = append(d.ToolCalls, tc)
			}
		case ch.Text != nil:
			d.Content = *ch.Text
		}
		if len(ch.Logprobs) > 0 {
			var lp struct {
				Content []api.TokenLogprob `json:"content"`
			}
			if json.Unmarshal(ch.Logprobs, &lp) == nil {
				d.Logprobs = lp.Content
			}
		}
		if ch.FinishReason != nil && *ch.FinishReason != "" {
			a.finish = *ch.FinishReason
		}
		if d.Content == "" && d.ReasoningContent == "" && len(d.ToolCalls) == 0 && len(d.Logprobs) == 0 {
			continue
		}
		if a.first.IsZero() {
			a.first = time.Now()
		}
		if err := a.emit(d); err != nil {
			a.emitErr = err
			return err
		}
	}
	return nil
}

// addToolCall merges a streamed tool-call piece (the first piece of a call
// carries its id and name, later ones more of its arguments) and returns
// it as the delta to relay, with the call's index in this reply.
func (a *replyAccumulator) addToolCall(tc toolCallDelta) api.ToolCall {
	i := len(a.calls) - 1
	switch {
	case tc.Index != nil:
		i = *tc.Index
	case tc.ID != "" && (i < 0 || a.calls[i].ID != tc.ID):
		i = len(a.calls)
	}
	if i < 0 || i > len(a.calls) || i > 128 {
		i = len(a.calls)
	}
	for len(a.calls) <= i {
		a.calls = append(a.calls, api.ToolCall{Type: "function"})
	}
	c := &a.calls[i]
	if tc.ID != "" {
		c.ID = tc.ID
	}
	if tc.Type != "" {
		c.Type = tc.Type
	}
	c.Function.Name += tc.Function.Name
	c.Function.Arguments += tc.Function.Arguments
	return api.ToolCall{Index: &i, ID: tc.ID, Type: tc.Type,
		Function: api.FunctionCall{Name: tc.Function.Name, Arguments: tc.Function.Arguments}}
}

func (a *replyAccumulator) toolCalls() []api.ToolCall {
	for i := range a.calls {
		a.calls[i].Index = nil
	}
	return a.calls
}

// sseEvent is a server-sent event: its type ("" for the default "message")
// and its data lines joined by newlines.
type sseEvent struct {
	Type string
	Data string
}

// errBadReply marks an upstream reply that is not the JSON expected.
var errBadReply = errors.New("node: unreadable upstream reply")

// errStopSSE, returned by a readSSE callback, ends reading without error.
var errStopSSE = errors.New("node: stop reading events")

// readSSE reads server-sent events from r and calls fn for each event with
// data, until EOF or fn's error (which it returns). Lines end in "\n" or
// "\r\n"; ":" starts a comment; an event longer than limit bytes is an
// error. A last event not followed by a blank line is still delivered.
func readSSE(r io.Reader, limit int, fn func(sseEvent) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	var ev sseEvent
	var data strings.Builder
	has := false
	dispatch := func() error {
		if !has {
			ev = sseEvent{}
			return nil
		}
		ev.Data = data.String()
		out := ev
		ev, has = sseEvent{}, false
		data.Reset()
		return fn(out)
	}
	for {
		line, err := readLine(br, limit)
		if err != nil && !(errors.Is(err, io.EOF) && line != "") {
			if errors.Is(err, io.EOF) {
				return dispatch()
			}
			return err
		}
		switch {
		case line == "":
			if err := dispatch(); err != nil {
				return err
			}
		case line[0] == ':':
		default:
			field, value, _ := strings.Cut(line, ":")
			value = strings.TrimPrefix(value, " ")
			switch field {
			case "data":
				if has {
					data.WriteByte('\n')
				}
				if data.Len()+len(value) > limit {
					return fmt.Errorf("node: upstream event longer than %d bytes", limit)
				}
				data.WriteString(value)
				has = true
			case "event":
				ev.Type = value
			}
		}
		if err != nil { // EOF after a last unterminated line
			return dispatch()
		}
	}
}

// readLine reads a line without its "\n" or "\r\n", at most limit bytes.
// At EOF it returns the partial line with io.EOF.
func readLine(br *bufio.Reader, limit int) (string, error) {
	var buf []byte
	for {
		frag, err := br.ReadSlice('\n')
		if len(buf)+len(frag) > limit+2 {
			return "", fmt.Errorf("node: upstream event line longer than %d bytes", limit)
		}
		buf = append(buf, frag...)
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		buf = bytes.TrimSuffix(buf, []byte("\n"))
		buf = bytes.TrimSuffix(buf, []byte("\r"))
		return string(buf), err
	}
}

// EmbeddingUpstream embeds texts with the /embeddings endpoint of an
// OpenAI-compatible server; it implements kb.Embedder and
// ingest.TokenCounter, so that tools outside the node (the kb command) can
// use embedding_upstream too. It learns the vector dimension from the first
// reply: Dim is 0 until then (call Probe before creating a collection). It
// is safe for concurrent use.
type EmbeddingUpstream struct {
	up        *upstream
	maxTokens int
	check     func(dim int) error // vets a newly learned dimension; may be nil
	mu        sync.Mutex          // guards dim
	dim       int
}

// NewEmbeddingUpstream returns an EmbeddingUpstream for the server at base
// (e.g. "http://host:8080/v1"), sending apiKey as a bearer token when not
// empty and model as the model name. maxTokens is what MaxTokens reports
// (the server's own limit is unknown). It does not contact the server.
func NewEmbeddingUpstream(base, apiKey, model string, maxTokens int) (*EmbeddingUpstream, error) {
	up, err := newUpstream(base, apiKey)
	if err != nil {
		return nil, err
	}
	up.model = model
	return &EmbeddingUpstream{up: up, maxTokens: maxTokens}, nil
}

// Probe embeds a short text to learn the dimension and returns it.
func (e *EmbeddingUpstream) Probe(ctx context.Context) (int, error) {
	if _, _, err := e.Embed(ctx, []string{"dimension probe"}); err != nil {
		return 0, err
	}
	return e.Dim(), nil
}

// openEmbeddingUpstream sets the node up to embed through
// embedding_upstream, probing it once for the dimension.
func (n *Node) openEmbeddingUpstream(ctx context.Context) error {
	up, err := newUpstream(n.cfg.Ext.EmbeddingUpstream, n.cfg.Ext.UpstreamAPIKey)
	if err != nil {
		return err
	}
	up.model = n.cfg.EmbeddingName
	n.embedName = n.cfg.EmbeddingName
	if up.model == "" {
		if id, err := up.probeModel(ctx); err == nil {
			up.model, n.embedName = id, id
		} else {
			n.embedName = up.host
		}
	}
	e := &EmbeddingUpstream{up: up, maxTokens: n.cfg.EmbeddingCtxSize, check: n.checkEmbeddingDim}
	n.embed = e
	n.embedTok = e
	pctx, cancel := context.WithTimeout(ctx, upstreamProbeTimeout)
	defer cancel()
	// The knowledge base is not open yet: openKnowledge checks the
	// dimension learned here against the collection.
	if _, err := e.Probe(pctx); err != nil {
		n.log.Warn("the embedding upstream did not answer; its dimension will be learned from its first reply",
			"upstream", up.String(), "err", err)
	}
	n.log.Info("embeddings answered by upstream", "upstream", up.String(), "name", n.embedName, "dim", e.Dim())
	return nil
}

// checkEmbeddingDim compares an upstream's dimension with the configured
// collection's, when both exist.
func (n *Node) checkEmbeddingDim(dim int) error {
	if n.store == nil {
		return nil
	}
	info, err := n.store.CollectionInfo(n.cfg.EmbeddingCollectionName)
	if err != nil || info.Config.Dim == dim {
		return nil
	}
	return api.Errorf(http.StatusInternalServerError, "server_error", "dimension_mismatch",
		"collection %q has %d-dimensional vectors but the embedding upstream makes %d",
		n.cfg.EmbeddingCollectionName, info.Config.Dim, dim)
}

// Dim returns the dimension, 0 while it is not known.
func (e *EmbeddingUpstream) Dim() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.dim
}

// MaxTokens returns embedding_ctx_size: the upstream's own limit is unknown.
func (e *EmbeddingUpstream) MaxTokens() int { return e.maxTokens }

// Close releases idle connections.
func (e *EmbeddingUpstream) Close() error { e.up.close(); return nil }

// Embed embeds texts with the upstream; the token count is the upstream's
// (0 when it reports none).
func (e *EmbeddingUpstream) Embed(ctx context.Context, texts []string) ([][]float32, int, error) {
	resp, err := e.up.request(ctx, http.MethodPost, "embeddings",
		map[string]any{"model": e.up.modelFor(""), "input": texts, "encoding_format": "float"})
	if err != nil {
		return nil, 0, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxUpstreamBody))
	if err != nil {
		return nil, 0, e.up.transportError(ctx, err)
	}
	vecs, tokens, err := decodeEmbeddings(b, len(texts))
	if err != nil {
		return nil, 0, api.Errorf(http.StatusBadGateway, "server_error", "upstream_error",
			"upstream %s sent unreadable embeddings: %v", e.up.host, err)
	}
	if err := e.learnDim(len(vecs[0])); err != nil {
		return nil, 0, err
	}
	return vecs, tokens, nil
}

func (e *EmbeddingUpstream) learnDim(d int) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.dim != 0 {
		if e.dim != d {
			return api.Errorf(http.StatusBadGateway, "server_error", "upstream_error",
				"the embedding upstream %s changed its vector dimension from %d to %d", e.up.host, e.dim, d)
		}
		return nil
	}
	if e.check != nil {
		if err := e.check(d); err != nil {
			return err
		}
	}
	e.dim = d
	return nil
}

// decodeEmbeddings reads an embeddings reply with want vectors of equal,
// non-zero length, each a float array or base64 of little-endian float32s.
func decodeEmbeddings(b []byte, want int) ([][]float32, int, error) {
	var r struct {
		Data []struct {
			Index     int             `json:"index"`
			Embedding json.RawMessage `json:"embedding"`
		} `json:"data"`
		Usage struct {
			PromptTokens int `json:"prompt_tokens"`
			TotalTokens  int `json:"total_tokens"`
		} `json:"usage"`
	}
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, 0, err
	}
	if len(r.Data) != want {
		return nil, 0, fmt.Errorf("%d vectors for %d inputs", len(r.Data), want)
	}
	out := make([][]float32, want)
	for _, d := range r.Data {
		if d.Index < 0 || d.Index >= want || out[d.Index] != nil {
			return nil, 0, fmt.Errorf("bad or repeated index %d", d.Index)
		}
		v, err := decodeVector(d.Embedding)
		if err != nil {
			return nil, 0, fmt.Errorf("vector %d: %w", d.Index, err)
		}
		if len(v) == 0 || (d.Index > 0 && out[0] != nil && len(v) != len(out[0])) {
			return nil, 0, fmt.Errorf("vector %d has %d dimensions", d.Index, len(v))
		}
		out[d.Index] = v
	}
	for i := 1; i < want; i++ {
		if len(out[i]) != len(out[0]) {
			return nil, 0, fmt.Errorf("vectors of %d and %d dimensions", len(out[0]), len(out[i]))
		}
	}
	tokens := r.Usage.PromptTokens
	if tokens == 0 {
		tokens = r.Usage.TotalTokens
	}
	return out, tokens, nil
}

func decodeVector(raw json.RawMessage) ([]float32, error) {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		b, err := base64.StdEncoding.DecodeString(s)
		if err != nil || len(b)%4 != 0 {
			return nil, fmt.Errorf("bad base64 vector")
		}
		v := make([]float32, len(b)/4)
		for i := range v {
			v[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))
		}
		return v, nil
	}
	var v []float32
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil, err
	}
	return v, nil
}

// CountTokens estimates the tokens of text, for chunking, since the
// tokenizer is remote: one token per 3 bytes, rounded up, which
// over-counts English (about 4 bytes a token) and matches CJK (3 bytes a
// character), so chunks stay within the model's limit.
func (e *EmbeddingUpstream) CountTokens(text string) int { return (len(text) + 2) / 3 }

// upstreamName returns the base URL serving e, or "" for a local model.
func upstreamName(e embedder) string {
	if u, ok := e.(*EmbeddingUpstream); ok {
		return u.up.String()
	}
	return ""
}
