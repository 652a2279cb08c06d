package journal

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/domain/ledger"
	"github.com/gaianet-go/gaianet/domain/store"
	"github.com/gaianet-go/gaianet/domain/store/storetest"
	"github.com/gaianet-go/gaianet/internal/filelock"
)

func charge(t testing.TB, i int, user string) ledger.Charge {
	t.Helper()
	c, err := ledger.NewCharge(fmt.Sprintf("req_%d", i), user, "0x00000000000000000000000000000000000000a1", "m",
		ledger.Usage{InputTokens: 10, OutputTokens: int64(i % 7)}, ledger.Prices{InputPerMillion: ledger.PerDollar, PerRequest: 5}, ledger.DefaultSplit)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func setup(t *testing.T, storage string) (*store.Store, string, ledger.Micros) {
	t.Helper()
	st := storetest.Open(t, storage)
	u, _, err := st.AddUser(context.Background(), "u")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Deposit(context.Background(), "d", u.ID, ledger.PerDollar); err != nil {
		t.Fatal(err)
	}
	return st, u.ID, ledger.PerDollar
}

// TestAppendDrainClose: charges appended from many goroutines are posted
// exactly once, in batches, and Close leaves no journal behind; also when
// most of them spill to the files (MaxQueued 5) and Close reads them back.
func TestAppendDrainClose(t *testing.T) {
	eachBound(t, []int{0, 5}, testAppendDrainClose)
}

// eachBound runs test for each MaxQueued in bounds (0: the default) on each
// storage, a database of its own each (request ids repeat across runs).
func eachBound(t *testing.T, bounds []int, test func(t *testing.T, storage string, maxQueued int)) {
	for _, maxQueued := range bounds {
		t.Run(fmt.Sprintf("maxqueued=%d", maxQueued), func(t *testing.T) {
			for name, storage := range storetest.Storages(t) {
				t.Run(name, func(t *testing.T) { test(t, storage, maxQueued) })
			}
		})
	}
}

func testAppendDrainClose(t *testing.T, storage string, maxQueued int) {
	st, user, credit := setup(t, storage)
	root := t.TempDir()
	var batches int
	j, err := Open(context.Background(), root, st, Options{SegmentBytes: 2048, MaxQueued: maxQueued, Posted: func([]ledger.Charge) { batches++ }})
	if err != nil {
		t.Fatal(err)
	}
	const n = 400
	var want ledger.Micros
	done := make(chan error, 4)
	for g := 0; g < 4; g++ {
		go func() {
			for i := g; i < n; i += 4 {
				if err := j.Append(charge(t, i, user)); err != nil {
					done <- err
					return
				}
			}
			done <- nil
		}()
	}
	for i := 0; i < n; i++ {
		want += charge(t, i, user).Amount
	}
	for g := 0; g < 4; g++ {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	if err := j.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	tot, _ := st.Totals(context.Background())
	bal, berr := st.Balance(context.Background(), ledger.UserAccount(user))
	if berr != nil {
		t.Fatal(berr)
	}
	if tot.Requests != n || tot.Charged != want || bal != credit-want {
		t.Fatalf("totals %+v, balance %s; want %d requests, %s charged", tot, bal, n, want)
	}
	if batches >= n {
		t.Fatalf("%d batches for %d charges: no group commit", batches, n)
	}
	if left, _ := os.ReadDir(root); len(left) != 0 {
		t.Fatalf("journal left behind: %v", left)
	}
	if err := st.Check(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// TestReplayAfterCrash: a dead process's journal (written, its lock gone,
// a torn record at the end, some charges already posted) is replayed by
// the next Open: every whole record billed once, the torn one skipped.
// A live process's journal is left alone.
func TestReplayAfterCrash(t *testing.T) {
	for name, storage := range storetest.Storages(t) {
		t.Run(name, func(t *testing.T) {
			st, user, _ := setup(t, storage)
			ctx := context.Background()
			root := t.TempDir()
			dead := filepath.Join(root, "p1-dead")
			os.MkdirAll(dead, 0o700)
			var data []byte
			var want ledger.Micros
			for i := 0; i < 50; i++ {
				c := charge(t, i, user)
				want += c.Amount
				var err error
				if data, err = appendRecord(data, c); err != nil {
					t.Fatal(err)
				}
				if i < 10 { // posted before the crash
					if _, err := st.Post(ctx, c); err != nil {
						t.Fatal(err)
					}
				}
			}
			torn, _ := appendRecord(nil, charge(t, 99, user))
			data = append(data, torn[:len(torn)-3]...)
			os.WriteFile(filepath.Join(dead, "00000000000000000001.log"), data, 0o600)

			// A live journal: its owner holds the lock.
			live := filepath.Join(root, "p2-live")
			os.MkdirAll(live, 0o700)
			lock, _ := os.OpenFile(filepath.Join(live, "LOCK"), os.O_CREATE|os.O_RDWR, 0o600)
			defer lock.Close()
			if err := filelock.TryLock(lock); err != nil {
				t.Fatal(err)
			}
			liveRec, _ := appendRecord(nil, charge(t, 200, user))
			os.WriteFile(filepath.Join(live, "00000000000000000001.log"), liveRec, 0o600)

			for run := 0; run < 2; run++ { // replaying twice changes nothing
				j, err := Open(ctx, root, st, Options{})
				if err != nil {
					t.Fatal(err)
				}
				if err := j.Close(ctx); err != nil {
					t.Fatal(err)
				}
			}
			tot, _ := st.Totals(ctx)
			if tot.Requests != 50 || tot.Charged != want {
				t.Fatalf("totals %+v; want 50 requests, %s", tot, want)
			}
			if _, err := os.Stat(dead); !os.IsNotExist(err) {
				t.Fatalf("the dead journal is still there: %v", err)
			}
			if _, err := os.Stat(filepath.Join(live, "00000000000000000001.log")); err != nil {
				t.Fatalf("the live journal was touched: %v", err)
			}
			if billed, _ := st.Billed(ctx, "req_200"); billed {
				t.Fatal("a live process's charge was replayed")
			}
		})
	}
}

// TestDatabaseDownKeepsCharges: while posting fails (the database is
// closed), appends still succeed and nothing is lost: a later Open on a
// working database posts them.
func TestDatabaseDownKeepsCharges(t *testing.T) {
	st, user, _ := setup(t, "")
	down := storetest.Open(t, "")
	down.Close()
	root := t.TempDir()
	j, err := Open(context.Background(), root, down, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 20; i++ {
		if err := j.Append(charge(t, i, user)); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	if err := j.Close(ctx); err == nil {
		t.Fatal("Close reported success with the database down")
	}
	j2, err := Open(context.Background(), root, st, Options{})
	if err != nil {
		t.Fatal(err)
	}
	j2.Close(context.Background())
	if tot, _ := st.Totals(context.Background()); tot.Requests != 20 {
		t.Fatalf("%d of 20 charges posted after recovery", tot.Requests)
	}
}

// TestAppendRefusesBadCharges: a charge whose legs do not sum is refused
// before it reaches the file.
func TestAppendRefusesBadCharges(t *testing.T) {
	st, user, _ := setup(t, "")
	j, err := Open(context.Background(), t.TempDir(), st, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close(context.Background())
	c := charge(t, 1, user)
	c.Amount++
	if err := j.Append(c); err == nil {
		t.Fatal("a charge whose legs do not sum was accepted")
	}
}

// TestDrainPaced: while fewer than MaxBatch charges wait, posts start at
// most every Interval (here an hour: only the first post, a full batch and
// Close may post); a full batch is posted at once and Close posts what is
// left without waiting for the interval.
func TestDrainPaced(t *testing.T) {
	st, user, _ := setup(t, "")
	batches := make(chan int, 16)
	j, err := Open(context.Background(), t.TempDir(), st, Options{MaxBatch: 8, Interval: time.Hour,
		Posted: func(cs []ledger.Charge) { batches <- len(cs) }})
	if err != nil {
		t.Fatal(err)
	}
	next := func(what string) int {
		t.Helper()
		select {
		case n := <-batches:
			return n
		case <-time.After(30 * time.Second):
			t.Fatalf("%s: nothing posted in 30 s", what)
			return 0
		}
	}
	i := 0
	appendN := func(n int) {
		t.Helper()
		for range n {
			if err := j.Append(charge(t, i, user)); err != nil {
				t.Fatal(err)
			}
			i++
		}
	}
	appendN(1)
	if n := next("the first charge"); n != 1 {
		t.Fatalf("first post: %d charges, want 1 (nothing was posted before: no wait)", n)
	}
	appendN(8)
	if n := next("a full batch"); n != 8 {
		t.Fatalf("full batch: %d charges posted, want 8", n)
	}
	appendN(3)
	closed := make(chan error, 1)
	go func() { closed <- j.Close(context.Background()) }()
	if n := next("close"); n != 3 {
		t.Fatalf("close posted %d charges, want 3", n)
	}
	select {
	case err := <-closed:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("Close waits for the interval")
	}
	select {
	case n := <-batches:
		t.Fatalf("an extra post of %d charges", n)
	default:
	}
	if tot, err := st.Totals(context.Background()); err != nil || tot.Requests != 12 {
		t.Fatalf("%d requests in the ledger (%v), want 12", tot.Requests, err)
	}
}
