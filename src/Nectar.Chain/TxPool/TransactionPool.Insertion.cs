using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;

namespace Nectar.Chain.TxPool;

public sealed partial class TransactionPool
{
    /// <summary>
    /// Under the lock: duplicates, replacement, the per-sender limit, insertion with promotion, and eviction down to
    /// the pool's limits.
    /// </summary>
    private TxPoolResult Insert(Transaction tx, Address sender, in PoolAccount account, in UInt256 cost, int size)
    {
        var hash = tx.Hash;
        if (_byHash.ContainsKey(hash))
        {
            return TxPoolResult.Refused(TxPoolError.AlreadyKnown, TxPoolMessages.AlreadyKnown, hash);
        }

        var queue = AcquireQueue(sender, account);
        var index = queue.Find(tx.Nonce);
        PooledTransaction node;
        PooledTransaction? replaced = null;
        PooledTransaction? displaced = null;
        if (index >= 0)
        {
            replaced = queue[index];
            if (!IsSufficientBump(replaced.Transaction, tx, _options.PriceBumpPercent))
            {
                AfterChange(queue);
                return TxPoolResult.Refused(TxPoolError.ReplacementUnderpriced, TxPoolMessages.ReplacementUnderpriced, hash);
            }

            node = new PooledTransaction(tx, queue, cost, size, ++_sequence);
            ReplaceAt(queue, index, node);
        }
        else
        {
            var at = ~index;
            if (queue.Count >= _options.MaxTransactionsPerSender)
            {
                if (at == queue.Count)
                {
                    var pooled = queue.Count;
                    AfterChange(queue);
                    return TxPoolResult.Refused(TxPoolError.AccountLimitExceeded, TxPoolMessages.AccountLimitExceeded(pooled), hash);
                }

                // The newcomer fills a gap below the sender's highest nonce, so that one is a future transaction
                // and the less useful of the two: it makes room.
                displaced = queue.Tail;
                RemoveAt(queue, queue.Count - 1);
            }

            node = new PooledTransaction(tx, queue, cost, size, ++_sequence);
            queue.Insert(at, node);
            _byHash[hash] = node;
            _count++;
            _bytes += size;
            Promote(queue);
        }

        AfterChange(queue);
        return EvictToLimits(node, replaced, displaced)
            ? TxPoolResult.Accepted(hash)
            : TxPoolResult.Refused(TxPoolError.TxPoolFull, TxPoolMessages.TxPoolFull, hash);
    }

    /// <summary>
    /// Evicts sender tails, lowest rank first (see <see cref="EvictionHeap"/>), until the pool is within its limits.
    /// </summary>
    /// <returns>
    /// <see langword="false"/> when the newcomer itself was the one to go; then the transaction it replaced or
    /// displaced from its sender's queue comes back, so that a refused submission leaves its sender as it was.
    /// </returns>
    private bool EvictToLimits(PooledTransaction newcomer, PooledTransaction? replaced, PooledTransaction? displaced)
    {
        while (_count > _options.Capacity || _bytes > _options.MaxPoolBytes)
        {
            var queue = _eviction.Peek();
            var victim = queue.Tail;
            if (!ReferenceEquals(victim, newcomer))
            {
                RemoveAt(queue, queue.Count - 1);
                AfterChange(queue);
                continue;
            }

            if (replaced is not null)
            {
                ReplaceAt(queue, queue.Count - 1, replaced);
            }
            else
            {
                RemoveAt(queue, queue.Count - 1);
                if (displaced is not null)
                {
                    // It was the sender's highest nonce, behind the gap the newcomer would have filled: future again.
                    queue.Insert(queue.Count, displaced);
                    _byHash[displaced.Hash] = displaced;
                    _count++;
                    _bytes += displaced.Size;
                }
            }

            AfterChange(queue);
            return false;
        }

        return true;
    }

    /// <summary>
    /// Whether <paramref name="replacement"/> raises both the maximum fee and the priority fee of
    /// <paramref name="pooled"/> strictly and by at least <paramref name="bumpPercent"/> percent.
    /// </summary>
    internal static bool IsSufficientBump(Transaction pooled, Transaction replacement, int bumpPercent) =>
        Bumps(pooled.MaxFeePerGas, replacement.MaxFeePerGas, bumpPercent)
        && Bumps(pooled.MaxPriorityFeePerGas, replacement.MaxPriorityFeePerGas, bumpPercent);

    /// <summary>
    /// newFee &gt; oldFee and (newFee - oldFee) * 100 &gt;= oldFee * bump, computed exactly without overflow:
    /// with oldFee = 100q + r, the least raise is q * bump + ceil(r * bump / 100).
    /// </summary>
    private static bool Bumps(in UInt256 oldFee, in UInt256 newFee, int bumpPercent)
    {
        if (newFee <= oldFee)
        {
            return false;
        }

        var hundred = new UInt256(100);
        var quotient = oldFee / hundred;
        var remainder = (oldFee - (quotient * hundred)).U0;
        if (UInt256.MultiplyOverflow(quotient, new UInt256((ulong)bumpPercent), out var needed)
            || UInt256.AddOverflow(needed, new UInt256(((remainder * (ulong)bumpPercent) + 99) / 100), out needed))
        {
            return false;
        }

        return newFee - oldFee >= needed;
    }

