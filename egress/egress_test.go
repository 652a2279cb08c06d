package egress

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"testing"
)

func TestClassify(t *testing.T) {
	for _, tc := range []struct {
		addr    string
		blocked bool
	}{
		{"127.0.0.1", true}, {"127.3.2.1", true}, {"::1", true},
		{"10.1.2.3", true}, {"172.16.0.1", true}, {"172.31.255.255", true}, {"192.168.1.1", true},
		{"169.254.169.254", true}, {"169.254.1.1", true}, {"fe80::1", true}, {"fe80::1%eth0", true},
		{"fc00::1", true}, {"fd12:3456::1", true}, {"100.64.0.1", true}, {"100.127.255.255", true},
		{"0.0.0.0", true}, {"0.1.2.3", true}, {"::", true}, {"224.0.0.1", true}, {"ff02::1", true},
		{"255.255.255.255", true}, {"240.0.0.1", true}, {"198.18.0.1", true}, {"192.0.0.8", true}, {"fec0::1", true},
		{"::ffff:127.0.0.1", true}, {"::ffff:10.0.0.1", true}, {"::ffff:169.254.169.254", true},
		{"::127.0.0.1", true}, {"64:ff9b::a9fe:a9fe", true}, {"64:ff9b::7f00:1", true}, {"2002:7f00:1::1", true}, {"2002:a00:1::", true},
		{"8.8.8.8", false}, {"1.1.1.1", false}, {"100.63.255.255", false}, {"100.128.0.0", false}, {"172.32.0.1", false},
		{"2606:4700:4700::1111", false}, {"::ffff:8.8.8.8", false}, {"64:ff9b::808:808", false}, {"2002:808:808::1", false},
	} {
		a := netip.MustParseAddr(tc.addr)
		err := Public.Check(a)
		if (err != nil) != tc.blocked {
			t.Errorf("%s: Check = %v, want blocked %v", tc.addr, err, tc.blocked)
		}
		if err != nil && !errors.Is(err, ErrBlocked) {
			t.Errorf("%s: %v does not wrap ErrBlocked", tc.addr, err)
		}
	}
}

func TestNewPolicy(t *testing.T) {
	p, err := NewPolicy("127.0.0.1", "10.0.0.0/8", "[::1]", "Models.Internal.", " ")
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []string{"127.0.0.1", "10.9.9.9", "::1", "::ffff:127.0.0.1"} {
		if err := p.Check(netip.MustParseAddr(a)); err != nil {
			t.Errorf("%s refused: %v", a, err)
		}
	}
	if err := p.Check(netip.MustParseAddr("127.0.0.2")); err == nil {
		t.Error("127.0.0.2 allowed by 127.0.0.1")
	}
	if !p.HostAllowed("models.internal") || p.HostAllowed("internal") {
		t.Error("host allow-list")
	}
	for _, bad := range []string{"10.0.0.0/33", "not a host!", "a..b"} {
		if _, err := NewPolicy(bad); err == nil {
			t.Errorf("NewPolicy(%q) accepted", bad)
		}
	}
}

// serve starts an HTTP server on addr ("127.0.0.1:0", "[::1]:0", ...).
func serve(t *testing.T, addr string, h http.Handler) (string, bool) {
	t.Helper()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return "", false
	}
	srv := &httptest.Server{Listener: ln, Config: &http.Server{Handler: h}}
	srv.Start()
	t.Cleanup(srv.Close)
	return srv.URL, true
}

