namespace Nectar.State;

/// <summary>What a journal entry undoes.</summary>
internal enum JournalKind : byte
{
    /// <summary>The account did not exist before; undo makes it non-existent again.</summary>
    AccountCreated,

    /// <summary>The account was marked as created by this transaction (EIP-6780); undo restores the stamp.</summary>
    ContractCreated,

    /// <summary>Balance change; the entry holds the previous balance.</summary>
    Balance,

    /// <summary>Nonce change; the entry holds the previous nonce.</summary>
    Nonce,

    /// <summary>Code change; the entry holds a <see cref="CodeBackup"/>.</summary>
    Code,

    /// <summary>Storage write; the entry holds the slot and its previous value.</summary>
    Storage,

    /// <summary>A zero-value touch (EIP-158); nothing to restore but the account's dirtiness.</summary>
    Touch,

    /// <summary>Self-destruct mark; the entry holds the previous stamp.</summary>
    SelfDestruct,

    /// <summary>An address was added to the access list.</summary>
    WarmAccount,

    /// <summary>A storage key was added to the access list.</summary>
    WarmSlot,

    /// <summary>Transient storage write; the entry holds the cell and its previous value.</summary>
    Transient,

    /// <summary>A log was appended.</summary>
    Log,

    /// <summary>Refund counter change; the entry holds the previous counter.</summary>
    Refund,
}
