package tokenizer

import "sort"

// DeepSeek's pre-tokenizers. llama.cpp runs their expressions through
// std::wregex on the code points (with non-ASCII whitespace replaced by a
// vertical tab) when an expression names no Unicode category, and through
// std::regex on its collapsed text otherwise. The scanners below reproduce
// both: wregex ranges compare code point values, and \s is the White_Space
// property; in the collapsed text an ASCII character keeps its identity and
// every other code point stands for its category.

// cpRange is an inclusive range of code points.
type cpRange struct{ lo, hi rune }

// inRanges reports whether r lies in one of the sorted ranges rs.
func inRanges(r rune, rs []cpRange) bool {
	i := sort.Search(len(rs), func(i int) bool { return rs[i].hi >= r })
	return i < len(rs) && rs[i].lo <= r
}

// deepseekLetters is the letter class of DeepSeek LLM's tokenizer.json (the
// cased letters: Lu, Ll and Lt of Unicode 10), the ranges of its
// `\s?[A-Za-zµÀ-ÖØ-ö...]+` expression.
var deepseekLetters = []cpRange{
	{0x41, 0x5A}, {0x61, 0x7A}, {0xB5, 0xB5}, {0xC0, 0xD6}, {0xD8, 0xF6}, {0xF8, 0x1BA}, {0x1BC, 0x1BF},
	{0x1C4, 0x293}, {0x295, 0x2AF}, {0x370, 0x373}, {0x376, 0x377}, {0x37B, 0x37D}, {0x37F, 0x37F},
	{0x386, 0x386}, {0x388, 0x38A}, {0x38C, 0x38C}, {0x38E, 0x3A1}, {0x3A3, 0x3F5}, {0x3F7, 0x481},
	{0x48A, 0x52F}, {0x531, 0x556}, {0x10A0, 0x10C5}, {0x13A0, 0x13F5}, {0x13F8, 0x13FD},
	{0x1C90, 0x1CBA}, {0x1CBD, 0x1CBF}, {0x1D00, 0x1D2B}, {0x1D6B, 0x1D77}, {0x1D79, 0x1D9A},
	{0x1E00, 0x1F15}, {0x1F18, 0x1F1D}, {0x1F20, 0x1F45}, {0x1F48, 0x1F4D}, {0x1F50, 0x1F57},
	{0x1F59, 0x1F59}, {0x1F5B, 0x1F5B}, {0x1F5D, 0x1F5D}, {0x1F5F, 0x1F7D}, {0x1F80, 0x1FB4},
	{0x1FB6, 0x1FBC}, {0x1FBE, 0x1FBE}, {0x1FC2, 0x1FC4}, {0x1FC6, 0x1FCC}, {0x1FD0, 0x1FD3},
	{0x1FD6, 0x1FDB}, {0x1FE0, 0x1FEC}, {0x1FF2, 0x1FF4}, {0x1FF6, 0x1FFC}, {0x2102, 0x2102},
	{0x2107, 0x2107}, {0x210A, 0x2113}, {0x2115, 0x2115}, {0x2119, 0x211D}, {0x2124, 0x2124},
	{0x2126, 0x2126}, {0x2128, 0x2128}, {0x212A, 0x212D}, {0x212F, 0x2134}, {0x2139, 0x2139},
	{0x213C, 0x213F}, {0x2145, 0x2149}, {0x214E, 0x214E}, {0x2183, 0x2184}, {0x2C00, 0x2C7B},
	{0x2C7E, 0x2CE4}, {0x2CEB, 0x2CEE}, {0x2CF2, 0x2CF3}, {0xA640, 0xA66D}, {0xA680, 0xA69B},
	{0xA722, 0xA76F}, {0xA771, 0xA787}, {0xA78B, 0xA78E}, {0xAB70, 0xABBF}, {0xFB00, 0xFB06},
	{0xFB13, 0xFB17}, {0xFF21, 0xFF3A}, {0xFF41, 0xFF5A}, {0x10400, 0x1044F}, {0x104B0, 0x104D3},
	{0x104D8, 0x104FB}, {0x10C80, 0x10CB2}, {0x10CC0, 0x10CF2}, {0x118A0, 0x118DF}, {0x1E900, 0x1E943},
}

