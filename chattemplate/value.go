package chattemplate

// Template values mirror the Python objects Jinja2 sees when Hugging Face
// renders a chat template from JSON-shaped data:
//
//	Python          Go
//	None            nil
//	Undefined       undefined
//	bool            bool
//	int             int64
//	float           float64
//	str             string
//	list / tuple    []any
//	dict            *dict (keeps insertion order, string keys)
//	Namespace       *namespace
//	loop            *loopState
//	callable        *function
//
// Values are never mutated after creation, except a namespace's attributes
// through {% set ns.x = ... %}.

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// undefined is Jinja2's default Undefined: empty when printed, iterable as
// an empty sequence, an error when used in arithmetic or looked into.
type undefined struct{ hint string }

type dictEntry struct {
	key string
	val any
}

// dict is an insertion-ordered mapping with string keys.
type dict struct {
	entries []dictEntry
	index   map[string]int // built for larger dicts only
}

const dictIndexMin = 12

func newDict(n int) *dict { return &dict{entries: make([]dictEntry, 0, n)} }

func (d *dict) get(k string) (any, bool) {
	if d.index != nil {
		if i, ok := d.index[k]; ok {
			return d.entries[i].val, true
		}
		return nil, false
	}
	for i := range d.entries {
		if d.entries[i].key == k {
			return d.entries[i].val, true
		}
	}
	return nil, false
}

// set inserts or replaces k; only for dicts under construction.
func (d *dict) set(k string, v any) {
	if d.index != nil {
		if i, ok := d.index[k]; ok {
			d.entries[i].val = v
			return
		}
	} else {
		for i := range d.entries {
			if d.entries[i].key == k {
				d.entries[i].val = v
				return
			}
		}
	}
	d.entries = append(d.entries, dictEntry{k, v})
	if d.index != nil {
		d.index[k] = len(d.entries) - 1
	} else if len(d.entries) > dictIndexMin {
		d.index = make(map[string]int, len(d.entries))
		for i, e := range d.entries {
			d.index[e.key] = i
		}
	}
}

func (d *dict) keys() []any {
	out := make([]any, len(d.entries))
	for i, e := range d.entries {
		out[i] = e.key
	}
	return out
}

// tuple is a Python tuple: a list that prints as (a, b).
type tuple []any

// norm turns a tuple into a list for operations that treat both alike.
func norm(v any) any {
	if t, ok := v.(tuple); ok {
		return []any(t)
	}
	return v
}

// namespace is the mutable object made by namespace(...).
type namespace struct{ attrs *dict }

// loopState is the "loop" variable inside a for loop.
type loopState struct {
	items []any
	i     int
}

// function is a callable value: a builtin, a bound method or a macro.
type function struct {
	name string
	call func(s *state, args []any, kw []kwarg) (any, error)
}

type kwarg struct {
	name string
	val  any
}

// ---- conversion from Go input ----

const maxInputDepth = 512

// toValue converts caller-supplied Go data into template values. Go maps
// have no order, so their keys are sorted; json.RawMessage keeps its order.
func toValue(v any, depth int) (any, error) {
	if depth > maxInputDepth {
		return nil, fmt.Errorf("%w: input nested deeper than %d", ErrInput, maxInputDepth)
	}
	switch x := v.(type) {
	case nil:
		return nil, nil
	case bool, int64, float64, string, undefined, *dict, *namespace, *function, tuple:
		return x, nil
	case int:
		return int64(x), nil
	case int32:
		return int64(x), nil
	case float32:
		return float64(x), nil
	case json.Number:
		return numberValue(string(x))
	case json.RawMessage:
		return decodeJSON([]byte(x))
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			c, err := toValue(e, depth+1)
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		d := newDict(len(keys))
		for _, k := range keys {
			c, err := toValue(x[k], depth+1)
			if err != nil {
				return nil, err
			}
			d.set(k, c)
		}
		return d, nil
	case Message:
		return x.value()
	case *Message:
		if x == nil {
			return nil, nil
		}
		return x.value()
	case ToolCall:
		return x.value(), nil
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return rv.Int(), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		u := rv.Uint()
		if u > math.MaxInt64 {
			return float64(u), nil
		}
		return int64(u), nil
	case reflect.Float32, reflect.Float64:
		return rv.Float(), nil
	case reflect.String:
		return rv.String(), nil
	case reflect.Bool:
		return rv.Bool(), nil
	case reflect.Slice, reflect.Array:
		if rv.Kind() == reflect.Slice && rv.IsNil() {
			return nil, nil
		}
		out := make([]any, rv.Len())
		for i := range out {
			c, err := toValue(rv.Index(i).Interface(), depth+1)
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	case reflect.Map:
		if rv.Type().Key().Kind() != reflect.String {
			break
		}
		if rv.IsNil() {
			return nil, nil
		}
		keys := make([]string, 0, rv.Len())
		for _, k := range rv.MapKeys() {
			keys = append(keys, k.String())
		}
		sort.Strings(keys)
		d := newDict(len(keys))
		for _, k := range keys {
			c, err := toValue(rv.MapIndex(reflect.ValueOf(k).Convert(rv.Type().Key())).Interface(), depth+1)
			if err != nil {
				return nil, err
			}
			d.set(k, c)
		}
		return d, nil
	case reflect.Pointer, reflect.Interface:
		if rv.IsNil() {
			return nil, nil
		}
		return toValue(rv.Elem().Interface(), depth+1)
	}
	// Structs and anything else: through their JSON form.
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("%w: %T: %v", ErrInput, v, err)
	}
	return decodeJSON(b)
}

