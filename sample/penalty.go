package sample

// penalties holds the accepted-token history the repeat, frequency and
// presence penalties look at: a ring of the last window tokens (window < 0:
// unbounded, no ring) and a count per distinct token in it.
type penalties struct {
	window int     // > 0 bounded, < 0 unbounded; 0 means disabled
	ring   []int32 // last min(n, window) tokens; ring[head] is the oldest once full
	head   int
	counts countTable

	repeat, freq, presence float32
}

// maxReservedWindow bounds what New allocates up front for the penalty
// window; a larger window grows on demand.
const maxReservedWindow = 1 << 16

func (p *penalties) enabled() bool { return p.window != 0 }

// reserve sizes the ring and the count table for n tokens.
func (p *penalties) reserve(n int) {
	p.ring = make([]int32, 0, n)
	for len(p.counts.slots) < 2*n {
		p.counts.grow()
	}
}

// accept records id, evicting the oldest token once the window is full.
func (p *penalties) accept(id int32) {
	if p.window == 0 {
		return
	}
	if p.window > 0 {
		if len(p.ring) < p.window {
			p.ring = append(p.ring, id)
		} else {
			p.counts.dec(p.ring[p.head])
			p.ring[p.head] = id
			p.head++
			if p.head == p.window {
				p.head = 0
			}
		}
	}
	p.counts.inc(id)
}

func (p *penalties) reset() {
	p.ring = p.ring[:0]
	p.head = 0
	p.counts.clear()
}

// apply penalizes logits in place, as llama.cpp's penalties sampler does:
// for every token with count c > 0, a logit <= 0 is multiplied by repeat,
// a positive one divided by it, and then c*freq + presence is subtracted.
// Products are rounded to float32 explicitly so no platform fuses them.
func (p *penalties) apply(logits []float32) {
	for _, s := range p.counts.slots {
		if s.tok < 0 || int(s.tok) >= len(logits) {
			continue
		}
		l := logits[s.tok]
		if l <= 0 {
			l = float32(l * p.repeat)
		} else {
			l = float32(l / p.repeat)
		}
		l -= float32(float32(s.n)*p.freq) + p.presence
		logits[s.tok] = l
	}
}

// countTable maps token ids to positive counts: open addressing with linear
// probing and backward-shift deletion (no tombstones), so a steady stream of
// inc/dec never allocates once the table has reached its working size.
// Empty slots have tok = -1.
type countTable struct {
	slots []countSlot // len is 0 or a power of two
	n     int         // occupied slots
}

type countSlot struct {
	tok int32
	n   int32
}

func (t *countTable) home(tok int32) int {
	return int((uint32(tok) * 0x9e3779b1) >> 7 & uint32(len(t.slots)-1))
}

func (t *countTable) inc(tok int32) {
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	mask := len(t.slots) - 1
	for i := t.home(tok); ; i = (i + 1) & mask {
		switch t.slots[i].tok {
		case tok:
			t.slots[i].n++
			return
		case -1:
			t.slots[i] = countSlot{tok: tok, n: 1}
			t.n++
			return
		}
	}
}

func (t *countTable) get(tok int32) int32 {
	if len(t.slots) == 0 {
		return 0
	}
	mask := len(t.slots) - 1
	for i := t.home(tok); ; i = (i + 1) & mask {
		switch t.slots[i].tok {
		case tok:
			return t.slots[i].n
		case -1:
			return 0
		}
	}
}

// dec decrements tok's count, removing it at zero. tok must be present.
func (t *countTable) dec(tok int32) {
	mask := len(t.slots) - 1
	i := t.home(tok)
	for t.slots[i].tok != tok {
		if t.slots[i].tok == -1 {
			panic("sample: count table lost a token") // invariant: every ring entry is counted
		}
		i = (i + 1) & mask
	}
	if t.slots[i].n--; t.slots[i].n > 0 {
		return
	}
	// Backward-shift deletion: pull later entries of the probe run into the
	// hole when their home position allows it.
	t.n--
	hole := i
	for j := (i + 1) & mask; t.slots[j].tok != -1; j = (j + 1) & mask {
		h := t.home(t.slots[j].tok)
		// Entry j may move to hole if its home is not cyclically in (hole, j].
		if (j > hole && (h <= hole || h > j)) || (j < hole && h <= hole && h > j) {
			t.slots[hole] = t.slots[j]
			hole = j
		}
	}
	t.slots[hole] = countSlot{tok: -1}
}

func (t *countTable) grow() {
	old := t.slots
	size := 2 * len(old)
	if size < 16 {
		size = 16
	}
	t.slots = make([]countSlot, size)
	for i := range t.slots {
		t.slots[i].tok = -1
	}
	t.n = 0
	for _, s := range old {
		if s.tok < 0 {
			continue
		}
		mask := size - 1
		i := t.home(s.tok)
		for t.slots[i].tok != -1 {
			i = (i + 1) & mask
		}
		t.slots[i] = s
		t.n++
	}
}

func (t *countTable) clear() {
	for i := range t.slots {
		t.slots[i] = countSlot{tok: -1}
	}
	t.n = 0
}