// deepseekPunct is `[!-/:-~！-／：-～‘-‟　-。]` (U+3000 is whitespace, which
// llama.cpp replaces before matching, so it never matches here).
var deepseekPunct = []cpRange{{0x21, 0x2F}, {0x3A, 0x7E}, {0x2018, 0x201F}, {0x3001, 0x3002}, {0xFF01, 0xFF0F}, {0xFF1A, 0xFF5E}}

// deepseekCJK is `[一-龥ࠀ-一가-퟿]` of DeepSeek LLM.
var deepseekCJK = []cpRange{{0x800, 0x9FA5}, {0xAC00, 0xD7FF}}

// deepseek3CJK is `[一-龥぀-ゟ゠-ヿ]` of DeepSeek V3.
var deepseek3CJK = []cpRange{{0x3040, 0x30FF}, {0x4E00, 0x9FA5}}

func (c *cpText) ws(p int) bool { return c.cls[p]&cWhitespace != 0 }

// inClass reports whether the code point at p is in rs and is not
// whitespace (whitespace has become a vertical tab for the wregex).
func (c *cpText) inClass(p int, rs []cpRange) bool {
	return c.cls[p]&cWhitespace == 0 && inRanges(c.cps[p], rs)
}

// collapsed reports whether the code point at p matches one of the
// categories in mask in llama.cpp's collapsed text: an ASCII character by
// the ASCII members llama.cpp lists for each category (which leave '~' out
// of \p{S}), any other by its category, whitespace by none.
func (c *cpText) collapsed(p int, mask uint16) bool {
	f := c.cls[p]
	return f&cWhitespace == 0 && f&mask != 0 && c.cps[p] != '~'
}

// splitMatches applies one expression to every piece: match returns the
// end of the match starting at p (or -1 when none starts there); the text
// between matches becomes one piece, as std::regex_iterator leaves it.
func splitMatches(c *cpText, ends, out []int32, match func(p, hi int) int) []int32 {
	forEachPiece(ends, func(lo, hi int) {
		gap := lo
		for p := lo; p < hi; {
			e := match(p, hi)
			if e < 0 {
				p++
				continue
			}
			if p > gap {
				out = append(out, int32(p))
			}
			out = append(out, int32(e))
			p, gap = e, e
		}
		if gap < hi {
			out = append(out, int32(hi))
		}
	})
	return out
}

// prefixedRun matches `\s?[class]+` at p, where in reports class
// membership.
func prefixedRun(c *cpText, p, hi int, in func(int) bool) int {
	s := p
	if c.ws(s) && s+1 < hi && in(s+1) {
		s++
	}
	if !in(s) {
		return -1
	}
	for s < hi && in(s) {
		s++
	}
	return s
}

// splitNewlines is `[\r\n]`.
func splitNewlines(c *cpText, ends, out []int32) []int32 {
	return splitMatches(c, ends, out, func(p, _ int) int {
		if r := c.cps[p]; r == '\r' || r == '\n' {
			return p + 1
		}
		return -1
	})
}

// splitDeepseekLetters is `\s?[A-Za-zµÀ-ÖØ-ö...]+`.
func splitDeepseekLetters(c *cpText, ends, out []int32) []int32 {
	return splitMatches(c, ends, out, func(p, hi int) int {
		return prefixedRun(c, p, hi, func(q int) bool { return c.inClass(q, deepseekLetters) })
	})
}

// splitDeepseekPunct is `\s?[!-/:-~！-／：-～‘-‟　-。]+`.
func splitDeepseekPunct(c *cpText, ends, out []int32) []int32 {
	return splitMatches(c, ends, out, func(p, hi int) int {
		return prefixedRun(c, p, hi, func(q int) bool { return c.inClass(q, deepseekPunct) })
	})
}

// splitTrailingSpace is `\s+$`: a piece's trailing whitespace becomes a
// piece of its own.
func splitTrailingSpace(c *cpText, ends, out []int32) []int32 {
	forEachPiece(ends, func(lo, hi int) {
		q := hi
		for q > lo && c.ws(q-1) {
			q--
		}
		if q > lo && q < hi {
			out = append(out, int32(q))
		}
		out = append(out, int32(hi))
	})
	return out
}

