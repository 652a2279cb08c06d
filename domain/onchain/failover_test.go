package onchain

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"

	"github.com/gaianet-go/gaianet/chain"
	"github.com/gaianet-go/gaianet/domain"
	"github.com/gaianet-go/gaianet/domain/ledger"
	"github.com/gaianet-go/gaianet/domain/store"
	"github.com/gaianet-go/gaianet/domain/store/storetest"
)

// replica is a second domain replica on w's chain: its own connection to
// the shared database and its own payments service, settling as the same
// escrow signer.
func (w *world) replica(st *store.Store, name string, lease time.Duration) *Service {
	w.t.Helper()
	zero := uint64(0)
	svc, err := New(w.ctx, Config{RPC: "http://sim.invalid", Escrow: w.a.Escrow.Hex(), Key: "in memory", Confirmations: &zero,
		Poll: domain.Duration(20 * time.Millisecond), SettleEvery: domain.Duration(100 * time.Millisecond), Lease: domain.Duration(lease)},
		Options{DomainName: "test.domain", Store: st, Client: w.client, Signer: chain.KeySigner{Key: w.admin}, From: addrOf(w.admin),
			Mine: func() { w.sim.Commit() }, Replica: name})
	if err != nil {
		w.t.Fatal(err)
	}
	return svc
}

// settledOnChain counts the escrow's Settled events (each batch id once).
func (w *world) settledOnChain() int {
	w.t.Helper()
	it, err := w.escrow.FilterSettled(&bind.FilterOpts{Context: w.ctx}, nil, nil)
	if err != nil {
		w.t.Fatal(err)
	}
	defer it.Close()
	n := 0
	ids := map[string]bool{}
	for it.Next() {
		if ids[it.Event.Id.String()] {
			w.t.Fatalf("batch %s settled twice", it.Event.Id)
		}
		ids[it.Event.Id.String()] = true
		n++
	}
	return n
}

