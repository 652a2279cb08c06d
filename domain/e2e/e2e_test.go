package e2e

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/demo"
	"github.com/gaianet-go/gaianet/domain/store/storetest"
	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"
)

// build compiles cmd/gaianet once per test binary.
var build struct {
	once sync.Once
	bin  string
	err  error
}

func binary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary and runs several processes")
	}
	build.once.Do(func() {
		dir, err := os.MkdirTemp("", "gaianet-domain-e2e-")
		if err != nil {
			build.err = err
			return
		}
		build.bin = filepath.Join(dir, "gaianet")
		cmd := exec.Command("go", "build", "-o", build.bin, "./cmd/gaianet")
		cmd.Dir = "../.."
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			build.err = fmt.Errorf("go build: %w\n%s", err, out)
		}
	})
	if build.err != nil {
		t.Fatal(build.err)
	}
	return build.bin
}

func gaianet(t *testing.T, args ...string) string {
	t.Helper()
	bin := binary(t) // the first call builds it: not within the command's time
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, bin, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("gaianet %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func freePort(t *testing.T, host string) int {
	t.Helper()
	ln, err := net.Listen("tcp", host+":0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

type nodeView struct {
	ID, Address, Status string
}

func nodes(t *testing.T, dom string) []nodeView {
	var v []nodeView
	if err := json.Unmarshal([]byte(gaianet(t, "domain", "nodes", "--base", dom, "--json")), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

func waitNodes(t *testing.T, dom string, healthy int) []nodeView {
	t.Helper()
	deadline := time.Now().Add(90 * time.Second)
	for {
		v := nodes(t, dom)
		n := 0
		for _, x := range v {
			if x.Status == "healthy" {
				n++
			}
		}
		if n == healthy {
			return v
		}
		if time.Now().After(deadline) {
			t.Fatalf("waiting for %d healthy nodes: %+v", healthy, v)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

type ledgerView struct {
	Accounts []struct {
		ID      string
		Balance json.Number
	}
	Totals struct {
		Requests  int64
		Charged   json.Number
		Deposited json.Number
	}
	Sum json.Number
}

func micros(t *testing.T, n json.Number) int64 {
	t.Helper()
	whole, frac, _ := strings.Cut(string(n), ".")
	neg := strings.HasPrefix(whole, "-")
	whole = strings.TrimPrefix(whole, "-")
	frac = (frac + "000000")[:6]
	w, err1 := strconv.ParseInt(whole, 10, 64)
	f, err2 := strconv.ParseInt(frac, 10, 64)
	if err1 != nil || err2 != nil {
		t.Fatalf("amount %q", n)
	}
	v := w*1_000_000 + f
	if neg {
		v = -v
	}
	return v
}

// startDomain creates and starts a domain in the background; it is stopped
// when the test ends.
func startDomain(t *testing.T, extra ...string) (dir, url string) {
	dir = filepath.Join(t.TempDir(), "dom")
	listen := fmt.Sprintf("127.0.0.1:%d", freePort(t, "127.0.0.1"))
	gaianet(t, append([]string{"domain", "init", "--base", dir, "--name", "e2e.domain", "--listen", listen}, extra...)...)
	edit(t, filepath.Join(dir, "domain.json"), func(c map[string]any) {
		c["monitor"] = map[string]any{"interval": "200ms", "timeout": "5s", "max_failures": 2}
	})
	gaianet(t, "domain", "start", "--base", dir)
	t.Cleanup(func() { exec.Command(binary(t), "domain", "stop", "--base", dir).Run() })
	return dir, "http://" + listen
}

func edit(t *testing.T, path string, f func(map[string]any)) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var c map[string]any
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	f(c)
	b, _ = json.MarshalIndent(c, "", "  ")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// startNode makes demo node i listening on 127.0.0.(2+i), joins it to the
// domain and starts it; it returns the node's directory.
func startNode(t *testing.T, i int, domainURL string) string {
	return startNodeWith(t, i, domainURL, nil)
}

// startNodeWith is startNode with a hook run after init, before start.
func startNodeWith(t *testing.T, i int, domainURL string, prepare func(base string)) string {
	t.Helper()
	base := filepath.Join(t.TempDir(), fmt.Sprintf("node%d", i))
	host := fmt.Sprintf("127.0.0.%d", 2+i)
	port := freePort(t, host)
	gaianet(t, "init", "--base", base, "--config", "demo", "--light-keystore")
	// The domain listens on loopback, which a node dials only when its
	// outbound allow-list says so.
	edit(t, filepath.Join(base, "config.json"), func(c map[string]any) {
		ext, _ := c["gaianet_go"].(map[string]any)
		if ext == nil {
			ext = map[string]any{}
			c["gaianet_go"] = ext
		}
		ext["outbound_allow"] = []string{"127.0.0.0/8"}
	})
	if prepare != nil {
		prepare(base)
	}
	gaianet(t, "config", "--base", base, "--port", strconv.Itoa(port))
	gaianet(t, "join", domainURL, "--base", base)
	gaianet(t, "start", "--base", base, "--listen", fmt.Sprintf("%s:%d", host, port))
	t.Cleanup(func() { exec.Command(binary(t), "stop", "--base", base).Run() })
	return base
}

func pidOf(t *testing.T, path string) int {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// A node's pid file holds its pid on the first line (and, once it
	// listens, its address on the second).
	first, _, _ := strings.Cut(string(b), "\n")
	pid, err := strconv.Atoi(strings.TrimSpace(first))
	if err != nil || pid <= 0 {
		// Never return 0: kill(0, ...) would signal this whole process group.
		t.Fatalf("pid file %s: no pid in %q", path, b)
	}
	return pid
}

func newKey(t *testing.T, dom, name, credit string) string {
	out := strings.TrimSpace(gaianet(t, "domain", "users", "add", "--base", dom, "--name", name, "--credit", credit))
	lines := strings.Split(out, "\n")
	return lines[len(lines)-1]
}

// TestDomainThreeNodes: one domain, three demo nodes on 127.0.0.2-4, 300
// chat requests (streamed and not) through openai-go with a node killed
// after the first 100, then the ledger checked to the micro-dollar, and a
// user running out of credit getting 402.
//
// On PostgreSQL the same runs on two domain replicas sharing the database:
// nodes 0 and 1 join replica a, node 2 replica b, and the users' requests
// alternate between the replicas.
func TestDomainThreeNodes(t *testing.T) {
	for name, storage := range storetest.Storages(t) {
		t.Run(name, func(t *testing.T) { threeNodes(t, storage) })
	}
}

func threeNodes(t *testing.T, storage string) {
	var extra []string
	if storage != "" {
		extra = []string{"--storage", storage}
	}
	dom, url := startDomain(t, extra...)
	urls := []string{url, url, url}
	if storage != "" {
		urls[2] = startReplica(t, dom)
	}
	bases := make([]string, 3)
	for i := range bases {
		bases[i] = startNode(t, i, urls[i])
	}
	waitNodes(t, dom, 3)

	const credit = 50
	key := newKey(t, dom, "alice", strconv.Itoa(credit))
	clients := []openai.Client{
		openai.NewClient(option.WithBaseURL(urls[0]+"/v1"), option.WithAPIKey(key), option.WithMaxRetries(0)),
		openai.NewClient(option.WithBaseURL(urls[2]+"/v1"), option.WithAPIKey(key), option.WithMaxRetries(0)),
	}
	params := func(i int) openai.ChatCompletionNewParams {
		return openai.ChatCompletionNewParams{
			Model:     "demo-chat",
			Messages:  []openai.ChatCompletionMessageParamUnion{openai.UserMessage(fmt.Sprintf("question %d: how do I start a node?", i))},
			MaxTokens: openai.Int(6),
		}
	}
	const total, workers = 300, 6
	var (
		next                      atomic.Int64
		okPlain, okStream, broken atomic.Int64
		failedPlain               atomic.Int64
		mu                        sync.Mutex
		errs                      []string
	)
	killed := make(chan struct{})
	var killOnce sync.Once
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1))
				if i > total {
					return
				}
				if i == 100 {
					killOnce.Do(func() {
						syscall.Kill(pidOf(t, filepath.Join(bases[0], "gaianet.pid")), syscall.SIGKILL)
						close(killed)
					})
				}
				ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
				client := clients[(i/2)%2]
				if i%2 == 0 {
					resp, err := client.Chat.Completions.New(ctx, params(i))
					switch {
					case err == nil && len(resp.Choices) == 1 && resp.Usage.CompletionTokens > 0:
						okPlain.Add(1)
					case err != nil:
						failedPlain.Add(1)
						mu.Lock()
						errs = append(errs, fmt.Sprintf("plain %d: %v", i, err))
						mu.Unlock()
					}
				} else {
					stream := client.Chat.Completions.NewStreaming(ctx, params(i))
					chunks := 0
					for stream.Next() {
						chunks++
						if len(stream.Current().Choices) == 0 || stream.Current().Usage.TotalTokens != 0 {
							mu.Lock()
							errs = append(errs, fmt.Sprintf("stream %d: a usage chunk reached a user who did not ask", i))
							mu.Unlock()
						}
					}
					if stream.Err() != nil {
						broken.Add(1)
					} else if chunks > 0 {
						okStream.Add(1)
					}
					stream.Close()
				}
				cancel()
			}
		}()
	}
	wg.Wait()
	<-killed
	t.Logf("%d plain ok, %d plain failed, %d streams ok, %d streams ended with an error event", okPlain.Load(), failedPlain.Load(), okStream.Load(), broken.Load())
	for _, e := range errs {
		if strings.Contains(e, "usage chunk") {
			t.Error(e)
		}
	}
	// Unstarted requests land elsewhere: a plain request can only fail if
	// it was running on the killed node, and at most `workers` ran there.
	if failedPlain.Load()+broken.Load() > workers {
		t.Errorf("%d requests failed around the kill of one node (at most %d were in flight): %v", failedPlain.Load()+broken.Load(), workers, errs)
	}
	if okPlain.Load()+okStream.Load()+failedPlain.Load()+broken.Load() != total {
		t.Errorf("requests unaccounted for")
	}

	// The killed node leaves rotation; the other two stay.
	if storage == "" {
		waitNodes(t, dom, 2)
	}

	// Ledger: one billed request per answer received whole, and balances
	// that add up exactly.
	var lv ledgerView
	if err := json.Unmarshal([]byte(gaianet(t, "domain", "ledger", "--base", dom, "--json")), &lv); err != nil {
		t.Fatal(err)
	}
	delivered := okPlain.Load() + okStream.Load()
	if lv.Totals.Requests != delivered {
		t.Errorf("%d requests billed, %d answers delivered whole", lv.Totals.Requests, delivered)
	}
	var user, nodesSum, sum int64
	for _, a := range lv.Accounts {
		v := micros(t, a.Balance)
		sum += v
		switch {
		case strings.HasPrefix(a.ID, "user:"):
			user = v
		case strings.HasPrefix(a.ID, "node:"):
			nodesSum += v
		}
	}
	charged := micros(t, lv.Totals.Charged)
	if sum != 0 || user != credit*1_000_000-charged || charged <= 0 || nodesSum <= 0 || nodesSum > charged {
		t.Errorf("ledger: sum %d, user %d, charged %d, nodes %d", sum, user, charged, nodesSum)
	}

	// Out of credit: $0.0002 lasts a request or two, then 402.
	poor := openai.NewClient(option.WithBaseURL(urls[2]+"/v1"), option.WithAPIKey(newKey(t, dom, "bob", "0.0002")), option.WithMaxRetries(0))
	var apiErr *openai.Error
	for i := 0; i < 10; i++ {
		_, err := poor.Chat.Completions.New(context.Background(), params(i))
		if err != nil {
			if !errors.As(err, &apiErr) || apiErr.StatusCode != 402 || apiErr.Code != "insufficient_quota" {
				t.Fatalf("want 402 insufficient_quota, got %v", err)
			}
			break
		}
	}
	if apiErr == nil {
		t.Fatal("a user with $0.0002 made 10 requests without a 402")
	}
}

// TestCanaryEvictsWrongModel: four demo nodes claim demo-chat, but one runs
// other weights (the demo model made from another seed). The domain's
// canary prompts find it and evict it; the three honest nodes stay.
func TestCanaryEvictsWrongModel(t *testing.T) {
	dom, url := startDomain(t)
	edit(t, filepath.Join(dom, "domain.json"), func(c map[string]any) {
		c["canary"] = map[string]any{"interval": "1s", "max_tokens": 8}
	})
	gaianet(t, "domain", "stop", "--base", dom)
	gaianet(t, "domain", "start", "--base", dom)
	for i := 0; i < 3; i++ {
		startNode(t, i, url)
	}
	id := startLiar(t, url, nil)
	deadline := time.Now().Add(2 * time.Minute)
	for {
		healthy, evicted := 0, ""
		for _, n := range nodes(t, dom) {
			switch n.Status {
			case "healthy":
				healthy++
			case "evicted":
				evicted = n.Address
			}
		}
		if evicted != "" {
			if !strings.EqualFold(evicted, id.Address) {
				t.Fatalf("evicted %s, but the liar is %s", evicted, id.Address)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the node with the wrong model was never evicted: %+v", nodes(t, dom))
		}
		time.Sleep(500 * time.Millisecond)
	}
	waitNodes(t, dom, 3)
}

// startLiar starts demo node 3 with other weights (the demo model made
// from another seed) under the same model name, prepare run first; it
// returns the node's address.
func startLiar(t *testing.T, url string, prepare func(base string)) (id struct{ Address string }) {
	liar := startNodeWith(t, 3, url, func(base string) {
		if prepare != nil {
			prepare(base)
		}
		if err := demo.WriteChatModel(filepath.Join(base, demo.ChatFile), 7); err != nil {
			t.Fatal(err)
		}
	})
	nid, err := os.ReadFile(filepath.Join(liar, "nodeid.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(nid, &id); err != nil {
		t.Fatal(err)
	}
	return id
}

// startReplica starts a second gateway on dom's configuration (its
// PostgreSQL database) on another port, killed when the test ends; it
// returns its URL once it answers.
func startReplica(t *testing.T, dom string) string {
	t.Helper()
	_, url := startReplicaProc(t, dom, "replica")
	return url
}

// TestReplayEvictsWrongModel: four demo nodes serve "demo-chat" with four
// slots each, one of them other weights under that name. With replay at
// rate 1 (canaries off), concurrent sampled requests without a seed,
// streamed and not, are each re-run with the same domain-chosen seed on
// a second node: the liar is caught by its own signed answers and
// evicted, and no honest node is ever flagged, although their engines
// batch the requests with each other and with the replays.
func TestReplayEvictsWrongModel(t *testing.T) {
	dom, url := startDomain(t)
	edit(t, filepath.Join(dom, "domain.json"), func(c map[string]any) {
		c["replay"] = map[string]any{"rate": 1, "evict_after": 2}
	})
	gaianet(t, "domain", "stop", "--base", dom)
	gaianet(t, "domain", "start", "--base", dom)
	parallel := func(base string) {
		edit(t, filepath.Join(base, "config.json"), func(c map[string]any) {
			c["gaianet_go"].(map[string]any)["parallel"] = 4
		})
	}
	for i := 0; i < 3; i++ {
		startNodeWith(t, i, url, parallel)
	}
	id := startLiar(t, url, parallel)
	waitNodes(t, dom, 4)
	key := newKey(t, dom, "replay", "100")
	client := openai.NewClient(option.WithBaseURL(url+"/v1"), option.WithAPIKey(key), option.WithMaxRetries(0))
	ctx := context.Background()
	deadline := time.Now().Add(3 * time.Minute)
	var sent, failed atomic.Int64
	evicted := func() bool {
		for _, n := range nodes(t, dom) {
			if strings.EqualFold(n.Address, id.Address) {
				return n.Status == "evicted"
			}
		}
		return false
	}
	for round := 0; !evicted(); round++ {
		if time.Now().After(deadline) {
			t.Fatalf("the node with other weights was never evicted after %d requests: %+v", sent.Load(), nodes(t, dom))
		}
		var wg sync.WaitGroup
		for k := range 6 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				i := 6*round + k
				p := openai.ChatCompletionNewParams{Model: "demo-chat", MaxTokens: openai.Int(int64(12 + i%7)),
					Temperature: openai.Float(1),
					Messages:    []openai.ChatCompletionMessageParamUnion{openai.UserMessage(fmt.Sprintf("request %d: what does a node do?", i))}}
				// Requests on the liar when it is evicted (its tunnel
				// closed) fail; they are counted, not errors.
				var err error
				if i%2 == 0 {
					_, err = client.Chat.Completions.New(ctx, p)
				} else {
					s := client.Chat.Completions.NewStreaming(ctx, p)
					for s.Next() {
					}
					err = s.Err()
				}
				if err != nil {
					failed.Add(1)
					t.Logf("request %d (stream %v): %v", i, i%2 == 1, err)
				}
				sent.Add(1)
			}()
		}
		wg.Wait()
	}
	t.Logf("evicted after %d requests (%d failed as it was evicted)", sent.Load(), failed.Load())
	if failed.Load() > 6 {
		t.Errorf("%d requests failed: more than the last round's", failed.Load())
	}
	// More replays on the honest nodes alone, four requests at a time
	// (batched in their engines with each other and with replays), then
	// the evidence.
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for i := range 32 {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			p := openai.ChatCompletionNewParams{Model: "demo-chat", MaxTokens: openai.Int(int64(10 + i%9)), Temperature: openai.Float(0.8),
				Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage(fmt.Sprintf("after %d", i%5))}}
			if i%2 == 0 {
				if _, err := client.Chat.Completions.New(ctx, p); err != nil {
					t.Errorf("after the eviction: %v", err)
				}
				return
			}
			s := client.Chat.Completions.NewStreaming(ctx, p)
			for s.Next() {
			}
			if err := s.Err(); err != nil {
				t.Errorf("after the eviction, streamed: %v", err)
			}
		}()
	}
	wg.Wait()
	time.Sleep(3 * time.Second) // replays of the last requests
	var ev []struct {
		Node, Verdict, Witness string
	}
	if err := json.Unmarshal([]byte(gaianet(t, "domain", "evidence", "--base", dom, "--json")), &ev); err != nil {
		t.Fatal(err)
	}
	against := 0
	for _, e := range ev {
		if !strings.EqualFold(e.Node, id.Address) {
			t.Errorf("evidence against an honest node: %+v", e)
			continue
		}
		if e.Verdict != "mismatch" {
			t.Errorf("evidence against the liar with verdict %q", e.Verdict)
		}
		against++
	}
	if against < 2 {
		t.Fatalf("%d pieces of evidence against the liar, want at least 2: %+v", against, ev)
	}
	waitNodes(t, dom, 3)
}
