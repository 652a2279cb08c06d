package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// Error is an API error as clients see it. Handlers and backends return it
// (or wrap it) to choose the status and the OpenAI error type; any other
// error becomes a 500 server_error whose message is logged, not shown.
type Error struct {
	Status  int    // HTTP status
	Type    string // OpenAI error type, e.g. "invalid_request_error"
	Code    string // machine-readable code, e.g. "model_not_found"; may be empty
	Message string
	// Param names the request field at fault, when there is one.
	Param string
	// RetryAfter, when positive, is sent as the Retry-After header.
	RetryAfter time.Duration
}

func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with the given status, type and code.
func Errorf(status int, typ, code, format string, args ...any) *Error {
	return &Error{Status: status, Type: typ, Code: code, Message: fmt.Sprintf(format, args...)}
}

// Common error constructors.
func badRequest(param, format string, args ...any) *Error {
	e := Errorf(http.StatusBadRequest, "invalid_request_error", "invalid_request", format, args...)
	e.Param = param
	return e
}

// ErrModelNotFound reports a request for a model the node does not serve.
func ErrModelNotFound(name string) *Error {
	e := Errorf(http.StatusNotFound, "invalid_request_error", "model_not_found", "the model %q does not exist on this node", name)
	e.Param = "model"
	return e
}

// ErrContextLength reports a prompt that does not fit the context window.
func ErrContextLength(promptTokens, maxTokens, ctxSize int) *Error {
	e := Errorf(http.StatusBadRequest, "invalid_request_error", "context_length_exceeded",
		"this model's context window is %d tokens; the prompt has %d tokens and %d more were requested for the completion",
		ctxSize, promptTokens, maxTokens)
	e.Param = "messages"
	return e
}

// ErrBusy reports that every slot and queue place is taken.
func ErrBusy(retryAfter time.Duration) *Error {
	e := Errorf(http.StatusTooManyRequests, "rate_limit_error", "server_busy", "the node is busy: all slots and queue places are in use; retry later")
	e.RetryAfter = retryAfter
	return e
}

type errorBody struct {
	Error errorFields `json:"error"`
}

type errorFields struct {
	Message string  `json:"message"`
	Type    string  `json:"type"`
	Param   *string `json:"param"`
	Code    *string `json:"code"`
}

// asAPIError converts any error to the *Error that is shown to the client.
func asAPIError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return Errorf(http.StatusRequestEntityTooLarge, "invalid_request_error", "request_too_large",
			"request body is larger than the limit of %d bytes", mbe.Limit)
	}
	return Errorf(http.StatusInternalServerError, "server_error", "internal_error", "internal server error")
}

// writeError renders err as an OpenAI error response.
func writeError(w http.ResponseWriter, e *Error) {
	body := errorBody{Error: errorFields{Message: e.Message, Type: e.Type}}
	if e.Param != "" {
		body.Error.Param = &e.Param
	}
	if e.Code != "" {
		body.Error.Code = &e.Code
	}
	if e.RetryAfter > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(int((e.RetryAfter+time.Second-1)/time.Second)))
	}
	if e.Status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="gaianet"`)
	}
	writeJSON(w, e.Status, body)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b = []byte(`{"error":{"message":"internal server error","type":"server_error","param":null,"code":"internal_error"}}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)+1))
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}
