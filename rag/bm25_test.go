package rag

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestTokenizer(t *testing.T) {
	tests := []struct {
		name string
		tok  Tokenizer
		in   string
		want []string
	}{
		{"empty", Tokenizer{}, "", nil},
		{"punctuation only", Tokenizer{}, " ,.;!?-- ", nil},
		{"lowercase and split", Tokenizer{}, "Hello, World! GaiaNet-node v2", []string{"hello", "world", "gaianet", "node", "v2"}},
		{"digits kept", Tokenizer{}, "port 8080/tcp", []string{"port", "8080", "tcp"}},
		{"unicode letters", Tokenizer{}, "Ünïcödé straße ΔΈΛΤΑ", []string{"ünïcödé", "straße", "δέλτα"}},
		{"combining mark stays in word", Tokenizer{}, "cafe\u0301 ok", []string{"cafe\u0301", "ok"}},
		{"leading mark dropped", Tokenizer{}, "\u0301x", []string{"x"}},
		{"han unigrams", Tokenizer{}, "知识库abc", []string{"知", "识", "库", "abc"}},
		{"stopwords off", Tokenizer{}, "The cat and the hat", []string{"the", "cat", "and", "the", "hat"}},
		{"stopwords on", Tokenizer{Stopwords: true}, "The cat and the hat", []string{"cat", "hat"}},
		{"invalid utf8 separates", Tokenizer{}, "ab\xffcd", []string{"ab", "cd"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.tok.Tokens(tt.in)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func newTestIndex(t testing.TB, cfg BM25Config, docs map[string]string) *BM25 {
	t.Helper()
	ix, err := NewBM25(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for id, text := range docs {
		ix.Add(id, text)
	}
	return ix
}

// bm25Term is the Okapi formula for one term, written out for the worked
// examples below.
func bm25Term(n, df, tf, dl, avg, k1, b float64) float64 {
	idf := math.Log(1 + (n-df+0.5)/(df+0.5))
	return idf * tf * (k1 + 1) / (tf + k1*(1-b+b*dl/avg))
}

func TestBM25WorkedExample(t *testing.T) {
	// Lengths: d1=3, d2=6, d3=3 tokens; N=3, avg=4.
	docs := map[string]string{
		"d1": "the cat sat",
		"d2": "the dog sat on the mat",
		"d3": "cats and dogs",
	}
	ix := newTestIndex(t, DefaultBM25Config(), docs)
	tests := []struct {
		query string
		want  []Scored
	}{
		{"cat", []Scored{{"d1", bm25Term(3, 1, 1, 3, 4, 1.2, 0.75)}}},
		{"CAT!!", []Scored{{"d1", bm25Term(3, 1, 1, 3, 4, 1.2, 0.75)}}},
		// "the": df=2; d1 tf=1 len 3, d2 tf=2 len 6.
		{"the", []Scored{
			{"d2", bm25Term(3, 2, 2, 6, 4, 1.2, 0.75)},
			{"d1", bm25Term(3, 2, 1, 3, 4, 1.2, 0.75)},
		}},
		// "sat mat": d2 has both, d1 only sat.
		{"sat mat", []Scored{
			{"d2", bm25Term(3, 2, 1, 6, 4, 1.2, 0.75) + bm25Term(3, 1, 1, 6, 4, 1.2, 0.75)},
			{"d1", bm25Term(3, 2, 1, 3, 4, 1.2, 0.75)},
		}},
		// A repeated query term counts once.
		{"mat mat mat", []Scored{{"d2", bm25Term(3, 1, 1, 6, 4, 1.2, 0.75)}}},
		{"zebra", nil},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got := ix.Search(tt.query, 10)
			if len(got) != len(tt.want) {
				t.Fatalf("Search(%q) = %v, want %v", tt.query, got, tt.want)
			}
			for i := range got {
				if got[i].ID != tt.want[i].ID || math.Abs(got[i].Score-tt.want[i].Score) > 1e-12 {
					t.Errorf("Search(%q)[%d] = %v, want %v", tt.query, i, got[i], tt.want[i])
				}
			}
		})
	}
	// Sanity check of the first number by hand: idf = ln(1+2.5/1.5) = 0.980829,
	// norm = 0.25+0.75*3/4 = 0.8125, score = 0.980829*2.2/(1+1.2*0.8125).
	if got := ix.Search("cat", 1)[0].Score; math.Abs(got-1.092569) > 1e-6 {
		t.Errorf("cat score = %v, want 1.092569", got)
	}
}

func TestBM25Params(t *testing.T) {
	docs := map[string]string{"a": "x x x x y", "b": "x y"}
	t.Run("b=0 ignores length", func(t *testing.T) {
		ix := newTestIndex(t, BM25Config{K1: 1.2, B: 0}, docs)
		got := ix.Search("y", 2)
		if len(got) != 2 || got[0].Score != got[1].Score || got[0].ID != "a" {
			t.Fatalf("Search = %v, want equal scores ordered by id", got)
		}
	})
	t.Run("k1=0 ignores tf", func(t *testing.T) {
		ix := newTestIndex(t, BM25Config{K1: 0, B: 0.75}, docs)
		got := ix.Search("x", 2)
		if len(got) != 2 || got[0].Score != got[1].Score {
			t.Fatalf("Search = %v, want equal scores", got)
		}
	})
	t.Run("shorter doc wins at equal tf", func(t *testing.T) {
		ix := newTestIndex(t, DefaultBM25Config(), docs)
		got := ix.Search("y", 2)
		if got[0].ID != "b" || !(got[0].Score > got[1].Score) {
			t.Fatalf("Search = %v, want b first", got)
		}
	})
	t.Run("stopwords", func(t *testing.T) {
		ix := newTestIndex(t, BM25Config{K1: 1.2, B: 0.75, Stopwords: true}, map[string]string{"a": "the cat", "b": "the dog"})
		if got := ix.Search("the", 5); got != nil {
			t.Fatalf("Search(the) = %v, want nil", got)
		}
		if got := ix.Search("the dog", 5); len(got) != 1 || got[0].ID != "b" {
			t.Fatalf("Search(the dog) = %v", got)
		}
	})
	for _, bad := range []BM25Config{{K1: -1, B: 0.5}, {K1: math.NaN(), B: 0.5}, {K1: math.Inf(1)}, {K1: 1, B: 1.5}, {K1: 1, B: math.NaN()}} {
		if _, err := NewBM25(bad); err == nil {
			t.Errorf("NewBM25(%+v) succeeded", bad)
		}
	}
}

func randomCorpus(r *rand.Rand, n, vocab, minLen, maxLen int) map[string]string {
	z := rand.NewZipf(r, 1.1, 1, uint64(vocab-1))
	docs := make(map[string]string, n)
	var sb strings.Builder
	for i := 0; i < n; i++ {
		sb.Reset()
		l := minLen + r.IntN(maxLen-minLen+1)
		for j := 0; j < l; j++ {
			fmt.Fprintf(&sb, "w%d ", z.Uint64())
		}
		docs[fmt.Sprintf("doc-%05d", i)] = sb.String()
	}
	return docs
}

func TestBM25RemoveMatchesRebuild(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	docs := randomCorpus(r, 300, 200, 5, 40)
	ix := newTestIndex(t, DefaultBM25Config(), docs)
	// Remove a third, replace a third with new text.
	kept := map[string]string{}
	i := 0
	for _, id := range slices.Sorted(mapsKeys(docs)) {
		switch i % 3 {
		case 0:
			if !ix.Remove(id) {
				t.Fatalf("Remove(%s) = false", id)
			}
		case 1:
			text := fmt.Sprintf("replaced w%d w%d", i%17, i%5)
			ix.Add(id, text)
			kept[id] = text
		default:
			kept[id] = docs[id]
		}
		i++
	}
	if ix.Remove("doc-00000") {
		t.Error("second Remove reported true")
	}
	if ix.Len() != len(kept) {
		t.Fatalf("Len = %d, want %d", ix.Len(), len(kept))
	}
	fresh := newTestIndex(t, DefaultBM25Config(), kept)
	for _, q := range []string{"w1", "w2 w3", "w0 w7 w19", "replaced w4", "w150 w199"} {
		got, want := ix.Search(q, 20), fresh.Search(q, 20)
		if !sameResults(got, want) {
			t.Errorf("Search(%q) after edits = %v\nrebuilt index = %v", q, got, want)
		}
	}
}

func mapsKeys(m map[string]string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func sameResults(a, b []Scored) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].ID != b[i].ID || math.Abs(a[i].Score-b[i].Score) > 1e-9*math.Max(1, math.Abs(b[i].Score)) {
			return false
		}
	}
	return true
}

func TestBM25TopKMatchesFullSort(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	ix := newTestIndex(t, DefaultBM25Config(), randomCorpus(r, 500, 50, 3, 30))
	for _, q := range []string{"w1", "w0 w2", "w3 w4 w5 w6"} {
		all := ix.Search(q, 1<<20)
		if len(all) < 20 {
			t.Fatalf("query %q matched only %d docs", q, len(all))
		}
		if !slices.IsSortedFunc(all, compareRank) {
			t.Fatalf("Search(%q) not sorted", q)
		}
		for _, k := range []int{1, 2, 7, 19, len(all), len(all) + 5} {
			got := ix.Search(q, k)
			want := all[:min(k, len(all))]
			if !slices.Equal(got, want) {
				t.Errorf("Search(%q, %d) = %v, want prefix %v", q, k, got, want)
			}
		}
	}
	if got := ix.Search("w1", 0); got != nil {
		t.Errorf("k=0 returned %v", got)
	}
}

func TestBM25AddReplaces(t *testing.T) {
	ix := newTestIndex(t, DefaultBM25Config(), map[string]string{"a": "apple pie", "b": "banana"})
	ix.Add("a", "cherry")
	if got := ix.Search("apple", 5); got != nil {
		t.Errorf("old text still found: %v", got)
	}
	if got := ix.Search("cherry", 5); len(got) != 1 || got[0].ID != "a" {
		t.Errorf("new text not found: %v", got)
	}
	if ix.Len() != 2 || !ix.Has("a") || ix.Has("c") {
		t.Errorf("Len=%d Has(a)=%v Has(c)=%v", ix.Len(), ix.Has("a"), ix.Has("c"))
	}
}

func TestBM25EncodeEmpty(t *testing.T) {
	ix := newTestIndex(t, DefaultBM25Config(), nil)
	got, err := ix.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	want := []byte{
		'B', 'M', '2', '5', 1, 0, 0, 0,
		0x33, 0x33, 0x33, 0x33, 0x33, 0x33, 0xf3, 0x3f,
		0, 0, 0, 0, 0, 0, 0xe8, 0x3f,
		0, 0,
	}
	want = binary.LittleEndian.AppendUint32(want, crc32.Checksum(want, crc32.MakeTable(crc32.Castagnoli)))
	if !bytes.Equal(got, want) {
		t.Fatalf("MarshalBinary(empty) = % x\nwant % x", got, want)
	}
}

func TestBM25RoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	docs := randomCorpus(r, 200, 100, 1, 20)
	docs["empty"] = "!!!"
	docs["uni"] = "知识 Straße"
	cfg := BM25Config{K1: 1.5, B: 0.6, Stopwords: true}
	ix := newTestIndex(t, cfg, docs)
	ix.Remove("doc-00003")
	data, err := ix.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	dec, err := DecodeBM25(data)
	if err != nil {
		t.Fatal(err)
	}
	if dec.Config() != cfg || dec.Len() != ix.Len() {
		t.Fatalf("decoded config %+v len %d, want %+v len %d", dec.Config(), dec.Len(), cfg, ix.Len())
	}
	for _, q := range []string{"w1", "w2 w9", "知", "strasse straße", "w99 w98 w97"} {
		if got, want := dec.Search(q, 10), ix.Search(q, 10); !sameResults(got, want) {
			t.Errorf("Search(%q) decoded = %v, original = %v", q, got, want)
		}
	}
	again, _ := dec.MarshalBinary()
	if !bytes.Equal(again, data) {
		t.Error("re-encoding a decoded index changed the bytes")
	}
	var into BM25
	if err := into.UnmarshalBinary(data); err != nil {
		t.Fatal(err)
	}
	into.Add("new", "w1 w1 w1")
	if got := into.Search("w1", 1); len(got) == 0 {
		t.Error("UnmarshalBinary target not searchable")
	}
}

