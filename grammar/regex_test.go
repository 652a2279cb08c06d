package grammar

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// regexMatcher compiles pattern as a JSON string schema and reports
// whether the string s (raw, JSON-escaped here) matches.
func regexAccepts(t testing.TB, g *Grammar, v *Vocab, s string) bool {
	t.Helper()
	return matches(g, v, string(appendJSONString(nil, s)))
}

// TestRegexAgainstGo checks the pattern subset against Go's regexp (RE2
// syntax agrees with ECMA-262 on these) on random strings.
func TestRegexAgainstGo(t *testing.T) {
	v := byteVocab()
	patterns := []string{
		`^[a-z]+$`, `abc`, `^a|b$`, `^(ab|cd)*e?$`, `^[^a-c]{2,4}$`, `\d+\.\d{2}`, `^\w+@\w+\.(com|org)$`,
		`^a{3}$`, `^a{2,}b$`, `^(a|b)+?c$`, `[.]x`, `^\s*\S+$`, `^[A-Z][a-z]*( [A-Z][a-z]*)*$`, `^$`, `^x?$`,
		`^[\w.-]+$`, `^(?:0|[1-9]\d*)$`, `^[\-+]?\d+$`, `^\W$`, `^\D\D$`, `b+`, `^[a\]]+$`,
	}
	alphabet := []rune("abcdexz019AZ .-_@+\\\"é\n")
	rng := rand.New(rand.NewPCG(1, 2))
	for _, pat := range patterns {
		g, err := FromJSONSchema([]byte(`{"type":"string","pattern":`+string(appendJSONString(nil, pat))+`}`), SchemaOptions{})
		if err != nil {
			t.Fatalf("%s: %v", pat, err)
		}
		re := regexp.MustCompile(pat)
		for i := 0; i < 300; i++ {
			n := rng.IntN(7)
			r := make([]rune, n)
			for j := range r {
				r[j] = alphabet[rng.IntN(len(alphabet))]
			}
			// bias towards matches: sometimes use a string the pattern finds
			s := string(r)
			if got, want := regexAccepts(t, g, v, s), re.MatchString(s); got != want {
				t.Errorf("pattern %q on %q: grammar %v, regexp %v", pat, s, got, want)
			}
		}
	}
}

func TestRegexRefused(t *testing.T) {
	for _, pat := range []string{`(?=a)`, `(?!a)`, `(?<=a)b`, `\bword\b`, `(a)\1`, `\p{L}`, `a**`, `(ab`, `[z-a]`, `^a^b`, `a$b`} {
		if _, err := parseRegex(pat); err == nil {
			t.Errorf("%q: no error", pat)
		}
	}
}

func FuzzRegex(f *testing.F) {
	for _, s := range []string{`^[a-z]+$`, `a|b`, `(x{2,3})*`, `[^\d]`, `\u00e9+`, `^(?:a|)$`} {
		f.Add(s, "ab")
	}
	v := byteVocab()
	f.Fuzz(func(t *testing.T, pat, s string) {
		if len(pat) > 64 || len(s) > 16 || !utf8.ValidString(s) {
			return // JSON strings hold Unicode text
		}
		e, err := parseRegex(pat)
		if err != nil {
			return
		}
		g, err := newGrammar([]rule{{name: "root", body: seq(lit(`"`), jsonify(e), lit(`"`))}})
		if err != nil {
			return
		}
		re, err := regexp.Compile(pat)
		if err != nil {
			return // syntax RE2 and ECMA read differently; only compare where both parse
		}
		if !plainRegex(pat) {
			return
		}
		if got, want := regexAccepts(t, g, v, s), re.MatchString(s); got != want {
			t.Errorf("pattern %q on %q: grammar %v, regexp %v", pat, s, got, want)
		}
	})
}

// plainRegex limits differential fuzzing to syntax both dialects read
// alike (no escapes or flags whose meaning differs between RE2 and ECMA).
func plainRegex(p string) bool {
	if strings.Contains(p, "[]") || strings.Contains(p, "[^]") {
		return false // ECMA: empty class / any character; RE2: "]" in a class
	}
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '\\', '$', '{':
			return false
		}
		if p[i] >= 0x80 {
			return false
		}
	}
	return true
}
