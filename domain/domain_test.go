package domain

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/attest"
	"github.com/gaianet-go/gaianet/domain/ledger"
	"github.com/gaianet-go/gaianet/domain/store"
	"github.com/gaianet-go/gaianet/domain/store/storetest"
	"github.com/gaianet-go/gaianet/egress"
	"github.com/gaianet-go/gaianet/identity"
	"github.com/gaianet-go/gaianet/tunnel"
)

// stubNode is an OpenAI-compatible node answering instantly with fixed
// token counts, with switches to fail. The real node runs in the
// end-to-end tests; this one lets the tests break it on purpose.
type stubNode struct {
	addr       string
	model      string
	failBefore atomic.Bool  // answer 503 to generations
	failMid    atomic.Bool  // abort streams after the first chunk
	failProbe  atomic.Bool  // answer 500 to /v1/models
	served     atomic.Int64 // generations answered
	sawAuth    atomic.Bool  // a request arrived with an Authorization header
	reply      atomic.Value // string: the answer's text; default "hi from ADDRESS"
	vary       atomic.Bool  // append a count to each answer (a node that cannot repeat itself)
	answered   atomic.Int64 // answers given, for vary
	// id signs /v1/info?nonce=N and the answers, as the real node does;
	// info, when set, edits the facts before they are signed (a node
	// misstating what it serves), and infoSigner replaces id as their
	// signer (a forgery).
	id         *identity.Identity
	info       atomic.Pointer[func(*attest.Info)]
	infoSigner *identity.Identity
}

const stubIn, stubOut = 12, 5

func (n *stubNode) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") != "" {
		n.sawAuth.Store(true)
	}
	switch r.URL.Path {
	case "/v1/models":
		if n.failProbe.Load() {
			http.Error(w, "broken", http.StatusInternalServerError)
			return
		}
		json.NewEncoder(w).Encode(map[string]any{"object": "list", "data": []map[string]any{{"id": n.model, "object": "model"}}})
	case "/v1/info":
		body := map[string]any{"node_id": n.addr, "chat": map[string]any{"name": n.model, "ctx_size": 4096}}
		if nonce := r.URL.Query().Get("nonce"); nonce != "" && n.id != nil {
			facts := attest.Info{NodeID: n.addr, ChatModel: n.model, ContextSize: 4096, Nonce: nonce, Time: time.Now().Unix()}
			if edit := n.info.Load(); edit != nil {
				(*edit)(&facts)
			}
			signer := n.id
			if n.infoSigner != nil {
				signer = n.infoSigner
			}
			att, err := facts.Sign(signer)
			if err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			body["attestation"] = att
		}
		json.NewEncoder(w).Encode(body)
	case "/v1/chat/completions", "/v1/completions":
		completion := r.URL.Path == "/v1/completions"
		if n.failBefore.Load() {
			http.Error(w, `{"error":{"message":"down"}}`, http.StatusServiceUnavailable)
			return
		}
		var req struct {
			Stream        bool `json:"stream"`
			StreamOptions *struct {
				IncludeUsage bool `json:"include_usage"`
			} `json:"stream_options"`
			Seed *int64 `json:"seed"`
		}
		raw, _ := io.ReadAll(r.Body)
		json.Unmarshal(raw, &req)
		n.served.Add(1)
		reply, _ := n.reply.Load().(string)
		if reply == "" {
			reply = "hi from " + n.addr
		}
		if k := n.answered.Add(1); n.vary.Load() {
			reply += fmt.Sprint(" #", k)
		}
		var seed uint64
		if req.Seed != nil {
			seed = uint64(*req.Seed)
		}
		sign := func(h http.Header, output string) {
			if n.id == nil {
				return
			}
			a := attest.Answer{Request: attest.Hash(raw), Seed: seed, Output: attest.Hash([]byte(output))}
			sig, _ := a.Sign(n.id)
			h.Set(attest.HeaderSeed, fmt.Sprint(seed))
			h.Set(attest.HeaderRequest, a.Request)
			h.Set(attest.HeaderOutput, a.Output)
			h.Set(attest.HeaderSignature, sig)
		}
		usage := map[string]any{"prompt_tokens": stubIn, "completion_tokens": stubOut, "total_tokens": stubIn + stubOut}
		if !req.Stream {
			w.Header().Set("Content-Type", "application/json")
			sign(w.Header(), reply)
			choice := map[string]any{"index": 0, "message": map[string]any{"role": "assistant", "content": reply}, "finish_reason": "stop"}
			if completion {
				choice = map[string]any{"index": 0, "text": reply, "finish_reason": "stop"}
			}
			json.NewEncoder(w).Encode(map[string]any{"id": "c1", "object": "chat.completion", "model": n.model,
				"choices": []map[string]any{choice}, "usage": usage})
			return
		}
		w.Header().Set("Content-Type", "text/event-stream")
		w.Header().Set("Trailer", attest.HeaderSeed+", "+attest.HeaderRequest+", "+attest.HeaderOutput+", "+attest.HeaderSignature)
		fl := w.(http.Flusher)
		var out strings.Builder
		for i := 0; i < stubOut; i++ {
			piece := fmt.Sprintf("t%d ", i)
			if r, _ := n.reply.Load().(string); i == 0 && (r != "" || n.vary.Load()) {
				piece = reply + " "
			}
			out.WriteString(piece)
			choice := map[string]any{"index": 0, "delta": map[string]any{"content": piece}}
			if completion {
				choice = map[string]any{"index": 0, "text": piece}
			}
			b, _ := json.Marshal(map[string]any{"id": "c1", "object": "chat.completion.chunk", "model": n.model,
				"choices": []map[string]any{choice}})
			fmt.Fprintf(w, "data: %s\n\n", b)
			fl.Flush()
			if i == 0 && n.failMid.Load() {
				panic(http.ErrAbortHandler)
			}
		}
		if req.StreamOptions != nil && req.StreamOptions.IncludeUsage {
			b, _ := json.Marshal(map[string]any{"id": "c1", "object": "chat.completion.chunk", "model": n.model, "choices": []any{}, "usage": usage})
			fmt.Fprintf(w, "data: %s\n\n", b)
		}
		sign(w.Header(), out.String())
		fmt.Fprint(w, "data: [DONE]\n\n")
	default:
		http.NotFound(w, r)
	}
}

