package grammar

import (
	"math/big"
	"strings"
)

// Numbers with bounds compile to exact automata over decimal digits:
// an integer range [lo, hi] splits by digit count, and each same-length
// range into "first digit equal, rest >= / <=" pieces, the classic
// digit-range construction. Bounded numbers (type number with minimum or
// maximum) are written without exponent; the integer part is a range and
// the fraction is compared digit by digit with the bound's fraction.

var (
	anyDigit  = class([]cpRange{{'0', '9'}})
	anyDigits = repeat(anyDigit, 0, -1)
	anyFrac   = opt(seq(lit("."), repeat(anyDigit, 1, -1)))
	bigZero   = big.NewInt(0)
	bigOne    = big.NewInt(1)
)

func digitRange(lo, hi byte) *expr {
	if lo > hi {
		return nothingExpr
	}
	return class([]cpRange{{rune(lo), rune(hi)}})
}

// intRange matches the JSON integers in [lo, hi]; nil means unbounded.
func intRange(lo, hi *big.Int) *expr {
	if lo != nil && hi != nil && lo.Cmp(hi) > 0 {
		return nothingExpr
	}
	var alts []*expr
	// negative part: -u with u in [max(-hi,1), -lo]
	if lo == nil || lo.Sign() < 0 {
		uLo := big.NewInt(1)
		if hi != nil && hi.Sign() < 0 {
			uLo = new(big.Int).Neg(hi)
		}
		var uHi *big.Int
		if lo != nil {
			uHi = new(big.Int).Neg(lo)
		}
		if hi == nil || hi.Sign() < 0 || uLo.Cmp(big.NewInt(1)) == 0 {
			alts = append(alts, seq(lit("-"), natRange(uLo, uHi)))
		}
	}
	// non-negative part
	if hi == nil || hi.Sign() >= 0 {
		nLo := bigZero
		if lo != nil && lo.Sign() > 0 {
			nLo = lo
		}
		alts = append(alts, natRange(nLo, hi))
	}
	return alt(alts...)
}

// natRange matches decimal naturals without leading zeros in [lo, hi]
// (hi nil: unbounded); lo >= 0.
func natRange(lo, hi *big.Int) *expr {
	if hi != nil && lo.Cmp(hi) > 0 {
		return nothingExpr
	}
	ls := lo.String()
	var alts []*expr
	maxLen := 0
	if hi != nil {
		maxLen = len(hi.String())
	} else {
		maxLen = len(ls)
	}
	for L := len(ls); L <= maxLen; L++ {
		low := ls
		if L > len(ls) {
			low = "1" + strings.Repeat("0", L-1)
		}
		high := strings.Repeat("9", L)
		if hi != nil && L == maxLen {
			high = hi.String()
		}
		alts = append(alts, sameLenRange(low, high))
	}
	if hi == nil {
		alts = append(alts, seq(digitRange('1', '9'), repeat(anyDigit, len(ls), -1)))
	}
	return alt(alts...)
}

// sameLenRange matches digit strings of len(lo) in [lo, hi] (as numbers).
func sameLenRange(lo, hi string) *expr {
	if lo == "" {
		return emptyExpr
	}
	if lo[0] == hi[0] {
		return seq(lit(lo[:1]), sameLenRange(lo[1:], hi[1:]))
	}
	n := len(lo) - 1
	return alt(
		seq(lit(lo[:1]), digitsGE(lo[1:])),
		seq(digitRange(lo[0]+1, hi[0]-1), repeat(anyDigit, n, n)),
		seq(lit(hi[:1]), digitsLE(hi[1:])),
	)
}

func digitsGE(s string) *expr {
	if s == "" {
		return emptyExpr
	}
	if strings.Trim(s, "0") == "" {
		return repeat(anyDigit, len(s), len(s))
	}
	n := len(s) - 1
	return alt(seq(lit(s[:1]), digitsGE(s[1:])), seq(digitRange(s[0]+1, '9'), repeat(anyDigit, n, n)))
}

