package chain

import (
	"context"
	"errors"
	"testing"
)

func TestRetryWhilePoolBusy(t *testing.T) {
	busy := errors.New("could not adjust time on non-empty block")
	dirty := errors.New("pending block dirty")
	other := errors.New("parent not found")
	for _, tc := range []struct {
		name  string
		errs  []error // op's answers in turn, then nil
		want  error
		calls int
	}{
		{"at once", nil, nil, 1},
		{"pool catches up", []error{busy, dirty, busy}, nil, 4},
		{"other error not retried", []error{busy, other}, other, 2},
	} {
		calls := 0
		err := RetryWhilePoolBusy(context.Background(), func() error {
			calls++
			if calls <= len(tc.errs) {
				return tc.errs[calls-1]
			}
			return nil
		}, nil)
		if !errors.Is(err, tc.want) || calls != tc.calls {
			t.Errorf("%s: %v after %d calls; want %v after %d", tc.name, err, calls, tc.want, tc.calls)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := RetryWhilePoolBusy(ctx, func() error { return busy }, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled: %v", err)
	}
	// A caller's nudge (sealing a block) runs after a second of refusals.
	nudged := false
	err := RetryWhilePoolBusy(context.Background(), func() error {
		if nudged {
			return nil
		}
		return busy
	}, func() { nudged = true })
	if err != nil || !nudged {
		t.Fatalf("nudge: %v, nudged %v", err, nudged)
	}
}
