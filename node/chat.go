package node

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gaianet-go/gaianet/api"
	"github.com/gaianet-go/gaianet/chattemplate"
	"github.com/gaianet-go/gaianet/config"
	"github.com/gaianet-go/gaianet/engine"
	"github.com/gaianet-go/gaianet/rag"
	"github.com/gaianet-go/gaianet/sample"
	"github.com/gaianet-go/gaianet/toolcall"
	"github.com/gaianet-go/gaianet/vectorstore"
)

// prompt is a rendered, tokenized prompt with the knowledge used.
type prompt struct {
	tokens  []int32
	sources []api.Source
}

// Chat answers a chat completion with the local engine, or through the
// chat upstream when one is configured. With node tools offered it runs the
// agent loop (agent.go). Response hooks (hooks.go) see the final reply.
func (n *Node) Chat(ctx context.Context, req *api.ChatRequest, emit func(api.ChatDelta) error) (res *api.ChatResult, err error) {
	req, prof, err := n.profileFor(req)
	if err != nil {
		return nil, err
	}
	emit, finish := responseHooks(ctx, prof.hooks, req, emit)
	defer func() { res, err = finish(res, err) }()
	msgs, sources, err := n.chatMessages(ctx, req, prof)
	if err != nil {
		return nil, err
	}
	if len(prof.tools) > 0 && !toolChoiceNone(req.ToolChoice) && n.toolsFitFormat(req) {
		res, err = n.agentLoop(ctx, req, msgs, prof.tools, emit)
	} else {
		res, err = n.chatStep(ctx, req, msgs, emit)
	}
	if err != nil {
		return nil, err
	}
	res.Sources = sources
	return res, nil
}

// chatStep answers one model call on the conversation msgs (already holding
// the system prompt and retrieved context).
func (n *Node) chatStep(ctx context.Context, req *api.ChatRequest, msgs []chattemplate.Message, emit func(api.ChatDelta) error) (*api.ChatResult, error) {
	if n.chatUp != nil {
		res, err := n.upstreamStep(ctx, req, msgs, emit)
		return upstreamSeed(res, err, &req.Sampling)
	}
	start := time.Now()
	plan, err := n.planOutput(req)
	if err != nil {
		return nil, err
	}
	p, err := n.render(&prompt{}, msgs, plan)
	if err != nil {
		return nil, err
	}
	stops := append([]string(nil), req.Stop...)
	stops = append(stops, n.stops...)
	return n.generate(ctx, p.tokens, &req.Sampling, req.Logprobs, req.TopLogprobs, stops, emit, start, plan)
}

// upstreamSeed sets an upstream's answer's seed to the request's: the
// node passed it on, so the answer can be signed for it (a domain verifies
// signed answers, and its replays always carry a seed). Without one the
// seed stays unknown and the answer unsigned.
func upstreamSeed(res *api.ChatResult, err error, s *api.Sampling) (*api.ChatResult, error) {
	if err == nil && res != nil && res.Seed == nil && s.Seed != nil {
		seed := uint64(*s.Seed)
		res.Seed = &seed
	}
	return res, err
}

// Complete answers a text completion: the prompt is used as it is.
func (n *Node) Complete(ctx context.Context, req *api.CompletionRequest, emit func(api.ChatDelta) error) (*api.ChatResult, error) {
	if n.chatUp != nil {
		res, err := n.upstreamComplete(ctx, req, emit)
		return upstreamSeed(res, err, &req.Sampling)
	}
	start := time.Now()
	g, err := responseGrammar(req.ResponseFormat, req.Grammar)
	if err != nil {
		return nil, err
	}
	var plan *outputPlan
	if g != nil {
		plan = &outputPlan{grammar: g}
	}
	toks := n.tok.Encode(req.Prompt[0], true, true)
	return n.generate(ctx, toks, &req.Sampling, req.Logprobs != nil, req.Logprobs, req.Stop, emit, start, plan)
}

