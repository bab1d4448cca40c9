namespace Nectar.State;

public sealed partial class StateStore
{
    private StagedStateChange? _staged;

    /// <summary>
    /// Moves the head to a staged change once the caller's batch holding it is written: the state root and block
    /// number become the staged ones.
    /// </summary>
    /// <param name="staged">The change from <see cref="StageCommit"/> or <see cref="StageRollBack(ulong, Db.IWriteBatch)"/>.</param>
    /// <exception cref="InvalidOperationException">The change is not the one pending in this store.</exception>
    public void Apply(StagedStateChange staged)
    {
        Release(staged);
        var rolledBack = BlockNumber is { } previous && (staged.BlockNumber is null || staged.BlockNumber < previous);
        StateRoot = staged.StateRoot;
        BlockNumber = staged.BlockNumber;
        if (rolledBack)
        {
            // The trie object holds the undone blocks' nodes; the parent root leads to the stored ones.
            ReopenAccountTrie();
        }
        else if (++_commitsSinceReopen >= TrieReopenInterval)
        {
            // Let the nodes the account trie loaded go; the next block reads what it needs again.
            ReopenAccountTrie();
        }
    }

    /// <summary>Drops a staged change whose batch was not written: the store stays at its head, as if nothing was staged.</summary>
    /// <param name="staged">The change from <see cref="StageCommit"/> or <see cref="StageRollBack(ulong, Db.IWriteBatch)"/>.</param>
    /// <exception cref="InvalidOperationException">The change is not the one pending in this store.</exception>
    public void Abandon(StagedStateChange staged)
    {
        Release(staged);

        // A staged commit updated the account trie in memory and marked its new nodes as written; neither holds now.
        ReopenAccountTrie();
    }

    private StagedStateChange Stage(StagedStateChange staged)
    {
        _staged = staged;
        return staged;
    }

    private void Release(StagedStateChange staged)
    {
        ArgumentNullException.ThrowIfNull(staged);
        if (!ReferenceEquals(staged, _staged))
        {
            throw new InvalidOperationException("The staged change is not the one pending in this store.");
        }

        _staged = null;
    }

    private void ThrowIfStaged()
    {
        if (_staged is not null)
        {
            throw new InvalidOperationException("A staged change is pending: apply or abandon it first.");
        }
    }

    private void ReopenAccountTrie()
    {
        _accountTrie = OpenTrie(StateRoot);
        _commitsSinceReopen = 0;
    }
}
