package domain

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"hash/fnv"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gaianet-go/gaianet/domain/ledger"
)

// maxAttempts bounds how many nodes one request tries before its first
// byte.
const maxAttempts = 3

// maxResponseBytes bounds a non-streamed answer the gateway buffers to
// read its usage.
const maxResponseBytes = 64 << 20

func (s *Server) proxyAny(w http.ResponseWriter, r *http.Request) error {
	return s.proxy(w, r, "", r.URL.Path)
}

// requestShape is what the gateway reads from a JSON request body.
type requestShape struct {
	model     string
	stream    bool
	userUsage bool       // the user asked for the usage chunk
	affinity  uint64     // hash of the conversation before its last message; 0: none
	maxTokens int64      // max_tokens or max_completion_tokens; 0: not given
	body      []byte     // what to send upstream
	replay    *replayJob // set when the answer is replayed on another node
}

// shape reads model and stream from a JSON body and, for a streamed
// generation, makes it ask for usage (stream_options.include_usage).
func shape(path string, body []byte) (requestShape, error) {
	rs := requestShape{body: body}
	if len(bytes.TrimSpace(body)) == 0 || body[0] != '{' {
		return rs, nil
	}
	// Only the fields read here are copied out (a map of every field cost
	// most of the gateway's allocations). Matching is case-insensitive,
	// as in the node's own decoding.
	var top struct {
		Model               json.RawMessage `json:"model"`
		Stream              json.RawMessage `json:"stream"`
		StreamOptions       json.RawMessage `json:"stream_options"`
		Messages            json.RawMessage `json:"messages"`
		MaxTokens           json.RawMessage `json:"max_tokens"`
		MaxCompletionTokens json.RawMessage `json:"max_completion_tokens"`
	}
	if err := json.Unmarshal(body, &top); err != nil {
		var syntax *json.SyntaxError
		if errors.As(err, &syntax) || errors.Is(err, io.ErrUnexpectedEOF) {
			return rs, errorf(http.StatusBadRequest, "invalid_request_error", "invalid_json", "the request body is not valid JSON: %v", err)
		}
		return rs, nil // a JSON array or scalar: passed on as it is
	}
	if top.Model != nil {
		json.Unmarshal(top.Model, &rs.model)
	}
	if top.Stream != nil {
		json.Unmarshal(top.Stream, &rs.stream)
	}
	rs.affinity = conversationKey(top.Messages)
	for _, f := range []struct {
		name string
		raw  json.RawMessage
	}{{"max_tokens", top.MaxTokens}, {"max_completion_tokens", top.MaxCompletionTokens}} {
		if f.raw != nil && string(f.raw) != "null" {
			if err := json.Unmarshal(f.raw, &rs.maxTokens); err != nil || rs.maxTokens < 0 {
				return rs, errorf(http.StatusBadRequest, "invalid_request_error", "invalid_request", "%s must be a non-negative integer", f.name)
			}
		}
	}
	if !rs.stream || (path != "/v1/chat/completions" && path != "/v1/completions") {
		return rs, nil
	}
	opts := map[string]json.RawMessage{}
	if raw := top.StreamOptions; raw != nil && string(raw) != "null" {
		if err := json.Unmarshal(raw, &opts); err != nil {
			return rs, errorf(http.StatusBadRequest, "invalid_request_error", "invalid_request", "stream_options must be an object")
		}
		if iu, ok := opts["include_usage"]; ok {
			json.Unmarshal(iu, &rs.userUsage)
		}
	}
	if rs.userUsage {
		return rs, nil
	}
	// The one case that rewrites the body: every field kept as it came.
	var all map[string]json.RawMessage
	if err := json.Unmarshal(body, &all); err != nil {
		return rs, errorf(http.StatusBadRequest, "invalid_request_error", "invalid_json", "the request body is not valid JSON: %v", err)
	}
	opts["include_usage"] = json.RawMessage("true")
	all["stream_options"], _ = json.Marshal(opts)
	b, err := json.Marshal(all)
	if err != nil {
		return rs, err
	}
	rs.body = b
	return rs, nil
}

