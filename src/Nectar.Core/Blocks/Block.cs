using System.Collections.Immutable;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;

namespace Nectar.Core.Blocks;

/// <summary>A block: its header and body (transactions, ommer headers and, from Shanghai, withdrawals).</summary>
public sealed class Block
{
    private readonly ImmutableArray<Transaction> _transactions = [];
    private readonly ImmutableArray<BlockHeader> _ommers = [];

    /// <summary>The header.</summary>
    public required BlockHeader Header { get; init; }

    /// <summary>The transactions, in execution order.</summary>
    public ImmutableArray<Transaction> Transactions
    {
        get => _transactions;
        init => _transactions = value.IsDefault ? [] : value;
    }

    /// <summary>The ommer (uncle) headers; empty since the Merge.</summary>
    public ImmutableArray<BlockHeader> Ommers
    {
        get => _ommers;
        init => _ommers = value.IsDefault ? [] : value;
    }

    /// <summary>The withdrawals from Shanghai on; <see langword="null"/> before (the body has no such list).</summary>
    public ImmutableArray<Withdrawal>? Withdrawals { get; init; }

    /// <summary>The block hash: the header's hash.</summary>
    public Hash256 Hash => Header.Hash;

    /// <summary>The block number.</summary>
    public ulong Number => Header.Number;

    /// <summary>The number, hash and transaction count, for diagnostics.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => $"Block {Number} {Hash} ({Transactions.Length} transactions)";
}
