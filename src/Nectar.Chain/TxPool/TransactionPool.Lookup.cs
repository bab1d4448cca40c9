using System.Diagnostics.CodeAnalysis;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;

namespace Nectar.Chain.TxPool;

public sealed partial class TransactionPool
{
    /// <summary>A pooled transaction by hash, without taking the pool's lock.</summary>
    /// <param name="hash">The transaction hash.</param>
    /// <param name="transaction">The transaction, its <see cref="Transaction.Sender"/> cached, so that the caller can
    /// show it to its sender only.</param>
    /// <returns>Whether the transaction is in the pool.</returns>
    public bool TryGetTransaction(Hash256 hash, [NotNullWhen(true)] out Transaction? transaction)
    {
        if (_byHash.TryGetValue(hash, out var node))
        {
            transaction = node.Transaction;
            return true;
        }

        transaction = null;
        return false;
    }

    /// <summary>Whether a transaction is in the pool and executable.</summary>
    /// <param name="hash">The transaction hash.</param>
    /// <returns><see langword="true"/> for an executable transaction; <see langword="false"/> for a future or unknown one.</returns>
    public bool IsExecutable(Hash256 hash)
    {
        lock (_sync)
        {
            return _byHash.TryGetValue(hash, out var node) && node.IsExecutable;
        }
    }

    /// <summary>A sender's pooled transactions in nonce order, executable first.</summary>
    /// <param name="sender">The sender.</param>
    /// <returns>The transactions; empty when the sender has none.</returns>
    public Transaction[] GetTransactions(Address sender)
    {
        lock (_sync)
        {
            if (!_senders.TryGetValue(sender, out var queue))
            {
                return [];
            }

            var result = new Transaction[queue.Count];
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = queue[i].Transaction;
            }

            return result;
        }
    }

    /// <summary>
    /// The nonce of the sender's next transaction counting its executable pooled ones (the "pending" nonce of
    /// eth_getTransactionCount).
    /// </summary>
    /// <param name="sender">The sender.</param>
    /// <param name="nonce">The account nonce plus the sender's executable transactions.</param>
    /// <returns><see langword="false"/> when the sender has nothing pooled: then the account nonce is the answer.</returns>
    public bool TryGetPendingNonce(Address sender, out ulong nonce)
    {
        lock (_sync)
        {
            if (_senders.TryGetValue(sender, out var queue))
            {
                nonce = queue.StateNonce + (ulong)queue.ExecutableCount;
                return true;
            }

            nonce = 0;
            return false;
        }
    }

    /// <summary>
    /// Completes when the pool holds at least one executable transaction: at once if it does now. The sequencer
    /// awaits it when idle, then opens its short collection window.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The wait.</returns>
    public Task WaitForExecutableAsync(CancellationToken cancellationToken = default)
    {
        Task task;
        lock (_sync)
        {
            if (_executable.Count > 0)
            {
                return Task.CompletedTask;
            }

            task = Waiter();
        }

        return cancellationToken.CanBeCanceled ? task.WaitAsync(cancellationToken) : task;
    }

    /// <summary>
    /// Completes when a transaction has become executable after <paramref name="knownArrivals"/> (a value of
    /// <see cref="ExecutableArrivals"/>): at once if one already has. Unlike
    /// <see cref="WaitForExecutableAsync(CancellationToken)"/> it does not wake for transactions already seen, such as
    /// ones priced below the base fee.
    /// </summary>
    /// <param name="knownArrivals">The arrivals the caller has already handled.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The wait.</returns>
    public Task WaitForExecutableAsync(long knownArrivals, CancellationToken cancellationToken = default)
    {
        Task task;
        lock (_sync)
        {
            if (_executableArrivals > knownArrivals)
            {
                return Task.CompletedTask;
            }

            task = Waiter();
        }

        return cancellationToken.CanBeCanceled ? task.WaitAsync(cancellationToken) : task;
    }

    /// <summary>The shared waiter, created on demand; continuations run off the submitting thread.</summary>
    private Task Waiter()
    {
        _executableWaiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _executableWaiter.Task;
    }
}
