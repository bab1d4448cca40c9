using Nectar.JsonRpc.Server.Metrics;
using Nectar.JsonRpc.Server.Tests.Support;

namespace Nectar.JsonRpc.Server.Tests.Metrics;

public sealed class PrometheusWriterSpecs
{
    [Fact]
    public void Writes_help_and_type_once_then_the_families_samples()
    {
        var writer = new PrometheusWriter();
        writer.WriteGauge("nectar_test_head_block", "The head.", 42);
        writer.WriteCounter("nectar_test_blocks_total", "Blocks.", 7);
        writer.WriteFamily("nectar_test_items", "Items by state.", MetricType.Gauge);
        writer.WriteSample(3, new MetricLabel("state", "ready"));
        writer.WriteSample(4, new MetricLabel("state", "waiting"));

        Assert.Equal(
            "# HELP nectar_test_head_block The head.\n# TYPE nectar_test_head_block gauge\nnectar_test_head_block 42\n" +
            "# HELP nectar_test_blocks_total Blocks.\n# TYPE nectar_test_blocks_total counter\nnectar_test_blocks_total 7\n" +
            "# HELP nectar_test_items Items by state.\n# TYPE nectar_test_items gauge\n" +
            "nectar_test_items{state=\"ready\"} 3\nnectar_test_items{state=\"waiting\"} 4\n",
            writer.ToString());
    }

    [Fact]
    public void Writes_a_histogram_as_cumulative_buckets_with_sum_and_count()
    {
        var histogram = new MetricHistogram([0.01, 0.1, 1]);
        histogram.Record(0.005);
        histogram.Record(0.1);
        histogram.Record(0.5);
        histogram.Record(3);
        var writer = new PrometheusWriter();

        writer.WriteFamily("nectar_test_seconds", "Durations.", MetricType.Histogram);
        writer.WriteHistogram(histogram, new MetricLabel("kind", "a"));

        Assert.Equal(
            "# HELP nectar_test_seconds Durations.\n# TYPE nectar_test_seconds histogram\n" +
            "nectar_test_seconds_bucket{kind=\"a\",le=\"0.01\"} 1\n" +
            "nectar_test_seconds_bucket{kind=\"a\",le=\"0.1\"} 2\n" +
            "nectar_test_seconds_bucket{kind=\"a\",le=\"1\"} 3\n" +
            "nectar_test_seconds_bucket{kind=\"a\",le=\"+Inf\"} 4\n" +
            "nectar_test_seconds_sum{kind=\"a\"} 3.605\n" +
            "nectar_test_seconds_count{kind=\"a\"} 4\n",
            writer.ToString());
        PrometheusText.Parse(writer.ToString());
    }

    [Fact]
    public void Writes_an_unlabelled_histogram_with_le_as_its_only_label()
    {
        var histogram = new MetricHistogram([1]);
        histogram.Record(2);
        var writer = new PrometheusWriter();

        writer.WriteFamily("nectar_test_seconds", "Durations.", MetricType.Histogram);
        writer.WriteHistogram(histogram);

        var text = PrometheusText.Parse(writer.ToString());
        Assert.Equal(0, text.Value("nectar_test_seconds_bucket{le=\"1\"}"));
        Assert.Equal(1, text.Value("nectar_test_seconds_bucket{le=\"+Inf\"}"));
        Assert.Equal(2, text.Value("nectar_test_seconds_sum"));
        Assert.Equal(1, text.Value("nectar_test_seconds_count"));
    }

    [Fact]
    public void Escapes_label_values_and_help_text()
    {
        var writer = new PrometheusWriter();

        writer.WriteFamily("nectar_test_items", "Back\\slash\nand \"quotes\".", MetricType.Gauge);
        writer.WriteSample(1, new MetricLabel("name", "a\\b\"c\nd"));

        Assert.Equal(
            "# HELP nectar_test_items Back\\\\slash\\nand \"quotes\".\n# TYPE nectar_test_items gauge\n" +
            "nectar_test_items{name=\"a\\\\b\\\"c\\nd\"} 1\n",
            writer.ToString());
        PrometheusText.Parse(writer.ToString());
    }

