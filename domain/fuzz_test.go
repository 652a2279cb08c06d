package domain

import (
	"bytes"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/domain/ledger"
)

func TestShape(t *testing.T) {
	for _, tc := range []struct {
		path, in        string
		model           string
		stream, userUse bool
		wantUsageAsked  bool
		err             bool
	}{
		{"/v1/chat/completions", `{"model":"m","messages":[]}`, "m", false, false, false, false},
		{"/v1/chat/completions", `{"model":"m","stream":true}`, "m", true, false, true, false},
		{"/v1/completions", `{"stream":true,"stream_options":{"include_usage":true}}`, "", true, true, true, false},
		{"/v1/chat/completions", `{"stream":true,"stream_options":{"include_usage":false,"x":1}}`, "", true, false, true, false},
		{"/v1/embeddings", `{"model":"e","stream":true}`, "e", true, false, false, false},
		{"/v1/chat/completions", `{"stream":true,"stream_options":3}`, "", false, false, false, true},
		{"/v1/chat/completions", `{"model":`, "", false, false, false, true},
		{"/v1/files", `--boundary`, "", false, false, false, false},
	} {
		rs, err := shape(tc.path, []byte(tc.in))
		if (err != nil) != tc.err {
			t.Errorf("shape(%s) error %v", tc.in, err)
			continue
		}
		if err != nil {
			continue
		}
		if rs.model != tc.model || rs.stream != tc.stream || rs.userUsage != tc.userUse {
			t.Errorf("shape(%s) = %+v", tc.in, rs)
		}
		var sent struct {
			StreamOptions struct {
				IncludeUsage bool `json:"include_usage"`
				X            int  `json:"x"`
			} `json:"stream_options"`
		}
		json.Unmarshal(rs.body, &sent)
		if sent.StreamOptions.IncludeUsage != tc.wantUsageAsked {
			t.Errorf("shape(%s) sends %s", tc.in, rs.body)
		}
		if strings.Contains(tc.in, `"x":1`) && sent.StreamOptions.X != 1 {
			t.Errorf("shape(%s) lost other stream options: %s", tc.in, rs.body)
		}
	}
}

func FuzzShape(f *testing.F) {
	for _, s := range []string{`{"model":"m","stream":true}`, `{"stream":true,"stream_options":{"include_usage":true}}`,
		`{"stream":true,"stream_options":null}`, `[]`, `{"stream":"yes"}`, ``, `{`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		rs, err := shape("/v1/chat/completions", []byte(in))
		if err != nil {
			return
		}
		if rs.stream && !rs.userUsage {
			var sent struct {
				StreamOptions struct {
					IncludeUsage bool `json:"include_usage"`
				} `json:"stream_options"`
			}
			if err := json.Unmarshal(rs.body, &sent); err != nil || !sent.StreamOptions.IncludeUsage {
				t.Fatalf("a stream without include_usage upstream: %q -> %q", in, rs.body)
			}
		}
	})
}

// FuzzRelaySSE feeds arbitrary streams to the SSE relay: it must not
// panic, must bill only complete streams, and must end every stream with
// either the node's [DONE] or an error event.
func FuzzRelaySSE(f *testing.F) {
	f.Add("data: {\"choices\":[{}]}\n\ndata: {\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":4}}\n\ndata: [DONE]\n\n", false)
	f.Add("data: {\"choices\":[{}],\"usage\":{\"prompt_tokens\":1}}\n\ndata: [DONE]\n\n", false)
	f.Add("data: {\"choices\":[{}]}\n\n", true)
	f.Add(": comment\r\n\r\nevent: x\ndata: [DONE]\r\n\r\n", true)
	f.Add(strings.Repeat("x", 70000)+"\n\ndata: [DONE]\n\n", true)
	s := &Server{}
	f.Fuzz(func(t *testing.T, stream string, userUsage bool) {
		w := httptest.NewRecorder()
		billed := 0
		var got *ledger.Usage
		complete := s.relaySSE(w, strings.NewReader(stream), userUsage, "req", func(u *ledger.Usage) { billed++; got = u }, &replayJob{})
		out := w.Body.Bytes()
		if complete != (billed == 1) || billed > 1 {
			t.Fatalf("complete %v, billed %d times", complete, billed)
		}
		if complete && !bytes.HasSuffix(bytes.TrimRight(out, "\r\n"), []byte("data: [DONE]")) {
			t.Fatalf("complete stream does not end with [DONE]: %q", out)
		}
		if !complete && !bytes.Contains(out, []byte(`"node_failed"`)) {
			t.Fatalf("broken stream without an error event: %q", out)
		}
		if got != nil && !userUsage && bytes.Contains(out, []byte(`"usage"`)) && !strings.Contains(stream, `"usage":null`) {
			// Only chunks that carry choices keep existing, minus usage.
			var m map[string]json.RawMessage
			for _, line := range bytes.Split(out, []byte("\n")) {
				d, ok := bytes.CutPrefix(line, []byte("data: "))
				if ok && json.Unmarshal(d, &m) == nil {
					if u, has := m["usage"]; has && string(u) != "null" {
						t.Fatalf("usage leaked: %q", line)
					}
				}
			}
		}
	})
}

func FuzzPathNode(f *testing.F) {
	f.Add("/0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed/v1/chat/completions", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed.d.example")
	f.Add("/v1/models", "example")
	f.Fuzz(func(t *testing.T, path, host string) {
		if a, rest := pathNode(path); a != "" && (!strings.HasPrefix(rest, "/v1/") || !strings.EqualFold("/"+a+rest, path)) {
			t.Fatalf("pathNode(%q) = %q, %q", path, a, rest)
		}
		if a := hostNode(host); a != "" && !strings.HasPrefix(strings.ToLower(host), strings.ToLower(a)+".") {
			t.Fatalf("hostNode(%q) = %q", host, a)
		}
	})
}
