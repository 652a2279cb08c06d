package e2e

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/shared"
)

// weatherTool is the tool the tool-calling tests offer; its parameters
// keep random-weight output short.
func weatherTool() openai.ChatCompletionToolUnionParam {
	return openai.ChatCompletionFunctionTool(shared.FunctionDefinitionParam{
		Name:        "get_weather",
		Description: openai.String("Weather forecast for a city"),
		Parameters: shared.FunctionParameters{
			"type": "object",
			"properties": map[string]any{
				"city": map[string]any{"type": "string", "maxLength": 10},
				"days": map[string]any{"type": "integer", "minimum": 1, "maximum": 7},
			},
			"required":             []string{"city", "days"},
			"additionalProperties": false,
		},
	})
}

// checkWeatherCall checks a call's shape and that its arguments fit the
// tool's parameters.
func checkWeatherCall(t *testing.T, id, name, args string) {
	t.Helper()
	if id == "" || name != "get_weather" {
		t.Fatalf("call id %q name %q; want an id and get_weather", id, name)
	}
	var a struct {
		City *string `json:"city"`
		Days *int    `json:"days"`
	}
	dec := json.NewDecoder(stringsReader(args))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&a); err != nil || a.City == nil || a.Days == nil || utf8.RuneCountInString(*a.City) > 10 || *a.Days < 1 || *a.Days > 7 {
		t.Fatalf("arguments %q do not fit the parameters (%v)", args, err)
	}
}

// TestSDKToolRoundTrip: a required call (not streamed), its result fed
// back, then a named call streamed and accumulated by the SDK, then
// tool_choice auto, which must answer (with text or a call).
func TestSDKToolRoundTrip(t *testing.T) {
	n := mainNode(t)
	c := newClient(n.URL, "unused")
	ctx := testContext(t)
	params := openai.ChatCompletionNewParams{
		Model:       chatModel,
		Messages:    []openai.ChatCompletionMessageParamUnion{openai.UserMessage("What is the weather in Paris?")},
		Tools:       []openai.ChatCompletionToolUnionParam{weatherTool()},
		ToolChoice:  openai.ChatCompletionToolChoiceOptionUnionParam{OfAuto: openai.String("required")},
		MaxTokens:   openai.Int(120),
		Temperature: openai.Float(0.7),
		Seed:        openai.Int(3),
	}
	resp, err := c.Chat.Completions.New(ctx, params)
	if err != nil {
		t.Fatal(err)
	}
	ch := resp.Choices[0]
	if ch.FinishReason != "tool_calls" || len(ch.Message.ToolCalls) != 1 {
		t.Fatalf("finish %q, %d calls, content %q; want one call", ch.FinishReason, len(ch.Message.ToolCalls), ch.Message.Content)
	}
	call := ch.Message.ToolCalls[0]
	checkWeatherCall(t, call.ID, call.Function.Name, call.Function.Arguments)

	// Feed the result back, and force a named call, streamed.
	params.Messages = append(params.Messages, ch.Message.ToParam(), openai.ToolMessage(`{"temp_c": 21}`, call.ID))
	params.ToolChoice = openai.ToolChoiceOptionFunctionToolChoice(openai.ChatCompletionNamedToolChoiceFunctionParam{Name: "get_weather"})
	stream := c.Chat.Completions.NewStreaming(ctx, params)
	var acc openai.ChatCompletionAccumulator
	for stream.Next() {
		acc.AddChunk(stream.Current())
	}
	if err := stream.Err(); err != nil {
		t.Fatal(err)
	}
	if len(acc.Choices) != 1 || acc.Choices[0].FinishReason != "tool_calls" || len(acc.Choices[0].Message.ToolCalls) != 1 {
		t.Fatalf("streamed reply %+v; want one call", acc.Choices)
	}
	sc := acc.Choices[0].Message.ToolCalls[0]
	checkWeatherCall(t, sc.ID, sc.Function.Name, sc.Function.Arguments)
	if sc.ID == call.ID {
		t.Errorf("two calls share the id %q", sc.ID)
	}

	// auto: the model may answer in text; the request must succeed.
	params.ToolChoice = openai.ChatCompletionToolChoiceOptionUnionParam{OfAuto: openai.String("auto")}
	params.MaxTokens = openai.Int(8)
	resp, err = c.Chat.Completions.New(ctx, params)
	if err != nil {
		t.Fatal(err)
	}
	if fr := resp.Choices[0].FinishReason; fr != "stop" && fr != "length" && fr != "tool_calls" {
		t.Errorf("auto: finish_reason %q", fr)
	}
}

// TestSDKResponseFormatJSONSchema asks for a schema, streamed and not;
// the reply must be JSON that fits it.
func TestSDKResponseFormatJSONSchema(t *testing.T) {
	n := mainNode(t)
	c := newClient(n.URL, "unused")
	ctx := testContext(t)
	schema := map[string]any{
		"type": "object",
		"properties": map[string]any{
			"answer": map[string]any{"type": "string", "maxLength": 12},
			"sure":   map[string]any{"type": "boolean"},
		},
		"required":             []string{"answer", "sure"},
		"additionalProperties": false,
	}
	params := openai.ChatCompletionNewParams{
		Model:    chatModel,
		Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage("Capital of France, as JSON?")},
		ResponseFormat: openai.ChatCompletionNewParamsResponseFormatUnion{OfJSONSchema: &shared.ResponseFormatJSONSchemaParam{
			JSONSchema: shared.ResponseFormatJSONSchemaJSONSchemaParam{Name: "answer", Schema: schema, Strict: openai.Bool(true)}}},
		MaxTokens:   openai.Int(60),
		Temperature: openai.Float(0.7),
		Seed:        openai.Int(5),
	}
	check := func(text, finish string) {
		t.Helper()
		if finish != "stop" {
			t.Fatalf("finish %q for %q; want stop", finish, text)
		}
		var v struct {
			Answer *string `json:"answer"`
			Sure   *bool   `json:"sure"`
		}
		dec := json.NewDecoder(stringsReader(text))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&v); err != nil || v.Answer == nil || v.Sure == nil || utf8.RuneCountInString(*v.Answer) > 12 {
			t.Fatalf("reply %q does not fit the schema (%v)", text, err)
		}
	}
	resp, err := c.Chat.Completions.New(ctx, params)
	if err != nil {
		t.Fatal(err)
	}
	check(resp.Choices[0].Message.Content, string(resp.Choices[0].FinishReason))
	stream := c.Chat.Completions.NewStreaming(ctx, params)
	var acc openai.ChatCompletionAccumulator
	for stream.Next() {
		acc.AddChunk(stream.Current())
	}
	if err := stream.Err(); err != nil {
		t.Fatal(err)
	}
	check(acc.Choices[0].Message.Content, string(acc.Choices[0].FinishReason))

	// A keyword the compiler does not enforce is a 400 that names it.
	schema["if"] = map[string]any{"type": "object"}
	_, err = c.Chat.Completions.New(ctx, params)
	if e := apiError(t, err); e.StatusCode != 400 || !contains(e.Message, `"if"`) {
		t.Errorf("unsupported keyword: %d %q", e.StatusCode, e.Message)
	}
}

func stringsReader(s string) *strings.Reader { return strings.NewReader(s) }

func contains(s, sub string) bool { return strings.Contains(s, sub) }
