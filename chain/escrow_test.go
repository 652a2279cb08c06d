package chain

import (
	"crypto/ecdsa"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/gaianet-go/gaianet/chain/contracts"
)

// TestSettlementDigest checks our EIP-712 digest against two independent
// computations: go-ethereum's typed-data hasher (apitypes) and the escrow's
// own hashSettlement on chain.
func TestSettlementDigest(t *testing.T) {
	e := newEnv(t, nil)
	s := e.batch(7, e.a.Stablecoin,
		map[*ecdsa.PrivateKey]*big.Int{e.users[0]: usd(3), e.users[1]: big.NewInt(1)},
		map[*ecdsa.PrivateKey]*big.Int{e.nodes[0]: usd(1)})
	s.Usage = []contracts.EscrowUsage{{Component: big.NewInt(1), Units: big.NewInt(40)}, {Component: big.NewInt(2), Units: big.NewInt(2)}}

	ours, err := e.domain().Digest(s)
	if err != nil {
		t.Fatal(err)
	}
	onChain, err := e.escrow.HashSettlement(e.call(), s)
	if err != nil {
		t.Fatal(err)
	}
	if ours != onChain {
		t.Fatalf("digest %x, escrow computes %x", ours, onChain)
	}

	list := func(n int, f func(i int) apitypes.TypedDataMessage) []interface{} {
		out := make([]interface{}, n)
		for i := range n {
			out[i] = f(i)
		}
		return out
	}
	td := apitypes.TypedData{
		Types: apitypes.Types{
			"EIP712Domain": {{Name: "name", Type: "string"}, {Name: "version", Type: "string"}, {Name: "chainId", Type: "uint256"}, {Name: "verifyingContract", Type: "address"}},
			"Settlement": {{Name: "id", Type: "uint256"}, {Name: "asset", Type: "address"}, {Name: "charges", Type: "Charge[]"},
				{Name: "payouts", Type: "Payout[]"}, {Name: "usage", Type: "Usage[]"}, {Name: "deadline", Type: "uint256"}},
			"Charge": {{Name: "user", Type: "address"}, {Name: "amount", Type: "uint256"}},
			"Payout": {{Name: "to", Type: "address"}, {Name: "amount", Type: "uint256"}},
			"Usage":  {{Name: "component", Type: "uint256"}, {Name: "units", Type: "uint256"}},
		},
		PrimaryType: "Settlement",
		Domain: apitypes.TypedDataDomain{Name: "GaiaNetEscrow", Version: "1",
			ChainId: (*math.HexOrDecimal256)(e.chainID), VerifyingContract: e.a.Escrow.Hex()},
		Message: apitypes.TypedDataMessage{
			"id": s.Id.String(), "asset": s.Asset.Hex(), "deadline": s.Deadline.String(),
			"charges": list(len(s.Charges), func(i int) apitypes.TypedDataMessage {
				return apitypes.TypedDataMessage{"user": s.Charges[i].User.Hex(), "amount": s.Charges[i].Amount.String()}
			}),
			"payouts": list(len(s.Payouts), func(i int) apitypes.TypedDataMessage {
				return apitypes.TypedDataMessage{"to": s.Payouts[i].To.Hex(), "amount": s.Payouts[i].Amount.String()}
			}),
			"usage": list(len(s.Usage), func(i int) apitypes.TypedDataMessage {
				return apitypes.TypedDataMessage{"component": s.Usage[i].Component.String(), "units": s.Usage[i].Units.String()}
			}),
		},
	}
	ref, _, err := apitypes.TypedDataAndHash(td)
	if err != nil {
		t.Fatal(err)
	}
	if common.BytesToHash(ref) != ours {
		t.Fatalf("digest %x, go-ethereum's EIP-712 hasher says %x", ours, ref)
	}
}

