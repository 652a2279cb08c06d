package qdrantapi

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/vectorstore"
	"github.com/gaianet-go/gaianet/vectorstore/qdrantsnap"
)

type client struct {
	t   *testing.T
	srv *httptest.Server
}

// do sends body (a string is sent as is, anything else as JSON) and
// returns the status code and the decoded answer.
func (c *client) do(method, path string, body any) (int, map[string]any) {
	c.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	default:
		js, err := json.Marshal(b)
		if err != nil {
			c.t.Fatal(err)
		}
		rd = bytes.NewReader(js)
	}
	req, err := http.NewRequest(method, c.srv.URL+path, rd)
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.srv.Client().Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var out map[string]any
	if err := json.Unmarshal(raw, &out); err != nil {
		c.t.Fatalf("%s %s: answer is not JSON: %q", method, path, raw)
	}
	return resp.StatusCode, out
}

// ok checks a success answer's envelope and returns its result.
func (c *client) ok(method, path string, body any) any {
	c.t.Helper()
	code, out := c.do(method, path, body)
	if code != http.StatusOK || out["status"] != "ok" {
		c.t.Fatalf("%s %s: %d %v", method, path, code, out)
	}
	if _, ok := out["time"].(float64); !ok {
		c.t.Fatalf("%s %s: no time in %v", method, path, out)
	}
	return out["result"]
}

// fails checks an error answer's code and envelope.
func (c *client) fails(method, path string, body any, want int) string {
	c.t.Helper()
	code, out := c.do(method, path, body)
	st, _ := out["status"].(map[string]any)
	if code != want || st == nil || st["error"] == "" {
		c.t.Fatalf("%s %s: %d %v, want %d with status.error", method, path, code, out, want)
	}
	return st["error"].(string)
}

func newTestServer(t *testing.T) (*client, *vectorstore.Store) {
	return newTestServerOpts(t, Options{SnapshotDir: t.TempDir()})
}

