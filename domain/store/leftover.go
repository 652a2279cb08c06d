package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"github.com/gaianet-go/gaianet/domain/ledger"
)

// LeftoverAccount holds credit a user left behind with a wallet: when a
// binding ends (rebind or unbind) while the wallet still holds a leftover
// in the escrow too small to spend on a request, the user's credit backed
// by it (at most its value) moves here. The leftover stays in the escrow,
// the wallet's to withdraw (the escrow pays only its depositor); binding
// the wallet to the user again moves the credit back, before the
// wallet's held escrow events (its withdrawal of the leftover, say) are
// applied.
const LeftoverAccount = "external:leftovers"

// Transfer kinds of leftovers: left behind with a wallet, and back with it.
const (
	KindLeftover     = "leftover"
	KindLeftoverBack = "leftover_back"
)

// RebindWalletLeaving is RebindWallet where old still holds a leftover
// worth `leftover` in the escrow (the caller valued it, and judged it too
// small to spend): min(user's balance, leftover) moves from the user's
// account to LeftoverAccount, in the same transaction as the rebinding.
// It returns what was credited (as RebindWallet) and what was left.
func (s *Store) RebindWalletLeaving(ctx context.Context, user, old, address string, leftover ledger.Micros) (credited, left ledger.Micros, err error) {
	if old == address {
		return 0, 0, fmt.Errorf("%w: user %s is already bound to %s", ErrBound, user, address)
	}
	return s.bindWallet(ctx, user, address, old, leftover)
}

// UnbindWalletLeaving is UnbindWallet where address still holds a
// leftover worth `leftover` (as in RebindWalletLeaving); it returns what
// the user's account left behind.
func (s *Store) UnbindWalletLeaving(ctx context.Context, user, address string, leftover ledger.Micros) (ledger.Micros, error) {
	var left ledger.Micros
	_, err := s.once(ctx, "unbind wallet "+address, func(tx *sql.Tx) (bool, error) {
		var err error
		if left, err = s.leaveLocked(ctx, tx, user, address, leftover); err != nil {
			return false, err
		}
		return true, s.unbindLocked(ctx, tx, user, address)
	})
	return left, err
}

// leftoverPrefix starts the ids of user's leftover transfers with address.
func leftoverPrefix(kind, user, address string) string {
	return kind + "/" + user + "/" + address + "/"
}

// leaveLocked moves min(user's balance, leftover) from user's account to
// LeftoverAccount inside tx, before the binding to address ends.
func (s *Store) leaveLocked(ctx context.Context, tx *sql.Tx, user, address string, leftover ledger.Micros) (ledger.Micros, error) {
	if leftover <= 0 {
		return 0, nil
	}
	if leftover > ledger.MaxAmount {
		return 0, fmt.Errorf("store: leftover %s out of range", leftover)
	}
	var bal int64
	err := tx.QueryRowContext(ctx, s.q(`SELECT balance FROM accounts WHERE id = ?`), ledger.UserAccount(user)).Scan(&bal)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	amount := min(ledger.Micros(bal), leftover)
	if amount <= 0 {
		return 0, nil
	}
	id := leftoverPrefix(KindLeftover, user, address) + strconv.FormatInt(s.ms(), 10)
	ok, err := s.transferLocked(ctx, tx, id, ledger.UserAccount(user), LeftoverAccount, amount, KindLeftover, "")
	if err != nil || !ok {
		return 0, err
	}
	if err := s.addBalanceLocked(ctx, tx, ledger.UserAccount(user), -int64(amount)); err != nil {
		return 0, err
	}
	if err := s.addBalanceLocked(ctx, tx, LeftoverAccount, int64(amount)); err != nil {
		return 0, err
	}
	// Replicas leasing the user's credit give back their unused slices.
	_, err = tx.ExecContext(ctx, s.q(`UPDATE credit_leases SET reclaim = 1 WHERE user_id = ?`), user)
	return amount, err
}

// returnLeftoverLocked moves back to user's account, inside tx, the credit
// user left behind with address and has not had back yet.
func (s *Store) returnLeftoverLocked(ctx context.Context, tx *sql.Tx, user, address string) (ledger.Micros, error) {
	sum := func(kind string) (int64, error) {
		p := leftoverPrefix(kind, user, address)
		var v int64
		err := tx.QueryRowContext(ctx, s.q(`SELECT COALESCE(SUM(amount), 0) FROM transfers WHERE kind = ? AND substr(id, 1, ?) = ?`),
			kind, len(p), p).Scan(&v)
		return v, err
	}
	left, err := sum(KindLeftover)
	if err != nil || left == 0 {
		return 0, err
	}
	back, err := sum(KindLeftoverBack)
	if err != nil {
		return 0, err
	}
	amount := ledger.Micros(left - back)
	if amount <= 0 {
		return 0, nil
	}
	id := leftoverPrefix(KindLeftoverBack, user, address) + strconv.FormatInt(s.ms(), 10)
	ok, err := s.transferLocked(ctx, tx, id, LeftoverAccount, ledger.UserAccount(user), amount, KindLeftoverBack, "")
	if err != nil || !ok {
		return 0, err
	}
	if err := s.addBalanceLocked(ctx, tx, LeftoverAccount, -int64(amount)); err != nil {
		return 0, err
	}
	return amount, s.addBalanceLocked(ctx, tx, ledger.UserAccount(user), int64(amount))
}
