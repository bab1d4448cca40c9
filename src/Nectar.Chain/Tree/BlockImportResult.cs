using Nectar.Chain.Execution;
using Nectar.Chain.Validation;
using Nectar.Core.Blocks;

namespace Nectar.Chain.Tree;

/// <summary>The outcome of importing a block into a <see cref="Blockchain"/>.</summary>
public sealed class BlockImportResult
{
    /// <summary>The block.</summary>
    public required Block Block { get; init; }

    /// <summary>What the import did.</summary>
    public required BlockImportStatus Status { get; init; }

    /// <summary>For an invalid block, the rule it broke; otherwise <see cref="BlockError.None"/>.</summary>
    public BlockError Error { get; init; }

    /// <summary>For an invalid block, what is wrong.</summary>
    public string? Message { get; init; }

    /// <summary>For an invalid block, the offending transaction's index when a transaction is at fault.</summary>
    public int? TransactionIndex { get; init; }

    /// <summary>The execution of a newly imported block.</summary>
    public BlockExecutionResult? Execution { get; init; }

    /// <summary>Whether the block is now in the chain (newly or already).</summary>
    public bool IsValid => Status != BlockImportStatus.Invalid;

    /// <inheritdoc />
    public override string ToString() => Status == BlockImportStatus.Invalid ? $"{Block}: {Error}: {Message}" : $"{Block}: {Status}";
}
