package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"

	"github.com/gaianet-go/gaianet/chain/contracts"
	"github.com/gaianet-go/gaianet/domain/store"
	"github.com/gaianet-go/gaianet/domain/store/storetest"
)

// startReplicaProc starts a domain replica (foreground, its own port) on
// dom's configuration and returns its process and URL once it answers;
// the test may kill it, and it is killed when the test ends.
func startReplicaProc(t *testing.T, dom, name string) (*exec.Cmd, string) {
	t.Helper()
	listen := fmt.Sprintf("127.0.0.1:%d", freePort(t, "127.0.0.1"))
	cmd := exec.Command(binary(t), "domain", "start", "--foreground", "--base", dom, "--listen", listen)
	logf, err := os.Create(filepath.Join(t.TempDir(), name+".log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Signal(syscall.SIGTERM); cmd.Wait(); logf.Close() })
	url := "http://" + listen
	waitFor(t, name+" to answer", 60*time.Second, func() bool {
		resp, err := http.Get(url + "/health")
		if err == nil {
			resp.Body.Close()
		}
		return err == nil
	})
	return cmd, url
}

// TestSettlerFailoverOnDevnet: two domain replicas (processes) on one
// PostgreSQL database take payments on the devnet's escrow. The first to
// start holds the settler lease and settles; it is killed (SIGKILL) right
// after a burst of requests, and the other replica takes the lease once it
// expires and settles the rest. Every batch is settled once on chain, and
// the user's escrow balance, the node's payout and the operator's equal
// the ledger to the micro-dollar.
func TestSettlerFailoverOnDevnet(t *testing.T) {
	dsn := storetest.PostgresDSN(t)
	if dsn == "" {
		t.Skip("needs PostgreSQL (" + storetest.PostgresEnv + "): replicas share a database")
	}
	binary(t)
	info := startDevnet(t, 30*time.Second)
	const password = "e2e devnet password"
	pwFile := filepath.Join(t.TempDir(), "password")
	if err := os.WriteFile(pwFile, []byte(password), 0o600); err != nil {
		t.Fatal(err)
	}
	operatorKey, userKey := keystoreFile(t, info, 0, password), keystoreFile(t, info, 1, password)
	user := info.Accounts[1].Address
	client, err := ethclient.Dial(info.RPC)
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	escrow, _ := contracts.NewEscrow(info.Escrow, client)
	stable, _ := contracts.NewTestStablecoin(info.Stablecoin, client)

	storage := storetest.NewPostgresDB(t, dsn)
	dom := filepath.Join(t.TempDir(), "dom")
	gaianet(t, "domain", "init", "--base", dom, "--name", "e2e.domain", "--listen", fmt.Sprintf("127.0.0.1:%d", freePort(t, "127.0.0.1")),
		"--storage", storage)
	edit(t, filepath.Join(dom, "domain.json"), func(c map[string]any) {
		c["monitor"] = map[string]any{"interval": "200ms", "timeout": "5s", "max_failures": 2}
		c["prices"] = map[string]any{"input_per_million": 100, "output_per_million": 400, "per_request": 0.05}
	})
	gaianet(t, "domain", "chain", "--base", dom, "--rpc", info.RPC, "--escrow", info.Escrow.Hex(), "--key", operatorKey,
		"--keystore-password-file", pwFile, "--confirmations", "0", "--poll", "200ms", "--settle-every", "1s", "--lease", "3s")

	st, err := store.Open(context.Background(), storage, "")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	lease := "settler:" + info.Escrow.Hex()
	holderPid := func() string {
		h, _, err := st.LeaseHolder(context.Background(), lease)
		if err != nil {
			t.Fatal(err)
		}
		_, pid, _ := strings.Cut(h, "/")
		return pid
	}
	a, _ := startReplicaProc(t, dom, "replica-a")
	waitFor(t, "replica a to hold the settler lease", 30*time.Second, func() bool { return holderPid() == fmt.Sprint(a.Process.Pid) })
	b, urlB := startReplicaProc(t, dom, "replica-b")
	startNode(t, 0, urlB)
	waitNodes(t, dom, 1)

	key := newKey(t, dom, "alice", "0")
	env := []string{"GAIANET_OUTBOUND_ALLOW=127.0.0.0/8"}
	gaianetEnv(t, env, "wallet", "bind", "--domain", urlB, "--api-key", key, "--base", userKey, "--keystore-password-file", pwFile)
	gaianet(t, "wallet", "deposit", "--rpc", info.RPC, "--escrow", info.Escrow.Hex(), "--base", userKey, "--keystore-password-file", pwFile, "5")
	var userAccount string
	waitFor(t, "the deposit to be credited", 30*time.Second, func() bool {
		acc, _ := ledgerOf(t, dom)
		for id, v := range acc {
			if strings.HasPrefix(id, "user:") && v == 5_000_000 {
				userAccount = id
				return true
			}
		}
		return false
	})
	ai := openai.NewClient(option.WithBaseURL(urlB+"/v1"), option.WithAPIKey(key), option.WithMaxRetries(0))
	chat := func(i int) {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if _, err := ai.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{Model: "demo-chat", MaxTokens: openai.Int(6),
			Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage(fmt.Sprintf("question %d", i))}}); err != nil {
			t.Fatalf("request %d: %v", i, err)
		}
	}
	type settlement struct {
		Status   string
		Requests int64
	}
	settled := func() (batches int, requests int64) {
		var list []settlement
		if err := json.Unmarshal([]byte(gaianet(t, "domain", "settlements", "--base", dom, "--json")), &list); err != nil {
			t.Fatal(err)
		}
		for _, s := range list {
			if s.Status == "settled" {
				batches++
				requests += s.Requests
			}
		}
		return batches, requests
	}
	for i := range 4 {
		chat(i)
	}
	waitFor(t, "replica a to settle the first requests", time.Minute, func() bool { _, n := settled(); return n == 4 })

	// A burst, then replica a dies without a word.
	for i := 4; i < 10; i++ {
		chat(i)
	}
	if err := a.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	a.Wait()
	killed := time.Now()
	waitFor(t, "replica b to take the lease", 30*time.Second, func() bool { return holderPid() == fmt.Sprint(b.Process.Pid) })
	took := time.Since(killed)
	waitFor(t, "every request to settle", time.Minute, func() bool { _, n := settled(); return n == 10 })
	batches, _ := settled()

	// Each batch once on chain; the chain equals the ledger.
	it, err := escrow.FilterSettled(&bind.FilterOpts{Context: context.Background()}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for it.Next() {
		if ids[it.Event.Id.String()] {
			t.Fatalf("batch %s settled twice", it.Event.Id)
		}
		ids[it.Event.Id.String()] = true
	}
	it.Close()
	if len(ids) != batches {
		t.Fatalf("%d batches on chain, %d settled in the ledger", len(ids), batches)
	}
	acc, lv := ledgerOf(t, dom)
	if lv.Totals.Requests != 10 {
		t.Fatalf("ledger billed %d requests", lv.Totals.Requests)
	}
	inEscrow, err := escrow.BalanceOf(&bind.CallOpts{}, user, info.Stablecoin)
	if err != nil {
		t.Fatal(err)
	}
	if inEscrow.Int64() != acc[userAccount] {
		t.Fatalf("escrow holds %d for the user, the ledger %d", inEscrow.Int64(), acc[userAccount])
	}
	for id, v := range acc {
		if node, ok := strings.CutPrefix(id, "node:"); ok {
			paid, err := stable.BalanceOf(&bind.CallOpts{}, common.HexToAddress(node))
			if err != nil {
				t.Fatal(err)
			}
			if paid.Int64() != v {
				t.Fatalf("node %s paid %d on chain, earned %d", node, paid.Int64(), v)
			}
		}
	}
	// The user's wallet holds the rest: moving the key to another wallet
	// is refused, readably.
	otherKey := keystoreFile(t, info, 2, password)
	cmd := exec.Command(binary(t), "wallet", "rebind", "--domain", urlB, "--api-key", key, "--base", otherKey, "--keystore-password-file", pwFile)
	cmd.Env = append(os.Environ(), env...)
	if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), "withdraw it first") {
		t.Fatalf("rebind with funds left: %v\n%s", err, out)
	}
	var wallets struct{ Settler struct{ Holder string } }
	if err := json.Unmarshal([]byte(gaianet(t, "domain", "wallets", "--base", dom, "--json")), &wallets); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(wallets.Settler.Holder, fmt.Sprintf("/%d", b.Process.Pid)) {
		t.Fatalf("domain wallets names settler %q, want replica b (pid %d)", wallets.Settler.Holder, b.Process.Pid)
	}
	t.Logf("replica a killed; b took the lease %s later; %d batches, each once on chain; user charged %d micro-dollars, escrow = ledger",
		took.Round(100*time.Millisecond), batches, 5_000_000-acc[userAccount])
}
