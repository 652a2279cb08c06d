package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"maps"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/gaianet-go/gaianet/domain"
	"github.com/gaianet-go/gaianet/domain/ledger"
	"github.com/gaianet-go/gaianet/domain/store"
	"github.com/gaianet-go/gaianet/identity"
)

const (
	domainPidFile = "domain.pid"
	domainLogFile = "domain.log"
)

// defaultDomainBase is $GAIANET_DOMAIN_BASE, or ~/gaianet-domain.
func defaultDomainBase() string { return defaultDir("GAIANET_DOMAIN_BASE", "gaianet-domain") }

func domainBaseFlag(fs *flag.FlagSet) *string {
	return fs.String("base", defaultDomainBase(), "the domain's directory (domain.json, admin.key, domain.db, logs)")
}

// openDomain loads DIR/domain.json and opens its store.
func openDomain(ctx context.Context, base string) (domain.Config, *store.Store, error) {
	cfg, err := domain.LoadConfig(base)
	if errors.Is(err, fs.ErrNotExist) {
		return cfg, nil, fmt.Errorf("%s does not exist: run 'gaianet domain init --base %s --name NAME --listen HOST:PORT' first",
			filepath.Join(base, domain.ConfigFile), base)
	}
	if err != nil {
		return cfg, nil, err
	}
	st, err := store.Open(ctx, cfg.Storage, base)
	return cfg, st, err
}

func domainCommand() *command {
	return &command{name: "domain", summary: "run a GaiaNet domain: admit, balance and bill many nodes",
		help: "A domain is a gateway that nodes join ('gaianet join URL' on the node) and users\n" +
			"call with an API key, as an OpenAI-compatible API at http://HOST:PORT/v1. It\n" +
			"checks and monitors the nodes, spreads requests across them and bills each\n" +
			"request in a double-entry ledger. State lives in SQLite (DIR/domain.db) or,\n" +
			"for several replicas, PostgreSQL (storage: a postgres:// DSN in domain.json).",
		children: []*command{domainInitCommand(), domainStartCommand(), domainStopCommand(), domainInfoCommand(),
			domainNodesCommand(), domainUsersCommand(), domainKeysCommand(), domainLedgerCommand(), domainPayoutsCommand(),
			domainEvidenceCommand(), domainAdminKeyCommand(), domainBenchCommand(), domainChainCommand(), domainSettlementsCommand(),
			domainWalletsCommand()}}
}

type evidenceFlags struct {
	listFlags
	node *string
}

func domainEvidenceCommand() *command {
	return &command{name: "evidence", summary: "replay evidence against nodes", usage: "[--base DIR] [--node ADDRESS] [--json]",
		help: "Each time replay verification (domain.json \"replay\": {\"rate\": 0.01}) found a\n" +
			"node's answer contradicted by two others for the same request and seed, or a\n" +
			"node's signed statement not matching what it delivered, the node's own signed\n" +
			"statement is kept as evidence: request and output SHA-256, seed, its EIP-191\n" +
			"signature, and the witness node's. Verdicts: mismatch, misreported, unsigned,\n" +
			"irreproducible (the node's own second answer to the same request and seed\n" +
			"differed; each of these counts: replay.evict_after of them evict the node),\n" +
			"unresolved (three nodes, three outputs) and disputed (two nodes on the model,\n" +
			"each repeating its own answer: for the operator to decide; these two do not\n" +
			"count).",
		flags: func(fs *flag.FlagSet) any {
			return &evidenceFlags{listFlags: listFlags{base: domainBaseFlag(fs), json: fs.Bool("json", false, "print JSON")},
				node: fs.String("node", "", "only the evidence against this node address")}
		},
		run: func(ctx context.Context, env *cmdEnv, args []string) error {
			f := env.flags.(*evidenceFlags)
			env.flags = &f.listFlags
			node := *f.node
			if node != "" {
				var err error
				if node, err = identity.ChecksumAddress(node); err != nil {
					return usagef("--node %q is not a node address (0x and 40 hex digits)", *f.node)
				}
			}
			return withStore(func(ctx context.Context, env *cmdEnv, lf *listFlags, st *store.Store) error {
				ev, err := st.EvidenceList(ctx, node)
				if err != nil {
					return err
				}
				if *lf.json {
					return printJSON(env.stdout, ev)
				}
				tw := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "TIME\tNODE\tVERDICT\tREQUEST\tSEED\tOUTPUT SHA-256\tWITNESS")
				for _, e := range ev {
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%.16s…\t%s\n", e.Created.Format(time.RFC3339), e.Node, e.Verdict, e.RequestID, e.Seed, e.OutputSHA256, e.Witness)
				}
				return tw.Flush()
			})(ctx, env, args)
		}}
}

