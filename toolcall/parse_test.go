package toolcall

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/grammar"
)

type parsed struct {
	content string
	calls   []Call
	// streamed is the calls rebuilt from the deltas, as a client does.
	streamed []Call
}

func run(f Format, inCall bool, pieces []string) parsed {
	p := NewParser(f, inCall)
	var out parsed
	var b strings.Builder
	add := func(c string, ds []Delta) {
		b.WriteString(c)
		for _, d := range ds {
			for len(out.streamed) <= d.Index {
				out.streamed = append(out.streamed, Call{})
			}
			s := &out.streamed[d.Index]
			if d.ID != "" {
				s.ID = d.ID
			}
			s.Name += d.Name
			s.Arguments += d.Arguments
		}
	}
	for _, s := range pieces {
		add(p.Write(s))
	}
	add(p.Close())
	out.content = b.String()
	out.calls = p.Calls()
	return out
}

// splits returns the text whole, byte by byte, and in 3-byte pieces.
func splits(s string) [][]string {
	var bytes1, threes []string
	for i := range len(s) {
		bytes1 = append(bytes1, s[i:i+1])
	}
	for i := 0; i < len(s); i += 3 {
		threes = append(threes, s[i:min(i+3, len(s))])
	}
	return [][]string{{s}, bytes1, threes}
}

