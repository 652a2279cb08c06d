package engine

import (
	"context"
	"fmt"

	"github.com/gaianet-go/gaianet/kernels"
	"github.com/gaianet-go/gaianet/model"
	"github.com/gaianet-go/gaianet/sample"
)

// slot is one sequence of the KV cache and the request it serves.
// Scheduler-owned fields are guarded by Engine.mu.
type slot struct {
	id int
	// tokens are the tokens whose keys and values occupy positions
	// 0..len-1 of the slot: the cached prefix a new request may reuse.
	tokens []int32

	r        *request // nil when free
	pending  []int32  // prompt tokens not yet evaluated
	next     int32    // sampled token to evaluate next (decode phase)
	decoding bool
	res      Result
	stop     *sample.StopMatcher // also holds back incomplete UTF-8
	lp       sample.Logprobs     // reused by SampleLogprobs
	lastUse  uint64
	// mask is the constraint's allowed-token bitmap, sized on first use;
	// forced are tokens a Forcer forced after next, evaluated with it.
	mask   []uint64
	forced []int32
	// loraScales are the adapter scales the cached tokens were computed
	// with (the prefix-cache key besides the tokens); loraMix is what the
	// model's State runs for the slot.
	loraScales []float32
	loraMix    []model.LoRAUse
}

// stepState is the scheduler's reusable per-step bookkeeping.
type stepState struct {
	batch  Batch
	outs   []*slot // slot of each logits row, in batch order
	counts []int   // entries each slot contributed, by slot id
	step   uint64
}

func (e *Engine) run() {
	defer close(e.exited)
	n := e.opts.BatchSize + e.opts.Parallel
	ss := &stepState{
		batch: Batch{
			Tokens: make([]int32, 0, n),
			Pos:    make([]int32, 0, n),
			Slot:   make([]int32, 0, n),
			Logits: make([]bool, 0, n),
		},
		outs:   make([]*slot, 0, e.opts.Parallel),
		counts: make([]int, e.opts.Parallel),
	}
	for {
		e.mu.Lock()
		active, free := e.countSlotsLocked()
		e.mu.Unlock()
		reqs := e.reqs
		if free == 0 {
			reqs = nil
		}
		if active == 0 {
			select {
			case r := <-reqs:
				e.admit(r, ss)
			case <-e.quit:
				return
			}
			continue
		}
		// Admit waiting requests without blocking while slots are free.
		select {
		case r := <-reqs:
			e.admit(r, ss)
			continue
		case <-e.quit:
			e.failAll(ErrClosed)
			return
		default:
		}
		e.mu.Lock()
		ran := e.stepLocked(ss)
		e.mu.Unlock()
		if !ran {
			// Every active request waits on its consumer: sleep until one
			// reads, leaves or a new request arrives. The step may have
			// freed slots of cancelled requests, so count again.
			e.mu.Lock()
			active, free = e.countSlotsLocked()
			e.mu.Unlock()
			if active == 0 {
				continue
			}
			reqs = nil
			if free > 0 {
				reqs = e.reqs
			}
			select {
			case <-e.wake:
			case r := <-reqs:
				e.admit(r, ss)
			case <-e.quit:
				e.failAll(ErrClosed)
				return
			}
		}
	}
}

func (e *Engine) countSlotsLocked() (active, free int) {
	for _, s := range e.slots {
		if s.r != nil {
			active++
		} else {
			free++
		}
	}
	return active, free
}

func (e *Engine) failAll(err error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, s := range e.slots {
		if s.r != nil {
			e.finishLocked(s, err)
		}
	}
}

// admit binds r to the free slot that lets it reuse the longest cached
// prefix, copying the prefix from a busy slot when that one is longer.
func (e *Engine) admit(r *request, ss *stepState) {
	e.mu.Lock()
	defer e.mu.Unlock()
	prompt := r.req.Prompt
	limit := len(prompt) - 1 // the last prompt token is always evaluated
	var best, bestSrc *slot
	bestN, srcN := -1, 0
	for _, s := range e.slots {
		n := commonPrefix(s.tokens, prompt, limit)
		if !e.sameLoRA(s, r.req.LoRA) || !e.cache.Holds(s.id, n) {
			// Keys and values computed by other adapters, or a prefix
			// whose window the sliding-window rings no longer hold.
			n = 0
		}
		if s.r == nil {
			// Prefer the longest own prefix, then the least recently used.
			if n > bestN || (n == bestN && s.lastUse < best.lastUse) {
				best, bestN = s, n
			}
		} else if n > srcN {
			bestSrc, srcN = s, n
		}
	}
	if best == nil {
		panic("engine: admit without a free slot")
	}
	reuse := bestN
	if bestSrc != nil && srcN > bestN {
		e.cache.Copy(best.id, bestSrc.id, srcN)
		best.tokens = append(best.tokens[:0], bestSrc.tokens[:srcN]...)
		reuse = srcN
	}
	if e.bindLoRALocked(best, r.req.LoRA) && reuse == bestN {
		reuse = 0
	}
	best.tokens = best.tokens[:reuse]
	best.r = r
	best.pending = prompt[reuse:]
	best.decoding = false
	best.res = Result{PromptTokens: len(prompt), CachedTokens: reuse}
	best.stop = sample.NewStopMatcher(r.req.Stop)
	best.forced = best.forced[:0]
	if r.req.Constraint != nil && len(best.mask) != maskWords(e.model.Config.Vocab) {
		best.mask = make([]uint64, maskWords(e.model.Config.Vocab))
	}
	ss.step++
	best.lastUse = ss.step
}

