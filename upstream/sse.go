package upstream

// Server-sent events, as OpenAI-compatible servers stream a reply:
//
//	data: {"choices":[{"index":0,"delta":{"role":"assistant","content":"Hel"}}]}
//
//	data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}
//
//	data: {"choices":[],"usage":{"prompt_tokens":9,"completion_tokens":2,"total_tokens":11}}
//
//	data: [DONE]
//
// Each event is "field: value" lines ended by a blank line; only "data"
// (joined by newlines when repeated) and "event" (the type) matter here.

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Event is a server-sent event: its type ("" for the default "message")
// and its data lines joined by newlines.
type Event struct {
	Type string
	Data string
}

// ErrStop, returned by a ReadSSE callback, ends reading; ReadSSE then
// returns it, for the caller to tell a stop from a failure.
var ErrStop = errors.New("upstream: stop reading events")

// ReadSSE reads server-sent events from r and calls fn for each event with
// data, until EOF or fn's error (which it returns). Lines end in "\n" or
// "\r\n"; ":" starts a comment; an event longer than limit bytes is an
// error. A last event not followed by a blank line is still delivered.
func ReadSSE(r io.Reader, limit int, fn func(Event) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	var ev Event
	var data strings.Builder
	has := false
	dispatch := func() error {
		if !has {
			ev = Event{}
			return nil
		}
		ev.Data = data.String()
		out := ev
		ev, has = Event{}, false
		data.Reset()
		return fn(out)
	}
	for {
		line, err := readLine(br, limit)
		if err != nil && !(errors.Is(err, io.EOF) && line != "") {
			if errors.Is(err, io.EOF) {
				return dispatch()
			}
			return err
		}
		switch {
		case line == "":
			if err := dispatch(); err != nil {
				return err
			}
		case line[0] == ':':
		default:
			field, value, _ := strings.Cut(line, ":")
			value = strings.TrimPrefix(value, " ")
			switch field {
			case "data":
				if has {
					data.WriteByte('\n')
				}
				if data.Len()+len(value) > limit {
					return fmt.Errorf("upstream: event longer than %d bytes", limit)
				}
				data.WriteString(value)
				has = true
			case "event":
				ev.Type = value
			}
		}
		if err != nil { // EOF after a last unterminated line
			return dispatch()
		}
	}
}

// readLine reads a line without its "\n" or "\r\n", at most limit bytes.
// At EOF it returns the partial line with io.EOF.
func readLine(br *bufio.Reader, limit int) (string, error) {
	var buf []byte
	for {
		frag, err := br.ReadSlice('\n')
		if len(buf)+len(frag) > limit+2 {
			return "", fmt.Errorf("upstream: event line longer than %d bytes", limit)
		}
		buf = append(buf, frag...)
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		buf = bytes.TrimSuffix(buf, []byte("\n"))
		buf = bytes.TrimSuffix(buf, []byte("\r"))
		return string(buf), err
	}
}
