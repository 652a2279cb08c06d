package chain

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/gaianet-go/gaianet/chain/contracts"
)

// knownErrors holds the custom errors of every GaiaNet contract, by selector.
var knownErrors = func() map[[4]byte]abi.Error {
	m := make(map[[4]byte]abi.Error)
	for _, md := range []*bind.MetaData{
		contracts.EscrowMetaData, contracts.StakingMetaData, contracts.MarketplaceMetaData,
		contracts.PriceFeedMetaData, contracts.GaiaTokenMetaData, contracts.GaiaGovernorMetaData,
		contracts.GaiaTimelockMetaData, contracts.TestStablecoinMetaData,
	} {
		parsed, err := md.GetAbi()
		if err != nil {
			panic(fmt.Sprintf("chain: embedded ABI: %v", err)) // generated code: a programmer error
		}
		for _, e := range parsed.Errors {
			var id [4]byte
			copy(id[:], e.ID[:4])
			m[id] = e
		}
	}
	return m
}()

// Revert is a contract call that reverted with one of the contracts' custom
// errors, decoded: Name is the Solidity error's name ("AlreadySettled").
type Revert struct {
	Name string
	Args []any
}

// revertHints say in words what the refusals a user meets mean.
var revertHints = map[string]string{
	"StalePrice":       "the GAIA price feed has not been updated within the escrow's maximum price age; GAIA is valued only at a fresh price, so the operator's feeder must post one first",
	"PriceOutOfBounds": "the GAIA price feed's answer (first number, feed decimals) lies outside the range the escrow accepts (the other two)",
	"BadPrice":         "the GAIA price feed's answer is not a positive price",
}

func (r *Revert) Error() string {
	msg := "reverted: " + r.Name
	if len(r.Args) > 0 {
		parts := make([]string, len(r.Args))
		for i, a := range r.Args {
			parts[i] = fmt.Sprint(a)
		}
		msg += "(" + strings.Join(parts, ", ") + ")"
	}
	if h, ok := revertHints[r.Name]; ok {
		msg += ": " + h
	}
	return msg
}

// DecodeRevert finds the revert data in err (as a JSON-RPC node returns it
// from eth_call or eth_estimateGas) and decodes it. It returns nil if err
// carries no revert data or an unknown error.
func DecodeRevert(err error) *Revert {
	var de rpc.DataError
	if !errors.As(err, &de) {
		return nil
	}
	s, ok := de.ErrorData().(string)
	if !ok {
		return nil
	}
	data, derr := hexutil.Decode(s)
	if derr != nil || len(data) < 4 {
		return nil
	}
	if bytes.Equal(data[:4], []byte{0x08, 0xc3, 0x79, 0xa0}) { // Error(string)
		msg, uerr := abi.UnpackRevert(data)
		if uerr != nil {
			return nil
		}
		return &Revert{Name: "Error", Args: []any{msg}}
	}
	var id [4]byte
	copy(id[:], data[:4])
	e, ok := knownErrors[id]
	if !ok {
		return nil
	}
	args, uerr := e.Inputs.Unpack(data[4:])
	if uerr != nil {
		return &Revert{Name: e.Name}
	}
	return &Revert{Name: e.Name, Args: args}
}

// Explain wraps err with the decoded revert reason when there is one, so
// users read "reverted: NoticeNotOver(1733580000)" instead of raw hex.
func Explain(err error) error {
	if err == nil {
		return nil
	}
	if r := DecodeRevert(err); r != nil {
		return fmt.Errorf("%w: %w", err, r)
	}
	return err
}
