package sample

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// refStream is the specification StopMatcher must meet, computed from
// scratch on the whole text so far: if a stop string occurs, everything
// before the earliest occurrence (ties: first listed) is emitted and the
// stream stops; otherwise all but the held-back tail is emitted, where the
// tail is the longest suffix that is a proper prefix of a stop string or an
// incomplete UTF-8 sequence, whichever is longer.
func refStream(text string, stops []string) (emitted string, stopped bool) {
	pos := -1
	for _, s := range stops {
		if s == "" {
			continue
		}
		if j := strings.Index(text, s); j >= 0 && (pos < 0 || j < pos) {
			pos = j
		}
	}
	if pos >= 0 {
		return text[:pos], true
	}
	hold := 0
	for _, s := range stops {
		for l := len(s) - 1; l > 0; l-- {
			if l <= len(text) && strings.HasSuffix(text, s[:l]) {
				hold = max(hold, l)
				break
			}
		}
	}
	for i := 1; i <= 3 && i <= len(text); i++ {
		if c := text[len(text)-i]; c&0xC0 != 0x80 {
			if !utf8.FullRuneInString(text[len(text)-i:]) {
				hold = max(hold, i)
			}
			break
		}
	}
	return text[:len(text)-hold], false
}

// runChunks feeds chunks to a StopMatcher and checks every step against
// refStream; it returns the final output (with Flush if no stop matched).
func runChunks(t *testing.T, stops, chunks []string) (string, bool) {
	t.Helper()
	m := NewStopMatcher(stops)
	var out []byte
	var sofar strings.Builder
	stopped := false
	var frozen string
	for i, c := range chunks {
		sofar.WriteString(c)
		var st bool
		out, st = m.Append(out, c)
		want, wantStop := refStream(sofar.String(), stops)
		if !stopped && (string(out) != want || st != wantStop) {
			t.Fatalf("stops %q, after chunk %d (%q): emitted %q stopped=%v, want %q stopped=%v",
				stops, i, c, out, st, want, wantStop)
		}
		// Once stopped, output is frozen: a stop string that starts
		// earlier but completes later does not matter any more.
		if stopped && (!st || string(out) != frozen) {
			t.Fatalf("stops %q: output changed after the stop: %q, was %q", stops, out, frozen)
		}
		if st && !stopped {
			frozen = string(out)
		}
		if !st && len(out)+m.Held() != sofar.Len() {
			t.Fatalf("emitted %d + held %d != %d bytes written", len(out), m.Held(), sofar.Len())
		}
		stopped = st
	}
	if !stopped {
		out = m.AppendFlush(out)
		if string(out) != sofar.String() {
			t.Fatalf("after Flush emitted %q, want all of %q", out, sofar.String())
		}
	}
	return string(out), stopped
}

func TestStopMatcher(t *testing.T) {
	tests := []struct {
		name     string
		stops    []string
		chunks   []string
		want     string
		stopped  bool
		stopWord string
	}{
		{"no stops", nil, []string{"hello", " world"}, "hello world", false, ""},
		{"match in one chunk", []string{"END"}, []string{"abcENDdef"}, "abc", true, "END"},
		{"match across chunks", []string{"</s>"}, []string{"hi <", "/", "s", "> tail"}, "hi ", true, "</s>"},
		{"false start released", []string{"</s>"}, []string{"a </", "b>"}, "a </b>", false, ""},
		{"overlapping prefixes", []string{"abab"}, []string{"aba", "bab"}, "", true, "abab"},
		{"overlap restart", []string{"aab"}, []string{"a", "a", "a", "b", "c"}, "a", true, "aab"},
		{"earliest of several", []string{"world", "lo w"}, []string{"hello world"}, "hel", true, "lo w"},
		{"same position, first listed", []string{"ab", "abc"}, []string{"xabc"}, "x", true, "ab"},
		{"stop is whole output", []string{"STOP"}, []string{"ST", "OP"}, "", true, "STOP"},
		{"partial stop at end flushed", []string{"###"}, []string{"text #", "#"}, "text ##", false, ""},
		{"empty stop ignored", []string{""}, []string{"abc"}, "abc", false, ""},
		{"byte-by-byte", []string{"\nUser:"}, strings.Split("Hi!\nUsed\nUser: x", ""), "Hi!\nUsed", true, "\nUser:"},
		{"utf-8 split across chunks", nil, []string{"caf\xc3", "\xa9 ok"}, "café ok", false, ""},
		{"utf-8 stop", []string{"é!"}, []string{"caf\xc3", "\xa9", "!"}, "caf", true, "é!"},
		{"text after stop discarded", []string{"x"}, []string{"axb", "ccc"}, "a", true, "x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, stopped := runChunks(t, tt.stops, tt.chunks)
			if got != tt.want || stopped != tt.stopped {
				t.Fatalf("got %q stopped=%v, want %q stopped=%v", got, stopped, tt.want, tt.stopped)
			}
			m := NewStopMatcher(tt.stops)
			for _, c := range tt.chunks {
				m.Write(c)
			}
			if w, ok := m.Stopped(); w != tt.stopWord || ok != tt.stopped {
				t.Fatalf("Stopped() = %q, %v; want %q, %v", w, ok, tt.stopWord, tt.stopped)
			}
		})
	}
}

