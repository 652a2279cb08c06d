// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IAggregatorV3} from "./IAggregatorV3.sol";

/// @title PriceFeed: an operator-fed AggregatorV3 feed (USD per GAIA).
/// @notice The owner (the DAO's timelock) names the feeder and the bounds; the
/// feeder posts rounds. An answer outside [minAnswer, maxAnswer] is refused at
/// submission, so a fat-fingered or compromised feeder cannot post a price the
/// DAO did not allow. Staleness is the reader's check (PriceFeedReader).
contract PriceFeed is IAggregatorV3, Ownable {
    struct Round {
        int256 answer;
        uint64 updatedAt;
    }

    uint8 public immutable override decimals;
    string public override description;
    address public feeder;
    int256 public minAnswer;
    int256 public maxAnswer;
    uint80 public latestRound;
    mapping(uint80 => Round) private rounds;

    error NotFeeder();
    error AnswerOutOfBounds(int256 answer, int256 minAnswer, int256 maxAnswer);
    error BadBounds();
    error NoData();

    event FeederSet(address feeder);
    event BoundsSet(int256 minAnswer, int256 maxAnswer);
    event AnswerUpdated(int256 indexed answer, uint256 indexed roundId, uint256 updatedAt);

    constructor(address owner, address feeder_, uint8 decimals_, string memory description_, int256 min_, int256 max_)
        Ownable(owner)
    {
        decimals = decimals_;
        description = description_;
        feeder = feeder_;
        _setBounds(min_, max_);
    }

    function version() external pure override returns (uint256) {
        return 1;
    }

    function setFeeder(address feeder_) external onlyOwner {
        feeder = feeder_;
        emit FeederSet(feeder_);
    }

    function setBounds(int256 min_, int256 max_) external onlyOwner {
        _setBounds(min_, max_);
    }

    function _setBounds(int256 min_, int256 max_) private {
        if (min_ <= 0 || max_ < min_) revert BadBounds();
        minAnswer = min_;
        maxAnswer = max_;
        emit BoundsSet(min_, max_);
    }

    /// @notice submit posts a new round. Only the feeder; the answer must lie within the bounds.
    function submit(int256 answer) external {
        if (msg.sender != feeder) revert NotFeeder();
        if (answer < minAnswer || answer > maxAnswer) revert AnswerOutOfBounds(answer, minAnswer, maxAnswer);
        uint80 id = latestRound + 1;
        latestRound = id;
        rounds[id] = Round(answer, uint64(block.timestamp));
        emit AnswerUpdated(answer, id, block.timestamp);
    }

    function getRoundData(uint80 roundId)
        public
        view
        override
        returns (uint80, int256, uint256, uint256, uint80)
    {
        Round memory r = rounds[roundId];
        if (r.updatedAt == 0) revert NoData();
        return (roundId, r.answer, r.updatedAt, r.updatedAt, roundId);
    }

    function latestRoundData() external view override returns (uint80, int256, uint256, uint256, uint80) {
        return getRoundData(latestRound);
    }
}
