using Nectar.Core.Primitives;

namespace Nectar.Benchmarks.VsAnvil.InProcess;

/// <summary>Where one block's time goes on Nectar's side.</summary>
/// <param name="Execution">Block start (system calls) and every transaction, receipts and bloom included.</param>
/// <param name="TransactionsRoot">The transactions trie.</param>
/// <param name="ReceiptsRoot">The receipts trie.</param>
/// <param name="StateCommit">The state commit: the block's changes written and the state root computed.</param>
/// <param name="StateRoot">The state root reached.</param>
/// <param name="GasUsed">The block's gas.</param>
internal sealed record BlockPhases(TimeSpan Execution, TimeSpan TransactionsRoot, TimeSpan ReceiptsRoot, TimeSpan StateCommit, Hash256 StateRoot, ulong GasUsed)
{
    /// <summary>The whole block.</summary>
    public TimeSpan Total => Execution + TransactionsRoot + ReceiptsRoot + StateCommit;
}
