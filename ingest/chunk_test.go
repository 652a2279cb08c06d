package ingest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// wordCounter counts white-space separated words, standing in for a model
// tokenizer.
type wordCounter struct{}

func (wordCounter) CountTokens(s string) int { return len(strings.Fields(s)) }

// runeCounter counts runes, for texts without spaces.
type runeCounter struct{}

func (runeCounter) CountTokens(s string) int { return utf8.RuneCountInString(s) }

func chunkTexts(t *testing.T, c Chunker, secs []Section) []string {
	t.Helper()
	chunks, err := c.Chunk(context.Background(), "src", secs)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for i, ch := range chunks {
		if ch.Index != i || ch.Source != "src" || ch.Hash != ChunkHash(ch.Text, ch.EmbedText) {
			t.Errorf("chunk %d metadata wrong: %+v", i, ch)
		}
		out = append(out, ch.Text)
	}
	return out
}

func words(n int, prefix string) string {
	w := make([]string, n)
	for i := range w {
		w[i] = fmt.Sprintf("%s%d", prefix, i)
	}
	return strings.Join(w, " ")
}

func TestChunker(t *testing.T) {
	p := func(s string) Block { return Block{Kind: Paragraph, Text: s} }
	tests := []struct {
		name    string
		size    int
		overlap int
		secs    []Section
		want    []string
	}{
		{"small paragraphs packed", 10, 0,
			[]Section{{Blocks: []Block{p("a b c"), p("d e"), p("f g h i j k")}}},
			[]string{"a b c\n\nd e", "f g h i j k"}},
		{"sections never merge", 100, 0,
			[]Section{{Heading: "# A", Blocks: []Block{p("a")}}, {Heading: "# B", Blocks: []Block{p("b")}}},
			[]string{"a", "b"}},
		{"long paragraph split at sentences", 6, 0,
			[]Section{{Blocks: []Block{p("One two three. Four five six! Seven eight? Nine.")}}},
			[]string{"One two three. Four five six!", "Seven eight? Nine."}},
		{"lines before sentences", 6, 0,
			[]Section{{Blocks: []Block{p("- a b. c d\n- e f\n- g h")}}},
			[]string{"- a b. c d", "- e f\n- g h"}},
		{"sentence with closing quote", 3, 0,
			[]Section{{Blocks: []Block{p(`He said "go." Then left now.`)}}},
			[]string{`He said "go."`, "Then left now."}},
		{"overlap falls back to words", 4, 2,
			[]Section{{Blocks: []Block{p("a b c d e f.")}}},
			[]string{"a b c d", "c d e f."}},
		{"words when no sentence fits", 3, 0,
			[]Section{{Blocks: []Block{p("a b c d e f g")}}},
			[]string{"a b c", "d e f", "g"}},
		{"overlap carries trailing sentences", 6, 4,
			[]Section{{Blocks: []Block{p("A b. C d. E f. G h.")}}},
			[]string{"A b. C d. E f.", "C d. E f. G h."}},
		{"overlap limited by budget", 6, 3,
			[]Section{{Blocks: []Block{p("A b. C d. E f. G h.")}}},
			[]string{"A b. C d. E f.", "E f. G h."}},
		{"code never split even when oversized", 4, 1,
			[]Section{{Blocks: []Block{p("intro text"), {Kind: Code, Text: "```\nl1 x\nl2 y\nl3 z\n```"}, p("after it")}}},
			[]string{"intro text", "```\nl1 x\nl2 y\nl3 z\n```", "after it"}},
		{"code shares chunk when it fits, not carried", 6, 2,
			[]Section{{Blocks: []Block{p("a b"), {Kind: Code, Text: "``` c d ```"}, p("e f g h")}}},
			[]string{"a b\n\n``` c d ```", "e f g h"}},
		{"records are single chunks", 100, 0,
			[]Section{{Blocks: []Block{{Kind: Record, Text: "r1"}}}, {Blocks: []Block{{Kind: Record, Text: words(300, "w")}}}},
			[]string{"r1", words(300, "w")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Chunker{Counter: wordCounter{}, Size: tt.size, Overlap: tt.overlap}
			got := chunkTexts(t, c, tt.secs)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("chunks =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestChunkerRunes(t *testing.T) {
	c := Chunker{Counter: runeCounter{}, Size: 4}
	got := chunkTexts(t, c, []Section{{Blocks: []Block{{Kind: Paragraph, Text: "知识库是节点的核心"}}}})
	want := []string{"知识库是", "节点的核", "心"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("chunks = %q, want %q", got, want)
	}
	// CJK full stops are sentence ends without a following space.
	got = chunkTexts(t, c, []Section{{Blocks: []Block{{Kind: Paragraph, Text: "你好。世界！好"}}}})
	want = []string{"你好。", "世界！好"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("chunks = %q, want %q", got, want)
	}
}

func TestChunkerLimitsAndCoverage(t *testing.T) {
	text := strings.Repeat("Alpha beta gamma delta. Epsilon zeta eta theta iota kappa lambda mu!\nNu xi omicron pi rho. ", 40)
	secs := []Section{{Heading: "# H", Blocks: []Block{{Kind: Paragraph, Text: text}, {Kind: Paragraph, Text: words(500, "long")}}}}
	for _, cfg := range []struct{ size, overlap int }{{5, 0}, {16, 4}, {64, 16}, {256, 32}} {
		c := Chunker{Counter: wordCounter{}, Size: cfg.size, Overlap: cfg.overlap}
		chunks, err := c.Chunk(context.Background(), "x", secs)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, ch := range chunks {
			if n := wordCounter.CountTokens(wordCounter{}, ch.Text); n > cfg.size {
				t.Errorf("size %d: chunk has %d tokens: %q", cfg.size, n, ch.Text)
			}
			if ch.Heading != "# H" || ch.EmbedText != ch.Text {
				t.Errorf("chunk fields wrong: %+v", ch)
			}
			for _, w := range strings.Fields(ch.Text) {
				seen[w] = true
			}
		}
		for _, w := range strings.Fields(text + " " + words(500, "long")) {
			if !seen[w] {
				t.Fatalf("size %d: word %q lost", cfg.size, w)
			}
		}
		if cfg.overlap > 0 && len(chunks) > 1 {
			// Consecutive chunks share text when overlap is on.
			a, b := strings.Fields(chunks[0].Text), strings.Fields(chunks[1].Text)
			if a[len(a)-1] != b[0] && !strings.Contains(chunks[1].Text, a[len(a)-1]) {
				t.Errorf("size %d overlap %d: no shared text between %q and %q", cfg.size, cfg.overlap, chunks[0].Text, chunks[1].Text)
			}
		}
	}
}

func TestChunkerValidate(t *testing.T) {
	bad := []Chunker{{}, {Counter: wordCounter{}, Size: -1}, {Counter: wordCounter{}, Size: 10, Overlap: 10}, {Counter: wordCounter{}, Overlap: DefaultChunkTokens}}
	for _, c := range bad {
		if _, err := c.Chunk(context.Background(), "x", nil); err == nil {
			t.Errorf("Chunk with %+v succeeded", c)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Chunker{Counter: wordCounter{}}.Chunk(ctx, "x", []Section{{Blocks: []Block{{Text: "a"}}}})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("canceled Chunk error = %v", err)
	}
}

func benchMarkdown(sections int) string {
	var b strings.Builder
	for i := range sections {
		fmt.Fprintf(&b, "## Section %d\n\n", i)
		for p := range 4 {
			for s := range 6 {
				fmt.Fprintf(&b, "Sentence %d of paragraph %d talks about nodes, models and knowledge bases. ", s, p)
			}
			b.WriteString("\n\n")
		}
		b.WriteString("```sh\ngaianet init\ngaianet start\n```\n\n")
	}
	return b.String()
}

func BenchmarkParseAndChunk(b *testing.B) {
	doc := benchMarkdown(400) // about 1 MB
	c := Chunker{Counter: wordCounter{}, Size: 256, Overlap: 32}
	b.Run("markdown/1MB", func(b *testing.B) {
		b.SetBytes(int64(len(doc)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := c.Chunk(context.Background(), "bench.md", ParseMarkdown(doc)); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func nonSpaceRunes(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

func FuzzChunker(f *testing.F) {
	f.Add("One two. Three four!\n\nFive six seven eight nine.", uint8(3), uint8(1), false)
	f.Add("知识库是节点的核心。你好！", uint8(2), uint8(1), true)
	f.Add(strings.Repeat("x", 300), uint8(1), uint8(0), true)
	f.Fuzz(func(t *testing.T, text string, size, overlap uint8, runes bool) {
		var counter TokenCounter = wordCounter{}
		if runes {
			counter = runeCounter{}
		}
		c := Chunker{Counter: counter, Size: int(size%64) + 1, Overlap: int(overlap) % (int(size%64) + 1)}
		secs := ParseText(text)
		chunks, err := c.Chunk(context.Background(), "f", secs)
		if err != nil {
			t.Fatal(err)
		}
		got, want := 0, 0
		for _, ch := range chunks {
			if strings.TrimSpace(ch.Text) == "" {
				t.Fatal("empty chunk")
			}
			got += nonSpaceRunes(ch.Text)
		}
		for _, s := range secs {
			for _, b := range s.Blocks {
				want += nonSpaceRunes(b.Text)
			}
		}
		if got < want {
			t.Fatalf("chunks hold %d non-space runes, input %d", got, want)
		}
		if c.Overlap == 0 && got != want {
			t.Fatalf("without overlap chunks hold %d non-space runes, input %d", got, want)
		}
	})
}
