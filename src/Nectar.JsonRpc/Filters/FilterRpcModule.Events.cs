using Nectar.JsonRpc.Logs;

namespace Nectar.JsonRpc.Filters;

public sealed partial class FilterRpcModule
{
    /// <summary>Adds a new head to every filter (on the pump's worker): its hash to block filters, visible matching logs to log filters.</summary>
    private void OnNewHead(BlockLogView view)
    {
        lock (_gate)
        {
            _head = view.Number;
            List<FilterEntry>? overflowed = null;
            foreach (var entry in _filters.Values)
            {
                var fits = entry.Kind switch
                {
                    FilterKind.Blocks => AddBlock(entry, view),
                    FilterKind.Logs => !entry.Accepts(view.Number)
                        || view.Collect(entry.Matcher!, entry.Caller, _authorizer, entry.Logs, _options.MaxPendingChanges),
                    _ => true,
                };
                if (!fits)
                {
                    (overflowed ??= []).Add(entry);
                }
            }

            DropOverflowed(overflowed);
        }
    }

    /// <summary>
    /// Applies a revert: unread changes from the reverted blocks are dropped, and logs a log filter may already have
    /// delivered from them come back with <c>removed: true</c> (for the blocks the pump still remembers).
    /// </summary>
    private void OnReverted(ChainRevert revert)
    {
        lock (_gate)
        {
            _head = revert.NewHeadNumber;
            List<FilterEntry>? overflowed = null;
            foreach (var entry in _filters.Values)
            {
                entry.Blocks.RemoveAll(b => b.Number > revert.NewHeadNumber);
                if (entry.Kind == FilterKind.Logs)
                {
                    entry.Logs.RemoveAll(l => l.BlockNumber > revert.NewHeadNumber && !l.Removed);
                    foreach (var removed in revert.Removed)
                    {
                        if (removed.Number > entry.InstalledAt && removed.Number <= entry.DeliveredThrough && entry.Accepts(removed.Number)
                            && !removed.Collect(entry.Matcher!, entry.Caller, _authorizer, entry.Logs, _options.MaxPendingChanges))
                        {
                            (overflowed ??= []).Add(entry);
                            break;
                        }
                    }
                }

                entry.InstalledAt = Math.Min(entry.InstalledAt, revert.NewHeadNumber);
                entry.DeliveredThrough = Math.Min(entry.DeliveredThrough, revert.NewHeadNumber);
            }

            DropOverflowed(overflowed);
        }
    }

    private bool AddBlock(FilterEntry entry, BlockLogView view)
    {
        if (entry.Blocks.Count >= _options.MaxPendingChanges)
        {
            return false;
        }

        entry.Blocks.Add((view.Number, view.Block.Hash));
        return true;
    }

    /// <summary>
    /// A filter its client stopped reading is dropped rather than grown or silently trimmed: the next poll answers
    /// "filter not found" and clients (ethers, viem) install a new one.
    /// </summary>
    private void DropOverflowed(List<FilterEntry>? overflowed)
    {
        if (overflowed is null)
        {
            return;
        }

        foreach (var entry in overflowed)
        {
            Remove(entry);
            ChainEventLog.FilterOverflowed(_logger, _options.MaxPendingChanges);
        }
    }
}
