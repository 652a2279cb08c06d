package onchain

import (
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"

	"github.com/gaianet-go/gaianet/chain"
	"github.com/gaianet-go/gaianet/chain/contracts"
	"github.com/gaianet-go/gaianet/domain/ledger"
	"github.com/gaianet-go/gaianet/domain/store"
	"github.com/gaianet-go/gaianet/domain/store/storetest"
)

// TestReissuePartialBatch: a batch whose stablecoin part settles and whose
// GAIA part the escrow refuses for good (partial) has that part issued
// again by Retry, once, and only once the escrow can no longer settle it
// (past its signed deadline): the new batch charges alice's GAIA exactly
// the refused part's dollars, once, pays the node, and is recorded with a
// link both ways; a second retry is refused. A re-issue the escrow refuses
// in turn is issued again whole by retry, with the same safeguards.
func TestReissuePartialBatch(t *testing.T) {
	for name, storage := range storetest.Storages(t) {
		t.Run(name, func(t *testing.T) {
			alice, nodeA := key(t), key(t)
			w := newWorld(t, storage, alice)
			call := &bind.CallOpts{Context: w.ctx}
			token, feed := w.gaia()
			w.giveGaia(alice, wholeGaia(100))
			user := w.bindUser("alice", alice)
			w.deposit(alice, usd(1))
			wal, err := chain.OpenWallet(w.ctx, w.transactor(alice), w.a.Escrow)
			if err != nil {
				t.Fatal(err)
			}
			if err := wal.Deposit(w.a.Token, new(big.Int).Mul(big.NewInt(20), big.NewInt(1e18))); err != nil { // $10 at $0.50
				t.Fatal(err)
			}
			w.poll()
			spent := w.bigCharges("a-", user, nodeA, 2, 5_000)
			f, err := w.svc.funds(w.ctx, []string{addrOf(alice).Hex()})
			if err != nil || !f[addrOf(alice)].gaia || f[addrOf(alice)].stable != ledger.PerDollar {
				t.Fatalf("funds %+v, %v", f, err)
			}
			id := newBatchID()
			w.claimEdited(w.svc, id, f, func(sb *signedBatch) {
				if sb.Token == nil {
					t.Fatal("no GAIA part")
				}
				sb.Token.Signature, _ = w.svc.dom.Sign(key(t), sb.Token.Settlement) // refused for good: BadSignature
			})
			if n, err := w.svc.Settle(w.ctx); err != nil || n != 1 {
				t.Fatalf("settle: %d, %v", n, err)
			}
			all, _ := w.st.Settlements(w.ctx, "", "")
			if len(all) != 1 || all[0].Status != store.SettlementPartial {
				t.Fatalf("settlements: %+v", all)
			}
			old, _ := decodeBatch(all[0])
			refused := ledger.Micros(0)
			for _, c := range old.Token.Settlement.Charges {
				refused += ledger.Micros(c.Amount.Int64())
			}
			if refused != spent-ledger.PerDollar {
				t.Fatalf("refused part %s, want %s", refused, spent-ledger.PerDollar)
			}
			gaiaBefore, _ := w.escrow.BalanceOf(call, addrOf(alice), w.a.Token)

			if _, err := w.svc.Retry(w.ctx, id.String()); !errors.Is(err, ErrNotYet) {
				t.Fatalf("retry before the deadline: %v", err)
			}
			w.adjustTime(2 * time.Hour)
			w.sim.Commit()
			w.ok(feed.Submit(w.transactor(w.admin).Opts, big.NewInt(50_000_000))) // a fresh price
			r, err := w.svc.Retry(w.ctx, id.String())
			if err != nil || r.Reissued == "" || r.Released != 0 {
				t.Fatalf("retry: %+v, %v", r, err)
			}
			if _, err := w.svc.Retry(w.ctx, id.String()); err == nil || !strings.Contains(err.Error(), "issued again already") {
				t.Fatalf("second retry: %v", err)
			}
			if err := w.st.ReissuePart(w.ctx, id.String(), store.Settlement{ID: "999", Escrow: w.a.Escrow.Hex(), Batch: "{}", Total: 1}); err == nil {
				t.Fatal("the store issued the part again twice")
			}
			if _, err := w.svc.Release(w.ctx, r.Reissued); err == nil {
				t.Fatal("the pending re-issue released")
			}

			// The escrow refuses the re-issue too (another signer for a
			// while): failed, it holds no requests to release, and retry
			// issues it again whole, after its deadline, once.
			w.ok(w.escrow.SetSigner(w.transactor(w.admin).Opts, addrOf(key(t))))
			if n, err := w.svc.Settle(w.ctx); err != nil || n != 0 {
				t.Fatalf("settle with another signer: %d, %v", n, err)
			}
			w.ok(w.escrow.SetSigner(w.transactor(w.admin).Opts, addrOf(w.admin)))
			if _, err := w.svc.Release(w.ctx, r.Reissued); err == nil || !strings.Contains(err.Error(), "no requests of its own") {
				t.Fatalf("release of a failed re-issue: %v", err)
			}
			if _, err := w.svc.Retry(w.ctx, r.Reissued); !errors.Is(err, ErrNotYet) {
				t.Fatalf("retry of the failed re-issue before its deadline: %v", err)
			}
			w.adjustTime(2 * time.Hour)
			w.sim.Commit()
			w.ok(feed.Submit(w.transactor(w.admin).Opts, big.NewInt(50_000_000)))
			r2, err := w.svc.Retry(w.ctx, r.Reissued)
			if err != nil || r2.Reissued == "" {
				t.Fatalf("retry of the failed re-issue: %+v, %v", r2, err)
			}
			if _, err := w.svc.Retry(w.ctx, r.Reissued); err == nil {
				t.Fatal("a failed re-issue issued again twice")
			}

			for want := 1; want >= 0; want-- { // settled once, then nothing more
				if n, err := w.svc.Settle(w.ctx); err != nil || n != want {
					t.Fatalf("settle: %d, %v (want %d)", n, chain.Explain(err), want)
				}
			}
			all, _ = w.st.Settlements(w.ctx, "", "")
			if len(all) != 3 || all[0].Status != store.SettlementPartial || all[0].ReissuedAs != r.Reissued ||
				all[1].ID != r.Reissued || all[1].Status != store.SettlementReleased || all[1].ReissueOf != id.String() || all[1].ReissuedAs != r2.Reissued ||
				all[2].ID != r2.Reissued || all[2].Status != store.SettlementSettled || all[2].ReissueOf != r.Reissued ||
				all[2].Total != refused || all[2].Requests != 0 || all[2].Uncovered != 0 {
				t.Fatalf("settlements after the re-issues: %+v", all)
			}
			if ok, _ := w.escrow.Settled(call, old.Token.Settlement.Id); ok {
				t.Fatal("the refused part settled after all")
			}
			// Paid once, in GAIA: $0.50 divides evenly, so the escrow values
			// what it took at exactly the refused dollars.
			it, err := w.escrow.FilterSettled(&bind.FilterOpts{Context: w.ctx}, nil, []common.Address{w.a.Token})
			if err != nil {
				t.Fatal(err)
			}
			var gaiaSettled []*contracts.EscrowSettled
			for it.Next() {
				gaiaSettled = append(gaiaSettled, it.Event)
			}
			if len(gaiaSettled) != 1 || gaiaSettled[0].UsdValue.Int64() != int64(refused) {
				t.Fatalf("GAIA settlements: %d (%+v), want one worth %s", len(gaiaSettled), gaiaSettled, refused)
			}
			gaiaAfter, _ := w.escrow.BalanceOf(call, addrOf(alice), w.a.Token)
			if got := new(big.Int).Sub(gaiaBefore, gaiaAfter); got.Cmp(gaiaSettled[0].Total) != 0 || got.Sign() == 0 {
				t.Fatalf("alice's GAIA charged %v, the settlement says %v", got, gaiaSettled[0].Total)
			}
			if paid, _ := token.BalanceOf(call, addrOf(nodeA)); paid.Sign() == 0 {
				t.Fatal("the node got no GAIA")
			}
			if _, err := w.svc.Retry(w.ctx, r2.Reissued); err == nil {
				t.Fatal("retry of a settled batch")
			}
			if err := w.st.Check(w.ctx); err != nil {
				t.Fatal(err)
			}
		})
	}
}
