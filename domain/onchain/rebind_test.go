package onchain

import (
	"crypto/ecdsa"
	"math/big"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/chain"
	"github.com/gaianet-go/gaianet/domain/ledger"
	"github.com/gaianet-go/gaianet/domain/store"
	"github.com/gaianet-go/gaianet/domain/store/storetest"
)

// signedUnbinding asks for a challenge with apiKey and signs its end of
// binding for k's wallet.
func (w *world) signedUnbinding(apiKey string, k *ecdsa.PrivateKey) BindRequest {
	w.t.Helper()
	return w.signed(apiKey, k, chain.EscrowDomain.SignUnbinding)
}

// charge posts one billed request of user on node, made now.
func (w *world) charge(id, user string, node *ecdsa.PrivateKey) ledger.Micros {
	w.t.Helper()
	c, err := ledger.NewCharge(id, user, addrOf(node).Hex(), "m", ledger.Usage{InputTokens: 1000, OutputTokens: 500},
		ledger.Prices{InputPerMillion: 100_000, OutputPerMillion: 400_000, PerRequest: 1_003}, ledger.DefaultSplit)
	if err != nil {
		w.t.Fatal(err)
	}
	if _, err := w.st.PostBatch(w.ctx, []ledger.Charge{c}); err != nil {
		w.t.Fatal(err)
	}
	return c.Amount
}

// withdrawAll takes k's whole escrow balance out after the notice.
func (w *world) withdrawAll(k *ecdsa.PrivateKey) {
	w.t.Helper()
	wal, _ := chain.OpenWallet(w.ctx, w.transactor(k), w.a.Escrow)
	if err := wal.RequestWithdrawal(w.a.Stablecoin, big.NewInt(w.onChain(addrOf(k)))); err != nil {
		w.t.Fatal(err)
	}
	w.adjustTime(2 * time.Hour)
	if err := wal.Withdraw(w.a.Stablecoin); err != nil {
		w.t.Fatal(err)
	}
	w.poll()
}

