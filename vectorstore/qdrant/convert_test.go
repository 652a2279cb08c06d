package qdrant

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"

	qc "github.com/qdrant/go-client/qdrant"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	"github.com/gaianet-go/gaianet/kb"
	"github.com/gaianet-go/gaianet/rag"
	"github.com/gaianet-go/gaianet/vectorstore"
)

// The Store is usable wherever the embedded store is.
var (
	_ kb.Store           = (*Store)(nil)
	_ rag.VectorSearcher = (*Store)(nil)
	_ kb.Store           = (*vectorstore.Store)(nil)
	_ rag.VectorSearcher = (*vectorstore.Store)(nil)
)

func f64(v float64) *float64 { return &v }

var testUUID = vectorstore.UUIDID([16]byte{0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0, 0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef})

func field(key string, m *qc.Match) *qc.Condition {
	return &qc.Condition{ConditionOneOf: &qc.Condition_Field{Field: &qc.FieldCondition{Key: key, Match: m}}}
}

func TestFilterToProto(t *testing.T) {
	vc := func(c ...vectorstore.Condition) *vectorstore.Filter { return &vectorstore.Filter{Must: c} }
	pc := func(c ...*qc.Condition) *qc.Filter { return &qc.Filter{Must: c} }
	tests := []struct {
		name string
		in   *vectorstore.Filter
		want *qc.Filter
	}{
		{"nil", nil, nil},
		{"empty", &vectorstore.Filter{}, nil},
		{"keyword", vc(vectorstore.Condition{Key: "file", Match: &vectorstore.Match{Value: "a.md"}}),
			pc(field("file", &qc.Match{MatchValue: &qc.Match_Keyword{Keyword: "a.md"}}))},
		{"int from float64", vc(vectorstore.Condition{Key: "n", Match: &vectorstore.Match{Value: 3.0}}),
			pc(field("n", &qc.Match{MatchValue: &qc.Match_Integer{Integer: 3}}))},
		{"int", vc(vectorstore.Condition{Key: "n", Match: &vectorstore.Match{Value: -7}}),
			pc(field("n", &qc.Match{MatchValue: &qc.Match_Integer{Integer: -7}}))},
		{"json number", vc(vectorstore.Condition{Key: "n", Match: &vectorstore.Match{Value: json.Number("9007199254740993")}}),
			pc(field("n", &qc.Match{MatchValue: &qc.Match_Integer{Integer: 9007199254740993}}))},
		{"bool", vc(vectorstore.Condition{Key: "ok", Match: &vectorstore.Match{Value: false}}),
			pc(field("ok", &qc.Match{MatchValue: &qc.Match_Boolean{Boolean: false}}))},
		{"text", vc(vectorstore.Condition{Key: "source", Match: &vectorstore.Match{Text: "node"}}),
			pc(field("source", &qc.Match{MatchValue: &qc.Match_Text{Text: "node"}}))},
		{"any keywords", vc(vectorstore.Condition{Key: "tag", Match: &vectorstore.Match{Any: []any{"x", "y"}}}),
			pc(field("tag", &qc.Match{MatchValue: &qc.Match_Keywords{Keywords: &qc.RepeatedStrings{Strings: []string{"x", "y"}}}}))},
		{"any ints", vc(vectorstore.Condition{Key: "n", Match: &vectorstore.Match{Any: []any{1.0, int64(2)}}}),
			pc(field("n", &qc.Match{MatchValue: &qc.Match_Integers{Integers: &qc.RepeatedIntegers{Integers: []int64{1, 2}}}}))},
		{"any empty", vc(vectorstore.Condition{Key: "tag", Match: &vectorstore.Match{Any: []any{}}}),
			pc(field("tag", &qc.Match{MatchValue: &qc.Match_Keywords{Keywords: &qc.RepeatedStrings{}}}))},
		{"any mixed", vc(vectorstore.Condition{Key: "v", Match: &vectorstore.Match{Any: []any{"x", 2, true}}}),
			pc(&qc.Condition{ConditionOneOf: &qc.Condition_Filter{Filter: &qc.Filter{Should: []*qc.Condition{
				field("v", &qc.Match{MatchValue: &qc.Match_Keyword{Keyword: "x"}}),
				field("v", &qc.Match{MatchValue: &qc.Match_Integer{Integer: 2}}),
				field("v", &qc.Match{MatchValue: &qc.Match_Boolean{Boolean: true}}),
			}}}})},
		{"except keywords", vc(vectorstore.Condition{Key: "tag", Match: &vectorstore.Match{Except: []any{"x"}}}),
			pc(field("tag", &qc.Match{MatchValue: &qc.Match_ExceptKeywords{ExceptKeywords: &qc.RepeatedStrings{Strings: []string{"x"}}}}))},
		{"except ints", vc(vectorstore.Condition{Key: "n", Match: &vectorstore.Match{Except: []any{4, 5.0}}}),
			pc(field("n", &qc.Match{MatchValue: &qc.Match_ExceptIntegers{ExceptIntegers: &qc.RepeatedIntegers{Integers: []int64{4, 5}}}}))},
		{"range", vc(vectorstore.Condition{Key: "index", Range: &vectorstore.Range{GTE: f64(1), LT: f64(2.5)}}),
			pc(&qc.Condition{ConditionOneOf: &qc.Condition_Field{Field: &qc.FieldCondition{Key: "index",
				Range: &qc.Range{Gte: f64(1), Lt: f64(2.5)}}}})},
		{"range gt lte", vc(vectorstore.Condition{Key: "x", Range: &vectorstore.Range{GT: f64(-1), LTE: f64(0)}}),
			pc(&qc.Condition{ConditionOneOf: &qc.Condition_Field{Field: &qc.FieldCondition{Key: "x",
				Range: &qc.Range{Gt: f64(-1), Lte: f64(0)}}}})},
		{"has_id", vc(vectorstore.Condition{HasID: []vectorstore.PointID{vectorstore.NumID(7), testUUID}}),
			pc(&qc.Condition{ConditionOneOf: &qc.Condition_HasId{HasId: &qc.HasIdCondition{HasId: []*qc.PointId{
				{PointIdOptions: &qc.PointId_Num{Num: 7}},
				{PointIdOptions: &qc.PointId_Uuid{Uuid: "12345678-9abc-def0-0123-456789abcdef"}},
			}}}})},
		{"is_empty", vc(vectorstore.Condition{IsEmpty: &vectorstore.FieldRef{Key: "tags"}}),
			pc(&qc.Condition{ConditionOneOf: &qc.Condition_IsEmpty{IsEmpty: &qc.IsEmptyCondition{Key: "tags"}}})},
		{"is_null", vc(vectorstore.Condition{IsNull: &vectorstore.FieldRef{Key: "heading"}}),
			pc(&qc.Condition{ConditionOneOf: &qc.Condition_IsNull{IsNull: &qc.IsNullCondition{Key: "heading"}}})},
		{"nested", vc(vectorstore.Condition{Nested: &vectorstore.Nested{Key: "chunks", Filter: vectorstore.Filter{
			Must:    []vectorstore.Condition{{Key: "lang", Match: &vectorstore.Match{Value: "en"}}},
			MustNot: []vectorstore.Condition{{Key: "n", Range: &vectorstore.Range{LT: f64(0)}}},
		}}}),
			pc(&qc.Condition{ConditionOneOf: &qc.Condition_Nested{Nested: &qc.NestedCondition{Key: "chunks", Filter: &qc.Filter{
				Must: []*qc.Condition{field("lang", &qc.Match{MatchValue: &qc.Match_Keyword{Keyword: "en"}})},
				MustNot: []*qc.Condition{{ConditionOneOf: &qc.Condition_Field{Field: &qc.FieldCondition{Key: "n",
					Range: &qc.Range{Lt: f64(0)}}}}},
			}}}})},
		{"should, must_not and a nested filter", &vectorstore.Filter{
			Should: []vectorstore.Condition{
				{Key: "a", Match: &vectorstore.Match{Value: "1"}},
				{Filter: &vectorstore.Filter{Must: []vectorstore.Condition{{Key: "b", Match: &vectorstore.Match{Value: true}}}}},
			},
			MustNot: []vectorstore.Condition{{HasID: []vectorstore.PointID{vectorstore.NumID(0)}}},
		}, &qc.Filter{
			Should: []*qc.Condition{
				field("a", &qc.Match{MatchValue: &qc.Match_Keyword{Keyword: "1"}}),
				{ConditionOneOf: &qc.Condition_Filter{Filter: &qc.Filter{Must: []*qc.Condition{
					field("b", &qc.Match{MatchValue: &qc.Match_Boolean{Boolean: true}})}}}},
			},
			MustNot: []*qc.Condition{{ConditionOneOf: &qc.Condition_HasId{HasId: &qc.HasIdCondition{HasId: []*qc.PointId{
				{PointIdOptions: &qc.PointId_Num{Num: 0}}}}}}},
		}},
		{"array path key passes through", vc(vectorstore.Condition{Key: "chunks[].lang", Match: &vectorstore.Match{Value: "en"}}),
			pc(field("chunks[].lang", &qc.Match{MatchValue: &qc.Match_Keyword{Keyword: "en"}}))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := filterToProto(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if !proto.Equal(got, tt.want) {
				t.Errorf("got  %v\nwant %v", got, tt.want)
			}
		})
	}
}

