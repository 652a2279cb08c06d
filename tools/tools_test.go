package tools

import (
	"context"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/config"
	"github.com/gaianet-go/gaianet/egress"
	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// TestMain lets the test binary be a stdio MCP server (for the tests that
// start one as a command).
func TestMain(m *testing.M) {
	if os.Getenv("TOOLS_TEST_MCP_SERVER") == "1" {
		serveStdioMCP()
		return
	}
	os.Exit(m.Run())
}

// serveStdioMCP is a small MCP server made with the SDK: add (numbers),
// fail (a tool error) and env (what its environment holds).
func serveStdioMCP() {
	s := mcp.NewServer(&mcp.Implementation{Name: "test-server", Version: "1"}, nil)
	type addIn struct {
		A float64 `json:"a"`
		B float64 `json:"b"`
	}
	type addOut struct {
		Sum float64 `json:"sum"`
	}
	mcp.AddTool(s, &mcp.Tool{Name: "add", Description: "Adds two numbers"}, func(ctx context.Context, req *mcp.CallToolRequest, in addIn) (*mcp.CallToolResult, addOut, error) {
		return nil, addOut{Sum: in.A + in.B}, nil
	})
	mcp.AddTool(s, &mcp.Tool{Name: "fail", Description: "Always fails"}, func(ctx context.Context, req *mcp.CallToolRequest, in struct{}) (*mcp.CallToolResult, any, error) {
		return nil, nil, errors.New("the disk is on fire")
	})
	mcp.AddTool(s, &mcp.Tool{Name: "env", Description: "Reads a variable"}, func(ctx context.Context, req *mcp.CallToolRequest, in struct {
		Name string `json:"name"`
	}) (*mcp.CallToolResult, any, error) {
		return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: os.Getenv(in.Name)}}}, nil, nil
	})
	mcp.AddTool(s, &mcp.Tool{Name: "quit", Description: "Ends the server"}, func(ctx context.Context, req *mcp.CallToolRequest, in struct{}) (*mcp.CallToolResult, any, error) {
		go func() { time.Sleep(50 * time.Millisecond); os.Exit(0) }()
		return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: "bye"}}}, nil, nil
	})
	if err := s.Run(context.Background(), &mcp.StdioTransport{}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// tlsServer starts a TLS test server on 127.0.0.1 and returns it with a
// pool trusting it.
func tlsServer(t *testing.T, h http.Handler) (*httptest.Server, *x509.CertPool) {
	t.Helper()
	srv := httptest.NewTLSServer(h)
	t.Cleanup(srv.Close)
	pool := x509.NewCertPool()
	pool.AddCert(srv.Certificate())
	return srv, pool
}

func loopbackPolicy(t *testing.T) *egress.Policy {
	t.Helper()
	p, err := egress.NewPolicy("127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestHTTPSTool(t *testing.T) {
	secretFile := filepath.Join(t.TempDir(), "key")
	if err := os.WriteFile(secretFile, []byte("file-secret\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TOOLS_TEST_KEY", "env-secret")
	slowDone := make(chan struct{})
	srv, pool := tlsServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/weather":
			if r.Header.Get("Authorization") != "Bearer env-secret" || r.Header.Get("X-File") != "file-secret" {
				http.Error(w, "bad credentials", http.StatusUnauthorized)
				return
			}
			fmt.Fprintf(w, `{"city":%q,"days":%q,"tags":%q,"temp_c":21}`, r.URL.Query().Get("city"), r.URL.Query().Get("days"), strings.Join(r.URL.Query()["tag"], ","))
		case "/echo":
			b, _ := io.ReadAll(r.Body)
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprintf(w, `{"method":%q,"type":%q,"body":%s}`, r.Method, r.Header.Get("Content-Type"), b)
		case "/text":
			io.WriteString(w, "sunny, 21 °C")
		case "/big":
			w.Write([]byte(strings.Repeat("x", 5000)))
		case "/slow":
			// No answer until the client gives up (or the test ends).
			select {
			case <-slowDone:
			case <-r.Context().Done():
			}
		case "/down":
			http.Error(w, "maintenance", http.StatusServiceUnavailable)
		}
	}))
	defer close(slowDone) // before the server closes (cleanup): it waits for handlers
	// Timeout is generous (a loaded machine can take seconds for a TLS
	// handshake), except for /slow, which must be cut at its timeout.
	spec := func(path, method string) config.ToolSpec {
		timeout := 60.0
		if path == "/slow" {
			timeout = 1
		}
		return config.ToolSpec{Name: "t", Kind: "https", URL: srv.URL + path, Method: method, MaxResponseBytes: 4096, Timeout: timeout,
			Headers: map[string]config.Secret{"Authorization": {Env: "TOOLS_TEST_KEY", Prefix: "Bearer "}, "X-File": {File: secretFile}}}
	}
	policy := loopbackPolicy(t)
	cases := []struct {
		path, method, args, want, err string
	}{
		{"/weather", "", `{"city":"Paris","days":3,"tag":["a","b"]}`, `{"city":"Paris","days":"3","tags":"a,b","temp_c":21}`, ""},
		{"/echo", "POST", `{"city":"Paris","n":[1,2]}`, `{"method":"POST","type":"application/json","body":{"city":"Paris","n":[1,2]}}`, ""},
		{"/text", "", `{}`, `"sunny, 21 °C"`, ""},
		{"/big", "", `{}`, "", "too large"},
		{"/slow", "", `{}`, "", "no answer within 1s"},
		{"/down", "", `{}`, "", "HTTP 503: maintenance"},
		{"/weather", "", `[1]`, "", "must be a JSON object"},
		{"/weather", "", `{"where":{"lat":1}}`, "", "an object cannot be a query parameter"},
	}
	for _, c := range cases {
		tool, err := NewHTTPS(spec(c.path, c.method), policy, pool)
		if err != nil {
			t.Fatal(err)
		}
		got, err := tool.Call(context.Background(), json.RawMessage(c.args))
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%s %s: got %s, %v; want error %q", c.path, c.args, got, err, c.err)
			}
			continue
		}
		if err != nil || string(got) != c.want {
			t.Errorf("%s %s: got %s, %v; want %s", c.path, c.args, got, err, c.want)
		}
	}

	// Secrets: a missing variable and a file others may read are refused.
	s := spec("/weather", "")
	s.Headers["Authorization"] = config.Secret{Env: "TOOLS_TEST_UNSET"}
	if _, err := NewHTTPS(s, policy, pool); err == nil || !strings.Contains(err.Error(), "TOOLS_TEST_UNSET is not set") {
		t.Errorf("unset env secret: %v", err)
	}
	if err := os.Chmod(secretFile, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := NewHTTPS(spec("/weather", ""), policy, pool); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Errorf("0644 secret file: %v", err)
	}
}

