package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/gaianet-go/gaianet/domain/ledger"
)

// chainMigration holds the tables of payments on a chain (package
// domain/onchain): where the escrow watcher is, which wallet each user
// bound, every escrow event seen (credited once its wallet is bound), the
// settlement batches, and which batch settled each request.
const chainMigration = `CREATE TABLE chain_watch (
		escrow TEXT PRIMARY KEY,
		next_block BIGINT NOT NULL,
		last_hash TEXT NOT NULL
	);
	CREATE TABLE wallet_bindings (
		address TEXT PRIMARY KEY,
		user_id TEXT NOT NULL UNIQUE REFERENCES users (id),
		bound_ms BIGINT NOT NULL
	);
	CREATE TABLE chain_events (
		id TEXT PRIMARY KEY,
		escrow TEXT NOT NULL,
		kind TEXT NOT NULL,
		address TEXT NOT NULL,
		amount BIGINT NOT NULL,
		block BIGINT NOT NULL,
		user_id TEXT NOT NULL DEFAULT '',
		created_ms BIGINT NOT NULL
	);
	CREATE INDEX chain_events_address ON chain_events (address);
	CREATE TABLE settlements (
		id TEXT PRIMARY KEY,
		escrow TEXT NOT NULL,
		batch TEXT NOT NULL,
		total BIGINT NOT NULL,
		requests BIGINT NOT NULL,
		status TEXT NOT NULL,
		tx_hash TEXT NOT NULL DEFAULT '',
		created_ms BIGINT NOT NULL,
		settled_ms BIGINT NOT NULL DEFAULT 0
	);
	CREATE INDEX settlements_status ON settlements (escrow, status);
	ALTER TABLE requests ADD COLUMN settlement TEXT NOT NULL DEFAULT '';
	CREATE INDEX requests_settlement ON requests (settlement)`

// settlementContentsMigration is migration 9: nodes.components (a JSON list
// of the content hashes a node was last verified to serve) and what each
// settled batch paid component owners (royalty) and left uncovered.
const settlementContentsMigration = `ALTER TABLE nodes ADD COLUMN components TEXT NOT NULL DEFAULT '[]';
	ALTER TABLE settlements ADD COLUMN royalty BIGINT NOT NULL DEFAULT 0;
	ALTER TABLE settlements ADD COLUMN uncovered BIGINT NOT NULL DEFAULT 0`

// Ledger accounts of a settlement's outcome on chain.
const (
	// RoyaltyAccount is what the escrow paid component owners (the
	// marketplace) out of the operator's share.
	RoyaltyAccount = "external:royalties"
	// ShortfallAccount is what the escrow could not charge (more than the
	// user held there: off-chain credit): the operator's loss.
	ShortfallAccount = "external:shortfall"
)

// Kinds of escrow events.
const (
	// EventDeposit credits the wallet's user; EventWithdrawal debits it.
	EventDeposit    = "deposit"
	EventWithdrawal = "withdrawal"
	// EventIgnored is an event recorded but never credited (an asset the
	// ledger does not count in, an amount out of range).
	EventIgnored = "ignored"
)

// Settlement states.
const (
	SettlementPending = "pending" // signed and recorded; maybe submitted
	SettlementSettled = "settled" // the escrow accepted it
	// SettlementFailed is a batch the escrow refused for good (a bad
	// signature, a closed escrow): its requests stay claimed by it, so they
	// are not billed again, and later batches go on. The operator looks.
	SettlementFailed = "failed"
	// SettlementPartial is a batch whose stablecoin part the escrow
	// settled (recorded and posted) and whose GAIA part it refused for
	// good (TxHash says why): the refused part's charges stay unpaid on
	// chain; its requests stay with the batch.
	SettlementPartial = "partial"
	// SettlementReleased is a failed batch the operator released
	// (ReleaseFailed): its requests went back to be settled in a new batch.
	SettlementReleased = "released"
)

