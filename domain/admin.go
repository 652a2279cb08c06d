package domain

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"time"

	"github.com/gaianet-go/gaianet/domain/ledger"
	"github.com/gaianet-go/gaianet/domain/store"
	"github.com/gaianet-go/gaianet/identity"
)

// adminRoutes lists the operator API, behind the admin key:
//
//	GET  /_domain/admin/nodes                     nodes as stored, with this replica's view
//	POST /_domain/admin/nodes/{address}/approve   admit a pending or evicted node
//	POST /_domain/admin/nodes/{address}/evict     disconnect and refuse a node
//	GET  /_domain/admin/users                     users and balances
//	GET  /_domain/admin/ledger                    accounts and totals
//	GET  /_domain/admin/evidence[?node=ADDR]      replay evidence (signed statements)
//	GET  /_domain/admin/keys[?user=ID]            API keys (never their secrets)
//	POST /_domain/admin/users/{id}/keys           issue a key {"name"}: returns its secret once
//	POST /_domain/admin/keys/{id}/revoke          revoke {"grace": "1h"} (grace optional)
//	POST /_domain/admin/keys/{id}/rotate          new key for the same user, old one revoked after grace
//	POST /_domain/admin/admin-key/rotate          replace the admin key: returns the new one once
func (s *Server) adminRoutes(m *http.ServeMux) {
	m.HandleFunc("POST /_domain/admin/admin-key/rotate", s.serve(s.admin(s.adminKeyRotate)))
	m.HandleFunc("GET /_domain/admin/keys", s.serve(s.admin(s.adminKeys)))
	m.HandleFunc("POST /_domain/admin/users/{id}/keys", s.serve(s.admin(s.adminKeyCreate)))
	m.HandleFunc("POST /_domain/admin/keys/{id}/{action}", s.serve(s.admin(s.adminKeyAction)))
	m.HandleFunc("GET /_domain/admin/nodes", s.serve(s.admin(s.adminNodes)))
	m.HandleFunc("POST /_domain/admin/nodes/{address}/{action}", s.serve(s.admin(s.adminNodeStatus)))
	m.HandleFunc("GET /_domain/admin/users", s.serve(s.admin(s.adminUsers)))
	m.HandleFunc("GET /_domain/admin/ledger", s.serve(s.admin(s.adminLedger)))
	m.HandleFunc("GET /_domain/admin/evidence", s.serve(s.admin(s.adminEvidence)))
	m.HandleFunc("GET /_domain/admin/wallets", s.serve(s.admin(s.adminWallets)))
}

// adminEvidence lists replay evidence, against one node with ?node=ADDR.
func (s *Server) adminEvidence(w http.ResponseWriter, r *http.Request) error {
	node := r.URL.Query().Get("node")
	if node != "" && !identity.IsAddress(node) {
		return errorf(http.StatusBadRequest, "invalid_request_error", "invalid_request", "node must be a node address (0x and 40 hex digits)")
	}
	if node != "" {
		node, _ = identity.ChecksumAddress(node)
	}
	ev, err := s.st.EvidenceList(r.Context(), node)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"object": "list", "data": ev})
	return nil
}

// admin checks the admin key before h. Without a configured key the
// operator API is off.
func (s *Server) admin(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if !s.isAdmin(r) {
			return errorf(http.StatusUnauthorized, "invalid_request_error", "invalid_admin_key", "the operator API needs the domain's admin key (admin.key)")
		}
		return h(w, r)
	}
}

func (s *Server) adminNodes(w http.ResponseWriter, r *http.Request) error {
	nodes, err := s.st.Nodes(r.Context())
	if err != nil {
		return err
	}
	type view struct {
		store.Node
		Connected   bool  `json:"connected_here"`
		InRotation  bool  `json:"in_rotation"`
		Outstanding int64 `json:"outstanding"`
	}
	out := make([]view, 0, len(nodes))
	for _, n := range nodes {
		v := view{Node: n}
		if m := s.pool.get(n.Address); m != nil {
			v.Connected, v.InRotation, v.Outstanding = true, m.healthy.Load(), m.outstanding.Load()
		}
		out = append(out, v)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *Server) adminNodeStatus(w http.ResponseWriter, r *http.Request) error {
	addr, err := identity.ChecksumAddress(r.PathValue("address"))
	if err != nil {
		return errorf(http.StatusBadRequest, "invalid_request_error", "bad_address", "%q is not a node address", r.PathValue("address"))
	}
	status := map[string]string{"approve": store.StatusAdmitted, "evict": store.StatusEvicted}[r.PathValue("action")]
	if status == "" {
		return errorf(http.StatusNotFound, "invalid_request_error", "unknown_url", "no action %q: approve or evict", r.PathValue("action"))
	}
	if err := s.st.SetNodeStatus(r.Context(), addr, status); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return errorf(http.StatusNotFound, "invalid_request_error", "unknown_node", "no node %s has tried to join", addr)
		}
		return err
	}
	if m := s.pool.get(addr); m != nil && status == store.StatusEvicted {
		m.sess.Close()
	}
	writeJSON(w, http.StatusOK, map[string]string{"address": addr, "status": status})
	return nil
}

