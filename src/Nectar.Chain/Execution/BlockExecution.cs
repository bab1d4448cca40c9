using System.Collections.Immutable;
using Nectar.Chain.Storage;
using Nectar.Core.Blocks;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Receipts;
using Nectar.Core.Specs;
using Nectar.Core.Transactions;
using Nectar.Evm;
using Nectar.Evm.Tracing;

namespace Nectar.Chain.Execution;

/// <summary>
/// One block being executed: the execution core that importing and producing blocks share. Starting it runs the
/// fork's block-start system calls; then transactions execute one at a time (a rejected one changes nothing, so a
/// producer can skip it), withdrawals are credited, and <see cref="Complete"/> computes receipts, roots and the state
/// root (committing the state once). Disposing an uncompleted execution discards its changes.
/// </summary>
/// <remarks>Single-threaded, like the world state it drives. Obtain one from <see cref="BlockProcessor.Begin"/>.</remarks>
public sealed partial class BlockExecution : IDisposable
{
    private readonly BlockProcessor _processor;
    private readonly IChainState _state;
    private readonly VirtualMachine _vm;
    private readonly TransactionProcessor _transactions;
    private readonly List<Transaction> _included = [];
    private readonly List<TransactionResult> _results = [];
    private readonly List<Receipt> _receipts = [];
    private ImmutableArray<Withdrawal>? _withdrawals;
    private Bloom _bloom;
    private bool _finished;

    internal BlockExecution(BlockProcessor processor, BlockHeader header, ForkSpec spec, IChainState state, IBlockHashProvider? blockHashes, VirtualMachine vm)
    {
        _processor = processor;
        _state = state;
        _vm = vm;
        Header = header;
        Spec = spec;
        Context = new BlockContext
        {
            Coinbase = header.Beneficiary,
            Number = header.Number,
            Timestamp = header.Timestamp,
            GasLimit = (long)header.GasLimit,
            BaseFee = header.BaseFeePerGas ?? UInt256.Zero,
            Difficulty = header.Difficulty,
            PrevRandao = header.PrevRandao,
            BlobBaseFee = header.ExcessBlobGas is { } excess ? BlobGas.BaseFeePerBlobGas(excess, spec) : UInt256.Zero,
            ChainId = processor.ChainId,
            BlockHashes = blockHashes,
        };
        _transactions = new TransactionProcessor(spec, Context, state.World, processor.Secp256k1, vm);
        RunBlockStartSystemCalls();
    }

    /// <summary>The header whose environment the block executes in (number, timestamp, coinbase, gas limit, fees, randomness, parent roots).</summary>
    public BlockHeader Header { get; }

    /// <summary>The fork's rules.</summary>
    public ForkSpec Spec { get; }

    /// <summary>The EVM's view of the block.</summary>
    public BlockContext Context { get; }

    /// <summary>Gas used by the transactions executed so far.</summary>
    public ulong GasUsed { get; private set; }

    /// <summary>Block gas still available to further transactions.</summary>
    public ulong GasAvailable => (ulong)_transactions.GasAvailable;

    /// <summary>How many transactions have executed.</summary>
    public int TransactionCount => _included.Count;

    /// <summary>The receipts so far.</summary>
    public IReadOnlyList<Receipt> Receipts => _receipts;

    /// <summary>
    /// The transactions root, when the import path has already checked the header's against exactly the transactions
    /// this execution runs (it rejects the block otherwise), so <see cref="Complete"/> need not compute it again.
    /// </summary>
    internal Hash256? VerifiedTransactionsRoot { get; set; }

    /// <summary>
    /// Checks a transaction's signature, recovers its sender (cached on the transaction) and executes it. An executed
    /// transaction, successful or not, is part of the block; a rejected one changed nothing and is not.
    /// </summary>
    /// <param name="transaction">The transaction.</param>
    /// <param name="tracer">An optional tracer.</param>
    /// <returns>The result; <see cref="TransactionResult.IsExecuted"/> tells whether it was included.</returns>
    public TransactionResult Execute(Transaction transaction, ITxTracer? tracer = null)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ThrowIfFinished();
        if (_withdrawals.HasValue)
        {
            throw new InvalidOperationException("Withdrawals come after the block's last transaction.");
        }

        var signature = TransactionValidator.ValidateSignature(transaction, Spec, _processor.ChainId);
        if (!signature.IsValid)
        {
            return TransactionResult.Rejected(TransactionRejection.InvalidTransaction, signature.Message ?? signature.Error.ToString(), signature.Error);
        }

        if (!_processor.Signer.TryRecoverSender(transaction, out var sender))
        {
            return TransactionResult.Rejected(TransactionRejection.InvalidTransaction, "The signature recovers no sender.", TransactionError.SenderRecoveryFailed);
        }

        var result = _transactions.Execute(transaction, sender, tracer);
        if (!result.IsExecuted)
        {
            return result;
        }

