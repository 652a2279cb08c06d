package e2e

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/google/uuid"
	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"

	"github.com/gaianet-go/gaianet/chain"
	"github.com/gaianet-go/gaianet/chain/contracts"
)

// keystoreOf writes k as a v3 keystore (0600) protected by password.
func keystoreOf(t *testing.T, k *ecdsa.PrivateKey, password string) string {
	t.Helper()
	js, err := keystore.EncryptKey(&keystore.Key{Id: uuid.New(), Address: crypto.PubkeyToAddress(k.PublicKey), PrivateKey: k},
		password, keystore.LightScryptN, keystore.LightScryptP)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), crypto.PubkeyToAddress(k.PublicKey).Hex()+".json")
	if err := os.WriteFile(p, js, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// chatter returns a function that makes chat request i with apiKey through
// the domain (6 output tokens at most).
func (d *payingDomain) chatter(apiKey string) func(i int) error {
	ai := openai.NewClient(option.WithBaseURL(d.url+"/v1"), option.WithAPIKey(apiKey), option.WithMaxRetries(0))
	return func(i int) error {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		_, err := ai.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{Model: "demo-chat", MaxTokens: openai.Int(6),
			Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage(fmt.Sprintf("question %d", i))}})
		return err
	}
}

func is402(err error) bool {
	apiErr, ok := err.(*openai.Error)
	return ok && apiErr.StatusCode == http.StatusPaymentRequired
}

// walletEnv lets 'gaianet wallet' reach the domain on loopback.
var walletEnv = []string{"GAIANET_OUTBOUND_ALLOW=127.0.0.0/8"}

// bindWallet binds the wallet in keystore to apiKey ('gaianet wallet bind').
func (d *payingDomain) bindWallet(t *testing.T, apiKey, keystore string) {
	t.Helper()
	out := gaianetEnv(t, walletEnv, "wallet", "bind", "--domain", d.url, "--api-key", apiKey, "--base", keystore,
		"--keystore-password-file", d.pwFile, "--escrow", d.info.Escrow.Hex())
	if !strings.Contains(out, "bound to user") {
		t.Fatalf("wallet bind: %s", out)
	}
}

// wallet runs 'gaianet wallet VERB ARGS' as keystore's account on the
// devnet's escrow.
func (d *payingDomain) wallet(t *testing.T, keystore, verb string, args ...string) string {
	t.Helper()
	return gaianet(t, append([]string{"wallet", verb, "--rpc", d.info.RPC, "--escrow", d.info.Escrow.Hex(), "--base", keystore,
		"--keystore-password-file", d.pwFile}, args...)...)
}

// settlementView is a row of 'domain settlements --json'.
type settlementView struct {
	Status                    string
	Requests                  int64
	Total, Royalty, Uncovered json.Number
}

// waitSettled waits until the settled batches hold requests requests in
// all, and returns every batch.
func (d *payingDomain) waitSettled(t *testing.T, requests int64) []settlementView {
	t.Helper()
	var batches []settlementView
	waitFor(t, fmt.Sprintf("%d requests to settle on the escrow", requests), time.Minute, func() bool {
		batches = nil
		if err := json.Unmarshal([]byte(gaianet(t, "domain", "settlements", "--base", d.dom, "--json")), &batches); err != nil {
			t.Fatal(err)
		}
		n := int64(0)
		for _, s := range batches {
			if s.Status == "settled" {
				n += s.Requests
			}
		}
		return n == requests
	})
	return batches
}

