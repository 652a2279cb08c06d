package egress

import (
	"net/netip"
	"testing"
)

// FuzzNewPolicy checks that any allow entry is either refused or gives a
// policy that admits the entry itself, and never panics.
func FuzzNewPolicy(f *testing.F) {
	for _, s := range []string{"127.0.0.1", "10.0.0.0/8", "[::1]", "localhost", "a..b", "::ffff:1.2.3.4/120", "x/y", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, entry string) {
		p, err := NewPolicy(entry)
		if err != nil {
			return
		}
		if a, err := netip.ParseAddr(entry); err == nil && p.Check(a) != nil {
			t.Errorf("policy from %q refuses %s", entry, a)
		}
	})
}

// FuzzClassify checks Classify against netip's own predicates on any
// 16-byte address: nothing loopback, private, link-local, multicast or
// unspecified is ever called public, in IPv6 or IPv4-mapped form.
func FuzzClassify(f *testing.F) {
	f.Add([]byte(netip.MustParseAddr("::ffff:127.0.0.1").AsSlice()))
	f.Add([]byte(netip.MustParseAddr("2002:a00:1::").AsSlice()))
	f.Fuzz(func(t *testing.T, b []byte) {
		a, ok := netip.AddrFromSlice(b)
		if !ok {
			return
		}
		u := a.Unmap()
		special := u.IsLoopback() || u.IsPrivate() || u.IsLinkLocalUnicast() || u.IsMulticast() || u.IsUnspecified()
		if special && Classify(a) == "" {
			t.Errorf("%s classified public", a)
		}
		if (Public.Check(a) == nil) != (Classify(a) == "") {
			t.Errorf("%s: Check and Classify disagree", a)
		}
	})
}
