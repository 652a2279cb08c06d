package plugin

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"log/slog"
	mrand "math/rand/v2"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gaianet-go/gaianet/egress"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"
	"github.com/tetratelabs/wazero/sys"
)

// Why a call failed. Call's errors wrap one of these.
var (
	ErrTimeout     = errors.New("plugin timed out")
	ErrMemoryLimit = errors.New("plugin memory limit")
	ErrOutputLimit = errors.New("plugin output limit")
	ErrDenied      = errors.New("plugin capability not granted")
	ErrTrap        = errors.New("plugin trapped")
	ErrExit        = errors.New("plugin exited")
	ErrABI         = errors.New("plugin ABI misuse")
	ErrFailed      = errors.New("plugin returned an error")
	ErrNoFunction  = errors.New("plugin has no such function")
)

// Host compiles and runs plugins. One per node; it holds the compilation
// cache shared by every plugin and the guarded outbound policy.
type Host struct {
	cache  wazero.CompilationCache
	egress *egress.Policy
	log    *slog.Logger
}

// HostOptions configure NewHost.
type HostOptions struct {
	// CacheDir, when set, keeps compiled code on disk across restarts.
	CacheDir string
	// Egress is the node's outbound policy; plugin HTTP goes through its
	// guarded dialer. Nil refuses all plugin HTTP.
	Egress *egress.Policy
	// Logger receives the plugins' logs; nil discards them.
	Logger *slog.Logger
}

// NewHost returns a Host.
func NewHost(o HostOptions) (*Host, error) {
	h := &Host{egress: o.Egress, log: o.Logger}
	if h.log == nil {
		h.log = slog.New(slog.DiscardHandler)
	}
	if o.CacheDir != "" {
		c, err := wazero.NewCompilationCacheWithDir(o.CacheDir)
		if err != nil {
			return nil, fmt.Errorf("plugin compilation cache %s: %w", o.CacheDir, err)
		}
		h.cache = c
	} else {
		h.cache = wazero.NewCompilationCache()
	}
	return h, nil
}

// Close releases the compilation cache. Plugins must be closed first.
func (h *Host) Close(ctx context.Context) error { return h.cache.Close(ctx) }

// Plugin is one compiled module under one manifest, with its instance pool.
// It is safe for concurrent use.
type Plugin struct {
	m    Manifest
	log  *slog.Logger
	http *http.Client

	rt      wazero.Runtime
	mod     wazero.CompiledModule
	exports map[string]api.FunctionDefinition
	command bool // a wasip1 command (_start) rather than a library

	slots chan struct{} // one per instance that may exist at once
	mu    sync.Mutex
	idle  []*instance
	done  bool
}

// Load compiles wasm under m (already validated). The module's imports
// must all be provided by the host (the Extism ABI and WASI preview 1): a
// module that imports anything else is refused here.
func (h *Host) Load(ctx context.Context, m Manifest, wasm []byte) (*Plugin, error) {
	if err := m.Validate(); err != nil {
		return nil, err
	}
	rc := wazero.NewRuntimeConfig().
		WithCompilationCache(h.cache).
		WithMemoryLimitPages(m.MemoryPages).
		WithCloseOnContextDone(true)
	rt := wazero.NewRuntimeWithConfig(ctx, rc)
	p := &Plugin{m: m, log: h.log.With("plugin", m.Name), rt: rt, slots: make(chan struct{}, m.Instances)}
	fail := func(err error) (*Plugin, error) {
		rt.Close(ctx)
		return nil, fmt.Errorf("plugin %s: %w", m.Name, err)
	}
	if _, err := wasi_snapshot_preview1.Instantiate(ctx, rt); err != nil {
		return fail(err)
	}
	if err := instantiateEnv(ctx, rt); err != nil {
		return fail(err)
	}
	mod, err := rt.CompileModule(ctx, wasm)
	if err != nil {
		return fail(fmt.Errorf("compiling: %w", err))
	}
	p.mod = mod
	for _, f := range mod.ImportedFunctions() {
		mn, name, _ := f.Import()
		host := rt.Module(mn)
		if host == nil || host.ExportedFunctionDefinitions()[name] == nil {
			return fail(fmt.Errorf("%w: imports %s.%s, which this host does not provide", ErrDenied, mn, name))
		}
	}
	for _, mem := range mod.ImportedMemories() {
		mn, name, _ := mem.Import()
		return fail(fmt.Errorf("%w: imports memory %s.%s; a plugin must define its own", ErrDenied, mn, name))
	}
	p.exports = mod.ExportedFunctions()
	_, hasStart := p.exports["_start"]
	_, hasInit := p.exports["_initialize"]
	p.command = hasStart && !hasInit
	if h.egress != nil && len(m.AllowedHosts) > 0 {
		c := h.egress.Client(egress.Options{MaxBodyBytes: m.MaxHTTPBytes})
		next := c.CheckRedirect
		c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
			if !hostAllowed(m.AllowedHosts, req.URL.Hostname()) {
				return fmt.Errorf("%w: redirect to %q is not granted (allowed_hosts)", ErrDenied, req.URL.Hostname())
			}
			return next(req, via)
		}
		p.http = c
	}
	return p, nil
}