// chatAndSettle makes n chat requests with chat, waits until they are
// settled (the only requests of the domain so far), and checks each
// batch's royalty: both nodes serve the listed model, so all of a batch's
// revenue used it, and the royalty is 5% (the devnet escrow's royaltyBps)
// of each batch's total, rounded down per batch, with nothing uncovered.
// It returns the batches and the royalty.
func (d *payingDomain) chatAndSettle(t *testing.T, chat func(int) error, n int) ([]settlementView, int64) {
	t.Helper()
	for i := 1; i <= n; i++ {
		if err := chat(i); err != nil {
			t.Fatalf("request %d: %v", i, err)
		}
	}
	batches := d.waitSettled(t, int64(n))
	var royalty int64
	for _, s := range batches {
		want := micros(t, s.Total) * 500 / 10_000
		if micros(t, s.Royalty) != want || micros(t, s.Uncovered) != 0 {
			t.Fatalf("batch of %s: royalty %s, uncovered %s; want royalty %d", s.Total, s.Royalty, s.Uncovered, want)
		}
		royalty += want
	}
	return batches, royalty
}

// payoutsView is 'domain payouts --json': what each node earned, and the
// address it is paid at.
type payoutsView struct {
	Nodes []struct {
		Address, Wallet string
		Amount          json.Number
	}
}

func (d *payingDomain) payouts(t *testing.T) payoutsView {
	t.Helper()
	var p payoutsView
	if err := json.Unmarshal([]byte(gaianet(t, "domain", "payouts", "--base", d.dom, "--json")), &p); err != nil {
		t.Fatal(err)
	}
	return p
}

// withdrawAfterNotice takes keystore's requested withdrawal ('wallet
// withdraw', extra flags such as --asset) once the notice is over.
//
// Dev mode seals a block per transaction, and an idle chain's last block
// is older than the wall clock: gas estimation runs on it and would still
// see the notice running. Another account's transaction (devnet account
// 3's) seals a block with the time now; dev mode may also have sealed
// blocks ahead of the wall clock (a block's time is at least its parent's
// plus one second), so it nudges until a block is past the notice.
func (d *payingDomain) withdrawAfterNotice(t *testing.T, keystore string, extra ...string) {
	t.Helper()
	nudge, err := devnetTransactor(d.client, chain.DevnetKey(3))
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, "a block past the notice and the withdrawal", time.Minute, func() bool {
		if _, err := nudge.Wait(d.stable.Approve(nudge.Opts, d.info.Escrow, big.NewInt(1))); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(binary(t), append([]string{"wallet", "withdraw", "--rpc", d.info.RPC, "--escrow", d.info.Escrow.Hex(),
			"--base", keystore, "--keystore-password-file", d.pwFile}, extra...)...)
		out, err := cmd.CombinedOutput()
		if err != nil && !strings.Contains(string(out), "NoticeNotOver") {
			t.Fatalf("withdraw: %v\n%s", err, out)
		}
		return err == nil
	})
}

// waitCredited waits for the user account of the ledger holding exactly
// want and returns its id.
func (d *payingDomain) waitCredited(t *testing.T, want int64, not ...string) string {
	t.Helper()
	var account string
	waitFor(t, fmt.Sprintf("a deposit of %d micro-dollars to be credited", want), 30*time.Second, func() bool {
		acc, _ := ledgerOf(t, d.dom)
		for id, b := range acc {
			if strings.HasPrefix(id, "user:") && b == want && !slices.Contains(not, id) {
				account = id
				return true
			}
		}
		return false
	})
	return account
}

