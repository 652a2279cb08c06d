package store

import (
	"context"
	"errors"
	"testing"
)

// TestComponentSetCollision: a set whose id is stored with other contents
// (what a collision of the 63-bit ids would look like) is refused, not
// mixed up with the other.
func TestComponentSetCollision(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, "", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	set := []string{"aa"}
	if _, err := s.db.ExecContext(ctx, `INSERT INTO component_sets (id, hashes, created_ms) VALUES (?, '["bb"]', 0)`, ComponentSetID(set)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddComponentSet(ctx, set); !errors.Is(err, ErrSetCollision) {
		t.Fatalf("a colliding set: %v", err)
	}
}

// TestMigration11KeepsRequests: requests recorded before migration 11 get
// component set 0 (counted under their node's last verified components).
func TestMigration11KeepsRequests(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	all := migrations
	migrations = all[:10]
	s, err := Open(ctx, "", dir)
	migrations = all
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, `INSERT INTO requests (id, user_id, node, model, input_tokens, output_tokens, amount, created_ms) VALUES ('old', 'u', '0x1', 'm', 1, 1, 5, 1)`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err = Open(ctx, "", dir); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var set int64
	if err := s.db.QueryRowContext(ctx, `SELECT component_set FROM requests WHERE id = 'old'`).Scan(&set); err != nil || set != 0 {
		t.Fatalf("old request's set %d, %v", set, err)
	}
}
