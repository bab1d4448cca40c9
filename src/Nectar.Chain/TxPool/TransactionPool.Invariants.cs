namespace Nectar.Chain.TxPool;

public sealed partial class TransactionPool
{
    /// <summary>
    /// Checks every structural invariant (counts, per-sender order and executable runs, the executable queue, the
    /// eviction heap); for tests that drive the pool through random operations.
    /// </summary>
    /// <exception cref="InvalidOperationException">An invariant does not hold; the message says which.</exception>
    internal void CheckInvariants()
    {
        lock (_sync)
        {
            var count = 0;
            var executable = 0;
            long bytes = 0;
            foreach (var (address, queue) in _senders)
            {
                Require(queue.Count > 0, "an empty queue is registered");
                Require(queue.Address == address, "a queue is registered under another address");
                Require(queue.HeapIndex >= 0 && queue.HeapIndex < _eviction.Count, "a queue is missing from the eviction heap");
                Require(queue.ExecutableCount <= queue.Count, "more executable than pooled transactions");
                for (var i = 0; i < queue.Count; i++)
                {
                    var node = queue[i];
                    Require(ReferenceEquals(node.Queue, queue) && node.Sender == address, "an entry points to another queue");
                    Require(node.Nonce >= queue.StateNonce, "a nonce below the account nonce is pooled");
                    Require(i == 0 || node.Nonce > queue[i - 1].Nonce, "nonces are not strictly increasing");
                    Require(node.IsExecutable == (i < queue.ExecutableCount), "the executable flag disagrees with the run");
                    Require(i >= queue.ExecutableCount || node.Nonce == queue.StateNonce + (ulong)i, "the executable run has a gap");
                    Require(_byHash.TryGetValue(node.Hash, out var indexed) && ReferenceEquals(indexed, node), "an entry is missing from the hash index");
                    bytes += node.Size;
                }

                Require(
                    queue.ExecutableCount == queue.Count || queue[queue.ExecutableCount].Nonce != queue.StateNonce + (ulong)queue.ExecutableCount,
                    "a transaction continuing the run was not promoted");
                count += queue.Count;
                executable += queue.ExecutableCount;
            }

            Require(count == _count && count == _byHash.Count, "the counts disagree");
            Require(bytes == _bytes, "the byte count disagrees");
            Require(executable == _executable.Count, "the executable queue's length disagrees");
            Require(_eviction.Count == _senders.Count, "the eviction heap's size disagrees");
            Require(_count <= _options.Capacity && _bytes <= _options.MaxPoolBytes, "the pool exceeds its limits");

            var seen = 0;
            PooledTransaction? previous = null;
            for (var node = _executable.First; node is not null; node = node.Next)
            {
                Require(node.IsExecutable && ReferenceEquals(node.Previous, previous), "the executable queue's links are broken");
                Require(previous is null || previous.ReadySequence < node.ReadySequence, "the executable queue is out of turn");
                previous = node;
                seen++;
            }

            Require(seen == _executable.Count && ReferenceEquals(previous, _executable.Last), "the executable queue's ends are wrong");
            _eviction.CheckHeap();
        }
    }

    private static void Require(bool condition, string invariant)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Transaction pool invariant broken: " + invariant + ".");
        }
    }
}
