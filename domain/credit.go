package domain

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/gaianet-go/gaianet/domain/ledger"
	"github.com/gaianet-go/gaianet/domain/store"
)

// leaser is the part of the store credit leases use (store/leases.go).
type leaser interface {
	LeaseCredit(ctx context.Context, user, replica string, used, need, slice ledger.Micros, ttl time.Duration) (store.Lease, error)
	ReleaseCredit(ctx context.Context, user, replica string) error
	Reclaims(ctx context.Context, replica string) ([]string, error)
}

// Credit leases' timing. A replica takes its lease for valid only until
// half of leaseTTL has passed (other replicas count it until leaseTTL:
// clocks may differ by up to leaseTTL/2) and renews it every leaseRenew.
// It looks for other replicas' requests to give credit back every
// reclaimPoll, and a request short of credit waits up to reclaimWait for
// them before it is refused.
const (
	leaseTTL    = 30 * time.Second
	leaseRenew  = leaseTTL / 6
	reclaimPoll = 50 * time.Millisecond
	reclaimWait = 5 * time.Second
	// sliceRequests is how many more requests like the one that needed a
	// lease its first slice is sized for (later ones double): most
	// requests then find credit in the replica's lease without reading
	// the database.
	sliceRequests = 16
	// scarceFor is how long a user whose credit another replica asked
	// back is leased without a slice (each request leases what it needs).
	scarceFor = 5 * time.Second
)

// credit is this replica's share of each user's credit, leased from the
// store (store.LeaseCredit), which never leases more than the balance
// across replicas:
//
//	available = lease - holds of requests in flight - charges journaled, not yet posted
//
// A request holds an estimate of its cost at admission (402 when the
// estimate does not fit) and settles to its real charge when answered; a
// request that does not fit leases more, in one transaction, and if other
// replicas hold unused credit it asks them to give it back and waits. So
// concurrent requests of one user, on any replicas, cannot spend past the
// balance, and a request is refused only when the rest of the balance is
// held by requests in flight or charged.
type credit struct {
	st      leaser
	replica string
	log     *slog.Logger
	// postMu orders leases and this replica's posts: a lease transaction
	// never overlaps a post, so it sees each of our charges either posted
	// and applied locally, or neither.
	postMu sync.RWMutex
	mu     sync.Mutex // guards acc and every account's fields
	acc    map[string]*account
	// afterLease, when set (by tests), runs in hold after each lease it
	// ran, with no lock held: another request can run meanwhile.
	afterLease func()
}

type account struct {
	lease    ledger.Micros // leased in the store, less our charges posted since
	until    time.Time     // the lease is ours until then
	held     ledger.Micros // estimates of requests in flight
	unposted ledger.Micros // charges journaled, not yet posted
	busy     chan struct{} // set while a lease transaction runs; closed at its end
	scarce   time.Time     // until then, lease no slice
	slice    ledger.Micros // the slice last asked for; doubled at each lease
	used     time.Time     // last hold
}

func newCredit(st leaser, replica string, log *slog.Logger) *credit {
	return &credit{st: st, replica: replica, log: log, acc: map[string]*account{}}
}

func (c *credit) accountLocked(user string) *account {
	a := c.acc[user]
	if a == nil {
		a = &account{}
		c.acc[user] = a
	}
	return a
}

