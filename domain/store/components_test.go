package store_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/domain/ledger"
	"github.com/gaianet-go/gaianet/domain/store"
)

func TestComponentSetID(t *testing.T) {
	a, b := strings.Repeat("a", 64), strings.Repeat("b", 64)
	ids := map[int64][]string{}
	for _, set := range [][]string{{}, {a}, {b}, {a, b}, {b, a}} {
		id := store.ComponentSetID(set)
		if id <= 0 {
			t.Fatalf("%v: id %d", set, id)
		}
		if other, ok := ids[id]; ok {
			t.Fatalf("%v and %v share id %d", set, other, id)
		}
		ids[id] = set
	}
	if store.ComponentSetID(nil) != store.ComponentSetID([]string{}) {
		t.Fatal("no components and an empty list differ")
	}
}

// TestUsageBySet: a batch's usage is summed per node and component set as
// each request was served; requests without a set (posted before sets
// existed) or with a set this database does not hold count under the
// node's last verified components, and a node never verified has none.
func TestUsageBySet(t *testing.T) {
	ctx := context.Background()
	a, b, c := strings.Repeat("a", 64), strings.Repeat("b", 64), strings.Repeat("c", 64)
	const n1, n2 = "0x0000000000000000000000000000000000000001", "0x0000000000000000000000000000000000000002"
	for name, s := range openStores(t) {
		t.Run(name, func(t *testing.T) {
			u, _, _ := s.AddUser(ctx, "alice")
			if _, err := s.BindWallet(ctx, u.ID, "0x00000000000000000000000000000000000000aA"); err != nil {
				t.Fatal(err)
			}
			if _, err := s.AddNode(ctx, n1, store.StatusAdmitted); err != nil {
				t.Fatal(err)
			}
			setA, err := s.AddComponentSet(ctx, []string{a})
			if err != nil {
				t.Fatal(err)
			}
			setAB, err := s.AddComponentSet(ctx, []string{a, b})
			if err != nil {
				t.Fatal(err)
			}
			if again, err := s.AddComponentSet(ctx, []string{a}); err != nil || again != setA || setA != store.ComponentSetID([]string{a}) {
				t.Fatalf("adding a set again: %d, %v (first %d)", again, err, setA)
			}
			if got, err := s.ComponentSet(ctx, setAB); err != nil || !reflect.DeepEqual(got, []string{a, b}) {
				t.Fatalf("set %d: %v %v", setAB, got, err)
			}
			if _, err := s.ComponentSet(ctx, 7); !errors.Is(err, store.ErrNotFound) {
				t.Fatalf("an unknown set: %v", err)
			}
			if err := s.SetNodeComponents(ctx, n1, []string{c}); err != nil { // last verified
				t.Fatal(err)
			}
			amounts := map[string]ledger.Micros{}
			for i, r := range []struct {
				node string
				set  int64
			}{{n1, setA}, {n1, setAB}, {n1, setA}, {n1, 0}, {n1, store.ComponentSetID([]string{b})}, {n2, 0}, {n2, setAB}} {
				ch, err := ledger.NewCharge(fmt.Sprint("r", i), u.ID, r.node, "m", ledger.Usage{InputTokens: int64(100 * (i + 1))},
					ledger.Prices{InputPerMillion: ledger.PerDollar}, ledger.DefaultSplit)
				if err != nil {
					t.Fatal(err)
				}
				ch.ComponentSet = r.set
				if _, err := s.PostBatch(ctx, []ledger.Charge{ch}); err != nil {
					t.Fatal(err)
				}
				amounts[fmt.Sprint("r", i)] = ch.Amount
			}
			bad, _ := ledger.NewCharge("bad", u.ID, n1, "m", ledger.Usage{}, ledger.Prices{PerRequest: 1}, ledger.DefaultSplit)
			bad.ComponentSet = -1
			if _, err := s.PostBatch(ctx, []ledger.Charge{bad}); err == nil {
				t.Fatal("a negative component set was posted")
			}
			var uses []store.NodeUse
			if _, ok, err := s.ClaimSettlement(ctx, "0xE", "batch-1", 100, func(_ []store.SettlementLeg, got []store.NodeUse) (string, ledger.Micros, error) {
				uses = got
				return "{}", 0, nil
			}); err != nil || !ok {
				t.Fatalf("claim: %v %v", ok, err)
			}
			want := map[string]store.NodeUse{
				n1 + " A":    {Node: n1, Set: setA, Components: []string{a}, Amount: amounts["r0"] + amounts["r2"]},
				n1 + " AB":   {Node: n1, Set: setAB, Components: []string{a, b}, Amount: amounts["r1"]},
				n1 + " last": {Node: n1, Components: []string{c}, Amount: amounts["r3"] + amounts["r4"]},
				n2 + " last": {Node: n2, Components: []string{}, Amount: amounts["r5"]},
				n2 + " AB":   {Node: n2, Set: setAB, Components: []string{a, b}, Amount: amounts["r6"]},
			}
			names := map[int64]string{setA: "A", setAB: "AB", 0: "last"}
			got := map[string]store.NodeUse{}
			for _, u := range uses {
				key := u.Node + " " + names[u.Set]
				if _, dup := got[key]; dup {
					t.Fatalf("two uses for %s: %+v", key, uses)
				}
				if u.Components == nil {
					u.Components = []string{}
				}
				got[key] = u
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("uses %+v\nwant %+v", got, want)
			}
		})
	}
}
