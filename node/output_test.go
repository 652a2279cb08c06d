package node

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/gaianet-go/gaianet/api"
	"github.com/gaianet-go/gaianet/config"
	"github.com/gaianet-go/gaianet/internal/sharedtest"
)

// openTestNode opens a node on the conformance chat model without
// knowledge base.
func openTestNode(t *testing.T, mutate func(*config.Config)) *Node {
	t.Helper()
	n, err := Open(context.Background(), testConfig(t, false, mutate), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { n.Close() })
	return n
}

// compileValidator compiles schema with the independent validator; ok is
// false for schemas it cannot load (remote references and the like).
func compileValidator(schema []byte) (*jsonschema.Schema, bool) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema))
	if err != nil {
		return nil, false
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("schema.json", doc); err != nil {
		return nil, false
	}
	s, err := c.Compile("schema.json")
	return s, err == nil
}

// TestSchemaOutputsValidate generates, with a random-weight model at
// temperature 1, replies under corpus schemas with many seeds; every
// complete reply must validate with santhosh-tekuri/jsonschema.
func TestSchemaOutputsValidate(t *testing.T) {
	corpus := sharedtest.Path(t, "jsonschema", "maskbench")
	files, err := filepath.Glob(filepath.Join(corpus, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no schemas in %s: %v", corpus, err)
	}
	slices.Sort(files)
	step := 83 // about 40 schemas of every origin, the same ones each run
	seeds := 3
	if testing.Short() {
		step, seeds = 400, 2
	}
	n := openTestNode(t, func(c *config.Config) { c.ChatCtxSize = 1024 })
	var runs, complete, refused int
	for i := 0; i < len(files); i += step {
		raw, err := os.ReadFile(files[i])
		if err != nil {
			t.Fatal(err)
		}
		var file struct {
			Schema json.RawMessage `json:"schema"`
		}
		if err := json.Unmarshal(raw, &file); err != nil {
			t.Fatal(err)
		}
		v, ok := compileValidator(file.Schema)
		if !ok {
			continue
		}
		for seed := range int64(seeds) {
			temp := 1.0
			maxTok := 160
			req := &api.ChatRequest{Messages: []api.Message{{Role: "user", Content: "Answer in JSON."}},
				Sampling:       api.Sampling{Temperature: &temp, Seed: &seed, MaxTokens: &maxTok},
				ResponseFormat: &api.ResponseFormat{Type: "json_schema", JSONSchema: &api.JSONSchema{Name: "s", Schema: file.Schema}}}
			var out strings.Builder
			res, err := n.Chat(context.Background(), req, func(d api.ChatDelta) error {
				out.WriteString(d.Content)
				return nil
			})
			var ae *api.Error
			if errors.As(err, &ae) && ae.Code == "unsupported_schema_keyword" {
				refused++
				break
			}
			if err != nil {
				t.Errorf("%s seed %d: %v", filepath.Base(files[i]), seed, err)
				break
			}
			runs++
			if res.FinishReason != "stop" {
				continue // cut off by max_tokens: incomplete JSON
			}
			complete++
			inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out.String()))
			if err != nil {
				t.Errorf("%s seed %d: reply is not JSON: %v\n%s", filepath.Base(files[i]), seed, err, out.String())
				continue
			}
			if err := v.Validate(inst); err != nil {
				t.Errorf("%s seed %d: reply does not validate: %v\n%s", filepath.Base(files[i]), seed, err, out.String())
			}
		}
	}
	t.Logf("%d generations, %d complete and validated, %d schemas refused by the compiler", runs, complete, refused)
	if complete < runs/4 || complete == 0 {
		t.Errorf("only %d of %d generations completed", complete, runs)
	}
}