// TestEscrowFlow: deposit, settle with node payouts, stakers' and component
// owners' shares, then withdraw the rest after the notice period.
func TestEscrowFlow(t *testing.T) {
	e := newEnv(t, nil)
	u := e.users[0]
	op := addr(e.admin)

	// A staker on the operator and a component with reported usage.
	e.ok(e.token.Approve(e.opts(e.stakers[0]), e.a.Staking, gaia(1000)))
	e.ok(e.staking.Stake(e.opts(e.stakers[0]), op, gaia(1000)))
	owner := e.nodes[2]
	e.ok(e.market.List(e.opts(owner), [32]byte{1}, 0, "ipfs://model", e.a.Stablecoin, usd(5), big.NewInt(500)))

	e.deposit(u, e.a.Stablecoin, usd(100))
	eq(t, "escrow balance", e.escrowBalance(u, e.a.Stablecoin), usd(100))

	s := e.batch(1, e.a.Stablecoin, map[*ecdsa.PrivateKey]*big.Int{u: usd(40)},
		map[*ecdsa.PrivateKey]*big.Int{e.nodes[0]: usd(20), e.nodes[1]: usd(10)})
	// All 40 of the batch's revenue used the component: its royalty is 5% of 40.
	s.Usage = []contracts.EscrowUsage{{Component: big.NewInt(1), Units: usd(40)}}
	opBefore := e.balance(e.a.Stablecoin, op)
	r := e.ok(e.escrow.Settle(e.opts(e.nodes[0]), s, e.sign(s))) // anyone may submit
	t.Logf("settlement of 1 charge, 2 payouts, 1 usage: %d gas", r.GasUsed)

	eq(t, "user balance", e.escrowBalance(u, e.a.Stablecoin), usd(60))
	eq(t, "node 0", e.balance(e.a.Stablecoin, addr(e.nodes[0])), usd(20))
	eq(t, "node 1", e.balance(e.a.Stablecoin, addr(e.nodes[1])), usd(10))
	// 10% to stakers = 4, 5% to components = 2, operator gets 40-4-2-30 = 4.
	eq(t, "operator", new(big.Int).Sub(e.balance(e.a.Stablecoin, op), opBefore), usd(4))
	owed, err := e.market.Owed(e.call(), addr(owner), e.a.Stablecoin)
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "component owner owed", owed, usd(2))
	e.ok(e.market.Claim(e.opts(owner), e.a.Stablecoin))
	eq(t, "component owner paid", e.balance(e.a.Stablecoin, addr(owner)), usd(2))
	e.ok(e.staking.Claim(e.opts(e.stakers[0]), op))
	eq(t, "staker revenue", e.balance(e.a.Stablecoin, addr(e.stakers[0])), usd(4))

	// Withdraw: not before the notice is over.
	e.ok(e.escrow.RequestWithdrawal(e.opts(u), e.a.Stablecoin, usd(1000)))
	e.reverts("NoticeNotOver")(e.escrow.Withdraw(e.opts(u), e.a.Stablecoin))
	e.advance(e.cfg.NoticePeriod + time.Second)
	before := e.balance(e.a.Stablecoin, addr(u))
	e.ok(e.escrow.Withdraw(e.opts(u), e.a.Stablecoin))
	eq(t, "withdrawn", new(big.Int).Sub(e.balance(e.a.Stablecoin, addr(u)), before), usd(60))
	eq(t, "escrow holds nothing", e.balance(e.a.Stablecoin, e.a.Escrow), new(big.Int))
}

