package tokenizer

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"

	"github.com/gaianet-go/gaianet/gguf"
)

var _ Metadata = gguf.Metadata{}

// Load opens the GGUF file at path and builds its tokenizer.
func Load(path string) (*Tokenizer, error) {
	f, err := gguf.Open(path)
	if err != nil {
		return nil, fmt.Errorf("tokenizer: %w", err)
	}
	defer f.Close()
	t, err := FromGGUF(f.Metadata)
	if err != nil {
		return nil, fmt.Errorf("%w (%s)", err, path)
	}
	return t, nil
}

// ConformanceCase is one line of a llama.cpp tokenizer reference file.
type ConformanceCase struct {
	Text           string  `json:"text"`
	IDs            []int32 `json:"ids"`              // Encode(text, false, false)
	IDsWithSpecial []int32 `json:"ids_with_special"` // Encode(text, true, true)
	Decoded        string  `json:"decoded"`          // Decode(IDs)
}

// Check compares t's output with c and returns a description of the first
// difference, or "" when all three agree.
func (t *Tokenizer) Check(c ConformanceCase) string {
	if got := t.Encode(c.Text, false, false); !slices.Equal(got, c.IDs) {
		return fmt.Sprintf("text %q: ids %v, want %v", c.Text, got, c.IDs)
	}
	if got := t.Encode(c.Text, true, true); !slices.Equal(got, c.IDsWithSpecial) {
		return fmt.Sprintf("text %q: ids_with_special %v, want %v", c.Text, got, c.IDsWithSpecial)
	}
	if got := t.Decode(c.IDs); got != c.Decoded {
		return fmt.Sprintf("text %q: decoded %q, want %q", c.Text, got, c.Decoded)
	}
	return ""
}

// RunConformance loads the tokenizer of the GGUF file modelPath and checks
// every line of the JSON-lines reference file dataPath (fields text, ids,
// ids_with_special, decoded). It returns the number of lines, how many
// disagree and a description of the first disagreement. err reports files
// that cannot be read or parsed, or ctx ending.
func RunConformance(ctx context.Context, modelPath, dataPath string) (lines, mismatches int, firstMismatch string, err error) {
	t, err := Load(modelPath)
	if err != nil {
		return 0, 0, "", err
	}
	f, err := os.Open(dataPath)
	if err != nil {
		return 0, 0, "", fmt.Errorf("tokenizer: conformance data: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<26)
	for sc.Scan() {
		if err := ctx.Err(); err != nil {
			return lines, mismatches, firstMismatch, err
		}
		if len(sc.Bytes()) == 0 {
			continue
		}
		var c ConformanceCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			return lines, mismatches, firstMismatch, fmt.Errorf("tokenizer: %s line %d: %w", dataPath, lines+1, err)
		}
		lines++
		if msg := t.Check(c); msg != "" {
			mismatches++
			if firstMismatch == "" {
				firstMismatch = fmt.Sprintf("line %d: %s", lines, msg)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return lines, mismatches, firstMismatch, fmt.Errorf("tokenizer: %s: %w", dataPath, err)
	}
	return lines, mismatches, firstMismatch, nil
}
