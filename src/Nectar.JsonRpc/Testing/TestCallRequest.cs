using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.JsonRpc.Testing;

/// <summary>A transaction-shaped object parameter for <c>test_call</c>, like the call objects of <c>eth_call</c>.</summary>
public sealed class TestCallRequest
{
    /// <summary>The sender.</summary>
    public Address From { get; init; }

    /// <summary>The recipient, or null for a creation.</summary>
    public Address? To { get; init; }

    /// <summary>The value, if any.</summary>
    public UInt256? Value { get; init; }

    /// <summary>The gas limit, if any.</summary>
    public ulong? Gas { get; init; }

    /// <summary>The call data, if any.</summary>
    public byte[]? Input { get; init; }
}
