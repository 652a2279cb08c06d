package identity

import (
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// SignatureLen is the length of a personal_sign signature: r (32 bytes),
// s (32 bytes), v (1 byte, 27 or 28).
const SignatureLen = 65

// ErrBadSignature means a signature is malformed or was not made by the
// expected address.
var ErrBadSignature = errors.New("identity: bad signature")

// Sign signs message as EIP-191 personal_sign does (eth_sign with the
// "\x19Ethereum Signed Message:\n<len>" prefix, keccak-256) and returns the
// 65-byte signature r‖s‖v with v = 27 or 28, the form wallets and ethers'
// verifyMessage use. The caller owns the returned slice. The first Sign
// decrypts the keystore (see Identity) and fails as Unlock does.
func (id *Identity) Sign(message []byte) ([]byte, error) {
	key, err := id.key()
	if err != nil {
		return nil, err
	}
	sig, err := crypto.Sign(accounts.TextHash(message), key)
	if err != nil {
		return nil, fmt.Errorf("identity: sign: %w", err)
	}
	sig[64] += 27
	return sig, nil
}

var secp256k1HalfN = new(big.Int).Rsh(crypto.S256().Params().N, 1)

// RecoverAddress returns the EIP-55 address whose key made sig, a
// personal_sign signature over message. v may be 27/28 or 0/1. It rejects
// malformed and malleable (high-s) signatures with ErrBadSignature.
func RecoverAddress(message, sig []byte) (string, error) {
	if len(sig) != SignatureLen {
		return "", fmt.Errorf("%w: %d bytes, want %d", ErrBadSignature, len(sig), SignatureLen)
	}
	s := make([]byte, SignatureLen)
	copy(s, sig)
	if s[64] >= 27 {
		s[64] -= 27
	}
	if s[64] > 1 {
		return "", fmt.Errorf("%w: recovery id %d", ErrBadSignature, sig[64])
	}
	r, sv := new(big.Int).SetBytes(s[:32]), new(big.Int).SetBytes(s[32:64])
	if !crypto.ValidateSignatureValues(s[64], r, sv, true) || sv.Cmp(secp256k1HalfN) > 0 {
		return "", fmt.Errorf("%w: r or s out of range", ErrBadSignature)
	}
	pub, err := crypto.SigToPub(accounts.TextHash(message), s)
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrBadSignature, err)
	}
	return crypto.PubkeyToAddress(*pub).Hex(), nil
}

// Verify checks that sig is address's personal_sign signature over message.
// address may be in any letter case. It returns nil or an error wrapping
// ErrBadSignature that names both addresses.
func Verify(address string, message, sig []byte) error {
	want, err := ChecksumAddress(address)
	if err != nil {
		return err
	}
	got, err := RecoverAddress(message, sig)
	if err != nil {
		return err
	}
	if got != want {
		return fmt.Errorf("%w: signed by %s, not %s", ErrBadSignature, got, want)
	}
	return nil
}

// FormatSignature renders sig as "0x" and lower-case hex, as JSON-RPC does.
func FormatSignature(sig []byte) string { return "0x" + hex.EncodeToString(sig) }

// ParseSignature decodes a hex signature with or without "0x".
func ParseSignature(s string) ([]byte, error) {
	b, err := hex.DecodeString(strings.TrimPrefix(strings.TrimSpace(s), "0x"))
	if err != nil || len(b) != SignatureLen {
		return nil, fmt.Errorf("%w: want %d hex-encoded bytes", ErrBadSignature, SignatureLen)
	}
	return b, nil
}

// IsAddress reports whether s is a 0x-prefixed 20-byte hex address, in any
// letter case.
func IsAddress(s string) bool {
	return (strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X")) && common.IsHexAddress(s)
}
