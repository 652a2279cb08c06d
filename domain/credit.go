package domain

import (
	"context"
	"sync"
	"time"

	"github.com/gaianet-go/gaianet/domain/ledger"
)

// balanceReader reads an account's balance from the ledger.
type balanceReader interface {
	Balance(ctx context.Context, account string) (ledger.Micros, error)
}

// credit is this replica's view of what each user may still spend:
//
//	available = stored balance - charges journaled, not yet posted - holds
//
// A request holds an estimate of its cost at admission (refused with 402
// when the estimate exceeds what is available) and settles to its real
// charge when answered, so concurrent requests of one user cannot spend
// past the balance on this replica. The stored balance is re-read after
// refresh; spending through other replicas shows within that time.
type credit struct {
	st      balanceReader
	refresh time.Duration
	// postMu orders balance reads and this replica's posts: a read never
	// overlaps a commit, so it sees each of our charges either posted and
	// applied, or neither.
	postMu sync.RWMutex
	mu     sync.Mutex // guards acc
	acc    map[string]*account
}

type account struct {
	balance  ledger.Micros // stored balance when read, minus what this replica posted since
	readAt   time.Time     // zero: never read, or to be read again
	reading  bool          // a read is under way
	held     ledger.Micros // estimates of requests in flight
	unposted ledger.Micros // charges journaled, not yet posted
}

func newCredit(st balanceReader, refresh time.Duration) *credit {
	return &credit{st: st, refresh: refresh, acc: map[string]*account{}}
}

func (c *credit) account(user string) *account {
	a := c.acc[user]
	if a == nil {
		a = &account{}
		c.acc[user] = a
	}
	return a
}

// read loads user's stored balance.
func (c *credit) read(ctx context.Context, user string) error {
	c.postMu.RLock()
	defer c.postMu.RUnlock()
	c.mu.Lock()
	a := c.account(user)
	a.reading = true
	c.mu.Unlock()
	bal, err := c.st.Balance(ctx, ledger.UserAccount(user))
	c.mu.Lock()
	defer c.mu.Unlock()
	a.reading = false
	if err != nil {
		return err
	}
	a.balance, a.readAt = bal, time.Now()
	return nil
}

// hold reserves estimate for one of user's requests. It returns false and
// what is available when the estimate does not fit.
func (c *credit) hold(ctx context.Context, user string, estimate ledger.Micros) (bool, ledger.Micros, error) {
	for try := 0; ; try++ {
		// The second pass has a balance read just now.
		c.mu.Lock()
		a := c.account(user)
		age := time.Since(a.readAt)
		fresh := !a.readAt.IsZero() && age < c.refresh
		// A stale balance still serves while one request re-reads it; a
		// refusal is only given on a balance read just now.
		usable := !a.readAt.IsZero() && (fresh || a.reading)
		avail := a.balance - a.unposted - a.held
		if usable && avail >= estimate && avail > 0 {
			a.held += estimate
			c.mu.Unlock()
			return true, avail, nil
		}
		if usable && age < c.refresh/8 || try > 0 {
			c.mu.Unlock()
			return false, avail, nil
		}
		c.mu.Unlock()
		if err := c.read(ctx, user); err != nil {
			return false, 0, err
		}
	}
}

// settle ends a hold: the request's real charge (0 when nothing is
// billed) is now journaled and waits to be posted.
func (c *credit) settle(user string, estimate, charged ledger.Micros) {
	c.mu.Lock()
	a := c.account(user)
	a.held -= estimate
	a.unposted += charged
	c.mu.Unlock()
}

// posted applies a committed batch: each charge moves from unposted to
// the balance (one that was already in the ledger makes the balance be
// read again). The caller holds postMu.
func (c *credit) posted(cs []ledger.Charge, newly []bool) {
	c.mu.Lock()
	for i, ch := range cs {
		a := c.account(ch.User)
		a.unposted -= ch.Amount
		if newly[i] {
			a.balance -= ch.Amount
		} else {
			a.readAt = time.Time{}
		}
	}
	c.mu.Unlock()
}

// creditPoster posts through the store and keeps credit in step.
type creditPoster struct {
	st interface {
		PostBatch(ctx context.Context, cs []ledger.Charge) ([]bool, error)
	}
	credit *credit
}

func (p creditPoster) PostBatch(ctx context.Context, cs []ledger.Charge) ([]bool, error) {
	p.credit.postMu.Lock()
	defer p.credit.postMu.Unlock()
	newly, err := p.st.PostBatch(ctx, cs)
	if err == nil {
		p.credit.posted(cs, newly)
	}
	return newly, err
}
