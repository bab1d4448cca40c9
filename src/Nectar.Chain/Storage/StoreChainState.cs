using Nectar.Core.Primitives;
using Nectar.Db;
using Nectar.State;

namespace Nectar.Chain.Storage;

/// <summary>
/// An <see cref="IChainState"/> over a <see cref="StateStore"/> in any <see cref="IDatabase"/> (RocksDB in the node,
/// memory in tests). One world state is kept across blocks, so its cache stays warm; reverting a block rolls the
/// store back with its reverse diff and empties the cache.
/// </summary>
public class StoreChainState : IChainState
{
    /// <summary>Opens the state kept in a database (empty when the database holds none yet).</summary>
    /// <param name="database">A database with every column of <see cref="StateColumns.All"/>; the caller keeps ownership.</param>
    public StoreChainState(IDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        Database = database;
        Store = new StateStore(database);
        World = new WorldState(Store);
    }

    /// <summary>The database the state lives in.</summary>
    public IDatabase Database { get; }

    /// <summary>The committed state.</summary>
    public StateStore Store { get; }

    /// <inheritdoc />
    public WorldState World { get; }

    /// <inheritdoc />
    public Hash256 StateRoot => Store.StateRoot;

    /// <inheritdoc />
    public ulong? BlockNumber => Store.BlockNumber;

    /// <summary>Creates an in-memory state with the state columns, for tests and tools.</summary>
    /// <returns>The state, empty.</returns>
    public static StoreChainState CreateInMemory() => new OwningChainState(new MemoryDatabase([.. StateColumns.All]));

    /// <inheritdoc />
    public Hash256 Commit(ulong blockNumber) => World.CommitBlock(Store, blockNumber);

    /// <inheritdoc />
    public void Discard() => World.ClearCache();

    /// <inheritdoc />
    public void RevertLastBlock()
    {
        Store.RollBack();
        World.ClearCache();
    }

    /// <inheritdoc />
    /// <remarks>The copy starts from the committed state: changes still pending in <see cref="World"/> are not part of it.</remarks>
    public IScratchChainState Fork() => new OwningChainState(new OverlayDatabase(Database));

    /// <summary>A state that owns its database (an in-memory one, or an overlay) and disposes it with itself.</summary>
    private sealed class OwningChainState(IDatabase database) : StoreChainState(database), IScratchChainState
    {
        public void Dispose() => Database.Dispose();
    }
}
