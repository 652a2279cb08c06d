package api

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gaianet-go/gaianet/attest"
)

// ChatBackend answers chat completions. Chat calls emit for every piece of
// the reply as it is generated (emit returns an error when the client is
// gone; Chat must then stop and return it) and returns how the reply ended.
// Errors of type *Error reach the client as they are.
type ChatBackend interface {
	Chat(ctx context.Context, req *ChatRequest, emit func(ChatDelta) error) (*ChatResult, error)
}

// CompletionBackend answers text completions, like ChatBackend.
type CompletionBackend interface {
	Complete(ctx context.Context, req *CompletionRequest, emit func(ChatDelta) error) (*ChatResult, error)
}

// EmbeddingBackend embeds texts. It returns one vector per input and the
// number of tokens consumed.
type EmbeddingBackend interface {
	Embed(ctx context.Context, model string, inputs []string) ([][]float32, int, error)
}

// ChatDelta is a piece of a reply: answer text, reasoning text (a
// reasoning model's thinking, kept apart from the answer), pieces of tool
// calls (the first piece of a call carries Index, ID, Type and the
// function name; later ones more of its arguments, with Index only), and
// log-probabilities.
type ChatDelta struct {
	Content          string
	ReasoningContent string
	ToolCalls        []ToolCall
	Logprobs         []TokenLogprob
	// ToolRun, when set, is the progress of a tool the node runs itself
	// (status "running", then "ok" or "error"); a stream sends it as a
	// chunk of its own with no choices and a "tool_run" field.
	ToolRun *ToolRun
}

// ChatResult is how a reply ended.
type ChatResult struct {
	Model        string // the model that answered
	FinishReason string // "stop", "length" or "tool_calls"
	Usage        Usage
	// Seed is the sampling seed used (the request's, or the one the
	// backend drew); nil when the backend cannot tell (an upstream).
	Seed      *uint64
	ToolCalls []ToolCall // the reply's calls, complete (streamed replies send them as deltas)
	Sources   []Source   // knowledge used, reported in the "sources" extension field
	ToolRuns  []ToolRun  // tools the node ran, reported in the "tool_runs" extension field
}

// Options configure a Server. The zero value serves with no API key, no
// CORS and an 8 MiB body limit.
type Options struct {
	// APIKeys, when not empty, are the keys accepted as "Authorization:
	// Bearer KEY" (or an X-Api-Key or Api-Key header, as Qdrant clients
	// send). Every route except /health and the web UI then needs one.
	APIKeys []string
	// CORSOrigins lists origins allowed to call the API from a browser; "*"
	// allows any.
	CORSOrigins []string
	// MaxBodyBytes bounds request bodies; 0 means 8 MiB.
	MaxBodyBytes int64
	// MaxUploadBytes bounds bodies of upload routes; 0 means 256 MiB.
	MaxUploadBytes int64
	// MaxEmbeddingInputs bounds the texts of one /v1/embeddings request;
	// 0 means DefaultMaxEmbeddingInputs (OpenAI's limit).
	MaxEmbeddingInputs int
	// Logger receives one line per request; nil discards.
	Logger *slog.Logger
	// Gauges expose the scheduler's queue and slots in /metrics.
	Gauges Gauges
	// Signer, when set, signs every chat answer (package attest: request,
	// seed and output hashes in headers, or trailers of a stream) and
	// /v1/info?nonce=N; it is the node's identity key.
	Signer attest.Signer
	// Instance, when set, is echoed by GET /health as "instance": a value
	// that names this run of the process (`gaianet start` passes a random
	// one), so a caller waiting for readiness can tell its own node from
	// another program answering on the same port.
	Instance string
}

// DefaultMaxEmbeddingInputs is OpenAI's limit on the inputs of one
// embeddings request.
const DefaultMaxEmbeddingInputs = 2048

// Backends are what answers requests. Any may be nil: its routes then
// answer 404 with a clear message.
type Backends struct {
	Chat       ChatBackend
	Completion CompletionBackend
	Embedding  EmbeddingBackend
	// Models lists the models served, for /v1/models and for validating
	// the "model" field. An empty "model" selects the backend's default.
	Models func() []Model
	// Info returns the body of GET /v1/info.
	Info func() any
	// Attest returns the facts a node signs in GET /v1/info?nonce=N (see
	// package attest); the server fills in the nonce and time and signs
	// with Options.Signer.
	Attest func() (attest.Info, error)
}

