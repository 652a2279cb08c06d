// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";

/// @title GaiaTimelock: the DAO's executor.
/// @notice Owns the escrows' rules, staking's slashing and the marketplace's fees.
/// Every passed proposal waits `minDelay` here before it can run, which is the
/// window in which an operator facing a slash can see it coming.
contract GaiaTimelock is TimelockController {
    constructor(uint256 minDelay, address[] memory proposers, address[] memory executors, address admin)
        TimelockController(minDelay, proposers, executors, admin)
    {}
}