// hold reserves estimate for one of user's requests. It returns false and
// what is available when the estimate does not fit.
func (c *credit) hold(ctx context.Context, user string, estimate ledger.Micros) (bool, ledger.Micros, error) {
	var (
		tried    bool // a lease was asked for this request
		last     store.Lease
		deadline time.Time // of waiting for other replicas
	)
	for {
		c.mu.Lock()
		a := c.accountLocked(user)
		if a.busy != nil {
			// A lease is being changed: what is available is not known.
			if err := c.waitLeaseLocked(ctx, a); err != nil {
				return false, 0, err
			}
			continue
		}
		now := time.Now()
		avail := a.lease - a.held - a.unposted
		if now.Before(a.until) && avail >= estimate && avail > 0 {
			a.held += estimate
			a.used = now
			c.mu.Unlock()
			return true, avail, nil
		}
		if tried && (last.OK || last.Pending == 0 || now.After(deadline)) {
			c.mu.Unlock()
			return false, max(avail, 0), nil
		}
		// The slice doubles at each lease a busy user needs (the store
		// grants at most half of what is free), so a steady stream of
		// requests leases rarely.
		slice := min(max(max(estimate, 1)*sliceRequests, 2*a.slice), ledger.MaxAmount)
		if now.Before(a.scarce) {
			slice = 0
		}
		a.slice = slice
		c.mu.Unlock()
		l, ran, held, err := c.lease(ctx, user, estimate, slice)
		if err != nil {
			return false, 0, err
		}
		if !ran {
			continue // another request's lease ended: look again
		}
		if c.afterLease != nil {
			c.afterLease()
		}
		if held {
			return true, l.Amount, nil
		}
		tried, last = true, l
		if !l.OK && l.Pending > 0 {
			if deadline.IsZero() {
				deadline = now.Add(reclaimWait)
			}
			select {
			case <-time.After(reclaimPoll):
			case <-ctx.Done():
				return false, 0, ctx.Err()
			}
		}
	}
}

// lease runs one lease transaction for user: a lease covering what is in
// flight and unposted plus extra, and if it can, slice more. When another
// lease transaction of user is under way it waits for that one instead
// and returns ran false. When the lease covers extra (> 0), the request
// that asked holds extra at once (held true), in the same critical section
// that applies the lease: otherwise a request waiting for this lease could
// take that credit first, and the one that leased it would be refused
// although credit could still be had.
//
// It waits for a post in progress before it marks the account busy: holds
// go on against the current lease meanwhile, and are stopped only for the
// lease transaction itself (a post can take long, and the drainer's next
// one waits for this lease).
func (c *credit) lease(ctx context.Context, user string, extra, slice ledger.Micros) (l store.Lease, ran, held bool, err error) {
	c.postMu.RLock()
	defer c.postMu.RUnlock()
	c.mu.Lock()
	a := c.accountLocked(user)
	if a.busy != nil {
		return store.Lease{}, false, false, c.waitLeaseLocked(ctx, a)
	}
	done := make(chan struct{})
	a.busy = done
	// No hold changes used while busy is set (settles may lower held).
	used := max(a.held+a.unposted, 0)
	c.mu.Unlock()
	start := time.Now()
	l, err = c.st.LeaseCredit(ctx, user, c.replica, used, used+extra, slice, leaseTTL)
	c.mu.Lock()
	if err == nil {
		a.lease, a.until = l.Amount, start.Add(leaseTTL/2)
		if now := time.Now(); extra > 0 && now.Before(a.until) && a.lease-a.held-a.unposted >= extra {
			a.held += extra
			a.used = now
			held = true
		}
	}
	a.busy = nil
	close(done)
	c.mu.Unlock()
	return l, true, held, err
}

