package embedding

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
)

// BenchmarkEmbed times pooled embeddings of batches of texts of 64 and 256
// tokens with the model at $GAIANET_BENCH_EMBED_MODEL (skipped when unset),
// to compare with `llamaref bench-embed MODEL THREADS NTEXTS TOKENS`.
// $GAIANET_BENCH_EMBED_THREADS (default 2) and $GAIANET_BENCH_EMBED_TEXTS
// (default 16) set the threads and the texts per Embed call,
// $GAIANET_BENCH_EMBED_BATCH Options.BatchTokens.
func BenchmarkEmbed(b *testing.B) {
	path := os.Getenv("GAIANET_BENCH_EMBED_MODEL")
	if path == "" {
		b.Skip("GAIANET_BENCH_EMBED_MODEL is not set")
	}
	threads := envInt("GAIANET_BENCH_EMBED_THREADS", 2)
	nTexts := envInt("GAIANET_BENCH_EMBED_TEXTS", 16)
	m, err := Load(path, nil, Options{Threads: threads, BatchTokens: envInt("GAIANET_BENCH_EMBED_BATCH", 0)})
	if err != nil {
		b.Fatal(err)
	}
	defer m.Close()
	typ := m.w.layers[0].up.typ
	for _, n := range []int{64, 256} {
		if n > m.MaxTokens() {
			continue
		}
		b.Run(fmt.Sprintf("%s/%d", typ, n), func(b *testing.B) {
			rng := rand.New(rand.NewPCG(1, uint64(n)))
			seqs := make([][]int32, nTexts)
			for i := range seqs {
				s := make([]int32, n)
				for j := range s {
					s[j] = int32(1000 + rng.IntN(m.w.tokEmbd.rows-1000))
				}
				seqs[i] = s
			}
			ctx := context.Background()
			if _, err := m.EmbedTokens(ctx, seqs); err != nil { // warm-up
				b.Fatal(err)
			}
			b.ReportAllocs()
			cpu0 := cpuTime()
			b.ResetTimer()
			for b.Loop() {
				if _, err := m.EmbedTokens(ctx, seqs); err != nil {
					b.Fatal(err)
				}
			}
			sec := b.Elapsed().Seconds()
			tokens := float64(b.N * nTexts * n)
			b.ReportMetric(float64(b.N*nTexts)/sec, "texts/s")
			b.ReportMetric(tokens/sec, "tokens/s")
			// Tokens per CPU second (user+sys of the whole process) is
			// steadier than wall time on a shared machine.
			if cpu := cpuTime() - cpu0; cpu > 0 {
				b.ReportMetric(tokens/cpu, "tokens/cpu-s")
			}
		})
	}
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}
