using Nectar.Core.Numerics;

namespace Nectar.State;

/// <summary>
/// One cached storage slot of one account, as the <see cref="WorldState"/> tracks it. The interpreter looks a
/// slot up once per SLOAD or SSTORE and then reads its values and warmth from this handle; every change goes
/// through <see cref="WorldState.SetStorage(StorageSlot, in UInt256)"/> so it is journaled.
/// </summary>
public sealed class StorageSlot
{
    internal UInt256 CurrentValue;
    internal UInt256 OriginalValue;
    internal UInt256 CommittedValue;
    internal int TransactionStamp;
    internal int WarmStamp;

    internal StorageSlot(AccountObject owner, in UInt256 key, in UInt256 committed)
    {
        Owner = owner;
        Key = key;
        CommittedValue = committed;
        CurrentValue = committed;
        OriginalValue = committed;
    }

    /// <summary>The slot key.</summary>
    public UInt256 Key { get; }

    /// <summary>The value now, including changes made earlier in the transaction.</summary>
    public ref readonly UInt256 Current => ref CurrentValue;

    /// <summary>The value at the start of the current transaction (EIP-2200's "original value").</summary>
    public ref readonly UInt256 Original => ref OriginalValue;

    internal AccountObject Owner { get; }
}
