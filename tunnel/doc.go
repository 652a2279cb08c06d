// Package tunnel owns the connection between a node and its domain: the
// node dials out (so it serves from behind NAT with no open port), proves
// its identity by signing a one-time challenge, and the connection then
// carries many concurrent HTTP exchanges, each on its own stream.
//
// Wire: a WebSocket (binary messages) carrying yamux. WebSocket passes
// through every HTTP proxy and load balancer that a domain sits behind;
// yamux gives independent, flow-controlled streams and keepalive pings. The
// domain opens the streams (it is the yamux client) and the node answers
// each with its ordinary HTTP handler (it is the yamux server), so a
// request through the tunnel is a plain HTTP/1.1 request to the node.
// HTTP/2 would need the server side to originate requests, which it cannot.
//
// Handshake (before the WebSocket upgrade, so a refusal is a plain HTTP
// error the node can log):
//
//	GET  /_domain/challenge            -> {"domain":"NAME","nonce":"HEX","expires":UNIX}
//	GET  /_domain/tunnel               Upgrade: websocket
//	     X-Gaianet-Node: 0xADDRESS
//	     X-Gaianet-Nonce: HEX
//	     X-Gaianet-Signature: 0x...    EIP-191 over JoinMessage
//
// The nonce is stored by the domain and consumed by the first use, so a
// replayed signature is refused on every replica.
//
// It must not import node or domain/....
package tunnel