// ErrMoved means the watcher's position is no longer the one the caller
// read: another process recorded the same blocks.
var ErrMoved = errors.New("store: the chain position moved")

// ErrBound means a wallet or a user is already bound to another.
var ErrBound = errors.New("store: already bound")

// WatchPosition is where an escrow's watcher resumes: the first block not
// yet scanned and the hash of the block before it ("" before any scan).
type WatchPosition struct {
	Next     uint64
	LastHash string
}

// ChainEvent is one escrow event in the ledger's units. ID is unique on the
// chain (transaction hash and log index); Address is the checksummed user.
type ChainEvent struct {
	ID      string        `json:"id"`
	Kind    string        `json:"kind"`
	Address string        `json:"address"`
	Amount  ledger.Micros `json:"amount"`
	Block   uint64        `json:"block"`
	// User is the user credited or debited; "" until the wallet is bound.
	User string `json:"user,omitempty"`
	// BlockHash is the hash of Block when the event was seen.
	BlockHash string `json:"block_hash,omitempty"`
	// State is EventCanonical, or EventReversed after a reorganisation
	// took it off the chain; Flips counts the changes.
	State string `json:"state,omitempty"`
	Flips int64  `json:"flips,omitempty"`
}

// WatchPositionOf returns the watcher's position for escrow; ok is false
// when it never recorded one.
func (s *Store) WatchPositionOf(ctx context.Context, escrow string) (p WatchPosition, ok bool, err error) {
	var next int64
	err = s.db.QueryRowContext(ctx, s.q(`SELECT next_block, last_hash FROM chain_watch WHERE escrow = ?`), escrow).Scan(&next, &p.LastHash)
	if errors.Is(err, sql.ErrNoRows) {
		return WatchPosition{}, false, nil
	}
	if err != nil {
		return WatchPosition{}, false, fmt.Errorf("store: watch position of %s: %w", escrow, err)
	}
	p.Next = uint64(next)
	return p, true, nil
}

// RecordChainEvents moves escrow's watcher from `from` to `to` and records
// evs, in one transaction: each event once (by ID), credited or debited at
// once when its wallet is bound. It returns ErrMoved when the stored
// position is not `from` (nothing is recorded then).
func (s *Store) RecordChainEvents(ctx context.Context, escrow string, from, to WatchPosition, evs []ChainEvent) error {
	_, err := s.once(ctx, "chain events", func(tx *sql.Tx) (bool, error) {
		if err := s.moveWatchLocked(ctx, tx, escrow, from, to); err != nil {
			return false, err
		}
		if err := s.checkpointLocked(ctx, tx, escrow, to); err != nil {
			return false, err
		}
		for _, e := range evs {
			if err := validEvent(e); err != nil {
				return false, err
			}
			recorded, err := s.insertEventLocked(ctx, tx, escrow, e)
			if err != nil {
				return false, err
			}
			if recorded {
				if err := s.postEventLocked(ctx, tx, e); err != nil {
					return false, err
				}
				continue
			}
			// Seen before: back on the chain after a reorganisation
			// reversed it?
			if _, err := s.restoreLocked(ctx, tx, e); err != nil {
				return false, err
			}
		}
		return true, nil
	})
	return err
}

