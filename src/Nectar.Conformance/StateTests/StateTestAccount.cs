using Nectar.Core.Numerics;

namespace Nectar.Conformance.StateTests;

/// <summary>One pre-state account of a state test.</summary>
public sealed class StateTestAccount
{
    /// <summary>The balance.</summary>
    public UInt256 Balance { get; init; }

    /// <summary>The nonce.</summary>
    public ulong Nonce { get; init; }

    /// <summary>The code.</summary>
    public byte[] Code { get; init; } = [];

    /// <summary>The storage (zero values included as given).</summary>
    public IReadOnlyDictionary<UInt256, UInt256> Storage { get; init; } = new Dictionary<UInt256, UInt256>();
}
