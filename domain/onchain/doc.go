// Package onchain is a domain's side of its escrow on an EVM chain
// (contracts in package chain): it watches the escrow's deposits and
// withdrawals and posts them to the depositor's account in the domain's
// ledger, exactly once; it binds a user to a wallet by the wallet's
// EIP-712 signature over a nonce the domain issued (the /_domain/wallet
// routes); and it settles the ledger's charges of bound users on the
// escrow on a schedule, in signed batches whose ids the escrow accepts
// once, paying each node's share to the wallet the node bound (or to its
// own address).
//
// Exactly once, across crashes: a batch is claimed (its requests marked)
// and stored, signed, in one database transaction before it is submitted;
// a pending batch is resubmitted until the escrow reports its id settled,
// and the escrow refuses an id twice. The watcher's position and the
// events it records move together in one transaction, keyed by
// transaction hash and log index.
//
// Bindings change: a user moves to another wallet (rebind, signed by the
// new wallet) or ends the binding (an EIP-712 Unbinding signed by the
// bound wallet), each over a fresh domain nonce with an expiry, and only
// while the wallet left holds nothing in the escrow. Each request is
// charged to the wallet bound when it was made.
//
// A reorganisation deeper than the confirmations is undone (reorg.go): the
// watcher rescans from the newest recorded block hash still on the chain,
// reverses what left the chain and restores what came back, once each, and
// flags a user left below zero.
//
// Every replica runs the service; the holder of the settler lease (a row
// in the shared database, lease.go) does the work, and another takes over
// when it dies. A batch's transaction hash is stored before it is sent, so
// the next settler waits for a batch in flight rather than sending it
// again.
//
// The ledger counts in micro-dollars (a ledger micro-dollar is one unit of
// a 6-decimal stablecoin). GAIA deposits and withdrawals are posted at the
// value the escrow gave them on chain (the oracle's price at deposit, its
// last price at withdrawal). A user's usage is charged from their
// stablecoin first; what it does not cover, for a user holding GAIA, goes
// to a GAIA settlement signed in dollars that the escrow charges at the
// feed's price when it settles.
//
// A batch carries component usage: each node's revenue in the batch is
// shared equally among the components (content hashes) it was last
// verified to serve that chain.json maps to marketplace tokens, and the
// escrow pays their owners its royalty share. The escrow caps a charge at
// the user's balance; the batch's royalty and uncovered charges are
// recorded with it and posted from the operator's ledger account. A batch
// the escrow refuses for good is marked failed, so it never blocks the
// ones after it.
//
// It must not import node, engine, model, kernels or tokenizer: it moves
// money between the ledger and the chain and never runs a model.
package onchain
