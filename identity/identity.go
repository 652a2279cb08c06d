package identity

import (
	"crypto/ecdsa"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/gaianet-go/gaianet/internal/atomicfile"
	"github.com/google/uuid"
)

// File names in the node's base directory, as GaiaNet names them.
const (
	NodeIDFileName   = "nodeid.json"
	DeviceIDFileName = "deviceid.txt"
)

var (
	// ErrNoIdentity means the base directory has no node identity yet:
	// nodeid.json is missing or names no address and keystore.
	ErrNoIdentity = errors.New("identity: no node identity")
	// ErrExists means Create found an identity already in place.
	ErrExists = errors.New("identity: node identity already exists")
	// ErrWrongPassword means the keystore did not decrypt with its password.
	ErrWrongPassword = errors.New("identity: wrong keystore password")
	// ErrNoPassword means no keystore password is available: nodeid.json
	// holds none and Options.Password is empty.
	ErrNoPassword = errors.New("identity: no keystore password")
	// ErrPasswordConflict means Options.Password and nodeid.json hold two
	// different passwords, so which one encrypts the keystore is unknown.
	ErrPasswordConflict = errors.New("identity: two different keystore passwords")
)

// maxKeystoreBytes bounds a keystore file; real ones are under 1 KiB.
const maxKeystoreBytes = 64 << 10

// Options tune key encryption and say where the keystore password comes
// from. The zero value selects go-ethereum's standard scrypt parameters
// (N=2^18, p=1: ~256 MiB, ~1 s) and the password in nodeid.json.
type Options struct {
	// ScryptN is scrypt's CPU/memory cost; 0 means standard.
	ScryptN int
	// ScryptP is scrypt's parallelism; 0 means standard.
	ScryptP int
	// Password, when not empty, is the keystore password, kept outside
	// the base directory by the caller (an environment variable, a file).
	// Create then encrypts with it and leaves nodeid.json without a
	// password; Load uses it, and refuses with ErrPasswordConflict a
	// nodeid.json that holds a different one.
	Password string
}

// LightScrypt returns Options with go-ethereum's light scrypt parameters
// (N=2^12, p=6: ~4 MiB). Use them in tests only.
func LightScrypt() Options {
	return Options{ScryptN: keystore.LightScryptN, ScryptP: keystore.LightScryptP}
}

func (o Options) params() (n, p int) {
	n, p = o.ScryptN, o.ScryptP
	if n == 0 {
		n = keystore.StandardScryptN
	}
	if p == 0 {
		p = keystore.StandardScryptP
	}
	return n, p
}

// Identity is a node's key. Load does not decrypt the keystore (scrypt costs
// about a second and 256 MiB with the standard parameters, and most runs of
// a node never sign): the key is decrypted once, on the first Sign or
// Unlock, and kept. An Identity is safe for concurrent use: concurrent first
// calls share one decryption and its result, error included. The private
// key never leaves the value except through Sign.
type Identity struct {
	address     common.Address
	keystore    string
	hasPassword bool
	// key decrypts the keystore on its first call and returns the same
	// key or error on every call.
	key func() (*ecdsa.PrivateKey, error)
}

// HasPassword reports whether a keystore password is available (given in
// Options or held by nodeid.json), without checking it: without one, Unlock
// and Sign fail with ErrNoPassword.
func (id *Identity) HasPassword() bool { return id.hasPassword }

// Unlock decrypts the keystore now, if that has not happened yet, and
// reports whether the key is usable: ErrWrongPassword, or a mismatch with
// the address nodeid.json records. Sign unlocks by itself; Unlock lets a
// caller check the password at a time of its choosing.
func (id *Identity) Unlock() error {
	_, err := id.key()
	return err
}

// Address returns the node's Ethereum address in EIP-55 checksummed form,
// e.g. "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed".
func (id *Identity) Address() string { return id.address.Hex() }

// NodeID returns the node ID: the EIP-55 address, as GaiaNet uses it for
// the node's subdomain and in config.json's "address".
func (id *Identity) NodeID() string { return id.address.Hex() }

// KeystorePath returns the path of the keystore file the key came from.
func (id *Identity) KeystorePath() string { return id.keystore }

