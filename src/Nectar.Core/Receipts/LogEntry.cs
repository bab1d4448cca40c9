using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Nectar.Core.Primitives;

namespace Nectar.Core.Receipts;

/// <summary>A log emitted by LOG0 to LOG4: the emitting contract, up to four topics and the data.</summary>
public sealed class LogEntry : IEquatable<LogEntry>
{
    /// <summary>Creates a log.</summary>
    /// <param name="address">The contract that emitted it.</param>
    /// <param name="topics">Its topics (at most four from the EVM; not enforced here).</param>
    /// <param name="data">Its data.</param>
    public LogEntry(Address address, ImmutableArray<Hash256> topics, ReadOnlyMemory<byte> data)
    {
        Address = address;
        Topics = topics.IsDefault ? [] : topics;
        Data = data;
    }

    /// <summary>The contract that emitted the log.</summary>
    public Address Address { get; }

    /// <summary>The topics.</summary>
    public ImmutableArray<Hash256> Topics { get; }

    /// <summary>The data.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>Adds the log's address and topics to a bloom.</summary>
    /// <param name="bloom">The bloom to extend.</param>
    public void AddTo(ref Bloom bloom) => bloom.AddLog(Address, Topics.AsSpan());

    /// <inheritdoc />
    public bool Equals([NotNullWhen(true)] LogEntry? other) =>
        other is not null
        && Address == other.Address
        && Topics.AsSpan().SequenceEqual(other.Topics.AsSpan())
        && Data.Span.SequenceEqual(other.Data.Span);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => Equals(obj as LogEntry);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Address, Topics.Length, Data.Length);

    /// <summary>The address and topic count, for diagnostics.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => $"Log from {Address}, {Topics.Length} topics, {Data.Length} bytes";
}
