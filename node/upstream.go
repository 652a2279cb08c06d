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
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/gaianet-go/gaianet/api"
	"github.com/gaianet-go/gaianet/chattemplate"
	"github.com/gaianet-go/gaianet/upstream"
)

// embedder is what the node needs of an embedding model: the local
// *embedding.Model or an *upstream.Embeddings.
type embedder interface {
	Embed(ctx context.Context, texts []string) ([][]float32, int, error)
	// Dim is the vector dimension, 0 while an upstream's is not known yet.
	Dim() int
	MaxTokens() int
	Close() error
}

// openChatUpstream sets the node up to answer chats through chat_upstream.
// The model name is chat_name, else the first model the upstream lists
// (asked once, here), else the upstream's host; the name sent upstream is
// chat_name or the listed model, or the client's when neither is known.
func (n *Node) openChatUpstream(ctx context.Context) error {
	up, err := upstream.New(n.cfg.Ext.ChatUpstream, n.cfg.Ext.UpstreamAPIKey)
	if err != nil {
		return err
	}
	if n.cfg.Chat != "" {
		n.log.Info("chat_upstream is set; the chat model file is not loaded", "chat", n.cfg.Chat)
	}
	up.SetModel(n.cfg.ChatName)
	n.chatName = n.cfg.ChatName
	if n.chatName == "" {
		if id, err := up.ProbeModel(ctx); err != nil {
			n.chatName = up.Host()
			n.log.Warn("cannot list the chat upstream's models; set chat_name to the model it serves", "upstream", up.String(), "err", err)
		} else {
			up.SetModel(id)
			n.chatName = id
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
	body := upstreamChatRequest{Model: n.chatUp.ModelFor(req.Model), Messages: upstreamMessages(msgs),
		upstreamSampling: passSampling(&req.Sampling), Stream: true,
		StreamOptions: &api.StreamOptions{IncludeUsage: true}, Logprobs: req.Logprobs, TopLogprobs: req.TopLogprobs,
		Tools: req.Tools, ToolChoice: req.ToolChoice, ParallelToolCalls: req.ParallelToolCalls,
		ResponseFormat: req.ResponseFormat, Grammar: req.Grammar}
	return n.relay(ctx, "chat/completions", body, emit, start)
}

// upstreamComplete answers a text completion through the chat upstream.
func (n *Node) upstreamComplete(ctx context.Context, req *api.CompletionRequest, emit func(api.ChatDelta) error) (*api.ChatResult, error) {
	body := upstreamCompletionRequest{Model: n.chatUp.ModelFor(req.Model), Prompt: req.Prompt[0],
		upstreamSampling: passSampling(&req.Sampling), Stream: true, StreamOptions: &api.StreamOptions{IncludeUsage: true},
		ResponseFormat: req.ResponseFormat, Grammar: req.Grammar}
	return n.relay(ctx, "completions", body, emit, time.Now())
}

// relay sends body to the chat upstream and streams its reply through emit.
func (n *Node) relay(ctx context.Context, endpoint string, body any, emit func(api.ChatDelta) error, start time.Time) (*api.ChatResult, error) {
	up := n.chatUp
	resp, err := up.Request(ctx, http.MethodPost, endpoint, body)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close() // before the reply is complete, this aborts it upstream
	acc := &replyAccumulator{emit: emit}
	if ct := resp.Header.Get("Content-Type"); strings.HasPrefix(ct, "application/json") {
		var b []byte
		b, err = io.ReadAll(io.LimitReader(resp.Body, upstream.MaxBody))
		if err == nil {
			err = acc.add(b)
			acc.done = true
		}
	} else {
		err = upstream.ReadSSE(resp.Body, upstream.MaxEvent, func(ev upstream.Event) error {
			if ev.Data == "[DONE]" {
				acc.done = true
				return upstream.ErrStop
			}
			if ev.Type == "error" {
				if err := acc.add([]byte(ev.Data)); err != nil {
					return err // {"error":{...}}, with its code
				}
				msg, _, _ := upstream.ErrorDetails([]byte(ev.Data))
				return &upstream.EventError{Msg: msg}
			}
			return acc.add([]byte(ev.Data))
		})
		if errors.Is(err, upstream.ErrStop) {
			err = nil
		}
	}
	var ee *upstream.EventError
	switch {
	case err == nil:
	case acc.emitErr != nil:
		return nil, acc.emitErr // the client is gone
	case errors.As(err, &ee), errors.Is(err, upstream.ErrBadReply):
		return nil, up.ReplyError(err)
	case ctx.Err() != nil:
		return nil, ctx.Err()
	default:
		return nil, api.Errorf(http.StatusBadGateway, "server_error", "upstream_error",
			"upstream %s broke off the reply: %v", up.Host(), err)
	}
	if !acc.done && acc.finish == "" {
		return nil, api.Errorf(http.StatusBadGateway, "server_error", "upstream_error",
			"upstream %s closed the stream before the reply was finished", up.Host())
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
		n.log.Debug("the chat upstream reported no usage; reporting zeros", "upstream", up.Host())
	}
	return res, nil
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
		return fmt.Errorf("%w: %.200q: %v", upstream.ErrBadReply, data, err)
	}
	if len(c.Error) > 0 && !bytes.Equal(c.Error, []byte("null")) {
		msg, _, _ := upstream.ErrorDetails(data)
		var code struct {
			Code any `json:"code"`
		}
		json.Unmarshal(c.Error, &code)
		ee := &upstream.EventError{Msg: msg}
		if f, ok := code.Code.(float64); ok {
			ee.Status = int(f)
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

// openEmbeddingUpstream sets the node up to embed through
// embedding_upstream, probing it once for the dimension.
func (n *Node) openEmbeddingUpstream(ctx context.Context) error {
	up, err := upstream.New(n.cfg.Ext.EmbeddingUpstream, n.cfg.Ext.UpstreamAPIKey)
	if err != nil {
		return err
	}
	up.SetModel(n.cfg.EmbeddingName)
	n.embedName = n.cfg.EmbeddingName
	if n.cfg.EmbeddingName == "" {
		if id, err := up.ProbeModel(ctx); err == nil {
			up.SetModel(id)
			n.embedName = id
		} else {
			n.embedName = up.Host()
		}
	}
	e := up.Embeddings(n.cfg.EmbeddingCtxSize, n.checkEmbeddingDim)
	n.embed = e
	n.embedTok = e
	pctx, cancel := context.WithTimeout(ctx, upstream.ProbeTimeout)
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

// upstreamName returns the base URL serving e, or "" for a local model.
func upstreamName(e embedder) string {
	if u, ok := e.(*upstream.Embeddings); ok {
		return u.String()
	}
	return ""
}
