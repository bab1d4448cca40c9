using Nectar.Core.Hashing;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.State;

public sealed partial class WorldState
{
    /// <summary>Whether the account exists (it may still be empty).</summary>
    /// <param name="address">The account.</param>
    /// <returns><see langword="true"/> when the account exists.</returns>
    public bool Exists(Address address) => GetAccount(address).Exists;

    /// <summary>Whether the account is dead: it does not exist, or it is empty per EIP-161.</summary>
    /// <param name="address">The account.</param>
    /// <returns><see langword="true"/> for a missing or empty account.</returns>
    public bool IsDead(Address address)
    {
        var account = GetAccount(address);
        return !account.Exists || account.IsEmpty;
    }

    /// <summary>Whether the account exists and is empty (no nonce, balance or code).</summary>
    /// <param name="address">The account.</param>
    /// <returns><see langword="true"/> for an existing empty account.</returns>
    public bool IsEmptyAccount(Address address)
    {
        var account = GetAccount(address);
        return account.Exists && account.IsEmpty;
    }

    /// <summary>The balance; zero for a missing account.</summary>
    /// <param name="address">The account.</param>
    /// <returns>The balance in wei.</returns>
    public UInt256 GetBalance(Address address) => GetAccount(address).Balance;

    /// <summary>The nonce; zero for a missing account.</summary>
    /// <param name="address">The account.</param>
    /// <returns>The nonce.</returns>
    public ulong GetNonce(Address address) => GetAccount(address).Nonce;

    /// <summary>The code hash; the hash of empty code for a missing account or one without code.</summary>
    /// <param name="address">The account.</param>
    /// <returns>The Keccak-256 of the code.</returns>
    public Hash256 GetCodeHash(Address address) => GetAccount(address).CodeHash;

    /// <summary>The code; empty for a missing account or one without code. The array must not be modified.</summary>
    /// <param name="address">The account.</param>
    /// <returns>The code.</returns>
    /// <exception cref="InvalidOperationException">The store lacks the code the account's hash names.</exception>
    public byte[] GetCode(Address address)
    {
        var account = GetAccount(address);
        return account.Code ?? LoadCode(account);
    }

    /// <summary>Whether the account holds storage (a collision for contract creation, EIP-7610).</summary>
    /// <param name="address">The account.</param>
    /// <returns><see langword="true"/> when any slot may be non-zero.</returns>
    public bool HasStorage(Address address) => GetAccount(address).HasStorage();

    /// <summary>Creates the account, empty, unless it exists already.</summary>
    /// <param name="address">The account.</param>
    public void CreateAccount(Address address) => EnsureExists(GetAccount(address));

    /// <summary>
    /// Records that a contract is being created at the address in this transaction (creating the account if
    /// needed), which lets SELFDESTRUCT delete it under EIP-6780.
    /// </summary>
    /// <param name="address">The new contract's address.</param>
    public void MarkCreated(Address address)
    {
        var account = GetAccount(address);
        EnsureExists(account);
        if (account.CreatedStamp != _transaction)
        {
            ref var entry = ref Append(JournalKind.ContractCreated, account);
            entry.Number = account.CreatedStamp;
            account.CreatedStamp = _transaction;
        }
    }

    /// <summary>Whether the account was created by the current transaction.</summary>
    /// <param name="address">The account.</param>
    /// <returns><see langword="true"/> when created in this transaction and not reverted.</returns>
    public bool IsCreatedInTransaction(Address address) => GetAccount(address).CreatedStamp == _transaction;

    /// <summary>
    /// Adds to the balance, creating the account if needed. Adding zero to an empty account touches it, so EIP-158
    /// deletes it at the end of the transaction.
    /// </summary>
    /// <param name="address">The account.</param>
    /// <param name="value">The amount in wei.</param>
    public void AddBalance(Address address, in UInt256 value)
    {
        var account = GetAccount(address);
        EnsureExists(account);
        if (value.IsZero)
        {
            if (account.IsEmpty)
            {
                AppendDirty(JournalKind.Touch, account);
            }

            return;
        }

        ref var entry = ref AppendDirty(JournalKind.Balance, account);
        entry.Value = account.Balance;
        account.Balance = account.Balance + value;
    }

