package store

import (
	"context"
	"errors"
	"testing"

	"github.com/gaianet-go/gaianet/domain/ledger"
)

// TestCheckFindsCorruption breaks each invariant Check guards by hand.
func TestCheckFindsCorruption(t *testing.T) {
	for _, tc := range []struct{ name, sql string }{
		{"balance sum", `UPDATE accounts SET balance = balance + 1 WHERE id = 'operator'`},
		{"balance vs transfers", `UPDATE accounts SET balance = balance + (CASE WHEN id = 'operator' THEN 1 ELSE -1 END) WHERE id IN ('operator', 'stakers')`},
		{"request vs transfers", `UPDATE requests SET amount = amount + 1`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			s, err := Open(ctx, "", t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			u, _, _ := s.AddUser(ctx, "u")
			s.Deposit(ctx, "d", u.ID, ledger.PerDollar)
			c, _ := ledger.NewCharge("r1", u.ID, "0xn", "m", ledger.Usage{InputTokens: 1000, OutputTokens: 1000}, ledger.Prices{InputPerMillion: ledger.PerDollar, OutputPerMillion: ledger.PerDollar}, ledger.DefaultSplit)
			if _, err := s.Post(ctx, c); err != nil {
				t.Fatal(err)
			}
			if err := s.Check(ctx); err != nil {
				t.Fatalf("before: %v", err)
			}
			if _, err := s.db.Exec(tc.sql); err != nil {
				t.Fatal(err)
			}
			if err := s.Check(ctx); !errors.Is(err, ErrInconsistent) {
				t.Fatalf("after %s: %v", tc.sql, err)
			}
		})
	}
}
