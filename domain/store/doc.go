// Package store owns the domain's durable state in SQL: admitted nodes and
// their health, join nonces, users and their hashed API keys, and the
// double-entry ledger (accounts, transfers, posted requests). Everything a
// domain decides on (admission, balances, charges) lives here rather than in
// memory, so several domain replicas on one PostgreSQL agree.
//
// One Store talks to either SQLite (modernc.org/sqlite, pure Go: a file in
// the domain's directory, the default) or PostgreSQL (pgx, when the storage
// setting is a postgres:// DSN). Queries and migrations are written once in
// the SQL both understand: "?" placeholders rewritten to "$n" for
// PostgreSQL, "ON CONFLICT" upserts, BIGINT millisecond times, and one
// per-dialect type for the transfer sequence column.
//
// It must not import domain, node or engine.
package store
