using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.State;

/// <summary>The net change of one account over a block, as the <see cref="WorldState"/> hands it to the store.</summary>
public sealed class AccountChange
{
    /// <summary>Creates a change record.</summary>
    /// <param name="address">The account.</param>
    /// <param name="account">
    /// The account after the block, or <see langword="null"/> when it was deleted (or never came to exist). Its
    /// storage root is the one before the block; the store replaces it with the recomputed root.
    /// </param>
    /// <param name="storageWiped">Whether all storage held before the block is gone (the account was deleted).</param>
    /// <param name="code">New code to store under the account's code hash, or <see langword="null"/> when unchanged.</param>
    /// <param name="storage">The slots whose value changed, with their new values (zero deletes a slot).</param>
    public AccountChange(Address address, Account? account, bool storageWiped, byte[]? code, IReadOnlyList<KeyValuePair<UInt256, UInt256>> storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        Address = address;
        Account = account;
        StorageWiped = storageWiped;
        Code = code;
        Storage = storage;
    }

    /// <summary>The account.</summary>
    public Address Address { get; }

    /// <summary>The account after the block (storage root updated by the store on commit), or null when deleted.</summary>
    public Account? Account { get; set; }

    /// <summary>Whether the account's storage before the block must be dropped before <see cref="Storage"/> applies.</summary>
    public bool StorageWiped { get; }

    /// <summary>New code to store, or <see langword="null"/>.</summary>
    public byte[]? Code { get; }

    /// <summary>Changed slots and their new values; zero removes the slot.</summary>
    public IReadOnlyList<KeyValuePair<UInt256, UInt256>> Storage { get; }
}