// TestHTTPSToolRefusesPrivate: an HTTPS tool's request to a private
// address is refused at connect time unless allow-listed: 127.0.0.1, ::1,
// 10/8, the metadata address, a name resolving to loopback, and a redirect
// from an allowed server to another loopback address.
func TestHTTPSToolRefusesPrivate(t *testing.T) {
	hello := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, `{"secret":1}`) })
	loop, pool := tlsServer(t, hello)
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(loop.URL, "https://"))
	ln, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Fatal(err)
	}
	other := &httptest.Server{Listener: ln, Config: &http.Server{Handler: hello}}
	other.StartTLS()
	t.Cleanup(other.Close)
	pool.AddCert(other.Certificate())
	redirect, rpool := tlsServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+"/x", http.StatusFound)
	}))
	pool.AddCert(redirect.Certificate())
	_ = rpool

	targets := []string{
		loop.URL,
		"https://localhost:" + port, // a name resolving to loopback
		"https://10.0.0.1/",
		"https://169.254.169.254/latest/meta-data/",
		"https://[::ffff:127.0.0.1]:" + port,
	}
	if ln6, err := net.Listen("tcp", "[::1]:0"); err == nil {
		v6 := &httptest.Server{Listener: ln6, Config: &http.Server{Handler: hello}}
		v6.StartTLS()
		t.Cleanup(v6.Close)
		targets = append(targets, v6.URL)
	} else {
		t.Logf("no IPv6 loopback here (%v): ::1 is covered by egress's own tests only", err)
	}
	call := func(policy *egress.Policy, u string) (json.RawMessage, error) {
		tool, err := NewHTTPS(config.ToolSpec{Name: "t", Kind: "https", URL: u, Timeout: 2}, policy, pool)
		if err != nil {
			t.Fatal(err)
		}
		return tool.Call(context.Background(), json.RawMessage(`{}`))
	}
	for _, u := range targets {
		if got, err := call(nil, u); !errors.Is(err, egress.ErrBlocked) {
			t.Errorf("GET %s: %s, %v; want ErrBlocked", u, got, err)
		}
	}
	allow := loopbackPolicy(t)
	if got, err := call(allow, loop.URL); err != nil || string(got) != `{"secret":1}` {
		t.Errorf("allow-listed 127.0.0.1: %s, %v", got, err)
	}
	if got, err := call(allow, redirect.URL); !errors.Is(err, egress.ErrBlocked) || !strings.Contains(err.Error(), "127.0.0.2") {
		t.Errorf("redirect to 127.0.0.2: %s, %v; want ErrBlocked", got, err)
	}
}

