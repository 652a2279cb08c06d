package qdrant

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"

	qc "github.com/qdrant/go-client/qdrant"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/gaianet-go/gaianet/vectorstore"
)

// --- point ids ---

// pointIDToProto converts an id to Qdrant's PointId.
func pointIDToProto(id vectorstore.PointID) *qc.PointId {
	if id.IsUUID() {
		return qc.NewIDUUID(id.String())
	}
	return qc.NewIDNum(id.Num())
}

func pointIDsToProto(ids []vectorstore.PointID) []*qc.PointId {
	out := make([]*qc.PointId, len(ids))
	for i, id := range ids {
		out[i] = pointIDToProto(id)
	}
	return out
}

// pointIDFromProto converts Qdrant's PointId back; a missing id or a
// malformed UUID is an error.
func pointIDFromProto(p *qc.PointId) (vectorstore.PointID, error) {
	switch v := p.GetPointIdOptions().(type) {
	case *qc.PointId_Num:
		return vectorstore.NumID(v.Num), nil
	case *qc.PointId_Uuid:
		id, err := vectorstore.ParsePointID(v.Uuid)
		if err != nil || !id.IsUUID() {
			return vectorstore.PointID{}, fmt.Errorf("qdrant: server sent point id %q, not a UUID: %w", v.Uuid, vectorstore.ErrInvalidID)
		}
		return id, nil
	}
	return vectorstore.PointID{}, fmt.Errorf("qdrant: server sent a point without an id: %w", vectorstore.ErrInvalidID)
}

// --- payload values ---

// maxValueDepth bounds the nesting of payload values in both directions.
const maxValueDepth = 64

// payloadToProto converts a payload to Qdrant values (see valueToProto).
func payloadToProto(p map[string]any) (map[string]*qc.Value, error) {
	if p == nil {
		return nil, nil
	}
	out := make(map[string]*qc.Value, len(p))
	for k, v := range p {
		pv, err := valueToProto(v, 0)
		if err != nil {
			return nil, fmt.Errorf("payload %q: %w", k, err)
		}
		out[k] = pv
	}
	return out, nil
}

// twoTo63 is 2^63, the first float64 past int64's range.
const twoTo63 = 9223372036854775808.0

// valueToProto converts one payload value. Go integers and integral floats
// within int64 become Qdrant integers (JSON does not tell 3.0 from 3, and
// the embedded store stores JSON); other numbers become doubles. NaN and
// infinities are refused, as JSON has no spelling for them. Types other
// than the JSON ones (structs, typed slices and maps) go through
// encoding/json first.
func valueToProto(v any, depth int) (*qc.Value, error) {
	if depth > maxValueDepth {
		return nil, fmt.Errorf("%w: payload nested deeper than %d", vectorstore.ErrInvalid, maxValueDepth)
	}
	switch x := v.(type) {
	case nil:
		return qc.NewValueNull(), nil
	case bool:
		return qc.NewValueBool(x), nil
	case string:
		return qc.NewValueString(x), nil
	case int:
		return qc.NewValueInt(int64(x)), nil
	case int8:
		return qc.NewValueInt(int64(x)), nil
	case int16:
		return qc.NewValueInt(int64(x)), nil
	case int32:
		return qc.NewValueInt(int64(x)), nil
	case int64:
		return qc.NewValueInt(x), nil
	case uint:
		return uintValue(uint64(x)), nil
	case uint8:
		return qc.NewValueInt(int64(x)), nil
	case uint16:
		return qc.NewValueInt(int64(x)), nil
	case uint32:
		return qc.NewValueInt(int64(x)), nil
	case uint64:
		return uintValue(x), nil
	case float32:
		return floatValue(float64(x))
	case float64:
		return floatValue(x)
	case json.Number:
		if n, err := x.Int64(); err == nil {
			return qc.NewValueInt(n), nil
		}
		f, err := x.Float64()
		if err != nil {
			return nil, fmt.Errorf("%w: number %q: %v", vectorstore.ErrInvalid, x, err)
		}
		return floatValue(f)
	case map[string]any:
		fields := make(map[string]*qc.Value, len(x))
		for k, e := range x {
			pv, err := valueToProto(e, depth+1)
			if err != nil {
				return nil, err
			}
			fields[k] = pv
		}
		return qc.NewValueFromFields(fields), nil
	case []any:
		vals := make([]*qc.Value, len(x))
		for i, e := range x {
			pv, err := valueToProto(e, depth+1)
			if err != nil {
				return nil, err
			}
			vals[i] = pv
		}
		return qc.NewValueFromList(vals...), nil
	}
	// Anything else: its JSON form, decoded generically.
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("%w: payload value of type %T: %v", vectorstore.ErrInvalid, v, err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var g any
	if err := dec.Decode(&g); err != nil {
		return nil, fmt.Errorf("%w: payload value of type %T: %v", vectorstore.ErrInvalid, v, err)
	}
	return valueToProto(g, depth+1)
}

// uintValue sends integers past int64's range as doubles (Qdrant's
// integers are signed 64-bit).
func uintValue(u uint64) *qc.Value {
	if u > math.MaxInt64 {
		return qc.NewValueDouble(float64(u))
	}
	return qc.NewValueInt(int64(u))
}

func floatValue(f float64) (*qc.Value, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return nil, fmt.Errorf("%w: payload number %v is not finite", vectorstore.ErrInvalid, f)
	}
	if f == math.Trunc(f) && f >= -twoTo63 && f < twoTo63 {
		return qc.NewValueInt(int64(f)), nil
	}
	return qc.NewValueDouble(f), nil
}

