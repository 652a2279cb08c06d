package chain

import (
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"

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
