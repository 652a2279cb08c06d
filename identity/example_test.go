package identity_test

import (
	"fmt"
	"log"
	"os"

	"github.com/gaianet-go/gaianet/identity"
)

// A node answers a domain's challenge; the domain recovers who signed it.
func Example() {
	dir, err := os.MkdirTemp("", "identity-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	// LoadOrCreate(dir, identity.Options{}) is what `gaianet init` uses;
	// the light parameters keep this example fast.
	node, created, err := identity.LoadOrCreate(dir, identity.LightScrypt())
	if err != nil {
		log.Fatal(err)
	}
	challenge := []byte("gaia domain challenge: 5c1f0e")
	sig, err := node.Sign(challenge)
	if err != nil {
		log.Fatal(err)
	}
	// On the domain side:
	err = identity.Verify(node.NodeID(), challenge, sig)
	fmt.Println(created, len(sig), err)
	// Output: true 65 <nil>
}