// Manifest returns the plugin's manifest, defaults applied.
func (p *Plugin) Manifest() Manifest { return p.m }

// Exports lists the module's exported functions, sorted.
func (p *Plugin) Exports() []string {
	names := make([]string, 0, len(p.exports))
	for n := range p.exports {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// HasFunction reports whether name is a callable plugin function: exported
// with the Extism signature () -> i32 or () -> ().
func (p *Plugin) HasFunction(name string) bool {
	f, ok := p.exports[name]
	return ok && len(f.ParamTypes()) == 0 && (len(f.ResultTypes()) == 0 ||
		len(f.ResultTypes()) == 1 && f.ResultTypes()[0] == api.ValueTypeI32)
}

// ImportsExtism reports whether the module uses the Extism ABI's host
// functions.
func (p *Plugin) ImportsExtism() bool {
	for _, f := range p.mod.ImportedFunctions() {
		if mn, _, _ := f.Import(); mn == envModule {
			return true
		}
	}
	return false
}

// Command reports whether the module is a plain wasip1 command (exports
// _start and no _initialize): run it with Run.
func (p *Plugin) Command() bool { return p.command }

// Close closes the idle instances and the runtime; calls in progress fail.
func (p *Plugin) Close(ctx context.Context) error {
	p.mu.Lock()
	p.done = true
	idle := p.idle
	p.idle = nil
	p.mu.Unlock()
	for _, in := range idle {
		in.mod.Close(ctx)
	}
	return p.rt.Close(ctx)
}

// Stats are the resources one call used.
type Stats struct {
	Duration     time.Duration
	MemoryBytes  uint64 // the instance's linear memory after the call
	HostBytes    int    // kernel memory (host-side buffers) the call allocated
	HTTPRequests int
	Fresh        bool // the instance was created for this call
}

// Result is one call's output and what it used.
type Result struct {
	Output []byte
	Stdout []byte // what the plugin wrote to stdout (bounded)
	Stderr []byte // what it wrote to stderr (bounded)
	Stats  Stats
}

// instance is one instantiated module with its own memory and vars.
type instance struct {
	mod      api.Module
	cur      *callState // set while a call runs
	stdout   boundedWriter
	stderr   boundedWriter
	stdin    bytes.Reader
	vars     map[string][]byte
	varBytes int
}

// boundedWriter keeps at most max bytes; writing past it fails the call.
type boundedWriter struct {
	in   *instance
	name string
	buf  []byte
	max  int
}

func (w *boundedWriter) Write(b []byte) (int, error) {
	if len(w.buf)+len(b) > w.max {
		err := fmt.Errorf("%w: %s over %d bytes", ErrOutputLimit, w.name, w.max)
		if s := w.in.cur; s != nil {
			if s.fail == nil {
				s.fail = err
			}
			s.cancel() // stop the guest at its next check
		}
		return 0, err
	}
	w.buf = append(w.buf, b...)
	return len(b), nil
}

func (in *instance) setVar(s *callState, key string, val uint64) {
	prev, had := in.vars[key]
	old := len(prev)
	if val == 0 {
		if had {
			delete(in.vars, key)
			in.varBytes -= old + len(key)
		}
		return
	}
	v := s.block(val)
	if in.varBytes-old+len(v)+len(key) > s.limit {
		s.abort(fmt.Errorf("%w: vars over %d bytes", ErrMemoryLimit, s.limit))
	}
	if !had {
		in.varBytes += len(key)
	}
	in.varBytes += len(v) - old
	in.vars[key] = slices.Clone(v)
}

// fakeClock is time without the clock grant: it starts at a fixed instant
// and moves 1 ms per reading, the same in every run.
type fakeClock struct{ n atomic.Int64 }

func (c *fakeClock) walltime() (int64, int32) {
	t := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(c.n.Add(1)) * time.Millisecond)
	return t.Unix(), int32(t.Nanosecond())
}

func (c *fakeClock) nanotime() int64 { return c.n.Add(1) * int64(time.Millisecond) }

func (p *Plugin) moduleConfig(in *instance, start ...string) wazero.ModuleConfig {
	in.stdout = boundedWriter{in: in, name: "stdout", max: p.m.MaxOutputBytes}
	in.stderr = boundedWriter{in: in, name: "stderr", max: 64 << 10}
	mc := wazero.NewModuleConfig().
		WithName("").
		WithStartFunctions(start...).
		WithStdin(&in.stdin).
		WithStdout(&in.stdout).
		WithStderr(&in.stderr).
		WithArgs(p.m.Name)
	if p.m.Clock {
		mc = mc.WithSysWalltime().WithSysNanotime().WithSysNanosleep()
	} else {
		c := &fakeClock{}
		mc = mc.WithWalltime(func() (int64, int32) { return c.walltime() }, 1).
			WithNanotime(func() int64 { return c.nanotime() }, 1).
			WithNanosleep(func(int64) {})
	}
	if p.m.Random {
		mc = mc.WithRandSource(rand.Reader)
	} else {
		mc = mc.WithRandSource(mrand.NewChaCha8([32]byte{}))
	}
	if len(p.m.AllowedPaths) > 0 {
		fs := wazero.NewFSConfig()
		for _, mt := range p.m.AllowedPaths {
			if mt.Write {
				fs = fs.WithDirMount(mt.Host, mt.Guest)
			} else {
				fs = fs.WithReadOnlyDirMount(mt.Host, mt.Guest)
			}
		}
		mc = mc.WithFSConfig(fs)
	}
	return mc
}

func (p *Plugin) newState(ctx context.Context, cancel context.CancelFunc, in *instance) *callState {
	return &callState{ctx: ctx, cancel: cancel, p: p, inst: in, blocks: map[uint64]uint64{},
		limit: int(p.m.MemoryPages) * PageSize}
}

// acquire takes an instance slot and an idle instance, or instantiates one.
func (p *Plugin) acquire(ctx context.Context, cancel context.CancelFunc) (*instance, bool, error) {
	select {
	case p.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, false, p.ctxErr(ctx, "waiting for a free instance")
	}
	p.mu.Lock()
	if p.done {
		p.mu.Unlock()
		<-p.slots
		return nil, false, fmt.Errorf("plugin %s: closed", p.m.Name)
	}
	if n := len(p.idle); n > 0 {
		in := p.idle[n-1]
		p.idle = p.idle[:n-1]
		p.mu.Unlock()
		return in, false, nil
	}
	p.mu.Unlock()
	in := &instance{vars: map[string][]byte{}}
	var start []string
	if _, ok := p.exports["_initialize"]; ok {
		start = []string{"_initialize"}
	}
	in.cur = p.newState(ctx, cancel, in)
	mod, err := p.rt.InstantiateModule(context.WithValue(ctx, stateKey{}, in.cur), p.mod, p.moduleConfig(in, start...))
	if err != nil {
		err = p.classify(ctx, in.cur, err)
		in.cur = nil
		<-p.slots
		return nil, false, fmt.Errorf("instantiating: %w", err)
	}
	in.mod = mod
	return in, true, nil
}

// release returns in to the pool, or closes it when it is no longer sound.
func (p *Plugin) release(in *instance, keep bool) {
	in.cur = nil
	p.mu.Lock()
	if keep && !p.done {
		p.idle = append(p.idle, in)
		keep = true
	} else {
		keep = false
	}
	p.mu.Unlock()
	if !keep && in.mod != nil {
		in.mod.Close(context.Background())
	}
	<-p.slots
}

// Call runs the exported function name with input under the manifest's
// grants. An error is this call's only: the instance that failed is
// discarded and the next call gets a sound one.
func (p *Plugin) Call(ctx context.Context, name string, input []byte) (*Result, error) {
	if p.command {
		return nil, fmt.Errorf("plugin %s: %w: a wasip1 command has only _start (use Run)", p.m.Name, ErrNoFunction)
	}
	if !p.HasFunction(name) {
		return nil, fmt.Errorf("plugin %s: %w: %q (exports: %s)", p.m.Name, ErrNoFunction, name, strings.Join(p.Exports(), ", "))
	}
	ctx, cancel := context.WithTimeout(ctx, time.Duration(p.m.Timeout))
	defer cancel()
	start := time.Now()
	in, fresh, err := p.acquire(ctx, cancel)
	if err != nil {
		return nil, fmt.Errorf("plugin %s: %w", p.m.Name, err)
	}
	s := p.newState(ctx, cancel, in)
	in.cur = s
	in.stdout.buf, in.stderr.buf = in.stdout.buf[:0], in.stderr.buf[:0]
	if len(input) > s.limit {
		p.release(in, true)
		return nil, fmt.Errorf("plugin %s: %w: input of %d bytes over the grant of %d", p.m.Name, ErrMemoryLimit, len(input), s.limit)
	}
	s.input, s.inputLen = s.write(input), uint64(len(input))
	res, callErr := in.mod.ExportedFunction(name).Call(context.WithValue(ctx, stateKey{}, s))
	r := &Result{
		Stdout: slices.Clone(in.stdout.buf),
		Stderr: slices.Clone(in.stderr.buf),
		Stats: Stats{Duration: time.Since(start), MemoryBytes: uint64(in.mod.Memory().Size()),
			HostBytes: len(s.mem), HTTPRequests: s.httpCalls, Fresh: fresh},
	}
	if callErr != nil || s.fail != nil {
		p.release(in, false)
		return r, fmt.Errorf("plugin %s: %s: %w", p.m.Name, name, p.classify(ctx, s, callErr))
	}
	p.release(in, true)
	if len(res) == 1 && uint32(res[0]) != 0 {
		msg := s.errMsg
		if !s.hasErr {
			msg = fmt.Sprintf("exit code %d", int32(res[0]))
		}
		return r, fmt.Errorf("plugin %s: %s: %w: %s", p.m.Name, name, ErrFailed, msg)
	}
	r.Output = s.output
	return r, nil
}

// Run runs a wasip1 command module's _start with input on stdin; its
// stdout is the output.
func (p *Plugin) Run(ctx context.Context, input []byte) (*Result, error) {
	if _, ok := p.exports["_start"]; !ok {
		return nil, fmt.Errorf("plugin %s: %w: _start", p.m.Name, ErrNoFunction)
	}
	ctx, cancel := context.WithTimeout(ctx, time.Duration(p.m.Timeout))
	defer cancel()
	select {
	case p.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, fmt.Errorf("plugin %s: %w", p.m.Name, p.ctxErr(ctx, "waiting for a free instance"))
	}
	defer func() { <-p.slots }()
	start := time.Now()
	in := &instance{vars: map[string][]byte{}}
	in.stdin.Reset(input)
	s := p.newState(ctx, cancel, in)
	in.cur = s
	mod, err := p.rt.InstantiateModule(context.WithValue(ctx, stateKey{}, s), p.mod, p.moduleConfig(in, "_start"))
	r := &Result{Output: in.stdout.buf, Stderr: in.stderr.buf,
		Stats: Stats{Duration: time.Since(start), HostBytes: len(s.mem), HTTPRequests: s.httpCalls, Fresh: true}}
	if mod != nil {
		r.Stats.MemoryBytes = uint64(mod.Memory().Size())
		defer mod.Close(context.Background())
	}
	var exit *sys.ExitError
	if errors.As(err, &exit) && exit.ExitCode() == 0 && s.fail == nil {
		err = nil
	}
	if err != nil || s.fail != nil {
		return r, fmt.Errorf("plugin %s: _start: %w", p.m.Name, p.classify(ctx, s, err))
	}
	return r, nil
}

func (p *Plugin) ctxErr(ctx context.Context, what string) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("%w: %s took over %v", ErrTimeout, what, time.Duration(p.m.Timeout))
	}
	return fmt.Errorf("%s: %w", what, ctx.Err())
}

