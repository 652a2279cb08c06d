package domain

import (
	"math"
	"math/rand/v2"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hashicorp/yamux"

	"github.com/gaianet-go/gaianet/tunnel"
)

// member is a node connected to this replica through its tunnel.
type member struct {
	addr   string
	sess   *yamux.Session
	client *http.Client // every connection is a stream of sess

	outstanding atomic.Int64
	healthy     atomic.Bool
	speedBits   atomic.Uint64 // EWMA of output tokens/s; 0 = not measured
	strikes     atomic.Int64  // replay evidence against the node: lowers its standing
	// componentSet is the store's id of the components the node was last
	// verified to serve (store.ComponentSetID): each charge carries it, so
	// royalties follow what served the request.
	componentSet atomic.Int64

	mu     sync.Mutex // guards models and components
	models []string
	// components is the node's verified content hashes as last stored
	// (comma-joined; componentsSet once stored).
	components    string
	componentsSet bool
}

func newMember(addr string, sess *yamux.Session) *member {
	t := &http.Transport{
		DialContext:         tunnel.Dialer(sess),
		MaxIdleConnsPerHost: 512,
		IdleConnTimeout:     90 * time.Second,
		DisableCompression:  true,
		ForceAttemptHTTP2:   false,
	}
	return &member{addr: addr, sess: sess, client: &http.Client{Transport: t,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

func (m *member) speed() float64 { return math.Float64frombits(m.speedBits.Load()) }

// observe folds one request's output speed into the EWMA.
func (m *member) observe(outputTokens int64, d time.Duration) {
	if outputTokens <= 0 || d <= 0 {
		return
	}
	v := float64(outputTokens) / d.Seconds()
	for {
		old := m.speedBits.Load()
		cur := math.Float64frombits(old)
		next := v
		if cur > 0 {
			next = 0.8*cur + 0.2*v
		}
		if m.speedBits.CompareAndSwap(old, math.Float64bits(next)) {
			return
		}
	}
}

func (m *member) serves(model string) bool {
	if model == "" {
		return true
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Contains(m.models, model)
}

func (m *member) setModels(models []string) {
	m.mu.Lock()
	m.models = models
	m.mu.Unlock()
}

func (m *member) modelList() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Clone(m.models)
}

// pool is the set of nodes this replica can reach. It is safe for
// concurrent use; mu guards byAddr.
type pool struct {
	mu     sync.RWMutex
	byAddr map[string]*member
}

func newPool() *pool { return &pool{byAddr: map[string]*member{}} }

// add registers m, returning the member it replaces (an older tunnel of
// the same node), if any.
func (p *pool) add(m *member) *member {
	p.mu.Lock()
	defer p.mu.Unlock()
	old := p.byAddr[m.addr]
	p.byAddr[m.addr] = m
	return old
}

// remove unregisters m if it is still the node's current member.
func (p *pool) remove(m *member) {
	p.mu.Lock()
	if p.byAddr[m.addr] == m {
		delete(p.byAddr, m.addr)
	}
	p.mu.Unlock()
}

func (p *pool) get(addr string) *member {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return p.byAddr[addr]
}

func (p *pool) all() []*member {
	p.mu.RLock()
	defer p.mu.RUnlock()
	out := make([]*member, 0, len(p.byAddr))
	for _, m := range p.byAddr {
		out = append(out, m)
	}
	return out
}

// pick chooses a healthy node serving model, not in exclude, by the power
// of two choices: two candidates at random, the one with the lower load
// wins, where load is outstanding requests divided by measured speed (or
// outstanding requests alone while either speed is unmeasured). It returns
// nil when no node qualifies.
func (p *pool) pick(model string, exclude map[string]bool) *member {
	p.mu.RLock()
	cands := make([]*member, 0, len(p.byAddr))
	for _, m := range p.byAddr {
		if m.healthy.Load() && !exclude[m.addr] && m.serves(model) {
			cands = append(cands, m)
		}
	}
	p.mu.RUnlock()
	switch len(cands) {
	case 0:
		return nil
	case 1:
		return cands[0]
	}
	i := rand.IntN(len(cands))
	j := rand.IntN(len(cands) - 1)
	if j >= i {
		j++
	}
	return lighter(cands[i], cands[j])
}

func lighter(a, b *member) *member {
	// Each piece of replay evidence counts as one more request in flight.
	la, lb := float64(a.outstanding.Load()+1+a.strikes.Load()), float64(b.outstanding.Load()+1+b.strikes.Load())
	if sa, sb := a.speed(), b.speed(); sa > 0 && sb > 0 {
		la, lb = la/sa, lb/sb
	}
	if lb < la {
		return b
	}
	return a
}

// affinitySlack is how many more outstanding requests the node a
// conversation prefers may have than the balancer's pick before the
// conversation moves.
const affinitySlack = 2

// pickAffine is pick with session affinity: a continuing conversation
// (key != 0) goes to the node rendezvous hashing prefers for its key, where
// its earlier turns left their KV cache, unless that node is busier than
// the balancer's own pick by more than affinitySlack requests.
func (p *pool) pickAffine(model string, key uint64, exclude map[string]bool) *member {
	lb := p.pick(model, exclude)
	if key == 0 || lb == nil {
		return lb
	}
	var best *member
	var bestScore uint64
	p.mu.RLock()
	for _, m := range p.byAddr {
		if !m.healthy.Load() || exclude[m.addr] || !m.serves(model) {
			continue
		}
		if sc := rendezvous(key, m.addr); best == nil || sc > bestScore {
			best, bestScore = m, sc
		}
	}
	p.mu.RUnlock()
	if best == nil || best.outstanding.Load() > lb.outstanding.Load()+affinitySlack {
		return lb
	}
	return best
}

// rendezvous scores node addr for key (highest random weight hashing):
// adding or removing a node moves only the conversations that node wins.
func rendezvous(key uint64, addr string) uint64 {
	h := key ^ 0x9e3779b97f4a7c15
	for i := 0; i < len(addr); i++ {
		h ^= uint64(addr[i])
		h *= 0x100000001b3
	}
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	return h
}