// payloadFromProto converts Qdrant values back to a payload of the types
// encoding/json produces: nil, bool, float64, string, []any and
// map[string]any. It returns nil for an empty payload.
func payloadFromProto(p map[string]*qc.Value) (map[string]any, error) {
	if len(p) == 0 {
		return nil, nil
	}
	out := make(map[string]any, len(p))
	for k, v := range p {
		g, err := valueFromProto(v, 0)
		if err != nil {
			return nil, fmt.Errorf("payload %q: %w", k, err)
		}
		out[k] = g
	}
	return out, nil
}

func valueFromProto(v *qc.Value, depth int) (any, error) {
	if depth > maxValueDepth {
		return nil, fmt.Errorf("qdrant: payload from server nested deeper than %d", maxValueDepth)
	}
	switch k := v.GetKind().(type) {
	case nil, *qc.Value_NullValue:
		return nil, nil
	case *qc.Value_BoolValue:
		return k.BoolValue, nil
	case *qc.Value_StringValue:
		return k.StringValue, nil
	case *qc.Value_IntegerValue:
		return float64(k.IntegerValue), nil
	case *qc.Value_DoubleValue:
		return k.DoubleValue, nil
	case *qc.Value_StructValue:
		fields := k.StructValue.GetFields()
		m := make(map[string]any, len(fields))
		for key, e := range fields {
			g, err := valueFromProto(e, depth+1)
			if err != nil {
				return nil, err
			}
			m[key] = g
		}
		return m, nil
	case *qc.Value_ListValue:
		vals := k.ListValue.GetValues()
		l := make([]any, len(vals))
		for i, e := range vals {
			g, err := valueFromProto(e, depth+1)
			if err != nil {
				return nil, err
			}
			l[i] = g
		}
		return l, nil
	}
	return nil, fmt.Errorf("qdrant: payload value of unknown kind %T", v.GetKind())
}

// --- distances ---

func distanceToProto(d vectorstore.Distance) (qc.Distance, error) {
	switch d {
	case vectorstore.Cosine:
		return qc.Distance_Cosine, nil
	case vectorstore.Dot:
		return qc.Distance_Dot, nil
	case vectorstore.Euclid:
		return qc.Distance_Euclid, nil
	}
	return qc.Distance_UnknownDistance, fmt.Errorf("%w: unknown distance %q", vectorstore.ErrInvalid, d)
}

// distanceFromProto refuses Manhattan: vectorstore has no such distance,
// and treating its scores as one of ours would rank results wrongly.
func distanceFromProto(d qc.Distance) (vectorstore.Distance, error) {
	switch d {
	case qc.Distance_Cosine:
		return vectorstore.Cosine, nil
	case qc.Distance_Dot:
		return vectorstore.Dot, nil
	case qc.Distance_Euclid:
		return vectorstore.Euclid, nil
	}
	return "", fmt.Errorf("%w: collection uses distance %s, which is not supported (want Cosine, Dot or Euclid)", vectorstore.ErrInvalid, d)
}

// --- filters ---

// maxFilterDepth matches the embedded store's limit.
const maxFilterDepth = 32

// filterToProto converts a filter; nil or empty gives nil (match all). It
// checks what the embedded store checks (exactly one clause per condition,
// keys where needed, integral match numbers) so both backends refuse the
// same filters with vectorstore.ErrInvalid.
func filterToProto(f *vectorstore.Filter) (*qc.Filter, error) {
	if f == nil || (len(f.Must) == 0 && len(f.Should) == 0 && len(f.MustNot) == 0) {
		return nil, nil
	}
	return filterToProtoDepth(f, 0)
}

