package api

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/attest"
	"github.com/gaianet-go/gaianet/identity"
)

// seededBackend is echoBackend reporting the seed a request asked for.
type seededBackend struct{ echoBackend }

func (b seededBackend) Chat(ctx context.Context, req *ChatRequest, emit func(ChatDelta) error) (*ChatResult, error) {
	res, err := b.echoBackend.Chat(ctx, req, emit)
	if err == nil && req.Seed != nil {
		seed := uint64(*req.Seed)
		res.Seed = &seed
	}
	return res, err
}

// TestSignedAnswers checks that a node with a Signer signs each chat
// answer, as headers or as a stream's trailers, over the request body it
// received, the seed and the answer's text; and signs /v1/info for a
// nonce.
func TestSignedAnswers(t *testing.T) {
	id, err := identity.Create(t.TempDir(), identity.LightScrypt())
	if err != nil {
		t.Fatal(err)
	}
	s := New(Backends{Chat: seededBackend{}, Models: func() []Model { return []Model{{ID: "chat-model"}} },
		Info: func() any { return map[string]string{"node_id": id.Address()} },
		Attest: func() (attest.Info, error) {
			return attest.Info{NodeID: id.Address(), ChatModel: "chat-model", ContextSize: 512}, nil
		},
	}, Options{Signer: id})
	mountAPI(s)
	srv := httptest.NewServer(s)
	defer srv.Close()
	for _, stream := range []bool{false, true} {
		body := `{"seed":7,"messages":[{"role":"user","content":"one two three"}]}`
		if stream {
			body = `{"stream":true,"seed":7,"messages":[{"role":"user","content":"one two three"}]}`
		}
		resp, err := http.Post(srv.URL+"/v1/chat/completions", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		if stream {
			sc := bufio.NewScanner(resp.Body)
			for sc.Scan() {
			}
		} else {
			io.Copy(io.Discard, resp.Body)
		}
		resp.Body.Close()
		h := resp.Header
		if stream {
			h = resp.Trailer
		}
		a, _, err := attest.ReadAnswer(h, id.Address())
		if err != nil {
			t.Fatalf("stream %v: %v (header %v, trailer %v)", stream, err, resp.Header, resp.Trailer)
		}
		want := attest.Answer{Request: attest.Hash([]byte(body)), Seed: 7, Output: attest.Hash([]byte("one two three"))}
		if a != want {
			t.Fatalf("stream %v: signed %+v, want %+v", stream, a, want)
		}
	}

	var info struct {
		NodeID      string             `json:"node_id"`
		Attestation attest.Attestation `json:"attestation"`
	}
	resp, b := do(t, "GET", srv.URL+"/v1/info?nonce=abc", "")
	if resp.StatusCode != 200 {
		t.Fatalf("info: %d %s", resp.StatusCode, b)
	}
	if err := json.Unmarshal(b, &info); err != nil {
		t.Fatal(err)
	}
	got, err := info.Attestation.Verify(id.Address(), "abc", time.Now())
	if err != nil || got.ChatModel != "chat-model" || got.ContextSize != 512 || info.NodeID != id.Address() {
		t.Fatalf("attestation %+v, %v", got, err)
	}
	if _, err := info.Attestation.Verify(id.Address(), "other", time.Now()); err == nil {
		t.Fatal("attestation verified for another nonce")
	}

	// Without a key: /v1/info?nonce=N says so, answers are unsigned.
	plain := newTestServer(t, echoBackend{}, Options{})
	if resp, b := do(t, "GET", plain.URL+"/v1/info?nonce=abc", ""); resp.StatusCode != http.StatusNotImplemented {
		t.Fatalf("unsigned node info: %d %s", resp.StatusCode, b)
	}
	if resp, _ := do(t, "POST", plain.URL+"/v1/chat/completions", `{"seed":1,"messages":[{"role":"user","content":"x"}]}`); resp.Header.Get(attest.HeaderSignature) != "" {
		t.Fatal("a node without a key signed")
	}
}