// moveWatchLocked moves escrow's watcher from `from` to `to` inside tx, or
// fails with ErrMoved when it is not at `from`.
func (s *Store) moveWatchLocked(ctx context.Context, tx *sql.Tx, escrow string, from, to WatchPosition) error {
	if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO chain_watch (escrow, next_block, last_hash) VALUES (?, ?, ?) ON CONFLICT (escrow) DO NOTHING`),
		escrow, int64(from.Next), from.LastHash); err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, s.q(`UPDATE chain_watch SET next_block = ?, last_hash = ? WHERE escrow = ? AND next_block = ? AND last_hash = ?`),
		int64(to.Next), to.LastHash, escrow, int64(from.Next), from.LastHash)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return ErrMoved
	}
	return nil
}

// insertEventLocked records e unless an event with its ID is recorded;
// it reports whether it recorded it.
func (s *Store) insertEventLocked(ctx context.Context, tx *sql.Tx, escrow string, e ChainEvent) (bool, error) {
	res, err := tx.ExecContext(ctx, s.q(`INSERT INTO chain_events (id, escrow, kind, address, amount, block, block_hash, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO NOTHING`), e.ID, escrow, e.Kind, e.Address, int64(e.Amount), int64(e.Block), e.BlockHash, s.ms())
	if err != nil {
		return false, fmt.Errorf("event %s: %w", e.ID, err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// postEventLocked posts a newly recorded e to the user its wallet is bound
// to; an unbound wallet's events are held until it is bound.
func (s *Store) postEventLocked(ctx context.Context, tx *sql.Tx, e ChainEvent) error {
	if e.Kind == EventIgnored {
		return nil
	}
	var user string
	err := tx.QueryRowContext(ctx, s.q(`SELECT user_id FROM wallet_bindings WHERE address = ?`), e.Address).Scan(&user)
	if errors.Is(err, sql.ErrNoRows) {
		return nil // credited when the wallet is bound
	}
	if err != nil {
		return err
	}
	return s.applyEventLocked(ctx, tx, e, user)
}

func validEvent(e ChainEvent) error {
	switch {
	case e.ID == "" || e.Address == "":
		return errors.New("an event needs an id and an address")
	case e.Kind != EventDeposit && e.Kind != EventWithdrawal && e.Kind != EventIgnored:
		return fmt.Errorf("event %s: unknown kind %q", e.ID, e.Kind)
	case e.Amount < 0 || e.Amount > ledger.MaxAmount:
		return fmt.Errorf("event %s: amount %s out of range", e.ID, e.Amount)
	}
	return nil
}

// applyEventLocked posts e to user's account inside tx: a deposit from the
// deposits account, a withdrawal back to it, each under the event's id.
func (s *Store) applyEventLocked(ctx context.Context, tx *sql.Tx, e ChainEvent, user string) error {
	debit, credit, sign := ledger.DepositAccount, ledger.UserAccount(user), int64(1)
	if e.Kind == EventWithdrawal {
		debit, credit, sign = credit, debit, -1
	}
	if e.Amount > 0 {
		ok, err := s.transferLocked(ctx, tx, "chain/"+e.ID, debit, credit, e.Amount, e.Kind, "")
		if err != nil {
			return err
		}
		if ok {
			if err := s.addBalanceLocked(ctx, tx, ledger.DepositAccount, -sign*int64(e.Amount)); err != nil {
				return err
			}
			if err := s.addBalanceLocked(ctx, tx, ledger.UserAccount(user), sign*int64(e.Amount)); err != nil {
				return err
			}
		}
	}
	if e.Kind == EventWithdrawal {
		// Replicas leasing the user's credit give back their unused
		// slices (leases.go), so the leases stay within the lower balance.
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE credit_leases SET reclaim = 1 WHERE user_id = ?`), user); err != nil {
			return err
		}
	}
	_, err := tx.ExecContext(ctx, s.q(`UPDATE chain_events SET user_id = ? WHERE id = ?`), user, e.ID)
	return err
}

// BindWallet binds address (checksummed; the caller checked the wallet's
// signature) to user and applies the wallet's held escrow events. It
// returns the net amount credited. Binding the same pair again changes
// nothing; a wallet bound to another user (now or ever: a wallet's escrow
// history is its first user's), or a user bound to another wallet, is
// ErrBound.
func (s *Store) BindWallet(ctx context.Context, user, address string) (ledger.Micros, error) {
	net, _, err := s.bindWallet(ctx, user, address, "", 0)
	return net, err
}