func filterToProtoDepth(f *vectorstore.Filter, depth int) (*qc.Filter, error) {
	if depth > maxFilterDepth {
		return nil, fmt.Errorf("%w: filter nested deeper than %d", vectorstore.ErrInvalid, maxFilterDepth)
	}
	out := &qc.Filter{}
	var err error
	if out.Must, err = conditionsToProto(f.Must, depth); err != nil {
		return nil, err
	}
	if out.Should, err = conditionsToProto(f.Should, depth); err != nil {
		return nil, err
	}
	if out.MustNot, err = conditionsToProto(f.MustNot, depth); err != nil {
		return nil, err
	}
	return out, nil
}

func conditionsToProto(cs []vectorstore.Condition, depth int) ([]*qc.Condition, error) {
	if len(cs) == 0 {
		return nil, nil
	}
	out := make([]*qc.Condition, len(cs))
	for i := range cs {
		c, err := conditionToProto(&cs[i], depth)
		if err != nil {
			return nil, err
		}
		out[i] = c
	}
	return out, nil
}

func conditionToProto(c *vectorstore.Condition, depth int) (*qc.Condition, error) {
	n := 0
	for _, set := range []bool{c.Match != nil, c.Range != nil, c.HasID != nil, c.IsEmpty != nil,
		c.IsNull != nil, c.Nested != nil, c.Filter != nil} {
		if set {
			n++
		}
	}
	if n != 1 {
		return nil, fmt.Errorf("%w: a condition needs exactly one of match, range, has_id, is_empty, is_null, nested or a filter (has %d)", vectorstore.ErrInvalid, n)
	}
	if (c.Match != nil || c.Range != nil) != (c.Key != "") {
		return nil, fmt.Errorf("%w: key is required with match or range, and only with them", vectorstore.ErrInvalid)
	}
	switch {
	case c.Match != nil:
		return matchToProto(c.Key, c.Match)
	case c.Range != nil:
		r := c.Range
		return qc.NewRange(c.Key, &qc.Range{Gt: r.GT, Gte: r.GTE, Lt: r.LT, Lte: r.LTE}), nil
	case c.HasID != nil:
		return qc.NewHasID(pointIDsToProto(c.HasID)...), nil
	case c.IsEmpty != nil:
		if c.IsEmpty.Key == "" {
			return nil, fmt.Errorf("%w: is_empty needs a key", vectorstore.ErrInvalid)
		}
		return qc.NewIsEmpty(c.IsEmpty.Key), nil
	case c.IsNull != nil:
		if c.IsNull.Key == "" {
			return nil, fmt.Errorf("%w: is_null needs a key", vectorstore.ErrInvalid)
		}
		return qc.NewIsNull(c.IsNull.Key), nil
	case c.Nested != nil:
		if c.Nested.Key == "" {
			return nil, fmt.Errorf("%w: nested needs a key", vectorstore.ErrInvalid)
		}
		sub, err := filterToProtoDepth(&c.Nested.Filter, depth+1)
		if err != nil {
			return nil, err
		}
		return qc.NewNestedFilter(c.Nested.Key, sub), nil
	default:
		sub, err := filterToProtoDepth(c.Filter, depth+1)
		if err != nil {
			return nil, err
		}
		return qc.NewFilterAsCondition(sub), nil
	}
}

