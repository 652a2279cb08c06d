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
// Only the stablecoin counts in the ledger (a ledger micro-dollar is one
// unit of a 6-decimal stablecoin); deposits of other assets are recorded
// and ignored.
//
// It must not import node, engine, model, kernels or tokenizer: it moves
// money between the ledger and the chain and never runs a model.
package onchain
