package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/gaianet-go/gaianet/domain/ledger"
)

// Credit leases make replicas on one database spend a user's credit
// exactly: each replica may spend only what it leased, and the store
// never leases more than the balance:
//
//	sum of live leases' amount <= the user's posted balance
//
// A lease's amount is what its replica may still charge, its used part
// what the replica had in flight or unposted when it last wrote the lease
// (the rest is a slice for requests to come, so that most requests find
// credit in their replica's lease without reading the database). Posting
// a replica's charges takes them off its lease and off the balance in
// one transaction (PostBatchFrom), which keeps the invariant. A lease
// lives until expires_ms unless renewed; a replica that needs credit
// another one holds unused sets that lease's reclaim flag, and the holder,
// which polls Reclaims, gives its slice back.

// Lease is the outcome of LeaseCredit.
type Lease struct {
	// Amount is the replica's lease now.
	Amount ledger.Micros
	// OK reports that the lease covers need.
	OK bool
	// Pending counts other replicas asked to give credit back and not
	// done yet: while it is not 0, trying again may succeed.
	Pending int
}

// LeaseCredit sets replica's lease on user's credit until now+ttl. used is
// what the replica has in flight or unposted, need what it must have
// (used plus a new request's estimate) and slice what it would like
// beyond need. When the balance less the other replicas' live leases
// covers need, the lease becomes need plus at most half of what is left
// (capped at slice) and OK is set; otherwise it shrinks to at most used
// and, if need > used, the other replicas holding more than they use are
// asked to give it back (Pending).
func (s *Store) LeaseCredit(ctx context.Context, user, replica string, used, need, slice ledger.Micros, ttl time.Duration) (Lease, error) {
	if used < 0 || need < used || slice < 0 {
		return Lease{}, fmt.Errorf("store: lease: used %s, need %s, slice %s out of order", used, need, slice)
	}
	var l Lease
	_, err := s.once(ctx, "lease credit of "+user, func(tx *sql.Tx) (bool, error) {
		now := s.ms()
		// The account row orders this lease against posts and other
		// leases on this user (SQLite: the transaction is already the
		// database's only writer).
		lock := `SELECT balance FROM accounts WHERE id = ?`
		if s.d == postgres {
			lock += ` FOR UPDATE`
		}
		var bal int64
		err := tx.QueryRowContext(ctx, s.q(lock), ledger.UserAccount(user)).Scan(&bal)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return false, err
		}
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM credit_leases WHERE user_id = ? AND expires_ms <= ?`), user, now); err != nil {
			return false, err
		}
		var others int64
		if err := tx.QueryRowContext(ctx, s.q(`SELECT COALESCE(SUM(amount), 0) FROM credit_leases WHERE user_id = ? AND replica <> ?`),
			user, replica).Scan(&others); err != nil {
			return false, err
		}
		free := ledger.Micros(bal - others)
		if free >= need {
			l.OK = true
			l.Amount = need + min(slice, (free-need)/2)
		} else {
			l.Amount = max(min(used, free), 0)
			if need > used {
				if _, err := tx.ExecContext(ctx, s.q(`UPDATE credit_leases SET reclaim = 1 WHERE user_id = ? AND replica <> ? AND amount > used`),
					user, replica); err != nil {
					return false, err
				}
			}
			if err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM credit_leases WHERE user_id = ? AND replica <> ? AND reclaim = 1`),
				user, replica).Scan(&l.Pending); err != nil {
				return false, err
			}
		}
		_, err = tx.ExecContext(ctx, s.q(`INSERT INTO credit_leases (user_id, replica, amount, used, reclaim, expires_ms) VALUES (?, ?, ?, ?, 0, ?)
			ON CONFLICT (user_id, replica) DO UPDATE SET amount = excluded.amount, used = excluded.used, reclaim = 0, expires_ms = excluded.expires_ms`),
			user, replica, int64(l.Amount), int64(min(used, l.Amount)), now+ttl.Milliseconds())
		return true, err
	})
	return l, err
}

// ReleaseCredit ends replica's lease on user's credit.
func (s *Store) ReleaseCredit(ctx context.Context, user, replica string) error {
	if _, err := s.db.ExecContext(ctx, s.q(`DELETE FROM credit_leases WHERE user_id = ? AND replica = ?`), user, replica); err != nil {
		return fmt.Errorf("store: release credit of %s: %w", user, err)
	}
	return nil
}

// Reclaims lists the users whose credit another replica asked replica to
// give back (answer with LeaseCredit, which clears the request).
func (s *Store) Reclaims(ctx context.Context, replica string) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT user_id FROM credit_leases WHERE replica = ? AND reclaim = 1`), replica)
	if err != nil {
		return nil, fmt.Errorf("store: reclaims: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var u string
		if err := rows.Scan(&u); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// Leased returns the sum of the live leases on user's credit.
func (s *Store) Leased(ctx context.Context, user string) (ledger.Micros, error) {
	var n int64
	if err := s.db.QueryRowContext(ctx, s.q(`SELECT COALESCE(SUM(amount), 0) FROM credit_leases WHERE user_id = ? AND expires_ms > ?`),
		user, s.ms()).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: leased credit of %s: %w", user, err)
	}
	return ledger.Micros(n), nil
}

// spendLeasesLocked takes each user's newly posted charges (spent) off
// replica's lease inside tx, after the balances (the lock order of every
// transaction here: accounts, then leases).
func (s *Store) spendLeasesLocked(ctx context.Context, tx *sql.Tx, replica string, spent map[string]int64) error {
	users := make([]string, 0, len(spent))
	for u := range spent {
		users = append(users, u)
	}
	sort.Strings(users)
	for _, user := range users {
		amount := spent[user]
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE credit_leases SET
			amount = CASE WHEN amount > ? THEN amount - ? ELSE 0 END,
			used = CASE WHEN used > ? THEN used - ? ELSE 0 END
			WHERE user_id = ? AND replica = ?`), amount, amount, amount, amount, user, replica); err != nil {
			return fmt.Errorf("lease of %s: %w", user, err)
		}
	}
	return nil
}
