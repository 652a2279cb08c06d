package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/gaianet-go/gaianet/config"
	"github.com/gaianet-go/gaianet/node"
	"github.com/gaianet-go/gaianet/plugin"
	"github.com/gaianet-go/gaianet/tools"
)

// toolsCommand is "gaianet tools": the node tools config.json lists.
func toolsCommand() *command {
	return &command{name: "tools", summary: "list or call the node's own tools (HTTPS, MCP, plugins)",
		help: "Node tools are functions the node runs itself when its model calls them: HTTPS\n" +
			"endpoints, MCP servers' tools and plugin tools, listed in config.json under\n" +
			"gaianet_go.tools and gaianet_go.mcp_servers (see README). These commands build them\n" +
			"as the node does (MCP servers are started or connected), without starting the node.",
		children: []*command{
			{name: "list", summary: "list the node tools with their kinds and descriptions", usage: "[--base DIR] [--json]",
				help: "Lists every node tool: its name, kind (https, mcp, plugin) and description.\n" +
					"--json prints the definitions the model sees (name, description, parameters).",
				flags: func(fs *flag.FlagSet) any {
					return &toolsFlags{base: baseFlag(fs), json: fs.Bool("json", false, "print the definitions as JSON")}
				},
				run: runToolsList},
			{name: "call", summary: "run one node tool and print its result", usage: "NAME [--args JSON] [--base DIR] [--timeout D]",
				help: "Runs the node tool NAME with the JSON arguments --args (default {}) and prints\n" +
					"its JSON result on stdout, as the model would receive it. A tool error exits 1\n" +
					"with the message the model would see. Outbound requests obey\n" +
					"gaianet_go.outbound_allow and GAIANET_OUTBOUND_ALLOW.",
				flags: func(fs *flag.FlagSet) any {
					return &toolsFlags{base: baseFlag(fs), args: fs.String("args", "{}", "the tool's arguments, a JSON object"),
						timeout: fs.Duration("timeout", 2*time.Minute, "give up after this long")}
				},
				run: runToolsCall},
		}}
}

type toolsFlags struct {
	base    *string
	json    *bool
	args    *string
	timeout *time.Duration
}

// buildTools builds the node tools of the config in base (loading its
// plugins and starting its MCP servers); release frees them.
func buildTools(ctx context.Context, env *cmdEnv, base string) (reg *tools.Registry, release func(), err error) {
	cfg, err := loadConfig(base)
	if err != nil {
		return nil, nil, err
	}
	if err := cfg.Validate(); err != nil {
		return nil, nil, err
	}
	if len(cfg.Ext.Tools) == 0 && len(cfg.Ext.MCPServers) == 0 {
		return nil, nil, fmt.Errorf("no node tools: config.json lists none in %s.tools or %s.mcp_servers", config.ExtensionsKey, config.ExtensionsKey)
	}
	policy, err := outboundPolicy(cfg)
	if err != nil {
		return nil, nil, err
	}
	log := slog.New(slog.NewTextHandler(env.stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	var plugins tools.PluginTools
	closePlugins := func() {}
	if len(cfg.Ext.Plugins) > 0 {
		ms, err := plugin.ParseManifests(cfg.Ext.Plugins)
		if err != nil {
			return nil, nil, fmt.Errorf("%s.%w", config.ExtensionsKey, err)
		}
		host, err := plugin.NewHost(plugin.HostOptions{Egress: policy, Logger: log})
		if err != nil {
			return nil, nil, err
		}
		preg, err := plugin.NewRegistry(ctx, host, ms, base)
		if err != nil {
			host.Close(ctx)
			return nil, nil, err
		}
		plugins = node.PluginTools(preg)
		closePlugins = func() { preg.Close(context.Background()); host.Close(context.Background()) }
	}
	reg, err = tools.Build(ctx, &cfg.Ext, tools.Options{Policy: policy, Plugins: plugins, Logger: log})
	if err != nil {
		closePlugins()
		return nil, nil, err
	}
	return reg, func() { reg.Close(); closePlugins() }, nil
}

func runToolsList(ctx context.Context, env *cmdEnv, args []string) error {
	f := env.flags.(*toolsFlags)
	if len(args) > 0 {
		return usagef("tools list takes no arguments")
	}
	reg, closeTools, err := buildTools(ctx, env, *f.base)
	if err != nil {
		return err
	}
	defer closeTools()
	if *f.json {
		defs := []tools.Definition{}
		for _, e := range reg.List() {
			defs = append(defs, e.Tool.Definition())
		}
		enc := json.NewEncoder(env.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(defs)
	}
	tw := tabwriter.NewWriter(env.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tKIND\tDESCRIPTION")
	for _, e := range reg.List() {
		d := e.Tool.Definition()
		desc := strings.Join(strings.Fields(d.Description), " ")
		if len(desc) > 70 {
			desc = desc[:67] + "..."
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", d.Name, e.Kind, desc)
	}
	return tw.Flush()
}

func runToolsCall(ctx context.Context, env *cmdEnv, args []string) error {
	f := env.flags.(*toolsFlags)
	if len(args) != 1 {
		return usagef("tools call takes one tool name, then --args JSON")
	}
	raw := bytes.TrimSpace([]byte(*f.args))
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil || obj == nil {
		return usagef("--args must be a JSON object, e.g. --args '{\"city\":\"Paris\"}': %v", err)
	}
	ctx, cancel := context.WithTimeout(ctx, *f.timeout)
	defer cancel()
	reg, closeTools, err := buildTools(ctx, env, *f.base)
	if err != nil {
		return err
	}
	defer closeTools()
	t, ok := reg.Get(args[0])
	if !ok {
		var names []string
		for _, e := range reg.List() {
			names = append(names, e.Tool.Definition().Name)
		}
		return fmt.Errorf("no node tool %q; the node has: %s", args[0], strings.Join(names, ", "))
	}
	t0 := time.Now()
	res, err := t.Call(ctx, raw)
	if err != nil {
		return fmt.Errorf("tool %s failed after %s: %w", args[0], time.Since(t0).Round(time.Millisecond), err)
	}
	var out bytes.Buffer
	if json.Indent(&out, res, "", "  ") != nil {
		out.Reset()
		out.Write(res)
	}
	fmt.Fprintln(env.stdout, out.String())
	fmt.Fprintf(env.stderr, "%s ran in %s\n", args[0], time.Since(t0).Round(time.Millisecond))
	return nil
}
