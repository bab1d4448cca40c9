using Nectar.Chain.Storage;
using Nectar.Core.Primitives;
using Nectar.Db;
using Nectar.State;

namespace Nectar.Chain.Persistence;

/// <summary>
/// The <see cref="IChainState"/> blocks are built and imported on when a <see cref="ChainStore"/> keeps the chain:
/// <see cref="Commit"/> computes the block's state root and writes the state into a write batch without writing the
/// batch, and the store's <see cref="ChainStore.CommitBlock(Core.Blocks.Block, IReadOnlyList{Core.Receipts.Receipt}, IReadOnlyList{Core.Primitives.Address})"/> adds the block to the same batch and writes it, so a
/// block and its state are stored together or not at all.
/// </summary>
/// <remarks>Used by the store's one writer.</remarks>
internal sealed class ChainStoreState(ChainStore chain, IDatabase database, StateStore store) : IChainState
{
    private PendingState? _pending;

    public WorldState World { get; } = new(store);

    public StateStore Store => store;

    public Hash256 StateRoot => _pending?.Staged.StateRoot ?? store.StateRoot;

    public ulong? BlockNumber => _pending is { } pending ? pending.Staged.BlockNumber : store.BlockNumber;

    /// <summary>The staged state of the block being committed, if any.</summary>
    public PendingState? Pending => _pending;

    public Hash256 Commit(ulong blockNumber)
    {
        if (_pending is not null)
        {
            throw new InvalidOperationException($"Block {_pending.Staged.BlockNumber}'s state is committed but not stored: store its block or revert it first.");
        }

        var changes = World.CollectChanges();
        var batch = database.CreateWriteBatch();
        try
        {
            var staged = store.StageCommit(changes, blockNumber, batch);
            _pending = new PendingState(staged, changes, batch);
            return staged.StateRoot;
        }
        catch
        {
            batch.Dispose();
            throw;
        }
    }

    public void Discard()
    {
        if (_pending is not null)
        {
            AbandonPending();
        }
        else
        {
            World.ClearCache();
        }
    }

    public void RevertLastBlock()
    {
        if (_pending is not null)
        {
            // The block never reached the database: dropping its staged state is the whole undo.
            AbandonPending();
            return;
        }

        var number = store.BlockNumber ?? throw new InvalidOperationException("No block is committed.");
        if (number == 0)
        {
            throw new InvalidOperationException("The genesis block cannot be reverted.");
        }

        chain.RevertToBlock(number - 1);
    }

    /// <remarks>The copy starts from the stored head: a block whose state is committed but not yet stored is not part of it.</remarks>
    public IScratchChainState Fork() => new StoreChainState(database).Fork();

    /// <summary>The batch holding the pending state was written: the store and the world state move to the block.</summary>
    public void ApplyPending()
    {
        var pending = _pending ?? throw new InvalidOperationException("No state is pending.");
        _pending = null;
        store.Apply(pending.Staged);
        World.AcceptCommitted(pending.Changes);
        pending.Batch.Dispose();
    }

    /// <summary>Drops the pending state (its batch is not written): the state stays at the stored head.</summary>
    public void AbandonPending()
    {
        var pending = _pending ?? throw new InvalidOperationException("No state is pending.");
        _pending = null;
        store.Abandon(pending.Staged);
        World.ClearCache();
        pending.Batch.Dispose();
    }

    /// <summary>A block's state written into a batch that is not written yet.</summary>
    internal sealed record PendingState(StagedStateChange Staged, IReadOnlyList<AccountChange> Changes, IWriteBatch Batch);
}
