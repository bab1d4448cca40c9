namespace Nectar.Benchmarks.Load.Measurement;

/// <summary>Phase B: open-loop load at a fixed rate, and the latency from send to the announcement of the including block.</summary>
/// <param name="OfferedRate">The configured rate, transfers per second.</param>
/// <param name="DurationSeconds">The configured duration.</param>
/// <param name="Sent">Transfers sent.</param>
/// <param name="AchievedRate">Sent divided by the time from the first send to the last.</param>
/// <param name="PacingLag">How late sends left against the schedule, in milliseconds.</param>
/// <param name="Latency">Send to receipt available, in milliseconds, over every included transfer.</param>
/// <param name="NotIncluded">Sent transfers not included by the end of the drain.</param>
/// <param name="SkippedBacklog">Sends skipped because too many requests were still unanswered (the client's bound).</param>
/// <param name="Errors">Errors by kind.</param>
/// <param name="Blocks">Blocks announced during the sends.</param>
/// <param name="Receipts">The receipt sample.</param>
/// <param name="StallNudges">Blocks mined with evm_mine to end an anvil automine stall (see <c>AnvilStallGuard</c>).</param>
internal sealed record LatencyResult(
    int OfferedRate,
    double DurationSeconds,
    long Sent,
    double AchievedRate,
    LatencySummary? PacingLag,
    LatencySummary? Latency,
    long NotIncluded,
    long SkippedBacklog,
    IReadOnlyList<KeyValuePair<string, long>> Errors,
    BlockStats Blocks,
    ReceiptCheck Receipts,
    long StallNudges = 0);