// mcpCommand is the spec of this test binary as a stdio MCP server.
func mcpCommand(t *testing.T) config.MCPServer {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	return config.MCPServer{Name: "calc", Command: exe, Args: []string{"-test.run=^$"},
		Env: map[string]config.Secret{"TOOLS_TEST_MCP_SERVER": {Value: "1"}, "GREETING": {Env: "TOOLS_TEST_GREETING"}}}
}

func TestMCPStdio(t *testing.T) {
	t.Setenv("TOOLS_TEST_GREETING", "hello")
	t.Setenv("TOOLS_TEST_HIDDEN", "must not leak")
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	ext := &config.Extensions{MCPServers: []config.MCPServer{mcpCommand(t)}}
	ext.MCPServers[0].Prefix = "calc_"
	reg, err := Build(ctx, ext, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer reg.Close()
	var names []string
	for _, e := range reg.List() {
		names = append(names, e.Tool.Definition().Name)
	}
	if strings.Join(names, ",") != "calc_add,calc_env,calc_fail,calc_quit" {
		t.Fatalf("tools %v", names)
	}
	add, _ := reg.Get("calc_add")
	if d := add.Definition(); d.Description != "Adds two numbers" || !strings.Contains(string(d.Parameters), `"a"`) {
		t.Errorf("definition %+v", d)
	}
	cases := []struct{ tool, args, want, err string }{
		{"calc_add", `{"a":2,"b":40}`, `{"sum":42}`, ""},
		{"calc_env", `{"name":"GREETING"}`, `"hello"`, ""},
		{"calc_env", `{"name":"TOOLS_TEST_HIDDEN"}`, `""`, ""},
		{"calc_fail", `{}`, "", "the disk is on fire"},
		{"calc_add", `{"a":"two"}`, "", "a"},
	}
	for _, c := range cases {
		tool, _ := reg.Get(c.tool)
		got, err := tool.Call(ctx, json.RawMessage(c.args))
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%s %s: %s, %v; want error %q", c.tool, c.args, got, err, c.err)
			}
			continue
		}
		if err != nil || string(got) != c.want {
			t.Errorf("%s %s: %s, %v; want %s", c.tool, c.args, got, err, c.want)
		}
	}

	// A server that exits is started again by the next call.
	quit, _ := reg.Get("calc_quit")
	if got, err := quit.Call(ctx, json.RawMessage(`{}`)); err != nil || string(got) != `"bye"` {
		t.Fatalf("quit: %s, %v", got, err)
	}
	time.Sleep(300 * time.Millisecond)
	if got, err := add.Call(ctx, json.RawMessage(`{"a":1,"b":1}`)); err != nil || string(got) != `{"sum":2}` {
		t.Errorf("call after the server exited: %s, %v", got, err)
	}

	// An entry of tools renames one server tool; the server's others
	// are then not offered.
	ext.Tools = []config.ToolSpec{{Name: "sum", Kind: "mcp", Server: "calc", Tool: "add", Description: "Sum"}}
	reg2, err := Build(ctx, ext, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer reg2.Close()
	if l := reg2.List(); len(l) != 1 || l[0].Tool.Definition().Name != "sum" || l[0].Tool.Definition().Description != "Sum" {
		t.Fatalf("renamed: %+v", l)
	}
	got, err := l0(reg2).Call(ctx, json.RawMessage(`{"a":1,"b":2}`))
	if err != nil || string(got) != `{"sum":3}` {
		t.Errorf("renamed call: %s, %v", got, err)
	}
	ext.MCPServers[0].Tools = []string{"nope"}
	ext.Tools = nil
	if _, err := Build(ctx, ext, Options{}); err == nil || !strings.Contains(err.Error(), `no tool "nope"`) {
		t.Errorf("unknown tool in the filter: %v", err)
	}
}

func l0(r *Registry) Tool { return r.List()[0].Tool }

// fakePlugin has package plugin's four methods.
type fakePlugin struct{}

func (fakePlugin) Name() string                { return "upper" }
func (fakePlugin) Description() string         { return "Upper-cases text" }
func (fakePlugin) Parameters() json.RawMessage { return nil }
func (fakePlugin) Call(_ context.Context, args json.RawMessage) (json.RawMessage, error) {
	var a struct{ Text string }
	if err := json.Unmarshal(args, &a); err != nil {
		return nil, err
	}
	return json.Marshal(strings.ToUpper(a.Text))
}

