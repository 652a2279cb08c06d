package plugin

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
)

// envModule is the import module of the Extism ABI.
const envModule = "extism:host/env"

// callState is what the host functions of one call work on. It travels in
// the call's context: the host module is shared by all instances.
type callState struct {
	ctx    context.Context
	cancel context.CancelFunc
	p      *Plugin
	inst   *instance

	// kernel memory: blocks handed out by alloc, addressed by offset.
	// Offset 0 is "none"; blocks start at 1.
	mem    []byte
	blocks map[uint64]uint64 // start -> length
	limit  int

	input     uint64 // block holding the input
	inputLen  uint64
	output    []byte
	errMsg    string
	hasErr    bool
	fail      error // a host-side refusal (limit, grant) that ends the call
	status    int32
	headers   []byte
	httpCalls int
}

type stateKey struct{}

func stateOf(ctx context.Context) *callState {
	s, _ := ctx.Value(stateKey{}).(*callState)
	if s == nil {
		panic(errors.New("plugin: host function called outside a call"))
	}
	return s
}

// abort ends the call with err: the host function panics, wazero unwinds
// the guest and Call returns err.
func (s *callState) abort(err error) {
	if s.fail == nil {
		s.fail = err
	}
	panic(err)
}

func (s *callState) alloc(n uint64) uint64 {
	if n == 0 {
		return 0
	}
	if uint64(len(s.mem))+n > uint64(s.limit) {
		s.abort(fmt.Errorf("%w: host memory: %d bytes more would pass the grant of %d bytes", ErrMemoryLimit, n, s.limit))
	}
	if len(s.mem) == 0 {
		s.mem = append(s.mem, 0) // offset 0 is never a block
	}
	off := uint64(len(s.mem))
	s.mem = append(s.mem, make([]byte, n)...)
	s.blocks[off] = n
	return off
}

func (s *callState) write(b []byte) uint64 {
	off := s.alloc(uint64(len(b)))
	copy(s.mem[off:], b)
	return off
}

// block returns the bytes of the block starting at off.
func (s *callState) block(off uint64) []byte {
	if off == 0 {
		return nil
	}
	n, ok := s.blocks[off]
	if !ok {
		s.abort(fmt.Errorf("%w: %d is not an allocated block", ErrABI, off))
	}
	return s.mem[off : off+n]
}

func (s *callState) span(off, n uint64) []byte {
	if off == 0 || off >= uint64(len(s.mem)) || n > uint64(len(s.mem))-off {
		s.abort(fmt.Errorf("%w: kernel memory access [%d, +%d) out of range", ErrABI, off, n))
	}
	return s.mem[off : off+n]
}

func (s *callState) setOutput(b []byte) {
	if len(b) > s.p.m.MaxOutputBytes {
		s.abort(fmt.Errorf("%w: output of %d bytes over the limit of %d", ErrOutputLimit, len(b), s.p.m.MaxOutputBytes))
	}
	s.output = append(s.output[:0], b...)
}

var (
	i32 = api.ValueTypeI32
	i64 = api.ValueTypeI64
)

