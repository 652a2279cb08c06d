package store_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/domain/ledger"
	"github.com/gaianet-go/gaianet/domain/store"
	"github.com/gaianet-go/gaianet/domain/store/storetest"
)

// openStores returns the stores to test: SQLite always, PostgreSQL when
// storetest has a server (required under CI).
func openStores(t *testing.T) map[string]*store.Store {
	t.Helper()
	out := map[string]*store.Store{}
	for name, storage := range storetest.Storages(t) {
		out[name] = storetest.Open(t, storage)
	}
	return out
}

func TestMigrateTwice(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 2; i++ {
		s, err := store.Open(context.Background(), "", dir)
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
}

func TestNodesAndNonces(t *testing.T) {
	for name, s := range openStores(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			addr := fmt.Sprintf("0xNODE%d", time.Now().UnixNano())
			n, err := s.AddNode(ctx, addr, store.StatusPending)
			if err != nil || n.Status != store.StatusPending || n.Health != store.Unhealthy {
				t.Fatalf("AddNode = %+v, %v", n, err)
			}
			if n, _ := s.AddNode(ctx, addr, store.StatusAdmitted); n.Status != store.StatusPending {
				t.Fatalf("a second AddNode changed the status to %s", n.Status)
			}
			if err := s.SetNodeStatus(ctx, addr, store.StatusAdmitted); err != nil {
				t.Fatal(err)
			}
			if err := s.SetNodeHealth(ctx, addr, store.Healthy, "r1", []string{"m1"}); err != nil {
				t.Fatal(err)
			}
			n, err = s.NodeByAddress(ctx, addr)
			if err != nil || n.Status != store.StatusAdmitted || n.Health != store.Healthy || len(n.Models) != 1 || n.Models[0] != "m1" {
				t.Fatalf("node = %+v, %v", n, err)
			}
			if err := s.SetNodeStatus(ctx, "0xnone", store.StatusEvicted); !errors.Is(err, store.ErrNotFound) {
				t.Fatalf("SetNodeStatus of an unknown node: %v", err)
			}
			if _, err := s.NodeByAddress(ctx, "0xnone"); !errors.Is(err, store.ErrNotFound) {
				t.Fatalf("NodeByAddress of an unknown node: %v", err)
			}

			nonce := fmt.Sprintf("n%d", time.Now().UnixNano())
			if err := s.IssueNonce(ctx, nonce, time.Now().Add(time.Minute)); err != nil {
				t.Fatal(err)
			}
			if _, ok, err := s.ConsumeNonce(ctx, nonce); !ok || err != nil {
				t.Fatalf("first ConsumeNonce = %v, %v", ok, err)
			}
			if _, ok, _ := s.ConsumeNonce(ctx, nonce); ok {
				t.Fatal("a nonce was consumed twice")
			}
			if _, ok, _ := s.ConsumeNonce(ctx, "never-issued"); ok {
				t.Fatal("an unissued nonce was accepted")
			}
			for i := 0; name == "sqlite" && i < store.MaxNonces+1; i++ { // 10k fsyncs take a minute on PostgreSQL
				err := s.IssueNonce(ctx, fmt.Sprintf("%s-%d", nonce, i), time.Now().Add(time.Hour))
				if i < store.MaxNonces && err != nil {
					t.Fatalf("nonce %d: %v", i, err)
				}
				if i == store.MaxNonces && !errors.Is(err, store.ErrTooManyNonces) {
					t.Fatalf("nonce %d beyond the bound: %v", i, err)
				}
			}
			old := nonce + "-old"
			s.IssueNonce(ctx, old, time.Now().Add(-time.Second))
			if _, ok, _ := s.ConsumeNonce(ctx, old); ok {
				t.Fatal("an expired nonce was accepted")
			}
		})
	}
}

