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
	pol, err := outboundPolicy(cfg)
	if err != nil {
		store.Close()
		emb.Close()
		return nil, nil, err
	}
	k := &kb.KB{Store: store, Embedder: emb, ModelName: node.ModelPath("", cfg.EmbeddingName), Collection: collection,
		Chunker: kb.NewChunker(tok, emb.MaxTokens(), 0), Fetcher: ingest.Fetcher{Egress: pol}}
	return k, func() { store.Close(); emb.Close() }, nil
}

// kbFlags are the flags of the kb subcommands; each subcommand defines the
// ones it reads (the others stay nil).
type kbFlags struct {
	base       *string
	collection *string
	jsonOut    *bool
	limit      *int
	threshold  *float64
	chunk      *int
	overlap    *int
	csv        *string
}

// kbFlagSet returns the flag definitions of a kb subcommand: the common
// ones plus those extra names.
func kbFlagSet(extra ...string) func(fs *flag.FlagSet) any {
	return func(fs *flag.FlagSet) any {
		f := &kbFlags{
			base:       baseFlag(fs),
			collection: fs.String("collection", "", "collection (default: embedding_collection_name from config.json)"),
		}
		for _, name := range extra {
			switch name {
			case "json":
				f.jsonOut = fs.Bool("json", false, "print JSON")
			case "limit":
				f.limit = fs.Int("limit", 5, "number of results")
			case "threshold":
				f.threshold = fs.Float64("threshold", 0, "minimum similarity of a result (0 to 1)")
			case "chunk-tokens":
				f.chunk = fs.Int("chunk-tokens", 0, "chunk size in tokens (default 256, at most the embedding context)")
			case "overlap-tokens":
				f.overlap = fs.Int("overlap-tokens", -1, "overlap between chunks in tokens; -1 means 32, or a quarter of a chunk when smaller")
			case "csv":
				f.csv = fs.String("csv", "table", "how CSV rows become chunks: table (header row; every column kept as 'name: value')\n"+
					"or gaianet (GaiaNet's csv_embed rule: column 1 stored, column 2 embedded, others ignored)")
			}
		}
		return f
	}
}

// kbTarget is the knowledge base a kb subcommand works on: the running
// node's, through its API (the node holds the store's lock), or the store
// on disk when no node runs.
type kbTarget struct {
	base       string
	cfg        *config.Config
	collection string
	remote     *nodeClient // set when a node runs from base
	local      *kb.KB      // set otherwise
}

const kbHelp = "Works whether the node is stopped (on the files in DIR) or running (through the\n" +
	"node's API on llamaedge_port, with its API key when api_keys are set)."

func kbCommand() *command {
	sub := func(name, summary, usage, help string, flags []string, run func(ctx context.Context, env *cmdEnv, t *kbTarget, f *kbFlags, args []string) error) *command {
		return &command{name: name, summary: summary, usage: usage, help: help + "\n\n" + kbHelp, flags: kbFlagSet(flags...),
			run: func(ctx context.Context, env *cmdEnv, args []string) error {
				f := env.flags.(*kbFlags)
				cfg, err := loadConfig(*f.base)
				if err != nil {
					return err
				}
				t := &kbTarget{base: *f.base, cfg: cfg, collection: *f.collection}
				if t.collection == "" {
					t.collection = cfg.EmbeddingCollectionName
				}
				// A pid whose process does not answer may not be a node at
				// all (a stale pid file): then the store itself decides.
				t.remote, err = runningNode(ctx, *f.base, cfg)
				if t.remote == nil {
					k, closeKB, kerr := openKB(ctx, *f.base, cfg, t.collection)
					if kerr != nil && err != nil {
						return fmt.Errorf("%w\n(and the knowledge base cannot be opened directly: %v)", err, kerr)
					}
					if kerr != nil {
						return kerr
					}
					defer closeKB()
					t.local = k
				}
				return run(ctx, env, t, f, args)
			}}
	}
	return &command{name: "kb", summary: "manage the knowledge base: ingest, list, search, delete, export, import",
		children: []*command{
			sub("ingest", "add documents (txt, md, csv, pdf, html, URLs, folders)", "[flags] PATH|URL...",
				"Adds files, folders (walked recursively) and web pages to the knowledge base.\n"+
					"A document already there with the same content is skipped; a changed one is replaced.\n"+
					"CSV files: the first row names the columns and each later row becomes one chunk\n"+
					"keeping every column; --csv gaianet reads them as GaiaNet's csv_embed does.",
				[]string{"chunk-tokens", "overlap-tokens", "csv"}, runKBIngest),
			sub("list", "list the documents in the knowledge base", "[flags]",
				"Lists the documents with their chunk counts and ids.", []string{"json"}, runKBList),
			sub("stats", "show collection statistics", "[flags]",
				"Shows the collection's documents, points, dimension and embedding model.", []string{"json"}, runKBStats),
			sub("search", "search the knowledge base", "[flags] QUERY",
				"Shows the chunks closest to QUERY, as a chat question would retrieve them.", []string{"limit", "threshold", "json"}, runKBSearch),
			sub("delete", "remove a document's chunks", "[flags] DOCUMENT...",
				"Removes documents, each named by its id, its source as ingested, or its name\n(see 'gaianet kb list').", nil, runKBDelete),
			sub("export", "write the collection as a snapshot file", "[flags] FILE",
				"Writes the collection to FILE as a snapshot that 'gaianet kb import' reads.", nil, runKBExport),
			sub("import", "load a snapshot file into the collection, replacing it: an export of this node or a Qdrant snapshot (.snapshot, .snapshot.tar.gz)", "[flags] FILE",
				"Replaces the collection with the snapshot in FILE: an export of this node or a\nQdrant snapshot (.snapshot, .snapshot.tar.gz).", nil, runKBImport),
		}}
}

