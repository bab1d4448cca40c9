using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Evm;

/// <summary>The transaction-level values the EVM exposes (ORIGIN, GASPRICE, BLOBHASH).</summary>
public sealed class TransactionContext
{
    /// <summary>The transaction's sender (ORIGIN).</summary>
    public Address Origin { get; init; }

    /// <summary>The effective gas price (GASPRICE).</summary>
    public UInt256 GasPrice { get; init; }

    /// <summary>The blob versioned hashes (BLOBHASH); empty for non-blob transactions.</summary>
    public IReadOnlyList<Hash256> BlobVersionedHashes { get; init; } = [];
}
