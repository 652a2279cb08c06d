package config

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzDecode checks that Decode never panics and that whatever it accepts
// survives Encode and a second Decode unchanged, and encodes the same again.
func FuzzDecode(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "*.json"))
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		`{}`, `null`, `{"chat_ctx_size": 1e3}`, `{"gaianet_go": null}`, `{"a": 1, "a": {"b": []}}`,
		`{"qdrant_score_threshold": -0.0}`, `{"gaianet_go": {"api_keys": ["a,b", 3]}}`, `{"chat": "\u003c"}`,
	} {
		f.Add([]byte(s))
	}
	f.Add([]byte(agentConfig))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Decode(data)
		if err != nil {
			return
		}
		enc, err := c.Encode()
		if err != nil {
			t.Fatalf("Encode of a decoded config: %v", err)
		}
		c2, err := Decode(enc)
		if err != nil {
			t.Fatalf("Decode of Encode output: %v\n%s", err, enc)
		}
		if !c.Equal(c2) {
			t.Fatalf("round trip changed the config:\n%+v\n%+v\n%s", c, c2, enc)
		}
		enc2, err := c2.Encode()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(enc, enc2) {
			t.Fatalf("Encode is not stable:\n%s\n%s", enc, enc2)
		}
		_ = c.Validate() // must not panic
	})
}
