package chattemplate

import (
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"
)

func render(t *testing.T, src string, msgs []Message, opt Options) string {
	t.Helper()
	tpl, err := Parse(src)
	if err != nil {
		t.Fatalf("Parse(%q): %v", src, err)
	}
	out, err := tpl.Render(msgs, opt)
	if err != nil {
		t.Fatalf("Render(%q): %v", src, err)
	}
	return out
}

func TestMessageShape(t *testing.T) {
	msgs := []Message{
		{Role: "user", Content: "weather?", Name: "ann"},
		{Role: "assistant", ToolCalls: []ToolCall{
			{ID: "c1", Function: FunctionCall{Name: "f", Arguments: `{"city": "Paris", "n": [1, 2.5]}`}},
			{Type: "function", Function: FunctionCall{Name: "g", Arguments: `not json`}},
		}},
		{Role: "tool", ToolCallID: "c1", Content: "21C"},
	}
	got := render(t, "{{ messages | tojson }}", msgs, Options{})
	want := `[{"role": "user", "content": "weather?", "name": "ann"}, ` +
		`{"role": "assistant", "content": "", "tool_calls": [` +
		`{"id": "c1", "type": "function", "function": {"name": "f", "arguments": {"city": "Paris", "n": [1, 2.5]}}}, ` +
		`{"type": "function", "function": {"name": "g", "arguments": "not json"}}]}, ` +
		`{"role": "tool", "content": "21C", "tool_call_id": "c1"}]`
	if got != want {
		t.Errorf("messages as the template sees them:\n got %s\nwant %s", got, want)
	}
	// The shape survives a JSON round trip of Message (OpenAI field names).
	b, _ := json.Marshal(msgs[1])
	var back Message
	if err := json.Unmarshal(b, &back); err != nil || back.ToolCalls[0].Function.Name != "f" {
		t.Errorf("JSON round trip: %s, %v", b, err)
	}
}

