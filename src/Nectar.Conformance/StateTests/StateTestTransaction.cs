using System.Collections.Immutable;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;

namespace Nectar.Conformance.StateTests;

/// <summary>
/// The <c>transaction</c> section: shared fields plus the data, gas limit and value lists that cases index.
/// Numbers beyond 256 bits (tests of invalid transactions) are kept as null and make the case unbuildable.
/// </summary>
public sealed class StateTestTransaction
{
    /// <summary>The nonce, or null when it does not fit 64 bits.</summary>
    public ulong? Nonce { get; init; }

    /// <summary>gasPrice, for legacy and access-list transactions.</summary>
    public UInt256? GasPrice { get; init; }

    /// <summary>maxFeePerGas, for fee-market transactions.</summary>
    public UInt256? MaxFeePerGas { get; init; }

    /// <summary>maxPriorityFeePerGas, for fee-market transactions.</summary>
    public UInt256? MaxPriorityFeePerGas { get; init; }

    /// <summary>The recipient, or null for a creation.</summary>
    public Address? To { get; init; }

    /// <summary>The signing key.</summary>
    public required byte[] SecretKey { get; init; }

    /// <summary>The data list.</summary>
    public required IReadOnlyList<byte[]> Data { get; init; }

    /// <summary>The gas limit list (null entries do not fit 64 bits).</summary>
    public required IReadOnlyList<ulong?> GasLimit { get; init; }

    /// <summary>The value list (null entries do not fit 256 bits).</summary>
    public required IReadOnlyList<UInt256?> Value { get; init; }

    /// <summary>Access lists per data index, when the transaction is typed (null entries for none).</summary>
    public IReadOnlyList<ImmutableArray<AccessListItem>?>? AccessLists { get; init; }

    /// <summary>EIP-7702 authorizations, when present.</summary>
    public ImmutableArray<Authorization>? AuthorizationList { get; init; }

    /// <summary>Whether the transaction carries blobs (type 3, which Nectar does not support).</summary>
    public bool HasBlobs { get; init; }
}
