using Nectar.Chain.Execution;
using Nectar.Core.Blocks;

namespace Nectar.Chain.Validation;

public sealed partial class BlockValidator
{
    /// <summary>The execution's results against what the header commits to, state root last.</summary>
    /// <param name="header">The header.</param>
    /// <param name="execution">The block's execution.</param>
    /// <returns>Valid, or the first mismatch.</returns>
    public static BlockValidationResult CompareWithHeader(BlockHeader header, BlockExecutionResult execution)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(execution);

        if (header.GasUsed != execution.GasUsed)
        {
            return Invalid(BlockError.GasUsedMismatch, $"Header gas used {header.GasUsed}, execution used {execution.GasUsed}.");
        }

        if (header.BlobGasUsed != execution.BlobGasUsed)
        {
            return Invalid(BlockError.BlobGasUsedMismatch, $"Header blob gas used {header.BlobGasUsed}, execution used {execution.BlobGasUsed}.");
        }

        if (header.LogsBloom != execution.LogsBloom)
        {
            return Invalid(BlockError.LogsBloomMismatch, $"Header logs bloom differs from the execution's {execution.LogsBloom}.");
        }

        if (header.ReceiptsRoot != execution.ReceiptsRoot)
        {
            return Invalid(BlockError.ReceiptsRootMismatch, $"Header receipts root {header.ReceiptsRoot}, execution {execution.ReceiptsRoot}.");
        }

        if (header.TransactionsRoot != execution.TransactionsRoot)
        {
            return Invalid(BlockError.TransactionsRootMismatch, $"Header transactions root {header.TransactionsRoot}, execution {execution.TransactionsRoot}.");
        }

        if (header.WithdrawalsRoot != execution.WithdrawalsRoot)
        {
            return Invalid(BlockError.WithdrawalsRootMismatch, $"Header withdrawals root {header.WithdrawalsRoot}, execution {execution.WithdrawalsRoot}.");
        }

        if (header.RequestsHash != execution.RequestsHash)
        {
            return Invalid(BlockError.RequestsHashMismatch, $"Header requests hash {header.RequestsHash}, execution {execution.RequestsHash}.");
        }

        if (header.StateRoot != execution.StateRoot)
        {
            return Invalid(BlockError.StateRootMismatch, $"Header state root {header.StateRoot}, execution {execution.StateRoot}.");
        }

        return BlockValidationResult.Valid(execution);
    }
}
