using Nectar.Core.Primitives;
using Nectar.Core.Specs;
using Nectar.Core.Transactions;

namespace Nectar.Chain.TxPool;

/// <summary>What changed with a new head, for <see cref="TransactionPool.OnNewHead"/>.</summary>
public sealed class PoolHeadUpdate
{
    /// <summary>The transactions the new block included; they leave the pool and their senders are re-checked.</summary>
    public IReadOnlyList<Transaction> IncludedTransactions { get; init; } = [];

    /// <summary>
    /// Accounts whose balance, nonce or code the block may have changed beyond the senders of
    /// <see cref="IncludedTransactions"/> (recipients of value, delegated accounts whose code ran); the block's touched
    /// accounts are right. When one of them is an account the admission depends on (the registry), every pooled sender
    /// is re-checked. <see langword="null"/>, the default, re-checks every sender in the pool, which is always correct
    /// and costs one state read and an admission check per pooled transaction.
    /// </summary>
    public IReadOnlyCollection<Address>? ChangedAccounts { get; init; }

    /// <summary>The new block gas limit, or <see langword="null"/> when it did not change.</summary>
    public ulong? BlockGasLimit { get; init; }

    /// <summary>The fork of the next block, or <see langword="null"/> when it did not change.</summary>
    public ForkSpec? Spec { get; init; }
}