// instantiateEnv defines the Extism ABI's host functions in r.
func instantiateEnv(ctx context.Context, r wazero.Runtime) error {
	b := r.NewHostModuleBuilder(envModule)
	def := func(name string, params, results []api.ValueType, f func(s *callState, m api.Module, stack []uint64)) {
		b.NewFunctionBuilder().WithGoModuleFunction(api.GoModuleFunc(func(ctx context.Context, m api.Module, stack []uint64) {
			f(stateOf(ctx), m, stack)
		}), params, results).Export(name)
	}
	none := []api.ValueType{}

	// Kernel memory.
	def("alloc", []api.ValueType{i64}, []api.ValueType{i64}, func(s *callState, _ api.Module, st []uint64) {
		st[0] = s.alloc(st[0])
	})
	def("free", []api.ValueType{i64}, none, func(s *callState, _ api.Module, st []uint64) {
		delete(s.blocks, st[0]) // bump allocator: space comes back when the call ends
	})
	def("length", []api.ValueType{i64}, []api.ValueType{i64}, func(s *callState, _ api.Module, st []uint64) {
		st[0] = s.blocks[st[0]]
	})
	def("length_unsafe", []api.ValueType{i64}, []api.ValueType{i64}, func(s *callState, _ api.Module, st []uint64) {
		st[0] = s.blocks[st[0]]
	})
	def("load_u8", []api.ValueType{i64}, []api.ValueType{i32}, func(s *callState, _ api.Module, st []uint64) {
		st[0] = uint64(s.span(st[0], 1)[0])
	})
	def("load_u64", []api.ValueType{i64}, []api.ValueType{i64}, func(s *callState, _ api.Module, st []uint64) {
		st[0] = binary.LittleEndian.Uint64(s.span(st[0], 8))
	})
	def("store_u8", []api.ValueType{i64, i32}, none, func(s *callState, _ api.Module, st []uint64) {
		s.span(st[0], 1)[0] = byte(st[1])
	})
	def("store_u64", []api.ValueType{i64, i64}, none, func(s *callState, _ api.Module, st []uint64) {
		binary.LittleEndian.PutUint64(s.span(st[0], 8), st[1])
	})
	def("memory_bytes", none, []api.ValueType{i64}, func(s *callState, _ api.Module, st []uint64) {
		st[0] = uint64(len(s.mem))
	})
	def("reset", none, none, func(s *callState, _ api.Module, _ []uint64) {
		// Every block is freed; the input stays readable (copied into the
		// fresh memory, so input_offset changes).
		in := slices.Clone(s.mem[s.input : s.input+s.inputLen])
		s.mem, s.blocks = s.mem[:0], map[uint64]uint64{}
		s.input = s.write(in)
	})

	// Input and output.
	def("input_length", none, []api.ValueType{i64}, func(s *callState, _ api.Module, st []uint64) {
		st[0] = s.inputLen
	})
	def("input_offset", none, []api.ValueType{i64}, func(s *callState, _ api.Module, st []uint64) {
		st[0] = s.input
	})
	def("input_load_u8", []api.ValueType{i64}, []api.ValueType{i32}, func(s *callState, _ api.Module, st []uint64) {
		if st[0] >= s.inputLen {
			s.abort(fmt.Errorf("%w: input_load_u8 at %d past the input's %d bytes", ErrABI, st[0], s.inputLen))
		}
		st[0] = uint64(s.mem[s.input+st[0]])
	})
	def("input_load_u64", []api.ValueType{i64}, []api.ValueType{i64}, func(s *callState, _ api.Module, st []uint64) {
		if st[0] > s.inputLen || s.inputLen-st[0] < 8 {
			s.abort(fmt.Errorf("%w: input_load_u64 at %d past the input's %d bytes", ErrABI, st[0], s.inputLen))
		}
		st[0] = binary.LittleEndian.Uint64(s.mem[s.input+st[0]:])
	})
	def("input_set", []api.ValueType{i64, i64}, none, func(s *callState, _ api.Module, st []uint64) {
		s.span(st[0], st[1])
		s.input, s.inputLen = st[0], st[1]
	})
	def("output_set", []api.ValueType{i64, i64}, none, func(s *callState, _ api.Module, st []uint64) {
		if st[1] == 0 {
			s.output = s.output[:0]
			return
		}
		if st[1] > uint64(s.p.m.MaxOutputBytes) {
			s.abort(fmt.Errorf("%w: output of %d bytes over the limit of %d", ErrOutputLimit, st[1], s.p.m.MaxOutputBytes))
		}
		s.setOutput(s.span(st[0], st[1]))
	})
	def("output_length", none, []api.ValueType{i64}, func(s *callState, _ api.Module, st []uint64) {
		st[0] = uint64(len(s.output))
	})
	def("output_offset", none, []api.ValueType{i64}, func(s *callState, _ api.Module, st []uint64) {
		st[0] = s.write(s.output)
	})
	def("error_set", []api.ValueType{i64}, none, func(s *callState, _ api.Module, st []uint64) {
		if st[0] == 0 {
			s.hasErr, s.errMsg = false, ""
			return
		}
		s.hasErr, s.errMsg = true, string(clip(s.block(st[0]), 4096))
	})
	def("error_get", none, []api.ValueType{i64}, func(s *callState, _ api.Module, st []uint64) {
		if !s.hasErr {
			st[0] = 0
			return
		}
		st[0] = s.write([]byte(s.errMsg))
	})

	// Config and vars.
	def("config_get", []api.ValueType{i64}, []api.ValueType{i64}, func(s *callState, _ api.Module, st []uint64) {
		v, ok := s.p.m.Config[string(s.block(st[0]))]
		if !ok {
			st[0] = 0
			return
		}
		st[0] = s.write([]byte(v))
	})
	def("var_get", []api.ValueType{i64}, []api.ValueType{i64}, func(s *callState, _ api.Module, st []uint64) {
		v, ok := s.inst.vars[string(s.block(st[0]))]
		if !ok {
			st[0] = 0
			return
		}
		st[0] = s.write(v)
	})
	def("var_set", []api.ValueType{i64, i64}, none, func(s *callState, _ api.Module, st []uint64) {
		s.inst.setVar(s, string(s.block(st[0])), st[1])
	})

	// HTTP.
	def("http_request", []api.ValueType{i64, i64}, []api.ValueType{i64}, func(s *callState, _ api.Module, st []uint64) {
		st[0] = s.httpRequest(s.ctx, st[0], st[1])
	})
	def("http_status_code", none, []api.ValueType{i32}, func(s *callState, _ api.Module, st []uint64) {
		st[0] = uint64(uint32(s.status))
	})
	def("http_headers", none, []api.ValueType{i64}, func(s *callState, _ api.Module, st []uint64) {
		if s.headers == nil {
			st[0] = 0
			return
		}
		st[0] = s.write(s.headers)
	})

	// Logs go to the node's logger, tagged with the plugin.
	logAt := func(level slog.Level) func(s *callState, _ api.Module, st []uint64) {
		return func(s *callState, _ api.Module, st []uint64) {
			s.p.log.Log(context.Background(), level, "plugin log", "plugin", s.p.m.Name, "message", string(clip(s.block(st[0]), 4096)))
		}
	}
	def("log_trace", []api.ValueType{i64}, none, logAt(slog.LevelDebug-4))
	def("log_debug", []api.ValueType{i64}, none, logAt(slog.LevelDebug))
	def("log_info", []api.ValueType{i64}, none, logAt(slog.LevelInfo))
	def("log_warn", []api.ValueType{i64}, none, logAt(slog.LevelWarn))
	def("log_error", []api.ValueType{i64}, none, logAt(slog.LevelError))
	def("get_log_level", none, []api.ValueType{i32}, func(s *callState, _ api.Module, st []uint64) {
		st[0] = 2 // Extism's "info": debug and trace messages are not sent
	})
	_, err := b.Instantiate(ctx)
	return err
}

