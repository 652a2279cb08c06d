package tokenizer

import "unicode/utf8"

// Pre-tokenizers split text into words before byte-level BPE. llama.cpp
// describes each one as a list of regular expressions applied in turn: every
// expression splits each piece produced by the previous one into its matches
// and the text between them. Go's regexp lacks the look-ahead these use
// (\s+(?!\S)), so each expression is a hand-written scanner (a splitPass)
// that reproduces llama.cpp's result, including the quirks of its custom
// GPT-2 and Llama-3 splitters and of std::regex on its "collapsed" text.
//
// Adding a pre-tokenizer whose expressions are already implemented is one
// entry in preTokenizers.

// preTokenizer describes one tokenizer.ggml.pre value.
type preTokenizer struct {
	passes       []splitPass
	ignoreMerges bool // a word that is a whole token skips the merges
	addBOS       bool // default of add_bos_token
	noBOS        bool // the BOS default is Null
	cleanSpaces  bool // detokenizer removes spaces before punctuation
}

var (
	preDefault = preTokenizer{
		passes:      []splitPass{splitPunctRuns, splitGPT2, splitNumberRuns, splitDigitTriples},
		cleanSpaces: true,
	}
	preGPT2   = preTokenizer{passes: []splitPass{splitGPT2}, cleanSpaces: true}
	preLlama3 = preTokenizer{passes: []splitPass{splitLlama3}, ignoreMerges: true, addBOS: true, cleanSpaces: true}
	preQwen2  = preTokenizer{passes: []splitPass{splitQwen2}}
	preTekken = preTokenizer{passes: []splitPass{splitTekken}, ignoreMerges: true, addBOS: true}
	preGPT4o  = preTokenizer{passes: []splitPass{splitGPT4o}}
	// DeepSeek LLM (V2, V2.5): newlines, cased letters, ASCII and CJK
	// punctuation, trailing whitespace, CJK runs, number runs.
	preDeepseekLLM = preTokenizer{passes: []splitPass{splitNewlines, splitDeepseekLetters, splitDeepseekPunct, splitTrailingSpace, splitDeepseekCJK, splitNumberRuns}}
	// DeepSeek V3 / R1: digit groups, CJK runs, then the main expression.
	// DeepSeek Coder: newlines, letter runs, punctuation runs, CJK runs,
	// single digits.
	preDeepseekCoder = preTokenizer{passes: []splitPass{splitNewlines, splitLetterRuns, splitPunctClassRuns, splitDeepseekCJK, splitNumberSingles}}
	preDeepseek3     = preTokenizer{passes: []splitPass{splitDigitGroups, splitDeepseek3CJK, splitDeepseek3}}
	// StarCoder-style: single digits, then GPT-2.
	preStarCoder = preTokenizer{passes: []splitPass{splitNumberSingles, splitGPT2}, cleanSpaces: true}
	preFalcon    = preTokenizer{passes: []splitPass{splitPunctTickRuns, splitGPT2, splitDigitTriples}, cleanSpaces: true}
)

