package chain

import (
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/gaianet-go/gaianet/chain/contracts"
)

// TestStakingRewardsAndUnbonding: revenue is shared pro rata to active stake;
// unbonding shares stop earning and wait the unbonding period.
func TestStakingRewardsAndUnbonding(t *testing.T) {
	e := newEnv(t, nil)
	op := addr(e.admin)
	s0, s1 := e.stakers[0], e.stakers[1]
	for _, s := range []struct {
		k   *big.Int
		who int
	}{{gaia(300), 0}, {gaia(100), 1}} {
		k := e.stakers[s.who]
		e.ok(e.token.Approve(e.opts(k), e.a.Staking, s.k))
		e.ok(e.staking.Stake(e.opts(k), op, s.k))
	}
	e.ok(e.stable.Mint(e.opts(e.admin), op, usd(1000)))
	e.ok(e.stable.Approve(e.opts(e.admin), e.a.Staking, usd(1000)))
	e.ok(e.staking.NotifyRevenue(e.opts(e.admin), op, e.a.Stablecoin, usd(400)))
	for i, want := range []*big.Int{usd(300), usd(100)} {
		got, err := e.staking.PendingReward(e.call(), op, addr(e.stakers[i]), e.a.Stablecoin)
		if err != nil {
			t.Fatal(err)
		}
		eq(t, "pending reward", got, want)
	}
	// s0 unbonds everything: earns nothing more; s1 gets the next revenue.
	shares, err := e.staking.SharesOf(e.call(), op, addr(s0))
	if err != nil {
		t.Fatal(err)
	}
	e.ok(e.staking.RequestUnbond(e.opts(s0), op, shares))
	e.ok(e.staking.NotifyRevenue(e.opts(e.admin), op, e.a.Stablecoin, usd(100)))
	e.ok(e.staking.Claim(e.opts(s0), op))
	e.ok(e.staking.Claim(e.opts(s1), op))
	eq(t, "s0 revenue", e.balance(e.a.Stablecoin, addr(s0)), usd(300))
	eq(t, "s1 revenue", e.balance(e.a.Stablecoin, addr(s1)), usd(200))

	e.reverts("StillUnbonding")(e.staking.WithdrawUnbonded(e.opts(s0), op))
	e.advance(e.cfg.UnbondingPeriod + time.Second)
	before := e.balance(e.a.Token, addr(s0))
	e.ok(e.staking.WithdrawUnbonded(e.opts(s0), op))
	eq(t, "unbonded", new(big.Int).Sub(e.balance(e.a.Token, addr(s0)), before), gaia(300))
	e.reverts("NotRewardAsset")(e.staking.NotifyRevenue(e.opts(e.admin), op, addr(e.users[0]), usd(1)))
}

// TestSlashingByGovernance: nobody but the timelock can slash; a passed
// proposal slashes after the timelock delay, unbonding stake included.
func TestSlashingByGovernance(t *testing.T) {
	e := newEnv(t, nil)
	op := addr(e.users[2]) // an operator other than the admin
	s0 := e.stakers[0]
	e.ok(e.token.Approve(e.opts(s0), e.a.Staking, gaia(1000)))
	e.ok(e.staking.Stake(e.opts(s0), op, gaia(1000)))
	evidence := crypto.Keccak256Hash([]byte("verify mismatch record 42"))
	treasury := e.a.Timelock

	// Unauthorized: the operator, the deployer (who holds all the votes), a staker.
	e.reverts("OwnableUnauthorizedAccount")(e.staking.Slash(e.opts(e.users[2]), op, 5000, evidence, treasury))
	e.reverts("OwnableUnauthorizedAccount")(e.staking.Slash(e.opts(e.admin), op, 5000, evidence, treasury))
	e.reverts("OwnableUnauthorizedAccount")(e.staking.Slash(e.opts(s0), op, 5000, evidence, treasury))

	// The staker starts unbonding half: it stays slashable.
	shares, err := e.staking.SharesOf(e.call(), op, addr(s0))
	if err != nil {
		t.Fatal(err)
	}
	e.ok(e.staking.RequestUnbond(e.opts(s0), op, new(big.Int).Div(shares, big.NewInt(2))))

	// The admin holds the GAIA supply: delegate to vote.
	e.ok(e.token.Delegate(e.opts(e.admin), addr(e.admin)))
	parsed, err := contracts.StakingMetaData.GetAbi()
	if err != nil {
		t.Fatal(err)
	}
	call, err := parsed.Pack("slash", op, uint16(2500), evidence, treasury)
	if err != nil {
		t.Fatal(err)
	}
	p := Proposal{Targets: []common.Address{e.a.Staking}, Values: []*big.Int{new(big.Int)}, Calldatas: [][]byte{call},
		Description: "Slash operator 25% for verify mismatch 42"}
	gov := &Governance{Governor: e.governor, Blocks: func(n int) {
		for range n {
			e.sim.Commit()
		}
	}}
	tr := e.as(e.admin)
	id, err := gov.Propose(tr, p)
	if err != nil {
		t.Fatal(Explain(err))
	}
	if err := gov.VoteFor(tr, id); err != nil {
		t.Fatal(Explain(err))
	}
	if err := gov.Queue(tr, p, id); err != nil {
		t.Fatal(Explain(err))
	}
	// Before the timelock delay: the timelock refuses.
	if _, err := tr.Wait(e.governor.Execute(tr.Opts, p.Targets, p.Values, p.Calldatas, p.DescriptionHash())); err == nil {
		t.Fatal("executed before the timelock delay")
	}
	e.advance(e.cfg.TimelockDelay + time.Second)
	if _, err := tr.Wait(e.governor.Execute(tr.Opts, p.Targets, p.Values, p.Calldatas, p.DescriptionHash())); err != nil {
		t.Fatal(Explain(err))
	}
	pool, err := e.staking.Pools(e.call(), op)
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "pool after 25% slash", pool.Tokens, gaia(750))
	eq(t, "treasury got the slash", e.balance(e.a.Token, treasury), gaia(250))

	ev, err := e.staking.FilterSlashed(nil, []common.Address{op})
	if err != nil {
		t.Fatal(err)
	}
	if !ev.Next() || ev.Event.Evidence != evidence {
		t.Fatal("Slashed event with the evidence hash missing")
	}
	// The unbonding half lost its 25% too.
	e.advance(e.cfg.UnbondingPeriod + time.Second)
	before := e.balance(e.a.Token, addr(s0))
	e.ok(e.staking.WithdrawUnbonded(e.opts(s0), op))
	eq(t, "unbonded after slash", new(big.Int).Sub(e.balance(e.a.Token, addr(s0)), before), gaia(375))
}

