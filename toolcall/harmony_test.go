package toolcall

import (
	"strings"
	"testing"
)

func runHarmony(prefix string, pieces []string) (reasoning, content string, calls []Call, streamed []Call) {
	p := NewHarmonyParser("")
	var r, c strings.Builder
	add := func(dr, dc string, ds []Delta) {
		r.WriteString(dr)
		c.WriteString(dc)
		for _, d := range ds {
			for len(streamed) <= d.Index {
				streamed = append(streamed, Call{})
			}
			s := &streamed[d.Index]
			if d.ID != "" {
				s.ID = d.ID
			}
			s.Name += d.Name
			s.Arguments += d.Arguments
		}
	}
	add(p.Write(prefix))
	for _, s := range pieces {
		add(p.Write(s))
	}
	add(p.Close())
	return r.String(), c.String(), p.Calls(), streamed
}

func TestHarmonyParser(t *testing.T) {
	tests := []struct {
		name, prefix, text, reasoning, content string
		calls                                  []Call
	}{
		{"answer", "", "<|channel|>analysis<|message|>User greets.<|end|><|start|>assistant<|channel|>final<|message|>Hello <b>there</b>!", "User greets.", "Hello <b>there</b>!", nil},
		{"call", "", `<|channel|>analysis<|message|>Need weather.<|end|><|start|>assistant<|channel|>commentary to=functions.get_weather <|constrain|>json<|message|>{"city":"Paris"}<|call|>`,
			"Need weather.", "", []Call{{Name: "get_weather", Arguments: `{"city":"Paris"}`}}},
		{"recipient before channel", "", `<|channel|>analysis<|message|>x<|end|><|start|>assistant to=functions.f<|channel|>commentary json<|message|>{}`,
			"x", "", []Call{{Name: "f", Arguments: `{}`}}},
		{"prefilled call", HarmonyPrefix("f"), `{"a":1}`, "", "", []Call{{Name: "f", Arguments: `{"a":1}`}}},
		{"plain text", "", "no channels here", "", "no channels here", nil},
	}
	for _, tc := range tests {
		for i, pieces := range splits(tc.text) {
			r, c, calls, streamed := runHarmony(tc.prefix, pieces)
			if r != tc.reasoning || c != tc.content || len(calls) != len(tc.calls) || len(streamed) != len(calls) {
				t.Errorf("%s (split %d): reasoning %q content %q calls %+v", tc.name, i, r, c, calls)
				continue
			}
			for j, want := range tc.calls {
				if calls[j].Name != want.Name || calls[j].Arguments != want.Arguments || calls[j].ID == "" {
					t.Errorf("%s (split %d): call %+v, want %+v", tc.name, i, calls[j], want)
				}
				if streamed[j] != calls[j] {
					t.Errorf("%s (split %d): streamed %+v, parsed %+v", tc.name, i, streamed[j], calls[j])
				}
			}
		}
	}
}

func FuzzHarmonyParser(f *testing.F) {
	f.Add(`<|channel|>analysis<|message|>a<|end|><|start|>assistant<|channel|>final<|message|>b`)
	f.Add(`<|channel|>commentary to=functions.f <|constrain|>json<|message|>{"x":1}<|call|>`)
	f.Fuzz(func(t *testing.T, text string) {
		r1, c1, calls1, _ := runHarmony("", []string{text})
		r2, c2, calls2, streamed := runHarmony("", splits(text)[1])
		if r1 != r2 || c1 != c2 || len(calls1) != len(calls2) {
			t.Fatalf("whole %q %q %+v, byte by byte %q %q %+v", r1, c1, calls1, r2, c2, calls2)
		}
		for i := range calls2 {
			if calls1[i].Name != calls2[i].Name || calls1[i].Arguments != calls2[i].Arguments || streamed[i] != calls2[i] {
				t.Fatalf("call %d: whole %+v, byte by byte %+v, streamed %+v", i, calls1[i], calls2[i], streamed[i])
			}
		}
	})
}
