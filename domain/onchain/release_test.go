package onchain

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/domain/store"
	"github.com/gaianet-go/gaianet/domain/store/storetest"
)

// TestReleaseFailedBatch: a batch the escrow refused for good keeps its
// requests until the operator releases it; Release refuses while its
// signature is still valid on the escrow, then releases the requests once,
// and the next Settle charges them once in a new batch.
func TestReleaseFailedBatch(t *testing.T) {
	for name, storage := range storetest.Storages(t) {
		t.Run(name, func(t *testing.T) {
			alice, nodeA := key(t), key(t)
			w := newWorld(t, storage, alice)
			user := w.bindUser("alice", alice)
			w.deposit(alice, usd(10))
			w.poll()
			before := w.onChain(addrOf(alice))
			sum := w.charges("a-", user, nodeA, 3)

			// A batch signed by another key: the escrow refuses it for good.
			id := newBatchID()
			w.claimEdited(w.svc, id, nil, func(sb *signedBatch) { sb.Signature, _ = w.svc.dom.Sign(key(t), sb.Settlement) })
			if n, err := w.svc.Settle(w.ctx); err != nil || n != 0 {
				t.Fatalf("settle a refused batch: %d, %v", n, err)
			}
			all, _ := w.st.Settlements(w.ctx, "", "")
			if len(all) != 1 || all[0].Status != store.SettlementFailed {
				t.Fatalf("settlements: %+v", all)
			}
			// Still failed: nothing more is claimed while the requests stay with it.
			if n, err := w.svc.Settle(w.ctx); err != nil || n != 0 {
				t.Fatalf("settle again: %d, %v", n, err)
			}

			if _, err := w.svc.Release(w.ctx, id.String()); !errors.Is(err, ErrNotYet) {
				t.Fatalf("release before the deadline: %v", err)
			}
			if _, err := w.svc.Release(w.ctx, "123"); !errors.Is(err, store.ErrNotFound) {
				t.Fatalf("release of an unknown batch: %v", err)
			}
			w.adjustTime(2 * time.Hour)
			w.sim.Commit()
			if n, err := w.svc.Release(w.ctx, id.String()); err != nil || n != 3 {
				t.Fatalf("release: %d, %v", n, err)
			}
			if _, err := w.svc.Release(w.ctx, id.String()); err == nil || !strings.Contains(err.Error(), "released, not failed") {
				t.Fatalf("second release: %v", err)
			}
			if _, err := w.st.ReleaseFailed(w.ctx, id.String()); err == nil {
				t.Fatal("a released batch released again by the store")
			}

			if n, err := w.svc.Settle(w.ctx); err != nil || n != 1 {
				t.Fatalf("settle the released requests: %d, %v", n, err)
			}
			if n, err := w.svc.Settle(w.ctx); err != nil || n != 0 {
				t.Fatalf("settle once more: %d, %v", n, err)
			}
			all, _ = w.st.Settlements(w.ctx, "", "")
			if len(all) != 2 || all[0].Status != store.SettlementReleased || all[1].Status != store.SettlementSettled ||
				all[1].Total != sum || all[1].Requests != 3 {
				t.Fatalf("settlements after release: %+v", all)
			}
			if got := before - w.onChain(addrOf(alice)); got != int64(sum) {
				t.Fatalf("escrow charged %d, want %d (once)", got, sum)
			}
			if err := w.st.Check(w.ctx); err != nil {
				t.Fatal(err)
			}
		})
	}
}
