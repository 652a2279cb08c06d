package domain

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
)

// apiError is an error as users see it, OpenAI-shaped.
type apiError struct {
	status  int
	typ     string
	code    string
	message string
}

func (e *apiError) Error() string { return e.message }

func errorf(status int, typ, code, format string, args ...any) *apiError {
	return &apiError{status: status, typ: typ, code: code, message: fmt.Sprintf(format, args...)}
}

// errorJSON is the body of an error response and of an SSE error event.
func errorJSON(typ, code, message string) []byte {
	b, _ := json.Marshal(map[string]any{"error": map[string]any{"message": message, "type": typ, "code": code, "param": nil}})
	return b
}

// handlerFunc is a handler that returns its error; serve renders it.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

func (s *Server) serve(h handlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		err := h(w, r)
		if err == nil {
			return
		}
		var e *apiError
		if !errors.As(err, &e) {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				e = errorf(http.StatusRequestEntityTooLarge, "invalid_request_error", "request_too_large", "request body is larger than %d bytes", mbe.Limit)
			} else {
				s.log.Error("request failed", "path", r.URL.Path, "err", err)
				e = errorf(http.StatusInternalServerError, "server_error", "internal_error", "internal server error")
			}
		}
		if e.status == http.StatusUnauthorized {
			w.Header().Set("WWW-Authenticate", `Bearer realm="gaianet-domain"`)
		}
		writeJSON(w, e.status, json.RawMessage(errorJSON(e.typ, e.code, e.message)))
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status, b = http.StatusInternalServerError, errorJSON("server_error", "internal_error", "internal server error")
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}
