package journal

import (
	"testing"

	"github.com/gaianet-go/gaianet/domain/ledger"
)

// FuzzReadRecords: any bytes read as a journal give whole, valid charges
// or an error, never a panic, and re-encoding what was read reads back
// the same.
func FuzzReadRecords(f *testing.F) {
	c, _ := ledger.NewCharge("req_1", "u_1", "0x00000000000000000000000000000000000000a1", "m",
		ledger.Usage{InputTokens: 3, OutputTokens: 4}, ledger.Prices{PerRequest: 7}, ledger.DefaultSplit)
	rec, _ := appendRecord(nil, c)
	f.Add(rec)
	f.Add(append(rec, rec[:5]...))
	c.ComponentSet = 1 << 40
	withSet, _ := appendRecord(nil, c)
	f.Add(withSet)
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		cs, whole, err := readRecords(data)
		if whole > len(data) {
			t.Fatalf("whole %d > %d", whole, len(data))
		}
		if err != nil {
			return
		}
		var again []byte
		for _, c := range cs {
			if err := validate(c); err != nil {
				t.Fatal(err)
			}
			again, _ = appendRecord(again, c)
		}
		cs2, w2, err := readRecords(again)
		if err != nil || len(cs2) != len(cs) || w2 != len(again) {
			t.Fatalf("re-read: %d of %d, %v", len(cs2), len(cs), err)
		}
	})
}
