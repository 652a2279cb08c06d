package onchain

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"slices"
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
	token  common.Address // GAIA, credited at the escrow's valuation
	// scale is stablecoin units per ledger micro-dollar (10^(decimals-6)).
	scale  *big.Int
	signer chain.DigestSigner
	tr     *chain.Transactor
	log    *slog.Logger
	// tokens maps a component's content hash to its marketplace token,
	// checked on chain (cfg.Components).
	tokens map[string]*big.Int
	// holder names this replica in the settler lease.
	holder string
	// minRequest is Options.MinRequest: the leftover limit of bind.go.
	minRequest ledger.Micros
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
	// MinRequest is the estimate of the cheapest request the domain
	// serves: a wallet's escrow leftover worth less does not block a
	// rebind or unbind (bind.go). Zero: only an empty wallet's binding ends.
	MinRequest ledger.Micros
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
		signer: opt.Signer, log: opt.Logger, holder: opt.Replica, minRequest: opt.MinRequest}
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
	if err := s.checkPaidEvent(ctx); err != nil {
		return nil, err
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
	if s.token, err = s.escrow.Token(call); err != nil {
		return nil, fmt.Errorf("onchain: escrow token: %w", err)
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
	if s.tokens, err = s.checkComponents(call); err != nil {
		return nil, err
	}
	if s.tr, err = chain.NewSignerTransactor(ctx, opt.Client, opt.From, opt.Signer, opt.Mine); err != nil {
		return nil, err
	}
	return s, nil
}

// checkPaidEvent checks that the escrow's code emits the Paid event (its
// topic is a constant in the code): the ledger posts each settlement's
// outcome from those events, and an escrow deployed before them would
// leave every batch unrecorded.
func (s *Service) checkPaidEvent(ctx context.Context) error {
	a, err := contracts.EscrowMetaData.GetAbi()
	if err != nil {
		return err
	}
	code, err := s.client.CodeAt(ctx, s.addr, nil)
	if err != nil {
		return fmt.Errorf("onchain: escrow code: %w", err)
	}
	if topic := a.Events["Paid"].ID; !bytes.Contains(code, topic[:]) {
		return fmt.Errorf("onchain: the escrow at %s predates the Paid event the ledger records settlements from: deploy a new one ('gaianet chain deploy')", s.addr)
	}
	return nil
}

// checkComponents checks that each token of cfg.Components is listed on
// the escrow's marketplace with the content hash it is mapped from.
func (s *Service) checkComponents(call *bind.CallOpts) (map[string]*big.Int, error) {
	out := map[string]*big.Int{}
	if len(s.cfg.Components) == 0 {
		return out, nil
	}
	maddr, err := s.escrow.Marketplace(call)
	if err != nil {
		return nil, fmt.Errorf("onchain: the escrow's marketplace: %w", err)
	}
	market, err := contracts.NewMarketplace(maddr, s.client)
	if err != nil {
		return nil, err
	}
	for h, id := range s.cfg.Components {
		tok := new(big.Int).SetUint64(id)
		c, err := market.Component(call, tok)
		if err != nil {
			return nil, fmt.Errorf("onchain: components: token %d on marketplace %s: %w", id, maddr, chain.Explain(err))
		}
		if got := hex.EncodeToString(c.ContentHash[:]); got != h {
			return nil, fmt.Errorf("onchain: components: token %d holds content hash %s, not %s", id, got, h)
		}
		out[h] = tok
	}
	return out, nil
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
		// The stablecoin counts at face value; GAIA at the value the escrow
		// gave it on chain (the oracle's price at deposit, its last price
		// at withdrawal), so the ledger equals the escrow's valuation.
		value := d.Amount
		if d.Asset == s.token && d.USDValue != nil {
			value = d.USDValue
		}
		micros, exact := s.micros(value)
		switch {
		case d.Asset != s.stable && d.Asset != s.token:
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

// signedBatch is a settlement as stored: the batch in the stablecoin and
// the signer's signature over it, and, when some users pay from GAIA, the
// batch of their charges in GAIA (id + 2^128).
type signedBatch struct {
	Settlement chain.Settlement `json:"settlement"`
	Signature  hexutil.Bytes    `json:"signature"`
	Token      *signedPart      `json:"token,omitempty"`
	// Nodes is, by payee (checksummed), what each node account the payee
	// is paid for earned in the batch (ledger units): where a cut in the
	// payee's payout (a shortfall the operator's share could not absorb)
	// is posted. Absent in batches stored before it.
	Nodes map[string]map[string]ledger.Micros `json:"nodes,omitempty"`
}

// signedPart is one settlement and its signature.
type signedPart struct {
	Settlement chain.Settlement `json:"settlement"`
	Signature  hexutil.Bytes    `json:"signature"`
}

// parts lists b's settlements, the stablecoin's first.
func (b *signedBatch) parts() []*signedPart {
	out := []*signedPart{{b.Settlement, b.Signature}}
	if b.Token != nil {
		out = append(out, b.Token)
	}
	return out
}

// tokenBatchOffset makes a GAIA batch's id from its stablecoin batch's
// 128-bit random id: the two never collide with another batch's.
var tokenBatchOffset = new(big.Int).Lsh(big.NewInt(1), 128)

// Settle submits the pending batches, then claims, signs, stores and
// submits new ones until no request is due. It returns how many batches
// the escrow accepted.
//
// A pending batch the escrow cannot take yet (a stale price for its GAIA
// part, say) does not stop new batches: claiming goes on as long as each
// pass settles the batch it claimed.
func (s *Service) Settle(ctx context.Context) (int, error) {
	n, err := s.submitPending(ctx)
	errs := []error{err}
	for ctx.Err() == nil {
		head, err := s.client.HeaderByNumber(ctx, nil)
		if err != nil {
			return n, errors.Join(append(errs, fmt.Errorf("onchain: head: %w", err))...)
		}
		// The wallets' escrow balances are read before the claim, so no
		// chain call runs inside the store's transaction.
		wallets, err := s.st.UnsettledWallets(ctx)
		if err != nil || len(wallets) == 0 {
			return n, errors.Join(append(errs, err)...)
		}
		funds, err := s.funds(ctx, wallets)
		if err != nil {
			return n, errors.Join(append(errs, err)...)
		}
		deadline := head.Time + uint64(time.Duration(s.cfg.Deadline)/time.Second)
		id := newBatchID()
		_, ok, err := s.st.ClaimSettlement(ctx, s.addr.Hex(), id.String(), s.cfg.BatchSize, func(legs []store.SettlementLeg, uses []store.NodeUse) (string, ledger.Micros, error) {
			return s.build(id, deadline, legs, uses, funds)
		})
		if err != nil || !ok {
			return n, errors.Join(append(errs, err)...)
		}
		m, err := s.submitPending(ctx)
		n += m
		if err != nil {
			errs = append(errs, err)
			if m == 0 {
				break
			}
		}
	}
	return n, errors.Join(errs...)
}

// funds is what a wallet holds in the escrow: its stablecoin in ledger
// units (rounded down) and whether it holds GAIA.
type funds struct {
	stable ledger.Micros
	gaia   bool
}

// funds reads the escrow balances of wallets.
func (s *Service) funds(ctx context.Context, wallets []string) (map[common.Address]funds, error) {
	out := map[common.Address]funds{}
	call := &bind.CallOpts{Context: ctx}
	for _, w := range wallets {
		a := common.HexToAddress(w)
		bal, err := s.escrow.BalanceOf(call, a, s.stable)
		if err != nil {
			return nil, fmt.Errorf("onchain: escrow balance of %s: %w", a, err)
		}
		g, err := s.escrow.BalanceOf(call, a, s.token)
		if err != nil {
			return nil, fmt.Errorf("onchain: escrow GAIA balance of %s: %w", a, err)
		}
		f := funds{gaia: g.Sign() > 0, stable: ledger.MaxAmount}
		if m, _ := s.micros(bal); m != nil {
			f.stable = ledger.Micros(m.Int64())
		}
		out[a] = f
	}
	return out, nil
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
// the sum of its legs, each payee paid its nodes' shares, and the usage of
// each listed component; the escrow pays the component owners their
// royalty and the operator the rest (and the stakers their share when the
// operator has stake). A wallet whose stablecoin in the escrow falls short
// and that holds GAIA there pays the rest in GAIA: those charges go to a
// second settlement in GAIA, signed in dollars, which the escrow charges at
// the feed's price when it settles; payouts and usage are shared between
// the two in proportion to their charges.
func (s *Service) build(id *big.Int, deadline uint64, legs []store.SettlementLeg, uses []store.NodeUse, funds map[common.Address]funds) (string, ledger.Micros, error) {
	charges, payouts := map[common.Address]ledger.Micros{}, map[common.Address]ledger.Micros{}
	nodes := map[string]map[string]ledger.Micros{}
	var total ledger.Micros
	for _, l := range legs {
		charges[common.HexToAddress(l.Wallet)] += l.Amount
		total += l.Amount
		if l.Payee != "" {
			a := common.HexToAddress(l.Payee)
			payouts[a] += l.Amount
			if nodes[a.Hex()] == nil {
				nodes[a.Hex()] = map[string]ledger.Micros{}
			}
			nodes[a.Hex()][l.Account] += l.Amount
		}
	}
	usage := s.usage(uses)
	js, err := s.assemble(id, deadline, charges, payouts, usage, nodes, total, funds)
	return js, total, err
}

// assemble signs batch id of charges, payouts and usage (total is the
// charges' sum): the stablecoin part, and the GAIA part of the charges
// the wallets' stablecoin in the escrow does not cover (payouts and usage
// shared between the two in proportion to their charges).
func (s *Service) assemble(id *big.Int, deadline uint64, charges, payouts map[common.Address]ledger.Micros, usage map[uint64]ledger.Micros,
	nodes map[string]map[string]ledger.Micros, total ledger.Micros, funds map[common.Address]funds) (string, error) {
	gaia := gaiaCharges(charges, funds)
	var gaiaTotal ledger.Micros
	for _, c := range gaia {
		gaiaTotal += c
	}
	gaiaPayouts, gaiaUsage := map[common.Address]ledger.Micros{}, map[uint64]ledger.Micros{}
	if gaiaTotal > 0 {
		for a, p := range payouts {
			gaiaPayouts[a] = share(p, gaiaTotal, total)
			payouts[a] -= gaiaPayouts[a]
		}
		for t, u := range usage {
			gaiaUsage[t] = share(u, gaiaTotal, total)
			usage[t] -= gaiaUsage[t]
		}
	}
	b := signedBatch{Nodes: nodes}
	main, err := s.signed(id, s.stable, deadline, charges, payouts, usage)
	if err != nil {
		return "", err
	}
	b.Settlement, b.Signature = main.Settlement, main.Signature
	if gaiaTotal > 0 {
		if b.Token, err = s.signed(new(big.Int).Add(id, tokenBatchOffset), s.token, deadline, gaia, gaiaPayouts, gaiaUsage); err != nil {
			return "", err
		}
	}
	js, err := json.Marshal(b)
	return string(js), err
}

// gaiaCharges moves to GAIA, out of charges, the part of each wallet's
// charge its stablecoin balance in the escrow does not cover, for wallets
// holding GAIA there (a wallet with neither stays charged in the
// stablecoin: the escrow caps it, a shortfall; one whose balances were not
// read stays in the stablecoin too).
func gaiaCharges(charges map[common.Address]ledger.Micros, funds map[common.Address]funds) map[common.Address]ledger.Micros {
	out := map[common.Address]ledger.Micros{}
	for a, c := range charges {
		f, ok := funds[a]
		if !ok || !f.gaia || f.stable >= c {
			continue
		}
		out[a] = c - f.stable
		charges[a] = f.stable
	}
	return out
}

// share is v*part/whole, rounded down, without overflow.
func share(v, part, whole ledger.Micros) ledger.Micros {
	n := new(big.Int).Mul(big.NewInt(int64(v)), big.NewInt(int64(part)))
	return ledger.Micros(n.Quo(n, big.NewInt(int64(whole))).Int64())
}

// signed makes and signs one settlement in asset (amounts in stablecoin
// units, whatever the asset).
func (s *Service) signed(id *big.Int, asset common.Address, deadline uint64, charges, payouts map[common.Address]ledger.Micros, usage map[uint64]ledger.Micros) (*signedPart, error) {
	set := chain.Settlement{Id: id, Asset: asset, Deadline: new(big.Int).SetUint64(deadline),
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
	ids := make([]uint64, 0, len(usage))
	for t := range usage {
		ids = append(ids, t)
	}
	slices.Sort(ids)
	for _, t := range ids {
		if usage[t] > 0 {
			set.Usage = append(set.Usage, contracts.EscrowUsage{Component: new(big.Int).SetUint64(t), Units: s.units(usage[t])})
		}
	}
	sig, err := s.dom.SignWith(s.signer, set)
	if err != nil {
		return nil, err
	}
	return &signedPart{set, sig}, nil
}

// submitPending submits every pending batch until the escrow has it: a
// batch the escrow already settled (a crash after submitting, another
// replica) is only recorded; one sent before and still in flight (by a
// replica that died) is waited for, not sent again; one past its deadline
// is signed again, same id. A batch the escrow refuses for good is marked
// failed and the others go on, so one bad batch never blocks the ones
// after it.
func (s *Service) submitPending(ctx context.Context) (int, error) {
	pending, err := s.st.Settlements(ctx, s.addr.Hex(), store.SettlementPending)
	if err != nil {
		return 0, err
	}
	n := 0
	var errs []error
	for _, p := range pending {
		ok, err := s.submit(ctx, p)
		if ok {
			n++
		}
		if err != nil {
			if ctx.Err() != nil {
				return n, err
			}
			errs = append(errs, err)
		}
	}
	return n, errors.Join(errs...)
}

// transientReverts are the escrow's refusals that a later submission may
// overcome (the price feed, the chain's clock); any other refusal of a
// signed batch is final.
var transientReverts = []string{"PastDeadline", "StalePrice", "BadPrice", "PriceOutOfBounds"}

// submit submits one pending batch (each of its settlements) and records
// its outcome; ok tells whether the escrow has it settled.
func (s *Service) submit(ctx context.Context, p store.Settlement) (ok bool, err error) {
	b, err := decodeBatch(p)
	if err != nil {
		return false, err
	}
	var out outcome
	tx, settled := "", 0
	parts, reissued := b.parts(), ""
	if p.ReissuedAs != "" && len(parts) > 1 {
		// Its refused part was issued again in another batch: never sent
		// again here (a reorganisation reopened the batch).
		parts, reissued = parts[:1], fmt.Sprintf("part %s: issued again as batch %s", parts[1].Settlement.Id, p.ReissuedAs)
	}
	for _, part := range parts {
		o, hash, err := s.submitPart(ctx, p, part)
		if err != nil {
			var final *finalRefusal
			if !errors.As(err, &final) {
				return false, err
			}
			if settled == 0 {
				s.log.Error("the escrow refused a settlement batch for good; marked failed, its requests are not billed again",
					"batch", p.ID, "requests", p.Requests, "total", p.Total, "err", final.err)
				return false, s.st.MarkFailed(ctx, p.ID, final.rv.Error())
			}
			// An earlier part settled: its outcome is recorded (posted),
			// the refused part marked; the batch is partial.
			s.log.Error("the escrow settled part of a batch and refused the rest for good; the settled part is recorded, the batch marked partial",
				"batch", p.ID, "refused", part.Settlement.Id, "err", final.err)
			return true, s.record(ctx, p, b, out, tx, fmt.Sprintf("part %s: %s", part.Settlement.Id, final.rv.Error()))
		}
		settled++
		out.add(o)
		if tx == "" {
			tx = hash
		}
	}
	return true, s.record(ctx, p, b, out, tx, reissued)
}

// record records batch p's outcome out (of its settled parts; failed says
// why the others were refused, "" when none was) and posts it once.
func (s *Service) record(ctx context.Context, p store.Settlement, b signedBatch, out outcome, tx, failed string) error {
	o, err := s.ledgerOutcome(p.ID, out, b.Nodes)
	if err != nil {
		return err
	}
	if tx == "" {
		tx = p.SubmittedTx
	}
	o.TxHash, o.Failed = tx, failed
	if o.Uncovered > 0 {
		s.log.Warn("the escrow could not charge all of a batch (users charged beyond their escrow balance, e.g. off-chain credit): the operator's loss",
			"batch", p.ID, "uncovered", o.Uncovered)
	}
	if err := s.st.RecordSettled(ctx, p.ID, o); err != nil {
		return err
	}
	s.log.Info("settled on the escrow", "batch", p.ID, "requests", p.Requests, "total", p.Total,
		"royalty", o.Royalty, "uncovered", o.Uncovered, "tx", o.TxHash, "refused", failed)
	return nil
}

// finalRefusal is a revert no resubmission overcomes.
type finalRefusal struct {
	rv  *chain.Revert
	err error
}

func (f *finalRefusal) Error() string { return f.err.Error() }

// outcome is what the escrow did with settlements, in ledger units
// (micro-dollars), from its Paid events: a GAIA settlement's amounts at
// the value the escrow gave them at its settlement price.
type outcome struct {
	// royalty is what the component owners got; short what the payees got
	// less than the settlement's signed charges (the uncovered charges).
	royalty, short big.Int
	// cut is, by payee, what it got less than its signed payout (payouts
	// scaled down because the charged total could not cover them).
	cut map[common.Address]*big.Int
}

func (o *outcome) add(p outcome) {
	o.royalty.Add(&o.royalty, &p.royalty)
	o.short.Add(&o.short, &p.short)
	for a, c := range p.cut {
		if o.cut == nil {
			o.cut = map[common.Address]*big.Int{}
		}
		if o.cut[a] == nil {
			o.cut[a] = new(big.Int)
		}
		o.cut[a].Add(o.cut[a], c)
	}
}

// submitPart settles one settlement unless the escrow already has it, and
// returns its outcome and transaction ("" when settled before).
func (s *Service) submitPart(ctx context.Context, p store.Settlement, part *signedPart) (outcome, string, error) {
	id := part.Settlement.Id
	done, err := s.escrow.Settled(&bind.CallOpts{Context: ctx}, id)
	if err != nil {
		return outcome{}, "", fmt.Errorf("onchain: settlement %s: %w", p.ID, err)
	}
	// The batch's last transaction (of this part or the other) may still
	// be in flight, sent by a replica that died: wait for it first.
	if !done && p.SubmittedTx != "" {
		if done, err = s.awaitInFlight(ctx, p, part); err != nil {
			return outcome{}, "", err
		}
	}
	if done {
		o, err := s.outcomeFromChain(ctx, part)
		return o, "", err
	}
	head, err := s.client.HeaderByNumber(ctx, nil)
	if err != nil {
		return outcome{}, "", fmt.Errorf("onchain: head: %w", err)
	}
	if head.Time+60 >= part.Settlement.Deadline.Uint64() {
		part.Settlement.Deadline = new(big.Int).SetUint64(head.Time + uint64(time.Duration(s.cfg.Deadline)/time.Second))
		if part.Signature, err = s.dom.SignWith(s.signer, part.Settlement); err != nil {
			return outcome{}, "", err
		}
	}
	r, err := s.send(ctx, p, part)
	if rv := chain.DecodeRevert(err); rv != nil {
		switch {
		case rv.Name == "AlreadySettled": // settled between the check and the submission
			o, err := s.outcomeFromChain(ctx, part)
			return o, "", err
		case !slices.Contains(transientReverts, rv.Name):
			return outcome{}, "", &finalRefusal{rv, chain.Explain(err)}
		}
	}
	if err != nil {
		return outcome{}, "", fmt.Errorf("onchain: settlement %s of %s: %w", p.ID, p.Total, chain.Explain(err))
	}
	if r == nil {
		o, err := s.outcomeFromChain(ctx, part)
		return o, "", err
	}
	var evs partEvents
	for _, l := range r.Logs {
		if l.Address == s.addr {
			evs.parse(s.escrow, *l, part.Settlement.Id)
		}
	}
	o, err := s.valued(part, evs)
	return o, r.TxHash.Hex(), err
}

// partEvents are the escrow's events of one settlement, in log order.
type partEvents struct {
	settled []*contracts.EscrowSettled
	paid    []*contracts.EscrowPaid
	short   int // Shortfall events
}

// parse adds l to e when it is an event of settlement id.
func (e *partEvents) parse(escrow *contracts.Escrow, l types.Log, id *big.Int) {
	if ev, err := escrow.ParseSettled(l); err == nil && ev.Id.Cmp(id) == 0 {
		e.settled = append(e.settled, ev)
	}
	if ev, err := escrow.ParseShortfall(l); err == nil && ev.Id.Cmp(id) == 0 {
		e.short++
	}
	if ev, err := escrow.ParsePaid(l); err == nil && ev.Id.Cmp(id) == 0 {
		e.paid = append(e.paid, ev)
	}
}

// outcomeFromChain reads settlement part's outcome from the escrow's events.
func (s *Service) outcomeFromChain(ctx context.Context, part *signedPart) (outcome, error) {
	id := part.Settlement.Id
	// The events of the block that settled it (one Settled per id): the
	// logs of its transaction, in order.
	it, err := s.escrow.FilterSettled(&bind.FilterOpts{Context: ctx, Start: s.cfg.StartBlock}, []*big.Int{id}, nil)
	if err != nil {
		return outcome{}, fmt.Errorf("onchain: settlement %s events: %w", id, err)
	}
	var evs partEvents
	var tx common.Hash
	for it.Next() {
		tx = it.Event.Raw.TxHash
	}
	it.Close()
	if err := it.Error(); err != nil {
		return outcome{}, fmt.Errorf("onchain: settlement %s events: %w", id, err)
	}
	if tx == (common.Hash{}) {
		return outcome{}, nil
	}
	r, err := s.client.TransactionReceipt(ctx, tx)
	if err != nil {
		return outcome{}, fmt.Errorf("onchain: settlement %s: receipt of %s: %w", id, tx, err)
	}
	for _, l := range r.Logs {
		if l.Address == s.addr {
			evs.parse(s.escrow, *l, id)
		}
	}
	return s.valued(part, evs)
}

// valued is a settlement's outcome in ledger units, from its events: what
// the escrow paid each recipient (its Paid events, in order: stakers,
// royalty, node payouts, operator; each valued by the escrow at the
// settlement's price, rounded down to the micro-dollar here). When the
// escrow charged everything (no Shortfall event), only the royalty is
// posted: a GAIA payout's value is then its signed amount but for the
// conversion's dust (under a micro-dollar). Otherwise each payee's cut is
// its signed payout less what it got, and the uncovered charges are the
// signed charges less everything paid out: every recipient's ledger
// account then equals what it got.
func (s *Service) valued(part *signedPart, evs partEvents) (outcome, error) {
	var o outcome
	if len(evs.settled) == 0 {
		return o, nil
	}
	ev, set := evs.settled[0], part.Settlement
	bad := func(what string) (outcome, error) {
		return outcome{}, fmt.Errorf("onchain: settlement %s: its Paid events do not match its Settled event (%s)", set.Id, what)
	}
	rest := evs.paid
	take := func(amount *big.Int, last bool) (*big.Int, bool) {
		if amount.Sign() == 0 {
			return new(big.Int), true
		}
		i := 0
		if last {
			i = len(rest) - 1
		}
		if len(rest) == 0 || rest[i].Amount.Cmp(amount) != 0 {
			return nil, false
		}
		v := rest[i].UsdValue
		if last {
			rest = rest[:i]
		} else {
			rest = rest[1:]
		}
		return new(big.Int).Quo(v, s.scale), true
	}
	stakers, ok1 := take(ev.ToStakers, false)
	royalty, ok2 := take(ev.ToComponents, false)
	operator, ok3 := take(ev.ToOperator, true)
	if !ok1 || !ok2 || !ok3 {
		return bad("stakers, royalty or operator")
	}
	nodes, sum := map[common.Address]*big.Int{}, new(big.Int)
	for _, p := range rest {
		if nodes[p.To] != nil || !slices.ContainsFunc(set.Payouts, func(q contracts.EscrowPayout) bool { return q.To == p.To }) {
			return bad("payee " + p.To.Hex())
		}
		nodes[p.To] = new(big.Int).Quo(p.UsdValue, s.scale)
		sum.Add(sum, p.Amount)
	}
	if sum.Cmp(ev.ToNodes) != 0 {
		return bad("nodes")
	}
	o.royalty.Set(royalty)
	if evs.short == 0 {
		return o, nil // every charge and payout paid in full
	}
	o.short.Add(stakers, royalty)
	o.short.Add(&o.short, operator)
	o.cut = map[common.Address]*big.Int{}
	for _, p := range set.Payouts {
		got := nodes[p.To]
		if got == nil {
			got = new(big.Int)
		}
		o.short.Add(&o.short, got)
		if c := new(big.Int).Sub(new(big.Int).Quo(p.Amount, s.scale), got); c.Sign() > 0 {
			o.cut[p.To] = c
		}
	}
	charged := new(big.Int)
	for _, c := range set.Charges {
		charged.Add(charged, c.Amount)
	}
	o.short.Sub(charged.Quo(charged, s.scale), &o.short)
	if o.short.Sign() < 0 {
		return outcome{}, fmt.Errorf("onchain: settlement %s: the escrow paid out %v µ$ more than it was signed for", set.Id, new(big.Int).Neg(&o.short))
	}
	return o, nil
}

// ledgerOutcome is o as the store records it. The payees' cuts go to the
// node accounts they were paid for (nodes, from the batch), in proportion
// to what each earned in it; a batch without nodes (stored before them)
// leaves the cuts to the operator.
func (s *Service) ledgerOutcome(id string, o outcome, nodes map[string]map[string]ledger.Micros) (store.SettlementOutcome, error) {
	q, u := &o.royalty, &o.short
	if !q.IsInt64() || !u.IsInt64() || q.Int64() > int64(ledger.MaxAmount) || u.Int64() > int64(ledger.MaxAmount) {
		return store.SettlementOutcome{}, fmt.Errorf("onchain: settlement %s: royalty %v or shortfall %v out of the ledger's range", id, &o.royalty, &o.short)
	}
	out := store.SettlementOutcome{Royalty: ledger.Micros(q.Int64()), Uncovered: ledger.Micros(u.Int64())}
	for _, a := range sortedCutKeys(o.cut) {
		legs := nodes[a.Hex()]
		if len(legs) == 0 {
			continue
		}
		c := o.cut[a]
		var earned ledger.Micros
		accts := make([]string, 0, len(legs))
		for acct, m := range legs {
			earned += m
			accts = append(accts, acct)
		}
		slices.Sort(accts)
		if !c.IsInt64() || c.Int64() > int64(earned) {
			return store.SettlementOutcome{}, fmt.Errorf("onchain: settlement %s: cut %v of payee %s beyond what it earned (%s)", id, o.cut[a], a, earned)
		}
		if out.NodeCuts == nil {
			out.NodeCuts = map[string]ledger.Micros{}
		}
		left := ledger.Micros(c.Int64())
		for i, acct := range accts {
			x := share(legs[acct], ledger.Micros(c.Int64()), earned)
			if i == len(accts)-1 {
				x = left
			}
			left -= x
			out.NodeCuts[acct] += x
		}
	}
	return out, nil
}

func sortedCutKeys(m map[common.Address]*big.Int) []common.Address {
	out := make([]common.Address, 0, len(m))
	for a := range m {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Cmp(out[j]) < 0 })
	return out
}

// usage attributes what each node served to the listed components it was
// verified to serve when it served it (by token id; one store.NodeUse per
// node and component set): a request's charge is shared equally among
// those listed components (the first takes the remainder), so
// the units sum to at most the batch's total and the escrow's royalty is
// its royalty share of the revenue that used listed components.
func (s *Service) usage(uses []store.NodeUse) map[uint64]ledger.Micros {
	by := map[uint64]ledger.Micros{}
	for _, u := range uses {
		var toks []uint64
		for _, h := range u.Components {
			if t, ok := s.tokens[h]; ok && !slices.Contains(toks, t.Uint64()) {
				toks = append(toks, t.Uint64())
			}
		}
		if len(toks) == 0 || u.Amount <= 0 {
			continue
		}
		each := u.Amount / ledger.Micros(len(toks))
		for i, t := range toks {
			by[t] += each
			if i == 0 {
				by[t] += u.Amount - each*ledger.Micros(len(toks))
			}
		}
	}
	return by
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
// waits for it within ctx: a replica that takes over after a crash finds the hash
// and waits for that transaction instead of sending a second one.
func (s *Service) send(ctx context.Context, p store.Settlement, b *signedPart) (*types.Receipt, error) {
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
	return s.tr.WaitContext(ctx, tx, nil)
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
func (s *Service) awaitInFlight(ctx context.Context, p store.Settlement, b *signedPart) (bool, error) {
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
