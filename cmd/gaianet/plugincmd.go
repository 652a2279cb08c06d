package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/gaianet-go/gaianet/plugin"
)

func pluginCommand() *command {
	return &command{name: "plugin", summary: "check or run a WebAssembly plugin under chosen grants",
		children: []*command{pluginCheckCommand(), pluginRunCommand()}}
}

func pluginCheckCommand() *command {
	return &command{name: "check", summary: "show a plugin's exports, ABI and declared tools", usage: "FILE.wasm",
		help: "Compiles FILE.wasm and reports what the node would see: its ABI (Extism\n" +
			"host imports, WASI), exported functions, the tools it declares in\n" +
			"gaianet_describe with their parameter schemas, and the hooks it exports.\n" +
			"Exits 1, naming the reason, when it does not compile, imports something\n" +
			"the host does not provide, or declares its tools wrongly.",
		run: func(ctx context.Context, env *cmdEnv, args []string) error {
			if len(args) != 1 {
				return usagef("plugin check needs one FILE.wasm")
			}
			return runPluginCheck(ctx, env, args[0])
		}}
}

type pluginRunFlags struct {
	fn          *string
	input       *string
	timeout     *time.Duration
	memoryPages *uint
	hosts       *listFlag
	paths       *listFlag
}

// listFlag is a repeatable string flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

func pluginRunCommand() *command {
	return &command{name: "run", summary: "call one plugin function under exactly the grants given",
		usage: "FILE.wasm [--func NAME] [--input JSON] [--timeout D] [--memory-pages N] [--allow-host H]... [--allow-path P]...",
		help: "Calls one function of FILE.wasm with --input, under exactly the grants given\n" +
			"(none by default: no files, no network, a fixed clock and random stream).\n" +
			"The output goes to stdout; time and memory used go to stderr. On a trap,\n" +
			"timeout or limit it exits 1 and says which.\n\n" +
			"--func _start runs a plain wasip1 command module, with --input on stdin\n" +
			"(the default for a module that exports only _start).\n" +
			"--allow-path DIR grants DIR read-only at the same path; DIR:rw grants it\n" +
			"writable. --allow-host takes a host name or *.domain; HTTP then goes through\n" +
			"the guarded dialer (private addresses need GAIANET_OUTBOUND_ALLOW).",
		flags: func(fs *flag.FlagSet) any {
			f := &pluginRunFlags{
				fn:          fs.String("func", "", "the function to call (default: _start for a wasip1 command)"),
				input:       fs.String("input", "", "the call's input, e.g. '{\"text\":\"hi\"}'; - reads stdin"),
				timeout:     fs.Duration("timeout", plugin.DefaultTimeout, "wall-clock limit of the call"),
				memoryPages: fs.Uint("memory-pages", plugin.DefaultMemoryPages, "memory limit in 64 KiB pages"),
				hosts:       &listFlag{},
				paths:       &listFlag{},
			}
			fs.Var(f.hosts, "allow-host", "grant HTTP to this host (repeatable)")
			fs.Var(f.paths, "allow-path", "grant this directory, read-only; DIR:rw for writes (repeatable)")
			return f
		},
		run: func(ctx context.Context, env *cmdEnv, args []string) error {
			if len(args) != 1 {
				return usagef("plugin run needs one FILE.wasm")
			}
			return runPluginRun(ctx, env, args[0], env.flags.(*pluginRunFlags))
		}}
}

// loadPlugin compiles file under m.
func loadPlugin(ctx context.Context, file string, m plugin.Manifest) (*plugin.Host, *plugin.Plugin, error) {
	wasm, err := os.ReadFile(file)
	if err != nil {
		return nil, nil, err
	}
	pol, err := outboundPolicy(nil)
	if err != nil {
		return nil, nil, err
	}
	o := plugin.HostOptions{Egress: pol}
	// Compiled code is cached (per user), so a second run of the same
	// module starts at once.
	if d, err := os.UserCacheDir(); err == nil {
		o.CacheDir = filepath.Join(d, "gaianet", "plugin-cache")
		if os.MkdirAll(o.CacheDir, 0o700) != nil {
			o.CacheDir = ""
		}
	}
	h, err := plugin.NewHost(o)
	if err != nil {
		return nil, nil, err
	}
	if m.Name == "" {
		m.Name = pluginName(file)
	}
	m.Path = file
	p, err := h.Load(ctx, m, wasm)
	if err != nil {
		h.Close(ctx)
		return nil, nil, err
	}
	return h, p, nil
}

// pluginName derives a manifest name from a file name.
func pluginName(file string) string {
	base := strings.ToLower(strings.TrimSuffix(filepath.Base(file), filepath.Ext(file)))
	var b strings.Builder
	for _, r := range base {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			b.WriteRune(r)
		} else {
			b.WriteByte('-')
		}
	}
	s := strings.TrimLeft(b.String(), "-_")
	if s == "" {
		s = "plugin"
	}
	return s[:min(len(s), 64)]
}

