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
	"github.com/gaianet-go/gaianet/domain/ledger"
	"github.com/gaianet-go/gaianet/domain/store"
	"github.com/gaianet-go/gaianet/upstream"
)

// Replay configures replay verification: a sample of real chat and text
// completions (pinned to a node or not) is re-run, with the same seed, on
// a second node serving the same model, and the two signed outputs are
// compared. Nodes run batch-invariant engines, so an honest node's output
// does not depend on its load. When the outputs differ a third node
// decides; the node outvoted is recorded with its signed statement as
// evidence, loses standing (it is picked less often) and is evicted after
// EvictAfter pieces of evidence. With only two nodes on the model, each
// is asked to repeat its own answer: one that cannot is at fault, and if
// both can the dispute is recorded for the operator. Every replay is paid
// to the node that ran it, from the operator's account: the node share
// (split.node_bps) of its usage at the domain's prices.
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
	if s.cfg.Replay.Rate <= 0 || (path != "/v1/chat/completions" && path != "/v1/completions") || rand.Float64() >= s.cfg.Replay.Rate {
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

// chunkText is the content of the first choice of a chat chunk, or the
// text of a completion chunk's.
func chunkText(data []byte) string {
	var c struct {
		Choices []struct {
			Delta struct {
				Content string `json:"content"`
			} `json:"delta"`
			Text string `json:"text"`
		} `json:"choices"`
	}
	if json.Unmarshal(data, &c) != nil || len(c.Choices) == 0 {
		return ""
	}
	return c.Choices[0].Delta.Content + c.Choices[0].Text
}

// answerText is the content of the first choice of a chat completion, or
// the text of a completion's.
func answerText(b []byte) string {
	var c struct {
		Choices []struct {
			Message struct {
				Content string `json:"content"`
			} `json:"message"`
			Text string `json:"text"`
		} `json:"choices"`
	}
	if json.Unmarshal(b, &c) != nil || len(c.Choices) == 0 {
		return ""
	}
	return c.Choices[0].Message.Content + c.Choices[0].Text
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
// third; it records evidence against the node the others contradict. With
// no third node, each of the two is asked to repeat its own answer: one
// that cannot is at fault; if both can, the dispute is recorded for the
// operator and neither loses standing.
func (s *Server) replay(ctx context.Context, rs requestShape, m *member, reqID string) {
	job := rs.replay
	if rs.model == "" {
		// A pinned request may name no model: the node's own, if it
		// serves one.
		if models := m.modelList(); len(models) == 1 {
			rs.model = models[0]
		} else {
			s.metrics.replay("skipped")
			return
		}
	}
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
		s.recordEvidence(ctx, second.m, against(second, reqID, rs.model, store.VerdictMismatch, m.addr, first.Output, sig), "outvoted by two nodes")
	case ok:
		ev.Verdict, ev.Witness, ev.WitnessOutputSHA256, ev.WitnessSignature = store.VerdictUnresolved, second.m.addr, second.a.Output, second.sig
		s.recordEvidence(ctx, m, ev, "three nodes gave three outputs")
	default:
		s.selfCheck(ctx, rs, reqID, witnessAnswer{m, first, sig}, second)
	}
}

// selfCheck decides between two nodes that disagree with no third to ask:
// each replays the request again, and a node whose second answer differs
// from the one it signed first is at fault (irreproducible). When both
// repeat themselves the dispute is recorded against the first node,
// counting for neither; when neither does, both are at fault.
func (s *Server) selfCheck(ctx context.Context, rs requestShape, reqID string, a, b witnessAnswer) {
	again := func(w witnessAnswer) (witnessAnswer, bool) {
		r, err := s.replayOn(ctx, w.m, rs, reqID+"/again")
		if err != nil {
			s.log.Warn("replay: a node could not answer again", "node", w.m.addr, "err", err)
			return witnessAnswer{}, false
		}
		return r, true
	}
	ra, okA := again(a)
	rb, okB := again(b)
	if !okA || !okB {
		s.metrics.replay("skipped")
		return
	}
	repeatsA, repeatsB := ra.a.Output == a.a.Output, rb.a.Output == b.a.Output
	if !repeatsA {
		s.recordEvidence(ctx, a.m, against(ra, reqID, rs.model, store.VerdictIrreproducible, a.m.addr, a.a.Output, a.sig),
			"its answer replayed on itself differs from the one it signed")
	}
	if !repeatsB {
		s.recordEvidence(ctx, b.m, against(rb, reqID, rs.model, store.VerdictIrreproducible, b.m.addr, b.a.Output, b.sig),
			"its answer replayed on itself differs from the one it signed")
	}
	if repeatsA && repeatsB {
		s.recordEvidence(ctx, a.m, against(a, reqID, rs.model, store.VerdictDisputed, b.m.addr, b.a.Output, b.sig),
			"two nodes each repeat their own answer and no third node serves the model: the operator decides")
	}
}

// against is evidence against w's signed answer, with the witness's.
func against(w witnessAnswer, reqID, model, verdict, witness, witnessOutput, witnessSig string) store.Evidence {
	return store.Evidence{Node: w.m.addr, Verdict: verdict, RequestID: reqID, Model: model,
		RequestSHA256: w.a.Request, Seed: w.a.Seed, OutputSHA256: w.a.Output, Signature: w.sig,
		Witness: witness, WitnessOutputSHA256: witnessOutput, WitnessSignature: witnessSig}
}

// witness replays rs (the user's request reqID) on a node serving its
// model not in exclude (adding it there) and returns its signed answer. A
// node that answers unsigned gets evidence of its own; a node that fails
// is skipped.
func (s *Server) witness(ctx context.Context, rs requestShape, reqID string, exclude map[string]bool) (witnessAnswer, bool) {
	for {
		w := s.pool.pick(rs.model, exclude)
		if w == nil {
			return witnessAnswer{}, false
		}
		exclude[w.addr] = true
		a, err := s.replayOn(ctx, w, rs, reqID)
		if errors.Is(err, errBadStatement) {
			continue
		}
		if err != nil {
			s.log.Warn("replay failed on witness", "node", w.addr, "err", err)
			continue
		}
		return a, true
	}
}

// errBadStatement marks a replayed answer without a valid signed
// statement (already recorded as evidence).
var errBadStatement = errors.New("domain: replayed answer not signed as delivered")

// replayOn runs rs on w, pays w for it (payID: once per replay) and
// returns its signed answer. An answer without a matching signed statement
// is recorded as evidence against w and is errBadStatement.
func (s *Server) replayOn(ctx context.Context, w *member, rs requestShape, payID string) (witnessAnswer, error) {
	out, h, usage, err := s.ask(ctx, w, rs.replay.path, rs.body)
	if err != nil {
		return witnessAnswer{}, err
	}
	s.payReplay(ctx, payID+"/"+w.addr, w.addr, usage)
	a, sig, err := attest.ReadAnswer(h, w.addr)
	if err == nil && (a.Output != attest.Hash([]byte(out)) || a.Request != attest.Hash(rs.body) || a.Seed != rs.replay.seed) {
		err = errors.New("the signed statement does not match the answer delivered")
	}
	if err != nil {
		ev := store.Evidence{Node: w.addr, Verdict: store.VerdictUnsigned, RequestID: strings.SplitN(payID, "/", 2)[0], Model: rs.model,
			RequestSHA256: attest.Hash(rs.body), Seed: rs.replay.seed, OutputSHA256: attest.Hash([]byte(out))}
		s.recordEvidence(ctx, w, ev, err.Error())
		return witnessAnswer{}, errBadStatement
	}
	return witnessAnswer{w, a, sig}, nil
}

// payReplay credits node, from the operator's account, the node share
// (Split.NodeBPS) of what the replayed request's usage costs at the
// domain's prices: replaying is work the node does for the operator's
// verification, not for a user.
func (s *Server) payReplay(ctx context.Context, id, node string, usage ledger.Usage) {
	cost, err := s.cfg.Prices.Cost(usage)
	if err != nil {
		s.log.Warn("replay: cannot price the replay; not paid", "node", node, "err", err)
		return
	}
	pay := ledger.Micros(int64(cost) * s.cfg.Split.NodeBPS / ledger.BasisPoints)
	if pay == 0 {
		return
	}
	if _, err := s.st.PayReplay(ctx, id, node, pay); err != nil {
		s.log.Error("replay: payment not recorded", "node", node, "id", id, "err", err)
		return
	}
	s.metrics.replay("paid")
}

// ask sends body to m and returns the answer's text, the header (or a
// stream's trailer) carrying its signature, and its usage.
func (s *Server) ask(ctx context.Context, m *member, path string, body []byte) (string, http.Header, ledger.Usage, error) {
	ctx, cancel := context.WithTimeout(ctx, time.Duration(s.cfg.Replay.Timeout))
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "http://node"+path, bytes.NewReader(body))
	if err != nil {
		return "", nil, ledger.Usage{}, err
	}
	req.Header.Set("Content-Type", "application/json")
	m.outstanding.Add(1)
	defer m.outstanding.Add(-1)
	resp, err := m.client.Do(req)
	if err != nil {
		return "", nil, ledger.Usage{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", nil, ledger.Usage{}, fmt.Errorf("HTTP %d", resp.StatusCode)
	}
	var usage ledger.Usage
	readUsage := func(b []byte) {
		var us usageShape
		if bytes.Contains(b, []byte(`"usage"`)) && json.Unmarshal(b, &us) == nil && us.Usage != nil {
			usage = ledger.Usage{InputTokens: us.Usage.PromptTokens, OutputTokens: us.Usage.CompletionTokens}
		}
	}
	if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		b, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes))
		if err != nil {
			return "", nil, ledger.Usage{}, err
		}
		readUsage(b)
		return answerText(b), resp.Header, usage, nil
	}
	var out strings.Builder
	err = upstream.ReadSSE(resp.Body, maxResponseBytes, func(ev upstream.Event) error {
		if ev.Data != "[DONE]" {
			out.WriteString(chunkText([]byte(ev.Data)))
			readUsage([]byte(ev.Data))
		}
		return nil
	})
	if err != nil {
		return "", nil, ledger.Usage{}, err
	}
	return out.String(), resp.Trailer, usage, nil
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
