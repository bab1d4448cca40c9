using Nectar.Core.Numerics;

namespace Nectar.Chain.Genesis;

/// <summary>One account of a genesis allocation.</summary>
public sealed class GenesisAccount
{
    /// <summary>The balance in wei.</summary>
    public UInt256 Balance { get; init; }

    /// <summary>The nonce.</summary>
    public ulong Nonce { get; init; }

    /// <summary>The code; empty for an externally owned account.</summary>
    public ReadOnlyMemory<byte> Code { get; init; }

    /// <summary>The storage; zero values are left out of the state.</summary>
    public IReadOnlyDictionary<UInt256, UInt256> Storage { get; init; } = new Dictionary<UInt256, UInt256>();
}
