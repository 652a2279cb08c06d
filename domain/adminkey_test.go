package domain

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/domain/store/storetest"
)

// TestAdminKeyRotation rotates the admin key through one replica: the old
// key (and a dashboard session opened with it) is refused there at once
// and by the other replica on the same database within adminKeyTTL, and
// the new key works on both. SQLite: the same on one replica.
func TestAdminKeyRotation(t *testing.T) {
	for name, storage := range storetest.Storages(t) {
		t.Run(name, func(t *testing.T) {
			a := newHarness(t, storage, nil)
			replicas := []*harness{a}
			if name == "postgres" {
				// b was started with an admin.key of its own: the stored
				// key, seeded by a, is the one in force.
				replicas = append(replicas, a.replica("b", Options{AdminKey: "gdadmin-stale-file"}))
			}
			status := func(h *harness, key string) int {
				resp := h.get("/_domain/admin/users", key)
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				return resp.StatusCode
			}
			// A dashboard session opened with the old key.
			noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
			resp, err := noRedirect.PostForm(a.http.URL+"/_domain/dashboard/login", url.Values{"key": {"gdadmin-test"}})
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			cookies := resp.Cookies()
			if resp.StatusCode != http.StatusSeeOther || len(cookies) != 1 {
				t.Fatalf("login: %d %v", resp.StatusCode, cookies)
			}
			dashboard := func(h *harness) int {
				req, _ := http.NewRequest(http.MethodGet, h.http.URL+"/_domain/dashboard/data", nil)
				req.AddCookie(cookies[0])
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				b, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 && resp.StatusCode != 401 {
					t.Logf("dashboard: %d %s", resp.StatusCode, b)
				}
				return resp.StatusCode
			}
			for i, h := range replicas {
				if c := status(h, "gdadmin-test"); c != 200 {
					t.Fatalf("replica %d: the first key: HTTP %d", i, c)
				}
				if c := status(h, "gdadmin-stale-file"); c != 401 {
					t.Fatalf("replica %d: a key only in b's file: HTTP %d", i, c)
				}
				if c := dashboard(h); c != 200 {
					t.Fatalf("replica %d: dashboard session: HTTP %d", i, c)
				}
			}

			resp = a.post("/_domain/admin/admin-key/rotate", "gdadmin-test", "")
			var out struct{ Key string }
			json.NewDecoder(resp.Body).Decode(&out)
			resp.Body.Close()
			if resp.StatusCode != 200 || !strings.HasPrefix(out.Key, "gdadmin-") {
				t.Fatalf("rotate: HTTP %d %+v", resp.StatusCode, out)
			}
			if c := status(a, "gdadmin-test"); c != 401 {
				t.Fatalf("the old key right after rotation, same replica: HTTP %d", c)
			}
			for i, h := range replicas {
				deadline := time.Now().Add(adminKeyTTL + 2*time.Second)
				for status(h, "gdadmin-test") != 401 {
					if time.Now().After(deadline) {
						t.Fatalf("replica %d still takes the old key %v after the rotation", i, adminKeyTTL+2*time.Second)
					}
					time.Sleep(50 * time.Millisecond)
				}
				if c := status(h, out.Key); c != 200 {
					t.Fatalf("replica %d: the new key: HTTP %d", i, c)
				}
				if c := dashboard(h); c != 401 {
					t.Fatalf("replica %d: a session of the old key: HTTP %d", i, c)
				}
			}
		})
	}
}
