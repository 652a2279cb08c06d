package e2e

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"
)

// newClient returns an OpenAI SDK client for the node at url, sending key
// as the bearer token. It never retries, so a failure shows at once.
func newClient(url, key string) openai.Client {
	return openai.NewClient(
		option.WithBaseURL(url+"/v1/"),
		option.WithAPIKey(key),
		option.WithMaxRetries(0),
		option.WithRequestTimeout(60*time.Second),
	)
}

func testContext(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(t.Context(), 90*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// checkUsage checks that a response's token counts add up and respect
// max_tokens: a "length" finish means exactly maxTokens were generated.
func checkUsage(t *testing.T, prompt, completion, total int64, finish string, maxTokens int64) {
	t.Helper()
	if prompt <= 0 || completion <= 0 {
		t.Errorf("usage: prompt_tokens %d, completion_tokens %d; want both > 0", prompt, completion)
	}
	if total != prompt+completion {
		t.Errorf("usage: total_tokens %d != prompt_tokens %d + completion_tokens %d", total, prompt, completion)
	}
	if completion > maxTokens {
		t.Errorf("usage: completion_tokens %d > max_tokens %d", completion, maxTokens)
	}
	switch finish {
	case "length":
		if completion != maxTokens {
			t.Errorf("finish_reason length with completion_tokens %d, want max_tokens %d", completion, maxTokens)
		}
	case "stop":
	default:
		t.Errorf("finish_reason %q, want stop or length", finish)
	}
}

func chatParams(question string, maxTokens int64) openai.ChatCompletionNewParams {
	return openai.ChatCompletionNewParams{
		Model: chatModel,
		Messages: []openai.ChatCompletionMessageParamUnion{
			openai.UserMessage(question),
		},
		MaxTokens:   openai.Int(maxTokens),
		Temperature: openai.Float(0),
	}
}

func TestSDKChat(t *testing.T) {
	n := mainNode(t)
	c := newClient(n.URL, "unused")
	const maxTokens = 16
	resp, err := c.Chat.Completions.New(testContext(t), chatParams("What is the capital of France?", maxTokens))
	if err != nil {
		t.Fatal(err)
	}
	if resp.ID == "" || resp.Object != "chat.completion" || resp.Created == 0 || resp.Model != chatModel {
		t.Errorf("id %q, object %q, created %d, model %q; want an id, chat.completion, a time, %q",
			resp.ID, resp.Object, resp.Created, resp.Model, chatModel)
	}
	if len(resp.Choices) != 1 {
		t.Fatalf("%d choices, want 1", len(resp.Choices))
	}
	ch := resp.Choices[0]
	if ch.Index != 0 || ch.Message.Role != "assistant" {
		t.Errorf("choice index %d, role %q; want 0, assistant", ch.Index, ch.Message.Role)
	}
	if strings.TrimSpace(ch.Message.Content) == "" {
		t.Errorf("the reply is empty (finish_reason %q, completion_tokens %d)", ch.FinishReason, resp.Usage.CompletionTokens)
	}
	checkUsage(t, resp.Usage.PromptTokens, resp.Usage.CompletionTokens, resp.Usage.TotalTokens, ch.FinishReason, maxTokens)

	// GaiaNet's extension: the knowledge-base chunks the answer drew on.
	src, ok := resp.JSON.ExtraFields["sources"]
	if !ok {
		t.Fatal("no \"sources\" in the response: retrieval from the knowledge base did not run")
	}
	var sources []struct {
		Text       string  `json:"text"`
		Document   string  `json:"document"`
		DocumentID string  `json:"document_id"`
		Score      float64 `json:"score"`
	}
	if err := json.Unmarshal([]byte(src.Raw()), &sources); err != nil {
		t.Fatalf("sources: %v in %s", err, src.Raw())
	}
	if len(sources) == 0 || len(sources) > 2 {
		t.Errorf("%d sources, want 1..2 (qdrant_limit 2)", len(sources))
	}
	for _, s := range sources {
		// A source names its document, never where the server keeps it.
		doc, ok := docs[s.Document]
		first, _, _ := strings.Cut(strings.TrimSpace(s.Text), "\n")
		if !ok || first == "" || !strings.Contains(doc, first) || s.Score < 0 || s.Score > 1 || !strings.HasPrefix(s.DocumentID, "doc_") {
			t.Errorf("source %+v is not a chunk of an ingested document with a score in [0, 1]", s)
		}
	}
}

func TestSDKChatStream(t *testing.T) {
	n := mainNode(t)
	c := newClient(n.URL, "unused")
	const maxTokens = 16
	p := chatParams("Tell me about Go.", maxTokens)
	p.StreamOptions = openai.ChatCompletionStreamOptionsParam{IncludeUsage: openai.Bool(true)}
	stream := c.Chat.Completions.NewStreaming(testContext(t), p)
	var (
		acc                       openai.ChatCompletionAccumulator
		text                      strings.Builder
		chunks, contentChunks     int
		finish, role, id          string
		usageChunks, afterFinish  int
		promptT, complT, totalT   int64
		finishSeen, usageSeenLast bool
	)
	for stream.Next() {
		ch := stream.Current()
		acc.AddChunk(ch)
		chunks++
		if ch.Object != "chat.completion.chunk" || ch.Model != chatModel {
			t.Errorf("chunk %d: object %q, model %q", chunks, ch.Object, ch.Model)
		}
		if id == "" {
			id = ch.ID
		} else if ch.ID != id {
			t.Errorf("chunk %d has id %q, the stream began with %q", chunks, ch.ID, id)
		}
		usageSeenLast = false
		if ch.JSON.Usage.Valid() && ch.Usage.TotalTokens > 0 {
			usageChunks++
			usageSeenLast = true
			promptT, complT, totalT = ch.Usage.PromptTokens, ch.Usage.CompletionTokens, ch.Usage.TotalTokens
			if len(ch.Choices) != 0 {
				t.Errorf("the usage chunk has %d choices, want none", len(ch.Choices))
			}
		}
		for _, c := range ch.Choices {
			if finishSeen {
				afterFinish++
			}
			if c.Delta.Role != "" {
				role = c.Delta.Role
			}
			if c.Delta.Content != "" {
				contentChunks++
				text.WriteString(c.Delta.Content)
			}
			if c.FinishReason != "" {
				finish = c.FinishReason
				finishSeen = true
			}
		}
	}
	if err := stream.Err(); err != nil {
		t.Fatal(err)
	}
	if role != "assistant" {
		t.Errorf("delta role %q, want assistant", role)
	}
	if text.Len() == 0 {
		t.Errorf("the streamed reply is empty (%d chunks, finish_reason %q, completion_tokens %d)", chunks, finish, complT)
	}
	if afterFinish > 0 {
		t.Errorf("%d choice deltas after finish_reason", afterFinish)
	}
	if usageChunks != 1 || !usageSeenLast {
		t.Errorf("%d usage chunks (last chunk has usage: %v), want exactly one, last (include_usage)", usageChunks, usageSeenLast)
	}
	checkUsage(t, promptT, complT, totalT, finish, maxTokens)
	if int64(contentChunks) > complT {
		t.Errorf("%d content deltas but completion_tokens %d: each delta holds at least one token", contentChunks, complT)
	}
	if len(acc.Choices) != 1 || acc.Choices[0].Message.Content != text.String() {
		t.Errorf("the SDK's accumulator disagrees with the deltas: %+v vs %q", acc.Choices, text.String())
	}

	// temperature 0 is greedy: the same request without streaming must give
	// the same text and counts.
	p.StreamOptions = openai.ChatCompletionStreamOptionsParam{}
	resp, err := c.Chat.Completions.New(testContext(t), p)
	if err != nil {
		t.Fatal(err)
	}
	if got := resp.Choices[0].Message.Content; got != text.String() {
		t.Errorf("greedy reply differs between streaming and not:\nstream: %q\nplain:  %q", text.String(), got)
	}
	if resp.Usage.PromptTokens != promptT || resp.Usage.CompletionTokens != complT {
		t.Errorf("usage differs: stream %d+%d, plain %d+%d", promptT, complT, resp.Usage.PromptTokens, resp.Usage.CompletionTokens)
	}
}

func TestSDKCompletion(t *testing.T) {
	n := mainNode(t)
	c := newClient(n.URL, "unused")
	const maxTokens = 8
	resp, err := c.Completions.New(testContext(t), openai.CompletionNewParams{
		Model:       chatModel,
		Prompt:      openai.CompletionNewParamsPromptUnion{OfString: openai.String("Once upon a time")},
		MaxTokens:   openai.Int(maxTokens),
		Temperature: openai.Float(0),
	})
	if err != nil {
		t.Fatal(err)
	}
	if resp.Object != "text_completion" || resp.Model != chatModel || len(resp.Choices) != 1 {
		t.Fatalf("object %q, model %q, %d choices; want text_completion, %q, 1", resp.Object, resp.Model, len(resp.Choices), chatModel)
	}
	if resp.Choices[0].Text == "" {
		t.Errorf("the completion is empty (finish_reason %q)", resp.Choices[0].FinishReason)
	}
	checkUsage(t, resp.Usage.PromptTokens, resp.Usage.CompletionTokens, resp.Usage.TotalTokens, string(resp.Choices[0].FinishReason), maxTokens)
}

func TestSDKEmbeddings(t *testing.T) {
	n := mainNode(t)
	c := newClient(n.URL, "unused")
	inputs := []string{"Paris is the capital of France.", "Go is a programming language.", "Paris is the capital of France."}
	embed := func(format openai.EmbeddingNewParamsEncodingFormat) *openai.CreateEmbeddingResponse {
		t.Helper()
		resp, err := c.Embeddings.New(testContext(t), openai.EmbeddingNewParams{
			Model:          embedModel,
			Input:          openai.EmbeddingNewParamsInputUnion{OfArrayOfStrings: inputs},
			EncodingFormat: format,
		})
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if resp.Model != embedModel || len(resp.Data) != len(inputs) {
			t.Fatalf("%s: model %q, %d embeddings; want %q, %d", format, resp.Model, len(resp.Data), embedModel, len(inputs))
		}
		if resp.Usage.PromptTokens < int64(len(inputs)) || resp.Usage.TotalTokens != resp.Usage.PromptTokens {
			t.Errorf("%s: usage %+v", format, resp.Usage)
		}
		for i, d := range resp.Data {
			if d.Index != int64(i) || len(d.Embedding) != embedDim {
				t.Fatalf("%s: data[%d] has index %d and %d dimensions, want %d, %d", format, i, d.Index, len(d.Embedding), i, embedDim)
			}
			var norm float64
			for _, x := range d.Embedding {
				if math.IsNaN(x) || math.IsInf(x, 0) {
					t.Fatalf("%s: data[%d] holds %v", format, i, x)
				}
				norm += x * x
			}
			if norm == 0 {
				t.Errorf("%s: data[%d] is the zero vector", format, i)
			}
		}
		return resp
	}
	f := embed(openai.EmbeddingNewParamsEncodingFormatFloat)
	b := embed(openai.EmbeddingNewParamsEncodingFormatBase64)
	if raw := b.Data[0].JSON.Embedding.Raw(); !strings.HasPrefix(raw, `"`) {
		t.Errorf("encoding_format base64: the node sent %.40s…, want a base64 string", raw)
	}
	for i := range inputs {
		for j, x := range f.Data[i].Embedding {
			// JSON floats of float32 values round-trip exactly through float32.
			if float32(x) != float32(b.Data[i].Embedding[j]) {
				t.Fatalf("data[%d][%d]: float %v, base64 %v", i, j, x, b.Data[i].Embedding[j])
			}
		}
	}
	// Batched arithmetic may differ in the last bits, nothing more.
	if cos := cosine(f.Data[0].Embedding, f.Data[2].Embedding); cos < 0.99999 {
		t.Errorf("the same text embedded twice in one batch: cosine %v, want ~1", cos)
	}
	if cos := cosine(f.Data[0].Embedding, f.Data[1].Embedding); cos > 0.9999 {
		t.Errorf("different texts: cosine %v, want clearly below 1", cos)
	}
}

func cosine(a, b []float64) float64 {
	var ab, aa, bb float64
	for i := range a {
		ab += a[i] * b[i]
		aa += a[i] * a[i]
		bb += b[i] * b[i]
	}
	return ab / math.Sqrt(aa*bb)
}

func TestSDKModels(t *testing.T) {
	n := mainNode(t)
	c := newClient(n.URL, "unused")
	page, err := c.Models.List(testContext(t))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, m := range page.Data {
		ids = append(ids, m.ID)
		if m.Object != "model" || m.OwnedBy == "" || m.Created == 0 {
			t.Errorf("model %+v lacks object/owned_by/created", m)
		}
	}
	slices.Sort(ids)
	if want := []string{embedModel, chatModel}; !slices.Equal(ids, want) {
		t.Errorf("models %v, want %v", ids, want)
	}
}

// apiError returns err as the SDK's API error, or fails t.
func apiError(t *testing.T, err error) *openai.Error {
	t.Helper()
	var e *openai.Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T), want an *openai.Error", err, err)
	}
	return e
}