        GasUsed += (ulong)result.GasUsed;
        var receipt = new Receipt(transaction.Type, result.Success, GasUsed, ToImmutable(result.Logs));
        _bloom.Accumulate(receipt.Bloom);
        _included.Add(transaction);
        _results.Add(result);
        _receipts.Add(receipt);
        return result;
    }

    /// <summary>
    /// Credits the block's withdrawals (EIP-4895): each amount in gwei times 10^9 to its address, outside the EVM,
    /// after the last transaction. A fork without withdrawals takes none.
    /// </summary>
    /// <param name="withdrawals">The withdrawals, in block order.</param>
    public void ApplyWithdrawals(ImmutableArray<Withdrawal> withdrawals)
    {
        ThrowIfFinished();
        if (_withdrawals.HasValue)
        {
            throw new InvalidOperationException("The block's withdrawals were already applied.");
        }

        if (!Spec.IsEip4895Enabled && !withdrawals.IsDefaultOrEmpty)
        {
            throw new InvalidOperationException($"{Spec.Name} blocks have no withdrawals.");
        }

        var world = _state.World;
        foreach (var withdrawal in withdrawals.IsDefault ? [] : withdrawals)
        {
            world.AddBalance(withdrawal.Address, new UInt256(withdrawal.AmountInGwei) * GweiInWei);
        }

        world.CommitTransaction(Spec.IsEip158Enabled);
        _withdrawals = withdrawals.IsDefault ? [] : withdrawals;
    }

    /// <summary>
    /// Ends the block: computes the transactions, receipts and withdrawals roots, the bloom and the requests hash,
    /// and commits the state (its root computed once). Withdrawals not applied yet count as none.
    /// </summary>
    /// <returns>The block's results.</returns>
    public BlockExecutionResult Complete()
    {
        ThrowIfFinished();
        if (Spec.IsEip4895Enabled && !_withdrawals.HasValue)
        {
            ApplyWithdrawals([]);
        }

        var transactions = _included.ToImmutableArray();
        var receipts = _receipts.ToImmutableArray();
        var withdrawals = Spec.IsEip4895Enabled ? _withdrawals!.Value : (ImmutableArray<Withdrawal>?)null;
        var knownRoot = VerifiedTransactionsRoot;
        var touched = ImmutableArray.Create(_state.World.TouchedAccounts());

        // The list roots and the state root are independent. The state commit is the longer job and mostly runs on one
        // core, so for a full block the list roots are computed on another meanwhile.
        ListRoots lists;
        Hash256 stateRoot;
        if (transactions.Length >= ParallelRootsThreshold)
        {
            var listsTask = Task.Run(() => ComputeListRoots(transactions, receipts, withdrawals, knownRoot));
            stateRoot = _state.Commit(Header.Number);
            lists = listsTask.GetAwaiter().GetResult();
        }
        else
        {
            lists = ComputeListRoots(transactions, receipts, withdrawals, knownRoot);
            stateRoot = _state.Commit(Header.Number);
        }

        var result = new BlockExecutionResult
        {
            Transactions = transactions,
            TransactionResults = [.. _results],
            Receipts = receipts,
            GasUsed = GasUsed,
            BlobGasUsed = Spec.IsEip4844Enabled ? 0UL : null,
            LogsBloom = _bloom,
            TransactionsRoot = lists.Transactions,
            ReceiptsRoot = lists.Receipts,
            WithdrawalsRoot = lists.Withdrawals,
            RequestsHash = Spec.IsEip7685Enabled ? ExecutionRequests.EmptyHash : null,
            StateRoot = stateRoot,
            TouchedAccounts = touched,
        };
        Finish();
        return result;
    }

    /// <summary>Discards an uncompleted block's changes; after <see cref="Complete"/> it only releases the interpreter.</summary>
    public void Dispose()
    {
        if (!_finished)
        {
            _state.Discard();
            Finish();
        }
    }

    private static ListRoots ComputeListRoots(
        ImmutableArray<Transaction> transactions, ImmutableArray<Receipt> receipts, ImmutableArray<Withdrawal>? withdrawals, Hash256? knownTransactionsRoot) => new(
        knownTransactionsRoot ?? BlockRoots.Transactions(transactions.AsSpan()),
        BlockRoots.Receipts(receipts.AsSpan()),
        withdrawals is { } list ? BlockRoots.Withdrawals(list.AsSpan()) : null);

    private void Finish()
    {
        _finished = true;
        _processor.Return(_vm);
    }

    private void ThrowIfFinished() => ObjectDisposedException.ThrowIf(_finished, this);

    private static ImmutableArray<LogEntry> ToImmutable(IReadOnlyList<LogEntry> logs)
    {
        if (logs.Count == 0)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<LogEntry>(logs.Count);
        for (var i = 0; i < logs.Count; i++)
        {
            builder.Add(logs[i]);
        }

        return builder.MoveToImmutable();
    }

    private static readonly UInt256 GweiInWei = new(1_000_000_000);

    /// <summary>From this many transactions on, the list roots are worth a hop to another thread.</summary>
    private const int ParallelRootsThreshold = 64;

    private readonly record struct ListRoots(Hash256 Transactions, Hash256 Receipts, Hash256? Withdrawals);
}
