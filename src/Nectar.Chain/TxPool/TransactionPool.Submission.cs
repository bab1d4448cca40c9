using System.Buffers;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;

namespace Nectar.Chain.TxPool;

public sealed partial class TransactionPool
{
    /// <summary>Checks one encoded transaction (as eth_sendRawTransaction carries it) and adds it to the pool.</summary>
    /// <param name="encoded">The canonical encoding: an RLP list (legacy) or a type byte and an RLP list.</param>
    /// <returns>Accepted with the hash, or the first check that failed.</returns>
    public TxPoolResult Submit(ReadOnlySpan<byte> encoded)
    {
        var rules = _rules;
        if (!TryPrepare(encoded, rules, out var tx, out var failure))
        {
            return failure;
        }

        return _signer.TryRecoverSender(tx, out var sender)
            ? Admit(tx, sender, encoded.Length)
            : Refuse(TxPoolError.InvalidSender, TxPoolMessages.InvalidSender, tx);
    }

    /// <summary>
    /// Checks one decoded transaction and adds it to the pool. A sender already cached on the transaction is trusted
    /// (it is cached only by recovery or by signing); otherwise it is recovered here.
    /// </summary>
    /// <param name="transaction">The transaction.</param>
    /// <returns>Accepted with the hash, or the first check that failed.</returns>
    public TxPoolResult Submit(Transaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var rules = _rules;
        if (!TryPrepare(transaction, rules, out var size, out var failure))
        {
            return failure;
        }

        return _signer.TryRecoverSender(transaction, out var sender)
            ? Admit(transaction, sender, size)
            : Refuse(TxPoolError.InvalidSender, TxPoolMessages.InvalidSender, transaction);
    }

    /// <summary>
    /// Checks many encoded transactions and adds them to the pool, recovering their senders in parallel. The results
    /// and the pool's content are those of submitting the transactions one by one in list order.
    /// </summary>
    /// <param name="encoded">The encodings.</param>
    /// <param name="results">Receives one result per encoding, in the same order.</param>
    /// <exception cref="ArgumentException"><paramref name="results"/> is shorter than <paramref name="encoded"/>.</exception>
    public void SubmitBatch(IReadOnlyList<ReadOnlyMemory<byte>> encoded, Span<TxPoolResult> results)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        var count = encoded.Count;
        EnsureRoom(results, count);
        var rules = _rules;
        var prepared = ArrayPool<Transaction?>.Shared.Rent(count);
        var sizes = ArrayPool<int>.Shared.Rent(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var bytes = encoded[i].Span;
                sizes[i] = bytes.Length;
                prepared[i] = TryPrepare(bytes, rules, out var tx, out results[i]) ? tx : null;
            }

