using Nectar.JsonRpc.Server.Tests.Support;
using Xunit.Sdk;

namespace Nectar.JsonRpc.Server.Tests.Metrics;

/// <summary>The reader the exporter's output is checked with must itself reject malformed text.</summary>
public sealed class PrometheusTextCheckSpecs
{
    private const string Gauge = "# HELP a_b A.\n# TYPE a_b gauge\n";

    [Theory]
    [InlineData("a_b 1\n")]
    [InlineData(Gauge + "a_c 1\n")]
    [InlineData(Gauge + "# HELP a_b A.\n")]
    [InlineData(Gauge + "# TYPE a_b gauge\n")]
    [InlineData(Gauge + "a_b 1\na_b 2\n")]
    [InlineData(Gauge + "a_b{x=\"1\"} 1\n# HELP c_total C.\n# TYPE c_total counter\nc_total 1\na_b{x=\"2\"} 1\n")]
    [InlineData(Gauge + "a_b one\n")]
    [InlineData(Gauge + "a_b{x=1} 1\n")]
    [InlineData(Gauge + "a_b 1")]
    [InlineData("# HELP c_total C.\n# TYPE c_total counter\nc_total -1\n")]
    [InlineData("# HELP h H.\n# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 1\n")]
    [InlineData("# HELP h H.\n# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 2\n")]
    [InlineData("# HELP h H.\n# TYPE h histogram\nh 1\n")]
    public void Rejects_malformed_text(string text)
    {
        Assert.ThrowsAny<XunitException>(() => PrometheusText.Parse(text));
    }

    [Fact]
    public void Accepts_well_formed_text()
    {
        var text = PrometheusText.Parse(Gauge + "a_b{x=\"1\",y=\"q\\\"\"} 1.5\n# HELP h H.\n# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 2\nh_sum 3\nh_count 2\n");

        Assert.Equal(1.5, text.Value("a_b{x=\"1\",y=\"q\\\"\"}"));
        Assert.Equal(2, text.Value("h_count"));
    }
}