func get(c *http.Client, url string) (string, error) {
	resp, err := c.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

// TestClientRefusesPrivate makes real requests: every private target is
// refused at connect time, by address, by name and through a redirect;
// allow-listed ones work (issue 13, item 13).
func TestClientRefusesPrivate(t *testing.T) {
	hello := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "secret") })
	loop, _ := serve(t, "127.0.0.1:0", hello)
	other, ok := serve(t, "127.0.0.2:0", hello)
	if !ok {
		t.Fatal("cannot listen on 127.0.0.2")
	}
	redirect, _ := serve(t, "127.0.0.1:0", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other+"/x", http.StatusFound)
	}))
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(loop, "http://"))

	public := Public.Client(Options{})
	targets := []string{
		loop,
		"http://localhost:" + port,       // a name resolving to loopback
		"http://10.0.0.1:80/",            // refused before any packet is sent
		"http://169.254.169.254/latest/", // cloud metadata
		"http://[::ffff:127.0.0.1]:" + port,
		"http://0.0.0.0:" + port,
	}
	if v6, ok := serve(t, "[::1]:0", hello); ok {
		targets = append(targets, v6)
	}
	for _, u := range targets {
		if body, err := get(public, u); !errors.Is(err, ErrBlocked) {
			t.Errorf("GET %s: %q, %v; want ErrBlocked", u, body, err)
		}
	}

	// 127.0.0.1 allowed: the server answers, but its redirect to
	// 127.0.0.2 is refused at the second connect.
	allowLoop, err := NewPolicy("127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	c := allowLoop.Client(Options{})
	if body, err := get(c, loop); err != nil || body != "secret" {
		t.Errorf("allow-listed GET: %q, %v", body, err)
	}
	if body, err := get(c, redirect); !errors.Is(err, ErrBlocked) {
		t.Errorf("redirect to 127.0.0.2: %q, %v; want ErrBlocked", body, err)
	}
	// A host allowed by name is reached wherever it resolves.
	byName, _ := NewPolicy("localhost")
	if body, err := get(byName.Client(Options{}), "http://localhost:"+port); err != nil || body != "secret" {
		t.Errorf("GET localhost allowed by name: %q, %v", body, err)
	}
}

func TestClientLimits(t *testing.T) {
	hops := 0
	var loop string
	loop, _ = serve(t, "127.0.0.1:0", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/big":
			w.Write(make([]byte, 2<<20))
		case "/exact":
			w.Write(make([]byte, 1<<20))
		case "/gzip": // 64 MiB of zeros, transparently decoded by the client
			w.Header().Set("Content-Encoding", "gzip")
			zw := gzip.NewWriter(w)
			zw.Write(bytes.Repeat([]byte{0}, 64<<20))
			zw.Close()
		case "/loop":
			hops++
			http.Redirect(w, r, loop+"/loop", http.StatusFound)
		}
	}))
	p, _ := NewPolicy("127.0.0.1")
	c := p.Client(Options{MaxBodyBytes: 1 << 20})
	for _, path := range []string{"/big", "/gzip"} {
		if _, err := get(c, loop+path); !errors.Is(err, ErrTooLarge) {
			t.Errorf("%s: %v, want ErrTooLarge", path, err)
		}
	}
	if b, err := get(c, loop+"/exact"); err != nil || len(b) != 1<<20 {
		t.Errorf("/exact: %d bytes, %v", len(b), err)
	}
	if _, err := get(c, loop+"/loop"); err == nil || !strings.Contains(err.Error(), "redirects") || hops != DefaultMaxRedirects+1 {
		t.Errorf("redirect loop: %v after %d hops", err, hops)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", loop+"/exact", nil)
	if _, err := c.Do(req); err == nil {
		t.Error("cancelled request succeeded")
	}
}

// TestClientProxy sends requests through a forward proxy, as
// HTTP_PROXY/HTTPS_PROXY name one: a public target goes through it, a
// target resolving to a refused address is refused before the proxy is
// asked, and a proxy the policy does not allow is never dialed.
func TestClientProxy(t *testing.T) {
	var proxied []string
	proxyURL, _ := serve(t, "127.0.0.1:0", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		proxied = append(proxied, r.URL.String()) // absolute URI: a proxy request
		io.WriteString(w, "via proxy")
	}))
	pu, _ := url.Parse(proxyURL)
	viaProxy := func(*url.URL) (*url.URL, error) { return pu, nil }

	allowProxy, _ := NewPolicy("127.0.0.1")
	c := allowProxy.WithProxy(viaProxy).Client(Options{})
	if body, err := get(c, "http://93.184.215.14/page"); err != nil || body != "via proxy" {
		t.Fatalf("public target through the proxy: %q, %v", body, err)
	}
	for _, target := range []string{"http://169.254.169.254/latest/", "http://10.1.1.1/", "http://127.0.0.2/", "http://[::1]:8080/"} {
		if body, err := get(c, target); !errors.Is(err, ErrBlocked) {
			t.Errorf("%s through the proxy: %q, %v; want ErrBlocked", target, body, err)
		}
	}
	if body, err := get(Public.WithProxy(viaProxy).Client(Options{}), "http://93.184.215.14/page"); !errors.Is(err, ErrBlocked) {
		t.Errorf("a loopback proxy not allow-listed was used: %q, %v", body, err)
	}
	if len(proxied) != 1 || proxied[0] != "http://93.184.215.14/page" {
		t.Errorf("proxy saw %q", proxied)
	}
}
