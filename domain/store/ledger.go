package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"

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

// transferLocked records a transfer of amount from debit to credit inside
// tx, unless one with id exists (then it returns false and changes
// nothing). It does not touch balances: the caller applies them with
// addBalanceLocked, so a charge debits its user once for all its legs.
func (s *Store) transferLocked(ctx context.Context, tx *sql.Tx, id, debit, credit string, amount ledger.Micros, kind, requestID string) (bool, error) {
	res, err := tx.StmtContext(ctx, s.insertTransfer).ExecContext(ctx, id, debit, credit, int64(amount), kind, requestID, s.ms())
	if err != nil {
		return false, fmt.Errorf("transfer %s: %w", id, err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// addBalanceLocked adds delta to account's balance inside tx, creating the
// account at 0 first if it is new.
func (s *Store) addBalanceLocked(ctx context.Context, tx *sql.Tx, account string, delta int64) error {
	if _, err := tx.StmtContext(ctx, s.addBalance).ExecContext(ctx, account, delta); err != nil {
		return fmt.Errorf("account %s: %w", account, err)
	}
	return nil
}

// Deposit credits amount to user's account from the deposits account,
// once per id: repeating an id changes nothing and returns false.
func (s *Store) Deposit(ctx context.Context, id, user string, amount ledger.Micros) (bool, error) {
	if amount <= 0 || amount > ledger.MaxAmount {
		return false, fmt.Errorf("store: deposit of %s out of range", amount)
	}
	return s.once(ctx, "deposit "+id, func(tx *sql.Tx) (bool, error) {
		ok, err := s.transferLocked(ctx, tx, "deposit/"+id, ledger.DepositAccount, ledger.UserAccount(user), amount, "deposit", "")
		if err != nil || !ok {
			return false, err
		}
		if err := s.addBalanceLocked(ctx, tx, ledger.DepositAccount, -int64(amount)); err != nil {
			return false, err
		}
		return true, s.addBalanceLocked(ctx, tx, ledger.UserAccount(user), int64(amount))
	})
}

// PayReplay pays node amount from the operator's account for replaying a
// user's request (verification is the operator's cost), once per id:
// repeating an id changes nothing and returns false.
func (s *Store) PayReplay(ctx context.Context, id, node string, amount ledger.Micros) (bool, error) {
	if amount < 0 || amount > ledger.MaxAmount {
		return false, fmt.Errorf("store: replay payment of %s out of range", amount)
	}
	return s.once(ctx, "replay payment "+id, func(tx *sql.Tx) (bool, error) {
		ok, err := s.transferLocked(ctx, tx, "replay/"+id, ledger.OperatorAccount, ledger.NodeAccount(node), amount, "replay", "")
		if err != nil || !ok {
			return false, err
		}
		// Accounts in name order, as every transaction here takes them.
		if err := s.addBalanceLocked(ctx, tx, ledger.NodeAccount(node), int64(amount)); err != nil {
			return false, err
		}
		return true, s.addBalanceLocked(ctx, tx, ledger.OperatorAccount, -int64(amount))
	})
}

// Post records c exactly once: the first call with c.RequestID writes the
// request row, one transfer per leg and the balances in one transaction
// and returns true; later calls (a retry after an error, another replica)
// change nothing and return false.
func (s *Store) Post(ctx context.Context, c ledger.Charge) (bool, error) {
	posted, err := s.PostBatch(ctx, []ledger.Charge{c})
	if err != nil {
		return false, err
	}
	return posted[0], nil
}

// PostBatch posts several charges in one transaction (a group commit: one
// write to disk for all), each exactly once as Post does; posted[i] tells
// whether cs[i] was new. Either all are recorded or, on error, none.
func (s *Store) PostBatch(ctx context.Context, cs []ledger.Charge) (posted []bool, err error) {
	return s.PostBatchFrom(ctx, "", cs)
}

// PostBatchFrom is PostBatch for charges replica made under its credit
// leases (LeaseCredit): each newly posted charge also comes off the
// replica's lease on its user, in the same transaction.
func (s *Store) PostBatchFrom(ctx context.Context, replica string, cs []ledger.Charge) (posted []bool, err error) {
	for _, c := range cs {
		var sum ledger.Micros
		for _, l := range c.Legs {
			sum += l.Amount
		}
		if sum != c.Amount {
			return nil, fmt.Errorf("store: charge %s: legs sum to %s, amount %s", c.RequestID, sum, c.Amount)
		}
		if c.ComponentSet < 0 {
			return nil, fmt.Errorf("store: charge %s: component set %d out of range", c.RequestID, c.ComponentSet)
		}
	}
	posted = make([]bool, len(cs))
	what := "charge " + cs[0].RequestID
	if len(cs) > 1 {
		what = fmt.Sprintf("%d charges", len(cs))
	}
	_, err = s.once(ctx, what, func(tx *sql.Tx) (bool, error) {
		if err := s.postLocked(ctx, tx, cs, posted); err != nil || replica == "" {
			return true, err
		}
		spent := map[string]int64{}
		for i, c := range cs {
			if posted[i] {
				spent[c.User] += int64(c.Amount)
			}
		}
		return true, s.spendLeasesLocked(ctx, tx, replica, spent)
	})
	if err != nil {
		return nil, err
	}
	return posted, nil
}

// rowsPerStatement bounds the rows of one multi-row INSERT (SQLite allows
// 32766 parameters, PostgreSQL 65535; a transfer row has 7).
const rowsPerStatement = 256

// postLocked writes cs inside tx with a few multi-row statements: the
// request rows (RETURNING the ids that were new), the transfers of the new
// ones, then one balance change per account (summed over the batch, in
// account order so concurrent replicas lock rows in the same order).
func (s *Store) postLocked(ctx context.Context, tx *sql.Tx, cs []ledger.Charge, posted []bool) error {
	now := s.ms()
	fresh := make(map[string]bool, len(cs))
	for lo := 0; lo < len(cs); lo += rowsPerStatement {
		chunk := cs[lo:min(lo+rowsPerStatement, len(cs))]
		args := make([]any, 0, 9*len(chunk))
		for _, c := range chunk {
			args = append(args, c.RequestID, c.User, c.Node, c.Model, c.Usage.InputTokens, c.Usage.OutputTokens, int64(c.Amount), now, c.ComponentSet)
		}
		q := `INSERT INTO requests (id, user_id, node, model, input_tokens, output_tokens, amount, created_ms, component_set) VALUES ` +
			rowsOf(len(chunk), 9) + ` ON CONFLICT (id) DO NOTHING RETURNING id`
		rows, err := tx.QueryContext(ctx, s.q(q), args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			fresh[id] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	deltas := map[string]int64{}
	var args []any
	n := 0
	flush := func() error {
		if n == 0 {
			return nil
		}
		q := `INSERT INTO transfers (id, debit, credit, amount, kind, request_id, created_ms) VALUES ` + rowsOf(n, 7) + ` ON CONFLICT (id) DO NOTHING`
		_, err := tx.ExecContext(ctx, s.q(q), args...)
		args, n = args[:0], 0
		return err
	}
	for i, c := range cs {
		if !fresh[c.RequestID] {
			continue
		}
		delete(fresh, c.RequestID) // a request id twice in one batch posts once
		posted[i] = true
		user := ledger.UserAccount(c.User)
		for _, l := range c.Legs {
			args = append(args, c.RequestID+"/"+l.Account, user, l.Account, int64(l.Amount), "charge", c.RequestID, now)
			n++
			deltas[l.Account] += int64(l.Amount)
			deltas[user] -= int64(l.Amount)
			if n == rowsPerStatement {
				if err := flush(); err != nil {
					return err
				}
			}
		}
	}
	if err := flush(); err != nil {
		return err
	}
	accounts := make([]string, 0, len(deltas))
	for a, d := range deltas {
		if d != 0 {
			accounts = append(accounts, a)
		}
	}
	sort.Strings(accounts)
	for lo := 0; lo < len(accounts); lo += rowsPerStatement {
		chunk := accounts[lo:min(lo+rowsPerStatement, len(accounts))]
		args := make([]any, 0, 2*len(chunk))
		for _, a := range chunk {
			args = append(args, a, deltas[a])
		}
		q := `INSERT INTO accounts (id, balance) VALUES ` + rowsOf(len(chunk), 2) +
			` ON CONFLICT (id) DO UPDATE SET balance = accounts.balance + excluded.balance`
		if _, err := tx.ExecContext(ctx, s.q(q), args...); err != nil {
			return err
		}
	}
	return nil
}

// rowsOf returns n rows of cols placeholders: "(?, ?), (?, ?)".
func rowsOf(n, cols int) string {
	row := "(" + strings.Repeat("?, ", cols-1) + "?)"
	var b strings.Builder
	b.Grow(n * (len(row) + 2))
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(row)
	}
	return b.String()
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

// Billed reports whether the request with id has been charged.
func (s *Store) Billed(ctx context.Context, requestID string) (bool, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM requests WHERE id = ?`), requestID).Scan(&n); err != nil {
		return false, fmt.Errorf("store: billed %s: %w", requestID, err)
	}
	return n == 1, nil
}

// ErrInconsistent marks a ledger that breaks double entry.
var ErrInconsistent = errors.New("store: ledger inconsistent")

// Check verifies the ledger's invariants: balances sum to zero, every
// balance equals its transfers in minus out, and every billed request's
// amount equals its charge transfers. It returns an error wrapping
// ErrInconsistent naming the first few offenders.
func (s *Store) Check(ctx context.Context) error {
	var sum int64
	if err := s.db.QueryRowContext(ctx, `SELECT COALESCE(SUM(balance), 0) FROM accounts`).Scan(&sum); err != nil {
		return fmt.Errorf("store: check: %w", err)
	}
	if sum != 0 {
		return fmt.Errorf("%w: balances sum to %s, not 0", ErrInconsistent, ledger.Micros(sum))
	}
	for _, q := range []struct{ what, query string }{
		{"accounts whose balance is not their transfers", `SELECT a.id FROM accounts a WHERE a.balance !=
			(SELECT COALESCE(SUM(amount), 0) FROM transfers WHERE credit = a.id) - (SELECT COALESCE(SUM(amount), 0) FROM transfers WHERE debit = a.id) LIMIT 5`},
		{"requests whose amount is not their transfers", `SELECT r.id FROM requests r WHERE r.amount !=
			(SELECT COALESCE(SUM(amount), 0) FROM transfers t WHERE t.request_id = r.id AND t.kind = 'charge') LIMIT 5`},
	} {
		rows, err := s.db.QueryContext(ctx, q.query)
		if err != nil {
			return fmt.Errorf("store: check: %w", err)
		}
		var bad []string
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			bad = append(bad, id)
		}
		rows.Close()
		if len(bad) > 0 {
			return fmt.Errorf("%w: %s: %v", ErrInconsistent, q.what, bad)
		}
	}
	return nil
}
