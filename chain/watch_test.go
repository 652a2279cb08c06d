package chain

import (
	"errors"
	"math/big"
	"testing"
)

// TestDepositWatcher: deposits come out once, only after the confirmations;
// a deposit dropped by a shallow reorg never comes out; a reorg below what
// was already returned is reported as ErrDeepReorg.
func TestDepositWatcher(t *testing.T) {
	e := newEnv(t, nil)
	start, err := e.client.HeaderByNumber(e.ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	w := &DepositWatcher{Escrow: e.escrow, Headers: e.client, Confirmations: 3, Next: start.Number.Uint64() + 1}
	poll := func(want int) []Deposit {
		t.Helper()
		got, err := w.Poll(e.ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != want {
			t.Fatalf("poll returned %d deposits, want %d: %+v", len(got), want, got)
		}
		return got
	}
	u := e.users[0]

	// A deposit that a reorg removes before it is confirmed.
	fork, err := e.client.HeaderByNumber(e.ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	e.deposit(u, e.a.Stablecoin, usd(7)) // approve + deposit: two blocks
	poll(0)
	e.fork(fork.Hash())
	for range 4 {
		e.sim.Commit()
	}
	b, err := e.escrow.BalanceOf(e.call(), addr(u), e.a.Stablecoin)
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "balance after the reorg", b, new(big.Int))
	poll(0)
	for range 3 {
		e.sim.Commit()
	}
	poll(0)

	// A deposit that stays: out once, after three confirmations.
	e.deposit(u, e.a.Stablecoin, usd(5))
	poll(0)
	for range 3 {
		e.sim.Commit()
	}
	got := poll(1)
	if got[0].User != addr(u) || got[0].Amount.Cmp(usd(5)) != 0 || got[0].USDValue.Cmp(usd(5)) != 0 {
		t.Fatalf("deposit = %+v", got[0])
	}
	e.sim.Commit()
	poll(0)

	// A reorg below the watcher's position.
	deep, err := e.client.HeaderByNumber(e.ctx, new(big.Int).SetUint64(w.Next-3))
	if err != nil {
		t.Fatal(err)
	}
	e.fork(deep.Hash())
	for range 10 {
		e.sim.Commit()
	}
	if _, err := w.Poll(e.ctx); !errors.Is(err, ErrDeepReorg) {
		t.Fatalf("poll after a deep reorg: %v, want ErrDeepReorg", err)
	}
}
