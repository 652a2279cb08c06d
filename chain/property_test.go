package chain

import (
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/gaianet-go/gaianet/chain/contracts"
)

// propWorld is the property test's model of what the chain should hold.
type propWorld struct {
	*env
	rng       *rand.Rand
	assets    []common.Address
	bal       map[common.Address]map[common.Address]*big.Int // user -> asset -> escrow balance
	req       map[common.Address]map[common.Address]reqModel
	settled   map[int64]Settlement // accepted settlements, by id
	signed    []Settlement         // every settlement ever signed
	nextID    int64
	holders   []common.Address
	supply    map[common.Address]*big.Int
	staking   *contracts.Staking
	stakingAt common.Address
}

type reqModel struct {
	amount  *big.Int
	readyAt uint64
}

// TestPropertyRandomSequences runs random sequences of deposits, usage
// settlements (some over budget), replays, withdrawal requests, withdrawals,
// time jumps, stakes and slashes, and after every step checks: tokens are
// conserved, the escrow holds exactly the users' balances, every balance
// matches the model (never negative), and at the end every accepted
// settlement charged each of its receipts exactly once.
func TestPropertyRandomSequences(t *testing.T) {
	steps := 120
	if testing.Short() {
		steps = 40
	}
	for _, seed := range []uint64{1, 2, uint64(time.Now().UnixNano())} {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			w := newPropWorld(t, seed)
			for i := range steps {
				op := w.step()
				if err := w.check(); err != nil {
					t.Fatalf("seed %d step %d (%s): %v", seed, i, op, err)
				}
			}
			if err := w.checkReceipts(); err != nil {
				t.Fatalf("seed %d: %v", seed, err)
			}
		})
	}
}

func newPropWorld(t *testing.T, seed uint64) *propWorld {
	e := newEnv(t, func(c *DeployConfig) { c.MaxPriceAge = 1000 * time.Hour })
	w := &propWorld{env: e, rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		bal: map[common.Address]map[common.Address]*big.Int{}, req: map[common.Address]map[common.Address]reqModel{},
		settled: map[int64]Settlement{}, nextID: 1, supply: map[common.Address]*big.Int{}}
	// A staking contract the admin owns, so slashes can be drawn at random
	// without a vote per slash (governance is tested on its own).
	tr := e.as(e.admin)
	st, tx, stk, err := contracts.DeployStaking(tr.Opts, e.backend, addr(e.admin), e.a.Token, 3600,
		[]common.Address{e.a.Stablecoin, e.a.Token})
	if _, err := tr.Wait(tx, err); err != nil {
		t.Fatal(err)
	}
	w.staking, w.stakingAt = stk, st
	a := e.a
	a.Staking = st
	esc, err := DeployEscrow(tr, a, e.cfg)
	if err != nil {
		t.Fatal(Explain(err))
	}
	e.a.Escrow = esc
	if e.escrow, err = contracts.NewEscrow(esc, e.backend); err != nil {
		t.Fatal(err)
	}
	// A component so settlements can carry usage.
	e.ok(e.market.List(e.opts(e.nodes[2]), [32]byte{9}, 2, "ipfs://plugin", e.a.Stablecoin, usd(1), big.NewInt(0)))

	w.assets = []common.Address{e.a.Stablecoin, e.a.Token}
	for _, u := range e.users {
		w.bal[addr(u)] = map[common.Address]*big.Int{}
		w.req[addr(u)] = map[common.Address]reqModel{}
		for _, as := range w.assets {
			w.bal[addr(u)][as] = new(big.Int)
			erc, _ := contracts.NewTestStablecoin(as, e.backend)
			e.ok(erc.Approve(e.opts(u), esc, math.MaxBig256))
		}
	}
	for _, s := range e.stakers {
		e.ok(e.token.Approve(e.opts(s), st, math.MaxBig256))
	}
	w.holders = []common.Address{addr(e.admin), addr(e.signer), esc, st, e.a.Staking, e.a.Marketplace, e.a.Timelock}
	for _, ks := range [][]*ecdsa.PrivateKey{e.users, e.nodes, e.stakers} {
		for _, k := range ks {
			w.holders = append(w.holders, addr(k))
		}
	}
	for _, as := range w.assets {
		erc, _ := contracts.NewTestStablecoin(as, e.backend)
		s, err := erc.TotalSupply(e.call())
		if err != nil {
			t.Fatal(err)
		}
		w.supply[as] = s
	}
	return w
}

func (w *propWorld) pick(n int) int { return w.rng.IntN(n) }

