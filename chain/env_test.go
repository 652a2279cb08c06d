package chain

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"

	"github.com/gaianet-go/gaianet/chain/contracts"
)

// env is a fresh simulated chain with the full contract set deployed.
// Accounts: admin (deployer, operator, feeder, all GAIA), signer (signs
// settlements), users, nodes and stakers, each with ETH for gas.
type env struct {
	t       testing.TB
	ctx     context.Context
	sim     *simulated.Backend
	client  simulated.Client
	backend Backend // client with gas headroom (WithGasMargin)
	cfg     DeployConfig
	a       Addresses
	chainID *big.Int

	admin, signer *ecdsa.PrivateKey
	users, nodes  []*ecdsa.PrivateKey
	stakers       []*ecdsa.PrivateKey

	escrow   *contracts.Escrow
	stable   *contracts.TestStablecoin
	token    *contracts.GaiaToken
	staking  *contracts.Staking
	market   *contracts.Marketplace
	feed     *contracts.PriceFeed
	governor *contracts.GaiaGovernor
}

// osakaRules runs the simulated chain under the forks live on Ethereum
// mainnet (up to Osaka), not the dev chain's default of every scheduled fork,
// so gas figures mean what they would mean on mainnet and its rollups.
func osakaRules(_ *node.Config, ec *ethconfig.Config) {
	c := *ec.Genesis.Config
	c.BogotaTime = nil
	ec.Genesis.Config = &c
}

func mustKey(t testing.TB) *ecdsa.PrivateKey {
	k, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func addr(k *ecdsa.PrivateKey) common.Address { return crypto.PubkeyToAddress(k.PublicKey) }

func usd(n int64) *big.Int { return big.NewInt(n * 1_000_000) }

func gaia(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(1e18)) }

