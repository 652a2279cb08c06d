package onchain

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"sort"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/gaianet-go/gaianet/chain"
	"github.com/gaianet-go/gaianet/chain/contracts"
	"github.com/gaianet-go/gaianet/domain/ledger"
	"github.com/gaianet-go/gaianet/domain/store"
)

// Client is what the service needs of a chain connection: an
// *ethclient.Client and the simulated backend's client are ones.
type Client interface {
	chain.Backend
	chain.HeaderReader
}

// Service watches one escrow and settles the domain's ledger on it.
type Service struct {
	cfg    Config
	name   string // the domain's name, in every binding
	st     *store.Store
	client Client
	escrow *contracts.Escrow
	addr   common.Address
	dom    chain.EscrowDomain
	stable common.Address
	// scale is stablecoin units per ledger micro-dollar (10^(decimals-6)).
	scale  *big.Int
	signer chain.DigestSigner
	tr     *chain.Transactor
	log    *slog.Logger
	// holder names this replica in the settler lease.
	holder string
	// crashAfterSend makes send fail right after sending (tests).
	crashAfterSend bool
}

// Options are what New needs beyond the configuration.
type Options struct {
	// DomainName is the domain's name (domain.json's), signed in bindings.
	DomainName string
	Store      *store.Store
	Client     Client
	// Signer holds the escrow's settlement signer key, at address From;
	// the same account submits the batches (and pays their gas).
	Signer chain.DigestSigner
	From   common.Address
	// Mine seals blocks on a simulated chain; nil elsewhere.
	Mine   chain.Miner
	Logger *slog.Logger
	// Replica names this process among the domain's replicas, in the
	// settler lease (a random name when empty).
	Replica string
}

// New checks that cfg.Escrow is an escrow whose signer is opt.From and
// whose stablecoin the ledger can count in, and returns the service.
func New(ctx context.Context, cfg Config, opt Options) (*Service, error) {
	cfg.ApplyDefaults()
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if opt.Store == nil || opt.Client == nil || opt.Signer == nil || opt.DomainName == "" {
		return nil, errors.New("onchain: a store, a chain client, a signer and the domain's name are required")
	}
	s := &Service{cfg: cfg, name: opt.DomainName, st: opt.Store, client: opt.Client, addr: common.HexToAddress(cfg.Escrow),
		signer: opt.Signer, log: opt.Logger, holder: opt.Replica}
	if s.holder == "" {
		b := make([]byte, 8)
		rand.Read(b)
		s.holder = "replica-" + hex.EncodeToString(b)
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	var err error
	if s.escrow, err = contracts.NewEscrow(s.addr, opt.Client); err != nil {
		return nil, err
	}
	call := &bind.CallOpts{Context: ctx}
	signer, err := s.escrow.Signer(call)
	if err != nil {
		return nil, fmt.Errorf("onchain: %s is not an escrow on %s: %w", s.addr, cfg.RPC, err)
	}
	if signer != opt.From {
		return nil, fmt.Errorf("onchain: the escrow's settlement signer is %s, but the key is %s's", signer, opt.From)
	}
	// Usage must settle within a withdrawal's notice, or a user could take
	// back what they spent.
	notice, err := s.escrow.NoticePeriod(call)
	if err != nil {
		return nil, fmt.Errorf("onchain: escrow notice period: %w", err)
	}
	if time.Duration(s.cfg.SettleEvery) >= time.Duration(notice)*time.Second/2 {
		return nil, fmt.Errorf("onchain: settle_every %s must be under half the escrow's withdrawal notice (%s), or users could withdraw what they spent",
			time.Duration(s.cfg.SettleEvery), time.Duration(notice)*time.Second)
	}
	if s.stable, err = s.escrow.Stable(call); err != nil {
		return nil, fmt.Errorf("onchain: escrow stablecoin: %w", err)
	}
	erc, err := contracts.NewTestStablecoin(s.stable, opt.Client) // ERC-20 views only
	if err != nil {
		return nil, err
	}
	dec, err := erc.Decimals(call)
	if err != nil {
		return nil, fmt.Errorf("onchain: stablecoin decimals: %w", err)
	}
	if dec < 6 || dec > 30 {
		return nil, fmt.Errorf("onchain: the stablecoin has %d decimals; the ledger counts micro-dollars and needs 6 to 30", dec)
	}
	s.scale = new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(dec-6)), nil)
	id, err := opt.Client.ChainID(ctx)
	if err != nil {
		return nil, fmt.Errorf("onchain: chain id: %w", err)
	}
	s.dom = chain.EscrowDomain{ChainID: id, Escrow: s.addr}
	if s.tr, err = chain.NewSignerTransactor(ctx, opt.Client, opt.From, opt.Signer, opt.Mine); err != nil {
		return nil, err
	}
	return s, nil
}

