package kb

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"

	"github.com/gaianet-go/gaianet/ingest"
	"github.com/gaianet-go/gaianet/rag"
	"github.com/gaianet-go/gaianet/vectorstore"
)

// Embedder embeds texts; *embedding.Model implements it.
type Embedder interface {
	Embed(ctx context.Context, texts []string) ([][]float32, int, error)
	Dim() int
}

// Store is the vector storage a knowledge base lives in: the embedded
// *vectorstore.Store, or an external Qdrant cluster.
type Store interface {
	CollectionInfo(name string) (vectorstore.CollectionInfo, error)
	CreateCollection(ctx context.Context, name string, cfg vectorstore.CollectionConfig) error
	Upsert(ctx context.Context, collection string, points []vectorstore.Point) error
	DeleteByFilter(ctx context.Context, collection string, f *vectorstore.Filter) (int, error)
	Scroll(ctx context.Context, collection string, req vectorstore.ScrollRequest) (vectorstore.ScrollResult, error)
	Search(ctx context.Context, collection string, req vectorstore.SearchRequest) ([]vectorstore.ScoredPoint, error)
}

var _ Store = (*vectorstore.Store)(nil)

// NewChunker returns the chunker for an embedding model that reads at most
// maxTokens tokens: chunks of size tokens (0 means ingest.DefaultChunkTokens),
// never more than the model reads once its two special tokens are added, and
// an overlap of ingest.DefaultOverlapTokens or a quarter of a chunk, whichever
// is smaller.
func NewChunker(counter ingest.TokenCounter, maxTokens, size int) ingest.Chunker {
	if size <= 0 {
		size = ingest.DefaultChunkTokens
	}
	size = min(size, maxTokens-2)
	return ingest.Chunker{Counter: counter, Size: size, Overlap: min(ingest.DefaultOverlapTokens, size/4)}
}

// Payload keys beyond rag's.
const payloadIndex = "index"

// KB is a knowledge-base collection with the model that embeds into it.
type KB struct {
	Store      Store
	Embedder   Embedder
	ModelName  string // recorded in the collection; imports check it
	Collection string
	// Chunker cuts documents; its Counter should be the embedding model's
	// tokenizer.
	Chunker ingest.Chunker
	// Fetcher fetches URL inputs.
	Fetcher ingest.Fetcher
	// Parse tunes the parsers (how CSV records become chunks).
	Parse ingest.ParseOptions
	// Progress receives a report after each input.
	Progress func(ingest.Progress)
	// EmbedBatch is how many chunks are embedded per call; 0 means 32.
	EmbedBatch int
}

// Report summarizes an Ingest call.
type Report struct {
	Added, Replaced, Unchanged, Failed int
	Chunks                             int
	Results                            []ingest.Result
}

// ensureCollection creates the collection when it does not exist and checks
// its dimension when it does.
func (k *KB) ensureCollection(ctx context.Context) error {
	info, err := k.Store.CollectionInfo(k.Collection)
	if err == nil {
		if info.Config.Dim != k.Embedder.Dim() {
			return fmt.Errorf("kb: collection %q holds %d-dimensional vectors, the embedding model makes %d",
				k.Collection, info.Config.Dim, k.Embedder.Dim())
		}
		return nil
	}
	if !errors.Is(err, vectorstore.ErrNotFound) {
		return err
	}
	return k.Store.CreateCollection(ctx, k.Collection, vectorstore.CollectionConfig{
		Dim: k.Embedder.Dim(), Distance: vectorstore.Cosine, EmbeddingModel: k.ModelName})
}

func fileFilter(source string) *vectorstore.Filter {
	return &vectorstore.Filter{Must: []vectorstore.Condition{{Key: rag.PayloadFile, Match: &vectorstore.Match{Value: source}}}}
}

// storedHash returns the content hash recorded for source, or "".
func (k *KB) storedHash(ctx context.Context, source string) (string, error) {
	res, err := k.Store.Scroll(ctx, k.Collection, vectorstore.ScrollRequest{Limit: 1, Filter: fileFilter(source),
		With: vectorstore.With{WithPayload: true}})
	if err != nil || len(res.Points) == 0 {
		return "", err
	}
	h, _ := res.Points[0].Payload[rag.PayloadHash].(string)
	return h, nil
}

// Ingest adds inputs (files, directories, URLs) to the collection. A failing
// input is reported in its Result and the rest continue; the returned error
// joins the failures.
func (k *KB) Ingest(ctx context.Context, inputs ...string) (*Report, error) {
	if err := k.ensureCollection(ctx); err != nil {
		return nil, err
	}
	rep := &Report{}
	known := map[string]bool{} // sources already in the collection
	in := &ingest.Ingester{Chunker: k.Chunker, Fetcher: k.Fetcher, Progress: k.Progress, Parse: k.Parse,
		Skip: func(source, hash string) bool {
			old, err := k.storedHash(ctx, source)
			if err != nil || old == "" {
				return false
			}
			known[source] = true
			return old == hash
		}}
	results, ingestErr := in.Ingest(ctx, inputs...)
	rep.Results = results
	var errs []error
	if ingestErr != nil {
		errs = append(errs, ingestErr)
	}
	for i := range results {
		r := &results[i]
		switch {
		case r.Err != nil:
			rep.Failed++
			continue
		case r.Skipped:
			rep.Unchanged++
			continue
		}
		if err := k.store(ctx, r.Doc, known[r.Source]); err != nil {
			r.Err = err
			rep.Failed++
			errs = append(errs, fmt.Errorf("%s: %w", r.Source, err))
			continue
		}
		rep.Chunks += len(r.Doc.Chunks)
		if known[r.Source] {
			rep.Replaced++
		} else {
			rep.Added++
		}
	}
	return rep, errors.Join(errs...)
}

