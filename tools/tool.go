package tools

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sync"
)

// Definition is what the model sees of a tool (OpenAI function shape).
type Definition struct {
	Name        string          `json:"name"`
	Description string          `json:"description,omitempty"`
	Parameters  json.RawMessage `json:"parameters,omitempty"` // JSON Schema
}

// Tool is a tool the node runs itself.
type Tool interface {
	Definition() Definition
	// Call runs the tool. args is the model's JSON arguments. An error is
	// shown to the model as the tool's result (never a 500).
	Call(ctx context.Context, args json.RawMessage) (json.RawMessage, error)
}

// Registry holds tools by name, in the order they were added. It is safe
// for concurrent use once built.
type Registry struct {
	mu      sync.RWMutex
	order   []string
	byName  map[string]Tool
	kinds   map[string]string
	closers []io.Closer
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry {
	return &Registry{byName: map[string]Tool{}, kinds: map[string]string{}}
}

// Add registers t under its definition's name; kind ("https", "mcp",
// "plugin") is reported by List. A name used twice is an error.
func (r *Registry) Add(kind string, t Tool) error {
	name := t.Definition().Name
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, dup := r.byName[name]; dup {
		return fmt.Errorf("tools: two tools are named %q (%s and %s); rename one (an MCP server's prefix, or the tool's name)", name, r.kinds[name], kind)
	}
	r.byName[name] = t
	r.kinds[name] = kind
	r.order = append(r.order, name)
	return nil
}

// Get returns the tool named name.
func (r *Registry) Get(name string) (Tool, bool) {
	if r == nil {
		return nil, false
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	t, ok := r.byName[name]
	return t, ok
}

// Len is the number of tools.
func (r *Registry) Len() int {
	if r == nil {
		return 0
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	return len(r.order)
}

// Entry is a registered tool with its kind.
type Entry struct {
	Kind string
	Tool Tool
}

// List returns the tools in registration order.
func (r *Registry) List() []Entry {
	if r == nil {
		return nil
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	out := make([]Entry, len(r.order))
	for i, n := range r.order {
		out[i] = Entry{Kind: r.kinds[n], Tool: r.byName[n]}
	}
	return out
}

// onClose registers what Close releases (MCP sessions).
func (r *Registry) onClose(c io.Closer) {
	r.mu.Lock()
	r.closers = append(r.closers, c)
	r.mu.Unlock()
}

// Close releases the registry's connections (MCP sessions and the
// processes of stdio servers).
func (r *Registry) Close() error {
	if r == nil {
		return nil
	}
	r.mu.Lock()
	cs := r.closers
	r.closers = nil
	r.mu.Unlock()
	var first error
	for _, c := range cs {
		if err := c.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }
