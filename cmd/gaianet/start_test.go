package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// asCLIEnv makes the test binary run as gaianet (TestMain): 'gaianet
// start' starts its background node from os.Executable(), which in a test is
// this binary, so the real start/stop code runs in real child processes.
const asCLIEnv = "GAIANET_TEST_AS_CLI"

func TestMain(m *testing.M) {
	if os.Getenv(asCLIEnv) == "1" {
		os.Exit(cliMain(os.Args[1:]))
	}
	os.Exit(m.Run())
}

// gaianetProc runs gaianet (this binary) as a separate process.
func gaianetProc(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], args...)
	cmd.Env = append(os.Environ(), asCLIEnv+"=1")
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		code = ee.ExitCode()
	default:
		t.Fatalf("gaianet %s: %v", strings.Join(args, " "), err)
	}
	return code, out.String(), errb.String()
}

var (
	demoOnce sync.Once
	demoDir  string
	demoErr  error
)

// demoBase returns a fresh copy of an initialised demo node folder.
func demoBase(t *testing.T) string {
	t.Helper()
	demoOnce.Do(func() {
		demoDir, demoErr = os.MkdirTemp("", "gaianet-start-test-")
		if demoErr != nil {
			return
		}
		var out strings.Builder
		if code := run(context.Background(), []string{"init", "--config", "demo", "--light-keystore", "--base", filepath.Join(demoDir, "node")}, &out, &out); code != 0 {
			demoErr = fmt.Errorf("init --config demo: exit %d\n%s", code, out.String())
		}
	})
	if demoErr != nil {
		t.Fatal(demoErr)
	}
	base := filepath.Join(t.TempDir(), "node")
	if err := os.CopyFS(base, os.DirFS(filepath.Join(demoDir, "node"))); err != nil {
		t.Fatal(err)
	}
	return base
}

// impostor serves GET /health {"status":"ok"} on a port of all interfaces,
// as another node (or llama-server) holding the port would.
func impostor(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", ":0")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"status":"ok"}`))
	}))
	srv.Listener.Close()
	srv.Listener = ln
	srv.Start()
	t.Cleanup(srv.Close)
	return ln.Addr().(*net.TCPAddr).Port
}

