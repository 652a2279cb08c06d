package config

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
)

// Tool kinds of ToolSpec.Kind.
const (
	ToolHTTPS  = "https"
	ToolMCP    = "mcp"
	ToolPlugin = "plugin"
)

// ToolSpec is a node tool in gaianet_go.tools: a function the node runs
// itself when the model calls it (see package tools). Kind chooses what
// runs: an HTTPS endpoint, one tool of an MCP server in
// gaianet_go.mcp_servers, or a plugin's tool.
type ToolSpec struct {
	// Name is the function name the model calls: letters, digits, _, -
	// and dots.
	Name string `json:"name"`
	// Description tells the model what the tool does.
	Description string `json:"description,omitempty"`
	// Parameters is the JSON Schema of the arguments (an object schema).
	// For an MCP or plugin tool it may be left out: the server's or
	// plugin's own schema is used.
	Parameters json.RawMessage `json:"parameters,omitempty"`
	// Kind is "https", "mcp" or "plugin".
	Kind string `json:"kind"`

	// Method (GET, POST, PUT, PATCH or DELETE; default GET) and URL of an
	// HTTPS tool. GET and DELETE send the arguments' top-level fields as
	// query parameters, the others send the arguments as a JSON body.
	Method string `json:"method,omitempty"`
	URL    string `json:"url,omitempty"`
	// Headers sent with every request; a value is a string or a Secret.
	Headers map[string]Secret `json:"headers,omitempty"`
	// Timeout bounds one call, in seconds; 0 means 30.
	Timeout float64 `json:"timeout,omitempty"`
	// MaxResponseBytes bounds the response body; 0 means 1 MiB.
	MaxResponseBytes int64 `json:"max_response_bytes,omitempty"`

	// Server and Tool name an MCP tool: an entry of mcp_servers and one
	// of its tools (default: Name).
	Server string `json:"server,omitempty"`
	Tool   string `json:"tool,omitempty"`

	// Plugin names an entry of gaianet_go.plugins and Function one of its
	// tool functions (default: the plugin's only tool).
	Plugin   string `json:"plugin,omitempty"`
	Function string `json:"function,omitempty"`
}

// Secret is a header or environment value: written as a plain JSON string
// (not secret), or as an object naming where the secret is read from when
// the node starts: {"env": "WEATHER_KEY"} (an environment variable) or
// {"file": "/etc/gaianet/weather.key"} (a file only its owner may read:
// mode 0600 or tighter, its content trimmed of surrounding white space).
// Prefix is written before the secret, e.g. "Bearer ".
type Secret struct {
	Value  string `json:"value,omitempty"`
	Env    string `json:"env,omitempty"`
	File   string `json:"file,omitempty"`
	Prefix string `json:"prefix,omitempty"`
}

// UnmarshalJSON accepts a string or a strict object.
func (s *Secret) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		*s = Secret{}
		return json.Unmarshal(b, &s.Value)
	}
	type plain Secret
	var p plain
	if err := strictUnmarshal(b, &p); err != nil {
		return err
	}
	*s = Secret(p)
	return nil
}

// MarshalJSON writes a plain value as a string.
func (s Secret) MarshalJSON() ([]byte, error) {
	if s.Env == "" && s.File == "" && s.Prefix == "" {
		return json.Marshal(s.Value)
	}
	type plain Secret
	return json.Marshal(plain(s))
}

// MCPServer is an MCP server in gaianet_go.mcp_servers whose tools become
// node tools: a command the node starts and talks to over stdio, or a
// streamable HTTP endpoint.
type MCPServer struct {
	// Name identifies the server (tools of kind "mcp" name it).
	Name string `json:"name"`
	// Command and Args start a stdio server; Env adds to its environment
	// (which otherwise holds only PATH and HOME).
	Command string            `json:"command,omitempty"`
	Args    []string          `json:"args,omitempty"`
	Env     map[string]Secret `json:"env,omitempty"`
	// URL is a streamable HTTP endpoint, reached through the node's
	// outbound guard (a server on loopback needs outbound_allow);
	// Headers are sent with every request.
	URL     string            `json:"url,omitempty"`
	Headers map[string]Secret `json:"headers,omitempty"`
	// Tools lists which of the server's tools become node tools; empty
	// means all of them. Prefix is put before their names.
	Tools  []string `json:"tools,omitempty"`
	Prefix string   `json:"prefix,omitempty"`
	// Timeout bounds one call, in seconds; 0 means 60.
	Timeout float64 `json:"timeout,omitempty"`
}

// PromptSet is a named prompt profile in gaianet_go.prompt_sets, chosen per
// request by a model suffix ("MODEL:SET") or the X-Prompt-Set header. Unset
// fields keep the node's values.
type PromptSet struct {
	SystemPrompt *string `json:"system_prompt,omitempty"`
	RAGPrompt    *string `json:"rag_prompt,omitempty"`
	RAGPolicy    string  `json:"rag_policy,omitempty"`
	// Tools lists the node tools offered; absent means all, [] none.
	Tools *[]string `json:"tools,omitempty"`
	// Hooks lists the hook plugins (gaianet_go.plugins with "hooks") that
	// run, in config order; absent means all, [] none.
	Hooks *[]string `json:"hooks,omitempty"`
}

// strictUnmarshal decodes b into v, refusing unknown fields and data after
// the value.
func strictUnmarshal(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return badValue("%v", err)
	}
	if dec.More() {
		return badValue("data after the value")
	}
	return nil
}

// nameRE is what a tool or set name may be (toolcall accepts these).
var nameRE = regexp.MustCompile(`^[A-Za-z0-9_.-]{1,64}$`)

