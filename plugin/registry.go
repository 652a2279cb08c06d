package plugin

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
)

// Exports with a meaning to the node.
const (
	// DescribeFunc returns {"tools": [ToolSpec...]}: the plugin's tools.
	DescribeFunc = "gaianet_describe"
	// PromptHookFunc receives PromptData and returns it changed.
	PromptHookFunc = "prompt_hook"
	// ResponseHookFunc receives ResponseData and returns {"content": ...}.
	ResponseHookFunc = "response_hook"
)

// ToolSpec is one tool a plugin declares in gaianet_describe.
type ToolSpec struct {
	// Function is the export that runs the tool.
	Function    string          `json:"function"`
	Name        string          `json:"name"`
	Description string          `json:"description,omitempty"`
	Parameters  json.RawMessage `json:"parameters,omitempty"`
}

// Describe calls the plugin's gaianet_describe and checks what it declares.
func Describe(ctx context.Context, p *Plugin) ([]ToolSpec, error) {
	if !p.HasFunction(DescribeFunc) {
		return nil, fmt.Errorf("plugin %s: %w: %s (a tool plugin declares its tools there)", p.m.Name, ErrNoFunction, DescribeFunc)
	}
	res, err := p.Call(ctx, DescribeFunc, nil)
	if err != nil {
		return nil, err
	}
	var d struct {
		Tools []ToolSpec `json:"tools"`
	}
	if err := strictDecode(res.Output, &d); err != nil {
		return nil, fmt.Errorf("plugin %s: %s: want {\"tools\": [...]}: %w", p.m.Name, DescribeFunc, err)
	}
	seen := map[string]bool{}
	for i, t := range d.Tools {
		switch {
		case !toolNameRE.MatchString(t.Name):
			return nil, fmt.Errorf("plugin %s: tools[%d]: name %q: use 1-64 of a-z, A-Z, 0-9, '_', '-'", p.m.Name, i, t.Name)
		case seen[t.Name]:
			return nil, fmt.Errorf("plugin %s: tools[%d]: name %q declared twice", p.m.Name, i, t.Name)
		case !p.HasFunction(t.Function):
			return nil, fmt.Errorf("plugin %s: tool %s: %w: %q", p.m.Name, t.Name, ErrNoFunction, t.Function)
		}
		if len(t.Parameters) > 0 {
			var schema map[string]any
			if err := json.Unmarshal(t.Parameters, &schema); err != nil {
				return nil, fmt.Errorf("plugin %s: tool %s: parameters must be a JSON Schema object: %w", p.m.Name, t.Name, err)
			}
		}
		seen[t.Name] = true
	}
	return d.Tools, nil
}

// ToolFunc is one tool of a plugin, as the node's tool registry uses it
// (package tools adapts it: Name, Description, Parameters and Call).
type ToolFunc struct {
	p    *Plugin
	spec ToolSpec
}

// Name is the tool's name as the model sees it.
func (t *ToolFunc) Name() string { return t.spec.Name }

// Description is what the tool does, for the model.
func (t *ToolFunc) Description() string { return t.spec.Description }

// Parameters is the JSON Schema of the tool's arguments.
func (t *ToolFunc) Parameters() json.RawMessage { return t.spec.Parameters }

// Call runs the tool with the model's JSON arguments; the result must be
// JSON.
func (t *ToolFunc) Call(ctx context.Context, args json.RawMessage) (json.RawMessage, error) {
	if len(args) == 0 {
		args = json.RawMessage(`{}`)
	}
	res, err := t.p.Call(ctx, t.spec.Function, args)
	if err != nil {
		return nil, err
	}
	out := bytes.TrimSpace(res.Output)
	if !json.Valid(out) {
		return nil, fmt.Errorf("plugin %s: tool %s returned %d bytes that are not JSON", t.p.m.Name, t.spec.Name, len(out))
	}
	return out, nil
}

// Registry holds the node's configured plugins. Its hooks (the embedded
// Hooks) are every plugin enabled as a hook; HooksOf chooses some.
type Registry struct {
	Hooks
	host    *Host
	plugins map[string]*Plugin
	order   []string
	hashes  []string // hex SHA-256 of each module, sorted

	mu    sync.Mutex
	specs map[string][]ToolSpec
}

