package rag

import (
	"fmt"
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
					ix.Has(id)
					ix.Len()
				}
			}
		}()
	}
	for range 4 {
		<-done
	}
	if n := ix.Len(); n < 200 || n > 200+4*20 {
		t.Fatalf("Len after concurrent edits = %d, want 200..280", n)
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
