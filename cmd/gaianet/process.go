package main

// Process handling for 'gaianet start' and 'gaianet stop', shared by every
// platform. What differs by platform (detaching a child, asking a node to
// stop, killing it, telling "address in use") is in process_unix.go and
// process_windows.go behind the same small functions:
//
//	detach(cmd)             start cmd in the background, outliving us
//	requestStop(pid)        ask the node to shut down gracefully
//	watchStopRequests(stop) in the node: call stop when asked to
//	forceKill(pid)          end it now
//	isAddrInUse(err)        a listen error meaning the port is taken
//
// Which node runs from a base folder is told by DIR/gaianet.pid: the node
// writes its pid there (and, once it listens, its address on a second line)
// and holds the file's lock (package filelock) for as long as it runs. A pid file whose lock nobody holds is stale (the node was
// killed, or the pid has been reused by another program) and is never
// signalled.

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/gaianet-go/gaianet/internal/filelock"
)

// instanceEnv passes a background node the random value its /health must
// echo for 'gaianet start' to call it ready.
const instanceEnv = "GAIANET_INSTANCE"

// newInstance returns a random run identifier.
func newInstance() string {
	var b [16]byte
	rand.Read(b[:]) // never fails (crypto/rand)
	return hex.EncodeToString(b[:])
}

// untilStopRequested returns ctx, cancelled as well when 'stop' asks this
// process to shut down (a named event on Windows; on Unix the request is
// SIGTERM, which main already turns into cancellation). release undoes it.
func untilStopRequested(ctx context.Context) (_ context.Context, release func(), err error) {
	ctx, cancel := context.WithCancel(ctx)
	releaseWatch, err := watchStopRequests(cancel)
	if err != nil {
		cancel()
		return nil, nil, err
	}
	return ctx, func() { releaseWatch(); cancel() }, nil
}

// logHandler is the log format of a foreground node or domain: text, or
// JSON lines with --log-json.
func logHandler(w io.Writer, asJSON bool) slog.Handler {
	if asJSON {
		return slog.NewJSONHandler(w, nil)
	}
	return slog.NewTextHandler(w, nil)
}

// runLock is a running node's claim on its base folder: DIR/gaianet.pid,
// holding the node's pid and locked until release.
type runLock struct {
	f    *os.File
	path string
}

// claimBase takes DIR/gaianet.pid for this process, or says which node
// already holds it.
func claimBase(base string) (*runLock, error) {
	return claimPidFile(filepath.Join(base, pidFile), func(pid int) error {
		return fmt.Errorf("a node is already running from %s (pid %d); stop it with 'gaianet stop --base %s'", base, pid, base)
	})
}

// claimPidFile takes the pid file at path for this process (a node's or a
// domain's); taken describes the process that already holds it.
func claimPidFile(path string, taken func(pid int) error) (*runLock, error) {
	// A reader (runningPIDFile) may hold the lock for an instant: retry
	// briefly before calling the file taken.
	for attempt := 0; ; attempt++ {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
		if err != nil {
			return nil, fmt.Errorf("pid file: %w", err)
		}
		err = filelock.TryLock(f)
		if errors.Is(err, filelock.ErrLocked) {
			f.Close()
			if attempt < 10 {
				time.Sleep(20 * time.Millisecond)
				continue
			}
			return nil, taken(readPID(path))
		}
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("pid file: %w", err)
		}
		// A node that was stopping may have removed the file between our
		// open and our lock: then we locked an orphan; start over.
		if !samePath(f, path) {
			f.Close()
			continue
		}
		if err := writePID(f); err != nil {
			f.Close()
			return nil, fmt.Errorf("pid file %s: %w", path, err)
		}
		return &runLock{f: f, path: path}, nil
	}
}

func samePath(f *os.File, path string) bool {
	a, err1 := f.Stat()
	b, err2 := os.Stat(path)
	return err1 == nil && err2 == nil && os.SameFile(a, b)
}

func writePID(f *os.File) error {
	if err := f.Truncate(0); err != nil {
		return err
	}
	if _, err := f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0); err != nil {
		return err
	}
	return f.Sync()
}

