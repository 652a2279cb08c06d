package e2e

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/gaianet-go/gaianet/internal/sharedtest"
)

// findChromium returns Debian's Chromium, or "" when it is not installed.
// $E2E_CHROMIUM overrides the search.
func findChromium() string {
	if p := os.Getenv("E2E_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browser is a headless Chromium for one test, with the page's console
// errors collected.
type browser struct {
	t     *testing.T
	ctx   context.Context // a chromedp context: one tab
	shots string          // where screenshots go

	mu     sync.Mutex // mu guards errs
	errs   []string
	stopMu sync.Once
	stopFn func()
}

// newBrowser starts Chromium for t, or skips t when it is missing (fails
// under E2E_REQUIRED=1). The browser ends with t.
func newBrowser(t *testing.T) *browser {
	t.Helper()
	chromium := findChromium()
	if chromium == "" {
		sharedtest.Missing(t, "chromium is not installed (apt-get install chromium)")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox, // tests run as root
		chromedp.DisableGPU,
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1000, 800),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	bctx, cancelBrowser := chromedp.NewContext(allocCtx)
	b := &browser{t: t, ctx: bctx, shots: t.TempDir()}

	// Collect the page's console errors and uncaught exceptions.
	cctx, stopConsole := context.WithCancel(bctx)
	messages := chromedp.Console(cctx)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for m, err := range messages {
			if err != nil {
				return
			}
			// Chromium asks for /favicon.ico on its own; the page has none.
			if strings.HasSuffix(m.URL, "/favicon.ico") {
				continue
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				b.mu.Lock()
				b.errs = append(b.errs, fmt.Sprintf("%s (%s:%d)", m, m.URL, m.Line))
				b.mu.Unlock()
			}
		}
	}()
	b.stopFn = func() { stopConsole(); wg.Wait() }
	t.Cleanup(func() {
		b.stopConsole()
		cancelBrowser()
		cancelAlloc()
		cancel()
	})
	return b
}

func (b *browser) stopConsole() { b.stopMu.Do(b.stopFn) }

// pageErrors stops collecting and returns the console errors, less those
// that contain one of the allowed strings.
func (b *browser) pageErrors(allowed ...string) []string {
	b.stopConsole()
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []string
	for _, e := range b.errs {
		if !slices.ContainsFunc(allowed, func(a string) bool { return strings.Contains(e, a) }) {
			out = append(out, e)
		}
	}
	return out
}

// screenshot saves a PNG of the page in the test's temp dir, and in
// $E2E_ARTIFACTS when set.
func (b *browser) screenshot(name string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		png, err := chromedp.FullScreenshot(100)(ctx, tg)
		if err != nil {
			return err
		}
		p := filepath.Join(b.shots, name)
		if err := os.WriteFile(p, png, 0o644); err != nil {
			return err
		}
		if dir := os.Getenv("E2E_ARTIFACTS"); dir != "" {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
				return err
			}
		}
		b.t.Logf("screenshot: %s (%d bytes)", p, len(png))
		return nil
	})
}

// pageReady waits for the chat page's input box and for the model name the
// page reads from /v1/info before one can chat.
func pageReady() chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.WaitVisible(chromedp.CSS("#input")),
		chromedp.Poll[chromedp.Void](`document.getElementById('model').textContent !== '…'`, chromedp.WithPollingTimeout(30*time.Second)),
	)
}

// answered waits until count assistant messages have finished streaming.
func answered(count int) chromedp.Action[chromedp.Void] {
	return chromedp.Poll[chromedp.Void](fmt.Sprintf(`document.querySelectorAll('.msg[data-done="true"]').length >= %d`, count),
		chromedp.WithPollingTimeout(90*time.Second), chromedp.WithPollingInterval(50*time.Millisecond))
}

// TestBrowserChat drives the web chat page in headless Chromium as a person
// would: it asks a question with the Send button, then another with the
// Enter key, and checks the streamed answers, their knowledge-base sources
// and that the page shows no error. Screenshots go to the test's temp dir
// (and to $E2E_ARTIFACTS when set, to look at them).
func TestBrowserChat(t *testing.T) {
	n := mainNode(t)
	b := newBrowser(t)

	// Turn 1: type a question and press the Send button.
	const q1, q2 = "What is the capital of France?", "And what is Go?"
	if err := chromedp.Do(b.ctx,
		chromedp.Navigate(n.URL+"/"),
		pageReady(),
		chromedp.SendKeys(chromedp.CSS("#input"), q1),
		chromedp.Click(chromedp.CSS("#send")),
		answered(1),
		b.screenshot("send-button.png"),
	); err != nil {
		t.Fatalf("browser, send button: %v", err)
	}
	checkPage(t, b.ctx, "send button", q1)

	// Turn 2: press Enter instead. A random-weight model never ends its
	// reply before the 512-token context is full, so a follow-up in the same
	// conversation would overflow it; the question goes to a fresh page.
	if err := chromedp.Do(b.ctx,
		chromedp.Reload(),
		pageReady(),
		chromedp.SendKeys(chromedp.CSS("#input"), q2),
		pressEnter(),
		answered(1),
		b.screenshot("enter-key.png"),
	); err != nil {
		t.Fatalf("browser, Enter key: %v", err)
	}
	checkPage(t, b.ctx, "Enter key", q2)
	if errs := b.pageErrors(); len(errs) > 0 {
		t.Errorf("the page logged errors:\n%s", strings.Join(errs, "\n"))
	}
}

