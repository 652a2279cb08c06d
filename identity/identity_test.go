package identity

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/crypto"
)

func mode(t *testing.T, path string) os.FileMode {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.Mode().Perm()
}

func TestCreateLoad(t *testing.T) {
	dir := t.TempDir()
	id, created, err := LoadOrCreate(dir, LightScrypt())
	if err != nil {
		t.Fatal(err)
	}
	if !created {
		t.Fatal("LoadOrCreate in an empty dir did not create")
	}
	if !regexp.MustCompile(`^0x[0-9a-fA-F]{40}$`).MatchString(id.NodeID()) {
		t.Fatalf("node ID %q", id.NodeID())
	}
	if cs, _ := ChecksumAddress(strings.ToLower(id.NodeID())); cs != id.NodeID() {
		t.Fatalf("node ID %q is not EIP-55 (want %q)", id.NodeID(), cs)
	}

	nidPath := filepath.Join(dir, NodeIDFileName)
	nid, err := ReadNodeID(nidPath)
	if err != nil {
		t.Fatal(err)
	}
	if nid.Address != id.Address() || filepath.Join(dir, nid.Keystore) != id.KeystorePath() {
		t.Fatalf("nodeid.json = %+v, identity %s %s", nid, id.Address(), id.KeystorePath())
	}
	if !regexp.MustCompile(`^[A-Za-z0-9]{30}$`).MatchString(nid.Password) {
		t.Errorf("password %q is not 30 letters and digits", nid.Password)
	}
	for _, p := range []string{nidPath, id.KeystorePath()} {
		if m := mode(t, p); m != 0o600 {
			t.Errorf("%s has mode %v, want 0600", filepath.Base(p), m)
		}
	}

	// The keystore is encrypted: no form of the private key appears in it.
	ks, err := os.ReadFile(id.KeystorePath())
	if err != nil {
		t.Fatal(err)
	}
	key, err := id.key()
	if err != nil {
		t.Fatal(err)
	}
	priv := crypto.FromECDSA(key)
	for _, needle := range [][]byte{priv, []byte(hex.EncodeToString(priv)), []byte(strings.ToUpper(hex.EncodeToString(priv)))} {
		if bytes.Contains(ks, needle) {
			t.Fatal("the keystore file contains the private key in the clear")
		}
	}
	var v3 struct {
		Crypto struct {
			KDF       string         `json:"kdf"`
			KDFParams map[string]any `json:"kdfparams"`
			Cipher    string         `json:"cipher"`
		} `json:"crypto"`
		Version int `json:"version"`
	}
	if err := json.Unmarshal(ks, &v3); err != nil {
		t.Fatal(err)
	}
	if v3.Version != 3 || v3.Crypto.KDF != "scrypt" || v3.Crypto.Cipher != "aes-128-ctr" || v3.Crypto.KDFParams["n"] != float64(keystore.LightScryptN) {
		t.Errorf("keystore is not a light-scrypt v3 file: %+v", v3)
	}
	// Standard tools read it: go-ethereum's own decrypter.
	k, err := keystore.DecryptKey(ks, nid.Password)
	if err != nil {
		t.Fatalf("go-ethereum cannot read our keystore: %v", err)
	}
	if k.Address.Hex() != id.Address() {
		t.Errorf("keystore address %s, want %s", k.Address.Hex(), id.Address())
	}

	again, created, err := LoadOrCreate(dir, LightScrypt())
	if err != nil || created {
		t.Fatalf("second LoadOrCreate: created=%v err=%v", created, err)
	}
	againKey, err := again.key()
	if err != nil {
		t.Fatal(err)
	}
	if again.Address() != id.Address() || !againKey.Equal(key) {
		t.Fatal("reloaded identity differs")
	}
	if _, err := Create(dir, LightScrypt()); !errors.Is(err, ErrExists) {
		t.Fatalf("Create over an identity: %v", err)
	}
}

