using System.Runtime.InteropServices;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Receipts;

namespace Nectar.State;

public sealed partial class WorldState
{
    private readonly Dictionary<StorageCell, TransientSlot> _transient = [];
    private readonly List<LogEntry> _logs = [];
    private long _refund;

    /// <summary>The logs of the current transaction, in emission order (reverted calls' logs removed).</summary>
    public IReadOnlyList<LogEntry> Logs => _logs;

    /// <summary>The refund counter of the current transaction (before the end-of-transaction cap).</summary>
    public long Refund => _refund;

    /// <summary>Reads transient storage (EIP-1153); zero unless written in this transaction.</summary>
    /// <param name="address">The account.</param>
    /// <param name="key">The slot key.</param>
    /// <returns>The value.</returns>
    public UInt256 GetTransientStorage(Address address, in UInt256 key) =>
        _transient.TryGetValue(new StorageCell(address, key), out var slot) ? slot.Value : UInt256.Zero;

    /// <summary>Writes transient storage; the value lasts until the transaction ends and reverts with its call.</summary>
    /// <param name="address">The account.</param>
    /// <param name="key">The slot key.</param>
    /// <param name="value">The value.</param>
    public void SetTransientStorage(Address address, in UInt256 key, in UInt256 value)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_transient, new StorageCell(address, key), out var exists);
        if (!exists)
        {
            slot = new TransientSlot();
        }

        var cell = slot!;
        if (cell.Value == value)
        {
            return;
        }

        ref var entry = ref Append(JournalKind.Transient, cell);
        entry.Value = cell.Value;
        cell.Value = value;
    }

    /// <summary>Appends a log; it is removed again if its call reverts.</summary>
    /// <param name="log">The log.</param>
    public void AddLog(LogEntry log)
    {
        ArgumentNullException.ThrowIfNull(log);
        _logs.Add(log);
        Append(JournalKind.Log, log);
    }

    /// <summary>Adds to the refund counter.</summary>
    /// <param name="gas">The gas to refund.</param>
    public void AddRefund(long gas)
    {
        ref var entry = ref Append(JournalKind.Refund, null);
        entry.Number = _refund;
        _refund += gas;
    }

    /// <summary>Subtracts from the refund counter (EIP-2200 takes back refunds when a slot is rewritten).</summary>
    /// <param name="gas">The gas to take back.</param>
    public void SubtractRefund(long gas)
    {
        ref var entry = ref Append(JournalKind.Refund, null);
        entry.Number = _refund;
        _refund -= gas;
    }
}