// chatPrompt builds the prompt of a chat request: the default system prompt
// when the request has none, the retrieved context placed by rag_policy,
// then the chat template.
func (n *Node) chatPrompt(ctx context.Context, req *api.ChatRequest, plan *outputPlan) (*prompt, error) {
	msgs, sources, err := n.chatMessages(ctx, req, n.defaultProfile())
	if err != nil {
		return nil, err
	}
	return n.render(&prompt{sources: sources}, msgs, plan)
}

// chatMessages returns the conversation a chat request is answered from:
// the default system prompt when the request has none and the retrieved
// context placed by rag_policy, with the knowledge used.
func (n *Node) chatMessages(ctx context.Context, req *api.ChatRequest, prof *profile) ([]chattemplate.Message, []api.Source, error) {
	msgs, err := n.templateMessages(req, prof)
	if err != nil {
		return nil, nil, err
	}
	var sources []api.Source
	var chunks []rag.Chunk
	if n.retriever != nil {
		if chunks, err = n.retrieve(ctx, req, msgs); err != nil {
			return nil, nil, err
		}
	}
	if msgs, chunks, err = promptHooks(ctx, prof.hooks, msgs, chunks); err != nil {
		return nil, nil, err
	}
	if len(chunks) > 0 {
		msgs = insertContext(msgs, chunks, prof)
		sources = n.apiSources(chunks)
	}
	return msgs, sources, nil
}

// templateMessages converts the request's messages for the template, with
// the default system prompt first when the request has none.
func (n *Node) templateMessages(req *api.ChatRequest, prof *profile) ([]chattemplate.Message, error) {
	msgs := make([]chattemplate.Message, 0, len(req.Messages)+1)
	if prof.system != "" && (len(req.Messages) == 0 || req.Messages[0].Role != "system") {
		msgs = append(msgs, chattemplate.Message{Role: "system", Content: prof.system})
	}
	for _, m := range req.Messages {
		cm := chattemplate.Message{Role: m.Role, Content: string(m.Content), Name: m.Name, ToolCallID: m.ToolCallID,
			ReasoningContent: m.ReasoningContent}
		if n.toolFmt.Family == toolcall.Harmony {
			// gpt-oss's template reads the reasoning as "thinking" (llama.cpp copies it there too).
			cm.Thinking = m.ReasoningContent
		}
		if cm.Role == "developer" {
			cm.Role = "system"
		}
		for _, tc := range m.ToolCalls {
			cm.ToolCalls = append(cm.ToolCalls, chattemplate.ToolCall{ID: tc.ID, Type: tc.Type,
				Function: chattemplate.FunctionCall{Name: tc.Function.Name, Arguments: tc.Function.Arguments}})
		}
		msgs = append(msgs, cm)
	}
	return msgs, nil
}

// render applies the chat template and tokenizes the result into p. A
// template that renders tools gets them (and earlier calls and results)
// as Hugging Face passes them; for one that does not, the tools are
// described in the system message and earlier calls and results are
// written as text in the model's format. The plan's prefix follows the
// generation prompt.
func (n *Node) render(p *prompt, msgs []chattemplate.Message, plan *outputPlan) (*prompt, error) {
	opt := chattemplate.Options{AddGenerationPrompt: true, BOSToken: n.bosText, EOSToken: n.eosText}
	if n.cfg.Ext.Reasoning == "none" {
		opt.Extra = map[string]any{"enable_thinking": false}
	}
	if !plan.format.Native {
		msgs = toolsAsText(msgs, plan)
	} else {
		for _, t := range plan.tools {
			opt.Tools = append(opt.Tools, toolValue(t))
		}
	}
	text, err := n.tmpl.Render(msgs, opt)
	if err != nil {
		var ex *chattemplate.ExceptionError
		if errors.As(err, &ex) {
			return nil, api.Errorf(400, "invalid_request_error", "template_error", "the chat template rejected the conversation: %s", ex.Message)
		}
		return nil, fmt.Errorf("node: render chat template: %w", err)
	}
	if err := plan.finish(text); err != nil {
		return nil, err
	}
	text += plan.prefix
	// Templates usually write the BOS token themselves; the tokenizer adds
	// it too when the model asks for one. Keep exactly one.
	addSpecial := true
	if n.bosText != "" && strings.HasPrefix(text, n.bosText) && n.tok.AddBOS() {
		text = text[len(n.bosText):]
	}
	p.tokens = n.tok.Encode(text, addSpecial, true)
	return p, nil
}

