package tools

import (
	"bytes"
	"context"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gaianet-go/gaianet/config"
	"github.com/gaianet-go/gaianet/egress"
)

// Defaults of HTTPS tools.
const (
	DefaultHTTPSTimeout     = 30 * time.Second
	DefaultMaxResponseBytes = 1 << 20
)

// httpsTool calls an HTTPS endpoint; see config.ToolSpec.
type httpsTool struct {
	def     Definition
	method  string
	url     *url.URL
	headers map[string]string
	timeout time.Duration
	client  *http.Client
}

// NewHTTPS returns the HTTPS endpoint tool spec describes. Its requests go
// through a client of policy (nil: public addresses only); header secrets
// are read now. roots, when set, replaces the system's CAs.
func NewHTTPS(spec config.ToolSpec, policy *egress.Policy, roots *x509.CertPool) (Tool, error) {
	u, err := url.Parse(spec.URL)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		return nil, fmt.Errorf("tool %s: want an https:// URL, got %q", spec.Name, spec.URL)
	}
	headers, err := readSecrets("header", spec.Headers)
	if err != nil {
		return nil, fmt.Errorf("tool %s: %w", spec.Name, err)
	}
	if policy == nil {
		policy = egress.Public
	}
	t := &httpsTool{
		def:     Definition{Name: spec.Name, Description: spec.Description, Parameters: objectSchema(spec.Parameters)},
		method:  spec.Method,
		url:     u,
		headers: headers,
		timeout: seconds(spec.Timeout, DefaultHTTPSTimeout),
	}
	if t.method == "" {
		t.method = http.MethodGet
	}
	maxBody := spec.MaxResponseBytes
	if maxBody <= 0 {
		maxBody = DefaultMaxResponseBytes
	}
	// The tool's timeout is one budget for the whole call (connect, TLS,
	// header, body), kept by Call's context. The transport's own limits
	// are only a backstop past it: were they equal, whichever timer fired
	// first would decide the error, and a slow machine could cut a call
	// short of its budget.
	backstop := 2*t.timeout + time.Second
	t.client = policy.Client(egress.Options{ConnectTimeout: backstop, HeaderTimeout: backstop, MaxBodyBytes: maxBody, RootCAs: roots})
	return t, nil
}

func (t *httpsTool) Definition() Definition { return t.def }

// Call sends the arguments (query parameters for GET and DELETE, a JSON
// body otherwise) and returns the response: JSON as it is, other text as
// a JSON string. A status other than 2xx is an error naming it.
func (t *httpsTool) Call(ctx context.Context, args json.RawMessage) (json.RawMessage, error) {
	obj, err := argsObject(args)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, t.timeout)
	defer cancel()
	u := *t.url
	var body io.Reader
	switch t.method {
	case http.MethodGet, http.MethodDelete:
		q := u.Query()
		for k, raw := range obj {
			if err := addQuery(q, k, raw); err != nil {
				return nil, err
			}
		}
		u.RawQuery = q.Encode()
	default:
		if len(bytes.TrimSpace(args)) == 0 {
			args = json.RawMessage("{}")
		}
		body = bytes.NewReader(args)
	}
	req, err := http.NewRequestWithContext(ctx, t.method, u.String(), body)
	if err != nil {
		return nil, fmt.Errorf("building the request: %w", err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Accept", "application/json, text/plain;q=0.9, */*;q=0.1")
	for k, v := range t.headers {
		req.Header.Set(k, v)
	}
	resp, err := t.client.Do(req)
	if err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, fmt.Errorf("%s %s: no answer within %s", t.method, t.url.Redacted(), t.timeout)
		}
		return nil, fmt.Errorf("%s %s: %w", t.method, t.url.Redacted(), err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("%s %s: reading the response: %w", t.method, t.url.Redacted(), err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fmt.Errorf("%s %s: HTTP %d: %s", t.method, t.url.Redacted(), resp.StatusCode, clip(b, 300))
	}
	return resultJSON(b)
}

// resultJSON returns b as it is when it is JSON, else as a JSON string
// (text) or an error (binary).
func resultJSON(b []byte) (json.RawMessage, error) {
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return json.RawMessage(`""`), nil
	}
	if json.Valid(b) {
		return json.RawMessage(b), nil
	}
	if !utf8.Valid(b) {
		return nil, fmt.Errorf("the response is %d bytes of binary data, not text", len(b))
	}
	s, _ := json.Marshal(string(b))
	return s, nil
}

// argsObject decodes the model's arguments, which must be a JSON object
// (empty means {}).
func argsObject(args json.RawMessage) (map[string]json.RawMessage, error) {
	if len(bytes.TrimSpace(args)) == 0 {
		return map[string]json.RawMessage{}, nil
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(args, &obj); err != nil || obj == nil {
		return nil, fmt.Errorf("arguments must be a JSON object, got %s", clip(args, 80))
	}
	return obj, nil
}

// addQuery adds a top-level argument as a query parameter: a scalar as
// its text, an array of scalars as repeated parameters.
func addQuery(q url.Values, k string, raw json.RawMessage) error {
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return fmt.Errorf("argument %s: %w", k, err)
	}
	switch x := v.(type) {
	case nil:
	case string:
		q.Add(k, x)
	case float64, bool:
		q.Add(k, string(bytes.TrimSpace(raw)))
	case []any:
		var items []json.RawMessage
		_ = json.Unmarshal(raw, &items)
		for _, it := range items {
			var s any
			_ = json.Unmarshal(it, &s)
			switch s := s.(type) {
			case string:
				q.Add(k, s)
			case float64, bool:
				q.Add(k, string(bytes.TrimSpace(it)))
			default:
				return fmt.Errorf("argument %s: a query parameter holds scalars, not %s", k, clip(it, 40))
			}
		}
	default:
		return fmt.Errorf("argument %s: an object cannot be a query parameter (use method POST to send a JSON body)", k)
	}
	return nil
}

// objectSchema returns p, or an empty object schema when p is empty.
func objectSchema(p json.RawMessage) json.RawMessage {
	if len(bytes.TrimSpace(p)) == 0 || string(bytes.TrimSpace(p)) == "null" {
		return json.RawMessage(`{"type":"object","properties":{}}`)
	}
	return p
}

func seconds(s float64, def time.Duration) time.Duration {
	if s <= 0 {
		return def
	}
	return time.Duration(s * float64(time.Second))
}

// clip returns b as text, cut to n bytes with an ellipsis.
func clip(b []byte, n int) string {
	s := strings.ToValidUTF8(string(b), "?")
	if len(s) > n {
		return s[:n] + "..."
	}
	return s
}
