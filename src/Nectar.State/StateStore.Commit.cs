using Nectar.Core.Hashing;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Trie;

namespace Nectar.State;

public sealed partial class StateStore
{
    /// <summary>
    /// Commits a block's changes in one write batch: each changed account's storage trie (in parallel when many
    /// changed), then the account trie, the flat entries, new code, the reverse diff and the head.
    /// </summary>
    /// <param name="changes">The block's net changes (from <see cref="WorldState.CollectChanges"/>); each change's
    /// <see cref="AccountChange.Account"/> receives the recomputed storage root.</param>
    /// <param name="blockNumber">The block the changes belong to; must follow the last committed block.</param>
    /// <returns>The new state root.</returns>
    /// <exception cref="ArgumentException">The block number does not follow the last committed one.</exception>
    public Hash256 Commit(IReadOnlyList<AccountChange> changes, ulong blockNumber)
    {
        using var batch = _database.CreateWriteBatch();
        var staged = StageCommit(changes, blockNumber, batch);
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
        return staged.StateRoot;
    }

    /// <summary>
    /// Writes a block's changes into a caller's write batch, exactly as <see cref="Commit"/> would, without writing
    /// the batch: the caller adds its own entries (the block, its receipts) and writes everything at once, then calls
    /// <see cref="Apply"/>; if the batch is not written, it calls <see cref="Abandon"/>. Until one of them is called,
    /// no other commit or roll back may start.
    /// </summary>
    /// <param name="changes">The block's net changes (from <see cref="WorldState.CollectChanges"/>); each change's
    /// <see cref="AccountChange.Account"/> receives the recomputed storage root.</param>
    /// <param name="blockNumber">The block the changes belong to; must follow the last committed block.</param>
    /// <param name="batch">A batch of this store's database; it receives the state's writes.</param>
    /// <returns>The staged commit, carrying the new state root.</returns>
    /// <exception cref="ArgumentException">The block number does not follow the last committed one.</exception>
    /// <exception cref="InvalidOperationException">Another staged change is still pending.</exception>
    public StagedStateChange StageCommit(IReadOnlyList<AccountChange> changes, ulong blockNumber, Db.IWriteBatch batch)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(batch);
        ThrowIfStaged();
        if (BlockNumber is { } last && blockNumber != last + 1)
        {
            throw new ArgumentException($"Block {blockNumber} does not follow the last committed block {last}.", nameof(blockNumber));
        }

        try
        {
            var root = WriteCommit(changes, blockNumber, batch);
            return Stage(new StagedStateChange(root, blockNumber));
        }
        catch
        {
            // The account trie may hold part of the block's updates; it must go back to the committed root.
            ReopenAccountTrie();
            throw;
        }
    }

    private Hash256 WriteCommit(IReadOnlyList<AccountChange> changes, ulong blockNumber, Db.IWriteBatch batch)
    {
        var diff = new StateDiff(StateRoot, BlockNumber);

        // Storage tries first: every account's root must be known before the account trie is updated.
        var storageTries = new SecureTrie?[changes.Count];
        var previousAccounts = new byte[]?[changes.Count];
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            previousAccounts[i] = _accounts.Get(change.Address.Bytes);
            if (change.Account is null || (change.Storage.Count == 0 && !change.StorageWiped))
            {
                continue;
            }

            var oldRoot = previousAccounts[i] is { } encoded && !change.StorageWiped
                ? Account.Decode(encoded).StorageRoot
                : Hash256.EmptyTrieRoot;
            var trie = OpenTrie(oldRoot);
            foreach (var (slot, value) in change.Storage)
            {
                var key = slot.ToBigEndian();
                if (value.IsZero)
                {
                    trie.Delete(key);
                }
                else
                {
                    trie.Set(key, StorageTrieValue(value));
                }
            }

            storageTries[i] = trie;
        }

        ComputeStorageRoots(storageTries);

        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            WriteStorage(batch, diff, change);
            if (change.Code is { } code)
            {
                var hash = Keccak256.Compute(code);
                if (!_code.Has(hash.Bytes))
                {
                    batch.Put(_code, hash.Bytes, code);
                }
            }

            var accountKey = Keccak256.Compute(change.Address.Bytes);
            diff.Entries.Add((StateDiff.AccountColumn, change.Address.ToArray(), previousAccounts[i]));
            if (change.Account is { } account)
            {
                if (storageTries[i] is { } trie)
                {
                    account = account.WithStorageRoot(trie.Commit(batch));
                }
                else if (previousAccounts[i] is { } encoded && !change.StorageWiped)
                {
                    account = account.WithStorageRoot(Account.Decode(encoded).StorageRoot);
                }
                else
                {
                    account = account.WithStorageRoot(Hash256.EmptyTrieRoot);
                }

                change.Account = account;
                var rlp = account.Encode();
                batch.Put(_accounts, change.Address.Bytes, rlp);
                _accountTrie.Trie.Set(accountKey.Bytes, rlp);
            }
            else
            {
                batch.Delete(_accounts, change.Address.Bytes);
                _accountTrie.Trie.Delete(accountKey.Bytes);
            }
        }

        var root = _accountTrie.Commit(batch);
        batch.Put(_history, StateDiff.BlockKey(blockNumber), diff.Encode());
        batch.Put(_meta, HeadKey, HeadValue(root, blockNumber));
        return root;
    }

    private static void ComputeStorageRoots(SecureTrie?[] tries)
    {
        var count = 0;
        foreach (var trie in tries)
        {
            count += trie is null ? 0 : 1;
        }

        if (count >= ParallelStorageTries)
        {
            // Each trie is used by one thread; RootHash caches the hashes that Commit then writes.
            Parallel.For(0, tries.Length, i => _ = tries[i]?.RootHash);
        }
    }

    private void WriteStorage(Db.IWriteBatch batch, StateDiff diff, AccountChange change)
    {
        HashSet<UInt256>? wiped = null;
        if (change.StorageWiped)
        {
            wiped = [];
            using var cursor = _storage.ScanPrefix(change.Address.Bytes);
            while (cursor.MoveNext())
            {
                var key = cursor.Key.ToArray();
                wiped.Add(new UInt256(key.AsSpan(Address.Length)));
                diff.Entries.Add((StateDiff.StorageColumn, key, cursor.Value.ToArray()));
                batch.Delete(_storage, key);
            }
        }

        foreach (var (slot, value) in change.Storage)
        {
            var key = StorageKey(change.Address, slot);
            if (wiped is null)
            {
                diff.Entries.Add((StateDiff.StorageColumn, key, _storage.Get(key)));
            }
            else if (!wiped.Contains(slot))
            {
                // The wipe above recorded the old values; a slot the block created records its absence.
                diff.Entries.Add((StateDiff.StorageColumn, key, null));
            }

            if (value.IsZero)
            {
                batch.Delete(_storage, key);
            }
            else
            {
                batch.Put(_storage, key, TrimmedBigEndian(value));
            }
        }
    }
}
