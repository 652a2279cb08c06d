package tokenizer_test

import (
	"fmt"

	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/tokenizer"
)

// This example builds a small SentencePiece vocabulary in memory (a real
// one comes from gguf.Open(path) or tokenizer.Load), encodes a prompt with
// BOS and streams the tokens back to text.
func Example() {
	tokens := []string{"<unk>", "<s>", "</s>", "▁", "H", "e", "l", "o", "w", "r", "d",
		"He", "ll", "llo", "Hello", "▁Hello", "or", "wor", "ld", "world", "▁world"}
	types := []int32{2, 3, 3}
	for range tokens[3:] {
		types = append(types, 1)
	}
	scores := make([]float32, len(tokens))
	for i := range scores {
		scores[i] = float32(len(tokens[i])) // prefer longer pieces
	}
	md := gguf.NewMetadata(
		gguf.KV{Key: "tokenizer.ggml.model", Value: "llama"},
		gguf.KV{Key: "tokenizer.ggml.tokens", Value: gguf.Array{Type: gguf.ValueString, Values: tokens}},
		gguf.KV{Key: "tokenizer.ggml.scores", Value: gguf.Array{Type: gguf.ValueFloat32, Values: scores}},
		gguf.KV{Key: "tokenizer.ggml.token_type", Value: gguf.Array{Type: gguf.ValueInt32, Values: types}},
	)
	tk, err := tokenizer.FromGGUF(md)
	if err != nil {
		fmt.Println(err)
		return
	}
	ids := tk.Encode("Hello world</s>", true, true)
	fmt.Println(ids)

	d := tk.NewStreamDecoder(false)
	text := ""
	for _, id := range ids {
		text += d.Next(id) // BOS and </s> render as nothing
	}
	fmt.Printf("%q\n", text+d.Flush())
	fmt.Println(tk.EOG(ids[len(ids)-1]))
	// Output:
	// [1 15 20 2]
	// " Hello world"
	// true
}