// preTokenizers maps tokenizer.ggml.pre to its definition (the names
// llama.cpp accepts for each regex list implemented here).
var preTokenizers = map[string]*preTokenizer{
	"default":          &preDefault,
	"llama3":           &preLlama3,
	"llama-v3":         &preLlama3,
	"llama-bpe":        &preLlama3,
	"falcon3":          &preLlama3,
	"falcon-h1":        &preLlama3,
	"pixtral":          &preLlama3,
	"midm-2.0":         &preLlama3,
	"lfm2":             &preLlama3,
	"jina-v5-nano":     &preLlama3,
	"dbrx":             {passes: []splitPass{splitLlama3}, cleanSpaces: true},
	"smaug-bpe":        {passes: []splitPass{splitLlama3}, cleanSpaces: true},
	"qwen2":            &preQwen2,
	"deepseek-r1-qwen": &preQwen2,
	"kormo":            &preQwen2,
	"f2llmv2":          &preQwen2,
	"megrez":           {passes: []splitPass{splitQwen2}, cleanSpaces: true},
	"stablelm2":        {passes: []splitPass{splitQwen2}, cleanSpaces: true},
	"hunyuan":          &preQwen2,
	"solar-open":       &preQwen2,
	"gpt-2":            &preGPT2,
	"phi-2":            &preGPT2,
	"jina-es":          &preGPT2,
	"jina-de":          &preGPT2,
	"gigachat":         &preGPT2,
	"jina-v2-es":       &preGPT2,
	"jina-v2-de":       &preGPT2,
	"a.x-4.0":          &preGPT2,
	"mellum":           &preGPT2,
	"modern-bert":      &preGPT2,
	"exaone4":          &preGPT2,
	"mpt":              &preGPT2,
	"olmo":             &preGPT2,
	"jais":             &preGPT2,
	"trillion":         {passes: []splitPass{splitGPT2}},
	"granite-docling":  {passes: []splitPass{splitGPT2}},
	"starcoder":        &preStarCoder,
	"refact":           &preStarCoder,
	"codeshell":        &preStarCoder,
	"exaone":           &preStarCoder,
	"minerva-7b":       &preStarCoder,
	"mellum2":          &preStarCoder,
	"command-r":        {passes: []splitPass{splitNumberSingles, splitGPT2}},
	"smollm":           {passes: []splitPass{splitNumberSingles, splitGPT2}},
	"falcon":           &preFalcon,
	"tekken":           &preTekken,
	"gpt-4o":           &preGPT4o,
	"deepseek-llm":     &preDeepseekLLM,
	"deepseek-v3":      &preDeepseek3,
	"deepseek-coder":   &preDeepseekCoder,
	"llama4":           &preGPT4o,
	"chatglm-bpe":      {passes: []splitPass{splitLlama3}, noBOS: true, cleanSpaces: true},
	"glm4":             {passes: []splitPass{splitLlama3}, noBOS: true, cleanSpaces: true},
}

// unimplementedPre lists pre-tokenizers llama.cpp implements with regular
// expressions this package does not have yet; they are refused rather than
// silently tokenized differently.
var unimplementedPre = map[string]bool{
	"poro-chat": true, "bloom": true, "gpt3-finnish": true,
	"viking": true, "chameleon": true,
	"superbpe": true, "bailingmoe": true, "bailingmoe2": true, "llada-moe": true,
	"seed-coder": true, "hunyuan-dense": true, "kimi-k2": true, "grok-2": true, "afmoe": true,
	"minimax-m2": true, "qwen35": true, "jina-v1-en": true, "jina-v2-code": true,
	"roberta-bpe": true, "whitespace": true,
}

// lookupPreTokenizer returns the definition of name. As llama.cpp does, a
// missing or unrecognised name means "default"; names llama.cpp knows but
// this package does not implement return nil.
func lookupPreTokenizer(name string) *preTokenizer {
	if p, ok := preTokenizers[name]; ok {
		return p
	}
	if unimplementedPre[name] {
		return nil
	}
	return &preDefault
}

// cpText is one text fragment decoded into code points as llama.cpp decodes
// it. s is the text re-encoded from those code points (identical to the input
// when that is valid UTF-8); off[i] is the byte offset of code point i in s,
// with off[len(cps)] == len(s).
type cpText struct {
	s   string
	cps []rune
	cls []uint16
	off []int32
}

// reset decodes text into c, reusing c's buffers.
func (c *cpText) reset(text string, tab []uint16, scratch []byte) []byte {
	c.cps, c.cls, c.off = c.cps[:0], c.cls[:0], c.off[:0]
	valid := utf8.ValidString(text)
	for i := 0; i < len(text); {
		r, n := decodeLenient(text[i:])
		c.cps = append(c.cps, r)
		c.cls = append(c.cls, classOf(tab, r))
		i += n
	}
	if valid {
		c.s = text
		for i, j := 0, 0; j < len(c.cps); j++ {
			c.off = append(c.off, int32(i))
			i += appendedLen(c.cps[j])
		}
		c.off = append(c.off, int32(len(text)))
		return scratch
	}
	scratch = scratch[:0]
	for _, r := range c.cps {
		c.off = append(c.off, int32(len(scratch)))
		scratch = appendLenient(scratch, r)
	}
	c.off = append(c.off, int32(len(scratch)))
	c.s = string(scratch)
	return scratch
}

// appendedLen is the length appendLenient writes for r.
func appendedLen(r rune) int {
	switch {
	case r >= 0 && r < 0x80:
		return 1
	case r < 0x800:
		return 2
	case r < 0x10000:
		return 3
	case r < maxCodepoint:
		return 4
	}
	return 3
}