func TestParser(t *testing.T) {
	type call struct{ name, args string }
	tests := []struct {
		name    string
		f       Format
		inCall  bool
		text    string
		content string
		calls   []call
	}{
		{"hermes one", Format{Family: Hermes}, false,
			"<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}\n</tool_call>", "",
			[]call{{"get_weather", `{"city": "Paris"}`}}},
		{"hermes text then two", Format{Family: Hermes}, false,
			"Let me check.\n<tool_call>{\"name\":\"a\",\"arguments\":{\"x\":[1,{\"y\":\"}\"}]}}</tool_call>\n<tool_call>\n{\"name\":\"b\",\"arguments\":{}}\n</tool_call>",
			"Let me check.\n", []call{{"a", `{"x":[1,{"y":"}"}]}`}, {"b", `{}`}}},
		{"hermes prefilled", Format{Family: Hermes}, true, `{"name": "f", "arguments": {"q": "a \"quoted\" word"}}`, "",
			[]call{{"f", `{"q": "a \"quoted\" word"}`}}},
		{"hermes plain text", Format{Family: Hermes}, false, "No tools needed: 1 < 2 and <tool is fine.", "No tools needed: 1 < 2 and <tool is fine.", nil},
		{"hermes malformed", Format{Family: Hermes}, false, "<tool_call>oops", "<tool_call>oops", nil},
		{"groq id key", Format{Family: Groq}, false, "<tool_call>\n{\"id\": 0, \"name\": \"f\", \"arguments\": {\"a\": 1}}\n</tool_call>", "",
			[]call{{"f", `{"a": 1}`}}},
		{"llama3 json", Format{Family: Llama3}, false, ` {"name": "f", "parameters": {"a": "b"}}`, "", []call{{"f", `{"a": "b"}`}}},
		{"llama3 python tag", Format{Family: Llama3}, false, `<|python_tag|>{"name": "f", "parameters": {}}`, "", []call{{"f", `{}`}}},
		{"llama3 json later is text", Format{Family: Llama3}, false, `Use {"name": "f"} like this`, `Use {"name": "f"} like this`, nil},
		{"llama3 prefilled", Format{Family: Llama3}, true, `{"name":"f","parameters":{"n":-1.5e3}}`, "", []call{{"f", `{"n":-1.5e3}`}}},
		{"mistral two", Format{Family: Mistral}, false,
			`[TOOL_CALLS][{"name": "a", "arguments": {"x": 1}}, {"name": "b", "arguments": {"y": "z"}}]`, "",
			[]call{{"a", `{"x": 1}`}, {"b", `{"y": "z"}`}}},
		{"mistral prefilled", Format{Family: Mistral}, true, `[{"name":"a","arguments":{}}]`, "", []call{{"a", `{}`}}},
		{"mistral args two", Format{Family: MistralArgs}, false,
			"Checking.[TOOL_CALLS]get_weather[ARGS]{\"city\": \"Paris\", \"n\": {\"a\": \"}\"}}[TOOL_CALLS]get_time[ARGS]{}", "Checking.",
			[]call{{"get_weather", `{"city": "Paris", "n": {"a": "}"}}`}, {"get_time", `{}`}}},
		{"mistral args prefilled", Format{Family: MistralArgs}, true, `f.v-2[ARGS]{"arguments": 1, "name": "x"}`, "",
			[]call{{"f.v-2", `{"arguments": 1, "name": "x"}`}}},
		{"mistral args bad name", Format{Family: MistralArgs}, false, "[TOOL_CALLS]no such[ARGS]{}", "[TOOL_CALLS]no such[ARGS]{}", nil},
		{"mistral args empty name", Format{Family: MistralArgs}, false, "[TOOL_CALLS][ARGS]{}", "[TOOL_CALLS][ARGS]{}", nil},
		{"mistral args cut in name", Format{Family: MistralArgs}, false, "[TOOL_CALLS]get_wea", "[TOOL_CALLS]get_wea", nil},
		{"mistral args cut in args", Format{Family: MistralArgs}, false, `[TOOL_CALLS]f[ARGS]{"a": [1,`, "", []call{{"f", `{"a": [1,`}}},
		{"args before name", Format{Family: Hermes}, false, `<tool_call>{"arguments": {"k": true}, "name": "late"}</tool_call>`, "",
			[]call{{"late", `{"k": true}`}}},
		// Hermes 2 Pro writes the arguments first; Qwen the name first.
		// Each order, in each family that writes a JSON object per call.
		{"hermes 2 pro order", Format{Family: Hermes}, false,
			"<tool_call>\n{\"arguments\": {\"city\": \"Paris\", \"name\": \"x\"}, \"name\": \"get_weather\"}\n</tool_call>", "",
			[]call{{"get_weather", `{"city": "Paris", "name": "x"}`}}},
		{"hermes both orders", Format{Family: Hermes}, false,
			"Two.<tool_call>\n{\"name\": \"a\", \"arguments\": {\"x\": 1}}\n</tool_call>\n<tool_call>\n{\"arguments\": {\"y\": \"}\"}, \"name\": \"b\"}\n</tool_call>", "Two.",
			[]call{{"a", `{"x": 1}`}, {"b", `{"y": "}"}`}}},
		{"hermes prefilled args first", Format{Family: Hermes}, true, `{"arguments":{},"name":"f"}`, "", []call{{"f", `{}`}}},
		{"hermes args first no name", Format{Family: Hermes}, false, `<tool_call>{"arguments": {}}</tool_call>`, `<tool_call>{"arguments": {}}</tool_call>`, nil},
		{"groq args first", Format{Family: Groq}, false, "<tool_call>\n{\"id\": 0, \"arguments\": {\"a\": 1}, \"name\": \"f\"}\n</tool_call>", "",
			[]call{{"f", `{"a": 1}`}}},
		{"llama3 parameters first", Format{Family: Llama3}, true, `{"parameters": {"a": "b"}, "name": "f"}`, "", []call{{"f", `{"a": "b"}`}}},
		{"mistral both orders", Format{Family: Mistral}, false,
			`[TOOL_CALLS][{"arguments": {"x": 1}, "name": "a"}, {"name": "b", "arguments": {}}]`, "",
			[]call{{"a", `{"x": 1}`}, {"b", `{}`}}},
	}
	for _, tc := range tests {
		for i, pieces := range splits(tc.text) {
			got := run(tc.f, tc.inCall, pieces)
			if got.content != tc.content {
				t.Errorf("%s (split %d): content %q, want %q", tc.name, i, got.content, tc.content)
			}
			if len(got.calls) != len(tc.calls) || len(got.streamed) != len(tc.calls) {
				t.Errorf("%s (split %d): %d calls, %d streamed, want %d: %+v", tc.name, i, len(got.calls), len(got.streamed), len(tc.calls), got.calls)
				continue
			}
			ids := map[string]bool{}
			for j, c := range tc.calls {
				g, s := got.calls[j], got.streamed[j]
				if g.Name != c.name || g.Arguments != c.args {
					t.Errorf("%s (split %d): call %d = %q %q, want %q %q", tc.name, i, j, g.Name, g.Arguments, c.name, c.args)
				}
				if s != g {
					t.Errorf("%s (split %d): streamed call %d = %+v, parsed %+v", tc.name, i, j, s, g)
				}
				if !strings.HasPrefix(g.ID, "call_") || ids[g.ID] {
					t.Errorf("%s: call id %q empty or repeated", tc.name, g.ID)
				}
				ids[g.ID] = true
			}
		}
	}
}

