namespace Nectar.State;

public sealed partial class StateStore
{
    /// <summary>
    /// Undoes the last committed block with its reverse diff: the flat entries get their previous values back and
    /// the head moves to the parent's root (whose trie nodes are still stored).
    /// </summary>
    /// <exception cref="InvalidOperationException">No block is committed, or its diff is missing.</exception>
    public void RollBack()
    {
        var blockNumber = BlockNumber ?? throw new InvalidOperationException("No block has been committed.");
        using var batch = _database.CreateWriteBatch();
        var staged = StageRollBack(blockNumber, 1, batch);
        try
        {
            batch.Commit();
        }
        catch
        {
            Abandon(staged);
            throw;
        }

        Apply(staged);
    }

    /// <summary>
    /// Writes into a caller's batch what returns the state to the end of an earlier block: the reverse diffs of every
    /// later block, newest first, the removal of those diffs and the moved head. The caller writes the batch (with its
    /// own entries) and then calls <see cref="Apply"/>, or <see cref="Abandon"/> when it is not written.
    /// </summary>
    /// <param name="blockNumber">The block to return to; before the head, with the diffs of every later block kept.</param>
    /// <param name="batch">A batch of this store's database.</param>
    /// <returns>The staged roll back, carrying the state root of <paramref name="blockNumber"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The block is not before the head.</exception>
    /// <exception cref="InvalidOperationException">No block is committed, a needed diff is missing, or another staged change is pending.</exception>
    public StagedStateChange StageRollBack(ulong blockNumber, Db.IWriteBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var head = BlockNumber ?? throw new InvalidOperationException("No block has been committed.");
        if (blockNumber >= head)
        {
            throw new ArgumentOutOfRangeException(nameof(blockNumber), $"Block {blockNumber} is not before the head {head}.");
        }

        return StageRollBack(head, head - blockNumber, batch);
    }

    private StagedStateChange StageRollBack(ulong head, ulong blocks, Db.IWriteBatch batch)
    {
        ThrowIfStaged();

        // Read every diff before writing anything, so a missing one leaves the batch untouched.
        var diffs = new StateDiff[blocks];
        for (ulong i = 0; i < blocks; i++)
        {
            var block = head - i;
            var encoded = _history.Get(StateDiff.BlockKey(block)) ?? throw new InvalidOperationException($"The reverse diff of block {block} is missing.");
            diffs[i] = StateDiff.Decode(encoded);
        }

        // Newest block first and, within a block, newest entry first: a batch applies its writes in order, so the
        // value a key ends with is the oldest one recorded, the one in force before the first undone block.
        for (ulong i = 0; i < blocks; i++)
        {
            var diff = diffs[i];
            for (var j = diff.Entries.Count - 1; j >= 0; j--)
            {
                var (column, key, previous) = diff.Entries[j];
                var store = column == StateDiff.AccountColumn ? _accounts : _storage;
                if (previous is null)
                {
                    batch.Delete(store, key);
                }
                else
                {
                    batch.Put(store, key, previous);
                }
            }

            batch.Delete(_history, StateDiff.BlockKey(head - i));
        }

        var oldest = diffs[^1];
        if (oldest.PreviousBlock is { } parent)
        {
            batch.Put(_meta, HeadKey, HeadValue(oldest.PreviousRoot, parent));
        }
        else
        {
            batch.Delete(_meta, HeadKey);
        }

        return Stage(new StagedStateChange(oldest.PreviousRoot, oldest.PreviousBlock));
    }

    /// <summary>
    /// A reader of the state as of the end of an earlier block: the flat state overlaid with the previous values the
    /// reverse diffs of every later block recorded.
    /// </summary>
    /// <param name="blockNumber">A committed block whose diffs (and those of every later block) are kept.</param>
    /// <returns>A reader; it reflects the store as it is now, so do not keep it across commits.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The block is after the head.</exception>
    /// <exception cref="InvalidOperationException">A needed diff is missing.</exception>
    public IStateReader GetReaderAt(ulong blockNumber)
    {
        var head = BlockNumber ?? throw new InvalidOperationException("No block has been committed.");
        if (blockNumber > head)
        {
            throw new ArgumentOutOfRangeException(nameof(blockNumber), $"Block {blockNumber} is after the head {head}.");
        }

        var overlay = new Dictionary<string, byte[]?>(StringComparer.Ordinal);

        // Newest block first, and within a block newest entry first: the value that survives is the one in force
        // right after blockNumber.
        for (var block = head; block > blockNumber; block--)
        {
            var encoded = _history.Get(StateDiff.BlockKey(block)) ?? throw new InvalidOperationException($"The reverse diff of block {block} is missing.");
            var diff = StateDiff.Decode(encoded);
            for (var i = diff.Entries.Count - 1; i >= 0; i--)
            {
                var (column, key, previous) = diff.Entries[i];
                overlay[HistoricalStateReader.OverlayKey(column, key)] = previous;
            }
        }

        return new HistoricalStateReader(this, overlay);
    }

    /// <summary>Deletes the reverse diffs of blocks up to and including <paramref name="blockNumber"/>.</summary>
    /// <param name="blockNumber">The newest block whose diff may go; older state can then no longer be read.</param>
    public void PruneHistory(ulong blockNumber)
    {
        using var batch = _database.CreateWriteBatch();
        using (var cursor = _history.ScanRange(StateDiff.BlockKey(0), StateDiff.BlockKey(blockNumber + 1)))
        {
            while (cursor.MoveNext())
            {
                batch.Delete(_history, cursor.Key);
            }
        }

        batch.Commit();
    }

}
