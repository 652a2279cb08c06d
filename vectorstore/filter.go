package vectorstore

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
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
	// MinShould holds when at least MinCount of its conditions hold.
	MinShould *MinShould `json:"min_should,omitempty"`
}

// UnmarshalJSON decodes Qdrant's filter JSON, where must, should and
// must_not may each be one condition instead of a list (or null). Unknown
// keys are an error.
func (f *Filter) UnmarshalJSON(b []byte) error {
	var raw struct {
		Must      json.RawMessage `json:"must"`
		Should    json.RawMessage `json:"should"`
		MustNot   json.RawMessage `json:"must_not"`
		MinShould *MinShould      `json:"min_should"`
	}
	if err := decodeStrict(b, &raw); err != nil {
		return fmt.Errorf("%w: filter: %v", ErrInvalid, err)
	}
	*f = Filter{MinShould: raw.MinShould}
	for _, c := range []struct {
		raw json.RawMessage
		dst *[]Condition
		key string
	}{{raw.Must, &f.Must, "must"}, {raw.Should, &f.Should, "should"}, {raw.MustNot, &f.MustNot, "must_not"}} {
		t := bytes.TrimSpace(c.raw)
		switch {
		case len(t) == 0 || string(t) == "null":
		case t[0] == '{':
			var one Condition
			if err := json.Unmarshal(t, &one); err != nil {
				return fmt.Errorf("filter %s: %w", c.key, err)
			}
			*c.dst = []Condition{one}
		default:
			if err := json.Unmarshal(t, c.dst); err != nil {
				return fmt.Errorf("%w: filter %s: %v", ErrInvalid, c.key, err)
			}
		}
	}
	return nil
}

