package download

import (
	"strings"
	"testing"
)

// FuzzDigests checks the two parsers of announced digests: a URL's
// "#sha256=" fragment and an entity tag. Whatever they accept is 64
// lower-case hex digits, and a URL keeps everything before its fragment.
func FuzzDigests(f *testing.F) {
	for _, s := range []string{
		"https://h/x.gguf#sha256=" + strings.Repeat("aB", 32),
		"https://h/x.gguf#sha256=abc", "https://h/x#other", `W/"` + strings.Repeat("0", 64) + `"`, `"xyz"`, "",
	} {
		f.Add(s)
	}
	valid := func(d string) bool {
		return len(d) == 64 && strings.Trim(d, "0123456789abcdef") == ""
	}
	f.Fuzz(func(t *testing.T, s string) {
		base, d, err := splitDigest(s)
		switch {
		case err != nil:
		case d != "":
			if !valid(d) || !strings.HasPrefix(s, base+"#sha256=") {
				t.Errorf("splitDigest(%q) = %q, %q", s, base, d)
			}
		case base != s:
			t.Errorf("splitDigest(%q) changed the URL to %q without a digest", s, base)
		}
		if d := etagDigest(s); d != "" && !valid(d) {
			t.Errorf("etagDigest(%q) = %q", s, d)
		}
	})
}
