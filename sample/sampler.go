package sample

import (
	"math"
	"math/rand/v2"
	"slices"
)

// pcgStream is the second PCG seed word, Seed ^ pcgStream.
const pcgStream = 0x9e3779b97f4a7c15

// Sampler picks tokens from logits as described in the package comment. It
// keeps the penalty history and the generator state of one sequence and
// sizes its scratch buffers on the first call for a vocabulary size, so no
// later call allocates (see reserve for how much memory that is). It is not
// safe for concurrent use. Make one with New.
type Sampler struct {
	p      Params // as given to New, LogitBias excepted
	greedy bool
	topP   float64 // in [0,1]; 1 disables
	lnMinP float32 // ln(MinP); -Inf disables
	bias   []biasEntry
	pen    penalties
	rng    rand.PCG

	vocab   int       // vocabulary size the scratch below is sized for
	cands   []cand    // candidate scratch
	edge    []cand    // nucleusFull's crossing bucket
	weights []float64 // per-candidate softmax weights
	blocks  []float64 // drawFull's block sums
	top     []cand    // top-logprobs scratch
	mass    [nucleusBuckets]float64
}

type biasEntry struct {
	id   int32
	bias float32 // -Inf bans
}

// cand is a candidate token with its (possibly biased/penalized) logit.
type cand struct {
	logit float32
	id    int32
}

// New returns a Sampler for p. It never fails: out-of-range values are read
// as documented on Params (use Params.Validate to reject them instead).
// The LogitBias map is copied.
func New(p Params) *Sampler {
	s := &Sampler{p: p}
	s.greedy = !(p.Temperature > 0)
	s.topP = float64(p.TopP)
	if !(s.topP < 1) {
		s.topP = 1
	} else if !(s.topP > 0) {
		s.topP = 0
	}
	s.lnMinP = float32(math.Inf(-1))
	if p.MinP > 0 {
		m := min(float64(p.MinP), 1)
		s.lnMinP = float32(ln(m))
	}
	for id, b := range p.LogitBias {
		if id < 0 || math.IsNaN(float64(b)) {
			continue
		}
		if b <= BanBias {
			b = float32(math.Inf(-1))
		}
		s.bias = append(s.bias, biasEntry{id: id, bias: b})
	}
	slices.SortFunc(s.bias, func(a, b biasEntry) int { return int(a.id) - int(b.id) })
	s.p.LogitBias = nil

	rep := p.RepeatPenalty
	if !(rep > 0) {
		rep = 1
	}
	if p.RepeatLastN != 0 && (rep != 1 || p.FrequencyPenalty != 0 || p.PresencePenalty != 0) {
		s.pen = penalties{window: p.RepeatLastN, repeat: rep, freq: p.FrequencyPenalty, presence: p.PresencePenalty}
		if s.pen.window < 0 {
			s.pen.window = -1
		} else {
			s.pen.reserve(min(s.pen.window, maxReservedWindow))
		}
	}
	s.rng = *rand.NewPCG(p.Seed, p.Seed^pcgStream)
	return s
}

// Params returns the parameters s was made with, without LogitBias.
func (s *Sampler) Params() Params { return s.p }

// Accept records id as generated (or as part of the prompt) for the
// penalties. llama-server accepts every prompt token and then every sampled
// token; callers should do the same to match it. Accept is a no-op when
// penalties are disabled. It does not allocate for a window of up to 65536
// tokens; an unbounded window (RepeatLastN < 0) grows its counts as new
// distinct tokens arrive.
func (s *Sampler) Accept(id int32) { s.pen.accept(id) }

// Reset forgets the accepted history and restarts the generator from Seed,
// so the Sampler behaves as New made it.
func (s *Sampler) Reset() {
	s.pen.reset()
	s.rng.Seed(s.p.Seed, s.p.Seed^pcgStream)
}

// Sample returns the next token for one row of logits (len = vocabulary
// size, must be > 0). It applies logit bias and penalties to logits in
// place (so the caller can inspect what was sampled from); it does not call
// Accept. If no logit is finite after biasing, it returns the first token
// that is +Inf, or 0.
func (s *Sampler) Sample(logits []float32) int32 {
	s.prepare(logits)
	return s.pick(logits)
}

