// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IAggregatorV3} from "./IAggregatorV3.sol";
import {Staking} from "./Staking.sol";
import {Marketplace} from "./Marketplace.sol";

/// @title Escrow: one domain's purpose-bound money (after ERC-7291's ideas).
/// @notice Users deposit the stablecoin or GAIA; the balance can leave only two
/// ways: spent on this domain's services, by a settlement the domain's signer
/// signed (EIP-712, chain id and this contract in the domain separator, each
/// settlement id accepted once), or withdrawn by its depositor after a notice
/// period. The notice period is the operator's window to settle usage already
/// served; a settlement in that window is charged first and the withdrawal pays
/// what is left. After expiry (plus one notice period for the last settlements)
/// or after revocation, settlements stop and users withdraw at once.
///
/// A settlement's total is split: stakers' share to Staking (if the operator has
/// active stake), component owners' royalty to the Marketplace (royaltyBps of the
/// revenue the domain attributes to listed components, pro rata to it), the
/// listed node payouts, and the remainder to the operator. Every split is floored
/// and the remainder takes the dust, so a settlement pays out exactly what it
/// charged.
///
/// A charge is capped at the user's balance: a settlement never reverts because
/// the domain charged more than a user holds here (off-chain credit, a withdrawal
/// that went first). The uncovered part is reported (Shortfall) and is the
/// operator's loss: it comes out of the operator's remainder first; only if that
/// is not enough are the node payouts and the royalty scaled down pro rata.
contract Escrow is EIP712, Ownable, ReentrancyGuard {
    using SafeERC20 for IERC20;

    struct Charge {
        address user;
        uint256 amount;
    }

    struct Payout {
        address to;
        uint256 amount;
    }

    struct Usage {
        uint256 component;
        uint256 units;
    }

    struct Settlement {
        uint256 id;
        address asset;
        Charge[] charges;
        Payout[] payouts;
        Usage[] usage;
        uint256 deadline;
    }

    struct Withdrawal {
        uint256 amount;
        uint64 readyAt;
    }

    bytes32 public constant CHARGE_TYPEHASH = keccak256("Charge(address user,uint256 amount)");
    bytes32 public constant PAYOUT_TYPEHASH = keccak256("Payout(address to,uint256 amount)");
    bytes32 public constant USAGE_TYPEHASH = keccak256("Usage(uint256 component,uint256 units)");
    bytes32 public constant SETTLEMENT_TYPEHASH = keccak256(
        "Settlement(uint256 id,address asset,Charge[] charges,Payout[] payouts,Usage[] usage,uint256 deadline)"
        "Charge(address user,uint256 amount)Payout(address to,uint256 amount)Usage(uint256 component,uint256 units)"
    );
    uint16 public constant MAX_SHARE_BPS = 5_000;

    IERC20 public immutable stable;
    IERC20 public immutable token;
    IAggregatorV3 public immutable priceFeed;
    uint64 public immutable noticePeriod;
    uint64 public immutable expiresAt;
    uint8 private immutable stableDecimals;
    uint8 private immutable tokenDecimals;

    address public operator;
    address public signer;
    uint64 public maxPriceAge;
    int256 public minPrice;
    int256 public maxPrice;
    bool public revoked;
    Staking public staking;
    Marketplace public marketplace;
    uint16 public stakingBps;
    uint16 public royaltyBps;

    mapping(address user => mapping(address asset => uint256)) public balanceOf;
    mapping(address asset => uint256) public totalBalance;
    mapping(address user => mapping(address asset => Withdrawal)) public withdrawals;
    mapping(uint256 id => bool) public settled;

    error NotOperator();
    error UnknownAsset(address asset);
    error ZeroAmount();
    error Closed();
    error Expired();
    error AlreadySettled(uint256 id);
    error BadSignature();
    error PastDeadline(uint256 deadline);
    error PayoutsExceedTotal(uint256 payouts, uint256 available);
    error UsageExceedsTotal(uint256 units, uint256 total);
    error NoWithdrawalRequested();
    error NoticeNotOver(uint64 readyAt);
    error StalePrice(uint256 updatedAt);
    error BadPrice(int256 answer);
    error PriceOutOfBounds(int256 answer, int256 minPrice, int256 maxPrice);
    error BadShares();

    event Deposited(address indexed user, address indexed asset, uint256 amount, uint256 usdValue);
    event WithdrawalRequested(address indexed user, address indexed asset, uint256 amount, uint64 readyAt);
    event Withdrawn(address indexed user, address indexed asset, uint256 amount, uint256 usdValue);
    event Charged(uint256 indexed id, address indexed user, address indexed asset, uint256 amount);
    event Shortfall(uint256 indexed id, address indexed user, address indexed asset, uint256 uncovered);
    event Settled(
        uint256 indexed id,
        address indexed asset,
        uint256 total,
        uint256 usdValue,
        uint256 toStakers,
        uint256 toComponents,
        uint256 toNodes,
        uint256 toOperator
    );
    /// @notice Paid is one transfer out of settlement `id`, in the order they are made: the stakers'
    /// share (to Staking), the component owners' royalty (to the Marketplace), each node payout, then
    /// the operator's remainder; `usdValue` is `amount` in stablecoin units (rounded down) at the
    /// price the settlement was charged at (the amount itself in the stablecoin). A GAIA batch's
    /// amounts are converted at settlement, so these are the only exact record of what each payee got.
    event Paid(uint256 indexed id, address indexed to, uint256 amount, uint256 usdValue);
    event SignerSet(address signer);
    event OperatorSet(address operator);
    event SharesSet(uint16 stakingBps, uint16 royaltyBps);
    event PriceBoundsSet(int256 minPrice, int256 maxPrice);
    event Revoked(address by);

    struct Config {
        address owner;
        address operator;
        address signer;
        IERC20 stable;
        IERC20 token;
        IAggregatorV3 priceFeed;
        uint64 maxPriceAge;
        int256 minPrice;
        int256 maxPrice;
        uint64 noticePeriod;
        uint64 expiresAt;
        Staking staking;
        Marketplace marketplace;
        uint16 stakingBps;
        uint16 royaltyBps;
    }

    constructor(Config memory c) EIP712("GaiaNetEscrow", "1") Ownable(c.owner) {
        if (uint256(c.stakingBps) + c.royaltyBps > MAX_SHARE_BPS) revert BadShares();
        operator = c.operator;
        signer = c.signer;
        stable = c.stable;
        token = c.token;
        priceFeed = c.priceFeed;
        maxPriceAge = c.maxPriceAge;
        _setPriceBounds(c.minPrice, c.maxPrice);
        noticePeriod = c.noticePeriod;
        expiresAt = c.expiresAt;
        staking = c.staking;
        marketplace = c.marketplace;
        stakingBps = c.stakingBps;
        royaltyBps = c.royaltyBps;
        stableDecimals = IERC20Metadata(address(c.stable)).decimals();
        tokenDecimals = IERC20Metadata(address(c.token)).decimals();
    }

    modifier onlyOperator() {
        if (msg.sender != operator) revert NotOperator();
        _;
    }

    modifier knownAsset(address asset) {
        if (asset != address(stable) && asset != address(token)) revert UnknownAsset(asset);
        _;
    }

    // ---- governance and operator ----

    function setShares(uint16 stakingBps_, uint16 royaltyBps_) external onlyOwner {
        if (uint256(stakingBps_) + royaltyBps_ > MAX_SHARE_BPS) revert BadShares();
        stakingBps = stakingBps_;
        royaltyBps = royaltyBps_;
        emit SharesSet(stakingBps_, royaltyBps_);
    }

    function setMaxPriceAge(uint64 age) external onlyOwner {
        maxPriceAge = age;
    }

    /// @notice setPriceBounds sets the range of feed answers the escrow accepts (the feed's decimals),
    /// so that a feed it does not control (a Chainlink aggregator) cannot value deposits at a price
    /// the DAO did not allow.
    function setPriceBounds(int256 min_, int256 max_) external onlyOwner {
        _setPriceBounds(min_, max_);
    }

    function _setPriceBounds(int256 min_, int256 max_) private {
        if (min_ <= 0 || max_ < min_) revert BadPrice(min_);
        minPrice = min_;
        maxPrice = max_;
        emit PriceBoundsSet(min_, max_);
    }

    /// @notice revoke closes the escrow for good: no deposits, no settlements, withdrawals without notice.
    /// The DAO (owner) or the operator may revoke.
    function revoke() external {
        if (msg.sender != owner() && msg.sender != operator) revert NotOperator();
        revoked = true;
        emit Revoked(msg.sender);
    }

    function setSigner(address signer_) external onlyOperator {
        signer = signer_;
        emit SignerSet(signer_);
    }

    function setOperator(address operator_) external onlyOperator {
        operator = operator_;
        emit OperatorSet(operator_);
    }

    // ---- prices ----

    /// @notice usdValue is `amount` of `asset` in stablecoin units (rounded down), at the feed's
    /// current price. Reverts when the feed's answer is not positive, outside [minPrice, maxPrice]
    /// or older than maxPriceAge.
    function usdValue(address asset, uint256 amount) public view knownAsset(asset) returns (uint256) {
        if (asset == address(stable)) return amount;
        (, int256 answer,, uint256 updatedAt,) = priceFeed.latestRoundData();
        if (answer <= 0) revert BadPrice(answer);
        if (answer < minPrice || answer > maxPrice) revert PriceOutOfBounds(answer, minPrice, maxPrice);
        if (updatedAt + maxPriceAge < block.timestamp) revert StalePrice(updatedAt);
        return _value(amount, answer);
    }

    /// @dev _lastValue values `amount` of `asset` at the feed's last answer whatever its age or
    /// bounds (0 if the feed has none): a withdrawal is reported at it and never blocked by the feed.
    function _lastValue(address asset, uint256 amount) private view returns (uint256) {
        if (asset == address(stable)) return amount;
        try priceFeed.latestRoundData() returns (uint80, int256 answer, uint256, uint256, uint80) {
            return answer > 0 ? _value(amount, answer) : 0;
        } catch {
            return 0;
        }
    }

    function _value(uint256 amount, int256 answer) private view returns (uint256) {
        return Math.mulDiv(
            amount, uint256(answer) * 10 ** stableDecimals, 10 ** (uint256(tokenDecimals) + priceFeed.decimals())
        );
    }

    // ---- users ----

    function deposit(address asset, uint256 amount) external {
        depositFor(msg.sender, asset, amount);
    }

    /// @notice depositFor credits `user` with `amount` of `asset` paid by the caller.
    function depositFor(address user, address asset, uint256 amount) public nonReentrant knownAsset(asset) {
        if (amount == 0) revert ZeroAmount();
        if (revoked) revert Closed();
        if (block.timestamp >= expiresAt) revert Expired();
        uint256 value = usdValue(asset, amount);
        uint256 before = IERC20(asset).balanceOf(address(this));
        IERC20(asset).safeTransferFrom(msg.sender, address(this), amount);
        uint256 received = IERC20(asset).balanceOf(address(this)) - before;
        balanceOf[user][asset] += received;
        totalBalance[asset] += received;
        emit Deposited(user, asset, received, received == amount ? value : usdValue(asset, received));
    }

    /// @notice requestWithdrawal starts the notice period for `amount` of the caller's `asset` balance.
    /// A new request replaces the previous one and restarts the notice.
    function requestWithdrawal(address asset, uint256 amount) external knownAsset(asset) {
        if (amount == 0) revert ZeroAmount();
        uint64 readyAt = uint64(block.timestamp) + noticePeriod;
        withdrawals[msg.sender][asset] = Withdrawal(amount, readyAt);
        emit WithdrawalRequested(msg.sender, asset, amount, readyAt);
    }

    /// @notice withdraw pays the caller the requested amount, or their whole balance if less is left,
    /// once the notice is over. After revocation, or once the settlement window after expiry has closed,
    /// it pays the whole balance without a request.
    function withdraw(address asset) external nonReentrant knownAsset(asset) {
        uint256 bal = balanceOf[msg.sender][asset];
        uint256 amount;
        if (_open()) {
            Withdrawal memory w = withdrawals[msg.sender][asset];
            if (w.readyAt == 0) revert NoWithdrawalRequested();
            if (block.timestamp < w.readyAt) revert NoticeNotOver(w.readyAt);
            amount = Math.min(w.amount, bal);
        } else {
            amount = bal;
        }
        delete withdrawals[msg.sender][asset];
        if (amount == 0) revert ZeroAmount();
        balanceOf[msg.sender][asset] = bal - amount;
        totalBalance[asset] -= amount;
        IERC20(asset).safeTransfer(msg.sender, amount);
        emit Withdrawn(msg.sender, asset, amount, _lastValue(asset, amount));
    }

    // ---- settlement ----

    /// @notice hashSettlement is the EIP-712 digest the signer signs for `s`.
    function hashSettlement(Settlement calldata s) public view returns (bytes32) {
        bytes32[] memory h = new bytes32[](s.charges.length);
        for (uint256 i = 0; i < h.length; i++) {
            h[i] = keccak256(abi.encode(CHARGE_TYPEHASH, s.charges[i].user, s.charges[i].amount));
        }
        bytes32 charges = keccak256(abi.encodePacked(h));
        h = new bytes32[](s.payouts.length);
        for (uint256 i = 0; i < h.length; i++) {
            h[i] = keccak256(abi.encode(PAYOUT_TYPEHASH, s.payouts[i].to, s.payouts[i].amount));
        }
        bytes32 payouts = keccak256(abi.encodePacked(h));
        h = new bytes32[](s.usage.length);
        for (uint256 i = 0; i < h.length; i++) {
            h[i] = keccak256(abi.encode(USAGE_TYPEHASH, s.usage[i].component, s.usage[i].units));
        }
        bytes32 usage = keccak256(abi.encodePacked(h));
        return _hashTypedDataV4(
            keccak256(abi.encode(SETTLEMENT_TYPEHASH, s.id, s.asset, charges, payouts, usage, s.deadline))
        );
    }

    function domainSeparator() external view returns (bytes32) {
        return _domainSeparatorV4();
    }

    /// @notice settle charges the users in `s` and pays out the total, once per settlement id.
    /// A batch in the stablecoin is in its units. A batch in GAIA is signed in stablecoin units
    /// too (dollars, as the domain's ledger counts) and charged in GAIA at the feed's price at
    /// settlement: the real-time rate when the money leaves the escrow.
    /// Anyone may submit: the domain signer's signature is the authority. Each usage entry's
    /// units are the part of the signed total the domain attributes to that component (their
    /// sum cannot exceed it); the component owners' royalty is royaltyBps of that sum.
    function settle(Settlement calldata s, bytes calldata signature) external nonReentrant knownAsset(s.asset) {
        if (!_open()) revert Closed();
        if (block.timestamp > s.deadline) revert PastDeadline(s.deadline);
        if (settled[s.id]) revert AlreadySettled(s.id);
        if (ECDSA.recover(hashSettlement(s), signature) != signer) revert BadSignature();
        settled[s.id] = true;

        Settlement memory m = s;
        Split memory o;
        (o.num, o.den) = m.asset == address(token) ? _toTokens(m) : (1, 1);
        (uint256 total, uint256 signedTotal) = _charge(m);
        totalBalance[m.asset] -= total;
        _split(m, total, signedTotal, o);
        IERC20 asset = IERC20(m.asset);
        if (o.toStakers > 0) {
            asset.forceApprove(address(staking), o.toStakers);
            staking.notifyRevenue(operator, s.asset, o.toStakers);
            _paid(s.id, address(staking), o.toStakers, o);
        }
        if (o.toComponents > 0) {
            o.toComponents = _payRoyalty(m, o.toComponents);
            if (o.toComponents > 0) _paid(s.id, address(marketplace), o.toComponents, o);
        }
        for (uint256 i = 0; i < m.payouts.length; i++) {
            uint256 amount = o.want <= o.room ? m.payouts[i].amount : Math.mulDiv(m.payouts[i].amount, o.room, o.want);
            if (amount > 0) {
                asset.safeTransfer(m.payouts[i].to, amount);
                _paid(s.id, m.payouts[i].to, amount, o);
            }
            o.toNodes += amount;
        }
        uint256 toOperator = o.room - o.toComponents - o.toNodes;
        if (toOperator > 0) {
            asset.safeTransfer(operator, toOperator);
            _paid(s.id, operator, toOperator, o);
        }
        emit Settled(
            s.id, s.asset, total, usdValue(s.asset, total), o.toStakers, o.toComponents, o.toNodes, toOperator
        );
    }

    /// @dev _paid reports a transfer out of settlement `id`, valued at the settlement's price.
    function _paid(uint256 id, address to, uint256 amount, Split memory o) private {
        emit Paid(id, to, amount, Math.mulDiv(amount, o.den, o.num));
    }

    /// @dev Split is how a batch's charged total is shared: the stakers' part, the room left for
    /// royalty and nodes, what they asked for (want) and the royalty to pay; and the settlement's
    /// price as the ratio den/num of stablecoin units per asset unit (1/1 for the stablecoin).
    struct Split {
        uint256 num;
        uint256 den;
        uint256 toStakers;
        uint256 room;
        uint256 want;
        uint256 toComponents;
        uint256 toNodes;
    }

    /// @dev _split checks that the signed batch adds up on its own terms (whatever the balances)
    /// and shares the charged total: short charges come out of the operator's remainder first,
    /// then royalty and node payouts are scaled to fit.
    function _split(Settlement memory s, uint256 total, uint256 signedTotal, Split memory o) private view {
        bool staked = address(staking) != address(0) && stakingBps > 0 && staking.activeShares(operator) > 0;
        uint256 wantComponents = _royalty(s.usage, signedTotal);
        uint256 wantNodes;
        for (uint256 i = 0; i < s.payouts.length; i++) {
            wantNodes += s.payouts[i].amount;
        }
        uint256 signedRoom = signedTotal - (staked ? Math.mulDiv(signedTotal, stakingBps, 10_000) : 0) - wantComponents;
        if (wantNodes > signedRoom) revert PayoutsExceedTotal(wantNodes, signedRoom);
        o.toStakers = staked ? Math.mulDiv(total, stakingBps, 10_000) : 0;
        o.room = total - o.toStakers;
        o.want = wantNodes + wantComponents;
        o.toComponents = o.want <= o.room ? wantComponents : Math.mulDiv(wantComponents, o.room, o.want);
    }

    /// @dev _toTokens turns a GAIA batch's amounts, signed in stablecoin units (dollars: what the
    /// domain's ledger counts), into GAIA at the feed's current price: charges rounded up, payouts
    /// and usage down, so the batch still adds up. It reverts on a stale or out-of-bounds price. It
    /// returns the price: num GAIA units per den stablecoin units.
    function _toTokens(Settlement memory m) private view returns (uint256 num, uint256 den) {
        usdValue(address(token), 0); // the price checks
        (, int256 answer,,,) = priceFeed.latestRoundData();
        num = 10 ** (uint256(tokenDecimals) + priceFeed.decimals());
        den = uint256(answer) * 10 ** stableDecimals;
        for (uint256 i = 0; i < m.charges.length; i++) {
            m.charges[i].amount = Math.mulDiv(m.charges[i].amount, num, den, Math.Rounding.Ceil);
        }
        for (uint256 i = 0; i < m.payouts.length; i++) {
            m.payouts[i].amount = Math.mulDiv(m.payouts[i].amount, num, den);
        }
        for (uint256 i = 0; i < m.usage.length; i++) {
            m.usage[i].units = Math.mulDiv(m.usage[i].units, num, den);
        }
    }

    /// @dev _charge debits each charge, capped at the user's balance, and returns what was
    /// charged and what was signed.
    function _charge(Settlement memory s) private returns (uint256 total, uint256 signedTotal) {
        for (uint256 i = 0; i < s.charges.length; i++) {
            Charge memory c = s.charges[i];
            uint256 bal = balanceOf[c.user][s.asset];
            uint256 amount = Math.min(c.amount, bal);
            if (amount < c.amount) emit Shortfall(s.id, c.user, s.asset, c.amount - amount);
            balanceOf[c.user][s.asset] = bal - amount;
            total += amount;
            signedTotal += c.amount;
            emit Charged(s.id, c.user, s.asset, amount);
        }
    }

    /// @dev _royalty is the component owners' share of a batch: royaltyBps of the units.
    function _royalty(Usage[] memory usage, uint256 signedTotal) private view returns (uint256) {
        uint256 units;
        for (uint256 i = 0; i < usage.length; i++) {
            units += usage[i].units;
        }
        if (units > signedTotal) revert UsageExceedsTotal(units, signedTotal);
        return Math.mulDiv(units, royaltyBps, 10_000);
    }

    /// @dev _payRoyalty hands `amount` to the marketplace to share among the batch's components
    /// and returns what it took (a component that does not exist takes nothing).
    function _payRoyalty(Settlement memory s, uint256 amount) private returns (uint256 paid) {
        uint256[] memory ids = new uint256[](s.usage.length);
        uint256[] memory units = new uint256[](s.usage.length);
        for (uint256 i = 0; i < ids.length; i++) {
            ids[i] = s.usage[i].component;
            units[i] = s.usage[i].units;
        }
        IERC20 asset = IERC20(s.asset);
        asset.forceApprove(address(marketplace), amount);
        paid = marketplace.distribute(s.asset, ids, units, amount);
        if (paid < amount) asset.forceApprove(address(marketplace), 0);
    }

    function _open() private view returns (bool) {
        return !revoked && block.timestamp < uint256(expiresAt) + noticePeriod;
    }
}
