using Nectar.Core.Numerics;

namespace Nectar.JsonRpc.Eth;

/// <summary>One slot's proof in <c>eth_getProof</c>.</summary>
public sealed class StorageProofEntry
{
    /// <summary>The key: as 32 bytes when it was requested as 32 bytes, else as a quantity (go-ethereum's rule).</summary>
    public required string Key { get; init; }

    /// <summary>The slot's value.</summary>
    public UInt256 Value { get; init; }

    /// <summary>The RLP trie nodes from the storage root to the slot.</summary>
    public required IReadOnlyList<byte[]> Proof { get; init; }
}
