package grammar

import (
	"errors"
	"fmt"
	"sync"
)

// bindings caches one automaton per vocabulary for a Grammar.
type bindings struct {
	mu sync.Mutex
	m  map[*Vocab]*automaton
}

func (g *Grammar) automaton(v *Vocab) *automaton {
	g.binds.mu.Lock()
	defer g.binds.mu.Unlock()
	if g.binds.m == nil {
		g.binds.m = map[*Vocab]*automaton{}
	}
	a, ok := g.binds.m[v]
	if !ok {
		a = newAutomaton(g.prog, v)
		g.binds.m[v] = a
	}
	return a
}

// Matcher follows one sequence's progress through a Grammar and says which
// tokens may come next. Matchers of the same Grammar and Vocab share their
// lazily built tables (under a mutex), so the second request with a schema
// is fast from its first token. A Matcher is not safe for concurrent use;
// use one per sequence.
type Matcher struct {
	a     *automaton
	cur   int32
	ended bool
	buf   []byte
	// text is everything accepted since the start and epoch the
	// automaton's epoch cur belongs to: when the automaton has dropped
	// its tables (see maxTableBytes), cur is found again from text.
	text  []byte
	epoch uint32
}

// lock takes the automaton's lock, lets it drop oversized tables, and
// brings m's configuration up to date with them.
func (m *Matcher) lock() *automaton {
	a := m.a
	a.mu.Lock()
	a.shrinkLocked()
	if m.epoch != a.epoch {
		m.cur = a.walk(a.start, m.text)
		m.epoch = a.epoch
	}
	return a
}

// ErrRefused is wrapped by the errors of Accept and AcceptBytes for input
// the grammar does not allow.
var ErrRefused = errors.New("grammar: refused")

// Matcher returns a new matcher for g over vocabulary v at the grammar's start.
func (g *Grammar) Matcher(v *Vocab) *Matcher {
	a := g.automaton(v)
	a.mu.Lock()
	m := &Matcher{a: a, cur: a.start, epoch: a.epoch}
	a.mu.Unlock()
	return m
}

// NewMatcher is g.Matcher(v).
func NewMatcher(g *Grammar, v *Vocab) *Matcher { return g.Matcher(v) }

// Reset returns m to the grammar's start.
func (m *Matcher) Reset() {
	m.a.mu.Lock()
	m.cur, m.epoch = m.a.start, m.a.epoch
	m.a.mu.Unlock()
	m.text = m.text[:0]
	m.ended = false
}

// FillMask sets bit i of dst (dst[i/64] bit i%64) exactly when token i may
// come next; end-of-generation tokens are allowed iff the text so far is
// complete. dst must hold at least Vocab.MaskWords() words; words beyond
// are left alone.
func (m *Matcher) FillMask(dst []uint64) {
	dst = dst[:m.a.v.words]
	if m.ended {
		clear(dst)
		return
	}
	a := m.lock()
	a.fillMask(m.cur, dst)
	a.mu.Unlock()
}

// Accept advances m by token tok. An end-of-generation token is accepted
// when the text is complete and ends the matcher. A refused token leaves m
// unchanged and returns an error wrapping ErrRefused.
func (m *Matcher) Accept(tok int32) error {
	if m.ended {
		return fmt.Errorf("%w: token %d after the end", ErrRefused, tok)
	}
	v := m.a.v
	if v.IsEOG(tok) {
		if !m.CanEnd() {
			return fmt.Errorf("%w: end of generation before the grammar is complete", ErrRefused)
		}
		m.ended = true
		return nil
	}
	b := v.Token(tok)
	if len(b) == 0 {
		return fmt.Errorf("%w: token %d has no text", ErrRefused, tok)
	}
	a := m.lock()
	t := a.walk(m.cur, b)
	a.mu.Unlock()
	if t == dead {
		return fmt.Errorf("%w: token %d (%q)", ErrRefused, tok, b)
	}
	m.cur = t
	m.text = append(m.text, b...)
	return nil
}

// AcceptBytes advances m by the text b (e.g. a lazy trigger or prefilled
// text). On refusal m is unchanged.
func (m *Matcher) AcceptBytes(b []byte) error {
	if m.ended {
		return fmt.Errorf("%w: text after the end", ErrRefused)
	}
	a := m.lock()
	t := a.walk(m.cur, b)
	a.mu.Unlock()
	if t == dead {
		return fmt.Errorf("%w: text %q", ErrRefused, b)
	}
	m.cur = t
	m.text = append(m.text, b...)
	return nil
}

// maxForced bounds Forced's answer.
const maxForced = 256

// Forced returns the bytes the grammar forces next: the longest text every
// continuation starts with, stopping where the text could also end. It is
// nil when the next byte is not determined. The slice is owned by m and
// valid until the next call.
func (m *Matcher) Forced() []byte {
	if m.ended {
		return nil
	}
	a := m.lock()
	defer a.mu.Unlock()
	out := m.buf[:0]
	s := m.cur
	for len(out) < maxForced && !a.confs[s].accept {
		next, ok := a.onlyByteLocked(s)
		if !ok {
			break
		}
		out = append(out, next)
		s = a.step(s, next)
	}
	m.buf = out
	if len(out) == 0 {
		return nil
	}
	return out
}

// onlyByteLocked returns the single byte that keeps s alive, if exactly one does.
func (a *automaton) onlyByteLocked(s int32) (byte, bool) {
	found := -1
	for c := 0; c < 256; c++ {
		if a.step(s, byte(c)) != dead {
			if found >= 0 {
				return 0, false
			}
			found = c
		}
	}
	if found < 0 {
		return 0, false
	}
	return byte(found), true
}

// CanEnd reports whether the text so far is a complete sentence of the grammar.
func (m *Matcher) CanEnd() bool {
	if m.ended {
		return true
	}
	a := m.lock()
	defer a.mu.Unlock()
	return a.confs[m.cur].accept
}

// Done reports whether the text is complete and nothing more may follow
// (or an end-of-generation token was accepted).
func (m *Matcher) Done() bool {
	if m.ended {
		return true
	}
	a := m.lock()
	defer a.mu.Unlock()
	c := a.confs[m.cur]
	return c.accept && len(c.elems) == 0
}