// TestToolCallsForced asks for calls with tool_choice required and named;
// the calls must name an offered tool and carry arguments that validate
// against its parameters.
func TestToolCallsForced(t *testing.T) {
	n := openTestNode(t, func(c *config.Config) { c.PromptTemplate = "chatml" })
	params := json.RawMessage(`{"type":"object","properties":{"city":{"type":"string","maxLength":12},"days":{"type":"integer","minimum":1,"maximum":7}},"required":["city","days"],"additionalProperties":false}`)
	v, ok := compileValidator(params)
	if !ok {
		t.Fatal("validator refused the parameters schema")
	}
	tools := []api.Tool{
		{Type: "function", Function: json.RawMessage(`{"name":"get_weather","description":"Weather forecast","parameters":` + string(params) + `}`)},
		{Type: "function", Function: json.RawMessage(`{"name":"get_time","parameters":{"type":"object","properties":{"tz":{"enum":["UTC","CET"]}},"required":["tz"]}}`)},
	}
	for _, choice := range []string{`"required"`, `{"type":"function","function":{"name":"get_weather"}}`} {
		for seed := range int64(4) {
			temp, maxTok := 1.0, 200
			req := &api.ChatRequest{Messages: []api.Message{{Role: "user", Content: "Weather in Paris?"}},
				Sampling: api.Sampling{Temperature: &temp, Seed: &seed, MaxTokens: &maxTok},
				Tools:    tools, ToolChoice: json.RawMessage(choice)}
			var content strings.Builder
			var streamed []api.ToolCall
			res, err := n.Chat(context.Background(), req, func(d api.ChatDelta) error {
				content.WriteString(d.Content)
				for _, tc := range d.ToolCalls {
					if tc.Index == nil {
						return fmt.Errorf("tool call delta without index")
					}
					for len(streamed) <= *tc.Index {
						streamed = append(streamed, api.ToolCall{})
					}
					s := &streamed[*tc.Index]
					s.ID += tc.ID
					s.Function.Name += tc.Function.Name
					s.Function.Arguments += tc.Function.Arguments
				}
				return nil
			})
			if err != nil {
				t.Fatalf("%s seed %d: %v", choice, seed, err)
			}
			if res.FinishReason == "length" {
				continue
			}
			if res.FinishReason != "tool_calls" || len(res.ToolCalls) != 1 {
				t.Fatalf("%s seed %d: finish %q, calls %+v, content %q", choice, seed, res.FinishReason, res.ToolCalls, content.String())
			}
			c := res.ToolCalls[0]
			if c.ID == "" || c.Type != "function" || len(streamed) != 1 || streamed[0].ID != c.ID ||
				streamed[0].Function.Name != c.Function.Name || streamed[0].Function.Arguments != c.Function.Arguments {
				t.Errorf("%s seed %d: call %+v, streamed %+v", choice, seed, c, streamed)
			}
			if strings.HasPrefix(choice, "{") && c.Function.Name != "get_weather" {
				t.Errorf("named choice called %q", c.Function.Name)
			}
			if c.Function.Name == "get_weather" {
				inst, err := jsonschema.UnmarshalJSON(strings.NewReader(c.Function.Arguments))
				if err != nil {
					t.Errorf("arguments %q: %v", c.Function.Arguments, err)
				} else if err := v.Validate(inst); err != nil {
					t.Errorf("arguments %s: %v", c.Function.Arguments, err)
				}
			}
		}
	}
}

func TestOutputFieldErrors(t *testing.T) {
	n := openTestNode(t, nil)
	srv := n.Handler()
	for _, tc := range []struct{ body, param, want string }{
		{`"response_format":{"type":"json_schema","json_schema":{"name":"x","schema":{"type":"object","if":{"type":"object"}}}}`, "response_format", `"if"`},
		{`"response_format":{"type":"xml"}`, "response_format", "json_schema"},
		{`"grammar":"root ::= [a"`, "grammar", "grammar"},
		{`"tool_choice":"sometimes","tools":[{"type":"function","function":{"name":"f"}}]`, "tool_choice", "tool_choice"},
		{`"tool_choice":"required"`, "tool_choice", "needs tools"},
		{`"tools":[{"type":"function","function":{"name":"bad name"}}]`, "tools", "bad name"},
		{`"tools":[{"type":"function","function":{"name":"f"}}],"tool_choice":{"type":"function","function":{"name":"g"}}`, "tool_choice", `"g"`},
	} {
		body := `{"messages":[{"role":"user","content":"hi"}],"max_tokens":4,` + tc.body + `}`
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/v1/chat/completions", strings.NewReader(body)))
		var e struct {
			Error struct {
				Message string `json:"message"`
				Param   string `json:"param"`
			} `json:"error"`
		}
		json.Unmarshal(rec.Body.Bytes(), &e)
		if rec.Code != http.StatusBadRequest || !strings.Contains(e.Error.Message, tc.want) || e.Error.Param != tc.param {
			t.Errorf("%s: %d %s; want 400 with param %s mentioning %s", tc.body, rec.Code, rec.Body, tc.param, tc.want)
		}
	}
}

func TestBenchJSONSchema(t *testing.T) {
	model := filepath.Join(sharedtest.Path(t, "conformance", "models"), "llama-spm-q8_0.gguf")
	r, err := BenchJSONSchema(context.Background(), model, []byte(`{"type":"object","properties":{"a":{"type":"string"}},"required":["a"]}`), 2, 8, 2, 1)
	if err != nil {
		t.Fatal(err)
	}
	if r.Free.Tokens != 16 || r.Constrained.Tokens != 16 || r.Free.TokensPerSec <= 0 || r.Constrained.TokensPerSec <= 0 {
		t.Errorf("bench %+v", r)
	}
	if _, err := BenchJSONSchema(context.Background(), model, []byte(`{"type":"object","if":{}}`), 2, 8, 1, 1); err == nil {
		t.Error("an unsupported schema must fail the bench")
	}
}
