package node

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/gaianet-go/gaianet/api"
	"github.com/gaianet-go/gaianet/ingest"
	"github.com/gaianet-go/gaianet/internal/atomicfile"
	"github.com/gaianet-go/gaianet/kb"
	"github.com/gaianet-go/gaianet/rag"
	"github.com/gaianet-go/gaianet/vectorstore"
)

// File is an uploaded file as /v1/files describes it (OpenAI's file object).
type File struct {
	ID        string `json:"id"`
	Object    string `json:"object"`
	Bytes     int64  `json:"bytes"`
	CreatedAt int64  `json:"created_at"`
	Filename  string `json:"filename"`
	Purpose   string `json:"purpose"`
}

// archivesDir is where a node keeps uploads, in its base directory.
const archivesDir = "archives"

// fileStore keeps uploads in dir: the bytes in dir/<id>/<filename> and the
// metadata beside that directory in dir/<id>.json, so no upload's name can
// collide with the metadata (an upload named "meta.json" once replaced it).
// Directories are 0700 and files 0600: uploads are the node owner's data.
// mu guards writes; reads go to the file system.
type fileStore struct {
	dir string
	mu  sync.Mutex
}

// Modes of what the file store writes.
const (
	fileDirMode  = 0o700
	fileDataMode = 0o600
	// legacyMeta is where metadata lived before it moved beside the
	// upload's directory, inside the user's file namespace.
	legacyMeta = "meta.json"
)

// openFileStore opens (creating) the store in dir, moving metadata from
// the old layout and tightening the modes of what an older version wrote.
func openFileStore(dir string) (*fileStore, error) {
	if err := os.MkdirAll(dir, fileDirMode); err != nil {
		return nil, fmt.Errorf("node: files: %w", err)
	}
	s := &fileStore{dir: dir}
	if err := s.migrate(); err != nil {
		return nil, fmt.Errorf("node: files: %w", err)
	}
	return s, nil
}

// migrate moves each dir/<id>/meta.json to dir/<id>.json and sets the
// modes of the store's directories and files to 0700 and 0600. It is
// idempotent; a crash midway leaves a state it finishes next time.
func (s *fileStore) migrate() error {
	if err := os.Chmod(s.dir, fileDirMode); err != nil {
		return err
	}
	ents, err := os.ReadDir(s.dir)
	if err != nil {
		return err
	}
	for _, e := range ents {
		if !e.IsDir() || !validFileID(e.Name()) {
			continue
		}
		id := e.Name()
		old := filepath.Join(s.dir, id, legacyMeta)
		_, err := os.Stat(s.metaPath(id))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			b, rerr := os.ReadFile(old)
			if rerr != nil {
				continue // no metadata at all: not a file
			}
			if err := atomicfile.WriteFile(s.metaPath(id), b, 0o600); err != nil {
				return err
			}
			// Removed even for an upload named meta.json: in the old
			// layout its bytes had been overwritten by the metadata.
			if err := os.Remove(old); err != nil {
				return err
			}
		case err != nil:
			return err
		default:
			// A crash may have left the old copy; an upload that is
			// itself named meta.json is kept.
			var f File
			if b, err := os.ReadFile(s.metaPath(id)); err == nil && json.Unmarshal(b, &f) == nil && f.Filename != legacyMeta {
				if err := os.Remove(old); err != nil && !errors.Is(err, fs.ErrNotExist) {
					return err
				}
			}
		}
		if err := tightenTree(filepath.Join(s.dir, id)); err != nil {
			return err
		}
	}
	return nil
}

// tightenTree makes root and everything under it 0700 (directories) or
// 0600 (files), never looser than it was.
func tightenTree(root string) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		mode := fs.FileMode(fileDataMode)
		if d.IsDir() {
			mode = fileDirMode
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if info.Mode().Perm()&^mode != 0 {
			return os.Chmod(p, info.Mode().Perm()&mode)
		}
		return nil
	})
}

func validFileID(id string) bool {
	if !strings.HasPrefix(id, "file_") || len(id) != 5+32 {
		return false
	}
	_, err := hex.DecodeString(id[5:])
	return err == nil
}

func (s *fileStore) metaPath(id string) string { return filepath.Join(s.dir, id+".json") }

// save stores r under a new id.
func (s *fileStore) save(name, purpose string, r io.Reader) (*File, error) {
	name = filepath.Base(filepath.Clean("/" + name))
	if name == "/" || name == "." || name == "" {
		return nil, api.BadRequest("file", "the uploaded file has no name")
	}
	var b [16]byte
	rand.Read(b[:])
	f := &File{ID: "file_" + hex.EncodeToString(b[:]), Object: "file", CreatedAt: time.Now().Unix(), Filename: name, Purpose: purpose}
	dir := filepath.Join(s.dir, f.ID)
	if err := os.Mkdir(dir, fileDirMode); err != nil {
		return nil, err
	}
	out, err := os.OpenFile(filepath.Join(dir, name), os.O_WRONLY|os.O_CREATE|os.O_EXCL, fileDataMode)
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	f.Bytes, err = io.Copy(out, r)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		var meta []byte
		if meta, err = json.Marshal(f); err == nil {
			// The metadata, written last, is what makes the file exist.
			err = atomicfile.WriteFile(s.metaPath(f.ID), meta, 0o600)
		}
	}
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return f, nil
}