// ---- Python semantics ----

func isUndefined(v any) bool {
	_, ok := v.(undefined)
	return ok
}

// truthy is Python's bool(v).
func truthy(v any) bool {
	switch x := norm(v).(type) {
	case nil, undefined:
		return false
	case bool:
		return x
	case int64:
		return x != 0
	case float64:
		return x != 0
	case string:
		return x != ""
	case []any:
		return len(x) > 0
	case *dict:
		return len(x.entries) > 0
	}
	return true
}

func typeName(v any) string {
	switch v.(type) {
	case nil:
		return "NoneType"
	case undefined:
		return "Undefined"
	case bool:
		return "bool"
	case int64:
		return "int"
	case float64:
		return "float"
	case string:
		return "str"
	case []any:
		return "list"
	case tuple:
		return "tuple"
	case *dict:
		return "dict"
	case *namespace:
		return "Namespace"
	case *loopState:
		return "LoopContext"
	case *function:
		return "function"
	}
	return fmt.Sprintf("%T", v)
}

// toStr is Python's str(v) as Jinja2 prints it (Undefined prints empty).
func (s *state) str(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case undefined:
		return ""
	case nil:
		return "None"
	case bool:
		if x {
			return "True"
		}
		return "False"
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return pyFloat(x)
	}
	var b strings.Builder
	s.writeRepr(&b, v, 0)
	return b.String()
}

// pyFloat formats f like Python's repr(float).
func pyFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	e := strconv.FormatFloat(f, 'e', -1, 64) // -d.ddde±XX
	mant, expStr, _ := strings.Cut(e, "e")
	exp, _ := strconv.Atoi(expStr)
	if exp < -4 || exp >= 16 {
		sign := "+"
		if exp < 0 {
			sign = "-"
			exp = -exp
		}
		return fmt.Sprintf("%se%s%02d", mant, sign, exp)
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.ContainsAny(s, ".") {
		s += ".0"
	}
	return s
}

const maxReprDepth = 1000

// maxStringIter bounds the strings a loop or filter may split into characters.
const maxStringIter = 1 << 20

// writeRepr writes Python's repr(v).
func (s *state) writeRepr(b *strings.Builder, v any, depth int) {
	if depth > maxReprDepth || b.Len() > s.maxOut {
		if s.sticky == nil {
			s.sticky = fmt.Errorf("%w: value too large or too deeply nested to print", ErrLimit)
		}
		return
	}
	if !s.charge(1) {
		return
	}
	switch x := v.(type) {
	case string:
		writePyStr(b, x)
	case tuple:
		b.WriteByte('(')
		for i, e := range x {
			if i > 0 {
				b.WriteString(", ")
			}
			s.writeRepr(b, e, depth+1)
		}
		if len(x) == 1 {
			b.WriteByte(',')
		}
		b.WriteByte(')')
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteString(", ")
			}
			s.writeRepr(b, e, depth+1)
		}
		b.WriteByte(']')
	case *dict:
		b.WriteByte('{')
		for i, e := range x.entries {
			if i > 0 {
				b.WriteString(", ")
			}
			writePyStr(b, e.key)
			b.WriteString(": ")
			s.writeRepr(b, e.val, depth+1)
		}
		b.WriteByte('}')
	case *namespace:
		b.WriteString("<Namespace ")
		s.writeRepr(b, x.attrs, depth+1)
		b.WriteByte('>')
	case *function:
		fmt.Fprintf(b, "<function %s>", x.name)
	case *loopState:
		fmt.Fprintf(b, "<LoopContext %d/%d>", x.i+1, len(x.items))
	case undefined:
		b.WriteString("Undefined")
	default:
		b.WriteString(s.str(v))
	}
}

