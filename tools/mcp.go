package tools

import (
	"context"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptrace"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/gaianet-go/gaianet/config"
	"github.com/gaianet-go/gaianet/egress"
	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// DefaultMCPTimeout bounds one MCP tool call when the server sets none.
const DefaultMCPTimeout = 60 * time.Second

// clientInfo is how the node introduces itself to MCP servers.
var clientInfo = &mcp.Implementation{Name: "gaianet-node", Version: "1"}

// MCPClient is a connection to one MCP server. It reconnects once when a
// call finds the session gone: a stdio server that exited is started
// again, a streamable HTTP server that restarted (or dropped the session)
// gets a new session.
type MCPClient struct {
	spec    config.MCPServer
	connect func(ctx context.Context) (*mcp.ClientSession, error)
	timeout time.Duration

	mu      sync.Mutex
	session *mcp.ClientSession
}

// MCPOptions configure ConnectMCP.
type MCPOptions struct {
	// Policy guards a streamable HTTP server's connections; nil allows
	// public addresses only.
	Policy *egress.Policy
	// RootCAs, when set, replaces the system's CAs for HTTPS servers.
	RootCAs *x509.CertPool
	// Logger receives a stdio server's stderr lines; nil discards them.
	Logger *slog.Logger
}

// ConnectMCP connects to the MCP server spec describes: it starts its
// command (stdio) or opens a session with its URL (streamable HTTP).
// Secrets of env and headers are read now.
func ConnectMCP(ctx context.Context, spec config.MCPServer, opt MCPOptions) (*MCPClient, error) {
	log := opt.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	c := &MCPClient{spec: spec, timeout: seconds(spec.Timeout, DefaultMCPTimeout)}
	client := mcp.NewClient(clientInfo, nil)
	switch {
	case spec.Command != "":
		env, err := readSecrets("env", spec.Env)
		if err != nil {
			return nil, fmt.Errorf("mcp server %s: %w", spec.Name, err)
		}
		c.connect = func(ctx context.Context) (*mcp.ClientSession, error) {
			cmd := exec.Command(spec.Command, spec.Args...)
			cmd.Env = childEnv(env)
			cmd.Stderr = &lineLogger{log: log.With("mcp_server", spec.Name)}
			return client.Connect(ctx, &mcp.CommandTransport{Command: cmd, TerminateDuration: 2 * time.Second}, nil)
		}
	case spec.URL != "":
		headers, err := readSecrets("header", spec.Headers)
		if err != nil {
			return nil, fmt.Errorf("mcp server %s: %w", spec.Name, err)
		}
		policy := opt.Policy
		if policy == nil {
			policy = egress.Public
		}
		hc := policy.Client(egress.Options{RootCAs: opt.RootCAs})
		hc.Transport = &headerTransport{rt: hc.Transport, headers: headers}
		c.connect = func(ctx context.Context) (*mcp.ClientSession, error) {
			return client.Connect(ctx, &mcp.StreamableClientTransport{Endpoint: spec.URL, HTTPClient: hc,
				DisableStandaloneSSE: true, MaxRetries: 1}, nil)
		}
	default:
		return nil, fmt.Errorf("mcp server %s: neither command nor url is set", spec.Name)
	}
	s, err := c.connect(ctx)
	if err != nil {
		return nil, fmt.Errorf("mcp server %s: connecting: %w", spec.Name, err)
	}
	c.session = s
	return c, nil
}

// childEnv is a stdio server's environment: PATH and HOME, plus extra.
func childEnv(extra map[string]string) []string {
	var env []string
	for _, k := range []string{"PATH", "HOME"} {
		if v, ok := os.LookupEnv(k); ok {
			env = append(env, k+"="+v)
		}
	}
	for k, v := range extra {
		env = append(env, k+"="+v)
	}
	return env
}

// Name is the server's name in the config.
func (c *MCPClient) Name() string { return c.spec.Name }

// Close ends the session (and a stdio server's process).
func (c *MCPClient) Close() error {
	c.mu.Lock()
	s := c.session
	c.session = nil
	c.mu.Unlock()
	if s == nil {
		return nil
	}
	return s.Close()
}

// sessionFor returns the open session, reconnecting when stale is the
// session a call just found closed.
func (c *MCPClient) sessionFor(ctx context.Context, stale *mcp.ClientSession) (*mcp.ClientSession, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.session != nil && c.session != stale {
		return c.session, nil
	}
	if c.session != nil {
		c.session.Close()
		c.session = nil
	}
	s, err := c.connect(ctx)
	if err != nil {
		return nil, fmt.Errorf("mcp server %s: reconnecting: %w", c.spec.Name, err)
	}
	c.session = s
	return s, nil
}

// ServerTools lists the server's tools as node tools: all of them or
// those spec.Tools names, their names prefixed with spec.Prefix.
func (c *MCPClient) ServerTools(ctx context.Context) ([]Tool, error) {
	s, err := c.sessionFor(ctx, nil)
	if err != nil {
		return nil, err
	}
	want := map[string]bool{}
	for _, n := range c.spec.Tools {
		want[n] = true
	}
	var out []Tool
	for t, err := range s.Tools(ctx, nil) {
		if err != nil {
			return nil, fmt.Errorf("mcp server %s: listing tools: %w", c.spec.Name, err)
		}
		if len(want) > 0 && !want[t.Name] {
			continue
		}
		delete(want, t.Name)
		out = append(out, c.tool(t, c.spec.Prefix+t.Name, "", nil))
	}
	for n := range want {
		return nil, fmt.Errorf("mcp server %s has no tool %q (gaianet_go.mcp_servers tools)", c.spec.Name, n)
	}
	return out, nil
}

// Tool returns the server's tool remote as a node tool named name; an
// empty description or parameters takes the server's.
func (c *MCPClient) Tool(ctx context.Context, remote, name, description string, params json.RawMessage) (Tool, error) {
	s, err := c.sessionFor(ctx, nil)
	if err != nil {
		return nil, err
	}
	for t, err := range s.Tools(ctx, nil) {
		if err != nil {
			return nil, fmt.Errorf("mcp server %s: listing tools: %w", c.spec.Name, err)
		}
		if t.Name == remote {
			return c.tool(t, name, description, params), nil
		}
	}
	return nil, fmt.Errorf("mcp server %s has no tool %q", c.spec.Name, remote)
}

func (c *MCPClient) tool(t *mcp.Tool, name, description string, params json.RawMessage) Tool {
	if description == "" {
		description = t.Description
	}
	if len(params) == 0 && t.InputSchema != nil {
		params, _ = json.Marshal(t.InputSchema)
	}
	return &mcpTool{c: c, remote: t.Name, def: Definition{Name: name, Description: description, Parameters: objectSchema(params)}}
}

// mcpTool is one tool of an MCP server.
type mcpTool struct {
	c      *MCPClient
	remote string
	def    Definition
}

func (t *mcpTool) Definition() Definition { return t.def }

// Call calls the tool on its server. A result the server marks as an
// error is an error; structured content is returned as it is, text
// content as JSON when it is JSON, else as a JSON string.
func (t *mcpTool) Call(ctx context.Context, args json.RawMessage) (json.RawMessage, error) {
	if _, err := argsObject(args); err != nil {
		return nil, err
	}
	if len(args) == 0 {
		args = json.RawMessage("{}")
	}
	ctx, cancel := context.WithTimeout(ctx, t.c.timeout)
	defer cancel()
	s, err := t.c.sessionFor(ctx, nil)
	if err != nil {
		return nil, err
	}
	params := &mcp.CallToolParams{Name: t.remote, Arguments: args}
	res, err := s.CallTool(ctx, params)
	if sessionLost(err) {
		if s, err = t.c.sessionFor(ctx, s); err == nil {
			res, err = s.CallTool(ctx, params)
		}
	}
	if err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, fmt.Errorf("mcp server %s: %s gave no answer within %s", t.c.spec.Name, t.remote, t.c.timeout)
		}
		return nil, fmt.Errorf("mcp server %s: %s: %w", t.c.spec.Name, t.remote, err)
	}
	return callResult(res)
}