// release removes the pid file and drops the lock. On Unix the file is
// removed while still locked, so no other node can see it unlocked; Windows
// cannot remove an open file, so there it is closed first (a start racing
// into that instant would have its fresh pid file removed, which the node
// itself notices at its next 'stop' as "no node is running").
func (l *runLock) release() {
	err := os.Remove(l.path)
	l.f.Close()
	if err != nil {
		os.Remove(l.path)
	}
}

// setAddr records, on the pid file's second line, the address the node
// listens on (info and kb read it to reach the node).
func (l *runLock) setAddr(addr string) error {
	if err := l.f.Truncate(0); err != nil {
		return err
	}
	if _, err := l.f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"+addr+"\n"), 0); err != nil {
		return err
	}
	return l.f.Sync()
}

// readPID reads the pid a pid file records on its first line, 0 if none.
func readPID(path string) int {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	first, _, _ := strings.Cut(string(b), "\n")
	pid, err := strconv.Atoi(strings.TrimSpace(first))
	if err != nil || pid <= 0 {
		return 0
	}
	return pid
}

// healthy reports whether url answers 200.
func healthy(c *http.Client, url string) bool {
	resp, err := c.Get(url)
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

// runningPID returns the pid of the node running from base, or 0 when none
// is (no pid file, or one that nobody holds locked: a stale file).
func runningPID(base string) int { return runningPIDFile(filepath.Join(base, pidFile)) }

// runningPIDFile returns the pid recorded in the pid file at path while
// its process holds the file's lock, else 0.
func runningPIDFile(path string) int {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	if err := filelock.TryLock(f); err == nil {
		filelock.Unlock(f)
		return 0
	} else if !errors.Is(err, filelock.ErrLocked) {
		return 0
	}
	// Locked: a node runs. It writes its pid right after locking.
	for range 50 {
		if pid := readPID(path); pid != 0 {
			return pid
		}
		time.Sleep(10 * time.Millisecond)
	}
	return 0
}

// healthURL is the /health URL of a node listening on addr (":8080",
// "0.0.0.0:8080", "[::]:8080", "192.168.1.5:8080"), reached from this host.
func healthURL(addr string) (string, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("listen address %q: %w", addr, err)
	}
	switch ip := net.ParseIP(host); {
	case host == "" || (ip != nil && ip.IsUnspecified() && ip.To4() != nil):
		host = "127.0.0.1"
	case ip != nil && ip.IsUnspecified():
		host = "::1"
	}
	return "http://" + net.JoinHostPort(host, port) + "/health", nil
}

// probe asks url for /health: ours is true when it answers 200 with our
// instance, foreign when something else answers 200 there (a node, or any
// program, that holds the port but was not started by us).
func probe(ctx context.Context, c *http.Client, url, instance string) (ours, foreign bool) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return false, false
	}
	resp, err := c.Do(req)
	if err != nil {
		return false, false
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return false, false
	}
	var h struct {
		Instance string `json:"instance"`
	}
	if json.NewDecoder(io.LimitReader(resp.Body, 4096)).Decode(&h) != nil || h.Instance != instance {
		return false, true
	}
	return true, false
}

// errNotReady is why readiness.wait gave up.
var errNotReady = errors.New("did not become ready")

// foreignGrace is how long readiness.wait keeps waiting while another program
// answers the health URL: our node, which binds its port before loading
// anything, normally fails with "address in use" well within it. (On Linux
// a node listening on all interfaces can bind while another program holds
// 127.0.0.1 alone; loopback clients would then reach that program.)
const foreignGrace = 10 * time.Second

// readiness is what a background start waits for: the started process
// (what: "node" or "domain") answering url with its instance value.
type readiness struct {
	what, url, instance string
	// portHint says how to choose another port when another program holds
	// this one.
	portHint string
	timeout  time.Duration
}

