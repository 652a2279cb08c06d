package onchain

import (
	"crypto/ecdsa"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"

	"github.com/gaianet-go/gaianet/chain"
	"github.com/gaianet-go/gaianet/domain/ledger"
	"github.com/gaianet-go/gaianet/domain/store"
	"github.com/gaianet-go/gaianet/domain/store/storetest"
)

// TestGaiaShortfallExactCuts: a batch paid in GAIA (alice holds no
// stablecoin in the escrow) whose charge exceeds her GAIA there by more
// than the operator's share: the escrow converts the signed dollars at the
// feed's price ($0.73, so nothing divides evenly) and scales the node
// payouts and the royalty down. The ledger then equals, recipient by
// recipient, what the escrow paid, valued at the settlement's price and
// rounded down to the micro-dollar: each node account the GAIA its payee
// received, the royalty account what the marketplace owes the model's
// owner, the operator's account what the operator received, and the
// shortfall account the rest of the charges. Sharing the GAIA totals of
// the Settled event in proportion to the payouts (the rule before the
// escrow's Paid events) is a micro-dollar or more off here.
func TestGaiaShortfallExactCuts(t *testing.T) {
	for name, storage := range storetest.Storages(t) {
		t.Run(name, func(t *testing.T) {
			alice, modelOwner := key(t), key(t)
			w := newWorld(t, storage, alice, modelOwner)
			call := &bind.CallOpts{Context: w.ctx}
			token, feed := w.gaia()
			svc, market, mh := w.listedModel(modelOwner)
			w.ok(feed.Submit(w.transactor(w.admin).Opts, big.NewInt(73_000_000)))
			w.giveGaia(alice, wholeGaia(10))
			user := w.bindUser("alice", alice)
			wal, err := chain.OpenWallet(w.ctx, w.transactor(alice), w.a.Escrow)
			if err != nil {
				t.Fatal(err)
			}
			gaia, _ := chain.ParseAmount("2.345678901234567891", 18)
			if err := wal.Deposit(w.a.Token, gaia); err != nil {
				t.Fatal(err)
			}
			w.poll()
			if _, err := w.st.Deposit(w.ctx, "grant-1", user, 50*ledger.PerDollar); err != nil {
				t.Fatal(err)
			}
			nodeA, nodeB, nodeC := key(t), key(t), key(t)
			for _, n := range []*ecdsa.PrivateKey{nodeA, nodeB, nodeC} {
				if _, err := w.st.AddNode(w.ctx, addrOf(n).Hex(), store.StatusAdmitted); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.st.SetNodeComponents(w.ctx, addrOf(nodeA).Hex(), []string{mh}); err != nil {
				t.Fatal(err)
			}
			spent := w.bigCharges("a-", user, nodeA, 2, 5_000) + w.bigCharges("b-", user, nodeB, 1, 7_000) +
				w.bigCharges("c-", user, nodeC, 3, 3_001)
			value := func(g *big.Int) ledger.Micros {
				t.Helper()
				v, err := w.escrow.UsdValue(call, w.a.Token, g)
				if err != nil {
					t.Fatal(chain.Explain(err))
				}
				return ledger.Micros(v.Int64())
			}
			if short := spent - value(gaia); short <= w.accountBalance(ledger.OperatorAccount)+w.accountBalance(ledger.StakerAccount) {
				t.Fatalf("the shortfall %s does not exceed the operator's share", short)
			}
			gaiaOf := func(a common.Address) *big.Int {
				b, err := token.BalanceOf(call, a)
				if err != nil {
					t.Fatal(err)
				}
				return b
			}
			opBefore := gaiaOf(addrOf(w.admin))

			if n, err := svc.Settle(w.ctx); err != nil || n != 1 {
				t.Fatalf("settle: %d, %v", n, chain.Explain(err))
			}
			all, _ := w.st.Settlements(w.ctx, "", "")
			if len(all) != 1 || all[0].Status != store.SettlementSettled {
				t.Fatalf("settlements: %+v", all)
			}
			if left, _ := w.escrow.BalanceOf(call, addrOf(alice), w.a.Token); left.Sign() != 0 {
				t.Fatalf("alice keeps %v GAIA in the escrow", left)
			}
			for _, n := range []*ecdsa.PrivateKey{nodeA, nodeB, nodeC} {
				got := gaiaOf(addrOf(n))
				if acct := w.accountBalance(ledger.NodeAccount(addrOf(n).Hex())); got.Sign() == 0 || acct != value(got) {
					t.Errorf("node %s: escrow paid %v GAIA worth %s, ledger %s", addrOf(n), got, value(got), acct)
				}
			}
			owed, err := market.Owed(call, addrOf(modelOwner), w.a.Token)
			if err != nil || owed.Sign() == 0 || w.accountBalance(store.RoyaltyAccount) != value(owed) || all[0].Royalty != value(owed) {
				t.Errorf("royalty: marketplace owes %v GAIA worth %s, ledger %s, record %s (%v)", owed, value(owed), w.accountBalance(store.RoyaltyAccount), all[0].Royalty, err)
			}
			op := w.accountBalance(ledger.OperatorAccount) + w.accountBalance(ledger.StakerAccount)
			if got := new(big.Int).Sub(gaiaOf(addrOf(w.admin)), opBefore); value(got) != op {
				t.Errorf("operator received %v GAIA worth %s, ledger %s", got, value(got), op)
			}
			if got := w.accountBalance(store.ShortfallAccount); got != all[0].Uncovered || got < spent-value(gaia) {
				t.Errorf("ledger shortfall %s, uncovered %s, at least %s", got, all[0].Uncovered, spent-value(gaia))
			}
			if err := w.st.Check(w.ctx); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestPaidEventRequired: the service refuses an escrow whose code does not
// emit Paid (here another contract's code stands for an escrow deployed
// before it), and accepts the deployed one.
func TestPaidEventRequired(t *testing.T) {
	w := newWorld(t, "")
	if err := w.svc.checkPaidEvent(w.ctx); err != nil {
		t.Fatal(err)
	}
	old := &Service{client: w.client, addr: w.a.Staking}
	if err := old.checkPaidEvent(w.ctx); err == nil || !strings.Contains(err.Error(), "predates the Paid event") {
		t.Fatalf("an escrow without Paid: %v", err)
	}
}