// sessionLost reports whether err means the call never reached a live
// session, so it can be sent again on a new one: the connection is closed
// (a stdio server exited, an HTTP session broke) or the server no longer
// knows the session (a streamable HTTP server restarted answers 404).
func sessionLost(err error) bool {
	return errors.Is(err, mcp.ErrConnectionClosed) || errors.Is(err, mcp.ErrSessionMissing)
}

// callResult turns an MCP tool result into the tool's JSON result.
func callResult(res *mcp.CallToolResult) (json.RawMessage, error) {
	var texts []string
	for _, c := range res.Content {
		switch c := c.(type) {
		case *mcp.TextContent:
			texts = append(texts, c.Text)
		case *mcp.ImageContent:
			texts = append(texts, fmt.Sprintf("[%s image omitted]", c.MIMEType))
		case *mcp.AudioContent:
			texts = append(texts, fmt.Sprintf("[%s audio omitted]", c.MIMEType))
		default:
			b, _ := json.Marshal(c)
			texts = append(texts, string(b))
		}
	}
	text := strings.Join(texts, "\n")
	if res.IsError {
		if text == "" {
			text = "the tool reported an error"
		}
		return nil, errors.New(text)
	}
	if res.StructuredContent != nil {
		b, err := json.Marshal(res.StructuredContent)
		if err == nil {
			return b, nil
		}
	}
	return resultJSON([]byte(text))
}

