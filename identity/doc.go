// Package identity owns the node's identity: its Ethereum key, the files
// that hold it, the node ID derived from it, the device ID, and signatures
// made with it.
//
// The files live in the node's base directory, in GaiaNet's layout, so a
// node created by GaiaNet can be run by us and the other way round:
//
//	nodeid.json   {"address": "0x…", "keystore": "<file name>", "password": "<30 chars>"}
//	<keystore>    a Web3 Secret Storage v3 file (scrypt + aes-128-ctr), mode 0600
//	deviceid.txt  "device-" + 24 hex digits, one line
//
// nodeid.json is what GaiaNet's registry.wasm writes at `gaianet init`:
// the three keys above, sorted, with two spaces of indentation. Its password
// encrypts the keystore; anyone who can read nodeid.json can read the key, so
// both files are written with mode 0600 (and a directory Create makes, 0700).
// GaiaNet downloads an empty "{}" as the starting nodeid.json; a password
// already present there is reused. For owners who want the password away
// from the key, Options.Password supplies it from elsewhere (the command
// line reads it from an environment variable or a file): nodeid.json then
// holds no password.
//
// The keystore is written by go-ethereum's keystore package (the standard
// format geth, MetaMask and ethers read: 32 key bytes, an "address" field).
// GaiaNet's registry.wasm instead encrypts the key as 64 ASCII hex digits;
// Load reads both. The file is named by the key's UUID, as GaiaNet names it.
//
// The node ID is the key's address in EIP-55 checksummed form. Sign and
// Verify implement EIP-191 personal_sign: the domain sends a challenge, the
// node signs it, and Verify recovers the signer's address from the
// signature.
//
// Scrypt with the standard parameters costs about a second and 256 MiB per
// Create, and per first Sign or Unlock of a loaded identity: Load only reads
// and checks the files, so a node starts without paying for a key it may
// never use. Tests pass LightScrypt.
//
// It imports only internal/atomicfile from this module.
package identity
