package qdrantapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gaianet-go/gaianet/egress"
	"github.com/gaianet-go/gaianet/vectorstore"
	"github.com/gaianet-go/gaianet/vectorstore/qdrantsnap"
)

// Options configures a Server. The zero value serves no snapshots.
type Options struct {
	// SnapshotDir is where created and uploaded snapshot files live, one
	// subdirectory per collection. Empty disables the snapshot routes.
	SnapshotDir string `json:"snapshot_dir"`
	// MaxBodyBytes bounds request bodies other than snapshot uploads.
	// Default 256 MiB.
	MaxBodyBytes int64 `json:"max_body_bytes"`
	// MaxSnapshotBytes bounds snapshot uploads. Default 16 GiB.
	MaxSnapshotBytes int64 `json:"max_snapshot_bytes"`
	// Limits bound what an uploaded snapshot may unpack to (decompression
	// bombs); the zero value means qdrantsnap's defaults.
	Limits qdrantsnap.Limits `json:"-"`
	// Egress decides which hosts a snapshot recovery from a URL may
	// reach; nil means public addresses only (package egress).
	Egress *egress.Policy `json:"-"`
}

// Server is an http.Handler serving the Qdrant REST subset over a Store. It
// is safe for concurrent use; the Store does the locking.
type Server struct {
	store  *vectorstore.Store
	opts   Options
	mux    *http.ServeMux
	now    func() time.Time
	ops    atomic.Uint64 // numbers update operations, as Qdrant's operation_id
	setMu  sync.Mutex    // serialises read-modify-writes of collection settings (collections.go)
	tele   *telemetry
	issues issueLog
}

var _ http.Handler = (*Server)(nil)

// New returns a Server for store. The store stays owned by the caller.
func New(store *vectorstore.Store, opts Options) *Server {
	if opts.MaxBodyBytes <= 0 {
		opts.MaxBodyBytes = 256 << 20
	}
	if opts.MaxSnapshotBytes <= 0 {
		opts.MaxSnapshotBytes = 16 << 30
	}
	s := &Server{store: store, opts: opts, mux: http.NewServeMux(), now: time.Now}
	s.tele = newTelemetry(s.now())
	s.issues.issues = map[string]issue{}
	s.issues.slow.Store(int64(slowFilteredRequest))
	s.routes()
	return s
}

// routes lists every route.
func (s *Server) routes() {
	s.mux.HandleFunc("GET /{$}", s.root)
	for _, p := range []string{"/healthz", "/livez"} {
		s.mux.HandleFunc("GET "+p, plainText("healthz check passed"))
	}
	s.mux.HandleFunc("GET /readyz", plainText("all shards are ready"))
	s.handle("GET /telemetry", s.serveTelemetry)
	s.handle("GET /issues", s.listIssues)
	s.handle("DELETE /issues", s.clearIssues)
	s.handle("GET /metrics", func(w http.ResponseWriter, r *http.Request) (any, error) {
		s.serveMetrics(w, r)
		return nil, errHandled
	})
	s.mux.HandleFunc("/", s.notFound)
	s.handle("GET /collections", s.listCollections)
	s.handle("GET /collections/{c}", s.getCollection)
	s.handle("GET /collections/{c}/exists", s.collectionExists)
	s.handle("PUT /collections/{c}", s.createCollection)
	s.handle("PATCH /collections/{c}", s.updateCollection)
	s.handle("DELETE /collections/{c}", s.deleteCollection)
	s.handle("PUT /collections/{c}/points", s.upsertPoints)
	s.handle("POST /collections/{c}/points/delete", s.deletePoints)
	s.handle("POST /collections/{c}/points", s.getPoints)
	s.handle("GET /collections/{c}/points/{id}", s.getPoint)
	s.handle("POST /collections/{c}/points/search", s.search)
	s.handle("POST /collections/{c}/points/query", s.query)
	s.handle("POST /collections/{c}/points/scroll", s.scroll)
	s.handle("POST /collections/{c}/points/count", s.count)
	s.handle("POST /collections/{c}/points/batch", s.batch)
	s.handle("PUT /collections/{c}/points/vectors", s.updateVectors)
	s.handle("POST /collections/{c}/points/vectors/delete", s.deleteVectors)
	s.handle("PUT /collections/{c}/points/payload", s.payloadHandler(true))
	s.handle("POST /collections/{c}/points/payload", s.payloadHandler(false))
	s.handle("POST /collections/{c}/points/payload/delete", s.deletePayload)
	s.handle("POST /collections/{c}/points/payload/clear", s.clearPayload)
	s.handle("POST /collections/{c}/points/query/batch", s.queryBatch)
	s.handle("POST /collections/{c}/points/query/groups", s.queryGroups)
	s.handle("POST /collections/aliases", s.updateAliases)
	s.handle("GET /aliases", s.listAliases)
	s.handle("GET /collections/{c}/aliases", s.listAliases)
	s.handle("PUT /collections/{c}/vectors/{name}", s.createVector)
	s.handle("DELETE /collections/{c}/vectors/{name}", s.deleteVector)
	s.handle("PUT /collections/{c}/index", s.createIndex)
	s.handle("DELETE /collections/{c}/index/{field}", s.deleteIndex)
	s.handle("POST /collections/{c}/snapshots", s.createSnapshot)
	s.handle("GET /collections/{c}/snapshots", s.listSnapshots)
	s.handle("GET /collections/{c}/snapshots/{s}", s.downloadSnapshot)
	s.handle("DELETE /collections/{c}/snapshots/{s}", s.deleteSnapshot)
	s.handle("POST /collections/{c}/snapshots/upload", s.uploadSnapshot)
	s.handle("PUT /collections/{c}/snapshots/upload", s.uploadSnapshot)
	s.handle("PUT /collections/{c}/snapshots/recover", s.recoverSnapshot)
	s.handle("POST /snapshots", s.createFullSnapshot)
	s.handle("GET /snapshots", s.listFullSnapshots)
	s.handle("GET /snapshots/{s}", s.downloadFullSnapshot)
	s.handle("DELETE /snapshots/{s}", s.deleteFullSnapshot)
	for _, route := range outOfScope {
		s.handle(route.pattern, refuse(route.feature))
	}
}