// reseal rewrites the trailing checksum so that a test can reach the checks
// behind it.
func reseal(b []byte) []byte {
	b = slices.Clone(b)
	binary.LittleEndian.PutUint32(b[len(b)-4:], crc32.Checksum(b[:len(b)-4], crc32.MakeTable(crc32.Castagnoli)))
	return b
}

func TestBM25DecodeErrors(t *testing.T) {
	ix := newTestIndex(t, DefaultBM25Config(), map[string]string{"a": "alpha beta", "b": "beta gamma"})
	good, _ := ix.MarshalBinary()
	header := func(mut func([]byte)) []byte {
		b := slices.Clone(good)
		mut(b)
		return reseal(b)
	}
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"nil", nil, ErrCorrupt},
		{"short", good[:20], ErrCorrupt},
		{"bad magic", header(func(b []byte) { b[0] = 'X' }), ErrCorrupt},
		{"bad crc", func() []byte { b := slices.Clone(good); b[len(b)-1] ^= 1; return b }(), ErrCorrupt},
		{"flipped body byte", func() []byte { b := slices.Clone(good); b[30] ^= 0x40; return b }(), ErrCorrupt},
		{"version 2", header(func(b []byte) { b[4] = 2 }), ErrVersion},
		{"unknown flag", header(func(b []byte) { b[6] = 2 }), ErrCorrupt},
		{"negative k1", header(func(b []byte) { b[15] |= 0x80 }), ErrCorrupt},
		{"b > 1", header(func(b []byte) { binary.LittleEndian.PutUint64(b[16:], math.Float64bits(2)) }), ErrCorrupt},
		{"truncated body", reseal(append(slices.Clone(good[:len(good)-8]), 0, 0, 0, 0)), ErrCorrupt},
		{"trailing byte", reseal(append(slices.Clone(good[:len(good)-4]), 0, 0, 0, 0, 0)), ErrCorrupt},
		{"huge term count", reseal(append(append(slices.Clone(good[:24]), 0xff, 0xff, 0xff, 0xff, 0x0f), 0, 0, 0, 0)), ErrCorrupt},
		{"unsorted terms", reseal(append(append(slices.Clone(good[:24]), 2, 1, 'b', 1, 'a', 0), 0, 0, 0, 0)), ErrCorrupt},
		{"term index out of range", reseal(append(append(slices.Clone(good[:24]), 1, 1, 'a', 1, 1, 'x', 1, 5, 1), 0, 0, 0, 0)), ErrCorrupt},
		{"zero tf", reseal(append(append(slices.Clone(good[:24]), 1, 1, 'a', 1, 1, 'x', 1, 0, 0), 0, 0, 0, 0)), ErrCorrupt},
		{"duplicate doc", reseal(append(append(slices.Clone(good[:24]), 1, 1, 'a', 2, 1, 'x', 1, 0, 1, 1, 'x', 1, 0, 1), 0, 0, 0, 0)), ErrCorrupt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeBM25(tt.data)
			if !errors.Is(err, tt.want) {
				t.Fatalf("DecodeBM25 error = %v, want %v", err, tt.want)
			}
			if !strings.HasPrefix(err.Error(), "rag: ") {
				t.Errorf("error %q lacks package prefix", err)
			}
		})
	}
	// A hand-built valid body decodes.
	ok := reseal(append(append(slices.Clone(good[:24]), 1, 1, 'a', 1, 1, 'x', 1, 0, 3), 0, 0, 0, 0))
	dec, err := DecodeBM25(ok)
	if err != nil {
		t.Fatalf("hand-built index: %v", err)
	}
	if got := dec.Search("a", 1); len(got) != 1 || got[0].ID != "x" {
		t.Errorf("hand-built index Search(a) = %v", got)
	}
}