// wait polls r.url until it answers as r.instance. It returns the child's
// exit error (wrapped in errNotReady) as soon as exited yields one.
func (r readiness) wait(ctx context.Context, exited <-chan error) error {
	url, instance, timeout := r.url, r.instance, r.timeout
	client := &http.Client{Timeout: time.Second}
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	tick := time.NewTicker(25 * time.Millisecond)
	defer tick.Stop()
	var foreignSince time.Time
	for {
		ours, foreign := probe(ctx, client, url, instance)
		if ours {
			return nil
		}
		switch {
		case !foreign:
			foreignSince = time.Time{}
		case foreignSince.IsZero():
			foreignSince = time.Now()
		case time.Since(foreignSince) > foreignGrace:
			return fmt.Errorf("the %s %w: another program answers %s, not the %s just started; %s",
				r.what, errNotReady, url, r.what, r.portHint)
		}
		select {
		case err := <-exited:
			if err == nil {
				err = errors.New("exit status 0")
			}
			return fmt.Errorf("the %s %w: it exited during start-up (%v)", r.what, errNotReady, err)
		case <-deadline.C:
			return fmt.Errorf("the %s %w: it did not answer %s within %s", r.what, errNotReady, url, timeout)
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
		}
	}
}

// startupErrors returns what a node that failed to start wrote to its log
// after offset: its "gaianet: ..." error lines, else its last lines.
func startupErrors(logPath string, offset int64) string {
	f, err := os.Open(logPath)
	if err != nil {
		return ""
	}
	defer f.Close()
	if _, err := f.Seek(offset, io.SeekStart); err != nil {
		return ""
	}
	var errs, tail []string
	sc := bufio.NewScanner(io.LimitReader(f, 1<<20))
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "gaianet: ") {
			errs = append(errs, line)
		}
		tail = append(tail, line)
		if len(tail) > 10 {
			tail = tail[1:]
		}
	}
	if len(errs) > 0 {
		return strings.Join(errs, "\n")
	}
	return strings.Join(tail, "\n")
}

// listenError explains a failed listen.
func listenError(addr string, err error) error {
	if isAddrInUse(err) {
		return fmt.Errorf("cannot listen on %s: the port is already in use by another program (another node?): "+
			"stop it, or choose another port with 'gaianet start --port N' (this run) or 'gaianet config --port N'", addr)
	}
	return fmt.Errorf("cannot listen on %s: %w", addr, err)
}

// maxPasswordFileBytes bounds a keystore password file.
const maxPasswordFileBytes = 4096

// keystorePassword returns the keystore password given outside the base
// folder, and where it came from: the --keystore-password-file flag, else
// $GAIANET_KEYSTORE_PASSWORD_FILE, else $GAIANET_KEYSTORE_PASSWORD. ""
// means none was given (nodeid.json's, GaiaNet's layout, is then used).
// warn receives advice that does not stop the node.
func keystorePassword(flagFile string, getenv func(string) string, warn func(string)) (pw, source string, err error) {
	envFile, envPW := getenv("GAIANET_KEYSTORE_PASSWORD_FILE"), getenv("GAIANET_KEYSTORE_PASSWORD")
	file, source := flagFile, "--keystore-password-file"
	if file == "" {
		if envFile != "" && envPW != "" {
			return "", "", errors.New("both GAIANET_KEYSTORE_PASSWORD and GAIANET_KEYSTORE_PASSWORD_FILE are set: keep one")
		}
		if envPW != "" {
			return envPW, "GAIANET_KEYSTORE_PASSWORD", nil
		}
		file, source = envFile, "GAIANET_KEYSTORE_PASSWORD_FILE"
	}
	if file == "" {
		return "", "", nil
	}
	f, err := os.Open(file)
	if err != nil {
		return "", "", fmt.Errorf("keystore password file (%s): %w", source, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Mode().Perm()&0o077 != 0 && filePermsMeaningful {
		warn(fmt.Sprintf("keystore password file %s is readable by other users (mode %v): chmod 600 it", file, st.Mode().Perm()))
	}
	b, err := io.ReadAll(io.LimitReader(f, maxPasswordFileBytes+1))
	if err != nil {
		return "", "", fmt.Errorf("keystore password file %s: %w", file, err)
	}
	if len(b) > maxPasswordFileBytes {
		return "", "", fmt.Errorf("keystore password file %s is larger than %d bytes: is it the right file?", file, maxPasswordFileBytes)
	}
	// One trailing line break (echo, editors) is not part of the password.
	pw = strings.TrimSuffix(strings.TrimSuffix(string(b), "\n"), "\r")
	if pw == "" {
		return "", "", fmt.Errorf("keystore password file %s is empty", file)
	}
	return pw, file, nil
}
