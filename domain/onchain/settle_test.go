package onchain

import (
	"crypto/ecdsa"
	"encoding/hex"
	"encoding/json"
	"math/big"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/gaianet-go/gaianet/chain"
	"github.com/gaianet-go/gaianet/chain/contracts"
	"github.com/gaianet-go/gaianet/domain/ledger"
	"github.com/gaianet-go/gaianet/domain/store"
	"github.com/gaianet-go/gaianet/domain/store/storetest"
)

// bindUser adds a user and binds wallet k to it.
func (w *world) bindUser(name string, k *ecdsa.PrivateKey) string {
	w.t.Helper()
	u, apiKey, err := w.st.AddUser(w.ctx, name)
	if err != nil {
		w.t.Fatal(err)
	}
	if code := w.call(BindPath, apiKey, w.signedBinding(apiKey, k), nil); code != http.StatusOK {
		w.t.Fatalf("binding: %d", code)
	}
	return u.ID
}

// charges posts n charges of user on node (ids prefix-i) and returns their sum.
func (w *world) charges(prefix, user string, node *ecdsa.PrivateKey, n int) ledger.Micros {
	return w.bigCharges(prefix, user, node, n, 1)
}

// bigCharges is charges with token counts multiplied by mul.
func (w *world) bigCharges(prefix, user string, node *ecdsa.PrivateKey, n int, mul int64) ledger.Micros {
	w.t.Helper()
	prices := ledger.Prices{InputPerMillion: 100_000, OutputPerMillion: 400_000, PerRequest: 1_003}
	var cs []ledger.Charge
	var sum ledger.Micros
	for i := range n {
		c, err := ledger.NewCharge(prefix+string(rune('a'+i)), user, addrOf(node).Hex(), "m",
			ledger.Usage{InputTokens: mul * int64(1000+37*i), OutputTokens: mul * int64(500+11*i)}, prices, ledger.DefaultSplit)
		if err != nil {
			w.t.Fatal(err)
		}
		cs = append(cs, c)
		sum += c.Amount
	}
	if _, err := w.st.PostBatch(w.ctx, cs); err != nil {
		w.t.Fatal(err)
	}
	return sum
}

func (w *world) accountBalance(account string) ledger.Micros {
	w.t.Helper()
	b, err := w.st.Balance(w.ctx, account)
	if err != nil {
		w.t.Fatal(err)
	}
	return b
}

// claimEdited claims the due requests in batch id, built by svc with
// funds, after edit changes the signed batch (e.g. signs a part with
// another key, which the escrow refuses for good).
func (w *world) claimEdited(svc *Service, id *big.Int, f map[common.Address]funds, edit func(*signedBatch)) {
	w.t.Helper()
	head, _ := w.client.HeaderByNumber(w.ctx, nil)
	if _, ok, err := w.st.ClaimSettlement(w.ctx, w.a.Escrow.Hex(), id.String(), 100, func(legs []store.SettlementLeg, uses []store.NodeUse) (string, ledger.Micros, error) {
		b, total, err := svc.build(id, head.Time+3600, legs, uses, f)
		var sb signedBatch
		json.Unmarshal([]byte(b), &sb)
		edit(&sb)
		out, _ := json.Marshal(sb)
		return string(out), total, err
	}); err != nil || !ok {
		w.t.Fatalf("claim: %v %v", ok, err)
	}
}