// Load reads nodeid.json in dir and the keystore it names (a relative name
// is resolved against dir) and returns the identity without decrypting the
// key (see Identity). It checks what it can without the key: that
// nodeid.json names an address and a keystore, that the keystore is a
// well-formed v3 file with bounded parameters, and that the keystore's own
// address, when it records one, matches nodeid.json. It returns an error
// wrapping ErrNoIdentity when there is no identity yet. A missing or wrong
// password, or a key that is not nodeid.json's address, is reported by the
// first Unlock or Sign (HasPassword tells the first case beforehand).
func Load(dir string) (*Identity, error) { return LoadWith(dir, Options{}) }

// LoadWith is Load with the password of opts.Password when it is set (the
// scrypt parameters of opts are not used).
func LoadWith(dir string, opts Options) (*Identity, error) {
	nidPath := filepath.Join(dir, NodeIDFileName)
	nid, err := ReadNodeID(nidPath)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w: %s not found", ErrNoIdentity, nidPath)
	}
	if err != nil {
		return nil, err
	}
	if nid.Address == "" || nid.Keystore == "" {
		return nil, fmt.Errorf("%w: %s has no address or keystore", ErrNoIdentity, nidPath)
	}
	if !IsAddress(nid.Address) {
		return nil, fmt.Errorf("identity: %s: address %q is not an Ethereum address", NodeIDFileName, nid.Address)
	}
	password := nid.Password
	switch {
	case opts.Password != "" && nid.Password != "" && opts.Password != nid.Password:
		return nil, fmt.Errorf("%w: %s holds one and another was given; remove the password from %s or give that one",
			ErrPasswordConflict, nidPath, NodeIDFileName)
	case opts.Password != "":
		password = opts.Password
	}
	ksPath := nid.Keystore
	if !filepath.IsAbs(ksPath) {
		ksPath = filepath.Join(dir, ksPath)
	}
	kf, err := readKeystore(ksPath)
	if err != nil {
		return nil, err
	}
	want := common.HexToAddress(nid.Address)
	if kf.Address != "" && common.HexToAddress(kf.Address) != want {
		return nil, fmt.Errorf("identity: %s says address %s but keystore %s is for %s",
			NodeIDFileName, nid.Address, ksPath, common.HexToAddress(kf.Address).Hex())
	}
	id := &Identity{address: want, keystore: ksPath, hasPassword: password != ""}
	id.key = sync.OnceValues(func() (*ecdsa.PrivateKey, error) {
		if password == "" {
			return nil, fmt.Errorf("%w: %s holds none and none was given", ErrNoPassword, nidPath)
		}
		key, err := kf.decrypt(password)
		if errors.Is(err, ErrWrongPassword) {
			return nil, fmt.Errorf("%w for %s", ErrWrongPassword, ksPath)
		}
		if err != nil {
			return nil, fmt.Errorf("identity: keystore %s: %w", ksPath, err)
		}
		if addr := crypto.PubkeyToAddress(key.PublicKey); addr != want {
			return nil, fmt.Errorf("identity: %s says address %s but keystore %s holds the key of %s",
				NodeIDFileName, nid.Address, ksPath, addr.Hex())
		}
		return key, nil
	})
	return id, nil
}

// unlocked returns an Identity holding key, already decrypted.
func unlocked(key *ecdsa.PrivateKey, ksPath string) *Identity {
	return &Identity{
		address:     crypto.PubkeyToAddress(key.PublicKey),
		keystore:    ksPath,
		hasPassword: true,
		key:         func() (*ecdsa.PrivateKey, error) { return key, nil },
	}
}

// Create makes a new random key in dir: it writes the encrypted keystore
// (mode 0600) and then nodeid.json (mode 0600) naming it. The password is
// opts.Password when set (nodeid.json then holds none), else one that an
// existing nodeid.json already holds, else a new one written to
// nodeid.json, as GaiaNet does. It fails with ErrExists if nodeid.json
// already names an address. dir is created (mode 0700) if missing.
func Create(dir string, opts Options) (*Identity, error) {
	key, err := crypto.GenerateKey()
	if err != nil {
		return nil, fmt.Errorf("identity: generate key: %w", err)
	}
	return create(dir, key, opts)
}

