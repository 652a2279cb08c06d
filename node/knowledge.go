package node

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strconv"

	"github.com/gaianet-go/gaianet/api"
	"github.com/gaianet-go/gaianet/ingest"
	"github.com/gaianet-go/gaianet/kb"
	"github.com/gaianet-go/gaianet/rag"
	"github.com/gaianet-go/gaianet/vectorstore"
)

// The knowledge-base management routes, under
// /v1/knowledge/collections/{c}/: what 'gaianet kb' does while the node
// runs (the node holds the vector store's lock). Documents are named as
// chat sources name them: by name and id, never by a server path.

// Document is a knowledge-base document as the management routes list it.
type Document struct {
	Document   string `json:"document"`
	DocumentID string `json:"document_id"`
	Chunks     int    `json:"chunks"`
}

// SearchHit is a chunk found by the knowledge-base search route.
type SearchHit struct {
	Text       string  `json:"text"`
	Document   string  `json:"document"`
	DocumentID string  `json:"document_id"`
	Score      float64 `json:"score"`
}

// IngestResult is the answer of the knowledge-base ingest route.
type IngestResult struct {
	Document   string `json:"document"`
	DocumentID string `json:"document_id"`
	Added      int    `json:"added"`
	Replaced   int    `json:"replaced"`
	Unchanged  int    `json:"unchanged"`
	Chunks     int    `json:"chunks"`
}

// knowledgeBase returns the collection a management route names.
func (n *Node) knowledgeBase(r *http.Request) (*kb.KB, error) {
	if n.store == nil {
		return nil, api.Errorf(404, "invalid_request_error", "no_knowledge_base", "this node has no knowledge base")
	}
	c := r.PathValue("c")
	if err := vectorstore.ValidName(c); err != nil {
		return nil, api.BadRequest("collection", "%v", err)
	}
	k := &kb.KB{Store: n.store, Collection: c, ModelName: n.embedName}
	if n.embed != nil {
		k.Embedder = n.embed
	}
	return k, nil
}

// needEmbedder refuses a route that embeds on a node without an embedding
// model.
func (n *Node) needEmbedder(k *kb.KB) error {
	if k.Embedder == nil {
		return api.Errorf(404, "invalid_request_error", "no_embedding_model", "this node serves no embedding model")
	}
	return nil
}

func (n *Node) collectionStats(w http.ResponseWriter, r *http.Request) error {
	k, err := n.knowledgeBase(r)
	if err != nil {
		return err
	}
	st, err := k.Stats(r.Context())
	if err != nil {
		return err
	}
	api.WriteJSON(w, http.StatusOK, st)
	return nil
}

func (n *Node) listDocuments(w http.ResponseWriter, r *http.Request) error {
	k, err := n.knowledgeBase(r)
	if err != nil {
		return err
	}
	srcs, err := k.Sources(r.Context())
	if err != nil {
		return err
	}
	docs := make([]Document, 0, len(srcs))
	for s, count := range srcs {
		name, id := n.documentRef(s)
		docs = append(docs, Document{Document: name, DocumentID: id, Chunks: count})
	}
	sort.Slice(docs, func(i, j int) bool {
		if docs[i].Document != docs[j].Document {
			return docs[i].Document < docs[j].Document
		}
		return docs[i].DocumentID < docs[j].DocumentID
	})
	api.WriteJSON(w, http.StatusOK, map[string]any{"collection": k.Collection, "documents": docs})
	return nil
}

// ingestDocument adds one uploaded document (multipart field "file") to
// the collection under the name in the "source" field (the upload's file
// name when absent): unchanged content is skipped, changed content
// replaces the document. Form fields "csv" (table or gaianet),
// "chunk_tokens" and "overlap_tokens" tune the parsing.
func (n *Node) ingestDocument(w http.ResponseWriter, r *http.Request) error {
	k, err := n.knowledgeBase(r)
	if err != nil {
		return err
	}
	if err := n.needEmbedder(k); err != nil {
		return err
	}
	f, h, err := multipartFile(r)
	if err != nil {
		return err
	}
	defer f.Close()
	source := r.FormValue("source")
	if source == "" {
		source = h.Filename
	}
	if source == "" {
		return api.BadRequest("source", "the document needs a name: a \"source\" field or the file's name")
	}
	size, _ := strconv.Atoi(r.FormValue("chunk_tokens"))
	if k.Chunker, err = n.chunker(size); err != nil {
		return err
	}
	if v := r.FormValue("overlap_tokens"); v != "" {
		o, err := strconv.Atoi(v)
		if err != nil || o < 0 {
			return api.BadRequest("overlap_tokens", "overlap_tokens must be a whole number, got %q", v)
		}
		k.Chunker.Overlap = o
	}
	if k.Parse.CSV, err = ingest.ParseCSVMode(r.FormValue("csv")); err != nil {
		return api.BadRequest("csv", "%v", err)
	}
	data, err := io.ReadAll(f)
	if err != nil {
		return err
	}
	old, err := n.keywordIDs(r.Context(), k.Collection, source)
	if err != nil {
		return err
	}
	rep, err := k.IngestData(r.Context(), source, h.Header.Get("Content-Type"), data)
	if err != nil {
		var ie *ingest.InputError
		if errors.As(err, &ie) || errors.Is(err, ingest.ErrNoText) || errors.Is(err, ingest.ErrUnsupported) {
			return api.BadRequest("file", "cannot ingest %s: %v", source, err)
		}
		return err
	}
	if rep.Added+rep.Replaced > 0 {
		n.forgetKeywords(k.Collection, old) // a shorter new version leaves no stale chunks
		if _, err := n.indexKeywords(r.Context(), k.Collection, &vectorstore.Filter{Must: []vectorstore.Condition{
			{Key: rag.PayloadFile, Match: &vectorstore.Match{Value: source}}}}); err != nil {
			return err
		}
	}
	name, id := n.documentRef(source)
	n.log.Info("document ingested", "document", name, "collection", k.Collection, "chunks", rep.Chunks,
		"unchanged", rep.Unchanged == 1)
	api.WriteJSON(w, http.StatusOK, IngestResult{Document: name, DocumentID: id, Added: rep.Added, Replaced: rep.Replaced,
		Unchanged: rep.Unchanged, Chunks: rep.Chunks})
	return nil
}

