package egress

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"time"
)

// ErrBlocked marks a connection refused because its address is not public
// and not allow-listed.
var ErrBlocked = errors.New("egress: address not allowed")

// blockedError names the refused address and why.
type blockedError struct {
	addr   netip.Addr
	reason string
}

func (e *blockedError) Error() string {
	return fmt.Sprintf("egress: refusing to connect to %s (%s address); allow it in gaianet_go.outbound_allow if this is intended", e.addr, e.reason)
}

func (e *blockedError) Unwrap() error { return ErrBlocked }

// Policy decides which addresses outbound connections may reach: public
// unicast addresses, plus what its allow-list names. The zero value allows
// public addresses only. A Policy is immutable once made and safe for
// concurrent use.
type Policy struct {
	prefixes []netip.Prefix
	hosts    map[string]bool // lower-case host names, without a trailing dot
	// proxy, when set, picks a forward proxy for a request URL (nil: go
	// direct), as http.ProxyFromEnvironment does; see WithProxy.
	proxy func(*url.URL) (*url.URL, error)
}

// Public is the Policy that allows public addresses only.
var Public = &Policy{}

// NewPolicy returns a Policy allowing, beyond public addresses, each entry
// of allow: a CIDR range ("10.0.0.0/8", "fd00::/8"), an address
// ("127.0.0.1", "::1") or a host name ("localhost", "models.internal"). A
// host name allows whatever it resolves to, so list names only for hosts
// the operator controls. Empty entries are ignored.
func NewPolicy(allow ...string) (*Policy, error) {
	p := &Policy{hosts: map[string]bool{}}
	for _, raw := range allow {
		e := strings.TrimSpace(raw)
		switch {
		case e == "":
			continue
		case strings.Contains(e, "/"):
			pr, err := netip.ParsePrefix(e)
			if err != nil {
				return nil, fmt.Errorf("egress: allow entry %q is not a CIDR range: %v", raw, err)
			}
			p.prefixes = append(p.prefixes, pr.Masked())
		default:
			if a, err := netip.ParseAddr(strings.Trim(e, "[]")); err == nil {
				a = a.Unmap()
				p.prefixes = append(p.prefixes, netip.PrefixFrom(a, a.BitLen()))
				continue
			}
			h := strings.TrimSuffix(strings.ToLower(e), ".")
			if !validHost(h) {
				return nil, fmt.Errorf("egress: allow entry %q is not a CIDR range, an IP address or a host name", raw)
			}
			p.hosts[h] = true
		}
	}
	return p, nil
}

// WithProxy returns a copy of p whose clients send requests through the
// forward proxy proxy chooses for each URL (nil for none), e.g.
// httpproxy.FromEnvironment().ProxyFunc() read by the command line. The
// proxy's own address must pass p (a proxy on the local network needs an
// allow-list entry); the target, which the proxy connects to, is checked by
// resolving its name first, so DNS rebinding between that lookup and the
// proxy's is not covered.
func (p *Policy) WithProxy(proxy func(*url.URL) (*url.URL, error)) *Policy {
	q := *p
	q.proxy = proxy
	return &q
}

// proxyFor is an http.Transport.Proxy function for p's proxy: it refuses a
// target that resolves to an address p does not allow.
func (p *Policy) proxyFor(req *http.Request) (*url.URL, error) {
	u, err := p.proxy(req.URL)
	if err != nil || u == nil {
		return u, err
	}
	host := req.URL.Hostname()
	if p.HostAllowed(host) {
		return u, nil
	}
	if a, err := netip.ParseAddr(host); err == nil {
		return u, p.Check(a)
	}
	addrs, err := net.DefaultResolver.LookupNetIP(req.Context(), "ip", host)
	if err != nil {
		return nil, fmt.Errorf("egress: resolving %s: %w", host, err)
	}
	for _, a := range addrs {
		if err := p.Check(a); err != nil {
			return nil, err
		}
	}
	return u, nil
}

// With returns a copy of p that also allows the given hosts or ranges (see
// NewPolicy); p is unchanged.
func (p *Policy) With(allow ...string) (*Policy, error) {
	q, err := NewPolicy(allow...)
	if err != nil {
		return nil, err
	}
	q.prefixes = append(q.prefixes, p.prefixes...)
	q.proxy = p.proxy
	for h := range p.hosts {
		q.hosts[h] = true
	}
	return q, nil
}

func validHost(h string) bool {
	if h == "" || len(h) > 253 {
		return false
	}
	for _, label := range strings.Split(h, ".") {
		if label == "" || len(label) > 63 {
			return false
		}
		for _, c := range label {
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
				return false
			}
		}
	}
	return true
}

