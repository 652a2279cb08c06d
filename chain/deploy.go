package chain

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/gaianet-go/gaianet/chain/contracts"
)

// Backend is what deploying and transacting need from a chain connection:
// an *ethclient.Client and the simulated backend's client both satisfy it.
type Backend interface {
	bind.ContractBackend
	bind.DeployBackend
	ChainID(ctx context.Context) (*big.Int, error)
}

// Addresses names every deployed contract. The JSON names are the ones
// `gaianet chain devnet` prints.
type Addresses struct {
	Escrow      common.Address `json:"escrow"`
	Token       common.Address `json:"token"`
	Staking     common.Address `json:"staking"`
	Governor    common.Address `json:"governor"`
	Timelock    common.Address `json:"timelock"`
	Marketplace common.Address `json:"marketplace"`
	Stablecoin  common.Address `json:"stablecoin"`
	PriceFeed   common.Address `json:"price_feed"`
}

// DeployConfig holds the parameters of a deployment. The zero value is not
// usable; start from DefaultDeployConfig.
type DeployConfig struct {
	// Stablecoin is an existing ERC-20 stablecoin to use; zero deploys a
	// test one (tUSD, 6 decimals, mintable by the deployer).
	Stablecoin common.Address
	// Operator receives the domain's remainder of each settlement and may
	// rotate the signer; Signer signs settlement batches; Feeder posts prices.
	Operator, Signer, Feeder common.Address
	// TokenSupply is minted to the deployer (GAIA, 18 decimals).
	TokenSupply *big.Int
	// NoticePeriod is how long a withdrawal waits; UnbondingPeriod how long
	// unstaking waits (must exceed VotingPeriod plus TimelockDelay).
	NoticePeriod, UnbondingPeriod, TimelockDelay time.Duration
	// Expiry is when the escrow stops taking deposits.
	Expiry time.Time
	// VotingDelay and VotingPeriod are in blocks.
	VotingDelay, VotingPeriod uint32
	// QuorumPercent of the supply must vote for a proposal to pass.
	QuorumPercent int64
	// StakingBps and RoyaltyBps are the stakers' and component owners'
	// shares of each settlement, in basis points.
	StakingBps, RoyaltyBps uint16
	// Price is the feed's first answer (USD per GAIA, 8 decimals), within
	// [MinPrice, MaxPrice]; MaxPriceAge is how old a price may be when used.
	Price, MinPrice, MaxPrice *big.Int
	MaxPriceAge               time.Duration
}

// DefaultDeployConfig returns a configuration for a development chain with
// operator, signer and feeder all set to `admin`. now is the chain's time
// (its head block's); a fresh dev chain's genesis says 1970, so the later of
// now and the wall clock is used.
func DefaultDeployConfig(admin common.Address, now time.Time) DeployConfig {
	if wall := time.Now(); now.Before(wall) {
		now = wall
	}
	return DeployConfig{
		Operator: admin, Signer: admin, Feeder: admin,
		TokenSupply:     new(big.Int).Mul(big.NewInt(1_000_000_000), big.NewInt(1e18)),
		NoticePeriod:    24 * time.Hour,
		UnbondingPeriod: 14 * 24 * time.Hour,
		TimelockDelay:   2 * 24 * time.Hour,
		Expiry:          now.Add(365 * 24 * time.Hour),
		VotingDelay:     1,
		VotingPeriod:    50,
		QuorumPercent:   4,
		StakingBps:      1_000,
		RoyaltyBps:      500,
		Price:           big.NewInt(50_000_000), // $0.50
		MinPrice:        big.NewInt(1_000),      // $0.00001
		MaxPrice:        big.NewInt(1_000_000_000_000),
		MaxPriceAge:     time.Hour,
	}
}

// Validate reports a configuration that would deploy contracts nobody can use.
func (c DeployConfig) Validate() error {
	switch {
	case c.TokenSupply == nil || c.TokenSupply.Sign() <= 0:
		return errors.New("chain: token supply must be positive")
	case c.Price == nil || c.MinPrice == nil || c.MaxPrice == nil:
		return errors.New("chain: price, min and max price are required")
	case c.MinPrice.Sign() <= 0 || c.MaxPrice.Cmp(c.MinPrice) < 0 || c.Price.Cmp(c.MinPrice) < 0 || c.Price.Cmp(c.MaxPrice) > 0:
		return fmt.Errorf("chain: price %v outside [%v, %v]", c.Price, c.MinPrice, c.MaxPrice)
	case int(c.StakingBps)+int(c.RoyaltyBps) > 5_000:
		return errors.New("chain: staking and royalty shares exceed 50%")
	case c.QuorumPercent < 0 || c.QuorumPercent > 100:
		return errors.New("chain: quorum must be a percentage")
	}
	return nil
}

