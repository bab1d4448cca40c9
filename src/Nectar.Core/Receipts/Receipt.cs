using System.Collections.Immutable;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;

namespace Nectar.Core.Receipts;

/// <summary>
/// The consensus receipt of a transaction: its type, outcome (a status from Byzantium, the intermediate state
/// root before), the cumulative gas used in the block up to and including it, the bloom of its logs, and its logs.
/// </summary>
public sealed class Receipt
{
    private readonly Bloom _bloom;

    /// <summary>Creates a receipt with a status (Byzantium and later).</summary>
    /// <param name="type">The transaction's type.</param>
    /// <param name="success">Whether the transaction succeeded.</param>
    /// <param name="cumulativeGasUsed">Gas used in the block up to and including this transaction.</param>
    /// <param name="logs">The transaction's logs.</param>
    /// <param name="bloom">The logs bloom as received; computed from the logs when omitted.</param>
    public Receipt(TransactionType type, bool success, ulong cumulativeGasUsed, ImmutableArray<LogEntry> logs, Bloom? bloom = null)
    {
        Type = type;
        Success = success;
        CumulativeGasUsed = cumulativeGasUsed;
        Logs = logs.IsDefault ? [] : logs;
        _bloom = bloom ?? ComputeBloom(Logs.AsSpan());
    }

    /// <summary>Creates a receipt with the intermediate state root (before Byzantium).</summary>
    /// <param name="type">The transaction's type.</param>
    /// <param name="postState">The state root after the transaction.</param>
    /// <param name="cumulativeGasUsed">Gas used in the block up to and including this transaction.</param>
    /// <param name="logs">The transaction's logs.</param>
    /// <param name="bloom">The logs bloom as received; computed from the logs when omitted.</param>
    public Receipt(TransactionType type, Hash256 postState, ulong cumulativeGasUsed, ImmutableArray<LogEntry> logs, Bloom? bloom = null)
        : this(type, success: true, cumulativeGasUsed, logs, bloom)
    {
        PostState = postState;
    }

    /// <summary>The transaction's type; typed receipts are encoded with the same type byte.</summary>
    public TransactionType Type { get; }

    /// <summary>Whether the transaction succeeded (the status field from Byzantium; always true for pre-Byzantium receipts).</summary>
    public bool Success { get; }

    /// <summary>The state root after the transaction, in pre-Byzantium receipts; <see langword="null"/> when the receipt has a status.</summary>
    public Hash256? PostState { get; }

    /// <summary>Gas used in the block up to and including this transaction.</summary>
    public ulong CumulativeGasUsed { get; }

    /// <summary>The bloom of the logs' addresses and topics.</summary>
    public ref readonly Bloom Bloom => ref _bloom;

    /// <summary>The logs, in emission order.</summary>
    public ImmutableArray<LogEntry> Logs { get; }

    /// <summary>The bloom of a set of logs: every address and topic added.</summary>
    /// <param name="logs">The logs.</param>
    /// <returns>The bloom.</returns>
    public static Bloom ComputeBloom(ReadOnlySpan<LogEntry> logs)
    {
        var bloom = default(Bloom);
        foreach (var log in logs)
        {
            log.AddTo(ref bloom);
        }

        return bloom;
    }
}