func TestLead(t *testing.T) {
	for fam, want := range map[Family]string{Hermes: "\n", Groq: "\n", Llama3: "", Mistral: "", MistralArgs: "", Harmony: ""} {
		if got := (Format{Family: fam}).Lead(); got != want {
			t.Errorf("%s: lead %q, want %q", fam, got, want)
		}
	}
}

func TestCallSchema(t *testing.T) {
	tools := []Tool{{Name: "a", Parameters: json.RawMessage(`{"type":"object","properties":{"x":{"type":"integer"}}}`)},
		{Name: "b", Parameters: json.RawMessage(`{"type":"object"}`)}}
	for _, tc := range []struct {
		f        Format
		only     string
		parallel bool
		want     string
	}{
		{Format{Family: Groq}, "a", true, `{"type":"object","properties":{"name":{"const":"a"},"arguments":{"type":"object","properties":{"x":{"type":"integer"}}}},"required":["name","arguments"],"additionalProperties":false}`},
		{Format{Family: Llama3}, "b", true, `{"type":"object","properties":{"name":{"const":"b"},"parameters":{"type":"object"}},"required":["name","parameters"],"additionalProperties":false}`},
		{Format{Family: Mistral}, "b", false, `{"type":"array","items":{"type":"object","properties":{"name":{"const":"b"},"arguments":{"type":"object"}},"required":["name","arguments"],"additionalProperties":false},"minItems":1,"maxItems":1}`},
	} {
		got, err := tc.f.CallSchema(tools, tc.only, tc.parallel)
		if err != nil || string(got) != tc.want {
			t.Errorf("%s %q: %s, %v\nwant %s", tc.f.Family, tc.only, got, err, tc.want)
		}
	}
	any, err := Format{Family: Hermes}.CallSchema(tools, "", true)
	if err != nil || !strings.HasPrefix(string(any), `{"anyOf":[`) || !json.Valid(any) {
		t.Errorf("any tool: %s, %v", any, err)
	}
	if _, err := (Format{}).CallSchema(tools, "missing", true); err == nil {
		t.Error("a named tool that is not offered must be refused")
	}
}

