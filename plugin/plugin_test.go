package plugin_test

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/egress"
	"github.com/gaianet-go/gaianet/internal/wasmbuild"
	"github.com/gaianet-go/gaianet/plugin"
)

func newHost(t testing.TB, pol *egress.Policy) *plugin.Host {
	t.Helper()
	h, err := plugin.NewHost(plugin.HostOptions{Egress: pol, CacheDir: testCacheDir(t)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.Close(context.Background()) })
	return h
}

// testCacheDir keeps compiled code across tests and runs: compiling a Go
// module takes seconds on a loaded machine.
func testCacheDir(t testing.TB) string {
	d, err := os.UserCacheDir()
	if err != nil {
		d = os.TempDir()
	}
	d = filepath.Join(d, "gaianet-test-wazero")
	if err := os.MkdirAll(d, 0o755); err != nil {
		t.Fatal(err)
	}
	return d
}

func load(t testing.TB, h *plugin.Host, wasmPath string, m plugin.Manifest) *plugin.Plugin {
	t.Helper()
	b, err := os.ReadFile(wasmPath)
	if err != nil {
		t.Fatal(err)
	}
	if m.Name == "" {
		m.Name = "test"
	}
	if m.Path == "" {
		m.Path = wasmPath
	}
	p, err := h.Load(context.Background(), m, b)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close(context.Background()) })
	return p
}

func TestGoExample(t *testing.T) {
	h := newHost(t, nil)
	p := load(t, h, wasmbuild.Go(t, "plugin/examples/go-wordcount", false), plugin.Manifest{})
	ctx := context.Background()
	res, err := p.Call(ctx, "gaianet_describe", nil)
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		Tools []struct {
			Function, Name string
			Parameters     map[string]any
		}
	}
	if err := json.Unmarshal(res.Output, &d); err != nil || len(d.Tools) != 1 || d.Tools[0].Name != "word_count" || d.Tools[0].Parameters["type"] != "object" {
		t.Fatalf("describe: %s (%v)", res.Output, err)
	}
	res, err = p.Call(ctx, "word_count", []byte(`{"text":"one two  three"}`))
	if err != nil || string(res.Output) != `{"words":3}` {
		t.Fatalf("word_count: %s, %v", res.Output, err)
	}
	_, err = p.Call(ctx, "word_count", []byte(`{}`))
	if !errors.Is(err, plugin.ErrFailed) || !strings.Contains(err.Error(), "want {") {
		t.Fatalf("bad input: got %v, want the plugin's error", err)
	}
	if _, err := p.Call(ctx, "nope", nil); !errors.Is(err, plugin.ErrNoFunction) {
		t.Fatalf("missing function: %v", err)
	}
}

func TestCExample(t *testing.T) {
	h := newHost(t, nil)
	p := load(t, h, wasmbuild.C(t, "plugin/examples/c-reverse/reverse.c"), plugin.Manifest{MemoryPages: 16})
	ctx := context.Background()
	res, err := p.Call(ctx, "reverse", []byte(`{"text": "gaianet"}`))
	if err != nil || string(res.Output) != `{"text":"tenaiag"}` {
		t.Fatalf("reverse: %q, %v", res.Output, err)
	}
	// A trap is an error for that call only.
	if _, err := p.Call(ctx, "trap", nil); !errors.Is(err, plugin.ErrTrap) || !strings.Contains(err.Error(), "unreachable") {
		t.Fatalf("trap: %v", err)
	}
	res, err = p.Call(ctx, "reverse", []byte(`{"text": "ab"}`))
	if err != nil || string(res.Output) != `{"text":"ba"}` {
		t.Fatalf("after a trap: %q, %v", res.Output, err)
	}
}

