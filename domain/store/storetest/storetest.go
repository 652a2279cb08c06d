package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	"github.com/gaianet-go/gaianet/domain/store"
	"github.com/gaianet-go/gaianet/internal/sharedtest"
)

// PostgresEnv names the environment variable holding the test DSN.
const PostgresEnv = "GAIANET_TEST_POSTGRES"

// PostgresDSN returns the test server's DSN, or "" when there is none and
// the test is not running under CI.
func PostgresDSN(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv(PostgresEnv)
	if dsn == "" && sharedtest.Required() {
		t.Fatalf("under CI but %s is not set: .ci/run starts PostgreSQL and sets it", PostgresEnv)
	}
	return dsn
}

// Storages returns the storage settings to test, by name: "sqlite" (a file
// in a temporary directory) and "postgres" (a database of its own on the
// test server, dropped when the test ends) when PostgresDSN has one.
func Storages(t testing.TB) map[string]string {
	t.Helper()
	out := map[string]string{"sqlite": ""}
	if dsn := PostgresDSN(t); dsn != "" {
		out["postgres"] = NewPostgresDB(t, dsn)
	}
	return out
}

// NewPostgresDB creates an empty database on the server of dsn and returns
// its DSN; the database is dropped when the test ends.
func NewPostgresDB(t testing.TB, dsn string) string {
	t.Helper()
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatalf("%s: %v", PostgresEnv, err)
	}
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 6)
	rand.Read(b)
	name := "gaianet_test_" + hex.EncodeToString(b)
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		admin.Close()
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
		admin.Close()
	})
	u.Path = "/" + name
	return u.String()
}

// Open opens storage for a test, closing it when the test ends.
func Open(t testing.TB, storage string) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), storage, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
