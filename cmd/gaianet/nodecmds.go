package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/gaianet-go/gaianet/chattemplate"
	"github.com/gaianet-go/gaianet/config"
	"github.com/gaianet-go/gaianet/download"
	"github.com/gaianet-go/gaianet/identity"
	"github.com/gaianet-go/gaianet/kb"
	"github.com/gaianet-go/gaianet/node"
)

const (
	configFile = "config.json"
	pidFile    = "gaianet.pid"
	logDir     = "log"
	logFile    = "gaianet.log"
)

// defaultBase is $GAIANET_BASE, or ~/gaianet as GaiaNet installs it.
func defaultBase() string { return defaultDir("GAIANET_BASE", "gaianet") }

// defaultDir is the folder named by the environment variable env, or else
// name in the user's home folder (in the working folder without one).
func defaultDir(env, name string) string {
	if b := os.Getenv(env); b != "" {
		return b
	}
	if home, err := os.UserHomeDir(); err == nil {
		return filepath.Join(home, name)
	}
	return name
}

func baseFlag(fs *flag.FlagSet) *string {
	return fs.String("base", defaultBase(), "the node's directory (config.json, models, keystore, knowledge base)")
}

// saveChecked writes cfg to path if it is valid with its defaults applied,
// and otherwise says why it was not saved (the file is left as it was).
func saveChecked(cfg *config.Config, path string) error {
	check := cfg.Clone()
	check.ApplyDefaults()
	if err := check.Validate(); err != nil {
		return fmt.Errorf("not saved: %w", err)
	}
	return cfg.Save(path)
}

func loadConfig(base string) (*config.Config, error) {
	p := filepath.Join(base, configFile)
	cfg, err := config.Load(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s does not exist: run 'gaianet init --base %s' first", p, base)
	}
	if err != nil {
		return nil, err
	}
	cfg.ApplyDefaults()
	return cfg, nil
}

type startFlags struct {
	base         *string
	foreground   *bool
	listen       *string
	port         *int
	threads      *int
	logJSON      *bool
	passwordFile *string
}

func startCommand() *command {
	return &command{name: "start", summary: "start the node", usage: "[--base DIR] [--port N] [--foreground]",
		help: "Starts the node described by DIR/config.json: loads the chat and embedding models,\n" +
			"opens the knowledge base and serves the OpenAI-compatible API and the web chat\n" +
			"page on llamaedge_port (or --port). By default the node runs in the background,\n" +
			"logs to DIR/log/gaianet.log and writes its pid to DIR/gaianet.pid; 'gaianet start'\n" +
			"returns once that node answers (and fails, with the node's error, if it cannot\n" +
			"start, e.g. when the port is taken); 'gaianet stop' stops it.\n" +
			"With --foreground it runs attached and logs to the terminal; Ctrl-C stops it\n" +
			"gracefully (in-flight streams finish, up to 30 s).\n\n" +
			"The keystore password is read from nodeid.json (GaiaNet's layout) unless given\n" +
			"outside the base folder: --keystore-password-file FILE, or the environment\n" +
			"variables GAIANET_KEYSTORE_PASSWORD_FILE or GAIANET_KEYSTORE_PASSWORD.",
		flags: func(fs *flag.FlagSet) any {
			return &startFlags{
				base:         baseFlag(fs),
				foreground:   fs.Bool("foreground", false, "run attached to the terminal instead of in the background"),
				listen:       fs.String("listen", "", "address to listen on, HOST:PORT (default: all interfaces, port llamaedge_port)"),
				port:         fs.Int("port", 0, "port to listen on for this run, instead of config.json's llamaedge_port"),
				threads:      fs.Int("threads", 0, "threads per model (default: all CPUs)"),
				logJSON:      fs.Bool("log-json", false, "write logs as JSON lines"),
				passwordFile: fs.String("keystore-password-file", "", "read the keystore password from FILE (keep it outside the base folder)"),
			}
		},
		run: func(ctx context.Context, env *cmdEnv, args []string) error {
			f := env.flags.(*startFlags)
			if len(args) > 0 {
				return usagef("start takes no arguments")
			}
			if env.set["port"] && (*f.port < 1 || *f.port > 65535) {
				return usagef("--port %d: want a port from 1 to 65535", *f.port)
			}
			if env.set["port"] && *f.listen != "" {
				return usagef("give --listen HOST:PORT or --port N, not both")
			}
			if *f.foreground {
				return runForeground(ctx, env, f)
			}
			return runDetached(ctx, env, f)
		}}
}