func (w *propWorld) amount(asset common.Address) *big.Int {
	n := big.NewInt(int64(1 + w.pick(1000)))
	if asset == w.a.Token {
		return n.Mul(n, big.NewInt(1e15)) // up to 1 GAIA
	}
	return n.Mul(n, big.NewInt(1_000)) // up to 1 USD
}

// step runs one random operation and returns its name.
func (w *propWorld) step() string {
	u := w.users[w.pick(len(w.users))]
	asset := w.assets[w.pick(len(w.assets))]
	switch w.pick(10) {
	case 0, 1:
		amt := w.amount(asset)
		w.ok(w.escrow.Deposit(w.opts(u), asset, amt))
		w.bal[addr(u)][asset].Add(w.bal[addr(u)][asset], amt)
		return "deposit"
	case 2, 3:
		return w.settle(asset)
	case 4:
		if len(w.signed) == 0 {
			return "replay (none)"
		}
		s := w.signed[w.pick(len(w.signed))]
		_, err := w.escrow.Settle(w.opts(w.admin), s, w.sign(s))
		if err == nil {
			w.sim.Commit()
			w.t.Fatalf("settlement %v accepted twice", s.Id)
		}
		return "replay"
	case 5:
		amt := w.amount(asset)
		w.ok(w.escrow.RequestWithdrawal(w.opts(u), asset, amt))
		got, err := w.escrow.Withdrawals(w.call(), addr(u), asset)
		if err != nil {
			w.t.Fatal(err)
		}
		w.req[addr(u)][asset] = reqModel{amount: amt, readyAt: got.ReadyAt}
		return "request withdrawal"
	case 6:
		r, ok := w.req[addr(u)][asset]
		now := w.now()
		if ok && now < r.readyAt && now+3 >= r.readyAt {
			return "withdraw (too close to the notice's end to predict)"
		}
		tx, err := w.escrow.Withdraw(w.opts(u), asset)
		if !ok || now < r.readyAt {
			if err == nil {
				w.sim.Commit()
				w.t.Fatal("withdrawal before notice accepted")
			}
			return "early withdrawal"
		}
		b := w.bal[addr(u)][asset]
		want := new(big.Int).Set(r.amount)
		if b.Cmp(want) < 0 {
			want.Set(b)
		}
		if want.Sign() == 0 {
			// Refused, so the request stays (the revert undoes its deletion).
			if err == nil {
				w.sim.Commit()
				w.t.Fatal("empty withdrawal accepted")
			}
			return "empty withdrawal"
		}
		delete(w.req[addr(u)], asset)
		w.ok(tx, err)
		b.Sub(b, want)
		return "withdraw"
	case 7:
		w.advance(time.Duration(w.pick(90)) * time.Minute)
		return "advance"
	case 8:
		s := w.stakers[w.pick(len(w.stakers))]
		w.ok(w.staking.Stake(w.opts(s), addr(w.admin), w.amount(w.a.Token)))
		return "stake"
	default:
		pool, err := w.staking.Pools(w.call(), addr(w.admin))
		if err != nil || pool.Tokens.Sign() == 0 {
			return "slash (no stake)"
		}
		ev := crypto.Keccak256Hash([]byte(fmt.Sprint("evidence", w.nextID)))
		w.ok(w.staking.Slash(w.opts(w.admin), addr(w.admin), uint16(1+w.pick(10_000)), ev, w.a.Timelock))
		return "slash"
	}
}

