// Package journal owns the domain's local charge journal: an append-only
// file where each priced request is written before its answer's last
// bytes go to the user, then drained in batches into the ledger database.
//
// An Append returns once the record is in the file (write(2) done), so the
// charge survives the gateway being killed (kill -9) right after; the
// answer never waits for a database commit. A drainer posts waiting
// records in one transaction per batch; posting is idempotent by request
// id, so replaying a journal after a crash (Open does it for every journal
// left in the directory by a dead process) bills each request exactly once.
// Like SQLite with synchronous=NORMAL, the records reach the page cache,
// not the disk: a power cut may lose the last moments.
//
// Each process journals in its own subdirectory, locked while it runs
// (internal/filelock), so replicas sharing a directory recover each
// other's journals only once the owner is dead.
//
// It imports only domain/ledger and internal/filelock from this module.
package journal
