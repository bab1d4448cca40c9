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
        var diffKey = StateDiff.BlockKey(blockNumber);
        var encoded = _history.Get(diffKey) ?? throw new InvalidOperationException($"The reverse diff of block {blockNumber} is missing.");
        var diff = StateDiff.Decode(encoded);

        using var batch = _database.CreateWriteBatch();

        // Newest first, so a key recorded twice ends with its oldest value.
        for (var i = diff.Entries.Count - 1; i >= 0; i--)
        {
            var (column, key, previous) = diff.Entries[i];
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

        batch.Delete(_history, diffKey);
        if (diff.PreviousBlock is { } parent)
        {
            batch.Put(_meta, HeadKey, HeadValue(diff.PreviousRoot, parent));
        }
        else
        {
            batch.Delete(_meta, HeadKey);
        }

        batch.Commit();
        StateRoot = diff.PreviousRoot;
        BlockNumber = diff.PreviousBlock;
        _accountTrie = OpenAccountTrie(StateRoot);
        _commitsSinceReopen = 0;
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
