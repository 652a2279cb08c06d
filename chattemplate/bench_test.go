package chattemplate

import (
	"os"
	"testing"

	"github.com/gaianet-go/gaianet/internal/sharedtest"
)

func tenMessages() []Message {
	msgs := []Message{{Role: "system", Content: "You are a helpful assistant running on a GaiaNet node."}}
	for i := 0; i < 9; i++ {
		if i%2 == 0 {
			msgs = append(msgs, Message{Role: "user", Content: "Can you explain how vector search finds the relevant passages in a knowledge base?"})
		} else {
			msgs = append(msgs, Message{Role: "assistant", Content: "Each passage is embedded once; a query is embedded the same way and the nearest passages by cosine similarity are returned."})
		}
	}
	return msgs
}

// BenchmarkRender/llama3_1 renders a 10-message conversation with the
// conformance llama3_1 template (skipped without the shared data).
func BenchmarkRender(b *testing.B) {
	msgs := tenMessages()
	opt := Options{AddGenerationPrompt: true, BOSToken: "<|begin_of_text|>", EOSToken: "<|eot_id|>"}
	run := func(b *testing.B, tpl *Template) {
		out, err := tpl.Render(msgs, opt)
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(len(out)))
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			if _, err := tpl.Render(msgs, opt); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("llama3_1", func(b *testing.B) {
		src, err := os.ReadFile(sharedtest.Path(b, "conformance", "templates", "llama3_1.jinja"))
		if err != nil {
			b.Fatal(err)
		}
		run(b, MustParse(string(src)))
	})
	for _, name := range []string{"llama-3-chat", "qwen3-no-think"} {
		b.Run(name, func(b *testing.B) {
			tpl, _ := Lookup(name)
			run(b, tpl)
		})
	}
}

func BenchmarkParse(b *testing.B) {
	src, _ := Source("qwen3-no-think")
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(src); err != nil {
			b.Fatal(err)
		}
	}
}
