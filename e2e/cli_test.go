package e2e

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/demo"
	"github.com/gaianet-go/gaianet/internal/sharedtest"
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
		sharedtest.Missing(t, "%s", env.skip)
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
	// info shows the address the node really listens on and the size of
	// its knowledge base, read through its API; kb works alongside it.
	if out := must("info"); !strings.Contains(out, "running (pid") || !strings.Contains(out, "demo-chat") ||
		!strings.Contains(out, fmt.Sprintf("Listening on:    0.0.0.0:%d", port)) && !strings.Contains(out, fmt.Sprintf("Listening on:    [::]:%d", port)) ||
		!strings.Contains(out, `collection "default", 2 documents, 6 points`) {
		t.Errorf("info while running:\n%s", out)
	}
	if out := must("kb", "list"); !strings.Contains(out, `2 documents in "default"`) {
		t.Errorf("kb list while running:\n%s", out)
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
	if out := must("info"); !strings.Contains(out, "Status:          stopped") {
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
	// Re-running init keeps the identity and the config edits.
	id1, _ := os.ReadFile(filepath.Join(base, "nodeid.json"))
	if out := must("init", "--light-keystore"); !strings.Contains(out, "kept as you edited it") {
		t.Errorf("re-run init:\n%s", out)
	}
	id2, _ := os.ReadFile(filepath.Join(base, "nodeid.json"))
	if string(id1) != string(id2) {
		t.Error("init replaced the node identity")
	}
	if cfg, _ := os.ReadFile(filepath.Join(base, "config.json")); !strings.Contains(string(cfg), `"You are the demo node."`) {
		t.Errorf("re-run init lost the config edits:\n%s", cfg)
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

// TestInitDownloads runs "gaianet init --config URL" against a local HTTP
// server that serves the config and the conformance models. The chat model's
// first transfer drops its connection halfway (init resumes it with a Range
// request in the same run); then a second node's init is killed halfway
// through its download and a re-run resumes from the partial file. The
// models on disk must be byte-identical to the served ones, and an HTML
// error page served instead of a model must be reported as such.
func TestInitDownloads(t *testing.T) {
	if env.bin == "" {
		sharedtest.Missing(t, "%s", env.skip)
	}
	// The test server listens on loopback, which downloads refuse unless
	// allow-listed (the variable reaches the gaianet processes).
	t.Setenv("GAIANET_OUTBOUND_ALLOW", "127.0.0.1")
	models := filepath.Join(sharedtest.Conformance(t), "models")
	chat, err := os.ReadFile(filepath.Join(models, "llama-spm-q8_0.gguf"))
	if err != nil {
		t.Fatal(err)
	}
	var (
		mu       sync.Mutex
		mode     = "drop" // what the next full (non-Range) request gets: drop, hang or serve
		ranges   []string
		halfSent = make(chan struct{}, 1)
	)
	mux := http.NewServeMux()
	mux.HandleFunc("/models/chat.gguf", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		m := mode
		if r.Header.Get("Range") != "" {
			ranges = append(ranges, r.Header.Get("Range"))
			m = "serve"
		} else if m != "serve" {
			mode = "serve"
		}
		mu.Unlock()
		if m == "serve" {
			http.ServeContent(w, r, "chat.gguf", time.Time{}, bytes.NewReader(chat))
			return
		}
		// Promise the whole file, send half, then drop or stall.
		w.Header().Set("Content-Length", fmt.Sprint(len(chat)))
		w.WriteHeader(http.StatusOK)
		w.Write(chat[:len(chat)/2])
		w.(http.Flusher).Flush()
		if m == "hang" {
			halfSent <- struct{}{}
			<-r.Context().Done()
			return
		}
		conn, _, _ := w.(http.Hijacker).Hijack()
		conn.Close()
	})
	mux.HandleFunc("/models/embed.gguf", func(w http.ResponseWriter, r *http.Request) {
		http.ServeFile(w, r, filepath.Join(models, "bert-f16.gguf"))
	})
	mux.HandleFunc("/broken.gguf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<!DOCTYPE html><html><body>Repository not found</body></html>")
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	cfg := func(chatURL string) string {
		return fmt.Sprintf(`{"chat":"%s","chat_name":"dl-chat","prompt_template":"llama-2-chat","chat_ctx_size":"512",
			"embedding":"%s/models/embed.gguf","embedding_name":"dl-embed","embedding_ctx_size":"512","llamaedge_port":"8080"}`, chatURL, srv.URL)
	}
	mux.HandleFunc("/config.json", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, cfg(srv.URL+"/models/chat.gguf")) })
	// A knowledge base as GaiaNet publishes them: a Qdrant snapshot (made
	// by Qdrant 1.3: 98 points, one unnamed vector of 256 dimensions, as
	// the conformance BERT makes) in a .snapshot.tar.gz.
	kbTarGz := qdrantSnapshotTarGz(t, filepath.Join(env.root, "vectorstore", "qdrantsnap", "testdata", "qdrant-1.3-unnamed-vector.snapshot.gz"))
	mux.HandleFunc("/kb/paris.snapshot.tar.gz", func(w http.ResponseWriter, r *http.Request) {
		http.ServeContent(w, r, "paris.snapshot.tar.gz", time.Time{}, bytes.NewReader(kbTarGz))
	})
	emb64 := filepath.Join(t.TempDir(), "embed64.gguf")
	if err := demo.WriteEmbeddingModel(emb64, 3); err != nil { // 64 dimensions
		t.Fatal(err)
	}
	mux.HandleFunc("/models/embed64.gguf", func(w http.ResponseWriter, r *http.Request) { http.ServeFile(w, r, emb64) })
	kbConfig := func(embURL string) string {
		return fmt.Sprintf(`{"chat":"%s/models/chat.gguf","chat_name":"dl-chat","prompt_template":"llama-2-chat","chat_ctx_size":"512",
			"embedding":"%s","embedding_name":"kb-embed","embedding_ctx_size":"512","llamaedge_port":"8080",
			"snapshot":"%s/kb/paris.snapshot.tar.gz","embedding_collection_name":"default"}`, srv.URL, embURL, srv.URL)
	}
	mux.HandleFunc("/qdrant-snapshot-config.json", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, kbConfig(srv.URL+"/models/embed.gguf"))
	})
	mux.HandleFunc("/qdrant-snapshot-mismatch-config.json", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, kbConfig(srv.URL+"/models/embed64.gguf"))
	})
	mux.HandleFunc("/broken-config.json", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, cfg(srv.URL+"/broken.gguf")) })
	checkChat := func(base string) {
		t.Helper()
		got, err := os.ReadFile(filepath.Join(base, "chat.gguf"))
		if err != nil || !bytes.Equal(got, chat) {
			t.Fatalf("downloaded chat model differs (%d bytes, want %d): %v", len(got), len(chat), err)
		}
		if _, err := os.Stat(filepath.Join(base, "embed.gguf")); err != nil {
			t.Errorf("embedding model: %v", err)
		}
	}
	half := fmt.Sprintf("bytes=%d-", len(chat)/2)

	// 1. A dropped connection is resumed within the same run.
	base := filepath.Join(t.TempDir(), "node")
	out, err := run(t, "init", "--base", base, "--light-keystore", "--config", srv.URL+"/config.json")
	if err != nil {
		t.Fatalf("init: %v\n%s", err, out)
	}
	checkChat(base)
	mu.Lock()
	if len(ranges) != 1 || ranges[0] != half {
		t.Errorf("resume requests %q, want one %q", ranges, half)
	}
	ranges, mode = nil, "hang"
	mu.Unlock()
	if out, err := run(t, "info", "--base", base); err != nil || !strings.Contains(out, "dl-chat") {
		t.Errorf("info: %v\n%s", err, out)
	}

	// 2. An init killed halfway resumes from its partial file when re-run.
	base2 := filepath.Join(t.TempDir(), "node2")
	cmd := exec.Command(env.bin, "init", "--base", base2, "--light-keystore", "--config", srv.URL+"/config.json")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-halfSent:
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		t.Fatal("the download never started")
	}
	time.Sleep(200 * time.Millisecond) // let the client write what it received
	cmd.Process.Kill()
	cmd.Wait()
	part, err := os.Stat(filepath.Join(base2, "chat.gguf.part"))
	if err != nil || part.Size() == 0 {
		t.Fatalf("no partial download after the kill: %v", err)
	}
	out, err = run(t, "init", "--base", base2, "--light-keystore", "--config", srv.URL+"/config.json")
	if err != nil {
		t.Fatalf("re-run init: %v\n%s", err, out)
	}
	checkChat(base2)
	mu.Lock()
	if len(ranges) != 1 || ranges[0] != fmt.Sprintf("bytes=%d-", part.Size()) {
		t.Errorf("resume requests %q, want one from byte %d", ranges, part.Size())
	}
	mu.Unlock()

	// 3. A preset whose knowledge base is a Qdrant snapshot: init downloads
	// and imports it, and the knowledge base holds its points.
	kbBase := filepath.Join(t.TempDir(), "kbnode")
	out, err = run(t, "init", "--base", kbBase, "--light-keystore", "--config", srv.URL+"/qdrant-snapshot-config.json")
	if err != nil || !strings.Contains(out, `imported 98 points into collection "default"`) {
		t.Errorf("Qdrant snapshot: %v\n%s", err, out)
	}
	out, err = run(t, "kb", "stats", "--base", kbBase)
	if err != nil || !strings.Contains(out, "points:          98") || !strings.Contains(out, "dimension:       256") {
		t.Errorf("kb stats after the import: %v\n%s", err, out)
	}
	// kb import takes the Qdrant snapshot file too (here plain gzip).
	gz := filepath.Join(env.root, "vectorstore", "qdrantsnap", "testdata", "qdrant-1.3-unnamed-vector.snapshot.gz")
	out, err = run(t, "kb", "import", "--base", kbBase, "--collection", "copy", gz)
	if err != nil || !strings.Contains(out, `imported 98 points into collection "copy"`) {
		t.Errorf("kb import of a Qdrant snapshot: %v\n%s", err, out)
	}
	// The same snapshot with an embedding model of another dimension is
	// refused, saying why, rather than imported where it could never match.
	out, err = run(t, "init", "--base", filepath.Join(t.TempDir(), "kbnode2"), "--light-keystore", "--config", srv.URL+"/qdrant-snapshot-mismatch-config.json")
	if err == nil || !strings.Contains(out, "dimension 256") {
		t.Errorf("Qdrant snapshot, other dimension: %v\n%s", err, out)
	}

	// 4. An HTML error page served instead of a model is reported as such.
	base3 := filepath.Join(t.TempDir(), "node3")
	out, err = run(t, "init", "--base", base3, "--light-keystore", "--config", srv.URL+"/broken-config.json")
	if err == nil || !strings.Contains(out, "HTML") {
		t.Errorf("HTML instead of a model: %v\n%s", err, out)
	}
}

// qdrantSnapshotTarGz wraps the gzipped Qdrant snapshot at path the way
// GaiaNet publishes knowledge bases: a .tar.gz holding one .snapshot file.
func qdrantSnapshotTarGz(t *testing.T, path string) []byte {
	t.Helper()
	snap := sharedtest.ReadGzip(t, path)
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	if err := tw.WriteHeader(&tar.Header{Name: "paris.snapshot", Mode: 0o644, Size: int64(len(snap))}); err != nil {
		t.Fatal(err)
	}
	tw.Write(snap)
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
