package domain

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strings"
	"time"

	"github.com/gaianet-go/gaianet/attest"
	"github.com/gaianet-go/gaianet/domain/store"
	"github.com/gaianet-go/gaianet/upstream"
)

// Replay configures replay verification: a sample of real chat requests
// is re-run, with the same seed, on a second node serving the same model,
// and the two signed outputs are compared. Nodes run batch-invariant
// engines, so an honest node's output does not depend on its load. When
// the outputs differ a third node decides; the node outvoted is recorded
// with its signed statement as evidence, loses standing (it is picked less
// often) and is evicted after EvictAfter pieces of evidence.
type Replay struct {
	// Rate is the fraction of chat completions replayed, 0 (off) to 1.
	Rate float64 `json:"rate,omitempty"`
	// EvictAfter is how many pieces of evidence evict a node; default 3.
	EvictAfter int `json:"evict_after,omitempty"`
	// Timeout bounds one replay (each node's answer); default 2m.
	Timeout Duration `json:"timeout,omitempty"`
}

func (r *Replay) applyDefaults() {
	if r.EvictAfter == 0 {
		r.EvictAfter = 3
	}
	if r.Timeout == 0 {
		r.Timeout = Duration(2 * time.Minute)
	}
}

func (r Replay) validate() error {
	if !(r.Rate >= 0 && r.Rate <= 1) {
		return fmt.Errorf("rate must be between 0 and 1, got %v", r.Rate)
	}
	if r.EvictAfter < 1 || r.Timeout <= 0 {
		return fmt.Errorf("evict_after must be at least 1 and timeout positive")
	}
	return nil
}

// replayJob is a sampled request's replay state, carried in its
// requestShape from proxy through relay.
type replayJob struct {
	path   string
	seed   uint64
	output strings.Builder // the answer's text as relayed to the user
	signed http.Header     // the node's signed answer (header or trailer)
}

// sampleReplay decides whether to replay the request and, if so, makes
// sure its body carries a seed: a random one when the user gave none. The
// user's answer is unaffected: a node draws a random seed for a request
// without one anyway, and the domain's is as random; the seed used is
// reported to the user in the X-Gaianet-Seed header either way.
func (s *Server) sampleReplay(path, pinned string, rs *requestShape) error {
	if s.cfg.Replay.Rate <= 0 || path != "/v1/chat/completions" || pinned != "" || rand.Float64() >= s.cfg.Replay.Rate {
		return nil
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(rs.body, &top); err != nil {
		return nil // shape already refused malformed JSON; not an object: not replayed
	}
	job := &replayJob{path: path}
	if raw, ok := top["seed"]; ok && string(raw) != "null" {
		var seed int64
		if err := json.Unmarshal(raw, &seed); err != nil {
			return errorf(http.StatusBadRequest, "invalid_request_error", "invalid_request", "seed must be an integer")
		}
		job.seed = uint64(seed)
	} else {
		seed := rand.Int64()
		job.seed = uint64(seed)
		top["seed"], _ = json.Marshal(seed)
		b, err := json.Marshal(top)
		if err != nil {
			return err
		}
		rs.body = b
	}
	rs.replay = job
	return nil
}

// collect adds a relayed SSE data payload's text to the job's output.
func (j *replayJob) collect(data []byte) {
	if j != nil {
		j.output.WriteString(chunkText(data))
	}
}

// finish takes the relayed answer's signature: its header, or for a
// stream its trailer (the rest of the body is read to reach it).
func (j *replayJob) finish(resp *http.Response, stream bool) {
	if j == nil {
		return
	}
	j.signed = resp.Header
	if stream {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
		j.signed = resp.Trailer
	}
}

// chunkText is the content of the first choice of a chat chunk.
func chunkText(data []byte) string {
	var c struct {
		Choices []struct {
			Delta struct {
				Content string `json:"content"`
			} `json:"delta"`
		} `json:"choices"`
	}
	if json.Unmarshal(data, &c) != nil || len(c.Choices) == 0 {
		return ""
	}
	return c.Choices[0].Delta.Content
}

// answerText is the content of the first choice of a chat completion.
func answerText(b []byte) string {
	var c struct {
		Choices []struct {
			Message struct {
				Content string `json:"content"`
			} `json:"message"`
		} `json:"choices"`
	}
	if json.Unmarshal(b, &c) != nil || len(c.Choices) == 0 {
		return ""
	}
	return c.Choices[0].Message.Content
}

// startReplay replays a relayed answer in the background.
func (s *Server) startReplay(rs requestShape, m *member, reqID string) {
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		s.replay(s.ctx, rs, m, reqID)
	}()
}

// witnessAnswer is one node's signed answer to the replayed request.
type witnessAnswer struct {
	m   *member
	a   attest.Answer
	sig string
}

