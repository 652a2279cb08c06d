package main

import (
	"net"
	"os"
	"slices"
	"testing"
)

func TestParseProcAddr(t *testing.T) {
	for in, want := range map[string]string{
		"0100007F:1F90":                         "127.0.0.1:8080",
		"00000000:0050":                         "0.0.0.0:80",
		"00000000000000000000000000000000:1F90": "[::]:8080",
		"00000000000000000000000001000000:0016": "[::1]:22",
	} {
		if got, ok := parseProcAddr(in); !ok || got != want {
			t.Errorf("parseProcAddr(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, bad := range []string{"", "0100007F", "zz00007F:1F90", "0100007F:fffff", "01007F:1F90"} {
		if got, ok := parseProcAddr(bad); ok {
			t.Errorf("parseProcAddr(%q) = %q, want a failure", bad, got)
		}
	}
}

// TestListenAddrs finds this process's own listening sockets.
func TestListenAddrs(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	addrs, err := listenAddrs(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(addrs, ln.Addr().String()) {
		t.Errorf("listenAddrs = %v, want %s among them", addrs, ln.Addr())
	}
}

// FuzzParseProcAddr: any /proc address field parses to a host:port that
// net.SplitHostPort reads, or is refused; never a panic.
func FuzzParseProcAddr(f *testing.F) {
	f.Add("0100007F:1F90")
	f.Add("00000000000000000000000001000000:0016")
	f.Fuzz(func(t *testing.T, s string) {
		addr, ok := parseProcAddr(s)
		if !ok {
			return
		}
		if _, _, err := net.SplitHostPort(addr); err != nil {
			t.Fatalf("parseProcAddr(%q) = %q: %v", s, addr, err)
		}
	})
}
