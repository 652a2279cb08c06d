// Package chain is GaiaNet's payments on an EVM chain: it deploys the
// contracts of contracts/src (bindings in chain/contracts), signs the domain's
// settlement batches (EIP-712), runs a local development chain, and wraps the
// wallet actions a node owner or user takes (balance, deposit, withdraw).
//
// The payment flow:
//
//	user ──deposit──▶ Escrow (one per domain, purpose-bound balance per user)
//	                    │  settle(batch signed by the domain, id used once)
//	                    ├──▶ Staking      stakers' share, pro rata to active stake
//	                    ├──▶ Marketplace  component owners' share, pro rata to usage
//	                    ├──▶ node payouts listed in the batch
//	                    └──▶ operator     the remainder (takes the rounding dust)
//	user ◀─withdraw── Escrow (after the notice period; at once if revoked or expired)
//
// Only cmd/gaianet and the domain import this package; package node never
// does, so serving inference does not depend on go-ethereum's node stack.
//
// It must not import node, engine or api.
package chain
