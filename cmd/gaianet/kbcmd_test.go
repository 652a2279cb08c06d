package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/node"
)

// initDemo makes a demo node in a new base directory.
func initDemo(t *testing.T) string {
	t.Helper()
	base := filepath.Join(t.TempDir(), "node")
	if code, out, stderr := runCLI(t, "init", "--base", base, "--config", "demo", "--light-keystore"); code != 0 {
		t.Fatalf("init: exit %d\n%s%s", code, out, stderr)
	}
	return base
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, stderr := runCLI(t, args...)
	if code != 0 {
		t.Fatalf("gaianet %s: exit %d\n%s%s", strings.Join(args, " "), code, out, stderr)
	}
	return out
}

// serveNode runs the node of base in this process, as 'gaianet start' does:
// it holds the vector store, listens on llamaedge_port and records its pid.
func serveNode(t *testing.T, base string) {
	t.Helper()
	cfg, err := loadConfig(base)
	if err != nil {
		t.Fatal(err)
	}
	n, err := node.Open(context.Background(), cfg, node.Options{Base: base})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", cfg.LlamaEdgePort))
	if err != nil {
		n.Close()
		t.Fatal(err)
	}
	srv := &http.Server{Handler: n.Handler()}
	go srv.Serve(ln)
	lock, err := claimBase(base) // the pid file, held as a running node holds it
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		srv.Close()
		n.Close()
		lock.release()
	})
}

func freeTCPPort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// kbSession runs every kb command on a node's knowledge base, checking the
// results; it is the same whether the node runs or not.
func kbSession(t *testing.T, base string) {
	t.Helper()
	kbRun := func(args ...string) string {
		t.Helper()
		return mustRun(t, append(append([]string{"kb"}, args...), "--base", base)...)
	}
	// A collection nothing was added to reports zero.
	if out := kbRun("stats", "--collection", "fresh"); !strings.Contains(out, "points:          0") || !strings.Contains(out, "documents:       0") {
		t.Errorf("stats of a fresh collection:\n%s", out)
	}
	if out := kbRun("list", "--collection", "fresh"); !strings.Contains(out, `0 documents in "fresh"`) {
		t.Errorf("list of a fresh collection:\n%s", out)
	}
	if out := kbRun("search", "--collection", "fresh", "anything"); !strings.Contains(out, "no results") {
		t.Errorf("search of a fresh collection:\n%s", out)
	}
	// The demo documents.
	if out := kbRun("list"); !strings.Contains(out, `2 documents in "default"`) {
		t.Errorf("list:\n%s", out)
	}
	// A CSV table: every column reaches the knowledge base.
	csv := filepath.Join(t.TempDir(), "stock.csv")
	os.WriteFile(csv, []byte("name,price,colour\nwidget,3.50,blue\ngadget,7.25,red\n"), 0o644)
	if out := kbRun("ingest", csv); !strings.Contains(out, "1 added, 0 replaced, 0 unchanged, 0 failed; 2 chunks") {
		t.Errorf("ingest:\n%s", out)
	}
	if out := kbRun("ingest", csv); !strings.Contains(out, "0 added, 0 replaced, 1 unchanged") {
		t.Errorf("ingest again:\n%s", out)
	}
	out := kbRun("search", "--limit", "10", "widget price colour")
	if !strings.Contains(out, "name: widget\n   price: 3.50\n   colour: blue") || !strings.Contains(out, "stock.csv (doc_") {
		t.Errorf("search:\n%s", out)
	}
	if out := kbRun("stats"); !strings.Contains(out, "documents:       3") {
		t.Errorf("stats:\n%s", out)
	}
	// Export, then import into another collection.
	snap := filepath.Join(t.TempDir(), "kb.snapshot")
	kbRun("export", snap)
	if out := kbRun("import", "--collection", "copy", snap); !strings.Contains(out, `into collection "copy"`) {
		t.Errorf("import:\n%s", out)
	}
	if out := kbRun("list", "--collection", "copy"); !strings.Contains(out, `3 documents in "copy"`) {
		t.Errorf("list of the imported copy:\n%s", out)
	}
	// Delete by name.
	if out := kbRun("delete", "stock.csv"); !strings.Contains(out, "stock.csv: 2 chunks removed") {
		t.Errorf("delete:\n%s", out)
	}
	if out := kbRun("list"); !strings.Contains(out, `2 documents in "default"`) {
		t.Errorf("list after delete:\n%s", out)
	}
	if code, _, stderr := runCLI(t, "kb", "delete", "nothing.txt", "--base", base); code == 0 || !strings.Contains(stderr, `no document "nothing.txt"`) {
		t.Errorf("delete of an unknown document: exit %d %s", code, stderr)
	}
}

func TestKBOffline(t *testing.T) {
	kbSession(t, initDemo(t))
}

