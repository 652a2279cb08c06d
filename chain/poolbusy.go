package chain

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// PoolBusyTimeout bounds RetryWhilePoolBusy.
const PoolBusyTimeout = 5 * time.Second

// RetryWhilePoolBusy runs op, an AdjustTime or Fork of go-ethereum's
// simulated beacon (the simulated backend of tests, and the Devnet), until
// it stops refusing for a non-empty transaction pool. The pool forgets a
// mined transaction a moment after its receipt shows (it syncs in the
// background, late under load), and both refuse while it holds one
// ("could not adjust time on non-empty block", "pending block dirty").
// nudge, if not nil, is called after each second of refusals: a caller
// whose transactions may really wait for a block seals one (never for a
// Fork, which must start from the chain as it is). Any other error, or
// refusals beyond PoolBusyTimeout, is returned.
func RetryWhilePoolBusy(ctx context.Context, op func() error, nudge func()) error {
	start := time.Now()
	next := start.Add(time.Second)
	for {
		err := op()
		if err == nil || !poolBusy(err) {
			return err
		}
		if time.Since(start) > PoolBusyTimeout {
			return fmt.Errorf("chain: the transaction pool did not empty in %s: %w", PoolBusyTimeout, err)
		}
		if nudge != nil && time.Now().After(next) {
			nudge()
			next = time.Now().Add(time.Second)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(10 * time.Millisecond):
		}
	}
}

func poolBusy(err error) bool {
	s := err.Error()
	return strings.Contains(s, "non-empty block") || strings.Contains(s, "pending block dirty")
}
