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
//	                    ├──▶ Marketplace  royalty on the revenue that used listed components, pro rata
//	                    ├──▶ node payouts listed in the batch
//	                    └──▶ operator     the remainder (takes the rounding dust)
//	user ◀─withdraw── Escrow (after the notice period; at once if revoked or expired)
//
// A settlement never reverts because a user holds less than the domain
// charges (off-chain credit): the charge is capped and the shortfall
// reported, the operator's loss. GAIA is valued at the price feed's answer
// (AggregatorV3; within the escrow's bounds and fresh) when deposited.
//
// Only cmd/gaianet and the domain import this package; package node never
// does, so serving inference does not depend on go-ethereum's node stack.
//
// It must not import node, engine or api.
package chain
