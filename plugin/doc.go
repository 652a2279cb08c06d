// Package plugin owns the node's WebAssembly plugins: a sandbox on wazero
// (pure Go) that runs modules written against the Extism plugin ABI, the
// manifest that grants each plugin its capabilities, and the three roles a
// plugin can play for the node: a tool (JSON in, JSON out, with the
// parameter schema the plugin exports), a prompt hook (the request's
// messages and retrieved chunks in, changed out) and a response hook (the
// answer in, changed out).
//
// Nothing is ambient. A plugin gets exactly what its Manifest grants:
// memory pages (its linear memory and the host-side buffers it allocates),
// a wall-clock timeout per call (the call is interrupted: wazero's
// WithCloseOnContextDone), HTTP to the listed hosts only and only through
// the node's guarded dialer (package egress), the listed directories
// (read-only unless a mount says write) and config values. Clocks read a
// fixed, deterministic time and randomness is a fixed stream unless the
// manifest grants clock or random; there are no environment variables, no
// arguments and no sockets.
//
// The host side of the Extism ABI (the "extism:host/env" imports: kernel
// memory, input, output, errors, config, vars, HTTP, logs) is implemented
// here directly on wazero rather than through extism/go-sdk: that SDK
// sends a plugin's HTTP through net/http's DefaultClient (not the guarded
// dialer), turns WASI output on from an environment variable and keeps its
// log level in a process-wide variable, none of which the node can switch
// off. Plugins built with Extism's PDKs run unchanged; see README.md.
//
// A module is compiled once per runtime (and cached on disk when a cache
// directory is given); instances are pooled and reused, and an instance
// that trapped, timed out or exited is thrown away, so a crash is an error
// for that call only.
//
// It must not import node, tools or engine.
package plugin