type domainInitFlags struct {
	base, name, listen, policy, publicURL, storage *string
	priceIn, priceOut, priceReq                    *string
}

func domainInitCommand() *command {
	return &command{name: "init", summary: "create a domain's directory: domain.json and an admin key",
		usage: "--base DIR --name NAME --listen HOST:PORT [--policy open|allow|approve] [flags]",
		help: "Writes DIR/domain.json (name, public URL, listen address, admission policy,\n" +
			"requirements, prices, revenue split, storage) and DIR/admin.key (mode 0600).\n" +
			"Edit domain.json for allow/deny lists, requirements and the split.",
		flags: func(fs *flag.FlagSet) any {
			return &domainInitFlags{
				base:      domainBaseFlag(fs),
				name:      fs.String("name", "", "the domain's name, e.g. example.gaia.domains (required)"),
				listen:    fs.String("listen", "127.0.0.1:9000", "HOST:PORT the gateway listens on"),
				policy:    fs.String("policy", domain.PolicyOpen, "admission: open, allow (allow list only) or approve (operator approves each node)"),
				publicURL: fs.String("public-url", "", "URL users and nodes reach the domain at (default http://LISTEN)"),
				storage:   fs.String("storage", "", "SQLite file (default domain.db) or a postgres:// DSN"),
				priceIn:   fs.String("price-input", "0.1", "USD per million input tokens"),
				priceOut:  fs.String("price-output", "0.4", "USD per million output tokens"),
				priceReq:  fs.String("price-request", "0", "USD per request"),
			}
		},
		run: func(ctx context.Context, env *cmdEnv, args []string) error {
			f := env.flags.(*domainInitFlags)
			if len(args) > 0 {
				return usagef("domain init takes flags only")
			}
			if *f.name == "" {
				return usagef("--name is required")
			}
			cfg := domain.Default(*f.name, *f.listen)
			cfg.Policy, cfg.Storage = *f.policy, *f.storage
			if *f.publicURL != "" {
				cfg.PublicURL = *f.publicURL
			}
			if cfg.Storage == "" {
				cfg.Storage = store.DefaultSQLite
			}
			for _, p := range []struct {
				flag string
				v    string
				dst  *ledger.Micros
			}{{"price-input", *f.priceIn, &cfg.Prices.InputPerMillion}, {"price-output", *f.priceOut, &cfg.Prices.OutputPerMillion},
				{"price-request", *f.priceReq, &cfg.Prices.PerRequest}} {
				m, err := ledger.ParseUSD(p.v)
				if err != nil {
					return usagef("--%s: %v", p.flag, err)
				}
				*p.dst = m
			}
			if err := domain.Init(*f.base, cfg); err != nil {
				return err
			}
			st, err := store.Open(ctx, cfg.Storage, *f.base)
			if err != nil {
				return err
			}
			st.Close()
			fmt.Fprintf(env.stdout, "domain %s created in %s (policy %s, storage %s)\nstart it with: gaianet domain start --base %s\n",
				cfg.Name, *f.base, cfg.Policy, displayStorage(cfg.Storage), *f.base)
			return nil
		}}
}

// displayStorage hides a DSN's password.
func displayStorage(s string) string {
	if !store.IsDSN(s) {
		return s
	}
	if i := strings.Index(s, "@"); i > 0 {
		if j := strings.Index(s[:i], "://"); j > 0 {
			if k := strings.Index(s[j+3:i], ":"); k >= 0 {
				return s[:j+3+k] + ":***" + s[i:]
			}
		}
	}
	return s
}

type domainStartFlags struct {
	base       *string
	foreground *bool
	listen     *string
	advertise  *string
	logJSON    *bool
}

