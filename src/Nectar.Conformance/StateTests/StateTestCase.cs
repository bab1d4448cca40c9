using Nectar.Core.Primitives;

namespace Nectar.Conformance.StateTests;

/// <summary>One expectation of a state test: a fork and the data, gas and value indexes it selects.</summary>
public sealed class StateTestCase
{
    /// <summary>The test this case belongs to.</summary>
    public required StateTest Test { get; init; }

    /// <summary>The fork name as the file spells it.</summary>
    public required string Fork { get; init; }

    /// <summary>The position of this case among the fork's cases in the file.</summary>
    public int Position { get; init; }

    /// <summary>Index into <c>transaction.data</c>.</summary>
    public int DataIndex { get; init; }

    /// <summary>Index into <c>transaction.gasLimit</c>.</summary>
    public int GasIndex { get; init; }

    /// <summary>Index into <c>transaction.value</c>.</summary>
    public int ValueIndex { get; init; }

    /// <summary>The expected post-state root.</summary>
    public Hash256 ExpectedRoot { get; init; }

    /// <summary>The expected keccak(rlp(logs)).</summary>
    public Hash256 ExpectedLogsHash { get; init; }

    /// <summary>The signed transaction's encoding, when the file gives it.</summary>
    public byte[]? TransactionBytes { get; init; }

    /// <summary>The exception the transaction must be rejected with, when it is invalid.</summary>
    public string? ExpectException { get; init; }

    /// <summary>A name unique in the whole suite: <c>test/fork/dDgGvV</c>.</summary>
    public string Name => $"{Test.Name}/{Fork}/d{DataIndex}g{GasIndex}v{ValueIndex}";
}
