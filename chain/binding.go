package chain

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// Binding is what a wallet signs to bind itself to one user of one domain,
// so that its deposits on the domain's escrow credit that user (EIP-712).
// Nonce is one the domain issued and consumes on use, Expires (unix
// seconds) bounds the signature's life, and the domain separator names the
// chain and the escrow: a binding cannot be replayed, nor used on another
// domain, chain or escrow, nor for another user.
type Binding struct {
	Domain  string         `json:"domain"`
	User    string         `json:"user"`
	Wallet  common.Address `json:"wallet"`
	Nonce   string         `json:"nonce"`
	Expires uint64         `json:"expires"`
}

var (
	bindingType = crypto.Keccak256Hash([]byte(
		"Binding(string domain,string user,address wallet,string nonce,uint256 expires)"))
	// unbindingType is what a wallet signs to end its binding: the same
	// fields under another type, so neither signature counts as the other.
	unbindingType = crypto.Keccak256Hash([]byte(
		"Unbinding(string domain,string user,address wallet,string nonce,uint256 expires)"))
	bindingDomainName = crypto.Keccak256([]byte("GaiaNetDomain"))
)

// BindingSeparator is the EIP-712 domain separator of bindings to the
// domain whose escrow is d.Escrow on chain d.ChainID.
func (d EscrowDomain) BindingSeparator() common.Hash {
	return crypto.Keccak256Hash(eip712DomainType[:], bindingDomainName, crypto.Keccak256([]byte("1")),
		word(d.ChainID), common.LeftPadBytes(d.Escrow[:], 32))
}

// BindingDigest is the EIP-712 hash a wallet signs for b.
func (d EscrowDomain) BindingDigest(b Binding) common.Hash { return d.typedDigest(bindingType, b) }

// UnbindingDigest is the EIP-712 hash a wallet signs to end binding b.
func (d EscrowDomain) UnbindingDigest(b Binding) common.Hash { return d.typedDigest(unbindingType, b) }

func (d EscrowDomain) typedDigest(typ common.Hash, b Binding) common.Hash {
	structHash := crypto.Keccak256(typ[:], crypto.Keccak256([]byte(b.Domain)), crypto.Keccak256([]byte(b.User)),
		address(b.Wallet), crypto.Keccak256([]byte(b.Nonce)), word(new(big.Int).SetUint64(b.Expires)))
	sep := d.BindingSeparator()
	return crypto.Keccak256Hash([]byte{0x19, 0x01}, sep[:], structHash)
}

// SignBinding signs b with the wallet's key (held by signer).
func (d EscrowDomain) SignBinding(signer DigestSigner, b Binding) ([]byte, error) {
	return signDigest(signer, d.BindingDigest(b))
}

// SignUnbinding signs the end of binding b with the wallet's key.
func (d EscrowDomain) SignUnbinding(signer DigestSigner, b Binding) ([]byte, error) {
	return signDigest(signer, d.UnbindingDigest(b))
}

// ErrBadBinding means a binding's signature is not its wallet's.
var ErrBadBinding = errors.New("chain: the binding is not signed by its wallet")

// VerifyBinding checks that sig (65 bytes, v = 27/28 or 0/1) over b is
// b.Wallet's. Only low-s signatures are accepted (no malleated copies).
func (d EscrowDomain) VerifyBinding(b Binding, sig []byte) error {
	return verifyWallet(d.BindingDigest(b), b.Wallet, sig)
}

// VerifyUnbinding checks that sig over the end of binding b is b.Wallet's.
func (d EscrowDomain) VerifyUnbinding(b Binding, sig []byte) error {
	return verifyWallet(d.UnbindingDigest(b), b.Wallet, sig)
}

func verifyWallet(h common.Hash, wallet common.Address, sig []byte) error {
	if len(sig) != 65 {
		return fmt.Errorf("%w: a signature is 65 bytes, got %d", ErrBadBinding, len(sig))
	}
	s := append([]byte(nil), sig...)
	if s[64] >= 27 {
		s[64] -= 27
	}
	if s[64] > 1 || !crypto.ValidateSignatureValues(s[64], new(big.Int).SetBytes(s[:32]), new(big.Int).SetBytes(s[32:64]), true) {
		return fmt.Errorf("%w: malformed signature", ErrBadBinding)
	}
	pub, err := crypto.SigToPub(h[:], s)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrBadBinding, err)
	}
	if got := crypto.PubkeyToAddress(*pub); got != wallet {
		return fmt.Errorf("%w: signed by %s, not %s", ErrBadBinding, got, wallet)
	}
	return nil
}
