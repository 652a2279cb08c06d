package domain

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/gaianet-go/gaianet/domain/store"
	"github.com/gaianet-go/gaianet/identity"
	"github.com/gaianet-go/gaianet/tunnel"
)

// challengeTTL is how long a join challenge may be used.
const challengeTTL = 60 * time.Second

func (s *Server) challenge(w http.ResponseWriter, r *http.Request) error {
	ch := tunnel.Challenge{Domain: s.cfg.Name, Nonce: randomHex(16), Expires: time.Now().Add(challengeTTL).Unix()}
	if err := s.st.IssueNonce(r.Context(), ch.Nonce, time.Unix(ch.Expires, 0)); err != nil {
		if errors.Is(err, store.ErrTooManyNonces) {
			w.Header().Set("Retry-After", "60")
			return errorf(http.StatusServiceUnavailable, "server_error", "too_many_challenges", "too many join challenges are outstanding; retry in a minute")
		}
		return err
	}
	writeJSON(w, http.StatusOK, ch)
	return nil
}

// verifyJoin checks a tunnel request's signature over a fresh nonce and
// the admission policy; it returns the node's checksummed address.
func (s *Server) verifyJoin(r *http.Request) (string, error) {
	addr, nonce := r.Header.Get(tunnel.HeaderNode), r.Header.Get(tunnel.HeaderNonce)
	if !identity.IsAddress(addr) || nonce == "" {
		return "", errorf(http.StatusBadRequest, "invalid_request_error", "bad_join", "a join needs %s (0x address), %s and %s headers",
			tunnel.HeaderNode, tunnel.HeaderNonce, tunnel.HeaderSignature)
	}
	sig, err := identity.ParseSignature(r.Header.Get(tunnel.HeaderSignature))
	if err != nil {
		return "", errorf(http.StatusUnauthorized, "authentication_error", "bad_signature", "%v", err)
	}
	exp, ok, err := s.st.ConsumeNonce(r.Context(), nonce)
	if err != nil {
		return "", err
	}
	if !ok {
		return "", errorf(http.StatusUnauthorized, "authentication_error", "bad_nonce", "the nonce is unknown, expired or already used (replays are refused); get a new challenge")
	}
	ch := tunnel.Challenge{Domain: s.cfg.Name, Nonce: nonce, Expires: exp.Unix()}
	msg := tunnel.JoinMessage(ch, addr)
	if err := identity.Verify(addr, msg, sig); err != nil {
		return "", errorf(http.StatusUnauthorized, "authentication_error", "bad_signature", "the join signature is not %s's: %v", addr, err)
	}
	addr, _ = identity.ChecksumAddress(addr)
	wallet, err := verifyWallet(r, ch, addr)
	if err != nil {
		return "", err
	}
	if containsAddr(s.cfg.Deny, addr) {
		return "", errorf(http.StatusForbidden, "permission_error", "denied", "node %s is on the domain's deny list", addr)
	}
	status := store.StatusAdmitted
	switch s.cfg.Policy {
	case PolicyAllow:
		if !containsAddr(s.cfg.Allow, addr) {
			return "", errorf(http.StatusForbidden, "permission_error", "not_allowed", "node %s is not on the domain's allow list", addr)
		}
	case PolicyApprove:
		status = store.StatusPending
	}
	n, err := s.st.AddNode(r.Context(), addr, status)
	if err != nil {
		return "", err
	}
	if n.Wallet != wallet {
		if err := s.st.SetNodeWallet(r.Context(), addr, wallet); err != nil {
			return "", err
		}
	}
	switch n.Status {
	case store.StatusEvicted:
		return "", errorf(http.StatusForbidden, "permission_error", "evicted", "node %s was evicted from this domain", addr)
	case store.StatusPending:
		if s.cfg.Policy != PolicyApprove {
			if err := s.st.SetNodeStatus(r.Context(), addr, store.StatusAdmitted); err != nil {
				return "", err
			}
			break
		}
		return "", errorf(http.StatusForbidden, "permission_error", "pending_approval",
			"node %s waits for the operator's approval (gaianet domain nodes approve %s)", addr, addr)
	}
	return addr, nil
}

// verifyWallet returns the wallet a joining node binds its earnings to, ""
// for none, checking the node key's signature over this join's challenge
// (ch, whose nonce verifyJoin has just consumed): a binding signature is
// good for one join only. An older node's replayable binding (no nonce) is
// refused with what to upgrade.
func verifyWallet(r *http.Request, ch tunnel.Challenge, addr string) (string, error) {
	wallet := r.Header.Get(tunnel.HeaderWallet)
	if wallet == "" {
		return "", nil
	}
	if !identity.IsAddress(wallet) {
		return "", errorf(http.StatusBadRequest, "invalid_request_error", "bad_wallet", "%s: %q is not an address", tunnel.HeaderWallet, wallet)
	}
	wallet, _ = identity.ChecksumAddress(wallet)
	sig, err := identity.ParseSignature(r.Header.Get(tunnel.HeaderWalletSignature))
	if err == nil {
		err = identity.Verify(addr, tunnel.WalletMessage(ch, addr, wallet), sig)
		if err != nil && identity.Verify(addr, tunnel.LegacyWalletMessage(addr, wallet), sig) == nil {
			return "", errorf(http.StatusUnauthorized, "authentication_error", "outdated_wallet_binding",
				"node %s sent the old wallet binding (signed once, without nonce or expiry, so replayable), which this domain refuses: "+
					"upgrade gaianet on the node to a version that signs the binding at each join, then restart it (gaianet start); "+
					"its domain-wallet.json is kept", addr)
		}
	}
	if err != nil {
		return "", errorf(http.StatusUnauthorized, "authentication_error", "bad_wallet_signature", "the wallet binding is not signed by %s for this join: %v", addr, err)
	}
	return wallet, nil
}