// settle builds a random batch, sometimes charging one unit more than a user has.
func (w *propWorld) settle(asset common.Address) string {
	charges := map[*ecdsa.PrivateKey]*big.Int{}
	total := new(big.Int)
	over := w.pick(5) == 0
	for _, u := range w.users {
		b := w.bal[addr(u)][asset]
		if w.pick(2) == 0 || b.Sign() == 0 {
			continue
		}
		c := new(big.Int).Mod(new(big.Int).SetUint64(w.rng.Uint64()), b)
		c.Add(c, big.NewInt(1)) // 1..b
		if over {
			c.Add(b, big.NewInt(1))
		}
		charges[u] = c
		total.Add(total, c)
	}
	if len(charges) == 0 {
		return "settle (nothing)"
	}
	s := w.batch(w.nextID, asset, charges, nil)
	w.nextID++
	if w.pick(2) == 0 {
		// Units are the part of the total that used a component (at most
		// the total); id 2 was never listed and takes no share.
		units := new(big.Int).Mod(new(big.Int).SetUint64(w.rng.Uint64()), total)
		s.Usage = []contracts.EscrowUsage{{Component: big.NewInt(1), Units: units.Add(units, big.NewInt(1))},
			{Component: big.NewInt(2), Units: big.NewInt(int64(w.pick(2)))}}
		if s.Usage[0].Units.Cmp(total) == 0 {
			s.Usage[1].Units = new(big.Int)
		}
	}
	// Node payouts: up to a third of the total, split between two nodes.
	third := new(big.Int).Div(total, big.NewInt(3))
	p0 := new(big.Int).Div(third, big.NewInt(2))
	s.Payouts = []contracts.EscrowPayout{{To: addr(w.nodes[0]), Amount: p0}, {To: addr(w.nodes[1]), Amount: new(big.Int).Sub(third, p0)}}
	// A GAIA batch is signed in dollars and charged in GAIA at the feed's
	// price: the amounts drawn in GAIA are turned into dollars (rounded
	// down), and the model charges them back in GAIA (rounded up).
	toTok := func(v *big.Int) *big.Int { return v }
	if asset == w.a.Token {
		_, answer, _, _, _, err := w.feed.LatestRoundData(w.call())
		if err != nil {
			w.t.Fatal(err)
		}
		one := new(big.Int).Exp(big.NewInt(10), big.NewInt(18+8), nil)
		per := new(big.Int).Mul(answer, big.NewInt(1e6))
		toUSD := func(v *big.Int) *big.Int { return new(big.Int).Div(new(big.Int).Mul(v, per), one) }
		toTok = func(v *big.Int) *big.Int {
			n := new(big.Int).Mul(v, one)
			return n.Add(n, new(big.Int).Sub(per, big.NewInt(1))).Div(n, per)
		}
		for i := range s.Charges {
			s.Charges[i].Amount = toUSD(s.Charges[i].Amount)
		}
		for i := range s.Payouts {
			s.Payouts[i].Amount = toUSD(s.Payouts[i].Amount)
		}
		for i := range s.Usage {
			s.Usage[i].Units = toUSD(s.Usage[i].Units)
		}
	}
	w.signed = append(w.signed, s)
	r := w.ok(w.escrow.Settle(w.opts(w.admin), s, w.sign(s)))
	if err := w.checkPaid(r, asset); err != nil {
		w.t.Fatalf("settlement %v: %v", s.Id, err)
	}
	// The escrow charges each user at most their balance; the model
	// records what it charged (the receipts check compares with it).
	charged := s
	charged.Charges = nil
	for _, c := range s.Charges {
		amt := toTok(c.Amount)
		if b := w.bal[c.User][asset]; amt.Cmp(b) > 0 {
			amt.Set(b)
		}
		w.bal[c.User][asset].Sub(w.bal[c.User][asset], amt)
		charged.Charges = append(charged.Charges, contracts.EscrowCharge{User: c.User, Amount: amt})
	}
	w.settled[s.Id.Int64()] = charged
	if over {
		return "settle over budget"
	}
	return "settle"
}

// checkPaid checks a settlement's Paid events against its Settled event:
// they pay out exactly what it charged, stakers first, then royalty, nodes
// and operator, each valued at the feed's price (at face value in the
// stablecoin), rounded down.
func (w *propWorld) checkPaid(r *types.Receipt, asset common.Address) error {
	var settled *contracts.EscrowSettled
	var paid []*contracts.EscrowPaid
	for _, l := range r.Logs {
		if ev, err := w.escrow.ParseSettled(*l); err == nil {
			settled = ev
		}
		if ev, err := w.escrow.ParsePaid(*l); err == nil {
			paid = append(paid, ev)
		}
	}
	if settled == nil {
		return fmt.Errorf("no Settled event")
	}
	_, answer, _, _, _, err := w.feed.LatestRoundData(w.call())
	if err != nil {
		return err
	}
	sum := new(big.Int)
	var want []*big.Int
	for _, v := range []*big.Int{settled.ToStakers, settled.ToComponents} {
		if v.Sign() > 0 {
			want = append(want, v)
		}
	}
	for i, p := range paid {
		sum.Add(sum, p.Amount)
		value := new(big.Int).Set(p.Amount)
		if asset == w.a.Token {
			value.Mul(value, answer).Mul(value, big.NewInt(1e6)).Div(value, new(big.Int).Exp(big.NewInt(10), big.NewInt(26), nil))
		}
		if p.UsdValue.Cmp(value) != 0 || p.Id.Cmp(settled.Id) != 0 || p.Amount.Sign() == 0 {
			return fmt.Errorf("paid %v (id %v) valued %v, want %v", p.Amount, p.Id, p.UsdValue, value)
		}
		if i < len(want) && p.Amount.Cmp(want[i]) != 0 {
			return fmt.Errorf("Paid event %d: %v, want %v (stakers, then royalty)", i, p.Amount, want[i])
		}
	}
	if settled.ToOperator.Sign() > 0 && (len(paid) == 0 || paid[len(paid)-1].Amount.Cmp(settled.ToOperator) != 0) {
		return fmt.Errorf("the last Paid event is not the operator's %v", settled.ToOperator)
	}
	if sum.Cmp(settled.Total) != 0 {
		return fmt.Errorf("Paid events sum to %v, the settlement charged %v", sum, settled.Total)
	}
	return nil
}

