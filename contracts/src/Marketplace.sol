// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {ERC2981} from "@openzeppelin/contracts/token/common/ERC2981.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title Marketplace: models, knowledge bases and plugins as NFTs.
/// @notice Each component is an ERC-721 token naming its content (hash + URI)
/// with an ERC-2981 royalty for its creator on resale. Node operators buy a
/// licence per node; escrows pay a share of settled revenue to component owners
/// pro rata to the usage the domain reports (distribute). Payments are pulled
/// (claim), so a hostile owner cannot block a settlement. The owner (the DAO's
/// timelock) sets the marketplace fee and its treasury.
contract Marketplace is ERC721, ERC2981, Ownable, ReentrancyGuard {
    using SafeERC20 for IERC20;

    enum Kind {
        Model,
        KnowledgeBase,
        Plugin
    }

    struct Component {
        bytes32 contentHash;
        Kind kind;
        address payAsset;
        uint256 licencePrice;
        string uri;
    }

    uint16 public constant MAX_FEE_BPS = 1_000;
    uint16 public constant MAX_ROYALTY_BPS = 2_500;

    uint256 public nextId = 1;
    uint16 public feeBps;
    address public treasury;
    mapping(uint256 id => Component) private components;
    mapping(uint256 id => mapping(address node => bool)) public licensed;
    mapping(address payee => mapping(address asset => uint256)) public owed;

    error BadFee();
    error BadRoyalty();
    error NotComponentOwner();
    error NotForSale(uint256 id);
    error LengthMismatch();
    error AlreadyLicensed(uint256 id, address node);

    event Listed(uint256 indexed id, address indexed creator, Kind kind, bytes32 contentHash, string uri);
    event PriceSet(uint256 indexed id, address asset, uint256 price);
    event LicenceBought(uint256 indexed id, address indexed node, address indexed buyer, address asset, uint256 price);
    event RevenueShared(address indexed asset, uint256 amount, uint256 totalUnits);
    event Claimed(address indexed payee, address indexed asset, uint256 amount);
    event FeeSet(uint16 feeBps, address treasury);

    constructor(address owner, address treasury_) ERC721("GaiaNet Component", "GAIAC") Ownable(owner) {
        treasury = treasury_;
    }

    function setFee(uint16 feeBps_, address treasury_) external onlyOwner {
        if (feeBps_ > MAX_FEE_BPS || treasury_ == address(0)) revert BadFee();
        feeBps = feeBps_;
        treasury = treasury_;
        emit FeeSet(feeBps_, treasury_);
    }

    /// @notice list mints a component to the caller. The caller receives the ERC-2981 royalty.
    function list(bytes32 contentHash, Kind kind, string calldata uri, address payAsset, uint256 licencePrice, uint96 royaltyBps)
        external
        returns (uint256 id)
    {
        if (royaltyBps > MAX_ROYALTY_BPS) revert BadRoyalty();
        id = nextId++;
        components[id] = Component(contentHash, kind, payAsset, licencePrice, uri);
        _safeMint(msg.sender, id);
        _setTokenRoyalty(id, msg.sender, royaltyBps);
        emit Listed(id, msg.sender, kind, contentHash, uri);
        emit PriceSet(id, payAsset, licencePrice);
    }

    function component(uint256 id) external view returns (Component memory) {
        _requireOwned(id);
        return components[id];
    }

    function tokenURI(uint256 id) public view override returns (string memory) {
        _requireOwned(id);
        return components[id].uri;
    }

    function setLicencePrice(uint256 id, address payAsset, uint256 price) external {
        if (ownerOf(id) != msg.sender) revert NotComponentOwner();
        components[id].payAsset = payAsset;
        components[id].licencePrice = price;
        emit PriceSet(id, payAsset, price);
    }

    /// @notice buyLicence licenses `node` to use component `id`; the price less the fee is owed to the component's owner.
    function buyLicence(uint256 id, address node) external nonReentrant {
        Component memory c = components[id];
        address holder = ownerOf(id);
        if (c.payAsset == address(0)) revert NotForSale(id);
        if (licensed[id][node]) revert AlreadyLicensed(id, node);
        licensed[id][node] = true;
        IERC20(c.payAsset).safeTransferFrom(msg.sender, address(this), c.licencePrice);
        uint256 fee = Math.mulDiv(c.licencePrice, feeBps, 10_000);
        owed[treasury][c.payAsset] += fee;
        owed[holder][c.payAsset] += c.licencePrice - fee;
        emit LicenceBought(id, node, msg.sender, c.payAsset, c.licencePrice);
    }

    /// @notice distribute pulls up to `amount` of `asset` and owes it to the owners of `ids`, pro rata to
    /// `units`, and returns how much it pulled. Ids that do not exist (never listed, burned) take no
    /// share, so a stale id in a settlement cannot block it; when none exists nothing is pulled.
    /// Rounding dust goes to the owner of the last existing component, so all that is pulled is owed.
    function distribute(address asset, uint256[] calldata ids, uint256[] calldata units, uint256 amount)
        external
        nonReentrant
        returns (uint256)
    {
        if (ids.length != units.length) revert LengthMismatch();
        uint256 total;
        uint256 last;
        for (uint256 i = 0; i < units.length; i++) {
            if (_ownerOf(ids[i]) == address(0) || units[i] == 0) continue;
            total += units[i];
            last = i;
        }
        if (total == 0 || amount == 0) return 0;
        IERC20(asset).safeTransferFrom(msg.sender, address(this), amount);
        uint256 given;
        for (uint256 i = 0; i <= last; i++) {
            address holder = _ownerOf(ids[i]);
            if (holder == address(0) || units[i] == 0) continue;
            uint256 share = i == last ? amount - given : Math.mulDiv(amount, units[i], total);
            given += share;
            owed[holder][asset] += share;
        }
        emit RevenueShared(asset, amount, total);
        return amount;
    }

    function claim(address asset) external nonReentrant {
        uint256 amount = owed[msg.sender][asset];
        if (amount == 0) return;
        owed[msg.sender][asset] = 0;
        IERC20(asset).safeTransfer(msg.sender, amount);
        emit Claimed(msg.sender, asset, amount);
    }

    function supportsInterface(bytes4 interfaceId) public view override(ERC721, ERC2981) returns (bool) {
        return super.supportsInterface(interfaceId);
    }
}