// TestRebindAndUnbind: a user moves from wallet A to wallet B (signed by
// B, fresh nonce): requests made before the move settle on A, later ones
// on B, each wholly on one wallet; the move is refused while A holds
// escrow funds, forged or replayed requests are refused, and an unbinding
// must be the bound wallet's Unbinding signature. An unbound wallet's
// deposits are held until it is bound again, and never go to another user.
func TestRebindAndUnbind(t *testing.T) {
	for name, storage := range storetest.Storages(t) {
		t.Run(name, func(t *testing.T) {
			a, b, mallory, node := key(t), key(t), key(t), key(t)
			w := newWorld(t, storage, a, b, mallory)
			u, apiKey, _ := w.st.AddUser(w.ctx, "alice")
			if _, err := w.st.AddNode(w.ctx, addrOf(node).Hex(), store.StatusAdmitted); err != nil {
				t.Fatal(err)
			}
			if code := w.call(BindPath, apiKey, w.signedBinding(apiKey, a), nil); code != http.StatusOK {
				t.Fatalf("bind A: %d", code)
			}
			w.deposit(a, usd(10))
			w.poll()
			before := w.charge("before-1", u.ID, node)

			// Binding again (not rebinding) a second wallet: refused.
			if code := w.call(BindPath, apiKey, w.signedBinding(apiKey, b), nil); code != http.StatusConflict {
				t.Fatalf("second bind: %d", code)
			}
			// A still holds funds: rebinding refused, readably.
			var e struct {
				Error struct{ Code, Message string }
			}
			if code := w.call(RebindPath, apiKey, w.signedBinding(apiKey, b), &e); code != http.StatusConflict || e.Error.Code != "wallet_not_empty" {
				t.Fatalf("rebind with funds in A: %d %+v", code, e)
			}
			if n, err := w.svc.Settle(w.ctx); err != nil || n != 1 {
				t.Fatalf("settle: %d %v", n, err)
			}
			if w.onChain(addrOf(a)) != usd(10).Int64()-int64(before) {
				t.Fatalf("A after the first settlement: %d, want %d", w.onChain(addrOf(a)), usd(10).Int64()-int64(before))
			}
			w.withdrawAll(a)
			if w.balance(u.ID) != 0 || w.onChain(addrOf(a)) != 0 {
				t.Fatalf("after withdrawing A: ledger %s, escrow %d", w.balance(u.ID), w.onChain(addrOf(a)))
			}

			// Forged: mallory's signature for wallet B; B's Unbinding
			// signature offered as a binding.
			forged := w.signedBinding(apiKey, mallory)
			forged.Binding.Wallet = addrOf(b)
			if code := w.call(RebindPath, apiKey, forged, nil); code != http.StatusUnauthorized {
				t.Fatalf("forged rebind: %d", code)
			}
			if code := w.call(RebindPath, apiKey, w.signedUnbinding(apiKey, b), nil); code != http.StatusUnauthorized {
				t.Fatalf("unbinding signature as a rebind: %d", code)
			}
			// A challenge of another user's key, or an expiry changed.
			_, bobKey, _ := w.st.AddUser(w.ctx, "bob")
			if code := w.call(RebindPath, apiKey, w.signedBinding(bobKey, b), nil); code != http.StatusForbidden {
				t.Fatalf("bob's challenge: %d", code)
			}
			stretched := w.signedBinding(apiKey, b)
			stretched.Binding.Expires += 3600
			dom := chain.EscrowDomain{ChainID: w.chainID, Escrow: w.a.Escrow}
			stretched.Signature, _ = dom.SignBinding(chain.KeySigner{Key: b}, stretched.Binding)
			if code := w.call(RebindPath, apiKey, stretched, nil); code != http.StatusUnauthorized {
				t.Fatalf("expiry stretched: %d", code)
			}
			// The rebinding, then its replay.
			req := w.signedBinding(apiKey, b)
			var res map[string]any
			if code := w.call(RebindPath, apiKey, req, &res); code != http.StatusOK || res["previous"] != addrOf(a).Hex() {
				t.Fatalf("rebind: %d %v", code, res)
			}
			if code := w.call(RebindPath, apiKey, req, nil); code != http.StatusUnauthorized {
				t.Fatalf("replayed rebind: %d", code)
			}
			var st WalletStatus
			w.call(WalletPath, apiKey, nil, &st)
			if st.Wallet != addrOf(b).Hex() || len(st.Links) != 2 || st.Links[0].Unbound == nil || st.Links[1].Unbound != nil {
				t.Fatalf("status after rebind: %+v", st)
			}

			// A's deposits after the move are held; B's credit the user.
			w.deposit(a, usd(3))
			w.deposit(b, usd(5))
			w.poll()
			if w.balance(u.ID) != 5*ledger.PerDollar {
				t.Fatalf("after deposits to A (unbound) and B: %s", w.balance(u.ID))
			}
			time.Sleep(2 * time.Millisecond) // a request strictly after the move
			after := w.charge("after-1", u.ID, node)
			after += w.charge("after-2", u.ID, node)
			if n, err := w.svc.Settle(w.ctx); err != nil || n != 1 {
				t.Fatalf("settle after the move: %d %v", n, chain.Explain(err))
			}
			// Each wallet paid for its own requests only.
			if w.onChain(addrOf(b)) != int64(5*ledger.PerDollar-after) || w.onChain(addrOf(a)) != usd(3).Int64() {
				t.Fatalf("escrow: B %d (want %d), A %d (want %d held)", w.onChain(addrOf(b)), 5*ledger.PerDollar-after, w.onChain(addrOf(a)), usd(3).Int64())
			}
			if w.balance(u.ID) != 5*ledger.PerDollar-after {
				t.Fatalf("ledger %s, want %s", w.balance(u.ID), 5*ledger.PerDollar-after)
			}

			// A cannot go to bob: its escrow history is alice's.
			if code := w.call(BindPath, bobKey, w.signedBinding(bobKey, a), nil); code != http.StatusConflict {
				t.Fatalf("A bound to bob: %d", code)
			}
			// Unbinding: B's funds block it; a binding signature or A's
			// Unbinding are not B's Unbinding.
			if code := w.call(UnbindPath, apiKey, w.signedUnbinding(apiKey, b), &e); code != http.StatusConflict || e.Error.Code != "wallet_not_empty" {
				t.Fatalf("unbind with funds in B: %d %+v", code, e)
			}
			if code := w.call(UnbindPath, apiKey, w.signedBinding(apiKey, b), nil); code != http.StatusUnauthorized {
				t.Fatalf("binding signature as an unbinding: %d", code)
			}
			if code := w.call(UnbindPath, apiKey, w.signedUnbinding(apiKey, a), nil); code != http.StatusConflict {
				t.Fatalf("unbinding A, which is not bound: %d", code)
			}
			w.withdrawAll(b)
			unb := w.signedUnbinding(apiKey, b)
			if code := w.call(UnbindPath, apiKey, unb, &res); code != http.StatusOK {
				t.Fatalf("unbind: %d %v", code, res)
			}
			if code := w.call(UnbindPath, apiKey, unb, nil); code != http.StatusUnauthorized {
				t.Fatalf("replayed unbind: %d", code)
			}
			// Back to A: its held $3 is credited now.
			if code := w.call(BindPath, apiKey, w.signedBinding(apiKey, a), &res); code != http.StatusOK || res["credited"] != 3.0 {
				t.Fatalf("bind A again: %d %v", code, res)
			}
			if w.balance(u.ID) != 3*ledger.PerDollar || w.onChain(addrOf(a)) != usd(3).Int64() {
				t.Fatalf("after binding A again: ledger %s, escrow %d", w.balance(u.ID), w.onChain(addrOf(a)))
			}
			if err := w.st.Check(w.ctx); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// adjustTime moves the simulated clock on by d in a new block, once the
// pool has caught up (chain.RetryWhilePoolBusy), sealing what may really
// be pending after a while.
func (w *world) adjustTime(d time.Duration) {
	w.t.Helper()
	if err := chain.RetryWhilePoolBusy(w.ctx, func() error { return w.sim.AdjustTime(d) }, func() { w.sim.Commit() }); err != nil {
		w.t.Fatal(err)
	}
}

// probed adds user alice bound to wallet k and an admitted node, and
// charges alice one request on it (before any deposit): its price.
func (w *world) probed(k *ecdsa.PrivateKey) (u store.User, apiKey string, node *ecdsa.PrivateKey, one ledger.Micros) {
	w.t.Helper()
	node = key(w.t)
	u, apiKey, err := w.st.AddUser(w.ctx, "alice")
	if err != nil {
		w.t.Fatal(err)
	}
	if _, err := w.st.AddNode(w.ctx, addrOf(node).Hex(), store.StatusAdmitted); err != nil {
		w.t.Fatal(err)
	}
	if code := w.call(BindPath, apiKey, w.signedBinding(apiKey, k), nil); code != http.StatusOK {
		w.t.Fatalf("bind: %d", code)
	}
	return u, apiKey, node, w.charge("probe", u.ID, node)
}

// TestRebindAfterLostKey is the recovery path of a user who lost the old
// wallet's key while it still holds escrow funds (no operator override,
// see docs/reliability.md): the old wallet's funds are spent by the user's
// requests, which the domain settles without that key, and once its escrow
// balance is zero the user rebinds with the new wallet's signature alone.
func TestRebindAfterLostKey(t *testing.T) {
	for name, storage := range storetest.Storages(t) {
		t.Run(name, func(t *testing.T) {
			lost, b := key(t), key(t)
			w := newWorld(t, storage, lost, b)
			u, apiKey, node, one := w.probed(lost)
			w.deposit(lost, big.NewInt(3*int64(one)))
			w.poll()
			// From here on the lost key signs nothing.
			if code := w.call(RebindPath, apiKey, w.signedBinding(apiKey, b), nil); code != http.StatusConflict {
				t.Fatalf("rebind with funds left: %d", code)
			}
			for _, id := range []string{"r1", "r2"} {
				w.charge(id, u.ID, node)
			}
			if n, err := w.svc.Settle(w.ctx); err != nil || n == 0 {
				t.Fatalf("settle: %d %v", n, err)
			}
			w.poll() // the rebind also checks the last block the domain recorded
			if got := w.onChain(addrOf(lost)); got != 0 || w.balance(u.ID) != 0 {
				t.Fatalf("after spending: escrow %d, ledger %s", got, w.balance(u.ID))
			}
			var res map[string]any
			if code := w.call(RebindPath, apiKey, w.signedBinding(apiKey, b), &res); code != http.StatusOK || res["previous"] != addrOf(lost).Hex() {
				t.Fatalf("rebind after spending the old wallet's funds: %d %v", code, res)
			}
			w.deposit(b, usd(1))
			w.poll()
			if w.balance(u.ID) != ledger.Micros(usd(1).Int64()) {
				t.Fatalf("the new wallet's deposit: ledger %s", w.balance(u.ID))
			}
		})
	}
}

// TestRebindChecksEveryAsset: a wallet holding only GAIA in the escrow
// (its stablecoin balance zero) cannot be rebound or unbound either: the
// refusal names GAIA and how to withdraw it; once the GAIA is withdrawn,
// the rebinding goes through.
func TestRebindChecksEveryAsset(t *testing.T) {
	a, b := key(t), key(t)
	w := newWorld(t, "", a, b)
	w.giveGaia(a, wholeGaia(10))
	_, apiKey, err := w.st.AddUser(w.ctx, "alice")
	if err != nil {
		t.Fatal(err)
	}
	if code := w.call(BindPath, apiKey, w.signedBinding(apiKey, a), nil); code != http.StatusOK {
		t.Fatalf("bind A: %d", code)
	}
	wal, err := chain.OpenWallet(w.ctx, w.transactor(a), w.a.Escrow)
	if err != nil {
		t.Fatal(err)
	}
	oneGaia := big.NewInt(1e18)
	if err := wal.Deposit(w.a.Token, oneGaia); err != nil {
		t.Fatal(err)
	}
	w.poll()
	if w.onChain(addrOf(a)) != 0 {
		t.Fatalf("A holds %d of the stablecoin, want none", w.onChain(addrOf(a)))
	}
	var e struct {
		Error struct{ Code, Message string }
	}
	for _, c := range []struct {
		path string
		req  BindRequest
	}{{RebindPath, w.signedBinding(apiKey, b)}, {UnbindPath, w.signedUnbinding(apiKey, a)}} {
		code := w.call(c.path, apiKey, c.req, &e)
		if code != http.StatusConflict || e.Error.Code != "wallet_not_empty" ||
			!strings.Contains(e.Error.Message, "1000000000000000000 units of GAIA") || !strings.Contains(e.Error.Message, "--asset gaia") {
			t.Fatalf("%s with GAIA in A: %d %+v", c.path, code, e)
		}
	}
	if err := wal.RequestWithdrawal(w.a.Token, oneGaia); err != nil {
		t.Fatal(err)
	}
	w.adjustTime(2 * time.Hour)
	if err := wal.Withdraw(w.a.Token); err != nil {
		t.Fatal(chain.Explain(err))
	}
	w.poll()
	var res map[string]any
	if code := w.call(RebindPath, apiKey, w.signedBinding(apiKey, b), &res); code != http.StatusOK || res["previous"] != addrOf(a).Hex() {
		t.Fatalf("rebind once A's GAIA is withdrawn: %d %v", code, res)
	}
}

// TestLeftoverDoesNotBlock is the leftover rule: a user whose old wallet
// (its key lost, say) keeps a leftover in the escrow smaller than the
// cheapest request (here 500 µ$ of the stablecoin and 1 wei of GAIA, the
// latter worth nothing in the ledger) can still rebind. The leftover stays
// in the escrow, the old wallet's to withdraw; the user's credit it backed
// is left behind with it (store.LeftoverAccount), so the new wallet's
// deposit credits exactly what it deposited and its requests settle on it
// alone (escrow = ledger, no shortfall). A leftover worth a request still
// blocks, and with no limit configured any leftover does. When the old
// wallet withdraws its leftover (held: it is unbound) and is later bound
// again, the credit comes back and the withdrawal takes it: net zero.
func TestLeftoverDoesNotBlock(t *testing.T) {
	for name, storage := range storetest.Storages(t) {
		t.Run(name, func(t *testing.T) {
			a, b := key(t), key(t)
			w := newWorld(t, storage, a, b)
			w.giveGaia(a, big.NewInt(1))
			u, apiKey, node, one := w.probed(a)
			const leftover = 500
			w.deposit(a, big.NewInt(3*int64(one)+leftover))
			wal, err := chain.OpenWallet(w.ctx, w.transactor(a), w.a.Escrow)
			if err != nil {
				t.Fatal(err)
			}
			if err := wal.Deposit(w.a.Token, big.NewInt(1)); err != nil {
				t.Fatal(err)
			}
			w.poll()
			w.charge("r1", u.ID, node)
			w.charge("r2", u.ID, node)
			if n, err := w.svc.Settle(w.ctx); err != nil || n == 0 {
				t.Fatalf("settle: %d %v", n, err)
			}
			w.poll()
			if w.onChain(addrOf(a)) != leftover || w.balance(u.ID) != leftover {
				t.Fatalf("after spending: escrow %d, ledger %s; want %d each", w.onChain(addrOf(a)), w.balance(u.ID), leftover)
			}

			// No limit (the old rule), or a leftover not below it: refused.
			var e struct {
				Error struct{ Code, Message string }
			}
			for _, limit := range []ledger.Micros{0, leftover} {
				w.svc.minRequest = limit
				if code := w.call(RebindPath, apiKey, w.signedBinding(apiKey, b), &e); code != http.StatusConflict || e.Error.Code != "wallet_not_empty" ||
					!strings.Contains(e.Error.Message, "500 units of the stablecoin and 1 units of GAIA") {
					t.Fatalf("rebind with a leftover of 500 and limit %s: %d %+v", limit, code, e)
				}
			}
			w.svc.minRequest = one
			var res map[string]any
			if code := w.call(RebindPath, apiKey, w.signedBinding(apiKey, b), &res); code != http.StatusOK || res["left_behind"] != 0.0005 {
				t.Fatalf("rebind with a leftover below one request: %d %v", code, res)
			}
			if w.balance(u.ID) != 0 || w.accountBalance(store.LeftoverAccount) != leftover || w.onChain(addrOf(a)) != leftover {
				t.Fatalf("after the rebind: ledger %s, leftovers %s, A's escrow %d", w.balance(u.ID), w.accountBalance(store.LeftoverAccount), w.onChain(addrOf(a)))
			}

			// B's deposit credits exactly what it deposited; its requests
			// settle on B alone, with nothing uncovered.
			w.deposit(b, usd(1))
			w.poll()
			if w.balance(u.ID) != ledger.PerDollar {
				t.Fatalf("B's $1: ledger %s", w.balance(u.ID))
			}
			time.Sleep(2 * time.Millisecond) // a request strictly after the move
			spent := w.charge("after", u.ID, node)
			if n, err := w.svc.Settle(w.ctx); err != nil || n != 1 {
				t.Fatalf("settle on B: %d %v", n, chain.Explain(err))
			}
			if w.onChain(addrOf(b)) != int64(ledger.PerDollar-spent) || w.balance(u.ID) != ledger.PerDollar-spent || w.accountBalance(store.ShortfallAccount) != 0 {
				t.Fatalf("B: escrow %d, ledger %s (want %s), shortfall %s", w.onChain(addrOf(b)), w.balance(u.ID), ledger.PerDollar-spent, w.accountBalance(store.ShortfallAccount))
			}

			// The leftover is A's to withdraw (held: A is unbound).
			if err := wal.RequestWithdrawal(w.a.Stablecoin, big.NewInt(leftover)); err != nil {
				t.Fatal(err)
			}
			w.adjustTime(2 * time.Hour)
			if err := wal.Withdraw(w.a.Stablecoin); err != nil {
				t.Fatal(chain.Explain(err))
			}
			w.poll()
			if w.onChain(addrOf(a)) != 0 || w.balance(u.ID) != ledger.PerDollar-spent {
				t.Fatalf("after A withdrew its leftover: A's escrow %d, ledger %s", w.onChain(addrOf(a)), w.balance(u.ID))
			}
			// Back to A once B is empty: the credit comes back and A's held
			// withdrawal takes it.
			w.withdrawAll(b)
			if code := w.call(RebindPath, apiKey, w.signedBinding(apiKey, a), &res); code != http.StatusOK || res["credited"] != 0.0 {
				t.Fatalf("rebind to A: %d %v", code, res)
			}
			if w.balance(u.ID) != 0 || w.accountBalance(store.LeftoverAccount) != 0 {
				t.Fatalf("back on A: ledger %s, leftovers %s", w.balance(u.ID), w.accountBalance(store.LeftoverAccount))
			}
			if err := w.st.Check(w.ctx); err != nil {
				t.Fatal(err)
			}
		})
	}
}
