package tokenizer

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

var benchParagraphs = []string{
	"The quick brown fox jumps over the lazy dog. GaiaNet nodes serve open models to agents, and each node keeps its own knowledge base of embedded documents. ",
	"I can't believe it's not butter! They're here, we'll go, you'd see what we've done with the 2024 release. ",
	"func (s *Server) Handle(ctx context.Context, req *Request) (*Response, error) {\n\tif req == nil {\n\t\treturn nil, errNilRequest\n\t}\n\treturn s.next.Handle(ctx, req)\n}\n",
	"def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n\nprint([fib(i) for i in range(20)])\n",
	"日本語のテキストを分割します。東京は日本の首都です。中文分词测试，今天天气很好。한국어 문장입니다. ",
	"Emoji 🙂👍🏽🚀 and flags 🇸🇬🇯🇵, symbols ✓ ★ € £ ¥ ₹, accents naïve café résumé Ünïcödé. ",
	"Привет, мир! Γειά σου Κόσμε. مرحبا بالعالم. नमस्ते दुनिया. ",
	"{\"id\": 12345, \"price\": 9.99, \"tags\": [\"a\", \"b\"], \"ok\": true}\n",
}

// mixedText returns about n bytes of English prose, code, CJK, emoji and
// numbers, deterministically.
func mixedText(n int) string {
	r := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(benchParagraphs[r.IntN(len(benchParagraphs))])
		if r.IntN(3) == 0 {
			b.WriteString(strconv.Itoa(r.IntN(1_000_000)))
			b.WriteString(" and ")
			b.WriteString(strconv.FormatFloat(r.Float64()*1000, 'f', 3, 64))
			b.WriteString(". ")
		}
	}
	return b.String()
}

// BenchmarkEncode measures Encode on 1 MB of mixed text per vocabulary;
// tokens/s is reported beside MB/s.
func BenchmarkEncode(b *testing.B) {
	text := mixedText(1 << 20)
	for _, name := range vocabNames {
		b.Run(name, func(b *testing.B) {
			tk := loadVocab(b, name)
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			tokens := 0
			for b.Loop() {
				tokens += len(tk.Encode(text, false, false))
			}
			b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
		})
	}
}

// BenchmarkDecode measures Decode of the tokens of 1 MB of mixed text.
func BenchmarkDecode(b *testing.B) {
	text := mixedText(1 << 20)
	for _, name := range vocabNames {
		b.Run(name, func(b *testing.B) {
			tk := loadVocab(b, name)
			ids := tk.Encode(text, false, false)
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				_ = tk.Decode(ids)
			}
		})
	}
}
