package plugin

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// Defaults and bounds of a Manifest.
const (
	DefaultMemoryPages    = 512 // 32 MiB: enough for a Go wasip1 module's runtime
	MaxMemoryPages        = 65536
	DefaultTimeout        = 5 * time.Second
	MaxTimeout            = 10 * time.Minute
	DefaultMaxOutputBytes = 1 << 20
	DefaultMaxHTTPBytes   = 1 << 20
	DefaultInstances      = 2
	MaxInstances          = 64
	// PageSize is the size of one WebAssembly memory page.
	PageSize = 65536
)

// Hook names a plugin can be enabled for.
const (
	HookPrompt   = "prompt"
	HookResponse = "response"
)

// Manifest is one plugin's entry in config.json's gaianet_go.plugins: where
// its module is and what it is granted. The zero value of every grant is
// "nothing".
type Manifest struct {
	// Name identifies the plugin in tools and logs: lower-case letters,
	// digits, '-' and '_'.
	Name string `json:"name"`
	// Path is the .wasm file; relative paths are relative to the config
	// file's folder. Exactly one of Path and Builtin is set.
	Path string `json:"path,omitempty"`
	// SHA256, when set, is the hex digest the file must have.
	SHA256 string `json:"sha256,omitempty"`
	// Builtin names a plugin shipped inside the binary ("code": the
	// Starlark code-execution tool).
	Builtin string `json:"builtin,omitempty"`
	// MemoryPages bounds the plugin's linear memory, in 64 KiB pages, and
	// the host-side buffers it allocates to the same size.
	MemoryPages uint32 `json:"memory_pages,omitempty"`
	// Timeout bounds one call's wall-clock time, e.g. "2s".
	Timeout Duration `json:"timeout,omitempty"`
	// AllowedHosts are the host names the plugin may send HTTP requests
	// to: exact names or "*.example.com" (any subdomain). Requests go
	// through the node's guarded dialer, so private addresses stay refused
	// unless gaianet_go.outbound_allow admits them.
	AllowedHosts []string `json:"allowed_hosts,omitempty"`
	// AllowedPaths are directories the plugin sees, read-only unless a
	// mount says "write": true.
	AllowedPaths []Mount `json:"allowed_paths,omitempty"`
	// Config holds the values the plugin reads with config_get.
	Config map[string]string `json:"config,omitempty"`
	// Clock grants the real wall and monotonic clocks and real sleeps;
	// without it time is a fixed, deterministic sequence.
	Clock bool `json:"clock,omitempty"`
	// Random grants the operating system's random source; without it the
	// random stream is fixed.
	Random bool `json:"random,omitempty"`
	// MaxOutputBytes bounds a call's output (and, separately, what it
	// writes to stdout and stderr).
	MaxOutputBytes int `json:"max_output_bytes,omitempty"`
	// MaxHTTPBytes bounds one HTTP response body.
	MaxHTTPBytes int64 `json:"max_http_bytes,omitempty"`
	// Instances bounds the instances running at once (and kept warm);
	// more concurrent calls wait.
	Instances int `json:"instances,omitempty"`
	// Hooks enables the plugin as a prompt and/or response hook.
	Hooks []string `json:"hooks,omitempty"`
}

// Mount is a directory granted to a plugin. In JSON a plain string is a
// read-only mount of that directory at the same path.
type Mount struct {
	Host  string `json:"host"`
	Guest string `json:"guest,omitempty"` // default: Host
	Write bool   `json:"write,omitempty"`
}

// UnmarshalJSON accepts "DIR" or {"host": DIR, "guest": PATH, "write": bool}.
func (m *Mount) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*m = Mount{Host: s}
		return nil
	}
	type plain Mount
	var p plain
	if err := strictDecode(b, &p); err != nil {
		return fmt.Errorf("allowed_paths: want \"DIR\" or {\"host\",\"guest\",\"write\"}: %w", err)
	}
	*m = Mount(p)
	return nil
}

// Duration is a time.Duration written as "1.5s" in JSON.
type Duration time.Duration

// UnmarshalJSON parses a Go duration string.
func (d *Duration) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("want a duration such as \"2s\": %w", err)
	}
	v, err := time.ParseDuration(s)
	if err != nil {
		return err
	}
	*d = Duration(v)
	return nil
}

// MarshalJSON writes the duration as a string.
func (d Duration) MarshalJSON() ([]byte, error) { return json.Marshal(time.Duration(d).String()) }