func TestFilterToProtoRejects(t *testing.T) {
	deep := &vectorstore.Filter{}
	for range maxFilterDepth + 2 {
		deep = &vectorstore.Filter{Must: []vectorstore.Condition{{Filter: deep}}}
	}
	tests := []struct {
		name string
		c    vectorstore.Condition
		f    *vectorstore.Filter
	}{
		{"no clause", vectorstore.Condition{Key: "a"}, nil},
		{"two clauses", vectorstore.Condition{Key: "a", Match: &vectorstore.Match{Value: "x"}, Range: &vectorstore.Range{}}, nil},
		{"match without key", vectorstore.Condition{Match: &vectorstore.Match{Value: "x"}}, nil},
		{"key with has_id", vectorstore.Condition{Key: "a", HasID: []vectorstore.PointID{}}, nil},
		{"match two kinds", vectorstore.Condition{Key: "a", Match: &vectorstore.Match{Value: "x", Text: "y"}}, nil},
		{"match nothing", vectorstore.Condition{Key: "a", Match: &vectorstore.Match{}}, nil},
		{"fractional", vectorstore.Condition{Key: "a", Match: &vectorstore.Match{Value: 1.5}}, nil},
		{"float type", vectorstore.Condition{Key: "a", Match: &vectorstore.Match{Value: []int{1}}}, nil},
		{"huge uint", vectorstore.Condition{Key: "a", Match: &vectorstore.Match{Value: uint64(math.MaxUint64)}}, nil},
		{"except mixed", vectorstore.Condition{Key: "a", Match: &vectorstore.Match{Except: []any{"x", 1}}}, nil},
		{"except bool", vectorstore.Condition{Key: "a", Match: &vectorstore.Match{Except: []any{true}}}, nil},
		{"fractional in any", vectorstore.Condition{Key: "a", Match: &vectorstore.Match{Any: []any{1, 0.5}}}, nil},
		{"is_empty no key", vectorstore.Condition{IsEmpty: &vectorstore.FieldRef{}}, nil},
		{"nested no key", vectorstore.Condition{Nested: &vectorstore.Nested{}}, nil},
		{"bad inside nested", vectorstore.Condition{Nested: &vectorstore.Nested{Key: "c", Filter: vectorstore.Filter{
			Must: []vectorstore.Condition{{Key: "x"}}}}}, nil},
		{"too deep", vectorstore.Condition{}, deep},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := tt.f
			if f == nil {
				f = &vectorstore.Filter{MustNot: []vectorstore.Condition{tt.c}}
			}
			if _, err := filterToProto(f); !errors.Is(err, vectorstore.ErrInvalid) {
				t.Errorf("err = %v, want ErrInvalid", err)
			}
		})
	}
}

