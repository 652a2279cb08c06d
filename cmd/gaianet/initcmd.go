package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/gaianet-go/gaianet/config"
	"github.com/gaianet-go/gaianet/download"
	"github.com/gaianet-go/gaianet/egress"
	"github.com/gaianet-go/gaianet/embedding"
	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/identity"
	"github.com/gaianet-go/gaianet/model"
	"github.com/gaianet-go/gaianet/node"
	"github.com/gaianet-go/gaianet/vectorstore"
	"github.com/gaianet-go/gaianet/vectorstore/qdrantsnap"
)

type initFlags struct {
	base      *string
	config    *string
	chat      *string
	embedding *string
	reset     *bool
	light     *bool
	password  *string
}

func initCommand() *command {
	return &command{name: "init", summary: "set up a node: config, models, knowledge base, identity",
		usage: "[--config default|demo|PATH|URL] [--chat FILE.gguf] [--embedding FILE.gguf] [--base DIR]",
		help: "Writes DIR/config.json, downloads the chat and embedding models it names (with a\n" +
			"progress bar; an interrupted download resumes), imports the knowledge-base\n" +
			"snapshot, and creates the node's identity: an Ethereum key in an encrypted\n" +
			"keystore, whose address is the node ID, and a device ID. The keystore password is\n" +
			"kept in nodeid.json (GaiaNet's layout) unless you give one from outside the base\n" +
			"folder: --keystore-password-file FILE, GAIANET_KEYSTORE_PASSWORD_FILE or\n" +
			"GAIANET_KEYSTORE_PASSWORD (then 'gaianet start' needs it the same way).\n\n" +
			"--config default  GaiaNet's default config (its models from Hugging Face)\n" +
			"--config demo     tiny random-weight models made on the spot, no network needed;\n" +
			"                  answers are noise, but every part of the node works\n" +
			"--config PATH|URL a config.json (for example one of GaiaNet's node-configs presets)\n" +
			"--chat FILE.gguf  use a GGUF chat model you already have (no download)\n" +
			"--embedding FILE.gguf  use a GGUF embedding model you already have\n\n" +
			"Running init again keeps the identity, skips models already downloaded and keeps\n" +
			"config.json as you edited it; --reset replaces it with the --config source.",
		flags: func(fs *flag.FlagSet) any {
			return &initFlags{
				base:      baseFlag(fs),
				config:    fs.String("config", "default", "default, demo, or a path or URL of a config.json"),
				chat:      fs.String("chat", "", "a local GGUF chat model to use instead of the config's"),
				embedding: fs.String("embedding", "", "a local GGUF embedding model to use instead of the config's"),
				reset:     fs.Bool("reset", false, "replace an edited config.json with the --config source"),
				light:     fs.Bool("light-keystore", false, "encrypt the keystore with light scrypt parameters (fast; for tests and small devices)"),
				password:  fs.String("keystore-password-file", "", "encrypt a new keystore with the password in FILE (keep it outside the base folder) instead of one kept in nodeid.json"),
			}
		},
		run: runInit,
	}
}

// initRecord is where init remembers the config.json it wrote, to tell a
// user's edits from its own output when it runs again.
const initRecord = ".gaianet-init.json"

