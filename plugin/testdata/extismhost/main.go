// Command extismhost runs one plugin function under Extism's own host SDK
// (github.com/extism/go-sdk), the reference the node's ABI host is checked
// against: plugin tests run the same module, function and input here and
// in package plugin and compare the outputs.
//
// Usage: extismhost FILE.wasm FUNC INPUT [KEY=VALUE...]
// (EXTISMHOST_CACHE=DIR keeps compiled code in DIR.)
package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	extism "github.com/extism/go-sdk"
	"github.com/tetratelabs/wazero"
)

func main() {
	if len(os.Args) < 4 {
		fmt.Fprintln(os.Stderr, "usage: extismhost FILE.wasm FUNC INPUT [KEY=VALUE...]")
		os.Exit(2)
	}
	config := map[string]string{}
	for _, kv := range os.Args[4:] {
		k, v, _ := strings.Cut(kv, "=")
		config[k] = v
	}
	m := extism.Manifest{Wasm: []extism.Wasm{extism.WasmFile{Path: os.Args[1]}}, Config: config}
	ctx := context.Background()
	pc := extism.PluginConfig{EnableWasi: true}
	if dir := os.Getenv("EXTISMHOST_CACHE"); dir != "" {
		cache, err := wazero.NewCompilationCacheWithDir(dir)
		if err != nil {
			fmt.Fprintln(os.Stderr, "cache:", err)
			os.Exit(1)
		}
		pc.RuntimeConfig = wazero.NewRuntimeConfig().WithCompilationCache(cache)
	}
	p, err := extism.NewPlugin(ctx, m, pc, nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(1)
	}
	defer p.Close(ctx)
	rc, out, err := p.Call(os.Args[2], []byte(os.Args[3]))
	if err != nil {
		fmt.Fprintf(os.Stderr, "call: rc %d: %v\n", rc, err)
		os.Exit(1)
	}
	os.Stdout.Write(out)
}