// pointID derives a stable UUID for chunk i of source.
func pointID(source string, i int) vectorstore.PointID {
	sum := sha256.Sum256(fmt.Appendf(nil, "%s\x00%d", source, i))
	var u [16]byte
	copy(u[:], sum[:16])
	u[6] = u[6]&0x0f | 0x50 // version 5 style: name-based
	u[8] = u[8]&0x3f | 0x80
	return vectorstore.UUIDID(u)
}

// store embeds doc's chunks and writes them, replacing the document's old
// chunks when it was known.
func (k *KB) store(ctx context.Context, doc *ingest.Document, replace bool) error {
	batch := k.EmbedBatch
	if batch <= 0 {
		batch = 32
	}
	points := make([]vectorstore.Point, 0, len(doc.Chunks))
	for start := 0; start < len(doc.Chunks); start += batch {
		end := min(start+batch, len(doc.Chunks))
		texts := make([]string, 0, end-start)
		for _, c := range doc.Chunks[start:end] {
			texts = append(texts, c.EmbedText)
		}
		vecs, _, err := k.Embedder.Embed(ctx, texts)
		if err != nil {
			return fmt.Errorf("embed: %w", err)
		}
		for j, c := range doc.Chunks[start:end] {
			payload := map[string]any{rag.PayloadText: c.Text, rag.PayloadFile: doc.Source, rag.PayloadHash: doc.Hash,
				payloadIndex: c.Index}
			if c.Heading != "" {
				payload[rag.PayloadHeading] = c.Heading
			}
			points = append(points, vectorstore.Point{ID: pointID(doc.Source, c.Index), Vector: vecs[j], Payload: payload})
		}
	}
	if replace {
		if _, err := k.Store.DeleteByFilter(ctx, k.Collection, fileFilter(doc.Source)); err != nil {
			return err
		}
	}
	if len(points) == 0 {
		return nil
	}
	return k.Store.Upsert(ctx, k.Collection, points)
}

// Search returns the chunks closest to query.
func (k *KB) Search(ctx context.Context, query string, limit int, threshold float64) ([]rag.Chunk, error) {
	r := rag.Retriever{Embedder: k.Embedder, Vectors: k.Store}
	return r.Retrieve(ctx, rag.Query{Text: query, Collections: []string{k.Collection}, Limit: limit, Threshold: threshold})
}

// DeleteSource removes every chunk of a document and returns how many.
func (k *KB) DeleteSource(ctx context.Context, source string) (int, error) {
	return k.Store.DeleteByFilter(ctx, k.Collection, fileFilter(source))
}

// Sources lists the documents in the collection with their chunk counts.
// A collection that does not exist yet holds none.
func (k *KB) Sources(ctx context.Context) (map[string]int, error) {
	out := map[string]int{}
	req := vectorstore.ScrollRequest{Limit: 1000, With: vectorstore.With{WithPayload: true}}
	for {
		res, err := k.Store.Scroll(ctx, k.Collection, req)
		if errors.Is(err, vectorstore.ErrNotFound) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		for _, p := range res.Points {
			f, _ := p.Payload[rag.PayloadFile].(string)
			out[f]++
		}
		if res.NextOffset == nil {
			return out, nil
		}
		req.Offset = res.NextOffset
	}
}

// Stats describes a knowledge-base collection.
type Stats struct {
	Collection string `json:"collection"`
	// Exists is false for a collection nothing was added to yet; its
	// counts are then zero.
	Exists         bool   `json:"exists"`
	Points         int    `json:"points"`
	Documents      int    `json:"documents"`
	Dim            int    `json:"dimension"`
	Distance       string `json:"distance,omitempty"`
	EmbeddingModel string `json:"embedding_model,omitempty"`
}

// Stats counts the collection's points and documents. A collection that
// does not exist yet reports zero, with the dimension of the embedding
// model when there is one.
func (k *KB) Stats(ctx context.Context) (Stats, error) {
	st := Stats{Collection: k.Collection}
	info, err := k.Store.CollectionInfo(k.Collection)
	if errors.Is(err, vectorstore.ErrNotFound) {
		if k.Embedder != nil {
			st.Dim = k.Embedder.Dim()
		}
		st.EmbeddingModel = k.ModelName
		return st, nil
	}
	if err != nil {
		return st, err
	}
	srcs, err := k.Sources(ctx)
	if err != nil {
		return st, err
	}
	st.Exists, st.Points, st.Documents = true, info.Points, len(srcs)
	st.Dim, st.Distance, st.EmbeddingModel = info.Config.Dim, string(info.Config.Distance), info.Config.EmbeddingModel
	return st, nil
}

// IngestData adds a document the caller already holds (an upload) under
// the name source, as Ingest adds a file: unchanged content is skipped,
// changed content replaces the document's chunks.
func (k *KB) IngestData(ctx context.Context, source, contentType string, data []byte) (*Report, error) {
	if err := k.ensureCollection(ctx); err != nil {
		return nil, err
	}
	rep := &Report{}
	old, err := k.storedHash(ctx, source)
	if err != nil {
		return nil, err
	}
	if old != "" && old == ingest.HashContent(data) {
		rep.Unchanged = 1
		return rep, nil
	}
	in := &ingest.Ingester{Chunker: k.Chunker, Parse: k.Parse}
	doc, err := in.IngestBytes(ctx, source, contentType, data)
	if err != nil {
		rep.Failed = 1
		return rep, err
	}
	if err := k.store(ctx, doc, old != ""); err != nil {
		rep.Failed = 1
		return rep, fmt.Errorf("%s: %w", source, err)
	}
	rep.Chunks = len(doc.Chunks)
	if old != "" {
		rep.Replaced = 1
	} else {
		rep.Added = 1
	}
	return rep, nil
}