// matchToProto converts a match condition. Qdrant's match any and except
// take a list of keywords or a list of integers; an "any" list that mixes
// kinds (or holds booleans) becomes a should-filter of single matches,
// which means the same. An "except" list cannot be split that way and must
// be all keywords or all integers.
func matchToProto(key string, m *vectorstore.Match) (*qc.Condition, error) {
	set := 0
	for _, ok := range []bool{m.Value != nil, m.Any != nil, m.Except != nil, m.Text != ""} {
		if ok {
			set++
		}
	}
	if set != 1 {
		return nil, fmt.Errorf("%w: match on %q needs exactly one of value, any, except or text", vectorstore.ErrInvalid, key)
	}
	switch {
	case m.Text != "":
		return qc.NewMatchText(key, m.Text), nil
	case m.Value != nil:
		v, err := matchValue(key, m.Value)
		if err != nil {
			return nil, err
		}
		return singleMatch(key, v), nil
	}
	src := m.Any
	if m.Except != nil {
		src = m.Except
	}
	vals := make([]any, len(src))
	var strs []string
	var ints []int64
	bools := 0
	for i, x := range src {
		v, err := matchValue(key, x)
		if err != nil {
			return nil, err
		}
		vals[i] = v
		switch y := v.(type) {
		case string:
			strs = append(strs, y)
		case int64:
			ints = append(ints, y)
		default:
			bools++
		}
	}
	if m.Except != nil {
		switch {
		case len(ints) == 0 && bools == 0:
			return qc.NewMatchExceptKeywords(key, strs...), nil
		case len(strs) == 0 && bools == 0:
			return qc.NewMatchExceptInts(key, ints...), nil
		}
		return nil, fmt.Errorf("%w: match except on %q: Qdrant takes only keywords or only integers, not a mix or booleans", vectorstore.ErrInvalid, key)
	}
	switch {
	case len(ints) == 0 && bools == 0:
		if strs == nil {
			strs = []string{} // an empty "any" matches nothing
		}
		return qc.NewMatchKeywords(key, strs...), nil
	case len(strs) == 0 && bools == 0:
		return qc.NewMatchInts(key, ints...), nil
	}
	should := make([]*qc.Condition, len(vals))
	for i, v := range vals {
		should[i] = singleMatch(key, v)
	}
	return qc.NewFilterAsCondition(&qc.Filter{Should: should}), nil
}

// singleMatch builds the equality match for a value from matchValue.
func singleMatch(key string, v any) *qc.Condition {
	switch x := v.(type) {
	case string:
		return qc.NewMatchKeyword(key, x)
	case bool:
		return qc.NewMatchBool(key, x)
	}
	return qc.NewMatchInt(key, v.(int64))
}

// matchValue normalises a match value to string, bool or int64, the kinds
// Qdrant matches on; numbers must be integral, as in the embedded store.
func matchValue(key string, v any) (any, error) {
	var f float64
	switch x := v.(type) {
	case string, bool:
		return x, nil
	case int:
		return int64(x), nil
	case int64:
		return x, nil
	case int32:
		return int64(x), nil
	case uint32:
		return int64(x), nil
	case uint64:
		if x > math.MaxInt64 {
			return nil, fmt.Errorf("%w: match on %q: %d is past Qdrant's int64 range", vectorstore.ErrInvalid, key, x)
		}
		return int64(x), nil
	case float64:
		f = x
	case float32:
		f = float64(x)
	case json.Number:
		if n, err := x.Int64(); err == nil {
			return n, nil
		}
		g, err := x.Float64()
		if err != nil {
			return nil, fmt.Errorf("%w: match on %q: %v", vectorstore.ErrInvalid, key, err)
		}
		f = g
	default:
		return nil, fmt.Errorf("%w: match on %q: value must be a keyword, integer or bool, not %T", vectorstore.ErrInvalid, key, v)
	}
	if f != math.Trunc(f) || f < -twoTo63 || f >= twoTo63 {
		return nil, fmt.Errorf("%w: match on %q: number %v is not an int64", vectorstore.ErrInvalid, key, f)
	}
	return int64(f), nil
}

// --- errors ---

// mapError translates a client error into one callers can test with
// errors.Is: vectorstore.ErrNotFound for a missing collection,
// vectorstore.ErrExists for a name in use, vectorstore.ErrInvalid for a
// rejected request, and the context's error when ctx ended. The original
// error stays in the chain (status.FromError still finds the gRPC status).
func mapError(op string, err error, ctxErr error) error {
	if err == nil {
		return nil
	}
	st, _ := status.FromError(err)
	msg := strings.ToLower(st.Message())
	var sentinel error
	switch {
	case st.Code() == codes.NotFound, strings.Contains(msg, "doesn't exist"), strings.Contains(msg, "not found: collection"):
		sentinel = vectorstore.ErrNotFound
	case st.Code() == codes.AlreadyExists, strings.Contains(msg, "already exists"):
		sentinel = vectorstore.ErrExists
	case st.Code() == codes.InvalidArgument, st.Code() == codes.FailedPrecondition && strings.Contains(msg, "wrong input"):
		sentinel = vectorstore.ErrInvalid
	case st.Code() == codes.Canceled, st.Code() == codes.DeadlineExceeded:
		if ctxErr != nil && !errors.Is(err, ctxErr) {
			return fmt.Errorf("qdrant: %s: %w: %w", op, ctxErr, err)
		}
	}
	if sentinel != nil {
		return fmt.Errorf("qdrant: %s: %w: %w", op, sentinel, err)
	}
	return fmt.Errorf("qdrant: %s: %w", op, err)
}
