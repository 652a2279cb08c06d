package sample_test

import (
	"fmt"

	"github.com/gaianet-go/gaianet/sample"
)

// Example shows the decode loop an engine runs: sample, accept, turn the
// token into text, and stream only what the StopMatcher releases.
func Example() {
	vocab := []string{"Hello", ",", " world", "!", "<end>"}
	// A stand-in for the model: it always prefers the next token of a script.
	script := []int32{0, 1, 2, 3, 4}
	step := 0
	model := func() []float32 {
		logits := make([]float32, len(vocab))
		logits[script[step%len(script)]] = 10
		return logits
	}

	p := sample.DefaultParams()
	p.Temperature = 0 // greedy
	p.TopLogprobs = 2
	s := sample.New(p)
	stop := sample.NewStopMatcher([]string{"!<end>"})
	var lp sample.Logprobs
	var out []byte
	for ; step < 10; step++ {
		id := s.SampleLogprobs(model(), &lp)
		s.Accept(id)
		var stopped bool
		out, stopped = stop.Append(out, vocab[id])
		if stopped {
			break
		}
	}
	fmt.Printf("%q\n", out)
	fmt.Printf("last token %d, top alternative %d\n", lp.Chosen.ID, lp.Top[1].ID)
	// Output:
	// "Hello, world"
	// last token 4, top alternative 0
}
