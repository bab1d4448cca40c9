using Nectar.Core.Hashing;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.State;

public sealed partial class WorldState
{
    /// <summary>
    /// Ends the current transaction: deletes self-destructed accounts and, when <paramref name="deleteEmptyAccounts"/>
    /// (EIP-158), every touched account that is empty; then clears the journal, logs, refund counter, transient
    /// storage and the per-transaction sets. Read <see cref="Logs"/> and <see cref="Refund"/> before calling.
    /// </summary>
    /// <param name="deleteEmptyAccounts">Whether EIP-158 state clearing applies.</param>
    public void CommitTransaction(bool deleteEmptyAccounts)
    {
        foreach (var account in _transactionDirty)
        {
            if (account.DirtyCount > 0)
            {
                if (account.DestructedStamp == _transaction || (deleteEmptyAccounts && account.Exists && account.IsEmpty))
                {
                    account.ResetToNonExistent();
                }

                if (!account.InBlockChanges)
                {
                    account.InBlockChanges = true;
                    _blockChanges.Add(account);
                }
            }

            account.DirtyCount = 0;
        }

        EndTransaction();
    }

    /// <summary>Undoes everything the current transaction did and ends it.</summary>
    public void RollbackTransaction()
    {
        Restore(0);
        foreach (var account in _transactionDirty)
        {
            account.DirtyCount = 0;
        }

        EndTransaction();
    }

    /// <summary>
    /// The accounts the block's committed transactions touched so far: a superset of those
    /// <see cref="CollectChanges"/> lists (an account changed and changed back is here too), in the order they were
    /// first touched. Call before the block is committed; what reacts to a block (the transaction pool) re-checks these.
    /// </summary>
    /// <returns>A copy of the addresses.</returns>
    public Address[] TouchedAccounts()
    {
        var addresses = new Address[_blockChanges.Count];
        for (var i = 0; i < addresses.Length; i++)
        {
            addresses[i] = _blockChanges[i].Address;
        }

        return addresses;
    }

    /// <summary>
    /// Lists the block's net changes: every account changed by a committed transaction whose value, code or
    /// storage differs from the committed state. Call after the last <see cref="CommitTransaction"/>.
    /// </summary>
    /// <returns>The changes, in the order the accounts were first changed.</returns>
    public IReadOnlyList<AccountChange> CollectChanges()
    {
        var changes = new List<AccountChange>(_blockChanges.Count);
        foreach (var account in _blockChanges)
        {
            var slots = new List<KeyValuePair<UInt256, UInt256>>();
            if (account.Storage is not null)
            {
                foreach (var slot in account.Storage.Values)
                {
                    var changed = account.StorageWiped ? !slot.CurrentValue.IsZero : slot.CurrentValue != slot.CommittedValue;
                    if (changed)
                    {
                        slots.Add(new KeyValuePair<UInt256, UInt256>(slot.Key, slot.CurrentValue));
                    }
                }
            }

            var wiped = account.StorageWiped && account.CommittedExists && account.Committed.HasStorage;
            Account? value = null;
            if (account.Exists)
            {
                var root = account.StorageWiped || !account.CommittedExists ? Hash256.EmptyTrieRoot : account.Committed.StorageRoot;
                value = new Account(account.Nonce, account.Balance, root, account.CodeHash);
            }

            var unchanged = slots.Count == 0 && !wiped && !account.CodeChanged
                && account.Exists == account.CommittedExists && (!account.Exists || value!.Value == account.Committed);
            if (unchanged)
            {
                continue;
            }

            var code = account.CodeChanged && account.Exists && account.CodeHash != Keccak256.OfEmpty ? account.Code : null;
            changes.Add(new AccountChange(account.Address, value, wiped, code, slots));
        }

        return changes;
    }

    /// <summary>
    /// Makes the cache agree with the store after <paramref name="changes"/> (from <see cref="CollectChanges"/>) were
    /// committed: committed values become the current ones, so the next block starts clean without reloading.
    /// </summary>
    /// <param name="changes">The committed changes, their accounts carrying the recomputed storage roots.</param>
    public void AcceptCommitted(IReadOnlyList<AccountChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes)
        {
            if (_accounts.TryGetValue(change.Address, out var account))
            {
                account.CommittedExists = change.Account.HasValue;
                account.Committed = change.Account ?? default;
            }
        }

        foreach (var account in _blockChanges)
        {
            account.InBlockChanges = false;
            account.CodeChanged = false;
            if (account.StorageWiped)
            {
                account.StorageWiped = false;
                if (!account.CommittedExists)
                {
                    account.Committed = default;
                }
            }

            if (account.Storage is not null)
            {
                foreach (var slot in account.Storage.Values)
                {
                    slot.CommittedValue = slot.CurrentValue;
                }
            }
        }

        _blockChanges.Clear();
    }

    /// <summary>
    /// Commits the block's changes to the store (one write batch, the state root computed once) and keeps the cache
    /// for the next block. Call after the last <see cref="CommitTransaction"/> of the block.
    /// </summary>
    /// <param name="store">The store this world state reads from.</param>
    /// <param name="blockNumber">The block number.</param>
    /// <returns>The new state root.</returns>
    public Hash256 CommitBlock(StateStore store, ulong blockNumber)
    {
        ArgumentNullException.ThrowIfNull(store);
        var changes = CollectChanges();
        var root = store.Commit(changes, blockNumber);
        AcceptCommitted(changes);
        return root;
    }

    /// <summary>
    /// Drops every cached account and slot, so later reads go to the store again (after the store was rolled back,
    /// or to bound memory between blocks). Uncommitted changes are lost.
    /// </summary>
    public void ClearCache()
    {
        RollbackTransaction();
        _accounts.Clear();
        _blockChanges.Clear();
        _last = null;
    }

    private void EndTransaction()
    {
        _transactionDirty.Clear();
        Array.Clear(_journal, 0, _journalLength);
        _journalLength = 0;
        _logs.Clear();
        _refund = 0;
        _transient.Clear();
        _transaction++;
    }
}
