package tunnel

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/hashicorp/yamux"

	"github.com/gaianet-go/gaianet/egress"
	"github.com/gaianet-go/gaianet/identity"
)

// TestClientServesAndReconnects runs the domain side of the handshake
// (signature checked, nonce one-shot) in a test server, sends requests
// through the tunnel to the node's handler, breaks the session and waits
// for the client to come back.
func TestClientServesAndReconnects(t *testing.T) {
	id, err := identity.Create(t.TempDir(), identity.LightScrypt())
	if err != nil {
		t.Fatal(err)
	}
	issued := map[string]Challenge{}
	sessions := make(chan *yamux.Session, 4)
	var joins atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+ChallengePath, func(w http.ResponseWriter, r *http.Request) {
		c := Challenge{Domain: "t.domain", Nonce: fmt.Sprint(time.Now().UnixNano()), Expires: time.Now().Add(time.Minute).Unix()}
		issued[c.Nonce] = c
		json.NewEncoder(w).Encode(c)
	})
	mux.HandleFunc("GET "+TunnelPath, func(w http.ResponseWriter, r *http.Request) {
		c, ok := issued[r.Header.Get(HeaderNonce)]
		delete(issued, c.Nonce)
		sig, _ := identity.ParseSignature(r.Header.Get(HeaderSignature))
		if !ok || identity.Verify(r.Header.Get(HeaderNode), JoinMessage(c, r.Header.Get(HeaderNode)), sig) != nil {
			http.Error(w, `{"error":{"message":"no"}}`, http.StatusUnauthorized)
			return
		}
		sess, err := Accept(w, r, Config{KeepAlive: time.Second})
		if err != nil {
			return
		}
		joins.Add(1)
		sessions <- sess
		<-sess.CloseChan()
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	defer srv.CloseClientConnections()

	node := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "node says %s %s", r.Method, r.URL.Path)
	})
	states := make(chan string, 8)
	c := &Client{URL: srv.URL + "/", Key: id, Handler: node, Egress: loopback, MinBackoff: 10 * time.Millisecond, MaxBackoff: 50 * time.Millisecond,
		OnState: func(s string, err error) { states <- s }}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- c.Run(ctx) }()

	get := func(sess *yamux.Session) string {
		hc := &http.Client{Transport: &http.Transport{DialContext: Dialer(sess)}}
		resp, err := hc.Get("http://node/v1/models")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	for round := 0; round < 2; round++ {
		var sess *yamux.Session
		select {
		case sess = <-sessions:
		case <-time.After(10 * time.Second):
			t.Fatalf("round %d: the node never joined", round)
		}
		if s := <-states; s != "connected" {
			t.Fatalf("state %s", s)
		}
		if got := get(sess); got != "node says GET /v1/models" {
			t.Fatalf("through the tunnel: %q", got)
		}
		sess.Close() // the domain drops the node; it must come back
		if s := <-states; s != "disconnected" {
			t.Fatalf("state %s", s)
		}
	}
	cancel()
	if err := <-done; err != context.Canceled {
		t.Fatalf("Run returned %v", err)
	}
	if joins.Load() < 2 {
		t.Fatalf("%d joins", joins.Load())
	}
}

// loopback allows the test servers' address, which egress refuses by
// default.
var loopback, _ = egress.NewPolicy("127.0.0.1")

// TestClientDialsThroughEgress: without an allow-list entry the client
// does not even reach a domain on a loopback address.
func TestClientDialsThroughEgress(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	defer srv.Close()
	id, _ := identity.Create(t.TempDir(), identity.LightScrypt())
	err := (&Client{URL: srv.URL, Key: id, Handler: http.NotFoundHandler()}).Once(context.Background())
	if !errors.Is(err, egress.ErrBlocked) || hits.Load() != 0 {
		t.Fatalf("Once = %v, %d requests reached the server", err, hits.Load())
	}
}

func TestClientRefused(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == ChallengePath {
			json.NewEncoder(w).Encode(Challenge{Domain: "d", Nonce: "n", Expires: time.Now().Unix() + 60})
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusForbidden)
		io.WriteString(w, `{"error":{"message":"waits for approval"}}`)
	}))
	defer srv.Close()
	id, _ := identity.Create(t.TempDir(), identity.LightScrypt())
	c := &Client{URL: srv.URL, Key: id, Handler: http.NotFoundHandler(), Egress: loopback}
	err := c.Once(context.Background())
	if re, ok := err.(*RefusedError); !ok || re.Status != 403 || !strings.Contains(re.Message, "approval") {
		t.Fatalf("Once = %v", err)
	}
	for _, bad := range []string{"ftp://x", "http://", "127.0.0.1:9"} {
		if err := (&Client{URL: bad, Key: id}).Once(context.Background()); err == nil || !strings.Contains(err.Error(), "want http") {
			t.Errorf("URL %q: %v", bad, err)
		}
	}
}

