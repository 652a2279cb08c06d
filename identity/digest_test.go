package identity

import (
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// TestSignDigest: the signature recovers to the identity's address over the
// very digest given, and anything but 32 bytes is refused.
func TestSignDigest(t *testing.T) {
	id := testIdentity(t)
	digest := crypto.Keccak256([]byte("transaction"))
	sig, err := id.SignDigest(digest)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := crypto.SigToPub(digest, sig)
	if err != nil {
		t.Fatal(err)
	}
	if got := crypto.PubkeyToAddress(*pub); got != common.HexToAddress(id.Address()) {
		t.Fatalf("recovered %s, want %s", got, id.Address())
	}
	if _, err := id.SignDigest(digest[:31]); err == nil {
		t.Fatal("31-byte digest accepted")
	}
}