// qdrantVersion and qdrantCommit name the Qdrant release whose REST API
// (docs/redoc/master/openapi.json at that commit) this package follows;
// clients read them from "/" to pick their protocol.
const (
	qdrantVersion = "1.19.0"
	qdrantCommit  = "74f3e85b9473c62560006c043e13737ce6b48412"
)

// root answers GET / as Qdrant does; clients check the version.
func (s *Server) root(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{
		"title": "qdrant - vector search engine", "version": qdrantVersion, "commit": qdrantCommit,
	})
}

func plainText(msg string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, msg)
	}
}

// notFound answers unknown routes with Qdrant's JSON error envelope.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusNotFound, map[string]any{
		"status": map[string]string{"error": fmt.Sprintf("Not found: %s %s is not a route of this Qdrant-compatible API", r.Method, r.URL.Path)},
		"time":   0.0,
	})
}

// handlerFunc answers a request with a result to render as JSON, or an
// error. A handler that writes the response itself returns errHandled.
type handlerFunc func(w http.ResponseWriter, r *http.Request) (any, error)

var errHandled = errors.New("qdrantapi: response already written")

// statusWriter remembers the status code of a response.
type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.code == 0 {
		w.code = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// handle registers h for pattern; every answer is counted in the
// telemetry under the route's name in Qdrant's spec.
func (s *Server) handle(pattern string, h handlerFunc) {
	route := qdrantRouteNames.Replace(pattern)
	s.mux.HandleFunc(pattern, func(rw http.ResponseWriter, r *http.Request) {
		start := s.now()
		w := &statusWriter{ResponseWriter: rw}
		defer func() {
			if w.code != 0 {
				end := s.now()
				s.tele.record(route, r.PathValue("c"), w.code, end.Sub(start), end)
			}
		}()
		r, cancel, err := checkRequest(r)
		defer cancel()
		var res any
		if err == nil {
			res, err = h(w, r)
		}
		if errors.Is(err, errHandled) {
			return
		}
		elapsed := s.now().Sub(start).Seconds()
		if err != nil {
			writeJSON(w, statusOf(err), map[string]any{
				"status": map[string]string{"error": messageOf(err)},
				"time":   elapsed,
			})
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"result": res, "status": "ok", "time": elapsed})
	})
}

// maxCollectionName is Qdrant's limit on collection names (file names).
const maxCollectionName = 255

// checkRequest validates what every route shares, as Qdrant does: the
// collection name of the path (at most 255 bytes) and the query parameter
// timeout (seconds, at least 1), which bounds the request's context.
func checkRequest(r *http.Request) (*http.Request, context.CancelFunc, error) {
	if c := r.PathValue("c"); len(c) > maxCollectionName {
		return r, func() {}, qdrantError(http.StatusUnprocessableEntity, "Validation error in path parameters: ", "[collection_name: value is longer than %d bytes]", maxCollectionName)
	}
	t := r.URL.Query().Get("timeout")
	if t == "" {
		return r, func() {}, nil
	}
	secs, err := strconv.ParseUint(t, 10, 32)
	switch {
	case err != nil:
		return r, func() {}, badRequest("Query deserialize error: timeout: %q is not a non-negative integer", t)
	case secs == 0:
		return r, func() {}, qdrantError(http.StatusUnprocessableEntity, "Validation error in query parameters: ", "[timeout: value 0 invalid, must be 1 or larger]")
	}
	ctx, cancel := context.WithTimeout(r.Context(), time.Duration(secs)*time.Second)
	return r.WithContext(ctx), cancel, nil
}