// toolValue is a tool as templates see it: {"type":"function","function":{...}}.
func toolValue(t toolcall.Tool) json.RawMessage {
	b, _ := json.Marshal(struct {
		Type     string        `json:"type"`
		Function toolcall.Tool `json:"function"`
	}{"function", t})
	return b
}

// toolsAsText rewrites a conversation for a template that cannot render
// tools: the tool descriptions join the system message, assistant calls
// become text in the model's format, and tool results become user turns.
func toolsAsText(msgs []chattemplate.Message, plan *outputPlan) []chattemplate.Message {
	out := make([]chattemplate.Message, 0, len(msgs)+1)
	if len(plan.tools) > 0 {
		sys := plan.format.SystemPrompt(plan.tools)
		if len(msgs) > 0 && msgs[0].Role == "system" {
			m := msgs[0]
			m.Content = strings.TrimRight(m.Content, "\n") + "\n\n" + sys
			out = append(out, m)
			msgs = msgs[1:]
		} else {
			out = append(out, chattemplate.Message{Role: "system", Content: sys})
		}
	}
	for _, m := range msgs {
		switch {
		case m.Role == "assistant" && len(m.ToolCalls) > 0:
			calls := make([]toolcall.Call, len(m.ToolCalls))
			for i, tc := range m.ToolCalls {
				calls[i] = toolcall.Call{ID: tc.ID, Name: tc.Function.Name, Arguments: tc.Function.Arguments}
			}
			text := plan.format.CallText(calls)
			if m.Content != "" {
				text = m.Content + "\n" + text
			}
			m.Content, m.ToolCalls = text, nil
		case m.Role == "tool":
			m = chattemplate.Message{Role: "user", Content: toolcall.ResultText(m.Name, m.Content)}
		}
		out = append(out, m)
	}
	return out
}

// retrieve searches the knowledge base with the latest user messages.
func (n *Node) retrieve(ctx context.Context, req *api.ChatRequest, msgs []chattemplate.Message) ([]rag.Chunk, error) {
	window := max(n.cfg.ContextWindow, 1)
	var parts []string
	for i := len(msgs) - 1; i >= 0 && len(parts) < window; i-- {
		if msgs[i].Role == "user" && strings.TrimSpace(msgs[i].Content) != "" {
			parts = append(parts, msgs[i].Content)
		}
	}
	if len(parts) == 0 {
		return nil, nil
	}
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	q := rag.Query{Text: strings.Join(parts, "\n"), Collections: n.collections, Limit: n.cfg.QdrantLimit,
		Threshold: n.cfg.QdrantScoreThreshold, Fusion: n.fusion}
	if len(req.CollectionName) > 0 {
		q.Collections = req.CollectionName
	}
	if req.Limit != nil {
		q.Limit = *req.Limit
	}
	if req.ScoreThreshold != nil {
		q.Threshold = *req.ScoreThreshold
	}
	if q.Limit == 0 {
		return nil, nil
	}
	chunks, err := n.retriever.Retrieve(ctx, q)
	if errors.Is(err, vectorstore.ErrNotFound) && len(req.CollectionName) == 0 {
		return nil, nil // no documents yet
	}
	if errors.Is(err, vectorstore.ErrNotFound) {
		return nil, api.Errorf(404, "invalid_request_error", "collection_not_found", "%v", err)
	}
	if err != nil {
		return nil, fmt.Errorf("node: retrieval: %w", err)
	}
	return chunks, nil
}

