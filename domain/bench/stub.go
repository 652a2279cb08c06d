package bench

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"

	"github.com/gaianet-go/gaianet/attest"
)

// StubModel is the model the stub node serves.
const StubModel = "bench-model"

// stubNode is an OpenAI-compatible node that answers every chat completion
// at once with the same short answer and its usage; it signs /v1/info
// with its key, as the domain requires of a node.
type stubNode struct {
	addr   string
	signer attest.Signer
	answer []byte // the completion, encoded once
}

func newStubNode(addr string, signer attest.Signer) *stubNode {
	answer, _ := json.Marshal(map[string]any{"id": "chatcmpl-bench", "object": "chat.completion", "created": 0, "model": StubModel,
		"choices": []map[string]any{{"index": 0, "message": map[string]any{"role": "assistant", "content": "ok"}, "finish_reason": "stop"}},
		"usage":   map[string]any{"prompt_tokens": 12, "completion_tokens": 1, "total_tokens": 13}})
	return &stubNode{addr: addr, signer: signer, answer: answer}
}

func (n *stubNode) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/v1/chat/completions":
		if r.Method != http.MethodPost {
			http.Error(w, "POST only", http.StatusMethodNotAllowed)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", strconv.Itoa(len(n.answer)))
		w.Write(n.answer)
	case "/v1/models":
		writeJSON(w, map[string]any{"object": "list", "data": []map[string]any{{"id": StubModel, "object": "model"}}})
	case "/v1/info":
		body := map[string]any{"node_id": n.addr}
		if nonce := r.URL.Query().Get("nonce"); nonce != "" {
			att, err := attest.Info{NodeID: n.addr, ChatModel: StubModel, ContextSize: 4096, Nonce: nonce, Time: time.Now().Unix()}.Sign(n.signer)
			if err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			body["attestation"] = att
		}
		writeJSON(w, body)
	default:
		http.NotFound(w, r)
	}
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}