func runInit(ctx context.Context, env *cmdEnv, args []string) error {
	f := env.flags.(*initFlags)
	if len(args) > 0 {
		return usagef("init takes no arguments, got %q", args[0])
	}
	base, err := filepath.Abs(*f.base)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(base, 0o755); err != nil {
		return err
	}
	w := env.stdout
	cfgPath := filepath.Join(base, configFile)
	src := *f.config
	cfg, kept, err := initConfig(ctx, env, base, f)
	if err != nil {
		return err
	}
	if err := useLocalModels(cfg, f, w); err != nil {
		return err
	}
	check := cfg.Clone()
	check.ApplyDefaults()
	if err := check.Validate(); err != nil {
		return fmt.Errorf("config %s: %w", src, err)
	}
	// Write the config first: if a download fails, the node's folder holds
	// a valid config.json that 'gaianet config' can fix.
	if err := saveInitConfig(cfg, base, !kept); err != nil {
		return err
	}
	if kept {
		fmt.Fprintf(w, "[1/4] config: %s (kept as you edited it; --reset replaces it)\n", cfgPath)
	} else {
		fmt.Fprintf(w, "[1/4] config: %s\n", cfgPath)
	}

	fmt.Fprintln(w, "[2/4] models")
	pol, err := outboundPolicy(check)
	if err != nil {
		return err
	}
	for _, m := range []struct{ label, ref string }{{"chat", cfg.Chat}, {"embedding", cfg.Embedding}} {
		if m.ref == "" {
			continue
		}
		if err := fetchModel(ctx, env, pol, base, m.label, m.ref); err != nil {
			return withOfflineHint(err, m.ref, base)
		}
	}

	fmt.Fprintln(w, "[3/4] knowledge base")
	if src == "demo" && !kept {
		fmt.Fprintln(w, "      the demo documents were ingested above")
	} else if err := importSnapshot(ctx, env, base, check); errors.Is(err, qdrantsnap.ErrUnsupported) {
		// The node still runs, answering without its knowledge base.
		fmt.Fprintf(env.stderr, "      warning: %v\n      the node will answer without this knowledge base until you rebuild it from its documents\n"+
			"      with 'gaianet kb ingest' (or keep it in a Qdrant cluster: gaianet_go.qdrant_url)\n", err)
	} else if err != nil {
		return withOfflineHint(err, cfg.Snapshot, base)
	}

	fmt.Fprintln(w, "[4/4] identity")
	opts := identity.Options{}
	if *f.light {
		opts = identity.LightScrypt()
	}
	pw, pwSource, err := keystorePassword(*f.password, os.Getenv, func(msg string) { fmt.Fprintln(env.stderr, "      warning: "+msg) })
	if err != nil {
		return err
	}
	opts.Password = pw
	id, created, err := identity.LoadOrCreate(base, opts)
	if err != nil {
		return err
	}
	device, _, err := identity.LoadOrCreateDeviceID(base)
	if err != nil {
		return err
	}
	verb := "existing"
	if created {
		verb = "new"
	}
	fmt.Fprintf(w, "      %s node ID %s (keystore %s)\n      device ID %s\n", verb, id.NodeID(), id.KeystorePath(), device)
	if pwSource != "" && created {
		fmt.Fprintf(w, "      keystore password from %s (not stored in the base folder)\n", pwSource)
	}
	if cfg.Address != id.NodeID() {
		cfg.Address = id.NodeID()
		if err := saveInitConfig(cfg, base, !kept); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "\nThe node is ready. Start it with:\n  gaianet start --base %s\n", base)
	if cfg.Description == demoDescription {
		fmt.Fprintln(w, "\nThis is the demo node: its models have random weights, so its answers are noise.\n"+
			"Use it to try the API, the chat page and the knowledge base offline.")
	}
	return nil
}

// initConfig chooses the config init works from. A config.json that the
// user edited since init wrote it is kept (kept is true), unless --reset;
// an explicit --config then is refused, naming the edited fields, rather
// than silently replacing them. Otherwise the --config source is read.
func initConfig(ctx context.Context, env *cmdEnv, base string, f *initFlags) (cfg *config.Config, kept bool, err error) {
	cfgPath := filepath.Join(base, configFile)
	old, oldErr := config.Load(cfgPath)
	if oldErr != nil && !errors.Is(oldErr, fs.ErrNotExist) {
		if !*f.reset {
			return nil, false, fmt.Errorf("%w\n(fix it with 'gaianet config', or run init with --reset to replace it)", oldErr)
		}
		old = nil
	}
	if old != nil && !*f.reset {
		edited := editedSinceInit(base)
		if !env.set["config"] {
			return old, edited, nil
		}
		if edited {
			return nil, false, fmt.Errorf("%s has edits of yours (%s); init keeps them unless you add --reset to replace the file with --config %s",
				cfgPath, strings.Join(changedFields(old, base, *f.config), ", "), *f.config)
		}
	}
	w := env.stdout
	switch src := *f.config; {
	case src == "default":
		cfg = config.Default()
	case src == "demo":
		fmt.Fprintln(w, "[0/4] demo: tiny random-weight models and a small knowledge base")
		if cfg, err = writeDemo(ctx, base, w); err != nil {
			return nil, false, err
		}
	case download.IsURL(src):
		tmp := filepath.Join(base, ".config-download.json")
		pol, err := outboundPolicy(nil)
		if err != nil {
			return nil, false, err
		}
		if _, err := download.File(ctx, src, tmp, download.Options{AllowHTML: false, Egress: pol, MaxBytes: 4 << 20}); err != nil {
			return nil, false, withOfflineHint(err, src, base)
		}
		cfg, err = config.Load(tmp)
		os.Remove(tmp)
		if err != nil {
			return nil, false, err
		}
	default:
		if cfg, err = config.Load(src); err != nil {
			return nil, false, err
		}
	}
	// Keep the identity a previous init recorded.
	if old != nil && old.Address != "" && cfg.Address == "" {
		cfg.Address = old.Address
	}
	return cfg, false, nil
}

