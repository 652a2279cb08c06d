package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
	_ "modernc.org/sqlite"             // registers the "sqlite" database/sql driver
)

// DefaultSQLite is the SQLite file a domain uses when its storage setting
// is empty, relative to the domain's directory.
const DefaultSQLite = "domain.db"

type dialect int

const (
	sqlite dialect = iota
	postgres
)

// Store is the domain's database. It is safe for concurrent use, and
// several processes (CLI commands, domain replicas) may open the same
// database at once.
type Store struct {
	db *sql.DB
	d  dialect
	// now is the clock; tests replace it.
	now func() time.Time
	// Prepared once: the statements of every deposit.
	insertTransfer, addBalance *sql.Stmt
}

// IsDSN reports whether storage names a PostgreSQL database rather than a
// SQLite file.
func IsDSN(storage string) bool {
	return strings.HasPrefix(storage, "postgres://") || strings.HasPrefix(storage, "postgresql://")
}

// Open opens (creating and migrating if needed) the database that storage
// names: a postgres:// DSN, or a SQLite file path resolved against base
// ("" means DefaultSQLite).
func Open(ctx context.Context, storage, base string) (*Store, error) {
	s := &Store{now: time.Now}
	var err error
	if IsDSN(storage) {
		s.d = postgres
		s.db, err = sql.Open("pgx", storage)
		if err == nil {
			s.db.SetMaxOpenConns(16)
		}
	} else {
		p := storage
		if p == "" {
			p = DefaultSQLite
		}
		if !filepath.IsAbs(p) {
			p = filepath.Join(base, p)
		}
		q := url.Values{}
		q.Add("_pragma", "busy_timeout(10000)")
		q.Add("_pragma", "journal_mode(WAL)")
		// WAL with synchronous NORMAL: a commit survives the process
		// being killed (kill -9), not a power cut in the last moments.
		q.Add("_pragma", "synchronous(NORMAL)")
		q.Add("_pragma", "foreign_keys(1)")
		q.Set("_txlock", "immediate")
		s.db, err = sql.Open("sqlite", "file:"+p+"?"+q.Encode())
		if err == nil {
			// One writer at a time is SQLite's model; a small pool
			// serves concurrent reads under WAL.
			s.db.SetMaxOpenConns(4)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("store: open: %w", err)
	}
	if err := s.migrate(ctx); err != nil {
		s.db.Close()
		return nil, err
	}
	for _, p := range []struct {
		stmt  **sql.Stmt
		query string
	}{
		{&s.insertTransfer, `INSERT INTO transfers (id, debit, credit, amount, kind, request_id, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO NOTHING`},
		{&s.addBalance, `INSERT INTO accounts (id, balance) VALUES (?, ?)
			ON CONFLICT (id) DO UPDATE SET balance = accounts.balance + excluded.balance`},
	} {
		if *p.stmt, err = s.db.PrepareContext(ctx, s.q(p.query)); err != nil {
			s.db.Close()
			return nil, fmt.Errorf("store: prepare: %w", err)
		}
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Dialect names the database kind: "sqlite" or "postgres".
func (s *Store) Dialect() string {
	if s.d == postgres {
		return "postgres"
	}
	return "sqlite"
}

// q rewrites "?" placeholders to "$n" for PostgreSQL. Queries never hold
// a literal "?".
func (s *Store) q(query string) string {
	if s.d != postgres {
		return query
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(query); i++ {
		if query[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(query[i])
	}
	return b.String()
}

func (s *Store) ms() int64 { return s.now().UnixMilli() }

func (s *Store) migrate(ctx context.Context) error {
	seq := "INTEGER PRIMARY KEY AUTOINCREMENT"
	if s.d == postgres {
		seq = "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	defer tx.Rollback()
	if s.d == postgres {
		// Replicas starting together take turns.
		if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock(7305911)"); err != nil {
			return fmt.Errorf("store: migrate: lock: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied_ms BIGINT NOT NULL)`); err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	var have int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&have); err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	if have > len(migrations) {
		return fmt.Errorf("store: the database is at schema version %d, newer than this program's %d", have, len(migrations))
	}
	for v := have + 1; v <= len(migrations); v++ {
		for _, stmt := range strings.Split(strings.ReplaceAll(migrations[v-1], "{{seq}}", seq), ";") {
			if strings.TrimSpace(stmt) == "" {
				continue
			}
			if _, err := tx.ExecContext(ctx, stmt); err != nil {
				return fmt.Errorf("store: migration %d: %w", v, err)
			}
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO schema_migrations (version, applied_ms) VALUES (?, ?)`), v, s.ms()); err != nil {
			return fmt.Errorf("store: migration %d: %w", v, err)
		}
	}
	return tx.Commit()
}

// ErrNotFound means the node, user or key asked for does not exist.
var ErrNotFound = errors.New("store: not found")