// TestSettlementReplay: a settlement is accepted once; its signature is
// worthless for another id, another escrow or another chain.
func TestSettlementReplay(t *testing.T) {
	e := newEnv(t, nil)
	u := e.users[0]
	e.deposit(u, e.a.Stablecoin, usd(100))
	s := e.batch(1, e.a.Stablecoin, map[*ecdsa.PrivateKey]*big.Int{u: usd(1)}, nil)
	sig := e.sign(s)
	e.ok(e.escrow.Settle(e.opts(e.admin), s, sig))
	e.reverts("AlreadySettled")(e.escrow.Settle(e.opts(e.admin), s, sig))

	other := s
	other.Id = big.NewInt(2)
	e.reverts("BadSignature")(e.escrow.Settle(e.opts(e.admin), other, sig))

	// Signed for another chain id.
	wrongChain := EscrowDomain{ChainID: new(big.Int).Add(e.chainID, big.NewInt(1)), Escrow: e.a.Escrow}
	sig2, err := wrongChain.Sign(e.signer, other)
	if err != nil {
		t.Fatal(err)
	}
	e.reverts("BadSignature")(e.escrow.Settle(e.opts(e.admin), other, sig2))

	// A second escrow with the same signer rejects the first one's signature.
	second, err := DeployEscrow(e.as(e.admin), e.a, e.cfg)
	if err != nil {
		t.Fatal(err)
	}
	esc2, err := contracts.NewEscrow(second, e.backend)
	if err != nil {
		t.Fatal(err)
	}
	e.ok(e.stable.Approve(e.opts(u), second, usd(10)))
	e.ok(esc2.Deposit(e.opts(u), e.a.Stablecoin, usd(10)))
	e.reverts("BadSignature")(esc2.Settle(e.opts(e.admin), s, sig))

	// A signature by anyone but the signer, and a tampered amount.
	bad, err := e.domain().Sign(e.admin, other)
	if err != nil {
		t.Fatal(err)
	}
	e.reverts("BadSignature")(e.escrow.Settle(e.opts(e.admin), other, bad))
	good := e.sign(other)
	other.Charges[0].Amount = usd(2)
	e.reverts("BadSignature")(e.escrow.Settle(e.opts(e.admin), other, good))

	// Past the deadline.
	late := e.batch(3, e.a.Stablecoin, map[*ecdsa.PrivateKey]*big.Int{u: usd(1)}, nil)
	late.Deadline = new(big.Int).SetUint64(e.now() - 1)
	e.reverts("PastDeadline")(e.escrow.Settle(e.opts(e.admin), late, e.sign(late)))
}

// TestWithdrawalDuringPendingSettlement: a settlement inside the notice
// period is charged first; the withdrawal pays only what is left, and a
// settlement after the user left cannot charge more than is there.
func TestWithdrawalDuringPendingSettlement(t *testing.T) {
	e := newEnv(t, nil)
	u := e.users[0]
	e.deposit(u, e.a.Stablecoin, usd(100))
	e.ok(e.escrow.RequestWithdrawal(e.opts(u), e.a.Stablecoin, usd(100)))
	e.reverts("NoticeNotOver")(e.escrow.Withdraw(e.opts(u), e.a.Stablecoin))

	s := e.batch(1, e.a.Stablecoin, map[*ecdsa.PrivateKey]*big.Int{u: usd(30)}, nil)
	e.ok(e.escrow.Settle(e.opts(e.admin), s, e.sign(s)))
	e.advance(e.cfg.NoticePeriod + time.Second)
	before := e.balance(e.a.Stablecoin, addr(u))
	e.ok(e.escrow.Withdraw(e.opts(u), e.a.Stablecoin))
	eq(t, "withdrawn", new(big.Int).Sub(e.balance(e.a.Stablecoin, addr(u)), before), usd(70))

	// A settlement after the user left charges nothing and does not revert:
	// the uncovered charge is reported as a shortfall.
	late := e.batch(2, e.a.Stablecoin, map[*ecdsa.PrivateKey]*big.Int{u: usd(1)}, nil)
	r := e.ok(e.escrow.Settle(e.opts(e.admin), late, e.sign(late)))
	if got := shortfalls(t, e, r); len(got) != 1 || got[addr(u)].Cmp(usd(1)) != 0 {
		t.Fatalf("shortfalls = %v, want %s short by 1 USD", got, addr(u))
	}
	eq(t, "nothing charged", e.escrowBalance(u, e.a.Stablecoin), new(big.Int))
	e.reverts("NoWithdrawalRequested")(e.escrow.Withdraw(e.opts(u), e.a.Stablecoin))
}

