package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Replica is a running gateway sharing this database, and the URL the
// others reach it at.
type Replica struct {
	Name string    `json:"name"`
	URL  string    `json:"url"`
	Seen time.Time `json:"seen"`
}

// SeeReplica records that replica name is alive at url now.
func (s *Store) SeeReplica(ctx context.Context, name, url string) error {
	_, err := s.db.ExecContext(ctx, s.q(`INSERT INTO replicas (name, url, seen_ms) VALUES (?, ?, ?)
		ON CONFLICT (name) DO UPDATE SET url = excluded.url, seen_ms = excluded.seen_ms`), name, url, s.ms())
	if err != nil {
		return fmt.Errorf("store: replica %s: %w", name, err)
	}
	return nil
}

// ForgetReplica removes replica name (it is shutting down).
func (s *Store) ForgetReplica(ctx context.Context, name string) error {
	if _, err := s.db.ExecContext(ctx, s.q(`DELETE FROM replicas WHERE name = ?`), name); err != nil {
		return fmt.Errorf("store: replica %s: %w", name, err)
	}
	return nil
}

// ReplicaByName returns replica name, or ErrNotFound.
func (s *Store) ReplicaByName(ctx context.Context, name string) (Replica, error) {
	var r Replica
	var seen int64
	err := s.db.QueryRowContext(ctx, s.q(`SELECT name, url, seen_ms FROM replicas WHERE name = ?`), name).Scan(&r.Name, &r.URL, &seen)
	if errors.Is(err, sql.ErrNoRows) {
		return Replica{}, fmt.Errorf("%w: replica %s", ErrNotFound, name)
	}
	if err != nil {
		return Replica{}, fmt.Errorf("store: replica %s: %w", name, err)
	}
	r.Seen = time.UnixMilli(seen).UTC()
	return r, nil
}
