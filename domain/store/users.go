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

// AddUser creates a user and returns it with its first API key, shown
// once.
func (s *Store) AddUser(ctx context.Context, name string) (User, string, error) {
	if name == "" {
		return User{}, "", errors.New("store: a user needs a name")
	}
	u := User{ID: "u_" + randomHex(8), Name: name, Created: time.UnixMilli(s.ms()).UTC()}
	secret := KeyPrefix + randomHex(32)
	_, err := s.once(ctx, "add user", func(tx *sql.Tx) (bool, error) {
		// users.key_hash, kept from the first schema, holds the first
		// key's hash; lookups go through api_keys.
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO users (id, name, key_hash, created_ms) VALUES (?, ?, ?, ?)`),
			u.ID, u.Name, HashKey(secret), u.Created.UnixMilli()); err != nil {
			return false, err
		}
		_, _, err := s.insertKeySecret(ctx, tx, u.ID, "first", secret)
		return err == nil, err
	})
	if err != nil {
		return User{}, "", err
	}
	return u, secret, nil
}

// UserByKey returns the user whose active API key is key, or ErrNotFound.
func (s *Store) UserByKey(ctx context.Context, key string) (User, error) {
	return s.UserByKeyHash(ctx, HashKey(key))
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
