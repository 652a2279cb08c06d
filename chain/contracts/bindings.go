// Code generated - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package contracts

import (
	"context"
	"errors"
	"math/big"
	"strings"
	"time"

	ethereum "github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/event"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = errors.New
	_ = big.NewInt
	_ = strings.NewReader
	_ = ethereum.NotFound
	_ = bind.Bind
	_ = common.Big1
	_ = types.BloomLookup
	_ = event.NewSubscription
	_ = abi.ConvertType
	_ = time.Tick
	_ = context.Background
)

// CheckpointsCheckpoint208 is an auto generated low-level Go binding around an user-defined struct.
type CheckpointsCheckpoint208 struct {
	Key   *big.Int
	Value *big.Int
}

// EscrowCharge is an auto generated low-level Go binding around an user-defined struct.
type EscrowCharge struct {
	User   common.Address
	Amount *big.Int
}

// EscrowConfig is an auto generated low-level Go binding around an user-defined struct.
type EscrowConfig struct {
	Owner        common.Address
	Operator     common.Address
	Signer       common.Address
	Stable       common.Address
	Token        common.Address
	PriceFeed    common.Address
	MaxPriceAge  uint64
	MinPrice     *big.Int
	MaxPrice     *big.Int
	NoticePeriod uint64
	ExpiresAt    uint64
	Staking      common.Address
	Marketplace  common.Address
	StakingBps   uint16
	RoyaltyBps   uint16
}

// EscrowPayout is an auto generated low-level Go binding around an user-defined struct.
type EscrowPayout struct {
	To     common.Address
	Amount *big.Int
}

// EscrowSettlement is an auto generated low-level Go binding around an user-defined struct.
type EscrowSettlement struct {
	Id       *big.Int
	Asset    common.Address
	Charges  []EscrowCharge
	Payouts  []EscrowPayout
	Usage    []EscrowUsage
	Deadline *big.Int
}

// EscrowUsage is an auto generated low-level Go binding around an user-defined struct.
type EscrowUsage struct {
	Component *big.Int
	Units     *big.Int
}

// MarketplaceComponent is an auto generated low-level Go binding around an user-defined struct.
type MarketplaceComponent struct {
	ContentHash  [32]byte
	Kind         uint8
	PayAsset     common.Address
	LicencePrice *big.Int
	Uri          string
}

// EscrowMetaData contains all meta data concerning the Escrow contract.
var EscrowMetaData = &bind.MetaData{
	ABI: "[{\"inputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"signer\",\"type\":\"address\"},{\"internalType\":\"contractIERC20\",\"name\":\"stable\",\"type\":\"address\"},{\"internalType\":\"contractIERC20\",\"name\":\"token\",\"type\":\"address\"},{\"internalType\":\"contractIAggregatorV3\",\"name\":\"priceFeed\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"maxPriceAge\",\"type\":\"uint64\"},{\"internalType\":\"int256\",\"name\":\"minPrice\",\"type\":\"int256\"},{\"internalType\":\"int256\",\"name\":\"maxPrice\",\"type\":\"int256\"},{\"internalType\":\"uint64\",\"name\":\"noticePeriod\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"expiresAt\",\"type\":\"uint64\"},{\"internalType\":\"contractStaking\",\"name\":\"staking\",\"type\":\"address\"},{\"internalType\":\"contractMarketplace\",\"name\":\"marketplace\",\"type\":\"address\"},{\"internalType\":\"uint16\",\"name\":\"stakingBps\",\"type\":\"uint16\"},{\"internalType\":\"uint16\",\"name\":\"royaltyBps\",\"type\":\"uint16\"}],\"internalType\":\"structEscrow.Config\",\"name\":\"c\",\"type\":\"tuple\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"name\":\"AlreadySettled\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"int256\",\"name\":\"answer\",\"type\":\"int256\"}],\"name\":\"BadPrice\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"BadShares\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"BadSignature\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"Closed\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ECDSAInvalidSignature\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"ECDSAInvalidSignatureLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"}],\"name\":\"ECDSAInvalidSignatureS\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"Expired\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidShortString\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NoWithdrawalRequested\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotOperator\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"readyAt\",\"type\":\"uint64\"}],\"name\":\"NoticeNotOver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"OwnableInvalidOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"OwnableUnauthorizedAccount\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"deadline\",\"type\":\"uint256\"}],\"name\":\"PastDeadline\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"payouts\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"available\",\"type\":\"uint256\"}],\"name\":\"PayoutsExceedTotal\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"int256\",\"name\":\"answer\",\"type\":\"int256\"},{\"internalType\":\"int256\",\"name\":\"minPrice\",\"type\":\"int256\"},{\"internalType\":\"int256\",\"name\":\"maxPrice\",\"type\":\"int256\"}],\"name\":\"PriceOutOfBounds\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ReentrancyGuardReentrantCall\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"}],\"name\":\"SafeERC20FailedOperation\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"updatedAt\",\"type\":\"uint256\"}],\"name\":\"StalePrice\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"str\",\"type\":\"string\"}],\"name\":\"StringTooLong\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"asset\",\"type\":\"address\"}],\"name\":\"UnknownAsset\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"units\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"total\",\"type\":\"uint256\"}],\"name\":\"UsageExceedsTotal\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAmount\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"user\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"asset\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Charged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"user\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"asset\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"usdValue\",\"type\":\"uint256\"}],\"name\":\"Deposited\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[],\"name\":\"EIP712DomainChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"OperatorSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferred\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"usdValue\",\"type\":\"uint256\"}],\"name\":\"Paid\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"int256\",\"name\":\"minPrice\",\"type\":\"int256\"},{\"indexed\":false,\"internalType\":\"int256\",\"name\":\"maxPrice\",\"type\":\"int256\"}],\"name\":\"PriceBoundsSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"address\",\"name\":\"by\",\"type\":\"address\"}],\"name\":\"Revoked\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"asset\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"total\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"usdValue\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"toStakers\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"toComponents\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"toNodes\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"toOperator\",\"type\":\"uint256\"}],\"name\":\"Settled\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint16\",\"name\":\"stakingBps\",\"type\":\"uint16\"},{\"indexed\":false,\"internalType\":\"uint16\",\"name\":\"royaltyBps\",\"type\":\"uint16\"}],\"name\":\"SharesSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"user\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"asset\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"uncovered\",\"type\":\"uint256\"}],\"name\":\"Shortfall\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"address\",\"name\":\"signer\",\"type\":\"address\"}],\"name\":\"SignerSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"user\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"asset\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"readyAt\",\"type\":\"uint64\"}],\"name\":\"WithdrawalRequested\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"user\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"asset\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"usdValue\",\"type\":\"uint256\"}],\"name\":\"Withdrawn\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"CHARGE_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_SHARE_BPS\",\"outputs\":[{\"internalType\":\"uint16\",\"name\":\"\",\"type\":\"uint16\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"PAYOUT_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"SETTLEMENT_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"USAGE_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"user\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"asset\",\"type\":\"address\"}],\"name\":\"balanceOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"asset\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"deposit\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"user\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"asset\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"depositFor\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"domainSeparator\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"eip712Domain\",\"outputs\":[{\"internalType\":\"bytes1\",\"name\":\"fields\",\"type\":\"bytes1\"},{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"chainId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"verifyingContract\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"salt\",\"type\":\"bytes32\"},{\"internalType\":\"uint256[]\",\"name\":\"extensions\",\"type\":\"uint256[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"expiresAt\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"asset\",\"type\":\"address\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"user\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"internalType\":\"structEscrow.Charge[]\",\"name\":\"charges\",\"type\":\"tuple[]\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"internalType\":\"structEscrow.Payout[]\",\"name\":\"payouts\",\"type\":\"tuple[]\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"component\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"units\",\"type\":\"uint256\"}],\"internalType\":\"structEscrow.Usage[]\",\"name\":\"usage\",\"type\":\"tuple[]\"},{\"internalType\":\"uint256\",\"name\":\"deadline\",\"type\":\"uint256\"}],\"internalType\":\"structEscrow.Settlement\",\"name\":\"s\",\"type\":\"tuple\"}],\"name\":\"hashSettlement\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"marketplace\",\"outputs\":[{\"internalType\":\"contractMarketplace\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"maxPrice\",\"outputs\":[{\"internalType\":\"int256\",\"name\":\"\",\"type\":\"int256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"maxPriceAge\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"minPrice\",\"outputs\":[{\"internalType\":\"int256\",\"name\":\"\",\"type\":\"int256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"noticePeriod\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"operator\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"priceFeed\",\"outputs\":[{\"internalType\":\"contractIAggregatorV3\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"renounceOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"asset\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"requestWithdrawal\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"revoke\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"revoked\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"royaltyBps\",\"outputs\":[{\"internalType\":\"uint16\",\"name\":\"\",\"type\":\"uint16\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"age\",\"type\":\"uint64\"}],\"name\":\"setMaxPriceAge\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator_\",\"type\":\"address\"}],\"name\":\"setOperator\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"int256\",\"name\":\"min_\",\"type\":\"int256\"},{\"internalType\":\"int256\",\"name\":\"max_\",\"type\":\"int256\"}],\"name\":\"setPriceBounds\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint16\",\"name\":\"stakingBps_\",\"type\":\"uint16\"},{\"internalType\":\"uint16\",\"name\":\"royaltyBps_\",\"type\":\"uint16\"}],\"name\":\"setShares\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"signer_\",\"type\":\"address\"}],\"name\":\"setSigner\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"asset\",\"type\":\"address\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"user\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"internalType\":\"structEscrow.Charge[]\",\"name\":\"charges\",\"type\":\"tuple[]\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"internalType\":\"structEscrow.Payout[]\",\"name\":\"payouts\",\"type\":\"tuple[]\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"component\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"units\",\"type\":\"uint256\"}],\"internalType\":\"structEscrow.Usage[]\",\"name\":\"usage\",\"type\":\"tuple[]\"},{\"internalType\":\"uint256\",\"name\":\"deadline\",\"type\":\"uint256\"}],\"internalType\":\"structEscrow.Settlement\",\"name\":\"s\",\"type\":\"tuple\"},{\"internalType\":\"bytes\",\"name\":\"signature\",\"type\":\"bytes\"}],\"name\":\"settle\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"name\":\"settled\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"signer\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"stable\",\"outputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"staking\",\"outputs\":[{\"internalType\":\"contractStaking\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"stakingBps\",\"outputs\":[{\"internalType\":\"uint16\",\"name\":\"\",\"type\":\"uint16\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"token\",\"outputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"asset\",\"type\":\"address\"}],\"name\":\"totalBalance\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"transferOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"asset\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"usdValue\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"asset\",\"type\":\"address\"}],\"name\":\"withdraw\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"user\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"asset\",\"type\":\"address\"}],\"name\":\"withdrawals\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"readyAt\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	Sigs: map[string]string{
		"662dd8f7": "CHARGE_TYPEHASH()",
		"65f267be": "MAX_SHARE_BPS()",
		"2204b909": "PAYOUT_TYPEHASH()",
		"b1fb79c0": "SETTLEMENT_TYPEHASH()",
		"0a4fc0f5": "USAGE_TYPEHASH()",
		"f7888aec": "balanceOf(address,address)",
		"47e7ef24": "deposit(address,uint256)",
		"b3db428b": "depositFor(address,address,uint256)",
		"f698da25": "domainSeparator()",
		"84b0196e": "eip712Domain()",
		"8622a689": "expiresAt()",
		"20bf7525": "hashSettlement((uint256,address,(address,uint256)[],(address,uint256)[],(uint256,uint256)[],uint256))",
		"abc8c7af": "marketplace()",
		"e38d6b5c": "maxPrice()",
		"1584410a": "maxPriceAge()",
		"e45be8eb": "minPrice()",
		"9b14d4c6": "noticePeriod()",
		"570ca735": "operator()",
		"8da5cb5b": "owner()",
		"741bef1a": "priceFeed()",
		"715018a6": "renounceOwnership()",
		"da95ebf7": "requestWithdrawal(address,uint256)",
		"b6549f75": "revoke()",
		"63d256ce": "revoked()",
		"c63adb2b": "royaltyBps()",
		"b7bbba85": "setMaxPriceAge(uint64)",
		"b3ab15fb": "setOperator(address)",
		"aaa38ac3": "setPriceBounds(int256,int256)",
		"335b37c7": "setShares(uint16,uint16)",
		"6c19e783": "setSigner(address)",
		"1018c3b3": "settle((uint256,address,(address,uint256)[],(address,uint256)[],(uint256,uint256)[],uint256),bytes)",
		"28345780": "settled(uint256)",
		"238ac933": "signer()",
		"22be3de1": "stable()",
		"4cf088d9": "staking()",
		"e16314b5": "stakingBps()",
		"fc0c546a": "token()",
		"6eacd398": "totalBalance(address)",
		"f2fde38b": "transferOwnership(address)",
		"ef610d8d": "usdValue(address,uint256)",
		"51cff8d9": "withdraw(address)",
		"cd47bde1": "withdrawals(address,address)",
	},
	Bin: "0x610240604052348015610010575f5ffd5b506040516143aa3803806143aa83398101604081905261002f9161053a565b8051604080518082018252600d81526c476169614e6574457363726f7760981b602080830191909152825180840190935260018352603160f81b9083015290610077826103bf565b61012052610084816103bf565b61014052815160208084019190912060e052815190820120610100524660a05261011060e05161010051604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201529081019290925260608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b60805250503060c0526001600160a01b03811661014757604051631e4fbdf760e01b81525f60048201526024015b60405180910390fd5b610150816103fc565b5060017f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f00556101c08101516101a0820151611388916101969161ffff9182169116610654565b11156101b557604051633f580b8360e11b815260040160405180910390fd5b6020810151600380546001600160a01b039283166001600160a01b03199091161790556040820151600480546060850151841661016052608085015184166101805260a085015184166101a05260c08501516001600160401b0316600160a01b026001600160e01b0319909116929093169190911791909117905560e0810151610100820151610245919061044d565b6101208101516001600160401b039081166101c09081526101408301519091166101e05261016082015160078054610100600160a81b0319166101006001600160a01b0393841602179055610180830151600880546101a0860151948601519284166001600160b01b031990911617600160a01b61ffff958616021761ffff60b01b1916600160b01b94909216939093021790915560608201516040805163313ce56760e01b81529051919092169163313ce5679160048083019260209291908290030181865afa15801561031c573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906103409190610679565b60ff166102008160ff168152505080608001516001600160a01b031663313ce5676040518163ffffffff1660e01b8152600401602060405180830381865afa15801561038e573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906103b29190610679565b60ff1661022052506106fb565b5f5f829050601f815111156103e9578260405163305a27a960e01b815260040161013e91906106a0565b80516103f4826106d5565b179392505050565b600280546001600160a01b038381166001600160a01b0319831681179093556040519116919082907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0905f90a35050565b5f8213158061045b57508181125b1561047c57604051630b3c8a7160e01b81526004810183905260240161013e565b6005829055600681905560408051838152602081018390527f90b4b21a8b3b03903a7f9cf72d2d164ddb84ec85e469d6d9c1eef8a2bf25893c910160405180910390a15050565b6040516101e081016001600160401b03811182821017156104f257634e487b7160e01b5f52604160045260245ffd5b60405290565b80516001600160a01b038116811461050e575f5ffd5b919050565b80516001600160401b038116811461050e575f5ffd5b805161ffff8116811461050e575f5ffd5b5f6101e082840312801561054c575f5ffd5b506105556104c3565b61055e836104f8565b815261056c602084016104f8565b602082015261057d604084016104f8565b604082015261058e606084016104f8565b606082015261059f608084016104f8565b60808201526105b060a084016104f8565b60a08201526105c160c08401610513565b60c082015260e0838101519082015261010080840151908201526105e86101208401610513565b6101208201526105fb6101408401610513565b61014082015261060e61016084016104f8565b61016082015261062161018084016104f8565b6101808201526106346101a08401610529565b6101a08201526106476101c08401610529565b6101c08201529392505050565b8082018082111561067357634e487b7160e01b5f52601160045260245ffd5b92915050565b5f60208284031215610689575f5ffd5b815160ff81168114610699575f5ffd5b9392505050565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b805160208083015191908110156106f5575f198160200360031b1b821691505b50919050565b60805160a05160c05160e05161010051610120516101405161016051610180516101a0516101c0516101e0516102005161022051613b696108415f395f81816120590152612c6201525f81816120970152612bad01525f81816104cd015281816117860152611eca01525f818161050501528181611b330152611ea601525f818161048b01528181611ce201528181611f5001528181611fd6015281816129ab0152612bdf01525f81816106b801528181610731015281816108f2015281816112d2015281816116e201528181611aaf01528181611c3f0152611f2701525f8181610319015281816106f401528181611295015281816116a501528181611a7201528181611c0201528181611c9f015261296b01525f612ad401525f612aa901525f612d7701525f612d4f01525f612caa01525f612cd401525f612cfe0152613b695ff3fe608060405234801561000f575f5ffd5b5060043610610255575f3560e01c80638622a68911610140578063c63adb2b116100bf578063e45be8eb11610084578063e45be8eb14610652578063ef610d8d1461065b578063f2fde38b1461066e578063f698da2514610681578063f7888aec14610689578063fc0c546a146106b3575f5ffd5b8063c63adb2b146105b5578063cd47bde1146105ca578063da95ebf714610621578063e16314b514610634578063e38d6b5c14610649575f5ffd5b8063b1fb79c011610105578063b1fb79c01461054d578063b3ab15fb14610574578063b3db428b14610587578063b6549f751461059a578063b7bbba85146105a2575f5ffd5b80638622a689146104c85780638da5cb5b146104ef5780639b14d4c614610500578063aaa38ac314610527578063abc8c7af1461053a575f5ffd5b80634cf088d9116101d7578063662dd8f71161019c578063662dd8f7146104255780636c19e7831461044c5780636eacd3981461045f578063715018a61461047e578063741bef1a1461048657806384b0196e146104ad575f5ffd5b80634cf088d9146103be57806351cff8d9146103d6578063570ca735146103e957806363d256ce146103fc57806365f267be14610409575f5ffd5b806322be3de11161021d57806322be3de114610314578063238ac933146103535780632834578014610366578063335b37c71461039857806347e7ef24146103ab575f5ffd5b80630a4fc0f5146102595780631018c3b3146102935780631584410a146102a857806320bf7525146102da5780632204b909146102ed575b5f5ffd5b6102807f2090d061ab9ad0b445b288b46437c669e04b1aa4ee3e28a68aa5f9f685c5009f81565b6040519081526020015b60405180910390f35b6102a66102a1366004613286565b6106da565b005b6004546102c290600160a01b90046001600160401b031681565b6040516001600160401b03909116815260200161028a565b6102806102e836600461331b565b610cf9565b6102807f54d49580c675073989ca37ebe7e8c502dd3601932c5676a7a0c7f90a2c2dd93981565b61033b7f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b03909116815260200161028a565b60045461033b906001600160a01b031681565b61038861037436600461334c565b600c6020525f908152604090205460ff1681565b604051901515815260200161028a565b6102a66103a6366004613379565b6111ca565b6102a66103b93660046133c0565b61127b565b60075461033b9061010090046001600160a01b031681565b6102a66103e43660046133e8565b61128a565b60035461033b906001600160a01b031681565b6007546103889060ff1681565b61041261138881565b60405161ffff909116815260200161028a565b6102807f0225d56b558fa10b239d857dc1931080fccfde582eaea390c76a93425adf022281565b6102a661045a3660046133e8565b61153a565b61028061046d3660046133e8565b600a6020525f908152604090205481565b6102a66115ba565b61033b7f000000000000000000000000000000000000000000000000000000000000000081565b6104b56115cd565b60405161028a9796959493929190613469565b6102c27f000000000000000000000000000000000000000000000000000000000000000081565b6002546001600160a01b031661033b565b6102c27f000000000000000000000000000000000000000000000000000000000000000081565b6102a66105353660046134d8565b61160f565b60085461033b906001600160a01b031681565b6102807fabbca504396d248366b8e60021e841de514eab606b0c1e32cc54044e79c9ecac81565b6102a66105823660046133e8565b611621565b6102a66105953660046134f8565b61169a565b6102a66119b4565b6102a66105b0366004613532565b611a3a565b60085461041290600160b01b900461ffff1681565b6106046105d8366004613558565b600b60209081525f9283526040808420909152908252902080546001909101546001600160401b031682565b604080519283526001600160401b0390911660208301520161028a565b6102a661062f3660046133c0565b611a6f565b60085461041290600160a01b900461ffff1681565b61028060065481565b61028060055481565b6102806106693660046133c0565b611bfe565b6102a661067c3660046133e8565b611e26565b610280611e60565b610280610697366004613558565b600960209081525f928352604080842090915290825290205481565b61033b7f000000000000000000000000000000000000000000000000000000000000000081565b6106e2611e6e565b6106f260408401602085016133e8565b7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316816001600160a01b03161415801561076657507f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316816001600160a01b031614155b15610794576040516356b0f15d60e11b81526001600160a01b03821660048201526024015b60405180910390fd5b61079c611e89565b6107b957604051631cdde67b60e01b815260040160405180910390fd5b8360a001354211156107e457604051630aea3b0360e21b815260a0850135600482015260240161078b565b83355f908152600c602052604090205460ff1615610818576040516347f629af60e11b81528435600482015260240161078b565b6004546001600160a01b031661086b61083086610cf9565b85858080601f0160208091040260200160405190810160405280939291908181526020018383808284375f92019190915250611ef692505050565b6001600160a01b03161461089257604051635cd5d23360e01b815260040160405180910390fd5b83355f908152600c60205260408120805460ff191660011790556108b585613745565b90506108f06040518060e001604052805f81526020015f81526020015f81526020015f81526020015f81526020015f81526020015f81525090565b7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031682602001516001600160a01b0316146109355760018061093e565b61093e82611f20565b602083015281525f80610950846121f6565b6020808701516001600160a01b03165f908152600a9091526040812080549395509193508492610981908490613815565b90915550610993905084838386612392565b6020840151604084015115610a845760075460408501516109c7916001600160a01b03848116926101009092041690612588565b6007546003546001600160a01b03610100909204821691636e53027c91166109f560408d0160208e016133e8565b60408089015190516001600160e01b031960e086901b1681526001600160a01b03938416600482015292909116602483015260448201526064015f604051808303815f87803b158015610a46575f5ffd5b505af1158015610a58573d5f5f3e3d5ffd5b50505050610a84895f0135600760019054906101000a90046001600160a01b0316866040015187612602565b60a084015115610ac957610a9c858560a00151612656565b60a0850181905215610ac95760085460a0850151610ac9918b35916001600160a01b039091169087612602565b5f5b856060015151811015610bd0575f856060015186608001511115610b2257610b1d87606001518381518110610b0257610b02613828565b60200260200101516020015187606001518860800151612842565b610b45565b86606001518281518110610b3857610b38613828565b6020026020010151602001515b90508015610bb257610b8387606001518381518110610b6657610b66613828565b6020908102919091010151516001600160a01b03851690836128f3565b610bb28b5f013588606001518481518110610ba057610ba0613828565b60200260200101515f01518389612602565b808660c001818151610bc4919061383c565b90525050600101610acb565b505f8460c001518560a001518660600151610beb9190613815565b610bf59190613815565b90508015610c3157600354610c17906001600160a01b038481169116836128f3565b600354610c31908b35906001600160a01b03168388612602565b610c4160408b0160208c016133e8565b6001600160a01b03168a5f01357f39cc6e14628866c006b05882e332d29f2ee2215eaef437f5d037c9802f65330786610c8c8e6020016020810190610c8691906133e8565b89611bfe565b6040808b015160a08c015160c08d01519251610ccf959493908a90958652602086019490945260408501929092526060840152608083015260a082015260c00190565b60405180910390a350505050505050610cf460015f516020613b3d5f395f51905f5255565b505050565b5f80610d08604084018461384f565b90506001600160401b03811115610d2157610d21613580565b604051908082528060200260200182016040528015610d4a578160200160208202803683370190505b5090505f5b8151811015610e3a577f0225d56b558fa10b239d857dc1931080fccfde582eaea390c76a93425adf0222610d86604086018661384f565b83818110610d9657610d96613828565b610dac92602060409092020190810191506133e8565b610db9604087018761384f565b84818110610dc957610dc9613828565b90506040020160200135604051602001610dff939291909283526001600160a01b03919091166020830152604082015260600190565b60405160208183030381529060405280519060200120828281518110610e2757610e27613828565b6020908102919091010152600101610d4f565b505f81604051602001610e4d919061389b565b60408051601f1981840301815291905280516020909101209050610e74606085018561384f565b90506001600160401b03811115610e8d57610e8d613580565b604051908082528060200260200182016040528015610eb6578160200160208202803683370190505b5091505f5b8251811015610fa6577f54d49580c675073989ca37ebe7e8c502dd3601932c5676a7a0c7f90a2c2dd939610ef2606087018761384f565b83818110610f0257610f02613828565b610f1892602060409092020190810191506133e8565b610f25606088018861384f565b84818110610f3557610f35613828565b90506040020160200135604051602001610f6b939291909283526001600160a01b03919091166020830152604082015260600190565b60405160208183030381529060405280519060200120838281518110610f9357610f93613828565b6020908102919091010152600101610ebb565b505f82604051602001610fb9919061389b565b60408051601f1981840301815291905280516020909101209050610fe0608086018661384f565b90506001600160401b03811115610ff957610ff9613580565b604051908082528060200260200182016040528015611022578160200160208202803683370190505b5092505f5b83518110156110fd577f2090d061ab9ad0b445b288b46437c669e04b1aa4ee3e28a68aa5f9f685c5009f61105e608088018861384f565b8381811061106e5761106e613828565b60400291909101359050611085608089018961384f565b8481811061109557611095613828565b905060400201602001356040516020016110c2939291909283526020830191909152604082015260600190565b604051602081830303815290604052805190602001208482815181106110ea576110ea613828565b6020908102919091010152600101611027565b505f83604051602001611110919061389b565b6040516020818303038152906040528051906020012090506111c07fabbca504396d248366b8e60021e841de514eab606b0c1e32cc54044e79c9ecac875f013588602001602081019061116391906133e8565b6040805160208101949094528301919091526001600160a01b031660608201526080810185905260a081810185905260c0820184905288013560e08201526101000160405160208183030381529060405280519060200120612900565b9695505050505050565b6111d261292c565b6113886111e661ffff83811690851661383c565b111561120557604051633f580b8360e11b815260040160405180910390fd5b6008805463ffffffff60a01b1916600160a01b61ffff85811691820261ffff60b01b191692909217600160b01b928516928302179092556040805192835260208301919091527f9bd550ae69fdce3d1a4e78867516d8fb6636f552928a5f5ead47d4ad9000069d91015b60405180910390a15050565b61128633838361169a565b5050565b611292611e6e565b807f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316816001600160a01b03161415801561130757507f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316816001600160a01b031614155b15611330576040516356b0f15d60e11b81526001600160a01b038216600482015260240161078b565b335f9081526009602090815260408083206001600160a01b03861684529091528120549061135c611e89565b1561141457335f908152600b602090815260408083206001600160a01b03881684528252808320815180830190925280548252600101546001600160401b031691810182905291036113c1576040516387bdc6a960e01b815260040160405180910390fd5b80602001516001600160401b031642101561140057602081015160405163fab1529160e01b81526001600160401b03909116600482015260240161078b565b805161140c9084612959565b915050611417565b50805b335f908152600b602090815260408083206001600160a01b03881684529091528120818155600101805467ffffffffffffffff1916905581900361146e57604051631f2a200560e01b815260040160405180910390fd5b6114788183613815565b335f9081526009602090815260408083206001600160a01b0389168452825280832093909355600a905290812080548392906114b5908490613815565b909155506114cf90506001600160a01b03851633836128f3565b6001600160a01b038416337f91fb9d98b786c57d74c099ccd2beca1739e9f6a81fb49001ca465c4b7591bbe2836115068882612968565b6040805192835260208301919091520160405180910390a350505061153760015f516020613b3d5f395f51905f5255565b50565b6003546001600160a01b0316331461156557604051631f0853c160e21b815260040160405180910390fd5b600480546001600160a01b0319166001600160a01b0383169081179091556040519081527f9eaa897564d022fb8c5efaf0acdb5d9d27b440b2aad44400b6e1c702e65b9ed3906020015b60405180910390a150565b6115c261292c565b6115cb5f612a51565b565b5f6060805f5f5f60606115de612aa2565b6115e6612acd565b604080515f80825260208201909252600f60f81b9b939a50919850469750309650945092509050565b61161761292c565b6112868282612af8565b6003546001600160a01b0316331461164c57604051631f0853c160e21b815260040160405180910390fd5b600380546001600160a01b0319166001600160a01b0383169081179091556040519081527f99d737e0adf2c449d71890b86772885ec7959b152ddb265f76325b6e68e105d3906020016115af565b6116a2611e6e565b817f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316816001600160a01b03161415801561171757507f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316816001600160a01b031614155b15611740576040516356b0f15d60e11b81526001600160a01b038216600482015260240161078b565b815f0361176057604051631f2a200560e01b815260040160405180910390fd5b60075460ff161561178457604051631cdde67b60e01b815260040160405180910390fd5b7f00000000000000000000000000000000000000000000000000000000000000006001600160401b031642106117cd57604051630407b05b60e31b815260040160405180910390fd5b5f6117d88484611bfe565b6040516370a0823160e01b81523060048201529091505f906001600160a01b038616906370a0823190602401602060405180830381865afa15801561181f573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061184391906138d0565b905061185a6001600160a01b038616333087612b67565b6040516370a0823160e01b81523060048201525f9082906001600160a01b038816906370a0823190602401602060405180830381865afa1580156118a0573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906118c491906138d0565b6118ce9190613815565b6001600160a01b038089165f908152600960209081526040808320938b1683529290529081208054929350839290919061190990849061383c565b90915550506001600160a01b0386165f908152600a60205260408120805483929061193590849061383c565b90915550506001600160a01b038087169088167ff5681f9d0db1b911ac18ee83d515a1cf1051853a9eae418316a2fdf7dea427c5838881146119805761197b8a86611bfe565b611982565b865b6040805192835260208301919091520160405180910390a350505050610cf460015f516020613b3d5f395f51905f5255565b6002546001600160a01b031633148015906119da57506003546001600160a01b03163314155b156119f857604051631f0853c160e21b815260040160405180910390fd5b6007805460ff191660011790556040513381527fb6fa8b8bd5eab60f292eca876e3ef90722275b785309d84b1de113ce0b8c4e749060200160405180910390a1565b611a4261292c565b600480546001600160401b03909216600160a01b0267ffffffffffffffff60a01b19909216919091179055565b817f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316816001600160a01b031614158015611ae457507f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316816001600160a01b031614155b15611b0d576040516356b0f15d60e11b81526001600160a01b038216600482015260240161078b565b815f03611b2d57604051631f2a200560e01b815260040160405180910390fd5b5f611b587f0000000000000000000000000000000000000000000000000000000000000000426138e7565b6040805180820182528581526001600160401b038381166020808401828152335f818152600b84528781206001600160a01b038e16808352908552908890209651875591516001909601805467ffffffffffffffff191696909516959095179093558451898152908101919091529394509290917f99917c09ff0ca44503897d7fbced1728758961df7b8b79579df03a556064dd7691015b60405180910390a350505050565b5f827f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316816001600160a01b031614158015611c7457507f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316816001600160a01b031614155b15611c9d576040516356b0f15d60e11b81526001600160a01b038216600482015260240161078b565b7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316846001600160a01b031603611cde57829150611e1f565b5f5f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031663feaf968c6040518163ffffffff1660e01b815260040160a060405180830381865afa158015611d3c573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190611d60919061391f565b509350509250505f8213611d8a57604051630b3c8a7160e01b81526004810183905260240161078b565b600554821280611d9b575060065482135b15611dcf5760055460065460405163c09829d560e01b8152600481018590526024810192909252604482015260640161078b565b6004544290611dee90600160a01b90046001600160401b03168361383c565b1015611e1057604051636fb3b18560e01b81526004810182905260240161078b565b611e1a8583612ba3565b935050505b5092915050565b611e2e61292c565b6001600160a01b038116611e5757604051631e4fbdf760e01b81525f600482015260240161078b565b61153781612a51565b5f611e69612c9e565b905090565b611e76612dc7565b60025f516020613b3d5f395f51905f5255565b6007545f9060ff16158015611e695750611eef6001600160401b037f00000000000000000000000000000000000000000000000000000000000000008116907f00000000000000000000000000000000000000000000000000000000000000001661383c565b4210905090565b5f5f5f5f611f048686612df6565b925092509250611f148282612e3f565b50909150505b92915050565b5f5f611f4c7f00000000000000000000000000000000000000000000000000000000000000005f611bfe565b505f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031663feaf968c6040518163ffffffff1660e01b815260040160a060405180830381865afa158015611faa573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190611fce919061391f565b5050509150507f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031663313ce5676040518163ffffffff1660e01b8152600401602060405180830381865afa158015612030573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190612054919061396d565b60ff167f000000000000000000000000000000000000000000000000000000000000000060ff16612085919061383c565b61209090600a613a70565b92506120bd7f0000000000000000000000000000000000000000000000000000000000000000600a613a7b565b6120c79082613a89565b91505f5b84604001515181101561213257612106856040015182815181106120f1576120f1613828565b60200260200101516020015185856001612ef7565b8560400151828151811061211c5761211c613828565b60209081029190910181015101526001016120cb565b505f5b84606001515181101561219a5761216e8560600151828151811061215b5761215b613828565b6020026020010151602001518585612842565b8560600151828151811061218457612184613828565b6020908102919091018101510152600101612135565b505f5b8460800151518110156121ef576121c38560800151828151811061215b5761215b613828565b856080015182815181106121d9576121d9613828565b602090810291909101810151015260010161219d565b5050915091565b5f80805b83604001515181101561238c575f8460400151828151811061221e5761221e613828565b60209081029190910181015180516001600160a01b039081165f9081526009845260408082208a86015190931682529184529081205492820151919350906122669083612959565b905082602001518110156122d65786602001516001600160a01b0316835f01516001600160a01b0316885f01517fc0e86579b67106934e356979bd59f0ce567898d3d472790ee62d930bc4c02d8c8487602001516122c49190613815565b60405190815260200160405180910390a45b6122e08183613815565b83516001600160a01b039081165f9081526009602090815260408083208c83015190941683529290522055612315818761383c565b9550826020015185612327919061383c565b945086602001516001600160a01b0316835f01516001600160a01b0316885f01517f965752d32e45e5e89cfb5801b8523a3dcbb8aee6d0df14a2560da6ad6d972ff58460405161237991815260200190565b60405180910390a45050506001016121fa565b50915091565b6007545f9061010090046001600160a01b0316158015906123bf5750600854600160a01b900461ffff1615155b801561243e575060075460035460405163226e665960e21b81526001600160a01b0391821660048201525f926101009004909116906389b9996490602401602060405180830381865afa158015612418573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061243c91906138d0565b115b90505f61244f866080015185612f42565b90505f805b876060015151811015612498578760600151818151811061247757612477613828565b6020026020010151602001518261248e919061383c565b9150600101612454565b505f82846124a6575f6124c2565b6008546124c2908890600160a01b900461ffff16612710612842565b6124cc9088613815565b6124d69190613815565b90508082111561250357604051630694cd3960e31b8152600481018390526024810182905260440161078b565b8361250e575f61252a565b60085461252a908890600160a01b900461ffff16612710612842565b6040860181905261253b9088613815565b606086015261254a838361383c565b60808601819052606086015110156125745761256f8386606001518760800151612842565b612576565b825b60a09095019490945250505050505050565b6125948383835f612fd2565b610cf4576125a583835f6001612fd2565b6125cd57604051635274afe760e01b81526001600160a01b038416600482015260240161078b565b6125da8383836001612fd2565b610cf457604051635274afe760e01b81526001600160a01b038416600482015260240161078b565b826001600160a01b0316847f59e5c638e8e7ab669e805847b18203cf00e4ab4d0688c3da8e486aba4cc4fed284612641868660200151875f0151612842565b60408051928352602083019190915201611bf0565b5f5f8360800151516001600160401b0381111561267557612675613580565b60405190808252806020026020018201604052801561269e578160200160208202803683370190505b5090505f8460800151516001600160401b038111156126bf576126bf613580565b6040519080825280602002602001820160405280156126e8578160200160208202803683370190505b5090505f5b825181101561277c578560800151818151811061270c5761270c613828565b60200260200101515f015183828151811061272957612729613828565b6020026020010181815250508560800151818151811061274b5761274b613828565b60200260200101516020015182828151811061276957612769613828565b60209081029190910101526001016126ed565b50602085015160085461279c906001600160a01b03808416911687612588565b600854602087015160405163af929c9760e01b81526001600160a01b039092169163af929c97916127d591879087908b90600401613aa0565b6020604051808303815f875af11580156127f1573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061281591906138d0565b93508484101561283957600854612839906001600160a01b0383811691165f612588565b50505092915050565b5f5f5f61284f8686613034565b91509150815f036128735783818161286957612869613ae7565b04925050506128ec565b81841161288a5761288a6003851502601118613050565b5f848688095f868103871696879004966002600389028118808a02820302808a02820302808a02820302808a02820302808a02820302808a02909103029181900381900460010185841190960395909502919093039390930492909217029150505b9392505050565b6125da8383836001613061565b5f611f1a61290c612c9e565b8360405161190160f01b8152600281019290925260228201526042902090565b6002546001600160a01b031633146115cb5760405163118cdaa760e01b815233600482015260240161078b565b5f8282188284100282186128ec565b5f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316836001600160a01b0316036129a9575080611f1a565b7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031663feaf968c6040518163ffffffff1660e01b815260040160a060405180830381865afa925050508015612a23575060408051601f3d908101601f19168201909252612a209181019061391f565b60015b612a2e57505f611f1a565b5f8413612a3b575f612a45565b612a458785612ba3565b95505050505050611f1a565b600280546001600160a01b038381166001600160a01b0319831681179093556040519116919082907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0905f90a35050565b6060611e697f00000000000000000000000000000000000000000000000000000000000000006130ab565b6060611e697f00000000000000000000000000000000000000000000000000000000000000006130ab565b5f82131580612b0657508181125b15612b2757604051630b3c8a7160e01b81526004810183905260240161078b565b6005829055600681905560408051838152602081018390527f90b4b21a8b3b03903a7f9cf72d2d164ddb84ec85e469d6d9c1eef8a2bf25893c910161126f565b612b758484848460016130e8565b612b9d57604051635274afe760e01b81526001600160a01b038516600482015260240161078b565b50505050565b5f6128ec83612bd37f0000000000000000000000000000000000000000000000000000000000000000600a613a7b565b612bdd9085613a89565b7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031663313ce5676040518163ffffffff1660e01b8152600401602060405180830381865afa158015612c39573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190612c5d919061396d565b60ff167f000000000000000000000000000000000000000000000000000000000000000060ff16612c8e919061383c565b612c9990600a613a70565b612842565b5f306001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016148015612cf657507f000000000000000000000000000000000000000000000000000000000000000046145b15612d2057507f000000000000000000000000000000000000000000000000000000000000000090565b611e69604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201527f0000000000000000000000000000000000000000000000000000000000000000918101919091527f000000000000000000000000000000000000000000000000000000000000000060608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b5f516020613b3d5f395f51905f52546002036115cb57604051633ee5aeb560e01b815260040160405180910390fd5b5f5f5f8351604103612e2d576020840151604085015160608601515f1a612e1f88828585613155565b955095509550505050612e38565b505081515f91506002905b9250925092565b5f826003811115612e5257612e52613afb565b03612e5b575050565b6001826003811115612e6f57612e6f613afb565b03612e8d5760405163f645eedf60e01b815260040160405180910390fd5b6002826003811115612ea157612ea1613afb565b03612ec25760405163fce698f760e01b81526004810182905260240161078b565b6003826003811115612ed657612ed6613afb565b03611286576040516335e2f38360e21b81526004810182905260240161078b565b5f612f24612f048361321d565b8015612f1f57505f8480612f1a57612f1a613ae7565b868809115b151590565b612f2f868686612842565b612f39919061383c565b95945050505050565b5f80805b8451811015612f8257848181518110612f6157612f61613828565b60200260200101516020015182612f78919061383c565b9150600101612f46565b5082811115612fae5760405163a389ee2b60e01b8152600481018290526024810184905260440161078b565b600854612fca908290600160b01b900461ffff16612710612842565b949350505050565b60405163095ea7b360e01b5f8181526001600160a01b038616600452602485905291602083604481808b5af1925060015f5114831661302857838315161561301c573d5f823e3d81fd5b5f873b113d1516831692505b60405250949350505050565b5f805f1983850993909202808410938190039390930393915050565b634e487b715f52806020526024601cfd5b60405163a9059cbb60e01b5f8181526001600160a01b038616600452602485905291602083604481808b5af1925060015f5114831661302857838315161561301c573d5f823e3d81fd5b60605f6130b783613249565b6040805160208082528183019092529192505f91906020820181803683375050509182525060208101929092525090565b6040516323b872dd60e01b5f8181526001600160a01b038781166004528616602452604485905291602083606481808c5af1925060015f51148316613144578383151615613138573d5f823e3d81fd5b5f883b113d1516831692505b604052505f60605295945050505050565b5f80807f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a084111561318e57505f91506003905082613213565b604080515f808252602082018084528a905260ff891692820192909252606081018790526080810186905260019060a0016020604051602081039080840390855afa1580156131df573d5f5f3e3d5ffd5b5050604051601f1901519150506001600160a01b03811661320a57505f925060019150829050613213565b92505f91508190505b9450945094915050565b5f600282600381111561323257613232613afb565b61323c9190613b0f565b60ff166001149050919050565b5f60ff8216601f811115611f1a57604051632cd44ac360e21b815260040160405180910390fd5b5f60c08284031215613280575f5ffd5b50919050565b5f5f5f60408486031215613298575f5ffd5b83356001600160401b038111156132ad575f5ffd5b6132b986828701613270565b93505060208401356001600160401b038111156132d4575f5ffd5b8401601f810186136132e4575f5ffd5b80356001600160401b038111156132f9575f5ffd5b86602082840101111561330a575f5ffd5b939660209190910195509293505050565b5f6020828403121561332b575f5ffd5b81356001600160401b03811115613340575f5ffd5b612fca84828501613270565b5f6020828403121561335c575f5ffd5b5035919050565b803561ffff81168114613374575f5ffd5b919050565b5f5f6040838503121561338a575f5ffd5b61339383613363565b91506133a160208401613363565b90509250929050565b80356001600160a01b0381168114613374575f5ffd5b5f5f604083850312156133d1575f5ffd5b6133da836133aa565b946020939093013593505050565b5f602082840312156133f8575f5ffd5b6128ec826133aa565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b5f8151808452602084019350602083015f5b8281101561345f578151865260209586019590910190600101613441565b5093949350505050565b60ff60f81b8816815260e060208201525f61348760e0830189613401565b82810360408401526134998189613401565b606084018890526001600160a01b038716608085015260a0840186905283810360c085015290506134ca818561342f565b9a9950505050505050505050565b5f5f604083850312156134e9575f5ffd5b50508035926020909101359150565b5f5f5f6060848603121561350a575f5ffd5b613513846133aa565b9250613521602085016133aa565b929592945050506040919091013590565b5f60208284031215613542575f5ffd5b81356001600160401b03811681146128ec575f5ffd5b5f5f60408385031215613569575f5ffd5b613572836133aa565b91506133a1602084016133aa565b634e487b7160e01b5f52604160045260245ffd5b604080519081016001600160401b03811182821017156135b6576135b6613580565b60405290565b60405160c081016001600160401b03811182821017156135b6576135b6613580565b604051601f8201601f191681016001600160401b038111828210171561360657613606613580565b604052919050565b5f6001600160401b0382111561362657613626613580565b5060051b60200190565b5f82601f83011261363f575f5ffd5b8135602083015f6136576136528461360e565b6135de565b83815260069390931b82019290506020810186841115613675575f5ffd5b838310156136bb575f6040848903121561368d575f5ffd5b613695613594565b90506136a0846133aa565b81526020848101358183015290825260409093019201613675565b5095945050505050565b5f82601f8301126136d4575f5ffd5b81356136e26136528261360e565b8082825260208201915060208360061b860101925085831115613703575f5ffd5b602085015b838110156136bb576040818803121561371f575f5ffd5b613727613594565b81358152602080830135818301529084529290920191604001613708565b5f60c08236031215613755575f5ffd5b61375d6135bc565b8235815261376d602084016133aa565b602082015260408301356001600160401b0381111561378a575f5ffd5b61379636828601613630565b60408301525060608301356001600160401b038111156137b4575f5ffd5b6137c036828601613630565b60608301525060808301356001600160401b038111156137de575f5ffd5b6137ea368286016136c5565b60808301525060a092830135928101929092525090565b634e487b7160e01b5f52601160045260245ffd5b81810381811115611f1a57611f1a613801565b634e487b7160e01b5f52603260045260245ffd5b80820180821115611f1a57611f1a613801565b5f5f8335601e19843603018112613864575f5ffd5b8301803591506001600160401b0382111561387d575f5ffd5b6020019150600681901b3603821315613894575f5ffd5b9250929050565b81515f90829060208501835b828110156138c55781518452602093840193909101906001016138a7565b509195945050505050565b5f602082840312156138e0575f5ffd5b5051919050565b6001600160401b038181168382160190811115611f1a57611f1a613801565b805169ffffffffffffffffffff81168114613374575f5ffd5b5f5f5f5f5f60a08688031215613933575f5ffd5b61393c86613906565b6020870151604088015160608901519297509095509350915061396160808701613906565b90509295509295909350565b5f6020828403121561397d575f5ffd5b815160ff811681146128ec575f5ffd5b6001815b60018411156139c8578085048111156139ac576139ac613801565b60018416156139ba57908102905b60019390931c928002613991565b935093915050565b5f826139de57506001611f1a565b816139ea57505f611f1a565b8160018114613a005760028114613a0a57613a26565b6001915050611f1a565b60ff841115613a1b57613a1b613801565b50506001821b611f1a565b5060208310610133831016604e8410600b8410161715613a49575081810a611f1a565b613a555f19848461398d565b805f1904821115613a6857613a68613801565b029392505050565b5f6128ec83836139d0565b5f6128ec60ff8416836139d0565b8082028115828204841417611f1a57611f1a613801565b6001600160a01b03851681526080602082018190525f90613ac39083018661342f565b8281036040840152613ad5818661342f565b91505082606083015295945050505050565b634e487b7160e01b5f52601260045260245ffd5b634e487b7160e01b5f52602160045260245ffd5b5f60ff831680613b2d57634e487b7160e01b5f52601260045260245ffd5b8060ff8416069150509291505056fe9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f00a164736f6c634300081e000a",
}

// EscrowABI is the input ABI used to generate the binding from.
// Deprecated: Use EscrowMetaData.ABI instead.
var EscrowABI = EscrowMetaData.ABI

// Deprecated: Use EscrowMetaData.Sigs instead.
// EscrowFuncSigs maps the 4-byte function signature to its string representation.
var EscrowFuncSigs = EscrowMetaData.Sigs

// EscrowBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use EscrowMetaData.Bin instead.
var EscrowBin = EscrowMetaData.Bin

// DeployEscrow deploys a new Ethereum contract, binding an instance of Escrow to it.
func DeployEscrow(auth *bind.TransactOpts, backend bind.ContractBackend, c EscrowConfig) (common.Address, *types.Transaction, *Escrow, error) {
	parsed, err := EscrowMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(EscrowBin), backend, c)
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	return address, tx, &Escrow{EscrowCaller: EscrowCaller{contract: contract}, EscrowTransactor: EscrowTransactor{contract: contract}, EscrowFilterer: EscrowFilterer{contract: contract}}, nil
}

// Escrow is an auto generated Go binding around an Ethereum contract.
type Escrow struct {
	EscrowCaller     // Read-only binding to the contract
	EscrowTransactor // Write-only binding to the contract
	EscrowFilterer   // Log filterer for contract events
}

// EscrowCaller is an auto generated read-only Go binding around an Ethereum contract.
type EscrowCaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// EscrowTransactor is an auto generated write-only Go binding around an Ethereum contract.
type EscrowTransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// EscrowFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type EscrowFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// EscrowSession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type EscrowSession struct {
	Contract     *Escrow           // Generic contract binding to set the session for
	CallOpts     bind.CallOpts     // Call options to use throughout this session
	TransactOpts bind.TransactOpts // Transaction auth options to use throughout this session
}

// EscrowCallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type EscrowCallerSession struct {
	Contract *EscrowCaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts // Call options to use throughout this session
}

// EscrowTransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type EscrowTransactorSession struct {
	Contract     *EscrowTransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts // Transaction auth options to use throughout this session
}

// EscrowRaw is an auto generated low-level Go binding around an Ethereum contract.
type EscrowRaw struct {
	Contract *Escrow // Generic contract binding to access the raw methods on
}

// EscrowCallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type EscrowCallerRaw struct {
	Contract *EscrowCaller // Generic read-only contract binding to access the raw methods on
}

// EscrowTransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type EscrowTransactorRaw struct {
	Contract *EscrowTransactor // Generic write-only contract binding to access the raw methods on
}

// NewEscrow creates a new instance of Escrow, bound to a specific deployed contract.
func NewEscrow(address common.Address, backend bind.ContractBackend) (*Escrow, error) {
	contract, err := bindEscrow(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &Escrow{EscrowCaller: EscrowCaller{contract: contract}, EscrowTransactor: EscrowTransactor{contract: contract}, EscrowFilterer: EscrowFilterer{contract: contract}}, nil
}

// NewEscrowCaller creates a new read-only instance of Escrow, bound to a specific deployed contract.
func NewEscrowCaller(address common.Address, caller bind.ContractCaller) (*EscrowCaller, error) {
	contract, err := bindEscrow(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &EscrowCaller{contract: contract}, nil
}

// NewEscrowTransactor creates a new write-only instance of Escrow, bound to a specific deployed contract.
func NewEscrowTransactor(address common.Address, transactor bind.ContractTransactor) (*EscrowTransactor, error) {
	contract, err := bindEscrow(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &EscrowTransactor{contract: contract}, nil
}

// NewEscrowFilterer creates a new log filterer instance of Escrow, bound to a specific deployed contract.
func NewEscrowFilterer(address common.Address, filterer bind.ContractFilterer) (*EscrowFilterer, error) {
	contract, err := bindEscrow(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &EscrowFilterer{contract: contract}, nil
}

// bindEscrow binds a generic wrapper to an already deployed contract.
func bindEscrow(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := EscrowMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_Escrow *EscrowRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _Escrow.Contract.EscrowCaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_Escrow *EscrowRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _Escrow.Contract.EscrowTransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_Escrow *EscrowRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _Escrow.Contract.EscrowTransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_Escrow *EscrowCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _Escrow.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_Escrow *EscrowTransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _Escrow.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_Escrow *EscrowTransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _Escrow.Contract.contract.Transact(opts, method, params...)
}

// CHARGETYPEHASH is a free data retrieval call binding the contract method 0x662dd8f7.
//
// Solidity: function CHARGE_TYPEHASH() view returns(bytes32)
func (_Escrow *EscrowCaller) CHARGETYPEHASH(opts *bind.CallOpts) ([32]byte, error) {
	var out []interface{}
	err := _Escrow.contract.Call(opts, &out, "CHARGE_TYPEHASH")

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// CHARGETYPEHASH is a free data retrieval call binding the contract method 0x662dd8f7.
//
// Solidity: function CHARGE_TYPEHASH() view returns(bytes32)
func (_Escrow *EscrowSession) CHARGETYPEHASH() ([32]byte, error) {
	return _Escrow.Contract.CHARGETYPEHASH(&_Escrow.CallOpts)
}

// CHARGETYPEHASH is a free data retrieval call binding the contract method 0x662dd8f7.
//
// Solidity: function CHARGE_TYPEHASH() view returns(bytes32)
func (_Escrow *EscrowCallerSession) CHARGETYPEHASH() ([32]byte, error) {
	return _Escrow.Contract.CHARGETYPEHASH(&_Escrow.CallOpts)
}

// MAXSHAREBPS is a free data retrieval call binding the contract method 0x65f267be.
//
// Solidity: function MAX_SHARE_BPS() view returns(uint16)
func (_Escrow *EscrowCaller) MAXSHAREBPS(opts *bind.CallOpts) (uint16, error) {
	var out []interface{}
	err := _Escrow.contract.Call(opts, &out, "MAX_SHARE_BPS")

	if err != nil {
		return *new(uint16), err
	}

	out0 := *abi.ConvertType(out[0], new(uint16)).(*uint16)

	return out0, err

}

// MAXSHAREBPS is a free data retrieval call binding the contract method 0x65f267be.
//
// Solidity: function MAX_SHARE_BPS() view returns(uint16)
func (_Escrow *EscrowSession) MAXSHAREBPS() (uint16, error) {
	return _Escrow.Contract.MAXSHAREBPS(&_Escrow.CallOpts)
}

// MAXSHAREBPS is a free data retrieval call binding the contract method 0x65f267be.
//
// Solidity: function MAX_SHARE_BPS() view returns(uint16)
func (_Escrow *EscrowCallerSession) MAXSHAREBPS() (uint16, error) {
	return _Escrow.Contract.MAXSHAREBPS(&_Escrow.CallOpts)
}

// PAYOUTTYPEHASH is a free data retrieval call binding the contract method 0x2204b909.
//
// Solidity: function PAYOUT_TYPEHASH() view returns(bytes32)
func (_Escrow *EscrowCaller) PAYOUTTYPEHASH(opts *bind.CallOpts) ([32]byte, error) {
	var out []interface{}
	err := _Escrow.contract.Call(opts, &out, "PAYOUT_TYPEHASH")

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// PAYOUTTYPEHASH is a free data retrieval call binding the contract method 0x2204b909.
//
// Solidity: function PAYOUT_TYPEHASH() view returns(bytes32)
func (_Escrow *EscrowSession) PAYOUTTYPEHASH() ([32]byte, error) {
	return _Escrow.Contract.PAYOUTTYPEHASH(&_Escrow.CallOpts)
}

// PAYOUTTYPEHASH is a free data retrieval call binding the contract method 0x2204b909.
//
// Solidity: function PAYOUT_TYPEHASH() view returns(bytes32)
func (_Escrow *EscrowCallerSession) PAYOUTTYPEHASH() ([32]byte, error) {
	return _Escrow.Contract.PAYOUTTYPEHASH(&_Escrow.CallOpts)
}

// SETTLEMENTTYPEHASH is a free data retrieval call binding the contract method 0xb1fb79c0.
//
// Solidity: function SETTLEMENT_TYPEHASH() view returns(bytes32)
func (_Escrow *EscrowCaller) SETTLEMENTTYPEHASH(opts *bind.CallOpts) ([32]byte, error) {
	var out []interface{}
	err := _Escrow.contract.Call(opts, &out, "SETTLEMENT_TYPEHASH")

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// SETTLEMENTTYPEHASH is a free data retrieval call binding the contract method 0xb1fb79c0.
//
// Solidity: function SETTLEMENT_TYPEHASH() view returns(bytes32)
func (_Escrow *EscrowSession) SETTLEMENTTYPEHASH() ([32]byte, error) {
	return _Escrow.Contract.SETTLEMENTTYPEHASH(&_Escrow.CallOpts)
}

// SETTLEMENTTYPEHASH is a free data retrieval call binding the contract method 0xb1fb79c0.
//
// Solidity: function SETTLEMENT_TYPEHASH() view returns(bytes32)
func (_Escrow *EscrowCallerSession) SETTLEMENTTYPEHASH() ([32]byte, error) {
	return _Escrow.Contract.SETTLEMENTTYPEHASH(&_Escrow.CallOpts)
}

// USAGETYPEHASH is a free data retrieval call binding the contract method 0x0a4fc0f5.
//
// Solidity: function USAGE_TYPEHASH() view returns(bytes32)
func (_Escrow *EscrowCaller) USAGETYPEHASH(opts *bind.CallOpts) ([32]byte, error) {
	var out []interface{}
	err := _Escrow.contract.Call(opts, &out, "USAGE_TYPEHASH")

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// USAGETYPEHASH is a free data retrieval call binding the contract method 0x0a4fc0f5.
//
// Solidity: function USAGE_TYPEHASH() view returns(bytes32)
func (_Escrow *EscrowSession) USAGETYPEHASH() ([32]byte, error) {
	return _Escrow.Contract.USAGETYPEHASH(&_Escrow.CallOpts)
}

// USAGETYPEHASH is a free data retrieval call binding the contract method 0x0a4fc0f5.
//
// Solidity: function USAGE_TYPEHASH() view returns(bytes32)
func (_Escrow *EscrowCallerSession) USAGETYPEHASH() ([32]byte, error) {
	return _Escrow.Contract.USAGETYPEHASH(&_Escrow.CallOpts)
}

// BalanceOf is a free data retrieval call binding the contract method 0xf7888aec.
//
// Solidity: function balanceOf(address user, address asset) view returns(uint256)
func (_Escrow *EscrowCaller) BalanceOf(opts *bind.CallOpts, user common.Address, asset common.Address) (*big.Int, error) {
	var out []interface{}
	err := _Escrow.contract.Call(opts, &out, "balanceOf", user, asset)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// BalanceOf is a free data retrieval call binding the contract method 0xf7888aec.
//
// Solidity: function balanceOf(address user, address asset) view returns(uint256)
func (_Escrow *EscrowSession) BalanceOf(user common.Address, asset common.Address) (*big.Int, error) {
	return _Escrow.Contract.BalanceOf(&_Escrow.CallOpts, user, asset)
}

// BalanceOf is a free data retrieval call binding the contract method 0xf7888aec.
//
// Solidity: function balanceOf(address user, address asset) view returns(uint256)
func (_Escrow *EscrowCallerSession) BalanceOf(user common.Address, asset common.Address) (*big.Int, error) {
	return _Escrow.Contract.BalanceOf(&_Escrow.CallOpts, user, asset)
}

// DomainSeparator is a free data retrieval call binding the contract method 0xf698da25.
//
// Solidity: function domainSeparator() view returns(bytes32)
func (_Escrow *EscrowCaller) DomainSeparator(opts *bind.CallOpts) ([32]byte, error) {
	var out []interface{}
	err := _Escrow.contract.Call(opts, &out, "domainSeparator")

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// DomainSeparator is a free data retrieval call binding the contract method 0xf698da25.
//
// Solidity: function domainSeparator() view returns(bytes32)
func (_Escrow *EscrowSession) DomainSeparator() ([32]byte, error) {
	return _Escrow.Contract.DomainSeparator(&_Escrow.CallOpts)
}

// DomainSeparator is a free data retrieval call binding the contract method 0xf698da25.
//
// Solidity: function domainSeparator() view returns(bytes32)
func (_Escrow *EscrowCallerSession) DomainSeparator() ([32]byte, error) {
	return _Escrow.Contract.DomainSeparator(&_Escrow.CallOpts)
}

// Eip712Domain is a free data retrieval call binding the contract method 0x84b0196e.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (_Escrow *EscrowCaller) Eip712Domain(opts *bind.CallOpts) (struct {
	Fields            [1]byte
	Name              string
	Version           string
	ChainId           *big.Int
	VerifyingContract common.Address
	Salt              [32]byte
	Extensions        []*big.Int
}, error) {
	var out []interface{}
	err := _Escrow.contract.Call(opts, &out, "eip712Domain")

	outstruct := new(struct {
		Fields            [1]byte
		Name              string
		Version           string
		ChainId           *big.Int
		VerifyingContract common.Address
		Salt              [32]byte
		Extensions        []*big.Int
	})
	if err != nil {
		return *outstruct, err
	}

	outstruct.Fields = *abi.ConvertType(out[0], new([1]byte)).(*[1]byte)
	outstruct.Name = *abi.ConvertType(out[1], new(string)).(*string)
	outstruct.Version = *abi.ConvertType(out[2], new(string)).(*string)
	outstruct.ChainId = *abi.ConvertType(out[3], new(*big.Int)).(**big.Int)
	outstruct.VerifyingContract = *abi.ConvertType(out[4], new(common.Address)).(*common.Address)
	outstruct.Salt = *abi.ConvertType(out[5], new([32]byte)).(*[32]byte)
	outstruct.Extensions = *abi.ConvertType(out[6], new([]*big.Int)).(*[]*big.Int)

	return *outstruct, err

}

// Eip712Domain is a free data retrieval call binding the contract method 0x84b0196e.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (_Escrow *EscrowSession) Eip712Domain() (struct {
	Fields            [1]byte
	Name              string
	Version           string
	ChainId           *big.Int
	VerifyingContract common.Address
	Salt              [32]byte
	Extensions        []*big.Int
}, error) {
	return _Escrow.Contract.Eip712Domain(&_Escrow.CallOpts)
}

// Eip712Domain is a free data retrieval call binding the contract method 0x84b0196e.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (_Escrow *EscrowCallerSession) Eip712Domain() (struct {
	Fields            [1]byte
	Name              string
	Version           string
	ChainId           *big.Int
	VerifyingContract common.Address
	Salt              [32]byte
	Extensions        []*big.Int
}, error) {
	return _Escrow.Contract.Eip712Domain(&_Escrow.CallOpts)
}

// ExpiresAt is a free data retrieval call binding the contract method 0x8622a689.
//
// Solidity: function expiresAt() view returns(uint64)
func (_Escrow *EscrowCaller) ExpiresAt(opts *bind.CallOpts) (uint64, error) {
	var out []interface{}
	err := _Escrow.contract.Call(opts, &out, "expiresAt")

	if err != nil {
		return *new(uint64), err
	}

	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)

	return out0, err

}

// ExpiresAt is a free data retrieval call binding the contract method 0x8622a689.
//
// Solidity: function expiresAt() view returns(uint64)
func (_Escrow *EscrowSession) ExpiresAt() (uint64, error) {
	return _Escrow.Contract.ExpiresAt(&_Escrow.CallOpts)
}

// ExpiresAt is a free data retrieval call binding the contract method 0x8622a689.
//
// Solidity: function expiresAt() view returns(uint64)
func (_Escrow *EscrowCallerSession) ExpiresAt() (uint64, error) {
	return _Escrow.Contract.ExpiresAt(&_Escrow.CallOpts)
}

// HashSettlement is a free data retrieval call binding the contract method 0x20bf7525.
//
// Solidity: function hashSettlement((uint256,address,(address,uint256)[],(address,uint256)[],(uint256,uint256)[],uint256) s) view returns(bytes32)
func (_Escrow *EscrowCaller) HashSettlement(opts *bind.CallOpts, s EscrowSettlement) ([32]byte, error) {
	var out []interface{}
	err := _Escrow.contract.Call(opts, &out, "hashSettlement", s)

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// HashSettlement is a free data retrieval call binding the contract method 0x20bf7525.
//
// Solidity: function hashSettlement((uint256,address,(address,uint256)[],(address,uint256)[],(uint256,uint256)[],uint256) s) view returns(bytes32)
func (_Escrow *EscrowSession) HashSettlement(s EscrowSettlement) ([32]byte, error) {
	return _Escrow.Contract.HashSettlement(&_Escrow.CallOpts, s)
}

// HashSettlement is a free data retrieval call binding the contract method 0x20bf7525.
//
// Solidity: function hashSettlement((uint256,address,(address,uint256)[],(address,uint256)[],(uint256,uint256)[],uint256) s) view returns(bytes32)
func (_Escrow *EscrowCallerSession) HashSettlement(s EscrowSettlement) ([32]byte, error) {
	return _Escrow.Contract.HashSettlement(&_Escrow.CallOpts, s)
}

// Marketplace is a free data retrieval call binding the contract method 0xabc8c7af.
//
// Solidity: function marketplace() view returns(address)
func (_Escrow *EscrowCaller) Marketplace(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _Escrow.contract.Call(opts, &out, "marketplace")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Marketplace is a free data retrieval call binding the contract method 0xabc8c7af.
//
// Solidity: function marketplace() view returns(address)
func (_Escrow *EscrowSession) Marketplace() (common.Address, error) {
	return _Escrow.Contract.Marketplace(&_Escrow.CallOpts)
}

// Marketplace is a free data retrieval call binding the contract method 0xabc8c7af.
//
// Solidity: function marketplace() view returns(address)
func (_Escrow *EscrowCallerSession) Marketplace() (common.Address, error) {
	return _Escrow.Contract.Marketplace(&_Escrow.CallOpts)
}

// MaxPrice is a free data retrieval call binding the contract method 0xe38d6b5c.
//
// Solidity: function maxPrice() view returns(int256)
func (_Escrow *EscrowCaller) MaxPrice(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _Escrow.contract.Call(opts, &out, "maxPrice")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// MaxPrice is a free data retrieval call binding the contract method 0xe38d6b5c.
//
// Solidity: function maxPrice() view returns(int256)
func (_Escrow *EscrowSession) MaxPrice() (*big.Int, error) {
	return _Escrow.Contract.MaxPrice(&_Escrow.CallOpts)
}

// MaxPrice is a free data retrieval call binding the contract method 0xe38d6b5c.
//
// Solidity: function maxPrice() view returns(int256)
func (_Escrow *EscrowCallerSession) MaxPrice() (*big.Int, error) {
	return _Escrow.Contract.MaxPrice(&_Escrow.CallOpts)
}

// MaxPriceAge is a free data retrieval call binding the contract method 0x1584410a.
//
// Solidity: function maxPriceAge() view returns(uint64)
func (_Escrow *EscrowCaller) MaxPriceAge(opts *bind.CallOpts) (uint64, error) {
	var out []interface{}
	err := _Escrow.contract.Call(opts, &out, "maxPriceAge")

	if err != nil {
		return *new(uint64), err
	}

	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)

	return out0, err

}

// MaxPriceAge is a free data retrieval call binding the contract method 0x1584410a.
//
// Solidity: function maxPriceAge() view returns(uint64)
func (_Escrow *EscrowSession) MaxPriceAge() (uint64, error) {
	return _Escrow.Contract.MaxPriceAge(&_Escrow.CallOpts)
}

// MaxPriceAge is a free data retrieval call binding the contract method 0x1584410a.
//
// Solidity: function maxPriceAge() view returns(uint64)
func (_Escrow *EscrowCallerSession) MaxPriceAge() (uint64, error) {
	return _Escrow.Contract.MaxPriceAge(&_Escrow.CallOpts)
}

// MinPrice is a free data retrieval call binding the contract method 0xe45be8eb.
//
// Solidity: function minPrice() view returns(int256)
func (_Escrow *EscrowCaller) MinPrice(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _Escrow.contract.Call(opts, &out, "minPrice")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// MinPrice is a free data retrieval call binding the contract method 0xe45be8eb.
//
// Solidity: function minPrice() view returns(int256)
func (_Escrow *EscrowSession) MinPrice() (*big.Int, error) {
	return _Escrow.Contract.MinPrice(&_Escrow.CallOpts)
}

// MinPrice is a free data retrieval call binding the contract method 0xe45be8eb.
//
// Solidity: function minPrice() view returns(int256)
func (_Escrow *EscrowCallerSession) MinPrice() (*big.Int, error) {
	return _Escrow.Contract.MinPrice(&_Escrow.CallOpts)
}

// NoticePeriod is a free data retrieval call binding the contract method 0x9b14d4c6.
//
// Solidity: function noticePeriod() view returns(uint64)
func (_Escrow *EscrowCaller) NoticePeriod(opts *bind.CallOpts) (uint64, error) {
	var out []interface{}
	err := _Escrow.contract.Call(opts, &out, "noticePeriod")

	if err != nil {
		return *new(uint64), err
	}

	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)

	return out0, err

}

// NoticePeriod is a free data retrieval call binding the contract method 0x9b14d4c6.
//
// Solidity: function noticePeriod() view returns(uint64)
func (_Escrow *EscrowSession) NoticePeriod() (uint64, error) {
	return _Escrow.Contract.NoticePeriod(&_Escrow.CallOpts)
}

// NoticePeriod is a free data retrieval call binding the contract method 0x9b14d4c6.
//
// Solidity: function noticePeriod() view returns(uint64)
func (_Escrow *EscrowCallerSession) NoticePeriod() (uint64, error) {
	return _Escrow.Contract.NoticePeriod(&_Escrow.CallOpts)
}

// Operator is a free data retrieval call binding the contract method 0x570ca735.
//
// Solidity: function operator() view returns(address)
func (_Escrow *EscrowCaller) Operator(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _Escrow.contract.Call(opts, &out, "operator")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Operator is a free data retrieval call binding the contract method 0x570ca735.
//
// Solidity: function operator() view returns(address)
func (_Escrow *EscrowSession) Operator() (common.Address, error) {
	return _Escrow.Contract.Operator(&_Escrow.CallOpts)
}

// Operator is a free data retrieval call binding the contract method 0x570ca735.
//
// Solidity: function operator() view returns(address)
func (_Escrow *EscrowCallerSession) Operator() (common.Address, error) {
	return _Escrow.Contract.Operator(&_Escrow.CallOpts)
}

// Owner is a free data retrieval call binding the contract method 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (_Escrow *EscrowCaller) Owner(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _Escrow.contract.Call(opts, &out, "owner")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Owner is a free data retrieval call binding the contract method 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (_Escrow *EscrowSession) Owner() (common.Address, error) {
	return _Escrow.Contract.Owner(&_Escrow.CallOpts)
}

// Owner is a free data retrieval call binding the contract method 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (_Escrow *EscrowCallerSession) Owner() (common.Address, error) {
	return _Escrow.Contract.Owner(&_Escrow.CallOpts)
}

// PriceFeed is a free data retrieval call binding the contract method 0x741bef1a.
//
// Solidity: function priceFeed() view returns(address)
func (_Escrow *EscrowCaller) PriceFeed(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _Escrow.contract.Call(opts, &out, "priceFeed")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// PriceFeed is a free data retrieval call binding the contract method 0x741bef1a.
//
// Solidity: function priceFeed() view returns(address)
func (_Escrow *EscrowSession) PriceFeed() (common.Address, error) {
	return _Escrow.Contract.PriceFeed(&_Escrow.CallOpts)
}

// PriceFeed is a free data retrieval call binding the contract method 0x741bef1a.
//
// Solidity: function priceFeed() view returns(address)
func (_Escrow *EscrowCallerSession) PriceFeed() (common.Address, error) {
	return _Escrow.Contract.PriceFeed(&_Escrow.CallOpts)
}

// Revoked is a free data retrieval call binding the contract method 0x63d256ce.
//
// Solidity: function revoked() view returns(bool)
func (_Escrow *EscrowCaller) Revoked(opts *bind.CallOpts) (bool, error) {
	var out []interface{}
	err := _Escrow.contract.Call(opts, &out, "revoked")

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// Revoked is a free data retrieval call binding the contract method 0x63d256ce.
//
// Solidity: function revoked() view returns(bool)
func (_Escrow *EscrowSession) Revoked() (bool, error) {
	return _Escrow.Contract.Revoked(&_Escrow.CallOpts)
}

// Revoked is a free data retrieval call binding the contract method 0x63d256ce.
//
// Solidity: function revoked() view returns(bool)
func (_Escrow *EscrowCallerSession) Revoked() (bool, error) {
	return _Escrow.Contract.Revoked(&_Escrow.CallOpts)
}

// RoyaltyBps is a free data retrieval call binding the contract method 0xc63adb2b.
//
// Solidity: function royaltyBps() view returns(uint16)
func (_Escrow *EscrowCaller) RoyaltyBps(opts *bind.CallOpts) (uint16, error) {
	var out []interface{}
	err := _Escrow.contract.Call(opts, &out, "royaltyBps")

	if err != nil {
		return *new(uint16), err
	}

	out0 := *abi.ConvertType(out[0], new(uint16)).(*uint16)

	return out0, err

}

// RoyaltyBps is a free data retrieval call binding the contract method 0xc63adb2b.
//
// Solidity: function royaltyBps() view returns(uint16)
func (_Escrow *EscrowSession) RoyaltyBps() (uint16, error) {
	return _Escrow.Contract.RoyaltyBps(&_Escrow.CallOpts)
}

// RoyaltyBps is a free data retrieval call binding the contract method 0xc63adb2b.
//
// Solidity: function royaltyBps() view returns(uint16)
func (_Escrow *EscrowCallerSession) RoyaltyBps() (uint16, error) {
	return _Escrow.Contract.RoyaltyBps(&_Escrow.CallOpts)
}

// Settled is a free data retrieval call binding the contract method 0x28345780.
//
// Solidity: function settled(uint256 id) view returns(bool)
func (_Escrow *EscrowCaller) Settled(opts *bind.CallOpts, id *big.Int) (bool, error) {
	var out []interface{}
	err := _Escrow.contract.Call(opts, &out, "settled", id)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// Settled is a free data retrieval call binding the contract method 0x28345780.
//
// Solidity: function settled(uint256 id) view returns(bool)
func (_Escrow *EscrowSession) Settled(id *big.Int) (bool, error) {
	return _Escrow.Contract.Settled(&_Escrow.CallOpts, id)
}

// Settled is a free data retrieval call binding the contract method 0x28345780.
//
// Solidity: function settled(uint256 id) view returns(bool)
func (_Escrow *EscrowCallerSession) Settled(id *big.Int) (bool, error) {
	return _Escrow.Contract.Settled(&_Escrow.CallOpts, id)
}

// Signer is a free data retrieval call binding the contract method 0x238ac933.
//
// Solidity: function signer() view returns(address)
func (_Escrow *EscrowCaller) Signer(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _Escrow.contract.Call(opts, &out, "signer")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Signer is a free data retrieval call binding the contract method 0x238ac933.
//
// Solidity: function signer() view returns(address)
func (_Escrow *EscrowSession) Signer() (common.Address, error) {
	return _Escrow.Contract.Signer(&_Escrow.CallOpts)
}

// Signer is a free data retrieval call binding the contract method 0x238ac933.
//
// Solidity: function signer() view returns(address)
func (_Escrow *EscrowCallerSession) Signer() (common.Address, error) {
	return _Escrow.Contract.Signer(&_Escrow.CallOpts)
}

// Stable is a free data retrieval call binding the contract method 0x22be3de1.
//
// Solidity: function stable() view returns(address)
func (_Escrow *EscrowCaller) Stable(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _Escrow.contract.Call(opts, &out, "stable")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Stable is a free data retrieval call binding the contract method 0x22be3de1.
//
// Solidity: function stable() view returns(address)
func (_Escrow *EscrowSession) Stable() (common.Address, error) {
	return _Escrow.Contract.Stable(&_Escrow.CallOpts)
}

// Stable is a free data retrieval call binding the contract method 0x22be3de1.
//
// Solidity: function stable() view returns(address)
func (_Escrow *EscrowCallerSession) Stable() (common.Address, error) {
	return _Escrow.Contract.Stable(&_Escrow.CallOpts)
}

// Staking is a free data retrieval call binding the contract method 0x4cf088d9.
//
// Solidity: function staking() view returns(address)
func (_Escrow *EscrowCaller) Staking(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _Escrow.contract.Call(opts, &out, "staking")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Staking is a free data retrieval call binding the contract method 0x4cf088d9.
//
// Solidity: function staking() view returns(address)
func (_Escrow *EscrowSession) Staking() (common.Address, error) {
	return _Escrow.Contract.Staking(&_Escrow.CallOpts)
}

// Staking is a free data retrieval call binding the contract method 0x4cf088d9.
//
// Solidity: function staking() view returns(address)
func (_Escrow *EscrowCallerSession) Staking() (common.Address, error) {
	return _Escrow.Contract.Staking(&_Escrow.CallOpts)
}

// StakingBps is a free data retrieval call binding the contract method 0xe16314b5.
//
// Solidity: function stakingBps() view returns(uint16)
func (_Escrow *EscrowCaller) StakingBps(opts *bind.CallOpts) (uint16, error) {
	var out []interface{}
	err := _Escrow.contract.Call(opts, &out, "stakingBps")

	if err != nil {
		return *new(uint16), err
	}

	out0 := *abi.ConvertType(out[0], new(uint16)).(*uint16)

	return out0, err

}

// StakingBps is a free data retrieval call binding the contract method 0xe16314b5.
//
// Solidity: function stakingBps() view returns(uint16)
func (_Escrow *EscrowSession) StakingBps() (uint16, error) {
	return _Escrow.Contract.StakingBps(&_Escrow.CallOpts)
}

// StakingBps is a free data retrieval call binding the contract method 0xe16314b5.
//
// Solidity: function stakingBps() view returns(uint16)
func (_Escrow *EscrowCallerSession) StakingBps() (uint16, error) {
	return _Escrow.Contract.StakingBps(&_Escrow.CallOpts)
}

// Token is a free data retrieval call binding the contract method 0xfc0c546a.
//
// Solidity: function token() view returns(address)
func (_Escrow *EscrowCaller) Token(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _Escrow.contract.Call(opts, &out, "token")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Token is a free data retrieval call binding the contract method 0xfc0c546a.
//
// Solidity: function token() view returns(address)
func (_Escrow *EscrowSession) Token() (common.Address, error) {
	return _Escrow.Contract.Token(&_Escrow.CallOpts)
}

// Token is a free data retrieval call binding the contract method 0xfc0c546a.
//
// Solidity: function token() view returns(address)
func (_Escrow *EscrowCallerSession) Token() (common.Address, error) {
	return _Escrow.Contract.Token(&_Escrow.CallOpts)
}

// TotalBalance is a free data retrieval call binding the contract method 0x6eacd398.
//
// Solidity: function totalBalance(address asset) view returns(uint256)
func (_Escrow *EscrowCaller) TotalBalance(opts *bind.CallOpts, asset common.Address) (*big.Int, error) {
	var out []interface{}
	err := _Escrow.contract.Call(opts, &out, "totalBalance", asset)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// TotalBalance is a free data retrieval call binding the contract method 0x6eacd398.
//
// Solidity: function totalBalance(address asset) view returns(uint256)
func (_Escrow *EscrowSession) TotalBalance(asset common.Address) (*big.Int, error) {
	return _Escrow.Contract.TotalBalance(&_Escrow.CallOpts, asset)
}

// TotalBalance is a free data retrieval call binding the contract method 0x6eacd398.
//
// Solidity: function totalBalance(address asset) view returns(uint256)
func (_Escrow *EscrowCallerSession) TotalBalance(asset common.Address) (*big.Int, error) {
	return _Escrow.Contract.TotalBalance(&_Escrow.CallOpts, asset)
}

// UsdValue is a free data retrieval call binding the contract method 0xef610d8d.
//
// Solidity: function usdValue(address asset, uint256 amount) view returns(uint256)
func (_Escrow *EscrowCaller) UsdValue(opts *bind.CallOpts, asset common.Address, amount *big.Int) (*big.Int, error) {
	var out []interface{}
	err := _Escrow.contract.Call(opts, &out, "usdValue", asset, amount)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// UsdValue is a free data retrieval call binding the contract method 0xef610d8d.
//
// Solidity: function usdValue(address asset, uint256 amount) view returns(uint256)
func (_Escrow *EscrowSession) UsdValue(asset common.Address, amount *big.Int) (*big.Int, error) {
	return _Escrow.Contract.UsdValue(&_Escrow.CallOpts, asset, amount)
}

// UsdValue is a free data retrieval call binding the contract method 0xef610d8d.
//
// Solidity: function usdValue(address asset, uint256 amount) view returns(uint256)
func (_Escrow *EscrowCallerSession) UsdValue(asset common.Address, amount *big.Int) (*big.Int, error) {
	return _Escrow.Contract.UsdValue(&_Escrow.CallOpts, asset, amount)
}

// Withdrawals is a free data retrieval call binding the contract method 0xcd47bde1.
//
// Solidity: function withdrawals(address user, address asset) view returns(uint256 amount, uint64 readyAt)
func (_Escrow *EscrowCaller) Withdrawals(opts *bind.CallOpts, user common.Address, asset common.Address) (struct {
	Amount  *big.Int
	ReadyAt uint64
}, error) {
	var out []interface{}
	err := _Escrow.contract.Call(opts, &out, "withdrawals", user, asset)

	outstruct := new(struct {
		Amount  *big.Int
		ReadyAt uint64
	})
	if err != nil {
		return *outstruct, err
	}

	outstruct.Amount = *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)
	outstruct.ReadyAt = *abi.ConvertType(out[1], new(uint64)).(*uint64)

	return *outstruct, err

}

// Withdrawals is a free data retrieval call binding the contract method 0xcd47bde1.
//
// Solidity: function withdrawals(address user, address asset) view returns(uint256 amount, uint64 readyAt)
func (_Escrow *EscrowSession) Withdrawals(user common.Address, asset common.Address) (struct {
	Amount  *big.Int
	ReadyAt uint64
}, error) {
	return _Escrow.Contract.Withdrawals(&_Escrow.CallOpts, user, asset)
}

// Withdrawals is a free data retrieval call binding the contract method 0xcd47bde1.
//
// Solidity: function withdrawals(address user, address asset) view returns(uint256 amount, uint64 readyAt)
func (_Escrow *EscrowCallerSession) Withdrawals(user common.Address, asset common.Address) (struct {
	Amount  *big.Int
	ReadyAt uint64
}, error) {
	return _Escrow.Contract.Withdrawals(&_Escrow.CallOpts, user, asset)
}

// Deposit is a paid mutator transaction binding the contract method 0x47e7ef24.
//
// Solidity: function deposit(address asset, uint256 amount) returns()
func (_Escrow *EscrowTransactor) Deposit(opts *bind.TransactOpts, asset common.Address, amount *big.Int) (*types.Transaction, error) {
	return _Escrow.contract.Transact(opts, "deposit", asset, amount)
}

// Deposit is a paid mutator transaction binding the contract method 0x47e7ef24.
//
// Solidity: function deposit(address asset, uint256 amount) returns()
func (_Escrow *EscrowSession) Deposit(asset common.Address, amount *big.Int) (*types.Transaction, error) {
	return _Escrow.Contract.Deposit(&_Escrow.TransactOpts, asset, amount)
}

// Deposit is a paid mutator transaction binding the contract method 0x47e7ef24.
//
// Solidity: function deposit(address asset, uint256 amount) returns()
func (_Escrow *EscrowTransactorSession) Deposit(asset common.Address, amount *big.Int) (*types.Transaction, error) {
	return _Escrow.Contract.Deposit(&_Escrow.TransactOpts, asset, amount)
}

// DepositFor is a paid mutator transaction binding the contract method 0xb3db428b.
//
// Solidity: function depositFor(address user, address asset, uint256 amount) returns()
func (_Escrow *EscrowTransactor) DepositFor(opts *bind.TransactOpts, user common.Address, asset common.Address, amount *big.Int) (*types.Transaction, error) {
	return _Escrow.contract.Transact(opts, "depositFor", user, asset, amount)
}

// DepositFor is a paid mutator transaction binding the contract method 0xb3db428b.
//
// Solidity: function depositFor(address user, address asset, uint256 amount) returns()
func (_Escrow *EscrowSession) DepositFor(user common.Address, asset common.Address, amount *big.Int) (*types.Transaction, error) {
	return _Escrow.Contract.DepositFor(&_Escrow.TransactOpts, user, asset, amount)
}

// DepositFor is a paid mutator transaction binding the contract method 0xb3db428b.
//
// Solidity: function depositFor(address user, address asset, uint256 amount) returns()
func (_Escrow *EscrowTransactorSession) DepositFor(user common.Address, asset common.Address, amount *big.Int) (*types.Transaction, error) {
	return _Escrow.Contract.DepositFor(&_Escrow.TransactOpts, user, asset, amount)
}

// RenounceOwnership is a paid mutator transaction binding the contract method 0x715018a6.
//
// Solidity: function renounceOwnership() returns()
func (_Escrow *EscrowTransactor) RenounceOwnership(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _Escrow.contract.Transact(opts, "renounceOwnership")
}

// RenounceOwnership is a paid mutator transaction binding the contract method 0x715018a6.
//
// Solidity: function renounceOwnership() returns()
func (_Escrow *EscrowSession) RenounceOwnership() (*types.Transaction, error) {
	return _Escrow.Contract.RenounceOwnership(&_Escrow.TransactOpts)
}

// RenounceOwnership is a paid mutator transaction binding the contract method 0x715018a6.
//
// Solidity: function renounceOwnership() returns()
func (_Escrow *EscrowTransactorSession) RenounceOwnership() (*types.Transaction, error) {
	return _Escrow.Contract.RenounceOwnership(&_Escrow.TransactOpts)
}

// RequestWithdrawal is a paid mutator transaction binding the contract method 0xda95ebf7.
//
// Solidity: function requestWithdrawal(address asset, uint256 amount) returns()
func (_Escrow *EscrowTransactor) RequestWithdrawal(opts *bind.TransactOpts, asset common.Address, amount *big.Int) (*types.Transaction, error) {
	return _Escrow.contract.Transact(opts, "requestWithdrawal", asset, amount)
}

// RequestWithdrawal is a paid mutator transaction binding the contract method 0xda95ebf7.
//
// Solidity: function requestWithdrawal(address asset, uint256 amount) returns()
func (_Escrow *EscrowSession) RequestWithdrawal(asset common.Address, amount *big.Int) (*types.Transaction, error) {
	return _Escrow.Contract.RequestWithdrawal(&_Escrow.TransactOpts, asset, amount)
}

// RequestWithdrawal is a paid mutator transaction binding the contract method 0xda95ebf7.
//
// Solidity: function requestWithdrawal(address asset, uint256 amount) returns()
func (_Escrow *EscrowTransactorSession) RequestWithdrawal(asset common.Address, amount *big.Int) (*types.Transaction, error) {
	return _Escrow.Contract.RequestWithdrawal(&_Escrow.TransactOpts, asset, amount)
}

// Revoke is a paid mutator transaction binding the contract method 0xb6549f75.
//
// Solidity: function revoke() returns()
func (_Escrow *EscrowTransactor) Revoke(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _Escrow.contract.Transact(opts, "revoke")
}

// Revoke is a paid mutator transaction binding the contract method 0xb6549f75.
//
// Solidity: function revoke() returns()
func (_Escrow *EscrowSession) Revoke() (*types.Transaction, error) {
	return _Escrow.Contract.Revoke(&_Escrow.TransactOpts)
}

// Revoke is a paid mutator transaction binding the contract method 0xb6549f75.
//
// Solidity: function revoke() returns()
func (_Escrow *EscrowTransactorSession) Revoke() (*types.Transaction, error) {
	return _Escrow.Contract.Revoke(&_Escrow.TransactOpts)
}

// SetMaxPriceAge is a paid mutator transaction binding the contract method 0xb7bbba85.
//
// Solidity: function setMaxPriceAge(uint64 age) returns()
func (_Escrow *EscrowTransactor) SetMaxPriceAge(opts *bind.TransactOpts, age uint64) (*types.Transaction, error) {
	return _Escrow.contract.Transact(opts, "setMaxPriceAge", age)
}

// SetMaxPriceAge is a paid mutator transaction binding the contract method 0xb7bbba85.
//
// Solidity: function setMaxPriceAge(uint64 age) returns()
func (_Escrow *EscrowSession) SetMaxPriceAge(age uint64) (*types.Transaction, error) {
	return _Escrow.Contract.SetMaxPriceAge(&_Escrow.TransactOpts, age)
}

// SetMaxPriceAge is a paid mutator transaction binding the contract method 0xb7bbba85.
//
// Solidity: function setMaxPriceAge(uint64 age) returns()
func (_Escrow *EscrowTransactorSession) SetMaxPriceAge(age uint64) (*types.Transaction, error) {
	return _Escrow.Contract.SetMaxPriceAge(&_Escrow.TransactOpts, age)
}

// SetOperator is a paid mutator transaction binding the contract method 0xb3ab15fb.
//
// Solidity: function setOperator(address operator_) returns()
func (_Escrow *EscrowTransactor) SetOperator(opts *bind.TransactOpts, operator_ common.Address) (*types.Transaction, error) {
	return _Escrow.contract.Transact(opts, "setOperator", operator_)
}

// SetOperator is a paid mutator transaction binding the contract method 0xb3ab15fb.
//
// Solidity: function setOperator(address operator_) returns()
func (_Escrow *EscrowSession) SetOperator(operator_ common.Address) (*types.Transaction, error) {
	return _Escrow.Contract.SetOperator(&_Escrow.TransactOpts, operator_)
}

// SetOperator is a paid mutator transaction binding the contract method 0xb3ab15fb.
//
// Solidity: function setOperator(address operator_) returns()
func (_Escrow *EscrowTransactorSession) SetOperator(operator_ common.Address) (*types.Transaction, error) {
	return _Escrow.Contract.SetOperator(&_Escrow.TransactOpts, operator_)
}

// SetPriceBounds is a paid mutator transaction binding the contract method 0xaaa38ac3.
//
// Solidity: function setPriceBounds(int256 min_, int256 max_) returns()
func (_Escrow *EscrowTransactor) SetPriceBounds(opts *bind.TransactOpts, min_ *big.Int, max_ *big.Int) (*types.Transaction, error) {
	return _Escrow.contract.Transact(opts, "setPriceBounds", min_, max_)
}

// SetPriceBounds is a paid mutator transaction binding the contract method 0xaaa38ac3.
//
// Solidity: function setPriceBounds(int256 min_, int256 max_) returns()
func (_Escrow *EscrowSession) SetPriceBounds(min_ *big.Int, max_ *big.Int) (*types.Transaction, error) {
	return _Escrow.Contract.SetPriceBounds(&_Escrow.TransactOpts, min_, max_)
}

// SetPriceBounds is a paid mutator transaction binding the contract method 0xaaa38ac3.
//
// Solidity: function setPriceBounds(int256 min_, int256 max_) returns()
func (_Escrow *EscrowTransactorSession) SetPriceBounds(min_ *big.Int, max_ *big.Int) (*types.Transaction, error) {
	return _Escrow.Contract.SetPriceBounds(&_Escrow.TransactOpts, min_, max_)
}

// SetShares is a paid mutator transaction binding the contract method 0x335b37c7.
//
// Solidity: function setShares(uint16 stakingBps_, uint16 royaltyBps_) returns()
func (_Escrow *EscrowTransactor) SetShares(opts *bind.TransactOpts, stakingBps_ uint16, royaltyBps_ uint16) (*types.Transaction, error) {
	return _Escrow.contract.Transact(opts, "setShares", stakingBps_, royaltyBps_)
}

// SetShares is a paid mutator transaction binding the contract method 0x335b37c7.
//
// Solidity: function setShares(uint16 stakingBps_, uint16 royaltyBps_) returns()
func (_Escrow *EscrowSession) SetShares(stakingBps_ uint16, royaltyBps_ uint16) (*types.Transaction, error) {
	return _Escrow.Contract.SetShares(&_Escrow.TransactOpts, stakingBps_, royaltyBps_)
}

// SetShares is a paid mutator transaction binding the contract method 0x335b37c7.
//
// Solidity: function setShares(uint16 stakingBps_, uint16 royaltyBps_) returns()
func (_Escrow *EscrowTransactorSession) SetShares(stakingBps_ uint16, royaltyBps_ uint16) (*types.Transaction, error) {
	return _Escrow.Contract.SetShares(&_Escrow.TransactOpts, stakingBps_, royaltyBps_)
}

// SetSigner is a paid mutator transaction binding the contract method 0x6c19e783.
//
// Solidity: function setSigner(address signer_) returns()
func (_Escrow *EscrowTransactor) SetSigner(opts *bind.TransactOpts, signer_ common.Address) (*types.Transaction, error) {
	return _Escrow.contract.Transact(opts, "setSigner", signer_)
}

// SetSigner is a paid mutator transaction binding the contract method 0x6c19e783.
//
// Solidity: function setSigner(address signer_) returns()
func (_Escrow *EscrowSession) SetSigner(signer_ common.Address) (*types.Transaction, error) {
	return _Escrow.Contract.SetSigner(&_Escrow.TransactOpts, signer_)
}

// SetSigner is a paid mutator transaction binding the contract method 0x6c19e783.
//
// Solidity: function setSigner(address signer_) returns()
func (_Escrow *EscrowTransactorSession) SetSigner(signer_ common.Address) (*types.Transaction, error) {
	return _Escrow.Contract.SetSigner(&_Escrow.TransactOpts, signer_)
}

// Settle is a paid mutator transaction binding the contract method 0x1018c3b3.
//
// Solidity: function settle((uint256,address,(address,uint256)[],(address,uint256)[],(uint256,uint256)[],uint256) s, bytes signature) returns()
func (_Escrow *EscrowTransactor) Settle(opts *bind.TransactOpts, s EscrowSettlement, signature []byte) (*types.Transaction, error) {
	return _Escrow.contract.Transact(opts, "settle", s, signature)
}

// Settle is a paid mutator transaction binding the contract method 0x1018c3b3.
//
// Solidity: function settle((uint256,address,(address,uint256)[],(address,uint256)[],(uint256,uint256)[],uint256) s, bytes signature) returns()
func (_Escrow *EscrowSession) Settle(s EscrowSettlement, signature []byte) (*types.Transaction, error) {
	return _Escrow.Contract.Settle(&_Escrow.TransactOpts, s, signature)
}

// Settle is a paid mutator transaction binding the contract method 0x1018c3b3.
//
// Solidity: function settle((uint256,address,(address,uint256)[],(address,uint256)[],(uint256,uint256)[],uint256) s, bytes signature) returns()
func (_Escrow *EscrowTransactorSession) Settle(s EscrowSettlement, signature []byte) (*types.Transaction, error) {
	return _Escrow.Contract.Settle(&_Escrow.TransactOpts, s, signature)
}

// TransferOwnership is a paid mutator transaction binding the contract method 0xf2fde38b.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (_Escrow *EscrowTransactor) TransferOwnership(opts *bind.TransactOpts, newOwner common.Address) (*types.Transaction, error) {
	return _Escrow.contract.Transact(opts, "transferOwnership", newOwner)
}

// TransferOwnership is a paid mutator transaction binding the contract method 0xf2fde38b.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (_Escrow *EscrowSession) TransferOwnership(newOwner common.Address) (*types.Transaction, error) {
	return _Escrow.Contract.TransferOwnership(&_Escrow.TransactOpts, newOwner)
}

// TransferOwnership is a paid mutator transaction binding the contract method 0xf2fde38b.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (_Escrow *EscrowTransactorSession) TransferOwnership(newOwner common.Address) (*types.Transaction, error) {
	return _Escrow.Contract.TransferOwnership(&_Escrow.TransactOpts, newOwner)
}

// Withdraw is a paid mutator transaction binding the contract method 0x51cff8d9.
//
// Solidity: function withdraw(address asset) returns()
func (_Escrow *EscrowTransactor) Withdraw(opts *bind.TransactOpts, asset common.Address) (*types.Transaction, error) {
	return _Escrow.contract.Transact(opts, "withdraw", asset)
}

// Withdraw is a paid mutator transaction binding the contract method 0x51cff8d9.
//
// Solidity: function withdraw(address asset) returns()
func (_Escrow *EscrowSession) Withdraw(asset common.Address) (*types.Transaction, error) {
	return _Escrow.Contract.Withdraw(&_Escrow.TransactOpts, asset)
}

// Withdraw is a paid mutator transaction binding the contract method 0x51cff8d9.
//
// Solidity: function withdraw(address asset) returns()
func (_Escrow *EscrowTransactorSession) Withdraw(asset common.Address) (*types.Transaction, error) {
	return _Escrow.Contract.Withdraw(&_Escrow.TransactOpts, asset)
}

// EscrowChargedIterator is returned from FilterCharged and is used to iterate over the raw logs and unpacked data for Charged events raised by the Escrow contract.
type EscrowChargedIterator struct {
	Event *EscrowCharged // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *EscrowChargedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(EscrowCharged)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(EscrowCharged)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *EscrowChargedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *EscrowChargedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// EscrowCharged represents a Charged event raised by the Escrow contract.
type EscrowCharged struct {
	Id     *big.Int
	User   common.Address
	Asset  common.Address
	Amount *big.Int
	Raw    types.Log // Blockchain specific contextual infos
}

// FilterCharged is a free log retrieval operation binding the contract event 0x965752d32e45e5e89cfb5801b8523a3dcbb8aee6d0df14a2560da6ad6d972ff5.
//
// Solidity: event Charged(uint256 indexed id, address indexed user, address indexed asset, uint256 amount)
func (_Escrow *EscrowFilterer) FilterCharged(opts *bind.FilterOpts, id []*big.Int, user []common.Address, asset []common.Address) (*EscrowChargedIterator, error) {

	var idRule []interface{}
	for _, idItem := range id {
		idRule = append(idRule, idItem)
	}
	var userRule []interface{}
	for _, userItem := range user {
		userRule = append(userRule, userItem)
	}
	var assetRule []interface{}
	for _, assetItem := range asset {
		assetRule = append(assetRule, assetItem)
	}

	logs, sub, err := _Escrow.contract.FilterLogs(opts, "Charged", idRule, userRule, assetRule)
	if err != nil {
		return nil, err
	}
	return &EscrowChargedIterator{contract: _Escrow.contract, event: "Charged", logs: logs, sub: sub}, nil
}

// WatchCharged is a free log subscription operation binding the contract event 0x965752d32e45e5e89cfb5801b8523a3dcbb8aee6d0df14a2560da6ad6d972ff5.
//
// Solidity: event Charged(uint256 indexed id, address indexed user, address indexed asset, uint256 amount)
func (_Escrow *EscrowFilterer) WatchCharged(opts *bind.WatchOpts, sink chan<- *EscrowCharged, id []*big.Int, user []common.Address, asset []common.Address) (event.Subscription, error) {

	var idRule []interface{}
	for _, idItem := range id {
		idRule = append(idRule, idItem)
	}
	var userRule []interface{}
	for _, userItem := range user {
		userRule = append(userRule, userItem)
	}
	var assetRule []interface{}
	for _, assetItem := range asset {
		assetRule = append(assetRule, assetItem)
	}

	logs, sub, err := _Escrow.contract.WatchLogs(opts, "Charged", idRule, userRule, assetRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(EscrowCharged)
				if err := _Escrow.contract.UnpackLog(event, "Charged", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseCharged is a log parse operation binding the contract event 0x965752d32e45e5e89cfb5801b8523a3dcbb8aee6d0df14a2560da6ad6d972ff5.
//
// Solidity: event Charged(uint256 indexed id, address indexed user, address indexed asset, uint256 amount)
func (_Escrow *EscrowFilterer) ParseCharged(log types.Log) (*EscrowCharged, error) {
	event := new(EscrowCharged)
	if err := _Escrow.contract.UnpackLog(event, "Charged", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// EscrowDepositedIterator is returned from FilterDeposited and is used to iterate over the raw logs and unpacked data for Deposited events raised by the Escrow contract.
type EscrowDepositedIterator struct {
	Event *EscrowDeposited // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *EscrowDepositedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(EscrowDeposited)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(EscrowDeposited)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *EscrowDepositedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *EscrowDepositedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// EscrowDeposited represents a Deposited event raised by the Escrow contract.
type EscrowDeposited struct {
	User     common.Address
	Asset    common.Address
	Amount   *big.Int
	UsdValue *big.Int
	Raw      types.Log // Blockchain specific contextual infos
}

// FilterDeposited is a free log retrieval operation binding the contract event 0xf5681f9d0db1b911ac18ee83d515a1cf1051853a9eae418316a2fdf7dea427c5.
//
// Solidity: event Deposited(address indexed user, address indexed asset, uint256 amount, uint256 usdValue)
func (_Escrow *EscrowFilterer) FilterDeposited(opts *bind.FilterOpts, user []common.Address, asset []common.Address) (*EscrowDepositedIterator, error) {

	var userRule []interface{}
	for _, userItem := range user {
		userRule = append(userRule, userItem)
	}
	var assetRule []interface{}
	for _, assetItem := range asset {
		assetRule = append(assetRule, assetItem)
	}

	logs, sub, err := _Escrow.contract.FilterLogs(opts, "Deposited", userRule, assetRule)
	if err != nil {
		return nil, err
	}
	return &EscrowDepositedIterator{contract: _Escrow.contract, event: "Deposited", logs: logs, sub: sub}, nil
}

// WatchDeposited is a free log subscription operation binding the contract event 0xf5681f9d0db1b911ac18ee83d515a1cf1051853a9eae418316a2fdf7dea427c5.
//
// Solidity: event Deposited(address indexed user, address indexed asset, uint256 amount, uint256 usdValue)
func (_Escrow *EscrowFilterer) WatchDeposited(opts *bind.WatchOpts, sink chan<- *EscrowDeposited, user []common.Address, asset []common.Address) (event.Subscription, error) {

	var userRule []interface{}
	for _, userItem := range user {
		userRule = append(userRule, userItem)
	}
	var assetRule []interface{}
	for _, assetItem := range asset {
		assetRule = append(assetRule, assetItem)
	}

	logs, sub, err := _Escrow.contract.WatchLogs(opts, "Deposited", userRule, assetRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(EscrowDeposited)
				if err := _Escrow.contract.UnpackLog(event, "Deposited", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseDeposited is a log parse operation binding the contract event 0xf5681f9d0db1b911ac18ee83d515a1cf1051853a9eae418316a2fdf7dea427c5.
//
// Solidity: event Deposited(address indexed user, address indexed asset, uint256 amount, uint256 usdValue)
func (_Escrow *EscrowFilterer) ParseDeposited(log types.Log) (*EscrowDeposited, error) {
	event := new(EscrowDeposited)
	if err := _Escrow.contract.UnpackLog(event, "Deposited", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// EscrowEIP712DomainChangedIterator is returned from FilterEIP712DomainChanged and is used to iterate over the raw logs and unpacked data for EIP712DomainChanged events raised by the Escrow contract.
type EscrowEIP712DomainChangedIterator struct {
	Event *EscrowEIP712DomainChanged // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *EscrowEIP712DomainChangedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(EscrowEIP712DomainChanged)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(EscrowEIP712DomainChanged)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *EscrowEIP712DomainChangedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *EscrowEIP712DomainChangedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// EscrowEIP712DomainChanged represents a EIP712DomainChanged event raised by the Escrow contract.
type EscrowEIP712DomainChanged struct {
	Raw types.Log // Blockchain specific contextual infos
}

// FilterEIP712DomainChanged is a free log retrieval operation binding the contract event 0x0a6387c9ea3628b88a633bb4f3b151770f70085117a15f9bf3787cda53f13d31.
//
// Solidity: event EIP712DomainChanged()
func (_Escrow *EscrowFilterer) FilterEIP712DomainChanged(opts *bind.FilterOpts) (*EscrowEIP712DomainChangedIterator, error) {

	logs, sub, err := _Escrow.contract.FilterLogs(opts, "EIP712DomainChanged")
	if err != nil {
		return nil, err
	}
	return &EscrowEIP712DomainChangedIterator{contract: _Escrow.contract, event: "EIP712DomainChanged", logs: logs, sub: sub}, nil
}

// WatchEIP712DomainChanged is a free log subscription operation binding the contract event 0x0a6387c9ea3628b88a633bb4f3b151770f70085117a15f9bf3787cda53f13d31.
//
// Solidity: event EIP712DomainChanged()
func (_Escrow *EscrowFilterer) WatchEIP712DomainChanged(opts *bind.WatchOpts, sink chan<- *EscrowEIP712DomainChanged) (event.Subscription, error) {

	logs, sub, err := _Escrow.contract.WatchLogs(opts, "EIP712DomainChanged")
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(EscrowEIP712DomainChanged)
				if err := _Escrow.contract.UnpackLog(event, "EIP712DomainChanged", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseEIP712DomainChanged is a log parse operation binding the contract event 0x0a6387c9ea3628b88a633bb4f3b151770f70085117a15f9bf3787cda53f13d31.
//
// Solidity: event EIP712DomainChanged()
func (_Escrow *EscrowFilterer) ParseEIP712DomainChanged(log types.Log) (*EscrowEIP712DomainChanged, error) {
	event := new(EscrowEIP712DomainChanged)
	if err := _Escrow.contract.UnpackLog(event, "EIP712DomainChanged", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// EscrowOperatorSetIterator is returned from FilterOperatorSet and is used to iterate over the raw logs and unpacked data for OperatorSet events raised by the Escrow contract.
type EscrowOperatorSetIterator struct {
	Event *EscrowOperatorSet // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *EscrowOperatorSetIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(EscrowOperatorSet)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(EscrowOperatorSet)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *EscrowOperatorSetIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *EscrowOperatorSetIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// EscrowOperatorSet represents a OperatorSet event raised by the Escrow contract.
type EscrowOperatorSet struct {
	Operator common.Address
	Raw      types.Log // Blockchain specific contextual infos
}

// FilterOperatorSet is a free log retrieval operation binding the contract event 0x99d737e0adf2c449d71890b86772885ec7959b152ddb265f76325b6e68e105d3.
//
// Solidity: event OperatorSet(address operator)
func (_Escrow *EscrowFilterer) FilterOperatorSet(opts *bind.FilterOpts) (*EscrowOperatorSetIterator, error) {

	logs, sub, err := _Escrow.contract.FilterLogs(opts, "OperatorSet")
	if err != nil {
		return nil, err
	}
	return &EscrowOperatorSetIterator{contract: _Escrow.contract, event: "OperatorSet", logs: logs, sub: sub}, nil
}

// WatchOperatorSet is a free log subscription operation binding the contract event 0x99d737e0adf2c449d71890b86772885ec7959b152ddb265f76325b6e68e105d3.
//
// Solidity: event OperatorSet(address operator)
func (_Escrow *EscrowFilterer) WatchOperatorSet(opts *bind.WatchOpts, sink chan<- *EscrowOperatorSet) (event.Subscription, error) {

	logs, sub, err := _Escrow.contract.WatchLogs(opts, "OperatorSet")
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(EscrowOperatorSet)
				if err := _Escrow.contract.UnpackLog(event, "OperatorSet", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseOperatorSet is a log parse operation binding the contract event 0x99d737e0adf2c449d71890b86772885ec7959b152ddb265f76325b6e68e105d3.
//
// Solidity: event OperatorSet(address operator)
func (_Escrow *EscrowFilterer) ParseOperatorSet(log types.Log) (*EscrowOperatorSet, error) {
	event := new(EscrowOperatorSet)
	if err := _Escrow.contract.UnpackLog(event, "OperatorSet", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// EscrowOwnershipTransferredIterator is returned from FilterOwnershipTransferred and is used to iterate over the raw logs and unpacked data for OwnershipTransferred events raised by the Escrow contract.
type EscrowOwnershipTransferredIterator struct {
	Event *EscrowOwnershipTransferred // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *EscrowOwnershipTransferredIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(EscrowOwnershipTransferred)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(EscrowOwnershipTransferred)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *EscrowOwnershipTransferredIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *EscrowOwnershipTransferredIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// EscrowOwnershipTransferred represents a OwnershipTransferred event raised by the Escrow contract.
type EscrowOwnershipTransferred struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           types.Log // Blockchain specific contextual infos
}

// FilterOwnershipTransferred is a free log retrieval operation binding the contract event 0x8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (_Escrow *EscrowFilterer) FilterOwnershipTransferred(opts *bind.FilterOpts, previousOwner []common.Address, newOwner []common.Address) (*EscrowOwnershipTransferredIterator, error) {

	var previousOwnerRule []interface{}
	for _, previousOwnerItem := range previousOwner {
		previousOwnerRule = append(previousOwnerRule, previousOwnerItem)
	}
	var newOwnerRule []interface{}
	for _, newOwnerItem := range newOwner {
		newOwnerRule = append(newOwnerRule, newOwnerItem)
	}

	logs, sub, err := _Escrow.contract.FilterLogs(opts, "OwnershipTransferred", previousOwnerRule, newOwnerRule)
	if err != nil {
		return nil, err
	}
	return &EscrowOwnershipTransferredIterator{contract: _Escrow.contract, event: "OwnershipTransferred", logs: logs, sub: sub}, nil
}

// WatchOwnershipTransferred is a free log subscription operation binding the contract event 0x8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (_Escrow *EscrowFilterer) WatchOwnershipTransferred(opts *bind.WatchOpts, sink chan<- *EscrowOwnershipTransferred, previousOwner []common.Address, newOwner []common.Address) (event.Subscription, error) {

	var previousOwnerRule []interface{}
	for _, previousOwnerItem := range previousOwner {
		previousOwnerRule = append(previousOwnerRule, previousOwnerItem)
	}
	var newOwnerRule []interface{}
	for _, newOwnerItem := range newOwner {
		newOwnerRule = append(newOwnerRule, newOwnerItem)
	}

	logs, sub, err := _Escrow.contract.WatchLogs(opts, "OwnershipTransferred", previousOwnerRule, newOwnerRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(EscrowOwnershipTransferred)
				if err := _Escrow.contract.UnpackLog(event, "OwnershipTransferred", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseOwnershipTransferred is a log parse operation binding the contract event 0x8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (_Escrow *EscrowFilterer) ParseOwnershipTransferred(log types.Log) (*EscrowOwnershipTransferred, error) {
	event := new(EscrowOwnershipTransferred)
	if err := _Escrow.contract.UnpackLog(event, "OwnershipTransferred", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// EscrowPaidIterator is returned from FilterPaid and is used to iterate over the raw logs and unpacked data for Paid events raised by the Escrow contract.
type EscrowPaidIterator struct {
	Event *EscrowPaid // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *EscrowPaidIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(EscrowPaid)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(EscrowPaid)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *EscrowPaidIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *EscrowPaidIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// EscrowPaid represents a Paid event raised by the Escrow contract.
type EscrowPaid struct {
	Id       *big.Int
	To       common.Address
	Amount   *big.Int
	UsdValue *big.Int
	Raw      types.Log // Blockchain specific contextual infos
}

// FilterPaid is a free log retrieval operation binding the contract event 0x59e5c638e8e7ab669e805847b18203cf00e4ab4d0688c3da8e486aba4cc4fed2.
//
// Solidity: event Paid(uint256 indexed id, address indexed to, uint256 amount, uint256 usdValue)
func (_Escrow *EscrowFilterer) FilterPaid(opts *bind.FilterOpts, id []*big.Int, to []common.Address) (*EscrowPaidIterator, error) {

	var idRule []interface{}
	for _, idItem := range id {
		idRule = append(idRule, idItem)
	}
	var toRule []interface{}
	for _, toItem := range to {
		toRule = append(toRule, toItem)
	}

	logs, sub, err := _Escrow.contract.FilterLogs(opts, "Paid", idRule, toRule)
	if err != nil {
		return nil, err
	}
	return &EscrowPaidIterator{contract: _Escrow.contract, event: "Paid", logs: logs, sub: sub}, nil
}

// WatchPaid is a free log subscription operation binding the contract event 0x59e5c638e8e7ab669e805847b18203cf00e4ab4d0688c3da8e486aba4cc4fed2.
//
// Solidity: event Paid(uint256 indexed id, address indexed to, uint256 amount, uint256 usdValue)
func (_Escrow *EscrowFilterer) WatchPaid(opts *bind.WatchOpts, sink chan<- *EscrowPaid, id []*big.Int, to []common.Address) (event.Subscription, error) {

	var idRule []interface{}
	for _, idItem := range id {
		idRule = append(idRule, idItem)
	}
	var toRule []interface{}
	for _, toItem := range to {
		toRule = append(toRule, toItem)
	}

	logs, sub, err := _Escrow.contract.WatchLogs(opts, "Paid", idRule, toRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(EscrowPaid)
				if err := _Escrow.contract.UnpackLog(event, "Paid", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParsePaid is a log parse operation binding the contract event 0x59e5c638e8e7ab669e805847b18203cf00e4ab4d0688c3da8e486aba4cc4fed2.
//
// Solidity: event Paid(uint256 indexed id, address indexed to, uint256 amount, uint256 usdValue)
func (_Escrow *EscrowFilterer) ParsePaid(log types.Log) (*EscrowPaid, error) {
	event := new(EscrowPaid)
	if err := _Escrow.contract.UnpackLog(event, "Paid", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// EscrowPriceBoundsSetIterator is returned from FilterPriceBoundsSet and is used to iterate over the raw logs and unpacked data for PriceBoundsSet events raised by the Escrow contract.
type EscrowPriceBoundsSetIterator struct {
	Event *EscrowPriceBoundsSet // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *EscrowPriceBoundsSetIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(EscrowPriceBoundsSet)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(EscrowPriceBoundsSet)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *EscrowPriceBoundsSetIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *EscrowPriceBoundsSetIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// EscrowPriceBoundsSet represents a PriceBoundsSet event raised by the Escrow contract.
type EscrowPriceBoundsSet struct {
	MinPrice *big.Int
	MaxPrice *big.Int
	Raw      types.Log // Blockchain specific contextual infos
}

// FilterPriceBoundsSet is a free log retrieval operation binding the contract event 0x90b4b21a8b3b03903a7f9cf72d2d164ddb84ec85e469d6d9c1eef8a2bf25893c.
//
// Solidity: event PriceBoundsSet(int256 minPrice, int256 maxPrice)
func (_Escrow *EscrowFilterer) FilterPriceBoundsSet(opts *bind.FilterOpts) (*EscrowPriceBoundsSetIterator, error) {

	logs, sub, err := _Escrow.contract.FilterLogs(opts, "PriceBoundsSet")
	if err != nil {
		return nil, err
	}
	return &EscrowPriceBoundsSetIterator{contract: _Escrow.contract, event: "PriceBoundsSet", logs: logs, sub: sub}, nil
}

// WatchPriceBoundsSet is a free log subscription operation binding the contract event 0x90b4b21a8b3b03903a7f9cf72d2d164ddb84ec85e469d6d9c1eef8a2bf25893c.
//
// Solidity: event PriceBoundsSet(int256 minPrice, int256 maxPrice)
func (_Escrow *EscrowFilterer) WatchPriceBoundsSet(opts *bind.WatchOpts, sink chan<- *EscrowPriceBoundsSet) (event.Subscription, error) {

	logs, sub, err := _Escrow.contract.WatchLogs(opts, "PriceBoundsSet")
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(EscrowPriceBoundsSet)
				if err := _Escrow.contract.UnpackLog(event, "PriceBoundsSet", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParsePriceBoundsSet is a log parse operation binding the contract event 0x90b4b21a8b3b03903a7f9cf72d2d164ddb84ec85e469d6d9c1eef8a2bf25893c.
//
// Solidity: event PriceBoundsSet(int256 minPrice, int256 maxPrice)
func (_Escrow *EscrowFilterer) ParsePriceBoundsSet(log types.Log) (*EscrowPriceBoundsSet, error) {
	event := new(EscrowPriceBoundsSet)
	if err := _Escrow.contract.UnpackLog(event, "PriceBoundsSet", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// EscrowRevokedIterator is returned from FilterRevoked and is used to iterate over the raw logs and unpacked data for Revoked events raised by the Escrow contract.
type EscrowRevokedIterator struct {
	Event *EscrowRevoked // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *EscrowRevokedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(EscrowRevoked)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(EscrowRevoked)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *EscrowRevokedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *EscrowRevokedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// EscrowRevoked represents a Revoked event raised by the Escrow contract.
type EscrowRevoked struct {
	By  common.Address
	Raw types.Log // Blockchain specific contextual infos
}

// FilterRevoked is a free log retrieval operation binding the contract event 0xb6fa8b8bd5eab60f292eca876e3ef90722275b785309d84b1de113ce0b8c4e74.
//
// Solidity: event Revoked(address by)
func (_Escrow *EscrowFilterer) FilterRevoked(opts *bind.FilterOpts) (*EscrowRevokedIterator, error) {

	logs, sub, err := _Escrow.contract.FilterLogs(opts, "Revoked")
	if err != nil {
		return nil, err
	}
	return &EscrowRevokedIterator{contract: _Escrow.contract, event: "Revoked", logs: logs, sub: sub}, nil
}

// WatchRevoked is a free log subscription operation binding the contract event 0xb6fa8b8bd5eab60f292eca876e3ef90722275b785309d84b1de113ce0b8c4e74.
//
// Solidity: event Revoked(address by)
func (_Escrow *EscrowFilterer) WatchRevoked(opts *bind.WatchOpts, sink chan<- *EscrowRevoked) (event.Subscription, error) {

	logs, sub, err := _Escrow.contract.WatchLogs(opts, "Revoked")
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(EscrowRevoked)
				if err := _Escrow.contract.UnpackLog(event, "Revoked", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseRevoked is a log parse operation binding the contract event 0xb6fa8b8bd5eab60f292eca876e3ef90722275b785309d84b1de113ce0b8c4e74.
//
// Solidity: event Revoked(address by)
func (_Escrow *EscrowFilterer) ParseRevoked(log types.Log) (*EscrowRevoked, error) {
	event := new(EscrowRevoked)
	if err := _Escrow.contract.UnpackLog(event, "Revoked", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// EscrowSettledIterator is returned from FilterSettled and is used to iterate over the raw logs and unpacked data for Settled events raised by the Escrow contract.
type EscrowSettledIterator struct {
	Event *EscrowSettled // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *EscrowSettledIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(EscrowSettled)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(EscrowSettled)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *EscrowSettledIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *EscrowSettledIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// EscrowSettled represents a Settled event raised by the Escrow contract.
type EscrowSettled struct {
	Id           *big.Int
	Asset        common.Address
	Total        *big.Int
	UsdValue     *big.Int
	ToStakers    *big.Int
	ToComponents *big.Int
	ToNodes      *big.Int
	ToOperator   *big.Int
	Raw          types.Log // Blockchain specific contextual infos
}

// FilterSettled is a free log retrieval operation binding the contract event 0x39cc6e14628866c006b05882e332d29f2ee2215eaef437f5d037c9802f653307.
//
// Solidity: event Settled(uint256 indexed id, address indexed asset, uint256 total, uint256 usdValue, uint256 toStakers, uint256 toComponents, uint256 toNodes, uint256 toOperator)
func (_Escrow *EscrowFilterer) FilterSettled(opts *bind.FilterOpts, id []*big.Int, asset []common.Address) (*EscrowSettledIterator, error) {

	var idRule []interface{}
	for _, idItem := range id {
		idRule = append(idRule, idItem)
	}
	var assetRule []interface{}
	for _, assetItem := range asset {
		assetRule = append(assetRule, assetItem)
	}

	logs, sub, err := _Escrow.contract.FilterLogs(opts, "Settled", idRule, assetRule)
	if err != nil {
		return nil, err
	}
	return &EscrowSettledIterator{contract: _Escrow.contract, event: "Settled", logs: logs, sub: sub}, nil
}

// WatchSettled is a free log subscription operation binding the contract event 0x39cc6e14628866c006b05882e332d29f2ee2215eaef437f5d037c9802f653307.
//
// Solidity: event Settled(uint256 indexed id, address indexed asset, uint256 total, uint256 usdValue, uint256 toStakers, uint256 toComponents, uint256 toNodes, uint256 toOperator)
func (_Escrow *EscrowFilterer) WatchSettled(opts *bind.WatchOpts, sink chan<- *EscrowSettled, id []*big.Int, asset []common.Address) (event.Subscription, error) {

	var idRule []interface{}
	for _, idItem := range id {
		idRule = append(idRule, idItem)
	}
	var assetRule []interface{}
	for _, assetItem := range asset {
		assetRule = append(assetRule, assetItem)
	}

	logs, sub, err := _Escrow.contract.WatchLogs(opts, "Settled", idRule, assetRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(EscrowSettled)
				if err := _Escrow.contract.UnpackLog(event, "Settled", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseSettled is a log parse operation binding the contract event 0x39cc6e14628866c006b05882e332d29f2ee2215eaef437f5d037c9802f653307.
//
// Solidity: event Settled(uint256 indexed id, address indexed asset, uint256 total, uint256 usdValue, uint256 toStakers, uint256 toComponents, uint256 toNodes, uint256 toOperator)
func (_Escrow *EscrowFilterer) ParseSettled(log types.Log) (*EscrowSettled, error) {
	event := new(EscrowSettled)
	if err := _Escrow.contract.UnpackLog(event, "Settled", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// EscrowSharesSetIterator is returned from FilterSharesSet and is used to iterate over the raw logs and unpacked data for SharesSet events raised by the Escrow contract.
type EscrowSharesSetIterator struct {
	Event *EscrowSharesSet // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *EscrowSharesSetIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(EscrowSharesSet)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(EscrowSharesSet)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *EscrowSharesSetIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *EscrowSharesSetIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// EscrowSharesSet represents a SharesSet event raised by the Escrow contract.
type EscrowSharesSet struct {
	StakingBps uint16
	RoyaltyBps uint16
	Raw        types.Log // Blockchain specific contextual infos
}

// FilterSharesSet is a free log retrieval operation binding the contract event 0x9bd550ae69fdce3d1a4e78867516d8fb6636f552928a5f5ead47d4ad9000069d.
//
// Solidity: event SharesSet(uint16 stakingBps, uint16 royaltyBps)
func (_Escrow *EscrowFilterer) FilterSharesSet(opts *bind.FilterOpts) (*EscrowSharesSetIterator, error) {

	logs, sub, err := _Escrow.contract.FilterLogs(opts, "SharesSet")
	if err != nil {
		return nil, err
	}
	return &EscrowSharesSetIterator{contract: _Escrow.contract, event: "SharesSet", logs: logs, sub: sub}, nil
}

// WatchSharesSet is a free log subscription operation binding the contract event 0x9bd550ae69fdce3d1a4e78867516d8fb6636f552928a5f5ead47d4ad9000069d.
//
// Solidity: event SharesSet(uint16 stakingBps, uint16 royaltyBps)
func (_Escrow *EscrowFilterer) WatchSharesSet(opts *bind.WatchOpts, sink chan<- *EscrowSharesSet) (event.Subscription, error) {

	logs, sub, err := _Escrow.contract.WatchLogs(opts, "SharesSet")
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(EscrowSharesSet)
				if err := _Escrow.contract.UnpackLog(event, "SharesSet", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseSharesSet is a log parse operation binding the contract event 0x9bd550ae69fdce3d1a4e78867516d8fb6636f552928a5f5ead47d4ad9000069d.
//
// Solidity: event SharesSet(uint16 stakingBps, uint16 royaltyBps)
func (_Escrow *EscrowFilterer) ParseSharesSet(log types.Log) (*EscrowSharesSet, error) {
	event := new(EscrowSharesSet)
	if err := _Escrow.contract.UnpackLog(event, "SharesSet", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// EscrowShortfallIterator is returned from FilterShortfall and is used to iterate over the raw logs and unpacked data for Shortfall events raised by the Escrow contract.
type EscrowShortfallIterator struct {
	Event *EscrowShortfall // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *EscrowShortfallIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(EscrowShortfall)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(EscrowShortfall)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *EscrowShortfallIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *EscrowShortfallIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// EscrowShortfall represents a Shortfall event raised by the Escrow contract.
type EscrowShortfall struct {
	Id        *big.Int
	User      common.Address
	Asset     common.Address
	Uncovered *big.Int
	Raw       types.Log // Blockchain specific contextual infos
}

// FilterShortfall is a free log retrieval operation binding the contract event 0xc0e86579b67106934e356979bd59f0ce567898d3d472790ee62d930bc4c02d8c.
//
// Solidity: event Shortfall(uint256 indexed id, address indexed user, address indexed asset, uint256 uncovered)
func (_Escrow *EscrowFilterer) FilterShortfall(opts *bind.FilterOpts, id []*big.Int, user []common.Address, asset []common.Address) (*EscrowShortfallIterator, error) {

	var idRule []interface{}
	for _, idItem := range id {
		idRule = append(idRule, idItem)
	}
	var userRule []interface{}
	for _, userItem := range user {
		userRule = append(userRule, userItem)
	}
	var assetRule []interface{}
	for _, assetItem := range asset {
		assetRule = append(assetRule, assetItem)
	}

	logs, sub, err := _Escrow.contract.FilterLogs(opts, "Shortfall", idRule, userRule, assetRule)
	if err != nil {
		return nil, err
	}
	return &EscrowShortfallIterator{contract: _Escrow.contract, event: "Shortfall", logs: logs, sub: sub}, nil
}

// WatchShortfall is a free log subscription operation binding the contract event 0xc0e86579b67106934e356979bd59f0ce567898d3d472790ee62d930bc4c02d8c.
//
// Solidity: event Shortfall(uint256 indexed id, address indexed user, address indexed asset, uint256 uncovered)
func (_Escrow *EscrowFilterer) WatchShortfall(opts *bind.WatchOpts, sink chan<- *EscrowShortfall, id []*big.Int, user []common.Address, asset []common.Address) (event.Subscription, error) {

	var idRule []interface{}
	for _, idItem := range id {
		idRule = append(idRule, idItem)
	}
	var userRule []interface{}
	for _, userItem := range user {
		userRule = append(userRule, userItem)
	}
	var assetRule []interface{}
	for _, assetItem := range asset {
		assetRule = append(assetRule, assetItem)
	}

	logs, sub, err := _Escrow.contract.WatchLogs(opts, "Shortfall", idRule, userRule, assetRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(EscrowShortfall)
				if err := _Escrow.contract.UnpackLog(event, "Shortfall", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseShortfall is a log parse operation binding the contract event 0xc0e86579b67106934e356979bd59f0ce567898d3d472790ee62d930bc4c02d8c.
//
// Solidity: event Shortfall(uint256 indexed id, address indexed user, address indexed asset, uint256 uncovered)
func (_Escrow *EscrowFilterer) ParseShortfall(log types.Log) (*EscrowShortfall, error) {
	event := new(EscrowShortfall)
	if err := _Escrow.contract.UnpackLog(event, "Shortfall", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// EscrowSignerSetIterator is returned from FilterSignerSet and is used to iterate over the raw logs and unpacked data for SignerSet events raised by the Escrow contract.
type EscrowSignerSetIterator struct {
	Event *EscrowSignerSet // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *EscrowSignerSetIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(EscrowSignerSet)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(EscrowSignerSet)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *EscrowSignerSetIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *EscrowSignerSetIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// EscrowSignerSet represents a SignerSet event raised by the Escrow contract.
type EscrowSignerSet struct {
	Signer common.Address
	Raw    types.Log // Blockchain specific contextual infos
}

// FilterSignerSet is a free log retrieval operation binding the contract event 0x9eaa897564d022fb8c5efaf0acdb5d9d27b440b2aad44400b6e1c702e65b9ed3.
//
// Solidity: event SignerSet(address signer)
func (_Escrow *EscrowFilterer) FilterSignerSet(opts *bind.FilterOpts) (*EscrowSignerSetIterator, error) {

	logs, sub, err := _Escrow.contract.FilterLogs(opts, "SignerSet")
	if err != nil {
		return nil, err
	}
	return &EscrowSignerSetIterator{contract: _Escrow.contract, event: "SignerSet", logs: logs, sub: sub}, nil
}

// WatchSignerSet is a free log subscription operation binding the contract event 0x9eaa897564d022fb8c5efaf0acdb5d9d27b440b2aad44400b6e1c702e65b9ed3.
//
// Solidity: event SignerSet(address signer)
func (_Escrow *EscrowFilterer) WatchSignerSet(opts *bind.WatchOpts, sink chan<- *EscrowSignerSet) (event.Subscription, error) {

	logs, sub, err := _Escrow.contract.WatchLogs(opts, "SignerSet")
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(EscrowSignerSet)
				if err := _Escrow.contract.UnpackLog(event, "SignerSet", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseSignerSet is a log parse operation binding the contract event 0x9eaa897564d022fb8c5efaf0acdb5d9d27b440b2aad44400b6e1c702e65b9ed3.
//
// Solidity: event SignerSet(address signer)
func (_Escrow *EscrowFilterer) ParseSignerSet(log types.Log) (*EscrowSignerSet, error) {
	event := new(EscrowSignerSet)
	if err := _Escrow.contract.UnpackLog(event, "SignerSet", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// EscrowWithdrawalRequestedIterator is returned from FilterWithdrawalRequested and is used to iterate over the raw logs and unpacked data for WithdrawalRequested events raised by the Escrow contract.
type EscrowWithdrawalRequestedIterator struct {
	Event *EscrowWithdrawalRequested // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *EscrowWithdrawalRequestedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(EscrowWithdrawalRequested)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(EscrowWithdrawalRequested)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *EscrowWithdrawalRequestedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *EscrowWithdrawalRequestedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// EscrowWithdrawalRequested represents a WithdrawalRequested event raised by the Escrow contract.
type EscrowWithdrawalRequested struct {
	User    common.Address
	Asset   common.Address
	Amount  *big.Int
	ReadyAt uint64
	Raw     types.Log // Blockchain specific contextual infos
}

// FilterWithdrawalRequested is a free log retrieval operation binding the contract event 0x99917c09ff0ca44503897d7fbced1728758961df7b8b79579df03a556064dd76.
//
// Solidity: event WithdrawalRequested(address indexed user, address indexed asset, uint256 amount, uint64 readyAt)
func (_Escrow *EscrowFilterer) FilterWithdrawalRequested(opts *bind.FilterOpts, user []common.Address, asset []common.Address) (*EscrowWithdrawalRequestedIterator, error) {

	var userRule []interface{}
	for _, userItem := range user {
		userRule = append(userRule, userItem)
	}
	var assetRule []interface{}
	for _, assetItem := range asset {
		assetRule = append(assetRule, assetItem)
	}

	logs, sub, err := _Escrow.contract.FilterLogs(opts, "WithdrawalRequested", userRule, assetRule)
	if err != nil {
		return nil, err
	}
	return &EscrowWithdrawalRequestedIterator{contract: _Escrow.contract, event: "WithdrawalRequested", logs: logs, sub: sub}, nil
}

// WatchWithdrawalRequested is a free log subscription operation binding the contract event 0x99917c09ff0ca44503897d7fbced1728758961df7b8b79579df03a556064dd76.
//
// Solidity: event WithdrawalRequested(address indexed user, address indexed asset, uint256 amount, uint64 readyAt)
func (_Escrow *EscrowFilterer) WatchWithdrawalRequested(opts *bind.WatchOpts, sink chan<- *EscrowWithdrawalRequested, user []common.Address, asset []common.Address) (event.Subscription, error) {

	var userRule []interface{}
	for _, userItem := range user {
		userRule = append(userRule, userItem)
	}
	var assetRule []interface{}
	for _, assetItem := range asset {
		assetRule = append(assetRule, assetItem)
	}

	logs, sub, err := _Escrow.contract.WatchLogs(opts, "WithdrawalRequested", userRule, assetRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(EscrowWithdrawalRequested)
				if err := _Escrow.contract.UnpackLog(event, "WithdrawalRequested", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseWithdrawalRequested is a log parse operation binding the contract event 0x99917c09ff0ca44503897d7fbced1728758961df7b8b79579df03a556064dd76.
//
// Solidity: event WithdrawalRequested(address indexed user, address indexed asset, uint256 amount, uint64 readyAt)
func (_Escrow *EscrowFilterer) ParseWithdrawalRequested(log types.Log) (*EscrowWithdrawalRequested, error) {
	event := new(EscrowWithdrawalRequested)
	if err := _Escrow.contract.UnpackLog(event, "WithdrawalRequested", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// EscrowWithdrawnIterator is returned from FilterWithdrawn and is used to iterate over the raw logs and unpacked data for Withdrawn events raised by the Escrow contract.
type EscrowWithdrawnIterator struct {
	Event *EscrowWithdrawn // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *EscrowWithdrawnIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(EscrowWithdrawn)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(EscrowWithdrawn)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *EscrowWithdrawnIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *EscrowWithdrawnIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// EscrowWithdrawn represents a Withdrawn event raised by the Escrow contract.
type EscrowWithdrawn struct {
	User     common.Address
	Asset    common.Address
	Amount   *big.Int
	UsdValue *big.Int
	Raw      types.Log // Blockchain specific contextual infos
}

// FilterWithdrawn is a free log retrieval operation binding the contract event 0x91fb9d98b786c57d74c099ccd2beca1739e9f6a81fb49001ca465c4b7591bbe2.
//
// Solidity: event Withdrawn(address indexed user, address indexed asset, uint256 amount, uint256 usdValue)
func (_Escrow *EscrowFilterer) FilterWithdrawn(opts *bind.FilterOpts, user []common.Address, asset []common.Address) (*EscrowWithdrawnIterator, error) {

	var userRule []interface{}
	for _, userItem := range user {
		userRule = append(userRule, userItem)
	}
	var assetRule []interface{}
	for _, assetItem := range asset {
		assetRule = append(assetRule, assetItem)
	}

	logs, sub, err := _Escrow.contract.FilterLogs(opts, "Withdrawn", userRule, assetRule)
	if err != nil {
		return nil, err
	}
	return &EscrowWithdrawnIterator{contract: _Escrow.contract, event: "Withdrawn", logs: logs, sub: sub}, nil
}

// WatchWithdrawn is a free log subscription operation binding the contract event 0x91fb9d98b786c57d74c099ccd2beca1739e9f6a81fb49001ca465c4b7591bbe2.
//
// Solidity: event Withdrawn(address indexed user, address indexed asset, uint256 amount, uint256 usdValue)
func (_Escrow *EscrowFilterer) WatchWithdrawn(opts *bind.WatchOpts, sink chan<- *EscrowWithdrawn, user []common.Address, asset []common.Address) (event.Subscription, error) {

	var userRule []interface{}
	for _, userItem := range user {
		userRule = append(userRule, userItem)
	}
	var assetRule []interface{}
	for _, assetItem := range asset {
		assetRule = append(assetRule, assetItem)
	}

	logs, sub, err := _Escrow.contract.WatchLogs(opts, "Withdrawn", userRule, assetRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(EscrowWithdrawn)
				if err := _Escrow.contract.UnpackLog(event, "Withdrawn", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseWithdrawn is a log parse operation binding the contract event 0x91fb9d98b786c57d74c099ccd2beca1739e9f6a81fb49001ca465c4b7591bbe2.
//
// Solidity: event Withdrawn(address indexed user, address indexed asset, uint256 amount, uint256 usdValue)
func (_Escrow *EscrowFilterer) ParseWithdrawn(log types.Log) (*EscrowWithdrawn, error) {
	event := new(EscrowWithdrawn)
	if err := _Escrow.contract.UnpackLog(event, "Withdrawn", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// GaiaGovernorMetaData contains all meta data concerning the GaiaGovernor contract.
var GaiaGovernorMetaData = &bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractIVotes\",\"name\":\"token\",\"type\":\"address\"},{\"internalType\":\"contractTimelockController\",\"name\":\"timelock\",\"type\":\"address\"},{\"internalType\":\"uint48\",\"name\":\"votingDelay_\",\"type\":\"uint48\"},{\"internalType\":\"uint32\",\"name\":\"votingPeriod_\",\"type\":\"uint32\"},{\"internalType\":\"uint256\",\"name\":\"proposalThreshold_\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"quorumPercent\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[],\"name\":\"CheckpointUnorderedInsertion\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ERC6372InconsistentClock\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"FailedCall\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"voter\",\"type\":\"address\"}],\"name\":\"GovernorAlreadyCastVote\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"}],\"name\":\"GovernorAlreadyQueuedProposal\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"GovernorDisabledDeposit\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"proposer\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"votes\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"threshold\",\"type\":\"uint256\"}],\"name\":\"GovernorInsufficientProposerVotes\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"targets\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"calldatas\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"values\",\"type\":\"uint256\"}],\"name\":\"GovernorInvalidProposalLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"quorumNumerator\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"quorumDenominator\",\"type\":\"uint256\"}],\"name\":\"GovernorInvalidQuorumFraction\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"voter\",\"type\":\"address\"}],\"name\":\"GovernorInvalidSignature\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"GovernorInvalidVoteParams\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"GovernorInvalidVoteType\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"votingPeriod\",\"type\":\"uint256\"}],\"name\":\"GovernorInvalidVotingPeriod\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"}],\"name\":\"GovernorNonexistentProposal\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"GovernorOnlyExecutor\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"}],\"name\":\"GovernorProposalQueueingFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"}],\"name\":\"GovernorProposalQueueingNotRequired\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"proposer\",\"type\":\"address\"}],\"name\":\"GovernorRestrictedProposer\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"GovernorUnableToCancel\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"},{\"internalType\":\"enumIGovernor.ProposalState\",\"name\":\"current\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"expectedStates\",\"type\":\"bytes32\"}],\"name\":\"GovernorUnexpectedProposalState\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"currentNonce\",\"type\":\"uint256\"}],\"name\":\"InvalidAccountNonce\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidShortString\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint8\",\"name\":\"bits\",\"type\":\"uint8\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"SafeCastOverflowedUintDowncast\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"str\",\"type\":\"string\"}],\"name\":\"StringTooLong\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[],\"name\":\"EIP712DomainChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"}],\"name\":\"ProposalCanceled\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"proposer\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"address[]\",\"name\":\"targets\",\"type\":\"address[]\"},{\"indexed\":false,\"internalType\":\"uint256[]\",\"name\":\"values\",\"type\":\"uint256[]\"},{\"indexed\":false,\"internalType\":\"string[]\",\"name\":\"signatures\",\"type\":\"string[]\"},{\"indexed\":false,\"internalType\":\"bytes[]\",\"name\":\"calldatas\",\"type\":\"bytes[]\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"voteStart\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"voteEnd\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"description\",\"type\":\"string\"}],\"name\":\"ProposalCreated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"}],\"name\":\"ProposalExecuted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"etaSeconds\",\"type\":\"uint256\"}],\"name\":\"ProposalQueued\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"oldProposalThreshold\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"newProposalThreshold\",\"type\":\"uint256\"}],\"name\":\"ProposalThresholdSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"oldQuorumNumerator\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"newQuorumNumerator\",\"type\":\"uint256\"}],\"name\":\"QuorumNumeratorUpdated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"address\",\"name\":\"oldTimelock\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"newTimelock\",\"type\":\"address\"}],\"name\":\"TimelockChange\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"voter\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint8\",\"name\":\"support\",\"type\":\"uint8\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"weight\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"reason\",\"type\":\"string\"}],\"name\":\"VoteCast\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"voter\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint8\",\"name\":\"support\",\"type\":\"uint8\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"weight\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"reason\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"params\",\"type\":\"bytes\"}],\"name\":\"VoteCastWithParams\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"oldVotingDelay\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"newVotingDelay\",\"type\":\"uint256\"}],\"name\":\"VotingDelaySet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"oldVotingPeriod\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"newVotingPeriod\",\"type\":\"uint256\"}],\"name\":\"VotingPeriodSet\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"BALLOT_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"CLOCK_MODE\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"COUNTING_MODE\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"EXTENDED_BALLOT_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address[]\",\"name\":\"targets\",\"type\":\"address[]\"},{\"internalType\":\"uint256[]\",\"name\":\"values\",\"type\":\"uint256[]\"},{\"internalType\":\"bytes[]\",\"name\":\"calldatas\",\"type\":\"bytes[]\"},{\"internalType\":\"bytes32\",\"name\":\"descriptionHash\",\"type\":\"bytes32\"}],\"name\":\"cancel\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"support\",\"type\":\"uint8\"}],\"name\":\"castVote\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"support\",\"type\":\"uint8\"},{\"internalType\":\"address\",\"name\":\"voter\",\"type\":\"address\"},{\"internalType\":\"bytes\",\"name\":\"signature\",\"type\":\"bytes\"}],\"name\":\"castVoteBySig\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"support\",\"type\":\"uint8\"},{\"internalType\":\"string\",\"name\":\"reason\",\"type\":\"string\"}],\"name\":\"castVoteWithReason\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"support\",\"type\":\"uint8\"},{\"internalType\":\"string\",\"name\":\"reason\",\"type\":\"string\"},{\"internalType\":\"bytes\",\"name\":\"params\",\"type\":\"bytes\"}],\"name\":\"castVoteWithReasonAndParams\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"support\",\"type\":\"uint8\"},{\"internalType\":\"address\",\"name\":\"voter\",\"type\":\"address\"},{\"internalType\":\"string\",\"name\":\"reason\",\"type\":\"string\"},{\"internalType\":\"bytes\",\"name\":\"params\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"signature\",\"type\":\"bytes\"}],\"name\":\"castVoteWithReasonAndParamsBySig\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"clock\",\"outputs\":[{\"internalType\":\"uint48\",\"name\":\"\",\"type\":\"uint48\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"eip712Domain\",\"outputs\":[{\"internalType\":\"bytes1\",\"name\":\"fields\",\"type\":\"bytes1\"},{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"chainId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"verifyingContract\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"salt\",\"type\":\"bytes32\"},{\"internalType\":\"uint256[]\",\"name\":\"extensions\",\"type\":\"uint256[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address[]\",\"name\":\"targets\",\"type\":\"address[]\"},{\"internalType\":\"uint256[]\",\"name\":\"values\",\"type\":\"uint256[]\"},{\"internalType\":\"bytes[]\",\"name\":\"calldatas\",\"type\":\"bytes[]\"},{\"internalType\":\"bytes32\",\"name\":\"descriptionHash\",\"type\":\"bytes32\"}],\"name\":\"execute\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address[]\",\"name\":\"targets\",\"type\":\"address[]\"},{\"internalType\":\"uint256[]\",\"name\":\"values\",\"type\":\"uint256[]\"},{\"internalType\":\"bytes[]\",\"name\":\"calldatas\",\"type\":\"bytes[]\"},{\"internalType\":\"bytes32\",\"name\":\"descriptionHash\",\"type\":\"bytes32\"}],\"name\":\"getProposalId\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"timepoint\",\"type\":\"uint256\"}],\"name\":\"getVotes\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"timepoint\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"params\",\"type\":\"bytes\"}],\"name\":\"getVotesWithParams\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"hasVoted\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address[]\",\"name\":\"targets\",\"type\":\"address[]\"},{\"internalType\":\"uint256[]\",\"name\":\"values\",\"type\":\"uint256[]\"},{\"internalType\":\"bytes[]\",\"name\":\"calldatas\",\"type\":\"bytes[]\"},{\"internalType\":\"bytes32\",\"name\":\"descriptionHash\",\"type\":\"bytes32\"}],\"name\":\"hashProposal\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"name\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"nonces\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"uint256[]\",\"name\":\"\",\"type\":\"uint256[]\"},{\"internalType\":\"uint256[]\",\"name\":\"\",\"type\":\"uint256[]\"},{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"name\":\"onERC1155BatchReceived\",\"outputs\":[{\"internalType\":\"bytes4\",\"name\":\"\",\"type\":\"bytes4\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"name\":\"onERC1155Received\",\"outputs\":[{\"internalType\":\"bytes4\",\"name\":\"\",\"type\":\"bytes4\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"name\":\"onERC721Received\",\"outputs\":[{\"internalType\":\"bytes4\",\"name\":\"\",\"type\":\"bytes4\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"}],\"name\":\"proposalDeadline\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"}],\"name\":\"proposalEta\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"}],\"name\":\"proposalNeedsQueuing\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"}],\"name\":\"proposalProposer\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"}],\"name\":\"proposalSnapshot\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"proposalThreshold\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"}],\"name\":\"proposalVotes\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"againstVotes\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"forVotes\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"abstainVotes\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address[]\",\"name\":\"targets\",\"type\":\"address[]\"},{\"internalType\":\"uint256[]\",\"name\":\"values\",\"type\":\"uint256[]\"},{\"internalType\":\"bytes[]\",\"name\":\"calldatas\",\"type\":\"bytes[]\"},{\"internalType\":\"string\",\"name\":\"description\",\"type\":\"string\"}],\"name\":\"propose\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address[]\",\"name\":\"targets\",\"type\":\"address[]\"},{\"internalType\":\"uint256[]\",\"name\":\"values\",\"type\":\"uint256[]\"},{\"internalType\":\"bytes[]\",\"name\":\"calldatas\",\"type\":\"bytes[]\"},{\"internalType\":\"bytes32\",\"name\":\"descriptionHash\",\"type\":\"bytes32\"}],\"name\":\"queue\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"timepoint\",\"type\":\"uint256\"}],\"name\":\"quorum\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"quorumDenominator\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"timepoint\",\"type\":\"uint256\"}],\"name\":\"quorumNumerator\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"quorumNumerator\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"target\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"data\",\"type\":\"bytes\"}],\"name\":\"relay\",\"outputs\":[],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"newProposalThreshold\",\"type\":\"uint256\"}],\"name\":\"setProposalThreshold\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint48\",\"name\":\"newVotingDelay\",\"type\":\"uint48\"}],\"name\":\"setVotingDelay\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint32\",\"name\":\"newVotingPeriod\",\"type\":\"uint32\"}],\"name\":\"setVotingPeriod\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"}],\"name\":\"state\",\"outputs\":[{\"internalType\":\"enumIGovernor.ProposalState\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes4\",\"name\":\"interfaceId\",\"type\":\"bytes4\"}],\"name\":\"supportsInterface\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"timelock\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"token\",\"outputs\":[{\"internalType\":\"contractIERC5805\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"newQuorumNumerator\",\"type\":\"uint256\"}],\"name\":\"updateQuorumNumerator\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"contractTimelockController\",\"name\":\"newTimelock\",\"type\":\"address\"}],\"name\":\"updateTimelock\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"version\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"votingDelay\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"votingPeriod\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"stateMutability\":\"payable\",\"type\":\"receive\"}]",
	Sigs: map[string]string{
		"deaaa7cc": "BALLOT_TYPEHASH()",
		"4bf5d7e9": "CLOCK_MODE()",
		"dd4e2ba5": "COUNTING_MODE()",
		"2fe3e261": "EXTENDED_BALLOT_TYPEHASH()",
		"452115d6": "cancel(address[],uint256[],bytes[],bytes32)",
		"56781388": "castVote(uint256,uint8)",
		"8ff262e3": "castVoteBySig(uint256,uint8,address,bytes)",
		"7b3c71d3": "castVoteWithReason(uint256,uint8,string)",
		"5f398a14": "castVoteWithReasonAndParams(uint256,uint8,string,bytes)",
		"5b8d0e0d": "castVoteWithReasonAndParamsBySig(uint256,uint8,address,string,bytes,bytes)",
		"91ddadf4": "clock()",
		"84b0196e": "eip712Domain()",
		"2656227d": "execute(address[],uint256[],bytes[],bytes32)",
		"a8f8a668": "getProposalId(address[],uint256[],bytes[],bytes32)",
		"eb9019d4": "getVotes(address,uint256)",
		"9a802a6d": "getVotesWithParams(address,uint256,bytes)",
		"43859632": "hasVoted(uint256,address)",
		"c59057e4": "hashProposal(address[],uint256[],bytes[],bytes32)",
		"06fdde03": "name()",
		"7ecebe00": "nonces(address)",
		"bc197c81": "onERC1155BatchReceived(address,address,uint256[],uint256[],bytes)",
		"f23a6e61": "onERC1155Received(address,address,uint256,uint256,bytes)",
		"150b7a02": "onERC721Received(address,address,uint256,bytes)",
		"c01f9e37": "proposalDeadline(uint256)",
		"ab58fb8e": "proposalEta(uint256)",
		"a9a95294": "proposalNeedsQueuing(uint256)",
		"143489d0": "proposalProposer(uint256)",
		"2d63f693": "proposalSnapshot(uint256)",
		"b58131b0": "proposalThreshold()",
		"544ffc9c": "proposalVotes(uint256)",
		"7d5e81e2": "propose(address[],uint256[],bytes[],string)",
		"160cbed7": "queue(address[],uint256[],bytes[],bytes32)",
		"f8ce560a": "quorum(uint256)",
		"97c3d334": "quorumDenominator()",
		"a7713a70": "quorumNumerator()",
		"60c4247f": "quorumNumerator(uint256)",
		"c28bc2fa": "relay(address,uint256,bytes)",
		"ece40cc1": "setProposalThreshold(uint256)",
		"79051887": "setVotingDelay(uint48)",
		"e540d01d": "setVotingPeriod(uint32)",
		"3e4f49e6": "state(uint256)",
		"01ffc9a7": "supportsInterface(bytes4)",
		"d33219b4": "timelock()",
		"fc0c546a": "token()",
		"06f3f9e6": "updateQuorumNumerator(uint256)",
		"a890c910": "updateTimelock(address)",
		"54fd4d50": "version()",
		"3932abb1": "votingDelay()",
		"02a251a3": "votingPeriod()",
	},
	Bin: "0x610180604052348015610010575f5ffd5b50604051614cb5380380614cb583398101604081905261002f91610702565b8481878686866040518060400160405280600c81526020016b23b0b4b0a3b7bb32b93737b960a11b8152508061006961016d60201b60201c565b61007282610188565b6101205261007f81610188565b61014052815160208084019190912060e052815190820120610100524660a05261010b60e05161010051604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201529081019290925260608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b60805250503060c0526003610120828261080d565b5061012c9050836101ce565b61013582610234565b61013e816102d3565b5050506001600160a01b03166101605261015781610314565b50610161816103a9565b5050505050505061095d565b6040805180820190915260018152603160f81b602082015290565b5f5f829050601f815111156101bb578260405163305a27a960e01b81526004016101b291906108c7565b60405180910390fd5b80516101c6826108fc565b179392505050565b6008546040805165ffffffffffff928316815291831660208301527fc565b045403dc03c2eea82b81a0465edad9e2e7fc4d97e11421c209da93d7a93910160405180910390a16008805465ffffffffffff191665ffffffffffff92909216919091179055565b8063ffffffff165f0361025c5760405163f1cfbf0560e01b81525f60048201526024016101b2565b6008546040805163ffffffff66010000000000009093048316815291831660208301527f7e3f7f0708a84de9203036abaa450dccc85ad5ff52f78c170f3edb55cf5e8828910160405180910390a16008805463ffffffff90921666010000000000000263ffffffff60301b19909216919091179055565b60075460408051918252602082018390527fccb45da8d5717e6c4544694297c4ba5cf151d455c9bb0ed4fc7a38411bc05461910160405180910390a1600755565b6064808211156103415760405163243e544560e01b815260048101839052602481018290526044016101b2565b5f61034a610412565b905061036961035761042b565b610360856104a5565b600a91906104dc565b505060408051828152602081018590527f0553476bf02ef2726e8ce5ced78d63e26e602e4a2257b1f559418e24b4633997910160405180910390a1505050565b600b54604080516001600160a01b03928316815291831660208301527f08f74ea46ef7894f65eabfb5e6e695de773a000b47c529ab559178069b226401910160405180910390a1600b80546001600160a01b0319166001600160a01b0392909216919091179055565b5f61041d600a6104f6565b6001600160d01b0316905090565b5f6104366101605190565b6001600160a01b03166391ddadf46040518163ffffffff1660e01b8152600401602060405180830381865afa92505050801561048f575060408051601f3d908101601f1916820190925261048c9181019061091f565b60015b6104a05761049b61053e565b905090565b919050565b5f6001600160d01b038211156104d8576040516306dfcc6560e41b815260d06004820152602481018390526044016101b2565b5090565b5f806104e9858585610548565b915091505b935093915050565b80545f9080156105355761051c8361050f600184610938565b5f91825260209091200190565b54660100000000000090046001600160d01b0316610537565b5f5b9392505050565b5f61049b436106a4565b82545f9081908015610647575f6105648761050f600185610938565b805490915065ffffffffffff80821691660100000000000090046001600160d01b03169088168211156105aa57604051632520601d60e01b815260040160405180910390fd5b8765ffffffffffff168265ffffffffffff16036105e657825465ffffffffffff1666010000000000006001600160d01b03891602178355610639565b6040805180820190915265ffffffffffff808a1682526001600160d01b03808a1660208085019182528d54600181018f555f8f815291909120945191519092166601000000000000029216919091179101555b94508593506104ee92505050565b50506040805180820190915265ffffffffffff80851682526001600160d01b0380851660208085019182528854600181018a555f8a81529182209551925190931666010000000000000291909316179201919091559050816104ee565b5f65ffffffffffff8211156104d8576040516306dfcc6560e41b815260306004820152602481018390526044016101b2565b6001600160a01b03811681146106ea575f5ffd5b50565b805165ffffffffffff811681146104a0575f5ffd5b5f5f5f5f5f5f60c08789031215610717575f5ffd5b8651610722816106d6565b6020880151909650610733816106d6565b9450610741604088016106ed565b9350606087015163ffffffff81168114610759575f5ffd5b608088015160a090980151969995985093969395939492505050565b634e487b7160e01b5f52604160045260245ffd5b600181811c9082168061079d57607f821691505b6020821081036107bb57634e487b7160e01b5f52602260045260245ffd5b50919050565b601f82111561080857805f5260205f20601f840160051c810160208510156107e65750805b601f840160051c820191505b81811015610805575f81556001016107f2565b50505b505050565b81516001600160401b0381111561082657610826610775565b61083a816108348454610789565b846107c1565b6020601f82116001811461086c575f83156108555750848201515b5f19600385901b1c1916600184901b178455610805565b5f84815260208120601f198516915b8281101561089b578785015182556020948501946001909201910161087b565b50848210156108b857868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b805160208083015191908110156107bb575f1960209190910360031b1b16919050565b5f6020828403121561092f575f5ffd5b610537826106ed565b8181038181111561095757634e487b7160e01b5f52601160045260245ffd5b92915050565b60805160a05160c05160e051610100516101205161014051610160516142e16109d45f395f81816109c101528181610e6301528181611203015281816114c80152611e9b01525f611de101525f611db601525f612e7401525f612e4c01525f612da701525f612dd101525f612dfb01526142e15ff3fe6080604052600436106102a8575f3560e01c80637ecebe001161016f578063bc197c81116100d8578063deaaa7cc11610092578063ece40cc11161006d578063ece40cc114610956578063f23a6e6114610975578063f8ce560a14610994578063fc0c546a146109b3575f5ffd5b8063deaaa7cc146108e5578063e540d01d14610918578063eb9019d414610937575f5ffd5b8063bc197c8114610813578063c01f9e3714610832578063c28bc2fa14610851578063c59057e414610864578063d33219b414610883578063dd4e2ba5146108a0575f5ffd5b8063a7713a7011610129578063a7713a7014610758578063a890c9101461076c578063a8f8a6681461078b578063a9a95294146107aa578063ab58fb8e146107c9578063b58131b0146107ff575f5ffd5b80637ecebe001461068157806384b0196e146106b55780638ff262e3146106dc57806391ddadf4146106fb57806397c3d334146107265780639a802a6d14610739575f5ffd5b806343859632116102115780635b8d0e0d116101cb5780635b8d0e0d146105c75780635f398a14146105e657806360c4247f1461060557806379051887146106245780637b3c71d3146106435780637d5e81e214610662575f5ffd5b806343859632146104ca578063452115d6146105125780634bf5d7e914610531578063544ffc9c1461054557806354fd4d501461057f57806356781388146105a8575f5ffd5b8063160cbed711610262578063160cbed7146104065780632656227d146104255780632d63f693146104385780632fe3e261146104575780633932abb11461048a5780633e4f49e61461049e575f5ffd5b806301ffc9a7146102e357806302a251a31461031757806306f3f9e61461034257806306fdde0314610361578063143489d014610382578063150b7a02146103ce575f5ffd5b366102df57306102b66109e5565b6001600160a01b0316146102dd57604051637485328f60e11b815260040160405180910390fd5b005b5f5ffd5b3480156102ee575f5ffd5b506103026102fd366004613348565b6109fd565b60405190151581526020015b60405180910390f35b348015610322575f5ffd5b50600854600160301b900463ffffffff165b60405190815260200161030e565b34801561034d575f5ffd5b506102dd61035c36600461336f565b610a69565b34801561036c575f5ffd5b50610375610a7d565b60405161030e91906133b4565b34801561038d575f5ffd5b506103b661039c36600461336f565b5f908152600460205260409020546001600160a01b031690565b6040516001600160a01b03909116815260200161030e565b3480156103d9575f5ffd5b506103ed6103e836600461349d565b610b0d565b6040516001600160e01b0319909116815260200161030e565b348015610411575f5ffd5b50610334610420366004613663565b610b4f565b610334610433366004613663565b610c52565b348015610443575f5ffd5b5061033461045236600461336f565b610dc2565b348015610462575f5ffd5b506103347f3e83946653575f9a39005e1545185629e92736b7528ab20ca3816f315424a81181565b348015610495575f5ffd5b50610334610de2565b3480156104a9575f5ffd5b506104bd6104b836600461336f565b610df4565b60405161030e919061372a565b3480156104d5575f5ffd5b506103026104e4366004613738565b5f8281526009602090815260408083206001600160a01b038516845260030190915290205460ff1692915050565b34801561051d575f5ffd5b5061033461052c366004613663565b610dfe565b34801561053c575f5ffd5b50610375610e5f565b348015610550575f5ffd5b5061056461055f36600461336f565b610ef2565b6040805193845260208401929092529082015260600161030e565b34801561058a575f5ffd5b506040805180820190915260018152603160f81b6020820152610375565b3480156105b3575f5ffd5b506103346105c2366004613776565b610f17565b3480156105d2575f5ffd5b506103346105e13660046137e4565b610f3e565b3480156105f1575f5ffd5b506103346106003660046138a0565b610ffb565b348015610610575f5ffd5b5061033461061f36600461336f565b611043565b34801561062f575f5ffd5b506102dd61063e366004613934565b61104f565b34801561064e575f5ffd5b5061033461065d36600461394f565b611060565b34801561066d575f5ffd5b5061033461067c3660046139a4565b6110b0565b34801561068c575f5ffd5b5061033461069b366004613a60565b6001600160a01b03165f9081526002602052604090205490565b3480156106c0575f5ffd5b506106c9611166565b60405161030e9796959493929190613ab5565b3480156106e7575f5ffd5b506103346106f6366004613b24565b6111a8565b348015610706575f5ffd5b5061070f611200565b60405165ffffffffffff909116815260200161030e565b348015610731575f5ffd5b506064610334565b348015610744575f5ffd5b50610334610753366004613b71565b611287565b348015610763575f5ffd5b5061033461129d565b348015610777575f5ffd5b506102dd610786366004613a60565b6112b6565b348015610796575f5ffd5b506103346107a5366004613663565b6112c7565b3480156107b5575f5ffd5b506103026107c436600461336f565b6112d4565b3480156107d4575f5ffd5b506103346107e336600461336f565b5f9081526004602052604090206001015465ffffffffffff1690565b34801561080a575f5ffd5b506103346112dc565b34801561081e575f5ffd5b506103ed61082d366004613bc5565b6112e6565b34801561083d575f5ffd5b5061033461084c36600461336f565b611329565b6102dd61085f366004613c5c565b61136b565b34801561086f575f5ffd5b5061033461087e366004613663565b6113e7565b34801561088e575f5ffd5b50600b546001600160a01b03166103b6565b3480156108ab575f5ffd5b506040805180820190915260208082527f737570706f72743d627261766f2671756f72756d3d666f722c6162737461696e90820152610375565b3480156108f0575f5ffd5b506103347ff2aad550cf55f045cb27e9c559f9889fdfb6e6cdaa032301d6ea397784ae51d781565b348015610923575f5ffd5b506102dd610932366004613c9b565b611420565b348015610942575f5ffd5b50610334610951366004613cbe565b611431565b348015610961575f5ffd5b506102dd61097036600461336f565b611450565b348015610980575f5ffd5b506103ed61098f366004613ce8565b611461565b34801561099f575f5ffd5b506103346109ae36600461336f565b6114a4565b3480156109be575f5ffd5b507f00000000000000000000000000000000000000000000000000000000000000006103b6565b5f6109f8600b546001600160a01b031690565b905090565b5f6001600160e01b031982166366defe7760e11b1480610a2d57506001600160e01b031982166332a2ad4360e11b145b80610a4857506001600160e01b03198216630271189760e51b145b80610a6357506301ffc9a760e01b6001600160e01b03198316145b92915050565b610a71611541565b610a7a816115ba565b50565b606060038054610a8c90613d3f565b80601f0160208091040260200160405190810160405280929190818152602001828054610ab890613d3f565b8015610b035780601f10610ada57610100808354040283529160200191610b03565b820191905f5260205f20905b815481529060010190602001808311610ae657829003601f168201915b5050505050905090565b5f30610b176109e5565b6001600160a01b031614610b3e57604051637485328f60e11b815260040160405180910390fd5b50630a85bd0160e11b949350505050565b5f5f610b5d868686866112c7565b90505f610b69826112d4565b9050610b7e82610b79600461164f565b611671565b5080610ba55760405163d838bcb760e01b8152600481018390526024015b60405180910390fd5b5f610bb383898989896116ae565b905065ffffffffffff811615610c2a575f83815260046020908152604091829020600101805465ffffffffffff191665ffffffffffff85169081179091558251868152918201527f9a2e42fd6722813d69113e7d0079d3d940171428df7373df9c7f7617cfda2892910160405180910390a1610c46565b60405163ab2d031160e01b815260048101849052602401610b9c565b50909695505050505050565b5f5f610c60868686866112c7565b90505f610c6c826112d4565b9050610c8882610b7983610c8157600461164f565b600561164f565b505f828152600460205260409020805460ff60f01b1916600160f01b17905530610cb06109e5565b6001600160a01b031614610d39575f5b8751811015610d3757306001600160a01b0316888281518110610ce557610ce5613d77565b60200260200101516001600160a01b031603610d2f57610d2f868281518110610d1057610d10613d77565b60200260200101518051906020012060056116bc90919063ffffffff16565b600101610cc0565b505b610d4682888888886116dd565b30610d4f6109e5565b6001600160a01b031614158015610d7b57506005546001600160801b03808216600160801b9092041614155b15610d85575f6005555b6040518281527f712ae1383f79ac853f8d882153778e0260ef8f03b504e2866e0593e04d2b291f9060200160405180910390a15095945050505050565b5f90815260046020526040902054600160a01b900465ffffffffffff1690565b5f6109f860085465ffffffffffff1690565b5f610a63826116f1565b5f5f610e0c868686866112c7565b905033610e19828261182a565b610e4857604051638fe5d8a960e01b8152600481018390526001600160a01b0382166024820152604401610b9c565b610e548787878761186f565b979650505050505050565b60607f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316634bf5d7e96040518163ffffffff1660e01b81526004015f60405180830381865afa925050508015610ede57506040513d5f823e601f3d908101601f19168201604052610edb9190810190613d8b565b60015b610eed576109f861120061187c565b919050565b5f818152600960205260409020805460018201546002909201549091905b9193909250565b5f80339050610f3684828560405180602001604052805f815250611892565b949350505050565b5f610f8488888888888080601f0160208091040260200160405190810160405280939291908181526020018383808284375f920191909152508a92508991506118b39050565b610fac576040516394ab6c0760e01b81526001600160a01b0387166004820152602401610b9c565b610fef88878988888080601f0160208091040260200160405190810160405280939291908181526020018383808284375f920191909152508a9250611980915050565b98975050505050505050565b5f80339050610e5487828888888080601f0160208091040260200160405190810160405280939291908181526020018383808284375f920191909152508a9250611980915050565b5f610a63600a83611a5e565b611057611541565b610a7a81611aab565b5f803390506110a686828787878080601f0160208091040260200160405190810160405280939291908181526020018383808284375f9201919091525061189292505050565b9695505050505050565b5f336110bc8184611b11565b6110e45760405163d9b3955760e01b81526001600160a01b0382166004820152602401610b9c565b5f6110ed6112dc565b90508015611159575f61111b836001611104611200565b61110e9190613e13565b65ffffffffffff16611431565b90508181101561115757604051636121770b60e11b81526001600160a01b03841660048201526024810182905260448101839052606401610b9c565b505b610e548787878786611b95565b5f6060805f5f5f6060611177611daf565b61117f611dda565b604080515f80825260208201909252600f60f81b9b939a50919850469750309650945092509050565b5f6111b585858585611e05565b6111dd576040516394ab6c0760e01b81526001600160a01b0384166004820152602401610b9c565b6111f785848660405180602001604052805f815250611892565b95945050505050565b5f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03166391ddadf46040518163ffffffff1660e01b8152600401602060405180830381865afa92505050801561127b575060408051601f3d908101601f1916820190925261127891810190613e31565b60015b610eed576109f8611e8e565b5f611293848484611e98565b90505b9392505050565b5f6112a8600a611f2b565b6001600160d01b0316905090565b6112be611541565b610a7a81611f6f565b5f6111f7858585856113e7565b5f6001610a63565b5f6109f860075490565b5f306112f06109e5565b6001600160a01b03161461131757604051637485328f60e11b815260040160405180910390fd5b5063bc197c8160e01b95945050505050565b5f8181526004602052604081205461135d90600160d01b810463ffffffff1690600160a01b900465ffffffffffff16613e4c565b65ffffffffffff1692915050565b611373611541565b5f5f856001600160a01b0316858585604051611390929190613e6a565b5f6040518083038185875af1925050503d805f81146113ca576040519150601f19603f3d011682016040523d82523d5f602084013e6113cf565b606091505b50915091506113de8282611fd8565b50505050505050565b5f848484846040516020016113ff9493929190613f00565b60408051601f19818403018152919052805160209091012095945050505050565b611428611541565b610a7a81612015565b5f611296838361144b60408051602081019091525f815290565b611e98565b611458611541565b610a7a816120b1565b5f3061146b6109e5565b6001600160a01b03161461149257604051637485328f60e11b815260040160405180910390fd5b5063f23a6e6160e01b95945050505050565b604051632394e7a360e21b8152600481018290525f90610a63906001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001690638e539e8c90602401602060405180830381865afa15801561150d573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906115319190613f4a565b61153a84611043565b60646120f2565b3361154a6109e5565b6001600160a01b031614611573576040516347096e4760e01b8152336004820152602401610b9c565b3061157c6109e5565b6001600160a01b0316146115b8575f803660405161159b929190613e6a565b604051809103902090505b806115b160056121a2565b036115a657505b565b6064808211156115e75760405163243e544560e01b81526004810183905260248101829052604401610b9c565b5f6115f061129d565b905061160f6115fd611200565b611606856121c1565b600a91906121f8565b505060408051828152602081018590527f0553476bf02ef2726e8ce5ced78d63e26e602e4a2257b1f559418e24b4633997910160405180910390a1505050565b5f816007811115611662576116626136f6565b600160ff919091161b92915050565b5f5f61167c84610df4565b90505f836116898361164f565b1603611296578381846040516331b75e4d60e01b8152600401610b9c93929190613f61565b5f6110a68686868686612212565b5f6116c783836123a3565b9050806116d8576116d86041612408565b505050565b6116ea8585858585612419565b5050505050565b5f5f6116fc836124a9565b90506005816007811115611712576117126136f6565b1461171d5792915050565b5f838152600c60205260409081902054600b549151632c258a9f60e11b81526004810182905290916001600160a01b03169063584b153e90602401602060405180830381865afa158015611773573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906117979190613f83565b156117a6575060059392505050565b600b54604051632ab0f52960e01b8152600481018390526001600160a01b0390911690632ab0f52990602401602060405180830381865afa1580156117ed573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906118119190613f83565b15611820575060079392505050565b5060029392505050565b5f8061183584610df4565b6007811115611846576118466136f6565b1480156112965750505f91825260046020526040909120546001600160a01b0391821691161490565b5f6111f7858585856125da565b6060610a6361188d8363ffffffff16565b612671565b5f6111f7858585856118ae60408051602081019091525f815290565b611980565b5f610e548561197a7f3e83946653575f9a39005e1545185629e92736b7528ab20ca3816f315424a8118a8a8a6119058c6001600160a01b03165f90815260026020526040902080546001810190915590565b8b516020808e01919091208c518d83012060405161195f98979695949301968752602087019590955260ff9390931660408601526001600160a01b03919091166060850152608084015260a083015260c082015260e00190565b604051602081830303815290604052805190602001206126e3565b8461270f565b5f61198f86610b79600161164f565b505f6119a48661199e89610dc2565b85611e98565b90505f6119b4888888858861277f565b905083515f03611a0a57866001600160a01b03167fb8e138887d0aa13bab447e82de9d5c1777041ecd21ca36ba824ff1e6c07ddda4898884896040516119fd9493929190613fa2565b60405180910390a2610e54565b866001600160a01b03167fe2babfbac5889a709b63bb7f598b324e08bc5a4fb9ec647fb3cbc9ec07eb87128988848989604051611a4b959493929190613fc9565b60405180910390a2979650505050505050565b5f5f5f611a6a8561287b565b9250925050838265ffffffffffff161115611a9757611a92611a8b856128d3565b8690612905565b611a99565b805b6001600160d01b031695945050505050565b6008546040805165ffffffffffff928316815291831660208301527fc565b045403dc03c2eea82b81a0465edad9e2e7fc4d97e11421c209da93d7a93910160405180910390a16008805465ffffffffffff191665ffffffffffff92909216919091179055565b80515f906034811015611b28576001915050610a63565b60131981840101516001600160b01b03198116692370726f706f7365723d60b01b14611b5957600192505050610a63565b5f5f611b6986602a8603866129a7565b91509150811580610e545750866001600160a01b0316816001600160a01b031614979650505050505050565b5f611ba986868686805190602001206112c7565b905084518651141580611bbe57508351865114155b80611bc857508551155b15611bfd57855184518651604051630447b05d60e41b8152600481019390935260248301919091526044820152606401610b9c565b5f81815260046020526040902054600160a01b900465ffffffffffff1615611c465780611c2982610df4565b6040516331b75e4d60e01b8152610b9c9291905f90600401613f61565b5f611c4f610de2565b611c57611200565b65ffffffffffff16611c699190614002565b90505f611c8360085463ffffffff600160301b9091041690565b5f84815260046020526040902080546001600160a01b0319166001600160a01b038716178155909150611cb5836128d3565b815465ffffffffffff91909116600160a01b0265ffffffffffff60a01b19909116178155611ce282612a50565b815463ffffffff91909116600160d01b0263ffffffff60d01b1990911617815588517f7d84a6263ae0d98d3329bd7b46bb4e8d6f98cd35a7adb45c274c8b7fd5ebd5e090859087908c908c906001600160401b03811115611d4557611d456133da565b604051908082528060200260200182016040528015611d7857816020015b6060815260200190600190039081611d635790505b508c89611d858a82614002565b8e604051611d9b99989796959493929190614015565b60405180910390a150505095945050505050565b60606109f87f0000000000000000000000000000000000000000000000000000000000000000612a80565b60606109f87f0000000000000000000000000000000000000000000000000000000000000000612a80565b5f6111f78361197a7ff2aad550cf55f045cb27e9c559f9889fdfb6e6cdaa032301d6ea397784ae51d7888888611e578a6001600160a01b03165f90815260026020526040902080546001810190915590565b60408051602081019690965285019390935260ff90911660608401526001600160a01b0316608083015260a082015260c00161195f565b5f6109f8436128d3565b5f7f0000000000000000000000000000000000000000000000000000000000000000604051630748d63560e31b81526001600160a01b038681166004830152602482018690529190911690633a46b1a890604401602060405180830381865afa158015611f07573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906112939190613f4a565b80545f908015611f6757611f5183611f446001846140f0565b5f91825260209091200190565b54600160301b90046001600160d01b0316611296565b5f9392505050565b600b54604080516001600160a01b03928316815291831660208301527f08f74ea46ef7894f65eabfb5e6e695de773a000b47c529ab559178069b226401910160405180910390a1600b80546001600160a01b0319166001600160a01b0392909216919091179055565b60608215611fe7575080610a63565b815115611ffc57611ff782612abd565b610a63565b60405163d6bda27560e01b815260040160405180910390fd5b8063ffffffff165f0361203d5760405163f1cfbf0560e01b81525f6004820152602401610b9c565b6008546040805163ffffffff600160301b9093048316815291831660208301527f7e3f7f0708a84de9203036abaa450dccc85ad5ff52f78c170f3edb55cf5e8828910160405180910390a16008805463ffffffff909216600160301b0269ffffffff00000000000019909216919091179055565b60075460408051918252602082018390527fccb45da8d5717e6c4544694297c4ba5cf151d455c9bb0ed4fc7a38411bc05461910160405180910390a1600755565b5f5f5f6120ff8686612ac5565b91509150815f036121235783818161211957612119614103565b0492505050611296565b81841161213a5761213a6003851502601118612408565b5f848688095f868103871696879004966002600389028118808a02820302808a02820302808a02820302808a02820302808a02820302808a02909103029181900381900460010185841190960395909502919093039390930492909217029150509392505050565b5f5f5f6121ae84612ae1565b9150915081611296576112966031612408565b5f6001600160d01b038211156121f4576040516306dfcc6560e41b815260d0600482015260248101839052604401610b9c565b5090565b5f80612205858585612b55565b915091505b935093915050565b5f5f600b5f9054906101000a90046001600160a01b03166001600160a01b031663f27a0c926040518163ffffffff1660e01b8152600401602060405180830381865afa158015612264573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906122889190613f4a565b90505f3060601b6bffffffffffffffffffffffff19168418600b5460405163b1c5f42760e01b81529192506001600160a01b03169063b1c5f427906122d9908a908a908a905f908890600401614117565b602060405180830381865afa1580156122f4573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906123189190613f4a565b5f898152600c602052604080822092909255600b5491516308f2a0bb60e41b81526001600160a01b0390921691638f2a0bb091612362918b918b918b919088908a90600401614164565b5f604051808303815f87803b158015612379575f5ffd5b505af115801561238b573d5f5f3e3d5ffd5b50505050610fef824261239e9190614002565b6128d3565b81545f906001600160801b03600160801b8204811691811660018301909116036123d0575f915050610a63565b6001600160801b038181165f908152600186810160205260409091209490945584549184018116600160801b02911617909255919050565b634e487b715f52806020526024601cfd5b600b546001600160a01b031663e38335e5348686865f3060601b6bffffffffffffffffffffffff191688186040518763ffffffff1660e01b8152600401612464959493929190614117565b5f604051808303818588803b15801561247b575f5ffd5b505af115801561248d573d5f5f3e3d5ffd5b5050505f9687525050600c602052505060408320929092555050565b5f818152600460205260408120805460ff600160f01b8204811691600160f81b90041681156124dd57506007949350505050565b80156124ee57506002949350505050565b5f6124f886610dc2565b9050805f0361251d57604051636ad0607560e01b815260048101879052602401610b9c565b5f612526611200565b65ffffffffffff16905080821061254357505f9695505050505050565b5f61254d88611329565b905081811061256457506001979650505050505050565b61256d88612ca5565b158061258c57505f888152600960205260409020805460019091015411155b1561259f57506003979650505050505050565b5f8881526004602052604090206001015465ffffffffffff165f036125cc57506004979650505050505050565b506005979650505050505050565b5f5f6125e886868686612cdb565b5f818152600c6020526040902054909150801561266757600b5460405163c4d252f560e01b8152600481018390526001600160a01b039091169063c4d252f5906024015f604051808303815f87803b158015612642575f5ffd5b505af1158015612654573d5f5f3e3d5ffd5b5050505f838152600c6020526040812055505b5095945050505050565b606061267b611e8e565b65ffffffffffff168265ffffffffffff16146126aa576040516301bfc1c560e61b815260040160405180910390fd5b505060408051808201909152601d81527f6d6f64653d626c6f636b6e756d6265722666726f6d3d64656661756c74000000602082015290565b5f610a636126ef612d9b565b8360405161190160f01b8152600281019290925260228201526042902090565b5f836001600160a01b03163b5f0361276d575f5f61272d8585612ec4565b5090925090505f816003811115612746576127466136f6565b1480156127645750856001600160a01b0316826001600160a01b0316145b92505050611296565b612778848484612f0d565b9050611296565b5f8581526009602090815260408083206001600160a01b03881684526003810190925282205460ff16156127d1576040516371c6af4960e01b81526001600160a01b0387166004820152602401610b9c565b6001600160a01b0386165f9081526003820160205260409020805460ff1916600117905560ff851661281a5783815f015f82825461280f9190614002565b909155506128709050565b5f1960ff8616016128385783816001015f82825461280f9190614002565b60011960ff8616016128575783816002015f82825461280f9190614002565b6040516303599be160e11b815260040160405180910390fd5b509195945050505050565b80545f9081908190808203612899575f5f5f93509350935050610f10565b5f6128a986611f446001856140f0565b546001955065ffffffffffff81169450600160301b90046001600160d01b03169250610f10915050565b5f65ffffffffffff8211156121f4576040516306dfcc6560e41b81526030600482015260248101839052604401610b9c565b81545f9081816005811115612961575f61291e84612f72565b61292890856140f0565b5f8881526020902090915081015465ffffffffffff90811690871610156129515780915061295f565b61295c816001614002565b92505b505b5f61296e878785856130ca565b9050801561299b5761298587611f446001846140f0565b54600160301b90046001600160d01b0316610e54565b505f9695505050505050565b5f5f84518311806129b757508284115b156129c657505f90508061220a565b5f6129d2856001614002565b841180156129fa575061060f60f31b6129ee8787016020015190565b6001600160f01b031916145b90505f612a0a82151560026141bb565b612a15906028614002565b905080612a2287876140f0565b03612a43575f5f612a34898989613120565b909650945061220a9350505050565b5f5f93509350505061220a565b5f63ffffffff8211156121f4576040516306dfcc6560e41b81526020600482015260248101839052604401610b9c565b60605f612a8c836131e1565b6040805160208082528183019092529192505f91906020820181803683375050509182525060208101929092525090565b805160208201fd5b5f805f1983850993909202808410938190039390930393915050565b80545f9081906001600160801b0380821691600160801b9004168103612b0c57505f93849350915050565b6001600160801b038181165f908152600186810160205260408220805492905586546fffffffffffffffffffffffffffffffff1916938101909216929092179094559293915050565b82545f9081908015612c4b575f612b7187611f446001856140f0565b805490915065ffffffffffff80821691600160301b90046001600160d01b0316908816821115612bb457604051632520601d60e01b815260040160405180910390fd5b8765ffffffffffff168265ffffffffffff1603612bed57825465ffffffffffff16600160301b6001600160d01b03891602178355612c3d565b6040805180820190915265ffffffffffff808a1682526001600160d01b03808a1660208085019182528d54600181018f555f8f81529190912094519151909216600160301b029216919091179101555b945085935061220a92505050565b50506040805180820190915265ffffffffffff80851682526001600160d01b0380851660208085019182528854600181018a555f8a815291822095519251909316600160301b02919093161792019190915590508161220a565b5f81815260096020526040812060028101546001820154612cc69190614002565b612cd26109ae85610dc2565b11159392505050565b5f5f612ce9868686866112c7565b9050612d3781612cf9600761164f565b612d03600661164f565b612d0d600261164f565b6001612d1a6007826141d2565b612d259060026142c6565b612d2f91906140f0565b181818611671565b505f818152600460205260409081902080546001600160f81b0316600160f81b179055517f789cf55be980739dad1d0699b93b58e806b51c9d96619bfa8fe0a28abaa7b30c90612d8a9083815260200190565b60405180910390a195945050505050565b5f306001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016148015612df357507f000000000000000000000000000000000000000000000000000000000000000046145b15612e1d57507f000000000000000000000000000000000000000000000000000000000000000090565b6109f8604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201527f0000000000000000000000000000000000000000000000000000000000000000918101919091527f000000000000000000000000000000000000000000000000000000000000000060608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b5f5f5f8351604103612efb576020840151604085015160608601515f1a612eed88828585613208565b955095509550505050612f06565b505081515f91506002905b9250925092565b805160408051630b135d3f60e11b8082526004820186905260248201929092525f92906020820185604483015e5f82606483010152601f820160051c60051b915060205f60648401838a5afa9050825f5114601f3d1116811693505050509392505050565b5f60018211612f7f575090565b816001600160801b8210612f985760809190911c9060401b5b680100000000000000008210612fb35760409190911c9060201b5b6401000000008210612fca5760209190911c9060101b5b620100008210612fdf5760109190911c9060081b5b6101008210612ff35760089190911c9060041b5b601082106130065760049190911c9060021b5b600482106130125760011b5b600302600190811c9081858161302a5761302a614103565b048201901c9050600181858161304257613042614103565b048201901c9050600181858161305a5761305a614103565b048201901c9050600181858161307257613072614103565b048201901c9050600181858161308a5761308a614103565b048201901c905060018185816130a2576130a2614103565b048201901c90506130c18185816130bb576130bb614103565b04821190565b90039392505050565b5f5b81831015613118575f85815260209020838316600285851804019081015465ffffffffffff8681169116111561310457809250613112565b61310f816001614002565b93505b506130cc565b509392505050565b5f80848161312f866001614002565b85118015613157575061060f60f31b61314b8388016020015190565b6001600160f01b031916145b90505f61316782151560026141bb565b90505f80613175838a614002565b90505b878110156131d0575f6131966131918784016020015190565b6132d0565b9050600f8160ff1611156131b5575f5f9750975050505050505061220a565b6131c06010846141bb565b60ff909116019150600101613178565b506001999098509650505050505050565b5f60ff8216601f811115610a6357604051632cd44ac360e21b815260040160405180910390fd5b5f80807f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a084111561324157505f915060039050826132c6565b604080515f808252602082018084528a905260ff891692820192909252606081018790526080810186905260019060a0016020604051602081039080840390855afa158015613292573d5f5f3e3d5ffd5b5050604051601f1901519150506001600160a01b0381166132bd57505f9250600191508290506132c6565b92505f91508190505b9450945094915050565b5f60f882901c602f811180156132e95750603a8160ff16105b156132f757602f1901610a63565b60608160ff1611801561330d575060678160ff16105b1561331b5760561901610a63565b60408160ff16118015613331575060478160ff16105b1561333f5760361901610a63565b5060ff92915050565b5f60208284031215613358575f5ffd5b81356001600160e01b031981168114611296575f5ffd5b5f6020828403121561337f575f5ffd5b5035919050565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b602081525f6112966020830184613386565b6001600160a01b0381168114610a7a575f5ffd5b634e487b7160e01b5f52604160045260245ffd5b604051601f8201601f191681016001600160401b0381118282101715613416576134166133da565b604052919050565b5f6001600160401b03821115613436576134366133da565b50601f01601f191660200190565b5f6134566134518461341e565b6133ee565b9050828152838383011115613469575f5ffd5b828260208301375f602084830101529392505050565b5f82601f83011261348e575f5ffd5b61129683833560208501613444565b5f5f5f5f608085870312156134b0575f5ffd5b84356134bb816133c6565b935060208501356134cb816133c6565b92506040850135915060608501356001600160401b038111156134ec575f5ffd5b6134f88782880161347f565b91505092959194509250565b5f6001600160401b0382111561351c5761351c6133da565b5060051b60200190565b5f82601f830112613535575f5ffd5b813561354361345182613504565b8082825260208201915060208360051b860101925085831115613564575f5ffd5b602085015b8381101561266757803561357c816133c6565b835260209283019201613569565b5f82601f830112613599575f5ffd5b81356135a761345182613504565b8082825260208201915060208360051b8601019250858311156135c8575f5ffd5b602085015b838110156126675780358352602092830192016135cd565b5f82601f8301126135f4575f5ffd5b813561360261345182613504565b8082825260208201915060208360051b860101925085831115613623575f5ffd5b602085015b838110156126675780356001600160401b03811115613645575f5ffd5b613654886020838a010161347f565b84525060209283019201613628565b5f5f5f5f60808587031215613676575f5ffd5b84356001600160401b0381111561368b575f5ffd5b61369787828801613526565b94505060208501356001600160401b038111156136b2575f5ffd5b6136be8782880161358a565b93505060408501356001600160401b038111156136d9575f5ffd5b6136e5878288016135e5565b949793965093946060013593505050565b634e487b7160e01b5f52602160045260245ffd5b6008811061372657634e487b7160e01b5f52602160045260245ffd5b9052565b60208101610a63828461370a565b5f5f60408385031215613749575f5ffd5b82359150602083013561375b816133c6565b809150509250929050565b803560ff81168114610eed575f5ffd5b5f5f60408385031215613787575f5ffd5b8235915061379760208401613766565b90509250929050565b5f5f83601f8401126137b0575f5ffd5b5081356001600160401b038111156137c6575f5ffd5b6020830191508360208285010111156137dd575f5ffd5b9250929050565b5f5f5f5f5f5f5f60c0888a0312156137fa575f5ffd5b8735965061380a60208901613766565b9550604088013561381a816133c6565b945060608801356001600160401b03811115613834575f5ffd5b6138408a828b016137a0565b90955093505060808801356001600160401b0381111561385e575f5ffd5b61386a8a828b0161347f565b92505060a08801356001600160401b03811115613885575f5ffd5b6138918a828b0161347f565b91505092959891949750929550565b5f5f5f5f5f608086880312156138b4575f5ffd5b853594506138c460208701613766565b935060408601356001600160401b038111156138de575f5ffd5b6138ea888289016137a0565b90945092505060608601356001600160401b03811115613908575f5ffd5b6139148882890161347f565b9150509295509295909350565b65ffffffffffff81168114610a7a575f5ffd5b5f60208284031215613944575f5ffd5b813561129681613921565b5f5f5f5f60608587031215613962575f5ffd5b8435935061397260208601613766565b925060408501356001600160401b0381111561398c575f5ffd5b613998878288016137a0565b95989497509550505050565b5f5f5f5f608085870312156139b7575f5ffd5b84356001600160401b038111156139cc575f5ffd5b6139d887828801613526565b94505060208501356001600160401b038111156139f3575f5ffd5b6139ff8782880161358a565b93505060408501356001600160401b03811115613a1a575f5ffd5b613a26878288016135e5565b92505060608501356001600160401b03811115613a41575f5ffd5b8501601f81018713613a51575f5ffd5b6134f887823560208401613444565b5f60208284031215613a70575f5ffd5b8135611296816133c6565b5f8151808452602084019350602083015f5b82811015613aab578151865260209586019590910190600101613a8d565b5093949350505050565b60ff60f81b8816815260e060208201525f613ad360e0830189613386565b8281036040840152613ae58189613386565b606084018890526001600160a01b038716608085015260a0840186905283810360c08501529050613b168185613a7b565b9a9950505050505050505050565b5f5f5f5f60808587031215613b37575f5ffd5b84359350613b4760208601613766565b92506040850135613b57816133c6565b915060608501356001600160401b038111156134ec575f5ffd5b5f5f5f60608486031215613b83575f5ffd5b8335613b8e816133c6565b92506020840135915060408401356001600160401b03811115613baf575f5ffd5b613bbb8682870161347f565b9150509250925092565b5f5f5f5f5f60a08688031215613bd9575f5ffd5b8535613be4816133c6565b94506020860135613bf4816133c6565b935060408601356001600160401b03811115613c0e575f5ffd5b613c1a8882890161358a565b93505060608601356001600160401b03811115613c35575f5ffd5b613c418882890161358a565b92505060808601356001600160401b03811115613908575f5ffd5b5f5f5f5f60608587031215613c6f575f5ffd5b8435613c7a816133c6565b93506020850135925060408501356001600160401b0381111561398c575f5ffd5b5f60208284031215613cab575f5ffd5b813563ffffffff81168114611296575f5ffd5b5f5f60408385031215613ccf575f5ffd5b8235613cda816133c6565b946020939093013593505050565b5f5f5f5f5f60a08688031215613cfc575f5ffd5b8535613d07816133c6565b94506020860135613d17816133c6565b9350604086013592506060860135915060808601356001600160401b03811115613908575f5ffd5b600181811c90821680613d5357607f821691505b602082108103613d7157634e487b7160e01b5f52602260045260245ffd5b50919050565b634e487b7160e01b5f52603260045260245ffd5b5f60208284031215613d9b575f5ffd5b81516001600160401b03811115613db0575f5ffd5b8201601f81018413613dc0575f5ffd5b8051613dce6134518261341e565b818152856020838501011115613de2575f5ffd5b8160208401602083015e5f91810160200191909152949350505050565b634e487b7160e01b5f52601160045260245ffd5b65ffffffffffff8281168282160390811115610a6357610a63613dff565b5f60208284031215613e41575f5ffd5b815161129681613921565b65ffffffffffff8181168382160190811115610a6357610a63613dff565b818382375f9101908152919050565b5f8151808452602084019350602083015f5b82811015613aab5781516001600160a01b0316865260209586019590910190600101613e8b565b5f82825180855260208501945060208160051b830101602085015f5b83811015610c4657601f19858403018852613eea838351613386565b6020988901989093509190910190600101613ece565b608081525f613f126080830187613e79565b8281036020840152613f248187613a7b565b90508281036040840152613f388186613eb2565b91505082606083015295945050505050565b5f60208284031215613f5a575f5ffd5b5051919050565b83815260608101613f75602083018561370a565b826040830152949350505050565b5f60208284031215613f93575f5ffd5b81518015158114611296575f5ffd5b84815260ff84166020820152826040820152608060608201525f6110a66080830184613386565b85815260ff8516602082015283604082015260a060608201525f613ff060a0830185613386565b8281036080840152610fef8185613386565b80820180821115610a6357610a63613dff565b8981526001600160a01b0389166020820152610120604082018190525f9061403f9083018a613e79565b8281036060840152614051818a613a7b565b9050828103608084015280885180835260208301915060208160051b84010160208b015f5b838110156140a857601f19868403018552614092838351613386565b6020958601959093509190910190600101614076565b505085810360a08701526140bc818b613eb2565b93505050508560c08401528460e08401528281036101008401526140e08185613386565b9c9b505050505050505050505050565b81810381811115610a6357610a63613dff565b634e487b7160e01b5f52601260045260245ffd5b60a081525f61412960a0830188613e79565b828103602084015261413b8188613a7b565b9050828103604084015261414f8187613eb2565b60608401959095525050608001529392505050565b60c081525f61417660c0830189613e79565b82810360208401526141888189613a7b565b9050828103604084015261419c8188613eb2565b60608401969096525050608081019290925260a0909101529392505050565b8082028115828204841417610a6357610a63613dff565b60ff8181168382160190811115610a6357610a63613dff565b6001815b600184111561220a5780850481111561420a5761420a613dff565b600184161561421857908102905b60019390931c9280026141ef565b5f8261423457506001610a63565b8161424057505f610a63565b816001811461425657600281146142605761427c565b6001915050610a63565b60ff84111561427157614271613dff565b50506001821b610a63565b5060208310610133831016604e8410600b841016171561429f575081810a610a63565b6142ab5f1984846141eb565b805f19048211156142be576142be613dff565b029392505050565b5f61129660ff84168361422656fea164736f6c634300081e000a",
}

// GaiaGovernorABI is the input ABI used to generate the binding from.
// Deprecated: Use GaiaGovernorMetaData.ABI instead.
var GaiaGovernorABI = GaiaGovernorMetaData.ABI

// Deprecated: Use GaiaGovernorMetaData.Sigs instead.
// GaiaGovernorFuncSigs maps the 4-byte function signature to its string representation.
var GaiaGovernorFuncSigs = GaiaGovernorMetaData.Sigs

// GaiaGovernorBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use GaiaGovernorMetaData.Bin instead.
var GaiaGovernorBin = GaiaGovernorMetaData.Bin

// DeployGaiaGovernor deploys a new Ethereum contract, binding an instance of GaiaGovernor to it.
func DeployGaiaGovernor(auth *bind.TransactOpts, backend bind.ContractBackend, token common.Address, timelock common.Address, votingDelay_ *big.Int, votingPeriod_ uint32, proposalThreshold_ *big.Int, quorumPercent *big.Int) (common.Address, *types.Transaction, *GaiaGovernor, error) {
	parsed, err := GaiaGovernorMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(GaiaGovernorBin), backend, token, timelock, votingDelay_, votingPeriod_, proposalThreshold_, quorumPercent)
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	return address, tx, &GaiaGovernor{GaiaGovernorCaller: GaiaGovernorCaller{contract: contract}, GaiaGovernorTransactor: GaiaGovernorTransactor{contract: contract}, GaiaGovernorFilterer: GaiaGovernorFilterer{contract: contract}}, nil
}

// GaiaGovernor is an auto generated Go binding around an Ethereum contract.
type GaiaGovernor struct {
	GaiaGovernorCaller     // Read-only binding to the contract
	GaiaGovernorTransactor // Write-only binding to the contract
	GaiaGovernorFilterer   // Log filterer for contract events
}

// GaiaGovernorCaller is an auto generated read-only Go binding around an Ethereum contract.
type GaiaGovernorCaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// GaiaGovernorTransactor is an auto generated write-only Go binding around an Ethereum contract.
type GaiaGovernorTransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// GaiaGovernorFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type GaiaGovernorFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// GaiaGovernorSession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type GaiaGovernorSession struct {
	Contract     *GaiaGovernor     // Generic contract binding to set the session for
	CallOpts     bind.CallOpts     // Call options to use throughout this session
	TransactOpts bind.TransactOpts // Transaction auth options to use throughout this session
}

// GaiaGovernorCallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type GaiaGovernorCallerSession struct {
	Contract *GaiaGovernorCaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts       // Call options to use throughout this session
}

// GaiaGovernorTransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type GaiaGovernorTransactorSession struct {
	Contract     *GaiaGovernorTransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts       // Transaction auth options to use throughout this session
}

// GaiaGovernorRaw is an auto generated low-level Go binding around an Ethereum contract.
type GaiaGovernorRaw struct {
	Contract *GaiaGovernor // Generic contract binding to access the raw methods on
}

// GaiaGovernorCallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type GaiaGovernorCallerRaw struct {
	Contract *GaiaGovernorCaller // Generic read-only contract binding to access the raw methods on
}

// GaiaGovernorTransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type GaiaGovernorTransactorRaw struct {
	Contract *GaiaGovernorTransactor // Generic write-only contract binding to access the raw methods on
}

// NewGaiaGovernor creates a new instance of GaiaGovernor, bound to a specific deployed contract.
func NewGaiaGovernor(address common.Address, backend bind.ContractBackend) (*GaiaGovernor, error) {
	contract, err := bindGaiaGovernor(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &GaiaGovernor{GaiaGovernorCaller: GaiaGovernorCaller{contract: contract}, GaiaGovernorTransactor: GaiaGovernorTransactor{contract: contract}, GaiaGovernorFilterer: GaiaGovernorFilterer{contract: contract}}, nil
}

// NewGaiaGovernorCaller creates a new read-only instance of GaiaGovernor, bound to a specific deployed contract.
func NewGaiaGovernorCaller(address common.Address, caller bind.ContractCaller) (*GaiaGovernorCaller, error) {
	contract, err := bindGaiaGovernor(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &GaiaGovernorCaller{contract: contract}, nil
}

// NewGaiaGovernorTransactor creates a new write-only instance of GaiaGovernor, bound to a specific deployed contract.
func NewGaiaGovernorTransactor(address common.Address, transactor bind.ContractTransactor) (*GaiaGovernorTransactor, error) {
	contract, err := bindGaiaGovernor(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &GaiaGovernorTransactor{contract: contract}, nil
}

// NewGaiaGovernorFilterer creates a new log filterer instance of GaiaGovernor, bound to a specific deployed contract.
func NewGaiaGovernorFilterer(address common.Address, filterer bind.ContractFilterer) (*GaiaGovernorFilterer, error) {
	contract, err := bindGaiaGovernor(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &GaiaGovernorFilterer{contract: contract}, nil
}

// bindGaiaGovernor binds a generic wrapper to an already deployed contract.
func bindGaiaGovernor(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := GaiaGovernorMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_GaiaGovernor *GaiaGovernorRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _GaiaGovernor.Contract.GaiaGovernorCaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_GaiaGovernor *GaiaGovernorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _GaiaGovernor.Contract.GaiaGovernorTransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_GaiaGovernor *GaiaGovernorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _GaiaGovernor.Contract.GaiaGovernorTransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_GaiaGovernor *GaiaGovernorCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _GaiaGovernor.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_GaiaGovernor *GaiaGovernorTransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _GaiaGovernor.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_GaiaGovernor *GaiaGovernorTransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _GaiaGovernor.Contract.contract.Transact(opts, method, params...)
}

// BALLOTTYPEHASH is a free data retrieval call binding the contract method 0xdeaaa7cc.
//
// Solidity: function BALLOT_TYPEHASH() view returns(bytes32)
func (_GaiaGovernor *GaiaGovernorCaller) BALLOTTYPEHASH(opts *bind.CallOpts) ([32]byte, error) {
	var out []interface{}
	err := _GaiaGovernor.contract.Call(opts, &out, "BALLOT_TYPEHASH")

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// BALLOTTYPEHASH is a free data retrieval call binding the contract method 0xdeaaa7cc.
//
// Solidity: function BALLOT_TYPEHASH() view returns(bytes32)
func (_GaiaGovernor *GaiaGovernorSession) BALLOTTYPEHASH() ([32]byte, error) {
	return _GaiaGovernor.Contract.BALLOTTYPEHASH(&_GaiaGovernor.CallOpts)
}

// BALLOTTYPEHASH is a free data retrieval call binding the contract method 0xdeaaa7cc.
//
// Solidity: function BALLOT_TYPEHASH() view returns(bytes32)
func (_GaiaGovernor *GaiaGovernorCallerSession) BALLOTTYPEHASH() ([32]byte, error) {
	return _GaiaGovernor.Contract.BALLOTTYPEHASH(&_GaiaGovernor.CallOpts)
}

// CLOCKMODE is a free data retrieval call binding the contract method 0x4bf5d7e9.
//
// Solidity: function CLOCK_MODE() view returns(string)
func (_GaiaGovernor *GaiaGovernorCaller) CLOCKMODE(opts *bind.CallOpts) (string, error) {
	var out []interface{}
	err := _GaiaGovernor.contract.Call(opts, &out, "CLOCK_MODE")

	if err != nil {
		return *new(string), err
	}

	out0 := *abi.ConvertType(out[0], new(string)).(*string)

	return out0, err

}

// CLOCKMODE is a free data retrieval call binding the contract method 0x4bf5d7e9.
//
// Solidity: function CLOCK_MODE() view returns(string)
func (_GaiaGovernor *GaiaGovernorSession) CLOCKMODE() (string, error) {
	return _GaiaGovernor.Contract.CLOCKMODE(&_GaiaGovernor.CallOpts)
}

// CLOCKMODE is a free data retrieval call binding the contract method 0x4bf5d7e9.
//
// Solidity: function CLOCK_MODE() view returns(string)
func (_GaiaGovernor *GaiaGovernorCallerSession) CLOCKMODE() (string, error) {
	return _GaiaGovernor.Contract.CLOCKMODE(&_GaiaGovernor.CallOpts)
}

// COUNTINGMODE is a free data retrieval call binding the contract method 0xdd4e2ba5.
//
// Solidity: function COUNTING_MODE() pure returns(string)
func (_GaiaGovernor *GaiaGovernorCaller) COUNTINGMODE(opts *bind.CallOpts) (string, error) {
	var out []interface{}
	err := _GaiaGovernor.contract.Call(opts, &out, "COUNTING_MODE")

	if err != nil {
		return *new(string), err
	}

	out0 := *abi.ConvertType(out[0], new(string)).(*string)

	return out0, err

}

// COUNTINGMODE is a free data retrieval call binding the contract method 0xdd4e2ba5.
//
// Solidity: function COUNTING_MODE() pure returns(string)
func (_GaiaGovernor *GaiaGovernorSession) COUNTINGMODE() (string, error) {
	return _GaiaGovernor.Contract.COUNTINGMODE(&_GaiaGovernor.CallOpts)
}

// COUNTINGMODE is a free data retrieval call binding the contract method 0xdd4e2ba5.
//
// Solidity: function COUNTING_MODE() pure returns(string)
func (_GaiaGovernor *GaiaGovernorCallerSession) COUNTINGMODE() (string, error) {
	return _GaiaGovernor.Contract.COUNTINGMODE(&_GaiaGovernor.CallOpts)
}

// EXTENDEDBALLOTTYPEHASH is a free data retrieval call binding the contract method 0x2fe3e261.
//
// Solidity: function EXTENDED_BALLOT_TYPEHASH() view returns(bytes32)
func (_GaiaGovernor *GaiaGovernorCaller) EXTENDEDBALLOTTYPEHASH(opts *bind.CallOpts) ([32]byte, error) {
	var out []interface{}
	err := _GaiaGovernor.contract.Call(opts, &out, "EXTENDED_BALLOT_TYPEHASH")

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// EXTENDEDBALLOTTYPEHASH is a free data retrieval call binding the contract method 0x2fe3e261.
//
// Solidity: function EXTENDED_BALLOT_TYPEHASH() view returns(bytes32)
func (_GaiaGovernor *GaiaGovernorSession) EXTENDEDBALLOTTYPEHASH() ([32]byte, error) {
	return _GaiaGovernor.Contract.EXTENDEDBALLOTTYPEHASH(&_GaiaGovernor.CallOpts)
}

// EXTENDEDBALLOTTYPEHASH is a free data retrieval call binding the contract method 0x2fe3e261.
//
// Solidity: function EXTENDED_BALLOT_TYPEHASH() view returns(bytes32)
func (_GaiaGovernor *GaiaGovernorCallerSession) EXTENDEDBALLOTTYPEHASH() ([32]byte, error) {
	return _GaiaGovernor.Contract.EXTENDEDBALLOTTYPEHASH(&_GaiaGovernor.CallOpts)
}

// Clock is a free data retrieval call binding the contract method 0x91ddadf4.
//
// Solidity: function clock() view returns(uint48)
func (_GaiaGovernor *GaiaGovernorCaller) Clock(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _GaiaGovernor.contract.Call(opts, &out, "clock")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// Clock is a free data retrieval call binding the contract method 0x91ddadf4.
//
// Solidity: function clock() view returns(uint48)
func (_GaiaGovernor *GaiaGovernorSession) Clock() (*big.Int, error) {
	return _GaiaGovernor.Contract.Clock(&_GaiaGovernor.CallOpts)
}

// Clock is a free data retrieval call binding the contract method 0x91ddadf4.
//
// Solidity: function clock() view returns(uint48)
func (_GaiaGovernor *GaiaGovernorCallerSession) Clock() (*big.Int, error) {
	return _GaiaGovernor.Contract.Clock(&_GaiaGovernor.CallOpts)
}

// Eip712Domain is a free data retrieval call binding the contract method 0x84b0196e.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (_GaiaGovernor *GaiaGovernorCaller) Eip712Domain(opts *bind.CallOpts) (struct {
	Fields            [1]byte
	Name              string
	Version           string
	ChainId           *big.Int
	VerifyingContract common.Address
	Salt              [32]byte
	Extensions        []*big.Int
}, error) {
	var out []interface{}
	err := _GaiaGovernor.contract.Call(opts, &out, "eip712Domain")

	outstruct := new(struct {
		Fields            [1]byte
		Name              string
		Version           string
		ChainId           *big.Int
		VerifyingContract common.Address
		Salt              [32]byte
		Extensions        []*big.Int
	})
	if err != nil {
		return *outstruct, err
	}

	outstruct.Fields = *abi.ConvertType(out[0], new([1]byte)).(*[1]byte)
	outstruct.Name = *abi.ConvertType(out[1], new(string)).(*string)
	outstruct.Version = *abi.ConvertType(out[2], new(string)).(*string)
	outstruct.ChainId = *abi.ConvertType(out[3], new(*big.Int)).(**big.Int)
	outstruct.VerifyingContract = *abi.ConvertType(out[4], new(common.Address)).(*common.Address)
	outstruct.Salt = *abi.ConvertType(out[5], new([32]byte)).(*[32]byte)
	outstruct.Extensions = *abi.ConvertType(out[6], new([]*big.Int)).(*[]*big.Int)

	return *outstruct, err

}

// Eip712Domain is a free data retrieval call binding the contract method 0x84b0196e.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (_GaiaGovernor *GaiaGovernorSession) Eip712Domain() (struct {
	Fields            [1]byte
	Name              string
	Version           string
	ChainId           *big.Int
	VerifyingContract common.Address
	Salt              [32]byte
	Extensions        []*big.Int
}, error) {
	return _GaiaGovernor.Contract.Eip712Domain(&_GaiaGovernor.CallOpts)
}

// Eip712Domain is a free data retrieval call binding the contract method 0x84b0196e.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (_GaiaGovernor *GaiaGovernorCallerSession) Eip712Domain() (struct {
	Fields            [1]byte
	Name              string
	Version           string
	ChainId           *big.Int
	VerifyingContract common.Address
	Salt              [32]byte
	Extensions        []*big.Int
}, error) {
	return _GaiaGovernor.Contract.Eip712Domain(&_GaiaGovernor.CallOpts)
}

// GetProposalId is a free data retrieval call binding the contract method 0xa8f8a668.
//
// Solidity: function getProposalId(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) view returns(uint256)
func (_GaiaGovernor *GaiaGovernorCaller) GetProposalId(opts *bind.CallOpts, targets []common.Address, values []*big.Int, calldatas [][]byte, descriptionHash [32]byte) (*big.Int, error) {
	var out []interface{}
	err := _GaiaGovernor.contract.Call(opts, &out, "getProposalId", targets, values, calldatas, descriptionHash)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// GetProposalId is a free data retrieval call binding the contract method 0xa8f8a668.
//
// Solidity: function getProposalId(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) view returns(uint256)
func (_GaiaGovernor *GaiaGovernorSession) GetProposalId(targets []common.Address, values []*big.Int, calldatas [][]byte, descriptionHash [32]byte) (*big.Int, error) {
	return _GaiaGovernor.Contract.GetProposalId(&_GaiaGovernor.CallOpts, targets, values, calldatas, descriptionHash)
}

// GetProposalId is a free data retrieval call binding the contract method 0xa8f8a668.
//
// Solidity: function getProposalId(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) view returns(uint256)
func (_GaiaGovernor *GaiaGovernorCallerSession) GetProposalId(targets []common.Address, values []*big.Int, calldatas [][]byte, descriptionHash [32]byte) (*big.Int, error) {
	return _GaiaGovernor.Contract.GetProposalId(&_GaiaGovernor.CallOpts, targets, values, calldatas, descriptionHash)
}

// GetVotes is a free data retrieval call binding the contract method 0xeb9019d4.
//
// Solidity: function getVotes(address account, uint256 timepoint) view returns(uint256)
func (_GaiaGovernor *GaiaGovernorCaller) GetVotes(opts *bind.CallOpts, account common.Address, timepoint *big.Int) (*big.Int, error) {
	var out []interface{}
	err := _GaiaGovernor.contract.Call(opts, &out, "getVotes", account, timepoint)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// GetVotes is a free data retrieval call binding the contract method 0xeb9019d4.
//
// Solidity: function getVotes(address account, uint256 timepoint) view returns(uint256)
func (_GaiaGovernor *GaiaGovernorSession) GetVotes(account common.Address, timepoint *big.Int) (*big.Int, error) {
	return _GaiaGovernor.Contract.GetVotes(&_GaiaGovernor.CallOpts, account, timepoint)
}

// GetVotes is a free data retrieval call binding the contract method 0xeb9019d4.
//
// Solidity: function getVotes(address account, uint256 timepoint) view returns(uint256)
func (_GaiaGovernor *GaiaGovernorCallerSession) GetVotes(account common.Address, timepoint *big.Int) (*big.Int, error) {
	return _GaiaGovernor.Contract.GetVotes(&_GaiaGovernor.CallOpts, account, timepoint)
}

// GetVotesWithParams is a free data retrieval call binding the contract method 0x9a802a6d.
//
// Solidity: function getVotesWithParams(address account, uint256 timepoint, bytes params) view returns(uint256)
func (_GaiaGovernor *GaiaGovernorCaller) GetVotesWithParams(opts *bind.CallOpts, account common.Address, timepoint *big.Int, params []byte) (*big.Int, error) {
	var out []interface{}
	err := _GaiaGovernor.contract.Call(opts, &out, "getVotesWithParams", account, timepoint, params)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// GetVotesWithParams is a free data retrieval call binding the contract method 0x9a802a6d.
//
// Solidity: function getVotesWithParams(address account, uint256 timepoint, bytes params) view returns(uint256)
func (_GaiaGovernor *GaiaGovernorSession) GetVotesWithParams(account common.Address, timepoint *big.Int, params []byte) (*big.Int, error) {
	return _GaiaGovernor.Contract.GetVotesWithParams(&_GaiaGovernor.CallOpts, account, timepoint, params)
}

// GetVotesWithParams is a free data retrieval call binding the contract method 0x9a802a6d.
//
// Solidity: function getVotesWithParams(address account, uint256 timepoint, bytes params) view returns(uint256)
func (_GaiaGovernor *GaiaGovernorCallerSession) GetVotesWithParams(account common.Address, timepoint *big.Int, params []byte) (*big.Int, error) {
	return _GaiaGovernor.Contract.GetVotesWithParams(&_GaiaGovernor.CallOpts, account, timepoint, params)
}

// HasVoted is a free data retrieval call binding the contract method 0x43859632.
//
// Solidity: function hasVoted(uint256 proposalId, address account) view returns(bool)
func (_GaiaGovernor *GaiaGovernorCaller) HasVoted(opts *bind.CallOpts, proposalId *big.Int, account common.Address) (bool, error) {
	var out []interface{}
	err := _GaiaGovernor.contract.Call(opts, &out, "hasVoted", proposalId, account)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// HasVoted is a free data retrieval call binding the contract method 0x43859632.
//
// Solidity: function hasVoted(uint256 proposalId, address account) view returns(bool)
func (_GaiaGovernor *GaiaGovernorSession) HasVoted(proposalId *big.Int, account common.Address) (bool, error) {
	return _GaiaGovernor.Contract.HasVoted(&_GaiaGovernor.CallOpts, proposalId, account)
}

// HasVoted is a free data retrieval call binding the contract method 0x43859632.
//
// Solidity: function hasVoted(uint256 proposalId, address account) view returns(bool)
func (_GaiaGovernor *GaiaGovernorCallerSession) HasVoted(proposalId *big.Int, account common.Address) (bool, error) {
	return _GaiaGovernor.Contract.HasVoted(&_GaiaGovernor.CallOpts, proposalId, account)
}

// HashProposal is a free data retrieval call binding the contract method 0xc59057e4.
//
// Solidity: function hashProposal(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) pure returns(uint256)
func (_GaiaGovernor *GaiaGovernorCaller) HashProposal(opts *bind.CallOpts, targets []common.Address, values []*big.Int, calldatas [][]byte, descriptionHash [32]byte) (*big.Int, error) {
	var out []interface{}
	err := _GaiaGovernor.contract.Call(opts, &out, "hashProposal", targets, values, calldatas, descriptionHash)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// HashProposal is a free data retrieval call binding the contract method 0xc59057e4.
//
// Solidity: function hashProposal(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) pure returns(uint256)
func (_GaiaGovernor *GaiaGovernorSession) HashProposal(targets []common.Address, values []*big.Int, calldatas [][]byte, descriptionHash [32]byte) (*big.Int, error) {
	return _GaiaGovernor.Contract.HashProposal(&_GaiaGovernor.CallOpts, targets, values, calldatas, descriptionHash)
}

// HashProposal is a free data retrieval call binding the contract method 0xc59057e4.
//
// Solidity: function hashProposal(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) pure returns(uint256)
func (_GaiaGovernor *GaiaGovernorCallerSession) HashProposal(targets []common.Address, values []*big.Int, calldatas [][]byte, descriptionHash [32]byte) (*big.Int, error) {
	return _GaiaGovernor.Contract.HashProposal(&_GaiaGovernor.CallOpts, targets, values, calldatas, descriptionHash)
}

// Name is a free data retrieval call binding the contract method 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (_GaiaGovernor *GaiaGovernorCaller) Name(opts *bind.CallOpts) (string, error) {
	var out []interface{}
	err := _GaiaGovernor.contract.Call(opts, &out, "name")

	if err != nil {
		return *new(string), err
	}

	out0 := *abi.ConvertType(out[0], new(string)).(*string)

	return out0, err

}

// Name is a free data retrieval call binding the contract method 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (_GaiaGovernor *GaiaGovernorSession) Name() (string, error) {
	return _GaiaGovernor.Contract.Name(&_GaiaGovernor.CallOpts)
}

// Name is a free data retrieval call binding the contract method 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (_GaiaGovernor *GaiaGovernorCallerSession) Name() (string, error) {
	return _GaiaGovernor.Contract.Name(&_GaiaGovernor.CallOpts)
}

// Nonces is a free data retrieval call binding the contract method 0x7ecebe00.
//
// Solidity: function nonces(address owner) view returns(uint256)
func (_GaiaGovernor *GaiaGovernorCaller) Nonces(opts *bind.CallOpts, owner common.Address) (*big.Int, error) {
	var out []interface{}
	err := _GaiaGovernor.contract.Call(opts, &out, "nonces", owner)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// Nonces is a free data retrieval call binding the contract method 0x7ecebe00.
//
// Solidity: function nonces(address owner) view returns(uint256)
func (_GaiaGovernor *GaiaGovernorSession) Nonces(owner common.Address) (*big.Int, error) {
	return _GaiaGovernor.Contract.Nonces(&_GaiaGovernor.CallOpts, owner)
}

// Nonces is a free data retrieval call binding the contract method 0x7ecebe00.
//
// Solidity: function nonces(address owner) view returns(uint256)
func (_GaiaGovernor *GaiaGovernorCallerSession) Nonces(owner common.Address) (*big.Int, error) {
	return _GaiaGovernor.Contract.Nonces(&_GaiaGovernor.CallOpts, owner)
}

// ProposalDeadline is a free data retrieval call binding the contract method 0xc01f9e37.
//
// Solidity: function proposalDeadline(uint256 proposalId) view returns(uint256)
func (_GaiaGovernor *GaiaGovernorCaller) ProposalDeadline(opts *bind.CallOpts, proposalId *big.Int) (*big.Int, error) {
	var out []interface{}
	err := _GaiaGovernor.contract.Call(opts, &out, "proposalDeadline", proposalId)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// ProposalDeadline is a free data retrieval call binding the contract method 0xc01f9e37.
//
// Solidity: function proposalDeadline(uint256 proposalId) view returns(uint256)
func (_GaiaGovernor *GaiaGovernorSession) ProposalDeadline(proposalId *big.Int) (*big.Int, error) {
	return _GaiaGovernor.Contract.ProposalDeadline(&_GaiaGovernor.CallOpts, proposalId)
}

// ProposalDeadline is a free data retrieval call binding the contract method 0xc01f9e37.
//
// Solidity: function proposalDeadline(uint256 proposalId) view returns(uint256)
func (_GaiaGovernor *GaiaGovernorCallerSession) ProposalDeadline(proposalId *big.Int) (*big.Int, error) {
	return _GaiaGovernor.Contract.ProposalDeadline(&_GaiaGovernor.CallOpts, proposalId)
}

// ProposalEta is a free data retrieval call binding the contract method 0xab58fb8e.
//
// Solidity: function proposalEta(uint256 proposalId) view returns(uint256)
func (_GaiaGovernor *GaiaGovernorCaller) ProposalEta(opts *bind.CallOpts, proposalId *big.Int) (*big.Int, error) {
	var out []interface{}
	err := _GaiaGovernor.contract.Call(opts, &out, "proposalEta", proposalId)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// ProposalEta is a free data retrieval call binding the contract method 0xab58fb8e.
//
// Solidity: function proposalEta(uint256 proposalId) view returns(uint256)
func (_GaiaGovernor *GaiaGovernorSession) ProposalEta(proposalId *big.Int) (*big.Int, error) {
	return _GaiaGovernor.Contract.ProposalEta(&_GaiaGovernor.CallOpts, proposalId)
}

// ProposalEta is a free data retrieval call binding the contract method 0xab58fb8e.
//
// Solidity: function proposalEta(uint256 proposalId) view returns(uint256)
func (_GaiaGovernor *GaiaGovernorCallerSession) ProposalEta(proposalId *big.Int) (*big.Int, error) {
	return _GaiaGovernor.Contract.ProposalEta(&_GaiaGovernor.CallOpts, proposalId)
}

// ProposalNeedsQueuing is a free data retrieval call binding the contract method 0xa9a95294.
//
// Solidity: function proposalNeedsQueuing(uint256 proposalId) view returns(bool)
func (_GaiaGovernor *GaiaGovernorCaller) ProposalNeedsQueuing(opts *bind.CallOpts, proposalId *big.Int) (bool, error) {
	var out []interface{}
	err := _GaiaGovernor.contract.Call(opts, &out, "proposalNeedsQueuing", proposalId)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// ProposalNeedsQueuing is a free data retrieval call binding the contract method 0xa9a95294.
//
// Solidity: function proposalNeedsQueuing(uint256 proposalId) view returns(bool)
func (_GaiaGovernor *GaiaGovernorSession) ProposalNeedsQueuing(proposalId *big.Int) (bool, error) {
	return _GaiaGovernor.Contract.ProposalNeedsQueuing(&_GaiaGovernor.CallOpts, proposalId)
}

// ProposalNeedsQueuing is a free data retrieval call binding the contract method 0xa9a95294.
//
// Solidity: function proposalNeedsQueuing(uint256 proposalId) view returns(bool)
func (_GaiaGovernor *GaiaGovernorCallerSession) ProposalNeedsQueuing(proposalId *big.Int) (bool, error) {
	return _GaiaGovernor.Contract.ProposalNeedsQueuing(&_GaiaGovernor.CallOpts, proposalId)
}

// ProposalProposer is a free data retrieval call binding the contract method 0x143489d0.
//
// Solidity: function proposalProposer(uint256 proposalId) view returns(address)
func (_GaiaGovernor *GaiaGovernorCaller) ProposalProposer(opts *bind.CallOpts, proposalId *big.Int) (common.Address, error) {
	var out []interface{}
	err := _GaiaGovernor.contract.Call(opts, &out, "proposalProposer", proposalId)

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// ProposalProposer is a free data retrieval call binding the contract method 0x143489d0.
//
// Solidity: function proposalProposer(uint256 proposalId) view returns(address)
func (_GaiaGovernor *GaiaGovernorSession) ProposalProposer(proposalId *big.Int) (common.Address, error) {
	return _GaiaGovernor.Contract.ProposalProposer(&_GaiaGovernor.CallOpts, proposalId)
}

// ProposalProposer is a free data retrieval call binding the contract method 0x143489d0.
//
// Solidity: function proposalProposer(uint256 proposalId) view returns(address)
func (_GaiaGovernor *GaiaGovernorCallerSession) ProposalProposer(proposalId *big.Int) (common.Address, error) {
	return _GaiaGovernor.Contract.ProposalProposer(&_GaiaGovernor.CallOpts, proposalId)
}

// ProposalSnapshot is a free data retrieval call binding the contract method 0x2d63f693.
//
// Solidity: function proposalSnapshot(uint256 proposalId) view returns(uint256)
func (_GaiaGovernor *GaiaGovernorCaller) ProposalSnapshot(opts *bind.CallOpts, proposalId *big.Int) (*big.Int, error) {
	var out []interface{}
	err := _GaiaGovernor.contract.Call(opts, &out, "proposalSnapshot", proposalId)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// ProposalSnapshot is a free data retrieval call binding the contract method 0x2d63f693.
//
// Solidity: function proposalSnapshot(uint256 proposalId) view returns(uint256)
func (_GaiaGovernor *GaiaGovernorSession) ProposalSnapshot(proposalId *big.Int) (*big.Int, error) {
	return _GaiaGovernor.Contract.ProposalSnapshot(&_GaiaGovernor.CallOpts, proposalId)
}

// ProposalSnapshot is a free data retrieval call binding the contract method 0x2d63f693.
//
// Solidity: function proposalSnapshot(uint256 proposalId) view returns(uint256)
func (_GaiaGovernor *GaiaGovernorCallerSession) ProposalSnapshot(proposalId *big.Int) (*big.Int, error) {
	return _GaiaGovernor.Contract.ProposalSnapshot(&_GaiaGovernor.CallOpts, proposalId)
}

// ProposalThreshold is a free data retrieval call binding the contract method 0xb58131b0.
//
// Solidity: function proposalThreshold() view returns(uint256)
func (_GaiaGovernor *GaiaGovernorCaller) ProposalThreshold(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _GaiaGovernor.contract.Call(opts, &out, "proposalThreshold")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// ProposalThreshold is a free data retrieval call binding the contract method 0xb58131b0.
//
// Solidity: function proposalThreshold() view returns(uint256)
func (_GaiaGovernor *GaiaGovernorSession) ProposalThreshold() (*big.Int, error) {
	return _GaiaGovernor.Contract.ProposalThreshold(&_GaiaGovernor.CallOpts)
}

// ProposalThreshold is a free data retrieval call binding the contract method 0xb58131b0.
//
// Solidity: function proposalThreshold() view returns(uint256)
func (_GaiaGovernor *GaiaGovernorCallerSession) ProposalThreshold() (*big.Int, error) {
	return _GaiaGovernor.Contract.ProposalThreshold(&_GaiaGovernor.CallOpts)
}

// ProposalVotes is a free data retrieval call binding the contract method 0x544ffc9c.
//
// Solidity: function proposalVotes(uint256 proposalId) view returns(uint256 againstVotes, uint256 forVotes, uint256 abstainVotes)
func (_GaiaGovernor *GaiaGovernorCaller) ProposalVotes(opts *bind.CallOpts, proposalId *big.Int) (struct {
	AgainstVotes *big.Int
	ForVotes     *big.Int
	AbstainVotes *big.Int
}, error) {
	var out []interface{}
	err := _GaiaGovernor.contract.Call(opts, &out, "proposalVotes", proposalId)

	outstruct := new(struct {
		AgainstVotes *big.Int
		ForVotes     *big.Int
		AbstainVotes *big.Int
	})
	if err != nil {
		return *outstruct, err
	}

	outstruct.AgainstVotes = *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)
	outstruct.ForVotes = *abi.ConvertType(out[1], new(*big.Int)).(**big.Int)
	outstruct.AbstainVotes = *abi.ConvertType(out[2], new(*big.Int)).(**big.Int)

	return *outstruct, err

}

// ProposalVotes is a free data retrieval call binding the contract method 0x544ffc9c.
//
// Solidity: function proposalVotes(uint256 proposalId) view returns(uint256 againstVotes, uint256 forVotes, uint256 abstainVotes)
func (_GaiaGovernor *GaiaGovernorSession) ProposalVotes(proposalId *big.Int) (struct {
	AgainstVotes *big.Int
	ForVotes     *big.Int
	AbstainVotes *big.Int
}, error) {
	return _GaiaGovernor.Contract.ProposalVotes(&_GaiaGovernor.CallOpts, proposalId)
}

// ProposalVotes is a free data retrieval call binding the contract method 0x544ffc9c.
//
// Solidity: function proposalVotes(uint256 proposalId) view returns(uint256 againstVotes, uint256 forVotes, uint256 abstainVotes)
func (_GaiaGovernor *GaiaGovernorCallerSession) ProposalVotes(proposalId *big.Int) (struct {
	AgainstVotes *big.Int
	ForVotes     *big.Int
	AbstainVotes *big.Int
}, error) {
	return _GaiaGovernor.Contract.ProposalVotes(&_GaiaGovernor.CallOpts, proposalId)
}

// Quorum is a free data retrieval call binding the contract method 0xf8ce560a.
//
// Solidity: function quorum(uint256 timepoint) view returns(uint256)
func (_GaiaGovernor *GaiaGovernorCaller) Quorum(opts *bind.CallOpts, timepoint *big.Int) (*big.Int, error) {
	var out []interface{}
	err := _GaiaGovernor.contract.Call(opts, &out, "quorum", timepoint)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// Quorum is a free data retrieval call binding the contract method 0xf8ce560a.
//
// Solidity: function quorum(uint256 timepoint) view returns(uint256)
func (_GaiaGovernor *GaiaGovernorSession) Quorum(timepoint *big.Int) (*big.Int, error) {
	return _GaiaGovernor.Contract.Quorum(&_GaiaGovernor.CallOpts, timepoint)
}

// Quorum is a free data retrieval call binding the contract method 0xf8ce560a.
//
// Solidity: function quorum(uint256 timepoint) view returns(uint256)
func (_GaiaGovernor *GaiaGovernorCallerSession) Quorum(timepoint *big.Int) (*big.Int, error) {
	return _GaiaGovernor.Contract.Quorum(&_GaiaGovernor.CallOpts, timepoint)
}

// QuorumDenominator is a free data retrieval call binding the contract method 0x97c3d334.
//
// Solidity: function quorumDenominator() view returns(uint256)
func (_GaiaGovernor *GaiaGovernorCaller) QuorumDenominator(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _GaiaGovernor.contract.Call(opts, &out, "quorumDenominator")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// QuorumDenominator is a free data retrieval call binding the contract method 0x97c3d334.
//
// Solidity: function quorumDenominator() view returns(uint256)
func (_GaiaGovernor *GaiaGovernorSession) QuorumDenominator() (*big.Int, error) {
	return _GaiaGovernor.Contract.QuorumDenominator(&_GaiaGovernor.CallOpts)
}

// QuorumDenominator is a free data retrieval call binding the contract method 0x97c3d334.
//
// Solidity: function quorumDenominator() view returns(uint256)
func (_GaiaGovernor *GaiaGovernorCallerSession) QuorumDenominator() (*big.Int, error) {
	return _GaiaGovernor.Contract.QuorumDenominator(&_GaiaGovernor.CallOpts)
}

// QuorumNumerator is a free data retrieval call binding the contract method 0x60c4247f.
//
// Solidity: function quorumNumerator(uint256 timepoint) view returns(uint256)
func (_GaiaGovernor *GaiaGovernorCaller) QuorumNumerator(opts *bind.CallOpts, timepoint *big.Int) (*big.Int, error) {
	var out []interface{}
	err := _GaiaGovernor.contract.Call(opts, &out, "quorumNumerator", timepoint)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// QuorumNumerator is a free data retrieval call binding the contract method 0x60c4247f.
//
// Solidity: function quorumNumerator(uint256 timepoint) view returns(uint256)
func (_GaiaGovernor *GaiaGovernorSession) QuorumNumerator(timepoint *big.Int) (*big.Int, error) {
	return _GaiaGovernor.Contract.QuorumNumerator(&_GaiaGovernor.CallOpts, timepoint)
}

// QuorumNumerator is a free data retrieval call binding the contract method 0x60c4247f.
//
// Solidity: function quorumNumerator(uint256 timepoint) view returns(uint256)
func (_GaiaGovernor *GaiaGovernorCallerSession) QuorumNumerator(timepoint *big.Int) (*big.Int, error) {
	return _GaiaGovernor.Contract.QuorumNumerator(&_GaiaGovernor.CallOpts, timepoint)
}

// QuorumNumerator0 is a free data retrieval call binding the contract method 0xa7713a70.
//
// Solidity: function quorumNumerator() view returns(uint256)
func (_GaiaGovernor *GaiaGovernorCaller) QuorumNumerator0(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _GaiaGovernor.contract.Call(opts, &out, "quorumNumerator0")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// QuorumNumerator0 is a free data retrieval call binding the contract method 0xa7713a70.
//
// Solidity: function quorumNumerator() view returns(uint256)
func (_GaiaGovernor *GaiaGovernorSession) QuorumNumerator0() (*big.Int, error) {
	return _GaiaGovernor.Contract.QuorumNumerator0(&_GaiaGovernor.CallOpts)
}

// QuorumNumerator0 is a free data retrieval call binding the contract method 0xa7713a70.
//
// Solidity: function quorumNumerator() view returns(uint256)
func (_GaiaGovernor *GaiaGovernorCallerSession) QuorumNumerator0() (*big.Int, error) {
	return _GaiaGovernor.Contract.QuorumNumerator0(&_GaiaGovernor.CallOpts)
}

// State is a free data retrieval call binding the contract method 0x3e4f49e6.
//
// Solidity: function state(uint256 proposalId) view returns(uint8)
func (_GaiaGovernor *GaiaGovernorCaller) State(opts *bind.CallOpts, proposalId *big.Int) (uint8, error) {
	var out []interface{}
	err := _GaiaGovernor.contract.Call(opts, &out, "state", proposalId)

	if err != nil {
		return *new(uint8), err
	}

	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)

	return out0, err

}

// State is a free data retrieval call binding the contract method 0x3e4f49e6.
//
// Solidity: function state(uint256 proposalId) view returns(uint8)
func (_GaiaGovernor *GaiaGovernorSession) State(proposalId *big.Int) (uint8, error) {
	return _GaiaGovernor.Contract.State(&_GaiaGovernor.CallOpts, proposalId)
}

// State is a free data retrieval call binding the contract method 0x3e4f49e6.
//
// Solidity: function state(uint256 proposalId) view returns(uint8)
func (_GaiaGovernor *GaiaGovernorCallerSession) State(proposalId *big.Int) (uint8, error) {
	return _GaiaGovernor.Contract.State(&_GaiaGovernor.CallOpts, proposalId)
}

// SupportsInterface is a free data retrieval call binding the contract method 0x01ffc9a7.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (_GaiaGovernor *GaiaGovernorCaller) SupportsInterface(opts *bind.CallOpts, interfaceId [4]byte) (bool, error) {
	var out []interface{}
	err := _GaiaGovernor.contract.Call(opts, &out, "supportsInterface", interfaceId)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// SupportsInterface is a free data retrieval call binding the contract method 0x01ffc9a7.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (_GaiaGovernor *GaiaGovernorSession) SupportsInterface(interfaceId [4]byte) (bool, error) {
	return _GaiaGovernor.Contract.SupportsInterface(&_GaiaGovernor.CallOpts, interfaceId)
}

// SupportsInterface is a free data retrieval call binding the contract method 0x01ffc9a7.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (_GaiaGovernor *GaiaGovernorCallerSession) SupportsInterface(interfaceId [4]byte) (bool, error) {
	return _GaiaGovernor.Contract.SupportsInterface(&_GaiaGovernor.CallOpts, interfaceId)
}

// Timelock is a free data retrieval call binding the contract method 0xd33219b4.
//
// Solidity: function timelock() view returns(address)
func (_GaiaGovernor *GaiaGovernorCaller) Timelock(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _GaiaGovernor.contract.Call(opts, &out, "timelock")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Timelock is a free data retrieval call binding the contract method 0xd33219b4.
//
// Solidity: function timelock() view returns(address)
func (_GaiaGovernor *GaiaGovernorSession) Timelock() (common.Address, error) {
	return _GaiaGovernor.Contract.Timelock(&_GaiaGovernor.CallOpts)
}

// Timelock is a free data retrieval call binding the contract method 0xd33219b4.
//
// Solidity: function timelock() view returns(address)
func (_GaiaGovernor *GaiaGovernorCallerSession) Timelock() (common.Address, error) {
	return _GaiaGovernor.Contract.Timelock(&_GaiaGovernor.CallOpts)
}

// Token is a free data retrieval call binding the contract method 0xfc0c546a.
//
// Solidity: function token() view returns(address)
func (_GaiaGovernor *GaiaGovernorCaller) Token(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _GaiaGovernor.contract.Call(opts, &out, "token")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Token is a free data retrieval call binding the contract method 0xfc0c546a.
//
// Solidity: function token() view returns(address)
func (_GaiaGovernor *GaiaGovernorSession) Token() (common.Address, error) {
	return _GaiaGovernor.Contract.Token(&_GaiaGovernor.CallOpts)
}

// Token is a free data retrieval call binding the contract method 0xfc0c546a.
//
// Solidity: function token() view returns(address)
func (_GaiaGovernor *GaiaGovernorCallerSession) Token() (common.Address, error) {
	return _GaiaGovernor.Contract.Token(&_GaiaGovernor.CallOpts)
}

// Version is a free data retrieval call binding the contract method 0x54fd4d50.
//
// Solidity: function version() view returns(string)
func (_GaiaGovernor *GaiaGovernorCaller) Version(opts *bind.CallOpts) (string, error) {
	var out []interface{}
	err := _GaiaGovernor.contract.Call(opts, &out, "version")

	if err != nil {
		return *new(string), err
	}

	out0 := *abi.ConvertType(out[0], new(string)).(*string)

	return out0, err

}

// Version is a free data retrieval call binding the contract method 0x54fd4d50.
//
// Solidity: function version() view returns(string)
func (_GaiaGovernor *GaiaGovernorSession) Version() (string, error) {
	return _GaiaGovernor.Contract.Version(&_GaiaGovernor.CallOpts)
}

// Version is a free data retrieval call binding the contract method 0x54fd4d50.
//
// Solidity: function version() view returns(string)
func (_GaiaGovernor *GaiaGovernorCallerSession) Version() (string, error) {
	return _GaiaGovernor.Contract.Version(&_GaiaGovernor.CallOpts)
}

// VotingDelay is a free data retrieval call binding the contract method 0x3932abb1.
//
// Solidity: function votingDelay() view returns(uint256)
func (_GaiaGovernor *GaiaGovernorCaller) VotingDelay(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _GaiaGovernor.contract.Call(opts, &out, "votingDelay")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// VotingDelay is a free data retrieval call binding the contract method 0x3932abb1.
//
// Solidity: function votingDelay() view returns(uint256)
func (_GaiaGovernor *GaiaGovernorSession) VotingDelay() (*big.Int, error) {
	return _GaiaGovernor.Contract.VotingDelay(&_GaiaGovernor.CallOpts)
}

// VotingDelay is a free data retrieval call binding the contract method 0x3932abb1.
//
// Solidity: function votingDelay() view returns(uint256)
func (_GaiaGovernor *GaiaGovernorCallerSession) VotingDelay() (*big.Int, error) {
	return _GaiaGovernor.Contract.VotingDelay(&_GaiaGovernor.CallOpts)
}

// VotingPeriod is a free data retrieval call binding the contract method 0x02a251a3.
//
// Solidity: function votingPeriod() view returns(uint256)
func (_GaiaGovernor *GaiaGovernorCaller) VotingPeriod(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _GaiaGovernor.contract.Call(opts, &out, "votingPeriod")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// VotingPeriod is a free data retrieval call binding the contract method 0x02a251a3.
//
// Solidity: function votingPeriod() view returns(uint256)
func (_GaiaGovernor *GaiaGovernorSession) VotingPeriod() (*big.Int, error) {
	return _GaiaGovernor.Contract.VotingPeriod(&_GaiaGovernor.CallOpts)
}

// VotingPeriod is a free data retrieval call binding the contract method 0x02a251a3.
//
// Solidity: function votingPeriod() view returns(uint256)
func (_GaiaGovernor *GaiaGovernorCallerSession) VotingPeriod() (*big.Int, error) {
	return _GaiaGovernor.Contract.VotingPeriod(&_GaiaGovernor.CallOpts)
}

// Cancel is a paid mutator transaction binding the contract method 0x452115d6.
//
// Solidity: function cancel(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) returns(uint256)
func (_GaiaGovernor *GaiaGovernorTransactor) Cancel(opts *bind.TransactOpts, targets []common.Address, values []*big.Int, calldatas [][]byte, descriptionHash [32]byte) (*types.Transaction, error) {
	return _GaiaGovernor.contract.Transact(opts, "cancel", targets, values, calldatas, descriptionHash)
}

// Cancel is a paid mutator transaction binding the contract method 0x452115d6.
//
// Solidity: function cancel(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) returns(uint256)
func (_GaiaGovernor *GaiaGovernorSession) Cancel(targets []common.Address, values []*big.Int, calldatas [][]byte, descriptionHash [32]byte) (*types.Transaction, error) {
	return _GaiaGovernor.Contract.Cancel(&_GaiaGovernor.TransactOpts, targets, values, calldatas, descriptionHash)
}

// Cancel is a paid mutator transaction binding the contract method 0x452115d6.
//
// Solidity: function cancel(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) returns(uint256)
func (_GaiaGovernor *GaiaGovernorTransactorSession) Cancel(targets []common.Address, values []*big.Int, calldatas [][]byte, descriptionHash [32]byte) (*types.Transaction, error) {
	return _GaiaGovernor.Contract.Cancel(&_GaiaGovernor.TransactOpts, targets, values, calldatas, descriptionHash)
}

// CastVote is a paid mutator transaction binding the contract method 0x56781388.
//
// Solidity: function castVote(uint256 proposalId, uint8 support) returns(uint256)
func (_GaiaGovernor *GaiaGovernorTransactor) CastVote(opts *bind.TransactOpts, proposalId *big.Int, support uint8) (*types.Transaction, error) {
	return _GaiaGovernor.contract.Transact(opts, "castVote", proposalId, support)
}

// CastVote is a paid mutator transaction binding the contract method 0x56781388.
//
// Solidity: function castVote(uint256 proposalId, uint8 support) returns(uint256)
func (_GaiaGovernor *GaiaGovernorSession) CastVote(proposalId *big.Int, support uint8) (*types.Transaction, error) {
	return _GaiaGovernor.Contract.CastVote(&_GaiaGovernor.TransactOpts, proposalId, support)
}

// CastVote is a paid mutator transaction binding the contract method 0x56781388.
//
// Solidity: function castVote(uint256 proposalId, uint8 support) returns(uint256)
func (_GaiaGovernor *GaiaGovernorTransactorSession) CastVote(proposalId *big.Int, support uint8) (*types.Transaction, error) {
	return _GaiaGovernor.Contract.CastVote(&_GaiaGovernor.TransactOpts, proposalId, support)
}

// CastVoteBySig is a paid mutator transaction binding the contract method 0x8ff262e3.
//
// Solidity: function castVoteBySig(uint256 proposalId, uint8 support, address voter, bytes signature) returns(uint256)
func (_GaiaGovernor *GaiaGovernorTransactor) CastVoteBySig(opts *bind.TransactOpts, proposalId *big.Int, support uint8, voter common.Address, signature []byte) (*types.Transaction, error) {
	return _GaiaGovernor.contract.Transact(opts, "castVoteBySig", proposalId, support, voter, signature)
}

// CastVoteBySig is a paid mutator transaction binding the contract method 0x8ff262e3.
//
// Solidity: function castVoteBySig(uint256 proposalId, uint8 support, address voter, bytes signature) returns(uint256)
func (_GaiaGovernor *GaiaGovernorSession) CastVoteBySig(proposalId *big.Int, support uint8, voter common.Address, signature []byte) (*types.Transaction, error) {
	return _GaiaGovernor.Contract.CastVoteBySig(&_GaiaGovernor.TransactOpts, proposalId, support, voter, signature)
}

// CastVoteBySig is a paid mutator transaction binding the contract method 0x8ff262e3.
//
// Solidity: function castVoteBySig(uint256 proposalId, uint8 support, address voter, bytes signature) returns(uint256)
func (_GaiaGovernor *GaiaGovernorTransactorSession) CastVoteBySig(proposalId *big.Int, support uint8, voter common.Address, signature []byte) (*types.Transaction, error) {
	return _GaiaGovernor.Contract.CastVoteBySig(&_GaiaGovernor.TransactOpts, proposalId, support, voter, signature)
}

// CastVoteWithReason is a paid mutator transaction binding the contract method 0x7b3c71d3.
//
// Solidity: function castVoteWithReason(uint256 proposalId, uint8 support, string reason) returns(uint256)
func (_GaiaGovernor *GaiaGovernorTransactor) CastVoteWithReason(opts *bind.TransactOpts, proposalId *big.Int, support uint8, reason string) (*types.Transaction, error) {
	return _GaiaGovernor.contract.Transact(opts, "castVoteWithReason", proposalId, support, reason)
}

// CastVoteWithReason is a paid mutator transaction binding the contract method 0x7b3c71d3.
//
// Solidity: function castVoteWithReason(uint256 proposalId, uint8 support, string reason) returns(uint256)
func (_GaiaGovernor *GaiaGovernorSession) CastVoteWithReason(proposalId *big.Int, support uint8, reason string) (*types.Transaction, error) {
	return _GaiaGovernor.Contract.CastVoteWithReason(&_GaiaGovernor.TransactOpts, proposalId, support, reason)
}

// CastVoteWithReason is a paid mutator transaction binding the contract method 0x7b3c71d3.
//
// Solidity: function castVoteWithReason(uint256 proposalId, uint8 support, string reason) returns(uint256)
func (_GaiaGovernor *GaiaGovernorTransactorSession) CastVoteWithReason(proposalId *big.Int, support uint8, reason string) (*types.Transaction, error) {
	return _GaiaGovernor.Contract.CastVoteWithReason(&_GaiaGovernor.TransactOpts, proposalId, support, reason)
}

// CastVoteWithReasonAndParams is a paid mutator transaction binding the contract method 0x5f398a14.
//
// Solidity: function castVoteWithReasonAndParams(uint256 proposalId, uint8 support, string reason, bytes params) returns(uint256)
func (_GaiaGovernor *GaiaGovernorTransactor) CastVoteWithReasonAndParams(opts *bind.TransactOpts, proposalId *big.Int, support uint8, reason string, params []byte) (*types.Transaction, error) {
	return _GaiaGovernor.contract.Transact(opts, "castVoteWithReasonAndParams", proposalId, support, reason, params)
}

// CastVoteWithReasonAndParams is a paid mutator transaction binding the contract method 0x5f398a14.
//
// Solidity: function castVoteWithReasonAndParams(uint256 proposalId, uint8 support, string reason, bytes params) returns(uint256)
func (_GaiaGovernor *GaiaGovernorSession) CastVoteWithReasonAndParams(proposalId *big.Int, support uint8, reason string, params []byte) (*types.Transaction, error) {
	return _GaiaGovernor.Contract.CastVoteWithReasonAndParams(&_GaiaGovernor.TransactOpts, proposalId, support, reason, params)
}

// CastVoteWithReasonAndParams is a paid mutator transaction binding the contract method 0x5f398a14.
//
// Solidity: function castVoteWithReasonAndParams(uint256 proposalId, uint8 support, string reason, bytes params) returns(uint256)
func (_GaiaGovernor *GaiaGovernorTransactorSession) CastVoteWithReasonAndParams(proposalId *big.Int, support uint8, reason string, params []byte) (*types.Transaction, error) {
	return _GaiaGovernor.Contract.CastVoteWithReasonAndParams(&_GaiaGovernor.TransactOpts, proposalId, support, reason, params)
}

// CastVoteWithReasonAndParamsBySig is a paid mutator transaction binding the contract method 0x5b8d0e0d.
//
// Solidity: function castVoteWithReasonAndParamsBySig(uint256 proposalId, uint8 support, address voter, string reason, bytes params, bytes signature) returns(uint256)
func (_GaiaGovernor *GaiaGovernorTransactor) CastVoteWithReasonAndParamsBySig(opts *bind.TransactOpts, proposalId *big.Int, support uint8, voter common.Address, reason string, params []byte, signature []byte) (*types.Transaction, error) {
	return _GaiaGovernor.contract.Transact(opts, "castVoteWithReasonAndParamsBySig", proposalId, support, voter, reason, params, signature)
}

// CastVoteWithReasonAndParamsBySig is a paid mutator transaction binding the contract method 0x5b8d0e0d.
//
// Solidity: function castVoteWithReasonAndParamsBySig(uint256 proposalId, uint8 support, address voter, string reason, bytes params, bytes signature) returns(uint256)
func (_GaiaGovernor *GaiaGovernorSession) CastVoteWithReasonAndParamsBySig(proposalId *big.Int, support uint8, voter common.Address, reason string, params []byte, signature []byte) (*types.Transaction, error) {
	return _GaiaGovernor.Contract.CastVoteWithReasonAndParamsBySig(&_GaiaGovernor.TransactOpts, proposalId, support, voter, reason, params, signature)
}

// CastVoteWithReasonAndParamsBySig is a paid mutator transaction binding the contract method 0x5b8d0e0d.
//
// Solidity: function castVoteWithReasonAndParamsBySig(uint256 proposalId, uint8 support, address voter, string reason, bytes params, bytes signature) returns(uint256)
func (_GaiaGovernor *GaiaGovernorTransactorSession) CastVoteWithReasonAndParamsBySig(proposalId *big.Int, support uint8, voter common.Address, reason string, params []byte, signature []byte) (*types.Transaction, error) {
	return _GaiaGovernor.Contract.CastVoteWithReasonAndParamsBySig(&_GaiaGovernor.TransactOpts, proposalId, support, voter, reason, params, signature)
}

// Execute is a paid mutator transaction binding the contract method 0x2656227d.
//
// Solidity: function execute(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) payable returns(uint256)
func (_GaiaGovernor *GaiaGovernorTransactor) Execute(opts *bind.TransactOpts, targets []common.Address, values []*big.Int, calldatas [][]byte, descriptionHash [32]byte) (*types.Transaction, error) {
	return _GaiaGovernor.contract.Transact(opts, "execute", targets, values, calldatas, descriptionHash)
}

// Execute is a paid mutator transaction binding the contract method 0x2656227d.
//
// Solidity: function execute(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) payable returns(uint256)
func (_GaiaGovernor *GaiaGovernorSession) Execute(targets []common.Address, values []*big.Int, calldatas [][]byte, descriptionHash [32]byte) (*types.Transaction, error) {
	return _GaiaGovernor.Contract.Execute(&_GaiaGovernor.TransactOpts, targets, values, calldatas, descriptionHash)
}

// Execute is a paid mutator transaction binding the contract method 0x2656227d.
//
// Solidity: function execute(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) payable returns(uint256)
func (_GaiaGovernor *GaiaGovernorTransactorSession) Execute(targets []common.Address, values []*big.Int, calldatas [][]byte, descriptionHash [32]byte) (*types.Transaction, error) {
	return _GaiaGovernor.Contract.Execute(&_GaiaGovernor.TransactOpts, targets, values, calldatas, descriptionHash)
}

// OnERC1155BatchReceived is a paid mutator transaction binding the contract method 0xbc197c81.
//
// Solidity: function onERC1155BatchReceived(address , address , uint256[] , uint256[] , bytes ) returns(bytes4)
func (_GaiaGovernor *GaiaGovernorTransactor) OnERC1155BatchReceived(opts *bind.TransactOpts, arg0 common.Address, arg1 common.Address, arg2 []*big.Int, arg3 []*big.Int, arg4 []byte) (*types.Transaction, error) {
	return _GaiaGovernor.contract.Transact(opts, "onERC1155BatchReceived", arg0, arg1, arg2, arg3, arg4)
}

// OnERC1155BatchReceived is a paid mutator transaction binding the contract method 0xbc197c81.
//
// Solidity: function onERC1155BatchReceived(address , address , uint256[] , uint256[] , bytes ) returns(bytes4)
func (_GaiaGovernor *GaiaGovernorSession) OnERC1155BatchReceived(arg0 common.Address, arg1 common.Address, arg2 []*big.Int, arg3 []*big.Int, arg4 []byte) (*types.Transaction, error) {
	return _GaiaGovernor.Contract.OnERC1155BatchReceived(&_GaiaGovernor.TransactOpts, arg0, arg1, arg2, arg3, arg4)
}

// OnERC1155BatchReceived is a paid mutator transaction binding the contract method 0xbc197c81.
//
// Solidity: function onERC1155BatchReceived(address , address , uint256[] , uint256[] , bytes ) returns(bytes4)
func (_GaiaGovernor *GaiaGovernorTransactorSession) OnERC1155BatchReceived(arg0 common.Address, arg1 common.Address, arg2 []*big.Int, arg3 []*big.Int, arg4 []byte) (*types.Transaction, error) {
	return _GaiaGovernor.Contract.OnERC1155BatchReceived(&_GaiaGovernor.TransactOpts, arg0, arg1, arg2, arg3, arg4)
}

// OnERC1155Received is a paid mutator transaction binding the contract method 0xf23a6e61.
//
// Solidity: function onERC1155Received(address , address , uint256 , uint256 , bytes ) returns(bytes4)
func (_GaiaGovernor *GaiaGovernorTransactor) OnERC1155Received(opts *bind.TransactOpts, arg0 common.Address, arg1 common.Address, arg2 *big.Int, arg3 *big.Int, arg4 []byte) (*types.Transaction, error) {
	return _GaiaGovernor.contract.Transact(opts, "onERC1155Received", arg0, arg1, arg2, arg3, arg4)
}

// OnERC1155Received is a paid mutator transaction binding the contract method 0xf23a6e61.
//
// Solidity: function onERC1155Received(address , address , uint256 , uint256 , bytes ) returns(bytes4)
func (_GaiaGovernor *GaiaGovernorSession) OnERC1155Received(arg0 common.Address, arg1 common.Address, arg2 *big.Int, arg3 *big.Int, arg4 []byte) (*types.Transaction, error) {
	return _GaiaGovernor.Contract.OnERC1155Received(&_GaiaGovernor.TransactOpts, arg0, arg1, arg2, arg3, arg4)
}

// OnERC1155Received is a paid mutator transaction binding the contract method 0xf23a6e61.
//
// Solidity: function onERC1155Received(address , address , uint256 , uint256 , bytes ) returns(bytes4)
func (_GaiaGovernor *GaiaGovernorTransactorSession) OnERC1155Received(arg0 common.Address, arg1 common.Address, arg2 *big.Int, arg3 *big.Int, arg4 []byte) (*types.Transaction, error) {
	return _GaiaGovernor.Contract.OnERC1155Received(&_GaiaGovernor.TransactOpts, arg0, arg1, arg2, arg3, arg4)
}

// OnERC721Received is a paid mutator transaction binding the contract method 0x150b7a02.
//
// Solidity: function onERC721Received(address , address , uint256 , bytes ) returns(bytes4)
func (_GaiaGovernor *GaiaGovernorTransactor) OnERC721Received(opts *bind.TransactOpts, arg0 common.Address, arg1 common.Address, arg2 *big.Int, arg3 []byte) (*types.Transaction, error) {
	return _GaiaGovernor.contract.Transact(opts, "onERC721Received", arg0, arg1, arg2, arg3)
}

// OnERC721Received is a paid mutator transaction binding the contract method 0x150b7a02.
//
// Solidity: function onERC721Received(address , address , uint256 , bytes ) returns(bytes4)
func (_GaiaGovernor *GaiaGovernorSession) OnERC721Received(arg0 common.Address, arg1 common.Address, arg2 *big.Int, arg3 []byte) (*types.Transaction, error) {
	return _GaiaGovernor.Contract.OnERC721Received(&_GaiaGovernor.TransactOpts, arg0, arg1, arg2, arg3)
}

// OnERC721Received is a paid mutator transaction binding the contract method 0x150b7a02.
//
// Solidity: function onERC721Received(address , address , uint256 , bytes ) returns(bytes4)
func (_GaiaGovernor *GaiaGovernorTransactorSession) OnERC721Received(arg0 common.Address, arg1 common.Address, arg2 *big.Int, arg3 []byte) (*types.Transaction, error) {
	return _GaiaGovernor.Contract.OnERC721Received(&_GaiaGovernor.TransactOpts, arg0, arg1, arg2, arg3)
}

// Propose is a paid mutator transaction binding the contract method 0x7d5e81e2.
//
// Solidity: function propose(address[] targets, uint256[] values, bytes[] calldatas, string description) returns(uint256)
func (_GaiaGovernor *GaiaGovernorTransactor) Propose(opts *bind.TransactOpts, targets []common.Address, values []*big.Int, calldatas [][]byte, description string) (*types.Transaction, error) {
	return _GaiaGovernor.contract.Transact(opts, "propose", targets, values, calldatas, description)
}

// Propose is a paid mutator transaction binding the contract method 0x7d5e81e2.
//
// Solidity: function propose(address[] targets, uint256[] values, bytes[] calldatas, string description) returns(uint256)
func (_GaiaGovernor *GaiaGovernorSession) Propose(targets []common.Address, values []*big.Int, calldatas [][]byte, description string) (*types.Transaction, error) {
	return _GaiaGovernor.Contract.Propose(&_GaiaGovernor.TransactOpts, targets, values, calldatas, description)
}

// Propose is a paid mutator transaction binding the contract method 0x7d5e81e2.
//
// Solidity: function propose(address[] targets, uint256[] values, bytes[] calldatas, string description) returns(uint256)
func (_GaiaGovernor *GaiaGovernorTransactorSession) Propose(targets []common.Address, values []*big.Int, calldatas [][]byte, description string) (*types.Transaction, error) {
	return _GaiaGovernor.Contract.Propose(&_GaiaGovernor.TransactOpts, targets, values, calldatas, description)
}

// Queue is a paid mutator transaction binding the contract method 0x160cbed7.
//
// Solidity: function queue(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) returns(uint256)
func (_GaiaGovernor *GaiaGovernorTransactor) Queue(opts *bind.TransactOpts, targets []common.Address, values []*big.Int, calldatas [][]byte, descriptionHash [32]byte) (*types.Transaction, error) {
	return _GaiaGovernor.contract.Transact(opts, "queue", targets, values, calldatas, descriptionHash)
}

// Queue is a paid mutator transaction binding the contract method 0x160cbed7.
//
// Solidity: function queue(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) returns(uint256)
func (_GaiaGovernor *GaiaGovernorSession) Queue(targets []common.Address, values []*big.Int, calldatas [][]byte, descriptionHash [32]byte) (*types.Transaction, error) {
	return _GaiaGovernor.Contract.Queue(&_GaiaGovernor.TransactOpts, targets, values, calldatas, descriptionHash)
}

// Queue is a paid mutator transaction binding the contract method 0x160cbed7.
//
// Solidity: function queue(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) returns(uint256)
func (_GaiaGovernor *GaiaGovernorTransactorSession) Queue(targets []common.Address, values []*big.Int, calldatas [][]byte, descriptionHash [32]byte) (*types.Transaction, error) {
	return _GaiaGovernor.Contract.Queue(&_GaiaGovernor.TransactOpts, targets, values, calldatas, descriptionHash)
}

// Relay is a paid mutator transaction binding the contract method 0xc28bc2fa.
//
// Solidity: function relay(address target, uint256 value, bytes data) payable returns()
func (_GaiaGovernor *GaiaGovernorTransactor) Relay(opts *bind.TransactOpts, target common.Address, value *big.Int, data []byte) (*types.Transaction, error) {
	return _GaiaGovernor.contract.Transact(opts, "relay", target, value, data)
}

// Relay is a paid mutator transaction binding the contract method 0xc28bc2fa.
//
// Solidity: function relay(address target, uint256 value, bytes data) payable returns()
func (_GaiaGovernor *GaiaGovernorSession) Relay(target common.Address, value *big.Int, data []byte) (*types.Transaction, error) {
	return _GaiaGovernor.Contract.Relay(&_GaiaGovernor.TransactOpts, target, value, data)
}

// Relay is a paid mutator transaction binding the contract method 0xc28bc2fa.
//
// Solidity: function relay(address target, uint256 value, bytes data) payable returns()
func (_GaiaGovernor *GaiaGovernorTransactorSession) Relay(target common.Address, value *big.Int, data []byte) (*types.Transaction, error) {
	return _GaiaGovernor.Contract.Relay(&_GaiaGovernor.TransactOpts, target, value, data)
}

// SetProposalThreshold is a paid mutator transaction binding the contract method 0xece40cc1.
//
// Solidity: function setProposalThreshold(uint256 newProposalThreshold) returns()
func (_GaiaGovernor *GaiaGovernorTransactor) SetProposalThreshold(opts *bind.TransactOpts, newProposalThreshold *big.Int) (*types.Transaction, error) {
	return _GaiaGovernor.contract.Transact(opts, "setProposalThreshold", newProposalThreshold)
}

// SetProposalThreshold is a paid mutator transaction binding the contract method 0xece40cc1.
//
// Solidity: function setProposalThreshold(uint256 newProposalThreshold) returns()
func (_GaiaGovernor *GaiaGovernorSession) SetProposalThreshold(newProposalThreshold *big.Int) (*types.Transaction, error) {
	return _GaiaGovernor.Contract.SetProposalThreshold(&_GaiaGovernor.TransactOpts, newProposalThreshold)
}

// SetProposalThreshold is a paid mutator transaction binding the contract method 0xece40cc1.
//
// Solidity: function setProposalThreshold(uint256 newProposalThreshold) returns()
func (_GaiaGovernor *GaiaGovernorTransactorSession) SetProposalThreshold(newProposalThreshold *big.Int) (*types.Transaction, error) {
	return _GaiaGovernor.Contract.SetProposalThreshold(&_GaiaGovernor.TransactOpts, newProposalThreshold)
}

// SetVotingDelay is a paid mutator transaction binding the contract method 0x79051887.
//
// Solidity: function setVotingDelay(uint48 newVotingDelay) returns()
func (_GaiaGovernor *GaiaGovernorTransactor) SetVotingDelay(opts *bind.TransactOpts, newVotingDelay *big.Int) (*types.Transaction, error) {
	return _GaiaGovernor.contract.Transact(opts, "setVotingDelay", newVotingDelay)
}

// SetVotingDelay is a paid mutator transaction binding the contract method 0x79051887.
//
// Solidity: function setVotingDelay(uint48 newVotingDelay) returns()
func (_GaiaGovernor *GaiaGovernorSession) SetVotingDelay(newVotingDelay *big.Int) (*types.Transaction, error) {
	return _GaiaGovernor.Contract.SetVotingDelay(&_GaiaGovernor.TransactOpts, newVotingDelay)
}

// SetVotingDelay is a paid mutator transaction binding the contract method 0x79051887.
//
// Solidity: function setVotingDelay(uint48 newVotingDelay) returns()
func (_GaiaGovernor *GaiaGovernorTransactorSession) SetVotingDelay(newVotingDelay *big.Int) (*types.Transaction, error) {
	return _GaiaGovernor.Contract.SetVotingDelay(&_GaiaGovernor.TransactOpts, newVotingDelay)
}

// SetVotingPeriod is a paid mutator transaction binding the contract method 0xe540d01d.
//
// Solidity: function setVotingPeriod(uint32 newVotingPeriod) returns()
func (_GaiaGovernor *GaiaGovernorTransactor) SetVotingPeriod(opts *bind.TransactOpts, newVotingPeriod uint32) (*types.Transaction, error) {
	return _GaiaGovernor.contract.Transact(opts, "setVotingPeriod", newVotingPeriod)
}

// SetVotingPeriod is a paid mutator transaction binding the contract method 0xe540d01d.
//
// Solidity: function setVotingPeriod(uint32 newVotingPeriod) returns()
func (_GaiaGovernor *GaiaGovernorSession) SetVotingPeriod(newVotingPeriod uint32) (*types.Transaction, error) {
	return _GaiaGovernor.Contract.SetVotingPeriod(&_GaiaGovernor.TransactOpts, newVotingPeriod)
}

// SetVotingPeriod is a paid mutator transaction binding the contract method 0xe540d01d.
//
// Solidity: function setVotingPeriod(uint32 newVotingPeriod) returns()
func (_GaiaGovernor *GaiaGovernorTransactorSession) SetVotingPeriod(newVotingPeriod uint32) (*types.Transaction, error) {
	return _GaiaGovernor.Contract.SetVotingPeriod(&_GaiaGovernor.TransactOpts, newVotingPeriod)
}

// UpdateQuorumNumerator is a paid mutator transaction binding the contract method 0x06f3f9e6.
//
// Solidity: function updateQuorumNumerator(uint256 newQuorumNumerator) returns()
func (_GaiaGovernor *GaiaGovernorTransactor) UpdateQuorumNumerator(opts *bind.TransactOpts, newQuorumNumerator *big.Int) (*types.Transaction, error) {
	return _GaiaGovernor.contract.Transact(opts, "updateQuorumNumerator", newQuorumNumerator)
}

// UpdateQuorumNumerator is a paid mutator transaction binding the contract method 0x06f3f9e6.
//
// Solidity: function updateQuorumNumerator(uint256 newQuorumNumerator) returns()
func (_GaiaGovernor *GaiaGovernorSession) UpdateQuorumNumerator(newQuorumNumerator *big.Int) (*types.Transaction, error) {
	return _GaiaGovernor.Contract.UpdateQuorumNumerator(&_GaiaGovernor.TransactOpts, newQuorumNumerator)
}

// UpdateQuorumNumerator is a paid mutator transaction binding the contract method 0x06f3f9e6.
//
// Solidity: function updateQuorumNumerator(uint256 newQuorumNumerator) returns()
func (_GaiaGovernor *GaiaGovernorTransactorSession) UpdateQuorumNumerator(newQuorumNumerator *big.Int) (*types.Transaction, error) {
	return _GaiaGovernor.Contract.UpdateQuorumNumerator(&_GaiaGovernor.TransactOpts, newQuorumNumerator)
}

// UpdateTimelock is a paid mutator transaction binding the contract method 0xa890c910.
//
// Solidity: function updateTimelock(address newTimelock) returns()
func (_GaiaGovernor *GaiaGovernorTransactor) UpdateTimelock(opts *bind.TransactOpts, newTimelock common.Address) (*types.Transaction, error) {
	return _GaiaGovernor.contract.Transact(opts, "updateTimelock", newTimelock)
}

// UpdateTimelock is a paid mutator transaction binding the contract method 0xa890c910.
//
// Solidity: function updateTimelock(address newTimelock) returns()
func (_GaiaGovernor *GaiaGovernorSession) UpdateTimelock(newTimelock common.Address) (*types.Transaction, error) {
	return _GaiaGovernor.Contract.UpdateTimelock(&_GaiaGovernor.TransactOpts, newTimelock)
}

// UpdateTimelock is a paid mutator transaction binding the contract method 0xa890c910.
//
// Solidity: function updateTimelock(address newTimelock) returns()
func (_GaiaGovernor *GaiaGovernorTransactorSession) UpdateTimelock(newTimelock common.Address) (*types.Transaction, error) {
	return _GaiaGovernor.Contract.UpdateTimelock(&_GaiaGovernor.TransactOpts, newTimelock)
}

// Receive is a paid mutator transaction binding the contract receive function.
//
// Solidity: receive() payable returns()
func (_GaiaGovernor *GaiaGovernorTransactor) Receive(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _GaiaGovernor.contract.RawTransact(opts, nil) // calldata is disallowed for receive function
}

// Receive is a paid mutator transaction binding the contract receive function.
//
// Solidity: receive() payable returns()
func (_GaiaGovernor *GaiaGovernorSession) Receive() (*types.Transaction, error) {
	return _GaiaGovernor.Contract.Receive(&_GaiaGovernor.TransactOpts)
}

// Receive is a paid mutator transaction binding the contract receive function.
//
// Solidity: receive() payable returns()
func (_GaiaGovernor *GaiaGovernorTransactorSession) Receive() (*types.Transaction, error) {
	return _GaiaGovernor.Contract.Receive(&_GaiaGovernor.TransactOpts)
}

// GaiaGovernorEIP712DomainChangedIterator is returned from FilterEIP712DomainChanged and is used to iterate over the raw logs and unpacked data for EIP712DomainChanged events raised by the GaiaGovernor contract.
type GaiaGovernorEIP712DomainChangedIterator struct {
	Event *GaiaGovernorEIP712DomainChanged // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *GaiaGovernorEIP712DomainChangedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(GaiaGovernorEIP712DomainChanged)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(GaiaGovernorEIP712DomainChanged)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *GaiaGovernorEIP712DomainChangedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *GaiaGovernorEIP712DomainChangedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// GaiaGovernorEIP712DomainChanged represents a EIP712DomainChanged event raised by the GaiaGovernor contract.
type GaiaGovernorEIP712DomainChanged struct {
	Raw types.Log // Blockchain specific contextual infos
}

// FilterEIP712DomainChanged is a free log retrieval operation binding the contract event 0x0a6387c9ea3628b88a633bb4f3b151770f70085117a15f9bf3787cda53f13d31.
//
// Solidity: event EIP712DomainChanged()
func (_GaiaGovernor *GaiaGovernorFilterer) FilterEIP712DomainChanged(opts *bind.FilterOpts) (*GaiaGovernorEIP712DomainChangedIterator, error) {

	logs, sub, err := _GaiaGovernor.contract.FilterLogs(opts, "EIP712DomainChanged")
	if err != nil {
		return nil, err
	}
	return &GaiaGovernorEIP712DomainChangedIterator{contract: _GaiaGovernor.contract, event: "EIP712DomainChanged", logs: logs, sub: sub}, nil
}

// WatchEIP712DomainChanged is a free log subscription operation binding the contract event 0x0a6387c9ea3628b88a633bb4f3b151770f70085117a15f9bf3787cda53f13d31.
//
// Solidity: event EIP712DomainChanged()
func (_GaiaGovernor *GaiaGovernorFilterer) WatchEIP712DomainChanged(opts *bind.WatchOpts, sink chan<- *GaiaGovernorEIP712DomainChanged) (event.Subscription, error) {

	logs, sub, err := _GaiaGovernor.contract.WatchLogs(opts, "EIP712DomainChanged")
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(GaiaGovernorEIP712DomainChanged)
				if err := _GaiaGovernor.contract.UnpackLog(event, "EIP712DomainChanged", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseEIP712DomainChanged is a log parse operation binding the contract event 0x0a6387c9ea3628b88a633bb4f3b151770f70085117a15f9bf3787cda53f13d31.
//
// Solidity: event EIP712DomainChanged()
func (_GaiaGovernor *GaiaGovernorFilterer) ParseEIP712DomainChanged(log types.Log) (*GaiaGovernorEIP712DomainChanged, error) {
	event := new(GaiaGovernorEIP712DomainChanged)
	if err := _GaiaGovernor.contract.UnpackLog(event, "EIP712DomainChanged", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// GaiaGovernorProposalCanceledIterator is returned from FilterProposalCanceled and is used to iterate over the raw logs and unpacked data for ProposalCanceled events raised by the GaiaGovernor contract.
type GaiaGovernorProposalCanceledIterator struct {
	Event *GaiaGovernorProposalCanceled // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *GaiaGovernorProposalCanceledIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(GaiaGovernorProposalCanceled)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(GaiaGovernorProposalCanceled)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *GaiaGovernorProposalCanceledIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *GaiaGovernorProposalCanceledIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// GaiaGovernorProposalCanceled represents a ProposalCanceled event raised by the GaiaGovernor contract.
type GaiaGovernorProposalCanceled struct {
	ProposalId *big.Int
	Raw        types.Log // Blockchain specific contextual infos
}

// FilterProposalCanceled is a free log retrieval operation binding the contract event 0x789cf55be980739dad1d0699b93b58e806b51c9d96619bfa8fe0a28abaa7b30c.
//
// Solidity: event ProposalCanceled(uint256 proposalId)
func (_GaiaGovernor *GaiaGovernorFilterer) FilterProposalCanceled(opts *bind.FilterOpts) (*GaiaGovernorProposalCanceledIterator, error) {

	logs, sub, err := _GaiaGovernor.contract.FilterLogs(opts, "ProposalCanceled")
	if err != nil {
		return nil, err
	}
	return &GaiaGovernorProposalCanceledIterator{contract: _GaiaGovernor.contract, event: "ProposalCanceled", logs: logs, sub: sub}, nil
}

// WatchProposalCanceled is a free log subscription operation binding the contract event 0x789cf55be980739dad1d0699b93b58e806b51c9d96619bfa8fe0a28abaa7b30c.
//
// Solidity: event ProposalCanceled(uint256 proposalId)
func (_GaiaGovernor *GaiaGovernorFilterer) WatchProposalCanceled(opts *bind.WatchOpts, sink chan<- *GaiaGovernorProposalCanceled) (event.Subscription, error) {

	logs, sub, err := _GaiaGovernor.contract.WatchLogs(opts, "ProposalCanceled")
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(GaiaGovernorProposalCanceled)
				if err := _GaiaGovernor.contract.UnpackLog(event, "ProposalCanceled", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseProposalCanceled is a log parse operation binding the contract event 0x789cf55be980739dad1d0699b93b58e806b51c9d96619bfa8fe0a28abaa7b30c.
//
// Solidity: event ProposalCanceled(uint256 proposalId)
func (_GaiaGovernor *GaiaGovernorFilterer) ParseProposalCanceled(log types.Log) (*GaiaGovernorProposalCanceled, error) {
	event := new(GaiaGovernorProposalCanceled)
	if err := _GaiaGovernor.contract.UnpackLog(event, "ProposalCanceled", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// GaiaGovernorProposalCreatedIterator is returned from FilterProposalCreated and is used to iterate over the raw logs and unpacked data for ProposalCreated events raised by the GaiaGovernor contract.
type GaiaGovernorProposalCreatedIterator struct {
	Event *GaiaGovernorProposalCreated // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *GaiaGovernorProposalCreatedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(GaiaGovernorProposalCreated)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(GaiaGovernorProposalCreated)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *GaiaGovernorProposalCreatedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *GaiaGovernorProposalCreatedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// GaiaGovernorProposalCreated represents a ProposalCreated event raised by the GaiaGovernor contract.
type GaiaGovernorProposalCreated struct {
	ProposalId  *big.Int
	Proposer    common.Address
	Targets     []common.Address
	Values      []*big.Int
	Signatures  []string
	Calldatas   [][]byte
	VoteStart   *big.Int
	VoteEnd     *big.Int
	Description string
	Raw         types.Log // Blockchain specific contextual infos
}

// FilterProposalCreated is a free log retrieval operation binding the contract event 0x7d84a6263ae0d98d3329bd7b46bb4e8d6f98cd35a7adb45c274c8b7fd5ebd5e0.
//
// Solidity: event ProposalCreated(uint256 proposalId, address proposer, address[] targets, uint256[] values, string[] signatures, bytes[] calldatas, uint256 voteStart, uint256 voteEnd, string description)
func (_GaiaGovernor *GaiaGovernorFilterer) FilterProposalCreated(opts *bind.FilterOpts) (*GaiaGovernorProposalCreatedIterator, error) {

	logs, sub, err := _GaiaGovernor.contract.FilterLogs(opts, "ProposalCreated")
	if err != nil {
		return nil, err
	}
	return &GaiaGovernorProposalCreatedIterator{contract: _GaiaGovernor.contract, event: "ProposalCreated", logs: logs, sub: sub}, nil
}

// WatchProposalCreated is a free log subscription operation binding the contract event 0x7d84a6263ae0d98d3329bd7b46bb4e8d6f98cd35a7adb45c274c8b7fd5ebd5e0.
//
// Solidity: event ProposalCreated(uint256 proposalId, address proposer, address[] targets, uint256[] values, string[] signatures, bytes[] calldatas, uint256 voteStart, uint256 voteEnd, string description)
func (_GaiaGovernor *GaiaGovernorFilterer) WatchProposalCreated(opts *bind.WatchOpts, sink chan<- *GaiaGovernorProposalCreated) (event.Subscription, error) {

	logs, sub, err := _GaiaGovernor.contract.WatchLogs(opts, "ProposalCreated")
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(GaiaGovernorProposalCreated)
				if err := _GaiaGovernor.contract.UnpackLog(event, "ProposalCreated", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseProposalCreated is a log parse operation binding the contract event 0x7d84a6263ae0d98d3329bd7b46bb4e8d6f98cd35a7adb45c274c8b7fd5ebd5e0.
//
// Solidity: event ProposalCreated(uint256 proposalId, address proposer, address[] targets, uint256[] values, string[] signatures, bytes[] calldatas, uint256 voteStart, uint256 voteEnd, string description)
func (_GaiaGovernor *GaiaGovernorFilterer) ParseProposalCreated(log types.Log) (*GaiaGovernorProposalCreated, error) {
	event := new(GaiaGovernorProposalCreated)
	if err := _GaiaGovernor.contract.UnpackLog(event, "ProposalCreated", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// GaiaGovernorProposalExecutedIterator is returned from FilterProposalExecuted and is used to iterate over the raw logs and unpacked data for ProposalExecuted events raised by the GaiaGovernor contract.
type GaiaGovernorProposalExecutedIterator struct {
	Event *GaiaGovernorProposalExecuted // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *GaiaGovernorProposalExecutedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(GaiaGovernorProposalExecuted)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(GaiaGovernorProposalExecuted)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *GaiaGovernorProposalExecutedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *GaiaGovernorProposalExecutedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// GaiaGovernorProposalExecuted represents a ProposalExecuted event raised by the GaiaGovernor contract.
type GaiaGovernorProposalExecuted struct {
	ProposalId *big.Int
	Raw        types.Log // Blockchain specific contextual infos
}

// FilterProposalExecuted is a free log retrieval operation binding the contract event 0x712ae1383f79ac853f8d882153778e0260ef8f03b504e2866e0593e04d2b291f.
//
// Solidity: event ProposalExecuted(uint256 proposalId)
func (_GaiaGovernor *GaiaGovernorFilterer) FilterProposalExecuted(opts *bind.FilterOpts) (*GaiaGovernorProposalExecutedIterator, error) {

	logs, sub, err := _GaiaGovernor.contract.FilterLogs(opts, "ProposalExecuted")
	if err != nil {
		return nil, err
	}
	return &GaiaGovernorProposalExecutedIterator{contract: _GaiaGovernor.contract, event: "ProposalExecuted", logs: logs, sub: sub}, nil
}

// WatchProposalExecuted is a free log subscription operation binding the contract event 0x712ae1383f79ac853f8d882153778e0260ef8f03b504e2866e0593e04d2b291f.
//
// Solidity: event ProposalExecuted(uint256 proposalId)
func (_GaiaGovernor *GaiaGovernorFilterer) WatchProposalExecuted(opts *bind.WatchOpts, sink chan<- *GaiaGovernorProposalExecuted) (event.Subscription, error) {

	logs, sub, err := _GaiaGovernor.contract.WatchLogs(opts, "ProposalExecuted")
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(GaiaGovernorProposalExecuted)
				if err := _GaiaGovernor.contract.UnpackLog(event, "ProposalExecuted", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseProposalExecuted is a log parse operation binding the contract event 0x712ae1383f79ac853f8d882153778e0260ef8f03b504e2866e0593e04d2b291f.
//
// Solidity: event ProposalExecuted(uint256 proposalId)
func (_GaiaGovernor *GaiaGovernorFilterer) ParseProposalExecuted(log types.Log) (*GaiaGovernorProposalExecuted, error) {
	event := new(GaiaGovernorProposalExecuted)
	if err := _GaiaGovernor.contract.UnpackLog(event, "ProposalExecuted", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// GaiaGovernorProposalQueuedIterator is returned from FilterProposalQueued and is used to iterate over the raw logs and unpacked data for ProposalQueued events raised by the GaiaGovernor contract.
type GaiaGovernorProposalQueuedIterator struct {
	Event *GaiaGovernorProposalQueued // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *GaiaGovernorProposalQueuedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(GaiaGovernorProposalQueued)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(GaiaGovernorProposalQueued)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *GaiaGovernorProposalQueuedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *GaiaGovernorProposalQueuedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// GaiaGovernorProposalQueued represents a ProposalQueued event raised by the GaiaGovernor contract.
type GaiaGovernorProposalQueued struct {
	ProposalId *big.Int
	EtaSeconds *big.Int
	Raw        types.Log // Blockchain specific contextual infos
}

// FilterProposalQueued is a free log retrieval operation binding the contract event 0x9a2e42fd6722813d69113e7d0079d3d940171428df7373df9c7f7617cfda2892.
//
// Solidity: event ProposalQueued(uint256 proposalId, uint256 etaSeconds)
func (_GaiaGovernor *GaiaGovernorFilterer) FilterProposalQueued(opts *bind.FilterOpts) (*GaiaGovernorProposalQueuedIterator, error) {

	logs, sub, err := _GaiaGovernor.contract.FilterLogs(opts, "ProposalQueued")
	if err != nil {
		return nil, err
	}
	return &GaiaGovernorProposalQueuedIterator{contract: _GaiaGovernor.contract, event: "ProposalQueued", logs: logs, sub: sub}, nil
}

// WatchProposalQueued is a free log subscription operation binding the contract event 0x9a2e42fd6722813d69113e7d0079d3d940171428df7373df9c7f7617cfda2892.
//
// Solidity: event ProposalQueued(uint256 proposalId, uint256 etaSeconds)
func (_GaiaGovernor *GaiaGovernorFilterer) WatchProposalQueued(opts *bind.WatchOpts, sink chan<- *GaiaGovernorProposalQueued) (event.Subscription, error) {

	logs, sub, err := _GaiaGovernor.contract.WatchLogs(opts, "ProposalQueued")
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(GaiaGovernorProposalQueued)
				if err := _GaiaGovernor.contract.UnpackLog(event, "ProposalQueued", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseProposalQueued is a log parse operation binding the contract event 0x9a2e42fd6722813d69113e7d0079d3d940171428df7373df9c7f7617cfda2892.
//
// Solidity: event ProposalQueued(uint256 proposalId, uint256 etaSeconds)
func (_GaiaGovernor *GaiaGovernorFilterer) ParseProposalQueued(log types.Log) (*GaiaGovernorProposalQueued, error) {
	event := new(GaiaGovernorProposalQueued)
	if err := _GaiaGovernor.contract.UnpackLog(event, "ProposalQueued", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// GaiaGovernorProposalThresholdSetIterator is returned from FilterProposalThresholdSet and is used to iterate over the raw logs and unpacked data for ProposalThresholdSet events raised by the GaiaGovernor contract.
type GaiaGovernorProposalThresholdSetIterator struct {
	Event *GaiaGovernorProposalThresholdSet // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *GaiaGovernorProposalThresholdSetIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(GaiaGovernorProposalThresholdSet)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(GaiaGovernorProposalThresholdSet)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *GaiaGovernorProposalThresholdSetIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *GaiaGovernorProposalThresholdSetIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// GaiaGovernorProposalThresholdSet represents a ProposalThresholdSet event raised by the GaiaGovernor contract.
type GaiaGovernorProposalThresholdSet struct {
	OldProposalThreshold *big.Int
	NewProposalThreshold *big.Int
	Raw                  types.Log // Blockchain specific contextual infos
}

// FilterProposalThresholdSet is a free log retrieval operation binding the contract event 0xccb45da8d5717e6c4544694297c4ba5cf151d455c9bb0ed4fc7a38411bc05461.
//
// Solidity: event ProposalThresholdSet(uint256 oldProposalThreshold, uint256 newProposalThreshold)
func (_GaiaGovernor *GaiaGovernorFilterer) FilterProposalThresholdSet(opts *bind.FilterOpts) (*GaiaGovernorProposalThresholdSetIterator, error) {

	logs, sub, err := _GaiaGovernor.contract.FilterLogs(opts, "ProposalThresholdSet")
	if err != nil {
		return nil, err
	}
	return &GaiaGovernorProposalThresholdSetIterator{contract: _GaiaGovernor.contract, event: "ProposalThresholdSet", logs: logs, sub: sub}, nil
}

// WatchProposalThresholdSet is a free log subscription operation binding the contract event 0xccb45da8d5717e6c4544694297c4ba5cf151d455c9bb0ed4fc7a38411bc05461.
//
// Solidity: event ProposalThresholdSet(uint256 oldProposalThreshold, uint256 newProposalThreshold)
func (_GaiaGovernor *GaiaGovernorFilterer) WatchProposalThresholdSet(opts *bind.WatchOpts, sink chan<- *GaiaGovernorProposalThresholdSet) (event.Subscription, error) {

	logs, sub, err := _GaiaGovernor.contract.WatchLogs(opts, "ProposalThresholdSet")
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(GaiaGovernorProposalThresholdSet)
				if err := _GaiaGovernor.contract.UnpackLog(event, "ProposalThresholdSet", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseProposalThresholdSet is a log parse operation binding the contract event 0xccb45da8d5717e6c4544694297c4ba5cf151d455c9bb0ed4fc7a38411bc05461.
//
// Solidity: event ProposalThresholdSet(uint256 oldProposalThreshold, uint256 newProposalThreshold)
func (_GaiaGovernor *GaiaGovernorFilterer) ParseProposalThresholdSet(log types.Log) (*GaiaGovernorProposalThresholdSet, error) {
	event := new(GaiaGovernorProposalThresholdSet)
	if err := _GaiaGovernor.contract.UnpackLog(event, "ProposalThresholdSet", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// GaiaGovernorQuorumNumeratorUpdatedIterator is returned from FilterQuorumNumeratorUpdated and is used to iterate over the raw logs and unpacked data for QuorumNumeratorUpdated events raised by the GaiaGovernor contract.
type GaiaGovernorQuorumNumeratorUpdatedIterator struct {
	Event *GaiaGovernorQuorumNumeratorUpdated // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *GaiaGovernorQuorumNumeratorUpdatedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(GaiaGovernorQuorumNumeratorUpdated)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(GaiaGovernorQuorumNumeratorUpdated)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *GaiaGovernorQuorumNumeratorUpdatedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *GaiaGovernorQuorumNumeratorUpdatedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// GaiaGovernorQuorumNumeratorUpdated represents a QuorumNumeratorUpdated event raised by the GaiaGovernor contract.
type GaiaGovernorQuorumNumeratorUpdated struct {
	OldQuorumNumerator *big.Int
	NewQuorumNumerator *big.Int
	Raw                types.Log // Blockchain specific contextual infos
}

// FilterQuorumNumeratorUpdated is a free log retrieval operation binding the contract event 0x0553476bf02ef2726e8ce5ced78d63e26e602e4a2257b1f559418e24b4633997.
//
// Solidity: event QuorumNumeratorUpdated(uint256 oldQuorumNumerator, uint256 newQuorumNumerator)
func (_GaiaGovernor *GaiaGovernorFilterer) FilterQuorumNumeratorUpdated(opts *bind.FilterOpts) (*GaiaGovernorQuorumNumeratorUpdatedIterator, error) {

	logs, sub, err := _GaiaGovernor.contract.FilterLogs(opts, "QuorumNumeratorUpdated")
	if err != nil {
		return nil, err
	}
	return &GaiaGovernorQuorumNumeratorUpdatedIterator{contract: _GaiaGovernor.contract, event: "QuorumNumeratorUpdated", logs: logs, sub: sub}, nil
}

// WatchQuorumNumeratorUpdated is a free log subscription operation binding the contract event 0x0553476bf02ef2726e8ce5ced78d63e26e602e4a2257b1f559418e24b4633997.
//
// Solidity: event QuorumNumeratorUpdated(uint256 oldQuorumNumerator, uint256 newQuorumNumerator)
func (_GaiaGovernor *GaiaGovernorFilterer) WatchQuorumNumeratorUpdated(opts *bind.WatchOpts, sink chan<- *GaiaGovernorQuorumNumeratorUpdated) (event.Subscription, error) {

	logs, sub, err := _GaiaGovernor.contract.WatchLogs(opts, "QuorumNumeratorUpdated")
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(GaiaGovernorQuorumNumeratorUpdated)
				if err := _GaiaGovernor.contract.UnpackLog(event, "QuorumNumeratorUpdated", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseQuorumNumeratorUpdated is a log parse operation binding the contract event 0x0553476bf02ef2726e8ce5ced78d63e26e602e4a2257b1f559418e24b4633997.
//
// Solidity: event QuorumNumeratorUpdated(uint256 oldQuorumNumerator, uint256 newQuorumNumerator)
func (_GaiaGovernor *GaiaGovernorFilterer) ParseQuorumNumeratorUpdated(log types.Log) (*GaiaGovernorQuorumNumeratorUpdated, error) {
	event := new(GaiaGovernorQuorumNumeratorUpdated)
	if err := _GaiaGovernor.contract.UnpackLog(event, "QuorumNumeratorUpdated", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// GaiaGovernorTimelockChangeIterator is returned from FilterTimelockChange and is used to iterate over the raw logs and unpacked data for TimelockChange events raised by the GaiaGovernor contract.
type GaiaGovernorTimelockChangeIterator struct {
	Event *GaiaGovernorTimelockChange // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *GaiaGovernorTimelockChangeIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(GaiaGovernorTimelockChange)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(GaiaGovernorTimelockChange)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *GaiaGovernorTimelockChangeIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *GaiaGovernorTimelockChangeIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// GaiaGovernorTimelockChange represents a TimelockChange event raised by the GaiaGovernor contract.
type GaiaGovernorTimelockChange struct {
	OldTimelock common.Address
	NewTimelock common.Address
	Raw         types.Log // Blockchain specific contextual infos
}

// FilterTimelockChange is a free log retrieval operation binding the contract event 0x08f74ea46ef7894f65eabfb5e6e695de773a000b47c529ab559178069b226401.
//
// Solidity: event TimelockChange(address oldTimelock, address newTimelock)
func (_GaiaGovernor *GaiaGovernorFilterer) FilterTimelockChange(opts *bind.FilterOpts) (*GaiaGovernorTimelockChangeIterator, error) {

	logs, sub, err := _GaiaGovernor.contract.FilterLogs(opts, "TimelockChange")
	if err != nil {
		return nil, err
	}
	return &GaiaGovernorTimelockChangeIterator{contract: _GaiaGovernor.contract, event: "TimelockChange", logs: logs, sub: sub}, nil
}

// WatchTimelockChange is a free log subscription operation binding the contract event 0x08f74ea46ef7894f65eabfb5e6e695de773a000b47c529ab559178069b226401.
//
// Solidity: event TimelockChange(address oldTimelock, address newTimelock)
func (_GaiaGovernor *GaiaGovernorFilterer) WatchTimelockChange(opts *bind.WatchOpts, sink chan<- *GaiaGovernorTimelockChange) (event.Subscription, error) {

	logs, sub, err := _GaiaGovernor.contract.WatchLogs(opts, "TimelockChange")
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(GaiaGovernorTimelockChange)
				if err := _GaiaGovernor.contract.UnpackLog(event, "TimelockChange", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseTimelockChange is a log parse operation binding the contract event 0x08f74ea46ef7894f65eabfb5e6e695de773a000b47c529ab559178069b226401.
//
// Solidity: event TimelockChange(address oldTimelock, address newTimelock)
func (_GaiaGovernor *GaiaGovernorFilterer) ParseTimelockChange(log types.Log) (*GaiaGovernorTimelockChange, error) {
	event := new(GaiaGovernorTimelockChange)
	if err := _GaiaGovernor.contract.UnpackLog(event, "TimelockChange", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// GaiaGovernorVoteCastIterator is returned from FilterVoteCast and is used to iterate over the raw logs and unpacked data for VoteCast events raised by the GaiaGovernor contract.
type GaiaGovernorVoteCastIterator struct {
	Event *GaiaGovernorVoteCast // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *GaiaGovernorVoteCastIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(GaiaGovernorVoteCast)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(GaiaGovernorVoteCast)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *GaiaGovernorVoteCastIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *GaiaGovernorVoteCastIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// GaiaGovernorVoteCast represents a VoteCast event raised by the GaiaGovernor contract.
type GaiaGovernorVoteCast struct {
	Voter      common.Address
	ProposalId *big.Int
	Support    uint8
	Weight     *big.Int
	Reason     string
	Raw        types.Log // Blockchain specific contextual infos
}

// FilterVoteCast is a free log retrieval operation binding the contract event 0xb8e138887d0aa13bab447e82de9d5c1777041ecd21ca36ba824ff1e6c07ddda4.
//
// Solidity: event VoteCast(address indexed voter, uint256 proposalId, uint8 support, uint256 weight, string reason)
func (_GaiaGovernor *GaiaGovernorFilterer) FilterVoteCast(opts *bind.FilterOpts, voter []common.Address) (*GaiaGovernorVoteCastIterator, error) {

	var voterRule []interface{}
	for _, voterItem := range voter {
		voterRule = append(voterRule, voterItem)
	}

	logs, sub, err := _GaiaGovernor.contract.FilterLogs(opts, "VoteCast", voterRule)
	if err != nil {
		return nil, err
	}
	return &GaiaGovernorVoteCastIterator{contract: _GaiaGovernor.contract, event: "VoteCast", logs: logs, sub: sub}, nil
}

// WatchVoteCast is a free log subscription operation binding the contract event 0xb8e138887d0aa13bab447e82de9d5c1777041ecd21ca36ba824ff1e6c07ddda4.
//
// Solidity: event VoteCast(address indexed voter, uint256 proposalId, uint8 support, uint256 weight, string reason)
func (_GaiaGovernor *GaiaGovernorFilterer) WatchVoteCast(opts *bind.WatchOpts, sink chan<- *GaiaGovernorVoteCast, voter []common.Address) (event.Subscription, error) {

	var voterRule []interface{}
	for _, voterItem := range voter {
		voterRule = append(voterRule, voterItem)
	}

	logs, sub, err := _GaiaGovernor.contract.WatchLogs(opts, "VoteCast", voterRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(GaiaGovernorVoteCast)
				if err := _GaiaGovernor.contract.UnpackLog(event, "VoteCast", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseVoteCast is a log parse operation binding the contract event 0xb8e138887d0aa13bab447e82de9d5c1777041ecd21ca36ba824ff1e6c07ddda4.
//
// Solidity: event VoteCast(address indexed voter, uint256 proposalId, uint8 support, uint256 weight, string reason)
func (_GaiaGovernor *GaiaGovernorFilterer) ParseVoteCast(log types.Log) (*GaiaGovernorVoteCast, error) {
	event := new(GaiaGovernorVoteCast)
	if err := _GaiaGovernor.contract.UnpackLog(event, "VoteCast", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// GaiaGovernorVoteCastWithParamsIterator is returned from FilterVoteCastWithParams and is used to iterate over the raw logs and unpacked data for VoteCastWithParams events raised by the GaiaGovernor contract.
type GaiaGovernorVoteCastWithParamsIterator struct {
	Event *GaiaGovernorVoteCastWithParams // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *GaiaGovernorVoteCastWithParamsIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(GaiaGovernorVoteCastWithParams)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(GaiaGovernorVoteCastWithParams)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *GaiaGovernorVoteCastWithParamsIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *GaiaGovernorVoteCastWithParamsIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// GaiaGovernorVoteCastWithParams represents a VoteCastWithParams event raised by the GaiaGovernor contract.
type GaiaGovernorVoteCastWithParams struct {
	Voter      common.Address
	ProposalId *big.Int
	Support    uint8
	Weight     *big.Int
	Reason     string
	Params     []byte
	Raw        types.Log // Blockchain specific contextual infos
}

// FilterVoteCastWithParams is a free log retrieval operation binding the contract event 0xe2babfbac5889a709b63bb7f598b324e08bc5a4fb9ec647fb3cbc9ec07eb8712.
//
// Solidity: event VoteCastWithParams(address indexed voter, uint256 proposalId, uint8 support, uint256 weight, string reason, bytes params)
func (_GaiaGovernor *GaiaGovernorFilterer) FilterVoteCastWithParams(opts *bind.FilterOpts, voter []common.Address) (*GaiaGovernorVoteCastWithParamsIterator, error) {

	var voterRule []interface{}
	for _, voterItem := range voter {
		voterRule = append(voterRule, voterItem)
	}

	logs, sub, err := _GaiaGovernor.contract.FilterLogs(opts, "VoteCastWithParams", voterRule)
	if err != nil {
		return nil, err
	}
	return &GaiaGovernorVoteCastWithParamsIterator{contract: _GaiaGovernor.contract, event: "VoteCastWithParams", logs: logs, sub: sub}, nil
}

// WatchVoteCastWithParams is a free log subscription operation binding the contract event 0xe2babfbac5889a709b63bb7f598b324e08bc5a4fb9ec647fb3cbc9ec07eb8712.
//
// Solidity: event VoteCastWithParams(address indexed voter, uint256 proposalId, uint8 support, uint256 weight, string reason, bytes params)
func (_GaiaGovernor *GaiaGovernorFilterer) WatchVoteCastWithParams(opts *bind.WatchOpts, sink chan<- *GaiaGovernorVoteCastWithParams, voter []common.Address) (event.Subscription, error) {

	var voterRule []interface{}
	for _, voterItem := range voter {
		voterRule = append(voterRule, voterItem)
	}

	logs, sub, err := _GaiaGovernor.contract.WatchLogs(opts, "VoteCastWithParams", voterRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(GaiaGovernorVoteCastWithParams)
				if err := _GaiaGovernor.contract.UnpackLog(event, "VoteCastWithParams", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseVoteCastWithParams is a log parse operation binding the contract event 0xe2babfbac5889a709b63bb7f598b324e08bc5a4fb9ec647fb3cbc9ec07eb8712.
//
// Solidity: event VoteCastWithParams(address indexed voter, uint256 proposalId, uint8 support, uint256 weight, string reason, bytes params)
func (_GaiaGovernor *GaiaGovernorFilterer) ParseVoteCastWithParams(log types.Log) (*GaiaGovernorVoteCastWithParams, error) {
	event := new(GaiaGovernorVoteCastWithParams)
	if err := _GaiaGovernor.contract.UnpackLog(event, "VoteCastWithParams", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// GaiaGovernorVotingDelaySetIterator is returned from FilterVotingDelaySet and is used to iterate over the raw logs and unpacked data for VotingDelaySet events raised by the GaiaGovernor contract.
type GaiaGovernorVotingDelaySetIterator struct {
	Event *GaiaGovernorVotingDelaySet // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *GaiaGovernorVotingDelaySetIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(GaiaGovernorVotingDelaySet)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(GaiaGovernorVotingDelaySet)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *GaiaGovernorVotingDelaySetIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *GaiaGovernorVotingDelaySetIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// GaiaGovernorVotingDelaySet represents a VotingDelaySet event raised by the GaiaGovernor contract.
type GaiaGovernorVotingDelaySet struct {
	OldVotingDelay *big.Int
	NewVotingDelay *big.Int
	Raw            types.Log // Blockchain specific contextual infos
}

// FilterVotingDelaySet is a free log retrieval operation binding the contract event 0xc565b045403dc03c2eea82b81a0465edad9e2e7fc4d97e11421c209da93d7a93.
//
// Solidity: event VotingDelaySet(uint256 oldVotingDelay, uint256 newVotingDelay)
func (_GaiaGovernor *GaiaGovernorFilterer) FilterVotingDelaySet(opts *bind.FilterOpts) (*GaiaGovernorVotingDelaySetIterator, error) {

	logs, sub, err := _GaiaGovernor.contract.FilterLogs(opts, "VotingDelaySet")
	if err != nil {
		return nil, err
	}
	return &GaiaGovernorVotingDelaySetIterator{contract: _GaiaGovernor.contract, event: "VotingDelaySet", logs: logs, sub: sub}, nil
}

// WatchVotingDelaySet is a free log subscription operation binding the contract event 0xc565b045403dc03c2eea82b81a0465edad9e2e7fc4d97e11421c209da93d7a93.
//
// Solidity: event VotingDelaySet(uint256 oldVotingDelay, uint256 newVotingDelay)
func (_GaiaGovernor *GaiaGovernorFilterer) WatchVotingDelaySet(opts *bind.WatchOpts, sink chan<- *GaiaGovernorVotingDelaySet) (event.Subscription, error) {

	logs, sub, err := _GaiaGovernor.contract.WatchLogs(opts, "VotingDelaySet")
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(GaiaGovernorVotingDelaySet)
				if err := _GaiaGovernor.contract.UnpackLog(event, "VotingDelaySet", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseVotingDelaySet is a log parse operation binding the contract event 0xc565b045403dc03c2eea82b81a0465edad9e2e7fc4d97e11421c209da93d7a93.
//
// Solidity: event VotingDelaySet(uint256 oldVotingDelay, uint256 newVotingDelay)
func (_GaiaGovernor *GaiaGovernorFilterer) ParseVotingDelaySet(log types.Log) (*GaiaGovernorVotingDelaySet, error) {
	event := new(GaiaGovernorVotingDelaySet)
	if err := _GaiaGovernor.contract.UnpackLog(event, "VotingDelaySet", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// GaiaGovernorVotingPeriodSetIterator is returned from FilterVotingPeriodSet and is used to iterate over the raw logs and unpacked data for VotingPeriodSet events raised by the GaiaGovernor contract.
type GaiaGovernorVotingPeriodSetIterator struct {
	Event *GaiaGovernorVotingPeriodSet // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *GaiaGovernorVotingPeriodSetIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(GaiaGovernorVotingPeriodSet)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(GaiaGovernorVotingPeriodSet)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *GaiaGovernorVotingPeriodSetIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *GaiaGovernorVotingPeriodSetIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// GaiaGovernorVotingPeriodSet represents a VotingPeriodSet event raised by the GaiaGovernor contract.
type GaiaGovernorVotingPeriodSet struct {
	OldVotingPeriod *big.Int
	NewVotingPeriod *big.Int
	Raw             types.Log // Blockchain specific contextual infos
}

// FilterVotingPeriodSet is a free log retrieval operation binding the contract event 0x7e3f7f0708a84de9203036abaa450dccc85ad5ff52f78c170f3edb55cf5e8828.
//
// Solidity: event VotingPeriodSet(uint256 oldVotingPeriod, uint256 newVotingPeriod)
func (_GaiaGovernor *GaiaGovernorFilterer) FilterVotingPeriodSet(opts *bind.FilterOpts) (*GaiaGovernorVotingPeriodSetIterator, error) {

	logs, sub, err := _GaiaGovernor.contract.FilterLogs(opts, "VotingPeriodSet")
	if err != nil {
		return nil, err
	}
	return &GaiaGovernorVotingPeriodSetIterator{contract: _GaiaGovernor.contract, event: "VotingPeriodSet", logs: logs, sub: sub}, nil
}

// WatchVotingPeriodSet is a free log subscription operation binding the contract event 0x7e3f7f0708a84de9203036abaa450dccc85ad5ff52f78c170f3edb55cf5e8828.
//
// Solidity: event VotingPeriodSet(uint256 oldVotingPeriod, uint256 newVotingPeriod)
func (_GaiaGovernor *GaiaGovernorFilterer) WatchVotingPeriodSet(opts *bind.WatchOpts, sink chan<- *GaiaGovernorVotingPeriodSet) (event.Subscription, error) {

	logs, sub, err := _GaiaGovernor.contract.WatchLogs(opts, "VotingPeriodSet")
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(GaiaGovernorVotingPeriodSet)
				if err := _GaiaGovernor.contract.UnpackLog(event, "VotingPeriodSet", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseVotingPeriodSet is a log parse operation binding the contract event 0x7e3f7f0708a84de9203036abaa450dccc85ad5ff52f78c170f3edb55cf5e8828.
//
// Solidity: event VotingPeriodSet(uint256 oldVotingPeriod, uint256 newVotingPeriod)
func (_GaiaGovernor *GaiaGovernorFilterer) ParseVotingPeriodSet(log types.Log) (*GaiaGovernorVotingPeriodSet, error) {
	event := new(GaiaGovernorVotingPeriodSet)
	if err := _GaiaGovernor.contract.UnpackLog(event, "VotingPeriodSet", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// GaiaTimelockMetaData contains all meta data concerning the GaiaTimelock contract.
var GaiaTimelockMetaData = &bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"minDelay\",\"type\":\"uint256\"},{\"internalType\":\"address[]\",\"name\":\"proposers\",\"type\":\"address[]\"},{\"internalType\":\"address[]\",\"name\":\"executors\",\"type\":\"address[]\"},{\"internalType\":\"address\",\"name\":\"admin\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[],\"name\":\"AccessControlBadConfirmation\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"neededRole\",\"type\":\"bytes32\"}],\"name\":\"AccessControlUnauthorizedAccount\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"FailedCall\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"delay\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"minDelay\",\"type\":\"uint256\"}],\"name\":\"TimelockInsufficientDelay\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"targets\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"payloads\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"values\",\"type\":\"uint256\"}],\"name\":\"TimelockInvalidOperationLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"TimelockUnauthorizedCaller\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"predecessorId\",\"type\":\"bytes32\"}],\"name\":\"TimelockUnexecutedPredecessor\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"operationId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"expectedStates\",\"type\":\"bytes32\"}],\"name\":\"TimelockUnexpectedOperationState\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"target\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"data\",\"type\":\"bytes\"}],\"name\":\"CallExecuted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"salt\",\"type\":\"bytes32\"}],\"name\":\"CallSalt\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"target\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"data\",\"type\":\"bytes\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"predecessor\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"delay\",\"type\":\"uint256\"}],\"name\":\"CallScheduled\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"}],\"name\":\"Cancelled\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"oldDuration\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"newDuration\",\"type\":\"uint256\"}],\"name\":\"MinDelayChange\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"previousAdminRole\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"newAdminRole\",\"type\":\"bytes32\"}],\"name\":\"RoleAdminChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"}],\"name\":\"RoleGranted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"}],\"name\":\"RoleRevoked\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"CANCELLER_ROLE\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"DEFAULT_ADMIN_ROLE\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"EXECUTOR_ROLE\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"PROPOSER_ROLE\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"}],\"name\":\"cancel\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"target\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"payload\",\"type\":\"bytes\"},{\"internalType\":\"bytes32\",\"name\":\"predecessor\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"salt\",\"type\":\"bytes32\"}],\"name\":\"execute\",\"outputs\":[],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address[]\",\"name\":\"targets\",\"type\":\"address[]\"},{\"internalType\":\"uint256[]\",\"name\":\"values\",\"type\":\"uint256[]\"},{\"internalType\":\"bytes[]\",\"name\":\"payloads\",\"type\":\"bytes[]\"},{\"internalType\":\"bytes32\",\"name\":\"predecessor\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"salt\",\"type\":\"bytes32\"}],\"name\":\"executeBatch\",\"outputs\":[],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getMinDelay\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"}],\"name\":\"getOperationState\",\"outputs\":[{\"internalType\":\"enumTimelockController.OperationState\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"}],\"name\":\"getRoleAdmin\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"}],\"name\":\"getTimestamp\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"grantRole\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"hasRole\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"target\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"data\",\"type\":\"bytes\"},{\"internalType\":\"bytes32\",\"name\":\"predecessor\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"salt\",\"type\":\"bytes32\"}],\"name\":\"hashOperation\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address[]\",\"name\":\"targets\",\"type\":\"address[]\"},{\"internalType\":\"uint256[]\",\"name\":\"values\",\"type\":\"uint256[]\"},{\"internalType\":\"bytes[]\",\"name\":\"payloads\",\"type\":\"bytes[]\"},{\"internalType\":\"bytes32\",\"name\":\"predecessor\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"salt\",\"type\":\"bytes32\"}],\"name\":\"hashOperationBatch\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"}],\"name\":\"isOperation\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"}],\"name\":\"isOperationDone\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"}],\"name\":\"isOperationPending\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"}],\"name\":\"isOperationReady\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"uint256[]\",\"name\":\"\",\"type\":\"uint256[]\"},{\"internalType\":\"uint256[]\",\"name\":\"\",\"type\":\"uint256[]\"},{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"name\":\"onERC1155BatchReceived\",\"outputs\":[{\"internalType\":\"bytes4\",\"name\":\"\",\"type\":\"bytes4\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"name\":\"onERC1155Received\",\"outputs\":[{\"internalType\":\"bytes4\",\"name\":\"\",\"type\":\"bytes4\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"name\":\"onERC721Received\",\"outputs\":[{\"internalType\":\"bytes4\",\"name\":\"\",\"type\":\"bytes4\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"callerConfirmation\",\"type\":\"address\"}],\"name\":\"renounceRole\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"role\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"revokeRole\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"target\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"data\",\"type\":\"bytes\"},{\"internalType\":\"bytes32\",\"name\":\"predecessor\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"salt\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"delay\",\"type\":\"uint256\"}],\"name\":\"schedule\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address[]\",\"name\":\"targets\",\"type\":\"address[]\"},{\"internalType\":\"uint256[]\",\"name\":\"values\",\"type\":\"uint256[]\"},{\"internalType\":\"bytes[]\",\"name\":\"payloads\",\"type\":\"bytes[]\"},{\"internalType\":\"bytes32\",\"name\":\"predecessor\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"salt\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"delay\",\"type\":\"uint256\"}],\"name\":\"scheduleBatch\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes4\",\"name\":\"interfaceId\",\"type\":\"bytes4\"}],\"name\":\"supportsInterface\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"newDelay\",\"type\":\"uint256\"}],\"name\":\"updateDelay\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"stateMutability\":\"payable\",\"type\":\"receive\"}]",
	Sigs: map[string]string{
		"b08e51c0": "CANCELLER_ROLE()",
		"a217fddf": "DEFAULT_ADMIN_ROLE()",
		"07bd0265": "EXECUTOR_ROLE()",
		"8f61f4f5": "PROPOSER_ROLE()",
		"c4d252f5": "cancel(bytes32)",
		"134008d3": "execute(address,uint256,bytes,bytes32,bytes32)",
		"e38335e5": "executeBatch(address[],uint256[],bytes[],bytes32,bytes32)",
		"f27a0c92": "getMinDelay()",
		"7958004c": "getOperationState(bytes32)",
		"248a9ca3": "getRoleAdmin(bytes32)",
		"d45c4435": "getTimestamp(bytes32)",
		"2f2ff15d": "grantRole(bytes32,address)",
		"91d14854": "hasRole(bytes32,address)",
		"8065657f": "hashOperation(address,uint256,bytes,bytes32,bytes32)",
		"b1c5f427": "hashOperationBatch(address[],uint256[],bytes[],bytes32,bytes32)",
		"31d50750": "isOperation(bytes32)",
		"2ab0f529": "isOperationDone(bytes32)",
		"584b153e": "isOperationPending(bytes32)",
		"13bc9f20": "isOperationReady(bytes32)",
		"bc197c81": "onERC1155BatchReceived(address,address,uint256[],uint256[],bytes)",
		"f23a6e61": "onERC1155Received(address,address,uint256,uint256,bytes)",
		"150b7a02": "onERC721Received(address,address,uint256,bytes)",
		"36568abe": "renounceRole(bytes32,address)",
		"d547741f": "revokeRole(bytes32,address)",
		"01d5062a": "schedule(address,uint256,bytes,bytes32,bytes32,uint256)",
		"8f2a0bb0": "scheduleBatch(address[],uint256[],bytes[],bytes32,bytes32,uint256)",
		"01ffc9a7": "supportsInterface(bytes4)",
		"64d62353": "updateDelay(uint256)",
	},
	Bin: "0x608060405234801561000f575f5ffd5b50604051611d0b380380611d0b83398101604081905261002e916102fe565b8383838361003c5f30610183565b506001600160a01b03811615610058576100565f82610183565b505b5f5b83518110156100ec576100ac7fb09aa5aeb3702cfd50b6b62bc4532604938f21248a27a1d5ca736082b6819cc18583815181106100995761009961037d565b602002602001015161018360201b60201c565b506100e37ffd643c72710c63c0180259aba6b2d05451e3591a24e58b62239378085726f7838583815181106100995761009961037d565b5060010161005a565b505f5b82518110156101375761012e7fd8aa0f3194971a2a116679f7c2090f6939c8d4e01a2a8d7e41d55e5351469e638483815181106100995761009961037d565b506001016100ef565b506002849055604080515f8152602081018690527f11c24f4ead16507c69ac467fbd5e4eed5fb5c699626d2cc6d66421df253886d5910160405180910390a15050505050505050610391565b5f828152602081815260408083206001600160a01b038516845290915281205460ff16610223575f838152602081815260408083206001600160a01b03861684529091529020805460ff191660011790556101db3390565b6001600160a01b0316826001600160a01b0316847f2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d60405160405180910390a4506001610226565b505f5b92915050565b634e487b7160e01b5f52604160045260245ffd5b80516001600160a01b0381168114610256575f5ffd5b919050565b5f82601f83011261026a575f5ffd5b81516001600160401b038111156102835761028361022c565b604051600582901b90603f8201601f191681016001600160401b03811182821017156102b1576102b161022c565b6040529182526020818501810192908101868411156102ce575f5ffd5b6020860192505b838310156102f4576102e683610240565b8152602092830192016102d5565b5095945050505050565b5f5f5f5f60808587031215610311575f5ffd5b845160208601519094506001600160401b0381111561032e575f5ffd5b61033a8782880161025b565b604087015190945090506001600160401b03811115610357575f5ffd5b6103638782880161025b565b92505061037260608601610240565b905092959194509250565b634e487b7160e01b5f52603260045260245ffd5b61196d8061039e5f395ff3fe6080604052600436106101b2575f3560e01c80638065657f116100e7578063bc197c8111610087578063d547741f11610062578063d547741f14610546578063e38335e514610565578063f23a6e6114610578578063f27a0c92146105a3575f5ffd5b8063bc197c81146104d1578063c4d252f5146104fc578063d45c44351461051b575f5ffd5b806391d14854116100c257806391d148541461044d578063a217fddf1461046c578063b08e51c01461047f578063b1c5f427146104b2575f5ffd5b80638065657f146103dc5780638f2a0bb0146103fb5780638f61f4f51461041a575f5ffd5b80632ab0f5291161015257806336568abe1161012d57806336568abe14610353578063584b153e1461037257806364d62353146103915780637958004c146103b0575f5ffd5b80632ab0f529146102f65780632f2ff15d1461031557806331d5075014610334575f5ffd5b8063134008d31161018d578063134008d31461025357806313bc9f2014610266578063150b7a0214610285578063248a9ca3146102c8575f5ffd5b806301d5062a146101bd57806301ffc9a7146101de57806307bd026514610212575f5ffd5b366101b957005b5f5ffd5b3480156101c8575f5ffd5b506101dc6101d7366004611163565b6105b7565b005b3480156101e9575f5ffd5b506101fd6101f83660046111d1565b61068b565b60405190151581526020015b60405180910390f35b34801561021d575f5ffd5b506102457fd8aa0f3194971a2a116679f7c2090f6939c8d4e01a2a8d7e41d55e5351469e6381565b604051908152602001610209565b6101dc6102613660046111f8565b61069b565b348015610271575f5ffd5b506101fd61028036600461125e565b61074d565b348015610290575f5ffd5b506102af61029f366004611324565b630a85bd0160e11b949350505050565b6040516001600160e01b03199091168152602001610209565b3480156102d3575f5ffd5b506102456102e236600461125e565b5f9081526020819052604090206001015490565b348015610301575f5ffd5b506101fd61031036600461125e565b610772565b348015610320575f5ffd5b506101dc61032f366004611387565b61077a565b34801561033f575f5ffd5b506101fd61034e36600461125e565b6107a4565b34801561035e575f5ffd5b506101dc61036d366004611387565b6107c8565b34801561037d575f5ffd5b506101fd61038c36600461125e565b610800565b34801561039c575f5ffd5b506101dc6103ab36600461125e565b610845565b3480156103bb575f5ffd5b506103cf6103ca36600461125e565b6108b8565b60405161020991906113c5565b3480156103e7575f5ffd5b506102456103f63660046111f8565b610900565b348015610406575f5ffd5b506101dc61041536600461142b565b61093e565b348015610425575f5ffd5b506102457fb09aa5aeb3702cfd50b6b62bc4532604938f21248a27a1d5ca736082b6819cc181565b348015610458575f5ffd5b506101fd610467366004611387565b610aca565b348015610477575f5ffd5b506102455f81565b34801561048a575f5ffd5b506102457ffd643c72710c63c0180259aba6b2d05451e3591a24e58b62239378085726f78381565b3480156104bd575f5ffd5b506102456104cc3660046114dd565b610af2565b3480156104dc575f5ffd5b506102af6104eb366004611606565b63bc197c8160e01b95945050505050565b348015610507575f5ffd5b506101dc61051636600461125e565b610b36565b348015610526575f5ffd5b5061024561053536600461125e565b5f9081526001602052604090205490565b348015610551575f5ffd5b506101dc610560366004611387565b610be0565b6101dc6105733660046114dd565b610c04565b348015610583575f5ffd5b506102af6105923660046116b2565b63f23a6e6160e01b95945050505050565b3480156105ae575f5ffd5b50600254610245565b7fb09aa5aeb3702cfd50b6b62bc4532604938f21248a27a1d5ca736082b6819cc16105e181610d85565b5f6105f0898989898989610900565b90506105fc8184610d92565b5f817f4cf4410cc57040e44862ef0f45f3dd5a5e02db8eb8add648d4b0e236f1d07dca8b8b8b8b8b8a6040516106379695949392919061172d565b60405180910390a3831561068057807f20fda5fd27a1ea7bf5b9567f143ac5470bb059374a27e8f67cb44f946f6d03878560405161067791815260200190565b60405180910390a25b505050505050505050565b5f61069582610e23565b92915050565b7fd8aa0f3194971a2a116679f7c2090f6939c8d4e01a2a8d7e41d55e5351469e636106c6815f610aca565b6106d4576106d48133610e47565b5f6106e3888888888888610900565b90506106ef8185610e84565b6106fb88888888610ed2565b5f817fc2617efa69bab66782fa219543714338489c4e9e178271560a91b82c3f612b588a8a8a8a6040516107329493929190611769565b60405180910390a361074381610f46565b5050505050505050565b5f60025b61075a836108b8565b600381111561076b5761076b6113b1565b1492915050565b5f6003610751565b5f8281526020819052604090206001015461079481610d85565b61079e8383610f71565b50505050565b5f806107af836108b8565b60038111156107c0576107c06113b1565b141592915050565b6001600160a01b03811633146107f15760405163334bd91960e11b815260040160405180910390fd5b6107fb8282611000565b505050565b5f5f61080b836108b8565b90506001816003811115610821576108216113b1565b148061083e5750600281600381111561083c5761083c6113b1565b145b9392505050565b333081146108765760405163e2850c5960e01b81526001600160a01b03821660048201526024015b60405180910390fd5b60025460408051918252602082018490527f11c24f4ead16507c69ac467fbd5e4eed5fb5c699626d2cc6d66421df253886d5910160405180910390a150600255565b5f81815260016020526040812054805f036108d557505f92915050565b600181036108e65750600392915050565b428111156108f75750600192915050565b50600292915050565b5f86868686868660405160200161091c9695949392919061172d565b6040516020818303038152906040528051906020012090509695505050505050565b7fb09aa5aeb3702cfd50b6b62bc4532604938f21248a27a1d5ca736082b6819cc161096881610d85565b88871415806109775750888514155b156109a9576040516001624fcdef60e01b03198152600481018a9052602481018690526044810188905260640161086d565b5f6109ba8b8b8b8b8b8b8b8b610af2565b90506109c68184610d92565b5f5b8a811015610a7b5780827f4cf4410cc57040e44862ef0f45f3dd5a5e02db8eb8add648d4b0e236f1d07dca8e8e85818110610a0557610a05611790565b9050602002016020810190610a1a91906117a4565b8d8d86818110610a2c57610a2c611790565b905060200201358c8c87818110610a4557610a45611790565b9050602002810190610a5791906117bd565b8c8b604051610a6b9695949392919061172d565b60405180910390a36001016109c8565b508315610abd57807f20fda5fd27a1ea7bf5b9567f143ac5470bb059374a27e8f67cb44f946f6d038785604051610ab491815260200190565b60405180910390a25b5050505050505050505050565b5f918252602082815260408084206001600160a01b0393909316845291905290205460ff1690565b5f8888888888888888604051602001610b12989796959493929190611893565b60405160208183030381529060405280519060200120905098975050505050505050565b7ffd643c72710c63c0180259aba6b2d05451e3591a24e58b62239378085726f783610b6081610d85565b610b6982610800565b610ba55781610b786002611069565b610b826001611069565b604051635ead8eb560e01b8152600481019390935217602482015260440161086d565b5f828152600160205260408082208290555183917fbaa1eb22f2a492ba1a5fea61b8df4d27c6c8b5f3971e63bb58fa14ff72eedb7091a25050565b5f82815260208190526040902060010154610bfa81610d85565b61079e8383611000565b7fd8aa0f3194971a2a116679f7c2090f6939c8d4e01a2a8d7e41d55e5351469e63610c2f815f610aca565b610c3d57610c3d8133610e47565b8786141580610c4c5750878414155b15610c7e576040516001624fcdef60e01b0319815260048101899052602481018590526044810187905260640161086d565b5f610c8f8a8a8a8a8a8a8a8a610af2565b9050610c9b8185610e84565b5f5b89811015610d6f575f8b8b83818110610cb857610cb8611790565b9050602002016020810190610ccd91906117a4565b90505f8a8a84818110610ce257610ce2611790565b905060200201359050365f8a8a86818110610cff57610cff611790565b9050602002810190610d1191906117bd565b91509150610d2184848484610ed2565b84867fc2617efa69bab66782fa219543714338489c4e9e178271560a91b82c3f612b5886868686604051610d589493929190611769565b60405180910390a350505050806001019050610c9d565b50610d7981610f46565b50505050505050505050565b610d8f8133610e47565b50565b610d9b826107a4565b15610dcc5781610daa5f611069565b604051635ead8eb560e01b81526004810192909252602482015260440161086d565b5f610dd660025490565b905080821015610e0357604051635433660960e01b8152600481018390526024810182905260440161086d565b610e0d8242611932565b5f93845260016020526040909320929092555050565b5f6001600160e01b03198216630271189760e51b148061069557506106958261108b565b610e518282610aca565b610e805760405163e2517d3f60e01b81526001600160a01b03821660048201526024810183905260440161086d565b5050565b610e8d8261074d565b610e9c5781610daa6002611069565b8015801590610eb15750610eaf81610772565b155b15610e805760405163121534c360e31b81526004810182905260240161086d565b5f5f856001600160a01b0316858585604051610eef929190611951565b5f6040518083038185875af1925050503d805f8114610f29576040519150601f19603f3d011682016040523d82523d5f602084013e610f2e565b606091505b5091509150610f3d82826110bf565b50505050505050565b610f4f8161074d565b610f5e5780610daa6002611069565b5f90815260016020819052604090912055565b5f610f7c8383610aca565b610ff9575f838152602081815260408083206001600160a01b03861684529091529020805460ff19166001179055610fb13390565b6001600160a01b0316826001600160a01b0316847f2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d60405160405180910390a4506001610695565b505f610695565b5f61100b8383610aca565b15610ff9575f838152602081815260408083206001600160a01b0386168085529252808320805460ff1916905551339286917ff6391f5c32d9c69d2a47ea670b442974b53935d1edc7fd64eb21e047a839171b9190a4506001610695565b5f81600381111561107c5761107c6113b1565b600160ff919091161b92915050565b5f6001600160e01b03198216637965db0b60e01b148061069557506301ffc9a760e01b6001600160e01b0319831614610695565b606082156110ce575080610695565b8151156110e3576110de826110fc565b610695565b60405163d6bda27560e01b815260040160405180910390fd5b805160208201fd5b80356001600160a01b038116811461111a575f5ffd5b919050565b5f5f83601f84011261112f575f5ffd5b5081356001600160401b03811115611145575f5ffd5b60208301915083602082850101111561115c575f5ffd5b9250929050565b5f5f5f5f5f5f5f60c0888a031215611179575f5ffd5b61118288611104565b96506020880135955060408801356001600160401b038111156111a3575f5ffd5b6111af8a828b0161111f565b989b979a50986060810135976080820135975060a09091013595509350505050565b5f602082840312156111e1575f5ffd5b81356001600160e01b03198116811461083e575f5ffd5b5f5f5f5f5f5f60a0878903121561120d575f5ffd5b61121687611104565b95506020870135945060408701356001600160401b03811115611237575f5ffd5b61124389828a0161111f565b979a9699509760608101359660809091013595509350505050565b5f6020828403121561126e575f5ffd5b5035919050565b634e487b7160e01b5f52604160045260245ffd5b604051601f8201601f191681016001600160401b03811182821017156112b1576112b1611275565b604052919050565b5f82601f8301126112c8575f5ffd5b81356001600160401b038111156112e1576112e1611275565b6112f4601f8201601f1916602001611289565b818152846020838601011115611308575f5ffd5b816020850160208301375f918101602001919091529392505050565b5f5f5f5f60808587031215611337575f5ffd5b61134085611104565b935061134e60208601611104565b92506040850135915060608501356001600160401b0381111561136f575f5ffd5b61137b878288016112b9565b91505092959194509250565b5f5f60408385031215611398575f5ffd5b823591506113a860208401611104565b90509250929050565b634e487b7160e01b5f52602160045260245ffd5b60208101600483106113e557634e487b7160e01b5f52602160045260245ffd5b91905290565b5f5f83601f8401126113fb575f5ffd5b5081356001600160401b03811115611411575f5ffd5b6020830191508360208260051b850101111561115c575f5ffd5b5f5f5f5f5f5f5f5f5f60c08a8c031215611443575f5ffd5b89356001600160401b03811115611458575f5ffd5b6114648c828d016113eb565b909a5098505060208a01356001600160401b03811115611482575f5ffd5b61148e8c828d016113eb565b90985096505060408a01356001600160401b038111156114ac575f5ffd5b6114b88c828d016113eb565b9a9d999c50979a969997986060880135976080810135975060a0013595509350505050565b5f5f5f5f5f5f5f5f60a0898b0312156114f4575f5ffd5b88356001600160401b03811115611509575f5ffd5b6115158b828c016113eb565b90995097505060208901356001600160401b03811115611533575f5ffd5b61153f8b828c016113eb565b90975095505060408901356001600160401b0381111561155d575f5ffd5b6115698b828c016113eb565b999c989b509699959896976060870135966080013595509350505050565b5f82601f830112611596575f5ffd5b81356001600160401b038111156115af576115af611275565b8060051b6115bf60208201611289565b918252602081850181019290810190868411156115da575f5ffd5b6020860192505b838310156115fc5782358252602092830192909101906115e1565b9695505050505050565b5f5f5f5f5f60a0868803121561161a575f5ffd5b61162386611104565b945061163160208701611104565b935060408601356001600160401b0381111561164b575f5ffd5b61165788828901611587565b93505060608601356001600160401b03811115611672575f5ffd5b61167e88828901611587565b92505060808601356001600160401b03811115611699575f5ffd5b6116a5888289016112b9565b9150509295509295909350565b5f5f5f5f5f60a086880312156116c6575f5ffd5b6116cf86611104565b94506116dd60208701611104565b9350604086013592506060860135915060808601356001600160401b03811115611699575f5ffd5b81835281816020850137505f828201602090810191909152601f909101601f19169091010190565b60018060a01b038716815285602082015260a060408201525f61175460a083018688611705565b60608301949094525060800152949350505050565b60018060a01b0385168152836020820152606060408201525f6115fc606083018486611705565b634e487b7160e01b5f52603260045260245ffd5b5f602082840312156117b4575f5ffd5b61083e82611104565b5f5f8335601e198436030181126117d2575f5ffd5b8301803591506001600160401b038211156117eb575f5ffd5b60200191503681900382131561115c575f5ffd5b5f8383855260208501945060208460051b820101835f5b8681101561188757838303601f19018852813536879003601e1901811261183b575f5ffd5b86016020810190356001600160401b03811115611856575f5ffd5b803603821315611864575f5ffd5b61186f858284611705565b60209a8b019a90955093909301925050600101611816565b50909695505050505050565b60a080825281018890525f8960c08301825b8b8110156118d3576001600160a01b036118be84611104565b168252602092830192909101906001016118a5565b5083810360208501528881526001600160fb1b038911156118f2575f5ffd5b8860051b9150818a6020830137018281036020908101604085015261191a90820187896117ff565b60608401959095525050608001529695505050505050565b8082018082111561069557634e487b7160e01b5f52601160045260245ffd5b818382375f910190815291905056fea164736f6c634300081e000a",
}

// GaiaTimelockABI is the input ABI used to generate the binding from.
// Deprecated: Use GaiaTimelockMetaData.ABI instead.
var GaiaTimelockABI = GaiaTimelockMetaData.ABI

// Deprecated: Use GaiaTimelockMetaData.Sigs instead.
// GaiaTimelockFuncSigs maps the 4-byte function signature to its string representation.
var GaiaTimelockFuncSigs = GaiaTimelockMetaData.Sigs

// GaiaTimelockBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use GaiaTimelockMetaData.Bin instead.
var GaiaTimelockBin = GaiaTimelockMetaData.Bin

// DeployGaiaTimelock deploys a new Ethereum contract, binding an instance of GaiaTimelock to it.
func DeployGaiaTimelock(auth *bind.TransactOpts, backend bind.ContractBackend, minDelay *big.Int, proposers []common.Address, executors []common.Address, admin common.Address) (common.Address, *types.Transaction, *GaiaTimelock, error) {
	parsed, err := GaiaTimelockMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(GaiaTimelockBin), backend, minDelay, proposers, executors, admin)
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	return address, tx, &GaiaTimelock{GaiaTimelockCaller: GaiaTimelockCaller{contract: contract}, GaiaTimelockTransactor: GaiaTimelockTransactor{contract: contract}, GaiaTimelockFilterer: GaiaTimelockFilterer{contract: contract}}, nil
}

// GaiaTimelock is an auto generated Go binding around an Ethereum contract.
type GaiaTimelock struct {
	GaiaTimelockCaller     // Read-only binding to the contract
	GaiaTimelockTransactor // Write-only binding to the contract
	GaiaTimelockFilterer   // Log filterer for contract events
}

// GaiaTimelockCaller is an auto generated read-only Go binding around an Ethereum contract.
type GaiaTimelockCaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// GaiaTimelockTransactor is an auto generated write-only Go binding around an Ethereum contract.
type GaiaTimelockTransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// GaiaTimelockFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type GaiaTimelockFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// GaiaTimelockSession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type GaiaTimelockSession struct {
	Contract     *GaiaTimelock     // Generic contract binding to set the session for
	CallOpts     bind.CallOpts     // Call options to use throughout this session
	TransactOpts bind.TransactOpts // Transaction auth options to use throughout this session
}

// GaiaTimelockCallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type GaiaTimelockCallerSession struct {
	Contract *GaiaTimelockCaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts       // Call options to use throughout this session
}

// GaiaTimelockTransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type GaiaTimelockTransactorSession struct {
	Contract     *GaiaTimelockTransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts       // Transaction auth options to use throughout this session
}

// GaiaTimelockRaw is an auto generated low-level Go binding around an Ethereum contract.
type GaiaTimelockRaw struct {
	Contract *GaiaTimelock // Generic contract binding to access the raw methods on
}

// GaiaTimelockCallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type GaiaTimelockCallerRaw struct {
	Contract *GaiaTimelockCaller // Generic read-only contract binding to access the raw methods on
}

// GaiaTimelockTransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type GaiaTimelockTransactorRaw struct {
	Contract *GaiaTimelockTransactor // Generic write-only contract binding to access the raw methods on
}

// NewGaiaTimelock creates a new instance of GaiaTimelock, bound to a specific deployed contract.
func NewGaiaTimelock(address common.Address, backend bind.ContractBackend) (*GaiaTimelock, error) {
	contract, err := bindGaiaTimelock(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &GaiaTimelock{GaiaTimelockCaller: GaiaTimelockCaller{contract: contract}, GaiaTimelockTransactor: GaiaTimelockTransactor{contract: contract}, GaiaTimelockFilterer: GaiaTimelockFilterer{contract: contract}}, nil
}

// NewGaiaTimelockCaller creates a new read-only instance of GaiaTimelock, bound to a specific deployed contract.
func NewGaiaTimelockCaller(address common.Address, caller bind.ContractCaller) (*GaiaTimelockCaller, error) {
	contract, err := bindGaiaTimelock(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &GaiaTimelockCaller{contract: contract}, nil
}

// NewGaiaTimelockTransactor creates a new write-only instance of GaiaTimelock, bound to a specific deployed contract.
func NewGaiaTimelockTransactor(address common.Address, transactor bind.ContractTransactor) (*GaiaTimelockTransactor, error) {
	contract, err := bindGaiaTimelock(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &GaiaTimelockTransactor{contract: contract}, nil
}

// NewGaiaTimelockFilterer creates a new log filterer instance of GaiaTimelock, bound to a specific deployed contract.
func NewGaiaTimelockFilterer(address common.Address, filterer bind.ContractFilterer) (*GaiaTimelockFilterer, error) {
	contract, err := bindGaiaTimelock(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &GaiaTimelockFilterer{contract: contract}, nil
}

// bindGaiaTimelock binds a generic wrapper to an already deployed contract.
func bindGaiaTimelock(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := GaiaTimelockMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_GaiaTimelock *GaiaTimelockRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _GaiaTimelock.Contract.GaiaTimelockCaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_GaiaTimelock *GaiaTimelockRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _GaiaTimelock.Contract.GaiaTimelockTransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_GaiaTimelock *GaiaTimelockRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _GaiaTimelock.Contract.GaiaTimelockTransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_GaiaTimelock *GaiaTimelockCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _GaiaTimelock.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_GaiaTimelock *GaiaTimelockTransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _GaiaTimelock.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_GaiaTimelock *GaiaTimelockTransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _GaiaTimelock.Contract.contract.Transact(opts, method, params...)
}

// CANCELLERROLE is a free data retrieval call binding the contract method 0xb08e51c0.
//
// Solidity: function CANCELLER_ROLE() view returns(bytes32)
func (_GaiaTimelock *GaiaTimelockCaller) CANCELLERROLE(opts *bind.CallOpts) ([32]byte, error) {
	var out []interface{}
	err := _GaiaTimelock.contract.Call(opts, &out, "CANCELLER_ROLE")

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// CANCELLERROLE is a free data retrieval call binding the contract method 0xb08e51c0.
//
// Solidity: function CANCELLER_ROLE() view returns(bytes32)
func (_GaiaTimelock *GaiaTimelockSession) CANCELLERROLE() ([32]byte, error) {
	return _GaiaTimelock.Contract.CANCELLERROLE(&_GaiaTimelock.CallOpts)
}

// CANCELLERROLE is a free data retrieval call binding the contract method 0xb08e51c0.
//
// Solidity: function CANCELLER_ROLE() view returns(bytes32)
func (_GaiaTimelock *GaiaTimelockCallerSession) CANCELLERROLE() ([32]byte, error) {
	return _GaiaTimelock.Contract.CANCELLERROLE(&_GaiaTimelock.CallOpts)
}

// DEFAULTADMINROLE is a free data retrieval call binding the contract method 0xa217fddf.
//
// Solidity: function DEFAULT_ADMIN_ROLE() view returns(bytes32)
func (_GaiaTimelock *GaiaTimelockCaller) DEFAULTADMINROLE(opts *bind.CallOpts) ([32]byte, error) {
	var out []interface{}
	err := _GaiaTimelock.contract.Call(opts, &out, "DEFAULT_ADMIN_ROLE")

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// DEFAULTADMINROLE is a free data retrieval call binding the contract method 0xa217fddf.
//
// Solidity: function DEFAULT_ADMIN_ROLE() view returns(bytes32)
func (_GaiaTimelock *GaiaTimelockSession) DEFAULTADMINROLE() ([32]byte, error) {
	return _GaiaTimelock.Contract.DEFAULTADMINROLE(&_GaiaTimelock.CallOpts)
}

// DEFAULTADMINROLE is a free data retrieval call binding the contract method 0xa217fddf.
//
// Solidity: function DEFAULT_ADMIN_ROLE() view returns(bytes32)
func (_GaiaTimelock *GaiaTimelockCallerSession) DEFAULTADMINROLE() ([32]byte, error) {
	return _GaiaTimelock.Contract.DEFAULTADMINROLE(&_GaiaTimelock.CallOpts)
}

// EXECUTORROLE is a free data retrieval call binding the contract method 0x07bd0265.
//
// Solidity: function EXECUTOR_ROLE() view returns(bytes32)
func (_GaiaTimelock *GaiaTimelockCaller) EXECUTORROLE(opts *bind.CallOpts) ([32]byte, error) {
	var out []interface{}
	err := _GaiaTimelock.contract.Call(opts, &out, "EXECUTOR_ROLE")

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// EXECUTORROLE is a free data retrieval call binding the contract method 0x07bd0265.
//
// Solidity: function EXECUTOR_ROLE() view returns(bytes32)
func (_GaiaTimelock *GaiaTimelockSession) EXECUTORROLE() ([32]byte, error) {
	return _GaiaTimelock.Contract.EXECUTORROLE(&_GaiaTimelock.CallOpts)
}

// EXECUTORROLE is a free data retrieval call binding the contract method 0x07bd0265.
//
// Solidity: function EXECUTOR_ROLE() view returns(bytes32)
func (_GaiaTimelock *GaiaTimelockCallerSession) EXECUTORROLE() ([32]byte, error) {
	return _GaiaTimelock.Contract.EXECUTORROLE(&_GaiaTimelock.CallOpts)
}

// PROPOSERROLE is a free data retrieval call binding the contract method 0x8f61f4f5.
//
// Solidity: function PROPOSER_ROLE() view returns(bytes32)
func (_GaiaTimelock *GaiaTimelockCaller) PROPOSERROLE(opts *bind.CallOpts) ([32]byte, error) {
	var out []interface{}
	err := _GaiaTimelock.contract.Call(opts, &out, "PROPOSER_ROLE")

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// PROPOSERROLE is a free data retrieval call binding the contract method 0x8f61f4f5.
//
// Solidity: function PROPOSER_ROLE() view returns(bytes32)
func (_GaiaTimelock *GaiaTimelockSession) PROPOSERROLE() ([32]byte, error) {
	return _GaiaTimelock.Contract.PROPOSERROLE(&_GaiaTimelock.CallOpts)
}

// PROPOSERROLE is a free data retrieval call binding the contract method 0x8f61f4f5.
//
// Solidity: function PROPOSER_ROLE() view returns(bytes32)
func (_GaiaTimelock *GaiaTimelockCallerSession) PROPOSERROLE() ([32]byte, error) {
	return _GaiaTimelock.Contract.PROPOSERROLE(&_GaiaTimelock.CallOpts)
}

// GetMinDelay is a free data retrieval call binding the contract method 0xf27a0c92.
//
// Solidity: function getMinDelay() view returns(uint256)
func (_GaiaTimelock *GaiaTimelockCaller) GetMinDelay(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _GaiaTimelock.contract.Call(opts, &out, "getMinDelay")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// GetMinDelay is a free data retrieval call binding the contract method 0xf27a0c92.
//
// Solidity: function getMinDelay() view returns(uint256)
func (_GaiaTimelock *GaiaTimelockSession) GetMinDelay() (*big.Int, error) {
	return _GaiaTimelock.Contract.GetMinDelay(&_GaiaTimelock.CallOpts)
}

// GetMinDelay is a free data retrieval call binding the contract method 0xf27a0c92.
//
// Solidity: function getMinDelay() view returns(uint256)
func (_GaiaTimelock *GaiaTimelockCallerSession) GetMinDelay() (*big.Int, error) {
	return _GaiaTimelock.Contract.GetMinDelay(&_GaiaTimelock.CallOpts)
}

// GetOperationState is a free data retrieval call binding the contract method 0x7958004c.
//
// Solidity: function getOperationState(bytes32 id) view returns(uint8)
func (_GaiaTimelock *GaiaTimelockCaller) GetOperationState(opts *bind.CallOpts, id [32]byte) (uint8, error) {
	var out []interface{}
	err := _GaiaTimelock.contract.Call(opts, &out, "getOperationState", id)

	if err != nil {
		return *new(uint8), err
	}

	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)

	return out0, err

}

// GetOperationState is a free data retrieval call binding the contract method 0x7958004c.
//
// Solidity: function getOperationState(bytes32 id) view returns(uint8)
func (_GaiaTimelock *GaiaTimelockSession) GetOperationState(id [32]byte) (uint8, error) {
	return _GaiaTimelock.Contract.GetOperationState(&_GaiaTimelock.CallOpts, id)
}

// GetOperationState is a free data retrieval call binding the contract method 0x7958004c.
//
// Solidity: function getOperationState(bytes32 id) view returns(uint8)
func (_GaiaTimelock *GaiaTimelockCallerSession) GetOperationState(id [32]byte) (uint8, error) {
	return _GaiaTimelock.Contract.GetOperationState(&_GaiaTimelock.CallOpts, id)
}

// GetRoleAdmin is a free data retrieval call binding the contract method 0x248a9ca3.
//
// Solidity: function getRoleAdmin(bytes32 role) view returns(bytes32)
func (_GaiaTimelock *GaiaTimelockCaller) GetRoleAdmin(opts *bind.CallOpts, role [32]byte) ([32]byte, error) {
	var out []interface{}
	err := _GaiaTimelock.contract.Call(opts, &out, "getRoleAdmin", role)

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// GetRoleAdmin is a free data retrieval call binding the contract method 0x248a9ca3.
//
// Solidity: function getRoleAdmin(bytes32 role) view returns(bytes32)
func (_GaiaTimelock *GaiaTimelockSession) GetRoleAdmin(role [32]byte) ([32]byte, error) {
	return _GaiaTimelock.Contract.GetRoleAdmin(&_GaiaTimelock.CallOpts, role)
}

// GetRoleAdmin is a free data retrieval call binding the contract method 0x248a9ca3.
//
// Solidity: function getRoleAdmin(bytes32 role) view returns(bytes32)
func (_GaiaTimelock *GaiaTimelockCallerSession) GetRoleAdmin(role [32]byte) ([32]byte, error) {
	return _GaiaTimelock.Contract.GetRoleAdmin(&_GaiaTimelock.CallOpts, role)
}

// GetTimestamp is a free data retrieval call binding the contract method 0xd45c4435.
//
// Solidity: function getTimestamp(bytes32 id) view returns(uint256)
func (_GaiaTimelock *GaiaTimelockCaller) GetTimestamp(opts *bind.CallOpts, id [32]byte) (*big.Int, error) {
	var out []interface{}
	err := _GaiaTimelock.contract.Call(opts, &out, "getTimestamp", id)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// GetTimestamp is a free data retrieval call binding the contract method 0xd45c4435.
//
// Solidity: function getTimestamp(bytes32 id) view returns(uint256)
func (_GaiaTimelock *GaiaTimelockSession) GetTimestamp(id [32]byte) (*big.Int, error) {
	return _GaiaTimelock.Contract.GetTimestamp(&_GaiaTimelock.CallOpts, id)
}

// GetTimestamp is a free data retrieval call binding the contract method 0xd45c4435.
//
// Solidity: function getTimestamp(bytes32 id) view returns(uint256)
func (_GaiaTimelock *GaiaTimelockCallerSession) GetTimestamp(id [32]byte) (*big.Int, error) {
	return _GaiaTimelock.Contract.GetTimestamp(&_GaiaTimelock.CallOpts, id)
}

// HasRole is a free data retrieval call binding the contract method 0x91d14854.
//
// Solidity: function hasRole(bytes32 role, address account) view returns(bool)
func (_GaiaTimelock *GaiaTimelockCaller) HasRole(opts *bind.CallOpts, role [32]byte, account common.Address) (bool, error) {
	var out []interface{}
	err := _GaiaTimelock.contract.Call(opts, &out, "hasRole", role, account)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// HasRole is a free data retrieval call binding the contract method 0x91d14854.
//
// Solidity: function hasRole(bytes32 role, address account) view returns(bool)
func (_GaiaTimelock *GaiaTimelockSession) HasRole(role [32]byte, account common.Address) (bool, error) {
	return _GaiaTimelock.Contract.HasRole(&_GaiaTimelock.CallOpts, role, account)
}

// HasRole is a free data retrieval call binding the contract method 0x91d14854.
//
// Solidity: function hasRole(bytes32 role, address account) view returns(bool)
func (_GaiaTimelock *GaiaTimelockCallerSession) HasRole(role [32]byte, account common.Address) (bool, error) {
	return _GaiaTimelock.Contract.HasRole(&_GaiaTimelock.CallOpts, role, account)
}

// HashOperation is a free data retrieval call binding the contract method 0x8065657f.
//
// Solidity: function hashOperation(address target, uint256 value, bytes data, bytes32 predecessor, bytes32 salt) pure returns(bytes32)
func (_GaiaTimelock *GaiaTimelockCaller) HashOperation(opts *bind.CallOpts, target common.Address, value *big.Int, data []byte, predecessor [32]byte, salt [32]byte) ([32]byte, error) {
	var out []interface{}
	err := _GaiaTimelock.contract.Call(opts, &out, "hashOperation", target, value, data, predecessor, salt)

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// HashOperation is a free data retrieval call binding the contract method 0x8065657f.
//
// Solidity: function hashOperation(address target, uint256 value, bytes data, bytes32 predecessor, bytes32 salt) pure returns(bytes32)
func (_GaiaTimelock *GaiaTimelockSession) HashOperation(target common.Address, value *big.Int, data []byte, predecessor [32]byte, salt [32]byte) ([32]byte, error) {
	return _GaiaTimelock.Contract.HashOperation(&_GaiaTimelock.CallOpts, target, value, data, predecessor, salt)
}

// HashOperation is a free data retrieval call binding the contract method 0x8065657f.
//
// Solidity: function hashOperation(address target, uint256 value, bytes data, bytes32 predecessor, bytes32 salt) pure returns(bytes32)
func (_GaiaTimelock *GaiaTimelockCallerSession) HashOperation(target common.Address, value *big.Int, data []byte, predecessor [32]byte, salt [32]byte) ([32]byte, error) {
	return _GaiaTimelock.Contract.HashOperation(&_GaiaTimelock.CallOpts, target, value, data, predecessor, salt)
}

// HashOperationBatch is a free data retrieval call binding the contract method 0xb1c5f427.
//
// Solidity: function hashOperationBatch(address[] targets, uint256[] values, bytes[] payloads, bytes32 predecessor, bytes32 salt) pure returns(bytes32)
func (_GaiaTimelock *GaiaTimelockCaller) HashOperationBatch(opts *bind.CallOpts, targets []common.Address, values []*big.Int, payloads [][]byte, predecessor [32]byte, salt [32]byte) ([32]byte, error) {
	var out []interface{}
	err := _GaiaTimelock.contract.Call(opts, &out, "hashOperationBatch", targets, values, payloads, predecessor, salt)

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// HashOperationBatch is a free data retrieval call binding the contract method 0xb1c5f427.
//
// Solidity: function hashOperationBatch(address[] targets, uint256[] values, bytes[] payloads, bytes32 predecessor, bytes32 salt) pure returns(bytes32)
func (_GaiaTimelock *GaiaTimelockSession) HashOperationBatch(targets []common.Address, values []*big.Int, payloads [][]byte, predecessor [32]byte, salt [32]byte) ([32]byte, error) {
	return _GaiaTimelock.Contract.HashOperationBatch(&_GaiaTimelock.CallOpts, targets, values, payloads, predecessor, salt)
}

// HashOperationBatch is a free data retrieval call binding the contract method 0xb1c5f427.
//
// Solidity: function hashOperationBatch(address[] targets, uint256[] values, bytes[] payloads, bytes32 predecessor, bytes32 salt) pure returns(bytes32)
func (_GaiaTimelock *GaiaTimelockCallerSession) HashOperationBatch(targets []common.Address, values []*big.Int, payloads [][]byte, predecessor [32]byte, salt [32]byte) ([32]byte, error) {
	return _GaiaTimelock.Contract.HashOperationBatch(&_GaiaTimelock.CallOpts, targets, values, payloads, predecessor, salt)
}

// IsOperation is a free data retrieval call binding the contract method 0x31d50750.
//
// Solidity: function isOperation(bytes32 id) view returns(bool)
func (_GaiaTimelock *GaiaTimelockCaller) IsOperation(opts *bind.CallOpts, id [32]byte) (bool, error) {
	var out []interface{}
	err := _GaiaTimelock.contract.Call(opts, &out, "isOperation", id)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// IsOperation is a free data retrieval call binding the contract method 0x31d50750.
//
// Solidity: function isOperation(bytes32 id) view returns(bool)
func (_GaiaTimelock *GaiaTimelockSession) IsOperation(id [32]byte) (bool, error) {
	return _GaiaTimelock.Contract.IsOperation(&_GaiaTimelock.CallOpts, id)
}

// IsOperation is a free data retrieval call binding the contract method 0x31d50750.
//
// Solidity: function isOperation(bytes32 id) view returns(bool)
func (_GaiaTimelock *GaiaTimelockCallerSession) IsOperation(id [32]byte) (bool, error) {
	return _GaiaTimelock.Contract.IsOperation(&_GaiaTimelock.CallOpts, id)
}

// IsOperationDone is a free data retrieval call binding the contract method 0x2ab0f529.
//
// Solidity: function isOperationDone(bytes32 id) view returns(bool)
func (_GaiaTimelock *GaiaTimelockCaller) IsOperationDone(opts *bind.CallOpts, id [32]byte) (bool, error) {
	var out []interface{}
	err := _GaiaTimelock.contract.Call(opts, &out, "isOperationDone", id)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// IsOperationDone is a free data retrieval call binding the contract method 0x2ab0f529.
//
// Solidity: function isOperationDone(bytes32 id) view returns(bool)
func (_GaiaTimelock *GaiaTimelockSession) IsOperationDone(id [32]byte) (bool, error) {
	return _GaiaTimelock.Contract.IsOperationDone(&_GaiaTimelock.CallOpts, id)
}

// IsOperationDone is a free data retrieval call binding the contract method 0x2ab0f529.
//
// Solidity: function isOperationDone(bytes32 id) view returns(bool)
func (_GaiaTimelock *GaiaTimelockCallerSession) IsOperationDone(id [32]byte) (bool, error) {
	return _GaiaTimelock.Contract.IsOperationDone(&_GaiaTimelock.CallOpts, id)
}

// IsOperationPending is a free data retrieval call binding the contract method 0x584b153e.
//
// Solidity: function isOperationPending(bytes32 id) view returns(bool)
func (_GaiaTimelock *GaiaTimelockCaller) IsOperationPending(opts *bind.CallOpts, id [32]byte) (bool, error) {
	var out []interface{}
	err := _GaiaTimelock.contract.Call(opts, &out, "isOperationPending", id)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// IsOperationPending is a free data retrieval call binding the contract method 0x584b153e.
//
// Solidity: function isOperationPending(bytes32 id) view returns(bool)
func (_GaiaTimelock *GaiaTimelockSession) IsOperationPending(id [32]byte) (bool, error) {
	return _GaiaTimelock.Contract.IsOperationPending(&_GaiaTimelock.CallOpts, id)
}

// IsOperationPending is a free data retrieval call binding the contract method 0x584b153e.
//
// Solidity: function isOperationPending(bytes32 id) view returns(bool)
func (_GaiaTimelock *GaiaTimelockCallerSession) IsOperationPending(id [32]byte) (bool, error) {
	return _GaiaTimelock.Contract.IsOperationPending(&_GaiaTimelock.CallOpts, id)
}

// IsOperationReady is a free data retrieval call binding the contract method 0x13bc9f20.
//
// Solidity: function isOperationReady(bytes32 id) view returns(bool)
func (_GaiaTimelock *GaiaTimelockCaller) IsOperationReady(opts *bind.CallOpts, id [32]byte) (bool, error) {
	var out []interface{}
	err := _GaiaTimelock.contract.Call(opts, &out, "isOperationReady", id)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// IsOperationReady is a free data retrieval call binding the contract method 0x13bc9f20.
//
// Solidity: function isOperationReady(bytes32 id) view returns(bool)
func (_GaiaTimelock *GaiaTimelockSession) IsOperationReady(id [32]byte) (bool, error) {
	return _GaiaTimelock.Contract.IsOperationReady(&_GaiaTimelock.CallOpts, id)
}

// IsOperationReady is a free data retrieval call binding the contract method 0x13bc9f20.
//
// Solidity: function isOperationReady(bytes32 id) view returns(bool)
func (_GaiaTimelock *GaiaTimelockCallerSession) IsOperationReady(id [32]byte) (bool, error) {
	return _GaiaTimelock.Contract.IsOperationReady(&_GaiaTimelock.CallOpts, id)
}

// SupportsInterface is a free data retrieval call binding the contract method 0x01ffc9a7.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (_GaiaTimelock *GaiaTimelockCaller) SupportsInterface(opts *bind.CallOpts, interfaceId [4]byte) (bool, error) {
	var out []interface{}
	err := _GaiaTimelock.contract.Call(opts, &out, "supportsInterface", interfaceId)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// SupportsInterface is a free data retrieval call binding the contract method 0x01ffc9a7.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (_GaiaTimelock *GaiaTimelockSession) SupportsInterface(interfaceId [4]byte) (bool, error) {
	return _GaiaTimelock.Contract.SupportsInterface(&_GaiaTimelock.CallOpts, interfaceId)
}

// SupportsInterface is a free data retrieval call binding the contract method 0x01ffc9a7.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (_GaiaTimelock *GaiaTimelockCallerSession) SupportsInterface(interfaceId [4]byte) (bool, error) {
	return _GaiaTimelock.Contract.SupportsInterface(&_GaiaTimelock.CallOpts, interfaceId)
}

// Cancel is a paid mutator transaction binding the contract method 0xc4d252f5.
//
// Solidity: function cancel(bytes32 id) returns()
func (_GaiaTimelock *GaiaTimelockTransactor) Cancel(opts *bind.TransactOpts, id [32]byte) (*types.Transaction, error) {
	return _GaiaTimelock.contract.Transact(opts, "cancel", id)
}

// Cancel is a paid mutator transaction binding the contract method 0xc4d252f5.
//
// Solidity: function cancel(bytes32 id) returns()
func (_GaiaTimelock *GaiaTimelockSession) Cancel(id [32]byte) (*types.Transaction, error) {
	return _GaiaTimelock.Contract.Cancel(&_GaiaTimelock.TransactOpts, id)
}

// Cancel is a paid mutator transaction binding the contract method 0xc4d252f5.
//
// Solidity: function cancel(bytes32 id) returns()
func (_GaiaTimelock *GaiaTimelockTransactorSession) Cancel(id [32]byte) (*types.Transaction, error) {
	return _GaiaTimelock.Contract.Cancel(&_GaiaTimelock.TransactOpts, id)
}

// Execute is a paid mutator transaction binding the contract method 0x134008d3.
//
// Solidity: function execute(address target, uint256 value, bytes payload, bytes32 predecessor, bytes32 salt) payable returns()
func (_GaiaTimelock *GaiaTimelockTransactor) Execute(opts *bind.TransactOpts, target common.Address, value *big.Int, payload []byte, predecessor [32]byte, salt [32]byte) (*types.Transaction, error) {
	return _GaiaTimelock.contract.Transact(opts, "execute", target, value, payload, predecessor, salt)
}

// Execute is a paid mutator transaction binding the contract method 0x134008d3.
//
// Solidity: function execute(address target, uint256 value, bytes payload, bytes32 predecessor, bytes32 salt) payable returns()
func (_GaiaTimelock *GaiaTimelockSession) Execute(target common.Address, value *big.Int, payload []byte, predecessor [32]byte, salt [32]byte) (*types.Transaction, error) {
	return _GaiaTimelock.Contract.Execute(&_GaiaTimelock.TransactOpts, target, value, payload, predecessor, salt)
}

// Execute is a paid mutator transaction binding the contract method 0x134008d3.
//
// Solidity: function execute(address target, uint256 value, bytes payload, bytes32 predecessor, bytes32 salt) payable returns()
func (_GaiaTimelock *GaiaTimelockTransactorSession) Execute(target common.Address, value *big.Int, payload []byte, predecessor [32]byte, salt [32]byte) (*types.Transaction, error) {
	return _GaiaTimelock.Contract.Execute(&_GaiaTimelock.TransactOpts, target, value, payload, predecessor, salt)
}

// ExecuteBatch is a paid mutator transaction binding the contract method 0xe38335e5.
//
// Solidity: function executeBatch(address[] targets, uint256[] values, bytes[] payloads, bytes32 predecessor, bytes32 salt) payable returns()
func (_GaiaTimelock *GaiaTimelockTransactor) ExecuteBatch(opts *bind.TransactOpts, targets []common.Address, values []*big.Int, payloads [][]byte, predecessor [32]byte, salt [32]byte) (*types.Transaction, error) {
	return _GaiaTimelock.contract.Transact(opts, "executeBatch", targets, values, payloads, predecessor, salt)
}

// ExecuteBatch is a paid mutator transaction binding the contract method 0xe38335e5.
//
// Solidity: function executeBatch(address[] targets, uint256[] values, bytes[] payloads, bytes32 predecessor, bytes32 salt) payable returns()
func (_GaiaTimelock *GaiaTimelockSession) ExecuteBatch(targets []common.Address, values []*big.Int, payloads [][]byte, predecessor [32]byte, salt [32]byte) (*types.Transaction, error) {
	return _GaiaTimelock.Contract.ExecuteBatch(&_GaiaTimelock.TransactOpts, targets, values, payloads, predecessor, salt)
}

// ExecuteBatch is a paid mutator transaction binding the contract method 0xe38335e5.
//
// Solidity: function executeBatch(address[] targets, uint256[] values, bytes[] payloads, bytes32 predecessor, bytes32 salt) payable returns()
func (_GaiaTimelock *GaiaTimelockTransactorSession) ExecuteBatch(targets []common.Address, values []*big.Int, payloads [][]byte, predecessor [32]byte, salt [32]byte) (*types.Transaction, error) {
	return _GaiaTimelock.Contract.ExecuteBatch(&_GaiaTimelock.TransactOpts, targets, values, payloads, predecessor, salt)
}

// GrantRole is a paid mutator transaction binding the contract method 0x2f2ff15d.
//
// Solidity: function grantRole(bytes32 role, address account) returns()
func (_GaiaTimelock *GaiaTimelockTransactor) GrantRole(opts *bind.TransactOpts, role [32]byte, account common.Address) (*types.Transaction, error) {
	return _GaiaTimelock.contract.Transact(opts, "grantRole", role, account)
}

// GrantRole is a paid mutator transaction binding the contract method 0x2f2ff15d.
//
// Solidity: function grantRole(bytes32 role, address account) returns()
func (_GaiaTimelock *GaiaTimelockSession) GrantRole(role [32]byte, account common.Address) (*types.Transaction, error) {
	return _GaiaTimelock.Contract.GrantRole(&_GaiaTimelock.TransactOpts, role, account)
}

// GrantRole is a paid mutator transaction binding the contract method 0x2f2ff15d.
//
// Solidity: function grantRole(bytes32 role, address account) returns()
func (_GaiaTimelock *GaiaTimelockTransactorSession) GrantRole(role [32]byte, account common.Address) (*types.Transaction, error) {
	return _GaiaTimelock.Contract.GrantRole(&_GaiaTimelock.TransactOpts, role, account)
}

// OnERC1155BatchReceived is a paid mutator transaction binding the contract method 0xbc197c81.
//
// Solidity: function onERC1155BatchReceived(address , address , uint256[] , uint256[] , bytes ) returns(bytes4)
func (_GaiaTimelock *GaiaTimelockTransactor) OnERC1155BatchReceived(opts *bind.TransactOpts, arg0 common.Address, arg1 common.Address, arg2 []*big.Int, arg3 []*big.Int, arg4 []byte) (*types.Transaction, error) {
	return _GaiaTimelock.contract.Transact(opts, "onERC1155BatchReceived", arg0, arg1, arg2, arg3, arg4)
}

// OnERC1155BatchReceived is a paid mutator transaction binding the contract method 0xbc197c81.
//
// Solidity: function onERC1155BatchReceived(address , address , uint256[] , uint256[] , bytes ) returns(bytes4)
func (_GaiaTimelock *GaiaTimelockSession) OnERC1155BatchReceived(arg0 common.Address, arg1 common.Address, arg2 []*big.Int, arg3 []*big.Int, arg4 []byte) (*types.Transaction, error) {
	return _GaiaTimelock.Contract.OnERC1155BatchReceived(&_GaiaTimelock.TransactOpts, arg0, arg1, arg2, arg3, arg4)
}

// OnERC1155BatchReceived is a paid mutator transaction binding the contract method 0xbc197c81.
//
// Solidity: function onERC1155BatchReceived(address , address , uint256[] , uint256[] , bytes ) returns(bytes4)
func (_GaiaTimelock *GaiaTimelockTransactorSession) OnERC1155BatchReceived(arg0 common.Address, arg1 common.Address, arg2 []*big.Int, arg3 []*big.Int, arg4 []byte) (*types.Transaction, error) {
	return _GaiaTimelock.Contract.OnERC1155BatchReceived(&_GaiaTimelock.TransactOpts, arg0, arg1, arg2, arg3, arg4)
}

// OnERC1155Received is a paid mutator transaction binding the contract method 0xf23a6e61.
//
// Solidity: function onERC1155Received(address , address , uint256 , uint256 , bytes ) returns(bytes4)
func (_GaiaTimelock *GaiaTimelockTransactor) OnERC1155Received(opts *bind.TransactOpts, arg0 common.Address, arg1 common.Address, arg2 *big.Int, arg3 *big.Int, arg4 []byte) (*types.Transaction, error) {
	return _GaiaTimelock.contract.Transact(opts, "onERC1155Received", arg0, arg1, arg2, arg3, arg4)
}

// OnERC1155Received is a paid mutator transaction binding the contract method 0xf23a6e61.
//
// Solidity: function onERC1155Received(address , address , uint256 , uint256 , bytes ) returns(bytes4)
func (_GaiaTimelock *GaiaTimelockSession) OnERC1155Received(arg0 common.Address, arg1 common.Address, arg2 *big.Int, arg3 *big.Int, arg4 []byte) (*types.Transaction, error) {
	return _GaiaTimelock.Contract.OnERC1155Received(&_GaiaTimelock.TransactOpts, arg0, arg1, arg2, arg3, arg4)
}

// OnERC1155Received is a paid mutator transaction binding the contract method 0xf23a6e61.
//
// Solidity: function onERC1155Received(address , address , uint256 , uint256 , bytes ) returns(bytes4)
func (_GaiaTimelock *GaiaTimelockTransactorSession) OnERC1155Received(arg0 common.Address, arg1 common.Address, arg2 *big.Int, arg3 *big.Int, arg4 []byte) (*types.Transaction, error) {
	return _GaiaTimelock.Contract.OnERC1155Received(&_GaiaTimelock.TransactOpts, arg0, arg1, arg2, arg3, arg4)
}

// OnERC721Received is a paid mutator transaction binding the contract method 0x150b7a02.
//
// Solidity: function onERC721Received(address , address , uint256 , bytes ) returns(bytes4)
func (_GaiaTimelock *GaiaTimelockTransactor) OnERC721Received(opts *bind.TransactOpts, arg0 common.Address, arg1 common.Address, arg2 *big.Int, arg3 []byte) (*types.Transaction, error) {
	return _GaiaTimelock.contract.Transact(opts, "onERC721Received", arg0, arg1, arg2, arg3)
}

// OnERC721Received is a paid mutator transaction binding the contract method 0x150b7a02.
//
// Solidity: function onERC721Received(address , address , uint256 , bytes ) returns(bytes4)
func (_GaiaTimelock *GaiaTimelockSession) OnERC721Received(arg0 common.Address, arg1 common.Address, arg2 *big.Int, arg3 []byte) (*types.Transaction, error) {
	return _GaiaTimelock.Contract.OnERC721Received(&_GaiaTimelock.TransactOpts, arg0, arg1, arg2, arg3)
}

// OnERC721Received is a paid mutator transaction binding the contract method 0x150b7a02.
//
// Solidity: function onERC721Received(address , address , uint256 , bytes ) returns(bytes4)
func (_GaiaTimelock *GaiaTimelockTransactorSession) OnERC721Received(arg0 common.Address, arg1 common.Address, arg2 *big.Int, arg3 []byte) (*types.Transaction, error) {
	return _GaiaTimelock.Contract.OnERC721Received(&_GaiaTimelock.TransactOpts, arg0, arg1, arg2, arg3)
}

// RenounceRole is a paid mutator transaction binding the contract method 0x36568abe.
//
// Solidity: function renounceRole(bytes32 role, address callerConfirmation) returns()
func (_GaiaTimelock *GaiaTimelockTransactor) RenounceRole(opts *bind.TransactOpts, role [32]byte, callerConfirmation common.Address) (*types.Transaction, error) {
	return _GaiaTimelock.contract.Transact(opts, "renounceRole", role, callerConfirmation)
}

// RenounceRole is a paid mutator transaction binding the contract method 0x36568abe.
//
// Solidity: function renounceRole(bytes32 role, address callerConfirmation) returns()
func (_GaiaTimelock *GaiaTimelockSession) RenounceRole(role [32]byte, callerConfirmation common.Address) (*types.Transaction, error) {
	return _GaiaTimelock.Contract.RenounceRole(&_GaiaTimelock.TransactOpts, role, callerConfirmation)
}

// RenounceRole is a paid mutator transaction binding the contract method 0x36568abe.
//
// Solidity: function renounceRole(bytes32 role, address callerConfirmation) returns()
func (_GaiaTimelock *GaiaTimelockTransactorSession) RenounceRole(role [32]byte, callerConfirmation common.Address) (*types.Transaction, error) {
	return _GaiaTimelock.Contract.RenounceRole(&_GaiaTimelock.TransactOpts, role, callerConfirmation)
}

// RevokeRole is a paid mutator transaction binding the contract method 0xd547741f.
//
// Solidity: function revokeRole(bytes32 role, address account) returns()
func (_GaiaTimelock *GaiaTimelockTransactor) RevokeRole(opts *bind.TransactOpts, role [32]byte, account common.Address) (*types.Transaction, error) {
	return _GaiaTimelock.contract.Transact(opts, "revokeRole", role, account)
}

// RevokeRole is a paid mutator transaction binding the contract method 0xd547741f.
//
// Solidity: function revokeRole(bytes32 role, address account) returns()
func (_GaiaTimelock *GaiaTimelockSession) RevokeRole(role [32]byte, account common.Address) (*types.Transaction, error) {
	return _GaiaTimelock.Contract.RevokeRole(&_GaiaTimelock.TransactOpts, role, account)
}

// RevokeRole is a paid mutator transaction binding the contract method 0xd547741f.
//
// Solidity: function revokeRole(bytes32 role, address account) returns()
func (_GaiaTimelock *GaiaTimelockTransactorSession) RevokeRole(role [32]byte, account common.Address) (*types.Transaction, error) {
	return _GaiaTimelock.Contract.RevokeRole(&_GaiaTimelock.TransactOpts, role, account)
}

// Schedule is a paid mutator transaction binding the contract method 0x01d5062a.
//
// Solidity: function schedule(address target, uint256 value, bytes data, bytes32 predecessor, bytes32 salt, uint256 delay) returns()
func (_GaiaTimelock *GaiaTimelockTransactor) Schedule(opts *bind.TransactOpts, target common.Address, value *big.Int, data []byte, predecessor [32]byte, salt [32]byte, delay *big.Int) (*types.Transaction, error) {
	return _GaiaTimelock.contract.Transact(opts, "schedule", target, value, data, predecessor, salt, delay)
}

// Schedule is a paid mutator transaction binding the contract method 0x01d5062a.
//
// Solidity: function schedule(address target, uint256 value, bytes data, bytes32 predecessor, bytes32 salt, uint256 delay) returns()
func (_GaiaTimelock *GaiaTimelockSession) Schedule(target common.Address, value *big.Int, data []byte, predecessor [32]byte, salt [32]byte, delay *big.Int) (*types.Transaction, error) {
	return _GaiaTimelock.Contract.Schedule(&_GaiaTimelock.TransactOpts, target, value, data, predecessor, salt, delay)
}

// Schedule is a paid mutator transaction binding the contract method 0x01d5062a.
//
// Solidity: function schedule(address target, uint256 value, bytes data, bytes32 predecessor, bytes32 salt, uint256 delay) returns()
func (_GaiaTimelock *GaiaTimelockTransactorSession) Schedule(target common.Address, value *big.Int, data []byte, predecessor [32]byte, salt [32]byte, delay *big.Int) (*types.Transaction, error) {
	return _GaiaTimelock.Contract.Schedule(&_GaiaTimelock.TransactOpts, target, value, data, predecessor, salt, delay)
}

// ScheduleBatch is a paid mutator transaction binding the contract method 0x8f2a0bb0.
//
// Solidity: function scheduleBatch(address[] targets, uint256[] values, bytes[] payloads, bytes32 predecessor, bytes32 salt, uint256 delay) returns()
func (_GaiaTimelock *GaiaTimelockTransactor) ScheduleBatch(opts *bind.TransactOpts, targets []common.Address, values []*big.Int, payloads [][]byte, predecessor [32]byte, salt [32]byte, delay *big.Int) (*types.Transaction, error) {
	return _GaiaTimelock.contract.Transact(opts, "scheduleBatch", targets, values, payloads, predecessor, salt, delay)
}

// ScheduleBatch is a paid mutator transaction binding the contract method 0x8f2a0bb0.
//
// Solidity: function scheduleBatch(address[] targets, uint256[] values, bytes[] payloads, bytes32 predecessor, bytes32 salt, uint256 delay) returns()
func (_GaiaTimelock *GaiaTimelockSession) ScheduleBatch(targets []common.Address, values []*big.Int, payloads [][]byte, predecessor [32]byte, salt [32]byte, delay *big.Int) (*types.Transaction, error) {
	return _GaiaTimelock.Contract.ScheduleBatch(&_GaiaTimelock.TransactOpts, targets, values, payloads, predecessor, salt, delay)
}

// ScheduleBatch is a paid mutator transaction binding the contract method 0x8f2a0bb0.
//
// Solidity: function scheduleBatch(address[] targets, uint256[] values, bytes[] payloads, bytes32 predecessor, bytes32 salt, uint256 delay) returns()
func (_GaiaTimelock *GaiaTimelockTransactorSession) ScheduleBatch(targets []common.Address, values []*big.Int, payloads [][]byte, predecessor [32]byte, salt [32]byte, delay *big.Int) (*types.Transaction, error) {
	return _GaiaTimelock.Contract.ScheduleBatch(&_GaiaTimelock.TransactOpts, targets, values, payloads, predecessor, salt, delay)
}

// UpdateDelay is a paid mutator transaction binding the contract method 0x64d62353.
//
// Solidity: function updateDelay(uint256 newDelay) returns()
func (_GaiaTimelock *GaiaTimelockTransactor) UpdateDelay(opts *bind.TransactOpts, newDelay *big.Int) (*types.Transaction, error) {
	return _GaiaTimelock.contract.Transact(opts, "updateDelay", newDelay)
}

// UpdateDelay is a paid mutator transaction binding the contract method 0x64d62353.
//
// Solidity: function updateDelay(uint256 newDelay) returns()
func (_GaiaTimelock *GaiaTimelockSession) UpdateDelay(newDelay *big.Int) (*types.Transaction, error) {
	return _GaiaTimelock.Contract.UpdateDelay(&_GaiaTimelock.TransactOpts, newDelay)
}

// UpdateDelay is a paid mutator transaction binding the contract method 0x64d62353.
//
// Solidity: function updateDelay(uint256 newDelay) returns()
func (_GaiaTimelock *GaiaTimelockTransactorSession) UpdateDelay(newDelay *big.Int) (*types.Transaction, error) {
	return _GaiaTimelock.Contract.UpdateDelay(&_GaiaTimelock.TransactOpts, newDelay)
}

// Receive is a paid mutator transaction binding the contract receive function.
//
// Solidity: receive() payable returns()
func (_GaiaTimelock *GaiaTimelockTransactor) Receive(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _GaiaTimelock.contract.RawTransact(opts, nil) // calldata is disallowed for receive function
}

// Receive is a paid mutator transaction binding the contract receive function.
//
// Solidity: receive() payable returns()
func (_GaiaTimelock *GaiaTimelockSession) Receive() (*types.Transaction, error) {
	return _GaiaTimelock.Contract.Receive(&_GaiaTimelock.TransactOpts)
}

// Receive is a paid mutator transaction binding the contract receive function.
//
// Solidity: receive() payable returns()
func (_GaiaTimelock *GaiaTimelockTransactorSession) Receive() (*types.Transaction, error) {
	return _GaiaTimelock.Contract.Receive(&_GaiaTimelock.TransactOpts)
}

// GaiaTimelockCallExecutedIterator is returned from FilterCallExecuted and is used to iterate over the raw logs and unpacked data for CallExecuted events raised by the GaiaTimelock contract.
type GaiaTimelockCallExecutedIterator struct {
	Event *GaiaTimelockCallExecuted // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *GaiaTimelockCallExecutedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(GaiaTimelockCallExecuted)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(GaiaTimelockCallExecuted)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *GaiaTimelockCallExecutedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *GaiaTimelockCallExecutedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// GaiaTimelockCallExecuted represents a CallExecuted event raised by the GaiaTimelock contract.
type GaiaTimelockCallExecuted struct {
	Id     [32]byte
	Index  *big.Int
	Target common.Address
	Value  *big.Int
	Data   []byte
	Raw    types.Log // Blockchain specific contextual infos
}

// FilterCallExecuted is a free log retrieval operation binding the contract event 0xc2617efa69bab66782fa219543714338489c4e9e178271560a91b82c3f612b58.
//
// Solidity: event CallExecuted(bytes32 indexed id, uint256 indexed index, address target, uint256 value, bytes data)
func (_GaiaTimelock *GaiaTimelockFilterer) FilterCallExecuted(opts *bind.FilterOpts, id [][32]byte, index []*big.Int) (*GaiaTimelockCallExecutedIterator, error) {

	var idRule []interface{}
	for _, idItem := range id {
		idRule = append(idRule, idItem)
	}
	var indexRule []interface{}
	for _, indexItem := range index {
		indexRule = append(indexRule, indexItem)
	}

	logs, sub, err := _GaiaTimelock.contract.FilterLogs(opts, "CallExecuted", idRule, indexRule)
	if err != nil {
		return nil, err
	}
	return &GaiaTimelockCallExecutedIterator{contract: _GaiaTimelock.contract, event: "CallExecuted", logs: logs, sub: sub}, nil
}

// WatchCallExecuted is a free log subscription operation binding the contract event 0xc2617efa69bab66782fa219543714338489c4e9e178271560a91b82c3f612b58.
//
// Solidity: event CallExecuted(bytes32 indexed id, uint256 indexed index, address target, uint256 value, bytes data)
func (_GaiaTimelock *GaiaTimelockFilterer) WatchCallExecuted(opts *bind.WatchOpts, sink chan<- *GaiaTimelockCallExecuted, id [][32]byte, index []*big.Int) (event.Subscription, error) {

	var idRule []interface{}
	for _, idItem := range id {
		idRule = append(idRule, idItem)
	}
	var indexRule []interface{}
	for _, indexItem := range index {
		indexRule = append(indexRule, indexItem)
	}

	logs, sub, err := _GaiaTimelock.contract.WatchLogs(opts, "CallExecuted", idRule, indexRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(GaiaTimelockCallExecuted)
				if err := _GaiaTimelock.contract.UnpackLog(event, "CallExecuted", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseCallExecuted is a log parse operation binding the contract event 0xc2617efa69bab66782fa219543714338489c4e9e178271560a91b82c3f612b58.
//
// Solidity: event CallExecuted(bytes32 indexed id, uint256 indexed index, address target, uint256 value, bytes data)
func (_GaiaTimelock *GaiaTimelockFilterer) ParseCallExecuted(log types.Log) (*GaiaTimelockCallExecuted, error) {
	event := new(GaiaTimelockCallExecuted)
	if err := _GaiaTimelock.contract.UnpackLog(event, "CallExecuted", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// GaiaTimelockCallSaltIterator is returned from FilterCallSalt and is used to iterate over the raw logs and unpacked data for CallSalt events raised by the GaiaTimelock contract.
type GaiaTimelockCallSaltIterator struct {
	Event *GaiaTimelockCallSalt // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *GaiaTimelockCallSaltIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(GaiaTimelockCallSalt)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(GaiaTimelockCallSalt)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *GaiaTimelockCallSaltIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *GaiaTimelockCallSaltIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// GaiaTimelockCallSalt represents a CallSalt event raised by the GaiaTimelock contract.
type GaiaTimelockCallSalt struct {
	Id   [32]byte
	Salt [32]byte
	Raw  types.Log // Blockchain specific contextual infos
}

// FilterCallSalt is a free log retrieval operation binding the contract event 0x20fda5fd27a1ea7bf5b9567f143ac5470bb059374a27e8f67cb44f946f6d0387.
//
// Solidity: event CallSalt(bytes32 indexed id, bytes32 salt)
func (_GaiaTimelock *GaiaTimelockFilterer) FilterCallSalt(opts *bind.FilterOpts, id [][32]byte) (*GaiaTimelockCallSaltIterator, error) {

	var idRule []interface{}
	for _, idItem := range id {
		idRule = append(idRule, idItem)
	}

	logs, sub, err := _GaiaTimelock.contract.FilterLogs(opts, "CallSalt", idRule)
	if err != nil {
		return nil, err
	}
	return &GaiaTimelockCallSaltIterator{contract: _GaiaTimelock.contract, event: "CallSalt", logs: logs, sub: sub}, nil
}

// WatchCallSalt is a free log subscription operation binding the contract event 0x20fda5fd27a1ea7bf5b9567f143ac5470bb059374a27e8f67cb44f946f6d0387.
//
// Solidity: event CallSalt(bytes32 indexed id, bytes32 salt)
func (_GaiaTimelock *GaiaTimelockFilterer) WatchCallSalt(opts *bind.WatchOpts, sink chan<- *GaiaTimelockCallSalt, id [][32]byte) (event.Subscription, error) {

	var idRule []interface{}
	for _, idItem := range id {
		idRule = append(idRule, idItem)
	}

	logs, sub, err := _GaiaTimelock.contract.WatchLogs(opts, "CallSalt", idRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(GaiaTimelockCallSalt)
				if err := _GaiaTimelock.contract.UnpackLog(event, "CallSalt", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseCallSalt is a log parse operation binding the contract event 0x20fda5fd27a1ea7bf5b9567f143ac5470bb059374a27e8f67cb44f946f6d0387.
//
// Solidity: event CallSalt(bytes32 indexed id, bytes32 salt)
func (_GaiaTimelock *GaiaTimelockFilterer) ParseCallSalt(log types.Log) (*GaiaTimelockCallSalt, error) {
	event := new(GaiaTimelockCallSalt)
	if err := _GaiaTimelock.contract.UnpackLog(event, "CallSalt", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// GaiaTimelockCallScheduledIterator is returned from FilterCallScheduled and is used to iterate over the raw logs and unpacked data for CallScheduled events raised by the GaiaTimelock contract.
type GaiaTimelockCallScheduledIterator struct {
	Event *GaiaTimelockCallScheduled // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *GaiaTimelockCallScheduledIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(GaiaTimelockCallScheduled)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(GaiaTimelockCallScheduled)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *GaiaTimelockCallScheduledIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *GaiaTimelockCallScheduledIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// GaiaTimelockCallScheduled represents a CallScheduled event raised by the GaiaTimelock contract.
type GaiaTimelockCallScheduled struct {
	Id          [32]byte
	Index       *big.Int
	Target      common.Address
	Value       *big.Int
	Data        []byte
	Predecessor [32]byte
	Delay       *big.Int
	Raw         types.Log // Blockchain specific contextual infos
}

// FilterCallScheduled is a free log retrieval operation binding the contract event 0x4cf4410cc57040e44862ef0f45f3dd5a5e02db8eb8add648d4b0e236f1d07dca.
//
// Solidity: event CallScheduled(bytes32 indexed id, uint256 indexed index, address target, uint256 value, bytes data, bytes32 predecessor, uint256 delay)
func (_GaiaTimelock *GaiaTimelockFilterer) FilterCallScheduled(opts *bind.FilterOpts, id [][32]byte, index []*big.Int) (*GaiaTimelockCallScheduledIterator, error) {

	var idRule []interface{}
	for _, idItem := range id {
		idRule = append(idRule, idItem)
	}
	var indexRule []interface{}
	for _, indexItem := range index {
		indexRule = append(indexRule, indexItem)
	}

	logs, sub, err := _GaiaTimelock.contract.FilterLogs(opts, "CallScheduled", idRule, indexRule)
	if err != nil {
		return nil, err
	}
	return &GaiaTimelockCallScheduledIterator{contract: _GaiaTimelock.contract, event: "CallScheduled", logs: logs, sub: sub}, nil
}

// WatchCallScheduled is a free log subscription operation binding the contract event 0x4cf4410cc57040e44862ef0f45f3dd5a5e02db8eb8add648d4b0e236f1d07dca.
//
// Solidity: event CallScheduled(bytes32 indexed id, uint256 indexed index, address target, uint256 value, bytes data, bytes32 predecessor, uint256 delay)
func (_GaiaTimelock *GaiaTimelockFilterer) WatchCallScheduled(opts *bind.WatchOpts, sink chan<- *GaiaTimelockCallScheduled, id [][32]byte, index []*big.Int) (event.Subscription, error) {

	var idRule []interface{}
	for _, idItem := range id {
		idRule = append(idRule, idItem)
	}
	var indexRule []interface{}
	for _, indexItem := range index {
		indexRule = append(indexRule, indexItem)
	}

	logs, sub, err := _GaiaTimelock.contract.WatchLogs(opts, "CallScheduled", idRule, indexRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(GaiaTimelockCallScheduled)
				if err := _GaiaTimelock.contract.UnpackLog(event, "CallScheduled", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseCallScheduled is a log parse operation binding the contract event 0x4cf4410cc57040e44862ef0f45f3dd5a5e02db8eb8add648d4b0e236f1d07dca.
//
// Solidity: event CallScheduled(bytes32 indexed id, uint256 indexed index, address target, uint256 value, bytes data, bytes32 predecessor, uint256 delay)
func (_GaiaTimelock *GaiaTimelockFilterer) ParseCallScheduled(log types.Log) (*GaiaTimelockCallScheduled, error) {
	event := new(GaiaTimelockCallScheduled)
	if err := _GaiaTimelock.contract.UnpackLog(event, "CallScheduled", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// GaiaTimelockCancelledIterator is returned from FilterCancelled and is used to iterate over the raw logs and unpacked data for Cancelled events raised by the GaiaTimelock contract.
type GaiaTimelockCancelledIterator struct {
	Event *GaiaTimelockCancelled // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *GaiaTimelockCancelledIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(GaiaTimelockCancelled)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(GaiaTimelockCancelled)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *GaiaTimelockCancelledIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *GaiaTimelockCancelledIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// GaiaTimelockCancelled represents a Cancelled event raised by the GaiaTimelock contract.
type GaiaTimelockCancelled struct {
	Id  [32]byte
	Raw types.Log // Blockchain specific contextual infos
}

// FilterCancelled is a free log retrieval operation binding the contract event 0xbaa1eb22f2a492ba1a5fea61b8df4d27c6c8b5f3971e63bb58fa14ff72eedb70.
//
// Solidity: event Cancelled(bytes32 indexed id)
func (_GaiaTimelock *GaiaTimelockFilterer) FilterCancelled(opts *bind.FilterOpts, id [][32]byte) (*GaiaTimelockCancelledIterator, error) {

	var idRule []interface{}
	for _, idItem := range id {
		idRule = append(idRule, idItem)
	}

	logs, sub, err := _GaiaTimelock.contract.FilterLogs(opts, "Cancelled", idRule)
	if err != nil {
		return nil, err
	}
	return &GaiaTimelockCancelledIterator{contract: _GaiaTimelock.contract, event: "Cancelled", logs: logs, sub: sub}, nil
}

// WatchCancelled is a free log subscription operation binding the contract event 0xbaa1eb22f2a492ba1a5fea61b8df4d27c6c8b5f3971e63bb58fa14ff72eedb70.
//
// Solidity: event Cancelled(bytes32 indexed id)
func (_GaiaTimelock *GaiaTimelockFilterer) WatchCancelled(opts *bind.WatchOpts, sink chan<- *GaiaTimelockCancelled, id [][32]byte) (event.Subscription, error) {

	var idRule []interface{}
	for _, idItem := range id {
		idRule = append(idRule, idItem)
	}

	logs, sub, err := _GaiaTimelock.contract.WatchLogs(opts, "Cancelled", idRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(GaiaTimelockCancelled)
				if err := _GaiaTimelock.contract.UnpackLog(event, "Cancelled", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseCancelled is a log parse operation binding the contract event 0xbaa1eb22f2a492ba1a5fea61b8df4d27c6c8b5f3971e63bb58fa14ff72eedb70.
//
// Solidity: event Cancelled(bytes32 indexed id)
func (_GaiaTimelock *GaiaTimelockFilterer) ParseCancelled(log types.Log) (*GaiaTimelockCancelled, error) {
	event := new(GaiaTimelockCancelled)
	if err := _GaiaTimelock.contract.UnpackLog(event, "Cancelled", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// GaiaTimelockMinDelayChangeIterator is returned from FilterMinDelayChange and is used to iterate over the raw logs and unpacked data for MinDelayChange events raised by the GaiaTimelock contract.
type GaiaTimelockMinDelayChangeIterator struct {
	Event *GaiaTimelockMinDelayChange // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *GaiaTimelockMinDelayChangeIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(GaiaTimelockMinDelayChange)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(GaiaTimelockMinDelayChange)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *GaiaTimelockMinDelayChangeIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *GaiaTimelockMinDelayChangeIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// GaiaTimelockMinDelayChange represents a MinDelayChange event raised by the GaiaTimelock contract.
type GaiaTimelockMinDelayChange struct {
	OldDuration *big.Int
	NewDuration *big.Int
	Raw         types.Log // Blockchain specific contextual infos
}

// FilterMinDelayChange is a free log retrieval operation binding the contract event 0x11c24f4ead16507c69ac467fbd5e4eed5fb5c699626d2cc6d66421df253886d5.
//
// Solidity: event MinDelayChange(uint256 oldDuration, uint256 newDuration)
func (_GaiaTimelock *GaiaTimelockFilterer) FilterMinDelayChange(opts *bind.FilterOpts) (*GaiaTimelockMinDelayChangeIterator, error) {

	logs, sub, err := _GaiaTimelock.contract.FilterLogs(opts, "MinDelayChange")
	if err != nil {
		return nil, err
	}
	return &GaiaTimelockMinDelayChangeIterator{contract: _GaiaTimelock.contract, event: "MinDelayChange", logs: logs, sub: sub}, nil
}

// WatchMinDelayChange is a free log subscription operation binding the contract event 0x11c24f4ead16507c69ac467fbd5e4eed5fb5c699626d2cc6d66421df253886d5.
//
// Solidity: event MinDelayChange(uint256 oldDuration, uint256 newDuration)
func (_GaiaTimelock *GaiaTimelockFilterer) WatchMinDelayChange(opts *bind.WatchOpts, sink chan<- *GaiaTimelockMinDelayChange) (event.Subscription, error) {

	logs, sub, err := _GaiaTimelock.contract.WatchLogs(opts, "MinDelayChange")
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(GaiaTimelockMinDelayChange)
				if err := _GaiaTimelock.contract.UnpackLog(event, "MinDelayChange", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseMinDelayChange is a log parse operation binding the contract event 0x11c24f4ead16507c69ac467fbd5e4eed5fb5c699626d2cc6d66421df253886d5.
//
// Solidity: event MinDelayChange(uint256 oldDuration, uint256 newDuration)
func (_GaiaTimelock *GaiaTimelockFilterer) ParseMinDelayChange(log types.Log) (*GaiaTimelockMinDelayChange, error) {
	event := new(GaiaTimelockMinDelayChange)
	if err := _GaiaTimelock.contract.UnpackLog(event, "MinDelayChange", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// GaiaTimelockRoleAdminChangedIterator is returned from FilterRoleAdminChanged and is used to iterate over the raw logs and unpacked data for RoleAdminChanged events raised by the GaiaTimelock contract.
type GaiaTimelockRoleAdminChangedIterator struct {
	Event *GaiaTimelockRoleAdminChanged // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *GaiaTimelockRoleAdminChangedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(GaiaTimelockRoleAdminChanged)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(GaiaTimelockRoleAdminChanged)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *GaiaTimelockRoleAdminChangedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *GaiaTimelockRoleAdminChangedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// GaiaTimelockRoleAdminChanged represents a RoleAdminChanged event raised by the GaiaTimelock contract.
type GaiaTimelockRoleAdminChanged struct {
	Role              [32]byte
	PreviousAdminRole [32]byte
	NewAdminRole      [32]byte
	Raw               types.Log // Blockchain specific contextual infos
}

// FilterRoleAdminChanged is a free log retrieval operation binding the contract event 0xbd79b86ffe0ab8e8776151514217cd7cacd52c909f66475c3af44e129f0b00ff.
//
// Solidity: event RoleAdminChanged(bytes32 indexed role, bytes32 indexed previousAdminRole, bytes32 indexed newAdminRole)
func (_GaiaTimelock *GaiaTimelockFilterer) FilterRoleAdminChanged(opts *bind.FilterOpts, role [][32]byte, previousAdminRole [][32]byte, newAdminRole [][32]byte) (*GaiaTimelockRoleAdminChangedIterator, error) {

	var roleRule []interface{}
	for _, roleItem := range role {
		roleRule = append(roleRule, roleItem)
	}
	var previousAdminRoleRule []interface{}
	for _, previousAdminRoleItem := range previousAdminRole {
		previousAdminRoleRule = append(previousAdminRoleRule, previousAdminRoleItem)
	}
	var newAdminRoleRule []interface{}
	for _, newAdminRoleItem := range newAdminRole {
		newAdminRoleRule = append(newAdminRoleRule, newAdminRoleItem)
	}

	logs, sub, err := _GaiaTimelock.contract.FilterLogs(opts, "RoleAdminChanged", roleRule, previousAdminRoleRule, newAdminRoleRule)
	if err != nil {
		return nil, err
	}
	return &GaiaTimelockRoleAdminChangedIterator{contract: _GaiaTimelock.contract, event: "RoleAdminChanged", logs: logs, sub: sub}, nil
}

// WatchRoleAdminChanged is a free log subscription operation binding the contract event 0xbd79b86ffe0ab8e8776151514217cd7cacd52c909f66475c3af44e129f0b00ff.
//
// Solidity: event RoleAdminChanged(bytes32 indexed role, bytes32 indexed previousAdminRole, bytes32 indexed newAdminRole)
func (_GaiaTimelock *GaiaTimelockFilterer) WatchRoleAdminChanged(opts *bind.WatchOpts, sink chan<- *GaiaTimelockRoleAdminChanged, role [][32]byte, previousAdminRole [][32]byte, newAdminRole [][32]byte) (event.Subscription, error) {

	var roleRule []interface{}
	for _, roleItem := range role {
		roleRule = append(roleRule, roleItem)
	}
	var previousAdminRoleRule []interface{}
	for _, previousAdminRoleItem := range previousAdminRole {
		previousAdminRoleRule = append(previousAdminRoleRule, previousAdminRoleItem)
	}
	var newAdminRoleRule []interface{}
	for _, newAdminRoleItem := range newAdminRole {
		newAdminRoleRule = append(newAdminRoleRule, newAdminRoleItem)
	}

	logs, sub, err := _GaiaTimelock.contract.WatchLogs(opts, "RoleAdminChanged", roleRule, previousAdminRoleRule, newAdminRoleRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(GaiaTimelockRoleAdminChanged)
				if err := _GaiaTimelock.contract.UnpackLog(event, "RoleAdminChanged", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseRoleAdminChanged is a log parse operation binding the contract event 0xbd79b86ffe0ab8e8776151514217cd7cacd52c909f66475c3af44e129f0b00ff.
//
// Solidity: event RoleAdminChanged(bytes32 indexed role, bytes32 indexed previousAdminRole, bytes32 indexed newAdminRole)
func (_GaiaTimelock *GaiaTimelockFilterer) ParseRoleAdminChanged(log types.Log) (*GaiaTimelockRoleAdminChanged, error) {
	event := new(GaiaTimelockRoleAdminChanged)
	if err := _GaiaTimelock.contract.UnpackLog(event, "RoleAdminChanged", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// GaiaTimelockRoleGrantedIterator is returned from FilterRoleGranted and is used to iterate over the raw logs and unpacked data for RoleGranted events raised by the GaiaTimelock contract.
type GaiaTimelockRoleGrantedIterator struct {
	Event *GaiaTimelockRoleGranted // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *GaiaTimelockRoleGrantedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(GaiaTimelockRoleGranted)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(GaiaTimelockRoleGranted)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *GaiaTimelockRoleGrantedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *GaiaTimelockRoleGrantedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// GaiaTimelockRoleGranted represents a RoleGranted event raised by the GaiaTimelock contract.
type GaiaTimelockRoleGranted struct {
	Role    [32]byte
	Account common.Address
	Sender  common.Address
	Raw     types.Log // Blockchain specific contextual infos
}

// FilterRoleGranted is a free log retrieval operation binding the contract event 0x2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d.
//
// Solidity: event RoleGranted(bytes32 indexed role, address indexed account, address indexed sender)
func (_GaiaTimelock *GaiaTimelockFilterer) FilterRoleGranted(opts *bind.FilterOpts, role [][32]byte, account []common.Address, sender []common.Address) (*GaiaTimelockRoleGrantedIterator, error) {

	var roleRule []interface{}
	for _, roleItem := range role {
		roleRule = append(roleRule, roleItem)
	}
	var accountRule []interface{}
	for _, accountItem := range account {
		accountRule = append(accountRule, accountItem)
	}
	var senderRule []interface{}
	for _, senderItem := range sender {
		senderRule = append(senderRule, senderItem)
	}

	logs, sub, err := _GaiaTimelock.contract.FilterLogs(opts, "RoleGranted", roleRule, accountRule, senderRule)
	if err != nil {
		return nil, err
	}
	return &GaiaTimelockRoleGrantedIterator{contract: _GaiaTimelock.contract, event: "RoleGranted", logs: logs, sub: sub}, nil
}

// WatchRoleGranted is a free log subscription operation binding the contract event 0x2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d.
//
// Solidity: event RoleGranted(bytes32 indexed role, address indexed account, address indexed sender)
func (_GaiaTimelock *GaiaTimelockFilterer) WatchRoleGranted(opts *bind.WatchOpts, sink chan<- *GaiaTimelockRoleGranted, role [][32]byte, account []common.Address, sender []common.Address) (event.Subscription, error) {

	var roleRule []interface{}
	for _, roleItem := range role {
		roleRule = append(roleRule, roleItem)
	}
	var accountRule []interface{}
	for _, accountItem := range account {
		accountRule = append(accountRule, accountItem)
	}
	var senderRule []interface{}
	for _, senderItem := range sender {
		senderRule = append(senderRule, senderItem)
	}

	logs, sub, err := _GaiaTimelock.contract.WatchLogs(opts, "RoleGranted", roleRule, accountRule, senderRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(GaiaTimelockRoleGranted)
				if err := _GaiaTimelock.contract.UnpackLog(event, "RoleGranted", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseRoleGranted is a log parse operation binding the contract event 0x2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d.
//
// Solidity: event RoleGranted(bytes32 indexed role, address indexed account, address indexed sender)
func (_GaiaTimelock *GaiaTimelockFilterer) ParseRoleGranted(log types.Log) (*GaiaTimelockRoleGranted, error) {
	event := new(GaiaTimelockRoleGranted)
	if err := _GaiaTimelock.contract.UnpackLog(event, "RoleGranted", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// GaiaTimelockRoleRevokedIterator is returned from FilterRoleRevoked and is used to iterate over the raw logs and unpacked data for RoleRevoked events raised by the GaiaTimelock contract.
type GaiaTimelockRoleRevokedIterator struct {
	Event *GaiaTimelockRoleRevoked // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *GaiaTimelockRoleRevokedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(GaiaTimelockRoleRevoked)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(GaiaTimelockRoleRevoked)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *GaiaTimelockRoleRevokedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *GaiaTimelockRoleRevokedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// GaiaTimelockRoleRevoked represents a RoleRevoked event raised by the GaiaTimelock contract.
type GaiaTimelockRoleRevoked struct {
	Role    [32]byte
	Account common.Address
	Sender  common.Address
	Raw     types.Log // Blockchain specific contextual infos
}

// FilterRoleRevoked is a free log retrieval operation binding the contract event 0xf6391f5c32d9c69d2a47ea670b442974b53935d1edc7fd64eb21e047a839171b.
//
// Solidity: event RoleRevoked(bytes32 indexed role, address indexed account, address indexed sender)
func (_GaiaTimelock *GaiaTimelockFilterer) FilterRoleRevoked(opts *bind.FilterOpts, role [][32]byte, account []common.Address, sender []common.Address) (*GaiaTimelockRoleRevokedIterator, error) {

	var roleRule []interface{}
	for _, roleItem := range role {
		roleRule = append(roleRule, roleItem)
	}
	var accountRule []interface{}
	for _, accountItem := range account {
		accountRule = append(accountRule, accountItem)
	}
	var senderRule []interface{}
	for _, senderItem := range sender {
		senderRule = append(senderRule, senderItem)
	}

	logs, sub, err := _GaiaTimelock.contract.FilterLogs(opts, "RoleRevoked", roleRule, accountRule, senderRule)
	if err != nil {
		return nil, err
	}
	return &GaiaTimelockRoleRevokedIterator{contract: _GaiaTimelock.contract, event: "RoleRevoked", logs: logs, sub: sub}, nil
}

// WatchRoleRevoked is a free log subscription operation binding the contract event 0xf6391f5c32d9c69d2a47ea670b442974b53935d1edc7fd64eb21e047a839171b.
//
// Solidity: event RoleRevoked(bytes32 indexed role, address indexed account, address indexed sender)
func (_GaiaTimelock *GaiaTimelockFilterer) WatchRoleRevoked(opts *bind.WatchOpts, sink chan<- *GaiaTimelockRoleRevoked, role [][32]byte, account []common.Address, sender []common.Address) (event.Subscription, error) {

	var roleRule []interface{}
	for _, roleItem := range role {
		roleRule = append(roleRule, roleItem)
	}
	var accountRule []interface{}
	for _, accountItem := range account {
		accountRule = append(accountRule, accountItem)
	}
	var senderRule []interface{}
	for _, senderItem := range sender {
		senderRule = append(senderRule, senderItem)
	}

	logs, sub, err := _GaiaTimelock.contract.WatchLogs(opts, "RoleRevoked", roleRule, accountRule, senderRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(GaiaTimelockRoleRevoked)
				if err := _GaiaTimelock.contract.UnpackLog(event, "RoleRevoked", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseRoleRevoked is a log parse operation binding the contract event 0xf6391f5c32d9c69d2a47ea670b442974b53935d1edc7fd64eb21e047a839171b.
//
// Solidity: event RoleRevoked(bytes32 indexed role, address indexed account, address indexed sender)
func (_GaiaTimelock *GaiaTimelockFilterer) ParseRoleRevoked(log types.Log) (*GaiaTimelockRoleRevoked, error) {
	event := new(GaiaTimelockRoleRevoked)
	if err := _GaiaTimelock.contract.UnpackLog(event, "RoleRevoked", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// GaiaTokenMetaData contains all meta data concerning the GaiaToken contract.
var GaiaTokenMetaData = &bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"holder\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"supply\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[],\"name\":\"CheckpointUnorderedInsertion\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ECDSAInvalidSignature\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"ECDSAInvalidSignatureLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"}],\"name\":\"ECDSAInvalidSignatureS\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"increasedSupply\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"cap\",\"type\":\"uint256\"}],\"name\":\"ERC20ExceededSafeSupply\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"allowance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"needed\",\"type\":\"uint256\"}],\"name\":\"ERC20InsufficientAllowance\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"needed\",\"type\":\"uint256\"}],\"name\":\"ERC20InsufficientBalance\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"approver\",\"type\":\"address\"}],\"name\":\"ERC20InvalidApprover\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"receiver\",\"type\":\"address\"}],\"name\":\"ERC20InvalidReceiver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"}],\"name\":\"ERC20InvalidSender\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"}],\"name\":\"ERC20InvalidSpender\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"deadline\",\"type\":\"uint256\"}],\"name\":\"ERC2612ExpiredSignature\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"signer\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"ERC2612InvalidSigner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"timepoint\",\"type\":\"uint256\"},{\"internalType\":\"uint48\",\"name\":\"clock\",\"type\":\"uint48\"}],\"name\":\"ERC5805FutureLookup\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ERC6372InconsistentClock\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"currentNonce\",\"type\":\"uint256\"}],\"name\":\"InvalidAccountNonce\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidShortString\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint8\",\"name\":\"bits\",\"type\":\"uint8\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"SafeCastOverflowedUintDowncast\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"str\",\"type\":\"string\"}],\"name\":\"StringTooLong\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"expiry\",\"type\":\"uint256\"}],\"name\":\"VotesExpiredSignature\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"Approval\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"delegator\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"fromDelegate\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"toDelegate\",\"type\":\"address\"}],\"name\":\"DelegateChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"delegate\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"previousVotes\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"newVotes\",\"type\":\"uint256\"}],\"name\":\"DelegateVotesChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[],\"name\":\"EIP712DomainChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"Transfer\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"CLOCK_MODE\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"DOMAIN_SEPARATOR\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"}],\"name\":\"allowance\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"approve\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"balanceOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint32\",\"name\":\"pos\",\"type\":\"uint32\"}],\"name\":\"checkpoints\",\"outputs\":[{\"components\":[{\"internalType\":\"uint48\",\"name\":\"_key\",\"type\":\"uint48\"},{\"internalType\":\"uint208\",\"name\":\"_value\",\"type\":\"uint208\"}],\"internalType\":\"structCheckpoints.Checkpoint208\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"clock\",\"outputs\":[{\"internalType\":\"uint48\",\"name\":\"\",\"type\":\"uint48\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"decimals\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"delegatee\",\"type\":\"address\"}],\"name\":\"delegate\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"delegatee\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"nonce\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"expiry\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"v\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"r\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"}],\"name\":\"delegateBySig\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"delegates\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"eip712Domain\",\"outputs\":[{\"internalType\":\"bytes1\",\"name\":\"fields\",\"type\":\"bytes1\"},{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"chainId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"verifyingContract\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"salt\",\"type\":\"bytes32\"},{\"internalType\":\"uint256[]\",\"name\":\"extensions\",\"type\":\"uint256[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"timepoint\",\"type\":\"uint256\"}],\"name\":\"getPastTotalSupply\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"timepoint\",\"type\":\"uint256\"}],\"name\":\"getPastVotes\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"getVotes\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"name\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"nonces\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"numCheckpoints\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"deadline\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"v\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"r\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"}],\"name\":\"permit\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"symbol\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"totalSupply\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"transfer\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"transferFrom\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	Sigs: map[string]string{
		"4bf5d7e9": "CLOCK_MODE()",
		"3644e515": "DOMAIN_SEPARATOR()",
		"dd62ed3e": "allowance(address,address)",
		"095ea7b3": "approve(address,uint256)",
		"70a08231": "balanceOf(address)",
		"f1127ed8": "checkpoints(address,uint32)",
		"91ddadf4": "clock()",
		"313ce567": "decimals()",
		"5c19a95c": "delegate(address)",
		"c3cda520": "delegateBySig(address,uint256,uint256,uint8,bytes32,bytes32)",
		"587cde1e": "delegates(address)",
		"84b0196e": "eip712Domain()",
		"8e539e8c": "getPastTotalSupply(uint256)",
		"3a46b1a8": "getPastVotes(address,uint256)",
		"9ab24eb0": "getVotes(address)",
		"06fdde03": "name()",
		"7ecebe00": "nonces(address)",
		"6fcfff45": "numCheckpoints(address)",
		"d505accf": "permit(address,address,uint256,uint256,uint8,bytes32,bytes32)",
		"95d89b41": "symbol()",
		"18160ddd": "totalSupply()",
		"a9059cbb": "transfer(address,uint256)",
		"23b872dd": "transferFrom(address,address,uint256)",
	},
	Bin: "0x610160604052348015610010575f5ffd5b5060405161269f38038061269f83398101604081905261002f91610801565b6040518060400160405280600781526020016611d85a5853995d60ca1b81525080604051806040016040528060018152602001603160f81b8152506040518060400160405280600781526020016611d85a5853995d60ca1b815250604051806040016040528060048152602001634741494160e01b81525081600390816100b691906108cf565b5060046100c382826108cf565b5050506100d58261018960201b60201c565b610120526100e281610189565b61014052815160208084019190912060e052815190820120610100524660a05261016e60e05161010051604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201529081019290925260608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b60805250503060c0525061018282826101cf565b5050610a59565b5f5f829050601f815111156101bc578260405163305a27a960e01b81526004016101b39190610989565b60405180910390fd5b80516101c7826109be565b179392505050565b6001600160a01b0382166101f85760405163ec442f0560e01b81525f60048201526024016101b3565b6102035f8383610207565b5050565b610212838383610217565b505050565b61022283838361027d565b6001600160a01b038316610272575f61023a60025490565b90506001600160d01b038082111561026f57604051630e58ae9360e11b815260048101839052602481018290526044016101b3565b50505b6102128383836103a3565b6001600160a01b0383166102a7578060025f82825461029c91906109f5565b909155506103179050565b6001600160a01b0383165f90815260208190526040902054818110156102f95760405163391434e360e21b81526001600160a01b038516600482015260248101829052604481018390526064016101b3565b6001600160a01b0384165f9081526020819052604090209082900390555b6001600160a01b03821661033357600280548290039055610351565b6001600160a01b0382165f9081526020819052604090208054820190555b816001600160a01b0316836001600160a01b03167fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef8360405161039691815260200190565b60405180910390a3505050565b6001600160a01b0383166103d1576103ce600a6107c161042b60201b176103c98461043f565b610476565b50505b6001600160a01b0382166103fa576103f7600a6107cc6104ab60201b176103c98461043f565b50505b6001600160a01b038381165f90815260086020526040808220548584168352912054610212929182169116836104b6565b5f6104368284610a08565b90505b92915050565b5f6001600160d01b03821115610472576040516306dfcc6560e41b815260d06004820152602481018390526044016101b3565b5090565b5f8061049e610483610606565b61049661048f88610614565b868860201c565b87919061065c565b915091505b935093915050565b5f6104368284610a27565b816001600160a01b0316836001600160a01b0316141580156104d757505f81115b15610212576001600160a01b0383161561056f576001600160a01b0383165f9081526009602090815260408220829161051d91906104ab901b6107cc176103c98661043f565b6001600160d01b031691506001600160d01b03169150846001600160a01b03165f51602061267f5f395f51905f528383604051610564929190918252602082015260400190565b60405180910390a250505b6001600160a01b03821615610212576001600160a01b0382165f908152600960209081526040822082916105b0919061042b901b6107c1176103c98661043f565b6001600160d01b031691506001600160d01b03169150836001600160a01b03165f51602061267f5f395f51905f5283836040516105f7929190918252602082015260400190565b60405180910390a25050505050565b5f61060f610669565b905090565b80545f9080156106535761063a8361062d600184610a46565b5f91825260209091200190565b54660100000000000090046001600160d01b0316610655565b5f5b9392505050565b5f8061049e858585610673565b5f61060f436107cf565b82545f9081908015610772575f61068f8761062d600185610a46565b805490915065ffffffffffff80821691660100000000000090046001600160d01b03169088168211156106d557604051632520601d60e01b815260040160405180910390fd5b8765ffffffffffff168265ffffffffffff160361071157825465ffffffffffff1666010000000000006001600160d01b03891602178355610764565b6040805180820190915265ffffffffffff808a1682526001600160d01b03808a1660208085019182528d54600181018f555f8f815291909120945191519092166601000000000000029216919091179101555b94508593506104a392505050565b50506040805180820190915265ffffffffffff80851682526001600160d01b0380851660208085019182528854600181018a555f8a81529182209551925190931666010000000000000291909316179201919091559050816104a3565b5f65ffffffffffff821115610472576040516306dfcc6560e41b815260306004820152602481018390526044016101b3565b5f5f60408385031215610812575f5ffd5b82516001600160a01b0381168114610828575f5ffd5b6020939093015192949293505050565b634e487b7160e01b5f52604160045260245ffd5b600181811c9082168061086057607f821691505b60208210810361087e57634e487b7160e01b5f52602260045260245ffd5b50919050565b601f82111561021257805f5260205f20601f840160051c810160208510156108a95750805b601f840160051c820191505b818110156108c8575f81556001016108b5565b5050505050565b81516001600160401b038111156108e8576108e8610838565b6108fc816108f6845461084c565b84610884565b6020601f82116001811461092e575f83156109175750848201515b5f19600385901b1c1916600184901b1784556108c8565b5f84815260208120601f198516915b8281101561095d578785015182556020948501946001909201910161093d565b508482101561097a57868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b8051602080830151919081101561087e575f1960209190910360031b1b16919050565b634e487b7160e01b5f52601160045260245ffd5b80820180821115610439576104396109e1565b6001600160d01b038181168382160190811115610439576104396109e1565b6001600160d01b038281168282160390811115610439576104396109e1565b81810381811115610439576104396109e1565b60805160a05160c05160e051610100516101205161014051611bd5610aaa5f395f610be001525f610bb501525f61099b01525f61097301525f6108ce01525f6108f801525f6109220152611bd55ff3fe608060405234801561000f575f5ffd5b5060043610610148575f3560e01c806370a08231116100bf5780639ab24eb0116100795780639ab24eb0146102f4578063a9059cbb14610307578063c3cda5201461031a578063d505accf1461032d578063dd62ed3e14610340578063f1127ed814610378575f5ffd5b806370a08231146102645780637ecebe001461028c57806384b0196e1461029f5780638e539e8c146102ba57806391ddadf4146102cd57806395d89b41146102ec575f5ffd5b80633644e515116101105780633644e515146101c15780633a46b1a8146101c95780634bf5d7e9146101dc578063587cde1e146101e45780635c19a95c146102275780636fcfff451461023c575f5ffd5b806306fdde031461014c578063095ea7b31461016a57806318160ddd1461018d57806323b872dd1461019f578063313ce567146101b2575b5f5ffd5b6101546103b7565b604051610161919061184f565b60405180910390f35b61017d61017836600461187c565b610447565b6040519015158152602001610161565b6002545b604051908152602001610161565b61017d6101ad3660046118a4565b610460565b60405160128152602001610161565b610191610483565b6101916101d736600461187c565b610491565b6101546104cb565b61020f6101f23660046118de565b6001600160a01b039081165f908152600860205260409020541690565b6040516001600160a01b039091168152602001610161565b61023a6102353660046118de565b6104d8565b005b61024f61024a3660046118de565b6104e7565b60405163ffffffff9091168152602001610161565b6101916102723660046118de565b6001600160a01b03165f9081526020819052604090205490565b61019161029a3660046118de565b6104f1565b6102a76104fb565b60405161016197969594939291906118f7565b6101916102c836600461198d565b61053d565b6102d5610561565b60405165ffffffffffff9091168152602001610161565b61015461056a565b6101916103023660046118de565b610579565b61017d61031536600461187c565b610599565b61023a6103283660046119b4565b6105a6565b61023a61033b366004611a08565b610667565b61019161034e366004611a6e565b6001600160a01b039182165f90815260016020908152604080832093909416825291909152205490565b61038b610386366004611a9f565b61079d565b60408051825165ffffffffffff1681526020928301516001600160d01b03169281019290925201610161565b6060600380546103c690611adc565b80601f01602080910402602001604051908101604052809291908181526020018280546103f290611adc565b801561043d5780601f106104145761010080835404028352916020019161043d565b820191905f5260205f20905b81548152906001019060200180831161042057829003601f168201915b5050505050905090565b5f336104548185856107d7565b60019150505b92915050565b5f3361046d8582856107e9565b610478858585610865565b506001949350505050565b5f61048c6108c2565b905090565b5f6104bb61049e836109eb565b6001600160a01b0385165f90815260096020526040902090610a39565b6001600160d01b03169392505050565b606061048c610561610ae9565b336104e38183610aff565b5050565b5f61045a82610b70565b5f61045a82610b91565b5f6060805f5f5f606061050c610bae565b610514610bd9565b604080515f80825260208201909252600f60f81b9b939a50919850469750309650945092509050565b5f61055261054a836109eb565b600a90610a39565b6001600160d01b031692915050565b5f61048c610c04565b6060600480546103c690611adc565b6001600160a01b0381165f90815260096020526040812061055290610c0e565b5f33610454818585610865565b834211156105cf57604051632341d78760e11b8152600481018590526024015b60405180910390fd5b604080517fe48329057bfd03d55e49b547132e39cffd9c1820ad7b9d4c5307691425d15adf60208201526001600160a01b0388169181019190915260608101869052608081018590525f90610648906106409060a00160405160208183030381529060405280519060200120610c45565b858585610c71565b90506106548187610c9d565b61065e8188610aff565b50505050505050565b8342111561068b5760405163313c898160e11b8152600481018590526024016105c6565b5f7f6e71edae12b1b97f4d1f60370fef10105fa2faae0126114a169c64845d6126c98888886106d68c6001600160a01b03165f90815260076020526040902080546001810190915590565b6040805160208101969096526001600160a01b0394851690860152929091166060840152608083015260a082015260c0810186905260e0016040516020818303038152906040528051906020012090505f61073082610c45565b90505f61073f82878787610c71565b9050896001600160a01b0316816001600160a01b031614610786576040516325c0072360e11b81526001600160a01b0380831660048301528b1660248201526044016105c6565b6107918a8a8a6107d7565b50505050505050505050565b604080518082019091525f80825260208201526107ba8383610cef565b9392505050565b5f6107ba8284611b28565b5f6107ba8284611b47565b6107e48383836001610d23565b505050565b6001600160a01b038381165f908152600160209081526040808320938616835292905220545f1981101561085f578181101561085157604051637dc7a0d960e11b81526001600160a01b038416600482015260248101829052604481018390526064016105c6565b61085f84848484035f610d23565b50505050565b6001600160a01b03831661088e57604051634b637e8f60e11b81525f60048201526024016105c6565b6001600160a01b0382166108b75760405163ec442f0560e01b81525f60048201526024016105c6565b6107e4838383610df5565b5f306001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001614801561091a57507f000000000000000000000000000000000000000000000000000000000000000046145b1561094457507f000000000000000000000000000000000000000000000000000000000000000090565b61048c604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201527f0000000000000000000000000000000000000000000000000000000000000000918101919091527f000000000000000000000000000000000000000000000000000000000000000060608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b5f5f6109f5610561565b90508065ffffffffffff168310610a3057604051637669fc0f60e11b81526004810184905265ffffffffffff821660248201526044016105c6565b6107ba83610e00565b81545f9081816005811115610a95575f610a5284610e36565b610a5c9085611b66565b5f8881526020902090915081015465ffffffffffff9081169087161015610a8557809150610a93565b610a90816001611b79565b92505b505b5f610aa287878585610f8e565b90508015610adc57610ac687610ab9600184611b66565b5f91825260209091200190565b54600160301b90046001600160d01b0316610ade565b5f5b979650505050505050565b606061045a610afa8363ffffffff16565b610fe4565b6001600160a01b038281165f8181526008602052604080822080548686166001600160a01b0319821681179092559151919094169392849290917f3134e8a2e6d97e929a7e54011ea5485d7d196dd5f0ba4d4ef95803e8e3fc257f9190a46107e48183610b6b86611056565b611073565b6001600160a01b0381165f9081526009602052604081205461045a906111dc565b6001600160a01b0381165f9081526007602052604081205461045a565b606061048c7f000000000000000000000000000000000000000000000000000000000000000061120c565b606061048c7f000000000000000000000000000000000000000000000000000000000000000061120c565b5f61048c43610e00565b80545f908015610c3d57610c2783610ab9600184611b66565b54600160301b90046001600160d01b03166107ba565b5f9392505050565b5f61045a610c516108c2565b8360405161190160f01b8152600281019290925260228201526042902090565b5f5f5f5f610c8188888888611249565b925092509250610c918282611311565b50909695505050505050565b6001600160a01b0382165f9081526007602052604090208054600181019091558181146107e4576040516301d4b62360e61b81526001600160a01b0384166004820152602481018290526044016105c6565b604080518082019091525f80825260208201526001600160a01b0383165f9081526009602052604090206107ba90836113c9565b6001600160a01b038416610d4c5760405163e602df0560e01b81525f60048201526024016105c6565b6001600160a01b038316610d7557604051634a1406b160e11b81525f60048201526024016105c6565b6001600160a01b038085165f908152600160209081526040808320938716835292905220829055801561085f57826001600160a01b0316846001600160a01b03167f8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b92584604051610de791815260200190565b60405180910390a350505050565b6107e4838383611436565b5f65ffffffffffff821115610e32576040516306dfcc6560e41b815260306004820152602481018390526044016105c6565b5090565b5f60018211610e43575090565b816001600160801b8210610e5c5760809190911c9060401b5b680100000000000000008210610e775760409190911c9060201b5b6401000000008210610e8e5760209190911c9060101b5b620100008210610ea35760109190911c9060081b5b6101008210610eb75760089190911c9060041b5b60108210610eca5760049190911c9060021b5b60048210610ed65760011b5b600302600190811c90818581610eee57610eee611b8c565b048201901c90506001818581610f0657610f06611b8c565b048201901c90506001818581610f1e57610f1e611b8c565b048201901c90506001818581610f3657610f36611b8c565b048201901c90506001818581610f4e57610f4e611b8c565b048201901c90506001818581610f6657610f66611b8c565b048201901c9050610f85818581610f7f57610f7f611b8c565b04821190565b90039392505050565b5f5b81831015610fdc575f85815260209020838316600285851804019081015465ffffffffffff86811691161115610fc857809250610fd6565b610fd3816001611b79565b93505b50610f90565b509392505050565b6060610fee610c04565b65ffffffffffff168265ffffffffffff161461101d576040516301bfc1c560e61b815260040160405180910390fd5b505060408051808201909152601d81527f6d6f64653d626c6f636b6e756d6265722666726f6d3d64656661756c74000000602082015290565b6001600160a01b0381165f9081526020819052604081205461045a565b816001600160a01b0316836001600160a01b03161415801561109457505f81115b156107e4576001600160a01b0383161561113b576001600160a01b0383165f90815260096020526040812081906110d6906107cc6110d18661149c565b6114cf565b6001600160d01b031691506001600160d01b03169150846001600160a01b03167fdec2bacdd2f05b59de34da9b523dff8be42e5e38e818c82fdb0bae774387a7248383604051611130929190918252602082015260400190565b60405180910390a250505b6001600160a01b038216156107e4576001600160a01b0382165f9081526009602052604081208190611173906107c16110d18661149c565b6001600160d01b031691506001600160d01b03169150836001600160a01b03167fdec2bacdd2f05b59de34da9b523dff8be42e5e38e818c82fdb0bae774387a72483836040516111cd929190918252602082015260400190565b60405180910390a25050505050565b5f63ffffffff821115610e32576040516306dfcc6560e41b815260206004820152602481018390526044016105c6565b60605f61121883611507565b6040805160208082528183019092529192505f91906020820181803683375050509182525060208101929092525090565b5f80807f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a084111561128257505f91506003905082611307565b604080515f808252602082018084528a905260ff891692820192909252606081018790526080810186905260019060a0016020604051602081039080840390855afa1580156112d3573d5f5f3e3d5ffd5b5050604051601f1901519150506001600160a01b0381166112fe57505f925060019150829050611307565b92505f91508190505b9450945094915050565b5f82600381111561132457611324611ba0565b0361132d575050565b600182600381111561134157611341611ba0565b0361135f5760405163f645eedf60e01b815260040160405180910390fd5b600282600381111561137357611373611ba0565b036113945760405163fce698f760e01b8152600481018290526024016105c6565b60038260038111156113a8576113a8611ba0565b036104e3576040516335e2f38360e21b8152600481018290526024016105c6565b604080518082019091525f8082526020820152825f018263ffffffff16815481106113f6576113f6611bb4565b5f9182526020918290206040805180820190915291015465ffffffffffff81168252600160301b90046001600160d01b0316918101919091529392505050565b61144183838361152e565b6001600160a01b038316611491575f61145960025490565b90506001600160d01b038082111561148e57604051630e58ae9360e11b815260048101839052602481018290526044016105c6565b50505b6107e4838383611654565b5f6001600160d01b03821115610e32576040516306dfcc6560e41b815260d06004820152602481018390526044016105c6565b5f5f6114fa6114dc610561565b6114f26114e888610c0e565b868863ffffffff16565b8791906116c9565b915091505b935093915050565b5f60ff8216601f81111561045a57604051632cd44ac360e21b815260040160405180910390fd5b6001600160a01b038316611558578060025f82825461154d9190611b79565b909155506115c89050565b6001600160a01b0383165f90815260208190526040902054818110156115aa5760405163391434e360e21b81526001600160a01b038516600482015260248101829052604481018390526064016105c6565b6001600160a01b0384165f9081526020819052604090209082900390555b6001600160a01b0382166115e457600280548290039055611602565b6001600160a01b0382165f9081526020819052604090208054820190555b816001600160a01b0316836001600160a01b03167fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef8360405161164791815260200190565b60405180910390a3505050565b6001600160a01b03831661167657611673600a6107c16110d18461149c565b50505b6001600160a01b03821661169857611695600a6107cc6110d18461149c565b50505b6001600160a01b038381165f908152600860205260408082205485841683529120546107e492918216911683611073565b5f806114fa85858582545f90819080156117c7575f6116ed87610ab9600185611b66565b805490915065ffffffffffff80821691600160301b90046001600160d01b031690881682111561173057604051632520601d60e01b815260040160405180910390fd5b8765ffffffffffff168265ffffffffffff160361176957825465ffffffffffff16600160301b6001600160d01b038916021783556117b9565b6040805180820190915265ffffffffffff808a1682526001600160d01b03808a1660208085019182528d54600181018f555f8f81529190912094519151909216600160301b029216919091179101555b94508593506114ff92505050565b50506040805180820190915265ffffffffffff80851682526001600160d01b0380851660208085019182528854600181018a555f8a815291822095519251909316600160301b0291909316179201919091559050816114ff565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b602081525f6107ba6020830184611821565b80356001600160a01b0381168114611877575f5ffd5b919050565b5f5f6040838503121561188d575f5ffd5b61189683611861565b946020939093013593505050565b5f5f5f606084860312156118b6575f5ffd5b6118bf84611861565b92506118cd60208501611861565b929592945050506040919091013590565b5f602082840312156118ee575f5ffd5b6107ba82611861565b60ff60f81b8816815260e060208201525f61191560e0830189611821565b82810360408401526119278189611821565b606084018890526001600160a01b038716608085015260a0840186905283810360c0850152845180825260208087019350909101905f5b8181101561197c57835183526020938401939092019160010161195e565b50909b9a5050505050505050505050565b5f6020828403121561199d575f5ffd5b5035919050565b803560ff81168114611877575f5ffd5b5f5f5f5f5f5f60c087890312156119c9575f5ffd5b6119d287611861565b955060208701359450604087013593506119ee606088016119a4565b9598949750929560808101359460a0909101359350915050565b5f5f5f5f5f5f5f60e0888a031215611a1e575f5ffd5b611a2788611861565b9650611a3560208901611861565b95506040880135945060608801359350611a51608089016119a4565b9699959850939692959460a0840135945060c09093013592915050565b5f5f60408385031215611a7f575f5ffd5b611a8883611861565b9150611a9660208401611861565b90509250929050565b5f5f60408385031215611ab0575f5ffd5b611ab983611861565b9150602083013563ffffffff81168114611ad1575f5ffd5b809150509250929050565b600181811c90821680611af057607f821691505b602082108103611b0e57634e487b7160e01b5f52602260045260245ffd5b50919050565b634e487b7160e01b5f52601160045260245ffd5b6001600160d01b03818116838216019081111561045a5761045a611b14565b6001600160d01b03828116828216039081111561045a5761045a611b14565b8181038181111561045a5761045a611b14565b8082018082111561045a5761045a611b14565b634e487b7160e01b5f52601260045260245ffd5b634e487b7160e01b5f52602160045260245ffd5b634e487b7160e01b5f52603260045260245ffdfea164736f6c634300081e000adec2bacdd2f05b59de34da9b523dff8be42e5e38e818c82fdb0bae774387a724",
}

// GaiaTokenABI is the input ABI used to generate the binding from.
// Deprecated: Use GaiaTokenMetaData.ABI instead.
var GaiaTokenABI = GaiaTokenMetaData.ABI

// Deprecated: Use GaiaTokenMetaData.Sigs instead.
// GaiaTokenFuncSigs maps the 4-byte function signature to its string representation.
var GaiaTokenFuncSigs = GaiaTokenMetaData.Sigs

// GaiaTokenBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use GaiaTokenMetaData.Bin instead.
var GaiaTokenBin = GaiaTokenMetaData.Bin

// DeployGaiaToken deploys a new Ethereum contract, binding an instance of GaiaToken to it.
func DeployGaiaToken(auth *bind.TransactOpts, backend bind.ContractBackend, holder common.Address, supply *big.Int) (common.Address, *types.Transaction, *GaiaToken, error) {
	parsed, err := GaiaTokenMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(GaiaTokenBin), backend, holder, supply)
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	return address, tx, &GaiaToken{GaiaTokenCaller: GaiaTokenCaller{contract: contract}, GaiaTokenTransactor: GaiaTokenTransactor{contract: contract}, GaiaTokenFilterer: GaiaTokenFilterer{contract: contract}}, nil
}

// GaiaToken is an auto generated Go binding around an Ethereum contract.
type GaiaToken struct {
	GaiaTokenCaller     // Read-only binding to the contract
	GaiaTokenTransactor // Write-only binding to the contract
	GaiaTokenFilterer   // Log filterer for contract events
}

// GaiaTokenCaller is an auto generated read-only Go binding around an Ethereum contract.
type GaiaTokenCaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// GaiaTokenTransactor is an auto generated write-only Go binding around an Ethereum contract.
type GaiaTokenTransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// GaiaTokenFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type GaiaTokenFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// GaiaTokenSession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type GaiaTokenSession struct {
	Contract     *GaiaToken        // Generic contract binding to set the session for
	CallOpts     bind.CallOpts     // Call options to use throughout this session
	TransactOpts bind.TransactOpts // Transaction auth options to use throughout this session
}

// GaiaTokenCallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type GaiaTokenCallerSession struct {
	Contract *GaiaTokenCaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts    // Call options to use throughout this session
}

// GaiaTokenTransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type GaiaTokenTransactorSession struct {
	Contract     *GaiaTokenTransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts    // Transaction auth options to use throughout this session
}

// GaiaTokenRaw is an auto generated low-level Go binding around an Ethereum contract.
type GaiaTokenRaw struct {
	Contract *GaiaToken // Generic contract binding to access the raw methods on
}

// GaiaTokenCallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type GaiaTokenCallerRaw struct {
	Contract *GaiaTokenCaller // Generic read-only contract binding to access the raw methods on
}

// GaiaTokenTransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type GaiaTokenTransactorRaw struct {
	Contract *GaiaTokenTransactor // Generic write-only contract binding to access the raw methods on
}

// NewGaiaToken creates a new instance of GaiaToken, bound to a specific deployed contract.
func NewGaiaToken(address common.Address, backend bind.ContractBackend) (*GaiaToken, error) {
	contract, err := bindGaiaToken(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &GaiaToken{GaiaTokenCaller: GaiaTokenCaller{contract: contract}, GaiaTokenTransactor: GaiaTokenTransactor{contract: contract}, GaiaTokenFilterer: GaiaTokenFilterer{contract: contract}}, nil
}

// NewGaiaTokenCaller creates a new read-only instance of GaiaToken, bound to a specific deployed contract.
func NewGaiaTokenCaller(address common.Address, caller bind.ContractCaller) (*GaiaTokenCaller, error) {
	contract, err := bindGaiaToken(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &GaiaTokenCaller{contract: contract}, nil
}

// NewGaiaTokenTransactor creates a new write-only instance of GaiaToken, bound to a specific deployed contract.
func NewGaiaTokenTransactor(address common.Address, transactor bind.ContractTransactor) (*GaiaTokenTransactor, error) {
	contract, err := bindGaiaToken(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &GaiaTokenTransactor{contract: contract}, nil
}

// NewGaiaTokenFilterer creates a new log filterer instance of GaiaToken, bound to a specific deployed contract.
func NewGaiaTokenFilterer(address common.Address, filterer bind.ContractFilterer) (*GaiaTokenFilterer, error) {
	contract, err := bindGaiaToken(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &GaiaTokenFilterer{contract: contract}, nil
}

// bindGaiaToken binds a generic wrapper to an already deployed contract.
func bindGaiaToken(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := GaiaTokenMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_GaiaToken *GaiaTokenRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _GaiaToken.Contract.GaiaTokenCaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_GaiaToken *GaiaTokenRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _GaiaToken.Contract.GaiaTokenTransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_GaiaToken *GaiaTokenRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _GaiaToken.Contract.GaiaTokenTransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_GaiaToken *GaiaTokenCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _GaiaToken.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_GaiaToken *GaiaTokenTransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _GaiaToken.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_GaiaToken *GaiaTokenTransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _GaiaToken.Contract.contract.Transact(opts, method, params...)
}

// CLOCKMODE is a free data retrieval call binding the contract method 0x4bf5d7e9.
//
// Solidity: function CLOCK_MODE() view returns(string)
func (_GaiaToken *GaiaTokenCaller) CLOCKMODE(opts *bind.CallOpts) (string, error) {
	var out []interface{}
	err := _GaiaToken.contract.Call(opts, &out, "CLOCK_MODE")

	if err != nil {
		return *new(string), err
	}

	out0 := *abi.ConvertType(out[0], new(string)).(*string)

	return out0, err

}

// CLOCKMODE is a free data retrieval call binding the contract method 0x4bf5d7e9.
//
// Solidity: function CLOCK_MODE() view returns(string)
func (_GaiaToken *GaiaTokenSession) CLOCKMODE() (string, error) {
	return _GaiaToken.Contract.CLOCKMODE(&_GaiaToken.CallOpts)
}

// CLOCKMODE is a free data retrieval call binding the contract method 0x4bf5d7e9.
//
// Solidity: function CLOCK_MODE() view returns(string)
func (_GaiaToken *GaiaTokenCallerSession) CLOCKMODE() (string, error) {
	return _GaiaToken.Contract.CLOCKMODE(&_GaiaToken.CallOpts)
}

// DOMAINSEPARATOR is a free data retrieval call binding the contract method 0x3644e515.
//
// Solidity: function DOMAIN_SEPARATOR() view returns(bytes32)
func (_GaiaToken *GaiaTokenCaller) DOMAINSEPARATOR(opts *bind.CallOpts) ([32]byte, error) {
	var out []interface{}
	err := _GaiaToken.contract.Call(opts, &out, "DOMAIN_SEPARATOR")

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// DOMAINSEPARATOR is a free data retrieval call binding the contract method 0x3644e515.
//
// Solidity: function DOMAIN_SEPARATOR() view returns(bytes32)
func (_GaiaToken *GaiaTokenSession) DOMAINSEPARATOR() ([32]byte, error) {
	return _GaiaToken.Contract.DOMAINSEPARATOR(&_GaiaToken.CallOpts)
}

// DOMAINSEPARATOR is a free data retrieval call binding the contract method 0x3644e515.
//
// Solidity: function DOMAIN_SEPARATOR() view returns(bytes32)
func (_GaiaToken *GaiaTokenCallerSession) DOMAINSEPARATOR() ([32]byte, error) {
	return _GaiaToken.Contract.DOMAINSEPARATOR(&_GaiaToken.CallOpts)
}

// Allowance is a free data retrieval call binding the contract method 0xdd62ed3e.
//
// Solidity: function allowance(address owner, address spender) view returns(uint256)
func (_GaiaToken *GaiaTokenCaller) Allowance(opts *bind.CallOpts, owner common.Address, spender common.Address) (*big.Int, error) {
	var out []interface{}
	err := _GaiaToken.contract.Call(opts, &out, "allowance", owner, spender)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// Allowance is a free data retrieval call binding the contract method 0xdd62ed3e.
//
// Solidity: function allowance(address owner, address spender) view returns(uint256)
func (_GaiaToken *GaiaTokenSession) Allowance(owner common.Address, spender common.Address) (*big.Int, error) {
	return _GaiaToken.Contract.Allowance(&_GaiaToken.CallOpts, owner, spender)
}

// Allowance is a free data retrieval call binding the contract method 0xdd62ed3e.
//
// Solidity: function allowance(address owner, address spender) view returns(uint256)
func (_GaiaToken *GaiaTokenCallerSession) Allowance(owner common.Address, spender common.Address) (*big.Int, error) {
	return _GaiaToken.Contract.Allowance(&_GaiaToken.CallOpts, owner, spender)
}

// BalanceOf is a free data retrieval call binding the contract method 0x70a08231.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (_GaiaToken *GaiaTokenCaller) BalanceOf(opts *bind.CallOpts, account common.Address) (*big.Int, error) {
	var out []interface{}
	err := _GaiaToken.contract.Call(opts, &out, "balanceOf", account)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// BalanceOf is a free data retrieval call binding the contract method 0x70a08231.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (_GaiaToken *GaiaTokenSession) BalanceOf(account common.Address) (*big.Int, error) {
	return _GaiaToken.Contract.BalanceOf(&_GaiaToken.CallOpts, account)
}

// BalanceOf is a free data retrieval call binding the contract method 0x70a08231.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (_GaiaToken *GaiaTokenCallerSession) BalanceOf(account common.Address) (*big.Int, error) {
	return _GaiaToken.Contract.BalanceOf(&_GaiaToken.CallOpts, account)
}

// Checkpoints is a free data retrieval call binding the contract method 0xf1127ed8.
//
// Solidity: function checkpoints(address account, uint32 pos) view returns((uint48,uint208))
func (_GaiaToken *GaiaTokenCaller) Checkpoints(opts *bind.CallOpts, account common.Address, pos uint32) (CheckpointsCheckpoint208, error) {
	var out []interface{}
	err := _GaiaToken.contract.Call(opts, &out, "checkpoints", account, pos)

	if err != nil {
		return *new(CheckpointsCheckpoint208), err
	}

	out0 := *abi.ConvertType(out[0], new(CheckpointsCheckpoint208)).(*CheckpointsCheckpoint208)

	return out0, err

}

// Checkpoints is a free data retrieval call binding the contract method 0xf1127ed8.
//
// Solidity: function checkpoints(address account, uint32 pos) view returns((uint48,uint208))
func (_GaiaToken *GaiaTokenSession) Checkpoints(account common.Address, pos uint32) (CheckpointsCheckpoint208, error) {
	return _GaiaToken.Contract.Checkpoints(&_GaiaToken.CallOpts, account, pos)
}

// Checkpoints is a free data retrieval call binding the contract method 0xf1127ed8.
//
// Solidity: function checkpoints(address account, uint32 pos) view returns((uint48,uint208))
func (_GaiaToken *GaiaTokenCallerSession) Checkpoints(account common.Address, pos uint32) (CheckpointsCheckpoint208, error) {
	return _GaiaToken.Contract.Checkpoints(&_GaiaToken.CallOpts, account, pos)
}

// Clock is a free data retrieval call binding the contract method 0x91ddadf4.
//
// Solidity: function clock() view returns(uint48)
func (_GaiaToken *GaiaTokenCaller) Clock(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _GaiaToken.contract.Call(opts, &out, "clock")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// Clock is a free data retrieval call binding the contract method 0x91ddadf4.
//
// Solidity: function clock() view returns(uint48)
func (_GaiaToken *GaiaTokenSession) Clock() (*big.Int, error) {
	return _GaiaToken.Contract.Clock(&_GaiaToken.CallOpts)
}

// Clock is a free data retrieval call binding the contract method 0x91ddadf4.
//
// Solidity: function clock() view returns(uint48)
func (_GaiaToken *GaiaTokenCallerSession) Clock() (*big.Int, error) {
	return _GaiaToken.Contract.Clock(&_GaiaToken.CallOpts)
}

// Decimals is a free data retrieval call binding the contract method 0x313ce567.
//
// Solidity: function decimals() view returns(uint8)
func (_GaiaToken *GaiaTokenCaller) Decimals(opts *bind.CallOpts) (uint8, error) {
	var out []interface{}
	err := _GaiaToken.contract.Call(opts, &out, "decimals")

	if err != nil {
		return *new(uint8), err
	}

	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)

	return out0, err

}

// Decimals is a free data retrieval call binding the contract method 0x313ce567.
//
// Solidity: function decimals() view returns(uint8)
func (_GaiaToken *GaiaTokenSession) Decimals() (uint8, error) {
	return _GaiaToken.Contract.Decimals(&_GaiaToken.CallOpts)
}

// Decimals is a free data retrieval call binding the contract method 0x313ce567.
//
// Solidity: function decimals() view returns(uint8)
func (_GaiaToken *GaiaTokenCallerSession) Decimals() (uint8, error) {
	return _GaiaToken.Contract.Decimals(&_GaiaToken.CallOpts)
}

// Delegates is a free data retrieval call binding the contract method 0x587cde1e.
//
// Solidity: function delegates(address account) view returns(address)
func (_GaiaToken *GaiaTokenCaller) Delegates(opts *bind.CallOpts, account common.Address) (common.Address, error) {
	var out []interface{}
	err := _GaiaToken.contract.Call(opts, &out, "delegates", account)

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Delegates is a free data retrieval call binding the contract method 0x587cde1e.
//
// Solidity: function delegates(address account) view returns(address)
func (_GaiaToken *GaiaTokenSession) Delegates(account common.Address) (common.Address, error) {
	return _GaiaToken.Contract.Delegates(&_GaiaToken.CallOpts, account)
}

// Delegates is a free data retrieval call binding the contract method 0x587cde1e.
//
// Solidity: function delegates(address account) view returns(address)
func (_GaiaToken *GaiaTokenCallerSession) Delegates(account common.Address) (common.Address, error) {
	return _GaiaToken.Contract.Delegates(&_GaiaToken.CallOpts, account)
}

// Eip712Domain is a free data retrieval call binding the contract method 0x84b0196e.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (_GaiaToken *GaiaTokenCaller) Eip712Domain(opts *bind.CallOpts) (struct {
	Fields            [1]byte
	Name              string
	Version           string
	ChainId           *big.Int
	VerifyingContract common.Address
	Salt              [32]byte
	Extensions        []*big.Int
}, error) {
	var out []interface{}
	err := _GaiaToken.contract.Call(opts, &out, "eip712Domain")

	outstruct := new(struct {
		Fields            [1]byte
		Name              string
		Version           string
		ChainId           *big.Int
		VerifyingContract common.Address
		Salt              [32]byte
		Extensions        []*big.Int
	})
	if err != nil {
		return *outstruct, err
	}

	outstruct.Fields = *abi.ConvertType(out[0], new([1]byte)).(*[1]byte)
	outstruct.Name = *abi.ConvertType(out[1], new(string)).(*string)
	outstruct.Version = *abi.ConvertType(out[2], new(string)).(*string)
	outstruct.ChainId = *abi.ConvertType(out[3], new(*big.Int)).(**big.Int)
	outstruct.VerifyingContract = *abi.ConvertType(out[4], new(common.Address)).(*common.Address)
	outstruct.Salt = *abi.ConvertType(out[5], new([32]byte)).(*[32]byte)
	outstruct.Extensions = *abi.ConvertType(out[6], new([]*big.Int)).(*[]*big.Int)

	return *outstruct, err

}

// Eip712Domain is a free data retrieval call binding the contract method 0x84b0196e.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (_GaiaToken *GaiaTokenSession) Eip712Domain() (struct {
	Fields            [1]byte
	Name              string
	Version           string
	ChainId           *big.Int
	VerifyingContract common.Address
	Salt              [32]byte
	Extensions        []*big.Int
}, error) {
	return _GaiaToken.Contract.Eip712Domain(&_GaiaToken.CallOpts)
}

// Eip712Domain is a free data retrieval call binding the contract method 0x84b0196e.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (_GaiaToken *GaiaTokenCallerSession) Eip712Domain() (struct {
	Fields            [1]byte
	Name              string
	Version           string
	ChainId           *big.Int
	VerifyingContract common.Address
	Salt              [32]byte
	Extensions        []*big.Int
}, error) {
	return _GaiaToken.Contract.Eip712Domain(&_GaiaToken.CallOpts)
}

// GetPastTotalSupply is a free data retrieval call binding the contract method 0x8e539e8c.
//
// Solidity: function getPastTotalSupply(uint256 timepoint) view returns(uint256)
func (_GaiaToken *GaiaTokenCaller) GetPastTotalSupply(opts *bind.CallOpts, timepoint *big.Int) (*big.Int, error) {
	var out []interface{}
	err := _GaiaToken.contract.Call(opts, &out, "getPastTotalSupply", timepoint)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// GetPastTotalSupply is a free data retrieval call binding the contract method 0x8e539e8c.
//
// Solidity: function getPastTotalSupply(uint256 timepoint) view returns(uint256)
func (_GaiaToken *GaiaTokenSession) GetPastTotalSupply(timepoint *big.Int) (*big.Int, error) {
	return _GaiaToken.Contract.GetPastTotalSupply(&_GaiaToken.CallOpts, timepoint)
}

// GetPastTotalSupply is a free data retrieval call binding the contract method 0x8e539e8c.
//
// Solidity: function getPastTotalSupply(uint256 timepoint) view returns(uint256)
func (_GaiaToken *GaiaTokenCallerSession) GetPastTotalSupply(timepoint *big.Int) (*big.Int, error) {
	return _GaiaToken.Contract.GetPastTotalSupply(&_GaiaToken.CallOpts, timepoint)
}

// GetPastVotes is a free data retrieval call binding the contract method 0x3a46b1a8.
//
// Solidity: function getPastVotes(address account, uint256 timepoint) view returns(uint256)
func (_GaiaToken *GaiaTokenCaller) GetPastVotes(opts *bind.CallOpts, account common.Address, timepoint *big.Int) (*big.Int, error) {
	var out []interface{}
	err := _GaiaToken.contract.Call(opts, &out, "getPastVotes", account, timepoint)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// GetPastVotes is a free data retrieval call binding the contract method 0x3a46b1a8.
//
// Solidity: function getPastVotes(address account, uint256 timepoint) view returns(uint256)
func (_GaiaToken *GaiaTokenSession) GetPastVotes(account common.Address, timepoint *big.Int) (*big.Int, error) {
	return _GaiaToken.Contract.GetPastVotes(&_GaiaToken.CallOpts, account, timepoint)
}

// GetPastVotes is a free data retrieval call binding the contract method 0x3a46b1a8.
//
// Solidity: function getPastVotes(address account, uint256 timepoint) view returns(uint256)
func (_GaiaToken *GaiaTokenCallerSession) GetPastVotes(account common.Address, timepoint *big.Int) (*big.Int, error) {
	return _GaiaToken.Contract.GetPastVotes(&_GaiaToken.CallOpts, account, timepoint)
}

// GetVotes is a free data retrieval call binding the contract method 0x9ab24eb0.
//
// Solidity: function getVotes(address account) view returns(uint256)
func (_GaiaToken *GaiaTokenCaller) GetVotes(opts *bind.CallOpts, account common.Address) (*big.Int, error) {
	var out []interface{}
	err := _GaiaToken.contract.Call(opts, &out, "getVotes", account)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// GetVotes is a free data retrieval call binding the contract method 0x9ab24eb0.
//
// Solidity: function getVotes(address account) view returns(uint256)
func (_GaiaToken *GaiaTokenSession) GetVotes(account common.Address) (*big.Int, error) {
	return _GaiaToken.Contract.GetVotes(&_GaiaToken.CallOpts, account)
}

// GetVotes is a free data retrieval call binding the contract method 0x9ab24eb0.
//
// Solidity: function getVotes(address account) view returns(uint256)
func (_GaiaToken *GaiaTokenCallerSession) GetVotes(account common.Address) (*big.Int, error) {
	return _GaiaToken.Contract.GetVotes(&_GaiaToken.CallOpts, account)
}

// Name is a free data retrieval call binding the contract method 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (_GaiaToken *GaiaTokenCaller) Name(opts *bind.CallOpts) (string, error) {
	var out []interface{}
	err := _GaiaToken.contract.Call(opts, &out, "name")

	if err != nil {
		return *new(string), err
	}

	out0 := *abi.ConvertType(out[0], new(string)).(*string)

	return out0, err

}

// Name is a free data retrieval call binding the contract method 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (_GaiaToken *GaiaTokenSession) Name() (string, error) {
	return _GaiaToken.Contract.Name(&_GaiaToken.CallOpts)
}

// Name is a free data retrieval call binding the contract method 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (_GaiaToken *GaiaTokenCallerSession) Name() (string, error) {
	return _GaiaToken.Contract.Name(&_GaiaToken.CallOpts)
}

// Nonces is a free data retrieval call binding the contract method 0x7ecebe00.
//
// Solidity: function nonces(address owner) view returns(uint256)
func (_GaiaToken *GaiaTokenCaller) Nonces(opts *bind.CallOpts, owner common.Address) (*big.Int, error) {
	var out []interface{}
	err := _GaiaToken.contract.Call(opts, &out, "nonces", owner)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// Nonces is a free data retrieval call binding the contract method 0x7ecebe00.
//
// Solidity: function nonces(address owner) view returns(uint256)
func (_GaiaToken *GaiaTokenSession) Nonces(owner common.Address) (*big.Int, error) {
	return _GaiaToken.Contract.Nonces(&_GaiaToken.CallOpts, owner)
}

// Nonces is a free data retrieval call binding the contract method 0x7ecebe00.
//
// Solidity: function nonces(address owner) view returns(uint256)
func (_GaiaToken *GaiaTokenCallerSession) Nonces(owner common.Address) (*big.Int, error) {
	return _GaiaToken.Contract.Nonces(&_GaiaToken.CallOpts, owner)
}

// NumCheckpoints is a free data retrieval call binding the contract method 0x6fcfff45.
//
// Solidity: function numCheckpoints(address account) view returns(uint32)
func (_GaiaToken *GaiaTokenCaller) NumCheckpoints(opts *bind.CallOpts, account common.Address) (uint32, error) {
	var out []interface{}
	err := _GaiaToken.contract.Call(opts, &out, "numCheckpoints", account)

	if err != nil {
		return *new(uint32), err
	}

	out0 := *abi.ConvertType(out[0], new(uint32)).(*uint32)

	return out0, err

}

// NumCheckpoints is a free data retrieval call binding the contract method 0x6fcfff45.
//
// Solidity: function numCheckpoints(address account) view returns(uint32)
func (_GaiaToken *GaiaTokenSession) NumCheckpoints(account common.Address) (uint32, error) {
	return _GaiaToken.Contract.NumCheckpoints(&_GaiaToken.CallOpts, account)
}

// NumCheckpoints is a free data retrieval call binding the contract method 0x6fcfff45.
//
// Solidity: function numCheckpoints(address account) view returns(uint32)
func (_GaiaToken *GaiaTokenCallerSession) NumCheckpoints(account common.Address) (uint32, error) {
	return _GaiaToken.Contract.NumCheckpoints(&_GaiaToken.CallOpts, account)
}

// Symbol is a free data retrieval call binding the contract method 0x95d89b41.
//
// Solidity: function symbol() view returns(string)
func (_GaiaToken *GaiaTokenCaller) Symbol(opts *bind.CallOpts) (string, error) {
	var out []interface{}
	err := _GaiaToken.contract.Call(opts, &out, "symbol")

	if err != nil {
		return *new(string), err
	}

	out0 := *abi.ConvertType(out[0], new(string)).(*string)

	return out0, err

}

// Symbol is a free data retrieval call binding the contract method 0x95d89b41.
//
// Solidity: function symbol() view returns(string)
func (_GaiaToken *GaiaTokenSession) Symbol() (string, error) {
	return _GaiaToken.Contract.Symbol(&_GaiaToken.CallOpts)
}

// Symbol is a free data retrieval call binding the contract method 0x95d89b41.
//
// Solidity: function symbol() view returns(string)
func (_GaiaToken *GaiaTokenCallerSession) Symbol() (string, error) {
	return _GaiaToken.Contract.Symbol(&_GaiaToken.CallOpts)
}

// TotalSupply is a free data retrieval call binding the contract method 0x18160ddd.
//
// Solidity: function totalSupply() view returns(uint256)
func (_GaiaToken *GaiaTokenCaller) TotalSupply(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _GaiaToken.contract.Call(opts, &out, "totalSupply")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// TotalSupply is a free data retrieval call binding the contract method 0x18160ddd.
//
// Solidity: function totalSupply() view returns(uint256)
func (_GaiaToken *GaiaTokenSession) TotalSupply() (*big.Int, error) {
	return _GaiaToken.Contract.TotalSupply(&_GaiaToken.CallOpts)
}

// TotalSupply is a free data retrieval call binding the contract method 0x18160ddd.
//
// Solidity: function totalSupply() view returns(uint256)
func (_GaiaToken *GaiaTokenCallerSession) TotalSupply() (*big.Int, error) {
	return _GaiaToken.Contract.TotalSupply(&_GaiaToken.CallOpts)
}

// Approve is a paid mutator transaction binding the contract method 0x095ea7b3.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (_GaiaToken *GaiaTokenTransactor) Approve(opts *bind.TransactOpts, spender common.Address, value *big.Int) (*types.Transaction, error) {
	return _GaiaToken.contract.Transact(opts, "approve", spender, value)
}

// Approve is a paid mutator transaction binding the contract method 0x095ea7b3.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (_GaiaToken *GaiaTokenSession) Approve(spender common.Address, value *big.Int) (*types.Transaction, error) {
	return _GaiaToken.Contract.Approve(&_GaiaToken.TransactOpts, spender, value)
}

// Approve is a paid mutator transaction binding the contract method 0x095ea7b3.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (_GaiaToken *GaiaTokenTransactorSession) Approve(spender common.Address, value *big.Int) (*types.Transaction, error) {
	return _GaiaToken.Contract.Approve(&_GaiaToken.TransactOpts, spender, value)
}

// Delegate is a paid mutator transaction binding the contract method 0x5c19a95c.
//
// Solidity: function delegate(address delegatee) returns()
func (_GaiaToken *GaiaTokenTransactor) Delegate(opts *bind.TransactOpts, delegatee common.Address) (*types.Transaction, error) {
	return _GaiaToken.contract.Transact(opts, "delegate", delegatee)
}

// Delegate is a paid mutator transaction binding the contract method 0x5c19a95c.
//
// Solidity: function delegate(address delegatee) returns()
func (_GaiaToken *GaiaTokenSession) Delegate(delegatee common.Address) (*types.Transaction, error) {
	return _GaiaToken.Contract.Delegate(&_GaiaToken.TransactOpts, delegatee)
}

// Delegate is a paid mutator transaction binding the contract method 0x5c19a95c.
//
// Solidity: function delegate(address delegatee) returns()
func (_GaiaToken *GaiaTokenTransactorSession) Delegate(delegatee common.Address) (*types.Transaction, error) {
	return _GaiaToken.Contract.Delegate(&_GaiaToken.TransactOpts, delegatee)
}

// DelegateBySig is a paid mutator transaction binding the contract method 0xc3cda520.
//
// Solidity: function delegateBySig(address delegatee, uint256 nonce, uint256 expiry, uint8 v, bytes32 r, bytes32 s) returns()
func (_GaiaToken *GaiaTokenTransactor) DelegateBySig(opts *bind.TransactOpts, delegatee common.Address, nonce *big.Int, expiry *big.Int, v uint8, r [32]byte, s [32]byte) (*types.Transaction, error) {
	return _GaiaToken.contract.Transact(opts, "delegateBySig", delegatee, nonce, expiry, v, r, s)
}

// DelegateBySig is a paid mutator transaction binding the contract method 0xc3cda520.
//
// Solidity: function delegateBySig(address delegatee, uint256 nonce, uint256 expiry, uint8 v, bytes32 r, bytes32 s) returns()
func (_GaiaToken *GaiaTokenSession) DelegateBySig(delegatee common.Address, nonce *big.Int, expiry *big.Int, v uint8, r [32]byte, s [32]byte) (*types.Transaction, error) {
	return _GaiaToken.Contract.DelegateBySig(&_GaiaToken.TransactOpts, delegatee, nonce, expiry, v, r, s)
}

// DelegateBySig is a paid mutator transaction binding the contract method 0xc3cda520.
//
// Solidity: function delegateBySig(address delegatee, uint256 nonce, uint256 expiry, uint8 v, bytes32 r, bytes32 s) returns()
func (_GaiaToken *GaiaTokenTransactorSession) DelegateBySig(delegatee common.Address, nonce *big.Int, expiry *big.Int, v uint8, r [32]byte, s [32]byte) (*types.Transaction, error) {
	return _GaiaToken.Contract.DelegateBySig(&_GaiaToken.TransactOpts, delegatee, nonce, expiry, v, r, s)
}

// Permit is a paid mutator transaction binding the contract method 0xd505accf.
//
// Solidity: function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s) returns()
func (_GaiaToken *GaiaTokenTransactor) Permit(opts *bind.TransactOpts, owner common.Address, spender common.Address, value *big.Int, deadline *big.Int, v uint8, r [32]byte, s [32]byte) (*types.Transaction, error) {
	return _GaiaToken.contract.Transact(opts, "permit", owner, spender, value, deadline, v, r, s)
}

// Permit is a paid mutator transaction binding the contract method 0xd505accf.
//
// Solidity: function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s) returns()
func (_GaiaToken *GaiaTokenSession) Permit(owner common.Address, spender common.Address, value *big.Int, deadline *big.Int, v uint8, r [32]byte, s [32]byte) (*types.Transaction, error) {
	return _GaiaToken.Contract.Permit(&_GaiaToken.TransactOpts, owner, spender, value, deadline, v, r, s)
}

// Permit is a paid mutator transaction binding the contract method 0xd505accf.
//
// Solidity: function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s) returns()
func (_GaiaToken *GaiaTokenTransactorSession) Permit(owner common.Address, spender common.Address, value *big.Int, deadline *big.Int, v uint8, r [32]byte, s [32]byte) (*types.Transaction, error) {
	return _GaiaToken.Contract.Permit(&_GaiaToken.TransactOpts, owner, spender, value, deadline, v, r, s)
}

// Transfer is a paid mutator transaction binding the contract method 0xa9059cbb.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (_GaiaToken *GaiaTokenTransactor) Transfer(opts *bind.TransactOpts, to common.Address, value *big.Int) (*types.Transaction, error) {
	return _GaiaToken.contract.Transact(opts, "transfer", to, value)
}

// Transfer is a paid mutator transaction binding the contract method 0xa9059cbb.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (_GaiaToken *GaiaTokenSession) Transfer(to common.Address, value *big.Int) (*types.Transaction, error) {
	return _GaiaToken.Contract.Transfer(&_GaiaToken.TransactOpts, to, value)
}

// Transfer is a paid mutator transaction binding the contract method 0xa9059cbb.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (_GaiaToken *GaiaTokenTransactorSession) Transfer(to common.Address, value *big.Int) (*types.Transaction, error) {
	return _GaiaToken.Contract.Transfer(&_GaiaToken.TransactOpts, to, value)
}

// TransferFrom is a paid mutator transaction binding the contract method 0x23b872dd.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (_GaiaToken *GaiaTokenTransactor) TransferFrom(opts *bind.TransactOpts, from common.Address, to common.Address, value *big.Int) (*types.Transaction, error) {
	return _GaiaToken.contract.Transact(opts, "transferFrom", from, to, value)
}

// TransferFrom is a paid mutator transaction binding the contract method 0x23b872dd.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (_GaiaToken *GaiaTokenSession) TransferFrom(from common.Address, to common.Address, value *big.Int) (*types.Transaction, error) {
	return _GaiaToken.Contract.TransferFrom(&_GaiaToken.TransactOpts, from, to, value)
}

// TransferFrom is a paid mutator transaction binding the contract method 0x23b872dd.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (_GaiaToken *GaiaTokenTransactorSession) TransferFrom(from common.Address, to common.Address, value *big.Int) (*types.Transaction, error) {
	return _GaiaToken.Contract.TransferFrom(&_GaiaToken.TransactOpts, from, to, value)
}

// GaiaTokenApprovalIterator is returned from FilterApproval and is used to iterate over the raw logs and unpacked data for Approval events raised by the GaiaToken contract.
type GaiaTokenApprovalIterator struct {
	Event *GaiaTokenApproval // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *GaiaTokenApprovalIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(GaiaTokenApproval)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(GaiaTokenApproval)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *GaiaTokenApprovalIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *GaiaTokenApprovalIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// GaiaTokenApproval represents a Approval event raised by the GaiaToken contract.
type GaiaTokenApproval struct {
	Owner   common.Address
	Spender common.Address
	Value   *big.Int
	Raw     types.Log // Blockchain specific contextual infos
}

// FilterApproval is a free log retrieval operation binding the contract event 0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925.
//
// Solidity: event Approval(address indexed owner, address indexed spender, uint256 value)
func (_GaiaToken *GaiaTokenFilterer) FilterApproval(opts *bind.FilterOpts, owner []common.Address, spender []common.Address) (*GaiaTokenApprovalIterator, error) {

	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}
	var spenderRule []interface{}
	for _, spenderItem := range spender {
		spenderRule = append(spenderRule, spenderItem)
	}

	logs, sub, err := _GaiaToken.contract.FilterLogs(opts, "Approval", ownerRule, spenderRule)
	if err != nil {
		return nil, err
	}
	return &GaiaTokenApprovalIterator{contract: _GaiaToken.contract, event: "Approval", logs: logs, sub: sub}, nil
}

// WatchApproval is a free log subscription operation binding the contract event 0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925.
//
// Solidity: event Approval(address indexed owner, address indexed spender, uint256 value)
func (_GaiaToken *GaiaTokenFilterer) WatchApproval(opts *bind.WatchOpts, sink chan<- *GaiaTokenApproval, owner []common.Address, spender []common.Address) (event.Subscription, error) {

	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}
	var spenderRule []interface{}
	for _, spenderItem := range spender {
		spenderRule = append(spenderRule, spenderItem)
	}

	logs, sub, err := _GaiaToken.contract.WatchLogs(opts, "Approval", ownerRule, spenderRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(GaiaTokenApproval)
				if err := _GaiaToken.contract.UnpackLog(event, "Approval", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseApproval is a log parse operation binding the contract event 0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925.
//
// Solidity: event Approval(address indexed owner, address indexed spender, uint256 value)
func (_GaiaToken *GaiaTokenFilterer) ParseApproval(log types.Log) (*GaiaTokenApproval, error) {
	event := new(GaiaTokenApproval)
	if err := _GaiaToken.contract.UnpackLog(event, "Approval", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// GaiaTokenDelegateChangedIterator is returned from FilterDelegateChanged and is used to iterate over the raw logs and unpacked data for DelegateChanged events raised by the GaiaToken contract.
type GaiaTokenDelegateChangedIterator struct {
	Event *GaiaTokenDelegateChanged // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *GaiaTokenDelegateChangedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(GaiaTokenDelegateChanged)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(GaiaTokenDelegateChanged)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *GaiaTokenDelegateChangedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *GaiaTokenDelegateChangedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// GaiaTokenDelegateChanged represents a DelegateChanged event raised by the GaiaToken contract.
type GaiaTokenDelegateChanged struct {
	Delegator    common.Address
	FromDelegate common.Address
	ToDelegate   common.Address
	Raw          types.Log // Blockchain specific contextual infos
}

// FilterDelegateChanged is a free log retrieval operation binding the contract event 0x3134e8a2e6d97e929a7e54011ea5485d7d196dd5f0ba4d4ef95803e8e3fc257f.
//
// Solidity: event DelegateChanged(address indexed delegator, address indexed fromDelegate, address indexed toDelegate)
func (_GaiaToken *GaiaTokenFilterer) FilterDelegateChanged(opts *bind.FilterOpts, delegator []common.Address, fromDelegate []common.Address, toDelegate []common.Address) (*GaiaTokenDelegateChangedIterator, error) {

	var delegatorRule []interface{}
	for _, delegatorItem := range delegator {
		delegatorRule = append(delegatorRule, delegatorItem)
	}
	var fromDelegateRule []interface{}
	for _, fromDelegateItem := range fromDelegate {
		fromDelegateRule = append(fromDelegateRule, fromDelegateItem)
	}
	var toDelegateRule []interface{}
	for _, toDelegateItem := range toDelegate {
		toDelegateRule = append(toDelegateRule, toDelegateItem)
	}

	logs, sub, err := _GaiaToken.contract.FilterLogs(opts, "DelegateChanged", delegatorRule, fromDelegateRule, toDelegateRule)
	if err != nil {
		return nil, err
	}
	return &GaiaTokenDelegateChangedIterator{contract: _GaiaToken.contract, event: "DelegateChanged", logs: logs, sub: sub}, nil
}

// WatchDelegateChanged is a free log subscription operation binding the contract event 0x3134e8a2e6d97e929a7e54011ea5485d7d196dd5f0ba4d4ef95803e8e3fc257f.
//
// Solidity: event DelegateChanged(address indexed delegator, address indexed fromDelegate, address indexed toDelegate)
func (_GaiaToken *GaiaTokenFilterer) WatchDelegateChanged(opts *bind.WatchOpts, sink chan<- *GaiaTokenDelegateChanged, delegator []common.Address, fromDelegate []common.Address, toDelegate []common.Address) (event.Subscription, error) {

	var delegatorRule []interface{}
	for _, delegatorItem := range delegator {
		delegatorRule = append(delegatorRule, delegatorItem)
	}
	var fromDelegateRule []interface{}
	for _, fromDelegateItem := range fromDelegate {
		fromDelegateRule = append(fromDelegateRule, fromDelegateItem)
	}
	var toDelegateRule []interface{}
	for _, toDelegateItem := range toDelegate {
		toDelegateRule = append(toDelegateRule, toDelegateItem)
	}

	logs, sub, err := _GaiaToken.contract.WatchLogs(opts, "DelegateChanged", delegatorRule, fromDelegateRule, toDelegateRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(GaiaTokenDelegateChanged)
				if err := _GaiaToken.contract.UnpackLog(event, "DelegateChanged", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseDelegateChanged is a log parse operation binding the contract event 0x3134e8a2e6d97e929a7e54011ea5485d7d196dd5f0ba4d4ef95803e8e3fc257f.
//
// Solidity: event DelegateChanged(address indexed delegator, address indexed fromDelegate, address indexed toDelegate)
func (_GaiaToken *GaiaTokenFilterer) ParseDelegateChanged(log types.Log) (*GaiaTokenDelegateChanged, error) {
	event := new(GaiaTokenDelegateChanged)
	if err := _GaiaToken.contract.UnpackLog(event, "DelegateChanged", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// GaiaTokenDelegateVotesChangedIterator is returned from FilterDelegateVotesChanged and is used to iterate over the raw logs and unpacked data for DelegateVotesChanged events raised by the GaiaToken contract.
type GaiaTokenDelegateVotesChangedIterator struct {
	Event *GaiaTokenDelegateVotesChanged // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *GaiaTokenDelegateVotesChangedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(GaiaTokenDelegateVotesChanged)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(GaiaTokenDelegateVotesChanged)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *GaiaTokenDelegateVotesChangedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *GaiaTokenDelegateVotesChangedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// GaiaTokenDelegateVotesChanged represents a DelegateVotesChanged event raised by the GaiaToken contract.
type GaiaTokenDelegateVotesChanged struct {
	Delegate      common.Address
	PreviousVotes *big.Int
	NewVotes      *big.Int
	Raw           types.Log // Blockchain specific contextual infos
}

// FilterDelegateVotesChanged is a free log retrieval operation binding the contract event 0xdec2bacdd2f05b59de34da9b523dff8be42e5e38e818c82fdb0bae774387a724.
//
// Solidity: event DelegateVotesChanged(address indexed delegate, uint256 previousVotes, uint256 newVotes)
func (_GaiaToken *GaiaTokenFilterer) FilterDelegateVotesChanged(opts *bind.FilterOpts, delegate []common.Address) (*GaiaTokenDelegateVotesChangedIterator, error) {

	var delegateRule []interface{}
	for _, delegateItem := range delegate {
		delegateRule = append(delegateRule, delegateItem)
	}

	logs, sub, err := _GaiaToken.contract.FilterLogs(opts, "DelegateVotesChanged", delegateRule)
	if err != nil {
		return nil, err
	}
	return &GaiaTokenDelegateVotesChangedIterator{contract: _GaiaToken.contract, event: "DelegateVotesChanged", logs: logs, sub: sub}, nil
}

// WatchDelegateVotesChanged is a free log subscription operation binding the contract event 0xdec2bacdd2f05b59de34da9b523dff8be42e5e38e818c82fdb0bae774387a724.
//
// Solidity: event DelegateVotesChanged(address indexed delegate, uint256 previousVotes, uint256 newVotes)
func (_GaiaToken *GaiaTokenFilterer) WatchDelegateVotesChanged(opts *bind.WatchOpts, sink chan<- *GaiaTokenDelegateVotesChanged, delegate []common.Address) (event.Subscription, error) {

	var delegateRule []interface{}
	for _, delegateItem := range delegate {
		delegateRule = append(delegateRule, delegateItem)
	}

	logs, sub, err := _GaiaToken.contract.WatchLogs(opts, "DelegateVotesChanged", delegateRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(GaiaTokenDelegateVotesChanged)
				if err := _GaiaToken.contract.UnpackLog(event, "DelegateVotesChanged", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseDelegateVotesChanged is a log parse operation binding the contract event 0xdec2bacdd2f05b59de34da9b523dff8be42e5e38e818c82fdb0bae774387a724.
//
// Solidity: event DelegateVotesChanged(address indexed delegate, uint256 previousVotes, uint256 newVotes)
func (_GaiaToken *GaiaTokenFilterer) ParseDelegateVotesChanged(log types.Log) (*GaiaTokenDelegateVotesChanged, error) {
	event := new(GaiaTokenDelegateVotesChanged)
	if err := _GaiaToken.contract.UnpackLog(event, "DelegateVotesChanged", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// GaiaTokenEIP712DomainChangedIterator is returned from FilterEIP712DomainChanged and is used to iterate over the raw logs and unpacked data for EIP712DomainChanged events raised by the GaiaToken contract.
type GaiaTokenEIP712DomainChangedIterator struct {
	Event *GaiaTokenEIP712DomainChanged // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *GaiaTokenEIP712DomainChangedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(GaiaTokenEIP712DomainChanged)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(GaiaTokenEIP712DomainChanged)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *GaiaTokenEIP712DomainChangedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *GaiaTokenEIP712DomainChangedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// GaiaTokenEIP712DomainChanged represents a EIP712DomainChanged event raised by the GaiaToken contract.
type GaiaTokenEIP712DomainChanged struct {
	Raw types.Log // Blockchain specific contextual infos
}

// FilterEIP712DomainChanged is a free log retrieval operation binding the contract event 0x0a6387c9ea3628b88a633bb4f3b151770f70085117a15f9bf3787cda53f13d31.
//
// Solidity: event EIP712DomainChanged()
func (_GaiaToken *GaiaTokenFilterer) FilterEIP712DomainChanged(opts *bind.FilterOpts) (*GaiaTokenEIP712DomainChangedIterator, error) {

	logs, sub, err := _GaiaToken.contract.FilterLogs(opts, "EIP712DomainChanged")
	if err != nil {
		return nil, err
	}
	return &GaiaTokenEIP712DomainChangedIterator{contract: _GaiaToken.contract, event: "EIP712DomainChanged", logs: logs, sub: sub}, nil
}

// WatchEIP712DomainChanged is a free log subscription operation binding the contract event 0x0a6387c9ea3628b88a633bb4f3b151770f70085117a15f9bf3787cda53f13d31.
//
// Solidity: event EIP712DomainChanged()
func (_GaiaToken *GaiaTokenFilterer) WatchEIP712DomainChanged(opts *bind.WatchOpts, sink chan<- *GaiaTokenEIP712DomainChanged) (event.Subscription, error) {

	logs, sub, err := _GaiaToken.contract.WatchLogs(opts, "EIP712DomainChanged")
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(GaiaTokenEIP712DomainChanged)
				if err := _GaiaToken.contract.UnpackLog(event, "EIP712DomainChanged", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseEIP712DomainChanged is a log parse operation binding the contract event 0x0a6387c9ea3628b88a633bb4f3b151770f70085117a15f9bf3787cda53f13d31.
//
// Solidity: event EIP712DomainChanged()
func (_GaiaToken *GaiaTokenFilterer) ParseEIP712DomainChanged(log types.Log) (*GaiaTokenEIP712DomainChanged, error) {
	event := new(GaiaTokenEIP712DomainChanged)
	if err := _GaiaToken.contract.UnpackLog(event, "EIP712DomainChanged", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// GaiaTokenTransferIterator is returned from FilterTransfer and is used to iterate over the raw logs and unpacked data for Transfer events raised by the GaiaToken contract.
type GaiaTokenTransferIterator struct {
	Event *GaiaTokenTransfer // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *GaiaTokenTransferIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(GaiaTokenTransfer)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(GaiaTokenTransfer)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *GaiaTokenTransferIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *GaiaTokenTransferIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// GaiaTokenTransfer represents a Transfer event raised by the GaiaToken contract.
type GaiaTokenTransfer struct {
	From  common.Address
	To    common.Address
	Value *big.Int
	Raw   types.Log // Blockchain specific contextual infos
}

// FilterTransfer is a free log retrieval operation binding the contract event 0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 value)
func (_GaiaToken *GaiaTokenFilterer) FilterTransfer(opts *bind.FilterOpts, from []common.Address, to []common.Address) (*GaiaTokenTransferIterator, error) {

	var fromRule []interface{}
	for _, fromItem := range from {
		fromRule = append(fromRule, fromItem)
	}
	var toRule []interface{}
	for _, toItem := range to {
		toRule = append(toRule, toItem)
	}

	logs, sub, err := _GaiaToken.contract.FilterLogs(opts, "Transfer", fromRule, toRule)
	if err != nil {
		return nil, err
	}
	return &GaiaTokenTransferIterator{contract: _GaiaToken.contract, event: "Transfer", logs: logs, sub: sub}, nil
}

// WatchTransfer is a free log subscription operation binding the contract event 0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 value)
func (_GaiaToken *GaiaTokenFilterer) WatchTransfer(opts *bind.WatchOpts, sink chan<- *GaiaTokenTransfer, from []common.Address, to []common.Address) (event.Subscription, error) {

	var fromRule []interface{}
	for _, fromItem := range from {
		fromRule = append(fromRule, fromItem)
	}
	var toRule []interface{}
	for _, toItem := range to {
		toRule = append(toRule, toItem)
	}

	logs, sub, err := _GaiaToken.contract.WatchLogs(opts, "Transfer", fromRule, toRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(GaiaTokenTransfer)
				if err := _GaiaToken.contract.UnpackLog(event, "Transfer", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseTransfer is a log parse operation binding the contract event 0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 value)
func (_GaiaToken *GaiaTokenFilterer) ParseTransfer(log types.Log) (*GaiaTokenTransfer, error) {
	event := new(GaiaTokenTransfer)
	if err := _GaiaToken.contract.UnpackLog(event, "Transfer", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// MarketplaceMetaData contains all meta data concerning the Marketplace contract.
var MarketplaceMetaData = &bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"treasury_\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"node\",\"type\":\"address\"}],\"name\":\"AlreadyLicensed\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"BadFee\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"BadRoyalty\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"numerator\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"denominator\",\"type\":\"uint256\"}],\"name\":\"ERC2981InvalidDefaultRoyalty\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"receiver\",\"type\":\"address\"}],\"name\":\"ERC2981InvalidDefaultRoyaltyReceiver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"numerator\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"denominator\",\"type\":\"uint256\"}],\"name\":\"ERC2981InvalidTokenRoyalty\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"receiver\",\"type\":\"address\"}],\"name\":\"ERC2981InvalidTokenRoyaltyReceiver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"ERC721IncorrectOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"ERC721InsufficientApproval\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"approver\",\"type\":\"address\"}],\"name\":\"ERC721InvalidApprover\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"ERC721InvalidOperator\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"ERC721InvalidOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"receiver\",\"type\":\"address\"}],\"name\":\"ERC721InvalidReceiver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"}],\"name\":\"ERC721InvalidSender\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"ERC721NonexistentToken\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"LengthMismatch\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotComponentOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"name\":\"NotForSale\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"OwnableInvalidOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"OwnableUnauthorizedAccount\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ReentrancyGuardReentrantCall\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"}],\"name\":\"SafeERC20FailedOperation\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"approved\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"Approval\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"approved\",\"type\":\"bool\"}],\"name\":\"ApprovalForAll\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"payee\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"asset\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Claimed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint16\",\"name\":\"feeBps\",\"type\":\"uint16\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"treasury\",\"type\":\"address\"}],\"name\":\"FeeSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"node\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"asset\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"price\",\"type\":\"uint256\"}],\"name\":\"LicenceBought\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"creator\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"enumMarketplace.Kind\",\"name\":\"kind\",\"type\":\"uint8\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"contentHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"uri\",\"type\":\"string\"}],\"name\":\"Listed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferred\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"asset\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"price\",\"type\":\"uint256\"}],\"name\":\"PriceSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"asset\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"totalUnits\",\"type\":\"uint256\"}],\"name\":\"RevenueShared\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"Transfer\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"MAX_FEE_BPS\",\"outputs\":[{\"internalType\":\"uint16\",\"name\":\"\",\"type\":\"uint16\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_ROYALTY_BPS\",\"outputs\":[{\"internalType\":\"uint16\",\"name\":\"\",\"type\":\"uint16\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"approve\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"balanceOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"node\",\"type\":\"address\"}],\"name\":\"buyLicence\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"asset\",\"type\":\"address\"}],\"name\":\"claim\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"name\":\"component\",\"outputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"contentHash\",\"type\":\"bytes32\"},{\"internalType\":\"enumMarketplace.Kind\",\"name\":\"kind\",\"type\":\"uint8\"},{\"internalType\":\"address\",\"name\":\"payAsset\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"licencePrice\",\"type\":\"uint256\"},{\"internalType\":\"string\",\"name\":\"uri\",\"type\":\"string\"}],\"internalType\":\"structMarketplace.Component\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"asset\",\"type\":\"address\"},{\"internalType\":\"uint256[]\",\"name\":\"ids\",\"type\":\"uint256[]\"},{\"internalType\":\"uint256[]\",\"name\":\"units\",\"type\":\"uint256[]\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"distribute\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"feeBps\",\"outputs\":[{\"internalType\":\"uint16\",\"name\":\"\",\"type\":\"uint16\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"getApproved\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"isApprovedForAll\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"node\",\"type\":\"address\"}],\"name\":\"licensed\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"contentHash\",\"type\":\"bytes32\"},{\"internalType\":\"enumMarketplace.Kind\",\"name\":\"kind\",\"type\":\"uint8\"},{\"internalType\":\"string\",\"name\":\"uri\",\"type\":\"string\"},{\"internalType\":\"address\",\"name\":\"payAsset\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"licencePrice\",\"type\":\"uint256\"},{\"internalType\":\"uint96\",\"name\":\"royaltyBps\",\"type\":\"uint96\"}],\"name\":\"list\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"name\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"nextId\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"payee\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"asset\",\"type\":\"address\"}],\"name\":\"owed\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"ownerOf\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"renounceOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"salePrice\",\"type\":\"uint256\"}],\"name\":\"royaltyInfo\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"receiver\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"safeTransferFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"data\",\"type\":\"bytes\"}],\"name\":\"safeTransferFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"internalType\":\"bool\",\"name\":\"approved\",\"type\":\"bool\"}],\"name\":\"setApprovalForAll\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint16\",\"name\":\"feeBps_\",\"type\":\"uint16\"},{\"internalType\":\"address\",\"name\":\"treasury_\",\"type\":\"address\"}],\"name\":\"setFee\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"payAsset\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"price\",\"type\":\"uint256\"}],\"name\":\"setLicencePrice\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes4\",\"name\":\"interfaceId\",\"type\":\"bytes4\"}],\"name\":\"supportsInterface\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"symbol\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"name\":\"tokenURI\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"transferFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"transferOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"treasury\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	Sigs: map[string]string{
		"d55be8c6": "MAX_FEE_BPS()",
		"3dca40e6": "MAX_ROYALTY_BPS()",
		"095ea7b3": "approve(address,uint256)",
		"70a08231": "balanceOf(address)",
		"ef97606a": "buyLicence(uint256,address)",
		"1e83409a": "claim(address)",
		"71ba71f5": "component(uint256)",
		"af929c97": "distribute(address,uint256[],uint256[],uint256)",
		"24a9d853": "feeBps()",
		"081812fc": "getApproved(uint256)",
		"e985e9c5": "isApprovedForAll(address,address)",
		"074d8202": "licensed(uint256,address)",
		"a1178ce2": "list(bytes32,uint8,string,address,uint256,uint96)",
		"06fdde03": "name()",
		"61b8ce8c": "nextId()",
		"28079e4a": "owed(address,address)",
		"8da5cb5b": "owner()",
		"6352211e": "ownerOf(uint256)",
		"715018a6": "renounceOwnership()",
		"2a55205a": "royaltyInfo(uint256,uint256)",
		"42842e0e": "safeTransferFrom(address,address,uint256)",
		"b88d4fde": "safeTransferFrom(address,address,uint256,bytes)",
		"a22cb465": "setApprovalForAll(address,bool)",
		"30f738be": "setFee(uint16,address)",
		"47eb1304": "setLicencePrice(uint256,address,uint256)",
		"01ffc9a7": "supportsInterface(bytes4)",
		"95d89b41": "symbol()",
		"c87b56dd": "tokenURI(uint256)",
		"23b872dd": "transferFrom(address,address,uint256)",
		"f2fde38b": "transferOwnership(address)",
		"61d027b3": "treasury()",
	},
	Bin: "0x60806040526001600955348015610014575f5ffd5b506040516127743803806127748339810160408190526100339161018f565b816040518060400160405280601181526020017011d85a5853995d0810dbdb5c1bdb995b9d607a1b81525060405180604001604052806005815260200164474149414360d81b815250815f908161008a9190610258565b5060016100978282610258565b5050506001600160a01b0381166100c757604051631e4fbdf760e01b81525f600482015260240160405180910390fd5b6100d081610123565b5060017f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f0055600a80546001600160a01b03909216620100000262010000600160b01b031990921691909117905550610312565b600880546001600160a01b038381166001600160a01b0319831681179093556040519116919082907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0905f90a35050565b80516001600160a01b038116811461018a575f5ffd5b919050565b5f5f604083850312156101a0575f5ffd5b6101a983610174565b91506101b760208401610174565b90509250929050565b634e487b7160e01b5f52604160045260245ffd5b600181811c908216806101e857607f821691505b60208210810361020657634e487b7160e01b5f52602260045260245ffd5b50919050565b601f82111561025357805f5260205f20601f840160051c810160208510156102315750805b601f840160051c820191505b81811015610250575f815560010161023d565b50505b505050565b81516001600160401b03811115610271576102716101c0565b6102858161027f84546101d4565b8461020c565b6020601f8211600181146102b7575f83156102a05750848201515b5f19600385901b1c1916600184901b178455610250565b5f84815260208120601f198516915b828110156102e657878501518255602094850194600190920191016102c6565b508482101561030357868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b6124558061031f5f395ff3fe608060405234801561000f575f5ffd5b50600436106101dc575f3560e01c806361d027b311610109578063a22cb4651161009e578063d55be8c61161006e578063d55be8c614610465578063e985e9c51461046e578063ef97606a14610481578063f2fde38b14610494575f5ffd5b8063a22cb46514610419578063af929c971461042c578063b88d4fde1461043f578063c87b56dd14610452575f5ffd5b806371ba71f5116100d957806371ba71f5146103cd5780638da5cb5b146103ed57806395d89b41146103fe578063a1178ce214610406575f5ffd5b806361d027b3146103865780636352211e1461039f57806370a08231146103b2578063715018a6146103c5575f5ffd5b806324a9d8531161017f5780633dca40e61161014f5780633dca40e61461034e57806342842e0e1461035757806347eb13041461036a57806361b8ce8c1461037d575f5ffd5b806324a9d853146102b057806328079e4a146102d15780632a55205a1461030957806330f738be1461033b575f5ffd5b8063081812fc116101ba578063081812fc1461024a578063095ea7b3146102755780631e83409a1461028a57806323b872dd1461029d575f5ffd5b806301ffc9a7146101e057806306fdde0314610208578063074d82021461021d575b5f5ffd5b6101f36101ee366004611ce3565b6104a7565b60405190151581526020015b60405180910390f35b6102106104b7565b6040516101ff9190611d2c565b6101f361022b366004611d59565b600c60209081525f928352604080842090915290825290205460ff1681565b61025d610258366004611d83565b610546565b6040516001600160a01b0390911681526020016101ff565b610288610283366004611d9a565b61056d565b005b610288610298366004611dc2565b61057c565b6102886102ab366004611ddb565b610640565b600a546102be9061ffff1681565b60405161ffff90911681526020016101ff565b6102fb6102df366004611e15565b600d60209081525f928352604080842090915290825290205481565b6040519081526020016101ff565b61031c610317366004611e3d565b6106ce565b604080516001600160a01b0390931683526020830191909152016101ff565b610288610349366004611e5d565b610749565b6102be6109c481565b610288610365366004611ddb565b6107f7565b610288610378366004611e7f565b610816565b6102fb60095481565b600a5461025d906201000090046001600160a01b031681565b61025d6103ad366004611d83565b6108d3565b6102fb6103c0366004611dc2565b6108dd565b610288610922565b6103e06103db366004611d83565b610935565b6040516101ff9190611ed5565b6008546001600160a01b031661025d565b610210610a7b565b6102fb610414366004611f3e565b610a8a565b610288610427366004611ff4565b610c7a565b6102fb61043a36600461206e565b610c85565b61028861044d36600461210a565b610f01565b610210610460366004611d83565b610f19565b6102be6103e881565b6101f361047c366004611e15565b610fc3565b61028861048f366004611d59565b610ff0565b6102886104a2366004611dc2565b6112fd565b5f6104b182611337565b92915050565b60605f80546104c5906121e7565b80601f01602080910402602001604051908101604052809291908181526020018280546104f1906121e7565b801561053c5780601f106105135761010080835404028352916020019161053c565b820191905f5260205f20905b81548152906001019060200180831161051f57829003601f168201915b5050505050905090565b5f6105508261135b565b505f828152600460205260409020546001600160a01b03166104b1565b610578828233611393565b5050565b6105846113a0565b335f908152600d602090815260408083206001600160a01b0385168452909152812054908190036105b55750610627565b335f818152600d602090815260408083206001600160a01b03871680855292528220919091556105e591836113bb565b6040518181526001600160a01b0383169033907ff7a40077ff7a04c7e61f6f26fb13774259ddf1b6bce9ecf26a8276cdd39926839060200160405180910390a3505b61063d60015f5160206124295f395f51905f5255565b50565b6001600160a01b03821661066e57604051633250574960e11b81525f60048201526024015b60405180910390fd5b5f61067a8383336113f0565b9050836001600160a01b0316816001600160a01b0316146106c8576040516364283d7b60e01b81526001600160a01b0380861660048301526024820184905282166044820152606401610665565b50505050565b5f82815260076020526040812080548291906001600160a01b03811690600160a01b90046001600160601b0316816107215750506006546001600160a01b03811690600160a01b90046001600160601b03165b5f610738876001600160601b0384166127106114e4565b9295509193505050505b9250929050565b610751611594565b6103e861ffff8316118061076c57506001600160a01b038116155b1561078a5760405163917f1a5360e01b815260040160405180910390fd5b600a805461ffff84166001600160b01b03199091168117620100006001600160a01b038516908102919091179092556040805191825260208201929092527fcf4d2d03d4b8ecbbb158b4405a7f342f82c5a11f84050a067767a63744e52209910160405180910390a15050565b61081183838360405180602001604052805f815250610f01565b505050565b33610820846108d3565b6001600160a01b03161461084757604051636675946d60e01b815260040160405180910390fd5b5f838152600b6020526040908190206001810180546001600160a01b03861661010002610100600160a81b03199091161790556002018290555183907f897067d69d8599f561aaa211b7f688922d15fe296be5d957b5313de9f0d13cdc906108c690859085906001600160a01b03929092168252602082015260400190565b60405180910390a2505050565b5f6104b18261135b565b5f6001600160a01b038216610907576040516322718ad960e21b81525f6004820152602401610665565b506001600160a01b03165f9081526003602052604090205490565b61092a611594565b6109335f6115c1565b565b6109646040805160a081019091525f808252602082019081525f60208201819052604082015260609081015290565b61096d8261135b565b505f828152600b6020908152604091829020825160a08101909352805483526001810154909183019060ff1660028111156109aa576109aa611ea1565b60028111156109bb576109bb611ea1565b8152600182015461010090046001600160a01b03166020820152600282015460408201526003820180546060909201916109f4906121e7565b80601f0160208091040260200160405190810160405280929190818152602001828054610a20906121e7565b8015610a6b5780601f10610a4257610100808354040283529160200191610a6b565b820191905f5260205f20905b815481529060010190602001808311610a4e57829003601f168201915b5050505050815250509050919050565b6060600180546104c5906121e7565b5f6109c46001600160601b0383161115610ab757604051638f48685760e01b815260040160405180910390fd5b60098054905f610ac683612233565b9190505590506040518060a00160405280898152602001886002811115610aef57610aef611ea1565b8152602001856001600160a01b0316815260200184815260200187878080601f0160208091040260200160405190810160405280939291908181526020018383808284375f920182905250939094525050838152600b60209081526040909120835181559083015160018083018054939450919260ff191690836002811115610b7a57610b7a611ea1565b021790555060408201516001820180546001600160a01b0390921661010002610100600160a81b03199092169190911790556060820151600282015560808201516003820190610bca908261228f565b50905050610bd83382611612565b610be381338461162b565b336001600160a01b0316817f3d24304d12cd4583c53eaa1d1a5b100a22fd91ef1b69aa5f0fae7f7aa8e012a7898b8a8a604051610c23949392919061234a565b60405180910390a3604080516001600160a01b03861681526020810185905282917f897067d69d8599f561aaa211b7f688922d15fe296be5d957b5313de9f0d13cdc910160405180910390a2979650505050505050565b6105783383836116eb565b5f610c8e6113a0565b848314610cb1576040516001621398b960e31b0319815260040160405180910390fd5b5f80805b85811015610d56575f610cf48a8a84818110610cd357610cd361238d565b905060200201355f908152600260205260409020546001600160a01b031690565b6001600160a01b03161480610d205750868682818110610d1657610d1661238d565b905060200201355f145b610d4e57868682818110610d3657610d3661238d565b9050602002013583610d4891906123a1565b92508091505b600101610cb5565b50811580610d62575083155b15610d71575f92505050610ee1565b610d866001600160a01b038a163330876117b2565b5f805b828111610e95575f610da68b8b84818110610cd357610cd361238d565b90506001600160a01b0381161580610dd55750888883818110610dcb57610dcb61238d565b905060200201355f145b15610de05750610e83565b5f848314610e1057610e0b888b8b86818110610dfe57610dfe61238d565b90506020020135886114e4565b610e1a565b610e1a84896123b4565b9050610e2681856123a1565b935080600d5f846001600160a01b03166001600160a01b031681526020019081526020015f205f8f6001600160a01b03166001600160a01b031681526020019081526020015f205f828254610e7b91906123a1565b909155505050505b80610e8d81612233565b915050610d89565b5060408051868152602081018590526001600160a01b038c16917f3eaadd1ac8418536ec4c2841550ad5d6f322187439a6868b1d093170d60004ce910160405180910390a28493505050505b610ef760015f5160206124295f395f51905f5255565b9695505050505050565b610f0c848484610640565b6106c833858585856117e8565b6060610f248261135b565b505f828152600b602052604090206003018054610f40906121e7565b80601f0160208091040260200160405190810160405280929190818152602001828054610f6c906121e7565b8015610fb75780601f10610f8e57610100808354040283529160200191610fb7565b820191905f5260205f20905b815481529060010190602001808311610f9a57829003601f168201915b50505050509050919050565b6001600160a01b039182165f90815260056020908152604080832093909416825291909152205460ff1690565b610ff86113a0565b5f828152600b60209081526040808320815160a08101909252805482526001810154919290919083019060ff16600281111561103657611036611ea1565b600281111561104757611047611ea1565b8152600182015461010090046001600160a01b0316602082015260028201546040820152600382018054606090920191611080906121e7565b80601f01602080910402602001604051908101604052809291908181526020018280546110ac906121e7565b80156110f75780601f106110ce576101008083540402835291602001916110f7565b820191905f5260205f20905b8154815290600101906020018083116110da57829003601f168201915b50505050508152505090505f61110c846108d3565b60408301519091506001600160a01b031661113d57604051630cb5f92160e41b815260048101859052602401610665565b5f848152600c602090815260408083206001600160a01b038716845290915290205460ff1615611192576040516361a95c7b60e11b8152600481018590526001600160a01b0384166024820152604401610665565b5f848152600c602090815260408083206001600160a01b038088168552925291829020805460ff191660011790556060840151918401516111d992911690339030906117b2565b6060820151600a545f916111f39161ffff166127106114e4565b600a546001600160a01b036201000090910481165f908152600d602090815260408083208882015190941683529290529081208054929350839290919061123b9084906123a1565b909155505060608301516112509082906123b4565b6001600160a01b038084165f908152600d60209081526040808320888201519094168352929052908120805490919061128a9084906123a1565b9091555050604080840151606085015182516001600160a01b039283168152602081019190915233929187169188917f4441a1e2eccd0518e3460358a3a4971a9988665be93882f8f120f7f9020b2731910160405180910390a450505061057860015f5160206124295f395f51905f5255565b611305611594565b6001600160a01b03811661132e57604051631e4fbdf760e01b81525f6004820152602401610665565b61063d816115c1565b5f6001600160e01b0319821663152a902d60e11b14806104b157506104b182611910565b5f818152600260205260408120546001600160a01b0316806104b157604051637e27328960e01b815260048101849052602401610665565b610811838383600161195f565b6113a8611a63565b60025f5160206124295f395f51905f5255565b6113c88383836001611a92565b61081157604051635274afe760e01b81526001600160a01b0384166004820152602401610665565b5f828152600260205260408120546001600160a01b039081169083161561141c5761141c818486611af4565b6001600160a01b03811615611456576114375f855f5f61195f565b6001600160a01b0381165f90815260036020526040902080545f190190555b6001600160a01b03851615611484576001600160a01b0385165f908152600360205260409020805460010190555b5f8481526002602052604080822080546001600160a01b0319166001600160a01b0389811691821790925591518793918516917fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef91a490505b9392505050565b5f5f5f6114f18686611b58565b91509150815f036115155783818161150b5761150b6123c7565b04925050506114dd565b81841161152c5761152c6003851502601118611b74565b5f848688095f868103871696879004966002600389028118808a02820302808a02820302808a02820302808a02820302808a02820302808a02909103029181900381900460010185841190960395909502919093039390930492909217029150509392505050565b6008546001600160a01b031633146109335760405163118cdaa760e01b8152336004820152602401610665565b600880546001600160a01b038381166001600160a01b0319831681179093556040519116919082907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0905f90a35050565b610578828260405180602001604052805f815250611b85565b6127106001600160601b0382168110156116715760405163dfd1fc1b60e01b8152600481018590526001600160601b038316602482015260448101829052606401610665565b6001600160a01b0383166116a157604051634b4f842960e11b8152600481018590525f6024820152604401610665565b506040805180820182526001600160a01b0393841681526001600160601b0392831660208083019182525f968752600790529190942093519051909116600160a01b029116179055565b6001600160a01b0383166117145760405163a9fbf51f60e01b81525f6004820152602401610665565b6001600160a01b03821661174657604051630b61174360e31b81526001600160a01b0383166004820152602401610665565b6001600160a01b038381165f81815260056020908152604080832094871680845294825291829020805460ff191686151590811790915591519182527f17307eab39ab6107e8899845ad3d59bd9653f200f220920489ca2b5937696c31910160405180910390a3505050565b6117c0848484846001611b9c565b6106c857604051635274afe760e01b81526001600160a01b0385166004820152602401610665565b6001600160a01b0383163b1561190957604051630a85bd0160e11b81526001600160a01b0384169063150b7a029061182a9088908890879087906004016123db565b6020604051808303815f875af1925050508015611864575060408051601f3d908101601f191682019092526118619181019061240d565b60015b6118cb573d808015611891576040519150601f19603f3d011682016040523d82523d5f602084013e611896565b606091505b5080515f036118c357604051633250574960e11b81526001600160a01b0385166004820152602401610665565b805160208201fd5b6001600160e01b03198116630a85bd0160e11b1461190757604051633250574960e11b81526001600160a01b0385166004820152602401610665565b505b5050505050565b5f6001600160e01b031982166380ac58cd60e01b148061194057506001600160e01b03198216635b5e139f60e01b145b806104b157506301ffc9a760e01b6001600160e01b03198316146104b1565b808061197357506001600160a01b03821615155b15611a34575f6119828461135b565b90506001600160a01b038316158015906119ae5750826001600160a01b0316816001600160a01b031614155b80156119c157506119bf8184610fc3565b155b156119ea5760405163a9fbf51f60e01b81526001600160a01b0384166004820152602401610665565b8115611a325783856001600160a01b0316826001600160a01b03167f8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b92560405160405180910390a45b505b50505f90815260046020526040902080546001600160a01b0319166001600160a01b0392909216919091179055565b5f5160206124295f395f51905f525460020361093357604051633ee5aeb560e01b815260040160405180910390fd5b60405163a9059cbb60e01b5f8181526001600160a01b038616600452602485905291602083604481808b5af1925060015f51148316611ae8578383151615611adc573d5f823e3d81fd5b5f873b113d1516831692505b60405250949350505050565b611aff838383611c09565b610811576001600160a01b038316611b2d57604051637e27328960e01b815260048101829052602401610665565b60405163177e802f60e01b81526001600160a01b038316600482015260248101829052604401610665565b5f805f1983850993909202808410938190039390930393915050565b634e487b715f52806020526024601cfd5b611b8f8383611c6d565b610811335f8585856117e8565b6040516323b872dd60e01b5f8181526001600160a01b038781166004528616602452604485905291602083606481808c5af1925060015f51148316611bf8578383151615611bec573d5f823e3d81fd5b5f883b113d1516831692505b604052505f60605295945050505050565b5f6001600160a01b03831615801590611c655750826001600160a01b0316846001600160a01b03161480611c425750611c428484610fc3565b80611c6557505f828152600460205260409020546001600160a01b038481169116145b949350505050565b6001600160a01b038216611c9657604051633250574960e11b81525f6004820152602401610665565b5f611ca283835f6113f0565b90506001600160a01b03811615610811576040516339e3563760e11b81525f6004820152602401610665565b6001600160e01b03198116811461063d575f5ffd5b5f60208284031215611cf3575f5ffd5b81356114dd81611cce565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b602081525f6114dd6020830184611cfe565b80356001600160a01b0381168114611d54575f5ffd5b919050565b5f5f60408385031215611d6a575f5ffd5b82359150611d7a60208401611d3e565b90509250929050565b5f60208284031215611d93575f5ffd5b5035919050565b5f5f60408385031215611dab575f5ffd5b611db483611d3e565b946020939093013593505050565b5f60208284031215611dd2575f5ffd5b6114dd82611d3e565b5f5f5f60608486031215611ded575f5ffd5b611df684611d3e565b9250611e0460208501611d3e565b929592945050506040919091013590565b5f5f60408385031215611e26575f5ffd5b611e2f83611d3e565b9150611d7a60208401611d3e565b5f5f60408385031215611e4e575f5ffd5b50508035926020909101359150565b5f5f60408385031215611e6e575f5ffd5b823561ffff81168114611e2f575f5ffd5b5f5f5f60608486031215611e91575f5ffd5b83359250611e0460208501611d3e565b634e487b7160e01b5f52602160045260245ffd5b60038110611ed157634e487b7160e01b5f52602160045260245ffd5b9052565b60208152815160208201525f6020830151611ef36040840182611eb5565b5060018060a01b03604084015116606083015260608301516080830152608083015160a080840152611c6560c0840182611cfe565b80356001600160601b0381168114611d54575f5ffd5b5f5f5f5f5f5f5f60c0888a031215611f54575f5ffd5b87359650602088013560038110611f69575f5ffd5b9550604088013567ffffffffffffffff811115611f84575f5ffd5b8801601f81018a13611f94575f5ffd5b803567ffffffffffffffff811115611faa575f5ffd5b8a6020828401011115611fbb575f5ffd5b60209190910195509350611fd160608901611d3e565b925060808801359150611fe660a08901611f28565b905092959891949750929550565b5f5f60408385031215612005575f5ffd5b61200e83611d3e565b915060208301358015158114612022575f5ffd5b809150509250929050565b5f5f83601f84011261203d575f5ffd5b50813567ffffffffffffffff811115612054575f5ffd5b6020830191508360208260051b8501011115610742575f5ffd5b5f5f5f5f5f5f60808789031215612083575f5ffd5b61208c87611d3e565b9550602087013567ffffffffffffffff8111156120a7575f5ffd5b6120b389828a0161202d565b909650945050604087013567ffffffffffffffff8111156120d2575f5ffd5b6120de89828a0161202d565b979a9699509497949695606090950135949350505050565b634e487b7160e01b5f52604160045260245ffd5b5f5f5f5f6080858703121561211d575f5ffd5b61212685611d3e565b935061213460208601611d3e565b925060408501359150606085013567ffffffffffffffff811115612156575f5ffd5b8501601f81018713612166575f5ffd5b803567ffffffffffffffff811115612180576121806120f6565b604051601f8201601f19908116603f0116810167ffffffffffffffff811182821017156121af576121af6120f6565b6040528181528282016020018910156121c6575f5ffd5b816020840160208301375f6020838301015280935050505092959194509250565b600181811c908216806121fb57607f821691505b60208210810361221957634e487b7160e01b5f52602260045260245ffd5b50919050565b634e487b7160e01b5f52601160045260245ffd5b5f600182016122445761224461221f565b5060010190565b601f82111561081157805f5260205f20601f840160051c810160208510156122705750805b601f840160051c820191505b81811015611909575f815560010161227c565b815167ffffffffffffffff8111156122a9576122a96120f6565b6122bd816122b784546121e7565b8461224b565b6020601f8211600181146122ef575f83156122d85750848201515b5f19600385901b1c1916600184901b178455611909565b5f84815260208120601f198516915b8281101561231e57878501518255602094850194600190920191016122fe565b508482101561233b57868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b6123548186611eb5565b83602082015260606040820152816060820152818360808301375f818301608090810191909152601f909201601f191601019392505050565b634e487b7160e01b5f52603260045260245ffd5b808201808211156104b1576104b161221f565b818103818111156104b1576104b161221f565b634e487b7160e01b5f52601260045260245ffd5b6001600160a01b03858116825284166020820152604081018390526080606082018190525f90610ef790830184611cfe565b5f6020828403121561241d575f5ffd5b81516114dd81611cce56fe9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f00a164736f6c634300081e000a",
}

// MarketplaceABI is the input ABI used to generate the binding from.
// Deprecated: Use MarketplaceMetaData.ABI instead.
var MarketplaceABI = MarketplaceMetaData.ABI

// Deprecated: Use MarketplaceMetaData.Sigs instead.
// MarketplaceFuncSigs maps the 4-byte function signature to its string representation.
var MarketplaceFuncSigs = MarketplaceMetaData.Sigs

// MarketplaceBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use MarketplaceMetaData.Bin instead.
var MarketplaceBin = MarketplaceMetaData.Bin

// DeployMarketplace deploys a new Ethereum contract, binding an instance of Marketplace to it.
func DeployMarketplace(auth *bind.TransactOpts, backend bind.ContractBackend, owner common.Address, treasury_ common.Address) (common.Address, *types.Transaction, *Marketplace, error) {
	parsed, err := MarketplaceMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(MarketplaceBin), backend, owner, treasury_)
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	return address, tx, &Marketplace{MarketplaceCaller: MarketplaceCaller{contract: contract}, MarketplaceTransactor: MarketplaceTransactor{contract: contract}, MarketplaceFilterer: MarketplaceFilterer{contract: contract}}, nil
}

// Marketplace is an auto generated Go binding around an Ethereum contract.
type Marketplace struct {
	MarketplaceCaller     // Read-only binding to the contract
	MarketplaceTransactor // Write-only binding to the contract
	MarketplaceFilterer   // Log filterer for contract events
}

// MarketplaceCaller is an auto generated read-only Go binding around an Ethereum contract.
type MarketplaceCaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// MarketplaceTransactor is an auto generated write-only Go binding around an Ethereum contract.
type MarketplaceTransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// MarketplaceFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type MarketplaceFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// MarketplaceSession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type MarketplaceSession struct {
	Contract     *Marketplace      // Generic contract binding to set the session for
	CallOpts     bind.CallOpts     // Call options to use throughout this session
	TransactOpts bind.TransactOpts // Transaction auth options to use throughout this session
}

// MarketplaceCallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type MarketplaceCallerSession struct {
	Contract *MarketplaceCaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts      // Call options to use throughout this session
}

// MarketplaceTransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type MarketplaceTransactorSession struct {
	Contract     *MarketplaceTransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts      // Transaction auth options to use throughout this session
}

// MarketplaceRaw is an auto generated low-level Go binding around an Ethereum contract.
type MarketplaceRaw struct {
	Contract *Marketplace // Generic contract binding to access the raw methods on
}

// MarketplaceCallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type MarketplaceCallerRaw struct {
	Contract *MarketplaceCaller // Generic read-only contract binding to access the raw methods on
}

// MarketplaceTransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type MarketplaceTransactorRaw struct {
	Contract *MarketplaceTransactor // Generic write-only contract binding to access the raw methods on
}

// NewMarketplace creates a new instance of Marketplace, bound to a specific deployed contract.
func NewMarketplace(address common.Address, backend bind.ContractBackend) (*Marketplace, error) {
	contract, err := bindMarketplace(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &Marketplace{MarketplaceCaller: MarketplaceCaller{contract: contract}, MarketplaceTransactor: MarketplaceTransactor{contract: contract}, MarketplaceFilterer: MarketplaceFilterer{contract: contract}}, nil
}

// NewMarketplaceCaller creates a new read-only instance of Marketplace, bound to a specific deployed contract.
func NewMarketplaceCaller(address common.Address, caller bind.ContractCaller) (*MarketplaceCaller, error) {
	contract, err := bindMarketplace(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &MarketplaceCaller{contract: contract}, nil
}

// NewMarketplaceTransactor creates a new write-only instance of Marketplace, bound to a specific deployed contract.
func NewMarketplaceTransactor(address common.Address, transactor bind.ContractTransactor) (*MarketplaceTransactor, error) {
	contract, err := bindMarketplace(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &MarketplaceTransactor{contract: contract}, nil
}

// NewMarketplaceFilterer creates a new log filterer instance of Marketplace, bound to a specific deployed contract.
func NewMarketplaceFilterer(address common.Address, filterer bind.ContractFilterer) (*MarketplaceFilterer, error) {
	contract, err := bindMarketplace(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &MarketplaceFilterer{contract: contract}, nil
}

// bindMarketplace binds a generic wrapper to an already deployed contract.
func bindMarketplace(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := MarketplaceMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_Marketplace *MarketplaceRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _Marketplace.Contract.MarketplaceCaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_Marketplace *MarketplaceRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _Marketplace.Contract.MarketplaceTransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_Marketplace *MarketplaceRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _Marketplace.Contract.MarketplaceTransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_Marketplace *MarketplaceCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _Marketplace.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_Marketplace *MarketplaceTransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _Marketplace.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_Marketplace *MarketplaceTransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _Marketplace.Contract.contract.Transact(opts, method, params...)
}

// MAXFEEBPS is a free data retrieval call binding the contract method 0xd55be8c6.
//
// Solidity: function MAX_FEE_BPS() view returns(uint16)
func (_Marketplace *MarketplaceCaller) MAXFEEBPS(opts *bind.CallOpts) (uint16, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "MAX_FEE_BPS")

	if err != nil {
		return *new(uint16), err
	}

	out0 := *abi.ConvertType(out[0], new(uint16)).(*uint16)

	return out0, err

}

// MAXFEEBPS is a free data retrieval call binding the contract method 0xd55be8c6.
//
// Solidity: function MAX_FEE_BPS() view returns(uint16)
func (_Marketplace *MarketplaceSession) MAXFEEBPS() (uint16, error) {
	return _Marketplace.Contract.MAXFEEBPS(&_Marketplace.CallOpts)
}

// MAXFEEBPS is a free data retrieval call binding the contract method 0xd55be8c6.
//
// Solidity: function MAX_FEE_BPS() view returns(uint16)
func (_Marketplace *MarketplaceCallerSession) MAXFEEBPS() (uint16, error) {
	return _Marketplace.Contract.MAXFEEBPS(&_Marketplace.CallOpts)
}

// MAXROYALTYBPS is a free data retrieval call binding the contract method 0x3dca40e6.
//
// Solidity: function MAX_ROYALTY_BPS() view returns(uint16)
func (_Marketplace *MarketplaceCaller) MAXROYALTYBPS(opts *bind.CallOpts) (uint16, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "MAX_ROYALTY_BPS")

	if err != nil {
		return *new(uint16), err
	}

	out0 := *abi.ConvertType(out[0], new(uint16)).(*uint16)

	return out0, err

}

// MAXROYALTYBPS is a free data retrieval call binding the contract method 0x3dca40e6.
//
// Solidity: function MAX_ROYALTY_BPS() view returns(uint16)
func (_Marketplace *MarketplaceSession) MAXROYALTYBPS() (uint16, error) {
	return _Marketplace.Contract.MAXROYALTYBPS(&_Marketplace.CallOpts)
}

// MAXROYALTYBPS is a free data retrieval call binding the contract method 0x3dca40e6.
//
// Solidity: function MAX_ROYALTY_BPS() view returns(uint16)
func (_Marketplace *MarketplaceCallerSession) MAXROYALTYBPS() (uint16, error) {
	return _Marketplace.Contract.MAXROYALTYBPS(&_Marketplace.CallOpts)
}

// BalanceOf is a free data retrieval call binding the contract method 0x70a08231.
//
// Solidity: function balanceOf(address owner) view returns(uint256)
func (_Marketplace *MarketplaceCaller) BalanceOf(opts *bind.CallOpts, owner common.Address) (*big.Int, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "balanceOf", owner)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// BalanceOf is a free data retrieval call binding the contract method 0x70a08231.
//
// Solidity: function balanceOf(address owner) view returns(uint256)
func (_Marketplace *MarketplaceSession) BalanceOf(owner common.Address) (*big.Int, error) {
	return _Marketplace.Contract.BalanceOf(&_Marketplace.CallOpts, owner)
}

// BalanceOf is a free data retrieval call binding the contract method 0x70a08231.
//
// Solidity: function balanceOf(address owner) view returns(uint256)
func (_Marketplace *MarketplaceCallerSession) BalanceOf(owner common.Address) (*big.Int, error) {
	return _Marketplace.Contract.BalanceOf(&_Marketplace.CallOpts, owner)
}

// Component is a free data retrieval call binding the contract method 0x71ba71f5.
//
// Solidity: function component(uint256 id) view returns((bytes32,uint8,address,uint256,string))
func (_Marketplace *MarketplaceCaller) Component(opts *bind.CallOpts, id *big.Int) (MarketplaceComponent, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "component", id)

	if err != nil {
		return *new(MarketplaceComponent), err
	}

	out0 := *abi.ConvertType(out[0], new(MarketplaceComponent)).(*MarketplaceComponent)

	return out0, err

}

// Component is a free data retrieval call binding the contract method 0x71ba71f5.
//
// Solidity: function component(uint256 id) view returns((bytes32,uint8,address,uint256,string))
func (_Marketplace *MarketplaceSession) Component(id *big.Int) (MarketplaceComponent, error) {
	return _Marketplace.Contract.Component(&_Marketplace.CallOpts, id)
}

// Component is a free data retrieval call binding the contract method 0x71ba71f5.
//
// Solidity: function component(uint256 id) view returns((bytes32,uint8,address,uint256,string))
func (_Marketplace *MarketplaceCallerSession) Component(id *big.Int) (MarketplaceComponent, error) {
	return _Marketplace.Contract.Component(&_Marketplace.CallOpts, id)
}

// FeeBps is a free data retrieval call binding the contract method 0x24a9d853.
//
// Solidity: function feeBps() view returns(uint16)
func (_Marketplace *MarketplaceCaller) FeeBps(opts *bind.CallOpts) (uint16, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "feeBps")

	if err != nil {
		return *new(uint16), err
	}

	out0 := *abi.ConvertType(out[0], new(uint16)).(*uint16)

	return out0, err

}

// FeeBps is a free data retrieval call binding the contract method 0x24a9d853.
//
// Solidity: function feeBps() view returns(uint16)
func (_Marketplace *MarketplaceSession) FeeBps() (uint16, error) {
	return _Marketplace.Contract.FeeBps(&_Marketplace.CallOpts)
}

// FeeBps is a free data retrieval call binding the contract method 0x24a9d853.
//
// Solidity: function feeBps() view returns(uint16)
func (_Marketplace *MarketplaceCallerSession) FeeBps() (uint16, error) {
	return _Marketplace.Contract.FeeBps(&_Marketplace.CallOpts)
}

// GetApproved is a free data retrieval call binding the contract method 0x081812fc.
//
// Solidity: function getApproved(uint256 tokenId) view returns(address)
func (_Marketplace *MarketplaceCaller) GetApproved(opts *bind.CallOpts, tokenId *big.Int) (common.Address, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "getApproved", tokenId)

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// GetApproved is a free data retrieval call binding the contract method 0x081812fc.
//
// Solidity: function getApproved(uint256 tokenId) view returns(address)
func (_Marketplace *MarketplaceSession) GetApproved(tokenId *big.Int) (common.Address, error) {
	return _Marketplace.Contract.GetApproved(&_Marketplace.CallOpts, tokenId)
}

// GetApproved is a free data retrieval call binding the contract method 0x081812fc.
//
// Solidity: function getApproved(uint256 tokenId) view returns(address)
func (_Marketplace *MarketplaceCallerSession) GetApproved(tokenId *big.Int) (common.Address, error) {
	return _Marketplace.Contract.GetApproved(&_Marketplace.CallOpts, tokenId)
}

// IsApprovedForAll is a free data retrieval call binding the contract method 0xe985e9c5.
//
// Solidity: function isApprovedForAll(address owner, address operator) view returns(bool)
func (_Marketplace *MarketplaceCaller) IsApprovedForAll(opts *bind.CallOpts, owner common.Address, operator common.Address) (bool, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "isApprovedForAll", owner, operator)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// IsApprovedForAll is a free data retrieval call binding the contract method 0xe985e9c5.
//
// Solidity: function isApprovedForAll(address owner, address operator) view returns(bool)
func (_Marketplace *MarketplaceSession) IsApprovedForAll(owner common.Address, operator common.Address) (bool, error) {
	return _Marketplace.Contract.IsApprovedForAll(&_Marketplace.CallOpts, owner, operator)
}

// IsApprovedForAll is a free data retrieval call binding the contract method 0xe985e9c5.
//
// Solidity: function isApprovedForAll(address owner, address operator) view returns(bool)
func (_Marketplace *MarketplaceCallerSession) IsApprovedForAll(owner common.Address, operator common.Address) (bool, error) {
	return _Marketplace.Contract.IsApprovedForAll(&_Marketplace.CallOpts, owner, operator)
}

// Licensed is a free data retrieval call binding the contract method 0x074d8202.
//
// Solidity: function licensed(uint256 id, address node) view returns(bool)
func (_Marketplace *MarketplaceCaller) Licensed(opts *bind.CallOpts, id *big.Int, node common.Address) (bool, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "licensed", id, node)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// Licensed is a free data retrieval call binding the contract method 0x074d8202.
//
// Solidity: function licensed(uint256 id, address node) view returns(bool)
func (_Marketplace *MarketplaceSession) Licensed(id *big.Int, node common.Address) (bool, error) {
	return _Marketplace.Contract.Licensed(&_Marketplace.CallOpts, id, node)
}

// Licensed is a free data retrieval call binding the contract method 0x074d8202.
//
// Solidity: function licensed(uint256 id, address node) view returns(bool)
func (_Marketplace *MarketplaceCallerSession) Licensed(id *big.Int, node common.Address) (bool, error) {
	return _Marketplace.Contract.Licensed(&_Marketplace.CallOpts, id, node)
}

// Name is a free data retrieval call binding the contract method 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (_Marketplace *MarketplaceCaller) Name(opts *bind.CallOpts) (string, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "name")

	if err != nil {
		return *new(string), err
	}

	out0 := *abi.ConvertType(out[0], new(string)).(*string)

	return out0, err

}

// Name is a free data retrieval call binding the contract method 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (_Marketplace *MarketplaceSession) Name() (string, error) {
	return _Marketplace.Contract.Name(&_Marketplace.CallOpts)
}

// Name is a free data retrieval call binding the contract method 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (_Marketplace *MarketplaceCallerSession) Name() (string, error) {
	return _Marketplace.Contract.Name(&_Marketplace.CallOpts)
}

// NextId is a free data retrieval call binding the contract method 0x61b8ce8c.
//
// Solidity: function nextId() view returns(uint256)
func (_Marketplace *MarketplaceCaller) NextId(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "nextId")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// NextId is a free data retrieval call binding the contract method 0x61b8ce8c.
//
// Solidity: function nextId() view returns(uint256)
func (_Marketplace *MarketplaceSession) NextId() (*big.Int, error) {
	return _Marketplace.Contract.NextId(&_Marketplace.CallOpts)
}

// NextId is a free data retrieval call binding the contract method 0x61b8ce8c.
//
// Solidity: function nextId() view returns(uint256)
func (_Marketplace *MarketplaceCallerSession) NextId() (*big.Int, error) {
	return _Marketplace.Contract.NextId(&_Marketplace.CallOpts)
}

// Owed is a free data retrieval call binding the contract method 0x28079e4a.
//
// Solidity: function owed(address payee, address asset) view returns(uint256)
func (_Marketplace *MarketplaceCaller) Owed(opts *bind.CallOpts, payee common.Address, asset common.Address) (*big.Int, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "owed", payee, asset)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// Owed is a free data retrieval call binding the contract method 0x28079e4a.
//
// Solidity: function owed(address payee, address asset) view returns(uint256)
func (_Marketplace *MarketplaceSession) Owed(payee common.Address, asset common.Address) (*big.Int, error) {
	return _Marketplace.Contract.Owed(&_Marketplace.CallOpts, payee, asset)
}

// Owed is a free data retrieval call binding the contract method 0x28079e4a.
//
// Solidity: function owed(address payee, address asset) view returns(uint256)
func (_Marketplace *MarketplaceCallerSession) Owed(payee common.Address, asset common.Address) (*big.Int, error) {
	return _Marketplace.Contract.Owed(&_Marketplace.CallOpts, payee, asset)
}

// Owner is a free data retrieval call binding the contract method 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (_Marketplace *MarketplaceCaller) Owner(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "owner")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Owner is a free data retrieval call binding the contract method 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (_Marketplace *MarketplaceSession) Owner() (common.Address, error) {
	return _Marketplace.Contract.Owner(&_Marketplace.CallOpts)
}

// Owner is a free data retrieval call binding the contract method 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (_Marketplace *MarketplaceCallerSession) Owner() (common.Address, error) {
	return _Marketplace.Contract.Owner(&_Marketplace.CallOpts)
}

// OwnerOf is a free data retrieval call binding the contract method 0x6352211e.
//
// Solidity: function ownerOf(uint256 tokenId) view returns(address)
func (_Marketplace *MarketplaceCaller) OwnerOf(opts *bind.CallOpts, tokenId *big.Int) (common.Address, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "ownerOf", tokenId)

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// OwnerOf is a free data retrieval call binding the contract method 0x6352211e.
//
// Solidity: function ownerOf(uint256 tokenId) view returns(address)
func (_Marketplace *MarketplaceSession) OwnerOf(tokenId *big.Int) (common.Address, error) {
	return _Marketplace.Contract.OwnerOf(&_Marketplace.CallOpts, tokenId)
}

// OwnerOf is a free data retrieval call binding the contract method 0x6352211e.
//
// Solidity: function ownerOf(uint256 tokenId) view returns(address)
func (_Marketplace *MarketplaceCallerSession) OwnerOf(tokenId *big.Int) (common.Address, error) {
	return _Marketplace.Contract.OwnerOf(&_Marketplace.CallOpts, tokenId)
}

// RoyaltyInfo is a free data retrieval call binding the contract method 0x2a55205a.
//
// Solidity: function royaltyInfo(uint256 tokenId, uint256 salePrice) view returns(address receiver, uint256 amount)
func (_Marketplace *MarketplaceCaller) RoyaltyInfo(opts *bind.CallOpts, tokenId *big.Int, salePrice *big.Int) (struct {
	Receiver common.Address
	Amount   *big.Int
}, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "royaltyInfo", tokenId, salePrice)

	outstruct := new(struct {
		Receiver common.Address
		Amount   *big.Int
	})
	if err != nil {
		return *outstruct, err
	}

	outstruct.Receiver = *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	outstruct.Amount = *abi.ConvertType(out[1], new(*big.Int)).(**big.Int)

	return *outstruct, err

}

// RoyaltyInfo is a free data retrieval call binding the contract method 0x2a55205a.
//
// Solidity: function royaltyInfo(uint256 tokenId, uint256 salePrice) view returns(address receiver, uint256 amount)
func (_Marketplace *MarketplaceSession) RoyaltyInfo(tokenId *big.Int, salePrice *big.Int) (struct {
	Receiver common.Address
	Amount   *big.Int
}, error) {
	return _Marketplace.Contract.RoyaltyInfo(&_Marketplace.CallOpts, tokenId, salePrice)
}

// RoyaltyInfo is a free data retrieval call binding the contract method 0x2a55205a.
//
// Solidity: function royaltyInfo(uint256 tokenId, uint256 salePrice) view returns(address receiver, uint256 amount)
func (_Marketplace *MarketplaceCallerSession) RoyaltyInfo(tokenId *big.Int, salePrice *big.Int) (struct {
	Receiver common.Address
	Amount   *big.Int
}, error) {
	return _Marketplace.Contract.RoyaltyInfo(&_Marketplace.CallOpts, tokenId, salePrice)
}

// SupportsInterface is a free data retrieval call binding the contract method 0x01ffc9a7.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (_Marketplace *MarketplaceCaller) SupportsInterface(opts *bind.CallOpts, interfaceId [4]byte) (bool, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "supportsInterface", interfaceId)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// SupportsInterface is a free data retrieval call binding the contract method 0x01ffc9a7.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (_Marketplace *MarketplaceSession) SupportsInterface(interfaceId [4]byte) (bool, error) {
	return _Marketplace.Contract.SupportsInterface(&_Marketplace.CallOpts, interfaceId)
}

// SupportsInterface is a free data retrieval call binding the contract method 0x01ffc9a7.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (_Marketplace *MarketplaceCallerSession) SupportsInterface(interfaceId [4]byte) (bool, error) {
	return _Marketplace.Contract.SupportsInterface(&_Marketplace.CallOpts, interfaceId)
}

// Symbol is a free data retrieval call binding the contract method 0x95d89b41.
//
// Solidity: function symbol() view returns(string)
func (_Marketplace *MarketplaceCaller) Symbol(opts *bind.CallOpts) (string, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "symbol")

	if err != nil {
		return *new(string), err
	}

	out0 := *abi.ConvertType(out[0], new(string)).(*string)

	return out0, err

}

// Symbol is a free data retrieval call binding the contract method 0x95d89b41.
//
// Solidity: function symbol() view returns(string)
func (_Marketplace *MarketplaceSession) Symbol() (string, error) {
	return _Marketplace.Contract.Symbol(&_Marketplace.CallOpts)
}

// Symbol is a free data retrieval call binding the contract method 0x95d89b41.
//
// Solidity: function symbol() view returns(string)
func (_Marketplace *MarketplaceCallerSession) Symbol() (string, error) {
	return _Marketplace.Contract.Symbol(&_Marketplace.CallOpts)
}

// TokenURI is a free data retrieval call binding the contract method 0xc87b56dd.
//
// Solidity: function tokenURI(uint256 id) view returns(string)
func (_Marketplace *MarketplaceCaller) TokenURI(opts *bind.CallOpts, id *big.Int) (string, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "tokenURI", id)

	if err != nil {
		return *new(string), err
	}

	out0 := *abi.ConvertType(out[0], new(string)).(*string)

	return out0, err

}

// TokenURI is a free data retrieval call binding the contract method 0xc87b56dd.
//
// Solidity: function tokenURI(uint256 id) view returns(string)
func (_Marketplace *MarketplaceSession) TokenURI(id *big.Int) (string, error) {
	return _Marketplace.Contract.TokenURI(&_Marketplace.CallOpts, id)
}

// TokenURI is a free data retrieval call binding the contract method 0xc87b56dd.
//
// Solidity: function tokenURI(uint256 id) view returns(string)
func (_Marketplace *MarketplaceCallerSession) TokenURI(id *big.Int) (string, error) {
	return _Marketplace.Contract.TokenURI(&_Marketplace.CallOpts, id)
}

// Treasury is a free data retrieval call binding the contract method 0x61d027b3.
//
// Solidity: function treasury() view returns(address)
func (_Marketplace *MarketplaceCaller) Treasury(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "treasury")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Treasury is a free data retrieval call binding the contract method 0x61d027b3.
//
// Solidity: function treasury() view returns(address)
func (_Marketplace *MarketplaceSession) Treasury() (common.Address, error) {
	return _Marketplace.Contract.Treasury(&_Marketplace.CallOpts)
}

// Treasury is a free data retrieval call binding the contract method 0x61d027b3.
//
// Solidity: function treasury() view returns(address)
func (_Marketplace *MarketplaceCallerSession) Treasury() (common.Address, error) {
	return _Marketplace.Contract.Treasury(&_Marketplace.CallOpts)
}

// Approve is a paid mutator transaction binding the contract method 0x095ea7b3.
//
// Solidity: function approve(address to, uint256 tokenId) returns()
func (_Marketplace *MarketplaceTransactor) Approve(opts *bind.TransactOpts, to common.Address, tokenId *big.Int) (*types.Transaction, error) {
	return _Marketplace.contract.Transact(opts, "approve", to, tokenId)
}

// Approve is a paid mutator transaction binding the contract method 0x095ea7b3.
//
// Solidity: function approve(address to, uint256 tokenId) returns()
func (_Marketplace *MarketplaceSession) Approve(to common.Address, tokenId *big.Int) (*types.Transaction, error) {
	return _Marketplace.Contract.Approve(&_Marketplace.TransactOpts, to, tokenId)
}

// Approve is a paid mutator transaction binding the contract method 0x095ea7b3.
//
// Solidity: function approve(address to, uint256 tokenId) returns()
func (_Marketplace *MarketplaceTransactorSession) Approve(to common.Address, tokenId *big.Int) (*types.Transaction, error) {
	return _Marketplace.Contract.Approve(&_Marketplace.TransactOpts, to, tokenId)
}

// BuyLicence is a paid mutator transaction binding the contract method 0xef97606a.
//
// Solidity: function buyLicence(uint256 id, address node) returns()
func (_Marketplace *MarketplaceTransactor) BuyLicence(opts *bind.TransactOpts, id *big.Int, node common.Address) (*types.Transaction, error) {
	return _Marketplace.contract.Transact(opts, "buyLicence", id, node)
}

// BuyLicence is a paid mutator transaction binding the contract method 0xef97606a.
//
// Solidity: function buyLicence(uint256 id, address node) returns()
func (_Marketplace *MarketplaceSession) BuyLicence(id *big.Int, node common.Address) (*types.Transaction, error) {
	return _Marketplace.Contract.BuyLicence(&_Marketplace.TransactOpts, id, node)
}

// BuyLicence is a paid mutator transaction binding the contract method 0xef97606a.
//
// Solidity: function buyLicence(uint256 id, address node) returns()
func (_Marketplace *MarketplaceTransactorSession) BuyLicence(id *big.Int, node common.Address) (*types.Transaction, error) {
	return _Marketplace.Contract.BuyLicence(&_Marketplace.TransactOpts, id, node)
}

// Claim is a paid mutator transaction binding the contract method 0x1e83409a.
//
// Solidity: function claim(address asset) returns()
func (_Marketplace *MarketplaceTransactor) Claim(opts *bind.TransactOpts, asset common.Address) (*types.Transaction, error) {
	return _Marketplace.contract.Transact(opts, "claim", asset)
}

// Claim is a paid mutator transaction binding the contract method 0x1e83409a.
//
// Solidity: function claim(address asset) returns()
func (_Marketplace *MarketplaceSession) Claim(asset common.Address) (*types.Transaction, error) {
	return _Marketplace.Contract.Claim(&_Marketplace.TransactOpts, asset)
}

// Claim is a paid mutator transaction binding the contract method 0x1e83409a.
//
// Solidity: function claim(address asset) returns()
func (_Marketplace *MarketplaceTransactorSession) Claim(asset common.Address) (*types.Transaction, error) {
	return _Marketplace.Contract.Claim(&_Marketplace.TransactOpts, asset)
}

// Distribute is a paid mutator transaction binding the contract method 0xaf929c97.
//
// Solidity: function distribute(address asset, uint256[] ids, uint256[] units, uint256 amount) returns(uint256)
func (_Marketplace *MarketplaceTransactor) Distribute(opts *bind.TransactOpts, asset common.Address, ids []*big.Int, units []*big.Int, amount *big.Int) (*types.Transaction, error) {
	return _Marketplace.contract.Transact(opts, "distribute", asset, ids, units, amount)
}

// Distribute is a paid mutator transaction binding the contract method 0xaf929c97.
//
// Solidity: function distribute(address asset, uint256[] ids, uint256[] units, uint256 amount) returns(uint256)
func (_Marketplace *MarketplaceSession) Distribute(asset common.Address, ids []*big.Int, units []*big.Int, amount *big.Int) (*types.Transaction, error) {
	return _Marketplace.Contract.Distribute(&_Marketplace.TransactOpts, asset, ids, units, amount)
}

// Distribute is a paid mutator transaction binding the contract method 0xaf929c97.
//
// Solidity: function distribute(address asset, uint256[] ids, uint256[] units, uint256 amount) returns(uint256)
func (_Marketplace *MarketplaceTransactorSession) Distribute(asset common.Address, ids []*big.Int, units []*big.Int, amount *big.Int) (*types.Transaction, error) {
	return _Marketplace.Contract.Distribute(&_Marketplace.TransactOpts, asset, ids, units, amount)
}

// List is a paid mutator transaction binding the contract method 0xa1178ce2.
//
// Solidity: function list(bytes32 contentHash, uint8 kind, string uri, address payAsset, uint256 licencePrice, uint96 royaltyBps) returns(uint256 id)
func (_Marketplace *MarketplaceTransactor) List(opts *bind.TransactOpts, contentHash [32]byte, kind uint8, uri string, payAsset common.Address, licencePrice *big.Int, royaltyBps *big.Int) (*types.Transaction, error) {
	return _Marketplace.contract.Transact(opts, "list", contentHash, kind, uri, payAsset, licencePrice, royaltyBps)
}

// List is a paid mutator transaction binding the contract method 0xa1178ce2.
//
// Solidity: function list(bytes32 contentHash, uint8 kind, string uri, address payAsset, uint256 licencePrice, uint96 royaltyBps) returns(uint256 id)
func (_Marketplace *MarketplaceSession) List(contentHash [32]byte, kind uint8, uri string, payAsset common.Address, licencePrice *big.Int, royaltyBps *big.Int) (*types.Transaction, error) {
	return _Marketplace.Contract.List(&_Marketplace.TransactOpts, contentHash, kind, uri, payAsset, licencePrice, royaltyBps)
}

// List is a paid mutator transaction binding the contract method 0xa1178ce2.
//
// Solidity: function list(bytes32 contentHash, uint8 kind, string uri, address payAsset, uint256 licencePrice, uint96 royaltyBps) returns(uint256 id)
func (_Marketplace *MarketplaceTransactorSession) List(contentHash [32]byte, kind uint8, uri string, payAsset common.Address, licencePrice *big.Int, royaltyBps *big.Int) (*types.Transaction, error) {
	return _Marketplace.Contract.List(&_Marketplace.TransactOpts, contentHash, kind, uri, payAsset, licencePrice, royaltyBps)
}

// RenounceOwnership is a paid mutator transaction binding the contract method 0x715018a6.
//
// Solidity: function renounceOwnership() returns()
func (_Marketplace *MarketplaceTransactor) RenounceOwnership(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _Marketplace.contract.Transact(opts, "renounceOwnership")
}

// RenounceOwnership is a paid mutator transaction binding the contract method 0x715018a6.
//
// Solidity: function renounceOwnership() returns()
func (_Marketplace *MarketplaceSession) RenounceOwnership() (*types.Transaction, error) {
	return _Marketplace.Contract.RenounceOwnership(&_Marketplace.TransactOpts)
}

// RenounceOwnership is a paid mutator transaction binding the contract method 0x715018a6.
//
// Solidity: function renounceOwnership() returns()
func (_Marketplace *MarketplaceTransactorSession) RenounceOwnership() (*types.Transaction, error) {
	return _Marketplace.Contract.RenounceOwnership(&_Marketplace.TransactOpts)
}

// SafeTransferFrom is a paid mutator transaction binding the contract method 0x42842e0e.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 tokenId) returns()
func (_Marketplace *MarketplaceTransactor) SafeTransferFrom(opts *bind.TransactOpts, from common.Address, to common.Address, tokenId *big.Int) (*types.Transaction, error) {
	return _Marketplace.contract.Transact(opts, "safeTransferFrom", from, to, tokenId)
}

// SafeTransferFrom is a paid mutator transaction binding the contract method 0x42842e0e.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 tokenId) returns()
func (_Marketplace *MarketplaceSession) SafeTransferFrom(from common.Address, to common.Address, tokenId *big.Int) (*types.Transaction, error) {
	return _Marketplace.Contract.SafeTransferFrom(&_Marketplace.TransactOpts, from, to, tokenId)
}

// SafeTransferFrom is a paid mutator transaction binding the contract method 0x42842e0e.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 tokenId) returns()
func (_Marketplace *MarketplaceTransactorSession) SafeTransferFrom(from common.Address, to common.Address, tokenId *big.Int) (*types.Transaction, error) {
	return _Marketplace.Contract.SafeTransferFrom(&_Marketplace.TransactOpts, from, to, tokenId)
}

// SafeTransferFrom0 is a paid mutator transaction binding the contract method 0xb88d4fde.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 tokenId, bytes data) returns()
func (_Marketplace *MarketplaceTransactor) SafeTransferFrom0(opts *bind.TransactOpts, from common.Address, to common.Address, tokenId *big.Int, data []byte) (*types.Transaction, error) {
	return _Marketplace.contract.Transact(opts, "safeTransferFrom0", from, to, tokenId, data)
}

// SafeTransferFrom0 is a paid mutator transaction binding the contract method 0xb88d4fde.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 tokenId, bytes data) returns()
func (_Marketplace *MarketplaceSession) SafeTransferFrom0(from common.Address, to common.Address, tokenId *big.Int, data []byte) (*types.Transaction, error) {
	return _Marketplace.Contract.SafeTransferFrom0(&_Marketplace.TransactOpts, from, to, tokenId, data)
}

// SafeTransferFrom0 is a paid mutator transaction binding the contract method 0xb88d4fde.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 tokenId, bytes data) returns()
func (_Marketplace *MarketplaceTransactorSession) SafeTransferFrom0(from common.Address, to common.Address, tokenId *big.Int, data []byte) (*types.Transaction, error) {
	return _Marketplace.Contract.SafeTransferFrom0(&_Marketplace.TransactOpts, from, to, tokenId, data)
}

// SetApprovalForAll is a paid mutator transaction binding the contract method 0xa22cb465.
//
// Solidity: function setApprovalForAll(address operator, bool approved) returns()
func (_Marketplace *MarketplaceTransactor) SetApprovalForAll(opts *bind.TransactOpts, operator common.Address, approved bool) (*types.Transaction, error) {
	return _Marketplace.contract.Transact(opts, "setApprovalForAll", operator, approved)
}

// SetApprovalForAll is a paid mutator transaction binding the contract method 0xa22cb465.
//
// Solidity: function setApprovalForAll(address operator, bool approved) returns()
func (_Marketplace *MarketplaceSession) SetApprovalForAll(operator common.Address, approved bool) (*types.Transaction, error) {
	return _Marketplace.Contract.SetApprovalForAll(&_Marketplace.TransactOpts, operator, approved)
}

// SetApprovalForAll is a paid mutator transaction binding the contract method 0xa22cb465.
//
// Solidity: function setApprovalForAll(address operator, bool approved) returns()
func (_Marketplace *MarketplaceTransactorSession) SetApprovalForAll(operator common.Address, approved bool) (*types.Transaction, error) {
	return _Marketplace.Contract.SetApprovalForAll(&_Marketplace.TransactOpts, operator, approved)
}

// SetFee is a paid mutator transaction binding the contract method 0x30f738be.
//
// Solidity: function setFee(uint16 feeBps_, address treasury_) returns()
func (_Marketplace *MarketplaceTransactor) SetFee(opts *bind.TransactOpts, feeBps_ uint16, treasury_ common.Address) (*types.Transaction, error) {
	return _Marketplace.contract.Transact(opts, "setFee", feeBps_, treasury_)
}

// SetFee is a paid mutator transaction binding the contract method 0x30f738be.
//
// Solidity: function setFee(uint16 feeBps_, address treasury_) returns()
func (_Marketplace *MarketplaceSession) SetFee(feeBps_ uint16, treasury_ common.Address) (*types.Transaction, error) {
	return _Marketplace.Contract.SetFee(&_Marketplace.TransactOpts, feeBps_, treasury_)
}

// SetFee is a paid mutator transaction binding the contract method 0x30f738be.
//
// Solidity: function setFee(uint16 feeBps_, address treasury_) returns()
func (_Marketplace *MarketplaceTransactorSession) SetFee(feeBps_ uint16, treasury_ common.Address) (*types.Transaction, error) {
	return _Marketplace.Contract.SetFee(&_Marketplace.TransactOpts, feeBps_, treasury_)
}

// SetLicencePrice is a paid mutator transaction binding the contract method 0x47eb1304.
//
// Solidity: function setLicencePrice(uint256 id, address payAsset, uint256 price) returns()
func (_Marketplace *MarketplaceTransactor) SetLicencePrice(opts *bind.TransactOpts, id *big.Int, payAsset common.Address, price *big.Int) (*types.Transaction, error) {
	return _Marketplace.contract.Transact(opts, "setLicencePrice", id, payAsset, price)
}

// SetLicencePrice is a paid mutator transaction binding the contract method 0x47eb1304.
//
// Solidity: function setLicencePrice(uint256 id, address payAsset, uint256 price) returns()
func (_Marketplace *MarketplaceSession) SetLicencePrice(id *big.Int, payAsset common.Address, price *big.Int) (*types.Transaction, error) {
	return _Marketplace.Contract.SetLicencePrice(&_Marketplace.TransactOpts, id, payAsset, price)
}

// SetLicencePrice is a paid mutator transaction binding the contract method 0x47eb1304.
//
// Solidity: function setLicencePrice(uint256 id, address payAsset, uint256 price) returns()
func (_Marketplace *MarketplaceTransactorSession) SetLicencePrice(id *big.Int, payAsset common.Address, price *big.Int) (*types.Transaction, error) {
	return _Marketplace.Contract.SetLicencePrice(&_Marketplace.TransactOpts, id, payAsset, price)
}

// TransferFrom is a paid mutator transaction binding the contract method 0x23b872dd.
//
// Solidity: function transferFrom(address from, address to, uint256 tokenId) returns()
func (_Marketplace *MarketplaceTransactor) TransferFrom(opts *bind.TransactOpts, from common.Address, to common.Address, tokenId *big.Int) (*types.Transaction, error) {
	return _Marketplace.contract.Transact(opts, "transferFrom", from, to, tokenId)
}

// TransferFrom is a paid mutator transaction binding the contract method 0x23b872dd.
//
// Solidity: function transferFrom(address from, address to, uint256 tokenId) returns()
func (_Marketplace *MarketplaceSession) TransferFrom(from common.Address, to common.Address, tokenId *big.Int) (*types.Transaction, error) {
	return _Marketplace.Contract.TransferFrom(&_Marketplace.TransactOpts, from, to, tokenId)
}

// TransferFrom is a paid mutator transaction binding the contract method 0x23b872dd.
//
// Solidity: function transferFrom(address from, address to, uint256 tokenId) returns()
func (_Marketplace *MarketplaceTransactorSession) TransferFrom(from common.Address, to common.Address, tokenId *big.Int) (*types.Transaction, error) {
	return _Marketplace.Contract.TransferFrom(&_Marketplace.TransactOpts, from, to, tokenId)
}

// TransferOwnership is a paid mutator transaction binding the contract method 0xf2fde38b.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (_Marketplace *MarketplaceTransactor) TransferOwnership(opts *bind.TransactOpts, newOwner common.Address) (*types.Transaction, error) {
	return _Marketplace.contract.Transact(opts, "transferOwnership", newOwner)
}

// TransferOwnership is a paid mutator transaction binding the contract method 0xf2fde38b.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (_Marketplace *MarketplaceSession) TransferOwnership(newOwner common.Address) (*types.Transaction, error) {
	return _Marketplace.Contract.TransferOwnership(&_Marketplace.TransactOpts, newOwner)
}

// TransferOwnership is a paid mutator transaction binding the contract method 0xf2fde38b.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (_Marketplace *MarketplaceTransactorSession) TransferOwnership(newOwner common.Address) (*types.Transaction, error) {
	return _Marketplace.Contract.TransferOwnership(&_Marketplace.TransactOpts, newOwner)
}

// MarketplaceApprovalIterator is returned from FilterApproval and is used to iterate over the raw logs and unpacked data for Approval events raised by the Marketplace contract.
type MarketplaceApprovalIterator struct {
	Event *MarketplaceApproval // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *MarketplaceApprovalIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(MarketplaceApproval)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(MarketplaceApproval)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *MarketplaceApprovalIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *MarketplaceApprovalIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// MarketplaceApproval represents a Approval event raised by the Marketplace contract.
type MarketplaceApproval struct {
	Owner    common.Address
	Approved common.Address
	TokenId  *big.Int
	Raw      types.Log // Blockchain specific contextual infos
}

// FilterApproval is a free log retrieval operation binding the contract event 0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925.
//
// Solidity: event Approval(address indexed owner, address indexed approved, uint256 indexed tokenId)
func (_Marketplace *MarketplaceFilterer) FilterApproval(opts *bind.FilterOpts, owner []common.Address, approved []common.Address, tokenId []*big.Int) (*MarketplaceApprovalIterator, error) {

	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}
	var approvedRule []interface{}
	for _, approvedItem := range approved {
		approvedRule = append(approvedRule, approvedItem)
	}
	var tokenIdRule []interface{}
	for _, tokenIdItem := range tokenId {
		tokenIdRule = append(tokenIdRule, tokenIdItem)
	}

	logs, sub, err := _Marketplace.contract.FilterLogs(opts, "Approval", ownerRule, approvedRule, tokenIdRule)
	if err != nil {
		return nil, err
	}
	return &MarketplaceApprovalIterator{contract: _Marketplace.contract, event: "Approval", logs: logs, sub: sub}, nil
}

// WatchApproval is a free log subscription operation binding the contract event 0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925.
//
// Solidity: event Approval(address indexed owner, address indexed approved, uint256 indexed tokenId)
func (_Marketplace *MarketplaceFilterer) WatchApproval(opts *bind.WatchOpts, sink chan<- *MarketplaceApproval, owner []common.Address, approved []common.Address, tokenId []*big.Int) (event.Subscription, error) {

	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}
	var approvedRule []interface{}
	for _, approvedItem := range approved {
		approvedRule = append(approvedRule, approvedItem)
	}
	var tokenIdRule []interface{}
	for _, tokenIdItem := range tokenId {
		tokenIdRule = append(tokenIdRule, tokenIdItem)
	}

	logs, sub, err := _Marketplace.contract.WatchLogs(opts, "Approval", ownerRule, approvedRule, tokenIdRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(MarketplaceApproval)
				if err := _Marketplace.contract.UnpackLog(event, "Approval", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseApproval is a log parse operation binding the contract event 0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925.
//
// Solidity: event Approval(address indexed owner, address indexed approved, uint256 indexed tokenId)
func (_Marketplace *MarketplaceFilterer) ParseApproval(log types.Log) (*MarketplaceApproval, error) {
	event := new(MarketplaceApproval)
	if err := _Marketplace.contract.UnpackLog(event, "Approval", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// MarketplaceApprovalForAllIterator is returned from FilterApprovalForAll and is used to iterate over the raw logs and unpacked data for ApprovalForAll events raised by the Marketplace contract.
type MarketplaceApprovalForAllIterator struct {
	Event *MarketplaceApprovalForAll // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *MarketplaceApprovalForAllIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(MarketplaceApprovalForAll)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(MarketplaceApprovalForAll)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *MarketplaceApprovalForAllIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *MarketplaceApprovalForAllIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// MarketplaceApprovalForAll represents a ApprovalForAll event raised by the Marketplace contract.
type MarketplaceApprovalForAll struct {
	Owner    common.Address
	Operator common.Address
	Approved bool
	Raw      types.Log // Blockchain specific contextual infos
}

// FilterApprovalForAll is a free log retrieval operation binding the contract event 0x17307eab39ab6107e8899845ad3d59bd9653f200f220920489ca2b5937696c31.
//
// Solidity: event ApprovalForAll(address indexed owner, address indexed operator, bool approved)
func (_Marketplace *MarketplaceFilterer) FilterApprovalForAll(opts *bind.FilterOpts, owner []common.Address, operator []common.Address) (*MarketplaceApprovalForAllIterator, error) {

	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}
	var operatorRule []interface{}
	for _, operatorItem := range operator {
		operatorRule = append(operatorRule, operatorItem)
	}

	logs, sub, err := _Marketplace.contract.FilterLogs(opts, "ApprovalForAll", ownerRule, operatorRule)
	if err != nil {
		return nil, err
	}
	return &MarketplaceApprovalForAllIterator{contract: _Marketplace.contract, event: "ApprovalForAll", logs: logs, sub: sub}, nil
}

// WatchApprovalForAll is a free log subscription operation binding the contract event 0x17307eab39ab6107e8899845ad3d59bd9653f200f220920489ca2b5937696c31.
//
// Solidity: event ApprovalForAll(address indexed owner, address indexed operator, bool approved)
func (_Marketplace *MarketplaceFilterer) WatchApprovalForAll(opts *bind.WatchOpts, sink chan<- *MarketplaceApprovalForAll, owner []common.Address, operator []common.Address) (event.Subscription, error) {

	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}
	var operatorRule []interface{}
	for _, operatorItem := range operator {
		operatorRule = append(operatorRule, operatorItem)
	}

	logs, sub, err := _Marketplace.contract.WatchLogs(opts, "ApprovalForAll", ownerRule, operatorRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(MarketplaceApprovalForAll)
				if err := _Marketplace.contract.UnpackLog(event, "ApprovalForAll", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseApprovalForAll is a log parse operation binding the contract event 0x17307eab39ab6107e8899845ad3d59bd9653f200f220920489ca2b5937696c31.
//
// Solidity: event ApprovalForAll(address indexed owner, address indexed operator, bool approved)
func (_Marketplace *MarketplaceFilterer) ParseApprovalForAll(log types.Log) (*MarketplaceApprovalForAll, error) {
	event := new(MarketplaceApprovalForAll)
	if err := _Marketplace.contract.UnpackLog(event, "ApprovalForAll", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// MarketplaceClaimedIterator is returned from FilterClaimed and is used to iterate over the raw logs and unpacked data for Claimed events raised by the Marketplace contract.
type MarketplaceClaimedIterator struct {
	Event *MarketplaceClaimed // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *MarketplaceClaimedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(MarketplaceClaimed)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(MarketplaceClaimed)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *MarketplaceClaimedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *MarketplaceClaimedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// MarketplaceClaimed represents a Claimed event raised by the Marketplace contract.
type MarketplaceClaimed struct {
	Payee  common.Address
	Asset  common.Address
	Amount *big.Int
	Raw    types.Log // Blockchain specific contextual infos
}

// FilterClaimed is a free log retrieval operation binding the contract event 0xf7a40077ff7a04c7e61f6f26fb13774259ddf1b6bce9ecf26a8276cdd3992683.
//
// Solidity: event Claimed(address indexed payee, address indexed asset, uint256 amount)
func (_Marketplace *MarketplaceFilterer) FilterClaimed(opts *bind.FilterOpts, payee []common.Address, asset []common.Address) (*MarketplaceClaimedIterator, error) {

	var payeeRule []interface{}
	for _, payeeItem := range payee {
		payeeRule = append(payeeRule, payeeItem)
	}
	var assetRule []interface{}
	for _, assetItem := range asset {
		assetRule = append(assetRule, assetItem)
	}

	logs, sub, err := _Marketplace.contract.FilterLogs(opts, "Claimed", payeeRule, assetRule)
	if err != nil {
		return nil, err
	}
	return &MarketplaceClaimedIterator{contract: _Marketplace.contract, event: "Claimed", logs: logs, sub: sub}, nil
}

// WatchClaimed is a free log subscription operation binding the contract event 0xf7a40077ff7a04c7e61f6f26fb13774259ddf1b6bce9ecf26a8276cdd3992683.
//
// Solidity: event Claimed(address indexed payee, address indexed asset, uint256 amount)
func (_Marketplace *MarketplaceFilterer) WatchClaimed(opts *bind.WatchOpts, sink chan<- *MarketplaceClaimed, payee []common.Address, asset []common.Address) (event.Subscription, error) {

	var payeeRule []interface{}
	for _, payeeItem := range payee {
		payeeRule = append(payeeRule, payeeItem)
	}
	var assetRule []interface{}
	for _, assetItem := range asset {
		assetRule = append(assetRule, assetItem)
	}

	logs, sub, err := _Marketplace.contract.WatchLogs(opts, "Claimed", payeeRule, assetRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(MarketplaceClaimed)
				if err := _Marketplace.contract.UnpackLog(event, "Claimed", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseClaimed is a log parse operation binding the contract event 0xf7a40077ff7a04c7e61f6f26fb13774259ddf1b6bce9ecf26a8276cdd3992683.
//
// Solidity: event Claimed(address indexed payee, address indexed asset, uint256 amount)
func (_Marketplace *MarketplaceFilterer) ParseClaimed(log types.Log) (*MarketplaceClaimed, error) {
	event := new(MarketplaceClaimed)
	if err := _Marketplace.contract.UnpackLog(event, "Claimed", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// MarketplaceFeeSetIterator is returned from FilterFeeSet and is used to iterate over the raw logs and unpacked data for FeeSet events raised by the Marketplace contract.
type MarketplaceFeeSetIterator struct {
	Event *MarketplaceFeeSet // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *MarketplaceFeeSetIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(MarketplaceFeeSet)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(MarketplaceFeeSet)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *MarketplaceFeeSetIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *MarketplaceFeeSetIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// MarketplaceFeeSet represents a FeeSet event raised by the Marketplace contract.
type MarketplaceFeeSet struct {
	FeeBps   uint16
	Treasury common.Address
	Raw      types.Log // Blockchain specific contextual infos
}

// FilterFeeSet is a free log retrieval operation binding the contract event 0xcf4d2d03d4b8ecbbb158b4405a7f342f82c5a11f84050a067767a63744e52209.
//
// Solidity: event FeeSet(uint16 feeBps, address treasury)
func (_Marketplace *MarketplaceFilterer) FilterFeeSet(opts *bind.FilterOpts) (*MarketplaceFeeSetIterator, error) {

	logs, sub, err := _Marketplace.contract.FilterLogs(opts, "FeeSet")
	if err != nil {
		return nil, err
	}
	return &MarketplaceFeeSetIterator{contract: _Marketplace.contract, event: "FeeSet", logs: logs, sub: sub}, nil
}

// WatchFeeSet is a free log subscription operation binding the contract event 0xcf4d2d03d4b8ecbbb158b4405a7f342f82c5a11f84050a067767a63744e52209.
//
// Solidity: event FeeSet(uint16 feeBps, address treasury)
func (_Marketplace *MarketplaceFilterer) WatchFeeSet(opts *bind.WatchOpts, sink chan<- *MarketplaceFeeSet) (event.Subscription, error) {

	logs, sub, err := _Marketplace.contract.WatchLogs(opts, "FeeSet")
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(MarketplaceFeeSet)
				if err := _Marketplace.contract.UnpackLog(event, "FeeSet", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseFeeSet is a log parse operation binding the contract event 0xcf4d2d03d4b8ecbbb158b4405a7f342f82c5a11f84050a067767a63744e52209.
//
// Solidity: event FeeSet(uint16 feeBps, address treasury)
func (_Marketplace *MarketplaceFilterer) ParseFeeSet(log types.Log) (*MarketplaceFeeSet, error) {
	event := new(MarketplaceFeeSet)
	if err := _Marketplace.contract.UnpackLog(event, "FeeSet", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// MarketplaceLicenceBoughtIterator is returned from FilterLicenceBought and is used to iterate over the raw logs and unpacked data for LicenceBought events raised by the Marketplace contract.
type MarketplaceLicenceBoughtIterator struct {
	Event *MarketplaceLicenceBought // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *MarketplaceLicenceBoughtIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(MarketplaceLicenceBought)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(MarketplaceLicenceBought)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *MarketplaceLicenceBoughtIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *MarketplaceLicenceBoughtIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// MarketplaceLicenceBought represents a LicenceBought event raised by the Marketplace contract.
type MarketplaceLicenceBought struct {
	Id    *big.Int
	Node  common.Address
	Buyer common.Address
	Asset common.Address
	Price *big.Int
	Raw   types.Log // Blockchain specific contextual infos
}

// FilterLicenceBought is a free log retrieval operation binding the contract event 0x4441a1e2eccd0518e3460358a3a4971a9988665be93882f8f120f7f9020b2731.
//
// Solidity: event LicenceBought(uint256 indexed id, address indexed node, address indexed buyer, address asset, uint256 price)
func (_Marketplace *MarketplaceFilterer) FilterLicenceBought(opts *bind.FilterOpts, id []*big.Int, node []common.Address, buyer []common.Address) (*MarketplaceLicenceBoughtIterator, error) {

	var idRule []interface{}
	for _, idItem := range id {
		idRule = append(idRule, idItem)
	}
	var nodeRule []interface{}
	for _, nodeItem := range node {
		nodeRule = append(nodeRule, nodeItem)
	}
	var buyerRule []interface{}
	for _, buyerItem := range buyer {
		buyerRule = append(buyerRule, buyerItem)
	}

	logs, sub, err := _Marketplace.contract.FilterLogs(opts, "LicenceBought", idRule, nodeRule, buyerRule)
	if err != nil {
		return nil, err
	}
	return &MarketplaceLicenceBoughtIterator{contract: _Marketplace.contract, event: "LicenceBought", logs: logs, sub: sub}, nil
}

// WatchLicenceBought is a free log subscription operation binding the contract event 0x4441a1e2eccd0518e3460358a3a4971a9988665be93882f8f120f7f9020b2731.
//
// Solidity: event LicenceBought(uint256 indexed id, address indexed node, address indexed buyer, address asset, uint256 price)
func (_Marketplace *MarketplaceFilterer) WatchLicenceBought(opts *bind.WatchOpts, sink chan<- *MarketplaceLicenceBought, id []*big.Int, node []common.Address, buyer []common.Address) (event.Subscription, error) {

	var idRule []interface{}
	for _, idItem := range id {
		idRule = append(idRule, idItem)
	}
	var nodeRule []interface{}
	for _, nodeItem := range node {
		nodeRule = append(nodeRule, nodeItem)
	}
	var buyerRule []interface{}
	for _, buyerItem := range buyer {
		buyerRule = append(buyerRule, buyerItem)
	}

	logs, sub, err := _Marketplace.contract.WatchLogs(opts, "LicenceBought", idRule, nodeRule, buyerRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(MarketplaceLicenceBought)
				if err := _Marketplace.contract.UnpackLog(event, "LicenceBought", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseLicenceBought is a log parse operation binding the contract event 0x4441a1e2eccd0518e3460358a3a4971a9988665be93882f8f120f7f9020b2731.
//
// Solidity: event LicenceBought(uint256 indexed id, address indexed node, address indexed buyer, address asset, uint256 price)
func (_Marketplace *MarketplaceFilterer) ParseLicenceBought(log types.Log) (*MarketplaceLicenceBought, error) {
	event := new(MarketplaceLicenceBought)
	if err := _Marketplace.contract.UnpackLog(event, "LicenceBought", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// MarketplaceListedIterator is returned from FilterListed and is used to iterate over the raw logs and unpacked data for Listed events raised by the Marketplace contract.
type MarketplaceListedIterator struct {
	Event *MarketplaceListed // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *MarketplaceListedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(MarketplaceListed)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(MarketplaceListed)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *MarketplaceListedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *MarketplaceListedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// MarketplaceListed represents a Listed event raised by the Marketplace contract.
type MarketplaceListed struct {
	Id          *big.Int
	Creator     common.Address
	Kind        uint8
	ContentHash [32]byte
	Uri         string
	Raw         types.Log // Blockchain specific contextual infos
}

// FilterListed is a free log retrieval operation binding the contract event 0x3d24304d12cd4583c53eaa1d1a5b100a22fd91ef1b69aa5f0fae7f7aa8e012a7.
//
// Solidity: event Listed(uint256 indexed id, address indexed creator, uint8 kind, bytes32 contentHash, string uri)
func (_Marketplace *MarketplaceFilterer) FilterListed(opts *bind.FilterOpts, id []*big.Int, creator []common.Address) (*MarketplaceListedIterator, error) {

	var idRule []interface{}
	for _, idItem := range id {
		idRule = append(idRule, idItem)
	}
	var creatorRule []interface{}
	for _, creatorItem := range creator {
		creatorRule = append(creatorRule, creatorItem)
	}

	logs, sub, err := _Marketplace.contract.FilterLogs(opts, "Listed", idRule, creatorRule)
	if err != nil {
		return nil, err
	}
	return &MarketplaceListedIterator{contract: _Marketplace.contract, event: "Listed", logs: logs, sub: sub}, nil
}

// WatchListed is a free log subscription operation binding the contract event 0x3d24304d12cd4583c53eaa1d1a5b100a22fd91ef1b69aa5f0fae7f7aa8e012a7.
//
// Solidity: event Listed(uint256 indexed id, address indexed creator, uint8 kind, bytes32 contentHash, string uri)
func (_Marketplace *MarketplaceFilterer) WatchListed(opts *bind.WatchOpts, sink chan<- *MarketplaceListed, id []*big.Int, creator []common.Address) (event.Subscription, error) {

	var idRule []interface{}
	for _, idItem := range id {
		idRule = append(idRule, idItem)
	}
	var creatorRule []interface{}
	for _, creatorItem := range creator {
		creatorRule = append(creatorRule, creatorItem)
	}

	logs, sub, err := _Marketplace.contract.WatchLogs(opts, "Listed", idRule, creatorRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(MarketplaceListed)
				if err := _Marketplace.contract.UnpackLog(event, "Listed", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseListed is a log parse operation binding the contract event 0x3d24304d12cd4583c53eaa1d1a5b100a22fd91ef1b69aa5f0fae7f7aa8e012a7.
//
// Solidity: event Listed(uint256 indexed id, address indexed creator, uint8 kind, bytes32 contentHash, string uri)
func (_Marketplace *MarketplaceFilterer) ParseListed(log types.Log) (*MarketplaceListed, error) {
	event := new(MarketplaceListed)
	if err := _Marketplace.contract.UnpackLog(event, "Listed", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// MarketplaceOwnershipTransferredIterator is returned from FilterOwnershipTransferred and is used to iterate over the raw logs and unpacked data for OwnershipTransferred events raised by the Marketplace contract.
type MarketplaceOwnershipTransferredIterator struct {
	Event *MarketplaceOwnershipTransferred // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *MarketplaceOwnershipTransferredIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(MarketplaceOwnershipTransferred)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(MarketplaceOwnershipTransferred)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *MarketplaceOwnershipTransferredIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *MarketplaceOwnershipTransferredIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// MarketplaceOwnershipTransferred represents a OwnershipTransferred event raised by the Marketplace contract.
type MarketplaceOwnershipTransferred struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           types.Log // Blockchain specific contextual infos
}

// FilterOwnershipTransferred is a free log retrieval operation binding the contract event 0x8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (_Marketplace *MarketplaceFilterer) FilterOwnershipTransferred(opts *bind.FilterOpts, previousOwner []common.Address, newOwner []common.Address) (*MarketplaceOwnershipTransferredIterator, error) {

	var previousOwnerRule []interface{}
	for _, previousOwnerItem := range previousOwner {
		previousOwnerRule = append(previousOwnerRule, previousOwnerItem)
	}
	var newOwnerRule []interface{}
	for _, newOwnerItem := range newOwner {
		newOwnerRule = append(newOwnerRule, newOwnerItem)
	}

	logs, sub, err := _Marketplace.contract.FilterLogs(opts, "OwnershipTransferred", previousOwnerRule, newOwnerRule)
	if err != nil {
		return nil, err
	}
	return &MarketplaceOwnershipTransferredIterator{contract: _Marketplace.contract, event: "OwnershipTransferred", logs: logs, sub: sub}, nil
}

// WatchOwnershipTransferred is a free log subscription operation binding the contract event 0x8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (_Marketplace *MarketplaceFilterer) WatchOwnershipTransferred(opts *bind.WatchOpts, sink chan<- *MarketplaceOwnershipTransferred, previousOwner []common.Address, newOwner []common.Address) (event.Subscription, error) {

	var previousOwnerRule []interface{}
	for _, previousOwnerItem := range previousOwner {
		previousOwnerRule = append(previousOwnerRule, previousOwnerItem)
	}
	var newOwnerRule []interface{}
	for _, newOwnerItem := range newOwner {
		newOwnerRule = append(newOwnerRule, newOwnerItem)
	}

	logs, sub, err := _Marketplace.contract.WatchLogs(opts, "OwnershipTransferred", previousOwnerRule, newOwnerRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(MarketplaceOwnershipTransferred)
				if err := _Marketplace.contract.UnpackLog(event, "OwnershipTransferred", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseOwnershipTransferred is a log parse operation binding the contract event 0x8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (_Marketplace *MarketplaceFilterer) ParseOwnershipTransferred(log types.Log) (*MarketplaceOwnershipTransferred, error) {
	event := new(MarketplaceOwnershipTransferred)
	if err := _Marketplace.contract.UnpackLog(event, "OwnershipTransferred", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// MarketplacePriceSetIterator is returned from FilterPriceSet and is used to iterate over the raw logs and unpacked data for PriceSet events raised by the Marketplace contract.
type MarketplacePriceSetIterator struct {
	Event *MarketplacePriceSet // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *MarketplacePriceSetIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(MarketplacePriceSet)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(MarketplacePriceSet)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *MarketplacePriceSetIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *MarketplacePriceSetIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// MarketplacePriceSet represents a PriceSet event raised by the Marketplace contract.
type MarketplacePriceSet struct {
	Id    *big.Int
	Asset common.Address
	Price *big.Int
	Raw   types.Log // Blockchain specific contextual infos
}

// FilterPriceSet is a free log retrieval operation binding the contract event 0x897067d69d8599f561aaa211b7f688922d15fe296be5d957b5313de9f0d13cdc.
//
// Solidity: event PriceSet(uint256 indexed id, address asset, uint256 price)
func (_Marketplace *MarketplaceFilterer) FilterPriceSet(opts *bind.FilterOpts, id []*big.Int) (*MarketplacePriceSetIterator, error) {

	var idRule []interface{}
	for _, idItem := range id {
		idRule = append(idRule, idItem)
	}

	logs, sub, err := _Marketplace.contract.FilterLogs(opts, "PriceSet", idRule)
	if err != nil {
		return nil, err
	}
	return &MarketplacePriceSetIterator{contract: _Marketplace.contract, event: "PriceSet", logs: logs, sub: sub}, nil
}

// WatchPriceSet is a free log subscription operation binding the contract event 0x897067d69d8599f561aaa211b7f688922d15fe296be5d957b5313de9f0d13cdc.
//
// Solidity: event PriceSet(uint256 indexed id, address asset, uint256 price)
func (_Marketplace *MarketplaceFilterer) WatchPriceSet(opts *bind.WatchOpts, sink chan<- *MarketplacePriceSet, id []*big.Int) (event.Subscription, error) {

	var idRule []interface{}
	for _, idItem := range id {
		idRule = append(idRule, idItem)
	}

	logs, sub, err := _Marketplace.contract.WatchLogs(opts, "PriceSet", idRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(MarketplacePriceSet)
				if err := _Marketplace.contract.UnpackLog(event, "PriceSet", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParsePriceSet is a log parse operation binding the contract event 0x897067d69d8599f561aaa211b7f688922d15fe296be5d957b5313de9f0d13cdc.
//
// Solidity: event PriceSet(uint256 indexed id, address asset, uint256 price)
func (_Marketplace *MarketplaceFilterer) ParsePriceSet(log types.Log) (*MarketplacePriceSet, error) {
	event := new(MarketplacePriceSet)
	if err := _Marketplace.contract.UnpackLog(event, "PriceSet", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// MarketplaceRevenueSharedIterator is returned from FilterRevenueShared and is used to iterate over the raw logs and unpacked data for RevenueShared events raised by the Marketplace contract.
type MarketplaceRevenueSharedIterator struct {
	Event *MarketplaceRevenueShared // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *MarketplaceRevenueSharedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(MarketplaceRevenueShared)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(MarketplaceRevenueShared)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *MarketplaceRevenueSharedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *MarketplaceRevenueSharedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// MarketplaceRevenueShared represents a RevenueShared event raised by the Marketplace contract.
type MarketplaceRevenueShared struct {
	Asset      common.Address
	Amount     *big.Int
	TotalUnits *big.Int
	Raw        types.Log // Blockchain specific contextual infos
}

// FilterRevenueShared is a free log retrieval operation binding the contract event 0x3eaadd1ac8418536ec4c2841550ad5d6f322187439a6868b1d093170d60004ce.
//
// Solidity: event RevenueShared(address indexed asset, uint256 amount, uint256 totalUnits)
func (_Marketplace *MarketplaceFilterer) FilterRevenueShared(opts *bind.FilterOpts, asset []common.Address) (*MarketplaceRevenueSharedIterator, error) {

	var assetRule []interface{}
	for _, assetItem := range asset {
		assetRule = append(assetRule, assetItem)
	}

	logs, sub, err := _Marketplace.contract.FilterLogs(opts, "RevenueShared", assetRule)
	if err != nil {
		return nil, err
	}
	return &MarketplaceRevenueSharedIterator{contract: _Marketplace.contract, event: "RevenueShared", logs: logs, sub: sub}, nil
}

// WatchRevenueShared is a free log subscription operation binding the contract event 0x3eaadd1ac8418536ec4c2841550ad5d6f322187439a6868b1d093170d60004ce.
//
// Solidity: event RevenueShared(address indexed asset, uint256 amount, uint256 totalUnits)
func (_Marketplace *MarketplaceFilterer) WatchRevenueShared(opts *bind.WatchOpts, sink chan<- *MarketplaceRevenueShared, asset []common.Address) (event.Subscription, error) {

	var assetRule []interface{}
	for _, assetItem := range asset {
		assetRule = append(assetRule, assetItem)
	}

	logs, sub, err := _Marketplace.contract.WatchLogs(opts, "RevenueShared", assetRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(MarketplaceRevenueShared)
				if err := _Marketplace.contract.UnpackLog(event, "RevenueShared", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseRevenueShared is a log parse operation binding the contract event 0x3eaadd1ac8418536ec4c2841550ad5d6f322187439a6868b1d093170d60004ce.
//
// Solidity: event RevenueShared(address indexed asset, uint256 amount, uint256 totalUnits)
func (_Marketplace *MarketplaceFilterer) ParseRevenueShared(log types.Log) (*MarketplaceRevenueShared, error) {
	event := new(MarketplaceRevenueShared)
	if err := _Marketplace.contract.UnpackLog(event, "RevenueShared", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// MarketplaceTransferIterator is returned from FilterTransfer and is used to iterate over the raw logs and unpacked data for Transfer events raised by the Marketplace contract.
type MarketplaceTransferIterator struct {
	Event *MarketplaceTransfer // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *MarketplaceTransferIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(MarketplaceTransfer)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(MarketplaceTransfer)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *MarketplaceTransferIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *MarketplaceTransferIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// MarketplaceTransfer represents a Transfer event raised by the Marketplace contract.
type MarketplaceTransfer struct {
	From    common.Address
	To      common.Address
	TokenId *big.Int
	Raw     types.Log // Blockchain specific contextual infos
}

// FilterTransfer is a free log retrieval operation binding the contract event 0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 indexed tokenId)
func (_Marketplace *MarketplaceFilterer) FilterTransfer(opts *bind.FilterOpts, from []common.Address, to []common.Address, tokenId []*big.Int) (*MarketplaceTransferIterator, error) {

	var fromRule []interface{}
	for _, fromItem := range from {
		fromRule = append(fromRule, fromItem)
	}
	var toRule []interface{}
	for _, toItem := range to {
		toRule = append(toRule, toItem)
	}
	var tokenIdRule []interface{}
	for _, tokenIdItem := range tokenId {
		tokenIdRule = append(tokenIdRule, tokenIdItem)
	}

	logs, sub, err := _Marketplace.contract.FilterLogs(opts, "Transfer", fromRule, toRule, tokenIdRule)
	if err != nil {
		return nil, err
	}
	return &MarketplaceTransferIterator{contract: _Marketplace.contract, event: "Transfer", logs: logs, sub: sub}, nil
}

// WatchTransfer is a free log subscription operation binding the contract event 0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 indexed tokenId)
func (_Marketplace *MarketplaceFilterer) WatchTransfer(opts *bind.WatchOpts, sink chan<- *MarketplaceTransfer, from []common.Address, to []common.Address, tokenId []*big.Int) (event.Subscription, error) {

	var fromRule []interface{}
	for _, fromItem := range from {
		fromRule = append(fromRule, fromItem)
	}
	var toRule []interface{}
	for _, toItem := range to {
		toRule = append(toRule, toItem)
	}
	var tokenIdRule []interface{}
	for _, tokenIdItem := range tokenId {
		tokenIdRule = append(tokenIdRule, tokenIdItem)
	}

	logs, sub, err := _Marketplace.contract.WatchLogs(opts, "Transfer", fromRule, toRule, tokenIdRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(MarketplaceTransfer)
				if err := _Marketplace.contract.UnpackLog(event, "Transfer", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseTransfer is a log parse operation binding the contract event 0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 indexed tokenId)
func (_Marketplace *MarketplaceFilterer) ParseTransfer(log types.Log) (*MarketplaceTransfer, error) {
	event := new(MarketplaceTransfer)
	if err := _Marketplace.contract.UnpackLog(event, "Transfer", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// PriceFeedMetaData contains all meta data concerning the PriceFeed contract.
var PriceFeedMetaData = &bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"feeder_\",\"type\":\"address\"},{\"internalType\":\"uint8\",\"name\":\"decimals_\",\"type\":\"uint8\"},{\"internalType\":\"string\",\"name\":\"description_\",\"type\":\"string\"},{\"internalType\":\"int256\",\"name\":\"min_\",\"type\":\"int256\"},{\"internalType\":\"int256\",\"name\":\"max_\",\"type\":\"int256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"int256\",\"name\":\"answer\",\"type\":\"int256\"},{\"internalType\":\"int256\",\"name\":\"minAnswer\",\"type\":\"int256\"},{\"internalType\":\"int256\",\"name\":\"maxAnswer\",\"type\":\"int256\"}],\"name\":\"AnswerOutOfBounds\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"BadBounds\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NoData\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotFeeder\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"OwnableInvalidOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"OwnableUnauthorizedAccount\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"int256\",\"name\":\"answer\",\"type\":\"int256\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"roundId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"updatedAt\",\"type\":\"uint256\"}],\"name\":\"AnswerUpdated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"int256\",\"name\":\"minAnswer\",\"type\":\"int256\"},{\"indexed\":false,\"internalType\":\"int256\",\"name\":\"maxAnswer\",\"type\":\"int256\"}],\"name\":\"BoundsSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"address\",\"name\":\"feeder\",\"type\":\"address\"}],\"name\":\"FeederSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferred\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"decimals\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"description\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"feeder\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint80\",\"name\":\"roundId\",\"type\":\"uint80\"}],\"name\":\"getRoundData\",\"outputs\":[{\"internalType\":\"uint80\",\"name\":\"\",\"type\":\"uint80\"},{\"internalType\":\"int256\",\"name\":\"\",\"type\":\"int256\"},{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"},{\"internalType\":\"uint80\",\"name\":\"\",\"type\":\"uint80\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"latestRound\",\"outputs\":[{\"internalType\":\"uint80\",\"name\":\"\",\"type\":\"uint80\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"latestRoundData\",\"outputs\":[{\"internalType\":\"uint80\",\"name\":\"\",\"type\":\"uint80\"},{\"internalType\":\"int256\",\"name\":\"\",\"type\":\"int256\"},{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"},{\"internalType\":\"uint80\",\"name\":\"\",\"type\":\"uint80\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"maxAnswer\",\"outputs\":[{\"internalType\":\"int256\",\"name\":\"\",\"type\":\"int256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"minAnswer\",\"outputs\":[{\"internalType\":\"int256\",\"name\":\"\",\"type\":\"int256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"renounceOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"int256\",\"name\":\"min_\",\"type\":\"int256\"},{\"internalType\":\"int256\",\"name\":\"max_\",\"type\":\"int256\"}],\"name\":\"setBounds\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"feeder_\",\"type\":\"address\"}],\"name\":\"setFeeder\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"int256\",\"name\":\"answer\",\"type\":\"int256\"}],\"name\":\"submit\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"transferOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"version\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"pure\",\"type\":\"function\"}]",
	Sigs: map[string]string{
		"313ce567": "decimals()",
		"7284e416": "description()",
		"a788a716": "feeder()",
		"9a6fc8f5": "getRoundData(uint80)",
		"668a0f02": "latestRound()",
		"feaf968c": "latestRoundData()",
		"70da2f67": "maxAnswer()",
		"22adbc78": "minAnswer()",
		"8da5cb5b": "owner()",
		"715018a6": "renounceOwnership()",
		"a8a96064": "setBounds(int256,int256)",
		"04d745bb": "setFeeder(address)",
		"9b25df0b": "submit(int256)",
		"f2fde38b": "transferOwnership(address)",
		"54fd4d50": "version()",
	},
	Bin: "0x60a060405234801561000f575f5ffd5b50604051610bc4380380610bc483398101604081905261002e9161019b565b856001600160a01b03811661005c57604051631e4fbdf760e01b81525f600482015260240160405180910390fd5b610065816100aa565b5060ff84166080526001610079848261031b565b50600280546001600160a01b0319166001600160a01b03871617905561009f82826100f9565b5050505050506103d5565b5f80546001600160a01b038381166001600160a01b0319831681178455604051919092169283917f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09190a35050565b5f8213158061010757508181125b156101255760405163f75d8a9360e01b815260040160405180910390fd5b6003829055600481905560408051838152602081018390527f7a5f23cac9c11c546334978bee60307f7d21ba68ca19a7489a38c8a731aa208d910160405180910390a15050565b80516001600160a01b0381168114610182575f5ffd5b919050565b634e487b7160e01b5f52604160045260245ffd5b5f5f5f5f5f5f60c087890312156101b0575f5ffd5b6101b98761016c565b95506101c76020880161016c565b9450604087015160ff811681146101dc575f5ffd5b60608801519094506001600160401b038111156101f7575f5ffd5b8701601f81018913610207575f5ffd5b80516001600160401b0381111561022057610220610187565b604051601f8201601f19908116603f011681016001600160401b038111828210171561024e5761024e610187565b6040528181528282016020018b1015610265575f5ffd5b8160208401602083015e5f91810160200191909152608089015160a090990151979a9699509497949694959350505050565b600181811c908216806102ab57607f821691505b6020821081036102c957634e487b7160e01b5f52602260045260245ffd5b50919050565b601f82111561031657805f5260205f20601f840160051c810160208510156102f45750805b601f840160051c820191505b81811015610313575f8155600101610300565b50505b505050565b81516001600160401b0381111561033457610334610187565b610348816103428454610297565b846102cf565b6020601f82116001811461037a575f83156103635750848201515b5f19600385901b1c1916600184901b178455610313565b5f84815260208120601f198516915b828110156103a95787850151825560209485019460019092019101610389565b50848210156103c657868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b6080516107d76103ed5f395f61012a01526107d75ff3fe608060405234801561000f575f5ffd5b50600436106100f0575f3560e01c80637284e41611610093578063a788a71611610063578063a788a71614610234578063a8a9606414610247578063f2fde38b1461025a578063feaf968c1461026d575f5ffd5b80637284e416146101a15780638da5cb5b146101b65780639a6fc8f5146101da5780639b25df0b14610221575f5ffd5b806354fd4d50116100ce57806354fd4d501461015e578063668a0f021461016557806370da2f6714610190578063715018a614610199575f5ffd5b806304d745bb146100f457806322adbc7814610109578063313ce56714610125575b5f5ffd5b6101076101023660046106a2565b610275565b005b61011260035481565b6040519081526020015b60405180910390f35b61014c7f000000000000000000000000000000000000000000000000000000000000000081565b60405160ff909116815260200161011c565b6001610112565b600554610178906001600160501b031681565b6040516001600160501b03909116815260200161011c565b61011260045481565b6101076102d1565b6101a96102e4565b60405161011c91906106cf565b5f546001600160a01b03165b6040516001600160a01b03909116815260200161011c565b6101ed6101e8366004610704565b610370565b604080516001600160501b03968716815260208101959095528401929092526060830152909116608082015260a00161011c565b61010761022f36600461072a565b6103f5565b6002546101c2906001600160a01b031681565b610107610255366004610741565b610531565b6101076102683660046106a2565b610547565b6101ed610584565b61027d6105b4565b600280546001600160a01b0319166001600160a01b0383169081179091556040519081527fcac926565c5d9f828cfae2e12b6e182e9966b45ee0d82c044950ff5ea8c572b89060200160405180910390a150565b6102d96105b4565b6102e25f6105e0565b565b600180546102f190610761565b80601f016020809104026020016040519081016040528092919081815260200182805461031d90610761565b80156103685780601f1061033f57610100808354040283529160200191610368565b820191905f5260205f20905b81548152906001019060200180831161034b57829003601f168201915b505050505081565b6001600160501b0381165f9081526006602090815260408083208151808301909252805482526001015467ffffffffffffffff1691810182905282918291829182919082036103d25760405163175a3d1f60e31b815260040160405180910390fd5b80516020909101519697909667ffffffffffffffff169550859450879350915050565b6002546001600160a01b031633146104205760405163fe6c39f760e01b815260040160405180910390fd5b600354811280610431575060045481135b1561046d5760035460048054604051630dc2a62d60e31b8152918201849052602482019290925260448101919091526064015b60405180910390fd5b6005545f90610486906001600160501b03166001610799565b6005805469ffffffffffffffffffff19166001600160501b0383169081179091556040805180820182528581524267ffffffffffffffff81811660208085019182525f87815260068252869020945185559051600194909401805467ffffffffffffffff1916949092169390931790559151918252929350909184917f0559884fd3a460db3073b7fc896cc77986f16e378210ded43186175bf646fc5f910160405180910390a35050565b6105396105b4565b610543828261062f565b5050565b61054f6105b4565b6001600160a01b03811661057857604051631e4fbdf760e01b81525f6004820152602401610464565b610581816105e0565b50565b6005545f9081908190819081906105a3906001600160501b0316610370565b945094509450945094509091929394565b5f546001600160a01b031633146102e25760405163118cdaa760e01b8152336004820152602401610464565b5f80546001600160a01b038381166001600160a01b0319831681178455604051919092169283917f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09190a35050565b5f8213158061063d57508181125b1561065b5760405163f75d8a9360e01b815260040160405180910390fd5b6003829055600481905560408051838152602081018390527f7a5f23cac9c11c546334978bee60307f7d21ba68ca19a7489a38c8a731aa208d910160405180910390a15050565b5f602082840312156106b2575f5ffd5b81356001600160a01b03811681146106c8575f5ffd5b9392505050565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b5f60208284031215610714575f5ffd5b81356001600160501b03811681146106c8575f5ffd5b5f6020828403121561073a575f5ffd5b5035919050565b5f5f60408385031215610752575f5ffd5b50508035926020909101359150565b600181811c9082168061077557607f821691505b60208210810361079357634e487b7160e01b5f52602260045260245ffd5b50919050565b6001600160501b0381811683821601908111156107c457634e487b7160e01b5f52601160045260245ffd5b9291505056fea164736f6c634300081e000a",
}

// PriceFeedABI is the input ABI used to generate the binding from.
// Deprecated: Use PriceFeedMetaData.ABI instead.
var PriceFeedABI = PriceFeedMetaData.ABI

// Deprecated: Use PriceFeedMetaData.Sigs instead.
// PriceFeedFuncSigs maps the 4-byte function signature to its string representation.
var PriceFeedFuncSigs = PriceFeedMetaData.Sigs

// PriceFeedBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use PriceFeedMetaData.Bin instead.
var PriceFeedBin = PriceFeedMetaData.Bin

// DeployPriceFeed deploys a new Ethereum contract, binding an instance of PriceFeed to it.
func DeployPriceFeed(auth *bind.TransactOpts, backend bind.ContractBackend, owner common.Address, feeder_ common.Address, decimals_ uint8, description_ string, min_ *big.Int, max_ *big.Int) (common.Address, *types.Transaction, *PriceFeed, error) {
	parsed, err := PriceFeedMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(PriceFeedBin), backend, owner, feeder_, decimals_, description_, min_, max_)
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	return address, tx, &PriceFeed{PriceFeedCaller: PriceFeedCaller{contract: contract}, PriceFeedTransactor: PriceFeedTransactor{contract: contract}, PriceFeedFilterer: PriceFeedFilterer{contract: contract}}, nil
}

// PriceFeed is an auto generated Go binding around an Ethereum contract.
type PriceFeed struct {
	PriceFeedCaller     // Read-only binding to the contract
	PriceFeedTransactor // Write-only binding to the contract
	PriceFeedFilterer   // Log filterer for contract events
}

// PriceFeedCaller is an auto generated read-only Go binding around an Ethereum contract.
type PriceFeedCaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// PriceFeedTransactor is an auto generated write-only Go binding around an Ethereum contract.
type PriceFeedTransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// PriceFeedFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type PriceFeedFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// PriceFeedSession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type PriceFeedSession struct {
	Contract     *PriceFeed        // Generic contract binding to set the session for
	CallOpts     bind.CallOpts     // Call options to use throughout this session
	TransactOpts bind.TransactOpts // Transaction auth options to use throughout this session
}

// PriceFeedCallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type PriceFeedCallerSession struct {
	Contract *PriceFeedCaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts    // Call options to use throughout this session
}

// PriceFeedTransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type PriceFeedTransactorSession struct {
	Contract     *PriceFeedTransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts    // Transaction auth options to use throughout this session
}

// PriceFeedRaw is an auto generated low-level Go binding around an Ethereum contract.
type PriceFeedRaw struct {
	Contract *PriceFeed // Generic contract binding to access the raw methods on
}

// PriceFeedCallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type PriceFeedCallerRaw struct {
	Contract *PriceFeedCaller // Generic read-only contract binding to access the raw methods on
}

// PriceFeedTransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type PriceFeedTransactorRaw struct {
	Contract *PriceFeedTransactor // Generic write-only contract binding to access the raw methods on
}

// NewPriceFeed creates a new instance of PriceFeed, bound to a specific deployed contract.
func NewPriceFeed(address common.Address, backend bind.ContractBackend) (*PriceFeed, error) {
	contract, err := bindPriceFeed(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &PriceFeed{PriceFeedCaller: PriceFeedCaller{contract: contract}, PriceFeedTransactor: PriceFeedTransactor{contract: contract}, PriceFeedFilterer: PriceFeedFilterer{contract: contract}}, nil
}

// NewPriceFeedCaller creates a new read-only instance of PriceFeed, bound to a specific deployed contract.
func NewPriceFeedCaller(address common.Address, caller bind.ContractCaller) (*PriceFeedCaller, error) {
	contract, err := bindPriceFeed(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &PriceFeedCaller{contract: contract}, nil
}

// NewPriceFeedTransactor creates a new write-only instance of PriceFeed, bound to a specific deployed contract.
func NewPriceFeedTransactor(address common.Address, transactor bind.ContractTransactor) (*PriceFeedTransactor, error) {
	contract, err := bindPriceFeed(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &PriceFeedTransactor{contract: contract}, nil
}

// NewPriceFeedFilterer creates a new log filterer instance of PriceFeed, bound to a specific deployed contract.
func NewPriceFeedFilterer(address common.Address, filterer bind.ContractFilterer) (*PriceFeedFilterer, error) {
	contract, err := bindPriceFeed(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &PriceFeedFilterer{contract: contract}, nil
}

// bindPriceFeed binds a generic wrapper to an already deployed contract.
func bindPriceFeed(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := PriceFeedMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_PriceFeed *PriceFeedRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _PriceFeed.Contract.PriceFeedCaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_PriceFeed *PriceFeedRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _PriceFeed.Contract.PriceFeedTransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_PriceFeed *PriceFeedRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _PriceFeed.Contract.PriceFeedTransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_PriceFeed *PriceFeedCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _PriceFeed.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_PriceFeed *PriceFeedTransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _PriceFeed.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_PriceFeed *PriceFeedTransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _PriceFeed.Contract.contract.Transact(opts, method, params...)
}

// Decimals is a free data retrieval call binding the contract method 0x313ce567.
//
// Solidity: function decimals() view returns(uint8)
func (_PriceFeed *PriceFeedCaller) Decimals(opts *bind.CallOpts) (uint8, error) {
	var out []interface{}
	err := _PriceFeed.contract.Call(opts, &out, "decimals")

	if err != nil {
		return *new(uint8), err
	}

	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)

	return out0, err

}

// Decimals is a free data retrieval call binding the contract method 0x313ce567.
//
// Solidity: function decimals() view returns(uint8)
func (_PriceFeed *PriceFeedSession) Decimals() (uint8, error) {
	return _PriceFeed.Contract.Decimals(&_PriceFeed.CallOpts)
}

// Decimals is a free data retrieval call binding the contract method 0x313ce567.
//
// Solidity: function decimals() view returns(uint8)
func (_PriceFeed *PriceFeedCallerSession) Decimals() (uint8, error) {
	return _PriceFeed.Contract.Decimals(&_PriceFeed.CallOpts)
}

// Description is a free data retrieval call binding the contract method 0x7284e416.
//
// Solidity: function description() view returns(string)
func (_PriceFeed *PriceFeedCaller) Description(opts *bind.CallOpts) (string, error) {
	var out []interface{}
	err := _PriceFeed.contract.Call(opts, &out, "description")

	if err != nil {
		return *new(string), err
	}

	out0 := *abi.ConvertType(out[0], new(string)).(*string)

	return out0, err

}

// Description is a free data retrieval call binding the contract method 0x7284e416.
//
// Solidity: function description() view returns(string)
func (_PriceFeed *PriceFeedSession) Description() (string, error) {
	return _PriceFeed.Contract.Description(&_PriceFeed.CallOpts)
}

// Description is a free data retrieval call binding the contract method 0x7284e416.
//
// Solidity: function description() view returns(string)
func (_PriceFeed *PriceFeedCallerSession) Description() (string, error) {
	return _PriceFeed.Contract.Description(&_PriceFeed.CallOpts)
}

// Feeder is a free data retrieval call binding the contract method 0xa788a716.
//
// Solidity: function feeder() view returns(address)
func (_PriceFeed *PriceFeedCaller) Feeder(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _PriceFeed.contract.Call(opts, &out, "feeder")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Feeder is a free data retrieval call binding the contract method 0xa788a716.
//
// Solidity: function feeder() view returns(address)
func (_PriceFeed *PriceFeedSession) Feeder() (common.Address, error) {
	return _PriceFeed.Contract.Feeder(&_PriceFeed.CallOpts)
}

// Feeder is a free data retrieval call binding the contract method 0xa788a716.
//
// Solidity: function feeder() view returns(address)
func (_PriceFeed *PriceFeedCallerSession) Feeder() (common.Address, error) {
	return _PriceFeed.Contract.Feeder(&_PriceFeed.CallOpts)
}

// GetRoundData is a free data retrieval call binding the contract method 0x9a6fc8f5.
//
// Solidity: function getRoundData(uint80 roundId) view returns(uint80, int256, uint256, uint256, uint80)
func (_PriceFeed *PriceFeedCaller) GetRoundData(opts *bind.CallOpts, roundId *big.Int) (*big.Int, *big.Int, *big.Int, *big.Int, *big.Int, error) {
	var out []interface{}
	err := _PriceFeed.contract.Call(opts, &out, "getRoundData", roundId)

	if err != nil {
		return *new(*big.Int), *new(*big.Int), *new(*big.Int), *new(*big.Int), *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)
	out1 := *abi.ConvertType(out[1], new(*big.Int)).(**big.Int)
	out2 := *abi.ConvertType(out[2], new(*big.Int)).(**big.Int)
	out3 := *abi.ConvertType(out[3], new(*big.Int)).(**big.Int)
	out4 := *abi.ConvertType(out[4], new(*big.Int)).(**big.Int)

	return out0, out1, out2, out3, out4, err

}

// GetRoundData is a free data retrieval call binding the contract method 0x9a6fc8f5.
//
// Solidity: function getRoundData(uint80 roundId) view returns(uint80, int256, uint256, uint256, uint80)
func (_PriceFeed *PriceFeedSession) GetRoundData(roundId *big.Int) (*big.Int, *big.Int, *big.Int, *big.Int, *big.Int, error) {
	return _PriceFeed.Contract.GetRoundData(&_PriceFeed.CallOpts, roundId)
}

// GetRoundData is a free data retrieval call binding the contract method 0x9a6fc8f5.
//
// Solidity: function getRoundData(uint80 roundId) view returns(uint80, int256, uint256, uint256, uint80)
func (_PriceFeed *PriceFeedCallerSession) GetRoundData(roundId *big.Int) (*big.Int, *big.Int, *big.Int, *big.Int, *big.Int, error) {
	return _PriceFeed.Contract.GetRoundData(&_PriceFeed.CallOpts, roundId)
}

// LatestRound is a free data retrieval call binding the contract method 0x668a0f02.
//
// Solidity: function latestRound() view returns(uint80)
func (_PriceFeed *PriceFeedCaller) LatestRound(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _PriceFeed.contract.Call(opts, &out, "latestRound")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// LatestRound is a free data retrieval call binding the contract method 0x668a0f02.
//
// Solidity: function latestRound() view returns(uint80)
func (_PriceFeed *PriceFeedSession) LatestRound() (*big.Int, error) {
	return _PriceFeed.Contract.LatestRound(&_PriceFeed.CallOpts)
}

// LatestRound is a free data retrieval call binding the contract method 0x668a0f02.
//
// Solidity: function latestRound() view returns(uint80)
func (_PriceFeed *PriceFeedCallerSession) LatestRound() (*big.Int, error) {
	return _PriceFeed.Contract.LatestRound(&_PriceFeed.CallOpts)
}

// LatestRoundData is a free data retrieval call binding the contract method 0xfeaf968c.
//
// Solidity: function latestRoundData() view returns(uint80, int256, uint256, uint256, uint80)
func (_PriceFeed *PriceFeedCaller) LatestRoundData(opts *bind.CallOpts) (*big.Int, *big.Int, *big.Int, *big.Int, *big.Int, error) {
	var out []interface{}
	err := _PriceFeed.contract.Call(opts, &out, "latestRoundData")

	if err != nil {
		return *new(*big.Int), *new(*big.Int), *new(*big.Int), *new(*big.Int), *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)
	out1 := *abi.ConvertType(out[1], new(*big.Int)).(**big.Int)
	out2 := *abi.ConvertType(out[2], new(*big.Int)).(**big.Int)
	out3 := *abi.ConvertType(out[3], new(*big.Int)).(**big.Int)
	out4 := *abi.ConvertType(out[4], new(*big.Int)).(**big.Int)

	return out0, out1, out2, out3, out4, err

}

// LatestRoundData is a free data retrieval call binding the contract method 0xfeaf968c.
//
// Solidity: function latestRoundData() view returns(uint80, int256, uint256, uint256, uint80)
func (_PriceFeed *PriceFeedSession) LatestRoundData() (*big.Int, *big.Int, *big.Int, *big.Int, *big.Int, error) {
	return _PriceFeed.Contract.LatestRoundData(&_PriceFeed.CallOpts)
}

// LatestRoundData is a free data retrieval call binding the contract method 0xfeaf968c.
//
// Solidity: function latestRoundData() view returns(uint80, int256, uint256, uint256, uint80)
func (_PriceFeed *PriceFeedCallerSession) LatestRoundData() (*big.Int, *big.Int, *big.Int, *big.Int, *big.Int, error) {
	return _PriceFeed.Contract.LatestRoundData(&_PriceFeed.CallOpts)
}

// MaxAnswer is a free data retrieval call binding the contract method 0x70da2f67.
//
// Solidity: function maxAnswer() view returns(int256)
func (_PriceFeed *PriceFeedCaller) MaxAnswer(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _PriceFeed.contract.Call(opts, &out, "maxAnswer")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// MaxAnswer is a free data retrieval call binding the contract method 0x70da2f67.
//
// Solidity: function maxAnswer() view returns(int256)
func (_PriceFeed *PriceFeedSession) MaxAnswer() (*big.Int, error) {
	return _PriceFeed.Contract.MaxAnswer(&_PriceFeed.CallOpts)
}

// MaxAnswer is a free data retrieval call binding the contract method 0x70da2f67.
//
// Solidity: function maxAnswer() view returns(int256)
func (_PriceFeed *PriceFeedCallerSession) MaxAnswer() (*big.Int, error) {
	return _PriceFeed.Contract.MaxAnswer(&_PriceFeed.CallOpts)
}

// MinAnswer is a free data retrieval call binding the contract method 0x22adbc78.
//
// Solidity: function minAnswer() view returns(int256)
func (_PriceFeed *PriceFeedCaller) MinAnswer(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _PriceFeed.contract.Call(opts, &out, "minAnswer")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// MinAnswer is a free data retrieval call binding the contract method 0x22adbc78.
//
// Solidity: function minAnswer() view returns(int256)
func (_PriceFeed *PriceFeedSession) MinAnswer() (*big.Int, error) {
	return _PriceFeed.Contract.MinAnswer(&_PriceFeed.CallOpts)
}

// MinAnswer is a free data retrieval call binding the contract method 0x22adbc78.
//
// Solidity: function minAnswer() view returns(int256)
func (_PriceFeed *PriceFeedCallerSession) MinAnswer() (*big.Int, error) {
	return _PriceFeed.Contract.MinAnswer(&_PriceFeed.CallOpts)
}

// Owner is a free data retrieval call binding the contract method 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (_PriceFeed *PriceFeedCaller) Owner(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _PriceFeed.contract.Call(opts, &out, "owner")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Owner is a free data retrieval call binding the contract method 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (_PriceFeed *PriceFeedSession) Owner() (common.Address, error) {
	return _PriceFeed.Contract.Owner(&_PriceFeed.CallOpts)
}

// Owner is a free data retrieval call binding the contract method 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (_PriceFeed *PriceFeedCallerSession) Owner() (common.Address, error) {
	return _PriceFeed.Contract.Owner(&_PriceFeed.CallOpts)
}

// Version is a free data retrieval call binding the contract method 0x54fd4d50.
//
// Solidity: function version() pure returns(uint256)
func (_PriceFeed *PriceFeedCaller) Version(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _PriceFeed.contract.Call(opts, &out, "version")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// Version is a free data retrieval call binding the contract method 0x54fd4d50.
//
// Solidity: function version() pure returns(uint256)
func (_PriceFeed *PriceFeedSession) Version() (*big.Int, error) {
	return _PriceFeed.Contract.Version(&_PriceFeed.CallOpts)
}

// Version is a free data retrieval call binding the contract method 0x54fd4d50.
//
// Solidity: function version() pure returns(uint256)
func (_PriceFeed *PriceFeedCallerSession) Version() (*big.Int, error) {
	return _PriceFeed.Contract.Version(&_PriceFeed.CallOpts)
}

// RenounceOwnership is a paid mutator transaction binding the contract method 0x715018a6.
//
// Solidity: function renounceOwnership() returns()
func (_PriceFeed *PriceFeedTransactor) RenounceOwnership(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _PriceFeed.contract.Transact(opts, "renounceOwnership")
}

// RenounceOwnership is a paid mutator transaction binding the contract method 0x715018a6.
//
// Solidity: function renounceOwnership() returns()
func (_PriceFeed *PriceFeedSession) RenounceOwnership() (*types.Transaction, error) {
	return _PriceFeed.Contract.RenounceOwnership(&_PriceFeed.TransactOpts)
}

// RenounceOwnership is a paid mutator transaction binding the contract method 0x715018a6.
//
// Solidity: function renounceOwnership() returns()
func (_PriceFeed *PriceFeedTransactorSession) RenounceOwnership() (*types.Transaction, error) {
	return _PriceFeed.Contract.RenounceOwnership(&_PriceFeed.TransactOpts)
}

// SetBounds is a paid mutator transaction binding the contract method 0xa8a96064.
//
// Solidity: function setBounds(int256 min_, int256 max_) returns()
func (_PriceFeed *PriceFeedTransactor) SetBounds(opts *bind.TransactOpts, min_ *big.Int, max_ *big.Int) (*types.Transaction, error) {
	return _PriceFeed.contract.Transact(opts, "setBounds", min_, max_)
}

// SetBounds is a paid mutator transaction binding the contract method 0xa8a96064.
//
// Solidity: function setBounds(int256 min_, int256 max_) returns()
func (_PriceFeed *PriceFeedSession) SetBounds(min_ *big.Int, max_ *big.Int) (*types.Transaction, error) {
	return _PriceFeed.Contract.SetBounds(&_PriceFeed.TransactOpts, min_, max_)
}

// SetBounds is a paid mutator transaction binding the contract method 0xa8a96064.
//
// Solidity: function setBounds(int256 min_, int256 max_) returns()
func (_PriceFeed *PriceFeedTransactorSession) SetBounds(min_ *big.Int, max_ *big.Int) (*types.Transaction, error) {
	return _PriceFeed.Contract.SetBounds(&_PriceFeed.TransactOpts, min_, max_)
}

// SetFeeder is a paid mutator transaction binding the contract method 0x04d745bb.
//
// Solidity: function setFeeder(address feeder_) returns()
func (_PriceFeed *PriceFeedTransactor) SetFeeder(opts *bind.TransactOpts, feeder_ common.Address) (*types.Transaction, error) {
	return _PriceFeed.contract.Transact(opts, "setFeeder", feeder_)
}

// SetFeeder is a paid mutator transaction binding the contract method 0x04d745bb.
//
// Solidity: function setFeeder(address feeder_) returns()
func (_PriceFeed *PriceFeedSession) SetFeeder(feeder_ common.Address) (*types.Transaction, error) {
	return _PriceFeed.Contract.SetFeeder(&_PriceFeed.TransactOpts, feeder_)
}

// SetFeeder is a paid mutator transaction binding the contract method 0x04d745bb.
//
// Solidity: function setFeeder(address feeder_) returns()
func (_PriceFeed *PriceFeedTransactorSession) SetFeeder(feeder_ common.Address) (*types.Transaction, error) {
	return _PriceFeed.Contract.SetFeeder(&_PriceFeed.TransactOpts, feeder_)
}

// Submit is a paid mutator transaction binding the contract method 0x9b25df0b.
//
// Solidity: function submit(int256 answer) returns()
func (_PriceFeed *PriceFeedTransactor) Submit(opts *bind.TransactOpts, answer *big.Int) (*types.Transaction, error) {
	return _PriceFeed.contract.Transact(opts, "submit", answer)
}

// Submit is a paid mutator transaction binding the contract method 0x9b25df0b.
//
// Solidity: function submit(int256 answer) returns()
func (_PriceFeed *PriceFeedSession) Submit(answer *big.Int) (*types.Transaction, error) {
	return _PriceFeed.Contract.Submit(&_PriceFeed.TransactOpts, answer)
}

// Submit is a paid mutator transaction binding the contract method 0x9b25df0b.
//
// Solidity: function submit(int256 answer) returns()
func (_PriceFeed *PriceFeedTransactorSession) Submit(answer *big.Int) (*types.Transaction, error) {
	return _PriceFeed.Contract.Submit(&_PriceFeed.TransactOpts, answer)
}

// TransferOwnership is a paid mutator transaction binding the contract method 0xf2fde38b.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (_PriceFeed *PriceFeedTransactor) TransferOwnership(opts *bind.TransactOpts, newOwner common.Address) (*types.Transaction, error) {
	return _PriceFeed.contract.Transact(opts, "transferOwnership", newOwner)
}

// TransferOwnership is a paid mutator transaction binding the contract method 0xf2fde38b.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (_PriceFeed *PriceFeedSession) TransferOwnership(newOwner common.Address) (*types.Transaction, error) {
	return _PriceFeed.Contract.TransferOwnership(&_PriceFeed.TransactOpts, newOwner)
}

// TransferOwnership is a paid mutator transaction binding the contract method 0xf2fde38b.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (_PriceFeed *PriceFeedTransactorSession) TransferOwnership(newOwner common.Address) (*types.Transaction, error) {
	return _PriceFeed.Contract.TransferOwnership(&_PriceFeed.TransactOpts, newOwner)
}

// PriceFeedAnswerUpdatedIterator is returned from FilterAnswerUpdated and is used to iterate over the raw logs and unpacked data for AnswerUpdated events raised by the PriceFeed contract.
type PriceFeedAnswerUpdatedIterator struct {
	Event *PriceFeedAnswerUpdated // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *PriceFeedAnswerUpdatedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(PriceFeedAnswerUpdated)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(PriceFeedAnswerUpdated)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *PriceFeedAnswerUpdatedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *PriceFeedAnswerUpdatedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// PriceFeedAnswerUpdated represents a AnswerUpdated event raised by the PriceFeed contract.
type PriceFeedAnswerUpdated struct {
	Answer    *big.Int
	RoundId   *big.Int
	UpdatedAt *big.Int
	Raw       types.Log // Blockchain specific contextual infos
}

// FilterAnswerUpdated is a free log retrieval operation binding the contract event 0x0559884fd3a460db3073b7fc896cc77986f16e378210ded43186175bf646fc5f.
//
// Solidity: event AnswerUpdated(int256 indexed answer, uint256 indexed roundId, uint256 updatedAt)
func (_PriceFeed *PriceFeedFilterer) FilterAnswerUpdated(opts *bind.FilterOpts, answer []*big.Int, roundId []*big.Int) (*PriceFeedAnswerUpdatedIterator, error) {

	var answerRule []interface{}
	for _, answerItem := range answer {
		answerRule = append(answerRule, answerItem)
	}
	var roundIdRule []interface{}
	for _, roundIdItem := range roundId {
		roundIdRule = append(roundIdRule, roundIdItem)
	}

	logs, sub, err := _PriceFeed.contract.FilterLogs(opts, "AnswerUpdated", answerRule, roundIdRule)
	if err != nil {
		return nil, err
	}
	return &PriceFeedAnswerUpdatedIterator{contract: _PriceFeed.contract, event: "AnswerUpdated", logs: logs, sub: sub}, nil
}

// WatchAnswerUpdated is a free log subscription operation binding the contract event 0x0559884fd3a460db3073b7fc896cc77986f16e378210ded43186175bf646fc5f.
//
// Solidity: event AnswerUpdated(int256 indexed answer, uint256 indexed roundId, uint256 updatedAt)
func (_PriceFeed *PriceFeedFilterer) WatchAnswerUpdated(opts *bind.WatchOpts, sink chan<- *PriceFeedAnswerUpdated, answer []*big.Int, roundId []*big.Int) (event.Subscription, error) {

	var answerRule []interface{}
	for _, answerItem := range answer {
		answerRule = append(answerRule, answerItem)
	}
	var roundIdRule []interface{}
	for _, roundIdItem := range roundId {
		roundIdRule = append(roundIdRule, roundIdItem)
	}

	logs, sub, err := _PriceFeed.contract.WatchLogs(opts, "AnswerUpdated", answerRule, roundIdRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(PriceFeedAnswerUpdated)
				if err := _PriceFeed.contract.UnpackLog(event, "AnswerUpdated", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseAnswerUpdated is a log parse operation binding the contract event 0x0559884fd3a460db3073b7fc896cc77986f16e378210ded43186175bf646fc5f.
//
// Solidity: event AnswerUpdated(int256 indexed answer, uint256 indexed roundId, uint256 updatedAt)
func (_PriceFeed *PriceFeedFilterer) ParseAnswerUpdated(log types.Log) (*PriceFeedAnswerUpdated, error) {
	event := new(PriceFeedAnswerUpdated)
	if err := _PriceFeed.contract.UnpackLog(event, "AnswerUpdated", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// PriceFeedBoundsSetIterator is returned from FilterBoundsSet and is used to iterate over the raw logs and unpacked data for BoundsSet events raised by the PriceFeed contract.
type PriceFeedBoundsSetIterator struct {
	Event *PriceFeedBoundsSet // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *PriceFeedBoundsSetIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(PriceFeedBoundsSet)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(PriceFeedBoundsSet)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *PriceFeedBoundsSetIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *PriceFeedBoundsSetIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// PriceFeedBoundsSet represents a BoundsSet event raised by the PriceFeed contract.
type PriceFeedBoundsSet struct {
	MinAnswer *big.Int
	MaxAnswer *big.Int
	Raw       types.Log // Blockchain specific contextual infos
}

// FilterBoundsSet is a free log retrieval operation binding the contract event 0x7a5f23cac9c11c546334978bee60307f7d21ba68ca19a7489a38c8a731aa208d.
//
// Solidity: event BoundsSet(int256 minAnswer, int256 maxAnswer)
func (_PriceFeed *PriceFeedFilterer) FilterBoundsSet(opts *bind.FilterOpts) (*PriceFeedBoundsSetIterator, error) {

	logs, sub, err := _PriceFeed.contract.FilterLogs(opts, "BoundsSet")
	if err != nil {
		return nil, err
	}
	return &PriceFeedBoundsSetIterator{contract: _PriceFeed.contract, event: "BoundsSet", logs: logs, sub: sub}, nil
}

// WatchBoundsSet is a free log subscription operation binding the contract event 0x7a5f23cac9c11c546334978bee60307f7d21ba68ca19a7489a38c8a731aa208d.
//
// Solidity: event BoundsSet(int256 minAnswer, int256 maxAnswer)
func (_PriceFeed *PriceFeedFilterer) WatchBoundsSet(opts *bind.WatchOpts, sink chan<- *PriceFeedBoundsSet) (event.Subscription, error) {

	logs, sub, err := _PriceFeed.contract.WatchLogs(opts, "BoundsSet")
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(PriceFeedBoundsSet)
				if err := _PriceFeed.contract.UnpackLog(event, "BoundsSet", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseBoundsSet is a log parse operation binding the contract event 0x7a5f23cac9c11c546334978bee60307f7d21ba68ca19a7489a38c8a731aa208d.
//
// Solidity: event BoundsSet(int256 minAnswer, int256 maxAnswer)
func (_PriceFeed *PriceFeedFilterer) ParseBoundsSet(log types.Log) (*PriceFeedBoundsSet, error) {
	event := new(PriceFeedBoundsSet)
	if err := _PriceFeed.contract.UnpackLog(event, "BoundsSet", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// PriceFeedFeederSetIterator is returned from FilterFeederSet and is used to iterate over the raw logs and unpacked data for FeederSet events raised by the PriceFeed contract.
type PriceFeedFeederSetIterator struct {
	Event *PriceFeedFeederSet // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *PriceFeedFeederSetIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(PriceFeedFeederSet)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(PriceFeedFeederSet)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *PriceFeedFeederSetIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *PriceFeedFeederSetIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// PriceFeedFeederSet represents a FeederSet event raised by the PriceFeed contract.
type PriceFeedFeederSet struct {
	Feeder common.Address
	Raw    types.Log // Blockchain specific contextual infos
}

// FilterFeederSet is a free log retrieval operation binding the contract event 0xcac926565c5d9f828cfae2e12b6e182e9966b45ee0d82c044950ff5ea8c572b8.
//
// Solidity: event FeederSet(address feeder)
func (_PriceFeed *PriceFeedFilterer) FilterFeederSet(opts *bind.FilterOpts) (*PriceFeedFeederSetIterator, error) {

	logs, sub, err := _PriceFeed.contract.FilterLogs(opts, "FeederSet")
	if err != nil {
		return nil, err
	}
	return &PriceFeedFeederSetIterator{contract: _PriceFeed.contract, event: "FeederSet", logs: logs, sub: sub}, nil
}

// WatchFeederSet is a free log subscription operation binding the contract event 0xcac926565c5d9f828cfae2e12b6e182e9966b45ee0d82c044950ff5ea8c572b8.
//
// Solidity: event FeederSet(address feeder)
func (_PriceFeed *PriceFeedFilterer) WatchFeederSet(opts *bind.WatchOpts, sink chan<- *PriceFeedFeederSet) (event.Subscription, error) {

	logs, sub, err := _PriceFeed.contract.WatchLogs(opts, "FeederSet")
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(PriceFeedFeederSet)
				if err := _PriceFeed.contract.UnpackLog(event, "FeederSet", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseFeederSet is a log parse operation binding the contract event 0xcac926565c5d9f828cfae2e12b6e182e9966b45ee0d82c044950ff5ea8c572b8.
//
// Solidity: event FeederSet(address feeder)
func (_PriceFeed *PriceFeedFilterer) ParseFeederSet(log types.Log) (*PriceFeedFeederSet, error) {
	event := new(PriceFeedFeederSet)
	if err := _PriceFeed.contract.UnpackLog(event, "FeederSet", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// PriceFeedOwnershipTransferredIterator is returned from FilterOwnershipTransferred and is used to iterate over the raw logs and unpacked data for OwnershipTransferred events raised by the PriceFeed contract.
type PriceFeedOwnershipTransferredIterator struct {
	Event *PriceFeedOwnershipTransferred // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *PriceFeedOwnershipTransferredIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(PriceFeedOwnershipTransferred)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(PriceFeedOwnershipTransferred)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *PriceFeedOwnershipTransferredIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *PriceFeedOwnershipTransferredIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// PriceFeedOwnershipTransferred represents a OwnershipTransferred event raised by the PriceFeed contract.
type PriceFeedOwnershipTransferred struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           types.Log // Blockchain specific contextual infos
}

// FilterOwnershipTransferred is a free log retrieval operation binding the contract event 0x8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (_PriceFeed *PriceFeedFilterer) FilterOwnershipTransferred(opts *bind.FilterOpts, previousOwner []common.Address, newOwner []common.Address) (*PriceFeedOwnershipTransferredIterator, error) {

	var previousOwnerRule []interface{}
	for _, previousOwnerItem := range previousOwner {
		previousOwnerRule = append(previousOwnerRule, previousOwnerItem)
	}
	var newOwnerRule []interface{}
	for _, newOwnerItem := range newOwner {
		newOwnerRule = append(newOwnerRule, newOwnerItem)
	}

	logs, sub, err := _PriceFeed.contract.FilterLogs(opts, "OwnershipTransferred", previousOwnerRule, newOwnerRule)
	if err != nil {
		return nil, err
	}
	return &PriceFeedOwnershipTransferredIterator{contract: _PriceFeed.contract, event: "OwnershipTransferred", logs: logs, sub: sub}, nil
}

// WatchOwnershipTransferred is a free log subscription operation binding the contract event 0x8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (_PriceFeed *PriceFeedFilterer) WatchOwnershipTransferred(opts *bind.WatchOpts, sink chan<- *PriceFeedOwnershipTransferred, previousOwner []common.Address, newOwner []common.Address) (event.Subscription, error) {

	var previousOwnerRule []interface{}
	for _, previousOwnerItem := range previousOwner {
		previousOwnerRule = append(previousOwnerRule, previousOwnerItem)
	}
	var newOwnerRule []interface{}
	for _, newOwnerItem := range newOwner {
		newOwnerRule = append(newOwnerRule, newOwnerItem)
	}

	logs, sub, err := _PriceFeed.contract.WatchLogs(opts, "OwnershipTransferred", previousOwnerRule, newOwnerRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(PriceFeedOwnershipTransferred)
				if err := _PriceFeed.contract.UnpackLog(event, "OwnershipTransferred", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseOwnershipTransferred is a log parse operation binding the contract event 0x8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (_PriceFeed *PriceFeedFilterer) ParseOwnershipTransferred(log types.Log) (*PriceFeedOwnershipTransferred, error) {
	event := new(PriceFeedOwnershipTransferred)
	if err := _PriceFeed.contract.UnpackLog(event, "OwnershipTransferred", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// ReentrantTokenMetaData contains all meta data concerning the ReentrantToken contract.
var ReentrantTokenMetaData = &bind.MetaData{
	ABI: "[{\"inputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"allowance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"needed\",\"type\":\"uint256\"}],\"name\":\"ERC20InsufficientAllowance\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"needed\",\"type\":\"uint256\"}],\"name\":\"ERC20InsufficientBalance\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"approver\",\"type\":\"address\"}],\"name\":\"ERC20InvalidApprover\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"receiver\",\"type\":\"address\"}],\"name\":\"ERC20InvalidReceiver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"}],\"name\":\"ERC20InvalidSender\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"}],\"name\":\"ERC20InvalidSpender\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"Approval\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"Transfer\",\"type\":\"event\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"}],\"name\":\"allowance\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"approve\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"victim_\",\"type\":\"address\"},{\"internalType\":\"bytes\",\"name\":\"data_\",\"type\":\"bytes\"}],\"name\":\"arm\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"balanceOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"data\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"decimals\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"mint\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"name\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"symbol\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"totalSupply\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"transfer\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"transferFrom\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"victim\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	Sigs: map[string]string{
		"dd62ed3e": "allowance(address,address)",
		"095ea7b3": "approve(address,uint256)",
		"3522bfd0": "arm(address,bytes)",
		"70a08231": "balanceOf(address)",
		"73d4a13a": "data()",
		"313ce567": "decimals()",
		"40c10f19": "mint(address,uint256)",
		"06fdde03": "name()",
		"95d89b41": "symbol()",
		"18160ddd": "totalSupply()",
		"a9059cbb": "transfer(address,uint256)",
		"23b872dd": "transferFrom(address,address,uint256)",
		"930c2003": "victim()",
	},
	Bin: "0x608060405234801561000f575f5ffd5b50604051806040016040528060098152602001681499595b9d1c985b9d60ba1b8152506040518060400160405280600381526020016252454560e81b815250816003908161005d919061010a565b50600461006a828261010a565b5050506101c4565b634e487b7160e01b5f52604160045260245ffd5b600181811c9082168061009a57607f821691505b6020821081036100b857634e487b7160e01b5f52602260045260245ffd5b50919050565b601f82111561010557805f5260205f20601f840160051c810160208510156100e35750805b601f840160051c820191505b81811015610102575f81556001016100ef565b50505b505050565b81516001600160401b0381111561012357610123610072565b610137816101318454610086565b846100be565b6020601f821160018114610169575f83156101525750848201515b5f19600385901b1c1916600184901b178455610102565b5f84815260208120601f198516915b828110156101985787850151825560209485019460019092019101610178565b50848210156101b557868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b610b18806101d15f395ff3fe608060405234801561000f575f5ffd5b50600436106100cb575f3560e01c806340c10f1911610088578063930c200311610063578063930c20031461019c57806395d89b41146101c7578063a9059cbb146101cf578063dd62ed3e146101e2575f5ffd5b806340c10f191461015957806370a082311461016c57806373d4a13a14610194575f5ffd5b806306fdde03146100cf578063095ea7b3146100ed57806318160ddd1461011057806323b872dd14610122578063313ce567146101355780633522bfd014610144575b5f5ffd5b6100d761021a565b6040516100e491906107d3565b60405180910390f35b6101006100fb366004610807565b6102aa565b60405190151581526020016100e4565b6002545b6040519081526020016100e4565b61010061013036600461082f565b6102c3565b604051600681526020016100e4565b610157610152366004610869565b6102e6565b005b610157610167366004610807565b610321565b61011461017a3660046108e7565b6001600160a01b03165f9081526020819052604090205490565b6100d761032f565b6005546101af906001600160a01b031681565b6040516001600160a01b0390911681526020016100e4565b6100d76103bb565b6101006101dd366004610807565b6103ca565b6101146101f0366004610900565b6001600160a01b039182165f90815260016020908152604080832093909416825291909152205490565b60606003805461022990610931565b80601f016020809104026020016040519081016040528092919081815260200182805461025590610931565b80156102a05780601f10610277576101008083540402835291602001916102a0565b820191905f5260205f20905b81548152906001019060200180831161028357829003601f168201915b5050505050905090565b5f336102b78185856103d7565b60019150505b92915050565b5f336102d08582856103e9565b6102db85858561046a565b506001949350505050565b600580546001600160a01b0319166001600160a01b038516179055600661030e8284836109c1565b50506007805460ff191660011790555050565b61032b82826104c7565b5050565b6006805461033c90610931565b80601f016020809104026020016040519081016040528092919081815260200182805461036890610931565b80156103b35780601f1061038a576101008083540402835291602001916103b3565b820191905f5260205f20905b81548152906001019060200180831161039657829003601f168201915b505050505081565b60606004805461022990610931565b5f336102b781858561046a565b6103e483838360016104fb565b505050565b6001600160a01b038381165f908152600160209081526040808320938616835292905220545f19811015610464578181101561045657604051637dc7a0d960e11b81526001600160a01b038416600482015260248101829052604481018390526064015b60405180910390fd5b61046484848484035f6104fb565b50505050565b6001600160a01b03831661049357604051634b637e8f60e11b81525f600482015260240161044d565b6001600160a01b0382166104bc5760405163ec442f0560e01b81525f600482015260240161044d565b6103e48383836105cd565b6001600160a01b0382166104f05760405163ec442f0560e01b81525f600482015260240161044d565b61032b5f83836105cd565b6001600160a01b0384166105245760405163e602df0560e01b81525f600482015260240161044d565b6001600160a01b03831661054d57604051634a1406b160e11b81525f600482015260240161044d565b6001600160a01b038085165f908152600160209081526040808320938716835292905220829055801561046457826001600160a01b0316846001600160a01b03167f8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925846040516105bf91815260200190565b60405180910390a350505050565b6105d883838361067f565b60075460ff1680156105f757506005546001600160a01b038481169116145b156103e4576007805460ff191690556005546040515f9182916001600160a01b039091169061062890600690610a7b565b5f604051808303815f865af19150503d805f8114610661576040519150601f19603f3d011682016040523d82523d5f602084013e610666565b606091505b50915091508161067857805160208201fd5b5050505050565b6001600160a01b0383166106a9578060025f82825461069e9190610aec565b909155506107199050565b6001600160a01b0383165f90815260208190526040902054818110156106fb5760405163391434e360e21b81526001600160a01b0385166004820152602481018290526044810183905260640161044d565b6001600160a01b0384165f9081526020819052604090209082900390555b6001600160a01b03821661073557600280548290039055610753565b6001600160a01b0382165f9081526020819052604090208054820190555b816001600160a01b0316836001600160a01b03167fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef8360405161079891815260200190565b60405180910390a3505050565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b602081525f6107e560208301846107a5565b9392505050565b80356001600160a01b0381168114610802575f5ffd5b919050565b5f5f60408385031215610818575f5ffd5b610821836107ec565b946020939093013593505050565b5f5f5f60608486031215610841575f5ffd5b61084a846107ec565b9250610858602085016107ec565b929592945050506040919091013590565b5f5f5f6040848603121561087b575f5ffd5b610884846107ec565b9250602084013567ffffffffffffffff81111561089f575f5ffd5b8401601f810186136108af575f5ffd5b803567ffffffffffffffff8111156108c5575f5ffd5b8660208284010111156108d6575f5ffd5b939660209190910195509293505050565b5f602082840312156108f7575f5ffd5b6107e5826107ec565b5f5f60408385031215610911575f5ffd5b61091a836107ec565b9150610928602084016107ec565b90509250929050565b600181811c9082168061094557607f821691505b60208210810361096357634e487b7160e01b5f52602260045260245ffd5b50919050565b634e487b7160e01b5f52604160045260245ffd5b601f8211156103e457805f5260205f20601f840160051c810160208510156109a25750805b601f840160051c820191505b81811015610678575f81556001016109ae565b67ffffffffffffffff8311156109d9576109d9610969565b6109ed836109e78354610931565b8361097d565b5f601f841160018114610a1e575f8515610a075750838201355b5f19600387901b1c1916600186901b178355610678565b5f83815260208120601f198716915b82811015610a4d5786850135825560209485019460019092019101610a2d565b5086821015610a69575f1960f88860031b161c19848701351681555b505060018560011b0183555050505050565b5f5f8354610a8881610931565b600182168015610a9f5760018114610ab457610ae1565b60ff1983168652811515820286019350610ae1565b865f5260205f205f5b83811015610ad957815488820152600190910190602001610abd565b505081860193505b509195945050505050565b808201808211156102bd57634e487b7160e01b5f52601160045260245ffdfea164736f6c634300081e000a",
}

// ReentrantTokenABI is the input ABI used to generate the binding from.
// Deprecated: Use ReentrantTokenMetaData.ABI instead.
var ReentrantTokenABI = ReentrantTokenMetaData.ABI

// Deprecated: Use ReentrantTokenMetaData.Sigs instead.
// ReentrantTokenFuncSigs maps the 4-byte function signature to its string representation.
var ReentrantTokenFuncSigs = ReentrantTokenMetaData.Sigs

// ReentrantTokenBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use ReentrantTokenMetaData.Bin instead.
var ReentrantTokenBin = ReentrantTokenMetaData.Bin

// DeployReentrantToken deploys a new Ethereum contract, binding an instance of ReentrantToken to it.
func DeployReentrantToken(auth *bind.TransactOpts, backend bind.ContractBackend) (common.Address, *types.Transaction, *ReentrantToken, error) {
	parsed, err := ReentrantTokenMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(ReentrantTokenBin), backend)
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	return address, tx, &ReentrantToken{ReentrantTokenCaller: ReentrantTokenCaller{contract: contract}, ReentrantTokenTransactor: ReentrantTokenTransactor{contract: contract}, ReentrantTokenFilterer: ReentrantTokenFilterer{contract: contract}}, nil
}

// ReentrantToken is an auto generated Go binding around an Ethereum contract.
type ReentrantToken struct {
	ReentrantTokenCaller     // Read-only binding to the contract
	ReentrantTokenTransactor // Write-only binding to the contract
	ReentrantTokenFilterer   // Log filterer for contract events
}

// ReentrantTokenCaller is an auto generated read-only Go binding around an Ethereum contract.
type ReentrantTokenCaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// ReentrantTokenTransactor is an auto generated write-only Go binding around an Ethereum contract.
type ReentrantTokenTransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// ReentrantTokenFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type ReentrantTokenFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// ReentrantTokenSession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type ReentrantTokenSession struct {
	Contract     *ReentrantToken   // Generic contract binding to set the session for
	CallOpts     bind.CallOpts     // Call options to use throughout this session
	TransactOpts bind.TransactOpts // Transaction auth options to use throughout this session
}

// ReentrantTokenCallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type ReentrantTokenCallerSession struct {
	Contract *ReentrantTokenCaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts         // Call options to use throughout this session
}

// ReentrantTokenTransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type ReentrantTokenTransactorSession struct {
	Contract     *ReentrantTokenTransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts         // Transaction auth options to use throughout this session
}

// ReentrantTokenRaw is an auto generated low-level Go binding around an Ethereum contract.
type ReentrantTokenRaw struct {
	Contract *ReentrantToken // Generic contract binding to access the raw methods on
}

// ReentrantTokenCallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type ReentrantTokenCallerRaw struct {
	Contract *ReentrantTokenCaller // Generic read-only contract binding to access the raw methods on
}

// ReentrantTokenTransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type ReentrantTokenTransactorRaw struct {
	Contract *ReentrantTokenTransactor // Generic write-only contract binding to access the raw methods on
}

// NewReentrantToken creates a new instance of ReentrantToken, bound to a specific deployed contract.
func NewReentrantToken(address common.Address, backend bind.ContractBackend) (*ReentrantToken, error) {
	contract, err := bindReentrantToken(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &ReentrantToken{ReentrantTokenCaller: ReentrantTokenCaller{contract: contract}, ReentrantTokenTransactor: ReentrantTokenTransactor{contract: contract}, ReentrantTokenFilterer: ReentrantTokenFilterer{contract: contract}}, nil
}

// NewReentrantTokenCaller creates a new read-only instance of ReentrantToken, bound to a specific deployed contract.
func NewReentrantTokenCaller(address common.Address, caller bind.ContractCaller) (*ReentrantTokenCaller, error) {
	contract, err := bindReentrantToken(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &ReentrantTokenCaller{contract: contract}, nil
}

// NewReentrantTokenTransactor creates a new write-only instance of ReentrantToken, bound to a specific deployed contract.
func NewReentrantTokenTransactor(address common.Address, transactor bind.ContractTransactor) (*ReentrantTokenTransactor, error) {
	contract, err := bindReentrantToken(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &ReentrantTokenTransactor{contract: contract}, nil
}

// NewReentrantTokenFilterer creates a new log filterer instance of ReentrantToken, bound to a specific deployed contract.
func NewReentrantTokenFilterer(address common.Address, filterer bind.ContractFilterer) (*ReentrantTokenFilterer, error) {
	contract, err := bindReentrantToken(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &ReentrantTokenFilterer{contract: contract}, nil
}

// bindReentrantToken binds a generic wrapper to an already deployed contract.
func bindReentrantToken(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := ReentrantTokenMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_ReentrantToken *ReentrantTokenRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _ReentrantToken.Contract.ReentrantTokenCaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_ReentrantToken *ReentrantTokenRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _ReentrantToken.Contract.ReentrantTokenTransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_ReentrantToken *ReentrantTokenRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _ReentrantToken.Contract.ReentrantTokenTransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_ReentrantToken *ReentrantTokenCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _ReentrantToken.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_ReentrantToken *ReentrantTokenTransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _ReentrantToken.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_ReentrantToken *ReentrantTokenTransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _ReentrantToken.Contract.contract.Transact(opts, method, params...)
}

// Allowance is a free data retrieval call binding the contract method 0xdd62ed3e.
//
// Solidity: function allowance(address owner, address spender) view returns(uint256)
func (_ReentrantToken *ReentrantTokenCaller) Allowance(opts *bind.CallOpts, owner common.Address, spender common.Address) (*big.Int, error) {
	var out []interface{}
	err := _ReentrantToken.contract.Call(opts, &out, "allowance", owner, spender)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// Allowance is a free data retrieval call binding the contract method 0xdd62ed3e.
//
// Solidity: function allowance(address owner, address spender) view returns(uint256)
func (_ReentrantToken *ReentrantTokenSession) Allowance(owner common.Address, spender common.Address) (*big.Int, error) {
	return _ReentrantToken.Contract.Allowance(&_ReentrantToken.CallOpts, owner, spender)
}

// Allowance is a free data retrieval call binding the contract method 0xdd62ed3e.
//
// Solidity: function allowance(address owner, address spender) view returns(uint256)
func (_ReentrantToken *ReentrantTokenCallerSession) Allowance(owner common.Address, spender common.Address) (*big.Int, error) {
	return _ReentrantToken.Contract.Allowance(&_ReentrantToken.CallOpts, owner, spender)
}

// BalanceOf is a free data retrieval call binding the contract method 0x70a08231.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (_ReentrantToken *ReentrantTokenCaller) BalanceOf(opts *bind.CallOpts, account common.Address) (*big.Int, error) {
	var out []interface{}
	err := _ReentrantToken.contract.Call(opts, &out, "balanceOf", account)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// BalanceOf is a free data retrieval call binding the contract method 0x70a08231.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (_ReentrantToken *ReentrantTokenSession) BalanceOf(account common.Address) (*big.Int, error) {
	return _ReentrantToken.Contract.BalanceOf(&_ReentrantToken.CallOpts, account)
}

// BalanceOf is a free data retrieval call binding the contract method 0x70a08231.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (_ReentrantToken *ReentrantTokenCallerSession) BalanceOf(account common.Address) (*big.Int, error) {
	return _ReentrantToken.Contract.BalanceOf(&_ReentrantToken.CallOpts, account)
}

// Data is a free data retrieval call binding the contract method 0x73d4a13a.
//
// Solidity: function data() view returns(bytes)
func (_ReentrantToken *ReentrantTokenCaller) Data(opts *bind.CallOpts) ([]byte, error) {
	var out []interface{}
	err := _ReentrantToken.contract.Call(opts, &out, "data")

	if err != nil {
		return *new([]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([]byte)).(*[]byte)

	return out0, err

}

// Data is a free data retrieval call binding the contract method 0x73d4a13a.
//
// Solidity: function data() view returns(bytes)
func (_ReentrantToken *ReentrantTokenSession) Data() ([]byte, error) {
	return _ReentrantToken.Contract.Data(&_ReentrantToken.CallOpts)
}

// Data is a free data retrieval call binding the contract method 0x73d4a13a.
//
// Solidity: function data() view returns(bytes)
func (_ReentrantToken *ReentrantTokenCallerSession) Data() ([]byte, error) {
	return _ReentrantToken.Contract.Data(&_ReentrantToken.CallOpts)
}

// Decimals is a free data retrieval call binding the contract method 0x313ce567.
//
// Solidity: function decimals() pure returns(uint8)
func (_ReentrantToken *ReentrantTokenCaller) Decimals(opts *bind.CallOpts) (uint8, error) {
	var out []interface{}
	err := _ReentrantToken.contract.Call(opts, &out, "decimals")

	if err != nil {
		return *new(uint8), err
	}

	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)

	return out0, err

}

// Decimals is a free data retrieval call binding the contract method 0x313ce567.
//
// Solidity: function decimals() pure returns(uint8)
func (_ReentrantToken *ReentrantTokenSession) Decimals() (uint8, error) {
	return _ReentrantToken.Contract.Decimals(&_ReentrantToken.CallOpts)
}

// Decimals is a free data retrieval call binding the contract method 0x313ce567.
//
// Solidity: function decimals() pure returns(uint8)
func (_ReentrantToken *ReentrantTokenCallerSession) Decimals() (uint8, error) {
	return _ReentrantToken.Contract.Decimals(&_ReentrantToken.CallOpts)
}

// Name is a free data retrieval call binding the contract method 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (_ReentrantToken *ReentrantTokenCaller) Name(opts *bind.CallOpts) (string, error) {
	var out []interface{}
	err := _ReentrantToken.contract.Call(opts, &out, "name")

	if err != nil {
		return *new(string), err
	}

	out0 := *abi.ConvertType(out[0], new(string)).(*string)

	return out0, err

}

// Name is a free data retrieval call binding the contract method 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (_ReentrantToken *ReentrantTokenSession) Name() (string, error) {
	return _ReentrantToken.Contract.Name(&_ReentrantToken.CallOpts)
}

// Name is a free data retrieval call binding the contract method 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (_ReentrantToken *ReentrantTokenCallerSession) Name() (string, error) {
	return _ReentrantToken.Contract.Name(&_ReentrantToken.CallOpts)
}

// Symbol is a free data retrieval call binding the contract method 0x95d89b41.
//
// Solidity: function symbol() view returns(string)
func (_ReentrantToken *ReentrantTokenCaller) Symbol(opts *bind.CallOpts) (string, error) {
	var out []interface{}
	err := _ReentrantToken.contract.Call(opts, &out, "symbol")

	if err != nil {
		return *new(string), err
	}

	out0 := *abi.ConvertType(out[0], new(string)).(*string)

	return out0, err

}

// Symbol is a free data retrieval call binding the contract method 0x95d89b41.
//
// Solidity: function symbol() view returns(string)
func (_ReentrantToken *ReentrantTokenSession) Symbol() (string, error) {
	return _ReentrantToken.Contract.Symbol(&_ReentrantToken.CallOpts)
}

// Symbol is a free data retrieval call binding the contract method 0x95d89b41.
//
// Solidity: function symbol() view returns(string)
func (_ReentrantToken *ReentrantTokenCallerSession) Symbol() (string, error) {
	return _ReentrantToken.Contract.Symbol(&_ReentrantToken.CallOpts)
}

// TotalSupply is a free data retrieval call binding the contract method 0x18160ddd.
//
// Solidity: function totalSupply() view returns(uint256)
func (_ReentrantToken *ReentrantTokenCaller) TotalSupply(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _ReentrantToken.contract.Call(opts, &out, "totalSupply")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// TotalSupply is a free data retrieval call binding the contract method 0x18160ddd.
//
// Solidity: function totalSupply() view returns(uint256)
func (_ReentrantToken *ReentrantTokenSession) TotalSupply() (*big.Int, error) {
	return _ReentrantToken.Contract.TotalSupply(&_ReentrantToken.CallOpts)
}

// TotalSupply is a free data retrieval call binding the contract method 0x18160ddd.
//
// Solidity: function totalSupply() view returns(uint256)
func (_ReentrantToken *ReentrantTokenCallerSession) TotalSupply() (*big.Int, error) {
	return _ReentrantToken.Contract.TotalSupply(&_ReentrantToken.CallOpts)
}

// Victim is a free data retrieval call binding the contract method 0x930c2003.
//
// Solidity: function victim() view returns(address)
func (_ReentrantToken *ReentrantTokenCaller) Victim(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _ReentrantToken.contract.Call(opts, &out, "victim")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Victim is a free data retrieval call binding the contract method 0x930c2003.
//
// Solidity: function victim() view returns(address)
func (_ReentrantToken *ReentrantTokenSession) Victim() (common.Address, error) {
	return _ReentrantToken.Contract.Victim(&_ReentrantToken.CallOpts)
}

// Victim is a free data retrieval call binding the contract method 0x930c2003.
//
// Solidity: function victim() view returns(address)
func (_ReentrantToken *ReentrantTokenCallerSession) Victim() (common.Address, error) {
	return _ReentrantToken.Contract.Victim(&_ReentrantToken.CallOpts)
}

// Approve is a paid mutator transaction binding the contract method 0x095ea7b3.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (_ReentrantToken *ReentrantTokenTransactor) Approve(opts *bind.TransactOpts, spender common.Address, value *big.Int) (*types.Transaction, error) {
	return _ReentrantToken.contract.Transact(opts, "approve", spender, value)
}

// Approve is a paid mutator transaction binding the contract method 0x095ea7b3.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (_ReentrantToken *ReentrantTokenSession) Approve(spender common.Address, value *big.Int) (*types.Transaction, error) {
	return _ReentrantToken.Contract.Approve(&_ReentrantToken.TransactOpts, spender, value)
}

// Approve is a paid mutator transaction binding the contract method 0x095ea7b3.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (_ReentrantToken *ReentrantTokenTransactorSession) Approve(spender common.Address, value *big.Int) (*types.Transaction, error) {
	return _ReentrantToken.Contract.Approve(&_ReentrantToken.TransactOpts, spender, value)
}

// Arm is a paid mutator transaction binding the contract method 0x3522bfd0.
//
// Solidity: function arm(address victim_, bytes data_) returns()
func (_ReentrantToken *ReentrantTokenTransactor) Arm(opts *bind.TransactOpts, victim_ common.Address, data_ []byte) (*types.Transaction, error) {
	return _ReentrantToken.contract.Transact(opts, "arm", victim_, data_)
}

// Arm is a paid mutator transaction binding the contract method 0x3522bfd0.
//
// Solidity: function arm(address victim_, bytes data_) returns()
func (_ReentrantToken *ReentrantTokenSession) Arm(victim_ common.Address, data_ []byte) (*types.Transaction, error) {
	return _ReentrantToken.Contract.Arm(&_ReentrantToken.TransactOpts, victim_, data_)
}

// Arm is a paid mutator transaction binding the contract method 0x3522bfd0.
//
// Solidity: function arm(address victim_, bytes data_) returns()
func (_ReentrantToken *ReentrantTokenTransactorSession) Arm(victim_ common.Address, data_ []byte) (*types.Transaction, error) {
	return _ReentrantToken.Contract.Arm(&_ReentrantToken.TransactOpts, victim_, data_)
}

// Mint is a paid mutator transaction binding the contract method 0x40c10f19.
//
// Solidity: function mint(address to, uint256 amount) returns()
func (_ReentrantToken *ReentrantTokenTransactor) Mint(opts *bind.TransactOpts, to common.Address, amount *big.Int) (*types.Transaction, error) {
	return _ReentrantToken.contract.Transact(opts, "mint", to, amount)
}

// Mint is a paid mutator transaction binding the contract method 0x40c10f19.
//
// Solidity: function mint(address to, uint256 amount) returns()
func (_ReentrantToken *ReentrantTokenSession) Mint(to common.Address, amount *big.Int) (*types.Transaction, error) {
	return _ReentrantToken.Contract.Mint(&_ReentrantToken.TransactOpts, to, amount)
}

// Mint is a paid mutator transaction binding the contract method 0x40c10f19.
//
// Solidity: function mint(address to, uint256 amount) returns()
func (_ReentrantToken *ReentrantTokenTransactorSession) Mint(to common.Address, amount *big.Int) (*types.Transaction, error) {
	return _ReentrantToken.Contract.Mint(&_ReentrantToken.TransactOpts, to, amount)
}

// Transfer is a paid mutator transaction binding the contract method 0xa9059cbb.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (_ReentrantToken *ReentrantTokenTransactor) Transfer(opts *bind.TransactOpts, to common.Address, value *big.Int) (*types.Transaction, error) {
	return _ReentrantToken.contract.Transact(opts, "transfer", to, value)
}

// Transfer is a paid mutator transaction binding the contract method 0xa9059cbb.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (_ReentrantToken *ReentrantTokenSession) Transfer(to common.Address, value *big.Int) (*types.Transaction, error) {
	return _ReentrantToken.Contract.Transfer(&_ReentrantToken.TransactOpts, to, value)
}

// Transfer is a paid mutator transaction binding the contract method 0xa9059cbb.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (_ReentrantToken *ReentrantTokenTransactorSession) Transfer(to common.Address, value *big.Int) (*types.Transaction, error) {
	return _ReentrantToken.Contract.Transfer(&_ReentrantToken.TransactOpts, to, value)
}

// TransferFrom is a paid mutator transaction binding the contract method 0x23b872dd.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (_ReentrantToken *ReentrantTokenTransactor) TransferFrom(opts *bind.TransactOpts, from common.Address, to common.Address, value *big.Int) (*types.Transaction, error) {
	return _ReentrantToken.contract.Transact(opts, "transferFrom", from, to, value)
}

// TransferFrom is a paid mutator transaction binding the contract method 0x23b872dd.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (_ReentrantToken *ReentrantTokenSession) TransferFrom(from common.Address, to common.Address, value *big.Int) (*types.Transaction, error) {
	return _ReentrantToken.Contract.TransferFrom(&_ReentrantToken.TransactOpts, from, to, value)
}

// TransferFrom is a paid mutator transaction binding the contract method 0x23b872dd.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (_ReentrantToken *ReentrantTokenTransactorSession) TransferFrom(from common.Address, to common.Address, value *big.Int) (*types.Transaction, error) {
	return _ReentrantToken.Contract.TransferFrom(&_ReentrantToken.TransactOpts, from, to, value)
}

// ReentrantTokenApprovalIterator is returned from FilterApproval and is used to iterate over the raw logs and unpacked data for Approval events raised by the ReentrantToken contract.
type ReentrantTokenApprovalIterator struct {
	Event *ReentrantTokenApproval // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *ReentrantTokenApprovalIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(ReentrantTokenApproval)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(ReentrantTokenApproval)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *ReentrantTokenApprovalIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *ReentrantTokenApprovalIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// ReentrantTokenApproval represents a Approval event raised by the ReentrantToken contract.
type ReentrantTokenApproval struct {
	Owner   common.Address
	Spender common.Address
	Value   *big.Int
	Raw     types.Log // Blockchain specific contextual infos
}

// FilterApproval is a free log retrieval operation binding the contract event 0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925.
//
// Solidity: event Approval(address indexed owner, address indexed spender, uint256 value)
func (_ReentrantToken *ReentrantTokenFilterer) FilterApproval(opts *bind.FilterOpts, owner []common.Address, spender []common.Address) (*ReentrantTokenApprovalIterator, error) {

	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}
	var spenderRule []interface{}
	for _, spenderItem := range spender {
		spenderRule = append(spenderRule, spenderItem)
	}

	logs, sub, err := _ReentrantToken.contract.FilterLogs(opts, "Approval", ownerRule, spenderRule)
	if err != nil {
		return nil, err
	}
	return &ReentrantTokenApprovalIterator{contract: _ReentrantToken.contract, event: "Approval", logs: logs, sub: sub}, nil
}

// WatchApproval is a free log subscription operation binding the contract event 0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925.
//
// Solidity: event Approval(address indexed owner, address indexed spender, uint256 value)
func (_ReentrantToken *ReentrantTokenFilterer) WatchApproval(opts *bind.WatchOpts, sink chan<- *ReentrantTokenApproval, owner []common.Address, spender []common.Address) (event.Subscription, error) {

	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}
	var spenderRule []interface{}
	for _, spenderItem := range spender {
		spenderRule = append(spenderRule, spenderItem)
	}

	logs, sub, err := _ReentrantToken.contract.WatchLogs(opts, "Approval", ownerRule, spenderRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(ReentrantTokenApproval)
				if err := _ReentrantToken.contract.UnpackLog(event, "Approval", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseApproval is a log parse operation binding the contract event 0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925.
//
// Solidity: event Approval(address indexed owner, address indexed spender, uint256 value)
func (_ReentrantToken *ReentrantTokenFilterer) ParseApproval(log types.Log) (*ReentrantTokenApproval, error) {
	event := new(ReentrantTokenApproval)
	if err := _ReentrantToken.contract.UnpackLog(event, "Approval", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// ReentrantTokenTransferIterator is returned from FilterTransfer and is used to iterate over the raw logs and unpacked data for Transfer events raised by the ReentrantToken contract.
type ReentrantTokenTransferIterator struct {
	Event *ReentrantTokenTransfer // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *ReentrantTokenTransferIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(ReentrantTokenTransfer)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(ReentrantTokenTransfer)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *ReentrantTokenTransferIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *ReentrantTokenTransferIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// ReentrantTokenTransfer represents a Transfer event raised by the ReentrantToken contract.
type ReentrantTokenTransfer struct {
	From  common.Address
	To    common.Address
	Value *big.Int
	Raw   types.Log // Blockchain specific contextual infos
}

// FilterTransfer is a free log retrieval operation binding the contract event 0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 value)
func (_ReentrantToken *ReentrantTokenFilterer) FilterTransfer(opts *bind.FilterOpts, from []common.Address, to []common.Address) (*ReentrantTokenTransferIterator, error) {

	var fromRule []interface{}
	for _, fromItem := range from {
		fromRule = append(fromRule, fromItem)
	}
	var toRule []interface{}
	for _, toItem := range to {
		toRule = append(toRule, toItem)
	}

	logs, sub, err := _ReentrantToken.contract.FilterLogs(opts, "Transfer", fromRule, toRule)
	if err != nil {
		return nil, err
	}
	return &ReentrantTokenTransferIterator{contract: _ReentrantToken.contract, event: "Transfer", logs: logs, sub: sub}, nil
}

// WatchTransfer is a free log subscription operation binding the contract event 0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 value)
func (_ReentrantToken *ReentrantTokenFilterer) WatchTransfer(opts *bind.WatchOpts, sink chan<- *ReentrantTokenTransfer, from []common.Address, to []common.Address) (event.Subscription, error) {

	var fromRule []interface{}
	for _, fromItem := range from {
		fromRule = append(fromRule, fromItem)
	}
	var toRule []interface{}
	for _, toItem := range to {
		toRule = append(toRule, toItem)
	}

	logs, sub, err := _ReentrantToken.contract.WatchLogs(opts, "Transfer", fromRule, toRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(ReentrantTokenTransfer)
				if err := _ReentrantToken.contract.UnpackLog(event, "Transfer", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseTransfer is a log parse operation binding the contract event 0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 value)
func (_ReentrantToken *ReentrantTokenFilterer) ParseTransfer(log types.Log) (*ReentrantTokenTransfer, error) {
	event := new(ReentrantTokenTransfer)
	if err := _ReentrantToken.contract.UnpackLog(event, "Transfer", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// StakingMetaData contains all meta data concerning the Staking contract.
var StakingMetaData = &bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"contractIERC20\",\"name\":\"stakeToken_\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"unbondingPeriod_\",\"type\":\"uint64\"},{\"internalType\":\"address[]\",\"name\":\"rewardAssets_\",\"type\":\"address[]\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[],\"name\":\"BadSlash\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NoActiveStake\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"asset\",\"type\":\"address\"}],\"name\":\"NotRewardAsset\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"OwnableInvalidOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"OwnableUnauthorizedAccount\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"PoolWiped\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ReentrancyGuardReentrantCall\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"}],\"name\":\"SafeERC20FailedOperation\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"readyAt\",\"type\":\"uint64\"}],\"name\":\"StillUnbonding\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"TooManyRewardAssets\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAmount\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"staker\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"asset\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Claimed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferred\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"asset\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"RevenueNotified\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint16\",\"name\":\"bps\",\"type\":\"uint16\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"evidence\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"}],\"name\":\"Slashed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"staker\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"shares\",\"type\":\"uint256\"}],\"name\":\"Staked\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"staker\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"shares\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"readyAt\",\"type\":\"uint64\"}],\"name\":\"UnbondRequested\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"staker\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Unbonded\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"MAX_REWARD_ASSETS\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"asset\",\"type\":\"address\"}],\"name\":\"accRewardPerShare\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"activeShares\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"claim\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"staker\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"asset\",\"type\":\"address\"}],\"name\":\"claimable\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"asset\",\"type\":\"address\"}],\"name\":\"isRewardAsset\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"asset\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"notifyRevenue\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"staker\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"asset\",\"type\":\"address\"}],\"name\":\"pendingReward\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"pools\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"tokens\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"activeShares\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"unbondingShares\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"renounceOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"shares\",\"type\":\"uint256\"}],\"name\":\"requestUnbond\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"rewardAssetList\",\"outputs\":[{\"internalType\":\"address[]\",\"name\":\"\",\"type\":\"address[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"staker\",\"type\":\"address\"}],\"name\":\"sharesOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"internalType\":\"uint16\",\"name\":\"bps\",\"type\":\"uint16\"},{\"internalType\":\"bytes32\",\"name\":\"evidence\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"}],\"name\":\"slash\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"stake\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"stakeToken\",\"outputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"staker\",\"type\":\"address\"}],\"name\":\"stakeValue\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"transferOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"unbondingPeriod\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"staker\",\"type\":\"address\"}],\"name\":\"unbonds\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"shares\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"readyAt\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"withdrawUnbonded\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	Sigs: map[string]string{
		"9ffec9be": "MAX_REWARD_ASSETS()",
		"079abc46": "accRewardPerShare(address,address)",
		"89b99964": "activeShares(address)",
		"1e83409a": "claim(address)",
		"d4570c1c": "claimable(address,address)",
		"c78a0ad5": "isRewardAsset(address)",
		"6e53027c": "notifyRevenue(address,address,uint256)",
		"8da5cb5b": "owner()",
		"b75942c0": "pendingReward(address,address,address)",
		"a4063dbc": "pools(address)",
		"715018a6": "renounceOwnership()",
		"79b134d5": "requestUnbond(address,uint256)",
		"1bcf0ab9": "rewardAssetList()",
		"0a7292f5": "sharesOf(address,address)",
		"91a881fa": "slash(address,uint16,bytes32,address)",
		"adc9772e": "stake(address,uint256)",
		"51ed6a30": "stakeToken()",
		"fa4af4c2": "stakeValue(address,address)",
		"f2fde38b": "transferOwnership(address)",
		"6cf6d675": "unbondingPeriod()",
		"e33585ac": "unbonds(address,address)",
		"aeffaa47": "withdrawUnbonded(address)",
	},
	Bin: "0x60c060405234801561000f575f5ffd5b506040516118d33803806118d383398101604081905261002e91610206565b836001600160a01b03811661005c57604051631e4fbdf760e01b81525f600482015260240160405180910390fd5b6100658161017c565b5060017f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f00558051600410156100ad57604051631b59cc7d60e01b815260040160405180910390fd5b6001600160a01b0383166080526001600160401b03821660a0525f5b81518110156101725760018282815181106100e6576100e6610315565b6020908102919091018101518254600180820185555f9485529284200180546001600160a01b0319166001600160a01b039092169190911790558351909160029185908590811061013957610139610315565b6020908102919091018101516001600160a01b031682528101919091526040015f20805460ff19169115159190911790556001016100c9565b5050505050610329565b5f80546001600160a01b038381166001600160a01b0319831681178455604051919092169283917f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09190a35050565b6001600160a01b03811681146101df575f5ffd5b50565b80516101ed816101cb565b919050565b634e487b7160e01b5f52604160045260245ffd5b5f5f5f5f60808587031215610219575f5ffd5b8451610224816101cb565b6020860151909450610235816101cb565b60408601519093506001600160401b0381168114610251575f5ffd5b60608601519092506001600160401b0381111561026c575f5ffd5b8501601f8101871361027c575f5ffd5b80516001600160401b03811115610295576102956101f2565b604051600582901b90603f8201601f191681016001600160401b03811182821017156102c3576102c36101f2565b60405291825260208184018101929081018a8411156102e0575f5ffd5b6020850194505b83851015610306576102f8856101e2565b8152602094850194016102e7565b50969995985093965050505050565b634e487b7160e01b5f52603260045260245ffd5b60805160a05161156d6103665f395f8181610216015261080d01525f81816101d70152818161098401528181610aef0152610d46015261156d5ff3fe608060405234801561000f575f5ffd5b506004361061013d575f3560e01c806391a881fa116100b4578063b75942c011610079578063b75942c014610344578063c78a0ad514610357578063d4570c1c14610389578063e33585ac146103b3578063f2fde38b1461040c578063fa4af4c21461041f575f5ffd5b806391a881fa146102ba5780639ffec9be146102cd578063a4063dbc146102d5578063adc9772e1461031e578063aeffaa4714610331575f5ffd5b80636cf6d675116101055780636cf6d675146102115780636e53027c14610251578063715018a61461026457806379b134d51461026c57806389b999641461027f5780638da5cb5b146102aa575f5ffd5b8063079abc46146101415780630a7292f51461017e5780631bcf0ab9146101a85780631e83409a146101bd57806351ed6a30146101d2575b5f5ffd5b61016b61014f366004611335565b600660209081525f928352604080842090915290825290205481565b6040519081526020015b60405180910390f35b61016b61018c366004611335565b600460209081525f928352604080842090915290825290205481565b6101b0610432565b6040516101759190611366565b6101d06101cb3660046113b1565b610492565b005b6101f97f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b039091168152602001610175565b6102387f000000000000000000000000000000000000000000000000000000000000000081565b60405167ffffffffffffffff9091168152602001610175565b6101d061025f3660046113ca565b6105a4565b6101d0610705565b6101d061027a366004611404565b610718565b61016b61028d3660046113b1565b6001600160a01b03165f9081526003602052604090206001015490565b5f546001600160a01b03166101f9565b6101d06102c836600461142c565b6108d1565b61016b600481565b6103036102e33660046113b1565b60036020525f908152604090208054600182015460029092015490919083565b60408051938452602084019290925290820152606001610175565b6101d061032c366004611404565b610a20565b6101d061033f3660046113b1565b610be9565b61016b61035236600461147e565b610dc6565b6103796103653660046113b1565b60026020525f908152604090205460ff1681565b6040519015158152602001610175565b61016b610397366004611335565b600860209081525f928352604080842090915290825290205481565b6103ee6103c1366004611335565b600560209081525f92835260408084209091529082529020805460019091015467ffffffffffffffff1682565b6040805192835267ffffffffffffffff909116602083015201610175565b6101d061041a3660046113b1565b610e64565b61016b61042d366004611335565b610e9e565b6060600180548060200260200160405190810160405280929190818152602001828054801561048857602002820191905f5260205f20905b81546001600160a01b0316815260019091019060200180831161046a575b5050505050905090565b61049a610f37565b6104a48133610f52565b6104ae8133610fe0565b5f5b60015481101561058a575f600182815481106104ce576104ce6114be565b5f9182526020808320909101543383526008825260408084206001600160a01b0390921680855291909252908220549092509081900361050f575050610582565b335f8181526008602090815260408083206001600160a01b038716808552925282209190915561053f9183611059565b6040518181526001600160a01b0383169033907ff7a40077ff7a04c7e61f6f26fb13774259ddf1b6bce9ecf26a8276cdd39926839060200160405180910390a350505b6001016104b0565b506105a160015f5160206115415f395f51905f5255565b50565b6105ac610f37565b6001600160a01b0382165f9081526002602052604090205460ff166105f457604051631f3fdf6160e11b81526001600160a01b03831660048201526024015b60405180910390fd5b6001600160a01b0383165f908152600360205260408120600101549081900361063057604051637d9a44a160e11b815260040160405180910390fd5b6106456001600160a01b03841633308561108e565b61065f826ec097ce7bc90715b34b9f1000000000836110c4565b6001600160a01b038086165f908152600660209081526040808320938816835292905290812080549091906106959084906114e6565b92505081905550826001600160a01b0316846001600160a01b03167f40e65cbdb8a49cd7289f8d1a9a42136922189a5aeec9fcee53a08e6056519054846040516106e191815260200190565b60405180910390a35061070060015f5160206115415f395f51905f5255565b505050565b61070d611174565b6107165f6111a0565b565b610720610f37565b805f0361074057604051631f2a200560e01b815260040160405180910390fd5b61074a8233610f52565b6001600160a01b0382165f9081526004602090815260408083203384529091528120805483929061077c9084906114f9565b90915550506001600160a01b0382165f908152600360205260408120600181018054919284926107ad9084906114f9565b9250508190555081816002015f8282546107c791906114e6565b90915550506001600160a01b0383165f90815260056020908152604080832033845290915281208054909184918391906108029084906114e6565b9091555061083290507f00000000000000000000000000000000000000000000000000000000000000004261150c565b60018201805467ffffffffffffffff191667ffffffffffffffff929092169190911790556108608433610fe0565b60018101546040805185815267ffffffffffffffff909216602083015233916001600160a01b038716917ff32a427883796db0b4826fe6a1d93b7935d29b9b7b871f490037a6200f6cf475910160405180910390a350506108cd60015f5160206115415f395f51905f5255565b5050565b6108d9611174565b6108e1610f37565b61ffff831615806108f757506127108361ffff16115b80610900575081155b8061091257506001600160a01b038116155b156109305760405163080942c360e01b815260040160405180910390fd5b6001600160a01b0384165f908152600360205260408120805490919061095d9061ffff87166127106110c4565b905080825f015f82825461097191906114f9565b909155506109ab90506001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000168483611059565b6040805182815261ffff871660208201529081018590526001600160a01b0384811660608301528716907fee659a74debe421a596e505e1f7b945d850cf5ef72d7fd5ce70eecad7803de029060800160405180910390a25050610a1a60015f5160206115415f395f51905f5255565b50505050565b610a28610f37565b805f03610a4857604051631f2a200560e01b815260040160405180910390fd5b6001600160a01b0382165f90815260036020526040812060028101546001820154919291610a7691906114e6565b90505f815f03610a87575082610ad8565b82545f03610aa85760405163045ae34360e31b815260040160405180910390fd5b610ab68483855f01546110c4565b9050805f03610ad857604051631f2a200560e01b815260040160405180910390fd5b610ae28533610f52565b610b176001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001633308761108e565b83835f015f828254610b2991906114e6565b9250508190555080836001015f828254610b4391906114e6565b90915550506001600160a01b0385165f90815260046020908152604080832033845290915281208054839290610b7a9084906114e6565b90915550610b8a90508533610fe0565b604080518581526020810183905233916001600160a01b038816917f6c86f3fd5118b3aa8bb4f389a617046de0a3d3d477de1a1673d227f802f616dc910160405180910390a35050506108cd60015f5160206115415f395f51905f5255565b610bf1610f37565b6001600160a01b0381165f90815260056020908152604080832033845282528083208151808301909252805480835260019091015467ffffffffffffffff16928201929092529103610c5657604051631f2a200560e01b815260040160405180910390fd5b806020015167ffffffffffffffff16421015610c9757602081015160405163be8a527b60e01b815267ffffffffffffffff90911660048201526024016105eb565b6001600160a01b0382165f9081526003602052604081208251815460028301546001840154939493610cd3939291610cce916114e6565b6110c4565b905080825f015f828254610ce791906114f9565b909155505082516002830180545f90610d019084906114f9565b90915550506001600160a01b038085165f90815260056020908152604080832033808552925282209182556001909101805467ffffffffffffffff19169055610d6d917f0000000000000000000000000000000000000000000000000000000000000000169083611059565b60405181815233906001600160a01b038616907fcc90a4f2d7b65033483b2f4c7f47742028ea004a2be3fb0d16647fbf3fc457ca9060200160405180910390a35050506105a160015f5160206115415f395f51905f5255565b6001600160a01b038084165f818152600760209081526040808320878616845282528083209486168084529482528083205493835260068252808320948352939052918220548291610e17916114f9565b6001600160a01b038087165f90815260046020908152604080832093891683529290522054909150610e5990826ec097ce7bc90715b34b9f10000000006110c4565b9150505b9392505050565b610e6c611174565b6001600160a01b038116610e9557604051631e4fbdf760e01b81525f60048201526024016105eb565b6105a1816111a0565b6001600160a01b0382165f9081526003602090815260408083208151606081018352815481526001820154938101849052600290910154918101829052918391610ee7916114e6565b9050805f03610efa575f92505050610f31565b6001600160a01b038086165f908152600460209081526040808320938816835292905220548251610f2c9190836110c4565b925050505b92915050565b610f3f6111ef565b60025f5160206115415f395f51905f5255565b5f5b600154811015610700575f60018281548110610f7257610f726114be565b5f9182526020822001546001600160a01b03169150610f92858584610dc6565b90508015610fd6576001600160a01b038085165f90815260086020908152604080832093861683529290529081208054839290610fd09084906114e6565b90915550505b5050600101610f54565b5f5b600154811015610700575f60018281548110611000576110006114be565b5f9182526020808320909101546001600160a01b03878116808552600684526040808620938316808752938552808620549186526007855280862092891686529184528185209285529190925291205550600101610fe2565b611066838383600161121e565b61070057604051635274afe760e01b81526001600160a01b03841660048201526024016105eb565b61109c848484846001611280565b610a1a57604051635274afe760e01b81526001600160a01b03851660048201526024016105eb565b5f5f5f6110d186866112ed565b91509150815f036110f5578381816110eb576110eb61152c565b0492505050610e5d565b81841161110c5761110c6003851502601118611309565b5f848688095f868103871696879004966002600389028118808a02820302808a02820302808a02820302808a02820302808a02820302808a02909103029181900381900460010185841190960395909502919093039390930492909217029150509392505050565b5f546001600160a01b031633146107165760405163118cdaa760e01b81523360048201526024016105eb565b5f80546001600160a01b038381166001600160a01b0319831681178455604051919092169283917f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09190a35050565b5f5160206115415f395f51905f525460020361071657604051633ee5aeb560e01b815260040160405180910390fd5b60405163a9059cbb60e01b5f8181526001600160a01b038616600452602485905291602083604481808b5af1925060015f51148316611274578383151615611268573d5f823e3d81fd5b5f873b113d1516831692505b60405250949350505050565b6040516323b872dd60e01b5f8181526001600160a01b038781166004528616602452604485905291602083606481808c5af1925060015f511483166112dc5783831516156112d0573d5f823e3d81fd5b5f883b113d1516831692505b604052505f60605295945050505050565b5f805f1983850993909202808410938190039390930393915050565b634e487b715f52806020526024601cfd5b80356001600160a01b0381168114611330575f5ffd5b919050565b5f5f60408385031215611346575f5ffd5b61134f8361131a565b915061135d6020840161131a565b90509250929050565b602080825282518282018190525f918401906040840190835b818110156113a65783516001600160a01b031683526020938401939092019160010161137f565b509095945050505050565b5f602082840312156113c1575f5ffd5b610e5d8261131a565b5f5f5f606084860312156113dc575f5ffd5b6113e58461131a565b92506113f36020850161131a565b929592945050506040919091013590565b5f5f60408385031215611415575f5ffd5b61141e8361131a565b946020939093013593505050565b5f5f5f5f6080858703121561143f575f5ffd5b6114488561131a565b9350602085013561ffff8116811461145e575f5ffd5b9250604085013591506114736060860161131a565b905092959194509250565b5f5f5f60608486031215611490575f5ffd5b6114998461131a565b92506114a76020850161131a565b91506114b56040850161131a565b90509250925092565b634e487b7160e01b5f52603260045260245ffd5b634e487b7160e01b5f52601160045260245ffd5b80820180821115610f3157610f316114d2565b81810381811115610f3157610f316114d2565b67ffffffffffffffff8181168382160190811115610f3157610f316114d2565b634e487b7160e01b5f52601260045260245ffdfe9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f00a164736f6c634300081e000a",
}

// StakingABI is the input ABI used to generate the binding from.
// Deprecated: Use StakingMetaData.ABI instead.
var StakingABI = StakingMetaData.ABI

// Deprecated: Use StakingMetaData.Sigs instead.
// StakingFuncSigs maps the 4-byte function signature to its string representation.
var StakingFuncSigs = StakingMetaData.Sigs

// StakingBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use StakingMetaData.Bin instead.
var StakingBin = StakingMetaData.Bin

// DeployStaking deploys a new Ethereum contract, binding an instance of Staking to it.
func DeployStaking(auth *bind.TransactOpts, backend bind.ContractBackend, owner common.Address, stakeToken_ common.Address, unbondingPeriod_ uint64, rewardAssets_ []common.Address) (common.Address, *types.Transaction, *Staking, error) {
	parsed, err := StakingMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(StakingBin), backend, owner, stakeToken_, unbondingPeriod_, rewardAssets_)
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	return address, tx, &Staking{StakingCaller: StakingCaller{contract: contract}, StakingTransactor: StakingTransactor{contract: contract}, StakingFilterer: StakingFilterer{contract: contract}}, nil
}

// Staking is an auto generated Go binding around an Ethereum contract.
type Staking struct {
	StakingCaller     // Read-only binding to the contract
	StakingTransactor // Write-only binding to the contract
	StakingFilterer   // Log filterer for contract events
}

// StakingCaller is an auto generated read-only Go binding around an Ethereum contract.
type StakingCaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// StakingTransactor is an auto generated write-only Go binding around an Ethereum contract.
type StakingTransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// StakingFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type StakingFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// StakingSession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type StakingSession struct {
	Contract     *Staking          // Generic contract binding to set the session for
	CallOpts     bind.CallOpts     // Call options to use throughout this session
	TransactOpts bind.TransactOpts // Transaction auth options to use throughout this session
}

// StakingCallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type StakingCallerSession struct {
	Contract *StakingCaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts  // Call options to use throughout this session
}

// StakingTransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type StakingTransactorSession struct {
	Contract     *StakingTransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts  // Transaction auth options to use throughout this session
}

// StakingRaw is an auto generated low-level Go binding around an Ethereum contract.
type StakingRaw struct {
	Contract *Staking // Generic contract binding to access the raw methods on
}

// StakingCallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type StakingCallerRaw struct {
	Contract *StakingCaller // Generic read-only contract binding to access the raw methods on
}

// StakingTransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type StakingTransactorRaw struct {
	Contract *StakingTransactor // Generic write-only contract binding to access the raw methods on
}

// NewStaking creates a new instance of Staking, bound to a specific deployed contract.
func NewStaking(address common.Address, backend bind.ContractBackend) (*Staking, error) {
	contract, err := bindStaking(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &Staking{StakingCaller: StakingCaller{contract: contract}, StakingTransactor: StakingTransactor{contract: contract}, StakingFilterer: StakingFilterer{contract: contract}}, nil
}

// NewStakingCaller creates a new read-only instance of Staking, bound to a specific deployed contract.
func NewStakingCaller(address common.Address, caller bind.ContractCaller) (*StakingCaller, error) {
	contract, err := bindStaking(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &StakingCaller{contract: contract}, nil
}

// NewStakingTransactor creates a new write-only instance of Staking, bound to a specific deployed contract.
func NewStakingTransactor(address common.Address, transactor bind.ContractTransactor) (*StakingTransactor, error) {
	contract, err := bindStaking(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &StakingTransactor{contract: contract}, nil
}

// NewStakingFilterer creates a new log filterer instance of Staking, bound to a specific deployed contract.
func NewStakingFilterer(address common.Address, filterer bind.ContractFilterer) (*StakingFilterer, error) {
	contract, err := bindStaking(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &StakingFilterer{contract: contract}, nil
}

// bindStaking binds a generic wrapper to an already deployed contract.
func bindStaking(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := StakingMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_Staking *StakingRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _Staking.Contract.StakingCaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_Staking *StakingRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _Staking.Contract.StakingTransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_Staking *StakingRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _Staking.Contract.StakingTransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_Staking *StakingCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _Staking.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_Staking *StakingTransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _Staking.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_Staking *StakingTransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _Staking.Contract.contract.Transact(opts, method, params...)
}

// MAXREWARDASSETS is a free data retrieval call binding the contract method 0x9ffec9be.
//
// Solidity: function MAX_REWARD_ASSETS() view returns(uint256)
func (_Staking *StakingCaller) MAXREWARDASSETS(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _Staking.contract.Call(opts, &out, "MAX_REWARD_ASSETS")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// MAXREWARDASSETS is a free data retrieval call binding the contract method 0x9ffec9be.
//
// Solidity: function MAX_REWARD_ASSETS() view returns(uint256)
func (_Staking *StakingSession) MAXREWARDASSETS() (*big.Int, error) {
	return _Staking.Contract.MAXREWARDASSETS(&_Staking.CallOpts)
}

// MAXREWARDASSETS is a free data retrieval call binding the contract method 0x9ffec9be.
//
// Solidity: function MAX_REWARD_ASSETS() view returns(uint256)
func (_Staking *StakingCallerSession) MAXREWARDASSETS() (*big.Int, error) {
	return _Staking.Contract.MAXREWARDASSETS(&_Staking.CallOpts)
}

// AccRewardPerShare is a free data retrieval call binding the contract method 0x079abc46.
//
// Solidity: function accRewardPerShare(address operator, address asset) view returns(uint256)
func (_Staking *StakingCaller) AccRewardPerShare(opts *bind.CallOpts, operator common.Address, asset common.Address) (*big.Int, error) {
	var out []interface{}
	err := _Staking.contract.Call(opts, &out, "accRewardPerShare", operator, asset)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// AccRewardPerShare is a free data retrieval call binding the contract method 0x079abc46.
//
// Solidity: function accRewardPerShare(address operator, address asset) view returns(uint256)
func (_Staking *StakingSession) AccRewardPerShare(operator common.Address, asset common.Address) (*big.Int, error) {
	return _Staking.Contract.AccRewardPerShare(&_Staking.CallOpts, operator, asset)
}

// AccRewardPerShare is a free data retrieval call binding the contract method 0x079abc46.
//
// Solidity: function accRewardPerShare(address operator, address asset) view returns(uint256)
func (_Staking *StakingCallerSession) AccRewardPerShare(operator common.Address, asset common.Address) (*big.Int, error) {
	return _Staking.Contract.AccRewardPerShare(&_Staking.CallOpts, operator, asset)
}

// ActiveShares is a free data retrieval call binding the contract method 0x89b99964.
//
// Solidity: function activeShares(address operator) view returns(uint256)
func (_Staking *StakingCaller) ActiveShares(opts *bind.CallOpts, operator common.Address) (*big.Int, error) {
	var out []interface{}
	err := _Staking.contract.Call(opts, &out, "activeShares", operator)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// ActiveShares is a free data retrieval call binding the contract method 0x89b99964.
//
// Solidity: function activeShares(address operator) view returns(uint256)
func (_Staking *StakingSession) ActiveShares(operator common.Address) (*big.Int, error) {
	return _Staking.Contract.ActiveShares(&_Staking.CallOpts, operator)
}

// ActiveShares is a free data retrieval call binding the contract method 0x89b99964.
//
// Solidity: function activeShares(address operator) view returns(uint256)
func (_Staking *StakingCallerSession) ActiveShares(operator common.Address) (*big.Int, error) {
	return _Staking.Contract.ActiveShares(&_Staking.CallOpts, operator)
}

// Claimable is a free data retrieval call binding the contract method 0xd4570c1c.
//
// Solidity: function claimable(address staker, address asset) view returns(uint256)
func (_Staking *StakingCaller) Claimable(opts *bind.CallOpts, staker common.Address, asset common.Address) (*big.Int, error) {
	var out []interface{}
	err := _Staking.contract.Call(opts, &out, "claimable", staker, asset)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// Claimable is a free data retrieval call binding the contract method 0xd4570c1c.
//
// Solidity: function claimable(address staker, address asset) view returns(uint256)
func (_Staking *StakingSession) Claimable(staker common.Address, asset common.Address) (*big.Int, error) {
	return _Staking.Contract.Claimable(&_Staking.CallOpts, staker, asset)
}

// Claimable is a free data retrieval call binding the contract method 0xd4570c1c.
//
// Solidity: function claimable(address staker, address asset) view returns(uint256)
func (_Staking *StakingCallerSession) Claimable(staker common.Address, asset common.Address) (*big.Int, error) {
	return _Staking.Contract.Claimable(&_Staking.CallOpts, staker, asset)
}

// IsRewardAsset is a free data retrieval call binding the contract method 0xc78a0ad5.
//
// Solidity: function isRewardAsset(address asset) view returns(bool)
func (_Staking *StakingCaller) IsRewardAsset(opts *bind.CallOpts, asset common.Address) (bool, error) {
	var out []interface{}
	err := _Staking.contract.Call(opts, &out, "isRewardAsset", asset)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// IsRewardAsset is a free data retrieval call binding the contract method 0xc78a0ad5.
//
// Solidity: function isRewardAsset(address asset) view returns(bool)
func (_Staking *StakingSession) IsRewardAsset(asset common.Address) (bool, error) {
	return _Staking.Contract.IsRewardAsset(&_Staking.CallOpts, asset)
}

// IsRewardAsset is a free data retrieval call binding the contract method 0xc78a0ad5.
//
// Solidity: function isRewardAsset(address asset) view returns(bool)
func (_Staking *StakingCallerSession) IsRewardAsset(asset common.Address) (bool, error) {
	return _Staking.Contract.IsRewardAsset(&_Staking.CallOpts, asset)
}

// Owner is a free data retrieval call binding the contract method 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (_Staking *StakingCaller) Owner(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _Staking.contract.Call(opts, &out, "owner")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Owner is a free data retrieval call binding the contract method 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (_Staking *StakingSession) Owner() (common.Address, error) {
	return _Staking.Contract.Owner(&_Staking.CallOpts)
}

// Owner is a free data retrieval call binding the contract method 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (_Staking *StakingCallerSession) Owner() (common.Address, error) {
	return _Staking.Contract.Owner(&_Staking.CallOpts)
}

// PendingReward is a free data retrieval call binding the contract method 0xb75942c0.
//
// Solidity: function pendingReward(address operator, address staker, address asset) view returns(uint256)
func (_Staking *StakingCaller) PendingReward(opts *bind.CallOpts, operator common.Address, staker common.Address, asset common.Address) (*big.Int, error) {
	var out []interface{}
	err := _Staking.contract.Call(opts, &out, "pendingReward", operator, staker, asset)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// PendingReward is a free data retrieval call binding the contract method 0xb75942c0.
//
// Solidity: function pendingReward(address operator, address staker, address asset) view returns(uint256)
func (_Staking *StakingSession) PendingReward(operator common.Address, staker common.Address, asset common.Address) (*big.Int, error) {
	return _Staking.Contract.PendingReward(&_Staking.CallOpts, operator, staker, asset)
}

// PendingReward is a free data retrieval call binding the contract method 0xb75942c0.
//
// Solidity: function pendingReward(address operator, address staker, address asset) view returns(uint256)
func (_Staking *StakingCallerSession) PendingReward(operator common.Address, staker common.Address, asset common.Address) (*big.Int, error) {
	return _Staking.Contract.PendingReward(&_Staking.CallOpts, operator, staker, asset)
}

// Pools is a free data retrieval call binding the contract method 0xa4063dbc.
//
// Solidity: function pools(address operator) view returns(uint256 tokens, uint256 activeShares, uint256 unbondingShares)
func (_Staking *StakingCaller) Pools(opts *bind.CallOpts, operator common.Address) (struct {
	Tokens          *big.Int
	ActiveShares    *big.Int
	UnbondingShares *big.Int
}, error) {
	var out []interface{}
	err := _Staking.contract.Call(opts, &out, "pools", operator)

	outstruct := new(struct {
		Tokens          *big.Int
		ActiveShares    *big.Int
		UnbondingShares *big.Int
	})
	if err != nil {
		return *outstruct, err
	}

	outstruct.Tokens = *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)
	outstruct.ActiveShares = *abi.ConvertType(out[1], new(*big.Int)).(**big.Int)
	outstruct.UnbondingShares = *abi.ConvertType(out[2], new(*big.Int)).(**big.Int)

	return *outstruct, err

}

// Pools is a free data retrieval call binding the contract method 0xa4063dbc.
//
// Solidity: function pools(address operator) view returns(uint256 tokens, uint256 activeShares, uint256 unbondingShares)
func (_Staking *StakingSession) Pools(operator common.Address) (struct {
	Tokens          *big.Int
	ActiveShares    *big.Int
	UnbondingShares *big.Int
}, error) {
	return _Staking.Contract.Pools(&_Staking.CallOpts, operator)
}

// Pools is a free data retrieval call binding the contract method 0xa4063dbc.
//
// Solidity: function pools(address operator) view returns(uint256 tokens, uint256 activeShares, uint256 unbondingShares)
func (_Staking *StakingCallerSession) Pools(operator common.Address) (struct {
	Tokens          *big.Int
	ActiveShares    *big.Int
	UnbondingShares *big.Int
}, error) {
	return _Staking.Contract.Pools(&_Staking.CallOpts, operator)
}

// RewardAssetList is a free data retrieval call binding the contract method 0x1bcf0ab9.
//
// Solidity: function rewardAssetList() view returns(address[])
func (_Staking *StakingCaller) RewardAssetList(opts *bind.CallOpts) ([]common.Address, error) {
	var out []interface{}
	err := _Staking.contract.Call(opts, &out, "rewardAssetList")

	if err != nil {
		return *new([]common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new([]common.Address)).(*[]common.Address)

	return out0, err

}

// RewardAssetList is a free data retrieval call binding the contract method 0x1bcf0ab9.
//
// Solidity: function rewardAssetList() view returns(address[])
func (_Staking *StakingSession) RewardAssetList() ([]common.Address, error) {
	return _Staking.Contract.RewardAssetList(&_Staking.CallOpts)
}

// RewardAssetList is a free data retrieval call binding the contract method 0x1bcf0ab9.
//
// Solidity: function rewardAssetList() view returns(address[])
func (_Staking *StakingCallerSession) RewardAssetList() ([]common.Address, error) {
	return _Staking.Contract.RewardAssetList(&_Staking.CallOpts)
}

// SharesOf is a free data retrieval call binding the contract method 0x0a7292f5.
//
// Solidity: function sharesOf(address operator, address staker) view returns(uint256)
func (_Staking *StakingCaller) SharesOf(opts *bind.CallOpts, operator common.Address, staker common.Address) (*big.Int, error) {
	var out []interface{}
	err := _Staking.contract.Call(opts, &out, "sharesOf", operator, staker)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// SharesOf is a free data retrieval call binding the contract method 0x0a7292f5.
//
// Solidity: function sharesOf(address operator, address staker) view returns(uint256)
func (_Staking *StakingSession) SharesOf(operator common.Address, staker common.Address) (*big.Int, error) {
	return _Staking.Contract.SharesOf(&_Staking.CallOpts, operator, staker)
}

// SharesOf is a free data retrieval call binding the contract method 0x0a7292f5.
//
// Solidity: function sharesOf(address operator, address staker) view returns(uint256)
func (_Staking *StakingCallerSession) SharesOf(operator common.Address, staker common.Address) (*big.Int, error) {
	return _Staking.Contract.SharesOf(&_Staking.CallOpts, operator, staker)
}

// StakeToken is a free data retrieval call binding the contract method 0x51ed6a30.
//
// Solidity: function stakeToken() view returns(address)
func (_Staking *StakingCaller) StakeToken(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _Staking.contract.Call(opts, &out, "stakeToken")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// StakeToken is a free data retrieval call binding the contract method 0x51ed6a30.
//
// Solidity: function stakeToken() view returns(address)
func (_Staking *StakingSession) StakeToken() (common.Address, error) {
	return _Staking.Contract.StakeToken(&_Staking.CallOpts)
}

// StakeToken is a free data retrieval call binding the contract method 0x51ed6a30.
//
// Solidity: function stakeToken() view returns(address)
func (_Staking *StakingCallerSession) StakeToken() (common.Address, error) {
	return _Staking.Contract.StakeToken(&_Staking.CallOpts)
}

// StakeValue is a free data retrieval call binding the contract method 0xfa4af4c2.
//
// Solidity: function stakeValue(address operator, address staker) view returns(uint256)
func (_Staking *StakingCaller) StakeValue(opts *bind.CallOpts, operator common.Address, staker common.Address) (*big.Int, error) {
	var out []interface{}
	err := _Staking.contract.Call(opts, &out, "stakeValue", operator, staker)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// StakeValue is a free data retrieval call binding the contract method 0xfa4af4c2.
//
// Solidity: function stakeValue(address operator, address staker) view returns(uint256)
func (_Staking *StakingSession) StakeValue(operator common.Address, staker common.Address) (*big.Int, error) {
	return _Staking.Contract.StakeValue(&_Staking.CallOpts, operator, staker)
}

// StakeValue is a free data retrieval call binding the contract method 0xfa4af4c2.
//
// Solidity: function stakeValue(address operator, address staker) view returns(uint256)
func (_Staking *StakingCallerSession) StakeValue(operator common.Address, staker common.Address) (*big.Int, error) {
	return _Staking.Contract.StakeValue(&_Staking.CallOpts, operator, staker)
}

// UnbondingPeriod is a free data retrieval call binding the contract method 0x6cf6d675.
//
// Solidity: function unbondingPeriod() view returns(uint64)
func (_Staking *StakingCaller) UnbondingPeriod(opts *bind.CallOpts) (uint64, error) {
	var out []interface{}
	err := _Staking.contract.Call(opts, &out, "unbondingPeriod")

	if err != nil {
		return *new(uint64), err
	}

	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)

	return out0, err

}

// UnbondingPeriod is a free data retrieval call binding the contract method 0x6cf6d675.
//
// Solidity: function unbondingPeriod() view returns(uint64)
func (_Staking *StakingSession) UnbondingPeriod() (uint64, error) {
	return _Staking.Contract.UnbondingPeriod(&_Staking.CallOpts)
}

// UnbondingPeriod is a free data retrieval call binding the contract method 0x6cf6d675.
//
// Solidity: function unbondingPeriod() view returns(uint64)
func (_Staking *StakingCallerSession) UnbondingPeriod() (uint64, error) {
	return _Staking.Contract.UnbondingPeriod(&_Staking.CallOpts)
}

// Unbonds is a free data retrieval call binding the contract method 0xe33585ac.
//
// Solidity: function unbonds(address operator, address staker) view returns(uint256 shares, uint64 readyAt)
func (_Staking *StakingCaller) Unbonds(opts *bind.CallOpts, operator common.Address, staker common.Address) (struct {
	Shares  *big.Int
	ReadyAt uint64
}, error) {
	var out []interface{}
	err := _Staking.contract.Call(opts, &out, "unbonds", operator, staker)

	outstruct := new(struct {
		Shares  *big.Int
		ReadyAt uint64
	})
	if err != nil {
		return *outstruct, err
	}

	outstruct.Shares = *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)
	outstruct.ReadyAt = *abi.ConvertType(out[1], new(uint64)).(*uint64)

	return *outstruct, err

}

// Unbonds is a free data retrieval call binding the contract method 0xe33585ac.
//
// Solidity: function unbonds(address operator, address staker) view returns(uint256 shares, uint64 readyAt)
func (_Staking *StakingSession) Unbonds(operator common.Address, staker common.Address) (struct {
	Shares  *big.Int
	ReadyAt uint64
}, error) {
	return _Staking.Contract.Unbonds(&_Staking.CallOpts, operator, staker)
}

// Unbonds is a free data retrieval call binding the contract method 0xe33585ac.
//
// Solidity: function unbonds(address operator, address staker) view returns(uint256 shares, uint64 readyAt)
func (_Staking *StakingCallerSession) Unbonds(operator common.Address, staker common.Address) (struct {
	Shares  *big.Int
	ReadyAt uint64
}, error) {
	return _Staking.Contract.Unbonds(&_Staking.CallOpts, operator, staker)
}

// Claim is a paid mutator transaction binding the contract method 0x1e83409a.
//
// Solidity: function claim(address operator) returns()
func (_Staking *StakingTransactor) Claim(opts *bind.TransactOpts, operator common.Address) (*types.Transaction, error) {
	return _Staking.contract.Transact(opts, "claim", operator)
}

// Claim is a paid mutator transaction binding the contract method 0x1e83409a.
//
// Solidity: function claim(address operator) returns()
func (_Staking *StakingSession) Claim(operator common.Address) (*types.Transaction, error) {
	return _Staking.Contract.Claim(&_Staking.TransactOpts, operator)
}

// Claim is a paid mutator transaction binding the contract method 0x1e83409a.
//
// Solidity: function claim(address operator) returns()
func (_Staking *StakingTransactorSession) Claim(operator common.Address) (*types.Transaction, error) {
	return _Staking.Contract.Claim(&_Staking.TransactOpts, operator)
}

// NotifyRevenue is a paid mutator transaction binding the contract method 0x6e53027c.
//
// Solidity: function notifyRevenue(address operator, address asset, uint256 amount) returns()
func (_Staking *StakingTransactor) NotifyRevenue(opts *bind.TransactOpts, operator common.Address, asset common.Address, amount *big.Int) (*types.Transaction, error) {
	return _Staking.contract.Transact(opts, "notifyRevenue", operator, asset, amount)
}

// NotifyRevenue is a paid mutator transaction binding the contract method 0x6e53027c.
//
// Solidity: function notifyRevenue(address operator, address asset, uint256 amount) returns()
func (_Staking *StakingSession) NotifyRevenue(operator common.Address, asset common.Address, amount *big.Int) (*types.Transaction, error) {
	return _Staking.Contract.NotifyRevenue(&_Staking.TransactOpts, operator, asset, amount)
}

// NotifyRevenue is a paid mutator transaction binding the contract method 0x6e53027c.
//
// Solidity: function notifyRevenue(address operator, address asset, uint256 amount) returns()
func (_Staking *StakingTransactorSession) NotifyRevenue(operator common.Address, asset common.Address, amount *big.Int) (*types.Transaction, error) {
	return _Staking.Contract.NotifyRevenue(&_Staking.TransactOpts, operator, asset, amount)
}

// RenounceOwnership is a paid mutator transaction binding the contract method 0x715018a6.
//
// Solidity: function renounceOwnership() returns()
func (_Staking *StakingTransactor) RenounceOwnership(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _Staking.contract.Transact(opts, "renounceOwnership")
}

// RenounceOwnership is a paid mutator transaction binding the contract method 0x715018a6.
//
// Solidity: function renounceOwnership() returns()
func (_Staking *StakingSession) RenounceOwnership() (*types.Transaction, error) {
	return _Staking.Contract.RenounceOwnership(&_Staking.TransactOpts)
}

// RenounceOwnership is a paid mutator transaction binding the contract method 0x715018a6.
//
// Solidity: function renounceOwnership() returns()
func (_Staking *StakingTransactorSession) RenounceOwnership() (*types.Transaction, error) {
	return _Staking.Contract.RenounceOwnership(&_Staking.TransactOpts)
}

// RequestUnbond is a paid mutator transaction binding the contract method 0x79b134d5.
//
// Solidity: function requestUnbond(address operator, uint256 shares) returns()
func (_Staking *StakingTransactor) RequestUnbond(opts *bind.TransactOpts, operator common.Address, shares *big.Int) (*types.Transaction, error) {
	return _Staking.contract.Transact(opts, "requestUnbond", operator, shares)
}

// RequestUnbond is a paid mutator transaction binding the contract method 0x79b134d5.
//
// Solidity: function requestUnbond(address operator, uint256 shares) returns()
func (_Staking *StakingSession) RequestUnbond(operator common.Address, shares *big.Int) (*types.Transaction, error) {
	return _Staking.Contract.RequestUnbond(&_Staking.TransactOpts, operator, shares)
}

// RequestUnbond is a paid mutator transaction binding the contract method 0x79b134d5.
//
// Solidity: function requestUnbond(address operator, uint256 shares) returns()
func (_Staking *StakingTransactorSession) RequestUnbond(operator common.Address, shares *big.Int) (*types.Transaction, error) {
	return _Staking.Contract.RequestUnbond(&_Staking.TransactOpts, operator, shares)
}

// Slash is a paid mutator transaction binding the contract method 0x91a881fa.
//
// Solidity: function slash(address operator, uint16 bps, bytes32 evidence, address recipient) returns()
func (_Staking *StakingTransactor) Slash(opts *bind.TransactOpts, operator common.Address, bps uint16, evidence [32]byte, recipient common.Address) (*types.Transaction, error) {
	return _Staking.contract.Transact(opts, "slash", operator, bps, evidence, recipient)
}

// Slash is a paid mutator transaction binding the contract method 0x91a881fa.
//
// Solidity: function slash(address operator, uint16 bps, bytes32 evidence, address recipient) returns()
func (_Staking *StakingSession) Slash(operator common.Address, bps uint16, evidence [32]byte, recipient common.Address) (*types.Transaction, error) {
	return _Staking.Contract.Slash(&_Staking.TransactOpts, operator, bps, evidence, recipient)
}

// Slash is a paid mutator transaction binding the contract method 0x91a881fa.
//
// Solidity: function slash(address operator, uint16 bps, bytes32 evidence, address recipient) returns()
func (_Staking *StakingTransactorSession) Slash(operator common.Address, bps uint16, evidence [32]byte, recipient common.Address) (*types.Transaction, error) {
	return _Staking.Contract.Slash(&_Staking.TransactOpts, operator, bps, evidence, recipient)
}

// Stake is a paid mutator transaction binding the contract method 0xadc9772e.
//
// Solidity: function stake(address operator, uint256 amount) returns()
func (_Staking *StakingTransactor) Stake(opts *bind.TransactOpts, operator common.Address, amount *big.Int) (*types.Transaction, error) {
	return _Staking.contract.Transact(opts, "stake", operator, amount)
}

// Stake is a paid mutator transaction binding the contract method 0xadc9772e.
//
// Solidity: function stake(address operator, uint256 amount) returns()
func (_Staking *StakingSession) Stake(operator common.Address, amount *big.Int) (*types.Transaction, error) {
	return _Staking.Contract.Stake(&_Staking.TransactOpts, operator, amount)
}

// Stake is a paid mutator transaction binding the contract method 0xadc9772e.
//
// Solidity: function stake(address operator, uint256 amount) returns()
func (_Staking *StakingTransactorSession) Stake(operator common.Address, amount *big.Int) (*types.Transaction, error) {
	return _Staking.Contract.Stake(&_Staking.TransactOpts, operator, amount)
}

// TransferOwnership is a paid mutator transaction binding the contract method 0xf2fde38b.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (_Staking *StakingTransactor) TransferOwnership(opts *bind.TransactOpts, newOwner common.Address) (*types.Transaction, error) {
	return _Staking.contract.Transact(opts, "transferOwnership", newOwner)
}

// TransferOwnership is a paid mutator transaction binding the contract method 0xf2fde38b.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (_Staking *StakingSession) TransferOwnership(newOwner common.Address) (*types.Transaction, error) {
	return _Staking.Contract.TransferOwnership(&_Staking.TransactOpts, newOwner)
}

// TransferOwnership is a paid mutator transaction binding the contract method 0xf2fde38b.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (_Staking *StakingTransactorSession) TransferOwnership(newOwner common.Address) (*types.Transaction, error) {
	return _Staking.Contract.TransferOwnership(&_Staking.TransactOpts, newOwner)
}

// WithdrawUnbonded is a paid mutator transaction binding the contract method 0xaeffaa47.
//
// Solidity: function withdrawUnbonded(address operator) returns()
func (_Staking *StakingTransactor) WithdrawUnbonded(opts *bind.TransactOpts, operator common.Address) (*types.Transaction, error) {
	return _Staking.contract.Transact(opts, "withdrawUnbonded", operator)
}

// WithdrawUnbonded is a paid mutator transaction binding the contract method 0xaeffaa47.
//
// Solidity: function withdrawUnbonded(address operator) returns()
func (_Staking *StakingSession) WithdrawUnbonded(operator common.Address) (*types.Transaction, error) {
	return _Staking.Contract.WithdrawUnbonded(&_Staking.TransactOpts, operator)
}

// WithdrawUnbonded is a paid mutator transaction binding the contract method 0xaeffaa47.
//
// Solidity: function withdrawUnbonded(address operator) returns()
func (_Staking *StakingTransactorSession) WithdrawUnbonded(operator common.Address) (*types.Transaction, error) {
	return _Staking.Contract.WithdrawUnbonded(&_Staking.TransactOpts, operator)
}

// StakingClaimedIterator is returned from FilterClaimed and is used to iterate over the raw logs and unpacked data for Claimed events raised by the Staking contract.
type StakingClaimedIterator struct {
	Event *StakingClaimed // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *StakingClaimedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(StakingClaimed)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(StakingClaimed)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *StakingClaimedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *StakingClaimedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// StakingClaimed represents a Claimed event raised by the Staking contract.
type StakingClaimed struct {
	Staker common.Address
	Asset  common.Address
	Amount *big.Int
	Raw    types.Log // Blockchain specific contextual infos
}

// FilterClaimed is a free log retrieval operation binding the contract event 0xf7a40077ff7a04c7e61f6f26fb13774259ddf1b6bce9ecf26a8276cdd3992683.
//
// Solidity: event Claimed(address indexed staker, address indexed asset, uint256 amount)
func (_Staking *StakingFilterer) FilterClaimed(opts *bind.FilterOpts, staker []common.Address, asset []common.Address) (*StakingClaimedIterator, error) {

	var stakerRule []interface{}
	for _, stakerItem := range staker {
		stakerRule = append(stakerRule, stakerItem)
	}
	var assetRule []interface{}
	for _, assetItem := range asset {
		assetRule = append(assetRule, assetItem)
	}

	logs, sub, err := _Staking.contract.FilterLogs(opts, "Claimed", stakerRule, assetRule)
	if err != nil {
		return nil, err
	}
	return &StakingClaimedIterator{contract: _Staking.contract, event: "Claimed", logs: logs, sub: sub}, nil
}

// WatchClaimed is a free log subscription operation binding the contract event 0xf7a40077ff7a04c7e61f6f26fb13774259ddf1b6bce9ecf26a8276cdd3992683.
//
// Solidity: event Claimed(address indexed staker, address indexed asset, uint256 amount)
func (_Staking *StakingFilterer) WatchClaimed(opts *bind.WatchOpts, sink chan<- *StakingClaimed, staker []common.Address, asset []common.Address) (event.Subscription, error) {

	var stakerRule []interface{}
	for _, stakerItem := range staker {
		stakerRule = append(stakerRule, stakerItem)
	}
	var assetRule []interface{}
	for _, assetItem := range asset {
		assetRule = append(assetRule, assetItem)
	}

	logs, sub, err := _Staking.contract.WatchLogs(opts, "Claimed", stakerRule, assetRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(StakingClaimed)
				if err := _Staking.contract.UnpackLog(event, "Claimed", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseClaimed is a log parse operation binding the contract event 0xf7a40077ff7a04c7e61f6f26fb13774259ddf1b6bce9ecf26a8276cdd3992683.
//
// Solidity: event Claimed(address indexed staker, address indexed asset, uint256 amount)
func (_Staking *StakingFilterer) ParseClaimed(log types.Log) (*StakingClaimed, error) {
	event := new(StakingClaimed)
	if err := _Staking.contract.UnpackLog(event, "Claimed", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// StakingOwnershipTransferredIterator is returned from FilterOwnershipTransferred and is used to iterate over the raw logs and unpacked data for OwnershipTransferred events raised by the Staking contract.
type StakingOwnershipTransferredIterator struct {
	Event *StakingOwnershipTransferred // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *StakingOwnershipTransferredIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(StakingOwnershipTransferred)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(StakingOwnershipTransferred)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *StakingOwnershipTransferredIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *StakingOwnershipTransferredIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// StakingOwnershipTransferred represents a OwnershipTransferred event raised by the Staking contract.
type StakingOwnershipTransferred struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           types.Log // Blockchain specific contextual infos
}

// FilterOwnershipTransferred is a free log retrieval operation binding the contract event 0x8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (_Staking *StakingFilterer) FilterOwnershipTransferred(opts *bind.FilterOpts, previousOwner []common.Address, newOwner []common.Address) (*StakingOwnershipTransferredIterator, error) {

	var previousOwnerRule []interface{}
	for _, previousOwnerItem := range previousOwner {
		previousOwnerRule = append(previousOwnerRule, previousOwnerItem)
	}
	var newOwnerRule []interface{}
	for _, newOwnerItem := range newOwner {
		newOwnerRule = append(newOwnerRule, newOwnerItem)
	}

	logs, sub, err := _Staking.contract.FilterLogs(opts, "OwnershipTransferred", previousOwnerRule, newOwnerRule)
	if err != nil {
		return nil, err
	}
	return &StakingOwnershipTransferredIterator{contract: _Staking.contract, event: "OwnershipTransferred", logs: logs, sub: sub}, nil
}

// WatchOwnershipTransferred is a free log subscription operation binding the contract event 0x8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (_Staking *StakingFilterer) WatchOwnershipTransferred(opts *bind.WatchOpts, sink chan<- *StakingOwnershipTransferred, previousOwner []common.Address, newOwner []common.Address) (event.Subscription, error) {

	var previousOwnerRule []interface{}
	for _, previousOwnerItem := range previousOwner {
		previousOwnerRule = append(previousOwnerRule, previousOwnerItem)
	}
	var newOwnerRule []interface{}
	for _, newOwnerItem := range newOwner {
		newOwnerRule = append(newOwnerRule, newOwnerItem)
	}

	logs, sub, err := _Staking.contract.WatchLogs(opts, "OwnershipTransferred", previousOwnerRule, newOwnerRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(StakingOwnershipTransferred)
				if err := _Staking.contract.UnpackLog(event, "OwnershipTransferred", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseOwnershipTransferred is a log parse operation binding the contract event 0x8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (_Staking *StakingFilterer) ParseOwnershipTransferred(log types.Log) (*StakingOwnershipTransferred, error) {
	event := new(StakingOwnershipTransferred)
	if err := _Staking.contract.UnpackLog(event, "OwnershipTransferred", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// StakingRevenueNotifiedIterator is returned from FilterRevenueNotified and is used to iterate over the raw logs and unpacked data for RevenueNotified events raised by the Staking contract.
type StakingRevenueNotifiedIterator struct {
	Event *StakingRevenueNotified // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *StakingRevenueNotifiedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(StakingRevenueNotified)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(StakingRevenueNotified)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *StakingRevenueNotifiedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *StakingRevenueNotifiedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// StakingRevenueNotified represents a RevenueNotified event raised by the Staking contract.
type StakingRevenueNotified struct {
	Operator common.Address
	Asset    common.Address
	Amount   *big.Int
	Raw      types.Log // Blockchain specific contextual infos
}

// FilterRevenueNotified is a free log retrieval operation binding the contract event 0x40e65cbdb8a49cd7289f8d1a9a42136922189a5aeec9fcee53a08e6056519054.
//
// Solidity: event RevenueNotified(address indexed operator, address indexed asset, uint256 amount)
func (_Staking *StakingFilterer) FilterRevenueNotified(opts *bind.FilterOpts, operator []common.Address, asset []common.Address) (*StakingRevenueNotifiedIterator, error) {

	var operatorRule []interface{}
	for _, operatorItem := range operator {
		operatorRule = append(operatorRule, operatorItem)
	}
	var assetRule []interface{}
	for _, assetItem := range asset {
		assetRule = append(assetRule, assetItem)
	}

	logs, sub, err := _Staking.contract.FilterLogs(opts, "RevenueNotified", operatorRule, assetRule)
	if err != nil {
		return nil, err
	}
	return &StakingRevenueNotifiedIterator{contract: _Staking.contract, event: "RevenueNotified", logs: logs, sub: sub}, nil
}

// WatchRevenueNotified is a free log subscription operation binding the contract event 0x40e65cbdb8a49cd7289f8d1a9a42136922189a5aeec9fcee53a08e6056519054.
//
// Solidity: event RevenueNotified(address indexed operator, address indexed asset, uint256 amount)
func (_Staking *StakingFilterer) WatchRevenueNotified(opts *bind.WatchOpts, sink chan<- *StakingRevenueNotified, operator []common.Address, asset []common.Address) (event.Subscription, error) {

	var operatorRule []interface{}
	for _, operatorItem := range operator {
		operatorRule = append(operatorRule, operatorItem)
	}
	var assetRule []interface{}
	for _, assetItem := range asset {
		assetRule = append(assetRule, assetItem)
	}

	logs, sub, err := _Staking.contract.WatchLogs(opts, "RevenueNotified", operatorRule, assetRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(StakingRevenueNotified)
				if err := _Staking.contract.UnpackLog(event, "RevenueNotified", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseRevenueNotified is a log parse operation binding the contract event 0x40e65cbdb8a49cd7289f8d1a9a42136922189a5aeec9fcee53a08e6056519054.
//
// Solidity: event RevenueNotified(address indexed operator, address indexed asset, uint256 amount)
func (_Staking *StakingFilterer) ParseRevenueNotified(log types.Log) (*StakingRevenueNotified, error) {
	event := new(StakingRevenueNotified)
	if err := _Staking.contract.UnpackLog(event, "RevenueNotified", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// StakingSlashedIterator is returned from FilterSlashed and is used to iterate over the raw logs and unpacked data for Slashed events raised by the Staking contract.
type StakingSlashedIterator struct {
	Event *StakingSlashed // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *StakingSlashedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(StakingSlashed)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(StakingSlashed)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *StakingSlashedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *StakingSlashedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// StakingSlashed represents a Slashed event raised by the Staking contract.
type StakingSlashed struct {
	Operator  common.Address
	Amount    *big.Int
	Bps       uint16
	Evidence  [32]byte
	Recipient common.Address
	Raw       types.Log // Blockchain specific contextual infos
}

// FilterSlashed is a free log retrieval operation binding the contract event 0xee659a74debe421a596e505e1f7b945d850cf5ef72d7fd5ce70eecad7803de02.
//
// Solidity: event Slashed(address indexed operator, uint256 amount, uint16 bps, bytes32 evidence, address recipient)
func (_Staking *StakingFilterer) FilterSlashed(opts *bind.FilterOpts, operator []common.Address) (*StakingSlashedIterator, error) {

	var operatorRule []interface{}
	for _, operatorItem := range operator {
		operatorRule = append(operatorRule, operatorItem)
	}

	logs, sub, err := _Staking.contract.FilterLogs(opts, "Slashed", operatorRule)
	if err != nil {
		return nil, err
	}
	return &StakingSlashedIterator{contract: _Staking.contract, event: "Slashed", logs: logs, sub: sub}, nil
}

// WatchSlashed is a free log subscription operation binding the contract event 0xee659a74debe421a596e505e1f7b945d850cf5ef72d7fd5ce70eecad7803de02.
//
// Solidity: event Slashed(address indexed operator, uint256 amount, uint16 bps, bytes32 evidence, address recipient)
func (_Staking *StakingFilterer) WatchSlashed(opts *bind.WatchOpts, sink chan<- *StakingSlashed, operator []common.Address) (event.Subscription, error) {

	var operatorRule []interface{}
	for _, operatorItem := range operator {
		operatorRule = append(operatorRule, operatorItem)
	}

	logs, sub, err := _Staking.contract.WatchLogs(opts, "Slashed", operatorRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(StakingSlashed)
				if err := _Staking.contract.UnpackLog(event, "Slashed", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseSlashed is a log parse operation binding the contract event 0xee659a74debe421a596e505e1f7b945d850cf5ef72d7fd5ce70eecad7803de02.
//
// Solidity: event Slashed(address indexed operator, uint256 amount, uint16 bps, bytes32 evidence, address recipient)
func (_Staking *StakingFilterer) ParseSlashed(log types.Log) (*StakingSlashed, error) {
	event := new(StakingSlashed)
	if err := _Staking.contract.UnpackLog(event, "Slashed", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// StakingStakedIterator is returned from FilterStaked and is used to iterate over the raw logs and unpacked data for Staked events raised by the Staking contract.
type StakingStakedIterator struct {
	Event *StakingStaked // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *StakingStakedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(StakingStaked)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(StakingStaked)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *StakingStakedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *StakingStakedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// StakingStaked represents a Staked event raised by the Staking contract.
type StakingStaked struct {
	Operator common.Address
	Staker   common.Address
	Amount   *big.Int
	Shares   *big.Int
	Raw      types.Log // Blockchain specific contextual infos
}

// FilterStaked is a free log retrieval operation binding the contract event 0x6c86f3fd5118b3aa8bb4f389a617046de0a3d3d477de1a1673d227f802f616dc.
//
// Solidity: event Staked(address indexed operator, address indexed staker, uint256 amount, uint256 shares)
func (_Staking *StakingFilterer) FilterStaked(opts *bind.FilterOpts, operator []common.Address, staker []common.Address) (*StakingStakedIterator, error) {

	var operatorRule []interface{}
	for _, operatorItem := range operator {
		operatorRule = append(operatorRule, operatorItem)
	}
	var stakerRule []interface{}
	for _, stakerItem := range staker {
		stakerRule = append(stakerRule, stakerItem)
	}

	logs, sub, err := _Staking.contract.FilterLogs(opts, "Staked", operatorRule, stakerRule)
	if err != nil {
		return nil, err
	}
	return &StakingStakedIterator{contract: _Staking.contract, event: "Staked", logs: logs, sub: sub}, nil
}

// WatchStaked is a free log subscription operation binding the contract event 0x6c86f3fd5118b3aa8bb4f389a617046de0a3d3d477de1a1673d227f802f616dc.
//
// Solidity: event Staked(address indexed operator, address indexed staker, uint256 amount, uint256 shares)
func (_Staking *StakingFilterer) WatchStaked(opts *bind.WatchOpts, sink chan<- *StakingStaked, operator []common.Address, staker []common.Address) (event.Subscription, error) {

	var operatorRule []interface{}
	for _, operatorItem := range operator {
		operatorRule = append(operatorRule, operatorItem)
	}
	var stakerRule []interface{}
	for _, stakerItem := range staker {
		stakerRule = append(stakerRule, stakerItem)
	}

	logs, sub, err := _Staking.contract.WatchLogs(opts, "Staked", operatorRule, stakerRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(StakingStaked)
				if err := _Staking.contract.UnpackLog(event, "Staked", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseStaked is a log parse operation binding the contract event 0x6c86f3fd5118b3aa8bb4f389a617046de0a3d3d477de1a1673d227f802f616dc.
//
// Solidity: event Staked(address indexed operator, address indexed staker, uint256 amount, uint256 shares)
func (_Staking *StakingFilterer) ParseStaked(log types.Log) (*StakingStaked, error) {
	event := new(StakingStaked)
	if err := _Staking.contract.UnpackLog(event, "Staked", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// StakingUnbondRequestedIterator is returned from FilterUnbondRequested and is used to iterate over the raw logs and unpacked data for UnbondRequested events raised by the Staking contract.
type StakingUnbondRequestedIterator struct {
	Event *StakingUnbondRequested // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *StakingUnbondRequestedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(StakingUnbondRequested)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(StakingUnbondRequested)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *StakingUnbondRequestedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *StakingUnbondRequestedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// StakingUnbondRequested represents a UnbondRequested event raised by the Staking contract.
type StakingUnbondRequested struct {
	Operator common.Address
	Staker   common.Address
	Shares   *big.Int
	ReadyAt  uint64
	Raw      types.Log // Blockchain specific contextual infos
}

// FilterUnbondRequested is a free log retrieval operation binding the contract event 0xf32a427883796db0b4826fe6a1d93b7935d29b9b7b871f490037a6200f6cf475.
//
// Solidity: event UnbondRequested(address indexed operator, address indexed staker, uint256 shares, uint64 readyAt)
func (_Staking *StakingFilterer) FilterUnbondRequested(opts *bind.FilterOpts, operator []common.Address, staker []common.Address) (*StakingUnbondRequestedIterator, error) {

	var operatorRule []interface{}
	for _, operatorItem := range operator {
		operatorRule = append(operatorRule, operatorItem)
	}
	var stakerRule []interface{}
	for _, stakerItem := range staker {
		stakerRule = append(stakerRule, stakerItem)
	}

	logs, sub, err := _Staking.contract.FilterLogs(opts, "UnbondRequested", operatorRule, stakerRule)
	if err != nil {
		return nil, err
	}
	return &StakingUnbondRequestedIterator{contract: _Staking.contract, event: "UnbondRequested", logs: logs, sub: sub}, nil
}

// WatchUnbondRequested is a free log subscription operation binding the contract event 0xf32a427883796db0b4826fe6a1d93b7935d29b9b7b871f490037a6200f6cf475.
//
// Solidity: event UnbondRequested(address indexed operator, address indexed staker, uint256 shares, uint64 readyAt)
func (_Staking *StakingFilterer) WatchUnbondRequested(opts *bind.WatchOpts, sink chan<- *StakingUnbondRequested, operator []common.Address, staker []common.Address) (event.Subscription, error) {

	var operatorRule []interface{}
	for _, operatorItem := range operator {
		operatorRule = append(operatorRule, operatorItem)
	}
	var stakerRule []interface{}
	for _, stakerItem := range staker {
		stakerRule = append(stakerRule, stakerItem)
	}

	logs, sub, err := _Staking.contract.WatchLogs(opts, "UnbondRequested", operatorRule, stakerRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(StakingUnbondRequested)
				if err := _Staking.contract.UnpackLog(event, "UnbondRequested", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseUnbondRequested is a log parse operation binding the contract event 0xf32a427883796db0b4826fe6a1d93b7935d29b9b7b871f490037a6200f6cf475.
//
// Solidity: event UnbondRequested(address indexed operator, address indexed staker, uint256 shares, uint64 readyAt)
func (_Staking *StakingFilterer) ParseUnbondRequested(log types.Log) (*StakingUnbondRequested, error) {
	event := new(StakingUnbondRequested)
	if err := _Staking.contract.UnpackLog(event, "UnbondRequested", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// StakingUnbondedIterator is returned from FilterUnbonded and is used to iterate over the raw logs and unpacked data for Unbonded events raised by the Staking contract.
type StakingUnbondedIterator struct {
	Event *StakingUnbonded // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *StakingUnbondedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(StakingUnbonded)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(StakingUnbonded)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *StakingUnbondedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *StakingUnbondedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// StakingUnbonded represents a Unbonded event raised by the Staking contract.
type StakingUnbonded struct {
	Operator common.Address
	Staker   common.Address
	Amount   *big.Int
	Raw      types.Log // Blockchain specific contextual infos
}

// FilterUnbonded is a free log retrieval operation binding the contract event 0xcc90a4f2d7b65033483b2f4c7f47742028ea004a2be3fb0d16647fbf3fc457ca.
//
// Solidity: event Unbonded(address indexed operator, address indexed staker, uint256 amount)
func (_Staking *StakingFilterer) FilterUnbonded(opts *bind.FilterOpts, operator []common.Address, staker []common.Address) (*StakingUnbondedIterator, error) {

	var operatorRule []interface{}
	for _, operatorItem := range operator {
		operatorRule = append(operatorRule, operatorItem)
	}
	var stakerRule []interface{}
	for _, stakerItem := range staker {
		stakerRule = append(stakerRule, stakerItem)
	}

	logs, sub, err := _Staking.contract.FilterLogs(opts, "Unbonded", operatorRule, stakerRule)
	if err != nil {
		return nil, err
	}
	return &StakingUnbondedIterator{contract: _Staking.contract, event: "Unbonded", logs: logs, sub: sub}, nil
}

// WatchUnbonded is a free log subscription operation binding the contract event 0xcc90a4f2d7b65033483b2f4c7f47742028ea004a2be3fb0d16647fbf3fc457ca.
//
// Solidity: event Unbonded(address indexed operator, address indexed staker, uint256 amount)
func (_Staking *StakingFilterer) WatchUnbonded(opts *bind.WatchOpts, sink chan<- *StakingUnbonded, operator []common.Address, staker []common.Address) (event.Subscription, error) {

	var operatorRule []interface{}
	for _, operatorItem := range operator {
		operatorRule = append(operatorRule, operatorItem)
	}
	var stakerRule []interface{}
	for _, stakerItem := range staker {
		stakerRule = append(stakerRule, stakerItem)
	}

	logs, sub, err := _Staking.contract.WatchLogs(opts, "Unbonded", operatorRule, stakerRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(StakingUnbonded)
				if err := _Staking.contract.UnpackLog(event, "Unbonded", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseUnbonded is a log parse operation binding the contract event 0xcc90a4f2d7b65033483b2f4c7f47742028ea004a2be3fb0d16647fbf3fc457ca.
//
// Solidity: event Unbonded(address indexed operator, address indexed staker, uint256 amount)
func (_Staking *StakingFilterer) ParseUnbonded(log types.Log) (*StakingUnbonded, error) {
	event := new(StakingUnbonded)
	if err := _Staking.contract.UnpackLog(event, "Unbonded", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// TestStablecoinMetaData contains all meta data concerning the TestStablecoin contract.
var TestStablecoinMetaData = &bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"allowance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"needed\",\"type\":\"uint256\"}],\"name\":\"ERC20InsufficientAllowance\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"needed\",\"type\":\"uint256\"}],\"name\":\"ERC20InsufficientBalance\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"approver\",\"type\":\"address\"}],\"name\":\"ERC20InvalidApprover\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"receiver\",\"type\":\"address\"}],\"name\":\"ERC20InvalidReceiver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"}],\"name\":\"ERC20InvalidSender\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"}],\"name\":\"ERC20InvalidSpender\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"OwnableInvalidOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"OwnableUnauthorizedAccount\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"Approval\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferred\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"Transfer\",\"type\":\"event\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"}],\"name\":\"allowance\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"approve\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"balanceOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"decimals\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"mint\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"name\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"renounceOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"symbol\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"totalSupply\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"transfer\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"transferFrom\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"transferOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	Sigs: map[string]string{
		"dd62ed3e": "allowance(address,address)",
		"095ea7b3": "approve(address,uint256)",
		"70a08231": "balanceOf(address)",
		"313ce567": "decimals()",
		"40c10f19": "mint(address,uint256)",
		"06fdde03": "name()",
		"8da5cb5b": "owner()",
		"715018a6": "renounceOwnership()",
		"95d89b41": "symbol()",
		"18160ddd": "totalSupply()",
		"a9059cbb": "transfer(address,uint256)",
		"23b872dd": "transferFrom(address,address,uint256)",
		"f2fde38b": "transferOwnership(address)",
	},
	Bin: "0x608060405234801561000f575f5ffd5b50604051610aff380380610aff83398101604081905261002e9161011a565b806040518060400160405280600881526020016715195cdd081554d160c21b815250604051806040016040528060048152602001631d1554d160e21b815250816003908161007c91906101df565b50600461008982826101df565b5050506001600160a01b0381166100b957604051631e4fbdf760e01b81525f600482015260240160405180910390fd5b6100c2816100c9565b5050610299565b600580546001600160a01b038381166001600160a01b0319831681179093556040519116919082907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0905f90a35050565b5f6020828403121561012a575f5ffd5b81516001600160a01b0381168114610140575f5ffd5b9392505050565b634e487b7160e01b5f52604160045260245ffd5b600181811c9082168061016f57607f821691505b60208210810361018d57634e487b7160e01b5f52602260045260245ffd5b50919050565b601f8211156101da57805f5260205f20601f840160051c810160208510156101b85750805b601f840160051c820191505b818110156101d7575f81556001016101c4565b50505b505050565b81516001600160401b038111156101f8576101f8610147565b61020c81610206845461015b565b84610193565b6020601f82116001811461023e575f83156102275750848201515b5f19600385901b1c1916600184901b1784556101d7565b5f84815260208120601f198516915b8281101561026d578785015182556020948501946001909201910161024d565b508482101561028a57868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b610859806102a65f395ff3fe608060405234801561000f575f5ffd5b50600436106100cb575f3560e01c806370a082311161008857806395d89b411161006357806395d89b41146101a4578063a9059cbb146101ac578063dd62ed3e146101bf578063f2fde38b146101f7575f5ffd5b806370a0823114610159578063715018a6146101815780638da5cb5b14610189575f5ffd5b806306fdde03146100cf578063095ea7b3146100ed57806318160ddd1461011057806323b872dd14610122578063313ce5671461013557806340c10f1914610144575b5f5ffd5b6100d761020a565b6040516100e491906106f2565b60405180910390f35b6101006100fb366004610742565b61029a565b60405190151581526020016100e4565b6002545b6040519081526020016100e4565b61010061013036600461076a565b6102b3565b604051600681526020016100e4565b610157610152366004610742565b6102d6565b005b6101146101673660046107a4565b6001600160a01b03165f9081526020819052604090205490565b6101576102ec565b6005546040516001600160a01b0390911681526020016100e4565b6100d76102ff565b6101006101ba366004610742565b61030e565b6101146101cd3660046107c4565b6001600160a01b039182165f90815260016020908152604080832093909416825291909152205490565b6101576102053660046107a4565b61031b565b606060038054610219906107f5565b80601f0160208091040260200160405190810160405280929190818152602001828054610245906107f5565b80156102905780601f1061026757610100808354040283529160200191610290565b820191905f5260205f20905b81548152906001019060200180831161027357829003601f168201915b5050505050905090565b5f336102a781858561035d565b60019150505b92915050565b5f336102c085828561036f565b6102cb8585856103eb565b506001949350505050565b6102de610448565b6102e88282610475565b5050565b6102f4610448565b6102fd5f6104a9565b565b606060048054610219906107f5565b5f336102a78185856103eb565b610323610448565b6001600160a01b03811661035157604051631e4fbdf760e01b81525f60048201526024015b60405180910390fd5b61035a816104a9565b50565b61036a83838360016104fa565b505050565b6001600160a01b038381165f908152600160209081526040808320938616835292905220545f198110156103e557818110156103d757604051637dc7a0d960e11b81526001600160a01b03841660048201526024810182905260448101839052606401610348565b6103e584848484035f6104fa565b50505050565b6001600160a01b03831661041457604051634b637e8f60e11b81525f6004820152602401610348565b6001600160a01b03821661043d5760405163ec442f0560e01b81525f6004820152602401610348565b61036a8383836105cc565b6005546001600160a01b031633146102fd5760405163118cdaa760e01b8152336004820152602401610348565b6001600160a01b03821661049e5760405163ec442f0560e01b81525f6004820152602401610348565b6102e85f83836105cc565b600580546001600160a01b038381166001600160a01b0319831681179093556040519116919082907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0905f90a35050565b6001600160a01b0384166105235760405163e602df0560e01b81525f6004820152602401610348565b6001600160a01b03831661054c57604051634a1406b160e11b81525f6004820152602401610348565b6001600160a01b038085165f90815260016020908152604080832093871683529290522082905580156103e557826001600160a01b0316846001600160a01b03167f8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925846040516105be91815260200190565b60405180910390a350505050565b6001600160a01b0383166105f6578060025f8282546105eb919061082d565b909155506106669050565b6001600160a01b0383165f90815260208190526040902054818110156106485760405163391434e360e21b81526001600160a01b03851660048201526024810182905260448101839052606401610348565b6001600160a01b0384165f9081526020819052604090209082900390555b6001600160a01b038216610682576002805482900390556106a0565b6001600160a01b0382165f9081526020819052604090208054820190555b816001600160a01b0316836001600160a01b03167fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef836040516106e591815260200190565b60405180910390a3505050565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b80356001600160a01b038116811461073d575f5ffd5b919050565b5f5f60408385031215610753575f5ffd5b61075c83610727565b946020939093013593505050565b5f5f5f6060848603121561077c575f5ffd5b61078584610727565b925061079360208501610727565b929592945050506040919091013590565b5f602082840312156107b4575f5ffd5b6107bd82610727565b9392505050565b5f5f604083850312156107d5575f5ffd5b6107de83610727565b91506107ec60208401610727565b90509250929050565b600181811c9082168061080957607f821691505b60208210810361082757634e487b7160e01b5f52602260045260245ffd5b50919050565b808201808211156102ad57634e487b7160e01b5f52601160045260245ffdfea164736f6c634300081e000a",
}

// TestStablecoinABI is the input ABI used to generate the binding from.
// Deprecated: Use TestStablecoinMetaData.ABI instead.
var TestStablecoinABI = TestStablecoinMetaData.ABI

// Deprecated: Use TestStablecoinMetaData.Sigs instead.
// TestStablecoinFuncSigs maps the 4-byte function signature to its string representation.
var TestStablecoinFuncSigs = TestStablecoinMetaData.Sigs

// TestStablecoinBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use TestStablecoinMetaData.Bin instead.
var TestStablecoinBin = TestStablecoinMetaData.Bin

// DeployTestStablecoin deploys a new Ethereum contract, binding an instance of TestStablecoin to it.
func DeployTestStablecoin(auth *bind.TransactOpts, backend bind.ContractBackend, owner common.Address) (common.Address, *types.Transaction, *TestStablecoin, error) {
	parsed, err := TestStablecoinMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(TestStablecoinBin), backend, owner)
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	return address, tx, &TestStablecoin{TestStablecoinCaller: TestStablecoinCaller{contract: contract}, TestStablecoinTransactor: TestStablecoinTransactor{contract: contract}, TestStablecoinFilterer: TestStablecoinFilterer{contract: contract}}, nil
}

// TestStablecoin is an auto generated Go binding around an Ethereum contract.
type TestStablecoin struct {
	TestStablecoinCaller     // Read-only binding to the contract
	TestStablecoinTransactor // Write-only binding to the contract
	TestStablecoinFilterer   // Log filterer for contract events
}

// TestStablecoinCaller is an auto generated read-only Go binding around an Ethereum contract.
type TestStablecoinCaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// TestStablecoinTransactor is an auto generated write-only Go binding around an Ethereum contract.
type TestStablecoinTransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// TestStablecoinFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type TestStablecoinFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// TestStablecoinSession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type TestStablecoinSession struct {
	Contract     *TestStablecoin   // Generic contract binding to set the session for
	CallOpts     bind.CallOpts     // Call options to use throughout this session
	TransactOpts bind.TransactOpts // Transaction auth options to use throughout this session
}

// TestStablecoinCallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type TestStablecoinCallerSession struct {
	Contract *TestStablecoinCaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts         // Call options to use throughout this session
}

// TestStablecoinTransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type TestStablecoinTransactorSession struct {
	Contract     *TestStablecoinTransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts         // Transaction auth options to use throughout this session
}

// TestStablecoinRaw is an auto generated low-level Go binding around an Ethereum contract.
type TestStablecoinRaw struct {
	Contract *TestStablecoin // Generic contract binding to access the raw methods on
}

// TestStablecoinCallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type TestStablecoinCallerRaw struct {
	Contract *TestStablecoinCaller // Generic read-only contract binding to access the raw methods on
}

// TestStablecoinTransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type TestStablecoinTransactorRaw struct {
	Contract *TestStablecoinTransactor // Generic write-only contract binding to access the raw methods on
}

// NewTestStablecoin creates a new instance of TestStablecoin, bound to a specific deployed contract.
func NewTestStablecoin(address common.Address, backend bind.ContractBackend) (*TestStablecoin, error) {
	contract, err := bindTestStablecoin(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &TestStablecoin{TestStablecoinCaller: TestStablecoinCaller{contract: contract}, TestStablecoinTransactor: TestStablecoinTransactor{contract: contract}, TestStablecoinFilterer: TestStablecoinFilterer{contract: contract}}, nil
}

// NewTestStablecoinCaller creates a new read-only instance of TestStablecoin, bound to a specific deployed contract.
func NewTestStablecoinCaller(address common.Address, caller bind.ContractCaller) (*TestStablecoinCaller, error) {
	contract, err := bindTestStablecoin(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &TestStablecoinCaller{contract: contract}, nil
}

// NewTestStablecoinTransactor creates a new write-only instance of TestStablecoin, bound to a specific deployed contract.
func NewTestStablecoinTransactor(address common.Address, transactor bind.ContractTransactor) (*TestStablecoinTransactor, error) {
	contract, err := bindTestStablecoin(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &TestStablecoinTransactor{contract: contract}, nil
}

// NewTestStablecoinFilterer creates a new log filterer instance of TestStablecoin, bound to a specific deployed contract.
func NewTestStablecoinFilterer(address common.Address, filterer bind.ContractFilterer) (*TestStablecoinFilterer, error) {
	contract, err := bindTestStablecoin(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &TestStablecoinFilterer{contract: contract}, nil
}

// bindTestStablecoin binds a generic wrapper to an already deployed contract.
func bindTestStablecoin(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := TestStablecoinMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_TestStablecoin *TestStablecoinRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _TestStablecoin.Contract.TestStablecoinCaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_TestStablecoin *TestStablecoinRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _TestStablecoin.Contract.TestStablecoinTransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_TestStablecoin *TestStablecoinRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _TestStablecoin.Contract.TestStablecoinTransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_TestStablecoin *TestStablecoinCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _TestStablecoin.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_TestStablecoin *TestStablecoinTransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _TestStablecoin.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_TestStablecoin *TestStablecoinTransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _TestStablecoin.Contract.contract.Transact(opts, method, params...)
}

// Allowance is a free data retrieval call binding the contract method 0xdd62ed3e.
//
// Solidity: function allowance(address owner, address spender) view returns(uint256)
func (_TestStablecoin *TestStablecoinCaller) Allowance(opts *bind.CallOpts, owner common.Address, spender common.Address) (*big.Int, error) {
	var out []interface{}
	err := _TestStablecoin.contract.Call(opts, &out, "allowance", owner, spender)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// Allowance is a free data retrieval call binding the contract method 0xdd62ed3e.
//
// Solidity: function allowance(address owner, address spender) view returns(uint256)
func (_TestStablecoin *TestStablecoinSession) Allowance(owner common.Address, spender common.Address) (*big.Int, error) {
	return _TestStablecoin.Contract.Allowance(&_TestStablecoin.CallOpts, owner, spender)
}

// Allowance is a free data retrieval call binding the contract method 0xdd62ed3e.
//
// Solidity: function allowance(address owner, address spender) view returns(uint256)
func (_TestStablecoin *TestStablecoinCallerSession) Allowance(owner common.Address, spender common.Address) (*big.Int, error) {
	return _TestStablecoin.Contract.Allowance(&_TestStablecoin.CallOpts, owner, spender)
}

// BalanceOf is a free data retrieval call binding the contract method 0x70a08231.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (_TestStablecoin *TestStablecoinCaller) BalanceOf(opts *bind.CallOpts, account common.Address) (*big.Int, error) {
	var out []interface{}
	err := _TestStablecoin.contract.Call(opts, &out, "balanceOf", account)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// BalanceOf is a free data retrieval call binding the contract method 0x70a08231.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (_TestStablecoin *TestStablecoinSession) BalanceOf(account common.Address) (*big.Int, error) {
	return _TestStablecoin.Contract.BalanceOf(&_TestStablecoin.CallOpts, account)
}

// BalanceOf is a free data retrieval call binding the contract method 0x70a08231.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (_TestStablecoin *TestStablecoinCallerSession) BalanceOf(account common.Address) (*big.Int, error) {
	return _TestStablecoin.Contract.BalanceOf(&_TestStablecoin.CallOpts, account)
}

// Decimals is a free data retrieval call binding the contract method 0x313ce567.
//
// Solidity: function decimals() pure returns(uint8)
func (_TestStablecoin *TestStablecoinCaller) Decimals(opts *bind.CallOpts) (uint8, error) {
	var out []interface{}
	err := _TestStablecoin.contract.Call(opts, &out, "decimals")

	if err != nil {
		return *new(uint8), err
	}

	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)

	return out0, err

}

// Decimals is a free data retrieval call binding the contract method 0x313ce567.
//
// Solidity: function decimals() pure returns(uint8)
func (_TestStablecoin *TestStablecoinSession) Decimals() (uint8, error) {
	return _TestStablecoin.Contract.Decimals(&_TestStablecoin.CallOpts)
}

// Decimals is a free data retrieval call binding the contract method 0x313ce567.
//
// Solidity: function decimals() pure returns(uint8)
func (_TestStablecoin *TestStablecoinCallerSession) Decimals() (uint8, error) {
	return _TestStablecoin.Contract.Decimals(&_TestStablecoin.CallOpts)
}

// Name is a free data retrieval call binding the contract method 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (_TestStablecoin *TestStablecoinCaller) Name(opts *bind.CallOpts) (string, error) {
	var out []interface{}
	err := _TestStablecoin.contract.Call(opts, &out, "name")

	if err != nil {
		return *new(string), err
	}

	out0 := *abi.ConvertType(out[0], new(string)).(*string)

	return out0, err

}

// Name is a free data retrieval call binding the contract method 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (_TestStablecoin *TestStablecoinSession) Name() (string, error) {
	return _TestStablecoin.Contract.Name(&_TestStablecoin.CallOpts)
}

// Name is a free data retrieval call binding the contract method 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (_TestStablecoin *TestStablecoinCallerSession) Name() (string, error) {
	return _TestStablecoin.Contract.Name(&_TestStablecoin.CallOpts)
}

// Owner is a free data retrieval call binding the contract method 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (_TestStablecoin *TestStablecoinCaller) Owner(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _TestStablecoin.contract.Call(opts, &out, "owner")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Owner is a free data retrieval call binding the contract method 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (_TestStablecoin *TestStablecoinSession) Owner() (common.Address, error) {
	return _TestStablecoin.Contract.Owner(&_TestStablecoin.CallOpts)
}

// Owner is a free data retrieval call binding the contract method 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (_TestStablecoin *TestStablecoinCallerSession) Owner() (common.Address, error) {
	return _TestStablecoin.Contract.Owner(&_TestStablecoin.CallOpts)
}

// Symbol is a free data retrieval call binding the contract method 0x95d89b41.
//
// Solidity: function symbol() view returns(string)
func (_TestStablecoin *TestStablecoinCaller) Symbol(opts *bind.CallOpts) (string, error) {
	var out []interface{}
	err := _TestStablecoin.contract.Call(opts, &out, "symbol")

	if err != nil {
		return *new(string), err
	}

	out0 := *abi.ConvertType(out[0], new(string)).(*string)

	return out0, err

}

// Symbol is a free data retrieval call binding the contract method 0x95d89b41.
//
// Solidity: function symbol() view returns(string)
func (_TestStablecoin *TestStablecoinSession) Symbol() (string, error) {
	return _TestStablecoin.Contract.Symbol(&_TestStablecoin.CallOpts)
}

// Symbol is a free data retrieval call binding the contract method 0x95d89b41.
//
// Solidity: function symbol() view returns(string)
func (_TestStablecoin *TestStablecoinCallerSession) Symbol() (string, error) {
	return _TestStablecoin.Contract.Symbol(&_TestStablecoin.CallOpts)
}

// TotalSupply is a free data retrieval call binding the contract method 0x18160ddd.
//
// Solidity: function totalSupply() view returns(uint256)
func (_TestStablecoin *TestStablecoinCaller) TotalSupply(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _TestStablecoin.contract.Call(opts, &out, "totalSupply")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// TotalSupply is a free data retrieval call binding the contract method 0x18160ddd.
//
// Solidity: function totalSupply() view returns(uint256)
func (_TestStablecoin *TestStablecoinSession) TotalSupply() (*big.Int, error) {
	return _TestStablecoin.Contract.TotalSupply(&_TestStablecoin.CallOpts)
}

// TotalSupply is a free data retrieval call binding the contract method 0x18160ddd.
//
// Solidity: function totalSupply() view returns(uint256)
func (_TestStablecoin *TestStablecoinCallerSession) TotalSupply() (*big.Int, error) {
	return _TestStablecoin.Contract.TotalSupply(&_TestStablecoin.CallOpts)
}

// Approve is a paid mutator transaction binding the contract method 0x095ea7b3.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (_TestStablecoin *TestStablecoinTransactor) Approve(opts *bind.TransactOpts, spender common.Address, value *big.Int) (*types.Transaction, error) {
	return _TestStablecoin.contract.Transact(opts, "approve", spender, value)
}

// Approve is a paid mutator transaction binding the contract method 0x095ea7b3.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (_TestStablecoin *TestStablecoinSession) Approve(spender common.Address, value *big.Int) (*types.Transaction, error) {
	return _TestStablecoin.Contract.Approve(&_TestStablecoin.TransactOpts, spender, value)
}

// Approve is a paid mutator transaction binding the contract method 0x095ea7b3.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (_TestStablecoin *TestStablecoinTransactorSession) Approve(spender common.Address, value *big.Int) (*types.Transaction, error) {
	return _TestStablecoin.Contract.Approve(&_TestStablecoin.TransactOpts, spender, value)
}

// Mint is a paid mutator transaction binding the contract method 0x40c10f19.
//
// Solidity: function mint(address to, uint256 amount) returns()
func (_TestStablecoin *TestStablecoinTransactor) Mint(opts *bind.TransactOpts, to common.Address, amount *big.Int) (*types.Transaction, error) {
	return _TestStablecoin.contract.Transact(opts, "mint", to, amount)
}

// Mint is a paid mutator transaction binding the contract method 0x40c10f19.
//
// Solidity: function mint(address to, uint256 amount) returns()
func (_TestStablecoin *TestStablecoinSession) Mint(to common.Address, amount *big.Int) (*types.Transaction, error) {
	return _TestStablecoin.Contract.Mint(&_TestStablecoin.TransactOpts, to, amount)
}

// Mint is a paid mutator transaction binding the contract method 0x40c10f19.
//
// Solidity: function mint(address to, uint256 amount) returns()
func (_TestStablecoin *TestStablecoinTransactorSession) Mint(to common.Address, amount *big.Int) (*types.Transaction, error) {
	return _TestStablecoin.Contract.Mint(&_TestStablecoin.TransactOpts, to, amount)
}

// RenounceOwnership is a paid mutator transaction binding the contract method 0x715018a6.
//
// Solidity: function renounceOwnership() returns()
func (_TestStablecoin *TestStablecoinTransactor) RenounceOwnership(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _TestStablecoin.contract.Transact(opts, "renounceOwnership")
}

// RenounceOwnership is a paid mutator transaction binding the contract method 0x715018a6.
//
// Solidity: function renounceOwnership() returns()
func (_TestStablecoin *TestStablecoinSession) RenounceOwnership() (*types.Transaction, error) {
	return _TestStablecoin.Contract.RenounceOwnership(&_TestStablecoin.TransactOpts)
}

// RenounceOwnership is a paid mutator transaction binding the contract method 0x715018a6.
//
// Solidity: function renounceOwnership() returns()
func (_TestStablecoin *TestStablecoinTransactorSession) RenounceOwnership() (*types.Transaction, error) {
	return _TestStablecoin.Contract.RenounceOwnership(&_TestStablecoin.TransactOpts)
}

// Transfer is a paid mutator transaction binding the contract method 0xa9059cbb.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (_TestStablecoin *TestStablecoinTransactor) Transfer(opts *bind.TransactOpts, to common.Address, value *big.Int) (*types.Transaction, error) {
	return _TestStablecoin.contract.Transact(opts, "transfer", to, value)
}

// Transfer is a paid mutator transaction binding the contract method 0xa9059cbb.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (_TestStablecoin *TestStablecoinSession) Transfer(to common.Address, value *big.Int) (*types.Transaction, error) {
	return _TestStablecoin.Contract.Transfer(&_TestStablecoin.TransactOpts, to, value)
}

// Transfer is a paid mutator transaction binding the contract method 0xa9059cbb.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (_TestStablecoin *TestStablecoinTransactorSession) Transfer(to common.Address, value *big.Int) (*types.Transaction, error) {
	return _TestStablecoin.Contract.Transfer(&_TestStablecoin.TransactOpts, to, value)
}

// TransferFrom is a paid mutator transaction binding the contract method 0x23b872dd.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (_TestStablecoin *TestStablecoinTransactor) TransferFrom(opts *bind.TransactOpts, from common.Address, to common.Address, value *big.Int) (*types.Transaction, error) {
	return _TestStablecoin.contract.Transact(opts, "transferFrom", from, to, value)
}

// TransferFrom is a paid mutator transaction binding the contract method 0x23b872dd.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (_TestStablecoin *TestStablecoinSession) TransferFrom(from common.Address, to common.Address, value *big.Int) (*types.Transaction, error) {
	return _TestStablecoin.Contract.TransferFrom(&_TestStablecoin.TransactOpts, from, to, value)
}

// TransferFrom is a paid mutator transaction binding the contract method 0x23b872dd.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (_TestStablecoin *TestStablecoinTransactorSession) TransferFrom(from common.Address, to common.Address, value *big.Int) (*types.Transaction, error) {
	return _TestStablecoin.Contract.TransferFrom(&_TestStablecoin.TransactOpts, from, to, value)
}

// TransferOwnership is a paid mutator transaction binding the contract method 0xf2fde38b.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (_TestStablecoin *TestStablecoinTransactor) TransferOwnership(opts *bind.TransactOpts, newOwner common.Address) (*types.Transaction, error) {
	return _TestStablecoin.contract.Transact(opts, "transferOwnership", newOwner)
}

// TransferOwnership is a paid mutator transaction binding the contract method 0xf2fde38b.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (_TestStablecoin *TestStablecoinSession) TransferOwnership(newOwner common.Address) (*types.Transaction, error) {
	return _TestStablecoin.Contract.TransferOwnership(&_TestStablecoin.TransactOpts, newOwner)
}

// TransferOwnership is a paid mutator transaction binding the contract method 0xf2fde38b.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (_TestStablecoin *TestStablecoinTransactorSession) TransferOwnership(newOwner common.Address) (*types.Transaction, error) {
	return _TestStablecoin.Contract.TransferOwnership(&_TestStablecoin.TransactOpts, newOwner)
}

// TestStablecoinApprovalIterator is returned from FilterApproval and is used to iterate over the raw logs and unpacked data for Approval events raised by the TestStablecoin contract.
type TestStablecoinApprovalIterator struct {
	Event *TestStablecoinApproval // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *TestStablecoinApprovalIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(TestStablecoinApproval)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(TestStablecoinApproval)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *TestStablecoinApprovalIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *TestStablecoinApprovalIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// TestStablecoinApproval represents a Approval event raised by the TestStablecoin contract.
type TestStablecoinApproval struct {
	Owner   common.Address
	Spender common.Address
	Value   *big.Int
	Raw     types.Log // Blockchain specific contextual infos
}

// FilterApproval is a free log retrieval operation binding the contract event 0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925.
//
// Solidity: event Approval(address indexed owner, address indexed spender, uint256 value)
func (_TestStablecoin *TestStablecoinFilterer) FilterApproval(opts *bind.FilterOpts, owner []common.Address, spender []common.Address) (*TestStablecoinApprovalIterator, error) {

	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}
	var spenderRule []interface{}
	for _, spenderItem := range spender {
		spenderRule = append(spenderRule, spenderItem)
	}

	logs, sub, err := _TestStablecoin.contract.FilterLogs(opts, "Approval", ownerRule, spenderRule)
	if err != nil {
		return nil, err
	}
	return &TestStablecoinApprovalIterator{contract: _TestStablecoin.contract, event: "Approval", logs: logs, sub: sub}, nil
}

// WatchApproval is a free log subscription operation binding the contract event 0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925.
//
// Solidity: event Approval(address indexed owner, address indexed spender, uint256 value)
func (_TestStablecoin *TestStablecoinFilterer) WatchApproval(opts *bind.WatchOpts, sink chan<- *TestStablecoinApproval, owner []common.Address, spender []common.Address) (event.Subscription, error) {

	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}
	var spenderRule []interface{}
	for _, spenderItem := range spender {
		spenderRule = append(spenderRule, spenderItem)
	}

	logs, sub, err := _TestStablecoin.contract.WatchLogs(opts, "Approval", ownerRule, spenderRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(TestStablecoinApproval)
				if err := _TestStablecoin.contract.UnpackLog(event, "Approval", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseApproval is a log parse operation binding the contract event 0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925.
//
// Solidity: event Approval(address indexed owner, address indexed spender, uint256 value)
func (_TestStablecoin *TestStablecoinFilterer) ParseApproval(log types.Log) (*TestStablecoinApproval, error) {
	event := new(TestStablecoinApproval)
	if err := _TestStablecoin.contract.UnpackLog(event, "Approval", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// TestStablecoinOwnershipTransferredIterator is returned from FilterOwnershipTransferred and is used to iterate over the raw logs and unpacked data for OwnershipTransferred events raised by the TestStablecoin contract.
type TestStablecoinOwnershipTransferredIterator struct {
	Event *TestStablecoinOwnershipTransferred // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *TestStablecoinOwnershipTransferredIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(TestStablecoinOwnershipTransferred)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(TestStablecoinOwnershipTransferred)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *TestStablecoinOwnershipTransferredIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *TestStablecoinOwnershipTransferredIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// TestStablecoinOwnershipTransferred represents a OwnershipTransferred event raised by the TestStablecoin contract.
type TestStablecoinOwnershipTransferred struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           types.Log // Blockchain specific contextual infos
}

// FilterOwnershipTransferred is a free log retrieval operation binding the contract event 0x8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (_TestStablecoin *TestStablecoinFilterer) FilterOwnershipTransferred(opts *bind.FilterOpts, previousOwner []common.Address, newOwner []common.Address) (*TestStablecoinOwnershipTransferredIterator, error) {

	var previousOwnerRule []interface{}
	for _, previousOwnerItem := range previousOwner {
		previousOwnerRule = append(previousOwnerRule, previousOwnerItem)
	}
	var newOwnerRule []interface{}
	for _, newOwnerItem := range newOwner {
		newOwnerRule = append(newOwnerRule, newOwnerItem)
	}

	logs, sub, err := _TestStablecoin.contract.FilterLogs(opts, "OwnershipTransferred", previousOwnerRule, newOwnerRule)
	if err != nil {
		return nil, err
	}
	return &TestStablecoinOwnershipTransferredIterator{contract: _TestStablecoin.contract, event: "OwnershipTransferred", logs: logs, sub: sub}, nil
}

// WatchOwnershipTransferred is a free log subscription operation binding the contract event 0x8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (_TestStablecoin *TestStablecoinFilterer) WatchOwnershipTransferred(opts *bind.WatchOpts, sink chan<- *TestStablecoinOwnershipTransferred, previousOwner []common.Address, newOwner []common.Address) (event.Subscription, error) {

	var previousOwnerRule []interface{}
	for _, previousOwnerItem := range previousOwner {
		previousOwnerRule = append(previousOwnerRule, previousOwnerItem)
	}
	var newOwnerRule []interface{}
	for _, newOwnerItem := range newOwner {
		newOwnerRule = append(newOwnerRule, newOwnerItem)
	}

	logs, sub, err := _TestStablecoin.contract.WatchLogs(opts, "OwnershipTransferred", previousOwnerRule, newOwnerRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(TestStablecoinOwnershipTransferred)
				if err := _TestStablecoin.contract.UnpackLog(event, "OwnershipTransferred", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseOwnershipTransferred is a log parse operation binding the contract event 0x8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (_TestStablecoin *TestStablecoinFilterer) ParseOwnershipTransferred(log types.Log) (*TestStablecoinOwnershipTransferred, error) {
	event := new(TestStablecoinOwnershipTransferred)
	if err := _TestStablecoin.contract.UnpackLog(event, "OwnershipTransferred", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// TestStablecoinTransferIterator is returned from FilterTransfer and is used to iterate over the raw logs and unpacked data for Transfer events raised by the TestStablecoin contract.
type TestStablecoinTransferIterator struct {
	Event *TestStablecoinTransfer // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *TestStablecoinTransferIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(TestStablecoinTransfer)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(TestStablecoinTransfer)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *TestStablecoinTransferIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *TestStablecoinTransferIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// TestStablecoinTransfer represents a Transfer event raised by the TestStablecoin contract.
type TestStablecoinTransfer struct {
	From  common.Address
	To    common.Address
	Value *big.Int
	Raw   types.Log // Blockchain specific contextual infos
}

// FilterTransfer is a free log retrieval operation binding the contract event 0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 value)
func (_TestStablecoin *TestStablecoinFilterer) FilterTransfer(opts *bind.FilterOpts, from []common.Address, to []common.Address) (*TestStablecoinTransferIterator, error) {

	var fromRule []interface{}
	for _, fromItem := range from {
		fromRule = append(fromRule, fromItem)
	}
	var toRule []interface{}
	for _, toItem := range to {
		toRule = append(toRule, toItem)
	}

	logs, sub, err := _TestStablecoin.contract.FilterLogs(opts, "Transfer", fromRule, toRule)
	if err != nil {
		return nil, err
	}
	return &TestStablecoinTransferIterator{contract: _TestStablecoin.contract, event: "Transfer", logs: logs, sub: sub}, nil
}

// WatchTransfer is a free log subscription operation binding the contract event 0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 value)
func (_TestStablecoin *TestStablecoinFilterer) WatchTransfer(opts *bind.WatchOpts, sink chan<- *TestStablecoinTransfer, from []common.Address, to []common.Address) (event.Subscription, error) {

	var fromRule []interface{}
	for _, fromItem := range from {
		fromRule = append(fromRule, fromItem)
	}
	var toRule []interface{}
	for _, toItem := range to {
		toRule = append(toRule, toItem)
	}

	logs, sub, err := _TestStablecoin.contract.WatchLogs(opts, "Transfer", fromRule, toRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(TestStablecoinTransfer)
				if err := _TestStablecoin.contract.UnpackLog(event, "Transfer", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseTransfer is a log parse operation binding the contract event 0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 value)
func (_TestStablecoin *TestStablecoinFilterer) ParseTransfer(log types.Log) (*TestStablecoinTransfer, error) {
	event := new(TestStablecoinTransfer)
	if err := _TestStablecoin.contract.UnpackLog(event, "Transfer", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}