func domainStartCommand() *command {
	return &command{name: "start", summary: "start the domain gateway", usage: "[--base DIR] [--foreground]",
		help: "Serves the domain: nodes join at /_domain/tunnel, users call /v1/... with their\n" +
			"API key, /metrics has per-node metrics. In the background by default (pid in\n" +
			"DIR/domain.pid, log in DIR/domain.log); --foreground stays attached.",
		flags: func(fs *flag.FlagSet) any {
			return &domainStartFlags{base: domainBaseFlag(fs),
				foreground: fs.Bool("foreground", false, "run attached to the terminal"),
				listen:     fs.String("listen", "", "override domain.json's listen address (e.g. a second replica)"),
				advertise: fs.String("advertise", "", "the URL other replicas reach this one at (default http://LISTEN-ADDRESS;\n"+
					"set it when listening on 0.0.0.0 or behind NAT)"),
				logJSON: fs.Bool("log-json", false, "write logs as JSON lines")}
		},
		run: func(ctx context.Context, env *cmdEnv, args []string) error {
			f := env.flags.(*domainStartFlags)
			if len(args) > 0 {
				return usagef("domain start takes no arguments")
			}
			if *f.foreground {
				return runDomain(ctx, env, f)
			}
			return startDomainDetached(ctx, env, f)
		}}
}

func runDomain(ctx context.Context, env *cmdEnv, f *domainStartFlags) error {
	base := *f.base
	cfg, st, err := openDomain(ctx, base)
	if err != nil {
		return err
	}
	defer st.Close()
	if *f.listen != "" {
		cfg.Listen = *f.listen
	}
	// A domain started with its configured address owns DIR/domain.pid (held
	// locked while it runs); one given --listen is an extra replica.
	if *f.listen == "" {
		lock, err := claimPidFile(filepath.Join(base, domainPidFile), func(pid int) error {
			return fmt.Errorf("a domain is already running from %s (pid %d); run 'gaianet domain stop --base %s' first", base, pid, base)
		})
		if err != nil {
			return err
		}
		defer lock.release()
	}
	ctx, releaseStop, err := untilStopRequested(ctx)
	if err != nil {
		return err
	}
	defer releaseStop()
	h := logHandler(env.stderr, *f.logJSON)
	log := slog.New(h)
	admin, err := domain.AdminKey(base)
	if err != nil {
		return fmt.Errorf("admin key: %w", err)
	}
	srv, err := domain.New(cfg, domain.Options{Store: st, AdminKey: admin, Logger: log, Instance: os.Getenv(instanceEnv),
		Journal: filepath.Join(base, domain.JournalDir)})
	if err != nil {
		return err
	}
	defer srv.Close()
	// Payments on a chain (DIR/chain.json): every replica serves the
	// wallet routes and runs the payments worker; the one holding the
	// settler lease (in the database) watches the escrow and settles, and
	// another takes over when it dies.
	pay, closePay, err := openPayments(ctx, env, base, cfg, st, log)
	if err != nil {
		return err
	}
	defer closePay()
	if pay != nil {
		payCtx, stopPay := context.WithCancel(ctx)
		payDone := make(chan struct{})
		go func() { defer close(payDone); pay.Run(payCtx) }()
		defer func() { stopPay(); <-payDone }()
	}
	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	hs := &http.Server{Handler: withPayments(srv, pay), ReadHeaderTimeout: 10 * time.Second, ErrorLog: slog.NewLogLogger(h, slog.LevelWarn)}
	serveErr := make(chan error, 1)
	go func() { serveErr <- hs.Serve(ln) }()
	advertise := *f.advertise
	if advertise == "" {
		advertise = "http://" + ln.Addr().String()
	}
	if err := srv.Advertise(advertise); err != nil {
		return err
	}
	log.Info("domain ready", "name", cfg.Name, "url", "http://"+ln.Addr().String(), "policy", cfg.Policy, "storage", st.Dialect())
	select {
	case err := <-serveErr:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing in-flight requests (up to 30 s)")
	sctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	srv.Close() // tunnels are hijacked connections: Shutdown does not wait for them
	if err := hs.Shutdown(sctx); err != nil {
		hs.Close()
	}
	log.Info("domain stopped")
	return nil
}

func startDomainDetached(ctx context.Context, env *cmdEnv, f *domainStartFlags) error {
	base := *f.base
	cfg, err := domain.LoadConfig(base)
	if err != nil {
		return err
	}
	if pid := runningPIDFile(filepath.Join(base, domainPidFile)); pid != 0 {
		return fmt.Errorf("a domain is already running from %s (pid %d)", base, pid)
	}
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	logPath := filepath.Join(base, domainLogFile)
	lf, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	defer lf.Close()
	args := []string{"domain", "start", "--foreground", "--base", base}
	if *f.advertise != "" {
		args = append(args, "--advertise", *f.advertise)
	}
	if *f.logJSON {
		args = append(args, "--log-json")
	}
	health, err := healthURL(cfg.Listen)
	if err != nil {
		return err
	}
	instance := newInstance()
	cmd := exec.Command(exe, args...)
	cmd.Stdout, cmd.Stderr = lf, lf
	cmd.Env = append(os.Environ(), instanceEnv+"="+instance)
	detach(cmd)
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start domain process: %w", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	ready := readiness{what: "domain", url: health, instance: instance, timeout: 60 * time.Second,
		portHint: "choose another address: 'listen' in " + filepath.Join(base, domain.ConfigFile)}
	if err := ready.wait(ctx, exited); err != nil {
		select {
		case <-exited:
		default:
			stopChild(cmd, exited) // still starting, or hung: do not leave it behind
		}
		if errors.Is(err, errNotReady) {
			return fmt.Errorf("%w; see %s", err, logPath)
		}
		return err
	}
	fmt.Fprintf(env.stdout, "domain %s started (pid %d): http://%s\nlogs: %s\nstop it with: gaianet domain stop --base %s\n",
		cfg.Name, cmd.Process.Pid, cfg.Listen, logPath, base)
	cmd.Process.Release()
	return nil
}