// headerTransport adds fixed headers to every request, and sends a
// request again, once, on a new connection when a kept-alive connection
// was found closed before any byte of an answer came back (the server
// restarted, or closed the idle connection as the request went out), as
// net/http does by itself only for idempotent methods: MCP posts every
// message.
type headerTransport struct {
	rt      http.RoundTripper
	headers map[string]string
}

func (h *headerTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if len(h.headers) > 0 {
		r = r.Clone(r.Context())
		for k, v := range h.headers {
			r.Header.Set(k, v)
		}
	}
	var reused, answered bool
	trace := &httptrace.ClientTrace{
		GotConn:              func(i httptrace.GotConnInfo) { reused = i.Reused },
		GotFirstResponseByte: func() { answered = true },
	}
	first := r.WithContext(httptrace.WithClientTrace(r.Context(), trace))
	resp, err := h.rt.RoundTrip(first)
	if err == nil || !reused || answered || r.Context().Err() != nil || !staleConn(err) {
		return resp, err
	}
	if r.Body != nil && r.Body != http.NoBody {
		if r.GetBody == nil {
			return resp, err
		}
		body, gerr := r.GetBody()
		if gerr != nil {
			return resp, err
		}
		r = r.Clone(r.Context())
		r.Body = body
	}
	return h.rt.RoundTrip(r)
}

// staleConn reports whether err is a connection closed under a request.
func staleConn(err error) bool {
	return errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE)
}

// lineLogger logs what a stdio server writes to stderr, line by line.
type lineLogger struct {
	log  *slog.Logger
	mu   sync.Mutex
	part []byte
}

func (l *lineLogger) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.part = append(l.part, p...)
	last := 0
	for i, b := range l.part {
		if b == '\n' {
			l.log.Info("mcp server stderr", "line", strings.TrimRight(string(l.part[last:i]), "\r"))
			last = i + 1
		}
	}
	l.part = append(l.part[:0], l.part[last:]...)
	if len(l.part) > 4096 {
		l.log.Info("mcp server stderr", "line", string(l.part))
		l.part = l.part[:0]
	}
	return len(p), nil
}