func containsAddr(list []string, addr string) bool {
	return slices.ContainsFunc(list, func(a string) bool { return strings.EqualFold(a, addr) })
}

// join admits a node and holds its tunnel until it closes.
func (s *Server) join(w http.ResponseWriter, r *http.Request) error {
	addr, err := s.verifyJoin(r)
	if err != nil {
		s.log.Warn("node refused", "node", r.Header.Get(tunnel.HeaderNode), "remote", r.RemoteAddr, "err", err)
		return err
	}
	sess, err := tunnel.Accept(w, r, s.opt.Tunnel)
	if err != nil {
		s.log.Warn("tunnel upgrade failed", "node", addr, "err", err)
		return nil // Accept has answered
	}
	m := newMember(addr, sess)
	s.wg.Add(1)
	defer s.wg.Done()
	defer sess.Close()
	if err := s.check(s.ctx, m); err != nil {
		s.log.Warn("node does not meet the requirements; disconnected", "node", addr, "err", err)
		s.st.SetNodeHealth(context.Background(), addr, store.Unhealthy, s.opt.Replica, m.modelList())
		return nil
	}
	m.healthy.Store(true)
	if old := s.pool.add(m); old != nil {
		old.sess.Close()
	}
	s.metrics.nodeUp(addr, true)
	s.st.SetNodeHealth(s.ctx, addr, store.Healthy, s.opt.Replica, m.modelList())
	s.log.Info("node joined", "node", addr, "models", m.modelList())
	s.monitor(m) // returns when the tunnel closes or the server stops
	s.pool.remove(m)
	m.healthy.Store(false)
	s.metrics.nodeUp(addr, false)
	s.st.SetNodeHealth(context.Background(), addr, store.Unhealthy, s.opt.Replica, m.modelList())
	s.log.Info("node left", "node", addr)
	return nil
}

// check asks the node what it serves and holds it to the requirements;
// it updates m's model list.
func (s *Server) check(ctx context.Context, m *member) error {
	ctx, cancel := context.WithTimeout(ctx, time.Duration(s.cfg.Monitor.Timeout))
	defer cancel()
	var models struct {
		Data []struct {
			ID string `json:"id"`
		} `json:"data"`
	}
	if err := m.getJSON(ctx, "/v1/models", &models); err != nil {
		return err
	}
	ids := make([]string, 0, len(models.Data))
	for _, d := range models.Data {
		ids = append(ids, d.ID)
	}
	m.setModels(ids)
	req := s.cfg.Requirements
	for _, want := range []string{req.ChatModel, req.EmbeddingModel} {
		if want != "" && !slices.Contains(ids, want) {
			return fmt.Errorf("the node does not serve the required model %q (it serves %v)", want, ids)
		}
	}
	return s.checkInfo(ctx, m, ids)
}

// getJSON GETs path from the node and decodes its JSON answer.
func (m *member) getJSON(ctx context.Context, path string, v any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://node"+path, nil)
	if err != nil {
		return err
	}
	resp, err := m.client.Do(req)
	if err != nil {
		return fmt.Errorf("GET %s: %w", path, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: HTTP %d", path, resp.StatusCode)
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(v); err != nil {
		return fmt.Errorf("GET %s: %w", path, err)
	}
	return nil
}

// monitor probes m every interval until its tunnel closes or the server
// stops. A node failing MaxFailures checks in a row leaves rotation; one
// passing check brings it back. A node the operator evicted is dropped.
func (s *Server) monitor(m *member) {
	t := time.NewTicker(time.Duration(s.cfg.Monitor.Interval))
	defer t.Stop()
	failures := 0
	for {
		select {
		case <-s.ctx.Done():
			return
		case <-m.sess.CloseChan():
			return
		case <-t.C:
		}
		if n, err := s.st.NodeByAddress(s.ctx, m.addr); err == nil && n.Status != store.StatusAdmitted {
			s.log.Info("node no longer admitted; disconnecting", "node", m.addr, "status", n.Status)
			m.sess.Close()
			return
		}
		start := time.Now()
		err := s.check(s.ctx, m)
		if err == nil {
			_, err = m.sess.Ping() // the heartbeat: a round trip on the tunnel itself
		}
		s.metrics.probe(m.addr, time.Since(start), err)
		if err != nil {
			failures++
			if failures >= s.cfg.Monitor.MaxFailures && m.healthy.Swap(false) {
				s.log.Warn("node out of rotation", "node", m.addr, "failures", failures, "err", err)
				s.metrics.nodeUp(m.addr, false)
			}
			if failures >= s.cfg.Monitor.MaxFailures {
				s.st.SetNodeHealth(s.ctx, m.addr, store.Unhealthy, s.opt.Replica, m.modelList())
			}
			continue
		}
		failures = 0
		if !m.healthy.Swap(true) {
			s.log.Info("node back in rotation", "node", m.addr)
			s.metrics.nodeUp(m.addr, true)
		}
		s.st.SetNodeHealth(s.ctx, m.addr, store.Healthy, s.opt.Replica, m.modelList())
	}
}
