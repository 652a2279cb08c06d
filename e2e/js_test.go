package e2e

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/internal/sharedtest"
)

// TestJSClients runs the JavaScript tests in e2e/js (the official OpenAI and
// Qdrant clients, under `node --test`) against the running node. It runs
// `npm ci` first when e2e/js/node_modules is missing.
func TestJSClients(t *testing.T) {
	n := mainNode(t)
	nodeBin, err := exec.LookPath("node")
	if err != nil {
		sharedtest.Missing(t, "node is not installed: %v", err)
	}
	dir := filepath.Join(env.root, "e2e", "js")
	ctx, cancel := context.WithTimeout(t.Context(), 4*time.Minute)
	defer cancel()
	if _, err := os.Stat(filepath.Join(dir, "node_modules")); err != nil {
		npm, err := exec.LookPath("npm")
		if err != nil {
			sharedtest.Missing(t, "npm is not installed and e2e/js/node_modules is missing: %v", err)
		}
		cmd := exec.CommandContext(ctx, npm, "ci", "--no-audit", "--no-fund")
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("npm ci in e2e/js: %v\n%s", err, out)
		}
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.test.mjs"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no e2e/js/*.test.mjs: %v", err)
	}
	// Files are listed explicitly: node 20 takes directories, node 22 globs.
	args := append([]string{"--test", "--test-reporter=tap"}, files...)
	cmd := exec.CommandContext(ctx, nodeBin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"GAIANET_E2E_URL="+n.URL,
		"GAIANET_E2E_CHAT_MODEL="+chatModel,
		"GAIANET_E2E_EMBED_MODEL="+embedModel,
		"NO_COLOR=1",
	)
	out, err := cmd.CombinedOutput()
	t.Logf("node --test:\n%s", out)
	if err != nil {
		t.Fatalf("node --test failed: %v (output above)", err)
	}
	count := func(name string) int {
		m := regexp.MustCompile(`(?m)^# ` + name + ` (\d+)$`).FindSubmatch(out)
		if m == nil {
			t.Fatalf("node --test printed no '# %s' summary line", name)
		}
		v, _ := strconv.Atoi(string(m[1]))
		return v
	}
	pass, fail, skipped := count("pass"), count("fail"), count("skipped")
	if fail != 0 || pass == 0 {
		t.Errorf("node --test: %d passed, %d failed", pass, fail)
	}
	// The node serves /qdrant/, so nothing may skip (the Qdrant test skips
	// itself only when that route is missing).
	if m := regexp.MustCompile(`(?m)^\s*ok \d+ - (.*) # SKIP (.*)$`).FindAllSubmatch(out, -1); len(m) > 0 || skipped != 0 {
		for _, s := range m {
			t.Errorf("JS test %q skipped: %s", s[1], s[2])
		}
		if len(m) == 0 {
			t.Errorf("%d JS tests skipped", skipped)
		}
	}
	t.Logf("node --test: %d passed, %d failed, %d skipped", pass, fail, skipped)
}
