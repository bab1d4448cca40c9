using Nectar.JsonRpc.Server.Metrics;

namespace Nectar.JsonRpc.Server.Tests.Metrics;

public sealed class MetricHistogramSpecs
{
    [Fact]
    public void Counts_an_observation_on_a_bound_in_that_bound_bucket()
    {
        var histogram = new MetricHistogram([1, 2]);

        histogram.Record(1);
        histogram.Record(2);
        histogram.Record(2.000001);

        Span<long> counts = stackalloc long[3];
        var sum = histogram.Snapshot(counts);
        Assert.Equal([1L, 1L, 1L], counts.ToArray());
        Assert.Equal(5.000001, sum, 9);
        Assert.Equal(3, histogram.Count);
    }

    [Fact]
    public void Ignores_nan_and_keeps_its_sum_usable()
    {
        var histogram = new MetricHistogram([1]);

        histogram.Record(double.NaN);
        histogram.Record(0.5);

        Assert.Equal(1, histogram.Count);
        Assert.Equal(0.5, histogram.Sum);
    }

    [Fact]
    public void Does_not_spin_once_its_sum_is_nan()
    {
        var histogram = new MetricHistogram([1]);

        histogram.Record(double.PositiveInfinity);
        histogram.Record(double.NegativeInfinity);
        histogram.Record(1);

        Assert.Equal(3, histogram.Count);
        Assert.True(double.IsNaN(histogram.Sum));
    }

    [Fact]
    public async Task Counts_every_observation_recorded_from_several_threads()
    {
        var histogram = new MetricHistogram([0.25, 0.5, 1]);
        const int PerThread = 20_000;

        await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                histogram.Record((i % 4) * 0.25);
            }
        })));

        Span<long> counts = stackalloc long[4];
        var sum = histogram.Snapshot(counts);
        Assert.Equal([2L * PerThread, PerThread, PerThread, 0L], counts.ToArray());
        Assert.Equal(4 * PerThread * 0.375, sum);
    }

    [Fact]
    public void Records_without_allocating()
    {
        var histogram = new MetricHistogram([0.001, 0.01, 0.1, 1]);
        histogram.Record(0.5);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            histogram.Record(i * 0.0001);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.Equal(10_001, histogram.Count);
    }

    [Theory]
    [InlineData(new double[0])]
    [InlineData(new[] { 1.0, 1.0 })]
    [InlineData(new[] { 2.0, 1.0 })]
    [InlineData(new[] { 1.0, double.PositiveInfinity })]
    [InlineData(new[] { double.NaN })]
    public void Refuses_bounds_that_are_empty_unordered_or_not_finite(double[] bounds)
    {
        Assert.Throws<ArgumentException>(() => new MetricHistogram(bounds));
    }
}
