package onchain

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"math/big"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"

	"github.com/gaianet-go/gaianet/chain/contracts"
	"github.com/gaianet-go/gaianet/domain/ledger"
	"github.com/gaianet-go/gaianet/domain/store"
)

// ErrNotYet means a failed batch cannot be released yet: a signature of
// it is still valid on the escrow (before its deadline).
var ErrNotYet = errors.New("onchain: the batch's signature is still valid on the escrow")

// Retried is what Retry did: the requests of a failed batch released for
// a new batch, or the new batch a partial batch's refused part went into.
type Retried struct {
	Released int64  `json:"released,omitempty"`
	Reissued string `json:"reissued,omitempty"`
}

// Retry releases failed batch id (Release) or issues partial batch id's
// refused part again (Reissue), once.
func (s *Service) Retry(ctx context.Context, id string) (Retried, error) {
	p, err := s.settlement(ctx, id)
	if err != nil {
		return Retried{}, err
	}
	if p.Status == store.SettlementPartial || (p.Status == store.SettlementFailed && p.ReissueOf != "") {
		next, err := s.Reissue(ctx, id)
		return Retried{Reissued: next}, err
	}
	n, err := s.Release(ctx, id)
	return Retried{Released: n}, err
}

// settlement is batch id of the escrow.
func (s *Service) settlement(ctx context.Context, id string) (store.Settlement, error) {
	all, err := s.st.Settlements(ctx, s.addr.Hex(), "")
	if err != nil {
		return store.Settlement{}, err
	}
	for _, p := range all {
		if p.ID == id {
			return p, nil
		}
	}
	return store.Settlement{}, fmt.Errorf("%w: settlement %s on escrow %s", store.ErrNotFound, id, s.addr)
}

// Release puts the requests of failed batch id back to be settled in a new
// batch, once. It refuses while the escrow could still settle any part of
// the batch: a part the escrow settled (the batch is not free to bill
// again), or a part whose signed deadline (the stored one, or a later one
// it was signed again with and sent in the batch's last transaction) the
// chain has not passed (ErrNotYet), since anyone may submit a signed batch.
func (s *Service) Release(ctx context.Context, id string) (int64, error) {
	p, err := s.settlement(ctx, id)
	if err != nil {
		return 0, err
	}
	if p.Status != store.SettlementFailed {
		return 0, fmt.Errorf("onchain: settlement %s is %s, not failed: nothing to release", id, p.Status)
	}
	if p.ReissueOf != "" {
		return 0, fmt.Errorf("onchain: settlement %s issued again the refused part of batch %s and holds no requests of its own: nothing to release", id, p.ReissueOf)
	}
	b, err := decodeBatch(p)
	if err != nil {
		return 0, err
	}
	if err := s.unsettleable(ctx, p, b.parts()...); err != nil {
		return 0, err
	}
	n, err := s.st.ReleaseFailed(ctx, id)
	if err == nil {
		s.log.Info("released a failed batch's requests for a new batch", "batch", id, "requests", n)
	}
	return n, err
}

// unsettleable checks that the escrow can no longer settle parts of batch
// p: none is settled, and the chain is past the deadline each was signed
// with (the stored one, or a later one it was signed again with and sent
// in the batch's last transaction; ErrNotYet before).
func (s *Service) unsettleable(ctx context.Context, p store.Settlement, parts ...*signedPart) error {
	deadline := new(big.Int)
	if p.SubmittedTx != "" {
		var err error
		if deadline, err = s.sentDeadline(ctx, p); err != nil {
			return err
		}
	}
	for _, part := range parts {
		done, err := s.escrow.Settled(&bind.CallOpts{Context: ctx}, part.Settlement.Id)
		if err != nil {
			return fmt.Errorf("onchain: settlement %s: %w", p.ID, err)
		}
		if done {
			return fmt.Errorf("onchain: settlement %s: the escrow settled part %s of it; its requests cannot be billed again", p.ID, part.Settlement.Id)
		}
		if part.Settlement.Deadline.Cmp(deadline) > 0 {
			deadline = part.Settlement.Deadline
		}
	}
	head, err := s.client.HeaderByNumber(ctx, nil)
	if err != nil {
		return fmt.Errorf("onchain: head: %w", err)
	}
	if new(big.Int).SetUint64(head.Time).Cmp(deadline) <= 0 {
		return fmt.Errorf("%w until %s (chain time %d): retry after it", ErrNotYet, deadline, head.Time)
	}
	return nil
}

