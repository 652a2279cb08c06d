package grammar

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/internal/sharedtest"
	"github.com/gaianet-go/gaianet/tokenizer"
)

// checkMask compares the mask of m's configuration with the truth: token
// by token, whether walking its bytes keeps the configuration alive.
func checkMask(t *testing.T, m *Matcher, mask []uint64, where string) {
	t.Helper()
	m.FillMask(mask)
	a := m.a
	a.mu.Lock()
	defer a.mu.Unlock()
	v := a.v
	bad := 0
	for id := range v.tokens {
		var want bool
		if v.isEOG[id] {
			want = a.confs[m.cur].accept
		} else if len(v.tokens[id]) > 0 && len(v.tokens[id]) < 1<<16 {
			want = a.walk(m.cur, v.tokens[id]) != dead
		}
		got := mask[id>>6]&(1<<(id&63)) != 0
		if got != want {
			bad++
			if bad <= 5 {
				t.Errorf("%s: token %d %q: mask says %v, walking says %v", where, id, v.tokens[id], got, want)
			}
		}
	}
	if bad > 5 {
		t.Errorf("%s: %d tokens wrong in all", where, bad)
	}
}

// randomToken picks an allowed non-end token of mask, or -1.
func randomToken(v *Vocab, mask []uint64, rng *rand.Rand) int32 {
	var ids []int32
	for id := range v.tokens {
		if !v.isEOG[id] && mask[id>>6]&(1<<(id&63)) != 0 {
			ids = append(ids, int32(id))
		}
	}
	if len(ids) == 0 {
		return -1
	}
	return ids[rng.IntN(len(ids))]
}

// TestMaskMatchesWalk checks masks against token walks in random
// sentences of grammars with calls: recursion and any-order objects, where
// masks are composed from the frame-abstracted twin and the escapes.
func TestMaskMatchesWalk(t *testing.T) {
	v := byteVocab()
	mask := make([]uint64, v.MaskWords())
	schemas := []string{
		`{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"integer"},"c":{"type":"object","properties":{"x":{"type":"boolean"},"y":{"type":"string","maxLength":3}},"required":["x"]}},"required":["a","c"]}`,
		`{"$defs":{"n":{"type":"object","properties":{"v":{"type":"integer"},"kids":{"type":"array","items":{"$ref":"#/$defs/n"}}},"required":["v"]}},"$ref":"#/$defs/n"}`,
		`{"type":"object","properties":{"ab":{"enum":["x","y"]},"ac":{"type":"number"}},"additionalProperties":{"type":"string"},"minProperties":1,"maxProperties":3}`,
	}
	var grammars []*Grammar
	for _, s := range schemas {
		for _, any := range []bool{false, true} {
			g, err := FromJSONSchema([]byte(s), SchemaOptions{SchemaOrder: !any})
			if err != nil {
				t.Fatal(err)
			}
			grammars = append(grammars, g)
		}
	}
	g, err := ParseGBNF(`root ::= "[" (v ("," v)*)? "]"
v ::= "12" | "ab" | root | "{" "\"" [a-z]* "\":" v "}"`)
	if err != nil {
		t.Fatal(err)
	}
	grammars = append(grammars, g)
	rng := rand.New(rand.NewPCG(1, 2))
	for gi, g := range grammars {
		for range 30 {
			m := g.Matcher(v)
			for step := 0; step < 40 && !t.Failed(); step++ {
				checkMask(t, m, mask, "grammar "+string(rune('0'+gi)))
				id := randomToken(v, mask, rng)
				if id < 0 {
					break
				}
				if err := m.Accept(id); err != nil {
					t.Fatalf("grammar %d: a token of the mask is refused: %v", gi, err)
				}
			}
		}
	}
}

// TestCorpusMasksMatchWalk checks masks against token walks with the Llama
// 3 vocabulary along the instances of a sample of the MaskBench corpus.
func TestCorpusMasksMatchWalk(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	dir := sharedtest.Path(t, "jsonschema", "maskbench")
	tok, err := tokenizer.Load(sharedtest.Path(t, "conformance", "vocab", "llama3-bpe.gguf"))
	if err != nil {
		t.Fatal(err)
	}
	toks := make([][]byte, tok.VocabSize())
	for i := range toks {
		toks[i] = tok.TokenBytes(int32(i))
	}
	v := NewVocab(toks, tok.EOGTokens())
	mask := make([]uint64, v.MaskWords())
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".json") {
			files = append(files, e.Name())
		}
	}
	sort.Strings(files)
	checked := 0
	for i := 0; i < len(files) && checked < 400 && !t.Failed(); i += 61 {
		data, err := os.ReadFile(filepath.Join(dir, files[i]))
		if err != nil {
			t.Fatal(err)
		}
		f, err := ParseValue(data)
		if err != nil {
			t.Fatal(err)
		}
		s, _ := f.Get("schema")
		g, err := FromJSONSchema(s.AppendCompact(nil), SchemaOptions{})
		if err != nil {
			continue
		}
		tests, _ := f.Get("tests")
		if tests == nil {
			continue
		}
		for _, tc := range tests.Items {
			d, _ := tc.Get("data")
			ids := tok.Encode(string(d.AppendCompact(nil)), false, false)
			m := g.Matcher(v)
			for j, id := range ids {
				if j%3 == 0 {
					checkMask(t, m, mask, files[i])
					checked++
				}
				if m.Accept(id) != nil {
					break
				}
			}
		}
	}
	t.Logf("%d masks checked", checked)
}

// TestTablesDropped runs matchers whose automaton drops its tables at
// every call beside matchers that keep them: they must agree on every
// mask and keep their place.
func TestTablesDropped(t *testing.T) {
	v := byteVocab()
	schema := []byte(`{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"array","items":{"type":"integer"}}},"required":["a"]}`)
	g1, err := FromJSONSchema(schema, SchemaOptions{})
	if err != nil {
		t.Fatal(err)
	}
	g2, _ := FromJSONSchema(schema, SchemaOptions{})
	g2.automaton(v).tableCap = 0
	m1, m2 := g1.Matcher(v), g2.Matcher(v)
	mask1, mask2 := make([]uint64, v.MaskWords()), make([]uint64, v.MaskWords())
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20 {
		m1.Reset()
		m2.Reset()
		for step := 0; step < 30; step++ {
			m1.FillMask(mask1)
			m2.FillMask(mask2)
			if !slices.Equal(mask1, mask2) {
				t.Fatalf("step %d: masks differ after the tables were dropped", step)
			}
			if m1.CanEnd() != m2.CanEnd() || string(m1.Forced()) != string(m2.Forced()) {
				t.Fatalf("step %d: CanEnd or Forced differ", step)
			}
			id := randomToken(v, mask1, rng)
			if id < 0 {
				break
			}
			if err := m1.Accept(id); err != nil {
				t.Fatal(err)
			}
			if err := m2.Accept(id); err != nil {
				t.Fatal(err)
			}
		}
	}
	if e := g2.automaton(v).epoch; e < 100 {
		t.Fatalf("the tables were dropped %d times, want at every call", e)
	}
}