// WithGasMargin wraps b so that gas estimates get 25% and 20,000 gas of
// headroom. An estimate runs on the node's pending state, which can lag the
// state the transaction finally runs on: a storage slot cleared in between
// costs 20,000 gas more to set, and the transaction runs out of gas. Unused
// gas is not charged.
func WithGasMargin(b Backend) Backend {
	if _, ok := b.(gasMargin); ok {
		return b
	}
	return gasMargin{b}
}

type gasMargin struct{ Backend }

func (g gasMargin) EstimateGas(ctx context.Context, msg ethereum.CallMsg) (uint64, error) {
	n, err := g.Backend.EstimateGas(ctx, msg)
	if err != nil {
		return 0, err
	}
	return n + n/4 + 20_000, nil
}

// Miner seals pending transactions into a block. The simulated backend needs
// one (its Commit); a dev-mode node or a real chain mines by itself (nil).
type Miner func()

// Transactor sends transactions from one key and waits for each to be mined.
// It is not safe for concurrent use (nonces are taken in order).
type Transactor struct {
	Backend Backend
	Opts    *bind.TransactOpts
	Mine    Miner
	// MaxWait bounds how long Wait waits for one transaction to be mined,
	// whatever the context (0: DefaultMaxWait). A transaction the chain
	// never mines (a nonce gap, a fee too low, a dev node that stopped
	// sealing) then fails with ErrNotMined instead of hanging.
	MaxWait time.Duration
}

// DefaultMaxWait is Transactor.MaxWait's default: dozens of blocks on a
// public chain, far beyond a dev chain's milliseconds.
const DefaultMaxWait = 2 * time.Minute

// ErrNotMined is the error of a wait that ran out of time before the
// transaction was mined (it may still be mined later).
var ErrNotMined = errors.New("chain: transaction not mined in time")

// NewTransactor returns a Transactor signing with key for the backend's chain.
func NewTransactor(ctx context.Context, b Backend, key *ecdsa.PrivateKey, mine Miner) (*Transactor, error) {
	id, err := b.ChainID(ctx)
	if err != nil {
		return nil, fmt.Errorf("chain: chain id: %w", err)
	}
	opts, err := bind.NewKeyedTransactorWithChainID(key, id)
	if err != nil {
		return nil, fmt.Errorf("chain: transactor: %w", err)
	}
	opts.Context = ctx
	return &Transactor{Backend: WithGasMargin(b), Opts: opts, Mine: mine}, nil
}

// Address is the sending account.
func (t *Transactor) Address() common.Address { return t.Opts.From }

// Wait mines (if needed) and waits for tx, and fails unless it succeeded.
// It returns the receipt, whose GasUsed callers may report. It waits
// within t.Opts.Context and at most t.MaxWait (WaitContext).
func (t *Transactor) Wait(tx *types.Transaction, err error) (*types.Receipt, error) {
	ctx := t.Opts.Context
	if ctx == nil {
		ctx = context.Background()
	}
	return t.WaitContext(ctx, tx, err)
}

// WaitContext is Wait within ctx (a settlement's, say) rather than the
// context t was made with; it too waits at most t.MaxWait
// (DefaultMaxWait). A transaction not mined by then fails with an error
// that wraps ErrNotMined and names the transaction, its sender and nonce.
func (t *Transactor) WaitContext(ctx context.Context, tx *types.Transaction, err error) (*types.Receipt, error) {
	if err != nil {
		return nil, err
	}
	if t.Mine != nil {
		t.Mine()
	}
	limit := t.MaxWait
	if limit <= 0 {
		limit = DefaultMaxWait
	}
	giveUp := time.Now().Add(limit)
	wctx, cancel := context.WithDeadline(ctx, giveUp)
	defer cancel()
	r, err := waitMined(wctx, t.Backend, tx.Hash())
	if err != nil {
		// A call cut short by the deadline may fail with a transport
		// error (an in-process pipe's timeout) rather than the context's,
		// even before the context's own timer has marked it done.
		if ctx.Err() == nil && !time.Now().Before(giveUp) {
			return nil, fmt.Errorf("chain: transaction %s (from %s, nonce %d) was not mined within %s%s: %w",
				tx.Hash(), t.Address(), tx.Nonce(), limit, t.whyNotMined(ctx, tx), ErrNotMined)
		}
		return nil, fmt.Errorf("chain: waiting for %s (from %s, nonce %d): %w", tx.Hash(), t.Address(), tx.Nonce(), err)
	}
	if r.Status != types.ReceiptStatusSuccessful {
		return r, fmt.Errorf("chain: transaction %s reverted (gas used %d of %d)%s", tx.Hash(), r.GasUsed, tx.Gas(), t.why(ctx, tx, r))
	}
	return r, nil
}