func digitsLE(s string) *expr {
	if s == "" {
		return emptyExpr
	}
	if strings.Trim(s, "9") == "" {
		return repeat(anyDigit, len(s), len(s))
	}
	n := len(s) - 1
	var below *expr = nothingExpr
	if s[0] > '0' {
		below = seq(digitRange('0', s[0]-1), repeat(anyDigit, n, n))
	}
	return alt(seq(lit(s[:1]), digitsLE(s[1:])), below)
}

// boundedNumber matches JSON numbers without exponent in the interval
// given by lo and hi (nil: unbounded; excl: strict).
func (c *schemaCompiler) boundedNumber(lo *big.Rat, loExcl bool, hi *big.Rat, hiExcl bool, path string) (*expr, error) {
	if lo != nil && hi != nil {
		if d := lo.Cmp(hi); d > 0 || d == 0 && (loExcl || hiExcl) {
			return nothingExpr, nil
		}
	}
	var alts []*expr
	// Negative values: -u, u in [-hi, -lo] with u > 0.
	if lo == nil || lo.Sign() < 0 {
		var uLo *big.Rat
		uLoExcl := false
		if hi != nil && hi.Sign() < 0 {
			uLo, uLoExcl = new(big.Rat).Neg(hi), hiExcl
		} else {
			uLo, uLoExcl = new(big.Rat), true
		}
		var uHi *big.Rat
		if lo != nil {
			uHi = new(big.Rat).Neg(lo)
		}
		alts = append(alts, seq(lit("-"), nonNegNumber(uLo, uLoExcl, uHi, loExcl)))
	}
	if hi == nil || hi.Sign() >= 0 {
		nLo, nLoExcl := new(big.Rat), false
		if lo != nil && lo.Sign() >= 0 {
			nLo, nLoExcl = lo, loExcl
		}
		if !(hi != nil && hi.Sign() == 0 && hiExcl) {
			alts = append(alts, nonNegNumber(nLo, nLoExcl, hi, hiExcl))
		}
	}
	return alt(alts...), nil
}

// splitRat returns the integer part and fraction digits of r >= 0, which
// must be a finite decimal; ok is false otherwise.
func splitRat(r *big.Rat) (*big.Int, string, bool) {
	ip := new(big.Int).Quo(r.Num(), r.Denom())
	frac := new(big.Rat).Sub(r, new(big.Rat).SetInt(ip))
	digits := ""
	for i := 0; frac.Sign() != 0; i++ {
		if i > 40 {
			return nil, "", false
		}
		frac.Mul(frac, big.NewRat(10, 1))
		d := new(big.Int).Quo(frac.Num(), frac.Denom())
		digits += d.String()
		frac.Sub(frac, new(big.Rat).SetInt(d))
	}
	return ip, digits, true
}

// nonNegNumber matches non-negative numbers (no exponent) in the interval.
func nonNegNumber(lo *big.Rat, loExcl bool, hi *big.Rat, hiExcl bool) *expr {
	lI, lF, ok1 := splitRat(lo)
	if !ok1 {
		// A bound like 1/3 cannot come from JSON; be conservative.
		return nothingExpr
	}
	if hi == nil {
		return alt(
			seq(natRange(new(big.Int).Add(lI, bigOne), nil), anyFrac),
			seq(natRange(lI, lI), fraction(lF, true, loExcl)),
		)
	}
	hI, hF, ok2 := splitRat(hi)
	if !ok2 {
		return nothingExpr
	}
	if lI.Cmp(hI) == 0 {
		return seq(natRange(lI, lI), fractionBetween(lF, loExcl, hF, hiExcl))
	}
	return alt(
		seq(natRange(lI, lI), fraction(lF, true, loExcl)),
		seq(natRange(new(big.Int).Add(lI, bigOne), new(big.Int).Sub(hI, bigOne)), anyFrac),
		seq(natRange(hI, hI), fraction(hF, false, hiExcl)),
	)
}