// splitClassRuns is `[class]+` for a wregex class.
func splitClassRuns(c *cpText, ends, out []int32, rs []cpRange) []int32 {
	return splitMatches(c, ends, out, func(p, hi int) int {
		if !c.inClass(p, rs) {
			return -1
		}
		for p < hi && c.inClass(p, rs) {
			p++
		}
		return p
	})
}

func splitDeepseekCJK(c *cpText, ends, out []int32) []int32 {
	return splitClassRuns(c, ends, out, deepseekCJK)
}

func splitDeepseek3CJK(c *cpText, ends, out []int32) []int32 {
	return splitClassRuns(c, ends, out, deepseek3CJK)
}

// splitDigitGroups is `\p{N}{1,3}` on the collapsed text: numbers in groups
// of up to three, left to right, other text left whole.
func splitDigitGroups(c *cpText, ends, out []int32) []int32 {
	return splitMatches(c, ends, out, func(p, hi int) int {
		n := 0
		for p+n < hi && n < 3 && c.collapsed(p+n, cNumber) {
			n++
		}
		if n == 0 {
			return -1
		}
		return p + n
	})
}

// splitDeepseek3 is DeepSeek V3's main expression on the collapsed text:
// `[!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~][A-Za-z]+|
// [^\r\n\p{L}\p{P}\p{S}]?[\p{L}\p{M}]+| ?[\p{P}\p{S}]+[\r\n]*|\s*[\r\n]+|
// \s+(?!\S)|\s+`. Code points no alternative matches (such as '~' alone or
// a control character) stay together between the matches.
func splitDeepseek3(c *cpText, ends, out []int32) []int32 {
	asciiLetter := func(p, hi int) bool {
		r := c.cps[p]
		return p < hi && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}
	return splitMatches(c, ends, out, func(p, hi int) int {
		r := c.cps[p]
		lm := func(q int) bool { return q < hi && c.collapsed(q, cLetter|cMark) }
		ps := func(q int) bool { return q < hi && c.collapsed(q, cPunct|cSymbol) }
		// [ASCII punctuation][A-Za-z]+
		if (r >= '!' && r <= '/' || r >= ':' && r <= '@' || r >= '[' && r <= '`' || r >= '{' && r <= '~') && p+1 < hi && asciiLetter(p+1, hi) {
			e := p + 1
			for e < hi && asciiLetter(e, hi) {
				e++
			}
			return e
		}
		// [^\r\n\p{L}\p{P}\p{S}]?[\p{L}\p{M}]+
		prefix := r != '\r' && r != '\n' && !c.collapsed(p, cLetter|cPunct|cSymbol)
		if (prefix && lm(p+1)) || lm(p) {
			e := p + 1
			for lm(e) {
				e++
			}
			return e
		}
		// ` ?[\p{P}\p{S}]+[\r\n]*`
		if s := p; ps(s) || (r == ' ' && ps(s+1)) {
			if r == ' ' {
				s++
			}
			for ps(s) {
				s++
			}
			for s < hi && (c.cps[s] == '\r' || c.cps[s] == '\n') {
				s++
			}
			return s
		}
		if !c.ws(p) {
			return -1
		}
		nws, lastRN := 0, -1
		for p+nws < hi && c.ws(p+nws) {
			if q := c.cps[p+nws]; q == '\r' || q == '\n' {
				lastRN = p + nws + 1
			}
			nws++
		}
		switch {
		case lastRN >= 0: // \s*[\r\n]+
			return lastRN
		case nws > 1 && p+nws < hi: // \s+(?!\S)
			return p + nws - 1
		default: // \s+
			return p + nws
		}
	})
}

// splitLetterRuns is `\s?\p{L}+` on the collapsed text.
func splitLetterRuns(c *cpText, ends, out []int32) []int32 {
	return splitMatches(c, ends, out, func(p, hi int) int {
		return prefixedRun(c, p, hi, func(q int) bool { return c.collapsed(q, cLetter) })
	})
}

// splitPunctClassRuns is `\s?\p{P}+` on the collapsed text.
func splitPunctClassRuns(c *cpText, ends, out []int32) []int32 {
	return splitMatches(c, ends, out, func(p, hi int) int {
		return prefixedRun(c, p, hi, func(q int) bool { return c.collapsed(q, cPunct) })
	})
}