func TestTemplateVariables(t *testing.T) {
	clock := func() time.Time { return time.Date(2026, 1, 2, 15, 4, 5, 0, time.UTC) }
	tests := []struct {
		name, src string
		opt       Options
		want      string
	}{
		{"defaults", "{{ tools is none }} {{ documents is none }} {{ add_generation_prompt }} [{{ bos_token }}][{{ eos_token }}] {{ nope is defined }}", Options{}, "True True False [][] False"},
		{"tokens", "{{ bos_token }}|{{ eos_token }}", Options{BOSToken: "<s>", EOSToken: "</s>"}, "<s>|</s>"},
		{"generation prompt", "{{ add_generation_prompt }}", Options{AddGenerationPrompt: true}, "True"},
		{"extra", "{{ enable_thinking }} {{ date_string }} {{ n + 1 }}", Options{Extra: map[string]any{"enable_thinking": false, "date_string": "x", "n": 41}}, "False x 42"},
		{"extra overrides tokens", "{{ bos_token }}", Options{BOSToken: "<s>", Extra: map[string]any{"bos_token": "B"}}, "B"},
		{"extra cannot replace messages", "{{ messages | length }} {{ add_generation_prompt }}", Options{Extra: map[string]any{"messages": []any{}, "add_generation_prompt": true}}, "1 False"},
		{"tools from maps sort keys", "{{ tools | tojson }}", Options{Tools: []any{map[string]any{"type": "function", "function": map[string]any{"name": "f"}}}}, `[{"function": {"name": "f"}, "type": "function"}]`},
		{"tools from raw JSON keep order", "{{ tools | tojson }}", Options{Tools: []any{json.RawMessage(`{"type": "function", "function": {"name": "f"}}`)}}, `[{"type": "function", "function": {"name": "f"}}]`},
		{"tools from structs", "{{ tools[0].function.name }}", Options{Tools: []any{ToolCall{Function: FunctionCall{Name: "f"}}}}, "f"},
		{"empty tools list is falsy", "{{ 'yes' if tools else 'no' }} {{ tools is none }}", Options{Tools: []any{}}, "no False"},
		{"strftime_now clock", "{{ strftime_now('%d %b %Y %H:%M:%S %-d/%-m %j %A %p') }}", Options{Now: clock}, "02 Jan 2026 15:04:05 2/1 002 Friday PM"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := render(t, tc.src, []Message{{Role: "user", Content: "x"}}, tc.opt); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestRenderMapsAndJSON(t *testing.T) {
	tpl := MustParse("{% for m in messages %}{{ m | tojson }};{% endfor %}")
	got, err := tpl.RenderMaps([]map[string]any{
		{"role": "user", "content": []any{map[string]any{"type": "text", "text": "hi"}}},
		{"role": "assistant", "content": "a", "meta": json.RawMessage(`{"z": 1, "a": [true, null]}`)},
	}, Options{})
	want := `{"content": [{"text": "hi", "type": "text"}], "role": "user"};` +
		`{"content": "a", "meta": {"z": 1, "a": [true, null]}, "role": "assistant"};`
	if err != nil || got != want {
		t.Errorf("RenderMaps = %q, %v\nwant %q", got, err, want)
	}
	got, err = tpl.Render([]Message{{Role: "assistant", Content: "a", ReasoningContent: "r"}}, Options{})
	if want := `{"role": "assistant", "content": "a", "reasoning_content": "r"};`; err != nil || got != want {
		t.Errorf("Render with ReasoningContent = %q, %v, want %q", got, err, want)
	}
	// Integers beyond int64 become floats (Python would keep them exact).
	got, err = tpl.RenderJSON(json.RawMessage(`[{"z": 1, "a": 1.0, "big": 12345678901234567890}]`), Options{})
	if want := `{"z": 1, "a": 1.0, "big": 1.2345678901234567e+19};`; err != nil || got != want {
		t.Errorf("RenderJSON = %q, %v, want %q", got, err, want)
	}
	for _, bad := range []string{`{"role": "user"}`, `[1,`, `[] []`, strings.Repeat("[", 600) + strings.Repeat("]", 600)} {
		if _, err := tpl.RenderJSON(json.RawMessage(bad), Options{}); !errors.Is(err, ErrInput) {
			t.Errorf("RenderJSON(%.20q): err = %v, want ErrInput", bad, err)
		}
	}
	cyclic := map[string]any{}
	cyclic["self"] = cyclic
	if _, err := tpl.RenderMaps([]map[string]any{cyclic}, Options{}); !errors.Is(err, ErrInput) {
		t.Errorf("cyclic input: err = %v, want ErrInput", err)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name, src string
		kind      error
		line      int
		msg       string
	}{
		{"unclosed if", "a\n{% if x %}\nb", ErrSyntax, 2, "not closed"},
		{"unknown tag", "{% include 'x' %}", ErrSyntax, 1, "include"},
		{"bad expression", "\n\n{{ 1 + }}", ErrSyntax, 3, "unexpected"},
		{"unterminated string", "{{ 'abc }}", ErrSyntax, 1, "unterminated"},
		{"break outside loop", "{% break %}", ErrSyntax, 1, "outside"},
		{"raise_exception", "x\n{{ raise_exception('Only user roles!') }}", ErrRaised, 2, "Only user roles!"},
		{"undefined arithmetic", "{{ nope + 1 }}", ErrUndefined, 1, "'nope' is undefined"},
		{"attribute of undefined", "{{ messages[5].role }}", ErrUndefined, 1, ""},
		{"type error", "{{ 'a' + 1 }}", ErrType, 1, "unsupported operand"},
		{"unknown filter", "{{ 1 | frobnicate }}", ErrType, 1, "frobnicate"},
		{"mutating method", "{{ messages.append(1) }}", ErrType, 1, "unsafe"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tpl, err := Parse(tc.src)
			if err == nil {
				_, err = tpl.Render([]Message{{Role: "user", Content: "x"}}, Options{})
			}
			if !errors.Is(err, tc.kind) {
				t.Fatalf("err = %v, want %v", err, tc.kind)
			}
			var te *Error
			if errors.As(err, &te) && te.Line != tc.line {
				t.Errorf("line = %d, want %d (%v)", te.Line, tc.line, err)
			}
			if !strings.Contains(err.Error(), tc.msg) || !strings.HasPrefix(err.Error(), "chattemplate: ") {
				t.Errorf("message %q, want it to contain %q", err, tc.msg)
			}
		})
	}
	_, err := MustParse("{{ raise_exception('no system role') }}").Render(nil, Options{})
	var exc *ExceptionError
	if !errors.As(err, &exc) || exc.Message != "no system role" {
		t.Errorf("ExceptionError = %v", err)
	}
}

func TestMustParsePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("MustParse of a bad template did not panic")
		}
	}()
	MustParse("{% if %}")
}

// TestConcurrentRender renders one Template from many goroutines; run with
// -race to check it shares no mutable state.
func TestConcurrentRender(t *testing.T) {
	tpl, _ := Lookup("qwen3-no-think")
	msgs := tenMessages()
	want, err := tpl.Render(msgs, Options{AddGenerationPrompt: true})
	if err != nil {
		t.Fatal(err)
	}
	ns := MustParse("{% set ns = namespace(n=0) %}{% for m in messages %}{% set ns.n = ns.n + 1 %}{% endfor %}{{ ns.n }}")
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				if got, err := tpl.Render(msgs, Options{AddGenerationPrompt: true}); err != nil || got != want {
					t.Errorf("concurrent render differs: %v", err)
					return
				}
				if got, _ := ns.Render(msgs, Options{}); got != "10" {
					t.Errorf("namespace leaked between renders: %q", got)
					return
				}
			}
		}()
	}
	wg.Wait()
}
