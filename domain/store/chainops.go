package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/gaianet-go/gaianet/domain/ledger"
)

// chainOpsMigration holds what keeps payments on a chain running through
// binding changes, reorganisations and replica failures:
//   - binding_nonces: wallet-binding challenges, apart from the join
//     nonces (their own caps: a user's API key cannot crowd out joins);
//   - wallet_links: every binding a user ever had, with when it began and
//     ended, so each request is charged to the wallet bound when it was
//     made, whatever was bound since;
//   - chain_events' block hash and state (canonical or reversed) and how
//     often it flipped, and chain_checkpoints (block hashes the watcher
//     passed), so a reorganisation deeper than the confirmations is found
//     and undone;
//   - user_flags: users a reversal left below zero, with the reason;
//   - chain_leases: which replica settles, until when;
//   - settlements.submitted_tx: the transaction a batch was last sent in,
//     stored before sending, so a replica taking over waits for it.
const chainOpsMigration = `CREATE TABLE binding_nonces (
		nonce TEXT PRIMARY KEY,
		user_id TEXT NOT NULL,
		expires_ms BIGINT NOT NULL
	);
	CREATE INDEX binding_nonces_user ON binding_nonces (user_id);
	CREATE TABLE wallet_links (
		seq {{seq}},
		address TEXT NOT NULL,
		user_id TEXT NOT NULL REFERENCES users (id),
		bound_ms BIGINT NOT NULL,
		unbound_ms BIGINT NOT NULL DEFAULT 0
	);
	CREATE INDEX wallet_links_user ON wallet_links (user_id, bound_ms);
	CREATE INDEX wallet_links_address ON wallet_links (address);
	INSERT INTO wallet_links (address, user_id, bound_ms) SELECT address, user_id, bound_ms FROM wallet_bindings;
	ALTER TABLE chain_events ADD COLUMN block_hash TEXT NOT NULL DEFAULT '';
	ALTER TABLE chain_events ADD COLUMN state TEXT NOT NULL DEFAULT 'canonical';
	ALTER TABLE chain_events ADD COLUMN flips BIGINT NOT NULL DEFAULT 0;
	CREATE INDEX chain_events_block ON chain_events (escrow, block);
	CREATE TABLE chain_checkpoints (
		escrow TEXT NOT NULL,
		block BIGINT NOT NULL,
		hash TEXT NOT NULL,
		PRIMARY KEY (escrow, block)
	);
	CREATE TABLE user_flags (
		user_id TEXT PRIMARY KEY,
		reason TEXT NOT NULL,
		created_ms BIGINT NOT NULL
	);
	CREATE TABLE chain_leases (
		name TEXT PRIMARY KEY,
		holder TEXT NOT NULL,
		expires_ms BIGINT NOT NULL,
		epoch BIGINT NOT NULL
	);
	ALTER TABLE settlements ADD COLUMN submitted_tx TEXT NOT NULL DEFAULT ''`

// States of a recorded escrow event.
const (
	EventCanonical = "canonical" // on the chain; posted if its wallet is bound
	EventReversed  = "reversed"  // gone in a reorganisation; its posting undone
)

// Binding nonce limits: a user holds at most MaxBindingNoncesPerUser
// unexpired binding challenges and all users together MaxBindingNonces.
// They are apart from the join nonces (MaxNonces), so exhausting one kind
// never blocks the other.
const (
	MaxBindingNonces        = 10_000
	MaxBindingNoncesPerUser = 16
)

// ErrTooManyBindingNonces means a binding-nonce limit is reached.
var ErrTooManyBindingNonces = errors.New("store: too many outstanding binding challenges")

