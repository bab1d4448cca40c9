using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.JsonRpc.Eth;

/// <summary>What <c>eth_getProof</c> answers (EIP-1186): the account, its trie path and each slot's.</summary>
public sealed class ProofResponse
{
    /// <summary>The account.</summary>
    public Address Address { get; init; }

    /// <summary>The RLP trie nodes from the state root to the account.</summary>
    public required IReadOnlyList<byte[]> AccountProof { get; init; }

    /// <summary>The balance.</summary>
    public UInt256 Balance { get; init; }

    /// <summary>The code hash (Keccak-256 of nothing for an account without code).</summary>
    public Hash256 CodeHash { get; init; }

    /// <summary>The nonce.</summary>
    public ulong Nonce { get; init; }

    /// <summary>The storage trie's root.</summary>
    public Hash256 StorageHash { get; init; }

    /// <summary>One proof per requested slot, in request order.</summary>
    public required IReadOnlyList<StorageProofEntry> StorageProof { get; init; }
}