// TestOracle: token deposits and settlements are valued at a fresh price;
// a stale feed blocks them, out-of-bounds and foreign answers are refused.
func TestOracle(t *testing.T) {
	e := newEnv(t, nil)
	u := e.users[0]
	e.deposit(u, e.a.Token, gaia(10))
	v, err := e.escrow.UsdValue(e.call(), e.a.Token, gaia(10))
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "10 GAIA at $0.50", v, usd(5))

	e.reverts("AnswerOutOfBounds")(e.feed.Submit(e.opts(e.admin), new(big.Int).Add(e.cfg.MaxPrice, big.NewInt(1))))
	e.reverts("NotFeeder")(e.feed.Submit(e.opts(e.users[1]), e.cfg.Price))

	e.advance(e.cfg.MaxPriceAge + time.Minute)
	e.ok(e.token.Approve(e.opts(u), e.a.Escrow, gaia(1)))
	e.reverts("StalePrice")(e.escrow.Deposit(e.opts(u), e.a.Token, gaia(1)))
	// A GAIA batch is signed in dollars: $2 of GAIA.
	s := e.batch(1, e.a.Token, map[*ecdsa.PrivateKey]*big.Int{u: usd(2)}, nil)
	e.reverts("StalePrice")(e.escrow.Settle(e.opts(e.admin), s, e.sign(s)))
	// Stablecoin needs no price.
	e.deposit(u, e.a.Stablecoin, usd(1))

	e.ok(e.feed.Submit(e.opts(e.admin), big.NewInt(200_000_000))) // $2
	e.ok(e.escrow.Settle(e.opts(e.admin), s, e.sign(s)))
	ev, err := e.escrow.FilterSettled(&bind.FilterOpts{Context: e.ctx}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !ev.Next() {
		t.Fatal("no Settled event")
	}
	eq(t, "settled value", ev.Event.UsdValue, usd(2))
	eq(t, "$2 at $2 is 1 GAIA", ev.Event.Total, gaia(1))
	eq(t, "GAIA left", e.escrowBalance(u, e.a.Token), gaia(9))

	// A withdrawal is never blocked by the feed: with the price stale it is
	// reported at the last price ($2: 9 GAIA = $18).
	e.ok(e.escrow.RequestWithdrawal(e.opts(u), e.a.Token, gaia(9)))
	e.advance(e.cfg.NoticePeriod + time.Second)
	r := e.ok(e.escrow.Withdraw(e.opts(u), e.a.Token))
	var w *contracts.EscrowWithdrawn
	for _, l := range r.Logs {
		if ev, err := e.escrow.ParseWithdrawn(*l); err == nil {
			w = ev
		}
	}
	if w == nil {
		t.Fatal("no Withdrawn event")
	}
	eq(t, "withdrawn GAIA", w.Amount, gaia(9))
	eq(t, "withdrawn value", w.UsdValue, usd(18))

	// The escrow holds the feed to its own bounds too (a Chainlink feed has
	// none the DAO controls): an escrow allowing at most $0.60 refuses a
	// deposit at $2, with the price in the error.
	cfg := e.cfg
	cfg.MaxPrice = big.NewInt(60_000_000)
	narrow, err := DeployEscrow(e.as(e.admin), e.a, cfg)
	if err != nil {
		t.Fatal(err)
	}
	esc2, err := contracts.NewEscrow(narrow, e.backend)
	if err != nil {
		t.Fatal(err)
	}
	e.ok(e.feed.Submit(e.opts(e.admin), big.NewInt(200_000_000)))
	e.ok(e.token.Approve(e.opts(u), narrow, gaia(1)))
	_, err = esc2.Deposit(e.opts(u), e.a.Token, gaia(1))
	if rv := DecodeRevert(err); rv == nil || rv.Name != "PriceOutOfBounds" {
		t.Fatalf("deposit at an out-of-bounds price: %v, want PriceOutOfBounds", err)
	}
	if msg := Explain(err).Error(); !strings.Contains(msg, "PriceOutOfBounds") {
		t.Fatalf("explained: %q", msg)
	}
}