    [Fact]
    public void Writes_non_finite_and_large_values_in_the_formats_spelling()
    {
        var writer = new PrometheusWriter();
        writer.WriteFamily("nectar_test_values", "Values.", MetricType.Gauge);

        writer.WriteSample(double.NaN, new MetricLabel("v", "nan"));
        writer.WriteSample(double.PositiveInfinity, new MetricLabel("v", "inf"));
        writer.WriteSample(double.NegativeInfinity, new MetricLabel("v", "-inf"));
        writer.WriteSample(1e21, new MetricLabel("v", "big"));
        writer.WriteSample(9_007_199_254_740_992, new MetricLabel("v", "2^53"));

        var text = writer.ToString();
        Assert.Contains("{v=\"nan\"} NaN\n", text, StringComparison.Ordinal);
        Assert.Contains("{v=\"inf\"} +Inf\n", text, StringComparison.Ordinal);
        Assert.Contains("{v=\"-inf\"} -Inf\n", text, StringComparison.Ordinal);
        Assert.Contains("{v=\"big\"} 1E+21\n", text, StringComparison.Ordinal);
        Assert.Contains("{v=\"2^53\"} 9007199254740992\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_family_declared_twice()
    {
        var writer = new PrometheusWriter();
        writer.WriteGauge("nectar_test_head_block", "The head.", 1);

        Assert.Throws<ArgumentException>(() => writer.WriteGauge("nectar_test_head_block", "Again.", 2));
        Assert.Throws<ArgumentException>(() => writer.WriteFamily("nectar_test_head_block", "Again.", MetricType.Histogram));
    }

    [Fact]
    public void Refuses_a_counter_whose_name_does_not_end_in_total()
    {
        var writer = new PrometheusWriter();

        Assert.Throws<ArgumentException>(() => writer.WriteCounter("nectar_test_blocks", "Blocks.", 1));
        writer.WriteCounter("nectar_test_blocks_total", "Blocks.", 1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1nectar")]
    [InlineData("nectar-head")]
    [InlineData("nectar head")]
    [InlineData("nectar_héad")]
    public void Refuses_an_invalid_metric_name(string name)
    {
        var writer = new PrometheusWriter();

        Assert.Throws<ArgumentException>(() => writer.WriteGauge(name, "Bad.", 1));
        Assert.Equal(string.Empty, writer.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("1state")]
    [InlineData("__state")]
    [InlineData("sta:te")]
    [InlineData("st-ate")]
    public void Refuses_an_invalid_label_name(string name)
    {
        var writer = new PrometheusWriter();
        writer.WriteFamily("nectar_test_items", "Items.", MetricType.Gauge);

        Assert.Throws<ArgumentException>(() => writer.WriteSample(1, new MetricLabel(name, "x")));
        writer.WriteSample(1, new MetricLabel("state", "x"));
    }

    [Fact]
    public void Refuses_a_label_given_twice_and_le_on_a_histogram()
    {
        var writer = new PrometheusWriter();
        writer.WriteFamily("nectar_test_items", "Items.", MetricType.Gauge);
        Assert.Throws<ArgumentException>(() => writer.WriteSample(1, new MetricLabel("a", "x"), new MetricLabel("a", "y")));

        writer.WriteFamily("nectar_test_seconds", "Durations.", MetricType.Histogram);
        Assert.Throws<ArgumentException>(() => writer.WriteHistogram(new MetricHistogram([1]), new MetricLabel("le", "1")));
    }

    [Fact]
    public void Refuses_samples_outside_a_family_of_their_kind()
    {
        var writer = new PrometheusWriter();
        Assert.Throws<InvalidOperationException>(() => writer.WriteSample(1));

        writer.WriteFamily("nectar_test_seconds", "Durations.", MetricType.Histogram);
        Assert.Throws<InvalidOperationException>(() => writer.WriteSample(1));

        writer.WriteFamily("nectar_test_items", "Items.", MetricType.Gauge);
        Assert.Throws<InvalidOperationException>(() => writer.WriteHistogram(new MetricHistogram([1])));
    }
}
