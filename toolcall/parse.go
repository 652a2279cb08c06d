package toolcall

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"strings"
)

// Call is one parsed tool call. Arguments is JSON text.
type Call struct {
	ID        string
	Name      string
	Arguments string
}

// Delta is a streamed piece of a call, shaped like OpenAI's
// delta.tool_calls entries: the first piece of call Index carries its ID
// and Name, later ones further fragments of its Arguments.
type Delta struct {
	Index     int
	ID, Name  string
	Arguments string
}

// NewID returns a fresh call id, "call_" and 24 hex digits.
func NewID() string {
	var b [12]byte
	rand.Read(b[:])
	return "call_" + hex.EncodeToString(b[:])
}

type mode int

const (
	inText   mode = iota
	inCall        // before or inside one call object
	inList        // Mistral: inside [...] between calls
	inClose       // Hermes: after a call, before </tool_call>
	inName        // MistralArgs: the function name, before [ARGS]
	inPython      // Llama 4: inside a Python list of calls
)

// blank is the whitespace a reply may have before a call that must start
// it: the JSON whitespace that the call scanner skips too.
const blank = " \t\r\n"

// argsTag separates a MistralArgs call's name from its arguments.
const argsTag = "[ARGS]"

// Parser splits a streamed reply into content and tool calls. Feed it the
// generated text piece by piece with Write and end with Close; text that
// may still turn out to start a call is held back until it cannot. A call
// whose text is malformed is given back as content. Not safe for
// concurrent use.
type Parser struct {
	f        Format
	triggers []Trigger
	mode     mode
	started  bool   // content other than whitespace was written
	trimWS   bool   // drop whitespace before what follows a call
	buf      []byte // text not yet classified
	raw      []byte // text of the call being read, from its trigger, for giving it back
	calls    []Call
	obj      objScan
	list     bool   // the current call sits in a Mistral list
	name     []byte // MistralArgs: the name read so far
	py       pyScan // Llama 4: the Python list being read
	pyMark   int    // Llama 4: end in raw of the list's last call read
	pend     string // Llama 4: text that may be the start of a marker
}

// NewParser returns a parser for replies in f. inCall says the prompt
// already holds f.Prefix(), so that the reply starts with a call's JSON.
func NewParser(f Format, inCall bool) *Parser {
	p := &Parser{f: f, triggers: f.Triggers()}
	if f.Family == Llama4 {
		p.triggers = append(p.triggers, pythonTrigger)
	}
	if inCall {
		p.startCall(f.Prefix())
	}
	return p
}

// Calls returns the calls parsed so far, complete or not.
func (p *Parser) Calls() []Call { return p.calls }

func (p *Parser) startCall(trigger string) {
	p.raw = append(p.raw[:0], trigger...)
	p.obj = objScan{argsKey: p.f.argsKey()}
	p.list = p.f.Family == Mistral
	p.mode = inCall
	if p.list {
		p.mode = inList
	}
	if p.f.Family == MistralArgs {
		p.mode, p.name = inName, p.name[:0]
	}
	if p.f.Family == Llama4 && trigger == pythonTrigger.Text {
		p.mode, p.py, p.pyMark = inPython, pyScan{}, 0
	}
}

// Write takes the next piece of generated text and returns the content
// and call pieces it completes.
func (p *Parser) Write(s string) (content string, deltas []Delta) {
	if p.f.Family == Llama4 {
		s = p.dropMarkers(s)
	}
	return p.write(s)
}

func (p *Parser) write(s string) (content string, deltas []Delta) {
	p.buf = append(p.buf, s...)
	var out strings.Builder
	for len(p.buf) > 0 {
		progressed := false
		switch p.mode {
		case inText:
			progressed = p.text(&out)
		case inList:
			progressed = p.listStep(&out)
		case inCall:
			progressed = p.callStep(&deltas, &out)
		case inClose:
			progressed = p.closeStep()
		case inName:
			progressed = p.nameStep(&deltas, &out)
		case inPython:
			progressed = p.pythonStep(&deltas, &out)
		}
		if !progressed {
			break
		}
	}
	return out.String(), deltas
}

