// Package tools owns node tools: functions the node runs itself when a
// model calls them (the agent loop in package node), listed in config.json
// under gaianet_go.tools and gaianet_go.mcp_servers.
//
// A Tool has a Definition (what the model sees: name, description, JSON
// Schema of its arguments) and a Call. Three kinds exist:
//
//   - HTTPS endpoint tools (NewHTTPS): one request per call, through the
//     node's guarded outbound client (package egress: private, loopback,
//     link-local and metadata addresses are refused unless allow-listed,
//     after DNS and on every redirect), with a timeout and a bound on the
//     response body. Header values may be secrets read from an environment
//     variable or a 0600 file when the node starts.
//   - MCP tools (ConnectMCP): the tools of a Model Context Protocol server,
//     started as a command and spoken to over stdio, or reached over
//     streamable HTTP (through the same outbound guard), with the official
//     SDK github.com/modelcontextprotocol/go-sdk.
//   - plugin tools (FromPlugin): a WebAssembly plugin's tool, adapted from
//     package plugin's four-method shape without importing it.
//
// A Registry holds a node's tools by name, in configuration order. The
// package also serves a registry (and a knowledge-base search) as an MCP
// server over streamable HTTP (MCPHandler), which the node mounts at /mcp.
//
// It must not import node, api or engine.
package tools
