package upstream

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gaianet-go/gaianet/api"
	"github.com/gaianet-go/gaianet/egress"
)

// Limits and timeouts of upstream requests.
const (
	dialTimeout   = 10 * time.Second
	headerTimeout = 5 * time.Minute // a busy upstream may queue us
	// ProbeTimeout bounds a request made to learn about the upstream
	// (ProbeModel, Embeddings.Probe at start).
	ProbeTimeout = 10 * time.Second
	// MaxEvent bounds one server-sent event of a streamed reply.
	MaxEvent     = 16 << 20
	maxErrorBody = 64 << 10
	// MaxBody bounds a reply read whole: a non-streamed reply or
	// embeddings.
	MaxBody      = 256 << 20
	defaultRetry = 2 * time.Second
)

// Client is an OpenAI-compatible server. It is safe for concurrent use
// once SetModel, if called, has returned.
type Client struct {
	base   *url.URL // e.g. http://host:8080/v1
	host   string   // host[:port], for messages
	key    string   // bearer token; may be empty
	model  string   // model name sent upstream; empty means the client's
	client *http.Client
}

// New returns a Client of the server at raw, a base URL such as
// "http://host:8080/v1", sending key as a bearer token when not empty. It
// does not contact the server.
func New(raw, key string) (*Client, error) {
	u, err := url.Parse(strings.TrimRight(raw, "/"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("upstream: %q is not an http(s) base URL like http://host:8080/v1", raw)
	}
	// The operator configured this server, so it is allowed wherever it
	// is (often on the same machine or network); through the same guarded
	// dialer as every outbound request, so its redirects are not.
	pol, err := egress.Public.With(u.Hostname())
	if err != nil {
		return nil, fmt.Errorf("upstream: %q: %w", raw, err)
	}
	client := pol.Client(egress.Options{ConnectTimeout: dialTimeout, HeaderTimeout: headerTimeout})
	return &Client{base: u, host: u.Host, key: key, client: client}, nil
}

// String returns the base URL without credentials or query, for /v1/info
// and logs.
func (u *Client) String() string {
	c := *u.base
	c.User, c.RawQuery, c.Fragment = nil, "", ""
	return c.String()
}

// Host returns the server's host[:port], as error messages name it.
func (u *Client) Host() string { return u.host }

// SetModel sets the model name sent upstream; empty means the client's
// (see ModelFor). Call it before the Client is shared.
func (u *Client) SetModel(model string) { u.model = model }

// ModelFor returns the model name to send for a request that named
// client: the one set with SetModel, else client.
func (u *Client) ModelFor(client string) string {
	if u.model != "" {
		return u.model
	}
	return client
}

// Close releases idle connections.
func (u *Client) Close() { u.client.CloseIdleConnections() }

// Request sends a request to endpoint (relative to the base URL) with body
// as JSON (none when nil) and returns the response when its status is 2xx;
// the caller closes its body. Any other outcome is an *api.Error for the
// client, or ctx's error when the client is gone.
func (u *Client) Request(ctx context.Context, method, endpoint string, body any) (*http.Response, error) {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return nil, fmt.Errorf("upstream: request: %w", err)
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, u.base.JoinPath(endpoint).String(), rd)
	if err != nil {
		return nil, fmt.Errorf("upstream: request: %w", err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Accept", "text/event-stream, application/json")
	if u.key != "" {
		req.Header.Set("Authorization", "Bearer "+u.key)
	}
	resp, err := u.client.Do(req)
	if err != nil {
		return nil, u.TransportError(ctx, err)
	}
	if resp.StatusCode/100 != 2 {
		defer resp.Body.Close()
		b, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
		return nil, u.StatusError(resp.StatusCode, resp.Header, b)
	}
	return resp, nil
}

// TransportError explains a failure to reach the upstream or to read its
// reply: 502 naming the host, or ctx's error when the client went away.
func (u *Client) TransportError(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return api.Errorf(http.StatusBadGateway, "server_error", "upstream_unavailable",
			"upstream unavailable: %s did not answer in time", u.host)
	}
	reason := err.Error()
	var ue *url.Error
	if errors.As(err, &ue) {
		reason = ue.Err.Error()
	}
	return api.Errorf(http.StatusBadGateway, "server_error", "upstream_unavailable",
		"upstream unavailable: cannot reach %s: %s", u.host, reason)
}

// StatusError maps an upstream's non-2xx answer to the client's error:
// 429 stays 429 with Retry-After; 401 and 403 mean the node's own key is
// wrong, which is the operator's problem, so 502; other 4xx pass through
// with the upstream's message; 5xx become 502.
func (u *Client) StatusError(status int, h http.Header, body []byte) *api.Error {
	msg, typ, code := ErrorDetails(body)
	if msg == "" {
		msg = http.StatusText(status)
	}
	var e *api.Error
	switch {
	case status == http.StatusTooManyRequests:
		e = api.Errorf(status, "rate_limit_error", "upstream_busy", "upstream %s is busy: %s", u.host, msg)
		e.RetryAfter = retryAfter(h.Get("Retry-After"), time.Now())
	case status == http.StatusUnauthorized || status == http.StatusForbidden:
		e = api.Errorf(http.StatusBadGateway, "server_error", "upstream_auth_failed",
			"upstream %s refused the node's credentials (HTTP %d: %s); check gaianet_go.upstream_api_key", u.host, status, msg)
	case status >= 400 && status < 500:
		if typ == "" {
			typ = "invalid_request_error"
		}
		if code == "" {
			code = "upstream_error"
		}
		e = api.Errorf(status, typ, code, "upstream %s: %s", u.host, msg)
	default:
		e = api.Errorf(http.StatusBadGateway, "server_error", "upstream_error", "upstream %s failed (HTTP %d): %s", u.host, status, msg)
		if ra := h.Get("Retry-After"); ra != "" {
			e.RetryAfter = retryAfter(ra, time.Now())
		}
	}
	return e
}

// ErrorDetails finds the message of an error body in the shapes servers
// use: {"error":{"message","type","code"}} (OpenAI, llama-server, this
// node), {"error":"text"} (Ollama), {"message":...} or {"detail":...}
// (vLLM, FastAPI), or plain text. The message is cut at 1000 bytes.
func ErrorDetails(body []byte) (msg, typ, code string) {
	var v struct {
		Error   json.RawMessage `json:"error"`
		Message any             `json:"message"`
		Detail  any             `json:"detail"`
	}
	if json.Unmarshal(body, &v) == nil {
		var obj struct {
			Message string `json:"message"`
			Type    string `json:"type"`
			Code    any    `json:"code"`
		}
		var s string
		switch {
		case len(v.Error) > 0 && json.Unmarshal(v.Error, &obj) == nil && obj.Message != "":
			msg, typ = obj.Message, obj.Type
			if c, ok := obj.Code.(string); ok {
				code = c
			}
		case len(v.Error) > 0 && json.Unmarshal(v.Error, &s) == nil && s != "":
			msg = s
		case v.Message != nil:
			msg = fmt.Sprint(v.Message)
		case v.Detail != nil:
			msg = fmt.Sprint(v.Detail)
		}
	}
	if msg == "" {
		msg = strings.TrimSpace(string(body))
	}
	if len(msg) > 1000 {
		msg = msg[:1000] + "…"
	}
	return msg, typ, code
}

// retryAfter reads a Retry-After header: seconds or an HTTP date. Absent or
// unreadable means the default.
func retryAfter(v string, now time.Time) time.Duration {
	if s, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && s > 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return defaultRetry
}

// ProbeModel asks the upstream's /models for the first model it serves,
// within ProbeTimeout.
func (u *Client) ProbeModel(ctx context.Context) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, ProbeTimeout)
	defer cancel()
	resp, err := u.Request(ctx, http.MethodGet, "models", nil)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var list struct {
		Data []struct {
			ID string `json:"id"`
		} `json:"data"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, maxErrorBody)).Decode(&list); err != nil {
		return "", fmt.Errorf("upstream: %s: /models: %w", u.host, err)
	}
	if len(list.Data) == 0 || list.Data[0].ID == "" {
		return "", fmt.Errorf("upstream: %s lists no models", u.host)
	}
	return list.Data[0].ID, nil
}

// EventError is an error event in an upstream's stream: an event whose
// JSON has an "error" member, or an event of type "error".
type EventError struct {
	Msg    string
	Status int // the event's numeric code, 0 when it has none
}

func (e *EventError) Error() string { return e.Msg }

// ErrBadReply marks an upstream reply that is not the JSON expected.
var ErrBadReply = errors.New("upstream: unreadable reply")

// ReplyError maps an error found inside the upstream's reply (an
// *EventError, or one wrapping ErrBadReply) to the client's error.
func (u *Client) ReplyError(err error) error {
	var ee *EventError
	if !errors.As(err, &ee) {
		return api.Errorf(http.StatusBadGateway, "server_error", "upstream_error", "upstream %s sent an unreadable reply: %v", u.host, err)
	}
	if ee.Status >= 400 && ee.Status < 600 {
		body, _ := json.Marshal(map[string]any{"error": map[string]string{"message": ee.Msg}})
		return u.StatusError(ee.Status, http.Header{}, body)
	}
	return api.Errorf(http.StatusBadGateway, "server_error", "upstream_error", "upstream %s failed: %s", u.host, ee.Msg)
}
