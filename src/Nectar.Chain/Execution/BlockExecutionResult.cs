using System.Collections.Immutable;
using Nectar.Core.Primitives;
using Nectar.Core.Receipts;
using Nectar.Core.Transactions;
using Nectar.Evm;

namespace Nectar.Chain.Execution;

/// <summary>
/// What executing a block produced: the included transactions with their results and receipts, and every value
/// the header commits to. The import path compares these with the header; the production path seals them into one.
/// </summary>
public sealed class BlockExecutionResult
{
    /// <summary>The executed transactions, in block order.</summary>
    public required ImmutableArray<Transaction> Transactions { get; init; }

    /// <summary>Each transaction's result (status, gas, logs, output, created contract), in block order.</summary>
    public required ImmutableArray<TransactionResult> TransactionResults { get; init; }

    /// <summary>The receipts, in block order.</summary>
    public required ImmutableArray<Receipt> Receipts { get; init; }

    /// <summary>Gas used by all transactions (after refunds and, from Prague, calldata floors).</summary>
    public required ulong GasUsed { get; init; }

    /// <summary>Blob gas used (from Cancun; always zero, since Nectar carries no blobs), or <see langword="null"/> before.</summary>
    public required ulong? BlobGasUsed { get; init; }

    /// <summary>The union of the receipts' blooms.</summary>
    public required Bloom LogsBloom { get; init; }

    /// <summary>Root of the transactions trie.</summary>
    public required Hash256 TransactionsRoot { get; init; }

    /// <summary>Root of the receipts trie.</summary>
    public required Hash256 ReceiptsRoot { get; init; }

    /// <summary>Root of the withdrawals trie (from Shanghai), or <see langword="null"/> before.</summary>
    public required Hash256? WithdrawalsRoot { get; init; }

    /// <summary>The EIP-7685 requests hash (from Prague), or <see langword="null"/> before.</summary>
    public required Hash256? RequestsHash { get; init; }

    /// <summary>The state root after the block.</summary>
    public required Hash256 StateRoot { get; init; }

    /// <summary>
    /// Every account the block's transactions and withdrawals touched (senders, recipients, contracts they called,
    /// system contracts): a superset of the accounts whose state differs after the block.
    /// </summary>
    public ImmutableArray<Address> TouchedAccounts { get; init; } = [];
}
