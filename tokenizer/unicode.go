package tokenizer

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Codepoint classes as llama.cpp's unicode tables define them: one general
// category bit per assigned code point (\p{C} covers Cc, Cf, Co and Cs), an
// "undefined" bit for unassigned code points and values past U+10FFFF, plus
// the White_Space property. Every code point has at least one bit; only
// positions outside the text being scanned have none.
const (
	cNumber     uint16 = 1 << iota // \p{N}
	cLetter                        // \p{L}
	cSeparator                     // \p{Z}
	cMark                          // \p{M}
	cPunct                         // \p{P}
	cSymbol                        // \p{S}
	cControl                       // \p{C}
	cWhitespace                    // the White_Space property (regex \s)
	cUndefined                     // unassigned (Cn) or past U+10FFFF
)

const maxCodepoint = 0x110000

// classTable is the read-only class of every code point, built once.
var classTable = sync.OnceValue(func() []uint16 {
	t := make([]uint16, maxCodepoint)
	set := func(rt *unicode.RangeTable, f uint16) {
		for _, r := range rt.R16 {
			for c := uint32(r.Lo); c <= uint32(r.Hi); c += uint32(r.Stride) {
				t[c] |= f
			}
		}
		for _, r := range rt.R32 {
			for c := r.Lo; c <= r.Hi; c += r.Stride {
				t[c] |= f
			}
		}
	}
	set(unicode.N, cNumber)
	set(unicode.L, cLetter)
	set(unicode.Z, cSeparator)
	set(unicode.M, cMark)
	set(unicode.P, cPunct)
	set(unicode.S, cSymbol)
	for _, rt := range []*unicode.RangeTable{unicode.Cc, unicode.Cf, unicode.Co, unicode.Cs} {
		set(rt, cControl)
	}
	for c := range t {
		if t[c] == 0 {
			t[c] = cUndefined
		}
	}
	set(unicode.White_Space, cWhitespace)
	return t
})

// nfdTable maps a code point to the first code point of its canonical
// decomposition, which is all llama.cpp's NFD keeps (it drops the rest).
var nfdTable = sync.OnceValue(func() map[rune]rune {
	m := make(map[rune]rune, 2100)
	var buf [utf8.UTFMax]byte
	for c := rune(0xC0); c < maxCodepoint; c++ {
		if c >= 0xD800 && c < 0xE000 {
			continue
		}
		n := utf8.EncodeRune(buf[:], c)
		if norm.NFD.QuickSpan(buf[:n]) == n {
			continue
		}
		d := norm.NFD.Bytes(buf[:n])
		first, _ := utf8.DecodeRune(d)
		if first != c {
			m[c] = first
		}
	}
	return m
})

// classOf returns the class bits of cpt.
func classOf(tab []uint16, cpt rune) uint16 {
	if cpt < 0 || cpt >= maxCodepoint {
		return cUndefined
	}
	return tab[cpt]
}

// decodeLenient decodes one code point from s as llama.cpp does: it does not
// reject overlong forms, surrogates or values up to 0x1FFFFF, and an invalid
// sequence yields U+FFFD and consumes one byte.
func decodeLenient(s string) (rune, int) {
	b0 := s[0]
	switch {
	case b0 < 0x80:
		return rune(b0), 1
	case b0&0x40 == 0:
		return utf8.RuneError, 1
	case b0&0x20 == 0:
		if len(s) < 2 || s[1]&0xC0 != 0x80 {
			return utf8.RuneError, 1
		}
		return rune(b0&0x1F)<<6 | rune(s[1]&0x3F), 2
	case b0&0x10 == 0:
		if len(s) < 3 || s[1]&0xC0 != 0x80 || s[2]&0xC0 != 0x80 {
			return utf8.RuneError, 1
		}
		return rune(b0&0x0F)<<12 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F), 3
	case b0&0x08 == 0:
		if len(s) < 4 || s[1]&0xC0 != 0x80 || s[2]&0xC0 != 0x80 || s[3]&0xC0 != 0x80 {
			return utf8.RuneError, 1
		}
		return rune(b0&0x07)<<18 | rune(s[1]&0x3F)<<12 | rune(s[2]&0x3F)<<6 | rune(s[3]&0x3F), 4
	}
	return utf8.RuneError, 1
}

// appendLenient appends the UTF-8 form of cpt without Go's validity checks
// (surrogates are encoded as three bytes, as llama.cpp does). Values past
// U+10FFFF, on which llama.cpp throws, become U+FFFD.
func appendLenient(dst []byte, cpt rune) []byte {
	switch {
	case cpt >= 0 && cpt < 0x80:
		return append(dst, byte(cpt))
	case cpt < 0x800:
		return append(dst, 0xC0|byte(cpt>>6), 0x80|byte(cpt)&0x3F)
	case cpt < 0x10000:
		return append(dst, 0xE0|byte(cpt>>12), 0x80|byte(cpt>>6)&0x3F, 0x80|byte(cpt)&0x3F)
	case cpt < maxCodepoint:
		return append(dst, 0xF0|byte(cpt>>18), 0x80|byte(cpt>>12)&0x3F, 0x80|byte(cpt>>6)&0x3F, 0x80|byte(cpt)&0x3F)
	}
	return append(dst, "\uFFFD"...)
}

// utf8Len is llama.cpp's unicode_len_utf8: the sequence length announced by a
// lead byte, without validation.
func utf8Len(b byte) int {
	switch b >> 4 {
	case 0xC, 0xD:
		return 2
	case 0xE:
		return 3
	case 0xF:
		return 4
	}
	return 1
}

// byteToRune is GPT-2's reversible byte-to-code-point table: printable
// Latin-1 bytes map to themselves, the rest to U+0100 upwards.
var byteToRune = func() (t [256]rune) {
	n := rune(0)
	for b := 0; b < 256; b++ {
		if (b >= 0x21 && b <= 0x7E) || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF) {
			t[b] = rune(b)
		} else {
			t[b] = 256 + n
			n++
		}
	}
	return t
}()

// runeToByte inverts byteToRune; -1 marks code points outside it.
var runeToByte = func() (t [324]int16) {
	for i := range t {
		t[i] = -1
	}
	for b, r := range byteToRune {
		t[r] = int16(b)
	}
	return t
}()

// isCJK reports whether cpt is a CJK ideograph as BERT's tokenizer defines
// it (including the historical 0x2B920 lower bound that llama.cpp copies).
func isCJK(cpt rune) bool {
	return (cpt >= 0x4E00 && cpt <= 0x9FFF) ||
		(cpt >= 0x3400 && cpt <= 0x4DBF) ||
		(cpt >= 0x20000 && cpt <= 0x2A6DF) ||
		(cpt >= 0x2A700 && cpt <= 0x2B73F) ||
		(cpt >= 0x2B740 && cpt <= 0x2B81F) ||
		(cpt >= 0x2B920 && cpt <= 0x2CEAF) ||
		(cpt >= 0xF900 && cpt <= 0xFAFF) ||
		(cpt >= 0x2F800 && cpt <= 0x2FA1F)
}

// toLower is llama.cpp's unicode_tolower: the first code point of the full
// lower-case mapping, which equals Go's simple mapping.
func toLower(cpt rune) rune {
	if cpt < 0x80 {
		if cpt >= 'A' && cpt <= 'Z' {
			return cpt + 32
		}
		return cpt
	}
	return unicode.ToLower(cpt)
}
