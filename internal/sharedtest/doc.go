// Package sharedtest owns the rule for tests whose prerequisites are
// missing: the project's shared test data (the shared/ folder beside the
// module root, holding llama.cpp's conformance data and GaiaNet's config
// files) and external tools used as oracles or drivers (RocksDB's ldb,
// Chromium, Node.js). Outside CI such a test skips; under CI it fails, so
// that a correctness check can never turn green by skipping.
//
// It also finds the module root (ModuleRoot) and reads gzipped test files
// (ReadGzip), so that test packages do not each carry their own copy.
//
// CI is recognised by GAIANET_TEST_REQUIRED=1 (set by .ci/run), CI=true (set
// by most CI services) or E2E_REQUIRED=1 (the older name, still honoured).
//
// It is imported by tests only.
package sharedtest
