package domain

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/gaianet-go/gaianet/domain/journal"
	"github.com/gaianet-go/gaianet/domain/ledger"
	"github.com/gaianet-go/gaianet/domain/store"
	"github.com/gaianet-go/gaianet/identity"
	"github.com/gaianet-go/gaianet/tunnel"
)

// Options are what a Server needs beyond its Config.
type Options struct {
	// Store is the domain's database (required).
	Store *store.Store
	// AdminKey guards /_domain/admin/; empty disables the operator API.
	AdminKey string
	// Replica names this process among replicas; default host-pid.
	Replica string
	// Logger receives lifecycle and error logs; nil discards them.
	Logger *slog.Logger
	// Tunnel tunes the tunnels' keepalive.
	Tunnel tunnel.Config
	// Journal is the directory of the local charge journal (required):
	// answers are billed there before they are sent, and drained into
	// the store in batches (package domain/journal).
	Journal string
	// Instance, when set, is echoed by GET /health as "instance", so that
	// 'gaianet domain start' knows the process answering is the one it
	// started, not another program holding the port.
	Instance string
}

// Server is a running domain gateway. It is safe for concurrent use.
type Server struct {
	cfg     Config
	st      *store.Store
	opt     Options
	log     *slog.Logger
	pool    *pool
	metrics *metrics
	mux     *http.ServeMux

	ctx        context.Context // ends at Close: stops monitors and tunnels
	cancel     context.CancelFunc
	wg         sync.WaitGroup // tunnel handlers and monitors
	journal    *journal.Journal
	keys       *keyCache
	credit     *credit
	peers      peers         // other replicas, for pinned requests
	adminCache adminKeyCache // the admin key hashes in force
}

// keyCacheTTL is how long a replica trusts what it read of an API key
// (other replicas' revocations show within it).
const keyCacheTTL = 2 * time.Second

// New returns a gateway for cfg. Call Close to disconnect every node.
func New(cfg Config, opt Options) (*Server, error) {
	cfg.ApplyDefaults()
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if opt.Store == nil {
		return nil, fmt.Errorf("domain: no store")
	}
	if opt.Journal == "" {
		return nil, fmt.Errorf("domain: no journal directory")
	}
	if opt.Replica == "" {
		host, _ := os.Hostname()
		opt.Replica = fmt.Sprintf("%s-%d-%s", host, os.Getpid(), randomHex(3))
	}
	log := opt.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{cfg: cfg, st: opt.Store, opt: opt, log: log, pool: newPool(), metrics: newMetrics(),
		keys: newKeyCache(keyCacheTTL), credit: newCredit(opt.Store, opt.Replica, log)}
	j, err := journal.Open(context.Background(), opt.Journal, creditPoster{opt.Store, s.credit}, journal.Options{
		Logger: log,
		Posted: func(cs []ledger.Charge) {
			for _, c := range cs {
				s.metrics.charged.Add(float64(c.Amount))
			}
		},
	})
	if err != nil {
		return nil, fmt.Errorf("domain: %w", err)
	}
	s.journal = j
	if opt.AdminKey != "" {
		if _, err := opt.Store.SeedAdminKey(context.Background(), opt.AdminKey); err != nil {
			j.Close(context.Background())
			return nil, fmt.Errorf("domain: %w", err)
		}
	}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		s.credit.maintain(s.ctx)
	}()
	if cfg.Canary.Interval > 0 {
		s.wg.Add(1)
		go s.canaryLoop()
	}
	s.routes()
	return s, nil
}

