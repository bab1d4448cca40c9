using FsCheck;
using FsCheck.Fluent;
using Nectar.Benchmarks.Load.Measurement;

namespace Nectar.Benchmarks.Load.Tests;

public class PercentilesTests
{
    /// <summary>A fixed seed, so every run checks the same cases and a failure replays exactly.</summary>
    private static readonly Config Replayable =
        Config.QuickThrowOnFailure.WithMaxTest(500).WithQuietOnSuccess(true).WithReplay(0x4C0A_D0000_0001UL, 0x9E37_79B9_7F4A_7C15UL);

    private static readonly double[] OneToHundred = [.. Enumerable.Range(1, 100).Select(i => (double)i)];

    [Fact]
    public void Nearest_rank_of_one_to_hundred_is_the_percentile_itself()
    {
        Assert.Equal(50, Percentiles.NearestRank(OneToHundred, 50));
        Assert.Equal(90, Percentiles.NearestRank(OneToHundred, 90));
        // 0.99 * 100 is just above 99 in binary floating point; the rank must still be 99.
        Assert.Equal(99, Percentiles.NearestRank(OneToHundred, 99));
        Assert.Equal(100, Percentiles.NearestRank(OneToHundred, 100));
    }

    [Fact]
    public void Nearest_rank_rounds_the_rank_up()
    {
        double[] values = [10, 20, 30, 40];
        Assert.Equal(20, Percentiles.NearestRank(values, 50));
        Assert.Equal(30, Percentiles.NearestRank(values, 50.1));
        Assert.Equal(40, Percentiles.NearestRank(values, 99));
        Assert.Equal(10, Percentiles.NearestRank(values, 0.001));
    }

    [Fact]
    public void A_single_value_is_every_percentile()
    {
        Assert.Equal(7, Percentiles.NearestRank([7.0], 1));
        Assert.Equal(7, Percentiles.NearestRank([7.0], 99));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100.5)]
    [InlineData(double.NaN)]
    public void Rejects_a_percentile_outside_zero_to_hundred(double percentile) =>
        Assert.Throws<ArgumentException>(() => Percentiles.NearestRank(OneToHundred, percentile));

    [Fact]
    public void Rejects_an_empty_sample() =>
        Assert.Throws<ArgumentException>(() => Percentiles.NearestRank([], 50));

    [Fact]
    public void Percentile_is_a_sample_value_with_at_least_p_percent_at_or_below_and_fewer_strictly_below() =>
        Prop.ForAll(ArbMap.Default.ArbFor<int[]>(), ArbMap.Default.ArbFor<byte>(), (raw, p) =>
        {
            if (raw.Length == 0 || p == 0 || p > 100)
            {
                return true;
            }

            var sorted = raw.Select(v => (double)v).Order().ToArray();
            var value = Percentiles.NearestRank(sorted, p);
            var atOrBelow = sorted.Count(v => v <= value);
            var below = sorted.Count(v => v < value);
            return sorted.Contains(value) && atOrBelow * 100 >= p * sorted.Length && below * 100 < p * sorted.Length;
        }).Check(Replayable);

    [Fact]
    public void Summary_sorts_and_reports_mean_and_maximum()
    {
        var summary = LatencySummary.Of([5, 1, 4, 2, 3]);
        Assert.NotNull(summary);
        Assert.Equal(5, summary.Count);
        Assert.Equal(3, summary.P50);
        Assert.Equal(5, summary.P90);
        Assert.Equal(5, summary.Max);
        Assert.Equal(3, summary.Mean);
    }

    [Fact]
    public void Summary_of_nothing_is_null() => Assert.Null(LatencySummary.Of([]));
}
