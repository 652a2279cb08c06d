package e2e

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/internal/sharedtest"
)

// Names the API reports for the conformance models (chat_name and
// embedding_name in the node's config.json).
const (
	chatModel  = "tiny-llama"
	embedModel = "tiny-bert"
	embedDim   = 256 // bert-f16.gguf's hidden size
)

// docs is the knowledge base every node is given: file name → text.
var docs = map[string]string{
	"paris.md": "# Paris\n\nParis is the capital of France. It lies on the Seine and is known for the Eiffel Tower.\n",
	"go.md":    "# Go\n\nGo is a programming language designed at Google. Its mascot is a gopher.\n",
}

// suite is what TestMain prepares for the tests. It is written once by
// TestMain before any test runs and only read afterwards.
type suite struct {
	skip string // what is missing for every test to run; empty when the node runs
	root string // project root (the directory holding go.mod)
	tmp  string // scratch directory of the whole run
	bin  string // the gaianet binary built for this run
	node *nodeProc
}

var env suite

func TestMain(m *testing.M) {
	os.Exit(runMain(m))
}

func runMain(m *testing.M) int {
	root, err := sharedtest.ModuleRoot()
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	env.root = root
	shared := sharedtest.Root()
	if _, err := os.Stat(filepath.Join(shared, "conformance", "models", "llama-spm-q8_0.gguf")); shared == "" || err != nil {
		env.skip = "e2e: ../shared/conformance is absent"
		return m.Run()
	}
	tmp, err := os.MkdirTemp("", "gaianet-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(tmp)
	env.tmp = tmp

	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	t0 := time.Now()
	if env.bin, err = buildBinary(ctx, root, tmp); err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	base, err := setUpNode(ctx, "main", nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	if env.node, err = startNode(ctx, base); err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	fmt.Fprintf(os.Stderr, "e2e: node ready at %s (build, init, ingest and start took %s)\n", env.node.URL, time.Since(t0).Round(time.Millisecond))

	code := m.Run()

	// Graceful shutdown: SIGTERM must make the node exit 0 promptly.
	if err := env.node.stop(10 * time.Second); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: FAIL: graceful shutdown: %v\n%s", err, env.node.logTail(20))
		code = 1
	}
	return code
}

// buildBinary builds cmd/gaianet into dir, without cgo, as users get it.
func buildBinary(ctx context.Context, root, dir string) (string, error) {
	bin := filepath.Join(dir, "gaianet")
	cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/gaianet")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build ./cmd/gaianet: %w\n%s", err, out)
	}
	return bin, nil
}

// nodeConfig is the config.json of a test node; ext is merged into its
// "gaianet_go" object, except chat and prompt_template, which replace the
// top-level ones.
func nodeConfig(ext map[string]any) map[string]any {
	models := filepath.Join(sharedtest.Root(), "conformance", "models") // runMain checked it is there
	gg := map[string]any{"parallel": 2}
	chat, template := filepath.Join(models, "llama-spm-q8_0.gguf"), "llama-2-chat"
	for k, v := range ext {
		switch k {
		case "chat":
			chat = v.(string)
		case "prompt_template":
			template = v.(string)
		default:
			gg[k] = v
		}
	}
	return map[string]any{
		"chat":                   chat,
		"chat_name":              chatModel,
		"chat_ctx_size":          512,
		"prompt_template":        template,
		"embedding":              filepath.Join(models, "bert-f16.gguf"),
		"embedding_name":         embedModel,
		"embedding_ctx_size":     512,
		"llamaedge_port":         8080, // unused: the tests pass --listen
		"qdrant_limit":           2,
		"qdrant_score_threshold": 0.0,
		"system_prompt":          "You are a helpful assistant of an end-to-end test.",
		"gaianet_go":             gg,
	}
}

