package api

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"math"
	"net/http"
	"strconv"
	"strings"

	"github.com/gaianet-go/gaianet/attest"
)

var validRoles = map[string]bool{"system": true, "user": true, "assistant": true, "tool": true, "developer": true}

// validateSampling checks the fields shared by chat and text completions.
func validateSampling(s *Sampling) error {
	if s.N != nil && *s.N != 1 {
		return badRequest("n", "n must be 1: this node generates one choice per request")
	}
	if t := s.Temperature; t != nil && (*t < 0 || *t > 2 || math.IsNaN(*t)) {
		return badRequest("temperature", "temperature must be between 0 and 2, got %g", *t)
	}
	if p := s.TopP; p != nil && (*p <= 0 || *p > 1) {
		return badRequest("top_p", "top_p must be in (0, 1], got %g", *p)
	}
	if p := s.MinP; p != nil && (*p < 0 || *p > 1) {
		return badRequest("min_p", "min_p must be in [0, 1], got %g", *p)
	}
	if k := s.TopK; k != nil && *k < 0 {
		return badRequest("top_k", "top_k must not be negative, got %d", *k)
	}
	for name, p := range map[string]*float64{"presence_penalty": s.PresencePenalty, "frequency_penalty": s.FrequencyPenalty} {
		if p != nil && (*p < -2 || *p > 2) {
			return badRequest(name, "%s must be between -2 and 2, got %g", name, *p)
		}
	}
	for name, n := range map[string]*int{"max_tokens": s.MaxTokens, "max_completion_tokens": s.MaxCompletionTokens} {
		if n != nil && *n < 1 {
			return badRequest(name, "%s must be at least 1, got %d", name, *n)
		}
	}
	if len(s.Stop) > 4 {
		return badRequest("stop", "at most 4 stop sequences are allowed, got %d", len(s.Stop))
	}
	for tok, bias := range s.LogitBias {
		if _, err := strconv.ParseInt(tok, 10, 32); err != nil {
			return badRequest("logit_bias", "logit_bias keys must be token IDs, got %q", tok)
		}
		if bias < -100 || bias > 100 {
			return badRequest("logit_bias", "logit_bias values must be between -100 and 100, got %g", bias)
		}
	}
	return nil
}

// MaxNewTokens returns the completion limit the request asks for, or 0 when
// it sets none.
func (s *Sampling) MaxNewTokens() int {
	if s.MaxCompletionTokens != nil {
		return *s.MaxCompletionTokens
	}
	if s.MaxTokens != nil {
		return *s.MaxTokens
	}
	return 0
}

func validateChat(req *ChatRequest) error {
	if len(req.Messages) == 0 {
		return badRequest("messages", "messages must contain at least one message")
	}
	for i, m := range req.Messages {
		if !validRoles[m.Role] {
			return badRequest("messages", "messages[%d].role %q is not one of system, user, assistant, tool", i, m.Role)
		}
	}
	if req.TopLogprobs != nil {
		if *req.TopLogprobs < 0 || *req.TopLogprobs > 20 {
			return badRequest("top_logprobs", "top_logprobs must be between 0 and 20, got %d", *req.TopLogprobs)
		}
		if !req.Logprobs && *req.TopLogprobs > 0 {
			return badRequest("top_logprobs", "top_logprobs requires logprobs to be true")
		}
	}
	if req.Limit != nil && *req.Limit < 0 {
		return badRequest("limit", "limit must not be negative")
	}
	return validateSampling(&req.Sampling)
}

func newID(prefix string) string {
	var b [12]byte
	rand.Read(b[:])
	return prefix + hex.EncodeToString(b[:])
}

// chatChoice is a choice in a non-streamed chat completion.
type chatChoice struct {
	Index        int            `json:"index"`
	Message      chatMessageOut `json:"message"`
	Logprobs     *logprobsOut   `json:"logprobs"`
	FinishReason string         `json:"finish_reason"`
}

type chatMessageOut struct {
	Role             string     `json:"role"`
	Content          *string    `json:"content"`
	ReasoningContent string     `json:"reasoning_content,omitempty"`
	ToolCalls        []ToolCall `json:"tool_calls,omitempty"`
}

type logprobsOut struct {
	Content []TokenLogprob `json:"content"`
}

// head opens every completion object and chunk: id, object, created and
// model, as OpenAI orders them.
type head struct {
	ID      string `json:"id"`
	Object  string `json:"object"`
	Created int64  `json:"created"`
	Model   string `json:"model"`
}

