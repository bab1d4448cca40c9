using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Nectar.Core.Primitives;

namespace Nectar.JsonRpc.Logs;

/// <summary>
/// A log as <c>eth_getLogs</c>, filters and subscriptions return it, in geth's member order. Instances are immutable
/// and shared between every caller that may see them.
/// </summary>
public sealed class LogObject
{
    /// <summary>The contract that emitted the log.</summary>
    public required Address Address { get; init; }

    /// <summary>Its topics.</summary>
    public required ImmutableArray<Hash256> Topics { get; init; }

    /// <summary>Its data.</summary>
    [JsonConverter(typeof(MemoryDataConverter))]
    public required ReadOnlyMemory<byte> Data { get; init; }

    /// <summary>The number of the block holding it.</summary>
    public required ulong BlockNumber { get; init; }

    /// <summary>The hash of the transaction that emitted it.</summary>
    public required Hash256 TransactionHash { get; init; }

    /// <summary>That transaction's position in the block.</summary>
    public required ulong TransactionIndex { get; init; }

    /// <summary>The hash of the block holding it.</summary>
    public required Hash256 BlockHash { get; init; }

    /// <summary>That block's timestamp.</summary>
    public required ulong BlockTimestamp { get; init; }

    /// <summary>Its position among all the logs of the block (not only those the caller may see).</summary>
    public required ulong LogIndex { get; init; }

    /// <summary>Whether the log was removed because its block left the canonical chain.</summary>
    public bool Removed { get; init; }

    /// <summary>The emitting transaction's sender, for read authorization; never serialized.</summary>
    internal Address Sender { get; init; }

    /// <summary>The emitting transaction's direct recipient (<see langword="null"/> for a creation); never serialized.</summary>
    internal Address? Recipient { get; init; }
}
