using Nectar.Core.Hashing;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.State;

/// <summary>
/// The mutable, cached copy of one account inside a <see cref="WorldState"/>: its committed value (as read from
/// the store at the start of the block), its current value, its cached storage slots and the per-transaction
/// stamps (warm, created, self-destructed) that avoid clearing sets between transactions.
/// </summary>
internal sealed class AccountObject
{
    public AccountObject(Address address, bool committedExists, in Account committed)
    {
        Address = address;
        CommittedExists = committedExists;
        Committed = committed;
        Exists = committedExists;
        if (committedExists)
        {
            Nonce = committed.Nonce;
            Balance = committed.Balance;
            CodeHash = committed.CodeHash;
        }
        else
        {
            CodeHash = Keccak256.OfEmpty;
        }
    }

    public Address Address { get; }

    /// <summary>Whether the store holds this account (as of the last block commit).</summary>
    public bool CommittedExists;

    /// <summary>The store's value of this account (as of the last block commit).</summary>
    public Account Committed;

    public bool Exists;
    public ulong Nonce;
    public UInt256 Balance;
    public Hash256 CodeHash;

    /// <summary>The code, loaded lazily; <see langword="null"/> until first read.</summary>
    public byte[]? Code;

    /// <summary>Whether the code changed in this block (so the store must save it).</summary>
    public bool CodeChanged;

    /// <summary>
    /// Set when the account was deleted during the block: the store's storage no longer applies, every slot not in
    /// <see cref="Storage"/> reads as zero, and the block commit clears the stored storage first.
    /// </summary>
    public bool StorageWiped;

    public Dictionary<UInt256, StorageSlot>? Storage;

    /// <summary>Journal entries of the current transaction that changed or touched this account (EIP-158 "touched").</summary>
    public int DirtyCount;

    public int ListedStamp;
    public int WarmStamp;
    public int CreatedStamp;
    public int DestructedStamp;

    /// <summary>Whether the account is in the block's list of changed accounts.</summary>
    public bool InBlockChanges;

    public bool IsEmpty => Nonce == 0 && Balance.IsZero && CodeHash == Keccak256.OfEmpty;

    /// <summary>Whether the account holds any storage: in the store (unless wiped) or in a cached non-zero slot.</summary>
    public bool HasStorage()
    {
        if (!StorageWiped && CommittedExists && Committed.HasStorage)
        {
            // A slot cleared in this block does not make the stored storage empty: only a full scan could tell,
            // and a contract that still has a stored root almost always still has storage.
            return true;
        }

        if (Storage is not null)
        {
            foreach (var slot in Storage.Values)
            {
                if (!slot.CurrentValue.IsZero)
                {
                    return true;
                }
            }
        }

        return false;
    }

    public void ResetToNonExistent()
    {
        Exists = false;
        Nonce = 0;
        Balance = UInt256.Zero;
        if (CodeHash != Keccak256.OfEmpty)
        {
            CodeHash = Keccak256.OfEmpty;
            Code = [];
            CodeChanged = true;
        }

        StorageWiped = true;
        if (Storage is not null)
        {
            foreach (var slot in Storage.Values)
            {
                slot.CurrentValue = UInt256.Zero;
                slot.OriginalValue = UInt256.Zero;
            }
        }
    }
}