func TestStopMatcherReset(t *testing.T) {
	m := NewStopMatcher([]string{"<end>"})
	if out, st := m.Write("a<end>b"); out != "a" || !st {
		t.Fatalf("Write = %q, %v", out, st)
	}
	if out, st := m.Write("more"); out != "" || !st {
		t.Fatalf("after stop Write = %q, %v; want nothing, stopped", out, st)
	}
	m.Reset()
	if out, st := m.Write("x<e"); out != "x" || st {
		t.Fatalf("after Reset Write = %q, %v", out, st)
	}
	if out := m.Flush(); out != "<e" {
		t.Fatalf("Flush = %q, want %q", out, "<e")
	}
}

func TestStopMatcherZeroValue(t *testing.T) {
	var m StopMatcher
	if out, st := m.Write("ok\xe2\x82"); out != "ok" || st {
		t.Fatalf("Write = %q, %v", out, st)
	}
	if out, _ := m.Write("\xac"); out != "€" {
		t.Fatalf("Write = %q, want €", out)
	}
}

func TestStopMatcherNoAllocs(t *testing.T) {
	m := NewStopMatcher([]string{"<|im_end|>", "\nUser:"})
	buf := make([]byte, 0, 64)
	pieces := []string{"The", " quick", " <", "|im", " fox", "\n", "Use", "d"}
	i := 0
	allocs := testing.AllocsPerRun(1000, func() {
		buf, _ = m.Append(buf[:0], pieces[i%len(pieces)])
		i++
	})
	if allocs != 0 {
		t.Fatalf("Append allocated %v times per call", allocs)
	}
}

// TestStopMatcherHostile feeds a long run of one byte against a long stop
// string of that byte plus one more, byte by byte: every step extends the
// partial match. A quadratic matcher would take minutes here.
func TestStopMatcherHostile(t *testing.T) {
	const n = 200000
	stop := strings.Repeat("a", n) + "b"
	m := NewStopMatcher([]string{strings.Repeat("ab", n/2), stop})
	var out []byte
	for range n + 5 {
		var st bool
		if out, st = m.Append(out, "a"); st {
			t.Fatalf("stopped early")
		}
	}
	// Only the 5 bytes that can no longer start the stop string are out.
	if len(out) != 5 || m.Held() != n {
		t.Fatalf("emitted %d bytes, holding %d; want 5 and %d", len(out), m.Held(), n)
	}
	if out, st := m.Append(out, "b"); !st || len(out) != 5 {
		t.Fatalf("emitted %d bytes, stopped=%v; want 5 in all and a stop", len(out), st)
	}
}

// FuzzStopMatcher splits arbitrary text at arbitrary points and checks each
// step of a StopMatcher against refStream.
func FuzzStopMatcher(f *testing.F) {
	f.Add("hello </s> world", "</s>", "", []byte{3, 1, 1, 4})
	f.Add("aaaab", "aab", "ab", []byte{1, 1, 1, 1, 1})
	f.Add("abababx", "ababx", "bx", []byte{2, 3})
	f.Add("caf\xc3\xa9 \xe2\x82\xac", "\xa9", "€", []byte{4, 1, 2, 1})
	f.Add("\nUser: hi", "\nUser:", "User", []byte{1})
	f.Fuzz(func(t *testing.T, text, s1, s2 string, cuts []byte) {
		stops := []string{s1, s2}
		var chunks []string
		rest := text
		for _, c := range cuts {
			if rest == "" {
				break
			}
			n := min(int(c)%8, len(rest))
			chunks = append(chunks, rest[:n])
			rest = rest[n:]
		}
		chunks = append(chunks, rest)
		got, stopped := runChunks(t, stops, chunks)
		if !strings.HasPrefix(text, got) {
			t.Fatalf("emitted %q is not a prefix of the text %q", got, text)
		}
		if !stopped {
			if got != text {
				t.Fatalf("not stopped but emitted %q of %q", got, text)
			}
			for _, s := range stops {
				if s != "" && strings.Contains(text, s) {
					t.Fatalf("text %q contains stop %q but no stop was reported", text, s)
				}
			}
			return
		}
		// The output ends right before a stop string, and contains none.
		hit := false
		for _, s := range stops {
			if s != "" && strings.HasPrefix(text[len(got):], s) {
				hit = true
			}
			if s != "" && strings.Contains(got, s) {
				t.Fatalf("emitted %q contains stop %q", got, s)
			}
		}
		if !hit {
			t.Fatalf("stopped, but %q is not followed by a stop string in %q", got, text)
		}
	})
}