// editedSinceInit reports whether config.json differs from what init last
// wrote there. A config.json init has no record of (written by GaiaNet's
// installer, or by hand) counts as edited.
func editedSinceInit(base string) bool {
	rec, err := os.ReadFile(filepath.Join(base, initRecord))
	if err != nil {
		return true
	}
	var r struct {
		SHA256 string `json:"config_sha256"`
	}
	if json.Unmarshal(rec, &r) != nil {
		return true
	}
	data, err := os.ReadFile(filepath.Join(base, configFile))
	if err != nil {
		return true
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:]) != r.SHA256
}

// changedFields lists the top-level fields of the config in base that differ
// from what init last wrote, or from the --config source when there is no
// record.
func changedFields(cur *config.Config, base, src string) []string {
	var ref *config.Config
	if b, err := os.ReadFile(filepath.Join(base, initRecord)); err == nil {
		var r struct {
			Config json.RawMessage `json:"config"`
		}
		if json.Unmarshal(b, &r) == nil {
			ref, _ = config.Decode(r.Config)
		}
	}
	if ref == nil && src == "default" {
		ref = config.Default()
	}
	if ref == nil {
		return []string{"the whole file"}
	}
	a, b := topLevel(cur), topLevel(ref)
	var out []string
	for k, v := range a {
		if !bytes.Equal(v, b[k]) {
			out = append(out, k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	if len(out) == 0 {
		return []string{"formatting only"}
	}
	return out
}

func topLevel(c *config.Config) map[string]json.RawMessage {
	m := map[string]json.RawMessage{}
	if b, err := c.Encode(); err == nil {
		json.Unmarshal(b, &m)
	}
	for k, v := range m {
		var buf bytes.Buffer
		if json.Compact(&buf, v) == nil {
			m[k] = buf.Bytes()
		}
	}
	return m
}

// saveInitConfig writes config.json and, when record is set, records its
// hash (and content), so that the next init can tell the user's edits from
// its own output. A config kept with the user's edits is not recorded.
func saveInitConfig(cfg *config.Config, base string, record bool) error {
	p := filepath.Join(base, configFile)
	if err := cfg.Save(p); err != nil {
		return err
	}
	if !record {
		return nil
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	sum := sha256.Sum256(data)
	rec, err := json.Marshal(map[string]any{"config_sha256": hex.EncodeToString(sum[:]), "config": json.RawMessage(data)})
	if err != nil {
		return err
	}
	return config.WriteFileAtomic(filepath.Join(base, initRecord), rec, 0o644)
}

// useLocalModels points the config at the GGUF files given with --chat and
// --embedding, after checking that each is a model of the right kind.
func useLocalModels(cfg *config.Config, f *initFlags, w io.Writer) error {
	if *f.chat != "" {
		p, arch, hasTemplate, err := checkGGUF(*f.chat, "--chat")
		if err != nil {
			return err
		}
		if isEmbeddingArch(arch) {
			return fmt.Errorf("--chat %s is an embedding model (%s), not a chat model; pass it as --embedding", *f.chat, arch)
		}
		if !model.Supported(arch) {
			why := ""
			if n := model.Needs(arch); n != "" {
				why = ": " + n
			}
			return fmt.Errorf("--chat %s: architecture %q is not supported%s (supported: %s)", *f.chat, arch, why, strings.Join(model.Architectures(), ", "))
		}
		cfg.Chat, cfg.ChatName = p, modelFileName(p)
		if hasTemplate {
			cfg.PromptTemplate = "gguf" // the model's own template
		}
		fmt.Fprintf(w, "      chat model: %s (%s, local)\n", p, arch)
	}
	if *f.embedding != "" {
		p, arch, _, err := checkGGUF(*f.embedding, "--embedding")
		if err != nil {
			return err
		}
		emb, _, err := embedding.Open(p, embedding.Options{})
		if err != nil {
			return fmt.Errorf("--embedding %s is not an embedding model this node can run (architecture %q): %w", *f.embedding, arch, err)
		}
		cfg.EmbeddingCtxSize = min(cfg.EmbeddingCtxSize, emb.MaxTokens())
		if cfg.EmbeddingCtxSize <= 0 {
			cfg.EmbeddingCtxSize = emb.MaxTokens()
		}
		cfg.EmbeddingBatchSize, cfg.EmbeddingUbatchSize = cfg.EmbeddingCtxSize, cfg.EmbeddingCtxSize
		emb.Close()
		cfg.Embedding, cfg.EmbeddingName = p, modelFileName(p)
		fmt.Fprintf(w, "      embedding model: %s (%s, local)\n", p, arch)
		if cfg.Snapshot != "" {
			// A snapshot's vectors come from the model it was made with.
			fmt.Fprintf(w, "      snapshot %s dropped: it was made with another embedding model; add documents with 'gaianet kb ingest'\n", cfg.Snapshot)
			cfg.Snapshot = ""
		}
	}
	return nil
}

// checkGGUF checks that path is a readable GGUF file and returns its
// absolute path, its architecture and whether it has a chat template.
func checkGGUF(path, flagName string) (abs, arch string, hasTemplate bool, err error) {
	abs, err = filepath.Abs(path)
	if err != nil {
		return "", "", false, err
	}
	gf, err := gguf.Open(abs)
	if err != nil {
		return "", "", false, fmt.Errorf("%s %s is not a GGUF model file: %w", flagName, path, err)
	}
	defer gf.Close()
	arch, _ = gf.Metadata.String("general.architecture")
	arch = strings.Clone(arch)
	_, hasTemplate = gf.Metadata.String("tokenizer.chat_template")
	return abs, arch, hasTemplate, nil
}

// isEmbeddingArch reports whether a GGUF architecture is an encoder-only
// embedding model.
func isEmbeddingArch(arch string) bool {
	switch arch {
	case "bert", "nomic-bert", "jina-bert-v2", "roberta", "xlm-roberta", "t5encoder":
		return true
	}
	return false
}

func modelFileName(p string) string { return strings.TrimSuffix(filepath.Base(p), filepath.Ext(p)) }

// withOfflineHint adds what to do when a download fails, most likely for
// want of network access.
func withOfflineHint(err error, ref, base string) error {
	if !download.IsURL(ref) || errors.Is(err, context.Canceled) {
		return err
	}
	host := ref
	if u, perr := url.Parse(ref); perr == nil {
		host = u.Hostname()
	}
	var dnsErr *net.DNSError
	var opErr *net.OpError
	switch {
	case errors.As(err, &dnsErr):
		err = fmt.Errorf("cannot download %s: the name %s does not resolve (no network access or DNS?): %w", ref, dnsErr.Name, dnsErr)
	case errors.As(err, &opErr) && opErr.Op == "dial":
		err = fmt.Errorf("cannot download %s: cannot connect to %s: %w", ref, host, opErr.Err)
	}
	return &hintError{err: err, hint: fmt.Sprintf("cannot download from %s. %s/config.json is written; without network access you can:\n"+
		"  gaianet init --base %s --config demo --reset                       # offline demo node, tiny random-weight models\n"+
		"  gaianet init --base %s --chat MODEL.gguf --embedding EMBED.gguf    # GGUF files you already have\n"+
		"or run the same command again when the network is back (downloads resume).", host, base, base, base)}
}

// reachable checks, before a download, that the host of rawURL resolves
// and accepts a connection (through the proxy when one is configured), so
// that a machine without network access hears so at once rather than after
// the download's retries, which are meant for transfers that break.
func reachable(ctx context.Context, pol *egress.Policy, rawURL string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return err
	}
	target := req.URL.Host
	if proxy, err := http.ProxyFromEnvironment(req); err == nil && proxy != nil {
		target = proxy.Host
	}
	if _, port, err := net.SplitHostPort(target); err != nil || port == "" {
		if req.URL.Scheme == "https" {
			target = net.JoinHostPort(target, "443")
		} else {
			target = net.JoinHostPort(target, "80")
		}
	}
	dctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	conn, err := pol.DialContext(10*time.Second)(dctx, "tcp", target)
	if err != nil {
		return fmt.Errorf("download: %s: %w", rawURL, err)
	}
	return conn.Close()
}

// hintError is an error followed by advice on what to do about it.
type hintError struct {
	err  error
	hint string
}

func (e *hintError) Error() string { return e.err.Error() + "\n\n" + e.hint }
func (e *hintError) Unwrap() error { return e.err }

// fetchModel makes the model named by ref available in base: downloads a URL
// (resuming a partial file), or checks a local path.
func fetchModel(ctx context.Context, env *cmdEnv, pol *egress.Policy, base, label, ref string) error {
	dst := node.ModelPath(base, ref)
	if !download.IsURL(ref) {
		if _, err := os.Stat(dst); err != nil {
			return fmt.Errorf("%s model: %w", label, err)
		}
		fmt.Fprintf(env.stdout, "      %s model: %s (local)\n", label, dst)
		return nil
	}
	if st, err := os.Stat(dst); err == nil && st.Size() > 0 {
		fmt.Fprintf(env.stdout, "      %s model: %s (already downloaded, %s)\n", label, dst, download.FormatBytes(st.Size()))
		return nil
	}
	if err := reachable(ctx, pol, ref); err != nil {
		return fmt.Errorf("%s model: %w", label, err)
	}
	bar := newProgressBar(env.stderr, "      "+filepath.Base(dst), "B")
	res, err := download.File(ctx, ref, dst, download.Options{Magic: "GGUF", Egress: pol, Progress: func(p download.Progress) {
		bar.update(p.Done, p.Total)
	}})
	bar.finish()
	if err != nil {
		return fmt.Errorf("%s model: %w", label, err)
	}
	fmt.Fprintf(env.stdout, "      %s model: %s (%s)\n", label, res.Path, download.FormatBytes(res.Size))
	return nil
}

// importSnapshot loads cfg.Snapshot, in Qdrant's format or the vector
// store's own, into the embedded vector store. A snapshot whose vectors do
// not fit the embedding model is refused: its knowledge could never be
// retrieved.
func importSnapshot(ctx context.Context, env *cmdEnv, base string, cfg *config.Config) error {
	if cfg.Snapshot == "" {
		fmt.Fprintln(env.stdout, "      no snapshot configured (add documents with 'gaianet kb ingest')")
		return nil
	}
	p := node.ModelPath(base, cfg.Snapshot)
	if download.IsURL(cfg.Snapshot) {
		pol, err := outboundPolicy(cfg)
		if err != nil {
			return err
		}
		bar := newProgressBar(env.stderr, "      "+filepath.Base(p), "B")
		_, err = download.File(ctx, cfg.Snapshot, p, download.Options{Egress: pol, Progress: func(pr download.Progress) { bar.update(pr.Done, pr.Total) }})
		bar.finish()
		if err != nil {
			return fmt.Errorf("snapshot: %w", err)
		}
	}
	si := snapshotImport{collection: cfg.EmbeddingCollectionName, model: node.ModelPath("", cfg.EmbeddingName), scratch: base, indent: "      "}
	if cfg.Embedding != "" {
		// The model was fetched in step 2; its dimension is in its header.
		emb, _, err := embedding.Open(node.ModelPath(base, cfg.Embedding), embedding.Options{})
		if err != nil {
			return fmt.Errorf("embedding model: %w", err)
		}
		si.dim = emb.Dim()
		emb.Close()
	}
	store, err := node.OpenVectorStore(ctx, cfg, base)
	if err != nil {
		return err
	}
	defer store.Close()
	if s, ok := store.(*vectorstore.Store); ok {
		return importSnapshotFile(ctx, env, s, p, si)
	}
	ps, ok := store.(pointStore)
	if !ok {
		return fmt.Errorf("snapshot: cannot load points into %T", store)
	}
	fmt.Fprintf(env.stdout, "      loading into the Qdrant cluster at %s\n", cfg.Ext.QdrantURL)
	return loadQdrantSnapshot(ctx, env, ps, p, si)
}
