package store

// migrations are applied in order, each once, in one transaction with the
// schema_migrations row that records it. Never edit a released migration;
// add a new one. "{{seq}}" is the only per-dialect text: an auto-increment
// primary key column.
var migrations = []string{
	// 1: nodes, join nonces, users, ledger.
	`CREATE TABLE nodes (
		address TEXT PRIMARY KEY,
		status TEXT NOT NULL,
		health TEXT NOT NULL DEFAULT 'unhealthy',
		replica TEXT NOT NULL DEFAULT '',
		models TEXT NOT NULL DEFAULT '[]',
		first_seen_ms BIGINT NOT NULL,
		last_seen_ms BIGINT NOT NULL
	);
	CREATE TABLE nonces (
		nonce TEXT PRIMARY KEY,
		expires_ms BIGINT NOT NULL
	);
	CREATE TABLE users (
		id TEXT PRIMARY KEY,
		name TEXT NOT NULL,
		key_hash TEXT NOT NULL UNIQUE,
		created_ms BIGINT NOT NULL
	);
	CREATE TABLE accounts (
		id TEXT PRIMARY KEY,
		balance BIGINT NOT NULL
	);
	CREATE TABLE transfers (
		seq {{seq}},
		id TEXT NOT NULL UNIQUE,
		debit TEXT NOT NULL,
		credit TEXT NOT NULL,
		amount BIGINT NOT NULL,
		kind TEXT NOT NULL,
		request_id TEXT NOT NULL DEFAULT '',
		created_ms BIGINT NOT NULL
	);
	CREATE INDEX transfers_credit ON transfers (credit);
	CREATE TABLE requests (
		id TEXT PRIMARY KEY,
		user_id TEXT NOT NULL,
		node TEXT NOT NULL,
		model TEXT NOT NULL,
		input_tokens BIGINT NOT NULL,
		output_tokens BIGINT NOT NULL,
		amount BIGINT NOT NULL,
		created_ms BIGINT NOT NULL
	)`,
	// 2: indexes for the consistency check and per-request lookups.
	`CREATE INDEX transfers_debit ON transfers (debit);
	CREATE INDEX transfers_request ON transfers (request_id)`,
	// 3: the wallet a node's earnings are paid to (its own address if none).
	`ALTER TABLE nodes ADD COLUMN wallet TEXT NOT NULL DEFAULT ''`,
	// 4: several API keys per user, each revocable (rotation). Lookups use
	// api_keys only; users.key_hash keeps the first key's hash.
	`CREATE TABLE api_keys (
		id TEXT PRIMARY KEY,
		user_id TEXT NOT NULL REFERENCES users (id),
		key_hash TEXT NOT NULL UNIQUE,
		name TEXT NOT NULL DEFAULT '',
		created_ms BIGINT NOT NULL,
		revoked_ms BIGINT NOT NULL DEFAULT 0
	);
	CREATE INDEX api_keys_user ON api_keys (user_id);
	INSERT INTO api_keys (id, user_id, key_hash, name, created_ms) SELECT 'k_' || id, id, key_hash, 'first', created_ms FROM users`,
	// 5: evidence from replay verification: a node's signed answer that
	// another node, replaying the request with the same seed, contradicted.
	`CREATE TABLE evidence (
		seq {{seq}},
		node TEXT NOT NULL,
		verdict TEXT NOT NULL,
		request_id TEXT NOT NULL,
		model TEXT NOT NULL,
		request_sha256 TEXT NOT NULL,
		seed TEXT NOT NULL,
		output_sha256 TEXT NOT NULL,
		signature TEXT NOT NULL,
		witness TEXT NOT NULL,
		witness_output_sha256 TEXT NOT NULL,
		witness_signature TEXT NOT NULL,
		created_ms BIGINT NOT NULL
	);
	CREATE INDEX evidence_node ON evidence (node)`,
	// 6: replicas and where the others reach them (for requests pinned to
	// a node whose tunnel another replica holds); requests by time (the
	// dashboard's charts).
	`CREATE TABLE replicas (
		name TEXT PRIMARY KEY,
		url TEXT NOT NULL,
		seen_ms BIGINT NOT NULL
	);
	CREATE INDEX requests_created ON requests (created_ms)`,
	// 7: credit leases (each replica's share of a user's credit, so that
	// replicas together never spend past the balance) and admin keys
	// (hashed; rotation revokes the old one on every replica).
	`CREATE TABLE credit_leases (
		user_id TEXT NOT NULL,
		replica TEXT NOT NULL,
		amount BIGINT NOT NULL,
		used BIGINT NOT NULL,
		reclaim INTEGER NOT NULL DEFAULT 0,
		expires_ms BIGINT NOT NULL,
		PRIMARY KEY (user_id, replica)
	);
	CREATE INDEX credit_leases_replica ON credit_leases (replica, reclaim);
	CREATE TABLE admin_keys (
		hash TEXT PRIMARY KEY,
		created_ms BIGINT NOT NULL,
		revoked_ms BIGINT NOT NULL DEFAULT 0
	)`,
	// 8: payments on a chain (chain.go): the escrow watcher's position,
	// wallets bound to users, the escrow's deposit and withdrawal events,
	// settlement batches, and which batch settled each request.
	chainMigration,
	// 9: settlement contents (chain.go): the components (content hashes)
	// each node was verified to serve, for royalties, and what the escrow
	// paid component owners and could not charge in each batch.
	settlementContentsMigration,
	// 10 (chainops.go):
	// binding nonces apart from join nonces, wallet binding history,
	// reorganisation state of escrow events and checkpoints, user flags,
	// the settler lease, and each batch's submitted transaction.
	chainOpsMigration,
	// 12 (settlements.go; chain-gaia's, after chain-usage's 11): each
	// batch's generation (reopened after a reorganisation) and the batch a
	// partial batch's refused part was issued again in.
	settlementReissueMigration,
}