// A splitPass refines a segmentation. ends holds the exclusive end (in code
// points) of each current piece, in order; the pass appends the ends of the
// refined pieces to out and returns it.
type splitPass func(c *cpText, ends []int32, out []int32) []int32

// forEachPiece calls f for every piece [lo, hi) of a segmentation.
func forEachPiece(ends []int32, f func(lo, hi int)) {
	lo := 0
	for _, e := range ends {
		f(lo, int(e))
		lo = int(e)
	}
}

// splitRuns is a regex of the form [class]+: runs of matching code points
// and the gaps between them become pieces.
func splitRuns(c *cpText, ends, out []int32, match func(r rune, cls uint16) bool) []int32 {
	forEachPiece(ends, func(lo, hi int) {
		for p := lo; p < hi; {
			m := match(c.cps[p], c.cls[p])
			q := p + 1
			for q < hi && match(c.cps[q], c.cls[q]) == m {
				q++
			}
			out = append(out, int32(q))
			p = q
		}
	})
	return out
}

// splitPunctRuns is `[\p{P}\$\+<=>\^~\|]+`.
func splitPunctRuns(c *cpText, ends, out []int32) []int32 {
	return splitRuns(c, ends, out, punct(false))
}

// splitPunctTickRuns is Falcon's `[\p{P}\$\+<=>\^~\|`]+`.
func splitPunctTickRuns(c *cpText, ends, out []int32) []int32 {
	return splitRuns(c, ends, out, punct(true))
}

// punct is the class [\p{P}\$\+<=>\^~\|], with tick also '`'.
func punct(tick bool) func(r rune, cls uint16) bool {
	return func(r rune, cls uint16) bool {
		if r < 0x80 {
			switch r {
			case '$', '+', '<', '=', '>', '^', '~', '|':
				return true
			case '`':
				if tick {
					return true
				}
			}
			return cls&cPunct != 0
		}
		return cls&cWhitespace == 0 && cls&^cWhitespace == cPunct
	}
}

// splitNumberSingles is `\p{N}`: every number code point is a piece, as is
// each run of other code points between them.
func splitNumberSingles(c *cpText, ends, out []int32) []int32 {
	isNum := func(p int) bool {
		if c.cps[p] < 0x80 {
			return c.cps[p] >= '0' && c.cps[p] <= '9'
		}
		f := c.cls[p]
		return f&cWhitespace == 0 && f&^cWhitespace == cNumber
	}
	forEachPiece(ends, func(lo, hi int) {
		for p := lo; p < hi; {
			q := p + 1
			if !isNum(p) {
				for q < hi && !isNum(q) {
					q++
				}
			}
			out = append(out, int32(q))
			p = q
		}
	})
	return out
}

// splitNumberRuns is `\p{N}+`.
func splitNumberRuns(c *cpText, ends, out []int32) []int32 {
	return splitRuns(c, ends, out, func(r rune, cls uint16) bool {
		if r < 0x80 {
			return r >= '0' && r <= '9'
		}
		return cls&cWhitespace == 0 && cls&^cWhitespace == cNumber
	})
}

// splitDigitTriples is `[0-9][0-9][0-9]`: left to right, each run of three
// ASCII digits is a piece, as is the text between them.
func splitDigitTriples(c *cpText, ends, out []int32) []int32 {
	isDigit := func(p int) bool { return c.cps[p] >= '0' && c.cps[p] <= '9' }
	forEachPiece(ends, func(lo, hi int) {
		gap := lo
		for p := lo; p+3 <= hi; {
			if isDigit(p) && isDigit(p+1) && isDigit(p+2) {
				if p > gap {
					out = append(out, int32(p))
				}
				out = append(out, int32(p+3))
				p += 3
				gap = p
				continue
			}
			p++
		}
		if gap < hi {
			out = append(out, int32(hi))
		}
	})
	return out
}