// Close ends the reply: held-back text becomes content; a call cut off
// after its name keeps what it has, one cut off before is content.
func (p *Parser) Close() (content string, deltas []Delta) {
	if p.pend != "" {
		// A marker's beginning that the reply did not finish is text.
		content, deltas = p.write(p.pend)
		p.pend = ""
	}
	if p.mode == inPython {
		content += string(p.raw[p.pyMark:]) // calls read so far stay
	} else if p.mode == inCall && p.obj.headerSent {
		deltas = append(deltas, p.endCall()...)
		p.buf = p.buf[:0]
	} else if p.mode == inCall || p.mode == inName || p.mode == inList && len(p.raw) > 0 {
		content += string(p.raw)
	}
	content += string(p.buf)
	p.buf, p.raw, p.mode = nil, nil, inText
	return content, deltas
}

// endCall completes the current call's arguments and returns their
// last piece.
func (p *Parser) endCall() []Delta {
	i := len(p.calls) - 1
	p.calls[i].Arguments = p.obj.args()
	rest := p.obj.pendingArgs()
	if !p.obj.hasArgs {
		rest = "{}"
	}
	if rest == "" {
		return nil
	}
	return []Delta{{Index: i, Arguments: rest}}
}

// text looks for a trigger in the held text.
func (p *Parser) text(out *strings.Builder) bool {
	if p.trimWS {
		cut := " \t\r\n"
		if p.f.Family == Llama3 || p.f.Family == Llama4 {
			cut += ";" // Llama 3 separates calls with semicolons
		}
		p.buf = bytes.TrimLeft(p.buf, cut)
		if len(p.buf) == 0 {
			return false
		}
		p.trimWS = false
	}
	best, bestAt := -1, len(p.buf)
	for i, t := range p.triggers {
		if t.AtStart && p.started {
			continue
		}
		at := bytes.Index(p.buf, []byte(t.Text))
		if at < 0 || at >= bestAt {
			continue
		}
		if t.AtStart && len(bytes.Trim(p.buf[:at], blank)) > 0 {
			continue
		}
		best, bestAt = i, at
	}
	if best >= 0 {
		t := p.triggers[best]
		before := string(p.buf[:bestAt])
		if !t.AtStart {
			out.WriteString(before)
		}
		p.buf = p.buf[bestAt+len(t.Text):]
		p.startCall(t.Text)
		if t.AtStart {
			// Leading whitespace goes with the call, or back as content.
			p.raw = append([]byte(before), p.raw...)
		}
		if t.InJSON {
			// The trigger is the call's own first bytes.
			p.buf = append([]byte(t.Text), p.buf...)
			p.raw = p.raw[:len(p.raw)-len(t.Text)]
		}
		return true
	}
	// Hold back a suffix that may grow into a trigger.
	hold := 0
	for _, t := range p.triggers {
		if t.AtStart && (p.started || len(bytes.Trim(p.buf, blank)) > len(t.Text)) {
			continue
		}
		for k := min(len(t.Text)-1, len(p.buf)); k > hold; k-- {
			if bytes.HasSuffix(p.buf, []byte(t.Text[:k])) {
				hold = k
				break
			}
		}
		if t.AtStart {
			// Leading whitespace plus a trigger prefix: hold it all.
			trim := bytes.TrimLeft(p.buf, " \t\r\n")
			if strings.HasPrefix(t.Text, string(trim)) {
				hold = len(p.buf)
			}
		}
	}
	emit := p.buf[:len(p.buf)-hold]
	if len(bytes.Trim(emit, blank)) > 0 {
		p.started = true
	}
	out.Write(emit)
	p.buf = append(p.buf[:0], p.buf[len(p.buf)-hold:]...)
	return false
}

