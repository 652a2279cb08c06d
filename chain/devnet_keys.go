package chain

import (
	"crypto/ecdsa"
	"fmt"
	"strconv"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// DevnetAccounts is how many funded test accounts a devnet has. Account 0
// deploys the contracts and is the escrow's operator, signer and price feeder.
const DevnetAccounts = 5

// DevnetKey returns the private key of devnet test account i. The keys are
// derived from a public string: they guard nothing, never use them elsewhere.
func DevnetKey(i int) *ecdsa.PrivateKey {
	seed := crypto.Keccak256([]byte("gaianet devnet account " + strconv.Itoa(i)))
	k, err := crypto.ToECDSA(seed)
	if err != nil {
		panic(fmt.Sprintf("chain: devnet key %d: %v", i, err)) // a fixed seed: cannot fail
	}
	return k
}

// DevnetConfig is the deployment a devnet uses: short periods, so a user can
// see a withdrawal, an unbonding and a governance vote through in minutes.
func DevnetConfig(admin common.Address, now time.Time) DeployConfig {
	c := DefaultDeployConfig(admin, now)
	c.NoticePeriod = time.Minute
	c.UnbondingPeriod = 10 * time.Minute
	c.TimelockDelay = time.Minute
	c.VotingPeriod = 10
	c.MaxPriceAge = 24 * time.Hour
	return c
}
