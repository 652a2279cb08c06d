// Package attest owns the statements a node signs with its identity key
// (EIP-191, package identity) so that a domain can verify rather than
// trust what the node says:
//
//   - Answer: each chat answer's request hash, sampling seed and output
//     hash, sent as response headers (trailers for a stream). A domain
//     that replays the request on another node with the same seed keeps
//     the signed statement as evidence when the outputs differ.
//   - Info: what the node serves (chat model name and file hash, embedding
//     model, knowledge-base snapshot hash, system prompt hash, context
//     size), signed over a nonce the domain chose, in /v1/info?nonce=N.
//
// The package defines the bytes signed and how to check them; the node's
// api package signs, the domain verifies.
//
// It imports only identity from this module.
package attest
