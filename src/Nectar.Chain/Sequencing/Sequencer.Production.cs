using System.Diagnostics;
using Nectar.Chain.Building;
using Nectar.Chain.Reading;
using Nectar.Chain.TxPool;
using Nectar.Core.Blocks;
using Nectar.Core.Numerics;
using Nectar.Core.Transactions;

namespace Nectar.Chain.Sequencing;

public sealed partial class Sequencer
{
    private long _lastBlockAtTicks;
    private long _timeOffset;
    private ulong? _nextTimestamp;

    /// <summary>
    /// Replaces the block builder in tests, to make a build fail; receives the request and the candidates and builds on
    /// the chain store's state like the builder.
    /// </summary>
    internal Func<BlockBuildRequest, IReadOnlyList<Transaction>, BuiltBlock>? BuildOverride { get; set; }

    private DateTimeOffset LastBlockAt
    {
        get => new(Interlocked.Read(ref _lastBlockAtTicks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref _lastBlockAtTicks, value.UtcTicks);
    }

    /// <summary>
    /// Builds, stores and announces the next block with the pool's executable transactions. Call with the production
    /// lock held.
    /// </summary>
    /// <param name="timestamp">An exact timestamp (after the head's), or <see langword="null"/> for the clock's.</param>
    /// <param name="allowEmpty">Whether a block without transactions is made (heartbeat, mining on request).</param>
    private ProductionOutcome ProduceBlock(ulong? timestamp, bool allowEmpty)
    {
        var head = _chain.Head;
        var exact = timestamp ?? (_nextTimestamp is { } next && next > head.Timestamp ? next : null);
        var time = exact ?? Math.Max(ClockSeconds(), head.Timestamp + 1);
        var spec = _chain.Forks.At(time);
        var request = new BlockBuildRequest
        {
            Parent = head,
            Spec = spec,
            Timestamp = time,
            Coinbase = _options.Coinbase,
            ExtraData = _options.ExtraData,
        };

        var candidates = new List<Transaction>();
        _pool.TakeExecutable(BaseFee.Next(head, spec) ?? UInt256.Zero, head.GasLimit, candidates, _options.MaxTransactionsPerBlock);
        if (candidates.Count == 0 && !allowEmpty)
        {
            // Woken by transactions that cannot pay the base fee: no block, and no wake again until new ones arrive.
            return default;
        }

        var started = Stopwatch.GetTimestamp();
        BuiltBlock built;
        try
        {
            built = Build(request, candidates);
        }
#pragma warning disable CA1031 // Whatever a block's transactions make the builder throw, production goes on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            ResetState();
            return BlameTransaction(request, candidates, e);
        }

        try
        {
            _chain.CommitBlock(built);
        }
#pragma warning disable CA1031 // A storage failure leaves the head as it was; the loop goes on and tries again later.
        catch (Exception e)
#pragma warning restore CA1031
        {
            ResetState();
            SequencerLog.StoreFailed(_logger, request.Parent.Number + 1, e.GetType().Name);
            return ProductionOutcome.Failed(e);
        }

        var stored = Stopwatch.GetElapsedTime(started);
        var now = _time.GetUtcNow();
        LastBlockAt = now;
        if (exact is { } chosen)
        {
            // As anvil does, the clock goes on from an exact timestamp once its block is mined.
            _nextTimestamp = null;
            Interlocked.Exchange(ref _timeOffset, (long)chosen - now.ToUnixTimeSeconds());
        }

        var block = built.Block;
        try
        {
            ReportSkipped(built.Skipped);
            _pool.OnNewHead(new PoolHeadUpdate
            {
                IncludedTransactions = block.Transactions,
                ChangedAccounts = built.Execution.TouchedAccounts,
                BlockGasLimit = block.Header.GasLimit,
                Spec = _chain.Forks.At(block.Header.Timestamp + 1),
            });
        }
#pragma warning disable CA1031 // The block is stored: it is announced even if the pool could not follow (the next head re-checks).
        catch (Exception e)
#pragma warning restore CA1031
        {
            SequencerLog.PoolUpdateFailed(_logger, block.Number, e.GetType().Name);
        }

        SequencerLog.BlockSealed(_logger, block.Number, block.Transactions.Length, block.Header.GasUsed, built.Skipped.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        ReportStored(stored);
        RaiseNewHead(new NewHeadEventArgs(block, built.Execution.Receipts, SendersOf(block)));
        return ProductionOutcome.Produced(block);
    }

    private void ReportStored(TimeSpan elapsed)
    {
        if (_options.OnBlockStored is not { } report)
        {
            return;
        }

        try
        {
            report(elapsed);
        }
#pragma warning disable CA1031 // An observer's failure must not stop block production.
        catch (Exception e)
#pragma warning restore CA1031
        {
            SequencerLog.HandlerFailed(_logger, nameof(SequencerOptions.OnBlockStored), e.GetType().Name);
        }
    }

    private BuiltBlock Build(BlockBuildRequest request, IReadOnlyList<Transaction> candidates) =>
        BuildOverride is { } build ? build(request, candidates) : _builder.Build(request, candidates, _chain.State, _chain);

    /// <summary>
    /// Finds the candidate that makes the build fail: the shortest failing prefix of the candidates ends with it. Each
    /// trial builds on the head's state and is undone. The culprit leaves the pool; the others stay.
    /// </summary>
    private ProductionOutcome BlameTransaction(BlockBuildRequest request, List<Transaction> candidates, Exception failure)
    {
        var number = request.Parent.Number + 1;
        if (candidates.Count == 0 || !Builds(request, []))
        {
            SequencerLog.BuildFailed(_logger, number, failure.GetType().Name);
            return ProductionOutcome.Failed(failure);
        }

        // The empty prefix builds and the whole list does not.
        int good = 0, bad = candidates.Count;
        while (bad - good > 1)
        {
            var middle = good + ((bad - good) / 2);
            if (Builds(request, candidates.GetRange(0, middle)))
            {
                good = middle;
            }
            else
            {
                bad = middle;
            }
        }

        var culprit = candidates[bad - 1];
        _pool.ReportInvalid(culprit.Hash);
        SequencerLog.TransactionDropped(_logger, number, failure.GetType().Name, culprit.Hash.ToString());
        return ProductionOutcome.Dropped(failure);
    }

    private bool Builds(BlockBuildRequest request, List<Transaction> candidates)
    {
        try
        {
            Build(request, candidates);
            return true;
        }
#pragma warning disable CA1031 // A trial build's failure is the answer sought.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
        finally
        {
            ResetState();
        }
    }

    /// <summary>Drops whatever a failed or trial build left: a staged block state, pending changes, the world state's cache.</summary>
    private void ResetState()
    {
        var state = _chain.State;
        if (state.BlockNumber != _chain.Head.Number)
        {
            state.RevertLastBlock();
        }

        state.Discard();
    }

    /// <summary>Removes the candidates that can never be included as they are; those that did not fit or pay the base fee stay.</summary>
    private void ReportSkipped(IReadOnlyList<SkippedTransaction> skipped)
    {
        foreach (var skip in skipped)
        {
            switch (skip.Reason)
            {
                case SkipReason.InvalidSignature:
                case SkipReason.InvalidTransaction:
                case SkipReason.NonceTooLow:
                case SkipReason.NonceAtMaximum:
                case SkipReason.InsufficientFunds:
                case SkipReason.SenderNotEoa:
                    _pool.ReportInvalid(skip.Transaction.Hash);
                    break;
                default:
                    // No room left, the base fee, or a nonce gap after a sender's failed transaction: the next head
                    // re-checks these.
                    break;
            }
        }
    }

    private static Core.Primitives.Address[] SendersOf(Block block)
    {
        // The store refused the block unless every transaction carried its recovered sender.
        var senders = new Core.Primitives.Address[block.Transactions.Length];
        for (var i = 0; i < senders.Length; i++)
        {
            senders[i] = block.Transactions[i].Sender!.Value;
        }

        return senders;
    }

    private ulong ClockSeconds()
    {
        var seconds = _time.GetUtcNow().ToUnixTimeSeconds() + Interlocked.Read(ref _timeOffset);
        return seconds < 0 ? 0 : (ulong)seconds;
    }

    /// <summary>What producing one block came to.</summary>
    private readonly record struct ProductionOutcome(Block? Block, bool CulpritDropped, Exception? Error)
    {
        public static ProductionOutcome Produced(Block block) => new(block, false, null);

        public static ProductionOutcome Dropped(Exception error) => new(null, true, error);

        public static ProductionOutcome Failed(Exception error) => new(null, false, error);
    }
}