// setUpNode creates the node directory tmp/name with `gaianet init` and
// fills its knowledge base with `gaianet kb ingest`. It returns the base.
func setUpNode(ctx context.Context, name string, ext map[string]any) (string, error) {
	dir := filepath.Join(env.tmp, name)
	docDir := filepath.Join(dir, "docs")
	if err := os.MkdirAll(docDir, 0o755); err != nil {
		return "", err
	}
	cfg, err := json.MarshalIndent(nodeConfig(ext), "", "  ")
	if err != nil {
		return "", err
	}
	cfgPath := filepath.Join(dir, "config.json")
	if err := os.WriteFile(cfgPath, cfg, 0o644); err != nil {
		return "", err
	}
	files := []string{}
	for fn, text := range docs {
		if err := os.WriteFile(filepath.Join(docDir, fn), []byte(text), 0o644); err != nil {
			return "", err
		}
		files = append(files, filepath.Join("docs", fn))
	}
	base := filepath.Join(dir, "base")
	if err := gaianet(ctx, dir, "init", "--base", base, "--config", cfgPath, "--light-keystore"); err != nil {
		return "", err
	}
	if err := gaianet(ctx, dir, append([]string{"kb", "ingest", "--base", base}, files...)...); err != nil {
		return "", err
	}
	return base, nil
}

// gaianet runs the binary to completion in dir.
func gaianet(ctx context.Context, dir string, args ...string) error {
	cmd := exec.CommandContext(ctx, env.bin, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("gaianet %s: %w\n%s", strings.Join(args, " "), err, out)
	}
	return nil
}

// nodeProc is a running `gaianet start --foreground`.
type nodeProc struct {
	// URL is the node's base URL, "http://127.0.0.1:PORT".
	URL string

	cmd     *exec.Cmd
	logPath string
	done    chan struct{} // closed when the process has exited and been reaped

	mu      sync.Mutex // mu guards waitErr
	waitErr error

	stopOnce sync.Once
	stopErr  error // the result of the first stop
}

var readyRE = regexp.MustCompile(`msg="node ready".*\burl=(\S+)`)

// startNode starts the node of base on a free loopback port (the node picks
// it: --listen 127.0.0.1:0), reads its URL from the "node ready" log line
// and waits until GET /health answers 200.
func startNode(ctx context.Context, base string) (*nodeProc, error) {
	logPath := filepath.Join(filepath.Dir(base), "node.log")
	lf, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(env.bin, "start", "--foreground", "--base", base, "--listen", "127.0.0.1:0")
	cmd.Stdout = lf
	stderr, err := cmd.StderrPipe()
	if err != nil {
		lf.Close()
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		lf.Close()
		return nil, fmt.Errorf("start node: %w", err)
	}
	n := &nodeProc{cmd: cmd, logPath: logPath, done: make(chan struct{})}
	urls := make(chan string, 1)
	go func() {
		defer close(n.done)
		defer lf.Close()
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			fmt.Fprintln(lf, line)
			if m := readyRE.FindStringSubmatch(line); m != nil {
				select {
				case urls <- m[1]:
				default:
				}
			}
		}
		io.Copy(lf, stderr) // a line longer than the buffer: keep the rest
		err := cmd.Wait()
		n.mu.Lock()
		n.waitErr = err
		n.mu.Unlock()
	}()

	fail := func(err error) (*nodeProc, error) {
		n.kill()
		return nil, fmt.Errorf("%w\nnode log:\n%s", err, n.logTail(30))
	}
	select {
	case n.URL = <-urls:
	case <-n.done:
		return fail(fmt.Errorf("the node exited during start-up: %v", n.exitErr()))
	case <-ctx.Done():
		return fail(fmt.Errorf("the node did not log \"node ready\": %w", ctx.Err()))
	case <-time.After(2 * time.Minute):
		return fail(errors.New("the node did not log \"node ready\" within 2 minutes"))
	}
	client := &http.Client{Timeout: 2 * time.Second}
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := client.Get(n.URL + "/health")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return n, nil
			}
		}
		if time.Now().After(deadline) {
			return fail(fmt.Errorf("GET %s/health did not answer 200 within 30 s (last: %v)", n.URL, err))
		}
		select {
		case <-n.done:
			return fail(fmt.Errorf("the node exited: %v", n.exitErr()))
		case <-time.After(50 * time.Millisecond):
		}
	}
}

func (n *nodeProc) exitErr() error {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.waitErr
}

// stop sends SIGTERM and waits up to timeout for a clean exit (status 0
// and the "node stopped" log line). After the timeout it kills the node
// and reports an error. Later calls return the first call's result.
func (n *nodeProc) stop(timeout time.Duration) error {
	n.stopOnce.Do(func() { n.stopErr = n.terminate(timeout) })
	return n.stopErr
}