// listStep reads Mistral's list punctuation between calls.
func (p *Parser) listStep(out *strings.Builder) bool {
	c := p.buf[0]
	switch {
	case c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == '[' && !p.obj.inList:
		if c == '[' {
			p.obj.inList = true
		}
	case c == ']' && p.obj.inList:
		p.raw = append(p.raw, c)
		p.buf = p.buf[1:]
		if !p.obj.headerSent { // an empty list is text
			p.abandon(out)
			return true
		}
		p.mode, p.raw, p.trimWS = inText, p.raw[:0], true
		return true
	case c == '{' && p.obj.inList:
		p.obj = objScan{argsKey: p.f.argsKey(), inList: true}
		p.mode = inCall
		return true
	default:
		p.abandon(out)
		return true
	}
	p.raw = append(p.raw, c)
	p.buf = p.buf[1:]
	return true
}

// nameStep reads a MistralArgs call's name up to [ARGS]; the call is
// announced there, and its arguments follow as a bare JSON object.
func (p *Parser) nameStep(deltas *[]Delta, out *strings.Builder) bool {
	end := bytes.Index(p.buf, []byte(argsTag))
	scan := end
	if end < 0 {
		scan = len(p.buf)
	}
	for k := 0; k < scan; k++ {
		if nameByte(p.buf[k]) {
			continue
		}
		if end < 0 && strings.HasPrefix(argsTag, string(p.buf[k:])) {
			scan = k // may grow into [ARGS]: wait
			break
		}
		p.raw = append(p.raw, p.buf[:k]...)
		p.buf = p.buf[k:]
		p.abandon(out)
		return true
	}
	p.name = append(p.name, p.buf[:scan]...)
	p.raw = append(p.raw, p.buf[:scan]...)
	p.buf = p.buf[scan:]
	if end < 0 {
		return false
	}
	p.raw = append(p.raw, argsTag...)
	p.buf = p.buf[len(argsTag):]
	if len(p.name) == 0 {
		p.abandon(out)
		return true
	}
	c := Call{ID: NewID(), Name: string(p.name)}
	p.calls = append(p.calls, c)
	*deltas = append(*deltas, Delta{Index: len(p.calls) - 1, ID: c.ID, Name: c.Name})
	p.obj = objScan{bare: true, nameDone: true, headerSent: true}
	p.mode = inCall
	return true
}

