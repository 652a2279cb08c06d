package chain

import (
	"errors"
	"math/big"
	"testing"
)

func TestParseAmount(t *testing.T) {
	for _, c := range []struct {
		in   string
		dec  uint8
		want string // "" = error
	}{
		{"12.5", 6, "12500000"}, {"0.000001", 6, "1"}, {"1", 18, "1000000000000000000"}, {".5", 6, "500000"},
		{"5.", 6, "5000000"}, {"0", 6, "0"}, {"0.0000001", 6, ""}, {"-1", 6, ""}, {"1e6", 6, ""}, {"", 6, ""},
		{".", 6, ""}, {"1.2.3", 6, ""}, {" 1", 6, ""}, {"+1", 6, ""}, {"1,5", 6, ""},
	} {
		got, err := ParseAmount(c.in, c.dec)
		if c.want == "" {
			if !errors.Is(err, ErrBadAmount) {
				t.Errorf("ParseAmount(%q) = %v, %v; want ErrBadAmount", c.in, got, err)
			}
			continue
		}
		if err != nil || got.String() != c.want {
			t.Errorf("ParseAmount(%q, %d) = %v, %v; want %s", c.in, c.dec, got, err, c.want)
		}
	}
	for _, c := range []struct {
		v    int64
		dec  uint8
		want string
	}{{12_500_000, 6, "12.5"}, {1, 6, "0.000001"}, {0, 6, "0"}, {3_000_000, 6, "3"}, {-1_500_000, 6, "-1.5"}, {7, 0, "7"}} {
		if got := FormatAmount(big.NewInt(c.v), c.dec); got != c.want {
			t.Errorf("FormatAmount(%d, %d) = %q, want %q", c.v, c.dec, got, c.want)
		}
	}
}

// FuzzParseAmount: any accepted text formats back to the same value.
func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"12.5", "0.000001", ".5", "5.", "1e6", "-1", "99999999999999999999.999999"} {
		f.Add(s, uint8(6))
	}
	f.Fuzz(func(t *testing.T, s string, dec uint8) {
		dec %= 40
		v, err := ParseAmount(s, dec)
		if err != nil {
			return
		}
		if v.Sign() < 0 {
			t.Fatalf("ParseAmount(%q) negative: %v", s, v)
		}
		back, err := ParseAmount(FormatAmount(v, dec), dec)
		if err != nil || back.Cmp(v) != 0 {
			t.Fatalf("round trip of %q: %v -> %q -> %v, %v", s, v, FormatAmount(v, dec), back, err)
		}
	})
}
