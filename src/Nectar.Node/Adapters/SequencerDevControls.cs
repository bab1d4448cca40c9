using Nectar.Chain.Sequencing;
using Nectar.JsonRpc.Dev;

namespace Nectar.Node.Adapters;

/// <summary>
/// The anvil-compatible development controls (<see cref="IDevChainControls"/>) over the node's sequencer. Only a
/// dev-mode node creates it.
/// </summary>
/// <remarks>
/// Snapshot ids follow anvil: 0 for the first, then 1, 2, … whatever the head, while the sequencer identifies a
/// snapshot by its head number. This adapter keeps the map, and after a revert re-registers with the sequencer the
/// earlier snapshots taken at the head the chain returned to (the sequencer's revert uses up every snapshot at or
/// above that head).
/// </remarks>
/// <param name="sequencer">The sequencer.</param>
public sealed class SequencerDevControls(Sequencer sequencer) : IDevChainControls
{
    private readonly SortedDictionary<ulong, ulong> _heads = [];
    private ulong _nextId;

    /// <inheritdoc />
    public async Task MineAsync(ulong count, ulong? timestamp, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfZero(count);
        var remaining = count;
        while (remaining > 0)
        {
            var batch = (int)Math.Min(remaining, int.MaxValue);
            await Translate(() => sequencer.MineAsync(batch, timestamp, cancellationToken)).ConfigureAwait(false);
            timestamp = null;
            remaining -= (ulong)batch;
        }
    }

    /// <inheritdoc />
    public ulong Snapshot()
    {
        lock (_heads)
        {
            var id = _nextId++;
            _heads[id] = sequencer.Snapshot();
            return id;
        }
    }

    /// <inheritdoc />
    public bool Revert(ulong snapshotId)
    {
        lock (_heads)
        {
            if (!_heads.TryGetValue(snapshotId, out var head))
            {
                return false;
            }

            // The development methods are synchronous on the wire; waiting here blocks one request thread only.
            if (!sequencer.RevertAsync(head).GetAwaiter().GetResult())
            {
                _heads.Remove(snapshotId);
                return false;
            }

            foreach (var id in _heads.Keys.Where(id => id >= snapshotId).ToList())
            {
                _heads.Remove(id);
            }

            if (_heads.ContainsValue(head))
            {
                sequencer.Snapshot();
            }

            return true;
        }
    }

    /// <inheritdoc />
    public void SetNextBlockTimestamp(ulong timestamp) =>
        Translate(() => sequencer.SetNextBlockTimestampAsync(timestamp)).GetAwaiter().GetResult();

    /// <inheritdoc />
    public long IncreaseTime(ulong seconds) => sequencer.IncreaseTime((long)Math.Min(seconds, long.MaxValue));

    /// <summary>The port promises <see cref="ArgumentOutOfRangeException"/> for a timestamp not after the head's.</summary>
    private static async Task Translate(Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (ArgumentException exception) when (exception is not ArgumentOutOfRangeException)
        {
            throw new ArgumentOutOfRangeException(exception.ParamName, exception.Message);
        }
    }
}
