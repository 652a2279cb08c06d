package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"
)

// chatPage is what the chat page shows after a question.
type chatPage struct {
	Users   []string `json:"users"`
	Cards   []string `json:"cards"`
	Errors  []string `json:"errors"`
	Input   string   `json:"input"`
	Status  string   `json:"status"`
	Visible bool     `json:"visible"`
}

func readChatPage(t *testing.T, bctx context.Context) chatPage {
	t.Helper()
	st, err := chromedp.Run(bctx, chromedp.Evaluate[chatPage](`(() => {
		const all = (sel) => [...document.querySelectorAll(sel)].map((e) => e.textContent);
		return {
			users: all('.msg.user .content'),
			cards: [...document.querySelectorAll('.msg')].map((e) => e.className),
			errors: all('.msg.error .content'),
			input: document.getElementById('input').value,
			status: document.getElementById('status').textContent,
		};
	})()`))
	if err != nil {
		t.Fatalf("reading the page: %v", err)
	}
	return st
}

// TestBrowserNodeDown opens the chat page, stops the node, then asks: the
// page must say the node cannot be reached and what to do, not the
// browser's "Failed to fetch".
func TestBrowserNodeDown(t *testing.T) {
	mainNode(t)
	b := newBrowser(t)
	n := startExtraNode(t, "down-browser", nil)
	if err := chromedp.Do(b.ctx, chromedp.Navigate(n.URL+"/"), pageReady()); err != nil {
		t.Fatalf("browser: %v", err)
	}
	if err := n.stop(10 * time.Second); err != nil {
		t.Fatalf("stop: %v", err)
	}
	const q = "Are you there?"
	if err := chromedp.Do(b.ctx,
		chromedp.SendKeys(chromedp.CSS("#input"), q),
		chromedp.Click(chromedp.CSS("#send")),
		answered(1),
		b.screenshot("node-down.png"),
	); err != nil {
		t.Fatalf("browser: %v", err)
	}
	st := readChatPage(t, b.ctx)
	if len(st.Errors) != 1 || !strings.Contains(st.Errors[0], "Cannot reach the node") || !strings.Contains(st.Errors[0], "gaianet start") {
		t.Errorf("error shown %q, want one saying the node cannot be reached and how to start it", st.Errors)
	}
	for _, e := range st.Errors {
		if strings.Contains(e, "Failed to fetch") || strings.Contains(e, "TypeError") {
			t.Errorf("the page shows the browser's raw error: %q", e)
		}
	}
	// The refused connection itself is logged by the browser.
	if errs := b.pageErrors("ERR_CONNECTION_REFUSED"); len(errs) > 0 {
		t.Errorf("the page logged errors:\n%s", strings.Join(errs, "\n"))
	}
}

// TestBrowserStopBeforeAnswer presses Stop while the question is still on
// its way (the browser holds the request): no empty answer card may stay,
// and the question goes back into the input box.
func TestBrowserStopBeforeAnswer(t *testing.T) {
	n := mainNode(t)
	b := newBrowser(t)
	if err := chromedp.Do(b.ctx, chromedp.Navigate(n.URL+"/"), pageReady()); err != nil {
		t.Fatalf("browser: %v", err)
	}
	ctx, cancel := context.WithCancel(b.ctx)
	defer cancel()
	paused := make(chan struct{}, 1)
	events := chromedp.Events(ctx, fetch.RequestPaused)
	go func() {
		for _, err := range events {
			if err != nil {
				return
			}
			select {
			case paused <- struct{}{}:
			default:
			}
		}
	}()
	if _, err := chromedp.Call(b.ctx, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*/v1/chat/completions"}}}); err != nil {
		t.Fatal(err)
	}
	const q = "A question I stop at once"
	if err := chromedp.Do(b.ctx,
		chromedp.SendKeys(chromedp.CSS("#input"), q),
		chromedp.Click(chromedp.CSS("#send")),
	); err != nil {
		t.Fatalf("browser: %v", err)
	}
	select {
	case <-paused:
	case <-time.After(30 * time.Second):
		t.Fatal("the chat request never left the page")
	}
	if err := chromedp.Do(b.ctx,
		chromedp.Click(chromedp.CSS("#stop")),
		chromedp.Poll[chromedp.Void](`document.getElementById('status').textContent.includes('stopped')`, chromedp.WithPollingTimeout(10*time.Second)),
		b.screenshot("stop-before-answer.png"),
	); err != nil {
		t.Fatalf("browser: %v", err)
	}
	st := readChatPage(t, b.ctx)
	if len(st.Cards) != 0 {
		t.Errorf("message cards after Stop before any answer: %q, want none", st.Cards)
	}
	if st.Input != q {
		t.Errorf("input box holds %q, want the question back: %q", st.Input, q)
	}
	if !strings.Contains(st.Status, "stopped before the answer began") {
		t.Errorf("status %q", st.Status)
	}
	if errs := b.pageErrors(); len(errs) > 0 {
		t.Errorf("the page logged errors:\n%s", strings.Join(errs, "\n"))
	}
}
