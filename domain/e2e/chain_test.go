package e2e

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/gaianet-go/gaianet/chain"
	"github.com/gaianet-go/gaianet/chain/contracts"
)

// devnetInfo is the line 'gaianet chain devnet' prints.
type devnetInfo struct {
	RPC         string         `json:"rpc"`
	ChainID     uint64         `json:"chain_id"`
	Escrow      common.Address `json:"escrow"`
	Stablecoin  common.Address `json:"stablecoin"`
	Token       common.Address `json:"token"`
	PriceFeed   common.Address `json:"price_feed"`
	Marketplace common.Address `json:"marketplace"`
	Accounts    []struct {
		Address    common.Address `json:"address"`
		PrivateKey string         `json:"private_key"`
	} `json:"accounts"`
}

// startDevnet runs 'gaianet chain devnet' until the test ends.
func startDevnet(t *testing.T, notice time.Duration, fund ...common.Address) devnetInfo {
	t.Helper()
	listen := fmt.Sprintf("127.0.0.1:%d", freePort(t, "127.0.0.1"))
	args := []string{"chain", "devnet", "--listen", listen, "--notice", notice.String()}
	if len(fund) > 0 {
		var list []string
		for _, a := range fund {
			list = append(list, a.Hex())
		}
		args = append(args, "--fund", strings.Join(list, ","))
	}
	cmd := exec.Command(binary(t), args...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	line := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		if sc.Scan() {
			line <- sc.Text()
		}
		close(line)
	}()
	var info devnetInfo
	select {
	case l := <-line:
		if err := json.Unmarshal([]byte(l), &info); err != nil {
			t.Fatalf("devnet printed %q: %v", l, err)
		}
	case <-time.After(2 * time.Minute):
		t.Fatal("the devnet did not start in 2 minutes")
	}
	return info
}

// keystoreFile writes devnet account i's key as a v3 keystore (0600).
func keystoreFile(t *testing.T, info devnetInfo, i int, password string) string {
	t.Helper()
	k, err := crypto.HexToECDSA(strings.TrimPrefix(info.Accounts[i].PrivateKey, "0x"))
	if err != nil {
		t.Fatal(err)
	}
	return keystoreOf(t, k, password)
}

