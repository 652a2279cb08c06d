package domain

import (
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// ipLimiter is a token bucket per client IP.
type ipLimiter struct {
	rate  float64 // tokens per second
	burst float64
	mu    sync.Mutex
	b     map[string]*bucket
}

type bucket struct {
	tokens float64
	at     time.Time
}

func newIPLimiter(l RateLimit) *ipLimiter {
	return &ipLimiter{rate: float64(l.PerMinute) / 60, burst: float64(l.Burst), b: map[string]*bucket{}}
}

// allow takes a token for r's IP, or returns how long until one is there.
func (l *ipLimiter) allow(r *http.Request, now time.Time) (bool, time.Duration) {
	ip, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		ip = r.RemoteAddr
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.b) > 10_000 {
		// Forget the buckets that are full again: they change nothing.
		for k, b := range l.b {
			if b.tokens+now.Sub(b.at).Seconds()*l.rate >= l.burst {
				delete(l.b, k)
			}
		}
	}
	b := l.b[ip]
	if b == nil {
		b = &bucket{tokens: l.burst, at: now}
		l.b[ip] = b
	}
	b.tokens = min(l.burst, b.tokens+now.Sub(b.at).Seconds()*l.rate)
	b.at = now
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	return false, time.Duration((1 - b.tokens) / l.rate * float64(time.Second))
}

// limited answers 429 with Retry-After (whole seconds, rounded up) when
// r's IP is over l.
func limited(l *ipLimiter, h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if ok, wait := l.allow(r, time.Now()); !ok {
			w.Header().Set("Retry-After", strconv.Itoa(int((wait+time.Second-1)/time.Second)))
			return errorf(http.StatusTooManyRequests, "rate_limit_error", "too_many_challenges",
				"too many join challenges from this address; retry in %s", wait.Round(time.Second))
		}
		return h(w, r)
	}
}
