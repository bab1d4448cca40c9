using Nectar.Core.Primitives;
using Nectar.Crypto;

namespace Nectar.Chain.Execution;

/// <summary>
/// EIP-7685 execution-layer requests. Nectar has no beacon chain, so its blocks carry no deposit, withdrawal or
/// consolidation requests; a Prague header commits to the empty list.
/// </summary>
public static class ExecutionRequests
{
    /// <summary>The requests hash of a block without requests: SHA-256 of nothing, since empty request lists are left out of the hash.</summary>
    public static readonly Hash256 EmptyHash = ComputeEmptyHash();

    private static Hash256 ComputeEmptyHash()
    {
        Span<byte> hash = stackalloc byte[Sha256.HashLength];
        Sha256.Hash([], hash);
        return new Hash256(hash);
    }
}
