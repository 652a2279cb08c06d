package grammar

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// Value is a decoded JSON value that keeps object keys in document order
// and numbers as written. Schemas are read into Values so that properties
// come out in schema order, and the benchmark serializes instances with
// keys in file order.
type Value struct {
	Kind   ValueKind
	Str    string // KindString; KindNumber: the number as written
	Bool   bool
	Items  []Value  // KindArray
	Keys   []string // KindObject, in document order
	Fields []Value  // KindObject, parallel to Keys
}

// ValueKind is the JSON type of a Value.
type ValueKind uint8

// The JSON types.
const (
	KindNull ValueKind = iota
	KindBool
	KindNumber
	KindString
	KindArray
	KindObject
)

// maxValueDepth bounds nesting when decoding.
const maxValueDepth = 512

// ParseValue decodes one JSON document keeping key order.
func ParseValue(data []byte) (Value, error) {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	v, err := decodeValue(d, 0)
	if err != nil {
		return Value{}, err
	}
	if _, err := d.Token(); err != io.EOF {
		return Value{}, errors.New("grammar: trailing data after JSON value")
	}
	return v, nil
}

func decodeValue(d *json.Decoder, depth int) (Value, error) {
	if depth > maxValueDepth {
		return Value{}, errors.New("grammar: JSON nested too deeply")
	}
	tok, err := d.Token()
	if err != nil {
		return Value{}, fmt.Errorf("grammar: bad JSON: %w", err)
	}
	switch t := tok.(type) {
	case nil:
		return Value{Kind: KindNull}, nil
	case bool:
		return Value{Kind: KindBool, Bool: t}, nil
	case json.Number:
		return Value{Kind: KindNumber, Str: string(t)}, nil
	case string:
		return Value{Kind: KindString, Str: t}, nil
	case json.Delim:
		if t == '[' {
			v := Value{Kind: KindArray}
			for d.More() {
				x, err := decodeValue(d, depth+1)
				if err != nil {
					return Value{}, err
				}
				v.Items = append(v.Items, x)
			}
			_, err := d.Token()
			return v, err
		}
		v := Value{Kind: KindObject}
		for d.More() {
			k, err := d.Token()
			if err != nil {
				return Value{}, fmt.Errorf("grammar: bad JSON: %w", err)
			}
			x, err := decodeValue(d, depth+1)
			if err != nil {
				return Value{}, err
			}
			v.Keys = append(v.Keys, k.(string))
			v.Fields = append(v.Fields, x)
		}
		_, err := d.Token()
		return v, err
	}
	return Value{}, fmt.Errorf("grammar: bad JSON token %v", tok)
}

// Get returns the field named key of an object and whether it exists.
func (v *Value) Get(key string) (*Value, bool) {
	if v.Kind != KindObject {
		return nil, false
	}
	for i, k := range v.Keys {
		if k == key {
			return &v.Fields[i], true
		}
	}
	return nil, false
}

// AppendCompact appends v as compact JSON: no whitespace, keys in order,
// numbers as written, strings escaped minimally (quote, backslash and
// control characters; other characters as UTF-8).
func (v *Value) AppendCompact(dst []byte) []byte {
	switch v.Kind {
	case KindNull:
		return append(dst, "null"...)
	case KindBool:
		return strconv.AppendBool(dst, v.Bool)
	case KindNumber:
		return append(dst, v.Str...)
	case KindString:
		return appendJSONString(dst, v.Str)
	case KindArray:
		dst = append(dst, '[')
		for i := range v.Items {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = v.Items[i].AppendCompact(dst)
		}
		return append(dst, ']')
	}
	dst = append(dst, '{')
	for i, k := range v.Keys {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendJSONString(dst, k)
		dst = append(dst, ':')
		dst = v.Fields[i].AppendCompact(dst)
	}
	return append(dst, '}')
}

func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			dst = append(dst, '\\', c)
		case c == '\n':
			dst = append(dst, '\\', 'n')
		case c == '\r':
			dst = append(dst, '\\', 'r')
		case c == '\t':
			dst = append(dst, '\\', 't')
		case c == '\b':
			dst = append(dst, '\\', 'b')
		case c == '\f':
			dst = append(dst, '\\', 'f')
		case c < 0x20:
			dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
		case c < utf8.RuneSelf:
			dst = append(dst, c)
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 {
				dst = append(dst, `\ufffd`...)
			} else {
				dst = append(dst, s[i:i+n]...)
			}
			i += n
			continue
		}
		i++
	}
	return append(dst, '"')
}
