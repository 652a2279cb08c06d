package node

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"

	"github.com/gaianet-go/gaianet/egress"
	"github.com/gaianet-go/gaianet/plugin"
	"github.com/gaianet-go/gaianet/rag"
	"github.com/gaianet-go/gaianet/tools"
	"github.com/gaianet-go/gaianet/vectorstore"
)

// maxMCPBody bounds a request body to /mcp.
const maxMCPBody = 8 << 20

// openTools builds the node tools (gaianet_go.tools and mcp_servers:
// MCP servers are started or connected here) and the MCP server at /mcp,
// which serves them and the knowledge-base search.
func (n *Node) openTools(ctx context.Context) error {
	e := &n.cfg.Ext
	if len(e.Tools) > 0 || len(e.MCPServers) > 0 {
		policy := n.opt.Outbound
		if policy == nil {
			var err error
			if policy, err = egress.NewPolicy(e.OutboundAllow...); err != nil {
				return fmt.Errorf("node: outbound_allow: %w", err)
			}
		}
		reg, err := tools.Build(ctx, e, tools.Options{Policy: policy, Plugins: n.pluginTools(), Logger: n.log})
		if err != nil {
			return fmt.Errorf("node: %w", err)
		}
		n.tools = reg
		for _, t := range reg.List() {
			n.log.Info("node tool", "name", t.Tool.Definition().Name, "kind", t.Kind)
		}
	}
	if err := n.checkPromptSets(); err != nil {
		return err
	}
	var search tools.Search
	if n.retriever != nil {
		search = n.mcpSearch
	}
	h, err := tools.MCPHandler(n.tools, search, tools.ServerOptions{Name: "gaianet-node", Version: n.opt.Version,
		Keyed: len(n.cfg.Ext.APIKeys) > 0, Logger: n.log})
	if err != nil {
		return fmt.Errorf("node: /mcp: %w", err)
	}
	n.mcp = http.MaxBytesHandler(h, maxMCPBody)
	return nil
}

// pluginTools resolves tools of kind "plugin": Options.Plugins, or the
// plugins gaianet_go.plugins loaded (hooks.go).
func (n *Node) pluginTools() tools.PluginTools {
	if n.opt.Plugins != nil || n.plugins == nil {
		return n.opt.Plugins
	}
	return PluginTools(n.plugins)
}

// PluginTools adapts a plugin registry to tools.PluginTools.
func PluginTools(reg *plugin.Registry) tools.PluginTools {
	return tools.PluginToolsFunc(func(name, function string) (tools.PluginTool, error) {
		t, err := reg.PluginTool(name, function)
		if err != nil {
			return nil, err
		}
		return t, nil
	})
}

// mcpSearch is the MCP server's knowledge_search: the chat path's
// retrieval, for a query given directly.
func (n *Node) mcpSearch(ctx context.Context, query string, limit int) ([]tools.SearchHit, error) {
	if limit <= 0 {
		limit = max(n.cfg.QdrantLimit, 1)
	}
	chunks, err := n.retriever.Retrieve(ctx, rag.Query{Text: query, Collections: n.collections, Limit: limit,
		Threshold: n.cfg.QdrantScoreThreshold, Fusion: n.fusion})
	if errors.Is(err, vectorstore.ErrNotFound) {
		return nil, nil // no documents yet
	}
	if err != nil {
		return nil, fmt.Errorf("searching the knowledge base: %w", err)
	}
	hits := make([]tools.SearchHit, 0, len(chunks))
	for _, s := range n.apiSources(chunks) {
		hits = append(hits, tools.SearchHit{Text: s.Text, Document: s.Document, Score: s.Score})
	}
	return hits, nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