// startConfig loads and validates the config of a start, with --port
// applied.
func startConfig(f *startFlags) (*config.Config, error) {
	cfg, err := loadConfig(*f.base)
	if err != nil {
		return nil, err
	}
	if *f.port != 0 {
		cfg.LlamaEdgePort = *f.port
	}
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(*f.base, configFile), err)
	}
	return cfg, nil
}

// listenAddr is where the node listens.
func listenAddr(f *startFlags, cfg *config.Config) string {
	if *f.listen != "" {
		return *f.listen
	}
	return fmt.Sprintf(":%d", cfg.LlamaEdgePort)
}

func runForeground(ctx context.Context, env *cmdEnv, f *startFlags) error {
	start := time.Now()
	base := *f.base
	cfg, err := startConfig(f)
	if err != nil {
		return err
	}
	h := logHandler(env.stderr, *f.logJSON)
	log := slog.New(h)

	// Claim the folder, then the port, before the slow part, so that a
	// second node or a taken port fails at once with a clear message.
	lock, err := claimBase(base)
	if err != nil {
		return err
	}
	defer lock.release()
	addr := listenAddr(f, cfg)
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return listenError(addr, err)
	}
	defer ln.Close()
	if err := lock.setAddr(ln.Addr().String()); err != nil {
		return fmt.Errorf("pid file: %w", err)
	}

	instance := os.Getenv(instanceEnv)
	if instance == "" {
		instance = newInstance()
	}
	opt := node.Options{Base: base, Threads: *f.threads, Version: version, Logger: log, Instance: instance}
	if opt.Outbound, err = outboundPolicy(cfg); err != nil {
		return err
	}
	pw, pwSource, err := keystorePassword(*f.passwordFile, os.Getenv, func(msg string) { log.Warn(msg) })
	if err != nil {
		return err
	}
	id, canSign, err := nodeKey(log, base, cfg, pw, pwSource)
	if err != nil {
		return err
	}
	if id != nil {
		opt.NodeID = id.NodeID()
	}
	if canSign {
		opt.Signer = id // signs answers and /v1/info?nonce=N
	}
	if dev, err := os.ReadFile(filepath.Join(base, identity.DeviceIDFileName)); err == nil {
		opt.DeviceID = strings.TrimSpace(string(dev))
	}
	n, err := node.Open(ctx, cfg, opt)
	if err != nil {
		return err
	}
	defer n.Close()

	ctx, releaseStop, err := untilStopRequested(ctx)
	if err != nil {
		return err
	}
	defer releaseStop()

	limits := n.ServerLimits()
	srv := limits.NewServer(n.Handler(), slog.NewLogLogger(h, slog.LevelWarn))
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(limits.Listener(ln)) }()
	log.Info("node ready", "url", "http://"+displayAddr(ln.Addr()), "node_id", opt.NodeID, "took", time.Since(start).Round(time.Millisecond))
	defer startDomainLink(ctx, log, base, id, cfg, n.Handler())()

	select {
	case err := <-serveErr:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing in-flight requests (up to 30 s)")
	sctx, scancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer scancel()
	if err := srv.Shutdown(sctx); err != nil {
		log.Warn("in-flight requests cancelled", "err", err)
		srv.Close()
	}
	log.Info("node stopped")
	return nil
}

func displayAddr(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}

// readyTimeout bounds how long a background start waits for its node.
const readyTimeout = 120 * time.Second

