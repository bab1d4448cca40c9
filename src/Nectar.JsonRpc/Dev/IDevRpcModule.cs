using System.Text.Json;

namespace Nectar.JsonRpc.Dev;

/// <summary>
/// The anvil-compatible development methods. Registered only on a development network; elsewhere they do not exist
/// (-32601). Any authenticated caller may use them there.
/// </summary>
public interface IDevRpcModule
{
    /// <summary>Seals blocks: no parameter for one block now; a timestamp (number or quantity); or <c>{timestamp?, blocks?}</c>.</summary>
    /// <param name="options">The timestamp or the options object.</param>
    /// <param name="cancellationToken">Supplied by the dispatcher.</param>
    /// <returns><c>"0x0"</c>, as anvil answers.</returns>
    [JsonRpcMethod("evm_mine", Description = "Seals one block now, or as many as asked, optionally at a given timestamp.")]
    Task<string> MineAsync(JsonElement? options = null, CancellationToken cancellationToken = default);

    /// <summary>Seals <paramref name="blocks"/> blocks (default one), <paramref name="interval"/> seconds apart when given.</summary>
    /// <param name="blocks">How many blocks (number or quantity).</param>
    /// <param name="interval">Seconds between the blocks' timestamps (number or quantity).</param>
    /// <param name="cancellationToken">Supplied by the dispatcher.</param>
    /// <returns>A task; the answer is <c>null</c>, as anvil's.</returns>
    [JsonRpcMethod("anvil_mine", Description = "Seals a number of blocks, optionally a number of seconds apart.")]
    Task AnvilMineAsync(JsonElement? blocks = null, JsonElement? interval = null, CancellationToken cancellationToken = default);

    /// <summary>Snapshots the chain.</summary>
    /// <returns>The snapshot id.</returns>
    [JsonRpcMethod("evm_snapshot", Description = "Snapshots the chain and returns the snapshot id.")]
    ulong Snapshot();

    /// <summary>Reverts the chain to a snapshot.</summary>
    /// <param name="snapshotId">The snapshot id (quantity or number).</param>
    /// <returns>Whether the snapshot existed.</returns>
    [JsonRpcMethod("evm_revert", Description = "Reverts the chain to a snapshot; false when there is no such snapshot.")]
    bool Revert(JsonElement snapshotId);

    /// <summary>Sets the next block's timestamp.</summary>
    /// <param name="timestamp">Seconds since the epoch (number or quantity).</param>
    [JsonRpcMethod("evm_setNextBlockTimestamp", Description = "Sets the timestamp of the next block.")]
    void SetNextBlockTimestamp(JsonElement timestamp);

    /// <summary>Moves block time forward.</summary>
    /// <param name="seconds">Seconds (number or quantity).</param>
    /// <returns>The total offset in seconds, as a JSON number (as anvil answers).</returns>
    [JsonRpcMethod("evm_increaseTime", Description = "Moves block time forward and returns the total offset in seconds.")]
    JsonElement IncreaseTime(JsonElement seconds);
}
