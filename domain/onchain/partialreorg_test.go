package onchain

import (
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"

	"github.com/gaianet-go/gaianet/chain"
	"github.com/gaianet-go/gaianet/domain/ledger"
	"github.com/gaianet-go/gaianet/domain/store"
	"github.com/gaianet-go/gaianet/domain/store/storetest"
)

// TestDeepReorgPartialBatch: a reorganisation deeper than the
// confirmations drops the transaction that settled a partial batch's
// stablecoin part: the watcher reopens the batch and reverses the postings
// of its outcome (its shortfall, once: "unsettle" transfers), the next
// Settle sends the part again under its id and records the batch partial
// again, posting its outcome once more (under the next generation's ids),
// and polling and settling again change nothing.
func TestDeepReorgPartialBatch(t *testing.T) {
	for name, storage := range storetest.Storages(t) {
		t.Run(name, func(t *testing.T) {
			alice, nodeA := key(t), key(t)
			w := newWorld(t, storage, alice)
			w.withConfirmations(2)
			user := w.bindUser("alice", alice)
			w.deposit(alice, usd(1))
			for range 3 {
				w.sim.Commit()
			}
			w.poll()
			if _, err := w.st.Deposit(w.ctx, "grant-1", user, 10*ledger.PerDollar); err != nil {
				t.Fatal(err)
			}
			w.bigCharges("a-", user, nodeA, 2, 5_000)
			fork := w.head()
			id := newBatchID()
			const stableFunds = 1_500_000 // the escrow holds $1: the stablecoin part falls $0.50 short
			w.claimEdited(w.svc, id, map[common.Address]funds{addrOf(alice): {stable: stableFunds, gaia: true}}, func(sb *signedBatch) {
				sb.Token.Signature, _ = w.svc.dom.Sign(key(t), sb.Token.Settlement) // refused for good
			})
			if n, err := w.svc.Settle(w.ctx); err != nil || n != 1 {
				t.Fatalf("settle: %d, %v", n, err)
			}
			for range 3 {
				w.sim.Commit()
			}
			w.poll()
			check := func(status string, shortfall ledger.Micros, unsettled int) {
				t.Helper()
				all, _ := w.st.Settlements(w.ctx, "", "")
				if len(all) != 1 || all[0].Status != status {
					t.Fatalf("settlements: %+v, want one %s", all, status)
				}
				if got := w.accountBalance(store.ShortfallAccount); got != shortfall {
					t.Fatalf("ledger shortfall %s, want %s", got, shortfall)
				}
				if n := w.count(store.UnsettleKind); n != unsettled {
					t.Fatalf("%d unsettle transfers, want %d", n, unsettled)
				}
				if err := w.st.Check(w.ctx); err != nil {
					t.Fatal(err)
				}
			}
			check(store.SettlementPartial, 500_000, 0)
			posts := w.count("shortfall") // the operator's loss and the node's cut
			if posts == 0 {
				t.Fatal("no shortfall posted")
			}
			operator := w.accountBalance(ledger.OperatorAccount)

			w.reorg(fork, int(w.head()-fork)+4)
			if _, err := w.svc.Poll(w.ctx); err != nil {
				t.Fatal(err)
			}
			check(store.SettlementPending, 0, posts)
			if ok, _ := w.escrow.Settled(&bind.CallOpts{Context: w.ctx}, id); ok {
				t.Fatal("the stablecoin part is still settled after the reorganisation")
			}
			if w.onChain(addrOf(alice)) != usd(1).Int64() {
				t.Fatalf("escrow holds %d for alice, want her dollar back", w.onChain(addrOf(alice)))
			}

			fork = w.head()
			for range 2 { // sent again and recorded once; then nothing more
				w.settleAndPoll()
				check(store.SettlementPartial, 500_000, posts)
				if n := w.count("shortfall"); n != 2*posts {
					t.Fatalf("%d shortfall postings, want %d (once per generation)", n, 2*posts)
				}
				if got := w.accountBalance(ledger.OperatorAccount); got != operator {
					t.Fatalf("operator's account %s, was %s", got, operator)
				}
				if w.onChain(addrOf(alice)) != 0 {
					t.Fatalf("escrow left %d", w.onChain(addrOf(alice)))
				}
			}
			all, _ := w.st.Settlements(w.ctx, "", "")
			if all[0].Generation != 1 || all[0].Uncovered != 500_000 {
				t.Fatalf("batch after the reorganisation: %+v", all[0])
			}

			// Its refused part issued again (past its deadline) and settled
			// (alice has nothing left: all uncovered); then a reorganisation
			// drops both batches' transactions. Both are reopened and sent
			// again; the partial batch's refused part is not.
			w.adjustTime(2 * time.Hour)
			w.sim.Commit()
			r, err := w.svc.Retry(w.ctx, id.String())
			if err != nil || r.Reissued == "" {
				t.Fatalf("retry: %+v, %v", r, err)
			}
			if n, err := w.svc.Settle(w.ctx); err != nil || n != 1 {
				t.Fatalf("settle the re-issue: %d, %v", n, chain.Explain(err))
			}
			for range 3 {
				w.sim.Commit()
			}
			w.poll()
			all, _ = w.st.Settlements(w.ctx, "", "")
			if len(all) != 2 || all[1].Status != store.SettlementSettled || all[1].Uncovered != all[1].Total {
				t.Fatalf("settlements: %+v", all)
			}
			shortfall := w.accountBalance(store.ShortfallAccount)
			if shortfall != 500_000+all[1].Total {
				t.Fatalf("ledger shortfall %s", shortfall)
			}
			unsettled := w.count(store.UnsettleKind)
			w.reorg(fork, int(w.head()-fork)+4)
			if _, err := w.svc.Poll(w.ctx); err != nil {
				t.Fatal(err)
			}
			all, _ = w.st.Settlements(w.ctx, "", "")
			if all[0].Status != store.SettlementPending || all[1].Status != store.SettlementPending || w.accountBalance(store.ShortfallAccount) != 0 {
				t.Fatalf("after the second reorganisation: %+v, shortfall %s", all, w.accountBalance(store.ShortfallAccount))
			}
			for range 2 {
				w.settleAndPoll()
				all, _ = w.st.Settlements(w.ctx, "", "")
				if all[0].Status != store.SettlementPartial || !strings.Contains(all[0].TxHash, "issued again as batch "+r.Reissued) ||
					all[1].Status != store.SettlementSettled || all[0].Generation != 2 || all[1].Generation != 1 {
					t.Fatalf("after settling again: %+v", all)
				}
				if got := w.accountBalance(store.ShortfallAccount); got != shortfall {
					t.Fatalf("ledger shortfall %s, want %s", got, shortfall)
				}
				if n := w.count(store.UnsettleKind); n <= unsettled {
					t.Fatalf("%d unsettle transfers", n)
				}
				if err := w.st.Check(w.ctx); err != nil {
					t.Fatal(err)
				}
			}
			if ok, _ := w.escrow.Settled(&bind.CallOpts{Context: w.ctx}, new(big.Int).Add(id, tokenBatchOffset)); ok {
				t.Fatal("the refused part settled")
			}
		})
	}
}

// settleAndPoll settles, mines past the confirmations and polls.
func (w *world) settleAndPoll() {
	w.t.Helper()
	if _, err := w.svc.Settle(w.ctx); err != nil {
		w.t.Fatal(chain.Explain(err))
	}
	for range 3 {
		w.sim.Commit()
	}
	if _, err := w.svc.Poll(w.ctx); err != nil {
		w.t.Fatal(err)
	}
}
