package webui

import (
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

func TestServesSelfContainedPage(t *testing.T) {
	srv := httptest.NewServer(Handler())
	defer srv.Close()
	external := regexp.MustCompile(`(?i)(src|href)\s*=\s*["']?(https?:)?//`)
	for _, tt := range []struct{ path, ctype, must string }{
		{"/", "text/html", `<script src="app.js">`},
		{"/app.js", "javascript", "/v1/chat/completions"},
		{"/style.css", "text/css", "body"},
		{"/favicon.svg", "image/svg+xml", "<svg"},
	} {
		resp, err := http.Get(srv.URL + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Type"), tt.ctype) {
			t.Errorf("%s: %d %s", tt.path, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		if !strings.Contains(string(body), tt.must) {
			t.Errorf("%s lacks %q", tt.path, tt.must)
		}
		if external.Match(body) {
			t.Errorf("%s references an external asset", tt.path)
		}
		if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
			t.Errorf("%s: CSP %q", tt.path, csp)
		}
	}
}
