package toolcall

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/chattemplate"
)

// TestLlama4Python reads the Python lists of calls of Meta's Llama 4
// prompt format (llama-models, models/llama4/prompt_format.md: its model
// responses and its system prompt's CORRECT / INCORRECT examples) and the
// cases of vLLM's llama4_pythonic parser tests
// (tests/entrypoints/openai/tool_parsers/test_llama4_pythonic_tool_parser.py,
// whose arguments are json.dumps of the values), whole, byte by byte and in
// 3-byte pieces.
func TestLlama4Python(t *testing.T) {
	type call struct{ name, args string }
	weatherLA := call{"get_weather", `{"city": "LA", "metric": "C"}`}
	doe := call{"register_user", `{"name": "Doe", "age": 9}`}
	tests := []struct {
		name  string
		text  string
		calls []call // none: the text is content
	}{
		// Meta's prompt format.
		{"meta-parallel", `[get_weather(city="San Francisco"), get_weather(city="Seattle")]`,
			[]call{{"get_weather", `{"city": "San Francisco"}`}, {"get_weather", `{"city": "Seattle"}`}}},
		{"meta-user-message", `[get_user_info(user_id=7890, special='black')]`,
			[]call{{"get_user_info", `{"user_id": 7890, "special": "black"}`}}},
		{"meta-correct", `[get_weather(location="Vancouver"), calculate_route(start="Boston", end="New York")]`,
			[]call{{"get_weather", `{"location": "Vancouver"}`}, {"calculate_route", `{"start": "Boston", "end": "New York"}`}}},
		{"meta-incorrect-bare", `get_weather(location="New York")`, nil},
		{"meta-incorrect-text-first", `Let me check the weather: [get_weather(location="New York")]`, nil},
		// vLLM's llama4_pythonic cases.
		{"vllm-no-call", "How can I help you today?", nil},
		{"vllm-simple", "[get_weather(city='LA', metric='C')]", []call{weatherLA}},
		{"vllm-more-types", "[register_user(name='Doe', age=9, address={'city': 'LA', 'state': 'CA'}, role=None, passed_test=True, aliases=['John', 'Johnny'])]",
			[]call{{"register_user", `{"name": "Doe", "age": 9, "address": {"city": "LA", "state": "CA"}, "role": null, "passed_test": true, "aliases": ["John", "Johnny"]}`}}},
		{"vllm-parameterless", "[get_weather()]", []call{{"get_weather", "{}"}}},
		{"vllm-empty-dict", "[do_something_cool(additional_data={})]", []call{{"do_something_cool", `{"additional_data": {}}`}}},
		{"vllm-empty-list", "[do_something_cool(steps=[])]", []call{{"do_something_cool", `{"steps": []}`}}},
		{"vllm-escaped-string", `[get_weather(city='Martha\'s Vineyard', metric='\"cool units\"')]`,
			[]call{{"get_weather", `{"city": "Martha's Vineyard", "metric": "\"cool units\""}`}}},
		{"vllm-parallel", "[get_weather(city='LA',metric='C'),register_user(name='Doe',age=9)]", []call{weatherLA, doe}},
		{"vllm-python-tag", "<|python_start|>[get_weather(city='LA', metric='C')]<|python_end|>", []call{weatherLA}},
		{"vllm-python-tag-parallel", "<|python_start|>[get_weather(city='LA', metric='C'),register_user(name='Doe', age=9)]", []call{weatherLA, doe}},
		{"vllm-large-steps", "<|python_start|>[get_weather(city='LA', metric='C'), get_weather(), do_something_cool(steps=[])]<|python_end|>",
			[]call{weatherLA, {"get_weather", "{}"}, {"do_something_cool", `{"steps": []}`}}},
		// Text that opens like a list but is not one stays content.
		{"footnote", "[1] See the manual.", nil},
		{"bracket-word", "[Note] the call failed", nil},
		{"positional", "[f(1)]", nil},
		// The JSON form of Llama 4's template, one call after another.
		{"template-json", `{"name": "get_weather", "parameters": {"city": "LA"}}{"name": "get_time", "parameters": {}}`,
			[]call{{"get_weather", `{"city": "LA"}`}, {"get_time", "{}"}}},
		{"template-json-python-tags", `<|python_start|><|python_end|>{"name": "get_weather", "parameters": {"city": "LA"}}`,
			[]call{{"get_weather", `{"city": "LA"}`}}},
	}
	f := Format{Family: Llama4}
	for _, tc := range tests {
		for _, pieces := range splits(tc.text) {
			got := run(f, false, pieces)
			if len(tc.calls) == 0 {
				if got.content != tc.text || len(got.calls) != 0 {
					t.Errorf("%s (%d pieces): content %q, calls %+v; want the text as content", tc.name, len(pieces), got.content, got.calls)
				}
				continue
			}
			if got.content != "" || len(got.calls) != len(tc.calls) {
				t.Errorf("%s (%d pieces): content %q, calls %+v", tc.name, len(pieces), got.content, got.calls)
				continue
			}
			for i, c := range got.calls {
				if c.Name != tc.calls[i].name || c.Arguments != tc.calls[i].args || c.ID == "" {
					t.Errorf("%s (%d pieces): call %d = %s %s, want %s %s", tc.name, len(pieces), i, c.Name, c.Arguments, tc.calls[i].name, tc.calls[i].args)
				}
				if s := got.streamed[i]; s.Name != c.Name || s.Arguments != c.Arguments || s.ID != c.ID {
					t.Errorf("%s: streamed %+v, parsed %+v", tc.name, s, c)
				}
			}
		}
	}
}

