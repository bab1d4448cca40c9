using Nectar.Chain.Execution;
using Nectar.Chain.Storage;
using Nectar.Chain.Validation;
using Nectar.Core.Blocks;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;
using Nectar.Evm;

namespace Nectar.Chain.Building;

/// <summary>
/// The production path: executes candidate transactions in the order given on the state at the parent, skips (and
/// reports) each one that is invalid against the state so far or does not fit the gas left, then seals a header
/// with every root. It runs the same execution core as import, so a follower re-executing the block gets the
/// same roots. It knows nothing about where candidates come from; the sequencer orders them.
/// </summary>
public sealed class BlockBuilder
{
    private readonly BlockProcessor _processor;

    /// <summary>Creates a builder.</summary>
    /// <param name="processor">The execution core.</param>
    public BlockBuilder(BlockProcessor processor)
    {
        ArgumentNullException.ThrowIfNull(processor);
        _processor = processor;
    }

    /// <summary>
    /// Builds the next block. On return <paramref name="state"/> holds the block's state, committed; a caller that
    /// discards the block calls <see cref="IChainState.RevertLastBlock"/>.
    /// </summary>
    /// <param name="request">The parent, fork, timestamp, coinbase and the rest of the environment.</param>
    /// <param name="candidates">Candidate transactions in the order to try them; a list has its senders recovered in parallel first.</param>
    /// <param name="state">The state at the parent.</param>
    /// <param name="blockHashes">BLOCKHASH's source (for instance <see cref="AncestorHashes"/>).</param>
    /// <returns>The sealed block, its execution and the skipped candidates.</returns>
    /// <exception cref="ArgumentException">The timestamp, gas limit or extra data cannot follow the parent.</exception>
    /// <exception cref="InvalidOperationException">The state is not at the parent's state root.</exception>
    public BuiltBlock Build(BlockBuildRequest request, IEnumerable<Transaction> candidates, IChainState state, IBlockHashProvider? blockHashes = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(state);
        var parent = request.Parent;
        if (state.StateRoot != parent.StateRoot)
        {
            throw new InvalidOperationException($"The state is at root {state.StateRoot}, not at the parent's {parent.StateRoot}.");
        }

        var template = CreateTemplate(request);
        if (candidates is IReadOnlyList<Transaction> list)
        {
            _processor.Signer.RecoverSenders(list);
        }

        var skipped = new List<SkippedTransaction>();
        using var execution = _processor.Begin(template, request.Spec, state, blockHashes);
        var index = 0;
        foreach (var candidate in candidates)
        {
            var position = index++;
            if (candidate.GasLimit > execution.GasAvailable)
            {
                // Checked before the signature: once the block is nearly full most candidates end here, cheaply.
                skipped.Add(new SkippedTransaction(candidate, position, SkipReason.InsufficientBlockGas, $"Gas limit {candidate.GasLimit} exceeds the {execution.GasAvailable} gas the block has left."));
                continue;
            }

            var result = execution.Execute(candidate);
            if (!result.IsExecuted)
            {
                skipped.Add(new SkippedTransaction(candidate, position, ReasonFor(result), result.Message ?? result.Rejection.ToString()));
            }
        }

        if (request.Spec.IsEip4895Enabled)
        {
            execution.ApplyWithdrawals(request.Withdrawals);
        }

        var outcome = execution.Complete();
        var header = Seal(template, outcome);
        var block = new Block
        {
            Header = header,
            Transactions = outcome.Transactions,
            Withdrawals = request.Spec.IsEip4895Enabled ? request.Withdrawals : null,
        };
        return new BuiltBlock { Block = block, Execution = outcome, Skipped = skipped };
    }

