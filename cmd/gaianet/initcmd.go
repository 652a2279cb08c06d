package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/gaianet-go/gaianet/config"
	"github.com/gaianet-go/gaianet/download"
	"github.com/gaianet-go/gaianet/egress"
	"github.com/gaianet-go/gaianet/embedding"
	"github.com/gaianet-go/gaianet/identity"
	"github.com/gaianet-go/gaianet/node"
	"github.com/gaianet-go/gaianet/vectorstore"
	"github.com/gaianet-go/gaianet/vectorstore/qdrantsnap"
)

type initFlags struct {
	base   *string
	config *string
	light  *bool
}

func initCommand() *command {
	return &command{name: "init", summary: "set up a node: config, models, knowledge base, identity",
		usage: "[--config default|demo|PATH|URL] [--base DIR]",
		help: "Writes DIR/config.json, downloads the chat and embedding models it names (with a\n" +
			"progress bar; an interrupted download resumes), imports the knowledge-base\n" +
			"snapshot, and creates the node's identity: an Ethereum key in an encrypted\n" +
			"keystore (password in nodeid.json), whose address is the node ID, and a device ID.\n\n" +
			"--config default  GaiaNet's default config (its models from Hugging Face)\n" +
			"--config demo     tiny random-weight models made on the spot, no network needed;\n" +
			"                  answers are noise, but every part of the node works\n" +
			"--config PATH|URL a config.json (for example one of GaiaNet's node-configs presets)\n\n" +
			"Running init again keeps the identity and skips models already downloaded.",
		flags: func(fs *flag.FlagSet) any {
			return &initFlags{
				base:   baseFlag(fs),
				config: fs.String("config", "default", "default, demo, or a path or URL of a config.json"),
				light:  fs.Bool("light-keystore", false, "encrypt the keystore with light scrypt parameters (fast; for tests and small devices)"),
			}
		},
		run: runInit,
	}
}

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
	var cfg *config.Config
	switch src := *f.config; {
	case src == "default":
		cfg = config.Default()
	case src == "demo":
		fmt.Fprintln(w, "[0/4] demo: tiny random-weight models and a small knowledge base")
		if cfg, err = writeDemo(ctx, base, w); err != nil {
			return err
		}
	case download.IsURL(src):
		tmp := filepath.Join(base, ".config-download.json")
		pol, err := outboundPolicy(nil)
		if err != nil {
			return err
		}
		if _, err := download.File(ctx, src, tmp, download.Options{AllowHTML: false, Egress: pol, MaxBytes: 4 << 20}); err != nil {
			return err
		}
		cfg, err = config.Load(tmp)
		os.Remove(tmp)
		if err != nil {
			return err
		}
	default:
		if cfg, err = config.Load(src); err != nil {
			return err
		}
	}
	cfgPath := filepath.Join(base, configFile)
	// Keep the identity a previous init recorded.
	if old, err := config.Load(cfgPath); err == nil && old.Address != "" && cfg.Address == "" {
		cfg.Address = old.Address
	}
	check := cfg.Clone()
	check.ApplyDefaults()
	if err := check.Validate(); err != nil {
		return fmt.Errorf("config %s: %w", *f.config, err)
	}
	fmt.Fprintf(w, "[1/4] config: %s\n", cfgPath)

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
			return err
		}
	}

	fmt.Fprintln(w, "[3/4] knowledge base")
	if *f.config == "demo" {
		fmt.Fprintln(w, "      the demo documents were ingested above")
	} else if err := importSnapshot(ctx, env, base, check); errors.Is(err, qdrantsnap.ErrUnsupported) {
		// The node still runs, answering without its knowledge base.
		fmt.Fprintf(env.stderr, "      warning: %v\n      the node will answer without this knowledge base until you rebuild it from its documents\n"+
			"      with 'gaianet kb ingest' (or keep it in a Qdrant cluster: gaianet_go.qdrant_url)\n", err)
	} else if err != nil {
		return err
	}

	fmt.Fprintln(w, "[4/4] identity")
	opts := identity.Options{}
	if *f.light {
		opts = identity.LightScrypt()
	}
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
	cfg.Address = id.NodeID()
	if err := cfg.Save(cfgPath); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nThe node is ready. Start it with:\n  gaianet start --base %s\n", base)
	if *f.config == "demo" {
		fmt.Fprintln(w, "\nThis is the demo node: its models have random weights, so its answers are noise.\n"+
			"Use it to try the API, the chat page and the knowledge base offline.")
	}
	return nil
}

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
