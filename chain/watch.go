package chain

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sort"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/gaianet-go/gaianet/chain/contracts"
)

// Deposit is one Deposited event the watcher saw confirmed, or, with
// Withdrawn set, one Withdrawn event (Amount left the escrow to User).
type Deposit struct {
	User, Asset common.Address
	Amount      *big.Int
	// USDValue is the amount's value in stablecoin units: at the oracle's
	// price when deposited (the escrow refuses a deposit at a stale or
	// out-of-bounds price), at its last price when withdrawn (a withdrawal
	// is never blocked by the feed; 0 if the feed never answered).
	USDValue  *big.Int
	Withdrawn bool
	Block     uint64
	BlockHash common.Hash
	TxHash    common.Hash
	LogIndex  uint
}

// ID names the deposit uniquely on its chain ("0xTXHASH:LOGINDEX"): the key
// a ledger credits it under, so a credit is posted once however often the
// watcher restarts.
func (d Deposit) ID() string { return fmt.Sprintf("%s:%d", d.TxHash.Hex(), d.LogIndex) }

// ErrDeepReorg is returned when the chain below the confirmed height changed:
// deposits already returned may no longer exist. The watcher does not move;
// its caller rescans from a block still on the chain and undoes what left
// it (the domain does: domain/onchain's reorg.go). More confirmations suit
// such a chain.
var ErrDeepReorg = errors.New("chain: reorganisation deeper than the confirmations")

// HeaderReader is what the watcher needs to see the chain's head and hashes.
type HeaderReader interface {
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// DepositWatcher reads an escrow's deposits and withdrawals once they have Confirmations
// blocks on top, in order, each once. It remembers the hash of the last
// block it scanned and checks it before scanning on, so a reorganisation
// deeper than the confirmations is reported, never silently skipped or
// replayed. Its position (Next, LastHash) is the caller's to persist. It is
// not safe for concurrent use.
type DepositWatcher struct {
	Escrow        *contracts.Escrow
	Headers       HeaderReader
	Confirmations uint64
	// Next is the first block not yet scanned; LastHash the hash of Next-1
	// when it was scanned (zero before the first scan).
	Next     uint64
	LastHash common.Hash
	// MaxRange bounds the blocks scanned per Poll (default 5,000).
	MaxRange uint64
}

// Poll returns the deposits and withdrawals confirmed since the last Poll,
// in chain order.
func (w *DepositWatcher) Poll(ctx context.Context) ([]Deposit, error) {
	head, err := w.Headers.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("chain: head: %w", err)
	}
	if head.Number.Uint64() < w.Confirmations {
		return nil, nil
	}
	safe := head.Number.Uint64() - w.Confirmations
	if safe < w.Next {
		return nil, nil
	}
	if w.LastHash != (common.Hash{}) && w.Next > 0 {
		prev, err := w.Headers.HeaderByNumber(ctx, new(big.Int).SetUint64(w.Next-1))
		if err != nil {
			return nil, fmt.Errorf("chain: header %d: %w", w.Next-1, err)
		}
		if prev.Hash() != w.LastHash {
			return nil, fmt.Errorf("%w: block %d was %s, is %s", ErrDeepReorg, w.Next-1, w.LastHash, prev.Hash())
		}
	}
	limit := w.MaxRange
	if limit == 0 {
		limit = 5_000
	}
	end := min(safe, w.Next+limit-1)
	endHeader, err := w.Headers.HeaderByNumber(ctx, new(big.Int).SetUint64(end))
	if err != nil {
		return nil, fmt.Errorf("chain: header %d: %w", end, err)
	}
	opts := &bind.FilterOpts{Context: ctx, Start: w.Next, End: &end}
	it, err := w.Escrow.FilterDeposited(opts, nil, nil)
	if err != nil {
		return nil, fmt.Errorf("chain: deposits %d-%d: %w", w.Next, end, err)
	}
	defer it.Close()
	var out []Deposit
	for it.Next() {
		ev := it.Event
		if ev.Raw.Removed {
			continue
		}
		out = append(out, Deposit{User: ev.User, Asset: ev.Asset, Amount: ev.Amount, USDValue: ev.UsdValue,
			Block: ev.Raw.BlockNumber, BlockHash: ev.Raw.BlockHash, TxHash: ev.Raw.TxHash, LogIndex: ev.Raw.Index})
	}
	if err := it.Error(); err != nil {
		return nil, fmt.Errorf("chain: deposits %d-%d: %w", w.Next, end, err)
	}
	wit, err := w.Escrow.FilterWithdrawn(opts, nil, nil)
	if err != nil {
		return nil, fmt.Errorf("chain: withdrawals %d-%d: %w", w.Next, end, err)
	}
	defer wit.Close()
	for wit.Next() {
		ev := wit.Event
		if ev.Raw.Removed {
			continue
		}
		out = append(out, Deposit{User: ev.User, Asset: ev.Asset, Amount: ev.Amount, USDValue: ev.UsdValue, Withdrawn: true,
			Block: ev.Raw.BlockNumber, BlockHash: ev.Raw.BlockHash, TxHash: ev.Raw.TxHash, LogIndex: ev.Raw.Index})
	}
	if err := wit.Error(); err != nil {
		return nil, fmt.Errorf("chain: withdrawals %d-%d: %w", w.Next, end, err)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Block != out[j].Block {
			return out[i].Block < out[j].Block
		}
		return out[i].LogIndex < out[j].LogIndex
	})
	// The logs must come from the chain whose block `end` we hold: if the
	// head moved under the scan, the next Poll's hash check catches it.
	for _, d := range out {
		if d.Block == end && d.BlockHash != endHeader.Hash() {
			return nil, fmt.Errorf("%w: block %d changed during the scan", ErrDeepReorg, end)
		}
	}
	w.Next, w.LastHash = end+1, endHeader.Hash()
	return out, nil
}
