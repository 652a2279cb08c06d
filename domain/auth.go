package domain

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/gaianet-go/gaianet/domain/store"
)

// keyCache remembers which user an API key (by its hash) belongs to, for
// ttl, so that a request does not read the database to authenticate. A
// key revoked through this replica is forgotten at once; through another
// replica, within ttl.
type keyCache struct {
	ttl time.Duration
	mu  sync.RWMutex
	m   map[string]cachedKey
}

type cachedKey struct {
	user    store.User
	expires time.Time
}

func newKeyCache(ttl time.Duration) *keyCache {
	return &keyCache{ttl: ttl, m: map[string]cachedKey{}}
}

// userByKey returns the user of key, from the cache or the store.
func (k *keyCache) userByKey(ctx context.Context, st *store.Store, key string) (store.User, error) {
	h := store.HashKey(key)
	k.mu.RLock()
	c, ok := k.m[h]
	k.mu.RUnlock()
	if ok && time.Now().Before(c.expires) {
		return c.user, nil
	}
	u, err := st.UserByKeyHash(ctx, h)
	if err != nil {
		if errors.Is(err, store.ErrNotFound) {
			k.forget(h)
		}
		return store.User{}, err
	}
	k.mu.Lock()
	if len(k.m) > 100_000 {
		clear(k.m) // bound memory under a flood of keys
	}
	k.m[h] = cachedKey{u, time.Now().Add(k.ttl)}
	k.mu.Unlock()
	return u, nil
}

// forget drops a key hash (revoked or rotated).
func (k *keyCache) forget(hash string) {
	k.mu.Lock()
	delete(k.m, hash)
	k.mu.Unlock()
}

// authenticate checks the Bearer key and returns its user.
func (s *Server) authenticate(r *http.Request) (store.User, error) {
	key, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || key == "" {
		return store.User{}, errorf(http.StatusUnauthorized, "invalid_request_error", "missing_api_key",
			"this domain needs an API key: send Authorization: Bearer KEY")
	}
	u, err := s.keys.userByKey(r.Context(), s.st, strings.TrimSpace(key))
	if errors.Is(err, store.ErrNotFound) {
		return store.User{}, errorf(http.StatusUnauthorized, "invalid_request_error", "invalid_api_key", "the API key is not valid for this domain")
	}
	return u, err
}
