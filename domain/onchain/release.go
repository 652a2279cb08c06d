package onchain

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"

	"github.com/gaianet-go/gaianet/chain/contracts"
	"github.com/gaianet-go/gaianet/domain/store"
)

// ErrNotYet means a failed batch cannot be released yet: a signature of
// it is still valid on the escrow (before its deadline).
var ErrNotYet = errors.New("onchain: the batch's signature is still valid on the escrow")

// Release puts the requests of failed batch id back to be settled in a new
// batch, once. It refuses while the escrow could still settle any part of
// the batch: a part the escrow settled (the batch is not free to bill
// again), or a part whose signed deadline (the stored one, or a later one
// it was signed again with and sent in the batch's last transaction) the
// chain has not passed (ErrNotYet), since anyone may submit a signed batch.
func (s *Service) Release(ctx context.Context, id string) (int64, error) {
	all, err := s.st.Settlements(ctx, s.addr.Hex(), "")
	if err != nil {
		return 0, err
	}
	var p *store.Settlement
	for i := range all {
		if all[i].ID == id {
			p = &all[i]
		}
	}
	if p == nil {
		return 0, fmt.Errorf("%w: settlement %s on escrow %s", store.ErrNotFound, id, s.addr)
	}
	if p.Status != store.SettlementFailed {
		return 0, fmt.Errorf("onchain: settlement %s is %s, not failed: nothing to release", id, p.Status)
	}
	b, err := decodeBatch(*p)
	if err != nil {
		return 0, err
	}
	deadline := new(big.Int)
	if p.SubmittedTx != "" {
		if deadline, err = s.sentDeadline(ctx, *p); err != nil {
			return 0, err
		}
	}
	for _, part := range b.parts() {
		done, err := s.escrow.Settled(&bind.CallOpts{Context: ctx}, part.Settlement.Id)
		if err != nil {
			return 0, fmt.Errorf("onchain: settlement %s: %w", id, err)
		}
		if done {
			return 0, fmt.Errorf("onchain: settlement %s: the escrow settled part %s of it; its requests cannot be billed again", id, part.Settlement.Id)
		}
		if part.Settlement.Deadline.Cmp(deadline) > 0 {
			deadline = part.Settlement.Deadline
		}
	}
	head, err := s.client.HeaderByNumber(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("onchain: head: %w", err)
	}
	if new(big.Int).SetUint64(head.Time).Cmp(deadline) <= 0 {
		return 0, fmt.Errorf("%w until %s (chain time %d): retry after it", ErrNotYet, deadline, head.Time)
	}
	n, err := s.st.ReleaseFailed(ctx, id)
	if err == nil {
		s.log.Info("released a failed batch's requests for a new batch", "batch", id, "requests", n)
	}
	return n, err
}

// sentDeadline is the deadline signed in p's last transaction (a batch
// signed again past its stored deadline). A transaction the node no longer
// knows is an error: its signature may still be valid.
func (s *Service) sentDeadline(ctx context.Context, p store.Settlement) (*big.Int, error) {
	l, ok := s.client.(txLookup)
	if !ok {
		return nil, fmt.Errorf("onchain: settlement %s: cannot read its transaction %s", p.ID, p.SubmittedTx)
	}
	tx, _, err := l.TransactionByHash(ctx, common.HexToHash(p.SubmittedTx))
	if errors.Is(err, ethereum.NotFound) {
		return nil, fmt.Errorf("%w: its transaction %s is unknown to the node (it may be re-broadcast)", ErrNotYet, p.SubmittedTx)
	}
	if err != nil {
		return nil, fmt.Errorf("onchain: settlement %s: transaction %s: %w", p.ID, p.SubmittedTx, err)
	}
	a, err := contracts.EscrowMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	if len(tx.Data()) < 4 {
		return nil, fmt.Errorf("onchain: settlement %s: transaction %s is not a settle call", p.ID, p.SubmittedTx)
	}
	args, err := a.Methods["settle"].Inputs.Unpack(tx.Data()[4:])
	if err != nil || len(args) == 0 {
		return nil, fmt.Errorf("onchain: settlement %s: transaction %s: not a settle call: %v", p.ID, p.SubmittedTx, err)
	}
	d, ok := sentSettlementDeadline(args[0])
	if !ok {
		return nil, fmt.Errorf("onchain: settlement %s: transaction %s: unexpected settle arguments", p.ID, p.SubmittedTx)
	}
	return d, nil
}

// sentSettlementDeadline is the deadline of an unpacked settle argument.
func sentSettlementDeadline(v any) (d *big.Int, ok bool) {
	defer func() {
		if recover() != nil {
			d, ok = nil, false
		}
	}()
	set, _ := abi.ConvertType(v, new(contracts.EscrowSettlement)).(*contracts.EscrowSettlement)
	if set == nil || set.Deadline == nil {
		return nil, false
	}
	return set.Deadline, true
}