func (n *nodeProc) terminate(timeout time.Duration) error {
	if err := n.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		return fmt.Errorf("SIGTERM: %w", err)
	}
	t0 := time.Now()
	select {
	case <-n.done:
	case <-time.After(timeout):
		n.kill()
		return fmt.Errorf("the node did not exit within %s of SIGTERM; killed", timeout)
	}
	if err := n.exitErr(); err != nil {
		return fmt.Errorf("the node exited with %v after SIGTERM", err)
	}
	if b, err := os.ReadFile(n.logPath); err != nil || !strings.Contains(string(b), "node stopped") {
		return fmt.Errorf("the node exited 0 after %s but never logged \"node stopped\"", time.Since(t0).Round(time.Millisecond))
	}
	return nil
}

// kill ends the process at once and waits for it to be reaped.
func (n *nodeProc) kill() {
	n.cmd.Process.Kill()
	<-n.done
}

// logTail returns the last lines of the node's log.
func (n *nodeProc) logTail(lines int) string {
	b, err := os.ReadFile(n.logPath)
	if err != nil {
		return err.Error()
	}
	all := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(all) > lines {
		all = all[len(all)-lines:]
	}
	return strings.Join(all, "\n") + "\n"
}

// mainNode returns the node TestMain started, or ends t with
// sharedtest.Missing.
func mainNode(t *testing.T) *nodeProc {
	t.Helper()
	if env.skip != "" {
		sharedtest.Missing(t, "%s", env.skip)
	}
	return env.node
}

// startExtraNode sets up and starts another node (config extension ext)
// for t, and stops it at t's end, failing t unless it shuts down cleanly.
func startExtraNode(t *testing.T, name string, ext map[string]any) *nodeProc {
	t.Helper()
	mainNode(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	base, err := setUpNode(ctx, name, ext)
	if err != nil {
		t.Fatal(err)
	}
	n, err := startNode(ctx, base)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := n.stop(10 * time.Second); err != nil {
			t.Errorf("graceful shutdown of node %q: %v\n%s", name, err, n.logTail(20))
		}
	})
	return n
}

// getJSON GETs url and decodes a JSON body into v; it returns the status.
func getJSON(t *testing.T, url string, v any) int {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	if v != nil {
		if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
			t.Fatalf("GET %s: %d, body is not JSON: %v", url, resp.StatusCode, err)
		}
	}
	return resp.StatusCode
}

// TestNodeBasics checks what a node must answer once started: health, the
// node information (its knowledge base holds the ingested documents) and
// the chat page.
func TestNodeBasics(t *testing.T) {
	n := mainNode(t)
	var health map[string]any
	if code := getJSON(t, n.URL+"/health", &health); code != http.StatusOK {
		t.Errorf("/health: status %d", code)
	}
	var info struct {
		NodeID string `json:"node_id"`
		Chat   struct {
			Name           string `json:"name"`
			CtxSize        int    `json:"ctx_size"`
			PromptTemplate string `json:"prompt_template"`
		} `json:"chat"`
		Embedding struct {
			Name string `json:"name"`
		} `json:"embedding"`
		KnowledgeBase struct {
			Points int `json:"points"`
		} `json:"knowledge_base"`
	}
	if code := getJSON(t, n.URL+"/v1/info", &info); code != http.StatusOK {
		t.Fatalf("/v1/info: status %d", code)
	}
	if !regexp.MustCompile(`^0x[0-9a-fA-F]{40}$`).MatchString(info.NodeID) {
		t.Errorf("/v1/info node_id = %q, want the address 'gaianet init' created", info.NodeID)
	}
	if info.Chat.Name != chatModel || info.Chat.CtxSize != 512 || info.Chat.PromptTemplate != "llama-2-chat" {
		t.Errorf("/v1/info chat = %+v, want %s, ctx 512, llama-2-chat", info.Chat, chatModel)
	}
	if info.Embedding.Name != embedModel {
		t.Errorf("/v1/info embedding name = %q, want %q", info.Embedding.Name, embedModel)
	}
	if info.KnowledgeBase.Points < len(docs) {
		t.Errorf("/v1/info knowledge_base.points = %d, want at least %d (one chunk per ingested document)", info.KnowledgeBase.Points, len(docs))
	}

	resp, err := http.Get(n.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(resp.Header.Get("Content-Type"), "text/html") ||
		!strings.Contains(string(body), `id="input"`) {
		t.Errorf("GET /: status %d, type %q; want the chat page", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
}