func TestUnprovidedImportRefused(t *testing.T) {
	h := newHost(t, nil)
	b, err := os.ReadFile(wasmbuild.C(t, "plugin/testdata/sock.c"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = h.Load(context.Background(), plugin.Manifest{Name: "sock", Path: "x"}, b)
	if !errors.Is(err, plugin.ErrDenied) || !strings.Contains(err.Error(), "sock_open") {
		t.Fatalf("a module importing sock_open loaded: %v", err)
	}
}

// TestHostile runs each attack of testdata/hostile and checks it is
// stopped with the right reason, that the next call on the same plugin
// works, and that no goroutine is left behind.
func TestHostile(t *testing.T) {
	wasm := wasmbuild.Go(t, "plugin/testdata/hostile", false)
	dir := t.TempDir()
	secret := filepath.Join(dir, "secret.txt")
	os.WriteFile(secret, []byte("s3cret"), 0o600)
	granted := t.TempDir()
	os.WriteFile(filepath.Join(granted, "data.txt"), []byte("granted data"), 0o644)
	writable := t.TempDir()

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	accepted := make(chan struct{}, 1)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			c.Close()
			accepted <- struct{}{}
		}
	}()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("hello plugin")) }))
	defer srv.Close()
	srvURL := srv.URL // http://127.0.0.1:PORT

	strict, _ := egress.NewPolicy()
	loopbackOK, _ := egress.NewPolicy("127.0.0.1")
	before := runtime.NumGoroutine()

	cases := []struct {
		name   string
		fn     string
		input  string
		m      plugin.Manifest
		pol    *egress.Policy
		want   error  // nil: success
		output string // substring of the output on success
		errHas string
		maxDur time.Duration
	}{
		// The timeout also bounds the follow-up call on a fresh instance (the
		// Go runtime's start), so it is generous enough for a loaded machine.
		{name: "infinite loop", fn: "loop", m: plugin.Manifest{Timeout: plugin.Duration(2 * time.Second)}, want: plugin.ErrTimeout, maxDur: 15 * time.Second},
		// The bombs get a long timeout so that a loaded machine still reaches
		// the page limit first.
		{name: "memory bomb", fn: "membomb", m: plugin.Manifest{MemoryPages: 256, Timeout: plugin.Duration(2 * time.Minute)}, want: plugin.ErrMemoryLimit},
		{name: "host memory bomb", fn: "hostbomb", m: plugin.Manifest{MemoryPages: 128, Timeout: plugin.Duration(2 * time.Minute)}, want: plugin.ErrMemoryLimit},
		{name: "file not granted", fn: "readfile", input: secret, want: plugin.ErrFailed, errHas: "Bad file number"},
		{name: "root not granted", fn: "readfile", input: "/etc/hostname", want: plugin.ErrFailed},
		{name: "granted file", fn: "readfile", input: "/data/data.txt", m: plugin.Manifest{AllowedPaths: []plugin.Mount{{Host: granted, Guest: "/data"}}}, output: "granted data"},
		{name: "read-only grant refuses writes", fn: "writefile", input: "/data/new.txt", m: plugin.Manifest{AllowedPaths: []plugin.Mount{{Host: granted, Guest: "/data"}}}, want: plugin.ErrFailed},
		{name: "write grant", fn: "writefile", input: "/out/new.txt", m: plugin.Manifest{AllowedPaths: []plugin.Mount{{Host: writable, Guest: "/out", Write: true}}}},
		{name: "socket", fn: "dial", input: ln.Addr().String(), want: plugin.ErrFailed},
		{name: "http host not granted", fn: "fetch", input: srvURL, pol: loopbackOK, want: plugin.ErrDenied, errHas: "not granted"},
		{name: "http granted host, loopback refused by the guarded dialer", fn: "fetch", input: srvURL, m: plugin.Manifest{AllowedHosts: []string{"127.0.0.1"}}, pol: strict, want: plugin.ErrDenied, errHas: "loopback"},
		{name: "http granted and allow-listed", fn: "fetch", input: srvURL, m: plugin.Manifest{AllowedHosts: []string{"127.0.0.1"}}, pol: loopbackOK, output: "hello plugin"},
		{name: "huge output", fn: "bigoutput", want: plugin.ErrOutputLimit},
		{name: "stdout flood", fn: "stdoutflood", want: plugin.ErrOutputLimit, maxDur: 10 * time.Second},
		{name: "go panic", fn: "panics", want: plugin.ErrTrap, errHas: "assignment to entry in nil map"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := newHost(t, tc.pol)
			p := load(t, h, wasm, tc.m)
			start := time.Now()
			res, err := p.Call(context.Background(), tc.fn, []byte(tc.input))
			took := time.Since(start)
			switch {
			case tc.want == nil && err != nil:
				t.Fatalf("want success, got %v", err)
			case tc.want == nil && !strings.Contains(string(res.Output), tc.output):
				t.Fatalf("output %q lacks %q", res.Output, tc.output)
			case tc.want != nil && !errors.Is(err, tc.want):
				t.Fatalf("got %v, want %v", err, tc.want)
			case tc.errHas != "" && !strings.Contains(err.Error(), tc.errHas):
				t.Fatalf("error %q lacks %q", err, tc.errHas)
			}
			if tc.maxDur > 0 && took > tc.maxDur {
				t.Fatalf("stopped after %v, want under %v", took, tc.maxDur)
			}
			if res != nil && res.Stats.MemoryBytes > uint64(p.Manifest().MemoryPages)*plugin.PageSize {
				t.Fatalf("memory %d over the grant of %d pages", res.Stats.MemoryBytes, p.Manifest().MemoryPages)
			}
			t.Logf("%v in %v", err, took.Round(time.Millisecond))
			// The plugin still serves the next call.
			res, err = p.Call(context.Background(), "echo", []byte("still here"))
			if err != nil {
				t.Fatalf("after %s: %v", tc.name, err)
			}
			if string(res.Output) != "still here" {
				t.Fatalf("after %s: %q", tc.name, res.Output)
			}
		})
	}
	select {
	case <-accepted:
		t.Fatal("the plugin's socket reached the listener")
	default:
	}
	ln.Close()
	srv.Close()
	waitGoroutines(t, before)
}