// Server is the HTTP API of a node. It is an http.Handler; create it with
// New. It is safe for concurrent use.
type Server struct {
	opt     Options
	b       Backends
	mux     *http.ServeMux
	metrics *Metrics
	log     *slog.Logger
	now     func() time.Time
}

// New returns a Server answering with b. It serves no route until Handle
// mounts them: the caller lists every route of its process in one place
// (for a node, node/routes.go), with this Server's handlers (ChatCompletions,
// Models, Health...) among its own.
func New(b Backends, opt Options) *Server {
	if opt.MaxBodyBytes <= 0 {
		opt.MaxBodyBytes = 8 << 20
	}
	if opt.MaxUploadBytes <= 0 {
		opt.MaxUploadBytes = 256 << 20
	}
	if opt.MaxEmbeddingInputs <= 0 {
		opt.MaxEmbeddingInputs = DefaultMaxEmbeddingInputs
	}
	log := opt.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Server{opt: opt, b: b, mux: http.NewServeMux(), metrics: newMetrics(opt.Gauges), log: log, now: time.Now}
}

// Metrics returns the server's collectors, for backends to record
// generations.
func (s *Server) Metrics() *Metrics { return s.metrics }

// Route is one route of a Server: a ServeMux pattern ("METHOD /path") and
// its handler, with its API-key and body-size rules.
type Route struct {
	Pattern string
	Handler HandlerFunc
	// Public routes need no API key (health, the web page).
	Public bool
	// Body is the route's request body limit.
	Body BodyLimit
}

// BodyLimit says how large a route's request body may be.
type BodyLimit int

const (
	// StandardBody bounds the body to Options.MaxBodyBytes.
	StandardBody BodyLimit = iota
	// UploadBody bounds the body to Options.MaxUploadBytes (file uploads).
	UploadBody
	// OwnBody leaves the body to the handler, which bounds it itself (a
	// whole http.Handler mounted under a prefix).
	OwnBody
)

// Handle mounts routes on the server, each behind the API-key check, the
// body limit, JSON errors, panic recovery, metrics and a log line. A
// pattern mounted twice panics, as with http.ServeMux. Call it before
// serving.
func (s *Server) Handle(routes ...Route) {
	for _, rt := range routes {
		limit := s.opt.MaxBodyBytes
		switch rt.Body {
		case UploadBody:
			limit = s.opt.MaxUploadBytes
		case OwnBody:
			limit = -1
		}
		s.mux.Handle(rt.Pattern, s.wrap(rt.Pattern, !rt.Public, limit, rt.Handler))
	}
}

// ServeMetrics answers GET /metrics in the Prometheus text format.
func (s *Server) ServeMetrics(w http.ResponseWriter, r *http.Request) error {
	s.metrics.handler().ServeHTTP(w, r)
	return nil
}

// UnknownEndpoint answers 404 in JSON, naming the method and path: the
// route for anything else under /v1/.
func UnknownEndpoint(w http.ResponseWriter, r *http.Request) error {
	return Errorf(http.StatusNotFound, "invalid_request_error", "unknown_url", "unknown endpoint %s %s", r.Method, r.URL.Path)
}

// Handler adapts h, which writes its own responses and errors, to a
// HandlerFunc.
func Handler(h http.Handler) HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		h.ServeHTTP(w, r)
		return nil
	}
}

// HandlerFunc is an API route: it writes a response or returns an error,
// which is rendered as an OpenAI error (see Error).
type HandlerFunc func(w http.ResponseWriter, r *http.Request) error

// ServeHTTP serves the API.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.cors(w, r) {
		return
	}
	s.mux.ServeHTTP(w, r)
}

// statusWriter records the status code for metrics and logs.
type statusWriter struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote {
		w.status, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if !w.wrote {
		w.status, w.wrote = http.StatusOK, true
	}
	return w.ResponseWriter.Write(b)
}

