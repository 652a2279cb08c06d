package tools

import (
	"context"
	"encoding/json"
)

// PluginTool is what package plugin gives for one of a plugin's tool
// functions (declared here so that plugin need not import tools).
type PluginTool interface {
	Name() string
	Description() string
	Parameters() json.RawMessage
	Call(ctx context.Context, args json.RawMessage) (json.RawMessage, error)
}

// PluginTools finds a plugin's tool function: plugin names an entry of
// gaianet_go.plugins, function one of its tools ("" for its only one).
type PluginTools interface {
	PluginTool(plugin, function string) (PluginTool, error)
}

// PluginToolsFunc adapts a function to PluginTools (e.g. a method whose
// result is a concrete type with PluginTool's methods).
type PluginToolsFunc func(plugin, function string) (PluginTool, error)

// PluginTool calls f.
func (f PluginToolsFunc) PluginTool(plugin, function string) (PluginTool, error) {
	return f(plugin, function)
}

// FromPlugin makes a plugin's tool a node tool.
func FromPlugin(p PluginTool) Tool { return pluginTool{p} }

// pluginTool adapts a PluginTool.
type pluginTool struct{ p PluginTool }

func (t pluginTool) Definition() Definition {
	return Definition{Name: t.p.Name(), Description: t.p.Description(), Parameters: objectSchema(t.p.Parameters())}
}

func (t pluginTool) Call(ctx context.Context, args json.RawMessage) (json.RawMessage, error) {
	return t.p.Call(ctx, args)
}

// renamed gives a tool another name, description or parameters (a
// config entry naming an MCP or plugin tool).
type renamed struct {
	Tool
	def Definition
}

func (r renamed) Definition() Definition { return r.def }