// Reissue issues the refused part of partial batch id again, once, as a
// new batch (whose id it returns), with the same safeguard as Release:
// the escrow can no longer settle that part. The new batch charges each
// wallet, pays each payee and reports each component's usage exactly as
// the refused part was signed (in dollars), split again between the
// stablecoin and GAIA by the wallets' escrow balances now. The requests
// stay with batch id: a wallet's charge was split between the two parts
// by amount, not by request, so the refused part is not a set of requests.
// A failed batch that was itself such a re-issue (no requests to release)
// is issued again whole, the same way.
func (s *Service) Reissue(ctx context.Context, id string) (string, error) {
	p, err := s.settlement(ctx, id)
	if err != nil {
		return "", err
	}
	if p.ReissuedAs != "" {
		return "", fmt.Errorf("onchain: settlement %s: its refused part was issued again already, as batch %s", id, p.ReissuedAs)
	}
	b, err := decodeBatch(p)
	if err != nil {
		return "", err
	}
	var parts []*signedPart
	switch {
	case p.Status == store.SettlementPartial && b.Token != nil:
		parts = []*signedPart{b.Token}
	case p.Status == store.SettlementFailed && p.ReissueOf != "":
		parts = b.parts()
	default:
		return "", fmt.Errorf("onchain: settlement %s is %s, not partial (nor a failed re-issue): nothing to issue again", id, p.Status)
	}
	if err := s.unsettleable(ctx, p, parts...); err != nil {
		return "", err
	}
	charges, payouts, usage := map[common.Address]ledger.Micros{}, map[common.Address]ledger.Micros{}, map[uint64]ledger.Micros{}
	var total ledger.Micros
	var wallets []string
	add := func(v *big.Int, to *ledger.Micros) error {
		m, _ := s.micros(v)
		if m == nil {
			return fmt.Errorf("onchain: settlement %s: amount %v out of the ledger's range", id, v)
		}
		*to += ledger.Micros(m.Int64())
		return nil
	}
	for _, part := range parts {
		set := part.Settlement
		for _, c := range set.Charges {
			if _, ok := charges[c.User]; !ok {
				wallets = append(wallets, c.User.Hex())
			}
			v := charges[c.User]
			if err := add(c.Amount, &v); err != nil {
				return "", err
			}
			total += v - charges[c.User]
			charges[c.User] = v
		}
		for _, q := range set.Payouts {
			v := payouts[q.To]
			if err := add(q.Amount, &v); err != nil {
				return "", err
			}
			payouts[q.To] = v
		}
		for _, u := range set.Usage {
			v := usage[u.Component.Uint64()]
			if err := add(u.Units, &v); err != nil {
				return "", err
			}
			usage[u.Component.Uint64()] = v
		}
	}
	if total <= 0 {
		return "", fmt.Errorf("onchain: settlement %s: its refused part charges nothing", id)
	}
	funds, err := s.funds(ctx, wallets)
	if err != nil {
		return "", err
	}
	head, err := s.client.HeaderByNumber(ctx, nil)
	if err != nil {
		return "", fmt.Errorf("onchain: head: %w", err)
	}
	next := newBatchID()
	batch, err := s.assemble(next, head.Time+uint64(time.Duration(s.cfg.Deadline)/time.Second), charges, payouts, usage,
		partNodes(b.Nodes, payouts), total, funds)
	if err != nil {
		return "", err
	}
	if err := s.st.ReissuePart(ctx, id, store.Settlement{ID: next.String(), Escrow: s.addr.Hex(), Batch: batch, Total: total}); err != nil {
		return "", err
	}
	s.log.Info("issued a batch's refused part again", "batch", id, "status", p.Status, "new_batch", next, "total", total)
	return next.String(), nil
}

// partNodes shares each payee's payout in a part among the node accounts
// it is paid for, in proportion to what each earned in the whole batch
// (nodes), the last (sorted) taking the remainder.
func partNodes(nodes map[string]map[string]ledger.Micros, payouts map[common.Address]ledger.Micros) map[string]map[string]ledger.Micros {
	out := map[string]map[string]ledger.Micros{}
	for a, paid := range payouts {
		legs := nodes[a.Hex()]
		var earned ledger.Micros
		for _, m := range legs {
			earned += m
		}
		if earned <= 0 {
			continue
		}
		accts := slices.Sorted(maps.Keys(legs))
		out[a.Hex()] = map[string]ledger.Micros{}
		left := paid
		for i, acct := range accts {
			x := share(legs[acct], paid, earned)
			if i == len(accts)-1 {
				x = left
			}
			left -= x
			out[a.Hex()][acct] = x
		}
	}
	return out
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
