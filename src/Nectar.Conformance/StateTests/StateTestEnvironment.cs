using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Conformance.StateTests;

/// <summary>The <c>env</c> section: the block the transaction runs in.</summary>
public sealed class StateTestEnvironment
{
    /// <summary>currentCoinbase.</summary>
    public Address Coinbase { get; init; }

    /// <summary>currentGasLimit.</summary>
    public long GasLimit { get; init; }

    /// <summary>currentNumber.</summary>
    public ulong Number { get; init; }

    /// <summary>currentTimestamp.</summary>
    public ulong Timestamp { get; init; }

    /// <summary>currentBaseFee (zero when absent).</summary>
    public UInt256 BaseFee { get; init; }

    /// <summary>currentDifficulty.</summary>
    public UInt256 Difficulty { get; init; }

    /// <summary>currentRandom (PREVRANDAO), when given.</summary>
    public Hash256? Random { get; init; }

    /// <summary>currentExcessBlobGas (zero when absent).</summary>
    public ulong ExcessBlobGas { get; init; }
}
