package tools

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"log/slog"

	"github.com/gaianet-go/gaianet/config"
	"github.com/gaianet-go/gaianet/egress"
)

// Options configure Build.
type Options struct {
	// Policy guards outbound requests of HTTPS tools and HTTP MCP
	// servers; nil allows public addresses only.
	Policy *egress.Policy
	// RootCAs, when set, replaces the system's CAs for HTTPS.
	RootCAs *x509.CertPool
	// Plugins resolves tools of kind "plugin"; nil makes them an error.
	Plugins PluginTools
	// Logger receives MCP servers' stderr; nil discards it.
	Logger *slog.Logger
}

// Build makes the registry of ext's node tools: the entries of
// gaianet_go.tools in order, then the tools of every MCP server no "mcp"
// entry names (all of them, or those its "tools" lists). ext must be
// valid. On error, whatever was started is closed.
func Build(ctx context.Context, ext *config.Extensions, opt Options) (_ *Registry, err error) {
	r := NewRegistry()
	defer func() {
		if err != nil {
			r.Close()
		}
	}()
	servers := map[string]*MCPClient{}
	named := map[string]bool{} // servers an "mcp" entry names
	for _, t := range ext.Tools {
		if t.Kind == config.ToolMCP {
			named[t.Server] = true
		}
	}
	for _, s := range ext.MCPServers {
		c, err := ConnectMCP(ctx, s, MCPOptions{Policy: opt.Policy, RootCAs: opt.RootCAs, Logger: opt.Logger})
		if err != nil {
			return nil, err
		}
		r.onClose(c)
		servers[s.Name] = c
	}
	for _, spec := range ext.Tools {
		var tool Tool
		switch spec.Kind {
		case config.ToolHTTPS:
			tool, err = NewHTTPS(spec, opt.Policy, opt.RootCAs)
		case config.ToolMCP:
			c := servers[spec.Server]
			if c == nil {
				return nil, fmt.Errorf("tool %s: mcp server %q is not configured", spec.Name, spec.Server)
			}
			remote := spec.Tool
			if remote == "" {
				remote = spec.Name
			}
			tool, err = c.Tool(ctx, remote, spec.Name, spec.Description, spec.Parameters)
		case config.ToolPlugin:
			tool, err = pluginSpec(spec, opt.Plugins)
		default:
			err = fmt.Errorf("tool %s: unknown kind %q", spec.Name, spec.Kind)
		}
		if err != nil {
			return nil, err
		}
		if err := r.Add(spec.Kind, tool); err != nil {
			return nil, err
		}
	}
	for _, s := range ext.MCPServers {
		if named[s.Name] {
			continue
		}
		ts, err := servers[s.Name].ServerTools(ctx)
		if err != nil {
			return nil, err
		}
		for _, t := range ts {
			if err := r.Add(config.ToolMCP, t); err != nil {
				return nil, err
			}
		}
	}
	return r, nil
}

// ErrNoPlugins is returned for a plugin tool when the node has no plugin
// host.
var ErrNoPlugins = errors.New("tools: plugin tools need gaianet_go.plugins and a plugin host")

func pluginSpec(spec config.ToolSpec, plugins PluginTools) (Tool, error) {
	if plugins == nil {
		return nil, fmt.Errorf("tool %s: %w", spec.Name, ErrNoPlugins)
	}
	p, err := plugins.PluginTool(spec.Plugin, spec.Function)
	if err != nil {
		return nil, fmt.Errorf("tool %s: plugin %s: %w", spec.Name, spec.Plugin, err)
	}
	t := FromPlugin(p)
	def := t.Definition()
	def.Name = spec.Name
	if spec.Description != "" {
		def.Description = spec.Description
	}
	if len(spec.Parameters) > 0 {
		def.Parameters = spec.Parameters
	}
	return renamed{Tool: t, def: def}, nil
}