// TestCallGrammarOrders compiles Hermes call schemas as the node does
// and feeds calls byte by byte: the name may come before or after the
// arguments, each order holding the named tool's arguments to its schema.
func TestCallGrammarOrders(t *testing.T) {
	toks := make([][]byte, 257)
	for i := range 256 {
		toks[i] = []byte{byte(i)}
	}
	toks[256] = []byte("<eos>")
	vocab := grammar.NewVocab(toks, []int32{256})
	tools := []Tool{
		{Name: "get_weather", Parameters: json.RawMessage(`{"type":"object","properties":{"city":{"type":"string"},"days":{"type":"integer","minimum":1,"maximum":7}},"required":["city"],"additionalProperties":false}`)},
		{Name: "get_time", Parameters: json.RawMessage(`{"type":"object","properties":{"tz":{"enum":["UTC","CET"]}},"required":["tz"],"additionalProperties":false}`)},
	}
	opts := grammar.SchemaOptions{Whitespace: CallWhitespace, SchemaOrder: true}
	for _, tc := range []struct {
		f    Format
		only string
		text string
		ok   bool
	}{
		{Format{Family: Hermes}, "", `{"name": "get_weather", "arguments": {"city": "Paris", "days": 3}}`, true},
		{Format{Family: Hermes}, "", `{"arguments": {"city": "Paris", "days": 3}, "name": "get_weather"}`, true},
		{Format{Family: Hermes}, "", `{"arguments":{"tz":"CET"},"name":"get_time"}`, true},
		{Format{Family: Hermes}, "get_weather", `{"arguments": {"city": "Paris"}, "name": "get_weather"}`, true},
		// The arguments of one tool under the other's name, in either order.
		{Format{Family: Hermes}, "", `{"arguments": {"tz": "CET"}, "name": "get_weather"}`, false},
		{Format{Family: Hermes}, "", `{"name": "get_time", "arguments": {"city": "Paris"}}`, false},
		{Format{Family: Hermes}, "", `{"arguments": {"city": "Paris", "days": 9}, "name": "get_weather"}`, false},
		{Format{Family: Hermes}, "get_weather", `{"arguments": {"tz": "UTC"}, "name": "get_time"}`, false},
		{Format{Family: Hermes}, "", `{"arguments": {"city": "Paris"}}`, false},
		{Format{Family: Hermes}, "", `{"arguments": {"city": "Paris"}, "name": "get_weather", "name": "get_weather"}`, false},
		// Other families keep the name first.
		{Format{Family: Groq}, "", `{"arguments": {"tz": "CET"}, "name": "get_time"}`, false},
		{Format{Family: Llama3}, "", `{"parameters": {"tz": "CET"}, "name": "get_time"}`, false},
		{Format{Family: Llama3}, "", `{"name": "get_time", "parameters": {"tz": "CET"}}`, true},
	} {
		schema, err := tc.f.CallSchema(tools, tc.only, true)
		if err != nil {
			t.Fatal(err)
		}
		g, err := grammar.FromJSONSchema(schema, opts)
		if err != nil {
			t.Fatalf("%s: %v", tc.f.Family, err)
		}
		m := g.Matcher(vocab)
		ok := true
		for i := range len(tc.text) {
			if err := m.Accept(int32(tc.text[i])); err != nil {
				ok = false
				break
			}
		}
		if ok = ok && m.CanEnd(); ok != tc.ok {
			t.Errorf("%s %q: %s accepted %v, want %v", tc.f.Family, tc.only, tc.text, ok, tc.ok)
		}
	}
}

func FuzzParser(f *testing.F) {
	f.Add(`<tool_call>{"name":"a","arguments":{"x":"}"}}</tool_call> tail`, 0)
	f.Add("<tool_call>\n{\"arguments\": {\"x\": \"}\"}, \"name\": \"a\"}\n</tool_call>", 0)
	f.Add(`[TOOL_CALLS][{"name":"a","arguments":{}},{"name":"b"}]`, 3)
	f.Add(` {"name": "f", "parameters": {"a": [1, 2]}}`, 2)
	f.Add(`x[TOOL_CALLS]a[ARGS]{"k":"}"}[TOOL_CALLS]b[ARG`, 4)
	f.Add(`<|python_start|>[get_weather(city='LA', metric="C"), f(a={'k': (1,)})]<|python_end|>`, 5)
	f.Add(` [a(x=1), b(y='z'), 5] tail`, 5)
	f.Add(`<|python_st<|python_end|>art|>{"name": "f", "parameters": {}}`, 5)
	f.Fuzz(func(t *testing.T, text string, fam int) {
		fams := []Family{Hermes, Groq, Llama3, Mistral, MistralArgs, Llama4}
		fm := Format{Family: fams[(fam%len(fams)+len(fams))%len(fams)]}
		whole := run(fm, false, []string{text})
		bytewise := run(fm, false, splits(text)[1])
		if whole.content != bytewise.content || len(whole.calls) != len(bytewise.calls) {
			t.Fatalf("whole %+v, byte by byte %+v", whole, bytewise)
		}
		for i := range whole.calls {
			if whole.calls[i].Name != bytewise.calls[i].Name || whole.calls[i].Arguments != bytewise.calls[i].Arguments {
				t.Fatalf("call %d: whole %+v, byte by byte %+v", i, whole.calls[i], bytewise.calls[i])
			}
			if s := bytewise.streamed[i]; s.Name != bytewise.calls[i].Name || s.Arguments != bytewise.calls[i].Arguments {
				t.Fatalf("streamed %+v, parsed %+v", s, bytewise.calls[i])
			}
		}
		if len(whole.calls) == 0 && whole.content != text && (fm.Family != Llama4 || !strings.Contains(text, "<|python_")) {
			t.Fatalf("no calls, content %q, want the text %q", whole.content, text)
		}
	})
}
