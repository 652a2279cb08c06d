package sample

import (
	"cmp"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

var negInf = float32(math.Inf(-1))

// randomLogits returns n logits drawn from N(0, scale²) with a fixed seed.
func randomLogits(seed uint64, n int, scale float64) []float32 {
	r := rand.New(rand.NewPCG(seed, 7))
	l := make([]float32, n)
	for i := range l {
		l[i] = float32(r.NormFloat64() * scale)
	}
	return l
}

// logitsFromProbs returns ln p for each p.
func logitsFromProbs(p ...float64) []float32 {
	l := make([]float32, len(p))
	for i, x := range p {
		l[i] = float32(math.Log(x))
	}
	return l
}

// refOrder returns the ids of logits sorted best first (logit desc, id
// asc), finite logits only: the full sort the sampler avoids.
func refOrder(logits []float32) []int32 {
	var ids []int32
	for i, v := range logits {
		if v > negInf {
			ids = append(ids, int32(i))
		}
	}
	slices.SortStableFunc(ids, func(a, b int32) int { return cmp.Compare(logits[b], logits[a]) })
	return ids
}

// refTruncate is a straightforward reference for top-k → top-p → min-p over
// a fully sorted copy, in float64 with math.Exp.
func refTruncate(logits []float32, topK int, topP, minP float64) []int32 {
	ids := refOrder(logits)
	if topK > 0 && topK < len(logits) && topK < len(ids) {
		ids = ids[:topK]
	}
	if topP < 1 && len(ids) > 0 {
		mx := float64(logits[ids[0]])
		sum := 0.0
		for _, id := range ids {
			sum += math.Exp(float64(logits[id]) - mx)
		}
		cum := 0.0
		for i, id := range ids {
			cum += math.Exp(float64(logits[id])-mx) / sum
			if cum >= max(topP, 0) {
				ids = ids[:i+1]
				break
			}
		}
	}
	if minP > 0 && len(ids) > 0 {
		floor := logits[ids[0]] + float32(math.Log(minP))
		keep := 0
		for keep < len(ids) && logits[ids[keep]] >= floor {
			keep++
		}
		ids = ids[:keep]
	}
	return ids
}

// candidateSet runs only the truncation stages and returns the kept ids,
// sorted by id.
func candidateSet(s *Sampler, logits []float32) []int32 {
	c, full, _ := s.truncate(logits)
	var ids []int32
	if full {
		ids = refOrder(logits)
	} else {
		for _, x := range c {
			ids = append(ids, x.id)
		}
	}
	slices.Sort(ids)
	return ids
}

func sortedCopy(ids []int32) []int32 {
	c := slices.Clone(ids)
	slices.Sort(c)
	return c
}

func TestValidate(t *testing.T) {
	nan := float32(math.NaN())
	tests := []struct {
		name string
		edit func(*Params)
		ok   bool
	}{
		{"defaults", func(*Params) {}, true},
		{"zero value", func(p *Params) { *p = Params{} }, true},
		{"greedy", func(p *Params) { p.Temperature = 0 }, true},
		{"negative temperature", func(p *Params) { p.Temperature = -1 }, false},
		{"NaN temperature", func(p *Params) { p.Temperature = nan }, false},
		{"top_p above 1", func(p *Params) { p.TopP = 1.5 }, false},
		{"top_p 0", func(p *Params) { p.TopP = 0 }, true},
		{"min_p negative", func(p *Params) { p.MinP = -0.1 }, false},
		{"repeat_penalty 0 disables", func(p *Params) { p.RepeatPenalty = 0 }, true},
		{"repeat_penalty negative", func(p *Params) { p.RepeatPenalty = -1 }, false},
		{"repeat_last_n -1", func(p *Params) { p.RepeatLastN = -1 }, true},
		{"repeat_last_n -2", func(p *Params) { p.RepeatLastN = -2 }, false},
		{"infinite frequency", func(p *Params) { p.FrequencyPenalty = float32(math.Inf(1)) }, false},
		{"negative top_logprobs", func(p *Params) { p.TopLogprobs = -1 }, false},
		{"bias ban", func(p *Params) { p.LogitBias = map[int32]float32{3: -100, 4: negInf} }, true},
		{"bias negative id", func(p *Params) { p.LogitBias = map[int32]float32{-3: 1} }, false},
		{"bias NaN", func(p *Params) { p.LogitBias = map[int32]float32{3: nan} }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := DefaultParams()
			tt.edit(&p)
			err := p.Validate()
			if (err == nil) != tt.ok {
				t.Fatalf("Validate() = %v, want ok=%v", err, tt.ok)
			}
			if err != nil && !errors.Is(err, ErrInvalidParams) {
				t.Fatalf("error %v does not wrap ErrInvalidParams", err)
			}
		})
	}
}