// proxy forwards r to a node (pinned, or picked) and bills the answer.
func (s *Server) proxy(w http.ResponseWriter, r *http.Request, pinned, path string) error {
	start := time.Now()
	user, err := s.authenticate(r)
	if err != nil {
		return err
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes))
	if err != nil {
		return err
	}
	if pinned != "" && s.pool.get(pinned) == nil {
		// Another replica may hold the node's tunnel: it serves and
		// bills the request.
		if done, err := s.forwardPinned(w, r, pinned, body); done || err != nil {
			return err
		}
	}
	rs, err := shape(path, body)
	if err != nil {
		return err
	}
	if err := s.sampleReplay(path, pinned, &rs); err != nil {
		return err
	}
	est, err := s.estimate(r.Method, path, len(body), rs.maxTokens)
	if err != nil {
		return err
	}
	ok, avail, err := s.credit.hold(r.Context(), user.ID, est)
	if err != nil {
		return err
	}
	if !ok {
		if avail <= 0 {
			return errorf(http.StatusPaymentRequired, "insufficient_quota", "insufficient_quota",
				"your credit on this domain is used up (available $%s); add credit to continue", avail)
		}
		return errorf(http.StatusPaymentRequired, "insufficient_quota", "insufficient_quota",
			"this request may cost up to $%s and your available credit is $%s (requests in flight hold their estimate); lower max_tokens or add credit", est, avail)
	}
	h := &holdState{credit: s.credit, user: user.ID, estimate: est}
	defer h.settle(0)
	reqID := "req_" + randomHex(12)
	w.Header().Set("X-Request-Id", reqID)
	tried := map[string]bool{}
	var lastErr error
	for attempt := 0; attempt < maxAttempts; attempt++ {
		var m *member
		if pinned != "" {
			if m = s.pool.get(pinned); m == nil || attempt > 0 {
				break
			}
		} else if m = s.pool.pickAffine(rs.model, rs.affinity, tried); m == nil {
			break
		}
		tried[m.addr] = true
		if attempt > 0 {
			s.metrics.retries.Inc()
		}
		resp, err := s.forward(r, m, path, rs.body, reqID)
		if err == nil && resp.StatusCode != http.StatusBadGateway && resp.StatusCode != http.StatusServiceUnavailable &&
			(resp.StatusCode != http.StatusTooManyRequests || pinned != "") {
			s.relay(w, r, m, resp, rs, reqID, h, start)
			return nil
		}
		if err == nil {
			lastErr = errorf(resp.StatusCode, "server_error", "node_unavailable", "node %s answered HTTP %d", m.addr, resp.StatusCode)
			if resp.StatusCode == http.StatusTooManyRequests {
				lastErr = errorf(http.StatusTooManyRequests, "rate_limit_error", "server_busy", "every node is busy; retry later")
			}
			resp.Body.Close()
		} else {
			lastErr = err
		}
		m.outstanding.Add(-1)
		s.metrics.request(m.addr, 0, 0)
		s.log.Warn("node failed before the first byte", "node", m.addr, "request", reqID, "err", lastErr)
		if r.Context().Err() != nil {
			return r.Context().Err()
		}
	}
	if lastErr != nil {
		var e *apiError
		if errors.As(lastErr, &e) {
			return e
		}
		return errorf(http.StatusBadGateway, "server_error", "node_failed", "no node could answer: %v", lastErr)
	}
	if pinned != "" {
		return errorf(http.StatusNotFound, "invalid_request_error", "node_not_connected", "node %s is not connected to this domain", pinned)
	}
	if rs.model != "" {
		return errorf(http.StatusNotFound, "invalid_request_error", "model_not_found", "no healthy node serves the model %q", rs.model)
	}
	return errorf(http.StatusServiceUnavailable, "server_error", "no_nodes", "no healthy node is connected to this domain")
}

