// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @title TestStablecoin: a USD-like ERC-20 with 6 decimals for devnets and tests.
/// @notice The owner mints at will: never deploy this where it could pass for money.
contract TestStablecoin is ERC20, Ownable {
    constructor(address owner) ERC20("Test USD", "tUSD") Ownable(owner) {}

    function decimals() public pure override returns (uint8) {
        return 6;
    }

    function mint(address to, uint256 amount) external onlyOwner {
        _mint(to, amount);
    }
}
