package domain

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/gaianet-go/gaianet/internal/sharedtest"
)

// TestDashboardAccess: without the admin key the dashboard is a sign-in
// form (401) and its data is refused; a wrong key is refused; the admin
// key as Bearer, or the cookie the form sets, opens both.
func TestDashboardAccess(t *testing.T) {
	h := newHarness(t, "", nil)
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	get := func(path, header, value string) (int, string) {
		req, _ := http.NewRequest(http.MethodGet, h.http.URL+path, nil)
		if header != "" {
			req.Header.Set(header, value)
		}
		resp, err := noRedirect.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return resp.StatusCode, string(b)
	}
	if code, body := get("/_domain/dashboard", "", ""); code != 401 || !strings.Contains(body, `name="key"`) || strings.Contains(body, "chart-traffic") {
		t.Fatalf("dashboard without key: %d", code)
	}
	if code, _ := get("/_domain/dashboard/data", "", ""); code != 401 {
		t.Fatalf("data without key: %d", code)
	}
	if code, _ := get("/_domain/dashboard/data", "Cookie", dashboardCookie+"=00"); code != 401 {
		t.Fatalf("data with a forged cookie: %d", code)
	}
	login := func(key string) *http.Response {
		resp, err := noRedirect.PostForm(h.http.URL+"/_domain/dashboard/login", map[string][]string{"key": {key}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	if resp := login("gdadmin-wrong"); resp.StatusCode != 401 || len(resp.Cookies()) != 0 {
		t.Fatalf("wrong key: %d %v", resp.StatusCode, resp.Cookies())
	}
	resp := login("gdadmin-test")
	if resp.StatusCode != 303 || len(resp.Cookies()) != 1 || !resp.Cookies()[0].HttpOnly || resp.Cookies()[0].SameSite != http.SameSiteStrictMode {
		t.Fatalf("login: %d %v", resp.StatusCode, resp.Cookies())
	}
	cookie := resp.Cookies()[0].Name + "=" + resp.Cookies()[0].Value
	for _, hv := range [][2]string{{"Cookie", cookie}, {"Authorization", "Bearer gdadmin-test"}} {
		if code, body := get("/_domain/dashboard", hv[0], hv[1]); code != 200 || !strings.Contains(body, "chart-traffic") {
			t.Fatalf("dashboard with %s: %d", hv[0], code)
		}
		if code, body := get("/_domain/dashboard/data?window=2h", hv[0], hv[1]); code != 200 || !strings.Contains(body, `"bucket_seconds":120`) {
			t.Fatalf("data with %s: %d %s", hv[0], code, body)
		}
	}
	if code, _ := get("/_domain/dashboard/data?window=1s", "Cookie", cookie); code != 400 {
		t.Fatalf("window 1s: %d", code)
	}
	// The cookie opens the dashboard, not the operator API.
	if code, _ := get("/_domain/admin/users", "Cookie", cookie); code != 401 {
		t.Fatalf("operator API with the dashboard cookie: %d", code)
	}
}

// TestDashboardBrowser signs in to the dashboard in headless Chromium and
// reads what it shows after billed traffic: the node, its request count,
// the totals and one bar per minute with traffic; the page logs no error.
func TestDashboardBrowser(t *testing.T) {
	chromium := ""
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			chromium = p
			break
		}
	}
	if chromium == "" {
		sharedtest.Missing(t, "chromium is not installed (apt-get install chromium)")
	}
	h := newHarness(t, "", nil)
	node, _ := h.join(0, "m1")
	h.waitHealthy(1)
	const requests = 7
	for i := 0; i < requests; i++ {
		resp := h.post("/v1/chat/completions", h.key, `{"model":"m1","messages":[]}`)
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	h.drained()
	tot, _ := h.st.Totals(h.ctx)

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, chromedp.ExecPath(chromium), chromedp.Flag("headless", true),
		chromedp.NoSandbox, chromedp.DisableGPU, chromedp.Flag("disable-dev-shm-usage", true), chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1200, 900))
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(allocCtx)
	defer cancelBrowser()
	var mu sync.Mutex
	var pageErrs []string
	cctx, stopConsole := context.WithCancel(bctx)
	defer stopConsole()
	messages := chromedp.Console(cctx) // starts the browser
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if strings.HasSuffix(m.URL, "/favicon.ico") || strings.Contains(m.String(), "status of 401") {
				continue // the sign-in page answers 401 on purpose
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				mu.Lock()
				pageErrs = append(pageErrs, fmt.Sprintf("%s (%s:%d)", m, m.URL, m.Line))
				mu.Unlock()
			}
		}
	}()
	type shown struct {
		Domain   string   `json:"domain"`
		Nodes    string   `json:"nodes"`
		Requests string   `json:"requests"`
		Total    string   `json:"total"`
		Rows     []string `json:"rows"`
		Bars     int      `json:"bars"`
		BarSum   float64  `json:"barSum"`
		Error    string   `json:"error"`
	}
	if err := chromedp.Do(bctx,
		chromedp.Navigate(h.http.URL+"/_domain/dashboard"),
		chromedp.WaitVisible(chromedp.CSS("#key")),
		chromedp.SendKeys(chromedp.CSS("#key"), "gdadmin-test"),
	); err != nil {
		t.Fatalf("browser: %v", err)
	}
	// Submitting navigates: the click may report the page it left.
	if err := chromedp.Do(bctx, chromedp.Click(chromedp.CSS("button[type=submit]"))); err != nil && !strings.Contains(err.Error(), "navigated") {
		t.Fatalf("browser: %v", err)
	}
	if err := chromedp.Do(bctx,
		chromedp.WaitVisible(chromedp.CSS("#chart-traffic")),
		chromedp.Poll[chromedp.Void](`document.querySelectorAll('#nodes tbody tr').length > 0 && document.querySelectorAll('#chart-traffic rect').length > 0`,
			chromedp.WithPollingTimeout(30*time.Second)),
	); err != nil {
		t.Fatalf("browser: %v", err)
	}
	st, err := chromedp.Run(bctx, chromedp.Evaluate[shown](`(() => {
		const rects = [...document.querySelectorAll('#chart-traffic rect')];
		return {
			domain: document.getElementById('domain').textContent,
			nodes: document.getElementById('c-nodes').textContent,
			requests: document.getElementById('c-requests').textContent,
			total: document.getElementById('c-total').textContent,
			rows: [...document.querySelectorAll('#nodes tbody tr')].map((tr) => [...tr.cells].map((c) => c.textContent).join('|')),
			bars: rects.length,
			barSum: rects.reduce((s, r) => s + Number(r.dataset.v), 0),
			error: document.getElementById('error').textContent,
		};
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	wantTotal := fmt.Sprintf("%.6f", float64(tot.Charged)/1e6)
	if st.Domain != "test.domain" || st.Nodes != "1 / 1" || st.Requests != fmt.Sprint(requests) || st.Total != wantTotal ||
		st.Bars < 1 || st.BarSum != requests || st.Error != "" {
		t.Errorf("dashboard shows %+v; want %d requests, $%s in all", st, requests, wantTotal)
	}
	if len(st.Rows) != 1 || !strings.HasPrefix(st.Rows[0], node.addr+"|healthy|yes|0|m1|7|") {
		t.Errorf("node rows %q", st.Rows)
	}
	stopConsole()
	mu.Lock()
	defer mu.Unlock()
	if len(pageErrs) > 0 {
		t.Errorf("the page logged errors:\n%s", strings.Join(pageErrs, "\n"))
	}
}
