using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.JsonRpc.Eth;

/// <summary>
/// The transaction object of <c>eth_call</c>, <c>eth_estimateGas</c>, <c>eth_createAccessList</c> and
/// <c>debug_traceCall</c>: every field optional, as the execution-apis <c>GenericTransaction</c> defines it. Unknown
/// members are ignored, as other nodes do.
/// </summary>
public sealed class TransactionArgs
{
    /// <summary>The sender; it must be the authenticated account, which it defaults to.</summary>
    public Address? From { get; set; }

    /// <summary>The recipient; absent for a contract creation.</summary>
    public Address? To { get; set; }

    /// <summary>The gas limit.</summary>
    public ulong? Gas { get; set; }

    /// <summary>A legacy gas price.</summary>
    public UInt256? GasPrice { get; set; }

    /// <summary>The EIP-1559 maximum fee per gas.</summary>
    public UInt256? MaxFeePerGas { get; set; }

    /// <summary>The EIP-1559 maximum priority fee per gas.</summary>
    public UInt256? MaxPriorityFeePerGas { get; set; }

    /// <summary>The wei sent.</summary>
    public UInt256? Value { get; set; }

    /// <summary>The call data (the older name of <see cref="Input"/>).</summary>
    public byte[]? Data { get; set; }

    /// <summary>The call data, or init code for a creation.</summary>
    public byte[]? Input { get; set; }

    /// <summary>The nonce; accepted and ignored, as simulations use the sender's current nonce.</summary>
    public ulong? Nonce { get; set; }

    /// <summary>The chain id; when given it must be this chain's.</summary>
    public UInt256? ChainId { get; set; }

    /// <summary>The transaction type; accepted for compatibility, the fields decide how the message is priced.</summary>
    public ulong? Type { get; set; }

    /// <summary>An EIP-2930 access list.</summary>
    public IReadOnlyList<AccessListEntry>? AccessList { get; set; }

    /// <summary>EIP-7702 authorizations.</summary>
    public IReadOnlyList<AuthorizationEntry>? AuthorizationList { get; set; }

    /// <summary>Blob fee cap; blob transactions are not supported.</summary>
    public UInt256? MaxFeePerBlobGas { get; set; }

    /// <summary>Blob hashes; blob transactions are not supported, so a non-empty list is refused.</summary>
    public IReadOnlyList<Hash256>? BlobVersionedHashes { get; set; }
}