// TestReentrancy: a hostile asset that calls back into the escrow while
// being paid out hits the reentrancy guard, and the whole transaction fails.
func TestReentrancy(t *testing.T) {
	e := newEnv(t, nil)
	tr := e.as(e.admin)
	hostile, tx, ht, err := contracts.DeployReentrantToken(tr.Opts, e.backend)
	if _, err := tr.Wait(tx, err); err != nil {
		t.Fatal(err)
	}
	a := e.a
	a.Stablecoin = hostile
	esc, err := DeployEscrow(tr, a, e.cfg)
	if err != nil {
		t.Fatal(Explain(err))
	}
	escrow, err := contracts.NewEscrow(esc, e.backend)
	if err != nil {
		t.Fatal(err)
	}
	u := e.users[0]
	e.ok(ht.Mint(e.opts(e.admin), addr(u), usd(100)))
	e.ok(ht.Approve(e.opts(u), esc, usd(100)))
	e.ok(escrow.Deposit(e.opts(u), hostile, usd(100)))
	e.ok(escrow.RequestWithdrawal(e.opts(u), hostile, usd(50)))
	e.advance(e.cfg.NoticePeriod + time.Second)

	parsed, err := contracts.EscrowMetaData.GetAbi()
	if err != nil {
		t.Fatal(err)
	}
	again, err := parsed.Pack("withdraw", hostile)
	if err != nil {
		t.Fatal(err)
	}
	e.ok(ht.Arm(e.opts(e.admin), esc, again))
	e.reverts("ReentrancyGuardReentrantCall")(escrow.Withdraw(e.opts(u), hostile))

	// Settlement paying out to a node re-entering settle.
	dom := EscrowDomain{ChainID: e.chainID, Escrow: esc}
	s := e.batch(1, hostile, map[*ecdsa.PrivateKey]*big.Int{u: usd(10)}, map[*ecdsa.PrivateKey]*big.Int{e.nodes[0]: usd(5)})
	sig, err := dom.Sign(e.signer, s)
	if err != nil {
		t.Fatal(err)
	}
	reenter, err := parsed.Pack("settle", s, sig)
	if err != nil {
		t.Fatal(err)
	}
	e.ok(ht.Arm(e.opts(e.admin), esc, reenter))
	e.reverts("ReentrancyGuardReentrantCall")(escrow.Settle(e.opts(e.admin), s, sig))
	b, err := escrow.BalanceOf(e.call(), addr(u), hostile)
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "balance untouched", b, usd(100))
}

