namespace Nectar.Benchmarks.Load.Measurement;

/// <summary>Percentiles by the nearest-rank method: the smallest measured value with at least p % of all values at or below it.</summary>
internal static class Percentiles
{
    /// <summary>The nearest-rank percentile of sorted values.</summary>
    /// <param name="sorted">The values, ascending.</param>
    /// <param name="percentile">The percentile, in (0, 100].</param>
    /// <returns>A value of the input (never an interpolation): the one at rank ceil(p / 100 * n).</returns>
    /// <exception cref="ArgumentException">No values, or a percentile outside (0, 100].</exception>
    public static double NearestRank(ReadOnlySpan<double> sorted, double percentile)
    {
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("No values.", nameof(sorted));
        }

        if (!(percentile > 0 && percentile <= 100))
        {
            throw new ArgumentException($"A percentile lies in (0, 100], not {percentile}.", nameof(percentile));
        }

        return sorted[RankOf(sorted.Length, percentile) - 1];
    }

    /// <summary>The 1-based nearest rank of a percentile among <paramref name="count"/> values.</summary>
    /// <param name="count">How many values.</param>
    /// <param name="percentile">The percentile, in (0, 100].</param>
    /// <returns>ceil(p / 100 * n), at least 1.</returns>
    public static int RankOf(int count, double percentile)
    {
        // In decimal, so that 99 % of 100 values is rank 99 exactly: in binary floating point 0.99 * 100 is just
        // above 99 and its ceiling would be 100.
        var rank = (int)Math.Ceiling((decimal)percentile * count / 100m);
        return Math.Clamp(rank, 1, count);
    }
}
