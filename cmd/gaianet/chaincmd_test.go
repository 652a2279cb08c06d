package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/identity"
)

// TestChainDevnetAndWallet runs 'gaianet chain devnet' funding a node's
// address, then the wallet commands with that node's keystore against it
// over JSON-RPC, and 'chain deploy' of a second set with the same key.
func TestChainDevnetAndWallet(t *testing.T) {
	base := t.TempDir()
	id, err := identity.Create(base, identity.LightScrypt())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	pr, pw := io.Pipe()
	var devErr bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"chain", "devnet", "--listen", "127.0.0.1:0", "--fund", id.Address()}, pw, &devErr)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("devnet printed nothing: %v\n%s", err, devErr.String())
	}
	var out struct {
		RPC                               string `json:"rpc"`
		ChainID                           uint64 `json:"chain_id"`
		Escrow                            string `json:"escrow"`
		Token                             string `json:"token"`
		Staking                           string `json:"staking"`
		Governor, Marketplace, Stablecoin string
		Accounts                          []struct {
			Address, PrivateKey string
		}
	}
	if err := json.Unmarshal([]byte(line), &out); err != nil {
		t.Fatalf("devnet line is not JSON: %v\n%s", err, line)
	}
	if out.RPC == "" || out.ChainID != 1337 || out.Escrow == "" || out.Governor == "" || out.Marketplace == "" || out.Stablecoin == "" {
		t.Fatalf("devnet line lacks fields: %s", line)
	}

	wallet := func(args ...string) (int, string, string) {
		return runCLI(t, append([]string{"wallet"}, append(args, "--rpc", out.RPC, "--escrow", out.Escrow, "--base", base)...)...)
	}
	if code, o, e := wallet("deposit", "25"); code != 0 || !strings.Contains(o, "deposited 25") {
		t.Fatalf("deposit: exit %d\n%s%s", code, o, e)
	}
	if code, o, e := wallet("balance"); code != 0 || !strings.Contains(o, "escrow    25 tUSD") || !strings.Contains(o, "wallet    9975 tUSD") {
		t.Fatalf("balance: exit %d\n%s%s", code, o, e)
	}
	if code, o, e := wallet("withdraw", "10"); code != 0 || !strings.Contains(o, "requested") {
		t.Fatalf("withdraw request: exit %d\n%s%s", code, o, e)
	}
	if code, o, e := wallet("withdraw"); code != 1 || !strings.Contains(e, "NoticeNotOver") {
		t.Fatalf("early withdraw: exit %d, want 1 with NoticeNotOver\n%s%s", code, o, e)
	}
	if code, _, e := wallet("deposit", "1.0000001"); code != 2 || !strings.Contains(e, "decimals") {
		t.Fatalf("too many decimals: exit %d\n%s", code, e)
	}
	if code, _, e := wallet("balance", "--asset", "btc"); code != 2 {
		t.Fatalf("unknown asset: exit %d\n%s", code, e)
	}

	code, o, e := runCLI(t, "chain", "deploy", "--rpc", out.RPC, "--key", base)
	if code != 0 {
		t.Fatalf("deploy: exit %d\n%s%s", code, o, e)
	}
	var dep map[string]string
	if err := json.Unmarshal([]byte(o), &dep); err != nil || dep["escrow"] == "" || dep["escrow"] == out.Escrow {
		t.Fatalf("deploy output: %v\n%s", err, o)
	}
	cancel()
	if c := <-done; c != 0 && c != 130 {
		t.Fatalf("devnet exit %d\n%s", c, devErr.String())
	}
}