// TestLlama4StreamsEachCall checks that a call of a Python list is given
// out as soon as it closes, before the list ends.
func TestLlama4StreamsEachCall(t *testing.T) {
	p := NewParser(Format{Family: Llama4}, false)
	c, d := p.Write("[a(x=1), b(y=")
	if c != "" || len(d) != 1 || d[0].Name != "a" || d[0].Arguments != `{"x": 1}` {
		t.Fatalf("after the first call: %q %+v", c, d)
	}
	c, d = p.Write("'z')] ")
	if c != "" || len(d) != 1 || d[0].Index != 1 || d[0].Name != "b" {
		t.Fatalf("after the second call: %q %+v", c, d)
	}
	if c, d = p.Close(); c != "" || len(d) != 0 {
		t.Fatalf("close: %q %+v", c, d)
	}
}

// TestPythonLiterals reads the calls of testdata/python_literals.json,
// whose arguments are what CPython gives (ast.literal_eval of each keyword
// argument, as Meta's Llama 4 reader does, then json.dumps; null where
// Python refuses the call): the same JSON text, or the same refusal.
func TestPythonLiterals(t *testing.T) {
	b, err := os.ReadFile("testdata/python_literals.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Call      string  `json:"call"`
		Arguments *string `json:"arguments"`
	}
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	refused := 0
	for _, tc := range cases {
		_, args, ok := parsePythonCall(tc.Call)
		switch {
		case tc.Arguments == nil && ok:
			t.Errorf("%s: read as %s; Python refuses it", tc.Call, args)
		case tc.Arguments == nil:
			refused++
		case !ok || args != *tc.Arguments:
			t.Errorf("%s: %s, %v; Python gives %s", tc.Call, args, ok, *tc.Arguments)
		}
	}
	if len(cases) < 20 || refused < 5 {
		t.Errorf("%d cases, %d refused: regenerate python_literals.json", len(cases), refused)
	}
}

// TestLlama4Template renders an assistant turn with calls through Llama
// 4's official template (the one Hugging Face transformers writes) and
// reads the calls back from it; the template is detected as Llama 4's.
func TestLlama4Template(t *testing.T) {
	src, err := os.ReadFile("../chattemplate/testdata/external/official/llama-4-chat.jinja")
	if err != nil {
		t.Fatal(err)
	}
	f := Detect("gguf", string(src))
	if f != (Format{Family: Llama4, Native: true}) {
		t.Fatalf("official Llama 4 template: %+v", f)
	}
	calls := []chattemplate.ToolCall{
		{ID: "a", Type: "function", Function: chattemplate.FunctionCall{Name: "get_weather", Arguments: `{"city":"Paris","days":2}`}},
		{ID: "b", Type: "function", Function: chattemplate.FunctionCall{Name: "get_time", Arguments: `{"tz":"CET"}`}},
	}
	msgs := []chattemplate.Message{{Role: "user", Content: "Weather and time in Paris?"}, {Role: "assistant", ToolCalls: calls}}
	tools := []any{json.RawMessage(`{"type":"function","function":{"name":"get_weather","parameters":{"type":"object"}}}`)}
	out, err := chattemplate.MustParse(string(src)).Render(msgs, chattemplate.Options{Tools: tools})
	if err != nil {
		t.Fatal(err)
	}
	const header = "<|header_start|>assistant<|header_end|>\n\n"
	turn := strings.TrimSuffix(out[strings.LastIndex(out, header)+len(header):], "<|eot|>")
	if !strings.HasPrefix(turn, "<|python_start|>") {
		t.Fatalf("turn %q", turn)
	}
	checkParsed(t, "llama-4-chat official", f, turn, calls)
	var cs []Call
	for _, c := range calls {
		cs = append(cs, Call{Name: c.Function.Name, Arguments: c.Function.Arguments})
	}
	checkParsed(t, "llama4 CallText", Format{Family: Llama4}, Format{Family: Llama4}.CallText(cs), calls)
}

func FuzzPythonCall(f *testing.F) {
	for _, s := range []string{`f(a=1)`, `get_weather(city='LA', metric='C')`, `f(a={'k': [1, (2,), None]})`,
		`f(s='\x41\u00e9\101\n')`, `f(a=-1_0.5e+3)`, `f(a=((((1))))`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		name, args, ok := parsePythonCall(s)
		if !ok {
			return
		}
		var v map[string]any
		if err := json.Unmarshal([]byte(args), &v); err != nil {
			t.Fatalf("%q: arguments %s are not a JSON object: %v", s, args, err)
		}
		if name == "" || !identStart(name[0]) {
			t.Fatalf("%q: name %q", s, name)
		}
	})
}