// IssueBindingNonce records a wallet-binding challenge nonce for user,
// valid until expires, purging expired ones first.
func (s *Store) IssueBindingNonce(ctx context.Context, user, nonce string, expires time.Time) error {
	_, err := s.once(ctx, "issue binding nonce", func(tx *sql.Tx) (bool, error) {
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM binding_nonces WHERE expires_ms < ?`), s.ms()); err != nil {
			return false, err
		}
		var mine, all int
		if err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM binding_nonces WHERE user_id = ?`), user).Scan(&mine); err != nil {
			return false, err
		}
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM binding_nonces`).Scan(&all); err != nil {
			return false, err
		}
		if mine >= MaxBindingNoncesPerUser || all >= MaxBindingNonces {
			return false, ErrTooManyBindingNonces
		}
		_, err := tx.ExecContext(ctx, s.q(`INSERT INTO binding_nonces (nonce, user_id, expires_ms) VALUES (?, ?, ?)`), nonce, user, expires.UnixMilli())
		return true, err
	})
	return err
}

// ConsumeBindingNonce deletes user's binding nonce and returns its expiry
// and whether it existed, was user's and had not expired: true once per
// issued nonce, on any replica.
func (s *Store) ConsumeBindingNonce(ctx context.Context, user, nonce string) (time.Time, bool, error) {
	var exp int64
	err := s.db.QueryRowContext(ctx, s.q(`DELETE FROM binding_nonces WHERE nonce = ? AND user_id = ? RETURNING expires_ms`), nonce, user).Scan(&exp)
	if errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, false, nil
	}
	if err != nil {
		return time.Time{}, false, fmt.Errorf("store: consume binding nonce: %w", err)
	}
	return time.UnixMilli(exp), exp >= s.ms(), nil
}

// WalletLink is one binding of a wallet to a user, from Bound until
// Unbound (nil while it holds).
type WalletLink struct {
	Address string     `json:"address"`
	User    string     `json:"user"`
	Bound   time.Time  `json:"bound"`
	Unbound *time.Time `json:"unbound,omitempty"`
}

// WalletLinks lists user's bindings ("" for every user's), oldest first.
func (s *Store) WalletLinks(ctx context.Context, user string) ([]WalletLink, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT address, user_id, bound_ms, unbound_ms FROM wallet_links WHERE ? = '' OR user_id = ? ORDER BY seq`), user, user)
	if err != nil {
		return nil, fmt.Errorf("store: wallet links of %s: %w", user, err)
	}
	defer rows.Close()
	out := []WalletLink{}
	for rows.Next() {
		var l WalletLink
		var bound, unbound int64
		if err := rows.Scan(&l.Address, &l.User, &bound, &unbound); err != nil {
			return nil, err
		}
		l.Bound = time.UnixMilli(bound).UTC()
		if unbound != 0 {
			t := time.UnixMilli(unbound).UTC()
			l.Unbound = &t
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// RebindWallet moves user from the wallet bound now (old, which the
// caller checked holds nothing in the escrow) to address: requests made
// from now on are charged to address, earlier ones still to old. Held
// events of address are applied as in BindWallet. It returns the net
// amount credited.
func (s *Store) RebindWallet(ctx context.Context, user, old, address string) (ledger.Micros, error) {
	net, _, err := s.RebindWalletLeaving(ctx, user, old, address, 0)
	return net, err
}

// UnbindWallet ends user's binding to address (the caller checked that
// the wallet holds nothing in the escrow): its later escrow events are
// held until it is bound again, and the user's later requests are
// settled on no wallet. ErrNotFound when address is not user's wallet.
func (s *Store) UnbindWallet(ctx context.Context, user, address string) error {
	_, err := s.UnbindWalletLeaving(ctx, user, address, 0)
	return err
}

func (s *Store) unbindLocked(ctx context.Context, tx *sql.Tx, user, address string) error {
	res, err := tx.ExecContext(ctx, s.q(`DELETE FROM wallet_bindings WHERE user_id = ? AND address = ?`), user, address)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return fmt.Errorf("%w: wallet %s is not bound to user %s", ErrNotFound, address, user)
	}
	_, err = tx.ExecContext(ctx, s.q(`UPDATE wallet_links SET unbound_ms = ? WHERE user_id = ? AND address = ? AND unbound_ms = 0`), s.ms(), user, address)
	return err
}

// UserFlag returns why user is flagged ("" when not): a chain
// reorganisation reversed a deposit the user had already spent.
func (s *Store) UserFlag(ctx context.Context, user string) (string, error) {
	var reason string
	err := s.db.QueryRowContext(ctx, s.q(`SELECT reason FROM user_flags WHERE user_id = ?`), user).Scan(&reason)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("store: flag of %s: %w", user, err)
	}
	return reason, nil
}

