package domain

import (
	"context"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/gaianet-go/gaianet/attest"
)

// hashRequirement is one hash the operator may require of what a node
// serves.
type hashRequirement struct {
	field     string // the domain.json field, for messages
	want, got string
}

// hashes lists r's hash requirements (got left empty).
func (r Requirements) hashes() []hashRequirement {
	return []hashRequirement{
		{"chat_model_sha256", r.ChatModelSHA256, ""},
		{"embedding_model_sha256", r.EmbeddingModelSHA256, ""},
		{"knowledge_base_sha256", r.KnowledgeBaseSHA256, ""},
		{"system_prompt_sha256", r.SystemPromptSHA256, ""},
	}
}

func isSHA256(s string) bool {
	b, err := hex.DecodeString(s)
	return err == nil && len(b) == 32 && hex.EncodeToString(b) == s
}

// checkInfo asks m for its information signed over a fresh nonce, checks
// the signature (by the key m joined with, for this nonce, recent) and
// holds the signed facts to the operator's requirements. models are the
// ids m lists in /v1/models.
func (s *Server) checkInfo(ctx context.Context, m *member, models []string) error {
	nonce := randomHex(16)
	var info struct {
		Attestation *attest.Attestation `json:"attestation"`
	}
	if err := m.getJSON(ctx, "/v1/info?nonce="+nonce, &info); err != nil {
		return fmt.Errorf("signed node information: %w", err)
	}
	if info.Attestation == nil {
		return fmt.Errorf("the node's /v1/info carries no attestation for the nonce")
	}
	facts, err := info.Attestation.Verify(m.addr, nonce, time.Now())
	if err != nil {
		return fmt.Errorf("the node's signed information: %w", err)
	}
	if err := s.cfg.Requirements.meets(facts, models); err != nil {
		return err
	}
	return s.recordComponents(ctx, m, facts)
}

// components lists the content hashes of what f says the node serves (its
// chat and embedding model files, its knowledge-base snapshot, its
// plugins): what a settlement shares royalties by, once the operator has
// mapped a hash to its marketplace token (package domain/onchain).
func components(f attest.Info) []string {
	var out []string
	for _, h := range append([]string{f.ChatModelSHA256, f.EmbeddingModelSHA256, f.KnowledgeBaseSHA256}, f.PluginsSHA256...) {
		if isSHA256(h) && !slices.Contains(out, h) {
			out = append(out, h)
		}
	}
	return out
}

// recordComponents stores the components the node signed, when they
// changed since this replica last stored them: as a component set, whose
// id the node's later charges carry, and as the node's last verified
// components.
func (s *Server) recordComponents(ctx context.Context, m *member, f attest.Info) error {
	c := components(f)
	key := strings.Join(c, ",")
	m.mu.Lock()
	same := m.components == key && m.componentsSet
	m.mu.Unlock()
	if same {
		return nil
	}
	set, err := s.st.AddComponentSet(ctx, c)
	if err != nil {
		return err
	}
	if err := s.st.SetNodeComponents(ctx, m.addr, c); err != nil {
		return err
	}
	m.componentSet.Store(set)
	m.mu.Lock()
	m.components, m.componentsSet = key, true
	m.mu.Unlock()
	return nil
}

// meets reports how f (signed by the node) falls short of r; models are
// the ids the node lists.
func (r Requirements) meets(f attest.Info, models []string) error {
	if f.ChatModel == "" || !slices.Contains(models, f.ChatModel) {
		return fmt.Errorf("the node signs chat model %q but lists %v", f.ChatModel, models)
	}
	if r.ChatModel != "" && f.ChatModel != r.ChatModel {
		return fmt.Errorf("the node's chat model is %q, not the required %q", f.ChatModel, r.ChatModel)
	}
	if r.EmbeddingModel != "" && f.EmbeddingModel != r.EmbeddingModel {
		return fmt.Errorf("the node's embedding model is %q, not the required %q", f.EmbeddingModel, r.EmbeddingModel)
	}
	if r.MinContextSize > 0 && f.ContextSize < r.MinContextSize {
		return fmt.Errorf("the node's chat context is %d tokens, below the required %d", f.ContextSize, r.MinContextSize)
	}
	got := []string{f.ChatModelSHA256, f.EmbeddingModelSHA256, f.KnowledgeBaseSHA256, f.SystemPromptSHA256}
	for i, h := range r.hashes() {
		if h.want != "" && got[i] != h.want {
			return fmt.Errorf("the node's %s is %q, not the required %s", h.field, got[i], h.want)
		}
	}
	return nil
}
