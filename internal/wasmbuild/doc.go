// Package wasmbuild builds the repository's WebAssembly plugins for tests:
// Go packages with GOOS=wasip1 GOARCH=wasm -buildmode=c-shared, and C files
// with clang's wasm32-wasi target and Debian's wasi-libc. Outputs are kept
// in a cache folder keyed by the sources, so each is built once per change.
//
// It is imported by tests only.
package wasmbuild
