package store

import (
	"context"
	"time"
)

// SetClock replaces s's clock (tests only).
func SetClock(s *Store, now func() time.Time) { s.now = now }

// FillBindingNonces inserts n binding nonces of user "filler-I" (one user
// per nonce) valid until expires, in one statement (tests only).
func FillBindingNonces(ctx context.Context, s *Store, n int, expires time.Time) error {
	_, err := s.db.ExecContext(ctx, s.q(`WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ?)
		INSERT INTO binding_nonces (nonce, user_id, expires_ms) SELECT 'bind-fill-' || i, 'filler-' || i, ? FROM seq`), n, expires.UnixMilli())
	return err
}
