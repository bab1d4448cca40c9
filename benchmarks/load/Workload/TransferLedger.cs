using System.Diagnostics;
using Nectar.Core.Primitives;

namespace Nectar.Benchmarks.Load.Workload;

/// <summary>
/// What happened to each transfer of a run on one target: when it was first sent and in which phase, and when the
/// block that includes it was announced. Sends are recorded by the phases, inclusions by the head watcher; each
/// slot is written once (compare-and-swap), so a resent transfer keeps its first send time and a block fetched
/// twice counts once.
/// </summary>
internal sealed class TransferLedger
{
    private readonly long[] _sentAt;
    private readonly long[] _includedAt;
    private readonly long[] _blockOf;
    private readonly byte[] _phaseOf;
    private long _included;
    private long _sent;
    private long _foreign;

    /// <summary>Creates an empty ledger over a signed set.</summary>
    /// <param name="set">The transfers.</param>
    public TransferLedger(TransferSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        Set = set;
        _sentAt = new long[set.Count];
        _includedAt = new long[set.Count];
        _blockOf = new long[set.Count];
        _phaseOf = new byte[set.Count];
        NextNonce = new int[set.SenderCount];
    }

    /// <summary>Raised on the watcher's thread when a transfer's inclusion is first seen, with its global index.</summary>
    public event Action<int>? Included;

    /// <summary>The transfers.</summary>
    public TransferSet Set { get; }

    /// <summary>
    /// The next unsent nonce of each sender. Only the phase that is running writes it (one sender loop per sender
    /// in phase A, the pacing thread in phase B), so phase B simply continues where phase A stopped.
    /// </summary>
    public int[] NextNonce { get; }

    /// <summary>Transfers of this set seen in announced blocks.</summary>
    public long IncludedCount => Interlocked.Read(ref _included);

    /// <summary>Transfers sent at least once.</summary>
    public long SentCount => Interlocked.Read(ref _sent);

    /// <summary>Transactions in announced blocks that are not this set's (the setup's, or other clients').</summary>
    public long ForeignCount => Interlocked.Read(ref _foreign);

    /// <summary>Records the first send of a transfer; later sends of the same transfer (retries) change nothing.</summary>
    /// <param name="index">The global index.</param>
    /// <param name="phase">The phase sending it (1 or 2).</param>
    /// <param name="timestamp">The <see cref="Stopwatch"/> timestamp of the send.</param>
    public void MarkSent(int index, byte phase, long timestamp)
    {
        if (Interlocked.CompareExchange(ref _sentAt[index], timestamp, 0) == 0)
        {
            _phaseOf[index] = phase;
            Interlocked.Increment(ref _sent);
        }
    }

    /// <summary>Records that a block holding a transaction was announced.</summary>
    /// <param name="hash">The transaction hash.</param>
    /// <param name="block">The block number.</param>
    /// <param name="announcedAt">The <see cref="Stopwatch"/> timestamp at which the block's head arrived.</param>
    /// <returns>Whether this was the first inclusion seen of one of this set's transfers.</returns>
    public bool RecordInclusion(Hash256 hash, ulong block, long announcedAt)
    {
        if (!Set.TryFind(hash, out var index))
        {
            Interlocked.Increment(ref _foreign);
            return false;
        }

        if (Interlocked.CompareExchange(ref _includedAt[index], announcedAt, 0) != 0)
        {
            return false;
        }

        _blockOf[index] = (long)block;
        Interlocked.Increment(ref _included);
        Included?.Invoke(index);
        return true;
    }

    /// <summary>When a transfer was first sent, or 0.</summary>
    /// <param name="index">The global index.</param>
    /// <returns>The <see cref="Stopwatch"/> timestamp.</returns>
    public long SentAt(int index) => Volatile.Read(ref _sentAt[index]);

    /// <summary>When the block including a transfer was announced, or 0.</summary>
    /// <param name="index">The global index.</param>
    /// <returns>The <see cref="Stopwatch"/> timestamp.</returns>
    public long IncludedAt(int index) => Volatile.Read(ref _includedAt[index]);

    /// <summary>The block that includes a transfer (valid once <see cref="IncludedAt"/> is non-zero).</summary>
    /// <param name="index">The global index.</param>
    /// <returns>The block number.</returns>
    public ulong BlockOf(int index) => (ulong)Volatile.Read(ref _blockOf[index]);

    /// <summary>The phase that first sent a transfer: 0 none, 1 throughput, 2 latency.</summary>
    /// <param name="index">The global index.</param>
    /// <returns>The phase.</returns>
    public byte PhaseOf(int index) => Volatile.Read(ref _phaseOf[index]);
}
