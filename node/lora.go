package node

import (
	"net/http"

	"github.com/gaianet-go/gaianet/api"
	"github.com/gaianet-go/gaianet/engine"
)

// LoRA adapters of the chat model (gaianet_go.lora), chosen and scaled as
// llama-server does: GET /lora-adapters lists them with their current
// scales, POST /lora-adapters sets the scales (adapters not listed go to
// 0), and a request's "lora" field chooses scales for that request only.

func (n *Node) listLoRA(w http.ResponseWriter, _ *http.Request) error {
	api.WriteJSON(w, http.StatusOK, n.engine.LoRA())
	return nil
}

func (n *Node) setLoRA(w http.ResponseWriter, r *http.Request) error {
	var req []api.LoRAScale
	if err := api.Decode(r, &req); err != nil {
		return err
	}
	if req == nil {
		req = []api.LoRAScale{}
	}
	scales, err := n.requestLoRA(req)
	if err != nil {
		return err
	}
	if err := n.engine.SetLoRAScales(scales); err != nil {
		return api.BadRequest("scale", "%v", err)
	}
	api.WriteJSON(w, http.StatusOK, map[string]bool{"success": true})
	return nil
}

// requestLoRA turns a request's adapter list into the engine's scales, one
// per loaded adapter; nil stays nil (the current scales).
func (n *Node) requestLoRA(list []api.LoRAScale) ([]float32, error) {
	if list == nil {
		return nil, nil
	}
	if n.engine == nil {
		return nil, api.BadRequest("lora", "this node has no local chat model, so no LoRA adapters")
	}
	scales := make([]float32, len(n.engine.LoRA()))
	for i, l := range list {
		if l.ID < 0 || l.ID >= len(scales) {
			return nil, api.BadRequest("lora", "lora[%d]: adapter id %d does not exist (the node has %d; see GET /lora-adapters)", i, l.ID, len(scales))
		}
		scales[l.ID] = float32(l.Scale)
	}
	if len(scales) > 0 {
		if err := engine.ValidLoRAScales(scales); err != nil {
			return nil, api.BadRequest("lora", "%v", err)
		}
	}
	return scales, nil
}
