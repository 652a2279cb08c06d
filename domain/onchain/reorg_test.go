package onchain

import (
	"crypto/ecdsa"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/core/types"

	"github.com/gaianet-go/gaianet/chain"
	"github.com/gaianet-go/gaianet/domain/ledger"
	"github.com/gaianet-go/gaianet/domain/store"
	"github.com/gaianet-go/gaianet/domain/store/storetest"
)

// withConfirmations replaces w's service by one that waits for n
// confirmations.
func (w *world) withConfirmations(n uint64) {
	w.t.Helper()
	svc, err := New(w.ctx, Config{RPC: "http://sim.invalid", Escrow: w.a.Escrow.Hex(), Key: "in memory", Confirmations: &n},
		Options{DomainName: "test.domain", Store: w.st, Client: w.client, Signer: chain.KeySigner{Key: w.admin}, From: addrOf(w.admin), Mine: func() { w.sim.Commit() }})
	if err != nil {
		w.t.Fatal(err)
	}
	w.svc = svc
}

// txsOf returns the transactions k sent in blocks from..to, in order.
func (w *world) txsOf(k *ecdsa.PrivateKey, from, to uint64) []*types.Transaction {
	w.t.Helper()
	var out []*types.Transaction
	signer := types.LatestSignerForChainID(w.chainID)
	for n := from; n <= to; n++ {
		b, err := w.client.BlockByNumber(w.ctx, new(big.Int).SetUint64(n))
		if err != nil {
			w.t.Fatal(err)
		}
		for _, tx := range b.Transactions() {
			if s, _ := types.Sender(signer, tx); s == addrOf(k) {
				out = append(out, tx)
			}
		}
	}
	return out
}

func (w *world) head() uint64 {
	w.t.Helper()
	h, err := w.client.HeaderByNumber(w.ctx, nil)
	if err != nil {
		w.t.Fatal(err)
	}
	return h.Number.Uint64()
}

// reorg makes the chain fork after block `after` and grow `blocks` empty
// blocks there (dropping every transaction of the old branch).
func (w *world) reorg(after uint64, blocks int) {
	w.t.Helper()
	w.fork(after, true)
	for range blocks {
		w.sim.Commit()
	}
}

