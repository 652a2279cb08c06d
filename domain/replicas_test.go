package domain

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/gaianet-go/gaianet/domain/ledger"
	"github.com/gaianet-go/gaianet/domain/store"
	"github.com/gaianet-go/gaianet/domain/store/storetest"
	"github.com/gaianet-go/gaianet/tunnel"
)

// TestReplicasSharePostgres runs two gateways on one PostgreSQL database:
// a challenge issued by one is good on the other exactly once, a node
// approved through the database is admitted by either, a user's credit is
// spent from both, and concurrent billing on both is exact.
func TestReplicasSharePostgres(t *testing.T) {
	dsn := storetest.PostgresDSN(t)
	if dsn == "" {
		t.Skip("no PostgreSQL: set " + storetest.PostgresEnv)
	}
	dsn = storetest.NewPostgresDB(t, dsn)
	a := newHarness(t, dsn, func(c *Config) { c.Policy = PolicyApprove })
	b := a.replica("b", Options{}) // its own gateway on the same database

	// A nonce from replica a, spent on replica b, then replayed on a.
	id := testKey(t, 0)
	resp, err := http.Get(a.http.URL + tunnel.ChallengePath)
	if err != nil {
		t.Fatal(err)
	}
	var ch tunnel.Challenge
	json.NewDecoder(resp.Body).Decode(&ch)
	resp.Body.Close()
	sig, _ := id.Sign(tunnel.JoinMessage(ch, id.Address()))
	try := func(base string) (int, string) { return joinAttempt(t, base, id.Address(), ch.Nonce, sig) }
	if code, body := try(b.http.URL); code != 403 || !strings.Contains(body, "pending_approval") {
		t.Fatalf("first use on replica b: %d %s", code, body)
	}
	if code, body := try(a.http.URL); code != 401 || !strings.Contains(body, "bad_nonce") {
		t.Fatalf("replay on replica a: %d %s", code, body)
	}

	// Node 0 joins b, node 1 joins a; approval happens in the database.
	_, s0 := b.join(0, "m1")
	_, s1 := a.join(1, "m1")
	// Each is refused once its pending record is in the database.
	waitState(t, s0, "refused")
	waitState(t, s1, "refused")
	for i := 0; i < 2; i++ {
		if err := a.st.SetNodeStatus(context.Background(), testKey(t, i).Address(), store.StatusAdmitted); err != nil {
			t.Fatal(err)
		}
	}
	a.waitHealthy(1)
	b.waitHealthy(1)

	// 40 concurrent requests, half on each replica.
	start := a.balance()
	var wg sync.WaitGroup
	errs := make(chan string, 40)
	for i := 0; i < 40; i++ {
		h := a
		if i%2 == 1 {
			h = b
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			body := `{"model":"m1","messages":[]}`
			if i%4 < 2 {
				body = `{"model":"m1","stream":true,"messages":[]}`
			}
			req, _ := http.NewRequest(http.MethodPost, h.http.URL+"/v1/chat/completions", strings.NewReader(body))
			req.Header.Set("Authorization", "Bearer "+h.key)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				errs <- err.Error()
				return
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				errs <- resp.Status + " " + string(b)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Fatal(e)
	}
	a.drained()
	b.drained()
	if got := b.balance(); got != start-40*stubCost {
		t.Fatalf("balance %s after 40 requests, want %s", got, start-40*stubCost)
	}
	tot, _ := a.st.Totals(context.Background())
	if tot.Requests != 40 || tot.Charged != 40*stubCost {
		t.Fatalf("totals %+v", tot)
	}
	// Requests pinned to a node whose tunnel the other replica holds are
	// forwarded there (and billed there) once the replicas advertise
	// themselves; before that they get 404.
	pinned := func(h *harness, node int) (int, string) {
		path := "/" + testKey(t, node).Address() + "/v1/chat/completions"
		resp := h.post(path, h.key, `{"model":"m1","stream":true,"messages":[]}`)
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return resp.StatusCode, string(body)
	}
	if code, body := pinned(a, 0); code != 404 || !strings.Contains(body, "node_not_connected") {
		t.Fatalf("pinned to b's node before advertising: %d %s", code, body)
	}
	if err := a.srv.Advertise(a.http.URL); err != nil {
		t.Fatal(err)
	}
	if err := b.srv.Advertise(b.http.URL); err != nil {
		t.Fatal(err)
	}
	before := a.balance()
	served0, served1 := b.nodes[0].served.Load(), a.nodes[0].served.Load()
	for _, tc := range []struct {
		via  *harness
		node int
	}{{a, 0}, {b, 1}, {a, 0}} {
		code, body := pinned(tc.via, tc.node)
		if code != 200 || !strings.Contains(body, "[DONE]") || strings.Contains(body, `"usage"`) {
			t.Fatalf("pinned to node %d through the other replica: %d %s", tc.node, code, body)
		}
	}
	a.drained()
	b.drained()
	if got := a.balance(); got != before-3*stubCost {
		t.Fatalf("3 forwarded requests: balance %s, want %s", got, before-3*stubCost)
	}
	if n0, n1 := b.nodes[0].served.Load()-served0, a.nodes[0].served.Load()-served1; n0 != 2 || n1 != 1 {
		t.Fatalf("node 0 served %d (want 2), node 1 %d (want 1)", n0, n1)
	}

	accts, _ := b.st.Accounts(context.Background())
	var sum ledger.Micros
	for _, acct := range accts {
		sum += acct.Balance
	}
	if sum != 0 {
		t.Fatalf("balances sum to %s", sum)
	}
}
