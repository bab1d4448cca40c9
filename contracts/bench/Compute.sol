// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.30;

/// @title Compute
/// @notice CPU- and memory-heavy workloads without storage: a prime sieve, a heap sort and a modular-arithmetic
/// mix. Each returns a checksum, so results can be compared across nodes as well as timed.
/// @dev All arithmetic on checksums wraps on purpose (unchecked); the checksums are fingerprints, not amounts.
contract Compute {
    /// @notice 2^255 - 19, the prime modulus of mix.
    uint256 private constant PRIME = 0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffed;

    /// @notice Runs all three workloads at size n and folds their checksums into one value.
    function run(uint256 n) external pure returns (uint256 checksum) {
        (uint256 count, uint256 primes) = _sieve(n);
        checksum = count ^ primes ^ _sort(n, n) ^ _mix(n, primes);
    }

    /// @notice Sieve of Eratosthenes over 0..n in a memory byte array.
    /// @return count The number of primes up to n.
    /// @return checksum A wrapping polynomial hash of the primes in increasing order.
    function sieve(uint256 n) external pure returns (uint256 count, uint256 checksum) {
        return _sieve(n);
    }

    /// @notice Fills a memory array with n pseudo-random words from seed, heap-sorts it, and returns a
    /// position-weighted sum of the sorted values.
    function sort(uint256 n, uint256 seed) external pure returns (uint256 checksum) {
        return _sort(n, seed);
    }

    /// @notice rounds steps of multiplication, addition and shifts modulo a 255-bit prime, starting from seed.
    function mix(uint256 rounds, uint256 seed) external pure returns (uint256) {
        return _mix(rounds, seed);
    }

    function _sieve(uint256 n) private pure returns (uint256 count, uint256 checksum) {
        if (n < 2) return (0, 0);
        bytes memory composite = new bytes(n + 1);
        unchecked {
            for (uint256 i = 2; i * i <= n; ++i) {
                if (composite[i] == 0) {
                    for (uint256 j = i * i; j <= n; j += i) {
                        composite[j] = 0x01;
                    }
                }
            }
            for (uint256 i = 2; i <= n; ++i) {
                if (composite[i] == 0) {
                    ++count;
                    checksum = checksum * 31 + i;
                }
            }
        }
    }

    function _sort(uint256 n, uint256 seed) private pure returns (uint256 checksum) {
        uint256[] memory values = new uint256[](n);
        unchecked {
            // A 256-bit linear congruential generator (Knuth's MMIX constants), wrapping.
            uint256 state = seed;
            for (uint256 i = 0; i < n; ++i) {
                state = state * 6364136223846793005 + 1442695040888963407;
                values[i] = state;
            }
            _heapSort(values);
            for (uint256 i = 0; i < n; ++i) {
                checksum += values[i] * (i + 1);
            }
        }
    }

    /// @dev In place and iterative, so the depth does not grow with n.
    function _heapSort(uint256[] memory values) private pure {
        uint256 n = values.length;
        if (n < 2) return;
        unchecked {
            for (uint256 start = n / 2; start > 0; --start) {
                _siftDown(values, start - 1, n);
            }
            for (uint256 end = n - 1; end > 0; --end) {
                (values[0], values[end]) = (values[end], values[0]);
                _siftDown(values, 0, end);
            }
        }
    }

    function _siftDown(uint256[] memory values, uint256 root, uint256 end) private pure {
        unchecked {
            while (true) {
                uint256 child = 2 * root + 1;
                if (child >= end) return;
                if (child + 1 < end && values[child] < values[child + 1]) ++child;
                if (values[root] >= values[child]) return;
                (values[root], values[child]) = (values[child], values[root]);
                root = child;
            }
        }
    }

    function _mix(uint256 rounds, uint256 seed) private pure returns (uint256 x) {
        x = seed % PRIME;
        unchecked {
            for (uint256 i = 0; i < rounds; ++i) {
                x = mulmod(x, x + i, PRIME);
                x = addmod(x, (x >> 7) ^ (i << 128), PRIME);
                x ^= x << 13;
                x %= PRIME;
            }
        }
    }
}
