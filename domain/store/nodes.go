package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Admission states of a node, kept in nodes.status.
const (
	StatusPending  = "pending"  // waiting for the operator's approval
	StatusAdmitted = "admitted" // may serve
	StatusEvicted  = "evicted"  // removed by the operator or by checks; refused
)

// Health states the replica holding a node's tunnel records.
const (
	Healthy   = "healthy"
	Unhealthy = "unhealthy"
)

// Node is a node the domain knows.
type Node struct {
	Address   string    `json:"address"`
	Status    string    `json:"status"`
	Health    string    `json:"health"`
	Replica   string    `json:"replica"`
	Models    []string  `json:"models"`
	Wallet    string    `json:"wallet,omitempty"`
	FirstSeen time.Time `json:"first_seen"`
	LastSeen  time.Time `json:"last_seen"`
}

const nodeColumns = `address, status, health, replica, models, first_seen_ms, last_seen_ms, wallet`

func scanNode(row interface{ Scan(...any) error }) (Node, error) {
	var n Node
	var models string
	var first, last int64
	if err := row.Scan(&n.Address, &n.Status, &n.Health, &n.Replica, &models, &first, &last, &n.Wallet); err != nil {
		return Node{}, err
	}
	if err := json.Unmarshal([]byte(models), &n.Models); err != nil {
		return Node{}, fmt.Errorf("store: node %s: models: %w", n.Address, err)
	}
	n.FirstSeen, n.LastSeen = time.UnixMilli(first).UTC(), time.UnixMilli(last).UTC()
	return n, nil
}

// NodeByAddress returns the node with address, or ErrNotFound.
func (s *Store) NodeByAddress(ctx context.Context, address string) (Node, error) {
	n, err := scanNode(s.db.QueryRowContext(ctx, s.q(`SELECT `+nodeColumns+` FROM nodes WHERE address = ?`), address))
	if errors.Is(err, sql.ErrNoRows) {
		return Node{}, fmt.Errorf("%w: node %s", ErrNotFound, address)
	}
	if err != nil {
		return Node{}, fmt.Errorf("store: node %s: %w", address, err)
	}
	return n, nil
}

// Nodes lists every node, by address.
func (s *Store) Nodes(ctx context.Context) ([]Node, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+nodeColumns+` FROM nodes ORDER BY address`)
	if err != nil {
		return nil, fmt.Errorf("store: nodes: %w", err)
	}
	defer rows.Close()
	out := []Node{}
	for rows.Next() {
		n, err := scanNode(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// AddNode records a node first seen with status, unless it is already
// known; it returns the node as stored (an existing node keeps its status).
func (s *Store) AddNode(ctx context.Context, address, status string) (Node, error) {
	now := s.ms()
	if _, err := s.db.ExecContext(ctx, s.q(`INSERT INTO nodes (address, status, first_seen_ms, last_seen_ms) VALUES (?, ?, ?, ?)
		ON CONFLICT (address) DO NOTHING`), address, status, now, now); err != nil {
		return Node{}, fmt.Errorf("store: add node %s: %w", address, err)
	}
	return s.NodeByAddress(ctx, address)
}

// SetNodeStatus changes a known node's admission status (approve, evict).
func (s *Store) SetNodeStatus(ctx context.Context, address, status string) error {
	switch status {
	case StatusPending, StatusAdmitted, StatusEvicted:
	default:
		return fmt.Errorf("store: unknown node status %q", status)
	}
	res, err := s.db.ExecContext(ctx, s.q(`UPDATE nodes SET status = ? WHERE address = ?`), status, address)
	if err != nil {
		return fmt.Errorf("store: set node %s %s: %w", address, status, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("%w: node %s", ErrNotFound, address)
	}
	return nil
}

// SetNodeWallet records the wallet a node's earnings go to ("" for the
// node's own address). The caller has checked the node's binding signature.
func (s *Store) SetNodeWallet(ctx context.Context, address, wallet string) error {
	if _, err := s.db.ExecContext(ctx, s.q(`UPDATE nodes SET wallet = ? WHERE address = ?`), wallet, address); err != nil {
		return fmt.Errorf("store: node %s wallet: %w", address, err)
	}
	return nil
}

// SetNodeHealth records what the replica holding the node's tunnel saw.
func (s *Store) SetNodeHealth(ctx context.Context, address, health, replica string, models []string) error {
	if models == nil {
		models = []string{}
	}
	m, _ := json.Marshal(models)
	_, err := s.db.ExecContext(ctx, s.q(`UPDATE nodes SET health = ?, replica = ?, models = ?, last_seen_ms = ? WHERE address = ?`),
		health, replica, string(m), s.ms(), address)
	if err != nil {
		return fmt.Errorf("store: node %s health: %w", address, err)
	}
	return nil
}

// MaxNonces bounds the join challenges outstanding at once, so anonymous
// challenge requests cannot grow the table without end.
const MaxNonces = 10_000

// ErrTooManyNonces means MaxNonces challenges are outstanding.
var ErrTooManyNonces = errors.New("store: too many outstanding join challenges")

// IssueNonce records a join challenge nonce valid until expires. It fails
// with ErrTooManyNonces when MaxNonces unexpired ones are outstanding.
func (s *Store) IssueNonce(ctx context.Context, nonce string, expires time.Time) error {
	now := s.ms()
	if _, err := s.db.ExecContext(ctx, s.q(`DELETE FROM nonces WHERE expires_ms < ?`), now); err != nil {
		return fmt.Errorf("store: purge nonces: %w", err)
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM nonces`).Scan(&n); err != nil {
		return fmt.Errorf("store: count nonces: %w", err)
	}
	if n >= MaxNonces {
		return ErrTooManyNonces
	}
	if _, err := s.db.ExecContext(ctx, s.q(`INSERT INTO nonces (nonce, expires_ms) VALUES (?, ?)`), nonce, expires.UnixMilli()); err != nil {
		return fmt.Errorf("store: issue nonce: %w", err)
	}
	return nil
}

// ConsumeNonce deletes nonce and returns its expiry and whether it existed
// and had not expired: true exactly once per issued nonce, on any replica.
func (s *Store) ConsumeNonce(ctx context.Context, nonce string) (time.Time, bool, error) {
	var exp int64
	err := s.db.QueryRowContext(ctx, s.q(`DELETE FROM nonces WHERE nonce = ? RETURNING expires_ms`), nonce).Scan(&exp)
	if errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, false, nil
	}
	if err != nil {
		return time.Time{}, false, fmt.Errorf("store: consume nonce: %w", err)
	}
	return time.UnixMilli(exp), exp >= s.ms(), nil
}