// TestGaiaAndShortfallOnDevnet is issue 11's GAIA and shortfall flows on
// the devnet (go-ethereum dev mode, the same domain and nodes as
// TestPaymentsOnDevnet), with exact sums.
//
// GAIA: a user deposits 7.123456789 GAIA at the feed's $0.50; the ledger
// credits the escrow's valuation ($3.561728, rounded down) exactly. The
// user holds no stablecoin in the escrow, so the requests settle in GAIA
// at the feed's price: the node payouts (one to a bound wallet), the
// operator's rest and the model owner's royalty arrive in GAIA and equal
// the ledger (at $0.50 a micro-dollar is 2e12 GAIA-wei, exact). The user
// withdraws all but 0.01 GAIA ($0.005, below the cheapest request) and
// moves the API key to a new wallet: the leftover does not block, and its
// credit is left behind (external:leftovers); the account is zero.
//
// Shortfall: a second user deposits 0.5 GAIA at $0.50 ($0.25 of credit);
// the price then falls to $0.25, so the usage the ledger allowed is worth
// more than the GAIA the escrow holds. The escrow charges what there is
// and emits Shortfall for the rest, which is larger than the operator's
// share, so the node payouts and the royalty are scaled down on chain.
// The domain's ledger equals what was paid, payee by payee: each node's,
// the royalty's and the operator's account gained the value of the GAIA
// it received (per transfer, rounded down to the micro-dollar), and the
// shortfall account the Shortfall events' value plus that rounding.
func TestGaiaAndShortfallOnDevnet(t *testing.T) {
	bobKey, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	bob := crypto.PubkeyToAddress(bobKey.PublicKey)
	d := newPayingDomain(t, 3*time.Second, bob)
	info, ctx := d.info, context.Background()
	call := &bind.CallOpts{}
	token, _ := contracts.NewGaiaToken(info.Token, d.client)
	feed, _ := contracts.NewPriceFeed(info.PriceFeed, chain.WithGasMargin(d.client))
	big1 := func(v *big.Int, err error) *big.Int {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	gaiaOf := func(a common.Address) *big.Int { return big1(token.BalanceOf(call, a)) }
	escrowOf := func(a, asset common.Address) *big.Int { return big1(d.escrow.BalanceOf(call, a, asset)) }
	// weiPerMicro is GAIA-wei per micro-dollar at a feed price (8 decimals).
	weiPerMicro := func(price int64) *big.Int {
		return new(big.Int).Div(new(big.Int).Exp(big.NewInt(10), big.NewInt(20), nil), big.NewInt(price))
	}
	mul := func(m int64, w *big.Int) *big.Int { return new(big.Int).Mul(big.NewInt(m), w) }

	alice, aliceFile := info.Accounts[1].Address, keystoreFile(t, info, 1, d.password)
	var nodeAddrs []common.Address
	for _, n := range nodes(t, d.dom) {
		nodeAddrs = append(nodeAddrs, common.HexToAddress(n.Address))
	}
	payees := append([]common.Address{d.nodeWallet, d.operator}, nodeAddrs...)
	snapshot := func() map[common.Address]*big.Int {
		m := map[common.Address]*big.Int{alice: gaiaOf(alice), d.creator: gaiaOf(d.creator)}
		for _, a := range payees {
			m[a] = gaiaOf(a)
		}
		return m
	}
	start := snapshot()

	// --- GAIA: deposit, spend, payouts, withdraw, at $0.50.
	const price = 50_000_000
	at50 := weiPerMicro(price) // 2e12
	aliceKey := newKey(t, d.dom, "alice", "0")
	d.bindWallet(t, aliceKey, aliceFile)
	deposit, _ := chain.ParseAmount("7.123456789", 18)
	d.wallet(t, aliceFile, "deposit", "--asset", "gaia", "7.123456789")
	const credited = 3_561_728 // 7.123456789 × $0.50, rounded down
	aliceAccount := d.waitCredited(t, credited)
	dep, err := d.escrow.FilterDeposited(&bind.FilterOpts{Context: ctx}, []common.Address{alice}, []common.Address{info.Token})
	if err != nil || !dep.Next() || dep.Event.UsdValue.Int64() != credited || dep.Event.Amount.Cmp(deposit) != 0 {
		t.Fatalf("Deposited event: %+v (%v), want %s GAIA valued %d", dep.Event, err, deposit, credited)
	}
	const aliceRequests = 6
	batches, royalty := d.chatAndSettle(t, d.chatter(aliceKey), aliceRequests)
	acc, _ := ledgerOf(t, d.dom)
	spent := credited - acc[aliceAccount]
	if spent < aliceRequests*50_000 {
		t.Fatalf("spent %d micro-dollars on %d requests at $0.05 each", spent, aliceRequests)
	}
	if got, want := escrowOf(alice, info.Token), new(big.Int).Sub(deposit, mul(spent, at50)); got.Cmp(want) != 0 || escrowOf(alice, info.Stablecoin).Sign() != 0 {
		t.Fatalf("alice's GAIA in the escrow %s, want %s (spent %d µ$ at $0.50)", got, want, spent)
	}
	var paidNodes int64
	for _, n := range d.payouts(t).Nodes {
		w := common.HexToAddress(n.Wallet)
		earned := micros(t, n.Amount)
		got := new(big.Int).Sub(gaiaOf(w), start[w])
		if earned == 0 || earned != acc["node:"+n.Address] || got.Cmp(mul(earned, at50)) != 0 {
			t.Fatalf("node %s: paid %s GAIA-wei to %s, earned %d µ$ in the ledger (%d in payouts)", n.Address, got, w, acc["node:"+n.Address], earned)
		}
		paidNodes += earned
	}
	operatorShare := acc["operator"] + acc["stakers"]
	if got := new(big.Int).Sub(gaiaOf(d.operator), start[d.operator]); got.Cmp(mul(operatorShare, at50)) != 0 {
		t.Fatalf("operator received %s GAIA-wei, the ledger's operator and stakers %d µ$", got, operatorShare)
	}
	if owed := big1(d.market.Owed(call, d.creator, info.Token)); royalty == 0 || acc["external:royalties"] != royalty || owed.Cmp(mul(royalty, at50)) != 0 {
		t.Fatalf("royalty %d µ$, ledger %d, the marketplace owes %s GAIA-wei", royalty, acc["external:royalties"], owed)
	}
	if _, err := d.creatorTr.Wait(d.market.Claim(d.creatorTr.Opts, info.Token)); err != nil {
		t.Fatal(chain.Explain(err))
	}
	if got := new(big.Int).Sub(gaiaOf(d.creator), start[d.creator]); got.Cmp(mul(royalty, at50)) != 0 {
		t.Fatalf("the model's owner claimed %s GAIA-wei, want %d µ$", got, royalty)
	}
	if paidNodes+operatorShare+royalty != spent {
		t.Fatalf("payouts %d + %d + royalty %d != spent %d", paidNodes, operatorShare, royalty, spent)
	}
	// She withdraws all but 0.01 GAIA ($0.005, less than the cheapest
	// request), the deposit's sub-micro-dollar remainder (0.3945 µ$ of
	// GAIA the ledger never credited) included: the withdrawal is debited
	// at the escrow's valuation, rounded down, and 5,000 µ$ is left.
	keep := mul(5_000, at50)
	d.wallet(t, aliceFile, "withdraw", "--asset", "gaia", chain.FormatAmount(new(big.Int).Sub(escrowOf(alice, info.Token), keep), 18))
	time.Sleep(3 * time.Second)
	d.withdrawAfterNotice(t, aliceFile, "--asset", "gaia")
	waitFor(t, "the GAIA withdrawal to be debited", 30*time.Second, func() bool {
		acc, _ := ledgerOf(t, d.dom)
		return acc[aliceAccount] == 5_000
	})
	if got := escrowOf(alice, info.Token); got.Cmp(keep) != 0 ||
		new(big.Int).Sub(start[alice], gaiaOf(alice)).Cmp(new(big.Int).Add(mul(spent, at50), keep)) != 0 {
		t.Fatalf("after withdrawing: escrow %s (want %s), wallet %s (started with %s, spent %d µ$)", got, keep, gaiaOf(alice), start[alice], spent)
	}
	// The leftover rule: that leftover does not block moving the key to
	// another wallet; its credit is left behind with it, and the escrow
	// keeps it for alice's wallet to withdraw.
	newWallet, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	out := gaianetEnv(t, walletEnv, "wallet", "rebind", "--domain", d.url, "--api-key", aliceKey, "--base", keystoreOf(t, newWallet, d.password),
		"--keystore-password-file", d.pwFile, "--escrow", info.Escrow.Hex())
	if !strings.Contains(out, "$0.005 of credit left behind") {
		t.Fatalf("wallet rebind with a leftover below one request: %s", out)
	}
	if acc, _ := ledgerOf(t, d.dom); acc[aliceAccount] != 0 || acc["external:leftovers"] != 5_000 || escrowOf(alice, info.Token).Cmp(keep) != 0 {
		t.Fatalf("after the rebind: alice's account %d, leftovers %d, her old wallet's GAIA in the escrow %s", acc[aliceAccount], acc["external:leftovers"], escrowOf(alice, info.Token))
	}
	t.Logf("GAIA: %d requests in %d batches, %d µ$ = %s GAIA-wei charged; nodes %d, operator and stakers %d, royalty %d µ$, each paid in GAIA",
		aliceRequests, len(batches), spent, mul(spent, at50), paidNodes, operatorShare, royalty)

	// --- Shortfall: credit at $0.50, settlement at $0.25.
	before, _ := ledgerOf(t, d.dom)
	from, err := d.client.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	bobFile := keystoreOf(t, bobKey, d.password)
	bobAPI := newKey(t, d.dom, "bob", "0")
	d.bindWallet(t, bobAPI, bobFile)
	d.wallet(t, bobFile, "deposit", "--asset", "gaia", "0.5")
	bobAccount := d.waitCredited(t, 250_000, aliceAccount)
	// The feeder is the operator (devnet account 0), which the domain
	// also settles with: no batch is due now, so their nonces do not race.
	opTr, err := devnetTransactor(d.client, chain.DevnetKey(0))
	if err != nil {
		t.Fatal(err)
	}
	const lower = 25_000_000
	if _, err := opTr.Wait(feed.Submit(opTr.Opts, big.NewInt(lower))); err != nil {
		t.Fatal(chain.Explain(err))
	}
	at25 := weiPerMicro(lower) // 4e12
	bobChat := d.chatter(bobAPI)
	const bobRequests = 2 // about $0.118 each: what $0.25 of credit allows
	for i := 1; i <= bobRequests; i++ {
		if err := bobChat(i); err != nil {
			t.Fatalf("bob's request %d: %v", i, err)
		}
	}
	d.waitSettled(t, aliceRequests+bobRequests)
	after, _ := ledgerOf(t, d.dom)
	delta := func(acct string) int64 { return after[acct] - before[acct] }
	bobSpent := 250_000 - after[bobAccount]
	if bobSpent < bobRequests*50_000 || escrowOf(bob, info.Token).Sign() != 0 {
		t.Fatalf("bob spent %d µ$ in the ledger; the escrow still holds %s GAIA-wei of his", bobSpent, escrowOf(bob, info.Token))
	}
	fo := &bind.FilterOpts{Context: ctx, Start: from}
	// value is an amount of asset in micro-dollars at $0.25, and whether
	// that is exact.
	value := func(asset common.Address, v *big.Int) (int64, bool) {
		if asset != info.Token {
			return v.Int64(), true
		}
		q, r := new(big.Int).QuoRem(v, at25, new(big.Int))
		return q.Int64(), r.Sign() == 0
	}
	var charged, short int64
	ch, err := d.escrow.FilterCharged(fo, nil, []common.Address{bob}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for ch.Next() {
		v, exact := value(ch.Event.Asset, ch.Event.Amount)
		if !exact {
			t.Fatalf("charged %s GAIA-wei: not a whole micro-dollar at $0.25", ch.Event.Amount)
		}
		charged += v
	}
	sf, err := d.escrow.FilterShortfall(fo, nil, []common.Address{bob}, nil)
	if err != nil {
		t.Fatal(err)
	}
	events := 0
	for sf.Next() {
		v, exact := value(sf.Event.Asset, sf.Event.Uncovered)
		if !exact {
			t.Fatalf("shortfall of %s GAIA-wei: not a whole micro-dollar at $0.25", sf.Event.Uncovered)
		}
		short += v
		events++
	}
	if charged != 125_000 || events == 0 || charged+short != bobSpent {
		t.Fatalf("bob: charged %d µ$ (want all his 0.5 GAIA = 125000 at $0.25), %d Shortfall events worth %d, spent %d in the ledger",
			charged, events, short, bobSpent)
	}
	// received is what the escrow paid to, in micro-dollars at $0.25, each
	// transfer rounded down (the ledger counts whole micro-dollars), and
	// how many transfers.
	transfers := 0
	received := func(to common.Address) int64 {
		var sum int64
		it, err := token.FilterTransfer(fo, []common.Address{info.Escrow}, []common.Address{to})
		if err != nil {
			t.Fatal(err)
		}
		for it.Next() {
			v, _ := value(info.Token, it.Event.Value)
			sum += v
			transfers++
		}
		st, err := d.stable.FilterTransfer(fo, []common.Address{info.Escrow}, []common.Address{to})
		if err != nil {
			t.Fatal(err)
		}
		for st.Next() {
			sum += st.Event.Value.Int64()
			transfers++
		}
		return sum
	}
	var nodesPaid int64
	for _, n := range d.payouts(t).Nodes {
		got, want := received(common.HexToAddress(n.Wallet)), delta("node:"+n.Address)
		if got != want {
			t.Errorf("node %s: the escrow paid %d µ$ (GAIA at $0.25) to %s during the shortfall; its ledger account gained %d", n.Address, got, n.Wallet, want)
		}
		nodesPaid += want
	}
	var royaltyPaid int64
	settled, err := d.escrow.FilterSettled(fo, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for settled.Next() {
		v, _ := value(settled.Event.Asset, settled.Event.ToComponents)
		royaltyPaid += v
		if settled.Event.ToComponents.Sign() > 0 {
			transfers++
		}
	}
	if royaltyPaid != delta("external:royalties") {
		t.Errorf("the escrow paid %d µ$ of royalty during the shortfall; the ledger's royalties account gained %d", royaltyPaid, delta("external:royalties"))
	}
	operatorGot := delta("operator") + delta("stakers")
	if got := received(d.operator); got != operatorGot {
		t.Errorf("the escrow paid the operator %d µ$ (GAIA at $0.25) during the shortfall; the ledger's operator and stakers gained %d", got, operatorGot)
	}
	// What the escrow charged and the payees' whole micro-dollars differ
	// by the payouts' rounding (under a micro-dollar each): the shortfall
	// account takes it with the uncovered charges, and the domain's
	// settlements record both as uncovered.
	dust := charged - nodesPaid - delta("external:royalties") - operatorGot
	var uncovered int64
	for _, s := range d.waitSettled(t, aliceRequests+bobRequests) {
		uncovered += micros(t, s.Uncovered)
	}
	if dust < 0 || dust >= int64(transfers) || delta("external:shortfall") != short+dust || uncovered != short+dust {
		t.Errorf("shortfall account +%d, settlements uncovered %d; want the Shortfall events' %d + the payouts' rounding %d (%d transfers)",
			delta("external:shortfall"), uncovered, short, dust, transfers)
	}
	t.Logf("shortfall: bob spent %d µ$ against 0.5 GAIA credited at $0.50; at $0.25 the escrow charged %d and reported %d short (%d events); nodes +%d, royalty +%d, operator +%d, shortfall +%d (rounding %d) in the ledger",
		bobSpent, charged, short, events, nodesPaid, delta("external:royalties"), operatorGot, delta("external:shortfall"), dust)
}
