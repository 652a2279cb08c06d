package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// ErrRevoked means a revoked key cannot be rotated.
var ErrRevoked = errors.New("store: key revoked")

// Key is one of a user's API keys; the secret itself is never stored.
// A key works until Revoked (zero: until revoked); a rotated key may work
// a little longer (its grace period).
type Key struct {
	ID      string     `json:"id"`
	User    string     `json:"user"`
	Name    string     `json:"name"`
	Created time.Time  `json:"created"`
	Revoked *time.Time `json:"revoked,omitempty"`
	Hash    string     `json:"-"`
}

// Active reports whether k still authenticates at now.
func (k Key) Active(now time.Time) bool { return k.Revoked == nil || now.Before(*k.Revoked) }

// insertKeyFor inserts a new key of user through ex (the database or a
// transaction) and returns it with its secret.
func (s *Store) insertKeyFor(ctx context.Context, ex interface {
	ExecContext(context.Context, string, ...any) (sql.Result, error)
}, user, name string) (Key, string, error) {
	return s.insertKeySecret(ctx, ex, user, name, KeyPrefix+randomHex(32))
}

func (s *Store) insertKeySecret(ctx context.Context, ex interface {
	ExecContext(context.Context, string, ...any) (sql.Result, error)
}, user, name, secret string) (Key, string, error) {
	k := Key{ID: "k_" + randomHex(8), User: user, Name: name, Created: time.UnixMilli(s.ms()).UTC(), Hash: HashKey(secret)}
	_, err := ex.ExecContext(ctx, s.q(`INSERT INTO api_keys (id, user_id, key_hash, name, created_ms) VALUES (?, ?, ?, ?, ?)`),
		k.ID, k.User, k.Hash, k.Name, k.Created.UnixMilli())
	if err != nil {
		return Key{}, "", err
	}
	return k, secret, nil
}

// AddKey issues a new API key for user and returns it with its secret,
// shown once.
func (s *Store) AddKey(ctx context.Context, user, name string) (Key, string, error) {
	if _, err := s.user(ctx, user); err != nil {
		return Key{}, "", err
	}
	k, secret, err := s.insertKeyFor(ctx, s.db, user, name)
	if err != nil {
		return Key{}, "", fmt.Errorf("store: add key: %w", err)
	}
	return k, secret, nil
}

// Keys lists the API keys of user ("" for every user), oldest first.
func (s *Store) Keys(ctx context.Context, user string) ([]Key, error) {
	q := `SELECT id, user_id, name, created_ms, revoked_ms, key_hash FROM api_keys`
	args := []any{}
	if user != "" {
		q += ` WHERE user_id = ?`
		args = append(args, user)
	}
	rows, err := s.db.QueryContext(ctx, s.q(q+` ORDER BY created_ms, id`), args...)
	if err != nil {
		return nil, fmt.Errorf("store: keys: %w", err)
	}
	defer rows.Close()
	out := []Key{}
	for rows.Next() {
		k, err := scanKey(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

func scanKey(row interface{ Scan(...any) error }) (Key, error) {
	var k Key
	var created, revoked int64
	if err := row.Scan(&k.ID, &k.User, &k.Name, &created, &revoked, &k.Hash); err != nil {
		return Key{}, err
	}
	k.Created = time.UnixMilli(created).UTC()
	if revoked != 0 {
		t := time.UnixMilli(revoked).UTC()
		k.Revoked = &t
	}
	return k, nil
}

// KeyByID returns the key with id, or ErrNotFound.
func (s *Store) KeyByID(ctx context.Context, id string) (Key, error) {
	k, err := scanKey(s.db.QueryRowContext(ctx, s.q(`SELECT id, user_id, name, created_ms, revoked_ms, key_hash FROM api_keys WHERE id = ?`), id))
	if errors.Is(err, sql.ErrNoRows) {
		return Key{}, fmt.Errorf("%w: key %s", ErrNotFound, id)
	}
	if err != nil {
		return Key{}, fmt.Errorf("store: key %s: %w", id, err)
	}
	return k, nil
}

// RevokeKey stops the key with id from authenticating after grace (0: at
// once). Revoking a revoked key only brings its end closer.
func (s *Store) RevokeKey(ctx context.Context, id string, grace time.Duration) (Key, error) {
	if grace < 0 {
		return Key{}, fmt.Errorf("store: revoke key %s: negative grace period", id)
	}
	end := s.ms() + grace.Milliseconds()
	res, err := s.db.ExecContext(ctx, s.q(`UPDATE api_keys SET revoked_ms = ? WHERE id = ? AND (revoked_ms = 0 OR revoked_ms > ?)`), end, id, end)
	if err != nil {
		return Key{}, fmt.Errorf("store: revoke key %s: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		if _, err := s.KeyByID(ctx, id); err != nil {
			return Key{}, err
		}
	}
	return s.KeyByID(ctx, id)
}

// RotateKey issues a new key for the owner of the key with id and revokes
// the old one after grace, in one transaction; it returns the new key and
// its secret.
func (s *Store) RotateKey(ctx context.Context, id string, grace time.Duration) (Key, string, error) {
	if grace < 0 {
		return Key{}, "", fmt.Errorf("store: rotate key %s: negative grace period", id)
	}
	old, err := s.KeyByID(ctx, id)
	if err != nil {
		return Key{}, "", err
	}
	if !old.Active(time.UnixMilli(s.ms())) {
		return Key{}, "", fmt.Errorf("%w: key %s; create a new one instead", ErrRevoked, id)
	}
	var k Key
	var secret string
	_, err = s.once(ctx, "rotate key "+id, func(tx *sql.Tx) (bool, error) {
		end := s.ms() + grace.Milliseconds()
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE api_keys SET revoked_ms = ? WHERE id = ? AND (revoked_ms = 0 OR revoked_ms > ?)`), end, id, end); err != nil {
			return false, err
		}
		name := old.Name
		if name == "" || name == "first" {
			name = "rotated"
		}
		k, secret, err = s.insertKeyFor(ctx, tx, old.User, name)
		return err == nil, err
	})
	if err != nil {
		return Key{}, "", err
	}
	return k, secret, nil
}

// UserByKeyHash returns the user owning the active key with hash (as
// HashKey makes it), or ErrNotFound.
func (s *Store) UserByKeyHash(ctx context.Context, hash string) (User, error) {
	var u User
	var created int64
	err := s.db.QueryRowContext(ctx, s.q(`SELECT u.id, u.name, u.created_ms FROM api_keys k JOIN users u ON u.id = k.user_id
		WHERE k.key_hash = ? AND (k.revoked_ms = 0 OR k.revoked_ms > ?)`), hash, s.ms()).Scan(&u.ID, &u.Name, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return User{}, fmt.Errorf("%w: API key", ErrNotFound)
	}
	if err != nil {
		return User{}, fmt.Errorf("store: user by key: %w", err)
	}
	u.Created = time.UnixMilli(created).UTC()
	return u, nil
}

// user returns the user with id, or ErrNotFound.
func (s *Store) user(ctx context.Context, id string) (User, error) {
	var u User
	var created int64
	err := s.db.QueryRowContext(ctx, s.q(`SELECT id, name, created_ms FROM users WHERE id = ?`), id).Scan(&u.ID, &u.Name, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return User{}, fmt.Errorf("%w: user %s", ErrNotFound, id)
	}
	if err != nil {
		return User{}, fmt.Errorf("store: user %s: %w", id, err)
	}
	u.Created = time.UnixMilli(created).UTC()
	return u, nil
}