func FuzzDecodeBM25(f *testing.F) {
	empty, _ := newTestIndex(f, DefaultBM25Config(), nil).MarshalBinary()
	small, _ := newTestIndex(f, BM25Config{K1: 2, B: 0.5, Stopwords: true}, map[string]string{"a": "the alpha beta", "b": "beta 知识", "": "x"}).MarshalBinary()
	f.Add(empty)
	f.Add(small)
	f.Add([]byte("BM25"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ix, err := DecodeBM25(data)
		if err != nil {
			if !errors.Is(err, ErrCorrupt) && !errors.Is(err, ErrVersion) {
				t.Fatalf("error %v is neither ErrCorrupt nor ErrVersion", err)
			}
			return
		}
		ix.Search("alpha beta x", 3)
		enc, err := ix.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		ix2, err := DecodeBM25(enc)
		if err != nil {
			t.Fatalf("re-encoded index does not decode: %v", err)
		}
		enc2, _ := ix2.MarshalBinary()
		if !bytes.Equal(enc, enc2) {
			t.Fatal("encoding not stable across a round trip")
		}
	})
}

func FuzzBM25Search(f *testing.F) {
	f.Add("the cat sat", "cat", 3)
	f.Add("", "", 0)
	f.Add("ÄÖ 知识库 \xff", "知 ä", 1)
	f.Fuzz(func(t *testing.T, doc, query string, k int) {
		ix := newTestIndex(t, DefaultBM25Config(), map[string]string{"d": doc, "e": "cat dog"})
		got := ix.Search(query, k%100)
		for _, s := range got {
			if !(s.Score > 0) || math.IsInf(s.Score, 0) {
				t.Fatalf("score %v not positive and finite", s.Score)
			}
		}
	})
}