// defaultOutputEstimate is the output a generation without max_tokens is
// assumed to reach when its cost is estimated at admission.
const defaultOutputEstimate = 1024

// estimate is what a request may cost, held from the user's credit while
// it runs: the per-request price plus its body's length in bytes / 2 + 16
// as input tokens (a tokenizer makes fewer) and max_tokens (or
// defaultOutputEstimate) as output for generations. Reads cost nothing.
func (s *Server) estimate(method, path string, bodyLen int, maxTokens int64) (ledger.Micros, error) {
	if method != http.MethodPost {
		return 0, nil
	}
	u := ledger.Usage{InputTokens: min(int64(bodyLen)/2+minInputEstimate, ledger.MaxTokens)}
	if path == "/v1/chat/completions" || path == "/v1/completions" {
		u.OutputTokens = defaultOutputEstimate
		if maxTokens > 0 {
			u.OutputTokens = min(maxTokens, ledger.MaxTokens)
		}
	}
	c, err := s.cfg.Prices.Cost(u)
	if err != nil {
		return 0, errorf(http.StatusBadRequest, "invalid_request_error", "invalid_request", "cannot price this request: %v", err)
	}
	return c, nil
}

// minInputEstimate is the input tokens estimate counts beyond the body's.
const minInputEstimate = 16

// MinEstimate is the least any request is held at by estimate's rule (a
// POST with an empty body that generates nothing): a user whose credit is
// below it can spend nothing more. A wallet's escrow leftover worth less
// does not block a rebind (onchain.Options.MinRequest).
func MinEstimate(p ledger.Prices) (ledger.Micros, error) {
	return p.Cost(ledger.Usage{InputTokens: minInputEstimate})
}

// holdState is one request's hold on its user's credit, settled once.
type holdState struct {
	credit   *credit
	user     string
	estimate ledger.Micros
	done     bool
}

func (h *holdState) settle(charged ledger.Micros) {
	if !h.done {
		h.done = true
		h.credit.settle(h.user, h.estimate, charged)
	}
}

// charge makes c durable before the answer's last bytes go out: in the
// journal, or, if the journal cannot write, straight in the store.
func (s *Server) charge(c ledger.Charge) {
	err := s.journal.Append(c)
	if err == nil {
		return
	}
	s.log.Error("charge journal failed; posting directly", "request", c.RequestID, "err", err)
	for i, wait := 0, 50*time.Millisecond; i < 6; i, wait = i+1, wait*2 {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		_, err = creditPoster{s.st, s.credit}.PostBatch(ctx, []ledger.Charge{c})
		cancel()
		if err == nil {
			s.metrics.charged.Add(float64(c.Amount))
			return
		}
		time.Sleep(wait)
	}
	s.log.Error("charge not recorded", "request", c.RequestID, "user", c.User, "amount", c.Amount.String(), "err", err)
}

// hopHeaders are not forwarded either way; the user's credentials never
// reach a node.
var hopHeaders = map[string]bool{
	"Authorization": true, "Cookie": true, "Connection": true, "Keep-Alive": true, "Proxy-Authorization": true,
	"Proxy-Authenticate": true, "Te": true, "Trailer": true, "Transfer-Encoding": true, "Upgrade": true,
	"Content-Length": true, "Host": true, "Set-Cookie": true,
}

