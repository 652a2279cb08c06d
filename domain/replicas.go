package domain

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httputil"
	"net/url"
	"sync"
	"time"

	"github.com/gaianet-go/gaianet/domain/store"
	"github.com/gaianet-go/gaianet/egress"
)

// Replicas find each other through the store: each records the URL it is
// reached at every replicaBeat, and one not seen for replicaStale is
// taken for gone.
const (
	replicaBeat  = 5 * time.Second
	replicaStale = 3 * replicaBeat
)

// forwardedHeader marks a request one replica passed to another, which
// serves it itself and never passes it on again.
const forwardedHeader = "X-Gaianet-Forwarded-By"

// Advertise records that other replicas reach this one at u (such as
// "http://10.0.0.5:9000") and keeps that record fresh until Close, so that
// requests pinned to a node whose tunnel this replica holds are forwarded
// here by the others.
func (s *Server) Advertise(u string) error {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return fmt.Errorf("domain: replica URL %q: want http(s)://host:port", u)
	}
	if err := s.st.SeeReplica(s.ctx, s.opt.Replica, u); err != nil {
		return err
	}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		t := time.NewTicker(replicaBeat)
		defer t.Stop()
		for {
			select {
			case <-s.ctx.Done():
				ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
				s.st.ForgetReplica(ctx, s.opt.Replica)
				cancel()
				return
			case <-t.C:
				if err := s.st.SeeReplica(s.ctx, s.opt.Replica, u); err != nil && s.ctx.Err() == nil {
					s.log.Warn("cannot record this replica", "err", err)
				}
			}
		}
	}()
	return nil
}

// holderOf returns the URL of the live replica that holds addr's tunnel
// and has it in rotation, or "" when there is none (or it is this one).
func (s *Server) holderOf(ctx context.Context, addr string) (string, error) {
	n, err := s.st.NodeByAddress(ctx, addr)
	if errors.Is(err, store.ErrNotFound) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	if n.Status != store.StatusAdmitted || n.Health != store.Healthy || n.Replica == "" || n.Replica == s.opt.Replica {
		return "", nil
	}
	r, err := s.st.ReplicaByName(ctx, n.Replica)
	if errors.Is(err, store.ErrNotFound) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	if time.Since(r.Seen) > replicaStale {
		return "", nil
	}
	return r.URL, nil
}

// peers holds one reverse proxy per replica URL.
type peers struct {
	mu sync.Mutex
	m  map[string]*httputil.ReverseProxy
}

// proxyTo returns the reverse proxy to the replica at u. Replica URLs come
// from the operator's database, so each is allowed by name through the
// guarded dialer, wherever it is.
func (p *peers) proxyTo(u string) (*httputil.ReverseProxy, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if rp := p.m[u]; rp != nil {
		return rp, nil
	}
	target, err := url.Parse(u)
	if err != nil {
		return nil, err
	}
	pol, err := egress.Public.With(target.Hostname())
	if err != nil {
		return nil, err
	}
	rp := &httputil.ReverseProxy{
		Rewrite:       func(pr *httputil.ProxyRequest) { pr.SetURL(target); pr.Out.Host = target.Host },
		FlushInterval: -1, // streams pass through as they come
		Transport: &http.Transport{DialContext: pol.DialContext(5 * time.Second), MaxIdleConnsPerHost: 64,
			IdleConnTimeout: 90 * time.Second, ResponseHeaderTimeout: 10 * time.Minute},
		ErrorHandler: func(w http.ResponseWriter, r *http.Request, err error) {
			writeJSON(w, http.StatusBadGateway, map[string]any{"error": map[string]any{"type": "server_error", "code": "replica_failed",
				"message": "the replica holding this node's tunnel did not answer: " + err.Error(), "param": nil}})
		},
	}
	if p.m == nil {
		p.m = map[string]*httputil.ReverseProxy{}
	}
	p.m[u] = rp
	return rp, nil
}

// forwardPinned passes a request pinned to addr, whose tunnel this replica
// does not hold, to the replica that does; that replica authenticates,
// holds credit and bills it. It returns false when no replica holds it.
func (s *Server) forwardPinned(w http.ResponseWriter, r *http.Request, addr string, body []byte) (bool, error) {
	if r.Header.Get(forwardedHeader) != "" {
		return false, nil // forwarded once already: serve or refuse here
	}
	u, err := s.holderOf(r.Context(), addr)
	if err != nil || u == "" {
		return false, err
	}
	rp, err := s.peers.proxyTo(u)
	if err != nil {
		return false, err
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	r.ContentLength = int64(len(body))
	r.Header.Set(forwardedHeader, s.opt.Replica)
	rp.ServeHTTP(w, r)
	return true, nil
}