func TestSDKErrors(t *testing.T) {
	n := mainNode(t)
	c := newClient(n.URL, "unused")
	ctx := testContext(t)
	tests := []struct {
		name     string
		call     func() error
		status   int
		typ      string
		code     string
		inMesage string
	}{
		{"unknown chat model", func() error {
			p := chatParams("hi", 4)
			p.Model = "no-such-model"
			_, err := c.Chat.Completions.New(ctx, p)
			return err
		}, http.StatusNotFound, "invalid_request_error", "model_not_found", "no-such-model"},
		{"unknown embedding model", func() error {
			_, err := c.Embeddings.New(ctx, openai.EmbeddingNewParams{Model: "no-such-embedder",
				Input: openai.EmbeddingNewParamsInputUnion{OfString: openai.String("x")}})
			return err
		}, http.StatusNotFound, "invalid_request_error", "model_not_found", "no-such-embedder"},
		{"no messages", func() error {
			_, err := c.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{Model: chatModel,
				Messages: []openai.ChatCompletionMessageParamUnion{}})
			return err
		}, http.StatusBadRequest, "invalid_request_error", "", "messages"},
		{"negative max_tokens", func() error {
			_, err := c.Chat.Completions.New(ctx, chatParams("hi", -5))
			return err
		}, http.StatusBadRequest, "invalid_request_error", "", ""},
		{"streamed unknown model", func() error {
			p := chatParams("hi", 4)
			p.Model = "no-such-model"
			s := c.Chat.Completions.NewStreaming(ctx, p)
			for s.Next() {
			}
			return s.Err()
		}, http.StatusNotFound, "invalid_request_error", "model_not_found", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			if err == nil {
				t.Fatal("no error")
			}
			e := apiError(t, err)
			if e.StatusCode != tc.status || e.Type != tc.typ || (tc.code != "" && e.Code != tc.code) {
				t.Errorf("status %d, type %q, code %q; want %d, %q, %q", e.StatusCode, e.Type, e.Code, tc.status, tc.typ, tc.code)
			}
			if e.Message == "" || !strings.Contains(e.Message, tc.inMesage) {
				t.Errorf("message %q, want one that mentions %q", e.Message, tc.inMesage)
			}
		})
	}
}

