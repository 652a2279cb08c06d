package onchain

import (
	"context"
	"sync/atomic"
	"time"
)

// lease is this replica's hold on the escrow's settler lease (a row in
// the domain's database, store.TakeLease): the holder renews it every
// poll, and when it stops renewing (it died, or lost the database) any
// other replica takes it once it expires. Exactly-once settlement does not
// rest on the lease (a batch's id is accepted once by the escrow, and its
// requests are claimed once by the store); the lease keeps replicas from
// doing the work twice and paying gas twice.
type lease struct {
	s    *Service
	name string
	ttl  time.Duration
	// until is when the hold runs out (unix ns; 0 when not held), with a
	// margin for the clock skew between replicas.
	until atomic.Int64
}

func (s *Service) newLease() *lease {
	return &lease{s: s, name: "settler:" + s.addr.Hex(), ttl: time.Duration(s.cfg.Lease)}
}

// held reports whether this replica holds the lease now.
func (l *lease) held() bool { return time.Now().UnixNano() < l.until.Load() }

// try takes or renews the lease once.
func (l *lease) try(ctx context.Context) {
	start := time.Now()
	ok, err := l.s.st.TakeLease(ctx, l.name, l.s.holder, l.ttl)
	if err != nil {
		if ctx.Err() == nil {
			l.s.log.Error("settler lease", "err", err)
		}
		ok = false
	}
	was := l.held()
	if ok {
		// Give it up a third early: a replica whose clock runs ahead of
		// ours may take it at our expiry by its clock.
		l.until.Store(start.Add(l.ttl * 2 / 3).UnixNano())
	} else {
		l.until.Store(0)
	}
	if ok && !was {
		l.s.log.Info("this replica settles on the escrow now (settler lease taken)", "replica", l.s.holder)
	} else if !ok && was {
		l.s.log.Warn("settler lease lost: another replica settles", "replica", l.s.holder)
	}
}

// keep renews the lease every poll until ctx ends, then drops it so that
// another replica takes over at once.
func (l *lease) keep(ctx context.Context) {
	every := min(time.Duration(l.s.cfg.Poll), l.ttl/3)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		l.try(ctx)
		select {
		case <-ctx.Done():
			l.until.Store(0)
			dctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
			defer cancel()
			if err := l.s.st.DropLease(dctx, l.name, l.s.holder); err != nil {
				l.s.log.Warn("dropping the settler lease", "err", err)
			}
			return
		case <-t.C:
		}
	}
}
