// build.js compiles src/ with the pinned solc (package.json) and writes
// build/combined.json: each deployable contract's ABI, creation and runtime
// bytecode and method identifiers, in the layout go-ethereum's abigen reads
// (--combined-json). Run `npm ci && node build.js`; the output is
// deterministic, so CI rebuilds it and fails if it differs from the commit.
"use strict";
const fs = require("fs");
const path = require("path");
const solc = require("solc");

// The contracts the Go side deploys and binds; libraries and interfaces from
// OpenZeppelin are compiled in but not exported.
const EXPORT = [
  "Escrow", "GaiaToken", "GaiaGovernor", "GaiaTimelock", "Staking",
  "PriceFeed", "Marketplace", "TestStablecoin", "ReentrantToken",
];

function sources(dir, prefix) {
  const out = {};
  for (const name of fs.readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (fs.statSync(full).isDirectory()) {
      Object.assign(out, sources(full, prefix + name + "/"));
    } else if (name.endsWith(".sol")) {
      out[prefix + name] = { content: fs.readFileSync(full, "utf8") };
    }
  }
  return out;
}

function findImport(p) {
  const full = path.join(__dirname, "node_modules", p);
  if (!p.startsWith("@openzeppelin/contracts/") || !fs.existsSync(full)) {
    return { error: "import not found: " + p };
  }
  return { contents: fs.readFileSync(full, "utf8") };
}

const input = {
  language: "Solidity",
  sources: sources(path.join(__dirname, "src"), "src/"),
  settings: {
    optimizer: { enabled: true, runs: 200 },
    evmVersion: "cancun",
    metadata: { bytecodeHash: "none" },
    outputSelection: { "*": { "*": ["abi", "evm.bytecode.object", "evm.deployedBytecode.object", "evm.methodIdentifiers"] } },
  },
};

const out = JSON.parse(solc.compile(JSON.stringify(input), { import: findImport }));
const errors = (out.errors || []).filter((e) => e.severity === "error");
for (const e of out.errors || []) process.stderr.write(e.formattedMessage + "\n");
if (errors.length > 0) process.exit(1);

const contracts = {};
for (const [file, byName] of Object.entries(out.contracts)) {
  for (const [name, c] of Object.entries(byName)) {
    if (!EXPORT.includes(name) || !file.startsWith("src/")) continue;
    contracts[file + ":" + name] = {
      abi: c.abi,
      bin: c.evm.bytecode.object,
      "bin-runtime": c.evm.deployedBytecode.object,
      hashes: c.evm.methodIdentifiers,
    };
  }
}
const missing = EXPORT.filter((n) => !Object.keys(contracts).some((k) => k.endsWith(":" + n)));
if (missing.length > 0) {
  process.stderr.write("missing contracts: " + missing.join(", ") + "\n");
  process.exit(1);
}
const sorted = {};
for (const k of Object.keys(contracts).sort()) sorted[k] = contracts[k];
fs.mkdirSync(path.join(__dirname, "build"), { recursive: true });
fs.writeFileSync(
  path.join(__dirname, "build", "combined.json"),
  JSON.stringify({ contracts: sorted, version: solc.version() }, null, 1) + "\n",
);
process.stdout.write("compiled " + Object.keys(sorted).length + " contracts with solc " + solc.version() + "\n");