// routes lists every route of the gateway.
func (s *Server) routes() {
	m := http.NewServeMux()
	m.HandleFunc("GET /health", s.serve(s.health))
	metrics := s.metrics.handler()
	m.HandleFunc("GET /metrics", s.serve(s.admin(func(w http.ResponseWriter, r *http.Request) error {
		metrics.ServeHTTP(w, r)
		return nil
	})))
	m.HandleFunc("GET "+tunnel.ChallengePath, s.serve(limited(newIPLimiter(s.cfg.ChallengeRate), s.challenge)))
	m.HandleFunc("GET "+tunnel.TunnelPath, s.serve(s.join))
	m.HandleFunc("GET /v1/models", s.serve(s.models))
	m.HandleFunc("/v1/", s.serve(s.proxyAny))
	s.adminRoutes(m)
	s.dashboardRoutes(m)
	s.mux = m
}

// ServeHTTP routes r. Per-node addresses go to that node:
// /0xADDRESS/v1/... by path, or Host: 0xADDRESS.<domain>.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if addr, path := pathNode(r.URL.Path); addr != "" {
		s.serve(func(w http.ResponseWriter, r *http.Request) error { return s.proxy(w, r, addr, path) })(w, r)
		return
	}
	if addr := hostNode(r.Host); addr != "" && strings.HasPrefix(r.URL.Path, "/v1/") {
		s.serve(func(w http.ResponseWriter, r *http.Request) error { return s.proxy(w, r, addr, r.URL.Path) })(w, r)
		return
	}
	s.mux.ServeHTTP(w, r)
}

// pathNode splits "/0xADDRESS/v1/rest" into the checksummed address and
// "/v1/rest"; it returns "" for any other path.
func pathNode(p string) (addr, rest string) {
	if len(p) < 46 || !strings.HasPrefix(p, "/0x") || !strings.HasPrefix(p[43:], "/v1/") {
		return "", ""
	}
	a, err := identity.ChecksumAddress(p[1:43])
	if err != nil {
		return "", ""
	}
	return a, p[43:]
}

// hostNode returns the node address in a Host such as
// "0xabc...def.example.domain", or "".
func hostNode(host string) string {
	label, _, ok := strings.Cut(host, ".")
	if !ok || !identity.IsAddress(label) {
		return ""
	}
	a, err := identity.ChecksumAddress(label)
	if err != nil {
		return ""
	}
	return a
}

// Close disconnects every node, stops the monitors and posts the
// journaled charges (for up to 30 s; what is left stays in the journal
// for the next start).
func (s *Server) Close() {
	s.cancel()
	for _, m := range s.pool.all() {
		m.sess.Close()
	}
	s.wg.Wait()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := s.journal.Close(ctx); err != nil {
		s.log.Error("closing the charge journal", "err", err)
	}
}

// health answers a bare liveness status (and the instance, which
// 'gaianet domain start' matches to know the answer is from the process
// it started) to anyone; the domain's name, replica and node count only
// with the admin key.
func (s *Server) health(w http.ResponseWriter, r *http.Request) error {
	body := map[string]any{"status": "ok"}
	if s.opt.Instance != "" {
		body["instance"] = s.opt.Instance
	}
	if !s.isAdmin(r) {
		writeJSON(w, http.StatusOK, body)
		return nil
	}
	healthy := 0
	for _, m := range s.pool.all() {
		if m.healthy.Load() {
			healthy++
		}
	}
	body["domain"], body["replica"], body["healthy_nodes"] = s.cfg.Name, s.opt.Replica, healthy
	writeJSON(w, http.StatusOK, body)
	return nil
}

// models lists every model served by a healthy node of this replica.
func (s *Server) models(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.authenticate(r); err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, m := range s.pool.all() {
		if !m.healthy.Load() {
			continue
		}
		for _, id := range m.modelList() {
			seen[id] = true
		}
	}
	type model struct {
		ID      string `json:"id"`
		Object  string `json:"object"`
		Created int64  `json:"created"`
		OwnedBy string `json:"owned_by"`
	}
	out := []model{}
	for id := range seen {
		out = append(out, model{ID: id, Object: "model", Created: 0, OwnedBy: s.cfg.Name})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	writeJSON(w, http.StatusOK, map[string]any{"object": "list", "data": out})
	return nil
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}
