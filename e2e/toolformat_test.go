package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/shared"

	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/internal/sharedtest"
)

// harmonyTemplate is a minimal chat template in gpt-oss's Harmony framing
// (written for these tests; no real gpt-oss template is in ../shared).
const harmonyTemplate = `{%- for m in messages %}<|start|>{{ m.role }}<|message|>{{ m.content }}<|end|>{% endfor %}` +
	`{%- if add_generation_prompt %}<|start|>assistant{% endif %}`

// modelWithTemplate writes a copy of the conformance chat model whose
// tokenizer.chat_template is template, and returns its path.
func modelWithTemplate(t *testing.T, name, template string) string {
	t.Helper()
	f, err := gguf.Open(sharedtest.Model(t, "llama-spm-q8_0.gguf"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	md := gguf.NewMetadata(f.Metadata.KVs()...)
	md.Set("tokenizer.chat_template", template)
	var tensors []gguf.WriteTensor
	for i := range f.Tensors {
		ti := &f.Tensors[i]
		tensors = append(tensors, gguf.WriteTensor{Name: ti.Name, Dims: ti.Dims, Type: ti.Type, Data: f.TensorData(ti)})
	}
	path := filepath.Join(t.TempDir(), name+".gguf")
	if err := gguf.WriteFile(path, md, tensors); err != nil {
		t.Fatal(err)
	}
	return path
}

// formatNode starts a node whose chat template speaks a tool format:
// "llama-3-tool" (LlamaEdge's name, Llama 3 JSON calls) with the real
// Llama 3.1 template, or "gpt-oss" with harmonyTemplate.
func formatNode(t *testing.T, promptTemplate string) *nodeProc {
	t.Helper()
	mainNode(t)
	tmpl := harmonyTemplate
	if promptTemplate == "llama-3-tool" {
		b, err := os.ReadFile(sharedtest.Path(t, "conformance", "templates", "llama3_1.jinja"))
		if err != nil {
			t.Fatal(err)
		}
		tmpl = string(b)
	}
	model := modelWithTemplate(t, promptTemplate, tmpl)
	return startExtraNode(t, "format-"+promptTemplate+"-"+t.Name(), map[string]any{"chat": model, "prompt_template": promptTemplate})
}

// answerFormat is the response_format of the tools-with-format tests.
func answerFormat() openai.ChatCompletionNewParamsResponseFormatUnion {
	schema := map[string]any{
		"type":                 "object",
		"properties":           map[string]any{"answer": map[string]any{"type": "string", "maxLength": 12}},
		"required":             []string{"answer"},
		"additionalProperties": false,
	}
	return openai.ChatCompletionNewParamsResponseFormatUnion{OfJSONSchema: &shared.ResponseFormatJSONSchemaParam{
		JSONSchema: shared.ResponseFormatJSONSchemaJSONSchemaParam{Name: "answer", Schema: schema, Strict: openai.Bool(true)}}}
}

// checkAnswer checks that text fits answerFormat's schema.
func checkAnswer(t *testing.T, text string) {
	t.Helper()
	var v struct {
		Answer *string `json:"answer"`
	}
	dec := json.NewDecoder(stringsReader(text))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil || v.Answer == nil || utf8.RuneCountInString(*v.Answer) > 12 {
		t.Fatalf("answer %q does not fit the schema (%v)", text, err)
	}
}

// TestSDKToolsWithResponseFormat sends tools together with a
// response_format, with the official client, to nodes whose templates
// speak three tool formats (Hermes tags for llama-2-chat's fallback,
// Llama 3 JSON, gpt-oss Harmony): with tool_choice auto every finished
// reply is a call with valid arguments or an answer that fits the schema;
// with required (as OpenAI does) the request is accepted and the reply is
// a call, streamed or not.
func TestSDKToolsWithResponseFormat(t *testing.T) {
	nodes := map[string]*nodeProc{"llama-2-chat": mainNode(t)}
	for _, tmpl := range []string{"llama-3-tool", "gpt-oss"} {
		nodes[tmpl] = formatNode(t, tmpl)
	}
	ctx := testContext(t)
	for tmpl, n := range nodes {
		c := newClient(n.URL, "unused")
		params := openai.ChatCompletionNewParams{
			Model:          chatModel,
			Messages:       []openai.ChatCompletionMessageParamUnion{openai.UserMessage("What is the weather in Paris?")},
			Tools:          []openai.ChatCompletionToolUnionParam{weatherTool()},
			ResponseFormat: answerFormat(),
			MaxTokens:      openai.Int(60),
			Temperature:    openai.Float(1),
		}
		finished := 0
		for seed := range int64(6) {
			params.Seed = openai.Int(seed)
			resp, err := c.Chat.Completions.New(ctx, params)
			if err != nil {
				t.Fatalf("%s auto: %v", tmpl, err)
			}
			ch := resp.Choices[0]
			switch {
			case ch.FinishReason == "length":
				continue
			case len(ch.Message.ToolCalls) > 0:
				call := ch.Message.ToolCalls[0]
				checkWeatherCall(t, call.ID, call.Function.Name, call.Function.Arguments)
			default:
				checkAnswer(t, ch.Message.Content)
			}
			finished++
		}
		t.Logf("%s auto: %d of 6 replies finished", tmpl, finished)
		if finished == 0 && tmpl != "gpt-oss" { // the random model never writes a Harmony header itself
			t.Errorf("%s auto: no reply finished", tmpl)
		}

		params.ToolChoice = openai.ChatCompletionToolChoiceOptionUnionParam{OfAuto: openai.String("required")}
		params.MaxTokens = openai.Int(120)
		params.Seed = openai.Int(3)
		resp, err := c.Chat.Completions.New(ctx, params)
		if err != nil {
			t.Fatalf("%s required: %v", tmpl, err)
		}
		if ch := resp.Choices[0]; ch.FinishReason != "tool_calls" || len(ch.Message.ToolCalls) != 1 {
			t.Fatalf("%s required: finish %q, calls %+v, content %q", tmpl, ch.FinishReason, ch.Message.ToolCalls, ch.Message.Content)
		} else {
			checkWeatherCall(t, ch.Message.ToolCalls[0].ID, ch.Message.ToolCalls[0].Function.Name, ch.Message.ToolCalls[0].Function.Arguments)
		}
		stream := c.Chat.Completions.NewStreaming(ctx, params)
		var acc openai.ChatCompletionAccumulator
		for stream.Next() {
			acc.AddChunk(stream.Current())
		}
		if err := stream.Err(); err != nil {
			t.Fatalf("%s required, streamed: %v", tmpl, err)
		}
		if len(acc.Choices) != 1 || acc.Choices[0].FinishReason != "tool_calls" || len(acc.Choices[0].Message.ToolCalls) != 1 {
			t.Fatalf("%s required, streamed: %+v", tmpl, acc.Choices)
		}
		sc := acc.Choices[0].Message.ToolCalls[0]
		checkWeatherCall(t, sc.ID, sc.Function.Name, sc.Function.Arguments)
	}
}

// TestSDKHarmonyRequiredSeveralTools: a gpt-oss node, tool_choice
// required with two tools: the call names one of them, with valid
// arguments.
func TestSDKHarmonyRequiredSeveralTools(t *testing.T) {
	n := formatNode(t, "gpt-oss")
	c := newClient(n.URL, "unused")
	ctx := testContext(t)
	timeTool := openai.ChatCompletionFunctionTool(shared.FunctionDefinitionParam{
		Name: "get_time",
		Parameters: shared.FunctionParameters{
			"type": "object", "properties": map[string]any{"tz": map[string]any{"enum": []string{"UTC", "CET"}}},
			"required": []string{"tz"}, "additionalProperties": false,
		},
	})
	for seed := range int64(4) {
		resp, err := c.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
			Model:       chatModel,
			Messages:    []openai.ChatCompletionMessageParamUnion{openai.UserMessage("Weather or time?")},
			Tools:       []openai.ChatCompletionToolUnionParam{weatherTool(), timeTool},
			ToolChoice:  openai.ChatCompletionToolChoiceOptionUnionParam{OfAuto: openai.String("required")},
			MaxTokens:   openai.Int(120),
			Temperature: openai.Float(1),
			Seed:        openai.Int(seed),
		})
		if err != nil {
			t.Fatal(err)
		}
		ch := resp.Choices[0]
		if ch.FinishReason != "tool_calls" || len(ch.Message.ToolCalls) != 1 {
			t.Fatalf("seed %d: finish %q, calls %+v, content %q", seed, ch.FinishReason, ch.Message.ToolCalls, ch.Message.Content)
		}
		call := ch.Message.ToolCalls[0]
		switch call.Function.Name {
		case "get_weather":
			checkWeatherCall(t, call.ID, call.Function.Name, call.Function.Arguments)
		case "get_time":
			var a map[string]string
			if err := json.Unmarshal([]byte(call.Function.Arguments), &a); err != nil || len(a) != 1 || a["tz"] != "UTC" && a["tz"] != "CET" {
				t.Errorf("seed %d: get_time arguments %q", seed, call.Function.Arguments)
			}
		default:
			t.Errorf("seed %d: called %q, not an offered tool", seed, call.Function.Name)
		}
	}
}
