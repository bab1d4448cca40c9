namespace Nectar.JsonRpc.Dev;

/// <summary>
/// The development controls the node offers over its sequencer, for the anvil-compatible <c>evm_*</c> methods. Only
/// a development network implements and registers it. Implementations are thread-safe.
/// </summary>
public interface IDevChainControls
{
    /// <summary>
    /// Seals <paramref name="count"/> blocks now from whatever the pool holds (empty blocks when it holds nothing).
    /// Returns once every block is stored, readable through the chain reader and announced as a new head.
    /// </summary>
    /// <param name="count">How many blocks; at least one.</param>
    /// <param name="timestamp">The first block's timestamp; <see langword="null"/> for the usual clock (with any offset and next-timestamp set).</param>
    /// <param name="cancellationToken">Stops between blocks.</param>
    /// <returns>A task completing when the blocks are sealed.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timestamp"/> is not after the head's timestamp.</exception>
    Task MineAsync(ulong count, ulong? timestamp, CancellationToken cancellationToken);

    /// <summary>Records the current head and state so that <see cref="Revert"/> can return to them.</summary>
    /// <returns>The snapshot id: 0 for the first, increasing by one.</returns>
    ulong Snapshot();

    /// <summary>
    /// Returns the chain to a snapshot (the head moves back and the reverted blocks' transactions are dropped).
    /// The snapshot and every later one are used up; earlier ones stay valid.
    /// </summary>
    /// <param name="snapshotId">The id <see cref="Snapshot"/> returned.</param>
    /// <returns><see langword="false"/> when there is no such snapshot (never taken, or used up).</returns>
    bool Revert(ulong snapshotId);

    /// <summary>Sets the timestamp of the next block sealed (once).</summary>
    /// <param name="timestamp">Seconds since the epoch.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timestamp"/> is not after the head's timestamp.</exception>
    void SetNextBlockTimestamp(ulong timestamp);

    /// <summary>Moves the clock blocks are stamped with forward.</summary>
    /// <param name="seconds">How far.</param>
    /// <returns>The total offset now applied, in seconds.</returns>
    long IncreaseTime(ulong seconds);
}
