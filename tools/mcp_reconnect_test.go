package tools

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/config"
	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// restartableMCP serves a streamable HTTP MCP server (the official SDK's)
// on one loopback address that can be stopped and started again, each
// start with a fresh server that knows no earlier session.
type restartableMCP struct {
	t     *testing.T
	addr  string
	srv   *http.Server
	gen   atomic.Int64 // which start answers
	calls atomic.Int64
}

type echoArgs struct {
	Text string `json:"text"`
}

func (r *restartableMCP) start() {
	r.t.Helper()
	gen := r.gen.Add(1)
	s := mcp.NewServer(&mcp.Implementation{Name: "restartable", Version: "1"}, nil)
	mcp.AddTool(s, &mcp.Tool{Name: "echo", Description: "Echoes text with the server's start number"},
		func(ctx context.Context, req *mcp.CallToolRequest, a echoArgs) (*mcp.CallToolResult, map[string]any, error) {
			r.calls.Add(1)
			return nil, map[string]any{"text": a.Text, "start": gen}, nil
		})
	h := mcp.NewStreamableHTTPHandler(func(*http.Request) *mcp.Server { return s }, nil)
	addr := r.addr
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	var ln net.Listener
	var err error
	for i := 0; i < 50; i++ { // the port may linger briefly after a stop
		if ln, err = net.Listen("tcp", addr); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		r.t.Fatal(err)
	}
	r.addr = ln.Addr().String()
	r.srv = &http.Server{Handler: h}
	go r.srv.Serve(ln)
}

func (r *restartableMCP) stop() {
	r.srv.Close() // drops every connection, as a killed server does
}

// TestMCPHTTPReconnects restarts a streamable HTTP MCP server between
// calls: the next call opens a new session and succeeds; a call made
// while the server is down fails with the reason, and the first call after
// it is back succeeds.
func TestMCPHTTPReconnects(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	srv := &restartableMCP{t: t}
	srv.start()
	defer func() { srv.stop() }()
	c, err := ConnectMCP(ctx, config.MCPServer{Name: "r", URL: "http://" + srv.addr, Timeout: 5}, MCPOptions{Policy: loopbackPolicy(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	echo, err := c.Tool(ctx, "echo", "echo", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	call := func(text string) (string, error) {
		got, err := echo.Call(ctx, json.RawMessage(`{"text":"`+text+`"}`))
		return string(got), err
	}
	if got, err := call("one"); err != nil || got != `{"start":1,"text":"one"}` {
		t.Fatalf("first call: %s, %v", got, err)
	}

	srv.stop()
	srv.start()
	if got, err := call("two"); err != nil || got != `{"start":2,"text":"two"}` {
		t.Fatalf("call after the server restarted: %s, %v", got, err)
	}

	srv.stop()
	got, err := call("down")
	t.Logf("call while down: %v", err)
	if err == nil || !strings.Contains(err.Error(), "mcp server r") {
		t.Fatalf("call while the server is down: %s, %v; want an error naming the server", got, err)
	}
	srv.start()
	if got, err := call("three"); err != nil || got != `{"start":3,"text":"three"}` {
		t.Fatalf("call after the server came back: %s, %v", got, err)
	}
	if n := srv.calls.Load(); n != 3 {
		t.Errorf("the server ran the tool %d times, want 3 (no call repeated)", n)
	}
}