// TestRounding: shares are floored, the operator takes the dust, a charge
// can never exceed the balance, and amounts near 2^256 cannot wrap.
func TestRounding(t *testing.T) {
	e := newEnv(t, nil)
	op := addr(e.admin)
	e.ok(e.token.Approve(e.opts(e.stakers[0]), e.a.Staking, gaia(1)))
	e.ok(e.staking.Stake(e.opts(e.stakers[0]), op, gaia(1)))
	u := e.users[0]
	e.deposit(u, e.a.Stablecoin, big.NewInt(1_000))

	// 9 units: 10% is 0.9 -> 0 to stakers, all 9 to the operator.
	before := e.balance(e.a.Stablecoin, op)
	s := e.batch(1, e.a.Stablecoin, map[*ecdsa.PrivateKey]*big.Int{u: big.NewInt(9)}, nil)
	e.ok(e.escrow.Settle(e.opts(e.admin), s, e.sign(s)))
	eq(t, "operator gets the dust", new(big.Int).Sub(e.balance(e.a.Stablecoin, op), before), big.NewInt(9))

	// Payouts larger than what is left after shares.
	s = e.batch(2, e.a.Stablecoin, map[*ecdsa.PrivateKey]*big.Int{u: big.NewInt(100)}, map[*ecdsa.PrivateKey]*big.Int{e.nodes[0]: big.NewInt(91)})
	e.reverts("PayoutsExceedTotal")(e.escrow.Settle(e.opts(e.admin), s, e.sign(s)))

	// Two charges that would wrap 2^256 if the sum were unchecked.
	huge := new(big.Int).Sub(math.MaxBig256, big.NewInt(5))
	s = e.batch(3, e.a.Stablecoin, map[*ecdsa.PrivateKey]*big.Int{u: huge, e.users[1]: big.NewInt(10)}, nil)
	if _, err := e.escrow.Settle(e.opts(e.admin), s, e.sign(s)); err == nil {
		t.Fatal("charges wrapping 2^256 accepted") // Panic(0x11): the signed total overflows
	}
	// A payout that would wrap the payouts' sum.
	s = e.batch(4, e.a.Stablecoin, map[*ecdsa.PrivateKey]*big.Int{u: big.NewInt(100)},
		map[*ecdsa.PrivateKey]*big.Int{e.nodes[0]: huge, e.nodes[1]: big.NewInt(10)})
	if _, err := e.escrow.Settle(e.opts(e.admin), s, e.sign(s)); err == nil || DecodeRevert(err) != nil && DecodeRevert(err).Name != "Panic" {
		// Solidity 0.8 checked arithmetic: Panic(0x11), not a custom error.
		if err == nil {
			t.Fatal("wrapping payouts accepted")
		}
	}
	eq(t, "user charged only once (9)", e.escrowBalance(u, e.a.Stablecoin), big.NewInt(991))

	// Token value with an extreme amount and price: mulDiv, no overflow.
	v, err := e.escrow.UsdValue(e.call(), e.a.Token, new(big.Int).Lsh(big.NewInt(1), 200))
	if err != nil {
		t.Fatal(err)
	}
	want := new(big.Int).Lsh(big.NewInt(1), 200)
	want.Mul(want, e.cfg.Price).Mul(want, big.NewInt(1e6)).Div(want, new(big.Int).Exp(big.NewInt(10), big.NewInt(26), nil))
	eq(t, "usd value of 2^200 GAIA-wei", v, want)
}

// TestExpiryAndRevocation: after revocation nothing settles and users leave
// at once; only the DAO or the operator may revoke.
func TestExpiryAndRevocation(t *testing.T) {
	t.Run("revoke", func(t *testing.T) {
		e := newEnv(t, nil)
		u := e.users[0]
		e.deposit(u, e.a.Stablecoin, usd(10))
		e.reverts("NotOperator")(e.escrow.Revoke(e.opts(u)))
		e.ok(e.escrow.Revoke(e.opts(e.admin)))
		s := e.batch(1, e.a.Stablecoin, map[*ecdsa.PrivateKey]*big.Int{u: usd(1)}, nil)
		e.reverts("Closed")(e.escrow.Settle(e.opts(e.admin), s, e.sign(s)))
		e.ok(e.stable.Approve(e.opts(u), e.a.Escrow, usd(1)))
		e.reverts("Closed")(e.escrow.Deposit(e.opts(u), e.a.Stablecoin, usd(1)))
		e.ok(e.escrow.Withdraw(e.opts(u), e.a.Stablecoin)) // no notice
		eq(t, "left", e.escrowBalance(u, e.a.Stablecoin), new(big.Int))
	})
	t.Run("expire", func(t *testing.T) {
		var start time.Time
		e := newEnv(t, func(c *DeployConfig) {
			start = c.Expiry.Add(-365 * 24 * time.Hour)
			c.Expiry = start.Add(2 * time.Hour)
		})
		u := e.users[0]
		e.deposit(u, e.a.Stablecoin, usd(10))
		e.advance(2 * time.Hour)
		e.ok(e.stable.Approve(e.opts(u), e.a.Escrow, usd(1)))
		e.reverts("Expired")(e.escrow.Deposit(e.opts(u), e.a.Stablecoin, usd(1)))
		// Inside the last notice period the operator still settles and users still wait.
		s := e.batch(1, e.a.Stablecoin, map[*ecdsa.PrivateKey]*big.Int{u: usd(1)}, nil)
		e.ok(e.escrow.Settle(e.opts(e.admin), s, e.sign(s)))
		e.reverts("NoWithdrawalRequested")(e.escrow.Withdraw(e.opts(u), e.a.Stablecoin))
		e.advance(e.cfg.NoticePeriod)
		s = e.batch(2, e.a.Stablecoin, map[*ecdsa.PrivateKey]*big.Int{u: usd(1)}, nil)
		s.Deadline = new(big.Int).SetUint64(e.now() + 3600)
		e.reverts("Closed")(e.escrow.Settle(e.opts(e.admin), s, e.sign(s)))
		e.ok(e.escrow.Withdraw(e.opts(u), e.a.Stablecoin))
		eq(t, "left", e.escrowBalance(u, e.a.Stablecoin), new(big.Int))
	})
}