// forward sends the request to m; on success m's outstanding count stays
// raised until relay finishes.
func (s *Server) forward(r *http.Request, m *member, path string, body []byte, reqID string) (*http.Response, error) {
	u := "http://node" + path
	if r.URL.RawQuery != "" {
		u += "?" + r.URL.RawQuery
	}
	req, err := http.NewRequestWithContext(r.Context(), r.Method, u, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	for k, v := range r.Header {
		if !hopHeaders[k] {
			req.Header[k] = v
		}
	}
	req.Header.Set("X-Request-Id", reqID)
	m.outstanding.Add(1)
	s.metrics.outstanding(m.addr, m.outstanding.Load())
	return m.client.Do(req)
}

// answerBufs holds the buffers plain (not streamed) answers are read into.
var answerBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// usageShape is the part of an OpenAI answer or chunk that carries usage.
type usageShape struct {
	Usage   *usageCounts      `json:"usage"`
	Choices []json.RawMessage `json:"choices"`
}

type usageCounts struct {
	PromptTokens     int64 `json:"prompt_tokens"`
	CompletionTokens int64 `json:"completion_tokens"`
}

// relay copies the node's answer to the user and bills it. The charge is
// posted before the answer's last bytes (the body of a plain answer, the
// "[DONE]" of a stream), so every answer a user received whole is billed,
// even if the gateway is killed right after.
func (s *Server) relay(w http.ResponseWriter, r *http.Request, m *member, resp *http.Response, rs requestShape, reqID string, h *holdState, start time.Time) {
	defer resp.Body.Close()
	defer func() {
		m.outstanding.Add(-1)
		s.metrics.outstanding(m.addr, m.outstanding.Load())
	}()
	for k, v := range resp.Header {
		if !hopHeaders[k] {
			w.Header()[k] = v
		}
	}
	bill := func(usage *ledger.Usage) {
		if resp.StatusCode/100 != 2 || (usage == nil && r.Method != http.MethodPost) {
			return // failures and reads (models, info, files) are free
		}
		u := ledger.Usage{}
		if usage != nil {
			u = *usage
			m.observe(u.OutputTokens, time.Since(start))
			s.metrics.tokens(m.addr, u)
		}
		c, err := ledger.NewCharge(reqID, h.user, m.addr, rs.model, u, s.cfg.Prices, s.cfg.Split)
		if err != nil {
			s.log.Error("cannot price request; not billed", "request", reqID, "node", m.addr, "err", err)
			return
		}
		// What the node was verified to serve as it answered: royalties
		// are shared by it (store.NodeUse).
		c.ComponentSet = m.componentSet.Load()
		s.charge(c)
		h.settle(c.Amount)
	}
	complete := true
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		w.WriteHeader(resp.StatusCode)
		complete = s.relaySSE(w, resp.Body, rs.userUsage, reqID, bill, rs.replay)
		if complete {
			rs.replay.finish(resp, true)
		}
	} else {
		buf := answerBufs.Get().(*bytes.Buffer)
		defer func() {
			if buf.Cap() <= 1<<20 { // keep only ordinary sizes
				buf.Reset()
				answerBufs.Put(buf)
			}
		}()
		_, err := buf.ReadFrom(io.LimitReader(resp.Body, maxResponseBytes+1))
		b := buf.Bytes() // not kept past this function
		if err == nil && len(b) > maxResponseBytes {
			err = errors.New("answer too large")
		}
		if err != nil {
			// Nothing was sent yet: answer with an error, not half a body.
			complete = false
			writeJSON(w, http.StatusBadGateway, json.RawMessage(errorJSON("server_error", "node_failed", "the node failed while answering")))
		} else {
			var us struct {
				Usage *usageCounts `json:"usage"`
			}
			var usage *ledger.Usage
			if resp.StatusCode/100 == 2 && bytes.Contains(b, []byte(`"usage"`)) && json.Unmarshal(b, &us) == nil && us.Usage != nil {
				usage = &ledger.Usage{InputTokens: us.Usage.PromptTokens, OutputTokens: us.Usage.CompletionTokens}
			}
			bill(usage)
			if rs.replay != nil {
				rs.replay.output.WriteString(answerText(b))
				rs.replay.finish(resp, false)
			}
			w.Header().Set("Content-Length", strconv.Itoa(len(b)))
			w.WriteHeader(resp.StatusCode)
			w.Write(b)
		}
	}
	code := resp.StatusCode
	if !complete {
		code = 0
	}
	s.metrics.request(m.addr, code, time.Since(start))
	if complete && resp.StatusCode == http.StatusOK && rs.replay != nil {
		s.startReplay(rs, m, reqID)
	}
}