// contraction returns the length of an English contraction ('s 't 're 've
// 'm 'll 'd) at p, or 0. foldCase accepts upper-case letters too.
func contraction(c *cpText, p, hi int, foldCase bool) int {
	if p+1 >= hi || c.cps[p] != '\'' {
		return 0
	}
	low := func(r rune) rune {
		if foldCase && r >= 'A' && r <= 'Z' {
			return r + 32
		}
		return r
	}
	n1 := low(c.cps[p+1])
	switch n1 {
	case 's', 't', 'm', 'd':
		return 2
	}
	if p+2 < hi {
		n2 := low(c.cps[p+2])
		if (n1 == 'r' && n2 == 'e') || (n1 == 'v' && n2 == 'e') || (n1 == 'l' && n2 == 'l') {
			return 3
		}
	}
	return 0
}

// tailEnd returns where the last alternatives of the Llama 3 family and
// Tekken/GPT-4o expressions end for the piece at pos (hi ends the run):
// \p{N}{1,maxDigits}, then ` ?[^\s\p{L}\p{N}]+[\r\n]*` (slash: `[\r\n/]*`),
// then the whitespace ones (spaceEnd).
func tailEnd(c *cpText, pos, hi, maxDigits int, slash bool) int {
	if c.cls[pos]&cNumber != 0 {
		for n := 0; n < maxDigits && pos < hi && c.cls[pos]&cNumber != 0; n++ {
			pos++
		}
		return pos
	}
	// other reports [^\s\p{L}\p{N}] at p.
	other := func(p int) bool {
		return p < hi && c.cls[p]&(cWhitespace|cLetter|cNumber) == 0
	}
	if !(c.cps[pos] == ' ' && other(pos+1)) && !other(pos) {
		return spaceEnd(c, pos, hi, true)
	}
	if c.cps[pos] == ' ' {
		pos++
	}
	for other(pos) {
		pos++
	}
	for pos < hi && (c.cps[pos] == '\r' || c.cps[pos] == '\n' || slash && c.cps[pos] == '/') {
		pos++
	}
	return pos
}

// spaceEnd returns where the whitespace alternatives of the splitters end
// for the piece at pos (hi ends the run of text): with rn, first
// \s*[\r\n]+ (through the run's last \r or \n); then \s+(?!\S) (the run
// but its last space when a non-space follows) and \s+. A piece that is
// no whitespace at all takes one code point.
func spaceEnd(c *cpText, pos, hi int, rn bool) int {
	nws, lastRN := 0, -1
	for pos+nws < hi && c.cls[pos+nws]&cWhitespace != 0 {
		if r := c.cps[pos+nws]; rn && (r == '\r' || r == '\n') {
			lastRN = pos + nws + 1
		}
		nws++
	}
	switch {
	case lastRN >= 0:
		return lastRN
	case nws > 1 && pos+nws < hi:
		return pos + nws - 1
	}
	return pos + max(nws, 1)
}

// splitGPT2 is llama.cpp's custom splitter for GPT-2's
// `'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+`.
func splitGPT2(c *cpText, ends, out []int32) []int32 {
	forEachPiece(ends, func(lo, hi int) {
		cls := func(p int) uint16 {
			if p < hi {
				return c.cls[p]
			}
			return 0
		}
		for pos := lo; pos < hi; {
			if n := contraction(c, pos, hi, false); n > 0 {
				pos += n
				out = append(out, int32(pos))
				continue
			}
			f2 := c.cls[pos]
			sp := 0
			if c.cps[pos] == ' ' {
				f2 = cls(pos + 1)
				sp = 1
			}
			switch {
			case f2&cLetter != 0:
				pos += sp + 1
				for cls(pos)&cLetter != 0 {
					pos++
				}
			case f2&cNumber != 0:
				pos += sp + 1
				for cls(pos)&cNumber != 0 {
					pos++
				}
			case f2&(cWhitespace|cLetter|cNumber) == 0 && f2 != 0:
				pos += sp + 1
				for f := cls(pos); f&(cWhitespace|cLetter|cNumber) == 0 && f != 0; f = cls(pos) {
					pos++
				}
			default:
				pos = spaceEnd(c, pos, hi, false)
			}
			out = append(out, int32(pos))
		}
	})
	return out
}

// splitLlama3 is llama.cpp's custom splitter for Llama 3's
// `(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}|
// ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+`.
func splitLlama3(c *cpText, ends, out []int32) []int32 {
	return splitLlamaFamily(c, ends, out, 3)
}

// splitQwen2 is Qwen2's expression, the Llama 3 one with single digits,
// which llama.cpp runs through std::regex on its collapsed text; the two
// agree because every code point has a class.
func splitQwen2(c *cpText, ends, out []int32) []int32 {
	return splitLlamaFamily(c, ends, out, 1)
}

