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
	"github.com/gaianet-go/gaianet/engine"
	"github.com/gaianet-go/gaianet/internal/sharedtest"
	"github.com/gaianet-go/gaianet/toolcall"
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
	checkForcedCalls(t, n)
	// The newer Mistral form: the name, [ARGS], then the arguments.
	n.toolFmt = toolcall.Format{Family: toolcall.MistralArgs}
	checkForcedCalls(t, n)
	// Llama 4: the JSON form of its template, from the first token.
	n.toolFmt = toolcall.Format{Family: toolcall.Llama4}
	checkForcedCalls(t, n)
}

func checkForcedCalls(t *testing.T, n *Node) {
	t.Helper()
	params := json.RawMessage(`{"type":"object","properties":{"city":{"type":"string","maxLength":12},"days":{"type":"integer","minimum":1,"maximum":7}},"required":["city","days"],"additionalProperties":false}`)
	v, ok := compileValidator(params)
	if !ok {
		t.Fatal("validator refused the parameters schema")
	}
	tools := []api.Tool{
		{Type: "function", Function: json.RawMessage(`{"name":"get_weather","description":"Weather forecast","parameters":` + string(params) + `}`)},
		{Type: "function", Function: json.RawMessage(`{"name":"get_time","parameters":{"type":"object","properties":{"tz":{"enum":["UTC","CET"]}},"required":["tz"]}}`)},
	}
	complete := 0
	defer func() {
		if complete == 0 {
			t.Errorf("%s: no generation completed a call", n.toolFmt.Family)
		}
	}()
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
				t.Fatalf("%s %s seed %d: %v", n.toolFmt.Family, choice, seed, err)
			}
			if res.FinishReason == "length" {
				continue
			}
			complete++
			if res.FinishReason != "tool_calls" || len(res.ToolCalls) != 1 {
				t.Fatalf("%s %s seed %d: finish %q, calls %+v, content %q", n.toolFmt.Family, choice, seed, res.FinishReason, res.ToolCalls, content.String())
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
	r, err := BenchJSONSchema(context.Background(), model, []byte(`{"type":"object","properties":{"a":{"type":"string"}},"required":["a"]}`), 2, 8, 2, 1, true)
	if err != nil {
		t.Fatal(err)
	}
	if r.Free.Tokens != 16 || r.Constrained.Tokens != 16 || r.Free.TokensPerSec <= 0 || r.Constrained.TokensPerSec <= 0 {
		t.Errorf("bench %+v", r)
	}
	if r.ConstraintUs <= 0 || r.ConstraintShare <= 0 || r.ConstraintShare >= 1 {
		t.Errorf("constraint time %.1f µs per token, share %.4f", r.ConstraintUs, r.ConstraintShare)
	}
	if _, err := BenchJSONSchema(context.Background(), model, []byte(`{"type":"object","if":{}}`), 2, 8, 1, 1, true); err == nil {
		t.Error("an unsupported schema must fail the bench")
	}
}

// collectReply runs a chat and gathers its pieces.
type reply struct {
	content, reasoning strings.Builder
	logprobs           int
	res                *api.ChatResult
}