// prepare sizes the scratch buffers and applies logit bias and penalties
// in place.
func (s *Sampler) prepare(logits []float32) {
	if len(logits) == 0 {
		panic("sample: Sample called with no logits")
	}
	if len(logits) != s.vocab {
		s.reserve(len(logits))
	}
	for _, b := range s.bias {
		if int(b.id) < len(logits) {
			logits[b.id] += b.bias
		}
	}
	if s.pen.enabled() {
		s.pen.apply(logits)
	}
}

// reserve sizes every scratch buffer for a vocabulary of n tokens, to the
// most any call can need, so that no later call allocates. With top-k that
// is k candidates; without it, up to n (8 bytes each for the candidates and
// the weights, and for top-p another 8 for the crossing bucket).
func (s *Sampler) reserve(n int) {
	s.vocab = n
	s.top = make([]cand, 0, min(s.p.TopLogprobs, n))
	if s.greedy {
		return
	}
	k := n
	if s.p.TopK > 0 && s.p.TopK < n {
		k = s.p.TopK
	}
	s.cands = make([]cand, 0, k)
	s.weights = make([]float64, 0, k)
	s.edge = nil
	s.blocks = nil
	if k == n {
		s.blocks = make([]float64, 0, (n+drawBlock-1)/drawBlock)
		if s.topP < 1 {
			s.edge = make([]cand, 0, n)
		}
	}
}

// uniform draws u in [0, 1) from the top 53 bits of one PCG output.
func (s *Sampler) uniform() float64 {
	return float64(s.rng.Uint64()>>11) * 0x1p-53
}

// pick runs truncation, temperature and the draw on prepared logits.
func (s *Sampler) pick(logits []float32) int32 {
	if s.greedy {
		return argmax(logits)
	}
	u := s.uniform()
	c, full, sorted := s.truncate(logits)
	inv := 1 / float64(s.p.Temperature)
	if full {
		return s.drawFull(logits, inv, u)
	}
	if len(c) == 0 {
		return argmax(logits)
	}
	return s.drawCands(c, sorted, inv, u)
}

// truncate runs top-k, top-p and min-p. It returns either full (every token
// is still a candidate; c is nil) or the surviving candidates c, best first
// if sorted, else in id order. c lives in s.cands.
func (s *Sampler) truncate(logits []float32) (c []cand, full, sorted bool) {
	full = true
	if k := s.p.TopK; k > 0 && k < len(logits) {
		c = selectTopK(s.cands, logits, k)
		s.cands = c
		full, sorted = false, true
	}
	if s.topP < 1 {
		if full {
			c = s.nucleusFull(logits)
			full = false
		} else {
			c = nucleusSorted(c, s.topP)
		}
	}
	if s.lnMinP > float32(math.Inf(-1)) {
		if full {
			c = minPFilter(s.cands[:0], logits, s.lnMinP)
			s.cands = c
			full = false
		} else if len(c) > 0 {
			c = minPCands(c, sorted, s.lnMinP)
		}
	}
	return c, full, sorted
}

// argmax returns the index of the largest logit, the lowest index among
// equals; NaN never wins. If every logit is -Inf or NaN it returns 0.
// It is selectTopK with k = 1, whose scan loop compiles to fewer
// instructions per element than a loop carrying both value and index.
func argmax(logits []float32) int32 {
	var one [1]cand
	if c := selectTopK(one[:0], logits, 1); len(c) > 0 {
		return c[0].id
	}
	return 0
}

// worse orders candidates: lower logit first, then higher id.
func worse(a, b cand) bool {
	return a.logit < b.logit || (a.logit == b.logit && a.id > b.id)
}

// selectTopK returns dst's storage holding the k best finite entries of
// logits (fewer if fewer are finite), best first. It keeps a min-heap of the
// k best seen so far, primed with -Inf sentinels so that NaN and -Inf never
// enter, and heap-sorts it at the end: O(n + k log k · hits), no full sort.
func selectTopK(dst []cand, logits []float32, k int) []cand {
	h := dst[:0]
	for range k {
		h = append(h, cand{logit: float32(math.Inf(-1)), id: -1})
	}
	floor := h[0].logit
	for i, v := range logits {
		if v > floor {
			h[0] = cand{logit: v, id: int32(i)}
			siftDownMin(h, 0)
			floor = h[0].logit
		}
	}
	// Heap-sort: repeatedly move the worst to the end, leaving best first.
	for end := len(h) - 1; end > 0; end-- {
		h[0], h[end] = h[end], h[0]
		siftDownMin(h[:end], 0)
	}
	for len(h) > 0 && h[len(h)-1].id < 0 {
		h = h[:len(h)-1]
	}
	return h
}

