package qdrantapi

import (
	"archive/tar"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"github.com/gaianet-go/gaianet/vectorstore"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/egress"
)

func TestServiceRoutes(t *testing.T) {
	c, _ := newTestServer(t)
	code, root := c.do("GET", "/", nil)
	if code != 200 || root["version"] != qdrantVersion || len(root["commit"].(string)) != 40 {
		t.Fatalf("GET / = %d %v", code, root)
	}
	for path, want := range map[string]string{"/healthz": "healthz check passed", "/livez": "healthz check passed", "/readyz": "all shards are ready"} {
		resp, err := c.srv.Client().Get(c.srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || string(b) != want {
			t.Errorf("%s = %d %q", path, resp.StatusCode, b)
		}
	}
	// Unknown routes and out-of-scope features answer Qdrant's JSON envelope.
	c.fails("GET", "/no/such/route", nil, http.StatusNotFound)
	c.fails("DELETE", "/collections", nil, http.StatusNotFound)
	if msg := c.fails("GET", "/cluster", nil, http.StatusNotImplemented); !strings.Contains(msg, "cluster") {
		t.Errorf("cluster refusal %q does not name the feature", msg)
	}
	c.fails("POST", "/collections/x/facet", `{"key":"a"}`, http.StatusNotImplemented)
	if got := c.ok("GET", "/snapshots", nil).([]any); len(got) != 0 {
		t.Errorf("full snapshots = %v", got)
	}
	c.fails("GET", "/snapshots/..%2F..%2Fetc%2Fpasswd", nil, http.StatusNotFound)
}

func TestTelemetryAndMetrics(t *testing.T) {
	c, _ := newTestServer(t)
	c.ok("PUT", "/collections/t", `{"vectors":{"size":2,"distance":"Dot"}}`)
	c.ok("PUT", "/collections/t/points", `{"points":[{"id":1,"vector":[1,0]}]}`)
	c.ok("PUT", "/collections/t/points", `{"points":[{"id":2,"vector":[0,1]}]}`)
	c.fails("PUT", "/collections/nope/points", `{"points":[{"id":2,"vector":[0,1]}]}`, http.StatusNotFound)
	tel := c.ok("GET", "/telemetry?details_level=2&per_collection=true", nil).(map[string]any)
	rest := tel["requests"].(map[string]any)["rest"].(map[string]any)
	upserts := rest["responses"].(map[string]any)["PUT /collections/{collection_name}/points"].(map[string]any)
	if upserts["200"].(map[string]any)["count"] != 2.0 || upserts["404"].(map[string]any)["count"] != 1.0 {
		t.Errorf("upsert statistics = %v", upserts)
	}
	perColl := rest["per_collection_responses"].(map[string]any)
	if len(perColl) != 2 || perColl["t PUT /collections/{collection_name}/points"] == nil { // the collection's PUT and its upserts
		t.Errorf("per-collection statistics = %v", perColl)
	}
	colls := tel["collections"].(map[string]any)
	if colls["number_of_collections"] != 1.0 || colls["collections"].([]any)[0].(map[string]any)["id"] != "t" {
		t.Errorf("collections = %v", colls)
	}
	if _, ok := c.ok("GET", "/telemetry", nil).(map[string]any)["memory"]; ok {
		t.Error("details_level 0 reports memory")
	}
	resp, err := c.srv.Client().Get(c.srv.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, want := range []string{`app_info{name="qdrant",version="` + qdrantVersion + `"} 1`, "collections_total 1", `collection_points{id="t"} 2`,
		`rest_responses_total{method="PUT",endpoint="/collections/{collection_name}/points",status="200"} 2`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("metrics lack %q:\n%s", want, b)
		}
	}
	if strings.Contains(string(b), `collection="t"`) {
		t.Error("metrics have per-collection labels without per_collection=true")
	}
}

func TestCollectionInfoAndUpdate(t *testing.T) {
	c, _ := newTestServer(t)
	c.ok("PUT", "/collections/kb", `{"vectors":{"size":4,"distance":"Dot","on_disk":true},"sparse_vectors":{"words":{"modifier":"idf"}},
		"optimizers_config":{"default_segment_number":2},"wal_config":{"wal_capacity_mb":null},"on_disk_payload":false,"metadata":{"owner":{"team":"x"},"embedding_model":"nomic"}}`)
	if got := c.ok("GET", "/collections/kb/exists", nil).(map[string]any)["exists"]; got != true {
		t.Fatalf("exists = %v", got)
	}
	if got := c.ok("GET", "/collections/nope/exists", nil).(map[string]any)["exists"]; got != false {
		t.Fatalf("exists of a missing collection = %v", got)
	}
	info := c.ok("GET", "/collections/kb", nil).(map[string]any)
	cfg := info["config"].(map[string]any)
	for _, k := range []string{"params", "hnsw_config", "optimizer_config", "wal_config"} {
		if cfg[k] == nil {
			t.Fatalf("config lacks %s: %v", k, cfg)
		}
	}
	params := cfg["params"].(map[string]any)
	if v := params["vectors"].(map[string]any); v["on_disk"] != true || v["size"] != 4.0 {
		t.Errorf("params.vectors = %v", v)
	}
	if sp := params["sparse_vectors"].(map[string]any)["words"].(map[string]any); sp["modifier"] != "idf" {
		t.Errorf("sparse_vectors = %v", sp)
	}
	if h := cfg["hnsw_config"].(map[string]any); h["m"] != 16.0 || h["ef_construct"] != 100.0 {
		t.Errorf("hnsw_config = %v (Qdrant's defaults are m 16, ef_construct 100)", h)
	}
	if o := cfg["optimizer_config"].(map[string]any); o["default_segment_number"] != 2.0 || o["flush_interval_sec"] != 5.0 {
		t.Errorf("optimizer_config = %v", o)
	}
	if m := cfg["metadata"].(map[string]any); m["owner"].(map[string]any)["team"] != "x" || m["embedding_model"] != "nomic" {
		t.Errorf("metadata = %v", m)
	}
	// PATCH merges metadata (null removes a key) and keeps the rest.
	c.ok("PATCH", "/collections/kb", `{"metadata":{"owner":null,"stage":"prod"},"params":{"on_disk_payload":true},"sparse_vectors":{"words":{"modifier":"none","index":{"on_disk":true}}}}`)
	cfg = c.ok("GET", "/collections/kb", nil).(map[string]any)["config"].(map[string]any)
	if m := cfg["metadata"].(map[string]any); len(m) != 2 || m["stage"] != "prod" || m["embedding_model"] != "nomic" {
		t.Errorf("metadata after PATCH = %v", m)
	}
	params = cfg["params"].(map[string]any)
	words := params["sparse_vectors"].(map[string]any)["words"].(map[string]any)
	if params["on_disk_payload"] != true || words["modifier"] != "none" || words["index"].(map[string]any)["on_disk"] != true {
		t.Errorf("params after PATCH = %v", params)
	}
	// Refusals name the feature; validation errors are 422; unknown fields 400.
	for body, code := range map[string]int{
		`{"vectors":{"size":4,"distance":"Dot"},"quantization_config":{"scalar":{"type":"int8"}}}`: 400,
		`{"vectors":{"size":4,"distance":"Dot"},"shard_number":3}`:                                 400,
		`{"vectors":{"size":4,"distance":"Dot","multivector_config":{"comparator":"max_sim"}}}`:    400,
		`{"vectors":{"size":0,"distance":"Dot"}}`:                                                  422,
		`{"vectors":{"size":4,"distance":"Dot"},"no_such_field":1}`:                                400,
		`{"vectors":{"a":{"size":4,"distance":"Dot"}},"sparse_vectors":{"a":{}}}`:                  400,
	} {
		c.fails("PUT", "/collections/other", body, code)
	}
	c.fails("PATCH", "/collections/kb", `{"quantization_config":{"scalar":{"type":"int8"}}}`, http.StatusBadRequest)
	c.fails("PATCH", "/collections/nope", `{"metadata":{"a":"b"}}`, http.StatusNotFound)
}

func TestNamedSparseVectorsAliasesIndexes(t *testing.T) {
	c, _ := newTestServer(t)
	c.ok("PUT", "/collections/mm", `{"vectors":{"text":{"size":3,"distance":"Cosine"},"image":{"size":2,"distance":"Dot"}},"sparse_vectors":{"kw":{}}}`)
	c.ok("PUT", "/collections/mm/points?wait=true", `{"points":[
		{"id":1,"vector":{"text":[1,0,0],"image":[1,0],"kw":{"indices":[5,1],"values":[0.5,1]}},"payload":{"lang":"en","n":1}},
		{"id":2,"vector":{"text":[0,1,0]},"payload":{"lang":"de","n":2}}]}`)
	c.ok("PUT", "/collections/mm/points", `{"batch":{"ids":[3],"vectors":{"image":[[0,1]],"kw":[{"indices":[2],"values":[3]}]}}}`)
	got := c.ok("POST", "/collections/mm/points", `{"ids":[1],"with_vector":["image","kw"],"with_payload":false}`).([]any)
	p := got[0].(map[string]any)
	vec := p["vector"].(map[string]any)
	if len(vec) != 2 || vec["image"] == nil || vec["kw"].(map[string]any)["indices"] == nil {
		t.Fatalf("selected vectors = %v", vec)
	}
	if _, has := p["payload"]; has {
		t.Errorf("payload returned with with_payload false: %v", p)
	}
	c.fails("PUT", "/collections/mm/points", `{"points":[{"id":4,"vector":{"nope":[1,2]}}]}`, http.StatusBadRequest)
	c.fails("POST", "/collections/mm/points", `{"ids":[1],"with_vector":true,"with_vectors":true}`, http.StatusBadRequest)
	c.fails("PUT", "/collections/mm/points", `{"points":[{"id":4,"vector":{"kw":{"indices":[1,1],"values":[1,2]}}}]}`, http.StatusUnprocessableEntity)
	// Vector edits change only the named vectors and keep the payload.
	c.fails("PUT", "/collections/mm/points/vectors", `{"points":[{"id":1,"vector":{}}]}`, http.StatusUnprocessableEntity)
	if msg := c.fails("PUT", "/collections/mm/points/vectors", `{"points":[{"id":2,"vector":{"image":[1,1]}},{"id":99,"vector":{"image":[1,1]}}]}`, http.StatusNotFound); msg != "Not found: No point with id 99 found" {
		t.Errorf("missing point: %q", msg)
	}
	// A point given twice takes both edits, the later winning.
	c.ok("PUT", "/collections/mm/points/vectors", `{"points":[{"id":2,"vector":{"image":[9,9]}},{"id":2,"vector":{"image":[0.5,0.5]}}]}`)
	c.ok("POST", "/collections/mm/points/vectors/delete", `{"points":[1],"vector":["kw","text"]}`)
	got = c.ok("POST", "/collections/mm/points", `{"ids":[1,2],"with_vectors":true}`).([]any)
	v1, v2 := got[0].(map[string]any), got[1].(map[string]any)
	if vec := v1["vector"].(map[string]any); len(vec) != 1 || vec["image"] == nil || v1["payload"].(map[string]any)["lang"] != "en" {
		t.Errorf("point 1 after deleting kw and text: %v", v1)
	}
	if vec := v2["vector"].(map[string]any); len(vec) != 2 || vec["image"] == nil || vec["text"] == nil {
		t.Errorf("point 2 after adding image: %v", v2)
	}

	// Payload indexes show in payload_schema with the points they hold.
	c.ok("PUT", "/collections/mm/index?wait=true", `{"field_name":"lang","field_schema":"keyword"}`)
	c.ok("PUT", "/collections/mm/index", `{"field_name":"n","field_schema":{"type":"integer"}}`)
	schema := c.ok("GET", "/collections/mm", nil).(map[string]any)["payload_schema"].(map[string]any)
	if l := schema["lang"].(map[string]any); l["data_type"] != "keyword" || l["points"] != 2.0 {
		t.Errorf("payload_schema = %v", schema)
	}
	c.fails("PUT", "/collections/mm/index", `{"field_name":"lang","field_schema":"nosuchtype"}`, http.StatusBadRequest)
	c.ok("DELETE", "/collections/mm/index/n", nil)
	schema = c.ok("GET", "/collections/mm", nil).(map[string]any)["payload_schema"].(map[string]any)
	if _, has := schema["n"]; has || len(schema) != 1 {
		t.Errorf("payload_schema after delete = %v", schema)
	}

	// Aliases: create, list, use, rename, and gone with their collection.
	c.ok("POST", "/collections/aliases", `{"actions":[{"create_alias":{"collection_name":"mm","alias_name":"latest"}}]}`)
	al := c.ok("GET", "/collections/mm/aliases", nil).(map[string]any)["aliases"].([]any)
	if len(al) != 1 || al[0].(map[string]any)["alias_name"] != "latest" {
		t.Fatalf("aliases = %v", al)
	}
	if n := c.ok("POST", "/collections/latest/points/count", `{}`).(map[string]any)["count"]; n != 3.0 {
		t.Errorf("count through alias = %v", n)
	}
	c.ok("POST", "/collections/aliases", `{"actions":[{"rename_alias":{"old_alias_name":"latest","new_alias_name":"v2"}}]}`)
	c.fails("POST", "/collections/aliases", `{"actions":[{"create_alias":{"collection_name":"nope","alias_name":"x"}}]}`, http.StatusNotFound)
	c.fails("POST", "/collections/aliases", `{"actions":[{}]}`, http.StatusBadRequest)
	c.ok("DELETE", "/collections/mm", nil)
	if al := c.ok("GET", "/aliases", nil).(map[string]any)["aliases"].([]any); len(al) != 0 {
		t.Errorf("aliases after the collection's deletion = %v", al)
	}
}

func TestSnapshotRecover(t *testing.T) {
	dir := t.TempDir()
	pol, err := egress.NewPolicy("127.0.0.0/8")
	if err != nil {
		t.Fatal(err)
	}
	c, _ := newTestServerOpts(t, Options{SnapshotDir: dir, Egress: pol})
	c.ok("PUT", "/collections/src", `{"vectors":{"size":2,"distance":"Dot"}}`)
	c.ok("PUT", "/collections/src/points", `{"points":[{"id":1,"vector":[1,2],"payload":{"a":1}},{"id":2,"vector":[3,4]}]}`)
	snap := c.ok("POST", "/collections/src/snapshots", nil).(map[string]any)
	name, sum := snap["name"].(string), snap["checksum"].(string)
	if list := c.ok("GET", "/collections/src/snapshots", nil).([]any); list[0].(map[string]any)["checksum"] != sum {
		t.Fatalf("listed snapshot = %v, want checksum %s", list, sum)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "src", name))
	if err != nil {
		t.Fatal(err)
	}
	if h := sha256.Sum256(raw); hex.EncodeToString(h[:]) != sum {
		t.Fatal("checksum is not the file's SHA-256")
	}
	files := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(raw) }))
	defer files.Close()
	c.fails("PUT", "/collections/copy/snapshots/recover", `{"location":"`+files.URL+`/s","checksum":"`+strings.Repeat("3", 64)+`"}`, http.StatusBadRequest)
	c.fails("POST", "/collections/copy/points/count", `{}`, http.StatusNotFound)
	c.ok("PUT", "/collections/copy/snapshots/recover", `{"location":"`+files.URL+`/s","checksum":"`+sum+`"}`)
	if n := c.ok("POST", "/collections/copy/points/count", `{}`).(map[string]any)["count"]; n != 2.0 {
		t.Fatalf("recovered count = %v", n)
	}
	// A file:// location must be inside the collection's snapshot
	// directory; the guarded downloader refuses hosts the policy lacks.
	c.fails("PUT", "/collections/copy/snapshots/recover", `{"location":"file:///etc/passwd"}`, http.StatusForbidden)
	c.fails("PUT", "/collections/copy/snapshots/recover", `{"location":"file://./etc/passwd"}`, http.StatusBadRequest)
	c.ok("PUT", "/collections/src/snapshots/recover", `{"location":"file://`+filepath.Join(dir, "src", name)+`"}`)
	// wait=false answers 202 and finishes in the background.
	if code, _ := c.do("POST", "/collections/src/snapshots?wait=false", nil); code != http.StatusAccepted {
		t.Fatalf("snapshot with wait=false = %d", code)
	}
	for deadline := time.Now().Add(10 * time.Second); len(c.ok("GET", "/collections/src/snapshots", nil).([]any)) != 2; {
		if time.Now().After(deadline) {
			t.Fatal("the background snapshot never appeared")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if code, _ := c.do("DELETE", "/collections/src/snapshots/"+name+"?wait=false", nil); code != http.StatusAccepted {
		t.Fatalf("snapshot delete with wait=false = %d", code)
	}
	strict, _ := newTestServerOpts(t, Options{SnapshotDir: t.TempDir()})
	if msg := strict.fails("PUT", "/collections/copy/snapshots/recover", `{"location":"`+files.URL+`/s"}`, http.StatusBadRequest); !strings.Contains(msg, "127.0.0.1") {
		t.Errorf("loopback download refusal %q", msg)
	}
}

func TestPayloadEdits(t *testing.T) {
	c, _ := newTestServer(t)
	c.ok("PUT", "/collections/p", `{"vectors":{"size":2,"distance":"Dot"}}`)
	c.ok("PUT", "/collections/p/points", `{"points":[{"id":1,"vector":[1,0],"payload":{"a":1,"b":{"c":2}}},{"id":2,"vector":[0,1],"payload":{"a":2}},{"id":3,"vector":[1,1]}]}`)
	payload := func(id int) map[string]any {
		t.Helper()
		got := c.ok("POST", "/collections/p/points", map[string]any{"ids": []int{id}}).([]any)
		pl, _ := got[0].(map[string]any)["payload"].(map[string]any)
		return pl
	}
	c.ok("POST", "/collections/p/points/payload", `{"payload":{"x":"y"},"points":[1,3]}`)
	if p := payload(1); p["x"] != "y" || p["a"] != 1.0 {
		t.Errorf("set_payload: %v", p)
	}
	c.ok("POST", "/collections/p/points/payload", `{"payload":{"d":4},"key":"b","filter":{"must":[{"key":"a","match":{"value":1}}]}}`)
	if b := payload(1)["b"].(map[string]any); b["c"] != 2.0 || b["d"] != 4.0 {
		t.Errorf("set_payload at key: %v", b)
	}
	c.ok("PUT", "/collections/p/points/payload", `{"payload":{"only":true},"points":[2]}`)
	if p := payload(2); len(p) != 1 || p["only"] != true {
		t.Errorf("overwrite_payload: %v", p)
	}
	c.ok("POST", "/collections/p/points/payload/delete", `{"keys":["b.c","x"],"points":[1]}`)
	if p := payload(1); p["x"] != nil || len(p["b"].(map[string]any)) != 1 {
		t.Errorf("delete_payload: %v", p)
	}
	c.ok("POST", "/collections/p/points/payload/clear", `{"points":[1]}`)
	if p := payload(1); len(p) != 0 {
		t.Errorf("clear_payload: %v", p)
	}
	c.fails("POST", "/collections/p/points/payload", `{"payload":{"x":1},"points":[77]}`, http.StatusNotFound)
	c.fails("POST", "/collections/p/points/payload", `{"payload":{"x":1}}`, http.StatusBadRequest)
	// A batch runs its operations in order.
	res := c.ok("POST", "/collections/p/points/batch", `{"operations":[
		{"upsert":{"points":[{"id":4,"vector":[2,2],"payload":{"n":1}}]}},
		{"set_payload":{"payload":{"n":2},"points":[4]}},
		{"delete":{"points":[3]}}]}`).([]any)
	if len(res) != 3 || payload(4)["n"] != 2.0 {
		t.Errorf("batch: %v, payload %v", res, payload(4))
	}
	if n := c.ok("POST", "/collections/p/points/count", `{}`).(map[string]any)["count"]; n != 3.0 {
		t.Errorf("count after batch = %v", n)
	}
}

func TestQueryAPI(t *testing.T) {
	c, _ := newTestServer(t)
	c.ok("PUT", "/collections/q", `{"vectors":{"size":2,"distance":"Dot"}}`)
	c.ok("PUT", "/collections/q/points", `{"points":[
		{"id":1,"vector":[1,0],"payload":{"g":"a","price":3,"n":{"x":1,"y":2}}},
		{"id":2,"vector":[0.9,0.1],"payload":{"g":"a","price":1}},
		{"id":3,"vector":[0,1],"payload":{"g":"b","price":2}},
		{"id":4,"vector":[0.5,0.5],"payload":{"g":"b","price":4}}]}`)
	pts := func(body string) []any {
		t.Helper()
		return c.ok("POST", "/collections/q/points/query", body).(map[string]any)["points"].([]any)
	}
	got := pts(`{"query":[1,0],"limit":2,"with_payload":{"include":["n.x"]}}`)
	if ids(t, got)[0] != 1 || ids(t, got)[1] != 2 {
		t.Fatalf("nearest = %v", got)
	}
	if pl := got[0].(map[string]any)["payload"].(map[string]any); len(pl) != 1 || pl["n"].(map[string]any)["x"] != 1.0 || len(pl["n"].(map[string]any)) != 1 {
		t.Errorf("include n.x = %v", pl)
	}
	// Recommend by point ids: near 3, away from 1.
	if got := ids(t, pts(`{"query":{"recommend":{"positive":[3],"negative":[1]}},"limit":1}`)); got[0] == 1 {
		t.Errorf("recommend = %v", got)
	}
	c.fails("POST", "/collections/q/points/query", `{"query":{"recommend":{"positive":[]}}}`, http.StatusUnprocessableEntity)
	// Fusion of two prefetches: 4 is second in both.
	fused := ids(t, pts(`{"prefetch":[{"query":[1,0],"limit":2},{"query":[0,1],"limit":3}],"query":{"fusion":"rrf"},"limit":4}`))
	if len(fused) != 4 {
		t.Errorf("fused = %v", fused)
	}
	// order_by (needs a range index, as in Qdrant), in the query and in scroll.
	c.ok("PUT", "/collections/q/index", `{"field_name":"price","field_schema":"float"}`)
	if got := ids(t, pts(`{"query":{"order_by":{"key":"price","direction":"desc"}},"limit":2}`)); got[0] != 4 || got[1] != 1 {
		t.Errorf("order_by desc = %v", got)
	}
	page := c.ok("POST", "/collections/q/points/scroll", `{"order_by":"price","limit":2}`).(map[string]any)
	if got := ids(t, page["points"]); got[0] != 2 || got[1] != 3 {
		t.Errorf("scroll order_by = %v", got)
	}
	c.fails("POST", "/collections/q/points/query", `{"score_threshold":1}`, http.StatusBadRequest)
	// Groups by a payload field, best group first.
	groups := c.ok("POST", "/collections/q/points/query/groups", `{"query":[1,0],"group_by":"g","group_size":1,"limit":2}`).(map[string]any)["groups"].([]any)
	if len(groups) != 2 || groups[0].(map[string]any)["id"] != "a" || len(groups[0].(map[string]any)["hits"].([]any)) != 1 {
		t.Errorf("groups = %v", groups)
	}
	batch := c.ok("POST", "/collections/q/points/query/batch", `{"searches":[{"query":[1,0],"limit":1},{"query":[0,1],"limit":1}]}`).([]any)
	if len(batch) != 2 || ids(t, batch[1].(map[string]any)["points"])[0] != 3 {
		t.Errorf("batch = %v", batch)
	}
	c.fails("POST", "/collections/q/points/query", `{"query":{"formula":{"sum":[]}}}`, http.StatusBadRequest)
	c.fails("POST", "/collections/q/points/query", `{"query":[1,0],"lookup_from":{"collection":"x"}}`, http.StatusNotFound)
}

func TestLookups(t *testing.T) {
	c, _ := newTestServer(t)
	c.ok("PUT", "/collections/q", `{"vectors":{"size":2,"distance":"Dot"}}`)
	c.ok("PUT", "/collections/q/points", `{"points":[
		{"id":1,"vector":[1,0],"payload":{"doc":10}},
		{"id":2,"vector":[0,1],"payload":{"doc":20}}]}`)
	c.ok("PUT", "/collections/other", `{"vectors":{"v":{"size":2,"distance":"Dot"}}}`)
	c.ok("PUT", "/collections/other/points", `{"points":[
		{"id":7,"vector":{"v":[0,1]}},{"id":10,"vector":{"v":[1,1]},"payload":{"title":"ten"}}]}`)
	// lookup_from: point 7 of "other" (vector v) is the positive example.
	got := c.ok("POST", "/collections/q/points/query", `{"query":{"recommend":{"positive":[7]}},"limit":1,"lookup_from":{"collection":"other","vector":"v"}}`).(map[string]any)["points"]
	if ids(t, got)[0] != 2 {
		t.Errorf("recommend with lookup_from = %v", got)
	}
	c.fails("POST", "/collections/q/points/query", `{"query":{"recommend":{"positive":[8]}},"lookup_from":{"collection":"other","vector":"v"}}`, http.StatusNotFound)
	c.fails("POST", "/collections/q/points/query", `{"query":{"recommend":{"positive":[7]}},"lookup_from":{"collection":"other","vector":"w"}}`, http.StatusBadRequest)
	// with_lookup: group 10's record comes from "other".
	groups := c.ok("POST", "/collections/q/points/query/groups", `{"query":[1,0],"group_by":"doc","limit":2,"with_lookup":"other"}`).(map[string]any)["groups"].([]any)
	g0 := groups[0].(map[string]any)
	if g0["id"] != 10.0 || g0["lookup"].(map[string]any)["payload"].(map[string]any)["title"] != "ten" || groups[1].(map[string]any)["lookup"] != nil {
		t.Errorf("groups with lookup = %v", groups)
	}
	if msg := c.fails("POST", "/collections/q/points/query/groups", `{"query":[1,0],"group_by":"doc","with_lookup":{"collection":"nope"}}`, http.StatusNotFound); !strings.Contains(msg, "Collection nope not found") {
		t.Errorf("missing lookup collection: %q", msg)
	}
}

func TestFullSnapshot(t *testing.T) {
	c, _ := newTestServer(t)
	c.ok("PUT", "/collections/a", `{"vectors":{"size":2,"distance":"Dot"}}`)
	c.ok("PUT", "/collections/a/points", `{"points":[{"id":1,"vector":[1,2],"payload":{"k":"v"}}]}`)
	c.ok("PUT", "/collections/b", `{"vectors":{"v":{"size":3,"distance":"Cosine"}},"sparse_vectors":{"s":{}}}`)
	c.ok("PUT", "/collections/b/points", `{"points":[{"id":2,"vector":{"s":{"indices":[1],"values":[0.5]}}}]}`)
	c.ok("POST", "/collections/aliases", `{"actions":[{"create_alias":{"alias_name":"al","collection_name":"a"}}]}`)
	snap := c.ok("POST", "/snapshots", nil).(map[string]any)
	name := snap["name"].(string)
	if list := c.ok("GET", "/snapshots", nil).([]any); len(list) != 1 || list[0].(map[string]any)["name"] != name {
		t.Fatalf("full snapshots = %v", list)
	}
	resp, err := c.srv.Client().Get(c.srv.URL + "/snapshots/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	members := map[string][]byte{}
	tr := tar.NewReader(resp.Body)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		members[h.Name], _ = io.ReadAll(tr)
	}
	if len(members) != 3 || !strings.Contains(string(members["aliases.json"]), `"alias_name":"al"`) {
		t.Fatalf("archive members %v, aliases %s", slices.Collect(maps.Keys(members)), members["aliases.json"])
	}
	// A member restores its collection through the collection routes.
	req, _ := http.NewRequest("POST", c.srv.URL+"/collections/b2/snapshots/upload", bytes.NewReader(members["b.snapshot"]))
	up, err := c.srv.Client().Do(req)
	if err != nil || up.StatusCode != 200 {
		t.Fatalf("upload of the archive's b.snapshot: %v %v", err, up.Status)
	}
	up.Body.Close()
	if n := c.ok("POST", "/collections/b2/points/count", `{}`).(map[string]any)["count"]; n != 1.0 {
		t.Errorf("restored count = %v", n)
	}
	c.ok("DELETE", "/snapshots/"+name, nil)
	if list := c.ok("GET", "/snapshots", nil).([]any); len(list) != 0 {
		t.Errorf("full snapshots after delete = %v", list)
	}
	c.fails("GET", "/snapshots/"+name, nil, http.StatusNotFound)
}

func TestIndexSchemaEcho(t *testing.T) {
	c, _ := newTestServer(t)
	c.ok("PUT", "/collections/ix", `{"vectors":{"size":2,"distance":"Dot"}}`)
	c.ok("PUT", "/collections/ix/index", `{"field_name":"k","field_schema":{"type":"keyword","is_tenant":true,"prefix":true}}`)
	c.ok("PUT", "/collections/ix/index", `{"field_name":"t","field_schema":"text"}`)
	c.fails("PUT", "/collections/ix/index", `{"field_name":"i","field_schema":{"type":"integer","lookup":false,"range":false}}`, http.StatusUnprocessableEntity)
	schema := c.ok("GET", "/collections/ix", nil).(map[string]any)["payload_schema"].(map[string]any)
	k := schema["k"].(map[string]any)["params"].(map[string]any)
	if k["type"] != "keyword" || k["is_tenant"] != true || k["prefix"] != true || len(k) != 3 {
		t.Errorf("keyword params = %v", k)
	}
	if p, ok := schema["t"].(map[string]any)["params"]; ok {
		t.Errorf("a string schema shows params %v", p)
	}
	c.ok("DELETE", "/collections/ix/index/k", nil)
	c.ok("PUT", "/collections/ix/index", `{"field_name":"k","field_schema":"keyword"}`)
	if p, ok := c.ok("GET", "/collections/ix", nil).(map[string]any)["payload_schema"].(map[string]any)["k"].(map[string]any)["params"]; ok {
		t.Errorf("a recreated string index keeps params %v", p)
	}
}

func TestIssuesUnindexedField(t *testing.T) {
	store, err := vectorstore.Open(context.Background(), t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	s := New(store, Options{})
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	c := &client{t: t, srv: srv}
	c.ok("PUT", "/collections/is", `{"vectors":{"size":2,"distance":"Dot"}}`)
	c.ok("PUT", "/collections/is/points", `{"points":[{"id":1,"vector":[1,0],"payload":{"city":"Paris","n":2}}]}`)
	c.ok("POST", "/collections/is/points/scroll", `{"filter":{"must":[{"key":"city","match":{"value":"Paris"}}]}}`)
	if got := c.ok("GET", "/issues", nil).(map[string]any)["issues"].([]any); len(got) != 0 {
		t.Fatalf("a fast request raised issues: %v", got)
	}
	s.issues.slow.Store(0) // every filtered read counts as slow
	c.ok("PUT", "/collections/is/index", `{"field_name":"n","field_schema":"integer"}`)
	c.ok("POST", "/collections/is/points/query", `{"query":[1,0],"filter":{"must":[{"key":"city","match":{"value":"Paris"}},{"key":"n","range":{"gte":1}}]}}`)
	got := c.ok("GET", "/issues", nil).(map[string]any)["issues"].([]any)
	if len(got) != 1 || got[0].(map[string]any)["id"] != "UNINDEXED_FIELD,is,city,keyword" {
		t.Fatalf("issues = %v", got)
	}
	action := got[0].(map[string]any)["solution"].(map[string]any)["immediate"].(map[string]any)["action"].(map[string]any)
	if action["uri"] != "/collections/is/index" || action["body"].(map[string]any)["field_schema"] != "keyword" {
		t.Errorf("solution = %v", action)
	}
	if c.ok("DELETE", "/issues", nil) != true || len(c.ok("GET", "/issues", nil).(map[string]any)["issues"].([]any)) != 0 {
		t.Error("DELETE /issues did not clear them")
	}
}

// A start_from date-time equal to a stored one includes that point: the
// API converts it to seconds exactly as the store converts stored values.
func TestOrderByStartFromDatetime(t *testing.T) {
	c, _ := newTestServer(t)
	c.ok("PUT", "/collections/od", `{"vectors":{"size":2,"distance":"Dot"}}`)
	c.ok("PUT", "/collections/od/index", `{"field_name":"d","field_schema":"datetime"}`)
	// Find date-times where micro- and nanosecond arithmetic disagree.
	base := time.Date(2026, 12, 7, 20, 12, 34, 0, time.UTC)
	var stamps []string
	for us := 0; len(stamps) < 5 && us < 1e6; us++ {
		ts := base.Add(time.Duration(us) * time.Microsecond)
		if float64(ts.UnixMicro())/1e6 != float64(ts.UnixNano())/1e9 {
			stamps = append(stamps, ts.Format(time.RFC3339Nano))
		}
	}
	if len(stamps) == 0 {
		t.Skip("no date-time where the two conversions differ")
	}
	for i, ts := range stamps {
		c.ok("PUT", "/collections/od/points", fmt.Sprintf(`{"points":[{"id":%d,"vector":[1,0],"payload":{"d":%q}}]}`, i+1, ts))
	}
	for i, ts := range stamps {
		for _, dir := range []string{"asc", "desc"} {
			page := c.ok("POST", "/collections/od/points/scroll", fmt.Sprintf(`{"order_by":{"key":"d","direction":%q,"start_from":%q},"limit":1}`, dir, ts)).(map[string]any)
			if got := ids(t, page["points"]); len(got) != 1 || got[0] != float64(i+1) {
				t.Errorf("%s from %s = %v, want point %d", dir, ts, got, i+1)
			}
		}
	}
}

func TestCreateDeleteVector(t *testing.T) {
	c, _ := newTestServer(t)
	c.ok("PUT", "/collections/cv", `{"vectors":{"a":{"size":2,"distance":"Dot"}}}`)
	c.ok("PUT", "/collections/cv/points", `{"points":[{"id":1,"vector":{"a":[1,0]},"payload":{"k":1}}]}`)
	c.ok("PUT", "/collections/cv/vectors/b", `{"dense":{"size":3,"distance":"Cosine","on_disk":true}}`)
	c.ok("PUT", "/collections/cv/vectors/s", `{"sparse":{"modifier":"idf"}}`)
	c.fails("PUT", "/collections/cv/vectors/b", `{"dense":{"size":3,"distance":"Cosine"}}`, http.StatusBadRequest)
	params := c.ok("GET", "/collections/cv", nil).(map[string]any)["config"].(map[string]any)["params"].(map[string]any)
	b := params["vectors"].(map[string]any)["b"].(map[string]any)
	if b["size"] != 3.0 || b["on_disk"] != true || params["sparse_vectors"].(map[string]any)["s"].(map[string]any)["modifier"] != "idf" {
		t.Fatalf("params after adding b and s = %v", params)
	}
	c.ok("PUT", "/collections/cv/points/vectors", `{"points":[{"id":1,"vector":{"b":[0,0,1]}}]}`)
	c.ok("DELETE", "/collections/cv/vectors/a", nil)
	rec := c.ok("POST", "/collections/cv/points", `{"ids":[1],"with_vector":true}`).([]any)[0].(map[string]any)
	if v := rec["vector"].(map[string]any); len(v) != 1 || v["b"] == nil || rec["payload"].(map[string]any)["k"] != 1.0 {
		t.Errorf("point after deleting a = %v", rec)
	}
	c.fails("DELETE", "/collections/cv/vectors/nope", nil, http.StatusBadRequest)
	c.fails("PUT", "/collections/cv/vectors/z", `{"dense":{"size":0,"distance":"Dot"}}`, http.StatusUnprocessableEntity)
}

func TestSampleAndMMR(t *testing.T) {
	c, _ := newTestServer(t)
	c.ok("PUT", "/collections/sm", `{"vectors":{"size":2,"distance":"Dot"}}`)
	c.ok("PUT", "/collections/sm/points", `{"points":[{"id":1,"vector":[1,0]},{"id":2,"vector":[0.99,0.01]},{"id":3,"vector":[0,1]}]}`)
	got := c.ok("POST", "/collections/sm/points/query", `{"query":{"sample":"random"},"limit":10}`).(map[string]any)["points"]
	if n := len(got.([]any)); n != 3 {
		t.Errorf("random sample of 3 points = %v", got)
	}
	c.fails("POST", "/collections/sm/points/query", `{"query":{"sample":"other"}}`, http.StatusBadRequest)
	// With full diversity the second pick is the point least like the first.
	got = c.ok("POST", "/collections/sm/points/query", `{"query":{"nearest":[1,0],"mmr":{"diversity":1,"candidates_limit":3}},"limit":2}`).(map[string]any)["points"]
	if ids := ids(t, got); len(ids) != 2 || ids[0] != 1 || ids[1] != 3 {
		t.Errorf("MMR picks %v, want [1 3]", ids)
	}
	c.fails("POST", "/collections/sm/points/query", `{"query":{"nearest":[1,0],"mmr":{"diversity":2}}}`, http.StatusUnprocessableEntity)
	c.fails("POST", "/collections/sm/points/query", `{"query":{"recommend":{"positive":[1]},"mmr":{}}}`, http.StatusBadRequest)
}