// UserFlags returns every flagged user's reason, by user.
func (s *Store) UserFlags(ctx context.Context) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT user_id, reason FROM user_flags`)
	if err != nil {
		return nil, fmt.Errorf("store: user flags: %w", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var u, r string
		if err := rows.Scan(&u, &r); err != nil {
			return nil, err
		}
		out[u] = r
	}
	return out, rows.Err()
}

// flagLocked flags user when their balance is below zero (why says what
// did it) and clears the flag when it is not.
func (s *Store) flagLocked(ctx context.Context, tx *sql.Tx, user, why string) error {
	var bal int64
	err := tx.QueryRowContext(ctx, s.q(`SELECT balance FROM accounts WHERE id = ?`), ledger.UserAccount(user)).Scan(&bal)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if bal >= 0 {
		_, err = tx.ExecContext(ctx, s.q(`DELETE FROM user_flags WHERE user_id = ?`), user)
		return err
	}
	reason := fmt.Sprintf("balance %s is below zero: %s; deposit to continue", ledger.Micros(bal), why)
	_, err = tx.ExecContext(ctx, s.q(`INSERT INTO user_flags (user_id, reason, created_ms) VALUES (?, ?, ?)
		ON CONFLICT (user_id) DO UPDATE SET reason = excluded.reason`), user, reason, s.ms())
	return err
}

// Checkpoint is a block the watcher passed and its hash then.
type Checkpoint struct {
	Block uint64
	Hash  string
}

// maxCheckpoints is how many checkpoints are kept per escrow: a
// reorganisation deeper than all of them rescans from the start block.
const maxCheckpoints = 1024

// Checkpoints returns escrow's checkpoints, newest first.
func (s *Store) Checkpoints(ctx context.Context, escrow string) ([]Checkpoint, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT block, hash FROM chain_checkpoints WHERE escrow = ? ORDER BY block DESC`), escrow)
	if err != nil {
		return nil, fmt.Errorf("store: checkpoints: %w", err)
	}
	defer rows.Close()
	var out []Checkpoint
	for rows.Next() {
		var c Checkpoint
		var b int64
		if err := rows.Scan(&b, &c.Hash); err != nil {
			return nil, err
		}
		c.Block = uint64(b)
		out = append(out, c)
	}
	return out, rows.Err()
}