// runDetached starts "gaianet start --foreground" in the background with its
// output in the log file, then waits until that process (and not another
// one holding the port) answers /health with the instance value it was
// given. If the node exits first, its error is shown and start fails.
func runDetached(ctx context.Context, env *cmdEnv, f *startFlags) error {
	base := *f.base
	cfg, err := startConfig(f)
	if err != nil {
		return err
	}
	if pid := runningPID(base); pid != 0 {
		return fmt.Errorf("a node is already running from %s (pid %d); stop it with 'gaianet stop --base %s'", base, pid, base)
	}
	addr := listenAddr(f, cfg)
	health, err := healthURL(addr)
	if err != nil {
		return err
	}
	if strings.HasSuffix(addr, ":0") {
		return usagef("a background node needs a fixed port (got %s); use --foreground to listen on port 0", addr)
	}
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(base, logDir), 0o700); err != nil {
		return err
	}
	logPath := filepath.Join(base, logDir, logFile)
	lf, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	defer lf.Close()
	var logStart int64
	if st, err := lf.Stat(); err == nil {
		logStart = st.Size()
	}
	args := []string{"start", "--foreground", "--base", base}
	if *f.listen != "" {
		args = append(args, "--listen", *f.listen)
	}
	if *f.port != 0 {
		args = append(args, "--port", strconv.Itoa(*f.port))
	}
	if *f.threads != 0 {
		args = append(args, "--threads", strconv.Itoa(*f.threads))
	}
	if *f.logJSON {
		args = append(args, "--log-json")
	}
	if *f.passwordFile != "" {
		abs, err := filepath.Abs(*f.passwordFile)
		if err != nil {
			return err
		}
		args = append(args, "--keystore-password-file", abs)
	}
	instance := newInstance()
	cmd := exec.Command(exe, args...)
	cmd.Stdout, cmd.Stderr = lf, lf
	cmd.Env = append(os.Environ(), instanceEnv+"="+instance)
	detach(cmd)
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start node process: %w", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()

	ready := readiness{what: "node", url: health, instance: instance, timeout: readyTimeout,
		portHint: "choose another port with 'gaianet start --port N'"}
	if err := ready.wait(ctx, exited); err != nil {
		if errors.Is(err, errNotReady) {
			select {
			case <-exited:
			default:
				// Still starting (or hung): do not leave it behind.
				stopChild(cmd, exited)
			}
			if msg := startupErrors(logPath, logStart); msg != "" {
				return fmt.Errorf("%w\n%s\n(log: %s)", err, msg, logPath)
			}
			return fmt.Errorf("%w; see %s", err, logPath)
		}
		stopChild(cmd, exited)
		return err
	}
	u := strings.TrimSuffix(health, "/health")
	u = strings.Replace(u, "://127.0.0.1:", "://localhost:", 1)
	fmt.Fprintf(env.stdout, "node started (pid %d): %s\nlogs: %s\nstop it with: gaianet stop --base %s\n",
		cmd.Process.Pid, u, logPath, base)
	cmd.Process.Release()
	return nil
}

// stopChild asks a node that failed to become ready to stop, and kills it
// if it has not exited after 10 s.
func stopChild(cmd *exec.Cmd, exited <-chan error) {
	requestStop(cmd.Process.Pid)
	select {
	case <-exited:
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
	}
}

type stopFlags struct {
	base    *string
	timeout *time.Duration
}

