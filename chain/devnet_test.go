//go:build !nodevnet

package chain

import (
	"context"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/gaianet-go/gaianet/chain/contracts"
)

// TestDevnet starts the in-process dev-mode node, and over its HTTP JSON-RPC
// endpoint: checks every contract is there, deposits as a test account,
// settles a batch signed by the operator, and withdraws the rest.
func TestDevnet(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	d, err := StartDevnet(ctx, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	defer func() {
		if n := d.Wakeups.Load(); n > 0 {
			t.Logf("the watchdog woke dev mode's sealer %d time(s)", n)
		}
	}()
	client, err := ethclient.DialContext(ctx, d.RPC)
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	id, err := client.ChainID(ctx)
	if err != nil || id.Cmp(d.ChainID) != 0 {
		t.Fatalf("chain id over HTTP = %v, %v; devnet says %v", id, err, d.ChainID)
	}
	a := d.Addresses
	for name, addr := range map[string][20]byte{"escrow": a.Escrow, "token": a.Token, "staking": a.Staking, "governor": a.Governor,
		"timelock": a.Timelock, "marketplace": a.Marketplace, "stablecoin": a.Stablecoin, "price_feed": a.PriceFeed} {
		code, err := client.CodeAt(ctx, addr, nil)
		if err != nil || len(code) == 0 {
			t.Fatalf("%s at %x: no code (%v)", name, addr, err)
		}
	}

	user := DevnetKey(1)
	tr, err := NewTransactor(ctx, client, user, nil)
	if err != nil {
		t.Fatal(err)
	}
	tr.MaxWait = DevnetMaxWait
	w, err := OpenWallet(ctx, tr, a.Escrow)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Deposit(w.Stable, big.NewInt(25_000_000)); err != nil {
		t.Fatal(err)
	}
	node := crypto.PubkeyToAddress(DevnetKey(2).PublicKey)
	head, err := client.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	s := Settlement{Id: big.NewInt(1), Asset: w.Stable, Deadline: new(big.Int).SetUint64(head.Time + 600),
		Charges: []contracts.EscrowCharge{{User: tr.Address(), Amount: big.NewInt(5_000_000)}},
		Payouts: []contracts.EscrowPayout{{To: node, Amount: big.NewInt(3_000_000)}}, Usage: []contracts.EscrowUsage{}}
	sig, err := EscrowDomain{ChainID: d.ChainID, Escrow: a.Escrow}.Sign(DevnetKey(0), s)
	if err != nil {
		t.Fatal(err)
	}
	op, err := NewTransactor(ctx, client, DevnetKey(0), nil)
	if err != nil {
		t.Fatal(err)
	}
	op.MaxWait = DevnetMaxWait
	if _, err := op.Wait(w.Escrow.Settle(op.Opts, s, sig)); err != nil {
		t.Fatal(Explain(err))
	}
	if err := w.RequestWithdrawal(w.Stable, big.NewInt(100_000_000)); err != nil {
		t.Fatal(err)
	}
	if err := w.Withdraw(w.Stable); err == nil {
		t.Fatal("withdrew before the notice period")
	}
	if err := d.AdjustTime(d.Config.NoticePeriod + time.Second); err != nil {
		t.Fatal(err)
	}
	if err := w.Withdraw(w.Stable); err != nil {
		t.Fatal(err)
	}
	b, err := w.Balance(ctx, w.Stable)
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "escrow balance after withdraw", b.Escrow, new(big.Int))
	eq(t, "wallet", b.Wallet, big.NewInt(10_000_000_000-5_000_000))
	stable, err := contracts.NewTestStablecoin(a.Stablecoin, client)
	if err != nil {
		t.Fatal(err)
	}
	got, err := stable.BalanceOf(&bind.CallOpts{Context: ctx}, node)
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "node payout", got, big.NewInt(10_000_000_000+3_000_000))

	// A transaction dev mode never seals (behind a nonce gap) fails its
	// wait with ErrNotMined, naming it, instead of hanging.
	nonce, err := client.PendingNonceAt(ctx, tr.Address())
	if err != nil {
		t.Fatal(err)
	}
	to := node
	gap, err := tr.Opts.Signer(tr.Address(), types.NewTx(&types.DynamicFeeTx{ChainID: d.ChainID, Nonce: nonce + 3,
		GasTipCap: big.NewInt(1e9), GasFeeCap: big.NewInt(1e11), Gas: 21_000, To: &to, Value: big.NewInt(1)}))
	if err != nil {
		t.Fatal(err)
	}
	if err := client.SendTransaction(ctx, gap); err != nil {
		t.Fatal(err)
	}
	tr.MaxWait = time.Second
	if _, err := tr.Wait(gap, nil); !errors.Is(err, ErrNotMined) || !strings.Contains(err.Error(), gap.Hash().Hex()) {
		t.Fatalf("a transaction behind a nonce gap on the devnet: %v", err)
	}
}
