package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// ErrBadValue is wrapped by decoding errors about one field's value (a
// string where a number is needed, an object where a string is needed, ...).
var ErrBadValue = errors.New("config: bad value")

// valueError is a message about one value that matches ErrBadValue under
// errors.Is without repeating its text.
type valueError struct{ msg string }

func (e *valueError) Error() string { return e.msg }
func (e *valueError) Unwrap() error { return ErrBadValue }

func badValue(format string, args ...any) error {
	return &valueError{fmt.Sprintf(format, args...)}
}

// maxConfigBytes bounds what Decode accepts; GaiaNet configs are ~2 KiB.
const maxConfigBytes = 4 << 20

// field binds a JSON key to the Go field that holds it. ptr is one of
// *string, *int, *float64, *bool, *[]string, *json.RawMessage or a
// structured extension (decoded strictly). always marks keys GaiaNet's
// scripts require (`gaianet init` greps for them), so Save writes them even
// when empty.
type field struct {
	key    string
	ptr    any
	always bool
}

// fieldSpec is a field of Config or Extensions as its struct tags describe
// it: `json:"key"` names it (the only place a key is named), and
// `config:"required"` marks a key GaiaNet's scripts require.
type fieldSpec struct {
	key    string
	index  int
	always bool
}

// The field tables, read once from the struct tags. The struct's field
// order is the canonical key order: the order GaiaNet's default
// config.json writes its keys, with keys that file lacks where GaiaNet's
// presets put them.
var (
	configSpecs = fieldSpecs(reflect.TypeFor[Config](), ExtensionsKey)
	extSpecs    = fieldSpecs(reflect.TypeFor[Extensions](), "")
)

// fieldSpecs lists t's exported fields that have a JSON key, except skip
// (the nested extensions object, encoded on its own).
func fieldSpecs(t reflect.Type, skip string) []fieldSpec {
	var out []fieldSpec
	for i := range t.NumField() {
		f := t.Field(i)
		key, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || key == "" || key == "-" || key == skip {
			continue
		}
		out = append(out, fieldSpec{key: key, index: i, always: f.Tag.Get("config") == "required"})
	}
	return out
}

// bind returns the fields of the struct v points to, as specs lists them.
func bind(v reflect.Value, specs []fieldSpec) []field {
	out := make([]field, len(specs))
	for i, s := range specs {
		out[i] = field{key: s.key, ptr: v.Field(s.index).Addr().Interface(), always: s.always}
	}
	return out
}

// fields lists c's GaiaNet keys in canonical order, bound to c's fields.
func (c *Config) fields() []field { return bind(reflect.ValueOf(c).Elem(), configSpecs) }

// fields lists e's keys in canonical order, bound to e's fields.
func (e *Extensions) fields() []field { return bind(reflect.ValueOf(e).Elem(), extSpecs) }

// KnownKeys returns GaiaNet's top-level config keys this package models, in
// canonical order. The caller owns the returned slice.
func KnownKeys() []string {
	var c Config
	fs := c.fields()
	keys := make([]string, len(fs))
	for i, f := range fs {
		keys[i] = f.key
	}
	return keys
}

// IsZero reports whether no extension is set and none was read.
func (e *Extensions) IsZero() bool {
	for _, f := range e.fields() {
		if !isZero(f.ptr) {
			return false
		}
	}
	return len(e.Extra) == 0 && len(e.order) == 0
}

// Decode parses a config.json. Numbers and booleans may be JSON strings and
// vice versa; an empty string or null leaves a field unset; unknown keys go
// to Extra (and unknown keys of the "gaianet_go" object to Ext.Extra). The
// key order is remembered for Encode. Decode does not apply defaults or
// validate. Errors about a value wrap ErrBadValue and name the key.
func Decode(data []byte) (*Config, error) {
	c, err := decode(data)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	return c, nil
}

func decode(data []byte) (*Config, error) {
	if len(data) > maxConfigBytes {
		return nil, fmt.Errorf("file is %d bytes, more than the %d allowed", len(data), maxConfigBytes)
	}
	c := &Config{}
	err := decodeObject(data, func(key string, raw json.RawMessage) error {
		if key == ExtensionsKey {
			return c.Ext.decode(raw)
		}
		for _, f := range c.fields() {
			if f.key == key {
				if key == "qdrant_score_threshold" {
					text, _, _ := scalar(raw)
					c.thresholdSet = strings.TrimSpace(text) != ""
				}
				return setField(f, raw)
			}
		}
		if c.Extra == nil {
			c.Extra = make(map[string]json.RawMessage)
		}
		c.Extra[key] = raw
		return nil
	}, &c.order)
	if err != nil {
		return nil, err
	}
	return c, nil
}