func runKBIngest(ctx context.Context, env *cmdEnv, t *kbTarget, f *kbFlags, args []string) error {
	if len(args) == 0 {
		return usagef("kb ingest needs at least one file, folder or URL")
	}
	mode, err := ingest.ParseCSVMode(*f.csv)
	if err != nil {
		return usagef("--csv: %v", err)
	}
	bar := newProgressBar(env.stderr, "ingesting", "files")
	progress := func(p ingest.Progress) {
		if p.Err != nil {
			bar.finish()
			fmt.Fprintf(env.stderr, "  failed: %v\n", p.Err)
		}
		bar.update(int64(p.Done), int64(p.Total))
	}
	var rep *kb.Report
	if t.remote != nil {
		rep, err = t.remote.ingest(ctx, t.collection, args, remoteIngestOptions{csv: mode, chunk: *f.chunk, overlap: *f.overlap}, progress)
	} else {
		k := t.local
		if *f.chunk > 0 {
			k.Chunker.Size = *f.chunk
		}
		if *f.overlap >= 0 {
			k.Chunker.Overlap = *f.overlap
		}
		k.Parse.CSV = mode
		k.Progress = progress
		rep, err = k.Ingest(ctx, args...)
	}
	bar.finish()
	if rep != nil {
		fmt.Fprintf(env.stdout, "%d added, %d replaced, %d unchanged, %d failed; %d chunks written to %q\n",
			rep.Added, rep.Replaced, rep.Unchanged, rep.Failed, rep.Chunks, t.collection)
	}
	if err != nil {
		return fmt.Errorf("some inputs failed:\n%w", err)
	}
	return nil
}

// kbDocument is a document as kb list shows it.
type kbDocument struct {
	Source     string `json:"source,omitempty"` // as ingested; offline only
	Document   string `json:"document"`
	DocumentID string `json:"document_id"`
	Chunks     int    `json:"chunks"`
}

func (t *kbTarget) documents(ctx context.Context) ([]kbDocument, error) {
	if t.remote != nil {
		return t.remote.documents(ctx, t.collection)
	}
	srcs, err := t.local.Sources(ctx)
	if err != nil {
		return nil, err
	}
	docs := make([]kbDocument, 0, len(srcs))
	for s, n := range srcs {
		name, id := node.DocumentRef(t.base, s)
		docs = append(docs, kbDocument{Source: s, Document: name, DocumentID: id, Chunks: n})
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].Source < docs[j].Source })
	return docs, nil
}

func runKBList(ctx context.Context, env *cmdEnv, t *kbTarget, f *kbFlags, args []string) error {
	if len(args) > 0 {
		return usagef("kb list takes no arguments")
	}
	docs, err := t.documents(ctx)
	if err != nil {
		return err
	}
	if *f.jsonOut {
		return json.NewEncoder(env.stdout).Encode(docs)
	}
	for _, d := range docs {
		name := d.Source
		if name == "" {
			name = d.Document
		}
		fmt.Fprintf(env.stdout, "%6d chunks  %-21s  %s\n", d.Chunks, d.DocumentID, name)
	}
	fmt.Fprintf(env.stdout, "%d documents in %q\n", len(docs), t.collection)
	return nil
}

