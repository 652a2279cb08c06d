package qdrantapi

import (
	"encoding/json"
	"reflect"
	"testing"
)

func TestPayloadSelector(t *testing.T) {
	const payload = `{"country":{"name":"Germany","capital":"Berlin","cities":[{"name":"Berlin","pop":3.7},{"name":"Munich","pop":1.5}]},"rank":1}`
	for _, tc := range []struct{ sel, want string }{
		{`true`, payload},
		{`["rank"]`, `{"rank":1}`},
		{`{"include":["country.name","country.capital"]}`, `{"country":{"name":"Germany","capital":"Berlin"}}`},
		{`{"include":["country.cities[].name"]}`, `{"country":{"cities":[{"name":"Berlin"},{"name":"Munich"}]}}`},
		{`{"include":["country.cities[1].pop","rank"]}`, `{"country":{"cities":[{"pop":1.5}]},"rank":1}`},
		{`{"include":["missing","country.name.deeper"]}`, `{}`},
		{`{"include":[]}`, `{}`},
		{`{"exclude":["country.cities"]}`, `{"country":{"name":"Germany","capital":"Berlin"},"rank":1}`},
		{`{"exclude":["country.cities[].pop","rank"]}`, `{"country":{"name":"Germany","capital":"Berlin","cities":[{"name":"Berlin"},{"name":"Munich"}]}}`},
	} {
		var wp withPayload
		if err := json.Unmarshal([]byte(tc.sel), &wp); err != nil {
			t.Fatalf("%s: %v", tc.sel, err)
		}
		var m, want map[string]any
		json.Unmarshal([]byte(payload), &m)
		json.Unmarshal([]byte(tc.want), &want)
		if got := wp.apply(m); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %v, want %v", tc.sel, got, want)
		}
	}
	for _, bad := range []string{`{"include":["a"],"exclude":["b"]}`, `{}`, `3`, `["a..b"]`, `["a[x]"]`, `{"include":["a["]}`} {
		var wp withPayload
		if err := json.Unmarshal([]byte(bad), &wp); err == nil {
			t.Errorf("%s: accepted", bad)
		}
	}
	var off withPayload
	json.Unmarshal([]byte(`false`), &off)
	if off.enabled(true) {
		t.Error("with_payload false enabled")
	}
	var unset withPayload
	if !unset.enabled(true) || unset.enabled(false) {
		t.Error("an absent with_payload does not take the route's default")
	}
}

func TestWithVector(t *testing.T) {
	for _, tc := range []struct {
		in    string
		on    bool
		names []string
		bad   bool
	}{
		{`true`, true, nil, false}, {`false`, false, nil, false}, {`["a","b"]`, true, []string{"a", "b"}, false},
		{`[]`, true, []string{}, false}, {`"a"`, false, nil, true}, {`{}`, false, nil, true},
	} {
		var wv withVector
		err := json.Unmarshal([]byte(tc.in), &wv)
		if (err != nil) != tc.bad || wv.on != tc.on || !reflect.DeepEqual(wv.names, tc.names) {
			t.Errorf("%s: %+v, %v", tc.in, wv, err)
		}
	}
}
