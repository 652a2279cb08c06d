package onchain

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"

	"github.com/gaianet-go/gaianet/chain"
	"github.com/gaianet-go/gaianet/domain/store"
)

// recoverReorg handles a reorganisation deeper than the confirmations:
// the block the watcher last passed is no longer the chain's. It finds
// the newest checkpoint still on the chain (the fork is after it),
// rescans from there to the confirmed height, and has the store reverse
// what left the chain, restore what came back and record what is new, in
// one transaction with the watcher's move (store.ReorgChainEvents). With
// no checkpoint left on the chain it rescans from the start block. Then
// it reopens settled batches the escrow no longer knows (recheckSettled).
func (s *Service) recoverReorg(ctx context.Context, pos store.WatchPosition) (store.ReorgResult, error) {
	escrow := s.addr.Hex()
	cps, err := s.st.Checkpoints(ctx, escrow)
	if err != nil {
		return store.ReorgResult{}, err
	}
	w := &chain.DepositWatcher{Escrow: s.escrow, Headers: s.client, Confirmations: *s.cfg.Confirmations, Next: s.cfg.StartBlock}
	for _, c := range cps {
		h, err := s.client.HeaderByNumber(ctx, new(big.Int).SetUint64(c.Block))
		if err != nil {
			return store.ReorgResult{}, fmt.Errorf("onchain: header %d: %w", c.Block, err)
		}
		if h.Hash().Hex() == c.Hash {
			w.Next, w.LastHash = c.Block+1, h.Hash()
			break
		}
	}
	first := w.Next
	head, err := s.client.HeaderByNumber(ctx, nil)
	if err != nil {
		return store.ReorgResult{}, fmt.Errorf("onchain: head: %w", err)
	}
	var evs []chain.Deposit
	for head.Number.Uint64() >= *s.cfg.Confirmations && w.Next <= head.Number.Uint64()-*s.cfg.Confirmations {
		next := w.Next
		got, err := w.Poll(ctx)
		if err != nil {
			return store.ReorgResult{}, err // moved again: the next poll starts over
		}
		evs = append(evs, got...)
		if w.Next == next {
			break
		}
	}
	to := store.WatchPosition{Next: w.Next, LastHash: w.LastHash.Hex()}
	if w.LastHash == (common.Hash{}) {
		to.LastHash = ""
	}
	r, err := s.st.ReorgChainEvents(ctx, escrow, pos, first, to, s.events(evs))
	if errors.Is(err, store.ErrMoved) {
		return store.ReorgResult{}, nil // another replica recovered
	}
	if err != nil {
		return r, err
	}
	s.log.Warn("chain reorganisation undone", "rescanned_from", first, "to", w.Next, "reversed", r.Reversed, "restored", r.Restored,
		"recorded", r.Recorded, "flagged_users", r.Flagged)
	for _, u := range r.Flagged {
		reason, _ := s.st.UserFlag(ctx, u)
		s.log.Error("user below zero after a reorganisation: blocked until they deposit", "user", u, "reason", reason)
	}
	if err := s.recheckSettled(ctx); err != nil {
		return r, err
	}
	return r, nil
}

// recheckWindow is how far back settled batches are checked against the
// escrow after a reorganisation.
const recheckWindow = 7 * 24 * time.Hour

// recheckSettled reopens the batches settled (or partial) in the last
// recheckWindow of which the escrow no longer reports a part settled that
// the store recorded so (its transaction left the chain): the store
// reverses the postings of their outcome, and the next Settle sends them
// again under the same ids, which the escrow accepts once, and posts the
// outcome the escrow gives them then. A partial batch's refused part is
// not checked (the escrow never had it).
func (s *Service) recheckSettled(ctx context.Context) error {
	var done []store.Settlement
	for _, status := range []string{store.SettlementSettled, store.SettlementPartial} {
		l, err := s.st.Settlements(ctx, s.addr.Hex(), status)
		if err != nil {
			return err
		}
		done = append(done, l...)
	}
	since := time.Now().Add(-recheckWindow)
	for _, p := range done {
		if p.Settled != nil && p.Settled.Before(since) {
			continue
		}
		b, err := decodeBatch(p)
		if err != nil {
			return err
		}
		parts := b.parts()
		if p.Status == store.SettlementPartial {
			parts = parts[:1]
		}
		for _, part := range parts {
			ok, err := s.escrow.Settled(&bind.CallOpts{Context: ctx}, part.Settlement.Id)
			if err != nil {
				return fmt.Errorf("onchain: settlement %s: %w", p.ID, err)
			}
			if !ok {
				s.log.Warn("a settled batch left the chain in a reorganisation: its outcome reversed, sending it again", "batch", p.ID,
					"status", p.Status, "part", part.Settlement.Id, "tx", p.TxHash)
				if err := s.st.ReopenSettlement(ctx, p.ID); err != nil {
					return err
				}
				break
			}
		}
	}
	return nil
}
