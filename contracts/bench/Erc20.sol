// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.30;

/// @title Erc20
/// @notice A standard ERC-20 token (EIP-20) with ERC-6093 errors and no external libraries, for benchmarks and
/// end-to-end tests. The whole initial supply goes to the deployer.
/// @dev Storage: slot 0 balances (mapping address => uint256), slot 1 allowances (mapping address => mapping
/// address => uint256), slot 2 totalSupply, slot 3 name, slot 4 symbol. An allowance of type(uint256).max is
/// never decreased by transferFrom.
contract Erc20 {
    mapping(address account => uint256) private _balances;
    mapping(address owner => mapping(address spender => uint256)) private _allowances;
    uint256 private _totalSupply;
    string private _name;
    string private _symbol;

    /// @notice Tokens moved from one account to another (from = 0 when minted).
    event Transfer(address indexed from, address indexed to, uint256 value);
    /// @notice An owner set a spender's allowance.
    event Approval(address indexed owner, address indexed spender, uint256 value);

    /// @notice The sender's balance is below the amount.
    error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed);
    /// @notice Tokens cannot come from this address.
    error ERC20InvalidSender(address sender);
    /// @notice Tokens cannot go to this address.
    error ERC20InvalidReceiver(address receiver);
    /// @notice The spender's allowance is below the amount.
    error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed);
    /// @notice This address cannot approve.
    error ERC20InvalidApprover(address approver);
    /// @notice This address cannot be approved.
    error ERC20InvalidSpender(address spender);

    constructor(string memory name_, string memory symbol_, uint256 initialSupply) {
        _name = name_;
        _symbol = symbol_;
        _totalSupply = initialSupply;
        _balances[msg.sender] = initialSupply;
        emit Transfer(address(0), msg.sender, initialSupply);
    }

    /// @notice The token's name.
    function name() external view returns (string memory) {
        return _name;
    }

    /// @notice The token's symbol.
    function symbol() external view returns (string memory) {
        return _symbol;
    }

    /// @notice Decimal places shown by wallets; always 18.
    function decimals() external pure returns (uint8) {
        return 18;
    }

    /// @notice Tokens in existence.
    function totalSupply() external view returns (uint256) {
        return _totalSupply;
    }

    /// @notice The account's balance.
    function balanceOf(address account) external view returns (uint256) {
        return _balances[account];
    }

    /// @notice What the spender may still move from the owner's balance.
    function allowance(address owner, address spender) external view returns (uint256) {
        return _allowances[owner][spender];
    }

    /// @notice Moves value tokens from the caller to another account.
    function transfer(address to, uint256 value) external returns (bool) {
        _transfer(msg.sender, to, value);
        return true;
    }

    /// @notice Sets the spender's allowance over the caller's tokens.
    function approve(address spender, uint256 value) external returns (bool) {
        if (spender == address(0)) revert ERC20InvalidSpender(address(0));
        _allowances[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    /// @notice Moves value tokens from one account to another using the caller's allowance.
    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        if (from == address(0)) revert ERC20InvalidApprover(address(0));
        uint256 allowed = _allowances[from][msg.sender];
        if (allowed != type(uint256).max) {
            if (allowed < value) revert ERC20InsufficientAllowance(msg.sender, allowed, value);
            unchecked {
                _allowances[from][msg.sender] = allowed - value;
            }
        }
        _transfer(from, to, value);
        return true;
    }

    function _transfer(address from, address to, uint256 value) private {
        if (from == address(0)) revert ERC20InvalidSender(address(0));
        if (to == address(0)) revert ERC20InvalidReceiver(address(0));
        uint256 balance = _balances[from];
        if (balance < value) revert ERC20InsufficientBalance(from, balance, value);
        unchecked {
            // Cannot overflow: the sum of all balances is the total supply, which fits.
            _balances[from] = balance - value;
            _balances[to] += value;
        }
        emit Transfer(from, to, value);
    }
}