// insertContext places the retrieved chunks by the profile's rag_policy:
// appended to the system message (after the system prompt), or prepended
// to the last user message.
func insertContext(msgs []chattemplate.Message, chunks []rag.Chunk, prof *profile) []chattemplate.Message {
	texts := make([]string, len(chunks))
	for i, c := range chunks {
		texts[i] = c.Text
	}
	return rag.InsertContext(msgs, prof.ragPrompt, texts, prof.ragPolicy == config.RAGPolicyLastUserMessage)
}

// samplerParams maps an OpenAI request onto sampling parameters.
func samplerParams(s *api.Sampling, topLogprobs *int) (sample.Params, error) {
	p := sample.DefaultParams()
	if s.Temperature != nil {
		p.Temperature = float32(*s.Temperature)
	}
	if s.TopP != nil {
		p.TopP = float32(*s.TopP)
	}
	if s.TopK != nil {
		p.TopK = *s.TopK
	}
	if s.MinP != nil {
		p.MinP = float32(*s.MinP)
	}
	if s.RepeatPenalty != nil {
		p.RepeatPenalty = float32(*s.RepeatPenalty)
	}
	if s.PresencePenalty != nil {
		p.PresencePenalty = float32(*s.PresencePenalty)
	}
	if s.FrequencyPenalty != nil {
		p.FrequencyPenalty = float32(*s.FrequencyPenalty)
	}
	if s.Seed != nil {
		p.Seed = uint64(*s.Seed)
	} else {
		p.Seed = uint64(time.Now().UnixNano())
	}
	if len(s.LogitBias) > 0 {
		p.LogitBias = make(map[int32]float32, len(s.LogitBias))
		for k, v := range s.LogitBias {
			id, err := strconv.ParseInt(k, 10, 32)
			if err != nil {
				return p, api.Errorf(400, "invalid_request_error", "invalid_request", "logit_bias key %q is not a token ID", k)
			}
			bias := float32(v)
			if v <= -100 {
				bias = float32(math.Inf(-1))
			}
			p.LogitBias[int32(id)] = bias
		}
	}
	if topLogprobs != nil {
		p.TopLogprobs = *topLogprobs
	}
	return p, nil
}

// logprobSampler records log-probabilities as the engine samples; the
// engine samples on its scheduler goroutine and streams on the caller's, so
// the queue is guarded.
type logprobSampler struct {
	s  *sample.Sampler
	mu sync.Mutex // guards queue
	lp sample.Logprobs
	q  []sample.Logprobs
}

func (l *logprobSampler) Sample(logits []float32) int32 {
	id := l.s.SampleLogprobs(logits, &l.lp)
	c := sample.Logprobs{Chosen: l.lp.Chosen, Top: append([]sample.TokenLogprob(nil), l.lp.Top...)}
	l.mu.Lock()
	l.q = append(l.q, c)
	l.mu.Unlock()
	return id
}

func (l *logprobSampler) Accept(id int32) { l.s.Accept(id) }

func (l *logprobSampler) take() []sample.Logprobs {
	l.mu.Lock()
	defer l.mu.Unlock()
	q := l.q
	l.q = nil
	return q
}

func (n *Node) tokenLogprob(id int32, lp float32) api.TokenLogprob {
	b := n.tok.TokenBytes(id)
	ints := make([]int, len(b))
	for i, c := range b {
		ints[i] = int(c)
	}
	return api.TokenLogprob{Token: string(b), Logprob: float64(lp), Bytes: ints}
}

