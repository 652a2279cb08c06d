package chattemplate

// JSON in both directions. decodeJSON keeps object key order, as Python's
// json.loads does; writeJSON is Python's
//
//	json.dumps(x, ensure_ascii=False, indent=indent, separators=separators,
//	           sort_keys=sort_keys)
//
// which is what Hugging Face's tojson filter calls. Default separators are
// (", ", ": "), or (",", ": ") when indent is given, so
// {"a": [1, 2.0]} | tojson  ->  {"a": [1, 2.0]}.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// decodeJSON parses one JSON value into template values, keeping key order.
func decodeJSON(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	v, err := decodeValue(dec, 0)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("%w: trailing data after JSON value", ErrInput)
	}
	return v, nil
}

func decodeValue(dec *json.Decoder, depth int) (any, error) {
	if depth > maxInputDepth {
		return nil, fmt.Errorf("%w: JSON nested deeper than %d", ErrInput, maxInputDepth)
	}
	tok, err := dec.Token()
	if err != nil {
		return nil, fmt.Errorf("%w: bad JSON: %v", ErrInput, err)
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			d := newDict(4)
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, fmt.Errorf("%w: bad JSON: %v", ErrInput, err)
				}
				k, _ := kt.(string)
				v, err := decodeValue(dec, depth+1)
				if err != nil {
					return nil, err
				}
				d.set(k, v)
			}
			if _, err := dec.Token(); err != nil {
				return nil, fmt.Errorf("%w: bad JSON: %v", ErrInput, err)
			}
			return d, nil
		case '[':
			out := []any{}
			for dec.More() {
				v, err := decodeValue(dec, depth+1)
				if err != nil {
					return nil, err
				}
				out = append(out, v)
			}
			if _, err := dec.Token(); err != nil {
				return nil, fmt.Errorf("%w: bad JSON: %v", ErrInput, err)
			}
			return out, nil
		}
		return nil, fmt.Errorf("%w: bad JSON delimiter %v", ErrInput, t)
	case json.Number:
		return numberValue(string(t))
	case string, bool, nil:
		return t, nil
	}
	return nil, fmt.Errorf("%w: bad JSON token %v", ErrInput, tok)
}

// numberValue turns JSON number text into int64 when it is an integer that
// fits, else float64 (Python keeps ints exact; very large ones lose
// precision here).
func numberValue(s string) (any, error) {
	if !strings.ContainsAny(s, ".eE") {
		if i, err := strconv.ParseInt(s, 10, 64); err == nil {
			return i, nil
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return nil, fmt.Errorf("%w: bad number %q", ErrInput, s)
	}
	return f, nil
}

type jsonOpts struct {
	indent    string // "" with hasIndent=false means compact-ish Python default
	hasIndent bool
	itemSep   string
	keySep    string
	sortKeys  bool
	ascii     bool // ensure_ascii: escape non-ASCII as \uXXXX
}

func (s *state) writeJSON(b *strings.Builder, v any, o *jsonOpts, level int) error {
	if level > maxReprDepth {
		return fmt.Errorf("%w: tojson: value nested too deeply", ErrLimit)
	}
	if b.Len() > s.maxOut {
		return s.limitErr("output")
	}
	if !s.charge(1) {
		return s.sticky
	}
	newline := func(l int) {
		if o.hasIndent {
			b.WriteByte('\n')
			for i := 0; i < l; i++ {
				b.WriteString(o.indent)
			}
		}
	}
	switch x := norm(v).(type) {
	case nil:
		b.WriteString("null")
	case bool:
		if x {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	case int64:
		b.WriteString(strconv.FormatInt(x, 10))
	case float64:
		switch {
		case math.IsNaN(x):
			b.WriteString("NaN")
		case math.IsInf(x, 1):
			b.WriteString("Infinity")
		case math.IsInf(x, -1):
			b.WriteString("-Infinity")
		default:
			b.WriteString(pyFloat(x))
		}
	case string:
		writeJSONString(b, x, o.ascii)
	case []any:
		if len(x) == 0 {
			b.WriteString("[]")
			return nil
		}
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteString(o.itemSep)
			}
			newline(level + 1)
			if err := s.writeJSON(b, e, o, level+1); err != nil {
				return err
			}
		}
		newline(level)
		b.WriteByte(']')
	case *dict:
		if len(x.entries) == 0 {
			b.WriteString("{}")
			return nil
		}
		entries := x.entries
		if o.sortKeys {
			entries = append([]dictEntry(nil), entries...)
			sort.SliceStable(entries, func(i, j int) bool { return entries[i].key < entries[j].key })
		}
		b.WriteByte('{')
		for i, e := range entries {
			if i > 0 {
				b.WriteString(o.itemSep)
			}
			newline(level + 1)
			writeJSONString(b, e.key, o.ascii)
			b.WriteString(o.keySep)
			if err := s.writeJSON(b, e.val, o, level+1); err != nil {
				return err
			}
		}
		newline(level)
		b.WriteByte('}')
	default:
		return fmt.Errorf("%w: Object of type %s is not JSON serializable", ErrType, typeName(v))
	}
	return nil
}

// writeJSONString writes s as Python's json.dumps(s, ensure_ascii=ascii).
func writeJSONString(b *strings.Builder, s string, ascii bool) {
	b.WriteByte('"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			if c < utf8.RuneSelf {
				i++
				continue
			}
			r, n := utf8.DecodeRuneInString(s[i:])
			switch {
			case r == utf8.RuneError && n == 1:
				b.WriteString(s[start:i])
				b.WriteString(`\ufffd`)
			case ascii && r > 0xffff:
				b.WriteString(s[start:i])
				r1, r2 := utf16.EncodeRune(r)
				fmt.Fprintf(b, `\u%04x\u%04x`, r1, r2)
			case ascii:
				b.WriteString(s[start:i])
				fmt.Fprintf(b, `\u%04x`, r)
			default:
				i += n
				continue
			}
			i += n
			start = i
			continue
		}
		b.WriteString(s[start:i])
		switch c {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			fmt.Fprintf(b, `\u%04x`, c)
		}
		i++
		start = i
	}
	b.WriteString(s[start:])
	b.WriteByte('"')
}