func clip(b []byte, n int) []byte {
	if len(b) > n {
		return b[:n]
	}
	return b
}

// httpRequest performs the Extism http_request: a JSON request
// {"method","url","headers"} and an optional body block; the response body
// is returned as a block and its status kept for http_status_code.
func (s *callState) httpRequest(ctx context.Context, reqOff, bodyOff uint64) uint64 {
	var req struct {
		Method  string            `json:"method"`
		URL     string            `json:"url"`
		Headers map[string]string `json:"headers"`
	}
	if err := json.Unmarshal(s.block(reqOff), &req); err != nil {
		s.abort(fmt.Errorf("%w: http_request: %v", ErrABI, err))
	}
	u, err := url.Parse(req.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		s.abort(fmt.Errorf("%w: http_request: %q is not an http(s) URL", ErrDenied, req.URL))
	}
	if !hostAllowed(s.p.m.AllowedHosts, u.Hostname()) {
		s.abort(fmt.Errorf("%w: HTTP to %q is not granted (allowed_hosts)", ErrDenied, u.Hostname()))
	}
	if s.p.http == nil {
		s.abort(fmt.Errorf("%w: HTTP to %q: the host has no outbound client", ErrDenied, u.Hostname()))
	}
	s.httpCalls++
	method := strings.ToUpper(req.Method)
	if method == "" {
		method = http.MethodGet
	}
	var body io.Reader
	if bodyOff != 0 {
		body = bytes.NewReader(s.block(bodyOff))
	}
	hr, err := http.NewRequestWithContext(ctx, method, req.URL, body)
	if err != nil {
		s.abort(fmt.Errorf("%w: http_request: %v", ErrABI, err))
	}
	for k, v := range req.Headers {
		hr.Header.Set(k, v)
	}
	// Redirects are followed by the guarded client; each hop must be a
	// granted host too.
	resp, err := s.p.http.Do(hr)
	if err != nil {
		s.abort(fmt.Errorf("%w: http_request %s: %v", ErrDenied, u.Hostname(), err))
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, s.p.m.MaxHTTPBytes+1))
	if err != nil {
		s.abort(fmt.Errorf("http_request %s: reading the body: %w", u.Hostname(), err))
	}
	if int64(len(data)) > s.p.m.MaxHTTPBytes {
		s.abort(fmt.Errorf("%w: HTTP response from %s over max_http_bytes (%d)", ErrOutputLimit, u.Hostname(), s.p.m.MaxHTTPBytes))
	}
	s.status = int32(resp.StatusCode)
	h := map[string]string{}
	for k, v := range resp.Header {
		h[strings.ToLower(k)] = strings.Join(v, ",")
	}
	s.headers, _ = json.Marshal(h)
	return s.write(data)
}