// generate runs the engine and streams its output through emit.
func (n *Node) generate(ctx context.Context, toks []int32, s *api.Sampling, logprobs bool, topLogprobs *int,
	stops []string, emit func(api.ChatDelta) error, start time.Time, plan *outputPlan) (*api.ChatResult, error) {
	ctxSize := n.engine.Options().CtxSize
	maxNew := s.MaxNewTokens()
	if len(toks) >= ctxSize {
		return nil, api.ErrContextLength(len(toks), maxNew, ctxSize)
	}
	// Without context shift a reply must fit in what the prompt leaves.
	if room := ctxSize - len(toks); !n.engine.Options().ContextShift {
		if maxNew > room {
			return nil, api.ErrContextLength(len(toks), maxNew, ctxSize)
		}
		if maxNew == 0 {
			maxNew = room
		}
	}
	params, err := samplerParams(s, topLogprobs)
	if err != nil {
		return nil, err
	}
	loraScales, err := n.requestLoRA(s.LoRA)
	if err != nil {
		return nil, err
	}
	select {
	case n.admit <- struct{}{}:
		n.queued.Add(1)
		defer func() { n.queued.Add(-1); <-n.admit }()
	default:
		return nil, api.ErrBusy(time.Second)
	}
	smp := sample.New(params)
	var sampler engine.Sampler = smp
	var lps *logprobSampler
	if logprobs {
		lps = &logprobSampler{s: smp}
		sampler = lps
	}
	var first time.Time
	req := engine.Request{Prompt: toks, MaxTokens: maxNew, Sampler: sampler, Stop: stops}
	req.LoRA = loraScales
	var shaper *replyShaper
	if plan != nil {
		// With log-probabilities every token is sampled, none forced.
		req.Constraint = n.constraint(plan, !logprobs)
		req.SpecialText = plan.toolsActive() || plan.format.Family == toolcall.Harmony
		if plan.format.Family != "" || plan.thinkClose != "" {
			shaper = newReplyShaper(plan, n.cfg.Ext.Reasoning)
		}
	}
	res, err := n.engine.Generate(ctx, req,
		func(t engine.Token) error {
			if first.IsZero() && t.ID >= 0 {
				first = time.Now()
			}
			d := api.ChatDelta{Content: t.Text}
			if shaper != nil {
				shaper.write(&d, t.Text, false)
			}
			if lps != nil {
				for _, lp := range lps.take() {
					tl := n.tokenLogprob(lp.Chosen.ID, lp.Chosen.Logprob)
					for _, alt := range lp.Top {
						tl.TopLogprobs = append(tl.TopLogprobs, n.tokenLogprob(alt.ID, alt.Logprob))
					}
					if tl.TopLogprobs == nil {
						tl.TopLogprobs = []api.TokenLogprob{}
					}
					d.Logprobs = append(d.Logprobs, tl)
				}
			}
			if d.Content == "" && d.ReasoningContent == "" && len(d.ToolCalls) == 0 && len(d.Logprobs) == 0 {
				return nil
			}
			return emit(d)
		})
	if err == nil && shaper != nil {
		var d api.ChatDelta
		shaper.write(&d, "", true)
		if d.Content != "" || d.ReasoningContent != "" || len(d.ToolCalls) > 0 {
			err = emit(d)
		}
	}
	if err != nil {
		switch {
		case errors.Is(err, engine.ErrConstraint):
			return nil, errConstraintReply(err)
		case errors.Is(err, engine.ErrBusy):
			return nil, api.ErrBusy(2 * time.Second)
		case errors.Is(err, engine.ErrContextFull):
			return nil, api.ErrContextLength(len(toks), maxNew, ctxSize)
		case errors.Is(err, engine.ErrRequest):
			return nil, api.Errorf(400, "invalid_request_error", "invalid_request", "%v", err)
		}
		return nil, err
	}
	if n.metrics != nil && !first.IsZero() {
		n.metrics.ObserveGeneration(n.chatName, res.PromptTokens, res.GeneratedTokens, first.Sub(start), time.Since(first))
	}
	seed := params.Seed
	out := &api.ChatResult{Model: n.chatName, FinishReason: res.FinishReason, Seed: &seed,
		Usage: api.Usage{PromptTokens: res.PromptTokens, CompletionTokens: res.GeneratedTokens,
			TotalTokens: res.PromptTokens + res.GeneratedTokens}}
	if shaper != nil {
		out.ToolCalls = shaper.toolCalls()
		if len(out.ToolCalls) > 0 && out.FinishReason == engine.FinishStop {
			out.FinishReason = "tool_calls"
		}
	}
	return out, nil
}
