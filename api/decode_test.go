package api

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// goNames matches what encoding/json leaks into its messages: Go type and
// struct names such as []api.Message, Sampling.max_tokens or api.ChatRequest.
var goNames = regexp.MustCompile(`api\.|Sampling|ChatRequest|Message\b|\bfloat64\b|\bint\b|\[\]`)

// TestDecodeErrorMessages checks that type errors name the field as the
// client wrote it, array indexes included, and say what JSON is expected,
// without Go type names.
func TestDecodeErrorMessages(t *testing.T) {
	srv := newTestServer(t, echoBackend{}, Options{})
	tests := []struct {
		name, path, body, param, message string
	}{
		{"messages not an array", "/v1/chat/completions", `{"messages":"hi"}`, "messages", "messages: expected an array, got a string"},
		{"embedded struct field", "/v1/chat/completions", `{"max_tokens":"x","messages":[]}`, "max_tokens", "max_tokens: expected an integer, got a string"},
		{"fractional integer", "/v1/chat/completions", `{"max_tokens":1.5}`, "max_tokens", "max_tokens: expected an integer, got 1.5"},
		{"array element", "/v1/chat/completions", `{"messages":[{"role":"user","content":"a"},{"role":7}]}`, "messages[1].role", "messages[1].role: expected a string, got 7"},
		{"element not an object", "/v1/chat/completions", `{"messages":[{"role":"user","content":"a"},1]}`, "messages[1]", "messages[1]: expected an object, got 1"},
		{"custom type", "/v1/chat/completions", `{"messages":[{"role":"user","content":"a"},{"role":"user","content":5}]}`, "messages[1].content", "messages[1].content: expected a string or an array of text parts, got 5"},
		{"stop", "/v1/chat/completions", `{"stop":{"a":1},"messages":[{"role":"user","content":"a"}]}`, "stop", "stop: expected a string or an array of strings, got an object"},
		{"key in another case", "/v1/chat/completions", `{"Messages":"hi"}`, "Messages", "Messages: expected an array, got a string"},
		{"nested", "/v1/chat/completions", `{"stream_options":{"include_usage":"yes"}}`, "stream_options.include_usage", "stream_options.include_usage: expected true or false, got a string"},
		{"map value", "/v1/chat/completions", `{"logit_bias":{"1":"a"}}`, "logit_bias.1", "logit_bias.1: expected a number, got a string"},
		{"out of range", "/v1/chat/completions", `{"temperature":1e999}`, "temperature", "temperature: expected a number, got 1e999 (out of range)"},
		{"top level", "/v1/chat/completions", `[1]`, "", "request body: expected an object, got an array"},
		{"embedding input", "/v1/embeddings", `{"input":[1,2]}`, "input", "input: expected a string or an array of strings, got an array"},
		{"syntax", "/v1/chat/completions", `{"messages":x}`, "", "request body is not valid JSON at byte 13: invalid character 'x' looking for beginning of value"},
		{"truncated", "/v1/chat/completions", `{"messages":[`, "", "request body is not valid JSON: it ends before the JSON value is complete"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := do(t, "POST", srv.URL+tt.path, tt.body)
			var e struct {
				Error struct {
					Message string  `json:"message"`
					Param   *string `json:"param"`
				} `json:"error"`
			}
			if err := json.Unmarshal(body, &e); err != nil || resp.StatusCode != 400 {
				t.Fatalf("%d %s", resp.StatusCode, body)
			}
			if e.Error.Message != tt.message {
				t.Errorf("message %q\n           want %q", e.Error.Message, tt.message)
			}
			if goNames.MatchString(e.Error.Message) {
				t.Errorf("message %q names Go types", e.Error.Message)
			}
			param := ""
			if e.Error.Param != nil {
				param = *e.Error.Param
			}
			if param != tt.param {
				t.Errorf("param %q, want %q", param, tt.param)
			}
		})
	}
}

// TestDecodeContentTypes checks that a JSON body is read whatever default
// type the client's tool sends (none, curl's form type, fetch's text/plain),
// and that a body in another format is refused clearly.
func TestDecodeContentTypes(t *testing.T) {
	srv := newTestServer(t, echoBackend{}, Options{})
	const chat = `{"messages":[{"role":"user","content":"hello"}]}`
	for _, tt := range []struct {
		ctype, body string
		status      int
		want        string
		origin      string
	}{
		// A page of another site cannot use the leniency (its browser sends
		// these types without a CORS preflight); the node's own page can.
		{"text/plain", chat, 415, "from a web page of another site", "https://evil.example"},
		{"text/plain", chat, 200, "hello", srv.URL},
		{"application/json", chat, 200, "hello", "https://other.example"},
		{"", chat, 200, "hello", ""},
		{"application/json; charset=utf-8", chat, 200, "hello", ""},
		{"application/x-www-form-urlencoded", chat, 200, "hello", ""}, // curl -d
		{"text/plain;charset=UTF-8", chat, 200, "hello", ""},          // fetch with a string body
		{"application/vnd.api+json", chat, 200, "hello", ""},
		{"application/x-www-form-urlencoded", "messages=hello", 415, "form fields are not supported", ""},
		{"application/xml", "<messages/>", 415, `is not supported; send a JSON body (Content-Type: application/json)`, ""},
		{"multipart/form-data; boundary=x", chat, 415, "is not supported", ""},
		{"not a type", chat, 415, "is not supported", ""},
	} {
		req, err := http.NewRequest("POST", srv.URL+"/v1/chat/completions", strings.NewReader(tt.body))
		if err != nil {
			t.Fatal(err)
		}
		if tt.ctype != "" {
			req.Header.Set("Content-Type", tt.ctype)
		}
		if tt.origin != "" {
			req.Header.Set("Origin", tt.origin)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var buf strings.Builder
		_, _ = io.Copy(&buf, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.status || !strings.Contains(buf.String(), tt.want) {
			t.Errorf("Content-Type %q: %d %s; want %d with %q", tt.ctype, resp.StatusCode, buf.String(), tt.status, tt.want)
		}
	}
}

// FuzzDecodeError decodes arbitrary bodies as chat requests: the error
// message must never panic, name Go types, or point at a field the body
// does not have.
func FuzzDecodeError(f *testing.F) {
	for _, s := range []string{`{"messages":"hi"}`, `{"max_tokens":"x"}`, `{"messages":[{"role":1}]}`, `{"logit_bias":{"1":"a"}}`,
		`[1]`, `{"stop":{}}`, `{"messages":[{"content":[{"type":"text","text":3}]}]}`, `{"a":{"b":[[[1]]]}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var req ChatRequest
		err := json.Unmarshal(body, &req)
		if err == nil {
			return
		}
		e, ok := decodeError(body, err).(*Error)
		if !ok || e.Status != 400 || e.Message == "" {
			t.Fatalf("decodeError(%q) = %v", body, e)
		}
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && goNames.MatchString(e.Message) {
			t.Fatalf("message %q names Go types", e.Message)
		}
		if e.Param != "" && !strings.Contains(string(body), strings.Split(strings.Split(e.Param, ".")[0], "[")[0]) && !strings.Contains(string(body), `\`) {
			t.Fatalf("param %q is not in the body %q", e.Param, body)
		}
	})
}
