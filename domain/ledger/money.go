package ledger

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Micros is an amount in millionths of a US dollar. The zero value is $0.
type Micros int64

// PerDollar is the number of Micros in one US dollar.
const PerDollar Micros = 1_000_000

// MaxAmount bounds every configured amount (prices, credit): $1e9. It keeps
// products of amounts and token counts far from int64 overflow.
const MaxAmount Micros = 1_000_000_000 * PerDollar

// ErrAmount means a decimal amount is malformed, negative, too precise or
// too large.
var ErrAmount = errors.New("ledger: bad amount")

// ParseUSD parses a non-negative decimal dollar amount such as "12",
// "0.5" or "0.000001" exactly (no floating point). More than 6 decimal
// places, signs, exponents and amounts above MaxAmount are refused.
func ParseUSD(s string) (Micros, error) {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "$")
	whole, frac, err := splitAmount(s, s)
	if err != nil {
		return 0, err
	}
	if len(whole) > 10 {
		return 0, fmt.Errorf("%w: %q is above the maximum %s", ErrAmount, s, MaxAmount)
	}
	var w, f int64
	if whole != "" {
		w, _ = strconv.ParseInt(whole, 10, 64)
	}
	if frac != "" {
		f, _ = strconv.ParseInt(frac+strings.Repeat("0", 6-len(frac)), 10, 64)
	}
	m := Micros(w)*PerDollar + Micros(f)
	if m > MaxAmount {
		return 0, fmt.Errorf("%w: %q is above the maximum %s", ErrAmount, s, MaxAmount)
	}
	return m, nil
}

// String formats m as dollars with six decimals, e.g. "-0.000120".
func (m Micros) String() string {
	sign := ""
	u := uint64(m)
	if m < 0 {
		sign, u = "-", uint64(-m)
	}
	return fmt.Sprintf("%s%d.%06d", sign, u/uint64(PerDollar), u%uint64(PerDollar))
}

// MarshalJSON writes m as a JSON number in dollars with its trailing zeros
// trimmed ("0.15"), computed from the integer, never through a float.
func (m Micros) MarshalJSON() ([]byte, error) {
	s := m.String()
	s = strings.TrimRight(s, "0")
	s = strings.TrimSuffix(s, ".")
	return []byte(s), nil
}

// UnmarshalJSON reads back any amount MarshalJSON writes, exactly: a JSON
// number or string of dollars with at most 6 decimal places, signed (a
// balance can be below zero, e.g. after a chain reorganisation took back a
// deposit already spent), over the whole int64 range. Exponents and "$"
// are refused. Bounds on configured amounts (prices, credit) are checked by
// their Validate methods and by ParseUSD, which stays non-negative.
func (m *Micros) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := unquote(b, &s); err != nil {
			return err
		}
		b = []byte(s)
	}
	v, err := parseSigned(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// parseSigned parses an optionally negative decimal dollar amount with at
// most 6 decimal places into Micros, refusing anything outside int64.
func parseSigned(s string) (Micros, error) {
	digits, neg := strings.CutPrefix(s, "-")
	whole, frac, err := splitAmount(s, digits)
	if err != nil {
		return 0, err
	}
	// The amount in micro-dollars is the whole part's digits followed by
	// the fraction padded to 6; ParseInt checks the int64 range exactly
	// (including -9223372036854.775808).
	n := strings.TrimLeft(whole+frac+strings.Repeat("0", 6-len(frac)), "0")
	if n == "" {
		return 0, nil
	}
	if neg {
		n = "-" + n
	}
	v, err := strconv.ParseInt(n, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%w: %q is outside the representable range", ErrAmount, s)
	}
	return Micros(v), nil
}

// splitAmount splits digits, an unsigned decimal with at most 6 decimal
// places, at its point; errors quote s, the whole input.
func splitAmount(s, digits string) (whole, frac string, err error) {
	whole, frac, hasDot := strings.Cut(digits, ".")
	if whole == "" && (!hasDot || frac == "") {
		return "", "", fmt.Errorf("%w: %q is not a dollar amount", ErrAmount, s)
	}
	if len(frac) > 6 {
		return "", "", fmt.Errorf("%w: %q has more than 6 decimal places", ErrAmount, s)
	}
	for _, part := range []string{whole, frac} {
		for _, c := range part {
			if c < '0' || c > '9' {
				return "", "", fmt.Errorf("%w: %q is not a dollar amount", ErrAmount, s)
			}
		}
	}
	return whole, frac, nil
}

func unquote(b []byte, s *string) error {
	u, err := strconv.Unquote(string(b))
	if err != nil {
		return fmt.Errorf("%w: %s", ErrAmount, b)
	}
	*s = u
	return nil
}