// Flush lets handlers stream through the wrapper.
func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// Unwrap gives http.ResponseController the underlying writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// wrap adapts a handler that returns an error: it checks the API key, bounds
// the body, renders errors as JSON, recovers panics, and records metrics and
// a log line.
// A negative limit leaves the body unbounded (the handler bounds it).
func (s *Server) wrap(route string, auth bool, limit int64, h func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		start := s.now()
		w := &statusWriter{ResponseWriter: rw}
		s.metrics.inFlight.Inc()
		defer func() {
			s.metrics.inFlight.Dec()
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				s.log.Error("panic serving request", "route", route, "panic", p)
				if !w.wrote {
					writeError(w, asAPIError(fmt.Errorf("panic: %v", p)))
				}
			}
			code := fmt.Sprint(w.status)
			s.metrics.requests.WithLabelValues(route, code).Inc()
			s.metrics.duration.WithLabelValues(route).Observe(s.now().Sub(start).Seconds())
			s.log.Info("request", "method", r.Method, "path", r.URL.Path, "status", w.status,
				"duration", s.now().Sub(start).Round(time.Microsecond), "remote", r.RemoteAddr)
		}()
		var err error
		if auth && !s.authorized(r) {
			err = Errorf(http.StatusUnauthorized, "authentication_error", "invalid_api_key",
				"missing or invalid API key: send it as 'Authorization: Bearer <key>'")
		} else {
			if limit >= 0 {
				r.Body = http.MaxBytesReader(w, r.Body, limit)
			}
			err = h(w, r)
		}
		if err != nil {
			e := asAPIError(err)
			if e.Status >= 500 {
				s.log.Error("request failed", "route", route, "err", err)
			}
			if w.wrote {
				return // a stream already started; the handler reported in-band
			}
			writeError(w, e)
		}
	})
}

// authorized reports whether r carries one of the configured keys. With no
// keys configured every request is authorized.
func (s *Server) authorized(r *http.Request) bool {
	if len(s.opt.APIKeys) == 0 {
		return true
	}
	key, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		key = r.Header.Get("X-Api-Key")
	}
	if key == "" {
		key = r.Header.Get("Api-Key") // Qdrant's clients send this
	}
	key = strings.TrimSpace(key)
	if key == "" {
		return false
	}
	good := 0
	for _, k := range s.opt.APIKeys {
		good |= subtle.ConstantTimeCompare([]byte(k), []byte(key))
	}
	return good == 1
}

// cors sets CORS headers and answers preflight requests; it reports whether
// the request was fully handled.
func (s *Server) cors(w http.ResponseWriter, r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" || len(s.opt.CORSOrigins) == 0 {
		return false
	}
	allowed := false
	for _, o := range s.opt.CORSOrigins {
		if o == "*" || strings.EqualFold(o, origin) {
			allowed = true
			break
		}
	}
	if !allowed {
		return false
	}
	h := w.Header()
	h.Set("Access-Control-Allow-Origin", origin)
	h.Add("Vary", "Origin")
	if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
		h.Set("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS")
		h.Set("Access-Control-Allow-Headers", "Authorization, Content-Type, X-Api-Key, Api-Key")
		h.Set("Access-Control-Max-Age", "600")
		w.WriteHeader(http.StatusNoContent)
		return true
	}
	return false
}

// WriteJSON writes v as a JSON response with the given status.
func WriteJSON(w http.ResponseWriter, status int, v any) { writeJSON(w, status, v) }

// BadRequest returns a 400 invalid_request_error about param.
func BadRequest(param, format string, args ...any) *Error { return badRequest(param, format, args...) }

// Health answers GET /health with {"status":"ok"}, and "instance" when
// Options.Instance is set. Mount it Public: the instance value is random per
// start and says nothing about the node.
func (s *Server) Health(w http.ResponseWriter, r *http.Request) error {
	body := map[string]string{"status": "ok"}
	if s.opt.Instance != "" {
		body["instance"] = s.opt.Instance
	}
	writeJSON(w, http.StatusOK, body)
	return nil
}