    /// <summary>Subtracts from the balance; subtracting zero changes nothing and touches nothing.</summary>
    /// <param name="address">The account.</param>
    /// <param name="value">The amount in wei, at most the balance.</param>
    /// <exception cref="InvalidOperationException">The balance is lower than <paramref name="value"/>.</exception>
    public void SubtractBalance(Address address, in UInt256 value)
    {
        if (value.IsZero)
        {
            return;
        }

        var account = GetAccount(address);
        if (account.Balance < value)
        {
            throw new InvalidOperationException($"Balance of {address} is lower than {value}.");
        }

        ref var entry = ref AppendDirty(JournalKind.Balance, account);
        entry.Value = account.Balance;
        account.Balance = account.Balance - value;
    }

    /// <summary>Moves value between accounts (creating the recipient if needed; a zero transfer touches it).</summary>
    /// <param name="from">The payer, whose balance covers <paramref name="value"/>.</param>
    /// <param name="to">The payee.</param>
    /// <param name="value">The amount in wei.</param>
    public void Transfer(Address from, Address to, in UInt256 value)
    {
        SubtractBalance(from, value);
        AddBalance(to, value);
    }

    /// <summary>Sets the nonce, creating the account if needed.</summary>
    /// <param name="address">The account.</param>
    /// <param name="nonce">The new nonce.</param>
    public void SetNonce(Address address, ulong nonce)
    {
        var account = GetAccount(address);
        EnsureExists(account);
        ref var entry = ref AppendDirty(JournalKind.Nonce, account);
        entry.Number = (long)account.Nonce;
        account.Nonce = nonce;
    }

    /// <summary>Adds one to the nonce, creating the account if needed.</summary>
    /// <param name="address">The account.</param>
    /// <exception cref="OverflowException">The nonce is already 2^64 - 1.</exception>
    public void IncrementNonce(Address address) => SetNonce(address, checked(GetAccount(address).Nonce + 1));

    /// <summary>Sets the code, creating the account if needed.</summary>
    /// <param name="address">The account.</param>
    /// <param name="code">The code; kept, not copied, so it must not be modified afterwards.</param>
    public void SetCode(Address address, byte[] code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var account = GetAccount(address);
        EnsureExists(account);
        ref var entry = ref AppendDirty(JournalKind.Code, account);
        entry.Extra = new CodeBackup(account.CodeHash, account.Code, account.CodeChanged);
        account.CodeHash = code.Length == 0 ? Keccak256.OfEmpty : Keccak256.Compute(code);
        account.Code = code;
        account.CodeChanged = true;
    }

    /// <summary>Marks the account as self-destructed; it is deleted when the transaction commits.</summary>
    /// <param name="address">The account.</param>
    public void MarkSelfDestructed(Address address)
    {
        var account = GetAccount(address);
        if (account.DestructedStamp == _transaction)
        {
            return;
        }

        ref var entry = ref AppendDirty(JournalKind.SelfDestruct, account);
        entry.Number = account.DestructedStamp;
        account.DestructedStamp = _transaction;
    }

    /// <summary>Whether the account self-destructed in the current transaction.</summary>
    /// <param name="address">The account.</param>
    /// <returns><see langword="true"/> when marked and not reverted.</returns>
    public bool IsSelfDestructed(Address address) => GetAccount(address).DestructedStamp == _transaction;

    /// <summary>Returns the account as it stands now, or <see langword="null"/> when it does not exist.</summary>
    /// <param name="address">The account.</param>
    /// <returns>The account with its committed storage root (storage changes of this block are not rehashed).</returns>
    public Account? GetAccountSnapshot(Address address)
    {
        var account = GetAccount(address);
        if (!account.Exists)
        {
            return null;
        }

        var root = account.StorageWiped || !account.CommittedExists ? Hash256.EmptyTrieRoot : account.Committed.StorageRoot;
        return new Account(account.Nonce, account.Balance, root, account.CodeHash);
    }

    private void EnsureExists(AccountObject account)
    {
        if (!account.Exists)
        {
            AppendDirty(JournalKind.AccountCreated, account);
            account.Exists = true;
        }
    }

    private byte[] LoadCode(AccountObject account)
    {
        if (account.CodeHash == Keccak256.OfEmpty)
        {
            account.Code = [];
            return account.Code;
        }

        var code = _reader.GetCode(account.CodeHash)
            ?? throw new InvalidOperationException($"Code {account.CodeHash} of {account.Address} is missing from the store.");
        account.Code = code;
        return code;
    }
}
