package chain

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/gaianet-go/gaianet/chain/contracts"
)

// DigestSigner signs 32-byte digests; *identity.Identity is one, so a
// node's keystore signs its transactions without the key leaving it.
type DigestSigner interface {
	SignDigest(digest []byte) ([]byte, error)
}

// NewSignerTransactor is NewTransactor for a key held by s, at address from.
func NewSignerTransactor(ctx context.Context, b Backend, from common.Address, s DigestSigner, mine Miner) (*Transactor, error) {
	id, err := b.ChainID(ctx)
	if err != nil {
		return nil, fmt.Errorf("chain: chain id: %w", err)
	}
	signer := types.LatestSignerForChainID(id)
	opts := &bind.TransactOpts{From: from, Context: ctx,
		Signer: func(addr common.Address, tx *types.Transaction) (*types.Transaction, error) {
			if addr != from {
				return nil, bind.ErrNotAuthorized
			}
			h := signer.Hash(tx)
			sig, err := s.SignDigest(h[:])
			if err != nil {
				return nil, err
			}
			return tx.WithSignature(signer, sig)
		}}
	return &Transactor{Backend: WithGasMargin(b), Opts: opts, Mine: mine}, nil
}

// Wallet is a user's or node owner's view of one escrow: balances, deposits
// and withdrawals, in either of the escrow's two assets.
type Wallet struct {
	T      *Transactor
	Escrow *contracts.Escrow
	// Address is the escrow's address.
	Address common.Address
	// Stable and Token are the escrow's assets.
	Stable, Token common.Address
}

// OpenWallet binds the escrow at addr for t's account.
func OpenWallet(ctx context.Context, t *Transactor, addr common.Address) (*Wallet, error) {
	esc, err := contracts.NewEscrow(addr, t.Backend)
	if err != nil {
		return nil, err
	}
	call := &bind.CallOpts{Context: ctx}
	w := &Wallet{T: t, Escrow: esc, Address: addr}
	if w.Stable, err = esc.Stable(call); err != nil {
		return nil, fmt.Errorf("chain: %s is not an escrow: %w", addr, err)
	}
	if w.Token, err = esc.Token(call); err != nil {
		return nil, fmt.Errorf("chain: %s is not an escrow: %w", addr, err)
	}
	return w, nil
}

// Asset resolves an asset name: "usd" (the stablecoin) or "gaia" (the token).
func (w *Wallet) Asset(name string) (common.Address, error) {
	switch strings.ToLower(name) {
	case "usd", "stable", "stablecoin":
		return w.Stable, nil
	case "gaia", "token":
		return w.Token, nil
	}
	return common.Address{}, fmt.Errorf("chain: unknown asset %q (want usd or gaia)", name)
}

// AssetBalance is one asset as the wallet sees it, in the asset's smallest unit.
type AssetBalance struct {
	Symbol   string   `json:"symbol"`
	Decimals uint8    `json:"decimals"`
	Wallet   *big.Int `json:"wallet"`
	Escrow   *big.Int `json:"escrow"`
	// Withdrawing is the pending withdrawal request and when it can be taken (unix seconds).
	Withdrawing *big.Int `json:"withdrawing"`
	ReadyAt     uint64   `json:"ready_at,omitempty"`
}

// Balance reports the account's balance of asset in its wallet and in the escrow.
func (w *Wallet) Balance(ctx context.Context, asset common.Address) (AssetBalance, error) {
	call := &bind.CallOpts{Context: ctx}
	erc, err := contracts.NewTestStablecoin(asset, w.T.Backend) // only ERC-20 views are used
	if err != nil {
		return AssetBalance{}, err
	}
	var b AssetBalance
	me := w.T.Address()
	if b.Symbol, err = erc.Symbol(call); err != nil {
		return b, fmt.Errorf("chain: symbol: %w", err)
	}
	if b.Decimals, err = erc.Decimals(call); err != nil {
		return b, fmt.Errorf("chain: decimals: %w", err)
	}
	if b.Wallet, err = erc.BalanceOf(call, me); err != nil {
		return b, fmt.Errorf("chain: balance: %w", err)
	}
	if b.Escrow, err = w.Escrow.BalanceOf(call, me, asset); err != nil {
		return b, fmt.Errorf("chain: escrow balance: %w", err)
	}
	req, err := w.Escrow.Withdrawals(call, me, asset)
	if err != nil {
		return b, fmt.Errorf("chain: withdrawal request: %w", err)
	}
	b.Withdrawing, b.ReadyAt = req.Amount, req.ReadyAt
	return b, nil
}