// TestSettlerFailover: two replicas on one database. Only the lease holder
// settles. The settler dies right after sending a batch (its transaction
// still in the pool, the batch pending with its transaction's hash); the
// other replica takes the lease once it expires, finds the batch in flight
// and waits for it instead of sending it again. Then the second settler
// dies too, its transaction lost (dropped from the pool): the first,
// restarted, takes over and sends the batch again under the same id. Every
// batch is settled once, and the escrow, the ledger and the payouts agree
// to the micro-dollar.
func TestSettlerFailover(t *testing.T) {
	for name, storage := range storetest.Storages(t) {
		t.Run(name, func(t *testing.T) {
			if storage == "" {
				storage = filepath.Join(t.TempDir(), "domain.db") // both replicas on one file
			}
			alice, node := key(t), key(t)
			w := newWorld(t, storage, alice)
			stB := storetest.Open(t, storage)
			const ttl = 400 * time.Millisecond
			a, b := w.replica(w.st, "replica-a", ttl), w.replica(stB, "replica-b", ttl)
			la, lb := a.newLease(), b.newLease()
			la.try(w.ctx)
			lb.try(w.ctx)
			if !la.held() || lb.held() {
				t.Fatalf("lease: a %v, b %v; want a only", la.held(), lb.held())
			}

			u, _, _ := w.st.AddUser(w.ctx, "alice")
			if _, err := w.st.BindWallet(w.ctx, u.ID, addrOf(alice).Hex()); err != nil {
				t.Fatal(err)
			}
			if _, err := w.st.AddNode(w.ctx, addrOf(node).Hex(), store.StatusAdmitted); err != nil {
				t.Fatal(err)
			}
			w.deposit(alice, usd(10))
			if _, err := a.Poll(w.ctx); err != nil {
				t.Fatal(err)
			}
			var spent ledger.Micros
			for _, id := range []string{"r1", "r2", "r3"} {
				spent += w.charge(id, u.ID, node)
			}

			// A sends the batch and dies before it is mined or recorded.
			a.crashAfterSend = true
			if _, err := a.Settle(w.ctx); !errors.Is(err, errCrash) {
				t.Fatalf("a's settle: %v", err)
			}
			pending, _ := w.st.Settlements(w.ctx, w.a.Escrow.Hex(), store.SettlementPending)
			if len(pending) != 1 || pending[0].SubmittedTx == "" {
				t.Fatalf("in flight: %+v", pending)
			}
			// B cannot take over before the lease runs out.
			lb.try(w.ctx)
			if lb.held() {
				t.Fatal("b took a live lease")
			}
			time.Sleep(ttl + 50*time.Millisecond)
			lb.try(w.ctx)
			if !lb.held() {
				t.Fatal("b did not take the expired lease")
			}
			if holder, _, _ := stB.LeaseHolder(w.ctx, la.name); holder != "replica-b" {
				t.Fatalf("lease holder %q", holder)
			}
			nonce, _ := w.client.PendingNonceAt(w.ctx, addrOf(w.admin))
			if n, err := b.Settle(w.ctx); err != nil || n != 1 {
				t.Fatalf("b's settle: %d %v", n, chain.Explain(err))
			}
			if after, _ := w.client.PendingNonceAt(w.ctx, addrOf(w.admin)); after != nonce {
				t.Fatalf("b sent %d transactions for a batch already in flight", after-nonce)
			}
			if w.settledOnChain() != 1 {
				t.Fatalf("%d batches on chain", w.settledOnChain())
			}

			// B sends the next batch and dies; its transaction is lost.
			for _, id := range []string{"r4", "r5"} {
				spent += w.charge(id, u.ID, node)
			}
			b.crashAfterSend = true
			if _, err := b.Settle(w.ctx); !errors.Is(err, errCrash) {
				t.Fatalf("b's settle: %v", err)
			}
			w.sim.Rollback()
			a2 := w.replica(w.st, "replica-a2", ttl)
			la2 := a2.newLease()
			time.Sleep(ttl + 50*time.Millisecond)
			la2.try(w.ctx)
			if !la2.held() {
				t.Fatal("a2 did not take the expired lease")
			}
			if n, err := a2.Settle(w.ctx); err != nil || n != 1 {
				t.Fatalf("a2's settle: %d %v", n, chain.Explain(err))
			}
			if n, _ := a2.Settle(w.ctx); n != 0 {
				t.Fatalf("a third settle settled %d", n)
			}

			all, _ := w.st.Settlements(w.ctx, "", "")
			if len(all) != 2 || all[0].Status != store.SettlementSettled || all[1].Status != store.SettlementSettled || w.settledOnChain() != 2 {
				t.Fatalf("settlements %+v, %d on chain", all, w.settledOnChain())
			}
			if got := w.balance(u.ID); got != 10*ledger.PerDollar-spent || w.onChain(addrOf(alice)) != int64(got) {
				t.Fatalf("ledger %s (want %s), escrow %d", got, 10*ledger.PerDollar-spent, w.onChain(addrOf(alice)))
			}
			earned, _ := w.st.Balance(w.ctx, ledger.NodeAccount(addrOf(node).Hex()))
			if w.tokens(addrOf(node)) != int64(earned) {
				t.Fatalf("node paid %d, earned %s", w.tokens(addrOf(node)), earned)
			}
			if err := w.st.Check(w.ctx); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestRunTakesOver: two replicas running Run: one holds the lease and
// settles; when it stops, the other takes over and settles what follows.
func TestRunTakesOver(t *testing.T) {
	for name, storage := range storetest.Storages(t) {
		t.Run(name, func(t *testing.T) {
			if storage == "" {
				storage = filepath.Join(t.TempDir(), "domain.db")
			}
			alice, node := key(t), key(t)
			w := newWorld(t, storage, alice)
			stB := storetest.Open(t, storage)
			a, b := w.replica(w.st, "replica-a", 2*time.Second), w.replica(stB, "replica-b", 2*time.Second)
			u, _, _ := w.st.AddUser(w.ctx, "alice")
			w.st.BindWallet(w.ctx, u.ID, addrOf(alice).Hex())
			w.st.AddNode(w.ctx, addrOf(node).Hex(), store.StatusAdmitted)
			w.deposit(alice, usd(10))

			ctxA, stopA := context.WithCancel(w.ctx)
			doneA := make(chan struct{})
			go func() { defer close(doneA); a.Run(ctxA) }()
			waitFor := func(what string, ok func() bool) {
				t.Helper()
				for end := time.Now().Add(10 * time.Second); !ok(); time.Sleep(20 * time.Millisecond) {
					if time.Now().After(end) {
						t.Fatalf("timed out waiting for %s", what)
					}
				}
			}
			holder := func() string { h, _, _ := w.st.LeaseHolder(w.ctx, "settler:"+w.a.Escrow.Hex()); return h }
			waitFor("a to hold the lease", func() bool { return holder() == "replica-a" })
			ctxB, stopB := context.WithCancel(w.ctx)
			doneB := make(chan struct{})
			go func() { defer close(doneB); b.Run(ctxB) }()
			defer func() { stopB(); <-doneB }()
			spent := w.charge("r1", u.ID, node)
			settled := func(n int) func() bool {
				return func() bool {
					s, _ := w.st.Settlements(w.ctx, "", store.SettlementSettled)
					return len(s) == n
				}
			}
			waitFor("a to settle", settled(1))
			if holder() != "replica-a" {
				t.Fatalf("holder %q while a runs", holder())
			}
			stopA()
			<-doneA
			waitFor("b to take over", func() bool { return holder() == "replica-b" })
			spent += w.charge("r2", u.ID, node)
			waitFor("b to settle", settled(2))
			if got := w.balance(u.ID); got != 10*ledger.PerDollar-spent || w.onChain(addrOf(alice)) != int64(got) || w.settledOnChain() != 2 {
				t.Fatalf("ledger %s, escrow %d, %d batches on chain", got, w.onChain(addrOf(alice)), w.settledOnChain())
			}
		})
	}
}