// TestFilterSameAsEmbedded checks that the filters filterToProto accepts
// are the ones the embedded store accepts, over the reject table's shapes
// and the accept table's.
func TestFilterAcceptanceMatchesEmbedded(t *testing.T) {
	vs, err := vectorstore.Open(context.Background(), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer vs.Close()
	ctx := context.Background()
	if err := vs.CreateCollection(ctx, "c", vectorstore.CollectionConfig{Dim: 1, Distance: vectorstore.Dot}); err != nil {
		t.Fatal(err)
	}
	filters := []*vectorstore.Filter{
		{Must: []vectorstore.Condition{{Key: "a", Match: &vectorstore.Match{Value: 1.5}}}},
		{Must: []vectorstore.Condition{{Key: "a", Match: &vectorstore.Match{Value: "x", Text: "y"}}}},
		{Must: []vectorstore.Condition{{Match: &vectorstore.Match{Value: "x"}}}},
		{Must: []vectorstore.Condition{{Key: "a", Match: &vectorstore.Match{Any: []any{"x", 2}}}}},
		{Must: []vectorstore.Condition{{IsNull: &vectorstore.FieldRef{Key: "a"}}}},
		{Must: []vectorstore.Condition{{Key: "a"}}},
		{Should: []vectorstore.Condition{{Key: "a", Range: &vectorstore.Range{GT: f64(1)}}}},
	}
	for i, f := range filters {
		_, errEmbedded := vs.Count(ctx, "c", f)
		_, errOurs := filterToProto(f)
		if (errEmbedded == nil) != (errOurs == nil) {
			t.Errorf("filter %d: embedded store says %v, we say %v", i, errEmbedded, errOurs)
		}
	}
}

func TestPointIDs(t *testing.T) {
	for _, id := range []vectorstore.PointID{vectorstore.NumID(0), vectorstore.NumID(math.MaxUint64), testUUID,
		vectorstore.UUIDID([16]byte{})} {
		p := pointIDToProto(id)
		if id.IsUUID() != (p.GetUuid() != "") {
			t.Errorf("%s: kind lost: %v", id, p)
		}
		back, err := pointIDFromProto(p)
		if err != nil || back != id {
			t.Errorf("%s: round trip gave %s, %v", id, back, err)
		}
	}
	if got := pointIDToProto(testUUID).GetUuid(); got != "12345678-9abc-def0-0123-456789abcdef" {
		t.Errorf("uuid form %q", got)
	}
	// Qdrant may send upper case; ids from the server are parsed, not trusted.
	if id, err := pointIDFromProto(qc.NewIDUUID("12345678-9ABC-DEF0-0123-456789ABCDEF")); err != nil || id != testUUID {
		t.Errorf("upper-case uuid: %v %v", id, err)
	}
	for _, bad := range []*qc.PointId{nil, {}, qc.NewIDUUID("not-a-uuid"), qc.NewIDUUID("12345")} {
		if _, err := pointIDFromProto(bad); !errors.Is(err, vectorstore.ErrInvalidID) {
			t.Errorf("%v: err = %v", bad, err)
		}
	}
}

type tagged struct {
	Name string `json:"name"`
	N    int    `json:"n"`
}

func TestPayloadValues(t *testing.T) {
	tests := []struct {
		name string
		in   any
		kind string // the proto kind sent
		back any    // what a read returns
	}{
		{"null", nil, "null", nil},
		{"bool", true, "bool", true},
		{"string", "héllo", "string", "héllo"},
		{"int", 42, "int", 42.0},
		{"negative int64", int64(-1 << 62), "int", float64(-1 << 62)},
		{"uint8", uint8(255), "int", 255.0},
		{"uint64 past int64", uint64(math.MaxUint64), "double", float64(math.MaxUint64)},
		{"integral float", 3.0, "int", 3.0},
		{"fraction", 2.5, "double", 2.5},
		{"float32", float32(0.25), "double", 0.25},
		{"huge float", 1e300, "double", 1e300},
		{"json int", json.Number("12"), "int", 12.0},
		{"json float", json.Number("1.25"), "double", 1.25},
		{"list", []any{1, "a", nil, []any{false}}, "list", []any{1.0, "a", nil, []any{false}}},
		{"object", map[string]any{"a": map[string]any{"b": 1.5}, "c": []any{}}, "struct",
			map[string]any{"a": map[string]any{"b": 1.5}, "c": []any{}}},
		{"typed slice via JSON", []string{"x", "y"}, "list", []any{"x", "y"}},
		{"struct via JSON", tagged{"n", 7}, "struct", map[string]any{"name": "n", "n": 7.0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := valueToProto(tt.in, 0)
			if err != nil {
				t.Fatal(err)
			}
			kind := map[string]string{"*qdrant.Value_NullValue": "null", "*qdrant.Value_BoolValue": "bool",
				"*qdrant.Value_StringValue": "string", "*qdrant.Value_IntegerValue": "int", "*qdrant.Value_DoubleValue": "double",
				"*qdrant.Value_ListValue": "list", "*qdrant.Value_StructValue": "struct"}[fmt.Sprintf("%T", v.GetKind())]
			if kind != tt.kind {
				t.Errorf("sent as %s, want %s", kind, tt.kind)
			}
			back, err := valueFromProto(v, 0)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(back, tt.back) {
				t.Errorf("read back %#v, want %#v", back, tt.back)
			}
		})
	}
	for _, bad := range []any{math.NaN(), math.Inf(1), float32(math.Inf(-1)), []any{math.NaN()}, make(chan int), json.Number("x")} {
		if _, err := valueToProto(bad, 0); !errors.Is(err, vectorstore.ErrInvalid) {
			t.Errorf("%v: err = %v", bad, err)
		}
	}
	deep := any("leaf")
	for range maxValueDepth + 2 {
		deep = []any{deep}
	}
	if _, err := valueToProto(deep, 0); err == nil {
		t.Error("over-deep payload accepted")
	}
}

// jsonRoundTrip is what the embedded store gives back for a payload.
func jsonRoundTrip(t testing.TB, p map[string]any) map[string]any {
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestPayloadRoundTripMatchesJSON(t *testing.T) {
	p := map[string]any{
		"source": "text", "index": 3, "score": 0.75, "tags": []any{"a", 2, 2.5, true, nil},
		"meta": map[string]any{"deep": map[string]any{"list": []any{map[string]any{"k": "v"}}}, "empty": map[string]any{}},
		"big":  int64(1) << 53, "neg": math.Copysign(0, -1), "null": nil,
	}
	pp, err := payloadToProto(p)
	if err != nil {
		t.Fatal(err)
	}
	back, err := payloadFromProto(pp)
	if err != nil {
		t.Fatal(err)
	}
	if want := jsonRoundTrip(t, p); !reflect.DeepEqual(back, want) {
		t.Errorf("got  %#v\nwant %#v", back, want)
	}
	if got, _ := payloadFromProto(nil); got != nil {
		t.Errorf("empty payload: %v", got)
	}
}

// FuzzPayloadRoundTrip: any JSON object survives the trip to Qdrant's
// values and back exactly as it survives encoding/json.
func FuzzPayloadRoundTrip(f *testing.F) {
	for _, s := range []string{`{}`, `{"a":1,"b":[1.5,"x",null,true]}`, `{"n":{"m":{"o":[[],{}]}}}`,
		`{"big":18446744073709551615,"neg":-9223372036854775808,"e":1e-300}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var p map[string]any
		if json.Unmarshal([]byte(s), &p) != nil || p == nil {
			return
		}
		pp, err := payloadToProto(p)
		if err != nil {
			if strings.Contains(err.Error(), "deeper") {
				return
			}
			t.Fatal(err)
		}
		// Through the wire encoding too.
		b, err := proto.Marshal(&qc.PointStruct{Payload: pp})
		if err != nil {
			t.Fatal(err)
		}
		var ps qc.PointStruct
		if err := proto.Unmarshal(b, &ps); err != nil {
			t.Fatal(err)
		}
		back, err := payloadFromProto(ps.GetPayload())
		if err != nil {
			t.Fatal(err)
		}
		want := jsonRoundTrip(t, p)
		if len(want) == 0 {
			want = nil
		}
		if !reflect.DeepEqual(back, want) {
			t.Errorf("got  %#v\nwant %#v", back, want)
		}
	})
}

func TestDistances(t *testing.T) {
	for _, tt := range []struct {
		d vectorstore.Distance
		p qc.Distance
	}{{vectorstore.Cosine, qc.Distance_Cosine}, {vectorstore.Dot, qc.Distance_Dot}, {vectorstore.Euclid, qc.Distance_Euclid}} {
		p, err := distanceToProto(tt.d)
		if err != nil || p != tt.p {
			t.Errorf("%s -> %v %v", tt.d, p, err)
		}
		d, err := distanceFromProto(tt.p)
		if err != nil || d != tt.d {
			t.Errorf("%v -> %v %v", tt.p, d, err)
		}
	}
	if _, err := distanceFromProto(qc.Distance_Manhattan); !errors.Is(err, vectorstore.ErrInvalid) {
		t.Errorf("Manhattan: %v", err)
	}
	if _, err := distanceToProto("Hamming"); !errors.Is(err, vectorstore.ErrInvalid) {
		t.Errorf("Hamming: %v", err)
	}
}

// TestQueryRequest: the threshold goes to Qdrant unchanged for every
// distance, since Qdrant reads it the way vectorstore does (a lower bound
// on Cosine/Dot similarity, an upper bound on Euclid distance).
func TestQueryRequest(t *testing.T) {
	th := float32(0.5)
	req := vectorstore.SearchRequest{Vector: []float32{1, 2}, ScoreThreshold: &th, Offset: 3,
		With: vectorstore.With{WithPayload: true}, Params: vectorstore.SearchParams{HNSWEf: 64, Exact: true},
		Filter: &vectorstore.Filter{Must: []vectorstore.Condition{{Key: "k", Match: &vectorstore.Match{Value: "v"}}}}}
	q, err := queryRequest("c", &req)
	if err != nil {
		t.Fatal(err)
	}
	if q.GetScoreThreshold() != 0.5 || q.GetLimit() != 10 || q.GetOffset() != 3 || q.GetCollectionName() != "c" ||
		!reflect.DeepEqual(q.GetQuery().GetNearest().GetDense().GetData(), []float32{1, 2}) ||
		!q.GetWithPayload().GetEnable() || q.GetWithVectors().GetEnable() ||
		q.GetParams().GetHnswEf() != 64 || !q.GetParams().GetExact() || len(q.GetFilter().GetMust()) != 1 {
		t.Errorf("query %v", q)
	}
	req.Vector[0] = 9 // the request must not alias the caller's vector
	if q.GetQuery().GetNearest().GetDense().GetData()[0] != 1 {
		t.Error("query aliases the caller's vector")
	}
	plain, _ := queryRequest("c", &vectorstore.SearchRequest{Vector: []float32{1}, Limit: 4})
	if plain.ScoreThreshold != nil || plain.Offset != nil || plain.Params != nil || plain.GetLimit() != 4 {
		t.Errorf("plain query %v", plain)
	}
	nan := float32(math.NaN())
	for _, bad := range []vectorstore.SearchRequest{{}, {Vector: []float32{1}, Offset: -1}, {Vector: []float32{nan}},
		{Vector: []float32{1}, ScoreThreshold: &nan},
		{Vector: []float32{1}, Filter: &vectorstore.Filter{Must: []vectorstore.Condition{{}}}}} {
		if _, err := queryRequest("c", &bad); !errors.Is(err, vectorstore.ErrInvalid) {
			t.Errorf("%+v: err = %v", bad, err)
		}
	}
}

func TestMapError(t *testing.T) {
	tests := []struct {
		name string
		err  error
		ctx  error
		want error
	}{
		{"not found code", status.Error(codes.NotFound, "Not found: Collection `x` doesn't exist!"), nil, vectorstore.ErrNotFound},
		{"not found wording", status.Error(codes.Internal, "Collection `x` doesn't exist!"), nil, vectorstore.ErrNotFound},
		{"exists", status.Error(codes.InvalidArgument, "Wrong input: Collection `x` already exists!"), nil, vectorstore.ErrExists},
		{"exists code", status.Error(codes.AlreadyExists, "x"), nil, vectorstore.ErrExists},
		{"invalid", status.Error(codes.InvalidArgument, "Wrong input: Vector dimension error: expected dim: 4, got 3"), nil, vectorstore.ErrInvalid},
		{"canceled", status.Error(codes.Canceled, "context canceled"), context.Canceled, context.Canceled},
		{"deadline", status.Error(codes.DeadlineExceeded, "deadline"), context.DeadlineExceeded, context.DeadlineExceeded},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mapError("op", tt.err, tt.ctx)
			if !errors.Is(got, tt.want) {
				t.Errorf("%v does not wrap %v", got, tt.want)
			}
			if status.Code(got) != status.Code(tt.err) {
				t.Errorf("status code lost: %v", got)
			}
			if !strings.HasPrefix(got.Error(), "qdrant: op: ") {
				t.Errorf("message %q", got)
			}
		})
	}
	other := mapError("op", status.Error(codes.Unavailable, "down"), nil)
	for _, s := range []error{vectorstore.ErrNotFound, vectorstore.ErrExists, vectorstore.ErrInvalid} {
		if errors.Is(other, s) {
			t.Errorf("unavailable maps to %v", s)
		}
	}
	if mapError("op", nil, nil) != nil {
		t.Error("nil error mapped to non-nil")
	}
}

func TestParseURL(t *testing.T) {
	tests := []struct {
		in   string
		host string
		port int
		tls  bool
		ok   bool
	}{
		{"http://localhost:6334", "localhost", 6334, false, true},
		{"https://q.example", "q.example", DefaultPort, true, true},
		{"http://127.0.0.1:7000/", "127.0.0.1", 7000, false, true},
		{"http://[::1]:6334", "[::1]", 6334, false, true},
		{"grpc://localhost:6334", "", 0, false, false},
		{"localhost:6334", "", 0, false, false},
		{"http://localhost:6334/collections", "", 0, false, false},
		{"http://u:p@localhost", "", 0, false, false},
		{"http://localhost:0", "", 0, false, false},
		{"http://localhost:x", "", 0, false, false},
		{"http://", "", 0, false, false},
	}
	for _, tt := range tests {
		host, port, useTLS, err := parseURL(tt.in)
		if (err == nil) != tt.ok || (tt.ok && (host != tt.host || port != tt.port || useTLS != tt.tls)) {
			t.Errorf("%q: %q %d %v %v", tt.in, host, port, useTLS, err)
		}
	}
}

func TestMetadata(t *testing.T) {
	cfg := vectorstore.CollectionConfig{EmbeddingModel: "nomic", Metadata: map[string]string{"owner": "me"}}
	m := metadataToProto(&cfg)
	if m[MetaEmbeddingModel].GetStringValue() != "nomic" || m["owner"].GetStringValue() != "me" || len(m) != 2 {
		t.Errorf("metadata %v", m)
	}
	m["other"] = qc.NewValueInt(3) // set by another tool
	model, meta := metadataFromProto(m)
	if model != "nomic" || !reflect.DeepEqual(meta, map[string]string{"owner": "me", "other": "3"}) {
		t.Errorf("read back %q %v", model, meta)
	}
	if metadataToProto(&vectorstore.CollectionConfig{}) != nil {
		t.Error("empty metadata sent")
	}
}

func TestCollectionInfoFromProto(t *testing.T) {
	info := &qc.CollectionInfo{
		Config: &qc.CollectionConfig{
			Params:     &qc.CollectionParams{VectorsConfig: qc.NewVectorsConfig(&qc.VectorParams{Size: 384, Distance: qc.Distance_Euclid})},
			HnswConfig: &qc.HnswConfigDiff{M: qc.PtrOf(uint64(16)), EfConstruct: qc.PtrOf(uint64(100))},
			Metadata:   map[string]*qc.Value{MetaEmbeddingModel: qc.NewValueString("m")},
		},
		PointsCount: qc.PtrOf(uint64(12)), IndexedVectorsCount: qc.PtrOf(uint64(10)),
	}
	got, err := collectionInfoFromProto("c", info)
	if err != nil {
		t.Fatal(err)
	}
	want := vectorstore.CollectionInfo{Name: "c", Points: 12, IndexedNodes: 10, Config: vectorstore.CollectionConfig{
		Dim: 384, Distance: vectorstore.Euclid, EmbeddingModel: "m", HNSW: vectorstore.HNSWConfig{M: 16, EfConstruction: 100}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	named := &qc.CollectionInfo{Config: &qc.CollectionConfig{Params: &qc.CollectionParams{
		VectorsConfig: qc.NewVectorsConfigMap(map[string]*qc.VectorParams{"text": {Size: 4, Distance: qc.Distance_Cosine}})}}}
	if _, err := collectionInfoFromProto("c", named); !errors.Is(err, vectorstore.ErrInvalid) {
		t.Errorf("named vectors: %v", err)
	}
	manhattan := proto.Clone(info).(*qc.CollectionInfo)
	manhattan.Config.Params.VectorsConfig = qc.NewVectorsConfig(&qc.VectorParams{Size: 4, Distance: qc.Distance_Manhattan})
	if _, err := collectionInfoFromProto("c", manhattan); !errors.Is(err, vectorstore.ErrInvalid) {
		t.Errorf("manhattan: %v", err)
	}
}

func TestPointsToProtoRejects(t *testing.T) {
	nan := float32(math.NaN())
	for name, pts := range map[string][]vectorstore.Point{
		"empty vector":   {{ID: vectorstore.NumID(1)}},
		"ragged":         {{ID: vectorstore.NumID(1), Vector: []float32{1, 2}}, {ID: vectorstore.NumID(2), Vector: []float32{1}}},
		"nan":            {{ID: vectorstore.NumID(1), Vector: []float32{nan}}},
		"payload is NaN": {{ID: vectorstore.NumID(1), Vector: []float32{1}, Payload: map[string]any{"x": math.NaN()}}},
	} {
		if _, err := pointsToProto(pts); !errors.Is(err, vectorstore.ErrInvalid) {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}

func TestCheckApplied(t *testing.T) {
	if err := checkApplied(&qc.UpdateResult{Status: qc.UpdateStatus_Completed}); err != nil {
		t.Error(err)
	}
	for _, st := range []qc.UpdateStatus{qc.UpdateStatus_Acknowledged, qc.UpdateStatus_ClockRejected, qc.UpdateStatus_UnknownUpdateStatus} {
		if err := checkApplied(&qc.UpdateResult{Status: st}); err == nil {
			t.Errorf("%v accepted", st)
		}
	}
}

func TestCollectionInfoVectorHNSWOverride(t *testing.T) {
	info := &qc.CollectionInfo{Config: &qc.CollectionConfig{
		Params: &qc.CollectionParams{VectorsConfig: qc.NewVectorsConfig(&qc.VectorParams{Size: 4, Distance: qc.Distance_Cosine,
			HnswConfig: &qc.HnswConfigDiff{M: qc.PtrOf(uint64(32))}})},
		HnswConfig: &qc.HnswConfigDiff{M: qc.PtrOf(uint64(16)), EfConstruct: qc.PtrOf(uint64(100))},
	}}
	got, err := collectionInfoFromProto("c", info)
	if err != nil || got.Config.HNSW.M != 32 || got.Config.HNSW.EfConstruction != 100 {
		t.Errorf("%+v %v", got.Config.HNSW, err)
	}
}
