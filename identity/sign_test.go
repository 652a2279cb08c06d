package identity

import (
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
)

func testIdentity(t *testing.T) *Identity {
	t.Helper()
	key, err := crypto.HexToECDSA(testKey)
	if err != nil {
		t.Fatal(err)
	}
	return unlocked(key, "")
}

// TestSignKnownVector checks personal_sign against the signature web3.js
// documents for accounts.sign("Some data", testKey). ECDSA here is
// deterministic (RFC 6979), so the bytes must match exactly.
func TestSignKnownVector(t *testing.T) {
	id := testIdentity(t)
	sig, err := id.Sign([]byte("Some data"))
	if err != nil {
		t.Fatal(err)
	}
	const want = "0xb91467e570a6466aa9e9876cbcd013baba02900b8979d43fe208a4a4f339f5fd" +
		"6007e74cd82e037b800186422fc2da167c747ef045e5d18a5f5d4300f8e1a0291c"
	if got := FormatSignature(sig); got != want {
		t.Fatalf("signature\n got %s\nwant %s", got, want)
	}
}

func TestVerify(t *testing.T) {
	id := testIdentity(t)
	challenge := []byte("gaianet domain challenge 8f3a2c")
	sig, err := id.Sign(challenge)
	if err != nil {
		t.Fatal(err)
	}
	if sig[64] != 27 && sig[64] != 28 {
		t.Fatalf("v = %d, want 27 or 28", sig[64])
	}
	addr, err := RecoverAddress(challenge, sig)
	if err != nil || addr != testAddress {
		t.Fatalf("RecoverAddress = %s, %v", addr, err)
	}
	zeroV := append([]byte(nil), sig...)
	zeroV[64] -= 27
	// High-s twin of the same signature: valid math, rejected as malleable.
	highS := append([]byte(nil), sig...)
	s := new(big.Int).SetBytes(sig[32:64])
	new(big.Int).Sub(crypto.S256().Params().N, s).FillBytes(highS[32:64])
	highS[64] = 27 + 28 - highS[64]

	other, _ := crypto.GenerateKey()
	otherAddr := crypto.PubkeyToAddress(other.PublicKey).Hex()

	tests := []struct {
		name    string
		addr    string
		msg     []byte
		sig     []byte
		wantErr string
	}{
		{"valid", testAddress, challenge, sig, ""},
		{"lower-case address", strings.ToLower(testAddress), challenge, sig, ""},
		{"v as 0/1", testAddress, challenge, zeroV, ""},
		{"other message", testAddress, []byte("gaianet domain challenge 8f3a2d"), sig, "signed by"},
		{"other address", otherAddr, challenge, sig, "not " + otherAddr},
		{"short", testAddress, challenge, sig[:64], "64 bytes"},
		{"bad v", testAddress, challenge, append(append([]byte(nil), sig[:64]...), 30), "recovery id 30"},
		{"high s", testAddress, challenge, highS, "out of range"},
		{"zero r", testAddress, challenge, make([]byte, 65), "out of range"},
		{"bad address", "0x1234", challenge, sig, "not an Ethereum address"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Verify(tt.addr, tt.msg, tt.sig)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("Verify: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Verify error %v, want %q", err, tt.wantErr)
			}
			if tt.name != "bad address" && !errors.Is(err, ErrBadSignature) {
				t.Errorf("error does not wrap ErrBadSignature: %v", err)
			}
		})
	}
}

func TestParseSignature(t *testing.T) {
	id := testIdentity(t)
	sig, _ := id.Sign([]byte("x"))
	for _, s := range []string{FormatSignature(sig), strings.TrimPrefix(FormatSignature(sig), "0x")} {
		got, err := ParseSignature(s)
		if err != nil || string(got) != string(sig) {
			t.Fatalf("ParseSignature(%q) = %x, %v", s, got, err)
		}
	}
	for _, bad := range []string{"", "0x12", "zz" + FormatSignature(sig)[4:]} {
		if _, err := ParseSignature(bad); !errors.Is(err, ErrBadSignature) {
			t.Errorf("ParseSignature(%q) = %v", bad, err)
		}
	}
}

func FuzzRecoverAddress(f *testing.F) {
	key, _ := crypto.HexToECDSA(testKey)
	id := unlocked(key, "")
	sig, _ := id.Sign([]byte("seed"))
	f.Add([]byte("seed"), sig)
	f.Add([]byte(""), make([]byte, 65))
	f.Fuzz(func(t *testing.T, msg, sig []byte) {
		addr, err := RecoverAddress(msg, sig)
		if err != nil {
			return
		}
		if !IsAddress(addr) {
			t.Fatalf("recovered %q", addr)
		}
	})
}