// checkName reports (to bad, under key) a tool or server name that nameRE
// refuses or that seen already holds, and adds it to seen.
func checkName(key, name string, seen map[string]bool, bad func(key, format string, args ...any)) {
	switch {
	case !nameRE.MatchString(name):
		bad(key, "want 1-64 letters, digits, _, - or dots, got %q", name)
	case seen[name]:
		bad(key, "%q is used twice", name)
	}
	seen[name] = true
}

// validateAgent checks tools, mcp_servers and prompt_sets.
func (e *Extensions) validateAgent(bad func(key, format string, args ...any)) {
	servers := map[string]bool{}
	for i, s := range e.MCPServers {
		key := fmt.Sprintf("%s.mcp_servers[%d]", ExtensionsKey, i)
		checkName(key+".name", s.Name, servers, bad)
		switch {
		case (s.Command == "") == (s.URL == ""):
			bad(key, "set exactly one of command (a stdio server) and url (a streamable HTTP server)")
		case s.URL != "":
			if err := checkHTTPURL(s.URL); err != nil {
				bad(key+".url", "%v", err)
			}
			if len(s.Args) > 0 || len(s.Env) > 0 {
				bad(key, "args and env are for a command server, not a url")
			}
		case len(s.Headers) > 0:
			bad(key+".headers", "headers are for a url server, not a command")
		}
		if s.Prefix != "" && !nameRE.MatchString(s.Prefix) {
			bad(key+".prefix", "want letters, digits, _, - or dots, got %q", s.Prefix)
		}
		if s.Timeout < 0 {
			bad(key+".timeout", "must not be negative")
		}
		checkSecrets(key+".env", s.Env, bad)
		checkSecrets(key+".headers", s.Headers, bad)
	}
	names := map[string]bool{}
	for i, t := range e.Tools {
		key := fmt.Sprintf("%s.tools[%d]", ExtensionsKey, i)
		checkName(key+".name", t.Name, names, bad)
		if p := bytes.TrimSpace(t.Parameters); len(p) > 0 && p[0] != '{' {
			bad(key+".parameters", "must be a JSON Schema object")
		}
		https := t.Method != "" || t.URL != "" || len(t.Headers) > 0 || t.MaxResponseBytes != 0
		mcp := t.Server != "" || t.Tool != ""
		plugin := t.Plugin != "" || t.Function != ""
		switch t.Kind {
		case ToolHTTPS:
			u, err := url.Parse(t.URL)
			switch {
			case t.URL == "":
				bad(key+".url", "an https tool needs a url")
			case err != nil || u.Scheme != "https" || u.Host == "":
				bad(key+".url", "want an https:// URL with a host, got %q", t.URL)
			}
			if !slices.Contains([]string{"", "GET", "POST", "PUT", "PATCH", "DELETE"}, t.Method) {
				bad(key+".method", "want GET, POST, PUT, PATCH or DELETE, got %q", t.Method)
			}
			if t.MaxResponseBytes < 0 {
				bad(key+".max_response_bytes", "must not be negative")
			}
			if mcp || plugin {
				bad(key, "an https tool takes no server, tool, plugin or function")
			}
			checkSecrets(key+".headers", t.Headers, bad)
		case ToolMCP:
			if !servers[t.Server] {
				bad(key+".server", "%q is not in %s.mcp_servers", t.Server, ExtensionsKey)
			}
			if https || plugin {
				bad(key, "an mcp tool takes no method, url, headers, max_response_bytes, plugin or function")
			}
		case ToolPlugin:
			if t.Plugin == "" {
				bad(key+".plugin", "a plugin tool names a plugin of %s.plugins", ExtensionsKey)
			}
			if https || mcp {
				bad(key, "a plugin tool takes no method, url, headers, max_response_bytes, server or tool")
			}
		default:
			bad(key+".kind", "want https, mcp or plugin, got %q", t.Kind)
		}
		if t.Timeout < 0 {
			bad(key+".timeout", "must not be negative")
		}
	}
	for _, name := range sortedSetNames(e.PromptSets) {
		s := e.PromptSets[name]
		key := fmt.Sprintf("%s.prompt_sets.%s", ExtensionsKey, name)
		if !nameRE.MatchString(name) {
			bad(key, "a prompt set name is 1-64 letters, digits, _, - or dots")
		}
		switch s.RAGPolicy {
		case "", RAGPolicySystemMessage, RAGPolicyLastUserMessage:
		default:
			bad(key+".rag_policy", "want %q or %q, got %q", RAGPolicySystemMessage, RAGPolicyLastUserMessage, s.RAGPolicy)
		}
		if s.Tools != nil {
			for _, t := range *s.Tools {
				if !nameRE.MatchString(t) {
					bad(key+".tools", "%q is not a tool name", t)
				}
			}
		}
		if s.Hooks != nil {
			for _, h := range *s.Hooks {
				if !nameRE.MatchString(h) {
					bad(key+".hooks", "%q is not a plugin name", h)
				}
			}
		}
	}
	if e.AgentMaxSteps < 0 {
		bad(ExtensionsKey+".agent_max_steps", "must not be negative")
	}
	if e.AgentTimeout < 0 {
		bad(ExtensionsKey+".agent_timeout", "must not be negative")
	}
}

func checkSecrets(key string, m map[string]Secret, bad func(key, format string, args ...any)) {
	for _, k := range sortedSetNames(m) {
		s := m[k]
		n := 0
		for _, v := range []string{s.Value, s.Env, s.File} {
			if v != "" {
				n++
			}
		}
		if n != 1 {
			bad(key+"."+k, `want a string, or one of {"env": NAME} and {"file": PATH}`)
		}
		if strings.ContainsAny(s.Value+s.Prefix, "\r\n") {
			bad(key+"."+k, "must not contain line breaks")
		}
	}
}

func sortedSetNames[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