// TestMarketplace: listing, per-node licences with the DAO's fee, ERC-2981
// royalties and revenue pro rata to usage.
func TestMarketplace(t *testing.T) {
	e := newEnv(t, nil)
	alice, bob := e.nodes[0], e.nodes[1]
	e.ok(e.market.List(e.opts(alice), [32]byte{0xaa}, 0, "ipfs://model", e.a.Stablecoin, usd(10), big.NewInt(250)))
	e.ok(e.market.List(e.opts(bob), [32]byte{0xbb}, 1, "ipfs://kb", e.a.Stablecoin, usd(0), big.NewInt(0)))
	uri, err := e.market.TokenURI(e.call(), big.NewInt(1))
	if err != nil || uri != "ipfs://model" {
		t.Fatalf("tokenURI = %q, %v", uri, err)
	}
	ri, err := e.market.RoyaltyInfo(e.call(), big.NewInt(1), usd(100))
	if err != nil {
		t.Fatal(err)
	}
	if ri.Receiver != addr(alice) || ri.Amount.Cmp(usd(2)) != 0 && ri.Amount.Cmp(big.NewInt(2_500_000)) != 0 {
		t.Fatalf("royaltyInfo = %v %v", ri.Receiver, ri.Amount)
	}
	eq(t, "2.5% royalty on 100", ri.Amount, big.NewInt(2_500_000))
	e.reverts("BadRoyalty")(e.market.List(e.opts(alice), [32]byte{1}, 0, "x", e.a.Stablecoin, usd(1), big.NewInt(5000)))

	buyer := e.users[0]
	node := addr(e.users[1])
	e.ok(e.stable.Approve(e.opts(buyer), e.a.Marketplace, usd(100)))
	e.ok(e.market.BuyLicence(e.opts(buyer), big.NewInt(1), node))
	ok, err := e.market.Licensed(e.call(), big.NewInt(1), node)
	if err != nil || !ok {
		t.Fatalf("licensed = %v, %v", ok, err)
	}
	e.reverts("AlreadyLicensed")(e.market.BuyLicence(e.opts(buyer), big.NewInt(1), node))
	e.reverts("OwnableUnauthorizedAccount")(e.market.SetFee(e.opts(e.admin), 100, addr(e.admin)))

	// 10 units to alice's model, 30 to bob's KB: 7 USD split 1.75 / 5.25.
	e.ok(e.market.Distribute(e.opts(buyer), e.a.Stablecoin, []*big.Int{big.NewInt(1), big.NewInt(2)},
		[]*big.Int{big.NewInt(10), big.NewInt(30)}, usd(7)))
	for _, c := range []struct {
		who  int
		want *big.Int
	}{{0, big.NewInt(10_000_000 + 1_750_000)}, {1, big.NewInt(5_250_000)}} {
		got, err := e.market.Owed(e.call(), addr(e.nodes[c.who]), e.a.Stablecoin)
		if err != nil {
			t.Fatal(err)
		}
		eq(t, "owed", got, c.want)
	}
	// No usage, or usage only of components that do not exist: nothing is
	// pulled (so a stale id in a settlement cannot block it).
	before := e.balance(e.a.Stablecoin, addr(buyer))
	e.ok(e.market.Distribute(e.opts(buyer), e.a.Stablecoin, []*big.Int{big.NewInt(1)}, []*big.Int{new(big.Int)}, usd(1)))
	e.ok(e.market.Distribute(e.opts(buyer), e.a.Stablecoin, []*big.Int{big.NewInt(99)}, []*big.Int{big.NewInt(5)}, usd(1)))
	eq(t, "nothing pulled", e.balance(e.a.Stablecoin, addr(buyer)), before)
}
