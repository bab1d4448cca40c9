using System.Diagnostics;
using Nectar.Benchmarks.Load.Rpc;

namespace Nectar.Benchmarks.Load.Measurement;

/// <summary>The blocks announced in a time window: how many, and how many transactions they held.</summary>
/// <param name="Count">Blocks announced.</param>
/// <param name="Transactions">Transactions in them.</param>
/// <param name="MaxTransactions">Transactions in the largest.</param>
/// <param name="BlocksPerSecond">Blocks per second of the window.</param>
/// <param name="GasPerSecond">Gas used per second of the window (all transactions, not only the transfers).</param>
/// <param name="LastBaseFeeGwei">The base fee of the last block in the window, in gwei.</param>
/// <param name="MaxBaseFeeGwei">The highest base fee in the window, in gwei.</param>
internal sealed record BlockStats(int Count, long Transactions, int MaxTransactions, double BlocksPerSecond, double GasPerSecond, double LastBaseFeeGwei, double MaxBaseFeeGwei)
{
    /// <summary>Mean transactions per block.</summary>
    public double MeanTransactions => Count == 0 ? 0 : (double)Transactions / Count;

    /// <summary>Counts the blocks announced between two timestamps.</summary>
    /// <param name="blocks">The watcher's blocks.</param>
    /// <param name="from">The window's start (<see cref="Stopwatch"/> timestamp).</param>
    /// <param name="to">Its end.</param>
    /// <returns>The statistics.</returns>
    public static BlockStats Of(IReadOnlyList<BlockAnnouncement> blocks, long from, long to)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var count = 0;
        var transactions = 0L;
        var max = 0;
        var gas = 0UL;
        var lastFee = 0.0;
        var maxFee = 0.0;
        foreach (var block in blocks)
        {
            if (block.AnnouncedAt >= from && block.AnnouncedAt <= to)
            {
                count++;
                transactions += block.TransactionCount;
                max = Math.Max(max, block.TransactionCount);
                gas += block.GasUsed;
                lastFee = block.BaseFeeGwei;
                maxFee = Math.Max(maxFee, block.BaseFeeGwei);
            }
        }

        var seconds = (to - from) / (double)Stopwatch.Frequency;
        return new BlockStats(count, transactions, max, seconds > 0 ? count / seconds : 0, seconds > 0 ? gas / seconds : 0, lastFee, maxFee);
    }
}