// TestMCPServerOverHTTP serves a registry (an HTTPS tool, a plugin tool)
// and a search at an MCP endpoint and uses it with the SDK's client
// through ConnectMCP's streamable HTTP transport, behind the egress guard.
func TestMCPServerOverHTTP(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	reg := NewRegistry()
	if err := reg.Add("plugin", FromPlugin(fakePlugin{})); err != nil {
		t.Fatal(err)
	}
	if err := reg.Add("plugin", FromPlugin(fakePlugin{})); err == nil || !strings.Contains(err.Error(), "two tools are named") {
		t.Errorf("duplicate name: %v", err)
	}
	search := func(ctx context.Context, q string, limit int) ([]SearchHit, error) {
		return []SearchHit{{Text: "Paris is the capital of France. (" + q + ")", Document: "paris.md", Score: 0.9}}, nil
	}
	h, err := MCPHandler(reg, search, ServerOptions{Name: "test-node", Version: "1"})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()

	// Guards: a loopback server reached under another host name (DNS
	// rebinding) unless keyed, and cross-site browser requests.
	keyedH, _ := MCPHandler(reg, nil, ServerOptions{Keyed: true})
	keyed := httptest.NewServer(keyedH)
	defer keyed.Close()
	list := `{"jsonrpc":"2.0","id":1,"method":"tools/list"}`
	for _, c := range []struct {
		url, host, site string
		want            int
	}{
		{srv.URL, "evil.example", "", http.StatusForbidden},
		{keyed.URL, "node.example", "", http.StatusOK},
		{keyed.URL, "", "cross-site", http.StatusForbidden},
	} {
		req, _ := http.NewRequest("POST", c.url, strings.NewReader(list))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", "application/json, text/event-stream")
		if c.host != "" {
			req.Host = c.host
		}
		if c.site != "" {
			req.Header.Set("Sec-Fetch-Site", c.site)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != c.want {
			t.Errorf("host %q site %q: %d, want %d", c.host, c.site, resp.StatusCode, c.want)
		}
	}

	spec := config.MCPServer{Name: "node", URL: srv.URL}
	if _, err := ConnectMCP(ctx, spec, MCPOptions{}); !errors.Is(err, egress.ErrBlocked) {
		t.Errorf("loopback MCP server without an allow-list: %v; want ErrBlocked", err)
	}
	c, err := ConnectMCP(ctx, spec, MCPOptions{Policy: loopbackPolicy(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ts, err := c.ServerTools(ctx)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]Tool{}
	for _, tl := range ts {
		byName[tl.Definition().Name] = tl
	}
	if len(byName) != 2 || byName["upper"] == nil || byName[KnowledgeSearchTool] == nil {
		t.Fatalf("tools %v", byName)
	}
	got, err := byName["upper"].Call(ctx, json.RawMessage(`{"text":"gaia"}`))
	if err != nil || string(got) != `"GAIA"` {
		t.Errorf("upper: %s, %v", got, err)
	}
	got, err = byName[KnowledgeSearchTool].Call(ctx, json.RawMessage(`{"query":"capital"}`))
	if err != nil || !strings.Contains(string(got), `"document":"paris.md"`) || !strings.Contains(string(got), "(capital)") {
		t.Errorf("search: %s, %v", got, err)
	}
	if got, err = byName[KnowledgeSearchTool].Call(ctx, json.RawMessage(`{"q":"x"}`)); err == nil {
		t.Errorf("bad search arguments: %s", got)
	}
	if got, err = byName["upper"].Call(ctx, json.RawMessage(`{"text":1}`)); err == nil {
		t.Errorf("plugin error: %s", got)
	}
}

func TestPluginSpec(t *testing.T) {
	plugins := PluginToolsFunc(func(plugin, function string) (PluginTool, error) {
		if plugin != "text" {
			return nil, fmt.Errorf("no plugin %q", plugin)
		}
		return fakePlugin{}, nil
	})
	ext := &config.Extensions{Tools: []config.ToolSpec{{Name: "shout", Kind: "plugin", Plugin: "text"}}}
	if _, err := Build(context.Background(), ext, Options{}); !errors.Is(err, ErrNoPlugins) {
		t.Errorf("no plugin host: %v", err)
	}
	reg, err := Build(context.Background(), ext, Options{Plugins: plugins})
	if err != nil {
		t.Fatal(err)
	}
	d := l0(reg).Definition()
	if d.Name != "shout" || d.Description != "Upper-cases text" || string(d.Parameters) != `{"type":"object","properties":{}}` {
		t.Errorf("definition %+v", d)
	}
	ext.Tools[0].Plugin = "nope"
	if _, err := Build(context.Background(), ext, Options{Plugins: plugins}); err == nil || !strings.Contains(err.Error(), `no plugin "nope"`) {
		t.Errorf("unknown plugin: %v", err)
	}
}
