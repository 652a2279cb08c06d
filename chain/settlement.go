package chain

import (
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/gaianet-go/gaianet/chain/contracts"
)

// Settlement is one batch the domain settles on its escrow: the users
// charged, the node payouts, the component usage and a deadline, all in one
// asset. ID must be unique per escrow: the escrow accepts each id once, which
// is what makes a retried submission harmless.
type Settlement = contracts.EscrowSettlement

// The EIP-712 types of a settlement, as Escrow.sol declares them.
var (
	chargeType     = crypto.Keccak256Hash([]byte("Charge(address user,uint256 amount)"))
	payoutType     = crypto.Keccak256Hash([]byte("Payout(address to,uint256 amount)"))
	usageType      = crypto.Keccak256Hash([]byte("Usage(uint256 component,uint256 units)"))
	settlementType = crypto.Keccak256Hash([]byte(
		"Settlement(uint256 id,address asset,Charge[] charges,Payout[] payouts,Usage[] usage,uint256 deadline)" +
			"Charge(address user,uint256 amount)Payout(address to,uint256 amount)Usage(uint256 component,uint256 units)"))
	eip712DomainType = crypto.Keccak256Hash([]byte(
		"EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"))
)

// EscrowDomain is the EIP-712 domain of one escrow on one chain: a signature
// for one of them is worthless on any other.
type EscrowDomain struct {
	ChainID *big.Int
	Escrow  common.Address
}

// Separator is the EIP-712 domain separator.
func (d EscrowDomain) Separator() common.Hash {
	return crypto.Keccak256Hash(
		eip712DomainType[:],
		crypto.Keccak256([]byte("GaiaNetEscrow")),
		crypto.Keccak256([]byte("1")),
		word(d.ChainID),
		common.LeftPadBytes(d.Escrow[:], 32),
	)
}

// Digest is the EIP-712 hash of s in domain d: what the signer signs.
func (d EscrowDomain) Digest(s Settlement) (common.Hash, error) {
	if s.Id == nil || s.Deadline == nil {
		return common.Hash{}, errors.New("chain: settlement needs an id and a deadline")
	}
	charges := make([]byte, 0, 32*len(s.Charges))
	for _, c := range s.Charges {
		if c.Amount == nil {
			return common.Hash{}, errors.New("chain: charge without amount")
		}
		charges = append(charges, crypto.Keccak256(chargeType[:], address(c.User), word(c.Amount))...)
	}
	payouts := make([]byte, 0, 32*len(s.Payouts))
	for _, p := range s.Payouts {
		if p.Amount == nil {
			return common.Hash{}, errors.New("chain: payout without amount")
		}
		payouts = append(payouts, crypto.Keccak256(payoutType[:], address(p.To), word(p.Amount))...)
	}
	usage := make([]byte, 0, 32*len(s.Usage))
	for _, u := range s.Usage {
		if u.Component == nil || u.Units == nil {
			return common.Hash{}, errors.New("chain: usage without component or units")
		}
		usage = append(usage, crypto.Keccak256(usageType[:], word(u.Component), word(u.Units))...)
	}
	structHash := crypto.Keccak256(settlementType[:], word(s.Id), address(s.Asset),
		crypto.Keccak256(charges), crypto.Keccak256(payouts), crypto.Keccak256(usage), word(s.Deadline))
	sep := d.Separator()
	return crypto.Keccak256Hash([]byte{0x19, 0x01}, sep[:], structHash), nil
}

// Sign signs s for domain d with key, in the 65-byte r‖s‖v form (v = 27 or 28)
// the escrow's ECDSA.recover expects.
func (d EscrowDomain) Sign(key *ecdsa.PrivateKey, s Settlement) ([]byte, error) {
	h, err := d.Digest(s)
	if err != nil {
		return nil, err
	}
	sig, err := crypto.Sign(h[:], key)
	if err != nil {
		return nil, fmt.Errorf("chain: signing settlement: %w", err)
	}
	sig[64] += 27
	return sig, nil
}

// SignWith signs s for domain d with a key held by signer (a node's
// identity, say), in the form Sign returns.
func (d EscrowDomain) SignWith(signer DigestSigner, s Settlement) ([]byte, error) {
	h, err := d.Digest(s)
	if err != nil {
		return nil, err
	}
	return signDigest(signer, h)
}

// signDigest signs h with signer and returns r‖s‖v with v = 27 or 28.
func signDigest(signer DigestSigner, h common.Hash) ([]byte, error) {
	sig, err := signer.SignDigest(h[:])
	if err != nil {
		return nil, fmt.Errorf("chain: signing: %w", err)
	}
	if len(sig) != 65 {
		return nil, fmt.Errorf("chain: signer returned %d bytes, want 65", len(sig))
	}
	sig = append([]byte(nil), sig...)
	if sig[64] < 27 {
		sig[64] += 27
	}
	return sig, nil
}

// KeySigner signs digests with a private key held in memory.
type KeySigner struct{ Key *ecdsa.PrivateKey }

// SignDigest signs a 32-byte digest: r‖s‖v with v = 0 or 1.
func (k KeySigner) SignDigest(digest []byte) ([]byte, error) { return crypto.Sign(digest, k.Key) }

// word is v as a 32-byte big-endian EVM word. v must fit in 256 bits.
func word(v *big.Int) []byte { return math.U256Bytes(new(big.Int).Set(v)) }

func address(a common.Address) []byte { return common.LeftPadBytes(a[:], 32) }
