package domain

import (
	"fmt"
	"io"
	"reflect"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/attest"
	"github.com/gaianet-go/gaianet/domain/ledger"
	"github.com/gaianet-go/gaianet/domain/store"
	"github.com/gaianet-go/gaianet/domain/store/storetest"
)

func TestComponents(t *testing.T) {
	a, b, c := attest.Hash([]byte("model")), attest.Hash([]byte("kb")), attest.Hash([]byte("plugin"))
	for name, tc := range map[string]struct {
		info attest.Info
		want []string
	}{
		"none":          {attest.Info{}, nil},
		"model and kb":  {attest.Info{ChatModelSHA256: a, KnowledgeBaseSHA256: b}, []string{a, b}},
		"plugins":       {attest.Info{ChatModelSHA256: a, PluginsSHA256: []string{c, a}}, []string{a, c}},
		"not a sha-256": {attest.Info{ChatModelSHA256: "ABC", EmbeddingModelSHA256: "zz" + a[2:], PluginsSHA256: []string{""}}, nil},
		"system prompt": {attest.Info{SystemPromptSHA256: a}, nil}, // not a component
	} {
		if got := components(tc.info); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: components = %v, want %v", name, got, tc.want)
		}
	}
}

// TestComponentsRecorded: the domain stores the components a node signs
// at admission, and again when the node starts stating others.
func TestComponentsRecorded(t *testing.T) {
	h := newHarness(t, "", nil)
	model, kb, plugin := attest.Hash([]byte("model file")), attest.Hash([]byte("kb file")), attest.Hash([]byte("plugin"))
	state := func(f *attest.Info) {
		f.ChatModelSHA256, f.KnowledgeBaseSHA256, f.PluginsSHA256 = model, kb, []string{plugin}
	}
	n, _ := h.joinWith(0, "m", func(n *stubNode) { n.info.Store(&state) })
	h.waitHealthy(1)
	wait := func(want []string) {
		t.Helper()
		deadline := time.Now().Add(patience)
		for {
			got, err := h.st.NodeComponents(h.ctx, n.addr)
			if err == nil && reflect.DeepEqual(got, want) {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("components of %s = %v (%v), want %v", n.addr, got, err, want)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	wait([]string{model, kb, plugin})
	other := func(f *attest.Info) { f.ChatModelSHA256 = kb }
	n.info.Store(&other)
	wait([]string{kb})
}

// waitServing waits until h's gateway holds node addr as verified to serve
// hashes (what the node's charges then carry).
func (h *harness) waitServing(addr string, hashes []string) {
	h.t.Helper()
	want := store.ComponentSetID(hashes)
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if m := h.srv.pool.get(addr); m != nil && m.componentSet.Load() == want {
			return
		}
	}
	h.t.Fatalf("node %s never verified serving %v", addr, hashes)
}

// generate sends n chat completions through h (every other one streamed)
// and reads each answer whole.
func (h *harness) generate(n int) {
	h.t.Helper()
	for i := 0; i < n; i++ {
		resp := h.post("/v1/chat/completions", h.key, fmt.Sprintf(`{"model":"m","stream":%v,"messages":[]}`, i%2 == 1))
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			h.t.Fatalf("request %d: %d %s", i, resp.StatusCode, body)
		}
	}
}

// claimUses claims one settlement batch of every billed request on st and
// returns what it shares royalties by: amount and components per node and
// component set ("NODE SET").
func claimUses(t *testing.T, h *harness) map[string]store.NodeUse {
	t.Helper()
	var uses []store.NodeUse
	_, ok, err := h.st.ClaimSettlement(h.ctx, "0xE", "batch-1", 1000, func(_ []store.SettlementLeg, u []store.NodeUse) (string, ledger.Micros, error) {
		uses = u
		return "{}", 0, nil
	})
	if err != nil || !ok {
		t.Fatalf("claim: %v %v", ok, err)
	}
	out := map[string]store.NodeUse{}
	for _, u := range uses {
		out[fmt.Sprint(u.Node, " ", u.Set)] = u
	}
	return out
}

// TestUsageAsServed: a node that changes model between two requests of one
// batch has each request's usage counted under the components it served it
// with, not those it was last verified with when the batch is claimed.
func TestUsageAsServed(t *testing.T) {
	for name, storage := range storetest.Storages(t) {
		t.Run(name, func(t *testing.T) {
			h := newHarness(t, storage, nil)
			if _, err := h.st.BindWallet(h.ctx, h.user, "0x00000000000000000000000000000000000000aA"); err != nil {
				t.Fatal(err)
			}
			modelA, modelB, kb := attest.Hash([]byte("model A")), attest.Hash([]byte("model B")), attest.Hash([]byte("kb"))
			first := func(f *attest.Info) { f.ChatModelSHA256, f.KnowledgeBaseSHA256 = modelA, kb }
			n, _ := h.joinWith(0, "m", func(n *stubNode) { n.info.Store(&first) })
			h.waitHealthy(1)
			h.waitServing(n.addr, []string{modelA, kb})
			h.generate(1)
			second := func(f *attest.Info) { f.ChatModelSHA256, f.KnowledgeBaseSHA256 = modelB, kb }
			n.info.Store(&second)
			h.waitServing(n.addr, []string{modelB, kb})
			h.generate(2)
			h.drained()

			setA, setB := store.ComponentSetID([]string{modelA, kb}), store.ComponentSetID([]string{modelB, kb})
			want := map[string]store.NodeUse{
				fmt.Sprint(n.addr, " ", setA): {Node: n.addr, Amount: stubCost, Components: []string{modelA, kb}, Set: setA},
				fmt.Sprint(n.addr, " ", setB): {Node: n.addr, Amount: 2 * stubCost, Components: []string{modelB, kb}, Set: setB},
			}
			if got := claimUses(t, h); !reflect.DeepEqual(got, want) {
				t.Fatalf("usage %+v\nwant  %+v", got, want)
			}
		})
	}
}

// TestUsageAsServedAcrossReplicas: two gateways on one PostgreSQL database
// add the same component set at once (one id, stored once) and each
// node's charges carry what it served, whichever replica holds it.
func TestUsageAsServedAcrossReplicas(t *testing.T) {
	dsn := storetest.PostgresDSN(t)
	if dsn == "" {
		t.Skip("no PostgreSQL: set " + storetest.PostgresEnv)
	}
	a := newHarness(t, storetest.NewPostgresDB(t, dsn), nil)
	b := a.replica("b", Options{})
	if _, err := a.st.BindWallet(a.ctx, a.user, "0x00000000000000000000000000000000000000aA"); err != nil {
		t.Fatal(err)
	}
	modelA, modelB := attest.Hash([]byte("model A")), attest.Hash([]byte("model B"))
	first := func(f *attest.Info) { f.ChatModelSHA256 = modelA }
	second := func(f *attest.Info) { f.ChatModelSHA256 = modelB }
	n0, _ := a.joinWith(0, "m", func(n *stubNode) { n.info.Store(&first) })
	n1, _ := b.joinWith(1, "m", func(n *stubNode) { n.info.Store(&first) })
	a.waitServing(n0.addr, []string{modelA})
	b.waitServing(n1.addr, []string{modelA})
	a.generate(2)
	b.generate(1)
	n1.info.Store(&second)
	b.waitServing(n1.addr, []string{modelB})
	a.generate(1)
	b.generate(2)
	// Pinned to node 1 through replica a: passed to b, which holds the
	// node's tunnel, and billed there with what b verified.
	for _, h := range []*harness{a, b} {
		if err := h.srv.Advertise(h.http.URL); err != nil {
			t.Fatal(err)
		}
	}
	resp := a.post("/"+n1.addr+"/v1/chat/completions", a.key, `{"model":"m","messages":[]}`)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("pinned through the other replica: %d %s", resp.StatusCode, body)
	}
	a.drained()
	b.drained()

	setA, setB := store.ComponentSetID([]string{modelA}), store.ComponentSetID([]string{modelB})
	want := map[string]store.NodeUse{
		fmt.Sprint(n0.addr, " ", setA): {Node: n0.addr, Amount: 3 * stubCost, Components: []string{modelA}, Set: setA},
		fmt.Sprint(n1.addr, " ", setA): {Node: n1.addr, Amount: stubCost, Components: []string{modelA}, Set: setA},
		fmt.Sprint(n1.addr, " ", setB): {Node: n1.addr, Amount: 3 * stubCost, Components: []string{modelB}, Set: setB},
	}
	if got := claimUses(t, a); !reflect.DeepEqual(got, want) {
		t.Fatalf("usage %+v\nwant  %+v", got, want)
	}
}
