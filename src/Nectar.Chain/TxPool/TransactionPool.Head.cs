using Nectar.Core.Transactions;

namespace Nectar.Chain.TxPool;

public sealed partial class TransactionPool
{
    /// <summary>
    /// Brings the pool to a new head, after the state reader has moved to it: removes the included transactions and
    /// everything below the new account nonces, re-checks admission, EIP-3607, balances and the block gas limit of the
    /// affected senders (dropping what fails; later transactions wait as future ones), and promotes future
    /// transactions whose gap has filled.
    /// </summary>
    /// <param name="update">What changed: included transactions, changed accounts, gas limit, fork.</param>
    public void OnNewHead(PoolHeadUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        TaskCompletionSource? wake;
        lock (_sync)
        {
            var arrivals = _executableArrivals;
            var pass = ++_generation;
            var previous = _rules;
            var rules = new HeadRules(update.Spec ?? previous.Spec, update.BlockGasLimit ?? previous.BlockGasLimit);
            _rules = rules;

            var queues = _scratchQueues;
            queues.Clear();
            if (update.ChangedAccounts is null || rules.BlockGasLimit < previous.BlockGasLimit || AdmissionMayHaveChanged(update.ChangedAccounts))
            {
                queues.AddRange(_senders.Values);
            }
            else
            {
                foreach (var tx in update.IncludedTransactions)
                {
                    if (tx.Sender is { } sender && _senders.TryGetValue(sender, out var queue))
                    {
                        Mark(queue, pass, queues);
                    }
                    else if (_byHash.TryGetValue(tx.Hash, out var node))
                    {
                        Mark(node.Queue, pass, queues);
                    }
                }

                foreach (var address in update.ChangedAccounts)
                {
                    if (_senders.TryGetValue(address, out var queue))
                    {
                        Mark(queue, pass, queues);
                    }
                }
            }

            foreach (var queue in queues)
            {
                RevalidateSender(queue, rules);
                AfterChange(queue);
            }

            queues.Clear();

            // Included transactions are below the new nonces and gone by now, unless the state reader lags the block.
            foreach (var tx in update.IncludedTransactions)
            {
                RemoveIfPooled(tx);
            }

            wake = TakeWaiter(arrivals);
        }

        wake?.TrySetResult();
    }

    /// <summary>Whether the block touched an account admission decisions read: then every pooled sender is re-checked.</summary>
    private bool AdmissionMayHaveChanged(IReadOnlyCollection<Core.Primitives.Address> changed)
    {
        foreach (var address in changed)
        {
            if (_admission.DependsOn(address))
            {
                return true;
            }
        }

        return false;
    }

    private static void Mark(SenderQueue queue, long pass, List<SenderQueue> queues)
    {
        if (queue.RevalidatedAt != pass)
        {
            queue.RevalidatedAt = pass;
            queues.Add(queue);
        }
    }

    /// <summary>Every check that can change between blocks, against a fresh read of the sender's account.</summary>
    private void RevalidateSender(SenderQueue queue, HeadRules rules)
    {
        var account = _state.GetAccount(queue.Address);
        if (account.Code == AccountCode.Contract)
        {
            RemoveAll(queue);
            return;
        }

        // Admission can be withdrawn between blocks; a refused transaction leaves and its successors wait.
        for (var i = 0; i < queue.Count;)
        {
            if (_admission.Check(queue.Address, queue[i].Transaction).IsAllowed)
            {
                i++;
            }
            else
            {
                RemoveAt(queue, i);
            }
        }

        Revalidate(queue, account, rules.BlockGasLimit);
    }

    /// <summary>
    /// Moves a queue to the account's nonce and balance: drops the nonces below it, keeps the executable run only
    /// where it still starts at the account nonce, drops transactions the balance no longer covers or no block can
    /// hold, and promotes what now continues the run.
    /// </summary>
    private void Revalidate(SenderQueue queue, in PoolAccount account, ulong blockGasLimit)
    {
        var nonce = account.Nonce;
        queue.Balance = account.Balance;

        var below = queue.Find(nonce);
        below = below >= 0 ? below : ~below;
        if (below > 0)
        {
            RemovePrefix(queue, below);
        }

        if (queue.StateNonce != nonce)
        {
            queue.StateNonce = nonce;
            var run = 0;
            while (run < queue.ExecutableCount && queue[run].Nonce == nonce + (ulong)run)
            {
                run++;
            }

            Demote(queue, run);
        }

        for (var i = 0; i < queue.Count;)
        {
            var node = queue[i];
            if (node.Cost > queue.Balance || node.Transaction.GasLimit > blockGasLimit)
            {
                RemoveAt(queue, i);
            }
            else
            {
                i++;
            }
        }

        Promote(queue);
    }

    private bool RemoveIfPooled(Transaction tx)
    {
        if (!_byHash.TryGetValue(tx.Hash, out var node))
        {
            return false;
        }

        var queue = node.Queue;
        RemoveAt(queue, queue.Find(node.Nonce));
        AfterChange(queue);
        return true;
    }
}
