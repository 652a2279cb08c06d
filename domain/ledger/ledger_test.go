package ledger

import (
	"encoding/json"
	"errors"
	"math"
	"testing"
)

func TestParseUSD(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Micros
		err  bool
	}{
		{"0", 0, false},
		{"12", 12_000_000, false},
		{"0.5", 500_000, false},
		{".25", 250_000, false},
		{"3.", 3_000_000, false},
		{"$1.000001", 1_000_001, false},
		{"1000000000", MaxAmount, false},
		{"1000000000.000001", 0, true},
		{"0.0000001", 0, true},
		{"-1", 0, true},
		{"1e3", 0, true},
		{"", 0, true},
		{".", 0, true},
		{"1.2.3", 0, true},
		{"99999999999", 0, true},
	} {
		got, err := ParseUSD(tc.in)
		if (err != nil) != tc.err || got != tc.want {
			t.Errorf("ParseUSD(%q) = %d, %v; want %d, error %v", tc.in, got, err, tc.want, tc.err)
		}
		if err != nil && !errors.Is(err, ErrAmount) {
			t.Errorf("ParseUSD(%q): error %v does not wrap ErrAmount", tc.in, err)
		}
	}
}

func TestMicrosJSON(t *testing.T) {
	var p Prices
	if err := json.Unmarshal([]byte(`{"input_per_million":0.15,"output_per_million":"0.6","per_request":0}`), &p); err != nil {
		t.Fatal(err)
	}
	if p.InputPerMillion != 150_000 || p.OutputPerMillion != 600_000 || p.PerRequest != 0 {
		t.Fatalf("decoded %+v", p)
	}
	b, _ := json.Marshal(p)
	if string(b) != `{"input_per_million":0.15,"output_per_million":0.6,"per_request":0}` {
		t.Fatalf("encoded %s", b)
	}
	if got := Micros(-120).String(); got != "-0.000120" {
		t.Fatalf("String = %s", got)
	}
	if err := json.Unmarshal([]byte(`{"per_request":1e-3}`), &p); err == nil {
		t.Fatal("exponent accepted")
	}
}

func TestCost(t *testing.T) {
	p := Prices{InputPerMillion: 150_000, OutputPerMillion: 600_000, PerRequest: 10}
	for _, tc := range []struct {
		u    Usage
		want Micros
	}{
		{Usage{0, 0}, 10},
		{Usage{1_000_000, 0}, 150_010},
		{Usage{0, 1_000_000}, 600_010},
		{Usage{1, 0}, 11},          // 0.15 micro-dollars rounds up
		{Usage{100, 100}, 10 + 75}, // 15 + 60 = 75 exactly
		{Usage{3, 3}, 10 + 3},      // 0.45 + 1.8 = 2.25 -> 3
	} {
		got, err := p.Cost(tc.u)
		if err != nil || got != tc.want {
			t.Errorf("Cost(%+v) = %d, %v; want %d", tc.u, got, err, tc.want)
		}
	}
	// Extremes do not overflow: MaxTokens at MaxAmount per million.
	big := Prices{InputPerMillion: MaxAmount, OutputPerMillion: MaxAmount}
	got, err := big.Cost(Usage{MaxTokens, MaxTokens})
	if err != nil || got != 2*MaxTokens*(MaxAmount/1_000_000) {
		t.Fatalf("extreme cost = %d, %v", got, err)
	}
	if _, err := p.Cost(Usage{-1, 0}); err == nil {
		t.Fatal("negative usage accepted")
	}
	if _, err := p.Cost(Usage{0, MaxTokens + 1}); err == nil {
		t.Fatal("absurd usage accepted")
	}
}

