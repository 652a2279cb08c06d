package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
)

// StringList is a JSON value that may be a string or an array of strings
// (OpenAI's "stop" and "input" fields).
type StringList []string

// UnmarshalJSON accepts "a", ["a","b"] or null.
func (s *StringList) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case bytes.Equal(b, []byte("null")):
		*s = nil
		return nil
	case len(b) > 0 && b[0] == '"':
		var one string
		if err := json.Unmarshal(b, &one); err != nil {
			return err
		}
		*s = StringList{one}
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return typeError(b, reflect.TypeFor[StringList]())
	}
	*s = many
	return nil
}

// Content is a message's content: a string, or an array of parts of which
// the text parts are joined. It marshals as a string.
type Content string

// UnmarshalJSON accepts a string, null, or an array of {"type":"text","text":...} parts.
func (c *Content) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if bytes.Equal(b, []byte("null")) {
		*c = ""
		return nil
	}
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*c = Content(s)
		return nil
	}
	var parts []struct {
		Type string `json:"type"`
		Text string `json:"text"`
	}
	if err := json.Unmarshal(b, &parts); err != nil {
		return typeError(b, reflect.TypeFor[Content]())
	}
	var buf bytes.Buffer
	for _, p := range parts {
		if p.Type != "text" {
			return fmt.Errorf("content part type %q is not supported (only text parts)", p.Type)
		}
		if buf.Len() > 0 {
			buf.WriteByte('\n')
		}
		buf.WriteString(p.Text)
	}
	*c = Content(buf.String())
	return nil
}

// Message is one chat message.
type Message struct {
	Role       string     `json:"role"`
	Content    Content    `json:"content"`
	Name       string     `json:"name,omitempty"`
	ToolCalls  []ToolCall `json:"tool_calls,omitempty"`
	ToolCallID string     `json:"tool_call_id,omitempty"`
	// ReasoningContent is an earlier assistant turn's reasoning, as
	// replies carry it (templates that keep reasoning read it).
	ReasoningContent string `json:"reasoning_content,omitempty"`
}

// ToolCall is a function call the model made.
type ToolCall struct {
	Index    *int         `json:"index,omitempty"` // set in stream deltas only
	ID       string       `json:"id,omitempty"`    // set on the first stream delta of a call
	Type     string       `json:"type,omitempty"`  // "function"
	Function FunctionCall `json:"function"`
}

// FunctionCall names a function and carries its JSON-encoded arguments.
type FunctionCall struct {
	Name      string `json:"name,omitempty"` // in stream deltas, only the first piece names it
	Arguments string `json:"arguments"`
}

// Tool is a tool the model may call.
type Tool struct {
	Type     string          `json:"type"`
	Function json.RawMessage `json:"function"`
}

// StreamOptions are the options of a streamed response.
type StreamOptions struct {
	IncludeUsage bool `json:"include_usage"`
}

// ResponseFormat asks for JSON output, optionally with a schema: type
// "text", "json_object" or "json_schema" (then JSONSchema is set).
type ResponseFormat struct {
	Type       string      `json:"type"`
	JSONSchema *JSONSchema `json:"json_schema,omitempty"`
}

// JSONSchema is response_format.json_schema: a named schema the reply must
// match.
type JSONSchema struct {
	Name        string          `json:"name"`
	Description string          `json:"description,omitempty"`
	Schema      json.RawMessage `json:"schema,omitempty"`
	Strict      *bool           `json:"strict,omitempty"`
}

// Sampling holds the sampling fields shared by chat and text completions.
// Pointers distinguish "absent" from zero.
type Sampling struct {
	Temperature         *float64           `json:"temperature"`
	TopP                *float64           `json:"top_p"`
	TopK                *int               `json:"top_k"`          // extension (llama.cpp)
	MinP                *float64           `json:"min_p"`          // extension (llama.cpp)
	RepeatPenalty       *float64           `json:"repeat_penalty"` // extension (llama.cpp)
	PresencePenalty     *float64           `json:"presence_penalty"`
	FrequencyPenalty    *float64           `json:"frequency_penalty"`
	LogitBias           map[string]float64 `json:"logit_bias"`
	Seed                *int64             `json:"seed"`
	Stop                StringList         `json:"stop"`
	MaxTokens           *int               `json:"max_tokens"`
	MaxCompletionTokens *int               `json:"max_completion_tokens"`
	N                   *int               `json:"n"`
	User                string             `json:"user"`
	// LoRA chooses the node's LoRA adapters for this request, as
	// llama-server's "lora" field: adapters not listed run at scale 0;
	// absent (nil) keeps the node's current scales (/lora-adapters). A
	// node answering through a chat upstream passes it on.
	LoRA []LoRAScale `json:"lora"`
}