func BenchmarkBM25Search(b *testing.B) {
	r := rand.New(rand.NewPCG(7, 8))
	const n = 10000
	docs := randomCorpus(r, n, 20000, 50, 250)
	ix := newTestIndex(b, DefaultBM25Config(), docs)
	queries := []string{"w5 w120 w3000", "w1 w2", "w42 w77 w900 w1500 w12000", "w19999"}
	for _, q := range queries {
		b.Run(fmt.Sprintf("docs=%d/terms=%d", n, len(strings.Fields(q))), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ix.Search(q, 10)
			}
		})
	}
}

func BenchmarkBM25Add(b *testing.B) {
	r := rand.New(rand.NewPCG(9, 10))
	docs := randomCorpus(r, 1000, 20000, 50, 250)
	texts := slices.Collect(func(yield func(string) bool) {
		for _, v := range docs {
			if !yield(v) {
				return
			}
		}
	})
	ix := newTestIndex(b, DefaultBM25Config(), nil)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		ix.Add(fmt.Sprintf("id%d", i%5000), texts[i%len(texts)])
		i++
	}
}

func TestBM25Concurrent(t *testing.T) {
	ix := newTestIndex(t, DefaultBM25Config(), randomCorpus(rand.New(rand.NewPCG(11, 12)), 200, 50, 3, 20))
	done := make(chan struct{})
	for g := range 4 {
		go func() {
			defer func() { done <- struct{}{} }()
			for i := range 200 {
				id := fmt.Sprintf("g%d-%d", g, i%20)
				switch i % 4 {
				case 0:
					ix.Add(id, fmt.Sprintf("w%d w%d", i%7, g))
				case 1:
					ix.Remove(id)
				case 2:
					for _, s := range ix.Search("w1 w2 w3", 5) {
						if !(s.Score > 0) {
							t.Errorf("score %v", s.Score)
						}
					}
				default:
					if _, err := ix.MarshalBinary(); err != nil {
						t.Error(err)
					}
				}
			}
		}()
	}
	for range 4 {
		<-done
	}
	data, _ := ix.MarshalBinary()
	if _, err := DecodeBM25(data); err != nil {
		t.Fatalf("index after concurrent edits does not round-trip: %v", err)
	}
}

func ExampleBM25() {
	ix, err := NewBM25(DefaultBM25Config())
	if err != nil {
		panic(err)
	}
	ix.Add("install", "Run the installer, then gaianet init and gaianet start.")
	ix.Add("config", "The config file sets the chat model and the embedding model.")
	ix.Add("kb", "The knowledge base holds chunks of your documents.")
	for _, r := range ix.Search("embedding model config", 2) {
		fmt.Printf("%s %.3f\n", r.ID, r.Score)
	}
	// Output:
	// config 3.112
}