// TestKBWhileNodeRuns runs the kb commands while the node holds the
// knowledge base (its lock), with an API key: they go through the node's
// API.
func TestKBWhileNodeRuns(t *testing.T) {
	base := initDemo(t)
	port := freeTCPPort(t)
	mustRun(t, "config", "--base", base, "--port", strconv.Itoa(port), "--api-keys", "kb-test-key")
	serveNode(t, base)
	resp, err := http.Get(fmt.Sprintf("http://127.0.0.1:%d/v1/knowledge/collections/default", port))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("the knowledge routes answer %d without the API key", resp.StatusCode)
	}
	kbSession(t, base)
	// What the node serves reveals no paths of the client's disk either.
	if out := mustRun(t, "kb", "list", "--base", base, "--json"); strings.Contains(out, string(filepath.Separator)+"tmp") {
		t.Errorf("list over the API shows paths:\n%s", out)
	}
}

// TestInfoShowsNode checks info on a node that is not running (knowledge
// base read from disk) and on one that is (the address it listens on, and
// the knowledge base through its API).
func TestInfoShowsNode(t *testing.T) {
	base := initDemo(t)
	if out := mustRun(t, "info", "--base", base); !strings.Contains(out, `Knowledge base:  collection "default", 2 documents, 6 points`) ||
		!strings.Contains(out, "Status:          stopped") {
		t.Errorf("info of a stopped node:\n%s", out)
	}
	port := freeTCPPort(t)
	mustRun(t, "config", "--base", base, "--port", strconv.Itoa(port))
	serveNode(t, base)
	// The config now names another port than the one the node listens on.
	mustRun(t, "config", "--base", base, "--port", strconv.Itoa(port+1))
	out := mustRun(t, "info", "--base", base)
	for _, want := range []string{
		fmt.Sprintf("Listening on:    127.0.0.1:%d", port),
		fmt.Sprintf("API:             http://localhost:%d/v1", port),
		fmt.Sprintf("config.json says port %d", port+1),
		`collection "default", 2 documents, 6 points`,
		"answering",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("info of a running node lacks %q:\n%s", want, out)
		}
	}
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"version"}} {
		out := mustRun(t, args...)
		if !strings.HasPrefix(out, "gaianet "+version+" (") || !strings.Contains(out, runtime.Version()) {
			t.Errorf("gaianet %s: %q", args[0], out)
		}
	}
}

// TestConfigRefusesUnknownTemplate: an unknown prompt_template is refused
// when set, listing the built-in names, and the file is left as it was.
func TestConfigRefusesUnknownTemplate(t *testing.T) {
	base := initDemo(t)
	before, _ := os.ReadFile(filepath.Join(base, "config.json"))
	code, _, stderr := runCLI(t, "config", "--base", base, "--prompt-template", "llama3")
	if code != 2 || !strings.Contains(stderr, `"llama3" is not a built-in chat template`) || !strings.Contains(stderr, "llama-3-chat") {
		t.Errorf("exit %d\n%s", code, stderr)
	}
	after, _ := os.ReadFile(filepath.Join(base, "config.json"))
	if string(after) != string(before) {
		t.Error("a refused edit changed config.json")
	}
	mustRun(t, "config", "--base", base, "--prompt-template", "gguf")
	mustRun(t, "config", "--base", base, "--prompt-template", "chatml")
}

// TestKBHelpListsFlags: every kb subcommand's --help lists the flags it
// takes, and only those.
func TestKBHelpListsFlags(t *testing.T) {
	for sub, flags := range map[string][]string{
		"ingest": {"-base", "-collection", "-csv", "-chunk-tokens", "-overlap-tokens"},
		"list":   {"-base", "-collection", "-json"},
		"stats":  {"-base", "-collection", "-json"},
		"search": {"-base", "-collection", "-limit", "-threshold", "-json"},
		"delete": {"-base", "-collection"},
		"export": {"-base", "-collection"},
		"import": {"-base", "-collection"},
	} {
		out := mustRun(t, "kb", sub, "--help")
		for _, f := range flags {
			if !strings.Contains(out, "  "+f+" ") && !strings.Contains(out, "  "+f+"\n") {
				t.Errorf("kb %s --help lacks %s:\n%s", sub, f, out)
			}
		}
		if sub != "search" && strings.Contains(out, "-limit") {
			t.Errorf("kb %s --help lists search's -limit", sub)
		}
	}
}

// TestKBStalePidFile: a pid file naming a live process that is not a node
// (nothing answers) does not stop kb from working on the files.
func TestKBStalePidFile(t *testing.T) {
	base := initDemo(t)
	mustRun(t, "config", "--base", base, "--port", strconv.Itoa(freeTCPPort(t)))
	if err := os.WriteFile(filepath.Join(base, pidFile), []byte(strconv.Itoa(os.Getpid())+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := mustRun(t, "kb", "list", "--base", base); !strings.Contains(out, `2 documents in "default"`) {
		t.Errorf("kb list with a stale pid file:\n%s", out)
	}
}
