package grammar

import (
	"strings"
	"testing"
)

// byteVocab is a vocabulary of the 256 single bytes plus a few words and
// one end token, enough to drive a matcher byte by byte in unit tests.
func byteVocab() *Vocab {
	var toks [][]byte
	for c := 0; c < 256; c++ {
		toks = append(toks, []byte{byte(c)})
	}
	for _, w := range []string{"true", "false", "null", "\":", "\",\"", "{\"", "\"}", "12", "ab"} {
		toks = append(toks, []byte(w))
	}
	toks = append(toks, nil) // end of generation
	return NewVocab(toks, []int32{int32(len(toks) - 1)})
}

// matches reports whether g accepts s, fed one byte at a time.
func matches(g *Grammar, v *Vocab, s string) bool {
	m := g.Matcher(v)
	if err := m.AcceptBytes([]byte(s)); err != nil {
		return false
	}
	return m.CanEnd()
}

// checkLanguage asserts that g accepts every string of accept and none of
// refuse.
func checkLanguage(t *testing.T, g *Grammar, v *Vocab, accept, refuse []string) {
	t.Helper()
	for _, s := range accept {
		if !matches(g, v, s) {
			t.Errorf("refused %q", s)
		}
	}
	for _, s := range refuse {
		if matches(g, v, s) {
			t.Errorf("accepted %q", s)
		}
	}
}

const jsonGBNF = `# JSON, as in llama.cpp's grammars/json.gbnf
root   ::= object
value  ::= object | array | string | number | ("true" | "false" | "null") ws

object ::=
  "{" ws (
            string ":" ws value
    ("," ws string ":" ws value)*
  )? "}" ws

array  ::=
  "[" ws (
            value
    ("," ws value)*
  )? "]" ws

string ::=
  "\"" (
    [^"\\\x7F\x00-\x1F] |
    "\\" (["\\bfnrt] | "u" [0-9a-fA-F]{4}) # escapes
  )* "\"" ws

number ::= ("-"? ([0-9] | [1-9] [0-9]{0,15})) ("." [0-9]+)? ([eE] [-+]? [0-9] [1-9]{0,15})? ws

# Optional space: by convention, applied in this grammar after literal chars when allowed
ws ::= | " " | "\n" [ \t]{0,20}
`

const arithmeticGBNF = `root  ::= (expr "=" ws term "\n")+
expr  ::= term ([-+*/] term)*
term  ::= ident | num | "(" ws expr ")" ws
ident ::= [a-z] [a-z0-9_]* ws
num   ::= [0-9]+ ws
ws    ::= [ \t\n]*
`

const listGBNF = `root ::= item+

# Excludes various line break characters
item ::= "- " [^\r\n\x0b\x0c\x85\u2028\u2029]+ "\n"
`

const chessGBNF = `# Specifies chess moves as a list in algebraic notation, using PGN conventions
root   ::= "1. " move " " move "\n" ([1-9] [0-9]? ". " move " " move "\n")+
move   ::= (pawn | nonpawn | castle) [+#]?
nonpawn ::= [NBKQR] [a-h]? [1-8]? "x"? [a-h] [1-8]
pawn   ::= ([a-h] "x")? [a-h] [1-8] ("=" [NBKQR])?
castle ::= "O-O" "-O"?
`

