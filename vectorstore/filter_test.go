package vectorstore

import (
	"encoding/json"
	"errors"
	"testing"
)

// filterSeeds are the filters of TestFilterJSON, reused as fuzz seeds.
var filterSeeds = []string{
	`{"must":[{"key":"source","match":{"value":"a.md"}}]}`,
	`{"must":[{"key":"page","match":{"value":2}}]}`,
	`{"must":[{"key":"draft","match":{"value":false}}]}`,
	`{"must":[{"key":"page","match":{"any":[1,3]}}]}`,
	`{"must":[{"key":"lang","match":{"except":["en"]}}]}`,
	`{"must":[{"key":"text","match":{"text":"llama"}}]}`,
	`{"must":[{"key":"page","range":{"gte":2,"lt":4}}]}`,
	`{"must":[{"key":"score","range":{"gt":0.5}}]}`,
	`{"should":[{"has_id":[1,"00000000-0000-0000-0000-000000000002"]}]}`,
	`{"must_not":[{"key":"source","match":{"value":"a.md"}}]}`,
	`{"must":[{"should":[{"key":"page","match":{"value":1}},{"key":"page","match":{"value":4}}]}]}`,
	`{"must":[{"key":"tags","match":{"value":"go"}}]}`,
	`{"must":[{"key":"meta.author","match":{"value":"ann"}}]}`,
	`{"must":[{"key":"chunks[].lang","match":{"value":"de"}}]}`,
	`{"must":[{"is_empty":{"key":"tags"}}]}`,
	`{"must":[{"is_null":{"key":"lang"}}]}`,
	`{"must":[{"nested":{"key":"chunks","filter":{"must":[{"key":"lang","match":{"value":"de"}},{"key":"n","range":{"gt":1}}]}}}]}`,
	`{}`,
}

// TestFilterJSON decodes Qdrant-shaped JSON filters and checks which of a
// fixed set of points each selects.
func TestFilterJSON(t *testing.T) {
	payloads := map[uint64]string{
		1: `{"source":"a.md","page":1,"draft":false,"lang":"en","text":"about llama","tags":["go","rust"],"meta":{"author":"ann"},"chunks":[{"lang":"de","n":1}]}`,
		2: `{"source":"b.md","page":2,"draft":true,"lang":null,"score":0.7,"tags":[],"chunks":[{"lang":"en","n":2},{"lang":"de","n":3}]}`,
		3: `{"source":"a.md","page":3,"lang":"fr","score":0.2,"tags":["go"],"meta":{"author":"bob"}}`,
		4: `{"source":"c.md","page":4.0,"text":"llama.cpp","meta":[{"author":"ann"}]}`,
	}
	pts := map[uint64]map[string]any{}
	for id, js := range payloads {
		var m map[string]any
		if err := json.Unmarshal([]byte(js), &m); err != nil {
			t.Fatal(err)
		}
		pts[id] = m
	}
	uuid2, _ := ParsePointID("00000000-0000-0000-0000-000000000002")
	want := [][]uint64{
		{1, 3},
		{2},
		{1},
		{1, 3},
		{3},
		{1, 4},
		{2, 3},
		{2},
		{1, 2},
		{2, 4},
		{1, 4},
		{1, 3},
		{1}, // meta of point 4 is an array: "meta.author" does not look inside it
		{1, 2},
		{2, 4},
		{2},
		{2},
		{1, 2, 3, 4},
	}
	if len(want) != len(filterSeeds) {
		t.Fatal("table out of sync")
	}
	for i, js := range filterSeeds {
		var f Filter
		if err := json.Unmarshal([]byte(js), &f); err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		cf, err := compileFilter(&f)
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		var got []uint64
		for id := uint64(1); id <= 4; id++ {
			pid := NumID(id)
			if id == 2 && i == 8 {
				pid = uuid2 // has_id with a UUID
			}
			if cf.matches(pid, pts[id]) {
				got = append(got, id)
			}
		}
		if len(got) != len(want[i]) {
			t.Errorf("%s: matched %v, want %v", js, got, want[i])
			continue
		}
		for j := range got {
			if got[j] != want[i][j] {
				t.Errorf("%s: matched %v, want %v", js, got, want[i])
				break
			}
		}
		// Round trip through our own JSON encoding.
		b, err := json.Marshal(&f)
		if err != nil {
			t.Fatal(err)
		}
		var f2 Filter
		if err := json.Unmarshal(b, &f2); err != nil {
			t.Fatalf("re-decoding %s: %v", b, err)
		}
	}
}