// MinShould is Qdrant's min_should clause.
type MinShould struct {
	Conditions []Condition `json:"conditions"`
	MinCount   int         `json:"min_count"`
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
//   - Key with ValuesCount: the number of values of the field (an array
//     counts its elements, a scalar 1, null 0) is in range.
//   - Key with GeoBoundingBox, GeoRadius or GeoPolygon: a geo point
//     ({"lon", "lat"} object, or an array of them) of the field lies in
//     the area.
//   - HasVector: the point has the named vector ("" is the unnamed one).
//   - Slice: the point's id falls in one of Total disjoint slices (see
//     Slice).
//   - Filter: a nested filter (in JSON, an object with must/should/must_not
//     /min_should).
//
// In JSON, Qdrant's shorthand {"key": k, "is_empty": true} (and is_null)
// is accepted too; false negates it.
type Condition struct {
	Key            string          `json:"key,omitempty"`
	Match          *Match          `json:"match,omitempty"`
	Range          *Range          `json:"range,omitempty"`
	ValuesCount    *ValuesCount    `json:"values_count,omitempty"`
	GeoBoundingBox *GeoBoundingBox `json:"geo_bounding_box,omitempty"`
	GeoRadius      *GeoRadius      `json:"geo_radius,omitempty"`
	GeoPolygon     *GeoPolygon     `json:"geo_polygon,omitempty"`
	HasID          []PointID       `json:"has_id,omitempty"`
	HasVector      *string         `json:"has_vector,omitempty"`
	IsEmpty        *FieldRef       `json:"is_empty,omitempty"`
	IsNull         *FieldRef       `json:"is_null,omitempty"`
	Nested         *Nested         `json:"nested,omitempty"`
	Slice          *Slice          `json:"slice,omitempty"`
	Filter         *Filter         `json:"-"`
	// negate, set by the {"key", "is_empty": false} shorthand.
	negate bool
}

// Slice selects one of Total disjoint slices of the id space, as Qdrant's
// slice condition: a point is in slice Index when SipHash-2-4 (zero key)
// of its id's canonical bytes (8 little-endian bytes for a number, the 16
// bytes of a UUID) modulo Total is Index. Total is at least 1 and Index
// below it.
type Slice struct {
	Total uint64 `json:"total"`
	Index uint64 `json:"index"`
}

// ValuesCount bounds the number of values of a field; nil bounds are open.
type ValuesCount struct {
	LT  *int `json:"lt,omitempty"`
	GT  *int `json:"gt,omitempty"`
	GTE *int `json:"gte,omitempty"`
	LTE *int `json:"lte,omitempty"`
}

// GeoPoint is a location in degrees.
type GeoPoint struct {
	Lon float64 `json:"lon"`
	Lat float64 `json:"lat"`
}

// GeoBoundingBox is the area between its corners.
type GeoBoundingBox struct {
	TopLeft     GeoPoint `json:"top_left"`
	BottomRight GeoPoint `json:"bottom_right"`
}

// GeoRadius is the area within Radius meters of Center (great-circle
// distance on a sphere of radius 6371 km).
type GeoRadius struct {
	Center GeoPoint `json:"center"`
	Radius float64  `json:"radius"`
}

// GeoLineString is a closed ring of points (first equals last).
type GeoLineString struct {
	Points []GeoPoint `json:"points"`
}

// GeoPolygon is the area inside Exterior and outside every Interior.
type GeoPolygon struct {
	Exterior  GeoLineString   `json:"exterior"`
	Interiors []GeoLineString `json:"interiors,omitempty"`
}

// Match is a value condition on a payload field. Exactly one of Value, Any,
// Except, Text, TextAny, Phrase or Prefix is set. Values are strings
// (keywords), integers or booleans; a JSON number must be integral.
//
//   - Value: the field equals Value.
//   - Any: the field equals one of Any.
//   - Except: the field has a value that is none of Except (a missing field
//     does not match).
//   - Text, TextAny, Phrase: full-text conditions. When the field has a
//     text payload index, the value and the query are split into tokens
//     as the index says, and Text needs every query token, TextAny one of
//     them, Phrase all of them consecutively (as Qdrant). Without one,
//     Text and Phrase are substring matches and TextAny matches when any
//     whitespace-separated word of the query is a substring.
//   - Prefix: the field is a string starting with Prefix (byte-wise,
//     case-sensitive).
//
// An empty Text, TextAny, Phrase or Prefix counts as given only when it
// came from JSON (Qdrant's {"prefix": ""} matches every string, an empty
// phrase nothing); built in Go, an empty string is unset.
type Match struct {
	Value   any    `json:"value,omitempty"`
	Any     []any  `json:"any,omitempty"`
	Except  []any  `json:"except,omitempty"`
	Text    string `json:"text,omitempty"`
	TextAny string `json:"text_any,omitempty"`
	Phrase  string `json:"phrase,omitempty"`
	Prefix  string `json:"prefix,omitempty"`
	// given marks the text keys present in the JSON, in the order of
	// matchTextKeys.
	given [4]bool
}

var matchTextKeys = [4]string{"text", "text_any", "phrase", "prefix"}

// UnmarshalJSON decodes a match, noting which text keys were present.
// Unknown keys are an error.
func (m *Match) UnmarshalJSON(b []byte) error {
	type plain Match
	var p plain
	if err := decodeStrict(b, &p); err != nil {
		return fmt.Errorf("%w: match: %v", ErrInvalid, err)
	}
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(b, &keys); err != nil {
		return fmt.Errorf("%w: match: %v", ErrInvalid, err)
	}
	*m = Match(p)
	for i, k := range matchTextKeys {
		_, m.given[i] = keys[k]
	}
	return nil
}

// texts returns Text, TextAny, Phrase and Prefix with whether each is set.
func (m *Match) texts() [4]struct {
	s   string
	set bool
} {
	var out [4]struct {
		s   string
		set bool
	}
	for i, s := range [4]string{m.Text, m.TextAny, m.Phrase, m.Prefix} {
		out[i].s, out[i].set = s, s != "" || m.given[i]
	}
	return out
}

// Range bounds a numeric payload field; nil bounds are open. In JSON the
// bounds may instead be RFC 3339 date-times (Qdrant's DatetimeRange): the
// range is then a datetime range, Datetime is set and the bounds are Unix
// seconds, compared with fields holding date-time strings.
type Range struct {
	GT       *float64 `json:"gt,omitempty"`
	GTE      *float64 `json:"gte,omitempty"`
	LT       *float64 `json:"lt,omitempty"`
	LTE      *float64 `json:"lte,omitempty"`
	Datetime bool     `json:"-"`
}

// UnmarshalJSON accepts numbers, or date-time strings for a datetime range
// (all bounds of one kind).
func (r *Range) UnmarshalJSON(b []byte) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return fmt.Errorf("%w: range: %v", ErrInvalid, err)
	}
	*r = Range{}
	nums, times := 0, 0
	for k, v := range raw {
		var dst **float64
		switch k {
		case "gt":
			dst = &r.GT
		case "gte":
			dst = &r.GTE
		case "lt":
			dst = &r.LT
		case "lte":
			dst = &r.LTE
		default:
			return fmt.Errorf("%w: range: unknown field %q", ErrInvalid, k)
		}
		v = bytes.TrimSpace(v)
		switch {
		case string(v) == "null":
		case len(v) > 0 && v[0] == '"':
			var s string
			if err := json.Unmarshal(v, &s); err != nil {
				return fmt.Errorf("%w: range %s: %v", ErrInvalid, k, err)
			}
			t, err := parseDatetime(s)
			if err != nil {
				return fmt.Errorf("range %s: %w", k, err)
			}
			*dst = &t
			times++
		default:
			var f float64
			if err := json.Unmarshal(v, &f); err != nil {
				return fmt.Errorf("%w: range %s: %v", ErrInvalid, k, err)
			}
			*dst = &f
			nums++
		}
	}
	if nums > 0 && times > 0 {
		return fmt.Errorf("%w: range mixes numbers and date-times", ErrInvalid)
	}
	r.Datetime = times > 0
	return nil
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
	_, m4 := keys["min_should"]
	if m1 || m2 || m3 || m4 {
		var f Filter
		if err := decodeStrict(b, &f); err != nil {
			return fmt.Errorf("%w: nested filter: %v", ErrInvalid, err)
		}
		*c = Condition{Filter: &f}
		return nil
	}
	// Qdrant's {"key": k, "is_empty": true} shorthand (and is_null).
	if k, ok := keys["key"]; ok {
		for _, f := range []string{"is_empty", "is_null"} {
			v, ok := keys[f]
			if !ok {
				continue
			}
			var flag bool
			if json.Unmarshal(v, &flag) != nil {
				continue // the {"is_empty": {"key": ...}} form, refused below with a key
			}
			if len(keys) != 2 {
				return fmt.Errorf("%w: condition: %s with other fields", ErrInvalid, f)
			}
			var key string
			if err := json.Unmarshal(k, &key); err != nil {
				return fmt.Errorf("%w: condition key: %v", ErrInvalid, err)
			}
			ref := &FieldRef{Key: key}
			*c = Condition{negate: !flag}
			if f == "is_empty" {
				c.IsEmpty = ref
			} else {
				c.IsNull = ref
			}
			return nil
		}
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
	condTextAny
	condPhrase
	condPrefix
	condDatetimeRange
	condValuesCount
	condGeoBox
	condGeoRadius
	condGeoPolygon
	condHasVector
	condSlice
)