type harness struct {
	t     testing.TB
	cfg   Config
	st    *store.Store
	srv   *Server
	http  *httptest.Server
	key   string
	user  string
	ctx   context.Context
	nodes []*stubNode
}

func newHarness(t testing.TB, storage string, mutate func(*Config)) *harness {
	t.Helper()
	cfg := Default("test.domain", "127.0.0.1:1")
	cfg.Storage = storage
	cfg.Prices = ledger.Prices{InputPerMillion: ledger.PerDollar, OutputPerMillion: 2 * ledger.PerDollar, PerRequest: 3}
	// Probes time out after 5 s, not 1: on a loaded 2-core machine (CI) a
	// probe's round trips can take over a second, and two such probes in a
	// row would take a node out of rotation in the middle of a test.
	cfg.Monitor = Monitor{Interval: Duration(50 * time.Millisecond), Timeout: Duration(5 * time.Second), MaxFailures: 2}
	// Every test node dials from 127.0.0.1, so they share one bucket of
	// the per-address join-challenge limit (30 a minute, burst 10 by
	// default). A refused node redialing every 20-100 ms used it up, and a
	// node the test waited for then lost the race for each new token for
	// seconds (TestPolicies/requirements failed that way, 3 runs in 60
	// under load). Tests of that limit set their own.
	cfg.ChallengeRate = RateLimit{PerMinute: 60_000, Burst: 1000}
	if mutate != nil {
		mutate(&cfg)
	}
	st := storetest.Open(t, storage)
	srv, err := New(cfg, Options{Store: st, AdminKey: "gdadmin-test", Journal: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(func() { cancel(); hs.CloseClientConnections(); srv.Close(); hs.Close() })
	h := &harness{t: t, cfg: cfg, st: st, srv: srv, http: hs, ctx: ctx}
	u, key, err := st.AddUser(ctx, "alice")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Deposit(ctx, "init", u.ID, 10*ledger.PerDollar); err != nil {
		t.Fatal(err)
	}
	h.key, h.user = key, u.ID
	return h
}

// replica starts another gateway, named name, on h's database (with
// opt's other fields), sharing h's user.
func (h *harness) replica(name string, opt Options) *harness {
	h.t.Helper()
	st := storetest.Open(h.t, h.cfg.Storage)
	opt.Store, opt.Replica, opt.Journal = st, name, h.t.TempDir()
	srv, err := New(h.cfg, opt)
	if err != nil {
		h.t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	h.t.Cleanup(func() { hs.CloseClientConnections(); srv.Close(); hs.Close() })
	return &harness{t: h.t, cfg: h.cfg, st: st, srv: srv, http: hs, ctx: h.ctx, key: h.key, user: h.user}
}

// loopback is the egress policy test nodes dial their domain through: the
// test servers listen on 127.0.0.1, which only an explicit entry allows.
var loopback, _ = egress.NewPolicy("127.0.0.0/8")

var testKeys sync.Map // test identities are slow-ish to make; reuse per index

func testKey(t testing.TB, i int) *identity.Identity {
	t.Helper()
	if v, ok := testKeys.Load(i); ok {
		return v.(*identity.Identity)
	}
	id, err := identity.Create(t.TempDir(), identity.LightScrypt())
	if err != nil {
		t.Fatal(err)
	}
	testKeys.Store(i, id)
	return id
}

// join starts a stub node with key i and returns it with its client's
// state channel.
func (h *harness) join(i int, model string) (*stubNode, chan string) {
	h.t.Helper()
	return h.joinWith(i, model, nil)
}

// joinWith is join with setup applied to the stub before it connects.
func (h *harness) joinWith(i int, model string, setup func(*stubNode)) (*stubNode, chan string) {
	h.t.Helper()
	id := testKey(h.t, i)
	n := &stubNode{addr: id.Address(), model: model, id: id}
	if setup != nil {
		setup(n)
	}
	states := make(chan string, 64)
	c := &tunnel.Client{URL: h.http.URL, Key: id, Handler: n, Egress: loopback, MinBackoff: 20 * time.Millisecond, MaxBackoff: 100 * time.Millisecond,
		OnState: func(s string, err error) {
			select {
			case states <- s:
			default:
			}
		}}
	go c.Run(h.ctx)
	h.nodes = append(h.nodes, n)
	return n, states
}

// waitState waits for a node's client to report state (states from join).
func waitState(t *testing.T, states chan string, state string) {
	t.Helper()
	timeout := time.After(time.Minute)
	for {
		select {
		case s := <-states:
			if s == state {
				return
			}
		case <-timeout:
			t.Fatalf("the node never reached state %q", state)
		}
	}
}

// patience is how long the harness's waits for a condition last before
// they fail the test: they return as soon as it holds, so this costs a
// passing test nothing, and a loaded CI machine needs the margin.
const patience = 30 * time.Second

// waitHealthy waits until n healthy nodes are in rotation.
func (h *harness) waitHealthy(n int) {
	h.t.Helper()
	deadline := time.Now().Add(patience)
	for time.Now().Before(deadline) {
		c := 0
		for _, m := range h.srv.pool.all() {
			if m.healthy.Load() {
				c++
			}
		}
		if c == n {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	h.t.Fatalf("%d healthy nodes never appeared", n)
}

func (h *harness) post(path, key, body string) *http.Response {
	h.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, h.http.URL+path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	return resp
}

func (h *harness) balance() ledger.Micros {
	b, err := h.st.Balance(context.Background(), ledger.UserAccount(h.user))
	if err != nil {
		h.t.Fatal(err)
	}
	return b
}

// get sends GET path with key as Bearer (none when "").
func (h *harness) get(path, key string) *http.Response {
	h.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, h.http.URL+path, nil)
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	return resp
}

// drained waits until every journaled charge is posted.
func (h *harness) drained() {
	h.t.Helper()
	deadline := time.Now().Add(patience)
	for h.srv.journal.Pending() > 0 {
		if time.Now().After(deadline) {
			h.t.Fatalf("%d charges still not posted after %v", h.srv.journal.Pending(), patience)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// waitBalance waits for the asynchronous end of billing (posting happens
// after the answer's last byte).
func (h *harness) waitBalance(want ledger.Micros) {
	h.t.Helper()
	deadline := time.Now().Add(patience)
	for h.balance() != want && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if got := h.balance(); got != want {
		h.t.Fatalf("balance %s, want %s", got, want)
	}
}

// stubCost is what one stub generation costs at the harness prices:
// 3 + ceil(12*1 + 5*2) = 25 micro-dollars.
const stubCost = 3 + stubIn*1 + stubOut*2

func readSSE(t *testing.T, r io.Reader) (events []string) {
	t.Helper()
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		if d, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
			events = append(events, d)
		}
	}
	return events
}

func TestProxyBillsAndHidesKey(t *testing.T) {
	for name, storage := range storetest.Storages(t) {
		t.Run(name, func(t *testing.T) {
			h := newHarness(t, storage, nil)
			n, _ := h.join(0, "m1")
			h.waitHealthy(1)
			start := h.balance()

			resp := h.post("/v1/chat/completions", h.key, `{"model":"m1","messages":[{"role":"user","content":"hi"}]}`)
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 || !strings.Contains(string(body), "hi from "+n.addr) || resp.Header.Get("X-Request-Id") == "" {
				t.Fatalf("HTTP %d %s", resp.StatusCode, body)
			}
			h.waitBalance(start - stubCost)

			// Streamed without include_usage: no usage chunk reaches the
			// user, but the request is billed from it.
			resp = h.post("/v1/chat/completions", h.key, `{"model":"m1","stream":true,"messages":[{"role":"user","content":"hi"}]}`)
			ev := readSSE(t, resp.Body)
			resp.Body.Close()
			if len(ev) != stubOut+1 || ev[len(ev)-1] != "[DONE]" {
				t.Fatalf("events %q", ev)
			}
			for _, e := range ev {
				if strings.Contains(e, "usage") {
					t.Fatalf("usage chunk leaked to a user who did not ask: %s", e)
				}
			}
			h.waitBalance(start - 2*stubCost)

			// Streamed with include_usage: the user gets it.
			resp = h.post("/v1/chat/completions", h.key, `{"model":"m1","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"hi"}]}`)
			ev = readSSE(t, resp.Body)
			resp.Body.Close()
			if len(ev) != stubOut+2 || !strings.Contains(ev[len(ev)-2], `"completion_tokens":5`) {
				t.Fatalf("events %q", ev)
			}
			h.waitBalance(start - 3*stubCost)

			if n.sawAuth.Load() {
				t.Fatal("the node received an Authorization header")
			}

			// Per-node address, by path and by Host.
			resp = h.post("/"+strings.ToLower(n.addr)+"/v1/chat/completions", h.key, `{"messages":[]}`)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				t.Fatalf("per-node path: HTTP %d", resp.StatusCode)
			}
			req, _ := http.NewRequest(http.MethodPost, h.http.URL+"/v1/chat/completions", strings.NewReader(`{}`))
			req.Host = n.addr + ".test.domain"
			req.Header.Set("Authorization", "Bearer "+h.key)
			resp, err := http.DefaultClient.Do(req)
			if err != nil || resp.StatusCode != 200 {
				t.Fatalf("per-node Host: %v %v", err, resp)
			}
			resp.Body.Close()
			h.waitBalance(start - 5*stubCost)

			// Ledger: the user's loss is exactly the others' gain.
			accts, _ := h.st.Accounts(context.Background())
			var sum ledger.Micros
			for _, a := range accts {
				sum += a.Balance
			}
			nodeEarned, _ := h.st.Balance(context.Background(), ledger.NodeAccount(n.addr))
			if sum != 0 || nodeEarned != 5*(stubCost*7000/10000) {
				t.Fatalf("balances sum %s, node earned %s", sum, nodeEarned)
			}

			// Models, aggregated.
			req, _ = http.NewRequest(http.MethodGet, h.http.URL+"/v1/models", nil)
			req.Header.Set("Authorization", "Bearer "+h.key)
			resp, _ = http.DefaultClient.Do(req)
			body, _ = io.ReadAll(resp.Body)
			resp.Body.Close()
			if !strings.Contains(string(body), `"id":"m1"`) {
				t.Fatalf("models: %s", body)
			}
		})
	}
}

func TestAuthAnd402(t *testing.T) {
	h := newHarness(t, "", func(c *Config) { c.Prices.PerRequest = 4 * ledger.PerDollar })
	h.join(0, "m1")
	h.waitHealthy(1)
	for _, tc := range []struct {
		key  string
		want int
	}{{"", 401}, {"gd-wrong", 401}} {
		resp := h.post("/v1/chat/completions", tc.key, `{}`)
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.want || !strings.Contains(string(b), `"error"`) {
			t.Fatalf("key %q: HTTP %d %s", tc.key, resp.StatusCode, b)
		}
	}
	// $10 of credit at $4 + tokens a request: 2 requests pass; the third
	// would overdraw (its estimate exceeds the $1.99... left), so it and
	// the fourth are refused with 402.
	codes := []int{}
	for i := 0; i < 4; i++ {
		resp := h.post("/v1/chat/completions", h.key, `{"messages":[]}`)
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		codes = append(codes, resp.StatusCode)
		if resp.StatusCode == 402 {
			var e struct {
				Error struct{ Type, Code, Message string }
			}
			if json.Unmarshal(b, &e) != nil || e.Error.Code != "insufficient_quota" {
				t.Fatalf("402 body %s", b)
			}
		}
		time.Sleep(20 * time.Millisecond) // billing lands after the answer
	}
	if fmt.Sprint(codes) != "[200 200 402 402]" {
		t.Fatalf("codes %v", codes)
	}
	if h.drained(); h.balance() < 0 {
		t.Fatalf("balance %s: overdrawn", h.balance())
	}
}

// TestConcurrentRequestsCannotOverdraw: 60 concurrent requests of one user
// whose credit covers exactly 7 of them (each holds its estimate while in
// flight): 7 are answered, the rest get 402, and the balance ends at 0,
// never below, on each store.
func TestConcurrentRequestsCannotOverdraw(t *testing.T) {
	for name, storage := range storetest.Storages(t) {
		t.Run(name, func(t *testing.T) {
			// Only a per-request price: the estimate equals the charge.
			const price = 1000
			h := newHarness(t, storage, func(c *Config) { c.Prices = ledger.Prices{PerRequest: price} })
			h.join(0, "m1")
			h.waitHealthy(1)
			// Spend the harness's $10 down to 7 requests' worth.
			u, key, err := h.st.AddUser(h.ctx, "poor")
			if err != nil {
				t.Fatal(err)
			}
			if _, err := h.st.Deposit(h.ctx, "poor", u.ID, 7*price); err != nil {
				t.Fatal(err)
			}
			ok, refused := burst(t, 60, key, func(int) *harness { return h })
			h.drained()
			bal, err := h.st.Balance(h.ctx, ledger.UserAccount(u.ID))
			if err != nil {
				t.Fatal(err)
			}
			if ok != 7 || refused != 53 || bal != 0 {
				t.Fatalf("%d answered, %d refused, balance %s; want 7, 53, 0", ok, refused, bal)
			}
			if err := h.st.Check(h.ctx); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestJoinRefusesForgedAndReplayed(t *testing.T) {
	h := newHarness(t, "", nil)
	id, other := testKey(t, 0), testKey(t, 1)
	challenge := func() tunnel.Challenge {
		resp, err := http.Get(h.http.URL + tunnel.ChallengePath)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var c tunnel.Challenge
		json.NewDecoder(resp.Body).Decode(&c)
		return c
	}
	try := func(addr string, c tunnel.Challenge, signer *identity.Identity) (int, string) {
		sig, _ := signer.Sign(tunnel.JoinMessage(c, addr))
		return joinAttempt(t, h.http.URL, addr, c.Nonce, sig)
	}
	// Forged: signed by another key.
	if code, body := try(id.Address(), challenge(), other); code != 401 || !strings.Contains(body, "bad_signature") {
		t.Fatalf("forged: %d %s", code, body)
	}
	// A valid signature (the upgrade is refused only because this is not
	// a WebSocket request: the admission passed), then its replay.
	c := challenge()
	if code, body := try(id.Address(), c, id); code == 401 || code == 403 {
		t.Fatalf("valid join refused: %d %s", code, body)
	}
	if code, body := try(id.Address(), c, id); code != 401 || !strings.Contains(body, "bad_nonce") {
		t.Fatalf("replay: %d %s", code, body)
	}
	// A signature for another domain's challenge.
	c = challenge()
	c2 := c
	c2.Domain = "other.domain"
	if code, _ := try(id.Address(), c2, id); code != 401 {
		t.Fatalf("cross-domain signature: %d", code)
	}
}

func TestPolicies(t *testing.T) {
	allowed := testKey(t, 0).Address()
	t.Run("allow", func(t *testing.T) {
		h := newHarness(t, "", func(c *Config) { c.Policy = PolicyAllow; c.Allow = []string{strings.ToLower(allowed)} })
		_, states := h.join(1, "m1") // not on the list
		if s := <-states; s != "refused" {
			t.Fatalf("state %s", s)
		}
		h.join(0, "m1")
		h.waitHealthy(1)
	})
	t.Run("deny", func(t *testing.T) {
		h := newHarness(t, "", func(c *Config) { c.Deny = []string{allowed} })
		_, states := h.join(0, "m1")
		if s := <-states; s != "refused" {
			t.Fatalf("state %s", s)
		}
	})
	t.Run("approve", func(t *testing.T) {
		h := newHarness(t, "", func(c *Config) { c.Policy = PolicyApprove })
		_, states := h.join(0, "m1")
		if s := <-states; s != "refused" {
			t.Fatalf("state %s", s)
		}
		n, err := h.st.NodeByAddress(context.Background(), allowed)
		if err != nil || n.Status != store.StatusPending {
			t.Fatalf("node %+v, %v", n, err)
		}
		if err := h.st.SetNodeStatus(context.Background(), allowed, store.StatusAdmitted); err != nil {
			t.Fatal(err)
		}
		h.waitHealthy(1)
		// Evicting disconnects it at the next check and keeps it out.
		h.st.SetNodeStatus(context.Background(), allowed, store.StatusEvicted)
		h.waitHealthy(0)
	})
	t.Run("requirements", func(t *testing.T) {
		h := newHarness(t, "", func(c *Config) { c.Requirements.ChatModel = "big-model" })
		_, states := h.join(0, "small-model")
		// The domain checks a node before it enters the pool, and
		// disconnects it when it falls short: wait for that, not for a
		// while.
		waitState(t, states, "connected")
		waitState(t, states, "disconnected")
		if len(h.srv.pool.all()) != 0 {
			t.Fatal("a node without the required model was admitted")
		}
		h.join(1, "big-model")
		h.waitHealthy(1)
		for _, m := range h.srv.pool.all() {
			if !strings.EqualFold(m.addr, testKey(t, 1).Address()) {
				t.Fatalf("node %s is in the pool", m.addr)
			}
		}
	})
}

func TestRetryAndMidStreamFailure(t *testing.T) {
	h := newHarness(t, "", nil)
	a, _ := h.join(0, "m1")
	b, _ := h.join(1, "m1")
	h.waitHealthy(2)
	a.failBefore.Store(true)
	start := h.balance()
	for i := 0; i < 20; i++ {
		resp := h.post("/v1/chat/completions", h.key, `{"model":"m1","messages":[]}`)
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("request %d: HTTP %d despite a healthy node", i, resp.StatusCode)
		}
	}
	if b.served.Load() != 20 {
		t.Fatalf("node b served %d of 20", b.served.Load())
	}
	h.waitBalance(start - 20*stubCost)

	// Both nodes fail before the first byte: a clean 503, no charge.
	b.failBefore.Store(true)
	resp := h.post("/v1/chat/completions", h.key, `{"model":"m1","messages":[]}`)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 503 || !strings.Contains(string(body), `"error"`) {
		t.Fatalf("all failing: HTTP %d %s", resp.StatusCode, body)
	}

	// Mid-stream: the user sees the first chunk, then an error event, and
	// is not billed.
	a.failBefore.Store(false)
	b.failBefore.Store(false)
	a.failMid.Store(true)
	b.failMid.Store(true)
	resp = h.post("/v1/chat/completions", h.key, `{"model":"m1","stream":true,"messages":[]}`)
	ev := readSSE(t, resp.Body)
	resp.Body.Close()
	if len(ev) != 2 || !strings.Contains(ev[0], "t0") || !strings.Contains(ev[1], `"error"`) {
		t.Fatalf("mid-stream events %q", ev)
	}
	time.Sleep(50 * time.Millisecond)
	h.waitBalance(start - 20*stubCost)
}

func TestMonitorRotation(t *testing.T) {
	h := newHarness(t, "", nil)
	n, _ := h.join(0, "m1")
	h.waitHealthy(1)
	n.failProbe.Store(true)
	h.waitHealthy(0)
	deadline := time.Now().Add(patience)
	for {
		st, _ := h.st.NodeByAddress(context.Background(), n.addr)
		if st.Health == store.Unhealthy {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("stored health %s", st.Health)
		}
		time.Sleep(10 * time.Millisecond)
	}
	resp := h.post("/v1/chat/completions", h.key, `{"messages":[]}`)
	resp.Body.Close()
	if resp.StatusCode != 503 {
		t.Fatalf("with no healthy node: HTTP %d", resp.StatusCode)
	}
	n.failProbe.Store(false)
	h.waitHealthy(1)
	mresp := h.get("/metrics", "gdadmin-test")
	mb, _ := io.ReadAll(mresp.Body)
	mresp.Body.Close()
	for _, want := range []string{`gaianet_domain_node_healthy{node="` + n.addr + `"} 1`, `gaianet_domain_node_probe_failures_total{node="` + n.addr + `"}`} {
		if !strings.Contains(string(mb), want) {
			t.Fatalf("/metrics lacks %s", want)
		}
	}
}

func TestAdminAPI(t *testing.T) {
	h := newHarness(t, "", func(c *Config) { c.Policy = PolicyApprove })
	_, states := h.join(0, "m1")
	<-states // refused: pending
	addr := testKey(t, 0).Address()
	call := func(method, path, key string) (int, string) {
		req, _ := http.NewRequest(method, h.http.URL+path, nil)
		if key != "" {
			req.Header.Set("Authorization", "Bearer "+key)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return resp.StatusCode, string(b)
	}
	for _, key := range []string{"", h.key, "gdadmin-wrong"} {
		if code, _ := call("GET", "/_domain/admin/nodes", key); code != 401 {
			t.Fatalf("admin API with key %q: %d", key, code)
		}
	}
	if code, body := call("GET", "/_domain/admin/nodes", "gdadmin-test"); code != 200 || !strings.Contains(body, `"status":"pending"`) {
		t.Fatalf("nodes: %d %s", code, body)
	}
	if code, body := call("POST", "/_domain/admin/nodes/"+strings.ToLower(addr)+"/approve", "gdadmin-test"); code != 200 || !strings.Contains(body, addr) {
		t.Fatalf("approve: %d %s", code, body)
	}
	h.waitHealthy(1)
	if code, body := call("GET", "/_domain/admin/nodes", "gdadmin-test"); code != 200 || !strings.Contains(body, `"in_rotation":true`) {
		t.Fatalf("nodes: %d %s", code, body)
	}
	if code, _ := call("POST", "/_domain/admin/nodes/0x12/approve", "gdadmin-test"); code != 400 {
		t.Fatalf("bad address: %d", code)
	}
	if code, body := call("GET", "/_domain/admin/users", "gdadmin-test"); code != 200 || !strings.Contains(body, `"balance":10`) {
		t.Fatalf("users: %d %s", code, body)
	}
	if _, err := h.st.BindWallet(h.ctx, h.user, "0x00000000000000000000000000000000000000aA"); err != nil {
		t.Fatal(err)
	}
	if code, body := call("GET", "/_domain/admin/wallets", "gdadmin-test"); code != 200 ||
		!strings.Contains(body, `"address":"0x00000000000000000000000000000000000000aA","user":"`+h.user+`"`) {
		t.Fatalf("wallets: %d %s", code, body)
	}
	if code, _ := call("GET", "/_domain/admin/wallets", h.key); code != 401 {
		t.Fatalf("wallets with a user key: %d", code)
	}
	if code, body := call("GET", "/_domain/admin/ledger", "gdadmin-test"); code != 200 || !strings.Contains(body, `"deposited":10`) {
		t.Fatalf("ledger: %d %s", code, body)
	}
	if code, _ := call("POST", "/_domain/admin/nodes/"+addr+"/evict", "gdadmin-test"); code != 200 {
		t.Fatalf("evict: %d", code)
	}
	h.waitHealthy(0)
}

func TestCanaryEvictsTheOddNode(t *testing.T) {
	h := newHarness(t, "", nil)
	var ns []*stubNode
	for i := 0; i < 4; i++ {
		n, _ := h.join(i, "m1")
		ns = append(ns, n)
	}
	h.waitHealthy(4)
	for _, n := range ns[:3] {
		n.reply.Store("the same answer")
	}
	// Two against two: no majority, nobody is evicted.
	ns[2].reply.Store("another answer")
	ns[3].reply.Store("another answer")
	if ev := h.srv.canaryRound(context.Background()); len(ev) != 0 {
		t.Fatalf("evicted %v without a majority", ev)
	}
	ns[2].reply.Store("the same answer")
	ev := h.srv.canaryRound(context.Background())
	if len(ev) != 1 || ev[0] != ns[3].addr {
		t.Fatalf("evicted %v, want %s", ev, ns[3].addr)
	}
	n, _ := h.st.NodeByAddress(context.Background(), ns[3].addr)
	if n.Status != store.StatusEvicted {
		t.Fatalf("stored status %s", n.Status)
	}
	h.waitHealthy(3)
	time.Sleep(200 * time.Millisecond) // it keeps retrying and is refused
	if h.srv.pool.get(ns[3].addr) != nil {
		t.Fatal("an evicted node got back in")
	}
}

// joinAttempt sends a tunnel request with the given join headers as a
// plain GET (not a WebSocket upgrade) and returns the domain's answer.
func joinAttempt(t *testing.T, url, addr, nonce string, sig []byte) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url+tunnel.TunnelPath, nil)
	req.Header.Set(tunnel.HeaderNode, addr)
	req.Header.Set(tunnel.HeaderNonce, nonce)
	req.Header.Set(tunnel.HeaderSignature, identity.FormatSignature(sig))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp.StatusCode, string(b)
}

func TestSessionAffinity(t *testing.T) {
	h := newHarness(t, "", nil)
	var ns []*stubNode
	for i := 0; i < 3; i++ {
		n, _ := h.join(i, "m1")
		ns = append(ns, n)
	}
	h.waitHealthy(3)
	// Ten conversations, each asked ten different follow-ups on the same
	// history: all of a conversation's follow-ups land on one node, and the
	// conversations spread over more than one node.
	used := map[int]bool{}
	for c := 0; c < 10; c++ {
		node := -1
		for q := 0; q < 10; q++ {
			before := []int64{ns[0].served.Load(), ns[1].served.Load(), ns[2].served.Load()}
			resp := h.post("/v1/chat/completions", h.key, fmt.Sprintf(`{"model":"m1","messages":[
				{"role":"user","content":"conversation %d"},{"role":"assistant","content":"ok"},{"role":"user","content":"question %d"}]}`, c, q))
			resp.Body.Close()
			for i, n := range ns {
				if n.served.Load() == before[i] {
					continue
				}
				if node >= 0 && node != i {
					t.Fatalf("conversation %d moved from node %d to %d", c, node, i)
				}
				node = i
			}
		}
		used[node] = true
	}
	if len(used) < 2 {
		t.Fatalf("ten conversations all went to one node: %v", used)
	}
	key := conversationKey([]byte(`[{"role":"user","content":"a"},{"role":"assistant","content":"b"},{"role":"user","content":"c"}]`))
	if key == 0 || conversationKey([]byte(`[{"role":"user","content":"a"}]`)) != 0 || conversationKey([]byte(`{}`)) != 0 {
		t.Fatal("conversationKey")
	}
	first := h.srv.pool.pickAffine("m1", key, nil)
	for i := 0; i < 50; i++ {
		if got := h.srv.pool.pickAffine("m1", key, nil); got != first {
			t.Fatalf("the same conversation went to %s then %s", first.addr, got.addr)
		}
	}
	// A busy preferred node gives way to the balancer.
	first.outstanding.Add(affinitySlack + 5)
	defer first.outstanding.Add(-(affinitySlack + 5))
	if got := h.srv.pool.pickAffine("m1", key, nil); got == first {
		t.Fatal("affinity kept a conversation on a node far busier than the others")
	}
}

func TestWalletBinding(t *testing.T) {
	h := newHarness(t, "", nil)
	id, wallet := testKey(t, 0), testKey(t, 1).Address()
	challenge := func() tunnel.Challenge {
		resp, err := http.Get(h.http.URL + tunnel.ChallengePath)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var c tunnel.Challenge
		json.NewDecoder(resp.Body).Decode(&c)
		return c
	}
	// join sends a join for challenge c with the binding signature sig.
	join := func(c tunnel.Challenge, sig []byte) (int, string) {
		joinSig, _ := id.Sign(tunnel.JoinMessage(c, id.Address()))
		req, _ := http.NewRequest(http.MethodGet, h.http.URL+tunnel.TunnelPath, nil)
		req.Header.Set(tunnel.HeaderNode, id.Address())
		req.Header.Set(tunnel.HeaderNonce, c.Nonce)
		req.Header.Set(tunnel.HeaderSignature, identity.FormatSignature(joinSig))
		req.Header.Set(tunnel.HeaderWallet, strings.ToLower(wallet))
		req.Header.Set(tunnel.HeaderWalletSignature, identity.FormatSignature(sig))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return resp.StatusCode, string(b)
	}
	bound := func() string {
		n, err := h.st.NodeByAddress(context.Background(), id.Address())
		if err != nil {
			return ""
		}
		return n.Wallet
	}
	refused := []struct {
		name, code string
		sig        func(c tunnel.Challenge) []byte
	}{
		{"signed by another key", "bad_wallet_signature", func(c tunnel.Challenge) []byte {
			s, _ := testKey(t, 2).Sign(tunnel.WalletMessage(c, id.Address(), wallet))
			return s
		}},
		{"for another domain", "bad_wallet_signature", func(c tunnel.Challenge) []byte {
			c.Domain += "-other"
			s, _ := id.Sign(tunnel.WalletMessage(c, id.Address(), wallet))
			return s
		}},
		{"for another wallet", "bad_wallet_signature", func(c tunnel.Challenge) []byte {
			s, _ := id.Sign(tunnel.WalletMessage(c, id.Address(), testKey(t, 2).Address()))
			return s
		}},
		{"stretched expiry", "bad_wallet_signature", func(c tunnel.Challenge) []byte {
			c.Expires += 3600
			s, _ := id.Sign(tunnel.WalletMessage(c, id.Address(), wallet))
			return s
		}},
		{"an older node's replayable form", "outdated_wallet_binding", func(tunnel.Challenge) []byte {
			s, _ := id.Sign(tunnel.LegacyWalletMessage(id.Address(), wallet))
			return s
		}},
	}
	for _, tc := range refused {
		c := challenge()
		code, body := join(c, tc.sig(c))
		if code != http.StatusUnauthorized || !strings.Contains(body, tc.code) || bound() != "" {
			t.Fatalf("%s: %d %s, bound %q", tc.name, code, body, bound())
		}
		if tc.code == "outdated_wallet_binding" && !strings.Contains(body, "upgrade gaianet on the node") {
			t.Fatalf("the refusal does not say what to upgrade: %s", body)
		}
	}
	// A signature over one challenge does not serve another's join.
	c1, c2 := challenge(), challenge()
	good1, _ := id.Sign(tunnel.WalletMessage(c1, id.Address(), wallet))
	if code, body := join(c2, good1); code != 401 || !strings.Contains(body, "bad_wallet_signature") || bound() != "" {
		t.Fatalf("binding for another challenge: %d %s", code, body)
	}
	join(c1, good1) // admitted (the upgrade then fails: not a WebSocket)
	if bound() != wallet {
		t.Fatalf("node bound to %q; want wallet %s", bound(), wallet)
	}
	// The same join again (a replay of both signatures): refused.
	if code, body := join(c1, good1); code != 401 || !strings.Contains(body, "bad_nonce") {
		t.Fatalf("replayed join with its binding: %d %s", code, body)
	}
	// Through the real client too.
	c := &tunnel.Client{URL: h.http.URL, Key: testKey(t, 3), Egress: loopback, Handler: &stubNode{addr: testKey(t, 3).Address(), model: "m", id: testKey(t, 3)},
		Wallet: wallet, MinBackoff: 10 * time.Millisecond}
	go c.Run(h.ctx)
	h.waitHealthy(1)
	if n, _ := h.st.NodeByAddress(context.Background(), testKey(t, 3).Address()); n.Wallet != wallet {
		t.Fatalf("node joined with the client: wallet %q", n.Wallet)
	}
}

// TestPublicSurface: without the admin key /health says only that the
// gateway is alive and /metrics is refused; the challenge route answers
// 429 with Retry-After to an address over its rate.
func TestPublicSurface(t *testing.T) {
	h := newHarness(t, "", func(c *Config) { c.ChallengeRate = RateLimit{PerMinute: 1, Burst: 3} })
	for _, tc := range []struct {
		path, key  string
		code       int
		has, lacks string
	}{
		{"/health", "", 200, `"status":"ok"`, `healthy_nodes`},
		{"/health", "gd-wrong", 200, `"status":"ok"`, `test.domain`},
		{"/health", "gdadmin-test", 200, `"healthy_nodes":0`, ""},
		{"/metrics", "", 401, `invalid_admin_key`, "gaianet_domain"},
		{"/metrics", h.key, 401, `invalid_admin_key`, "gaianet_domain"},
		{"/metrics", "gdadmin-test", 200, `gaianet_domain_retries_total`, ""},
	} {
		resp := h.get(tc.path, tc.key)
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.code || !strings.Contains(string(b), tc.has) || (tc.lacks != "" && strings.Contains(string(b), tc.lacks)) {
			t.Errorf("GET %s with %q: HTTP %d %.200s", tc.path, tc.key, resp.StatusCode, b)
		}
	}
	codes := []int{}
	var retry string
	for i := 0; i < 5; i++ {
		resp := h.get(tunnel.ChallengePath, "")
		resp.Body.Close()
		codes = append(codes, resp.StatusCode)
		if resp.StatusCode == 429 {
			retry = resp.Header.Get("Retry-After")
		}
	}
	// One token a minute: the fourth and fifth wait most of a minute.
	if sec, err := strconv.Atoi(retry); fmt.Sprint(codes) != "[200 200 200 429 429]" || err != nil || sec < 50 || sec > 60 {
		t.Fatalf("challenges: %v, Retry-After %q", codes, retry)
	}
}

// TestAdminKeys: through the operator API, a new key works, a rotated key
// stops at once on this replica (no cache lag) while its successor works,
// a key rotated with grace keeps working, and a revoked one gets 401.
func TestAdminKeys(t *testing.T) {
	h := newHarness(t, "", nil)
	h.join(0, "m1")
	h.waitHealthy(1)
	admin := func(method, path, body string) (int, map[string]any) {
		req, _ := http.NewRequest(method, h.http.URL+path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer gdadmin-test")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out map[string]any
		json.NewDecoder(resp.Body).Decode(&out)
		return resp.StatusCode, out
	}
	chat := func(key string) int {
		resp := h.post("/v1/chat/completions", key, `{"model":"m1","messages":[]}`)
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp.StatusCode
	}
	if chat(h.key) != 200 {
		t.Fatal("the first key does not work")
	}
	code, out := admin("POST", "/_domain/admin/users/"+h.user+"/keys", `{"name":"ci"}`)
	if code != 200 {
		t.Fatalf("create: %d %v", code, out)
	}
	second := out["secret"].(string)
	firstID := ""
	resp := h.get("/_domain/admin/keys?user="+h.user, "gdadmin-test")
	var keys []struct{ ID, Name string }
	json.NewDecoder(resp.Body).Decode(&keys)
	resp.Body.Close()
	for _, k := range keys {
		if k.Name == "first" {
			firstID = k.ID
		}
	}
	if len(keys) != 2 || firstID == "" {
		t.Fatalf("keys %+v", keys)
	}
	code, out = admin("POST", "/_domain/admin/keys/"+firstID+"/rotate", ``)
	if code != 200 {
		t.Fatalf("rotate: %d %v", code, out)
	}
	third := out["secret"].(string)
	if c := chat(h.key); c != 401 {
		t.Fatalf("a rotated key answered %d", c)
	}
	if chat(second) != 200 || chat(third) != 200 {
		t.Fatal("the new keys do not work")
	}
	code, out = admin("POST", "/_domain/admin/keys/"+out["key"].(map[string]any)["id"].(string)+"/rotate", `{"grace":"1h"}`)
	if code != 200 || chat(third) != 200 || chat(out["secret"].(string)) != 200 {
		t.Fatalf("rotate with grace: %d %v", code, out)
	}
	for _, tc := range []struct {
		path, body string
		code       int
	}{
		{"/_domain/admin/keys/" + firstID + "/rotate", ``, 409},
		{"/_domain/admin/keys/k_none/revoke", ``, 404},
		{"/_domain/admin/keys/" + firstID + "/revoke", `{"grace":"-1s"}`, 400},
		{"/_domain/admin/keys/" + firstID + "/revoke", `{"graze":"1s"}`, 400},
		{"/_domain/admin/users/u_none/keys", ``, 404},
	} {
		if code, out := admin("POST", tc.path, tc.body); code != tc.code {
			t.Errorf("POST %s %s: %d %v, want %d", tc.path, tc.body, code, out, tc.code)
		}
	}
}
