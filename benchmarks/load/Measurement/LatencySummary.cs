namespace Nectar.Benchmarks.Load.Measurement;

/// <summary>The distribution of measured latencies, in milliseconds.</summary>
/// <param name="Count">How many latencies.</param>
/// <param name="P50">The median.</param>
/// <param name="P90">The 90th percentile.</param>
/// <param name="P99">The 99th percentile.</param>
/// <param name="Max">The largest.</param>
/// <param name="Mean">The mean.</param>
internal sealed record LatencySummary(int Count, double P50, double P90, double P99, double Max, double Mean)
{
    /// <summary>Summarises latencies (nearest-rank percentiles).</summary>
    /// <param name="milliseconds">The latencies; sorted in place.</param>
    /// <returns>The summary, or null when there are none.</returns>
    public static LatencySummary? Of(double[] milliseconds)
    {
        ArgumentNullException.ThrowIfNull(milliseconds);
        if (milliseconds.Length == 0)
        {
            return null;
        }

        Array.Sort(milliseconds);
        var sum = 0.0;
        foreach (var value in milliseconds)
        {
            sum += value;
        }

        return new LatencySummary(
            milliseconds.Length,
            Percentiles.NearestRank(milliseconds, 50),
            Percentiles.NearestRank(milliseconds, 90),
            Percentiles.NearestRank(milliseconds, 99),
            milliseconds[^1],
            sum / milliseconds.Length);
    }
}