// whyNotMined says what the chain knows of tx, which a wait gave up on:
// whether the sender's nonce moved past it (mined, or replaced, though its
// receipt never came) and whether the node's pool holds it.
func (t *Transactor) whyNotMined(ctx context.Context, tx *types.Transaction) string {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	var notes []string
	var b any = t.Backend
	if g, ok := b.(gasMargin); ok {
		b = g.Backend
	}
	type nonceReader interface {
		NonceAt(context.Context, common.Address, *big.Int) (uint64, error)
	}
	if c, ok := b.(nonceReader); ok {
		if n, err := c.NonceAt(ctx, t.Address(), nil); err != nil {
			notes = append(notes, "the sender's nonce: "+err.Error())
		} else if n > tx.Nonce() {
			notes = append(notes, fmt.Sprintf("the sender's nonce is %d at the head: a transaction with its nonce was mined, yet no receipt was found", n))
		} else {
			notes = append(notes, fmt.Sprintf("the sender's nonce is %d at the head", n))
		}
	}
	if l, ok := b.(interface {
		TransactionByHash(context.Context, common.Hash) (*types.Transaction, bool, error)
	}); ok {
		if _, pending, err := l.TransactionByHash(ctx, tx.Hash()); err == nil {
			notes = append(notes, fmt.Sprintf("pending in the node's pool: %v", pending))
		} else {
			notes = append(notes, "the node does not know it ("+err.Error()+")")
		}
	}
	if len(notes) == 0 {
		return ""
	}
	return " (" + strings.Join(notes, "; ") + ")"
}

// why replays a reverted transaction as a call on its parent block's state
// and returns the decoded reason, or "" (the replay is exact when the
// transaction was alone in its block, as on a dev chain).
func (t *Transactor) why(ctx context.Context, tx *types.Transaction, r *types.Receipt) string {
	if r.BlockNumber == nil || r.BlockNumber.Sign() == 0 {
		return ""
	}
	from, err := types.Sender(types.LatestSignerForChainID(tx.ChainId()), tx)
	if err != nil {
		return ""
	}
	msg := ethereum.CallMsg{From: from, To: tx.To(), Gas: tx.Gas(), Value: tx.Value(), Data: tx.Data()}
	_, err = t.Backend.CallContract(ctx, msg, new(big.Int).Sub(r.BlockNumber, big.NewInt(1)))
	if rv := DecodeRevert(err); rv != nil {
		return ": " + rv.Error()
	}
	if err != nil {
		return ": " + err.Error()
	}
	return ""
}

// do returns a function that waits for one transaction, naming the step
// in its error: t.do("grant role")(timelock.GrantRole(...)).
func (t *Transactor) do(step string) func(*types.Transaction, error) error {
	return func(tx *types.Transaction, err error) error {
		if _, err := t.Wait(tx, err); err != nil {
			return fmt.Errorf("chain: %s: %w", step, Explain(err))
		}
		return nil
	}
}

