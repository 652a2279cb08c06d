package sample

import (
	"encoding/binary"
	"math"
	"slices"
	"testing"
)

// FuzzSample feeds arbitrary float bit patterns (NaN, ±Inf, denormals,
// huge values) and parameters to Sample and SampleLogprobs. The token must
// be in range, never banned while something is not, and, when every logit
// is finite and moderate, inside the set the sorted reference keeps.
func FuzzSample(f *testing.F) {
	seed := func(vals ...float32) []byte {
		b := make([]byte, 4*len(vals))
		for i, v := range vals {
			binary.LittleEndian.PutUint32(b[4*i:], math.Float32bits(v))
		}
		return b
	}
	f.Add(seed(1, 2, 3, 4), uint8(10), uint8(2), uint8(90), uint8(5), uint64(1))
	f.Add(seed(0, 0, 0), uint8(0), uint8(0), uint8(100), uint8(0), uint64(2))
	f.Add(seed(float32(math.NaN()), 1, float32(math.Inf(1)), -3), uint8(7), uint8(0), uint8(50), uint8(50), uint64(3))
	f.Fuzz(func(t *testing.T, raw []byte, temp, topK, topP, minP uint8, seed uint64) {
		n := len(raw) / 4
		if n == 0 || n > 4096 {
			return
		}
		logits := make([]float32, n)
		moderate := true
		for i := range logits {
			logits[i] = math.Float32frombits(binary.LittleEndian.Uint32(raw[4*i:]))
			if !(math.Abs(float64(logits[i])) < 1e6) {
				moderate = false
			}
		}
		p := Params{
			Temperature: float32(temp) / 50,
			TopK:        int(topK % 16),
			TopP:        float32(topP%101) / 100,
			MinP:        float32(minP%101) / 100,
			Seed:        seed,
			TopLogprobs: int(topK % 5),
			LogitBias:   map[int32]float32{0: -100},
		}
		ref := slices.Clone(logits)
		ref[0] = negInf
		s := New(p)
		var lp Logprobs
		id := s.SampleLogprobs(slices.Clone(logits), &lp)
		if id < 0 || int(id) >= n {
			t.Fatalf("token %d out of range [0, %d)", id, n)
		}
		if id == 0 && slices.ContainsFunc(ref[1:], func(v float32) bool { return v > negInf }) {
			t.Fatalf("sampled banned token 0 while others are allowed: %v", logits)
		}
		if len(lp.Top) > p.TopLogprobs {
			t.Fatalf("%d top logprobs, asked for %d", len(lp.Top), p.TopLogprobs)
		}
		if !moderate {
			return
		}
		for _, tl := range lp.Top {
			if !(tl.Logprob <= 1e-5) {
				t.Fatalf("logprob %v > 0", tl.Logprob)
			}
		}
		if len(refOrder(ref)) == 0 {
			return
		}
		var want []int32
		if p.Temperature > 0 {
			want = refTruncate(ref, p.TopK, float64(p.TopP), float64(p.MinP))
		} else {
			want = refOrder(ref)[:1]
		}
		if !slices.Contains(want, id) {
			// Accept a disagreement only at a rounding boundary of top-p:
			// the token must be the reference's next one.
			longer := refTruncate(ref, p.TopK, math.Min(float64(p.TopP)+1e-9, 1), float64(p.MinP))
			if p.Temperature <= 0 || !slices.Contains(longer, id) {
				t.Fatalf("sampled %d, outside the reference set %v (params %+v, logits %v)", id, want, p, logits)
			}
		}
	})
}
