package main

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/config"
	"github.com/gaianet-go/gaianet/demo"
	"github.com/gaianet-go/gaianet/identity"
)

// closedPortURL returns a URL on a local port nothing listens on: the
// address of a network that is down.
func closedPortURL(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return "http://" + addr
}

// TestInitOffline runs init with models it cannot download: it must say
// what to do without network access and leave a valid config.json that
// 'gaianet config' reads and that a later init --config demo replaces.
func TestInitOffline(t *testing.T) {
	base := filepath.Join(t.TempDir(), "node")
	src := filepath.Join(t.TempDir(), "offline.json")
	cfg := config.Default()
	cfg.Chat = closedPortURL(t) + "/models/chat.gguf"
	if err := cfg.Save(src); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI(t, "init", "--base", base, "--light-keystore", "--config", src)
	if code != 1 {
		t.Fatalf("init exit %d, want 1\n%s", code, stderr)
	}
	for _, want := range []string{"cannot connect to 127.0.0.1", "cannot download from 127.0.0.1.", "--config demo", "--chat MODEL.gguf --embedding EMBED.gguf", "config.json is written"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("init's error lacks %q:\n%s", want, stderr)
		}
	}
	if code, out, stderr := runCLI(t, "config", "--base", base); code != 0 || !strings.Contains(out, "127.0.0.1") {
		t.Errorf("config after a failed init: exit %d\n%s%s", code, out, stderr)
	}
	// The suggested command works on the same folder: the config init wrote
	// is not an edit of the user's, so it is replaced.
	if code, out, stderr := runCLI(t, "init", "--base", base, "--light-keystore", "--config", "demo"); code != 0 {
		t.Fatalf("init --config demo after the failure: exit %d\n%s%s", code, out, stderr)
	}

	// A host name that cannot resolve (.invalid never does, RFC 2606).
	base2 := filepath.Join(t.TempDir(), "node")
	cfg.Chat = "https://models.gaianet-test.invalid/chat.gguf"
	if err := cfg.Save(src); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runCLI(t, "init", "--base", base2, "--light-keystore", "--config", src)
	if code != 1 || !strings.Contains(stderr, "the name models.gaianet-test.invalid does not resolve") || !strings.Contains(stderr, "--config demo") {
		t.Errorf("init with an unresolvable host: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(base2, "config.json")); err != nil {
		t.Errorf("no config.json after the failure: %v", err)
	}
}

// TestInitLocalModels uses GGUF files the user already has, and refuses
// files of the wrong kind.
func TestInitLocalModels(t *testing.T) {
	dir := t.TempDir()
	chat, emb, err := demo.WriteModels(dir)
	if err != nil {
		t.Fatal(err)
	}
	notGGUF := filepath.Join(dir, "notes.gguf")
	os.WriteFile(notGGUF, []byte("not a model"), 0o644)
	for _, tt := range []struct {
		name, chat, emb, want string
	}{
		{"swapped", emb, chat, "is an embedding model"},
		{"chat as embedding", "", chat, "is not an embedding model"},
		{"not gguf", notGGUF, "", "is not a GGUF model file"},
		{"missing", filepath.Join(dir, "nope.gguf"), "", "is not a GGUF model file"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			args := []string{"init", "--base", filepath.Join(t.TempDir(), "node"), "--light-keystore"}
			if tt.chat != "" {
				args = append(args, "--chat", tt.chat)
			}
			if tt.emb != "" {
				args = append(args, "--embedding", tt.emb)
			}
			if code, _, stderr := runCLI(t, args...); code == 0 || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, want an error with %q:\n%s", code, tt.want, stderr)
			}
		})
	}
	base := filepath.Join(t.TempDir(), "node")
	code, out, stderr := runCLI(t, "init", "--base", base, "--light-keystore", "--chat", chat, "--embedding", emb)
	if code != 0 {
		t.Fatalf("init with local models: exit %d\n%s%s", code, out, stderr)
	}
	got, err := config.Load(filepath.Join(base, "config.json"))
	if err != nil {
		t.Fatal(err)
	}
	if got.Chat != chat || got.Embedding != emb || got.ChatName != "demo-chat" || got.Snapshot != "" {
		t.Errorf("config: chat %q embedding %q name %q snapshot %q", got.Chat, got.Embedding, got.ChatName, got.Snapshot)
	}
	if !strings.Contains(out, "The node is ready") {
		t.Errorf("init output:\n%s", out)
	}
}

