package ingest_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/gaianet-go/gaianet/ingest"
)

// words counts white-space separated words; a real node passes its
// embedding model's tokenizer.
type words struct{}

func (words) CountTokens(s string) int { return len(strings.Fields(s)) }

func ExampleIngester() {
	in := &ingest.Ingester{
		Chunker: ingest.Chunker{Counter: words{}, Size: 128, Overlap: 16},
		Progress: func(p ingest.Progress) {
			if p.Source != "" {
				fmt.Printf("[%d/%d] %s: %d chunks\n", p.Done, p.Total, p.Source, p.Chunks)
			}
		},
	}
	results, err := in.Ingest(context.Background(), "testdata/sample.md", "testdata/sample.csv")
	if err != nil {
		fmt.Println("some inputs failed:", err)
	}
	for _, c := range results[0].Doc.Chunks[:3] {
		fmt.Printf("%q\n", c.Heading)
	}
	// Output:
	// [1/2] testdata/sample.md: 6 chunks
	// [2/2] testdata/sample.csv: 4 chunks
	// ""
	// "# Guide"
	// "# Guide > ## Install"
}
