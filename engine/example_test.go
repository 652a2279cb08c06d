package engine_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/gaianet-go/gaianet/engine"
	"github.com/gaianet-go/gaianet/sample"
)

// Example serves one completion with a sampler from package sample,
// streaming its text.
func Example() {
	e, err := engine.Load("model.gguf", engine.Options{CtxSize: 4096, Parallel: 4, ContextShift: true})
	if err != nil {
		log.Fatal(err)
	}
	defer e.Close()
	prompt := e.Tokenizer().Encode("The capital of France is", true, true)
	p := sample.DefaultParams()
	p.Seed = 42
	res, err := e.Generate(context.Background(), engine.Request{
		Prompt:    prompt,
		MaxTokens: 64,
		Sampler:   sample.New(p),
		Stop:      []string{"\n\n"},
	}, func(t engine.Token) error {
		_, err := fmt.Fprint(os.Stdout, t.Text)
		return err
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("\n[%s after %d tokens, %d prompt tokens reused]\n", res.FinishReason, res.GeneratedTokens, res.CachedTokens)
}
