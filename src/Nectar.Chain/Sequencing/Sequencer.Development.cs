using Nectar.Chain.Reading;
using Nectar.Chain.TxPool;
using Nectar.Core.Blocks;

namespace Nectar.Chain.Sequencing;

public sealed partial class Sequencer
{
    private readonly SortedSet<ulong> _snapshots = [];

    /// <summary>
    /// Mines blocks now (<c>evm_mine</c>, <c>anvil_mine</c>), each with the pool's executable transactions or empty,
    /// one at a time with the production loop.
    /// </summary>
    /// <param name="count">How many blocks.</param>
    /// <param name="timestamp">The first block's exact timestamp (after the head's); later blocks follow the clock, which goes on from it.</param>
    /// <param name="cancellationToken">Stops waiting for the loop's block in progress; a block being mined is finished.</param>
    /// <returns>The mined blocks, in order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not positive.</exception>
    /// <exception cref="ArgumentException">The timestamp is not after the head's.</exception>
    /// <exception cref="InvalidOperationException">A block could not be built or stored (logged; the head is the last block mined).</exception>
    public async Task<IReadOnlyList<Block>> MineAsync(int count = 1, ulong? timestamp = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var blocks = new List<Block>(count);
        while (blocks.Count < count)
        {
            await _production.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var exact = blocks.Count == 0 ? timestamp : null;
                if (exact is { } time && time <= _chain.Head.Timestamp)
                {
                    throw new ArgumentException($"Timestamp {time} is not after the head's {_chain.Head.Timestamp}.", nameof(timestamp));
                }

                var outcome = ProduceBlock(exact, allowEmpty: true);
                if (outcome.Block is { } block)
                {
                    blocks.Add(block);
                }
                else if (!outcome.CulpritDropped)
                {
                    throw new InvalidOperationException($"Block {_chain.Head.Number + 1} could not be produced.", outcome.Error);
                }
            }
            finally
            {
                _production.Release();
            }
        }

        return blocks;
    }

    /// <summary>Sets the exact timestamp of the next block, whoever mines it (<c>evm_setNextBlockTimestamp</c>).</summary>
    /// <param name="timestamp">Seconds since the epoch; after the head's timestamp.</param>
    /// <param name="cancellationToken">Stops waiting for the block in progress.</param>
    /// <returns>Completes when set.</returns>
    /// <exception cref="ArgumentException">The timestamp is not after the head's.</exception>
    public async Task SetNextBlockTimestampAsync(ulong timestamp, CancellationToken cancellationToken = default)
    {
        await _production.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var head = _chain.Head;
            if (timestamp <= head.Timestamp)
            {
                throw new ArgumentException($"Timestamp {timestamp} is not after the head's {head.Timestamp}.", nameof(timestamp));
            }

            _nextTimestamp = timestamp;
        }
        finally
        {
            _production.Release();
        }
    }

    /// <summary>Moves the block clock forward (<c>evm_increaseTime</c>): later blocks' timestamps include the offset.</summary>
    /// <param name="seconds">Seconds to add; not negative.</param>
    /// <returns>The clock's total offset from the real time, in seconds.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seconds"/> is negative.</exception>
    public long IncreaseTime(long seconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        return Interlocked.Add(ref _timeOffset, seconds);
    }

    /// <summary>The clock's offset from the real time, in seconds (see <see cref="IncreaseTime"/>).</summary>
    public long TimeOffset => Interlocked.Read(ref _timeOffset);

    /// <summary>Records the head so that <see cref="RevertAsync"/> can return to it (<c>evm_snapshot</c>).</summary>
    /// <returns>The snapshot's id: the head's number.</returns>
    public ulong Snapshot()
    {
        lock (_snapshots)
        {
            var id = _chain.Head.Number;
            _snapshots.Add(id);
            return id;
        }
    }

    /// <summary>
    /// Returns the chain to a snapshot (<c>evm_revert</c>): the blocks after it are removed and the state restored, the
    /// pool re-checked against the reverted head, and <see cref="Reverted"/> raised. As in anvil, the snapshot and
    /// every later one are used up.
    /// </summary>
    /// <param name="id">An id from <see cref="Snapshot"/>.</param>
    /// <param name="cancellationToken">Stops waiting for the block in progress.</param>
    /// <returns>Whether the snapshot existed (and the chain was reverted).</returns>
    public async Task<bool> RevertAsync(ulong id, CancellationToken cancellationToken = default)
    {
        await _production.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            lock (_snapshots)
            {
                if (!_snapshots.Contains(id) || id > _chain.Head.Number)
                {
                    return false;
                }

                _snapshots.RemoveWhere(s => s >= id);
            }

            var previous = _chain.Head.Number;
            _chain.RevertToBlock(id);
            var head = _chain.Head;

            // Every pooled sender is re-read: the reverted blocks changed accounts nobody listed.
            _pool.OnNewHead(new PoolHeadUpdate { BlockGasLimit = head.GasLimit, Spec = _chain.Forks.At(head.Timestamp + 1) });
            LastBlockAt = _time.GetUtcNow();
            SequencerLog.Reverted(_logger, previous, id);
            RaiseReverted(new ChainRevertedEventArgs(id, previous));
            return true;
        }
        finally
        {
            _production.Release();
        }
    }
}