func (s *fileStore) get(id string) (*File, error) {
	if !validFileID(id) {
		return nil, api.Errorf(404, "invalid_request_error", "file_not_found", "no file with id %q", id)
	}
	b, err := os.ReadFile(s.metaPath(id))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, api.Errorf(404, "invalid_request_error", "file_not_found", "no file with id %q", id)
	}
	if err != nil {
		return nil, err
	}
	var f File
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("node: file %s: %w", id, err)
	}
	if f.ID != id {
		return nil, fmt.Errorf("node: file %s: metadata names id %q", id, f.ID)
	}
	return &f, nil
}

func (s *fileStore) path(f *File) string { return filepath.Join(s.dir, f.ID, f.Filename) }

func (s *fileStore) list() ([]*File, error) {
	ents, err := os.ReadDir(s.dir)
	if err != nil {
		return nil, err
	}
	out := []*File{}
	for _, e := range ents {
		id, ok := strings.CutSuffix(e.Name(), ".json")
		if !ok || !e.Type().IsRegular() {
			continue
		}
		if f, err := s.get(id); err == nil {
			out = append(out, f)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].CreatedAt > out[j].CreatedAt })
	return out, nil
}

// delete removes the metadata first, so a crash midway leaves an orphan
// directory rather than a listed file without content.
func (s *fileStore) delete(id string) error {
	if _, err := s.get(id); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := os.Remove(s.metaPath(id)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return os.RemoveAll(filepath.Join(s.dir, id))
}

func (n *Node) needFiles() error {
	if n.files == nil {
		return api.Errorf(404, "invalid_request_error", "no_storage", "this node has no base directory for files")
	}
	return nil
}

// multipartFile reads the "file" field of a multipart upload.
func multipartFile(r *http.Request) (multipart.File, *multipart.FileHeader, error) {
	if err := r.ParseMultipartForm(32 << 20); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, nil, err
		}
		return nil, nil, api.BadRequest("file", "expected a multipart/form-data upload with a \"file\" field: %v", err)
	}
	f, h, err := r.FormFile("file")
	if err != nil {
		return nil, nil, api.BadRequest("file", "the upload has no \"file\" field")
	}
	return f, h, nil
}

func (n *Node) uploadFile(w http.ResponseWriter, r *http.Request) error {
	if err := n.needFiles(); err != nil {
		return err
	}
	f, h, err := multipartFile(r)
	if err != nil {
		return err
	}
	defer f.Close()
	purpose := r.FormValue("purpose")
	if purpose == "" {
		purpose = "assistants"
	}
	obj, err := n.files.save(h.Filename, purpose, f)
	if err != nil {
		return err
	}
	n.log.Info("file uploaded", "id", obj.ID, "name", obj.Filename, "bytes", obj.Bytes)
	api.WriteJSON(w, http.StatusOK, obj)
	return nil
}

func (n *Node) listFiles(w http.ResponseWriter, r *http.Request) error {
	if err := n.needFiles(); err != nil {
		return err
	}
	list, err := n.files.list()
	if err != nil {
		return err
	}
	api.WriteJSON(w, http.StatusOK, map[string]any{"object": "list", "data": list})
	return nil
}

func (n *Node) getFile(w http.ResponseWriter, r *http.Request) error {
	if err := n.needFiles(); err != nil {
		return err
	}
	f, err := n.files.get(r.PathValue("id"))
	if err != nil {
		return err
	}
	api.WriteJSON(w, http.StatusOK, f)
	return nil
}

func (n *Node) fileContent(w http.ResponseWriter, r *http.Request) error {
	if err := n.needFiles(); err != nil {
		return err
	}
	f, err := n.files.get(r.PathValue("id"))
	if err != nil {
		return err
	}
	fh, err := os.Open(n.files.path(f))
	if errors.Is(err, fs.ErrNotExist) {
		return api.Errorf(404, "invalid_request_error", "file_not_found", "the content of file %q is missing", f.ID)
	}
	if err != nil {
		return err
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return err
	}
	// An upload is served as bytes, never rendered by a browser on the
	// node's origin (an uploaded HTML page would run as the chat page).
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": f.Filename}))
	http.ServeContent(w, r, "", st.ModTime(), fh)
	return nil
}

func (n *Node) deleteFile(w http.ResponseWriter, r *http.Request) error {
	if err := n.needFiles(); err != nil {
		return err
	}
	id := r.PathValue("id")
	if err := n.files.delete(id); err != nil {
		return err
	}
	api.WriteJSON(w, http.StatusOK, map[string]any{"id": id, "object": "file", "deleted": true})
	return nil
}

// chunker returns a chunker sized for the embedding model (capacity 0
// means the default chunk size).
func (n *Node) chunker(capacity int) (ingest.Chunker, error) {
	if n.embedTok == nil {
		return ingest.Chunker{}, api.Errorf(404, "invalid_request_error", "no_embedding_model", "this node serves no embedding model")
	}
	return kb.NewChunker(n.embedTok, n.embed.MaxTokens(), capacity), nil
}

