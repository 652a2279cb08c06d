package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/gaianet-go/gaianet/domain/ledger"
	"github.com/gaianet-go/gaianet/domain/store/storetest"
)

// BenchmarkPost measures posting charges: one per transaction and 64 per
// transaction (the gateway's group commit), on each available database.
func BenchmarkPost(b *testing.B) {
	for name, storage := range storetest.Storages(b) {
		for _, batch := range []int{1, 4, 16, 64, 256} {
			b.Run(fmt.Sprintf("%s/batch=%d", name, batch), func(b *testing.B) {
				s := storetest.Open(b, storage)
				ctx := context.Background()
				u, _, _ := s.AddUser(ctx, "u")
				s.Deposit(ctx, "d", u.ID, ledger.MaxAmount)
				cs := make([]ledger.Charge, 0, batch)
				b.ReportAllocs()
				for i := 0; i < b.N; i++ {
					c, _ := ledger.NewCharge(fmt.Sprintf("r%d", i), u.ID, "0xnode", "m", ledger.Usage{InputTokens: 100, OutputTokens: 20},
						ledger.Prices{InputPerMillion: 100_000, OutputPerMillion: 400_000}, ledger.DefaultSplit)
					cs = append(cs, c)
					if len(cs) == batch || i == b.N-1 {
						if _, err := s.PostBatch(ctx, cs); err != nil {
							b.Fatal(err)
						}
						cs = cs[:0]
					}
				}
			})
		}
	}
}
