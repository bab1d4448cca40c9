using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;

namespace Nectar.Chain.TxPool;

/// <summary>
/// A transaction in the pool with what the pool keeps about it: its sender, cost, size and arrival, and its links
/// in the executable queue. Mutable fields change only under the pool's lock.
/// </summary>
internal sealed class PooledTransaction
{
    /// <summary>Whether the transaction is executable (contiguous from its sender's account nonce).</summary>
    public bool IsExecutable;

    /// <summary>When the transaction became executable: the order the block builder takes it in.</summary>
    public long ReadySequence;

    /// <summary>The previous transaction in the executable queue.</summary>
    public PooledTransaction? Previous;

    /// <summary>The next transaction in the executable queue.</summary>
    public PooledTransaction? Next;

    public PooledTransaction(Transaction transaction, SenderQueue queue, in UInt256 cost, int size, long arrival)
    {
        Transaction = transaction;
        Queue = queue;
        Sender = queue.Address;
        Cost = cost;
        Size = size;
        Arrival = arrival;
    }

    /// <summary>The transaction, its sender cached.</summary>
    public Transaction Transaction { get; }

    /// <summary>The sender's queue while the transaction is pooled; read it only under the pool's lock.</summary>
    public SenderQueue Queue { get; }

    /// <summary>Gas limit times maximum fee plus value: what the sender's balance must cover.</summary>
    public UInt256 Cost { get; }

    /// <summary>The encoded size in bytes.</summary>
    public int Size { get; }

    /// <summary>The pool's sequence number when the transaction was accepted.</summary>
    public long Arrival { get; }

    /// <summary>The transaction's nonce.</summary>
    public ulong Nonce => Transaction.Nonce;

    /// <summary>The transaction hash.</summary>
    public Hash256 Hash => Transaction.Hash;

    /// <summary>
    /// The sender, kept here rather than read from <see cref="Queue"/>: lock-free readers may still hold this entry
    /// after its queue was emptied and reused for another sender.
    /// </summary>
    public Address Sender { get; }
}
