package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/config"
	"github.com/gaianet-go/gaianet/domain"
	"github.com/gaianet-go/gaianet/domain/store"
	"github.com/gaianet-go/gaianet/identity"
)

// mustCLI returns a function running the CLI that fails t unless the
// command succeeds, and returns its standard output.
func mustCLI(t *testing.T) func(args ...string) string {
	return func(args ...string) string {
		t.Helper()
		code, out, errOut := runCLI(t, args...)
		if code != 0 {
			t.Fatalf("gaianet %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errOut)
		}
		return out
	}
}

// TestDomainCLI drives the operator commands on a fresh domain directory:
// init, users add (the key alone on the last line), nodes/ledger/payouts
// as JSON, info, and the errors users see for bad input.
func TestDomainCLI(t *testing.T) {
	base := filepath.Join(t.TempDir(), "dom")
	must := mustCLI(t)
	must("domain", "init", "--base", base, "--name", "test.domain", "--listen", "127.0.0.1:19999", "--policy", "approve", "--price-request", "0.001")
	if st, err := os.Stat(filepath.Join(base, "admin.key")); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("admin.key: %v %v", st, err)
	}
	if code, _, errOut := runCLI(t, "domain", "init", "--base", base, "--name", "x", "--listen", "127.0.0.1:1"); code == 0 || !strings.Contains(errOut, "already exists") {
		t.Fatalf("second init: %d %s", code, errOut)
	}
	out := must("domain", "users", "add", "--base", base, "--name", "alice", "--credit", "2.5")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	key := lines[len(lines)-1]
	if !strings.HasPrefix(key, "gd-") || len(key) != 3+64 {
		t.Fatalf("last line is not a key: %q", key)
	}
	var users []struct {
		ID      string
		Name    string
		Balance json.Number
	}
	if err := json.Unmarshal([]byte(must("domain", "users", "--base", base, "--json")), &users); err != nil || len(users) != 1 || users[0].Balance != "2.5" {
		t.Fatalf("users: %+v %v", users, err)
	}
	must("domain", "users", "credit", users[0].ID, "--amount", "0.5", "--base", base)
	var ledgerOut struct {
		Accounts []struct {
			ID      string
			Balance json.Number
		}
		Sum json.Number
	}
	if err := json.Unmarshal([]byte(must("domain", "ledger", "--base", base, "--json")), &ledgerOut); err != nil || ledgerOut.Sum != "0" || len(ledgerOut.Accounts) != 2 {
		t.Fatalf("ledger: %+v %v", ledgerOut, err)
	}
	if out := must("domain", "nodes", "--base", base, "--json"); strings.TrimSpace(out) != "[]" {
		t.Fatalf("nodes: %s", out)
	}
	must("domain", "payouts", "--base", base, "--json")
	if out := must("domain", "info", "--base", base); !strings.Contains(out, "Policy:     approve") || !strings.Contains(out, "$3.000000 deposited") {
		t.Fatalf("info:\n%s", out)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"domain", "users", "add", "--base", base, "--name", "bob", "--credit", "-1"}, "--credit"},
		{[]string{"domain", "nodes", "approve", "0x12", "--base", base}, "node address"},
		{[]string{"domain", "nodes", "approve", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "--base", base}, "no node"},
		{[]string{"domain", "info", "--base", filepath.Join(base, "none")}, "domain init"},
		{[]string{"domain", "settlements", "retry", "--base", base}, "one batch id"},
		{[]string{"domain", "settlements", "retry", "123", "--base", base}, "no payments configured"},
		{[]string{"domain", "init", "--base", t.TempDir(), "--name", "x", "--listen", "nope"}, "listen"},
	} {
		code, _, errOut := runCLI(t, tc.args...)
		if code == 0 || !strings.Contains(errOut, tc.want) {
			t.Errorf("gaianet %s: exit %d, stderr %q, want %q", strings.Join(tc.args, " "), code, errOut, tc.want)
		}
	}
}