func newTestServerOpts(t *testing.T, opts Options) (*client, *vectorstore.Store) {
	store, err := vectorstore.Open(context.Background(), t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	srv := httptest.NewServer(New(store, opts))
	t.Cleanup(srv.Close)
	return &client{t: t, srv: srv}, store
}

func ids(t *testing.T, pts any) []float64 {
	t.Helper()
	var out []float64
	for _, p := range pts.([]any) {
		out = append(out, p.(map[string]any)["id"].(float64))
	}
	return out
}

func TestCollectionsAPI(t *testing.T) {
	c, _ := newTestServer(t)
	if got := c.ok("GET", "/collections", nil).(map[string]any)["collections"].([]any); len(got) != 0 {
		t.Fatalf("collections = %v", got)
	}
	if c.ok("PUT", "/collections/docs", `{"vectors":{"size":4,"distance":"Cosine","on_disk":true},"metadata":{"embedding_model":"nomic-embed"}}`) != true {
		t.Fatal("create did not return true")
	}
	c.fails("PUT", "/collections/docs", `{"vectors":{"size":4,"distance":"Cosine"}}`, http.StatusConflict)
	c.fails("PUT", "/collections/bad", `{"vectors":{"size":4,"distance":"Hamming"}}`, http.StatusBadRequest)
	c.fails("PUT", "/collections/bad", `{"vectors":`, http.StatusBadRequest)
	info := c.ok("GET", "/collections/docs", nil).(map[string]any)
	cfg := info["config"].(map[string]any)
	vp := cfg["params"].(map[string]any)["vectors"].(map[string]any)
	if vp["size"] != 4.0 || vp["distance"] != "Cosine" || cfg["metadata"].(map[string]any)["embedding_model"] != "nomic-embed" || info["points_count"] != 0.0 {
		t.Fatalf("collection info = %v", info)
	}
	names := c.ok("GET", "/collections", nil).(map[string]any)["collections"].([]any)
	if len(names) != 1 || names[0].(map[string]any)["name"] != "docs" {
		t.Fatalf("collections = %v", names)
	}
	if msg := c.fails("GET", "/collections/nope", nil, http.StatusNotFound); !strings.Contains(msg, "nope") {
		t.Fatalf("error message %q does not name the collection", msg)
	}
	if c.ok("DELETE", "/collections/docs", nil) != true {
		t.Fatal("delete did not return true")
	}
	if c.ok("DELETE", "/collections/docs", nil) != false {
		t.Fatal("second delete did not return false")
	}
}

func TestPointsAPI(t *testing.T) {
	c, _ := newTestServer(t)
	c.ok("PUT", "/collections/kb", `{"vectors":{"size":3,"distance":"Dot"}}`)
	res := c.ok("PUT", "/collections/kb/points?wait=true", `{"points":[
		{"id":1,"vector":[1,0,0],"payload":{"source":"a.md","page":1}},
		{"id":2,"vector":[0,1,0],"payload":{"source":"b.md","page":2}},
		{"id":"6ba7b810-9dad-11d1-80b4-00c04fd430c8","vector":[0,0,1],"payload":{"source":"a.md","page":3}}]}`).(map[string]any)
	if res["status"] != "completed" {
		t.Fatalf("upsert result %v", res)
	}
	c.ok("PUT", "/collections/kb/points", `{"batch":{"ids":[4,5],"vectors":[[1,1,0],[0,1,1]],"payloads":[{"source":"c.md"},{"source":"c.md"}]}}`)
	c.fails("PUT", "/collections/kb/points", `{"points":[{"id":9,"vector":[1,2]}]}`, http.StatusBadRequest)
	c.fails("PUT", "/collections/kb/points", `{"points":[{"id":-9,"vector":[1,2,3]}]}`, http.StatusBadRequest)
	c.fails("PUT", "/collections/none/points", `{"points":[]}`, http.StatusNotFound)

	got := c.ok("POST", "/collections/kb/points", `{"ids":[2,1,77]}`).([]any)
	if len(got) != 2 || got[0].(map[string]any)["payload"].(map[string]any)["source"] != "b.md" {
		t.Fatalf("get = %v", got)
	}
	got = c.ok("POST", "/collections/kb/points", `{"ids":[1],"with_payload":["page"],"with_vector":true}`).([]any)
	p := got[0].(map[string]any)
	if pl := p["payload"].(map[string]any); len(pl) != 1 || pl["page"] != 1.0 || len(p["vector"].([]any)) != 3 {
		t.Fatalf("get with selection = %v", p)
	}
	one := c.ok("GET", "/collections/kb/points/6ba7b810-9dad-11d1-80b4-00c04fd430c8", nil).(map[string]any)
	if one["id"] != "6ba7b810-9dad-11d1-80b4-00c04fd430c8" {
		t.Fatalf("get one = %v", one)
	}
	c.fails("GET", "/collections/kb/points/55", nil, http.StatusNotFound)

	hits := c.ok("POST", "/collections/kb/points/search", `{"vector":[1,0.5,0],"limit":2,"with_payload":true,
		"filter":{"must":[{"key":"source","match":{"any":["a.md","c.md"]}}]}}`).([]any)
	if got := ids(t, hits); len(got) != 2 || got[0] != 4 || got[1] != 1 {
		t.Fatalf("search ids %v", got)
	}
	h0 := hits[0].(map[string]any)
	if h0["score"] != 1.5 || h0["payload"].(map[string]any)["source"] != "c.md" {
		t.Fatalf("search hit %v", h0)
	}
	if _, has := hits[0].(map[string]any)["vector"]; has {
		t.Fatal("vector returned without with_vector")
	}
	hits = c.ok("POST", "/collections/kb/points/search", `{"vector":[1,0.5,0],"limit":10,"score_threshold":1.0}`).([]any)
	if len(hits) != 2 {
		t.Fatalf("score_threshold kept %v", hits)
	}
	for _, q := range []string{`{"query":[0,1,0],"limit":1}`, `{"query":{"nearest":[0,1,0]},"limit":1}`} {
		pts := c.ok("POST", "/collections/kb/points/query", q).(map[string]any)["points"]
		if got := ids(t, pts); len(got) != 1 || got[0] != 2 && got[0] != 5 {
			t.Fatalf("query %s = %v", q, got)
		}
	}
	c.fails("POST", "/collections/kb/points/search", `{"vector":[1,0]}`, http.StatusBadRequest)

	page := c.ok("POST", "/collections/kb/points/scroll", `{"limit":2}`).(map[string]any)
	if got := ids(t, page["points"]); len(got) != 2 || got[0] != 1 || got[1] != 2 || page["next_page_offset"] != 4.0 {
		t.Fatalf("scroll page 1 = %v", page)
	}
	page = c.ok("POST", "/collections/kb/points/scroll", `{"limit":10,"offset":4}`).(map[string]any)
	if pts := page["points"].([]any); len(pts) != 3 || page["next_page_offset"] != nil {
		t.Fatalf("scroll page 2 = %v", page)
	}
	cnt := c.ok("POST", "/collections/kb/points/count", `{"filter":{"must":[{"key":"page","range":{"gte":2}}]}}`).(map[string]any)
	if cnt["count"] != 2.0 {
		t.Fatalf("count = %v", cnt)
	}
	c.fails("POST", "/collections/kb/points/count", `{"filter":{"must":[{"key":"page","range":{"gte":"x"}}]}}`, http.StatusBadRequest)

	c.ok("POST", "/collections/kb/points/delete", `{"points":[1,2]}`)
	c.ok("POST", "/collections/kb/points/delete", `{"filter":{"must":[{"key":"source","match":{"value":"c.md"}}]}}`)
	if cnt := c.ok("POST", "/collections/kb/points/count", nil).(map[string]any); cnt["count"] != 1.0 {
		t.Fatalf("count after deletes = %v", cnt)
	}
}

func TestSnapshotsAPI(t *testing.T) {
	c, _ := newTestServer(t)
	c.ok("PUT", "/collections/kb", `{"vectors":{"size":2,"distance":"Euclid"},"metadata":{"embedding_model":"m1"}}`)
	c.ok("PUT", "/collections/kb/points", `{"points":[{"id":1,"vector":[1,2],"payload":{"a":1}},{"id":2,"vector":[3,4]}]}`)
	snap := c.ok("POST", "/collections/kb/snapshots", nil).(map[string]any)
	name := snap["name"].(string)
	if !strings.HasSuffix(name, ".snapshot") || snap["size"].(float64) <= 0 || len(snap["checksum"].(string)) != 64 {
		t.Fatalf("snapshot = %v", snap)
	}
	list := c.ok("GET", "/collections/kb/snapshots", nil).([]any)
	if len(list) != 1 || list[0].(map[string]any)["name"] != name {
		t.Fatalf("list = %v", list)
	}
	resp, err := c.srv.Client().Get(c.srv.URL + "/collections/kb/snapshots/" + name)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("download: %d", resp.StatusCode)
	}
	if n, cfg, pts, err := vectorstore.DecodeSnapshot(bytes.NewReader(data)); err != nil || n != "kb" || cfg.EmbeddingModel != "m1" || pts != 2 {
		t.Fatalf("downloaded snapshot: %q %+v %d %v", n, cfg, pts, err)
	}
	// A path is no snapshot name: not found (as Qdrant answers traversal attempts).
	c.fails("GET", "/collections/kb/snapshots/..%2Fx.snapshot", nil, http.StatusNotFound)
	c.fails("GET", "/collections/kb/snapshots/other.snapshot", nil, http.StatusNotFound)

	upload := func(path string, data []byte) (int, map[string]any) {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		fw, _ := mw.CreateFormFile("snapshot", "x.snapshot")
		fw.Write(data)
		mw.Close()
		req, _ := http.NewRequest("POST", c.srv.URL+path, &body)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		resp, err := c.srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out map[string]any
		json.NewDecoder(resp.Body).Decode(&out)
		return resp.StatusCode, out
	}
	if code, out := upload("/collections/restored/snapshots/upload?priority=snapshot", data); code != 200 || out["result"] != true {
		t.Fatalf("upload: %d %v", code, out)
	}
	if cnt := c.ok("POST", "/collections/restored/points/count", nil).(map[string]any); cnt["count"] != 2.0 {
		t.Fatalf("restored count = %v", cnt)
	}
	if code, out := upload("/collections/x/snapshots/upload?embedding_model=other", data); code != 400 || !strings.Contains(out["status"].(map[string]any)["error"].(string), "embedding model") {
		t.Fatalf("mismatched upload: %d %v", code, out)
	}
	if code, _ := upload("/collections/x/snapshots/upload", data[:len(data)-2]); code != 400 {
		t.Fatalf("truncated upload: %d", code)
	}
	// Raw body upload.
	req, _ := http.NewRequest("PUT", c.srv.URL+"/collections/raw/snapshots/upload", bytes.NewReader(data))
	req.Header.Set("Content-Type", "application/octet-stream")
	if resp, err := c.srv.Client().Do(req); err != nil || resp.StatusCode != 200 {
		t.Fatalf("raw upload: %v %v", resp.StatusCode, err)
	}
	c.ok("DELETE", "/collections/kb/snapshots/"+name, nil)
	if list := c.ok("GET", "/collections/kb/snapshots", nil).([]any); len(list) != 0 {
		t.Fatalf("list after delete = %v", list)
	}
}