// fork makes block `after` the head. The pool takes the old branch's
// transactions back in the background: fork waits until it has them all,
// then drops them when drop is set.
func (w *world) fork(after uint64, drop bool) {
	w.t.Helper()
	var old []*types.Transaction
	for n := after + 1; n <= w.head(); n++ {
		b, err := w.client.BlockByNumber(w.ctx, new(big.Int).SetUint64(n))
		if err != nil {
			w.t.Fatal(err)
		}
		old = append(old, b.Transactions()...)
	}
	h, err := w.client.HeaderByNumber(w.ctx, new(big.Int).SetUint64(after))
	if err != nil {
		w.t.Fatal(err)
	}
	if err := chain.RetryWhilePoolBusy(w.ctx, func() error { return w.sim.Fork(h.Hash()) }, nil); err != nil {
		w.t.Fatal(err)
	}
	pending := func(want bool) bool {
		for _, tx := range old {
			_, p, err := w.client.TransactionByHash(w.ctx, tx.Hash())
			if (err == nil && p) != want {
				return false
			}
		}
		return true
	}
	for i := 0; !pending(true); i++ {
		if i == 500 {
			w.t.Fatal("the old branch's transactions did not come back to the pool")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if drop {
		w.sim.Rollback()
		if !pending(false) {
			w.t.Fatal("transactions left in the pool after Rollback")
		}
	}
}

// canonical sums k's deposits on the chain as recorded.
func (w *world) canonical(k *ecdsa.PrivateKey) ledger.Micros {
	w.t.Helper()
	evs, err := w.st.ChainEvents(w.ctx, addrOf(k).Hex())
	if err != nil {
		w.t.Fatal(err)
	}
	sum := ledger.Micros(0)
	for _, e := range evs {
		if e.State == store.EventCanonical && e.Kind == store.EventDeposit {
			sum += e.Amount
		}
	}
	return sum
}

func (w *world) count(kind string) int {
	w.t.Helper()
	ts, err := w.st.Transfers(w.ctx, 0, 10_000)
	if err != nil {
		w.t.Fatal(err)
	}
	n := 0
	for _, t := range ts {
		if t.Kind == kind {
			n++
		}
	}
	return n
}

// TestDeepReorgReversesAndRestores: with 2 confirmations, a reorganisation
// 6 blocks deep takes away a deposit already credited and partly spent and
// the batch that settled the spending: the watcher reverses the credit
// (once, a "reversal" transfer), flags the user below zero (the wallet
// status says why), reopens the batch and goes on; when the same
// transactions come back the credit is posted again (once) and the flag
// cleared, the batch is sent again under its id, and the escrow and the
// ledger agree to the micro-dollar. Polling again changes nothing.
func TestDeepReorgReversesAndRestores(t *testing.T) {
	for name, storage := range storetest.Storages(t) {
		t.Run(name, func(t *testing.T) {
			alice, node := key(t), key(t)
			w := newWorld(t, storage, alice)
			w.withConfirmations(2)
			u, apiKey, _ := w.st.AddUser(w.ctx, "alice")
			if _, err := w.st.BindWallet(w.ctx, u.ID, addrOf(alice).Hex()); err != nil {
				t.Fatal(err)
			}
			if _, err := w.st.AddNode(w.ctx, addrOf(node).Hex(), store.StatusAdmitted); err != nil {
				t.Fatal(err)
			}
			for range 3 {
				w.sim.Commit()
			}
			w.poll() // the watcher passes the quiet blocks (checkpoints)
			fork := w.head()
			w.deposit(alice, usd(10))
			top := w.head()
			for range 2 {
				w.sim.Commit()
			}
			if w.poll() != 1 || w.balance(u.ID) != 10*ledger.PerDollar {
				t.Fatalf("deposit not credited: %s", w.balance(u.ID))
			}
			spent := w.charge("r1", u.ID, node)
			if n, err := w.svc.Settle(w.ctx); err != nil || n != 1 {
				t.Fatalf("settle: %d %v", n, chain.Explain(err))
			}
			for range 3 {
				w.sim.Commit()
			}
			w.poll()
			saved := w.txsOf(alice, fork+1, top)
			if len(saved) != 2 {
				t.Fatalf("want alice's approve and deposit, got %d transactions", len(saved))
			}

			// 6 blocks undone (deeper than the 2 confirmations), 10 new ones.
			depth := w.head() - fork
			w.reorg(fork, int(depth)+4)
			if n, err := w.svc.Poll(w.ctx); err != nil || n != 1 {
				t.Fatalf("poll across the reorganisation: %d %v", n, err)
			}
			if got := w.balance(u.ID); got != -spent {
				t.Fatalf("after the reversal: balance %s, want %s", got, -spent)
			}
			if w.count("reversal") != 1 {
				t.Fatalf("%d reversal transfers", w.count("reversal"))
			}
			var st struct {
				Balance ledger.Micros // below zero here
				Blocked string
			}
			w.call(WalletPath, apiKey, nil, &st)
			if st.Blocked == "" || st.Balance != -spent {
				t.Fatalf("user below zero not flagged: %+v", st)
			}
			t.Logf("flag: %s", st.Blocked)
			pending, _ := w.st.Settlements(w.ctx, w.a.Escrow.Hex(), store.SettlementPending)
			if len(pending) != 1 {
				t.Fatalf("the reorganised batch is not pending again: %+v", pending)
			}
			if n, _ := w.svc.Poll(w.ctx); n != 0 || w.count("reversal") != 1 {
				t.Fatal("a second poll changed something")
			}

			// The same transactions again: the credit comes back, once.
			for _, tx := range saved {
				if err := w.client.SendTransaction(w.ctx, tx); err != nil {
					t.Fatal(err)
				}
				w.sim.Commit()
			}
			for range 2 {
				w.sim.Commit()
			}
			if _, err := w.svc.Poll(w.ctx); err != nil {
				t.Fatal(err)
			}
			if got := w.balance(u.ID); got != 10*ledger.PerDollar-spent {
				t.Fatalf("after the deposit came back: %s", got)
			}
			if w.count("restore") != 1 || w.count("reversal") != 1 {
				t.Fatalf("%d restore and %d reversal transfers, want 1 each", w.count("restore"), w.count("reversal"))
			}
			if flag, _ := w.st.UserFlag(w.ctx, u.ID); flag != "" {
				t.Fatalf("flag kept: %s", flag)
			}
			if n, err := w.svc.Settle(w.ctx); err != nil || n != 1 {
				t.Fatalf("settle again: %d %v", n, chain.Explain(err))
			}
			if got := w.balance(u.ID); w.onChain(addrOf(alice)) != int64(got) {
				t.Fatalf("escrow %d, ledger %s", w.onChain(addrOf(alice)), got)
			}
			if got := w.canonical(alice); got != 10*ledger.PerDollar {
				t.Fatalf("canonical deposits %s", got)
			}
			if err := w.st.Check(w.ctx); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestDeepReorgKeepsWhatStays: a reorganisation deeper than the
// confirmations that mines the same deposit again in another block leaves
// it credited once (under its old id, or reversed and recorded under its
// new log index: the ledger is the same); one that takes away a withdrawal gives the user the
// amount back (a "reversal" transfer) until it is mined again.
func TestDeepReorgKeepsWhatStays(t *testing.T) {
	for name, storage := range storetest.Storages(t) {
		t.Run(name, func(t *testing.T) {
			alice := key(t)
			w := newWorld(t, storage, alice)
			w.withConfirmations(1)
			u, _, _ := w.st.AddUser(w.ctx, "alice")
			if _, err := w.st.BindWallet(w.ctx, u.ID, addrOf(alice).Hex()); err != nil {
				t.Fatal(err)
			}
			w.sim.Commit()
			w.poll()
			fork := w.head()
			w.deposit(alice, usd(10))
			for range 3 {
				w.sim.Commit()
			}
			w.poll()
			// Fork below the deposit; the old branch's transactions go back
			// to the pool and are mined again on the new branch.
			w.fork(fork, false)
			for range 8 {
				w.sim.Commit()
			}
			if _, err := w.svc.Poll(w.ctx); err != nil {
				t.Fatal(err)
			}
			reversals := w.count("reversal")
			if w.balance(u.ID) != 10*ledger.PerDollar || reversals > 1 || w.onChain(addrOf(alice)) != usd(10).Int64() || w.canonical(alice) != 10*ledger.PerDollar {
				t.Fatalf("deposit mined again: balance %s, %d reversals, escrow %d", w.balance(u.ID), reversals, w.onChain(addrOf(alice)))
			}

			// A withdrawal, then a reorganisation that drops it.
			wal, _ := chain.OpenWallet(w.ctx, w.transactor(alice), w.a.Escrow)
			if err := wal.RequestWithdrawal(w.a.Stablecoin, usd(4)); err != nil {
				t.Fatal(err)
			}
			w.adjustTime(2 * time.Hour)
			fork = w.head()
			if err := wal.Withdraw(w.a.Stablecoin); err != nil {
				t.Fatal(err)
			}
			for range 2 {
				w.sim.Commit()
			}
			w.poll()
			if w.balance(u.ID) != 6*ledger.PerDollar {
				t.Fatalf("after the withdrawal: %s", w.balance(u.ID))
			}
			w.reorg(fork, 6)
			if _, err := w.svc.Poll(w.ctx); err != nil {
				t.Fatal(err)
			}
			if w.balance(u.ID) != 10*ledger.PerDollar || w.count("reversal") != reversals+1 || w.onChain(addrOf(alice)) != usd(10).Int64() {
				t.Fatalf("withdrawal reorganised away: balance %s, %d reversals, escrow %d", w.balance(u.ID), w.count("reversal"), w.onChain(addrOf(alice)))
			}
			if err := w.st.Check(w.ctx); err != nil {
				t.Fatal(err)
			}
		})
	}
}
