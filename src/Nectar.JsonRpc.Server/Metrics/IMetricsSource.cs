namespace Nectar.JsonRpc.Server.Metrics;

/// <summary>
/// Figures beyond the server's own that <c>/metrics</c> exports: the node passes its sources to
/// <see cref="JsonRpcServer.StartAsync"/>, and every scrape asks each to write its families after the server's.
/// </summary>
/// <remarks>
/// Sources read gauges when asked rather than on every change, so an idle scrape costs nothing between scrapes.
/// Aggregate figures only: nothing per account, no addresses, no hashes.
/// </remarks>
public interface IMetricsSource
{
    /// <summary>
    /// Writes this source's families. Called on a request thread, concurrently with the rest of the node; must be
    /// quick and must not block on long work.
    /// </summary>
    /// <param name="writer">Where the families go; it refuses a family declared twice.</param>
    void WriteMetrics(PrometheusWriter writer);
}