// newEnv deploys with cfg adjusted by tune (nil for the test defaults).
func newEnv(t testing.TB, tune func(*DeployConfig)) *env {
	t.Helper()
	e := &env{t: t, ctx: context.Background(), admin: mustKey(t), signer: mustKey(t)}
	alloc := types.GenesisAlloc{}
	fund := func(k *ecdsa.PrivateKey) {
		alloc[addr(k)] = types.Account{Balance: new(big.Int).Mul(big.NewInt(1000), big.NewInt(1e18))}
	}
	fund(e.admin)
	fund(e.signer)
	for range 3 {
		e.users = append(e.users, mustKey(t))
		e.nodes = append(e.nodes, mustKey(t))
		e.stakers = append(e.stakers, mustKey(t))
	}
	for _, ks := range [][]*ecdsa.PrivateKey{e.users, e.nodes, e.stakers} {
		for _, k := range ks {
			fund(k)
		}
	}
	e.sim = simulated.NewBackend(alloc, simulated.WithBlockGasLimit(60_000_000), osakaRules)
	t.Cleanup(func() { e.sim.Close() })
	e.client = e.sim.Client()
	e.backend = WithGasMargin(e.client)
	id, err := e.client.ChainID(e.ctx)
	if err != nil {
		t.Fatal(err)
	}
	e.chainID = id

	head, err := e.client.HeaderByNumber(e.ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	e.cfg = DefaultDeployConfig(addr(e.admin), time.Unix(int64(head.Time), 0))
	e.cfg.Signer = addr(e.signer)
	e.cfg.VotingPeriod = 5
	e.cfg.NoticePeriod = time.Hour
	e.cfg.TimelockDelay = 2 * time.Hour
	e.cfg.UnbondingPeriod = 24 * time.Hour
	e.cfg.MaxPriceAge = 10 * time.Minute
	if tune != nil {
		tune(&e.cfg)
	}
	e.a, err = Deploy(e.as(e.admin), e.cfg)
	if err != nil {
		t.Fatal(Explain(err))
	}
	e.bind()
	// Users get stablecoin and GAIA to spend.
	for _, u := range e.users {
		e.ok(e.stable.Mint(e.as(e.admin).Opts, addr(u), usd(1_000_000)))
		e.ok(e.token.Transfer(e.as(e.admin).Opts, addr(u), gaia(1_000_000)))
	}
	for _, s := range e.stakers {
		e.ok(e.token.Transfer(e.as(e.admin).Opts, addr(s), gaia(1_000_000)))
	}
	return e
}

func (e *env) bind() {
	var err error
	must := func(err error) {
		if err != nil {
			e.t.Fatal(err)
		}
	}
	e.escrow, err = contracts.NewEscrow(e.a.Escrow, e.backend)
	must(err)
	e.stable, err = contracts.NewTestStablecoin(e.a.Stablecoin, e.backend)
	must(err)
	e.token, err = contracts.NewGaiaToken(e.a.Token, e.backend)
	must(err)
	e.staking, err = contracts.NewStaking(e.a.Staking, e.backend)
	must(err)
	e.market, err = contracts.NewMarketplace(e.a.Marketplace, e.backend)
	must(err)
	e.feed, err = contracts.NewPriceFeed(e.a.PriceFeed, e.backend)
	must(err)
	e.governor, err = contracts.NewGaiaGovernor(e.a.Governor, e.backend)
	must(err)
}

// as returns a transactor for k that mines each transaction.
func (e *env) as(k *ecdsa.PrivateKey) *Transactor {
	tr, err := NewTransactor(e.ctx, e.client, k, func() { e.sim.Commit() })
	if err != nil {
		e.t.Fatal(err)
	}
	return tr
}

// ok mines tx and fails the test unless it succeeded.
func (e *env) ok(tx *types.Transaction, err error) *types.Receipt {
	e.t.Helper()
	tr := &Transactor{Backend: e.client, Opts: &bind.TransactOpts{Context: e.ctx}, Mine: func() { e.sim.Commit() }}
	r, err := tr.Wait(tx, err)
	if err != nil {
		e.t.Fatal(Explain(err))
	}
	return r
}

// reverts checks that sending failed with the named custom error.
func (e *env) reverts(name string) func(*types.Transaction, error) {
	return func(tx *types.Transaction, err error) { e.t.Helper(); e.revertsWith(name, tx, err) }
}

func (e *env) revertsWith(name string, tx *types.Transaction, err error) {
	e.t.Helper()
	if err == nil {
		e.sim.Commit()
		e.t.Fatalf("transaction %s succeeded, want revert %s", tx.Hash(), name)
	}
	r := DecodeRevert(err)
	if r == nil {
		e.t.Fatalf("want revert %s, got %v", name, err)
	}
	if r.Name != name {
		e.t.Fatalf("want revert %s, got %v", name, r)
	}
}

func (e *env) call() *bind.CallOpts { return &bind.CallOpts{Context: e.ctx} }

func (e *env) opts(k *ecdsa.PrivateKey) *bind.TransactOpts { return e.as(k).Opts }

// advance moves chain time forward by d (one empty block).
func (e *env) advance(d time.Duration) {
	e.t.Helper()
	if err := RetryWhilePoolBusy(e.ctx, func() error { return e.sim.AdjustTime(d) }, nil); err != nil {
		e.t.Fatal(err)
	}
	e.sim.Commit()
}

// fork makes the block with hash h the head (Rollback then drops the
// pending block), once the pool has caught up with the chain.
func (e *env) fork(h common.Hash) {
	e.t.Helper()
	if err := RetryWhilePoolBusy(e.ctx, func() error { return e.sim.Fork(h) }, nil); err != nil {
		e.t.Fatal(err)
	}
	e.sim.Rollback()
}

// now is the latest block's timestamp.
func (e *env) now() uint64 {
	h, err := e.client.HeaderByNumber(e.ctx, nil)
	if err != nil {
		e.t.Fatal(err)
	}
	return h.Time
}

// deposit approves and deposits amount of asset for user k.
func (e *env) deposit(k *ecdsa.PrivateKey, asset common.Address, amount *big.Int) {
	e.t.Helper()
	erc, err := contracts.NewTestStablecoin(asset, e.backend) // any ERC-20's approve
	if err != nil {
		e.t.Fatal(err)
	}
	e.ok(erc.Approve(e.opts(k), e.a.Escrow, amount))
	e.ok(e.escrow.Deposit(e.opts(k), asset, amount))
}

func (e *env) domain() EscrowDomain { return EscrowDomain{ChainID: e.chainID, Escrow: e.a.Escrow} }

// batch builds a settlement with a deadline an hour from now.
func (e *env) batch(id int64, asset common.Address, charges map[*ecdsa.PrivateKey]*big.Int, payouts map[*ecdsa.PrivateKey]*big.Int) Settlement {
	s := Settlement{Id: big.NewInt(id), Asset: asset, Deadline: new(big.Int).SetUint64(e.now() + 3600),
		Charges: []contracts.EscrowCharge{}, Payouts: []contracts.EscrowPayout{}, Usage: []contracts.EscrowUsage{}}
	for _, u := range e.users { // deterministic order
		if amt, ok := charges[u]; ok {
			s.Charges = append(s.Charges, contracts.EscrowCharge{User: addr(u), Amount: amt})
		}
	}
	for _, n := range e.nodes {
		if amt, ok := payouts[n]; ok {
			s.Payouts = append(s.Payouts, contracts.EscrowPayout{To: addr(n), Amount: amt})
		}
	}
	return s
}

func (e *env) sign(s Settlement) []byte {
	e.t.Helper()
	sig, err := e.domain().Sign(e.signer, s)
	if err != nil {
		e.t.Fatal(err)
	}
	return sig
}

func (e *env) balance(token common.Address, who common.Address) *big.Int {
	e.t.Helper()
	erc, err := contracts.NewTestStablecoin(token, e.backend)
	if err != nil {
		e.t.Fatal(err)
	}
	b, err := erc.BalanceOf(e.call(), who)
	if err != nil {
		e.t.Fatal(err)
	}
	return b
}

func (e *env) escrowBalance(k *ecdsa.PrivateKey, asset common.Address) *big.Int {
	e.t.Helper()
	b, err := e.escrow.BalanceOf(e.call(), addr(k), asset)
	if err != nil {
		e.t.Fatal(err)
	}
	return b
}

func eq(t testing.TB, what string, got, want *big.Int) {
	t.Helper()
	if got.Cmp(want) != 0 {
		t.Fatalf("%s = %v, want %v", what, got, want)
	}
}