func stopCommand() *command {
	return &command{name: "stop", summary: "stop the node", usage: "[--base DIR]",
		help: "Stops the node started from DIR: asks it to shut down gracefully (SIGTERM on\n" +
			"Unix, its stop event on Windows), waits for it, and kills it if it has not\n" +
			"exited after --timeout. A stale pid file (a node that was killed) is removed;\n" +
			"no other process is ever signalled.",
		flags: func(fs *flag.FlagSet) any {
			return &stopFlags{base: baseFlag(fs), timeout: fs.Duration("timeout", 40*time.Second, "how long to wait before killing the node")}
		},
		run: func(ctx context.Context, env *cmdEnv, args []string) error {
			f := env.flags.(*stopFlags)
			pid := runningPID(*f.base)
			if pid == 0 {
				removeStalePIDFile(*f.base)
				fmt.Fprintf(env.stdout, "no node is running from %s\n", *f.base)
				return nil
			}
			if err := requestStop(pid); err != nil {
				return fmt.Errorf("ask the node (pid %d) to stop: %w", pid, err)
			}
			deadline := time.Now().Add(*f.timeout)
			for time.Now().Before(deadline) {
				if runningPID(*f.base) != pid {
					fmt.Fprintf(env.stdout, "node stopped (pid %d)\n", pid)
					return nil
				}
				select {
				case <-ctx.Done():
					return ctx.Err()
				case <-time.After(50 * time.Millisecond):
				}
			}
			// Still holding its pid file, so still that node: safe to kill.
			if runningPID(*f.base) == pid {
				if err := forceKill(pid); err != nil {
					return fmt.Errorf("node did not stop within %s and could not be killed (pid %d): %w", *f.timeout, pid, err)
				}
			}
			removeStalePIDFile(*f.base)
			fmt.Fprintf(env.stdout, "node did not stop within %s; killed (pid %d)\n", *f.timeout, pid)
			return nil
		}}
}