// Models answers GET /v1/models with Backends.Models.
func (s *Server) Models(w http.ResponseWriter, r *http.Request) error {
	var list []Model
	if s.b.Models != nil {
		list = s.b.Models()
	}
	if list == nil {
		list = []Model{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"object": "list", "data": list})
	return nil
}

// Info answers GET /v1/info with Backends.Info, signed with
// Options.Signer for ?nonce=N (package attest).
func (s *Server) Info(w http.ResponseWriter, r *http.Request) error {
	if s.b.Info == nil {
		return Errorf(http.StatusNotFound, "invalid_request_error", "unknown_url", "this server has no node information")
	}
	nonce := r.URL.Query().Get("nonce")
	if nonce == "" {
		writeJSON(w, http.StatusOK, s.b.Info())
		return nil
	}
	if len(nonce) > 128 {
		return badRequest("nonce", "nonce is longer than 128 characters")
	}
	if s.opt.Signer == nil || s.b.Attest == nil {
		return Errorf(http.StatusNotImplemented, "server_error", "cannot_sign", "this node has no identity key to sign its information with")
	}
	facts, err := s.b.Attest()
	if err != nil {
		return err
	}
	facts.Nonce, facts.Time = nonce, s.now().Unix()
	att, err := facts.Sign(s.opt.Signer)
	if err != nil {
		return Errorf(http.StatusServiceUnavailable, "server_error", "cannot_sign", "cannot sign the node information: %v", err)
	}
	body, err := json.Marshal(s.b.Info())
	if err != nil {
		return err
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(body, &m); err != nil {
		return err
	}
	m["attestation"], _ = json.Marshal(att)
	writeJSON(w, http.StatusOK, m)
	return nil
}

// answerSigner signs a chat answer for attest: it hashes the request body
// as it is read and, given the seed and the output, sets the signed
// headers (trailers for a stream). Without a Signer it does nothing.
type answerSigner struct {
	signer attest.Signer
	h      hash.Hash
	log    *slog.Logger
}

// signAnswers wraps r's body so that its SHA-256 is known after decoding;
// for a stream it declares the trailers on w (before the header is sent).
func (s *Server) signAnswers(w http.ResponseWriter, r *http.Request) *answerSigner {
	if s.opt.Signer == nil {
		return nil
	}
	a := &answerSigner{signer: s.opt.Signer, h: sha256.New(), log: s.log}
	r.Body = struct {
		io.Reader
		io.Closer
	}{io.TeeReader(r.Body, a.h), r.Body}
	return a
}

// streaming declares the signed answer's trailers on w, before a stream's
// header is sent.
func (a *answerSigner) streaming(w http.ResponseWriter) {
	if a != nil {
		w.Header().Set("Trailer", attest.HeaderSeed+", "+attest.HeaderRequest+", "+attest.HeaderOutput+", "+attest.HeaderSignature)
	}
}

// sign sets the signed answer for output and res's seed into h (the
// response's header or, once the body started, its trailers).
func (a *answerSigner) sign(h http.Header, output string, res *ChatResult) {
	if a == nil || res == nil || res.Seed == nil {
		return
	}
	ans := attest.Answer{Request: hex.EncodeToString(a.h.Sum(nil)), Seed: *res.Seed, Output: attest.Hash([]byte(output))}
	sig, err := ans.Sign(a.signer)
	if err != nil {
		a.log.Warn("cannot sign the answer", "err", err)
		return
	}
	h.Set(attest.HeaderSeed, strconv.FormatUint(ans.Seed, 10))
	h.Set(attest.HeaderRequest, ans.Request)
	h.Set(attest.HeaderOutput, ans.Output)
	h.Set(attest.HeaderSignature, sig)
}

// resolveModel returns the model a request names, or the first model served
// when it names none; a name that is not served is a 404.
func (s *Server) resolveModel(name string) (string, error) {
	if s.b.Models == nil {
		return name, nil
	}
	models := s.b.Models()
	if name == "" {
		if len(models) > 0 {
			return models[0].ID, nil
		}
		return name, nil
	}
	for _, m := range models {
		if m.ID == name {
			return name, nil
		}
	}
	return "", ErrModelNotFound(name)
}
