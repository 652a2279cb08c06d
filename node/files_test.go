package node

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/config"
)

func upload(t *testing.T, url, name, content string, fields ...string) (int, []byte) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write([]byte(content))
	for i := 0; i+1 < len(fields); i += 2 {
		mw.WriteField(fields[i], fields[i+1])
	}
	mw.Close()
	resp, err := http.Post(url, mw.FormDataContentType(), &body)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

func get(t *testing.T, method, url string) (int, []byte) {
	t.Helper()
	req, _ := http.NewRequest(method, url, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

func TestFilesLifecycle(t *testing.T) {
	_, srv := testNode(t, nil)
	doc := "# Title\n\nFirst paragraph about nodes.\n\n## Part\n\nSecond paragraph about domains.\n"
	code, body := upload(t, srv.URL+"/v1/files", "../../evil/doc.md", doc)
	var f File
	if err := json.Unmarshal(body, &f); code != 200 || err != nil || f.Filename != "doc.md" || f.Bytes != int64(len(doc)) || f.Object != "file" {
		t.Fatalf("upload: %d %s", code, body)
	}
	code, body = get(t, "GET", srv.URL+"/v1/files")
	if code != 200 || !strings.Contains(string(body), f.ID) {
		t.Errorf("list: %d %s", code, body)
	}
	code, body = get(t, "GET", srv.URL+"/v1/files/"+f.ID+"/content")
	if code != 200 || string(body) != doc {
		t.Errorf("content: %d %q", code, body)
	}
	code, body = post(t, srv.URL+"/v1/chunks", `{"id":"`+f.ID+`","filename":"doc.md","chunk_capacity":100}`)
	var chunks struct {
		Chunks []string `json:"chunks"`
	}
	if err := json.Unmarshal(body, &chunks); code != 200 || err != nil || len(chunks.Chunks) != 2 || !strings.Contains(chunks.Chunks[1], "Second paragraph") {
		t.Errorf("chunks: %d %s", code, body)
	}
	if code, _ := get(t, "DELETE", srv.URL+"/v1/files/"+f.ID); code != 200 {
		t.Errorf("delete: %d", code)
	}
	for _, id := range []string{f.ID, "file_nope", "file_..%2F..%2Fmeta"} {
		if code, body := get(t, "GET", srv.URL+"/v1/files/"+id); code != 404 || !strings.Contains(string(body), "file_not_found") {
			t.Errorf("get %s after delete: %d %s", id, code, body)
		}
	}
	if code, body := post(t, srv.URL+"/v1/files", `{"not":"multipart"}`); code != 400 {
		t.Errorf("non-multipart upload: %d %s", code, body)
	}
}

func TestCreateRAGAndRetrieve(t *testing.T) {
	n, srv := testNode(t, nil)
	text := "Uploaded knowledge: the answer to the test question is forty-two."
	code, body := upload(t, srv.URL+"/v1/create/rag", "answer.txt", text)
	if code != 200 || !strings.Contains(string(body), `"chunks":1`) {
		t.Fatalf("create/rag: %d %s", code, body)
	}
	var up struct {
		ID string `json:"id"`
	}
	json.Unmarshal(body, &up)
	code, body = post(t, srv.URL+"/v1/retrieve", `{"messages":[{"role":"user","content":"`+text+`"}],"limit":2}`)
	var out struct {
		Points []struct {
			Source     string  `json:"source"`
			Document   string  `json:"document"`
			DocumentID string  `json:"document_id"`
			Score      float64 `json:"score"`
		} `json:"points"`
	}
	if err := json.Unmarshal(body, &out); code != 200 || err != nil || len(out.Points) == 0 || out.Points[0].Source != text {
		t.Fatalf("retrieve: %d %s", code, body)
	}
	// The document is named by its upload name and file id, never by where
	// the node keeps it.
	if p := out.Points[0]; p.Document != "answer.txt" || p.DocumentID != up.ID || up.ID == "" {
		t.Errorf("retrieve document = %q %q, want answer.txt %q", p.Document, p.DocumentID, up.ID)
	}
	noServerPaths(t, "retrieve", body)
	// The chat path uses the new chunk too.
	code, body = post(t, srv.URL+"/v1/chat/completions", `{"max_tokens":2,"messages":[{"role":"user","content":"`+text+`"}]}`)
	if code != 200 || !strings.Contains(string(body), "forty-two") || !strings.Contains(string(body), `"document":"answer.txt","document_id":"`+up.ID+`"`) {
		t.Errorf("chat sources: %d %s", code, body)
	}
	noServerPaths(t, "chat", body)
	resp, err := http.Post(srv.URL+"/v1/chat/completions", "application/json",
		strings.NewReader(`{"max_tokens":2,"stream":true,"messages":[{"role":"user","content":"`+text+`"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(body), up.ID) {
		t.Errorf("streamed chat names no document: %s", body)
	}
	noServerPaths(t, "streamed chat", body)
	// The stored chunks name the upload by id and name, so even the raw
	// points under /qdrant/ reveal no server path.
	code, body = post(t, srv.URL+"/qdrant/collections/"+n.cfg.EmbeddingCollectionName+"/points/scroll", `{"limit":100,"with_payload":true}`)
	if code != 200 || !strings.Contains(string(body), up.ID+"/answer.txt") {
		t.Errorf("scroll: %d %s", code, body)
	}
	noServerPaths(t, "qdrant scroll", body)
}

// noServerPaths fails when a response names a place on the server's disk.
func noServerPaths(t *testing.T, what string, body []byte) {
	t.Helper()
	for _, leak := range []string{"archives", "/tmp", string(filepath.Separator) + "file_"} {
		if strings.Contains(string(body), leak) {
			t.Errorf("%s response reveals a server path (%q): %s", what, leak, body)
		}
	}
}

// TestKnowledgeRoutesBadInput covers the knowledge routes' refusals.
func TestKnowledgeRoutesBadInput(t *testing.T) {
	_, srv := testNode(t, nil)
	for _, tt := range []struct {
		name, path, body string
		code             int
		want             string
	}{
		{"chunks of an unknown file", "/v1/chunks", `{"id":"file_00000000000000000000000000000000"}`, 404, "file_not_found"},
		{"chunks with a malformed id", "/v1/chunks", `{"id":"../../etc/passwd"}`, 404, "file_not_found"},
		{"chunks with bad JSON", "/v1/chunks", `{"id":`, 400, "invalid_request"},
		{"retrieve without messages", "/v1/retrieve", `{"messages":[]}`, 400, "messages"},
		{"retrieve with bad JSON", "/v1/retrieve", `[1,2]`, 400, "invalid_request"},
		{"retrieve from an unknown collection", "/v1/retrieve", `{"vdb_collection_name":"nope","messages":[{"role":"user","content":"x"}]}`, 404, "collection_not_found"},
		{"create/rag without a file", "/v1/create/rag", `{}`, 400, "file"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, body := post(t, srv.URL+tt.path, tt.body)
			if code != tt.code || !strings.Contains(string(body), tt.want) || !strings.Contains(string(body), `"error"`) {
				t.Errorf("%d %s", code, body)
			}
		})
	}
	// An unsupported file type is refused by create/rag with a readable error.
	code, body := upload(t, srv.URL+"/v1/create/rag", "image.png", "\x89PNG\r\n\x1a\n\x00\x00")
	if code != 400 || !strings.Contains(string(body), "image.png") {
		t.Errorf("png upload: %d %s", code, body)
	}
}

// TestUploadNamedLikeMetadata uploads files whose names once collided with
// the store's own metadata (issue 13, item 14): each must come back as
// uploaded, and its metadata must stay intact.
func TestUploadNamedLikeMetadata(t *testing.T) {
	_, srv := testNode(t, nil)
	for _, name := range []string{"meta.json", "file_0123456789abcdef0123456789abcdef.json", "index.html"} {
		t.Run(name, func(t *testing.T) {
			content := `{"user":"data","name":"` + name + `"}`
			code, body := upload(t, srv.URL+"/v1/files", name, content)
			var f File
			if err := json.Unmarshal(body, &f); code != 200 || err != nil || f.Filename != name {
				t.Fatalf("upload: %d %s", code, body)
			}
			resp, err := http.Get(srv.URL + "/v1/files/" + f.ID + "/content")
			if err != nil {
				t.Fatal(err)
			}
			got, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 || string(got) != content {
				t.Fatalf("content: %d %q, want %q", resp.StatusCode, got, content)
			}
			if ct := resp.Header.Get("Content-Type"); ct != "application/octet-stream" || resp.Header.Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("content served as %q (nosniff %q)", ct, resp.Header.Get("X-Content-Type-Options"))
			}
			code, body = get(t, "GET", srv.URL+"/v1/files/"+f.ID)
			var meta File
			if err := json.Unmarshal(body, &meta); code != 200 || err != nil || meta != f {
				t.Fatalf("metadata: %d %s, want %+v", code, body, f)
			}
		})
	}
}

// TestFileStoreMigratesAndTightens opens a store written in the old layout
// (metadata in <id>/meta.json, modes 0755/0644): the metadata moves out of
// the upload's directory, the files keep their content and every mode
// becomes 0700/0600 (issue 13, item 15).
func TestFileStoreMigratesAndTightens(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "archives")
	const id = "file_00112233445566778899aabbccddeeff"
	if err := os.MkdirAll(filepath.Join(dir, id), 0o755); err != nil {
		t.Fatal(err)
	}
	os.Chmod(dir, 0o755)
	old := File{ID: id, Object: "file", Bytes: 5, CreatedAt: 1, Filename: "notes.txt", Purpose: "assistants"}
	meta, _ := json.Marshal(old)
	os.WriteFile(filepath.Join(dir, id, "meta.json"), meta, 0o644)
	os.WriteFile(filepath.Join(dir, id, "notes.txt"), []byte("hello"), 0o644)
	for range 2 { // idempotent
		s, err := openFileStore(dir)
		if err != nil {
			t.Fatal(err)
		}
		f, err := s.get(id)
		if err != nil || *f != old {
			t.Fatalf("get after migration: %+v, %v", f, err)
		}
		if b, err := os.ReadFile(s.path(f)); err != nil || string(b) != "hello" {
			t.Fatalf("content after migration: %q, %v", b, err)
		}
		if _, err := os.Stat(filepath.Join(dir, id, "meta.json")); !os.IsNotExist(err) {
			t.Fatalf("old metadata still in the upload's directory: %v", err)
		}
	}
	for p, want := range map[string]os.FileMode{
		dir: 0o700, filepath.Join(dir, id): 0o700, filepath.Join(dir, id+".json"): 0o600, filepath.Join(dir, id, "notes.txt"): 0o600,
	} {
		st, err := os.Stat(p)
		if err != nil || st.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v (%v)", p, st.Mode().Perm(), want, err)
		}
	}
}

// TestUploadModes checks that a new upload is 0600 in a 0700 directory.
func TestUploadModes(t *testing.T) {
	s, err := openFileStore(filepath.Join(t.TempDir(), "archives"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := s.save("a.txt", "assistants", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]os.FileMode{s.dir: 0o700, filepath.Dir(s.path(f)): 0o700, s.path(f): 0o600, s.metaPath(f.ID): 0o600} {
		if st, err := os.Stat(p); err != nil || st.Mode().Perm() != want {
			t.Errorf("%s: %v, want %v (%v)", p, st.Mode().Perm(), want, err)
		}
	}
}

// TestOpenTightensBase opens a node over a base folder an older version
// wrote with loose modes: config.json (API keys) and snapshots become
// owner-only (issue 13, item 15).
func TestOpenTightensBase(t *testing.T) {
	base := t.TempDir()
	cfgPath := filepath.Join(base, config.FileName)
	snap := filepath.Join(base, snapshotDir, "default", "default-1.snapshot")
	os.MkdirAll(filepath.Dir(snap), 0o755)
	os.WriteFile(snap, []byte("x"), 0o644)
	cfg := testConfig(t, false, nil)
	if err := cfg.Save(cfgPath); err != nil {
		t.Fatal(err)
	}
	os.Chmod(cfgPath, 0o644)
	n, err := Open(context.Background(), cfg, Options{Base: base})
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close()
	for p, want := range map[string]os.FileMode{
		cfgPath: 0o600, filepath.Join(base, snapshotDir): 0o700, filepath.Dir(snap): 0o700, snap: 0o600,
		filepath.Join(base, "archives"): 0o700, filepath.Join(base, "vectors"): 0o700,
	} {
		if st, err := os.Stat(p); err != nil || st.Mode().Perm() != want {
			t.Errorf("%s: %v, want %v (%v)", p, st.Mode().Perm(), want, err)
		}
	}
}