func runPluginCheck(ctx context.Context, env *cmdEnv, file string) error {
	h, p, err := loadPlugin(ctx, file, plugin.Manifest{})
	if err != nil {
		return err
	}
	defer h.Close(ctx)
	defer p.Close(ctx)
	w := env.stdout
	fmt.Fprintf(w, "file:    %s\n", file)
	abi := "WASI preview 1 reactor"
	switch {
	case p.Command():
		abi = "WASI preview 1 command (_start: run with --func _start)"
	case p.ImportsExtism():
		abi = "Extism plugin ABI (extism:host/env)"
	}
	fmt.Fprintf(w, "abi:     %s\n", abi)
	var fns []string
	for _, e := range p.Exports() {
		if (p.HasFunction(e) || e == "_start") && e != "_initialize" {
			fns = append(fns, e)
		}
	}
	fmt.Fprintf(w, "exports: %s\n", strings.Join(fns, ", "))
	var hooks []string
	for _, fn := range []string{plugin.PromptHookFunc, plugin.ResponseHookFunc} {
		if p.HasFunction(fn) {
			hooks = append(hooks, fn)
		}
	}
	if len(hooks) > 0 {
		fmt.Fprintf(w, "hooks:   %s\n", strings.Join(hooks, ", "))
	}
	if !p.HasFunction(plugin.DescribeFunc) {
		fmt.Fprintf(w, "tools:   none (no %s export)\n", plugin.DescribeFunc)
		return nil
	}
	specs, err := plugin.Describe(ctx, p)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "tools:   %d\n", len(specs))
	for _, s := range specs {
		fmt.Fprintf(w, "  %s (function %s): %s\n", s.Name, s.Function, s.Description)
		if len(s.Parameters) > 0 {
			var b strings.Builder
			var v any
			json.Unmarshal(s.Parameters, &v)
			enc := json.NewEncoder(&b)
			enc.SetIndent("    ", "  ")
			enc.Encode(v)
			fmt.Fprintf(w, "    parameters: %s", b.String())
		}
	}
	return nil
}

func runPluginRun(ctx context.Context, env *cmdEnv, file string, f *pluginRunFlags) error {
	m := plugin.Manifest{Timeout: plugin.Duration(*f.timeout), MemoryPages: uint32(*f.memoryPages), AllowedHosts: *f.hosts,
		Instances: 1}
	if *f.memoryPages == 0 || *f.memoryPages > plugin.MaxMemoryPages {
		return usagef("--memory-pages must be in [1, %d]", plugin.MaxMemoryPages)
	}
	for _, p := range *f.paths {
		dir, rw := strings.CutSuffix(p, ":rw")
		abs, err := filepath.Abs(dir)
		if err != nil {
			return err
		}
		if st, err := os.Stat(abs); err != nil || !st.IsDir() {
			return usagef("--allow-path %s: not a directory", dir)
		}
		m.AllowedPaths = append(m.AllowedPaths, plugin.Mount{Host: abs, Write: rw})
	}
	input := []byte(*f.input)
	if *f.input == "-" {
		var err error
		if input, err = io.ReadAll(os.Stdin); err != nil {
			return err
		}
	}
	h, p, err := loadPlugin(ctx, file, m)
	if err != nil {
		return err
	}
	defer h.Close(ctx)
	defer p.Close(ctx)
	fn := *f.fn
	if fn == "" {
		if !p.Command() {
			return usagef("name the function to call with --func (exports: %s)", strings.Join(p.Exports(), ", "))
		}
		fn = "_start"
	}
	var res *plugin.Result
	if fn == "_start" {
		res, err = p.Run(ctx, input)
	} else {
		res, err = p.Call(ctx, fn, input)
	}
	if res != nil {
		if len(res.Stderr) > 0 {
			env.stderr.Write(res.Stderr)
			if res.Stderr[len(res.Stderr)-1] != '\n' {
				fmt.Fprintln(env.stderr)
			}
		}
		if fn != "_start" && len(res.Stdout) > 0 {
			env.stderr.Write(res.Stdout) // a library's prints are diagnostics
		}
		st := res.Stats
		fmt.Fprintf(env.stderr, "plugin: %s: %v, memory %s (%d of %d pages), host memory %d B, %d HTTP requests\n",
			fn, st.Duration.Round(time.Microsecond), sizeString(st.MemoryBytes), st.MemoryBytes/plugin.PageSize,
			m.MemoryPages, st.HostBytes, st.HTTPRequests)
	}
	if err != nil {
		return fmt.Errorf("%w%s", err, reasonHint(err))
	}
	env.stdout.Write(res.Output)
	if len(res.Output) > 0 && res.Output[len(res.Output)-1] != '\n' && fn != "_start" {
		fmt.Fprintln(env.stdout)
	}
	return nil
}

// reasonHint tells which grant to raise for a limit.
func reasonHint(err error) string {
	switch {
	case errors.Is(err, plugin.ErrTimeout):
		return " (raise --timeout to allow longer)"
	case errors.Is(err, plugin.ErrMemoryLimit):
		return " (raise --memory-pages to allow more)"
	case errors.Is(err, plugin.ErrDenied):
		return " (grant it with --allow-host or --allow-path)"
	}
	return ""
}

func sizeString(n uint64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