// Deploy deploys the whole set as t's account: test stablecoin (unless
// cfg names one), GAIA token,
// timelock and governor (the timelock owns every rule and the deployer's
// admin role is renounced), price feed, staking, marketplace and one escrow.
func Deploy(t *Transactor, cfg DeployConfig) (Addresses, error) {
	var a Addresses
	if err := cfg.Validate(); err != nil {
		return a, err
	}
	me := t.Address()
	b := t.Backend
	var tx *types.Transaction
	var err error

	if cfg.Stablecoin != (common.Address{}) {
		a.Stablecoin = cfg.Stablecoin
		erc, err := contracts.NewTestStablecoin(a.Stablecoin, b) // ERC-20 views only
		if err != nil {
			return a, err
		}
		if _, err := erc.Decimals(&bind.CallOpts{Context: t.Opts.Context}); err != nil {
			return a, fmt.Errorf("chain: stablecoin %s is not an ERC-20 on this chain: %w", a.Stablecoin, err)
		}
	} else {
		a.Stablecoin, tx, _, err = contracts.DeployTestStablecoin(t.Opts, b, me)
		if err := t.do("deploy stablecoin")(tx, err); err != nil {
			return a, err
		}
	}
	a.Token, tx, _, err = contracts.DeployGaiaToken(t.Opts, b, me, cfg.TokenSupply)
	if err := t.do("deploy token")(tx, err); err != nil {
		return a, err
	}
	var timelock *contracts.GaiaTimelock
	a.Timelock, tx, timelock, err = contracts.DeployGaiaTimelock(t.Opts, b, seconds(cfg.TimelockDelay),
		nil, []common.Address{{}}, me)
	if err := t.do("deploy timelock")(tx, err); err != nil {
		return a, err
	}
	a.Governor, tx, _, err = contracts.DeployGaiaGovernor(t.Opts, b, a.Token, a.Timelock,
		big.NewInt(int64(cfg.VotingDelay)), cfg.VotingPeriod, new(big.Int), big.NewInt(cfg.QuorumPercent))
	if err := t.do("deploy governor")(tx, err); err != nil {
		return a, err
	}
	call := &bind.CallOpts{Context: t.Opts.Context}
	for _, role := range []string{"PROPOSER_ROLE", "CANCELLER_ROLE"} {
		id := crypto.Keccak256Hash([]byte(role))
		if err := t.do("grant " + role)(timelock.GrantRole(t.Opts, id, a.Governor)); err != nil {
			return a, err
		}
	}
	admin, err := timelock.DEFAULTADMINROLE(call)
	if err != nil {
		return a, fmt.Errorf("chain: timelock admin role: %w", err)
	}
	if err := t.do("renounce timelock admin")(timelock.RenounceRole(t.Opts, admin, me)); err != nil {
		return a, err
	}

	var feed *contracts.PriceFeed
	a.PriceFeed, tx, feed, err = contracts.DeployPriceFeed(t.Opts, b, a.Timelock, cfg.Feeder, 8, "GAIA / USD", cfg.MinPrice, cfg.MaxPrice)
	if err := t.do("deploy price feed")(tx, err); err != nil {
		return a, err
	}
	if cfg.Feeder == me {
		if err := t.do("first price")(feed.Submit(t.Opts, cfg.Price)); err != nil {
			return a, err
		}
	}
	a.Staking, tx, _, err = contracts.DeployStaking(t.Opts, b, a.Timelock, a.Token, uint64(cfg.UnbondingPeriod/time.Second),
		[]common.Address{a.Stablecoin, a.Token})
	if err := t.do("deploy staking")(tx, err); err != nil {
		return a, err
	}
	a.Marketplace, tx, _, err = contracts.DeployMarketplace(t.Opts, b, a.Timelock, a.Timelock)
	if err := t.do("deploy marketplace")(tx, err); err != nil {
		return a, err
	}
	a.Escrow, err = DeployEscrow(t, a, cfg)
	return a, err
}

// DeployEscrow deploys one more domain escrow against an existing set
// (stablecoin, token, feed, staking, marketplace and timelock from a).
func DeployEscrow(t *Transactor, a Addresses, cfg DeployConfig) (common.Address, error) {
	addr, tx, _, err := contracts.DeployEscrow(t.Opts, t.Backend, contracts.EscrowConfig{
		Owner:        a.Timelock,
		Operator:     cfg.Operator,
		Signer:       cfg.Signer,
		Stable:       a.Stablecoin,
		Token:        a.Token,
		PriceFeed:    a.PriceFeed,
		MaxPriceAge:  uint64(cfg.MaxPriceAge / time.Second),
		MinPrice:     cfg.MinPrice,
		MaxPrice:     cfg.MaxPrice,
		NoticePeriod: uint64(cfg.NoticePeriod / time.Second),
		ExpiresAt:    uint64(cfg.Expiry.Unix()),
		Staking:      a.Staking,
		Marketplace:  a.Marketplace,
		StakingBps:   cfg.StakingBps,
		RoyaltyBps:   cfg.RoyaltyBps,
	})
	if err := t.do("deploy escrow")(tx, err); err != nil {
		return common.Address{}, err
	}
	return addr, nil
}

func seconds(d time.Duration) *big.Int { return big.NewInt(int64(d / time.Second)) }

// waitMined polls for the receipt of hash every 50 ms (bind.WaitMined polls
// every second, which makes a dev chain's deployment take many seconds).
func waitMined(ctx context.Context, b bind.DeployBackend, hash common.Hash) (*types.Receipt, error) {
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		r, err := b.TransactionReceipt(ctx, hash)
		if err == nil {
			return r, nil
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		// A fresh node answers "transaction indexing is in progress" until
		// its index catches up: that is not-yet-found too.
		if !errors.Is(err, ethereum.NotFound) && !strings.Contains(err.Error(), "indexing is in progress") {
			return nil, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-tick.C:
		}
	}
}