// Escrow is the escrow's address.
func (s *Service) Escrow() common.Address { return s.addr }

// Run polls the escrow and settles on the configured schedule until ctx
// ends, while this replica holds the settler lease (lease.go): every
// replica may call Run, one at a time does the work, and another takes
// over within the lease's time when it dies. Errors are logged and
// retried at the next tick.
func (s *Service) Run(ctx context.Context) {
	l := s.newLease()
	leaseDone := make(chan struct{})
	go func() { defer close(leaseDone); l.keep(ctx) }()
	defer func() { <-leaseDone }()
	poll := time.NewTicker(time.Duration(s.cfg.Poll))
	defer poll.Stop()
	settle := time.NewTicker(time.Duration(s.cfg.SettleEvery))
	defer settle.Stop()
	s.log.Info("payments on chain", "escrow", s.addr, "chain_id", s.dom.ChainID, "settle_every", time.Duration(s.cfg.SettleEvery), "replica", s.holder)
	for {
		select {
		case <-ctx.Done():
			return
		case <-poll.C:
			if !l.held() {
				continue
			}
			if _, err := s.Poll(ctx); err != nil && ctx.Err() == nil {
				s.log.Error("reading the escrow", "err", err)
			}
		case <-settle.C:
			if !l.held() {
				continue
			}
			if _, err := s.Settle(ctx); err != nil && ctx.Err() == nil {
				s.log.Error("settling on the escrow", "err", chain.Explain(err))
			}
		}
	}
}

// Poll records the escrow events confirmed since the last Poll (of any
// process sharing the store) and returns how many it recorded.
func (s *Service) Poll(ctx context.Context) (int, error) {
	escrow := s.addr.Hex()
	pos, ok, err := s.st.WatchPositionOf(ctx, escrow)
	if err != nil {
		return 0, err
	}
	if !ok {
		pos = store.WatchPosition{Next: s.cfg.StartBlock}
	}
	w := &chain.DepositWatcher{Escrow: s.escrow, Headers: s.client, Confirmations: *s.cfg.Confirmations, Next: pos.Next}
	if pos.LastHash != "" {
		w.LastHash = common.HexToHash(pos.LastHash)
	}
	evs, err := w.Poll(ctx)
	if errors.Is(err, chain.ErrDeepReorg) {
		s.log.Warn("chain reorganisation below the confirmed height: reversing what left the chain", "err", err)
		r, err := s.recoverReorg(ctx, pos)
		if err != nil {
			return 0, err
		}
		return r.Recorded + r.Reversed + r.Restored, nil
	}
	if err != nil {
		return 0, err
	}
	if w.Next == pos.Next {
		return 0, nil
	}
	out := s.events(evs)
	err = s.st.RecordChainEvents(ctx, escrow, pos, store.WatchPosition{Next: w.Next, LastHash: w.LastHash.Hex()}, out)
	if errors.Is(err, store.ErrMoved) {
		return 0, nil // another replica recorded these blocks
	}
	if err != nil {
		return 0, err
	}
	return len(out), nil
}

// events converts the watcher's events to the ledger's units.
func (s *Service) events(evs []chain.Deposit) []store.ChainEvent {
	out := make([]store.ChainEvent, 0, len(evs))
	for _, d := range evs {
		e := store.ChainEvent{ID: d.ID(), Kind: store.EventDeposit, Address: d.User.Hex(), Block: d.Block, BlockHash: d.BlockHash.Hex()}
		if d.Withdrawn {
			e.Kind = store.EventWithdrawal
		}
		micros, exact := s.micros(d.Amount)
		switch {
		case d.Asset != s.stable:
			s.log.Warn("escrow event in an asset the ledger does not count; not credited", "event", e.ID, "asset", d.Asset, "user", e.Address)
			e.Kind = store.EventIgnored
		case micros == nil:
			s.log.Warn("escrow event out of the ledger's range; not credited", "event", e.ID, "amount", d.Amount, "user", e.Address)
			e.Kind = store.EventIgnored
		default:
			if !exact && !d.Withdrawn {
				s.log.Warn("deposit below a micro-dollar's precision: the remainder is not credited", "event", e.ID, "amount", d.Amount)
			}
			e.Amount = ledger.Micros(micros.Int64())
		}
		out = append(out, e)
	}
	return out
}

// micros converts a stablecoin amount to the ledger's unit, rounding a
// withdrawal up and a deposit down (exact tells whether it divided); nil
// when it is out of the ledger's range.
func (s *Service) micros(amount *big.Int) (v *big.Int, exact bool) {
	q, r := new(big.Int).QuoRem(amount, s.scale, new(big.Int))
	if q.Sign() < 0 || q.Cmp(big.NewInt(int64(ledger.MaxAmount))) > 0 {
		return nil, false
	}
	return q, r.Sign() == 0
}

