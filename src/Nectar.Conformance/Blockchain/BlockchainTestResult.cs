using Nectar.Core.Primitives;

namespace Nectar.Conformance.Blockchain;

/// <summary>The outcome of one blockchain test.</summary>
public sealed class BlockchainTestResult
{
    /// <summary>The test.</summary>
    public required BlockchainTest Test { get; init; }

    /// <summary>Whether the genesis, every block, the head and the post-state matched.</summary>
    public bool Pass { get; init; }

    /// <summary>The head's hash after the run.</summary>
    public Hash256 LastBlockHash { get; init; }

    /// <summary>Why the test failed.</summary>
    public string? Error { get; init; }
}