// TestJoinWallet: "gaianet join URL --wallet W" sets config.json's domain
// and names the wallet in domain-wallet.json (the node signs the binding
// at each join: domain's TestWalletBinding).
func TestJoinWallet(t *testing.T) {
	base := t.TempDir()
	if _, err := identity.Create(base, identity.LightScrypt()); err != nil {
		t.Fatal(err)
	}
	if err := config.Default().Save(filepath.Join(base, configFile)); err != nil {
		t.Fatal(err)
	}
	wallet := "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"
	if code, _, errOut := runCLI(t, "join", "http://127.0.0.1:9000/", "--base", base, "--wallet", "0x12"); code != 2 || !strings.Contains(errOut, "--wallet") {
		t.Fatalf("bad wallet: %d %s", code, errOut)
	}
	if code, _, errOut := runCLI(t, "join", "ftp://x", "--base", base); code != 2 {
		t.Fatalf("bad URL: %d %s", code, errOut)
	}
	if code, out, errOut := runCLI(t, "join", "http://127.0.0.1:9000/", "--base", base, "--wallet", wallet); code != 0 {
		t.Fatalf("join: %d %s %s", code, out, errOut)
	}
	cfg, err := config.Load(filepath.Join(base, configFile))
	if err != nil || cfg.Domain != "http://127.0.0.1:9000" {
		t.Fatalf("domain %q, %v", cfg.Domain, err)
	}
	w, err := readWallet(base)
	if err != nil || !strings.EqualFold(w, wallet) {
		t.Fatalf("wallet %q, %v", w, err)
	}
	// An older version's file (with its once-made signature) still names
	// the wallet; the signature is never sent again.
	old := fmt.Sprintf(`{"wallet": %q, "signature": "0x%s"}`, wallet, strings.Repeat("ab", 65))
	if err := os.WriteFile(filepath.Join(base, walletFile), []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	if w, err := readWallet(base); err != nil || w != wallet {
		t.Fatalf("older file: wallet %q, %v", w, err)
	}
}

// TestDomainKeysCLI: keys create, rotate (with and without grace) and
// revoke, checked against what the store then authenticates.
func TestDomainKeysCLI(t *testing.T) {
	base := filepath.Join(t.TempDir(), "dom")
	must := mustCLI(t)
	lastLine := func(s string) string {
		lines := strings.Split(strings.TrimSpace(s), "\n")
		return lines[len(lines)-1]
	}
	must("domain", "init", "--base", base, "--name", "test.domain", "--listen", "127.0.0.1:19998")
	first := lastLine(must("domain", "users", "add", "--base", base, "--name", "alice", "--credit", "1"))
	type key struct {
		ID, User, Name string
		Revoked        *time.Time
	}
	list := func() []key {
		var ks []key
		if err := json.Unmarshal([]byte(must("domain", "keys", "--base", base, "--json")), &ks); err != nil {
			t.Fatal(err)
		}
		return ks
	}
	ks := list()
	if len(ks) != 1 || ks[0].Revoked != nil {
		t.Fatalf("keys after users add: %+v", ks)
	}
	second := lastLine(must("domain", "keys", "create", ks[0].User, "--name", "ci", "--base", base))
	rotated := lastLine(must("domain", "keys", "rotate", ks[0].ID, "--base", base))
	graced := lastLine(must("domain", "keys", "rotate", list()[1].ID, "--grace", "1h", "--base", base))
	auth := func(secret string) bool {
		st, err := store.Open(context.Background(), "", base)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		_, err = st.UserByKey(context.Background(), secret)
		return err == nil
	}
	for _, tc := range []struct {
		secret string
		works  bool
	}{{first, false}, {second, true}, {rotated, true}, {graced, true}} {
		if !strings.HasPrefix(tc.secret, "gd-") || auth(tc.secret) != tc.works {
			t.Errorf("key %.12s...: authenticates %v, want %v", tc.secret, !tc.works, tc.works)
		}
	}
	// Revoke the key still in its grace period: it stops at once.
	must("domain", "keys", "revoke", list()[1].ID, "--base", base)
	if auth(second) {
		t.Error("a revoked key still authenticates")
	}
	if len(list()) != 4 {
		t.Errorf("want 4 keys listed, got %+v", list())
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"domain", "keys", "create", "u_none", "--base", base}, "not found"},
		{[]string{"domain", "keys", "revoke", "k_none", "--base", base}, "not found"},
		{[]string{"domain", "keys", "rotate", list()[0].ID, "--base", base}, "revoked"},
		{[]string{"domain", "keys", "rotate", list()[2].ID, "--grace", "-1s", "--base", base}, "negative"},
	} {
		code, _, errOut := runCLI(t, tc.args...)
		if code == 0 || !strings.Contains(errOut, tc.want) {
			t.Errorf("gaianet %s: exit %d, stderr %q, want %q", strings.Join(tc.args, " "), code, errOut, tc.want)
		}
	}
}

// TestDomainAdminKeyRotate: 'domain admin-key rotate' prints a new key
// alone on its last line, writes it to admin.key (0600), and the store
// then honours only the new key.
func TestDomainAdminKeyRotate(t *testing.T) {
	base := filepath.Join(t.TempDir(), "dom")
	must := mustCLI(t)
	must("domain", "init", "--base", base, "--name", "test.domain", "--listen", "127.0.0.1:19999")
	old, err := domain.AdminKey(base)
	if err != nil {
		t.Fatal(err)
	}
	out := strings.TrimSpace(must("domain", "admin-key", "rotate", "--base", base))
	key := out[strings.LastIndexByte(out, '\n')+1:]
	inFile, err := domain.AdminKey(base)
	if err != nil || inFile != key || key == old || !strings.HasPrefix(key, "gdadmin-") {
		t.Fatalf("printed %q, admin.key %q (%v), old %q", key, inFile, err, old)
	}
	if st, err := os.Stat(filepath.Join(base, "admin.key")); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("admin.key: %v %v", st, err)
	}
	_, st, err := openDomain(context.Background(), base)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	hashes, err := st.AdminKeyHashes(context.Background())
	if err != nil || len(hashes) != 1 || hashes[0] != store.HashKey(key) {
		t.Fatalf("stored admin keys %v (%v), want only the new one", hashes, err)
	}
	if code, _, errOut := runCLI(t, "domain", "admin-key", "rotate", "extra", "--base", base); code != 2 || !strings.Contains(errOut, "no arguments") {
		t.Fatalf("rotate with an argument: %d %s", code, errOut)
	}
}