// bindWallet binds address to user, first ending user's binding to old
// when old is not "" (leaving up to leftover of the user's credit behind
// with it: leaveLocked). Credit the user left behind with address before
// comes back, then its held events are applied.
func (s *Store) bindWallet(ctx context.Context, user, address, old string, leftover ledger.Micros) (net, left ledger.Micros, err error) {
	if _, err := s.user(ctx, user); err != nil {
		return 0, 0, err
	}
	_, err = s.once(ctx, "bind wallet "+address, func(tx *sql.Tx) (bool, error) {
		net, left = 0, 0
		var other string
		err := tx.QueryRowContext(ctx, s.q(`SELECT user_id FROM wallet_bindings WHERE address = ?`), address).Scan(&other)
		switch {
		case err == nil && other == user:
			return false, nil
		case err == nil:
			return false, fmt.Errorf("%w: wallet %s is bound to another user", ErrBound, address)
		case !errors.Is(err, sql.ErrNoRows):
			return false, err
		}
		err = tx.QueryRowContext(ctx, s.q(`SELECT user_id FROM wallet_links WHERE address = ? AND user_id <> ?`), address, user).Scan(&other)
		if err == nil {
			return false, fmt.Errorf("%w: wallet %s was bound to another user, whose escrow history it carries", ErrBound, address)
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return false, err
		}
		if old != "" {
			var err error
			if left, err = s.leaveLocked(ctx, tx, user, old, leftover); err != nil {
				return false, err
			}
			if err := s.unbindLocked(ctx, tx, user, old); err != nil {
				return false, err
			}
		}
		err = tx.QueryRowContext(ctx, s.q(`SELECT address FROM wallet_bindings WHERE user_id = ?`), user).Scan(&other)
		if err == nil {
			return false, fmt.Errorf("%w: user %s is bound to wallet %s (rebind to change it)", ErrBound, user, other)
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return false, err
		}
		now := s.ms()
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO wallet_bindings (address, user_id, bound_ms) VALUES (?, ?, ?)`), address, user, now); err != nil {
			return false, err
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO wallet_links (address, user_id, bound_ms) VALUES (?, ?, ?)`), address, user, now); err != nil {
			return false, err
		}
		back, err := s.returnLeftoverLocked(ctx, tx, user, address)
		if err != nil {
			return false, err
		}
		net += back
		evs, err := s.eventsLocked(ctx, tx, `address = ? AND user_id = '' AND kind <> ? AND state = ?`, address, EventIgnored, EventCanonical)
		if err != nil {
			return false, err
		}
		for _, e := range evs {
			if err := s.applyEventLocked(ctx, tx, e, user); err != nil {
				return false, err
			}
			if e.Kind == EventWithdrawal {
				net -= e.Amount
			} else {
				net += e.Amount
			}
		}
		return true, nil
	})
	return net, left, err
}

// WalletOf returns the wallet bound to user, or ErrNotFound.
func (s *Store) WalletOf(ctx context.Context, user string) (string, error) {
	var a string
	err := s.db.QueryRowContext(ctx, s.q(`SELECT address FROM wallet_bindings WHERE user_id = ?`), user).Scan(&a)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("%w: no wallet bound to user %s", ErrNotFound, user)
	}
	if err != nil {
		return "", fmt.Errorf("store: wallet of %s: %w", user, err)
	}
	return a, nil
}

// ChainEvents lists the escrow events recorded for address ("" for all),
// oldest first.
func (s *Store) ChainEvents(ctx context.Context, address string) ([]ChainEvent, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: s.d == postgres})
	if err != nil {
		return nil, fmt.Errorf("store: chain events: %w", err)
	}
	defer tx.Rollback()
	out, err := s.eventsLocked(ctx, tx, `? = '' OR address = ?`, address, address)
	if err != nil {
		return nil, fmt.Errorf("store: chain events: %w", err)
	}
	if out == nil {
		out = []ChainEvent{}
	}
	return out, nil
}

