using Nectar.Core.Numerics;

namespace Nectar.State;

/// <summary>One undo record. Entries live in a growable array; a snapshot is an index into it.</summary>
internal struct JournalEntry
{
    public JournalKind Kind;

    /// <summary>The account, slot or transient cell the entry restores.</summary>
    public object? Target;

    /// <summary>A previous 256-bit value (balance, storage or transient value).</summary>
    public UInt256 Value;

    /// <summary>A previous integer (nonce, stamp or refund counter).</summary>
    public long Number;

    /// <summary>A previous code (<see cref="CodeBackup"/>) where the kind needs one.</summary>
    public object? Extra;
}
