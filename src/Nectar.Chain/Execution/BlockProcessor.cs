using System.Collections.Concurrent;
using Nectar.Chain.Storage;
using Nectar.Chain.Validation;
using Nectar.Core.Blocks;
using Nectar.Core.Specs;
using Nectar.Core.Transactions;
using Nectar.Crypto;
using Nectar.Crypto.Signing;
using Nectar.Evm;

namespace Nectar.Chain.Execution;

/// <summary>
/// The execution core shared by block import and block production: <see cref="Begin"/> starts a block on a state
/// (running the fork's system calls) and returns the <see cref="BlockExecution"/> that takes its transactions;
/// <see cref="Process"/> runs a whole received block through it. Neither checks the header against its parent: that
/// is the <see cref="BlockValidator"/>'s job on import and the <c>BlockBuilder</c>'s by construction.
/// </summary>
/// <remarks>
/// Thread-safe: interpreters are pooled per fork, and each execution takes one. Blocks on the same
/// <see cref="IChainState"/> must still run one at a time.
/// </remarks>
public sealed class BlockProcessor
{
    private readonly ConcurrentDictionary<Fork, ConcurrentBag<VirtualMachine>> _machines = new();

    /// <summary>Creates a processor for a chain.</summary>
    /// <param name="secp256k1">The curve implementation: sender recovery, ecrecover, EIP-7702 authorities.</param>
    /// <param name="chainId">The chain id transactions must be signed for (and CHAINID returns).</param>
    public BlockProcessor(ISecp256k1 secp256k1, ulong chainId)
    {
        ArgumentNullException.ThrowIfNull(secp256k1);
        Secp256k1 = secp256k1;
        Signer = new TransactionSigner(secp256k1);
        ChainId = chainId;
    }

    /// <summary>The chain id.</summary>
    public ulong ChainId { get; }

    /// <summary>The curve implementation.</summary>
    public ISecp256k1 Secp256k1 { get; }

    /// <summary>Signs and recovers transactions (senders are cached on the transactions).</summary>
    public TransactionSigner Signer { get; }

    /// <summary>
    /// Starts a block: the EVM context comes from <paramref name="header"/> (number, timestamp, coinbase, gas limit,
    /// base fee, randomness, excess blob gas, parent hash and parent beacon root; its roots are not read), then the
    /// fork's block-start system calls run.
    /// </summary>
    /// <param name="header">The block's header, or a template with its environment fields when producing.</param>
    /// <param name="spec">The block's fork rules.</param>
    /// <param name="state">The state at the block's parent.</param>
    /// <param name="blockHashes">BLOCKHASH's source (for instance <see cref="AncestorHashes"/>); null makes it return zero.</param>
    /// <returns>The execution; dispose it.</returns>
    public BlockExecution Begin(BlockHeader header, ForkSpec spec, IChainState state, IBlockHashProvider? blockHashes = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(state);
        if (header.GasLimit > long.MaxValue)
        {
            throw new ArgumentException($"Gas limit {header.GasLimit} exceeds 2^63 - 1.", nameof(header));
        }

        var vm = Rent(spec);
        try
        {
            return new BlockExecution(this, header, spec, state, blockHashes, vm);
        }
        catch
        {
            state.Discard();
            Return(vm);
            throw;
        }
    }

    /// <summary>
    /// Executes a received block on the state at its parent: senders recovered in parallel, system calls, every
    /// transaction (each must be valid), withdrawals, then receipts, roots and the state commit. The results are not
    /// compared with the header here; the <see cref="BlockValidator"/> does that.
    /// </summary>
    /// <param name="parent">The parent's header; <paramref name="state"/> must be at its state root.</param>
    /// <param name="block">The block.</param>
    /// <param name="spec">The block's fork rules.</param>
    /// <param name="state">The state at the parent; on success it holds the block's state, committed.</param>
    /// <param name="blockHashes">BLOCKHASH's source.</param>
    /// <returns>The block's results.</returns>
    /// <exception cref="InvalidBlockException">A transaction cannot be executed; the state is as it was.</exception>
    /// <exception cref="InvalidOperationException">The state is not at the parent's state root.</exception>
    public BlockExecutionResult Process(BlockHeader parent, Block block, ForkSpec spec, IChainState state, IBlockHashProvider? blockHashes = null) =>
        Run(parent, block, spec, state, blockHashes, transactionsRootVerified: false);

    /// <summary>
    /// <see cref="Process"/>; the validator passes <paramref name="transactionsRootVerified"/> after checking the header's
    /// transactions root against the body, so the execution reuses it instead of computing it again.
    /// </summary>
    internal BlockExecutionResult Run(BlockHeader parent, Block block, ForkSpec spec, IChainState state, IBlockHashProvider? blockHashes, bool transactionsRootVerified)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(state);
        if (state.StateRoot != parent.StateRoot)
        {
            throw new InvalidOperationException($"The state is at root {state.StateRoot}, not at the parent's {parent.StateRoot}.");
        }

        Signer.RecoverSenders(block.Transactions);
        using var execution = Begin(block.Header, spec, state, blockHashes);
        if (transactionsRootVerified)
        {
            execution.VerifiedTransactionsRoot = block.Header.TransactionsRoot;
        }

        var transactions = block.Transactions;
        for (var i = 0; i < transactions.Length; i++)
        {
            var result = execution.Execute(transactions[i]);
            if (!result.IsExecuted)
            {
                var error = result.ValidationError is TransactionError.InvalidSignature or TransactionError.InvalidChainId or TransactionError.SenderRecoveryFailed
                    ? BlockError.InvalidTransactionSignature
                    : BlockError.InvalidTransaction;
                throw new InvalidBlockException(error, $"Transaction {i} ({transactions[i].Hash}) is invalid: {result.Rejection}: {result.Message}", i);
            }
        }

        if (block.Withdrawals is { } withdrawals)
        {
            execution.ApplyWithdrawals(withdrawals);
        }

        return execution.Complete();
    }

    internal void Return(VirtualMachine vm) => _machines.GetOrAdd(vm.Spec.Fork, static _ => []).Add(vm);

    /// <summary>Interpreters are not thread-safe but are worth reusing (their frame stacks stay allocated).</summary>
    private VirtualMachine Rent(ForkSpec spec) =>
        _machines.TryGetValue(spec.Fork, out var pool) && pool.TryTake(out var vm) ? vm : new VirtualMachine(spec, Secp256k1);
}
