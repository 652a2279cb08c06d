package domain

import (
	"bytes"
	"crypto/sha256"
	"crypto/subtle"
	_ "embed"
	"encoding/base64"
	"html"
	"net/http"
	"strings"
	"time"

	"github.com/gaianet-go/gaianet/domain/ledger"
	"github.com/gaianet-go/gaianet/domain/store"
)

// The dashboard is one embedded page (no external assets) whose script
// reads /_domain/dashboard/data every few seconds and draws the charts as
// SVG. Everything but the sign-in form needs the admin key: as a Bearer
// header, or as the session cookie the form sets (an HMAC of the admin
// key, so it works on every replica and dies with the key).
var (
	//go:embed dashboard/index.html
	dashboardPage []byte
	//go:embed dashboard/login.html
	loginPage string
	// dashboardCSP allows the page's own inline script (by its hash) and
	// same-origin requests, nothing else.
	dashboardCSP = "default-src 'none'; script-src '" + scriptHash(dashboardPage) + "'; style-src 'unsafe-inline'; " +
		"connect-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)

const dashboardCookie = "gaianet_dashboard"

// scriptHash is the CSP source of the page's one inline script.
func scriptHash(page []byte) string {
	_, rest, _ := bytes.Cut(page, []byte("<script>"))
	script, _, _ := bytes.Cut(rest, []byte("</script>"))
	sum := sha256.Sum256(script)
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

func (s *Server) dashboardRoutes(m *http.ServeMux) {
	m.HandleFunc("GET /_domain/dashboard", s.dashboard)
	m.HandleFunc("POST /_domain/dashboard/login", s.dashboardLogin)
	m.HandleFunc("GET /_domain/dashboard/data", s.serve(s.dashboardAuth(s.dashboardData)))
}

// dashboardAdmin reports whether r carries the admin key or the session.
func (s *Server) dashboardAdmin(r *http.Request) bool {
	if s.isAdmin(r) {
		return true
	}
	c, err := r.Cookie(dashboardCookie)
	if err != nil {
		return false
	}
	ok := false
	for _, v := range s.sessions(r.Context()) {
		ok = subtle.ConstantTimeCompare([]byte(c.Value), []byte(v)) == 1 || ok
	}
	return ok
}

func (s *Server) dashboardAuth(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if !s.dashboardAdmin(r) {
			return errorf(http.StatusUnauthorized, "invalid_request_error", "invalid_admin_key", "the dashboard needs the domain's admin key (admin.key)")
		}
		return h(w, r)
	}
}

func pageHeaders(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", dashboardCSP)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Referrer-Policy", "no-referrer")
	w.Header().Set("Cache-Control", "no-store")
}

func (s *Server) dashboard(w http.ResponseWriter, r *http.Request) {
	pageHeaders(w)
	if !s.dashboardAdmin(r) {
		w.WriteHeader(http.StatusUnauthorized)
		w.Write([]byte(strings.Replace(loginPage, "{{ERROR}}", "", 1)))
		return
	}
	w.Write(dashboardPage)
}

func (s *Server) dashboardLogin(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 4096)
	key := r.PostFormValue("key")
	if !s.isAdminKey(r.Context(), key) {
		pageHeaders(w)
		w.WriteHeader(http.StatusUnauthorized)
		w.Write([]byte(strings.Replace(loginPage, "{{ERROR}}", html.EscapeString("That is not this domain's admin key."), 1)))
		return
	}
	http.SetCookie(w, &http.Cookie{Name: dashboardCookie, Value: sessionOf(store.HashKey(strings.TrimSpace(key))), Path: "/_domain/dashboard",
		HttpOnly: true, Secure: r.TLS != nil, SameSite: http.SameSiteStrictMode, MaxAge: 12 * 3600})
	http.Redirect(w, r, "/_domain/dashboard", http.StatusSeeOther)
}

// dashboardData is what the page draws: nodes with their state here and
// in the store, and billed traffic over the window in 60 buckets.
func (s *Server) dashboardData(w http.ResponseWriter, r *http.Request) error {
	window := time.Hour
	if v := r.URL.Query().Get("window"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d < time.Minute || d > 31*24*time.Hour {
			return errorf(http.StatusBadRequest, "invalid_request_error", "invalid_window", "window must be a duration from 1m to 744h, such as 1h")
		}
		window = d
	}
	bucket := max((window / 60).Round(time.Second), 10*time.Second)
	until := time.Now()
	since := until.Add(-window).Truncate(bucket)
	points, perNode, err := s.st.Traffic(r.Context(), since, bucket)
	if err != nil {
		return err
	}
	nodes, err := s.st.Nodes(r.Context())
	if err != nil {
		return err
	}
	accts, err := s.st.Accounts(r.Context())
	if err != nil {
		return err
	}
	balances := map[string]ledger.Micros{}
	for _, a := range accts {
		balances[a.ID] = a.Balance
	}
	windowReqs := map[string]int64{}
	for _, n := range perNode {
		windowReqs[n.Node] = n.Requests
	}
	tot, err := s.st.Totals(r.Context())
	if err != nil {
		return err
	}
	type nodeView struct {
		Address        string    `json:"address"`
		Status         string    `json:"status"`
		InRotation     bool      `json:"in_rotation"`
		ConnectedHere  bool      `json:"connected_here"`
		Outstanding    int64     `json:"outstanding"`
		Models         []string  `json:"models"`
		WindowRequests int64     `json:"window_requests"`
		EarnedMicros   int64     `json:"earned_micros"`
		LastSeen       time.Time `json:"last_seen"`
	}
	type point struct {
		Start         time.Time `json:"start"`
		Requests      int64     `json:"requests"`
		InputTokens   int64     `json:"input_tokens"`
		OutputTokens  int64     `json:"output_tokens"`
		ChargedMicros int64     `json:"charged_micros"`
	}
	out := struct {
		Domain        string     `json:"domain"`
		Since         time.Time  `json:"since"`
		Until         time.Time  `json:"until"`
		BucketSeconds int64      `json:"bucket_seconds"`
		Traffic       []point    `json:"traffic"`
		Nodes         []nodeView `json:"nodes"`
		TotalCharged  int64      `json:"total_charged_micros"`
		TotalRequests int64      `json:"total_requests"`
	}{Domain: s.cfg.Name, Since: since.UTC(), Until: until.UTC(), BucketSeconds: int64(bucket / time.Second),
		Traffic: []point{}, Nodes: []nodeView{}, TotalCharged: int64(tot.Charged), TotalRequests: tot.Requests}
	for _, p := range points {
		out.Traffic = append(out.Traffic, point{p.Start, p.Requests, p.InputTokens, p.OutputTokens, int64(p.Charged)})
	}
	for _, n := range nodes {
		v := nodeView{Address: n.Address, Status: n.Status, Models: n.Models, WindowRequests: windowReqs[n.Address],
			EarnedMicros: int64(balances[ledger.NodeAccount(n.Address)]), LastSeen: n.LastSeen}
		if n.Status == store.StatusAdmitted {
			v.Status = n.Health
		}
		if m := s.pool.get(n.Address); m != nil {
			v.ConnectedHere, v.InRotation, v.Outstanding = true, m.healthy.Load(), m.outstanding.Load()
		}
		out.Nodes = append(out.Nodes, v)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