// writePyStr writes a Python string literal the way repr(str) does.
func writePyStr(b *strings.Builder, s string) {
	q := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		q = '"'
	}
	b.WriteByte(q)
	for _, r := range s {
		switch {
		case r == rune(q) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(b, `\x%02x`, r)
		case r == utf8.RuneError:
			b.WriteString(`\ufffd`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte(q)
}

func asNumber(v any) (float64, bool) {
	switch x := v.(type) {
	case int64:
		return float64(x), true
	case float64:
		return x, true
	case bool:
		if x {
			return 1, true
		}
		return 0, true
	}
	return 0, false
}

func asInt(v any) (int64, bool) {
	switch x := v.(type) {
	case int64:
		return x, true
	case bool:
		if x {
			return 1, true
		}
		return 0, true
	}
	return 0, false
}

// equal is Python's ==.
func (s *state) equal(a, b any, depth int) bool {
	if depth > maxReprDepth || !s.charge(1) {
		return false
	}
	a, b = norm(a), norm(b)
	switch x := a.(type) {
	case nil:
		return b == nil
	case undefined:
		return isUndefined(b)
	case string:
		y, ok := b.(string)
		return ok && x == y
	case bool, int64, float64:
		if ai, ok := asInt(a); ok {
			if bi, ok := asInt(b); ok {
				return ai == bi
			}
		}
		fa, _ := asNumber(a)
		fb, ok := asNumber(b)
		return ok && fa == fb
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !s.equal(x[i], y[i], depth+1) {
				return false
			}
		}
		return true
	case *dict:
		y, ok := b.(*dict)
		if !ok || len(x.entries) != len(y.entries) {
			return false
		}
		for _, e := range x.entries {
			v, ok := y.get(e.key)
			if !ok || !s.equal(e.val, v, depth+1) {
				return false
			}
		}
		return true
	}
	return a == b
}

// compare is Python's ordering for <, <=, >, >=.
func (s *state) compare(a, b any, depth int) (int, error) {
	if depth > maxReprDepth {
		return 0, fmt.Errorf("%w: comparison nested too deeply", ErrLimit)
	}
	if !s.charge(1) {
		return 0, s.sticky
	}
	a, b = norm(a), norm(b)
	if ai, ok := asInt(a); ok {
		if bi, ok := asInt(b); ok {
			return cmpOrdered(ai, bi), nil
		}
	}
	if fa, ok := asNumber(a); ok {
		if fb, ok := asNumber(b); ok {
			return cmpOrdered(fa, fb), nil
		}
	}
	if sa, ok := a.(string); ok {
		if sb, ok := b.(string); ok {
			return strings.Compare(sa, sb), nil
		}
	}
	if la, ok := a.([]any); ok {
		if lb, ok := b.([]any); ok {
			for i := 0; i < len(la) && i < len(lb); i++ {
				if s.equal(la[i], lb[i], depth+1) {
					continue
				}
				return s.compare(la[i], lb[i], depth+1)
			}
			return cmpOrdered(len(la), len(lb)), nil
		}
	}
	return 0, fmt.Errorf("%w: '<' not supported between instances of '%s' and '%s'", ErrType, typeName(a), typeName(b))
}

func cmpOrdered[T int | int64 | float64](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// strLen is len(str) in code points.
func strLen(s string) int { return utf8.RuneCountInString(s) }

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// iterate returns the items a for loop over v visits.
func iterate(v any) ([]any, error) {
	switch x := norm(v).(type) {
	case []any:
		return x, nil
	case *dict:
		return x.keys(), nil
	case string:
		if len(x) > maxStringIter {
			return nil, fmt.Errorf("%w: iterating over a string of %d bytes", ErrLimit, len(x))
		}
		out := make([]any, 0, len(x))
		for _, r := range x {
			out = append(out, string(r))
		}
		return out, nil
	case undefined:
		return nil, nil
	}
	return nil, fmt.Errorf("%w: '%s' object is not iterable", ErrType, typeName(v))
}
