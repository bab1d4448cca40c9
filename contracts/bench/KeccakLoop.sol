// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.30;

/// @title KeccakLoop
/// @notice A hashing workload: run(n) chains n Keccak-256 hashes and returns the last one, so nodes can compare
/// results and measure the KECCAK256 opcode with little else around it.
contract KeccakLoop {
    /// @notice Starting from 32 zero bytes, replaces the value with its Keccak-256 n times and returns it.
    /// run(0) is zero; run(1) is keccak256(bytes32(0)).
    function run(uint256 n) external pure returns (bytes32 result) {
        assembly ("memory-safe") {
            // Scratch space (0x00-0x3f) holds the running value, so the loop touches no other memory.
            mstore(0x00, 0)
            for { let i := 0 } lt(i, n) { i := add(i, 1) } {
                mstore(0x00, keccak256(0x00, 0x20))
            }
            result := mload(0x00)
        }
    }
}
