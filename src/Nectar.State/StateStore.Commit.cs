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
        ArgumentNullException.ThrowIfNull(changes);
        if (BlockNumber is { } last && blockNumber != last + 1)
        {
            throw new ArgumentException($"Block {blockNumber} does not follow the last committed block {last}.", nameof(blockNumber));
        }

        var diff = new StateDiff(StateRoot, BlockNumber);
        using var batch = _database.CreateWriteBatch();

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
            var trie = oldRoot == Hash256.EmptyTrieRoot ? new SecureTrie(_nodes) : new SecureTrie(_nodes, oldRoot);
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
        batch.Commit();

        StateRoot = root;
        BlockNumber = blockNumber;
        if (++_commitsSinceReopen >= TrieReopenInterval)
        {
            // Let the nodes the account trie loaded go; the next block reads what it needs again.
            _accountTrie = OpenAccountTrie(root);
            _commitsSinceReopen = 0;
        }

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
