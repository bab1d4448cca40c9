using Nectar.State;

namespace Nectar.Chain.Persistence;

/// <summary>
/// The database columns the <see cref="ChainStore"/> keeps blocks in. A node opens its database with
/// <see cref="AllWithState"/>: these and every column of <see cref="StateColumns.All"/>, so one write batch covers a
/// block and its state.
/// </summary>
public static class ChainColumns
{
    /// <summary>Headers by block hash: hash (32 bytes) to the header's RLP.</summary>
    public const string Headers = "chain-headers";

    /// <summary>Bodies by block hash: hash to <c>rlp([transactions, ommers, withdrawals?])</c>, transactions as in a block.</summary>
    public const string Bodies = "chain-bodies";

    /// <summary>The canonical chain: big-endian block number (8 bytes) to the block hash.</summary>
    public const string Canonical = "chain-canonical";

    /// <summary>Receipts by block hash: hash to the list of the block's receipts without their blooms (recomputed on read).</summary>
    public const string Receipts = "chain-receipts";

    /// <summary>Recovered senders by block hash: hash to the transactions' senders, 20 bytes each, in block order.</summary>
    public const string Senders = "chain-senders";

    /// <summary>Where each canonical transaction is: transaction hash to block hash, big-endian number and index (44 bytes).</summary>
    public const string Transactions = "chain-transactions";

    /// <summary>The chain's pointers: the head and genesis hashes and the layout version.</summary>
    public const string Meta = "chain-meta";

    /// <summary>Every chain column.</summary>
    public static IReadOnlyList<string> All { get; } = [Headers, Bodies, Canonical, Receipts, Senders, Transactions, Meta];

    /// <summary>Every chain column and every state column: what a node's database is opened with.</summary>
    public static IReadOnlyList<string> AllWithState { get; } = [.. All, .. StateColumns.All];
}