// classify turns what a failed call returned into one of the Err values.
func (p *Plugin) classify(ctx context.Context, s *callState, err error) error {
	if s.fail != nil {
		return s.fail
	}
	var exit *sys.ExitError
	if errors.As(err, &exit) {
		switch exit.ExitCode() {
		case sys.ExitCodeDeadlineExceeded:
			return p.ctxErr(ctx, "the call")
		case sys.ExitCodeContextCanceled:
			return fmt.Errorf("the call: %w", context.Canceled)
		}
		if oom := p.oom(s); oom != nil {
			return oom
		}
		return fmt.Errorf("%w with code %d%s", ErrExit, exit.ExitCode(), stderrNote(s.inst.stderr.buf))
	}
	if ctx.Err() != nil {
		return p.ctxErr(ctx, "the call")
	}
	if oom := p.oom(s); oom != nil {
		return oom
	}
	msg := err.Error()
	if i := strings.IndexByte(msg, '\n'); i > 0 {
		msg = msg[:i] // drop wazero's guest stack trace
	}
	return fmt.Errorf("%w: %s%s", ErrTrap, msg, stderrNote(s.inst.stderr.buf))
}

// oom recognises a guest runtime that stopped because memory.grow failed
// at the page limit (Go prints "out of memory", wasi-libc's abort too).
func (p *Plugin) oom(s *callState) error {
	if !strings.Contains(string(s.inst.stderr.buf), "out of memory") {
		return nil
	}
	return fmt.Errorf("%w: the module ran out of its %d pages (%s)", ErrMemoryLimit, p.m.MemoryPages, lastLine(s.inst.stderr.buf))
}

func lastLine(b []byte) string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	for _, l := range lines {
		if strings.Contains(l, "out of memory") {
			return strings.TrimSpace(l)
		}
	}
	return lines[len(lines)-1]
}

func stderrNote(b []byte) string {
	t := strings.TrimSpace(string(b))
	if t == "" {
		return ""
	}
	if len(t) > 300 {
		t = "..." + t[len(t)-300:]
	}
	return " (stderr: " + t + ")"
}

var _ io.Writer = (*boundedWriter)(nil)
