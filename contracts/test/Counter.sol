// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.30;

/// @title Counter
/// @notice A counter for end-to-end tests: state changes with events, and each kind of revert a client must
/// decode (a custom error with arguments, a require message, a panic).
contract Counter {
    /// @notice The current count.
    uint256 public count;

    /// @notice The count went up by amount.
    event Incremented(address indexed caller, uint256 amount, uint256 count);
    /// @notice The count went down by amount.
    event Decremented(address indexed caller, uint256 amount, uint256 count);
    /// @notice The count was replaced.
    event CountSet(address indexed caller, uint256 previous, uint256 count);

    /// @notice subtract was asked to take more than the count holds.
    error Underflow(uint256 count, uint256 amount);

    /// @notice Adds one and returns the new count.
    function increment() external returns (uint256) {
        return _add(1);
    }

    /// @notice Adds amount (checked: reverts with Panic(0x11) on overflow) and returns the new count.
    function add(uint256 amount) external returns (uint256) {
        return _add(amount);
    }

    /// @notice Subtracts amount; reverts with the custom error Underflow when the count is smaller.
    function subtract(uint256 amount) external returns (uint256) {
        uint256 current = count;
        if (amount > current) revert Underflow(current, amount);
        uint256 updated = current - amount;
        count = updated;
        emit Decremented(msg.sender, amount, updated);
        return updated;
    }

    /// @notice Replaces the count; reverts with the require message "Counter: value must be non-zero" for 0.
    function set(uint256 value) external {
        require(value != 0, "Counter: value must be non-zero");
        uint256 previous = count;
        count = value;
        emit CountSet(msg.sender, previous, value);
    }

    /// @notice Divides the count by divisor; reverts with Panic(0x12) when divisor is zero.
    function divide(uint256 divisor) external returns (uint256) {
        uint256 previous = count;
        uint256 updated = previous / divisor;
        count = updated;
        emit CountSet(msg.sender, previous, updated);
        return updated;
    }

    function _add(uint256 amount) private returns (uint256 updated) {
        updated = count + amount;
        count = updated;
        emit Incremented(msg.sender, amount, updated);
    }
}