// adminWallets lists every wallet binding, current and ended, and the
// users a chain reorganisation left below zero (with the reason).
func (s *Server) adminWallets(w http.ResponseWriter, r *http.Request) error {
	links, err := s.st.WalletLinks(r.Context(), "")
	if err != nil {
		return err
	}
	flags, err := s.st.UserFlags(r.Context())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"links": links, "blocked": flags})
	return nil
}

func (s *Server) adminUsers(w http.ResponseWriter, r *http.Request) error {
	users, err := s.st.Users(r.Context())
	if err != nil {
		return err
	}
	type view struct {
		store.User
		Balance ledger.Micros `json:"balance"`
	}
	out := make([]view, 0, len(users))
	for _, u := range users {
		b, err := s.st.Balance(r.Context(), ledger.UserAccount(u.ID))
		if err != nil {
			return err
		}
		out = append(out, view{u, b})
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *Server) adminLedger(w http.ResponseWriter, r *http.Request) error {
	accts, err := s.st.Accounts(r.Context())
	if err != nil {
		return err
	}
	tot, err := s.st.Totals(r.Context())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"unit": "USD", "accounts": accts, "totals": tot})
	return nil
}

func (s *Server) adminKeys(w http.ResponseWriter, r *http.Request) error {
	keys, err := s.st.Keys(r.Context(), r.URL.Query().Get("user"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, keys)
	return nil
}

// keyRequest is the body of the key routes; every field is optional and
// an unknown one is an error.
type keyRequest struct {
	Name  string   `json:"name"`
	Grace Duration `json:"grace"`
}

func readKeyRequest(r *http.Request) (keyRequest, error) {
	var kr keyRequest
	body, err := io.ReadAll(io.LimitReader(r.Body, 64<<10))
	if err != nil || len(bytes.TrimSpace(body)) == 0 {
		return kr, err
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&kr); err != nil {
		return kr, errorf(http.StatusBadRequest, "invalid_request_error", "invalid_json", "the body must be {\"name\": ..., \"grace\": \"1h\"}: %v", err)
	}
	if kr.Grace < 0 {
		return kr, errorf(http.StatusBadRequest, "invalid_request_error", "invalid_request", "grace must not be negative")
	}
	return kr, nil
}

func notFound(err error) error {
	if errors.Is(err, store.ErrNotFound) {
		return errorf(http.StatusNotFound, "invalid_request_error", "not_found", "%v", err)
	}
	return err
}

func (s *Server) adminKeyCreate(w http.ResponseWriter, r *http.Request) error {
	kr, err := readKeyRequest(r)
	if err != nil {
		return err
	}
	k, secret, err := s.st.AddKey(r.Context(), r.PathValue("id"), kr.Name)
	if err != nil {
		return notFound(err)
	}
	writeJSON(w, http.StatusOK, map[string]any{"key": k, "secret": secret})
	return nil
}

func (s *Server) adminKeyAction(w http.ResponseWriter, r *http.Request) error {
	kr, err := readKeyRequest(r)
	if err != nil {
		return err
	}
	id, grace := r.PathValue("id"), time.Duration(kr.Grace)
	switch r.PathValue("action") {
	case "revoke":
		k, err := s.st.RevokeKey(r.Context(), id, grace)
		if err != nil {
			return notFound(err)
		}
		s.keys.forget(k.Hash)
		writeJSON(w, http.StatusOK, map[string]any{"key": k})
	case "rotate":
		old, err := s.st.KeyByID(r.Context(), id)
		if err != nil {
			return notFound(err)
		}
		k, secret, err := s.st.RotateKey(r.Context(), id, grace)
		if errors.Is(err, store.ErrRevoked) {
			return errorf(http.StatusConflict, "invalid_request_error", "key_revoked", "%v", err)
		}
		if err != nil {
			return err
		}
		s.keys.forget(old.Hash)
		writeJSON(w, http.StatusOK, map[string]any{"key": k, "secret": secret, "replaces": id})
	default:
		return errorf(http.StatusNotFound, "invalid_request_error", "unknown_url", "no action %q: revoke or rotate", r.PathValue("action"))
	}
	return nil
}
