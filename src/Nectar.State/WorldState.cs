using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Nectar.Core.Primitives;

namespace Nectar.State;

/// <summary>
/// The journaled state a block executes against: cached accounts and storage over an <see cref="IStateReader"/>,
/// with everything a transaction needs besides (original storage values for SSTORE pricing, transient storage,
/// EIP-2929 access sets, created-in-this-transaction and self-destruct marks, touched accounts, logs and the
/// refund counter).
/// </summary>
/// <remarks>
/// <para>
/// Every change appends an undo record to a journal. <see cref="Snapshot"/> returns the journal length and
/// <see cref="Restore"/> undoes the records after it, newest first, so a reverted call costs time in proportion
/// to what it changed and nothing is copied when a call starts. Access-list additions, logs and refunds are
/// journaled like state, so they roll back with the call that made them.
/// </para>
/// <para>
/// <see cref="CommitTransaction"/> ends a transaction (deleting self-destructed and, after EIP-158, touched
/// empty accounts); per-transaction sets are stamps compared with a transaction counter, so ending a
/// transaction clears them without visiting them. <see cref="CommitBlock"/> hands the block's net changes to the
/// <see cref="StateStore"/> (or <see cref="CollectChanges"/> lists them for another store).
/// </para>
/// <para>Not thread-safe: one block executes on one thread.</para>
/// </remarks>
public sealed partial class WorldState
{
    private static readonly Address Ripemd160Address = new([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3]);

    private readonly IStateReader _reader;
    private readonly Dictionary<Address, AccountObject> _accounts = [];
    private readonly List<AccountObject> _transactionDirty = [];
    private readonly List<AccountObject> _blockChanges = [];
    private JournalEntry[] _journal = new JournalEntry[256];
    private int _journalLength;
    private int _transaction = 1;
    private AccountObject? _last;

    /// <summary>Creates a world state over committed state.</summary>
    /// <param name="reader">Where accounts, storage and code are read on a cache miss.</param>
    public WorldState(IStateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _reader = reader;
    }

    /// <summary>The committed state this world state reads through.</summary>
    public IStateReader Reader => _reader;

    /// <summary>Marks the current point of the journal; pass it to <see cref="Restore"/> to undo what follows.</summary>
    /// <returns>The snapshot, an index into the journal.</returns>
    public int Snapshot() => _journalLength;

    /// <summary>Undoes every change made since <paramref name="snapshot"/> was taken, newest first.</summary>
    /// <param name="snapshot">A value returned by <see cref="Snapshot"/> in the current transaction.</param>
    /// <exception cref="ArgumentOutOfRangeException">The snapshot lies beyond the journal.</exception>
    public void Restore(int snapshot)
    {
        if ((uint)snapshot > (uint)_journalLength)
        {
            throw new ArgumentOutOfRangeException(nameof(snapshot), "The snapshot is not part of the current journal.");
        }

        for (var i = _journalLength - 1; i >= snapshot; i--)
        {
            Undo(ref _journal[i]);
            _journal[i] = default;
        }

        _journalLength = snapshot;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private AccountObject GetAccount(Address address)
    {
        var last = _last;
        if (last is not null && last.Address == address)
        {
            return last;
        }

        return GetAccountSlow(address);
    }

    private AccountObject GetAccountSlow(Address address)
    {
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_accounts, address, out var exists);
        if (!exists)
        {
            var found = _reader.TryGetAccount(address, out var account);
            entry = new AccountObject(address, found, account);
        }

        _last = entry;
        return entry!;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref JournalEntry Append(JournalKind kind, object? target)
    {
        if (_journalLength == _journal.Length)
        {
            Array.Resize(ref _journal, _journal.Length * 2);
        }

        ref var entry = ref _journal[_journalLength++];
        entry.Kind = kind;
        entry.Target = target;
        return ref entry;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref JournalEntry AppendDirty(JournalKind kind, AccountObject account)
    {
        account.DirtyCount++;
        if (account.ListedStamp != _transaction)
        {
            account.ListedStamp = _transaction;
            _transactionDirty.Add(account);
        }

        return ref Append(kind, account);
    }

    private void Undo(ref JournalEntry entry)
    {
        switch (entry.Kind)
        {
            case JournalKind.AccountCreated:
            {
                var account = (AccountObject)entry.Target!;
                account.Exists = false;
                account.DirtyCount--;
                break;
            }

            case JournalKind.ContractCreated:
                ((AccountObject)entry.Target!).CreatedStamp = (int)entry.Number;
                break;

            case JournalKind.Balance:
            {
                var account = (AccountObject)entry.Target!;
                account.Balance = entry.Value;
                account.DirtyCount--;
                break;
            }

            case JournalKind.Nonce:
            {
                var account = (AccountObject)entry.Target!;
                account.Nonce = (ulong)entry.Number;
                account.DirtyCount--;
                break;
            }

            case JournalKind.Code:
            {
                var account = (AccountObject)entry.Target!;
                var backup = (CodeBackup)entry.Extra!;
                account.CodeHash = backup.CodeHash;
                account.Code = backup.Code;
                account.CodeChanged = backup.CodeChanged;
                account.DirtyCount--;
                break;
            }

            case JournalKind.Storage:
            {
                var slot = (StorageSlot)entry.Target!;
                slot.CurrentValue = entry.Value;
                slot.Owner.DirtyCount--;
                break;
            }

            case JournalKind.Touch:
            {
                var account = (AccountObject)entry.Target!;

                // The RIPEMD-160 precompile stays touched through a revert: mainnet block 2,675,119 made that
                // consensus (the touch of an out-of-gas call to it survived), and every client reproduces it.
                if (account.Address != Ripemd160Address)
                {
                    account.DirtyCount--;
                }

                break;
            }

            case JournalKind.SelfDestruct:
            {
                var account = (AccountObject)entry.Target!;
                account.DestructedStamp = (int)entry.Number;
                account.DirtyCount--;
                break;
            }

            case JournalKind.WarmAccount:
                ((AccountObject)entry.Target!).WarmStamp = 0;
                break;

            case JournalKind.WarmSlot:
                ((StorageSlot)entry.Target!).WarmStamp = 0;
                break;

            case JournalKind.Transient:
                ((TransientSlot)entry.Target!).Value = entry.Value;
                break;

            case JournalKind.Log:
                _logs.RemoveAt(_logs.Count - 1);
                break;

            case JournalKind.Refund:
                _refund = entry.Number;
                break;

            default:
                throw new InvalidOperationException($"Unknown journal entry {entry.Kind}.");
        }
    }
}
