package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/gaianet-go/gaianet/config"
	"github.com/gaianet-go/gaianet/demo"
	"github.com/gaianet-go/gaianet/embedding"
	"github.com/gaianet-go/gaianet/ingest"
	"github.com/gaianet-go/gaianet/kb"
	"github.com/gaianet-go/gaianet/node"
	"github.com/gaianet-go/gaianet/vectorstore"
)

// openKB opens the knowledge base of the node in base with its embedding
// model. The caller must call the returned close function.
func openKB(ctx context.Context, base string, cfg *config.Config, collection string) (*kb.KB, func(), error) {
	if cfg.Embedding == "" {
		return nil, nil, errors.New("the config names no embedding model; set one with 'gaianet config --embedding-url'")
	}
	p := node.ModelPath(base, cfg.Embedding)
	emb, tok, err := embedding.Open(p, embedding.Options{MaxTokens: cfg.EmbeddingCtxSize})
	if err != nil {
		return nil, nil, fmt.Errorf("embedding model: %w", err)
	}
	store, err := node.OpenVectorStore(ctx, cfg, base)
	if err != nil {
		emb.Close()
		return nil, nil, err
	}
	if collection == "" {
		collection = cfg.EmbeddingCollectionName
	}
	k := &kb.KB{Store: store, Embedder: emb, ModelName: node.ModelPath("", cfg.EmbeddingName), Collection: collection,
		Chunker: kb.NewChunker(tok, emb.MaxTokens(), 0)}
	return k, func() { store.Close(); emb.Close() }, nil
}

type kbFlags struct {
	base       *string
	collection *string
	limit      *int
	threshold  *float64
	jsonOut    *bool
	chunk      *int
	overlap    *int
}

func kbFlagSet(fs *flag.FlagSet) any {
	return &kbFlags{
		base:       baseFlag(fs),
		collection: fs.String("collection", "", "collection (default: embedding_collection_name from config.json)"),
		limit:      fs.Int("limit", 5, "search: number of results"),
		threshold:  fs.Float64("threshold", 0, "search: minimum similarity"),
		jsonOut:    fs.Bool("json", false, "print JSON"),
		chunk:      fs.Int("chunk-tokens", 0, "ingest: chunk size in tokens (default 256, at most the embedding context)"),
		overlap:    fs.Int("overlap-tokens", -1, "ingest: overlap between chunks in tokens (default 32)"),
	}
}

func kbCommand() *command {
	sub := func(name, summary, usage string, run func(ctx context.Context, env *cmdEnv, k *kb.KB, f *kbFlags, args []string) error) *command {
		return &command{name: name, summary: summary, usage: usage, flags: kbFlagSet,
			run: func(ctx context.Context, env *cmdEnv, args []string) error {
				f := env.flags.(*kbFlags)
				cfg, err := loadConfig(*f.base)
				if err != nil {
					return err
				}
				k, closeKB, err := openKB(ctx, *f.base, cfg, *f.collection)
				if err != nil {
					return err
				}
				defer closeKB()
				return run(ctx, env, k, f, args)
			}}
	}
	return &command{name: "kb", summary: "manage the knowledge base: ingest, list, search, delete, export, import",
		children: []*command{
			sub("ingest", "add documents (txt, md, csv, pdf, html, URLs, folders)", "[flags] PATH|URL...", runKBIngest),
			sub("list", "list the documents in the knowledge base", "[flags]", runKBList),
			sub("stats", "show collection statistics", "[flags]", runKBStats),
			sub("search", "search the knowledge base", "[flags] QUERY", runKBSearch),
			sub("delete", "remove a document's chunks", "[flags] SOURCE...", runKBDelete),
			sub("export", "write the collection as a snapshot file", "[flags] FILE", runKBExport),
			sub("import", "load a snapshot file into the collection, replacing it: an export of this node or a Qdrant snapshot (.snapshot, .snapshot.tar.gz)", "[flags] FILE", runKBImport),
		}}
}

func runKBIngest(ctx context.Context, env *cmdEnv, k *kb.KB, f *kbFlags, args []string) error {
	if len(args) == 0 {
		return usagef("kb ingest needs at least one file, folder or URL")
	}
	if *f.chunk > 0 {
		k.Chunker.Size = *f.chunk
	}
	if *f.overlap >= 0 {
		k.Chunker.Overlap = *f.overlap
	}
	bar := newProgressBar(env.stderr, "ingesting", "files")
	k.Progress = func(p ingest.Progress) {
		if p.Err != nil {
			bar.finish()
			fmt.Fprintf(env.stderr, "  failed: %v\n", p.Err)
		}
		bar.update(int64(p.Done), int64(p.Total))
	}
	rep, err := k.Ingest(ctx, args...)
	bar.finish()
	if rep != nil {
		fmt.Fprintf(env.stdout, "%d added, %d replaced, %d unchanged, %d failed; %d chunks written to %q\n",
			rep.Added, rep.Replaced, rep.Unchanged, rep.Failed, rep.Chunks, k.Collection)
	}
	if err != nil {
		return fmt.Errorf("some inputs failed:\n%w", err)
	}
	return nil
}

func runKBList(ctx context.Context, env *cmdEnv, k *kb.KB, f *kbFlags, args []string) error {
	srcs, err := k.Sources(ctx)
	if err != nil {
		return err
	}
	if *f.jsonOut {
		return json.NewEncoder(env.stdout).Encode(srcs)
	}
	names := make([]string, 0, len(srcs))
	for s := range srcs {
		names = append(names, s)
	}
	sort.Strings(names)
	for _, s := range names {
		fmt.Fprintf(env.stdout, "%6d chunks  %s\n", srcs[s], s)
	}
	fmt.Fprintf(env.stdout, "%d documents in %q\n", len(names), k.Collection)
	return nil
}

