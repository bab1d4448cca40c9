namespace Nectar.Benchmarks.Load.Measurement;

/// <summary>Phase A: sustained load with a bounded number of transfers in flight per sender.</summary>
/// <param name="WindowSeconds">The measured window.</param>
/// <param name="Sent">Transfers sent in the window (first sends).</param>
/// <param name="Accepted">Transfers the node accepted (answered with a hash) within the window.</param>
/// <param name="Included">Transfers whose block was announced within the window.</param>
/// <param name="Requests">HTTP requests made in the window.</param>
/// <param name="MeanRequestMilliseconds">Mean time from a request to its answer.</param>
/// <param name="Resent">Transfers sent again by the stall watchdog.</param>
/// <param name="ExhaustedSenders">Senders that used up their signed transfers before the window ended.</param>
/// <param name="Errors">Errors by kind.</param>
/// <param name="Blocks">Blocks announced in the window.</param>
/// <param name="DrainSeconds">Time after the window until every sent transfer was included (or the bound).</param>
/// <param name="NotIncluded">Sent transfers still not included after the drain.</param>
/// <param name="Receipts">The receipt sample.</param>
/// <param name="StallNudges">Blocks mined with evm_mine to end an anvil automine stall (see <c>AnvilStallGuard</c>).</param>
internal sealed record ThroughputResult(
    double WindowSeconds,
    long Sent,
    long Accepted,
    long Included,
    long Requests,
    double MeanRequestMilliseconds,
    long Resent,
    int ExhaustedSenders,
    IReadOnlyList<KeyValuePair<string, long>> Errors,
    BlockStats Blocks,
    double DrainSeconds,
    long NotIncluded,
    ReceiptCheck Receipts,
    long StallNudges = 0)
{
    /// <summary>Transfers included per second of the window: the sustained throughput.</summary>
    public double IncludedPerSecond => Included / WindowSeconds;

    /// <summary>Transfers accepted per second of the window.</summary>
    public double AcceptedPerSecond => Accepted / WindowSeconds;
}