// SettlementLeg is what a settlement batch moves, summed over its
// requests: Amount from the user's wallet to Account (a ledger account:
// node:ADDRESS, stakers, operator). Payee is where a node account is paid
// on chain: the node's bound wallet, else its own address; "" for the
// other accounts.
type SettlementLeg struct {
	Wallet  string        `json:"wallet"`
	Account string        `json:"account"`
	Payee   string        `json:"payee,omitempty"`
	Amount  ledger.Micros `json:"amount"`
}

// NodeUse is what a batch's requests served by one node with one set of
// components were charged, with those components (content hashes): what
// the batch's royalties are shared by. A node whose components changed
// within the batch has one NodeUse per set (nodeUsesLocked says which set
// a request counts under).
type NodeUse struct {
	Node       string        `json:"node"`
	Amount     ledger.Micros `json:"amount"`
	Components []string      `json:"components"`
	// Set is the requests' component set (ComponentSetID); 0 for requests
	// recorded without one, counted under the node's last verified
	// components.
	Set int64 `json:"set,omitempty"`
}

// Settlement is one batch of requests settled on an escrow. Batch is the
// signed batch as the settler wrote it (opaque to the store).
type Settlement struct {
	ID       string        `json:"id"`
	Escrow   string        `json:"escrow"`
	Status   string        `json:"status"`
	Total    ledger.Micros `json:"total"`
	Requests int64         `json:"requests"`
	// Royalty is what the escrow paid component owners; Uncovered what it
	// could not charge (the operator's loss). Both known once settled.
	Royalty   ledger.Micros `json:"royalty"`
	Uncovered ledger.Micros `json:"uncovered"`
	TxHash    string        `json:"tx_hash,omitempty"`
	Created   time.Time     `json:"created"`
	Settled   *time.Time    `json:"settled,omitempty"`
	Batch     string        `json:"-"`
	// SubmittedTx is the transaction the batch was last sent in (stored
	// before sending); "" before the first send.
	SubmittedTx string `json:"submitted_tx,omitempty"`
	// Generation counts the times a reorganisation took the batch off the
	// chain and its outcome's postings were reversed (ReopenSettlement).
	Generation int64 `json:"generation,omitempty"`
	// ReissuedAs is, for a partial batch, the batch its refused part was
	// issued again in (ReissuePart); ReissueOf is, for that batch, the
	// partial batch it came from (it has no requests of its own).
	ReissuedAs string `json:"reissued_as,omitempty"`
	ReissueOf  string `json:"reissue_of,omitempty"`
}