// removeStalePIDFile removes DIR/gaianet.pid if no node holds it.
func removeStalePIDFile(base string) {
	for range 50 {
		if runningPID(base) != 0 {
			return
		}
		// The lock is dropped by the system once the killed process is
		// gone: a file still locked a moment later is a new node's.
		err := os.Remove(filepath.Join(base, pidFile))
		if err == nil || errors.Is(err, fs.ErrNotExist) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func infoCommand() *command {
	return &command{name: "info", summary: "show the node's ID, models, knowledge base and endpoints", usage: "[--base DIR]",
		help: "Shows the node's ID, models, knowledge base (documents and points) and, when it runs,\n" +
			"the address it really listens on.",
		flags: func(fs *flag.FlagSet) any { return baseFlag(fs) },
		run: func(ctx context.Context, env *cmdEnv, args []string) error {
			if len(args) > 0 {
				return usagef("info takes no arguments")
			}
			base := *env.flags.(*string)
			cfg, err := loadConfig(base)
			if err != nil {
				return err
			}
			w := env.stdout
			nodeID := "(none: run 'gaianet init')"
			if id, err := identity.Load(base); err == nil {
				nodeID = id.NodeID()
			}
			device := "(none)"
			if b, err := os.ReadFile(filepath.Join(base, identity.DeviceIDFileName)); err == nil {
				device = strings.TrimSpace(string(b))
			}
			fmt.Fprintf(w, "Node ID:         %s\nDevice ID:       %s\nBase:            %s\n", nodeID, device, base)
			model := func(label, ref, name string) {
				if ref == "" {
					fmt.Fprintf(w, "%-16s (none)\n", label+":")
					return
				}
				p := node.ModelPath(base, ref)
				state := "missing: run 'gaianet init'"
				if st, err := os.Stat(p); err == nil {
					state = download.FormatBytes(st.Size())
				}
				fmt.Fprintf(w, "%-16s %s (%s)\n%-16s %s\n", label+":", name, state, "", p)
			}
			model("Chat model", cfg.Chat, cfg.ChatName)
			model("Embedding", cfg.Embedding, cfg.EmbeddingName)
			fmt.Fprintf(w, "Prompt template: %s\nContext size:    %d\n", cfg.PromptTemplate, cfg.ChatCtxSize)

			pid := runningPID(base)
			fmt.Fprintf(w, "Knowledge base:  %s\n", knowledgeSummary(ctx, base, cfg, pid))
			if cfg.Snapshot != "" {
				fmt.Fprintf(w, "Snapshot:        %s\n", cfg.Snapshot)
			}
			if pid == 0 {
				fmt.Fprintf(w, "Status:          stopped\nAPI:             http://localhost:%d/v1 when started (llamaedge_port)\n", cfg.LlamaEdgePort)
				return nil
			}
			addr, seen := nodeAddr(base, cfg, pid)
			local := loopback(addr)
			url := "http://" + strings.Replace(local, "127.0.0.1", "localhost", 1)
			state := "answering"
			if !healthy(&http.Client{Timeout: 2 * time.Second}, "http://"+local+"/health") {
				state = "not answering yet"
			}
			fmt.Fprintf(w, "Status:          running (pid %d), %s\n", pid, state)
			if seen {
				fmt.Fprintf(w, "Listening on:    %s\n", addr)
			}
			fmt.Fprintf(w, "API:             %s/v1\nChat page:       %s/\n", url, url)
			if _, port, _ := net.SplitHostPort(addr); seen && port != strconv.Itoa(cfg.LlamaEdgePort) {
				fmt.Fprintf(w, "Note:            config.json says port %d; restart the node to use it\n", cfg.LlamaEdgePort)
			}
			return nil
		}}
}

// knowledgeSummary describes the node's knowledge base: its collection's
// documents and points, read through the running node's API or from the
// store on disk.
func knowledgeSummary(ctx context.Context, base string, cfg *config.Config, pid int) string {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second) // an external Qdrant may be unreachable
	defer cancel()
	coll := cfg.EmbeddingCollectionName
	var (
		st  kb.Stats
		err error
	)
	if pid != 0 {
		var c *nodeClient
		if c, err = runningNode(ctx, base, cfg); err == nil && c != nil {
			st, err = c.stats(ctx, coll)
		}
	} else {
		var store node.VectorStore
		if store, err = node.OpenVectorStore(ctx, cfg, base); err == nil {
			st, err = (&kb.KB{Store: store, Collection: coll}).Stats(ctx)
			store.Close()
		}
	}
	if err != nil {
		return fmt.Sprintf("collection %q (size unknown: %v)", coll, err)
	}
	return fmt.Sprintf("collection %q, %d documents, %d points", coll, st.Documents, st.Points)
}

// configSetters maps a "gaianet config" flag to the field it sets.
var configSetters = []struct {
	flag, help string
	set        func(c *config.Config, v string) error
}{
	{"chat-url", "chat model: URL or path of a GGUF file", func(c *config.Config, v string) error { c.Chat = v; return nil }},
	{"chat-name", "chat model name reported by the API", func(c *config.Config, v string) error { c.ChatName = v; return nil }},
	{"chat-ctx-size", "chat context size in tokens", intSetter(func(c *config.Config) *int { return &c.ChatCtxSize })},
	{"chat-batch-size", "prompt-processing batch size", intSetter(func(c *config.Config) *int { return &c.ChatBatchSize })},
	{"embedding-url", "embedding model: URL or path of a GGUF file", func(c *config.Config, v string) error { c.Embedding = v; return nil }},
	{"embedding-name", "embedding model name reported by the API", func(c *config.Config, v string) error { c.EmbeddingName = v; return nil }},
	{"embedding-ctx-size", "embedding context size in tokens", intSetter(func(c *config.Config) *int { return &c.EmbeddingCtxSize })},
	{"prompt-template", "chat template name (llama-3-chat, chatml, ...; 'gguf' for the model's own)", func(c *config.Config, v string) error {
		if v != "" && v != "gguf" {
			if _, ok := chattemplate.Lookup(v); !ok {
				return fmt.Errorf("%q is not a built-in chat template; use one of: %s (or 'gguf' for the model's own template)",
					v, strings.Join(chattemplate.Names(), ", "))
			}
		}
		c.PromptTemplate = v
		return nil
	}},
	{"reverse-prompt", "extra stop string", func(c *config.Config, v string) error { c.ReversePrompt = v; return nil }},
	{"system-prompt", "default system prompt", func(c *config.Config, v string) error { c.SystemPrompt = v; return nil }},
	{"rag-prompt", "text placed before retrieved context", func(c *config.Config, v string) error { c.RAGPrompt = v; return nil }},
	{"rag-policy", "where retrieved context goes: system-message or last-user-message", func(c *config.Config, v string) error { c.RAGPolicy = v; return nil }},
	{"context-window", "how many latest user messages form the retrieval query", intSetter(func(c *config.Config) *int { return &c.ContextWindow })},
	{"snapshot", "knowledge-base snapshot: URL or path", func(c *config.Config, v string) error { c.Snapshot = v; return nil }},
	{"collection", "knowledge-base collection name", func(c *config.Config, v string) error { c.EmbeddingCollectionName = v; return nil }},
	{"qdrant-limit", "retrieved chunks per question", intSetter(func(c *config.Config) *int { return &c.QdrantLimit })},
	{"qdrant-score-threshold", "minimum similarity of a retrieved chunk", func(c *config.Config, v string) error {
		x, err := strconv.ParseFloat(v, 64)
		c.QdrantScoreThreshold = x
		return err
	}},
	{"port", "API port (llamaedge_port)", intSetter(func(c *config.Config) *int { return &c.LlamaEdgePort })},
	{"domain", "GaiaNet domain to join", func(c *config.Config, v string) error { c.Domain = v; return nil }},
	{"description", "node description", func(c *config.Config, v string) error { c.Description = v; return nil }},
	{"parallel", "sequences decoded at once (slots)", intSetter(func(c *config.Config) *int { return &c.Ext.Parallel })},
	{"api-keys", "comma-separated API keys clients must send (empty: none)", func(c *config.Config, v string) error {
		c.Ext.APIKeys = nil
		for _, k := range strings.Split(v, ",") {
			if k = strings.TrimSpace(k); k != "" {
				c.Ext.APIKeys = append(c.Ext.APIKeys, k)
			}
		}
		return nil
	}},
}

func intSetter(field func(*config.Config) *int) func(*config.Config, string) error {
	return func(c *config.Config, v string) error {
		n, err := strconv.Atoi(v)
		if err != nil {
			return fmt.Errorf("%q is not a whole number", v)
		}
		*field(c) = n
		return nil
	}
}

type configFlags struct {
	base   *string
	values map[string]*string
}

func configCommand() *command {
	return &command{name: "config", summary: "show or edit config.json", usage: "[--base DIR] [--FIELD VALUE ...]",
		help: "Without flags, prints DIR/config.json. With flags, sets those fields, checks the\n" +
			"result and saves it (fields and formatting you did not touch are kept). Restart\n" +
			"the node for changes to take effect.",
		flags: func(fs *flag.FlagSet) any {
			f := &configFlags{base: baseFlag(fs), values: map[string]*string{}}
			for _, s := range configSetters {
				f.values[s.flag] = fs.String(s.flag, "", s.help)
			}
			return f
		},
		run: func(ctx context.Context, env *cmdEnv, args []string) error {
			f := env.flags.(*configFlags)
			if len(args) > 0 {
				return usagef("config takes flags only, got %q", args[0])
			}
			p := filepath.Join(*f.base, configFile)
			cfg, err := config.Load(p)
			if errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("%s does not exist: run 'gaianet init --base %s' first", p, *f.base)
			}
			if err != nil {
				return err
			}
			changed := 0
			for _, s := range configSetters {
				v := f.values[s.flag]
				if !env.set[s.flag] {
					continue
				}
				if err := s.set(cfg, *v); err != nil {
					return usagef("--%s: %v", s.flag, err)
				}
				changed++
			}
			if changed == 0 {
				b, err := cfg.Encode()
				if err != nil {
					return err
				}
				_, err = env.stdout.Write(b)
				return err
			}
			if err := saveChecked(cfg, p); err != nil {
				return err
			}
			fmt.Fprintf(env.stdout, "updated %d field(s) in %s; restart the node to apply them\n", changed, p)
			return nil
		}}
}