func chatReply(t *testing.T, n *Node, req *api.ChatRequest) *reply {
	t.Helper()
	r := &reply{}
	res, err := n.Chat(context.Background(), req, func(d api.ChatDelta) error {
		r.content.WriteString(d.Content)
		r.reasoning.WriteString(d.ReasoningContent)
		r.logprobs += len(d.Logprobs)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	r.res = res
	return r
}

// TestGrammarReasoningModes constrains a reply with a GBNF grammar to a
// thinking block and an answer; "separate" puts the block in reasoning,
// "inline" leaves it in the content.
func TestGrammarReasoningModes(t *testing.T) {
	const gbnf = `root ::= "<think>" [a-z ]{3,12} "</think>" "\n\n" answer
answer ::= "yes" | "no"`
	for _, mode := range []string{"separate", "inline"} {
		n := openTestNode(t, func(c *config.Config) { c.Ext.Reasoning = mode })
		temp, seed, maxTok := 1.0, int64(9), 60
		r := chatReply(t, n, &api.ChatRequest{Messages: []api.Message{{Role: "user", Content: "ok?"}},
			Sampling: api.Sampling{Temperature: &temp, Seed: &seed, MaxTokens: &maxTok}, Grammar: gbnf})
		content, reasoning := r.content.String(), r.reasoning.String()
		if r.res.FinishReason != "stop" {
			t.Fatalf("%s: finish %q: %q", mode, r.res.FinishReason, content)
		}
		switch mode {
		case "separate":
			if (content != "yes" && content != "no") || len(reasoning) < 3 || strings.ContainsAny(reasoning, "<>") {
				t.Errorf("separate: reasoning %q content %q", reasoning, content)
			}
		case "inline":
			if reasoning != "" || !strings.HasPrefix(content, "<think>") || !strings.Contains(content, "</think>\n\n") {
				t.Errorf("inline: reasoning %q content %q", reasoning, content)
			}
		}
	}
}

// TestConstraintWithLogprobsStopsAndParallel: constrained replies carry a
// log-probability per token (no fast-forward then), stop strings still
// stop them, and concurrent constrained requests on parallel slots each
// keep their own grammar.
func TestConstraintWithLogprobsStopsAndParallel(t *testing.T) {
	n := openTestNode(t, nil)
	schema := json.RawMessage(`{"type":"object","properties":{"name":{"type":"string","maxLength":8},"n":{"type":"integer"}},"required":["name","n"],"additionalProperties":false}`)
	temp, maxTok := 1.0, 80
	seed := int64(2)
	r := chatReply(t, n, &api.ChatRequest{Messages: []api.Message{{Role: "user", Content: "JSON please"}},
		Sampling: api.Sampling{Temperature: &temp, Seed: &seed, MaxTokens: &maxTok}, Logprobs: true,
		ResponseFormat: &api.ResponseFormat{Type: "json_schema", JSONSchema: &api.JSONSchema{Name: "x", Schema: schema}}})
	if r.logprobs != r.res.Usage.CompletionTokens-1 && r.logprobs != r.res.Usage.CompletionTokens {
		t.Errorf("%d log-probabilities for %d tokens", r.logprobs, r.res.Usage.CompletionTokens)
	}
	// A stop string inside the JSON ends the reply there.
	r = chatReply(t, n, &api.ChatRequest{Messages: []api.Message{{Role: "user", Content: "JSON please"}},
		Sampling:       api.Sampling{Temperature: &temp, Seed: &seed, MaxTokens: &maxTok, Stop: api.StringList{`"n"`}},
		ResponseFormat: &api.ResponseFormat{Type: "json_schema", JSONSchema: &api.JSONSchema{Name: "x", Schema: schema}}})
	if got := r.content.String(); r.res.FinishReason != "stop" || !strings.HasPrefix(got, `{"name":"`) || strings.Contains(got, `"n"`) {
		t.Errorf("with stop: %q, finish %q", got, r.res.FinishReason)
	}
	// Two schemas at once on two slots.
	schemas := []json.RawMessage{schema, json.RawMessage(`{"type":"array","items":{"enum":[1,2,3]},"minItems":2,"maxItems":4}`)}
	validators := make([]*jsonschema.Schema, 2)
	for i, s := range schemas {
		validators[i], _ = compileValidator(s)
	}
	errs := make(chan error, 8)
	for i := range 8 {
		go func() {
			seed := int64(i)
			temp, maxTok := 1.0, 100
			var out strings.Builder
			res, err := n.Chat(context.Background(), &api.ChatRequest{Messages: []api.Message{{Role: "user", Content: "JSON"}},
				Sampling:       api.Sampling{Temperature: &temp, Seed: &seed, MaxTokens: &maxTok},
				ResponseFormat: &api.ResponseFormat{Type: "json_schema", JSONSchema: &api.JSONSchema{Name: "x", Schema: schemas[i%2]}}},
				func(d api.ChatDelta) error { out.WriteString(d.Content); return nil })
			if err == nil && res.FinishReason == "stop" {
				inst, jerr := jsonschema.UnmarshalJSON(strings.NewReader(out.String()))
				if jerr == nil {
					jerr = validators[i%2].Validate(inst)
				}
				if jerr != nil {
					err = fmt.Errorf("request %d: %q: %v", i, out.String(), jerr)
				}
			}
			errs <- err
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

func TestCompletionResponseFormat(t *testing.T) {
	n := openTestNode(t, nil)
	temp, seed, maxTok := 1.0, int64(4), 60
	var out strings.Builder
	res, err := n.Complete(context.Background(), &api.CompletionRequest{Prompt: api.StringList{"A JSON object:"},
		Sampling:       api.Sampling{Temperature: &temp, Seed: &seed, MaxTokens: &maxTok},
		ResponseFormat: &api.ResponseFormat{Type: "json_object"}}, func(d api.ChatDelta) error { out.WriteString(d.Content); return nil })
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if res.FinishReason == "stop" && json.Unmarshal([]byte(out.String()), &v) != nil {
		t.Errorf("json_object completion %q is not an object", out.String())
	}
	if !strings.HasPrefix(out.String(), "{") {
		t.Errorf("json_object completion %q", out.String())
	}
}

// TestLazyToolConstraint feeds a reply token by token to the constraint of
// tool_choice auto: free until <tool_call>, then the call's grammar.
func TestLazyToolConstraint(t *testing.T) {
	n := openTestNode(t, func(c *config.Config) { c.PromptTemplate = "chatml" })
	no := false
	req := &api.ChatRequest{Messages: []api.Message{{Role: "user", Content: "hi"}}, ParallelToolCalls: &no,
		Tools: []api.Tool{{Type: "function", Function: json.RawMessage(`{"name":"f","parameters":{"type":"object","properties":{"x":{"type":"integer"}},"required":["x"]}}`)}}}
	_, c := planConstraint(t, n, req, "<|im_start|>assistant\n")
	mask := make([]uint64, (n.tok.VocabSize()+63)/64)
	// A <tool_call> inside the reply's own thinking block is not a call.
	const text = `<think>I could write <tool_call> here.</think>Let me call it. <tool_call>{"name":"f","arguments":{"x":12}}`
	var seen strings.Builder
	for _, tok := range n.tok.Encode(text, false, false) {
		active := c.Mask(mask)
		_, answer, _ := strings.Cut(seen.String(), "</think>")
		if want := strings.Contains(answer, "<tool_call>"); active != want {
			t.Fatalf("after %q: constrained %v, want %v", seen.String(), active, want)
		}
		if active && mask[tok/64]&(1<<(tok%64)) == 0 {
			t.Fatalf("after %q: token %q refused", seen.String(), n.tok.Piece(tok))
		}
		if err := c.Accept(tok); err != nil {
			t.Fatalf("after %q: %v", seen.String(), err)
		}
		seen.WriteString(n.tok.Piece(tok))
		if strings.HasSuffix(seen.String(), "<tool_call>") {
			// Free text is refused now: only the call's JSON may follow.
			c.Mask(mask)
			for _, bad := range n.tok.Encode("hello there", false, false) {
				if mask[bad/64]&(1<<(bad%64)) != 0 {
					t.Errorf("token %q allowed right after the trigger", n.tok.Piece(bad))
				}
			}
		}
	}
	if !c.Done() {
		t.Error("a complete call (parallel_tool_calls false) must end the reply")
	}
}

// TestMistralArgsToolConstraint feeds a reply in the newer Mistral form
// to the constraint of tool_choice auto with parallel calls: free until
// [TOOL_CALLS], then one of the tool names and [ARGS], then that tool's
// arguments, then free again.
func TestMistralArgsToolConstraint(t *testing.T) {
	n := openTestNode(t, func(c *config.Config) { c.PromptTemplate = "chatml" })
	n.toolFmt = toolcall.Format{Family: toolcall.MistralArgs}
	req := &api.ChatRequest{Messages: []api.Message{{Role: "user", Content: "hi"}}, Tools: []api.Tool{
		{Type: "function", Function: json.RawMessage(`{"name":"get_weather","parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"],"additionalProperties":false}}`)},
		{Type: "function", Function: json.RawMessage(`{"name":"get_time","parameters":{"type":"object","properties":{"tz":{"enum":["UTC","CET"]}},"required":["tz"],"additionalProperties":false}}`)}}}
	plan, c := planConstraint(t, n, req, "<|im_start|>assistant\n")
	mask := make([]uint64, (n.tok.VocabSize()+63)/64)
	allowed := func(tok int32) bool { return mask[tok/64]&(1<<(tok%64)) != 0 }
	const text = `Sure.[TOOL_CALLS]get_weather[ARGS]{"city":"Paris"} and [TOOL_CALLS]get_time[ARGS]{"tz":"CET"}`
	var seen strings.Builder
	for _, tok := range n.tok.Encode(text, false, false) {
		active := c.Mask(mask)
		s := seen.String()
		open := strings.Count(s, "[TOOL_CALLS]") > strings.Count(s, "}")
		if active != open {
			t.Fatalf("after %q: constrained %v, want %v", s, active, open)
		}
		if active && !allowed(tok) {
			t.Fatalf("after %q: token %q refused", s, n.tok.Piece(tok))
		}
		bad := map[string]string{"[TOOL_CALLS]": "hello", "[ARGS]": "[1]"} // not a name, not an object
		for suffix, bad := range bad {
			if !strings.HasSuffix(s, suffix) {
				continue
			}
			if b := n.tok.Encode(bad, false, false); allowed(b[0]) && !strings.HasPrefix(n.tok.Piece(tok), n.tok.Piece(b[0])) {
				t.Errorf("after %q: %q allowed", s, n.tok.Piece(b[0]))
			}
		}
		if err := c.Accept(tok); err != nil {
			t.Fatalf("after %q: %v", s, err)
		}
		seen.WriteString(n.tok.Piece(tok))
	}
	if c.Done() {
		t.Error("parallel calls: a complete call must not end the reply")
	}
	sh := newReplyShaper(plan, "separate")
	var d api.ChatDelta
	sh.write(&d, text, true)
	calls := sh.toolCalls()
	if d.Content != "Sure.and " || len(calls) != 2 || calls[0].Function.Name != "get_weather" || calls[1].Function.Arguments != `{"tz":"CET"}` {
		t.Errorf("shaped %+v, calls %+v", d, calls)
	}
}

// TestToolCallLead: after <tool_call> the model may write the newline
// Hermes and Qwen models are trained to write, once, or go straight to
// the JSON; a second newline or free text is refused.
func TestToolCallLead(t *testing.T) {
	n := openTestNode(t, func(c *config.Config) { c.PromptTemplate = "chatml" })
	req := &api.ChatRequest{Messages: []api.Message{{Role: "user", Content: "hi"}},
		Tools: []api.Tool{{Type: "function", Function: json.RawMessage(`{"name":"f","parameters":{"type":"object","properties":{"x":{"type":"integer"}},"required":["x"]}}`)}}}
	mask := make([]uint64, (n.tok.VocabSize()+63)/64)
	allowed := func(tok int32) bool { return mask[tok/64]&(1<<(tok%64)) != 0 }
	for _, tc := range []struct {
		text   string
		ok     bool
		refuse string // refused right after text
	}{
		{"<tool_call>", true, "hello"},
		{"<tool_call>\n", true, "\n"},
		{"<tool_call>\n", true, " "},
		{"<tool_call>\n{\"name\":\"f\",\"arguments\":{\"x\":1}}", true, ""},
		{"Sure. <tool_call>{\"name\":\"f\",\"arguments\":{\"x\":1}}", true, ""},
		{"<tool_call>\n\n{", false, ""},
	} {
		_, c := planConstraint(t, n, req, "<|im_start|>assistant\n")
		ok := true
		toks := n.tok.Encode(tc.text, false, false)
		for _, tok := range toks {
			if c.Mask(mask) && !allowed(tok) {
				ok = false
				break
			}
			if err := c.Accept(tok); err != nil {
				t.Fatalf("%q: %v", tc.text, err)
			}
		}
		if ok != tc.ok {
			t.Errorf("%q: accepted %v, want %v", tc.text, ok, tc.ok)
		}
		if strings.HasSuffix(tc.text, "<tool_call>") {
			c.Mask(mask)
			if nl := exactToken(t, n, "\n"); !allowed(nl) {
				t.Errorf("after %q: the newline is refused", tc.text)
			}
		}
		if tc.refuse != "" && ok {
			c.Mask(mask)
			bad := exactToken(t, n, tc.refuse)
			if allowed(bad) {
				t.Errorf("after %q: %q allowed", tc.text, n.tok.Piece(bad))
			}
		}
	}
}

// TestToolCallArgumentsFirst: Hermes 2 Pro writes a call's arguments
// before its name. Under tool_choice required (constrained from the first
// token, after the prefilled <tool_call>) the model's tokens for that order
// are each allowed, and the call completes; arguments that break the named
// tool's schema are refused at the offending token, in either order.
func TestToolCallArgumentsFirst(t *testing.T) {
	n := openTestNode(t, func(c *config.Config) { c.PromptTemplate = "chatml" })
	req := &api.ChatRequest{Messages: []api.Message{{Role: "user", Content: "hi"}}, ToolChoice: json.RawMessage(`"required"`),
		Tools: []api.Tool{
			{Type: "function", Function: json.RawMessage(`{"name":"get_weather","parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"],"additionalProperties":false}}`)},
			{Type: "function", Function: json.RawMessage(`{"name":"get_time","parameters":{"type":"object","properties":{"tz":{"enum":["UTC","CET"]}},"required":["tz"],"additionalProperties":false}}`)}}}
	mask := make([]uint64, (n.tok.VocabSize()+63)/64)
	for _, tc := range []struct {
		text string
		ok   bool
	}{
		{`{"arguments": {"city": "Paris"}, "name": "get_weather"}`, true},
		{`{"arguments":{"tz":"UTC"},"name":"get_time"}`, true},
		{`{"name": "get_time", "arguments": {"tz": "CET"}}`, true},
		{`{"arguments": {"tz": "CET"}, "name": "get_weather"}`, false},
		{`{"arguments": {"city": 3}, "name": "get_weather"}`, false},
		{`{"arguments": {"city": "Paris", "tz": "CET"}, "name": "get_weather"}`, false},
		{`{"name": "get_weather", "arguments": {"tz": "CET"}}`, false},
	} {
		plan, c := planConstraint(t, n, req, "<|im_start|>assistant\n")
		if !strings.HasSuffix(plan.prefix, "<tool_call>\n") {
			t.Fatalf("prefix %q", plan.prefix)
		}
		ok := true
		var seen strings.Builder
		for _, tok := range n.tok.AppendEncodeContinuation(nil, tc.text) { // after "<tool_call>\n"
			if !c.Mask(mask) {
				t.Fatalf("%s: unconstrained after %q", tc.text, seen.String())
			}
			if mask[tok/64]&(1<<(tok%64)) == 0 {
				ok = false
				if tc.ok {
					t.Errorf("%s: token %q refused after %q", tc.text, n.tok.Piece(tok), seen.String())
				}
				break
			}
			if err := c.Accept(tok); err != nil {
				t.Fatalf("%s: %v", tc.text, err)
			}
			seen.WriteString(n.tok.Piece(tok))
		}
		if ok && !c.Done() {
			c.Mask(mask)
			ok = slices.ContainsFunc(n.tok.EOGTokens(), func(e int32) bool { return mask[e/64]&(1<<(e%64)) != 0 })
		}
		if ok != tc.ok {
			t.Errorf("%s: accepted %v, want %v", tc.text, ok, tc.ok)
		}
		if tc.ok {
			sh := newReplyShaper(plan, "separate")
			var d api.ChatDelta
			sh.write(&d, tc.text, true)
			var want struct {
				Name      string          `json:"name"`
				Arguments json.RawMessage `json:"arguments"`
			}
			if err := json.Unmarshal([]byte(tc.text), &want); err != nil {
				t.Fatal(err)
			}
			if calls := sh.toolCalls(); len(calls) != 1 || calls[0].Function.Name != want.Name || calls[0].Function.Arguments != string(want.Arguments) {
				t.Errorf("%s: shaped calls %+v", tc.text, calls)
			}
		}
	}
}

// TestThinkGap: after the thinking block the prompt opened, a reply
// constrained by response_format (alone, or with tools) may write up to
// two bytes of whitespace before the answer, as reasoning models do, and
// no more.
func TestThinkGap(t *testing.T) {
	n := openTestNode(t, func(c *config.Config) { c.PromptTemplate = "chatml" })
	rf := &api.ResponseFormat{Type: "json_schema", JSONSchema: &api.JSONSchema{Name: "a",
		Schema: json.RawMessage(`{"type":"object","properties":{"answer":{"type":"string"}},"required":["answer"],"additionalProperties":false}`)}}
	tools := []api.Tool{{Type: "function", Function: json.RawMessage(`{"name":"f","parameters":{"type":"object"}}`)}}
	mask := make([]uint64, (n.tok.VocabSize()+63)/64)
	allowed := func(tok int32) bool { return mask[tok/64]&(1<<(tok%64)) != 0 }
	nl, sp := exactToken(t, n, "\n"), exactToken(t, n, " ")
	answer := n.tok.AppendEncodeContinuation(nil, `{"answer":"yes"}`)
	for _, tc := range []struct {
		name  string
		tools []api.Tool
		gap   []int32
		ok    bool
	}{
		{"none", nil, nil, true},
		{"newline", nil, []int32{nl}, true},
		{"two newlines", nil, []int32{nl, nl}, true},
		{"newline space", nil, []int32{nl, sp}, true},
		{"three newlines", nil, []int32{nl, nl, nl}, false},
		{"tools: two newlines", tools, []int32{nl, nl}, true},
		{"tools: three", tools, []int32{nl, sp, nl}, false},
	} {
		req := &api.ChatRequest{Messages: []api.Message{{Role: "user", Content: "hi"}}, ResponseFormat: rf, Tools: tc.tools}
		_, c := planConstraint(t, n, req, "<|im_start|>assistant\n<think>\n")
		toks := append(n.tok.Encode("Easy.</think>", false, false), tc.gap...)
		toks = append(toks, answer...)
		ok := true
		for i, tok := range toks {
			if c.Mask(mask) && !allowed(tok) {
				ok = false
				if i < len(toks)-len(answer)-len(tc.gap) {
					t.Fatalf("%s: thinking token %q refused", tc.name, n.tok.Piece(tok))
				}
				break
			}
			if err := c.Accept(tok); err != nil {
				t.Fatalf("%s: %v", tc.name, err)
			}
		}
		if ok {
			if !c.Mask(mask) || !slices.ContainsFunc(n.tok.EOGTokens(), allowed) || allowed(nl) {
				t.Errorf("%s: after the answer the reply must end", tc.name)
			}
		}
		if ok != tc.ok {
			t.Errorf("%s: accepted %v, want %v", tc.name, ok, tc.ok)
		}
	}
}

// TestToolsWithResponseFormat: with tools, tool_choice auto and a
// response_format, the reply is a call or the answer in the format,
// nothing else; families whose calls cannot be told apart from an answer
// are refused.
func TestToolsWithResponseFormat(t *testing.T) {
	n := openTestNode(t, func(c *config.Config) { c.PromptTemplate = "chatml" })
	answerSchema := `{"type":"object","properties":{"answer":{"type":"string","maxLength":20}},"required":["answer"],"additionalProperties":false}`
	req := func() *api.ChatRequest {
		return &api.ChatRequest{Messages: []api.Message{{Role: "user", Content: "hi"}},
			ResponseFormat: &api.ResponseFormat{Type: "json_schema", JSONSchema: &api.JSONSchema{Name: "a", Schema: json.RawMessage(answerSchema)}},
			Tools:          []api.Tool{{Type: "function", Function: json.RawMessage(`{"name":"f","parameters":{"type":"object","properties":{"x":{"type":"integer"}},"required":["x"],"additionalProperties":false}}`)}}}
	}
	mask := make([]uint64, (n.tok.VocabSize()+63)/64)
	for _, tc := range []struct {
		fam    toolcall.Family
		text   string
		ok     bool // every token allowed
		done   bool
		nCalls int
	}{
		{toolcall.Hermes, `{"answer":"hi"}`, true, true, 0},
		{toolcall.Hermes, "<tool_call>\n{\"name\":\"f\",\"arguments\":{\"x\":1}}", true, true, 1},
		{toolcall.Hermes, `hello`, false, false, 0},
		{toolcall.Hermes, `{"answer":"hi"}<tool_call>`, false, true, 0},
		{toolcall.Hermes, `<tool_call>{"answer":"hi"}`, false, false, 0},
		{toolcall.Hermes, `{"answer":"hi","x":1}`, false, false, 0},
		{toolcall.MistralArgs, `[TOOL_CALLS]f[ARGS]{"x":1}`, true, true, 1},
		{toolcall.MistralArgs, `{"answer":"ok"}`, true, true, 0},
		{toolcall.Mistral, `[TOOL_CALLS][{"name":"f","arguments":{"x":1}}]`, true, true, 1},
		{toolcall.Llama3, `{"answer":"hi"}`, true, true, 0},
		{toolcall.Llama3, `{"name":"f","parameters":{"x":1}}`, true, true, 1},
		{toolcall.Llama3, `{"name": "f", "parameters": {"x": 1}}`, true, true, 1},
		{toolcall.Llama3, `{ "name": "f", "parameters": {"x": 1}}`, false, false, 0},
		{toolcall.Llama3, `<|python_tag|>{"name":"f","parameters":{"x":1}}`, true, true, 1},
		{toolcall.Llama3, `{"name":"f","answer":"hi"}`, false, false, 0},
		{toolcall.Llama3, `{"answer":"hi","parameters":{}}`, false, false, 0},
		{toolcall.Llama3, `hello`, false, false, 0},
		{toolcall.Llama4, `{"answer":"hi"}`, true, true, 0},
		{toolcall.Llama4, `{"name": "f", "parameters": {"x": 1}}`, true, true, 1},
		{toolcall.Llama4, `{"name":"f","parameters":{"x":1}}`, true, true, 1},
		{toolcall.Llama4, `[f(x=1)]`, false, false, 0}, // the Python list is not held by a grammar
	} {
		n.toolFmt = toolcall.Format{Family: tc.fam}
		plan, c := planConstraint(t, n, req(), "<|im_start|>assistant\n")
		ok := true
		for _, tok := range charTokens(t, n, tc.text) {
			if !c.Mask(mask) || mask[tok/64]&(1<<(tok%64)) == 0 {
				ok = false
				break
			}
			if err := c.Accept(tok); err != nil {
				t.Fatalf("%s %q: %v", tc.fam, tc.text, err)
			}
		}
		if ok != tc.ok || ok && c.Done() != tc.done {
			t.Errorf("%s %q: accepted %v done %v, want %v %v", tc.fam, tc.text, ok, c.Done(), tc.ok, tc.done)
		}
		if ok {
			sh := newReplyShaper(plan, "separate")
			var d api.ChatDelta
			sh.write(&d, tc.text, true)
			if calls := sh.toolCalls(); len(calls) != tc.nCalls || tc.nCalls == 0 && d.Content != tc.text {
				t.Errorf("%s %q: content %q, calls %+v", tc.fam, tc.text, d.Content, calls)
			}
		}
	}
	// Real generations: each is a call with valid arguments or a valid answer.
	v, ok := compileValidator([]byte(answerSchema))
	if !ok {
		t.Fatal("validator refused the answer schema")
	}
	answers, calls := 0, 0
	for _, fam := range []toolcall.Family{toolcall.Hermes, toolcall.MistralArgs, toolcall.Llama3} {
		n.toolFmt = toolcall.Format{Family: fam}
		for seed := range int64(8) {
			temp, maxTok := 1.0, 60
			r := req()
			r.Sampling = api.Sampling{Temperature: &temp, Seed: &seed, MaxTokens: &maxTok}
			var content strings.Builder
			res, err := n.Chat(context.Background(), r, func(d api.ChatDelta) error { content.WriteString(d.Content); return nil })
			if err != nil {
				t.Fatalf("%s seed %d: %v", fam, seed, err)
			}
			if res.FinishReason == "length" {
				continue
			}
			if len(res.ToolCalls) > 0 {
				calls++
				if res.FinishReason != "tool_calls" || res.ToolCalls[0].Function.Name != "f" || !json.Valid([]byte(res.ToolCalls[0].Function.Arguments)) {
					t.Errorf("%s seed %d: %s %+v", fam, seed, res.FinishReason, res.ToolCalls)
				}
				continue
			}
			answers++
			inst, err := jsonschema.UnmarshalJSON(strings.NewReader(content.String()))
			if err != nil {
				t.Errorf("%s seed %d: answer %q: %v", fam, seed, content.String(), err)
			} else if err := v.Validate(inst); err != nil {
				t.Errorf("%s seed %d: answer %s: %v", fam, seed, content.String(), err)
			}
		}
	}
	t.Logf("%d answers, %d calls", answers, calls)
	if answers+calls == 0 {
		t.Error("no generation completed")
	}
}

// charTokens spells text one byte per token (the tokenizer would add a
// leading space to the first word).
func charTokens(t *testing.T, n *Node, text string) []int32 {
	t.Helper()
	byText := map[string]int32{}
	for id := range int32(n.tok.VocabSize()) {
		if b := n.tok.TokenBytes(id); len(b) == 1 {
			if _, dup := byText[string(b)]; !dup {
				byText[string(b)] = id
			}
		}
	}
	var toks []int32
	for i := range len(text) {
		id, ok := byText[text[i:i+1]]
		if !ok {
			t.Fatalf("no token is %q", text[i:i+1])
		}
		toks = append(toks, id)
	}
	return toks
}

// exactToken returns the token whose bytes are text.
func exactToken(t *testing.T, n *Node, text string) int32 {
	t.Helper()
	for id := range int32(n.tok.VocabSize()) {
		if string(n.tok.TokenBytes(id)) == text {
			return id
		}
	}
	t.Fatalf("no token is %q", text)
	return -1
}

// TestHarmonyToolConstraint feeds a gpt-oss reply to the constraint of
// tool_choice auto: free through the analysis channel and the header,
// then the addressed function's arguments grammar.
func TestHarmonyToolConstraint(t *testing.T) {
	n := openTestNode(t, nil)
	n.toolFmt = toolcall.Format{Family: toolcall.Harmony, Native: true}
	req := &api.ChatRequest{Messages: []api.Message{{Role: "user", Content: "hi"}},
		Tools: []api.Tool{{Type: "function", Function: json.RawMessage(`{"name":"f","parameters":{"type":"object","properties":{"x":{"type":"integer"}},"required":["x"],"additionalProperties":false}}`)}}}
	plan, c := planConstraint(t, n, req, "<|start|>assistant")
	mask := make([]uint64, (n.tok.VocabSize()+63)/64)
	const text = `<|channel|>analysis<|message|>Call f.<|end|><|start|>assistant<|channel|>commentary to=functions.f <|constrain|>json<|message|>{"x":12}`
	var seen strings.Builder
	for _, tok := range n.tok.Encode(text, false, false) {
		active := c.Mask(mask)
		if want := strings.Contains(seen.String(), "json<|message|>"); active != want {
			t.Fatalf("after %q: constrained %v, want %v", seen.String(), active, want)
		}
		if active && mask[tok/64]&(1<<(tok%64)) == 0 {
			t.Fatalf("after %q: token %q refused", seen.String(), n.tok.Piece(tok))
		}
		if err := c.Accept(tok); err != nil {
			t.Fatal(err)
		}
		seen.WriteString(n.tok.Piece(tok))
	}
	if !c.Done() {
		t.Error("a complete call must end the reply")
	}
	// The reply shaper reads the same text into reasoning and a call.
	s := newReplyShaper(plan, "separate")
	var d api.ChatDelta
	s.write(&d, text, true)
	calls := s.toolCalls()
	if d.ReasoningContent != "Call f." || d.Content != "" || len(calls) != 1 || calls[0].Function.Name != "f" || calls[0].Function.Arguments != `{"x":12}` {
		t.Errorf("shaped %+v, calls %+v", d, calls)
	}
}

// planConstraint plans the output of req on n, finishes the plan with the
// rendered prompt's tail, and returns it with the constraint generation
// would use (without fast-forward).
func planConstraint(t *testing.T, n *Node, req *api.ChatRequest, prompt string) (*outputPlan, engine.Constraint) {
	t.Helper()
	plan, err := n.planOutput(req)
	if err != nil {
		t.Fatal(err)
	}
	if err := plan.finish(prompt); err != nil {
		t.Fatal(err)
	}
	return plan, n.constraint(plan, false)
}

// TestLlama4PythonReply: with tool_choice auto a Llama 4 reply may be
// Meta's Python list of calls, which the grammar leaves free; the reply's
// calls are read from it, streamed call by call.
func TestLlama4PythonReply(t *testing.T) {
	n := openTestNode(t, func(c *config.Config) { c.PromptTemplate = "chatml" })
	n.toolFmt = toolcall.Format{Family: toolcall.Llama4}
	req := &api.ChatRequest{Messages: []api.Message{{Role: "user", Content: "hi"}},
		Tools: []api.Tool{{Type: "function", Function: json.RawMessage(`{"name":"get_weather","parameters":{"type":"object","properties":{"city":{"type":"string"}}}}`)}}}
	plan, _ := planConstraint(t, n, req, "<|im_start|>assistant\n")
	sh := newReplyShaper(plan, "separate")
	var streamed []api.ToolCall
	for _, piece := range []string{"<|python_start|>[get_weather(city='San ", "Francisco'), get_weather(", `city="Seattle")]<|python_end|>`} {
		var d api.ChatDelta
		sh.write(&d, piece, piece[len(piece)-1] == '>')
		if d.Content != "" {
			t.Errorf("content %q", d.Content)
		}
		streamed = append(streamed, d.ToolCalls...)
	}
	calls := sh.toolCalls()
	want := []string{`{"city": "San Francisco"}`, `{"city": "Seattle"}`}
	if len(calls) != 2 || len(streamed) != 2 {
		t.Fatalf("calls %+v, streamed %+v", calls, streamed)
	}
	for i, c := range calls {
		if c.Function.Name != "get_weather" || c.Function.Arguments != want[i] || streamed[i].ID != c.ID || *streamed[i].Index != i {
			t.Errorf("call %d: %+v, streamed %+v", i, c, streamed[i])
		}
	}
}
