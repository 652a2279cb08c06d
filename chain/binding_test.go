package chain

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// TestBindingSignature: a binding verifies only for its wallet, in its
// domain separator (chain id and escrow) and with its exact fields; the
// malleated (high-s) twin of a signature is refused.
func TestBindingSignature(t *testing.T) {
	k, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	d := EscrowDomain{ChainID: big.NewInt(1337), Escrow: common.Address{0xE5}}
	b := Binding{Domain: "d.example", User: "u_1", Wallet: crypto.PubkeyToAddress(k.PublicKey), Nonce: "bind-1", Expires: 1_800_000_000}
	sig, err := d.SignBinding(KeySigner{Key: k}, b)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.VerifyBinding(b, sig); err != nil {
		t.Fatalf("valid binding refused: %v", err)
	}
	for name, c := range map[string]struct {
		d EscrowDomain
		b Binding
	}{
		"other chain":  {EscrowDomain{ChainID: big.NewInt(1), Escrow: d.Escrow}, b},
		"other escrow": {EscrowDomain{ChainID: d.ChainID, Escrow: common.Address{0xE6}}, b},
		"other user":   {d, Binding{b.Domain, "u_2", b.Wallet, b.Nonce, b.Expires}},
		"other nonce":  {d, Binding{b.Domain, b.User, b.Wallet, "bind-2", b.Expires}},
		"other domain": {d, Binding{"e.example", b.User, b.Wallet, b.Nonce, b.Expires}},
		"later expiry": {d, Binding{b.Domain, b.User, b.Wallet, b.Nonce, b.Expires + 1}},
		"other wallet": {d, Binding{b.Domain, b.User, common.Address{1}, b.Nonce, b.Expires}},
	} {
		if err := c.d.VerifyBinding(c.b, sig); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	// s -> n - s and v flipped recovers the same key: refused as malleated.
	n := crypto.S256().Params().N
	high := append([]byte(nil), sig...)
	copy(high[32:64], common.LeftPadBytes(new(big.Int).Sub(n, new(big.Int).SetBytes(sig[32:64])).Bytes(), 32))
	high[64] ^= 1
	if err := d.VerifyBinding(b, high); err == nil {
		t.Error("high-s twin accepted")
	}
}

// FuzzVerifyBinding: any fields and signature bytes are either refused
// with an error or are the wallet's own signature; nothing panics.
func FuzzVerifyBinding(f *testing.F) {
	k, _ := crypto.HexToECDSA("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318")
	d := EscrowDomain{ChainID: big.NewInt(1337), Escrow: common.Address{0xE5}}
	b := Binding{Domain: "d", User: "u", Wallet: crypto.PubkeyToAddress(k.PublicKey), Nonce: "bind-x", Expires: 7}
	sig, _ := d.SignBinding(KeySigner{Key: k}, b)
	f.Add("d", "u", "bind-x", uint64(7), sig)
	f.Add("", "", "", uint64(0), []byte{})
	f.Fuzz(func(t *testing.T, dom, user, nonce string, exp uint64, s []byte) {
		fb := Binding{Domain: dom, User: user, Wallet: b.Wallet, Nonce: nonce, Expires: exp}
		if err := d.VerifyBinding(fb, s); err == nil {
			if fb != b {
				h := d.BindingDigest(fb)
				fixed := append([]byte(nil), s...)
				if fixed[64] >= 27 {
					fixed[64] -= 27
				}
				pub, err := crypto.SigToPub(h[:], fixed)
				if err != nil || crypto.PubkeyToAddress(*pub) != b.Wallet {
					t.Fatalf("accepted a binding the wallet did not sign: %+v", fb)
				}
			}
		}
	})
}

// TestUnbindingSignature: an unbinding verifies for its wallet only, and a
// binding's signature is not an unbinding's nor the reverse (distinct
// EIP-712 types).
func TestUnbindingSignature(t *testing.T) {
	k, _ := crypto.GenerateKey()
	d := EscrowDomain{ChainID: big.NewInt(1337), Escrow: common.Address{0xE5}}
	b := Binding{Domain: "d.example", User: "u_1", Wallet: crypto.PubkeyToAddress(k.PublicKey), Nonce: "bind-1", Expires: 1_800_000_000}
	unb, err := d.SignUnbinding(KeySigner{Key: k}, b)
	if err != nil {
		t.Fatal(err)
	}
	bnd, _ := d.SignBinding(KeySigner{Key: k}, b)
	if err := d.VerifyUnbinding(b, unb); err != nil {
		t.Fatalf("valid unbinding refused: %v", err)
	}
	if d.VerifyUnbinding(b, bnd) == nil || d.VerifyBinding(b, unb) == nil {
		t.Fatal("a binding signature counted as an unbinding or the reverse")
	}
	other := b
	other.Wallet = common.Address{1}
	if d.VerifyUnbinding(other, unb) == nil {
		t.Fatal("unbinding accepted for another wallet")
	}
}