type chatCompletion struct {
	head
	Choices  []chatChoice `json:"choices"`
	Usage    Usage        `json:"usage"`
	Sources  []Source     `json:"sources,omitempty"`
	ToolRuns []ToolRun    `json:"tool_runs,omitempty"`
}

type chunkDelta struct {
	Role             string     `json:"role,omitempty"`
	Content          *string    `json:"content,omitempty"`
	ReasoningContent *string    `json:"reasoning_content,omitempty"`
	ToolCalls        []ToolCall `json:"tool_calls,omitempty"`
}

type chunkChoice struct {
	Index        int          `json:"index"`
	Delta        chunkDelta   `json:"delta"`
	Logprobs     *logprobsOut `json:"logprobs"`
	FinishReason *string      `json:"finish_reason"`
}

type chatChunk struct {
	head
	Choices  []chunkChoice `json:"choices"`
	Usage    *Usage        `json:"usage,omitempty"`
	Sources  []Source      `json:"sources,omitempty"`
	ToolRuns []ToolRun     `json:"tool_runs,omitempty"`
	ToolRun  *ToolRun      `json:"tool_run,omitempty"`
}

// ChatCompletions answers POST /v1/chat/completions with Backends.Chat,
// streamed as server-sent events when the request asks.
func (s *Server) ChatCompletions(w http.ResponseWriter, r *http.Request) error {
	if s.b.Chat == nil {
		return Errorf(http.StatusNotFound, "invalid_request_error", "no_chat_model", "this node serves no chat model")
	}
	var req ChatRequest
	signer := s.signAnswers(w, r)
	if err := decode(r, &req); err != nil {
		return err
	}
	if err := validateChat(&req); err != nil {
		return err
	}
	model, err := s.resolveModel(req.Model)
	if err != nil {
		return err
	}
	req.Model = model
	req.PromptSet = r.Header.Get(PromptSetHeader)
	h := head{ID: newID("chatcmpl-"), Object: "chat.completion.chunk", Created: s.now().Unix(), Model: req.Model}
	if req.Stream {
		signer.streaming(w)
		sse := newSSE(w)
		first := true
		var output strings.Builder
		res, err := s.b.Chat.Chat(r.Context(), &req, func(d ChatDelta) error {
			if d.ToolRun != nil {
				return sse.send(chatChunk{head: h, Choices: []chunkChoice{}, ToolRun: d.ToolRun})
			}
			output.WriteString(attest.Text(d.Content))
			c := chunkChoice{Delta: chunkDelta{ToolCalls: d.ToolCalls}}
			if d.Content != "" || d.ReasoningContent == "" && len(d.ToolCalls) == 0 {
				c.Delta.Content = &d.Content
			}
			if d.ReasoningContent != "" {
				c.Delta.ReasoningContent = &d.ReasoningContent
			}
			if first {
				c.Delta.Role, first = "assistant", false
			}
			if req.Logprobs && len(d.Logprobs) > 0 {
				c.Logprobs = &logprobsOut{Content: d.Logprobs}
			}
			return sse.send(chatChunk{head: h, Choices: []chunkChoice{c}})
		})
		if err != nil {
			return sse.fail(err)
		}
		if res.Model != "" {
			h.Model = res.Model
		}
		last := chunkChoice{FinishReason: &res.FinishReason}
		if first {
			last.Delta.Role = "assistant"
		}
		if err := sse.send(chatChunk{head: h,
			Choices: []chunkChoice{last}, Sources: res.Sources, ToolRuns: res.ToolRuns}); err != nil {
			return nil
		}
		if req.StreamOptions != nil && req.StreamOptions.IncludeUsage {
			usage := res.Usage
			sse.send(chatChunk{head: h, Choices: []chunkChoice{}, Usage: &usage})
		}
		signer.sign(w.Header(), output.String(), res)
		sse.done()
		return nil
	}

	var text, reasoning strings.Builder
	var lps []TokenLogprob
	res, err := s.b.Chat.Chat(r.Context(), &req, func(d ChatDelta) error {
		text.WriteString(d.Content)
		reasoning.WriteString(d.ReasoningContent)
		lps = append(lps, d.Logprobs...)
		return nil
	})
	if err != nil {
		return err
	}
	content := text.String()
	msg := chatMessageOut{Role: "assistant", Content: &content, ReasoningContent: reasoning.String(), ToolCalls: res.ToolCalls}
	if len(res.ToolCalls) > 0 && content == "" {
		msg.Content = nil
	}
	choice := chatChoice{Message: msg, FinishReason: res.FinishReason}
	if req.Logprobs {
		if lps == nil {
			lps = []TokenLogprob{}
		}
		choice.Logprobs = &logprobsOut{Content: lps}
	}
	if res.Model != "" {
		h.Model = res.Model
	}
	h.Object = "chat.completion"
	signer.sign(w.Header(), attest.Text(content), res)
	writeJSON(w, http.StatusOK, chatCompletion{head: h,
		Choices: []chatChoice{choice}, Usage: res.Usage, Sources: res.Sources, ToolRuns: res.ToolRuns})
	return nil
}

