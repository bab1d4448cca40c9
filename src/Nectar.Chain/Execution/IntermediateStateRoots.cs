using Nectar.Chain.Storage;
using Nectar.Chain.Validation;
using Nectar.Core.Blocks;
using Nectar.Core.Primitives;
using Nectar.Core.Specs;
using Nectar.Evm;

namespace Nectar.Chain.Execution;

/// <summary>
/// The state roots inside a block, derived on demand by re-executing it on a scratch copy of the state: the root
/// after the block-start system calls, after each transaction, and after the withdrawals (the block's state root).
/// A fraud proof bisects over them to find the first transaction two parties disagree on. Normal block processing
/// never computes them: it commits, and so hashes the trie, once per block.
/// </summary>
public static class IntermediateStateRoots
{
    /// <summary>Re-executes a block on a scratch copy of <paramref name="stateAtParent"/> and lists the roots between its steps.</summary>
    /// <param name="processor">The execution core.</param>
    /// <param name="parent">The parent's header; <paramref name="stateAtParent"/> must be at its state root.</param>
    /// <param name="block">The block.</param>
    /// <param name="spec">The block's fork rules.</param>
    /// <param name="stateAtParent">The state at the parent; it is only read.</param>
    /// <param name="blockHashes">BLOCKHASH's source.</param>
    /// <returns>
    /// <c>transactions + 2</c> roots: index 0 after the system calls, index <c>i + 1</c> after transaction <c>i</c>,
    /// and the last after the withdrawals, which equals the block's state root.
    /// </returns>
    /// <exception cref="InvalidBlockException">A transaction cannot be executed.</exception>
    public static IReadOnlyList<Hash256> Compute(
        BlockProcessor processor, BlockHeader parent, Block block, ForkSpec spec, IChainState stateAtParent, IBlockHashProvider? blockHashes = null)
    {
        ArgumentNullException.ThrowIfNull(processor);
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(stateAtParent);
        if (stateAtParent.StateRoot != parent.StateRoot)
        {
            throw new InvalidOperationException($"The state is at root {stateAtParent.StateRoot}, not at the parent's {parent.StateRoot}.");
        }

        using var scratch = stateAtParent.Fork();

        // The scratch store commits every step as a block of its own; the numbers only keep its undo records apart.
        var step = (scratch.BlockNumber ?? 0) + 1;
        processor.Signer.RecoverSenders(block.Transactions);
        using var execution = processor.Begin(block.Header, spec, scratch, blockHashes);
        var roots = new List<Hash256>(block.Transactions.Length + 2) { scratch.Commit(step++) };
        for (var i = 0; i < block.Transactions.Length; i++)
        {
            var result = execution.Execute(block.Transactions[i]);
            if (!result.IsExecuted)
            {
                throw new InvalidBlockException(BlockError.InvalidTransaction, $"Transaction {i} is invalid: {result.Rejection}: {result.Message}", i);
            }

            roots.Add(scratch.Commit(step++));
        }

        if (block.Withdrawals is { } withdrawals)
        {
            execution.ApplyWithdrawals(withdrawals);
        }

        roots.Add(scratch.Commit(step));
        return roots;
    }
}
