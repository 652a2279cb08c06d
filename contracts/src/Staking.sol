// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title Staking: GAIA staked on domain operators.
/// @notice Each operator has a pool of staked tokens split into shares. Escrows
/// pay the stakers' part of a domain's settled revenue into the operator's pool
/// (notifyRevenue); it is shared among the pool's active shares. Only the owner,
/// the DAO's timelock, can slash, with an evidence hash, so a slash has passed a
/// vote and waited the timelock's delay. Unbonding shares stop earning at once
/// but stay slashable until the unbonding period ends: the period must be longer
/// than a vote plus the timelock delay, or stakers could run from a slash.
///
/// Invariants: a pool's tokens back its active and unbonding shares together;
/// reward accumulators only grow; rounding always favours the contract (floor),
/// the dust stays in it.
contract Staking is Ownable, ReentrancyGuard {
    using SafeERC20 for IERC20;

    uint256 private constant ACC = 1e36;
    uint256 public constant MAX_REWARD_ASSETS = 4;

    struct Pool {
        uint256 tokens;
        uint256 activeShares;
        uint256 unbondingShares;
    }

    struct Unbond {
        uint256 shares;
        uint64 readyAt;
    }

    IERC20 public immutable stakeToken;
    uint64 public immutable unbondingPeriod;
    address[] private rewardAssets;
    mapping(address asset => bool) public isRewardAsset;

    mapping(address operator => Pool) public pools;
    mapping(address operator => mapping(address staker => uint256)) public sharesOf;
    mapping(address operator => mapping(address staker => Unbond)) public unbonds;
    mapping(address operator => mapping(address asset => uint256)) public accRewardPerShare;
    // rewardSnap is the accumulator when the staker's rewards were last harvested:
    // rewards are shares * (acc - snap), floored once, so the sum owed to all
    // stakers never exceeds what was notified (a debt in tokens would round twice).
    mapping(address operator => mapping(address staker => mapping(address asset => uint256))) private rewardSnap;
    mapping(address staker => mapping(address asset => uint256)) public claimable;

    error ZeroAmount();
    error PoolWiped();
    error NotRewardAsset(address asset);
    error NoActiveStake();
    error StillUnbonding(uint64 readyAt);
    error BadSlash();
    error TooManyRewardAssets();

    event Staked(address indexed operator, address indexed staker, uint256 amount, uint256 shares);
    event UnbondRequested(address indexed operator, address indexed staker, uint256 shares, uint64 readyAt);
    event Unbonded(address indexed operator, address indexed staker, uint256 amount);
    event RevenueNotified(address indexed operator, address indexed asset, uint256 amount);
    event Claimed(address indexed staker, address indexed asset, uint256 amount);
    event Slashed(address indexed operator, uint256 amount, uint16 bps, bytes32 evidence, address recipient);

    constructor(address owner, IERC20 stakeToken_, uint64 unbondingPeriod_, address[] memory rewardAssets_)
        Ownable(owner)
    {
        if (rewardAssets_.length > MAX_REWARD_ASSETS) revert TooManyRewardAssets();
        stakeToken = stakeToken_;
        unbondingPeriod = unbondingPeriod_;
        for (uint256 i = 0; i < rewardAssets_.length; i++) {
            rewardAssets.push(rewardAssets_[i]);
            isRewardAsset[rewardAssets_[i]] = true;
        }
    }

    function rewardAssetList() external view returns (address[] memory) {
        return rewardAssets;
    }

    function activeShares(address operator) external view returns (uint256) {
        return pools[operator].activeShares;
    }

    /// @notice stakeValue is what `staker`'s active shares on `operator` are worth in tokens now.
    function stakeValue(address operator, address staker) external view returns (uint256) {
        Pool memory p = pools[operator];
        uint256 all = p.activeShares + p.unbondingShares;
        if (all == 0) return 0;
        return Math.mulDiv(sharesOf[operator][staker], p.tokens, all);
    }

    /// @notice pendingReward is the reward in `asset` that `staker` has earned on `operator` and not yet moved to claimable.
    function pendingReward(address operator, address staker, address asset) public view returns (uint256) {
        uint256 delta = accRewardPerShare[operator][asset] - rewardSnap[operator][staker][asset];
        return Math.mulDiv(sharesOf[operator][staker], delta, ACC);
    }

    function stake(address operator, uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        Pool storage p = pools[operator];
        uint256 all = p.activeShares + p.unbondingShares;
        uint256 minted;
        if (all == 0) {
            minted = amount;
        } else {
            if (p.tokens == 0) revert PoolWiped();
            minted = Math.mulDiv(amount, all, p.tokens);
            if (minted == 0) revert ZeroAmount();
        }
        _harvest(operator, msg.sender);
        stakeToken.safeTransferFrom(msg.sender, address(this), amount);
        p.tokens += amount;
        p.activeShares += minted;
        sharesOf[operator][msg.sender] += minted;
        _resetDebt(operator, msg.sender);
        emit Staked(operator, msg.sender, amount, minted);
    }

    /// @notice requestUnbond stops `shares` earning now; withdrawUnbonded pays them out after the unbonding period.
    function requestUnbond(address operator, uint256 shares) external nonReentrant {
        if (shares == 0) revert ZeroAmount();
        _harvest(operator, msg.sender);
        sharesOf[operator][msg.sender] -= shares; // reverts on underflow
        Pool storage p = pools[operator];
        p.activeShares -= shares;
        p.unbondingShares += shares;
        Unbond storage u = unbonds[operator][msg.sender];
        u.shares += shares;
        u.readyAt = uint64(block.timestamp) + unbondingPeriod;
        _resetDebt(operator, msg.sender);
        emit UnbondRequested(operator, msg.sender, shares, u.readyAt);
    }

    function withdrawUnbonded(address operator) external nonReentrant {
        Unbond memory u = unbonds[operator][msg.sender];
        if (u.shares == 0) revert ZeroAmount();
        if (block.timestamp < u.readyAt) revert StillUnbonding(u.readyAt);
        Pool storage p = pools[operator];
        uint256 amount = Math.mulDiv(u.shares, p.tokens, p.activeShares + p.unbondingShares);
        p.tokens -= amount;
        p.unbondingShares -= u.shares;
        delete unbonds[operator][msg.sender];
        stakeToken.safeTransfer(msg.sender, amount);
        emit Unbonded(operator, msg.sender, amount);
    }

    /// @notice notifyRevenue pulls `amount` of `asset` from the caller and shares it among `operator`'s active stake.
    function notifyRevenue(address operator, address asset, uint256 amount) external nonReentrant {
        if (!isRewardAsset[asset]) revert NotRewardAsset(asset);
        uint256 active = pools[operator].activeShares;
        if (active == 0) revert NoActiveStake();
        IERC20(asset).safeTransferFrom(msg.sender, address(this), amount);
        accRewardPerShare[operator][asset] += Math.mulDiv(amount, ACC, active);
        emit RevenueNotified(operator, asset, amount);
    }

    function claim(address operator) external nonReentrant {
        _harvest(operator, msg.sender);
        _resetDebt(operator, msg.sender);
        for (uint256 i = 0; i < rewardAssets.length; i++) {
            address asset = rewardAssets[i];
            uint256 amount = claimable[msg.sender][asset];
            if (amount == 0) continue;
            claimable[msg.sender][asset] = 0;
            IERC20(asset).safeTransfer(msg.sender, amount);
            emit Claimed(msg.sender, asset, amount);
        }
    }

    /// @notice slash takes `bps` of `operator`'s pool (active and unbonding) to `recipient`.
    /// Only the owner (the timelock, after a passed proposal) and only with evidence.
    function slash(address operator, uint16 bps, bytes32 evidence, address recipient) external onlyOwner nonReentrant {
        if (bps == 0 || bps > 10_000 || evidence == bytes32(0) || recipient == address(0)) revert BadSlash();
        Pool storage p = pools[operator];
        uint256 amount = Math.mulDiv(p.tokens, bps, 10_000);
        p.tokens -= amount;
        stakeToken.safeTransfer(recipient, amount);
        emit Slashed(operator, amount, bps, evidence, recipient);
    }

    function _harvest(address operator, address staker) private {
        for (uint256 i = 0; i < rewardAssets.length; i++) {
            address asset = rewardAssets[i];
            uint256 r = pendingReward(operator, staker, asset);
            if (r > 0) claimable[staker][asset] += r;
        }
    }

    function _resetDebt(address operator, address staker) private {
        for (uint256 i = 0; i < rewardAssets.length; i++) {
            address asset = rewardAssets[i];
            rewardSnap[operator][staker][asset] = accRewardPerShare[operator][asset];
        }
    }
}