// TestInitKeepsEdits re-runs init on a node whose config.json the user
// edited: the edits are kept and said so; an explicit --config is refused
// naming them; --reset replaces them.
func TestInitKeepsEdits(t *testing.T) {
	base := filepath.Join(t.TempDir(), "node")
	mustCLI := func(args ...string) string {
		t.Helper()
		code, out, stderr := runCLI(t, append(args, "--base", base)...)
		if code != 0 {
			t.Fatalf("gaianet %s: exit %d\n%s%s", strings.Join(args, " "), code, out, stderr)
		}
		return out
	}
	prompt := func() string {
		t.Helper()
		c, err := config.Load(filepath.Join(base, "config.json"))
		if err != nil {
			t.Fatal(err)
		}
		return c.SystemPrompt
	}
	mustCLI("init", "--config", "demo", "--light-keystore")
	mustCLI("config", "--system-prompt", "You answer in French.", "--port", "9123")
	out := mustCLI("init", "--light-keystore")
	if !strings.Contains(out, "kept as you edited it") || prompt() != "You answer in French." {
		t.Errorf("re-run init: system prompt %q\n%s", prompt(), out)
	}
	code, _, stderr := runCLI(t, "init", "--base", base, "--config", "demo", "--light-keystore")
	if code == 0 || !strings.Contains(stderr, "llamaedge_port, system_prompt") || !strings.Contains(stderr, "--reset") {
		t.Errorf("init --config over edits: exit %d\n%s", code, stderr)
	}
	if prompt() != "You answer in French." {
		t.Errorf("a refused init changed the config: %q", prompt())
	}
	mustCLI("init", "--config", "demo", "--reset", "--light-keystore")
	if p := prompt(); p == "You answer in French." {
		t.Errorf("--reset kept the edit %q", p)
	}
}

// TestInitPasswordOutsideBase checks that init encrypts a new keystore with
// a password given from outside the base folder and keeps it out of
// nodeid.json, so that only that password unlocks the key.
func TestInitPasswordOutsideBase(t *testing.T) {
	base := filepath.Join(t.TempDir(), "node")
	pwFile := filepath.Join(t.TempDir(), "pw")
	if err := os.WriteFile(pwFile, []byte("correct horse battery staple\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runCLI(t, "init", "--config", "demo", "--light-keystore", "--keystore-password-file", pwFile, "--base", base)
	if code != 0 {
		t.Fatalf("init: exit %d\n%s%s", code, out, stderr)
	}
	if !strings.Contains(out, "keystore password from "+pwFile) {
		t.Errorf("init does not say where the password came from:\n%s", out)
	}
	nid, err := identity.ReadNodeID(filepath.Join(base, identity.NodeIDFileName))
	if err != nil {
		t.Fatal(err)
	}
	if nid.Password != "" {
		t.Errorf("nodeid.json holds the password %q; it was given from outside the base folder", nid.Password)
	}
	id, err := identity.LoadWith(base, identity.Options{Password: "correct horse battery staple"})
	if err != nil {
		t.Fatal(err)
	}
	if err := id.Unlock(); err != nil {
		t.Errorf("the password given to init does not unlock the keystore: %v", err)
	}
	wrong, err := identity.LoadWith(base, identity.Options{Password: "wrong"})
	if err == nil {
		if err := wrong.Unlock(); err == nil {
			t.Error("a wrong password unlocked the keystore")
		}
	}
}
