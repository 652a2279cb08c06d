package node

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/api"
	"github.com/gaianet-go/gaianet/config"
)

// TestEmbeddingsBounded checks the limits on /v1/embeddings (issue 13,
// item 11: 400,000 inputs in a 2 MB body took 15 s, returned 324 MB and
// slowed chats to 6 s): too many inputs and too many tokens are refused
// with 400 before any embedding, and requests past the admission's places
// get 429 with Retry-After.
func TestEmbeddingsBounded(t *testing.T) {
	n, srv := testNode(t, nil)

	// 400,000 one-word inputs, as in the report: refused at once.
	inputs := make([]string, 400_000)
	for i := range inputs {
		inputs[i] = "ab"
	}
	body, _ := json.Marshal(map[string]any{"model": "tiny-bert", "input": inputs})
	start := time.Now()
	code, out := post(t, srv.URL+"/v1/embeddings", string(body))
	if code != 400 || !strings.Contains(string(out), "more than the limit of 2048") {
		t.Fatalf("400,000 inputs (%d bytes): %d %s", len(body), code, out)
	}
	t.Logf("400,000 inputs in %d bytes refused in %v with %d bytes", len(body), time.Since(start), len(out))

	// 2,048 inputs pass the count; the token limit refuses them when
	// they add up to more than it.
	n.maxEmbedTokens = 100
	long := strings.Repeat("knowledge ", 60)
	body, _ = json.Marshal(map[string]any{"input": []string{long, long}})
	if code, out := post(t, srv.URL+"/v1/embeddings", string(body)); code != 400 || !strings.Contains(string(out), "more than 100 tokens") {
		t.Fatalf("over the token limit: %d %s", code, out)
	}
	n.maxEmbedTokens = DefaultMaxEmbeddingTokens
	if code, out := post(t, srv.URL+"/v1/embeddings", string(body)); code != 200 {
		t.Fatalf("within the limits: %d %s", code, out)
	}

	// Every place taken (as by slow requests): the next one gets 429.
	for range cap(n.embedAdmit.places) {
		n.embedAdmit.places <- struct{}{}
	}
	resp, err := http.Post(srv.URL+"/v1/embeddings", "application/json", strings.NewReader(`{"input":"hello"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") == "" {
		t.Fatalf("full admission: %d, Retry-After %q", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	for range cap(n.embedAdmit.places) {
		<-n.embedAdmit.places
	}
	if code, out := post(t, srv.URL+"/v1/embeddings", `{"input":"hello"}`); code != 200 {
		t.Fatalf("after the queue drained: %d %s", code, out)
	}
	if u := n.embedAdmit.inUse(); u != 0 {
		t.Fatalf("%d places still held", u)
	}
}

// TestAdmissionQueues checks that admitted requests wait for a slot in
// turn and that a cancelled waiter gives its place back.
func TestAdmissionQueues(t *testing.T) {
	a := newAdmission(1, 1, time.Second)
	release, err := a.acquire(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan error, 1)
	go func() {
		r, err := a.acquire(t.Context())
		if err == nil {
			r()
		}
		got <- err
	}()
	for a.inUse() != 2 { // the waiter holds the queue place
		time.Sleep(time.Millisecond)
	}
	if _, err := a.acquire(t.Context()); err == nil || !strings.Contains(fmt.Sprint(err), "busy") {
		t.Fatalf("third request: %v, want busy", err)
	}
	release()
	if err := <-got; err != nil {
		t.Fatalf("waiter: %v", err)
	}
	if a.inUse() != 0 {
		t.Fatalf("%d places held after release", a.inUse())
	}
}

// TestServerLimitsFromConfig checks that gaianet_go's HTTP settings reach
// the server limits, and that unset ones stay zero (the api defaults).
func TestServerLimitsFromConfig(t *testing.T) {
	n := &Node{cfg: testConfig(t, false, func(c *config.Config) {
		c.Ext.HTTPReadTimeout, c.Ext.HTTPIdleTimeout, c.Ext.MaxConnectionsPerIP = 5, 7, 9
	})}
	got := n.ServerLimits()
	want := api.ServerLimits{BodyTimeout: 5 * time.Second, IdleTimeout: 7 * time.Second, MaxConnectionsPerIP: 9}
	if got != want {
		t.Fatalf("ServerLimits = %+v, want %+v", got, want)
	}
}