// TestSessionCloseIsPrompt: closing a session whose peer does not answer
// the WebSocket close handshake (a node killed, a network gone) ends it
// and its streams at once. It used to wait for the handshake's 5 s
// timeout while every stream waiting in Read spun on the closed session.
func TestSessionCloseIsPrompt(t *testing.T) {
	sessions := make(chan *yamux.Session, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sess, err := Accept(w, r, Config{})
		if err != nil {
			t.Error(err)
			return
		}
		sessions <- sess
		<-sess.CloseChan()
	}))
	defer srv.Close()
	defer srv.CloseClientConnections()
	// The peer upgrades and then never reads: no close frame comes back.
	peer, _, err := websocket.Dial(context.Background(), "ws"+strings.TrimPrefix(srv.URL, "http"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer peer.CloseNow()
	sess := <-sessions
	readers := make(chan error, 16)
	for range cap(readers) {
		s, err := sess.Open()
		if err != nil {
			t.Fatal(err)
		}
		go func() { _, err := s.Read(make([]byte, 1)); readers <- err }()
	}
	start := time.Now()
	sess.Close()
	for range cap(readers) {
		if err := <-readers; err == nil {
			t.Fatal("a stream read data nobody sent")
		}
	}
	if d := time.Since(start); d > 4*time.Second {
		t.Fatalf("closing the session took %v (the close handshake's timeout is 5 s)", d)
	}
}

// waits records the "in" attribute of the client's reconnect logs: the
// wait before each redial.
type waits struct {
	mu sync.Mutex
	d  []time.Duration
}

func (w *waits) Enabled(context.Context, slog.Level) bool { return true }
func (w *waits) WithAttrs([]slog.Attr) slog.Handler       { return w }
func (w *waits) WithGroup(string) slog.Handler            { return w }
func (w *waits) Handle(_ context.Context, r slog.Record) error {
	r.Attrs(func(a slog.Attr) bool {
		if a.Key == "in" {
			w.mu.Lock()
			w.d = append(w.d, a.Value.Duration())
			w.mu.Unlock()
		}
		return true
	})
	return nil
}

func (w *waits) get() []time.Duration {
	w.mu.Lock()
	defer w.mu.Unlock()
	return slices.Clone(w.d)
}

// TestClientBackoff: a tunnel the domain ends as soon as it is up (a node
// it refuses after checking what it serves) does not reset the backoff,
// which grows to MaxBackoff (it used to start over at MinBackoff after
// every such session, so a refused node redialed every MinBackoff and used
// up its address's join-challenge budget); and a refusal with Retry-After
// waits that long.
func TestClientBackoff(t *testing.T) {
	id, err := identity.Create(t.TempDir(), identity.LightScrypt())
	if err != nil {
		t.Fatal(err)
	}
	var limited atomic.Bool
	var joins atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+ChallengePath, func(w http.ResponseWriter, r *http.Request) {
		if limited.Load() {
			w.Header().Set("Retry-After", "1")
			http.Error(w, `{"error":{"message":"too many join challenges"}}`, http.StatusTooManyRequests)
			return
		}
		json.NewEncoder(w).Encode(Challenge{Domain: "d", Nonce: fmt.Sprint(time.Now().UnixNano()), Expires: time.Now().Unix() + 60})
	})
	mux.HandleFunc("GET "+TunnelPath, func(w http.ResponseWriter, r *http.Request) {
		sess, err := Accept(w, r, Config{})
		if err != nil {
			return
		}
		joins.Add(1)
		sess.Close() // refused after the join
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	defer srv.CloseClientConnections()

	const minB, maxB = 10 * time.Millisecond, 200 * time.Millisecond
	run := func(t *testing.T, until func(*waits) bool) []time.Duration {
		w := &waits{}
		c := &Client{URL: srv.URL, Key: id, Handler: http.NotFoundHandler(), Egress: loopback,
			MinBackoff: minB, MaxBackoff: maxB, Log: slog.New(w)}
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- c.Run(ctx) }()
		deadline := time.Now().Add(time.Minute)
		for !until(w) {
			if time.Now().After(deadline) {
				t.Fatalf("waits so far: %v", w.get())
			}
			time.Sleep(5 * time.Millisecond)
		}
		cancel()
		<-done
		return w.get()
	}
	t.Run("short sessions", func(t *testing.T) {
		got := run(t, func(w *waits) bool { return len(w.get()) >= 7 })
		// Backoff 10, 20, 40, 80, 160, 200, 200 ms; each wait is in
		// [backoff/2, backoff].
		for i, d := range got[5:7] {
			if d < maxB/2 {
				t.Fatalf("wait %d after a session the domain ended at once: %v (all: %v); want ≥ %v", i+5, d, got, maxB/2)
			}
		}
		if joins.Load() < 7 {
			t.Fatalf("%d joins for %d waits", joins.Load(), len(got))
		}
	})
	t.Run("retry after", func(t *testing.T) {
		limited.Store(true)
		got := run(t, func(w *waits) bool { return len(w.get()) >= 1 })
		if got[0] < time.Second {
			t.Fatalf("waited %v after a 429 with Retry-After: 1", got[0])
		}
		c := &Client{URL: srv.URL, Key: id, Handler: http.NotFoundHandler(), Egress: loopback}
		var re *RefusedError
		if err := c.Once(context.Background()); !errors.As(err, &re) || re.Status != 429 || re.RetryAfter != time.Second {
			t.Fatalf("Once = %v", err)
		}
	})
}
