package node

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/config"
)

// TestHybridRetrieval checks that with search_fusion hybrid or rrf a chunk
// holding a rare query word is retrieved first — keyword evidence
// outweighs the random-weight model's vector scores — and that documents
// added through /v1/create/rag join the keyword index.
func TestHybridRetrieval(t *testing.T) {
	for _, fusion := range []string{"hybrid", "rrf"} {
		t.Run(fusion, func(t *testing.T) {
			_, srv := testNode(t, func(c *config.Config) {
				c.Ext.SearchFusion = fusion
				c.QdrantScoreThreshold = 0
			})
			retrieve := func(q string) string {
				t.Helper()
				code, body := post(t, srv.URL+"/v1/retrieve", `{"limit":1,"messages":[{"role":"user","content":"`+q+`"}]}`)
				var out struct {
					Points []struct {
						Source string `json:"source"`
					} `json:"points"`
				}
				if err := json.Unmarshal(body, &out); code != 200 || err != nil || len(out.Points) != 1 {
					t.Fatalf("retrieve %q: %d %s", q, code, body)
				}
				return out.Points[0].Source
			}
			if got := retrieve("bananas"); !strings.Contains(got, "bananas are yellow") {
				t.Errorf("keyword 'bananas' retrieved %q", got)
			}
			if got := retrieve("embedded vector store"); got != kbText {
				t.Errorf("keywords of the kb chunk retrieved %q", got)
			}
			doc := "The quokka is a small marsupial that lives on Rottnest Island."
			if code, body := upload(t, srv.URL+"/v1/create/rag", "quokka.txt", doc); code != 200 {
				t.Fatalf("create/rag: %d %s", code, body)
			}
			if got := retrieve("quokka"); got != doc {
				t.Errorf("keyword of an uploaded document retrieved %q", got)
			}
		})
	}
}