// LoRAScale is an adapter of the node (its id in GET /lora-adapters) and
// the scale to apply it with.
type LoRAScale struct {
	ID    int     `json:"id"`
	Scale float64 `json:"scale"`
}

// ChatRequest is the body of POST /v1/chat/completions. Unknown fields are
// ignored, as OpenAI-compatible servers do.
type ChatRequest struct {
	Model    string    `json:"model"`
	Messages []Message `json:"messages"`
	Sampling
	Stream        bool            `json:"stream"`
	StreamOptions *StreamOptions  `json:"stream_options"`
	Logprobs      bool            `json:"logprobs"`
	TopLogprobs   *int            `json:"top_logprobs"`
	Tools         []Tool          `json:"tools"`
	ToolChoice    json.RawMessage `json:"tool_choice"`
	// ParallelToolCalls (default true) lets one reply hold several calls.
	ParallelToolCalls *bool           `json:"parallel_tool_calls"`
	ResponseFormat    *ResponseFormat `json:"response_format"`
	// Grammar constrains the reply to a GBNF grammar, as llama-server's
	// "grammar" field does.
	Grammar string `json:"grammar"`

	// PromptSet names a prompt set of the node (gaianet_go.prompt_sets),
	// from the X-Prompt-Set header.
	PromptSet string `json:"-"`

	// Retrieval overrides, as LlamaEdge's RAG server accepts them.
	CollectionName StringList `json:"vdb_collection_name"`
	Limit          *int       `json:"limit"`
	ScoreThreshold *float64   `json:"score_threshold"`
}

// CompletionRequest is the body of POST /v1/completions.
type CompletionRequest struct {
	Model  string     `json:"model"`
	Prompt StringList `json:"prompt"`
	Sampling
	Stream        bool           `json:"stream"`
	StreamOptions *StreamOptions `json:"stream_options"`
	Logprobs      *int           `json:"logprobs"`
	Echo          bool           `json:"echo"`
	// ResponseFormat and Grammar constrain the text as in ChatRequest.
	ResponseFormat *ResponseFormat `json:"response_format"`
	Grammar        string          `json:"grammar"`
}

// EmbeddingRequest is the body of POST /v1/embeddings.
type EmbeddingRequest struct {
	Model          string     `json:"model"`
	Input          StringList `json:"input"`
	EncodingFormat string     `json:"encoding_format"`
	Dimensions     *int       `json:"dimensions"`
	User           string     `json:"user"`
}

// Usage counts tokens.
type Usage struct {
	PromptTokens     int `json:"prompt_tokens"`
	CompletionTokens int `json:"completion_tokens"`
	TotalTokens      int `json:"total_tokens"`
}

// TokenLogprob is a token with its log-probability and, optionally, the most
// likely alternatives at its position.
type TokenLogprob struct {
	Token       string         `json:"token"`
	Logprob     float64        `json:"logprob"`
	Bytes       []int          `json:"bytes"`
	TopLogprobs []TokenLogprob `json:"top_logprobs,omitempty"`
}

// Source is a knowledge-base chunk used to answer, reported with the reply.
// It names its document (a file name or a URL) and the document's id, never
// where the server stores it.
type Source struct {
	Text       string  `json:"text"`
	Document   string  `json:"document,omitempty"`
	DocumentID string  `json:"document_id,omitempty"`
	Score      float64 `json:"score"`
}

// ToolRun is a tool the node ran itself while answering (an agent step),
// reported with the reply the way sources are.
type ToolRun struct {
	// Step is the model call (1, 2, ...) whose tool call this ran.
	Step int `json:"step"`
	// ID is the model's tool call id.
	ID        string `json:"id,omitempty"`
	Name      string `json:"name"`
	Arguments string `json:"arguments"`
	// Status is "running" (streamed progress only), "ok" or "error".
	Status     string `json:"status"`
	DurationMs int64  `json:"duration_ms"`
	// Error is the failure shown to the model as the tool's result.
	Error string `json:"error,omitempty"`
}

// PromptSetHeader is the request header that chooses a prompt set.
const PromptSetHeader = "X-Prompt-Set"

// Model describes a model in GET /v1/models.
type Model struct {
	ID      string `json:"id"`
	Object  string `json:"object"`
	Created int64  `json:"created"`
	OwnedBy string `json:"owned_by"`
}
