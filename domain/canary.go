package domain

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"

	"github.com/gaianet-go/gaianet/domain/store"
)

// Canary configures canary prompts: the same prompt, greedy with a fixed
// seed, sent to every node that claims a model; a node whose answer differs
// from a clear majority's is lying about its model (or its knowledge base)
// and is evicted. It needs at least three nodes on a model to decide. It
// relies on nodes answering deterministically, which greedy decoding of a
// short answer does; longer answers need batch-invariant engines.
type Canary struct {
	// Interval between rounds; 0 disables canaries.
	Interval Duration `json:"interval,omitempty"`
	// Prompt is the user message; default a fixed question.
	Prompt string `json:"prompt,omitempty"`
	// MaxTokens of the answer compared; default 8.
	MaxTokens int `json:"max_tokens,omitempty"`
	// Seed sent with the prompt; default 42.
	Seed int64 `json:"seed,omitempty"`
}

func (c *Canary) applyDefaults() {
	if c.Prompt == "" {
		c.Prompt = "In one sentence: what is a GaiaNet node?"
	}
	if c.MaxTokens == 0 {
		c.MaxTokens = 8
	}
	if c.Seed == 0 {
		c.Seed = 42
	}
}

// canaryLoop runs canary rounds until the server stops.
func (s *Server) canaryLoop() {
	defer s.wg.Done()
	t := time.NewTicker(time.Duration(s.cfg.Canary.Interval))
	defer t.Stop()
	for {
		select {
		case <-s.ctx.Done():
			return
		case <-t.C:
		}
		s.canaryRound(s.ctx)
	}
}

// canaryResult is one node's answer to a canary.
type canaryResult struct {
	m      *member
	answer string
	err    error
}

// canaryRound asks every healthy node each model it serves the canary and
// evicts the nodes outvoted on a model. It returns the evicted addresses.
func (s *Server) canaryRound(ctx context.Context) []string {
	byModel := map[string][]*member{}
	for _, m := range s.pool.all() {
		if !m.healthy.Load() {
			continue
		}
		models := m.modelList()
		if len(models) > 0 {
			// A node lists its chat model first; embedding models cannot chat.
			byModel[models[0]] = append(byModel[models[0]], m)
		}
	}
	var evicted []string
	for model, ms := range byModel {
		if len(ms) < 3 {
			continue
		}
		results := make([]canaryResult, len(ms))
		var wg sync.WaitGroup
		for i, m := range ms {
			wg.Add(1)
			go func() {
				defer wg.Done()
				a, err := s.askCanary(ctx, m, model)
				results[i] = canaryResult{m, a, err}
			}()
		}
		wg.Wait()
		votes := map[string]int{}
		answered := 0
		for _, r := range results {
			if r.err == nil {
				votes[r.answer]++
				answered++
			}
		}
		majority, top := "", 0
		for a, n := range votes {
			if n > top {
				majority, top = a, n
			}
		}
		if answered < 3 || 2*top <= answered {
			continue // no clear majority: nothing to decide
		}
		for _, r := range results {
			if r.err != nil || r.answer == majority {
				continue
			}
			s.log.Warn("canary mismatch: evicting node", "node", r.m.addr, "model", model,
				"answer", r.answer, "majority", majority, "votes", fmt.Sprintf("%d/%d", top, answered))
			s.metrics.canaryMismatch(r.m.addr)
			if err := s.st.SetNodeStatus(ctx, r.m.addr, store.StatusEvicted); err != nil {
				s.log.Error("cannot evict node", "node", r.m.addr, "err", err)
				continue
			}
			r.m.healthy.Store(false)
			r.m.sess.Close()
			evicted = append(evicted, r.m.addr)
		}
	}
	return evicted
}

// askCanary sends the canary prompt to m and returns the answer's text.
func (s *Server) askCanary(ctx context.Context, m *member, model string) (string, error) {
	c := s.cfg.Canary
	body, _ := json.Marshal(map[string]any{
		"model": model, "max_tokens": c.MaxTokens, "temperature": 0, "seed": c.Seed,
		"messages": []map[string]string{{"role": "user", "content": c.Prompt}},
	})
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "http://node/v1/chat/completions", bytes.NewReader(body))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := m.client.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("canary: HTTP %d", resp.StatusCode)
	}
	var out struct {
		Choices []struct {
			Message struct {
				Content string `json:"content"`
			} `json:"message"`
		} `json:"choices"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&out); err != nil || len(out.Choices) == 0 {
		return "", fmt.Errorf("canary: malformed answer")
	}
	return out.Choices[0].Message.Content, nil
}