// check verifies the invariants against the chain.
func (w *propWorld) check() error {
	c := w.call()
	for _, as := range w.assets {
		erc, _ := contracts.NewTestStablecoin(as, w.backend)
		sum := new(big.Int)
		for _, u := range w.users {
			got, err := w.escrow.BalanceOf(c, addr(u), as)
			if err != nil {
				return err
			}
			want := w.bal[addr(u)][as]
			if want.Sign() < 0 {
				return fmt.Errorf("model balance negative: %v", want)
			}
			if got.Cmp(want) != 0 {
				return fmt.Errorf("user %s asset %s: escrow says %v, model %v", addr(u), as, got, want)
			}
			sum.Add(sum, got)
		}
		total, err := w.escrow.TotalBalance(c, as)
		if err != nil {
			return err
		}
		held, err := erc.BalanceOf(c, w.a.Escrow)
		if err != nil {
			return err
		}
		if total.Cmp(sum) != 0 || held.Cmp(sum) != 0 {
			return fmt.Errorf("asset %s: users hold %v, escrow total %v, escrow owns %v", as, sum, total, held)
		}
		all := new(big.Int)
		for _, h := range w.holders {
			b, err := erc.BalanceOf(c, h)
			if err != nil {
				return err
			}
			all.Add(all, b)
		}
		if all.Cmp(w.supply[as]) != 0 {
			return fmt.Errorf("asset %s not conserved: holders have %v of %v", as, all, w.supply[as])
		}
	}
	// Staking holds at least the pool and everything owed to stakers.
	pool, err := w.staking.Pools(c, addr(w.admin))
	if err != nil {
		return err
	}
	owed := map[common.Address]*big.Int{w.a.Stablecoin: new(big.Int), w.a.Token: new(big.Int).Set(pool.Tokens)}
	for _, s := range w.stakers {
		for _, as := range w.assets {
			p, err := w.staking.PendingReward(c, addr(w.admin), addr(s), as)
			if err != nil {
				return err
			}
			cl, err := w.staking.Claimable(c, addr(s), as)
			if err != nil {
				return err
			}
			owed[as].Add(owed[as], p).Add(owed[as], cl)
		}
	}
	for _, as := range w.assets {
		if held := w.balance(as, w.stakingAt); held.Cmp(owed[as]) < 0 {
			return fmt.Errorf("staking owes %v of %s but holds %v", owed[as], as, held)
		}
	}
	return nil
}

// checkReceipts: each accepted settlement's charges appear exactly once in
// Charged events, and no refused settlement charged anything.
func (w *propWorld) checkReceipts() error {
	it, err := w.escrow.FilterCharged(&bind.FilterOpts{Context: w.ctx}, nil, nil, nil)
	if err != nil {
		return err
	}
	seen := map[string]int{}
	for it.Next() {
		id := it.Event.Id.Int64()
		if _, ok := w.settled[id]; !ok {
			return fmt.Errorf("settlement %d charged but never accepted", id)
		}
		seen[fmt.Sprint(id, it.Event.User, it.Event.Amount)]++
	}
	if err := it.Error(); err != nil {
		return err
	}
	n := 0
	for id, s := range w.settled {
		for _, c := range s.Charges {
			k := fmt.Sprint(id, c.User, c.Amount)
			if seen[k] != 1 {
				return fmt.Errorf("receipt %s charged %d times", k, seen[k])
			}
			n++
		}
		done, err := w.escrow.Settled(w.call(), big.NewInt(id))
		if err != nil || !done {
			return fmt.Errorf("settlement %d not marked settled (%v)", id, err)
		}
	}
	if n != len(seen) {
		return fmt.Errorf("%d receipts accepted, %d charged", n, len(seen))
	}
	return nil
}
