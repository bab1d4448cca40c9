using System.Runtime.InteropServices;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.State;

public sealed partial class WorldState
{
    /// <summary>
    /// Looks a storage slot up (reading it from the store on first use) and returns its handle, whose
    /// <see cref="StorageSlot.Current"/> and <see cref="StorageSlot.Original"/> SSTORE pricing needs.
    /// </summary>
    /// <param name="address">The account.</param>
    /// <param name="key">The slot key.</param>
    /// <returns>The slot; valid for the rest of the block.</returns>
    public StorageSlot GetStorageSlot(Address address, in UInt256 key)
    {
        var account = GetAccount(address);
        var storage = account.Storage ??= [];
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(storage, key, out var cached);
        if (!cached)
        {
            var committed = account.StorageWiped || !account.CommittedExists || !account.Committed.HasStorage
                ? UInt256.Zero
                : _reader.GetStorage(address, key);
            slot = new StorageSlot(account, key, committed);
        }

        var found = slot!;
        if (found.TransactionStamp != _transaction)
        {
            // First use in this transaction: the current value is the transaction's original value.
            found.OriginalValue = found.CurrentValue;
            found.TransactionStamp = _transaction;
        }

        return found;
    }

    /// <summary>The current value of a storage slot.</summary>
    /// <param name="address">The account.</param>
    /// <param name="key">The slot key.</param>
    /// <returns>The value (zero when never written).</returns>
    public UInt256 GetStorage(Address address, in UInt256 key) => GetStorageSlot(address, key).CurrentValue;

    /// <summary>Writes a storage slot; writing the value it already holds changes (and touches) nothing.</summary>
    /// <param name="slot">A slot from <see cref="GetStorageSlot"/>.</param>
    /// <param name="value">The new value.</param>
    public void SetStorage(StorageSlot slot, in UInt256 value)
    {
        ArgumentNullException.ThrowIfNull(slot);
        if (slot.CurrentValue == value)
        {
            return;
        }

        ref var entry = ref AppendDirty(JournalKind.Storage, slot.Owner);
        entry.Target = slot;
        entry.Value = slot.CurrentValue;
        slot.CurrentValue = value;
    }

    /// <summary>Writes a storage slot by address and key.</summary>
    /// <param name="address">The account.</param>
    /// <param name="key">The slot key.</param>
    /// <param name="value">The new value.</param>
    public void SetStorage(Address address, in UInt256 key, in UInt256 value) => SetStorage(GetStorageSlot(address, key), value);
}
