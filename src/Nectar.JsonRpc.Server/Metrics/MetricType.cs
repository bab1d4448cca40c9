namespace Nectar.JsonRpc.Server.Metrics;

/// <summary>The Prometheus metric types a <see cref="PrometheusWriter"/> declares.</summary>
public enum MetricType
{
    /// <summary>A value that only goes up (resets when the process restarts); its name ends in <c>_total</c>.</summary>
    Counter,

    /// <summary>A value that goes up and down, read at scrape time.</summary>
    Gauge,

    /// <summary>Observations counted into cumulative buckets, with their sum and count (see <see cref="MetricHistogram"/>).</summary>
    Histogram,
}