    /// <summary>The sender's queue, brought up to date with <paramref name="account"/>, or a new empty one.</summary>
    private SenderQueue AcquireQueue(Address sender, in PoolAccount account)
    {
        if (_senders.TryGetValue(sender, out var queue))
        {
            if (queue.StateNonce != account.Nonce || queue.Balance != account.Balance)
            {
                Revalidate(queue, account, _rules.BlockGasLimit);
            }

            return queue;
        }

        queue = _spareQueues.Count > 0 ? _spareQueues.Pop() : new SenderQueue();
        queue.Reset(sender, account.Nonce, account.Balance);
        _senders.Add(sender, queue);
        return queue;
    }

    /// <summary>After any change to a queue: forget it when empty, otherwise restore its place in the eviction heap.</summary>
    private void AfterChange(SenderQueue queue)
    {
        if (queue.Count > 0)
        {
            _eviction.Update(queue);
            return;
        }

        _eviction.Remove(queue);
        if (_senders.Remove(queue.Address) && _spareQueues.Count < MaxSpareQueues)
        {
            _spareQueues.Push(queue);
        }
    }

    /// <summary>Marks executable, in nonce order, every transaction that now continues the run from the account nonce.</summary>
    private void Promote(SenderQueue queue)
    {
        while (queue.ExecutableCount < queue.Count)
        {
            var node = queue[queue.ExecutableCount];
            if (node.Nonce != queue.StateNonce + (ulong)queue.ExecutableCount)
            {
                break;
            }

            node.IsExecutable = true;
            node.ReadySequence = ++_sequence;
            _executable.Append(node);
            queue.ExecutableCount++;
            _executableArrivals++;
        }
    }

    /// <summary>Makes the executable transactions from <paramref name="from"/> on future ones again.</summary>
    private void Demote(SenderQueue queue, int from)
    {
        for (var i = from; i < queue.ExecutableCount; i++)
        {
            var node = queue[i];
            _executable.Remove(node);
            node.IsExecutable = false;
        }

        queue.ExecutableCount = Math.Min(queue.ExecutableCount, from);
    }

    /// <summary>Puts a replacement in the place of the pooled transaction with the same nonce, keeping its turn.</summary>
    private void ReplaceAt(SenderQueue queue, int index, PooledTransaction replacement)
    {
        var old = queue[index];
        queue.Set(index, replacement);
        if (old.IsExecutable)
        {
            // The replacement keeps the old one's turn; appending it would put it behind its own successors.
            replacement.IsExecutable = true;
            replacement.ReadySequence = old.ReadySequence;
            _executable.Replace(old, replacement);
            old.IsExecutable = false;

            // A better-paying replacement may now clear a base fee its predecessor did not: worth a wake-up.
            _executableArrivals++;
        }

        _byHash.TryRemove(old.Hash, out _);
        _byHash[replacement.Hash] = replacement;
        _bytes += replacement.Size - old.Size;
    }

    /// <summary>Removes one transaction; its sender's later executable transactions become future ones.</summary>
    private void RemoveAt(SenderQueue queue, int index)
    {
        var node = queue[index];
        if (node.IsExecutable)
        {
            Demote(queue, index);
        }

        queue.RemoveAt(index);
        Forget(node);
    }

    /// <summary>Removes the <paramref name="count"/> lowest nonces (included or superseded); the rest keep their turn.</summary>
    private void RemovePrefix(SenderQueue queue, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var node = queue[i];
            if (node.IsExecutable)
            {
                _executable.Remove(node);
                node.IsExecutable = false;
            }

            Forget(node);
        }

        queue.RemoveRange(0, count);
        queue.ExecutableCount = Math.Max(0, queue.ExecutableCount - count);
    }

    private void RemoveAll(SenderQueue queue)
    {
        while (queue.Count > 0)
        {
            RemoveAt(queue, queue.Count - 1);
        }
    }

    private void Forget(PooledTransaction node)
    {
        _byHash.TryRemove(node.Hash, out _);
        _count--;
        _bytes -= node.Size;
    }

    /// <summary>The pending waiter, detached, if a transaction became executable since <paramref name="arrivalsBefore"/>.</summary>
    private TaskCompletionSource? TakeWaiter(long arrivalsBefore)
    {
        if (_executableWaiter is not { } waiter || _executableArrivals == arrivalsBefore)
        {
            return null;
        }

        _executableWaiter = null;
        return waiter;
    }
}