// nameByte reports whether c may appear in a function name (see ParseTool).
func nameByte(c byte) bool {
	return c == '_' || c == '-' || c == '.' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// abandon gives a malformed call's text back as content.
func (p *Parser) abandon(out *strings.Builder) {
	out.Write(p.raw)
	p.raw = p.raw[:0]
	p.started = true
	p.mode = inText
}

// callStep feeds the held text to the call object's scanner.
func (p *Parser) callStep(deltas *[]Delta, out *strings.Builder) bool {
	n, state := p.obj.feed(p.buf)
	p.raw = append(p.raw, p.buf[:n]...)
	p.buf = p.buf[n:]
	switch state {
	case scanBad:
		if p.obj.headerSent {
			// Keep the call as it stands; the rest is content.
			*deltas = append(*deltas, p.endCall()...)
			p.mode = inText
			p.started = true
			return true
		}
		p.abandon(out)
		return true
	}
	if !p.obj.headerSent && p.obj.nameDone {
		p.calls = append(p.calls, Call{ID: NewID(), Name: p.obj.name})
		*deltas = append(*deltas, Delta{Index: len(p.calls) - 1, ID: p.calls[len(p.calls)-1].ID, Name: p.obj.name})
		p.obj.headerSent = true
	}
	if p.obj.headerSent {
		if a := p.obj.pendingArgs(); a != "" {
			*deltas = append(*deltas, Delta{Index: len(p.calls) - 1, Arguments: a})
		}
	}
	if state != scanDone {
		return n > 0 && len(p.buf) > 0
	}
	if !p.obj.headerSent {
		p.abandon(out) // an object without a name
		return true
	}
	*deltas = append(*deltas, p.endCall()...)
	switch {
	case p.obj.inList:
		p.mode = inList
	case p.f.Family == Hermes || p.f.Family == Groq:
		p.mode = inClose
	default:
		p.mode = inText
		p.started = p.f.Family != Llama3 && p.f.Family != Llama4 // Llama 3 and 4 may write another call
	}
	p.raw = p.raw[:0]
	p.trimWS = true
	return true
}

// closeStep skips "</tool_call>" (and whitespace before it) after a call.
func (p *Parser) closeStep() bool {
	const tag = "</tool_call>"
	trim := bytes.TrimLeft(p.buf, " \t\r\n")
	switch {
	case bytes.HasPrefix(trim, []byte(tag)):
		p.buf = bytes.TrimLeft(trim[len(tag):], " \t\r\n")
		p.mode, p.trimWS = inText, true
		return true
	case len(trim) == 0 || strings.HasPrefix(tag, string(trim)):
		return false // wait for more
	}
	p.mode = inText
	return true
}

// Scanner states.
const (
	scanMore = iota
	scanDone
	scanBad
)

// objScan reads one call object {"name": "...", "arguments": {...}}
// incrementally, without building a tree: it tracks nesting, strings and
// the keys at the top level, records the name, and knows where the
// arguments value starts and ends so that it can be streamed.
type objScan struct {
	argsKey string
	inList  bool
	bare    bool // the object is the arguments themselves (MistralArgs)

	text      []byte // the object's bytes so far
	depth     int
	inStr     bool
	esc       bool
	expectKey bool
	keyStart  int
	key       string
	valStart  int // start of the current top-level value, -1 none
	valKey    string
	argStart  int // arguments value bounds in text; argEnd -1 while open
	argEnd    int
	argSent   int // text[argStart:argSent] was streamed
	hasArgs   bool

	name       string
	nameDone   bool
	headerSent bool
}

// feed scans b; it returns how many bytes it consumed (all, or up to the
// object's end) and the state.
func (s *objScan) feed(b []byte) (int, int) {
	for i, c := range b {
		if s.depth == 0 && len(s.text) == 0 {
			if c == ' ' || c == '\t' || c == '\r' || c == '\n' {
				continue
			}
			if c != '{' {
				return i, scanBad
			}
			if s.bare {
				s.argStart, s.argEnd, s.argSent, s.hasArgs = 0, -1, 0, true
			}
		}
		pos := len(s.text)
		s.text = append(s.text, c)
		if s.inStr {
			switch {
			case s.esc:
				s.esc = false
			case c == '\\':
				s.esc = true
			case c == '"':
				s.inStr = false
				if s.depth == 1 && s.expectKey {
					json.Unmarshal(s.text[s.keyStart:pos+1], &s.key)
				} else if s.depth == 1 && s.valKey == "name" && s.valStart >= 0 && !s.nameDone {
					if json.Unmarshal(s.text[s.valStart:pos+1], &s.name) == nil && s.name != "" {
						s.nameDone = true
						return i + 1, scanMore // let the caller announce the call
					}
				}
			}
			continue
		}
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' {
			continue
		}
		if s.depth == 1 && !s.bare && !s.expectKey && s.valStart < 0 && c != ',' && c != '}' && c != ':' {
			s.valStart = pos
			if !s.hasArgs && (s.valKey == s.argsKey || s.valKey == "arguments" || s.valKey == "parameters") { // a repeated key is ignored
				s.argStart, s.argEnd, s.argSent, s.hasArgs = pos, -1, pos, true
			}
		}
		switch c {
		case '"':
			s.inStr = true
			if s.depth == 1 && s.expectKey {
				s.keyStart = pos
			}
		case '{', '[':
			s.depth++
			if s.depth == 1 {
				s.expectKey, s.valStart = true, -1
			}
		case '}', ']':
			if s.depth == 1 {
				if c != '}' {
					return i + 1, scanBad
				}
				if s.bare {
					s.argEnd = pos + 1
				}
				s.endValue(pos)
				s.depth = 0
				return i + 1, scanDone
			}
			s.depth--
		case ':':
			if s.depth == 1 && s.expectKey {
				s.expectKey, s.valKey, s.valStart = false, s.key, -1
			}
		case ',':
			if s.depth == 1 {
				s.endValue(pos)
				s.expectKey, s.key = true, ""
			}
		}
	}
	return len(b), scanMore
}