func (e *Extensions) decode(raw json.RawMessage) error {
	*e = Extensions{} // a repeated key replaces the whole object
	if string(raw) == "null" {
		e.order = []string{}
		return nil
	}
	err := decodeObject(raw, func(key string, v json.RawMessage) error {
		for _, f := range e.fields() {
			if f.key == key {
				return setField(f, v)
			}
		}
		if e.Extra == nil {
			e.Extra = make(map[string]json.RawMessage)
		}
		e.Extra[key] = v
		return nil
	}, &e.order)
	if err != nil {
		return fmt.Errorf("in %q: %w", ExtensionsKey, err)
	}
	if e.order == nil {
		e.order = []string{} // present but empty: keep writing it
	}
	return nil
}

// decodeObject walks one JSON object, calling set for each member in order
// with the member's value compacted. order receives each key once, at its
// first occurrence; a repeated key's last value wins, as in encoding/json.
func decodeObject(data []byte, set func(key string, raw json.RawMessage) error, order *[]string) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return fmt.Errorf("syntax: %w", err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return fmt.Errorf("want a JSON object, found %v", tok)
	}
	seen := make(map[string]bool)
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return fmt.Errorf("syntax: %w", err)
		}
		key, ok := tok.(string)
		if !ok {
			return fmt.Errorf("want an object key, found %v", tok)
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return fmt.Errorf("field %q: %w", key, err)
		}
		var buf bytes.Buffer
		if err := json.Compact(&buf, raw); err != nil {
			return fmt.Errorf("field %q: %w", key, err)
		}
		if err := set(key, buf.Bytes()); err != nil {
			return err
		}
		if !seen[key] {
			seen[key] = true
			*order = append(*order, key)
		}
	}
	if _, err := dec.Token(); err != nil { // the closing '}'
		return fmt.Errorf("syntax: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return fmt.Errorf("data after the top-level object")
	}
	return nil
}

// setField parses raw into f.ptr.
func setField(f field, raw json.RawMessage) error {
	var err error
	switch p := f.ptr.(type) {
	case *string:
		*p, err = parseString(raw)
	case *int:
		*p, err = parseInt(raw)
	case *float64:
		*p, err = parseFloat(raw)
	case *bool:
		*p, err = parseBool(raw)
	case *[]string:
		*p, err = parseStrings(raw)
	case *json.RawMessage:
		*p, err = parseArray(raw)
	default:
		// Structured extensions (tools, mcp_servers, prompt_sets) are
		// strict JSON: an unknown field is an error, not ignored.
		err = strictUnmarshal(raw, f.ptr)
	}
	if err != nil {
		return fmt.Errorf("field %q: %w", f.key, err)
	}
	return nil
}

// scalar returns the text of a JSON scalar: a string's contents, a number's
// or boolean's literal, or "" for null. kind is 's', 'n', 'b' or 0 (null).
func scalar(raw json.RawMessage) (text string, kind byte, err error) {
	switch {
	case len(raw) == 0:
		return "", 0, badValue("empty value")
	case string(raw) == "null":
		return "", 0, nil
	case raw[0] == '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", 0, badValue("%v", err)
		}
		return s, 's', nil
	case string(raw) == "true" || string(raw) == "false":
		return string(raw), 'b', nil
	case raw[0] == '-' || (raw[0] >= '0' && raw[0] <= '9'):
		return string(raw), 'n', nil
	}
	return "", 0, badValue("want a string, number or boolean, found %s", short(raw))
}

// parseArray keeps a JSON array as it is (its elements are validated by
// the package that owns them); null means empty.
func parseArray(raw json.RawMessage) (json.RawMessage, error) {
	if string(raw) == "null" {
		return nil, nil
	}
	if len(raw) == 0 || raw[0] != '[' {
		return nil, badValue("want a JSON array, found %s", short(raw))
	}
	return append(json.RawMessage(nil), raw...), nil
}

func parseString(raw json.RawMessage) (string, error) {
	s, _, err := scalar(raw)
	return s, err
}

// maxInt bounds integers to what a float64 holds exactly and every platform's
// int can hold.
const maxInt = 1<<31 - 1

