package sample

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/golden files")

// TestGoldenTokens pins the token streams of several configurations for
// fixed seeds and logits. The package promises the same tokens on every
// platform and release for the same Seed and logits; this file is that
// promise checked: a change here means sampling output changed for users
// who pass a seed. Regenerate deliberately with -update.
func TestGoldenTokens(t *testing.T) {
	configs := []struct {
		name string
		p    Params
	}{
		{"default", DefaultParams()},
		{"llama-server", Params{Temperature: 0.8, TopK: 40, TopP: 0.95, MinP: 0.05, RepeatPenalty: 1.1, RepeatLastN: 64}},
		{"full-softmax", Params{Temperature: 1, TopP: 1}},
		{"top-p", Params{Temperature: 1.2, TopP: 0.9}},
		{"min-p", Params{Temperature: 0.7, TopP: 1, MinP: 0.1, FrequencyPenalty: 0.5, PresencePenalty: 0.3, RepeatLastN: -1}},
	}
	var sb strings.Builder
	for _, cfg := range configs {
		for _, seed := range []uint64{0, 42, 1 << 63} {
			p := cfg.p
			p.Seed = seed
			s := New(p)
			logits := goldenLogits(seed+1, 32000, 2.5)
			fmt.Fprintf(&sb, "%s seed=%d:", cfg.name, seed)
			for range 24 {
				id := s.Sample(slices.Clone(logits))
				s.Accept(id)
				fmt.Fprintf(&sb, " %d", id)
			}
			sb.WriteByte('\n')
		}
	}
	path := filepath.Join("testdata", "golden", "tokens.txt")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(sb.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run with -update to create it): %v", err)
	}
	if got := sb.String(); got != string(want) {
		t.Fatalf("token streams differ from %s:\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

// goldenLogits returns n bell-shaped logits (a sum of four uniforms, scaled)
// made with integer and exactly rounded float operations only, so the
// golden inputs are bit-identical on every platform.
func goldenLogits(seed uint64, n int, scale float32) []float32 {
	r := rand.NewPCG(seed, 99)
	l := make([]float32, n)
	for i := range l {
		sum := 0.0
		for range 4 {
			sum += float64(r.Uint64()>>11) * 0x1p-53
		}
		l[i] = float32(float32(sum-2) * scale)
	}
	return l
}
