package sample

import "unicode/utf8"

// StopMatcher finds stop strings in text that arrives piece by piece (one
// detokenized token at a time) and decides what may be streamed: it holds
// back the longest tail of the text so far that is a proper prefix of some
// stop string, plus an incomplete UTF-8 sequence at the very end, and
// releases it once it can no longer start a stop string (or at Flush). So a
// client never sees any part of a stop string, nor half a character.
//
// The earliest stop string in the text wins; among stop strings matching at
// the same position, the first one given. After a match the StopMatcher
// returns nothing more until Reset. Held-back text is at most the longest
// stop string's length - 1, plus 3 bytes.
//
// The zero value has no stop strings and only holds back incomplete UTF-8.
// Not safe for concurrent use.
type StopMatcher struct {
	stops   []stopString
	buf     []byte // buf[off:] is the held-back text
	off     int
	matched int // 1 + index into stops of the match; 0 while none
}

// stopString is a stop string with its Knuth–Morris–Pratt automaton: state
// is how many leading bytes of s the text so far ends with, fail[i] the
// length of the longest proper border of s[:i+1]. Feeding each byte once per
// stop string keeps Append linear in the new text, whatever the stop
// strings (a hostile request cannot make it quadratic).
type stopString struct {
	s     []byte
	fail  []int32
	state int
}

func newStopString(s string) stopString {
	st := stopString{s: []byte(s), fail: make([]int32, len(s))}
	k := int32(0)
	for i := 1; i < len(s); i++ {
		for k > 0 && s[i] != s[k] {
			k = st.fail[k-1]
		}
		if s[i] == s[k] {
			k++
		}
		st.fail[i] = k
	}
	return st
}

// feed advances the automaton over b and returns the index in b where the
// first complete match ends, or -1 (the state then covers all of b).
func (st *stopString) feed(b []byte) int {
	k := st.state
	for i, c := range b {
		for k > 0 && st.s[k] != c {
			k = int(st.fail[k-1])
		}
		if st.s[k] == c {
			k++
		}
		if k == len(st.s) {
			st.state = k
			return i
		}
	}
	st.state = k
	return -1
}

// NewStopMatcher returns a StopMatcher for stops; empty strings are ignored
// and the strings are copied. Construction is linear in their total length;
// each Append costs O(len(text) × len(stops)), so callers should bound how
// many stop strings a request may give (OpenAI allows 4).
func NewStopMatcher(stops []string) *StopMatcher {
	m := &StopMatcher{}
	for _, s := range stops {
		if s != "" {
			m.stops = append(m.stops, newStopString(s))
		}
	}
	return m
}

// Append adds newly generated text and appends to dst the text that is now
// safe to emit, returning the extended dst and whether a stop string has
// matched. On a match the text up to (not including) the stop string is
// appended and everything after it is discarded. With a reused dst, Append
// does not allocate once its buffer has grown to the working size.
func (m *StopMatcher) Append(dst []byte, text string) ([]byte, bool) {
	if m.matched > 0 {
		return dst, true
	}
	if m.off > 0 && m.off >= len(m.buf)/2 { // compact, amortized O(1) a byte
		m.buf = m.buf[:copy(m.buf, m.buf[m.off:])]
		m.off = 0
	}
	base := len(m.buf) // the new text starts at buf[base]
	m.buf = append(m.buf, text...)
	pos := -1 // start in buf of the earliest complete match
	hold := 0
	for i := range m.stops {
		st := &m.stops[i]
		if end := st.feed(m.buf[base:]); end >= 0 {
			if start := base + end + 1 - len(st.s); pos < 0 || start < pos {
				pos, m.matched = start, i+1
			}
			continue
		}
		hold = max(hold, st.state)
	}
	if pos >= 0 {
		dst = append(dst, m.buf[m.off:pos]...)
		m.buf, m.off = m.buf[:0], 0
		return dst, true
	}
	held := m.buf[m.off:]
	hold = max(hold, utf8Tail(held))
	dst = append(dst, held[:len(held)-hold]...)
	m.off = len(m.buf) - hold
	return dst, false
}

// Write is Append returning a new string: convenient, but it allocates.
func (m *StopMatcher) Write(text string) (emit string, stopped bool) {
	b, stopped := m.Append(nil, text)
	return string(b), stopped
}

// AppendFlush appends whatever is still held back to dst (nothing after a
// match) and empties the StopMatcher's buffer. Call it when generation ends
// for another reason (end of sequence, length limit).
func (m *StopMatcher) AppendFlush(dst []byte) []byte {
	dst = append(dst, m.buf[m.off:]...)
	m.buf, m.off = m.buf[:0], 0
	for i := range m.stops {
		m.stops[i].state = 0
	}
	return dst
}

// Flush is AppendFlush returning a new string.
func (m *StopMatcher) Flush() string { return string(m.AppendFlush(nil)) }

// Stopped returns the stop string that matched, if any.
func (m *StopMatcher) Stopped() (stop string, ok bool) {
	if m.matched == 0 {
		return "", false
	}
	return string(m.stops[m.matched-1].s), true
}

// Held returns how many bytes are currently held back.
func (m *StopMatcher) Held() int { return len(m.buf) - m.off }

// Reset clears the held text and any match, keeping the stop strings.
func (m *StopMatcher) Reset() {
	m.buf, m.off = m.buf[:0], 0
	m.matched = 0
	for i := range m.stops {
		m.stops[i].state = 0
	}
}

// utf8Tail returns the length of an incomplete UTF-8 sequence ending b: a
// lead byte in the last three bytes whose continuation bytes have not all
// arrived. Invalid bytes are not held (they will never complete).
func utf8Tail(b []byte) int {
	for i := 1; i <= 3 && i <= len(b); i++ {
		c := b[len(b)-i]
		if c&0xC0 != 0x80 { // ASCII or a lead byte
			if utf8.FullRune(b[len(b)-i:]) {
				return 0
			}
			return i
		}
	}
	return 0
}
