using System.Diagnostics.CodeAnalysis;
using Nectar.Core.Primitives;

namespace Nectar.Chain.Persistence;

/// <summary>
/// The latest blocks the store wrote, decoded, with their receipts and senders: what subscribers, receipt polls and
/// <c>latest</c> reads ask for right after a block, served without reading and decoding it again.
/// </summary>
/// <remarks>
/// Thread-safe; bounded to <paramref name="capacity"/> blocks and <paramref name="maxTransactions"/> transactions in all
/// (a few full blocks weigh more than many empty ones), oldest written first out, the newest always kept.
/// </remarks>
internal sealed class RecentBlocks(int capacity, int maxTransactions)
{
    private int _transactions;

    private readonly Lock _gate = new();
    private readonly Dictionary<Hash256, StoredBlock> _blocks = [];
    private readonly Queue<Hash256> _order = new();

    public bool TryGet(in Hash256 hash, [NotNullWhen(true)] out StoredBlock? block)
    {
        if (capacity == 0)
        {
            block = null;
            return false;
        }

        lock (_gate)
        {
            return _blocks.TryGetValue(hash, out block);
        }
    }

    public void Add(StoredBlock block)
    {
        if (capacity == 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_blocks.TryAdd(block.Block.Hash, block))
            {
                _order.Enqueue(block.Block.Hash);
                _transactions += block.Block.Transactions.Length;
            }

            while (_order.Count > capacity || (_order.Count > 1 && _transactions > maxTransactions))
            {
                Evict(_order.Dequeue());
            }
        }
    }

    /// <summary>Forgets every block above <paramref name="number"/> (reverted ones).</summary>
    public void RemoveAbove(ulong number)
    {
        lock (_gate)
        {
            var kept = new List<Hash256>(_order.Count);
            foreach (var hash in _order)
            {
                if (_blocks[hash].Block.Number > number)
                {
                    Evict(hash);
                }
                else
                {
                    kept.Add(hash);
                }
            }

            _order.Clear();
            foreach (var hash in kept)
            {
                _order.Enqueue(hash);
            }
        }
    }

    private void Evict(Hash256 hash)
    {
        if (_blocks.Remove(hash, out var block))
        {
            _transactions -= block.Block.Transactions.Length;
        }
    }
}