// NewRegistry loads every manifest (paths relative to baseDir). A plugin
// that cannot be read, does not match its sha256, does not compile or
// lacks the export a hook names is an error naming it.
func NewRegistry(ctx context.Context, h *Host, ms []Manifest, baseDir string) (*Registry, error) {
	r := &Registry{host: h, plugins: map[string]*Plugin{}, specs: map[string][]ToolSpec{}}
	for _, m := range ms {
		wasm, err := moduleBytes(m, baseDir)
		if err != nil {
			r.Close(ctx)
			return nil, err
		}
		p, err := h.Load(ctx, m, wasm)
		if err != nil {
			r.Close(ctx)
			return nil, err
		}
		r.plugins[m.Name] = p
		r.order = append(r.order, m.Name)
		sum := sha256.Sum256(wasm)
		if h := hex.EncodeToString(sum[:]); !slices.Contains(r.hashes, h) {
			r.hashes = append(r.hashes, h)
		}
		for _, hook := range p.m.Hooks {
			fn, list := PromptHookFunc, &r.prompt
			if hook == HookResponse {
				fn, list = ResponseHookFunc, &r.respond
			}
			if !p.HasFunction(fn) {
				r.Close(ctx)
				return nil, fmt.Errorf("plugin %s: enabled as a %s hook but does not export %s", m.Name, hook, fn)
			}
			*list = append(*list, p)
		}
	}
	slices.Sort(r.hashes)
	return r, nil
}

// SHA256s lists the hex SHA-256 of the loaded modules, sorted: what the
// node states in its signed information (a domain shares royalties with
// the owners of the plugins by them).
func (r *Registry) SHA256s() []string { return slices.Clone(r.hashes) }

func moduleBytes(m Manifest, baseDir string) ([]byte, error) {
	if m.Builtin != "" {
		return builtinModule(m.Builtin)
	}
	path := m.Path
	if !filepath.IsAbs(path) {
		path = filepath.Join(baseDir, path)
	}
	wasm, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("plugin %s: %w", m.Name, err)
	}
	if m.SHA256 != "" {
		sum := sha256.Sum256(wasm)
		if got := hex.EncodeToString(sum[:]); got != m.SHA256 {
			return nil, fmt.Errorf("plugin %s: %s has sha256 %s, the manifest says %s", m.Name, path, got, m.SHA256)
		}
	}
	return wasm, nil
}

// Names lists the plugins in config order.
func (r *Registry) Names() []string { return slices.Clone(r.order) }

// Plugin returns the named plugin.
func (r *Registry) Plugin(name string) (*Plugin, bool) {
	p, ok := r.plugins[name]
	return p, ok
}

// PluginTool returns the tool of plugin whose export is function; with
// function empty, the plugin's only tool.
func (r *Registry) PluginTool(plugin, function string) (*ToolFunc, error) {
	p, ok := r.plugins[plugin]
	if !ok {
		return nil, fmt.Errorf("plugin %q is not in gaianet_go.plugins (have: %v)", plugin, r.order)
	}
	r.mu.Lock()
	specs, ok := r.specs[plugin]
	r.mu.Unlock()
	if !ok {
		var err error
		specs, err = Describe(context.Background(), p)
		if err != nil {
			return nil, err
		}
		r.mu.Lock()
		r.specs[plugin] = specs
		r.mu.Unlock()
	}
	for _, s := range specs {
		if s.Function == function || function == "" && len(specs) == 1 {
			return &ToolFunc{p: p, spec: s}, nil
		}
	}
	if function == "" {
		return nil, fmt.Errorf("plugin %s declares %d tools: name one with \"function\"", plugin, len(specs))
	}
	return nil, fmt.Errorf("plugin %s declares no tool with function %q", plugin, function)
}