func runKBStats(ctx context.Context, env *cmdEnv, t *kbTarget, f *kbFlags, args []string) error {
	if len(args) > 0 {
		return usagef("kb stats takes no arguments")
	}
	var (
		st  kb.Stats
		err error
	)
	if t.remote != nil {
		st, err = t.remote.stats(ctx, t.collection)
	} else {
		st, err = t.local.Stats(ctx)
	}
	if err != nil {
		return err
	}
	if *f.jsonOut {
		return json.NewEncoder(env.stdout).Encode(st)
	}
	empty := ""
	if !st.Exists {
		empty = " (empty: add documents with 'gaianet kb ingest')"
	}
	fmt.Fprintf(env.stdout, "collection:      %s%s\ndocuments:       %d\npoints:          %d\ndimension:       %d\n",
		st.Collection, empty, st.Documents, st.Points, st.Dim)
	if st.Distance != "" {
		fmt.Fprintf(env.stdout, "distance:        %s\n", st.Distance)
	}
	fmt.Fprintf(env.stdout, "embedding model: %s\n", st.EmbeddingModel)
	return nil
}

func runKBSearch(ctx context.Context, env *cmdEnv, t *kbTarget, f *kbFlags, args []string) error {
	if len(args) == 0 {
		return usagef("kb search needs a query")
	}
	query := strings.Join(args, " ")
	var hits []node.SearchHit
	if t.remote != nil {
		var err error
		if hits, err = t.remote.search(ctx, t.collection, query, *f.limit, *f.threshold); err != nil {
			return err
		}
	} else {
		chunks, err := t.local.Search(ctx, query, *f.limit, *f.threshold)
		if err != nil && !errors.Is(err, vectorstore.ErrNotFound) {
			return err
		}
		for _, c := range chunks {
			name, id := node.DocumentRef(t.base, c.Source)
			hits = append(hits, node.SearchHit{Text: c.Text, Document: name, DocumentID: id, Score: c.Score})
		}
	}
	if *f.jsonOut {
		if hits == nil {
			hits = []node.SearchHit{}
		}
		return json.NewEncoder(env.stdout).Encode(hits)
	}
	for i, h := range hits {
		fmt.Fprintf(env.stdout, "%d. [%.4f] %s (%s)\n   %s\n", i+1, h.Score, h.Document, h.DocumentID, strings.ReplaceAll(h.Text, "\n", "\n   "))
	}
	if len(hits) == 0 {
		fmt.Fprintln(env.stdout, "no results")
	}
	return nil
}

// resolveDocument finds the document a user names: by id, by source as
// ingested, or by name when only one document has it.
func resolveDocument(docs []kbDocument, base, ref string) (kbDocument, error) {
	_, refID := node.DocumentRef(base, ref)
	var byName []kbDocument
	for _, d := range docs {
		switch {
		case d.DocumentID == ref, d.Source != "" && d.Source == ref, d.DocumentID == refID:
			return d, nil
		case d.Document == ref:
			byName = append(byName, d)
		}
	}
	switch len(byName) {
	case 1:
		return byName[0], nil
	case 0:
		return kbDocument{}, fmt.Errorf("no document %q in the knowledge base (see 'gaianet kb list')", ref)
	}
	return kbDocument{}, fmt.Errorf("%d documents are named %q; name one by its id (see 'gaianet kb list')", len(byName), ref)
}

func runKBDelete(ctx context.Context, env *cmdEnv, t *kbTarget, f *kbFlags, args []string) error {
	if len(args) == 0 {
		return usagef("kb delete needs at least one document: its id, source or name (see 'gaianet kb list')")
	}
	docs, err := t.documents(ctx)
	if err != nil {
		return err
	}
	for _, ref := range args {
		d, err := resolveDocument(docs, t.base, ref)
		if err != nil {
			return err
		}
		var n int
		if t.remote != nil {
			n, err = t.remote.deleteDocument(ctx, t.collection, d.DocumentID)
		} else {
			n, err = t.local.DeleteSource(ctx, d.Source)
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "%s: %d chunks removed\n", ref, n)
	}
	return nil
}

func runKBExport(ctx context.Context, env *cmdEnv, t *kbTarget, f *kbFlags, args []string) error {
	if len(args) != 1 {
		return usagef("kb export needs one output file")
	}
	tmp := args[0] + ".tmp"
	out, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if t.remote != nil {
		err = t.remote.export(ctx, t.collection, out)
	} else {
		var store *vectorstore.Store
		if store, err = embedded(t.local); err == nil {
			err = store.ExportSnapshot(ctx, t.collection, out)
		}
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, args[0]); err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "collection %q written to %s\n", t.collection, args[0])
	return nil
}

func runKBImport(ctx context.Context, env *cmdEnv, t *kbTarget, f *kbFlags, args []string) error {
	if len(args) != 1 {
		return usagef("kb import needs one snapshot file")
	}
	if t.remote != nil {
		st, err := t.remote.importSnapshot(ctx, t.collection, args[0], env.stderr)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "imported %d points into collection %q\n", st.Points, t.collection)
		return nil
	}
	k := t.local
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
