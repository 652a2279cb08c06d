package onchain

import (
	"crypto/ecdsa"
	"encoding/hex"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/gaianet-go/gaianet/chain"
	"github.com/gaianet-go/gaianet/chain/contracts"
	"github.com/gaianet-go/gaianet/domain/ledger"
	"github.com/gaianet-go/gaianet/domain/store"
	"github.com/gaianet-go/gaianet/domain/store/storetest"
)

// TestShortfallBeyondOperatorShare: when a batch's uncovered charges
// exceed the operator's share, the escrow scales the node payouts and the
// royalty down; the ledger then posts, leg by leg, exactly what the escrow
// paid: each node account equals the stablecoin its payee received, the
// royalty account what the marketplace took, the operator what it got.
// The batch is sent, the process "crashes" before recording, and the next
// Settle records it from the escrow's events, once.
func TestShortfallBeyondOperatorShare(t *testing.T) {
	for name, storage := range storetest.Storages(t) {
		t.Run(name, func(t *testing.T) {
			alice, modelOwner := key(t), key(t)
			w := newWorld(t, storage, alice, modelOwner)
			svc, market, mh := w.listedModel(modelOwner)
			user := w.bindUser("alice", alice)
			w.deposit(alice, usd(3))
			w.poll()
			if _, err := w.st.Deposit(w.ctx, "grant-1", user, 50*ledger.PerDollar); err != nil {
				t.Fatal(err)
			}
			nodeA, nodeB := key(t), key(t)
			for _, n := range []*ecdsa.PrivateKey{nodeA, nodeB} {
				if _, err := w.st.AddNode(w.ctx, addrOf(n).Hex(), store.StatusAdmitted); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.st.SetNodeComponents(w.ctx, addrOf(nodeA).Hex(), []string{mh}); err != nil {
				t.Fatal(err)
			}
			escrowLeft := w.onChain(addrOf(alice))
			spent := w.bigCharges("a-", user, nodeA, 2, 5_000) + w.bigCharges("b-", user, nodeB, 1, 7_000)
			opLedger := w.accountBalance(ledger.OperatorAccount) + w.accountBalance(ledger.StakerAccount)
			if short := int64(spent) - escrowLeft; short <= int64(opLedger) {
				t.Fatalf("the shortfall %d does not exceed the operator's share %s", short, opLedger)
			}
			opBefore := w.tokens(addrOf(w.admin))

			svc.crashAfterSend = true
			if _, err := svc.Settle(w.ctx); err == nil {
				t.Fatal("no crash")
			}
			svc.crashAfterSend = false
			if n, err := svc.Settle(w.ctx); err != nil || n != 1 {
				t.Fatalf("settle after the crash: %d, %v", n, chain.Explain(err))
			}
			if n, err := svc.Settle(w.ctx); err != nil || n != 0 {
				t.Fatalf("settle again: %d, %v", n, err)
			}
			all, _ := w.st.Settlements(w.ctx, "", "")
			if len(all) != 1 || all[0].Status != store.SettlementSettled || int64(all[0].Uncovered) != int64(spent)-escrowLeft {
				t.Fatalf("settlements: %+v", all)
			}
			check := func() {
				t.Helper()
				for _, n := range []*ecdsa.PrivateKey{nodeA, nodeB} {
					paid, acct := w.tokens(addrOf(n)), w.accountBalance(ledger.NodeAccount(addrOf(n).Hex()))
					if paid == 0 || int64(acct) != paid {
						t.Errorf("node %s: escrow paid %d, ledger %s", addrOf(n), paid, acct)
					}
				}
				owed, err := market.Owed(&bind.CallOpts{Context: w.ctx}, addrOf(modelOwner), w.a.Stablecoin)
				if err != nil || owed.Sign() == 0 || owed.Int64() != int64(w.accountBalance(store.RoyaltyAccount)) || owed.Int64() != int64(all[0].Royalty) {
					t.Errorf("royalty: marketplace %v, ledger %s, record %s (%v)", owed, w.accountBalance(store.RoyaltyAccount), all[0].Royalty, err)
				}
				op := w.accountBalance(ledger.OperatorAccount) + w.accountBalance(ledger.StakerAccount)
				if got := w.tokens(addrOf(w.admin)) - opBefore; got != int64(op) {
					t.Errorf("operator received %d, ledger %s", got, op)
				}
				if got := w.accountBalance(store.ShortfallAccount); got != all[0].Uncovered {
					t.Errorf("ledger shortfall %s, uncovered %s", got, all[0].Uncovered)
				}
				if err := w.st.Check(w.ctx); err != nil {
					t.Error(err)
				}
			}
			check()
			// Recording the outcome again posts nothing more.
			b, _ := decodeBatch(all[0])
			o, err := svc.outcomeFromChain(w.ctx, b.parts()[0])
			if err != nil {
				t.Fatal(err)
			}
			lo, err := svc.ledgerOutcome(all[0].ID, o, b.Nodes)
			if err != nil || len(lo.NodeCuts) != 2 {
				t.Fatalf("outcome %+v, %v (want cuts for both nodes)", lo, err)
			}
			if err := w.st.RecordSettled(w.ctx, all[0].ID, lo); err != nil {
				t.Fatal(err)
			}
			check()
		})
	}
}

// listedModel lists a model of owner on the marketplace (token 1) and
// returns a service that maps its content hash (mh) to it.
func (w *world) listedModel(owner *ecdsa.PrivateKey) (svc *Service, market *contracts.Marketplace, mh string) {
	w.t.Helper()
	market, _ = contracts.NewMarketplace(w.a.Marketplace, chain.WithGasMargin(w.client))
	modelHash := crypto.Keccak256Hash([]byte("model.gguf"))
	w.ok(market.List(w.transactor(owner).Opts, modelHash, 0, "ipfs://model", w.a.Stablecoin, usd(1), big.NewInt(0)))
	mh = hex.EncodeToString(modelHash[:])
	zero := uint64(0)
	cfg := Config{RPC: "http://sim.invalid", Escrow: w.a.Escrow.Hex(), Key: "in memory", Confirmations: &zero,
		Components: map[string]uint64{mh: 1}}
	svc, err := New(w.ctx, cfg, Options{DomainName: "test.domain", Store: w.st, Client: w.client, Signer: chain.KeySigner{Key: w.admin},
		From: addrOf(w.admin), Mine: func() { w.sim.Commit() }})
	if err != nil {
		w.t.Fatal(err)
	}
	return svc, market, mh
}