    /// <summary>The header's environment fields; the roots are filled in by <see cref="Seal"/>.</summary>
    private static BlockHeader CreateTemplate(BlockBuildRequest request)
    {
        var parent = request.Parent;
        var spec = request.Spec;
        if (request.Timestamp <= parent.Timestamp)
        {
            throw new ArgumentException($"Timestamp {request.Timestamp} is not after the parent's {parent.Timestamp}.", nameof(request));
        }

        var gasLimit = request.GasLimit ?? parent.GasLimit;
        if (request.GasLimit.HasValue && !HeaderRules.IsGasLimitAllowed(parent.GasLimit, gasLimit))
        {
            throw new ArgumentException($"Gas limit {gasLimit} cannot follow the parent's {parent.GasLimit}.", nameof(request));
        }

        if (request.ExtraData.Length > HeaderRules.MaxExtraDataLength)
        {
            throw new ArgumentException($"Extra data has {request.ExtraData.Length} bytes; at most {HeaderRules.MaxExtraDataLength} are allowed.", nameof(request));
        }

        if (!spec.IsEip4895Enabled && !request.Withdrawals.IsDefaultOrEmpty)
        {
            throw new ArgumentException($"{spec.Name} blocks have no withdrawals.", nameof(request));
        }

        return new BlockHeader
        {
            ParentHash = parent.Hash,
            Beneficiary = request.Coinbase,
            Difficulty = UInt256.Zero,
            Number = parent.Number + 1,
            GasLimit = gasLimit,
            Timestamp = request.Timestamp,
            ExtraData = request.ExtraData,
            MixHash = request.PrevRandao,
            Nonce = 0,
            BaseFeePerGas = BaseFee.Next(parent, spec),
            ExcessBlobGas = BlobGas.NextExcess(parent, spec),
            BlobGasUsed = spec.IsEip4844Enabled ? 0UL : null,
            ParentBeaconBlockRoot = spec.IsEip4788Enabled ? request.ParentBeaconBlockRoot : null,
            WithdrawalsRoot = spec.IsEip4895Enabled ? Hash256.EmptyTrieRoot : null,
            RequestsHash = spec.IsEip7685Enabled ? ExecutionRequests.EmptyHash : null,
        };
    }

    private static BlockHeader Seal(BlockHeader template, BlockExecutionResult outcome) => new()
    {
        ParentHash = template.ParentHash,
        OmmersHash = Hash256.EmptyListHash,
        Beneficiary = template.Beneficiary,
        StateRoot = outcome.StateRoot,
        TransactionsRoot = outcome.TransactionsRoot,
        ReceiptsRoot = outcome.ReceiptsRoot,
        LogsBloom = outcome.LogsBloom,
        Difficulty = template.Difficulty,
        Number = template.Number,
        GasLimit = template.GasLimit,
        GasUsed = outcome.GasUsed,
        Timestamp = template.Timestamp,
        ExtraData = template.ExtraData,
        MixHash = template.MixHash,
        Nonce = template.Nonce,
        BaseFeePerGas = template.BaseFeePerGas,
        WithdrawalsRoot = outcome.WithdrawalsRoot,
        BlobGasUsed = outcome.BlobGasUsed,
        ExcessBlobGas = template.ExcessBlobGas,
        ParentBeaconBlockRoot = template.ParentBeaconBlockRoot,
        RequestsHash = outcome.RequestsHash,
    };

    private static SkipReason ReasonFor(TransactionResult result) => result.Rejection switch
    {
        TransactionRejection.InvalidTransaction when IsSignatureError(result.ValidationError) => SkipReason.InvalidSignature,
        TransactionRejection.InvalidTransaction => SkipReason.InvalidTransaction,
        TransactionRejection.NonceTooLow => SkipReason.NonceTooLow,
        TransactionRejection.NonceTooHigh => SkipReason.NonceTooHigh,
        TransactionRejection.NonceAtMaximum => SkipReason.NonceAtMaximum,
        TransactionRejection.InsufficientFunds => SkipReason.InsufficientFunds,
        TransactionRejection.SenderNotEoa => SkipReason.SenderNotEoa,
        TransactionRejection.MaxFeeBelowBaseFee => SkipReason.MaxFeeBelowBaseFee,
        TransactionRejection.BlockGasExceeded => SkipReason.InsufficientBlockGas,
        _ => throw new InvalidOperationException($"Unexpected rejection {result.Rejection}."),
    };

    private static bool IsSignatureError(TransactionError error) =>
        error is TransactionError.InvalidSignature or TransactionError.InvalidChainId or TransactionError.SenderRecoveryFailed;
}