// Import is Create with a given private key (64 hex digits, optional 0x),
// like GaiaNet's `registry.wasm --privateKey`.
func Import(dir, privateKeyHex string, opts Options) (*Identity, error) {
	key, err := crypto.HexToECDSA(strings.TrimPrefix(strings.TrimSpace(privateKeyHex), "0x"))
	if err != nil {
		return nil, fmt.Errorf("identity: private key: %w", err)
	}
	return create(dir, key, opts)
}

// LoadOrCreate loads the identity in dir (as LoadWith), or creates one if
// there is none (ErrNoIdentity). created tells which happened. Any other
// load error is returned as is: it never replaces a key.
func LoadOrCreate(dir string, opts Options) (id *Identity, created bool, err error) {
	id, err = LoadWith(dir, opts)
	if err == nil {
		return id, false, nil
	}
	if !errors.Is(err, ErrNoIdentity) {
		return nil, false, err
	}
	id, err = Create(dir, opts)
	if err != nil {
		return nil, false, err
	}
	return id, true, nil
}

func create(dir string, key *ecdsa.PrivateKey, opts Options) (*Identity, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("identity: %w", err)
	}
	nidPath := filepath.Join(dir, NodeIDFileName)
	nid, err := ReadNodeID(nidPath)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		nid = &NodeID{}
	case err != nil:
		return nil, err
	case nid.Address != "":
		return nil, fmt.Errorf("%w: %s names %s", ErrExists, nidPath, nid.Address)
	}
	password := opts.Password
	if password != "" {
		// The password lives outside the base directory: do not leave a
		// copy (or GaiaNet's preset one) beside the keystore.
		nid.Password = ""
	} else {
		if nid.Password == "" {
			if nid.Password, err = NewPassword(); err != nil {
				return nil, err
			}
		}
		password = nid.Password
	}
	addr := crypto.PubkeyToAddress(key.PublicKey)
	ks := &keystore.Key{Id: uuid.New(), Address: addr, PrivateKey: key}
	n, p := opts.params()
	data, err := keystore.EncryptKey(ks, password, n, p)
	if err != nil {
		return nil, fmt.Errorf("identity: encrypt key: %w", err)
	}
	name := ks.Id.String()
	ksPath := filepath.Join(dir, name)
	if err := writeFileAtomic(ksPath, data, 0o600); err != nil {
		return nil, err
	}
	nid.Address = addr.Hex()
	nid.Keystore = name
	if err := nid.Write(nidPath); err != nil {
		os.Remove(ksPath)
		return nil, err
	}
	return unlocked(key, ksPath), nil
}

// keystoreFile is a v3 keystore whose parameters have been checked.
type keystoreFile struct {
	Address string              `json:"address"`
	Crypto  keystore.CryptoJSON `json:"crypto"`
	Version int                 `json:"version"`
}