// signedBatch is a settlement as stored: the batch and the signer's
// signature over it.
type signedBatch struct {
	Settlement chain.Settlement `json:"settlement"`
	Signature  hexutil.Bytes    `json:"signature"`
}

// Settle submits the pending batches, then claims, signs, stores and
// submits new ones until no request is due. It returns how many batches
// the escrow accepted.
func (s *Service) Settle(ctx context.Context) (int, error) {
	n, err := s.submitPending(ctx)
	if err != nil {
		return n, err
	}
	for {
		head, err := s.client.HeaderByNumber(ctx, nil)
		if err != nil {
			return n, fmt.Errorf("onchain: head: %w", err)
		}
		deadline := head.Time + uint64(time.Duration(s.cfg.Deadline)/time.Second)
		id := newBatchID()
		_, ok, err := s.st.ClaimSettlement(ctx, s.addr.Hex(), id.String(), s.cfg.BatchSize, func(legs []store.SettlementLeg) (string, ledger.Micros, error) {
			return s.build(id, deadline, legs)
		})
		if err != nil || !ok {
			return n, err
		}
		m, err := s.submitPending(ctx)
		n += m
		if err != nil {
			return n, err
		}
	}
}

// newBatchID is a random 128-bit batch id: unique per escrow without
// coordination between domains, replicas or a database restored from a
// backup.
func newBatchID() *big.Int {
	b := make([]byte, 16)
	rand.Read(b)
	return new(big.Int).SetBytes(b)
}

// build makes the signed batch id of a claim's legs: each wallet charged
// the sum of its legs, each payee paid its nodes' shares; the escrow pays
// the operator the rest (and the stakers their share when the operator
// has stake).
func (s *Service) build(id *big.Int, deadline uint64, legs []store.SettlementLeg) (string, ledger.Micros, error) {
	charges, payouts := map[common.Address]ledger.Micros{}, map[common.Address]ledger.Micros{}
	var total ledger.Micros
	for _, l := range legs {
		charges[common.HexToAddress(l.Wallet)] += l.Amount
		total += l.Amount
		if l.Payee != "" {
			payouts[common.HexToAddress(l.Payee)] += l.Amount
		}
	}
	set := chain.Settlement{Id: id, Asset: s.stable, Deadline: new(big.Int).SetUint64(deadline),
		Charges: []contracts.EscrowCharge{}, Payouts: []contracts.EscrowPayout{}, Usage: []contracts.EscrowUsage{}}
	for _, a := range sortedKeys(charges) {
		if charges[a] > 0 {
			set.Charges = append(set.Charges, contracts.EscrowCharge{User: a, Amount: s.units(charges[a])})
		}
	}
	for _, a := range sortedKeys(payouts) {
		if payouts[a] > 0 {
			set.Payouts = append(set.Payouts, contracts.EscrowPayout{To: a, Amount: s.units(payouts[a])})
		}
	}
	sig, err := s.dom.SignWith(s.signer, set)
	if err != nil {
		return "", 0, err
	}
	b, err := json.Marshal(signedBatch{set, sig})
	if err != nil {
		return "", 0, err
	}
	return string(b), total, nil
}

// submitPending submits every pending batch until the escrow has it: a
// batch the escrow already settled (a crash after submitting, another
// replica) is only marked; one sent before and still in flight (by a
// replica that died) is waited for, not sent again; one past its deadline
// is signed again, same id.
func (s *Service) submitPending(ctx context.Context) (int, error) {
	pending, err := s.st.Settlements(ctx, s.addr.Hex(), store.SettlementPending)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, p := range pending {
		b, err := decodeBatch(p)
		if err != nil {
			return n, err
		}
		call := &bind.CallOpts{Context: ctx}
		done, err := s.escrow.Settled(call, b.Settlement.Id)
		if err != nil {
			return n, fmt.Errorf("onchain: settlement %s: %w", p.ID, err)
		}
		if !done && p.SubmittedTx != "" {
			if done, err = s.awaitInFlight(ctx, p, b); err != nil {
				return n, err
			}
		}
		if done {
			if err := s.st.MarkSettled(ctx, p.ID, p.SubmittedTx); err != nil {
				return n, err
			}
			n++
			continue
		}
		head, err := s.client.HeaderByNumber(ctx, nil)
		if err != nil {
			return n, fmt.Errorf("onchain: head: %w", err)
		}
		if head.Time+60 >= b.Settlement.Deadline.Uint64() {
			b.Settlement.Deadline = new(big.Int).SetUint64(head.Time + uint64(time.Duration(s.cfg.Deadline)/time.Second))
			if b.Signature, err = s.dom.SignWith(s.signer, b.Settlement); err != nil {
				return n, err
			}
		}
		r, err := s.send(ctx, p, b)
		if rv := chain.DecodeRevert(err); rv != nil && rv.Name == "AlreadySettled" {
			err = nil // settled between the check and the submission
		}
		if err != nil {
			return n, fmt.Errorf("onchain: settlement %s of %s: %w", p.ID, p.Total, chain.Explain(err))
		}
		tx := ""
		if r != nil {
			tx = r.TxHash.Hex()
		}
		if err := s.st.MarkSettled(ctx, p.ID, tx); err != nil {
			return n, err
		}
		s.log.Info("settled on the escrow", "batch", p.ID, "requests", p.Requests, "total", p.Total, "tx", tx)
		n++
	}
	return n, nil
}

