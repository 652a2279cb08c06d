package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/gaianet-go/gaianet/domain/ledger"
)

// settlementReissueMigration is migration 12: each batch's generation
// (how many times a reorganisation reopened it, which names its outcome's
// postings), and the link between a partial batch and the batch its
// refused part was issued again in.
const settlementReissueMigration = `ALTER TABLE settlements ADD COLUMN generation BIGINT NOT NULL DEFAULT 0;
	ALTER TABLE settlements ADD COLUMN reissued_as TEXT NOT NULL DEFAULT '';
	ALTER TABLE settlements ADD COLUMN reissue_of TEXT NOT NULL DEFAULT ''`

// UnsettleKind is the kind of the transfers that reverse a batch's
// outcome postings when a reorganisation takes the batch off the chain.
const UnsettleKind = "unsettle"

// postingID is the id of the outcome posting base of a batch in
// generation gen (the first generation keeps the base).
func postingID(base string, gen int64) string {
	if gen == 0 {
		return base
	}
	return fmt.Sprintf("%s#%d", base, gen)
}

// isPostingOf reports whether transfer tid is one of batch id's outcome
// postings (RecordSettled) of generation gen.
func isPostingOf(tid, id string, gen int64) bool {
	base := tid
	if gen > 0 {
		var ok bool
		if base, ok = strings.CutSuffix(tid, fmt.Sprintf("#%d", gen)); !ok {
			return false
		}
	}
	if strings.Contains(base, "#") {
		return false
	}
	return base == "royalty/"+id || base == "shortfall/"+id || strings.HasPrefix(base, "shortfall/"+id+"/")
}

// ReopenSettlement marks batch id (settled or partial) pending again: a
// reorganisation took it off the chain, and it is sent again under the
// same id. In the same transaction it reverses the postings of its
// recorded outcome (kind UnsettleKind, once) and moves it to the next
// generation, so that recording it again posts the outcome the escrow
// gives it then, once. Reopening a batch that is not settled or partial
// changes nothing.
func (s *Store) ReopenSettlement(ctx context.Context, id string) error {
	_, err := s.once(ctx, "reopen settlement "+id, func(tx *sql.Tx) (bool, error) {
		var gen int64
		err := tx.QueryRowContext(ctx, s.q(`SELECT generation FROM settlements WHERE id = ? AND status IN (?, ?)`),
			id, SettlementSettled, SettlementPartial).Scan(&gen)
		if errors.Is(err, sql.ErrNoRows) {
			return false, nil
		}
		if err != nil {
			return false, err
		}
		res, err := tx.ExecContext(ctx, s.q(`UPDATE settlements SET status = ?, tx_hash = '', submitted_tx = '', settled_ms = 0, royalty = 0, uncovered = 0,
			generation = ? WHERE id = ? AND generation = ? AND status IN (?, ?)`),
			SettlementPending, gen+1, id, gen, SettlementSettled, SettlementPartial)
		if err != nil {
			return false, err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return false, nil
		}
		rows, err := tx.QueryContext(ctx, s.q(`SELECT id, debit, credit, amount FROM transfers WHERE kind IN ('royalty', 'shortfall') AND (id LIKE ? OR id LIKE ?)`),
			"royalty/"+id+"%", "shortfall/"+id+"%")
		if err != nil {
			return false, err
		}
		type posting struct {
			id, debit, credit string
			amount            int64
		}
		var posts []posting
		for rows.Next() {
			var p posting
			if err := rows.Scan(&p.id, &p.debit, &p.credit, &p.amount); err != nil {
				rows.Close()
				return false, err
			}
			if isPostingOf(p.id, id, gen) {
				posts = append(posts, p)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return false, err
		}
		for _, p := range posts {
			ok, err := s.transferLocked(ctx, tx, "unsettle/"+p.id, p.credit, p.debit, ledger.Micros(p.amount), UnsettleKind, "")
			if err != nil {
				return false, err
			}
			if ok {
				if err := s.addBalanceLocked(ctx, tx, p.credit, -p.amount); err != nil {
					return false, err
				}
				if err := s.addBalanceLocked(ctx, tx, p.debit, p.amount); err != nil {
					return false, err
				}
			}
		}
		return true, nil
	})
	return err
}

// ReissuePart records, once, that partial batch id's refused part is
// issued again as batch next (its ID, Escrow, Batch and Total; stored
// pending, with no requests of its own: they stay with id, whose other
// part settled). In one transaction it links the two (id's ReissuedAs,
// next's ReissueOf). A failed batch that itself issued a refused part
// again (it has no requests to release) is issued again whole the same
// way, and becomes SettlementReleased. Any other batch, or one issued
// again already, is an error. The caller makes sure the escrow can no
// longer settle what is issued again (unsettled and past its deadline),
// or it would be paid twice.
func (s *Store) ReissuePart(ctx context.Context, id string, next Settlement) error {
	if next.ID == "" || next.ID == id || next.Total <= 0 || next.Total > ledger.MaxAmount {
		return fmt.Errorf("store: reissue of settlement %s: a new batch id and a total in range are required", id)
	}
	done, err := s.once(ctx, "reissue settlement "+id, func(tx *sql.Tx) (bool, error) {
		res, err := tx.ExecContext(ctx, s.q(`UPDATE settlements SET reissued_as = ?, status = CASE WHEN status = ? THEN ? ELSE status END
			WHERE id = ? AND reissued_as = '' AND (status = ? OR (status = ? AND reissue_of <> ''))`),
			next.ID, SettlementFailed, SettlementReleased, id, SettlementPartial, SettlementFailed)
		if err != nil {
			return false, err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return false, err
		}
		_, err = tx.ExecContext(ctx, s.q(`INSERT INTO settlements (id, escrow, batch, total, requests, status, created_ms, reissue_of) VALUES (?, ?, ?, ?, 0, ?, ?, ?)`),
			next.ID, next.Escrow, next.Batch, int64(next.Total), SettlementPending, s.ms(), id)
		return err == nil, err
	})
	if err != nil || done {
		return err
	}
	var status, as string
	err = s.db.QueryRowContext(ctx, s.q(`SELECT status, reissued_as FROM settlements WHERE id = ?`), id).Scan(&status, &as)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("%w: settlement %s", ErrNotFound, id)
	case err != nil:
		return fmt.Errorf("store: reissue of settlement %s: %w", id, err)
	case as != "":
		return fmt.Errorf("store: settlement %s: its refused part was issued again already, as batch %s", id, as)
	}
	return fmt.Errorf("store: settlement %s is %s, not partial (nor a failed re-issue): nothing to issue again", id, status)
}
