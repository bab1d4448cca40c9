using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Nectar.JsonRpc.Diagnostics;

namespace Nectar.JsonRpc.Server.Metrics;

/// <summary>
/// Aggregates one <see cref="RpcMetrics"/> instance through a <see cref="MeterListener"/> and renders it in the
/// Prometheus text exposition format (version 0.0.4), followed by the families of the node's
/// <see cref="IMetricsSource"/>s. Label values are only registered method names, fixed outcome and reason tags, so
/// cardinality is bounded by the dispatch table.
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    private static readonly double[] Buckets = [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5];

    private readonly MeterListener _listener = new();
    private readonly Meter _meter;
    private readonly IMetricsSource[] _sources;
    private readonly ConcurrentDictionary<(string Method, string Outcome), Cell> _requests = new();
    private readonly ConcurrentDictionary<string, MetricHistogram> _durations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Cell> _closed = new(StringComparer.Ordinal);
    private readonly Cell _connections = new();
    private readonly Cell _subscriptions = new();

    /// <summary>Starts listening to <paramref name="metrics"/>.</summary>
    /// <param name="metrics">The dispatcher's instruments.</param>
    /// <param name="sources">Further families rendered after the server's on every scrape, in order.</param>
    public PrometheusExporter(RpcMetrics metrics, IEnumerable<IMetricsSource>? sources = null)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _sources = sources is null ? [] : [.. sources];
        foreach (var source in _sources)
        {
            ArgumentNullException.ThrowIfNull(source, nameof(sources));
        }

        _meter = metrics.Meter;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, _meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnLong);
        _listener.SetMeasurementEventCallback<double>(OnDouble);
        _listener.Start();
    }

    /// <summary>The content type of <see cref="Render"/>'s output.</summary>
    public static string ContentType => "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>Renders every metric: the server's, then each source's.</summary>
    /// <returns>The exposition text.</returns>
    /// <exception cref="ArgumentException">Two sources declare the same family, or a source writes an invalid one.</exception>
    public string Render()
    {
        var writer = new PrometheusWriter();
        writer.WriteFamily("nectar_rpc_requests_total", "JSON-RPC requests by method and outcome.", MetricType.Counter);
        foreach (var ((method, outcome), cell) in _requests.OrderBy(p => p.Key.Method, StringComparer.Ordinal).ThenBy(p => p.Key.Outcome, StringComparer.Ordinal))
        {
            writer.WriteSample(cell.Value, new MetricLabel("method", method), new MetricLabel("outcome", outcome));
        }

        writer.WriteFamily("nectar_rpc_request_duration_seconds", "JSON-RPC request duration.", MetricType.Histogram);
        foreach (var (method, histogram) in _durations.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.WriteHistogram(histogram, new MetricLabel("method", method));
        }

        writer.WriteGauge("nectar_rpc_websocket_connections", "Open WebSocket connections.", _connections.Value);
        writer.WriteGauge("nectar_rpc_subscriptions", "Live subscriptions.", _subscriptions.Value);
        writer.WriteFamily("nectar_rpc_websocket_closed_total", "WebSocket connections closed by the server, by reason.", MetricType.Counter);
        foreach (var (reason, cell) in _closed.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.WriteSample(cell.Value, new MetricLabel("reason", reason));
        }

        foreach (var source in _sources)
        {
            source.WriteMetrics(writer);
        }

        return writer.ToString();
    }

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();

    private static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == key)
            {
                return tag.Value as string;
            }
        }

        return null;
    }

    private void OnLong(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        switch (instrument.Name)
        {
            case RpcMetrics.RequestsName:
                _requests.GetOrAdd((Tag(tags, "method") ?? RpcMetrics.UnknownMethod, Tag(tags, "outcome") ?? "unknown"), static _ => new Cell()).Add(value);
                break;
            case RpcMetrics.ConnectionsName:
                _connections.Add(value);
                break;
            case RpcMetrics.SubscriptionsName:
                _subscriptions.Add(value);
                break;
            case RpcMetrics.ClosedConnectionsName:
                _closed.GetOrAdd(Tag(tags, "reason") ?? "unknown", static _ => new Cell()).Add(value);
                break;
        }
    }

    private void OnDouble(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (instrument.Name == RpcMetrics.DurationName)
        {
            _durations.GetOrAdd(Tag(tags, "method") ?? RpcMetrics.UnknownMethod, static _ => new MetricHistogram(Buckets)).Record(value);
        }
    }

    private sealed class Cell
    {
        private long _value;

        public long Value => Interlocked.Read(ref _value);

        public void Add(long delta) => Interlocked.Add(ref _value, delta);
    }
}
