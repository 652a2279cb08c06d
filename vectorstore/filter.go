package vectorstore

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strings"
)

// Filter selects points by payload and id, shaped like Qdrant's filter:
// every condition in Must holds, at least one in Should holds (when Should is
// not empty), and none in MustNot holds. A nil or empty Filter matches every
// point. Filter decodes from Qdrant's JSON form, for example
//
//	{"must": [{"key": "source", "match": {"value": "a.md"}}],
//	 "must_not": [{"has_id": [7]}]}
//
// A Filter is plain data: the store compiles it on each request and never
// keeps or modifies the caller's value.
type Filter struct {
	Must    []Condition `json:"must,omitempty"`
	Should  []Condition `json:"should,omitempty"`
	MustNot []Condition `json:"must_not,omitempty"`
}

// Condition is one clause of a Filter. Exactly one of the following is set:
//
//   - Key with Match or Range: a payload field condition. Key is a path of
//     object keys separated by dots; a segment ending in "[]" descends into
//     every element of an array ("chunks[].lang"). When the field holds an
//     array, the condition holds if it holds for any element.
//   - HasID: the point's id is one of these.
//   - IsEmpty: the field is missing, null or an empty array.
//   - IsNull: the field is present and null.
//   - Nested: Filter applied to each object of the array at Nested.Key; holds
//     if some element satisfies the whole filter.
//   - Filter: a nested filter (in JSON, an object with must/should/must_not).
type Condition struct {
	Key     string    `json:"key,omitempty"`
	Match   *Match    `json:"match,omitempty"`
	Range   *Range    `json:"range,omitempty"`
	HasID   []PointID `json:"has_id,omitempty"`
	IsEmpty *FieldRef `json:"is_empty,omitempty"`
	IsNull  *FieldRef `json:"is_null,omitempty"`
	Nested  *Nested   `json:"nested,omitempty"`
	Filter  *Filter   `json:"-"`
}

// Match is a value condition on a payload field. Exactly one of Value, Any,
// Except or Text is set. Values are strings (keywords), integers or booleans;
// a JSON number must be integral.
//
//   - Value: the field equals Value.
//   - Any: the field equals one of Any.
//   - Except: the field has a value that is none of Except (a missing field
//     does not match).
//   - Text: the field is a string containing Text.
type Match struct {
	Value  any    `json:"value,omitempty"`
	Any    []any  `json:"any,omitempty"`
	Except []any  `json:"except,omitempty"`
	Text   string `json:"text,omitempty"`
}

// Range bounds a numeric payload field; nil bounds are open.
type Range struct {
	GT  *float64 `json:"gt,omitempty"`
	GTE *float64 `json:"gte,omitempty"`
	LT  *float64 `json:"lt,omitempty"`
	LTE *float64 `json:"lte,omitempty"`
}

// FieldRef names a payload field, as in {"is_empty": {"key": "tags"}}.
type FieldRef struct {
	Key string `json:"key"`
}

// Nested applies Filter to the objects of the array at Key.
type Nested struct {
	Key    string `json:"key"`
	Filter Filter `json:"filter"`
}

// MarshalJSON writes a nested-filter condition in Qdrant's inline form.
func (c Condition) MarshalJSON() ([]byte, error) {
	if c.Filter != nil {
		return json.Marshal(c.Filter)
	}
	type plain Condition
	return json.Marshal(plain(c))
}

// UnmarshalJSON decodes any of the condition forms; an object with must,
// should or must_not is a nested filter. Unknown keys are an error.
func (c *Condition) UnmarshalJSON(b []byte) error {
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(b, &keys); err != nil {
		return fmt.Errorf("%w: condition: %v", ErrInvalid, err)
	}
	_, m1 := keys["must"]
	_, m2 := keys["should"]
	_, m3 := keys["must_not"]
	if m1 || m2 || m3 {
		var f Filter
		if err := decodeStrict(b, &f); err != nil {
			return fmt.Errorf("%w: nested filter: %v", ErrInvalid, err)
		}
		*c = Condition{Filter: &f}
		return nil
	}
	type plain Condition
	var p plain
	if err := decodeStrict(b, &p); err != nil {
		return fmt.Errorf("%w: condition: %v", ErrInvalid, err)
	}
	*c = Condition(p)
	return nil
}