func TestFilterInvalid(t *testing.T) {
	for _, js := range []string{
		`{"must":[{"key":"a"}]}`,
		`{"must":[{"match":{"value":1}}]}`,
		`{"must":[{"key":"a","match":{"value":1.5}}]}`,
		`{"must":[{"key":"a","match":{"value":[1]}}]}`,
		`{"must":[{"key":"a","match":{"value":1,"any":[2]}}]}`,
		`{"must":[{"key":"a","range":{"gt":1,"gte":2}}]}`,
		`{"must":[{"key":"a","match":{"value":1},"range":{"gt":1}}]}`,
		`{"must":[{"key":"a..b","match":{"value":1}}]}`,
		`{"must":[{"has_id":[-1]}]}`,
		`{"must":[{"has_id":["not-a-uuid"]}]}`,
		`{"must":[{"bogus":1}]}`,
		`{"must":{"key":"a"}}`,
	} {
		var f Filter
		err := json.Unmarshal([]byte(js), &f)
		if err == nil {
			_, err = compileFilter(&f)
		}
		if err == nil {
			t.Errorf("%s: accepted", js)
		} else if !errors.Is(err, ErrInvalid) && !errors.Is(err, ErrInvalidID) {
			var je *json.UnmarshalTypeError
			if !errors.As(err, &je) {
				t.Logf("%s: %v", js, err)
			}
		}
	}
}

func TestPointID(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
		ok   bool
	}{
		{"0", "0", true},
		{"18446744073709551615", "18446744073709551615", true},
		{"550E8400-E29B-41D4-A716-446655440000", "550e8400-e29b-41d4-a716-446655440000", true},
		{"550e8400e29b41d4a716446655440000", "550e8400-e29b-41d4-a716-446655440000", true},
		{"{550e8400-e29b-41d4-a716-446655440000}", "550e8400-e29b-41d4-a716-446655440000", true},
		{"urn:uuid:550e8400-e29b-41d4-a716-446655440000", "550e8400-e29b-41d4-a716-446655440000", true},
		{"-1", "", false},
		{"18446744073709551616", "", false},
		{"550e8400-e29b-41d4-a716-44665544000g", "", false},
		{"", "", false},
	} {
		id, err := ParsePointID(tc.in)
		if (err == nil) != tc.ok {
			t.Errorf("ParsePointID(%q) error %v", tc.in, err)
			continue
		}
		if tc.ok && id.String() != tc.want {
			t.Errorf("ParsePointID(%q) = %s, want %s", tc.in, id, tc.want)
		}
		if tc.ok {
			b, _ := json.Marshal(id)
			var back PointID
			if err := json.Unmarshal(b, &back); err != nil || back != id {
				t.Errorf("JSON round trip of %s: %s -> %v %v", id, b, back, err)
			}
		}
	}
	a, b := NumID(5), NumID(10)
	u1, _ := ParsePointID("00000000-0000-0000-0000-000000000001")
	u2, _ := ParsePointID("00000000-0000-0000-0000-000000000002")
	order := []PointID{a, b, u1, u2}
	for i := range order {
		for j := range order {
			want := 0
			if i < j {
				want = -1
			} else if i > j {
				want = 1
			}
			if got := order[i].Compare(order[j]); got != want {
				t.Errorf("Compare(%v, %v) = %d want %d", order[i], order[j], got, want)
			}
		}
	}
}