// TestRoyaltiesAndShortfalls: a batch reports the usage of the components
// each node was verified to serve (mapped to their marketplace tokens by
// the operator), and the escrow pays their owners the royalty share of
// that revenue; a charge beyond the user's escrow balance (off-chain
// credit) settles capped, its uncovered part recorded as the operator's
// loss; a batch the escrow refuses for good is marked failed and the next
// one settles.
func TestRoyaltiesAndShortfalls(t *testing.T) {
	for name, storage := range storetest.Storages(t) {
		t.Run(name, func(t *testing.T) {
			alice, modelOwner, kbOwner := key(t), key(t), key(t)
			w := newWorld(t, storage, alice, modelOwner, kbOwner)
			market, _ := contracts.NewMarketplace(w.a.Marketplace, chain.WithGasMargin(w.client))
			modelHash := crypto.Keccak256Hash([]byte("model.gguf"))
			kbHash := crypto.Keccak256Hash([]byte("kb.snapshot"))
			w.ok(market.List(w.transactor(modelOwner).Opts, modelHash, 0, "ipfs://model", w.a.Stablecoin, usd(1), big.NewInt(250)))
			w.ok(market.List(w.transactor(kbOwner).Opts, kbHash, 1, "ipfs://kb", w.a.Stablecoin, usd(1), big.NewInt(0)))
			mh, kh := hex.EncodeToString(modelHash[:]), hex.EncodeToString(kbHash[:])

			zero := uint64(0)
			cfg := Config{RPC: "http://sim.invalid", Escrow: w.a.Escrow.Hex(), Key: "in memory", Confirmations: &zero,
				Components: map[string]uint64{mh: 1, kh: 2}}
			opts := Options{DomainName: "test.domain", Store: w.st, Client: w.client, Signer: chain.KeySigner{Key: w.admin},
				From: addrOf(w.admin), Mine: func() { w.sim.Commit() }}
			bad := cfg
			bad.Components = map[string]uint64{kh: 1} // token 1 holds the model's hash
			if _, err := New(w.ctx, bad, opts); err == nil || !strings.Contains(err.Error(), "holds content hash") {
				t.Fatalf("a component mapped to the wrong token: %v", err)
			}
			svc, err := New(w.ctx, cfg, opts)
			if err != nil {
				t.Fatal(err)
			}

			user := w.bindUser("alice", alice)
			w.deposit(alice, usd(10))
			w.poll()

			// Node A serves the model and the KB, node B the model and an
			// unlisted plugin.
			nodeA, nodeB := key(t), key(t)
			for n, comps := range map[*ecdsa.PrivateKey][]string{nodeA: {mh, kh}, nodeB: {mh, strings.Repeat("ab", 32)}} {
				if _, err := w.st.AddNode(w.ctx, addrOf(n).Hex(), store.StatusAdmitted); err != nil {
					t.Fatal(err)
				}
				if err := w.st.SetNodeComponents(w.ctx, addrOf(n).Hex(), comps); err != nil {
					t.Fatal(err)
				}
			}
			onA, onB := w.charges("a-", user, nodeA, 3), w.charges("b-", user, nodeB, 2)
			opBefore := w.tokens(addrOf(w.admin))
			if n, err := svc.Settle(w.ctx); err != nil || n != 1 {
				t.Fatalf("settle: %d, %v", n, chain.Explain(err))
			}
			// A's revenue is shared by its two listed components (the model
			// takes the odd micro-dollar), B's goes to the model alone.
			units := map[int64]int64{1: int64(onA - onA/2 + onB), 2: int64(onA / 2)}
			total := units[1] + units[2]
			if total != int64(onA+onB) {
				t.Fatalf("units %v do not add up to %s", units, onA+onB)
			}
			royalty := total * 500 / 10_000 // the deployment's royaltyBps
			toModel := royalty * units[1] / total
			for who, want := range map[*ecdsa.PrivateKey]int64{modelOwner: toModel, kbOwner: royalty - toModel} {
				got, err := market.Owed(&bind.CallOpts{Context: w.ctx}, addrOf(who), w.a.Stablecoin)
				if err != nil || got.Int64() != want {
					t.Fatalf("owed to a component owner: %v, want %d (%v)", got, want, err)
				}
			}
			all, _ := w.st.Settlements(w.ctx, "", "")
			if len(all) != 1 || int64(all[0].Royalty) != royalty || all[0].Uncovered != 0 {
				t.Fatalf("settlement record: %+v, want royalty %d", all, royalty)
			}
			op, stakers := w.accountBalance(ledger.OperatorAccount), w.accountBalance(ledger.StakerAccount)
			if got := w.tokens(addrOf(w.admin)) - opBefore; got != int64(op+stakers) {
				t.Fatalf("operator received %d, ledger operator+stakers %s (royalty %d)", got, op+stakers, royalty)
			}
			if got := w.accountBalance(store.RoyaltyAccount); int64(got) != royalty {
				t.Fatalf("ledger royalties %s, want %d", got, royalty)
			}
			if got := w.balance(user); int64(got) != w.onChain(addrOf(alice)) {
				t.Fatalf("ledger %s, escrow %d", got, w.onChain(addrOf(alice)))
			}

			// Off-chain credit: the domain lets alice spend past her escrow
			// balance; the batch settles capped, never reverts.
			if _, err := w.st.Deposit(w.ctx, "grant-1", user, 50*ledger.PerDollar); err != nil {
				t.Fatal(err)
			}
			escrowLeft := w.onChain(addrOf(alice))
			spent := w.bigCharges("c-", user, nodeB, 3, 20_000) // about $10 each
			if int64(spent) <= escrowLeft {
				t.Fatalf("test charges %s do not exceed the escrow's %d", spent, escrowLeft)
			}
			if n, err := svc.Settle(w.ctx); err != nil || n != 1 {
				t.Fatalf("settle beyond the escrow: %d, %v", n, chain.Explain(err))
			}
			all, _ = w.st.Settlements(w.ctx, "", "")
			if all[1].Status != store.SettlementSettled || int64(all[1].Uncovered) != int64(spent)-escrowLeft {
				t.Fatalf("short batch: %+v, want uncovered %d", all[1], int64(spent)-escrowLeft)
			}
			if w.onChain(addrOf(alice)) != 0 || w.accountBalance(store.ShortfallAccount) != all[1].Uncovered {
				t.Fatalf("escrow %d, ledger shortfall %s", w.onChain(addrOf(alice)), w.accountBalance(store.ShortfallAccount))
			}

			// A batch the escrow refuses for good (signed by another key)
			// is marked failed; the batch after it settles.
			w.deposit(alice, usd(5))
			w.poll()
			w.charges("d-", user, nodeA, 1)
			id := newBatchID()
			w.claimEdited(svc, id, nil, func(sb *signedBatch) { sb.Signature, _ = w.svc.dom.Sign(key(t), sb.Settlement) })
			after := w.charges("e-", user, nodeA, 1)
			if n, err := svc.Settle(w.ctx); err != nil || n != 1 {
				t.Fatalf("settle past a refused batch: %d, %v", n, err)
			}
			all, _ = w.st.Settlements(w.ctx, "", "")
			if len(all) != 4 || all[2].Status != store.SettlementFailed || !strings.Contains(all[2].TxHash, "BadSignature") ||
				all[3].Status != store.SettlementSettled || all[3].Total != after {
				t.Fatalf("settlements after a refused batch: %+v", all)
			}
			if err := w.st.Check(w.ctx); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// gaia returns the GAIA token and its price feed on the world's chain.
func (w *world) gaia() (*contracts.GaiaToken, *contracts.PriceFeed) {
	w.t.Helper()
	token, err := contracts.NewGaiaToken(w.a.Token, chain.WithGasMargin(w.client))
	if err != nil {
		w.t.Fatal(err)
	}
	feed, err := contracts.NewPriceFeed(w.a.PriceFeed, chain.WithGasMargin(w.client))
	if err != nil {
		w.t.Fatal(err)
	}
	return token, feed
}

// giveGaia sends wei of GAIA from the deployer to k.
func (w *world) giveGaia(k *ecdsa.PrivateKey, wei *big.Int) {
	w.t.Helper()
	token, _ := w.gaia()
	w.ok(token.Transfer(w.transactor(w.admin).Opts, addrOf(k), wei))
}

// wholeGaia is n GAIA in wei.
func wholeGaia(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(1e18)) }

// TestGaiaDeposits: a GAIA deposit credits the ledger with exactly the
// value the escrow gave it at the oracle's price; usage beyond the user's
// stablecoin is charged in GAIA at the price at settlement, valued by the
// escrow at exactly what the ledger charged; at a stale price the escrow
// refuses a deposit, saying why; a GAIA withdrawal debits its value at the
// feed's last price.
func TestGaiaDeposits(t *testing.T) {
	alice, bob := key(t), key(t)
	w := newWorld(t, "", alice, bob)
	_, feed := w.gaia()
	w.giveGaia(alice, wholeGaia(100))
	user := w.bindUser("alice", alice)
	wal, err := chain.OpenWallet(w.ctx, w.transactor(alice), w.a.Escrow)
	if err != nil {
		t.Fatal(err)
	}

	// 12.345678901 GAIA at $0.50 (the deployment's first price): the escrow
	// values it at 6.172839 USD (rounded down), and the ledger credits that.
	amount, _ := chain.ParseAmount("12.345678901", 18)
	if err := wal.Deposit(w.a.Token, amount); err != nil {
		t.Fatal(err)
	}
	w.poll()
	ev, err := w.escrow.FilterDeposited(&bind.FilterOpts{Context: w.ctx}, nil, nil)
	if err != nil || !ev.Next() {
		t.Fatalf("no Deposited event: %v", err)
	}
	if ev.Event.UsdValue.Int64() != 6_172_839 || w.balance(user) != 6_172_839 {
		t.Fatalf("valued on chain at %v, credited %s; want 6172839", ev.Event.UsdValue, w.balance(user))
	}

	// A new price ($0.75) values the next deposit.
	w.ok(feed.Submit(w.transactor(w.admin).Opts, big.NewInt(75_000_000)))
	if err := wal.Deposit(w.a.Token, new(big.Int).Mul(big.NewInt(2), big.NewInt(1e18))); err != nil {
		t.Fatal(err)
	}
	w.poll()
	if w.balance(user) != 6_172_839+1_500_000 {
		t.Fatalf("after 2 GAIA at $0.75: %s", w.balance(user))
	}

	// Usage beyond her stablecoin in the escrow ($0.01) is charged in GAIA,
	// at the feed's price when the batch settles: the GAIA batch is signed
	// in dollars and the escrow values what it took at exactly that.
	w.deposit(alice, big.NewInt(10_000))
	w.poll()
	node := key(t)
	if _, err := w.st.AddNode(w.ctx, addrOf(node).Hex(), store.StatusAdmitted); err != nil {
		t.Fatal(err)
	}
	spent := w.bigCharges("g-", user, node, 3, 200) // about $0.38
	gaiaBefore, _ := w.escrow.BalanceOf(&bind.CallOpts{Context: w.ctx}, addrOf(alice), w.a.Token)
	if n, err := w.svc.Settle(w.ctx); err != nil || n != 1 {
		t.Fatalf("settle: %d, %v", n, chain.Explain(err))
	}
	inGaia := int64(spent) - 10_000
	// ceil(inGaia µ$ / $0.75) in GAIA-wei: inGaia * 10^26 / (75e6 * 1e6), rounded up.
	want := new(big.Int).Mul(big.NewInt(inGaia), new(big.Int).Exp(big.NewInt(10), big.NewInt(26), nil))
	want.Add(want, big.NewInt(75e12-1)).Quo(want, big.NewInt(75e12))
	gaiaAfter, _ := w.escrow.BalanceOf(&bind.CallOpts{Context: w.ctx}, addrOf(alice), w.a.Token)
	if got := new(big.Int).Sub(gaiaBefore, gaiaAfter); got.Cmp(want) != 0 {
		t.Fatalf("GAIA charged %v, want %v ($%d µ at $0.75)", got, want, inGaia)
	}
	it, err := w.escrow.FilterSettled(&bind.FilterOpts{Context: w.ctx}, nil, []common.Address{w.a.Token})
	if err != nil || !it.Next() || it.Event.UsdValue.Int64() != inGaia {
		t.Fatalf("the GAIA settlement's value: %v (%v), want %d", it.Event, err, inGaia)
	}
	if w.onChain(addrOf(alice)) != 0 || w.balance(user) != 6_172_839+1_500_000+10_000-spent {
		t.Fatalf("after settling %s: stablecoin left %d, ledger %s", spent, w.onChain(addrOf(alice)), w.balance(user))
	}
	left := 6_172_839 + 1_500_000 - spent + 10_000

	// Stale: refused, and the error says what to do.
	w.adjustTime(2 * time.Hour)
	err = wal.Deposit(w.a.Token, big.NewInt(1e18))
	if err == nil || !strings.Contains(err.Error(), "StalePrice") || !strings.Contains(err.Error(), "fresh price") {
		t.Fatalf("deposit at a stale price: %v", err)
	}
	w.poll()
	if w.balance(user) != left {
		t.Fatalf("a refused deposit changed the ledger: %s", w.balance(user))
	}

	// Withdrawing 4 GAIA (the price is stale, the withdrawal still goes):
	// debited at the last price, $0.75.
	if err := wal.RequestWithdrawal(w.a.Token, new(big.Int).Mul(big.NewInt(4), big.NewInt(1e18))); err != nil {
		t.Fatal(err)
	}
	w.adjustTime(2 * time.Hour)
	if err := wal.Withdraw(w.a.Token); err != nil {
		t.Fatal(err)
	}
	w.poll()
	if w.balance(user) != left-3_000_000 {
		t.Fatalf("after withdrawing 4 GAIA at $0.75: %s", w.balance(user))
	}

	// While the price is stale, alice's GAIA batch waits (pending), and it
	// does not hold up bob's batch in the stablecoin; once the feeder posts
	// a fresh price, alice's settles too.
	bobUser := w.bindUser("bob", bob)
	w.deposit(bob, usd(1))
	w.poll()
	w.charges("h-", user, node, 2)
	bobSpent := w.charges("i-", bobUser, node, 2)
	n, err := w.svc.Settle(w.ctx)
	if n != 0 || err == nil || !strings.Contains(err.Error(), "StalePrice") {
		t.Fatalf("settle with alice's GAIA at a stale price: %d, %v", n, err)
	}
	w.charges("j-", bobUser, node, 1)
	n, err = w.svc.Settle(w.ctx)
	if n != 1 || err == nil {
		t.Fatalf("settle past alice's waiting batch: %d, %v", n, err)
	}
	if got := usd(1).Int64() - w.onChain(addrOf(bob)); got <= int64(bobSpent) {
		t.Fatalf("bob charged %d on chain, want more than %s", got, bobSpent)
	}
	w.ok(feed.Submit(w.transactor(w.admin).Opts, big.NewInt(75_000_000)))
	if n, err := w.svc.Settle(w.ctx); n != 1 || err != nil {
		t.Fatalf("settle at a fresh price: %d, %v", n, err)
	}
	pending, _ := w.st.Settlements(w.ctx, "", store.SettlementPending)
	if len(pending) != 0 || w.balance(bobUser) != ledger.Micros(w.onChain(addrOf(bob))) {
		t.Fatalf("pending %v; bob: ledger %s, escrow %d", pending, w.balance(bobUser), w.onChain(addrOf(bob)))
	}

	// A GAIA part that charges nothing (the GAIA left the escrow between
	// the balance read and the settlement) pays nobody: all its signed
	// dollars are recorded uncovered.
	short := w.charges("k-", bobUser, node, 1)
	id := newBatchID()
	head, _ := w.client.HeaderByNumber(w.ctx, nil)
	if _, ok, err := w.st.ClaimSettlement(w.ctx, w.a.Escrow.Hex(), id.String(), 100, func(legs []store.SettlementLeg, uses []store.NodeUse) (string, ledger.Micros, error) {
		return w.svc.build(id, head.Time+3600, legs, uses, map[common.Address]funds{addrOf(bob): {gaia: true}})
	}); err != nil || !ok {
		t.Fatalf("claim: %v %v", ok, err)
	}
	if n, err := w.svc.Settle(w.ctx); n != 1 || err != nil {
		t.Fatalf("settle: %d, %v", n, err)
	}
	all, _ := w.st.Settlements(w.ctx, "", "")
	if last := all[len(all)-1]; last.ID != id.String() || last.Uncovered != short {
		t.Fatalf("batch %s: uncovered %s, want %s", last.ID, last.Uncovered, short)
	}
	if err := w.st.Check(w.ctx); err != nil {
		t.Fatal(err)
	}
}