func parseInt(raw json.RawMessage) (int, error) {
	s, kind, err := scalar(raw)
	if err != nil {
		return 0, err
	}
	if kind == 'b' {
		return 0, badValue("want an integer, found %s", s)
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		if n > maxInt || n < -maxInt {
			return 0, badValue("%s is out of range", strconv.Quote(s))
		}
		return int(n), nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != math.Trunc(f) || math.IsInf(f, 0) {
		return 0, badValue("%s is not an integer", strconv.Quote(s))
	}
	if f > maxInt || f < -maxInt {
		return 0, badValue("%s is out of range", strconv.Quote(s))
	}
	return int(f), nil
}

func parseFloat(raw json.RawMessage) (float64, error) {
	s, kind, err := scalar(raw)
	if err != nil {
		return 0, err
	}
	if kind == 'b' {
		return 0, badValue("want a number, found %s", s)
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, badValue("%s is not a finite number", strconv.Quote(s))
	}
	return f, nil
}

func parseBool(raw json.RawMessage) (bool, error) {
	s, _, err := scalar(raw)
	if err != nil {
		return false, err
	}
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "false", "0", "no", "off":
		return false, nil
	case "true", "1", "yes", "on":
		return true, nil
	}
	return false, badValue("%s is not a boolean", strconv.Quote(s))
}

