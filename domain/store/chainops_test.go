package store_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/domain/ledger"
	"github.com/gaianet-go/gaianet/domain/store"
)

// TestBindingNoncesApartFromJoins: a user's API key can hold at most
// MaxBindingNoncesPerUser binding challenges; binding challenges filling
// their whole table block neither joins nor (after expiry) new bindings;
// a nonce is consumed once, by its own user, and not after its expiry.
func TestBindingNoncesApartFromJoins(t *testing.T) {
	ctx := context.Background()
	for name, s := range openStores(t) {
		t.Run(name, func(t *testing.T) {
			exp := time.Now().Add(time.Minute)
			for i := range store.MaxBindingNoncesPerUser {
				if err := s.IssueBindingNonce(ctx, "u_a", fmt.Sprintf("bind-a%d", i), exp); err != nil {
					t.Fatal(err)
				}
			}
			if err := s.IssueBindingNonce(ctx, "u_a", "bind-a-over", exp); !errors.Is(err, store.ErrTooManyBindingNonces) {
				t.Fatalf("nonce past the per-user cap: %v", err)
			}
			if err := s.IssueBindingNonce(ctx, "u_b", "bind-b0", exp); err != nil {
				t.Fatalf("another user blocked by u_a's nonces: %v", err)
			}
			// Another user cannot consume u_a's nonce; u_a can, once.
			if _, ok, _ := s.ConsumeBindingNonce(ctx, "u_b", "bind-a0"); ok {
				t.Fatal("u_b consumed u_a's nonce")
			}
			if _, ok, err := s.ConsumeBindingNonce(ctx, "u_a", "bind-a0"); !ok || err != nil {
				t.Fatalf("consume: %v %v", ok, err)
			}
			if _, ok, _ := s.ConsumeBindingNonce(ctx, "u_a", "bind-a0"); ok {
				t.Fatal("nonce consumed twice")
			}
			// A join nonce is not a binding nonce, nor the reverse.
			if err := s.IssueNonce(ctx, "join-1", exp); err != nil {
				t.Fatal(err)
			}
			if _, ok, _ := s.ConsumeBindingNonce(ctx, "u_a", "join-1"); ok {
				t.Fatal("a join nonce consumed as a binding nonce")
			}
			if _, ok, _ := s.ConsumeNonce(ctx, "bind-a1"); ok {
				t.Fatal("a binding nonce consumed as a join nonce")
			}

			// The whole binding table full: joins still get challenges.
			if err := store.FillBindingNonces(ctx, s, store.MaxBindingNonces, exp); err != nil {
				t.Fatal(err)
			}
			if err := s.IssueBindingNonce(ctx, "u_c", "bind-c0", exp); !errors.Is(err, store.ErrTooManyBindingNonces) {
				t.Fatalf("nonce past the global cap: %v", err)
			}
			for i := range 50 {
				if err := s.IssueNonce(ctx, fmt.Sprintf("join-x%d", i), exp); err != nil {
					t.Fatalf("join challenge blocked by binding nonces: %v", err)
				}
			}
			// Expired ones are purged: after their expiry, binding works again,
			// and an expired nonce is refused.
			store.SetClock(s, func() time.Time { return time.Now().Add(2 * time.Minute) })
			defer store.SetClock(s, time.Now)
			if _, ok, _ := s.ConsumeBindingNonce(ctx, "u_a", "bind-a2"); ok {
				t.Fatal("expired nonce accepted")
			}
			if err := s.IssueBindingNonce(ctx, "u_c", "bind-c1", time.Now().Add(3*time.Minute)); err != nil {
				t.Fatalf("after expiry: %v", err)
			}
		})
	}
}

// TestRebindChargesByRequestTime: a request is charged to the wallet bound
// when it was made: one made before a rebinding stays on the old wallet
// even when claimed after it, one made after goes to the new wallet, one
// made while unbound to none; the history is kept.
func TestRebindChargesByRequestTime(t *testing.T) {
	ctx := context.Background()
	for name, s := range openStores(t) {
		t.Run(name, func(t *testing.T) {
			clock := time.UnixMilli(1_000_000)
			store.SetClock(s, func() time.Time { return clock })
			at := func(ms int64) { clock = time.UnixMilli(1_000_000 + ms) }
			u, _, _ := s.AddUser(ctx, "alice")
			const walletA, walletB = "0x00000000000000000000000000000000000000aA", "0x00000000000000000000000000000000000000bB"
			charge := func(id string) ledger.Micros {
				c, err := ledger.NewCharge(id, u.ID, "0x0000000000000000000000000000000000000001", "m", ledger.Usage{InputTokens: 1000},
					ledger.Prices{InputPerMillion: 1_000_000}, ledger.DefaultSplit)
				if err != nil {
					t.Fatal(err)
				}
				if _, err := s.PostBatch(ctx, []ledger.Charge{c}); err != nil {
					t.Fatal(err)
				}
				return c.Amount
			}
			charge("r0") // before any binding: never settled on chain
			at(10)
			if _, err := s.BindWallet(ctx, u.ID, walletA); err != nil {
				t.Fatal(err)
			}
			at(20)
			onA := charge("r1")
			at(30)
			if _, err := s.RebindWallet(ctx, u.ID, walletA, walletB); err != nil {
				t.Fatal(err)
			}
			if _, err := s.RebindWallet(ctx, u.ID, walletA, "0x00000000000000000000000000000000000000cC"); !errors.Is(err, store.ErrNotFound) {
				t.Fatalf("rebinding from a wallet no longer bound: %v", err)
			}
			at(40)
			onB := charge("r2")
			at(50)
			if err := s.UnbindWallet(ctx, u.ID, walletB); err != nil {
				t.Fatal(err)
			}
			at(60)
			charge("r3") // unbound: not settled on chain
			var legs []store.SettlementLeg
			if _, ok, err := s.ClaimSettlement(ctx, "0xE", "batch-1", 100, func(l []store.SettlementLeg, _ []store.NodeUse) (string, ledger.Micros, error) {
				legs = l
				return "{}", 0, nil
			}); err != nil || !ok {
				t.Fatalf("claim: %v %v", ok, err)
			}
			sums := map[string]ledger.Micros{}
			for _, l := range legs {
				sums[l.Wallet] += l.Amount
			}
			if len(sums) != 2 || sums[walletA] != onA || sums[walletB] != onB {
				t.Fatalf("charged per wallet %v, want A %s and B %s", sums, onA, onB)
			}
			links, err := s.WalletLinks(ctx, u.ID)
			if err != nil || len(links) != 2 || links[0].Unbound == nil || links[1].Unbound == nil {
				t.Fatalf("links %+v %v", links, err)
			}
		})
	}
}