func (s *objScan) endValue(pos int) {
	if s.hasArgs && s.argEnd < 0 && s.valStart == s.argStart {
		end := pos
		for end > s.argStart && strings.ContainsRune(" \t\r\n", rune(s.text[end-1])) {
			end--
		}
		s.argEnd = end
	}
	s.valStart = -1
}

// pendingArgs returns the arguments text not streamed yet.
func (s *objScan) pendingArgs() string {
	if !s.hasArgs {
		return ""
	}
	end := s.argsEnd()
	if end <= s.argSent {
		return ""
	}
	a := string(s.text[s.argSent:end])
	s.argSent = end
	return a
}

// args returns the arguments text: the value as written ("{}" when
// absent), or what there is of it when partial.
func (s *objScan) args() string {
	if !s.hasArgs {
		return "{}"
	}
	return string(s.text[s.argStart:s.argsEnd()])
}

// argsEnd is where the arguments end, or for an open value where they end
// so far, without trailing whitespace (which may turn out to follow them).
func (s *objScan) argsEnd() int {
	if s.argEnd >= 0 {
		return s.argEnd
	}
	end := len(s.text)
	for end > s.argStart && strings.ContainsRune(" \t\r\n", rune(s.text[end-1])) {
		end--
	}
	return max(end, s.argSent)
}

// dropMarkers removes Llama 4's code markers from the reply (see
// llama4Markers), reading left to right as a tokenizer would, and holds
// back an end that may grow into one.
func (p *Parser) dropMarkers(s string) string {
	t := p.pend + s
	var out strings.Builder
	i := 0
scan:
	for i < len(t) {
		if t[i] == '<' {
			for _, m := range llama4Markers {
				switch {
				case strings.HasPrefix(t[i:], m):
					i += len(m)
					continue scan
				case strings.HasPrefix(m, t[i:]):
					break scan // may grow into m
				}
			}
		}
		out.WriteByte(t[i])
		i++
	}
	p.pend = t[i:]
	return out.String()
}

// pythonStep reads a Llama 4 Python list of calls, giving each call out as
// it closes. Text that turns out not to be one goes back as content, from
// the end of the last call read.
func (p *Parser) pythonStep(deltas *[]Delta, out *strings.Builder) bool {
	for len(p.buf) > 0 {
		c := p.buf[0]
		p.buf = p.buf[1:]
		p.raw = append(p.raw, c)
		switch p.py.feed(c) {
		case pyCall:
			name, args, ok := parsePythonCall(string(p.py.cur))
			if !ok {
				p.pythonBad(out)
				return true
			}
			p.calls = append(p.calls, Call{ID: NewID(), Name: name, Arguments: args})
			i := len(p.calls) - 1
			*deltas = append(*deltas, Delta{Index: i, ID: p.calls[i].ID, Name: name, Arguments: args})
			p.pyMark = len(p.raw)
		case pyEnd:
			p.raw = p.raw[:0]
			p.mode, p.trimWS = inText, true
			return true
		case pyBad:
			p.pythonBad(out)
			return true
		}
	}
	return false
}

// pythonBad gives back the text after the last call read as content.
func (p *Parser) pythonBad(out *strings.Builder) {
	p.raw = p.raw[p.pyMark:]
	p.abandon(out)
}
