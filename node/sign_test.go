package node

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/attest"
	"github.com/gaianet-go/gaianet/config"
	"github.com/gaianet-go/gaianet/identity"
)

// TestUpstreamNodeSigns: a node whose chats go to an upstream signs its
// answers (chat and text completions) for a request that carries a seed,
// the one it passed on, so a domain can verify and replay it; without a
// seed the answer stays unsigned.
func TestUpstreamNodeSigns(t *testing.T) {
	_, a := nodeA(t, nil)
	id, err := identity.Create(t.TempDir(), identity.LightScrypt())
	if err != nil {
		t.Fatal(err)
	}
	cfg := &config.Config{SystemPrompt: systemB, EmbeddingName: "tiny-bert"}
	cfg.Ext.ChatUpstream, cfg.Ext.EmbeddingUpstream = a.URL+"/v1", a.URL+"/v1"
	cfg.ApplyDefaults()
	n, err := Open(context.Background(), cfg, Options{Base: t.TempDir(), Signer: id, NodeID: id.NodeID()})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(n.Handler())
	defer func() { srv.Close(); n.Close() }()
	for _, tc := range []struct {
		path, body string
		signed     bool
	}{
		{"/v1/chat/completions", `{"seed":7,"max_tokens":6,"messages":[{"role":"user","content":"hi"}]}`, true},
		{"/v1/completions", `{"seed":7,"max_tokens":6,"prompt":"Once upon"}`, true},
		{"/v1/chat/completions", `{"max_tokens":6,"messages":[{"role":"user","content":"hi"}]}`, false},
	} {
		resp, err := http.Post(srv.URL+tc.path, "application/json", strings.NewReader(tc.body))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d %s", tc.path, resp.StatusCode, b)
		}
		ans, _, err := attest.ReadAnswer(resp.Header, id.Address())
		if !tc.signed {
			if err == nil {
				t.Errorf("%s without a seed: signed %+v", tc.path, ans)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s %s: not signed: %v", tc.path, tc.body, err)
		}
		var out struct {
			Choices []struct {
				Text    string
				Message struct{ Content string }
			}
		}
		json.Unmarshal(b, &out)
		text := out.Choices[0].Text + out.Choices[0].Message.Content
		if ans.Seed != 7 || ans.Request != attest.Hash([]byte(tc.body)) || ans.Output != attest.Hash([]byte(text)) {
			t.Errorf("%s: signed %+v for output %q", tc.path, ans, text)
		}
	}
}