// parseStrings accepts a JSON array of scalars or one comma-separated string.
func parseStrings(raw json.RawMessage) ([]string, error) {
	if len(raw) > 0 && raw[0] == '[' {
		var items []json.RawMessage
		if err := json.Unmarshal(raw, &items); err != nil {
			return nil, badValue("%v", err)
		}
		out := make([]string, 0, len(items))
		for _, it := range items {
			s, err := parseString(it)
			if err != nil {
				return nil, err
			}
			out = append(out, s)
		}
		if len(out) == 0 {
			return nil, nil
		}
		return out, nil
	}
	s, _, err := scalar(raw)
	if err != nil {
		return nil, err
	}
	var out []string
	for part := range strings.SplitSeq(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out, nil
}

func short(raw []byte) string {
	if len(raw) > 40 {
		return string(raw[:40]) + "..."
	}
	return string(raw)
}

func isZero(p any) bool {
	switch p := p.(type) {
	case *string:
		return *p == ""
	case *int:
		return *p == 0
	case *float64:
		return *p == 0
	case *bool:
		return !*p
	case *[]string:
		return len(*p) == 0
	case *json.RawMessage:
		return len(*p) == 0
	}
	v := reflect.ValueOf(p).Elem()
	return v.IsZero() || (v.Kind() == reflect.Slice || v.Kind() == reflect.Map) && v.Len() == 0
}

// Encode renders c the way GaiaNet writes config.json: an object with four
// spaces of indentation, one key per line, GaiaNet's values as JSON strings
// ("16384", "0.5"), no HTML escaping, and a final newline. Keys keep the
// order they were decoded in; keys set since then follow in canonical order,
// then unknown keys sorted. GaiaNet's required keys are always written; its
// optional keys only when set or when the decoded file had them. The
// "gaianet_go" object uses native JSON types. Encode fails only if an Extra
// value is not valid JSON.
func (c *Config) Encode() ([]byte, error) {
	var w objWriter
	w.begin("")
	fs := c.fields()
	written := make(map[string]bool)
	writeKey := func(key string) error {
		if written[key] {
			return nil
		}
		if key == ExtensionsKey {
			if c.Ext.IsZero() && !slices.Contains(c.order, ExtensionsKey) {
				return nil
			}
			written[key] = true
			return c.Ext.encode(&w)
		}
		for _, f := range fs {
			if f.key == key {
				if f.always || !isZero(f.ptr) || slices.Contains(c.order, key) {
					written[key] = true
					v := gaianetValue(f.ptr)
					if key == "qdrant_score_threshold" && c.QdrantScoreThreshold == 0 && !c.thresholdSet {
						v = `""`
					}
					w.member("    ", key, v)
				}
				return nil
			}
		}
		if raw, ok := c.Extra[key]; ok {
			written[key] = true
			return w.raw("    ", key, raw)
		}
		return nil
	}
	for _, k := range c.order {
		if err := writeKey(k); err != nil {
			return nil, err
		}
	}
	for _, f := range fs {
		if err := writeKey(f.key); err != nil {
			return nil, err
		}
	}
	if err := writeKey(ExtensionsKey); err != nil {
		return nil, err
	}
	for _, k := range sortedKeys(c.Extra) {
		if err := writeKey(k); err != nil {
			return nil, err
		}
	}
	w.end("")
	w.buf.WriteByte('\n')
	return w.buf.Bytes(), nil
}

func (e *Extensions) encode(w *objWriter) error {
	w.key("    ", ExtensionsKey)
	w.begin("    ")
	fs := e.fields()
	written := make(map[string]bool)
	writeKey := func(key string) error {
		if written[key] {
			return nil
		}
		for _, f := range fs {
			if f.key == key {
				if !isZero(f.ptr) || slices.Contains(e.order, key) {
					written[key] = true
					if raw, ok := f.ptr.(*json.RawMessage); ok {
						if len(*raw) == 0 {
							return w.raw("        ", key, json.RawMessage("[]"))
						}
						return w.raw("        ", key, *raw)
					}
					if !isScalar(f.ptr) {
						b, err := json.Marshal(f.ptr)
						if err != nil {
							return fmt.Errorf("config: field %q: %w", key, err)
						}
						return w.raw("        ", key, b)
					}
					w.member("        ", key, nativeValue(f.ptr))
				}
				return nil
			}
		}
		if raw, ok := e.Extra[key]; ok {
			written[key] = true
			return w.raw("        ", key, raw)
		}
		return nil
	}
	for _, k := range e.order {
		if err := writeKey(k); err != nil {
			return err
		}
	}
	for _, f := range fs {
		if err := writeKey(f.key); err != nil {
			return err
		}
	}
	for _, k := range sortedKeys(e.Extra) {
		if err := writeKey(k); err != nil {
			return err
		}
	}
	w.end("    ")
	return nil
}

// isScalar reports whether p is one of the scalar field types.
func isScalar(p any) bool {
	switch p.(type) {
	case *string, *int, *float64, *bool, *[]string:
		return true
	}
	return false
}

// gaianetValue renders a GaiaNet field as GaiaNet does: always a string.
func gaianetValue(p any) string {
	switch p := p.(type) {
	case *string:
		return quote(*p)
	case *int:
		if *p == 0 {
			return `""`
		}
		return quote(strconv.Itoa(*p))
	case *float64:
		return quote(strconv.FormatFloat(*p, 'f', -1, 64))
	case *bool:
		return quote(strconv.FormatBool(*p))
	case *[]string:
		return quote(strings.Join(*p, ","))
	}
	panic(fmt.Sprintf("config: unsupported field type %T", p))
}

// nativeValue renders an extension field with its JSON type.
func nativeValue(p any) string {
	switch p := p.(type) {
	case *string:
		return quote(*p)
	case *int:
		return strconv.Itoa(*p)
	case *float64:
		return strconv.FormatFloat(*p, 'f', -1, 64)
	case *bool:
		return strconv.FormatBool(*p)
	case *[]string:
		parts := make([]string, len(*p))
		for i, s := range *p {
			parts[i] = quote(s)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	panic(fmt.Sprintf("config: unsupported field type %T", p))
}

// quote renders s as a JSON string without HTML escaping.
func quote(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(b.String(), "\n")
}

func sortedKeys(m map[string]json.RawMessage) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// objWriter writes one JSON object member per line.
type objWriter struct {
	buf   bytes.Buffer
	first []bool // per open object: no member written yet
}

func (w *objWriter) begin(string) {
	w.buf.WriteByte('{')
	w.first = append(w.first, true)
}

func (w *objWriter) end(indent string) {
	if !w.first[len(w.first)-1] {
		w.buf.WriteString("\n" + indent)
	}
	w.first = w.first[:len(w.first)-1]
	w.buf.WriteByte('}')
}

func (w *objWriter) key(indent, key string) {
	if w.first[len(w.first)-1] {
		w.first[len(w.first)-1] = false
	} else {
		w.buf.WriteByte(',')
	}
	w.buf.WriteString("\n" + indent + quote(key) + ": ")
}

func (w *objWriter) member(indent, key, value string) {
	w.key(indent, key)
	w.buf.WriteString(value)
}

func (w *objWriter) raw(indent, key string, raw json.RawMessage) error {
	var b bytes.Buffer
	if err := json.Indent(&b, raw, indent, "    "); err != nil {
		return fmt.Errorf("config: field %q: %w", key, err)
	}
	w.key(indent, key)
	w.buf.Write(b.Bytes())
	return nil
}

// MarshalJSON implements json.Marshaler with Encode's format.
func (c *Config) MarshalJSON() ([]byte, error) { return c.Encode() }

// UnmarshalJSON implements json.Unmarshaler with Decode's rules.
// A JSON null leaves c unchanged.
func (c *Config) UnmarshalJSON(data []byte) error {
	if string(bytes.TrimSpace(data)) == "null" {
		return nil
	}
	n, err := Decode(data)
	if err != nil {
		return err
	}
	*c = *n
	return nil
}
