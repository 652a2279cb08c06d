package onchain

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"math/big"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"

	"github.com/gaianet-go/gaianet/chain"
	"github.com/gaianet-go/gaianet/chain/contracts"
	"github.com/gaianet-go/gaianet/domain"
	"github.com/gaianet-go/gaianet/domain/ledger"
	"github.com/gaianet-go/gaianet/domain/store"
	"github.com/gaianet-go/gaianet/domain/store/storetest"
)

// world is a simulated chain with the contracts deployed, a domain store
// and the payments service between them.
type world struct {
	t       testing.TB
	ctx     context.Context
	sim     *simulated.Backend
	client  simulated.Client
	a       chain.Addresses
	admin   *ecdsa.PrivateKey // deployer, operator and settlement signer
	st      *store.Store
	svc     *Service
	stable  *contracts.TestStablecoin
	escrow  *contracts.Escrow
	srv     *httptest.Server
	chainID *big.Int
}

func key(t testing.TB) *ecdsa.PrivateKey {
	k, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func addrOf(k *ecdsa.PrivateKey) common.Address { return crypto.PubkeyToAddress(k.PublicKey) }

func newWorld(t testing.TB, storage string, funded ...*ecdsa.PrivateKey) *world {
	w := &world{t: t, ctx: context.Background(), admin: key(t)}
	alloc := types.GenesisAlloc{addrOf(w.admin): {Balance: new(big.Int).Mul(big.NewInt(1000), big.NewInt(1e18))}}
	for _, k := range funded {
		alloc[addrOf(k)] = types.Account{Balance: new(big.Int).Mul(big.NewInt(1000), big.NewInt(1e18))}
	}
	w.sim = simulated.NewBackend(alloc, simulated.WithBlockGasLimit(60_000_000))
	t.Cleanup(func() { w.sim.Close() })
	w.client = w.sim.Client()
	var err error
	if w.chainID, err = w.client.ChainID(w.ctx); err != nil {
		t.Fatal(err)
	}
	head, err := w.client.HeaderByNumber(w.ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg := chain.DefaultDeployConfig(addrOf(w.admin), time.Unix(int64(head.Time), 0))
	cfg.NoticePeriod = time.Hour
	tr := w.transactor(w.admin)
	if w.a, err = chain.Deploy(tr, cfg); err != nil {
		t.Fatal(chain.Explain(err))
	}
	w.stable, _ = contracts.NewTestStablecoin(w.a.Stablecoin, chain.WithGasMargin(w.client))
	w.escrow, _ = contracts.NewEscrow(w.a.Escrow, chain.WithGasMargin(w.client))
	for _, k := range funded {
		w.ok(w.stable.Mint(tr.Opts, addrOf(k), usd(1000)))
	}
	w.st = storetest.Open(t, storage)
	zero := uint64(0)
	w.svc, err = New(w.ctx, Config{RPC: "http://sim.invalid", Escrow: w.a.Escrow.Hex(), Key: "in memory", Confirmations: &zero},
		Options{DomainName: "test.domain", Store: w.st, Client: w.client, Signer: chain.KeySigner{Key: w.admin}, From: addrOf(w.admin), Mine: func() { w.sim.Commit() }})
	if err != nil {
		t.Fatal(err)
	}
	w.srv = httptest.NewServer(w.svc.Handler())
	t.Cleanup(w.srv.Close)
	return w
}

func usd(n int64) *big.Int { return big.NewInt(n * 1_000_000) }

func (w *world) transactor(k *ecdsa.PrivateKey) *chain.Transactor {
	tr, err := chain.NewTransactor(w.ctx, w.client, k, func() { w.sim.Commit() })
	if err != nil {
		w.t.Fatal(err)
	}
	return tr
}

func (w *world) ok(tx *types.Transaction, err error) {
	w.t.Helper()
	if _, err := w.transactor(w.admin).Wait(tx, err); err != nil {
		w.t.Fatal(chain.Explain(err))
	}
}

func (w *world) deposit(k *ecdsa.PrivateKey, amount *big.Int) {
	w.t.Helper()
	wal, err := chain.OpenWallet(w.ctx, w.transactor(k), w.a.Escrow)
	if err != nil {
		w.t.Fatal(err)
	}
	if err := wal.Deposit(w.a.Stablecoin, amount); err != nil {
		w.t.Fatal(err)
	}
}

func (w *world) poll() int {
	w.t.Helper()
	n, err := w.svc.Poll(w.ctx)
	if err != nil {
		w.t.Fatal(err)
	}
	return n
}

func (w *world) balance(user string) ledger.Micros {
	w.t.Helper()
	b, err := w.st.Balance(w.ctx, ledger.UserAccount(user))
	if err != nil {
		w.t.Fatal(err)
	}
	return b
}

func (w *world) onChain(a common.Address) int64 {
	w.t.Helper()
	b, err := w.escrow.BalanceOf(&bind.CallOpts{Context: w.ctx}, a, w.a.Stablecoin)
	if err != nil {
		w.t.Fatal(err)
	}
	return b.Int64()
}

func (w *world) tokens(a common.Address) int64 {
	w.t.Helper()
	b, err := w.stable.BalanceOf(&bind.CallOpts{Context: w.ctx}, a)
	if err != nil {
		w.t.Fatal(err)
	}
	return b.Int64()
}

// call sends body to path with the API key and decodes the answer into out.
func (w *world) call(path, apiKey string, body any, out any) int {
	w.t.Helper()
	var rd *bytes.Reader
	method := http.MethodGet
	if body != nil {
		b, _ := json.Marshal(body)
		rd, method = bytes.NewReader(b), http.MethodPost
	} else {
		rd = bytes.NewReader(nil)
	}
	if path == ChallengePath {
		method = http.MethodPost
	}
	req, _ := http.NewRequest(method, w.srv.URL+path, rd)
	req.Header.Set("Authorization", "Bearer "+apiKey)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		w.t.Fatal(err)
	}
	defer resp.Body.Close()
	if out != nil {
		json.NewDecoder(resp.Body).Decode(out)
	}
	return resp.StatusCode
}

// signedBinding asks for a challenge with apiKey and signs it with k.
func (w *world) signedBinding(apiKey string, k *ecdsa.PrivateKey) BindRequest {
	w.t.Helper()
	return w.signed(apiKey, k, chain.EscrowDomain.SignBinding)
}

// signed asks for a challenge with apiKey and signs it for k's wallet
// with sign.
func (w *world) signed(apiKey string, k *ecdsa.PrivateKey, sign func(chain.EscrowDomain, chain.DigestSigner, chain.Binding) ([]byte, error)) BindRequest {
	w.t.Helper()
	var ch Challenge
	if code := w.call(ChallengePath, apiKey, nil, &ch); code != http.StatusOK {
		w.t.Fatalf("challenge: %d", code)
	}
	ch.Binding.Wallet = addrOf(k)
	dom := chain.EscrowDomain{ChainID: new(big.Int).SetUint64(ch.ChainID), Escrow: ch.Escrow}
	sig, err := sign(dom, chain.KeySigner{Key: k}, ch.Binding)
	if err != nil {
		w.t.Fatal(err)
	}
	return BindRequest{Binding: ch.Binding, Signature: sig}
}

// TestDepositBindSettleWithdraw: a deposit made before the binding is
// credited at the binding, one after it at once, each once; the ledger's
// charges settle on the escrow exactly once (also across a crash between
// submitting and recording), with the nodes' shares paid to their wallets;
// a withdrawal debits the ledger; the escrow and the ledger agree to the
// micro-dollar at every step.
func TestDepositBindSettleWithdraw(t *testing.T) {
	for name, storage := range storetest.Storages(t) {
		t.Run(name, func(t *testing.T) {
			alice, mallory := key(t), key(t)
			w := newWorld(t, storage, alice, mallory)
			u, apiKey, err := w.st.AddUser(w.ctx, "alice")
			if err != nil {
				t.Fatal(err)
			}

			// Deposited before binding: recorded, credited to nobody.
			w.deposit(alice, usd(10))
			if n := w.poll(); n != 1 {
				t.Fatalf("poll recorded %d events, want 1", n)
			}
			if w.poll() != 0 || w.balance(u.ID) != 0 {
				t.Fatalf("unbound deposit credited: %s", w.balance(u.ID))
			}

			// Binding: forged, wrong user, replayed: refused.
			req := w.signedBinding(apiKey, alice)
			forged := req
			forged.Binding.Wallet = addrOf(mallory) // alice's signature, mallory's wallet
			if code := w.call(BindPath, apiKey, forged, nil); code != http.StatusUnauthorized {
				t.Fatalf("forged binding: %d", code)
			}
			_, otherKey, _ := w.st.AddUser(w.ctx, "bob")
			if code := w.call(BindPath, otherKey, req, nil); code != http.StatusForbidden {
				t.Fatalf("binding for another user: %d", code)
			}
			var bound map[string]any
			if code := w.call(BindPath, apiKey, req, &bound); code != http.StatusOK {
				t.Fatalf("binding: %d %v", code, bound)
			}
			if bound["credited"] != 10.0 || w.balance(u.ID) != 10*ledger.PerDollar {
				t.Fatalf("bind credited %v, balance %s", bound["credited"], w.balance(u.ID))
			}
			if code := w.call(BindPath, apiKey, req, nil); code != http.StatusUnauthorized {
				t.Fatalf("replayed binding: %d", code)
			}
			// Another chain's or escrow's domain separator: not alice's signature here.
			other := w.signedBinding(apiKey, alice)
			dom := chain.EscrowDomain{ChainID: big.NewInt(1), Escrow: w.a.Escrow}
			other.Signature, _ = dom.SignBinding(chain.KeySigner{Key: alice}, other.Binding)
			if code := w.call(BindPath, apiKey, other, nil); code != http.StatusUnauthorized {
				t.Fatalf("binding signed for chain 1: %d", code)
			}
			// Mallory cannot take alice's wallet for bob.
			if code := w.call(BindPath, otherKey, w.signedBinding(otherKey, alice), nil); code != http.StatusConflict {
				t.Fatalf("second user on one wallet: %d", code)
			}

			w.deposit(alice, usd(5))
			w.poll()
			if got := w.balance(u.ID); got != 15*ledger.PerDollar || w.onChain(addrOf(alice)) != int64(got) {
				t.Fatalf("ledger %s, escrow %d", got, w.onChain(addrOf(alice)))
			}

			// Usage on two nodes, one paid to a wallet it bound.
			nodeA, nodeB, walletB := key(t), key(t), key(t)
			for _, n := range []*ecdsa.PrivateKey{nodeA, nodeB} {
				if _, err := w.st.AddNode(w.ctx, addrOf(n).Hex(), store.StatusAdmitted); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.st.SetNodeWallet(w.ctx, addrOf(nodeB).Hex(), addrOf(walletB).Hex()); err != nil {
				t.Fatal(err)
			}
			prices := ledger.Prices{InputPerMillion: 100_000, OutputPerMillion: 400_000, PerRequest: 1_003}
			var charges []ledger.Charge
			var spent ledger.Micros
			for i := range 7 {
				node := []*ecdsa.PrivateKey{nodeA, nodeB}[i%2]
				c, err := ledger.NewCharge("req-"+string(rune('a'+i)), u.ID, addrOf(node).Hex(), "m",
					ledger.Usage{InputTokens: int64(100 + 37*i), OutputTokens: int64(50 + 11*i)}, prices, ledger.DefaultSplit)
				if err != nil {
					t.Fatal(err)
				}
				charges = append(charges, c)
				spent += c.Amount
			}
			if _, err := w.st.PostBatch(w.ctx, charges[:4]); err != nil {
				t.Fatal(err)
			}
			opBefore := w.tokens(addrOf(w.admin))
			n, err := w.svc.Settle(w.ctx)
			if err != nil || n != 1 {
				t.Fatalf("settle: %d batches, %v", n, chain.Explain(err))
			}
			if n, _ := w.svc.Settle(w.ctx); n != 0 {
				t.Fatalf("a second settle settled %d batches", n)
			}

			// A crash between submitting and recording: the batch is on
			// chain, the store still says pending.
			if _, err := w.st.PostBatch(w.ctx, charges[4:]); err != nil {
				t.Fatal(err)
			}
			id := newBatchID()
			head, _ := w.client.HeaderByNumber(w.ctx, nil)
			if _, ok, err := w.st.ClaimSettlement(w.ctx, w.a.Escrow.Hex(), id.String(), 100, func(legs []store.SettlementLeg, _ []store.NodeUse) (string, ledger.Micros, error) {
				return w.svc.build(id, head.Time+3600, legs, nil, nil)
			}); err != nil || !ok {
				t.Fatalf("claim: %v %v", ok, err)
			}
			pending, _ := w.st.Settlements(w.ctx, w.a.Escrow.Hex(), store.SettlementPending)
			var b signedBatch
			if err := json.Unmarshal([]byte(pending[0].Batch), &b); err != nil {
				t.Fatal(err)
			}
			w.ok(w.escrow.Settle(w.transactor(mallory).Opts, b.Settlement, b.Signature)) // anyone may submit
			if n, err := w.svc.Settle(w.ctx); err != nil || n != 1 {
				t.Fatalf("settle after the crash: %d, %v", n, err)
			}
			all, _ := w.st.Settlements(w.ctx, "", "")
			if len(all) != 2 || all[0].Status != store.SettlementSettled || all[1].Status != store.SettlementSettled {
				t.Fatalf("settlements: %+v", all)
			}

			// The escrow and the ledger agree.
			if got := w.balance(u.ID); got != 15*ledger.PerDollar-spent || w.onChain(addrOf(alice)) != int64(got) {
				t.Fatalf("after settling %s: ledger %s, escrow %d", spent, got, w.onChain(addrOf(alice)))
			}
			nodeEarned := func(n *ecdsa.PrivateKey) int64 {
				b, _ := w.st.Balance(w.ctx, ledger.NodeAccount(addrOf(n).Hex()))
				return int64(b)
			}
			if w.tokens(addrOf(nodeA)) != nodeEarned(nodeA) || w.tokens(addrOf(walletB)) != nodeEarned(nodeB) || w.tokens(addrOf(nodeB)) != 0 {
				t.Fatalf("node payouts: A %d (ledger %d), B's wallet %d (ledger %d), B %d", w.tokens(addrOf(nodeA)), nodeEarned(nodeA),
					w.tokens(addrOf(walletB)), nodeEarned(nodeB), w.tokens(addrOf(nodeB)))
			}
			op, _ := w.st.Balance(w.ctx, ledger.OperatorAccount)
			stakers, _ := w.st.Balance(w.ctx, ledger.StakerAccount)
			if got := w.tokens(addrOf(w.admin)) - opBefore; got != int64(op+stakers) {
				t.Fatalf("operator received %d, ledger operator+stakers %s", got, op+stakers)
			}

			// Withdrawal of the rest after the notice.
			left := w.onChain(addrOf(alice))
			wal, _ := chain.OpenWallet(w.ctx, w.transactor(alice), w.a.Escrow)
			if err := wal.RequestWithdrawal(w.a.Stablecoin, big.NewInt(left)); err != nil {
				t.Fatal(err)
			}
			w.adjustTime(2 * time.Hour)
			if err := wal.Withdraw(w.a.Stablecoin); err != nil {
				t.Fatal(err)
			}
			w.poll()
			if w.balance(u.ID) != 0 || w.onChain(addrOf(alice)) != 0 {
				t.Fatalf("after withdrawing: ledger %s, escrow %d", w.balance(u.ID), w.onChain(addrOf(alice)))
			}
			if err := w.st.Check(w.ctx); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestConfigValidate(t *testing.T) {
	good := Config{RPC: "http://127.0.0.1:8545", Escrow: common.Address{1}.Hex(), Key: "k"}
	good.ApplyDefaults()
	if err := good.Validate(); err != nil {
		t.Fatal(err)
	}
	for name, mutate := range map[string]func(*Config){
		"rpc":      func(c *Config) { c.RPC = "ftp://x" },
		"escrow":   func(c *Config) { c.Escrow = "0x12" },
		"key":      func(c *Config) { c.Key = "" },
		"batch":    func(c *Config) { c.BatchSize = -1 },
		"deadline": func(c *Config) { c.Deadline = domain.Duration(time.Second) },
	} {
		c := good
		mutate(&c)
		if c.Validate() == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// TestSettleWithinNotice: a schedule that could let a withdrawal's notice
// pass before the usage settles is refused.
func TestSettleWithinNotice(t *testing.T) {
	w := newWorld(t, "")
	zero := uint64(0)
	_, err := New(w.ctx, Config{RPC: "http://sim.invalid", Escrow: w.a.Escrow.Hex(), Key: "k", Confirmations: &zero, SettleEvery: domain.Duration(time.Hour)},
		Options{DomainName: "test.domain", Store: w.st, Client: w.client, Signer: chain.KeySigner{Key: w.admin}, From: addrOf(w.admin)})
	if err == nil {
		t.Fatal("settling every hour accepted with a one-hour notice")
	}
	_, err = New(w.ctx, Config{RPC: "http://sim.invalid", Escrow: w.a.Escrow.Hex(), Key: "k", Confirmations: &zero},
		Options{DomainName: "test.domain", Store: w.st, Client: w.client, Signer: chain.KeySigner{Key: key(t)}, From: addrOf(key(t))})
	if err == nil {
		t.Fatal("a key that is not the escrow's signer accepted")
	}
}
