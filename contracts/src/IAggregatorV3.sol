// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/// @title IAggregatorV3: the shape of Chainlink's AggregatorV3 price feeds.
/// @notice The escrow reads prices only through this interface, so the
/// operator-fed PriceFeed below and a real Chainlink feed are interchangeable.
interface IAggregatorV3 {
    function decimals() external view returns (uint8);

    function description() external view returns (string memory);

    function version() external view returns (uint256);

    function getRoundData(uint80 roundId)
        external
        view
        returns (uint80 roundId_, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound);

    function latestRoundData()
        external
        view
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound);
}