// chunkFile splits an uploaded file into chunks (LlamaEdge's /v1/chunks).
func (n *Node) chunkFile(w http.ResponseWriter, r *http.Request) error {
	if err := n.needFiles(); err != nil {
		return err
	}
	var req struct {
		ID            string `json:"id"`
		Filename      string `json:"filename"`
		ChunkCapacity int    `json:"chunk_capacity"`
	}
	if err := api.Decode(r, &req); err != nil {
		return err
	}
	f, err := n.files.get(req.ID)
	if err != nil {
		return err
	}
	ch, err := n.chunker(req.ChunkCapacity)
	if err != nil {
		return err
	}
	data, err := os.ReadFile(n.files.path(f))
	if err != nil {
		return err
	}
	in := ingest.Ingester{Chunker: ch}
	doc, err := in.IngestBytes(r.Context(), f.Filename, "", data)
	if err != nil {
		return api.BadRequest("id", "cannot read %s: %v", f.Filename, err)
	}
	chunks := make([]string, len(doc.Chunks))
	for i, c := range doc.Chunks {
		chunks[i] = c.Text
	}
	api.WriteJSON(w, http.StatusOK, map[string]any{"id": f.ID, "filename": f.Filename, "chunks": chunks})
	return nil
}

// createRAG uploads a document and adds it to the knowledge base.
func (n *Node) createRAG(w http.ResponseWriter, r *http.Request) error {
	if err := n.needFiles(); err != nil {
		return err
	}
	ch, err := n.chunker(0)
	if err != nil {
		return err
	}
	f, h, err := multipartFile(r)
	if err != nil {
		return err
	}
	defer f.Close()
	obj, err := n.files.save(h.Filename, "rag", f)
	if err != nil {
		return err
	}
	coll := r.FormValue("collection")
	if coll == "" {
		coll = n.cfg.EmbeddingCollectionName
	}
	data, err := os.ReadFile(n.files.path(obj))
	if err != nil {
		return err
	}
	// The chunks record the upload as "file_ID/NAME", not where the node
	// keeps it: payloads are readable through /qdrant/ too.
	source := uploadSource(obj)
	k := &kb.KB{Store: n.store, Embedder: n.embed, ModelName: n.embedName, Collection: coll, Chunker: ch}
	rep, err := k.IngestData(r.Context(), source, "", data)
	if err != nil {
		return api.BadRequest("file", "cannot ingest %s: %v", obj.Filename, err)
	}
	if _, err := n.indexKeywords(r.Context(), coll, &vectorstore.Filter{Must: []vectorstore.Condition{
		{Key: rag.PayloadFile, Match: &vectorstore.Match{Value: source}}}}); err != nil {
		return err
	}
	n.log.Info("document added to the knowledge base", "file", obj.Filename, "collection", coll, "chunks", rep.Chunks)
	api.WriteJSON(w, http.StatusOK, map[string]any{"id": obj.ID, "filename": obj.Filename, "collection": coll,
		"chunks": rep.Chunks, "object": "rag"})
	return nil
}

// retrieveRoute answers LlamaEdge's /v1/retrieve: the knowledge a chat
// request would use, without generating.
func (n *Node) retrieveRoute(w http.ResponseWriter, r *http.Request) error {
	if n.retriever == nil {
		return api.Errorf(404, "invalid_request_error", "no_knowledge_base", "this node has no knowledge base")
	}
	var req api.ChatRequest
	if err := api.Decode(r, &req); err != nil {
		return err
	}
	if len(req.Messages) == 0 {
		return api.BadRequest("messages", "messages must contain at least one user message")
	}
	msgs, _ := n.templateMessages(&req, n.defaultProfile())
	chunks, err := n.retrieve(r.Context(), &req, msgs)
	if err != nil {
		return err
	}
	points := make([]map[string]any, 0, len(chunks))
	for _, s := range n.apiSources(chunks) {
		// "source" is the chunk text, as LlamaEdge names it.
		points = append(points, map[string]any{"source": s.Text, "document": s.Document, "document_id": s.DocumentID, "score": s.Score})
	}
	limit := n.cfg.QdrantLimit
	if req.Limit != nil {
		limit = *req.Limit
	}
	api.WriteJSON(w, http.StatusOK, map[string]any{"points": points, "limit": limit,
		"score_threshold": n.cfg.QdrantScoreThreshold})
	return nil
}

func (n *Node) listCollections(w http.ResponseWriter, r *http.Request) error {
	if n.store == nil {
		return api.Errorf(404, "invalid_request_error", "no_knowledge_base", "this node has no knowledge base")
	}
	var out []any
	names, err := collectionNames(r.Context(), n.store)
	if err != nil {
		return err
	}
	for _, c := range names {
		if info, err := n.store.CollectionInfo(c); err == nil {
			out = append(out, info)
		}
	}
	api.WriteJSON(w, http.StatusOK, map[string]any{"collections": out})
	return nil
}
