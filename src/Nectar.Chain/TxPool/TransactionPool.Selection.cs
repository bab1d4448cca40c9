using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;

namespace Nectar.Chain.TxPool;

public sealed partial class TransactionPool
{
    /// <summary>
    /// Selects executable transactions for a block, first come, first served: in the order they became executable,
    /// which keeps each sender's nonce order. A transaction whose maximum fee is below the base fee, or whose gas limit
    /// exceeds the gas left, is skipped together with its sender's later transactions; skipped transactions stay in
    /// the pool. Selected transactions also stay until <see cref="OnNewHead"/> reports them included or
    /// <see cref="ReportInvalid"/> reports them failed.
    /// </summary>
    /// <param name="baseFee">The block's base fee (zero before London).</param>
    /// <param name="gasLimit">The gas to fill, counted by the transactions' gas limits.</param>
    /// <param name="destination">Receives the selected transactions, in block order, senders cached.</param>
    /// <param name="maxTransactions">The most transactions to select.</param>
    /// <returns>How many transactions were added to <paramref name="destination"/>.</returns>
    /// <remarks>
    /// When a selected transaction fails at execution, the builder skips the same sender's later transactions in this
    /// selection (their nonces no longer follow) and reports the failed one with <see cref="ReportInvalid"/>.
    /// </remarks>
    public int TakeExecutable(in UInt256 baseFee, ulong gasLimit, ICollection<Transaction> destination, int maxTransactions = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentOutOfRangeException.ThrowIfNegative(maxTransactions);
        lock (_sync)
        {
            var pass = ++_selection;
            var remaining = gasLimit;
            var taken = 0;
            for (var node = _executable.First; node is not null && taken < maxTransactions && remaining >= IntrinsicGas.TransactionBase; node = node.Next)
            {
                var queue = node.Queue;
                if (queue.SkippedInSelection == pass)
                {
                    continue;
                }

                var tx = node.Transaction;
                if (tx.MaxFeePerGas < baseFee || tx.GasLimit > remaining)
                {
                    queue.SkippedInSelection = pass;
                    continue;
                }

                destination.Add(tx);
                remaining -= tx.GasLimit;
                taken++;
            }

            return taken;
        }
    }

    /// <summary>
    /// Removes a transaction that failed at execution (its nonce no longer matched, its sender could no longer pay,
    /// its sender lost admission). The sender's later transactions become future ones until the gap is filled or the
    /// next head re-checks them.
    /// </summary>
    /// <param name="hash">The transaction hash.</param>
    /// <returns>Whether the transaction was in the pool.</returns>
    public bool ReportInvalid(Hash256 hash)
    {
        lock (_sync)
        {
            if (!_byHash.TryGetValue(hash, out var node))
            {
                return false;
            }

            var queue = node.Queue;
            RemoveAt(queue, queue.Find(node.Nonce));
            AfterChange(queue);
            return true;
        }
    }
}
