package bench

import (
	"context"
	"testing"
	"time"
)

// TestRunSmall runs the harness briefly on SQLite: every request of both
// targets is answered, in both phases. It checks the harness works, not
// its figures (the machine running tests is no place to time them).
func TestRunSmall(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	res, err := Run(ctx, Options{Rate: 200, Duration: time.Second, Clients: 4, SaturationDuration: 300 * time.Millisecond,
		Dir: t.TempDir(), Progress: func(s string) { t.Log(s) }})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v", res)
	for name, l := range map[string]Latency{"direct": res.Direct, "domain": res.Domain} {
		if l.Requests != 200 || l.Errors != 0 || l.P50 <= 0 || l.P99 < l.P50 || l.Max < l.P99 {
			t.Errorf("%s: %+v; want 200 requests answered", name, l)
		}
	}
	if res.DirectPerSec <= 0 || res.DomainPerSec <= 0 || res.DirectErrors != 0 || res.DomainErrors != 0 {
		t.Errorf("saturation: %+v", res)
	}
}
