package onchain

import (
	"bytes"
	"net/http"
	"testing"
)

// FuzzWalletRoutes: any body sent to the bind, rebind and unbind routes
// with a valid API key is refused with a client error (never a server
// error, never accepted without the wallet's signature over a nonce the
// domain issued).
func FuzzWalletRoutes(f *testing.F) {
	w := newWorld(f, "")
	_, apiKey, err := w.st.AddUser(w.ctx, "fuzz")
	if err != nil {
		f.Fatal(err)
	}
	for _, seed := range []string{
		``, `{}`, `null`, `[]`, `{"binding":{},"signature":"0x"}`,
		`{"binding":{"domain":"test.domain","user":"u_1","wallet":"0x0000000000000000000000000000000000000001","nonce":"bind-00","expires":1},"signature":"0x` +
			"11111111111111111111111111111111111111111111111111111111111111112222222222222222222222222222222222222222222222222222222222222222" + `1b"}`,
		`{"binding":{"domain":"test.domain"},"signature":"0x00","extra":1}`,
	} {
		f.Add([]byte(seed), uint8(0))
	}
	paths := []string{BindPath, RebindPath, UnbindPath}
	f.Fuzz(func(t *testing.T, body []byte, route uint8) {
		req, _ := http.NewRequest(http.MethodPost, w.srv.URL+paths[int(route)%len(paths)], bytes.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+apiKey)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode < 400 || resp.StatusCode >= 500 {
			t.Fatalf("body %q on %s: HTTP %d", body, paths[int(route)%len(paths)], resp.StatusCode)
		}
	})
}
