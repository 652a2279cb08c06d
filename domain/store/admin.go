package store

import (
	"context"
	"database/sql"
	"fmt"
)

// Admin keys guard the operator API. The database keeps their SHA-256
// (HashKey), so every replica honours the same key and a rotation on one
// revokes the old key on all of them.

// SeedAdminKey makes key the admin key when the database has none yet (a
// domain's first start, or one created before admin keys were stored):
// the key in the domain's admin.key file. It returns whether it did.
func (s *Store) SeedAdminKey(ctx context.Context, key string) (bool, error) {
	return s.once(ctx, "seed admin key", func(tx *sql.Tx) (bool, error) {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM admin_keys`).Scan(&n); err != nil {
			return false, err
		}
		if n > 0 {
			return false, nil
		}
		_, err := tx.ExecContext(ctx, s.q(`INSERT INTO admin_keys (hash, created_ms) VALUES (?, ?)`), HashKey(key), s.ms())
		return err == nil, err
	})
}

// RotateAdminKey revokes every admin key and makes key the only one.
func (s *Store) RotateAdminKey(ctx context.Context, key string) error {
	_, err := s.once(ctx, "rotate admin key", func(tx *sql.Tx) (bool, error) {
		now := s.ms()
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE admin_keys SET revoked_ms = ? WHERE revoked_ms = 0`), now); err != nil {
			return false, err
		}
		_, err := tx.ExecContext(ctx, s.q(`INSERT INTO admin_keys (hash, created_ms) VALUES (?, ?)`), HashKey(key), now)
		return err == nil, err
	})
	return err
}

// AdminKeyHashes returns the hashes of the admin keys in force.
func (s *Store) AdminKeyHashes(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT hash FROM admin_keys WHERE revoked_ms = 0 ORDER BY created_ms`)
	if err != nil {
		return nil, fmt.Errorf("store: admin keys: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var h string
		if err := rows.Scan(&h); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, rows.Err()
}