func TestCreateReusesGaiaNetPassword(t *testing.T) {
	dir := t.TempDir()
	// GaiaNet's installer may leave {} or a password-only nodeid.json.
	if err := os.WriteFile(filepath.Join(dir, NodeIDFileName), []byte(`{"password": "preset-pass", "note": [1]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(dir); !errors.Is(err, ErrNoIdentity) {
		t.Fatalf("Load without address: %v", err)
	}
	id, created, err := LoadOrCreate(dir, LightScrypt())
	if err != nil || !created {
		t.Fatalf("LoadOrCreate: %v %v", created, err)
	}
	data, err := os.ReadFile(filepath.Join(dir, NodeIDFileName))
	if err != nil {
		t.Fatal(err)
	}
	want := "{\n  \"address\": \"" + id.Address() + "\",\n  \"keystore\": \"" + filepath.Base(id.KeystorePath()) +
		"\",\n  \"note\": [\n    1\n  ],\n  \"password\": \"preset-pass\"\n}\n"
	if string(data) != want {
		t.Fatalf("nodeid.json =\n%s\nwant\n%s", data, want)
	}
}

// writeGaiaNetKeystore writes a keystore the way GaiaNet's registry.wasm
// does: the plaintext is the key's hex text, there is no address field, and
// nodeid.json holds the lower-case address.
func writeGaiaNetKeystore(t *testing.T, dir, hexKey, password string) string {
	t.Helper()
	cj, err := keystore.EncryptDataV3([]byte(hexKey), []byte(password), keystore.LightScryptN, keystore.LightScryptP)
	if err != nil {
		t.Fatal(err)
	}
	ks, err := json.Marshal(map[string]any{"crypto": cj, "id": "3198bc9c-6672-5ab3-d995-4942343ae5b6", "version": 3})
	if err != nil {
		t.Fatal(err)
	}
	name := "3198bc9c-6672-5ab3-d995-4942343ae5b6"
	if err := os.WriteFile(filepath.Join(dir, name), ks, 0o600); err != nil {
		t.Fatal(err)
	}
	return name
}

const (
	// A widely published test key (web3.js documentation); never fund it.
	testKey     = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"
	testAddress = "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23"
)

func TestLoadGaiaNetKeystore(t *testing.T) {
	dir := t.TempDir()
	name := writeGaiaNetKeystore(t, dir, testKey, "pw")
	nid := &NodeID{Address: strings.ToLower(testAddress), Keystore: name, Password: "pw"}
	if err := nid.Write(filepath.Join(dir, NodeIDFileName)); err != nil {
		t.Fatal(err)
	}
	id, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if id.NodeID() != testAddress {
		t.Fatalf("node ID %s, want %s", id.NodeID(), testAddress)
	}
}

func TestLoadErrors(t *testing.T) {
	// unlock marks errors that Load cannot see without decrypting the key:
	// Load succeeds and the first Unlock reports them.
	tests := []struct {
		name    string
		setup   func(t *testing.T, dir string)
		wantIs  error
		wantMsg string
		unlock  bool
	}{
		{"no nodeid.json", func(t *testing.T, dir string) {}, ErrNoIdentity, "not found", false},
		{"empty object", func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, NodeIDFileName), []byte("{\n}\n"), 0o600)
		}, ErrNoIdentity, "no address", false},
		{"not json", func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, NodeIDFileName), []byte("address=0x1"), 0o600)
		}, nil, "identity: ", false},
		{"address not hex", func(t *testing.T, dir string) {
			(&NodeID{Address: "0xnothex", Keystore: "k", Password: "p"}).Write(filepath.Join(dir, NodeIDFileName))
		}, nil, "is not an Ethereum address", false},
		{"keystore missing", func(t *testing.T, dir string) {
			(&NodeID{Address: testAddress, Keystore: "gone", Password: "p"}).Write(filepath.Join(dir, NodeIDFileName))
		}, os.ErrNotExist, "keystore", false},
		{"wrong password", func(t *testing.T, dir string) {
			name := writeGaiaNetKeystore(t, dir, testKey, "right")
			(&NodeID{Address: testAddress, Keystore: name, Password: "wrong"}).Write(filepath.Join(dir, NodeIDFileName))
		}, ErrWrongPassword, "wrong keystore password", true},
		{"address mismatch", func(t *testing.T, dir string) {
			name := writeGaiaNetKeystore(t, dir, testKey, "pw")
			(&NodeID{Address: "0x0000000000000000000000000000000000000001", Keystore: name, Password: "pw"}).Write(filepath.Join(dir, NodeIDFileName))
		}, nil, "holds the key of " + testAddress, true},
		{"address field mismatch", func(t *testing.T, dir string) {
			id, err := Import(dir, testKey, LightScrypt())
			if err != nil {
				t.Fatal(err)
			}
			(&NodeID{Address: "0x0000000000000000000000000000000000000001", Keystore: filepath.Base(id.KeystorePath()), Password: "pw"}).Write(filepath.Join(dir, NodeIDFileName))
		}, nil, "is for " + testAddress, false},
		{"no password", func(t *testing.T, dir string) {
			name := writeGaiaNetKeystore(t, dir, testKey, "pw")
			(&NodeID{Address: testAddress, Keystore: name}).Write(filepath.Join(dir, NodeIDFileName))
		}, ErrNoPassword, "holds none", true},
		{"keystore garbage", func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, "ks"), []byte(`{"version": 3, "crypto": {"cipher": "aes-128-ctr"}}`), 0o600)
			(&NodeID{Address: testAddress, Keystore: "ks", Password: "pw"}).Write(filepath.Join(dir, NodeIDFileName))
		}, nil, "identity: keystore", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			tt.setup(t, dir)
			id, err := Load(dir)
			if tt.unlock {
				if err != nil {
					t.Fatalf("Load: %v (it should not decrypt)", err)
				}
				err = id.Unlock()
				if _, serr := id.Sign([]byte("x")); serr == nil || serr.Error() != err.Error() {
					t.Errorf("Sign after a failed Unlock: %v, want %v", serr, err)
				}
			}
			if err == nil {
				t.Fatal("Load and Unlock succeeded")
			}
			if tt.wantIs != nil && !errors.Is(err, tt.wantIs) {
				t.Errorf("errors.Is(%v, %v) = false", err, tt.wantIs)
			}
			if !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("error %q lacks %q", err, tt.wantMsg)
			}
			// A load error other than "no identity" never creates a new key.
			if !errors.Is(err, ErrNoIdentity) && !tt.unlock {
				if _, created, err := LoadOrCreate(dir, LightScrypt()); created || err == nil {
					t.Errorf("LoadOrCreate replaced a broken identity: created=%v err=%v", created, err)
				}
			}
		})
	}
}

// TestLoadIsLazy: Load does not run scrypt; the first Unlock does, once, and
// concurrent first Signs share that one decryption.
func TestLoadIsLazy(t *testing.T) {
	dir := t.TempDir()
	if _, err := Import(dir, testKey, LightScrypt()); err != nil {
		t.Fatal(err)
	}
	// Light scrypt (N=4096, r=8) allocates 4 MiB per derivation: a Load
	// or a Sign that decrypts shows up in the allocation count.
	allocated := func(f func()) uint64 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		f()
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	const scryptBytes = 128 * 8 * keystore.LightScryptN
	var id *Identity
	if n := allocated(func() {
		var err error
		if id, err = Load(dir); err != nil {
			t.Fatal(err)
		}
	}); n >= scryptBytes {
		t.Fatalf("Load allocated %d bytes: it ran scrypt", n)
	}
	if id.NodeID() != testAddress {
		t.Fatalf("node ID %s before unlocking, want %s", id.NodeID(), testAddress)
	}

	var wg sync.WaitGroup
	sigs := make([][]byte, 8)
	errs := make([]error, 8)
	for i := range sigs {
		wg.Go(func() { sigs[i], errs[i] = id.Sign([]byte("challenge")) })
	}
	wg.Wait()
	for i := range sigs {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if err := Verify(testAddress, []byte("challenge"), sigs[i]); err != nil {
			t.Fatal(err)
		}
	}
	if n := allocated(func() {
		for range 4 {
			if _, err := id.Sign([]byte("again")); err != nil {
				t.Fatal(err)
			}
		}
	}); n >= scryptBytes {
		t.Fatalf("4 Signs after unlocking allocated %d bytes: the key was decrypted again", n)
	}
}

// TestPasswordOutsideBase: a password given in Options is used for the
// keystore and never written beside it.
func TestPasswordOutsideBase(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "base")
	opts := LightScrypt()
	opts.Password = "kept-elsewhere-1"
	id, created, err := LoadOrCreate(dir, opts)
	if err != nil || !created {
		t.Fatalf("created=%v err=%v", created, err)
	}
	if m := mode(t, dir); m != 0o700 {
		t.Errorf("base dir mode %v, want 0700", m)
	}
	data, err := os.ReadFile(filepath.Join(dir, NodeIDFileName))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte(opts.Password)) {
		t.Fatalf("nodeid.json holds the password: %s", data)
	}
	// Without the password the node ID is known; the key is not.
	locked, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if locked.NodeID() != id.NodeID() || locked.HasPassword() {
		t.Fatalf("locked identity: %s, HasPassword %v", locked.NodeID(), locked.HasPassword())
	}
	if err := locked.Unlock(); !errors.Is(err, ErrNoPassword) {
		t.Fatalf("Unlock without the password: %v, want ErrNoPassword", err)
	}
	again, err := LoadWith(dir, Options{Password: opts.Password})
	if err != nil {
		t.Fatal(err)
	}
	sig, err := again.Sign([]byte("m"))
	if err != nil {
		t.Fatal(err)
	}
	if err := Verify(id.NodeID(), []byte("m"), sig); err != nil {
		t.Fatal(err)
	}
	wrong, err := LoadWith(dir, Options{Password: "not-it"})
	if err != nil {
		t.Fatal(err)
	}
	if err := wrong.Unlock(); !errors.Is(err, ErrWrongPassword) {
		t.Fatalf("Unlock with a wrong password: %v", err)
	}

	// GaiaNet's layout (password in nodeid.json) still loads, with or
	// without the same password given; a different one is refused.
	gdir := t.TempDir()
	name := writeGaiaNetKeystore(t, gdir, testKey, "pw")
	(&NodeID{Address: testAddress, Keystore: name, Password: "pw"}).Write(filepath.Join(gdir, NodeIDFileName))
	for _, pw := range []string{"", "pw"} {
		g, err := LoadWith(gdir, Options{Password: pw})
		if err != nil {
			t.Fatal(err)
		}
		if err := g.Unlock(); err != nil {
			t.Fatalf("password %q: %v", pw, err)
		}
	}
	if _, err := LoadWith(gdir, Options{Password: "other"}); !errors.Is(err, ErrPasswordConflict) {
		t.Fatalf("a second, different password: %v, want ErrPasswordConflict", err)
	}
}

func TestImport(t *testing.T) {
	dir := t.TempDir()
	id, err := Import(dir, "0x"+testKey, LightScrypt())
	if err != nil {
		t.Fatal(err)
	}
	if id.NodeID() != testAddress {
		t.Fatalf("imported %s, want %s", id.NodeID(), testAddress)
	}
	if _, err := Import(t.TempDir(), "abc", LightScrypt()); err == nil {
		t.Fatal("Import accepted a short key")
	}
}

func TestDeviceID(t *testing.T) {
	dir := t.TempDir()
	id, created, err := LoadOrCreateDeviceID(dir)
	if err != nil || !created {
		t.Fatalf("created=%v err=%v", created, err)
	}
	if !regexp.MustCompile(`^device-[0-9a-f]{24}$`).MatchString(id) {
		t.Fatalf("device ID %q", id)
	}
	data, _ := os.ReadFile(filepath.Join(dir, DeviceIDFileName))
	if string(data) != id+"\n" {
		t.Fatalf("deviceid.txt = %q", data)
	}
	again, created, err := LoadOrCreateDeviceID(dir)
	if err != nil || created || again != id {
		t.Fatalf("second call: %q created=%v err=%v", again, created, err)
	}
	other, _ := NewDeviceID()
	if other == id {
		t.Fatal("two device IDs are equal")
	}

	// A blank file is regenerated; a GaiaNet value is kept as is.
	os.WriteFile(filepath.Join(dir, DeviceIDFileName), []byte("  \n"), 0o644)
	if fresh, created, _ := LoadOrCreateDeviceID(dir); !created || fresh == "" {
		t.Fatalf("blank deviceid.txt not regenerated: %q", fresh)
	}
	os.WriteFile(filepath.Join(dir, DeviceIDFileName), []byte("device-0123456789abcdef01234567\n"), 0o644)
	if kept, created, _ := LoadOrCreateDeviceID(dir); created || kept != "device-0123456789abcdef01234567" {
		t.Fatalf("existing device ID not kept: %q", kept)
	}
}

func TestNewPassword(t *testing.T) {
	seen := map[string]bool{}
	for range 20 {
		p, err := NewPassword()
		if err != nil {
			t.Fatal(err)
		}
		if len(p) != 30 || !strings.ContainsAny(p, "0123456789") || strings.ToLower(p) == p || strings.ToUpper(p) == p {
			t.Fatalf("weak password %q", p)
		}
		if seen[p] {
			t.Fatal("repeated password")
		}
		seen[p] = true
	}
}

// FuzzParseKeystore feeds hostile keystore files to the decrypter: it must
// return errors, never panic or allocate without bound.
func FuzzParseKeystore(f *testing.F) {
	cj, err := keystore.EncryptDataV3([]byte(testKey), []byte("pw"), 4, 1)
	if err != nil {
		f.Fatal(err)
	}
	seed, _ := json.Marshal(map[string]any{"crypto": cj, "id": "3198bc9c-6672-5ab3-d995-4942343ae5b6", "version": 3})
	f.Add(seed, "pw")
	f.Add([]byte(`{"version":3,"crypto":{"cipher":"aes-128-ctr","kdf":"pbkdf2","kdfparams":{"c":1,"dklen":32,"prf":"hmac-sha256","salt":""},"cipherparams":{"iv":"00000000000000000000000000000000"}}}`), "")
	f.Add([]byte(`{"version":3,"crypto":{"cipher":"aes-128-ctr","kdf":"scrypt","kdfparams":{"n":"x"}}}`), "")
	f.Fuzz(func(t *testing.T, data []byte, password string) {
		key, err := parseKeystore(data, password)
		if err == nil && key == nil {
			t.Fatal("nil key without error")
		}
	})
}