// waitGoroutines fails when more goroutines run than before, after a grace
// period for ones that are ending.
func waitGoroutines(t *testing.T, before int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		n := runtime.NumGoroutine()
		if n <= before {
			return
		}
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("%d goroutines after, %d before:\n%s", n, before, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestNothingAmbient(t *testing.T) {
	h := newHost(t, nil)
	p := load(t, h, wasmbuild.Go(t, "plugin/testdata/hostile", false), plugin.Manifest{Name: "amb", Instances: 1})
	var outs []string
	for range 2 {
		// A new instance each time: close the pooled one by timing it out
		// is not needed; a fresh plugin gives a fresh instance.
		res, err := p.Call(context.Background(), "ambient", nil)
		if err != nil {
			t.Fatal(err)
		}
		outs = append(outs, string(res.Output))
	}
	var a struct {
		Now   string
		Env   []string
		Args  []string
		Rand  string
		Urand bool
	}
	if err := json.Unmarshal([]byte(outs[0]), &a); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(a.Now, "2000-01-01T") || len(a.Env) != 0 || len(a.Args) != 1 || a.Urand {
		t.Fatalf("ambient authority leaked: %s", outs[0])
	}
	p2 := load(t, h, wasmbuild.Go(t, "plugin/testdata/hostile", false), plugin.Manifest{Name: "amb2"})
	res, err := p2.Call(context.Background(), "ambient", nil)
	if err != nil {
		t.Fatal(err)
	}
	var b struct{ Rand string }
	json.Unmarshal(res.Output, &b)
	if b.Rand != a.Rand {
		t.Fatalf("randomness without a grant differs between instances: %s vs %s", a.Rand, b.Rand)
	}
	// With the grants, time is now and randomness differs.
	p3 := load(t, h, wasmbuild.Go(t, "plugin/testdata/hostile", false), plugin.Manifest{Name: "amb3", Clock: true, Random: true})
	res, err = p3.Call(context.Background(), "ambient", nil)
	if err != nil {
		t.Fatal(err)
	}
	var c struct{ Now, Rand string }
	json.Unmarshal(res.Output, &c)
	if !strings.HasPrefix(c.Now, time.Now().UTC().Format("2006-01-02")) || c.Rand == a.Rand {
		t.Fatalf("granted clock and random not real: %s", res.Output)
	}
}

func TestConfigValues(t *testing.T) {
	h := newHost(t, nil)
	p := load(t, h, wasmbuild.Go(t, "plugin/testdata/hostile", false), plugin.Manifest{Config: map[string]string{"city": "Paris"}})
	for key, want := range map[string]string{"city": `{"ok":true,"value":"Paris"}`, "HOME": `{"ok":false,"value":""}`} {
		res, err := p.Call(context.Background(), "config", []byte(key))
		if err != nil || string(res.Output) != want {
			t.Fatalf("config %s: %s, %v", key, res.Output, err)
		}
	}
}

// TestConcurrentAndIsolated runs many calls at once, with a looping call
// in the middle: the others are served, and never more instances exist
// than the manifest allows.
func TestConcurrentAndIsolated(t *testing.T) {
	before := runtime.NumGoroutine()
	h := newHost(t, nil)
	p := load(t, h, wasmbuild.Go(t, "plugin/testdata/hostile", false), plugin.Manifest{Instances: 3, Timeout: plugin.Duration(2 * time.Second)})
	loopDone := make(chan error, 1)
	go func() {
		_, err := p.Call(context.Background(), "loop", nil)
		loopDone <- err
	}()
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for i := range 40 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			in := []byte(strings.Repeat("a", i))
			res, err := p.Call(context.Background(), "echo", in)
			if err == nil && string(res.Output) != string(in) {
				err = errors.New("wrong output " + string(res.Output))
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	select {
	case err := <-loopDone:
		t.Fatalf("the loop ended before the others: %v", err)
	default:
	}
	if err := <-loopDone; !errors.Is(err, plugin.ErrTimeout) {
		t.Fatalf("loop: %v", err)
	}
	p.Close(context.Background())
	waitGoroutines(t, before)
}

func TestCommand(t *testing.T) {
	h := newHost(t, nil)
	p := load(t, h, wasmbuild.Go(t, "plugin/testdata/command", true), plugin.Manifest{})
	if !p.Command() {
		t.Fatal("a wasip1 command not recognised")
	}
	res, err := p.Run(context.Background(), []byte("hello"))
	if err != nil || string(res.Output) != "HELLO\n" {
		t.Fatalf("run: %q, %v", res.Output, err)
	}
	_, err = p.Run(context.Background(), []byte("exit"))
	if !errors.Is(err, plugin.ErrExit) || !strings.Contains(err.Error(), "code 3") {
		t.Fatalf("exit 3: %v", err)
	}
}

// TestNoLeakAcrossFailures makes many calls that trap and checks that the
// heap and the goroutine count come back to where they were: discarded
// instances are released.
func TestNoLeakAcrossFailures(t *testing.T) {
	h := newHost(t, nil)
	p := load(t, h, wasmbuild.C(t, "plugin/examples/c-reverse/reverse.c"), plugin.Manifest{MemoryPages: 16, Timeout: plugin.Duration(time.Second)})
	ctx := context.Background()
	round := func(n int) {
		for range n {
			if _, err := p.Call(ctx, "trap", nil); !errors.Is(err, plugin.ErrTrap) {
				t.Fatal(err)
			}
			if _, err := p.Call(ctx, "reverse", []byte(`{"text":"abc"}`)); err != nil {
				t.Fatal(err)
			}
		}
	}
	heap := func() uint64 {
		runtime.GC()
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	round(50)
	goroutines, before := runtime.NumGoroutine(), heap()
	round(500) // 500 instances trapped and were replaced
	after := heap()
	t.Logf("heap %d KiB before, %d KiB after 500 traps", before>>10, after>>10)
	if after > before+4<<20 {
		t.Fatalf("heap grew from %d to %d bytes over 500 trapped calls", before, after)
	}
	waitGoroutines(t, goroutines)
}

// TestInstanceState shows what vars keep: an instance's state lasts across
// its calls and is gone with an instance discarded after a crash.
func TestInstanceState(t *testing.T) {
	h := newHost(t, nil)
	p := load(t, h, wasmbuild.Go(t, "plugin/testdata/hostile", false), plugin.Manifest{Instances: 1})
	count := func() string {
		res, err := p.Call(context.Background(), "counter", nil)
		if err != nil {
			t.Fatal(err)
		}
		return string(res.Output)
	}
	if a, b, c := count(), count(), count(); a != "1" || b != "2" || c != "3" {
		t.Fatalf("counter %s %s %s, want 1 2 3", a, b, c)
	}
	if _, err := p.Call(context.Background(), "crash", nil); !errors.Is(err, plugin.ErrTrap) {
		t.Fatalf("crash: %v", err)
	}
	if n := count(); n != "1" {
		t.Fatalf("after a crash the counter is %s: the crashed instance was reused", n)
	}
}
