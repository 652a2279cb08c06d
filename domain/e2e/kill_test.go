package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/domain"
	"github.com/gaianet-go/gaianet/domain/journal"
	"github.com/gaianet-go/gaianet/domain/store"
	"github.com/gaianet-go/gaianet/domain/store/storetest"
)

// TestLedgerSurvivesKill9 kills the domain with SIGKILL at random moments
// while users stream and fetch answers, restarts it (each start replays the
// charge journal the killed process left), and at the end, once the last
// journal is replayed as a start would, checks that every answer a user
// received whole was billed exactly once and that the double entry holds. Cycles: $GAIANET_KILL_CYCLES (default 8).
func TestLedgerSurvivesKill9(t *testing.T) {
	cycles := 8
	if v, err := strconv.Atoi(os.Getenv("GAIANET_KILL_CYCLES")); err == nil && v > 0 {
		cycles = v
	}
	for name, storage := range storetest.Storages(t) {
		t.Run(name, func(t *testing.T) {
			bin := binary(t)
			dom := filepath.Join(t.TempDir(), "dom")
			listen := fmt.Sprintf("127.0.0.1:%d", freePort(t, "127.0.0.1"))
			args := []string{"domain", "init", "--base", dom, "--name", "kill.domain", "--listen", listen}
			if storage != "" {
				args = append(args, "--storage", storage)
			}
			gaianet(t, args...)
			edit(t, filepath.Join(dom, "domain.json"), func(c map[string]any) {
				c["monitor"] = map[string]any{"interval": "200ms", "timeout": "5s", "max_failures": 2}
			})
			url := "http://" + listen
			node := startNode(t, 0, url)
			_ = node
			key := newKey(t, dom, "alice", "100")

			var (
				mu        sync.Mutex
				delivered []string // request ids of answers received whole
				attempts  int
			)
			request := func(i int) {
				body := `{"model":"demo-chat","max_tokens":4,"messages":[{"role":"user","content":"hi"}]}`
				stream := i%2 == 0
				if stream {
					body = strings.Replace(body, `"max_tokens"`, `"stream":true,"max_tokens"`, 1)
				}
				ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
				defer cancel()
				req, _ := http.NewRequestWithContext(ctx, http.MethodPost, url+"/v1/chat/completions", strings.NewReader(body))
				req.Header.Set("Authorization", "Bearer "+key)
				resp, err := http.DefaultClient.Do(req)
				mu.Lock()
				attempts++
				mu.Unlock()
				if err != nil {
					return
				}
				b, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				whole := err == nil && resp.StatusCode == 200
				if stream {
					whole = whole && strings.HasSuffix(strings.TrimSpace(string(b)), "data: [DONE]") && !strings.Contains(string(b), `"node_failed"`)
				}
				if whole {
					mu.Lock()
					delivered = append(delivered, resp.Header.Get("X-Request-Id"))
					mu.Unlock()
				}
			}
			for cycle := 0; cycle < cycles; cycle++ {
				cmd := exec.Command(bin, "domain", "start", "--foreground", "--base", dom)
				logf, _ := os.OpenFile(filepath.Join(dom, "kill.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
				cmd.Stdout, cmd.Stderr = logf, logf
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				waitServing(t, url, dom)
				stop := make(chan struct{})
				var wg sync.WaitGroup
				for w := 0; w < 4; w++ {
					wg.Add(1)
					go func() {
						defer wg.Done()
						for i := w; ; i += 4 {
							select {
							case <-stop:
								return
							default:
							}
							request(i)
						}
					}()
				}
				time.Sleep(time.Duration(200+rand.IntN(1300)) * time.Millisecond)
				cmd.Process.Kill() // SIGKILL
				cmd.Wait()
				logf.Close()
				close(stop)
				wg.Wait()
			}
			st, err := store.Open(context.Background(), storage, dom)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			ctx := context.Background()
			// The last kill left the charges not yet drained in its
			// journal; a restart replays them first thing: do just that.
			before, _ := st.Totals(ctx)
			j, err := journal.Open(ctx, filepath.Join(dom, domain.JournalDir), st, journal.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if err := j.Close(ctx); err != nil {
				t.Fatal(err)
			}
			after, _ := st.Totals(ctx)
			t.Logf("%d charges replayed from the last killed process's journal", after.Requests-before.Requests)
			for _, id := range delivered {
				if ok, err := st.Billed(ctx, id); err != nil || !ok {
					t.Fatalf("answer %s was delivered whole but not billed (%v)", id, err)
				}
			}
			if err := st.Check(ctx); err != nil {
				t.Fatal(err)
			}
			tot, _ := st.Totals(ctx)
			t.Logf("%d kill -9 cycles: %d requests attempted, %d delivered whole and billed, %d billed in all", cycles, attempts, len(delivered), tot.Requests)
			if len(delivered) == 0 {
				t.Fatal("no request went through")
			}
			if tot.Requests < int64(len(delivered)) {
				t.Fatalf("%d billed < %d delivered", tot.Requests, len(delivered))
			}
		})
	}
}

// waitServing waits until the domain at url (directory dom) has a node in
// rotation (its /health, with the admin key; the stored status may still
// be the killed process's).
func waitServing(t *testing.T, url, dom string) {
	t.Helper()
	admin, err := os.ReadFile(filepath.Join(dom, "admin.key"))
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		req, _ := http.NewRequest(http.MethodGet, url+"/health", nil)
		req.Header.Set("Authorization", "Bearer "+strings.TrimSpace(string(admin)))
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			var h struct {
				HealthyNodes int `json:"healthy_nodes"`
			}
			json.NewDecoder(resp.Body).Decode(&h)
			resp.Body.Close()
			if h.HealthyNodes > 0 {
				return
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("the domain at %s has no node in rotation after 60 s", url)
}