// TestUploadQdrantSnapshot uploads a snapshot made by Qdrant itself the way
// GaiaNet's installer does (curl -F snapshot=@file), then searches it.
func TestUploadQdrantSnapshot(t *testing.T) {
	c, _ := newTestServer(t)
	gz, err := os.ReadFile("../qdrantsnap/testdata/qdrant-1.3-unnamed-vector.snapshot.gz")
	if err != nil {
		t.Fatal(err)
	}
	if code, raw := c.uploadForm("/collections/default/snapshots/upload?priority=snapshot", gz); code != 200 {
		t.Fatalf("upload: %d %s", code, raw)
	}
	info := c.ok("GET", "/collections/default", nil).(map[string]any)
	if info["points_count"] != 98.0 {
		t.Fatalf("collection after upload: %v", info)
	}
	// Point 1 is Berlin; searching with its own vector finds it first.
	pt := c.ok("GET", "/collections/default/points/1?with_vector=true", nil).(map[string]any)
	if pay := pt["payload"].(map[string]any); pay["city"] != "Berlin" || pay["count"] != 1000000.0 {
		t.Fatalf("point 1 payload = %v", pay)
	}
	hits := c.ok("POST", "/collections/default/points/search", map[string]any{"vector": pt["vector"], "limit": 1}).([]any)
	if len(hits) != 1 || hits[0].(map[string]any)["id"] != 1.0 {
		t.Fatalf("search with point 1's vector: %v", hits)
	}
	// A damaged Qdrant snapshot is refused with 400 and names the problem.
	req, _ := http.NewRequest("PUT", c.srv.URL+"/collections/broken/snapshots/upload", bytes.NewReader(gz[:len(gz)/2]))
	resp, err := c.srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 400 || !strings.Contains(string(raw), "Qdrant snapshot") {
		t.Fatalf("damaged upload: %d %s", resp.StatusCode, raw)
	}
}