// TestStartPortTaken: with the port held by another program that answers
// /health, start must fail with the bind error and a non-zero exit, in the
// background (where that program's answer once passed for our node's) and
// in the foreground.
func TestStartPortTaken(t *testing.T) {
	base := demoBase(t)
	port := strconv.Itoa(impostor(t))

	code, out, errOut := gaianetProc(t, "start", "--base", base, "--port", port)
	if code == 0 || strings.Contains(out, "node started") {
		t.Fatalf("background start on a taken port: exit %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	if !strings.Contains(errOut, "already in use") || !strings.Contains(errOut, ":"+port) {
		t.Errorf("background start does not say the port is taken:\n%s", errOut)
	}
	if pid := runningPID(base); pid != 0 {
		t.Errorf("a node (pid %d) still holds the folder", pid)
	}

	var fout, ferr strings.Builder
	code = run(context.Background(), []string{"start", "--foreground", "--base", base, "--port", port}, &fout, &ferr)
	if code != 1 || !strings.Contains(ferr.String(), "already in use") {
		t.Errorf("foreground start on a taken port: exit %d\n%s", code, ferr.String())
	}
	if _, err := os.Stat(filepath.Join(base, pidFile)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("pid file left by a failed start: %v", err)
	}
}

// TestStartStop: a background start returns once its own node answers;
// the folder is claimed while it runs; stop stops it; a node killed with
// SIGKILL leaves a stale pid file that neither blocks the next start nor
// gets signalled.
func TestStartStop(t *testing.T) {
	base := demoBase(t)
	port := strconv.Itoa(freeTCPPort(t))
	code, out, errOut := gaianetProc(t, "start", "--base", base, "--port", port)
	if code != 0 {
		t.Fatalf("start: exit %d\n%s%s", code, out, errOut)
	}
	stopped := false
	t.Cleanup(func() {
		if !stopped {
			gaianetProc(t, "stop", "--base", base, "--timeout", "5s")
		}
	})
	m := regexp.MustCompile(`node started \(pid (\d+)\): http://localhost:` + port).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("start output:\n%s", out)
	}
	pid, _ := strconv.Atoi(m[1])
	if got := runningPID(base); got != pid {
		t.Errorf("runningPID = %d, want %d", got, pid)
	}
	if b, _ := os.ReadFile(filepath.Join(base, pidFile)); !strings.HasSuffix(string(b), ":"+port+"\n") {
		t.Errorf("pid file %q does not record the listen address", b)
	}
	resp, err := http.Get("http://127.0.0.1:" + port + "/health")
	if err != nil {
		t.Fatal(err)
	}
	var h struct{ Status, Instance string }
	json.NewDecoder(resp.Body).Decode(&h)
	resp.Body.Close()
	if h.Status != "ok" || len(h.Instance) != 32 {
		t.Errorf("/health = %+v", h)
	}
	for path, want := range map[string]os.FileMode{pidFile: 0o600, logDir: 0o700, filepath.Join(logDir, logFile): 0o600} {
		if st, err := os.Stat(filepath.Join(base, path)); err != nil || st.Mode().Perm() != want {
			t.Errorf("%s: %v, want mode %v", path, err, want)
		}
	}
	if code, _, errOut := gaianetProc(t, "start", "--base", base, "--port", strconv.Itoa(freeTCPPort(t))); code == 0 || !strings.Contains(errOut, "already running") {
		t.Errorf("second start: exit %d\n%s", code, errOut)
	}

	code, out, errOut = gaianetProc(t, "stop", "--base", base)
	stopped = true
	if code != 0 || !strings.Contains(out, fmt.Sprintf("node stopped (pid %d)", pid)) {
		t.Fatalf("stop: exit %d\n%s%s", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(base, pidFile)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("pid file after stop: %v", err)
	}

	// kill -9: the pid file stays, unlocked, naming a pid that may be
	// reused by anything; it must read as "not running".
	code, out, errOut = gaianetProc(t, "start", "--base", base, "--port", port)
	if code != 0 {
		t.Fatalf("restart: exit %d\n%s%s", code, out, errOut)
	}
	stopped = false
	pid = runningPID(base)
	if pid == 0 {
		t.Fatal("restarted node not running")
	}
	if err := forceKill(pid); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for runningPID(base) != 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if readPID(filepath.Join(base, pidFile)) != pid {
		t.Fatal("the killed node's pid file is gone; the test needs it stale")
	}
	if got := runningPID(base); got != 0 {
		t.Fatalf("runningPID after kill -9 = %d, want 0", got)
	}
	stopped = true
	if code, out, _ := gaianetProc(t, "stop", "--base", base); code != 0 || !strings.Contains(out, "no node is running") {
		t.Errorf("stop with a stale pid file: exit %d %s", code, out)
	}
	if _, err := os.Stat(filepath.Join(base, pidFile)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("stale pid file not removed: %v", err)
	}
}

func TestStartFlags(t *testing.T) {
	for _, args := range [][]string{
		{"start", "--port", "0"},
		{"start", "--port", "70000"},
		{"start", "--port", "9000", "--listen", "127.0.0.1:9001"},
	} {
		code, _, errOut := runCLI(t, append(args, "--base", t.TempDir())...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2 (usage)\n%s", args, code, errOut)
		}
	}
}

func TestHealthURL(t *testing.T) {
	for addr, want := range map[string]string{
		":8080":            "http://127.0.0.1:8080/health",
		"0.0.0.0:8080":     "http://127.0.0.1:8080/health",
		"[::]:8080":        "http://[::1]:8080/health",
		"192.168.1.5:9000": "http://192.168.1.5:9000/health",
		"localhost:1":      "http://localhost:1/health",
	} {
		if got, err := healthURL(addr); err != nil || got != want {
			t.Errorf("healthURL(%q) = %q, %v; want %q", addr, got, err, want)
		}
	}
	if _, err := healthURL("8080"); err == nil {
		t.Error("healthURL accepted an address without a port")
	}
}

func TestKeystorePassword(t *testing.T) {
	dir := t.TempDir()
	file := func(name, content string, mode os.FileMode) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), mode); err != nil {
			t.Fatal(err)
		}
		os.Chmod(p, mode)
		return p
	}
	good := file("pw", "s3cret pass\n", 0o600)
	crlf := file("crlf", "s3cret pass\r\n", 0o600)
	open := file("open", "s3cret pass", 0o644)
	empty := file("empty", "\n", 0o600)
	big := file("big", strings.Repeat("x", maxPasswordFileBytes+1), 0o600)
	tests := []struct {
		name     string
		flag     string
		env      map[string]string
		want     string
		wantErr  string
		wantWarn bool
	}{
		{"none", "", nil, "", "", false},
		{"env", "", map[string]string{"GAIANET_KEYSTORE_PASSWORD": "from env"}, "from env", "", false},
		{"env file", "", map[string]string{"GAIANET_KEYSTORE_PASSWORD_FILE": good}, "s3cret pass", "", false},
		{"crlf", "", map[string]string{"GAIANET_KEYSTORE_PASSWORD_FILE": crlf}, "s3cret pass", "", false},
		{"flag wins", good, map[string]string{"GAIANET_KEYSTORE_PASSWORD": "from env"}, "s3cret pass", "", false},
		{"both env", "", map[string]string{"GAIANET_KEYSTORE_PASSWORD": "a", "GAIANET_KEYSTORE_PASSWORD_FILE": good}, "", "keep one", false},
		{"missing file", filepath.Join(dir, "nope"), nil, "", "no such file", false},
		{"empty file", empty, nil, "", "is empty", false},
		{"huge file", big, nil, "", "larger than", false},
		{"readable by others", open, nil, "s3cret pass", "", filePermsMeaningful},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			warned := false
			pw, _, err := keystorePassword(tt.flag, func(k string) string { return tt.env[k] }, func(string) { warned = true })
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || pw != tt.want || warned != tt.wantWarn {
				t.Fatalf("= %q, %v (warned %v); want %q (warn %v)", pw, err, warned, tt.want, tt.wantWarn)
			}
		})
	}
}

// TestDomainStartPortTaken: a background 'domain start' on a port another
// program answers /health on must fail, not report that program as the
// domain it started.
func TestDomainStartPortTaken(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "dom")
	port := strconv.Itoa(impostor(t))
	if code, out, errOut := gaianetProc(t, "domain", "init", "--base", dir, "--name", "test.example", "--listen", "127.0.0.1:"+port); code != 0 {
		t.Fatalf("domain init: exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut := gaianetProc(t, "domain", "start", "--base", dir)
	if code == 0 || strings.Contains(out, "started") {
		gaianetProc(t, "domain", "stop", "--base", dir)
		t.Fatalf("domain start on a taken port: exit %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	if !strings.Contains(errOut, "did not become ready") {
		t.Errorf("domain start does not say why it failed:\n%s", errOut)
	}
	if pid := runningPIDFile(filepath.Join(dir, domainPidFile)); pid != 0 {
		t.Errorf("a domain (pid %d) still holds the folder", pid)
	}
}