func TestLedgerExactlyOnce(t *testing.T) {
	for name, s := range openStores(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			u, key, err := s.AddUser(ctx, "alice")
			if err != nil {
				t.Fatal(err)
			}
			if got, err := s.UserByKey(ctx, key); err != nil || got.ID != u.ID {
				t.Fatalf("UserByKey = %+v, %v", got, err)
			}
			if _, err := s.UserByKey(ctx, key+"x"); !errors.Is(err, store.ErrNotFound) {
				t.Fatalf("a wrong key: %v", err)
			}
			if ok, err := s.Deposit(ctx, "d-"+u.ID, u.ID, 5*ledger.PerDollar); !ok || err != nil {
				t.Fatalf("Deposit = %v, %v", ok, err)
			}
			if ok, _ := s.Deposit(ctx, "d-"+u.ID, u.ID, 5*ledger.PerDollar); ok {
				t.Fatal("a deposit was applied twice")
			}
			prices := ledger.Prices{InputPerMillion: 1_000_000, OutputPerMillion: 2_000_000, PerRequest: 7}
			node := "0x" + u.ID
			// 20 goroutines post 50 charges, each charge twice: every one
			// must land exactly once.
			var wg sync.WaitGroup
			var want ledger.Micros
			errs := make(chan error, 100)
			for i := 0; i < 50; i++ {
				c, err := ledger.NewCharge(fmt.Sprintf("%s-req-%d", u.ID, i), u.ID, node, "m", ledger.Usage{InputTokens: int64(10 * i), OutputTokens: int64(i)}, prices, ledger.DefaultSplit)
				if err != nil {
					t.Fatal(err)
				}
				want += c.Amount
				for rep := 0; rep < 2; rep++ {
					wg.Add(1)
					go func() {
						defer wg.Done()
						if _, err := s.Post(ctx, c); err != nil {
							errs <- err
						}
					}()
				}
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Fatal(err)
			}
			bal, _ := s.Balance(ctx, ledger.UserAccount(u.ID))
			if bal != 5*ledger.PerDollar-want {
				t.Fatalf("user balance %s, want %s", bal, 5*ledger.PerDollar-want)
			}
			nodeBal, _ := s.Balance(ctx, ledger.NodeAccount(node))
			if nodeBal <= 0 || nodeBal >= want {
				t.Fatalf("node earned %s of %s", nodeBal, want)
			}
			accts, err := s.Accounts(ctx)
			if err != nil {
				t.Fatal(err)
			}
			var sum ledger.Micros
			for _, a := range accts {
				sum += a.Balance
			}
			if sum != 0 {
				t.Fatalf("balances sum to %s, want 0 (double entry)", sum)
			}
			if err := s.Check(ctx); err != nil {
				t.Fatal(err)
			}
			if ok, err := s.Billed(ctx, u.ID+"-req-3"); !ok || err != nil {
				t.Fatalf("Billed = %v, %v", ok, err)
			}
			tr, err := s.Transfers(ctx, 0, 100000)
			if err != nil {
				t.Fatal(err)
			}
			for i := 1; i < len(tr); i++ {
				if tr[i].Seq <= tr[i-1].Seq {
					t.Fatalf("transfers out of order: %d after %d", tr[i].Seq, tr[i-1].Seq)
				}
			}
			bad := ledger.Charge{RequestID: "bad", User: u.ID, Node: node, Amount: 5, Legs: []ledger.Leg{{Account: "operator", Amount: 4}}}
			if _, err := s.Post(ctx, bad); err == nil {
				t.Fatal("a charge whose legs do not sum was posted")
			}
		})
	}
}

// TestPostBatchOnce: a batch holding a request twice, and one already
// posted, bills each request once; balances and transfers agree, and a
// batch larger than one statement's rows posts whole.
func TestPostBatchOnce(t *testing.T) {
	for name, s := range openStores(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			u, _, err := s.AddUser(ctx, "u")
			if err != nil {
				t.Fatal(err)
			}
			s.Deposit(ctx, "d", u.ID, ledger.PerDollar)
			mk := func(id string, out int64) ledger.Charge {
				c, err := ledger.NewCharge(id, u.ID, "0xnode"+id[len(id)-1:], "m", ledger.Usage{InputTokens: 10, OutputTokens: out},
					ledger.Prices{InputPerMillion: ledger.PerDollar, OutputPerMillion: 3 * ledger.PerDollar, PerRequest: 7}, ledger.DefaultSplit)
				if err != nil {
					t.Fatal(err)
				}
				return c
			}
			a, b := mk("ra", 1), mk("rb", 2)
			if _, err := s.Post(ctx, a); err != nil {
				t.Fatal(err)
			}
			posted, err := s.PostBatch(ctx, []ledger.Charge{a, b, b})
			if err != nil || fmt.Sprint(posted) != "[false true false]" {
				t.Fatalf("posted %v, %v", posted, err)
			}
			var big []ledger.Charge
			want := a.Amount + b.Amount
			for i := 0; i < 700; i++ {
				c := mk(fmt.Sprintf("big%d", i), int64(i%5))
				want += c.Amount
				big = append(big, c)
			}
			if _, err := s.PostBatch(ctx, big); err != nil {
				t.Fatal(err)
			}
			bal, _ := s.Balance(ctx, ledger.UserAccount(u.ID))
			tot, _ := s.Totals(ctx)
			if bal != ledger.PerDollar-want || tot.Requests != 702 || tot.Charged != want {
				t.Fatalf("balance %s, totals %+v; want %s charged over 702 requests", bal, tot, want)
			}
			if err := s.Check(ctx); err != nil {
				t.Fatal(err)
			}
		})
	}
}
