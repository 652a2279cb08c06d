package sample

import (
	"fmt"
	"testing"
)

type benchConfig struct {
	name     string
	p        Params
	logprobs bool
}

func benchConfigs() []benchConfig {
	server := Params{Temperature: 0.8, TopK: 40, TopP: 0.95, MinP: 0.05, RepeatPenalty: 1, RepeatLastN: 64}
	penalties := server
	penalties.RepeatPenalty, penalties.FrequencyPenalty, penalties.PresencePenalty = 1.1, 0.2, 0.1
	bias := DefaultParams()
	bias.LogitBias = map[int32]float32{1: -100, 2: 5, 3: -3}
	return []benchConfig{
		{name: "greedy", p: Params{}},
		{name: "default", p: DefaultParams()},
		{name: "llama-server", p: server},
		{name: "penalties", p: penalties},
		{name: "bias", p: bias},
		{name: "openai-full-softmax", p: Params{Temperature: 1, TopP: 1}},
		{name: "top-p-0.9", p: Params{Temperature: 1, TopP: 0.9}},
		{name: "min-p-only", p: Params{Temperature: 1, TopP: 1, MinP: 0.05}},
		{name: "logprobs-5", p: DefaultParams(), logprobs: true},
	}
}

// BenchmarkSample times one Sample (+ Accept) per op over logits shaped like
// a real model's (normal, σ = 3). Logits are not restored between ops: only
// the few penalized/biased entries drift, which does not change the work.
// cpu-ns/op is process CPU time per op, for shared, overloaded machines.
func BenchmarkSample(b *testing.B) {
	for _, bc := range benchConfigs() {
		for _, n := range []int{32000, 152064} {
			b.Run(fmt.Sprintf("%s/vocab=%d", bc.name, n), func(b *testing.B) {
				logits := randomLogits(1, n, 3)
				s := New(bc.p)
				var lp Logprobs
				b.SetBytes(int64(4 * n))
				b.ReportAllocs()
				cpu0, ops := processCPU(), 0
				for b.Loop() {
					ops++
					var id int32
					if bc.logprobs {
						id = s.SampleLogprobs(logits, &lp)
					} else {
						id = s.Sample(logits)
					}
					s.Accept(id)
				}
				// Run with GOMAXPROCS=1 for this to be the sampler's own time.
				b.ReportMetric(float64(processCPU()-cpu0)/float64(ops), "cpu-ns/op")
			})
		}
	}
}

// BenchmarkStopMatcher times one Append of a typical token piece with two
// typical chat stop strings.
func BenchmarkStopMatcher(b *testing.B) {
	m := NewStopMatcher([]string{"<|im_end|>", "\nUser:"})
	pieces := []string{"The", " quick", " <", "|im", " fox", "\n", "Use", "d", " jumps", "."}
	buf := make([]byte, 0, 64)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		buf, _ = m.Append(buf[:0], pieces[i%len(pieces)])
		i++
	}
}
