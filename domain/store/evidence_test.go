package store_test

import (
	"context"
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/domain/store"
)

// TestEvidence records evidence on every database and reads it back: all
// fields (a seed above int64's range included), per node and in all, and
// the strike count that leaves unresolved findings out.
func TestEvidence(t *testing.T) {
	for name, s := range openStores(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			node := fmt.Sprintf("0xLIAR%d", time.Now().UnixNano())
			e := store.Evidence{Node: node, Verdict: store.VerdictMismatch, RequestID: "req_1", Model: "m",
				RequestSHA256: "aa", Seed: math.MaxUint64, OutputSHA256: "bb", Signature: "0xsig",
				Witness: "0xW", WitnessOutputSHA256: "cc", WitnessSignature: "0xwsig"}
			if n, err := s.AddEvidence(ctx, e); err != nil || n != 1 {
				t.Fatalf("AddEvidence = %d, %v", n, err)
			}
			u := e
			u.Verdict, u.RequestID = store.VerdictUnresolved, "req_2"
			if n, err := s.AddEvidence(ctx, u); err != nil || n != 1 {
				t.Fatalf("unresolved evidence counted: %d, %v", n, err)
			}
			other := e
			other.Node = node + "x"
			if _, err := s.AddEvidence(ctx, other); err != nil {
				t.Fatal(err)
			}
			got, err := s.EvidenceList(ctx, node)
			if err != nil || len(got) != 2 {
				t.Fatalf("EvidenceList = %v, %v", got, err)
			}
			g := got[0]
			g.Seq, g.Created = 0, time.Time{}
			if g != e || got[1].Verdict != store.VerdictUnresolved || got[0].Seq >= got[1].Seq || got[0].Created.IsZero() {
				t.Fatalf("read back %+v, wrote %+v", got, e)
			}
			all, err := s.EvidenceList(ctx, "")
			if err != nil || len(all) < 3 {
				t.Fatalf("all evidence: %d, %v", len(all), err)
			}
		})
	}
}
