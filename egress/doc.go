// Package egress owns the node's outbound connections: one guarded dialer
// that every request the node makes on someone else's say goes through
// (URL ingestion, model and snapshot downloads), so that a URL, a redirect
// or a DNS answer cannot point the node at itself, its local network or a
// cloud metadata service (server-side request forgery).
//
// The check runs in net.Dialer.Control, on the address actually being
// connected to, after DNS resolution: a name that resolves to 127.0.0.1, a
// DNS answer that changes between two lookups (rebinding), and every hop of
// a redirect are all judged by the IP dialed. Refused unless allow-listed:
// loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local
// (169.254/16 with the metadata address 169.254.169.254, fe80::/10), shared
// address space (CGNAT, 100.64/10), unspecified, multicast, broadcast and
// reserved ranges, and IPv6 forms that carry such an IPv4 address
// (IPv4-mapped, IPv4-compatible, NAT64 64:ff9b::/96, 6to4 2002::/16).
//
// A Policy's allow-list (config.json's gaianet_go.outbound_allow, or
// GAIANET_OUTBOUND_ALLOW for commands that run before a config exists)
// admits CIDR ranges, single addresses and host names; servers the operator
// configured (an upstream model server) are allowed by name the same way.
// Client adds what a safe HTTP client needs beyond the dialer: a forward
// proxy only when the policy names one (WithProxy: the proxy must pass the
// policy, and the target is checked by resolving it first), a redirect
// limit, timeouts for connecting and for the response header, and
// an optional bound on response bodies.
//
// It imports nothing from this module.
package egress
