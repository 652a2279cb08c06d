package identity

import (
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/crypto"
)

// SignDigest signs a 32-byte digest as it is, with no prefix: the form
// Ethereum transactions and EIP-712 messages take, whose hashing already
// binds the chain and the purpose. The caller computes the digest and is
// responsible for what it commits the key to. It returns r‖s‖v with v = 0
// or 1, go-ethereum's form (types.Transaction.WithSignature); the caller owns
// the slice. The first call decrypts the keystore, as Sign does.
func (id *Identity) SignDigest(digest []byte) ([]byte, error) {
	if len(digest) != 32 {
		return nil, errors.New("identity: digest must be 32 bytes")
	}
	key, err := id.key()
	if err != nil {
		return nil, err
	}
	sig, err := crypto.Sign(digest, key)
	if err != nil {
		return nil, fmt.Errorf("identity: sign digest: %w", err)
	}
	return sig, nil
}
