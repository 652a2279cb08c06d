package reasoning

import "testing"

func TestSplitter(t *testing.T) {
	tests := []struct {
		name, prompt, text, reasoning, answer string
	}{
		{"qwen3 block", "<|im_start|>assistant\n", "<think>\nLet me see.\n</think>\n\nParis.", "Let me see.\n", "Paris."},
		{"opened by the prompt", "<｜Assistant｜><think>\n", "Hmm, 2+2.\n</think>\n\n4", "Hmm, 2+2.\n", "4"},
		{"no block", "<|im_start|>assistant\n", "Just an answer <think> in text", "", "Just an answer <think> in text"},
		{"empty block (no-think)", "", "<think>\n\n</think>\n\nHi", "", "Hi"},
		{"exaone deep", "[|assistant|]<thought>\n", "step one</thought>The answer", "step one", "The answer"},
		{"never closed", "<think>\n", "still thinking", "still thinking", ""},
		{"almost a tag", "", "<thin", "", "<thin"},
	}
	for _, tc := range tests {
		close, _ := OpenIn(tc.prompt)
		// Whole and byte by byte.
		for _, pieces := range [][]string{{tc.text}, bytesOf(tc.text)} {
			s := NewSplitter(close)
			var r, a string
			for _, p := range pieces {
				dr, da := s.Write(p)
				r, a = r+dr, a+da
			}
			dr, da := s.Close()
			r, a = r+dr, a+da
			if r != tc.reasoning || a != tc.answer {
				t.Errorf("%s (%d pieces): reasoning %q answer %q, want %q %q", tc.name, len(pieces), r, a, tc.reasoning, tc.answer)
			}
		}
	}
}

func bytesOf(s string) []string {
	var out []string
	for i := range len(s) {
		out = append(out, s[i:i+1])
	}
	return out
}

func FuzzSplitter(f *testing.F) {
	f.Add("<think>a</think>b", "")
	f.Add("x</think>y", "<think>\n")
	f.Fuzz(func(t *testing.T, text, prompt string) {
		close, _ := OpenIn(prompt)
		whole := NewSplitter(close)
		r1, a1 := whole.Write(text)
		r2, a2 := whole.Close()
		bytewise := NewSplitter(close)
		var r, a string
		for _, p := range bytesOf(text) {
			dr, da := bytewise.Write(p)
			r, a = r+dr, a+da
		}
		dr, da := bytewise.Close()
		if r+dr != r1+r2 || a+da != a1+a2 {
			t.Fatalf("whole %q/%q, byte by byte %q/%q", r1+r2, a1+a2, r+dr, a+da)
		}
		if len(r1+r2)+len(a1+a2) > len(text) {
			t.Fatalf("output longer than input")
		}
	})
}