// ServeHTTP routes the request; unknown routes get a Qdrant-style 404.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mux.ServeHTTP(w, r)
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(v)
}

// httpError carries a status code chosen by a handler.
type httpError struct {
	code int
	err  error
}

func (e *httpError) Error() string { return e.err.Error() }
func (e *httpError) Unwrap() error { return e.err }

// qdrantError is an error answered with code, its message shaped as
// Qdrant's: a capitalised kind ("Bad request: ", "Not found: ") before
// the detail.
func qdrantError(code int, kind, format string, args ...any) error {
	return &httpError{code: code, err: fmt.Errorf(kind+format, args...)}
}

// badRequest is Qdrant's 400: a request that cannot be carried out (wrong
// dimension, unknown vector name, malformed JSON).
func badRequest(format string, args ...any) error {
	return &httpError{code: http.StatusBadRequest, err: fmt.Errorf("Bad request: "+format, args...)}
}

// wrongInput is Qdrant's 400 for input the collection cannot take (an
// unknown vector name, a wrong dimension): "Wrong input: ...".
func wrongInput(format string, args ...any) error {
	return &httpError{code: http.StatusBadRequest, err: fmt.Errorf("Wrong input: "+format, args...)}
}

// unprocessable is Qdrant's 422: a well-formed request that violates a
// validation rule of the schema (a size of 0, a limit out of range). The
// message is shaped as Qdrant's: "Validation error in JSON body: [field:
// problem]".
func unprocessable(format string, args ...any) error {
	return &httpError{code: http.StatusUnprocessableEntity, err: fmt.Errorf("Validation error in JSON body: ["+format+"]", args...)}
}

// messageOf words err for the answer: a store validation error as
// Qdrant's "Validation error in JSON body: [...]".
func messageOf(err error) string {
	var he *httpError
	if !errors.As(err, &he) && errors.Is(err, vectorstore.ErrValidation) {
		return "Validation error in JSON body: [" + err.Error() + "]"
	}
	return err.Error()
}

func statusOf(err error) int {
	var he *httpError
	switch {
	case errors.As(err, &he):
		return he.code
	case errors.Is(err, qdrantsnap.ErrTooLarge):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, qdrantsnap.ErrNoSpace):
		return http.StatusInsufficientStorage
	case errors.Is(err, vectorstore.ErrValidation):
		return http.StatusUnprocessableEntity
	case errors.Is(err, vectorstore.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, vectorstore.ErrExists):
		return http.StatusConflict
	case errors.Is(err, vectorstore.ErrInvalid), errors.Is(err, vectorstore.ErrInvalidID),
		errors.Is(err, vectorstore.ErrMismatch), errors.Is(err, vectorstore.ErrCorrupt),
		errors.Is(err, qdrantsnap.ErrFormat), errors.Is(err, qdrantsnap.ErrUnsupported):
		return http.StatusBadRequest
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// decodeBody decodes a JSON request body into v (an empty body leaves v as
// is). Like Qdrant, it refuses unknown fields: a field this API does not
// implement is an error, never silently ignored.
func (s *Server) decodeBody(w http.ResponseWriter, r *http.Request, v any) error {
	b, err := s.readBody(w, r)
	if err != nil {
		return err
	}
	return decodeJSON(b, v)
}

// readBody reads a request body of at most Options.MaxBodyBytes.
func (s *Server) readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.opts.MaxBodyBytes))
	if err != nil {
		return nil, badRequest("reading body: %v", err)
	}
	return b, nil
}

// decodeJSON is decodeBody's parser: strict, one value, errors shaped as
// Qdrant's "Format error in JSON body" (400) unless a decoder chose a code.
func decodeJSON(b []byte, v any) error {
	if len(bytes.TrimSpace(b)) == 0 {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var he *httpError
		if errors.As(err, &he) {
			return he
		}
		return qdrantError(http.StatusBadRequest, "Format error in JSON body: ", "%w", err)
	}
	if dec.More() {
		return qdrantError(http.StatusBadRequest, "Format error in JSON body: ", "trailing data after the JSON value")
	}
	return nil
}
