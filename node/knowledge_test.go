package node

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/config"
)

// TestKnowledgeManagementRoutes drives the routes 'gaianet kb' uses while
// the node runs: a fresh collection reports zero, an upload is ingested
// once (then skipped while unchanged), listed by name and id, found by
// search and deleted by id; bad input is refused clearly.
func TestKnowledgeManagementRoutes(t *testing.T) {
	n, srv := testNode(t, nil)
	coll := srv.URL + "/v1/knowledge/collections/notes"

	code, body := get(t, "GET", coll)
	var st struct {
		Exists    bool `json:"exists"`
		Points    int  `json:"points"`
		Documents int  `json:"documents"`
		Dim       int  `json:"dimension"`
	}
	if err := json.Unmarshal(body, &st); code != 200 || err != nil || st.Exists || st.Points != 0 || st.Dim != n.embed.Dim() {
		t.Fatalf("stats of a fresh collection: %d %s", code, body)
	}
	const text = "The lighthouse keeper logs the weather at dawn."
	code, body = upload(t, coll+"/documents", "log.txt", text, "source", "/home/keeper/notes/log.txt")
	if code != 200 || !strings.Contains(string(body), `"added":1`) || !strings.Contains(string(body), `"document":"log.txt"`) {
		t.Fatalf("ingest: %d %s", code, body)
	}
	var res IngestResult
	json.Unmarshal(body, &res)
	if code, body = upload(t, coll+"/documents", "log.txt", text, "source", "/home/keeper/notes/log.txt"); !strings.Contains(string(body), `"unchanged":1`) {
		t.Errorf("ingest again: %d %s", code, body)
	}
	code, body = get(t, "GET", coll+"/documents")
	if code != 200 || !strings.Contains(string(body), `{"document":"log.txt","document_id":"`+res.DocumentID+`","chunks":1}`) ||
		strings.Contains(string(body), "/home/") {
		t.Errorf("documents: %d %s", code, body)
	}
	code, body = post(t, coll+"/search", `{"query":"`+text+`","limit":1}`)
	if code != 200 || !strings.Contains(string(body), `"text":"`+text+`"`) || strings.Contains(string(body), "/home/") {
		t.Errorf("search: %d %s", code, body)
	}
	code, body = get(t, "DELETE", coll+"/documents/"+res.DocumentID)
	if code != 200 || !strings.Contains(string(body), `"chunks":1`) {
		t.Errorf("delete: %d %s", code, body)
	}
	for _, tt := range []struct {
		name, method, path, body string
		code                     int
		want                     string
	}{
		{"delete an unknown document", "DELETE", "/documents/doc_0000000000000000", "", 404, "document_not_found"},
		{"search without a query", "POST", "/search", `{}`, 400, `"param":"query"`},
		{"search with a bad limit", "POST", "/search", `{"query":"x","limit":0}`, 400, `"param":"limit"`},
		{"search with a bad type", "POST", "/search", `{"query":5}`, 400, "query: expected a string, got 5"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var code int
			var body []byte
			if tt.method == "POST" {
				code, body = post(t, coll+tt.path, tt.body)
			} else {
				code, body = get(t, tt.method, coll+tt.path)
			}
			if code != tt.code || !strings.Contains(string(body), tt.want) {
				t.Errorf("%d %s", code, body)
			}
		})
	}
	if code, body := upload(t, coll+"/documents", "t.csv", "a,b\n1,2\n", "csv", "columns"); code != 400 || !strings.Contains(string(body), "unknown CSV mode") {
		t.Errorf("bad csv mode: %d %s", code, body)
	}
	if code, body := upload(t, coll+"/documents", "t.csv", "a,b,c\n1,2,3\n", "csv", "gaianet"); code != 200 {
		t.Errorf("csv gaianet: %d %s", code, body)
	}
	if code, body := get(t, "GET", srv.URL+"/v1/knowledge/collections/bad%20name"); code != 400 {
		t.Errorf("bad collection name: %d %s", code, body)
	}
}

// TestKnowledgeRoutesKeepKeywordIndex: with hybrid search, the keyword
// index follows ingest and delete through the management routes, leaving
// no deleted chunk behind.
func TestKnowledgeRoutesKeepKeywordIndex(t *testing.T) {
	n, srv := testNode(t, func(c *config.Config) { c.Ext.SearchFusion = "hybrid" })
	coll := n.cfg.EmbeddingCollectionName
	ix := n.keywords[coll]
	before := ix.Len()
	url := srv.URL + "/v1/knowledge/collections/" + coll + "/documents"
	code, body := upload(t, url, "tides.txt", "Tides follow the moon.\n\nSpring tides are the largest.", "chunk_tokens", "8", "overlap_tokens", "0")
	var res IngestResult
	if err := json.Unmarshal(body, &res); code != 200 || err != nil || res.Chunks < 2 {
		t.Fatalf("ingest: %d %s", code, body)
	}
	if ix.Len() != before+res.Chunks {
		t.Errorf("keyword index holds %d chunks, want %d", ix.Len(), before+res.Chunks)
	}
	// A shorter new version replaces every old chunk.
	code, body = upload(t, url, "tides.txt", "Neap tides.", "chunk_tokens", "8", "overlap_tokens", "0")
	if code != 200 || !strings.Contains(string(body), `"replaced":1`) || ix.Len() != before+1 {
		t.Errorf("replace: %d %s; keyword index %d, want %d", code, body, ix.Len(), before+1)
	}
	if code, body := get(t, "DELETE", url+"/"+res.DocumentID); code != 200 || ix.Len() != before {
		t.Errorf("delete: %d %s; keyword index %d, want %d", code, body, ix.Len(), before)
	}
}
