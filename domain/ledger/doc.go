// Package ledger owns the domain's money arithmetic: amounts in integer
// micro-USD (Micros, the 6 decimals of USDC, so a settlement on an EVM
// moves the same integers), prices per million tokens and per request, the
// revenue split in basis points, and the turning of one request's usage
// into a Charge: a set of double-entry legs that debit the user and credit
// the operator, the node's address and the stakers, summing exactly to
// the amount. It does no I/O; package domain/store posts charges exactly
// once, keyed by request id.
//
// Account names are stable strings, so an on-chain settlement can map them
// directly: "user:<id>", "node:<0xaddress>", "operator", "stakers", and
// "external:deposits" (the counter-account of prepaid credit, whose balance
// is minus everything ever deposited). The sum of all balances is always 0.
//
// It imports nothing from this module.
package ledger