func decodeBatch(p store.Settlement) (signedBatch, error) {
	var b signedBatch
	if err := json.Unmarshal([]byte(p.Batch), &b); err != nil {
		return b, fmt.Errorf("onchain: settlement %s: stored batch: %w", p.ID, err)
	}
	return b, nil
}

// errCrash stands for the process dying between sending a batch and
// recording it (tests set crashAfterSend).
var errCrash = errors.New("onchain: crashed after sending (test)")

// send signs the batch's transaction, records its hash, then sends it and
// waits for it: a replica that takes over after a crash finds the hash
// and waits for that transaction instead of sending a second one.
func (s *Service) send(ctx context.Context, p store.Settlement, b signedBatch) (*types.Receipt, error) {
	opts := *s.tr.Opts
	opts.Context, opts.NoSend = ctx, true
	tx, err := s.escrow.Settle(&opts, b.Settlement, b.Signature)
	if err != nil {
		return nil, err
	}
	if err := s.st.MarkSubmitted(ctx, p.ID, tx.Hash().Hex()); err != nil {
		return nil, err
	}
	if err := s.client.SendTransaction(ctx, tx); err != nil {
		return nil, fmt.Errorf("onchain: send: %w", err)
	}
	if s.crashAfterSend {
		return nil, errCrash
	}
	return s.tr.Wait(tx, nil)
}

// inFlightWait bounds how long a takeover waits for a batch's transaction
// still in the pool; past it, the next Settle looks again.
const inFlightWait = 2 * time.Minute

// txLookup is the pool lookup of an *ethclient.Client (and the simulated
// backend's client).
type txLookup interface {
	TransactionByHash(ctx context.Context, hash common.Hash) (*types.Transaction, bool, error)
}

// awaitInFlight looks for the transaction p was last sent in. Mined: the
// escrow's word decides. In the pool: it waits for it (mining it on a
// simulated chain). Unknown or failed: false, and the batch is sent again.
func (s *Service) awaitInFlight(ctx context.Context, p store.Settlement, b signedBatch) (bool, error) {
	h := common.HexToHash(p.SubmittedTx)
	_, err := s.client.TransactionReceipt(ctx, h)
	if err != nil && !errors.Is(err, ethereum.NotFound) {
		return false, fmt.Errorf("onchain: settlement %s: receipt of %s: %w", p.ID, h, err)
	}
	if err != nil {
		l, ok := s.client.(txLookup)
		if !ok {
			return false, nil
		}
		_, pending, err := l.TransactionByHash(ctx, h)
		if errors.Is(err, ethereum.NotFound) || (err == nil && !pending) {
			return false, nil
		}
		if err != nil {
			return false, fmt.Errorf("onchain: settlement %s: transaction %s: %w", p.ID, h, err)
		}
		s.log.Info("a batch sent before is still in flight: waiting for it, not sending it again", "batch", p.ID, "tx", h)
		if s.tr.Mine != nil {
			s.tr.Mine()
		}
		wctx, cancel := context.WithTimeout(ctx, inFlightWait)
		defer cancel()
		if _, err := bind.WaitMinedHash(wctx, s.client, h); err != nil {
			return false, fmt.Errorf("onchain: settlement %s: waiting for %s: %w", p.ID, h, err)
		}
	}
	done, err := s.escrow.Settled(&bind.CallOpts{Context: ctx}, b.Settlement.Id)
	if err != nil {
		return false, fmt.Errorf("onchain: settlement %s: %w", p.ID, err)
	}
	return done, nil
}

func (s *Service) units(m ledger.Micros) *big.Int {
	return new(big.Int).Mul(big.NewInt(int64(m)), s.scale)
}

func sortedKeys(m map[common.Address]ledger.Micros) []common.Address {
	out := make([]common.Address, 0, len(m))
	for a := range m {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Cmp(out[j]) < 0 })
	return out
}