// Chunk is a retrieved piece of the knowledge base, as hooks see it.
type Chunk struct {
	Text       string  `json:"text"`
	Source     string  `json:"source,omitempty"`
	Score      float64 `json:"score"`
	Collection string  `json:"collection,omitempty"`
}

// PromptData is what a prompt hook receives and returns: the request's
// messages (OpenAI shape: role, content, name, tool_calls, tool_call_id)
// and the chunks retrieved for it, before they are placed in the prompt.
type PromptData struct {
	Messages json.RawMessage `json:"messages"`
	Chunks   []Chunk         `json:"chunks"`
}

// ResponseData is what a response hook receives: the conversation and the
// answer's content. It returns {"content": "..."}.
type ResponseData struct {
	Messages json.RawMessage `json:"messages"`
	Content  string          `json:"content"`
}

// Hooks is a chain of prompt and response hooks, in config order. The zero
// value runs none; it is safe for concurrent use.
type Hooks struct {
	prompt  []*Plugin
	respond []*Plugin
}

// HooksOf returns the hooks of the named plugins only, in config order (a
// prompt set's choice). A name that is not a plugin enabled as a hook is
// an error naming it.
func (r *Registry) HooksOf(names []string) (Hooks, error) {
	want := map[string]bool{}
	for _, n := range names {
		p, ok := r.plugins[n]
		if !ok || len(p.m.Hooks) == 0 {
			var hooks []string
			for _, name := range r.order {
				if len(r.plugins[name].m.Hooks) > 0 {
					hooks = append(hooks, name)
				}
			}
			return Hooks{}, fmt.Errorf("%q is not a plugin enabled as a hook (hooks: %v)", n, hooks)
		}
		want[n] = true
	}
	var h Hooks
	for _, p := range r.prompt {
		if want[p.m.Name] {
			h.prompt = append(h.prompt, p)
		}
	}
	for _, p := range r.respond {
		if want[p.m.Name] {
			h.respond = append(h.respond, p)
		}
	}
	return h, nil
}

// HasPromptHooks reports whether any plugin is a prompt hook.
func (h *Hooks) HasPromptHooks() bool { return h != nil && len(h.prompt) > 0 }

// HasResponseHooks reports whether any plugin is a response hook.
func (h *Hooks) HasResponseHooks() bool { return h != nil && len(h.respond) > 0 }

// PromptHooks runs the prompt hooks in config order, each on the previous
// one's result.
func (h *Hooks) PromptHooks(ctx context.Context, d PromptData) (PromptData, error) {
	for _, p := range h.prompt {
		in, err := json.Marshal(d)
		if err != nil {
			return d, err
		}
		res, err := p.Call(ctx, PromptHookFunc, in)
		if err != nil {
			return d, err
		}
		var out PromptData
		if err := strictDecode(res.Output, &out); err != nil {
			return d, fmt.Errorf("plugin %s: prompt_hook returned something other than {\"messages\", \"chunks\"}: %w", p.m.Name, err)
		}
		if len(out.Messages) == 0 || out.Messages[0] != '[' {
			return d, fmt.Errorf("plugin %s: prompt_hook returned no messages array", p.m.Name)
		}
		d = out
	}
	return d, nil
}

// ResponseHooks runs the response hooks in config order and returns the
// final content.
func (h *Hooks) ResponseHooks(ctx context.Context, d ResponseData) (string, error) {
	for _, p := range h.respond {
		in, err := json.Marshal(d)
		if err != nil {
			return "", err
		}
		res, err := p.Call(ctx, ResponseHookFunc, in)
		if err != nil {
			return "", err
		}
		var out struct {
			Content *string `json:"content"`
		}
		if err := strictDecode(res.Output, &out); err != nil || out.Content == nil {
			return "", fmt.Errorf("plugin %s: response_hook must return {\"content\": \"...\"}: %v", p.m.Name, errors.Join(err))
		}
		d.Content = *out.Content
	}
	return d.Content, nil
}

// Close closes every plugin.
func (r *Registry) Close(ctx context.Context) error {
	var errs []error
	for _, name := range r.order {
		errs = append(errs, r.plugins[name].Close(ctx))
	}
	return errors.Join(errs...)
}