func TestNewChargeSumsExactly(t *testing.T) {
	p := Prices{InputPerMillion: 333_333, OutputPerMillion: 777_777, PerRequest: 1}
	s := Split{OperatorBPS: 3333, NodeBPS: 3333, StakerBPS: 3334}
	for in := int64(0); in < 300; in += 7 {
		for out := int64(0); out < 300; out += 11 {
			c, err := NewCharge("r", "u", "0xabc", "m", Usage{in, out}, p, s)
			if err != nil {
				t.Fatal(err)
			}
			var sum Micros
			for _, l := range c.Legs {
				if l.Amount <= 0 {
					t.Fatalf("leg %+v not positive", l)
				}
				sum += l.Amount
			}
			if sum != c.Amount {
				t.Fatalf("usage %d/%d: legs sum to %d, amount %d", in, out, sum, c.Amount)
			}
		}
	}
	if _, err := NewCharge("r", "u", "0xabc", "m", Usage{}, p, Split{NodeBPS: 9000}); err == nil {
		t.Fatal("split not summing to 10000 accepted")
	}
	c, _ := NewCharge("r", "u", "0xabc", "m", Usage{1_000_000, 0}, Prices{InputPerMillion: PerDollar}, DefaultSplit)
	want := []Leg{{"node:0xabc", 700_000}, {"stakers", 100_000}, {"operator", 200_000}}
	if len(c.Legs) != 3 || c.Legs[0] != want[0] || c.Legs[1] != want[1] || c.Legs[2] != want[2] {
		t.Fatalf("legs %+v, want %+v", c.Legs, want)
	}
}

func FuzzParseUSD(f *testing.F) {
	for _, s := range []string{"0", "1.5", "$2", ".000001", "1000000000", "-3", "1e9", "0x10"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseUSD(s)
		if err != nil {
			return
		}
		if m < 0 || m > MaxAmount {
			t.Fatalf("ParseUSD(%q) = %d out of range", s, m)
		}
		back, err := ParseUSD(m.String())
		if err != nil || back != m {
			t.Fatalf("round trip of %q: %s -> %d, %v", s, m, back, err)
		}
	})
}

// TestMicrosJSONRoundTrip: every amount MarshalJSON writes reads back to
// itself, negative ones (a balance after a reorganisation) and the int64
// extremes included; what no encoder writes is refused.
func TestMicrosJSONRoundTrip(t *testing.T) {
	for _, m := range []Micros{0, 1, -1, 120, -120, PerDollar, -PerDollar, -1_405_100, MaxAmount, -MaxAmount,
		math.MaxInt64, math.MinInt64, math.MinInt64 + 1} {
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		var got Micros
		if err := json.Unmarshal(b, &got); err != nil || got != m {
			t.Errorf("%d -> %s -> %d, %v", m, b, got, err)
		}
		var s Micros
		if err := json.Unmarshal([]byte(`"`+string(b)+`"`), &s); err != nil || s != m {
			t.Errorf("%d as a string %q -> %d, %v", m, b, s, err)
		}
	}
	for _, in := range []string{`-0.000120`, `"-1.5"`, `-0`, `"-.5"`} {
		var m Micros
		if err := json.Unmarshal([]byte(in), &m); err != nil {
			t.Errorf("%s refused: %v", in, err)
		}
	}
	for _, in := range []string{`"-"`, `"--1"`, `"1-"`, `"-1e3"`, `"$-1"`, `9223372036854.775808`, `-9223372036854.775809`,
		`99999999999999999999`, `"0.0000001"`, `"-."`, `""`, `"+1"`, `"1 2"`, `null`, `true`} {
		var m Micros
		if err := json.Unmarshal([]byte(in), &m); err == nil {
			t.Errorf("%s accepted as %d", in, m)
		} else if in != `null` && in != `true` && !errors.Is(err, ErrAmount) {
			t.Errorf("%s: error %v does not wrap ErrAmount", in, err)
		}
	}
}

// FuzzMicrosJSON: whatever UnmarshalJSON accepts, MarshalJSON writes back
// to the same value; every int64 survives the round trip.
func FuzzMicrosJSON(f *testing.F) {
	for _, s := range []string{"0", "-0.00012", "9223372036854.775807", "-9223372036854.775808", `"1.5"`, "1e3", "-", ".5"} {
		f.Add(s, int64(0))
	}
	f.Add("", int64(math.MinInt64))
	f.Add("", int64(-1_405_100))
	f.Fuzz(func(t *testing.T, in string, n int64) {
		var m Micros
		if err := json.Unmarshal([]byte(in), &m); err == nil {
			b, _ := json.Marshal(m)
			var back Micros
			if err := json.Unmarshal(b, &back); err != nil || back != m {
				t.Fatalf("%q -> %d -> %s -> %d, %v", in, m, b, back, err)
			}
		}
		b, _ := json.Marshal(Micros(n))
		var back Micros
		if err := json.Unmarshal(b, &back); err != nil || back != Micros(n) {
			t.Fatalf("%d -> %s -> %d, %v", n, b, back, err)
		}
	})
}