// Deposit approves the escrow for amount and deposits it.
func (w *Wallet) Deposit(asset common.Address, amount *big.Int) error {
	erc, err := contracts.NewTestStablecoin(asset, w.T.Backend)
	if err != nil {
		return err
	}
	if _, err := w.T.Wait(erc.Approve(w.T.Opts, w.Address, amount)); err != nil {
		return fmt.Errorf("chain: approve: %w", Explain(err))
	}
	if _, err := w.T.Wait(w.Escrow.Deposit(w.T.Opts, asset, amount)); err != nil {
		return fmt.Errorf("chain: deposit: %w", Explain(err))
	}
	return nil
}

// RequestWithdrawal starts the notice period for amount.
func (w *Wallet) RequestWithdrawal(asset common.Address, amount *big.Int) error {
	if _, err := w.T.Wait(w.Escrow.RequestWithdrawal(w.T.Opts, asset, amount)); err != nil {
		return fmt.Errorf("chain: request withdrawal: %w", Explain(err))
	}
	return nil
}

// Withdraw takes a withdrawal whose notice is over.
func (w *Wallet) Withdraw(asset common.Address) error {
	if _, err := w.T.Wait(w.Escrow.Withdraw(w.T.Opts, asset)); err != nil {
		return fmt.Errorf("chain: withdraw: %w", Explain(err))
	}
	return nil
}

// ErrBadAmount is returned by ParseAmount for text that is not a decimal amount.
var ErrBadAmount = errors.New("chain: bad amount")

// ParseAmount reads a decimal amount ("12.5") as an integer count of the
// asset's smallest unit with the given decimals. More fractional digits than
// decimals, signs, exponents and empty text are refused.
func ParseAmount(s string, decimals uint8) (*big.Int, error) {
	whole, frac, hasDot := strings.Cut(s, ".")
	if whole == "" && (!hasDot || frac == "") || len(s) > 100 {
		return nil, fmt.Errorf("%w: %q", ErrBadAmount, s)
	}
	if len(frac) > int(decimals) {
		return nil, fmt.Errorf("%w: %q has more than %d decimals", ErrBadAmount, s, decimals)
	}
	digits := whole + frac + strings.Repeat("0", int(decimals)-len(frac))
	for _, c := range digits {
		if c < '0' || c > '9' {
			return nil, fmt.Errorf("%w: %q", ErrBadAmount, s)
		}
	}
	v, ok := new(big.Int).SetString(digits, 10)
	if !ok {
		return nil, fmt.Errorf("%w: %q", ErrBadAmount, s)
	}
	return v, nil
}

// FormatAmount writes v (smallest units) as a decimal with the given decimals,
// without trailing zeros: FormatAmount(12500000, 6) = "12.5".
func FormatAmount(v *big.Int, decimals uint8) string {
	neg := v.Sign() < 0
	s := new(big.Int).Abs(v).String()
	if len(s) <= int(decimals) {
		s = strings.Repeat("0", int(decimals)-len(s)+1) + s
	}
	whole, frac := s[:len(s)-int(decimals)], strings.TrimRight(s[len(s)-int(decimals):], "0")
	if neg {
		whole = "-" + whole
	}
	if frac == "" {
		return whole
	}
	return whole + "." + frac
}
