package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/gaianet-go/gaianet/domain/ledger"
)

// Account is a ledger account and its balance.
type Account struct {
	ID      string        `json:"id"`
	Balance ledger.Micros `json:"balance"`
}

// Transfer is one posted double-entry transfer, in posting order (Seq).
// Settlement (on a chain or otherwise) can resume from a Seq.
type Transfer struct {
	Seq       int64         `json:"seq"`
	ID        string        `json:"id"`
	Debit     string        `json:"debit"`
	Credit    string        `json:"credit"`
	Amount    ledger.Micros `json:"amount"`
	Kind      string        `json:"kind"`
	RequestID string        `json:"request_id,omitempty"`
}

// transferLocked moves amount from debit to credit inside tx and records
// the transfer, unless a transfer with id exists (then it returns false
// and changes nothing). Accounts are created at 0 when new.
func (s *Store) transferLocked(ctx context.Context, tx *sql.Tx, id, debit, credit string, amount ledger.Micros, kind, requestID string) (bool, error) {
	res, err := tx.ExecContext(ctx, s.q(`INSERT INTO transfers (id, debit, credit, amount, kind, request_id, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO NOTHING`), id, debit, credit, int64(amount), kind, requestID, s.ms())
	if err != nil {
		return false, fmt.Errorf("transfer %s: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return false, nil
	}
	for _, leg := range []struct {
		acct  string
		delta int64
	}{{debit, -int64(amount)}, {credit, int64(amount)}} {
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO accounts (id, balance) VALUES (?, ?)
			ON CONFLICT (id) DO UPDATE SET balance = accounts.balance + excluded.balance`), leg.acct, leg.delta); err != nil {
			return false, fmt.Errorf("account %s: %w", leg.acct, err)
		}
	}
	return true, nil
}

// Deposit credits amount to user's account from the deposits account,
// once per id: repeating an id changes nothing and returns false.
func (s *Store) Deposit(ctx context.Context, id, user string, amount ledger.Micros) (bool, error) {
	if amount <= 0 || amount > ledger.MaxAmount {
		return false, fmt.Errorf("store: deposit of %s out of range", amount)
	}
	return s.once(ctx, "deposit "+id, func(tx *sql.Tx) (bool, error) {
		return s.transferLocked(ctx, tx, "deposit/"+id, ledger.DepositAccount, ledger.UserAccount(user), amount, "deposit", "")
	})
}

// Post records c exactly once: the first call with c.RequestID writes the
// request row, one transfer per leg and the balances in one transaction
// and returns true; later calls (a retry after an error, another replica)
// change nothing and return false.
func (s *Store) Post(ctx context.Context, c ledger.Charge) (bool, error) {
	var sum ledger.Micros
	for _, l := range c.Legs {
		sum += l.Amount
	}
	if sum != c.Amount {
		return false, fmt.Errorf("store: charge %s: legs sum to %s, amount %s", c.RequestID, sum, c.Amount)
	}
	return s.once(ctx, "charge "+c.RequestID, func(tx *sql.Tx) (bool, error) {
		res, err := tx.ExecContext(ctx, s.q(`INSERT INTO requests (id, user_id, node, model, input_tokens, output_tokens, amount, created_ms)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`),
			c.RequestID, c.User, c.Node, c.Model, c.Usage.InputTokens, c.Usage.OutputTokens, int64(c.Amount), s.ms())
		if err != nil {
			return false, err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return false, nil
		}
		for _, l := range c.Legs {
			if _, err := s.transferLocked(ctx, tx, c.RequestID+"/"+l.Account, ledger.UserAccount(c.User), l.Account, l.Amount, "charge", c.RequestID); err != nil {
				return false, err
			}
		}
		return true, nil
	})
}

// once runs f in a transaction and commits it.
func (s *Store) once(ctx context.Context, what string, f func(tx *sql.Tx) (bool, error)) (bool, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("store: %s: %w", what, err)
	}
	defer tx.Rollback()
	done, err := f(tx)
	if err != nil {
		return false, fmt.Errorf("store: %s: %w", what, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("store: %s: commit: %w", what, err)
	}
	return done, nil
}

// Balance returns account's balance; an account never used has 0.
func (s *Store) Balance(ctx context.Context, account string) (ledger.Micros, error) {
	var b int64
	err := s.db.QueryRowContext(ctx, s.q(`SELECT balance FROM accounts WHERE id = ?`), account).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("store: balance of %s: %w", account, err)
	}
	return ledger.Micros(b), nil
}

// Accounts lists every account with its balance, by id.
func (s *Store) Accounts(ctx context.Context) ([]Account, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, balance FROM accounts ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("store: accounts: %w", err)
	}
	defer rows.Close()
	out := []Account{}
	for rows.Next() {
		var a Account
		var b int64
		if err := rows.Scan(&a.ID, &b); err != nil {
			return nil, err
		}
		a.Balance = ledger.Micros(b)
		out = append(out, a)
	}
	return out, rows.Err()
}

// Transfers returns up to limit transfers with Seq > after, in order.
func (s *Store) Transfers(ctx context.Context, after int64, limit int) ([]Transfer, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT seq, id, debit, credit, amount, kind, request_id FROM transfers WHERE seq > ? ORDER BY seq LIMIT ?`), after, limit)
	if err != nil {
		return nil, fmt.Errorf("store: transfers: %w", err)
	}
	defer rows.Close()
	out := []Transfer{}
	for rows.Next() {
		var t Transfer
		var a int64
		if err := rows.Scan(&t.Seq, &t.ID, &t.Debit, &t.Credit, &a, &t.Kind, &t.RequestID); err != nil {
			return nil, err
		}
		t.Amount = ledger.Micros(a)
		out = append(out, t)
	}
	return out, rows.Err()
}

// Totals summarizes the ledger.
type Totals struct {
	Requests  int64         `json:"requests"`
	Transfers int64         `json:"transfers"`
	Charged   ledger.Micros `json:"charged"`
	Deposited ledger.Micros `json:"deposited"`
}

// Totals counts posted requests and transfers and sums charges and deposits.
func (s *Store) Totals(ctx context.Context) (Totals, error) {
	var t Totals
	var charged, deposited int64
	err := s.db.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM requests), (SELECT COUNT(*) FROM transfers),
		(SELECT COALESCE(SUM(amount), 0) FROM requests), (SELECT COALESCE(SUM(amount), 0) FROM transfers WHERE kind = 'deposit')`).
		Scan(&t.Requests, &t.Transfers, &charged, &deposited)
	if err != nil {
		return Totals{}, fmt.Errorf("store: totals: %w", err)
	}
	t.Charged, t.Deposited = ledger.Micros(charged), ledger.Micros(deposited)
	return t, nil
}