// splitLlamaFamily scans the Llama-3-style expression with digit groups of at
// most maxDigits.
func splitLlamaFamily(c *cpText, ends, out []int32, maxDigits int) []int32 {
	forEachPiece(ends, func(lo, hi int) {
		cls := func(p int) uint16 {
			if p < hi {
				return c.cls[p]
			}
			return 0
		}
		for pos := lo; pos < hi; {
			cpt, f := c.cps[pos], c.cls[pos]
			if n := contraction(c, pos, hi, true); n > 0 {
				pos += n
				out = append(out, int32(pos))
				continue
			}
			// [^\r\n\p{L}\p{N}]?\p{L}+
			if !(cpt == '\r' || cpt == '\n' || f&cNumber != 0) && (f&cLetter != 0 || cls(pos+1)&cLetter != 0) {
				pos++
				for cls(pos)&cLetter != 0 {
					pos++
				}
				out = append(out, int32(pos))
				continue
			}
			pos = tailEnd(c, pos, hi, maxDigits, false)
			out = append(out, int32(pos))
		}
	})
	return out
}

// splitTekken is Mistral's Tekken expression, which llama.cpp runs through
// std::regex: `[^\r\n\p{L}\p{N}]?((?=[\p{L}])([^a-z]))*((?=[\p{L}])([^A-Z]))+|
// [^\r\n\p{L}\p{N}]?((?=[\p{L}])([^a-z]))+((?=[\p{L}])([^A-Z]))*|\p{N}|
// ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+`.
func splitTekken(c *cpText, ends, out []int32) []int32 {
	return splitCased(c, ends, out, 1, false)
}

// splitGPT4o is the GPT-4o / Llama 4 expression: Tekken's with an optional
// contraction after each word and digit groups of up to three.
func splitGPT4o(c *cpText, ends, out []int32) []int32 {
	return splitCased(c, ends, out, 3, true)
}

// splitCased scans the case-aware expressions. In llama.cpp's collapsed
// text every non-ASCII letter counts as both upper and lower case, so
// "upper" is [A-Z] or a non-ASCII letter and "lower" is [a-z] or one.
// The first alternative is prefix? upper* lower+ with std::regex
// backtracking (the longest upper* that still leaves a lower), the second
// prefix? upper+ lower*.
func splitCased(c *cpText, ends, out []int32, maxDigits int, suffix bool) []int32 {
	forEachPiece(ends, func(lo, hi int) {
		letter := func(p int) bool { return p < hi && c.cls[p]&cLetter != 0 }
		upper := func(p int) bool { return letter(p) && !(c.cps[p] >= 'a' && c.cps[p] <= 'z') }
		lower := func(p int) bool { return letter(p) && !(c.cps[p] >= 'A' && c.cps[p] <= 'Z') }
		// word matches the two letter alternatives from s; it returns the end
		// or -1.
		word := func(s int) int {
			u := s
			for upper(u) {
				u++
			}
			for j := u; j >= s; j-- {
				if lower(j) {
					e := j + 1
					for lower(e) {
						e++
					}
					return e
				}
			}
			if u > s {
				e := u
				for lower(e) {
					e++
				}
				return e
			}
			return -1
		}
		for pos := lo; pos < hi; {
			cpt, f := c.cps[pos], c.cls[pos]
			end := -1
			if cpt != '\r' && cpt != '\n' && f&(cLetter|cNumber) == 0 {
				end = word(pos + 1)
			}
			if end < 0 && f&cLetter != 0 {
				end = word(pos)
			}
			if end >= 0 {
				if suffix {
					end += contraction(c, end, hi, true)
				}
				out = append(out, int32(end))
				pos = end
				continue
			}
			pos = tailEnd(c, pos, hi, maxDigits, true)
			out = append(out, int32(pos))
		}
	})
	return out
}

// SupportsPreTokenizer reports whether a byte-level BPE vocabulary with
// tokenizer.ggml.pre set to name loads: names this package implements, and
// unknown ones (which mean "default", as in llama.cpp). Names llama.cpp
// implements with expressions this package lacks report false.
func SupportsPreTokenizer(name string) bool {
	return lookupPreTokenizer(name) != nil
}
