package onchain

import (
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"

	"github.com/gaianet-go/gaianet/domain/ledger"
	"github.com/gaianet-go/gaianet/domain/store"
	"github.com/gaianet-go/gaianet/domain/store/storetest"
)

// TestMixedBatchPartRefused: a batch whose stablecoin part settles (short
// of alice's escrow balance) and whose GAIA part the escrow refuses for
// good is recorded partial: the settled part's outcome is posted (its
// shortfall), the refused part marked with why, nothing is sent again, and
// the batch cannot be released (its stablecoin part is on chain).
func TestMixedBatchPartRefused(t *testing.T) {
	for name, storage := range storetest.Storages(t) {
		t.Run(name, func(t *testing.T) {
			alice, nodeA := key(t), key(t)
			w := newWorld(t, storage, alice)
			user := w.bindUser("alice", alice)
			w.deposit(alice, usd(1))
			w.poll()
			if _, err := w.st.Deposit(w.ctx, "grant-1", user, 10*ledger.PerDollar); err != nil {
				t.Fatal(err)
			}
			spent := w.bigCharges("a-", user, nodeA, 2, 5_000)
			const stableFunds = 1_500_000 // read as $1.50: the escrow holds $1, so the stablecoin part falls $0.50 short
			if spent <= stableFunds {
				t.Fatalf("charges %s within the stablecoin part", spent)
			}
			id := newBatchID()
			w.claimEdited(w.svc, id, map[common.Address]funds{addrOf(alice): {stable: stableFunds, gaia: true}}, func(sb *signedBatch) {
				if sb.Token == nil {
					t.Fatal("no GAIA part")
				}
				sb.Token.Signature, _ = w.svc.dom.Sign(key(t), sb.Token.Settlement) // refused for good: BadSignature
			})
			if n, err := w.svc.Settle(w.ctx); err != nil || n != 1 {
				t.Fatalf("settle: %d, %v", n, err)
			}
			for range 2 { // and again: nothing more is sent or posted
				all, _ := w.st.Settlements(w.ctx, "", "")
				if len(all) != 1 || all[0].Status != store.SettlementPartial || !strings.Contains(all[0].TxHash, "BadSignature") ||
					all[0].Uncovered != 500_000 {
					t.Fatalf("settlements: %+v", all)
				}
				if got := w.accountBalance(store.ShortfallAccount); got != 500_000 {
					t.Fatalf("ledger shortfall %s, want the stablecoin part's 0.5", got)
				}
				if w.onChain(addrOf(alice)) != 0 {
					t.Fatalf("escrow left %d", w.onChain(addrOf(alice)))
				}
				b, _ := decodeBatch(all[0])
				call := &bind.CallOpts{Context: w.ctx}
				if ok, _ := w.escrow.Settled(call, b.Settlement.Id); !ok {
					t.Fatal("stablecoin part not settled")
				}
				if ok, _ := w.escrow.Settled(call, b.Token.Settlement.Id); ok {
					t.Fatal("GAIA part settled")
				}
				if err := w.st.Check(w.ctx); err != nil {
					t.Fatal(err)
				}
				if _, err := w.svc.Release(w.ctx, id.String()); err == nil || !strings.Contains(err.Error(), "partial, not failed") {
					t.Fatalf("release of a partial batch: %v", err)
				}
				if n, err := w.svc.Settle(w.ctx); err != nil || n != 0 {
					t.Fatalf("settle again: %d, %v", n, err)
				}
			}
		})
	}
}