func TestGreedy(t *testing.T) {
	nan := float32(math.NaN())
	tests := []struct {
		name   string
		logits []float32
		p      Params
		want   int32
	}{
		{"plain", []float32{0.1, 3, -2, 2.9}, Params{}, 1},
		{"tie goes to lower id", []float32{1, 5, 5, 0}, Params{}, 1},
		{"NaN never wins", []float32{nan, 1, nan, 0.5}, Params{}, 1},
		{"negative temperature is greedy", []float32{0, 0, 1}, Params{Temperature: -1}, 2},
		{"bias moves arg-max", []float32{1, 2, 3}, Params{LogitBias: map[int32]float32{0: 2.5}}, 0},
		{"ban arg-max", []float32{1, 2, 30}, Params{LogitBias: map[int32]float32{2: -100}}, 1},
		{"bias id past vocabulary ignored", []float32{1, 2}, Params{LogitBias: map[int32]float32{9: 100}}, 1},
		{"all banned returns 0", []float32{1, 2}, Params{LogitBias: map[int32]float32{0: -100, 1: -100}}, 0},
		{"single token", []float32{-7}, Params{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := New(tt.p).Sample(slices.Clone(tt.logits)); got != tt.want {
				t.Fatalf("Sample = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestTopKOneIsGreedy(t *testing.T) {
	for seed := range uint64(20) {
		logits := randomLogits(seed, 5000, 3)
		p := DefaultParams()
		p.TopK = 1
		p.Seed = seed
		p.RepeatPenalty = 1.3
		p.FrequencyPenalty = 0.2
		s := New(p)
		g := New(Params{RepeatPenalty: 1.3, FrequencyPenalty: 0.2, RepeatLastN: 64})
		for step := range 10 {
			a, b := slices.Clone(logits), slices.Clone(logits)
			got, want := s.Sample(a), g.Sample(b)
			if got != want {
				t.Fatalf("seed %d step %d: top-k=1 sampled %d, greedy %d", seed, step, got, want)
			}
			s.Accept(got)
			g.Accept(want)
		}
	}
}

func TestSelectTopK(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for trial := range 300 {
		n := 1 + r.IntN(300)
		logits := make([]float32, n)
		for i := range logits {
			switch r.IntN(10) {
			case 0:
				logits[i] = negInf
			case 1:
				logits[i] = float32(math.NaN())
			case 2, 3:
				logits[i] = float32(r.IntN(4)) // many ties
			default:
				logits[i] = float32(r.NormFloat64())
			}
		}
		k := 1 + r.IntN(n+5)
		got := selectTopK(nil, logits, k)
		want := refOrder(logits)
		if len(want) > k {
			want = want[:k]
		}
		if len(got) != len(want) {
			t.Fatalf("trial %d: %d candidates, want %d", trial, len(got), len(want))
		}
		for i := range got {
			if got[i].id != want[i] || got[i].logit != logits[want[i]] {
				t.Fatalf("trial %d: candidate %d = %+v, want id %d", trial, i, got[i], want[i])
			}
		}
	}
}

// TestTruncation compares the kept candidate set with a fully sorted
// reference for many configurations, including top-p without top-k over a
// large vocabulary (partial selection and heap fallback).
func TestTruncation(t *testing.T) {
	configs := []struct {
		topK       int
		topP, minP float32
	}{
		{40, 1, 0}, {40, 0.95, 0.05}, {40, 0.5, 0}, {5, 0.9, 0.3}, {0, 0.9, 0},
		{0, 0.999, 0}, {0, 1, 0.05}, {0, 0.5, 0.5}, {0, 0, 0}, {3, 0, 0}, {100000, 0.8, 0},
	}
	for _, cfg := range configs {
		for _, scale := range []float64{0.05, 1, 4} {
			for seed := range uint64(3) {
				logits := randomLogits(seed, 20000, scale)
				p := Params{Temperature: 1, TopK: cfg.topK, TopP: cfg.topP, MinP: cfg.minP}
				got := candidateSet(New(p), logits)
				want := sortedCopy(refTruncate(logits, cfg.topK, float64(cfg.topP), float64(cfg.minP)))
				if !slices.Equal(got, want) {
					t.Fatalf("k=%d p=%v minp=%v scale=%v seed=%d: kept %d tokens, reference %d",
						cfg.topK, cfg.topP, cfg.minP, scale, seed, len(got), len(want))
				}
			}
		}
	}
}

func TestTopPMinimalNucleus(t *testing.T) {
	probs := []float64{0.05, 0.5, 0.15, 0.3} // best first: 1, 3, 2, 0
	tests := []struct {
		topP float32
		want []int32
	}{
		{0.4, []int32{1}},
		{0.75, []int32{1, 3}},
		{0.85, []int32{1, 2, 3}},
		{0.97, []int32{0, 1, 2, 3}},
		{0, []int32{1}},
		{1, []int32{0, 1, 2, 3}},
	}
	for _, tt := range tests {
		for _, topK := range []int{0, 3, 4} {
			p := Params{Temperature: 1, TopK: topK, TopP: tt.topP, Seed: 9}
			s := New(p)
			want := tt.want
			if topK == 3 {
				want = sortedCopy(refTruncate(logitsFromProbs(probs...), 3, float64(tt.topP), 0))
			}
			if got := candidateSet(s, logitsFromProbs(probs...)); !slices.Equal(got, want) {
				t.Errorf("top_p=%v top_k=%d: kept %v, want %v", tt.topP, topK, got, want)
			}
			// Sampling only ever returns nucleus tokens, and all of them.
			seen := map[int32]bool{}
			for range 4000 {
				seen[s.Sample(logitsFromProbs(probs...))] = true
			}
			for id := range seen {
				if !slices.Contains(want, id) {
					t.Errorf("top_p=%v top_k=%d: sampled %d outside the nucleus %v", tt.topP, topK, id, want)
				}
			}
			if len(seen) != len(want) {
				t.Errorf("top_p=%v top_k=%d: sampled %d distinct tokens, nucleus has %d", tt.topP, topK, len(seen), len(want))
			}
		}
	}
}

func TestMinP(t *testing.T) {
	probs := []float64{0.15, 0.05, 0.5, 0.3}
	tests := []struct {
		minP float32
		want []int32
	}{
		{0.05, []int32{0, 1, 2, 3}},
		{0.2, []int32{0, 2, 3}},  // floor 0.1
		{0.35, []int32{2, 3}},    // floor 0.175
		{0.7, []int32{2}},        // floor 0.35
		{1, []int32{2}},          // only the best
		{0, []int32{0, 1, 2, 3}}, // disabled
	}
	for _, tt := range tests {
		for _, topK := range []int{0, 4, 40} {
			s := New(Params{Temperature: 1, TopK: topK, TopP: 1, MinP: tt.minP})
			if got := candidateSet(s, logitsFromProbs(probs...)); !slices.Equal(got, tt.want) {
				t.Errorf("min_p=%v top_k=%d: kept %v, want %v", tt.minP, topK, got, tt.want)
			}
		}
	}
}

func TestPenalties(t *testing.T) {
	base := []float32{2, -1, 0, 3, 1.5, -0.5}
	tests := []struct {
		name    string
		p       Params
		history []int32
		want    []float32
	}{
		{
			name:    "repeat divides positive, multiplies negative",
			p:       Params{RepeatPenalty: 2, RepeatLastN: 64},
			history: []int32{0, 1, 2},
			want:    []float32{1, -2, 0, 3, 1.5, -0.5},
		},
		{
			name:    "frequency counts, presence once",
			p:       Params{RepeatPenalty: 1, FrequencyPenalty: 0.5, PresencePenalty: 0.25, RepeatLastN: 64},
			history: []int32{3, 3, 3, 4},
			want:    []float32{2, -1, 0, 3 - 1.5 - 0.25, 1.5 - 0.5 - 0.25, -0.5},
		},
		{
			name:    "all three",
			p:       Params{RepeatPenalty: 1.25, FrequencyPenalty: 0.1, PresencePenalty: 1, RepeatLastN: 64},
			history: []int32{5, 5, 0},
			want:    []float32{2/1.25 - 0.1 - 1, -1, 0, 3, 1.5, -0.5*1.25 - 0.2 - 1},
		},
		{
			name:    "window keeps only the last n",
			p:       Params{RepeatPenalty: 2, RepeatLastN: 2},
			history: []int32{3, 3, 0, 4, 0},
			want:    []float32{1, -1, 0, 3, 0.75, -0.5},
		},
		{
			name:    "unbounded window",
			p:       Params{RepeatPenalty: 1, FrequencyPenalty: 1, RepeatLastN: -1},
			history: []int32{1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
			want:    []float32{2, -11, 0, 3, 1.5, -0.5},
		},
		{
			name:    "window 0 disables",
			p:       Params{RepeatPenalty: 2, FrequencyPenalty: 1, RepeatLastN: 0},
			history: []int32{0, 1},
			want:    base,
		},
		{
			name:    "ids past vocabulary ignored",
			p:       Params{RepeatPenalty: 2, RepeatLastN: 8},
			history: []int32{100, 3},
			want:    []float32{2, -1, 0, 1.5, 1.5, -0.5},
		},
		{
			name:    "bias applies before penalties",
			p:       Params{RepeatPenalty: 2, RepeatLastN: 8, LogitBias: map[int32]float32{1: 3}},
			history: []int32{1},
			want:    []float32{2, 1, 0, 3, 1.5, -0.5},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New(tt.p)
			for _, id := range tt.history {
				s.Accept(id)
			}
			got := slices.Clone(base)
			s.Sample(got)
			for i := range got {
				if math.Abs(float64(got[i]-tt.want[i])) > 1e-6 {
					t.Fatalf("logits after penalties = %v, want %v", got, tt.want)
				}
			}
			// Reset forgets the history.
			s.Reset()
			again := slices.Clone(base)
			s.Sample(again)
			for i := range again {
				want := base[i]
				if b, ok := tt.p.LogitBias[int32(i)]; ok {
					want += b
				}
				if again[i] != want {
					t.Fatalf("after Reset logits = %v, want only bias applied to %v", again, base)
				}
			}
		})
	}
}

func TestAcceptNoAllocs(t *testing.T) {
	for _, window := range []int{1, 64, 1000} {
		s := New(Params{RepeatPenalty: 1.1, RepeatLastN: window})
		i := int32(0)
		if a := testing.AllocsPerRun(3*window, func() { s.Accept(i); i++ }); a != 0 {
			t.Fatalf("window %d: Accept allocated %v times per call", window, a)
		}
	}
}

func TestCountTable(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	var tab countTable
	ref := map[int32]int32{}
	var live []int32
	for step := range 200000 {
		if len(live) > 0 && (r.IntN(2) == 0 || len(live) > 3000) {
			i := r.IntN(len(live))
			tok := live[i]
			live[i] = live[len(live)-1]
			live = live[:len(live)-1]
			tab.dec(tok)
			if ref[tok]--; ref[tok] == 0 {
				delete(ref, tok)
			}
		} else {
			tok := int32(r.IntN(5000))
			live = append(live, tok)
			tab.inc(tok)
			ref[tok]++
		}
		if step%997 == 0 {
			if tab.n != len(ref) {
				t.Fatalf("step %d: %d distinct, want %d", step, tab.n, len(ref))
			}
			for tok, n := range ref {
				if got := tab.get(tok); got != n {
					t.Fatalf("step %d: count(%d) = %d, want %d", step, tok, got, n)
				}
			}
			for tok := int32(0); tok < 5000; tok += 7 {
				if got := tab.get(tok); got != ref[tok] {
					t.Fatalf("step %d: count(%d) = %d, want %d", step, tok, got, ref[tok])
				}
			}
		}
	}
}

func TestBiasBans(t *testing.T) {
	logits := []float32{0, 10, 1, 0.5}
	for _, cfg := range []Params{
		{Temperature: 1, TopP: 1},
		{Temperature: 2, TopK: 40, TopP: 0.95, MinP: 0.05},
		{Temperature: 100, TopK: 2, TopP: 1},
	} {
		cfg.LogitBias = map[int32]float32{1: -100}
		s := New(cfg)
		for range 2000 {
			if id := s.Sample(slices.Clone(logits)); id == 1 {
				t.Fatalf("%+v: sampled banned token 1", cfg)
			}
		}
	}
}

// chiSquare returns Pearson's statistic for counts against probabilities.
func chiSquare(counts []int, probs []float64, n int) float64 {
	x := 0.0
	for i, c := range counts {
		e := probs[i] * float64(n)
		x += (float64(c) - e) * (float64(c) - e) / e
	}
	return x
}

func softmax(logits []float32, temp float64) []float64 {
	mx := math.Inf(-1)
	for _, v := range logits {
		mx = math.Max(mx, float64(v))
	}
	p := make([]float64, len(logits))
	sum := 0.0
	for i, v := range logits {
		p[i] = math.Exp((float64(v) - mx) / temp)
		sum += p[i]
	}
	for i := range p {
		p[i] /= sum
	}
	return p
}

// TestDistribution checks that draws at temperature T follow
// softmax(logits/T): a chi-square test at the 0.1% level (df = 7, critical
// value 24.32) with a fixed seed, through both the whole-vocabulary path and
// the candidate path.
func TestDistribution(t *testing.T) {
	logits := []float32{1, 0.5, -0.3, 2, 1.7, -1, 0, 0.9}
	const draws = 100000
	for _, temp := range []float32{0.5, 1, 1.7} {
		for _, topK := range []int{0, 8, 7} {
			p := Params{Temperature: temp, TopK: topK, TopP: 1, Seed: 1234}
			s := New(p)
			l := slices.Clone(logits)
			want := softmax(l, float64(temp))
			df := 7
			if topK == 7 { // token 5 (the lowest) is cut; renormalize
				want = softmax(slices.Delete(slices.Clone(l), 5, 6), float64(temp))
				want = slices.Insert(want, 5, 0)
				df = 6
			}
			counts := make([]int, len(l))
			for range draws {
				counts[s.Sample(l)]++
			}
			if topK == 7 && counts[5] != 0 {
				t.Fatalf("T=%v top_k=7: sampled the cut token %d times", temp, counts[5])
			}
			var c []int
			var pr []float64
			for i := range counts {
				if want[i] > 0 {
					c, pr = append(c, counts[i]), append(pr, want[i])
				}
			}
			crit := map[int]float64{7: 24.32, 6: 22.46}[df]
			if x := chiSquare(c, pr, draws); x > crit {
				t.Errorf("T=%v top_k=%d: chi-square %.2f > %.2f (counts %v, want %v)", temp, topK, x, crit, counts, want)
			}
		}
	}
}

func TestDeterminism(t *testing.T) {
	logits := randomLogits(11, 32000, 2)
	run := func(s *Sampler) []int32 {
		var out []int32
		for range 50 {
			id := s.Sample(slices.Clone(logits))
			s.Accept(id)
			out = append(out, id)
		}
		return out
	}
	p := DefaultParams()
	p.Seed = 77
	p.RepeatPenalty = 1.1
	a, b := New(p), New(p)
	first := run(a)
	if second := run(b); !slices.Equal(first, second) {
		t.Fatalf("same seed, different tokens:\n%v\n%v", first, second)
	}
	a.Reset()
	if again := run(a); !slices.Equal(first, again) {
		t.Fatalf("after Reset, different tokens:\n%v\n%v", first, again)
	}
	p.Seed = 78
	if other := run(New(p)); slices.Equal(first, other) {
		t.Fatalf("seeds 77 and 78 gave the same 50 tokens")
	}
}

func TestLogprobs(t *testing.T) {
	logits := randomLogits(21, 3000, 2)
	bias := map[int32]float32{10: -100, 11: 4}
	var chosen []float32
	for _, temp := range []float32{0, 0.5, 2} {
		p := Params{Temperature: temp, TopK: 40, TopP: 0.9, RepeatPenalty: 1.5, RepeatLastN: 8, LogitBias: bias, TopLogprobs: 5, Seed: 3}
		s := New(p)
		s.Accept(7)
		s.Accept(7)
		var lp Logprobs
		l := slices.Clone(logits)
		id := s.SampleLogprobs(l, &lp)

		// Reference: log-softmax of the biased, penalized logits.
		ref := slices.Clone(logits)
		ref[11] += 4
		ref[10] = negInf
		if ref[7] > 0 {
			ref[7] /= 1.5
		} else {
			ref[7] *= 1.5
		}
		mx := math.Inf(-1)
		for _, v := range ref {
			mx = math.Max(mx, float64(v))
		}
		sum := 0.0
		for _, v := range ref {
			sum += math.Exp(float64(v) - mx)
		}
		lse := mx + math.Log(sum)
		if lp.Chosen.ID != id {
			t.Fatalf("Chosen.ID %d != returned %d", lp.Chosen.ID, id)
		}
		if want := float64(ref[id]) - lse; math.Abs(float64(lp.Chosen.Logprob)-want) > 1e-5 {
			t.Fatalf("T=%v: chosen logprob %v, want %v", temp, lp.Chosen.Logprob, want)
		}
		order := refOrder(ref)
		if len(lp.Top) != 5 {
			t.Fatalf("T=%v: %d top logprobs, want 5", temp, len(lp.Top))
		}
		for i, tl := range lp.Top {
			want := float64(ref[order[i]]) - lse
			if tl.ID != order[i] || math.Abs(float64(tl.Logprob)-want) > 1e-5 {
				t.Fatalf("T=%v: top[%d] = %+v, want {%d %v}", temp, i, tl, order[i], want)
			}
			if tl.ID == 10 {
				t.Fatalf("banned token in top logprobs")
			}
		}
		chosen = append(chosen, lp.Top[0].Logprob)
	}
	// Temperature does not change reported logprobs.
	if chosen[0] != chosen[1] || chosen[1] != chosen[2] {
		t.Fatalf("top logprob varies with temperature: %v", chosen)
	}
}

func TestLogprobsFewerFiniteThanRequested(t *testing.T) {
	s := New(Params{TopLogprobs: 5, LogitBias: map[int32]float32{0: -100}})
	lp := Logprobs{Top: make([]TokenLogprob, 0, 8)}
	id := s.SampleLogprobs([]float32{3, 1, 2}, &lp)
	if id != 2 {
		t.Fatalf("greedy picked %d, want 2", id)
	}
	if len(lp.Top) != 2 || lp.Top[0].ID != 2 || lp.Top[1].ID != 1 {
		t.Fatalf("Top = %+v, want ids 2, 1", lp.Top)
	}
	total := math.Exp(float64(lp.Top[0].Logprob)) + math.Exp(float64(lp.Top[1].Logprob))
	if math.Abs(total-1) > 1e-6 {
		t.Fatalf("probabilities sum to %v", total)
	}
}

func TestDegenerateLogits(t *testing.T) {
	nan := float32(math.NaN())
	inf := float32(math.Inf(1))
	tests := []struct {
		name   string
		logits []float32
		want   []int32 // acceptable results
	}{
		{"all -Inf", []float32{negInf, negInf, negInf}, []int32{0}},
		{"all NaN", []float32{nan, nan}, []int32{0}},
		{"NaN and one finite", []float32{nan, 1, nan}, []int32{1}},
		{"+Inf wins", []float32{1, inf, 2}, []int32{1}},
		{"one token", []float32{0}, []int32{0}},
	}
	configs := []Params{
		{Temperature: 1, TopP: 1},
		{Temperature: 1, TopK: 2, TopP: 1},
		{Temperature: 1, TopP: 0.5},
		{Temperature: 1, TopP: 1, MinP: 0.1},
		DefaultParams(),
	}
	for _, tt := range tests {
		for _, cfg := range configs {
			s := New(cfg)
			for range 20 {
				if got := s.Sample(slices.Clone(tt.logits)); !slices.Contains(tt.want, got) {
					t.Fatalf("%s with %+v: Sample = %d, want one of %v", tt.name, cfg, got, tt.want)
				}
			}
		}
	}
}

// TestNoAllocs checks that after one call no Sample or SampleLogprobs
// allocates, whatever the shape of the logits: peaked ones keep few
// candidates, flat ones almost all of them.
func TestNoAllocs(t *testing.T) {
	shapes := [][]float32{
		randomLogits(1, 32000, 3),
		randomLogits(2, 32000, 0.01), // nearly uniform: top-p and min-p keep most
		randomLogits(3, 32000, 30),   // very peaked
	}
	for _, bc := range benchConfigs() {
		t.Run(bc.name, func(t *testing.T) {
			work := make([]float32, len(shapes[0]))
			s := New(bc.p)
			lp := Logprobs{Top: make([]TokenLogprob, 0, bc.p.TopLogprobs)}
			i := 0
			step := func() {
				copy(work, shapes[i%len(shapes)])
				i++
				var id int32
				if bc.logprobs {
					id = s.SampleLogprobs(work, &lp)
				} else {
					id = s.Sample(work)
				}
				s.Accept(id)
			}
			step()         // the first call sizes the scratch buffers
			for range 70 { // fill the penalty window
				s.Accept(int32(i % 100))
				i++
			}
			if a := testing.AllocsPerRun(60, step); a != 0 {
				t.Fatalf("%v allocations per token, want 0", a)
			}
		})
	}
}