// TestBrowserAPIKey opens the chat page of a node that requires an API key:
// the page must ask for the key once (a prompt dialog), keep it, and chat
// with it.
func TestBrowserAPIKey(t *testing.T) {
	const key = "e2e-browser-key-0123456789"
	mainNode(t)
	b := newBrowser(t) // before the node: skip early without Chromium
	n := startExtraNode(t, "keyed-browser", map[string]any{"api_keys": []string{key}})

	var (
		dmu     sync.Mutex // dmu guards dialogs
		dialogs []string
	)
	events := chromedp.Events(b.ctx, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range events {
			if err != nil {
				return
			}
			dmu.Lock()
			dialogs = append(dialogs, string(ev.Type)+": "+ev.Message)
			dmu.Unlock()
			// Answer from another goroutine than the event loop's.
			if _, err := chromedp.Call(b.ctx, page.HandleJavaScriptDialog,
				page.HandleJavaScriptDialogParams{Accept: true, PromptText: key}); err != nil {
				return
			}
		}
	}()
	const q = "What is the capital of France?"
	if err := chromedp.Do(b.ctx,
		chromedp.Navigate(n.URL+"/"),
		pageReady(),
		chromedp.SendKeys(chromedp.CSS("#input"), q),
		chromedp.Click(chromedp.CSS("#send")),
		answered(1),
		b.screenshot("api-key.png"),
	); err != nil {
		t.Fatalf("browser: %v", err)
	}
	checkPage(t, b.ctx, "API key", q)
	dmu.Lock()
	got := append([]string(nil), dialogs...)
	dmu.Unlock()
	if len(got) != 1 || !strings.HasPrefix(got[0], "prompt: ") || !strings.Contains(got[0], "API key") {
		t.Errorf("dialogs %q, want one prompt for the API key", got)
	}
	// The first request, without a key, is refused; nothing else may fail.
	if errs := b.pageErrors("status of 401"); len(errs) > 0 {
		t.Errorf("the page logged errors:\n%s", strings.Join(errs, "\n"))
	}
}

// checkPage checks the chat page after one question has been answered:
// the model name, the question, a non-empty streamed answer with its
// knowledge-base sources, no error message, an emptied input box and the
// token count in the status line.
func checkPage(t *testing.T, bctx context.Context, turn, question string) {
	t.Helper()
	type pageState struct {
		Model   string   `json:"model"`
		Users   []string `json:"users"`
		Done    []string `json:"done"`
		Replies []string `json:"replies"`
		Sources []string `json:"sources"`
		Errors  []string `json:"errors"`
		Input   string   `json:"input"`
		Status  string   `json:"status"`
	}
	st, err := chromedp.Run(bctx, chromedp.Evaluate[pageState](`(() => {
		const all = (sel) => [...document.querySelectorAll(sel)].map((e) => e.textContent);
		return {
			model: document.getElementById('model').textContent,
			users: all('.msg.user .content'),
			done: [...document.querySelectorAll('.msg[data-done="true"]')].map((e) => e.className),
			replies: all('.msg.assistant[data-done="true"] .content'),
			sources: all('.msg.assistant[data-done="true"] .sources'),
			errors: all('.msg.error'),
			input: document.getElementById('input').value,
			status: document.getElementById('status').textContent,
		};
	})()`))
	if err != nil {
		t.Fatalf("%s: reading the page: %v", turn, err)
	}
	if st.Model != chatModel {
		t.Errorf("%s: the page shows model %q, want %q", turn, st.Model, chatModel)
	}
	if !slices.Equal(st.Users, []string{question}) {
		t.Errorf("%s: user messages %q, want %q", turn, st.Users, []string{question})
	}
	if len(st.Errors) != 0 {
		t.Errorf("%s: the page shows error messages: %q", turn, st.Errors)
	}
	if len(st.Done) != 1 || len(st.Replies) != 1 {
		t.Fatalf("%s: finished messages %q, want one assistant message", turn, st.Done)
	}
	if strings.TrimSpace(st.Replies[0]) == "" {
		t.Errorf("%s: the assistant message is empty", turn)
	}
	if len(st.Sources) != 1 || !strings.Contains(st.Sources[0], ".md") {
		t.Errorf("%s: knowledge-base sources shown: %q, want the ingested .md files under the answer", turn, st.Sources)
	}
	if st.Input != "" {
		t.Errorf("%s: the input box still holds %q after sending", turn, st.Input)
	}
	if !strings.Contains(st.Status, "tokens") {
		t.Errorf("%s: status line %q, want the token count of the answer", turn, st.Status)
	}
}

// pressEnter presses and releases the Enter key as a keyboard does: the
// key-down event carries the text, so a page that cancels the key-down
// (the chat page sends the message instead) gets no newline.
func pressEnter() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		ev := input.DispatchKeyEventParams{Key: "Enter", Code: "Enter", WindowsVirtualKeyCode: 13, NativeVirtualKeyCode: 13}
		down, up := ev, ev
		down.Type, down.Text, down.UnmodifiedText = input.DispatchKeyEventTypeKeyDown, "\r", "\r"
		up.Type = input.DispatchKeyEventTypeKeyUp
		for _, e := range []input.DispatchKeyEventParams{down, up} {
			if _, err := cdp.Call(ctx, tg, input.DispatchKeyEvent, e); err != nil {
				return fmt.Errorf("dispatch %s Enter: %w", e.Type, err)
			}
		}
		return nil
	})
}
