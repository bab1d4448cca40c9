namespace Nectar.JsonRpc.Server.Metrics;

/// <summary>
/// A Prometheus histogram's state: counts per bucket and the sum of observations. <see cref="Record"/> is lock-free
/// and allocation-free, so it can sit on a hot path; <see cref="PrometheusWriter.WriteHistogram"/> renders it.
/// </summary>
/// <remarks>
/// Thread-safe. A scrape that races a <see cref="Record"/> may see the new count before the new sum (or the reverse);
/// the count it writes is always the sum of the buckets it read, so <c>+Inf</c> and <c>_count</c> agree.
/// </remarks>
public sealed class MetricHistogram
{
    private readonly double[] _upperBounds;

    // One cell per bound plus the +Inf bucket; each counts its own observations only (rendered cumulatively).
    private readonly long[] _counts;
    private double _sum;

    /// <summary>Creates an empty histogram.</summary>
    /// <param name="upperBounds">The buckets' inclusive upper bounds, finite and strictly increasing; <c>+Inf</c> is implied.</param>
    /// <exception cref="ArgumentException">The bounds are empty, not finite or not strictly increasing.</exception>
    public MetricHistogram(ReadOnlySpan<double> upperBounds)
    {
        if (upperBounds.IsEmpty)
        {
            throw new ArgumentException("A histogram needs at least one bucket bound.", nameof(upperBounds));
        }

        for (var i = 0; i < upperBounds.Length; i++)
        {
            if (!double.IsFinite(upperBounds[i]) || (i > 0 && upperBounds[i] <= upperBounds[i - 1]))
            {
                throw new ArgumentException("Bucket bounds must be finite and strictly increasing.", nameof(upperBounds));
            }
        }

        _upperBounds = upperBounds.ToArray();
        _counts = new long[upperBounds.Length + 1];
    }

    /// <summary>The buckets' inclusive upper bounds, without the implied <c>+Inf</c>.</summary>
    public ReadOnlySpan<double> UpperBounds => _upperBounds;

    /// <summary>The number of observations recorded.</summary>
    public long Count
    {
        get
        {
            var count = 0L;
            for (var i = 0; i < _counts.Length; i++)
            {
                count += Volatile.Read(ref _counts[i]);
            }

            return count;
        }
    }

    /// <summary>The sum of the observations recorded.</summary>
    public double Sum => Volatile.Read(ref _sum);

    /// <summary>Records one observation; NaN is ignored (it would poison the sum).</summary>
    /// <param name="value">The observation, e.g. a duration in seconds.</param>
    public void Record(double value)
    {
        if (double.IsNaN(value))
        {
            return;
        }

        var index = 0;
        while (index < _upperBounds.Length && value > _upperBounds[index])
        {
            index++;
        }

        Interlocked.Increment(ref _counts[index]);
        // Compared as bits: a sum that became NaN (+Inf and -Inf recorded) must not spin forever.
        double seen, added;
        do
        {
            seen = Volatile.Read(ref _sum);
            added = seen + value;
        }
        while (BitConverter.DoubleToInt64Bits(Interlocked.CompareExchange(ref _sum, added, seen)) != BitConverter.DoubleToInt64Bits(seen));
    }

    /// <summary>Copies each bucket's own count (not cumulative; the last is the <c>+Inf</c> bucket) and the sum.</summary>
    internal double Snapshot(Span<long> counts)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            counts[i] = Volatile.Read(ref _counts[i]);
        }

        return Volatile.Read(ref _sum);
    }
}
