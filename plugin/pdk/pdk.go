//go:build wasip1

package pdk

import (
	"encoding/binary"
	"encoding/json"
)

//go:wasmimport extism:host/env input_length
func inputLength() uint64

//go:wasmimport extism:host/env input_load_u64
func inputLoadU64(off uint64) uint64

//go:wasmimport extism:host/env input_load_u8
func inputLoadU8(off uint64) uint32

//go:wasmimport extism:host/env alloc
func alloc(n uint64) uint64

//go:wasmimport extism:host/env length
func length(off uint64) uint64

//go:wasmimport extism:host/env load_u64
func loadU64(off uint64) uint64

//go:wasmimport extism:host/env load_u8
func loadU8(off uint64) uint32

//go:wasmimport extism:host/env store_u64
func storeU64(off uint64, v uint64)

//go:wasmimport extism:host/env store_u8
func storeU8(off uint64, v uint32)

//go:wasmimport extism:host/env output_set
func outputSet(off, n uint64)

//go:wasmimport extism:host/env error_set
func errorSet(off uint64)

//go:wasmimport extism:host/env config_get
func configGet(off uint64) uint64

//go:wasmimport extism:host/env http_request
func httpRequest(req, body uint64) uint64

//go:wasmimport extism:host/env http_status_code
func httpStatusCode() int32

//go:wasmimport extism:host/env var_get
func varGet(key uint64) uint64

//go:wasmimport extism:host/env var_set
func varSet(key, val uint64)

//go:wasmimport extism:host/env log_info
func logInfo(off uint64)

// Input returns the call's input.
func Input() []byte {
	n := inputLength()
	b := make([]byte, n)
	var i uint64
	for ; i+8 <= n; i += 8 {
		binary.LittleEndian.PutUint64(b[i:], inputLoadU64(i))
	}
	for ; i < n; i++ {
		b[i] = byte(inputLoadU8(i))
	}
	return b
}

// write copies b into a new block of kernel memory.
func write(b []byte) uint64 {
	off := alloc(uint64(len(b)))
	n := uint64(len(b))
	var i uint64
	for ; i+8 <= n; i += 8 {
		storeU64(off+i, binary.LittleEndian.Uint64(b[i:]))
	}
	for ; i < n; i++ {
		storeU8(off+i, uint32(b[i]))
	}
	return off
}

// read copies a block of kernel memory out.
func read(off uint64) []byte {
	if off == 0 {
		return nil
	}
	n := length(off)
	b := make([]byte, n)
	var i uint64
	for ; i+8 <= n; i += 8 {
		binary.LittleEndian.PutUint64(b[i:], loadU64(off+i))
	}
	for ; i < n; i++ {
		b[i] = byte(loadU8(off + i))
	}
	return b
}

// Output sets the call's output.
func Output(b []byte) { outputSet(write(b), uint64(len(b))) }

// OutputJSON sets the output to v as JSON.
func OutputJSON(v any) int32 {
	b, err := json.Marshal(v)
	if err != nil {
		return Fail(err.Error())
	}
	Output(b)
	return 0
}

// Fail sets the call's error message and returns 1, for `return pdk.Fail(...)`.
func Fail(msg string) int32 {
	errorSet(write([]byte(msg)))
	return 1
}

// Config returns a config value granted in the plugin's manifest.
func Config(key string) (string, bool) {
	off := configGet(write([]byte(key)))
	if off == 0 {
		return "", false
	}
	return string(read(off)), true
}

// Log writes an info message to the node's log.
func Log(msg string) { logInfo(write([]byte(msg))) }

// HTTPRequest is an outbound request; the host sends it only to hosts the
// manifest grants, through the node's guarded dialer.
type HTTPRequest struct {
	Method  string            `json:"method"`
	URL     string            `json:"url"`
	Headers map[string]string `json:"headers,omitempty"`
}

// HTTP sends req with body and returns the status and response body. A
// host that is not granted ends the call with an error.
func HTTP(req HTTPRequest, body []byte) (int, []byte) {
	rb, _ := json.Marshal(req)
	var bo uint64
	if len(body) > 0 {
		bo = write(body)
	}
	resp := httpRequest(write(rb), bo)
	return int(httpStatusCode()), read(resp)
}

// Var returns a value kept by this plugin instance between calls (nil when
// unset). Instances are pooled: a later call may get another instance.
func Var(key string) []byte { return read(varGet(write([]byte(key)))) }

// SetVar keeps val under key for later calls on this instance; nil deletes.
func SetVar(key string, val []byte) {
	var off uint64
	if len(val) > 0 {
		off = write(val)
	}
	varSet(write([]byte(key)), off)
}
