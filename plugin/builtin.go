package plugin

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"sync"
)

// BuiltinCode names the code-execution plugin shipped in the binary: a
// Starlark interpreter (plugin/builtin/code) compiled to wasip1. It is off
// unless config.json lists it, e.g.
//
//	{"name": "code", "builtin": "code", "memory_pages": 1024, "timeout": "5s",
//	 "config": {"max_steps": "10000000", "max_output_bytes": "65536"}}
const BuiltinCode = "code"

// The module is committed, compressed, beside the digest of the
// uncompressed bytes and the Go version that built it; a test rebuilds it
// from source and compares (see plugin/builtin/build).
//
//go:generate go run ./builtin/build -dir builtin
var (
	//go:embed builtin/code.wasm.gz
	codeWasmGz []byte
	//go:embed builtin/code.wasm.sha256
	codeWasmSum string
)

var codeWasm = sync.OnceValues(func() ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(codeWasmGz))
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(b)
	if want, _, _ := strings.Cut(codeWasmSum, " "); hex.EncodeToString(sum[:]) != want {
		return nil, fmt.Errorf("the embedded module does not match its digest %s", want)
	}
	return b, nil
})

// BuiltinDigest returns the sha256 and Go version recorded for the
// embedded code-execution module.
func BuiltinDigest() (sha, goVersion string) {
	sha, goVersion, _ = strings.Cut(strings.TrimSpace(codeWasmSum), " ")
	return sha, goVersion
}

func builtinModule(name string) ([]byte, error) {
	if name != BuiltinCode {
		return nil, fmt.Errorf("no builtin plugin %q", name)
	}
	b, err := codeWasm()
	if err != nil {
		return nil, fmt.Errorf("builtin plugin %q: %w", name, err)
	}
	return b, nil
}