func commonPrefix(a, b []int32, limit int) int {
	n := min(len(a), len(b), limit)
	for i := range n {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

// stepLocked runs one forward step over every schedulable slot and
// reports whether it ran one.
func (e *Engine) stepLocked(ss *stepState) bool {
	b := &ss.batch
	b.Tokens, b.Pos, b.Slot, b.Logits = b.Tokens[:0], b.Pos[:0], b.Slot[:0], b.Logits[:0]
	ss.outs = ss.outs[:0]
	clear(ss.counts)
	add := func(s *slot, tok int32, logits bool) {
		b.Tokens = append(b.Tokens, tok)
		b.Pos = append(b.Pos, int32(len(s.tokens)+ss.counts[s.id]))
		b.Slot = append(b.Slot, int32(s.id))
		b.Logits = append(b.Logits, logits)
		ss.counts[s.id]++
		if logits {
			ss.outs = append(ss.outs, s)
		}
	}
	// Cancelled requests leave first; then one token per decoding slot.
	for _, s := range e.slots {
		if s.r == nil {
			continue
		}
		if err := s.r.ctx.Err(); err != nil {
			e.finishLocked(s, err)
			continue
		}
		if !s.decoding || cap(s.r.out)-len(s.r.out) < 3 {
			continue
		}
		if len(s.tokens) == e.opts.CtxSize && !e.shiftLocked(s) {
			continue
		}
		add(s, s.next, len(s.forced) == 0)
		for i, t := range s.forced {
			add(s, t, i == len(s.forced)-1)
		}
		s.forced = s.forced[:0]
	}
	// Prompt chunks fill the rest of the step.
	budget := e.opts.BatchSize - len(b.Tokens)
	for _, s := range e.slots {
		if s.r == nil || s.decoding || budget <= 0 || cap(s.r.out)-len(s.r.out) < 3 {
			continue
		}
		k := min(len(s.pending), budget)
		for i, t := range s.pending[:k] {
			add(s, t, i == len(s.pending)-1)
		}
		budget -= k
	}
	if len(b.Tokens) == 0 {
		return false
	}
	// The step is shared by every request in it, so no one request's
	// context may abort it; cancelled requests leave before the next step.
	logits, err := e.model.Forward(context.Background(), e.st, e.cache, *b)
	if err != nil {
		for _, s := range e.slots {
			if ss.counts[s.id] > 0 {
				s.tokens = s.tokens[:0] // cache content unknown
				if s.r != nil {
					e.finishLocked(s, fmt.Errorf("engine: forward: %w", err))
				}
			}
		}
		return true
	}
	// Record what is now cached.
	for i, t := range b.Tokens {
		s := e.slots[b.Slot[i]]
		s.tokens = append(s.tokens, t)
	}
	for _, s := range e.slots {
		if s.r != nil && !s.decoding {
			s.pending = s.pending[ss.counts[s.id]:]
		}
	}
	vocab := e.model.Config.Vocab
	for j, s := range ss.outs {
		e.sampleLocked(s, logits[j*vocab:(j+1)*vocab])
	}
	return true
}

// sampleLocked picks s's next token from its logits row (masked by the
// request's constraint), streams it, and takes any tokens the constraint
// forces after it.
func (e *Engine) sampleLocked(s *slot, row []float32) {
	c := s.r.req.Constraint
	masked := c != nil && c.Mask(s.mask)
	if masked && applyMask(row, s.mask) == 0 {
		e.finishLocked(s, errConstraint("no token of the vocabulary is allowed"))
		return
	}
	var tok int32
	var lp *sample.Logprobs
	if ls, ok := s.r.req.Sampler.(LogprobSampler); ok && s.r.req.Logprobs {
		tok = ls.SampleLogprobs(row, &s.lp)
		ls.Accept(tok)
		lp = &sample.Logprobs{Chosen: s.lp.Chosen, Top: append([]sample.TokenLogprob(nil), s.lp.Top...)}
	} else if smp := s.r.req.Sampler; smp != nil {
		tok = smp.Sample(row)
		smp.Accept(tok)
	} else {
		tok = int32(kernels.Argmax(row))
	}
	if tok < 0 || int(tok) >= len(row) {
		e.finishLocked(s, fmt.Errorf("%w: sampler chose token %d of %d", ErrRequest, tok, len(row)))
		return
	}
	if masked && !allowedBy(s.mask, tok) {
		// Every allowed token was banned (logit bias) after masking.
		e.finishLocked(s, errConstraint("the sampler chose token %d, which the constraint forbids", tok))
		return
	}
	s.decoding = true
	s.res.GeneratedTokens++
	if e.vocab.EOG(tok) {
		s.res.FinishReason = FinishStop
		e.finishLocked(s, nil)
		return
	}
	if c != nil {
		if err := c.Accept(tok); err != nil {
			e.finishLocked(s, fmt.Errorf("%w: %w", ErrConstraint, err))
			return
		}
	}
	text, stopped := s.stop.Write(e.piece(s, tok))
	end := stopped || c != nil && c.Done() || s.r.req.MaxTokens > 0 && s.res.GeneratedTokens >= s.r.req.MaxTokens
	if f, ok := c.(Forcer); ok && !end && !s.r.req.Logprobs {
		var err error
		text, end, err = e.forceLocked(s, f, text)
		if err != nil {
			e.finishLocked(s, err)
			return
		}
		_, stopped = s.stop.Stopped()
	}
	if text != "" || !stopped {
		s.r.out <- event{tok: Token{ID: tok, Text: text, Logprobs: lp}}
	}
	if end {
		s.res.FinishReason = FinishStop
		if stopped {
			s.res.StopString, _ = s.stop.Stopped()
		} else if m := s.r.req.MaxTokens; m > 0 && s.res.GeneratedTokens >= m && (c == nil || !c.Done()) {
			s.res.FinishReason = FinishLength
		}
		e.finishLocked(s, nil)
		return
	}
	s.next = tok
}

// piece is the text of a generated token of s's request.
func (e *Engine) piece(s *slot, tok int32) string {
	if s.r.req.SpecialText {
		return string(e.vocab.SpecialPiece(tok))
	}
	return e.vocab.Piece(tok)
}

// maxForced bounds the tokens forced after one sampled token.
const maxForced = 32

// forceLocked takes the tokens f forces after the token just sampled, as
// far as the context, the step's batch and MaxTokens allow: it accepts
// them, adds their text to text and queues them for the next step. It
// reports whether the generation ends (a stop string, the constraint done,
// MaxTokens reached).
func (e *Engine) forceLocked(s *slot, f Forcer, text string) (string, bool, error) {
	room := min(e.opts.CtxSize-len(s.tokens)-2, e.opts.BatchSize/e.opts.Parallel-1, maxForced)
	if m := s.r.req.MaxTokens; m > 0 {
		room = min(room, m-s.res.GeneratedTokens)
	}
	if room <= 0 {
		return text, false, nil
	}
	s.forced = f.ForcedTokens(s.forced[:0])
	if len(s.forced) > room {
		s.forced = s.forced[:room]
	}
	smp := s.r.req.Sampler
	for i, t := range s.forced {
		if t < 0 || int(t) >= e.model.Config.Vocab || e.vocab.EOG(t) {
			s.forced = s.forced[:i]
			break
		}
		if err := f.Accept(t); err != nil {
			return text, true, fmt.Errorf("%w: forced token %d: %w", ErrConstraint, t, err)
		}
		if smp != nil {
			smp.Accept(t)
		}
		s.res.GeneratedTokens++
		more, stopped := s.stop.Write(e.piece(s, t))
		text += more
		if stopped || f.Done() || s.r.req.MaxTokens > 0 && s.res.GeneratedTokens >= s.r.req.MaxTokens {
			s.forced = s.forced[:0]
			return text, true, nil
		}
	}
	return text, false, nil
}

// shiftLocked makes room in a full slot by dropping the older half of the
// positions after Keep, or finishes the request with ErrContextFull. It
// reports whether the slot can continue.
func (e *Engine) shiftLocked(s *slot) bool {
	n := len(s.tokens)
	keep := max(s.r.req.Keep, 1)
	if !e.opts.ContextShift || keep >= n-1 {
		s.res.FinishReason = FinishLength
		e.finishLocked(s, fmt.Errorf("%w: %d positions", ErrContextFull, n))
		return false
	}
	discard := (n - keep) / 2
	if err := e.model.Shift(e.cache, s.id, keep, discard, n); err != nil {
		e.finishLocked(s, err)
		return false
	}
	s.tokens = append(s.tokens[:keep], s.tokens[keep+discard:]...)
	return true
}

// finishLocked ends s's request with err (nil for a normal end), flushing
// held-back text, and frees the slot. The events fit: a slot is only
// scheduled with 3 free places in its buffer.
func (e *Engine) finishLocked(s *slot, err error) {
	r := s.r
	if err == nil && s.stop != nil {
		if _, stopped := s.stop.Stopped(); !stopped {
			if tail := s.stop.Flush(); tail != "" {
				r.out <- event{tok: Token{ID: -1, Text: tail}}
			}
		}
	}
	select {
	case r.out <- event{done: true, res: s.res, err: err}:
	default:
		// Only a cancelled request's consumer can have stopped reading; it
		// no longer waits for the end event.
	}
	s.r, s.pending, s.decoding, s.stop = nil, nil, false, nil
}
