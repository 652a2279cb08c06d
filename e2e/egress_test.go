package e2e

import (
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
)

// TestKBIngestRefusesPrivateURLs runs "gaianet kb ingest URL" against
// servers on loopback (issue 13, item 13: a redirect to another loopback
// port was followed and its text stored): refused by default, accepted
// when GAIANET_OUTBOUND_ALLOW names the address, and a redirect from the
// allowed server to another loopback address is still refused.
func TestKBIngestRefusesPrivateURLs(t *testing.T) {
	if env.bin == "" {
		t.Skip(env.skip)
	}
	page := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("Internal note: the vault code is 4711."))
	})
	ln, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Fatal(err)
	}
	internal := &httptest.Server{Listener: ln, Config: &http.Server{Handler: page}}
	internal.Start()
	defer internal.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/redirect" {
			http.Redirect(w, r, internal.URL+"/note.txt", http.StatusFound)
			return
		}
		page(w, r)
	}))
	defer srv.Close()

	base := filepath.Join(t.TempDir(), "node")
	if out, err := run(t, "init", "--config", "demo", "--light-keystore", "--base", base); err != nil {
		t.Fatalf("init: %v\n%s", err, out)
	}
	ingest := func(url string) (string, error) {
		return run(t, "kb", "ingest", "--base", base, url)
	}
	t.Setenv("GAIANET_OUTBOUND_ALLOW", "")
	if out, err := ingest(srv.URL + "/note.txt"); err == nil || !strings.Contains(out, "refusing to connect to 127.0.0.1 (loopback address)") {
		t.Fatalf("loopback URL ingested without an allow-list: %v\n%s", err, out)
	}
	t.Setenv("GAIANET_OUTBOUND_ALLOW", "127.0.0.1")
	if out, err := ingest(srv.URL + "/redirect"); err == nil || !strings.Contains(out, "refusing to connect to 127.0.0.2") {
		t.Fatalf("redirect to 127.0.0.2 followed: %v\n%s", err, out)
	}
	if out, err := ingest(srv.URL + "/note.txt"); err != nil {
		t.Fatalf("allow-listed URL: %v\n%s", err, out)
	}
}