// fraction matches an optional fraction ".D" with 0.D >= 0.f (ge) or
// 0.D <= 0.f, strictly when excl.
func fraction(f string, ge, excl bool) *expr {
	var alts []*expr
	if zeroOK(f, ge, excl) {
		alts = append(alts, emptyExpr)
	}
	alts = append(alts, seq(lit("."), fracDigits(f, 0, ge, excl, true)))
	return alt(alts...)
}

// zeroOK: whether the fraction 0 satisfies the comparison with 0.f.
func zeroOK(f string, ge, excl bool) bool {
	allZero := strings.Trim(f, "0") == ""
	if ge {
		return allZero && !excl
	}
	return !allZero || !excl
}

// fracDigits matches digit strings D (continuing at position i of f, equal
// so far) satisfying the comparison; first requires at least one digit.
func fracDigits(f string, i int, ge, excl, first bool) *expr {
	var alts []*expr
	if !first && zeroOK(f[min(i, len(f)):], ge, excl) {
		alts = append(alts, emptyExpr)
	}
	if i >= len(f) {
		// f continues with zeros: 0s keep equality, any other digit is greater.
		zeros := repeat(lit("0"), 0, -1)
		if ge {
			if !excl {
				alts = append(alts, seq(zeros, opt(seq(digitRange('1', '9'), anyDigits))))
				if first {
					return seq(anyDigit, anyDigits)
				}
				return alt(alts...)
			}
			return seq(zeros, digitRange('1', '9'), anyDigits)
		}
		if excl {
			return nothingExpr
		}
		if first {
			return repeat(lit("0"), 1, -1)
		}
		return zeros
	}
	d := f[i]
	alts = append(alts, seq(lit(f[i:i+1]), fracDigits(f, i+1, ge, excl, false)))
	if ge {
		alts = append(alts, seq(digitRange(d+1, '9'), anyDigits))
	} else if d > '0' {
		alts = append(alts, seq(digitRange('0', d-1), anyDigits))
	}
	return alt(alts...)
}

// fractionBetween matches fractions between 0.lf and 0.hf (same integer part).
// It is exact when one side is unconstrained; otherwise it uses the
// digit-wise product of the two comparisons.
func fractionBetween(lf string, lExcl bool, hf string, hExcl bool) *expr {
	var alts []*expr
	if zeroOK(lf, true, lExcl) && zeroOK(hf, false, hExcl) {
		alts = append(alts, emptyExpr)
	}
	alts = append(alts, seq(lit("."), fracBetween(lf, hf, 0, lExcl, hExcl, 0, true)))
	return alt(alts...)
}

// fracBetween tracks for each side whether the digits so far are equal to
// the bound (state bits: 1 = above low already, 2 = below high already).
func fracBetween(lf, hf string, i int, lExcl, hExcl bool, st int, first bool) *expr {
	if st == 3 {
		if first {
			return seq(anyDigit, anyDigits)
		}
		return anyDigits
	}
	if st == 1 {
		if i >= len(hf) && first {
			return fracDigits(hf, i, false, hExcl, true)
		}
		return fracDigits(hf, i, false, hExcl, first)
	}
	if st == 2 {
		return fracDigits(lf, i, true, lExcl, first)
	}
	if i > len(lf)+len(hf)+2 {
		return nothingExpr
	}
	dig := func(s string) byte {
		if i < len(s) {
			return s[i]
		}
		return '0'
	}
	var alts []*expr
	if !first {
		okL := zeroOK(lf[min(i, len(lf)):], true, lExcl)
		okH := zeroOK(hf[min(i, len(hf)):], false, hExcl)
		if okL && okH {
			alts = append(alts, emptyExpr)
		}
	}
	ld, hd := dig(lf), dig(hf)
	for d := byte('0'); d <= '9'; d++ {
		if d < ld || d > hd {
			continue
		}
		ns := 0
		if d > ld {
			ns |= 1
		}
		if d < hd {
			ns |= 2
		}
		alts = append(alts, seq(lit(string(d)), fracBetween(lf, hf, i+1, lExcl, hExcl, ns, false)))
	}
	return alt(alts...)
}
