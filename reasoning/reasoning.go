package reasoning

import "strings"

// tags are the open and close tags of the thinking block, by family.
var tags = [][2]string{{"<think>", "</think>"}, {"<thought>", "</thought>"}}

// OpenIn reports whether prompt ends inside a thinking block it opened,
// and the tag that closes it.
func OpenIn(prompt string) (closeTag string, open bool) {
	p := strings.TrimRight(prompt, " \t\r\n")
	for _, t := range tags {
		if strings.HasSuffix(p, t[0]) {
			return t[1], true
		}
	}
	return "", false
}

type state int

const (
	atStart  state = iota // the reply may open a block (after whitespace)
	thinking              // inside the block
	inAnswer              // after it, or a reply without one
)

// Splitter splits streamed text into reasoning and answer. Not safe for
// concurrent use.
type Splitter struct {
	st       state
	close    string
	buf      string
	trimLead bool // drop whitespace that starts the answer
	trimHead bool // drop whitespace that starts the reasoning
}

// NewSplitter returns a Splitter for a reply; closeTag is non-empty when
// the prompt opened the block (see OpenIn), so the reply starts inside it.
func NewSplitter(closeTag string) *Splitter {
	if closeTag != "" {
		return &Splitter{st: thinking, close: closeTag, trimHead: true}
	}
	return &Splitter{}
}

// Write takes the next piece of text and returns what is known to be
// reasoning and answer; text that may be part of a tag is held back.
func (s *Splitter) Write(text string) (reasoning, answer string) {
	s.buf += text
	for {
		switch s.st {
		case atStart:
			trim := strings.TrimLeft(s.buf, " \t\r\n")
			for _, t := range tags {
				if strings.HasPrefix(trim, t[0]) {
					s.st, s.close, s.buf, s.trimHead = thinking, t[1], trim[len(t[0]):], true
					break
				}
			}
			if s.st == thinking {
				continue
			}
			for _, t := range tags {
				if strings.HasPrefix(t[0], trim) {
					return reasoning, answer // wait: may still open a block
				}
			}
			s.st = inAnswer
		case thinking:
			if s.trimHead {
				s.buf = strings.TrimLeft(s.buf, " \t\r\n")
				if s.buf == "" {
					return reasoning, answer
				}
				s.trimHead = false
			}
			if i := strings.Index(s.buf, s.close); i >= 0 {
				reasoning += s.buf[:i]
				s.buf = s.buf[i+len(s.close):]
				s.st, s.trimLead = inAnswer, true
				continue
			}
			keep := holdBack(s.buf, s.close)
			reasoning += s.buf[:len(s.buf)-keep]
			s.buf = s.buf[len(s.buf)-keep:]
			return reasoning, answer
		case inAnswer:
			if s.trimLead {
				s.buf = strings.TrimLeft(s.buf, " \t\r\n")
				if s.buf == "" {
					return reasoning, answer
				}
				s.trimLead = false
			}
			answer += s.buf
			s.buf = ""
			return reasoning, answer
		}
	}
}

// Close returns the held-back text: reasoning if the block never closed.
func (s *Splitter) Close() (reasoning, answer string) {
	b := s.buf
	s.buf = ""
	if s.st == thinking {
		return b, ""
	}
	if s.trimLead {
		b = strings.TrimLeft(b, " \t\r\n")
	}
	return "", b
}

// holdBack is the length of the longest suffix of s that is a proper
// prefix of tag.
func holdBack(s, tag string) int {
	for k := min(len(tag)-1, len(s)); k > 0; k-- {
		if strings.HasSuffix(s, tag[:k]) {
			return k
		}
	}
	return 0
}