// uploadForm posts data as the "snapshot" field of a multipart form, as
// GaiaNet's installer does with curl -F, and returns the status and body.
func (c *client) uploadForm(path string, data []byte) (int, string) {
	c.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("snapshot", "default.snapshot")
	fw.Write(data)
	mw.Close()
	req, _ := http.NewRequest("POST", c.srv.URL+path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	resp, err := c.srv.Client().Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(raw)
}

// TestUploadOnFreshNode uploads before any snapshot was ever created, so
// the snapshot directory does not exist yet (issue 13, item 9: this was a
// 500 "no such file or directory").
func TestUploadOnFreshNode(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "snapshots")
	c, _ := newTestServerOpts(t, Options{SnapshotDir: dir})
	gz, err := os.ReadFile("../qdrantsnap/testdata/qdrant-1.3-unnamed-vector.snapshot.gz")
	if err != nil {
		t.Fatal(err)
	}
	if code, raw := c.uploadForm("/collections/default/snapshots/upload", gz); code != 200 {
		t.Fatalf("upload on a fresh node: %d %s", code, raw)
	}
	if info := c.ok("GET", "/collections/default", nil).(map[string]any); info["points_count"] != 98.0 {
		t.Fatalf("collection after upload: %v", info)
	}
	st, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o700 {
		t.Fatalf("snapshot directory mode %v, want 0700", st.Mode().Perm())
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 0 {
		t.Fatalf("scratch left behind in %s: %v", dir, ents)
	}
}

// TestUploadBomb uploads a decompression bomb (a gzipped tar holding one
// 256 MiB entry of zeros, about 250 kB on the wire): the node must refuse
// it with 413 after unpacking no more than its limit, and leave no scratch.
func TestUploadBomb(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "snapshots")
	c, _ := newTestServerOpts(t, Options{SnapshotDir: dir, Limits: qdrantsnap.Limits{MaxBytes: 1 << 20}})
	var bomb bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&bomb, gzip.BestCompression)
	tw := tar.NewWriter(zw)
	const size = 256 << 20
	tw.WriteHeader(&tar.Header{Name: "0/segments/s/payload", Mode: 0o644, Size: size, Typeflag: tar.TypeReg})
	zeros := make([]byte, 1<<20)
	for i := 0; i < size/len(zeros); i++ {
		tw.Write(zeros)
	}
	tw.Close()
	zw.Close()
	code, raw := c.uploadForm("/collections/default/snapshots/upload", bomb.Bytes())
	if code != http.StatusRequestEntityTooLarge || !strings.Contains(raw, "more than 1048576 bytes") {
		t.Fatalf("bomb upload (%d bytes): %d %s", bomb.Len(), code, raw)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Fatalf("scratch left behind: %v", ents)
	}
}
