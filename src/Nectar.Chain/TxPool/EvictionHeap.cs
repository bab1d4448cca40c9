using Nectar.Core.Numerics;

namespace Nectar.Chain.TxPool;

/// <summary>
/// Every non-empty sender queue, as a binary min-heap keyed by its tail transaction, so that the pool finds the
/// transaction to evict in O(1) and keeps the order in O(log senders). Only tails are candidates: evicting a
/// transaction whose successor stays would leave that successor unexecutable.
/// </summary>
/// <remarks>
/// Rank, lowest evicted first: future transactions before executable ones; then the lower maximum fee; then the
/// lower priority fee; then the later arrival, so that a newcomer never displaces an equal-paying older transaction.
/// </remarks>
internal sealed class EvictionHeap
{
    private SenderQueue[] _heap;

    public EvictionHeap(int initialCapacity) => _heap = new SenderQueue[Math.Max(4, initialCapacity)];

    public int Count { get; private set; }

    /// <summary>The queue whose tail is the next to evict.</summary>
    public SenderQueue Peek() => _heap[0];

    /// <summary>Whether <paramref name="a"/>'s tail is evicted before <paramref name="b"/>'s.</summary>
    public static bool EvictsBefore(PooledTransaction a, PooledTransaction b)
    {
        if (a.IsExecutable != b.IsExecutable)
        {
            return !a.IsExecutable;
        }

        var fee = UInt256.Compare(a.Transaction.MaxFeePerGas, b.Transaction.MaxFeePerGas);
        if (fee != 0)
        {
            return fee < 0;
        }

        var tip = UInt256.Compare(a.Transaction.MaxPriorityFeePerGas, b.Transaction.MaxPriorityFeePerGas);
        return tip != 0 ? tip < 0 : a.Arrival > b.Arrival;
    }

    /// <summary>Adds the queue, or restores its place after its tail changed.</summary>
    public void Update(SenderQueue queue)
    {
        if (queue.HeapIndex < 0)
        {
            if (Count == _heap.Length)
            {
                Array.Resize(ref _heap, _heap.Length * 2);
            }

            queue.HeapIndex = Count;
            _heap[Count++] = queue;
            SiftUp(queue.HeapIndex);
            return;
        }

        if (!SiftUp(queue.HeapIndex))
        {
            SiftDown(queue.HeapIndex);
        }
    }

    public void Remove(SenderQueue queue)
    {
        var index = queue.HeapIndex;
        if (index < 0)
        {
            return;
        }

        queue.HeapIndex = -1;
        Count--;
        if (index == Count)
        {
            _heap[Count] = null!;
            return;
        }

        var moved = _heap[Count];
        _heap[Count] = null!;
        _heap[index] = moved;
        moved.HeapIndex = index;
        if (!SiftUp(index))
        {
            SiftDown(index);
        }
    }

    /// <summary>Throws unless every entry knows its index and no child ranks below its parent.</summary>
    internal void CheckHeap()
    {
        for (var i = 0; i < Count; i++)
        {
            if (_heap[i].HeapIndex != i || (i > 0 && EvictsBefore(_heap[i].Tail, _heap[(i - 1) >> 1].Tail)))
            {
                throw new InvalidOperationException("Transaction pool invariant broken: the eviction heap is out of order.");
            }
        }
    }

    /// <summary>Moves the entry at <paramref name="index"/> up while it ranks below its parent; true if it moved.</summary>
    private bool SiftUp(int index)
    {
        var start = index;
        var item = _heap[index];
        while (index > 0)
        {
            var parent = (index - 1) >> 1;
            if (!EvictsBefore(item.Tail, _heap[parent].Tail))
            {
                break;
            }

            Place(_heap[parent], index);
            index = parent;
        }

        Place(item, index);
        return index != start;
    }

    private void SiftDown(int index)
    {
        var item = _heap[index];
        while (true)
        {
            var child = (index << 1) + 1;
            if (child >= Count)
            {
                break;
            }

            if (child + 1 < Count && EvictsBefore(_heap[child + 1].Tail, _heap[child].Tail))
            {
                child++;
            }

            if (!EvictsBefore(_heap[child].Tail, item.Tail))
            {
                break;
            }

            Place(_heap[child], index);
            index = child;
        }

        Place(item, index);
    }

    private void Place(SenderQueue queue, int index)
    {
        _heap[index] = queue;
        queue.HeapIndex = index;
    }
}