// waitLeaseLocked releases c.mu and waits for a's lease transaction to
// end (or ctx).
func (c *credit) waitLeaseLocked(ctx context.Context, a *account) error {
	ch := a.busy
	c.mu.Unlock()
	select {
	case <-ch:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// settle ends a hold: the request's real charge (0 when nothing is
// billed) is now journaled and waits to be posted.
func (c *credit) settle(user string, estimate, charged ledger.Micros) {
	c.mu.Lock()
	a := c.accountLocked(user)
	a.held -= estimate
	a.unposted += charged
	c.mu.Unlock()
}

// posted applies a committed batch: each charge is no longer unposted and,
// when it was new to the ledger, it came off our lease there too. The
// caller holds postMu.
func (c *credit) posted(cs []ledger.Charge, newly []bool) {
	c.mu.Lock()
	for i, ch := range cs {
		a := c.accountLocked(ch.User)
		// Charges of a previous process, recovered from its journal, were
		// never unposted here.
		a.unposted = max(a.unposted-ch.Amount, 0)
		if newly[i] {
			a.lease = max(a.lease-ch.Amount, 0)
		}
	}
	c.mu.Unlock()
}

// maintain gives credit back when other replicas ask (every reclaimPoll),
// renews the leases in use and releases idle ones (every leaseRenew),
// until ctx ends; then it releases every lease.
func (c *credit) maintain(ctx context.Context) {
	poll := time.NewTicker(reclaimPoll)
	defer poll.Stop()
	renew := time.NewTicker(leaseRenew)
	defer renew.Stop()
	for {
		select {
		case <-ctx.Done():
			c.releaseAll()
			return
		case <-poll.C:
			users, err := c.st.Reclaims(ctx, c.replica)
			if err != nil {
				if ctx.Err() == nil {
					c.log.Warn("credit leases: cannot read reclaims", "err", err)
				}
				continue
			}
			for _, u := range users {
				c.mu.Lock()
				c.accountLocked(u).scarce = time.Now().Add(scarceFor)
				c.mu.Unlock()
				if _, _, _, err := c.lease(ctx, u, 0, 0); err != nil && ctx.Err() == nil {
					c.log.Warn("credit leases: cannot give credit back", "user", u, "err", err)
				}
			}
		case <-renew.C:
			c.renew(ctx)
		}
	}
}

// renew extends the leases in use, keeping their slice, and releases those
// idle for a lease's lifetime.
func (c *credit) renew(ctx context.Context) {
	type job struct {
		user    string
		slice   ledger.Micros
		release bool
	}
	var jobs []job
	now := time.Now()
	c.mu.Lock()
	for u, a := range c.acc {
		used := a.held + a.unposted
		switch {
		case a.busy != nil:
		case used == 0 && now.Sub(a.used) > leaseTTL:
			jobs = append(jobs, job{user: u, release: true})
			delete(c.acc, u)
		case a.lease > 0 || used > 0:
			jobs = append(jobs, job{user: u, slice: max(a.lease-used, 0)})
		}
	}
	c.mu.Unlock()
	for _, j := range jobs {
		var err error
		if j.release {
			err = c.st.ReleaseCredit(ctx, j.user, c.replica)
		} else {
			_, _, _, err = c.lease(ctx, j.user, 0, j.slice)
		}
		if err != nil && ctx.Err() == nil {
			c.log.Warn("credit leases: cannot renew", "user", j.user, "err", err)
		}
	}
}

// releaseAll ends this replica's leases (at Close, after the journal has
// posted what it could), so other replicas need not wait for them to
// expire.
func (c *credit) releaseAll() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	c.mu.Lock()
	users := make([]string, 0, len(c.acc))
	for u, a := range c.acc {
		if a.held == 0 && a.unposted == 0 {
			users = append(users, u)
		}
	}
	c.mu.Unlock()
	for _, u := range users {
		if err := c.st.ReleaseCredit(ctx, u, c.replica); err != nil {
			c.log.Warn("credit leases: cannot release", "user", u, "err", err)
			return
		}
	}
}

// creditPoster posts through the store and keeps credit in step.
type creditPoster struct {
	st interface {
		PostBatchFrom(ctx context.Context, replica string, cs []ledger.Charge) ([]bool, error)
	}
	credit *credit
}

func (p creditPoster) PostBatch(ctx context.Context, cs []ledger.Charge) ([]bool, error) {
	p.credit.postMu.Lock()
	defer p.credit.postMu.Unlock()
	newly, err := p.st.PostBatchFrom(ctx, p.credit.replica, cs)
	if err == nil {
		p.credit.posted(cs, newly)
	}
	return newly, err
}