// siftDownMin restores the min-heap (by worse) property below i.
func siftDownMin(h []cand, i int) {
	n := len(h)
	for {
		l := 2*i + 1
		if l >= n {
			return
		}
		m := l
		if r := l + 1; r < n && worse(h[r], h[l]) {
			m = r
		}
		if !worse(h[m], h[i]) {
			return
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
}

// nucleusSorted truncates best-first candidates to the smallest prefix whose
// softmax mass (over c, at temperature 1) reaches p.
func nucleusSorted(c []cand, p float64) []cand {
	if len(c) == 0 {
		return c
	}
	mx := float64(c[0].logit)
	sum := 0.0
	for _, x := range c {
		sum += exp(float64(x.logit) - mx)
	}
	target := float64(p * sum)
	cum := 0.0
	for i, x := range c {
		cum += exp(float64(x.logit) - mx)
		if cum >= target {
			return c[:i+1]
		}
	}
	return c
}

// nucleusBuckets is the number of histogram buckets nucleusFull uses, and
// nucleusSpan the widest logit range below the maximum they cover (beyond
// it the weight is below e⁻⁴⁰ ≈ 4e-18 of the maximum's; those tokens share
// the last bucket).
const (
	nucleusBuckets = 512
	nucleusSpan    = 40.0
)

// nucleusFull is top-p over the whole vocabulary without sorting it. One
// pass computes every weight exp(l - max) and adds it to a histogram bucket
// chosen by the distance from the maximum; bucket order is logit order, so
// walking the buckets finds the one where the cumulative mass reaches p of
// the total. Every token of the buckets before it is kept; only that
// bucket's tokens are sorted, and kept best-first until the mass is reached.
// The result is the same set a full sort would give. It is returned with the
// earlier buckets' tokens in id order, then the crossing bucket's best-first,
// so not sorted.
func (s *Sampler) nucleusFull(logits []float32) []cand {
	mx, mn := finiteRange(logits)
	if mx == float32(math.Inf(-1)) {
		return s.cands[:0]
	}
	if mx == float32(math.Inf(1)) { // all the mass is on the +Inf tokens
		c := s.cands[:0]
		for i, v := range logits {
			if v == mx {
				c = append(c, cand{logit: v, id: int32(i)})
			}
		}
		s.cands = c
		return c
	}
	m64 := float64(mx)
	span := min(m64-float64(mn), nucleusSpan)
	scale := 0.0
	if span > 0 {
		scale = float64(nucleusBuckets-1) / span
	}
	bucket := func(v float32) int {
		b := float64(float64(m64-float64(v)) * scale)
		if !(b < nucleusBuckets-1) {
			return nucleusBuckets - 1
		}
		return int(b)
	}
	if cap(s.weights) < len(logits) {
		s.weights = make([]float64, len(logits))
	}
	w := s.weights[:len(logits)]
	sum := expInto(w, logits, m64, 1)
	mass := &s.mass
	*mass = [nucleusBuckets]float64{}
	for i, v := range logits {
		if v > float32(math.Inf(-1)) {
			mass[bucket(v)] += w[i]
		}
	}
	target := float64(s.topP * sum)
	cross, cum := nucleusBuckets-1, 0.0
	for b, m := range mass {
		if m == 0 {
			continue
		}
		if cum+m >= target {
			cross = b
			break
		}
		cum += m
	}
	c, edge := s.cands[:0], s.edge[:0]
	for i, v := range logits {
		if !(v > float32(math.Inf(-1))) {
			continue
		}
		switch b := bucket(v); {
		case b < cross:
			c = append(c, cand{logit: v, id: int32(i)})
		case b == cross:
			edge = append(edge, cand{logit: v, id: int32(i)})
		}
	}
	slices.SortFunc(edge, func(a, b cand) int {
		if worse(b, a) {
			return -1
		}
		if worse(a, b) {
			return 1
		}
		return 0
	})
	for _, x := range edge {
		c = append(c, x)
		cum += w[x.id]
		if cum >= target {
			break
		}
	}
	s.cands, s.edge = c, edge
	return c
}

// maxLogit returns the largest logit, -Inf if none is larger (NaN ignored).
func maxLogit(logits []float32) float32 {
	var one [1]cand
	if c := selectTopK(one[:0], logits, 1); len(c) > 0 {
		return c[0].logit
	}
	return float32(math.Inf(-1))
}

// finiteRange returns the largest logit and the smallest one above -Inf
// (NaN ignored); (-Inf, +Inf) if there is none.
func finiteRange(logits []float32) (mx, mn float32) {
	ninf := float32(math.Inf(-1))
	mx, mn = ninf, float32(math.Inf(1))
	for _, v := range logits {
		if v > mx {
			mx = v
		}
		if v < mn && v > ninf {
			mn = v
		}
	}
	return mx, mn
}

// minPFilter appends to dst the tokens of logits (in id order) whose logit is
// at least max + lnMinP.
func minPFilter(dst []cand, logits []float32, lnMinP float32) []cand {
	mx := maxLogit(logits)
	if mx == float32(math.Inf(-1)) {
		return dst
	}
	floor := mx + lnMinP
	for i, v := range logits {
		if v >= floor {
			dst = append(dst, cand{logit: v, id: int32(i)})
		}
	}
	return dst
}

// minPCands keeps the candidates whose logit is at least the best one's +
// lnMinP: a prefix when c is sorted best first, else filtered in place.
func minPCands(c []cand, sorted bool, lnMinP float32) []cand {
	if sorted {
		floor := c[0].logit + lnMinP
		keep := 1
		for keep < len(c) && c[keep].logit >= floor {
			keep++
		}
		return c[:keep]
	}
	mx := c[0].logit
	for _, x := range c[1:] {
		mx = max(mx, x.logit)
	}
	floor := mx + lnMinP
	kept := c[:0]
	for _, x := range c {
		if x.logit >= floor {
			kept = append(kept, x)
		}
	}
	return kept
}

// drawCands draws from softmax(logit·inv) over c with uniform u.
func (s *Sampler) drawCands(c []cand, sorted bool, inv, u float64) int32 {
	var mx float64
	if sorted {
		mx = float64(c[0].logit)
	} else {
		m := c[0].logit
		for _, x := range c[1:] {
			if x.logit > m {
				m = x.logit
			}
		}
		mx = float64(m)
	}
	if len(c) == 1 || math.IsInf(mx, 1) {
		return bestOf(c)
	}
	w := s.weights[:0]
	sum := 0.0
	for _, x := range c {
		e := exp(float64((float64(x.logit) - mx) * inv))
		w = append(w, e)
		sum += e
	}
	s.weights = w
	target := float64(u * sum)
	cum := 0.0
	last := -1
	for i, e := range w {
		if e == 0 {
			continue
		}
		cum += e
		last = i
		if cum > target {
			return c[i].id
		}
	}
	if last < 0 {
		return bestOf(c)
	}
	return c[last].id // rounding left the target just past the sum
}

// bestOf returns the best candidate's id (c non-empty).
func bestOf(c []cand) int32 {
	b := c[0]
	for _, x := range c[1:] {
		if worse(b, x) {
			b = x
		}
	}
	return b.id
}

// drawBlock is the number of tokens whose weights drawFull sums per block.
const drawBlock = 256

// drawFull draws from softmax(logits·inv) over the whole vocabulary without
// storing a weight per token: one pass sums the weights per block of
// drawBlock tokens, then the draw walks the block sums and recomputes
// weights only inside the block where the target falls.
func (s *Sampler) drawFull(logits []float32, inv, u float64) int32 {
	mx := maxLogit(logits)
	if math.IsInf(float64(mx), 0) {
		return argmax(logits)
	}
	m64 := float64(mx)
	nb := (len(logits) + drawBlock - 1) / drawBlock
	if cap(s.blocks) < nb {
		s.blocks = make([]float64, nb)
	}
	blocks := s.blocks[:nb]
	sum := 0.0
	for b := range blocks {
		bs := sumExp(logits[b*drawBlock:min((b+1)*drawBlock, len(logits))], m64, inv)
		blocks[b] = bs
		sum += bs
	}
	target := float64(u * sum)
	cum := 0.0
	last := int32(-1)
	for b, bs := range blocks {
		if bs == 0 {
			continue
		}
		if cum+bs <= target {
			cum += bs
			continue
		}
		// The target falls in this block (up to rounding: if the
		// token-by-token sum stops short, go on with the next block).
		c := cum
		lo := b * drawBlock
		for i, v := range logits[lo:min(lo+drawBlock, len(logits))] {
			e := exp(float64((float64(v) - m64) * inv))
			if e == 0 {
				continue
			}
			c += e
			last = int32(lo + i)
			if c > target {
				return last
			}
		}
		cum += bs
	}
	if last < 0 {
		return argmax(logits)
	}
	return last
}
