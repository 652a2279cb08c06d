// Package webui serves the node's web chat page: a single self-contained
// HTML file (no CDN, no external asset) that talks to the node's own
// OpenAI-compatible API, streams replies, and shows the sources a reply
// drew on, the model and the system prompt.
//
// It imports nothing from this module.
package webui

import (
	"embed"
	"io/fs"
	"net/http"
)

//go:embed static
var static embed.FS

// Handler returns an http.Handler serving the chat page at "/" and its
// assets. It needs no API key itself; the page asks for one when the API
// answers 401 and keeps it in the browser's local storage.
func Handler() http.Handler {
	sub, err := fs.Sub(static, "static")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	files := http.FileServerFS(sub)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'self'")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		files.ServeHTTP(w, r)
	})
}
