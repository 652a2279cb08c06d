package config

import (
	"errors"
	"strings"
	"testing"
)

// agentConfig is a valid config with every agent extension set.
const agentConfig = `{"chat": "m.gguf", "embedding": "e.gguf", "gaianet_go": {
	"tools": [
		{"name": "get_weather", "kind": "https", "description": "Weather", "url": "https://weather.example/v1",
		 "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
		 "headers": {"Accept": "application/json", "Authorization": {"env": "WEATHER_KEY", "prefix": "Bearer "}},
		 "timeout": 5, "max_response_bytes": 65536},
		{"name": "search", "kind": "mcp", "server": "files"},
		{"name": "run_code", "kind": "plugin", "plugin": "starlark"}
	],
	"mcp_servers": [
		{"name": "files", "command": "mcp-files", "args": ["--root", "/srv"], "env": {"TOKEN": {"file": "/etc/t"}}},
		{"name": "remote", "url": "https://mcp.example/mcp", "headers": {"X-Key": {"env": "K"}}, "tools": ["a"], "prefix": "r_"}
	],
	"prompt_sets": {"concise": {"system_prompt": "Be brief.", "rag_policy": "last-user-message", "tools": []}},
	"agent_max_steps": 4, "agent_timeout": 30}}`

func TestAgentExtensions(t *testing.T) {
	c, err := Decode([]byte(agentConfig))
	if err != nil {
		t.Fatal(err)
	}
	c.ApplyDefaults()
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	e := c.Ext
	if len(e.Tools) != 3 || e.Tools[0].Headers["Authorization"].Env != "WEATHER_KEY" || e.Tools[0].Headers["Accept"].Value != "application/json" ||
		len(e.MCPServers) != 2 || e.MCPServers[0].Env["TOKEN"].File != "/etc/t" || e.AgentMaxSteps != 4 ||
		*e.PromptSets["concise"].SystemPrompt != "Be brief." || len(*e.PromptSets["concise"].Tools) != 0 {
		t.Fatalf("decoded %+v", e)
	}
	enc, err := c.Encode()
	if err != nil {
		t.Fatal(err)
	}
	again, err := Decode(enc)
	if err != nil {
		t.Fatalf("%v\n%s", err, enc)
	}
	again.ApplyDefaults()
	if !again.Equal(c) {
		t.Fatalf("round trip changed the config:\n%s", enc)
	}
	cl := c.Clone()
	cl.Ext.Tools[0].Headers["Accept"] = Secret{Value: "x"}
	if c.Ext.Tools[0].Headers["Accept"].Value != "application/json" {
		t.Error("Clone shares tool headers")
	}
}

func TestAgentExtensionErrors(t *testing.T) {
	cases := []struct{ ext, want string }{
		{`"tools": [{"name": "a", "kind": "https", "url": "https://x", "colour": 1}]`, `unknown field "colour"`},
		{`"tools": [{"name": "a", "kind": "https", "url": "http://x"}]`, "want an https:// URL"},
		{`"tools": [{"name": "a b", "kind": "https", "url": "https://x"}]`, "tools[0].name"},
		{`"tools": [{"name": "a", "kind": "https", "url": "https://x"}, {"name": "a", "kind": "plugin", "plugin": "p"}]`, `"a" is used twice`},
		{`"tools": [{"name": "a", "kind": "mcp", "server": "nope"}]`, `"nope" is not in gaianet_go.mcp_servers`},
		{`"tools": [{"name": "a", "kind": "shell"}]`, "want https, mcp or plugin"},
		{`"tools": [{"name": "a", "kind": "https", "url": "https://x", "method": "TRACE"}]`, "want GET, POST"},
		{`"tools": [{"name": "a", "kind": "https", "url": "https://x", "headers": {"K": {"env": "A", "file": "/f"}}}]`, "tools[0].headers.K"},
		{`"tools": [{"name": "a", "kind": "https", "url": "https://x", "headers": {"K": {"vault": "A"}}}]`, `unknown field "vault"`},
		{`"tools": [{"name": "a", "kind": "https", "url": "https://x", "parameters": [1]}]`, "JSON Schema object"},
		{`"tools": [{"name": "a", "kind": "plugin", "plugin": "p", "url": "https://x"}]`, "a plugin tool takes no"},
		{`"mcp_servers": [{"name": "s"}]`, "set exactly one of command"},
		{`"mcp_servers": [{"name": "s", "command": "c", "url": "https://x"}]`, "set exactly one of command"},
		{`"mcp_servers": [{"name": "s", "command": "c", "headers": {"a": "b"}}]`, "headers are for a url server"},
		{`"prompt_sets": {"a:b": {}}`, "prompt set name"},
		{`"prompt_sets": {"a": {"rag_policy": "first"}}`, "rag_policy"},
		{`"prompt_sets": {"a": {"system": "x"}}`, `unknown field "system"`},
		{`"prompt_sets": {"a": {"hooks": ["no such"]}}`, "not a plugin name"},
		{`"agent_max_steps": -1`, "agent_max_steps"},
	}
	for _, c := range cases {
		cfg, err := Decode([]byte(`{"chat": "m.gguf", "embedding": "e.gguf", "gaianet_go": {` + c.ext + `}}`))
		if err == nil {
			cfg.ApplyDefaults()
			err = cfg.Validate()
			if err != nil && !errors.Is(err, ErrInvalid) {
				t.Errorf("%s: %v does not wrap ErrInvalid", c.ext, err)
			}
		} else if !errors.Is(err, ErrBadValue) {
			t.Errorf("%s: %v does not wrap ErrBadValue", c.ext, err)
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error with %q", c.ext, err, c.want)
		}
	}
}
