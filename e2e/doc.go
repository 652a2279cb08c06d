// Package e2e holds the end-to-end tests of a running GaiaNet node, driven
// by real clients: the official OpenAI Go SDK, the official OpenAI and
// Qdrant JavaScript clients (in js/, run with `node --test`), and the web
// chat page in headless Chromium (through chromedp).
//
// TestMain builds the gaianet binary, sets up a node directory with the tiny
// conformance models from ../shared/conformance and a small knowledge base
// (`gaianet init`, `gaianet kb ingest`), starts `gaianet start --foreground`
// on a free loopback port and, after the tests, stops it with SIGTERM and
// checks that it shut down gracefully.
//
// Without ../shared/conformance, or an external tool (node and npm,
// Chromium), the tests skip, or fail under CI (GAIANET_TEST_REQUIRED=1,
// which .ci/run sets, or CI=true: see internal/sharedtest).
// TestJSClients runs `npm ci` in e2e/js when node_modules is missing (CI
// runs it beforehand). Other knobs: E2E_CHROMIUM names the browser binary
// (default /usr/bin/chromium); E2E_ARTIFACTS names a directory that keeps
// the chat page's screenshots.
//
// To run the JavaScript tests by hand against any node:
//
//	cd e2e/js && npm ci && GAIANET_E2E_URL=http://localhost:8080 node --test *.test.mjs
//
// The package has no non-test code: it owns tests only.
//
// It imports nothing from this module.
package e2e
