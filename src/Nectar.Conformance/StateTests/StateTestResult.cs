using Nectar.Core.Primitives;

namespace Nectar.Conformance.StateTests;

/// <summary>The outcome of one state-test case.</summary>
public sealed class StateTestResult
{
    /// <summary>The case.</summary>
    public required StateTestCase Case { get; init; }

    /// <summary>Whether the post-state root and logs hash matched (and an expected rejection happened).</summary>
    public bool Pass { get; init; }

    /// <summary>The post-state root computed.</summary>
    public Hash256 StateRoot { get; init; }

    /// <summary>The logs hash computed.</summary>
    public Hash256 LogsHash { get; init; }

    /// <summary>Why the case failed, or a note on how an expected rejection happened.</summary>
    public string? Error { get; init; }
}
