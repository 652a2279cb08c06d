package tools

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// SearchHit is a knowledge-base chunk found by a Search.
type SearchHit struct {
	Text     string  `json:"text"`
	Document string  `json:"document,omitempty"`
	Score    float64 `json:"score"`
}

// Search searches the node's knowledge base.
type Search func(ctx context.Context, query string, limit int) ([]SearchHit, error)

// KnowledgeSearchTool is the name of the knowledge-base search the MCP
// server offers.
const KnowledgeSearchTool = "knowledge_search"

// knowledgeSchema is the search tool's arguments.
const knowledgeSchema = `{"type":"object","properties":{"query":{"type":"string","description":"What to look for"},` +
	`"limit":{"type":"integer","minimum":1,"maximum":20,"description":"How many chunks (default: the node's qdrant_limit)"}},` +
	`"required":["query"],"additionalProperties":false}`

// ServerOptions configure MCPHandler.
type ServerOptions struct {
	// Name and Version introduce the server to clients.
	Name, Version string
	// Keyed says that the caller checks an API key before the handler.
	// Without one, a request reaching a loopback address with another
	// Host name is refused (DNS rebinding: a web page making the user's
	// browser call a local node); with one, the key is the guard, so a
	// reverse proxy on the same machine can forward any host name.
	Keyed bool
	// Logger receives the SDK's logs; nil discards them.
	Logger *slog.Logger
}

// MCPHandler serves reg's tools, and search (when not nil) as the tool
// knowledge_search, as an MCP server over streamable HTTP (stateless: every
// request stands alone). Cross-site browser requests are refused.
// Authentication is the caller's: the node mounts it behind its API key.
func MCPHandler(reg *Registry, search Search, opt ServerOptions) (http.Handler, error) {
	srv := mcp.NewServer(&mcp.Implementation{Name: opt.Name, Version: opt.Version}, &mcp.ServerOptions{Logger: opt.Logger})
	for _, e := range reg.List() {
		def := e.Tool.Definition()
		var schema map[string]any
		if err := json.Unmarshal(objectSchema(def.Parameters), &schema); err != nil || schema["type"] != "object" {
			return nil, fmt.Errorf("tools: %s cannot be served over MCP: its parameters are not an object schema", def.Name)
		}
		tool := e.Tool
		srv.AddTool(&mcp.Tool{Name: def.Name, Description: def.Description, InputSchema: json.RawMessage(objectSchema(def.Parameters))},
			func(ctx context.Context, req *mcp.CallToolRequest) (*mcp.CallToolResult, error) {
				return toolResult(tool.Call(ctx, req.Params.Arguments))
			})
	}
	if search != nil {
		if _, dup := reg.Get(KnowledgeSearchTool); dup {
			return nil, fmt.Errorf("tools: a node tool is named %s, which the MCP server uses for knowledge-base search", KnowledgeSearchTool)
		}
		srv.AddTool(&mcp.Tool{Name: KnowledgeSearchTool, Description: "Search the node's knowledge base; returns the most similar text chunks.",
			InputSchema: json.RawMessage(knowledgeSchema)},
			func(ctx context.Context, req *mcp.CallToolRequest) (*mcp.CallToolResult, error) {
				var a struct {
					Query string `json:"query"`
					Limit int    `json:"limit"`
				}
				dec := json.NewDecoder(bytesReader(req.Params.Arguments))
				dec.DisallowUnknownFields()
				if err := dec.Decode(&a); err != nil || a.Query == "" || a.Limit < 0 || a.Limit > 20 {
					return toolResult(nil, errors.New(`arguments must be {"query": TEXT, "limit": 1..20 (optional)}`))
				}
				hits, err := search(ctx, a.Query, a.Limit)
				if err != nil {
					return toolResult(nil, err)
				}
				if hits == nil {
					hits = []SearchHit{}
				}
				b, err := json.Marshal(hits)
				return toolResult(b, err)
			})
	}
	h := mcp.NewStreamableHTTPHandler(func(*http.Request) *mcp.Server { return srv },
		&mcp.StreamableHTTPOptions{Stateless: true, Logger: opt.Logger, DisableLocalhostProtection: opt.Keyed})
	return http.NewCrossOriginProtection().Handler(h), nil
}

// toolResult is a tool's result or error as an MCP result: an error is
// reported in the result (IsError), so the model sees it.
func toolResult(b json.RawMessage, err error) (*mcp.CallToolResult, error) {
	if err != nil {
		return &mcp.CallToolResult{IsError: true, Content: []mcp.Content{&mcp.TextContent{Text: err.Error()}}}, nil
	}
	return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: string(b)}}}, nil
}