// checkpointLocked records that the block before to.Next had hash
// to.LastHash and drops the oldest checkpoints beyond maxCheckpoints.
func (s *Store) checkpointLocked(ctx context.Context, tx *sql.Tx, escrow string, to WatchPosition) error {
	if to.LastHash == "" || to.Next == 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO chain_checkpoints (escrow, block, hash) VALUES (?, ?, ?)
		ON CONFLICT (escrow, block) DO UPDATE SET hash = excluded.hash`), escrow, int64(to.Next-1), to.LastHash); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, s.q(`DELETE FROM chain_checkpoints WHERE escrow = ? AND block < (
		SELECT MIN(block) FROM (SELECT block FROM chain_checkpoints WHERE escrow = ? ORDER BY block DESC LIMIT ?) AS kept)`),
		escrow, escrow, maxCheckpoints)
	return err
}

// ReorgResult counts what ReorgChainEvents changed.
type ReorgResult struct {
	// Reversed events are gone from the chain; their postings are undone.
	Reversed int `json:"reversed"`
	// Restored events had been reversed and are back.
	Restored int `json:"restored"`
	// Recorded events are new.
	Recorded int `json:"recorded"`
	// Flagged users are below zero after the reversals.
	Flagged []string `json:"flagged,omitempty"`
}

// ReorgChainEvents replaces escrow's events from block `first` on with
// evs, the events of the canonical chain from `first` to to.Next-1, and
// moves the watcher from `from` to `to`, in one transaction: an event
// recorded there but not in evs is reversed (its posting undone by a
// transfer of kind "reversal", once), a reversed one back in evs is
// restored (posted again, kind "restore"), a new one is recorded as by
// RecordChainEvents. A user left below zero is flagged (UserFlag). It
// returns ErrMoved when the stored position is not `from`.
func (s *Store) ReorgChainEvents(ctx context.Context, escrow string, from WatchPosition, first uint64, to WatchPosition, evs []ChainEvent) (ReorgResult, error) {
	var r ReorgResult
	_, err := s.once(ctx, "chain reorganisation", func(tx *sql.Tx) (bool, error) {
		r = ReorgResult{}
		if err := s.moveWatchLocked(ctx, tx, escrow, from, to); err != nil {
			return false, err
		}
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM chain_checkpoints WHERE escrow = ? AND block >= ?`), escrow, int64(first)); err != nil {
			return false, err
		}
		if err := s.checkpointLocked(ctx, tx, escrow, to); err != nil {
			return false, err
		}
		old, err := s.eventsLocked(ctx, tx, `escrow = ? AND block >= ?`, escrow, int64(first))
		if err != nil {
			return false, err
		}
		known := map[string]ChainEvent{}
		for _, e := range old {
			known[e.ID] = e
		}
		seen := map[string]bool{}
		touched := map[string]string{}
		for _, e := range evs {
			if err := validEvent(e); err != nil {
				return false, err
			}
			seen[e.ID] = true
			if _, ok := known[e.ID]; !ok {
				recorded, err := s.insertEventLocked(ctx, tx, escrow, e)
				if err != nil {
					return false, err
				}
				if recorded {
					r.Recorded++
					if err := s.postEventLocked(ctx, tx, e); err != nil {
						return false, err
					}
					continue
				}
			}
			user, err := s.restoreLocked(ctx, tx, e)
			if err != nil {
				return false, err
			}
			if user != "-" {
				r.Restored++
				if user != "" {
					touched[user] = ""
				}
			}
		}
		for _, e := range old {
			if seen[e.ID] || e.State == EventReversed {
				continue
			}
			user, err := s.flipLocked(ctx, tx, e, true)
			if err != nil {
				return false, err
			}
			if user != "" {
				touched[user] = fmt.Sprintf("%s %s of %s (block %d) left the chain in a reorganisation", e.Kind, e.ID, e.Amount, e.Block)
			}
			r.Reversed++
		}
		for user, why := range touched {
			if why == "" {
				why = "a chain reorganisation"
			}
			if err := s.flagLocked(ctx, tx, user, why); err != nil {
				return false, err
			}
			var flagged int
			if err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM user_flags WHERE user_id = ?`), user).Scan(&flagged); err != nil {
				return false, err
			}
			if flagged > 0 {
				r.Flagged = append(r.Flagged, user)
			}
		}
		return true, nil
	})
	return r, err
}

// restoreLocked updates the block of e, an event recorded before, and
// restores it when a reorganisation had reversed it. It returns the user
// posted to ("" for none), or "-" when e was not reversed.
func (s *Store) restoreLocked(ctx context.Context, tx *sql.Tx, e ChainEvent) (string, error) {
	rows, err := s.eventsLocked(ctx, tx, `id = ?`, e.ID)
	if err != nil {
		return "", err
	}
	if len(rows) != 1 {
		return "", fmt.Errorf("event %s: recorded %d times", e.ID, len(rows))
	}
	if _, err := tx.ExecContext(ctx, s.q(`UPDATE chain_events SET block = ?, block_hash = ? WHERE id = ?`), int64(e.Block), e.BlockHash, e.ID); err != nil {
		return "", err
	}
	if rows[0].State != EventReversed {
		return "-", nil
	}
	user, err := s.flipLocked(ctx, tx, rows[0], false)
	if err != nil || user == "" {
		return user, err
	}
	return user, s.flagLocked(ctx, tx, user, "a chain reorganisation")
}

// flipLocked reverses (reverse) or restores e: marks its state and, when
// it was posted to a user, posts the opposite (or the same again) under an
// id that carries the flip count, so each flip posts once. It returns the
// user posted to ("" for none).
func (s *Store) flipLocked(ctx context.Context, tx *sql.Tx, e ChainEvent, reverse bool) (string, error) {
	state, want := EventReversed, EventCanonical
	if !reverse {
		state, want = EventCanonical, EventReversed
	}
	res, err := tx.ExecContext(ctx, s.q(`UPDATE chain_events SET state = ?, flips = flips + 1 WHERE id = ? AND state = ?`), state, e.ID, want)
	if err != nil {
		return "", err
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return "", nil // flipped already
	}
	if e.Kind == EventIgnored {
		return "", nil
	}
	if reverse {
		if e.User == "" {
			return "", nil // held: never posted
		}
		sign := int64(-1) // undo a deposit: the user gives it back
		if e.Kind == EventWithdrawal {
			sign = 1
		}
		return e.User, s.moveLocked(ctx, tx, fmt.Sprintf("chain-reversal/%s/%d", e.ID, e.Flips), "reversal", e.User, sign*int64(e.Amount))
	}
	// Restored: posted like a new event (to the wallet's user now, or held).
	e.State = EventCanonical
	var user string
	err = tx.QueryRowContext(ctx, s.q(`SELECT user_id FROM wallet_bindings WHERE address = ?`), e.Address).Scan(&user)
	if errors.Is(err, sql.ErrNoRows) {
		_, err = tx.ExecContext(ctx, s.q(`UPDATE chain_events SET user_id = '' WHERE id = ?`), e.ID)
		return "", err
	}
	if err != nil {
		return "", err
	}
	sign := int64(1)
	if e.Kind == EventWithdrawal {
		sign = -1
	}
	if err := s.moveLocked(ctx, tx, fmt.Sprintf("chain-restore/%s/%d", e.ID, e.Flips), "restore", user, sign*int64(e.Amount)); err != nil {
		return "", err
	}
	_, err = tx.ExecContext(ctx, s.q(`UPDATE chain_events SET user_id = ? WHERE id = ?`), user, e.ID)
	return user, err
}

// moveLocked posts delta to user's account from the deposits account
// (negative: back to it) as transfer id of kind, once per id.
func (s *Store) moveLocked(ctx context.Context, tx *sql.Tx, id, kind, user string, delta int64) error {
	if delta == 0 {
		return nil
	}
	debit, credit, amount := ledger.DepositAccount, ledger.UserAccount(user), delta
	if delta < 0 {
		debit, credit, amount = credit, debit, -delta
	}
	ok, err := s.transferLocked(ctx, tx, id, debit, credit, ledger.Micros(amount), kind, "")
	if err != nil || !ok {
		return err
	}
	if err := s.addBalanceLocked(ctx, tx, ledger.DepositAccount, -delta); err != nil {
		return err
	}
	if err := s.addBalanceLocked(ctx, tx, ledger.UserAccount(user), delta); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, s.q(`UPDATE credit_leases SET reclaim = 1 WHERE user_id = ?`), user)
	return err
}

// eventsLocked reads the events matching where (with args), in chain order.
func (s *Store) eventsLocked(ctx context.Context, tx *sql.Tx, where string, args ...any) ([]ChainEvent, error) {
	rows, err := tx.QueryContext(ctx, s.q(`SELECT id, kind, address, amount, block, user_id, block_hash, state, flips FROM chain_events
		WHERE `+where+` ORDER BY block, id`), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ChainEvent
	for rows.Next() {
		var e ChainEvent
		var amount, block int64
		if err := rows.Scan(&e.ID, &e.Kind, &e.Address, &amount, &block, &e.User, &e.BlockHash, &e.State, &e.Flips); err != nil {
			return nil, err
		}
		e.Amount, e.Block = ledger.Micros(amount), uint64(block)
		out = append(out, e)
	}
	return out, rows.Err()
}

// TakeLease makes holder the holder of lease name until now+ttl when it
// is free, expired or already holder's, and reports whether holder holds
// it. Replicas call it before work only one of them may do at a time.
func (s *Store) TakeLease(ctx context.Context, name, holder string, ttl time.Duration) (bool, error) {
	now := s.ms()
	res, err := s.db.ExecContext(ctx, s.q(`INSERT INTO chain_leases (name, holder, expires_ms, epoch) VALUES (?, ?, ?, 1)
		ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_ms = excluded.expires_ms,
			epoch = CASE WHEN chain_leases.holder = excluded.holder THEN chain_leases.epoch ELSE chain_leases.epoch + 1 END
		WHERE chain_leases.holder = excluded.holder OR chain_leases.expires_ms <= ?`), name, holder, now+ttl.Milliseconds(), now)
	if err != nil {
		return false, fmt.Errorf("store: lease %s: %w", name, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("store: lease %s: %w", name, err)
	}
	return n == 1, nil
}

// DropLease ends holder's lease name at once (a clean stop), so another
// replica need not wait for it to expire.
func (s *Store) DropLease(ctx context.Context, name, holder string) error {
	if _, err := s.db.ExecContext(ctx, s.q(`UPDATE chain_leases SET expires_ms = 0 WHERE name = ? AND holder = ?`), name, holder); err != nil {
		return fmt.Errorf("store: drop lease %s: %w", name, err)
	}
	return nil
}

// LeaseHolder returns who holds lease name and until when ("" if nobody
// ever did).
func (s *Store) LeaseHolder(ctx context.Context, name string) (string, time.Time, error) {
	var holder string
	var exp int64
	err := s.db.QueryRowContext(ctx, s.q(`SELECT holder, expires_ms FROM chain_leases WHERE name = ?`), name).Scan(&holder, &exp)
	if errors.Is(err, sql.ErrNoRows) {
		return "", time.Time{}, nil
	}
	if err != nil {
		return "", time.Time{}, fmt.Errorf("store: lease %s: %w", name, err)
	}
	return holder, time.UnixMilli(exp).UTC(), nil
}

// MarkSubmitted records that batch id was sent (or is about to be) in
// transaction txHash, so a replica taking over waits for it before
// sending the batch again.
func (s *Store) MarkSubmitted(ctx context.Context, id, txHash string) error {
	if _, err := s.db.ExecContext(ctx, s.q(`UPDATE settlements SET submitted_tx = ? WHERE id = ? AND status = ?`),
		txHash, id, SettlementPending); err != nil {
		return fmt.Errorf("store: settlement %s submitted: %w", id, err)
	}
	return nil
}