// HostAllowed reports whether host (a name or an address literal, without
// a port) is allow-listed by name or, for an address, by range.
func (p *Policy) HostAllowed(host string) bool {
	host = strings.TrimSuffix(strings.ToLower(strings.Trim(host, "[]")), ".")
	if p.hosts[host] {
		return true
	}
	if a, err := netip.ParseAddr(host); err == nil {
		return p.addrAllowed(a.Unmap())
	}
	return false
}

func (p *Policy) addrAllowed(a netip.Addr) bool {
	for _, pr := range p.prefixes {
		if pr.Contains(a) {
			return true
		}
	}
	return false
}

// Check returns nil when a may be connected to, else an error wrapping
// ErrBlocked that names the address and its kind.
func (p *Policy) Check(a netip.Addr) error {
	a = a.WithZone("").Unmap()
	if p.addrAllowed(a) {
		return nil
	}
	if reason := Classify(a); reason != "" {
		return &blockedError{addr: a, reason: reason}
	}
	return nil
}

// Special ranges Classify names beyond what netip.Addr's methods know.
var (
	cgnat      = netip.MustParsePrefix("100.64.0.0/10")
	thisNet    = netip.MustParsePrefix("0.0.0.0/8")
	ietf       = netip.MustParsePrefix("192.0.0.0/24")
	benchmark  = netip.MustParsePrefix("198.18.0.0/15")
	reserved4  = netip.MustParsePrefix("240.0.0.0/4") // includes 255.255.255.255
	compat6    = netip.MustParsePrefix("::/96")       // deprecated IPv4-compatible
	nat64      = netip.MustParsePrefix("64:ff9b::/96")
	nat64Local = netip.MustParsePrefix("64:ff9b:1::/48")
	sixToFour  = netip.MustParsePrefix("2002::/16")
	siteLocal6 = netip.MustParsePrefix("fec0::/10")
)

// Classify returns why a is not a public unicast address ("loopback",
// "private", "link-local", ...), or "" when it is one.
func Classify(a netip.Addr) string {
	a = a.WithZone("").Unmap()
	switch {
	case !a.IsValid():
		return "invalid"
	case a.IsUnspecified():
		return "unspecified"
	case a.IsLoopback():
		return "loopback"
	case a.IsPrivate():
		return "private"
	case a.IsLinkLocalUnicast():
		if a == netip.AddrFrom4([4]byte{169, 254, 169, 254}) {
			return "cloud metadata"
		}
		return "link-local"
	case a.IsMulticast():
		return "multicast"
	case a.Is4() && cgnat.Contains(a):
		return "shared (CGNAT)"
	case a.Is4() && (thisNet.Contains(a) || ietf.Contains(a) || benchmark.Contains(a) || reserved4.Contains(a)):
		return "reserved"
	case a.Is6() && siteLocal6.Contains(a):
		return "site-local"
	}
	// IPv6 forms that carry an IPv4 address are judged by that address.
	if a.Is6() {
		b := a.As16()
		var embedded netip.Addr
		switch {
		case compat6.Contains(a):
			embedded = netip.AddrFrom4([4]byte(b[12:16]))
		case nat64.Contains(a), nat64Local.Contains(a):
			embedded = netip.AddrFrom4([4]byte(b[12:16]))
		case sixToFour.Contains(a):
			embedded = netip.AddrFrom4([4]byte(b[2:6]))
		}
		if embedded.IsValid() {
			if r := Classify(embedded); r != "" {
				return r + " (in IPv6)"
			}
		}
	}
	return ""
}

// Control is a net.Dialer.Control function enforcing p on the address
// being connected to (after DNS resolution).
func (p *Policy) Control(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: cannot parse dialed address %q", ErrBlocked, address)
	}
	return p.Check(ap.Addr())
}

// Dialer returns a net.Dialer that refuses addresses p does not allow, with
// the given connect timeout (0 means 30 s).
func (p *Policy) Dialer(timeout time.Duration) *net.Dialer {
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	return &net.Dialer{Timeout: timeout, KeepAlive: 30 * time.Second, Control: p.Control}
}

// DialContext dials like a net.Dialer from Dialer, except that a host p
// allows by name is dialed without the address check (the operator vouched
// for it, wherever it resolves).
func (p *Policy) DialContext(timeout time.Duration) func(ctx context.Context, network, addr string) (net.Conn, error) {
	guarded := p.Dialer(timeout)
	open := &net.Dialer{Timeout: guarded.Timeout, KeepAlive: guarded.KeepAlive}
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		host, _, err := net.SplitHostPort(addr)
		if err == nil && len(p.hosts) > 0 && p.hosts[strings.TrimSuffix(strings.ToLower(host), ".")] {
			return open.DialContext(ctx, network, addr)
		}
		return guarded.DialContext(ctx, network, addr)
	}
}
