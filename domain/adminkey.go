package domain

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/gaianet-go/gaianet/domain/store"
)

// The admin key guards the operator API, /metrics, the health details and
// the dashboard. The database holds its hash (store.SeedAdminKey seeds it
// from admin.key at the first start), so every replica honours the same
// key; 'gaianet domain admin-key rotate' (or POST
// /_domain/admin/admin-key/rotate) replaces it, and the old key is refused
// by this replica at once and by the others within adminKeyTTL.

// adminKeyTTL is how long a replica trusts the admin key hashes it read.
const adminKeyTTL = time.Second

// NewAdminKey returns a fresh admin key.
func NewAdminKey() string { return "gdadmin-" + randomHex(32) }

// adminKeyCache caches the hashes of the admin keys in force.
type adminKeyCache struct {
	mu     sync.Mutex // guards hashes and read
	hashes []string
	read   time.Time
}

// adminHashes returns the admin key hashes in force, read at most adminKeyTTL
// ago. Without an admin key configured (Options.AdminKey) there are none:
// the operator API is off.
func (s *Server) adminHashes(ctx context.Context) []string {
	if s.opt.AdminKey == "" {
		return nil
	}
	k := &s.adminCache
	k.mu.Lock()
	defer k.mu.Unlock()
	if time.Since(k.read) < adminKeyTTL {
		return k.hashes
	}
	hs, err := s.st.AdminKeyHashes(ctx)
	if err != nil {
		s.log.Warn("cannot read the admin keys; keeping the last read", "err", err)
		return k.hashes
	}
	k.hashes, k.read = hs, time.Now()
	return hs
}

// forgetAdminKeys makes the next check read the admin keys again.
func (s *Server) forgetAdminKeys() {
	s.adminCache.mu.Lock()
	s.adminCache.read = time.Time{}
	s.adminCache.mu.Unlock()
}

// isAdminKey reports whether key is an admin key in force.
func (s *Server) isAdminKey(ctx context.Context, key string) bool {
	key = strings.TrimSpace(key)
	if key == "" {
		return false
	}
	h := []byte(store.HashKey(key))
	ok := false
	for _, want := range s.adminHashes(ctx) {
		ok = subtle.ConstantTimeCompare(h, []byte(want)) == 1 || ok
	}
	return ok
}

// isAdmin reports whether r carries the admin key.
func (s *Server) isAdmin(r *http.Request) bool {
	key, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return ok && s.isAdminKey(r.Context(), key)
}

// sessions are the dashboard cookie values that stand for the admin keys
// in force: one per key, so a rotation ends every session.
func (s *Server) sessions(ctx context.Context) []string {
	var out []string
	for _, h := range s.adminHashes(ctx) {
		out = append(out, sessionOf(h))
	}
	return out
}

// sessionOf is the dashboard cookie value for the admin key whose hash is
// keyHash.
func sessionOf(keyHash string) string {
	mac := hmac.New(sha256.New, []byte(keyHash))
	mac.Write([]byte("gaianet domain dashboard session v2"))
	return hex.EncodeToString(mac.Sum(nil))
}

// adminKeyRotate replaces the admin key and returns the new one, once.
func (s *Server) adminKeyRotate(w http.ResponseWriter, r *http.Request) error {
	key := NewAdminKey()
	if err := s.st.RotateAdminKey(r.Context(), key); err != nil {
		return err
	}
	s.forgetAdminKeys()
	writeJSON(w, http.StatusOK, map[string]any{"object": "admin_key", "key": key,
		"note": "the old admin key no longer works; admin.key files are not updated by this call"})
	return nil
}