// TestEscrowRejects: unknown assets, zero amounts, and rule changes by anyone but the DAO.
func TestEscrowRejects(t *testing.T) {
	e := newEnv(t, nil)
	u := e.users[0]
	e.reverts("UnknownAsset")(e.escrow.Deposit(e.opts(u), addr(e.nodes[0]), usd(1)))
	e.reverts("ZeroAmount")(e.escrow.Deposit(e.opts(u), e.a.Stablecoin, new(big.Int)))
	e.reverts("OwnableUnauthorizedAccount")(e.escrow.SetShares(e.opts(e.admin), 0, 0))
	e.reverts("NotOperator")(e.escrow.SetSigner(e.opts(u), addr(u)))
}

// shortfalls returns the Shortfall events of receipt r: user -> uncovered.
func shortfalls(t *testing.T, e *env, r *types.Receipt) map[common.Address]*big.Int {
	t.Helper()
	out := map[common.Address]*big.Int{}
	for _, l := range r.Logs {
		if ev, err := e.escrow.ParseShortfall(*l); err == nil {
			out[ev.User] = ev.Uncovered
		}
	}
	return out
}

// TestShortCharges: a charge above the user's escrow balance (the domain
// gave off-chain credit) is capped, never reverts, and is the operator's
// loss first; only when the operator's remainder cannot absorb it are the
// node payouts and royalty scaled down. Later batches settle as usual.
func TestShortCharges(t *testing.T) {
	e := newEnv(t, nil)
	op := addr(e.admin)
	rich, poor := e.users[0], e.users[1]
	e.ok(e.market.List(e.opts(e.nodes[2]), [32]byte{7}, 0, "ipfs://m", e.a.Stablecoin, usd(1), big.NewInt(0)))
	e.deposit(rich, e.a.Stablecoin, usd(100))
	e.deposit(poor, e.a.Stablecoin, usd(5))

	// Signed: 80 + 10 = 90; nodes 54 (60%), royalty 5% of 90 = 4.5; no stake.
	// Charged: 80 + 5 = 85 (poor is 5 short): the operator's remainder
	// (90 - 54 - 4.5 = 31.5) absorbs it, nodes and royalty are paid in full.
	s := e.batch(1, e.a.Stablecoin, map[*ecdsa.PrivateKey]*big.Int{rich: usd(80), poor: usd(10)},
		map[*ecdsa.PrivateKey]*big.Int{e.nodes[0]: usd(30), e.nodes[1]: usd(24)})
	s.Usage = []contracts.EscrowUsage{{Component: big.NewInt(1), Units: usd(90)}}
	opBefore := e.balance(e.a.Stablecoin, op)
	r := e.ok(e.escrow.Settle(e.opts(e.admin), s, e.sign(s)))
	if got := shortfalls(t, e, r); len(got) != 1 || got[addr(poor)].Cmp(usd(5)) != 0 {
		t.Fatalf("shortfalls = %v, want poor short by 5 USD", got)
	}
	eq(t, "rich", e.escrowBalance(rich, e.a.Stablecoin), usd(20))
	eq(t, "poor", e.escrowBalance(poor, e.a.Stablecoin), new(big.Int))
	eq(t, "node 0", e.balance(e.a.Stablecoin, addr(e.nodes[0])), usd(30))
	eq(t, "node 1", e.balance(e.a.Stablecoin, addr(e.nodes[1])), usd(24))
	owed, err := e.market.Owed(e.call(), addr(e.nodes[2]), e.a.Stablecoin)
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "royalty", owed, big.NewInt(4_500_000))
	eq(t, "operator: 85 - 54 - 4.5", new(big.Int).Sub(e.balance(e.a.Stablecoin, op), opBefore), big.NewInt(26_500_000))

	// Charged 20 of a signed 100 (poor has nothing): nodes want 60 and the
	// royalty 5, more than 20: both scaled by 20/65, the operator keeps the dust.
	s = e.batch(2, e.a.Stablecoin, map[*ecdsa.PrivateKey]*big.Int{rich: usd(40), poor: usd(60)},
		map[*ecdsa.PrivateKey]*big.Int{e.nodes[0]: usd(60)})
	s.Usage = []contracts.EscrowUsage{{Component: big.NewInt(1), Units: usd(100)}, {Component: big.NewInt(42), Units: new(big.Int)}}
	opBefore = e.balance(e.a.Stablecoin, op)
	r = e.ok(e.escrow.Settle(e.opts(e.admin), s, e.sign(s)))
	if got := shortfalls(t, e, r); len(got) != 2 || got[addr(rich)].Cmp(usd(20)) != 0 || got[addr(poor)].Cmp(usd(60)) != 0 {
		t.Fatalf("shortfalls = %v", got)
	}
	node := new(big.Int).Div(new(big.Int).Mul(usd(60), usd(20)), usd(65))
	royalty := new(big.Int).Div(new(big.Int).Mul(usd(5), usd(20)), usd(65))
	eq(t, "node 0 scaled", new(big.Int).Sub(e.balance(e.a.Stablecoin, addr(e.nodes[0])), usd(30)), node)
	owed, _ = e.market.Owed(e.call(), addr(e.nodes[2]), e.a.Stablecoin)
	eq(t, "royalty scaled", new(big.Int).Sub(owed, big.NewInt(4_500_000)), royalty)
	dust := new(big.Int).Sub(usd(20), new(big.Int).Add(node, royalty))
	eq(t, "operator dust", new(big.Int).Sub(e.balance(e.a.Stablecoin, op), opBefore), dust)
	eq(t, "escrow holds nothing", e.balance(e.a.Stablecoin, e.a.Escrow), new(big.Int))

	// A usage entry naming a component that does not exist takes nothing;
	// more units than the batch's total is a bad batch (refused).
	e.deposit(rich, e.a.Stablecoin, usd(10))
	s = e.batch(3, e.a.Stablecoin, map[*ecdsa.PrivateKey]*big.Int{rich: usd(10)}, nil)
	s.Usage = []contracts.EscrowUsage{{Component: big.NewInt(42), Units: usd(10)}}
	opBefore = e.balance(e.a.Stablecoin, op)
	e.ok(e.escrow.Settle(e.opts(e.admin), s, e.sign(s)))
	eq(t, "operator gets the unowned royalty", new(big.Int).Sub(e.balance(e.a.Stablecoin, op), opBefore), usd(10))
	s = e.batch(4, e.a.Stablecoin, map[*ecdsa.PrivateKey]*big.Int{rich: usd(1)}, nil)
	s.Usage = []contracts.EscrowUsage{{Component: big.NewInt(1), Units: usd(2)}}
	e.reverts("UsageExceedsTotal")(e.escrow.Settle(e.opts(e.admin), s, e.sign(s)))
}
