package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
)

// version is set at build time with -ldflags "-X main.version=..."; see
// versionString for what is reported without it.
var version = "0.1.0-dev"

// versionString describes this build: the version (the module version when
// installed with 'go install ...@version' and no -X flag set one), the
// commit it was built from with whether the tree had changes, the Go
// version and the platform.
func versionString() string {
	v := version
	var details []string
	if bi, ok := debug.ReadBuildInfo(); ok {
		if mv := bi.Main.Version; v == "0.1.0-dev" && mv != "" && mv != "(devel)" {
			v = mv
		}
		var rev, modified string
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value
			}
		}
		if rev != "" {
			c := "commit " + rev[:min(12, len(rev))]
			if modified == "true" {
				c += " with local changes"
			}
			details = append(details, c)
		}
	}
	details = append(details, runtime.Version()+" "+runtime.GOOS+"/"+runtime.GOARCH)
	return v + " (" + strings.Join(details, ", ") + ")"
}

// command is one subcommand. Commands with children dispatch to them.
type command struct {
	name     string
	summary  string // one line for "gaianet help"
	usage    string // argument synopsis, e.g. "[flags] FILE"
	help     string // paragraphs shown by --help
	flags    func(fs *flag.FlagSet) any
	run      func(ctx context.Context, env *cmdEnv, args []string) error
	children []*command
}

// cmdEnv is what a command may touch: its output streams and parsed flags.
type cmdEnv struct {
	stdout, stderr io.Writer
	flags          any
	set            map[string]bool // flags given on the command line
}

// usageError is returned for wrong arguments; the CLI prints usage and exits 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// commands lists every subcommand of gaianet.
func commands() []*command {
	return []*command{
		versionCommand(),
		initCommand(),
		startCommand(),
		stopCommand(),
		infoCommand(),
		configCommand(),
		kbCommand(),
		toolsCommand(),
		generateCommand(),
		benchCommand(),
		finetuneCommand(),
		modelCommand(),
		devCommand(),
		joinCommand(),
		domainCommand(),
		pluginCommand(),
		chainCommand(),
		walletCommand(),
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	root := &command{name: "gaianet", children: commands(),
		help: "gaianet runs a GaiaNet node: an AI agent (a GGUF language model, a knowledge base\n" +
			"and prompts) served as an OpenAI-compatible web API, from one pure-Go binary.\n" +
			"'gaianet --version' prints the version."}
	root.children = append(root.children, &command{name: "help", summary: "show help for a command", usage: "[COMMAND...]",
		run: func(ctx context.Context, env *cmdEnv, args []string) error {
			c, path := find(root, args)
			printHelp(env.stdout, c, path)
			return nil
		}})
	if len(args) == 1 && (args[0] == "--version" || args[0] == "-version") {
		fmt.Fprintf(stdout, "gaianet %s\n", versionString())
		return 0
	}
	err := dispatch(ctx, root, []string{"gaianet"}, args, stdout, stderr)
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "gaianet: %s\nRun 'gaianet help' for usage.\n", ue.msg)
		return 2
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "gaianet: interrupted")
		return 130
	default:
		fmt.Fprintf(stderr, "gaianet: %v\n", err)
		return 1
	}
}

func find(c *command, args []string) (*command, []string) {
	path := []string{"gaianet"}
	for _, a := range args {
		next := child(c, a)
		if next == nil {
			break
		}
		c = next
		path = append(path, a)
	}
	return c, path
}

func child(c *command, name string) *command {
	for _, ch := range c.children {
		if ch.name == name {
			return ch
		}
	}
	return nil
}

func dispatch(ctx context.Context, c *command, path, args []string, stdout, stderr io.Writer) error {
	if len(c.children) > 0 {
		if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
			printHelp(stdout, c, path)
			if len(args) == 0 && c.run == nil && len(path) > 1 {
				return usagef("%s needs a subcommand", strings.Join(path, " "))
			}
			return nil
		}
		if next := child(c, args[0]); next != nil {
			return dispatch(ctx, next, append(path, args[0]), args[1:], stdout, stderr)
		}
		if c.run == nil {
			return usagef("unknown command %q for %s", args[0], strings.Join(path, " "))
		}
	}
	fs := flag.NewFlagSet(strings.Join(path, " "), flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	env := &cmdEnv{stdout: stdout, stderr: stderr}
	if c.flags != nil {
		env.flags = c.flags(fs)
	}
	if err := fs.Parse(interleave(fs, args)); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printHelp(stdout, c, path)
			return flag.ErrHelp
		}
		return usageError{err.Error()}
	}
	env.set = map[string]bool{}
	fs.Visit(func(f *flag.Flag) { env.set[f.Name] = true })
	return c.run(ctx, env, fs.Args())
}

// interleave moves flags that follow positional arguments to the front, so
// "gaianet model info FILE --json" works as users expect.
func interleave(fs *flag.FlagSet, args []string) []string {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if len(a) > 1 && a[0] == '-' {
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if strings.Contains(name, "=") {
				continue
			}
			if f := fs.Lookup(name); f != nil {
				if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && bf.IsBoolFlag() {
					continue
				}
				if i+1 < len(args) {
					flags = append(flags, args[i+1])
					i++
				}
			}
			continue
		}
		pos = append(pos, a)
	}
	return append(flags, pos...)
}

func printHelp(w io.Writer, c *command, path []string) {
	name := strings.Join(path, " ")
	if len(c.children) > 0 {
		fmt.Fprintf(w, "Usage: %s <command> [flags]\n\n", name)
	} else {
		fmt.Fprintf(w, "Usage: %s %s\n\n", name, c.usage)
	}
	if c.help != "" {
		fmt.Fprintf(w, "%s\n\n", c.help)
	} else if c.summary != "" {
		fmt.Fprintf(w, "%s.\n\n", strings.ToUpper(c.summary[:1])+c.summary[1:])
	}
	if len(c.children) > 0 {
		fmt.Fprintln(w, "Commands:")
		kids := append([]*command(nil), c.children...)
		sort.Slice(kids, func(i, j int) bool { return kids[i].name < kids[j].name })
		for _, k := range kids {
			fmt.Fprintf(w, "  %-12s %s\n", k.name, k.summary)
		}
		fmt.Fprintf(w, "\nRun '%s <command> --help' for a command's flags.\n", name)
		return
	}
	if c.flags != nil {
		fs := flag.NewFlagSet(name, flag.ContinueOnError)
		c.flags(fs)
		has := false
		fs.VisitAll(func(*flag.Flag) { has = true })
		if has {
			fmt.Fprintln(w, "Flags:")
			fs.SetOutput(w)
			fs.PrintDefaults()
		}
	}
}

func versionCommand() *command {
	return &command{name: "version", summary: "print the version", usage: "",
		run: func(ctx context.Context, env *cmdEnv, args []string) error {
			fmt.Fprintf(env.stdout, "gaianet %s\n", versionString())
			return nil
		}}
}

func runtimeCPUs() int { return runtime.GOMAXPROCS(0) }