// replay checks the first node's signed answer against what it delivered,
// replays the request on a second node and, if their outputs differ, on a
// third; it records evidence against the node the others contradict.
func (s *Server) replay(ctx context.Context, rs requestShape, m *member, reqID string) {
	job := rs.replay
	ev := store.Evidence{Node: m.addr, RequestID: reqID, Model: rs.model, RequestSHA256: attest.Hash(rs.body),
		Seed: job.seed, OutputSHA256: attest.Hash([]byte(job.output.String()))}
	first, sig, err := attest.ReadAnswer(job.signed, m.addr)
	if err != nil {
		ev.Verdict = store.VerdictUnsigned
		s.recordEvidence(ctx, m, ev, err.Error())
		return
	}
	ev.Signature = sig
	if first.Request != ev.RequestSHA256 || first.Seed != job.seed || first.Output != ev.OutputSHA256 {
		ev.Verdict = store.VerdictMisreported
		ev.RequestSHA256, ev.Seed, ev.OutputSHA256 = first.Request, first.Seed, first.Output // what it signed
		s.recordEvidence(ctx, m, ev, fmt.Sprintf("the signed statement (%+v) does not match the answer delivered (request %s, seed %d, output %s: %q)",
			first, attest.Hash(rs.body), job.seed, attest.Hash([]byte(job.output.String())), job.output.String()))
		return
	}
	exclude := map[string]bool{m.addr: true}
	second, ok := s.witness(ctx, rs, reqID, exclude)
	if !ok {
		s.metrics.replay("skipped")
		return
	}
	if second.a.Output == first.Output {
		s.metrics.replay("agreed")
		return
	}
	third, ok := s.witness(ctx, rs, reqID, exclude)
	switch {
	case ok && third.a.Output == second.a.Output:
		ev.Verdict, ev.Witness, ev.WitnessOutputSHA256, ev.WitnessSignature = store.VerdictMismatch, second.m.addr, second.a.Output, second.sig
		s.recordEvidence(ctx, m, ev, "outvoted by two nodes")
	case ok && third.a.Output == first.Output:
		liar := store.Evidence{Node: second.m.addr, Verdict: store.VerdictMismatch, RequestID: reqID, Model: rs.model,
			RequestSHA256: second.a.Request, Seed: second.a.Seed, OutputSHA256: second.a.Output, Signature: second.sig,
			Witness: m.addr, WitnessOutputSHA256: first.Output, WitnessSignature: sig}
		s.recordEvidence(ctx, second.m, liar, "outvoted by two nodes")
	default:
		ev.Verdict, ev.Witness, ev.WitnessOutputSHA256, ev.WitnessSignature = store.VerdictUnresolved, second.m.addr, second.a.Output, second.sig
		s.recordEvidence(ctx, m, ev, "two nodes differ and no third agrees with either")
	}
}

// witness replays rs (the user's request reqID) on a node serving its
// model not in exclude (adding it there) and returns its signed answer. A node that answers unsigned
// gets evidence of its own; a node that fails is skipped.
func (s *Server) witness(ctx context.Context, rs requestShape, reqID string, exclude map[string]bool) (witnessAnswer, bool) {
	for {
		w := s.pool.pick(rs.model, exclude)
		if w == nil {
			return witnessAnswer{}, false
		}
		exclude[w.addr] = true
		out, h, err := s.ask(ctx, w, rs.replay.path, rs.body)
		if err != nil {
			s.log.Warn("replay failed on witness", "node", w.addr, "err", err)
			continue
		}
		a, sig, err := attest.ReadAnswer(h, w.addr)
		if err == nil && (a.Output != attest.Hash([]byte(out)) || a.Request != attest.Hash(rs.body) || a.Seed != rs.replay.seed) {
			err = errors.New("the signed statement does not match the answer delivered")
		}
		if err != nil {
			ev := store.Evidence{Node: w.addr, Verdict: store.VerdictUnsigned, RequestID: reqID, Model: rs.model,
				RequestSHA256: attest.Hash(rs.body), Seed: rs.replay.seed, OutputSHA256: attest.Hash([]byte(out))}
			s.recordEvidence(ctx, w, ev, err.Error())
			continue
		}
		return witnessAnswer{w, a, sig}, true
	}
}

// ask sends body to m and returns the answer's text and the header (or a
// stream's trailer) carrying its signature.
func (s *Server) ask(ctx context.Context, m *member, path string, body []byte) (string, http.Header, error) {
	ctx, cancel := context.WithTimeout(ctx, time.Duration(s.cfg.Replay.Timeout))
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "http://node"+path, bytes.NewReader(body))
	if err != nil {
		return "", nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	m.outstanding.Add(1)
	defer m.outstanding.Add(-1)
	resp, err := m.client.Do(req)
	if err != nil {
		return "", nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", nil, fmt.Errorf("HTTP %d", resp.StatusCode)
	}
	if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		b, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes))
		if err != nil {
			return "", nil, err
		}
		return answerText(b), resp.Header, nil
	}
	var out strings.Builder
	err = upstream.ReadSSE(resp.Body, maxResponseBytes, func(ev upstream.Event) error {
		if ev.Data != "[DONE]" {
			out.WriteString(chunkText([]byte(ev.Data)))
		}
		return nil
	})
	if err != nil {
		return "", nil, err
	}
	return out.String(), resp.Trailer, nil
}

// recordEvidence stores ev, lowers the node's standing and evicts it once
// its evidence reaches Replay.EvictAfter.
func (s *Server) recordEvidence(ctx context.Context, m *member, ev store.Evidence, why string) {
	s.metrics.replay(ev.Verdict)
	s.log.Warn("replay evidence", "node", ev.Node, "verdict", ev.Verdict, "request", ev.RequestID, "why", why)
	strikes, err := s.st.AddEvidence(ctx, ev)
	if err != nil {
		s.log.Error("cannot record evidence", "node", ev.Node, "err", err)
		return
	}
	m.strikes.Store(int64(strikes))
	if strikes < s.cfg.Replay.EvictAfter {
		return
	}
	s.log.Warn("evicting node on replay evidence", "node", m.addr, "evidence", strikes)
	if err := s.st.SetNodeStatus(ctx, m.addr, store.StatusEvicted); err != nil {
		s.log.Error("cannot evict node", "node", m.addr, "err", err)
		return
	}
	m.healthy.Store(false)
	m.sess.Close()
}
