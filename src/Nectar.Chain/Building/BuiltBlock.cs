using Nectar.Chain.Execution;
using Nectar.Core.Blocks;

namespace Nectar.Chain.Building;

/// <summary>A block the builder produced: the sealed block, its execution, and the candidates it left out.</summary>
public sealed class BuiltBlock
{
    /// <summary>The sealed block (header with every root, the included transactions and the withdrawals).</summary>
    public required Block Block { get; init; }

    /// <summary>The block's execution: receipts, results and roots.</summary>
    public required BlockExecutionResult Execution { get; init; }

    /// <summary>The candidates left out, in candidate order.</summary>
    public required IReadOnlyList<SkippedTransaction> Skipped { get; init; }
}