type pathSeg struct {
	name    string
	flatten bool // "name[]": each element of the array
	index   int  // "name[N]": element N of the array; -1 when not given
}

type cfilter struct {
	must, should, mustNot []ccond
	minShould             []ccond
	minCount              int
}

type ccond struct {
	kind   condKind
	key    string // the payload key, for index lookups
	path   []pathSeg
	values []any // condMatch, condExcept: string, bool or float64
	text   string
	lo, hi float64 // condRange, condDatetimeRange, condValuesCount, with loIncl/hiIncl
	loIncl bool
	hiIncl bool
	ids    map[PointID]struct{}
	sub    *cfilter
	negate bool // is_empty/is_null false
	geo    geoArea
	vector string // condHasVector
	slice  Slice  // condSlice
	// Set by collection.bindFilterLocked: the text index's tokenizer
	// (nil: no text index, substring semantics), and for has_vector the
	// test of a point.
	tok *PayloadIndexParams
	has func(PointID) bool
}

// compileFilter validates f and returns its compiled form; nil for a nil or
// empty filter.
func compileFilter(f *Filter) (*cfilter, error) {
	if f == nil || (len(f.Must) == 0 && len(f.Should) == 0 && len(f.MustNot) == 0 && f.MinShould == nil) {
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
	if ms := f.MinShould; ms != nil {
		if ms.MinCount < 1 {
			return nil, fmt.Errorf("%w: min_should min_count %d must be at least 1", ErrInvalid, ms.MinCount)
		}
		if cf.minShould, err = compileConds(ms.Conditions, depth); err != nil {
			return nil, err
		}
		cf.minCount = ms.MinCount
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
	cc, err := compileCond1(c, depth)
	cc.negate = c.negate
	if err == nil && cc.key == "" {
		cc.key = c.Key
	}
	return cc, err
}

func compileCond1(c *Condition, depth int) (ccond, error) {
	n := 0
	if c.Match != nil {
		n++
	}
	if c.Range != nil {
		n++
	}
	keyed := 0
	for _, set := range []bool{c.ValuesCount != nil, c.GeoBoundingBox != nil, c.GeoRadius != nil, c.GeoPolygon != nil} {
		if set {
			keyed++
		}
	}
	n += keyed
	if c.HasVector != nil {
		n++
	}
	if c.Slice != nil {
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
	if n == 0 && c.Key != "" {
		return ccond{}, fmt.Errorf("%w: %w: condition on %q: At least one field condition must be specified (match, range, values_count or a geo area)", ErrInvalid, ErrValidation, c.Key)
	}
	if n != 1 {
		return ccond{}, fmt.Errorf("%w: a condition needs exactly one of match, range, values_count, geo_bounding_box, geo_radius, geo_polygon, has_id, has_vector, slice, is_empty, is_null, nested or a filter (has %d)", ErrInvalid, n)
	}
	if (c.Match != nil || c.Range != nil || keyed > 0) != (c.Key != "") {
		return ccond{}, fmt.Errorf("%w: key is required with match, range, values_count and geo conditions, and only with them", ErrInvalid)
	}
	switch {
	case c.ValuesCount != nil:
		return compileValuesCount(c.Key, c.ValuesCount)
	case c.GeoBoundingBox != nil || c.GeoRadius != nil || c.GeoPolygon != nil:
		return compileGeo(c)
	case c.HasVector != nil:
		return ccond{kind: condHasVector, vector: *c.HasVector}, nil
	case c.Slice != nil:
		if c.Slice.Total == 0 {
			return ccond{}, fmt.Errorf("%w: slice total must be at least 1", ErrInvalid)
		}
		if c.Slice.Index >= c.Slice.Total {
			return ccond{}, fmt.Errorf("%w: %w: slice index %d must be below total %d", ErrInvalid, ErrValidation, c.Slice.Index, c.Slice.Total)
		}
		return ccond{kind: condSlice, slice: *c.Slice}, nil
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
		seg := pathSeg{index: -1}
		if strings.HasSuffix(p, "[]") {
			seg.flatten, p = true, p[:len(p)-2]
		} else if j := strings.LastIndexByte(p, '['); j >= 0 && strings.HasSuffix(p, "]") {
			n, err := strconv.Atoi(p[j+1 : len(p)-1])
			if err != nil || n < 0 {
				return nil, fmt.Errorf("%w: payload key %q: bad array index in %q", ErrInvalid, key, p)
			}
			seg.index, p = n, p[:j]
		}
		if p == "" || strings.ContainsAny(p, "[]") {
			return nil, fmt.Errorf("%w: payload key %q has an empty or malformed segment", ErrInvalid, key)
		}
		seg.name = p
		segs[i] = seg
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
	texts := m.texts()
	for _, t := range texts {
		if t.set {
			set++
		}
	}
	if set != 1 {
		return ccond{}, fmt.Errorf("%w: match on %q needs exactly one of value, any, except, text, text_any, phrase or prefix", ErrInvalid, key)
	}
	c := ccond{path: path}
	for i, kind := range [4]condKind{condText, condTextAny, condPhrase, condPrefix} {
		if texts[i].set {
			c.kind, c.text = kind, texts[i].s
			return c, nil
		}
	}
	switch {
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
	if r.Datetime {
		c.kind = condDatetimeRange
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
	if f.minCount > 0 {
		n := 0
		for i := range f.minShould {
			if f.minShould[i].eval(id, payload) {
				n++
			}
		}
		if n < f.minCount {
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
	return c.eval1(id, payload) != c.negate
}

func (c *ccond) eval1(id PointID, payload map[string]any) bool {
	switch c.kind {
	case condHasVector:
		return c.has != nil && c.has(id)
	case condSlice:
		return sliceHash(id)%c.slice.Total == c.slice.Index
	case condValuesCount:
		n := 0
		visitPath(payload, c.path, func(v any) bool {
			switch x := v.(type) {
			case nil:
			case []any:
				n += len(x)
			default:
				n++
			}
			return false
		})
		return c.inRange(float64(n))
	case condGeoBox, condGeoRadius, condGeoPolygon:
		return visitPath(payload, c.path, func(v any) bool {
			if arr, ok := v.([]any); ok {
				for _, e := range arr {
					if p, ok := asGeoPoint(e); ok && c.geo.contains(c.kind, p) {
						return true
					}
				}
				return false
			}
			p, ok := asGeoPoint(v)
			return ok && c.geo.contains(c.kind, p)
		})
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
	case condText, condTextAny, condPhrase:
		s, ok := v.(string)
		return ok && c.matchText(s)
	case condPrefix:
		s, ok := v.(string)
		return ok && strings.HasPrefix(s, c.text)
	case condRange:
		x, ok := v.(float64)
		return ok && c.inRange(x)
	case condDatetimeRange:
		s, ok := v.(string)
		if !ok {
			return false
		}
		t, err := parseDatetime(s)
		return err == nil && c.inRange(t)
	}
	return false
}

// inRange tests x against the condition's bounds.
func (c *ccond) inRange(x float64) bool {
	if x < c.lo || (x == c.lo && !c.loIncl) {
		return false
	}
	if x > c.hi || (x == c.hi && !c.hiIncl) {
		return false
	}
	return true
}

// visitPath calls fn for each value found at path in payload (present keys
// only, null included) and reports whether any call returned true.
func visitPath(payload map[string]any, path []pathSeg, fn func(any) bool) bool {
	v, ok := payload[path[0].name]
	if !ok {
		return false
	}
	return visitFrom(v, path[0], path[1:], fn)
}

// visitFrom applies seg's array suffix to v (the value of seg's name) and
// walks rest from there. As in Qdrant, a key does not look inside an array
// unless the path says so ("a[].b" or "a[0].b"); at the end of the path
// an array's elements are the field's values.
func visitFrom(v any, seg pathSeg, rest []pathSeg, fn func(any) bool) bool {
	if seg.index >= 0 {
		arr, ok := v.([]any)
		if !ok || seg.index >= len(arr) {
			return false
		}
		v = arr[seg.index]
	}
	if seg.flatten {
		if arr, ok := v.([]any); ok {
			for _, e := range arr {
				if visitFrom(e, pathSeg{index: -1}, rest, fn) {
					return true
				}
			}
			return false
		}
	}
	if len(rest) == 0 {
		return fn(v)
	}
	if x, ok := v.(map[string]any); ok {
		if w, ok := x[rest[0].name]; ok {
			return visitFrom(w, rest[0], rest[1:], fn)
		}
	}
	return false
}
