package tools

import (
	"encoding/json"
	"net/url"
	"testing"
)

// FuzzQueryArgs feeds model-written arguments to the HTTPS tool's
// conversion into query parameters: it must not panic, must accept only
// JSON objects, and every string argument it accepts must come back
// unchanged from the encoded query.
func FuzzQueryArgs(f *testing.F) {
	for _, s := range []string{`{}`, `{"city":"Paris","days":3}`, `{"tag":["a",1,true]}`, `{"x":{"y":1}}`, `[1]`, `null`,
		`{"a":null}`, `{"q":"a&b=c"}`, `{"u":"\u00e9\u0000"}`, ``, `{"a":1e400}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, args []byte) {
		obj, err := argsObject(args)
		if err != nil {
			return
		}
		q := url.Values{}
		for k, raw := range obj {
			if addQuery(q, k, raw) != nil {
				return
			}
		}
		back, err := url.ParseQuery(q.Encode())
		if err != nil {
			t.Fatalf("query %q does not parse: %v", q.Encode(), err)
		}
		for k, raw := range obj {
			var s string
			if json.Unmarshal(raw, &s) == nil && back.Get(k) != s && len(back[k]) == 1 {
				t.Fatalf("argument %q=%q came back as %q", k, s, back.Get(k))
			}
		}
		if b, err := resultJSON(args); err == nil && !json.Valid(b) {
			t.Fatalf("resultJSON(%q) = %q, not JSON", args, b)
		}
	})
}
