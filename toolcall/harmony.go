package toolcall

import (
	"strings"
)

// Harmony markers (gpt-oss special tokens, streamed as text).
const (
	hStart     = "<|start|>"
	hChannel   = "<|channel|>"
	hMessage   = "<|message|>"
	hConstrain = "<|constrain|>"
	hEnd       = "<|end|>"
	hCall      = "<|call|>"
	hReturn    = "<|return|>"
)

// HarmonyPrefix is the text that opens a call of the named function in
// gpt-oss's Harmony format, written after the generation prompt when that
// call is required.
func HarmonyPrefix(name string) string {
	return hChannel + "commentary to=functions." + name + " " + hConstrain + "json" + hMessage
}

// HarmonyParser splits a gpt-oss reply in the Harmony format into
// reasoning (the analysis channel), content (the final channel, and
// commentary addressed to no one) and tool calls (commentary addressed to
// functions.NAME, whose message is the arguments). The reply starts after
// the generation prompt "<|start|>assistant". Not safe for concurrent use.
type HarmonyParser struct {
	inHeader bool
	header   strings.Builder
	buf      string
	channel  string
	call     bool // the current message is a call's arguments
	calls    []Call
}

// NewHarmonyParser returns a parser for a reply; prefix is text the
// prompt already holds after the generation prompt (HarmonyPrefix), or "".
func NewHarmonyParser(prefix string) *HarmonyParser {
	p := &HarmonyParser{inHeader: true}
	p.Write(prefix)
	return p
}

// Calls returns the calls parsed so far.
func (p *HarmonyParser) Calls() []Call { return p.calls }

// Write takes the next piece of the reply.
func (p *HarmonyParser) Write(s string) (reasoning, content string, deltas []Delta) {
	p.buf += s
	var r, c strings.Builder
	for p.buf != "" {
		if p.inHeader {
			i := strings.Index(p.buf, hMessage)
			if i < 0 {
				if hold := markerHold(p.buf); hold < len(p.buf) {
					p.header.WriteString(p.buf[:len(p.buf)-hold])
					p.buf = p.buf[len(p.buf)-hold:]
				}
				break
			}
			p.header.WriteString(p.buf[:i])
			p.buf = p.buf[i+len(hMessage):]
			deltas = append(deltas, p.openMessage()...)
			continue
		}
		// In a message body: up to the next marker.
		i := strings.Index(p.buf, "<|")
		body := p.buf
		if i >= 0 {
			body = p.buf[:i]
		} else if hold := markerHold(p.buf); hold > 0 {
			body = p.buf[:len(p.buf)-hold]
		}
		p.emit(body, &r, &c, &deltas)
		p.buf = p.buf[len(body):]
		if i < 0 {
			break
		}
		rest := p.buf
		end := ""
		for _, m := range []string{hEnd, hCall, hReturn, hStart} {
			if strings.HasPrefix(rest, m) {
				end = m
				break
			}
		}
		if end == "" {
			if len(rest) < len(hReturn) && markerHold(rest) == len(rest) {
				break // a marker may still be arriving
			}
			// Not a marker: text.
			p.emit("<|", &r, &c, &deltas)
			p.buf = p.buf[2:]
			continue
		}
		p.buf = p.buf[len(end):]
		if p.call {
			c := &p.calls[len(p.calls)-1]
			if strings.TrimSpace(c.Arguments) == "" {
				c.Arguments = "{}"
				deltas = append(deltas, Delta{Index: len(p.calls) - 1, Arguments: "{}"})
			}
		}
		p.inHeader, p.call, p.channel = true, false, ""
		p.header.Reset()
		if end == hStart {
			p.header.WriteString(hStart)
		}
	}
	return r.String(), c.String(), deltas
}

// Close ends the reply; held text goes where its message was going.
func (p *HarmonyParser) Close() (reasoning, content string, deltas []Delta) {
	var r, c strings.Builder
	if p.inHeader {
		// A reply that never opened a message is plain content.
		if h := strings.TrimSpace(p.header.String() + p.buf); h != "" && !strings.Contains(h, hChannel) {
			c.WriteString(h)
		}
	} else {
		p.emit(p.buf, &r, &c, &deltas)
	}
	p.buf = ""
	return r.String(), c.String(), deltas
}

// openMessage reads the header just completed and starts its body.
func (p *HarmonyParser) openMessage() []Delta {
	h := p.header.String()
	p.inHeader = false
	p.channel = "final"
	if i := strings.Index(h, hChannel); i >= 0 {
		f := strings.Fields(strings.NewReplacer(hConstrain, " ").Replace(h[i+len(hChannel):]))
		if len(f) > 0 {
			p.channel = f[0]
		}
	}
	recipient := ""
	if i := strings.Index(h, "to="); i >= 0 {
		r := h[i+3:]
		if j := strings.IndexAny(r, " <"); j >= 0 {
			r = r[:j]
		}
		recipient = r
	}
	name, ok := strings.CutPrefix(recipient, "functions.")
	if !ok || name == "" {
		return nil
	}
	p.call = true
	p.calls = append(p.calls, Call{ID: NewID(), Name: name})
	return []Delta{{Index: len(p.calls) - 1, ID: p.calls[len(p.calls)-1].ID, Name: name}}
}

func (p *HarmonyParser) emit(text string, r, c *strings.Builder, deltas *[]Delta) {
	if text == "" {
		return
	}
	switch {
	case p.call:
		i := len(p.calls) - 1
		p.calls[i].Arguments += text
		*deltas = append(*deltas, Delta{Index: i, Arguments: text})
	case p.channel == "analysis":
		r.WriteString(text)
	default:
		c.WriteString(text)
	}
}

// markerHold is the length of the suffix of s that may be the start of a
// marker ("<", "<|", "<|cha"...).
func markerHold(s string) int {
	i := strings.LastIndex(s, "<")
	if i < 0 {
		return 0
	}
	tail := s[i:]
	for _, m := range []string{hStart, hChannel, hMessage, hConstrain, hEnd, hCall, hReturn} {
		if strings.HasPrefix(m, tail) {
			return len(tail)
		}
	}
	return 0
}