// gaianetEnv is gaianet with extra environment variables.
func gaianetEnv(t *testing.T, env []string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary(t), args...)
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("gaianet %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// demoChatSHA256 is the SHA-256 of the chat model a demo node serves (its
// weights come from a fixed seed): the content a marketplace token holds.
func demoChatSHA256(t *testing.T) [32]byte {
	t.Helper()
	base := filepath.Join(t.TempDir(), "demo")
	gaianet(t, "init", "--base", base, "--config", "demo", "--light-keystore")
	var cfg struct {
		Chat string `json:"chat"`
	}
	b, err := os.ReadFile(filepath.Join(base, "config.json"))
	if err == nil {
		err = json.Unmarshal(b, &cfg)
	}
	if err != nil || cfg.Chat == "" {
		t.Fatalf("demo config.json: chat %q, %v", cfg.Chat, err)
	}
	p := cfg.Chat
	if !filepath.IsAbs(p) {
		p = filepath.Join(base, p)
	}
	model, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(model)
}

// ledgerOf reads the domain's accounts in micro-dollars.
func ledgerOf(t *testing.T, dom string) (map[string]int64, ledgerView) {
	t.Helper()
	var v ledgerView
	if err := json.Unmarshal([]byte(gaianet(t, "domain", "ledger", "--base", dom, "--json")), &v); err != nil {
		t.Fatal(err)
	}
	m := map[string]int64{}
	for _, a := range v.Accounts {
		m[a.ID] = micros(t, a.Balance)
	}
	return m, v
}

func waitFor(t *testing.T, what string, d time.Duration, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("waited %s for %s", d, what)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// payingDomain is a domain taking payments on a devnet's escrow: two demo
// nodes (node 1's earnings go to the wallet it bound, devnet account 4),
// $0.05 a request plus tokens, settlement every second, and the nodes' chat
// model listed on the marketplace by devnet account 2 (its creator) and
// mapped with 'domain chain --component', so each batch pays its royalty.
type payingDomain struct {
	info                 devnetInfo
	client               *ethclient.Client
	password, pwFile     string
	dom, url             string
	operator, nodeWallet common.Address
	creator              common.Address
	creatorTr            *chain.Transactor
	stable               *contracts.TestStablecoin
	escrow               *contracts.Escrow
	market               *contracts.Marketplace
	tokenID              *big.Int
	operatorKey          string
}

// newPayingDomain starts the devnet (withdrawal notice, and addresses to
// fund besides its accounts), lists the model, and starts the domain and
// its two nodes; everything stops when the test ends.
func newPayingDomain(t *testing.T, notice time.Duration, fund ...common.Address) *payingDomain {
	t.Helper()
	binary(t)
	info := startDevnet(t, notice, fund...)
	d := &payingDomain{info: info, password: "e2e devnet password", operator: info.Accounts[0].Address,
		nodeWallet: crypto.PubkeyToAddress(chain.DevnetKey(4).PublicKey)}
	d.pwFile = filepath.Join(t.TempDir(), "password")
	if err := os.WriteFile(d.pwFile, []byte(d.password), 0o600); err != nil {
		t.Fatal(err)
	}
	d.operatorKey = keystoreFile(t, info, 0, d.password)
	client, err := ethclient.Dial(info.RPC)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(client.Close)
	d.client = client
	d.stable, _ = contracts.NewTestStablecoin(info.Stablecoin, client)
	d.escrow, _ = contracts.NewEscrow(info.Escrow, client)
	d.market, _ = contracts.NewMarketplace(info.Marketplace, client)

	// A model creator (devnet account 2) lists the demo chat model on the
	// marketplace: an ERC-721 token holding its SHA-256.
	creatorKey := chain.DevnetKey(2)
	d.creator = crypto.PubkeyToAddress(creatorKey.PublicKey)
	if d.creatorTr, err = devnetTransactor(client, creatorKey); err != nil {
		t.Fatal(err)
	}
	modelHash := demoChatSHA256(t)
	if d.tokenID, err = d.market.NextId(&bind.CallOpts{}); err != nil {
		t.Fatal(err)
	}
	if _, err := d.creatorTr.Wait(d.market.List(d.creatorTr.Opts, modelHash, 0, "ipfs://demo-chat", info.Stablecoin, big.NewInt(1_000_000), big.NewInt(250))); err != nil {
		t.Fatal(chain.Explain(err))
	}

	// The domain: $0.05 a request plus tokens, payments on the devnet.
	d.dom = filepath.Join(t.TempDir(), "dom")
	listen := fmt.Sprintf("127.0.0.1:%d", freePort(t, "127.0.0.1"))
	d.url = "http://" + listen
	gaianet(t, "domain", "init", "--base", d.dom, "--name", "e2e.domain", "--listen", listen)
	edit(t, filepath.Join(d.dom, "domain.json"), func(c map[string]any) {
		c["monitor"] = map[string]any{"interval": "200ms", "timeout": "5s", "max_failures": 2}
		c["prices"] = map[string]any{"input_per_million": 100, "output_per_million": 400, "per_request": 0.05}
	})
	gaianet(t, "domain", "chain", "--base", d.dom, "--rpc", info.RPC, "--escrow", info.Escrow.Hex(), "--key", d.operatorKey,
		"--keystore-password-file", d.pwFile, "--confirmations", "0", "--poll", "200ms", "--settle-every", "1s",
		"--component", fmt.Sprintf("%x=%d", modelHash, d.tokenID))
	if st, err := os.Stat(filepath.Join(d.dom, "chain.json")); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("chain.json: %v, %v", st, err)
	}
	gaianet(t, "domain", "start", "--base", d.dom)
	t.Cleanup(func() { exec.Command(binary(t), "domain", "stop", "--base", d.dom).Run() })

	startNode(t, 0, d.url)
	startNodeWith(t, 1, d.url, func(base string) {
		gaianet(t, "join", d.url, "--base", base, "--wallet", d.nodeWallet.Hex())
	})
	waitNodes(t, d.dom, 2)
	return d
}

// devnetTransactor sends from key on the devnet, each wait bounded by
// chain.DevnetMaxWait (a transaction never sealed fails, naming it).
func devnetTransactor(client *ethclient.Client, key *ecdsa.PrivateKey) (*chain.Transactor, error) {
	tr, err := chain.NewTransactor(context.Background(), client, key, nil)
	if err != nil {
		return nil, err
	}
	tr.MaxWait = chain.DevnetMaxWait
	return tr, nil
}

// TestPaymentsOnDevnet is issue 11's end-to-end flow on a real EVM (the
// 'gaianet chain devnet' process: go-ethereum in dev mode): a domain with
// two demo nodes takes payments on its escrow. A user's key is refused
// (402) until the user binds a wallet ('gaianet wallet bind', EIP-712) and
// deposits into the escrow ('gaianet wallet deposit'); the deposit credits
// the key; chat requests through the domain are billed; the domain settles
// them on the escrow on its schedule; the escrow's balances then equal the
// ledger's to the micro-dollar (the user's balance, each node's earnings
// paid to its address or to the wallet it bound, the operator's rest);
// the owner of the marketplace token holding the nodes' chat model (its
// content hash, mapped by 'domain chain --component') is paid the escrow's
// royalty share (5%) of every batch's revenue and claims it; the user withdraws the unspent balance after the notice period and the
// key stops working at zero.
func TestPaymentsOnDevnet(t *testing.T) {
	d := newPayingDomain(t, 3*time.Second)
	info, pwFile, password, dom, url := d.info, d.pwFile, d.password, d.dom, d.url
	userKey := keystoreFile(t, info, 1, password)
	operator, user, nodeWallet := d.operator, info.Accounts[1].Address, d.nodeWallet
	stable, escrow, market, creator, creatorTr := d.stable, d.escrow, d.market, d.creator, d.creatorTr
	call := &bind.CallOpts{}
	tokens := func(a common.Address) int64 {
		t.Helper()
		b, err := stable.BalanceOf(call, a)
		if err != nil {
			t.Fatal(err)
		}
		return b.Int64()
	}
	inEscrow := func(a common.Address) int64 {
		t.Helper()
		b, err := escrow.BalanceOf(call, a, info.Stablecoin)
		if err != nil {
			t.Fatal(err)
		}
		return b.Int64()
	}
	userStart, operatorStart, walletStart, creatorStart := tokens(user), tokens(operator), tokens(nodeWallet), tokens(creator)

	key := newKey(t, dom, "alice", "0")
	chat := d.chatter(key)
	if err := chat(0); !is402(err) {
		t.Fatalf("before any deposit: %v, want 402", err)
	}

	// Bind the user's wallet to the key, then deposit $5.
	d.bindWallet(t, key, userKey)
	d.wallet(t, userKey, "deposit", "5")
	userAccount := d.waitCredited(t, 5_000_000)

	// Chat: 12 requests through the two nodes; settlement on the
	// domain's schedule, then the chain equals the ledger.
	const requests = 12
	batches, royalty := d.chatAndSettle(t, chat, requests)
	acc, lv := ledgerOf(t, dom)
	if lv.Totals.Requests != requests {
		t.Fatalf("ledger billed %d requests, want %d", lv.Totals.Requests, requests)
	}
	spent := 5_000_000 - acc[userAccount]
	if spent < requests*50_000 {
		t.Fatalf("spent %d micro-dollars on %d requests at $0.05 each", spent, requests)
	}
	if got := inEscrow(user); got != acc[userAccount] {
		t.Fatalf("escrow holds %d for the user, the ledger %d", got, acc[userAccount])
	}
	payouts := d.payouts(t)
	var paidNodes int64
	boundPaid := false
	for _, n := range payouts.Nodes {
		earned := micros(t, n.Amount)
		got := tokens(common.HexToAddress(n.Wallet))
		if common.HexToAddress(n.Wallet) == nodeWallet {
			got -= walletStart
			boundPaid = true
			if tokens(common.HexToAddress(n.Address)) != 0 {
				t.Fatalf("node %s was paid at its address, not at its bound wallet", n.Address)
			}
		}
		if earned == 0 || got != earned || earned != acc["node:"+n.Address] {
			t.Fatalf("node %s: paid %d on chain to %s, earned %d in the ledger", n.Address, got, n.Wallet, earned)
		}
		paidNodes += earned
	}
	if len(payouts.Nodes) != 2 || !boundPaid {
		t.Fatalf("payouts: %+v (want two nodes, one paid to %s)", payouts.Nodes, nodeWallet)
	}
	if got := tokens(operator) - operatorStart; got != acc["operator"]+acc["stakers"] {
		t.Fatalf("operator received %d on chain, the ledger's operator and stakers %d", got, acc["operator"]+acc["stakers"])
	}
	if royalty == 0 || acc["external:royalties"] != royalty {
		t.Fatalf("royalty %d, ledger's royalties account %d", royalty, acc["external:royalties"])
	}
	owed, err := market.Owed(call, creator, info.Stablecoin)
	if err != nil || owed.Int64() != royalty {
		t.Fatalf("the marketplace owes the model's owner %v, want %d (%v)", owed, royalty, err)
	}
	if _, err := creatorTr.Wait(market.Claim(creatorTr.Opts, info.Stablecoin)); err != nil {
		t.Fatal(chain.Explain(err))
	}
	if got := tokens(creator) - creatorStart; got != royalty {
		t.Fatalf("the model's owner claimed %d, want %d", got, royalty)
	}
	if paidNodes+acc["operator"]+acc["stakers"]+royalty != spent {
		t.Fatalf("payouts %d + %d + royalty %d != spent %d", paidNodes, acc["operator"]+acc["stakers"], royalty, spent)
	}

	t.Logf("%d requests in %d batches: user charged %d micro-dollars on chain and in the ledger; nodes paid %d, operator and stakers %d, the model's owner %d",
		requests, len(batches), spent, paidNodes, acc["operator"]+acc["stakers"], royalty)

	// Withdraw the rest after the notice; the key stops working at zero.
	left := chain.FormatAmount(big.NewInt(inEscrow(user)), 6)
	d.wallet(t, userKey, "withdraw", left)
	time.Sleep(4 * time.Second)
	d.withdrawAfterNotice(t, userKey)
	waitFor(t, "the withdrawal to be debited", 30*time.Second, func() bool {
		acc, _ := ledgerOf(t, dom)
		return acc[userAccount] == 0
	})
	if inEscrow(user) != 0 || tokens(user) != userStart-spent {
		t.Fatalf("after withdrawing: escrow %d, wallet %d (started with %d, spent %d)", inEscrow(user), tokens(user), userStart, spent)
	}
	// The withdrawal asks every replica to give back its unused lease of
	// the user's credit (store: reclaim), which each does within its
	// reclaim poll (50 ms): until then a request may still be served
	// from the lease (a bounded overdraft the settlement caps), so the
	// key must be refused within a few seconds, not at once.
	served := 0
	waitFor(t, "the key to be refused at zero", 10*time.Second, func() bool {
		err := chat(requests + 1 + served)
		if err == nil {
			served++
			return false
		}
		if !is402(err) {
			t.Fatalf("at zero: %v, want 402", err)
		}
		return true
	})
	if served > 0 {
		t.Logf("%d request(s) served from a lease before the withdrawal's reclaim reached the replica", served)
	}
	if _, lv := ledgerOf(t, dom); micros(t, lv.Sum) != 0 {
		t.Fatalf("ledger sum %s", lv.Sum)
	}

	// The escrow is empty: the key moves to another wallet (signed by
	// it), which then ends its binding (its Unbinding signature).
	otherKey := keystoreFile(t, info, 2, password)
	out := gaianetEnv(t, walletEnv, "wallet", "rebind", "--domain", url, "--api-key", key, "--base", otherKey,
		"--keystore-password-file", pwFile, "--escrow", info.Escrow.Hex())
	if !strings.Contains(out, "moved from wallet "+user.Hex()+" to "+info.Accounts[2].Address.Hex()) {
		t.Fatalf("wallet rebind: %s", out)
	}
	out = gaianetEnv(t, walletEnv, "wallet", "unbind", "--domain", url, "--api-key", key, "--base", otherKey, "--keystore-password-file", pwFile)
	if !strings.Contains(out, "wallet "+info.Accounts[2].Address.Hex()+" unbound") {
		t.Fatalf("wallet unbind: %s", out)
	}
	var wallets struct {
		Links []struct {
			Address string
			Unbound *time.Time
		}
		Settler struct{ Holder string }
	}
	if err := json.Unmarshal([]byte(gaianet(t, "domain", "wallets", "--base", dom, "--json")), &wallets); err != nil {
		t.Fatal(err)
	}
	if len(wallets.Links) != 2 || wallets.Links[0].Address != user.Hex() || wallets.Links[0].Unbound == nil ||
		wallets.Links[1].Unbound == nil || wallets.Settler.Holder == "" {
		t.Fatalf("domain wallets: %+v", wallets)
	}
}