func decodeStrict(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// --- compiled form ---

type condKind uint8

const (
	condMatch condKind = iota + 1
	condExcept
	condText
	condRange
	condHasID
	condIsEmpty
	condIsNull
	condNested
	condFilter
)

type pathSeg struct {
	name    string
	flatten bool
}

type cfilter struct {
	must, should, mustNot []ccond
}

type ccond struct {
	kind   condKind
	path   []pathSeg
	values []any // condMatch, condExcept: string, bool or float64
	text   string
	lo, hi float64 // condRange, with loIncl/hiIncl
	loIncl bool
	hiIncl bool
	ids    map[PointID]struct{}
	sub    *cfilter
}

// compileFilter validates f and returns its compiled form; nil for a nil or
// empty filter.
func compileFilter(f *Filter) (*cfilter, error) {
	if f == nil || (len(f.Must) == 0 && len(f.Should) == 0 && len(f.MustNot) == 0) {
		return nil, nil
	}
	return compileFilterDepth(f, 0)
}

const maxFilterDepth = 32

func compileFilterDepth(f *Filter, depth int) (*cfilter, error) {
	if depth > maxFilterDepth {
		return nil, fmt.Errorf("%w: filter nested deeper than %d", ErrInvalid, maxFilterDepth)
	}
	cf := &cfilter{}
	var err error
	if cf.must, err = compileConds(f.Must, depth); err != nil {
		return nil, err
	}
	if cf.should, err = compileConds(f.Should, depth); err != nil {
		return nil, err
	}
	if cf.mustNot, err = compileConds(f.MustNot, depth); err != nil {
		return nil, err
	}
	return cf, nil
}

func compileConds(cs []Condition, depth int) ([]ccond, error) {
	if len(cs) == 0 {
		return nil, nil
	}
	out := make([]ccond, 0, len(cs))
	for i := range cs {
		cc, err := compileCond(&cs[i], depth)
		if err != nil {
			return nil, err
		}
		out = append(out, cc)
	}
	return out, nil
}

func compileCond(c *Condition, depth int) (ccond, error) {
	n := 0
	if c.Match != nil {
		n++
	}
	if c.Range != nil {
		n++
	}
	if c.HasID != nil {
		n++
	}
	if c.IsEmpty != nil {
		n++
	}
	if c.IsNull != nil {
		n++
	}
	if c.Nested != nil {
		n++
	}
	if c.Filter != nil {
		n++
	}
	if n != 1 {
		return ccond{}, fmt.Errorf("%w: a condition needs exactly one of match, range, has_id, is_empty, is_null, nested or a filter (has %d)", ErrInvalid, n)
	}
	if (c.Match != nil || c.Range != nil) != (c.Key != "") {
		return ccond{}, fmt.Errorf("%w: key is required with match or range, and only with them", ErrInvalid)
	}
	switch {
	case c.Match != nil:
		return compileMatch(c.Key, c.Match)
	case c.Range != nil:
		return compileRange(c.Key, c.Range)
	case c.HasID != nil:
		ids := make(map[PointID]struct{}, len(c.HasID))
		for _, id := range c.HasID {
			ids[id] = struct{}{}
		}
		return ccond{kind: condHasID, ids: ids}, nil
	case c.IsEmpty != nil:
		p, err := parsePath(c.IsEmpty.Key)
		return ccond{kind: condIsEmpty, path: p}, err
	case c.IsNull != nil:
		p, err := parsePath(c.IsNull.Key)
		return ccond{kind: condIsNull, path: p}, err
	case c.Nested != nil:
		p, err := parsePath(c.Nested.Key)
		if err != nil {
			return ccond{}, err
		}
		sub, err := compileFilterDepth(&c.Nested.Filter, depth+1)
		return ccond{kind: condNested, path: p, sub: sub}, err
	default:
		sub, err := compileFilterDepth(c.Filter, depth+1)
		return ccond{kind: condFilter, sub: sub}, err
	}
}

func parsePath(key string) ([]pathSeg, error) {
	if key == "" {
		return nil, fmt.Errorf("%w: empty payload key", ErrInvalid)
	}
	parts := strings.Split(key, ".")
	segs := make([]pathSeg, len(parts))
	for i, p := range parts {
		flat := strings.HasSuffix(p, "[]")
		if flat {
			p = p[:len(p)-2]
		}
		if p == "" {
			return nil, fmt.Errorf("%w: payload key %q has an empty segment", ErrInvalid, key)
		}
		segs[i] = pathSeg{name: p, flatten: flat}
	}
	return segs, nil
}

func compileMatch(key string, m *Match) (ccond, error) {
	path, err := parsePath(key)
	if err != nil {
		return ccond{}, err
	}
	set := 0
	if m.Value != nil {
		set++
	}
	if m.Any != nil {
		set++
	}
	if m.Except != nil {
		set++
	}
	if m.Text != "" {
		set++
	}
	if set != 1 {
		return ccond{}, fmt.Errorf("%w: match on %q needs exactly one of value, any, except or text", ErrInvalid, key)
	}
	c := ccond{path: path}
	switch {
	case m.Text != "":
		c.kind, c.text = condText, m.Text
		return c, nil
	case m.Value != nil:
		c.kind = condMatch
		v, err := matchValue(key, m.Value)
		c.values = []any{v}
		return c, err
	case m.Any != nil:
		c.kind = condMatch
	default:
		c.kind = condExcept
	}
	src := m.Any
	if c.kind == condExcept {
		src = m.Except
	}
	c.values = make([]any, len(src))
	for i, v := range src {
		if c.values[i], err = matchValue(key, v); err != nil {
			return ccond{}, err
		}
	}
	return c, nil
}

// matchValue normalises a match value to string, bool or an integral
// float64, the types that payloads hold after a JSON round trip.
func matchValue(key string, v any) (any, error) {
	var f float64
	switch x := v.(type) {
	case string, bool:
		return x, nil
	case float64:
		f = x
	case float32:
		f = float64(x)
	case int:
		f = float64(x)
	case int64:
		f = float64(x)
	case int32:
		f = float64(x)
	case uint64:
		f = float64(x)
	case uint32:
		f = float64(x)
	case json.Number:
		g, err := x.Float64()
		if err != nil {
			return nil, fmt.Errorf("%w: match on %q: %v", ErrInvalid, key, err)
		}
		f = g
	default:
		return nil, fmt.Errorf("%w: match on %q: value must be a keyword, integer or bool, not %T", ErrInvalid, key, v)
	}
	if f != math.Trunc(f) || math.IsInf(f, 0) {
		return nil, fmt.Errorf("%w: match on %q: number %v is not an integer", ErrInvalid, key, f)
	}
	return f, nil
}

func compileRange(key string, r *Range) (ccond, error) {
	path, err := parsePath(key)
	if err != nil {
		return ccond{}, err
	}
	c := ccond{kind: condRange, path: path, lo: math.Inf(-1), hi: math.Inf(1), loIncl: true, hiIncl: true}
	if r.GT != nil {
		c.lo, c.loIncl = *r.GT, false
	}
	if r.GTE != nil {
		if r.GT != nil {
			return ccond{}, fmt.Errorf("%w: range on %q has both gt and gte", ErrInvalid, key)
		}
		c.lo = *r.GTE
	}
	if r.LT != nil {
		c.hi, c.hiIncl = *r.LT, false
	}
	if r.LTE != nil {
		if r.LT != nil {
			return ccond{}, fmt.Errorf("%w: range on %q has both lt and lte", ErrInvalid, key)
		}
		c.hi = *r.LTE
	}
	if math.IsNaN(c.lo) || math.IsNaN(c.hi) {
		return ccond{}, fmt.Errorf("%w: range on %q has NaN", ErrInvalid, key)
	}
	return c, nil
}

// matches reports whether the point with this id and payload passes f. A nil
// filter passes everything.
func (f *cfilter) matches(id PointID, payload map[string]any) bool {
	if f == nil {
		return true
	}
	for i := range f.must {
		if !f.must[i].eval(id, payload) {
			return false
		}
	}
	for i := range f.mustNot {
		if f.mustNot[i].eval(id, payload) {
			return false
		}
	}
	if len(f.should) == 0 {
		return true
	}
	for i := range f.should {
		if f.should[i].eval(id, payload) {
			return true
		}
	}
	return false
}

func (c *ccond) eval(id PointID, payload map[string]any) bool {
	switch c.kind {
	case condHasID:
		_, ok := c.ids[id]
		return ok
	case condFilter:
		return c.sub.matches(id, payload)
	case condIsEmpty:
		empty := true
		visitPath(payload, c.path, func(v any) bool {
			if v == nil {
				return false
			}
			if a, ok := v.([]any); ok && len(a) == 0 {
				return false
			}
			empty = false
			return true
		})
		return empty
	case condIsNull:
		return visitPath(payload, c.path, func(v any) bool { return v == nil })
	case condNested:
		return visitPath(payload, c.path, func(v any) bool {
			if arr, ok := v.([]any); ok {
				for _, e := range arr {
					if m, ok := e.(map[string]any); ok && c.sub.matches(id, m) {
						return true
					}
				}
				return false
			}
			m, ok := v.(map[string]any)
			return ok && c.sub.matches(id, m)
		})
	}
	return visitPath(payload, c.path, func(v any) bool {
		if arr, ok := v.([]any); ok {
			for _, e := range arr {
				if c.evalLeaf(e) {
					return true
				}
			}
			return false
		}
		return c.evalLeaf(v)
	})
}

func (c *ccond) evalLeaf(v any) bool {
	switch c.kind {
	case condMatch:
		for _, w := range c.values {
			if v == w { // string, bool and float64 compare by value
				return true
			}
		}
		return false
	case condExcept:
		switch v.(type) {
		case string, bool, float64:
		default:
			return false
		}
		for _, w := range c.values {
			if v == w {
				return false
			}
		}
		return true
	case condText:
		s, ok := v.(string)
		return ok && strings.Contains(s, c.text)
	case condRange:
		x, ok := v.(float64)
		if !ok {
			return false
		}
		if x < c.lo || (x == c.lo && !c.loIncl) {
			return false
		}
		if x > c.hi || (x == c.hi && !c.hiIncl) {
			return false
		}
		return true
	}
	return false
}

// visitPath calls fn for each value found at path in payload (present keys
// only, null included) and reports whether any call returned true.
func visitPath(payload map[string]any, path []pathSeg, fn func(any) bool) bool {
	v, ok := payload[path[0].name]
	if !ok {
		return false
	}
	return visitFrom(v, path[0].flatten, path[1:], fn)
}

func visitFrom(v any, flatten bool, rest []pathSeg, fn func(any) bool) bool {
	if flatten {
		if arr, ok := v.([]any); ok {
			for _, e := range arr {
				if visitFrom(e, false, rest, fn) {
					return true
				}
			}
			return false
		}
	}
	if len(rest) == 0 {
		return fn(v)
	}
	switch x := v.(type) {
	case map[string]any:
		w, ok := x[rest[0].name]
		if !ok {
			return false
		}
		return visitFrom(w, rest[0].flatten, rest[1:], fn)
	case []any:
		// Qdrant descends into arrays of objects even without "[]".
		for _, e := range x {
			if m, ok := e.(map[string]any); ok {
				if w, ok := m[rest[0].name]; ok && visitFrom(w, rest[0].flatten, rest[1:], fn) {
					return true
				}
			}
		}
	}
	return false
}