// ClaimSettlement claims up to limit billed requests not yet settled that
// were made while their user had a wallet bound (others were paid from
// other credit), for the batch id on escrow; each request is charged to
// the wallet bound when it was made (linkedWhen), so a rebinding moves
// only later requests. In one transaction
// it marks them, sums their charge legs and what each node served, and
// stores the batch that build makes of them (pending). ok is false, and nothing is stored, when no
// request is due. A request is in one batch at most, whatever runs
// concurrently.
func (s *Store) ClaimSettlement(ctx context.Context, escrow, id string, limit int,
	build func(legs []SettlementLeg, uses []NodeUse) (batch string, total ledger.Micros, err error)) (st Settlement, ok bool, err error) {
	if id == "" || limit < 1 {
		return Settlement{}, false, errors.New("store: a settlement needs an id and a positive limit")
	}
	_, err = s.once(ctx, "claim settlement "+id, func(tx *sql.Tx) (bool, error) {
		res, err := tx.ExecContext(ctx, s.q(`UPDATE requests SET settlement = ? WHERE settlement = '' AND id IN (
			SELECT r.id FROM requests r JOIN wallet_links w ON `+linkedWhen+`
			WHERE r.settlement = '' ORDER BY r.created_ms, r.id LIMIT ?)`), id, limit)
		if err != nil {
			return false, err
		}
		n, err := res.RowsAffected()
		if err != nil || n == 0 {
			return false, err
		}
		rows, err := tx.QueryContext(ctx, s.q(`SELECT w.address, t.credit, SUM(t.amount) FROM transfers t
			JOIN requests r ON r.id = t.request_id JOIN wallet_links w ON `+linkedWhen+`
			WHERE r.settlement = ? AND t.kind = 'charge' GROUP BY w.address, t.credit ORDER BY w.address, t.credit`), id)
		if err != nil {
			return false, err
		}
		var legs []SettlementLeg
		for rows.Next() {
			var l SettlementLeg
			var amount int64
			if err := rows.Scan(&l.Wallet, &l.Account, &amount); err != nil {
				rows.Close()
				return false, err
			}
			l.Amount = ledger.Micros(amount)
			legs = append(legs, l)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return false, err
		}
		for i, l := range legs {
			node, isNode := strings.CutPrefix(l.Account, "node:")
			if !isNode {
				continue
			}
			var wallet string
			err := tx.QueryRowContext(ctx, s.q(`SELECT wallet FROM nodes WHERE address = ?`), node).Scan(&wallet)
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return false, err
			}
			if wallet == "" {
				wallet = node
			}
			legs[i].Payee = wallet
		}
		uses, err := nodeUsesLocked(ctx, tx, s, id)
		if err != nil {
			return false, err
		}
		batch, total, err := build(legs, uses)
		if err != nil {
			return false, err
		}
		st = Settlement{ID: id, Escrow: escrow, Status: SettlementPending, Total: total, Requests: n, Created: time.UnixMilli(s.ms()).UTC(), Batch: batch}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO settlements (id, escrow, batch, total, requests, status, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?)`),
			id, escrow, batch, int64(total), n, SettlementPending, st.Created.UnixMilli()); err != nil {
			return false, err
		}
		ok = true
		return true, nil
	})
	if err != nil {
		return Settlement{}, false, err
	}
	return st, ok, nil
}

// UnsettledWallets lists the bound wallets with requests not yet claimed
// by a settlement (what the next batches will charge), sorted.
func (s *Store) UnsettledWallets(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT DISTINCT w.address FROM requests r JOIN wallet_links w ON `+linkedWhen+`
		WHERE r.settlement = '' ORDER BY w.address`))
	if err != nil {
		return nil, fmt.Errorf("store: unsettled wallets: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var a string
		if err := rows.Scan(&a); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// SetNodeComponents records the components (content hashes, e.g. SHA-256
// of its model and knowledge-base files) the node was verified to serve.
func (s *Store) SetNodeComponents(ctx context.Context, address string, hashes []string) error {
	if hashes == nil {
		hashes = []string{}
	}
	b, _ := json.Marshal(hashes)
	if _, err := s.db.ExecContext(ctx, s.q(`UPDATE nodes SET components = ? WHERE address = ?`), string(b), address); err != nil {
		return fmt.Errorf("store: node %s components: %w", address, err)
	}
	return nil
}

// NodeComponents returns what SetNodeComponents last recorded for address.
func (s *Store) NodeComponents(ctx context.Context, address string) ([]string, error) {
	return s.hashList(ctx, "node "+address+" components", `SELECT components FROM nodes WHERE address = ?`, address)
}

// SettlementOutcome is what the escrow did with a batch: its transaction
// ("" when only known to be settled), the royalty it paid component owners
// and what it could not charge.
type SettlementOutcome struct {
	TxHash             string
	Royalty, Uncovered ledger.Micros
	// NodeCuts is, by node account, what the escrow paid the node's payee
	// less than the node earned in the batch: the part of Uncovered the
	// operator's share could not absorb (payouts scaled down on chain).
	NodeCuts map[string]ledger.Micros
	// Failed, when not "", says why the escrow refused the batch's other
	// part for good: the batch is recorded SettlementPartial.
	Failed string
}

// RecordSettled marks batch id settled with its outcome and, in the same
// transaction, posts the outcome to the ledger once: the royalty and the
// uncovered charges leave the operator's account (to RoyaltyAccount and
// ShortfallAccount), so the operator's account is what the escrow paid it;
// each node's cut (NodeCuts) leaves its account to ShortfallAccount
// instead, so that node accounts too are what the escrow paid, and the
// operator's loss is the rest of the uncovered charges. The postings of a
// batch reopened after a reorganisation (ReopenSettlement) are made under
// new ids, once per generation.
func (s *Store) RecordSettled(ctx context.Context, id string, o SettlementOutcome) error {
	if o.Royalty < 0 || o.Uncovered < 0 || o.Royalty > ledger.MaxAmount || o.Uncovered > ledger.MaxAmount {
		return fmt.Errorf("store: settlement %s: outcome out of range", id)
	}
	type posting struct {
		id, kind, from, to string
		amount             ledger.Micros
	}
	operatorLoss := o.Uncovered
	var cuts []posting
	for _, acct := range slices.Sorted(maps.Keys(o.NodeCuts)) {
		c := o.NodeCuts[acct]
		if c < 0 || c > ledger.MaxAmount || !strings.HasPrefix(acct, "node:") {
			return fmt.Errorf("store: settlement %s: cut %s of %s out of range", id, c, acct)
		}
		if c > 0 {
			cuts = append(cuts, posting{"shortfall/" + id + "/" + acct, "shortfall", acct, ShortfallAccount, c})
			operatorLoss -= c
		}
	}
	if operatorLoss < 0 { // rounding: the cuts were rounded up
		operatorLoss = 0
	}
	posts := append([]posting{{"royalty/" + id, "royalty", ledger.OperatorAccount, RoyaltyAccount, o.Royalty},
		{"shortfall/" + id, "shortfall", ledger.OperatorAccount, ShortfallAccount, operatorLoss}}, cuts...)
	_, err := s.once(ctx, "record settlement "+id, func(tx *sql.Tx) (bool, error) {
		status, hash := SettlementSettled, o.TxHash
		if o.Failed != "" {
			status, hash = SettlementPartial, o.TxHash+"; failed: "+o.Failed
		}
		res, err := tx.ExecContext(ctx, s.q(`UPDATE settlements SET status = ?, tx_hash = ?, settled_ms = ?, royalty = ?, uncovered = ? WHERE id = ? AND status = ?`),
			status, hash, s.ms(), int64(o.Royalty), int64(o.Uncovered), id, SettlementPending)
		if err != nil {
			return false, err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return false, nil // already recorded
		}
		var gen int64
		if err := tx.QueryRowContext(ctx, s.q(`SELECT generation FROM settlements WHERE id = ?`), id).Scan(&gen); err != nil {
			return false, err
		}
		for _, t := range posts {
			if t.amount == 0 {
				continue
			}
			ok, err := s.transferLocked(ctx, tx, postingID(t.id, gen), t.from, t.to, t.amount, t.kind, "")
			if err != nil {
				return false, err
			}
			if ok {
				if err := s.addBalanceLocked(ctx, tx, t.from, -int64(t.amount)); err != nil {
					return false, err
				}
				if err := s.addBalanceLocked(ctx, tx, t.to, int64(t.amount)); err != nil {
					return false, err
				}
			}
		}
		return true, nil
	})
	return err
}

// MarkFailed records that the escrow refused batch id for good (why, for
// the operator); its requests stay with it.
func (s *Store) MarkFailed(ctx context.Context, id, why string) error {
	if _, err := s.db.ExecContext(ctx, s.q(`UPDATE settlements SET status = ?, tx_hash = ? WHERE id = ? AND status = ?`),
		SettlementFailed, "failed: "+why, id, SettlementPending); err != nil {
		return fmt.Errorf("store: mark settlement %s failed: %w", id, err)
	}
	return nil
}

// ReleaseFailed releases failed batch id's requests, in one transaction:
// the batch becomes SettlementReleased and its requests unclaimed, so the
// next ClaimSettlement puts them in a new batch. It returns how many were
// released and acts once: a batch not (or no longer) failed is an error.
// The caller makes sure the escrow can no longer settle the batch (every
// part unsettled and past its deadline), or its requests would be charged
// twice.
func (s *Store) ReleaseFailed(ctx context.Context, id string) (int64, error) {
	var n int64
	done, err := s.once(ctx, "release settlement "+id, func(tx *sql.Tx) (bool, error) {
		res, err := tx.ExecContext(ctx, s.q(`UPDATE settlements SET status = ? WHERE id = ? AND status = ?`),
			SettlementReleased, id, SettlementFailed)
		if err != nil {
			return false, err
		}
		if k, err := res.RowsAffected(); err != nil || k == 0 {
			return false, err
		}
		res, err = tx.ExecContext(ctx, s.q(`UPDATE requests SET settlement = '' WHERE settlement = ?`), id)
		if err != nil {
			return false, err
		}
		n, err = res.RowsAffected()
		return err == nil, err
	})
	if err != nil || done {
		return n, err
	}
	var status string
	err = s.db.QueryRowContext(ctx, s.q(`SELECT status FROM settlements WHERE id = ?`), id).Scan(&status)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("%w: settlement %s", ErrNotFound, id)
	}
	if err != nil {
		return 0, fmt.Errorf("store: release settlement %s: %w", id, err)
	}
	return 0, fmt.Errorf("store: settlement %s is %s, not failed: nothing to release", id, status)
}

// linkedWhen joins a request r to the wallet link w in force when r was
// made: a request is charged to the wallet bound then, whatever was bound
// since (links of one user never overlap).
const linkedWhen = `w.user_id = r.user_id AND w.bound_ms <= r.created_ms AND (w.unbound_ms = 0 OR r.created_ms < w.unbound_ms)`

// Settlements lists escrow's batches with status ("" for any), oldest first.
func (s *Store) Settlements(ctx context.Context, escrow, status string) ([]Settlement, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT id, escrow, status, total, requests, tx_hash, created_ms, settled_ms, batch, royalty, uncovered, submitted_tx,
		generation, reissued_as, reissue_of FROM settlements
		WHERE (? = '' OR escrow = ?) AND (? = '' OR status = ?) ORDER BY created_ms, id`), escrow, escrow, status, status)
	if err != nil {
		return nil, fmt.Errorf("store: settlements: %w", err)
	}
	defer rows.Close()
	out := []Settlement{}
	for rows.Next() {
		var st Settlement
		var total, created, settled, royalty, uncovered int64
		if err := rows.Scan(&st.ID, &st.Escrow, &st.Status, &total, &st.Requests, &st.TxHash, &created, &settled, &st.Batch, &royalty, &uncovered, &st.SubmittedTx,
			&st.Generation, &st.ReissuedAs, &st.ReissueOf); err != nil {
			return nil, err
		}
		st.Royalty, st.Uncovered = ledger.Micros(royalty), ledger.Micros(uncovered)
		st.Total, st.Created = ledger.Micros(total), time.UnixMilli(created).UTC()
		if settled != 0 {
			t := time.UnixMilli(settled).UTC()
			st.Settled = &t
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

// MarkSettled records that the escrow accepted batch id (in transaction
// txHash, "" when it is only known to be settled).
func (s *Store) MarkSettled(ctx context.Context, id, txHash string) error {
	if _, err := s.db.ExecContext(ctx, s.q(`UPDATE settlements SET status = ?, tx_hash = ?, settled_ms = ? WHERE id = ? AND status = ?`),
		SettlementSettled, txHash, s.ms(), id, SettlementPending); err != nil {
		return fmt.Errorf("store: mark settlement %s: %w", id, err)
	}
	return nil
}
