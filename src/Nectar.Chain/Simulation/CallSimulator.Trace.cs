using Nectar.Chain.Execution;
using Nectar.Core.Primitives;
using Nectar.Evm;
using Nectar.Evm.Tracing;

namespace Nectar.Chain.Simulation;

public sealed partial class CallSimulator
{
    /// <summary>
    /// Re-executes a stored transaction with a tracer: the state at its block's parent, the block's system calls and
    /// the transactions before it, then the transaction itself, all in the block's own context and all dropped
    /// afterwards.
    /// </summary>
    /// <param name="transactionHash">The transaction.</param>
    /// <param name="tracer">The tracer, attached to that transaction only.</param>
    /// <returns>The transaction's result, or <see langword="null"/> when no canonical block holds it.</returns>
    /// <exception cref="SimulationException">The parent's state is no longer kept.</exception>
    /// <exception cref="InvalidOperationException">The stored block does not re-execute (a damaged store).</exception>
    public TransactionResult? TraceTransaction(in Hash256 transactionHash, ITxTracer tracer)
    {
        ArgumentNullException.ThrowIfNull(tracer);
        if (_chain.FindTransaction(transactionHash) is not { } location
            || _chain.FindBlock(location.BlockHash) is not { } block
            || location.Index >= block.Transactions.Length
            || block.Number == 0
            || _chain.FindHeader(block.Header.ParentHash) is not { } parent)
        {
            return null;
        }

        var state = _chain.GetState(parent.Number)
            ?? throw new SimulationException(SimulationError.StateUnavailable, $"historical state for block {parent.Number} is not available");
        var scratch = new ReadOnlyChainState(state, parent);
        using var execution = _processor.Begin(block.Header, _forks.At(block.Header.Timestamp), scratch, new AncestorHashes(parent, _chain));
        var transactions = block.Transactions;
        for (var i = 0; i < location.Index; i++)
        {
            if (!execution.Execute(transactions[i]).IsExecuted)
            {
                throw new InvalidOperationException($"Transaction {i} of stored block {block.Number} does not re-execute.");
            }
        }

        var result = execution.Execute(transactions[location.Index], tracer);
        return result.IsExecuted ? result : throw new InvalidOperationException($"Transaction {transactionHash} of stored block {block.Number} does not re-execute.");
    }
}