// TestSDKAPIKey starts a second node that requires an API key.
func TestSDKAPIKey(t *testing.T) {
	const key = "e2e-secret-key-0123456789"
	n := startExtraNode(t, "keyed", map[string]any{"api_keys": []string{key}})
	ctx := testContext(t)

	// No key at all: a plain request, since the SDK always sends one.
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, n.URL+"/v1/models", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var body struct {
		Error struct {
			Message, Type string
			Code          string
		}
	}
	derr := json.NewDecoder(resp.Body).Decode(&body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized || derr != nil || body.Error.Type != "authentication_error" || body.Error.Message == "" {
		t.Errorf("no key: status %d, error %+v (%v); want 401 authentication_error", resp.StatusCode, body.Error, derr)
	}
	// /health stays open for monitors.
	if code := getJSON(t, n.URL+"/health", nil); code != http.StatusOK {
		t.Errorf("/health without a key: %d, want 200", code)
	}

	bad := newClient(n.URL, "wrong-key")
	_, err = bad.Models.List(ctx)
	if e := apiError(t, err); e.StatusCode != http.StatusUnauthorized || e.Type != "authentication_error" {
		t.Errorf("wrong key: status %d, type %q; want 401 authentication_error", e.StatusCode, e.Type)
	}
	_, err = bad.Chat.Completions.New(ctx, chatParams("hi", 4))
	if e := apiError(t, err); e.StatusCode != http.StatusUnauthorized {
		t.Errorf("wrong key, chat: status %d, want 401", e.StatusCode)
	}

	good := newClient(n.URL, key)
	if _, err := good.Models.List(ctx); err != nil {
		t.Errorf("right key, models: %v", err)
	}
	cr, err := good.Chat.Completions.New(ctx, chatParams("hi", 4))
	if err != nil {
		t.Fatalf("right key, chat: %v", err)
	}
	if len(cr.Choices) != 1 || cr.Choices[0].Message.Content == "" {
		t.Errorf("right key, chat: %+v; want one choice with a reply", cr.Choices)
	}
}

// TestSDKConcurrentChats sends several streamed chats at once: more than
// the node has slots (parallel 2), so some wait in the queue. Every one must
// complete with consistent usage, and, being greedy, with the same text as
// the same request sent alone.
func TestSDKConcurrentChats(t *testing.T) {
	n := mainNode(t)
	c := newClient(n.URL, "unused")
	const maxTokens, clients = 24, 4
	p := chatParams("What is Go?", maxTokens)
	alone, err := c.Chat.Completions.New(testContext(t), p)
	if err != nil {
		t.Fatal(err)
	}
	p.StreamOptions = openai.ChatCompletionStreamOptionsParam{IncludeUsage: openai.Bool(true)}
	type result struct {
		text   string
		finish string
		usage  openai.CompletionUsage
		err    error
	}
	results := make(chan result, clients)
	ctx := testContext(t)
	for range clients {
		go func() {
			var r result
			s := c.Chat.Completions.NewStreaming(ctx, p)
			for s.Next() {
				ch := s.Current()
				for _, c := range ch.Choices {
					r.text += c.Delta.Content
					if c.FinishReason != "" {
						r.finish = c.FinishReason
					}
				}
				if ch.Usage.TotalTokens > 0 {
					r.usage = ch.Usage
				}
			}
			r.err = s.Err()
			results <- r
		}()
	}
	for i := range clients {
		r := <-results
		if r.err != nil {
			t.Errorf("client %d: %v", i, r.err)
			continue
		}
		checkUsage(t, r.usage.PromptTokens, r.usage.CompletionTokens, r.usage.TotalTokens, r.finish, maxTokens)
		if r.text != alone.Choices[0].Message.Content {
			t.Errorf("client %d: greedy reply under concurrency differs from the reply alone:\n%q\n%q", i, r.text, alone.Choices[0].Message.Content)
		}
	}
}
