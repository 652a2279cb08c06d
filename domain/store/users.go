package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/gaianet-go/gaianet/domain/ledger"
)

// KeyPrefix starts every user API key the domain issues.
const KeyPrefix = "gd-"

// User is a domain user; the API key itself is never stored.
type User struct {
	ID      string    `json:"id"`
	Name    string    `json:"name"`
	Created time.Time `json:"created"`
}

// HashKey is how API keys are stored and looked up: SHA-256 in hex. Keys
// are 256 random bits, so a fast hash is enough (nothing to brute-force).
func HashKey(key string) string {
	h := sha256.Sum256([]byte(key))
	return hex.EncodeToString(h[:])
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// AddUser creates a user and returns it with a new API key, shown once.
func (s *Store) AddUser(ctx context.Context, name string) (User, string, error) {
	if name == "" {
		return User{}, "", errors.New("store: a user needs a name")
	}
	u := User{ID: "u_" + randomHex(8), Name: name, Created: time.UnixMilli(s.ms()).UTC()}
	key := KeyPrefix + randomHex(32)
	if _, err := s.db.ExecContext(ctx, s.q(`INSERT INTO users (id, name, key_hash, created_ms) VALUES (?, ?, ?, ?)`),
		u.ID, u.Name, HashKey(key), u.Created.UnixMilli()); err != nil {
		return User{}, "", fmt.Errorf("store: add user: %w", err)
	}
	return u, key, nil
}

// UserByKey returns the user whose API key is key, or ErrNotFound.
func (s *Store) UserByKey(ctx context.Context, key string) (User, error) {
	var u User
	var created int64
	err := s.db.QueryRowContext(ctx, s.q(`SELECT id, name, created_ms FROM users WHERE key_hash = ?`), HashKey(key)).Scan(&u.ID, &u.Name, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return User{}, fmt.Errorf("%w: API key", ErrNotFound)
	}
	if err != nil {
		return User{}, fmt.Errorf("store: user by key: %w", err)
	}
	u.Created = time.UnixMilli(created).UTC()
	return u, nil
}

// Users lists every user, oldest first.
func (s *Store) Users(ctx context.Context) ([]User, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, created_ms FROM users ORDER BY created_ms, id`)
	if err != nil {
		return nil, fmt.Errorf("store: users: %w", err)
	}
	defer rows.Close()
	out := []User{}
	for rows.Next() {
		var u User
		var created int64
		if err := rows.Scan(&u.ID, &u.Name, &created); err != nil {
			return nil, err
		}
		u.Created = time.UnixMilli(created).UTC()
		out = append(out, u)
	}
	return out, rows.Err()
}

// UserByKeyWithBalance returns the user whose API key is key and the
// balance of their account (ledger.UserAccount, spelled out in the SQL),
// in one query; ErrNotFound for an unknown key.
func (s *Store) UserByKeyWithBalance(ctx context.Context, key string) (User, ledger.Micros, error) {
	var u User
	var created, bal int64
	err := s.db.QueryRowContext(ctx, s.q(`SELECT u.id, u.name, u.created_ms, COALESCE(a.balance, 0)
		FROM users u LEFT JOIN accounts a ON a.id = 'user:' || u.id WHERE u.key_hash = ?`), HashKey(key)).Scan(&u.ID, &u.Name, &created, &bal)
	if errors.Is(err, sql.ErrNoRows) {
		return User{}, 0, fmt.Errorf("%w: API key", ErrNotFound)
	}
	if err != nil {
		return User{}, 0, fmt.Errorf("store: user by key: %w", err)
	}
	u.Created = time.UnixMilli(created).UTC()
	return u, ledger.Micros(bal), nil
}
