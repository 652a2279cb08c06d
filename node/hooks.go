package node

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/gaianet-go/gaianet/api"
	"github.com/gaianet-go/gaianet/chattemplate"
	"github.com/gaianet-go/gaianet/egress"
	"github.com/gaianet-go/gaianet/plugin"
	"github.com/gaianet-go/gaianet/rag"
)

// pluginCacheDir holds compiled plugin code in the base folder, so a
// restart does not compile again.
const pluginCacheDir = "plugin-cache"

// openPlugins loads gaianet_go.plugins: each module compiled once, with the
// capabilities its manifest grants. Plugin HTTP goes through the guarded
// dialer: Options.Outbound, or one built from outbound_allow.
func (n *Node) openPlugins(ctx context.Context) error {
	if len(n.cfg.Ext.Plugins) == 0 {
		return nil
	}
	ms, err := plugin.ParseManifests(n.cfg.Ext.Plugins)
	if err != nil {
		return fmt.Errorf("node: %s.%w", "gaianet_go", err)
	}
	pol := n.opt.Outbound
	if pol == nil {
		if pol, err = egress.NewPolicy(n.cfg.Ext.OutboundAllow...); err != nil {
			return fmt.Errorf("node: outbound_allow: %w", err)
		}
	}
	o := plugin.HostOptions{Egress: pol, Logger: n.log}
	if n.opt.Base != "" {
		o.CacheDir = filepath.Join(n.opt.Base, pluginCacheDir)
		if err := os.MkdirAll(o.CacheDir, 0o700); err != nil {
			return fmt.Errorf("node: plugin cache: %w", err)
		}
	}
	host, err := plugin.NewHost(o)
	if err != nil {
		return fmt.Errorf("node: %w", err)
	}
	reg, err := plugin.NewRegistry(ctx, host, ms, n.opt.Base)
	if err != nil {
		host.Close(ctx)
		return fmt.Errorf("node: %w", err)
	}
	n.pluginHost, n.plugins = host, reg
	n.log.Info("plugins loaded", "plugins", strings.Join(reg.Names(), ", "))
	return nil
}

// closePlugins closes the plugins and the compilation cache.
func (n *Node) closePlugins() error {
	if n.plugins == nil {
		return nil
	}
	ctx := context.Background()
	err := n.plugins.Close(ctx)
	if cerr := n.pluginHost.Close(ctx); err == nil {
		err = cerr
	}
	return err
}

// Plugins returns the node's plugins (nil without gaianet_go.plugins), for
// plugin tools.
func (n *Node) Plugins() *plugin.Registry { return n.plugins }

// promptHooks runs the prompt hooks of the request's prompt set (hooks) on
// the conversation and the retrieved chunks before the chunks are placed
// in the prompt.
func promptHooks(ctx context.Context, hooks *plugin.Hooks, msgs []chattemplate.Message, chunks []rag.Chunk) ([]chattemplate.Message, []rag.Chunk, error) {
	if !hooks.HasPromptHooks() {
		return msgs, chunks, nil
	}
	raw, err := json.Marshal(msgs)
	if err != nil {
		return nil, nil, err
	}
	d := plugin.PromptData{Messages: raw, Chunks: make([]plugin.Chunk, len(chunks))}
	for i, c := range chunks {
		d.Chunks[i] = plugin.Chunk{Text: c.Text, Source: c.Source, Score: c.Score, Collection: c.Collection}
	}
	d, err = hooks.PromptHooks(ctx, d)
	if err != nil {
		return nil, nil, hookError("prompt", err)
	}
	var out []chattemplate.Message
	if err := json.Unmarshal(d.Messages, &out); err != nil {
		return nil, nil, hookError("prompt", fmt.Errorf("messages: %w", err))
	}
	for i, m := range out {
		if m.Role == "" {
			return nil, nil, hookError("prompt", fmt.Errorf("messages[%d] has no role", i))
		}
	}
	chunks = make([]rag.Chunk, len(d.Chunks))
	for i, c := range d.Chunks {
		chunks[i] = rag.Chunk{Text: c.Text, Source: c.Source, Score: c.Score, Collection: c.Collection}
	}
	return out, chunks, nil
}

// responseHooks lets the response hooks of the request's prompt set
// (hooks) rewrite the answer: the content
// deltas are held back (the other parts of a delta pass at once) and the
// hooks' result is sent as one delta when the reply ends. It returns the
// emit to generate with and finish, to run on the reply's result.
func responseHooks(ctx context.Context, hooks *plugin.Hooks, req *api.ChatRequest, emit func(api.ChatDelta) error) (func(api.ChatDelta) error, func(*api.ChatResult, error) (*api.ChatResult, error)) {
	if !hooks.HasResponseHooks() {
		return emit, func(r *api.ChatResult, err error) (*api.ChatResult, error) { return r, err }
	}
	var content strings.Builder
	held := func(d api.ChatDelta) error {
		content.WriteString(d.Content)
		d.Content = ""
		if d.ReasoningContent == "" && len(d.ToolCalls) == 0 && len(d.Logprobs) == 0 && d.ToolRun == nil {
			return nil
		}
		return emit(d)
	}
	finish := func(r *api.ChatResult, err error) (*api.ChatResult, error) {
		if err != nil || content.Len() == 0 {
			return r, err
		}
		msgs, err := json.Marshal(req.Messages)
		if err != nil {
			return nil, err
		}
		out, err := hooks.ResponseHooks(ctx, plugin.ResponseData{Messages: msgs, Content: content.String()})
		if err != nil {
			return nil, hookError("response", err)
		}
		if err := emit(api.ChatDelta{Content: out}); err != nil {
			return nil, err
		}
		return r, nil
	}
	return held, finish
}

// hookError is a plugin hook's failure as the client sees it.
func hookError(kind string, err error) error {
	return api.Errorf(500, "server_error", "plugin_error", "%s hook: %v", kind, err)
}
