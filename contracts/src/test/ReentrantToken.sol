// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title ReentrantToken: a hostile ERC-20 for tests only.
/// @notice Once armed, its next transfer out of `victim` calls back into
/// `victim` with `data` and bubbles up the callee's revert, so a test sees
/// exactly what the victim's reentrancy guard answered.
contract ReentrantToken is ERC20 {
    address public victim;
    bytes public data;
    bool private armed;

    constructor() ERC20("Reentrant", "REE") {}

    function decimals() public pure override returns (uint8) {
        return 6;
    }

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function arm(address victim_, bytes calldata data_) external {
        victim = victim_;
        data = data_;
        armed = true;
    }

    function _update(address from, address to, uint256 value) internal override {
        super._update(from, to, value);
        if (armed && from == victim) {
            armed = false;
            (bool ok, bytes memory ret) = victim.call(data);
            if (!ok) {
                assembly {
                    revert(add(ret, 32), mload(ret))
                }
            }
        }
    }
}
