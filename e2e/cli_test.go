package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// run runs the built gaianet binary and returns its combined output.
func run(t *testing.T, args ...string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, env.bin, args...).CombinedOutput()
	return string(out), err
}

func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// TestLifecycleDemo walks a user's first session on the offline demo node:
// init, config, start in the background, info, a chat, stop.
func TestLifecycleDemo(t *testing.T) {
	if env.bin == "" {
		t.Skip(env.skip)
	}
	base := filepath.Join(t.TempDir(), "node")
	must := func(args ...string) string {
		t.Helper()
		out, err := run(t, append(args, "--base", base)...)
		if err != nil {
			t.Fatalf("gaianet %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return out
	}
	out := must("init", "--config", "demo", "--light-keystore")
	for _, want := range []string{"node ID 0x", "device ID device-", "demo knowledge base: 2 documents", "answers are noise"} {
		if !strings.Contains(out, want) {
			t.Errorf("init output lacks %q:\n%s", want, out)
		}
	}
	port := freePort(t)
	must("config", "--port", fmt.Sprint(port), "--system-prompt", "You are the demo node.")
	if out, err := run(t, "config", "--base", base, "--rag-policy", "somewhere"); err == nil || !strings.Contains(out, "rag_policy") {
		t.Errorf("invalid config edit accepted: %v\n%s", err, out)
	}
	cfg, _ := os.ReadFile(filepath.Join(base, "config.json"))
	if !strings.Contains(string(cfg), `"You are the demo node."`) || strings.Contains(string(cfg), "somewhere") {
		t.Errorf("config.json after edits:\n%s", cfg)
	}

	out = must("start")
	if !strings.Contains(out, fmt.Sprintf("http://localhost:%d", port)) {
		t.Errorf("start output:\n%s", out)
	}
	stopped := false
	defer func() {
		if !stopped {
			run(t, "stop", "--base", base)
		}
	}()
	if out, err := run(t, "start", "--base", base); err == nil || !strings.Contains(out, "already running") {
		t.Errorf("second start: %v\n%s", err, out)
	}
	if out := must("info"); !strings.Contains(out, "running (pid") || !strings.Contains(out, "demo-chat") {
		t.Errorf("info while running:\n%s", out)
	}
	var reply struct {
		Choices []struct {
			Message struct {
				Content string `json:"content"`
			} `json:"message"`
		} `json:"choices"`
		Sources []struct {
			Source string `json:"source"`
		} `json:"sources"`
	}
	code := postJSON(t, fmt.Sprintf("http://127.0.0.1:%d/v1/chat/completions", port),
		`{"max_tokens":8,"messages":[{"role":"user","content":"How do I start a node?"}]}`, &reply)
	if code != 200 || len(reply.Choices) != 1 || len(reply.Sources) == 0 {
		t.Errorf("chat with the demo node: %d %+v", code, reply)
	}

	out = must("stop")
	stopped = true
	if !strings.Contains(out, "node stopped") {
		t.Errorf("stop output:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(base, "gaianet.pid")); !os.IsNotExist(err) {
		t.Errorf("pid file left behind: %v", err)
	}
	if out := must("info"); !strings.Contains(out, "Status:         stopped") {
		t.Errorf("info after stop:\n%s", out)
	}
	if out := must("stop"); !strings.Contains(out, "no node is running") {
		t.Errorf("second stop:\n%s", out)
	}
	log, _ := os.ReadFile(filepath.Join(base, "log", "gaianet.log"))
	for _, want := range []string{"node ready", "shutting down", "node stopped"} {
		if !strings.Contains(string(log), want) {
			t.Errorf("log lacks %q", want)
		}
	}
	// Re-running init keeps the identity.
	id1, _ := os.ReadFile(filepath.Join(base, "nodeid.json"))
	must("init", "--config", "demo", "--light-keystore")
	id2, _ := os.ReadFile(filepath.Join(base, "nodeid.json"))
	if string(id1) != string(id2) {
		t.Error("init replaced the node identity")
	}
}

// postJSON POSTs body to url and decodes the JSON answer into v; it returns
// the status.
func postJSON(t *testing.T, url, body string, v any) int {
	t.Helper()
	resp, err := http.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatalf("POST %s: %v", url, err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatalf("POST %s: %d, body is not JSON: %v", url, resp.StatusCode, err)
	}
	return resp.StatusCode
}
