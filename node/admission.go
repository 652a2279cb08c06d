package node

import (
	"context"
	"time"

	"github.com/gaianet-go/gaianet/api"
)

// admission bounds work of one kind in the node: at most slots running and
// queue more waiting for a slot; a request that finds every place taken is
// refused at once with 429 and Retry-After. Safe for concurrent use.
type admission struct {
	places chan struct{} // running + waiting; cap slots+queue
	run    chan struct{} // running; cap slots
	retry  time.Duration // Retry-After sent with a refusal
}

func newAdmission(slots, queue int, retry time.Duration) *admission {
	slots = max(slots, 1)
	return &admission{places: make(chan struct{}, slots+max(queue, 0)), run: make(chan struct{}, slots), retry: retry}
}

// acquire takes a place, then waits for a slot until ctx is done. The
// caller must call release once the work is finished.
func (a *admission) acquire(ctx context.Context) (release func(), err error) {
	select {
	case a.places <- struct{}{}:
	default:
		return nil, api.ErrBusy(a.retry)
	}
	select {
	case a.run <- struct{}{}:
	case <-ctx.Done():
		<-a.places
		return nil, ctx.Err()
	}
	return func() { <-a.run; <-a.places }, nil
}

// inUse returns how many requests are admitted, running or waiting.
func (a *admission) inUse() int { return len(a.places) }
