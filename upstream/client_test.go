package upstream

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/api"
)

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		in   string
		want time.Duration
	}{
		{"5", 5 * time.Second},
		{"", defaultRetry},
		{"-3", defaultRetry},
		{now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second},
		{"soon", defaultRetry},
	} {
		if got := retryAfter(tc.in, now); got != tc.want {
			t.Errorf("retryAfter(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// TestTimeout: an upstream that accepts but never answers is a 502 naming
// its host once the header timeout passes.
func TestTimeout(t *testing.T) {
	hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body) // so that the server notices the client leaving
		<-r.Context().Done()
	}))
	defer hang.Close()
	c, err := New(hang.URL+"/v1", "")
	if err != nil {
		t.Fatal(err)
	}
	c.client.Transport.(*http.Transport).ResponseHeaderTimeout = 200 * time.Millisecond
	_, err = c.Request(context.Background(), http.MethodPost, "chat/completions", map[string]any{"messages": []any{}})
	var e *api.Error
	if !errors.As(err, &e) || e.Status != 502 || !strings.Contains(e.Error(), "did not answer in time") || !strings.Contains(e.Error(), strings.TrimPrefix(hang.URL, "http://")) {
		t.Errorf("%v", err)
	}
}