// deleteDocument removes every chunk of the document with the given id.
func (n *Node) deleteDocument(w http.ResponseWriter, r *http.Request) error {
	k, err := n.knowledgeBase(r)
	if err != nil {
		return err
	}
	id := r.PathValue("id")
	srcs, err := k.Sources(r.Context())
	if err != nil {
		return err
	}
	removed, found := 0, false
	for s := range srcs {
		if _, sid := n.documentRef(s); sid != id {
			continue
		}
		found = true
		ids, err := n.keywordIDs(r.Context(), k.Collection, s)
		if err != nil {
			return err
		}
		c, err := k.DeleteSource(r.Context(), s)
		if err != nil {
			return err
		}
		n.forgetKeywords(k.Collection, ids)
		removed += c
	}
	if !found {
		return api.Errorf(404, "invalid_request_error", "document_not_found", "no document with id %q in collection %q", id, k.Collection)
	}
	api.WriteJSON(w, http.StatusOK, map[string]any{"document_id": id, "deleted": true, "chunks": removed})
	return nil
}

func (n *Node) searchKnowledge(w http.ResponseWriter, r *http.Request) error {
	k, err := n.knowledgeBase(r)
	if err != nil {
		return err
	}
	if err := n.needEmbedder(k); err != nil {
		return err
	}
	var req struct {
		Query          string   `json:"query"`
		Limit          *int     `json:"limit"`
		ScoreThreshold *float64 `json:"score_threshold"`
	}
	if err := api.Decode(r, &req); err != nil {
		return err
	}
	if req.Query == "" {
		return api.BadRequest("query", "query must not be empty")
	}
	limit, threshold := 5, 0.0
	if req.Limit != nil {
		if *req.Limit < 1 || *req.Limit > 1000 {
			return api.BadRequest("limit", "limit must be between 1 and 1000, got %d", *req.Limit)
		}
		limit = *req.Limit
	}
	if req.ScoreThreshold != nil {
		threshold = *req.ScoreThreshold
	}
	chunks, err := k.Search(r.Context(), req.Query, limit, threshold)
	if errors.Is(err, vectorstore.ErrNotFound) {
		chunks, err = nil, nil // nothing added yet
	}
	if err != nil {
		return fmt.Errorf("node: search: %w", err)
	}
	hits := make([]SearchHit, 0, len(chunks))
	for _, s := range n.apiSources(chunks) {
		hits = append(hits, SearchHit{Text: s.Text, Document: s.Document, DocumentID: s.DocumentID, Score: s.Score})
	}
	api.WriteJSON(w, http.StatusOK, map[string]any{"collection": k.Collection, "hits": hits})
	return nil
}

// keywordIDs returns the ids of the chunks of source that the collection's
// keyword index holds (none without hybrid search).
func (n *Node) keywordIDs(ctx context.Context, coll, source string) ([]string, error) {
	if n.keywords[coll] == nil {
		return nil, nil
	}
	var ids []string
	req := vectorstore.ScrollRequest{Limit: 1000, Filter: &vectorstore.Filter{Must: []vectorstore.Condition{
		{Key: rag.PayloadFile, Match: &vectorstore.Match{Value: source}}}}}
	for {
		page, err := n.store.Scroll(ctx, coll, req)
		if errors.Is(err, vectorstore.ErrNotFound) {
			return ids, nil
		}
		if err != nil {
			return nil, fmt.Errorf("node: keyword index of %q: %w", coll, err)
		}
		for _, p := range page.Points {
			ids = append(ids, p.ID.String())
		}
		if page.NextOffset == nil {
			return ids, nil
		}
		req.Offset = page.NextOffset
	}
}

// forgetKeywords removes chunks from the collection's keyword index.
func (n *Node) forgetKeywords(coll string, ids []string) {
	if ix := n.keywords[coll]; ix != nil {
		for _, id := range ids {
			ix.Remove(id)
		}
	}
}
