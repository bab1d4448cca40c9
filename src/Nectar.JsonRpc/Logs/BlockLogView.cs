using Nectar.Core.Blocks;
using Nectar.Core.Primitives;
using Nectar.Core.Receipts;
using Nectar.Privacy.Access;

namespace Nectar.JsonRpc.Logs;

/// <summary>
/// One block's logs as callers see them: it matches filters (bloom of the block, then of each receipt, then each
/// log), asks read authorization for every matching log, and builds each <see cref="LogObject"/> at most once, so a
/// block delivered to many filters and subscriptions shares the objects. Log indexes are block-wide whatever the
/// caller may see, so the gaps left by hidden logs say nothing that the index would not.
/// </summary>
internal sealed class BlockLogView
{
    private readonly IReadOnlyList<Receipt> _receipts;
    private readonly IReadOnlyList<Address>? _senders;
    private readonly int[] _firstLogIndex;
    private readonly LogObject?[] _logs;
    private readonly int _transactionCount;

    /// <summary>Creates a view.</summary>
    /// <param name="block">The block.</param>
    /// <param name="receipts">Its receipts, in transaction order.</param>
    /// <param name="senders">Its transactions' senders, in order; without them no log is visible to anyone.</param>
    /// <param name="removed">Whether the logs are reported as removed (their block left the canonical chain).</param>
    public BlockLogView(Block block, IReadOnlyList<Receipt> receipts, IReadOnlyList<Address>? senders, bool removed = false)
    {
        Block = block;
        _receipts = receipts;
        _senders = senders;
        Removed = removed;
        _transactionCount = Math.Min(block.Transactions.Length, receipts.Count);
        _firstLogIndex = new int[_transactionCount];
        var total = 0;
        for (var i = 0; i < _transactionCount; i++)
        {
            _firstLogIndex[i] = total;
            total += receipts[i].Logs.Length;
        }

        _logs = new LogObject?[total];
    }

    /// <summary>The block.</summary>
    public Block Block { get; }

    /// <summary>The block's number.</summary>
    public ulong Number => Block.Number;

    /// <summary>Whether the logs are reported as removed.</summary>
    public bool Removed { get; }

    /// <summary>The same block with its logs reported as removed.</summary>
    /// <returns>A new view.</returns>
    public BlockLogView AsRemoved() => new(Block, _receipts, _senders, removed: true);

    /// <summary>
    /// Appends the block's logs that match <paramref name="filter"/> and that <paramref name="caller"/> may see, in
    /// block order, unless that would make <paramref name="output"/> longer than <paramref name="maxResults"/>.
    /// </summary>
    /// <returns><see langword="false"/> when the limit was reached (the output then holds at most the limit).</returns>
    public bool Collect(LogFilter filter, in ReadCaller caller, IReadAuthorizer authorizer, List<LogObject> output, int maxResults)
    {
        if (!filter.MayMatch(Block.Header.LogsBloom) || !HasSenders)
        {
            return true;
        }

        for (var i = 0; i < _transactionCount; i++)
        {
            var receipt = _receipts[i];
            if (receipt.Logs.IsEmpty || !filter.MayMatch(receipt.Bloom))
            {
                continue;
            }

            var sender = _senders![i];
            var recipient = Block.Transactions[i].To;
            var logs = receipt.Logs;
            for (var j = 0; j < logs.Length; j++)
            {
                var log = logs[j];
                if (!filter.Matches(log) || !authorizer.CanSeeLog(caller, sender, recipient, log.Address))
                {
                    continue;
                }

                if (output.Count >= maxResults)
                {
                    return false;
                }

                output.Add(Get(i, j));
            }
        }

        return true;
    }

    /// <summary>The bloom of the logs <paramref name="caller"/> may see: what a header's bloom reveals to them.</summary>
    /// <returns>The bloom.</returns>
    public Bloom VisibleBloom(in ReadCaller caller, IReadAuthorizer authorizer)
    {
        var bloom = default(Bloom);
        if (!HasSenders)
        {
            return bloom;
        }

        for (var i = 0; i < _transactionCount; i++)
        {
            var sender = _senders![i];
            var recipient = Block.Transactions[i].To;
            foreach (var log in _receipts[i].Logs)
            {
                if (authorizer.CanSeeLog(caller, sender, recipient, log.Address))
                {
                    log.AddTo(ref bloom);
                }
            }
        }

        return bloom;
    }

    private bool HasSenders => _senders is not null && _senders.Count >= _transactionCount;

    private LogObject Get(int transaction, int log)
    {
        var index = _firstLogIndex[transaction] + log;
        if (_logs[index] is { } cached)
        {
            return cached;
        }

        var entry = _receipts[transaction].Logs[log];
        var tx = Block.Transactions[transaction];
        var created = new LogObject
        {
            Address = entry.Address,
            Topics = entry.Topics,
            Data = entry.Data,
            BlockNumber = Block.Number,
            TransactionHash = tx.Hash,
            TransactionIndex = (ulong)transaction,
            BlockHash = Block.Hash,
            BlockTimestamp = Block.Header.Timestamp,
            LogIndex = (ulong)index,
            Removed = Removed,
            Sender = _senders![transaction],
            Recipient = tx.To,
        };

        // Two threads may build the same entry; both objects are equal, so whichever is kept does not matter.
        _logs[index] = created;
        return created;
    }
}
