// Package pdk is a small plugin development kit for Go plugins built with
// GOOS=wasip1 GOARCH=wasm -buildmode=c-shared: it calls the host imports of
// the Extism ABI ("extism:host/env") that package plugin provides. Extism's
// own Go PDK does the same but cannot be fetched on every machine; a plugin
// written with either runs on the node.
//
// A plugin function is a //go:wasmexport func with no parameters returning
// int32: 0 for success (the output set with Output), non-zero after
// SetError.
//
// It imports nothing from this module.
package pdk