// relaySSE copies a server-sent event stream, reading the usage chunk (and
// dropping it when the user did not ask for it) and calling bill with it
// before passing "data: [DONE]" on. It returns false when the stream broke
// before "[DONE]"; the user then gets an error event instead of a silent
// end, and bill is not called.
func (s *Server) relaySSE(w http.ResponseWriter, body io.Reader, userUsage bool, reqID string, bill func(*ledger.Usage), rp *replayJob) bool {
	var usage *ledger.Usage
	fl, _ := w.(http.Flusher)
	br := bufio.NewReaderSize(body, 64<<10)
	var event bytes.Buffer // the current event's lines
	for {
		line, err := br.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			// A long line: gather it whole.
			long := append([]byte(nil), line...)
			for errors.Is(err, bufio.ErrBufferFull) {
				line, err = br.ReadSlice('\n')
				long = append(long, line...)
			}
			line = long
		}
		if len(line) > 0 {
			event.Write(line)
		}
		if err != nil {
			w.Write(event.Bytes())
			msg := "the node serving this request failed mid-stream; the answer is incomplete"
			w.Write([]byte("\ndata: "))
			w.Write(errorJSON("server_error", "node_failed", msg+" (request "+reqID+")"))
			w.Write([]byte("\n\n"))
			if fl != nil {
				fl.Flush()
			}
			return false
		}
		if len(bytes.TrimRight(line, "\r\n")) != 0 {
			continue // the event goes on
		}
		// A blank line ends the event.
		ev := event.Bytes()
		event.Reset()
		data, isData := bytes.CutPrefix(bytes.TrimRight(ev, "\r\n"), []byte("data: "))
		if isData && bytes.Equal(data, []byte("[DONE]")) {
			bill(usage)
			w.Write(ev)
			if fl != nil {
				fl.Flush()
			}
			return true
		}
		if isData {
			rp.collect(data)
		}
		if isData && bytes.Contains(data, []byte(`"usage"`)) {
			var us usageShape
			if json.Unmarshal(data, &us) == nil && us.Usage != nil {
				usage = &ledger.Usage{InputTokens: us.Usage.PromptTokens, OutputTokens: us.Usage.CompletionTokens}
				if !userUsage {
					if len(us.Choices) == 0 {
						continue // the usage-only chunk the user did not ask for
					}
					ev = stripUsage(data)
				}
			}
		}
		w.Write(ev)
		if fl != nil {
			fl.Flush()
		}
	}
}

// stripUsage re-encodes a chunk without its usage field, as an SSE event.
func stripUsage(data []byte) []byte {
	var m map[string]json.RawMessage
	if json.Unmarshal(data, &m) != nil {
		return append(append([]byte("data: "), data...), '\n', '\n')
	}
	delete(m, "usage")
	b, _ := json.Marshal(m)
	return append(append([]byte("data: "), b...), '\n', '\n')
}

// conversationKey hashes a chat's messages before the last one: the part a
// node may hold in its KV prefix cache from the previous turn. It is 0 for
// a first turn (fewer than two messages) or anything that is not a list.
func conversationKey(messages json.RawMessage) uint64 {
	var msgs []json.RawMessage
	if len(messages) == 0 || json.Unmarshal(messages, &msgs) != nil || len(msgs) < 2 {
		return 0
	}
	h := fnv.New64a()
	for _, m := range msgs[:len(msgs)-1] {
		h.Write(m)
		h.Write([]byte{0})
	}
	return h.Sum64() | 1
}