            FinishBatch(prepared, sizes, count, results);
        }
        finally
        {
            Array.Clear(prepared, 0, count);
            ArrayPool<Transaction?>.Shared.Return(prepared);
            ArrayPool<int>.Shared.Return(sizes);
        }
    }

    /// <summary>
    /// Checks many decoded transactions and adds them to the pool, recovering their senders in parallel. The results
    /// and the pool's content are those of submitting the transactions one by one in list order.
    /// </summary>
    /// <param name="transactions">The transactions.</param>
    /// <param name="results">Receives one result per transaction, in the same order.</param>
    /// <exception cref="ArgumentException"><paramref name="results"/> is shorter than <paramref name="transactions"/>.</exception>
    public void SubmitBatch(IReadOnlyList<Transaction> transactions, Span<TxPoolResult> results)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        var count = transactions.Count;
        EnsureRoom(results, count);
        var rules = _rules;
        var prepared = ArrayPool<Transaction?>.Shared.Rent(count);
        var sizes = ArrayPool<int>.Shared.Rent(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var tx = transactions[i];
                ArgumentNullException.ThrowIfNull(tx, nameof(transactions));
                prepared[i] = TryPrepare(tx, rules, out sizes[i], out results[i]) ? tx : null;
            }

            FinishBatch(prepared, sizes, count, results);
        }
        finally
        {
            Array.Clear(prepared, 0, count);
            ArrayPool<Transaction?>.Shared.Return(prepared);
            ArrayPool<int>.Shared.Return(sizes);
        }
    }

    private static void EnsureRoom(Span<TxPoolResult> results, int count)
    {
        if (results.Length < count)
        {
            throw new ArgumentException($"The results span holds {results.Length} entries; the batch has {count}.", nameof(results));
        }
    }

    /// <summary>Size, strict decoding and the stateless checks of an encoding.</summary>
    private bool TryPrepare(ReadOnlySpan<byte> encoded, HeadRules rules, out Transaction transaction, out TxPoolResult failure)
    {
        transaction = null!;
        if (encoded.Length > _options.MaxTransactionSize)
        {
            failure = TxPoolResult.Refused(TxPoolError.OversizedData, TxPoolMessages.OversizedData(encoded.Length, _options.MaxTransactionSize));
            return false;
        }

        if (!TryDecode(encoded, out transaction, out failure))
        {
            return false;
        }

        return TryPrepareDecoded(transaction, rules, out failure);
    }

    /// <summary>Size and the stateless checks of a decoded transaction.</summary>
    private bool TryPrepare(Transaction transaction, HeadRules rules, out int size, out TxPoolResult failure)
    {
        size = TransactionCodec.GetEncodedLength(transaction);
        if (size > _options.MaxTransactionSize)
        {
            failure = Refuse(TxPoolError.OversizedData, TxPoolMessages.OversizedData(size, _options.MaxTransactionSize), transaction);
            return false;
        }

        return TryPrepareDecoded(transaction, rules, out failure);
    }

    private bool TryPrepareDecoded(Transaction transaction, HeadRules rules, out TxPoolResult failure)
    {
        failure = CheckStateless(transaction, rules);
        if (!failure.IsAccepted)
        {
            return false;
        }

        // A copy of a pooled transaction (same hash, so same signature and signing hash) has the same sender:
        // reuse it rather than recover again. Resubmissions by clients that retry are common.
        if (transaction.Sender is null && _byHash.TryGetValue(transaction.Hash, out var known))
        {
            transaction.CacheSender(known.Sender);
        }

        return true;
    }

    /// <summary>Recovers the senders still missing in parallel, then admits each prepared transaction in order.</summary>
    private void FinishBatch(Transaction?[] prepared, int[] sizes, int count, Span<TxPoolResult> results)
    {
        var toRecover = ArrayPool<Transaction>.Shared.Rent(Math.Max(count, 1));
        try
        {
            var missing = 0;
            for (var i = 0; i < count; i++)
            {
                if (prepared[i] is { Sender: null } tx)
                {
                    toRecover[missing++] = tx;
                }
            }

            if (missing > 0)
            {
                _signer.RecoverSenders(new ArraySegment<Transaction>(toRecover, 0, missing));
            }

            for (var i = 0; i < count; i++)
            {
                if (prepared[i] is not { } tx)
                {
                    continue;
                }

                results[i] = tx.Sender is { } sender
                    ? Admit(tx, sender, sizes[i])
                    : Refuse(TxPoolError.InvalidSender, TxPoolMessages.InvalidSender, tx);
            }
        }
        finally
        {
            Array.Clear(toRecover, 0, count);
            ArrayPool<Transaction>.Shared.Return(toRecover);
        }
    }

    /// <summary>
    /// The checks that need the sender (admission, then the account) and the insertion. Admission and the state read
    /// run without the lock; if a new head arrived meanwhile, they are repeated under it.
    /// </summary>
    private TxPoolResult Admit(Transaction tx, Address sender, int size)
    {
        var decision = _admission.Check(sender, tx);
        if (!decision.IsAllowed)
        {
            return Refuse(TxPoolError.SenderNotAdmitted, TxPoolMessages.SenderNotAdmitted(decision.Reason), tx);
        }

        var generation = Volatile.Read(ref _generation);
        var account = _state.GetAccount(sender);
        var costOverflows = ComputeCost(tx, out var cost);
        var result = CheckAccount(tx, sender, account, cost, costOverflows);
        if (!result.IsAccepted)
        {
            return result;
        }

        TaskCompletionSource? wake;
        lock (_sync)
        {
            if (generation != _generation)
            {
                decision = _admission.Check(sender, tx);
                if (!decision.IsAllowed)
                {
                    return Refuse(TxPoolError.SenderNotAdmitted, TxPoolMessages.SenderNotAdmitted(decision.Reason), tx);
                }

                account = _state.GetAccount(sender);
                result = CheckAccount(tx, sender, account, cost, costOverflows);
                if (!result.IsAccepted)
                {
                    return result;
                }
            }

            var arrivals = _executableArrivals;
            result = Insert(tx, sender, account, cost, size);
            wake = TakeWaiter(arrivals);
        }

        wake?.TrySetResult();
        return result;
    }
}
