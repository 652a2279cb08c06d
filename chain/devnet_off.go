//go:build nodevnet

package chain

import (
	"context"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
)

// ErrNoDevnet is StartDevnet's error in a build without the devnet.
var ErrNoDevnet = errors.New("chain: this gaianet was built with -tags nodevnet, without the in-process devnet " +
	"(go-ethereum's node stack); build without the tag, or run any EVM development node and 'gaianet chain deploy'")

// Devnet is the in-process development chain; this build has none.
type Devnet struct {
	RPC       string
	ChainID   *big.Int
	Addresses Addresses
	Config    DeployConfig
}

// StartDevnet fails: this build has no devnet.
func StartDevnet(ctx context.Context, listen string, fund ...common.Address) (*Devnet, error) {
	return nil, ErrNoDevnet
}

// StartDevnetWith fails: this build has no devnet.
func StartDevnetWith(ctx context.Context, listen string, tune func(*DeployConfig), fund ...common.Address) (*Devnet, error) {
	return nil, ErrNoDevnet
}

// Close does nothing.
func (d *Devnet) Close() error { return nil }
