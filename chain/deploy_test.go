package chain

import (
	"context"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient/simulated"

	"github.com/gaianet-go/gaianet/chain/contracts"
)

// TestDeployWithExistingStablecoin: a deployment given a stablecoin's
// address uses it (no test coin deployed); an address with no ERC-20 is
// refused before anything is deployed against it.
func TestDeployWithExistingStablecoin(t *testing.T) {
	e := newEnv(t, nil)
	cfg := e.cfg
	cfg.Stablecoin = e.a.Stablecoin
	a, err := Deploy(e.as(e.admin), cfg)
	if err != nil {
		t.Fatal(Explain(err))
	}
	if a.Stablecoin != e.a.Stablecoin {
		t.Fatalf("deployment's stablecoin %s, want the given %s", a.Stablecoin, e.a.Stablecoin)
	}
	esc, err := contracts.NewEscrow(a.Escrow, e.backend)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := esc.Stable(&bind.CallOpts{}); err != nil || got != e.a.Stablecoin {
		t.Fatalf("escrow's stablecoin %s, %v", got, err)
	}
	cfg.Stablecoin = common.HexToAddress("0x000000000000000000000000000000000000dEaD")
	if _, err := Deploy(e.as(e.admin), cfg); err == nil {
		t.Fatal("a stablecoin address with no contract was accepted")
	}
}

// TestWaitNeverMined: a transaction the chain never mines fails its wait
// within Transactor.MaxWait with ErrNotMined, naming the transaction,
// instead of hanging. Two ways on the simulated backend: a deployment
// with nobody sealing blocks (what hung TestSlashOnDevnet for 10 minutes
// once), and a transaction behind a nonce gap while blocks are sealed.
func TestWaitNeverMined(t *testing.T) {
	k := mustKey(t)
	sim := simulated.NewBackend(types.GenesisAlloc{addr(k): {Balance: new(big.Int).Mul(big.NewInt(10), big.NewInt(1e18))}})
	defer sim.Close()
	ctx := context.Background()
	tr, err := NewTransactor(ctx, sim.Client(), k, nil) // nil: nothing seals
	if err != nil {
		t.Fatal(err)
	}
	tr.MaxWait = 300 * time.Millisecond
	start := time.Now()
	_, err = Deploy(tr, DefaultDeployConfig(tr.Address(), time.Now()))
	if !errors.Is(err, ErrNotMined) || !strings.Contains(err.Error(), "deploy stablecoin") ||
		!strings.Contains(err.Error(), "nonce 0") || !strings.Contains(err.Error(), "not mined within 300ms") {
		t.Fatalf("deploying with nobody sealing: %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("the wait took %s", d)
	}

	// Sealing now mines the deployment; a transaction behind a nonce gap
	// stays queued however many blocks are sealed.
	tr.Mine = func() { sim.Commit() }
	sim.Commit()
	nonce, err := sim.Client().PendingNonceAt(ctx, tr.Address())
	if err != nil || nonce != 1 {
		t.Fatalf("nonce after the deployment was sealed: %d, %v", nonce, err)
	}
	to := common.Address{1}
	tx, err := tr.Opts.Signer(tr.Address(), types.NewTx(&types.DynamicFeeTx{ChainID: big.NewInt(1337), Nonce: nonce + 5,
		GasTipCap: big.NewInt(1e9), GasFeeCap: big.NewInt(1e11), Gas: 21_000, To: &to, Value: big.NewInt(1)}))
	if err != nil {
		t.Fatal(err)
	}
	if err := sim.Client().SendTransaction(ctx, tx); err != nil {
		t.Fatal(err)
	}
	_, err = tr.Wait(tx, nil)
	if !errors.Is(err, ErrNotMined) || !strings.Contains(err.Error(), tx.Hash().Hex()) ||
		!strings.Contains(err.Error(), "the sender's nonce is 1 at the head") || !strings.Contains(err.Error(), "pending in the node's pool") {
		t.Fatalf("a transaction behind a nonce gap: %v", err)
	}
	t.Log(err)
	// The caller's own context still ends the wait first, with its error.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := tr.WaitContext(cctx, tx, nil); !errors.Is(err, context.Canceled) || errors.Is(err, ErrNotMined) {
		t.Fatalf("a cancelled wait: %v", err)
	}
}
