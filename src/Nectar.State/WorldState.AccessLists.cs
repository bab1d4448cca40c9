using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.State;

public sealed partial class WorldState
{
    /// <summary>Whether the address is in the transaction's access set (EIP-2929).</summary>
    /// <param name="address">The account.</param>
    /// <returns><see langword="true"/> when warm.</returns>
    public bool IsWarm(Address address) => GetAccount(address).WarmStamp == _transaction;

    /// <summary>Adds the address to the access set.</summary>
    /// <param name="address">The account.</param>
    /// <returns><see langword="true"/> when the address was cold (and is now warm).</returns>
    public bool WarmUp(Address address)
    {
        var account = GetAccount(address);
        if (account.WarmStamp == _transaction)
        {
            return false;
        }

        Append(JournalKind.WarmAccount, account);
        account.WarmStamp = _transaction;
        return true;
    }

    /// <summary>Whether the slot is in the transaction's access set.</summary>
    /// <param name="slot">A slot from <see cref="GetStorageSlot"/>.</param>
    /// <returns><see langword="true"/> when warm.</returns>
    public bool IsWarm(StorageSlot slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        return slot.WarmStamp == _transaction;
    }

    /// <summary>Adds the slot to the access set.</summary>
    /// <param name="slot">A slot from <see cref="GetStorageSlot"/>.</param>
    /// <returns><see langword="true"/> when the slot was cold (and is now warm).</returns>
    public bool WarmUp(StorageSlot slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        if (slot.WarmStamp == _transaction)
        {
            return false;
        }

        Append(JournalKind.WarmSlot, slot);
        slot.WarmStamp = _transaction;
        return true;
    }

    /// <summary>Adds a storage key to the access set.</summary>
    /// <param name="address">The account.</param>
    /// <param name="key">The slot key.</param>
    /// <returns><see langword="true"/> when the slot was cold.</returns>
    public bool WarmUp(Address address, in UInt256 key) => WarmUp(GetStorageSlot(address, key));

    /// <summary>Whether a storage key is in the access set.</summary>
    /// <param name="address">The account.</param>
    /// <param name="key">The slot key.</param>
    /// <returns><see langword="true"/> when warm.</returns>
    public bool IsWarm(Address address, in UInt256 key) => GetStorageSlot(address, key).WarmStamp == _transaction;
}