func runKBStats(ctx context.Context, env *cmdEnv, k *kb.KB, f *kbFlags, args []string) error {
	info, err := k.Store.CollectionInfo(k.Collection)
	if err != nil {
		return err
	}
	if *f.jsonOut {
		return json.NewEncoder(env.stdout).Encode(info)
	}
	fmt.Fprintf(env.stdout, "collection:      %s\npoints:          %d\ndimension:       %d\ndistance:        %s\nembedding model: %s\n",
		info.Name, info.Points, info.Config.Dim, info.Config.Distance, info.Config.EmbeddingModel)
	return nil
}

func runKBSearch(ctx context.Context, env *cmdEnv, k *kb.KB, f *kbFlags, args []string) error {
	if len(args) == 0 {
		return usagef("kb search needs a query")
	}
	hits, err := k.Search(ctx, strings.Join(args, " "), *f.limit, *f.threshold)
	if err != nil {
		return err
	}
	if *f.jsonOut {
		return json.NewEncoder(env.stdout).Encode(hits)
	}
	for i, h := range hits {
		fmt.Fprintf(env.stdout, "%d. [%.4f] %s\n   %s\n", i+1, h.Score, h.Source, strings.ReplaceAll(h.Text, "\n", "\n   "))
	}
	if len(hits) == 0 {
		fmt.Fprintln(env.stdout, "no results")
	}
	return nil
}

func runKBDelete(ctx context.Context, env *cmdEnv, k *kb.KB, f *kbFlags, args []string) error {
	if len(args) == 0 {
		return usagef("kb delete needs the source of at least one document (see 'gaianet kb list')")
	}
	for _, s := range args {
		n, err := k.DeleteSource(ctx, s)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "%s: %d chunks removed\n", s, n)
	}
	return nil
}

func runKBExport(ctx context.Context, env *cmdEnv, k *kb.KB, f *kbFlags, args []string) error {
	if len(args) != 1 {
		return usagef("kb export needs one output file")
	}
	store, err := embedded(k)
	if err != nil {
		return err
	}
	tmp := args[0] + ".tmp"
	out, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if err := store.ExportSnapshot(ctx, k.Collection, out); err != nil {
		out.Close()
		os.Remove(tmp)
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, args[0]); err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "collection %q written to %s\n", k.Collection, args[0])
	return nil
}

func runKBImport(ctx context.Context, env *cmdEnv, k *kb.KB, f *kbFlags, args []string) error {
	if len(args) != 1 {
		return usagef("kb import needs one snapshot file")
	}
	si := snapshotImport{collection: k.Collection, model: k.ModelName, dim: k.Embedder.Dim(), scratch: filepath.Dir(args[0])}
	if store, ok := k.Store.(*vectorstore.Store); ok {
		return importSnapshotFile(ctx, env, store, args[0], si)
	}
	// An external Qdrant cluster takes a Qdrant snapshot's points batch by
	// batch.
	if ps, ok := k.Store.(pointStore); ok {
		return loadQdrantSnapshot(ctx, env, ps, args[0], si)
	}
	return fmt.Errorf("cannot import snapshots into %T", k.Store)
}

// embedded returns the knowledge base's embedded store, which exports
// snapshot files (an external Qdrant has its own snapshot API).
func embedded(k *kb.KB) (*vectorstore.Store, error) {
	s, ok := k.Store.(*vectorstore.Store)
	if !ok {
		return nil, errors.New("snapshot exports work with the embedded vector store only; use Qdrant's snapshot API for an external cluster")
	}
	return s, nil
}

// demoDescription marks the demo node's config.
const demoDescription = "GaiaNet demo node: tiny random-weight models, answers are noise"

// writeDemo writes the demo models and knowledge base into base and returns
// the demo config.
func writeDemo(ctx context.Context, base string, w io.Writer) (*config.Config, error) {
	fmt.Fprintln(w, "      writing the demo models (random weights; no download)")
	if _, _, err := demo.WriteModels(base); err != nil {
		return nil, err
	}
	cfg := config.Default()
	cfg.Description = demoDescription
	cfg.Chat, cfg.ChatName = demo.ChatFile, "demo-chat"
	cfg.ChatCtxSize, cfg.ChatBatchSize, cfg.ChatUbatchSize = 2048, 128, 128
	cfg.PromptTemplate = "chatml"
	cfg.Embedding, cfg.EmbeddingName = demo.EmbeddingFile, "demo-embedding"
	cfg.EmbeddingCtxSize, cfg.EmbeddingBatchSize, cfg.EmbeddingUbatchSize = 512, 512, 512
	cfg.QdrantLimit, cfg.QdrantScoreThreshold = 2, 0
	cfg.RAGPrompt = "Use the following context to answer the question."
	cfg.ApplyDefaults()

	dir := filepath.Join(base, demo.KBDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	err := fs.WalkDir(demo.Knowledge, "kb", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := demo.Knowledge.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, filepath.Base(p)), b, 0o644)
	})
	if err != nil {
		return nil, err
	}
	k, closeKB, err := openKB(ctx, base, cfg, "")
	if err != nil {
		return nil, err
	}
	defer closeKB()
	rep, err := k.Ingest(ctx, dir)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(w, "      demo knowledge base: %d documents, %d chunks\n", rep.Added+rep.Replaced+rep.Unchanged, rep.Chunks)
	return cfg, nil
}