// readKeystore reads and checks a v3 keystore without decrypting it.
func readKeystore(path string) (*keystoreFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("identity: keystore: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxKeystoreBytes+1))
	if err != nil {
		return nil, fmt.Errorf("identity: keystore %s: %w", path, err)
	}
	if len(data) > maxKeystoreBytes {
		return nil, fmt.Errorf("identity: keystore %s: larger than %d bytes", path, maxKeystoreBytes)
	}
	kf, err := decodeKeystore(data)
	if err != nil {
		return nil, fmt.Errorf("identity: keystore %s: %w", path, err)
	}
	return kf, nil
}

// parseKeystore decrypts a v3 keystore held in memory.
func parseKeystore(data []byte, password string) (*ecdsa.PrivateKey, error) {
	kf, err := decodeKeystore(data)
	if err != nil {
		return nil, err
	}
	return kf.decrypt(password)
}

// decodeKeystore parses a v3 keystore and checks its encryption parameters:
// go-ethereum's decrypter panics on missing or mistyped ones, and unbounded
// scrypt costs would let a file exhaust memory.
func decodeKeystore(data []byte) (*keystoreFile, error) {
	var kf keystoreFile
	if err := json.Unmarshal(data, &kf); err != nil {
		return nil, err
	}
	if kf.Version != 3 {
		return nil, fmt.Errorf("version %d, want 3", kf.Version)
	}
	if err := checkCrypto(&kf.Crypto); err != nil {
		return nil, err
	}
	if kf.Address != "" && !common.IsHexAddress(kf.Address) {
		return nil, fmt.Errorf("address field %q is not an Ethereum address", kf.Address)
	}
	return &kf, nil
}

// decrypt returns the key. The plaintext may be the 32 key bytes
// (go-ethereum, geth, ethers) or their 64 ASCII hex digits (GaiaNet's
// registry.wasm).
func (kf *keystoreFile) decrypt(password string) (*ecdsa.PrivateKey, error) {
	plain, err := keystore.DecryptDataV3(kf.Crypto, password)
	if errors.Is(err, keystore.ErrDecrypt) {
		return nil, ErrWrongPassword
	}
	if err != nil {
		return nil, err
	}
	if len(plain) == 64 || (len(plain) == 66 && string(plain[:2]) == "0x") {
		raw, herr := hex.DecodeString(strings.TrimPrefix(string(plain), "0x"))
		if herr == nil {
			plain = raw
		}
	}
	key, err := crypto.ToECDSA(plain)
	if err != nil {
		return nil, err
	}
	if kf.Address != "" && common.HexToAddress(kf.Address) != crypto.PubkeyToAddress(key.PublicKey) {
		return nil, errors.New("its address field does not match its key")
	}
	return key, nil
}

// Bounds on keystore parameters: generous next to go-ethereum's standard
// (scrypt N=2^18, r=8, p=1; pbkdf2 c=262144).
const (
	maxScryptN    = 1 << 20
	maxScryptR    = 32
	maxScryptP    = 16
	maxPBKDF2Iter = 10_000_000
)

func checkCrypto(c *keystore.CryptoJSON) error {
	if c.Cipher != "aes-128-ctr" {
		return fmt.Errorf("cipher %q not supported", c.Cipher)
	}
	if iv, err := hex.DecodeString(c.CipherParams.IV); err != nil || len(iv) != 16 {
		return errors.New("cipher IV must be 16 hex-encoded bytes")
	}
	num := func(name string, lo, hi float64) error {
		v, ok := c.KDFParams[name].(float64)
		if !ok || v < lo || v > hi || v != float64(int64(v)) {
			return fmt.Errorf("kdf parameter %q must be an integer in [%v, %v]", name, lo, hi)
		}
		return nil
	}
	if _, ok := c.KDFParams["salt"].(string); !ok {
		return errors.New("kdf parameter \"salt\" must be a string")
	}
	if err := num("dklen", 32, 32); err != nil {
		return err
	}
	switch c.KDF {
	case "scrypt":
		for _, p := range []struct {
			name   string
			lo, hi float64
		}{{"n", 2, maxScryptN}, {"r", 1, maxScryptR}, {"p", 1, maxScryptP}} {
			if err := num(p.name, p.lo, p.hi); err != nil {
				return err
			}
		}
	case "pbkdf2":
		if err := num("c", 1, maxPBKDF2Iter); err != nil {
			return err
		}
		if prf, _ := c.KDFParams["prf"].(string); prf != "hmac-sha256" {
			return fmt.Errorf("pbkdf2 prf %q not supported", prf)
		}
	default:
		return fmt.Errorf("kdf %q not supported", c.KDF)
	}
	return nil
}

// writeFileAtomic writes data to path with mode perm, all at once.
func writeFileAtomic(path string, data []byte, perm fs.FileMode) error {
	if err := atomicfile.WriteFile(path, data, perm); err != nil {
		return fmt.Errorf("identity: %w", err)
	}
	return nil
}

// ChecksumAddress returns addr (any case, with 0x) in EIP-55 form, or an
// error if it is not a 20-byte hex address.
func ChecksumAddress(addr string) (string, error) {
	if !IsAddress(addr) {
		return "", fmt.Errorf("identity: %q is not an Ethereum address", addr)
	}
	return common.HexToAddress(addr).Hex(), nil
}