func TestGBNF(t *testing.T) {
	v := byteVocab()
	cases := []struct {
		name    string
		grammar string
		accept  []string
		refuse  []string
	}{
		{"json", jsonGBNF,
			[]string{`{}`, `{"a":1}`, `{"a": [1, 2.5e3, "x\n"], "b": {"c": null}}`, `{"k": "\u00e9\"é"}`, "{\n  \"a\": true\n}"},
			[]string{`[]`, `{"a":}`, `{"a":01}`, `{"a":"\x"}`, `{"a":1,}`, `{'a':1}`, `{"a":1}}`, `{"a":"` + "\x01" + `"}`}},
		{"arithmetic", arithmeticGBNF,
			[]string{"1+2=3\n", "(a *b) = c\nx=1\n", "foo_1 /(2 -3)= 4\n"},
			[]string{"1+2=3", "+1=2\n", "A=1\n", "1++2=3\n"}},
		{"list", listGBNF,
			[]string{"- a\n", "- milk\n- eggs é\n"},
			[]string{"", "- \n", "-a\n", "- a\r\n", "- a\u2028b\n"}},
		{"chess", chessGBNF,
			[]string{"1. e4 e5\n2. Nf3 Nc6\n", "1. d4 Nf6\n2. c4 O-O-O+\n"},
			[]string{"1. e4 e5\n", "1. e9 e5\n2. a3 a4\n"}},
		{"repeat counts", `root ::= [a-c]{2,3} "x"{2} "y"{1,} "z"{0,}`,
			[]string{"abxxy", "abcxxyyyzz"},
			[]string{"axxy", "abcaxxy", "abxy", "abxx"}},
		{"any char and escapes", `root ::= . "\x41\u00e9\U0001F600" [\]\[\-]`,
			[]string{"zAé😀]", "é" + "Aé😀-"},
			[]string{"Aé😀]", "zAé😀a"}},
		{"negated unicode class", `root ::= [^a-zé]+`,
			[]string{"ABC", "日本", "😀"},
			[]string{"", "aB", "é"}},
		{"empty alternative", "root ::= \"a\" ( | \"b\" ) \"c\"  # comment\n",
			[]string{"ac", "abc"},
			[]string{"abbc", "a"}},
		{"nested groups over lines", "root ::= (\n  \"a\" |\n  (\"b\" \"c\")\n)*\n",
			[]string{"", "abc", "bca"},
			[]string{"b", "ac"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			g, err := ParseGBNF(tc.grammar)
			if err != nil {
				t.Fatal(err)
			}
			checkLanguage(t, g, v, tc.accept, tc.refuse)
		})
	}
}

func TestGBNFErrors(t *testing.T) {
	cases := []struct{ grammar, want string }{
		{`root ::= foo`, `undefined rule "foo"`},
		{`a ::= "x"`, `no root rule`},
		{`root ::= "x`, `unterminated literal`},
		{`root ::= [a-`, `unterminated character class`},
		{`root ::= [z-a]`, `reversed`},
		{`root ::= "a"{3,1}`, `max below min`},
		{`root ::= "a"{99999}`, `too large`},
		{`root ::= root "a"`, `left-recursive`},
		{"root ::= a\na ::= b? a \"x\"\nb ::= \"y\"", `left-recursive`},
		{`root ::= "\q"`, `unknown escape`},
		{"root ::= \"a\"\nroot ::= \"b\"", `defined twice`},
		{`root ::= ("a"`, `expected )`},
		{`root = "a"`, `expected ::=`},
	}
	for _, tc := range cases {
		_, err := ParseGBNF(tc.grammar)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseGBNF(%q) = %v, want error containing %q", tc.grammar, err, tc.want)
		}
	}
}

func TestMatcherMaskForcedEnd(t *testing.T) {
	v := byteVocab()
	g, err := ParseGBNF(`root ::= "{\"name\":" ("true" | "false") "}"`)
	if err != nil {
		t.Fatal(err)
	}
	m := g.Matcher(v)
	if got := string(m.Forced()); got != `{"name":` {
		t.Fatalf("Forced = %q", got)
	}
	mask := make([]uint64, v.MaskWords())
	m.FillMask(mask)
	allowed := func(id int) bool { return mask[id/64]&(1<<(id%64)) != 0 }
	if !allowed('{') || allowed('"') || !allowed(256+5) /* {" */ || allowed(256+8) {
		t.Fatalf("mask wrong at start")
	}
	if err := m.AcceptBytes([]byte(`{"name":`)); err != nil {
		t.Fatal(err)
	}
	if m.Forced() != nil {
		t.Fatalf("Forced at a choice = %q", m.Forced())
	}
	m.FillMask(mask)
	if !allowed(256+0) || !allowed(256+1) || !allowed('t') || !allowed('f') || allowed(256+2) || allowed('n') {
		t.Fatalf("mask wrong at value")
	}
	eog := int32(v.Size() - 1)
	if allowed(int(eog)) {
		t.Fatal("end allowed too early")
	}
	if err := m.Accept(256 + 0); err != nil { // true
		t.Fatal(err)
	}
	if err := m.Accept(eog); err == nil {
		t.Fatal("end accepted before }")
	}
	if err := m.Accept('x'); err == nil {
		t.Fatal("x accepted")
	}
	if err := m.Accept('}'); err != nil {
		t.Fatal(err)
	}
	m.FillMask(mask)
	if !allowed(int(eog)) || !m.CanEnd() || !m.Done() {
		t.Fatal("not complete")
	}
	for i := 0; i < int(eog); i++ {
		if allowed(i) {
			t.Fatalf("token %d allowed after the end", i)
		}
	}
	if err := m.Accept(eog); err != nil {
		t.Fatal(err)
	}
	m.Reset()
	if m.Done() || m.CanEnd() {
		t.Fatal("Reset did not restart")
	}
}
