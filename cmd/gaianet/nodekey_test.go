package main

import (
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/config"
	"github.com/gaianet-go/gaianet/identity"
)

// TestNodeKey: a node that joins a domain starts only if it can sign: with
// its keystore password from a 0600 file (or the environment) its key is
// unlocked at start; without one, with a wrong one or without an identity
// the start fails with what to do. A node that joins no domain starts
// either way.
func TestNodeKey(t *testing.T) {
	log := slog.New(slog.DiscardHandler)
	base := t.TempDir()
	opts := identity.LightScrypt()
	opts.Password = "outside-the-base-folder"
	if _, err := identity.Create(base, opts); err != nil {
		t.Fatal(err)
	}
	pwFile := filepath.Join(t.TempDir(), "pw")
	if err := os.WriteFile(pwFile, []byte(opts.Password+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	joining := &config.Config{Domain: "https://domain.example"}
	alone := &config.Config{}
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	for _, tc := range []struct {
		name    string
		base    string
		cfg     *config.Config
		getenv  map[string]string
		flag    string
		canSign bool
		err     string
	}{
		{"file flag", base, joining, nil, pwFile, true, ""},
		{"file env", base, joining, map[string]string{"GAIANET_KEYSTORE_PASSWORD_FILE": pwFile}, "", true, ""},
		{"password env", base, joining, map[string]string{"GAIANET_KEYSTORE_PASSWORD": opts.Password}, "", true, ""},
		{"no password, joining", base, joining, nil, "", false, "GAIANET_KEYSTORE_PASSWORD_FILE"},
		{"wrong password, joining", base, joining, map[string]string{"GAIANET_KEYSTORE_PASSWORD": "nope"}, "", false, "does not open"},
		{"no identity, joining", t.TempDir(), joining, nil, "", false, "gaianet init"},
		{"no password, no domain", base, alone, nil, "", false, ""},
		{"no identity, no domain", t.TempDir(), alone, nil, "", false, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pw, src, err := keystorePassword(tc.flag, env(tc.getenv), func(string) {})
			if err != nil {
				t.Fatal(err)
			}
			id, canSign, err := nodeKey(log, tc.base, tc.cfg, pw, src)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want one saying %q", err, tc.err)
				}
				return
			}
			if err != nil || canSign != tc.canSign {
				t.Fatalf("can sign %v, %v; want %v", canSign, err, tc.canSign)
			}
			if canSign {
				if _, err := id.Sign([]byte("proof")); err != nil {
					t.Fatalf("unlocked key cannot sign: %v", err)
				}
			}
		})
	}
}
