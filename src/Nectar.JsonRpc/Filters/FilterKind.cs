namespace Nectar.JsonRpc.Filters;

/// <summary>What an installed filter collects.</summary>
internal enum FilterKind
{
    /// <summary>New logs matching criteria (<c>eth_newFilter</c>).</summary>
    Logs = 0,

    /// <summary>Hashes of new blocks (<c>eth_newBlockFilter</c>).</summary>
    Blocks = 1,

    /// <summary>Pending transactions (<c>eth_newPendingTransactionFilter</c>); always empty, see the design note.</summary>
    PendingTransactions = 2,
}