type completionChoice struct {
	Index        int     `json:"index"`
	Text         string  `json:"text"`
	Logprobs     any     `json:"logprobs"`
	FinishReason *string `json:"finish_reason"`
}

type completion struct {
	head
	Choices []completionChoice `json:"choices"`
	Usage   *Usage             `json:"usage,omitempty"`
}

// Completions answers POST /v1/completions with Backends.Completion.
func (s *Server) Completions(w http.ResponseWriter, r *http.Request) error {
	if s.b.Completion == nil {
		return Errorf(http.StatusNotFound, "invalid_request_error", "no_completion_model", "this node serves no completion model")
	}
	var req CompletionRequest
	signer := s.signAnswers(w, r)
	if err := decode(r, &req); err != nil {
		return err
	}
	if len(req.Prompt) != 1 {
		return badRequest("prompt", "prompt must be one string (got %d)", len(req.Prompt))
	}
	if req.Logprobs != nil {
		if *req.Logprobs < 0 || *req.Logprobs > 20 {
			return badRequest("logprobs", "logprobs must be between 0 and 20, got %d", *req.Logprobs)
		}
		if req.Echo {
			return badRequest("echo", "echo with logprobs (log-probabilities of the prompt) is not supported")
		}
	}
	if err := validateSampling(&req.Sampling); err != nil {
		return err
	}
	model, err := s.resolveModel(req.Model)
	if err != nil {
		return err
	}
	req.Model = model
	h := head{ID: newID("cmpl-"), Object: "text_completion", Created: s.now().Unix(), Model: req.Model}
	if req.Stream {
		signer.streaming(w)
		sse := newSSE(w)
		offset := 0
		var output strings.Builder
		res, err := s.b.Completion.Complete(r.Context(), &req, func(d ChatDelta) error {
			output.WriteString(attest.Text(d.Content))
			c := completionChoice{Text: d.Content}
			if req.Logprobs != nil && len(d.Logprobs) > 0 {
				c.Logprobs = legacyLogprobs(d.Logprobs, &offset)
			}
			return sse.send(completion{head: h,
				Choices: []completionChoice{c}})
		})
		if err != nil {
			return sse.fail(err)
		}
		if err := sse.send(completion{head: h,
			Choices: []completionChoice{{FinishReason: &res.FinishReason}}}); err != nil {
			return nil
		}
		if req.StreamOptions != nil && req.StreamOptions.IncludeUsage {
			usage := res.Usage
			sse.send(completion{head: h, Choices: []completionChoice{}, Usage: &usage})
		}
		signer.sign(w.Header(), output.String(), res)
		sse.done()
		return nil
	}
	var text strings.Builder
	if req.Echo {
		text.WriteString(req.Prompt[0])
	}
	var lps []TokenLogprob
	res, err := s.b.Completion.Complete(r.Context(), &req, func(d ChatDelta) error {
		text.WriteString(d.Content)
		lps = append(lps, d.Logprobs...)
		return nil
	})
	if err != nil {
		return err
	}
	usage := res.Usage
	choice := completionChoice{Text: text.String(), FinishReason: &res.FinishReason}
	if req.Logprobs != nil {
		offset := 0
		choice.Logprobs = legacyLogprobs(lps, &offset)
	}
	signer.sign(w.Header(), attest.Text(text.String()), res)
	writeJSON(w, http.StatusOK, completion{head: h,
		Choices: []completionChoice{choice}, Usage: &usage})
	return nil
}

// completionLogprobs is the "logprobs" of a legacy completion choice:
// parallel lists of the generated tokens, their log-probabilities, the
// most likely alternatives at each position (token → log-probability) and
// each token's byte offset in the text.
type completionLogprobs struct {
	Tokens        []string             `json:"tokens"`
	TokenLogprobs []float64            `json:"token_logprobs"`
	TopLogprobs   []map[string]float64 `json:"top_logprobs"`
	TextOffset    []int                `json:"text_offset"`
}