var (
	nameRE     = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,63}$`)
	toolNameRE = regexp.MustCompile(`^[a-zA-Z0-9_-]{1,64}$`)
)

// ParseManifests decodes gaianet_go.plugins (a JSON array of manifests),
// applies defaults and validates each. Unknown fields are errors.
func ParseManifests(data []byte) ([]Manifest, error) {
	var ms []Manifest
	if err := strictDecode(data, &ms); err != nil {
		return nil, fmt.Errorf("plugins: %w", err)
	}
	seen := map[string]bool{}
	for i := range ms {
		if err := ms[i].Validate(); err != nil {
			return nil, fmt.Errorf("plugins[%d]: %w", i, err)
		}
		if seen[ms[i].Name] {
			return nil, fmt.Errorf("plugins[%d]: name %q used twice", i, ms[i].Name)
		}
		seen[ms[i].Name] = true
	}
	return ms, nil
}

func strictDecode(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("data after the JSON value")
	}
	return nil
}

// Validate applies defaults to unset limits and checks every field.
func (m *Manifest) Validate() error {
	if !nameRE.MatchString(m.Name) {
		return fmt.Errorf("name %q: use 1-64 of a-z, 0-9, '-', '_'", m.Name)
	}
	if (m.Path == "") == (m.Builtin == "") {
		return fmt.Errorf("plugin %q: set exactly one of path and builtin", m.Name)
	}
	if m.Builtin != "" && m.Builtin != BuiltinCode {
		return fmt.Errorf("plugin %q: unknown builtin %q (known: %q)", m.Name, m.Builtin, BuiltinCode)
	}
	if m.SHA256 != "" && !regexp.MustCompile(`^[0-9a-f]{64}$`).MatchString(m.SHA256) {
		return fmt.Errorf("plugin %q: sha256 must be 64 lower-case hex digits", m.Name)
	}
	if m.MemoryPages == 0 {
		m.MemoryPages = DefaultMemoryPages
	}
	if m.MemoryPages > MaxMemoryPages {
		return fmt.Errorf("plugin %q: memory_pages %d over the maximum %d", m.Name, m.MemoryPages, MaxMemoryPages)
	}
	switch {
	case m.Timeout == 0:
		m.Timeout = Duration(DefaultTimeout)
	case m.Timeout < 0 || time.Duration(m.Timeout) > MaxTimeout:
		return fmt.Errorf("plugin %q: timeout %v outside (0, %v]", m.Name, time.Duration(m.Timeout), MaxTimeout)
	}
	for _, h := range m.AllowedHosts {
		if err := validHostPattern(h); err != nil {
			return fmt.Errorf("plugin %q: allowed_hosts: %w", m.Name, err)
		}
	}
	for i, mt := range m.AllowedPaths {
		if mt.Host == "" || !filepath.IsAbs(mt.Host) {
			return fmt.Errorf("plugin %q: allowed_paths[%d]: host %q must be an absolute path", m.Name, i, mt.Host)
		}
		if mt.Guest == "" {
			m.AllowedPaths[i].Guest = mt.Host
		} else if !strings.HasPrefix(mt.Guest, "/") {
			return fmt.Errorf("plugin %q: allowed_paths[%d]: guest %q must start with /", m.Name, i, mt.Guest)
		}
	}
	switch {
	case m.MaxOutputBytes == 0:
		m.MaxOutputBytes = DefaultMaxOutputBytes
	case m.MaxOutputBytes < 0:
		return fmt.Errorf("plugin %q: max_output_bytes must be positive", m.Name)
	}
	switch {
	case m.MaxHTTPBytes == 0:
		m.MaxHTTPBytes = DefaultMaxHTTPBytes
	case m.MaxHTTPBytes < 0:
		return fmt.Errorf("plugin %q: max_http_bytes must be positive", m.Name)
	}
	switch {
	case m.Instances == 0:
		m.Instances = DefaultInstances
	case m.Instances < 0 || m.Instances > MaxInstances:
		return fmt.Errorf("plugin %q: instances %d outside [1, %d]", m.Name, m.Instances, MaxInstances)
	}
	for _, h := range m.Hooks {
		if h != HookPrompt && h != HookResponse {
			return fmt.Errorf("plugin %q: unknown hook %q (known: %q, %q)", m.Name, h, HookPrompt, HookResponse)
		}
	}
	return nil
}

var hostRE = regexp.MustCompile(`^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$`)

func validHostPattern(h string) error {
	if h == "" || len(h) > 253 || !hostRE.MatchString(h) {
		return fmt.Errorf("%q is not a host name or *.domain (lower case, no port or scheme)", h)
	}
	return nil
}

// hostAllowed reports whether host matches one of the patterns.
func hostAllowed(patterns []string, host string) bool {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	for _, p := range patterns {
		if suffix, ok := strings.CutPrefix(p, "*"); ok {
			if strings.HasSuffix(host, suffix) && len(host) > len(suffix) {
				return true
			}
		} else if p == host {
			return true
		}
	}
	return false
}