func domainStopCommand() *command {
	return &command{name: "stop", summary: "stop the domain gateway", usage: "[--base DIR]",
		flags: func(fs *flag.FlagSet) any { return domainBaseFlag(fs) },
		run: func(ctx context.Context, env *cmdEnv, args []string) error {
			base := *env.flags.(*string)
			pidPath := filepath.Join(base, domainPidFile)
			pid := runningPIDFile(pidPath)
			if pid == 0 {
				os.Remove(pidPath)
				fmt.Fprintf(env.stdout, "no domain is running from %s\n", base)
				return nil
			}
			if err := requestStop(pid); err != nil {
				return fmt.Errorf("ask the domain (pid %d) to stop: %w", pid, err)
			}
			for deadline := time.Now().Add(40 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
				if runningPIDFile(pidPath) == 0 {
					fmt.Fprintf(env.stdout, "domain stopped (pid %d)\n", pid)
					return nil
				}
			}
			forceKill(pid)
			os.Remove(pidPath)
			fmt.Fprintf(env.stdout, "domain did not stop within 40 s; killed (pid %d)\n", pid)
			return nil
		}}
}

func domainInfoCommand() *command {
	return &command{name: "info", summary: "show the domain's settings, nodes, users and ledger totals", usage: "[--base DIR]",
		flags: func(fs *flag.FlagSet) any { return domainBaseFlag(fs) },
		run: func(ctx context.Context, env *cmdEnv, args []string) error {
			base := *env.flags.(*string)
			cfg, st, err := openDomain(ctx, base)
			if err != nil {
				return err
			}
			defer st.Close()
			nodes, err := nodeViews(ctx, cfg, st)
			if err != nil {
				return err
			}
			users, err := st.Users(ctx)
			if err != nil {
				return err
			}
			tot, err := st.Totals(ctx)
			if err != nil {
				return err
			}
			count := map[string]int{}
			for _, n := range nodes {
				count[n.Status]++
			}
			status := "stopped"
			if pid := runningPIDFile(filepath.Join(base, domainPidFile)); pid != 0 {
				status = fmt.Sprintf("running (pid %d)", pid)
			}
			w := env.stdout
			fmt.Fprintf(w, "Domain:     %s\nURL:        %s/v1\nListen:     %s\nStatus:     %s\nPolicy:     %s\nStorage:    %s\n",
				cfg.Name, cfg.PublicURL, cfg.Listen, status, cfg.Policy, displayStorage(cfg.Storage))
			fmt.Fprintf(w, "Prices:     $%s / 1M input, $%s / 1M output, $%s / request\n",
				cfg.Prices.InputPerMillion, cfg.Prices.OutputPerMillion, cfg.Prices.PerRequest)
			fmt.Fprintf(w, "Split:      node %d bp, operator %d bp, stakers %d bp\n", cfg.Split.NodeBPS, cfg.Split.OperatorBPS, cfg.Split.StakerBPS)
			fmt.Fprintf(w, "Nodes:      %d healthy, %d unhealthy, %d pending, %d evicted\n",
				count[store.Healthy], count[store.Unhealthy], count[store.StatusPending], count[store.StatusEvicted])
			fmt.Fprintf(w, "Users:      %d\nRequests:   %d billed, $%s charged, $%s deposited\n", len(users), tot.Requests, tot.Charged, tot.Deposited)
			return nil
		}}
}