// legacyLogprobs converts lps; offset is the text offset of the first
// token and is advanced past the last.
func legacyLogprobs(lps []TokenLogprob, offset *int) *completionLogprobs {
	out := &completionLogprobs{Tokens: []string{}, TokenLogprobs: []float64{}, TopLogprobs: []map[string]float64{}, TextOffset: []int{}}
	for _, lp := range lps {
		out.Tokens = append(out.Tokens, lp.Token)
		out.TokenLogprobs = append(out.TokenLogprobs, lp.Logprob)
		top := make(map[string]float64, len(lp.TopLogprobs))
		for _, t := range lp.TopLogprobs {
			if _, dup := top[t.Token]; !dup {
				top[t.Token] = t.Logprob
			}
		}
		out.TopLogprobs = append(out.TopLogprobs, top)
		out.TextOffset = append(out.TextOffset, *offset)
		*offset += len(lp.Token)
	}
	return out
}

type embeddingData struct {
	Object    string `json:"object"`
	Index     int    `json:"index"`
	Embedding any    `json:"embedding"`
}

// Embeddings answers POST /v1/embeddings with Backends.Embedding.
func (s *Server) Embeddings(w http.ResponseWriter, r *http.Request) error {
	if s.b.Embedding == nil {
		return Errorf(http.StatusNotFound, "invalid_request_error", "no_embedding_model", "this node serves no embedding model")
	}
	var req EmbeddingRequest
	if err := decode(r, &req); err != nil {
		return err
	}
	if len(req.Input) == 0 {
		return badRequest("input", "input must be a string or a non-empty array of strings")
	}
	if len(req.Input) > s.opt.MaxEmbeddingInputs {
		return badRequest("input", "input has %d items, more than the limit of %d per request; send them in several requests",
			len(req.Input), s.opt.MaxEmbeddingInputs)
	}
	for i, in := range req.Input {
		if in == "" {
			return badRequest("input", "input[%d] is empty", i)
		}
	}
	if f := req.EncodingFormat; f != "" && f != "float" && f != "base64" {
		return badRequest("encoding_format", "encoding_format must be float or base64, got %q", f)
	}
	model, err := s.resolveModel(req.Model)
	if err != nil {
		return err
	}
	req.Model = model
	vecs, tokens, err := s.b.Embedding.Embed(r.Context(), req.Model, req.Input)
	if err != nil {
		return err
	}
	data := make([]embeddingData, len(vecs))
	for i, v := range vecs {
		if req.Dimensions != nil && *req.Dimensions > 0 && *req.Dimensions < len(v) {
			v = renormalize(v[:*req.Dimensions])
		}
		var emb any = v
		if req.EncodingFormat == "base64" {
			b := make([]byte, 4*len(v))
			for j, x := range v {
				binary.LittleEndian.PutUint32(b[4*j:], math.Float32bits(x))
			}
			emb = base64.StdEncoding.EncodeToString(b)
		}
		data[i] = embeddingData{Object: "embedding", Index: i, Embedding: emb}
	}
	writeJSON(w, http.StatusOK, map[string]any{"object": "list", "data": data, "model": req.Model,
		"usage": map[string]int{"prompt_tokens": tokens, "total_tokens": tokens}})
	return nil
}

// renormalize scales v to unit length (for truncated Matryoshka embeddings).
func renormalize(v []float32) []float32 {
	var ss float64
	for _, x := range v {
		ss += float64(x) * float64(x)
	}
	out := make([]float32, len(v))
	if ss == 0 {
		return out
	}
	inv := 1 / math.Sqrt(ss)
	for i, x := range v {
		out[i] = float32(float64(x) * inv)
	}
	return out
}

// sse writes server-sent events.
type sse struct {
	w       http.ResponseWriter
	rc      *http.ResponseController
	started bool
}

func newSSE(w http.ResponseWriter) *sse { return &sse{w: w, rc: http.NewResponseController(w)} }

func (s *sse) start() {
	if s.started {
		return
	}
	s.started = true
	h := s.w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Accel-Buffering", "no")
	s.w.WriteHeader(http.StatusOK)
}

func (s *sse) send(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	s.start()
	if _, err := s.w.Write(append(append([]byte("data: "), b...), '\n', '\n')); err != nil {
		return err
	}
	return s.rc.Flush()
}

func (s *sse) done() {
	s.w.Write([]byte("data: [DONE]\n\n"))
	s.rc.Flush()
}

// fail reports err: as a normal JSON error if nothing was streamed yet,
// otherwise as an error event that ends the stream.
func (s *sse) fail(err error) error {
	if !s.started {
		return err
	}
	e := asAPIError(err)
	body := errorBody{Error: errorFields{Message: e.Message, Type: e.Type}}
	if e.Code != "" {
		body.Error.Code = &e.Code
	}
	s.send(body)
	return err
}
