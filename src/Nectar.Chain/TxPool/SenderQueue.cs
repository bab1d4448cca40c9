using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Chain.TxPool;

/// <summary>
/// One sender's pooled transactions in nonce order: an executable prefix, whose nonces run contiguously from the
/// account nonce, followed by future transactions beyond a gap. Changed only under the pool's lock; instances are
/// reused for other senders once empty.
/// </summary>
internal sealed class SenderQueue
{
    private PooledTransaction[] _items = new PooledTransaction[4];

    /// <summary>The sender.</summary>
    public Address Address;

    /// <summary>The account nonce at the last check.</summary>
    public ulong StateNonce;

    /// <summary>The balance at the last check.</summary>
    public UInt256 Balance;

    /// <summary>How many of the first transactions are executable.</summary>
    public int ExecutableCount;

    /// <summary>The position in the eviction heap, or -1 when not in it.</summary>
    public int HeapIndex = -1;

    /// <summary>The block-building pass in which this sender was skipped; its later transactions are skipped too.</summary>
    public long SkippedInSelection;

    /// <summary>The head update that last re-checked this sender, so that each is re-checked once per update.</summary>
    public long RevalidatedAt;

    /// <summary>The number of pooled transactions.</summary>
    public int Count { get; private set; }

    /// <summary>The transaction with the highest nonce: the only one of this sender the pool may evict.</summary>
    public PooledTransaction Tail => _items[Count - 1];

    public PooledTransaction this[int index] => _items[index];

    /// <summary>Makes an empty queue for a sender.</summary>
    public void Reset(Address address, ulong stateNonce, in UInt256 balance)
    {
        Address = address;
        StateNonce = stateNonce;
        Balance = balance;
        ExecutableCount = 0;
        HeapIndex = -1;
        SkippedInSelection = 0;
        RevalidatedAt = 0;
    }

    /// <summary>The index of the transaction with <paramref name="nonce"/>, or the bitwise complement of where it would go.</summary>
    public int Find(ulong nonce)
    {
        var low = 0;
        var high = Count - 1;
        while (low <= high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            var found = _items[middle].Nonce;
            if (found == nonce)
            {
                return middle;
            }

            if (found < nonce)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return ~low;
    }

    public void Insert(int index, PooledTransaction transaction)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        Array.Copy(_items, index, _items, index + 1, Count - index);
        _items[index] = transaction;
        Count++;
    }

    public void Set(int index, PooledTransaction transaction) => _items[index] = transaction;

    public void RemoveAt(int index) => RemoveRange(index, 1);

    public void RemoveRange(int index, int count)
    {
        Array.Copy(_items, index + count, _items, index, Count - index - count);
        Count -= count;
        Array.Clear(_items, Count, count);
    }
}