// nodeView is a node as "gaianet domain nodes" shows it.
type nodeView struct {
	ID       string        `json:"id"`
	Address  string        `json:"address"`
	Status   string        `json:"status"` // healthy, unhealthy, pending or evicted
	Models   []string      `json:"models"`
	Replica  string        `json:"replica,omitempty"`
	LastSeen time.Time     `json:"last_seen"`
	Earned   ledger.Micros `json:"earned"`
}

// nodeViews lists the nodes with one status each: the admission state,
// or for admitted nodes the health last recorded, if recent.
func nodeViews(ctx context.Context, cfg domain.Config, st *store.Store) ([]nodeView, error) {
	nodes, err := st.Nodes(ctx)
	if err != nil {
		return nil, err
	}
	fresh := 3*time.Duration(cfg.Monitor.Interval) + 2*time.Second
	out := make([]nodeView, 0, len(nodes))
	for _, n := range nodes {
		v := nodeView{ID: n.Address, Address: n.Address, Status: n.Status, Models: n.Models, Replica: n.Replica, LastSeen: n.LastSeen}
		if n.Status == store.StatusAdmitted {
			v.Status = store.Unhealthy
			if n.Health == store.Healthy && time.Since(n.LastSeen) < fresh {
				v.Status = store.Healthy
			}
		}
		if v.Earned, err = st.Balance(ctx, ledger.NodeAccount(n.Address)); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

type listFlags struct {
	base *string
	json *bool
}

func listFlagSet(fs *flag.FlagSet) any {
	return &listFlags{base: domainBaseFlag(fs), json: fs.Bool("json", false, "print JSON")}
}

// timeOrDash formats t for a table column (RFC 3339), or "-" when t is nil.
func timeOrDash(t *time.Time) string {
	if t == nil {
		return "-"
	}
	return t.Format(time.RFC3339)
}

func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func domainNodesCommand() *command {
	setStatus := func(name, summary, status string) *command {
		return &command{name: name, summary: summary, usage: "ADDRESS [--base DIR]",
			flags: func(fs *flag.FlagSet) any { return domainBaseFlag(fs) },
			run: func(ctx context.Context, env *cmdEnv, args []string) error {
				if len(args) != 1 || !identity.IsAddress(args[0]) {
					return usagef("%s needs one node address (0x and 40 hex digits)", name)
				}
				addr, _ := identity.ChecksumAddress(args[0])
				_, st, err := openDomain(ctx, *env.flags.(*string))
				if err != nil {
					return err
				}
				defer st.Close()
				if err := st.SetNodeStatus(ctx, addr, status); err != nil {
					if errors.Is(err, store.ErrNotFound) {
						return fmt.Errorf("no node %s has tried to join this domain", addr)
					}
					return err
				}
				fmt.Fprintf(env.stdout, "node %s %s\n", addr, map[string]string{store.StatusAdmitted: "approved", store.StatusEvicted: "evicted"}[status])
				return nil
			}}
	}
	return &command{name: "nodes", summary: "list nodes; approve or evict one", usage: "[--base DIR] [--json]",
		help: "Lists the nodes that joined or asked to: address, status (healthy, unhealthy,\n" +
			"pending or evicted), models and earnings. 'approve' admits a pending node\n" +
			"(policy approve) or re-admits an evicted one; 'evict' disconnects a node and\n" +
			"refuses it from then on.",
		flags: listFlagSet,
		children: []*command{setStatus("approve", "admit a pending or evicted node", store.StatusAdmitted),
			setStatus("evict", "disconnect a node and refuse it", store.StatusEvicted)},
		run: func(ctx context.Context, env *cmdEnv, args []string) error {
			f := env.flags.(*listFlags)
			if len(args) > 0 {
				return usagef("unknown command %q for gaianet domain nodes", args[0])
			}
			cfg, st, err := openDomain(ctx, *f.base)
			if err != nil {
				return err
			}
			defer st.Close()
			views, err := nodeViews(ctx, cfg, st)
			if err != nil {
				return err
			}
			if *f.json {
				return printJSON(env.stdout, views)
			}
			tw := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ADDRESS\tSTATUS\tMODELS\tEARNED (USD)\tLAST SEEN")
			for _, v := range views {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", v.Address, v.Status, strings.Join(v.Models, ","), v.Earned, v.LastSeen.Format(time.RFC3339))
			}
			return tw.Flush()
		}}
}

type usersAddFlags struct {
	base, name, credit *string
}

func domainUsersCommand() *command {
	add := &command{name: "add", summary: "create a user with prepaid credit; prints the API key", usage: "--name NAME --credit USD [--base DIR]",
		help: "Creates a user and credits their account. The new API key is printed alone\n" +
			"on the last line; it is stored only as a hash, so keep it.",
		flags: func(fs *flag.FlagSet) any {
			return &usersAddFlags{base: domainBaseFlag(fs), name: fs.String("name", "", "the user's name (required)"),
				credit: fs.String("credit", "0", "prepaid credit in USD, e.g. 10 or 0.5")}
		},
		run: func(ctx context.Context, env *cmdEnv, args []string) error {
			f := env.flags.(*usersAddFlags)
			if *f.name == "" || len(args) > 0 {
				return usagef("users add needs --name NAME (and optionally --credit USD)")
			}
			credit, err := ledger.ParseUSD(*f.credit)
			if err != nil {
				return usagef("--credit: %v", err)
			}
			_, st, err := openDomain(ctx, *f.base)
			if err != nil {
				return err
			}
			defer st.Close()
			u, key, err := st.AddUser(ctx, *f.name)
			if err != nil {
				return err
			}
			if credit > 0 {
				if _, err := st.Deposit(ctx, "initial-"+u.ID, u.ID, credit); err != nil {
					return err
				}
			}
			fmt.Fprintf(env.stdout, "user %s (%s) created with $%s of credit; API key:\n%s\n", u.Name, u.ID, credit, key)
			return nil
		}}
	credit := &command{name: "credit", summary: "add credit to a user", usage: "USER_ID --amount USD [--base DIR]",
		flags: func(fs *flag.FlagSet) any {
			return &usersAddFlags{base: domainBaseFlag(fs), credit: fs.String("amount", "", "USD to add")}
		},
		run: func(ctx context.Context, env *cmdEnv, args []string) error {
			f := env.flags.(*usersAddFlags)
			if len(args) != 1 {
				return usagef("users credit needs one user id")
			}
			amount, err := ledger.ParseUSD(*f.credit)
			if err != nil || amount == 0 {
				return usagef("--amount: want a positive USD amount")
			}
			_, st, err := openDomain(ctx, *f.base)
			if err != nil {
				return err
			}
			defer st.Close()
			users, err := st.Users(ctx)
			if err != nil {
				return err
			}
			found := false
			for _, u := range users {
				found = found || u.ID == args[0]
			}
			if !found {
				return fmt.Errorf("no user %s", args[0])
			}
			if _, err := st.Deposit(ctx, "credit-"+randomID(), args[0], amount); err != nil {
				return err
			}
			bal, err := st.Balance(ctx, ledger.UserAccount(args[0]))
			if err != nil {
				return err
			}
			fmt.Fprintf(env.stdout, "added $%s to %s; balance $%s\n", amount, args[0], bal)
			return nil
		}}
	return &command{name: "users", summary: "list users; add one or add credit", usage: "[--base DIR] [--json]",
		flags: listFlagSet, children: []*command{add, credit},
		run: withStore(func(ctx context.Context, env *cmdEnv, f *listFlags, st *store.Store) error {
			users, err := st.Users(ctx)
			if err != nil {
				return err
			}
			type view struct {
				store.User
				Balance ledger.Micros `json:"balance"`
			}
			out := []view{}
			for _, u := range users {
				b, err := st.Balance(ctx, ledger.UserAccount(u.ID))
				if err != nil {
					return err
				}
				out = append(out, view{u, b})
			}
			if *f.json {
				return printJSON(env.stdout, out)
			}
			tw := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tNAME\tBALANCE (USD)\tCREATED")
			for _, v := range out {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", v.ID, v.Name, v.Balance, v.Created.Format(time.RFC3339))
			}
			return tw.Flush()
		})}
}

func randomID() string { return strconv.FormatInt(time.Now().UnixNano(), 36) }

func domainLedgerCommand() *command {
	return &command{name: "ledger", summary: "show ledger accounts and totals", usage: "[--base DIR] [--json]",
		help: "Every account with its balance (users, node:ADDRESS, operator, stakers,\n" +
			"external:deposits) and the totals, and a check of the double entry: balances\n" +
			"sum to zero, each equals its transfers, each billed request its charges.",
		flags: listFlagSet,
		run: withStore(func(ctx context.Context, env *cmdEnv, f *listFlags, st *store.Store) error {
			accts, err := st.Accounts(ctx)
			if err != nil {
				return err
			}
			tot, err := st.Totals(ctx)
			if err != nil {
				return err
			}
			var sum ledger.Micros
			for _, a := range accts {
				sum += a.Balance
			}
			consistent, problem := true, ""
			if err := st.Check(ctx); err != nil {
				if !errors.Is(err, store.ErrInconsistent) {
					return err
				}
				consistent, problem = false, err.Error()
			}
			if *f.json {
				return printJSON(env.stdout, map[string]any{"unit": "USD", "accounts": accts, "totals": tot, "sum": sum,
					"consistent": consistent, "problem": problem})
			}
			tw := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ACCOUNT\tBALANCE (USD)")
			for _, a := range accts {
				fmt.Fprintf(tw, "%s\t%s\n", a.ID, a.Balance)
			}
			tw.Flush()
			fmt.Fprintf(env.stdout, "\n%d requests billed, %d transfers, $%s charged, $%s deposited; balances sum to %s\n",
				tot.Requests, tot.Transfers, tot.Charged, tot.Deposited, sum)
			if !consistent {
				return errors.New(problem)
			}
			fmt.Fprintln(env.stdout, "double entry checked: consistent")
			return nil
		})}
}

func domainPayoutsCommand() *command {
	return &command{name: "payouts", summary: "what each node and each bound wallet has earned", usage: "[--base DIR] [--json]",
		flags: listFlagSet,
		run: withStore(func(ctx context.Context, env *cmdEnv, f *listFlags, st *store.Store) error {
			accts, err := st.Accounts(ctx)
			if err != nil {
				return err
			}
			nodes, err := st.Nodes(ctx)
			if err != nil {
				return err
			}
			walletOf := map[string]string{}
			for _, n := range nodes {
				if n.Wallet != "" {
					walletOf[n.Address] = n.Wallet
				}
			}
			type payout struct {
				Address string        `json:"address"`
				Wallet  string        `json:"wallet"`
				Amount  ledger.Micros `json:"amount"`
			}
			out := []payout{}
			wallets := map[string]ledger.Micros{}
			var operator, stakers ledger.Micros
			for _, a := range accts {
				switch {
				case strings.HasPrefix(a.ID, "node:"):
					addr := strings.TrimPrefix(a.ID, "node:")
					w := walletOf[addr]
					if w == "" {
						w = addr // unbound: paid to the node's own address
					}
					out = append(out, payout{addr, w, a.Balance})
					wallets[w] += a.Balance
				case a.ID == ledger.OperatorAccount:
					operator = a.Balance
				case a.ID == ledger.StakerAccount:
					stakers = a.Balance
				}
			}
			if *f.json {
				return printJSON(env.stdout, map[string]any{"unit": "USD", "nodes": out, "wallets": wallets, "operator": operator, "stakers": stakers})
			}
			tw := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "NODE ADDRESS\tWALLET\tEARNED (USD)")
			for _, p := range out {
				fmt.Fprintf(tw, "%s\t%s\t%s\n", p.Address, p.Wallet, p.Amount)
			}
			fmt.Fprintln(tw, "\nWALLET\t\tTO PAY (USD)")
			for _, w := range slices.Sorted(maps.Keys(wallets)) {
				fmt.Fprintf(tw, "%s\t\t%s\n", w, wallets[w])
			}
			tw.Flush()
			fmt.Fprintf(env.stdout, "\noperator $%s, stakers $%s\n", operator, stakers)
			return nil
		})}
}

// withStore adapts a listing command's body to the command runner: it
// refuses arguments and opens the domain's store for the body.
func withStore(body func(ctx context.Context, env *cmdEnv, f *listFlags, st *store.Store) error) func(context.Context, *cmdEnv, []string) error {
	return func(ctx context.Context, env *cmdEnv, args []string) error {
		if len(args) > 0 {
			return usagef("unexpected argument %q", args[0])
		}
		f := env.flags.(*listFlags)
		_, st, err := openDomain(ctx, *f.base)
		if err != nil {
			return err
		}
		defer st.Close()
		return body(ctx, env, f, st)
	}
}
